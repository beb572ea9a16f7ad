package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cellwright.run.dfn.DfnInputs;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.json.ResolvedInputs;
import org.junit.jupiter.api.Test;

/**
 * A DFN run's inputs hash (summary.json's inputs_hash, the run id's suffix, Staleness) is of its mapped values, not of
 * the order a map hands them in: DfnMapping passes Map.copyOf, whose iteration order changes with every JVM, and the
 * same Marquis 2019 inputs read three hashes in three runs.
 */
class DfnInputsHashTest {

	static DfnInputs inputs(Map<String, String> values) {
		return new DfnInputs(new ResolvedInputs.Provenance("X", "x.cell", 1, "0.1.0", "2026-12-05T00:00:00Z"), "C", null, null, 1e-4, 0,
				Double.POSITIVE_INFINITY, 1, Double.NaN, new ProtocolSpec("P", List.of()), null, values);
	}

	/** A map of the (key, value) pairs that iterates in their order. */
	static Map<String, String> inOrder(String... pairs) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int k = 0; k < pairs.length; k += 2) m.put(pairs[k], pairs[k + 1]);
		return m;
	}

	@Test
	void theSameValuesInAnyOrderGiveTheSameHashAndFile() {
		Map<String, String> a = inOrder("mesh", "20/20/20 x 30", "area", "1.0 m2", "relative-tolerance", "1.0E-4");
		Map<String, String> b = inOrder("relative-tolerance", "1.0E-4", "mesh", "20/20/20 x 30", "area", "1.0 m2");
		assertEquals(inputs(a).hash(), inputs(b).hash());
		assertEquals(inputs(a).json().toString(), inputs(b).json().toString(), "dfn-inputs.json in key order");
		assertEquals(List.of("area", "mesh", "relative-tolerance"), List.copyOf(inputs(b).json().getAsJsonObject("dfn").keySet()));
		b.put("area", "2.0 m2");
		assertNotEquals(inputs(a).hash(), inputs(b).hash(), "another value, another hash");
	}
}

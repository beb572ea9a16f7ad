package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;

import org.cellwright.solver.CycleSummary;
import org.cellwright.solver.RecordingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A liquid-electrolyte cell starts at the state of charge of its parameters (the library's Marquis 2019 cell: charged),
 * not where its discharge ends. Charged for 5 min from there and discharged to its cut-off, its first cycle gave back
 * what it held at the start as well: an efficiency of about 1 000 % (1 021 % at 5 C, found fuzzing in session 19).
 * The first cycle from the run's start has no efficiency now; the next one, which starts at the cut-off, has one.
 */
class DfnFirstCycleRunTest {

	@TempDir Path tmp;

	@Test
	void aCellStartingChargedHasNoEfficiencyInItsFirstCycleAndOneInTheNext() throws Exception {
		RecordingSink sink = DfnRunTest.completed(tmp.resolve("f.cell"), "marquis2019", "Marquis2019Kokam",
				" charge at 1 C for 5 min\n discharge at 1 C until 3.105 V\n charge at 1 C until 4.1 V\n discharge at 1 C until 3.105 V");
		List<CycleSummary> c = sink.cycles;
		assertEquals(2, c.size(), c.toString());
		assertTrue(c.get(0).dischargeCapacity() > 5 * c.get(0).chargeCapacity(), "the charged cell gave back more than 5 min stored: " + c.get(0));
		assertTrue(Double.isNaN(c.get(0).coulombicEfficiency()), "the first cycle did not start where the discharge ends: " + c.get(0));
		// from the 1 C cut-off back to it at 1 C, a model without side reactions: about 100 %
		assertEquals(1, c.get(1).coulombicEfficiency(), 0.03, c.get(1).toString());
	}

	/** summary.json's part of a recorded run (first_discharge, capacity_retention). */
	private static com.google.gson.JsonObject summary(RecordingSink sink) {
		org.cellwright.solver.output.SummaryJsonWriter w = new org.cellwright.solver.output.SummaryJsonWriter();
		w.start(sink.info);
		for (CycleSummary c : sink.cycles) w.cycle(c);
		w.finish(sink.status);
		return w.json();
	}

	/**
	 * The run's first discharge is the first full one (SummaryJsonWriter.countsAsDischarge, session 20). A charged DFN
	 * cell discharged to its cut-off first: that discharge is the cell's capacity from the state it was given (cycle
	 * 1, no efficiency), the first discharge and the retention's reference; with the rule alone (a cycle that started
	 * where a discharge ends) a DFN run's discharge read "first discharge - (no full discharge)".
	 */
	@Test
	void aChargedCellsFirstDischargeToItsCutoffIsItsFirstFullDischarge() throws Exception {
		RecordingSink sink = DfnRunTest.completed(tmp.resolve("g.cell"), "marquis2019", "Marquis2019Kokam",
				" discharge at 1 C until 3.105 V\n charge at 1 C until 4.1 V\n discharge at 1 C until 3.105 V");
		com.google.gson.JsonObject s = summary(sink);
		assertEquals(1, s.getAsJsonObject("first_discharge").get("cycle").getAsInt(), s.toString());
		assertTrue(Double.isNaN(sink.cycles.get(0).coulombicEfficiency()), "stored nothing: no efficiency " + sink.cycles);
		// both discharges at 1 C to 3.105 V: the second over the first
		assertEquals(sink.cycles.get(1).dischargeCapacity() / sink.cycles.get(0).dischargeCapacity(), s.get("capacity_retention").getAsDouble(), 1e-12);
	}

	/**
	 * A charged DFN cell's discharge stopped by a duration is not a full discharge, nor is the next one to the cut-off
	 * after a 1 min charge (it started mid-way: the remainder, as an HPPC's last pulse cycle): none, and why.
	 */
	@Test
	void aChargedCellsPulseAndTheRemainderAfterItAreNoFullDischarge() throws Exception {
		RecordingSink sink = DfnRunTest.completed(tmp.resolve("h.cell"), "marquis2019", "Marquis2019Kokam",
				" discharge at 1 C for 5 min\n charge at 1 C for 1 min\n discharge at 1 C until 3.105 V");
		com.google.gson.JsonObject s = summary(sink);
		assertTrue(s.getAsJsonObject("first_discharge").get("cycle").isJsonNull(), s.toString());
		assertTrue(s.getAsJsonObject("first_discharge").get("reason").getAsString().startsWith("no discharge from a full charge brought"), s.toString());
		assertTrue(s.get("capacity_retention").isJsonNull(), s.toString());
	}
}

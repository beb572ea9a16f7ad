package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.output.SummaryJsonWriter;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The run's capacity retention (summary.json, the report's key numbers, sweep tables) over the cycles that
 * discharged (fuzz, session 18): a protocol that ends with a charge (the cell stored charged, or a charge at -20 degC
 * after cycling) closes a last cycle of that charge alone, and the retention, its discharge (0) over the first, read
 * 0 %. A discharge step that passed nothing (its cut-off at once) still counts: the cell gave nothing back.
 */
class CapacityRetentionTest {

	private static JsonObject run(StepSpec... steps) {
		SummaryJsonWriter summary = new SummaryJsonWriter();
		RunStatus st = new Simulation().run(Sung2023Parameters.cell6Full(65e6, 298.15), ProtocolSpec.of(steps),
				SolverSettings.builder().build(), summary, null);
		assertEquals(RunStatus.COMPLETED, st);
		return summary.json();
	}

	private static double discharge(JsonObject s, int cycle) {
		return s.getAsJsonArray("cycles").get(cycle - 1).getAsJsonObject().get("discharge_mAh_cm2").getAsDouble();
	}

	@Test
	void aClosingChargeIsLeftOutOfTheRetention() {
		StepSpec charge = StepSpec.cRate(0.5, Cutoff.voltageAbove(4.3));
		StepSpec discharge = StepSpec.cRate(-0.5, Cutoff.voltageBelow(2.8));
		JsonObject s = run(charge, discharge, charge, discharge, charge);
		JsonArray cycles = s.getAsJsonArray("cycles");
		assertEquals(3, cycles.size(), "the closing charge opens a third cycle");
		assertEquals(0, discharge(s, 3), 0, "which discharges nothing");
		double retention = s.get("capacity_retention").getAsDouble();
		assertEquals(discharge(s, 2) / discharge(s, 1), retention, 1e-12, "cycle 2's discharge over cycle 1's, not 0 %");
		assertTrue(retention > 0.9 && retention < 1.05, "" + retention);
	}

	@Test
	void aSingleDischargeHasNoRetention() {
		JsonObject s = run(StepSpec.cRate(0.5, Cutoff.voltageAbove(4.3)), StepSpec.cRate(-0.5, Cutoff.voltageBelow(2.8)),
				StepSpec.cRate(0.5, Cutoff.voltageAbove(4.3)));
		assertTrue(s.get("capacity_retention").isJsonNull(), "one discharge, nothing to retain it against: " + s.get("capacity_retention"));
	}
}

package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.solver.CycleSummary;
import org.cellwright.solver.LithiumInventory;
import org.cellwright.solver.RunInfo;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.output.SummaryJsonWriter;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/**
 * The capacity retention's reference is an earlier full discharge of the same steps under the same conditions that
 * passed charge (SummaryJsonWriter.retentionCycles). A 0.2 C discharge, then a 1 C discharge that passed nothing (its
 * cut-off at once), then a 1 C discharge: the only earlier 1 C discharge gave nothing, so there is no retention (not
 * the last over 0, an infinite retention), while the last discharge is the last cycle's and the first the 0.2 C one.
 * Mutation audit, session 22 (C9 in docs/solid-state-solver.md): the reference's "passed charge" rule dropped passed
 * CapacityRetentionTest, whose cycles all ran the same steps (the first full discharge, which passed charge, was
 * always found first).
 */
class RetentionReferenceTest {

	private static final StepSpec SLOW = StepSpec.cRate(-0.2, Cutoff.voltageBelow(2.8)), FAST = StepSpec.cRate(-1, Cutoff.voltageBelow(2.8));

	/** A full cell's cycle that brought the cell back, charges in C/m2, its discharge one protocol step at 25 degC and 5 MPa. */
	private static CycleSummary cycle(int index, double charge, double discharge, StepSpec step) {
		LithiumInventory li = new LithiumInventory(1, 0, 0, 0, 0, 0, 2, 3);
		return new CycleSummary(index, charge, discharge, Double.NaN, Double.NaN, 10 * (index - 1), 10 * index, li, List.of(), true, true, true,
				List.of(new CycleSummary.DischargeStep(step, 298.15, 5e6)));
	}

	private static JsonObject summary(CycleSummary... cycles) {
		SummaryJsonWriter w = new SummaryJsonWriter();
		w.start(new RunInfo("cell", 1e-4, Double.NaN, Double.NaN, true, 4, 2));
		for (CycleSummary c : cycles) w.cycle(c);
		w.finish(RunStatus.COMPLETED);
		return w.json();
	}

	@Test
	void aDischargeOfTheSameStepsThatPassedNothingIsNoReference() {
		JsonObject s = summary(cycle(1, 100, 95, SLOW), cycle(2, 5, 0, FAST), cycle(3, 90, 80, FAST));
		assertTrue(s.get("capacity_retention").isJsonNull(), "no earlier 1 C discharge gave anything: " + s.get("capacity_retention"));
		assertTrue(s.get("capacity_retention_cycles").isJsonNull());
		assertEquals(1, s.getAsJsonObject("first_discharge").get("cycle").getAsInt());
		assertEquals(3, s.getAsJsonObject("last_discharge").get("cycle").getAsInt());
		// with a 1 C discharge that gave before it, that one is the reference: cycle 4's over cycle 2's
		JsonObject t = summary(cycle(1, 100, 95, SLOW), cycle(2, 90, 80, FAST), cycle(3, 5, 0, FAST), cycle(4, 90, 72, FAST));
		assertEquals(0.9, t.get("capacity_retention").getAsDouble(), 1e-12);
		assertEquals(2, t.getAsJsonObject("capacity_retention_cycles").get("first").getAsInt());
		assertEquals(25, t.getAsJsonObject("capacity_retention_cycles").get("temperature_degC").getAsDouble(), 1e-9);
		assertEquals(5, t.getAsJsonObject("capacity_retention_cycles").get("stack_pressure_MPa").getAsDouble(), 1e-9);
	}
}

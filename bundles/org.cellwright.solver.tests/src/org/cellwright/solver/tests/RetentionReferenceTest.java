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
		return cycle(index, charge, discharge, step, 5e6);
	}

	/** The same at a stack pressure [Pa]. */
	private static CycleSummary cycle(int index, double charge, double discharge, StepSpec step, double pressure) {
		LithiumInventory li = new LithiumInventory(1, 0, 0, 0, 0, 0, 2, 3);
		return new CycleSummary(index, charge, discharge, Double.NaN, Double.NaN, 10 * (index - 1), 10 * index, li, List.of(), true, true, true,
				List.of(new CycleSummary.DischargeStep(step, 298.15, pressure)));
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

	/**
	 * A reference must have passed a charge a cycler resolves (SummaryJsonWriter.passedCharge: more than
	 * NumericalThresholds.EFFICIENCY_RESOLUTION_SHARE of the cell's lithium, the rule of a Coulombic efficiency).
	 * The baseline full cell formed at 1 MPa and cycled at 5 MPa never regains its contact: its discharges at 5 MPa
	 * passed 1.2e-10 mAh/cm2 each, and summary.json read a retention of 0.99999999984, cycle 3's nothing over cycle 2's
	 * (session 38). Now none, and the messages say why; a real reference with a last discharge of nothing still reads
	 * about 0 %, without that message.
	 */
	@Test
	void dischargesThatPassedLessThanACyclerResolvesAreNoReference() {
		double nothing = 1.2e-10 * 36000; // C/m2: 1.2e-10 mAh/cm2
		JsonObject s = summary(cycle(1, 100, 95, FAST, 1e6), cycle(2, nothing, nothing, FAST), cycle(3, nothing, 0.99999999984 * nothing, FAST));
		assertTrue(s.get("capacity_retention").isJsonNull(), "two discharges of nothing: " + s.get("capacity_retention"));
		assertTrue(s.get("capacity_retention_cycles").isJsonNull());
		assertTrue(s.getAsJsonArray("messages").toString().contains("INFO: capacity retention: none: the earlier discharges of cycle 3's steps"
				+ " (cycle 2) passed 1.20e-10 mAh/cm2 at most, no charge worth a retention (below 1e-5 of the cell's lithium"), s.get("messages").toString());
		// the threshold: 1e-5 of the cell's lithium, 6 mol/m2 here, 5.79 C/m2; just above it a reference, just below none
		double share = 1e-5 * 6 * 96485.33212;
		assertEquals(1, summary(cycle(1, 100, 1.01 * share, FAST), cycle(2, 100, 1.01 * share, FAST)).get("capacity_retention").getAsDouble(), 1e-12);
		assertTrue(summary(cycle(1, 100, 0.99 * share, FAST), cycle(2, 100, 0.99 * share, FAST)).get("capacity_retention").isJsonNull());
		// over a real reference, a last discharge of nothing is the cell's: about 0 %, and nothing to explain
		JsonObject t = summary(cycle(1, 100, 95, FAST), cycle(2, nothing, nothing, FAST));
		assertEquals(0, t.get("capacity_retention").getAsDouble(), 1e-6);
		assertFalse(t.getAsJsonArray("messages").toString().contains("capacity retention: none"), t.get("messages").toString());
	}

	/**
	 * The run's first discharge (summary.json's first_discharge: the CLI, the report, {@code expect capacity-retention}'s
	 * default reference) is by the retention's reference's rule, one predicate (SummaryJsonWriter.countsAsDischarge
	 * through passedCharge): it was the first that passed more than 0, so a cell whose first discharge passed 1.2e-10
	 * mAh/cm2 named that one, while the retention was taken over cycle 2's (and an expectation without 'relative to'
	 * divided by 1.2e-10). A run whose full discharges all passed so little has no first discharge and says why, and no
	 * last discharge; its retention none, with the reason.
	 */
	@Test
	void theFirstDischargeIsTheFirstThatPassedAChargeACyclerResolves() {
		double nothing = 1.2e-10 * 36000;
		JsonObject s = summary(cycle(1, 100, nothing, FAST), cycle(2, 100, 95, FAST), cycle(3, 100, 90, FAST));
		assertEquals(2, s.getAsJsonObject("first_discharge").get("cycle").getAsInt(), s.get("first_discharge").toString());
		assertEquals(2, s.getAsJsonObject("capacity_retention_cycles").get("first").getAsInt());
		assertEquals(90.0 / 95, s.get("capacity_retention").getAsDouble(), 1e-12);
		assertTrue(s.get("capacity_retention_reason").isJsonNull());
		// every full discharge passed too little
		JsonObject t = summary(cycle(1, 100, nothing, FAST), cycle(2, 100, nothing, FAST), cycle(3, 100, 2 * nothing, FAST));
		JsonObject fd = t.getAsJsonObject("first_discharge");
		assertTrue(fd.get("cycle").isJsonNull(), fd.toString());
		assertEquals("the discharges from a full charge passed 2.40e-10 mAh/cm2 at most, too little to count (below 1e-5 of the cell's"
				+ " lithium, the charge a cycler resolves, as for a Coulombic efficiency)", fd.get("reason").getAsString());
		assertTrue(t.getAsJsonObject("last_discharge").get("cycle").isJsonNull(), t.get("last_discharge").toString());
		assertTrue(t.get("capacity_retention").isJsonNull());
		assertTrue(t.get("capacity_retention_reason").getAsString().startsWith("the earlier discharges of cycle 3's steps (cycles 1 and 2) passed 1.20e-10"),
				t.get("capacity_retention_reason").toString());
	}

	/**
	 * summary.json says why a run with two full discharges or more has no retention (capacity_retention_reason: the
	 * report's key number and the CLI's summary read "none (...)"; they showed nothing). Where no earlier discharge ran the
	 * last's steps: that; where the earlier ones passed too little: those cycles, named as they are (the writer said
	 * "cycles 2-4" of cycles 2 and 4, and ran its search three times), with the INFO message. Fewer than two full
	 * discharges: no reason (nothing to compare).
	 */
	@Test
	void aRunWithoutRetentionSaysWhyAndNamesTheCyclesItLookedAt() {
		double nothing = 1.2e-10 * 36000;
		JsonObject rates = summary(cycle(1, 100, 95, SLOW), cycle(2, 100, 80, FAST));
		assertTrue(rates.get("capacity_retention").isJsonNull());
		assertEquals("no earlier full discharge ran cycle 2's discharge steps (rate or current, cut-offs) at its temperature and stack pressure",
				rates.get("capacity_retention_reason").getAsString());
		assertFalse(rates.get("messages").toString().contains("capacity retention"), rates.get("messages").toString());
		JsonObject gaps = summary(cycle(1, 100, 95, SLOW), cycle(2, 100, nothing, FAST), cycle(3, 100, 95, SLOW), cycle(4, 100, nothing, FAST),
				cycle(5, 100, nothing, FAST));
		String why = gaps.get("capacity_retention_reason").getAsString();
		assertTrue(why.startsWith("the earlier discharges of cycle 5's steps (cycles 2 and 4) passed 1.20e-10 mAh/cm2 at most"), why);
		assertTrue(gaps.get("messages").toString().contains("INFO: capacity retention: none: " + why), gaps.get("messages").toString());
		JsonObject runs = summary(cycle(1, 100, 95, SLOW), cycle(2, 100, nothing, FAST), cycle(3, 100, nothing, FAST), cycle(4, 100, nothing, FAST),
				cycle(5, 100, 95, SLOW), cycle(6, 100, nothing, FAST), cycle(7, 100, 95, SLOW), cycle(8, 100, 0, FAST), cycle(9, 100, nothing, FAST));
		assertTrue(runs.get("capacity_retention_reason").getAsString().startsWith("the earlier discharges of cycle 9's steps (cycles 2-4, 6 and 8)"),
				runs.get("capacity_retention_reason").toString());
		assertTrue(summary(cycle(1, 100, 95, SLOW)).get("capacity_retention_reason").isJsonNull());
	}

	/**
	 * Each cycle of summary.json records the cell's lithium at its end (lithium_mAh_cm2, session 40), so that a reader of
	 * the folder applies the rule the run applied: {@code expect capacity-retention of cycle N relative to cycle M} took
	 * any discharge above 0 as its reference, the folder giving no lithium to take 1e-5 of. The reader
	 * (SummaryJsonWriter.dischargeResolves) agrees with the writer's rule on each side of the threshold, and a cycle
	 * written before (no lithium) is not known (null), one that discharged nothing is no reference.
	 */
	@Test
	void eachCycleRecordsTheCellsLithiumAndTheReaderAppliesTheWritersRule() {
		double share = 1e-5 * 6 * 96485.33212; // 1e-5 of the cell's 6 mol/m2, in C/m2
		JsonObject s = summary(cycle(1, 100, 95, FAST), cycle(2, 100, 1.01 * share, FAST), cycle(3, 100, 0.99 * share, FAST), cycle(4, 100, 0, FAST));
		var cycles = s.getAsJsonArray("cycles");
		assertEquals(6 * 96485.33212 / 36000, cycles.get(0).getAsJsonObject().get("lithium_mAh_cm2").getAsDouble(), 1e-12,
				"6 mol/m2 of lithium in all its places, as a charge in mAh/cm2");
		assertEquals(Boolean.TRUE, SummaryJsonWriter.dischargeResolves(cycles.get(0).getAsJsonObject()));
		assertEquals(Boolean.TRUE, SummaryJsonWriter.dischargeResolves(cycles.get(1).getAsJsonObject()), "just above 1e-5 of the lithium");
		assertEquals(Boolean.FALSE, SummaryJsonWriter.dischargeResolves(cycles.get(2).getAsJsonObject()), "just below");
		assertEquals(Boolean.FALSE, SummaryJsonWriter.dischargeResolves(cycles.get(3).getAsJsonObject()), "nothing discharged");
		JsonObject old = cycles.get(2).getAsJsonObject().deepCopy();
		old.remove("lithium_mAh_cm2");
		assertNull(SummaryJsonWriter.dischargeResolves(old), "a cycle written before session 40: not known");
	}
}

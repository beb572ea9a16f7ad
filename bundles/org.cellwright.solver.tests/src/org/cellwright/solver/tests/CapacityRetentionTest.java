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
 * 0 %. A discharge that passed nothing (its cut-off or a power limit at once) is no discharge of the cell: neither the
 * first discharge nor the retention's (session 21; its efficiency stays 0 %, CoulombicEfficiencyTest).
 */
class CapacityRetentionTest {

	private static JsonObject run(StepSpec... steps) {
		return run(Sung2023Parameters.cell6Full(65e6, 298.15), steps);
	}

	private static JsonObject run(org.cellwright.solver.input.CellSpec cell, StepSpec... steps) {
		SummaryJsonWriter summary = new SummaryJsonWriter();
		RunStatus st = new Simulation().run(cell, ProtocolSpec.of(steps),
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

	/**
	 * A full cell's cycle that does not bring the cell back is not the cell's capacity: an HPPC's first cycle, a 10 s
	 * pulse, as the first discharge read a retention of 35 690 %, and its last pulse cycle, which started mid-way and
	 * reached the 1 C cut-off, 3 700 % (found fuzzing in session 19). The retention is over the cycles that run from
	 * where the discharge ends to where it ends again (CycleBook.bringsTheCellBack, as the efficiencies).
	 */
	/** A 0.5 C charge, a 60 s 1 C pulse each way, a 0.5 C discharge to the cut-off, two full 0.5 C cycles: 4 cycles. */
	private static JsonObject pulseThenFullCycles() {
		StepSpec charge = StepSpec.cRate(0.5, Cutoff.voltageAbove(4.3));
		StepSpec discharge = StepSpec.cRate(-0.5, Cutoff.voltageBelow(2.8));
		return run(charge, StepSpec.cRate(-1, Cutoff.duration(60)), StepSpec.cRate(1, Cutoff.duration(60)), discharge,
				charge, discharge, charge, discharge);
	}

	@Test
	void aPulseIsLeftOutOfTheRetention() {
		JsonObject s = pulseThenFullCycles();
		assertEquals(4, s.getAsJsonArray("cycles").size());
		assertTrue(discharge(s, 1) < 0.05 * discharge(s, 3), "cycle 1 a pulse: " + discharge(s, 1) + " against " + discharge(s, 3));
		assertTrue(discharge(s, 2) > 0.9 * discharge(s, 3), "cycle 2 from a pulse to the cut-off: " + discharge(s, 2));
		double retention = s.get("capacity_retention").getAsDouble();
		assertEquals(discharge(s, 4) / discharge(s, 3), retention, 1e-12, "cycle 4's discharge over cycle 3's, not over the pulse's cycles");
		assertTrue(retention > 0.9 && retention < 1.05, "" + retention);
	}

	/**
	 * The run's first discharge (summary.json's first_discharge: the printed summary, the report's key numbers, sweep
	 * and run tables) is the retention's first, by the same rule: an HPPC's first cycle, a full charge and a 10 s pulse,
	 * read "first discharge 0.58 mAh/g" (session 19's fuzz, fixed in session 20). Here cycle 1 is a 60 s pulse and cycle
	 * 2 started mid-way: the first full discharge is cycle 3's, named.
	 */
	@Test
	void theFirstDischargeIsTheFirstFullOneAndNamesItsCycle() {
		JsonObject s = pulseThenFullCycles();
		JsonObject first = s.getAsJsonObject("first_discharge");
		assertEquals(3, first.get("cycle").getAsInt(), first.toString());
		assertEquals(discharge(s, 3), first.get("discharge_mAh_cm2").getAsDouble(), 0);
		double specific = first.get("discharge_mAh_g").getAsDouble();
		assertTrue(specific > 150 && specific < 230, "a full discharge of NMC, not a pulse's: " + specific + " mAh/g");
	}

	/** A run of pulses alone has no first discharge: none, with its reason, rather than a pulse's. */
	@Test
	void pulsesAloneHaveNoFirstDischargeAndSayWhy() {
		JsonObject s = run(StepSpec.cRate(0.5, Cutoff.voltageAbove(4.3)), StepSpec.cRate(-1, Cutoff.duration(60)),
				StepSpec.cRate(1, Cutoff.duration(30)), StepSpec.cRate(-1, Cutoff.duration(60)));
		JsonObject first = s.getAsJsonObject("first_discharge");
		assertTrue(first.get("cycle").isJsonNull(), first.toString());
		assertTrue(first.get("reason").getAsString().contains("pulses"), first.toString());
		assertTrue(s.get("capacity_retention").isJsonNull());
	}

	/**
	 * The retention compares discharges of the same steps (rate, cut-offs): the last over the first full discharge of
	 * the same protocol step. 120 cycles at 1 C and 60 degC after a 0.1 C formation read 62 % against the formation's
	 * discharge, where the 1 C discharges had kept 80 % (session 20's fuzz). Here a 0.2 C discharge, then two at 1 C:
	 * the 1 C discharges' ratio, cycles 2 and 3 named.
	 */
	@Test
	void theRetentionComparesDischargesOfTheSameSteps() {
		StepSpec charge = StepSpec.cRate(0.5, Cutoff.voltageAbove(4.3));
		StepSpec fast = StepSpec.cRate(-1, Cutoff.voltageBelow(2.8));
		JsonObject s = run(charge, StepSpec.cRate(-0.2, Cutoff.voltageBelow(2.8)), charge, fast, charge, fast);
		assertTrue(discharge(s, 2) < 0.97 * discharge(s, 1), "1 C gives less than 0.2 C: " + discharge(s, 2) + " " + discharge(s, 1));
		double retention = s.get("capacity_retention").getAsDouble();
		assertEquals(discharge(s, 3) / discharge(s, 2), retention, 1e-12, "cycle 3's over cycle 2's, both at 1 C");
		assertEquals(2, s.getAsJsonObject("capacity_retention_cycles").get("first").getAsInt());
		assertEquals(3, s.getAsJsonObject("capacity_retention_cycles").get("last").getAsInt());
		assertEquals(1, s.getAsJsonObject("first_discharge").get("cycle").getAsInt(), "the first discharge stays cycle 1's");
	}

	/**
	 * Nor does it compare discharges of the same step at another temperature or stack pressure the protocol set (README
	 * Known issues, session 20: a formation at 5 MPa and cycling at 65 MPa with the same step were compared): a 0.5 C
	 * cycle at 1 MPa, then two at 20 MPa, the cell's own; and a cycle at 25 degC, then two at 60 degC set. The retention
	 * is over the two cycles under the same conditions, and summary.json says which conditions those were. The
	 * pressure's cell is the baseline cell 7, whose Li foil the stack pressure holds against the separator: at 1 MPa it
	 * loses contact as it is stripped and the discharge ends at 0.74 mAh/cm2, at 20 MPa it gives 2.32 (2026-12-07).
	 * Until session 37 it was the interlayer cell 6 at 5 then 65 MPa, whose discharge the stack pressure does not move
	 * (1 MPa gives cycle 1's to every printed digit): its cycles differed only by the first cycle's kinetic loss, 0.097 %
	 * since NCM811's exchange current is 0.249 mA/cm2 (above 0.1 % with 0.09). Not 65 MPa here: the baseline cell
	 * shorts at 65 MPa (Sung2023), in this protocol's third cycle when its first ran at 65 MPa too.
	 */
	@Test
	void theRetentionComparesDischargesAtTheSameTemperatureAndPressure() {
		StepSpec charge = StepSpec.cRate(0.5, Cutoff.voltageAbove(4.3));
		StepSpec discharge = StepSpec.cRate(-0.5, Cutoff.voltageBelow(2.8));
		JsonObject s = run(Sung2023Parameters.cell7FullBaseline(20e6, 298.15), new StepSpec.SetStackPressure(1e6), charge,
				discharge, new StepSpec.SetStackPressure(20e6), charge, discharge, charge, discharge);
		assertSameConditions(s, 25, 20);
		s = run(charge, discharge, new StepSpec.SetTemperature(333.15), charge, discharge, charge, discharge);
		assertSameConditions(s, 60, 65);
	}

	/** Three cycles, the first under other conditions: the retention is cycle 3's over cycle 2's, at degC and MPa. */
	private static void assertSameConditions(JsonObject s, double degC, double mPa) {
		assertEquals(3, s.getAsJsonArray("cycles").size());
		double retention = s.get("capacity_retention").getAsDouble();
		assertEquals(discharge(s, 3) / discharge(s, 2), retention, 1e-12, "cycle 3's over cycle 2's, not over cycle 1's: " + s.get("capacity_retention_cycles"));
		JsonObject rc = s.getAsJsonObject("capacity_retention_cycles");
		assertEquals(2, rc.get("first").getAsInt(), rc.toString());
		assertEquals(3, rc.get("last").getAsInt(), rc.toString());
		assertEquals(degC, rc.get("temperature_degC").getAsDouble(), 1e-9, rc.toString());
		assertEquals(mPa, rc.get("stack_pressure_MPa").getAsDouble(), 1e-9, rc.toString());
		assertEquals(1, s.getAsJsonObject("first_discharge").get("cycle").getAsInt(), "the first discharge stays cycle 1's");
		// the scenario: the conditions move cycle 1's discharge, so a retention over cycle 1 fails the check above
		// (1e-12): the pressure's by two thirds, the temperature's by several %
		assertTrue(Math.abs(discharge(s, 1) - discharge(s, 2)) > 1e-3 * discharge(s, 2), "the conditions matter: "
				+ discharge(s, 1) + " " + discharge(s, 2));
	}

	/**
	 * The retention's reference is a discharge after the same charge too (session 23): a 0.5 C charge to 4.3 V and a
	 * 0.5 C discharge, then the same charge held 10 min at 4.3 V (CC-CV) and the same discharge. Compared by their
	 * discharge steps alone, the CC-CV cycle's discharge over the CC one's read 105.3 % (session 22's fuzz): a gain that
	 * is the hold's charge, not a fade. With a CC and a CC-CV cycle after them, the last (CC-CV) is taken over cycle 2,
	 * the first CC-CV, and summary.json says the reference ran the same charge; with no earlier CC-CV cycle, the
	 * retention is over the CC cycle as before, and summary.json says the charges differ, with a message naming both.
	 */
	@Test
	void theRetentionComparesDischargesAfterTheSameCharge() {
		StepSpec charge = StepSpec.cRate(0.5, Cutoff.voltageAbove(4.3));
		StepSpec hold = StepSpec.voltageHold(4.3, Cutoff.duration(600));
		StepSpec discharge = StepSpec.cRate(-0.5, Cutoff.voltageBelow(2.8));
		JsonObject s = run(charge, discharge, charge, hold, discharge, charge, discharge, charge, hold, discharge);
		assertEquals(4, s.getAsJsonArray("cycles").size());
		assertTrue(discharge(s, 2) > 1.01 * discharge(s, 1), "the hold charges more: " + discharge(s, 2) + " " + discharge(s, 1));
		JsonObject rc = s.getAsJsonObject("capacity_retention_cycles");
		assertEquals(2, rc.get("first").getAsInt(), rc.toString());
		assertEquals(4, rc.get("last").getAsInt(), rc.toString());
		assertTrue(rc.get("same_charge").getAsBoolean(), rc.toString());
		assertEquals(discharge(s, 4) / discharge(s, 2), s.get("capacity_retention").getAsDouble(), 1e-12);
		assertTrue(s.get("capacity_retention").getAsDouble() < 1, "a fade, not the hold's gain: " + s.get("capacity_retention"));
		assertFalse(s.get("messages").toString().contains("capacity retention"), s.get("messages").toString());
		// no earlier CC-CV cycle: over the CC cycle, said
		JsonObject t = run(charge, discharge, charge, hold, discharge);
		JsonObject tc = t.getAsJsonObject("capacity_retention_cycles");
		assertEquals(1, tc.get("first").getAsInt(), tc.toString());
		assertFalse(tc.get("same_charge").getAsBoolean(), tc.toString());
		assertEquals(discharge(t, 2) / discharge(t, 1), t.get("capacity_retention").getAsDouble(), 1e-12);
		assertTrue(t.get("messages").toString().contains("capacity retention: cycle 2's discharge is taken over cycle 1's"), t.get("messages").toString());
	}

	/**
	 * A half cell's cycle plates first and strips after: its stripping is no charge its plating follows. The study's
	 * bare half cells short in their last plating (no stripping after it), and with the cycle's stripping taken as its
	 * charge every one of them said "capacity retention ... whose charge ran other steps" (session 23's merge). The
	 * interlayer half cell plated three times, stripped twice: the last plating is compared with the first, no message.
	 */
	@Test
	void aHalfCellsStrippingAfterItsPlatingIsNoChargeBeforeIt() {
		StepSpec plate = StepSpec.currentDensity(-9.2, Cutoff.capacity(1800)); // 0.92 mA/cm2 for 0.5 mAh/cm2 (SI: A/m2, C/m2)
		StepSpec strip = StepSpec.currentDensity(9.2, Cutoff.voltageAbove(0.2), Cutoff.duration(3600));
		SummaryJsonWriter summary = new SummaryJsonWriter();
		RunStatus st = new Simulation().run(Sung2023Parameters.cell2Interlayer(65e6), ProtocolSpec.of(plate, strip, plate, strip, plate),
				SolverSettings.builder().build(), summary, null);
		assertEquals(RunStatus.COMPLETED, st);
		JsonObject s = summary.json();
		assertEquals(3, s.getAsJsonArray("cycles").size(), s.getAsJsonArray("cycles").toString());
		JsonObject rc = s.getAsJsonObject("capacity_retention_cycles");
		assertEquals(1, rc.get("first").getAsInt(), rc.toString());
		assertEquals(3, rc.get("last").getAsInt(), rc.toString());
		assertTrue(rc.get("same_charge").getAsBoolean(), rc.toString());
		assertFalse(s.get("messages").toString().contains("capacity retention"), s.get("messages").toString());
	}

	/** A last discharge at a rate no earlier full discharge ran at has no retention (a rate test's last step). */
	@Test
	void aLastDischargeAtANewRateHasNoRetention() {
		StepSpec charge = StepSpec.cRate(0.5, Cutoff.voltageAbove(4.3));
		JsonObject s = run(charge, StepSpec.cRate(-0.2, Cutoff.voltageBelow(2.8)), charge, StepSpec.cRate(-1, Cutoff.voltageBelow(2.8)));
		assertTrue(s.get("capacity_retention").isJsonNull(), s.get("capacity_retention").toString());
		assertTrue(s.get("capacity_retention_cycles").isJsonNull());
	}

	@Test
	void aSingleDischargeHasNoRetention() {
		JsonObject s = run(StepSpec.cRate(0.5, Cutoff.voltageAbove(4.3)), StepSpec.cRate(-0.5, Cutoff.voltageBelow(2.8)),
				StepSpec.cRate(0.5, Cutoff.voltageAbove(4.3)));
		assertTrue(s.get("capacity_retention").isJsonNull(), "one discharge, nothing to retain it against: " + s.get("capacity_retention"));
	}

	/**
	 * A discharge that passed no charge is no discharge of the cell (session 21's fuzz): after a full discharge, a 10 s
	 * charge at 40 mW/cm2 then a discharge at 60 mW/cm2 that hit the power limit at once closed a cycle from where the
	 * discharge ends to where it ends (brought back) with nothing discharged, and the CLI printed "first discharge
	 * (cycle 7): 0.0 mAh/g". Such a cycle is not the first discharge nor the retention's reference, a full or a half
	 * cell's; the full discharges around it are. As the last, it is the cell's: a cell that gives nothing any more
	 * retains 0 %, not the last figure it gave.
	 */
	@Test
	void aDischargeThatPassedNothingIsNotTheFirstNorTheRetentionsReferenceButIsTheLast() {
		for (boolean fullCell : new boolean[] {false, true}) {
			JsonObject s = summary(fullCell, cycle(1, 5, 0, true), cycle(2, 100, 90, true), cycle(3, 5, 0, true), cycle(4, 90, 81, true));
			assertEquals(2, s.getAsJsonObject("first_discharge").get("cycle").getAsInt(), "fullCell " + fullCell + ": " + s.get("first_discharge"));
			assertEquals(0.9, s.get("capacity_retention").getAsDouble(), 1e-12, "cycle 4's over cycle 2's, not over nothing");
			assertEquals(2, s.getAsJsonObject("capacity_retention_cycles").get("first").getAsInt());
			assertEquals(4, s.getAsJsonObject("capacity_retention_cycles").get("last").getAsInt());
			// a cell that gives nothing any more, after it gave: its last discharge 0, its retention 0 %, not cycle 4's
			JsonObject dead = summary(fullCell, cycle(1, 5, 0, true), cycle(2, 100, 90, true), cycle(3, 90, 81, true), cycle(4, 5, 0, true));
			assertEquals(0, dead.get("capacity_retention").getAsDouble(), 1e-12, dead.toString());
			assertEquals(4, dead.getAsJsonObject("capacity_retention_cycles").get("last").getAsInt());
			assertEquals(4, dead.getAsJsonObject("last_discharge").get("cycle").getAsInt());
			assertEquals(2, dead.getAsJsonObject("first_discharge").get("cycle").getAsInt());
			// nothing but such a discharge: no first discharge, and the reason names it (it read "no discharge from a full
			// charge brought the cell back ... (pulses, or steps stopped by a duration or a capacity)", session 30)
			JsonObject first = summary(fullCell, cycle(1, 5, 0, true)).getAsJsonObject("first_discharge");
			assertTrue(first.get("cycle").isJsonNull(), first.toString());
			assertEquals((fullCell ? "the discharge from a full charge" : "the plating") + " in cycle 1 passed no charge: it ended at once,"
					+ " at its cut-off or a power limit (its STEP_END warning says where)", first.get("reason").getAsString());
		}
	}

	/**
	 * A full cell's discharge counts as the cell's (first discharge, last discharge, retention) only from a full charge
	 * (CycleSummary.fromAFullCharge): after a 10 s charge the discharge to the cut-off brings the cell back to where a
	 * discharge ends but gives what the pulse stored, not the cell's capacity, and it was the run's first discharge (and the
	 * retention's reference) when it came first (session 21's fuzz: a 10 s charge then a discharge, "first discharge
	 * (cycle 7)"). Here 10 s at 0.5 C and a 0.5 C discharge to 2.8 V, then a full 0.5 C cycle, twice: the first
	 * discharge is cycle 2's, the retention cycle 4's over cycle 2's; the pulses' cycles keep their efficiency.
	 */
	@Test
	void aDischargeAfterAChargeStoppedByItsDurationIsNoFullDischarge() {
		StepSpec pulse = StepSpec.cRate(0.5, Cutoff.duration(10));
		StepSpec charge = StepSpec.cRate(0.5, Cutoff.voltageAbove(4.3));
		StepSpec discharge = StepSpec.cRate(-0.5, Cutoff.voltageBelow(2.8));
		JsonObject s = run(pulse, discharge, charge, discharge, pulse, discharge, charge, discharge);
		assertEquals(4, s.getAsJsonArray("cycles").size());
		assertTrue(discharge(s, 1) < 0.01 * discharge(s, 2), "a 10 s charge's discharge: " + discharge(s, 1));
		JsonObject first = s.getAsJsonObject("first_discharge");
		assertEquals(2, first.get("cycle").getAsInt(), first.toString());
		assertEquals(discharge(s, 2), first.get("discharge_mAh_cm2").getAsDouble(), 0);
		assertEquals(4, s.getAsJsonObject("last_discharge").get("cycle").getAsInt());
		assertEquals(2, s.getAsJsonObject("capacity_retention_cycles").get("first").getAsInt());
		assertEquals(4, s.getAsJsonObject("capacity_retention_cycles").get("last").getAsInt());
		assertEquals(discharge(s, 4) / discharge(s, 2), s.get("capacity_retention").getAsDouble(), 1e-12);
		for (int c : new int[] {1, 3}) {
			JsonObject cycle = s.getAsJsonArray("cycles").get(c - 1).getAsJsonObject();
			assertFalse(cycle.get("coulombic_efficiency").isJsonNull(), "cycle " + c + " keeps its efficiency: " + cycle);
		}
		// a run whose only full cycles are of such charges has no first discharge, and says why
		first = run(pulse, discharge, pulse, discharge).getAsJsonObject("first_discharge");
		assertTrue(first.get("cycle").isJsonNull(), first.toString());
		assertTrue(first.get("reason").getAsString().contains("from a full charge"), first.toString());
	}

	/** summary.json of a run of these cycles, of a full cell or a half cell. */
	private static JsonObject summary(boolean fullCell, org.cellwright.solver.CycleSummary... cycles) {
		SummaryJsonWriter w = new SummaryJsonWriter();
		w.start(new org.cellwright.solver.RunInfo("cell", 1e-4, Double.NaN, Double.NaN, fullCell, 4, 2));
		for (org.cellwright.solver.CycleSummary c : cycles) w.cycle(c);
		w.finish(RunStatus.COMPLETED);
		return w.json();
	}

	/** A cycle that discharged (broughtBack: from where a discharge ends to where it ends again), 10 s long, charges in C/m2. */
	private static org.cellwright.solver.CycleSummary cycle(int index, double charge, double discharge, boolean broughtBack) {
		org.cellwright.solver.LithiumInventory li = new org.cellwright.solver.LithiumInventory(1, 0, 0, 0, 0, 0, 2, 3);
		return new org.cellwright.solver.CycleSummary(index, charge, discharge, Double.NaN, Double.NaN, 10 * (index - 1), 10 * index, li,
				java.util.List.of(), true, broughtBack);
	}

	/**
	 * The rule that leaves out cycles that do not bring the cell back is a full cell's (its discharge is the capacity
	 * retained); a half cell's retention is over every cycle that plated, whether or not its stripping reached its end
	 * (a stripping stopped by a duration or a capacity). The same two cycles as a full cell: the first, not brought back,
	 * is left out, and one cycle is left, none to retain against. (Mutation audit, session 20: the rule applied to half
	 * cells too survived the tests, which run full cells only.)
	 */
	@Test
	void aHalfCellsRetentionIsOverItsPlatingsBroughtBackOrNot() {
		for (boolean fullCell : new boolean[] {false, true}) {
			JsonObject s = summary(fullCell, cycle(1, 90, 100, false), cycle(2, 85, 80, true));
			if (fullCell) assertTrue(s.get("capacity_retention").isJsonNull(), "full cell: " + s.get("capacity_retention"));
			else assertEquals(0.8, s.get("capacity_retention").getAsDouble(), 1e-12, "half cell: cycle 2's plating over cycle 1's");
		}
	}
}

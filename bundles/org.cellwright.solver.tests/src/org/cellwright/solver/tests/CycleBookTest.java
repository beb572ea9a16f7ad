package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.cellwright.solver.CycleBook;
import org.cellwright.solver.CycleSummary;
import org.cellwright.solver.LithiumInventory;
import org.cellwright.solver.NumericalThresholds;
import org.cellwright.solver.RunInfo;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.StepEnd;
import org.cellwright.solver.input.CurrentMode;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.output.SummaryJsonWriter;
import org.cellwright.solver.physics.Constants;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The one owner of both runners' cycle bookkeeping ({@link CycleBook}): when a cycle opens and closes, its number,
 * capacities and efficiency, the steps recorded in it, steps with no direction.
 */
class CycleBookTest {

	final List<CycleSummary> closed = new ArrayList<>();
	final List<Boolean> last = new ArrayList<>();
	final LithiumInventory li = new LithiumInventory(1, 0, 0, 0, 0, 0, 2, 3);

	CycleBook book(boolean fullCell, double activeLoading) {
		return new CycleBook(fullCell, activeLoading, (c, l) -> {
			closed.add(c);
			last.add(l);
		});
	}

	@Test
	void theFirstDirectionOpensCycleOneAndItsReturnAfterTheOppositeClosesIt() {
		CycleBook b = book(true, 0.5);
		assertEquals(0, b.cycle(), "no cycle before the first direction");
		b.startDirection(0, 5, () -> li); // a rest first: no direction
		assertEquals(0, b.cycle());
		b.recordStep(0, StepEnd.DURATION, 0, 10, 0, 3.7); // steps before the first current belong to the first cycle
		b.startDirection(1, 10, () -> li);
		assertEquals(1, b.cycle());
		assertEquals(1, b.firstSign());
		b.addCurrent(2, 100); // 200 C/m2 charged
		b.recordStep(1, StepEnd.VOLTAGE_CUTOFF, 10, 110, 200, 4.2);
		b.startDirection(0, 110, () -> li); // a rest between: neither closes nor counts as the opposite
		b.recordStep(2, StepEnd.DURATION, 110, 120, 0, 4.1);
		b.startDirection(1, 120, () -> li); // a second charge before any discharge: still cycle 1
		assertEquals(1, b.cycle());
		assertTrue(closed.isEmpty());
		b.add(10, 0);
		b.recordStep(3, StepEnd.DURATION, 120, 130, 10, 4.2);
		b.startDirection(-1, 130, () -> li);
		b.addCurrent(-1.5, 100); // 150 C/m2 discharged
		b.recordStep(4, StepEnd.VOLTAGE_CUTOFF, 130, 230, -150, 3.0);
		assertTrue(closed.isEmpty(), "the opposite direction does not close the cycle");
		b.startDirection(1, 230, () -> li);
		assertEquals(2, b.cycle());
		assertEquals(1, closed.size());
		CycleSummary c = closed.get(0);
		assertEquals(1, c.index());
		assertEquals(210, c.chargeCapacity(), 1e-12);
		assertEquals(150, c.dischargeCapacity(), 1e-12);
		assertEquals(150.0 / 210, c.coulombicEfficiency(), 1e-15, "a full cell: discharge / charge");
		assertEquals(150 / 0.5, c.dischargeSpecificCapacity(), 1e-12);
		assertEquals(10, c.startTime(), "the cycle starts with its first direction");
		assertEquals(230, c.endTime());
		assertSame(li, c.lithiumAtEnd());
		assertEquals("0:duration 1:voltage-cutoff 2:duration 3:duration 4:voltage-cutoff", c.stepEnds());
		assertFalse(last.get(0));
		b.addCurrent(1, 5);
		b.recordStep(5, StepEnd.DURATION, 230, 235, 5, 4.0);
		b.close(235, () -> li, true);
		assertEquals(2, closed.size());
		assertEquals(2, closed.get(1).index());
		assertEquals(5, closed.get(1).chargeCapacity(), 1e-12, "capacities start again with each cycle");
		assertEquals(230, closed.get(1).startTime());
		assertEquals("5:duration", closed.get(1).stepEnds());
		// CycleSummary.discharged (the capacity retention leaves out cycles without a discharge step) is whether a step
		// of the cycle discharged, not whether one charged: the run's closing charge alone did not
		assertTrue(closed.get(0).discharged());
		assertFalse(closed.get(1).discharged(), "the closing charge alone did not discharge");
		assertTrue(last.get(1));
	}

	@Test
	void aOneDirectionCycleHasNoEfficiencyWhereNothingWasStored() {
		CycleBook full = book(true, Double.NaN);
		full.startDirection(-1, 0, () -> li); // a drive cycle alone: discharge with regeneration inside
		full.add(3, 50);
		full.recordStep(0, StepEnd.DURATION, 0, 100, -47, 3.5);
		full.close(100, () -> li, true);
		CycleSummary c = closed.get(0);
		assertEquals(3, c.chargeCapacity(), 1e-12);
		assertTrue(Double.isNaN(c.coulombicEfficiency()), "no charge step: no efficiency (was 50 / 3)");
		assertTrue(Double.isNaN(c.dischargeSpecificCapacity()), "no cathode loading: no specific capacity");

		CycleBook half = book(false, Double.NaN);
		half.startDirection(1, 0, () -> li); // stripping only
		half.addCurrent(1, 10);
		half.recordStep(0, StepEnd.DURATION, 0, 10, 10, 0.1);
		half.close(10, () -> li, true);
		assertTrue(Double.isNaN(closed.get(1).coulombicEfficiency()), "nothing plated: no efficiency");
	}

	/**
	 * A full cell that starts charged and is discharged first (examples/marquis2019.cell, a BPX cell at full charge):
	 * its first discharge gives the charge it started with. It is cycle 1 on its own, with no efficiency (before, cycle 1
	 * was that discharge and the charge after it, discharge / charge: 403 % on Marquis 2019); each later cycle is a
	 * charge and the discharge that gives it back.
	 */
	@Test
	void aFirstDischargeFromAChargedCellHasNoEfficiencyAndEachChargeIsPairedWithTheDischargeAfterIt() {
		CycleBook b = book(true, Double.NaN);
		b.startDirection(-1, 0, () -> li);
		b.addCurrent(-4, 100); // 400 C/m2: the charge the cell started with
		b.recordStep(0, StepEnd.VOLTAGE_CUTOFF, 0, 100, -400, 3.1);
		b.startDirection(0, 100, () -> li); // a rest
		b.recordStep(1, StepEnd.DURATION, 100, 110, 0, 3.3);
		b.startDirection(1, 110, () -> li);
		assertEquals(2, b.cycle(), "the first charge after the first discharge opens cycle 2");
		b.addCurrent(1, 100); // 100 C/m2 charged
		b.recordStep(2, StepEnd.VOLTAGE_CUTOFF, 110, 210, 100, 4.1);
		b.startDirection(-1, 210, () -> li);
		b.addCurrent(-0.99, 100); // 99 C/m2 given back
		b.recordStep(3, StepEnd.VOLTAGE_CUTOFF, 210, 310, -99, 3.1);
		b.startDirection(1, 310, () -> li);
		b.addCurrent(1, 50);
		b.close(360, () -> li, true);
		assertEquals(3, closed.size());
		assertEquals(1, closed.get(0).index());
		assertEquals(400, closed.get(0).dischargeCapacity(), 1e-12);
		assertTrue(Double.isNaN(closed.get(0).coulombicEfficiency()), "the first discharge of a charged cell: no efficiency");
		assertEquals("0:voltage-cutoff 1:duration", closed.get(0).stepEnds());
		assertEquals(0.99, closed.get(1).coulombicEfficiency(), 1e-12, "the charge with the discharge after it");
		assertEquals(110, closed.get(1).startTime());
		assertEquals("2:voltage-cutoff 3:voltage-cutoff", closed.get(1).stepEnds());
		assertTrue(Double.isNaN(closed.get(2).coulombicEfficiency()), "a last charge without its discharge");
		assertEquals(-1, b.firstSign(), "the run's first direction");
	}

	@Test
	void aHalfCellsEfficiencyIsStrippedOverPlated() {
		CycleBook b = book(false, Double.NaN);
		b.startDirection(-1, 0, () -> li);
		b.addCurrent(-1, 10);
		b.startDirection(1, 10, () -> li);
		b.addCurrent(1, 9);
		b.recordStep(1, StepEnd.VOLTAGE_CUTOFF, 10, 19, 9, 0.2); // stripped to its cut-off
		b.close(19, () -> li, true);
		assertEquals(0.9, closed.get(0).coulombicEfficiency(), 1e-15);
	}

	/**
	 * A hybrid pulse power characterisation (HPPC) on a full cell, as a cycler runs it: a charge to the upper cut-off,
	 * then per state of charge a 10 s discharge pulse, a 7.5 s charge pulse and a 6 min discharge to the next state of
	 * charge, the last to the lower cut-off; then a full cycle and a GITT discharge. Each charge pulse after a discharge
	 * opens a cycle, whose efficiency was discharge / charge over pulses that do not bring the cell back (here
	 * (10 + 360) / 7.5: 4 933 %). Only a cycle that starts where a giving step ended at its cut-off (or at the run's
	 * start) and whose giving reaches its cut-off again has one: none of the pulse cycles (not even the one whose last
	 * step reaches the cut-off: it started at a pulse), the full cycle after them, and the GITT's full charge with its
	 * discharge pulses down to the cut-off.
	 */
	@Test
	void pulseCyclesHaveNoEfficiencyOnlyCyclesThatBringTheCellBack() {
		CycleBook b = book(true, Double.NaN);
		int[] step = {0};
		double[] t = {0};
		java.util.function.BiConsumer<Double, StepEnd> run = (q, end) -> {
			b.startDirection((int) Math.signum(q), t[0], () -> li);
			b.add(Math.max(q, 0), Math.max(-q, 0));
			b.recordStep(step[0]++, end, t[0], t[0] + 10, q, 3.5);
			t[0] += 10;
		};
		run.accept(3600.0, StepEnd.VOLTAGE_CUTOFF); // the full charge
		run.accept(-10.0, StepEnd.DURATION); // SOC 100 %: discharge pulse
		for (int soc = 0; soc < 3; soc++) {
			run.accept(7.5, StepEnd.DURATION); // charge pulse: a new cycle
			run.accept(0.0, StepEnd.DURATION); // a rest
			run.accept(-10.0, StepEnd.DURATION);
			run.accept(-360.0, soc == 2 ? StepEnd.VOLTAGE_CUTOFF : StepEnd.DURATION); // to the next SOC, the last to the cut-off
		}
		run.accept(0.0, StepEnd.DURATION); // a rest, then one more discharge pulse after the cut-off: the cell moves on
		run.accept(-5.0, StepEnd.DURATION);
		run.accept(7.5, StepEnd.DURATION); // its cycle: a pulse, then a discharge to the cut-off (read 1 286 % in a run)
		run.accept(-96.0, StepEnd.VOLTAGE_CUTOFF);
		run.accept(3000.0, StepEnd.VOLTAGE_CUTOFF); // a full cycle after the pulses
		run.accept(-2950.0, StepEnd.VOLTAGE_CUTOFF);
		run.accept(3000.0, StepEnd.VOLTAGE_CUTOFF); // GITT: a full charge, discharge pulses with rests to the cut-off
		for (int k = 0; k < 3; k++) {
			run.accept(-900.0, k == 2 ? StepEnd.VOLTAGE_CUTOFF : StepEnd.DURATION);
			run.accept(0.0, StepEnd.DURATION);
		}
		b.close(t[0], () -> li, true);
		assertEquals(7, closed.size());
		for (int k = 0; k < 5; k++)
			assertTrue(Double.isNaN(closed.get(k).coulombicEfficiency()), "cycle " + (k + 1) + " of pulses: " + closed.get(k).coulombicEfficiency());
		assertEquals(370, closed.get(1).dischargeCapacity(), 1e-12, "its capacities stay recorded");
		assertEquals(2950.0 / 3000, closed.get(5).coulombicEfficiency(), 1e-12, "the full cycle after the pulses");
		assertEquals(2700.0 / 3000, closed.get(6).coulombicEfficiency(), 1e-12, "a GITT discharge to the cut-off");
	}

	/**
	 * A CC-CV discharge: the constant current reaches the lower cut-off, the hold at that voltage runs for its duration.
	 * The hold keeps the cell where the discharge ended, so the cycle brings the cell back and the next one starts there.
	 */
	@Test
	void aHoldAfterTheCutoffKeepsTheCycleAtItsEnd() {
		CycleBook b = book(true, Double.NaN);
		for (int k = 0; k < 2; k++) {
			b.startDirection(1, 0, () -> li);
			b.add(100, 0);
			b.recordStep(4 * k, StepEnd.VOLTAGE_CUTOFF, 0, 1, 100, 4.3);
			b.startDirection(-1, 1, () -> li);
			b.add(0, 90);
			b.recordStep(4 * k + 1, StepEnd.VOLTAGE_CUTOFF, 1, 2, -90, 2.8);
			b.followHold(-1, -0.1, 6, 2, () -> li, () -> {});
			b.add(0, 5);
			b.recordStep(4 * k + 2, StepEnd.DURATION, 2, 3, -5, 2.8);
		}
		b.close(4, () -> li, true);
		assertEquals(0.95, closed.get(0).coulombicEfficiency(), 1e-12);
		assertEquals(0.95, closed.get(1).coulombicEfficiency(), 1e-12, "started where the hold kept the cell");
	}

	/**
	 * A CC-CV discharge as the runners book it: the hold takes its direction from its own current
	 * ({@link CycleBook#followHold} from no direction), so it is a giving step of its own, ending at its duration. It keeps
	 * the cell where the constant current's cut-off brought it: the next cycle starts at the end of the giving and has an
	 * efficiency (mutation audit, session 20: the hold's duration read as leaving the cell mid-way survived
	 * {@link #aHoldAfterTheCutoffKeepsTheCycleAtItsEnd}, whose hold continued the discharge's direction).
	 */
	@Test
	void aHoldTakingItsDirectionAfterTheCutoffKeepsTheCycleAtItsEnd() {
		CycleBook b = book(true, Double.NaN);
		for (int k = 0; k < 2; k++) {
			b.startDirection(1, 3 * k, () -> li);
			b.add(100, 0);
			b.recordStep(3 * k, StepEnd.VOLTAGE_CUTOFF, 3 * k, 3 * k + 1, 100, 4.3);
			b.startDirection(-1, 3 * k + 1, () -> li);
			b.add(0, 90);
			b.recordStep(3 * k + 1, StepEnd.VOLTAGE_CUTOFF, 3 * k + 1, 3 * k + 2, -90, 2.8);
			assertEquals(-1, b.followHold(0, -0.1, 6, 3 * k + 2, () -> li, () -> {}), "the hold discharges");
			b.add(0, 5);
			b.recordStep(3 * k + 2, StepEnd.DURATION, 3 * k + 2, 3 * k + 3, -5, 2.8);
		}
		b.close(6, () -> li, true);
		assertEquals(2, closed.size());
		assertTrue(closed.get(0).broughtBack());
		assertEquals(0.95, closed.get(0).coulombicEfficiency(), 1e-12);
		assertTrue(closed.get(1).broughtBack(), "started where the hold kept the cell, and ended there");
		assertEquals(0.95, closed.get(1).coulombicEfficiency(), 1e-12);
	}

	/**
	 * A potentiostatic discharge (a hold at the lower voltage from the charged cell, no constant-current part) ends at its
	 * current cut-off: there the cell's giving ends as at a voltage cut-off (CC-CV's end), so the cycle brings the cell
	 * back and the next one has an efficiency; a discharge stopped by its duration does not.
	 */
	@Test
	void aHoldEndingAtItsCurrentCutoffBringsTheCellBackADurationDoesNot() {
		CycleBook b = book(true, Double.NaN);
		StepEnd[] ends = {StepEnd.CURRENT_CUTOFF, StepEnd.CURRENT_CUTOFF, StepEnd.DURATION, StepEnd.CURRENT_CUTOFF};
		for (int k = 0; k < ends.length; k++) {
			b.startDirection(1, 2 * k, () -> li);
			b.add(100, 0);
			b.recordStep(2 * k, StepEnd.VOLTAGE_CUTOFF, 2 * k, 2 * k + 1, 100, 4.3);
			b.followHold(0, -2, 6, 2 * k + 1, () -> li, () -> {});
			b.add(0, 80);
			b.recordStep(2 * k + 1, ends[k], 2 * k + 1, 2 * k + 2, -80, 2.8);
		}
		b.close(8, () -> li, true);
		assertEquals(4, closed.size());
		assertTrue(closed.get(0).broughtBack() && closed.get(1).broughtBack(), "the current cut-off ends the giving");
		assertEquals(0.8, closed.get(1).coulombicEfficiency(), 1e-12);
		assertFalse(closed.get(2).broughtBack(), "a discharge stopped by its duration leaves the cell mid-way");
		assertTrue(Double.isNaN(closed.get(2).coulombicEfficiency()));
		assertFalse(closed.get(3).broughtBack(), "the cycle after it starts mid-way");
		assertTrue(Double.isNaN(closed.get(3).coulombicEfficiency()));
	}

	/**
	 * A cycle's discharge is from a full charge (CycleSummary.fromAFullCharge, the second half of a full cell's full
	 * discharge) where one of its charge steps reached its own end: a charge to its cut-off (a top-up pulse or a hold
	 * stopped by its duration after it take the cell no lower), a potentiostatic charge to its current cut-off; not a
	 * charge stopped by a duration (a 10 s pulse) or a capacity, whose discharge gives back what it stored (session 21's
	 * fuzz: a 10 s charge then a discharge counted as the run's first discharge). Each cycle here is brought back and
	 * keeps its efficiency, a pulse's too: the efficiency compares what the cycle stored and gave, whatever the charge's end.
	 */
	@Test
	void aCycleIsFromAFullChargeWhereAChargeStepReachedItsEndNotAfterADurationOrACapacity() {
		CycleBook b = book(true, Double.NaN);
		StepEnd[][] charges = { {StepEnd.VOLTAGE_CUTOFF}, {StepEnd.DURATION}, {StepEnd.VOLTAGE_CUTOFF, StepEnd.DURATION},
				{StepEnd.CAPACITY}, {StepEnd.CURRENT_CUTOFF}, {StepEnd.DURATION, StepEnd.DURATION} };
		boolean[] full = {true, false, true, false, true, false};
		double t = 0;
		int step = 0;
		for (StepEnd[] charge : charges) {
			int taken = 0;
			for (int k = 0; k < charge.length; k++) {
				// a lone current cut-off is a potentiostatic charge, a second step a hold or a pulse after the first
				if (charge[k] == StepEnd.CURRENT_CUTOFF || k > 0) taken = b.followHold(taken, 2, 6, t, () -> li, () -> {});
				else b.startDirection(1, t, () -> li);
				b.add(50, 0);
				b.recordStep(step++, charge[k], t, t + 1, 50, 4.3);
				t++;
			}
			b.startDirection(-1, t, () -> li);
			b.add(0, 40);
			b.recordStep(step++, StepEnd.VOLTAGE_CUTOFF, t, t + 1, -40, 2.8);
			t++;
		}
		b.close(t, () -> li, true);
		assertEquals(charges.length, closed.size());
		for (int c = 0; c < charges.length; c++) {
			String what = "cycle " + (c + 1) + " charged to " + java.util.Arrays.toString(charges[c]);
			assertEquals(full[c], closed.get(c).fromAFullCharge(), what);
			assertTrue(closed.get(c).broughtBack(), what);
			assertFalse(Double.isNaN(closed.get(c).coulombicEfficiency()), what + ": the efficiency is kept");
		}
	}

	@Test
	void roundingLevelCurrentsGiveNoDirection() {
		double lithium = 0.5; // mol/m2
		double zero = CycleBook.DIRECTIONLESS_SHARE_PER_HOUR * lithium * Constants.F / 3600; // A/m2
		assertEquals(0, CycleBook.direction(0, lithium));
		assertEquals(0, CycleBook.direction(-5e-26, lithium), "a hold's current at the solver's resolution");
		assertEquals(0, CycleBook.direction(zero, lithium));
		assertEquals(0, CycleBook.direction(-zero, lithium));
		assertEquals(1, CycleBook.direction(2 * zero, lithium));
		assertEquals(-1, CycleBook.direction(-2 * zero, lithium));
		assertEquals(-1, CycleBook.direction(-1e-3, lithium), "0.1 uA/cm2 is a direction");
		CycleBook b = book(true, Double.NaN);
		b.startDirection(1, 0, () -> li);
		b.startDirection(-1, 1, () -> li);
		b.startDirection(CycleBook.direction(1e-30, lithium), 2, () -> li);
		assertEquals(1, b.cycle(), "a hold carrying 1e-30 A/m2 opens no cycle");
	}

	@Test
	void stepsEndingAtTheirStartAreKeptInTheirCycle() {
		CycleBook b = book(true, Double.NaN);
		b.startDirection(1, 0, () -> li);
		b.addCurrent(1, 100);
		b.recordStep(0, StepEnd.VOLTAGE_CUTOFF, 0, 100, 100, 4.2);
		b.startDirection(-1, 100, () -> li);
		b.recordStep(1, StepEnd.VOLTAGE_CUTOFF, 100, 100, 0, 4.2); // crossed its cut-off at once: no charge
		b.startDirection(1, 100, () -> li);
		b.recordStep(2, StepEnd.VOLTAGE_JUMP, 100, 100, 0, 4.2); // the next charge fails at its start: no charge
		b.startDirection(-1, 100, () -> li);
		b.startDirection(1, 100, () -> li); // closes cycle 2, opens cycle 3
		b.close(100, () -> fail("cycle 3 passed nothing and recorded no step: not closed"), true);
		assertEquals(2, closed.size(), closed.toString());
		assertEquals(0, closed.get(0).dischargeCapacity());
		assertEquals(0, closed.get(0).coulombicEfficiency(), "the cycle's discharge gave nothing back");
		assertTrue(closed.get(0).discharged(), "a discharge that passed nothing still discharged");
		assertEquals("0:voltage-cutoff 1:voltage-cutoff", closed.get(0).stepEnds());
		assertEquals(2, closed.get(1).index());
		assertEquals(0, closed.get(1).chargeCapacity());
		assertTrue(Double.isNaN(closed.get(1).coulombicEfficiency()), "nothing stored");
		assertEquals("2:voltage-jump", closed.get(1).stepEnds(), "a cycle of a step that ended at its start is closed, with its step end");
		assertEquals(100, closed.get(1).startTime());
		assertEquals(100, closed.get(1).endTime());
		assertEquals(3, b.cycle());
	}

	@Test
	void nothingBeforeTheFirstDirectionIsClosed() {
		CycleBook b = book(true, Double.NaN);
		b.recordStep(0, StepEnd.DURATION, 0, 10, 0, 3.7);
		b.close(10, () -> fail("no inventory asked"), true);
		assertTrue(closed.isEmpty());
	}

	@Test
	void theEstimateCountsTheConstantCurrentStepsCycles() {
		StepSpec charge = StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3)), discharge = StepSpec.cRate(-0.1, Cutoff.voltageBelow(2.8));
		StepSpec rest = StepSpec.cRate(0, Cutoff.duration(60));
		assertEquals(0, CycleBook.estimate(List.of(), true));
		assertEquals(0, CycleBook.estimate(List.of(rest), true));
		assertEquals(1, CycleBook.estimate(List.of(charge, charge, rest, discharge), true));
		assertEquals(3, CycleBook.estimate(List.of(discharge, charge, rest, discharge, charge, discharge), true),
				"the first discharge, then two charges each with the discharge after it");
		assertEquals(3, CycleBook.estimate(List.of(discharge, charge, discharge, charge, discharge, charge), false),
				"a half cell's cycles open with its plating");
	}

	/**
	 * A power step and a profile open cycles as the runners count them (a power by its sign, a profile by its net
	 * direction): session 24's fuzz protocol, a discharge, a CC-CV charge, a power discharge, a CC-CV charge, a drive
	 * cycle that discharges, read "cycle 3/2" in the progress (session 26).
	 */
	@Test
	void theEstimateCountsPowersAndProfilesInTheirDirection() {
		StepSpec charge = StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3)), discharge = StepSpec.cRate(-0.1, Cutoff.voltageBelow(2.8));
		StepSpec hold = new StepSpec.ConstantVoltage(4.3, List.of(Cutoff.duration(60)));
		StepSpec power = new StepSpec.ConstantPower(-10, List.of(Cutoff.voltageBelow(2.8)));
		// a drive cycle with a regenerative pulse whose net charge discharges
		StepSpec drive = new StepSpec.Follow(false, CurrentMode.C_RATE, new double[] { 0, 1, 2, 3 }, new double[] { -1, 0.5, -1, -1 }, "d.csv",
				List.of(Cutoff.voltageBelow(2.8)));
		assertEquals(3, CycleBook.estimate(List.of(discharge, charge, hold, power, charge, hold, drive), true));
		assertEquals(2, CycleBook.estimate(List.of(discharge, charge, hold, power), true), "the power discharges in cycle 2");
		assertEquals(2, CycleBook.estimate(List.of(discharge, new StepSpec.ConstantPower(10, List.of()), discharge), true),
				"a charging power opens cycle 2");
	}
	/**
	 * A hold's direction follows its current's at every moment (CycleBook.followHold, both runners' holds): after a
	 * charge and a discharge, a hold that charges opens cycle 2, its discharge is that cycle's giving step, and a
	 * charge after it opens cycle 3. A rounding-level current gives no turn; the runner's counted charge goes before it.
	 */
	@Test
	void aHoldFollowsItsCurrentsDirection() {
		CycleBook b = book(true, Double.NaN);
		b.startDirection(1, 0, () -> li);
		b.addCurrent(1, 100);
		b.startDirection(-1, 100, () -> li);
		b.addCurrent(-1, 50);
		int[] counted = {0};
		Runnable count = () -> counted[0]++;
		int d = b.followHold(0, 0.5, 6, 150, () -> li, count); // the hold charges: cycle 2
		assertEquals(1, d);
		assertEquals(2, b.cycle());
		assertEquals(1, counted[0], "the runner's charge so far counted before the turn");
		b.addCurrent(0.5, 10);
		assertEquals(1, b.followHold(d, 0.4, 6, 160, () -> li, count), "the same direction: no turn");
		assertEquals(1, b.followHold(d, -1e-12, 6, 170, () -> li, count), "a rounding-level current: no direction, no turn");
		assertEquals(1, counted[0]);
		d = b.followHold(d, -0.2, 6, 180, () -> li, count); // it turns: the cycle's giving step
		assertEquals(-1, d);
		assertEquals(2, b.cycle(), "a discharge does not close the cycle");
		b.addCurrent(-0.2, 20);
		b.startDirection(1, 200, () -> li); // the charge after the hold
		assertEquals(3, b.cycle());
		assertEquals(2, closed.size());
		CycleSummary c = closed.get(1);
		assertEquals(5, c.chargeCapacity(), 1e-12);
		assertEquals(4, c.dischargeCapacity(), 1e-12);
		// cycle 1's discharge stopped where no cut-off ended it (no step end recorded): the hold's cycle starts mid-way
		// and has no efficiency (pulseCyclesHaveNoEfficiencyOnlyCyclesThatBringTheCellBack); its charges are recorded
		assertTrue(Double.isNaN(c.coulombicEfficiency()), "a cycle that does not bring the cell back: " + c);
	}

	/**
	 * A cycle that stored less than {@link NumericalThresholds#EFFICIENCY_RESOLUTION_SHARE} of the cell's lithium has no
	 * efficiency whatever it gave back, and summary.json says why ({@code efficiency_unresolved}); one that stored twice
	 * that keeps its own. Session 26: the interlayer half cell at -10 degC, whose 3 mA/cm2 stripping crossed 0.2 V at
	 * once, plated 1e-5 mAh/cm2 in a hold and stripped the 0.99 mAh/cm2 left: 9 974 631 %.
	 */
	@Test
	void aCycleThatStoredLessThanTheResolutionHasNoEfficiency() {
		double resolution = NumericalThresholds.EFFICIENCY_RESOLUTION_SHARE * li.total() * Constants.F; // C/m2
		CycleBook b = book(false, Double.NaN); // a half cell: plating stores, stripping gives
		double t = 0;
		double[][] cycles = { { 100, 90 }, { 0.5 * resolution, 95 }, { 2 * resolution, 1.8 * resolution } };
		int step = 0;
		for (double[] c : cycles) {
			b.startDirection(-1, t, () -> li);
			b.add(0, c[0]);
			b.recordStep(step++, StepEnd.CURRENT_CUTOFF, t, t + 10, -c[0], -0.01);
			b.startDirection(1, t + 10, () -> li);
			b.add(c[1], 0);
			b.recordStep(step++, StepEnd.VOLTAGE_CUTOFF, t + 10, t + 20, c[1], 0.2);
			t += 20;
		}
		b.close(t, () -> li, true);
		assertEquals(3, closed.size());
		assertEquals(0.9, closed.get(0).coulombicEfficiency(), 1e-12);
		assertTrue(Double.isNaN(closed.get(1).coulombicEfficiency()),
				"0.5 of the resolution stored, 95 C/m2 given: " + closed.get(1).coulombicEfficiency());
		assertTrue(closed.get(1).broughtBack(), "the cycle brought the cell back: its efficiency is none for its size alone");
		assertEquals(0.9, closed.get(2).coulombicEfficiency(), 1e-12, "twice the resolution stored: an efficiency");
		assertEquals(CycleSummary.NoEfficiency.STORED_TOO_LITTLE, closed.get(1).noEfficiency(), "the cycle's record says why");
		assertNull(closed.get(0).noEfficiency());
		assertNull(closed.get(2).noEfficiency());
		JsonArray json = summaryCycles(false, closed);
		assertTrue(json.get(1).getAsJsonObject().get("coulombic_efficiency").isJsonNull());
		assertTrue(json.get(1).getAsJsonObject().has("efficiency_unresolved"), json::toString);
		assertFalse(json.get(0).getAsJsonObject().has("efficiency_unresolved"));
		assertFalse(json.get(2).getAsJsonObject().has("efficiency_unresolved"));
	}

	/**
	 * summary.json names each reason a cycle's record gives for no efficiency ({@code no_efficiency}), and its writer's
	 * reader ({@link SummaryJsonWriter#noEfficiency}, the report's, the checks' and the command line's) reads back the
	 * same; {@code efficiency_unresolved} is still written for "stored too little" (session 28's readers). A folder of
	 * session 28 (efficiency_unresolved alone) reads "stored too little", one written before says no reason (null: its
	 * readers read it as they did), and a cycle with an efficiency has none. Session 28 wrote the one reason alone, and
	 * the report told the other three apart by the capacities.
	 */
	@Test
	void summaryJsonNamesWhyACycleHasNoEfficiencyAndItsReaderReadsItBack() {
		for (CycleSummary.NoEfficiency n : CycleSummary.NoEfficiency.values()) {
			CycleSummary c = new CycleSummary(1, 10, 9, Double.NaN, Double.NaN, 0, 10, li, List.of(), true, true, true, List.of(), List.of(), n);
			JsonObject o = summaryCycles(true, List.of(c)).get(0).getAsJsonObject();
			assertEquals(n.key(), o.get("no_efficiency").getAsString(), o::toString);
			assertEquals(n, SummaryJsonWriter.noEfficiency(o), o::toString);
			assertEquals(n == CycleSummary.NoEfficiency.STORED_TOO_LITTLE, o.has("efficiency_unresolved"), o::toString);
			assertEquals(n, CycleSummary.NoEfficiency.ofKey(n.key()));
		}
		assertEquals(List.of("one-direction", "not-brought-back", "stored-nothing", "stored-too-little"),
				java.util.Arrays.stream(CycleSummary.NoEfficiency.values()).map(CycleSummary.NoEfficiency::key).toList(), "the names written");
		JsonObject session28 = com.google.gson.JsonParser.parseString(
				"{\"index\":4,\"charge_mAh_cm2\":0.99,\"discharge_mAh_cm2\":1e-5,\"coulombic_efficiency\":null,\"efficiency_unresolved\":true}").getAsJsonObject();
		assertEquals(CycleSummary.NoEfficiency.STORED_TOO_LITTLE, SummaryJsonWriter.noEfficiency(session28));
		JsonObject before = com.google.gson.JsonParser.parseString(
				"{\"index\":1,\"charge_mAh_cm2\":0.5,\"discharge_mAh_cm2\":0.4,\"coulombic_efficiency\":null}").getAsJsonObject();
		assertNull(SummaryJsonWriter.noEfficiency(before), "written before: no reason said");
		JsonObject later = com.google.gson.JsonParser.parseString(
				"{\"index\":1,\"coulombic_efficiency\":null,\"no_efficiency\":\"a-reason-of-a-later-version\"}").getAsJsonObject();
		assertNull(SummaryJsonWriter.noEfficiency(later), "a reason this version does not know");
		JsonObject with = com.google.gson.JsonParser.parseString(
				"{\"index\":1,\"coulombic_efficiency\":0.9,\"no_efficiency\":\"one-direction\"}").getAsJsonObject();
		assertNull(SummaryJsonWriter.noEfficiency(with), "an efficiency: no reason for none");
	}

	/** The cycles of summary.json written from these cycles' records, of a full cell or a half cell. */
	static JsonArray summaryCycles(boolean fullCell, List<CycleSummary> cycles) {
		SummaryJsonWriter w = new SummaryJsonWriter();
		w.start(new RunInfo("cell", 1e-4, Double.NaN, Double.NaN, fullCell, 6, 3));
		for (CycleSummary c : cycles) w.cycle(c);
		w.finish(RunStatus.COMPLETED);
		return w.json().getAsJsonArray("cycles");
	}

	/**
	 * Whether a cycle stored too little for an efficiency is decided once, by the book ({@link CycleSummary#noEfficiency}),
	 * and summary.json's {@code efficiency_unresolved} (which the report's "- (stored too little)", the checks' message
	 * and the command line read) says what the record says: not a rule of its own. Session 28: the writer re-derived it
	 * from a NaN efficiency and the stored-charge rule, so a cycle with no storing step at all (a giving step to its
	 * cut-off, then a trickle too small to give the step a direction, which the cycle adds up as charge) read "stored
	 * too little" where the book's reason is that nothing stored it. Either decision of the writer's own fails here.
	 */
	@Test
	void summaryJsonSaysACycleStoredTooLittleWhereItsRecordSaysSoAndNowhereElse() {
		double resolution = NumericalThresholds.EFFICIENCY_RESOLUTION_SHARE * li.total() * Constants.F; // C/m2
		CycleBook b = book(true, 0.5); // a full cell: charge stores, discharge gives
		b.startDirection(-1, 0, () -> li); // the run's first cycle, given from the state the cell was given
		b.add(0, 100);
		b.recordStep(0, StepEnd.VOLTAGE_CUTOFF, 0, 10, -100, 2.5);
		b.add(0.01 * resolution, 0); // a trickle with no direction (CycleBook.direction): no storing step
		b.close(20, () -> li, true);
		CycleSummary trickle = closed.get(0);
		assertTrue(trickle.broughtBack() && trickle.chargeCapacity() > 0 && Double.isNaN(trickle.coulombicEfficiency()), trickle::toString);
		assertEquals(CycleSummary.NoEfficiency.ONE_DIRECTION, trickle.noEfficiency(), "nothing stored it: one direction, not too little");
		assertFalse(summaryCycles(true, closed).get(0).getAsJsonObject().has("efficiency_unresolved"), "the record's reason, not the stored-charge rule");
		// and says it (session 29): both capacities passed, which the report and the checks read as "not a full cycle"
		assertEquals("one-direction", summaryCycles(true, closed).get(0).getAsJsonObject().get("no_efficiency").getAsString());

		// a record that says "stored too little" is written so whatever it stored: the writer does not judge it again
		CycleSummary said = new CycleSummary(1, 1000 * resolution, 900 * resolution, Double.NaN, Double.NaN, 0, 10, li, List.of(), true, true, true,
				List.of(), List.of(), CycleSummary.NoEfficiency.STORED_TOO_LITTLE);
		assertTrue(summaryCycles(true, List.of(said)).get(0).getAsJsonObject().has("efficiency_unresolved"));
		assertThrows(IllegalArgumentException.class, () -> new CycleSummary(1, 1, 1, 1, Double.NaN, 0, 1, li, List.of(), true, true, true,
				List.of(), List.of(), CycleSummary.NoEfficiency.STORED_TOO_LITTLE), "an efficiency and a reason for none");
	}
}

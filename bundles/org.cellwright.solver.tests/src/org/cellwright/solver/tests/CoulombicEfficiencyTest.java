package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.cellwright.solver.CycleBook;
import org.cellwright.solver.CycleSummary;
import org.cellwright.solver.LithiumInventory;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.StepEnd;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;

/**
 * A cycle's Coulombic efficiency is what the cell gives back over what it took: discharge / charge for a full cell,
 * stripped / plated (charge / discharge) for a half cell, a cycle opening with its storing step (CycleBook). It was the
 * cycle's second direction over its first: a full cell discharged first (the fresh cell6 gives 0.013 mAh/cm2, then
 * takes 3.03) read 22855 % in cycle 1 and 100.2 % in the cycles after; then discharge / charge within a cycle opened by
 * the discharge (0.4 % for the fresh cell's cycle 1, 403 % for a charged DFN cell's).
 */
class CoulombicEfficiencyTest {

	@Test
	void aFullCellDischargedFirstPairsEachChargeWithTheDischargeAfterIt() {
		RecordingSink s = new RecordingSink();
		StepSpec discharge = StepSpec.cRate(-0.1, Cutoff.voltageBelow(2.8), Cutoff.duration(15 * 3600));
		StepSpec charge = StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600));
		RunStatus st = new Simulation().run(Sung2023Parameters.cell6Full(65e6, 298.15),
				ProtocolSpec.of(StepSpec.repeat(2, discharge, charge)), SolverSettings.builder().build(), s, null);
		assertEquals(RunStatus.COMPLETED, st, () -> s.events.toString());
		assertEquals(3, s.cycles.size(), "the first discharge, a charge with its discharge, the last charge");
		assertTrue(Double.isNaN(s.cycles.get(0).coulombicEfficiency()), "the first discharge gives what the cell started with: no efficiency");
		assertEquals(0, s.cycles.get(0).chargeCapacity());
		CycleSummary c = s.cycles.get(1);
		assertEquals(c.dischargeCapacity() / c.chargeCapacity(), c.coulombicEfficiency(), 1e-12);
		assertTrue(c.coulombicEfficiency() > 0.85 && c.coulombicEfficiency() < 1, "what the first charge stored, given back (the first cycle's loss: 91.7 %): " + c.coulombicEfficiency());
		assertTrue(Double.isNaN(s.cycles.get(2).coulombicEfficiency()), "the last charge, without its discharge");
	}

	/**
	 * A hold whose current is zero to rounding (0.01 V on the interlayer half cell once its plated Li is used up: -5e-26
	 * A/m2, its Si host in its hysteresis gap) opened a cycle of 1e-30 mAh/cm2 of discharge; the stripping after it made
	 * its efficiency 3e29. Such a step gives no direction: the stripping stays in the plating's cycle.
	 */
	@Test
	void aHoldAtZeroCurrentOpensNoCycle() {
		RecordingSink s = new RecordingSink();
		RunStatus st = new Simulation().run(Sung2023Parameters.cell2Interlayer(65e6), ProtocolSpec.of(
				StepSpec.currentDensity(-3, Cutoff.capacity(180)),
				StepSpec.voltageHold(0, Cutoff.currentBelow(0.1), Cutoff.duration(3600)),
				StepSpec.voltageHold(0, Cutoff.currentBelow(0.1), Cutoff.duration(3600)),
				StepSpec.voltageHold(0.01, Cutoff.currentBelow(0.1), Cutoff.duration(3600)),
				StepSpec.currentDensity(3, Cutoff.voltageAbove(0.5), Cutoff.duration(5 * 3600))),
				SolverSettings.builder().build(), s, null);
		assertEquals(RunStatus.COMPLETED, st, () -> s.events.toString());
		assertEquals(1, s.cycles.size(), () -> s.cycles.toString());
		CycleSummary c = s.cycles.get(0);
		assertEquals(c.chargeCapacity() / c.dischargeCapacity(), c.coulombicEfficiency(), 1e-12);
		// the stripping to 0.5 V de-lithiates the Si host too (0.46 mAh/cm2) against the 0.05 mAh/cm2 plated: about 89
		assertTrue(c.coulombicEfficiency() > 50 && c.coulombicEfficiency() < 150, "the Li stripped over the Li plated: " + c.coulombicEfficiency());
	}

	@Test
	void theDefinitionByKindOfCell() {
		assertEquals(0.9, CycleSummary.coulombicEfficiency(1.0, 0.9, true), 1e-15, "full cell: discharge / charge");
		assertEquals(0.9, CycleSummary.coulombicEfficiency(0.9, 1.0, false), 1e-15, "half cell: stripped / plated");
		assertTrue(Double.isNaN(CycleSummary.coulombicEfficiency(0, 1.0, true)), "nothing stored: no efficiency");
		assertTrue(Double.isNaN(CycleSummary.coulombicEfficiency(1.0, 0, false)), "nothing plated: no efficiency");
	}

	/**
	 * A cycle that ran in one direction only (plating alone) has no efficiency: NaN, written as an empty cell of
	 * cycles.csv and "-" by the CLI (it was 0 in cycles.csv and summary.json while the CLI printed "-"). A step of the
	 * other direction that passed no charge (its cut-off at once) gives a real 0 %.
	 */
	@Test
	void aCycleInOneDirectionOnlyHasNoEfficiency() {
		RecordingSink s = new RecordingSink();
		RunStatus st = new Simulation().run(Sung2023Parameters.cell3Bare(5e6), ProtocolSpec.of(
				StepSpec.currentDensity(-1, Cutoff.duration(3600))), SolverSettings.builder().build(), s, null);
		assertEquals(RunStatus.COMPLETED, st, () -> s.events.toString());
		assertEquals(1, s.cycles.size(), () -> s.cycles.toString());
		CycleSummary c = s.cycles.get(0);
		assertEquals(0, c.chargeCapacity(), "nothing stripped");
		assertEquals(0.1, c.dischargeCapacity() / 36000.0, 1e-3, "1 A/m2 for 1 h: 0.1 mAh/cm2 plated");
		assertTrue(Double.isNaN(c.coulombicEfficiency()), "plating alone: no efficiency, was " + c.coulombicEfficiency());

		List<CycleSummary> closed = new ArrayList<>();
		LithiumInventory li = new LithiumInventory(1, 0, 0, 0, 0, 0, 2, 3);
		CycleBook plated = new CycleBook(false, Double.NaN, (cycle, last) -> closed.add(cycle));
		plated.startDirection(-1, 0, () -> li);
		plated.add(0, 1.0);
		plated.close(1, () -> li, true);
		assertTrue(Double.isNaN(closed.get(0).coulombicEfficiency()), "plated only");
		CycleBook half = new CycleBook(false, Double.NaN, (cycle, last) -> closed.add(cycle));
		half.startDirection(-1, 0, () -> li);
		half.add(0, 100.0); // above the efficiency's resolution (1e-5 of the 6 mol/m2, 5.8 C/m2: NumericalThresholds)
		half.startDirection(1, 1, () -> li);
		half.recordStep(1, StepEnd.VOLTAGE_CUTOFF, 1, 1, 0, 1.0);
		half.close(1, () -> li, true);
		assertEquals(0, closed.get(1).coulombicEfficiency(), "a stripping step that passed no charge: 0 %");
		CycleBook full = new CycleBook(true, Double.NaN, (cycle, last) -> closed.add(cycle));
		full.startDirection(1, 0, () -> li);
		full.add(1.0, 0);
		full.close(1, () -> li, true);
		assertTrue(Double.isNaN(closed.get(2).coulombicEfficiency()), "a full cell charged only");
	}

}

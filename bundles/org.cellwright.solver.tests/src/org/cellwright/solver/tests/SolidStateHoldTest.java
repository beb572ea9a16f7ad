package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.StepEnd;
import org.cellwright.solver.StepResult;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;

/**
 * Potentiostatic discharges of the interlayer full cell (cell 6): a hold below the open circuit drives a current that
 * saturates NCM811's particle surfaces at once, where the hold's secant iteration on the current extrapolated into
 * currents without solution; such holds (3.3 V and 3.0 V after the first charge, 2.8 V after a discharge to 2.8 V and a
 * rest: a CC-CV discharge) ended the run as NOT_CONVERGED. They run at the set voltage, their current decaying as
 * the particles fill (a PITT step).
 */
class SolidStateHoldTest {

	static List<Sample> hold(List<StepSpec> steps, int holdIndex, double volts) {
		RecordingSink s = new RecordingSink();
		RunStatus st = new Simulation().run(Sung2023Parameters.cell6Full(5e6, 298.15), new ProtocolSpec("p", steps),
				SolverSettings.builder().build(), s, null);
		assertEquals(RunStatus.COMPLETED, st, () -> s.events.toString());
		StepResult r = s.cycles.get(0).steps().get(holdIndex);
		assertEquals(StepEnd.DURATION, r.end(), s.cycles.toString());
		List<Sample> in = s.samples.stream().filter(x -> x.stepIndex() == holdIndex && x.time() > r.startTime()).toList();
		assertTrue(in.size() > 10, "samples of the hold: " + in.size());
		for (Sample x : in) assertEquals(volts, x.voltage(), 1e-4, "at the set voltage, t = " + x.time());
		for (int k = 1; k < in.size(); k++) {
			assertTrue(in.get(k).current() < 0, "discharging at t = " + in.get(k).time());
			assertTrue(Math.abs(in.get(k).current()) <= Math.abs(in.get(k - 1).current()) * (1 + 1e-9),
					"the current decays: " + in.get(k - 1).current() + " then " + in.get(k).current() + " at t = " + in.get(k).time());
		}
		return in;
	}

	@Test
	void aHoldFarBelowTheOpenCircuitRunsWithItsCurrentDecaying() {
		List<Sample> in = hold(List.of(StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600)),
				new StepSpec.ConstantVoltage(3.3, List.of(Cutoff.duration(3600)))), 1, 3.3);
		// 1 C of the cell is 2.8 mA/cm2 (28 A/m2): it starts at several C and falls as the particles fill
		double first = Math.abs(in.get(0).current()), last = Math.abs(in.get(in.size() - 1).current());
		assertTrue(first > 2 * 28 && last < first / 2, "from " + first + " to " + last + " A/m2");
	}

	@Test
	void aConstantVoltageDischargeAfterTheConstantCurrentOneRuns() {
		hold(List.of(StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600)),
				StepSpec.cRate(-0.1, Cutoff.voltageBelow(2.8), Cutoff.duration(15 * 3600)), StepSpec.rest(3600),
				new StepSpec.ConstantVoltage(2.8, List.of(Cutoff.duration(3600)))), 3, 2.8);
	}

	/**
	 * Plating at a set voltage onto bare steel (cell 3, chronoamperometry): from rest the hold's iteration first tried a
	 * charging current, which the collector, holding no lithium, cannot give; the step ended at once as
	 * lithium-exhausted. Now it plates, and the stripping after it returns the lithium plated but the share lost.
	 */
	@Test
	void aHoldBelowZeroPlatesOntoTheBareCollector() {
		RecordingSink s = new RecordingSink();
		RunStatus st = new Simulation().run(Sung2023Parameters.cell3Bare(5e6), ProtocolSpec.of(
				new StepSpec.ConstantVoltage(-0.02, List.of(Cutoff.duration(3600))),
				StepSpec.currentDensity(3, Cutoff.voltageAbove(0.2), Cutoff.duration(20 * 3600))), SolverSettings.builder().build(), s, null);
		assertEquals(RunStatus.COMPLETED, st, () -> s.events.toString());
		List<StepResult> steps = s.cycles.get(0).steps();
		assertEquals(List.of(StepEnd.DURATION, StepEnd.VOLTAGE_CUTOFF), steps.stream().map(StepResult::end).toList(), s.events.toString());
		double plated = -steps.get(0).charge(), stripped = steps.get(1).charge();
		assertTrue(plated > 0.1 * 36000, "more than 0.1 mAh/cm2 plated in the hour: " + plated / 36000);
		assertTrue(stripped < plated && stripped > 0.8 * plated, "stripped " + stripped / 36000 + " of " + plated / 36000 + " mAh/cm2");
	}
}

package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.StepEnd;
import org.cellwright.solver.StepResult;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;

/**
 * Rests after stripping the CNT half cell (cell 4, no host) to 0.5 V (fuzz, session 18): plating 1 mA/cm2 for 1 h,
 * resting 10 min, stripping until 0.5 V, resting 10 min, repeated. The layer stripped empty carries no current at
 * any potential above Li deposition's, so at rest its potential is no function of its current: the rest ended
 * NOT_CONVERGED ("cannot carry the reduction current") at 34 MPa and 25 degC in cycle 2 (there the soft short's leak
 * G V had to be carried at a set current) and at 60 degC with 60 s steps in cycle 8 (no Li left at all: Newton's
 * Jacobian singular), while 10 s steps ran through. The rests now end at their duration at either step size.
 */
class EmptyCntRestTest {

	private static List<StepResult> run(CellSpec cell, int cycles, double maxStep, RunStatus expected) {
		List<StepSpec> steps = new ArrayList<>();
		for (int c = 0; c < cycles; c++) {
			steps.add(StepSpec.currentDensity(-10, Cutoff.duration(3600)));
			steps.add(StepSpec.rest(600));
			steps.add(StepSpec.currentDensity(10, Cutoff.voltageAbove(0.5), Cutoff.duration(7200)));
			steps.add(StepSpec.rest(600));
		}
		SolverSettings.Builder b = SolverSettings.builder();
		if (maxStep > 0) b.maxStep(maxStep);
		RecordingSink s = new RecordingSink();
		RunStatus st = new Simulation().run(cell, ProtocolSpec.of(steps.toArray(new StepSpec[0])), b.build(), s, null);
		assertEquals(expected, st, () -> s.events.toString());
		List<StepResult> all = s.steps();
		assertEquals(4 * cycles, all.size(), all::toString);
		for (int k = 3; k < all.size(); k += 4) {
			StepResult rest = all.get(k);
			assertEquals(StepEnd.DURATION, rest.end(), "the rest after the stripping runs its 10 min: " + rest);
			assertEquals(0, rest.endVoltage(), 1e-3, "the empty layer rests at its open-circuit potential (0 V vs Li): " + rest);
		}
		return all;
	}

	@Test
	void aRestWithASoftShortAfterStrippingTheCntLayerEmptyRunsItsDuration() {
		run(Sung2023Parameters.cell4Cnt(34e6), 3, 0, RunStatus.COMPLETED);
	}

	@Test
	void aRestWithNoLithiumLeftInTheCntLayerRunsAtAnyStepSize() {
		CellSpec at60 = Sung2023Parameters.cell4Cnt(34e6).toBuilder().temperature(333.15).build();
		List<StepResult> coarse = run(at60, 8, 60, RunStatus.COMPLETED);
		List<StepResult> fine = run(at60, 8, 10, RunStatus.COMPLETED);
		for (int k = 2; k < coarse.size(); k += 4)
			assertEquals(fine.get(k).charge(), coarse.get(k).charge(), 2e-3 * Math.abs(fine.get(k).charge()),
					"the stripping gives the same charge at 60 s and 10 s steps (step " + k + ")");
	}
}

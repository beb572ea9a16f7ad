package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.SimulationEvent;
import org.cellwright.solver.StepEnd;
import org.cellwright.solver.StepResult;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;

/**
 * A constant-power discharge of the interlayer full cell (cell 6) beyond what NCM811's solid diffusion can carry: the
 * cathode's particle surfaces saturate before 2.8 V and no state carries the power further; the step ends there as a
 * voltage jump through its cut-off (a transport limit, as the DFN runner words it), not a solver failure, and the
 * protocol goes on.
 */
class SolidStatePowerLimitTest {

	@Test
	void aPowerBeyondTheCathodesSolidDiffusionEndsAsAVoltageJumpAndTheProtocolGoesOn() {
		RecordingSink s = new RecordingSink();
		RunStatus st = new Simulation().run(Sung2023Parameters.cell6Full(5e6, 298.15), ProtocolSpec.of(
				StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600)),
				new StepSpec.ConstantPower(-127.4, List.of(Cutoff.voltageBelow(2.8))), // 12.74 mW/cm2, about 3.4 C
				StepSpec.rest(600)), SolverSettings.builder().build(), s, null);
		assertEquals(RunStatus.COMPLETED, st, () -> s.events.toString());
		List<StepResult> steps = s.cycles.get(0).steps();
		assertEquals(StepEnd.VOLTAGE_JUMP, steps.get(1).end(), steps.toString());
		assertTrue(steps.get(1).endVoltage() > 2.8, "ended before the cut-off: " + steps.get(1).endVoltage());
		assertEquals(StepEnd.DURATION, steps.get(2).end(), "the rest after it runs");
		String warning = s.events.stream().filter(e -> e.type() == SimulationEvent.Type.STEP_END).map(SimulationEvent::message).findFirst().orElse("");
		assertTrue(warning.contains("(voltage-jump at"), warning);
		assertTrue(warning.contains("saturated with lithium (solid diffusion limit)"), warning);
		assertTrue(warning.endsWith("a transport limit: the voltage falls through the cut-off"), warning);
	}

	/**
	 * A constant-power discharge of a half cell, whose voltage is near 0 V (found by fuzzing protocols, session 14): the
	 * lithiated interlayer (cell 2, 0.141 V at rest) gives at most about 0.002 mW/cm2 before Li plates at 0 V, bare steel
	 * (cell 3, 0 V) none at all. 0.3 mW/cm2 cannot be drawn. The secant on V I = P went past the fold and its last iterate
	 * was committed unchecked (cell 2: a time step at -523.87 V, then NOT_CONVERGED after 50 s of shrinking steps); on
	 * bare steel its second point was a charging current, which the steel without lithium cannot give, and the step ended
	 * as lithium-exhausted. The step ends at once as a voltage-jump saying which power the state gives at most, and the
	 * plating after it runs.
	 */
	@Test
	void aPowerAHalfCellNear0VCannotGiveEndsAtOnceSaidSoAndThePlatingAfterItRuns() {
		for (var cell : List.of(Sung2023Parameters.cell2Interlayer(5e6), Sung2023Parameters.cell3Bare(5e6))) {
			RecordingSink s = new RecordingSink();
			RunStatus st = new Simulation().run(cell, ProtocolSpec.of(
					new StepSpec.ConstantPower(-3, List.of(Cutoff.duration(3600))), // 0.3 mW/cm2 delivered
					StepSpec.currentDensity(-3, Cutoff.duration(3600))), SolverSettings.builder().build(), s, null);
			assertEquals(RunStatus.COMPLETED, st, () -> cell.name() + ": " + s.events);
			List<StepResult> steps = s.steps();
			assertEquals(List.of(StepEnd.VOLTAGE_JUMP, StepEnd.DURATION), steps.stream().map(StepResult::end).toList(), cell.name() + ": " + steps);
			assertEquals(0, steps.get(0).charge(), "no charge passed");
			assertEquals(-3 * 3600, steps.get(1).charge(), 1e-6 * 3 * 3600, "the plating after it runs");
			for (var x : s.samples) assertTrue(Math.abs(x.voltage()) < 1, cell.name() + ": a sample at " + x.voltage() + " V");
			String warning = s.events.stream().filter(e -> e.type() == SimulationEvent.Type.STEP_END).map(SimulationEvent::message).findFirst().orElse("");
			assertTrue(warning.contains("(voltage-jump at 0 s): the power step at -0.3 mW/cm2") && warning.contains("the cell cannot give 0.3 mW/cm2: at this state it gives "), warning);
			assertTrue(warning.endsWith("a power limit: the step has no voltage cut-off below it, and the cell cannot carry its power any longer"), warning);
		}
	}

	/**
	 * 200 mW/cm2 from the charged full cell (cell 6 at 5 MPa, 25 degC): its maximum power point gives about 60 mW/cm2,
	 * at about 2.1 V. The step ends at once as a voltage-jump giving both powers, without the cause of the secant's last
	 * iterate past the fold (it read "cannot carry the delithiation current" for this discharge on the baseline cell);
	 * its one warning carries the stall's figures (session 21: the stall's own warning came too, for the same step);
	 * the 2 mW/cm2 after it runs.
	 */
	@Test
	void aPowerBeyondTheChargedFullCellsMaximumPowerEndsAtOnceGivingBothPowers() {
		RecordingSink s = new RecordingSink();
		RunStatus st = new Simulation().run(Sung2023Parameters.cell6Full(5e6, 298.15), ProtocolSpec.of(
				StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600)),
				new StepSpec.ConstantPower(-2000, List.of(Cutoff.voltageBelow(2.8), Cutoff.duration(3600))),
				new StepSpec.ConstantPower(-20, List.of(Cutoff.voltageBelow(2.8), Cutoff.capacity(0.5 * 36000)))),
				SolverSettings.builder().build(), s, null);
		assertEquals(RunStatus.COMPLETED, st, () -> s.events.toString());
		List<StepResult> steps = s.cycles.get(0).steps();
		assertEquals(List.of(StepEnd.VOLTAGE_CUTOFF, StepEnd.VOLTAGE_JUMP, StepEnd.CAPACITY), steps.stream().map(StepResult::end).toList(), steps.toString());
		assertEquals(0, steps.get(1).charge());
		List<String> w = s.events.stream().map(SimulationEvent::message).filter(m -> m.startsWith("warning")).toList();
		String jump = w.stream().filter(m -> m.contains("(voltage-jump at")).findFirst().orElse("");
		assertTrue(jump.contains("the cell cannot give 200 mW/cm2: at this state it gives at most "), jump);
		assertTrue(jump.matches(".*its maximum power point, at 2\\.\\d+ V and -\\d+(\\.\\d+)? mA/cm2\\); a power limit: the voltage falls through the cut-off"
				+ "; it passed 0\\.00 mAh/cm2, less than 1 % of the \\d\\.\\d+ mAh/cm2 charged before"), jump);
		assertFalse(jump.contains("cannot carry the"), jump);
		assertEquals(1, w.stream().filter(m -> m.startsWith("warning: cycle 1, step 2 ")).count(), w.toString());
	}

	/**
	 * Power steps both ways on cell 6 at 65 MPa, 25 degC (5 and 20 mW/cm2): each discharge ends at the fold where NCM811's
	 * surfaces saturate, a voltage-jump with that cause. With the power's solution checked, the 20 mW/cm2 discharge had
	 * ended as a solver-failure ("no solution of the next time step") when the model's last trial, read for the cause,
	 * was a solved one: the cause is read from the first current without solution of the sweep in the power's direction.
	 */
	@Test
	void powerStepsBothWaysOnTheFullCellEndAtTheirCutoffsOrTheFold() {
		RecordingSink s = new RecordingSink();
		RunStatus st = new Simulation().run(Sung2023Parameters.cell6Full(65e6, 298.15), ProtocolSpec.of(
				new StepSpec.ConstantPower(50, List.of(Cutoff.voltageAbove(4.3), Cutoff.duration(10 * 3600))),
				new StepSpec.ConstantPower(-50, List.of(Cutoff.voltageBelow(2.8), Cutoff.duration(10 * 3600))),
				new StepSpec.ConstantPower(200, List.of(Cutoff.voltageAbove(4.3))),
				new StepSpec.ConstantPower(-200, List.of(Cutoff.voltageBelow(2.8)))), SolverSettings.builder().build(), s, null);
		assertEquals(RunStatus.COMPLETED, st, () -> s.events.toString());
		List<StepEnd> ends = s.steps().stream().map(StepResult::end).toList();
		assertEquals(List.of(StepEnd.VOLTAGE_CUTOFF, StepEnd.VOLTAGE_JUMP, StepEnd.VOLTAGE_CUTOFF, StepEnd.VOLTAGE_JUMP), ends, () -> s.events.toString());
		assertTrue(s.events.stream().noneMatch(e -> e.message().contains("no solution of the next time step")), () -> s.events.toString());
	}

	/** A charge to 4.3 V, then a discharge at 0.2 C for 6 h: past the cell's capacity, with no voltage cut-off of its own. */
	static List<StepSpec> pastCapacity() {
		return List.of(StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600)),
				StepSpec.cRate(-0.2, Cutoff.duration(6 * 3600)), StepSpec.rest(600));
	}

	static RecordingSink run(List<StepSpec> steps) {
		RecordingSink s = new RecordingSink();
		RunStatus st = new Simulation().run(Sung2023Parameters.cell6Full(5e6, 298.15), new ProtocolSpec("p", steps),
				SolverSettings.builder().build(), s, null);
		assertEquals(RunStatus.COMPLETED, st, () -> s.events.toString());
		return s;
	}

	/**
	 * A discharge of set duration past the cell's capacity (a GITT pulse too many): the cathode's surfaces saturate and
	 * no state carries the current further. Without a voltage cut-off the step ends there too, by the transport limit,
	 * said so, and the rest after it runs (it ended the run as NOT_CONVERGED).
	 */
	@Test
	void aDischargePastTheCapacityWithoutAVoltageCutoffEndsAtTheTransportLimitAndTheProtocolGoesOn() {
		RecordingSink s = run(pastCapacity());
		List<StepResult> steps = s.cycles.get(0).steps();
		assertEquals(List.of(StepEnd.VOLTAGE_CUTOFF, StepEnd.VOLTAGE_JUMP, StepEnd.DURATION), steps.stream().map(StepResult::end).toList(), steps.toString());
		assertTrue(steps.get(1).endTime() - steps.get(1).startTime() < 6 * 3600, "ends before its duration");
		String warning = s.events.stream().filter(e -> e.type() == SimulationEvent.Type.STEP_END).map(SimulationEvent::message).findFirst().orElse("");
		assertTrue(warning.contains("saturated with lithium (solid diffusion limit)"), warning);
		assertTrue(warning.endsWith("the step has no voltage cut-off below it, and the cell cannot carry its current any longer"), warning);
	}

	/**
	 * The same protocol on the cell with a voltage window of 2.8-4.3 V (a cell's lower/upper-voltage-cutoff,
	 * {@link Cutoff#withinWindow}): the discharge lands on the window's 2.8 V as on a cut-off of its own, said so once.
	 */
	@Test
	void theCellsVoltageWindowEndsAStepWithoutAVoltageCutoffOfItsOwn() {
		List<StepSpec> bounded = Cutoff.withinWindow(pastCapacity(), 2.8, 4.3);
		assertEquals(List.of(Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600)), ((StepSpec.ConstantCurrent) bounded.get(0)).cutoffs(),
				"a step with a voltage cut-off of its own in its direction keeps its own");
		assertEquals(List.of(Cutoff.duration(6 * 3600), Cutoff.window(Cutoff.Kind.VOLTAGE_BELOW, 2.8)), ((StepSpec.ConstantCurrent) bounded.get(1)).cutoffs());
		assertEquals(pastCapacity().get(2), bounded.get(2), "a rest as written");
		RecordingSink s = run(bounded);
		List<StepResult> steps = s.cycles.get(0).steps();
		assertEquals(List.of(StepEnd.VOLTAGE_CUTOFF, StepEnd.VOLTAGE_CUTOFF, StepEnd.DURATION), steps.stream().map(StepResult::end).toList(), steps.toString());
		assertEquals(2.8, steps.get(1).endVoltage(), 1e-3);
		List<String> warnings = s.events.stream().filter(e -> e.type() == SimulationEvent.Type.STEP_END).map(SimulationEvent::message).toList();
		assertEquals(1, warnings.size(), warnings.toString());
		assertTrue(warnings.get(0).endsWith("the step has no voltage cut-off below it: it ended at the cell's lower-voltage-cutoff 2.8 V (its voltage window)"), warnings.toString());
	}
}

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
}

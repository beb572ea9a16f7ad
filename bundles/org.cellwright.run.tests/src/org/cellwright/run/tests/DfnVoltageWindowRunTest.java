package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;

import org.cellwright.run.dfn.DfnRunner;
import org.cellwright.solver.CycleSummary;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.SimulationEvent;
import org.cellwright.solver.StepResult;
import org.cellwright.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step without a voltage cut-off of its own that runs the cell past its capacity (a discharge 'for 80 min' at 1 C,
 * a GITT pulse too many): the library's Chen 2020 cell states its voltage window (2.5-4.2 V, as the parameter set
 * and BPX give it), which ends such a step as a cycler's safety limit and PyBaMM's experiments do, said so; without a
 * window the step ends where the cell can carry its current no longer (a transport limit), said so. Both ended the
 * run as a solver failure ("step size underflow").
 */
class DfnVoltageWindowRunTest {

	@TempDir Path tmp;

	RecordingSink run(String cell, String steps, RunStatus expected) throws Exception {
		Path file = Cli.write(tmp.resolve("w.cell"), "package t\nimport cellwright.sets.chen2020.*\n"
				+ "cell NoWindow extends Chen2020LGM50 { remove lower-voltage-cutoff }\n"
				+ "cell Unbounded extends Chen2020LGM50 { remove lower-voltage-cutoff remove upper-voltage-cutoff }\n"
				+ "protocol P {\n" + steps + "\n}\nexperiment E { cell " + cell + " protocol P }\n");
		RecordingSink sink = new RecordingSink();
		RunStatus st = DfnRunner.run(DfnRunTest.inputs(file, "E"), sink, ProgressListener.NONE);
		if (expected != null) assertEquals(expected, st, sink.events.toString());
		return sink;
	}

	static List<String> warnings(RecordingSink sink) {
		return sink.events.stream().filter(e -> e.type() == SimulationEvent.Type.STEP_END).map(SimulationEvent::message).toList();
	}

	/** The run's steps (all cycles), asserted to have ended as given; the first on the window's 2.5 V within 1 mV. */
	static List<StepResult> endedAtTheWindow(RecordingSink sink, String... ends) {
		List<StepResult> steps = sink.steps();
		assertEquals(List.of(ends), steps.stream().map(r -> r.end().label()).toList(), steps.toString());
		assertEquals(2.5, steps.get(0).endVoltage(), 1e-3, "on the window's cut-off");
		assertTrue(warnings(sink).get(0).endsWith("it ended at the cell's lower-voltage-cutoff 2.5 V (its voltage window)"), warnings(sink).toString());
		return steps;
	}

	/**
	 * A rest has no direction: the Chen 2020 cell at 60 degC, cycled at 0.5 C with holds and a power step (the current an
	 * unknown of the state, +-1e-15 A/m2 at rest from Newton's iterates), then UDDS after a CC-CV charge, which ends on
	 * the window's 4.2 V at its first regeneration with the negative's surface at stoichiometry 0.99908. The rest after
	 * it took its solved current as a charge with no voltage cut-off above it and ended at once on the transport limit
	 * ("where the cell cannot carry its current much longer", a voltage-jump, its 5 min not run; session 24's fuzz,
	 * `/work/helpers/repro/dfn24/fz/Chen.cell`). It rests its 5 min now, no warning of its own.
	 */
	@Test
	void aRestAfterADriveCycleEndedOnTheWindowRestsItsTime() throws Exception {
		java.nio.file.Files.copy(DfnDriveCycleRunTest.CYCLES.resolve("UDDS.csv"), tmp.resolve("UDDS.csv"));
		RecordingSink sink = run("Chen2020LGM50", "set temperature = 60 degC\n discharge at 0.5 C until 2.5 V\n rest for 10 min\n"
				+ " charge at 0.5 C until 4.2 V\n hold at 4.2 V until 0.05 C\n rest for 10 min\n discharge at 9 W until 2.5 V\n rest for 10 min\n"
				+ " charge at 1 C until 4.2 V\n hold at 4.2 V until 0.05 C\n follow \"UDDS.csv\" current scaled to 0.5 C for 2 h until 2.5 V\n"
				+ " rest for 5 min", RunStatus.COMPLETED);
		List<StepResult> steps = sink.steps();
		StepResult rest = steps.get(steps.size() - 1);
		assertEquals(11, rest.stepIndex(), steps.toString());
		assertEquals("voltage-cutoff", steps.get(steps.size() - 2).end().label(), "UDDS on the window: " + steps);
		assertEquals("duration", rest.end().label(), steps + " " + warnings(sink));
		assertEquals(300, rest.endTime() - rest.startTime(), 1e-6, "its 5 min");
		assertTrue(sink.warnings(11).isEmpty(), sink.warnings(11).toString());
	}

	@Test
	void aDischargePastTheCapacityEndsAtTheCellsLowerVoltageCutoffAndTheProtocolGoesOn() throws Exception {
		RecordingSink sink = run("Chen2020LGM50", "discharge at 1 C for 80 min\n rest for 10 min\n charge at 1 C until 4.2 V", RunStatus.COMPLETED);
		List<StepResult> steps = endedAtTheWindow(sink, "voltage-cutoff", "duration", "voltage-cutoff");
		assertTrue(steps.get(0).endTime() < 80 * 60, "before the step's duration: " + steps.get(0).endTime());
		assertEquals(4.2, steps.get(2).endVoltage(), 1e-3);
		List<String> w = warnings(sink);
		assertEquals(1, w.size(), w.toString());
		assertTrue(w.get(0).startsWith("warning: cycle 1, step 1 (line 6) (voltage-cutoff at "), w.toString());
		assertTrue(w.get(0).contains("s): the step has no voltage cut-off below it: it ended"), w.toString());
	}

	@Test
	void pulsesPastTheCapacityEndAtTheWindowAndTheLaterOnesAreCounted() throws Exception {
		RecordingSink sink = run("Chen2020LGM50", "repeat 14 {\n discharge at 1 C for 5 min\n rest for 10 min\n }", RunStatus.COMPLETED);
		List<String> w = warnings(sink);
		assertEquals(2, w.size(), w.toString());
		assertTrue(w.get(0).endsWith("it ended at the cell's lower-voltage-cutoff 2.5 V (its voltage window)"), w.toString());
		assertTrue(w.get(1).matches("warning: \\d+ later steps? ended so \\(voltage-cutoff\\), the last in cycle 1"), w.toString());
	}

	/**
	 * A drive cycle without a cut-off, past the capacity: bounded by the window in its net direction (a floor), as its own
	 * 'until'. From half charge: from full, its first regeneration at 5 C would end it on the window's upper side, which
	 * bounds a drive cycle too ({@code Cutoff.withinWindow}; {@code DfnBpxProtocolRunTest.aDriveCyclesRegenerationEndsAtTheWindowsUpperSide}).
	 */
	@Test
	void aDriveCyclePastTheCapacityEndsAtTheWindowInItsNetDirection() throws Exception {
		java.nio.file.Files.copy(DfnStepEndRunTest.CYCLES.resolve("UDDS.csv"), tmp.resolve("UDDS.csv"));
		RecordingSink sink = run("Chen2020LGM50", "discharge at 1 C for 30 min\n follow \"UDDS.csv\" current scaled to 5 C for 5 h\n rest for 10 min",
				RunStatus.COMPLETED);
		List<StepResult> steps = sink.steps();
		assertEquals(List.of("duration", "voltage-cutoff", "duration"), steps.stream().map(r -> r.end().label()).toList(), steps.toString());
		assertEquals(2.5, steps.get(1).endVoltage(), 1e-3, "on the window's lower cut-off");
		assertTrue(warnings(sink).get(0).endsWith("it ended at the cell's lower-voltage-cutoff 2.5 V (its voltage window)"), warnings(sink).toString());
	}

	/**
	 * Without a window: the negative's particle surfaces empty, and the step lands on that transport limit
	 * (DfnModel.transportMargin) as on a cut-off, its charge counted once; the state there is inside the model's range,
	 * so the rest after it starts (before, the step ended where the integration stopped, at -0.63 V with the surfaces at
	 * stoichiometry 0.00000, and the rest found no consistent state: NOT_CONVERGED).
	 */
	@Test
	void withoutAWindowTheStepEndsAtTheTransportLimitAndSaysSo() throws Exception {
		RecordingSink sink = run("NoWindow", "discharge at 1 C for 80 min\n rest for 10 min", RunStatus.COMPLETED);
		StepResult first = sink.cycles.get(0).steps().get(0);
		assertEquals("voltage-jump", first.end().label(), sink.cycles.toString());
		assertTrue(first.endTime() < 80 * 60);
		String w = warnings(sink).get(0);
		assertTrue(w.contains("the negative particles' surface is emptied"), w);
		assertTrue(w.contains("(a transport limit); the step has no voltage cut-off below it"), w);
		CycleSummary c = sink.cycles.get(0);
		assertEquals(Math.abs(first.charge()), c.dischargeCapacity(), 1e-9 * Math.abs(first.charge()),
				"the step's charge counted once in its cycle (a next step failing at its start added it again)");
	}

	/**
	 * A discharge and a charge past the capacity of a cell with no window at all: each ends on its transport limit (the
	 * negative's surfaces emptied, saturated) at a state the next steps start from, and the protocol runs to its end.
	 */
	@Test
	void pastTheCapacityWithoutAWindowEachStepEndsWhereTheNextCanStart() throws Exception {
		RecordingSink sink = run("Unbounded", "discharge at 1 C for 80 min\n rest for 10 min\n charge at 1 C for 30 min", RunStatus.COMPLETED);
		List<StepResult> steps = sink.steps();
		assertEquals(List.of("voltage-jump", "duration", "duration"), steps.stream().map(r -> r.end().label()).toList(), steps.toString());
		// on the limit, not past it: a voltage of the cell's range (past it the voltage went to -0.63 V)
		assertTrue(steps.get(0).endVoltage() > 0.5 && steps.get(0).endVoltage() < 2.5, steps.toString());
		assertTrue(warnings(sink).get(0).contains("the negative particles' surface is emptied"), warnings(sink).toString());
		assertTrue(warnings(sink).get(0).contains("the state landed on the limit"), warnings(sink).toString());
		assertEquals(30 * 60, steps.get(2).endTime() - steps.get(2).startTime(), 1e-6, "the charge runs its 30 min");

		sink = run("Unbounded", "charge at 1 C for 80 min\n rest for 10 min\n discharge at 1 C for 30 min", RunStatus.COMPLETED);
		steps = sink.steps();
		assertEquals(List.of("voltage-jump", "duration", "duration"), steps.stream().map(r -> r.end().label()).toList(), steps.toString());
		assertTrue(steps.get(0).endVoltage() > 4.2 && steps.get(0).endVoltage() < 5, steps.toString()); // past it: 6.22 V
		assertTrue(warnings(sink).get(0).contains("the negative particles' surface is saturated"), warnings(sink).toString());
		assertTrue(warnings(sink).get(0).contains("no voltage cut-off above it"), warnings(sink).toString());
	}

	/** A drive cycle without a cut-off and without a window, past the capacity: it lands on its transport limit too, and the rest after it runs. */
	@Test
	void aDriveCyclePastTheCapacityWithoutAWindowEndsAtItsTransportLimitAndTheRestRuns() throws Exception {
		java.nio.file.Files.copy(DfnStepEndRunTest.CYCLES.resolve("UDDS.csv"), tmp.resolve("UDDS.csv"));
		RecordingSink sink = run("Unbounded", "follow \"UDDS.csv\" current scaled to 5 C for 5 h\n rest for 10 min", RunStatus.COMPLETED);
		List<StepResult> steps = sink.steps();
		assertEquals(List.of("voltage-jump", "duration"), steps.stream().map(r -> r.end().label()).toList(), steps.toString());
		assertTrue(steps.get(0).endVoltage() > 0, "on the limit, not past it (-0.75 V there): " + steps);
		assertTrue(warnings(sink).get(0).contains("(a transport limit)"), warnings(sink).toString());
	}
}

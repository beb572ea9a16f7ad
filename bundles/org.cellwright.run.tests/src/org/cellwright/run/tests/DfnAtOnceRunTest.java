package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.run.dfn.DfnRunner;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.SimulationEvent;
import org.cellwright.solver.StepResult;
import org.cellwright.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power steps and drive cycles (profiles of current or power) whose voltage cut-off is crossed the moment their forcing
 * is set (issue 13, session 20): a full Chen 2020 LG M50 cell charged, an empty one discharged. As a current step does
 * since session 19 (DfnRunner.endsAtOnce), the step ends at once on its cut-off, within 1 mV, at the current on the
 * forcing's way up where the voltage reaches it, no charge passed, the cell left as found, one warning naming the step.
 * Before, its sample and end voltage were those at the whole power or first sample: 2.1308 V against the 2.5 V cut-off
 * for 50 W from the empty cell, 4.3353 V against 4.2 V for 20 W into the full one.
 */
class DfnAtOnceRunTest {

	@TempDir Path tmp;

	RecordingSink run(String steps) throws Exception {
		// a flat profile (its peak is the scale): the drive cycle's first sample at its whole value
		Files.writeString(tmp.resolve("flat.csv"), "0, 1\n300, 1\n");
		Path file = Cli.write(tmp.resolve("o.cell"), "package t\nimport cellwright.sets.chen2020.*\n"
				+ "protocol P {\n" + steps + "\n}\nexperiment E { cell Chen2020LGM50 protocol P }\n");
		RecordingSink sink = new RecordingSink();
		RunStatus st = DfnRunner.run(DfnRunTest.inputs(file, "E"), sink, ProgressListener.NONE);
		assertEquals(RunStatus.COMPLETED, st, sink.events.toString());
		return sink;
	}

	/**
	 * Step {@code k} ended at once on {@code cutoff} within 1 mV with no charge, its last sample there, no sample of it
	 * past the cut-off by 1 mV, one warning naming it and the forcing; the step after it ran to its duration.
	 */
	static void endsAtOnceOn(RecordingSink sink, int k, double cutoff, String forcing) {
		List<StepResult> steps = sink.steps();
		StepResult s = steps.get(k);
		assertEquals("voltage-cutoff", s.end().label(), steps.toString());
		assertEquals(cutoff, s.endVoltage(), 1e-3, "the step's end on its cut-off: " + steps);
		assertEquals(0, s.charge(), 1e-9, "no charge passed");
		assertEquals("duration", steps.get(k + 1).end().label(), steps.toString());
		List<Sample> own = sink.samples.stream().filter(x -> x.stepIndex() == k).toList();
		assertFalse(own.isEmpty(), "the step has its sample");
		assertEquals(cutoff, own.get(own.size() - 1).voltage(), 1e-3, "its last sample on the cut-off: " + own);
		boolean below = cutoff < 3;
		for (Sample x : own) assertTrue(below ? x.voltage() > cutoff - 1e-3 : x.voltage() < cutoff + 1e-3, "no sample past the cut-off: " + x);
		List<String> w = sink.events.stream().filter(e -> e.stepIndex() == k && e.type() == SimulationEvent.Type.STEP_END)
				.map(SimulationEvent::message).toList();
		assertEquals(1, w.size(), w.toString());
		assertTrue(w.get(0).startsWith("warning: cycle 1, step " + k + " (voltage-cutoff at "), w.get(0));
		assertTrue(w.get(0).contains(forcing) && w.get(0).contains("the voltage reaches the cut-off at"), w.get(0));
	}

	/** The empty cell (its 1 C discharge on 2.5 V) given 50 W: 2.1308 V the moment it is set. */
	@Test
	void aPowerDischargeOfTheEmptyCellEndsOnItsCutoff() throws Exception {
		secondStepEndsAtOnce("discharge at 1 C until 2.5 V", "discharge at 50 W until 2.5 V", 2.5, "the step's power 50.00 W");
	}

	/** The full cell (its 1 C charge ends at once on 4.2 V) charged at 20 W: 4.3353 V the moment it is set. */
	@Test
	void aPowerChargeOfTheFullCellEndsOnItsCutoff() throws Exception {
		secondStepEndsAtOnce("charge at 1 C until 4.2 V", "charge at 20 W until 4.2 V", 4.2, "the step's power 20.00 W");
	}

	/** A current profile started at the cut-off whose first sample is 2 C. */
	@Test
	void aCurrentProfileStartedAtTheCutoffEndsOnIt() throws Exception {
		secondStepEndsAtOnce("discharge at 1 C until 2.5 V", "follow \"flat.csv\" current scaled to 2 C for 5 min until 2.5 V", 2.5,
				"the profile's first current 10.00 A");
	}

	/** A power profile started at the cut-off whose first sample is 40 W. */
	@Test
	void aPowerProfileStartedAtTheCutoffEndsOnIt() throws Exception {
		secondStepEndsAtOnce("discharge at 1 C until 2.5 V", "follow \"flat.csv\" power scaled to 40 W for 5 min until 2.5 V", 2.5,
				"the profile's first power 40.00 W");
	}

	/** The protocol first; step; a 5 min rest: the step ends at once on its cut-off ({@link #endsAtOnceOn}). */
	void secondStepEndsAtOnce(String first, String step, double cutoff, String forcing) throws Exception {
		endsAtOnceOn(run(first + "\n " + step + "\n rest for 5 min"), 1, cutoff, forcing);
	}

	/**
	 * A step of a repeat that ends at once in every cycle (20 W into the full cell) is warned once, the later ends counted
	 * in one message at the run's end (they were warned once a cycle: five identical warnings for a five-cycle CC-CV whose
	 * constant-power charge after the 4.2 V hold ends at once).
	 */
	@Test
	void aRepeatedStepEndingAtOnceIsWarnedOnceAndCounted() throws Exception {
		RecordingSink sink = run("repeat 3 {\n charge at 20 W until 4.2 V\n rest for 1 min\n }");
		List<String> w = sink.events.stream().filter(e -> e.type() == SimulationEvent.Type.STEP_END).map(SimulationEvent::message).toList();
		assertEquals(2, w.size(), w.toString());
		assertTrue(w.get(0).startsWith("warning: cycle 1, step 0 (voltage-cutoff at 0 s): the voltage is"), w.get(0));
		assertTrue(w.get(1).startsWith("warning: step 0 of the protocol ended at once past its voltage cut-off 2 more times after the warning above "
				+ "(voltage-cutoff), the last in cycle "), w.get(1));
		List<StepResult> steps = sink.steps();
		for (int k : new int[] {0, 2, 4}) assertEquals(4.2, steps.get(k).endVoltage(), 1e-3, steps.toString());
	}
}

package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * A current no state of the cell carries (docs/dfn.md, "How a step ends"): the library's Ecker 2015 cell discharged at
 * 100 C from rest has no consistent state at t = 0+ (the negative particles' outer half-shell cannot give the flux:
 * their surface concentration, extrapolated from it, falls through 0). The run ended NOT_CONVERGED ("no consistent
 * state at the start of the step"), where the Chen 2020 cell at 100 C, which carries the current at 1.0 V, ends the
 * step past its cut-off at once and goes on. Now such a step ends at once too (no charge passed) with a STEP_END warning
 * giving the largest current the state carries, and the protocol goes on from the state it found. Where the voltage
 * at that current is past the step's cut-off (the Ecker cell at 100 C carries 5.17 A at 1.81 V against its 2.5 V), the
 * voltage reaches the cut-off on the current's way up through the model, before the state stops carrying the current:
 * the step ends there on its cut-off (voltage-cutoff, its one sample there; session 23, DfnRunner.beyondCarried;
 * before, a voltage-jump with no sample, though no voltage jumps across the cut-off). Where that voltage is still
 * before the cut-off, the voltage falls through it as the state stops: a voltage-jump, no sample.
 */
class DfnCurrentBeyondCellRunTest {

	@TempDir Path tmp;

	RecordingSink run(String steps) throws Exception {
		return DfnRunTest.completed(tmp.resolve("b.cell"), "ecker2015", "Ecker2015Kokam", steps);
	}

	static List<StepResult> steps(RecordingSink sink) {
		return sink.steps();
	}

	static List<String> warnings(RecordingSink sink) {
		return sink.events.stream().filter(e -> e.type() == SimulationEvent.Type.STEP_END).map(SimulationEvent::message).toList();
	}

	static final Pattern LARGEST = Pattern.compile("no state carries more than [0-9.e+-]+ A \\(([0-9.e+-]+) mA/cm2\\)");
	static final Pattern REACHED = Pattern.compile("the voltage reaches the cut-off at [0-9.e+-]+ A \\(([0-9.e+-]+) mA/cm2\\)");

	/**
	 * The same 100 C discharge of a cell whose cut-off lies below the voltage at the largest current carried (the Ecker
	 * cell without its 2.5 V window, discharged until 1.5 V: 1.81 V at 5.17 A): no current on the way up reaches the
	 * cut-off, the voltage falls through it where the state stops carrying the current. A voltage-jump, at once, no
	 * sample, the warning saying so.
	 */
	@Test
	void aCurrentBeyondWhatTheCellCarriesBeforeItsCutoffIsAVoltageJump() throws Exception {
		Path file = Cli.write(tmp.resolve("low.cell"), "package t\nimport cellwright.sets.ecker2015.*\n"
				+ "cell Low extends Ecker2015Kokam { remove lower-voltage-cutoff }\n"
				+ "protocol P {\n discharge at 100 C until 1.5 V\n rest for 60 s\n}\nexperiment E { cell Low protocol P }\n");
		RecordingSink sink = new RecordingSink();
		assertEquals(RunStatus.COMPLETED, DfnRunner.run(DfnRunTest.inputs(file, "E"), sink, ProgressListener.NONE), sink.events.toString());
		List<StepResult> s = steps(sink);
		assertEquals(List.of("voltage-jump", "duration"), s.stream().map(r -> r.end().label()).toList(), s.toString());
		assertEquals(0, s.get(0).charge(), "no charge passed");
		assertTrue(sink.samples.stream().noneMatch(x -> x.stepIndex() == 0 && x.current() != 0), "no sample at a current: " + sink.samples);
		List<String> w = warnings(sink);
		assertEquals(1, w.size(), w.toString());
		assertTrue(w.get(0).startsWith("warning: cycle 1, step 1 (line 5) (voltage-jump at 0 s): the current "), w.get(0));
		assertTrue(w.get(0).endsWith("the voltage falls through the cut-off 1.5000 V at once: the step ends, no charge passed"), w.get(0));
	}

	@Test
	void aCurrentBeyondWhatTheCellCarriesEndsTheStepAtOnceAndTheProtocolGoesOn() throws Exception {
		RecordingSink sink = run("discharge at 100 C until 2.5 V\n rest for 60 s\n discharge at 1 C until 2.5 V");
		List<StepResult> s = steps(sink);
		assertEquals(List.of("voltage-cutoff", "duration", "voltage-cutoff"), s.stream().map(r -> r.end().label()).toList(), s.toString());
		assertEquals(0, s.get(0).startTime());
		assertEquals(0, s.get(0).endTime(), "ends at once");
		assertEquals(0, s.get(0).charge(), "no charge passed");
		assertEquals(2.5, s.get(0).endVoltage(), 1e-3, "on its cut-off");
		List<Sample> own = sink.samples.stream().filter(x -> x.stepIndex() == 0).toList();
		assertEquals(2.5, own.get(own.size() - 1).voltage(), 1e-3, "its sample on the cut-off: " + own);
		List<String> w = warnings(sink);
		assertEquals(1, w.size(), w.toString());
		assertTrue(w.get(0).startsWith("warning: cycle 1, step 1 (line 4) (voltage-cutoff at 0 s): the current "), w.get(0));
		assertTrue(w.get(0).contains("is beyond what the cell can carry from its state"), w.get(0));
		assertTrue(w.get(0).contains("the negative particles' surface is emptied"), w.get(0));
		Matcher at = REACHED.matcher(w.get(0)), most = LARGEST.matcher(w.get(0));
		assertTrue(at.find() && most.find(), w.get(0));
		assertTrue(Double.parseDouble(at.group(1)) <= Double.parseDouble(most.group(1)), "the cut-off reached below the largest current carried: " + w.get(0));
		assertTrue(w.get(0).endsWith("the step ends there at once, at 2.5000 V, no charge passed"), w.get(0));
		assertTrue(sink.events.stream().noneMatch(e -> e.type() == SimulationEvent.Type.NOT_CONVERGED), sink.events.toString());

		// the state was put back: the 1 C discharge after the rest gives what it gives from a fresh cell and a rest
		RecordingSink plain = run("rest for 60 s\n discharge at 1 C until 2.5 V");
		StepResult after = s.get(2), fresh = steps(plain).get(1);
		assertEquals(fresh.charge(), after.charge(), 1e-6 * Math.abs(fresh.charge()), "the same 1 C discharge");
		assertEquals(fresh.endTime() - fresh.startTime(), after.endTime() - after.startTime(), 1e-6 * fresh.endTime());
	}

	/** A current profile whose first value no state carries ends the same way (it ended NOT_CONVERGED). */
	@Test
	void aCurrentProfileStartingBeyondWhatTheCellCarriesEndsAtOnceToo() throws Exception {
		java.nio.file.Files.writeString(tmp.resolve("flat.csv"), "# time [s],Current [A]\n0,1\n60,1\n");
		RecordingSink sink = run("follow \"flat.csv\" current scaled to 100 C for 10 min until 2.5 V\n rest for 60 s\n discharge at 1 C until 2.5 V");
		List<StepResult> s = steps(sink);
		assertEquals(List.of("voltage-cutoff", "duration", "voltage-cutoff"), s.stream().map(r -> r.end().label()).toList(), s.toString());
		assertEquals(0, s.get(0).charge(), "no charge passed");
		assertEquals(2.5, s.get(0).endVoltage(), 1e-3, "on its cut-off");
		List<String> w = warnings(sink);
		assertEquals(1, w.size(), w.toString());
		assertTrue(w.get(0).contains("is beyond what the cell can carry from its state") && w.get(0).contains("the voltage reaches the cut-off at"), w.get(0));
	}

	/** The largest current the warning gives is the limit: 1 % below it a step starts (and runs), 1 % above it ends at once. */
	@Test
	void theLargestCurrentGivenIsWhereTheCellStopsCarryingIt() throws Exception {
		Matcher m = LARGEST.matcher(warnings(run("discharge at 100 C until 2.5 V")).get(0));
		assertTrue(m.find());
		double most = Double.parseDouble(m.group(1)); // mA/cm2
		assertTrue(most > 10 && most < 175, "between a few C and the 100 C demanded (174.7 mA/cm2): " + most);
		RecordingSink below = run(String.format(Locale.ROOT, "discharge at %.4f mA/cm2 until 2.5 V", 0.99 * most));
		StepResult runs = steps(below).get(0);
		assertTrue(runs.endTime() > runs.startTime() && runs.charge() != 0, "it runs: " + runs + below.events);
		RecordingSink above = run(String.format(Locale.ROOT, "discharge at %.4f mA/cm2 until 2.5 V", 1.01 * most));
		StepResult once = steps(above).get(0);
		assertTrue(once.endTime() == once.startTime() && once.charge() == 0, "at once: " + once);
		assertTrue(warnings(above).get(0).contains("is beyond what the cell can carry"), warnings(above).toString());
	}

	/**
	 * After time has passed (a 1 C discharge for 10 min) both ways: the 100 C discharge and, after a rest, the 100 C
	 * charge end at once, each from the state before it, and the 1 C charge after them runs to its cut-off. (The
	 * search's probes once solved in the saved state itself: the state could not be put back and the run ended
	 * NOT_CONVERGED.) No state carries the charge's current either, but on its way up the voltage passes 4.2 V at a
	 * current the state carries: it ends there, on its cut-off through the model (session 22, DfnRunner.pastOnTheWayUp;
	 * before, a voltage-jump, the negative's surface saturated at the largest current carried). The discharge too: the
	 * voltage at its largest current carried is past 2.5 V (session 23; before, a voltage-jump).
	 */
	@Test
	void afterADischargeBothDirectionsEndAtOnceAndTheNextStepRuns() throws Exception {
		RecordingSink sink = run("discharge at 1 C for 10 min\n discharge at 100 C until 2.5 V\n rest for 60 s\n charge at 100 C until 4.2 V\n"
				+ " charge at 1 C until 4.2 V");
		List<StepResult> s = steps(sink);
		assertEquals(List.of("duration", "voltage-cutoff", "duration", "voltage-cutoff", "voltage-cutoff"), s.stream().map(r -> r.end().label()).toList(), s.toString());
		assertEquals(600, s.get(1).endTime(), 1e-9, "at once");
		assertEquals(0, s.get(1).charge(), "no charge passed");
		assertEquals(2.5, s.get(1).endVoltage(), 1e-3, "the 100 C discharge on its cut-off");
		assertEquals(0, s.get(3).charge(), "no charge passed");
		assertEquals(s.get(3).startTime(), s.get(3).endTime(), "at once");
		assertEquals(4.2, s.get(3).endVoltage(), 1e-3, "the 100 C charge on its cut-off");
		assertEquals(4.2, s.get(4).endVoltage(), 1e-3);
		List<String> w = warnings(sink);
		assertEquals(2, w.size(), w.toString());
		assertTrue(w.get(0).contains("the negative particles' surface is emptied") && w.get(0).contains("the voltage reaches the cut-off at"), w.get(0));
		assertTrue(w.get(1).contains("no state carries the step's current") && w.get(1).contains("the voltage reaches the cut-off at"), w.get(1));
		// after 10 min of 1 C the state carries less than the fresh cell's 60.25 mA/cm2
		Matcher m = LARGEST.matcher(w.get(0));
		assertTrue(m.find());
		assertTrue(Double.parseDouble(m.group(1)) < 60, w.get(0));
	}

	/**
	 * Session 24's fuzz: the Ecker cell at -20 degC discharged at 2 C to 2.5 V (134 s), then at rest. The zero-current
	 * state from the end of the discharge was found by no stage of the continuation in the current (the positive's
	 * reaction currents near its collector, about -3.8 A/m2, put its surfaces extrapolated from their outer shells on
	 * the stoichiometry barrier's slope) and the run ended NOT_CONVERGED, "no consistent state at the start of the step
	 * (current 0.0 A/m2)". Now the initialisation starts from the reaction currents scaled to the new current
	 * (DfnRunner.fromScaledReactions): the rest runs its 10 min and the voltage relaxes up from the cut-off.
	 */
	@Test
	void aRestAfterAColdHighRateDischargeFindsItsZeroCurrentState() throws Exception {
		RecordingSink sink = run("set temperature = -20 degC\n discharge at 2 C until 2.5 V\n rest for 10 min");
		List<StepResult> s = steps(sink);
		StepResult rest = s.get(s.size() - 1), discharge = s.get(s.size() - 2);
		assertEquals("voltage-cutoff", discharge.end().label(), s.toString());
		assertEquals("duration", rest.end().label(), s.toString());
		assertEquals(600, rest.endTime() - rest.startTime(), 1e-6, s.toString());
		assertEquals(0, rest.charge(), 1e-9, "no charge at rest");
		assertTrue(rest.endVoltage() > discharge.endVoltage() + 0.05, "relaxes up from the cut-off: " + s);
	}
}

package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.SimulationEvent;
import org.cellwright.solver.StepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A current no state of the cell carries (docs/dfn.md, "How a step ends"): the library's Ecker 2015 cell discharged at
 * 100 C from rest has no consistent state at t = 0+ (the negative particles' outer half-shell cannot give the flux:
 * their surface concentration, extrapolated from it, falls through 0). The run ended NOT_CONVERGED ("no consistent
 * state at the start of the step"), where the Chen 2020 cell at 100 C, which carries the current at 1.0 V, ends the
 * step past its cut-off at once and goes on. Now such a step ends at once too (voltage-jump, no charge passed) with a
 * STEP_END warning giving the largest current the state carries, and the protocol goes on from the state it found.
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

	@Test
	void aCurrentBeyondWhatTheCellCarriesEndsTheStepAtOnceAndTheProtocolGoesOn() throws Exception {
		RecordingSink sink = run("discharge at 100 C until 2.5 V\n rest for 60 s\n discharge at 1 C until 2.5 V");
		List<StepResult> s = steps(sink);
		assertEquals(List.of("voltage-jump", "duration", "voltage-cutoff"), s.stream().map(r -> r.end().label()).toList(), s.toString());
		assertEquals(0, s.get(0).startTime());
		assertEquals(0, s.get(0).endTime(), "ends at once");
		assertEquals(0, s.get(0).charge(), "no charge passed");
		List<String> w = warnings(sink);
		assertEquals(1, w.size(), w.toString());
		assertTrue(w.get(0).startsWith("warning: cycle 1, step 0 (voltage-jump at 0 s): the current "), w.get(0));
		assertTrue(w.get(0).contains("is beyond what the cell can carry from its state"), w.get(0));
		assertTrue(w.get(0).contains("the negative particles' surface is emptied"), w.get(0));
		assertTrue(w.get(0).endsWith("the voltage falls through the cut-off 2.5000 V at once: the step ends, no charge passed"), w.get(0));
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
		assertEquals(List.of("voltage-jump", "duration", "voltage-cutoff"), s.stream().map(r -> r.end().label()).toList(), s.toString());
		assertEquals(0, s.get(0).charge(), "no charge passed");
		List<String> w = warnings(sink);
		assertEquals(1, w.size(), w.toString());
		assertTrue(w.get(0).contains("is beyond what the cell can carry from its state"), w.get(0));
	}

	/** The largest current the warning gives is the limit: 1 % below it a step starts (and runs), 1 % above it does not. */
	@Test
	void theLargestCurrentGivenIsWhereTheCellStopsCarryingIt() throws Exception {
		Matcher m = LARGEST.matcher(warnings(run("discharge at 100 C until 2.5 V")).get(0));
		assertTrue(m.find());
		double most = Double.parseDouble(m.group(1)); // mA/cm2
		assertTrue(most > 10 && most < 175, "between a few C and the 100 C demanded (174.7 mA/cm2): " + most);
		RecordingSink below = run(String.format(Locale.ROOT, "discharge at %.4f mA/cm2 until 2.5 V", 0.99 * most));
		assertNotEquals("voltage-jump", steps(below).get(0).end().label(), below.events.toString());
		RecordingSink above = run(String.format(Locale.ROOT, "discharge at %.4f mA/cm2 until 2.5 V", 1.01 * most));
		assertEquals("voltage-jump", steps(above).get(0).end().label(), above.events.toString());
		assertTrue(warnings(above).get(0).contains("is beyond what the cell can carry"), warnings(above).toString());
	}

	/**
	 * After time has passed (a 1 C discharge for 10 min) both ways: the 100 C discharge and, after a rest, the 100 C
	 * charge end at once, each from the state before it, and the 1 C charge after them runs to its cut-off. (The
	 * search's probes once solved in the saved state itself: the state could not be put back and the run ended
	 * NOT_CONVERGED.) No state carries the charge's current either, but on its way up the voltage passes 4.2 V at a
	 * current the state carries: it ends there, on its cut-off through the model (session 22, DfnRunner.pastOnTheWayUp;
	 * before, a voltage-jump, the negative's surface saturated at the largest current carried).
	 */
	@Test
	void afterADischargeBothDirectionsEndAtOnceAndTheNextStepRuns() throws Exception {
		RecordingSink sink = run("discharge at 1 C for 10 min\n discharge at 100 C until 2.5 V\n rest for 60 s\n charge at 100 C until 4.2 V\n"
				+ " charge at 1 C until 4.2 V");
		List<StepResult> s = steps(sink);
		assertEquals(List.of("duration", "voltage-jump", "duration", "voltage-cutoff", "voltage-cutoff"), s.stream().map(r -> r.end().label()).toList(), s.toString());
		assertEquals(600, s.get(1).endTime(), 1e-9, "at once");
		assertEquals(0, s.get(3).charge(), "no charge passed");
		assertEquals(s.get(3).startTime(), s.get(3).endTime(), "at once");
		assertEquals(4.2, s.get(3).endVoltage(), 1e-3, "the 100 C charge on its cut-off");
		assertEquals(4.2, s.get(4).endVoltage(), 1e-3);
		List<String> w = warnings(sink);
		assertEquals(2, w.size(), w.toString());
		assertTrue(w.get(0).contains("the negative particles' surface is emptied") && w.get(0).contains("falls through the cut-off 2.5000 V"), w.get(0));
		assertTrue(w.get(1).contains("no state carries the step's current") && w.get(1).contains("the voltage reaches the cut-off at"), w.get(1));
		// after 10 min of 1 C the state carries less than the fresh cell's 60.25 mA/cm2
		Matcher m = LARGEST.matcher(w.get(0));
		assertTrue(m.find());
		assertTrue(Double.parseDouble(m.group(1)) < 60, w.get(0));
	}
}

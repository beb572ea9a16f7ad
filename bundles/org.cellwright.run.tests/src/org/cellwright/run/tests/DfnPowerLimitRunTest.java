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
 * Constant-power discharges of a DFN cell whose end of discharge is a collapse (PyBaMM's Chen 2020 NMC811 half cell:
 * the particle surfaces saturate): at constant power the current rises as the voltage falls, and the cell reaches the
 * largest power its state can give (dP/dI = 0 with the differential unknowns held) before the cut-off.
 */
class DfnPowerLimitRunTest {

	@TempDir Path tmp;

	/** The example's cells and materials with a protocol of ours (area 1027 cm2). */
	Path withProtocol(String steps) throws Exception {
		String text = Files.readString(DfnHalfCellRunTest.EXAMPLE);
		text = text.substring(0, text.indexOf("protocol Discharge1C")) + "protocol P {\n" + steps + "\n}\nexperiment E { cell Chen2020HalfCell protocol P }\n";
		return Cli.write(tmp.resolve("p.cell"), text);
	}

	RecordingSink run(String steps, RunStatus expected) throws Exception {
		RecordingSink sink = new RecordingSink();
		RunStatus st = DfnRunner.run(DfnRunTest.inputs(withProtocol(steps), "E"), sink, ProgressListener.NONE);
		assertEquals(expected, st, sink.events.toString());
		return sink;
	}

	static List<String> ends(RecordingSink sink) {
		return sink.cycles.get(0).steps().stream().map(r -> r.end().label()).toList();
	}

	@Test
	void aPowerTheSaturatingCellCannotKeepUpEndsAtItsMaximumPowerAndTheProtocolGoesOn() throws Exception {
		RecordingSink sink = run("discharge at 20 W until 2.5 V\n rest for 10 min", RunStatus.COMPLETED);
		assertEquals(List.of("voltage-jump", "duration"), ends(sink), sink.events.toString());
		String warning = sink.events.stream().filter(e -> e.type() == SimulationEvent.Type.STEP_END).map(SimulationEvent::message).findFirst().orElse("");
		assertTrue(warning.contains("its maximum power point as the positive particles' surface is saturated"), warning);
		assertTrue(warning.contains("cut-off 2.5000 V"), warning);
		assertTrue(warning.contains("its 20.00 W (194.7 W/m2)"), warning);
		double area = 0.1027;
		Sample last = null;
		for (Sample s : sink.samples) {
			if (s.stepIndex() != 0 || s.current() == 0) continue; // the power step's samples (the first is the cell at rest)
			assertEquals(20 / area, -s.voltage() * s.current(), 1e-4 * 20 / area, "V I = P at t = " + s.time());
			last = s;
		}
		assertTrue(last.voltage() > 2.5, "the power ends before the cut-off: " + last.voltage());
	}

	/**
	 * 10 C drives the electrolyte towards depletion at the cathode's collector: the voltage falls steeply onto the cut-off
	 * and the step lands on it (its integration stopped 380 mV before it, at 2.879 V, and ended the run as a solver
	 * failure before the fresh start from the last accepted state); the rest after it runs.
	 */
	@Test
	void aCurrentNearTheElectrolytesLimitingCurrentLandsOnItsCutoffAndTheProtocolGoesOn() throws Exception {
		RecordingSink sink = run("discharge at 10 C until 2.5 V\n rest for 10 min", RunStatus.COMPLETED);
		assertEquals(List.of("voltage-cutoff", "duration"), ends(sink), sink.events.toString());
		assertTrue(sink.events.isEmpty(), sink.events.toString());
		assertEquals(2.5, sink.cycles.get(0).steps().get(0).endVoltage(), 1e-3);
	}

	/** A rest after a fast discharge of the Chen 2020 LG M50 cell runs (it stopped 2-4 s in after 3 C and 5 C). */
	@Test
	void aRestAfterAFastDischargeOfTheFullCellRuns() throws Exception {
		for (String rate : List.of("3", "5")) {
			Path f = Cli.write(tmp.resolve("c" + rate + ".cell"), "package f.c" + rate + "\nimport cellwright.sets.chen2020.*\nprotocol P {\n discharge at " + rate
					+ " C until 2.5 V\n rest for 10 min\n}\nexperiment E { cell Chen2020LGM50 protocol P }\n");
			RecordingSink sink = new RecordingSink();
			assertEquals(RunStatus.COMPLETED, DfnRunner.run(DfnRunTest.inputs(f, "E"), sink, ProgressListener.NONE), rate + " C: " + sink.events);
			assertEquals(List.of("voltage-cutoff", "duration"), ends(sink), rate + " C");
		}
	}

	/**
	 * A power beyond what the cell's state can give ends at once: PyBaMM's Ecker 2015 set is one electrode pair of the
	 * Kokam cell (0.157 Ah), so 30 W is about 50 C; 1 W runs (the step then lands on its cut-off). The state gives at
	 * most 16.35 W, at 3.397 V (its negative's surfaces emptied by the flux at 4.81 A, DfnCurrentBeyondCellRunTest),
	 * before the 2.5 V cut-off: since session 21 the step ends there, its one sample at that maximum power point
	 * (before: at the cell's rest voltage with no sample).
	 */
	@Test
	void aPowerBeyondTheCellsReachEndsAtOnceAndTheProtocolGoesOn() throws Exception {
		Path f = Cli.write(tmp.resolve("e.cell"), "package f.e\nimport cellwright.sets.ecker2015.*\nprotocol P {\n discharge at 30 W until 2.5 V\n"
				+ " discharge at 1 W until 2.5 V\n}\nexperiment E { cell Ecker2015Kokam protocol P }\n");
		RecordingSink sink = new RecordingSink();
		assertEquals(RunStatus.COMPLETED, DfnRunner.run(DfnRunTest.inputs(f, "E"), sink, ProgressListener.NONE), sink.events.toString());
		assertEquals(List.of("voltage-jump", "voltage-cutoff"), ends(sink), sink.events.toString());
		assertEquals(0, sink.cycles.get(0).steps().get(0).charge(), 0);
		String warning = sink.events.get(0).message();
		assertTrue(warning.contains("the cell cannot give 30.00 W (3494 W/m2) from its state: at most 16.35 W"), warning);
		assertTrue(warning.contains("its maximum power point") && warning.contains("the physics' own limit"), warning);
		double area = DfnRunTest.inputs(f, "E").area();
		List<Sample> first = sink.samples.stream().filter(s -> s.stepIndex() == 0 && s.current() != 0).toList();
		assertEquals(1, first.size(), "the 30 W step's one sample, at its maximum power point: " + first);
		assertEquals(16.35, -first.get(0).voltage() * first.get(0).current() * area, 0.01);
		assertEquals(sink.cycles.get(0).steps().get(0).endVoltage(), first.get(0).voltage(), 1e-9);
		for (Sample s : sink.samples)
			if (s.stepIndex() == 1 && s.current() != 0) assertEquals(1, -s.voltage() * s.current() * area, 1e-3, "the 1 W step's samples, V I = P");
	}

	/**
	 * A power profile whose demand rises past what the cell's state gives (session 25): the library's Ecker 2015 cell at
	 * -20 degC after UDDS at 10 C to 2.5 V and 5 min at rest (the fuzz of session 24 ran WLTC scaled to 5.7 W there, and the
	 * run ended NOT_CONVERGED, "step size underflow", 17.2 s into the profile at 3.2746 V). Here a smaller profile, a
	 * ramp to 2.5 W over 20 s and back: near 1.7 W the power's constraint V I = P reaches its fold (the cell's maximum
	 * power point, the voltage 0.7 V above its cut-off), no state carries more power and the voltage falls through the
	 * cut-off. The step ends there as a constant-power step does (DfnRunner.maximumPower, a voltage-jump with the warning
	 * naming the profile's power and the maximum power point), although the ramp's demand falls again later; the rest
	 * after it runs. Before, the profile's stop was the solver's failure and ended the run.
	 */
	@Test
	void aPowerProfileRisingPastTheMaximumPowerPointEndsThereAndTheProtocolGoesOn() throws Exception {
		Files.copy(DfnDriveCycleRunTest.CYCLES.resolve("UDDS.csv"), tmp.resolve("UDDS.csv"));
		Files.writeString(tmp.resolve("ramp.csv"), "0, 0\n20, 1\n40, 0\n");
		RecordingSink sink = DfnRunTest.completed(tmp.resolve("w.cell"), "ecker2015", "Ecker2015Kokam", "set temperature = -20 degC\n"
				+ " follow \"UDDS.csv\" current scaled to 10 C for 2 h until 2.5 V\n rest for 5 min\n"
				+ " follow \"ramp.csv\" power scaled to 2.5 W for 1 min until 2.5 V\n rest for 5 min");
		List<StepResult> steps = sink.steps();
		assertEquals(List.of("voltage-cutoff", "duration", "voltage-jump", "duration"), steps.stream().map(r -> r.end().label()).toList(),
				sink.events.toString());
		StepResult ramp = steps.get(2), rest = steps.get(3);
		List<String> warnings = sink.events.stream().filter(e -> e.type() == SimulationEvent.Type.STEP_END).map(SimulationEvent::message).toList();
		assertEquals(1, warnings.size(), warnings.toString());
		String w = warnings.get(0);
		assertTrue(w.startsWith("warning: cycle 1, step 4 (line 7) (voltage-jump at "), w);
		assertTrue(w.contains("the cell cannot keep up the profile's power beyond t = ") && w.contains("its maximum power point"), w);
		assertTrue(w.contains("the voltage falls through the cut-off 2.5000 V"), w);
		// on the ramp's way up, before its peak: the state's maximum power point, well above the cut-off
		double into = ramp.endTime() - ramp.startTime();
		assertTrue(into > 5 && into < 20, "ends before the ramp's peak: " + into + " s");
		assertTrue(ramp.endVoltage() > 3.0, "the maximum power point lies above the cut-off: " + ramp.endVoltage());
		double area = DfnRunTest.inputs(tmp.resolve("w.cell"), "E").area();
		int n = 0;
		for (Sample s : sink.samples) {
			if (s.stepIndex() != 3) continue;
			double demand = 2.5 * Math.max(0, Math.min(1, (s.time() - ramp.startTime()) / 20));
			assertEquals(demand, -s.voltage() * s.current() * area, 1e-3 * 2.5, "V I = P(t) at t = " + s.time());
			n++;
		}
		assertTrue(n > 10, "the profile's samples: " + n);
		// rows a reader tells apart up to the fold, where the steps shrink to 1e-10 s: none within 1 ms of the row before it
		// with the same voltage (to 1 mV) and current (to 1 %) but the step's last, its last accepted state (session 26:
		// 40 rows within 0.2 ms, 0.01-0.05 mV apart, in the Ecker cell's WLTC run)
		List<Sample> rows = sink.samples.stream().filter(s -> s.stepIndex() == 3).toList();
		Sample last = rows.get(rows.size() - 1);
		assertEquals(ramp.endTime(), last.time(), 0, "the last row at the step's end");
		assertEquals(ramp.endVoltage(), last.voltage(), 1e-9, "the last row at the step's end");
		int close = 0;
		for (int k = 1; k < rows.size() - 1; k++) {
			Sample a = rows.get(k - 1), b = rows.get(k);
			if (b.time() - a.time() >= 1e-3) continue;
			close++;
			assertFalse(Math.abs(b.voltage() - a.voltage()) < 1e-3 && Math.abs(b.current() - a.current()) < 1e-2 * Math.abs(a.current()),
					"row " + k + " of the step repeats the one before it: " + a.time() + " s, " + a.voltage() + " V, " + a.current()
							+ " A/m2 then " + b.time() + " s, " + b.voltage() + " V, " + b.current() + " A/m2");
		}
		System.out.println("rows within 1 ms of the one before, before the fold: " + close + " of " + rows.size());
		double atEnd = 2.5 * into / 20;
		assertTrue(atEnd > 1.5 && atEnd < 2.0, "the power where it ends: " + atEnd + " W");
		assertEquals(300, rest.endTime() - rest.startTime(), 1e-6, "the rest after it runs its 5 min");
		assertTrue(rest.endVoltage() > ramp.endVoltage(), "relaxes up: " + steps);
	}

	@Test
	void aCurrentWhoseVoltageIsPastTheCutoffAtOnceEndsThereWithAWarning() throws Exception {
		RecordingSink sink = run("discharge at 100 C until 2.5 V\n rest for 10 min", RunStatus.COMPLETED);
		assertEquals(List.of("voltage-cutoff", "duration"), ends(sink), sink.events.toString());
		assertEquals(0, sink.cycles.get(0).steps().get(0).charge(), 0, "no charge passed");
		String warning = sink.events.get(0).message();
		assertTrue(warning.matches("warning: cycle 1, step 1 \\(line \\d+\\) \\(voltage-cutoff at 0 s\\): the voltage is 1\\.60.*"), warning);
		// on its cut-off, at the current on its way up where the voltage reaches it (session 19: before, at 1.60 V)
		assertTrue(warning.contains("past its cut-off 2.5000 V; the voltage reaches the cut-off at"), warning);
		assertTrue(warning.contains("the step ends there at once"), warning);
		assertEquals(2.5, sink.cycles.get(0).steps().get(0).endVoltage(), 1e-3, "on the cut-off");
	}

	/**
	 * A DFN run's summary has no nucleation overpotential: its model plates no lithium through nucleation, and the dips
	 * of its voltage (the Marquis 2019 cell's CC-CV charge read a 1.7 mV "dip" before) are none.
	 */
	@Test
	void aDfnRunsSummaryReadsNoNucleationDip() throws Exception {
		Path f = Cli.write(tmp.resolve("m.cell"), "package f.m\nimport cellwright.sets.marquis2019.*\nprotocol P {\n discharge at 1 C until 3.105 V\n"
				+ " hold at 3.105 V until 0.02 C\n rest for 5 min\n charge at 1 C until 4.1 V\n hold at 4.1 V until 0.02 C\n}\nexperiment E { cell Marquis2019Kokam protocol P }\n");
		Path out = tmp.resolve("summary.json");
		org.cellwright.solver.output.SummaryJsonWriter summary = new org.cellwright.solver.output.SummaryJsonWriter(out);
		assertEquals(RunStatus.COMPLETED, DfnRunner.run(DfnRunTest.inputs(f, "E"), summary, ProgressListener.NONE));
		var json = com.google.gson.JsonParser.parseString(Files.readString(out)).getAsJsonObject();
		assertTrue(!json.has("nucleation_overpotential_mV") || json.get("nucleation_overpotential_mV").isJsonNull(), json.toString());
		assertEquals(0, json.getAsJsonArray("nucleation_dips").size(), json.toString());
	}

	@Test
	void aRestAfterAPowerStepEndedOnItsCutoffStarts() throws Exception {
		RecordingSink sink = run("discharge at 150 W until 2.5 V\n rest for 10 min", RunStatus.COMPLETED);
		assertEquals("duration", ends(sink).get(1), sink.events.toString());
		assertEquals(0, sink.last().current(), 0);
	}
}

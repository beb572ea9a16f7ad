package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.model.Experiment;
import org.cellwright.run.CellFiles;
import org.cellwright.run.Checks;
import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.store.RunStore;
import org.cellwright.testing.Cli;
import org.cellwright.testing.SolidStateCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code expect cathode-interfacial-resistance at GROUP}: the cathode's kinetic overpotential (charge transfer and the
 * interphase film, eta_cathode_kinetic_V) over the current at the named step group's last sample with a current, per
 * electrode area; and what a check says when the run has no such point (it did not get there, or no current flowed in it).
 */
class InterfacialResistanceTest {

	@TempDir Path tmp;

	static final String CELL = "package t\nimport cellwright.materials.*\n"
			+ SolidStateCell.material("Ncm", "63104 mol/m3", "exchange-current-density = 0.9 A/m2", "0.9", "4.2 - 0.8 * x")
			+ SolidStateCell.composite("Mix", "Ncm") + SolidStateCell.cell("S", "Mix");

	/**
	 * On a run, the value is the overpotential breakdown's eta_cathode_kinetic_V over the current at the group's last
	 * sample with a current (timeseries.csv, mA/cm2 -> A/m2), in the clause's unit; a probe at half the current reads the
	 * same resistance within 1 % (small signal: the charge transfer is linear there, as an impedance measurement needs).
	 */
	@Test
	void theResistanceIsTheKineticOverpotentialOverTheCurrentAtTheGroupsLastSample() throws Exception {
		Path file = Cli.write(tmp.resolve("r.cell"), CELL + """
				protocol P {
				  charge at 0.1 C for 20 min
				  group probe { charge at 0.05 C for 10 min }
				  group half { charge at 0.025 C for 10 min }
				  rest for 10 min
				}
				experiment E { cell S protocol P
				  expect "probe": cathode-interfacial-resistance at probe > 0.001 Ohm.cm2
				  expect cathode-interfacial-resistance at half > 0.001 Ohm.cm2
				}
				""");
		Cli.Result r = Cli.cli("run", file.toString(), "-e", "E", "--out", tmp.resolve("runs").toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		RunFolder f = RunFolder.read(RunStore.latest(tmp.resolve("runs").resolve("E")));
		CsvTable ts = CsvTable.read(f.folder().resolve("timeseries.csv"));
		double[] step = ts.column("step"), current = ts.column("current_mA_cm2"), eta = ts.column("eta_cathode_kinetic_V");
		JsonArray checks = JsonParser.parseString(Files.readString(f.folder().resolve("checks.json"))).getAsJsonObject().getAsJsonArray("checks");
		double[] read = new double[2];
		for (int g = 0; g < 2; g++) {
			int last = -1;
			for (int i = 0; i < step.length; i++)
				if (step[i] == g + 1 && current[i] != 0) last = i;
			assertTrue(last > 0, "the group ran with a current");
			// Ohm cm2 = V / (mA/cm2) x 1000
			double expected = Math.abs(eta[last]) / Math.abs(current[last]) * 1e3;
			JsonObject c = checks.get(g).getAsJsonObject();
			assertEquals("Ohm.cm2", c.get("unit").getAsString());
			read[g] = c.get("simulated_value").getAsDouble();
			assertEquals(expected, read[g], 1e-9 * expected, c.toString());
			assertTrue(c.get("pass").getAsBoolean(), c.toString());
		}
		assertEquals(read[0], read[1], 0.01 * read[0], "the same resistance at half the current");
		assertEquals("probe", checks.get(0).getAsJsonObject().get("quantity").getAsString());
		assertEquals("cathode-interfacial-resistance at half", checks.get(1).getAsJsonObject().get("quantity").getAsString());
		// recorded in inputs.json with the group's step numbers, so a re-run from it reads the same point
		JsonObject clause = JsonParser.parseString(Files.readString(f.folder().resolve("inputs.json"))).getAsJsonObject()
				.getAsJsonArray("expectations").get(1).getAsJsonObject();
		assertEquals("half", clause.get("point").getAsString());
		assertEquals("[2,2]", clause.get("point_steps").toString());
	}

	/** Checks of a run folder made by hand: steps 0-1 ran, the run shorted in step 1. */
	private List<Checks.Check> evaluate(String protocol, String expect, String timeseries) throws Exception {
		Path file = Cli.write(tmp.resolve("t.cell"), CELL + protocol + "experiment E { cell S protocol P\n" + expect + "\n}\n");
		CellFiles loaded = CellFiles.load(List.of(file));
		assertFalse(loaded.hasErrors(), loaded.problems().toString());
		Experiment x = loaded.experiments("E").get(0);
		Files.writeString(tmp.resolve("timeseries.csv"), timeseries);
		// the experiment's unit, as the pipeline evaluates it (its steps named from the protocol it runs)
		return Checks.evaluate(org.cellwright.run.Plans.unit(x, "E", null, true, java.util.Map.of(), java.util.Map.of()),
				JsonParser.parseString("{\"status\":\"SHORT_CIRCUIT\",\"cycles\":[]}").getAsJsonObject(), tmp);
	}

	private static final String RAN = """
			time_h,step,cycle,voltage_V,current_mA_cm2,eta_cathode_kinetic_V
			0,0,1,3.6,0,0
			0.5,0,1,3.7,0.2,0.004
			0.6,1,1,3.7,0.1,0.002
			0.7,1,1,3.7,0.1,0.002
			""";

	@Test
	void aRunThatDidNotReachThePointOrRanNoCurrentThereSaysSo() throws Exception {
		String protocol = "protocol P { charge at 0.1 C for 1 h  rest for 1 h  group probe { charge at 0.05 C for 10 min } group quiet { rest for 1 h } }\n";
		Checks.Check late = evaluate(protocol, "expect cathode-interfacial-resistance at probe < 30 Ohm.cm2", RAN).get(0);
		assertFalse(late.pass());
		assertNull(late.simulatedValue());
		assertEquals("the run did not reach 'probe' (step 3): it ended in step 2, short-circuit", late.note());
		// the point's rows are there but at rest: no overpotential over a current to read
		Checks.Check rest = evaluate(protocol, "expect cathode-interfacial-resistance at quiet < 30 Ohm.cm2",
				RAN + "0.8,2,1,3.7,0.05,0.001\n0.9,3,1,3.7,0,0\n").get(0);
		assertNull(rest.simulatedValue());
		assertTrue(rest.note().startsWith("no current flowed in 'quiet' (step 4): "), rest.note());
		// with the point reached: 2 mV over 0.1 mA/cm2 = 20 Ohm cm2 (step 1 is a group here)
		Checks.Check read = evaluate("protocol P { charge at 0.1 C for 1 h  group probe { charge at 0.05 C for 10 min } }\n",
				"expect cathode-interfacial-resistance at probe = 20 Ohm.cm2 within 0.1 Ohm.cm2", RAN).get(0);
		assertEquals(20.0, read.simulatedValue(), 1e-9, read.note());
		assertTrue(read.pass());
	}

	/**
	 * A probe that starts from rest is read from the rest's last value, as a pulse from rest is: a soft short's leak
	 * lithiates the cathode at open circuit (kim2025.cell: 7 uA/cm2 through the Li foil counter electrode's filaments,
	 * -0.2 mV of kinetic overpotential at rest), and the same leak flows during the probe, so |eta| / |i| would read
	 * the reaction current's overpotential over the cell's current, 7 % low there; (eta - eta_rest) / i is the
	 * small-signal resistance. Here -0.2 mV at rest and 1.8 mV at 0.1 mA/cm2: 20 Ohm cm2, not 18; the same for the
	 * group's run in a cycle. A group that follows a current step (no rest) is read as before.
	 */
	@Test
	void aProbeFromRestIsReadFromTheRestsOverpotential() throws Exception {
		String protocol = "protocol P { charge at 0.1 C for 1 h  rest for 1 h  group probe { charge at 0.05 C for 10 min } }\n";
		String ts = """
				time_h,step,cycle,voltage_V,current_mA_cm2,eta_cathode_kinetic_V
				0,0,1,3.6,0,0
				0.5,0,1,3.7,0.2,0.004
				1.0,1,1,3.7,0,-0.0002
				1.5,1,1,3.7,0,-0.0002
				1.6,2,1,3.7,0.1,0.0018
				""";
		List<Checks.Check> c = evaluate(protocol, """
				expect cathode-interfacial-resistance at probe = 20 Ohm.cm2 within 0.1 Ohm.cm2
				expect cathode-interfacial-resistance of cycle 1 at probe = 20 Ohm.cm2 within 0.1 Ohm.cm2
				""", ts);
		assertEquals(20.0, c.get(0).simulatedValue(), 1e-9, c.get(0).note());
		assertEquals(20.0, c.get(1).simulatedValue(), 1e-9, c.get(1).note());
		// without the rest: the step before carried a current, so the sample's own overpotential over its current
		Checks.Check after = evaluate("protocol P { charge at 0.1 C for 1 h  group probe { charge at 0.05 C for 10 min } }\n",
				"expect cathode-interfacial-resistance at probe = 18 Ohm.cm2 within 0.1 Ohm.cm2",
				"time_h,step,cycle,voltage_V,current_mA_cm2,eta_cathode_kinetic_V\n0,0,1,3.6,0,0\n0.5,0,1,3.7,0.2,-0.0002\n1.6,1,1,3.7,0.1,0.0018\n").get(0);
		assertEquals(18.0, after.simulatedValue(), 1e-9, after.note());
	}

	/**
	 * 'of cycle N at GROUP' reads the group's run whose last sample with a current lies in cycle N (timeseries.csv's
	 * cycle column, cycles.csv's numbering): a probe charge after a discharge opens the next cycle, so a sample of its
	 * step recorded under the cycle before does not make it that cycle's run; a cycle the group did not run in is missing,
	 * naming the cycles it ran in and where the run ended.
	 */
	@Test
	void aGroupsRunIsTheOneWhoseReadSampleLiesInTheCycle() throws Exception {
		String protocol = "protocol P { repeat 3 { charge at 0.1 C for 1 h  discharge at 0.1 C for 1 h  group probe { charge at 0.05 C for 10 min } } }\n";
		// steps: 0 charge, 1 discharge, 2 probe, 3, 4, 5 probe, 6, 7, 8 probe; the run shorted in step 6 (cycle 3)
		String ts = """
				time_h,step,cycle,voltage_V,current_mA_cm2,eta_cathode_kinetic_V
				0,0,1,3.6,0.2,0.004
				0.5,1,1,3.6,-0.2,0.004
				0.6,2,1,3.7,0.1,0.001
				0.7,2,2,3.7,0.1,0.002
				0.8,3,2,3.8,0.2,0.004
				0.9,4,2,3.6,-0.2,0.004
				1.0,5,2,3.7,0.1,0.0015
				1.1,5,3,3.7,0.1,0.003
				1.2,6,3,3.8,0.2,0.004
				""";
		List<Checks.Check> c = evaluate(protocol, """
				expect cathode-interfacial-resistance of cycle 2 at probe = 20 Ohm.cm2 within 0.1 Ohm.cm2
				expect cathode-interfacial-resistance of cycle 3 at probe = 30 Ohm.cm2 within 0.1 Ohm.cm2
				expect cathode-interfacial-resistance of cycle 1 at probe < 40 Ohm.cm2
				expect cathode-interfacial-resistance of cycle 4 at probe < 40 Ohm.cm2
				expect cathode-interfacial-resistance at probe < 40 Ohm.cm2
				""", ts);
		assertEquals(20.0, c.get(0).simulatedValue(), 1e-9, c.get(0).note()); // 2 mV over 0.1 mA/cm2, not the 1 mV sampled under cycle 1
		assertEquals(30.0, c.get(1).simulatedValue(), 1e-9, c.get(1).note());
		assertEquals("cathode-interfacial-resistance of cycle 3 at probe", c.get(1).quantity());
		assertNull(c.get(2).simulatedValue());
		assertTrue(c.get(2).note().startsWith("'probe' ran with a current in cycles 2-3, not in cycle 1 (cycles as cycles.csv numbers them"), c.get(2).note());
		assertNull(c.get(3).simulatedValue());
		assertTrue(c.get(3).note().startsWith("'probe' ran with a current in cycles 2-3, not in cycle 4: the run ended in cycle 3, short-circuit"),
				c.get(3).note());
		// without 'of cycle': the group's last run (steps 8), which the run did not reach
		// (steps named as the report lists them: the repeat's third step is 1.3, the first 1.1; not 8 and 6, the flattened index)
		assertEquals("the run did not reach 'probe' (step 1.3): it ended in step 1.1, short-circuit", c.get(4).note());
	}

	/**
	 * The checks name steps from the protocol the run ran, which the run bundle holds and passes in (rev32): a protocol
	 * record in the folder is not read again per message, nor preferred. Here the folder holds the inputs.json of another
	 * experiment, nine steps written flat; the run of E's repeat is named as E's protocol list numbers it (1.3, 1.1),
	 * where the folder's record named it "step 9" and "step 7"; E's unit knows its steps' lines.
	 */
	@Test
	void stepsAreNamedFromTheProtocolTheRunRanNotFromARecordInItsFolder() throws Exception {
		String repeat = "protocol P { repeat 3 { charge at 0.1 C for 1 h  discharge at 0.1 C for 1 h  group probe { charge at 0.05 C for 10 min } } }\n";
		String flat = "protocol Q { " + "charge at 0.1 C for 1 h  ".repeat(9) + "}\n";
		Path file = Cli.write(tmp.resolve("t.cell"), CELL + repeat + flat + "experiment E { cell S protocol P\n"
				+ "expect cathode-interfacial-resistance at probe < 40 Ohm.cm2\n}\nexperiment F { cell S protocol Q }\n");
		CellFiles loaded = CellFiles.load(List.of(file));
		assertFalse(loaded.hasErrors(), loaded.problems().toString());
		Experiment e = loaded.experiments("E").get(0), f = loaded.experiments("F").get(0);
		org.cellwright.solver.input.json.InputsJson.write(org.cellwright.run.Plans.unit(f, "F", null, false, java.util.Map.of(), java.util.Map.of()).inputs(),
				tmp.resolve("inputs.json"));
		Files.writeString(tmp.resolve("timeseries.csv"), RAN + "0.8,6,3,3.7,0.1,0.002\n");
		JsonObject shorted = JsonParser.parseString("{\"status\":\"SHORT_CIRCUIT\",\"cycles\":[]}").getAsJsonObject();
		String expected = "the run did not reach 'probe' (step 1.3): it ended in step 1.1, short-circuit";
		org.cellwright.run.RunUnit unit = org.cellwright.run.Plans.unit(e, "E", null, true, java.util.Map.of(), java.util.Map.of());
		assertEquals(expected, Checks.evaluate(unit, shorted, tmp).get(0).note());
		assertFalse(unit.protocol().places().isEmpty(), "the unit's protocol knows its steps' lines");
	}

	/**
	 * On a run whose cathode film grows (a growth constant 200 times the library's NCM811), the resistance of a probe
	 * in a repeat differs between cycle 1 and cycle 4, each the overpotential breakdown at that run's last sample with a
	 * current; without 'of cycle' the last run's (cycle 4's). inputs.json records the group's runs, [first step, steps,
	 * period, count].
	 */
	@Test
	void aProbeInARepeatReadsTheFilmOfItsCycle() throws Exception {
		String cell = CELL.replace("exchange-current-density = 0.9 A/m2",
				"exchange-current-density = 0.9 A/m2\n  interphase-growth-constant = 1e-18 m2/s\n  interphase-conductivity = 1e-7 S/m");
		Path file = Cli.write(tmp.resolve("g.cell"), cell + """
				protocol P { repeat 4 { charge at 1 C until 4.1 V  group probe { charge at 0.05 C for 2 min }  discharge at 1 C until 3.3 V } }
				experiment E { cell S protocol P
				  expect cathode-interfacial-resistance of cycle 1 at probe > 0.001 Ohm.cm2
				  expect cathode-interfacial-resistance of cycle 4 at probe > 0.001 Ohm.cm2
				  expect cathode-interfacial-resistance at probe > 0.001 Ohm.cm2
				  expect cathode-interfacial-resistance of cycle 5 at probe > 0.001 Ohm.cm2
				}
				""");
		Cli.Result r = Cli.cli("run", file.toString(), "-e", "E", "--out", tmp.resolve("runs").toString());
		RunFolder f = RunFolder.read(RunStore.latest(tmp.resolve("runs").resolve("E")));
		CsvTable ts = CsvTable.read(f.folder().resolve("timeseries.csv"));
		double[] step = ts.column("step"), cycle = ts.column("cycle"), current = ts.column("current_mA_cm2"), eta = ts.column("eta_cathode_kinetic_V");
		JsonArray checks = JsonParser.parseString(Files.readString(f.folder().resolve("checks.json"))).getAsJsonObject().getAsJsonArray("checks");
		double[] read = new double[2];
		for (int k = 0; k < 2; k++) {
			int n = k == 0 ? 1 : 4, probe = 3 * (n - 1) + 1, last = -1; // the probe of the n-th pass
			for (int i = 0; i < step.length; i++)
				if (step[i] == probe && current[i] != 0) last = i;
			assertTrue(last > 0, "the probe ran with a current in pass " + n + ": " + r.out() + r.err());
			assertEquals(n, (int) cycle[last], "a charge opens each pass's cycle, its probe in it");
			double expected = Math.abs(eta[last]) / Math.abs(current[last]) * 1e3;
			JsonObject c = checks.get(k).getAsJsonObject();
			read[k] = c.get("simulated_value").getAsDouble();
			assertEquals(expected, read[k], 1e-9 * expected, c.toString());
		}
		assertTrue(read[1] > 1.05 * read[0], "the film grew between cycle 1 and cycle 4: " + read[0] + " -> " + read[1] + " Ohm cm2");
		assertEquals(read[1], checks.get(2).getAsJsonObject().get("simulated_value").getAsDouble(), 0, "without 'of cycle': the last run");
		JsonObject beyond = checks.get(3).getAsJsonObject();
		assertFalse(beyond.get("pass").getAsBoolean());
		assertTrue(beyond.get("note").getAsString().startsWith("'probe' ran with a current in cycles 1-4, not in cycle 5: the run ended in cycle 4, completed"),
				beyond.toString());
		JsonObject clause = JsonParser.parseString(Files.readString(f.folder().resolve("inputs.json"))).getAsJsonObject()
				.getAsJsonArray("expectations").get(0).getAsJsonObject();
		assertEquals("[[1,1,3,4]]", clause.get("point_runs").toString());
		assertFalse(JsonParser.parseString(Files.readString(f.folder().resolve("inputs.json"))).getAsJsonObject()
				.getAsJsonArray("expectations").get(2).getAsJsonObject().has("point_runs"), "a clause without a cycle records the last run only");
		// a re-run checks as its run did: the clauses as inputs.json records them read the same values
		// (the unit a re-run of inputs.json evaluates: Plans.of, as InputsRun plans it)
		Path json = f.folder().resolve("inputs.json");
		org.cellwright.run.RunUnit rerun = org.cellwright.run.Plans.of(org.cellwright.solver.input.json.InputsJson.read(json), json).units().get(0);
		List<Checks.Check> again = Checks.evaluate(rerun, JsonParser.parseString(Files.readString(f.folder().resolve("summary.json"))).getAsJsonObject(),
				f.folder());
		assertEquals(read[0], again.get(0).simulatedValue(), 1e-12 * read[0]);
		assertEquals(read[1], again.get(1).simulatedValue(), 1e-12 * read[1]);
		assertEquals(beyond.get("note").getAsString(), again.get(3).note(), "and names the cycles and steps alike");
	}

	/** A point counts the steps the solver runs: a group in a protocol run by another, in the last of a repeat's runs. */
	@Test
	void aPointIsTheSolversStepNumbersOfTheGroupsLastRun() throws Exception {
		String protocol = """
				protocol F { charge at 0.1 C for 1 h  group probe { charge at 0.05 C for 10 min  rest for 1 min } }
				protocol P { rest for 1 min  run F  repeat 3 { discharge at 0.1 C for 10 min  group again { charge at 0.05 C for 1 min } } }
				""";
		Path file = Cli.write(tmp.resolve("p.cell"), CELL + protocol + "experiment E { cell S protocol P }\n");
		CellFiles loaded = CellFiles.load(List.of(file));
		assertFalse(loaded.hasErrors(), loaded.problems().toString());
		Experiment x = loaded.experiments("E").get(0);
		// 0 rest, 1 charge, 2-3 probe, then the repeat: 4 discharge, 5 again, 6, 7, 8, 9 (the last run)
		assertEquals(new org.cellwright.lang.expectations.Metric.Point("probe", 2, 3), org.cellwright.lang.expectations.Points.find(x, "probe"));
		assertEquals(new org.cellwright.lang.expectations.Metric.Point("again", 9, 9), org.cellwright.lang.expectations.Points.find(x, "again"));
		assertNull(org.cellwright.lang.expectations.Points.find(x, "nowhere"));
		// every run: 'again' at 5 + 2 k (k < 3), 'probe' once
		List<org.cellwright.lang.expectations.Metric.Runs> again = org.cellwright.lang.expectations.Points.runs(x, "again");
		assertEquals(List.of(List.of(5, 1, 2, 3)), again.stream().map(org.cellwright.lang.expectations.Metric.Runs::numbers).toList());
		for (int s = 0; s < 12; s++)
			assertEquals(s == 5 || s == 7 || s == 9 ? s : -1, again.get(0).startOf(s), "step " + s);
		assertEquals(List.of(List.of(2, 2)), org.cellwright.lang.expectations.Points.runs(x, "probe").stream()
				.map(org.cellwright.lang.expectations.Metric.Runs::numbers).toList());
		assertEquals(List.of("probe", "again"), org.cellwright.lang.expectations.Points.names(x));
		assertEquals(10, org.cellwright.run.SimulationInputs.of(x).protocol().flatten().size(), "the solver's steps, which the point counts");
	}

	/**
	 * A group in nested repeats and in a protocol run twice: one {@code Runs} per place it is run from, the repeats around
	 * it outermost first, and every step of theirs, none other, in one of its runs.
	 */
	@Test
	void theRunsOfAGroupInNestedRepeatsAndAProtocolRunTwice() throws Exception {
		String protocol = """
				protocol F { group g { charge at 0.05 C for 1 min  rest for 1 min } }
				protocol P { repeat 2 { discharge at 0.1 C for 10 min  repeat 3 { run F  rest for 1 min } }  run F }
				""";
		Path file = Cli.write(tmp.resolve("n.cell"), CELL + protocol + "experiment E { cell S protocol P }\n");
		CellFiles loaded = CellFiles.load(List.of(file));
		assertFalse(loaded.hasErrors(), loaded.problems().toString());
		Experiment x = loaded.experiments("E").get(0);
		// a pass of the outer repeat: 1 discharge + 3 x (2 + 1) = 10 steps; g at 1-2, 4-5, 7-8, then 11-12, 14-15, 17-18; after the repeat 20-21
		List<org.cellwright.lang.expectations.Metric.Runs> runs = org.cellwright.lang.expectations.Points.runs(x, "g");
		assertEquals(List.of(List.of(1, 2, 10, 2, 3, 3), List.of(20, 2)), runs.stream().map(org.cellwright.lang.expectations.Metric.Runs::numbers).toList());
		java.util.Set<Integer> starts = java.util.Set.of(1, 4, 7, 11, 14, 17, 20);
		for (int s = 0; s < 24; s++) {
			int start = -1;
			for (var r : runs)
				if ((start = r.startOf(s)) >= 0) break;
			assertEquals(starts.contains(s) ? s : starts.contains(s - 1) ? s - 1 : -1, start, "step " + s);
		}
		assertEquals(new org.cellwright.lang.expectations.Metric.Point("g", 20, 21), org.cellwright.lang.expectations.Points.find(x, "g"));
		assertEquals(22, org.cellwright.run.SimulationInputs.of(x).protocol().flatten().size(), "the solver's steps, which the runs count");
	}

	/**
	 * A fit's target at a given cycle: the resistance of a probe's run in cycle 1 of a two-pass repeat (with a growing
	 * film) simulated at an exchange current of 0.9 A/m2; a fit from 0.4 A/m2 recovers 0.9 within 2 %.
	 */
	@Test
	void aFitTakesTheResistanceOfAGivenCycle() throws Exception {
		String cell = CELL.replace("exchange-current-density = 0.9 A/m2",
				"exchange-current-density = 0.9 A/m2\n  interphase-growth-constant = 1e-18 m2/s\n  interphase-conductivity = 1e-7 S/m");
		JsonObject e = fitTheExchangeCurrent(cell,
				"protocol P { repeat 2 { charge at 1 C until 4.1 V  group probe { charge at 0.05 C for 2 min }  discharge at 1 C until 3.3 V } }\n",
				"cathode-interfacial-resistance of cycle 1 at probe");
		assertEquals(0.9, e.get("value").getAsDouble(), 0.018, e.toString());
	}

	/**
	 * A fit's cost takes the resistance like any number: (simulated - expected) / tolerance. A resistance simulated at an
	 * exchange current of 0.9 A/m2 is the target; a fit from 0.4 A/m2 recovers 0.9 within 2 % (the resistance is
	 * monotonic in it), and the fit's after-run reads the target's resistance.
	 */
	@Test
	void aFitRecoversTheExchangeCurrentFromAResistance() throws Exception {
		JsonObject e = fitTheExchangeCurrent(CELL, "protocol P { charge at 0.1 C for 20 min  group probe { charge at 0.05 C for 10 min } }\n",
				"cathode-interfacial-resistance at probe");
		assertEquals("A/m2", e.get("unit").getAsString());
		assertEquals(0.9, e.get("value").getAsDouble(), 0.018, e.toString());
	}

	/**
	 * The estimate (fit.json) of a fit of the cathode's exchange current from 0.4 A/m2 to the resistance {@code metric}
	 * ("cathode-interfacial-resistance at probe") that the cell (its exchange current 0.9 A/m2) simulates in protocol P,
	 * within 1 %.
	 */
	private JsonObject fitTheExchangeCurrent(String cell, String protocol, String metric) throws Exception {
		Path truth = Cli.write(tmp.resolve("truth").resolve("t.cell"), cell + protocol
				+ "experiment E { cell S protocol P expect " + metric + " > 0.001 Ohm.cm2 }\n");
		Cli.Result r = Cli.cli("run", truth.toString(), "--out", tmp.resolve("truth-runs").toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		double resistance = JsonParser.parseString(Files.readString(RunStore.latest(tmp.resolve("truth-runs").resolve("E")).resolve("checks.json")))
				.getAsJsonObject().getAsJsonArray("checks").get(0).getAsJsonObject().get("simulated_value").getAsDouble();
		String expect = String.format(java.util.Locale.ROOT, "expect %s = %.6f Ohm.cm2 within %.6f Ohm.cm2", metric, resistance, 0.01 * resistance);
		Path fit = Cli.write(tmp.resolve("fit").resolve("f.cell"), cell.replace("exchange-current-density = 0.9 A/m2", "exchange-current-density = 0.4 A/m2")
				+ protocol + "experiment E { cell S protocol P " + expect + " }\n"
				+ "fit I { estimate Ncm.exchange-current-density between 0.1 A/m2 and 5 A/m2  target E expectations }\n");
		Cli.Result f = Cli.cli("fit", fit.toString(), "--out", tmp.resolve("fits").toString());
		assertEquals(0, f.rc(), f.out() + f.err());
		return JsonParser.parseString(Files.readString(RunStore.latest(tmp.resolve("fits").resolve("I")).resolve("fit.json")))
				.getAsJsonObject().getAsJsonArray("estimates").get(0).getAsJsonObject();
	}
}

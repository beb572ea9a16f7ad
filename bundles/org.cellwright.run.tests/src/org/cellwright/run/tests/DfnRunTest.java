package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cellwright.model.Element;
import org.cellwright.model.Experiment;
import org.cellwright.run.CellFiles;
import org.cellwright.run.InputException;
import org.cellwright.run.Plans;
import org.cellwright.run.dfn.DfnInputs;
import org.cellwright.run.dfn.DfnMapping;
import org.cellwright.run.dfn.DfnRunner;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.store.RunStore;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.bench.ComsolReference;
import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnSimulation;
import org.cellwright.solver.dfn.DfnSolution;
import org.cellwright.solver.params.Marquis2019;
import org.cellwright.solver.physics.Constants;
import org.cellwright.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Liquid-electrolyte (DFN) cells written in the language run: examples/marquis2019.cell end to end, the same voltage
 * as the solver's Java Marquis 2019 set, the COMSOL comparison, and bad input as located errors.
 */
class DfnRunTest {

	@TempDir Path tmp;

	static final Path EXAMPLE = Path.of(System.getProperty("cellwright.examples", "../../examples")).resolve("marquis2019.cell");
	static final Path COMSOL = Path.of("../../../shared/data/dfn-reference");

	static Experiment experiment(Path file, String name) {
		CellFiles files = CellFiles.load(List.of(file));
		for (var m : files.models())
			for (Element e : m.getElements())
				if (e instanceof Experiment x && x.getName().equals(name)) return x;
		throw new AssertionError("no experiment " + name + " in " + file);
	}

	/**
	 * Protocol STEPS run on CELL of the library's parameter set SET (cellwright.sets.SET), written as FILE: the run, asserted
	 * to have completed.
	 */
	static RecordingSink completed(Path file, String set, String cell, String steps) throws Exception {
		Cli.write(file, "package t\nimport cellwright.sets." + set + ".*\n"
				+ "protocol P {\n" + steps + "\n}\nexperiment E { cell " + cell + " protocol P }\n");
		RecordingSink sink = new RecordingSink();
		RunStatus st = DfnRunner.run(inputs(file, "E"), sink, ProgressListener.NONE);
		assertEquals(RunStatus.COMPLETED, st, sink.events.toString());
		return sink;
	}

	static DfnInputs inputs(Path file, String name) {
		Experiment x = experiment(file, name);
		return DfnMapping.of(x, name, Map.of(), Plans.provenance(name, x));
	}

	static double[] times(double end, int n) {
		double[] t = new double[n];
		for (int k = 0; k < n; k++) t[k] = end * k / (n - 1);
		return t;
	}

	@Test
	void theExampleIsTheJavaMarquisCellWithinAMillivolt() {
		// the expressions of the file are the functions of the solver's Marquis2019 set: the same cell
		DfnInputs in = inputs(EXAMPLE, "Comsol1C");
		assertEquals(1.0, in.area(), 1e-12);
		assertEquals(24 * 3600, in.nominalCapacity(), 1e-6, "24 Ah: 1 C = 24 A/m2");
		assertEquals(new DfnMesh(20, 20, 20, 30), in.mesh());
		DfnCell mapped = in.cell(), java = Marquis2019.cell();
		for (double c : new double[] { 300, 1000, 1700 })
			for (double t : new double[] { 280, 298.15, 320 }) {
				assertEquals(java.electrolyte().conductivity().at(c, t), mapped.electrolyte().conductivity().at(c, t), 1e-12, "kappa");
				assertEquals(java.electrolyte().diffusivity().at(c, t), mapped.electrolyte().diffusivity().at(c, t), 1e-22, "D");
			}
		assertEquals(java.negative().electrolyteEfficiency(), mapped.negative().electrolyteEfficiency(), 1e-12);
		assertEquals(58.57, mapped.negative().solid().effectiveConductivity(), 0.01, "README 1.5");
		assertEquals(5.857, mapped.positive().solid().effectiveConductivity(), 0.001);
		assertEquals(java.negative().initialConcentration(), mapped.negative().initialConcentration(), 1e-6);
		assertEquals(java.separator().thickness(), mapped.separator().thickness(), 1e-15);
		assertEquals(java.separator().porosity(), mapped.separator().porosity(), 1e-15);
		double[] t = times(3600, 200);
		DfnSimulation sim = new DfnSimulation(1e-4);
		DfnSolution a = sim.run(mapped, in.mesh(), CurrentProfile.constant(24), t, Marquis2019.CUTOFF);
		DfnSolution b = sim.run(java, DfnMesh.benchmark(), CurrentProfile.constant(24), t, Marquis2019.CUTOFF);
		assertEquals(b.voltages().length, a.voltages().length);
		double worst = 0;
		for (int k = 0; k < a.voltages().length; k++) worst = Math.max(worst, Math.abs(a.voltages()[k] - b.voltages()[k]));
		assertTrue(worst < 1e-3, "largest difference " + worst + " V");
	}

	@Test
	void theRunnerGivesTheVoltageOfDfnSimulationAndStopsAtTheCutoff() {
		DfnInputs in = inputs(EXAMPLE, "Comsol3C");
		RecordingSink sink = new RecordingSink();
		assertEquals(RunStatus.COMPLETED, DfnRunner.run(in, sink, ProgressListener.NONE), sink.events.toString());
		DfnSolution ref = new DfnSimulation(1e-4).run(in.cell(), in.mesh(), CurrentProfile.constant(72), times(1200, 200), Marquis2019.CUTOFF);
		Sample end = sink.last();
		assertEquals(ref.last().time(), end.time(), 1.0, "the cut-off time");
		assertEquals(Marquis2019.CUTOFF, end.voltage(), 1e-3, "at the cut-off (the state made consistent there)");
		assertEquals(-72, end.current(), 1e-9, "discharge is negative current in the run's convention");
		double worst = 0;
		double[] rt = ref.times(), rv = ref.voltages();
		for (Sample s : sink.samples) {
			if (s.time() > rt[rt.length - 1]) continue;
			int k = 1;
			while (k < rt.length - 1 && rt[k] < s.time()) k++;
			double v = rv[k - 1] + (rv[k] - rv[k - 1]) * (s.time() - rt[k - 1]) / (rt[k] - rt[k - 1]);
			if (s.time() > 12) worst = Math.max(worst, Math.abs(v - s.voltage())); // linear interpolation error near t = 0
		}
		assertTrue(worst < 1e-3, "largest difference " + worst + " V");
		assertEquals(1, sink.cycles.size());
		assertEquals("voltage-cutoff", sink.cycles.get(0).steps().get(0).end().label());
		// lithium moves from the negative particles to the positive ones: the charge passed, I t / F
		Sample first = sink.samples.get(0);
		double moved = first.lithium().host() - end.lithium().host();
		assertEquals(72 * end.time() / Constants.F, moved, 1e-3 * moved);
	}

	@Test
	void againstComsolTheVoltageIsWithinAMillivolt() throws Exception {
		// issue 14: below 10 mV RMS at each rate; the Java set reaches 0.28 mV (docs/dfn.md), so does the file
		assertTrue(Files.isDirectory(COMSOL), "needs ../shared/data/dfn-reference beside the repository: " + COMSOL.toAbsolutePath());
		for (String rate : List.of("1C", "3C")) {
			ComsolReference ref = ComsolReference.read(COMSOL.resolve("comsol_" + rate + ".json"));
			DfnInputs in = inputs(EXAMPLE, "Comsol" + rate);
			RecordingSink sink = new RecordingSink();
			DfnRunner.run(in, sink, ProgressListener.NONE);
			double sum = 0;
			int n = 0;
			List<Sample> s = sink.samples;
			for (int k = 0; k < ref.time.length; k++) {
				double t = ref.time[k];
				if (t > sink.last().time() || ref.voltage[k] < Marquis2019.CUTOFF) break;
				int j = 1;
				while (j < s.size() - 1 && s.get(j).time() < t) j++;
				Sample p = s.get(j - 1), q = s.get(j);
				double v = q.time() == p.time() ? q.voltage() : p.voltage() + (q.voltage() - p.voltage()) * (t - p.time()) / (q.time() - p.time());
				sum += (v - ref.voltage[k]) * (v - ref.voltage[k]);
				n++;
			}
			double rms = Math.sqrt(sum / n);
			System.out.printf("marquis2019.cell %s against COMSOL: %.2f mV RMS over %d outputs%n", rate, 1e3 * rms, n);
			assertTrue(n > 150, rate + ": compared " + n);
			assertTrue(rms < 1e-3, rate + ": " + rms + " V RMS");
		}
	}

	@Test
	void theExampleRunsEndToEnd() throws Exception {
		Path out = tmp.resolve("runs");
		Cli.Result r = Cli.cli("run", EXAMPLE.toString(), "--out", out.toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		for (String x : List.of("Comsol1C", "Comsol3C")) {
			Path run = RunStore.latest(out.resolve(x));
			RunFolder f = RunFolder.read(run);
			assertEquals("COMPLETED", f.summary().status(), x);
			assertTrue(f.timeseries().rows() > 150, x + ": " + f.timeseries().rows());
			assertTrue(Files.isRegularFile(run.resolve("cycles.csv")));
			assertTrue(Files.readString(run.resolve("cycles.csv")).contains("voltage-cutoff"), Files.readString(run.resolve("cycles.csv")));
			JsonObject dfn = JsonParser.parseString(Files.readString(run.resolve(DfnInputs.FILE_NAME))).getAsJsonObject();
			assertEquals(x, dfn.getAsJsonObject("provenance").get("experiment").getAsString());
			// its source named relative to the run folder, as summary.json's (SourceRecord)
			JsonObject prov = dfn.getAsJsonObject("provenance");
			assertEquals("run-folder", prov.get("source_relative_to").getAsString(), prov.toString());
			assertEquals(EXAMPLE.toAbsolutePath().normalize(), run.toAbsolutePath().resolve(prov.get(DfnInputs.SOURCE_FILE).getAsString()).normalize());
			// read back absolute by the run folder's reader, and named by the report (a DFN run's report named no file)
			assertEquals(EXAMPLE.toAbsolutePath().normalize().toString(), f.provenance().sourceFile(), x);
			assertTrue(f.provenance().sourceLine() > 0, x + ": the experiment's line");
			assertTrue(Files.readString(run.resolve("report.html")).contains("defined in <code>" + EXAMPLE.toAbsolutePath().normalize() + ":" + f.provenance().sourceLine() + "</code>"),
					x + ": the report says where the experiment is defined");
			assertTrue(dfn.getAsJsonObject("dfn").has("negative.kinetics"), dfn.toString());
			// the protocol's steps kept in dfn-inputs.json and read back by the run folder's reader, as run
			assertNotNull(f.protocol(), f.protocolMissing());
			assertEquals(inputs(EXAMPLE, x).protocol().steps().toString(), f.protocol().steps().toString(), x);
			// each with its number and the line the file wrote it at, as the run's messages name a step (StepNumbers)
			assertTrue(Files.readString(run.resolve("report.html")).matches("(?s).*<ol class=\"steps\"><li><span class=\"step-number\">1</span> discharge at "
					+ "[^<]* <span class=\"step-place\">\\(line \\d+\\)</span></li>.*"), x + ": the report lists the steps");
			// the stack's layers kept as numbers, negative to positive, read back as the mapped cell has them and drawn in the report
			DfnInputs in = inputs(EXAMPLE, x);
			assertNotNull(f.dfnStack(), f.dfnStackMissing());
			assertEquals(List.of(DfnInputs.NEGATIVE, DfnInputs.SEPARATOR, DfnInputs.POSITIVE), f.dfnStack().stream().map(DfnInputs.Layer::role).toList());
			assertEquals(in.cell().negative().thickness(), f.dfnStack().get(0).thickness(), 0, x);
			assertEquals(in.cell().separator().porosity(), f.dfnStack().get(1).porosity(), 0, x);
			assertEquals(in.cell().positive().populations().get(0).particle().radius(), f.dfnStack().get(2).particleRadius(), 0, x);
			assertTrue(Files.readString(run.resolve("report.html")).contains("data-thickness-m=\"" + in.cell().separator().thickness() + "\""),
					x + ": the report draws the stack");
			// the voltage's losses (VoltageLosses) in timeseries.csv: at every sample V = OCV + their sum, to the file's digits;
			// at 1 and 3 C the LCO's charge transfer is the largest before the end (the report plots them; it said "not available")
			var ts = f.timeseries();
			List<String> eta = ts.columnsStartingWith("eta_");
			double[] v = ts.column("voltage_V"), ocv = ts.column("ocv_V"), kinetic = ts.column("eta_cathode_kinetic_V");
			for (int k = 0; k < ts.rows(); k++) {
				double sum = 0;
				for (String c : eta) sum += ts.column(c)[k];
				assertEquals(v[k] - ocv[k], sum, 2e-5, x + " row " + k);
				if (k > 0 && k < ts.rows() / 2)
					for (String c : eta) assertTrue(kinetic[k] <= ts.column(c)[k], x + " row " + k + ": " + c + " below the cathode's charge transfer");
			}
			assertTrue(Files.readString(run.resolve("report.html")).contains("Overpotential breakdown"), x);
		}
		assertTrue(r.out().contains("time to 3.105 V at 3 C"), r.out());
	}

	static final String CELL = """
			package t
			material E is liquid-electrolyte { ionic-conductivity = 1 S/m  diffusivity = 3e-10 m2/s  transference-number = 0.4
				initial-concentration = 1 mol/L }
			material G is intercalation-anode { max-concentration = 30000 mol/m3  initial-stoichiometry = 0.8  diffusivity = 4e-14 m2/s
				electronic-conductivity = 100 S/m  exchange-current-rate-constant = 2e-5
				ocv function V = 0.2 + 0.5*exp(-50*x) - 0.05*x }
			material P is intercalation-cathode { max-concentration = 50000 mol/m3  initial-stoichiometry = 0.6  diffusivity = 1e-13 m2/s
				electronic-conductivity = 10 S/m  exchange-current-density = 3 A/m2
				ocv function V = 4.2 - 0.8*x }
			cell C { area = 1 m2  nominal-capacity = 20 Ah
				layer n: G 80 um { porosity = 0.3  particle-radius = 8 um }
				layer s: E 25 um
				layer p: P 80 um { porosity = 0.3  active-volume-fraction = 0.5  particle-radius = 8 um }
			}
			protocol D { discharge at 1 C until 3.0 V }
			experiment X { cell C protocol D }
			""";

	Path write(String text) throws Exception {
		return Cli.write(tmp.resolve("t.cell"), text);
	}

	static int line(String text, String fragment) {
		int i = text.indexOf(fragment);
		assertTrue(i >= 0, fragment);
		return (int) text.substring(0, i).chars().filter(c -> c == '\n').count() + 1;
	}

	@Test
	void aSmallCellRunsAndBadInputIsALocatedError() throws Exception {
		assertEquals(RunStatus.COMPLETED, DfnRunner.run(inputs(write(CELL), "X"), new RecordingSink(), ProgressListener.NONE));

		String noKappa = CELL.replace("ionic-conductivity = 1 S/m  ", "");
		InputException e = assertThrows(InputException.class, () -> inputs(write(noKappa), "X"));
		assertEquals(line(noKappa, "material E"), e.problem().line(), e.problem().format());
		assertTrue(e.problem().message().contains("lacks ionic-conductivity"), e.problem().message());

		String noPorosity = CELL.replace("layer n: G 80 um { porosity = 0.3  ", "layer n: G 80 um { ");
		e = assertThrows(InputException.class, () -> inputs(write(noPorosity), "X"));
		assertEquals(line(noPorosity, "layer n:"), e.problem().line(), e.problem().format());
		assertTrue(e.problem().message().contains("porosity"), e.problem().message());

		String pressure = CELL.replace("protocol D { discharge at 1 C until 3.0 V }", "protocol D {\n discharge at 1 C until 3.0 V\n set stack-pressure = 5 MPa }");
		e = assertThrows(InputException.class, () -> inputs(write(pressure), "X"));
		assertEquals(line(pressure, "set stack-pressure"), e.problem().line(), e.problem().format());
		assertTrue(e.problem().message().contains("no stack-pressure model"), e.problem().message());

	}

	/**
	 * OCP hysteresis (lithiation-ocp and delithiation-ocp of a material) maps onto ZerothOrderHysteresis and runs; one
	 * branch alone is an error at it. A 'model single-particle' cell of two electrode layers runs with the
	 * SingleParticleModel; without an active-volume-fraction, or with a separator layer, it is an error at the layer.
	 */
	@Test
	void hysteresisAndSingleParticleCellsRunAndBadInputIsLocated() throws Exception {
		String hysteresis = CELL.replace("ocv function V = 0.2 + 0.5*exp(-50*x) - 0.05*x }", """
				ocv function V = 0.2 + 0.5*exp(-50*x) - 0.05*x
				lithiation-ocp = function V = 0.18 + 0.5*exp(-50*x) - 0.05*x
				delithiation-ocp = table V against x { 0 0.72, 0.5 0.195, 1 0.17 } }""");
		DfnInputs in = inputs(write(hysteresis), "X");
		assertTrue(in.cell().negative().ocp() instanceof org.cellwright.solver.dfn.ZerothOrderHysteresis, in.cell().negative().ocp().toString());
		assertEquals(0.195, in.cell().negative().ocp().at(0.5, 298.15, +1), 1e-12, "delithiating: the delithiation table");
		assertEquals(0.18 + 0.5 * Math.exp(-25) - 0.025, in.cell().negative().ocp().at(0.5, 298.15, -1), 1e-12, "lithiating: the lithiation function");
		assertEquals(RunStatus.COMPLETED, DfnRunner.run(in, new RecordingSink(), ProgressListener.NONE));
		String oneBranch = hysteresis.replace("delithiation-ocp = table V against x { 0 0.72, 0.5 0.195, 1 0.17 }", "");
		InputException e = assertThrows(InputException.class, () -> inputs(write(oneBranch), "X"));
		assertEquals(line(oneBranch, "lithiation-ocp"), e.problem().line(), e.problem().format());
		assertTrue(e.problem().message().contains("without delithiation-ocp"), e.problem().message());

		String spm = CELL.replace("experiment X { cell C protocol D }", """
				cell S { model single-particle  area = 1 m2  nominal-capacity = 20 Ah
					layer n: G 80 um { particle-radius = 8 um  active-volume-fraction = 0.5 }
					layer p: P 80 um { particle-radius = 8 um  active-volume-fraction = 0.5 }
				}
				experiment Y { cell S protocol D }""");
		DfnInputs s = inputs(write(spm), "Y");
		assertTrue(s.cell().isSingleParticle());
		RecordingSink sink = new RecordingSink();
		assertEquals(RunStatus.COMPLETED, DfnRunner.run(s, sink, ProgressListener.NONE));
		String noFraction = spm.replace("layer n: G 80 um { particle-radius = 8 um  active-volume-fraction = 0.5 }", "layer n: G 80 um { particle-radius = 8 um }");
		e = assertThrows(InputException.class, () -> inputs(write(noFraction), "Y"));
		assertEquals(line(noFraction, "layer n: G 80 um { particle-radius = 8 um }"), e.problem().line(), e.problem().format());
		assertTrue(e.problem().message().contains("active-volume-fraction"), e.problem().message());
		String withSeparator = spm.replace("layer p: P 80 um { particle-radius", "layer s2: E 25 um  layer p: P 80 um { particle-radius");
		e = assertThrows(InputException.class, () -> inputs(write(withSeparator), "Y"));
		assertEquals(line(withSeparator, "layer s2"), e.problem().line(), e.problem().format());
		assertTrue(e.problem().message().contains("no place in single-particle cell S"), e.problem().message());
	}

	/** Energy delivered [J/m2] over the samples, -integral of V I dt (discharge current negative), and V I = P at each. */
	static double energy(RecordingSink sink, double power) {
		double e = 0;
		for (int k = 1; k < sink.samples.size(); k++) {
			Sample a = sink.samples.get(k - 1), b = sink.samples.get(k);
			e -= 0.5 * (a.voltage() * a.current() + b.voltage() * b.current()) * (b.time() - a.time());
			assertEquals(power, -b.voltage() * b.current(), 1e-4 * power, "V I = P at t = " + b.time() + " s (Newton's tolerance)");
		}
		return e;
	}

	@Test
	void aConstantPowerDischargeHoldsVITimesIAtThePowerAndDeliversLessEnergyAtMorePower() throws Exception {
		String at60 = CELL.replace("protocol D { discharge at 1 C until 3.0 V }", "protocol D { discharge at 60 W/m2 until 3.0 V }");
		RecordingSink slow = new RecordingSink(), fast = new RecordingSink();
		assertEquals(RunStatus.COMPLETED, DfnRunner.run(inputs(write(at60), "X"), slow, ProgressListener.NONE), slow.events.toString());
		assertEquals(RunStatus.COMPLETED, DfnRunner.run(inputs(write(at60.replace("60 W/m2", "120 W/m2")), "X"), fast, ProgressListener.NONE),
				fast.events.toString());
		double eSlow = energy(slow, 60), eFast = energy(fast, 120);
		assertEquals("voltage-cutoff", slow.cycles.get(0).steps().get(0).end().label());
		assertEquals(3.0, slow.last().voltage(), 1e-2, "the state at the crossing, made consistent with V I = P again");
		assertTrue(eFast < eSlow, "more power, more lost inside: " + eFast + " J/m2 against " + eSlow);
		// a rest after the power step, then a current step: the controlled model switches back
		String mixed = at60.replace("protocol D { discharge at 60 W/m2 until 3.0 V }",
				"protocol D { discharge at 60 W/m2 for 10 min\n rest for 5 min\n discharge at 1 C until 3.0 V }");
		RecordingSink m = new RecordingSink();
		assertEquals(RunStatus.COMPLETED, DfnRunner.run(inputs(write(mixed), "X"), m, ProgressListener.NONE), m.events.toString());
		assertEquals(List.of("duration", "duration", "voltage-cutoff"),
				m.cycles.get(0).steps().stream().map(r -> r.end().label()).toList());
		assertEquals(-20, m.last().current(), 1e-9, "1 C of 20 Ah/m2 in the last step");
	}

	@Test
	void theRunCommandReportsBadInputAtFileAndLine() throws Exception {
		String noKappa = CELL.replace("ionic-conductivity = 1 S/m  ", "");
		Path f = write(noKappa);
		Cli.Result r = Cli.cli("run", f.toString(), "--out", tmp.resolve("runs").toString());
		assertEquals(1, r.rc(), r.out() + r.err());
		assertTrue(r.err().contains("t.cell:" + line(noKappa, "material E") + ":"), r.err());
		assertTrue(r.err().contains("lacks ionic-conductivity"), r.err());
		assertFalse(r.err().contains("Exception"), r.err());
	}

	/**
	 * A liquid-electrolyte run says what changed against the previous run of its name, from dfn-inputs.json, as a
	 * solid-state run does from inputs.json: "no change" for the same inputs, the value for another. Before (session
	 * 19), a DFN run's change was left empty, in the run's summary and in `runs`.
	 */
	@Test
	void aSecondRunSaysWhatChangedAgainstTheFirst() throws Exception {
		Path out = tmp.resolve("runs");
		Path f = write(CELL);
		assertTrue(Cli.cli("run", f.toString(), "--out", out.toString()).out().contains("change: first run"));
		Cli.Result same = Cli.cli("run", f.toString(), "--out", out.toString());
		assertTrue(same.out().contains("change: no change"), same.out());
		write(CELL.replace("cell C { area = 1 m2", "cell C { temperature = 10 degC  area = 1 m2"));
		Cli.Result warmer = Cli.cli("run", f.toString(), "--out", out.toString());
		assertTrue(warmer.out().contains("change: temperature 298.15 K -> 283.15 K"), warmer.out());
		write(CELL.replace("layer s: E 25 um", "layer s: E 30 um"));
		Cli.Result thicker = Cli.cli("run", f.toString(), "--out", out.toString());
		assertTrue(thicker.out().contains("s.separator changed"), thicker.out());
		assertTrue(thicker.out().contains("temperature 283.15 K -> 298.15 K"), thicker.out());
		assertTrue(Cli.cli("runs", out.toString()).out().contains("no change"), "the runs listing");
	}

	/**
	 * A step added to a protocol with a current profile is said as added: the profile's values (a table in
	 * dfn-inputs.json) made the comparison throw, which the run printed as "previous run ...: dfn-inputs.json
	 * unreadable" though the file was valid (session 24, rest60.cell). Removing it is said too; a step changed in place
	 * is said by its member.
	 */
	@Test
	void aStepAddedToAProtocolWithAProfileIsSaidAddedNotTheFileUnreadable() throws Exception {
		Path out = tmp.resolve("runs");
		Files.writeString(tmp.resolve("flat.csv"), "# time [s],Current [A]\n0,1\n30,0.5\n60,1\n");
		String withProfile = CELL.replace("protocol D { discharge at 1 C until 3.0 V }",
				"protocol D {\n follow \"flat.csv\" current scaled to 1 C for 2 min until 3.0 V\n discharge at 1 C for 1 min }");
		Path f = write(withProfile);
		assertTrue(Cli.cli("run", f.toString(), "--out", out.toString()).out().contains("change: first run"));
		assertTrue(Cli.cli("run", f.toString(), "--out", out.toString()).out().contains("change: no change"), "the same profile");
		write(withProfile.replace(" discharge at 1 C for 1 min }", " rest for 1 min\n discharge at 1 C for 1 min }"));
		Cli.Result added = Cli.cli("run", f.toString(), "--out", out.toString());
		assertFalse(added.out().contains("unreadable"), added.out());
		assertTrue(added.out().contains("change: protocol: step 2 added (rest)\n"), added.out());
		write(withProfile);
		Cli.Result removed = Cli.cli("run", f.toString(), "--out", out.toString());
		assertTrue(removed.out().contains("change: protocol: step 2 removed (rest)\n"), removed.out());
		write(withProfile.replace("scaled to 1 C", "scaled to 2 C"));
		Cli.Result scaled = Cli.cli("run", f.toString(), "--out", out.toString());
		assertTrue(scaled.out().contains("step 1 value [-1.0,-0.5,-1.0] -> [-2.0,-1.0,-2.0]"), scaled.out()); // in C rates, discharge negative
	}

	/** A DFN run's dfn-inputs.json given to run is refused saying why; it read "dfn-inputs.json: format: missing". */
	@Test
	void aDfnRunsInputsRecordIsRefusedByRunSayingWhy() throws Exception {
		Path out = tmp.resolve("runs");
		assertEquals(0, Cli.cli("run", write(CELL).toString(), "--out", out.toString()).rc());
		Cli.Result r = Cli.cli("run", RunStore.latest(out.resolve("X")).resolve("dfn-inputs.json").toString(), "--out", tmp.resolve("again").toString());
		assertEquals(1, r.rc(), r.out() + r.err());
		assertTrue(r.err().contains("a liquid-electrolyte run's inputs record, which cannot be run again"), r.err());
		assertFalse(Files.exists(tmp.resolve("again")), "nothing written");
	}

	@Test
	void aSeparatorOfElectrolyteAndAnInertPolymerIsAcceptedAndItsPorosityIsTheElectrolytesShare() throws Exception {
		String text = CELL.replace("layer s: E 25 um", "layer s: Sep 25 um")
				.replace("cell C {", "material PE is binder { density = 0.95 g/cm3 }\ncomposite Sep { E 40 vol%  PE 60 vol% }\ncell C {");
		Path f = write(text);
		Cli.Result check = Cli.cli("check", f.toString());
		assertFalse(check.out().contains("has no separator"), check.out());
		assertFalse(check.out().contains(": error:"), check.out());
		DfnInputs in = inputs(f, "X");
		assertEquals(0.4, in.cell().separator().porosity(), 1e-12);
		RecordingSink sink = new RecordingSink();
		assertEquals(RunStatus.COMPLETED, DfnRunner.run(in, sink, ProgressListener.NONE));
		// a less porous separator resists more: the cut-off comes earlier
		RecordingSink open = new RecordingSink();
		DfnRunner.run(inputs(write(CELL), "X"), open, ProgressListener.NONE);
		assertTrue(sink.last().time() < open.last().time(), sink.last().time() + " s against " + open.last().time() + " s");
	}
}

package org.cellwright.cli.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.run.CellFiles;
import org.cellwright.run.Plans;
import org.cellwright.run.SimulationInputs;
import org.cellwright.model.Experiment;
import org.cellwright.model.Model;
import org.cellwright.model.Element;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.ComponentSpec;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialSpec;
import org.cellwright.solver.input.OcvTable;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.ResolvedInputs;
import org.cellwright.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Issue 7: every run folder holds its fully resolved inputs (inputs.json), they read back to equal specs, and
 * {@code run inputs.json} reproduces the run.
 */
class ResolvedInputsTest {

	@TempDir Path tmp;

	/** All experiments of the examples, through the same mapping the run command uses. */
	private static List<Experiment> exampleExperiments() {
		CellFiles files = CellFiles.load(CellFiles.collect(CliTest.examples()));
		assertFalse(files.hasErrors(), () -> "the examples check clean: " + files.problems());
		List<Experiment> out = new ArrayList<>();
		for (Model m : files.models())
			for (Element e : m.getElements())
				// liquid-electrolyte cells (examples/marquis2019.cell) run through the DFN path: no inputs.json (DfnRunTest)
				if (e instanceof Experiment x && !org.cellwright.run.dfn.DfnMapping.isDfnCell(x.getCell())) out.add(x);
		return out;
	}

	@Test
	void everyExampleExperimentRoundTripsToEqualSpecs() {
		List<Experiment> experiments = exampleExperiments();
		assertTrue(experiments.size() >= 14, "the study's 13 experiments, the long cycling and the baseline: " + experiments.size());
		int tables = 0;
		for (Experiment x : experiments) {
			SimulationInputs.Inputs in = SimulationInputs.of(x);
			ResolvedInputs written = Plans.resolved(in, x);
			ResolvedInputs read = InputsJson.parse(InputsJson.toJson(written).toString(), x.getName());
			assertEquals(written.provenance(), read.provenance(), x.getName());
			assertEquals(in.protocol(), read.protocol(), x.getName() + ": protocol");
			assertEquals(in.settings(), read.settings(), x.getName() + ": solver settings");
			// records are equal once the OCV (a function object, equal only to itself) is compared point by point
			assertEquals(withoutOcv(in.cell()), withoutOcv(read.cell()), x.getName() + ": cell");
			List<MaterialSpec> a = materials(in.cell()), b = materials(read.cell());
			for (int i = 0; i < a.size(); i++) {
				if (a.get(i).ocv() == null) { assertNull(b.get(i).ocv()); continue; }
				OcvTable t = assertInstanceOf(OcvTable.class, b.get(i).ocv());
				tables++;
				if (a.get(i).ocv() instanceof OcvTable orig) {
					assertArrayEquals(orig.stoichiometries(), t.stoichiometries(), x.getName() + ": " + a.get(i).name());
					assertArrayEquals(orig.voltages(), t.voltages(), x.getName() + ": " + a.get(i).name());
				}
				for (double s = 0; s <= 1; s += 0.01)
					assertEquals(a.get(i).ocv().applyAsDouble(s), t.applyAsDouble(s), 1e-6, a.get(i).name() + " at " + s);
			}
		}
		assertTrue(tables > 0, "the full cells' NCM811 OCV table is among the inputs");
	}

	@Test
	void aFollowedProfileRoundTripsWithItsSamplesAndAWrongUnitIsRefused() {
		Experiment x = exampleExperiments().get(0);
		ResolvedInputs base = Plans.resolved(SimulationInputs.of(x), x);
		var follow = new org.cellwright.solver.input.StepSpec.Follow(false, org.cellwright.solver.input.CurrentMode.C_RATE,
				new double[] { 0, 1, 2.5 }, new double[] { -2, 0.5, -1.25 }, "UDDS.csv",
				List.of(org.cellwright.solver.input.Cutoff.duration(3600), org.cellwright.solver.input.Cutoff.voltageBelow(3)));
		ResolvedInputs written = new ResolvedInputs(base.provenance(), base.cell(),
				new org.cellwright.solver.input.ProtocolSpec("P", List.of(follow)), base.settings());
		String json = InputsJson.toJson(written).toString();
		assertEquals(written.protocol(), InputsJson.parse(json, "t").protocol(), "samples, mode, source and cut-offs");
		Exception e = assertThrows(Exception.class, () -> InputsJson.parse(json.replace("\"unit\":\"1/h\"", "\"unit\":\"A\""), "t"));
		assertTrue(e.getMessage().contains("expected \"1/h\""), e.getMessage());
	}

	/** A cut-off from the cell's voltage window keeps that origin through inputs.json; the protocol's own write no "window". */
	@Test
	void aVoltageWindowCutoffRoundTripsAsTheWindows() {
		Experiment x = exampleExperiments().get(0);
		ResolvedInputs base = Plans.resolved(SimulationInputs.of(x), x);
		var cutoffs = List.of(org.cellwright.solver.input.Cutoff.duration(3600),
				org.cellwright.solver.input.Cutoff.window(org.cellwright.solver.input.Cutoff.Kind.VOLTAGE_BELOW, 2.5));
		var step = new org.cellwright.solver.input.StepSpec.ConstantCurrent(org.cellwright.solver.input.CurrentMode.C_RATE, -1, cutoffs);
		ResolvedInputs written = new ResolvedInputs(base.provenance(), base.cell(),
				new org.cellwright.solver.input.ProtocolSpec("P", List.of(step)), base.settings());
		String json = InputsJson.toJson(written).toString();
		assertEquals(1, json.split("\"window\"", -1).length - 1, json);
		var read = (org.cellwright.solver.input.StepSpec.ConstantCurrent) InputsJson.parse(json, "t").protocol().steps().get(0);
		assertEquals(cutoffs, read.cutoffs());
		assertTrue(read.cutoffs().get(1).window() && !read.cutoffs().get(0).window());
	}

	@Test
	void provenanceNamesTheExperimentsFileAndLine() throws Exception {
		Path file = CliTest.examples().resolve("baseline-halfcell.cell");
		Cli.Result r = Cli.cli("run", file.toString(), "--out", tmp.toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		JsonObject json = JsonParser.parseString(Files.readString(CliTest.latest(tmp, "FirstCycle").resolve("inputs.json"))).getAsJsonObject();
		JsonObject p = json.getAsJsonObject("provenance");
		assertEquals("FirstCycle", p.get("experiment").getAsString());
		assertTrue(p.get("source_file").getAsString().endsWith("baseline-halfcell.cell"), p.toString());
		List<String> lines = Files.readAllLines(file);
		int line = p.get("source_line").getAsInt();
		assertTrue(line >= 1 && lines.get(line - 1).contains("experiment FirstCycle"), "line " + line + ": " + p);
		assertFalse(p.get("created").getAsString().isEmpty());
		assertEquals("Li", json.getAsJsonObject("cell").getAsJsonArray("layers").get(2).getAsJsonObject()
				.getAsJsonArray("components").get(0).getAsJsonObject().getAsJsonObject("material").get("name").getAsString(),
				"materials are written in full inside their layers");
	}

	@Test
	void rerunFromInputsJsonGivesTheSameSummary() throws Exception {
		Path file = CliTest.examples().resolve("sung2023/experiments.cell");
		for (String name : List.of("NucleationInterlayer", "FullCellWithInterlayer")) {
			Cli.Result first = Cli.cli("run", file.toString(), "--experiment", name, "--out", tmp.resolve("a").toString());
			assertEquals(0, first.rc(), first.out() + first.err());
			Path inputs = CliTest.latest(tmp.resolve("a"), name).resolve("inputs.json");
			Cli.Result again = Cli.cli("run", inputs.toString(), "--out", tmp.resolve("b").toString());
			assertEquals(0, again.rc(), again.out() + again.err());
			assertTrue(again.out().contains(name), again.out());
			String s1 = Files.readString(CliTest.latest(tmp.resolve("a"), name).resolve("summary.json"));
			String s2 = Files.readString(CliTest.latest(tmp.resolve("b"), name).resolve("summary.json"));
			JsonObject j1 = JsonParser.parseString(s1).getAsJsonObject(), j2 = JsonParser.parseString(s2).getAsJsonObject();
			assertEquals(j1.getAsJsonObject("run").get("inputs_hash"), j2.getAsJsonObject("run").get("inputs_hash"), name + ": the same inputs");
			j1.remove("run"); // the run's own record: its id, times and wall time differ
			j2.remove("run");
			assertEquals(j1, j2, name);
			assertEquals(Files.readString(CliTest.latest(tmp.resolve("a"), name).resolve("timeseries.csv")),
					Files.readString(CliTest.latest(tmp.resolve("b"), name).resolve("timeseries.csv")), name + ": the same curve");
			// the re-run keeps the provenance of the original
			JsonObject p = JsonParser.parseString(Files.readString(CliTest.latest(tmp.resolve("b"), name).resolve("inputs.json")))
					.getAsJsonObject().getAsJsonObject("provenance");
			assertTrue(p.get("source_file").getAsString().endsWith("experiments.cell"), p.toString());
		}
	}

	/**
	 * A re-run from inputs.json has the progress bar a run of a .cell file has (session 33; before, it printed nothing
	 * until its summary): its one task, named as the experiment, fed by the solver and finished with the run, and its
	 * summary printed through the bar.
	 */
	@Test
	void aRerunFromInputsJsonShowsItsProgress() throws Exception {
		Path file = CliTest.examples().resolve("baseline-halfcell.cell");
		Cli.Result first = Cli.cli("run", file.toString(), "--experiment", "FirstCycle", "--out", tmp.resolve("a").toString());
		assertEquals(0, first.rc(), first.out() + first.err());
		java.io.StringWriter s = new java.io.StringWriter();
		java.io.PrintWriter o = new java.io.PrintWriter(s);
		try (org.cellwright.cli.run.Progress progress = new org.cellwright.cli.run.Progress(o, false, 3600)) {
			int rc = org.cellwright.cli.run.InputsRun.run(CliTest.latest(tmp.resolve("a"), "FirstCycle").resolve("inputs.json"),
					tmp.resolve("b"), o, o, org.cellwright.run.RunExecutor.LOCAL, null, progress);
			assertEquals(0, rc, s.toString());
			List<org.cellwright.cli.run.Progress.Task> tasks = progress.tasks();
			assertEquals(1, tasks.size());
			assertTrue(tasks.get(0).started(), "the solver reported to the re-run's task");
			assertTrue(progress.line().startsWith("[####################] 1/1 runs"), progress.line());
		}
		assertTrue(s.toString().contains("FirstCycle"), s.toString());
	}

	/**
	 * A sweep's run's inputs.json runs again, as the single run of its variant, in the variant's folder: its
	 * provenance names it "sweep/variant", which the re-run took for a folder name and refused ("provenance.experiment:
	 * a path separator cannot be part of a folder name", src29). The same curve; run again unchanged, it is current.
	 */
	@Test
	void aSweepsRunsInputsJsonRunsAgainAsThatVariantsSingleRun() throws Exception {
		Path f = tmp.resolve("sw.cell");
		Files.writeString(f, SweepRunTest.FILE);
		Cli.Result first = Cli.cli("run", f.toString(), "--experiment", "Th", "--out", tmp.resolve("a").toString());
		assertEquals(0, first.rc(), first.out() + first.err());
		List<Path> variants;
		try (var s = Files.list(tmp.resolve("a/Th/latest"))) {
			variants = s.filter(Files::isDirectory).toList();
		}
		assertEquals(1, variants.size(), variants.toString());
		String variant = variants.get(0).getFileName().toString();
		Path inputs = variants.get(0).resolve("inputs.json");
		for (int i = 0; i < 2; i++) {
			Cli.Result again = Cli.cli("run", inputs.toString(), "--out", tmp.resolve("b").toString());
			assertEquals(0, again.rc(), again.out() + again.err());
			assertTrue(again.out().contains("Th/" + variant + " "), again.out());
		}
		Path rerun = CliTest.latest(tmp.resolve("b"), variant);
		assertEquals(Files.readString(variants.get(0).resolve("timeseries.csv")), Files.readString(rerun.resolve("timeseries.csv")),
				"the same curve");
		List<String> index = Files.readAllLines(tmp.resolve("b").resolve(org.cellwright.run.folder.RunFiles.INDEX));
		assertEquals(3, index.size(), index.toString()); // header and the two re-runs
		assertTrue(index.get(1).contains("first run"), index.toString());
		assertTrue(index.get(2).contains("no change"), index.toString()); // the second, of the same inputs: current
	}

	/**
	 * A run whose experiment names a measurement and expects figures of it: its inputs.json records the expect clauses
	 * (as the checks evaluator reads them) and the measurement (the copy measured.bdf.csv kept beside it, with its
	 * SHA-256), read back equal; {@code run RUN/inputs.json} checks and compares as the run did: the same checks.json,
	 * the same measured-comparison.json, the same exit code. Before (loop21) the re-run wrote an empty checks.json, no
	 * comparison, and exited 0 whatever the clauses said. An inputs.json written before (without those members) still
	 * runs, and the re-run says it checks nothing; a kept copy edited since is not compared with.
	 */
	@Test
	void aReRunFromInputsJsonChecksItsExpectClausesAndComparesWithItsMeasurement() throws Exception {
		// the measurement: the plating cell's own run, exported as BDF
		Path truth = Cli.write(tmp.resolve("truth").resolve("t.cell"), org.cellwright.testing.PlatingCell.file("5 MPa"));
		assertEquals(0, Cli.cli("run", truth.toString(), "--out", tmp.resolve("truth-runs").toString()).rc());
		Path data = tmp.resolve("study").resolve("data.bdf.csv");
		Files.createDirectories(data.getParent());
		Cli.Result export = Cli.cli("export-bdf", CliTest.latest(tmp.resolve("truth-runs"), "X").toString(), "--out", data.toString());
		assertEquals(0, export.rc(), export.out() + export.err());
		Path file = Cli.write(tmp.resolve("study").resolve("s.cell"), org.cellwright.testing.PlatingCell.file("5 MPa").replace(
				"expect status = completed", "measured \"data.bdf.csv\" noise 0.5 mV\n expect status = completed\n"
						+ " expect \"RMS\": voltage-rms-error < 50.0 mV source \"self\"\n expect end-time < 10 h\n expect end-time = 2.0 h within 10 h"));
		Cli.Result first = Cli.cli("run", file.toString(), "--out", tmp.resolve("a").toString());
		Path run = CliTest.latest(tmp.resolve("a"), "X").toRealPath();
		JsonObject checks = JsonParser.parseString(Files.readString(run.resolve("checks.json"))).getAsJsonObject();
		assertEquals(4, checks.getAsJsonArray("checks").size(), checks.toString());
		assertTrue(Files.isRegularFile(run.resolve("measured-comparison.json")), "compared with the measurement");

		// the record: the clauses and the kept copy with its hash, read back equal
		JsonObject json = JsonParser.parseString(Files.readString(run.resolve("inputs.json"))).getAsJsonObject();
		assertEquals(4, json.getAsJsonArray("expectations").size(), json.toString());
		JsonObject measured = json.getAsJsonObject("measured");
		assertEquals("data.bdf.csv", measured.get("file").getAsString());
		assertEquals("measured.bdf.csv", measured.get("copy").getAsString());
		assertEquals(org.cellwright.run.RunWriter.sha256(Files.readAllBytes(run.resolve("measured.bdf.csv"))), measured.get("sha256").getAsString());
		ResolvedInputs read = InputsJson.read(run.resolve("inputs.json"));
		ResolvedInputs again = InputsJson.parse(InputsJson.toJson(read).toString(), "again");
		assertEquals(read.expectations(), again.expectations());
		assertEquals(read.measured(), again.measured());
		ResolvedInputs.Expect rms = read.expectations().get(1);
		assertEquals("voltage-rms-error", rms.metric());
		assertEquals("LESS", rms.comparison());
		assertEquals("50.0 mV", rms.valueText(), "the value as written");
		assertEquals("RMS", rms.label());
		assertEquals("self", rms.source());
		assertTrue(Files.readAllLines(file).get(rms.line() - 1).contains("voltage-rms-error"), "its line: " + rms.line());

		// the re-run checks and compares as the run did
		Cli.Result rerun = Cli.cli("run", run.resolve("inputs.json").toString(), "--out", tmp.resolve("b").toString());
		assertEquals(first.rc(), rerun.rc(), first.out() + first.err() + "\n---\n" + rerun.out() + rerun.err());
		Path second = CliTest.latest(tmp.resolve("b"), "X");
		assertEquals(checks, JsonParser.parseString(Files.readString(second.resolve("checks.json"))).getAsJsonObject(), "the same checks.json");
		assertEquals(JsonParser.parseString(Files.readString(run.resolve("measured-comparison.json"))),
				JsonParser.parseString(Files.readString(second.resolve("measured-comparison.json"))), "the same comparison");
		assertTrue(rerun.out().contains("Comparison with the study") && rerun.out().contains("checks pass"), rerun.out());
		JsonObject recorded = JsonParser.parseString(Files.readString(second.resolve("inputs.json"))).getAsJsonObject();
		assertEquals(measured, recorded.getAsJsonObject("measured"), "the re-run keeps its own copy of the same data");
		assertEquals(json.get("expectations"), recorded.get("expectations"));

		// a failing clause fails the re-run too (exit code 3)
		String failing = Files.readString(run.resolve("inputs.json")).replace("\"value_text\": \"50.0 mV\"", "\"value_text\": \"0.0 mV\"")
				.replace("\"value\": 50.0", "\"value\": 0.0");
		Path failingJson = Files.createDirectories(tmp.resolve("failing")).resolve("inputs.json");
		Files.writeString(failingJson, failing);
		Files.copy(run.resolve("measured.bdf.csv"), failingJson.resolveSibling("measured.bdf.csv"));
		Cli.Result fails = Cli.cli("run", failingJson.toString(), "--out", tmp.resolve("c").toString());
		assertEquals(3, fails.rc(), fails.out() + fails.err());
		assertTrue(fails.out().contains("1 fail (exit code 3)"), fails.out());

		// an edited copy is not compared with
		Path edited = Files.createDirectories(tmp.resolve("edited")).resolve("inputs.json");
		Files.copy(run.resolve("inputs.json"), edited);
		Files.writeString(edited.resolveSibling("measured.bdf.csv"), Files.readString(run.resolve("measured.bdf.csv")) + "\n");
		Cli.Result changed = Cli.cli("run", edited.toString(), "--out", tmp.resolve("d").toString());
		assertEquals(1, changed.rc(), changed.out() + changed.err());
		assertTrue(changed.err().contains("was changed since its run kept it"), changed.err());

		// an inputs.json written before: it runs, checks nothing and says so
		json.remove("expectations");
		json.remove("measured");
		Path old = Files.createDirectories(tmp.resolve("old")).resolve("inputs.json");
		Files.writeString(old, json.toString());
		Cli.Result before = Cli.cli("run", old.toString(), "--out", tmp.resolve("e").toString());
		assertEquals(0, before.rc(), before.out() + before.err());
		assertTrue(before.out().contains("records no expect clauses (written before inputs.json kept them)"), before.out());
		Path oldRun = CliTest.latest(tmp.resolve("e"), "X");
		assertEquals(0, JsonParser.parseString(Files.readString(oldRun.resolve("checks.json"))).getAsJsonObject().getAsJsonArray("checks").size());
		assertFalse(Files.exists(oldRun.resolve("measured-comparison.json")));
	}

	/** The report's line under its title: cell, layers, protocols, where the experiment is defined. */
	private static String reportMeta(Path run) throws Exception {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("<p class=\"meta\">(.*?)</p>").matcher(Files.readString(run.resolve("report.html")));
		assertTrue(m.find(), run + "/report.html has a line under its title");
		return m.group(1);
	}

	/**
	 * An experiment's protocols are named, in its order and as its file names them, in its inputs.json's provenance
	 * ({@code provenance.protocols}), outside the hash; the solver's protocol keeps the run's name (hashed, so the same
	 * inputs keep their hash), and the report names the protocols: it read "protocol CyclingMeasured" for an experiment
	 * running TwoCycles (session 24). A re-run from inputs.json keeps them; an inputs.json written before reads as before
	 * and its report names no protocol; a name that is not a string is one located line.
	 */
	@Test
	void theProvenanceNamesTheExperimentsProtocolsInOrderAndTheReportShowsThem() throws Exception {
		Path file = Cli.write(tmp.resolve("t.cell"), org.cellwright.testing.PlatingCell.cell("t", "2.5 mS/cm", "5 MPa")
				+ "protocol Plating { discharge at 0.1 mA/cm2 for 0.5 h }\n"
				+ "protocol Cycling { repeat 2 { charge at 0.1 mA/cm2 until 0.2 V for 1 h  discharge at 0.1 mA/cm2 for 0.5 h } }\n"
				+ "experiment CyclingMeasured { cell C protocol Plating, Cycling }\n");
		Cli.Result r = Cli.cli("run", file.toString(), "--out", tmp.resolve("a").toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		Path run = CliTest.latest(tmp.resolve("a"), "CyclingMeasured").toRealPath();
		JsonObject json = JsonParser.parseString(Files.readString(run.resolve("inputs.json"))).getAsJsonObject();
		assertEquals("[\"Plating\",\"Cycling\"]", json.getAsJsonObject("provenance").get("protocols").toString(), "in the experiment's order, not the alphabet's");
		assertEquals("CyclingMeasured", json.getAsJsonObject("protocol").get("name").getAsString(), "the hashed part as before");
		assertEquals(List.of("Plating", "Cycling"), InputsJson.read(run.resolve("inputs.json")).provenance().protocols());
		String meta = reportMeta(run);
		assertTrue(meta.contains("4 layers \u00b7 protocols Plating, Cycling \u00b7 defined in"), meta);
		assertFalse(meta.contains("CyclingMeasured"), meta);

		// the re-run from inputs.json: the same names, the same hash
		Cli.Result again = Cli.cli("run", run.resolve("inputs.json").toString(), "--out", tmp.resolve("b").toString());
		assertEquals(0, again.rc(), again.out() + again.err());
		Path second = CliTest.latest(tmp.resolve("b"), "CyclingMeasured");
		assertEquals(json.getAsJsonObject("provenance").get("protocols"), JsonParser.parseString(Files.readString(second.resolve("inputs.json")))
				.getAsJsonObject().getAsJsonObject("provenance").get("protocols"));
		assertEquals(org.cellwright.run.folder.RunFolder.read(run).summary().run().inputsHash(),
				org.cellwright.run.folder.RunFolder.read(second).summary().run().inputsHash());
		assertEquals(meta, reportMeta(second));

		// an inputs.json written before the names were kept: read as before, its report names the cell and layers only
		json.getAsJsonObject("provenance").remove("protocols");
		Files.writeString(run.resolve("inputs.json"), json.toString());
		assertNull(InputsJson.read(run.resolve("inputs.json")).provenance().protocols());
		Cli.Result report = Cli.cli("report", run.toString());
		assertEquals(0, report.rc(), report.out() + report.err());
		assertTrue(reportMeta(run).matches("cell <b>C</b> \u00b7 4 layers \u00b7 defined in .*"), reportMeta(run));

		// a name that is not a string
		json.getAsJsonObject("provenance").add("protocols", JsonParser.parseString("[\"Plating\", 7]"));
		Exception e = assertThrows(Exception.class, () -> InputsJson.parse(json.toString(), "inputs.json"));
		assertTrue(e.getMessage().contains("inputs.json: provenance.protocols[1]: expected a string, found 7"), e.getMessage());
	}

	@Test
	void badInputsJsonIsOneLocatedLineAndNothingRuns() throws Exception {
		Path file = CliTest.examples().resolve("baseline-halfcell.cell");
		assertEquals(0, Cli.cli("run", file.toString(), "--out", tmp.toString()).rc());
		Path inputs = CliTest.latest(tmp, "FirstCycle").resolve("inputs.json");
		String text = Files.readString(inputs);
		Path broken = tmp.resolve("broken/inputs.json");
		Files.createDirectories(broken.getParent());
		Files.writeString(broken, text.replaceFirst("\"thickness_m\": [0-9.eE-]+", "\"thickness_m\": \"ten\""));
		Cli.Result r = Cli.cli("run", broken.toString(), "--out", tmp.resolve("out").toString());
		assertEquals(1, r.rc());
		assertTrue(r.err().contains("inputs.json: cell.layers[0].thickness_m: expected a number, found \"ten\""), r.err());
		assertFalse(r.err().contains("Exception"), r.err());
		assertFalse(Files.exists(tmp.resolve("out")), "nothing is simulated from a broken inputs file");

		Files.writeString(broken, text.replaceFirst("\"porosity\": [0-9.eE-]+", "\"porosity\": 1.5"));
		r = Cli.cli("run", broken.toString(), "--out", tmp.resolve("out").toString());
		assertEquals(1, r.rc());
		assertTrue(r.err().contains("porosity 1.5 is outside [0,1)"), "checked like any input: " + r.err());

		Files.writeString(broken, "{ not json");
		r = Cli.cli("run", broken.toString());
		assertEquals(1, r.rc());
		assertTrue(r.err().contains("inputs.json: not valid JSON"), r.err());

		r = Cli.cli("run", tmp.resolve("nope/inputs.json").toString());
		assertEquals(1, r.rc());
		assertTrue(r.err().contains("nope/inputs.json: no such file"), r.err());
	}

	private static CellSpec withoutOcv(CellSpec c) {
		List<LayerSpec> layers = new ArrayList<>();
		for (LayerSpec l : c.layers()) {
			LayerSpec.Builder b = l.toBuilder().clearComponents();
			for (ComponentSpec cs : l.components())
				b.component(new MaterialSpec(cs.material().name(), cs.material().properties(), null), cs.massFraction());
			layers.add(b.build());
		}
		return c.toBuilder().layers(layers).build();
	}

	private static List<MaterialSpec> materials(CellSpec c) {
		List<MaterialSpec> out = new ArrayList<>();
		for (LayerSpec l : c.layers()) for (ComponentSpec cs : l.components()) out.add(cs.material());
		return out;
	}
}

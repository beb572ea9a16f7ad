package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;

import org.cellwright.run.Staleness;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.store.RunStore;
import org.cellwright.testing.Cli;
import org.cellwright.testing.PlatingCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kept run is out of date when its file, as saved now, resolves to other inputs: the experiment's inputs are
 * resolved again and hashed; a comment, a moved experiment or nothing changed leaves it current.
 */
class StalenessTest {
	@TempDir
	Path tmp;

	static String stale(Path runFolder) {
		RunFolder r = RunFolder.read(runFolder);
		return Staleness.of(r.summary().run(), runFolder);
	}

	@Test
	void aRunIsOutOfDateWhenItsFileResolvesToOtherInputsAndSaysWhatChanged() throws Exception {
		Path f = tmp.resolve("t.cell"), out = tmp.resolve("out");
		String sweep = "sweep Sw { experiment X vary stack-pressure in 5 MPa, 20 MPa }\n";
		Cli.write(f, PlatingCell.file("5 MPa") + sweep);
		Cli.Result r = Cli.cli("run", f.toString(), "--out", out.toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		Path x = RunStore.latest(out.resolve("X"));
		Path variant = RunStore.latest(out.resolve("Sw")).resolve("X-stack-pressure=20MPa");
		assertNull(stale(x), "the file as it ran");
		assertNull(stale(variant), "a sweep's run, its file as it ran");

		// a comment and a blank line above the experiment: the same inputs
		Cli.write(f, "// a note\n\n" + PlatingCell.file("5 MPa") + sweep);
		assertNull(stale(x), "comments and layout change no input");

		// the cell's stack pressure changed: out of date, saying what changed; the sweep sets its own pressure
		Cli.write(f, PlatingCell.file("20 MPa") + sweep);
		String why = stale(x);
		assertNotNull(why, "the inputs changed");
		assertTrue(why.startsWith("Out of date: the inputs in t.cell changed since this run (stack-pressure 5 MPa -> 20 MPa)"), why);
		assertNull(stale(variant), "the sweep's variant sets 20 MPa itself: still current");

		// the electrolyte's conductivity: every run of the file is out of date
		Cli.write(f, PlatingCell.file("5 MPa").replace("2.5 mS/cm", "1.0 mS/cm") + sweep);
		assertNotNull(stale(variant), "a material the sweep's runs use");

		// a syntax error; the experiment removed
		Cli.write(f, PlatingCell.file("5 MPa").replace("area = 0.785 cm2", "area = 0.785 cm2 oops") + sweep);
		assertTrue(stale(x).contains("has errors now"), stale(x));
		Cli.write(f, PlatingCell.file("5 MPa").replace("experiment X", "experiment Y") + sweep.replace("experiment X", "experiment Y"));
		assertEquals("Out of date: t.cell no longer runs X.", stale(x));
		java.nio.file.Files.delete(f);
		assertTrue(stale(x).startsWith("Out of date: t.cell, which this run ran, is gone"), stale(x));
	}

	/**
	 * The inputs' hash of the plating cell's experiment X (PlatingCell.file at 5 MPa) as its runs recorded it in session
	 * 24, before inputs.json's provenance named the protocols the experiment runs.
	 */
	static final String SESSION_24_HASH = "355243824dd6cf2d517a7d8aedec099e8795ff26f7337e900fd1697d411d30d1";

	/**
	 * The hash of an unchanged experiment is the one its runs recorded before session 25 kept the protocols' names (in
	 * inputs.json's provenance, outside the hash), so its runs made then are current. The solver's protocol is named
	 * after the run, and that name is hashed: naming it after the protocols instead (the report wanted their names)
	 * changed every run's hash and marked every kept run out of date. A protocol renamed, its steps the same, leaves the
	 * runs current too: its name is a record of the run, not an input.
	 */
	@Test
	void theHashOfAnUnchangedExperimentIsTheOneItsRunsRecordedBeforeAndAProtocolsNameIsNoInput() throws Exception {
		Path f = tmp.resolve("t.cell");
		// the particle shells the default had in session 24 (24; 32 since session 30) and its output interval (60 s; since
		// session 36 this protocol's plating for 1 h and stripping for 2 h take 72 and 144 s): the default solver
		// settings are inputs, so since the default changed the file without a solver block resolves to other inputs,
		// its hash is another and its session-24 runs are out of date; with the shells and the interval set, its inputs
		// are session 24's
		String session24 = PlatingCell.file("5 MPa").replace("experiment X { cell C protocol P ",
				"experiment X { cell C protocol P solver { particle-nodes = 24  output-interval = 60 s } ");
		Cli.write(f, session24);
		assertEquals(0, Cli.cli("run", f.toString(), "--out", tmp.resolve("out").toString()).rc());
		Path x = RunStore.latest(tmp.resolve("out").resolve("X"));
		assertEquals(SESSION_24_HASH, RunFolder.read(x).summary().run().inputsHash(), "the hash a run of this file recorded in session 24");
		// as a run made in session 24: its inputs.json names no protocols
		com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(
				java.nio.file.Files.readString(x.resolve("inputs.json"))).getAsJsonObject();
		json.getAsJsonObject("provenance").remove("protocols");
		java.nio.file.Files.writeString(x.resolve("inputs.json"), json.toString());
		assertNull(stale(x), "current");

		// the protocol renamed, its steps the same: current, and a new run has the same hash
		Cli.write(f, session24.replace("protocol P ", "protocol Plating "));
		assertNull(stale(x), "a protocol's name is no input");
		assertEquals(0, Cli.cli("run", f.toString(), "--out", tmp.resolve("again").toString()).rc());
		assertEquals(SESSION_24_HASH, RunFolder.read(RunStore.latest(tmp.resolve("again").resolve("X"))).summary().run().inputsHash());
	}

	/**
	 * A run made before session 31 took 32 particle shells where its protocol now takes 20 (ParticleShells): its file is
	 * unchanged, so "the inputs in t.cell changed" was wrong. It is out of date all the same (the shells are an input of
	 * the solve: running it again changes its numbers, by the mesh's error), and says so in plain words (rev32). Where
	 * the file sets the shells itself, a change of them is the file's, said as before.
	 */
	@Test
	void aRunThatTookOtherParticleShellsThanTheProtocolNowChoosesSaysTheFileIsUnchanged() throws Exception {
		Path f = tmp.resolve("t.cell");
		Cli.write(f, PlatingCell.file("5 MPa"));
		assertEquals(0, Cli.cli("run", f.toString(), "--out", tmp.resolve("out").toString()).rc());
		Path x = RunStore.latest(tmp.resolve("out").resolve("X"));
		assertNull(stale(x), "current");
		asMadeWith32Shells(x);
		String why = stale(x);
		assertNotNull(why, "running it again changes its numbers");
		assertTrue(why.startsWith("Out of date: t.cell is as this run ran it, but CellWright now takes 20 particle shells for its protocol"
				+ " where this run took 32"), why);
		assertFalse(why.contains("changed since this run"), why);

		// the file sets 20 shells itself: the file's change, named as every other; 20 is what the solver chooses, so the
		// inputs say the mesh is set (a run on the solver's choice may be re-run on a finer mesh, one set is not: session 39)
		Cli.write(f, PlatingCell.file("5 MPa").replace("experiment X { cell C protocol P ", "experiment X { cell C protocol P solver { particle-nodes = 20 } "));
		assertTrue(stale(x).startsWith("Out of date: the inputs in t.cell changed since this run (solver particle-nodes 32 -> 20;"
				+ " the solver mesh, set in the solver block (was: chosen from the protocol))"), stale(x));
	}

	/**
	 * A run made before session 33 of a protocol whose particle profiles are the steepest (a solid-state cell with a
	 * cathode, discharged at 9 mA/cm2: diffusion number 1.5) took 32 shells, where the protocol now takes 48
	 * (ParticleShells' third tier): out of date, its file unchanged, and the message names the rule's three tiers and
	 * what 48 shells gain.
	 */
	@Test
	void aSteepRunMadeWith32ShellsWhereItsProtocolNowTakes48SaysSo() throws Exception {
		Path x = steepRun("s", "particle_nodes", 48);
		assertNull(stale(x), "current");
		asMadeWith32Shells(x);
		String why = stale(x);
		assertNotNull(why, "running it again changes its numbers");
		assertEquals("Out of date: s.cell is as this run ran it, but CellWright now takes 48 particle shells for its protocol where this run"
				+ " took 32 (the file leaves them to the protocol: gentle currents take 20, steep or cold ones 32, the steepest and those whose"
				+ " ohmic drop across the cathode exceeds 6.5 RT/F 48, those where it exceeds 7.5 RT/F 80; earlier versions took 32 where this"
				+ " rule takes 20 or 48, and 48 where it takes 80): running it again changes its numbers by the particle mesh's error only (48"
				+ " shells are within 0.53 mV RMS and 0.090 % of the capacity of a fine reference run on every case measured).", why);
	}

	/**
	 * A run made before session 34 took 20 cathode control volumes for every protocol; the same steep file (the
	 * NCM-like composite at 9 mA/cm2: its electrolyte and solid drop about 6.9 RT/F across the layer) now takes 40
	 * (CathodeVolumes). Out of date, its file unchanged, and the message names the rule and what 40 volumes gain; where
	 * the shells moved too, both, in one sentence.
	 */
	@Test
	void aRunMadeWith20CathodeVolumesWhereItsProtocolNowTakes40SaysSo() throws Exception {
		Path x = steepRun("v", "cathode_nodes", 40);
		assertNull(stale(x), "current");
		asMadeWith(x, null, 20);
		assertEquals("Out of date: v.cell is as this run ran it, but CellWright now takes 40 cathode control volumes for its protocol where"
				+ " this run took 20 (the file leaves them to the protocol: currents whose ohmic drop across the cathode is at most 6.5 RT/F"
				+ " take 20 volumes, larger ones 40; earlier versions took 20 for every protocol): running it again changes its numbers by"
				+ " the cathode mesh's error only (40 volumes are within 0.07 % of the capacity of a fine reference run on the cold cases"
				+ " measured where the cell delivers a fifth of its capacity or more, and on the pulses of 0.55 C at -25 degC, where 20 were 0.12 % off).", stale(x));
		asMadeWith(x, 32, 20);
		assertEquals("Out of date: v.cell is as this run ran it, but CellWright now takes 48 particle shells and 40 cathode control volumes"
				+ " for its protocol where this run took 32 and 20 (the file leaves them to the protocol: gentle currents take 20 shells,"
				+ " steep or cold ones 32, the steepest and those whose ohmic drop across the cathode exceeds 6.5 RT/F 48, those where it"
				+ " exceeds 7.5 RT/F 80; earlier versions took 32 where this rule takes 20 or 48, and 48 where it takes 80; currents whose ohmic"
				+ " drop across the cathode is at most 6.5 RT/F take 20 volumes, larger ones 40; earlier versions took 20 for every"
				+ " protocol): running it again changes its numbers by the meshes' error only.", stale(x));
	}

	/**
	 * A run made before session 36 recorded one interval for the whole run (60 s before session 35, the shortest step's
	 * 50th in session 35): inputs.json's output_interval_s. Each step now takes its own (OutputInterval: 50 samples over
	 * its nominal duration), the steep file's 9 mA/cm2 for 10 min 12 s and the rest of 1 h after it 72 s: inputs.json
	 * records the rule, output_interval, and no output_interval_s. Out of date, its file unchanged, and the message says
	 * the samples moved, not the solution; with the shells moved too, both. Where the file sets the interval itself, a
	 * change of it is the file's, said as before.
	 */
	@Test
	void aRunSampledAtOneIntervalWhereEachStepNowTakesItsOwnSaysSo() throws Exception {
		Path x = steepRun("o", "particle_nodes", 48, "discharge at 9 mA/cm2 until 3.5 V for 10 min  rest for 1 h");
		com.google.gson.JsonObject settings = com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(x.resolve("inputs.json")))
				.getAsJsonObject().getAsJsonObject("solver_settings");
		assertEquals(org.cellwright.solver.OutputInterval.RULE, settings.get("output_interval").getAsString(), "the rule each step's interval is chosen by");
		assertFalse(settings.has("output_interval_s"), "no one interval for the run");
		asRecorded(x, "output_interval_s", 60);
		String sampling = "records each step's samples at the step's own interval where this run recorded one every 60 s (the file"
				+ " sets no output-interval: each step gets 50 samples over its nominal duration, at least 1 s apart, a step without one a"
				+ " sample every 60 s; earlier versions sampled a whole run at one interval, 60 s or its shortest step's)";
		assertEquals("Out of date: o.cell is as this run ran it, but CellWright now " + sampling
				+ ": running it again records the same solution at other times.", stale(x));
		asMadeWith(x, 32, null);
		String why = stale(x);
		assertTrue(why.startsWith("Out of date: o.cell is as this run ran it, but CellWright now takes 48 particle shells for its protocol"
				+ " where this run took 32"), why);
		assertTrue(why.endsWith(" It also " + sampling + "."), why);

		// the file sets 30 s itself: its own change of the interval, not the protocol's choice
		Path f = tmp.resolve("o.cell");
		Cli.write(f, java.nio.file.Files.readString(f).replace("experiment X { cell C protocol P }",
				"experiment X { cell C protocol P solver { output-interval = 30 s } }"));
		assertTrue(stale(x).startsWith("Out of date: the inputs"), stale(x));
		assertFalse(stale(x).contains("records each step's samples"), stale(x));

		// a single step of 10 min: 12 s, the one interval of the run (recorded as one), where a run before session 35 took 60 s
		Path one = steepRun("p", "particle_nodes", 48);
		assertEquals(12, com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(one.resolve("inputs.json"))).getAsJsonObject()
				.getAsJsonObject("solver_settings").get("output_interval_s").getAsDouble(), 1e-9, "every step of the protocol 12 s");
		asRecorded(one, "output_interval_s", 60);
		assertEquals("Out of date: p.cell is as this run ran it, but CellWright now records a sample every 12 s for its protocol where"
				+ " this run recorded one every 60 s (the file sets no output-interval: each step gets 50 samples over its nominal"
				+ " duration, at least 1 s apart, a step without one a sample every 60 s; earlier versions sampled a whole run at one"
				+ " interval, 60 s or its shortest step's):"
				+ " running it again records the same solution at other times.", stale(one));
	}

	/**
	 * Runs the steep file NAME.cell (an NCM-like composite discharged at 9 mA/cm2: diffusion number 1.5, its
	 * electrolyte and solid drop about 6.9 RT/F across the layer, between CathodeVolumes' bound of 6.5 and the 7.5 above
	 * which ParticleShells takes 80 shells since session 35: at 10 mA/cm2, 7.7 RT/F, it took 80) and returns its run folder, whose inputs.json records
	 * the mesh the protocol took: key (particle_nodes or cathode_nodes) is expected.
	 */
	private Path steepRun(String name, String key, int expected) throws Exception {
		return steepRun(name, key, expected, "discharge at 9 mA/cm2 until 3.5 V for 10 min");
	}

	/** {@link #steepRun(String, String, int)} through the protocol of these steps. */
	private Path steepRun(String name, String key, int expected, String steps) throws Exception {
		Path f = tmp.resolve(name + ".cell");
		Cli.write(f, "package " + name + "\nimport cellwright.materials.*\n"
				+ org.cellwright.testing.SolidStateCell.material("Ncm", "51765 mol/m3", "exchange-current-density = 0.9 A/m2", "0.4",
						"4.3 - 0.9 * x - 0.05 * exp(-30 * (1 - x))")
				+ org.cellwright.testing.SolidStateCell.composite("Mix", "Ncm") + org.cellwright.testing.SolidStateCell.cell("C", "Mix")
				+ "protocol P { " + steps + " }\nexperiment X { cell C protocol P }\n");
		Cli.Result r = Cli.cli("run", f.toString(), "--out", tmp.resolve("out").toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		Path x = RunStore.latest(tmp.resolve("out").resolve("X"));
		assertEquals(expected, com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(x.resolve("inputs.json"))).getAsJsonObject()
				.getAsJsonObject("solver_settings").get(key).getAsInt(), "the mesh the protocol takes: " + key);
		return x;
	}

	/** The run's inputs.json and inputs hash as a run of the same file made with 32 particle shells records them. */
	private static void asMadeWith32Shells(Path run) throws Exception {
		asMadeWith(run, 32, null);
	}

	/** The run's inputs.json and inputs hash as a run of the same file made with these shells and cathode volumes (null: as recorded). */
	private static void asMadeWith(Path run, Integer shells, Integer volumes) throws Exception {
		if (shells != null) asRecorded(run, "particle_nodes", shells);
		if (volumes != null) asRecorded(run, "cathode_nodes", volumes);
	}

	/** The run's inputs.json and inputs hash as a run of the same file made with this solver setting (inputs.json's key) records them. */
	private static void asRecorded(Path run, String key, Number value) throws Exception {
		com.google.gson.JsonObject in = com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(run.resolve("inputs.json"))).getAsJsonObject();
		in.getAsJsonObject("solver_settings").addProperty(key, value);
		java.nio.file.Files.writeString(run.resolve("inputs.json"), in.toString());
		String hash = org.cellwright.run.RunWriter.hash(org.cellwright.solver.input.json.InputsJson.parse(in.toString(), "inputs.json",
				org.cellwright.solver.input.json.InputsJson.Purpose.RECORD));
		com.google.gson.JsonObject summary = com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(run.resolve("summary.json"))).getAsJsonObject();
		summary.getAsJsonObject("run").addProperty("inputs_hash", hash);
		java.nio.file.Files.writeString(run.resolve("summary.json"), summary.toString());
	}

	/**
	 * Changing a value in an imported file (Cell3's stack pressure in half-cells.cell) said "the inputs in
	 * experiments.cell changed", the file of the experiment. The message names the file whose content changed: a cell's
	 * value where the cell of the extends chain writes it, a material's where the material is, the protocol's file.
	 */
	@Test
	void theMessageNamesTheFileWhoseContentChangedNotTheExperimentsFile() throws Exception {
		Path cells = tmp.resolve("cells.cell"), exp = tmp.resolve("exp.cell"), out = tmp.resolve("out");
		String experiments = "package u\nimport t.*\n" + PlatingCell.protocol("0.1 mA/cm2")
				+ "cell D extends C { temperature = 25 degC }\nexperiment X { cell D protocol P }\n";
		Cli.write(cells, PlatingCell.cell("t", "2.5 mS/cm", "5 MPa"));
		Cli.write(exp, experiments);
		Cli.Result r = Cli.cli("run", exp.toString(), "--out", out.toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		Path x = RunStore.latest(out.resolve("X"));
		assertNull(stale(x), "the files as they ran");

		// the stack pressure of C (which D extends) in cells.cell
		Cli.write(cells, PlatingCell.cell("t", "2.5 mS/cm", "20 MPa"));
		assertTrue(stale(x).startsWith("Out of date: the inputs in cells.cell changed since this run (stack-pressure 5 MPa -> 20 MPa)"), stale(x));
		// a material of cells.cell
		Cli.write(cells, PlatingCell.cell("t", "1.0 mS/cm", "5 MPa"));
		assertTrue(stale(x).startsWith("Out of date: the inputs in cells.cell changed"), stale(x));
		// D's own temperature, and the protocol, in exp.cell
		Cli.write(cells, PlatingCell.cell("t", "2.5 mS/cm", "5 MPa"));
		Cli.write(exp, experiments.replace("temperature = 25 degC", "temperature = 35 degC"));
		assertTrue(stale(x).startsWith("Out of date: the inputs in exp.cell changed"), stale(x));
		Cli.write(exp, experiments.replace("until 0.2 V", "until 0.3 V"));
		assertTrue(stale(x).startsWith("Out of date: the inputs in exp.cell changed"), stale(x));
		// both files
		Cli.write(cells, PlatingCell.cell("t", "2.5 mS/cm", "20 MPa"));
		assertTrue(stale(x).startsWith("Out of date: the inputs in cells.cell and exp.cell changed")
				|| stale(x).startsWith("Out of date: the inputs in exp.cell and cells.cell changed"), stale(x));
	}

	static org.cellwright.run.folder.Summary.Run withSource(org.cellwright.run.folder.Summary.Run r, String source) {
		return new org.cellwright.run.folder.Summary.Run(r.id(), r.name(), r.experiment(), r.partial(), r.interruption(), r.started(),
				r.finished(), r.seconds(), r.version(), r.inputsHash(), source, r.sourceLine());
	}

	/**
	 * A run records its source relative to its own run folder (summary.json {@code run.source_file}, with {@code
	 * run.source_relative_to: "run-folder"}), not relative to the folder the process was started from: an IDE started
	 * above its workspace recorded "proj/t.cell", which another IDE (or the command line) started elsewhere could not
	 * find. Read back, the source is absolute, found whatever the reader's working folder.
	 */
	@Test
	void aRunRecordsItsSourceRelativeToItsRunFolderWhateverTheWorkingFolder() throws Exception {
		Path f = tmp.resolve("proj").resolve("t.cell");
		Path x = ranAboveItsProject(f);
		namesTheSourceRelativeToItsRunFolder(x, "summary.json", "run");
		assertEquals(f.toAbsolutePath().normalize().toString(), RunFolder.read(x).summary().run().sourceFile());
		// read by a process started elsewhere: found, and out of date once the file changes
		assertNull(stale(x));
		Cli.write(f, PlatingCell.file("20 MPa"));
		assertNotNull(stale(x), "found from another working folder, and out of date");
		// the project moved whole: the record moves with it
		Path moved = java.nio.file.Files.move(tmp.resolve("proj"), tmp.resolve("moved"));
		Path y = moved.resolve("results").resolve("t").resolve("X").resolve(x.getFileName());
		assertEquals(moved.resolve("t.cell").toString(), RunFolder.read(y).summary().run().sourceFile());
		assertNotNull(stale(y), "the moved file, found");
	}

	private String cwd;

	@org.junit.jupiter.api.BeforeEach
	void keepTheWorkingFolder() {
		cwd = System.getProperty("cellwright.cwd");
	}

	@org.junit.jupiter.api.AfterEach
	void restoreTheWorkingFolder() {
		if (cwd == null) System.clearProperty("cellwright.cwd");
		else System.setProperty("cellwright.cwd", cwd);
	}

	/**
	 * Runs f (5 MPa), which lies in tmp/proj/, into proj/results/t by a process started above the project (tmp), as an
	 * IDE started above its workspace; then this process's working folder is elsewhere (tmp/elsewhere). The run.
	 */
	private Path ranAboveItsProject(Path f) throws Exception {
		Path out = tmp.resolve("proj").resolve("results").resolve("t");
		Cli.write(f, PlatingCell.file("5 MPa"));
		System.setProperty("cellwright.cwd", tmp.toString());
		assertEquals(0, Cli.cli("run", f.toString(), "--out", out.toString()).rc());
		System.setProperty("cellwright.cwd", java.nio.file.Files.createDirectories(tmp.resolve("elsewhere")).toString());
		return RunStore.latest(out.resolve("X"));
	}

	/** The member of a JSON file of the run folder x, as written. */
	private static com.google.gson.JsonObject record(Path x, String file, String member) throws Exception {
		return com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(x.resolve(file))).getAsJsonObject().getAsJsonObject(member);
	}

	/** The record {@code file}'s {@code member} of run folder x names t.cell relative to x, marked so. */
	private static void namesTheSourceRelativeToItsRunFolder(Path x, String file, String member) throws Exception {
		com.google.gson.JsonObject r = record(x, file, member);
		assertEquals("../../../../t.cell", r.get("source_file").getAsString(), r.toString());
		assertEquals("run-folder", r.get("source_relative_to").getAsString(), r.toString());
	}

	/**
	 * inputs.json's {@code provenance.source_file} is named relative to the run folder as summary.json's is (it was
	 * relative to the working folder of the process that ran it, "proj/t.cell", which the report showed as "defined in"
	 * and a re-run from the inputs.json, started elsewhere, carried on unfindable): read back it is the file,
	 * absolute, from any working folder; the report's "defined in" names it; a re-run from the inputs.json started
	 * elsewhere records the same file, found, and out of date when it changes.
	 */
	@Test
	void inputsJsonNamesItsSourceRelativeToItsRunFolderAndAReRunFromItFindsIt() throws Exception {
		Path f = tmp.resolve("proj").resolve("t.cell");
		Path x = ranAboveItsProject(f);
		namesTheSourceRelativeToItsRunFolder(x, "inputs.json", "provenance");
		// read by a process started elsewhere
		String file = f.toAbsolutePath().normalize().toString();
		assertEquals(file, RunFolder.read(x).inputs().provenance().sourceFile());
		org.cellwright.report.RunReport.write(x);
		String html = java.nio.file.Files.readString(x.resolve("report.html"));
		assertTrue(html.contains("defined in <code>" + file + ":"), html.substring(0, Math.min(html.length(), 2000)));
		// re-run from the inputs.json, started elsewhere: the run records the file, found and compared
		Path again = tmp.resolve("again");
		Cli.Result r = Cli.cli("run", x.resolve("inputs.json").toString(), "--out", again.toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		Path y = RunStore.latest(again.resolve("X"));
		assertEquals(file, RunFolder.read(y).summary().run().sourceFile());
		assertEquals(file, RunFolder.read(y).inputs().provenance().sourceFile());
		assertNull(stale(y));
		Cli.write(f, PlatingCell.file("20 MPa"));
		assertNotNull(stale(y), "the re-run's source found from another working folder, and out of date");
	}

	/**
	 * An inputs.json written before it named its source relative to the run folder is read as recorded (relative to
	 * the working folder of the process that ran it).
	 */
	@Test
	void anInputsJsonWrittenBeforeIsReadAsRecorded() throws Exception {
		Path f = tmp.resolve("t.cell"), out = tmp.resolve("runs");
		Cli.write(f, PlatingCell.file("5 MPa"));
		assertEquals(0, Cli.cli("run", f.toString(), "--out", out.toString()).rc());
		Path x = RunStore.latest(out.resolve("X"));
		com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(
				java.nio.file.Files.readString(x.resolve("inputs.json"))).getAsJsonObject();
		json.getAsJsonObject("provenance").addProperty("source_file", "proj/t.cell");
		json.getAsJsonObject("provenance").remove("source_relative_to");
		java.nio.file.Files.writeString(x.resolve("inputs.json"), json.toString());
		assertEquals("proj/t.cell", RunFolder.read(x).inputs().provenance().sourceFile());
	}

	/**
	 * A run written before summary.json named its source relative to the run folder names it relative to the working
	 * folder of the process that ran it (as the IDE's tests did, and an IDE started above its workspace); found, and
	 * said to be gone when it is renamed.
	 */
	@Test
	void aSourceNamedRelativeToTheWorkingFolderIsFound() throws Exception {
		Path here = Path.of("").toAbsolutePath();
		Path dir = java.nio.file.Files.createTempDirectory(here.resolve("target"), "stale");
		try {
			Path f = dir.resolve("t.cell"), out = dir.resolve("out");
			Cli.write(f, PlatingCell.file("5 MPa"));
			assertEquals(0, Cli.cli("run", f.toString(), "--out", out.toString()).rc());
			Path x = RunStore.latest(out.resolve("X"));
			// as a run written before summary.json named its source relative to the run folder
			String source = here.relativize(f).toString();
			com.google.gson.JsonObject json = RunFolder.read(x).summary().json();
			json.getAsJsonObject("run").addProperty("source_file", source);
			java.nio.file.Files.writeString(x.resolve("summary.json"), json.toString());
			assertEquals(source, RunFolder.read(x).summary().run().sourceFile(), "as recorded");
			assertNull(stale(x));
			Cli.write(f, PlatingCell.file("20 MPa"));
			assertNotNull(stale(x), "found and out of date");
			// the file renamed: its folder is here, the file is not (this said nothing: a source named relatively and
			// not found was taken for one of another working folder)
			java.nio.file.Files.move(f, dir.resolve("renamed.cell"));
			assertNotNull(stale(x), "a renamed file is no longer what the run ran");
			assertTrue(stale(x).startsWith("Out of date: t.cell, which this run ran, is gone"), stale(x));
			// named relative to another working folder: neither the file nor its folder here, nothing is told
			String elsewhere = source.replace(dir.getFileName().toString(), dir.getFileName() + "-elsewhere");
			assertNull(Staleness.of(withSource(RunFolder.read(x).summary().run(), elsewhere), x), elsewhere);
		} finally {
			org.cellwright.lang.files.FileTrees.deleteTree(dir);
		}
	}
}

package org.cellwright.cli.tests;

import static org.cellwright.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.run.CellFiles;
import org.cellwright.testing.Cli.Result;
import org.cellwright.testing.SolidStateCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The command line as a user meets it: a run writes results; bad input ends in one located line, no stack trace. */
class CliTest {

	@TempDir Path tmp;

	/**
	 * The latest run of an experiment (or "sweep/variant") in a results folder of the run store:
	 * {@code out/<experiment>/latest}, {@code out/<sweep>/latest/<variant>}.
	 */
	static Path latest(Path out, String name) {
		int slash = name.indexOf('/');
		if (slash < 0) return out.resolve(name).resolve("latest");
		return out.resolve(name.substring(0, slash)).resolve("latest").resolve(name.substring(slash + 1));
	}

	static Path examples() {
		String dir = System.getProperty("cellwright.examples");
		assertNotNull(dir, "system property cellwright.examples (set in the pom) names the examples folder");
		return Path.of(dir).toAbsolutePath().normalize();
	}

	/** The .cell files of a folder of the examples ("sung2023"), loaded; none has an error. */
	static CellFiles exampleFiles(String folder) {
		CellFiles files = CellFiles.load(CellFiles.collect(examples().resolve(folder)));
		assertFalse(files.hasErrors(), files.problems().toString());
		return files;
	}

	@Test
	void runWritesTimeSeriesCyclesAndSummary() throws Exception {
		Path example = examples().resolve("baseline-halfcell.cell");
		Result r = cli("run", example.toString(), "--out", tmp.toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		assertTrue(r.out().contains("FirstCycle: COMPLETED"), r.out());
		Path run = latest(tmp, "FirstCycle");
		List<String> ts = Files.readAllLines(run.resolve("timeseries.csv"));
		assertTrue(ts.get(0).startsWith("time_h,"), ts.get(0));
		assertTrue(ts.size() > 20, "a voltage curve, not a few points: " + ts.size());
		JsonObject summary = JsonParser.parseString(Files.readString(run.resolve("summary.json"))).getAsJsonObject();
		assertEquals("COMPLETED", summary.get("status").getAsString());
		JsonObject first = summary.getAsJsonArray("cycles").get(0).getAsJsonObject();
		// 0.1 mA/cm2 for 10 h plates 1.0 mAh/cm2 on the steel (the protocol's own arithmetic)
		assertEquals(1.0, first.get("discharge_mAh_cm2").getAsDouble(), 1e-3);
		double ce = first.get("coulombic_efficiency").getAsDouble();
		assertTrue(ce > 0 && ce <= 1.0 + 1e-9, "Coulombic efficiency of a plating/stripping cycle is at most 1: " + ce);
	}

	/**
	 * A cycle that ran in one direction only (plating alone) has no Coulombic efficiency, and every output says so the
	 * same way: an empty cell of cycles.csv, null in summary.json, "-" in run's summary (with the report's words for why) and in runs (before, cycles.csv,
	 * summary.json and runs recorded 0 while run printed "-"). Its charge capacity, 0, is printed as recorded.
	 */
	@Test
	void aOneDirectionCycleHasNoEfficiencyInTheFilesAndThePrintedSummaryAlike() throws Exception {
		String text = Files.readString(examples().resolve("baseline-halfcell.cell"));
		String plating = text.replaceAll("(?m)^\\s*charge at 0\\.1 mA/cm2 until 0\\.2 V.*\\n", "").replaceAll("(?m)^\\s*expect .*\\n", "");
		assertNotEquals(text, plating);
		Path f = Files.writeString(tmp.resolve("plating.cell"), plating);
		Path out = tmp.resolve("out");
		Result r = cli("run", f.toString(), "--out", out.toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		assertTrue(r.out().contains("cycles: 1; cycle 1: charge 0.000, discharge 1.000 mAh/cm2, CE - (one direction only)"), r.out()); // why, as the report's key numbers say
		Path run = latest(out, "FirstCycle");
		List<String> cycles = Files.readAllLines(run.resolve("cycles.csv"));
		List<String> header = List.of(cycles.get(0).split(","));
		String[] first = cycles.get(1).split(",", -1);
		assertEquals("", first[header.indexOf("coulombic_efficiency")], "no efficiency recorded: " + cycles.get(1));
		assertEquals(0, Double.parseDouble(first[header.indexOf("charge_mAh_cm2")]), "nothing stripped: " + cycles.get(1));
		JsonObject c = JsonParser.parseString(Files.readString(run.resolve("summary.json"))).getAsJsonObject().getAsJsonArray("cycles").get(0)
				.getAsJsonObject();
		assertTrue(c.get("coulombic_efficiency").isJsonNull(), c.toString());
		Result runs = cli("runs", out.toString());
		assertEquals(0, runs.rc(), runs.out() + runs.err());
		assertTrue(runs.out().lines().anyMatch(l -> l.contains("FirstCycle") && l.matches(".*1\\.000 mAh/cm2 +- .*")), runs.out());
	}

	@Test
	void missingFileIsOneLine() {
		Result r = cli("run", tmp.resolve("nope.cell").toString());
		assertEquals(1, r.rc());
		assertTrue(r.err().contains("nope.cell: no such file"), r.err());
		assertEquals(1, r.err().strip().lines().count(), r.err());
	}

	@Test
	void syntaxErrorNamesFileLineAndColumn() throws Exception {
		Path f = tmp.resolve("syntax.cell");
		Files.writeString(f, "package bad\nmaterial X is solid-electrolyte {\n  density = 1.64 g/cm3\n  oops oops\n}\n");
		Result r = cli("run", f.toString());
		assertEquals(1, r.rc());
		assertTrue(r.err().lines().anyMatch(l -> l.matches(".*syntax\\.cell:4:\\d+: error: .*")), r.err());
		assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
		assertFalse(Files.exists(tmp.resolve("results")), "nothing is simulated from a broken file");
	}

	@Test
	void unknownUnitNamesFileLineAndColumn() throws Exception {
		Path f = tmp.resolve("units.cell");
		Files.writeString(f, """
				package bad
				material Y is solid-electrolyte { ionic-conductivity = 2 mS/cm }
				material L is lithium-metal { density = 0.534 g/cm3 }
				cell C { area = 1 cm2
				  layer s: Y 700 furlongs
				  layer l: L 30 um }
				protocol P { discharge at 0.1 mA/cm2 for 1 h }
				experiment E { cell C protocol P }
				""");
		Result r = cli("run", f.toString(), "--out", tmp.resolve("out").toString());
		assertEquals(1, r.rc(), r.out() + r.err());
		assertTrue(r.err().lines().anyMatch(l -> l.matches(".*units\\.cell:5:\\d+: error: .*furlongs.*")), r.err());
		assertFalse(r.err().contains("Exception"), r.err());
	}

	@Test
	void checkAcceptsTheExamples() {
		Result r = cli("check", examples().toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		assertTrue(r.out().contains("0 error(s)"), r.out());
	}

	/** One file of a folder of files that import each other is checked as `run` loads it: with its neighbours. */
	@Test
	void checkingOneFileResolvesItsNeighboursAndReportsOnlyIt() throws Exception {
		Path f = examples().resolve("sung2023/experiments.cell");
		Result r = cli("check", f.toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		assertTrue(r.out().contains("1 file(s) checked: 0 error(s), 0 warning(s)"), r.out());
		// its neighbours' warnings (Li on LPSCl in half-cells.cell) are theirs, not this file's
		assertFalse(r.out().contains("half-cells.cell"), r.out());
	}

	@Test
	void checkReportsErrorsCompilerStyleWithExitCode1() throws Exception {
		Path f = tmp.resolve("ref.cell");
		Files.writeString(f, "package p\ncell C {\n  layer a: Missing 10 um\n}\n");
		Result r = cli("check", f.toString());
		assertEquals(1, r.rc(), r.out());
		assertTrue(r.out().lines().anyMatch(l -> l.matches(".*ref\\.cell:3:\\d+: error: .*Missing.*")), r.out());
	}

	/**
	 * An exchange current written as a function of the state runs in a solid-state cell too, as a law of cs, x, cmax
	 * and T; a law of ce (the salt concentration a solid electrolyte does not have) is refused by `check` at the
	 * variable, saying what to write instead, and `run` refuses it the same way (issue 14; `run` once said "a value is
	 * missing"). Without ce the same cell runs.
	 */
	@Test
	void aSolidStateExchangeCurrentFunctionOfCeIsRefusedByCheckAtTheVariable() throws Exception {
		Path f = tmp.resolve("ssfn.cell");
		Files.writeString(f, "package ssfn\nimport cellwright.materials.*\n"
				+ SolidStateCell.withLaw("function A/m2 = 1e-5 * ce^0.5 * cs^0.5 * (cmax - cs)^0.5")
				+ "protocol P { discharge at 0.1 mA/cm2 until 3 V }\nexperiment E { cell SolidFn protocol P }\n");
		Result r = cli("check", f.toString());
		assertEquals(1, r.rc(), r.out() + r.err());
		assertTrue(r.out().lines().anyMatch(l -> l.matches(".*ssfn\\.cell:8:\\d+: error: exchange-current-density of NcmFn uses ce, the electrolyte's "
				+ "salt concentration, as a function of the state, but cell SolidFn has a solid electrolyte.*cs, x, cmax and T.*")), r.out());
		Result run = cli("run", f.toString(), "--out", tmp.resolve("out").toString());
		assertEquals(1, run.rc(), run.out() + run.err());
		assertTrue((run.out() + run.err()).contains("uses ce"), run.out() + run.err());
		assertFalse((run.out() + run.err()).contains("a value is missing"), run.out() + run.err());
		// without ce (a prefactor holding the fixed electrolyte concentration) the cell checks clean and runs
		Files.writeString(f, Files.readString(f).replace("1e-5 * ce^0.5 * cs^0.5", "3e-4 * cs^0.5"));
		Result ok = cli("check", f.toString());
		assertEquals(0, ok.rc(), ok.out() + ok.err());
		Result ran = cli("run", f.toString(), "--out", tmp.resolve("out2").toString());
		assertEquals(0, ran.rc(), ran.out() + ran.err());
		// the same law with ce in a DFN cell (examples/chen2020-halfcell.cell writes one) is clean: checkAcceptsTheExamples
	}

	/** `check` of a copy of a built-in library file says so once, at the package, not "also defined in" at every element (audit item 8). */
	@Test
	void checkingACopyOfTheBuiltInLibrarySaysSo() throws Exception {
		Path f = tmp.resolve("chen2020.cell");
		Files.copy(examples().getParent().resolve("bundles/org.cellwright.library/library/cellwright/chen2020.cell"), f);
		Result r = cli("check", f.toString());
		assertEquals(1, r.rc(), r.out() + r.err());
		assertTrue(r.out().contains("error: this file is the built-in library cellwright.sets.chen2020 (chen2020.cell)"), r.out());
		assertTrue(r.out().contains("extends Chen2020LGM50"), r.out());
		assertFalse(r.out().contains("also defined in"), r.out());
	}

	/** Li | SE | Li with an interphase 10^4 x more resistive than the study's: stripping cannot pass 1 A/m2 within 0.2 V. */
	private static final String STARVED = """
				package starved
				import cellwright.materials.*
				material Resistive is solid-electrolyte {
				  ionic-conductivity = 2.5 mS/cm
				  interphase-growth-constant = 1.2e-20 m2/s
				  interphase-conductivity = 1e-9 S/m
				  interphase-lithium-content = 8.0e4 mol/m3
				}
				cell C { area = 1 cm2 stack-pressure = 34 MPa
				  layer a: Li 100 um
				  layer s: Resistive 500 um
				  layer b: Li 100 um }
				protocol P { repeat 2 { discharge at 0.1 mA/cm2 for 1 h
				  charge at 0.1 mA/cm2 until 0.2 V for 2 h } }
				experiment E { cell C protocol P }
				""";

	@Test
	void aStrippingStepThatStallsAtItsCutOffIsPrintedAsAWarningOfACompletedRun() throws Exception {
		Path f = tmp.resolve("starved.cell");
		Files.writeString(f, STARVED);
		Result r = cli("run", f.toString(), "--out", tmp.resolve("out").toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		assertTrue(r.out().contains("E: COMPLETED"), r.out());
		assertTrue(r.out().lines().anyMatch(l -> l.matches(" +STEP_END: warning: cycle 1, step 1\\.2 \\(line 14\\) \\(voltage-cutoff at [^)]*\\): the stripping step ended at its voltage cut-off "
				+ "0.200 V .*dominant overpotential: interphase \\(eta_interphase_V = .*")), r.out());
		// the step the warning names, "step 1.2 (line 14)" (the stripping in the repeat: StepNumbers), is the report's step
		// 1.2 and summary.json's; walk30: the warning said "step 1", timeseries.csv's index from 0, which no list showed
		Path run = latest(tmp.resolve("out"), "E");
		String report = Files.readString(run.resolve("report.html"));
		assertTrue(report.contains("<span class=\"step-number\">1.2</span> charge at 0.1 mA/cm\u00b2 until V \u2265 0.2 V or for 2 h"
				+ " <span class=\"step-place\">(line 14)</span>"), report.substring(report.indexOf("id=\"protocol\"")));
		JsonObject s = JsonParser.parseString(Files.readString(run.resolve("summary.json"))).getAsJsonObject();
		JsonObject stripping = s.getAsJsonArray("cycles").get(0).getAsJsonObject().getAsJsonArray("steps").get(1).getAsJsonObject();
		assertEquals("1.2", stripping.get("number").getAsString(), stripping.toString());
		assertEquals(1, stripping.get("step").getAsInt(), "timeseries.csv's index, as before");
	}

	/**
	 * A re-run from the run's inputs.json prints the run's end as the run of the .cell file does (the one printing,
	 * RunCommand.printSummary): its cycles, the stripping step's STEP_END warning, and its files with report.html and
	 * mechanism-map.csv; its first line names the file and line it came from. Before (session 32) it printed the status
	 * line alone and a list of files without either.
	 */
	@Test
	void aReRunFromInputsJsonPrintsTheRunsEndAsTheCellFilesRunDoes() throws Exception {
		Path f = tmp.resolve("starved.cell");
		Files.writeString(f, STARVED);
		Result first = cli("run", f.toString(), "--out", tmp.resolve("a").toString());
		assertEquals(0, first.rc(), first.out() + first.err());
		Path run = latest(tmp.resolve("a"), "E");
		Result again = cli("run", run.resolve("inputs.json").toString(), "--out", tmp.resolve("b").toString());
		assertEquals(0, again.rc(), again.out() + again.err());
		Path rerun = latest(tmp.resolve("b"), "E");
		assertTrue(again.out().lines().anyMatch(l -> l.matches("E \\(from .*starved\\.cell:[0-9]+\\): COMPLETED in [0-9.]+ s")), again.out());
		// the lines below the status, the folder aside, are the .cell run's, line by line
		java.util.function.Function<Result, List<String>> end = res -> res.out().lines()
				.filter(l -> l.startsWith("  ")).map(l -> l.replaceFirst("^  results: \\S+/ \\(", "  results: RUN/ (")).toList();
		List<String> printed = end.apply(first), reprinted = end.apply(again);
		assertTrue(printed.stream().anyMatch(l -> l.startsWith("  cycles: 2; cycle 1: charge ")), first.out());
		assertTrue(printed.stream().anyMatch(l -> l.startsWith("  STEP_END: warning: cycle 1, step 1.2 (line 14)")), first.out());
		assertTrue(printed.contains("  results: RUN/ (report.html, timeseries.csv, cycles.csv, summary.json, checks.json, inputs.json, mechanism-map.csv)"),
				first.out());
		assertEquals(printed, reprinted, again.out());
		assertTrue(Files.isRegularFile(rerun.resolve("report.html")) && Files.isRegularFile(rerun.resolve("mechanism-map.csv")), rerun.toString());
	}

	/**
	 * The run's printed summary gives the capacity retention as the report's key number does, in the same words
	 * (CapacityRetention): its reference cycles and, where the reference discharge followed another charge than the
	 * last's, "after another charge" (summary.json's capacity_retention_cycles.same_charge false). Here a CC cycle, then
	 * a CC-CV one (the same charge held at its cut-off): cycle 2's discharge over cycle 1's, after another charge. A run
	 * with a single discharge has no retention and prints none; one of two discharges at different rates has none and
	 * prints "none (" and why ")" (session 39: nothing). Before (session 23) only the report and summary.json gave it.
	 */
	@Test
	void theRunSummaryPrintsTheCapacityRetentionWithItsReferenceAsTheReportDoes() throws Exception {
		String cell = "package ret\nimport cellwright.materials.*\n" + SolidStateCell.withLaw("0.9 A/m2");
		Path f = Files.writeString(tmp.resolve("ret.cell"), cell + """
				protocol P { charge at 0.5 C until 4.1 V
				  discharge at 0.5 C until 3.5 V
				  charge at 0.5 C until 4.1 V
				  hold at 4.1 V for 10 min
				  discharge at 0.5 C until 3.5 V }
				experiment E { cell SolidFn protocol P }
				""");
		Path out = tmp.resolve("out");
		Result r = cli("run", f.toString(), "--out", out.toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		Path run = latest(out, "E");
		JsonObject s = JsonParser.parseString(Files.readString(run.resolve("summary.json"))).getAsJsonObject();
		JsonObject rc = s.getAsJsonObject("capacity_retention_cycles");
		assertFalse(rc.get("same_charge").getAsBoolean(), rc.toString());
		String line = r.out().lines().filter(l -> l.startsWith("  capacity retention (")).findFirst().orElse(null);
		assertNotNull(line, r.out());
		assertTrue(line.matches("  capacity retention \\(last/first discharge\\): [0-9.]+ % \\(cycle 2 / 1, 25 degC, [0-9.]+ MPa, after another charge\\)"), line);
		// the report's key number, in the same words (its temperature in degrees Celsius as HTML writes it)
		String report = Files.readString(run.resolve("report.html"));
		assertTrue(report.contains(line.substring(line.indexOf(": ") + 2).replace("degC", "\u00b0C")), line);
		// one discharge: no retention, no line
		Files.writeString(f, cell + "protocol P { charge at 0.5 C until 4.1 V\n discharge at 0.5 C until 3.5 V }\nexperiment E { cell SolidFn protocol P }\n");
		Result one = cli("run", f.toString(), "--out", tmp.resolve("one").toString());
		assertEquals(0, one.rc(), one.out() + one.err());
		assertTrue(one.out().contains("cycles: 1;"), one.out());
		assertFalse(one.out().contains("capacity retention"), one.out());
		// two discharges at different rates: no retention, and the line says why (session 39: no line, no word)
		Files.writeString(f, cell + "protocol P { charge at 0.5 C until 4.1 V\n discharge at 0.5 C until 3.5 V\n charge at 0.5 C until 4.1 V\n"
				+ " discharge at 1 C until 3.5 V }\nexperiment E { cell SolidFn protocol P }\n");
		Result rates = cli("run", f.toString(), "--out", tmp.resolve("rates").toString());
		assertEquals(0, rates.rc(), rates.out() + rates.err());
		String none = "  capacity retention (last/first discharge): none (no earlier full discharge ran cycle 2's discharge steps"
				+ " (rate or current, cut-offs) at its temperature and stack pressure)";
		assertTrue(rates.out().lines().anyMatch(none::equals), rates.out());
		String ratesReport = Files.readString(latest(tmp.resolve("rates"), "E").resolve("report.html"));
		assertTrue(ratesReport.contains("none (no earlier full discharge ran cycle 2&#39;s discharge steps"), "the report's key number too");
		// a half cell's (last over first plating of a set capacity) does not apply, as in the report: none printed
		String half = Files.readString(examples().resolve("baseline-halfcell.cell")).replaceAll("(?m)^\\s*expect .*\\n", "")
				.replace("discharge at 0.1 mA/cm2 for 10 h", "repeat 2 { discharge at 0.1 mA/cm2 for 1 h").replace("until 0.2 V", "until 0.2 V }");
		Path h = Files.writeString(tmp.resolve("half.cell"), half);
		Result hr = cli("run", h.toString(), "--out", tmp.resolve("half").toString());
		assertEquals(0, hr.rc(), hr.out() + hr.err());
		JsonObject hs = JsonParser.parseString(Files.readString(latest(tmp.resolve("half"), "FirstCycle").resolve("summary.json"))).getAsJsonObject();
		assertTrue(hs.get("capacity_retention").isJsonPrimitive(), "summary.json has one: " + hs.get("capacity_retention"));
		assertFalse(hr.out().contains("capacity retention ("), hr.out());
	}

	/**
	 * {@code bench work-precision} on its smallest input (1 full-cell and 1 half-cell cycle): the markdown table with a
	 * row per case and level, each case's reference last. The error figures are checked for presence only, the CPU
	 * times not at all (no timed tests).
	 */
	@Test
	void benchWorkPrecisionPrintsTheTableOfEveryCaseAndLevel() {
		Result r = cli("bench", "work-precision", "1", "1");
		assertEquals(0, r.rc(), r.out() + r.err());
		List<String> table = r.out().lines().filter(l -> l.startsWith("|")).toList();
		assertEquals("| case | level (cathode x particle x interlayer nodes, rtol) | voltage RMS [mV] | voltage max [mV] "
				+ "| capacity [%] | CE [pp] | CPU [s] |", table.get(0), r.out());
		assertEquals("|---|---|---|---|---|---|---|", table.get(1));
		List<String> cases = List.of("1C full-cell discharge", "first plating with nucleation (interlayer, 0.3 mA/cm2, 1 h)",
				"1 half-cell cycles (interlayer, 34 MPa)", "1 full-cell cycles (interlayer, 60 degC)");
		// the default level names the shells it chose from each case's protocol (ParticleShells): 20 for these gentle cases
		List<String> levels = List.of("coarse (5 x 10 x 5, 1e-03)", "medium (10 x 20 x 10, 3e-04)", "default (20 x 20 x 10, 1e-04)",
				"fine (40 x 48 x 20, 1e-05)", "reference (80 x 120 x 40, 1e-06, steps <= 60 s)");
		assertEquals(2 + cases.size() * levels.size(), table.size(), r.out());
		String number = " (\\d+\\.\\d+|0) ", maybe = " (\\d+\\.\\d+|0|-) ";
		for (int c = 0; c < cases.size(); c++)
			for (int l = 0; l < levels.size(); l++) {
				String row = table.get(2 + c * levels.size() + l);
				String[] cells = row.split("\\|", -1);
				assertEquals(9, cells.length, row);
				assertEquals(cases.get(c), cells[1].strip(), row);
				assertEquals(levels.get(l), cells[2].strip(), row);
				// voltage RMS and max: every case has samples before its final drop
				assertTrue(("|" + cells[3] + "|" + cells[4] + "|").matches("\\|" + number + "\\|" + number + "\\|"), row);
				assertTrue(cells[5].matches(maybe) && cells[6].matches(maybe), row);
				assertTrue(cells[7].matches(" \\d+\\.\\d+ "), row);
			}
		// the coarse level is not the reference: its 1 C voltage differs from it
		assertTrue(Double.parseDouble(table.get(2).split("\\|")[3].strip()) > 0, table.get(2));
	}

	@Test
	void benchWorkPrecisionRefusesZeroCycles() {
		Result r = cli("bench", "work-precision", "0");
		assertEquals(2, r.rc(), r.out() + r.err());
		assertTrue(r.err().contains("FULL_CYCLES must be a whole number of cycles, at least 1, not '0'"), r.err());
	}

	/** {@code --temperatures} measures its own cases: cycles beside it, or the option on the fit benchmark, are usage errors. */
	@Test
	void benchWorkPrecisionTemperaturesTakesNoCycles() {
		Result r = cli("bench", "work-precision", "--temperatures", "3");
		assertEquals(2, r.rc(), r.out() + r.err());
		assertTrue(r.err().contains("bench work-precision --temperatures takes no cycles, not '3'"), r.err());
		Result f = cli("bench", "fit", "--temperatures");
		assertEquals(2, f.rc(), f.out() + f.err());
		assertTrue(f.err().contains("--temperatures is an option of bench work-precision, not of bench fit"), f.err());
	}

	@Test
	void unknownCommandIsAUsageError() {
		Result r = cli("frobnicate");
		assertEquals(2, r.rc());
		assertTrue(r.err().contains("frobnicate"), r.err());
	}
}

package org.cellwright.cli.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./cellwright report}: a run's report, a comparison of several, and errors that name the path. */
class ReportCommandTest {

	@TempDir Path tmp;

	@Test
	void reportOfOneRunAndComparisonOfAFolderOfRuns() throws Exception {
		Path file = CliTest.examples().resolve("sung2023/experiments.cell");
		for (String x : new String[] { "NucleationBare", "NucleationInterlayer" })
			assertEquals(0, Cli.cli("run", file.toString(), "--experiment", x, "--out", tmp.resolve("runs").toString()).rc());
		Path one = CliTest.latest(tmp.resolve("runs"), "NucleationBare");
		Cli.Result r = Cli.cli("report", one.toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		String html = Files.readString(one.resolve("report.html"));
		assertTrue(html.contains("<h1>NucleationBare"), "titled with the experiment");
		assertTrue(html.contains("experiments.cell:"), "with the place it is defined (from inputs.json)");
		assertTrue(r.out().contains("report.html"), r.out());

		Path out = tmp.resolve("cmp/both.html");
		r = Cli.cli("report", tmp.resolve("runs").toString(), "--out", out.toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		assertTrue(r.out().contains("(2 runs)"), r.out());
		String cmp = Files.readString(out);
		assertTrue(cmp.contains("Comparison of 2 runs") && cmp.contains("NucleationInterlayer"), "both runs");
	}

	/**
	 * A fit kept before session 31 wrote its bracket's note "start 2.500 at NaN of the interval" into its report.html;
	 * fit.json's notes have one reader since (FitReport.notes), but the report stayed as written. {@code report} of the
	 * fit's folder writes it again from fit.json (rev32): the report CellWright wrote is replaced, a file the user made
	 * in its place is kept unless --replace.
	 */
	@Test
	void aFitsFolderGetsItsReportWrittenAgainFromItsFitJson() throws Exception {
		Path fit = tmp.resolve("results/t/K/20261205-120000-abcdef");
		Files.createDirectories(fit);
		Files.writeString(fit.resolve("fit.json"), """
				{"fit":"K","converged":false,"status":"cancelled","evaluations":10,"seconds":2.0,"cost":0,
				 "estimates":[{"target":"E.ionic-conductivity","unit":"mS/cm","value":2.5,"start":2.5,"standard_error":null,
				   "lower_95":null,"upper_95":null,"lower_bound":0.2,"upper_bound":10}],
				 "correlation":[[1]],"cost_history":[],"targets":[],
				 "notes":["cancelled after 10 evaluations: the interval is the one found so far",
				   "E.ionic-conductivity: every expectation holds from 2.500 to 2.500 (start 2.500 at NaN of the interval, log coordinates, ends within 1 % of the value)"],
				 "bracket":{"target":"E.ionic-conductivity","unit":"mS/cm","start":2.5,"start_position":null,"coordinates":"log",
				   "resolution":0.01,"closed":false,
				   "lower":{"passes":2.5,"fails":0.805,"to_bound":false,"failing":[],"resolved":true},
				   "upper":{"passes":2.5,"fails":null,"to_bound":true,"failing":[],"resolved":true}}}
				""");
		// its report as written then: a report CellWright wrote, with the NaN
		Path report = fit.resolve("report.html");
		assertEquals(0, Cli.cli("report", fit.toString()).rc());
		Files.writeString(report, Files.readString(report).replace("the whole interval", "at NaN of the interval"));
		assertTrue(Files.readString(report).contains("at NaN of the interval"));
		Cli.Result r = Cli.cli("report", fit.toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		assertTrue(r.out().contains("report.html (the fit's)"), r.out());
		String html = Files.readString(report);
		assertTrue(html.contains("(start 2.500 the whole interval, log coordinates") && !html.contains("NaN"), "written again from fit.json");

		// a file of the user's in its place: kept, unless asked
		Files.writeString(report, "<html><body>my notes</body></html>");
		r = Cli.cli("report", fit.toString());
		assertEquals(1, r.rc(), r.out() + r.err());
		assertTrue(r.err().contains("report.html: exists and is not a report CellWright wrote; kept"), r.err());
		assertEquals("<html><body>my notes</body></html>", Files.readString(report));
		assertEquals(0, Cli.cli("report", fit.toString(), "--replace").rc());
		assertTrue(Files.readString(report).contains("the whole interval"), "replaced when asked");
	}

	@Test
	void aFileTheUserMadeIsNotOverwrittenWithoutReplace() throws Exception {
		Path file = CliTest.examples().resolve("sung2023/experiments.cell");
		assertEquals(0, Cli.cli("run", file.toString(), "--experiment", "NucleationBare", "--out", tmp.resolve("runs").toString()).rc());
		Path one = CliTest.latest(tmp.resolve("runs"), "NucleationBare");
		Path notes = tmp.resolve("notes.html");
		Files.writeString(notes, "<html><body>my notes</body></html>");
		Cli.Result r = Cli.cli("report", one.toString(), "--out", notes.toString());
		assertEquals(1, r.rc(), r.out() + r.err());
		assertTrue(r.err().contains("notes.html: exists and is not a report CellWright wrote; kept"), r.err());
		assertEquals("<html><body>my notes</body></html>", Files.readString(notes), "the user's file is untouched");

		// a report CellWright wrote is written again; --replace overwrites any file
		Path report = tmp.resolve("report-copy.html");
		assertEquals(0, Cli.cli("report", one.toString(), "--out", report.toString()).rc());
		assertEquals(0, Cli.cli("report", one.toString(), "--out", report.toString()).rc(), "its own report again");
		r = Cli.cli("report", one.toString(), "--out", notes.toString(), "--replace");
		assertEquals(0, r.rc(), r.out() + r.err());
		assertTrue(Files.readString(notes).contains("<h1>NucleationBare"), "replaced when asked");
		// a folder as --out is named, not written into
		r = Cli.cli("report", one.toString(), "--out", tmp.toString());
		assertEquals(1, r.rc());
		assertTrue(r.err().contains("is a folder"), r.err());
	}

	@Test
	void noSuchFolderIsOneLineNamingIt() {
		Path missing = tmp.resolve("nope");
		Cli.Result r = refused(missing, "nope: no such folder");
		assertEquals(1, r.err().strip().lines().count(), r.err());
	}

	@Test
	void aFolderWithoutResultsIsNotARunFolder() throws Exception {
		Path empty = Files.createDirectories(tmp.resolve("empty"));
		Files.writeString(empty.resolve("notes.txt"), "nothing");
		Cli.Result r = refused(empty, "empty: not a run folder (no summary.json");
		assertFalse(r.err().contains("Exception"), r.err());
		assertFalse(Files.exists(empty.resolve("report.html")));
	}

	@Test
	void theWorkingFolderIsNamedDot() throws Exception {
		// 'report .' in a folder that is not a run said ": not a run folder (...)", naming nothing
		Path empty = Files.createDirectories(tmp.resolve("here"));
		Cli.Result r = Cli.cliIn(empty, "report", ".");
		assertEquals(1, r.rc(), r.out() + r.err());
		assertTrue(r.err().startsWith(".: not a run folder (no summary.json"), r.err());
	}

	@Test
	void aBrokenSummaryIsNamed() throws Exception {
		Path run = Files.createDirectories(tmp.resolve("broken"));
		Files.writeString(run.resolve("summary.json"), "{ not json");
		refused(run, "summary.json: cannot be read as JSON");
	}

	/**
	 * A run whose summary.json was cut short, beside a time series that reads: no report (it was written without the
	 * run's key numbers, status and warnings, exit 0), and the error says why in the parser's words without its
	 * exception's class name (it read 'com.google.gson.stream.MalformedJsonException: Unterminated string ...'). Found by
	 * the command line's fuzz, session 20.
	 */
	@Test
	void aRunWhoseSummaryIsCutShortGetsNoReport() throws Exception {
		Path run = Files.createDirectories(tmp.resolve("cut"));
		Files.writeString(run.resolve("timeseries.csv"), "time_h,step,cycle,voltage_V,current_mA_cm2\n0,0,1,3.7,-0.1\n1,0,1,3.6,-0.1\n");
		Files.writeString(run.resolve("summary.json"), "{\"experiment\": \"X\", \"status\": \"COMPLETED\", \"cycles\": [{\"cycle\": 1, \"dis");
		Cli.Result r = refused(run, "summary.json: cannot be read as JSON: ");
		assertFalse(r.err().contains("Exception"), r.err());
		assertFalse(Files.exists(run.resolve("report.html")), "no report without the run's summary");
	}

	/** {@code report folder} ends with exit code 1, its errors saying says; what it wrote. */
	private static Cli.Result refused(Path folder, String says) {
		Cli.Result r = Cli.cli("report", folder.toString());
		assertEquals(1, r.rc());
		assertTrue(r.err().contains(says), r.err());
		return r;
	}
}

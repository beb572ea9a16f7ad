package org.cellwright.lang.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.CellWrightChecker.CheckIssue;
import org.cellwright.lang.files.DataPaths;
import org.cellwright.lang.validation.IssueCodes;
import org.cellwright.model.CurrentSign;
import org.cellwright.model.Experiment;
import org.cellwright.model.MeasuredData;
import org.cellwright.model.Model;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measurement's clause: {@code sign discharge-positive} (which current the file counts positive) parses into the
 * model, prints back with the comments kept, and a wrong value is an error at its file and line; a measurement read
 * from outside the project (absolute, or climbing out with ../) is a warning at its file and line.
 */
public class MeasuredClauseTest {

	static final CellWrightChecker CHECKER = ValidationTest.CHECKER;

	@TempDir
	Path dir;

	static String experiment(String measured) {
		return ValidationTest.HEAD + """
				experiment E { cell C protocol P
				  // the cycler's export
				  measured %s
				}
				""".formatted(measured);
	}

	static MeasuredData measuredOf(XtextResource r) {
		return ((Experiment) ((Model) r.getContents().get(0)).getElements().get(0)).getMeasured();
	}

	@Test
	void theSignParsesAndPrintsBackWithTheComments() throws Exception {
		XtextResource r = CHECKER.parse(experiment(
				"\"cell6.csv\" format arbin noise 5 mV sign discharge-positive // Arbin counts discharge positive"), "sign.cell");
		assertTrue(r.getErrors().isEmpty(), r.getErrors().toString());
		MeasuredData m = measuredOf(r);
		assertEquals(CurrentSign.DISCHARGE_POSITIVE, m.getSign());
		assertTrue(m.isSetSign());
		RoundTripTest.assertRoundTrip(CHECKER, r);
		String printed = RoundTripTest.format(CHECKER, r.getContents().get(0));
		assertTrue(printed.contains("measured \"cell6.csv\" format arbin noise 5 mV sign discharge-positive // Arbin counts discharge positive\n"), printed);
		assertTrue(printed.contains("// the cycler's export"), printed);

		// without it: CellWright's convention, not written back
		XtextResource plain = CHECKER.parse(experiment("\"cell6.csv\" format arbin"), "plain.cell");
		assertFalse(measuredOf(plain).isSetSign());
		assertEquals(CurrentSign.CHARGE_POSITIVE, measuredOf(plain).getSign());
		assertFalse(RoundTripTest.format(CHECKER, plain.getContents().get(0)).contains("sign"));
		// written, the default is kept as written
		XtextResource explicit = CHECKER.parse(experiment("\"cell6.csv\" sign charge-positive"), "explicit.cell");
		assertTrue(measuredOf(explicit).isSetSign());
		RoundTripTest.assertRoundTrip(CHECKER, explicit);
		assertTrue(RoundTripTest.format(CHECKER, explicit.getContents().get(0)).contains("sign charge-positive"));
		// an edit (what the import wizard's clause or a refactoring does) prints the keyword
		measuredOf(plain).setSign(CurrentSign.DISCHARGE_POSITIVE);
		assertTrue(RoundTripTest.format(CHECKER, plain.getContents().get(0)).contains("measured \"cell6.csv\" format arbin sign discharge-positive"));
	}

	/** The import wizard's clause (MeasuredClause) is the language's: it parses back to what was chosen. */
	@Test
	void theImportWizardsClauseParsesBackToTheChoices() throws Exception {
		String text = org.cellwright.lang.text.MeasuredClause.text("data/cell \"6\".csv", "ARBIN", "time=1:s,current=3:mA",
				CurrentSign.DISCHARGE_POSITIVE);
		assertEquals("measured \"data/cell \\\"6\\\".csv\" format arbin columns \"time=1:s,current=3:mA\" sign discharge-positive", text);
		XtextResource r = CHECKER.parse(experiment(text.substring("measured ".length())), "wizard.cell");
		assertTrue(r.getErrors().isEmpty(), r.getErrors().toString());
		MeasuredData m = measuredOf(r);
		assertEquals("data/cell \"6\".csv", m.getPath());
		assertEquals("arbin", m.getFormat());
		assertEquals("time=1:s,current=3:mA", m.getColumns());
		assertEquals(CurrentSign.DISCHARGE_POSITIVE, m.getSign());
		// the default sign and a detected format are not written
		assertEquals("measured \"x.csv\"", org.cellwright.lang.text.MeasuredClause.text("x.csv", null, null, CurrentSign.CHARGE_POSITIVE));
	}

	/** Writes the files and checks the first, as the command line does. */
	List<CheckIssue> check(Path cell, String text) throws Exception {
		Files.createDirectories(cell.getParent());
		Files.writeString(cell, text, StandardCharsets.UTF_8);
		return CHECKER.check(List.of(cell)).issues().stream().filter(i -> i.file().endsWith(cell.getFileName().toString())).toList();
	}

	@Test
	void aWrongSignIsAnErrorAtItsFileAndLine() throws Exception {
		Files.writeString(dir.resolve("cell6.csv"), "time [s],voltage [V]\n0,3.5\n1,3.6\n");
		Path cell = dir.resolve("wrong.cell");
		List<CheckIssue> issues = check(cell, experiment("\"cell6.csv\" sign discharge-negative"));
		CheckIssue e = issues.stream().filter(i -> i.severity() == CellWrightChecker.Severity.ERROR && i.message().contains("current sign")).findFirst().orElseThrow(() -> new AssertionError(issues));
		assertTrue(e.message().contains("unknown current sign 'discharge-negative'") && e.message().contains("discharge-positive")
				&& e.message().contains("charge-positive"), e.toString());
		assertEquals(6, e.line(), e.toString()); // HEAD is 3 lines; the clause is the experiment's third line
		assertTrue(e.toString().contains("wrong.cell:6"), e.toString());
		// a name that is no sign at all ("positive") is the same message, not a syntax error
		List<CheckIssue> bare = check(dir.resolve("bare.cell"), experiment("\"cell6.csv\" sign positive"));
		assertTrue(bare.stream().anyMatch(i -> i.message().contains("unknown current sign 'positive'") && i.line() == 6), bare.toString());
		// a name of any length is quoted shortened (Printable.quoted; a name of 5000 letters was quoted whole: input25)
		List<CheckIssue> longName = check(dir.resolve("long-sign.cell"), experiment("\"cell6.csv\" sign " + "q".repeat(5000)));
		assertTrue(longName.stream().anyMatch(i -> i.message().startsWith("unknown current sign '" + "q".repeat(org.cellwright.lang.text.Printable.MAX_QUOTED)
				+ "...'; known: ") && i.line() == 6), longName.toString());
	}

	/**
	 * A long path is quoted shortened, with "...", in the message (Printable.quoted): a 3 MB path was printed whole in
	 * the check's output and the Problems view (input24). The message still names the file and line.
	 */
	@Test
	void aLongMissingPathIsQuotedShortened() throws Exception {
		String path = "d/".repeat(1500) + "cell6.csv";
		Path cell = dir.resolve("long.cell");
		List<CheckIssue> issues = check(cell, experiment("\"" + path + "\""));
		CheckIssue e = issues.stream().filter(i -> i.message().startsWith("no measurement file")).findFirst().orElseThrow(() -> new AssertionError(issues));
		assertEquals("no measurement file '" + path.substring(0, org.cellwright.lang.text.Printable.MAX_QUOTED)
				+ "...' beside this file (paths are relative to the .cell file)", e.message());
		assertEquals(6, e.line(), e.toString());
		// a path of the limit's length is quoted whole
		String whole = "d/".repeat(95) + "cell6.csv";
		List<CheckIssue> within = check(dir.resolve("short.cell"), experiment("\"" + whole + "\""));
		assertTrue(within.stream().anyMatch(i -> i.message().equals("no measurement file '" + whole + "' beside this file (paths are relative to the .cell file)")),
				within.toString());
	}

	@Test
	void aMeasurementFromOutsideTheProjectIsAWarningAtItsLine() throws Exception {
		Path project = dir.resolve("project");
		Files.createDirectories(project.resolve("data"));
		Files.writeString(project.resolve(DataPaths.PROJECT_FILE), "{}");
		Files.writeString(project.resolve("data/cell6.csv"), "time [s],voltage [V]\n0,3.5\n1,3.6\n");
		Files.createDirectories(dir.resolve("elsewhere"));
		Files.writeString(dir.resolve("elsewhere/cell6.csv"), "time [s],voltage [V]\n0,3.5\n1,3.6\n");
		Path cell = project.resolve("cells/t.cell");

		// inside the project, ../ included: no warning
		assertTrue(outsideWarnings(check(cell, experiment("\"../data/cell6.csv\""))).isEmpty());
		// climbing out of the project: a warning at the clause's line, the run still reads it (no error)
		List<CheckIssue> out = check(cell, experiment("\"../../elsewhere/cell6.csv\""));
		assertEquals(1, outsideWarnings(out).size(), out.toString());
		CheckIssue w = outsideWarnings(out).get(0);
		assertEquals(6, w.line(), w.toString());
		assertTrue(w.message().contains("'../../elsewhere/cell6.csv' lies outside the project " + project.toAbsolutePath().normalize()), w.toString());
		assertTrue(w.message().contains("not reproducible from the project alone"), w.toString());
		assertTrue(out.stream().noneMatch(i -> i.severity() == CellWrightChecker.Severity.ERROR && i.message().contains("cell6")), out.toString());
		// absolute, even when it names a file inside the project
		String abs = project.resolve("data/cell6.csv").toAbsolutePath().toString();
		List<CheckIssue> absolute = check(cell, experiment("\"" + abs + "\""));
		assertEquals(1, outsideWarnings(absolute).size(), absolute.toString());
		assertTrue(outsideWarnings(absolute).get(0).message().contains("is an absolute path"), absolute.toString());
		// a symbolic link in the project to a file outside it: the same warning, naming where it leads (input25: none)
		Path link = Files.createSymbolicLink(project.resolve("data/linked.csv"), dir.resolve("elsewhere/cell6.csv"));
		List<CheckIssue> linked = check(cell, experiment("\"../data/linked.csv\""));
		assertEquals(1, outsideWarnings(linked).size(), linked.toString());
		assertTrue(outsideWarnings(linked).get(0).message().contains("'../data/linked.csv' is a link to '" + link.toRealPath() + "', outside the project "),
				linked.toString());
		// without a project file (and no repository above the temporary folder) the .cell file's folder tree is the project
		Path loose = dir.resolve("loose/t.cell");
		Files.createDirectories(dir.resolve("loose/data"));
		Files.writeString(dir.resolve("loose/data/cell6.csv"), "time [s],voltage [V]\n0,3.5\n1,3.6\n");
		assertTrue(outsideWarnings(check(loose, experiment("\"data/cell6.csv\""))).isEmpty());
		List<CheckIssue> up = check(loose, experiment("\"../elsewhere/cell6.csv\""));
		assertEquals(1, outsideWarnings(up).size(), up.toString());
		assertTrue(outsideWarnings(up).get(0).message().contains("the .cell file's folder"), up.toString());
	}

	/**
	 * The IDE's check of a workspace file ({@code platform:/resource/<project>/...}) follows a symbolic link in the
	 * project as the command line's does: a link to a file outside the project is the same warning (it passed in the IDE,
	 * the command line warned: input25). The project is found on disk through EMF's platform resource map here, through
	 * the workspace in the IDE.
	 */
	@Test
	void aLinkOutOfAWorkspaceProjectIsTheOutsideWarningAsOnDisk() throws Exception {
		Path project = dir.resolve("ws/proj");
		Files.createDirectories(project.resolve("data"));
		Files.createDirectories(dir.resolve("elsewhere"));
		Files.writeString(project.resolve("data/cell6.csv"), "time [s],voltage [V]\n0,3.5\n");
		Files.writeString(dir.resolve("elsewhere/cell6.csv"), "time [s],voltage [V]\n0,3.5\n");
		Path link = Files.createSymbolicLink(project.resolve("data/linked.csv"), dir.resolve("elsewhere/cell6.csv"));
		URI cell = URI.createPlatformResourceURI("proj/cells/t.cell", true);
		var map = org.eclipse.emf.ecore.plugin.EcorePlugin.getPlatformResourceMap();
		map.put("proj", URI.createFileURI(project.toString() + "/"));
		try {
			assertNull(DataPaths.outside(cell, "../data/cell6.csv"), "a file in the project");
			String w = DataPaths.outside(cell, "../data/linked.csv");
			assertEquals("'../data/linked.csv' is a link to '" + link.toRealPath() + "', outside project proj: a run reads it from there"
					+ " and is not reproducible from the project alone (copy the file into the project instead)", w);
			assertTrue(DataPaths.outside(cell, "../../elsewhere/cell6.csv").contains("lies outside project proj"), "climbing out, as before");
		} finally {
			map.remove("proj");
		}
		assertNull(DataPaths.outside(cell, "../data/linked.csv"), "a project not on disk: its path's text alone is judged");
	}

	private static List<CheckIssue> outsideWarnings(List<CheckIssue> issues) {
		return issues.stream().filter(i -> IssueCodes.MEASURED_OUTSIDE.equals(i.code())).peek(i -> assertEquals(CellWrightChecker.Severity.WARNING, i.severity())).toList();
	}

	@Test
	void inTheWorkspaceTheProjectIsTheEclipseProject() {
		URI cell = URI.createPlatformResourceURI("/Study/cells/t.cell", true);
		assertNull(DataPaths.outside(cell, "../data/cell6.csv"));
		assertNull(DataPaths.outside(cell, "data/./cell6.csv"));
		assertNull(DataPaths.outside(cell, "../cells/../data/x.csv"));
		assertTrue(DataPaths.outside(cell, "../../Other/data/cell6.csv").contains("outside project Study"));
		assertTrue(DataPaths.outside(cell, "..\\..\\x.csv").contains("outside project Study"));
		assertTrue(DataPaths.outside(cell, "C:\\data\\cell6.csv").contains("absolute"));
		assertTrue(DataPaths.outside(cell, "/data/cell6.csv").contains("absolute"));
		assertNull(DataPaths.outside(cell, "~/cell6.csv"), "not expanded: a folder named ~ beside the file");
	}
}

package org.cellwright.report.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.report.ReportException;
import org.cellwright.report.RunReport;
import org.cellwright.report.StudyReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The front page of a study file's runs: every run's checks in one table, a row per run linking to its report. */
class StudyReportTest {

	@TempDir Path tmp;

	@Test
	void allChecksAndARowPerRunWithItsLink() throws Exception {
		Path out = tmp.resolve("results/experiments");
		Path a = Fixtures.bareHalfCell(out.resolve("BareHalfCell"), "BareHalfCell", 1);
		Path b = Fixtures.bareHalfCell(out.resolve("Sweep/BareHalfCell-stack-pressure=65MPa"), "BareHalfCell", 1);
		Fixtures.checks(a, "BareHalfCell");
		RunReport.write(a);
		Path html = StudyReport.write("experiments.cell", List.of(a, b), out.resolve("report.html"));
		String page = Files.readString(html);
		assertTrue(page.contains("<h1>experiments.cell</h1>"), "titled with the file");
		assertTrue(page.contains("2 runs"), "counts the runs");
		// the checks of the run that has them: one passing, one failing row, and the count
		String checks = Svg.section(page, "checks");
		assertTrue(checks.contains("1 of 2 checks pass"), checks);
		assertTrue(checks.contains("Li nucleation overpotential, first plating") && checks.contains("first discharge capacity"), checks);
		// a row per run; the two runs of the same experiment are told apart by their folders
		String runs = Svg.section(page, "runs");
		assertEquals(3, runs.split("<tr>", -1).length - 1, "a header and two rows: " + runs);
		assertTrue(runs.contains("BareHalfCell (Sweep/BareHalfCell-stack-pressure=65MPa)"), runs);
		// a relative link to the report that exists, none for the run without one
		assertTrue(runs.contains("<a href=\"BareHalfCell/report.html\">report</a>"), runs);
		assertEquals(1, runs.split("<a href=", -1).length - 1, "only the run with a report.html is linked");
		assertFalse(page.contains("<script"), "self-contained, no scripts");
	}

	@Test
	void aFolderThatIsNoRunIsNamed() throws Exception {
		Path empty = Files.createDirectories(tmp.resolve("nothing"));
		ReportException e = assertThrows(ReportException.class, () -> StudyReport.write("x", List.of(empty), tmp.resolve("r.html")));
		assertTrue(e.getMessage().contains("nothing"), e.getMessage());
		assertThrows(ReportException.class, () -> StudyReport.write("x", List.of(), tmp.resolve("r.html")));
	}
}

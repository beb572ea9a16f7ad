package org.cellwright.report.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.report.ComparisonReport;
import org.cellwright.report.ReportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One report over several runs: overlaid plots (a series per run), key numbers side by side, every run's checks. */
class ComparisonReportTest {

	@TempDir Path tmp;

	@Test
	void overlaysOneSeriesPerRun() throws Exception {
		Path a = Fixtures.bareHalfCell(tmp.resolve("a/BareHalfCell"), "BareHalfCell", 1);
		Path b = Fixtures.run(tmp.resolve("b/InterlayerHalfCell"), "InterlayerHalfCell",
				org.cellwright.solver.params.Sung2023Parameters.cell2Interlayer(5e6),
				org.cellwright.solver.params.Sung2023Parameters.platingStrippingInterlayer(1));
		Path c = Fixtures.bareHalfCell(tmp.resolve("c/BareHalfCell"), "BareHalfCell", 2);
		Fixtures.checks(a, "BareHalfCell");
		Fixtures.checks(b, "InterlayerHalfCell");
		Path out = ComparisonReport.write(List.of(a, b, c), tmp.resolve("out/comparison.html"));
		String html = Files.readString(out);
		List<Integer> series = Svg.seriesCounts(html);
		assertEquals(4, series.size(), "V(t), first-cycle V(Q), capacity and CE per cycle");
		assertEquals(3, series.get(0), "voltage vs time: one series per run");
		assertTrue(series.get(1) >= 3, "first cycle: one or two steps per run");
		assertEquals(3, series.get(2), "discharge capacity per cycle");
		for (String s : Svg.elements(html)) Svg.parse(s);
		// two runs share an experiment name: the folder tells them apart
		assertTrue(html.contains("BareHalfCell (a/BareHalfCell)") && html.contains("BareHalfCell (c/BareHalfCell)"), "unique labels");
		String keys = Svg.section(html, "key-numbers");
		assertEquals(3, keys.split("<th>", -1).length - 2, "a column per run beside the quantity column");
		String checks = Svg.section(html, "checks");
		assertTrue(checks.contains("2 of 4 checks pass"), checks);
		assertTrue(checks.contains("<td>InterlayerHalfCell</td>") && checks.contains("<td>BareHalfCell</td>"), "each check names its experiment");
		assertEquals(3, Svg.section(html, "stack").split("class=\"stack\"", -1).length - 1, "the three stacks");
	}

	@Test
	void aFolderThatIsNoRunIsNamedAndNothingIsWritten() throws Exception {
		Path a = Fixtures.bareHalfCell(tmp.resolve("a"), "BareHalfCell", 1);
		Path bad = Files.createDirectories(tmp.resolve("not-a-run"));
		Path out = tmp.resolve("comparison.html");
		ReportException e = assertThrows(ReportException.class, () -> ComparisonReport.write(List.of(a, bad), out));
		assertTrue(e.getMessage().startsWith(bad + ": not a run folder"), e.getMessage());
		assertFalse(Files.exists(out));
	}
}

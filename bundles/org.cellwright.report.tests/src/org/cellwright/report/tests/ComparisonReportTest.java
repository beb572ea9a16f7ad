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

	/**
	 * A liquid-electrolyte (DFN) run beside a solid-state one: the comparison draws both stacks, the DFN one from
	 * dfn-inputs.json's layers as its run report does. It said "Not available: no inputs.json" for the DFN run (loop21).
	 */
	@Test
	void aLiquidElectrolyteRunsStackIsDrawnBesideASolidStateOne() throws Exception {
		Path solid = Fixtures.bareHalfCell(tmp.resolve("a/BareHalfCell"), "BareHalfCell", 1);
		Path dfn = Fixtures.dfnRun(tmp.resolve("b/Liquid"), "Liquid");
		String stacks = Svg.section(Files.readString(ComparisonReport.write(List.of(solid, dfn), tmp.resolve("c.html"))), "stack");
		assertFalse(stacks.contains("Not available"), stacks);
		for (String layer : new String[] { "graphite", "separator", "NMC811" })
			assertTrue(stacks.contains("data-layer=\"" + layer + "\""), layer + ": " + stacks);
		assertTrue(stacks.contains("85.2 \u00b5m \u00b7 porosity 25 %"), stacks);
	}

	/**
	 * Runs of one discharge capacity (two half cells plating the same capacity in one cycle): the capacity axis is
	 * labelled in plain numbers. Its ticks were 1e-7 mAh/cm2 apart, labelled "4.000005E-1" to "3.999995E-1" (loop21).
	 */
	@Test
	void aFlatCapacityPerCycleIsLabelledInPlainNumbers() throws Exception {
		Path a = Fixtures.bareHalfCell(tmp.resolve("a/Bare"), "Bare", 1);
		Path b = Fixtures.bareHalfCell(tmp.resolve("b/Again"), "Again", 1);
		String cycling = Svg.section(Files.readString(ComparisonReport.write(List.of(a, b), tmp.resolve("c.html"))), "cycling");
		String capacity = cycling.substring(cycling.indexOf("<svg"), cycling.indexOf("</svg>"));
		assertTrue(capacity.contains("Discharge capacity per cycle"), capacity);
		java.util.regex.Matcher text = java.util.regex.Pattern.compile(">([-0-9.E]+)</text>").matcher(capacity);
		int ticks = 0;
		while (text.find()) {
			ticks++;
			int digits = new java.math.BigDecimal(text.group(1)).stripTrailingZeros().precision();
			assertTrue(digits <= 4, "tick label " + text.group(1) + ": " + digits + " significant digits");
		}
		assertTrue(ticks >= 3, "tick labels found: " + capacity);
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

package org.cellwright.report.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.report.AxisLabels;
import org.cellwright.report.FitHtmlReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fit report's figures read right. */
class FitHtmlReportTest {

	@TempDir Path tmp;

	/**
	 * A fit whose cost falls by less than a decade (an Ecker 2015 cathode radius against its measured 1 C discharge:
	 * 1242.9 to 1233.4) has a log cost axis a few percent long: its tick labels, rounded to 3 digits, read 1240 five
	 * times and 1230 three times (the labels are drawn as outlines, so the test takes the labelling itself). Each label
	 * is now distinct, and a decade axis keeps its short labels.
	 */
	@Test
	void logAxisTicksLessThanADecadeApartReadDifferently() throws Exception {
		for (double step : new double[] { 0.0005, 0.002, 0.01, 0.05, 0.3 })
			for (double v = 1233; v < 1243; v *= Math.pow(10, step)) {
				String a = AxisLabels.logTick(v, step), b = AxisLabels.logTick(v * Math.pow(10, step), step);
				assertNotEquals(a, b, "ticks at " + v + " and a factor 10^" + step + " above");
			}
		assertEquals("1240", AxisLabels.logTick(1240.0, 0.05).replaceAll("\\.0+$", ""));
		assertEquals("100", AxisLabels.logTick(100, 1));
		assertEquals("0.001", AxisLabels.logTick(1e-3, 1));
		assertNull(AxisLabels.logTick(1e6, 1), "the axis' exponent form");
		// the report with such a cost history is written
		Files.writeString(tmp.resolve("fit.json"), """
				{"fit":"F1","converged":true,"evaluations":6,"iterations":2,"seconds":1.9,"cost":1233.43,"degrees_of_freedom":30,
				 "estimates":[],"correlation":[],"notes":[],"targets":[],
				 "cost_history":[1242.908250428664,1233.9632883810366,1233.439405038257,1233.4287240798276]}
				""");
		assertTrue(Svg.section(Files.readString(FitHtmlReport.write(tmp)), "cost").contains("<svg"));
	}
}

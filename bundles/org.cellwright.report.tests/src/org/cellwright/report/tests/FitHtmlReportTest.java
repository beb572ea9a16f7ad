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

	/**
	 * The fit's report names each target's mesh and who chose it (fit.json's targets[].mesh, FitRunner.Mesh: one mesh per
	 * target since session 39, in fit.json alone until session 40); a target without one (a liquid-electrolyte cell) is
	 * said not listed, and a fit.json written before session 39 says none is recorded.
	 */
	@Test
	void theReportNamesEachTargetsMeshAndWhoChoseIt() throws Exception {
		String why = "the first evaluation's: re-run on 48 x 40 (the capacity's mesh error estimated at 0.454 % on the 20 x 20 mesh the"
				+ " solver chose, beyond the target 0.1 %); every evaluation on it, none re-run";
		Files.writeString(tmp.resolve("fit.json"), """
				{"fit":"F","converged":true,"evaluations":6,"iterations":2,"seconds":1.9,"cost":1.0,"degrees_of_freedom":3,
				 "estimates":[],"correlation":[],"notes":[],"cost_history":[],
				 "targets":[{"experiment":"Cold","kind":"expectations","weight":1.0,
				             "mesh":{"particle_nodes":48,"cathode_nodes":40,"why":"%s"}},
				            {"experiment":"Warm","kind":"expectations","weight":1.0,
				             "mesh":{"particle_nodes":20,"cathode_nodes":20,"why":"set in the solver block"}},
				            {"experiment":"Liquid","kind":"measured","weight":1.0}]}
				""".formatted(why));
		String html = Files.readString(FitHtmlReport.write(tmp)), mesh = Svg.section(html, "mesh");
		assertNotNull(mesh, "a section of the targets' meshes: " + html.replaceAll("(?s).*<h2>", "last heading: "));
		assertTrue(mesh.contains("<td>Cold</td><td class=\"num\">48 \u00d7 40</td><td>" + why.replace("'", "&#39;") + "</td>"), mesh);
		assertTrue(mesh.contains("<td>Warm</td><td class=\"num\">20 \u00d7 20</td><td>set in the solver block</td>"), mesh);
		assertFalse(mesh.contains("Liquid"), mesh);
		assertTrue(mesh.contains("A target not listed is a liquid-electrolyte cell, on its own mesh."), mesh);
		// a fit.json written before session 39: no mesh
		Files.writeString(tmp.resolve("fit.json"), """
				{"fit":"F","converged":true,"evaluations":6,"iterations":2,"seconds":1.9,"cost":1.0,"degrees_of_freedom":3,
				 "estimates":[],"correlation":[],"notes":[],"cost_history":[],"targets":[{"experiment":"Cold","kind":"expectations","weight":1.0}]}
				""");
		assertTrue(Svg.section(Files.readString(FitHtmlReport.write(tmp)), "mesh").contains("no mesh recorded"), "said why there is none");
	}
}

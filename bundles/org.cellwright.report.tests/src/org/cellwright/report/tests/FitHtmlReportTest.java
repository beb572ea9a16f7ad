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
	/** The old run's note of a passing check (RunReportTest.aChecksNoteIsShownUnderItsRow: Checks' words for it). */
	static final String OLD_RUN = "summary.json records no lithium of the cell (written before session 40): cycle 2's discharge is taken as"
			+ " the reference whatever it passed, not checked against 1e-5 of the cell's lithium, the charge a cycler resolves, as for a"
			+ " Coulombic efficiency";

	/**
	 * A fit target's checks.json at the start values and at the fitted values, as Checks writes it: a passing check with a
	 * note (the same at both), a failed one whose note at the start values differs from the fitted one's, one without.
	 */
	static void notedTarget(Path fit, String experiment) throws Exception {
		for (String side : new String[] {"before", "after"}) {
			Path run = Files.createDirectories(fit.resolve(side).resolve(experiment));
			Files.writeString(run.resolve("summary.json"), "{}");
			String nine = side.equals("before") ? "the run ended in cycle 2, before cycle 3" : "the reference cycle 9 was not reached";
			Files.writeString(run.resolve("checks.json"), """
					{"experiment":"%s","checks":[
					 {"quantity":"capacity-retention of cycle 3 relative to cycle 2","expected":"> 90 %%","simulated":"97.1 %%","pass":true,
					  "note":"%s"},
					 {"quantity":"capacity-retention of cycle 3 relative to cycle 9","expected":"> 90 %%","simulated":"-","pass":false,"note":"%s"},
					 {"quantity":"initial CE","expected":"89.4 %% ± 2 %%","simulated":"88.9 %%","pass":false}]}
					""".formatted(experiment, OLD_RUN, nine));
		}
		Files.writeString(fit.resolve("fit.json"), """
				{"fit":"F","converged":true,"evaluations":6,"iterations":2,"seconds":1.9,"cost":1.0,"degrees_of_freedom":3,
				 "estimates":[],"correlation":[],"notes":[],"cost_history":[],
				 "targets":[{"experiment":"%s","kind":"expectations","weight":1.0}]}
				""".formatted(experiment));
	}

	/**
	 * A target's check's note (checks.json's, RunFolder.Check#note) is in a row under it in the fit's report.html, as in
	 * the run's: the fitted run's note, the start values' where it says otherwise. Session 41 showed the notes in the
	 * run's report.html and the Results view; the fit's targets table had none.
	 */
	@Test
	void aTargetsChecksNoteIsShownUnderItsRow() throws Exception {
		notedTarget(tmp, "Cold");
		String targets = Svg.section(Files.readString(FitHtmlReport.write(tmp)), "before-after");
		assertNotNull(targets);
		assertTrue(targets.matches("(?s).*<tr class=\"pass\"><td>capacity-retention of cycle 3 relative to cycle 2</td>.*?PASS</td></tr>"
				+ "<tr class=\"check-note pass\"><td colspan=\"5\">Note: " + java.util.regex.Pattern.quote(OLD_RUN.replace("'", "&#39;"))
				+ "</td></tr><tr.*"), targets);
		assertTrue(targets.contains("FAIL</td></tr><tr class=\"check-note fail\"><td colspan=\"5\">Note: the reference cycle 9 was not reached;"
				+ " at the start values: the run ended in cycle 2, before cycle 3</td></tr>"), targets);
		assertEquals(2, targets.split("check-note", -1).length - 1, "initial CE has no note row: " + targets);
	}
}

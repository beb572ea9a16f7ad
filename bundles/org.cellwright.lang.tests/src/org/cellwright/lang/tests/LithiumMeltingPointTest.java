package org.cellwright.lang.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.CellWrightChecker.CheckIssue;
import org.cellwright.lang.CellWrightChecker.Severity;
import org.cellwright.lang.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lithium's melting point, 180.5 degC (CRC Handbook; {@link Limits#LITHIUM_MELTING_POINT}), is a limit of
 * {@code check} (session 21): a cell with a lithium-metal layer set to a temperature at or above it, by the cell's
 * temperature, a protocol's 'set temperature' its experiment runs or a sweep's value, is an error at that line (at
 * the experiment's protocol reference, naming file and line, where the protocol is in another file). It ran before,
 * the solid-state runner warning that its results describe no real cell. A cell without lithium metal at the same
 * temperature, and one just below it, check clean of it.
 */
public class LithiumMeltingPointTest {

	@TempDir
	Path dir;

	private CellWrightChecker.Result check(String... files) throws Exception {
		CellWrightChecker.Result r = CheckerTest.check(dir, files);
		HardeningTest.assertNoCrash(r);
		return r;
	}

	private static List<CheckIssue> melting(CellWrightChecker.Result r) {
		return r.issues().stream().filter(i -> i.message().contains("lithium's melting point")).toList();
	}

	private static final String MATERIALS = "package t\nmaterial LPSCl is solid-electrolyte { ionic-conductivity = 2.5 mS/cm }\n"
			+ "material Li is lithium-metal { }\nmaterial SUS is current-collector { }\n"; // lines 1-4

	@Test
	public void aLithiumMetalCellAtOrAboveTheMeltingPointIsAnErrorAtTheLineThatSetsIt() throws Exception {
		CellWrightChecker.Result r = check("melt.cell", MATERIALS + String.join("\n",
				"cell Hot { area = 1 cm2", // 5
				"  temperature = 180.5 degC", // 6: at the melting point
				"  layer a: SUS 10 um", "  layer separator: LPSCl 600 um", "  layer b: Li 20 um", "}", // 7-10
				"cell Warm { area = 1 cm2", // 11
				"  temperature = 180.4 degC", // 12: below it
				"  layer a: SUS 10 um", "  layer separator: LPSCl 600 um", "  layer b: Li 20 um", "}", // 13-16
				"cell NoLi { area = 1 cm2", "  temperature = 200 degC", // 17-18: no lithium metal
				"  layer a: SUS 10 um", "  layer separator: LPSCl 600 um", "  layer c: SUS 10 um", "}", // 19-22
				"protocol P {", "  set temperature = 190 degC", "  rest for 1 s", "}", // 23-26: 24
				"experiment X { cell Warm protocol P }", // 27
				"experiment Y { cell NoLi protocol P }", // 28
				"sweep S {", "  experiment X", "  vary temperature in 25 degC, 181 degC", "}", // 29-32: 31
				"sweep T {", "  experiment Y", "  vary temperature in 25 degC, 181 degC", "}", "")); // 33-36
		List<CheckIssue> m = melting(r);
		assertEquals(List.of(6, 24, 31), m.stream().map(CheckIssue::line).toList(), m.toString());
		for (CheckIssue i : m) assertEquals(Severity.ERROR, i.severity(), i.toString());
		assertTrue(m.get(0).message().startsWith("temperature 180.5 degC is at or above lithium's melting point, 180.5 degC")
				&& m.get(0).message().contains("(cell Hot, layer b)") && m.get(0).message().contains("'Limits' in docs/language.md"), m.get(0).message());
		assertTrue(m.get(1).message().startsWith("set temperature 190 degC is at or above") && m.get(1).message().contains("run by experiment X"),
				m.get(1).message());
		assertTrue(m.get(2).message().startsWith("sweep S: temperature 181 degC"), m.get(2).message());
	}

	@Test
	public void aSetTemperatureInAnotherFileIsAnErrorAtTheExperimentNamingItsLine() throws Exception {
		CellWrightChecker.Result r = check(
				"protocols.cell", "package p\nprotocol Hot {\n  rest for 1 s\n  set temperature = 185 degC\n}\n", // line 4
				"cells.cell", "package t\nimport p.*\n" + MATERIALS.substring("package t\n".length()) + "cell C { area = 1 cm2\n  layer a: SUS 10 um\n  layer separator: LPSCl 600 um\n"
						+ "  layer b: Li 20 um\n}\nexperiment X { cell C protocol Hot }\n"); // cell C at line 6, X at 11
		List<CheckIssue> m = melting(r);
		assertEquals(1, m.size(), m.toString());
		assertEquals(11, m.get(0).line(), m.toString());
		assertTrue(m.get(0).file().endsWith("cells.cell") && m.get(0).message().endsWith("(protocols.cell:4)"), m.get(0).toString());
	}

	/**
	 * A cell's ambient-temperature (the surroundings a thermal cell exchanges heat with, and tends to) and a fit's
	 * bounds and start value of an estimated temperature or ambient-temperature (the fit runs its targets' cells anywhere
	 * between them) are held to the melting point too (session 22; before, each passed and a fit could run a lithium
	 * cell at 200 degC): an error at the quantity, line and column, naming the bound, the cell and the fit's target. A
	 * fit whose bounds stay below it, or whose targets' cells have no lithium metal, checks clean of it.
	 */
	@Test
	public void anAmbientTemperatureAndAFitsBoundsAtOrAboveTheMeltingPointAreErrorsAtTheirValues() throws Exception {
		String[] lines = (MATERIALS + String.join("\n",
				"cell Amb { area = 1 cm2", // 5
				"  ambient-temperature = 190 degC", // 6
				"  layer a: SUS 10 um", "  layer separator: LPSCl 600 um", "  layer b: Li 20 um", "}", // 7-10
				"cell C { area = 1 cm2", "  layer a: SUS 10 um", "  layer separator: LPSCl 600 um", "  layer b: Li 20 um", "}", // 11-15
				"cell NoLi { area = 1 cm2", "  layer a: SUS 10 um", "  layer separator: LPSCl 600 um", "  layer c: SUS 10 um", "}", // 16-20
				"protocol P { rest for 1 s }", // 21
				"experiment X { cell C protocol P expect end-time < 1 h }", // 22
				"experiment Y { cell NoLi protocol P expect end-time < 1 h }", // 23
				"fit F {", "  estimate temperature between 20 degC and 200 degC from 185 degC", "  target X expectations", "}", // 24-27: 25
				"fit G {", "  estimate ambient-temperature between 181 degC and 190 degC", "  target X expectations", "}", // 28-31: 29
				"fit H {", "  estimate temperature between 20 degC and 200 degC", "  target Y expectations", "}", // 32-35: no Li
				"fit K {", "  estimate temperature between 20 degC and 180.4 degC", "  target Y expectations", "  target X expectations", "}", // 36-40: below
				"")).split("\n", -1);
		CellWrightChecker.Result r = check("fit.cell", String.join("\n", lines));
		List<CheckIssue> m = melting(r);
		assertEquals(List.of(6, 25, 25, 29, 29), m.stream().map(CheckIssue::line).toList(), m.toString());
		String[] at = {"190 degC", "200 degC", "185 degC", "181 degC", "190 degC"};
		for (int k = 0; k < m.size(); k++) {
			CheckIssue i = m.get(k);
			assertEquals(Severity.ERROR, i.severity(), i.toString());
			assertEquals(lines[i.line() - 1].indexOf(at[k]) + 1, i.column(), "at " + at[k] + ": " + i);
		}
		assertTrue(m.get(0).message().startsWith("ambient-temperature 190 degC is at or above lithium's melting point, 180.5 degC")
				&& m.get(0).message().contains("(cell Amb, layer b)"), m.get(0).message());
		assertTrue(m.get(1).message().startsWith("fit F: the upper bound of temperature 200 degC is at or above")
				&& m.get(1).message().contains("(cell C, layer b), target X"), m.get(1).message());
		assertTrue(m.get(2).message().startsWith("fit F: the start value of temperature 185 degC"), m.get(2).message());
		assertTrue(m.get(3).message().startsWith("fit G: the lower bound of ambient-temperature 181 degC"), m.get(3).message());
		assertTrue(m.get(4).message().startsWith("fit G: the upper bound of ambient-temperature 190 degC"), m.get(4).message());
	}
}

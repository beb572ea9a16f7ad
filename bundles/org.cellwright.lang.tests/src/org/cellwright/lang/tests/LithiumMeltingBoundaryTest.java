package org.cellwright.lang.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.CellWrightChecker.CheckIssue;
import org.cellwright.lang.CellWrightChecker.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lithium's melting point (LithiumMeltingValidator) where LithiumMeltingPointTest does not look: a temperature set
 * inside a repeat, in a protocol another runs ('run'), at the end of a sweep's range, a cell that adds the lithium
 * to a hot cell it extends (the error at the layer, naming the temperature's line), and a temperature beyond the
 * hottest of any cell (500 degC) is that limit's error alone. Each case kills a mutation of the session-22 test
 * strength audit (M1-M5 in docs/solid-state-solver.md).
 */
public class LithiumMeltingBoundaryTest {

	@TempDir
	Path dir;

	/** Lines 1-4 of the files of this test and FitValidationBoundaryTest: a package, a separator, lithium and a collector. */
	static final String MATERIALS = String.join("\n", "package t", "material LPSCl is solid-electrolyte { ionic-conductivity = 2.5 mS/cm }",
			"material Li is lithium-metal { }", "material SUS is current-collector { }", "");

	private static final String FILE = MATERIALS + String.join("\n", //
			"cell Base { area = 1 cm2", "  temperature = 190 degC", "  layer a: SUS 10 um", "  layer separator: LPSCl 600 um", "}", // 5-9: no lithium
			"cell WithLi extends Base {", "  layer b: Li 20 um", "}", // 10-12: line 11, the temperature at line 6
			"cell Li25 extends WithLi { temperature = 25 degC }", // 13
			"cell Li600 extends WithLi {", "  temperature = 600 degC", "}", // 14-16: line 15, beyond 500 degC
			"protocol InRepeat {", "  repeat 2 {", "    set temperature = 190 degC", "    rest for 1 s", "  }", "}", // 17-22: line 19
			"protocol Called {", "  set temperature = 185 degC", "  rest for 1 s", "}", // 23-26: line 24
			"protocol Caller { run Called }", // 27
			"experiment X { cell Li25 protocol InRepeat }", // 28
			"experiment Y { cell Li25 protocol Caller }", // 29
			"sweep S {", "  experiment X", "  vary temperature from 25 degC to 185 degC step 80 degC", "}", // 30-33: line 32
			"");

	private CellWrightChecker.Result check() throws Exception {
		CellWrightChecker.Result r = CheckerTest.check(dir, "melt.cell", FILE);
		HardeningTest.assertNoCrash(r);
		return r;
	}

	private static List<CheckIssue> melting(CellWrightChecker.Result r) {
		return r.issues().stream().filter(i -> i.message().contains("lithium's melting point")).toList();
	}

	/** M3, M4, M5: a set temperature in a repeat and in a protocol run by another, and a sweep range's end, each at its line. */
	@Test
	public void aTemperatureInARepeatInACalledProtocolAndAtARangesEndIsFound() throws Exception {
		CellWrightChecker.Result r = check();
		List<CheckIssue> m = melting(r);
		assertTrue(m.stream().anyMatch(i -> i.line() == 19 && i.message().startsWith("set temperature 190 degC") && i.message().contains("run by experiment X")),
				m.toString());
		assertTrue(m.stream().anyMatch(i -> i.line() == 24 && i.message().startsWith("set temperature 185 degC") && i.message().contains("run by experiment Y")),
				m.toString());
		assertTrue(m.stream().anyMatch(i -> i.line() == 32 && i.message().startsWith("sweep S: temperature 185 degC")), m.toString());
		for (CheckIssue i : m) assertEquals(Severity.ERROR, i.severity(), i.toString());
	}

	/**
	 * M2: a cell that adds a lithium-metal layer to a cell it extends whose temperature is past the melting point is
	 * the error, at its layer, naming the temperature's line; the cell extending it at 25 degC is clean of it.
	 */
	@Test
	public void aCellAddingLithiumToAHotCellIsAnErrorAtItsLayer() throws Exception {
		List<CheckIssue> m = melting(check());
		assertTrue(m.stream().anyMatch(i -> i.line() == 11 && i.message().startsWith("temperature 190 degC is at or above lithium's melting point")
				&& i.message().contains("(cell WithLi, layer b)") && i.message().contains("(melt.cell:6)")), m.toString());
		assertTrue(m.stream().noneMatch(i -> i.line() == 13 || i.line() >= 5 && i.line() <= 9), m.toString());
	}

	/** M1: 600 degC is beyond the hottest temperature of any cell: that limit's error, once, not also the melting point's. */
	@Test
	public void aTemperatureBeyondTheHottestOfAnyCellIsThatErrorAlone() throws Exception {
		CellWrightChecker.Result r = check();
		List<CheckIssue> at = r.issues().stream().filter(i -> i.line() == 15 && i.severity() == Severity.ERROR).toList();
		assertEquals(1, at.size(), at.toString());
		assertTrue(at.get(0).message().contains("-100 to 500 degC"), at.get(0).message());
	}
}

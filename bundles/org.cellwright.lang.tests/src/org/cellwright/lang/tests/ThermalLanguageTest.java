package org.cellwright.lang.tests;

import static org.cellwright.lang.tests.ValidationTest.*;
import static org.cellwright.lang.validation.CellWrightValidator.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.model.CellThermal;
import org.cellwright.lang.properties.PropertyCatalog;
import org.cellwright.lang.properties.PropertyCatalog.Owner;
import org.cellwright.lang.units.Dimension;
import org.cellwright.lang.units.Units;
import org.cellwright.model.Cell;
import org.cellwright.model.Model;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/**
 * The cell's lumped thermal data (docs/language.md, "Thermal model"): properties with units and ranges, the
 * {@code without thermal} switch (inherited by extending cells, an unknown name an error at its line), partial data a
 * warning at the cell, and the text round trip.
 */
public class ThermalLanguageTest {

	static final String CELL = """
			cell C {
				area = 0.785 cm2
				heat-transfer-coefficient = 10 W/m2/K
				specific-heat-capacity = 913 J/kg/K
				density = 1847 kg/m3
				volume = 128 cm3
				cooling-area = 379 cm2
				ambient-temperature = 25 degC
				layer wcc: SUS 10 um
				layer sep: Li6PS5Cl 700 um
				layer foil: Li 50 um
			}
			""";

	@Test
	void theUnitsConvertToSi() {
		assertEquals(10, Units.convert(1, "mW/cm2/K", "W/m2/K"), 1e-12);
		assertEquals(1000, Units.convert(1, "J/g/K", "J/kg/K"), 1e-9);
		assertEquals(2500, Units.convert(2.5, "kJ/K", "J/K"), 1e-9);
		assertEquals(Dimension.HEAT_TRANSFER_COEFFICIENT, PropertyCatalog.find(Owner.CELL, "heat-transfer-coefficient").orElseThrow().dimension());
		assertEquals(Dimension.SPECIFIC_HEAT_CAPACITY, PropertyCatalog.find(Owner.CELL, "specific-heat-capacity").orElseThrow().dimension());
		assertEquals(Dimension.HEAT_CAPACITY, PropertyCatalog.find(Owner.CELL, "heat-capacity").orElseThrow().dimension());
		assertEquals(Dimension.DENSITY, PropertyCatalog.find(Owner.CELL, "density").orElseThrow().dimension(), "a cell's mean density");
		assertTrue(PropertyCatalog.find(Owner.MATERIAL, "density").isPresent(), "still a material's");
		for (String n : CellThermal.PROPERTIES) assertTrue(PropertyCatalog.find(Owner.CELL, n).isPresent(), n);
	}

	@Test
	void anEntropicCoefficientIsAVoltPerKelvinOfXAndT() throws Exception {
		assertEquals(1e-3, Units.convert(1, "mV/K", "V/K"), 1e-15);
		assertEquals(Dimension.ENTROPIC_COEFFICIENT, PropertyCatalog.find(Owner.MATERIAL, "entropic-coefficient").orElseThrow().dimension());
		String m = "material G is intercalation-anode { max-concentration = 30000 mol/m3  diffusivity = 4e-14 m2/s  exchange-current-density = 1 A/m2\n"
				+ " ocv function V = 0.2 - 0.1*x\n entropic-coefficient = function V/K = -1e-4*x + 2e-6*(T - 298.15) }\n";
		List<Issue> ok = v(m);
		none(ok, WRONG_DIMENSION);
		assertTrue(ok.stream().noneMatch(i -> i.getSeverity() == Severity.ERROR), ok.toString());
		has(v(m.replace("function V/K", "function V")), WRONG_DIMENSION, Severity.ERROR, "entropic-coefficient");
		has(v(m.replace("function V/K = -1e-4*x", "function V/K = -1e-4*c")), EXPRESSION, Severity.ERROR, "unknown variable 'c'");
	}

	@Test
	void aCellWithItsThermalDataIsClean() throws Exception {
		List<Issue> issues = v(CELL);
		none(issues, MISSING_PROPERTY);
		none(issues, WRONG_DIMENSION);
		none(issues, UNKNOWN_PROPERTY);
	}

	@Test
	void unitsAndRangesAreChecked() throws Exception {
		has(v(CELL.replace("10 W/m2/K", "10 W/m2")), WRONG_DIMENSION, Severity.ERROR, "heat-transfer-coefficient");
		has(v(CELL.replace("913 J/kg/K", "913 J/K")), WRONG_DIMENSION, Severity.ERROR, "specific-heat-capacity");
		has(v(CELL.replace("10 W/m2/K", "-1 W/m2/K")), OUT_OF_RANGE, Severity.ERROR, "heat-transfer-coefficient");
		none(v(CELL.replace("10 W/m2/K", "0 W/m2/K")), OUT_OF_RANGE); // adiabatic
		has(v(CELL.replace("volume = 128 cm3", "volume = 0 cm3")), OUT_OF_RANGE, Severity.ERROR, "volume");
	}

	@Test
	void partialDataIsAWarningAtTheCellNamingWhatIsMissing() throws Exception {
		String partial = CELL.replace("\tdensity = 1847 kg/m3\n", "").replace("\tcooling-area = 379 cm2\n", "");
		Issue i = has(v(partial), MISSING_PROPERTY, Severity.WARNING, "cell C gives part of the lumped thermal model's data",
				"lacks cooling-area; density (or heat-capacity)", "without thermal");
		assertEquals(HEAD.split("\n").length + 1, i.getLineNumber(), "at the cell");
		// a total heat capacity stands for c_p, density and volume
		none(v(partial.replace("specific-heat-capacity = 913 J/kg/K", "heat-capacity = 200 J/K  cooling-area = 379 cm2")), MISSING_PROPERTY);
		// switched off, nothing is missing
		none(v(partial.replace("area = 0.785 cm2", "area = 0.785 cm2\n without thermal")), MISSING_PROPERTY);
	}

	@Test
	void withoutThermalIsTheCellsSwitchAndItsBasesAre() throws Exception {
		String text = HEAD + CELL.replace("area = 0.785 cm2", "area = 0.785 cm2\n without thermal") + "cell D extends C { }\n";
		CellWrightChecker checker = new CellWrightChecker();
		XtextResource res = checker.parse(text, "w.cell");
		assertTrue(res.getErrors().isEmpty(), res.getErrors().toString());
		List<Cell> cells = ((Model) res.getContents().get(0)).getElements().stream().filter(e -> e instanceof Cell).map(e -> (Cell) e).toList();
		assertEquals(List.of("thermal"), cells.get(0).getSwitchedOff());
		assertFalse(CellThermal.isThermal(cells.get(0)));
		assertFalse(CellThermal.isThermal(cells.get(1)), "inherited by D");
		RoundTripTest.assertRoundTrip(checker, res);
		assertTrue(RoundTripTest.format(checker, res.getContents().get(0)).contains("\n\twithout thermal\n"), "a line of its own");

		Issue i = has(v(CELL.replace("area = 0.785 cm2", "area = 0.785 cm2\n without thermals")), UNKNOWN_PROPERTY, Severity.ERROR,
				"'without thermals'", "switchable: thermal");
		assertEquals(HEAD.split("\n").length + 3, i.getLineNumber(), "at the switch");
	}
}

package org.cellwright.lang.tests;

import static org.cellwright.lang.tests.ValidationTest.*;
import static org.cellwright.lang.validation.CellWrightValidator.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.lang.properties.PropertyCatalog;
import org.cellwright.lang.properties.PropertyCatalog.Owner;
import org.cellwright.lang.units.Dimension;
import org.cellwright.lang.units.Units;
import org.cellwright.model.MaterialKind;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/**
 * The liquid-electrolyte kind (a binary salt in a solvent, concentrated-solution theory): its properties with their
 * units and ranges, an error at the material naming what it lacks, and its place in the stack (an electrolyte layer
 * separates the electrodes, it does not conduct electrons).
 */
public class LiquidElectrolyteTest {

	/** LiPF6 in EC:DMC at 1 M, the Marquis et al. 2019 electrolyte evaluated at c = 1000 mol/m3, T = 298.15 K. */
	static final String LP30 = """
			material LP30 is liquid-electrolyte {
				ionic-conductivity = 11.05 mS/cm
				diffusivity = 2.79e-10 m2/s
				transference-number = 0.4
				thermodynamic-factor = 1
				initial-concentration = 1 mol/L
			}
			""";

	@Test
	void aCompleteElectrolyteIsClean() throws Exception {
		List<Issue> issues = v(LP30);
		assertTrue(issues.isEmpty(), "expected no issues: " + issues);
	}

	@Test
	void theCatalogKnowsItsUnits() {
		assertEquals(Dimension.CONCENTRATION, PropertyCatalog.find(Owner.MATERIAL, "initial-concentration").orElseThrow().dimension());
		assertEquals(Dimension.DIMENSIONLESS, PropertyCatalog.find(Owner.MATERIAL, "transference-number").orElseThrow().dimension());
		assertEquals(Dimension.DIMENSIONLESS, PropertyCatalog.find(Owner.MATERIAL, "thermodynamic-factor").orElseThrow().dimension());
		assertEquals(1000, Units.convert(1, "mol/L", "mol/m3"), 1e-9);
		PropertyCatalog.Expected e = PropertyCatalog.expected(MaterialKind.LIQUID_ELECTROLYTE).orElseThrow();
		assertFalse(e.ocv());
		assertEquals(List.of("ionic-conductivity", "diffusivity", "transference-number", "initial-concentration"), e.material());
	}

	@Test
	void anElectrolyteWithoutConductivityIsAnErrorAtTheMaterial() throws Exception {
		List<Issue> issues = v("""
				material Salt is liquid-electrolyte {
					diffusivity = 2.79e-10 m2/s
					transference-number = 0.4
					initial-concentration = 1 mol/L
				}
				""");
		Issue i = has(issues, MISSING_PROPERTY, Severity.ERROR, "liquid-electrolyte Salt lacks ionic-conductivity");
		assertFalse(i.getMessage().contains("lacks ionic-conductivity, diffusivity"), i.getMessage());
		assertEquals(4, i.getLineNumber(), "at the material");
		// everything missing is named at once
		has(v("material Empty is liquid-electrolyte { }"), MISSING_PROPERTY, Severity.ERROR,
				"ionic-conductivity, diffusivity, transference-number, initial-concentration");
	}

	@Test
	void unitsAndRangesAreChecked() throws Exception {
		has(v(LP30.replace("initial-concentration = 1 mol/L", "initial-concentration = 1 S/m")), WRONG_DIMENSION, Severity.ERROR,
				"initial-concentration");
		has(v(LP30.replace("ionic-conductivity = 11.05 mS/cm", "ionic-conductivity = 11.05 V")), WRONG_DIMENSION, Severity.ERROR,
				"ionic-conductivity");
		has(v(LP30.replace("transference-number = 0.4", "transference-number = 1.2")), OUT_OF_RANGE, Severity.ERROR,
				"transference-number"); // 1 is a single-ion conductor (accepted), above 1 is not
		has(v(LP30.replace("thermodynamic-factor = 1", "thermodynamic-factor = 0")), OUT_OF_RANGE, Severity.ERROR,
				"thermodynamic-factor");
		has(v(LP30.replace("initial-concentration = 1 mol/L", "initial-concentration = -1 mol/L")), OUT_OF_RANGE, Severity.ERROR,
				"initial-concentration");
	}

	@Test
	void aLiquidSeparatorSeparatesTheElectrodes() throws Exception {
		List<Issue> issues = v(IntercalationAnodeTest.GRAPHITE + LP30
				+ IntercalationAnodeTest.fullCell("Liquid", "1 cm2", "porosity = 0.3  particle-radius = 1 um", "LP30 25 um"));
		for (Issue i : issues)
			assertNotEquals(Severity.ERROR, i.getSeverity(), i.toString());
		// the electrolyte does not conduct electrons: it cannot be an electrode of the stack
		has(v(LP30 + """
				cell NoAnode { area = 1 cm2 layer a: LP30 25 um layer s: Li6PS5Cl 700 um layer c: CathodeMix { areal-loading = 20 mg/cm2 } }
				"""), STACK, Severity.ERROR, "electrode on each side");
	}
}

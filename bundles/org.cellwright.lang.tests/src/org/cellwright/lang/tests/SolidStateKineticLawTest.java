package org.cellwright.lang.tests;

import static org.cellwright.lang.tests.ValidationTest.*;
import static org.cellwright.lang.validation.CellWrightValidator.*;
import static org.cellwright.testing.SolidStateCell.withLaw;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.testing.SolidStateCell;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/**
 * An intercalation cathode's exchange-current-density as a function of the state in a solid-state cell
 * (docs/language.md, "Properties as functions of the state"): accepted as a law of cs, x, cmax and T, which the
 * composite cathode evaluates; ce (the salt concentration a single-ion solid electrolyte does not have), an unknown
 * variable, a wrong unit and a negative value are errors at their line; every other function still runs in DFN
 * cells only.
 */
public class SolidStateKineticLawTest {

	/** Line (1-based, in HEAD + SolidStateCell.LAW_CELL) of the exchange-current-density. */
	static final int LINE = (HEAD + SolidStateCell.LAW_CELL).substring(0, (HEAD + SolidStateCell.LAW_CELL).indexOf("exchange-current-density")).split("\n", -1).length;

	static void noErrors(List<Issue> issues) {
		for (Issue i : issues)
			assertNotEquals(Severity.ERROR, i.getSeverity(), "no error: " + i);
	}

	@Test
	void aLawOfTheSurfaceConcentrationIsAccepted() throws Exception {
		noErrors(v(withLaw("function A/m2 = 2 * 0.9 * sqrt(x * (1 - x))")));
		noErrors(v(withLaw("function A/m2 = 1.2e-4 * cs^0.5 * (cmax - cs)^0.5 * exp(48000/R*(1/298.15 - 1/T))")));
		noErrors(v(withLaw("table A/m2 against x { 0 0, 0.5 1, 1 0 }")));
		none(v(withLaw("function A/m2 = 1.2e-4 * cs^0.5 * (cmax - cs)^0.5")), NOT_SIMULATED);
	}

	@Test
	void theSaltConcentrationIsAnErrorAtTheVariable() throws Exception {
		List<Issue> issues = v(withLaw("function A/m2 = 1e-5 * ce^0.5 * cs^0.5 * (cmax - cs)^0.5"));
		Issue i = has(issues, NOT_SIMULATED, Severity.ERROR, "exchange-current-density of NcmFn uses ce", "cell SolidFn has a solid electrolyte",
				"Li+ concentration is fixed", "cs, x, cmax and T");
		assertEquals(LINE, i.getLineNumber());
		assertEquals("ce".length(), i.getLength(), "at the variable");
		has(v(withLaw("table A/m2 against c mol/m3 { 0 0, 1000 1 }")), NOT_SIMULATED, Severity.ERROR, "uses c,");
		// the same law in a cell with a liquid electrolyte is not refused for ce (PropertyFunctionsTest, DFN cells)
	}

	@Test
	void badVariablesUnitsAndValuesAreLocated() throws Exception {
		Issue unknown = has(v(withLaw("function A/m2 = 1e-4 * y * cs")), EXPRESSION, Severity.ERROR, "unknown variable 'y'");
		assertEquals(LINE, unknown.getLineNumber());
		Issue unit = has(v(withLaw("function V = 1e-4 * cs")), WRONG_DIMENSION, Severity.ERROR, "exchange-current-density expects");
		assertEquals(LINE, unit.getLineNumber());
		Issue negative = has(v(withLaw("function A/m2 = 1e-4 * (cs - cmax / 2)")), OUT_OF_RANGE, Severity.ERROR,
				"exchange-current-density goes negative", "x = ");
		assertEquals(LINE, negative.getLineNumber());
	}

	/**
	 * A cell with a layer whose material does not resolve (an import misspelt, `import cellwright.sets.chen201.*`) may
	 * be a liquid-electrolyte cell: its functions of the state are not called errors of a solid-state cell ("... which
	 * runs in cells with a liquid electrolyte (DFN) only: cell C has none"), only the unresolved reference is said
	 * (seen walking the IDE on chen2020-halfcell.cell, session 28). Resolved to a solid electrolyte, the error is back.
	 */
	@Test
	void aCellWithAnUnresolvedMaterialIsNotCalledSolidState() throws Exception {
		String body = """
				material Foil is lithium-metal {
					exchange-current-density = function A/m2 = 3.5e-8 * F * (1 / 1.3e-5)^0.7 * ce^0.3
				}
				cell C {
					area = 1 cm2
					layer foil: Foil 85 um
					layer separator: LGM50Separatr 12 um
				}
				""";
		List<Issue> issues = v(body);
		assertTrue(issues.stream().anyMatch(i -> i.getMessage().contains("Couldn't resolve reference to Material 'LGM50Separatr'")), issues.toString());
		none(issues, NOT_SIMULATED);
		has(v(body.replace("LGM50Separatr", "Li6PS5Cl")), NOT_SIMULATED, Severity.ERROR, "exchange-current-density of Foil is a function of the state",
				"cell C has none");
	}

	@Test
	void otherFunctionsStillRunInDfnCellsOnly() throws Exception {
		List<Issue> issues = v(withLaw("0.9 A/m2").replace("diffusivity = 4e-15 m2/s", "diffusivity = function m2/s = 4e-15 * (1 - x)"));
		has(issues, NOT_SIMULATED, Severity.ERROR, "diffusivity of NcmFn is a function of the state",
				"liquid electrolyte (DFN) only", "the solid-state solver takes diffusivity as a quantity");
	}
}

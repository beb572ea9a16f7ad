package org.cellwright.lang.tests;

import static org.cellwright.lang.tests.ValidationTest.*;
import static org.cellwright.lang.validation.CellWrightValidator.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.lang.expressions.PropertyFunctions;
import org.cellwright.model.Material;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/**
 * {@code particle-modes} in the solver block (docs/language.md, "Solver block"): a whole number from 2 to the shells
 * it stands for (particle-nodes, default 30), a located error otherwise; a note where it does nothing (a particle
 * diffusivity that depends on c keeps the shells).
 */
public class ParticleModesTest {

	static List<Issue> run(String set, String cell, String protocol, String solver) throws Exception {
		return validate("t.cell", "package t\nimport cellwright.sets." + set + ".*\n\n"
				+ "experiment X {\n  cell " + cell + "  protocol " + protocol + "\n  solver { " + solver + " }\n}\n");
	}

	static List<Issue> chen(String solver) throws Exception {
		return run("chen2020", "Chen2020LGM50", "Chen2020Discharge1C", solver);
	}

	@Test
	void aWholeNumberUpToTheShellsIsAccepted() throws Exception {
		for (String s : new String[] { "particle-modes = 8", "particle-modes = 2", "particle-modes = 30",
				"particle-nodes = 12  particle-modes = 12" }) {
			List<Issue> issues = chen(s);
			assertTrue(issues.isEmpty(), s + ": " + issues);
		}
	}

	@Test
	void outsideTwoToTheShellsIsAnErrorAtItsLine() throws Exception {
		Issue i = has(chen("particle-modes = 1"), OUT_OF_RANGE, Severity.ERROR, "particle-modes", "must be a whole number in [2, 10000]");
		assertEquals(6, i.getLineNumber());
		has(chen("particle-modes = 8.5"), OUT_OF_RANGE, Severity.ERROR, "a whole number");
		has(chen("particle-modes = 8 mV"), WRONG_DIMENSION, Severity.ERROR, "particle-modes");
		i = has(chen("particle-modes = 40"), OUT_OF_RANGE, Severity.ERROR, "particle-modes 40 stands for the particle's 30 shells",
				"default 30", "at most 30");
		assertEquals(6, i.getLineNumber());
		i = has(chen("particle-nodes = 10  particle-modes = 12"), OUT_OF_RANGE, Severity.ERROR, "particle's 10 shells", "at most 10");
		assertEquals(6, i.getLineNumber());
		none(chen("particle-nodes = 40  particle-modes = 40"), OUT_OF_RANGE);
	}

	@Test
	void aValueDependsOnTheStateWhenItUsesCXCeOrCs() throws Exception {
		String[][] cases = { { "4e-15 m2/s", "false" }, { "function m2/s = 4e-15*exp(30000/R*(1/298.15 - 1/T))", "false" },
				{ "function m2/s = 1e-20*cmax", "false" }, { "table m2/s against T K { 280 1e-15, 320 4e-15 }", "false" },
				{ "function m2/s = 4e-15*(1 + x)", "true" }, { "function m2/s = 4e-19*cs", "true" },
				{ "table m2/s against x { 0 1e-15, 1 4e-15 }", "true" } };
		for (String[] c : cases) {
			Material m = PropertyFunctionsTest.material("material P is intercalation-cathode { max-concentration = 50000 mol/m3  diffusivity = "
					+ c[0] + " }\n", "P");
			assertEquals(Boolean.parseBoolean(c[1]), PropertyFunctions.dependsOnState(PropertyFunctions.find(m, "diffusivity").orElseThrow()), c[0]);
		}
	}

	@Test
	void aDiffusivityOfConcentrationGetsANote() throws Exception {
		// Ecker 2015's particle diffusivities are functions of x: its particles keep their shells
		Issue i = has(run("ecker2015", "Ecker2015Kokam", "Ecker2015Discharge1C", "particle-modes = 8"), NO_EFFECT, Severity.INFO,
				"no effect in cell Ecker2015Kokam", "depends on the concentration");
		assertEquals(6, i.getLineNumber());
		// Chen 2020's are constants, Marquis 2019's functions of T only (its electrolyte's of c does not count)
		none(chen("particle-modes = 8"), NO_EFFECT);
		none(run("marquis2019", "Marquis2019Kokam", "Marquis2019Discharge1C", "particle-modes = 8"), NO_EFFECT);
	}
}

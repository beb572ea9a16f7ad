package org.cellwright.lang.tests;

import static org.cellwright.lang.tests.ValidationTest.*;
import static org.cellwright.lang.validation.CellWrightValidator.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, "Language and sharing" (docs/language.md): a Bruggeman exponent of 0 (the phase conducts as its bulk) is
 * accepted on every layer, and the per-phase exponents on a solid-state layer too; both tolerances of the solver block
 * have a range, a value outside it an error at its line; {@code without contact-loss} on the Li foil of a cell that
 * runs on the DFN solver, which has no contact-loss model, gets a note at the statement.
 */
public class LayerAndSolverRangesTest {

	/** The study's solid-state full cell (line 5: the cathode layer) with the cathode's properties {@code props}. */
	static List<Issue> solidState(String props) throws Exception {
		return v("""
				cell C {
					area = 0.785 cm2
					layer wcc: SUS 10 um
					layer sep: Li6PS5Cl 700 um
					layer cathode: CathodeMix { areal-loading = 20 mg/cm2  %s }
					layer ccc: SUS 10 um
				}
				""".formatted(props));
	}

	@Test
	void aBruggemanExponentOfZeroIsAcceptedOnASolidStateLayerANegativeOneIsAnError() throws Exception {
		clean(solidState("bruggeman = 0"));
		Issue i = has(solidState("bruggeman = -0.5"), OUT_OF_RANGE, Severity.ERROR, "bruggeman must be >= 0", "not -0.5");
		assertEquals(8, i.getLineNumber());
	}

	@Test
	void thePerPhaseExponentsAreAcceptedOnASolidStateLayer() throws Exception {
		// mapped onto its ionic and electronic conduction (run test PerPhaseTortuosityMappingTest), so no note either
		clean(solidState("bruggeman-electrolyte = 1.5  bruggeman-solid = 0"));
		Issue i = has(solidState("bruggeman-solid = -1"), OUT_OF_RANGE, Severity.ERROR, "bruggeman-solid must be >= 0");
		assertEquals(8, i.getLineNumber());
	}

	static List<Issue> chen(String solver) throws Exception {
		return ParticleModesTest.chen(solver);
	}

	@Test
	void aToleranceOutsideItsRangeIsAnErrorAtItsLine() throws Exception {
		// the audit's case: relative-tolerance = 2 passed check, and the run ended in "step size underflow"
		Issue i = has(chen("relative-tolerance = 2"), OUT_OF_RANGE, Severity.ERROR, "relative-tolerance must be in [1e-10, 0.01]", "not 2");
		assertEquals(6, i.getLineNumber());
		i = has(chen("relative-tolerance = 1e-12"), OUT_OF_RANGE, Severity.ERROR, "relative-tolerance must be in [1e-10, 0.01]");
		assertEquals(6, i.getLineNumber());
		i = has(chen("absolute-tolerance = 0.01"), OUT_OF_RANGE, Severity.ERROR, "absolute-tolerance must be in [1e-12, 1e-4]");
		assertEquals(6, i.getLineNumber());
		has(chen("absolute-tolerance = 0"), OUT_OF_RANGE, Severity.ERROR, "absolute-tolerance must be in");
		for (String ok : new String[] { "relative-tolerance = 1e-4", "relative-tolerance = 0.01", "relative-tolerance = 1e-10",
				"absolute-tolerance = 1e-6", "absolute-tolerance = 1e-4", "absolute-tolerance = 1e-12" })
			none(chen(ok), OUT_OF_RANGE);
	}

	/** Chen 2020's half cell (a Li foil in a liquid electrolyte: DFN) with the foil as {@code foil}. */
	static List<Issue> dfnHalfCell(String foil) throws Exception {
		return validate("t.cell", """
				package t
				import cellwright.sets.chen2020.*
				material XuLi is lithium-metal { exchange-current-density = 1 A/m2  electronic-conductivity = 1e7 S/m }
				cell HC {
					area = 1027 cm2
					nominal-capacity = 5 Ah
					%s
					layer separator: LGM50Separator 12 um
					layer positive: LGM50NMC811 75.6 um { porosity = 0.335  particle-radius = 5.22 um }
				}
				""".formatted(foil));
	}

	@Test
	void withoutContactLossOnTheFoilOfADfnCellGetsANoteAtTheStatement() throws Exception {
		List<Issue> issues = dfnHalfCell("layer foil: XuLi 85.2 um { without contact-loss }");
		Issue i = has(issues, NO_EFFECT, Severity.INFO, "'without contact-loss' has no effect in cell HC", "DFN solver",
				"no contact-loss model");
		assertEquals(7, i.getLineNumber());
		assertTrue(issues.stream().noneMatch(x -> x.getSeverity() == Severity.ERROR), issues.toString());
		none(dfnHalfCell("layer foil: XuLi 85.2 um"), NO_EFFECT);
		// in a solid-state cell the switch acts (solver MechanismSwitchTest): no note
		none(v("""
				cell S {
					area = 0.785 cm2
					layer wcc: SUS 10 um
					layer foil: Li 50 um { without contact-loss }
					layer sep: Li6PS5Cl 700 um
					layer cathode: CathodeMix { areal-loading = 20 mg/cm2 }
					layer ccc: SUS 10 um
				}
				"""), NO_EFFECT);
	}
}

package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;

import org.cellwright.model.Cell;
import org.cellwright.run.CellFiles;
import org.cellwright.run.SimulationInputs;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.StepResult;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.ComponentSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.MaterialProperty;
import org.cellwright.solver.input.MaterialSpec;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.physics.Constants;
import org.cellwright.testing.Cli;
import org.cellwright.testing.SolidStateCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A solid-state cathode's exchange-current-density written as a function of the state (docs/language.md,
 * "Properties as functions of the state") maps through PropertyFunctions.kinetic to the composite cathode's law,
 * Arrhenius factor included: written as the fixed form 2 i0(1/2) sqrt(x (1 - x)) it runs the same cycle as the
 * quantity; a different law runs another one.
 */
class SolidStateKineticLawRunTest {

	@TempDir Path tmp;

	/** An NCM-like cathode material NAME whose exchange current is I0 (a quantity or a function). */
	static String material(String name, String i0) {
		return SolidStateCell.material(name, "51765 mol/m3", i0, "0.4", "4.3 - 0.9 * x - 0.05 * exp(-30 * (1 - x))");
	}

	static final String CELLS = "package k\nimport cellwright.materials.*\n"
			+ material("NcmQ", "exchange-current-density = 0.9 A/m2  exchange-current-activation-energy = 48 kJ/mol")
			+ material("NcmLaw", "exchange-current-density = function A/m2 = 2 * 0.9 * sqrt(cs / cmax * (1 - cs / cmax))"
					+ "  exchange-current-activation-energy = 48 kJ/mol")
			+ material("NcmSlow", "exchange-current-density = function A/m2 = 0.02 * x^0.5 * exp(48000/R*(1/298.15 - 1/T))")
			+ SolidStateCell.composite("MixQ", "NcmQ") + SolidStateCell.composite("MixLaw", "NcmLaw") + SolidStateCell.composite("MixSlow", "NcmSlow")
			+ SolidStateCell.cell("Q", "MixQ") + """
			cell Law extends Q { layer cathode: MixLaw 50 um { porosity = 0.2  particle-radius = 5 um } }
			cell Slow extends Q { layer cathode: MixSlow 50 um { porosity = 0.2  particle-radius = 5 um } }
			""";

	private CellSpec cell(String name) throws Exception {
		CellFiles f = CellFiles.load(List.of(Cli.write(tmp.resolve("k.cell"), CELLS)));
		assertFalse(f.hasErrors(), f.problems().toString());
		Cell c = f.models().get(0).getElements().stream().filter(e -> e instanceof Cell x && name.equals(x.getName()))
				.map(Cell.class::cast).findFirst().orElseThrow();
		return SimulationInputs.cell(c);
	}

	private static MaterialSpec ncm(CellSpec cell) {
		for (ComponentSpec c : cell.cathode().components())
			if (c.material().name().startsWith("Ncm")) return c.material();
		throw new AssertionError("no Ncm in " + cell);
	}

	/** A discharge at 1 mA/cm2 to 3.5 V and a charge back to 4.2 V, at 45 degC (the Arrhenius factor applies). */
	private static List<StepResult> cycle(CellSpec cell) {
		RecordingSink s = new RecordingSink();
		new Simulation().run(cell.toBuilder().temperature(318.15).build(),
				ProtocolSpec.of(StepSpec.currentDensity(-10, Cutoff.voltageBelow(3.5), Cutoff.duration(3 * 3600)),
						StepSpec.currentDensity(10, Cutoff.voltageAbove(4.2), Cutoff.duration(3 * 3600))),
				SolverSettings.builder().cathodeNodes(8).particleNodes(12).build(), s, null);
		assertEquals(RunStatus.COMPLETED, s.status, () -> s.events.toString());
		return s.steps(); // the discharge is cycle 1, the charge opens cycle 2
	}

	@Test
	void theFunctionMapsToTheCathodesLawWithItsArrheniusFactor() throws Exception {
		MaterialSpec q = ncm(cell("Q")), law = ncm(cell("Law"));
		assertNull(q.exchangeCurrentLaw(), "a quantity keeps the fixed form");
		assertEquals(0.9, q.require(MaterialProperty.EXCHANGE_CURRENT_DENSITY), 0);
		assertNotNull(law.exchangeCurrentLaw());
		assertFalse(law.has(MaterialProperty.EXCHANGE_CURRENT_DENSITY), "the function is no quantity");
		double cmax = 51765;
		for (double t : new double[] { 298.15, 333.15 })
			for (double x : new double[] { 0.1, 0.5, 0.97 })
				assertEquals(2 * 0.9 * Constants.arrhenius(48e3, t, 298.15) * Math.sqrt(x * (1 - x)),
						law.exchangeCurrentLaw().at(Double.NaN, x * cmax, cmax, t), 1e-12, "x " + x + ", T " + t);
	}

	@Test
	void theFixedFormWrittenAsAFunctionRunsTheSameCycleAndAnotherLawDoesNot() throws Exception {
		List<StepResult> q = cycle(cell("Q")), law = cycle(cell("Law")), slow = cycle(cell("Slow"));
		for (int i = 0; i < 2; i++) {
			assertEquals(q.get(i).end(), law.get(i).end());
			assertEquals(q.get(i).charge(), law.get(i).charge(), 1e-6 * Math.abs(q.get(i).charge()), "step " + i);
			assertEquals(q.get(i).endVoltage(), law.get(i).endVoltage(), 1e-6, "step " + i);
		}
		assertTrue(Math.abs(slow.get(0).charge()) < 0.99 * Math.abs(q.get(0).charge()),
				"a slower law discharges less: " + slow.get(0).charge() + " vs " + q.get(0).charge() + " C/m2");
	}
}

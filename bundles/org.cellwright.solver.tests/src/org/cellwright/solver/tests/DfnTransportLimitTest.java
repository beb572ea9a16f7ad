package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnModel;
import org.cellwright.solver.dfn.ElectrochemicalSeries;
import org.cellwright.solver.dfn.IntercalationElectrode;
import org.cellwright.solver.dfn.OpenCircuitPotential;
import org.cellwright.solver.dfn.ParticlePopulation;
import org.cellwright.solver.params.Chen2020;
import org.junit.jupiter.api.Test;

/**
 * DfnModel.transportLimit names the state where a transport path is exhausted under the current (the runner ends a
 * step there when the integration stops before its cut-off): the electrolyte depleted in one cell, the positive's
 * particle surfaces saturated while they take lithium; a fresh cell and the same states under the opposite current
 * (the surfaces giving lithium) are no limit.
 */
class DfnTransportLimitTest {

	@Test
	void aDepletedElectrolyteCellAndASaturatedSurfaceAreNamedWithTheirPlace() {
		DfnModel discharge = new DfnModel(Chen2020.cell(), DfnMesh.benchmark(), t -> Chen2020.ONE_C);
		double[] y = discharge.initialState();
		assertNull(discharge.transportLimit(0, y), "the fresh cell");
		var mesh = discharge.mesh();
		int last = mesh.cells() - 1; // the positive's cell at its collector
		double c0 = Chen2020.cell().initialElectrolyteConcentration();
		double[] depleted = y.clone();
		depleted[discharge.start(last)] = 0.5 * DfnModel.EXHAUSTED * c0; // c_e, the first unknown of a cell's core block
		String why = discharge.transportLimit(0, depleted);
		assertNotNull(why);
		assertTrue(why.startsWith(String.format(java.util.Locale.ROOT, "the electrolyte is depleted at x = %.1f um", 1e6 * mesh.centre(last))), why);
		depleted[discharge.start(last)] = 2 * DfnModel.EXHAUSTED * c0;
		assertNull(discharge.transportLimit(0, depleted), "above the threshold");

		// every shell of one positive particle at c_max: its surface is saturated, a limit while it takes lithium only
		int g = mesh.firstCell(2);
		double cMax = Chen2020.cell().positive().particle().maximumConcentration();
		double[] full = y.clone();
		for (int k = 0; k < 30; k++) full[discharge.particleStart(g, 0) + k] = cMax; // the benchmark mesh's 30 shells
		String saturated = discharge.transportLimit(0, full);
		assertNotNull(saturated);
		assertTrue(saturated.startsWith(String.format(java.util.Locale.ROOT, "the positive particles' surface is saturated at x = %.1f um", 1e6 * mesh.centre(g))), saturated);
		DfnModel charge = new DfnModel(Chen2020.cell(), DfnMesh.benchmark(), t -> -Chen2020.ONE_C);
		assertNull(charge.transportLimit(0, full), "a full surface giving lithium is no limit");
	}

	/** About:Energy's LFP OCP fit (BPX file aboutenergy__lfp_18650_cell_BPX.json, "Positive electrode" / "OCP [V]"). */
	static double lfp(double x) {
		return 3.41285712 - 1.49721852e-02 * x + 3.54866018e+14 * Math.exp(-3.95729493e+02 * x) - 1.45998465 * Math.exp(-1.10108622e+02 * (1 - x));
	}

	/**
	 * A particle surface whose OCP fit runs away past the stoichiometries it describes (About:Energy's LFP fit: 17 kV at
	 * x = 0.06, where the transport limit, 1e-3 of the range from its end, is far) is named at the end of its range
	 * (session 16: the charge past full crawled to a stall, 29,000 micro-steps); the same surface at x = 0.1 (3.43 V), and
	 * under the opposite current, are not, and the margin changes sign between.
	 */
	@Test
	void aSurfaceWhoseOcpFitLeavesTheSpanOfElectrodePotentialsIsAtTheEndOfItsRange() {
		assertEquals(5.9061, ElectrochemicalSeries.SPAN, 1e-12);
		assertEquals(0, ElectrochemicalSeries.margin(-ElectrochemicalSeries.SPAN), 1e-15);
		assertTrue(ElectrochemicalSeries.margin(Double.NaN) < 0, "a NaN OCP is past the span");
		IntercalationElectrode nmc = Chen2020.nmc811();
		ParticlePopulation p = nmc.population();
		ParticlePopulation lfp = new ParticlePopulation("LFP fit", p.activeFraction(), p.particle(), p.initialConcentration(),
				(OpenCircuitPotential) (x, temperature) -> lfp(x), p.kinetics());
		DfnCell c = Chen2020.cell();
		DfnCell cell = new DfnCell(c.negative(), c.separator(), nmc.withPopulations(List.of(lfp)), c.electrolyte(),
				c.initialElectrolyteConcentration(), c.temperature());
		DfnModel charge = new DfnModel(cell, DfnMesh.benchmark(), t -> -Chen2020.ONE_C);
		var mesh = charge.mesh();
		int g = mesh.firstCell(2);
		double cMax = p.particle().maximumConcentration();
		double[] y = charge.initialState();
		for (double x : new double[] {0.1, 0.06}) {
			double[] s = y.clone();
			for (int k = 0; k < 30; k++) s[charge.particleStart(g, 0) + k] = x * cMax;
			String named = charge.transportLimit(0, s);
			if (x == 0.1) {
				assertNull(named, "3.43 V at x = 0.1");
				assertTrue(charge.transportMargin(0, s) > 0);
				continue;
			}
			assertNotNull(named, "17 kV at x = 0.06");
			assertTrue(named.startsWith(String.format(java.util.Locale.ROOT, "the positive particles' surface OCP is %.3f V at x = %.1f um",
					lfp(charge.surfaceConcentration(s, g) / cMax), 1e6 * mesh.centre(g))), named);
			assertTrue(named.contains("(the end of its stoichiometry range)"), named);
			assertTrue(charge.transportMargin(0, s) < 0);
		}
	}
}

package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnModel;
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
}

package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnSimulation;
import org.cellwright.solver.dfn.DfnSolution;
import org.cellwright.solver.dfn.LiquidElectrolyte;
import org.cellwright.solver.dfn.StateFunction;
import org.cellwright.solver.params.Chen2020;
import org.junit.jupiter.api.Test;

/**
 * Order of convergence of the DFN's finite volumes in x (issue 13, "Tests assert the order of convergence in space"):
 * cell-centred volumes with face values from both neighbours are second order. The face's transference number is the
 * mean of its two cells'; the left cell's alone (an upwind value, half a cell off) conserves salt as well and is the
 * same for a constant t+, as in every shipped set, but with a t+(c) it makes the migration flux first order (mutation
 * audit, session 18: that mutation passed every test). The Chen 2020 cell with a t+ falling with concentration as
 * LiPF6's does (an illustrative linear law for the test, t+ = 0.38 - 1e-4 c: 0.28 at 1 M), 2 C discharge, voltage at
 * 900 s, the x-mesh halved from 12 to 96 cells per layer (particles and time tight and fixed).
 */
class DfnSpatialOrderTest {
    @Test
    void theElectrolyteWithAConcentrationDependentTransferenceNumberConvergesAtSecondOrderInX() {
        LiquidElectrolyte e = Chen2020.electrolyte();
        LiquidElectrolyte withT = new LiquidElectrolyte(e.name() + ", t+(c)", e.conductivity(), e.diffusivity(),
                (c, temperature) -> 0.38 - 1e-4 * c, e.thermodynamicFactor());
        DfnCell base = Chen2020.cell();
        DfnCell cell = new DfnCell(base.negativeElectrode(), base.separator(), base.positive(), withT, 1000, Chen2020.T_REF);
        int[] cells = {12, 24, 48, 96};
        double[] v = new double[cells.length];
        for (int k = 0; k < cells.length; k++) {
            int n = cells[k];
            DfnSolution s = new DfnSimulation(1e-8).run(cell, new DfnMesh(n, n, n, 10), t -> 2 * Chen2020.ONE_C, new double[] {900}, 2.5);
            assertEquals(900, s.last().time(), 1e-9);
            v[k] = s.last().voltage();
            if (k == 0) {
                double[] ce = s.last().electrolyteConcentration();
                double lo = java.util.Arrays.stream(ce).min().getAsDouble(), hi = java.util.Arrays.stream(ce).max().getAsDouble();
                assertTrue(1e-4 * (hi - lo) > 0.03, "t+ must vary across the cell: c_e from " + lo + " to " + hi);
            }
        }
        for (int k = 0; k + 2 < v.length; k++) {
            double p = Math.log(Math.abs((v[k + 1] - v[k]) / (v[k + 2] - v[k + 1]))) / Math.log(2);
            assertEquals(2, p, 0.2, "observed order between " + cells[k] + " and " + cells[k + 2] + " cells per layer: " + java.util.Arrays.toString(v));
        }
    }
}

package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnModel;
import org.cellwright.solver.dfn.LocalHeat;
import org.cellwright.solver.dfn.ParticlePopulation;
import org.cellwright.solver.numerics.dae.BdfIntegrator;
import org.cellwright.solver.params.Chen2020;
import org.cellwright.solver.params.Marquis2019;
import org.junit.jupiter.api.Test;

/**
 * The local heat source (LocalHeat) against the energy balance it must satisfy at every consistent state: the ohmic heat
 * of the two phases plus the reaction heat (plus the foil's) is the electrical work the cell does not deliver against the
 * particle-surface OCPs, -I V - sum_k integral a_k j_k U_k(c_s,surf) dx (the two charge balances summed by parts). The
 * identity needs every term, each with its own sign and face conductance: leaving out the electrolyte's diffusional
 * term, or a boundary half cell, breaks it by far more than its tolerance.
 */
class LocalHeatTest {

    /** -I V - sum over electrode cells and populations of a_k j_k U_k(surface) dx [W/m2]: the heat the identity predicts. */
    static double surfaceWork(DfnModel m, double t, double[] y) {
        double w = -m.current(t, y) * m.voltage(t, y);
        var mesh = m.mesh();
        for (int d = 0; d <= 2; d += 2) {
            if (m.populations(d) == 0) continue; // the foil: U = 0 (the Li/Li+ reference)
            int g0 = mesh.firstCell(d), n = mesh.domains().get(d).cells();
            for (int g = g0; g < g0 + n; g++)
                for (int k = 0; k < m.populations(d); k++) {
                    ParticlePopulation p = m.population(d, k);
                    double x = m.surfaceConcentration(y, g, k) / p.particle().maximumConcentration();
                    w -= p.specificSurface() * m.reactionCurrent(y, g, k) * p.ocp().at(x, m.temperature()) * mesh.width(g);
                }
        }
        return w;
    }

    /** Integrates the cell at current i and checks the identity at the given times. */
    static void checkIdentity(DfnCell cell, DfnMesh mesh, double i, double... times) {
        DfnModel m = new DfnModel(cell, mesh, t -> i);
        BdfIntegrator bdf = new BdfIntegrator(m, 2, 1e-8);
        assertTrue(bdf.start(0, m.initialState(), 1e-3));
        for (double t : times) {
            while (bdf.time() < t) assertTrue(bdf.step(t, 1e-9), "to " + t + " s");
            double[] y = bdf.state();
            LocalHeat h = LocalHeat.of(m, bdf.time(), y);
            double expected = surfaceWork(m, bdf.time(), y);
            double electrolyte = h.integral(h.electrolyteOhmic()), solid = h.integral(h.solidOhmic()), reaction = h.integral(h.reaction());
            System.out.printf(java.util.Locale.ROOT, "%s at %.0f s: solid %.5g, electrolyte %.5g, reaction %.5g, foil %.5g + %.5g, reversible %.5g W/m2;"
                    + " local irreversible %.8g, -IV - sum a j U_surf dx %.8g%n", cell.positive().name(), bdf.time(), solid, electrolyte, reaction,
                    h.foilOhmic(), h.foilReaction(), h.reversibleTotal(), h.irreversible(), expected);
            assertEquals(expected, h.irreversible(), 1e-6 * Math.abs(expected), "the energy identity at t = " + bdf.time() + " s");
            assertTrue(solid > 0 && electrolyte > 0 && reaction > 0, "each irreversible term is a loss");
            for (int g = 0; g < m.mesh().cells(); g++) {
                assertTrue(h.solidOhmic()[g] >= 0, "sigma |grad phi_s|^2 >= 0 at cell " + g);
                assertTrue(h.reaction()[g] >= -1e-9 * Math.abs(expected), "a j eta >= 0 (Butler-Volmer) at cell " + g);
            }
        }
    }

    @Test
    void theIrreversibleHeatIsTheWorkNotDeliveredAgainstTheSurfaceOcps() {
        // two porous electrodes, a concentrated electrolyte with salt gradients (the diffusional term matters), discharge and charge
        checkIdentity(Marquis2019.cell(), new DfnMesh(8, 4, 8, 8), 2 * Marquis2019.ONE_C, 0, 60, 600);
        checkIdentity(Marquis2019.cell(), new DfnMesh(8, 4, 8, 8), -Marquis2019.ONE_C, 0, 300);
    }

    @Test
    void aLithiumMetalFoilAddsItsOhmicAndReactionHeat() {
        // Chen 2020's NMC811 against Li metal with the set's own electrolyte (t+ = 0.2594): the foil's I^2 L / sigma and I eta
        DfnCell cell = Chen2020.lithiumMetalHalfCell(0.2594);
        checkIdentity(cell, new DfnMesh(1, 5, 8, 8), Chen2020.ONE_C, 0, 120, 1200);
        DfnModel m = new DfnModel(cell, new DfnMesh(1, 5, 8, 8), t -> Chen2020.ONE_C);
        BdfIntegrator bdf = new BdfIntegrator(m, 2, 1e-8);
        assertTrue(bdf.start(0, m.initialState(), 1e-3));
        LocalHeat h = LocalHeat.of(m, 0, bdf.state());
        var foil = cell.lithiumMetal();
        assertEquals(Chen2020.ONE_C * Chen2020.ONE_C * foil.thickness() / foil.conductivity(), h.foilOhmic(), 1e-12, "I^2 L / sigma");
        assertTrue(h.foilReaction() > 0, "stripping at eta > 0");
    }
}

package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnModel;
import org.cellwright.solver.dfn.ParticlePopulation;
import org.cellwright.solver.dfn.ZerothOrderHysteresis;
import org.cellwright.solver.numerics.dae.VariableOrderBdf;
import org.cellwright.solver.params.Marquis2019;
import org.junit.jupiter.api.Test;

/** Zeroth-order OCP hysteresis: the branch follows the direction of the electrode's reaction. */
class HysteresisTest {

    static final double HALF_GAP = 0.015; // V

    /** Marquis 2019 with a graphite whose branches lie half a gap above (delithiation) and below (lithiation) its OCP. */
    static DfnCell withHysteresis(DfnCell m) {
        ParticlePopulation g = m.negative().population();
        ZerothOrderHysteresis h = new ZerothOrderHysteresis((x, t) -> g.ocp().at(x, t) - HALF_GAP, (x, t) -> g.ocp().at(x, t) + HALF_GAP);
        ParticlePopulation gh = new ParticlePopulation(g.name(), g.activeFraction(), g.particle(), g.initialConcentration(), h, g.kinetics());
        return new DfnCell(m.negative().withPopulations(List.of(gh)), m.separator(), m.positive(), m.electrolyte(),
                m.initialElectrolyteConcentration(), m.temperature());
    }

    @Test
    void theBranchIsTheReactionsDirectionAndTheMeanAtRest() {
        ZerothOrderHysteresis h = new ZerothOrderHysteresis((x, t) -> 0.1 - 0.05 * x, (x, t) -> 0.14 - 0.05 * x);
        assertEquals(0.14 - 0.05 * 0.3, h.at(0.3, 298.15, +2), 0, "delithiating (j > 0): the delithiation branch");
        assertEquals(0.1 - 0.05 * 0.3, h.at(0.3, 298.15, -2), 0, "lithiating (j < 0): the lithiation branch");
        assertEquals(0.12 - 0.05 * 0.3, h.at(0.3, 298.15, 0), 1e-15, "no net reaction: the mean");
        assertEquals(h.at(0.3, 298.15), h.at(0.3, 298.15, 0), 0);
        assertEquals(0.04, h.gap(0.7, 298.15), 1e-15);
    }

    /**
     * A branch a constant offset from the OCP shifts the negative electrode's solution potentials by that offset and
     * nothing else (the cell equations hold phi_s - phi_e - U and potential differences only): a discharge (the
     * graphite delithiates) runs HALF_GAP below the cell without hysteresis, the charge after it HALF_GAP above.
     */
    @Test
    void aDischargeThenChargeFollowsTheDelithiationThenTheLithiationBranch() {
        DfnCell plain = Marquis2019.cell(), hyst = withHysteresis(plain);
        DfnMesh mesh = new DfnMesh(6, 4, 6, 8);
        double i = Marquis2019.ONE_C, tSwitch = 900;
        CurrentProfile profile = t -> t <= tSwitch ? i : -i; // discharge, then charge
        DfnModel a = new DfnModel(plain, mesh, profile), b = new DfnModel(hyst, mesh, profile);
        VariableOrderBdf ia = new VariableOrderBdf(a, 2, 1e-7), ib = new VariableOrderBdf(b, 2, 1e-7);
        assertTrue(ia.start(0, a.initialState(), 1e-3) && ib.start(0, b.initialState(), 1e-3));
        double[] ya = new double[a.size()], yb = new double[b.size()];
        for (double t : new double[] { 300, 900 }) {
            at(ia, t, ya);
            at(ib, t, yb);
            assertEquals(-HALF_GAP, b.voltage(t, yb) - a.voltage(t, ya), 2e-5, "discharge at t = " + t + " s: the delithiation branch");
            assertEquals(a.lithiumInSolid(ya, 0), b.lithiumInSolid(yb, 0), 1e-6 * a.lithiumInSolid(ya, 0), "the same lithium");
        }
        assertTrue(ia.restart(1e-3) && ib.restart(1e-3), "the current reverses at " + tSwitch + " s");
        for (double t : new double[] { 1200, 1800 }) {
            at(ia, t, ya);
            at(ib, t, yb);
            assertEquals(+HALF_GAP, b.voltage(t, yb) - a.voltage(t, ya), 2e-5, "charge at t = " + t + " s: the lithiation branch");
        }
    }

    /** Integrates to t (landing on it) and leaves the state there in y. */
    static void at(VariableOrderBdf bdf, double t, double[] y) {
        while (bdf.time() < t) assertTrue(bdf.step(t, 1e-9), "step at " + bdf.time());
        bdf.interpolate(t, y);
    }
}

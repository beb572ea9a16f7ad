package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.OverpotentialKind;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.params.Sung2023Parameters;
import org.cellwright.solver.physics.CompositeCathode;
import org.cellwright.solver.physics.PhysicsEvents;
import org.junit.jupiter.api.Test;

/**
 * The composite cathode's overpotential breakdown in the rests between cold pulses (issue 13's top defect, session
 * 38): after a pulse the control volumes go on exchanging lithium (the particles near the separator, which took most
 * of the pulse, give it back to those behind them) while the electrode as a whole carries almost nothing, only the
 * current that balances the cathode interphase's parasitic oxidation (about 1e-9 A/m2 at -30 degC). Weighting each
 * volume by its share of that net current made the weights +-1e5: the 0.35 C pulses of cell 6 at -30 degC read
 * eta_cathode_kinetic_V about -55 000 V and eta_cathode_diffusion_V about +55 700 V in their rests (the two cancelled,
 * so the voltage was right). Each volume is now weighted by its share of the reaction it carries, |j_k| / sum |j|
 * (the interlayer's rule): the same as the share of the current wherever every volume runs the electrode's way.
 */
class CathodeBreakdownAtRestTest {
    static final double MINUS_30_C = 243.15, T25 = 298.15;
    static final int KIN = OverpotentialKind.CATHODE_KINETIC.ordinal(), DIFF = OverpotentialKind.CATHODE_DIFFUSION.ordinal(),
            OHM = OverpotentialKind.CATHODE_OHMIC.ordinal();

    private final double[] eta = new double[OverpotentialKind.values().length];

    /** One step of the electrode at current i [A/m2] for dt [s], committed: {kinetic, diffusion, ohmic, potential} [V]. */
    private double[] step(CompositeCathode c, double dt, double i) {
        double e = c.trial(dt, i);
        assertTrue(Double.isFinite(e), "step of " + dt + " s at " + i + " A/m2");
        java.util.Arrays.fill(eta, 0);
        c.addOverpotentials(eta, 1);
        c.commit(PhysicsEvents.IGNORE);
        return new double[] {eta[KIN], eta[DIFF], eta[OHM], e};
    }

    /**
     * Cell 6's cathode charged at 0.5 C for 1.6 h at 25 degC, then at -30 degC four 0.35 C discharge pulses of 15 min,
     * each followed by a rest of 30 min, then a rest of 48 h: every term of the breakdown stays below 1 V (the whole
     * cathode loss at -30 degC is a few hundred mV), the terms make up the electrode's potential less the open-circuit
     * potential at its mean stoichiometry, and after the long rest every term is below 1 mV. Fails before the fix with
     * the kinetic term at about -4e4 V in the first rest.
     */
    @Test
    void theBreakdownInColdRestsStaysPhysicalAddsUpAndRelaxesToZero() {
        CellSpec cell = Sung2023Parameters.cell6Full(65e6, T25);
        SolverSettings settings = SolverSettings.builder().particleNodes(20).cathodeNodes(20).build();
        CompositeCathode c = new CompositeCathode("c", cell.cathode(), 0, cell, settings, Sung2023Parameters.lpscl());
        double oneC = 28.0; // A/m2: 1 C of cell 6 (2.8 mA/cm2)
        c.setConditions(T25, 65e6);
        for (int k = 0; k < 96; k++) step(c, 60, 0.5 * oneC);
        c.setConditions(MINUS_30_C, 65e6);
        double worst = 0;
        int restSteps = 0;
        for (int pulse = 0; pulse < 4; pulse++) {
            c.startStep();
            for (int k = 0; k < 90; k++) worst = Math.max(worst, checked(c, 10, -0.35 * oneC, "pulse " + pulse));
            c.startStep();
            double t = 0;
            for (double dt = 1; t < 1800; dt = Math.min(2 * dt, 300), restSteps++) {
                worst = Math.max(worst, checked(c, dt, 0, "rest " + pulse + " at " + t + " s"));
                t += dt;
            }
        }
        assertTrue(worst > 0.05, "a cold pulse's cathode loses some 100 mV: " + worst);
        assertTrue(restSteps > 40, "" + restSteps);
        // a long relaxation: every volume's particles even out, no volume carries a current, every term tends to 0
        c.startStep();
        double[] last = null;
        for (int k = 0; k < 48 * 6; k++) last = step(c, 600, 0);
        for (int p = 0; p < 3; p++) assertEquals(0, last[p], 1e-3, "term " + p + " after 48 h at rest: " + java.util.Arrays.toString(last));
    }

    /** A step's breakdown, each term below 1 V and their sum the electrode's potential less U(x_mean); its largest term [V]. */
    private double checked(CompositeCathode c, double dt, double i, String where) {
        double[] r = step(c, dt, i);
        for (int p = 0; p < 3; p++) assertTrue(Math.abs(r[p]) < 1, where + ": term " + p + " " + r[p] + " V (kinetic, diffusion, ohmic)");
        assertEquals(r[3] - c.openCircuitPotential(), r[0] + r[1] + r[2], 1e-9, where + ": the terms make up the loss");
        return Math.max(Math.abs(r[0]), Math.max(Math.abs(r[1]), Math.abs(r[2])));
    }
}

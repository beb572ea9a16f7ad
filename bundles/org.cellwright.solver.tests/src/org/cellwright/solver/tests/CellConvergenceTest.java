package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialProperty;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;

/**
 * Order of convergence of the whole cell (issue 13, "Tests assert the order of convergence in space and time"): the
 * voltage after 30 min of a 1 C discharge of the charged baseline full cell, refined by halving the particle shells,
 * the cathode's control volumes and the time step. Finite volumes with the flux condition are second order in space
 * (ParticleDiffusionTest for one particle), in time BDF2 in the particles and backward Euler elsewhere (see timeStepConverges: at 25 degC the time error is now microvolts); the observed orders
 * log2((V_h - V_h/2) / (V_h/2 - V_h/4)) and the Richardson extrapolation V_h/2 + (V_h/2 - V_h)/(2^p - 1) as the
 * reference must agree with them.
 */
class CellConvergenceTest {

    static CellSpec charged() {
        CellSpec base = Sung2023Parameters.cell7FullBaseline(65e6, Sung2023Parameters.T_ROOM);
        LayerSpec cat = base.cathode();
        LayerSpec ch = cat.toBuilder().clearComponents()
                .component(cat.components().get(0).material().with(MaterialProperty.INITIAL_STOICHIOMETRY, 0.27), 0.67)
                .component(cat.components().get(1).material(), 0.30).component(cat.components().get(2).material(), 0.03).build();
        return base.toBuilder().replaceLayer(ch).build();
    }

    static double voltageAfter30Min(SolverSettings st) {
        RecordingSink s = new RecordingSink();
        assertEquals(RunStatus.COMPLETED, new Simulation().run(charged(),
                ProtocolSpec.of(StepSpec.cRate(-1, Cutoff.duration(1800))), st, s, null));
        assertEquals(1800, s.last().time(), 1e-6);
        return s.last().voltage();
    }

    /** Observed orders from a sequence refined by halving, and the error of the last against Richardson. */
    static void assertOrder(double[] v, double order, double slack, String what) {
        for (int k = 0; k + 2 < v.length; k++) {
            double p = Math.log(Math.abs((v[k + 1] - v[k]) / (v[k + 2] - v[k + 1]))) / Math.log(2);
            assertEquals(order, p, slack, what + ": observed order between refinements " + k + "-" + (k + 2));
        }
        assertRichardson(v, order, what);
    }

    /** Each refinement divides the error against the Richardson-extrapolated reference by about 2^order. */
    static void assertRichardson(double[] v, double order, String what) {
        int n = v.length;
        double richardson = v[n - 1] + (v[n - 1] - v[n - 2]) / (Math.pow(2, order) - 1);
        double eCoarse = Math.abs(v[n - 3] - richardson), eFine = Math.abs(v[n - 2] - richardson);
        assertTrue(eCoarse > 1e-7, what + ": the refinement must change the voltage");
        assertEquals(Math.pow(2, order), eCoarse / eFine, 0.5 * Math.pow(2, order), what + " error ratio against Richardson");
    }

    /**
     * The observed order as the least-squares slope of log2 |v[k+1] - v[k]| over the refinements (for a sequence whose
     * single refinements scatter about the asymptotic order), and the error of the last against Richardson.
     */
    static void assertFittedOrder(double[] v, double order, double slack, String what) {
        int m = v.length - 1;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int k = 0; k < m; k++) {
            double y = Math.log(Math.abs(v[k + 1] - v[k])) / Math.log(2);
            sx += k;
            sy += y;
            sxx += k * k;
            sxy += k * y;
        }
        double slope = (m * sxy - sx * sy) / (m * sxx - sx * sx);
        assertEquals(order, -slope, slack, what + ": least-squares order over " + m + " refinements");
        assertRichardson(v, order, what);
    }

    @Test
    void particleShellsSecondOrder() {
        // the shells thin 100:1 towards the surface: with fewer than ~16 the neighbours differ by more than 30 % in
        // thickness and the order is not yet the asymptotic one (2.5 from 5 shells)
        int[] shells = {16, 32, 64, 128};
        double[] v = new double[shells.length];
        for (int k = 0; k < shells.length; k++)
            v[k] = voltageAfter30Min(SolverSettings.builder().cathodeNodes(5).particleNodes(shells[k]).maxStep(10).outputInterval(1e9).build());
        assertOrder(v, 2, 0.3, "particle shells");
    }

    /**
     * Second order in the cathode's control volumes, as the least-squares slope over four refinements from 5 to 80:
     * with the particles' parabolic face flows (session 30) the single refinements scatter about 2 (from 5 to 80
     * volumes the voltage changes by 122, 30.7, 4.7 and 1.9 uV: orders 2.0, 2.7, 1.3; the same with 10 or 32 shells, at
     * rtol 1e-6 and with 2 s steps, so neither the particle mesh nor the time stepping), the slope is 2.07.
     */
    @Test
    void cathodeControlVolumesSecondOrder() {
        int[] nodes = {5, 10, 20, 40, 80};
        double[] v = new double[nodes.length];
        for (int k = 0; k < nodes.length; k++)
            v[k] = voltageAfter30Min(SolverSettings.builder().cathodeNodes(nodes[k]).particleNodes(20).maxStep(10).outputInterval(1e9).build());
        assertFittedOrder(v, 2, 0.5, "cathode control volumes");
    }

    /**
     * The time stepping's error at 25 degC is within a few microvolts from 40 s steps on. A loose local-error tolerance
     * (absolute 1 V) so that the maximum step sets every step; the relative one (1e-6) tight enough that the Newton
     * solves' and D(c)'s Picard tolerance stay below the time error. Before session 30 the particles' shells gave this
     * discharge a first-order time error (the voltage changed by 6.8, 5.2, 2.2 and 1.0 uV per halving from 40 s,
     * 15 uV from 40 s to 2.5 s), whose order this test measured; with the parabolic face flows it is 1.3 uV from 40 s
     * to 2.5 s and changes sign (-1.07, -0.60, +0.39, -0.01 uV per halving), no longer an order to measure. With the cathode
     * film re-fitted for the measured Li/LPSCl growth barrier (session 30) it is 4.0 uV from 40 s to 2.5 s, so the bound
     * is main's 10 uV again (a few microvolts). The orders
     * in time are measured where the time error is large enough: the particles' BDF2 alone
     * (ParticleDiffusionTest.bdf2StoredStepIsSecondOrderAndConservesLithium) and in the cell, the cold pulses
     * (ColdPulseConvergenceTest).
     */
    @Test
    void timeStepConverges() {
        double[] steps = {40, 20, 10, 5, 2.5};
        double[] v = new double[steps.length];
        for (int k = 0; k < steps.length; k++)
            v[k] = voltageAfter30Min(SolverSettings.builder().cathodeNodes(5).particleNodes(10).maxStep(steps[k])
                    .relativeTolerance(1e-6).absoluteTolerance(1e-3).outputInterval(1e9).build());
        for (int k = 0; k + 1 < steps.length; k++)
            assertEquals(v[steps.length - 1], v[k], 1e-5, steps[k] + " s steps against 2.5 s steps");
    }

    /**
     * The interlayer half cell's voltage after 1 h plating at 0.92 mA/cm2 (the pores fill, then Li grows at the
     * collector) converges in the interlayer's control volumes. Until session 37 at first order (least-squares order
     * 1 within 0.25 over five refinements from 10 to 320 nodes: 38.2, 18.5, 8.6, 3.7 and 1.3 uV off 320 nodes with 10
     * to 160): the collector's site took the potentials of the last control volume's centre, half a node from the
     * face, and missed the half node's ionic drop. It now reacts at the collector's face (MiecChargeBalance), and the
     * voltage, which the collector's Li sets once the pores are full, has no error of first order left: every count
     * from 10 nodes up within 0.1 uV of 320 nodes' (the pores' filling still scatters the charge between pores and
     * collector by a few tenths of a percent). Before the collector site's area was the MIEC face's
     * ({@code InterlayerGeometry.collectorContactArea}) it was the last node's internal surface, and the voltage moved
     * away with every refinement (observed order -1).
     */
    @Test
    void interlayerNodesConvergeWithTheCollectorsSiteAtItsFace() {
        int[] nodes = {10, 20, 40, 80, 160, 320};
        double[] v = new double[nodes.length];
        for (int k = 0; k < nodes.length; k++) {
            RecordingSink s = new RecordingSink();
            assertEquals(RunStatus.COMPLETED, new Simulation().run(Sung2023Parameters.cell2Interlayer(34e6),
                    ProtocolSpec.of(StepSpec.currentDensity(-9.2, Cutoff.duration(3600))),
                    SolverSettings.builder().interlayerNodes(nodes[k]).maxStep(10).outputInterval(1e9).build(), s, null));
            assertEquals(3600, s.last().time(), 1e-6);
            v[k] = s.last().voltage();
        }
        for (int k = 0; k + 1 < nodes.length; k++)
            assertEquals(v[nodes.length - 1], v[k], 1e-7, nodes[k] + " interlayer nodes against 320: the voltage [V]");
    }
}

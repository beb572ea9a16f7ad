package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnSimulation;
import org.cellwright.solver.dfn.DfnSolution;
import org.cellwright.solver.params.Chen2020;
import org.junit.jupiter.api.Test;

/**
 * DfnSimulation's outputs between steps are solved states (DaeStepper.solvedAt, as DfnRunner's samples): the voltage, an
 * algebraic unknown, solved for the interpolated concentrations rather than read off the step's interpolating
 * polynomial, which near a saturating particle surface (the voltage falling 0.8 V within seconds) was 10.3 mV off.
 */
class DfnSolvedOutputTest {

    @Test
    void halfCellOutputsAtALooseToleranceFollowTheTightRunToTheSaturatingCutoff() {
        // PyBaMM's Chen 2020 NMC811 half cell (Li foil, t+ = 1), 1C to 2.5 V on PyBaMM's mesh, an output every 10 s:
        // DfnBenchmark's half case
        double[] out = new double[701];
        for (int i = 0; i < out.length; i++) out[i] = 10.0 * i;
        DfnCell cell = Chen2020.lithiumMetalHalfCell(1.0);
        CurrentProfile oneC = CurrentProfile.constant(Chen2020.ONE_C);
        DfnSolution loose = new DfnSimulation(1e-3).run(cell, DfnMesh.benchmark(), oneC, out, Chen2020.CUTOFF);
        DfnSolution tight = new DfnSimulation(1e-7).run(cell, DfnMesh.benchmark(), oneC, out, Chen2020.CUTOFF);
        assertEquals("voltage cut-off", loose.endReason());
        assertEquals(tight.last().time(), loose.last().time(), 1.0, "the cut-off landed on at both tolerances");
        double worst = worstOutput(loose, tight, true);
        // at rtol 1e-3 the interpolating polynomial's voltage was 10.3 mV off near 4130 s; the solved states 0.3 mV
        assertTrue(worst < 1e-3, "every output within 1 mV of the rtol 1e-7 run: " + worst * 1e3 + " mV");
        // the switch the speed comparison with PyBaMM uses: the polynomial's outputs, off by more on the final drop; since
        // session 29 within 1 mV too (0.50 mV against the solved states' 0.27 mV): Newton's solves no longer end on a rate
        // carried from another c (IDA's reset in the default life), which left the polynomial 1.3 mV off (10.3 mV when
        // this test was written; docs/dfn.md, session 29)
        DfnSolution interpolated = new DfnSimulation(1e-3).withInterpolatedOutputs().run(cell, DfnMesh.benchmark(), oneC, out,
                Chen2020.CUTOFF);
        double polynomial = worstOutput(interpolated, tight, false);
        assertTrue(polynomial > worst && polynomial < 1e-3, "interpolated outputs " + polynomial * 1e3 + " mV, solved " + worst * 1e3 + " mV");
    }

    /** The largest voltage difference at the output times (not the landed cut-off point) from the tight run. */
    private static double worstOutput(DfnSolution loose, DfnSolution tight, boolean checkCoverage) {
        java.util.Map<Double, Double> reference = new java.util.HashMap<>();
        for (DfnSolution.Snapshot s : tight.snapshots()) reference.put(s.time(), s.voltage());
        int compared = 0, steep = 0;
        double worst = 0;
        for (DfnSolution.Snapshot s : loose.snapshots()) {
            Double v = reference.get(s.time());
            if (v == null || s.time() == loose.last().time()) continue; // the output times only (the cut-off point lands apart)
            worst = Math.max(worst, Math.abs(s.voltage() - v));
            compared++;
            if (v < 3.5) steep++;
        }
        if (checkCoverage) {
            assertTrue(compared > 400, "outputs every 10 s to about 4130 s: " + compared);
            assertTrue(steep > 0, "outputs on the final drop (below 3.5 V) are compared too");
        }
        return worst;
    }
}

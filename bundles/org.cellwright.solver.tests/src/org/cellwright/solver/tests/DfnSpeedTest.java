package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnModel;
import org.cellwright.solver.dfn.DfnSimulation;
import org.cellwright.solver.dfn.DfnSolution;
import org.cellwright.solver.dfn.StateFunction;
import org.cellwright.solver.numerics.dae.VariableOrderBdf;
import org.cellwright.solver.numerics.dae.BorderedIterationMatrix;
import org.cellwright.solver.numerics.fv.SphericalMesh;
import org.cellwright.solver.params.Chen2020;
import org.junit.jupiter.api.Test;

/** The shortcuts the DFN's speed rests on give what the full computation gives (issue 14's speed case). */
class DfnSpeedTest {

    /** A state of the Chen 2020 cell after t seconds of 1C discharge. */
    private static double[] stateAt(DfnModel model, double t) {
        VariableOrderBdf bdf = new VariableOrderBdf(model, 2, 1e-5);
        assertTrue(bdf.start(0, model.initialState(), 1e-3));
        while (bdf.time() < t) assertTrue(bdf.step(t, 1e-9));
        return bdf.state().clone();
    }

    @Test
    void anchorRowsAloneAreRefreshedToTheFullJacobiansValuesAndTheOtherRowsKeepTheirs() {
        DfnModel model = new DfnModel(Chen2020.cell(), new DfnMesh(8, 4, 8, 10), CurrentProfile.constant(Chen2020.ONE_C));
        double[] early = stateAt(model, 100), late = stateAt(model, 2500);
        BorderedIterationMatrix partial = new BorderedIterationMatrix(model), full = new BorderedIterationMatrix(model),
                old = new BorderedIterationMatrix(model);
        partial.update(model, 100, early);
        old.update(model, 100, early);
        assertTrue(partial.updateFastRows(model, 2500, late));
        full.update(model, 2500, late);
        java.util.Set<Integer> anchors = new java.util.HashSet<>();
        for (int b = 0; b < model.blocks(); b++) anchors.add(model.anchor(b));
        int changedAnchorEntries = 0;
        for (int i = 0; i < model.size(); i++)
            for (int j = Math.max(0, i - 12); j < Math.min(model.size(), i + 13); j++) {
                double p = partial.get(i, j), f = full.get(i, j), o = old.get(i, j);
                if (anchors.contains(i)) {
                    // the full Jacobian is a one-sided difference (step sqrt(eps) |y|): on its own off by up to 1.1e-5 of
                    // the entry here (row 47's diagonal: 1.87876 against 1.8787770, which the analytic row and central
                    // differences of steps 1e-4 .. 1e-7 give to 1e-9), so 1e-4 of it; a row not refreshed is off by > 1e-3
                    assertEquals(f, p, 1e-4 * (Math.abs(f) + 1e-12), "anchor row " + i + ", column " + j + ": the full Jacobian's value");
                    if (Math.abs(f - o) > 1e-3 * Math.abs(f)) changedAnchorEntries++;
                } else assertEquals(o, p, 0, "row " + i + " keeps its value");
            }
        for (int b = 0; b < model.blocks(); b++) {
            int a = model.anchor(b), last = model.blockStart(b) + model.blockSize(b) - 1;
            assertEquals(full.get(a, last), partial.get(a, last), 1e-5 * Math.abs(full.get(a, last)), "anchor row on the surface shell");
        }
        assertTrue(changedAnchorEntries > model.blocks(), "the Butler-Volmer rows did change between the two states: " + changedAnchorEntries);
    }

    @Test
    void oneDiffusivityPerParticleIsTheFaceByFaceBalanceForATemperatureOnlyLaw() {
        SphericalMesh mesh = new SphericalMesh(5e-6, 12);
        double[] c = new double[12];
        for (int k = 0; k < 12; k++) c[k] = 20000 + 900 * k * k;
        StateFunction d = StateFunction.arrhenius(4e-15, 17800, 298.15);
        assertTrue(d.independentOfConcentration());
        double[] perFace = new double[12], once = new double[12];
        mesh.balance(c, 0, x -> d.at(x, 310), 3e-5, perFace, 0);
        mesh.balance(c, 0, d.at(0, 310), 3e-5, once, 0);
        for (int k = 0; k < 12; k++) assertEquals(perFace[k], once[k], 1e-12 * Math.abs(perFace[k]) + 1e-30, "shell " + k);
        assertEquals(4e-15, d.at(123, 298.15), 0, "at the reference temperature the value itself");
        assertTrue(!((StateFunction) (x, t) -> 1.0).independentOfConcentration(), "a general function is not assumed independent of c");
    }

    @Test
    void theChen2020CellDischargesItsCapacityAt1CAsPyBaMMsModelDoes() {
        // PyBaMM's DFN (IDAKLU, rtol 1e-8) on the same mesh ends this discharge at 3555.4 s (bench/pybamm)
        double[] out = {0, 1000, 2000, 3000, 4000};
        DfnSolution s = new DfnSimulation(1e-4).run(Chen2020.cell(), DfnMesh.benchmark(), CurrentProfile.constant(Chen2020.ONE_C), out, Chen2020.CUTOFF);
        assertEquals("voltage cut-off", s.endReason());
        assertEquals(3555.4, s.last().time(), 5.0, "cut-off time within 5 s of PyBaMM's");
        assertEquals(Chen2020.CUTOFF, s.last().voltage(), 1e-3);
    }

    /**
     * The Chen 2020 half cell's cathode saturates at about 4135 s at 1C (PyBaMM: 4135.7 s): at loose tolerances the
     * variable-order steps (up to the maximum step) would step over that singular point onto states past c_max, where
     * the clamped exchange current lets the run go on for 20 % more capacity; the admissibility of the solid bounds
     * (DfnModel.admissible: every shell within [0, c_max]) makes them shrink to it instead (PyBaMM's benchmark mesh; without it the run at 3e-3 goes on to 4744 s).
     */
    @Test
    void atLooseTolerancesTheHalfCellStillEndsWhereItsCathodeSaturates() {
        double[] out = new double[601];
        for (int i = 0; i < out.length; i++) out[i] = 10.0 * i;
        for (double rtol : new double[] {3e-3, 1e-3}) {
            DfnSolution s = new DfnSimulation(rtol).run(Chen2020.lithiumMetalHalfCell(1.0), DfnMesh.benchmark(),
                    CurrentProfile.constant(Chen2020.ONE_C), out, Chen2020.CUTOFF);
            assertEquals(4135.7, s.last().time(), 20, "rtol " + rtol + ": " + s.endReason());
        }
    }

    /**
     * Where the half cell's NMC811 surfaces saturate (the last 3 s before 2.5 V, the exchange current going to 0), a
     * step whose Newton diverges even with its Butler-Volmer rows refreshed at the predictor is too long, not its
     * matrix out of date: it is rejected without a full Jacobian (VariableOrderBdf's corrector, DaeNewton.wouldFailAgain),
     * and the shorter step after it refreshes those rows at its own predictor before its first update; a step near the
     * limit whose iteration with those rows contracts goes on with them to the last attempt's updates instead of taking
     * a fresh df/dy (DaeNewton.wouldPassWithin, session 24). Since session 25 each step there covers at most a fifth of
     * the time the surfaces' approach leaves to c_max (VariableOrderBdf.APPROACH_FRACTION, DfnModel.timeToLimit), so no
     * predictor passes half of a surface's distance and no state past c_max is reached. The run (8 particle modes, rtol
     * 7e-4, interpolated outputs: the speed comparison's), with DaeNewton's own matrix life and with IDA's
     * (DfnSimulation.withIdaMatrixLife), takes one df/dy for its consistent start and at most one more (measured: 2 and
     * 1; five before session 17; IDA's life 4 without wouldPassWithin; the own life 4 with the approach bound but
     * wouldPassWithin only after predictor halvings), no predictor halving (26-30 before session 25), no inadmissible
     * state, at most 230 Newton iterations (223 and 193; 189 and 173 with the halvings), ends on the cut-off where the
     * rtol 1e-7 run ends, at 2.5 V within 1 mV, and its voltage stays within 1.3 mV RMS of that run and within 4.3 mV at
     * most (own life: 1.19 / 4.23 mV measured; IDA's life: 0.12 / 0.73 mV, 0.28 / 4.90 mV with the halvings; docs/dfn.md,
     * sessions 24 and 25). Since session 31 the single-ion half cell's c_e is no unknown: the step's error test, an RMS
     * over the differential unknowns, runs over the particles' 160 instead of 200 with c_e's 40 (whose errors were 0), so
     * the same local errors weigh sqrt(200/160) = 1.118 times more; the scenario is run at the rtol whose test is the one
     * 7e-4 was, 7.8e-4 (measured: 210 and 193 iterations; at 7e-4 232, the tighter test's extra steps).
     */
    @Test
    void theHalfCellsSaturatingEndRejectsDivergingStepsWithoutAFreshJacobian() {
        DfnSolution tight = halfCell(new DfnSimulation(1e-7));
        for (boolean ida : new boolean[] {false, true}) {
            DfnSimulation sim = new DfnSimulation(7.8e-4).withInterpolatedOutputs();
            DfnSolution s = halfCell(ida ? sim.withIdaMatrixLife() : sim);
            String life = ida ? "IDA's matrix life: " : "own matrix life: ";
            assertEquals("voltage cut-off", s.endReason(), life);
            assertEquals(tight.last().time(), s.last().time(), 0.05, life);
            assertEquals(Chen2020.CUTOFF, s.last().voltage(), 1e-3, life);
            assertEquals(0, s.predictorHalvings(), life + "predictor halvings");
            assertEquals(0, s.inadmissibleSteps(), life + "states past c_max or off the Butler-Volmer branch");
            assertTrue(s.jacobians() <= 2, life + "df/dy evaluations: " + s.jacobians());
            assertTrue(s.newtonIterations() <= 230, life + "Newton iterations: " + s.newtonIterations());
            double[] d = againstTight(s, tight);
            assertTrue(d[0] < 1.3e-3 && d[1] < 4.3e-3, life + "RMS " + d[0] + " V, max " + d[1] + " V");
        }
    }

    /** The speed comparison's half cell (8 particle modes, 1C to 2.5 V, an output every 10 s) run by sim. */
    private static DfnSolution halfCell(DfnSimulation sim) {
        double[] out = new double[701];
        for (int i = 0; i < out.length; i++) out[i] = 10.0 * i;
        return sim.run(Chen2020.lithiumMetalHalfCell(1.0), DfnMesh.benchmark().withParticleModes(8), CurrentProfile.constant(Chen2020.ONE_C),
                out, Chen2020.CUTOFF);
    }

    /** RMS and largest voltage difference [V] of s from tight at the outputs both have where tight reads at least 3.0 V (asserts over 400 of them). */
    private static double[] againstTight(DfnSolution s, DfnSolution tight) {
        double sum = 0, max = 0;
        int n = 0;
        for (int i = 0; i < s.times().length; i++) {
            int k = java.util.Arrays.binarySearch(tight.times(), s.times()[i]);
            if (k < 0 || tight.voltages()[k] < 3.0) continue;
            double d = s.voltages()[i] - tight.voltages()[k];
            sum += d * d;
            max = Math.max(max, Math.abs(d));
            n++;
        }
        assertTrue(n > 400, "outputs compared: " + n);
        return new double[] {Math.sqrt(sum / n), max};
    }

    /**
     * IDA's life of Newton's matrix (DfnSimulation.withIdaMatrixLife: reuse for 0.6 <= c/c' <= 5/3, the carried rate
     * reset at every new step size) on the half cell of the speed comparison (8 particle modes, interpolated outputs) at
     * rtol 3e-5: in fewer than 150 steps, its voltage within 0.1 mV RMS of the rtol 1e-7 run (108 steps, 0.026 mV
     * measured; DaeNewton's own window and carried rate: 279 steps for 0.046 mV, docs/dfn.md, session 23).
     */
    @Test
    void idasMatrixLifeTakesTheHalfCellToATightToleranceInFewerSteps() {
        DfnSolution s = halfCell(new DfnSimulation(3e-5).withInterpolatedOutputs().withIdaMatrixLife());
        DfnSolution tight = halfCell(new DfnSimulation(1e-7));
        assertEquals("voltage cut-off", s.endReason());
        assertEquals(tight.last().time(), s.last().time(), 0.05);
        assertTrue(s.steps() < 150, "steps: " + s.steps());
        double rms = againstTight(s, tight)[0];
        assertTrue(rms < 1e-4, "RMS " + rms + " V");
    }
}

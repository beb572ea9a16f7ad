package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cellwright.solver.numerics.BandedMatrix;
import org.cellwright.solver.numerics.dae.BandedJacobian;
import org.cellwright.solver.numerics.dae.DaeSystem;
import org.cellwright.solver.numerics.dae.Interpolant;
import org.cellwright.solver.numerics.dae.VariableOrderBdf;
import org.junit.jupiter.api.Test;

/** Time stepping (VariableOrderBdf: implicit Euler and BDF2 at fixed steps, orders 1-5 and their choice, step control, index-1 algebraic unknowns) and the coloured banded Jacobian. */
class VariableOrderBdfTest {

    /** y' = -y, z = y^2 - z^3 ... written as 0 = y^2 - z (algebraic): y = e^-t, z = e^-2t. */
    static final class DecayWithConstraint implements DaeSystem {
        @Override public int size() { return 2; }
        @Override public void mass(double[] m) { m[0] = 1; m[1] = 0; }
        @Override public void rhs(double t, double[] y, double[] f) { f[0] = -y[0]; f[1] = y[0] * y[0] - y[1]; }
        @Override public int lowerBandwidth() { return 1; }
        @Override public int upperBandwidth() { return 1; }
        @Override public double absoluteTolerance(int i) { return 1e-12; }
    }

    static double fixedStepError(int order, double h) {
        VariableOrderBdf bdf = new VariableOrderBdf(new DecayWithConstraint(), order, 1e-8);
        assertTrue(bdf.start(0, new double[] {1, 0.3}, h));
        assertEquals(1.0, bdf.state()[1], 1e-10, "consistent initial value of the algebraic unknown");
        bdf.setFixedStep(h);
        while (bdf.time() < 1) assertTrue(bdf.step(1, 1e-12));
        return Math.max(Math.abs(bdf.state()[0] - Math.exp(-1)), Math.abs(bdf.state()[1] - Math.exp(-2)));
    }

    @Test
    void implicitEulerIsFirstOrder() {
        double order = Math.log(fixedStepError(1, 0.02) / fixedStepError(1, 0.01)) / Math.log(2);
        assertEquals(1.0, order, 0.1);
    }

    @Test
    void bdf2IsSecondOrder() {
        double order = Math.log(fixedStepError(2, 0.02) / fixedStepError(2, 0.01)) / Math.log(2);
        assertEquals(2.0, order, 0.15);
    }

    @Test
    void stepControlScalesTheErrorAsTheToleranceToTheTwoThirds() {
        double[] errors = new double[2];
        double[] tolerances = {1e-4, 1e-6};
        int[] steps = new int[2];
        for (int k = 0; k < 2; k++) {
            VariableOrderBdf bdf = new VariableOrderBdf(new DecayWithConstraint(), 2, tolerances[k]);
            bdf.start(0, new double[] {1, 1}, 1e-4);
            while (bdf.time() < 1) assertTrue(bdf.step(1, 1e-12));
            errors[k] = Math.abs(bdf.state()[0] - Math.exp(-1)) / Math.exp(-1);
            steps[k] = bdf.acceptedSteps();
        }
        assertTrue(errors[0] < 100 * tolerances[0] && errors[1] < 100 * tolerances[1], "errors " + errors[0] + ", " + errors[1]);
        // error per step ~ tol with local error ~ h^3: the global error scales as tol^(2/3), 100^(2/3) = 21.5
        double ratio = errors[0] / errors[1];
        assertTrue(ratio > 10 && ratio < 45, "error ratio for 100x tolerance: " + ratio);
        assertTrue(steps[1] > steps[0], "and more steps");
    }

    @Test
    void aShortLandingStepBoundsTheNextStepsRatio() {
        VariableOrderBdf bdf = new VariableOrderBdf(new DecayWithConstraint(), VariableOrderBdf.MAX_ORDER, 1e-6);
        bdf.start(0, new double[] {1, 1}, 1e-3);
        while (bdf.time() < 1) assertTrue(bdf.step(1, 1e-12));
        double wanted = bdf.stepSize();
        assertTrue(wanted > 0.05, "steps of " + wanted + " by then");
        double t = bdf.time();
        assertTrue(bdf.step(t + 1e-4, 1e-12)); // a breakpoint 1e-4 ahead
        assertEquals(t + 1e-4, bdf.time(), 0, "landed");
        assertEquals(2e-4, bdf.stepSize(), 1e-12, "the next step at most twice the landing step, not the " + wanted + " wanted before it");
        assertTrue(bdf.step(3, 1e-12));
        assertTrue(bdf.time() - (t + 1e-4) <= 2e-4 * (1 + 1e-12), "taken so");
        while (bdf.time() < 3) assertTrue(bdf.step(3, 1e-12));
        assertEquals(Math.exp(-3), bdf.state()[0], 1e-5, "and back to its steps on the solution");
        assertTrue(bdf.stepSize() > 0.05, "the steps grew again: " + bdf.stepSize());
    }

    @Test
    void denseOutputInterpolatesWithinTheLastStep() {
        VariableOrderBdf bdf = new VariableOrderBdf(new DecayWithConstraint(), 2, 1e-8);
        bdf.start(0, new double[] {1, 1}, 1e-3);
        while (bdf.time() < 1) bdf.step(2, 1e-12);
        double tq = 0.5 * (bdf.previousTime() + bdf.time());
        double[] y = new double[2];
        bdf.interpolate(tq, y);
        assertEquals(Math.exp(-tq), y[0], 1e-5);
    }

    /**
     * A step's polynomial kept ({@link Interpolant}, what an isothermal DFN run's interpolated outputs read their state
     * from) gives, whole and unknown by unknown, the states {@link VariableOrderBdf#interpolate} gives during that step to
     * the bit, and still does after the stepper has gone on for the rest of the run: a copy of the step's history.
     */
    @Test
    void aKeptStepsPolynomialGivesItsInterpolatedStatesToTheBitAfterLaterSteps() {
        VariableOrderBdf bdf = new VariableOrderBdf(new DecayWithConstraint(), VariableOrderBdf.MAX_ORDER, 1e-8);
        assertTrue(bdf.start(0, new double[] {1, 1}, 1e-3));
        java.util.List<Interpolant> kept = new java.util.ArrayList<>();
        java.util.List<double[]> times = new java.util.ArrayList<>();
        java.util.List<double[][]> states = new java.util.ArrayList<>();
        java.util.Set<Integer> orders = new java.util.TreeSet<>();
        while (bdf.time() < 3) {
            assertTrue(bdf.step(3, 1e-12));
            double t0 = bdf.previousTime(), t1 = bdf.time();
            double[] tq = {t0, t0 + 0.3 * (t1 - t0), 0.5 * (t0 + t1), t1};
            double[][] y = new double[tq.length][2];
            for (int q = 0; q < tq.length; q++) bdf.interpolate(tq[q], y[q]);
            kept.add(bdf.interpolant());
            times.add(tq);
            states.add(y);
            orders.add(bdf.order());
        }
        assertTrue(orders.size() >= 4 && kept.size() > 30, "steps at orders " + orders + ", " + kept.size() + " steps");
        for (int s = 0; s < kept.size(); s++) {
            Interpolant p = kept.get(s);
            for (int q = 0; q < times.get(s).length; q++) {
                double tq = times.get(s)[q];
                double[] whole = p.at(tq), then = states.get(s)[q];
                for (int i = 0; i < 2; i++) {
                    String at = "step " + s + " ending at " + p.time() + " s, unknown " + i + " at " + tq + " s";
                    assertEquals(Double.doubleToRawLongBits(then[i]), Double.doubleToRawLongBits(whole[i]), at + ": " + whole[i] + " against " + then[i]);
                    assertEquals(Double.doubleToRawLongBits(then[i]), Double.doubleToRawLongBits(p.at(tq, i)), at + " alone");
                }
            }
        }
        Interpolant mid = kept.get(kept.size() / 2);
        assertEquals(Math.exp(-mid.time()), mid.at(mid.time(), 0), 1e-6, "a state on the solution");
    }

    /** y' = -y, 0 = 2 y - z: linear, y = e^-t, z = 2 e^-t. */
    static final class LinearDecay implements DaeSystem {
        @Override public int size() { return 2; }
        @Override public void mass(double[] m) { m[0] = 1; m[1] = 0; }
        @Override public void rhs(double t, double[] y, double[] f) { f[0] = -y[0]; f[1] = 2 * y[0] - y[1]; }
        @Override public int lowerBandwidth() { return 1; }
        @Override public int upperBandwidth() { return 1; }
        @Override public double absoluteTolerance(int i) { return 1e-14; }
    }

    /** Error at t = 1 of BDF-k with constant steps h from the exact history y(0), y(-h), ..., y(-kh). */
    static double errorFromExactHistory(int k, double h) {
        VariableOrderBdf bdf = new VariableOrderBdf(new LinearDecay(), k, 1e-13);
        double[][] past = new double[k + 1][];
        for (int j = 0; j <= k; j++) past[j] = new double[] {Math.exp(j * h), 2 * Math.exp(j * h)};
        bdf.startFromHistory(0, h, past);
        bdf.setFixedStep(h);
        while (bdf.time() < 1 - 1e-9) assertTrue(bdf.step(1, 1e-14));
        assertEquals(k, bdf.order(), "every step at order " + k);
        double exact = Math.exp(-bdf.time());
        assertEquals(2 * bdf.state()[0], bdf.state()[1], 1e-12, "the algebraic unknown follows");
        return Math.abs(bdf.state()[0] - exact);
    }

    @Test
    void bdfOfEveryOrderUpToFiveConvergesAtItsOrder() {
        for (int k = 1; k <= VariableOrderBdf.MAX_ORDER; k++) {
            double coarse = errorFromExactHistory(k, 0.1), fine = errorFromExactHistory(k, 0.05);
            double order = Math.log(coarse / fine) / Math.log(2);
            assertEquals(k, order, 0.2, "BDF" + k + ": errors " + coarse + ", " + fine);
        }
    }

    @Test
    void theOrderMayRiseTo6NeverAndTheIntegratorRefusesIt() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new VariableOrderBdf(new LinearDecay(), 6, 1e-6));
    }

    /** Prothero and Robinson's stiff test: y' = -1e4 (y - cos t) - sin t, 0 = z - y; y = cos t after a fast transient. */
    static final class ProtheroRobinson implements DaeSystem {
        @Override public int size() { return 2; }
        @Override public void mass(double[] m) { m[0] = 1; m[1] = 0; }
        @Override public void rhs(double t, double[] y, double[] f) { f[0] = -1e4 * (y[0] - Math.cos(t)) - Math.sin(t); f[1] = y[0] - y[1]; }
        @Override public int lowerBandwidth() { return 1; }
        @Override public int upperBandwidth() { return 1; }
        @Override public double absoluteTolerance(int i) { return 1e-10; }
    }

    private static VariableOrderBdf stiffRun(int maxOrder) {
        VariableOrderBdf bdf = new VariableOrderBdf(new ProtheroRobinson(), maxOrder, 1e-7);
        assertTrue(bdf.start(0, new double[] {2, 2}, 1e-6)); // 1 off the smooth solution: a transient of 1e-4 s
        while (bdf.time() < 10) {
            assertTrue(bdf.step(10, 1e-14));
            if (bdf.time() > 1e-2) assertEquals(Math.cos(bdf.time()), bdf.state()[0], 1e-5, "on the smooth solution at " + bdf.time());
        }
        return bdf;
    }

    @Test
    void onAStiffProblemTheOrderRisesOnTheSmoothSolutionAndCutsTheSteps() {
        VariableOrderBdf five = stiffRun(5), two = stiffRun(2);
        int high = five.stepsAtOrder(3) + five.stepsAtOrder(4) + five.stepsAtOrder(5);
        assertTrue(high > five.acceptedSteps() / 2, "most steps above order 2: " + high + " of " + five.acceptedSteps());
        assertTrue(five.stepsAtOrder(1) + five.stepsAtOrder(2) > 0, "low orders through the transient");
        assertTrue(3 * five.acceptedSteps() < two.acceptedSteps(), "orders up to 5: " + five.acceptedSteps() + " steps, up to 2: " + two.acceptedSteps());
        assertEquals(0, two.stepsAtOrder(3), "maxOrder bounds the order");
    }

    /** y' = -y + u(t), 0 = y - z, with u jumping from 0 to 100 at t = 1 (not a breakpoint the steps land on). */
    static final class JumpingForcing implements DaeSystem {
        @Override public int size() { return 2; }
        @Override public void mass(double[] m) { m[0] = 1; m[1] = 0; }
        @Override public void rhs(double t, double[] y, double[] f) { f[0] = -y[0] + (t > 1 ? 100 : 0); f[1] = y[0] - y[1]; }
        @Override public int lowerBandwidth() { return 1; }
        @Override public int upperBandwidth() { return 1; }
        @Override public double absoluteTolerance(int i) { return 1e-10; }
    }

    /**
     * The rejections split as IDA's counts are (error-test failures against nonlinear convergence failures, which
     * DfnBenchmark prints beside IDAKLU's print_stats): the problem is linear with a constant matrix, so no corrector
     * fails, and every step rejected over the forcing's jump is an error-test failure.
     */
    @Test
    void stepsRejectedOverAJumpOfTheForcingAreErrorTestFailures() {
        VariableOrderBdf bdf = new VariableOrderBdf(new JumpingForcing(), 5, 1e-6);
        assertTrue(bdf.start(0, new double[] {1, 1}, 1e-3));
        while (bdf.time() < 3) assertTrue(bdf.step(3, 1e-14));
        assertTrue(bdf.rejectedSteps() > 0, "steps over the jump rejected");
        assertEquals(bdf.rejectedSteps(), bdf.errorTestFailures(), "every rejection an error-test failure");
        assertEquals(Math.exp(-3) + 100 * (1 - Math.exp(-2)), bdf.state()[0], 1e-3, "y(3) after the jump");
    }

    /** Prothero and Robinson's y' with a chain of algebraic unknowns that repeat it: 0 = y_(i-1) - y_i, i = 1 .. n - 1. */
    static final class ProtheroRobinsonChain implements DaeSystem {
        final int n;
        ProtheroRobinsonChain(int n) { this.n = n; }
        @Override public int size() { return n; }
        @Override public void mass(double[] m) { java.util.Arrays.fill(m, 0); m[0] = 1; }
        @Override public void rhs(double t, double[] y, double[] f) {
            f[0] = -1e4 * (y[0] - Math.cos(t)) - Math.sin(t);
            for (int i = 1; i < n; i++) f[i] = y[i - 1] - y[i];
        }
        @Override public int lowerBandwidth() { return 1; }
        @Override public int upperBandwidth() { return 1; }
        @Override public double absoluteTolerance(int i) { return 1e-10; }
    }

    /**
     * The local error test is the weighted RMS over the differential unknowns only (index-1 DAE: the algebraic ones are
     * solved from them, IDA's suppressalg; Brenan, Campbell and Petzold 1996, sec. 5.4.2): a problem with 1 or with 39
     * algebraic unknowns beside its one differential unknown takes the same steps to the same times. (Mutation audit,
     * session 20: the RMS over every unknown, which loosens the test sqrt(n / differential)-fold, survived the other tests.)
     */
    @Test
    void algebraicUnknownsAddedToAProblemLeaveItsStepsAsTheyWere() {
        java.util.List<java.util.List<Double>> times = new java.util.ArrayList<>();
        for (int n : new int[] {2, 40}) {
            VariableOrderBdf bdf = new VariableOrderBdf(new ProtheroRobinsonChain(n), 5, 1e-6);
            double[] y0 = new double[n];
            java.util.Arrays.fill(y0, 2);
            assertTrue(bdf.start(0, y0, 1e-6));
            java.util.List<Double> t = new java.util.ArrayList<>();
            while (bdf.time() < 5) {
                assertTrue(bdf.step(5, 1e-14));
                t.add(bdf.time());
            }
            assertEquals(Math.cos(5), bdf.state()[n - 1], 1e-5, "the last algebraic unknown is y");
            times.add(t);
        }
        assertEquals(times.get(0).size(), times.get(1).size(), "steps with 1 and with 39 algebraic unknowns");
        for (int k = 0; k < times.get(0).size(); k++)
            assertEquals(times.get(0).get(k), times.get(1).get(k), 1e-9 * times.get(0).get(k), "step " + k + "'s time");
    }

    /** A pentadiagonal test system with a known Jacobian. */
    static final class Pentadiagonal implements DaeSystem {
        @Override public int size() { return 9; }
        @Override public void mass(double[] m) { java.util.Arrays.fill(m, 1); }
        @Override public int lowerBandwidth() { return 2; }
        @Override public int upperBandwidth() { return 1; }
        @Override public double absoluteTolerance(int i) { return 1e-8; }
        @Override
        public void rhs(double t, double[] y, double[] f) {
            for (int i = 0; i < 9; i++) {
                f[i] = Math.sin(y[i]) * (i + 1);
                if (i >= 2) f[i] += y[i - 2] * y[i - 2];
                if (i + 1 < 9) f[i] += 3 * y[i + 1];
            }
        }
    }

    /**
     * A drive cycle in miniature: a current I(t) linear between samples 1 s apart (its kinks the breakpoints the steps land
     * on) is an algebraic unknown z = I(t); L' = -z is the lithium it moves (a pure integrator: its errors add up) and
     * x' = -(x - z) / 5 s a fast response that cuts the order at every kink.
     */
    static final class SampledCurrent implements DaeSystem {
        static double sample(int k) { return 2 + 5 * Math.sin(0.7 * k) + 3 * Math.sin(2.3 * k + 1); }
        static double current(double t) {
            int k = (int) Math.floor(t);
            return sample(k) + (t - k) * (sample(k + 1) - sample(k));
        }
        /** The exact charge to a whole second n: trapezoids of the linear pieces. */
        static double charge(int n) {
            double q = 0;
            for (int k = 0; k < n; k++) q += 0.5 * (sample(k) + sample(k + 1));
            return q;
        }
        @Override public int size() { return 3; }
        @Override public void mass(double[] m) { m[0] = 1; m[1] = 1; m[2] = 0; }
        @Override public void rhs(double t, double[] y, double[] f) { f[0] = -(y[0] - y[2]) / 5; f[1] = -y[2]; f[2] = y[2] - current(t); }
        @Override public int lowerBandwidth() { return 2; }
        @Override public int upperBandwidth() { return 2; }
        @Override public double absoluteTolerance(int i) { return 1e-6; }
    }

    /** L(600 s) - (L(0) - charge) with the order kept at or above minOrder once reached; counts[0] = steps, counts[1] = order-1 steps. */
    static double sampledCurrentError(int minOrder, int[] counts) {
        VariableOrderBdf bdf = new VariableOrderBdf(new SampledCurrent(), VariableOrderBdf.MAX_ORDER, 1e-5);
        bdf.setMinimumOrder(minOrder);
        assertTrue(bdf.start(0, new double[] {SampledCurrent.sample(0), 1000, 0}, 1e-3));
        for (int b = 1; b <= 600; b++) while (bdf.time() < b) assertTrue(bdf.step(b, 1e-9), "at " + bdf.time());
        counts[0] = bdf.acceptedSteps();
        counts[1] = bdf.stepsAtOrder(1);
        return bdf.state()[1] - (1000 - SampledCurrent.charge(600));
    }

    @Test
    void aSampledCurrentIsIntegratedWithoutImplicitEulersRectanglesAtMinimumOrderTwo() {
        // implicit Euler takes I at the step's end (h^2 I'/2 per step, of one sign while I rises); BDF2 and above are exact
        // within a linear piece. IDA's order choice falls to 1 at the kinks; at minimum order 2 only the start's steps are
        int[] free = new int[2], kept = new int[2];
        double errFree = sampledCurrentError(1, free), errKept = sampledCurrentError(2, kept);
        assertTrue(free[1] > 1000, "order 1 at the kinks: " + free[1] + " of " + free[0] + " steps");
        assertTrue(kept[1] <= 2, "order 1 only at the start: " + kept[1]);
        // measured: 6.5e-3 against 2.5e-2 (of a net 1203, a throughput 2085), 9822 against 11059 steps; over 300 and 400 s
        // and at rtol 1e-6 the drift falls 4-12 times
        assertTrue(Math.abs(errKept) < Math.abs(errFree) / 3, "the lithium's drift from the charge: " + errKept + " against " + errFree);
        assertTrue(Math.abs(errKept) < 1e-5 * 2085, "within 1e-5 of the throughput: " + errKept);
        assertTrue(kept[0] < free[0], "in fewer steps: " + kept[0] + " against " + free[0]);
    }

    @Test
    void colouredFiniteDifferencesGiveTheBandedJacobian() {
        Pentadiagonal sys = new Pentadiagonal();
        double[] y = new double[9];
        for (int i = 0; i < 9; i++) y[i] = 0.1 * i + 0.3;
        BandedJacobian jac = new BandedJacobian(9, 2, 1);
        jac.update(sys, 0, y);
        assertEquals(1 + 4, jac.evaluations(), "the base point and kl + ku + 1 coloured evaluations");
        for (int i = 0; i < 9; i++) {
            assertEquals((i + 1) * Math.cos(y[i]), jac.get(i, i), 1e-6);
            if (i >= 2) assertEquals(2 * y[i - 2], jac.get(i, i - 2), 1e-6);
            if (i + 1 < 9) assertEquals(3, jac.get(i, i + 1), 1e-6);
            if (i >= 1) assertEquals(0, jac.get(i, i - 1), 1e-9);
        }
        BandedMatrix m = new BandedMatrix(9, 2, 1);
        jac.iterationMatrix(10, new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, m);
        assertEquals(10 - jac.get(4, 4), m.get(4, 4), 1e-12);
        assertEquals(-3, m.get(4, 5), 1e-6);
    }

    @Test
    void anUndoneStepIsTakenAgainFromTheSameHistoryToTheSameState() {
        VariableOrderBdf bdf = new VariableOrderBdf(new DecayWithConstraint(), VariableOrderBdf.MAX_ORDER, 1e-6);
        assertTrue(bdf.start(0, new double[] {1, 1}, 1e-3));
        while (bdf.time() < 0.5) assertTrue(bdf.step(5, 1e-12));
        assertTrue(bdf.order() > 1, "a history of order " + bdf.order());
        double t0 = bdf.time(), h = bdf.stepSize();
        double[] y0 = bdf.state().clone();
        int order = bdf.order();
        assertTrue(bdf.step(5, 1e-12));
        double t1 = bdf.time();
        double[] y1 = bdf.state().clone();
        assertTrue(bdf.undo());
        assertEquals(t0, bdf.time(), 0, "back at the step's start");
        assertEquals(y0[0], bdf.state()[0], 1e-15);
        assertEquals(y0[1], bdf.state()[1], 1e-15);
        assertEquals(order, bdf.order(), "the order before the step");
        assertFalse(bdf.undo(), "one step back only");
        // the same step again (same target, same history): the same state, not a restart at order 1
        assertTrue(bdf.step(t1, 1e-12));
        assertEquals(t1, bdf.time(), 0);
        assertEquals(y1[0], bdf.state()[0], 1e-13);
        assertEquals(y1[1], bdf.state()[1], 1e-13);
        assertTrue(bdf.order() > 1, "still at order " + bdf.order());
        // and a shorter step from there lands on the solution
        assertTrue(bdf.undo());
        assertTrue(bdf.step(t0 + 0.3 * h, 1e-12));
        assertEquals(t0 + 0.3 * h, bdf.time(), 1e-15);
        assertEquals(Math.exp(-bdf.time()), bdf.state()[0], 1e-5);
    }

    /**
     * y' = -1 from y = 1 with 0 = z^2 - y (z = sqrt(y)): the square root's domain ends at y = 0 at t = 1. The system
     * declares a predictor that takes y below half its last value unsolvable, so the steps shrink towards t = 1 by
     * halving before Newton instead of failing there.
     */
    static class DrainingRoot implements DaeSystem {
        int belowHalf;
        @Override public int size() { return 2; }
        @Override public void mass(double[] m) { m[0] = 1; m[1] = 0; }
        @Override public void rhs(double t, double[] y, double[] f) { f[0] = -1; f[1] = y[1] * y[1] - y[0]; }
        @Override public int lowerBandwidth() { return 1; }
        @Override public int upperBandwidth() { return 1; }
        @Override public double absoluteTolerance(int i) { return 1e-12; }
        @Override public boolean predictable(double t, double[] yFrom, double[] y) {
            return y[0] > 0.5 * yFrom[0];
        }
        @Override public boolean admissible(double t, double[] yFrom, double[] y) {
            if (!(y[0] > 0.5 * yFrom[0])) belowHalf++;
            return y[0] > 0;
        }
    }

    @Test
    void aPredictorTheSystemCannotStartFromHalvesTheStepBeforeNewton() {
        DrainingRoot sys = new DrainingRoot();
        VariableOrderBdf bdf = new VariableOrderBdf(sys, VariableOrderBdf.MAX_ORDER, 1e-3);
        assertTrue(bdf.start(0, new double[] {1, 1}, 1e-3));
        while (bdf.time() < 1 - 1e-4) assertTrue(bdf.step(1, 1e-12));
        assertTrue(bdf.predictorHalvings() > 0, "the steps towards y = 0 were halved before Newton");
        assertEquals(0, bdf.rejectedSteps(), "no corrector failed");
        assertEquals(0, sys.belowHalf, "every converged step kept y above half its last value");
        assertEquals(1 - bdf.time(), bdf.state()[0], 1e-5, "y' = -1, within Newton's tolerance");
        assertEquals(Math.sqrt(bdf.state()[0]), bdf.state()[1], 1e-3 * bdf.state()[1]);
    }

    /** DrainingRoot that also tells the time its y, falling at the last step's rate, takes to reach 0 (DaeSystem.timeToLimit). */
    static final class DrainingRootWithApproach extends DrainingRoot {
        @Override public double timeToLimit(double[] yFrom, double[] y, double h) {
            return y[0] < yFrom[0] ? y[0] * h / (yFrom[0] - y[0]) : Double.POSITIVE_INFINITY;
        }
    }

    /**
     * DrainingRoot's approach to y = 0 at t = 1 with the system telling its time to the limit: each step after the first
     * covers at most VariableOrderBdf.APPROACH_FRACTION (0.2) of the time left, so the steps shrink by a constant ratio
     * and no predictor passes half of y (without timeToLimit: predictor halvings, steps up to half the time left).
     */
    @Test
    void aStepTowardsALimitCoversAtMostAFifthOfTheTimeItsApproachLeaves() {
        DrainingRoot sys = new DrainingRootWithApproach();
        VariableOrderBdf bdf = new VariableOrderBdf(sys, VariableOrderBdf.MAX_ORDER, 1e-3);
        assertTrue(bdf.start(0, new double[] {1, 1}, 1e-3));
        int steps = 0;
        while (bdf.time() < 1 - 1e-4) {
            double t0 = bdf.time();
            assertTrue(bdf.step(1, 1e-12));
            double h = bdf.time() - t0;
            assertTrue(h <= 0.2 * (1 - t0) * (1 + 1e-6), "step " + h + " from t = " + t0);
            steps++;
        }
        assertTrue(bdf.approachBoundedSteps() > 10, "bounded: " + bdf.approachBoundedSteps() + " of " + steps);
        assertEquals(0, bdf.predictorHalvings(), "no predictor past half of y");
        assertEquals(0, bdf.rejectedSteps(), "no corrector failed");
        assertEquals(0, sys.belowHalf);
        assertEquals(1 - bdf.time(), bdf.state()[0], 1e-5, "y' = -1, within Newton's tolerance");
        assertEquals(Math.sqrt(bdf.state()[0]), bdf.state()[1], 1e-3 * bdf.state()[1]);
    }

    /**
     * A landing step of 1e-12 s (a cut-off's bracket closing in, CutoffLanding) leaves the next step at most twice as
     * long, below the driver's hMin of 1e-9 s: the next step starts from that size and grows again instead of failing
     * at once ("step size underflow" at the half cell's cut-off, where a crossing a landing closed in on was refuted by
     * the solved state at its end: DfnSolvedOutputTest at rtol 1e-3 in session 25, main at 5e-4 solved).
     */
    @Test
    void aStepThatStartsBelowTheMinimumLeftByALandingGrowsInsteadOfFailing() {
        VariableOrderBdf bdf = new VariableOrderBdf(new DecayWithConstraint(), VariableOrderBdf.MAX_ORDER, 1e-6);
        assertTrue(bdf.start(0, new double[] {1, 1}, 1e-3));
        while (bdf.time() < 0.5) assertTrue(bdf.step(0.5, 1e-9));
        assertTrue(bdf.step(0.5 + 1e-12, 1e-9), "the landing step itself");
        assertTrue(bdf.step(1, 1e-9), "the step after it, from below hMin");
        while (bdf.time() < 1) assertTrue(bdf.step(1, 1e-9));
        assertEquals(Math.exp(-1), bdf.state()[0], 1e-4);
        assertEquals(0, bdf.rejectedSteps());
    }

    /** y' = -y, z = y^2 as DecayWithConstraint, with every state more than 0.05 from its step's start refused (a corrector failure). */
    static final class ShortStepsOnly implements DaeSystem {
        final DecayWithConstraint inner = new DecayWithConstraint();
        @Override public int size() { return 2; }
        @Override public void mass(double[] m) { inner.mass(m); }
        @Override public void rhs(double t, double[] y, double[] f) { inner.rhs(t, y, f); }
        @Override public int lowerBandwidth() { return 1; }
        @Override public int upperBandwidth() { return 1; }
        @Override public double absoluteTolerance(int i) { return 1e-12; }
        @Override public boolean admissible(double t, double[] yFrom, double[] y) { return Math.abs(y[0] - yFrom[0]) <= 0.05; }
    }

    @Test
    void aStepAcceptedAfterAFailedCorrectorDoesNotLetTheNextGrow() {
        VariableOrderBdf bdf = new VariableOrderBdf(new ShortStepsOnly(), VariableOrderBdf.MAX_ORDER, 1e-3);
        assertTrue(bdf.start(0, new double[] {1, 1}, 1e-3));
        int checked = 0;
        while (bdf.time() < 3) {
            int rejectedBefore = bdf.rejectedSteps();
            double t0 = bdf.time();
            assertTrue(bdf.step(3, 1e-12));
            if (bdf.rejectedSteps() > rejectedBefore && bdf.time() < 3) {
                assertTrue(bdf.stepSize() <= (bdf.time() - t0) * (1 + 1e-12), "after a refused step the next is no longer than "
                        + (bdf.time() - t0) + ": " + bdf.stepSize());
                checked++;
            }
        }
        assertTrue(checked > 0, "steps were refused");
        assertEquals(Math.exp(-3), bdf.state()[0], 1e-3);
    }

    /** A quadrature, y' = b t^2 (0 = y - z beside it): implicit Euler's correction over a step of h is h (f(t + h) - f(t)). */
    static final class SquareQuadrature implements DaeSystem {
        static final double B = 0.01;
        @Override public int size() { return 2; }
        @Override public void mass(double[] m) { m[0] = 1; m[1] = 0; }
        @Override public void rhs(double t, double[] y, double[] f) { f[0] = B * t * t; f[1] = y[0] - y[1]; }
        @Override public int lowerBandwidth() { return 1; }
        @Override public int upperBandwidth() { return 1; }
        @Override public double absoluteTolerance(int i) { return 1; }
    }

    /**
     * IDA's order raise from order 1 (Hindmarsh et al., ACM TOMS 31, 363, 2005; SUNDIALS IDA, IDACompleteStep, "Step
     * size and order selection"): after k + 1 = 2 steps of constant size at order 1, the order is raised when the
     * estimated order-2 error term T(2) is below half the order-1 term T(1), kept otherwise. Here T(1) = |e_n| and
     * T(2) = |e_n - e_(n-1)|, e_n the step's correction (weights 1, steps of 1 held by the maximum step): for
     * y' = b t^2 from t = 0, e_n = b (n^2 - (n-1)^2) = b (2n - 1), so T(2)/T(1) = 2/(2n - 1): 1 after the first step
     * (the history holds no earlier correction), 2/3 after the second, 2/5 after the third, the first below 1/2. The
     * order rises for the fourth step, not earlier. (Mutation audit, session 21: V2 of session 20, the raise where T(2)
     * is below T(1) rather than half of it, raised it for the third step; no test saw it.)
     */
    @Test
    void atOrderOneTheOrderRisesAfterTheFirstStepWhoseOrderTwoTermIsBelowHalfTheOrderOneTerm() {
        VariableOrderBdf bdf = new VariableOrderBdf(new SquareQuadrature(), 5, 1e-12);
        // implicit Euler's history at t = 0: y(-h) = y(0) - h f(0) = 0 (so the first step's correction is h (f(h) - f(0)))
        bdf.startFromHistory(0, 1, new double[] {0, 0}, new double[] {0, 0});
        bdf.setMaxStep(1);
        int[] orders = new int[4];
        for (int s = 0; s < orders.length; s++) {
            assertTrue(bdf.step(1e6, 1e-12));
            assertEquals(s + 1, bdf.time(), 1e-12, "steps of 1");
            orders[s] = bdf.order();
            // implicit Euler's right-end rectangles while the order is 1: y(n) = b (1 + 4 + ... + n^2)
            if (s == 2) assertEquals(SquareQuadrature.B * 14, bdf.state()[0], 1e-12, "three steps of implicit Euler");
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {1, 1, 1, 2}, orders, "orders of the steps " + java.util.Arrays.toString(orders));
    }
}

package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.cellwright.solver.numerics.dae.CutoffLanding;
import org.cellwright.solver.numerics.dae.DaeStepper;
import org.cellwright.solver.numerics.dae.DaeSystem;
import org.cellwright.solver.numerics.dae.VariableOrderBdf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cut-off landing and the dense-output crossing (through DaeStepper, at orders up to 5 and up to 2) on y' = -y, 0 = y^2 - z
 * (y = e^-t, z = e^-2t): the algebraic z falls through 0.25 at t = ln 2, with dz/dt = -0.5 there.
 */
class CutoffLandingTest {
    static final double CUT = 0.25, T_CROSS = Math.log(2);

    static DaeStepper stepper(String kind) {
        DaeSystem sys = new VariableOrderBdfTest.DecayWithConstraint();
        DaeStepper s = new VariableOrderBdf(sys, kind.equals("bdf2") ? 2 : VariableOrderBdf.MAX_ORDER, 1e-7);
        assertTrue(s.start(0, new double[] {1, 1}, 1e-3));
        s.setMaxStep(0.5);
        return s;
    }


    @ParameterizedTest
    @ValueSource(strings = {"variable-order", "bdf2"})
    void aCrossedCutoffIsLandedOnBySolvedStepsWithinTheTolerance(String kind) {
        DaeStepper s = stepper(kind);
        CutoffLanding landing = new CutoffLanding(s, (t, y) -> y[1] - CUT);
        CutoffLanding.Outcome o;
        int retries = 0, steps = 0;
        do {
            assertTrue(s.step(landing.aim(5, Double.NaN), 1e-12));
            o = landing.stepped();
            if (o == CutoffLanding.Outcome.RETRY) {
                retries++;
                assertTrue(s.time() < T_CROSS, "undone: the stepper is back before the crossing, at " + s.time());
            }
            assertTrue(++steps < 500, "lands within 500 steps");
        } while (o == CutoffLanding.Outcome.STEPPED || o == CutoffLanding.Outcome.RETRY);
        assertEquals(CutoffLanding.Outcome.LANDED, o);
        assertTrue(retries >= 1, "a step of up to 0.5 crossed by more than the tolerance and was undone");
        assertEquals(CUT, s.state()[1], CutoffLanding.TOLERANCE, "a solved state within the tolerance of the cut-off");
        assertEquals(landing.margin(), s.state()[1] - CUT, 0);
        // |dz/dt| = 0.5 at the crossing: the time within 2 TOLERANCE plus the integration's error
        assertEquals(T_CROSS, s.time(), 2 * CutoffLanding.TOLERANCE + 1e-5);
        assertEquals(Math.exp(-s.time()), s.state()[0], 1e-5, "on the solution");
    }

    @ParameterizedTest
    @ValueSource(strings = {"variable-order", "bdf2"})
    void theCrossingOnTheDenseOutputIsTheAnalyticOne(String kind) {
        DaeStepper s = stepper(kind);
        while (s.time() < T_CROSS) assertTrue(s.step(5, 1e-12));
        double t0 = s.previousTime(), t1 = s.time();
        assertTrue(t0 < T_CROSS && t1 > T_CROSS, "the step over the crossing: [" + t0 + ", " + t1 + "]");
        CutoffLanding landing = new CutoffLanding(s, (t, y) -> y[1] - CUT);
        double interpolated = landing.crossing((t, y) -> y[1] <= CUT, t0, t1, false);
        double solved = landing.crossing((t, y) -> y[1] <= CUT, t0, t1, true);
        // to the polynomial's error within a step at rtol 1e-7 (BDF2's quadratic: 1.2e-5)
        assertEquals(T_CROSS, interpolated, 1e-4, "on the interpolated state");
        assertEquals(T_CROSS, solved, 1e-4, "on the solved state");
        assertTrue(solved >= t0 && solved <= t1 && interpolated >= t0 && interpolated <= t1, "within the step");
        // a state ending nowhere in the step: its end
        assertEquals(t1, landing.crossing((t, y) -> false, t0, t1, false), 1e-9 * t1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"variable-order", "bdf2"})
    void aSolvedSampleHoldsTheConstraintTheInterpolatedOneOnlyApproximately(String kind) {
        DaeStepper s = stepper(kind);
        while (s.time() < 1) assertTrue(s.step(5, 1e-12));
        double tq = 0.5 * (s.previousTime() + s.time());
        double[] solved = new double[2], interpolated = new double[2];
        assertTrue(s.solvedAt(tq, solved));
        s.interpolate(tq, interpolated);
        assertEquals(interpolated[0], solved[0], 0, "the differential unknown is the polynomial's");
        assertEquals(solved[0] * solved[0], solved[1], 1e-12, "0 = y^2 - z at the sample");
        assertTrue(Math.abs(interpolated[0] * interpolated[0] - interpolated[1]) > 10 * Math.abs(solved[0] * solved[0] - solved[1]),
                "the polynomial's z is off the constraint");
        double[] atEnd = new double[2];
        assertTrue(s.solvedAt(s.time(), atEnd));
        assertEquals(s.state()[1], atEnd[1], 0, "at the step's end its own state");
    }

    @ParameterizedTest
    @ValueSource(strings = {"variable-order", "bdf2"})
    void withoutACutoffEveryStepIsAnOrdinaryOne(String kind) {
        DaeStepper s = stepper(kind);
        CutoffLanding landing = new CutoffLanding(s, (t, y) -> Double.NaN);
        while (s.time() < 3) {
            assertTrue(s.step(landing.aim(3, Double.NaN), 1e-12));
            assertEquals(CutoffLanding.Outcome.STEPPED, landing.stepped());
        }
        assertEquals(3, s.time(), 0, "landed on the target");
    }

    /** y' = -y, 0 = z - H(y - 1/2): the algebraic z jumps from 1 to 0 at t = ln 2, across a cut-off at 0.75. */
    static final class JumpingConstraint implements DaeSystem {
        @Override public int size() { return 2; }
        @Override public void mass(double[] m) { m[0] = 1; m[1] = 0; }
        @Override public void rhs(double t, double[] y, double[] f) { f[0] = -y[0]; f[1] = (y[0] > 0.5 ? 1 : 0) - y[1]; }
        @Override public int lowerBandwidth() { return 1; }
        @Override public int upperBandwidth() { return 1; }
        @Override public double absoluteTolerance(int i) { return 1e-12; }
    }

    /**
     * A margin that jumps across the cut-off (issue 13: a landing that cannot land must not end silently off the cut-off):
     * no solved state lies within the tolerance of it, the landing gives up (CROSSED) and says where: a bracket around
     * the jump at t = ln 2, as narrow as its targets could make it, with the solved margins on either side (+0.25 before,
     * -0.75 past); the crossing of the solved states lies at the jump, its state 0.25 off the cut-off, beyond
     * END_TOLERANCE, which the driver reports (DfnRunner: a voltage-jump end with a warning).
     */
    @ParameterizedTest
    @ValueSource(strings = {"variable-order", "bdf2"})
    void aMarginThatJumpsIsNotLandedOnAndTheBracketSaysWhere(String kind) {
        DaeStepper s = new VariableOrderBdf(new JumpingConstraint(), kind.equals("bdf2") ? 2 : VariableOrderBdf.MAX_ORDER, 1e-7);
        assertTrue(s.start(0, new double[] {1, 1}, 1e-3));
        s.setMaxStep(0.5);
        CutoffLanding landing = new CutoffLanding(s, (t, y) -> y[1] - 0.75);
        CutoffLanding.Outcome o;
        int steps = 0;
        do {
            assertTrue(s.step(landing.aim(5, Double.NaN), 1e-12));
            o = landing.stepped();
            assertTrue(++steps < 500, "ends within 500 steps");
        } while (o == CutoffLanding.Outcome.STEPPED || o == CutoffLanding.Outcome.RETRY);
        assertEquals(CutoffLanding.Outcome.CROSSED, o, "no solved state lies on the cut-off");
        CutoffLanding.Bracket b = landing.gaveUp();
        // at ln 2 to y's integration error (rtol 1e-7 over steps of up to 0.5: 2.5e-6 measured)
        assertTrue(b != null && b.lo() < T_CROSS + 1e-5 && T_CROSS <= b.hi() + 1e-5, "the bracket around the jump: " + b);
        assertTrue(b.hi() - b.lo() < 1e-9, "narrowed onto the jump: " + b);
        assertEquals(0.25, b.marginLo(), 1e-9, "the solved margin before the jump");
        assertEquals(-0.75, b.marginHi(), 1e-9, "the solved margin past it");
        assertTrue(b.targets() > 1 && !b.why().isEmpty(), b.toString());
        double lo = landing.crossing((t, y) -> y[1] - 0.75 < 0, s.previousTime(), s.time(), true);
        double[] y = new double[2];
        s.solvedAt(lo, y);
        assertEquals(T_CROSS, lo, 1e-5, "the crossing of the solved states: the jump");
        assertTrue(Math.abs(y[1] - 0.75) > CutoffLanding.END_TOLERANCE, "its state off the cut-off: " + y[1]);
    }

    /**
     * A crossing gone when its bracket is stepped to (DfnRunner restarts the stepper after a failed step from the state
     * before it, its algebraic unknowns solved anew: a thermal LFP cell at -10 degC near 2.0 V read 2.018 V, then 2.083 V,
     * at the same time): here the margin moves by 0.1 after the first crossing, so that z falls through the cut-off at
     * t = ln(1/0.15)/2 = 0.949, after the bracket's upper end. The landing's targets closed in on that end and at last
     * aimed at the stepper's own time, a step of length 0 (the run: "step size underflow"); now the state at the upper end,
     * before the cut-off, closes the bracket and the next crossing is landed on. The loop restarts a failed step as
     * DfnRunner does (its targets at the upper end leave the stepper with steps of the time's resolution).
     */
    @ParameterizedTest
    @ValueSource(strings = {"variable-order", "bdf2"})
    void aCrossingGoneWhenItsBracketIsSteppedToClosesItAndTheNextIsLandedOn(String kind) {
        DaeStepper s = stepper(kind);
        s.setMaxStep(0.1);
        double[] moved = {0};
        CutoffLanding landing = new CutoffLanding(s, (t, y) -> y[1] - CUT + moved[0]);
        CutoffLanding.Outcome o = CutoffLanding.Outcome.STEPPED;
        int steps = 0, restarts = 0;
        double firstHi = Double.NaN;
        do {
            double target = landing.aim(5, Double.NaN);
            assertTrue(target > s.time(), "a step of positive length: to " + target + " from " + s.time());
            double from = s.time();
            if (!s.step(target, 1e-9)) { // as DfnRunner: a failed step restarts the stepper from its last state (order 1)
                assertTrue(++restarts <= 3 && s.start(from, s.state().clone(), 1e-4), "restarted at " + from);
                continue;
            }
            restarts = 0;
            double reached = s.time();
            o = landing.stepped();
            if (o == CutoffLanding.Outcome.RETRY && moved[0] == 0) {
                firstHi = reached;
                moved[0] = 0.1;
                assertTrue(from < T_CROSS && reached > T_CROSS && reached < 0.9, "the first crossing, before the moved one: " + reached);
            }
            assertTrue(++steps < 500, "ends within 500 steps");
        } while (o == CutoffLanding.Outcome.STEPPED || o == CutoffLanding.Outcome.RETRY);
        assertEquals(CutoffLanding.Outcome.LANDED, o);
        assertTrue(s.time() > firstHi, "past the refuted crossing at " + firstHi);
        assertEquals(CUT - 0.1, s.state()[1], CutoffLanding.TOLERANCE, "on the moved cut-off");
        assertEquals(0.5 * Math.log(1 / 0.15), s.time(), 2 * CutoffLanding.TOLERANCE / 0.3 + 1e-5);
    }
}

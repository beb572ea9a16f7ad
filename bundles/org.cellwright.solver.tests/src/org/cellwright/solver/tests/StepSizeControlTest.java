package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.numerics.StepSizeControl;
import org.junit.jupiter.api.Test;

/** The step-size control of the solid-state runner (numerics.StepSizeControl) on outputs with known local error. */
class StepSizeControlTest {

    @Test
    void onAStraightLineTheErrorEstimateIsZeroAndOnlyTheChangePerStepLimits() {
        StepSizeControl c = new StepSizeControl(0.05, 0.005);
        // first step: no error estimate yet, growth at most 1.5
        assertEquals(1.5, c.growth(0, 0.001, 0, 1), 0);
        // y = 0.001 t: the extrapolation is exact; the change per step is far below its target: doubled
        assertEquals(2.0, c.growth(0.001, 0.002, 0, 1), 0);
        // a change of twice the target per step halves the step (0.8 target / change, bounded below by 0.5)
        StepSizeControl d = new StepSizeControl(0.05, 0.005);
        d.growth(0, 0.1, 0, 1);
        assertEquals(0.5, d.growth(0.1, 0.2, 0, 1), 0);
    }

    @Test
    void onAParabolaTheLocalErrorOfBackwardEulerSetsTheGrowth() {
        // y = a t^2 at equal steps h: y_{n+1} - y_n - h (y_n - y_{n-1}) / h = 2 a h^2, estimate err = a h^2,
        // growth 0.9 sqrt(tol / err): first order, the error scales as h^2 per step
        double a = 1e-3, h = 2, tol = 4e-3; // err = 4e-3: growth 0.9
        StepSizeControl c = new StepSizeControl(10, tol);
        c.growth(0, a * h * h, 0, h);
        double g = c.growth(a * h * h, a * 4 * h * h, 0, h);
        assertEquals(0.9 * Math.sqrt(tol / (a * h * h)), g, 1e-12);
        // a tolerance 4x larger allows steps twice as long
        StepSizeControl c4 = new StepSizeControl(10, 4 * tol);
        c4.growth(0, a * h * h, 0, h);
        assertEquals(2 * g, c4.growth(a * h * h, a * 4 * h * h, 0, h), 1e-12);
    }

    @Test
    void aTrialIsShortenedWhereTheOutputOrTheStateMovesTooFast() {
        StepSizeControl c = new StepSizeControl(0.05, 0.005);
        assertEquals(1, c.shortening(0.1, 0, 10, true), 0, "twice the target: accepted");
        assertEquals(0.25, c.shortening(0.3, 0, 10, true), 0, "six times the target: a quarter");
        assertEquals(1, c.shortening(0.3, 0, 10, false), 0, "the first step of a step may jump (a current switched on)");
        assertEquals(1, c.shortening(0.3, 0, 1e-4, true), 0, "below 1 ms nothing is shortened");
        double dx = 4 * StepSizeControl.STATE_TARGET;
        assertEquals(0.2, c.shortening(0, dx, 10, true), 1e-15, "state change 4x its target: 0.8 / 4");
        assertEquals(0.1, c.shortening(0, 100 * StepSizeControl.STATE_TARGET, 10, true), 0, "at most 10x shorter");
        // the state change also bounds the growth
        assertEquals(0.3, c.growth(0, 0, dx, 1), 0, "0.8 / 4, at least 0.3");
    }

    @Test
    void aHoldsCurrentLimitsTheGrowthByItsRelativeChange() {
        // 0.8 target / change, within [0.3, 2]: a 1 % target after a 2 % change of the current halves the growth
        assertEquals(0.4, StepSizeControl.relativeGrowth(-1.0, -0.98, 0.01), 1e-12);
        assertEquals(0.4, StepSizeControl.relativeGrowth(-0.98, -1.0, 0.01), 1e-12, "either direction, relative to the larger");
        assertEquals(2.0, StepSizeControl.relativeGrowth(-1.0, -1.0, 0.01), 0, "no change: the largest growth");
        assertEquals(2.0, StepSizeControl.relativeGrowth(-1.0, -0.999, 0.01), 0, "0.1 % change: bounded to 2");
        assertEquals(0.3, StepSizeControl.relativeGrowth(0, -1.0, 0.01), 0, "from rest: bounded to 0.3");
        assertEquals(2.0, StepSizeControl.relativeGrowth(0, 0, 0.01), 0);
    }

    /**
     * A current not set (a hold's, a constant power's) is integrated as backward Euler counts it, the rectangle rule at
     * each step's end, h i(t_{n+1}); with the steps grown by {@link StepSizeControl#rectangleRule} the integral of a
     * current falling over hours (the sum of a fast and a slow relaxation, as a hold's: 19 A/m2 falling by half in 1 h)
     * is within its tolerance of the exact one, and its error falls with the tolerance at the rule's first order. With
     * the growth held to a 1 % change of the current a step (the holds' control until session 37) it was 0.3 %.
     */
    @Test
    void theRectangleRulesChargeOfAFallingCurrentMeetsItsTolerance() {
        for (double tol : new double[] {1e-2, 1e-3, 1e-4}) {
            double err = rectangleRuleError(tol);
            assertTrue(err < tol, "tolerance " + tol + ": the integral within it, " + err);
            assertTrue(err > tol / 10, "tolerance " + tol + ": the error is the rule's, not far below it, " + err);
        }
        double e3 = rectangleRuleError(1e-3), e4 = rectangleRuleError(1e-4);
        assertEquals(10, e3 / e4, 1.5, "first order: ten times the tolerance, ten times the error");
        // the holds' control before: a 1 % change of the current a step is a charge error of up to half of it
        double before = rectangleRuleError(0.005);
        assertTrue(before > 2e-3, "a 1 % change a step: beyond 0.2 %, " + before);
    }

    /** The relative error of the rectangle rule's integral of i(t) over 1 h with steps grown by rectangleRule (from 1 s). */
    static double rectangleRuleError(double tol) {
        java.util.function.DoubleUnaryOperator i = t -> -(3 * Math.exp(-t / 60) + 10 * Math.exp(-t / 4000) + 6);
        double exact = -(3 * 60 * (1 - Math.exp(-3600.0 / 60)) + 10 * 4000 * (1 - Math.exp(-3600.0 / 4000)) + 6 * 3600);
        double t = 0, h = 1, q = 0, prev = i.applyAsDouble(0);
        while (t < 3600 - 1e-9) {
            h = Math.min(h, 3600 - t);
            double now = i.applyAsDouble(t + h);
            q += h * now;
            t += h;
            h *= StepSizeControl.rectangleRule(prev, now, tol, 0);
            prev = now;
        }
        return Math.abs(q - exact) / Math.abs(exact);
    }

    /**
     * A hold whose current changes sign: relative to itself its change grew as it neared zero, and its steps shrank
     * with it (0.8 % a step at a 1 % target, never crossing). Against a floor the change near zero is an absolute one.
     */
    @Test
    void aCurrentThroughZeroIsControlledAgainstTheFloor() {
        assertEquals(0.3, StepSizeControl.relativeGrowth(1e-6, -1e-6, 0.01), 0, "without a floor: through zero, the least growth");
        assertEquals(0.4, StepSizeControl.relativeGrowth(1e-6, 0.98e-6, 0.01), 1e-12, "and 2 % of a small current as of a large one");
        assertEquals(2.0, StepSizeControl.relativeGrowth(1e-6, -1e-6, 0.01, 1.0), 0, "against a floor of 1: a change of 2e-6, the largest growth");
        assertEquals(0.4, StepSizeControl.relativeGrowth(0.01, -0.01, 0.01, 1.0), 1e-12, "a change of 2 % of the floor");
        assertEquals(0.4, StepSizeControl.relativeGrowth(-1.0, -0.98, 0.01, 0.5), 1e-12, "above the floor: relative to the current");
    }

    /**
     * Towards a cut-off the local-error tolerance is the end time's: eps (|y'| t + distance), once the cut-off is
     * predicted within ten times the time elapsed, never looser than the settings' nor tighter than the floor; moving
     * away from the cut-off, or without one, the settings'. A rest's is eps times its relaxation so far.
     */
    @Test
    void towardsACutoffTheToleranceIsTheEndTimesAndARestsItsRelaxations() {
        StepSizeControl c = new StepSizeControl(0.05, 0.004);
        // 2.85 V falling 0.25 mV/s after 600 s, 2.8 V cut-off: 200 s left, T = 800 s, 0.1 % of it is 0.8 s, 0.2 mV
        c.towardsCutoff(2.85, -2.5e-4, 600, 2.8, 1e-3, 1e-5);
        assertEquals(1e-3 * (2.5e-4 * 600 + 0.05), c.tolerance(), 1e-12);
        // the same 50 mV ahead after 60 s: 200 s left, within ten times 60 s (StepSizeControl.CUTOFF_HORIZON; three until session 35): the end time's
        c.towardsCutoff(2.85, -2.5e-4, 60, 2.8, 1e-3, 1e-5);
        assertEquals(1e-3 * (2.5e-4 * 60 + 0.05), c.tolerance(), 1e-12);
        // after 15 s: 200 s left, more than ten times 15 s: the settings' tolerance
        c.towardsCutoff(2.85, -2.5e-4, 15, 2.8, 1e-3, 1e-5);
        assertEquals(0.004, c.tolerance(), 0);
        // moving away from the cut-off, or none: the settings'
        c.towardsCutoff(2.85, 2.5e-4, 600, 2.8, 1e-3, 1e-5);
        assertEquals(0.004, c.tolerance(), 0);
        c.towardsCutoff(2.85, -2.5e-4, 600, Double.NaN, 1e-3, 1e-5);
        assertEquals(0.004, c.tolerance(), 0);
        // a steep end: never looser than the settings'; a plateau onto it: not below the floor
        c.towardsCutoff(2.81, -0.1, 600, 2.8, 1e-3, 1e-5);
        assertEquals(0.004, c.tolerance(), 0);
        c.towardsCutoff(2.8000001, -1e-9, 1e5, 2.8, 1e-3, 1e-5);
        assertEquals(1e-5, c.tolerance(), 0);
        // a rest: 1e-3 of 120 mV relaxed
        c.relaxing(0.12, 1e-3, 1e-5);
        assertEquals(1.2e-4, c.tolerance(), 1e-15);
        // the tolerance in force sets the growth: a step with 1 mV estimated error against 0.12 mV
        c.growth(3.0, 3.0, 0, 10);
        double grow = c.growth(3.0, 3.002, 0, 10); // err = |0.002 - 0| / 2 = 1 mV
        assertEquals(Math.max(0.3, 0.9 * Math.sqrt(1.2e-4 / 1e-3)), grow, 1e-12);
    }
    /**
     * towardsFilling: a state filling towards 1 (the particle surfaces in a discharge) limits the growth by its local
     * error against eps (|x'| t + 1 - x_max) once it is predicted full within ten times the time elapsed; not
     * before two steps, not far from full, not where it fills linearly (no error), and on the fastest component.
     */
    @Test
    void towardsFillingTheToleranceIsTheEndTimesOfTheFastestFillingComponent() {
        double a = 1e-4, h = 10, eps = 1e-3;
        // x = 0.5 + a t^2 at equal steps: the estimate is a h^2 = 0.01 per step
        StepSizeControl c = new StepSizeControl(10, 1);
        double[] t = {10, 20, 30};
        assertEquals(2.0, c.towardsFilling(new double[] {0.5 + a * t[0] * t[0], 0.1}, h, t[0], eps), 0, "no estimate yet");
        assertEquals(2.0, c.towardsFilling(new double[] {0.5 + a * t[1] * t[1], 0.1}, h, t[1], eps), 0, "no estimate yet");
        double x = 0.5 + a * t[2] * t[2], rate = (x - (0.5 + a * t[1] * t[1])) / h; // 0.59, 0.005 / s
        // predicted full in (1 - 0.59) / 0.005 = 82 s, within 10 x 30 s: limited
        double g = c.towardsFilling(new double[] {x, 0.1}, h, t[2], eps);
        assertEquals(Math.max(0.3, 0.9 * Math.sqrt(eps * (rate * t[2] + 1 - x) / (a * h * h))), g, 1e-12);
        assertTrue(g < 1, "a local error above the end time's tolerance shortens the next step: " + g);
        // the same filling seen 10x earlier in the step (elapsed 3 s): full only in 27 times the time elapsed, not limited
        StepSizeControl early = new StepSizeControl(10, 1);
        early.towardsFilling(new double[] {0.5 + a * t[0] * t[0]}, h, 1, eps);
        early.towardsFilling(new double[] {0.5 + a * t[1] * t[1]}, h, 2, eps);
        assertEquals(2.0, early.towardsFilling(new double[] {x}, h, 3, eps), 0);
        // a linear filling (within the horizon at its third step: 0.07 from full, 0.001 / s, 30 s): no error
        StepSizeControl lin = new StepSizeControl(10, 1);
        for (int k = 1; k <= 3; k++) assertEquals(2.0, lin.towardsFilling(new double[] {0.9 + 0.01 * k}, h, 10 * k, eps), 0);
    }
}

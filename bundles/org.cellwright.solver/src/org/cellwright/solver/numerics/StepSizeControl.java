package org.cellwright.solver.numerics;

/**
 * Step-size control of implicit time stepping on a scalar output y (the cell voltage) and a state-change indicator:
 * a cap on the change of y per step (a trial step that changes y by more than four times the target is shortened to
 * a quarter), a cap on the largest change of a dimensionless state variable per step ({@link #STATE_TARGET}), and a
 * local-error estimate of backward Euler from the deviation of y from the linear extrapolation of the last two steps,
 * err = |y_{n+1} - y_n - h (y_n - y_{n-1}) / h_{n-1}| / 2, growing the step by 0.9 sqrt(tol / err) (Hairer, Norsett and
 * Wanner, Solving Ordinary Differential Equations I, 1993, sec. II.4). Growth is bounded to [0.3, 2] (1.5 without an
 * error estimate yet).
 */
public final class StepSizeControl {
    /** Target of the largest change of a state variable (a stoichiometry) per step. */
    public static final double STATE_TARGET = 0.003;
    /** Step below which no trial is shortened [s]. */
    private static final double SHORTEST_CONTROLLED = 1e-3;

    /**
     * {@link #towardsCutoff} applies where the cut-off is predicted within this many times the time elapsed (past the
     * step's first eleventh, by the slope now). 3 (a quarter) until session 35: a cold discharge whose voltage bends
     * down onto its cut-off predicts it late by the slope, and one time step before the control applied moved the end
     * (0.44 C at -30 degC: a step of 233 s from 2.869 V left the voltage 1.1 mV off, the end 0.41 % early; 0.65 C at
     * -25 degC 0.362 %); with 10 those are within 0.064 and 0.088 % (the reference's steps: 0.051 and 0.062 %), for 4-10
     * % more time steps where the cell is warm (1 C and 5 C at 25 degC: 108 -> 115 and 133 -> 146; the study's 200
     * cycles 29258 -> 30247; docs/solid-state-solver.md, "The time steps onto a slow cut-off").
     */
    public static final double CUTOFF_HORIZON = 10;
    private final double yTarget, tol;
    /** The local-error tolerance of y for the next estimate: {@link #tol}, or tighter ({@link #towardsCutoff}, {@link #relaxing}). */
    private double tolNow;
    private double prevSlope = Double.NaN;

    /**
     * @param yTarget target change of y per step
     * @param tol local-error tolerance of y
     */
    public StepSizeControl(double yTarget, double tol) {
        this.yTarget = yTarget;
        this.tol = tol;
        this.tolNow = tol;
    }

    /**
     * Tightens the local-error tolerance of y for the step just taken (the estimate in the next {@link #growth}) where
     * it ends at a cut-off on y, an event whose time is the quantity of interest (a current step's charge is its
     * duration times its current): an error dy of y at the end moves the end by dy / |y'|, so the end's relative error
     * is dy / (|y'| T). With T estimated from the slope now, T = t + distance / |y'| (t the time elapsed, distance from
     * y to the cut-off), the local error of y is kept below eps (|y'| t + distance), eps the end time's relative
     * tolerance (the settings' tolerance bounds y's error alone, and where y falls slowly onto its cut-off that is
     * not enough: 0.84 C at -20 degC, 0.25 mV/s at 2.8 V, moved its end by 0.35 %). Applied where the cut-off is
     * predicted within {@link #CUTOFF_HORIZON} times the time elapsed (distance &lt; 10 |y'| t), so not in a step's
     * start, whose transient the settings' tolerance resolves and where T's estimate means least; at least floor,
     * at most the settings' tolerance; elsewhere the settings'.
     *
     * @param y1 y at the end of the step just taken (before {@link #growth} with it)
     * @param slope y' over that step
     * @param elapsed time since the step (the protocol's) started, that step included
     * @param cutoff the cut-off's value of y (NaN: none in y's direction)
     * @param eps relative tolerance of the end time
     * @param floor least tolerance of y
     */
    public void towardsCutoff(double y1, double slope, double elapsed, double cutoff, double eps, double floor) {
        double end = Double.isNaN(cutoff) || Math.signum(cutoff - y1) != Math.signum(slope) ? Double.NaN
                : endTimeTolerance(Math.abs(cutoff - y1), Math.abs(slope), elapsed, eps);
        tolNow = Double.isNaN(end) ? tol : Math.min(tol, Math.max(floor, end));
    }

    /**
     * The local error that keeps the end's time within eps where a quantity at distance from its bound, approaching it
     * at rate, started elapsed ago: eps (rate elapsed + distance), the end predicted at T = elapsed + distance / rate;
     * NaN where the end is not predicted within {@link #CUTOFF_HORIZON} times the time elapsed (or not approached).
     * {@link #towardsCutoff} on y, {@link #towardsFilling} on the particle surfaces' filling.
     */
    private static double endTimeTolerance(double distance, double rate, double elapsed, double eps) {
        return rate > 0 && distance < CUTOFF_HORIZON * rate * elapsed ? eps * (rate * elapsed + Math.max(distance, 0)) : Double.NaN;
    }

    /** Growth factor 0.9 sqrt(tol / err) of backward Euler's local error err against tol, bounded to [0.3, 2]. */
    private static double errorGrowth(double tol, double err) {
        return Math.max(0.3, Math.min(2.0, 0.9 * Math.sqrt(tol / err)));
    }

    /**
     * Tightens the local-error tolerance of y for the step just taken where y relaxes with no cut-off to end it (a rest):
     * the state the relaxation hands on is the next step's start, so its error is kept within a relative tolerance eps
     * of the relaxation so far, eps |y - y_start| (not below floor, not above the settings' tolerance).
     */
    public void relaxing(double change, double eps, double floor) {
        tolNow = Math.min(tol, Math.max(floor, eps * Math.abs(change)));
    }

    /** The last two filling states ({@link #towardsFilling}) and the step between them, null / NaN before two steps. */
    private double[] fillingPrev, fillingPrev2;
    private double fillingStep = Double.NaN;

    /**
     * Growth factor (at most 2) of the next step from a state that fills towards a bound, x_k in [0, 1] per component
     * (the particle surfaces' stoichiometry in a discharge: where they fill, the voltage plunges and the step ends at its
     * cut-off): the end's time error is that of the component reaching 1 first, dx / x', relative dx / (x' T). As
     * {@link #towardsCutoff} does for y, the local error of x (backward Euler's estimate from the last two steps, largest
     * over the components) is kept below eps (|x'| t + 1 - x_max), T = t + (1 - x_max) / |x'| predicted from the
     * fastest filling now, where the bound is predicted within {@link #CUTOFF_HORIZON} times the time elapsed;
     * elsewhere (and before two steps) 2. The voltage is a poor witness of it: in the middle of a 2 C pulse at 25
     * degC, steps of 54 and 71 s left the voltage 0.5 mV off, within the settings' tolerance, and the pulse's
     * end 0.4 s early (session 33).
     *
     * @param x the state after the step just taken (copied)
     * @param h that step's length
     * @param elapsed time since the step (the protocol's) started, that step included
     * @param eps relative tolerance of the end time
     */
    public double towardsFilling(double[] x, double h, double elapsed, double eps) {
        double grow = 2.0;
        if (fillingPrev2 != null && fillingStep > 0 && fillingPrev.length == x.length) {
            double err = 0, xmax = 0, rate = 0;
            for (int k = 0; k < x.length; k++) {
                err = Math.max(err, 0.5 * Math.abs(x[k] - fillingPrev[k] - h * (fillingPrev[k] - fillingPrev2[k]) / fillingStep));
                xmax = Math.max(xmax, x[k]);
                rate = Math.max(rate, (x[k] - fillingPrev[k]) / h);
            }
            double end = endTimeTolerance(1 - xmax, rate, elapsed, eps);
            if (!Double.isNaN(end) && err > 0) grow = errorGrowth(end, err);
        }
        fillingPrev2 = fillingPrev;
        fillingPrev = x.clone();
        fillingStep = h;
        return grow;
    }

    /** The local-error tolerance of y in force for the next estimate [units of y]. */
    public double tolerance() {
        return tolNow;
    }

    /**
     * Factor (< 1) by which a solved trial step of length h must be shortened before it is accepted, or 1: dy its
     * change of y (tested once the step is under way: started), dx its largest state change.
     */
    public double shortening(double dy, double dx, double h, boolean started) {
        if (started && dy > 4 * yTarget && h > SHORTEST_CONTROLLED) return 0.25;
        if (dx > 2 * STATE_TARGET && h > SHORTEST_CONTROLLED) return Math.max(0.1, 0.8 * STATE_TARGET / dx);
        return 1;
    }

    /**
     * Growth factor of the next step after a step that took a quantity from y0 to y1 (e.g. a hold's current) with a
     * target relative change per step: 0.8 target / change, bounded to [0.3, 2] (2 where it did not change).
     */
    public static double relativeGrowth(double y0, double y1, double target) {
        return relativeGrowth(y0, y1, target, 0);
    }

    /**
     * As {@link #relativeGrowth(double, double, double)}, the change relative to at least floor (&gt;= 0): a quantity
     * through or near zero (a hold whose current changes sign) is controlled on its change against the floor there.
     * Relative to itself alone its steps shrank with it: the current neared zero geometrically, 0.8 % a step at the
     * hold's 1 % target, and never crossed it (a hold of cell 6 after a discharge, above its surfaces' OCP and below its
     * relaxed one, ran for more than 10 min without ending its hour).
     */
    public static double relativeGrowth(double y0, double y1, double target, double floor) {
        double scale = Math.max(Math.max(Math.abs(y0), Math.abs(y1)), floor);
        double change = scale > 0 ? Math.abs(y1 - y0) / scale : 0;
        return change < 1e-12 ? 2.0 : Math.min(2.0, Math.max(0.3, 0.8 * target / change));
    }

    /**
     * Growth factor of the next step of a quantity integrated by the rectangle rule at the step's end, as backward Euler
     * counts a step's charge, h i1, where the current went from i0 to i1 over it (a hold's current, a constant power's):
     * the rule's local error h |i1 - i0| / 2 against the step's own integral h max(|i0|, |i1|, floor) is half the
     * relative change, so that tolerance is met with the relative change held at 2 tolerance ({@link #relativeGrowth}).
     * Summed over a current that falls or rises without turning, the integral is within about tolerance of its own
     * (a relative error of each step's share, so of the whole).
     */
    public static double rectangleRule(double i0, double i1, double tolerance, double floor) {
        return relativeGrowth(i0, i1, 2 * tolerance, floor);
    }

    /**
     * Growth factor of the next step after the accepted step of length h that took y from y0 to y1 with the largest
     * state change dx; remembers its slope for the next error estimate.
     */
    public double growth(double y0, double y1, double dx, double h) {
        double dy = Math.abs(y1 - y0);
        double err = Double.isNaN(prevSlope) ? Double.NaN : 0.5 * Math.abs(y1 - y0 - prevSlope * h);
        double grow = dy < 1e-12 ? 2.0 : Math.min(2.0, Math.max(0.5, 0.8 * yTarget / dy));
        if (dx > 0) grow = Math.min(grow, Math.max(0.3, 0.8 * STATE_TARGET / dx));
        if (!Double.isNaN(err)) grow = Math.min(grow, err < 1e-15 ? 2.0 : errorGrowth(tolNow, err));
        else grow = Math.min(grow, 1.5);
        prevSlope = (y1 - y0) / h;
        return grow;
    }
}

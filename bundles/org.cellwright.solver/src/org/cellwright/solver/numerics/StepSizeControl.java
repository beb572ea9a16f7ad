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

    private final double yTarget, tol;
    private double prevSlope = Double.NaN;

    /**
     * @param yTarget target change of y per step
     * @param tol local-error tolerance of y
     */
    public StepSizeControl(double yTarget, double tol) {
        this.yTarget = yTarget;
        this.tol = tol;
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
     * Growth factor of the next step after the accepted step of length h that took y from y0 to y1 with the largest
     * state change dx; remembers its slope for the next error estimate.
     */
    public double growth(double y0, double y1, double dx, double h) {
        double dy = Math.abs(y1 - y0);
        double err = Double.isNaN(prevSlope) ? Double.NaN : 0.5 * Math.abs(y1 - y0 - prevSlope * h);
        double grow = dy < 1e-12 ? 2.0 : Math.min(2.0, Math.max(0.5, 0.8 * yTarget / dy));
        if (dx > 0) grow = Math.min(grow, Math.max(0.3, 0.8 * STATE_TARGET / dx));
        if (!Double.isNaN(err)) grow = Math.min(grow, err < 1e-15 ? 2.0 : Math.max(0.3, 0.9 * Math.sqrt(tol / err)));
        else grow = Math.min(grow, 1.5);
        prevSlope = (y1 - y0) / h;
        return grow;
    }
}

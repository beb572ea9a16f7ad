package org.cellwright.solver.numerics;

import java.util.function.DoubleUnaryOperator;

/**
 * A smooth function of one variable on [a, b] replaced by its piecewise cubic Hermite interpolant on n equal intervals:
 * on each interval the cubic that matches f and f' at both ends (de Boor, A Practical Guide to Splines, rev. ed. 2001,
 * ch. IV; Burden and Faires, Numerical Analysis, 9th ed., thm. 3.9). Its error is at most h^4 / 384 max |f''''| on the
 * interval (h = (b - a) / n), its derivative's at most sqrt(3) h^3 / 216 max |f''''| (Birkhoff and Priver 1967), so
 * a table of a few thousand intervals holds a fit of tanh terms to 1e-10 V. It is evaluated with one index, four loads
 * and three multiply-adds where the function may take several transcendental functions (Chen 2020's NMC811 OCP: three
 * tanh). The interpolant is continuous with a continuous first derivative, and {@link #slope} is the derivative of the
 * interpolant {@link #value} evaluates (the Newton iteration's Jacobian and the residual stay consistent). Results
 * differ from f's own by the interpolation error: a caller using a table is no longer bit for bit with f (docs/dfn.md,
 * session 28).
 */
public final class CubicHermiteTable {
    private final double a, b, inverseWidth;
    private final int intervals;
    /** Interval i's cubic c0 + t (c1 + t (c2 + t c3)) in t = (x - x_i) / h in [0, 1], at 4 i .. 4 i + 3. */
    private final double[] coefficients;

    /** The interpolant of f (with its derivative df) on [a, b] over the given number of equal intervals. */
    public CubicHermiteTable(DoubleUnaryOperator f, DoubleUnaryOperator df, double a, double b, int intervals) {
        if (!(b > a) || intervals < 1) throw new IllegalArgumentException("a table needs b > a and at least one interval: [" + a + ", " + b + "], " + intervals);
        this.a = a;
        this.b = b;
        this.intervals = intervals;
        double h = (b - a) / intervals;
        inverseWidth = intervals / (b - a);
        coefficients = new double[4 * intervals];
        double f0 = f.applyAsDouble(a), d0 = h * df.applyAsDouble(a);
        for (int i = 0; i < intervals; i++) {
            double x1 = i + 1 == intervals ? b : a + (i + 1) * h;
            double f1 = f.applyAsDouble(x1), d1 = h * df.applyAsDouble(x1);
            coefficients[4 * i] = f0;
            coefficients[4 * i + 1] = d0;
            coefficients[4 * i + 2] = 3 * (f1 - f0) - 2 * d0 - d1;
            coefficients[4 * i + 3] = 2 * (f0 - f1) + d0 + d1;
            f0 = f1;
            d0 = d1;
        }
    }

    /** Whether x is in [a, b], where the table holds (NaN is not). */
    public boolean covers(double x) { return x >= a && x <= b; }

    /** The interpolant at x in [a, b] (outside it the end intervals' cubics continued: see {@link #covers}). */
    public double value(double x) {
        double u = (x - a) * inverseWidth;
        int i = interval(u), k = 4 * i;
        double t = u - i;
        double[] c = coefficients;
        return c[k] + t * (c[k + 1] + t * (c[k + 2] + t * c[k + 3]));
    }

    /** The interpolant's derivative at x in [a, b]: d{@link #value}/dx. */
    public double slope(double x) {
        double u = (x - a) * inverseWidth;
        int i = interval(u), k = 4 * i;
        double t = u - i;
        double[] c = coefficients;
        return (c[k + 1] + t * (2 * c[k + 2] + 3 * t * c[k + 3])) * inverseWidth;
    }

    /**
     * Whether the table holds f within valueBound and df within slopeBound (1 + |df|) at every interval's quarter,
     * middle and three-quarter points (where a cubic's error is largest); false if any of them is NaN.
     */
    public boolean holds(DoubleUnaryOperator f, DoubleUnaryOperator df, double valueBound, double slopeBound) {
        double h = (b - a) / intervals;
        for (int i = 0; i < intervals; i++)
            for (double q = 0.25; q < 1; q += 0.25) {
                double x = a + (i + q) * h, s = df.applyAsDouble(x);
                if (!(Math.abs(value(x) - f.applyAsDouble(x)) <= valueBound && Math.abs(slope(x) - s) <= slopeBound * (1 + Math.abs(s)))) return false;
            }
        return true;
    }

    private int interval(double u) {
        int i = (int) u;
        return i < 0 ? 0 : i >= intervals ? intervals - 1 : i;
    }
}

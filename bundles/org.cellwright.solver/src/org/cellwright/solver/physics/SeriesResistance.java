package org.cellwright.solver.physics;

import java.util.function.DoubleUnaryOperator;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathIllegalStateException;

/**
 * A site's reaction behind an ohmic film in series (its interphase): the film takes i R of the potential, the reaction
 * the rest, j = f(eta - j R) (the ohmic drop, Bard and Faulkner, Electrochemical Methods, 2001, sec. 1.3.4), solved
 * for j at each eta (implicit in the current: a film whose drop lags one time step behind the current feeds back on
 * it, and with a stripping current of the wrong sign made the site strip ever faster). f increasing, so
 * g(j) = j - f(eta - j R) increases with slope 1 + R f' and has one root, between 0 and f(eta).
 */
public final class SeriesResistance {
    private SeriesResistance() {}

    /** Relative (and absolute, [A/m2]) tolerance of the current. */
    static final double TOLERANCE = 1e-13;

    /** Evaluations of f the root may take (a bracketed Brent solve takes about ten). */
    static final int MAX_EVALUATIONS = 200;

    /**
     * Current [A/m2] (or with derivative dj/d eta = f' / (1 + R f') [A/(m2 V)]) of a reaction f(eta) [A/m2] with slope
     * fPrime(eta), behind the resistance r [Ohm m2], at the potential difference eta [V] across both.
     */
    public static double current(DoubleUnaryOperator f, DoubleUnaryOperator fPrime, double r, double eta, boolean derivative) {
        if (!(r > 0)) return derivative ? fPrime.applyAsDouble(eta) : f.applyAsDouble(eta);
        double f0 = f.applyAsDouble(eta);
        // g(j) = j - f(eta - j R) on its bracket [min(0, f0), max(0, f0)] (g(0) = -f0, g(f0) >= 0 for f increasing), by
        // Hipparchus' bracketing Brent solver (one per call: a solver keeps its evaluation count, runs are parallel)
        UnivariateFunction g = x -> x - f.applyAsDouble(eta - x * r);
        double j;
        if (!Double.isFinite(f0)) return f0;
        double far = f0, gFar = g.value(far);
        if (!Double.isFinite(gFar)) far = finiteEnd(g, f0);
        if (f0 == 0 || (far == f0 && gFar * f0 <= 0)) j = f0; // the film's drop below f's rounding: g(f0) = 0 to rounding
        else {
            try {
                j = new BracketingNthOrderBrentSolver(TOLERANCE, TOLERANCE, 5)
                        .solve(MAX_EVALUATIONS, g, Math.min(0, far), Math.max(0, far), AllowedSolution.ANY_SIDE);
            } catch (MathIllegalStateException tooMany) {
                // a bracket over many decades (a far trial current) where Brent's interpolation gains little: bisection
                j = bisect(g, far, f0);
            }
        }
        if (!derivative) return j;
        double d = Math.max(0, fPrime.applyAsDouble(eta - j * r));
        return d / (1 + r * d);
    }

    /**
     * The current [A/m2] of {@link #current} (not its derivative), by Newton's method on g(j) = j - f(eta - j R) from
     * a start near the root (the last solve's current, as an outer Newton iteration moves eta little), g' = 1 + R f'
     * >= 1: one or two evaluations of f and f' where the bracketed solve takes about twelve of f. A step that leaves
     * the bracket the iterates' signs of g keep, or no convergence in a few steps, falls back to {@link #current}.
     */
    public static double currentFrom(DoubleUnaryOperator f, DoubleUnaryOperator fPrime, double r, double eta, double start) {
        if (!(r > 0) || !Double.isFinite(start)) return current(f, fPrime, r, eta, false);
        double j = start, lo = Double.NEGATIVE_INFINITY, hi = Double.POSITIVE_INFINITY;
        for (int it = 0; it < 8; it++) {
            double a = eta - j * r, g = j - f.applyAsDouble(a);
            if (!Double.isFinite(g)) break;
            if (g == 0) return j;
            if (g > 0) hi = Math.min(hi, j); else lo = Math.max(lo, j);
            double next = j - g / (1 + r * Math.max(0, fPrime.applyAsDouble(a)));
            if (Math.abs(next - j) <= TOLERANCE * Math.max(1, Math.abs(next))) return next;
            if (!(next > lo && next < hi)) break;
            j = next;
        }
        return current(f, fPrime, r, eta, false);
    }

    /** The root of g between 0 (g of the sign of -f0) and far (g of the sign of f0, or no number) by bisection. */
    static double bisect(UnivariateFunction g, double far, double f0) {
        double lo = 0, hi = far;
        while (true) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi || Math.abs(hi - lo) <= TOLERANCE * Math.max(1, Math.abs(mid))) return mid;
            double gm = g.value(mid);
            if (!Double.isFinite(gm) || gm * f0 >= 0) hi = mid;
            else lo = mid;
        }
    }

    /**
     * The bracket's far end where g(f0) is no number (numerics: f at eta - f0 R, the drop of a far trial current of
     * Newton, overflows; 5.7e11 A/m2 at the SE-side deposit of a half cell): the end between 0 and f0, closest to f0,
     * at which g is finite and has the sign of f0 (g(0) = -f0), by halving towards 0 and bisecting back. The root lies
     * where f is finite, between 0 and that end.
     */
    static double finiteEnd(UnivariateFunction g, double f0) {
        double lo = 0, hi = f0; // g(lo) has the sign of -f0, g(hi) is no number or has the sign of f0
        for (int k = 0; k < 200; k++) {
            double mid = 0.5 * (lo + hi), gm = g.value(mid);
            if (mid == lo || mid == hi) break;
            if (!Double.isFinite(gm)) hi = mid;
            else if (gm * f0 >= 0) return mid;
            else lo = mid;
        }
        return hi;
    }
}

package org.cellwright.solver.physics;

import java.util.function.DoubleUnaryOperator;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;

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
        if (f0 == 0 || g.value(f0) * f0 <= 0) j = f0; // the film's drop below f's rounding: g(f0) = 0 to rounding
        else j = new BracketingNthOrderBrentSolver(TOLERANCE, TOLERANCE, 5)
                .solve(MAX_EVALUATIONS, g, Math.min(0, f0), Math.max(0, f0), AllowedSolution.ANY_SIDE);
        if (!derivative) return j;
        double d = Math.max(0, fPrime.applyAsDouble(eta - j * r));
        return d / (1 + r * d);
    }
}

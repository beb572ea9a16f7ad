package org.cellwright.solver.physics;

import java.util.function.DoubleUnaryOperator;

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

    /**
     * Current [A/m2] (or with derivative dj/d eta = f' / (1 + R f') [A/(m2 V)]) of a reaction f(eta) [A/m2] with slope
     * fPrime(eta), behind the resistance r [Ohm m2], at the potential difference eta [V] across both.
     */
    public static double current(DoubleUnaryOperator f, DoubleUnaryOperator fPrime, double r, double eta, boolean derivative) {
        if (!(r > 0)) return derivative ? fPrime.applyAsDouble(eta) : f.applyAsDouble(eta);
        double f0 = f.applyAsDouble(eta);
        double lo = Math.min(0, f0), hi = Math.max(0, f0); // g(lo) <= 0 <= g(hi)
        double j = f0 == 0 ? 0 : f0 / (1 + r * Math.max(0, fPrime.applyAsDouble(eta)));
        for (int k = 0; k < 200; k++) {
            double x = eta - j * r, fx = f.applyAsDouble(x), g = j - fx;
            if (g <= 0) lo = j; else hi = j;
            double slope = 1 + r * Math.max(0, fPrime.applyAsDouble(x));
            if (Math.abs(g) <= TOLERANCE * Math.max(1, Math.abs(j))) break;
            double next = j - g / slope;
            j = next > lo && next < hi ? next : 0.5 * (lo + hi); // Newton, bisection where it leaves the bracket
            if (hi - lo <= TOLERANCE * Math.max(1, Math.abs(j))) break;
        }
        if (!derivative) return j;
        double d = Math.max(0, fPrime.applyAsDouble(eta - j * r));
        return d / (1 + r * d);
    }
}

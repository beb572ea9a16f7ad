package org.cellwright.solver.dfn;

/**
 * The ends of an intercalation material's stoichiometry range in its OCP: a fitted OCP U_fit(x) holds for x in [0, 1]
 * only, yet a particle whose surface fills (x -> 1 at the end of a cathode's discharge) must not take lithium beyond its
 * lattice sites. As PyBaMM writes every intercalation OCP (PyBaMM 26.8, {@code pybamm/parameters/lithium_ion_parameters.py},
 * {@code U} with {@code U_asymptotes} and {@code U_asymptote_approaching_zero}; PyBaMM issues #1435 and #5371):
 * U(x) = U_fit(min(max(x, 1e-10), 1 - 1e-10)) + A(x) - A(1 - x), with A(x) = a ln(1 + exp(-b (x - c))),
 * a = 205.0568621937484 V, b = 6910.192179565431, c = -7.7e-4 (a barrier of 1 mV at x = 0.001 and 1 V at x = 0), continued
 * linearly where exp overflows (x below c - 36.737 / b). Near x = 1 the barrier, not the exchange current's
 * (c_max - c_s)^1/2 alone, takes the voltage of a saturating electrode down to its cut-off, at a surface stoichiometry a
 * double resolves (about 1 - 3e-5 at 2.5 V for Chen 2020's NMC811 at 1 C; 1 - x within 1e-12 without it). Between
 * x = 0.02 and 0.98 it is below 1e-50 V and taken as 0.
 */
public final class StoichiometryBarrier {
    private StoichiometryBarrier() {}

    /** PyBaMM's U_asymptote_approaching_zero constants: a [V], b and c [-]. */
    static final double A = 205.0568621937484, B = 6910.192179565431, C = -7.7e-4;
    /** PyBaMM's clipping of the fitted OCP's argument ("U__c_s" tolerance). */
    static final double CLIP = 1e-10;
    /** ln(2 / eps) of doubles: above this exponent ln(1 + e^z) = z in double precision (PyBaMM's max_safe_exp). */
    private static final double MAX_SAFE_EXP = Math.log(2.0 / Math.ulp(1.0));
    /**
     * Below this exponent e^z < 4.3e-18, under half an ulp of 1 (1.1e-16), so 1 + e^z is 1 in double precision and
     * ln(1 + e^z) exactly 0: A(x) is exactly 0 for x above c + 40 / b = 0.0050, A(1 - x) below 0.9950. Between 0.98 and
     * 0.995, where a cathode's surface is through the last steps of a discharge, the barrier's two exp and two log per
     * evaluation gave 0 (docs/dfn.md, session 28).
     */
    static final double NEGLIGIBLE_EXP = -40;

    /** The barrier A(x) - A(1 - x) [V]: positive towards x = 0, negative towards x = 1. */
    public static double potential(double x) {
        if (x > 0.02 && x < 0.98) return 0;
        return approachingZero(x) - approachingZero(1 - x);
    }

    /** d/dx of {@link #potential}: A'(x) + A'(1 - x) [V] (0 where the barrier is taken as 0). */
    public static double slope(double x) {
        if (x > 0.02 && x < 0.98) return 0;
        return approachingZeroSlope(x) + approachingZeroSlope(1 - x);
    }

    /** The argument at which the fitted OCP is evaluated: x clipped to [1e-10, 1 - 1e-10]. */
    public static double clip(double x) {
        return Math.min(Math.max(x, CLIP), 1 - CLIP);
    }

    /** The OCP of a particle surface at stoichiometry x: the fitted OCP on [0, 1] plus the barrier [V]. */
    public static double ocp(OpenCircuitPotential fitted, double x, double temperature, double reaction) {
        return fitted.at(clip(x), temperature, reaction) + potential(x);
    }

    /**
     * dU/dx of {@link #ocp}: the fitted OCP's slope where x is within the clipping range (0 beyond it, where the fit is
     * held at its end) plus the barrier's.
     */
    public static double ocpSlope(OpenCircuitPotential fitted, double x, double temperature, double reaction) {
        double inner = x > CLIP && x < 1 - CLIP ? fitted.slope(x, temperature, reaction) : 0;
        return inner + slope(x);
    }

    /** A'(x) = -a b e^z / (1 + e^z), z = -b (x - c); -a b where A is continued linearly [V]. */
    static double approachingZeroSlope(double x) {
        double z = -B * (x - C);
        return -A * B * (z > MAX_SAFE_EXP ? 1 : 1 / (1 + Math.exp(-z)));
    }

    /**
     * A(x) = a ln(1 + exp(-b (x - c))), linear where ln(1 + e^z) = z [V]. ln(1 + e^z) as PyBaMM writes it (Math.log, an
     * intrinsic, where Math.log1p was: Java's log1p is the software fdlibm, and at a filling surface (x > 0.98) every f
     * evaluation takes it in every cell: 15 % of the half cell's CPU time; the two differ by less than a ulp of 1 in the
     * logarithm, 2.3e-14 V after the factor a).
     */
    static double approachingZero(double x) {
        double z = -B * (x - C);
        if (z < NEGLIGIBLE_EXP) return 0; // 1 + e^z rounds to 1: the formula's own value, without an exp and a log
        return A * (z > MAX_SAFE_EXP ? z : Math.log(1 + Math.exp(z)));
    }
}

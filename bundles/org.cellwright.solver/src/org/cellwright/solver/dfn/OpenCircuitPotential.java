package org.cellwright.solver.dfn;

/** Open-circuit potential of an intercalation material vs Li/Li+ as a function of stoichiometry and temperature [V]. */
@FunctionalInterface
public interface OpenCircuitPotential {
    double at(double stoichiometry, double temperature);

    /**
     * The OCP while the electrode reacts in this direction: {@code reaction} > 0 delithiation (oxidation, j > 0),
     * < 0 lithiation, 0 no net reaction. The same as {@link #at(double, double)} unless the material has hysteresis
     * ({@link ZerothOrderHysteresis}).
     */
    default double at(double stoichiometry, double temperature, double reaction) { return at(stoichiometry, temperature); }

    /**
     * dU/dx at stoichiometry x in this reaction direction [V] (the Butler-Volmer rows' Jacobian): a central difference of
     * {@link #at(double, double, double)} with step 1e-6, one-sided where a step would leave [0, 1] (a fitted OCP may
     * be undefined outside it), unless the material gives it analytically ({@link Fitted}).
     */
    default double slope(double stoichiometry, double temperature, double reaction) {
        return centralDifference(x -> at(x, temperature, reaction), stoichiometry);
    }

    /** (u(b) - u(a)) / (b - a) with a, b = x -+ 1e-6, x itself in place of a step beyond [0, 1]. */
    static double centralDifference(java.util.function.DoubleUnaryOperator u, double x) {
        double a = x - 1e-6 < 0 ? x : x - 1e-6, b = x + 1e-6 > 1 ? x : x + 1e-6;
        return (u.applyAsDouble(b) - u.applyAsDouble(a)) / (b - a);
    }

    /** A fitted OCP U(x) with its derivative written out, independent of temperature. */
    static OpenCircuitPotential fitted(java.util.function.DoubleUnaryOperator value, java.util.function.DoubleUnaryOperator slope) {
        return new Fitted(value, slope);
    }

    /** U(x) and dU/dx of a fit (e.g. Chen 2020's graphite and NMC811 OCPs). */
    record Fitted(java.util.function.DoubleUnaryOperator value, java.util.function.DoubleUnaryOperator derivative) implements OpenCircuitPotential {
        @Override public double at(double stoichiometry, double temperature) { return value.applyAsDouble(stoichiometry); }

        @Override public double slope(double stoichiometry, double temperature, double reaction) { return derivative.applyAsDouble(stoichiometry); }
    }

    /** Whether the value depends on the reaction's direction ({@link ZerothOrderHysteresis}, also under a wrapper). */
    default boolean hasHysteresis() { return false; }

    /** Entropic coefficient dU/dT at this stoichiometry and temperature [V/K]; 0 unless the material carries one. */
    default double entropicChange(double stoichiometry, double temperature) { return 0; }
}

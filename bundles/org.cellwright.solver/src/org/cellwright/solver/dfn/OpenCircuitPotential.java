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

    /**
     * A fitted OCP evaluated through its piecewise cubic Hermite interpolant on [0, 1] ({@link #TABULATED_INTERVALS}
     * intervals; outside [0, 1] the fit itself): a numerical device for fits of several transcendental functions that
     * the residual evaluates at every x-cell (Chen 2020's NMC811: three tanh, the half cell's largest single cost;
     * docs/dfn.md, session 28). The slope is the interpolant's own derivative. Results are no longer bit for bit with
     * the fit's; the table's error is tested
     * ({@code AnalyticJacobianTest.chen2020sTabulatedOcpsAreTheirFitsWithinTheTablesBound}). Build it once (a few
     * tenths of a millisecond) and share it: Chen2020 keeps its two in static fields.
     */
    static OpenCircuitPotential tabulated(java.util.function.DoubleUnaryOperator value, java.util.function.DoubleUnaryOperator slope) {
        return new Tabulated(new Fitted(value, slope), new org.cellwright.solver.numerics.CubicHermiteTable(value, slope, 0, 1, TABULATED_INTERVALS));
    }

    /**
     * Intervals of a {@link #tabulated} OCP's table on [0, 1]: 4096 (h = 2.4e-4) holds Chen 2020's fits to 2e-12 V
     * (NMC811) and 4.4e-11 V (graphite), their slopes to 2e-8 and 6e-7 V. With 2048 (7e-10 V) the half cell's benchmark
     * changed one printed digit (a largest error 1.24 -> 1.25 mV: a different step sequence within the tolerance); with
     * 4096 none of either cell's figures or counts changed (docs/dfn.md, session 28). 128 KB per table.
     */
    int TABULATED_INTERVALS = 4096;

    /**
     * An OCP given as a function of x alone (a .cell file's {@code ocv function}, compiled from its expression): its
     * table of {@link #TABULATED_INTERVALS} intervals on [0, 1] (the function beyond) when the table holds the function
     * within {@link #TABLE_VALUE_BOUND} and {@link #TABLE_SLOPE_BOUND} ({@link #tabulatedWithinBound}), else the function
     * itself with the central-difference slope (a kink or a term too steep for the table: nothing is refined). The
     * table's slope is its own derivative; the function's at the nodes is a difference (step 1e-5, second order at the
     * ends). docs/dfn.md, session 28.
     */
    static OpenCircuitPotential ofFunction(java.util.function.DoubleUnaryOperator value) {
        return ofFunction(value, tableWithinBound(value, TABULATED_INTERVALS));
    }

    /**
     * The function through this table, built and checked earlier for the same function ({@link #tableWithinBound}:
     * a cache of tables, DfnMapping's), or the function itself with the central-difference slope when table is null.
     */
    static OpenCircuitPotential ofFunction(java.util.function.DoubleUnaryOperator value, org.cellwright.solver.numerics.CubicHermiteTable table) {
        if (table == null) return (x, temperature) -> value.applyAsDouble(x);
        return new Tabulated(new Fitted(value, x -> centralDifference(value, x)), table);
    }

    /**
     * The function's table on [0, 1] over this many intervals if, at every interval's quarter, middle and three-quarter
     * points, its value is within {@link #TABLE_VALUE_BOUND} of the function's and its slope within
     * {@link #TABLE_SLOPE_BOUND} (1 + |dU/dx|) of the function's central difference; else (a NaN included) null.
     */
    static OpenCircuitPotential tabulatedWithinBound(java.util.function.DoubleUnaryOperator value, int intervals) {
        var table = tableWithinBound(value, intervals);
        return table == null ? null : ofFunction(value, table);
    }

    /** The table of {@link #tabulatedWithinBound} alone (about 49,000 evaluations of the function), or null. */
    static org.cellwright.solver.numerics.CubicHermiteTable tableWithinBound(java.util.function.DoubleUnaryOperator value, int intervals) {
        var table = new org.cellwright.solver.numerics.CubicHermiteTable(value, x -> nodeSlope(value, x), 0, 1, intervals);
        return table.holds(value, x -> centralDifference(value, x), TABLE_VALUE_BOUND, TABLE_SLOPE_BOUND) ? table : null;
    }

    /** Largest |table - U| at the checked points of an {@link #ofFunction} table [V]. */
    double TABLE_VALUE_BOUND = 1e-9;
    /** Largest |table slope - dU/dx| at the checked points, relative to 1 + |dU/dx| (dU/dx in V per unit x). */
    double TABLE_SLOPE_BOUND = 1e-6;

    /** dU/dx at a table node: a central difference with step 1e-5, the second-order one-sided one at 0 and 1. */
    private static double nodeSlope(java.util.function.DoubleUnaryOperator u, double x) {
        double d = 1e-5;
        if (x - d < 0) return (-3 * u.applyAsDouble(x) + 4 * u.applyAsDouble(x + d) - u.applyAsDouble(x + 2 * d)) / (2 * d);
        if (x + d > 1) return (3 * u.applyAsDouble(x) - 4 * u.applyAsDouble(x - d) + u.applyAsDouble(x - 2 * d)) / (2 * d);
        return (u.applyAsDouble(x + d) - u.applyAsDouble(x - d)) / (2 * d);
    }

    /** A fit and its table ({@link #tabulated}): the table on [0, 1], the fit beyond. */
    record Tabulated(Fitted fit, org.cellwright.solver.numerics.CubicHermiteTable table) implements OpenCircuitPotential {
        @Override public double at(double stoichiometry, double temperature) {
            return table.covers(stoichiometry) ? table.value(stoichiometry) : fit.at(stoichiometry, temperature);
        }

        @Override public double slope(double stoichiometry, double temperature, double reaction) {
            return table.covers(stoichiometry) ? table.slope(stoichiometry) : fit.slope(stoichiometry, temperature, reaction);
        }
    }

    /** Whether the value depends on the reaction's direction ({@link ZerothOrderHysteresis}, also under a wrapper). */
    default boolean hasHysteresis() { return false; }

    /** Entropic coefficient dU/dT at this stoichiometry and temperature [V/K]; 0 unless the material carries one. */
    default double entropicChange(double stoichiometry, double temperature) { return 0; }
}

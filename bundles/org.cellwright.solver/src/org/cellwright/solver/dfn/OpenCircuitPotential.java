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

    /** Entropic coefficient dU/dT at this stoichiometry and temperature [V/K]; 0 unless the material carries one. */
    default double entropicChange(double stoichiometry, double temperature) { return 0; }
}

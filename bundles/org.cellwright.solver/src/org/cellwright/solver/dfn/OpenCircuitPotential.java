package org.cellwright.solver.dfn;

/** Open-circuit potential of an intercalation material vs Li/Li+ as a function of stoichiometry and temperature [V]. */
@FunctionalInterface
public interface OpenCircuitPotential {
    double at(double stoichiometry, double temperature);

    /** Entropic coefficient dU/dT at this stoichiometry and temperature [V/K]; 0 unless the material carries one. */
    default double entropicChange(double stoichiometry, double temperature) { return 0; }
}

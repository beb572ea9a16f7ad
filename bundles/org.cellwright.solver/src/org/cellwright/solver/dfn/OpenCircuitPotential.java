package org.cellwright.solver.dfn;

/** Open-circuit potential of an intercalation material vs Li/Li+ as a function of stoichiometry and temperature [V]. */
@FunctionalInterface
public interface OpenCircuitPotential {
    double at(double stoichiometry, double temperature);
}

package org.cellwright.solver.dfn;

/**
 * Exchange-current density of an intercalation reaction i0(c_e, c_s, c_max, T) [A/m2] (c in mol/m3, T in K): the
 * power law {@link ExchangeCurrentDensity}, or any law a parameter set writes (e.g. an expression of the state in a
 * {@code .cell} file, mapped by org.cellwright.run.dfn.DfnMapping).
 */
@FunctionalInterface
public interface ExchangeCurrentLaw {
    double at(double ce, double cs, double cMax, double temperature);
}

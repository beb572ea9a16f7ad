package org.cellwright.solver.dfn;

/** A material property as a function of a concentration-like variable and temperature, f(c, T), SI units. */
@FunctionalInterface
public interface StateFunction {
    double at(double c, double temperature);

    static StateFunction constant(double v) { return (c, t) -> v; }
}

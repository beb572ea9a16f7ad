package org.cellwright.solver.dfn;

/** Power demanded of the cell P(t) [W/m2 of electrode], positive = discharge (the current follows from V I = P). */
@FunctionalInterface
public interface PowerProfile {
    double at(double time);

    static PowerProfile constant(double p) { return t -> p; }
}

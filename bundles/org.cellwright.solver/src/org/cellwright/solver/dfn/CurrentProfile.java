package org.cellwright.solver.dfn;

/** Applied current density I(t) [A/m2 of electrode], positive = discharge. */
@FunctionalInterface
public interface CurrentProfile {
    double at(double time);

    static CurrentProfile constant(double i) { return t -> i; }
}

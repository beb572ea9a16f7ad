package org.cellwright.solver.dfn;

/** Power demanded of the cell P(t) [W/m2 of electrode], positive = discharge (the current follows from V I = P). */
@FunctionalInterface
public interface PowerProfile {
    double at(double time);

    /**
     * The sign of the current under this demand, which selects the OCP branch of a material with hysteresis
     * ({@link DfnModel#branchCurrent}; V > 0, so I has the sign of P): the demand itself unless the profile fixes the
     * direction of the piece being integrated (as {@link CurrentProfile#direction}).
     */
    default double direction(double time) { return at(time); }

    static PowerProfile constant(double p) { return t -> p; }
}

package org.cellwright.solver.dfn;

/** Applied current density I(t) [A/m2 of electrode], positive = discharge. */
@FunctionalInterface
public interface CurrentProfile {
    double at(double time);

    /**
     * The current whose sign selects the OCP branch of a material with hysteresis at this time ({@link ZerothOrderHysteresis},
     * {@link DfnModel#branchCurrent}): the current itself unless the profile fixes the direction of the piece being
     * integrated (a drive cycle's current crossing zero: the branch switches at the crossing, a breakpoint, not inside a
     * step; docs/dfn.md, "OCP hysteresis").
     */
    default double direction(double time) { return at(time); }

    static CurrentProfile constant(double i) { return t -> i; }
}

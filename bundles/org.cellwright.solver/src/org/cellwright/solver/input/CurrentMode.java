package org.cellwright.solver.input;

/** How the value of a constant-current step is given. */
public enum CurrentMode {
    /** Current density [A/m2] of the geometric area. */
    DENSITY,
    /** Current [A]. */
    CURRENT,
    /** C-rate [1/h] relative to the nominal capacity of the cell (signed like the current). */
    C_RATE
}

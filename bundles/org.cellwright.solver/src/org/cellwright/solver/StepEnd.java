package org.cellwright.solver;

import java.util.Locale;

/**
 * How a protocol step ended. The step's own conditions: {@link #VOLTAGE_CUTOFF} (its last voltage within
 * {@link Simulation#LANDING_TOLERANCE} of the cut-off), {@link #VOLTAGE_JUMP} (the model's voltage jumped across the
 * cut-off within the shortest time step, where no current lands on it, e.g. a host in its hysteresis gap once the
 * plated Li is used up: the step ends at the voltage reached, with a warning giving both voltages and the cause),
 * {@link #CURRENT_CUTOFF} (a hold's or a power step's current fell below its limit), {@link #DURATION},
 * {@link #CAPACITY}. The solver's bound on a step without a duration ({@link #TIME_BOUND}, see
 * {@link Simulation#stepBound}), the end of the run ({@link #SHORT_CIRCUIT}, {@link #CANCELLED}) and
 * {@link #SOLVER_FAILURE}: the model had no solution any more before the step's condition was met (an electrode that
 * cannot carry the current and no voltage cut-off the voltage could fall or rise to, or non-convergence);
 * {@link #LITHIUM_EXHAUSTED}: the electrode giving lithium has none left. Ends other than the step's own conditions,
 * and voltage jumps, are reported as warnings in the run messages, naming cycle, step and cause.
 */
public enum StepEnd {
    VOLTAGE_CUTOFF, VOLTAGE_JUMP, CURRENT_CUTOFF, DURATION, CAPACITY, TIME_BOUND, LITHIUM_EXHAUSTED, SHORT_CIRCUIT, CANCELLED, SOLVER_FAILURE;

    /** The name written in cycles.csv and summary.json: lower case with hyphens (voltage-cutoff). */
    public String label() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
}

package org.cellwright.solver;

import java.util.Locale;

import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.StepNumbers;

/**
 * How a protocol step ended. The step's own conditions: {@link #VOLTAGE_CUTOFF} (its last voltage within
 * {@link Simulation#LANDING_TOLERANCE} of the cut-off), {@link #VOLTAGE_JUMP} (the model's voltage jumped across the
 * cut-off within the shortest time step, where no current lands on it, e.g. a host in its hysteresis gap once the
 * plated Li is used up: the step ends at the voltage reached, with a warning giving both voltages and the cause; in the
 * DFN runner, an end more than CutoffLanding.END_TOLERANCE off its cut-off where the landing gave up or the crossing
 * had no consistent state), and in both runners a step whose voltage goes without bound through its cut-off before
 * reaching it: a transport path exhausted under the current (DfnModel.transportLimit: the electrolyte depleted,
 * particle surfaces saturated or emptied; CellModel.failedAtTransportLimit: a composite cathode's surfaces) or a
 * constant power at or beyond the cell's maximum power; the protocol goes on from the state reached,
 * {@link #CURRENT_CUTOFF} (a hold's or a power step's current fell below its limit), {@link #DURATION},
 * {@link #CAPACITY}, {@link #PAST_CUTOFF_AT_REST} (the cell's rest voltage, at zero current, was past the step's voltage
 * cut-off already: no current in the step's direction puts the voltage on it, and the step ended at once at that rest
 * voltage with no charge passed; the NMC pouch BPX cell at its state of charge 1 reads 4.2018 V against its 4.2 V window;
 * the DFN runner's since issue 13, session 21; the solid-state runner's too, session 21, recorded voltage-cutoff before). The solver's bound on a step without a duration ({@link #TIME_BOUND}, see
 * {@link Simulation#stepBound}), the end of the run ({@link #SHORT_CIRCUIT}, {@link #CANCELLED}) and
 * {@link #SOLVER_FAILURE}: the model had no solution any more before the step's condition was met (an electrode that
 * cannot carry the current and no voltage cut-off the voltage could fall or rise to, or non-convergence);
 * {@link #LITHIUM_EXHAUSTED}: the electrode giving lithium has none left; {@link #CONTACT_LOST}: a Li metal
 * electrode has no contact with the SE left to carry the current (solid-state runner). Ends other than the step's own conditions,
 * and voltage jumps, are reported as warnings in the run messages, naming cycle, step and cause ({@link #warning}: one
 * wording for the solid-state and the DFN runner, read by the CLI, the report and the Results view).
 */
public enum StepEnd {
    VOLTAGE_CUTOFF, VOLTAGE_JUMP, CURRENT_CUTOFF, DURATION, CAPACITY, TIME_BOUND, LITHIUM_EXHAUSTED, SHORT_CIRCUIT, CANCELLED, SOLVER_FAILURE,
    PAST_CUTOFF_AT_REST,
    /**
     * A Li metal electrode stripped its contact with the SE down to the contact model's floor (ContactArea.MIN_CONTACT):
     * no contact is left to carry the current, a transport limit through which the voltage falls (or rises) without
     * bound, so the step ends there by this condition of its own, named in cycles.csv and with a warning, as a short
     * is; the protocol goes on from the state reached. Recorded as {@link #VOLTAGE_JUMP} before session 27, which
     * read as a cut-off crossed on a step that had none (a half cell at 1 MPa: "voltage-jump" at -4 to -40 V).
     */
    CONTACT_LOST;

    /**
     * What the runners say of a step that the cell's voltage window ended ({@link Cutoff#window}): "the step has no
     * voltage cut-off below it: it ended at the cell's lower-voltage-cutoff 2.5 V (its voltage window)".
     */
    public static String windowEnd(Cutoff c) {
        boolean below = c.kind() == Cutoff.Kind.VOLTAGE_BELOW;
        return String.format(Locale.ROOT, "the step has no voltage cut-off %s it: it ended at the cell's %s %s V (its voltage window)",
                below ? "below" : "above", below ? "lower-voltage-cutoff" : "upper-voltage-cutoff", StepText.num(c.value()));
    }

    /**
     * What both runners say of a step that ended as {@link #PAST_CUTOFF_AT_REST}: "the cell's rest voltage 4.2018 V (at
     * zero current) is already 1.8 mV past the cut-off: no current in the step's direction puts the voltage on it; the
     * step ends at once at its rest voltage, no charge passed", rest and cutoff [V].
     */
    public static String pastCutoffAtRest(double rest, double cutoff) {
        return String.format(Locale.ROOT, "the cell's rest voltage %.4f V (at zero current) is already %.1f mV past the cut-off: no current "
                + "in the step's direction puts the voltage on it; the step ends at once at its rest voltage, no charge passed", rest,
                1e3 * Math.abs(rest - cutoff));
    }

    /** The message for n more steps that ended so after the one warned about: "warning: 3 later steps ended so (voltage-jump), the last in cycle 7". */
    public String laterEnds(int n, int lastCycle) {
        return String.format(Locale.ROOT, "warning: %d later step%s ended so (%s), the last in cycle %d", n, n == 1 ? "" : "s", label(), lastCycle);
    }

    /** The name written in cycles.csv and summary.json: lower case with hyphens (voltage-cutoff). */
    public String label() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    /**
     * The warning of a step that ended so, as every runner words it (a STEP_END event's message), the step named as
     * {@link StepNumbers} names it: "warning: cycle 2, step 3.2 (line 14) (voltage-jump at 1.25 h): what", step the
     * solver's flattened index, time [s] the step's end.
     */
    public String warning(StepNumbers steps, int cycle, int step, double time, String what) {
        return "warning: " + steps.at(cycle, step, label() + " at " + StepText.hoursText(time)) + ": " + what;
    }
}

package org.cellwright.solver.input;

import java.util.ArrayList;
import java.util.List;

/**
 * A step end condition. Values in SI: V, s, C/m2 (charge passed in the step, by magnitude), A/m2 (magnitude);
 * {@link Kind#CURRENT_BELOW_C_RATE} in multiples of the cell's nominal capacity per hour (converted with the
 * nominal capacity like a C-rate current, e.g. {@code hold at 4.3 V until 0.05 C}).
 */
public record Cutoff(Kind kind, double value, boolean window) {

    public enum Kind { VOLTAGE_ABOVE, VOLTAGE_BELOW, DURATION, CAPACITY, CURRENT_BELOW, CURRENT_BELOW_C_RATE }

    /** A cut-off the protocol states ({@link #window} false). */
    public Cutoff(Kind kind, double value) { this(kind, value, false); }

    /**
     * A voltage cut-off from the cell's voltage window ({@code lower-voltage-cutoff}, {@code upper-voltage-cutoff}):
     * a constant-current or constant-power step without a voltage cut-off of its own in its direction ends there, as a
     * cycler's safety limit and PyBaMM's experiments do ({@link #withinWindow}); the runners say so when one ends a step.
     */
    public static Cutoff window(Kind kind, double v) { return new Cutoff(kind, v, true); }

    /**
     * The steps with the cell's voltage window [V] (NaN: not stated) added to every constant-current, constant-power
     * and drive-cycle step (repeats included) that has no voltage cut-off in its direction (sign of its value, charge
     * positive; a drive cycle's: its net charge, as its own 'until'; and, as it changes direction, the other side of
     * the window too where it has no cut-off there); holds and rests as written.
     */
    public static List<StepSpec> withinWindow(List<StepSpec> steps, double lower, double upper) {
        if (Double.isNaN(lower) && Double.isNaN(upper)) return steps;
        List<StepSpec> out = new ArrayList<>(steps.size());
        for (StepSpec s : steps) out.add(switch (s) {
            case StepSpec.ConstantCurrent cc -> new StepSpec.ConstantCurrent(cc.mode(), cc.value(), withinWindow(cc.cutoffs(), cc.value(), lower, upper));
            case StepSpec.ConstantPower cp -> new StepSpec.ConstantPower(cp.powerDensity(), withinWindow(cp.cutoffs(), cp.powerDensity(), lower, upper));
            // a drive cycle changes direction: its regeneration is bounded by the window's other side too (LFP at 3.65 V
            // on US06 was charged past full by it until its OCP fit, evaluated beyond its range, read 9404 V)
            case StepSpec.Follow f -> new StepSpec.Follow(f.power(), f.mode(), f.time(), f.value(), f.source(),
                    withinWindow(withinWindow(f.cutoffs(), f.netDirection(), lower, upper), -f.netDirection(), lower, upper));
            case StepSpec.Repeat r -> new StepSpec.Repeat(r.count(), withinWindow(r.steps(), lower, upper));
            default -> s;
        });
        return out;
    }

    /**
     * The window's cut-off among a step's that voltage v [V] is at or past (within {@code tolerance} [V]), or null: how
     * a runner tells that the cell's window, not the protocol, ended a step.
     */
    public static Cutoff windowAt(List<Cutoff> cutoffs, double v, double tolerance) {
        for (Cutoff c : cutoffs)
            if (c.window() && (c.kind() == Kind.VOLTAGE_BELOW ? v <= c.value() + tolerance : v >= c.value() - tolerance)) return c;
        return null;
    }

    private static List<Cutoff> withinWindow(List<Cutoff> cutoffs, double sign, double lower, double upper) {
        Kind kind = sign > 0 ? Kind.VOLTAGE_ABOVE : sign < 0 ? Kind.VOLTAGE_BELOW : null;
        double v = sign > 0 ? upper : lower;
        if (kind == null || Double.isNaN(v) || cutoffs.stream().anyMatch(c -> c.kind() == kind)) return cutoffs;
        List<Cutoff> out = new ArrayList<>(cutoffs);
        out.add(window(kind, v));
        return out;
    }

    public static Cutoff voltageAbove(double v) { return new Cutoff(Kind.VOLTAGE_ABOVE, v); }
    public static Cutoff voltageBelow(double v) { return new Cutoff(Kind.VOLTAGE_BELOW, v); }
    public static Cutoff duration(double seconds) { return new Cutoff(Kind.DURATION, seconds); }
    public static Cutoff capacity(double coulombPerM2) { return new Cutoff(Kind.CAPACITY, coulombPerM2); }
    public static Cutoff currentBelow(double ampPerM2) { return new Cutoff(Kind.CURRENT_BELOW, ampPerM2); }
    public static Cutoff currentBelowCRate(double rate) { return new Cutoff(Kind.CURRENT_BELOW_C_RATE, rate); }
}

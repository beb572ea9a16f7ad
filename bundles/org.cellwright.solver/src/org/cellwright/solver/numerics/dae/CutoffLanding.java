package org.cellwright.solver.numerics.dae;

/**
 * Ends a driver's run (or protocol step) on an event of the state, for every driver of a {@link DaeStepper} (DfnSimulation,
 * the run bundle's DfnRunner): a cut-off of a smooth margin (a voltage cut-off: volts before it, positive) landed on by
 * steps of the stepper, and any end test located on the dense output.
 *
 * <p>Landing (issue 13: a step's last sample on its cut-off within 1 mV, a state of the model): where the voltage falls
 * steeply (a cathode's particle surfaces saturating at the end of a discharge: 0.8 V within a second) the interpolating
 * polynomial through the last accepted states is off by tenths of a volt, though the differential unknowns are within
 * the step's tolerance. A step that crosses the cut-off by more than {@link #TOLERANCE} is undone: the stepper starts
 * again from the state before it and steps to a target time from a bracket [lo, hi] around the crossing, the margin
 * known at both ends: first the dense output's estimate, then regula falsi with the Illinois modification (Dowell and
 * Jarratt, BIT 11, 168, 1971), until a solved state is within {@link #TOLERANCE} of the cut-off, or the bracket cannot
 * shrink (then the crossing on the dense output, and {@link #gaveUp} tells where: a driver reports an end off the cut-off
 * by more than {@link #END_TOLERANCE}, never records it as on it).
 *
 * <p>The driver's loop: {@link #aim} before each step (the step's start kept, the target cut to the landing's next),
 * {@link #stepped} after each accepted one, and {@link #crossing} where the run ends within a step.
 */
public final class CutoffLanding {
    /** How close to the cut-off a step's last state must be [V]. */
    public static final double TOLERANCE = 1e-4;
    /**
     * How close to its cut-off a run's (or step's) end must lie to count as ended there [V] (issue 13: 1 mV); an end
     * further off, after the landing gave up ({@link #gaveUp}), is a jump across the cut-off, which the driver reports.
     */
    public static final double END_TOLERANCE = 1e-3;
    /** Targets tried before the landing gives up (then the dense output's crossing, as without it). */
    static final int MAX_TARGETS = 60;

    /** A smooth function of the state (the distance to a cut-off: positive before it, negative past it). */
    @FunctionalInterface
    public interface Margin {
        double of(double t, double[] y);
    }

    /** Whether the state ends the run (a cut-off crossed, a limit reached). */
    @FunctionalInterface
    public interface End {
        boolean reached(double t, double[] y);
    }

    /**
     * Where a landing gave up ({@link Outcome#CROSSED}): its last bracket [lo, hi] around the crossing [s], the margins
     * of the solved states at its ends (before the cut-off, past it), the targets stepped to, and why it stopped.
     */
    public record Bracket(double lo, double hi, double marginLo, double marginHi, int targets, String why) {}

    /** What an accepted step was, for the driver. */
    public enum Outcome {
        /** An ordinary step: its state is before the cut-off (or the margin has none). */
        STEPPED,
        /** The step crossed the cut-off and was undone: the stepper starts again from the step's start; step again. */
        RETRY,
        /** The step's state is within the tolerance of the cut-off: the run ends there, at a solved state. */
        LANDED,
        /** The step crossed the cut-off and the landing gave up: the run ends at {@link #crossing} within the step. */
        CROSSED
    }

    private final DaeStepper stepper;
    private final Margin margin;
    private final double[] before, work;
    private double tBefore, lastMargin = Double.POSITIVE_INFINITY;
    /** Whether a bracket is open (a step crossed; steps aim at it). */
    private boolean active;
    private double lo, marginLo, hi, marginHi, next;
    /** The margins at the bracket's ends as solved (marginLo, marginHi are halved by the Illinois modification). */
    private double solvedLo, solvedHi;
    private int side, targets;
    private Bracket gaveUp;

    /** @param margin the cut-off's margin of a state, NaN or +infinity where there is none */
    public CutoffLanding(DaeStepper stepper, Margin margin) {
        this.stepper = stepper;
        this.margin = margin;
        before = new double[stepper.newton().mass().length];
        work = new double[before.length];
    }

    /**
     * Before a step: keeps the step's start and returns the time to step to, target or, while landing, the landing's
     * next target or the next output time before it (solved states where the voltage is steep; NaN: none).
     */
    public double aim(double target, double nextOutput) {
        tBefore = stepper.time();
        System.arraycopy(stepper.state(), 0, before, 0, before.length);
        if (!active) return target;
        double t = Math.min(target, next);
        return nextOutput > tBefore ? Math.min(t, nextOutput) : t;
    }

    /** Whether steps are aiming at a crossing. */
    public boolean landing() { return active; }

    /** The margin of the last accepted step's state (+infinity: no cut-off). */
    public double margin() { return lastMargin; }

    /** After an accepted step (after {@link #aim}): what it was; on {@link Outcome#RETRY} the stepper has been restarted. */
    public Outcome stepped() {
        double t1 = stepper.time();
        double m = margin.of(t1, stepper.state());
        if (Double.isNaN(m)) m = Double.POSITIVE_INFINITY;
        lastMargin = m;
        boolean at = m < 0 ? m >= -TOLERANCE : active && t1 == next && m <= TOLERANCE;
        if (m < 0 && !at) {
            if (!active) open(m, t1);
            else crossed(t1, m);
            // back to the step's start: undone with the stepper's history (DaeStepper.undo), else restarted from the state kept
            if (!exhausted() && (stepper.undo() || stepper.start(tBefore, before.clone(), (next - tBefore) / 8))) return Outcome.RETRY;
            gaveUp = new Bracket(lo, hi, solvedLo, solvedHi, targets, targets > MAX_TARGETS ? MAX_TARGETS + " targets tried"
                    : !(next > lo && next < hi) ? "the bracket as narrow as the time resolves" : "no restart from the step's start");
            active = false;
            return Outcome.CROSSED;
        }
        if (active && t1 == next && !at) above(t1, m);
        if (at) active = false;
        return at ? Outcome.LANDED : Outcome.STEPPED;
    }

    /**
     * The bracket where the last landing gave up ({@link Outcome#CROSSED}; null if none did): a crossing no solved state
     * lies on within {@link #TOLERANCE}, e.g. a margin that jumps, where the dense output's crossing ends the run.
     */
    public Bracket gaveUp() { return gaveUp; }

    /** A first crossing by the step from tBefore to t1: the bracket, its first target where the dense output crosses. */
    private void open(double m, double t1) {
        lo = tBefore;
        marginLo = solvedLo = margin.of(tBefore, before);
        hi = t1;
        marginHi = solvedHi = m;
        double estimate = crossing((t, y) -> margin.of(t, y) < 0, stepper.previousTime(), t1, false);
        next = estimate > lo && estimate < hi ? estimate : falsi();
        targets = 1;
        side = 0;
        active = true;
    }

    /**
     * The last time in [t0, t1] (within the last accepted step) before the state ends the run, by bisection (40 halvings)
     * on the dense output: its interpolated states, or (solved) those states with their algebraic unknowns solved
     * ({@link DaeStepper#solvedAt}: an end test on an algebraic unknown, a held voltage's current, then reads the
     * model's value, not the polynomial's, at the cost of a Newton solve per halving).
     */
    public double crossing(End end, double t0, double t1, boolean solved) {
        double a = t0, b = t1;
        for (int it = 0; it < 40; it++) {
            double mid = 0.5 * (a + b);
            if (mid <= a || mid >= b) break;
            if (solved) stepper.solvedAt(mid, work);
            else stepper.interpolate(mid, work);
            if (end.reached(mid, work)) b = mid;
            else a = mid;
        }
        return a;
    }

    /** The time to step to next while landing. */
    double next() { return next; }

    /** Whether the bracket cannot shrink further (targets used up, or as narrow as time resolves). */
    private boolean exhausted() {
        return targets > MAX_TARGETS || !(next > lo && next < hi);
    }

    /** A step crossed the cut-off at t (margin < 0): the bracket's new upper end. */
    private void crossed(double t, double m) {
        hi = t;
        marginHi = solvedHi = m;
        if (side == -1) marginLo *= 0.5; // Illinois: the end kept twice in a row counts half
        side = -1;
        aim();
    }

    /**
     * The target t was reached before the cut-off (margin > 0): the bracket's new lower end. A solved state at the
     * bracket's upper end itself before the cut-off refutes the crossing seen there (the driver restarted the stepper
     * from the state before it, whose algebraic unknowns solved anew lie elsewhere: a thermal LFP cell's surface at
     * saturation, 65 mV higher): the bracket closes and steps go on to the next crossing. Before, its targets closed in
     * on hi and at last aimed at the stepper's own time, a step of length 0: "step size underflow" (docs/dfn.md).
     */
    private void above(double t, double m) {
        if (t >= hi) {
            active = false;
            return;
        }
        lo = t;
        marginLo = solvedLo = m;
        if (side == 1) marginHi *= 0.5;
        side = 1;
        aim();
        if (!(next > lo)) next = hi; // as narrow as time resolves: the upper end itself (crossed there, or refuted)
    }

    private void aim() {
        next = falsi();
        targets++;
    }

    /** The zero of the margin's secant through the bracket's ends, kept off them by 1 % of its width (else the middle). */
    private double falsi() {
        if (!Double.isFinite(marginLo) || !Double.isFinite(marginHi)) return 0.5 * (lo + hi); // a margin without bound: bisection
        double t = lo + (hi - lo) * marginLo / (marginLo - marginHi);
        double w = hi - lo;
        return Math.min(Math.max(t, lo + 0.01 * w), hi - 0.01 * w);
    }
}

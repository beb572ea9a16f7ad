package org.cellwright.solver;

import static org.cellwright.solver.StepText.describeCutoffs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.physics.CellModel;
import org.cellwright.solver.physics.PhysicsEvents;

/**
 * Events of a run that are not a step's own end: the model's events at commit (a short circuit reported by the
 * physics ends the run), hard shorts (a Li filament spanning the separator, or the leak through filaments exceeding
 * the applied current), soft shorts (a step that cannot reach its voltage cut-off because current leaks; a step of
 * whose charge, stored or given back, a measurable share leaks; a cycle whose steps together leak that share of its
 * charge, the Coulombic efficiency collapsing while current leaks among them) and stalled steps (a step of the cycle's
 * second direction that ends at its cut-off having passed almost nothing).
 */
final class EventDetection implements PhysicsEvents {
    /** Share of the previous step's charge below which a step ending at its voltage cut-off counts as stalled. */
    static final double STALL_FRACTION = 0.01;

    private final RunRecorder rec;
    private final CellModel model;
    /** The run's end asked for by an event of the model (a short circuit), or null. */
    RunStatus pendingStatus;
    /** Signed charge [C/m2] of the last step that passed current. */
    double lastStepCharge;
    /** Charge [C/m2] that leaked through Li filaments in the current step (signed: a half cell's follows its current). */
    private double stepLeak;
    /**
     * The current cycle's steps that leaked, as {@link #checkLeakShare} closed them: what the cycle's rule names, and
     * its leak ({@link #cycleLeak}).
     */
    private final List<LeakingStep> cycleSteps = new ArrayList<>();

    /** A step that leaked: its name ("the charge at 1 mA/cm2"), where it is ("step 3.2 (line 14)"), its leak and charge [C/m2]. */
    private record LeakingStep(String what, String where, double leak, double charge) {}
    /** Whether the current step was named a soft short by {@link #checkSoftShortStep} (its words say more). */
    private boolean stepReported;
    /** The soft shorts reported (the first) and counted (the later ones). */
    private final RepeatedWarning softShorts = new RepeatedWarning();
    /** The cycle of the last soft short reported or counted (0: none). */
    private int softShortCycle;
    /** Stalled steps (see {@link #checkStall}) and steps crossed at once (see {@link #crossedAtOnce}). */
    private final RepeatedWarning stalls = new RepeatedWarning(), atOnce = new RepeatedWarning();

    EventDetection(RunRecorder rec, CellModel model) {
        this.rec = rec;
        this.model = model;
    }

    @Override
    public void emit(SimulationEvent.Type type, double value, String msg) {
        rec.event(type, value, msg);
        if (type == SimulationEvent.Type.SHORT_CIRCUIT) pendingStatus = RunStatus.SHORT_CIRCUIT;
    }

    void startStep() {
        stepLeak = 0;
        stepReported = false;
    }

    /** Charge [C/m2] that leaked through Li filaments in a time step. */
    void addLeak(double charge) {
        stepLeak += charge;
    }

    /**
     * A hard short after a committed time step at current i with the leak current leakNow [A/m2] through filaments:
     * its reason, or null. In a hold (hold true) the current is not the protocol's but whatever the set voltage draws,
     * leak included (i = leak + the electrodes' current): the leak is compared with the smaller of i and the electrodes'
     * current i - leakNow (a discharging hold's is i, as before). Against i, a charging hold could never short (its
     * current always exceeds its own leak): on the baseline cell whose charge had leaked 77 % at 65 MPa, the hold at 4.3 V after it drew ever more current into a filament spanning
     * ever more of the separator (f / (1 - f) growing without bound), its time steps shrinking to no solution, and the
     * run ended NOT_CONVERGED instead of short-circuit (session 26).
     */
    String hardShort(double i, double leakNow, boolean hold) {
        double leak = Math.abs(leakNow), against = hold ? Math.min(Math.abs(i), Math.abs(i - leakNow)) : Math.abs(i);
        if (!(model.filamentFraction() >= 1 || leak > Math.max(against, NumericalThresholds.HARD_SHORT_LEAK_FLOOR))) return null;
        return model.filamentFraction() >= 1
                ? String.format(Locale.ROOT, "Li filament spans the separator: Li pressure on the SE "
                        + "%.2f x its penetration stress", model.penetrationRatio())
                // a hard short's reason: it read "soft short: leakage ..." under the report's "Short circuit" heading
                : String.format(Locale.ROOT, "leakage through Li filaments (%.0f %% of the "
                        + "separator) %.3g A/m2 exceeds %s", 100 * model.filamentFraction(), leak,
                        hold ? "the current through the electrodes in the hold" : "the applied current");
    }

    /**
     * A step that ran into its time limit (its duration, or the bound of a step without one) or its capacity limit, in
     * words ("time limit of 2 h", "capacity limit of 1 mAh/cm2"), while current leaked through Li filaments (more than
     * {@link Simulation#SOFT_SHORT_LEAK_SHARE} of its charge), short of its voltage cut-off (a current step), or of its current cut-off (a hold, whose
     * electrodes' current had fallen below it while the leak held the cell's above: the caller decides): a soft short
     * (the leak keeps the step from its cut-off), reported once with cycle and reason, later ones counted. The reason
     * names the time limit reached and the cut-offs missed (it read "without reaching 4.3 V or 8 h" of a charge that had
     * reached its 8 h; a hold held from its current cut-off was not reported: session 26).
     */
    void checkSoftShortStep(String step, List<Cutoff> cutoffs, String limit, double stepCharge) {
        if (!leakedMeasurably(stepCharge)) return;
        List<Cutoff> missed = cutoffs.stream()
                .filter(c -> c.kind() != Cutoff.Kind.DURATION && c.kind() != Cutoff.Kind.CAPACITY).toList();
        softShort(String.format(Locale.ROOT, "%s ran into its %s without reaching %s: "
                + "%.0f %% of its %.3f mAh/cm2 leaked through Li filaments spanning %.0f %% of the separator",
                step, limit, describeCutoffs(missed), 100 * Math.abs(stepLeak / stepCharge),
                Math.abs(stepCharge) / 36000.0, 100 * model.filamentFraction()), true);
        stepReported = true;
    }

    /**
     * A step that passed charge, however it ended, of whose charge more than {@link Simulation#SOFT_SHORT_LEAK_SHARE}
     * leaked through Li filaments: a soft short in its cycle, whatever the cycle's number (unless {@link
     * #checkSoftShortStep} named the step already). The leak's share of a step's charge is the share of its mean current
     * the leak G V carried ({@code LithiumFilament#leakageConductance}), a quantity of the model, not of a comparison:
     * the efficiency rules of {@link #cycleClosed} need a cycle before (the best efficiency of the cycles after the
     * first) and missed cycle 2 of the baseline cell at 65 MPa, whose charge leaked 3 % (8.6 % of the cycle) and which
     * shorted in cycle 3 with nothing said (session 31, pred31).
     *
     * <p>Both directions (session 33; until then only the storing one, a full cell's charge, a half cell's plating): a
     * cycler counts the external current, and the filament is a resistor in parallel with the cell, so in either
     * direction the leak is a charge the cycler's count and the lithium moved differ by. A full cell's filament drains it
     * internally whatever the external current (G V from its positive to its negative electrode): in a charge the count
     * exceeds what was stored by the leak, in a discharge the electrodes give up the count plus the leak, so the cell
     * delivers less than it stored (a 0.35 C discharge through a filament across half of the separator: about 1 %, as
     * much as its charge at the same current). A half cell's (Li against Li, its voltage the overpotentials') carries G V
     * in the direction of the current, plating or stripping: the count exceeds the lithium moved (a stripping ends when
     * its plated Li is exhausted, so the leak shows as an efficiency past 100 %). Either way a leak above a cycler's
     * tolerance is in the data a user compares, so it is named with the step that showed it; the words say which.
     */
    void checkLeakShare(String step, double stepCharge) {
        if (stepLeak != 0) cycleSteps.add(new LeakingStep(step, rec.steps.name(rec.stepIndex), stepLeak, stepCharge));
        if (stepReported || !leakedMeasurably(stepCharge)) return;
        boolean storing = Math.signum(stepCharge) == (model.fullCell() ? 1 : -1);
        String meaning = storing ? "" : model.fullCell() ? "; the cell gave that up besides what it delivered, a self-discharge"
                : "; charge counted that moved no lithium";
        softShort(String.format(Locale.ROOT, "%s leaked %.1f %% of the %.3f mAh/cm2 it passed through Li filaments "
                + "spanning %.0f %% of the separator (a cycler counts a charge to %.0f %%)%s", step,
                100 * Math.abs(stepLeak / stepCharge), Math.abs(stepCharge) / 36000.0, 100 * model.filamentFraction(),
                100 * Simulation.SOFT_SHORT_LEAK_SHARE, meaning), true);
    }

    /** Whether a filament leaked more than {@link Simulation#SOFT_SHORT_LEAK_SHARE} of the step's charge [C/m2]. */
    private boolean leakedMeasurably(double stepCharge) {
        return stepCharge != 0 && model.filamentFraction() > 0
                && Math.abs(stepLeak) > Simulation.SOFT_SHORT_LEAK_SHARE * Math.abs(stepCharge);
    }

    /**
     * A cycle closed with Coulombic efficiency ce of the charge first [C/m2] the cell took (its denominator, {@link
     * CycleSummary#coulombicEfficiency}). The run's last cycle is judged as the others: a cycle has an efficiency only
     * where it brought the cell back ({@link CycleBook}), so a last cycle cut short (by a short, a time limit, a cancel)
     * has none and is not judged (it was left out whatever it was: cell 6 at -10 degC and 10 MPa, four CC-CV cycles, the
     * last 86.3 % against 96.9 % with 0.29 mAh/cm2 leaked through a filament across 82 % of the separator, ended
     * "completed" with nothing said; fuzz28).
     *
     * <p>The cycle's leak (session 33): the charge its filaments carried, either way, all its steps together, more than
     * {@link Simulation#SOFT_SHORT_LEAK_SHARE} of the charge it stored, where no step of the cycle was named already
     * ({@link #checkLeakShare}: each of its steps leaked less), is a soft short of the cycle (no one step's). A cycler
     * counts the cycle's efficiency against that charge, and each leak is charge the count and the lithium moved
     * differ by: SilicideHalfCell at 55 MPa leaked 0.52 % of cycle 18's plating and 0.84 % of its stripping, 1.36 % of
     * the cycle's charge at an efficiency under 100 %, and shorted in cycle 19 with nothing said. This rule replaced the
     * efficiency past 100 % while current leaks (fuzz28: the interlayer half cell at 0 degC and 100 MPa read 179 % the
     * cycle before its hard short, nothing said), which judged the same cycles by their net leak, a half cell's plating
     * and stripping cancelling: every cycle it named this one names (the sum of the leaks' sizes is at least the size
     * of their sum), with the efficiency in its words.
     *
     * <p>It names the efficiency collapsing while current leaks too, a rule of its own until session 34 (below 0.9 of the
     * best efficiency of the cycles after the first while more than that share of the cycle's charge leaked, {@code
     * Simulation.SOFT_SHORT_EFFICIENCY_DROP}): that rule's condition held this one's leak, so every cycle it named is
     * named here or, earlier in the cycle, by one of its steps ({@link #checkSoftShortStep}, {@link #checkLeakShare}).
     * On the soft-short tests and the examples it named cycles 3 and 4 of {@code SoftShortTest#selfDischargeRun} alone
     * (a 20 h rest's self-discharge), which this rule names in the same cycles, the rest among the steps in its words
     * (docs/solid-state-solver.md, "Session 34").
     */
    void cycleClosed(double ce, double first) {
        if (ce >= 0 && first > 0 && cycleLeak() > Simulation.SOFT_SHORT_LEAK_SHARE * first && softShortCycle != rec.cycle())
            softShort(cycleLeakReason(ce, first), false);
        cycleSteps.clear();
    }

    /**
     * Charge [C/m2] that leaked through Li filaments in the current cycle, either way: the sum of its steps' leaks'
     * sizes (a half cell's filament carries the current's direction, so a plating's and a stripping's leaks have opposite
     * signs and their sum would cancel what each counted). Since session 34 from the steps its words name and count; it
     * was summed apart before, |G V| dt of each time step, the same on every judged cycle of the soft-short tests and of
     * experiments.cell, long-cycling.cell and more-conditions.cell (it differed only in a last cycle cut short by a hard
     * short, which has no efficiency and is not judged: the step that shorted is none of the cycle's steps).
     */
    private double cycleLeak() {
        return cycleSteps.stream().mapToDouble(l -> Math.abs(l.leak())).sum();
    }

    /**
     * The cycle's leak in words: "the cycle leaked 1.36 % of the 3.036 mAh/cm2 plated through Li filaments spanning 95 %
     * of the separator (a cycler counts a charge to 1 %), each of its steps less: the discharge at 0.92 mA/cm2 of step
     * 3.1 0.52 % of its 3.036 mAh/cm2, the charge at 0.92 mA/cm2 of step 3.2 0.84 % of its 3.024 mAh/cm2; Coulombic
     * efficiency 99.6 %; charge counted that moved no lithium" (SilicideHalfCell at 55 MPa, cycle 18): its steps that
     * leaked most, in the order they ran.
     */
    private String cycleLeakReason(double ce, double first) {
        List<LeakingStep> most = cycleSteps.stream()
                .sorted(Comparator.comparingDouble((LeakingStep l) -> -Math.abs(l.leak()))).limit(MAX_STEPS_NAMED).toList();
        StringBuilder steps = new StringBuilder();
        for (LeakingStep l : cycleSteps) {
            if (!most.contains(l)) continue;
            if (steps.length() > 0) steps.append(", ");
            steps.append(l.what()).append(" of ").append(l.where()).append(' ').append(l.charge() == 0
                    ? String.format(Locale.ROOT, "%.3f mAh/cm2", Math.abs(l.leak()) / 36000.0)
                    : String.format(Locale.ROOT, "%.2f %% of its %.3f mAh/cm2", 100 * Math.abs(l.leak() / l.charge()),
                            Math.abs(l.charge()) / 36000.0));
        }
        int others = cycleSteps.size() - most.size();
        if (others > 0) steps.append(String.format(Locale.ROOT, " and %d other step%s", others, others == 1 ? "" : "s"));
        return String.format(Locale.ROOT, "the cycle leaked %.2f %% of the %.3f mAh/cm2 %s through Li filaments spanning "
                + "%.0f %% of the separator (a cycler counts a charge to %.0f %%), each of its steps less: %s; Coulombic "
                + "efficiency %.1f %%%s; %s", 100 * cycleLeak() / first, first / 36000.0,
                direction(model.fullCell() ? 1 : -1, true), 100 * model.filamentFraction(), 100 * Simulation.SOFT_SHORT_LEAK_SHARE,
                steps, 100 * ce, ce > 1 ? ", more given back than stored" : "", model.fullCell()
                        ? "the cell lost that to the filament, stored less than it was charged and delivered less than it stored"
                        : "charge counted that moved no lithium");
    }

    /** The most steps a cycle's leak names (a cycle of many pulses names its largest leaks, the others counted). */
    private static final int MAX_STEPS_NAMED = 4;

    /** A soft short in the current step (step true) or in the cycle being closed (of no one step: step index -1). */
    private void softShort(String reason, boolean step) {
        softShortCycle = rec.cycle();
        if (!softShorts.first(rec.cycle())) return;
        rec.sink().event(new SimulationEvent(SimulationEvent.Type.SOFT_SHORT, rec.time, step ? rec.stepIndex : -1, rec.cycle(), model.filamentFraction(),
                step ? String.format(Locale.ROOT, "warning: %s: soft short: %s", rec.stepAt(), reason)
                        : String.format(Locale.ROOT, "warning: cycle %d: soft short: %s", rec.cycle(), reason), reason));
    }

    /** One message for the soft shorts after the first, if any. */
    void reportLaterSoftShorts() {
        int n = softShorts.later();
        if (n > 0)
            rec.sink().event(new SimulationEvent(SimulationEvent.Type.SOFT_SHORT, rec.time, rec.stepIndex, rec.cycle(), n, String.format(
                    Locale.ROOT, "warning: the soft short showed again %d time%s, the last in cycle %d",
                    n, n == 1 ? "" : "s", softShorts.lastCycle())));
    }

    /**
     * A step of the cycle's second direction (stripping after plating, discharge after charge) that ends at its
     * voltage cut-off having passed less than {@link #STALL_FRACTION} of the charge of the step before it (the
     * protocol's last step too, e.g. the 5 C discharge of a rate test) is a symptom (an overpotential the cut-off
     * leaves no room for): the first is reported as a run message with the cycle and the dominant overpotential at the
     * cut-off, later ones are counted. (A step ended by a transport or power limit carries a stalled step's figures
     * in its own warning, {@link #stallOfJump}: it got two warnings, session 21.)
     *
     * <p>The step having reached {@code reached} [V], or (atOnce, not null) crossed its cut-off at once, at its
     * start, what was set giving {@code reached} there (NaN: the model had no solution at it): atOnce names it, "its
     * set current", "its set power", "its profile's first power" ({@link StepText#setAtOnce}). The warning is the
     * step's end's ({@link StepEnd#warning}: "warning: cycle 7, step 3.2 (line 14) (voltage-cutoff at 95.2 h): the discharge step
     * ended ..."), with a note appended (the cut-off reached was the cell's voltage window, {@link StepEnd#windowEnd}:
     * one warning for the step, not the stall's and the window's). Returns whether the step counts as stalled
     * (reported or counted).
     */
    boolean checkStall(StepEnd end, int sign, double stepCharge, double[] eta, double cutoff, double reached, String atOnce, String note) {
        double previous = lastStepCharge;
        if (sign != 0) lastStepCharge = stepCharge;
        if (!stalled(sign, stepCharge, previous)) return false;
        if (!stalls.first(rec.cycle())) return true;
        OverpotentialKind dominant = OverpotentialKind.dominant(sign, eta);
        // named by its own direction: a run that starts with a discharge (a fresh cell) has its charges stall (a 3 C
        // charge at -10 degC read "the discharge step ended at its voltage cut-off 4.30 V ... charged before", session 26)
        String what = direction(sign, false);
        emit(SimulationEvent.Type.STEP_END, Math.abs(eta[dominant.ordinal()]), end.warning(rec.steps, rec.cycle(), rec.stepIndex, rec.time, String.format(Locale.ROOT,
                "the %s step ended %s after %s; %s", what,
                "at its voltage cut-off" + (atOnce == null ? String.format(Locale.ROOT, " %.3g V (reached %.4f V)", cutoff, reached)
                        : String.format(Locale.ROOT, " %.3g V (crossed at once: %s at %s at its start)", cutoff,
                                Double.isNaN(reached) ? "no solution" : String.format(Locale.ROOT, "%.4f V", reached), atOnce)),
                lessThanBefore(stepCharge, previous), OverpotentialKind.dominantText(sign, eta)) + note));
        return true;
    }

    /** Whether a step of sign that passed stepCharge after a step that passed previous [C/m2] is a stalled one. */
    private boolean stalled(int sign, double stepCharge, double previous) {
        if (sign == 0 || rec.firstSign() == 0 || sign == rec.firstSign()) return false;
        return Math.signum(previous) == -sign && Math.abs(stepCharge) < STALL_FRACTION * Math.abs(previous);
    }

    /**
     * A step that ended with its voltage jumping across its cut-off ({@link StepEnd#VOLTAGE_JUMP}): the jump's warning
     * names the cause, so a stalled one gets no stall warning of its own (fuzzing, session 18: the two came for one
     * step) but its figures for the jump's warning, "; it passed 1.3e-10 mAh/cm2, less than 1 % of the 0.460 mAh/cm2
     * plated before" (empty when the step is no stalled one). Not counted among the stalled steps.
     */
    String stallOfJump(int sign, double stepCharge) {
        double previous = lastStepCharge;
        if (sign != 0) lastStepCharge = stepCharge;
        return stalled(sign, stepCharge, previous) ? "; it passed " + lessThanBefore(stepCharge, previous) : "";
    }

    /**
     * A step's direction of sign (positive: a charge of a full cell, a stripping of a half cell's working electrode)
     * in words, as a noun or (done) as the participle: "discharge", "charged", "stripping", "plated".
     */
    private String direction(int sign, boolean done) {
        if (model.fullCell()) return (sign > 0 ? "charge" : "discharge") + (done ? "d" : "");
        return sign > 0 ? done ? "stripped" : "stripping" : done ? "plated" : "plating";
    }

    /** A stalled step's figures, as the stall's and the jump's warnings give them: "1.3e-10 mAh/cm2, less than 1 % of the 0.460 mAh/cm2 plated before". */
    private String lessThanBefore(double stepCharge, double previous) {
        return String.format(Locale.ROOT, "%.3g mAh/cm2, less than %.0f %% of the %.3f mAh/cm2 %s before", Math.abs(stepCharge) / 36000.0,
                100 * STALL_FRACTION, Math.abs(previous) / 36000.0, direction((int) Math.signum(previous), true));
    }

    /**
     * A step that is not a stalled one ({@link #checkStall}: e.g. the first direction of a cycle, a 3 C charge at
     * 25 degC after a discharge) whose set current (power, profile's first sample) crossed its voltage cut-off at
     * once, at its start, passing no charge: reported once with the share of the current set (or taken by the power
     * set) that lands on the cut-off within the shortest time step and the dominant overpotential there; later ones
     * counted (with the stalled steps'). set names what was set as the step's text refers to it ("that current", "that
     * power", "its first power": {@link StepText#setAtOnce}), ofSet the current it is a share of, end the step's end
     * (voltage-cutoff, or past-cutoff-at-rest where the cell is past the cut-off at rest already).
     */
    void crossedAtOnce(StepEnd end, String step, int sign, double cutoff, double share, double[] eta, double atSet, String set, String ofSet, String note) {
        if (!atOnce.first(rec.cycle())) return;
        OverpotentialKind d = OverpotentialKind.dominant(sign, eta);
        emit(SimulationEvent.Type.STEP_END, Math.abs(eta[d.ordinal()]), end.warning(rec.steps, rec.cycle(), rec.stepIndex, rec.time, String.format(Locale.ROOT,
                "%s crossed its voltage cut-off %s V at once, from %s V (%s; %s); the step passed "
                + "no charge%s; %s", step, StepText.num(cutoff),
                StepText.num(rec.voltage), share > 0 ? String.format(Locale.ROOT, "at the cut-off the cell carries %.2g %% of "
                        + "%s within the shortest time step", 100 * Math.abs(share), ofSet) : "the cell is past it at rest already",
                Double.isNaN(atSet) ? "the model has no solution at " + set : String.format(Locale.ROOT, "%.4f V at %s", atSet, set),
                note, OverpotentialKind.dominantText(sign, eta))));
    }

    /** One message for the stalled steps after the first, if any (and for the steps crossed at once after the first). */
    void reportLaterStalls() {
        int n = atOnce.later();
        if (n > 0)
            rec.sink().event(new SimulationEvent(SimulationEvent.Type.STEP_END, rec.time, rec.stepIndex, rec.cycle(), n, String.format(
                    Locale.ROOT, "warning: %d later step%s crossed %s voltage cut-off at once, the last in cycle %d", n,
                    n == 1 ? "" : "s", n == 1 ? "its" : "their", atOnce.lastCycle())));
        n = stalls.later();
        if (n == 0) return;
        rec.sink().event(new SimulationEvent(SimulationEvent.Type.STEP_END, rec.time, rec.stepIndex, rec.cycle(), n, String.format(
                Locale.ROOT, "warning: the same in %d later cycle%s, the last in cycle %d", n,
                n == 1 ? "" : "s", stalls.lastCycle())));
    }
}

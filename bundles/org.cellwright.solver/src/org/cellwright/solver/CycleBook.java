package org.cellwright.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.physics.Constants;

/**
 * The cycle bookkeeping of one run, for both runners (the solid-state {@link Simulation}'s RunRecorder and the
 * liquid-electrolyte DfnRunner): a cycle opens with a step of the storing direction (a full cell's charge, a half
 * cell's plating or lithiation: {@link #storingSign}) and the first storing step after one of the giving direction
 * closes it and opens the next ({@link CycleSummary}), so that each cycle's efficiency pairs a charge with the
 * discharge that follows it, as a cycler reports it. A run that starts in the giving direction (a charged cell
 * discharged first) opens cycle 1 with it: that cycle holds the charge the cell started with and has no efficiency
 * (a DFN full cell starting charged read 403 % for it, discharge / charge with the discharge of its initial charge);
 * its first storing step opens cycle 2. A step with no direction (a rest, a current zero to the solver's resolution:
 * {@link #direction}) neither opens nor closes one. It numbers the cycles (0 before the first direction), adds up
 * each cycle's charge and discharge, keeps the directions of its steps (its efficiency needs a step that stored what
 * it gives back), collects how its steps ended, and hands each closed cycle's summary to the runner's {@link Closed}.
 */
public final class CycleBook {
    /**
     * The share of the cell's lithium per hour at or below which a current gives its step no direction for the
     * cycles: zero to the solver's resolution. (Holds at 0 V and 0.01 V on the interlayer half cell once its plated
     * Li was used up, its Si host in its hysteresis gap, carried -1.3e-9 and -5e-26 A/m2: each opened a cycle of
     * 1e-13 to 1e-30 mAh/cm2 of "discharge", whose efficiency read 1e13 to 3e29.) For the study's half cells 7e-7 A/m2
     * (7e-8 mA/cm2), for its full cells 4e-8 A/m2; the currents their protocols set and hold to are 1e5 times that.
     */
    public static final double DIRECTIONLESS_SHARE_PER_HOUR = 1e-9;

    /** Where a runner takes a closed cycle: its summary, and whether the run's end closed it. */
    @FunctionalInterface
    public interface Closed {
        void cycle(CycleSummary summary, boolean last);
    }

    private final boolean fullCell;
    /** The storing direction: +1 (charge) for a full cell, -1 (plating, lithiation) for a half cell. */
    private final int storingSign;
    private final double activeLoading;
    private final Closed closed;
    private int cycle, firstSign;
    private boolean seenOpposite;
    private double charge, discharge, start;
    /** Whether a step of the current cycle started charging, discharging. */
    private boolean charging, discharging;
    /**
     * Whether the current cycle started where the cell's giving direction ends (the run's start of a cell that starts
     * there, or a cycle whose
     * giving reached its end: {@link #endsItsDirection}), and whether a step of its giving direction reached that end.
     */
    private boolean startedAtEnd, reachedEnd;
    /**
     * Whether the current cycle is the run's first, opened in the giving direction from the state the cell was given
     * (a liquid-electrolyte cell at its parameters' state of charge, charged, discharged first): its giving, when it
     * reaches its end, is the cell's capacity from that state, a full discharge ({@link #bringsTheCellBack}); without
     * it a DFN run's discharge to its cut-off read "first discharge - (no full discharge)" (session 20).
     */
    private boolean givenFromItsStart;
    /**
     * Whether a storing step of the current cycle (a full cell's charge) reached its own end ({@link #endsItsDirection}:
     * its voltage cut-off, a hold's current cut-off ...), so that the cycle's discharge starts from a full charge
     * ({@link #fromAFullCharge}); a 10 s charge pulse, a charge stopped by a duration or a capacity does not.
     */
    private boolean storedToItsEnd;
    /** The direction of the step under way (the last {@link #startDirection} since the last {@link #recordStep}; 0: none). */
    private int stepSign;
    /** Whether the step under way is a voltage hold ({@link #followHold} since the last {@link #recordStep}). */
    private boolean stepIsHold;
    /**
     * The flattened protocol's steps with the temperature and pressure each runs at, by step index: a cycle's discharge
     * step ({@link CycleSummary#dischargeSteps}); none by default.
     */
    private List<CycleSummary.DischargeStep> protocol = List.of();
    /** The current cycle's discharge steps (the protocol's, by step index; a null step for an index outside it). */
    private final List<CycleSummary.DischargeStep> dischargeSteps = new ArrayList<>();
    /** The current cycle's charge steps before its first discharge step (a charge, a CC-CV's hold), as {@link #dischargeSteps}. */
    private final List<CycleSummary.DischargeStep> chargeSteps = new ArrayList<>();
    /** The steps ended in the current cycle (and before the first cycle). */
    private final List<StepResult> steps = new ArrayList<>();

    /**
     * @param fullCell a cell with a cathode: its Coulombic efficiency is discharge / charge ({@link CycleSummary#coulombicEfficiency})
     * @param activeLoading the cathode's active material per area [kg/m2] for the specific discharge capacity (NaN: none)
     * @param closed takes each closed cycle, before the next one's number is given
     */
    public CycleBook(boolean fullCell, double activeLoading, Closed closed) {
        this(fullCell, activeLoading, true, closed);
    }

    /**
     * @param startsAtItsEnd whether the cell starts where its giving direction ends (the study's solid-state cells as
     *        assembled: a lithiated cathode, no plated lithium), so that its first cycle from the run's start can bring it
     *        back; false for a cell that starts at a state of charge of its parameters (a liquid-electrolyte cell, charged
     *        or part-charged: a 5-min charge and a discharge to the cut-off read 1 021 % on Marquis 2019's cell)
     */
    public CycleBook(boolean fullCell, double activeLoading, boolean startsAtItsEnd, Closed closed) {
        this.startedAtEnd = startsAtItsEnd;
        this.fullCell = fullCell;
        this.storingSign = storingSign(fullCell);
        this.activeLoading = activeLoading;
        this.closed = closed;
    }

    /**
     * Tells the cycles' discharges apart by the protocol's step of each step index (the flattened protocol's StepSpec,
     * equal by value), so that the capacity retention compares discharges of the same steps (SummaryJsonWriter), and
     * by the temperature and stack pressure the protocol set before each (its SetTemperature, SetStackPressure steps;
     * NaN before any: the cell's own).
     */
    public CycleBook stepsOf(List<StepSpec> flattened) {
        return stepsOf(flattened, Double.NaN, Double.NaN);
    }

    /**
     * As {@link #stepsOf(List)}, the cell's own temperature [K] and stack pressure [Pa] given for the steps before the
     * protocol sets them: the conditions each discharge ran at, recorded with the retention (summary.json).
     */
    public CycleBook stepsOf(List<StepSpec> flattened, double temperature, double stackPressure) {
        List<CycleSummary.DischargeStep> at = new ArrayList<>(flattened.size());
        double t = temperature, p = stackPressure;
        for (StepSpec s : flattened) {
            if (s instanceof StepSpec.SetTemperature st) t = st.temperature();
            else if (s instanceof StepSpec.SetStackPressure sp) p = sp.pressure();
            at.add(new CycleSummary.DischargeStep(s, t, p));
        }
        protocol = at;
        return this;
    }

    /** The current cycle's number (from 1; 0 before the run's first direction). */
    public int cycle() { return cycle; }

    /**
     * The direction of the current that stores the charge a cycle gives back (charge positive): a full cell's charge
     * (+1), a half cell's plating or lithiation of its working electrode (-1), as {@link CycleSummary#coulombicEfficiency}.
     */
    public static int storingSign(boolean fullCell) { return fullCell ? 1 : -1; }

    /** The run's first current direction (1 charge, -1 discharge; 0 before any). */
    public int firstSign() { return firstSign; }

    /**
     * The direction a current i [A/m2, charge positive] gives its step: its sign, 0 at or below
     * {@link #DIRECTIONLESS_SHARE_PER_HOUR} of the cell's lithium [mol/m2] per hour.
     */
    public static int direction(double i, double lithium) {
        return Math.abs(i) > DIRECTIONLESS_SHARE_PER_HOUR * Math.abs(lithium) * Constants.F / 3600 ? (int) Math.signum(i) : 0;
    }

    /**
     * A step started passing current of this sign at time [s] (0: none, nothing happens): the run's first direction
     * opens cycle 1; the first storing step after a giving one (also after the giving steps a run starts with) closes
     * the cycle (its lithium at the end from inventory) and opens the next. The step is recorded when it ends, in the
     * new cycle.
     */
    public void startDirection(int sign, double time, Supplier<LithiumInventory> inventory) {
        if (sign == 0) return;
        stepSign = sign;
        if (firstSign == 0) {
            firstSign = sign;
            cycle = 1;
            start = time;
            givenFromItsStart = sign != storingSign;
        }
        if (sign != storingSign) seenOpposite = true;
        else if (seenOpposite) {
            close(time, inventory, false);
            startedAtEnd = reachedEnd;
            reachedEnd = false;
            givenFromItsStart = false;
            storedToItsEnd = false;
            cycle++;
            seenOpposite = false;
            charge = 0;
            discharge = 0;
            start = time;
        }
        if (sign > 0) charging = true;
        else discharging = true;
    }

    /**
     * A voltage hold's direction for the cycles, after an accepted time step at current i [A/m2, charge positive]: the
     * rule both runners' holds keep (the solid-state StepExecution, the DFN runner's). A hold's direction follows its
     * current's at every moment: where the current has a direction ({@link #direction}, with the cell's lithium
     * [mol/m2]) other than the one the hold has taken (0: none yet), the hold is a step of that direction from time
     * [s] on ({@link #startDirection}): a hold whose current changes sign (after a discharge, held above the surfaces'
     * OCP and below the relaxed one: it charges first, then discharges) gives back in its cycle what it stored, and its
     * charge after a discharge opens a cycle as a charge step does. (A hold took its direction once, its first: one that
     * turned never gave back what its cycle stored, and a charge after it stayed in its cycle.) Before a turn,
     * {@code counted} runs: a runner that adds its step's charge at the step's end (DfnRunner) adds it there, into the
     * cycle it passed in. Returns the hold's direction now.
     */
    public int followHold(int taken, double i, double lithium, double time, Supplier<LithiumInventory> inventory, Runnable counted) {
        stepIsHold = true;
        int d = direction(i, lithium);
        if (d == 0 || d == taken) return taken;
        counted.run();
        startDirection(d, time, inventory);
        return d;
    }

    /** Charge passed [C/m2, magnitudes] in each direction, added to the current cycle's. */
    public void add(double charged, double discharged) {
        charge += charged;
        discharge += discharged;
    }

    /** The charge i h [C/m2] of a time step h [s] at current i [A/m2, charge positive]: the cycle's charge or discharge. */
    public void addCurrent(double i, double h) {
        if (i > 0) charge += i * h; else discharge -= i * h;
    }

    /** How a step ended (from start to end [s], its signed charge q [C/m2], the voltage v at its end [V]), in the current cycle. */
    public void recordStep(int stepIndex, StepEnd end, double start, double endTime, double q, double v) {
        steps.add(new StepResult(stepIndex, cycle, end, start, endTime, q, v));
        // charge steps only before the cycle's first discharge step: the charge its discharge follows (a half cell's
        // cycle plates first and strips after: its stripping is no charge before its discharge; a half cell shorted in
        // its last plating had none and read as "after another charge", session 23's merge)
        CycleSummary.DischargeStep ran = stepIndex >= 0 && stepIndex < protocol.size() ? protocol.get(stepIndex)
                : new CycleSummary.DischargeStep(null, Double.NaN, Double.NaN);
        if (stepSign < 0) dischargeSteps.add(ran);
        else if (stepSign > 0 && dischargeSteps.isEmpty()) chargeSteps.add(ran);
        // the cycle's last giving step decides (a pulse after the cut-off, the rest having let the cell recover, moves
        // it on again: an HPPC's cycle after the one that reached the cut-off read 1 286 %); a hold at the voltage a
        // giving step reached keeps the cell there (CC-CV: the hold's duration does not undo its cut-off)
        if (stepSign != 0 && stepSign != storingSign) reachedEnd = endsItsDirection(end) || stepIsHold && reachedEnd;
        // a storing step that reached its end charged the cell full; a storing step after it in the same cycle (a hold
        // stopped by its duration, a top-up pulse) takes it no lower: any of the cycle's storing steps decides
        else if (stepSign == storingSign && endsItsDirection(end)) storedToItsEnd = true;
        stepSign = 0;
        stepIsHold = false;
    }

    /**
     * Whether a step that ended so brought the cell to where its direction ends (a giving step, a full cell's discharge
     * or a half cell's stripping, to where its giving ends; a storing step, a full cell's charge, to its full charge):
     * at its voltage cut-off (also crossed at once, past it at rest already, or through it at a transport limit), at a
     * hold's current cut-off (CC-CV), or with its lithium exhausted; not at a duration, a capacity, a time bound, a short
     * circuit, a solver failure or a cancel, all of which leave the cell wherever the step stopped it.
     */
    static boolean endsItsDirection(StepEnd end) {
        return switch (end) {
            // a contact lost is a transport limit as a voltage jump through one is (recorded so before session 27)
            case VOLTAGE_CUTOFF, VOLTAGE_JUMP, CONTACT_LOST, CURRENT_CUTOFF, LITHIUM_EXHAUSTED, PAST_CUTOFF_AT_REST -> true;
            default -> false;
        };
    }

    /**
     * Whether the current cycle's efficiency compares charges that bring the cell back: it started at the run's start
     * (of a cell that starts there: the constructor's startsAtItsEnd) or where the cycle before ended its giving ({@link #endsItsDirection}: its last giving step, or a hold after it), and
     * its own last giving step (or a hold after it) reached that end too. A cycle of pulses (HPPC, GITT, a partial cycle), which starts or stops mid-way, has none: its
     * charge and discharge are the protocol's durations, not what the cell stored and gave back (an HPPC's 10 s charge
     * pulse opened a cycle whose discharge pulse and 10 % state-of-charge step read 3 700 %). The run's first cycle,
     * opened in the giving direction from the state the cell was given ({@link #givenFromItsStart}: a charged DFN
     * cell discharged first), brings it back when its giving reaches its end: its discharge is the cell's capacity from
     * that state, a full discharge for the run's first discharge and retention (it has no efficiency: it stored nothing,
     * a storing step opens the next cycle).
     */
    boolean bringsTheCellBack() { return (startedAtEnd || givenFromItsStart) && reachedEnd; }

    /**
     * Whether the current cycle's discharge started from a full charge: a storing step of the cycle reached its own
     * end ({@link #storedToItsEnd}: a charge to its voltage cut-off, a CC-CV hold to its current cut-off), or the cycle
     * is the run's first, given from the state the cell was given ({@link #givenFromItsStart}). A cycle brought back
     * from a 10 s charge pulse gives what the pulse stored, not the cell's capacity: with {@link #bringsTheCellBack}
     * the rule of a full discharge (CycleSummary#fromAFullCharge; SummaryJsonWriter.isFullDischarge), not of the
     * efficiency, which compares what the cycle stored with what it gave back whatever the charge's end.
     */
    boolean fromAFullCharge() { return givenFromItsStart || storedToItsEnd; }

    /**
     * The cycle's Coulombic efficiency ({@link CycleSummary#coulombicEfficiency}), NaN without steps in both
     * directions: without a step that stored the charge (for a full cell a charge, for a half cell a plating; a drive
     * cycle's regeneration inside a discharge stores none: a drive cycle run alone read 590 % as discharge / regenerated
     * charge), or without one that gave it back (a plating alone, the last cycle of a run that stopped before its
     * stripping: an empty cell of cycles.csv, null in summary.json, "-" in the CLI, where cycles.csv recorded 0). A step
     * of the giving direction that passed no charge (its cut-off at once) gives a real 0 %. NaN too for a cycle that
     * does not bring the cell back ({@link #bringsTheCellBack}: pulses), and for one that stored too little to resolve
     * ({@link #resolves}, with the cell's lithium at its end).
     */
    double coulombicEfficiency(LithiumInventory atEnd) {
        return noEfficiency(atEnd) == null ? CycleSummary.coulombicEfficiency(charge, discharge, fullCell) : Double.NaN;
    }

    /**
     * Why the current cycle has no efficiency ({@link #coulombicEfficiency}), null where it has one: the one decision,
     * which the cycle's summary carries to every output ({@link CycleSummary#noEfficiency}: summary.json's
     * {@code efficiency_unresolved}, the report, the checks).
     */
    CycleSummary.NoEfficiency noEfficiency(LithiumInventory atEnd) {
        double stored = fullCell ? charge : discharge;
        if (!(charging && discharging)) return CycleSummary.NoEfficiency.ONE_DIRECTION;
        if (!bringsTheCellBack()) return CycleSummary.NoEfficiency.NOT_BROUGHT_BACK;
        if (!(stored > 0)) return CycleSummary.NoEfficiency.STORED_NOTHING;
        return resolves(stored, atEnd) ? null : CycleSummary.NoEfficiency.STORED_TOO_LITTLE;
    }

    /**
     * Whether a cycle that stored this charge [C/m2] (a full cell's charge, a half cell's plating) in a cell holding the
     * lithium atEnd (null: not known, resolved) stored enough for an efficiency: more than
     * {@link NumericalThresholds#EFFICIENCY_RESOLUTION_SHARE} of the cell's lithium. Below it the cycle's efficiency is
     * none, whatever it gave back (a 1e-5 mAh/cm2 plating read 9 974 631 %). Asked by {@link #noEfficiency} alone: the
     * cycle's summary carries the answer to summary.json's {@code efficiency_unresolved}.
     */
    public static boolean resolves(double stored, LithiumInventory atEnd) {
        return atEnd == null || resolves(stored, Math.abs(atEnd.total()) * Constants.F);
    }

    /**
     * {@link #resolves(double, LithiumInventory)} with the cell's lithium as a charge, in the unit of {@code stored}
     * (C/m2, or mAh/cm2 as summary.json records both: a cycle's {@code lithium_mAh_cm2}): the one rule, for the
     * expectation that reads a run folder (a reference cycle's discharge, {@code expect capacity-retention ... relative
     * to cycle M}).
     */
    public static boolean resolves(double stored, double lithium) {
        return stored > NumericalThresholds.EFFICIENCY_RESOLUTION_SHARE * Math.abs(lithium);
    }

    /**
     * Closes the current cycle at time [s] (the run's end when last): its summary with the steps ended in it, to the
     * runner. A cycle whose steps passed no charge (each crossed its voltage cut-off at once, e.g. a 3 C charge at 25
     * degC after a discharge, or failed at its start) is closed too, with its step ends: the messages name it. Nothing
     * before the first direction, nor a cycle with neither charge nor steps.
     */
    public void close(double time, Supplier<LithiumInventory> inventory, boolean last) {
        if (cycle == 0 || (charge == 0 && discharge == 0 && steps.isEmpty())) return;
        double spec = Double.isNaN(activeLoading) ? Double.NaN : discharge / activeLoading;
        LithiumInventory atEnd = inventory.get();
        closed.cycle(new CycleSummary(cycle, charge, discharge, coulombicEfficiency(atEnd), spec, start, time, atEnd, steps, discharging,
                bringsTheCellBack(), fromAFullCharge(), dischargeSteps, chargeSteps, noEfficiency(atEnd)), last);
        steps.clear();
        dischargeSteps.clear();
        chargeSteps.clear();
        charge = 0;
        discharge = 0;
        charging = discharging = false;
    }

    /**
     * The number of cycles a protocol's steps of set direction open on a full or half cell (for the progress): constant
     * currents, powers, and profiles in their net direction ({@link StepSpec.Follow#netIntegral}, as the runners' cycles
     * count them); holds are left out. Without the powers and profiles, session 24's fuzz protocol (a discharge, a CC-CV
     * charge, a power discharge, a CC-CV charge, UDDS, WLTC) read "cycle 3/2" in the progress (session 26).
     */
    public static int estimate(List<StepSpec> protocol, boolean fullCell) {
        CycleBook b = new CycleBook(fullCell, Double.NaN, (c, last) -> {});
        for (StepSpec s : protocol) {
            double direction = switch (s) {
                case StepSpec.ConstantCurrent cc -> cc.value();
                case StepSpec.ConstantPower cp -> cp.powerDensity();
                case StepSpec.Follow f -> f.netIntegral();
                default -> Double.NaN;
            };
            if (!Double.isNaN(direction)) b.startDirection((int) Math.signum(direction), 0, () -> null);
        }
        return b.cycle();
    }
}

package org.cellwright.solver;

import static org.cellwright.solver.Simulation.BOUND_CAPACITIES;
import static org.cellwright.solver.Simulation.LANDING_STEP;
import static org.cellwright.solver.Simulation.LANDING_TOLERANCE;
import static org.cellwright.solver.Simulation.MAX_STEP_BOUND;
import static org.cellwright.solver.Simulation.stepBound;
import static org.cellwright.solver.StepEndLanding.crossedVoltage;
import static org.cellwright.solver.StepEndLanding.cutoffInDirection;
import static org.cellwright.solver.StepEndLanding.hasVoltageCutoff;
import static org.cellwright.solver.StepText.describe;
import static org.cellwright.solver.StepText.describeCutoffs;
import static org.cellwright.solver.StepText.hoursText;
import static org.cellwright.solver.StepText.num;
import static org.cellwright.solver.StepText.setAtOnce;

import java.util.List;
import java.util.Locale;

import org.cellwright.solver.dfn.DriveCycle;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.numerics.StepSizeControl;
import org.cellwright.solver.physics.CellModel;
import org.cellwright.solver.physics.Constants;
import org.cellwright.solver.physics.ContactArea;
import org.cellwright.solver.physics.ElectrodeModel;

/**
 * Execution of one electrical step: implicit time steps of the model (backward Euler inside the electrode models)
 * with adaptive length (voltage change per step, a local-error estimate, the change of the electrodes' state, the
 * settings' maximum step, the remaining duration and capacity), until the step's own condition ends it. A voltage
 * cut-off within a time step is landed on by {@link StepEndLanding}; short circuits and soft shorts are detected by
 * {@link EventDetection}; everything is recorded through {@link RunRecorder}.
 */
final class StepExecution {
    /** Minimum time step [s] below which a step counts as not converged. */
    static final double DT_MIN = 1e-6;
    /**
     * Target relative change of a hold's electrodes' current per time step where a leak makes up part of its current, at
     * the default relative tolerance 1e-4 (scaled by sqrt(rtol / 1e-4) like the voltage's target). Until session 37 the
     * hold's own current too: the voltage control sees nothing at a set voltage. Its charge: the capacity target, {@link AccuracyTarget#CAPACITY}.
     */
    static final double HOLD_CURRENT_CHANGE = 0.01;
    /**
     * Relative tolerance of a current step's end time at a voltage cut-off (its charge), and of a rest's relaxation, in
     * units of the settings' relative tolerance: 0.1 % at the default 1e-4, the capacity target of the work-precision
     * benchmark ({@link StepSizeControl#towardsCutoff}, {@link StepSizeControl#relaxing}; session 32).
     */
    static final double END_TIME_TOLERANCE = 10;
    /** Least local-error tolerance of the voltage there, in units of the settings' absolute tolerance (10 uV at the default). */
    static final double END_VOLTAGE_FLOOR = 10;
    /**
     * A charge's end onto its upper cut-off is controlled as a discharge's ({@link StepSizeControl#towardsCutoff}) where
     * it is shallow: where its voltage, at its slope now, rises by less than this over the time the step has run,
     * |V'| t &lt; 0.1 V [V], so that 0.1 mV of voltage error moves its end by more than the capacity target (0.1 mV / 0.1
     * %, the sensitivity `CutoffSensitivity` reports, per 0.1 mV). Session 38: at -32 degC the charges of
     * three cycles of 0.1 C to 4.3 V and 0.3 C to 2.8 V (|V'| t 0.024 V at their ends) were 1.77 and 0.63 % short on
     * 200 x 120 with the default steps, 0.08 and 0.05 % with it. A warm charge ends steeply (|V'| t 3.4-3.9 V at 0.35 C
     * and 60 degC, 0.24-0.30 V at 1 C and 25 degC), where the control bought nothing (the study's 20 cycles at 60 degC:
     * charges within 0.005 % of rtol 1e-8 and steps &lt;= 10 s with and without it) for 17 % more time steps (3257 ->
     * 3796; session 32 left charges out for that); with the criterion 3290 (docs/solid-state-solver.md, "Session 38").
     */
    static final double SHALLOW_CHARGE_END = AccuracyTarget.SENSITIVITY_VOLTAGE_ERROR / AccuracyTarget.CAPACITY;
    /**
     * Where a step's end is shallow (|V'| t &lt; {@link #SHALLOW_CHARGE_END}, a discharge's too), the end time's
     * tolerance is {@link #END_TIME_TOLERANCE} divided by this: the capacity target shared among the errors that a
     * step's charge carries there undamped to its end. In the cold the cell relaxes far more slowly than such a step
     * lasts (0.3 C at -32 degC reaches 2.8 V in 3 min), so a step's charge is off by its own end's error, by the end of
     * the step before (which it refills: a discharge that ends early leaves the charge after it less to refill), and by
     * what its start made under the settings' tolerance before its end was in sight, each up to the end time's
     * tolerance: three shares. Session 40: cell 6 at -32 degC, three cycles of 0.1 C to 4.3 V and 0.3 C to 2.8 V from
     * the cell as built (|V'| t 0.026-0.048 V at the ends), the second charge 0.097 % short of fine steps on 48 x 40
     * (0.066 % of it the discharge before it), 0.008 % with this; at -31 degC 0.033-0.036 -> 0.006-0.007 %; a warm step ends steeply
     * (the study's 20 cycles at 60 degC: 3304 -> 3364 time steps; docs/solid-state-solver.md, "Session 40").
     */
    static final double SHALLOW_END_SHARES = 3;
    /**
     * Relative tolerance of a rest's relaxation ({@link StepSizeControl#relaxing}), in units of the settings' relative
     * tolerance, and its least voltage tolerance in units of the absolute one (3e-4 and 30 uV at the defaults): the
     * state a rest hands on is the next step's start, and a step that ends where its voltage falls slowly onto a
     * cut-off turns a rest's error into time (0.6 C pulses at -20 degC: 0.28 mV/s at 2.8 V, 0.05 mV left by the rest
     * 0.1 % of the next pulse). Measured on the pulses of `PulseChargeTest` against steps of at most 2 s (session 33):
     * 10 rtol left the next pulse 0.10 % off, 3 rtol 0.07 %; a floor of 100 uV 0.107 % on the 2 C pulses at 25 degC,
     * one of 10 uV (the end time's) the same as 30 uV for 20 % more time steps there.
     */
    static final double RELAXATION_TOLERANCE = 3, RELAXATION_FLOOR = 30;
    /**
     * A step's end at a voltage cut-off within this share of the time its voltage takes at the present slope, times the
     * step's time so far, in units of the settings' relative tolerance (at most {@link Simulation#LANDING_TOLERANCE}):
     * 0.08 mV past 2.8 V, where a 0.6 C pulse at -20 degC falls at 0.28 mV/s, ended it 0.29 s (0.14 %) late (session 33).
     * On a charge too since session 36: 0.1 C at -25 degC rises onto 4.3 V so slowly that a landing up to 0.1 mV past it
     * moved the charge's end by up to 4.3 s, and the state it hands on moved the pulses after it by 0.3 % (0.6 C pulses at
     * -25 degC: the work-precision reference between 2032.6 and 2039.2 C/m2 with rtol 1e-6 to 1e-9 and steps of 3 to
     * 60 s; with it within 0.015 %, docs/solid-state-solver.md, "The cold pulses").
     */
    static final double LANDING_TIME_TOLERANCE = 1;
    /**
     * A step's end at a voltage cut-off within this many of the settings' absolute tolerances past it (1 uV at the
     * default), however long the step ran: the end is the state the next steps start from, and an error of its time is
     * an error of the cell's charge for every step after it, counted against their own charges, which may be far
     * smaller. Session 39: cell 6 at -32 degC, charged from as built at 0.1 C to 4.3 V (58854 C/m2 in 5.8 h, its end
     * steep, |V'| t 0.52 V) and cycled at 0.3 C / 0.1 C (1528 / 2294 C/m2: the cold cell takes 3-4 % of it), landed
     * 24 uV past 4.3 V within its time tolerance (rtol |V'| t, 52 uV there): 2.8 C/m2 more charge, 0.005 % of its own and
     * 0.12 % of the next charge's (on 48 x 40; 0.141 % off fine steps in all, 0.097 % with this; docs/solid-state-solver.md,
     * "Session 39").
     */
    static final double LANDING_ABSOLUTE = 1;

    private final CellModel model;
    private final SolverSettings settings;
    private final ProgressListener progress;
    private final RunRecorder rec;
    private final EventDetection events;
    private final StepEndLanding landing;
    private final double nominalCapacityDensity; // C/m2
    private final int stepCount, totalCycles;
    private final double initialLithium;
    /** The interval [s] between the samples of the step about to run ({@link OutputInterval#of}, {@link DenseOutput}; set per step). */
    double outputInterval;

    StepExecution(CellModel model, SolverSettings settings, ProgressListener progress, RunRecorder rec,
            EventDetection events, double nominalCapacityDensity, int stepCount, int totalCycles, double initialLithium) {
        this.model = model;
        this.settings = settings;
        this.progress = progress;
        this.rec = rec;
        this.events = events;
        this.landing = new StepEndLanding(model);
        this.nominalCapacityDensity = nominalCapacityDensity;
        this.stepCount = stepCount;
        this.totalCycles = totalCycles;
        this.initialLithium = initialLithium;
    }

    /** A hold's current [A/m2] below which its change is taken against this one (NumericalThresholds.HOLD_CURRENT_FLOOR_C_RATE; 0 without a nominal capacity). */
    double holdCurrentFloor() {
        double f = NumericalThresholds.HOLD_CURRENT_FLOOR_C_RATE * nominalCapacityDensity / 3600.0;
        return Double.isFinite(f) && f > 0 ? f : 0;
    }

    /** Runs one electrical step; returns a terminal status or null to continue. */
    RunStatus runStep(StepMode mode, double setpoint, List<Cutoff> cutoffs) {
        return runStep(mode, setpoint, null, cutoffs);
    }

    /**
     * Runs one electrical step whose current (CURRENT) or power (POWER) follows a profile over the step's own time
     * (null: the constant setpoint), until its cut-offs: each time step ends at or before the profile's next sample
     * time and is solved at the profile's mean over the time step (exact for the linear profile between samples, so
     * the charge or energy passed is the profile's integral). setpoint is then the profile's mean over a period (the
     * bound of a step without a duration, the messages).
     */
    RunStatus runStep(StepMode mode, double setpoint, DriveCycle profile, List<Cutoff> cutoffs) {
        String what = profile == null ? describe(mode, setpoint)
                : "the followed " + (mode == StepMode.POWER ? "power" : "current") + " profile";
        double duration = Double.POSITIVE_INFINITY, capacity = Double.POSITIVE_INFINITY, currentLimit = Double.NaN;
        boolean ownDuration = false;
        for (Cutoff c : cutoffs) {
            switch (c.kind()) {
                case DURATION -> { duration = Math.min(duration, c.value()); ownDuration = true; }
                case CAPACITY -> capacity = Math.min(capacity, Math.abs(c.value()));
                case CURRENT_BELOW -> currentLimit = Double.isNaN(currentLimit) ? Math.abs(c.value()) : Math.max(currentLimit, Math.abs(c.value()));
                case CURRENT_BELOW_C_RATE -> {
                    double v = Math.abs(c.value()) * nominalCapacityDensity / 3600.0; // like a C-rate current
                    currentLimit = Double.isNaN(currentLimit) ? v : Math.max(currentLimit, v);
                }
                default -> {}
            }
        }
        if (cutoffs.isEmpty() && mode == StepMode.CURRENT && setpoint == 0 && profile == null) { duration = 0; ownDuration = true; }
        double bound = Double.NaN;
        if (!ownDuration) {
            double ref = mode == StepMode.CURRENT ? setpoint : currentLimit;
            if (mode == StepMode.POWER && Double.isNaN(ref)) ref = setpoint / Math.max(Math.abs(rec.voltage), 1.0);
            bound = stepBound(nominalCapacityDensity, ref);
            duration = bound;
        }
        rec.stepStart = rec.time;
        // the step's samples: at its start plus each multiple of its interval, from its accepted time steps, and its end
        DenseOutput samples = new DenseOutput(rec.stepStart, outputInterval, rec::emitSample);
        // a rest's voltage after its first time step: its relaxation is measured from there (relaxing)
        double relaxedFrom = Double.NaN;
        // the Li of each electrode at the step's start (for the cause of a voltage jump)
        LithiumInventory weAtStart = model.workingElectrode().inventory(), ceAtStart = model.counterElectrode().inventory();
        // the Li metal contacts at the step's start (for a step that loses them, contactLoss)
        double[] contactAtStart = {model.workingElectrode().contactFraction(), model.counterElectrode().contactFraction()};
        events.startStep();
        for (StepObserver o : rec.observers()) o.stepStarted();
        model.startStep();
        double stepTime = 0, stepCharge = 0, stepAbs = 0;
        double current = mode == StepMode.CURRENT ? setpoint : 0;
        double dt = Math.min(settings.maxStep(), Math.max(1.0, 1e-3 * Math.min(duration, 3600)));
        dt = Math.min(dt, 1.0);
        // step control on the voltage (StepSizeControl): 50 mV per step at rtol 1e-4, local-error tolerance
        // 1000 atol + 10 rtol |V| (5 mV at the defaults)
        StepSizeControl control = new StepSizeControl(0.05 * Math.sqrt(settings.relativeTolerance() / 1e-4),
                settings.absoluteTolerance() * 1000 + settings.relativeTolerance() * 10 * Math.abs(rec.voltage));
        int stepSign = 0;
        if (profile != null && setpoint != 0) { // a profile's direction: its net charge (a discharging cycle with regenerative pulses discharges)
            stepSign = (int) Math.signum(setpoint);
            rec.startDirection(stepSign);
        }
        long guard = 0;
        double prevEc = Double.NaN; // the electrodes' current of the last time step (a hold's step control with a leak)
        StepEnd end = null;
        // attempts to solve for the current at the cut-off (each a bisection of up to 200 solves)
        int landings = 0;
        ElectrodeModel contactLost = null; // the Li metal electrode whose contact this step stripped to the floor
        // a step whose set current crossed its voltage cut-off at once, at its start: the share of the set current
        // that lands on the cut-off within the shortest time step, and the voltage at the set current there
        boolean endedAtOnce = false;
        double carriedAtOnce = Double.NaN, voltageAtOnce = Double.NaN, cutAtOnce = Double.NaN;
        while (stepTime < duration && stepAbs < capacity) {
            if (++guard > 5_000_000) return failStep(stepCharge, "the step did not end within 5,000,000 time steps");
            // a Li metal electrode stripped through its contact at the contact model's floor has lost it: below the
            // floor the model has no contact left to carry the current (it would hold the contact at the floor and
            // the voltage at whatever the crowded current gives there), a transport limit: the step ends here
            ElectrodeModel stripped = current != 0 ? model.oxidisedBy(current) : null;
            if (stripped != null && stripped.contactAtFloor() && Math.abs(current) > stripped.criticalStrippingCurrent()) {
                contactLost = stripped;
                end = StepEnd.CONTACT_LOST;
                if (stepSign == 0 && mode != StepMode.VOLTAGE) { // the step's direction counts for the cycles, no charge passed
                    stepSign = (int) Math.signum(current);
                    rec.startDirection(stepSign);
                }
                break;
            }
            double h = Math.min(dt, settings.maxStep());
            h = Math.min(h, duration - stepTime);
            double unlimited = h;
            if (profile != null) h = toBreakpoint(profile, stepTime, h);
            boolean atBreakpoint = h < unlimited;
            if (Math.abs(current) > 0 && Double.isFinite(capacity))
                h = Math.min(h, (capacity - stepAbs) / Math.abs(current));
            // at a set current, the time step ends where the stripped contact reaches the floor (not past it)
            if (mode == StepMode.CURRENT && stripped != null)
                h = Math.min(h, Math.max(DT_MIN, stripped.timeToContactFloor(Math.abs(current))));
            double v;
            double i = current;
            boolean landed = false, atOnce = false;
            double carried = Double.NaN; // at once: the current that lands on the cut-off within the shortest step
            // at once: the voltage at the set current within the shortest time step (past the cut-off; NaN where the
            // model has no solution there), the step's own end voltage (not the one the step before ended at)
            double atOnceVoltage = Double.NaN;
            double atOnceCut = Double.NaN; // at once: the voltage at the current that lands on the cut-off (within 0.1 mV of it)
            double atOnceCurrent = current; // at once: the set current, or the one a power (a power profile's first sample) took
            boolean powerChecked = false; // a power step's largest power looked at in this time step
            double jumpedFrom = Double.NaN; // the voltage before a jump across the cut-off (see below)
            // solve the step (and, for CV/CP, the current)
            while (true) {
                double set = profile == null ? setpoint : 0.5 * (profile.at(stepTime) + profile.at(stepTime + h));
                if (profile != null && mode == StepMode.CURRENT) i = current = set;
                if (mode == StepMode.CURRENT) {
                    v = trialAtCurrent(h, i);
                } else {
                    double[] sol = landing.solveForCurrent(mode, set, h, current);
                    i = sol[0];
                    v = sol[1];
                }
                if (!Double.isNaN(v)) {
                    // voltage cut-offs crossed within the step: shorten the step to land on them
                    double over = crossedVoltage(cutoffs, v);
                    if (!Double.isNaN(over) && Math.abs(v - over) > landingTolerance(i, rec.voltage, v, h, stepTime)) {
                        if (h > DT_MIN) {
                            h *= landingFraction(rec.voltage, v, over);
                            atBreakpoint = false;
                            continue;
                        }
                        double trialV = v; // at the set current, before the landing's trials at other currents
                        // a power step (or power profile) at its start: the current its power (first sample) took is
                        // the one whose way up is searched, as a current step's set current (DfnRunner.powerStep alike)
                        boolean powerAtStart = mode == StepMode.POWER && stepTime == 0;
                        double setI = mode == StepMode.CURRENT ? current : i;
                        double[] l = mode == StepMode.CURRENT || powerAtStart ? landing.landOnCutoff(h, setI, over) : null;
                        if (l != null && stepTime == 0 && !nearSetCurrent(l[0], setI)) { atOnce = true; carried = l[0]; atOnceCut = l[1]; atOnceVoltage = trialV; atOnceCurrent = setI; break; }
                        if (l != null) { i = l[0]; v = l[1]; }
                        // the cell is past the cut-off at the step's start already, at rest too (an as-cast interlayer
                        // at 0.8 V charged until 0.2 V): no current in the step's direction keeps it before the
                        // cut-off; the step ends at once, no charge passed (a 1 us step at the set current was
                        // committed, its charge the only one of the cycle's first direction: an efficiency of 1e11)
                        else if (stepTime == 0 && (mode == StepMode.CURRENT || powerAtStart) && !Double.isNaN(crossedVoltage(cutoffs, rec.voltage))) {
                            atOnce = true;
                            carried = 0;
                            atOnceVoltage = trialV;
                            atOnceCurrent = setI;
                            break;
                        }
                        else if (Double.isNaN(crossedVoltage(cutoffs, rec.voltage))) {
                            // within the shortest time step the voltage moves from before the cut-off past it by more
                            // than the landing tolerance, and no current between zero and the set one lands on it: the
                            // model's voltage is discontinuous there (a host in its hysteresis gap once the plated Li
                            // is used up carries no current between its branches). The step ends at the voltage
                            // reached, said so; the trial at the set current again, so that the state committed is
                            // that of the voltage recorded (the landing's trials were at other currents)
                            jumpedFrom = rec.voltage;
                            if (mode == StepMode.CURRENT) {
                                double again = trialAtCurrent(h, i);
                                if (!Double.isNaN(again)) v = again;
                            }
                        }
                        landed = true;
                        break;
                    }
                    // a hold's (a constant power's) current cut-off crossed within the time step: landed on as a voltage
                    // cut-off is, the step shortened until it ends past the cut-off by no more than its current changes in
                    // the end's time tolerance (session 37: a hold ended at its first time step below it, a CCCV charge of
                    // cell 6 at -20 degC 18 s late, 0.026 % of its charge). Not a hold whose current starts below it
                    // (from rest: it ends with its first time step), nor a profile's current, which jumps with its samples
                    if (mode != StepMode.CURRENT && profile == null && h > DT_MIN && Math.abs(current) > currentLimit
                            && currentLimit - Math.abs(i) > inLandingTime(Math.abs(i) - Math.abs(current), h, stepTime)) {
                        h *= landingFraction(Math.abs(current), Math.abs(i), currentLimit);
                        atBreakpoint = false;
                        continue;
                    }
                    // the state may move fast where the voltage is flat (a particle surface saturating at the
                    // end of a discharge): the charge passed until an electrode saturates must not depend on
                    // how large the steps happened to be
                    double shorten = control.shortening(Math.abs(v - rec.voltage), model.stateChange(), h, stepTime > 0);
                    if (shorten < 1) {
                        h *= shorten;
                        atBreakpoint = false;
                        continue;
                    }
                    break;
                }
                // why the step had no solution, read before the landing's own trials (at zero current, at
                // the cut-off) replace the model's last trial and with it its failure cause
                String cause = model.failureCause();
                boolean transportLimit = model.failedAtTransportLimit();
                // no solution: where a voltage cut-off lies in the current's direction, the voltage falls (or
                // rises) to it within this step faster than the steps resolve: solve for the current at the cut-off
                double cut = mode == StepMode.CURRENT ? cutoffInDirection(cutoffs, current) : Double.NaN;
                if (!Double.isNaN(cut) && ((h <= LANDING_STEP && landings++ < 3) || h * 0.25 < DT_MIN)) {
                    double[] l = landing.landOnCutoff(h, current, cut);
                    if (l != null && (nearSetCurrent(l[0], current) || h * 0.25 < DT_MIN)) {
                        if (stepTime == 0 && !nearSetCurrent(l[0], current)) { atOnce = true; carried = l[0]; atOnceCut = l[1]; break; }
                        i = l[0];
                        v = l[1];
                        landed = true;
                        break;
                    }
                }
                // a constant power beyond the largest power the state gives (its maximum power point: as the voltage
                // falls the current rises, and V I = P has no solution past the fold; or a discharge of a half cell
                // whose voltage is near 0 V, which gives next to no power): the step ends at once, said so
                double[] limit = null;
                if (mode == StepMode.POWER && profile == null && !powerChecked) {
                    powerChecked = true;
                    double[] p = landing.largestPower(DT_MIN, setpoint, false);
                    if (p != null && p[0] < Math.abs(setpoint) * (1 - StepEndLanding.POWER_TOLERANCE)) limit = p;
                }
                if (limit == null) {
                    h *= 0.25;
                    atBreakpoint = false;
                }
                if (h < DT_MIN || limit != null) {
                    boolean noLithium = limit == null && cause != null && cause.contains("run out of lithium");
                    if (limit != null || hasVoltageCutoff(cutoffs) || noLithium || transportLimit && mode != StepMode.VOLTAGE) {
                        // the step ends here; the run goes on with the next step
                        // a transport limit: the voltage goes through the cut-off without bound (as the DFN runner's);
                        // without a voltage cut-off (a pulse of set duration past the cell's capacity) the step ends there too
                        StepEnd why = noLithium ? StepEnd.LITHIUM_EXHAUSTED : transportLimit || limit != null ? StepEnd.VOLTAGE_JUMP : StepEnd.SOLVER_FAILURE;
                        double dir = current != 0 || mode != StepMode.POWER ? current : setpoint;
                        // the step's direction counts for the cycles, also where it ends at its start (no charge passed:
                        // a stripping of a bare collector, a plating from an exhausted counter electrode); such a step
                        // was left out of the cycles, its warning naming cycle 0 or the cycle before
                        if (stepSign == 0 && dir != 0) {
                            stepSign = (int) Math.signum(dir);
                            rec.startDirection(stepSign);
                        }
                        if (rec.time != rec.lastSampleTime) rec.emitSample(current, stepCharge, model.ocv(), model.overpotentials());
                        String because = cause == null ? "the solver found no solution of the next time step" : cause;
                        // (the model's cause is not appended to a power limit: it is that of the secant's last iterate,
                        // which may lie past the fold, in either direction)
                        if (limit != null) because = powerLimit(limit, setpoint);
                        String kind = limit == null ? "a transport limit" : "a power limit";
                        // a stalled step's figures in this warning, not a second one (fuzz, session 21: a power beyond
                        // the largest after a 10 s charge pulse got the power limit's warning and the stall's)
                        String stalled = events.stallOfJump(stepSign != 0 ? stepSign : (int) Math.signum(dir), stepCharge);
                        rec.warnEnd(why, String.format(Locale.ROOT, "%s ended at %s V after %s without reaching %s: %s%s%s",
                                what, num(rec.voltage), hoursText(stepTime), describeCutoffs(cutoffs), because,
                                why != StepEnd.VOLTAGE_JUMP ? ""
                                        : hasVoltageCutoff(cutoffs) ? "; " + kind + ": the voltage " + (dir < 0 ? "falls" : "rises") + " through the cut-off"
                                        : "; " + kind + ": the step has no voltage cut-off " + (dir < 0 ? "below" : "above")
                                                + " it, and the cell cannot carry its " + (limit != null ? "power" : "current") + " any longer", stalled));
                        warnContactLoss(why, what, contactAtStart, current);
                        rec.recordStep(why, stepCharge);
                        return null;
                    }
                    return failStep(stepCharge, "no solution of the next time step"
                            + (cause == null ? "" : ": " + cause));
                }
            }
            if (atOnce) {
                // the set current crosses the cut-off at once: within the shortest time step the cell carries only a
                // share of it before the cut-off (a 5 C discharge right after the charge at 25 degC; a 1 C charge at
                // -20 degC). The step ends at once on its cut-off, as a cycler ends it while the current rises: its one
                // sample at the current on its way to the set one where the voltage reaches the cut-off (the landing's
                // last trial, not committed: the cell is left as the step found it, no charge passed), with the
                // temperature and pressure the protocol set; at rest past the cut-off already, its sample at rest.
                // Its end through the step's end below (crossedAtOnce)
                current = atOnceCurrent; // a power's: its end's warning and trial at that current (crossedAtOnce)
                int sign = (int) Math.signum(current);
                if (stepSign == 0 && sign != 0) { // the step's direction counts for the cycles as if charge had passed
                    stepSign = sign;
                    rec.startDirection(sign);
                }
                end = StepEnd.VOLTAGE_CUTOFF;
                endedAtOnce = true;
                carriedAtOnce = carried;
                voltageAtOnce = atOnceVoltage;
                double[] etaAt = model.overpotentials();
                if (Double.isNaN(atOnceCut)) { // past the cut-off at rest: the cell as found
                    atOnceCut = model.trial(DT_MIN, 0);
                    carriedAtOnce = 0;
                    etaAt = model.overpotentials();
                    // recorded so, as the DFN runner does (session 21; voltage-cutoff before, though not on it)
                    if (!Double.isNaN(atOnceCut)) end = StepEnd.PAST_CUTOFF_AT_REST;
                }
                cutAtOnce = atOnceCut;
                if (!Double.isNaN(atOnceCut))
                    rec.emitSample(new Sample(rec.time, rec.stepIndex, rec.cycle(), atOnceCut, carriedAtOnce, model.temperature(),
                            model.stackPressure(), 0, model.ocv(), etaAt, model.inventory()));
                break;
            }
            double dx = model.stateChange(); // of this trial, before the commit
            double[] eta = model.overpotentials();
            double weBefore = settings.debugConservationChecks() ? model.workingElectrode().inventory().total() : 0;
            double leakNow = i - model.electrochemicalCurrent();
            model.commit(events);
            if (settings.debugConservationChecks()) {
                // charge: the working electrode loses exactly I dt / F of lithium (oxidation positive)
                double change = model.workingElectrode().inventory().total() - weBefore;
                double expected = -model.electrochemicalCurrent() * h / org.cellwright.solver.physics.Constants.F;
                if (Math.abs(change - expected) > 1e-9 * Math.max(Math.abs(expected), 1e-9) + 1e-12 * Math.abs(weBefore)) {
                    events.emit(SimulationEvent.Type.CONSERVATION_ERROR, change - expected,
                            "charge not conserved in the working electrode: " + (change - expected) + " mol/m2");
                    rec.recordStep(StepEnd.SOLVER_FAILURE, stepCharge);
                    return RunStatus.NOT_CONVERGED;
                }
            }
            stepTime += h;
            rec.time += h;
            stepCharge += i * h;
            stepAbs += Math.abs(i) * h;
            // the step's direction for the cycles: its first; a hold's follows its current's (CycleBook.followHold)
            if (mode == StepMode.VOLTAGE) stepSign = rec.followHold(stepSign, i, initialLithium);
            else if (stepSign == 0 && (stepSign = CycleBook.direction(i, initialLithium)) != 0) rec.startDirection(stepSign);
            // after the direction: a step that opens a cycle (closing the one before) leaks into its own cycle
            events.addLeak(leakNow * h);
            rec.addCharge(i, h);
            double prevV = rec.voltage, prevI = current;
            rec.voltage = v;
            model.acceptVoltage(v);
            current = i;
            if (settings.debugConservationChecks()) {
                double tot = model.inventory().total();
                if (Math.abs(tot - initialLithium) > 1e-9 * Math.max(1, Math.abs(initialLithium)) + 1e-12) {
                    events.emit(SimulationEvent.Type.CONSERVATION_ERROR, tot - initialLithium,
                            "lithium not conserved: drift " + (tot - initialLithium) + " mol/m2");
                    rec.recordStep(StepEnd.SOLVER_FAILURE, stepCharge);
                    return RunStatus.NOT_CONVERGED;
                }
            }
            Sample accepted = rec.state(i, stepCharge, model.ocv(), eta); // its sample too, if one is taken
            rec.acceptedStep(accepted);
            if (mode == StepMode.CURRENT && profile == null) for (StepObserver o : rec.observers()) o.acceptedAtSetCurrent(stepAbs, v);
            if (events.pendingStatus != null) {
                samples.accepted(accepted, true);
                rec.recordStep(StepEnd.SHORT_CIRCUIT, stepCharge);
                return events.pendingStatus;
            }
            String shortReason = events.hardShort(i, leakNow, mode == StepMode.VOLTAGE);
            if (shortReason != null) {
                samples.accepted(accepted, true);
                rec.event(SimulationEvent.Type.SHORT_CIRCUIT, model.penetrationRatio(), shortReason);
                rec.recordStep(StepEnd.SHORT_CIRCUIT, stepCharge);
                return RunStatus.SHORT_CIRCUIT;
            }
            boolean atVoltage = landed || !Double.isNaN(crossedVoltage(cutoffs, v));
            boolean atCurrent = Math.abs(i) <= currentLimit;
            boolean stop = atVoltage || atCurrent;
            samples.accepted(accepted, stop);
            progress.progress(rec.time, rec.stepIndex, stepCount, Math.max(rec.cycle(), 1), Math.max(totalCycles, 1));
            if (progress.isCancelled()) {
                rec.recordStep(StepEnd.CANCELLED, stepCharge);
                return RunStatus.CANCELLED;
            }
            if (stop) {
                double cutV = landed ? cutoffInDirection(cutoffs, i) : crossedVoltage(cutoffs, v);
                // a jump's warning names its cause and carries the stall's figures: one warning for the step
                boolean jumped = atVoltage && !Double.isNaN(jumpedFrom);
                String stallOfJump = jumped ? events.stallOfJump(stepSign, stepCharge) : "";
                // the cell's window, not the protocol, ended it: said in the step's one warning (a stalled step's
                // warning says it, else a warning of its own; both came for one step before)
                Cutoff window = atVoltage && Double.isNaN(jumpedFrom) ? Cutoff.windowAt(cutoffs, v, LANDING_TOLERANCE) : null;
                boolean stalled = false;
                if (atVoltage && !jumped) stalled = events.checkStall(StepEnd.VOLTAGE_CUTOFF, stepSign, stepCharge, eta,
                        Double.isNaN(cutV) ? v : cutV, rec.voltage, null, window == null ? "" : "; " + StepEnd.windowEnd(window));
                else if (!atVoltage && stepSign != 0) events.lastStepCharge = stepCharge;
                end = atVoltage ? StepEnd.VOLTAGE_CUTOFF : StepEnd.CURRENT_CUTOFF;
                if (window != null && !stalled) rec.warnEnd(end, what + ": " + StepEnd.windowEnd(window));
                if (!Double.isNaN(jumpedFrom)) {
                    end = StepEnd.VOLTAGE_JUMP;
                    rec.warnEnd(end, String.format(Locale.ROOT, "%s: the voltage jumped across the cut-off %s V from %s to %s V "
                            + "within %s, where no current lands on it: %s; the step ends at the voltage reached%s",
                            what, num(cutV), num(jumpedFrom), num(v), hoursText(h),
                            jumpCause(i, stepTime - h, weAtStart, ceAtStart), stallOfJump));
                }
                break;
            }
            // the error to control: where the step ends at a voltage cut-off, its charge is its end's time, and where the
            // voltage falls slowly onto the cut-off a voltage error within the settings' tolerance moves it by more
            // than the capacity's target (0.84 C at -20 degC: 0.22 %); a rest hands its state to the next step (the
            // 2 C pulses at 25 degC: a rest that ended 0.56 mV off moved the next pulse's end by 0.5 %). Onto a lower
            // cut-off (a discharge) always; on a charge rising onto an upper one where its end is shallow
            // (SHALLOW_CHARGE_END; session 38); where the end is shallow, within a third of the end time's tolerance
            // (SHALLOW_END_SHARES; session 40). A rest's relaxation is measured from its first time
            // step's voltage: the change across that step is the current's ohmic and kinetic drop switched off (1.1 V
            // after a 0.6 C pulse at -20 degC, against 0.11 V of relaxation), which made the tolerance ten times
            // looser than the relaxation's (session 33)
            if (mode == StepMode.CURRENT && profile == null) {
                double floor = END_VOLTAGE_FLOOR * settings.absoluteTolerance();
                double slope = (v - prevV) / h;
                boolean shallow = Math.abs(slope) * stepTime < SHALLOW_CHARGE_END;
                if (i != 0) control.towardsCutoff(v, slope, stepTime, i < 0 || shallow ? cutoffInDirection(cutoffs, i) : Double.NaN,
                        (shallow ? END_TIME_TOLERANCE / SHALLOW_END_SHARES : END_TIME_TOLERANCE) * settings.relativeTolerance(), floor);
                else if (Double.isNaN(relaxedFrom)) relaxedFrom = v;
                else control.relaxing(v - relaxedFrom, RELAXATION_TOLERANCE * settings.relativeTolerance(),
                        RELAXATION_FLOOR * settings.absoluteTolerance());
            }
            double grow = control.growth(prevV, v, dx, h);
            // a discharge whose end comes where the cathode's particle surfaces fill: the filling's local error, which
            // the voltage does not show (StepSizeControl.towardsFilling; session 33)
            if (mode == StepMode.CURRENT && profile == null && i < 0) {
                double[] filling = model.particleFilling();
                if (filling != null) grow = Math.min(grow, control.towardsFilling(filling, h, stepTime, END_TIME_TOLERANCE * settings.relativeTolerance()));
            }
            // a hold (its voltage set, its current relaxes) and a constant power: the step is controlled on its charge's
            // local error, the rectangle rule's on the current's change (session 37; a hold on 1 % of its current's change
            // a step before: 0.3 % of an hour's charge in the cold). A set current's charge is exact, a power profile's
            // current jumps with its samples. The tolerance, relative to each time step's charge, is the capacity target
            // at the default relative tolerance 1e-4 (scaled by sqrt(rtol / 1e-4) like the voltage's target): backward
            // Euler counts a time step's charge at its end's current, h i_{n+1}, and moves the cell's lithium by it, so a
            // current falling over hours is integrated by the rectangle rule, first order (StepSizeControl.rectangleRule).
            // With the hold's 1 % change of its current per step (session 16 to 36) the charged cell 7 held at 3.3 V for
            // 1 h at -20 degC was 0.296 % off rtol 1e-8 and steps of at most 10 s on the same mesh, its error growing
            // evenly over the hour (0.048 % after 5 min, 0.150 % after 20), not in the first steps after the switch to the
            // voltage; the capacity target puts it within 0.06 % (session 37, docs/solid-state-solver.md, "Currents not
            // bounded before the run")
            if (mode != StepMode.CURRENT && profile == null) grow = Math.min(grow, StepSizeControl.rectangleRule(prevI, i,
                    AccuracyTarget.CAPACITY * Math.sqrt(settings.relativeTolerance() / 1e-4), holdCurrentFloor()));
            // ... and, with a leak through filaments, on the electrodes' current: the hold's current is the leak plus
            // theirs, and where the growing leak makes up for their decay it barely moves while its make-up (which
            // decides a hard short, EventDetection.hardShort) does (session 26)
            double ecNow = i - leakNow;
            if (mode == StepMode.VOLTAGE && leakNow != 0 && !Double.isNaN(prevEc)) grow = Math.min(grow, StepSizeControl.relativeGrowth(prevEc, ecNow,
                    HOLD_CURRENT_CHANGE * Math.sqrt(settings.relativeTolerance() / 1e-4), holdCurrentFloor()));
            prevEc = ecNow;
            // a time step cut short by the profile's sample time does not shrink the next one the control would take
            dt = Math.min(settings.maxStep(), atBreakpoint && grow >= 1 ? Math.max(h * grow, dt) : h * grow);
            if (stepTime >= duration - 1e-9 || stepAbs >= capacity * (1 - 1e-12)) break;
        }
        // the step's end, however it ended (at once too): its last sample, its own end voltage, its charge for the
        // cycle's efficiency and stall check, the warnings of its end, its record
        if (rec.time != rec.lastSampleTime) rec.emitSample(current, stepCharge, model.ocv(), model.overpotentials());
        double endVoltage = endedAtOnce ? crossedAtOnce(end, what, mode, profile != null, cutoffs, current, stepCharge, carriedAtOnce, voltageAtOnce, cutAtOnce) : rec.voltage;
        if (stepSign != 0) events.lastStepCharge = stepCharge;
        if (end == null) end = stepAbs >= capacity * (1 - 1e-9) ? StepEnd.CAPACITY
                : !Double.isNaN(bound) ? StepEnd.TIME_BOUND : StepEnd.DURATION;
        if (end == StepEnd.TIME_BOUND && bound > 0)
            rec.warnEnd(end, String.format(Locale.ROOT, "%s reached no cut-off (%s) within its bound of %s "
                    + "(no duration given: %s x the time the nominal capacity takes at %s, at most %s h); ended at %s V",
                    what, describeCutoffs(cutoffs), hoursText(bound), num(BOUND_CAPACITIES),
                    mode == StepMode.CURRENT ? (profile == null ? "its current" : "its mean current") : "its current cut-off", num(MAX_STEP_BOUND / 3600), num(rec.voltage)));
        // a step held from its cut-off by a leak: a current step short of its voltage cut-off, a hold whose electrodes'
        // current is below its current cut-off while the cell's, the leak's with it, is not
        boolean heldByLeak = mode == StepMode.VOLTAGE && !Double.isNaN(currentLimit) && Math.abs(model.electrochemicalCurrent()) < currentLimit;
        if ((end == StepEnd.DURATION || end == StepEnd.TIME_BOUND || end == StepEnd.CAPACITY) && (hasVoltageCutoff(cutoffs) || heldByLeak))
            events.checkSoftShortStep(what, cutoffs, end == StepEnd.CAPACITY
                    ? "capacity limit of " + num(capacity / 36000) + " mAh/cm2" : "time limit of " + hoursText(duration), stepCharge);
        // a step of whose charge a measurable share leaked, however it ended (cycle 2 of the baseline at 65 MPa reached
        // its 4.3 V with 3 % of its charge leaked, and no efficiency rule could name it: session 31)
        events.checkLeakShare(what, stepCharge);
        if (contactLost != null) warnContactLost(contactLost, what, contactAtStart, current);
        else warnContactLoss(end, what, contactAtStart, current);
        // the step's observers (CutoffSensitivity: a discharge at a set current ended on its cut-off, its end's slope and
        // the voltage error its mesh leaves there, estimated by the run, for its cycle's mesh error)
        boolean setCurrent = !endedAtOnce && mode == StepMode.CURRENT && profile == null;
        double meshError = end == StepEnd.VOLTAGE_CUTOFF && setCurrent && current < 0 ? model.meshVoltageError() : Double.NaN;
        for (StepObserver o : rec.observers()) o.stepEnded(rec.cycle(), rec.stepIndex, end, rec.time, current, setCurrent, meshError);
        rec.recordStep(end, stepCharge, endVoltage);
        return null;
    }

    /**
     * The end of a step whose set current crossed its voltage cut-off at once, at its start (no charge passed):
     * reported as a stalled step ({@link EventDetection#checkStall}) or as crossed at once, with the overpotentials of
     * the landing's trial at the cut-off, the voltage its set current gives within the shortest time step
     * (voltageAtSet; else tried here, after the step's sample; "no solution" where the model has none there, a
     * discharge right after a full charge, the cathode's surfaces unable to carry it) and the current carried where
     * the voltage reaches the cut-off on the current's way up. Returns the step's end voltage: that of its one sample,
     * on the cut-off within 0.1 mV (at, as a cycler stops such a step while its current rises; the DFN runner's
     * DfnRunner.endsAtOnce alike), or the cell's at rest where it is past the cut-off at rest already (carried 0; end
     * {@link StepEnd#PAST_CUTOFF_AT_REST}, the warning in {@link StepEnd#pastCutoffAtRest}'s words).
     * Until session 20 it was the set current's (5.06 V for a 1 C charge of cell 6 at -20 degC against 4.3 V).
     */
    private double crossedAtOnce(StepEnd end, String what, StepMode mode, boolean profile, List<Cutoff> cutoffs, double current, double stepCharge, double carried, double voltageAtSet, double at) {
        int sign = (int) Math.signum(current);
        boolean power = mode == StepMode.POWER;
        double cut = cutoffInDirection(cutoffs, current);
        double[] atCutoff = model.overpotentials().clone(); // of the landing's trial at the cut-off
        double atSet = voltageAtSet;
        if (Double.isNaN(atSet)) {
            double v0 = trialAtCurrent(DT_MIN, current);
            if (!Double.isNaN(crossedVoltage(cutoffs, v0))) atSet = v0;
        }
        // a step of the cycle's second direction is a stalled one (EventDetection.checkStall); any other says so too;
        // either warning says where the step ended and where the cut-off is the cell's voltage window (one warning)
        Cutoff window = Cutoff.windowAt(cutoffs, cut, LANDING_TOLERANCE);
        String where = end == StepEnd.PAST_CUTOFF_AT_REST ? "; " + StepEnd.pastCutoffAtRest(at, cut) : carried == 0 || Double.isNaN(at) ? ""
                : String.format(Locale.ROOT, "; the voltage reaches the cut-off at %s mA/cm2%s on the %s's way up: the step ends there at once, at %.4f V",
                        num(Math.abs(carried) / 10), power ? " (" + num(Math.abs(carried * at) / 10) + " mW/cm2)" : "", power ? "power" : "current", at);
        String note = where + (window == null ? "" : "; " + StepEnd.windowEnd(window));
        // named for what was set: a power's warning said "at its set current" (session 21)
        String set = setAtOnce(mode, profile, true);
        if (!events.checkStall(end, sign, stepCharge, atCutoff, cut, atSet, setAtOnce(mode, profile, false), note))
            events.crossedAtOnce(end, what, sign, cut, carried / current, atCutoff, atSet, set,
                    power ? "the current " + set + " takes (" + num(Math.abs(current) / 10) + " mA/cm2)" : set, note);
        return Double.isNaN(at) ? atSet : at;
    }

    /**
     * The voltage after a time step h at the set current i, NaN without solution. A step without solution at the set
     * current while a soft short leaks current (the leak G V moves the electrodes' current with the voltage, which
     * falls steeply where the particle surfaces saturate; or the leak carries the whole current while the electrode
     * sits where its potential is no function of its current, a host in its hysteresis gap) is solved at a set voltage
     * for that current, at any step length (a leak that carries the current lasts for the rest of the step).
     */
    private double trialAtCurrent(double h, double i) {
        double v = model.trial(h, i);
        return Double.isNaN(v) && model.filamentFraction() > 0 ? model.voltageAtCurrent(h, i) : v;
    }

    /**
     * Why the voltage jumped across a cut-off in the time step just committed, which started at stepStart [s] of the
     * step, at current i, in words: the electrode the current oxidises had lithium metal at the step's start and has
     * (practically) none left, less than the current takes in a minute: "plated lithium exhausted" (or "lithium metal
     * exhausted" where it had a foil); at the step's start, the current set at once; otherwise that the model's voltage
     * is discontinuous there.
     */
    private String jumpCause(double i, double stepStart, LithiumInventory weAtStart, LithiumInventory ceAtStart) {
        ElectrodeModel ox = model.oxidisedBy(i);
        LithiumInventory before = ox == model.workingElectrode() ? weAtStart : ceAtStart, now = ox.inventory();
        double minute = Math.abs(i) * 60 / Constants.F; // mol/m2
        if (before.activeMetal() >= minute && now.activeMetal() < minute)
            return String.format(Locale.ROOT, "%s exhausted (%s had %s mAh/cm2 of lithium metal at the step's start, %s now)",
                    before.foil() > 0 ? "lithium metal" : "plated lithium", model.describe(ox),
                    num(before.activeMetal() * Constants.F / 36000),
                    now.activeMetal() <= 1e-9 * before.activeMetal() ? "none" : num(now.activeMetal() * Constants.F / 36000));
        if (stepStart <= 0) return "the voltage follows the current set at the step's start at once";
        return "the model's voltage is discontinuous there";
    }

    /**
     * A contact that falls below this share of the cell's area within a step is reported as lost
     * ({@link #warnContactLoss}): the current through it crowds tenfold. (The study's interlayer half cell at 5 MPa
     * strips at 0.92 mA/cm2, just above the 0.87 mA/cm2 creep sustains there, and keeps about half its contact.)
     */
    static final double CONTACT_LOST = 0.1;

    /**
     * Warns of a step in which a Li metal electrode lost its contact with the SE (its true contact fell below
     * {@link #CONTACT_LOST} of the area and to less than half of what it was at the step's start; {@code ContactArea}): stripping
     * faster than creep refills the voids (at low stack pressure, where creep is slow, at any practical current), the
     * current crowds through the contact left, and its charge transfer and interphase take the voltage without bound
     * (a half cell plating at 0.1 MPa reached -1.2 V in 2 h without a word). The step's end and the voltage reached,
     * the contact before and after, the current against the largest one creep sustains at the stack pressure, and
     * the dominant overpotential; a cycler would stop such a step at its safety voltage (a voltage cut-off or the
     * cell's voltage window does).
     */
    private void warnContactLoss(StepEnd end, String what, double[] atStart, double current) {
        ElectrodeModel[] es = {model.workingElectrode(), model.counterElectrode()};
        for (int k = 0; k < 2; k++) {
            double now = es[k].contactFraction();
            if (!(now < CONTACT_LOST && now < 0.5 * atStart[k])) continue;
            rec.warnEnd(end, String.format(Locale.ROOT, "%s ended at %s V after %s: %s lost its contact with the SE, its true contact "
                    + "falling from %s %% to %s %% of the area: stripping at %s mA/cm2 outruns the creep that refills the voids, which "
                    + "sustains %s mA/cm2 at %s MPa; the current crowds through the contact left (%s)",
                    what, num(rec.voltage), hoursText(rec.time - rec.stepStart), model.describe(es[k]), num(100 * atStart[k]), num(100 * now),
                    num(Math.abs(current) / 10), num(es[k].criticalStrippingCurrent() / 10), num(model.stackPressure() / 1e6),
                    OverpotentialKind.dominantText((int) Math.signum(current), model.overpotentials())));
            return;
        }
    }

    /**
     * Warns of a step ended because it stripped a Li metal electrode's contact with the SE down to the contact model's
     * floor ({@link ContactArea#MIN_CONTACT}; the voltage falls or rises without bound through the contact left): the
     * voltage reached, the contact at the step's start, the current against the one creep sustains, the dominant
     * overpotential. The protocol goes on.
     */
    private void warnContactLost(ElectrodeModel e, String what, double[] atStart, double current) {
        double start = e == model.workingElectrode() ? atStart[0] : atStart[1];
        String floor = num(100 * ContactArea.MIN_CONTACT);
        // (at the floor from the step's start: a step after the one that lost it, or no stack pressure at all)
        String fall = start <= ContactArea.MIN_CONTACT * (1 + 1e-6) ? "its true contact at the model's floor of " + floor + " % of the area from the step's start"
                : "its true contact falling from " + num(100 * start) + " % to the model's floor of " + floor + " % of the area";
        rec.warnEnd(StepEnd.CONTACT_LOST, String.format(Locale.ROOT, "%s ended at %s V after %s: %s lost its contact with the SE, "
                + "%s, where no contact is left to carry "
                + "the current: stripping at %s mA/cm2 outruns the creep that refills the voids, which sustains %s mA/cm2 at %s MPa "
                + "(%s); a transport limit: the voltage %s without bound, the step ends here",
                what, num(rec.voltage), hoursText(rec.time - rec.stepStart), model.describe(e), fall,
                num(Math.abs(current) / 10), num(e.criticalStrippingCurrent() / 10),
                num(model.stackPressure() / 1e6), OverpotentialKind.dominantText((int) Math.signum(current), model.overpotentials()),
                current < 0 ? "falls" : "rises"));
    }

    /**
     * Why a power step ends at its state's largest power {power [W/m2], current [A/m2], voltage [V]}
     * ({@link StepEndLanding#largestPower}), in words.
     */
    private static String powerLimit(double[] limit, double setpoint) {
        if (!(limit[0] > 0))
            return String.format(Locale.ROOT, "the cell cannot give %s mW/cm2: at this state it gives no power in that direction "
                    + "(its voltage is not above 0 V at any %s current)", num(Math.abs(setpoint) / 10), setpoint < 0 ? "discharge" : "charge");
        return String.format(Locale.ROOT, "the cell cannot give %s mW/cm2: at this state it gives at most %s mW/cm2 "
                + "(its maximum power point, at %s V and %s mA/cm2)", num(Math.abs(setpoint) / 10), num(limit[0] / 10),
                num(limit[2]), num(limit[1] / 10));
    }

    /**
     * How far past its voltage cut-off a time step at current i from voltage v0 to v1 of length h, started at time t of
     * the step, may end: {@link Simulation#LANDING_TOLERANCE}, or less where the voltage moves slowly onto it (a
     * discharge's onto a lower cut-off, a charge's onto an upper one), so that the end's time is within
     * {@link #LANDING_TIME_TOLERANCE} rtol of the step's time, |v1 - v0| / h (t + h) rtol (not below 0.1 uV); and at most
     * {@link #LANDING_ABSOLUTE} absolute tolerances (1 uV), the charge the end hands on to the steps after it (session 39).
     */
    private double landingTolerance(double i, double v0, double v1, double h, double t) {
        if (!(h > 0) || i == 0) return LANDING_TOLERANCE;
        double absolute = LANDING_ABSOLUTE * settings.absoluteTolerance();
        return Math.min(Math.min(LANDING_TOLERANCE, absolute), Math.max(LANDING_FLOOR, inLandingTime(v1 - v0, h, t)));
    }

    /**
     * What a quantity that changed by change over a time step h, started at time t of the step, changes at that slope in
     * the time an end may be off, {@link #LANDING_TIME_TOLERANCE} rtol of the step's time: a voltage's (in
     * {@link #landingTolerance}), a hold's current's at its current cut-off (session 37).
     */
    private double inLandingTime(double change, double h, double t) {
        return LANDING_TIME_TOLERANCE * settings.relativeTolerance() * Math.abs(change) / h * (t + h);
    }

    /**
     * The share of a time step that ends on a cut-off at cut, where the quantity went from before to after past it,
     * by linear interpolation (a little short of it; at least 0.05, at most 0.9 of the step, a half where it did not
     * move): a voltage cut-off's, a hold's current cut-off's.
     */
    private static double landingFraction(double before, double after, double cut) {
        double frac = Math.abs(before - after) > 1e-12 ? (before - cut) / (before - after) : 0.5;
        frac = Math.max(0.05, Math.min(0.9, frac * 0.999));
        return Double.isFinite(frac) ? frac : 0.5;
    }

    /** Least tolerance [V] of {@link #landingTolerance}. */
    static final double LANDING_FLOOR = 1e-7;

    /** A landing's current within 1 % of the set one (the rest of the step's charge is within the landing's accuracy). */
    private static boolean nearSetCurrent(double landed, double set) {
        return Math.abs(landed - set) <= 0.01 * Math.abs(set);
    }

    /**
     * The time step h from t shortened to end at the profile's next sample time (one within rounding of t is the
     * sample t sits on: the one after it).
     */
    static double toBreakpoint(DriveCycle profile, double t, double h) {
        double b = profile.nextBreakpoint(t);
        if (b - t <= 1e-9 * Math.max(1, Math.abs(t))) b = profile.nextBreakpoint(b);
        return Math.min(h, b - t);
    }

    /** Ends the run as not converged, saying where (cycle, step, time) and why. */
    private RunStatus failStep(double stepCharge, String why) {
        if (rec.time != rec.lastSampleTime) rec.emitSample(0, stepCharge, model.ocv(), model.overpotentials());
        rec.recordStep(StepEnd.SOLVER_FAILURE, stepCharge);
        rec.event(SimulationEvent.Type.NOT_CONVERGED, Double.NaN, String.format(Locale.ROOT,
                "%s, at %s (%.4f V): %s", rec.stepAt(), hoursText(rec.time), rec.voltage, why));
        return RunStatus.NOT_CONVERGED;
    }
}

package org.cellwright.solver;

import java.util.List;

import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.InputValidator;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.physics.CellModel;

/**
 * Runs a cell through a protocol. Time integration is implicit (backward Euler inside the electrode models) with
 * adaptive steps limited by the voltage change per step, the change of the electrodes' state (a particle surface
 * nearing saturation, where the voltage is flat), the settings' maximum step and the cut-offs. Every step ends at
 * its own condition, located in time: a voltage cut-off crossed within a time step shortens it (secant on the
 * voltage, down to 1 us) until the voltage lands within {@link #LANDING_TOLERANCE} of the cut-off; where the
 * voltage falls faster than that resolves (a transport limit: the particle surfaces saturating drive the exchange
 * current to zero), the last time step (at most {@link #LANDING_STEP}) is solved at the cut-off voltage for the
 * current the cell carries ({@link CellModel#currentAtVoltage}: a voltage-controlled solve, well-conditioned where
 * the voltage falls steeply with the current; bisection on the current where the electrodes do not support it),
 * shortened until that current is within 1 % of the set one. A step that no longer has a solution and no cut-off to fall to ends as
 * {@link StepEnd#SOLVER_FAILURE} (or {@link StepEnd#LITHIUM_EXHAUSTED}) with a warning saying where and why. A step
 * without a duration cut-off is bounded by {@link #stepBound}. How each step ended is in
 * {@link CycleSummary#steps()}. The output interval only thins the samples: it never changes the steps. One
 * instance may be reused; {@link #run} is not thread-safe.
 */
public final class Simulation {

    /** Minimum time step [s] below which a step counts as not converged. */
    private static final double DT_MIN = 1e-6;

    /** Largest distance [V] of a step's last voltage from the voltage cut-off it ended at. */
    public static final double LANDING_TOLERANCE = 1e-4;

    /** Longest time step [s] that may be solved for the current at the cut-off voltage (see the class comment). */
    public static final double LANDING_STEP = 1.0;

    /** Largest duration [s] of a step without a duration cut-off: 1000 h (see {@link #stepBound}). */
    public static final double MAX_STEP_BOUND = 1000 * 3600.0;

    /** Multiple of the nominal capacity a step without a duration cut-off may pass before it is ended. */
    public static final double BOUND_CAPACITIES = 2;

    /**
     * Coulombic efficiency, as a fraction of the best of the cycles before, below which a cycle whose current leaked
     * through Li filaments is reported as a soft short.
     */
    public static final double SOFT_SHORT_EFFICIENCY_DROP = 0.9;

    /**
     * The bound [s] of a step without a duration cut-off: the time to pass {@link #BOUND_CAPACITIES} x the cell's
     * nominal capacity at the step's reference current (a current step: its current; a hold or power step: its
     * current cut-off), at most {@link #MAX_STEP_BOUND}; MAX_STEP_BOUND where either is unknown. Reaching it ends
     * the step as {@link StepEnd#TIME_BOUND} with a warning.
     * @param nominalCapacityDensity [C/m2] (NaN if unknown)
     * @param referenceCurrent [A/m2] (NaN if none)
     */
    public static double stepBound(double nominalCapacityDensity, double referenceCurrent) {
        double i = Math.abs(referenceCurrent);
        if (!(nominalCapacityDensity > 0) || !(i > 0)) return MAX_STEP_BOUND;
        return Math.min(MAX_STEP_BOUND, BOUND_CAPACITIES * nominalCapacityDensity / i);
    }

    /**
     * The temperature [K] of the cell at the start of the protocol: the last temperature the protocol sets before its
     * first electrical step, otherwise the cell's (the temperature of the first record and of the mechanism map).
     */
    public static double initialTemperature(CellSpec cell, ProtocolSpec protocol) {
        double t = cell.temperature();
        for (StepSpec s : protocol.flatten()) {
            if (s instanceof StepSpec.SetTemperature st) t = st.temperature();
            else if (!(s instanceof StepSpec.SetStackPressure)) break;
        }
        return t;
    }

    /** Target of the largest change of an electrode's state (a stoichiometry) per step. */
    private static final double DX_TARGET = 0.003;

    /** Runs with default settings and no progress reporting. */
    public static RunStatus run(CellSpec cell, ProtocolSpec protocol, ResultSink sink) {
        return new Simulation().run(cell, protocol, SolverSettings.defaults(), sink, ProgressListener.NONE);
    }

    public RunStatus run(CellSpec cell, ProtocolSpec protocol, SolverSettings settings, ResultSink sink,
            ProgressListener progress) {
        if (progress == null) progress = ProgressListener.NONE;
        if (sink == null) sink = ResultSink.discard();
        if (settings == null) settings = SolverSettings.defaults();
        List<String> problems = InputValidator.validate(cell, protocol, settings);
        if (!problems.isEmpty()) {
            sink.start(new RunInfo(cell == null ? "?" : cell.name(), cell == null ? Double.NaN : cell.area(),
                    Double.NaN, Double.NaN, false, 0, 0));
            for (String p : problems) sink.event(new SimulationEvent(SimulationEvent.Type.INFO, 0, -1, 0, Double.NaN, p));
            sink.finish(RunStatus.INVALID_INPUT);
            return RunStatus.INVALID_INPUT;
        }
        CellModel model;
        try {
            model = new CellModel(cell, settings);
        } catch (RuntimeException e) {
            sink.start(new RunInfo(cell.name(), cell.area(), Double.NaN, Double.NaN, false, 0, 0));
            sink.event(new SimulationEvent(SimulationEvent.Type.INFO, 0, -1, 0, Double.NaN,
                    "cell " + cell.name() + ": " + e.getMessage()));
            sink.finish(RunStatus.INVALID_INPUT);
            return RunStatus.INVALID_INPUT;
        }
        Runner r = new Runner(cell, protocol, settings, sink, progress, model);
        RunStatus st;
        try {
            st = r.run();
        } catch (RuntimeException e) {
            sink.event(new SimulationEvent(SimulationEvent.Type.NOT_CONVERGED, r.time, r.stepIndex, r.cycle, Double.NaN,
                    "solver failure: " + e));
            st = RunStatus.NOT_CONVERGED;
        }
        r.closeCycle(true);
        r.reportLaterStalls();
        r.reportLaterEnds();
        sink.finish(st);
        return st;
    }

    /** Nominal capacity [C] of a cell: the given one, or cathode active mass x specific capacity; NaN otherwise. */
    public static double nominalCapacity(CellSpec cell) {
        if (!Double.isNaN(cell.nominalCapacity())) return cell.nominalCapacity();
        double loading = cathodeActiveLoading(cell);
        if (Double.isNaN(loading)) return Double.NaN;
        var am = new org.cellwright.solver.physics.LayerComposition(cell.cathode()).activeMaterial();
        double q = am.get(org.cellwright.solver.input.MaterialProperty.SPECIFIC_CAPACITY, Double.NaN);
        return loading * q * cell.area();
    }

    /** Cathode active-material loading [kg/m2], NaN without cathode. */
    public static double cathodeActiveLoading(CellSpec cell) {
        if (!cell.hasCathode()) return Double.NaN;
        var comp = new org.cellwright.solver.physics.LayerComposition(cell.cathode());
        var am = comp.activeMaterial();
        return am == null ? Double.NaN : comp.massPerArea(am);
    }

    /** State of one run. */
    private static final class Runner {
        final CellSpec cell;
        final SolverSettings settings;
        final ResultSink sink;
        final ProgressListener progress;
        final CellModel model;
        final List<StepSpec> steps;
        final double nominalCapacityDensity; // C/m2
        final double activeLoading;
        final int totalCycles;
        double time;
        int stepIndex;
        int cycle = 0;
        int firstSign = 0;
        boolean seenOpposite;
        double cycleCharge, cycleDischarge, cycleStart;
        double lastSampleTime = Double.NEGATIVE_INFINITY;
        double voltage;
        double initialLithium;
        RunStatus pendingStatus;
        /** Signed charge [C/m2] of the last step that passed current. */
        double lastStepCharge;
        /** Stalled steps (see {@link #checkStall}) after the first one, and the cycle of the last. */
        int laterStalls, lastStallCycle;
        boolean stallReported;
        /** The steps ended in the current cycle (and before the first cycle). */
        final List<StepResult> cycleSteps = new java.util.ArrayList<>();
        /** Charge [C/m2] that leaked through Li filaments in the current cycle and the current step. */
        double cycleLeak, stepLeak;
        /** Best Coulombic efficiency of the cycles after the first, and whether a soft short was reported. */
        double bestEfficiency = Double.NaN;
        int softShorts;
        boolean softShortReported;
        /** Warnings of step ends after the first of each kind, and the cycle of the last. */
        final java.util.Map<StepEnd, int[]> laterEnds = new java.util.EnumMap<>(StepEnd.class);

        Runner(CellSpec cell, ProtocolSpec protocol, SolverSettings settings, ResultSink sink,
                ProgressListener progress, CellModel model) {
            this.cell = cell;
            this.settings = settings;
            this.sink = sink;
            this.progress = progress;
            this.model = model;
            this.steps = protocol.flatten();
            this.nominalCapacityDensity = nominalCapacity(cell) / cell.area();
            this.activeLoading = cathodeActiveLoading(cell);
            this.totalCycles = estimateCycles(steps);
        }

        static int estimateCycles(List<StepSpec> steps) {
            int first = 0, n = 0;
            boolean opposite = false;
            for (StepSpec s : steps) {
                double sg = 0;
                if (s instanceof StepSpec.ConstantCurrent cc) sg = Math.signum(cc.value());
                if (sg == 0) continue;
                if (first == 0) { first = (int) sg; n = 1; continue; }
                if (sg != first) opposite = true;
                else if (opposite) { n++; opposite = false; }
            }
            return n;
        }

        RunStatus run() {
            sink.start(new RunInfo(cell.name(), cell.area(), activeLoading, nominalCapacityDensity * cell.area(),
                    model.fullCell(), steps.size(), totalCycles));
            initialLithium = model.inventory().total();
            // the temperature and pressure a protocol sets before its first electrical step are those of the first record
            int first = 0;
            for (; first < steps.size(); first++) {
                if (steps.get(first) instanceof StepSpec.SetTemperature t) model.setConditions(t.temperature(), model.stackPressure());
                else if (steps.get(first) instanceof StepSpec.SetStackPressure p) model.setConditions(model.temperature(), p.pressure());
                else break;
            }
            voltage = model.ocv();
            emitSample(0, 0, model.ocv(), new double[OverpotentialKind.values().length]);
            for (stepIndex = first; stepIndex < steps.size(); stepIndex++) {
                StepSpec s = steps.get(stepIndex);
                RunStatus st = switch (s) {
                    case StepSpec.SetTemperature t -> { model.setConditions(t.temperature(), model.stackPressure()); yield null; }
                    case StepSpec.SetStackPressure p -> { model.setConditions(model.temperature(), p.pressure()); yield null; }
                    case StepSpec.ConstantCurrent cc -> runStep(Mode.CURRENT, currentDensity(cc), cc.cutoffs());
                    case StepSpec.Rest rest -> runStep(Mode.CURRENT, 0, rest.cutoffs());
                    case StepSpec.ConstantVoltage cv -> runStep(Mode.VOLTAGE, cv.voltage(), cv.cutoffs());
                    case StepSpec.ConstantPower cp -> runStep(Mode.POWER, cp.powerDensity(), cp.cutoffs());
                    case StepSpec.Repeat rep -> throw new IllegalStateException("unflattened repeat");
                };
                if (st != null) return st;
            }
            return RunStatus.COMPLETED;
        }

        double currentDensity(StepSpec.ConstantCurrent cc) {
            return switch (cc.mode()) {
                case DENSITY -> cc.value();
                case CURRENT -> cc.value() / cell.area();
                case C_RATE -> cc.value() * nominalCapacityDensity / 3600.0;
            };
        }

        enum Mode { CURRENT, VOLTAGE, POWER }

        /** Runs one electrical step; returns a terminal status or null to continue. */
        RunStatus runStep(Mode mode, double setpoint, List<Cutoff> cutoffs) {
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
            if (cutoffs.isEmpty() && mode == Mode.CURRENT && setpoint == 0) { duration = 0; ownDuration = true; }
            double bound = Double.NaN;
            if (!ownDuration) {
                double ref = mode == Mode.CURRENT ? setpoint : currentLimit;
                if (mode == Mode.POWER && Double.isNaN(ref)) ref = setpoint / Math.max(Math.abs(voltage), 1.0);
                bound = stepBound(nominalCapacityDensity, ref);
                duration = bound;
            }
            stepStart = time;
            stepLeak = 0;
            double stepTime = 0, stepCharge = 0, stepAbs = 0;
            double current = mode == Mode.CURRENT ? setpoint : 0;
            double dt = Math.min(settings.maxStep(), Math.max(1.0, 1e-3 * Math.min(duration, 3600)));
            dt = Math.min(dt, 1.0);
            // step control: a cap on the voltage change per step, and a local-error estimate of backward Euler from
            // the deviation of the new voltage from the linear extrapolation of the last two (Hairer, Norsett and
            // Wanner, Solving ODEs I, 1993, sec. II.4), tolerance 1000 atol + 10 rtol |V| (5 mV at the defaults)
            double dvTarget = 0.05 * Math.sqrt(settings.relativeTolerance() / 1e-4);
            double tol = settings.absoluteTolerance() * 1000 + settings.relativeTolerance() * 10 * Math.abs(voltage);
            double prevSlope = Double.NaN;
            int stepSign = 0;
            long guard = 0;
            StepEnd end = null;
            // attempts to solve for the current at the cut-off (each a bisection of up to 200 solves), and for the
            // voltage at the set current (CellModel.voltageAtCurrent, tens of solves each)
            int landings = 0, fallbacks = 0;
            while (stepTime < duration && stepAbs < capacity) {
                if (++guard > 5_000_000) return failStep(stepCharge, "the step did not end within 5,000,000 time steps");
                double h = Math.min(dt, settings.maxStep());
                h = Math.min(h, duration - stepTime);
                if (Math.abs(current) > 0 && Double.isFinite(capacity))
                    h = Math.min(h, (capacity - stepAbs) / Math.abs(current));
                double v;
                double i = current;
                boolean landed = false;
                // solve the step (and, for CV/CP, the current)
                while (true) {
                    if (mode == Mode.CURRENT) {
                        v = model.trial(h, i);
                        // a short step without solution at the set current while a soft short leaks current (the
                        // leak G V moves the electrodes' current with the voltage, which falls steeply where the
                        // particle surfaces saturate): solved at a set voltage for that current
                        if (Double.isNaN(v) && h <= LANDING_STEP && model.filamentFraction() > 0 && fallbacks++ < 40)
                            v = model.voltageAtCurrent(h, i);
                    } else {
                        double[] sol = solveForCurrent(mode, setpoint, h, current);
                        i = sol[0];
                        v = sol[1];
                    }
                    if (!Double.isNaN(v)) {
                        // voltage cut-offs crossed within the step: shorten the step to land on them
                        double over = crossedVoltage(cutoffs, v);
                        if (!Double.isNaN(over) && Math.abs(v - over) > LANDING_TOLERANCE) {
                            if (h > DT_MIN) {
                                double frac = Math.abs(voltage - v) > 1e-12 ? (voltage - over) / (voltage - v) : 0.5;
                                frac = Math.max(0.05, Math.min(0.9, frac * 0.999));
                                if (!Double.isFinite(frac)) frac = 0.5;
                                h *= frac;
                                continue;
                            }
                            if (mode == Mode.CURRENT) {
                                double[] l = landOnCutoff(h, current, over);
                                if (l != null) { i = l[0]; v = l[1]; }
                            }
                            landed = true;
                            break;
                        }
                        if (stepTime > 0 && Math.abs(v - voltage) > 4 * dvTarget && h > 1e-3) {
                            h *= 0.25;
                            continue;
                        }
                        // the state may move fast where the voltage is flat (a particle surface saturating at the
                        // end of a discharge): the charge passed until an electrode saturates must not depend on
                        // how large the steps happened to be
                        if (model.stateChange() > 2 * DX_TARGET && h > 1e-3) {
                            h *= Math.max(0.1, 0.8 * DX_TARGET / model.stateChange());
                            continue;
                        }
                        break;
                    }
                    // why the step had no solution, read before the landing's own trials (at zero current, at
                    // the cut-off) replace the model's last trial and with it its failure cause
                    String cause = model.failureCause();
                    // no solution: where a voltage cut-off lies in the current's direction, the voltage falls (or
                    // rises) to it within this step faster than the steps resolve: solve for the current at the cut-off
                    double cut = mode == Mode.CURRENT ? cutoffInDirection(cutoffs, current) : Double.NaN;
                    if (!Double.isNaN(cut) && ((h <= LANDING_STEP && landings++ < 3) || h * 0.25 < DT_MIN)) {
                        double[] l = landOnCutoff(h, current, cut);
                        if (l != null && (Math.abs(l[0] - current) <= 0.01 * Math.abs(current) || h * 0.25 < DT_MIN)) {
                            i = l[0];
                            v = l[1];
                            landed = true;
                            break;
                        }
                    }
                    h *= 0.25;
                    if (h < DT_MIN) {
                        boolean noLithium = cause != null && cause.contains("run out of lithium");
                        if (hasVoltageCutoff(cutoffs) || noLithium) {
                            // the step ends here; the run goes on with the next step
                            StepEnd why = noLithium ? StepEnd.LITHIUM_EXHAUSTED : StepEnd.SOLVER_FAILURE;
                            if (time != lastSampleTime) emitSample(current, stepCharge, model.ocv(), model.overpotentials());
                            warnEnd(why, String.format(java.util.Locale.ROOT, "%s ended at %s V after %s without reaching %s: %s",
                                    describe(mode, setpoint), num(voltage), hoursText(stepTime), describeCutoffs(cutoffs),
                                    cause == null ? "the solver found no solution of the next time step" : cause));
                            checkStall(stepSign != 0 ? stepSign : (int) Math.signum(current), stepCharge, model.overpotentials(), Double.NaN);
                            recordStep(why, stepCharge);
                            return null;
                        }
                        return failStep(stepCharge, "no solution of the next time step"
                                + (cause == null ? "" : ": " + cause));
                    }
                }
                double dv = Math.abs(v - voltage);
                double dx = model.stateChange();
                double err = Double.isNaN(prevSlope) ? Double.NaN : 0.5 * Math.abs(v - voltage - prevSlope * h);
                double[] eta = model.overpotentials();
                double weBefore = settings.debugConservationChecks() ? model.workingElectrode().inventory().total() : 0;
                double leakNow = i - model.electrochemicalCurrent();
                model.commit(this::event);
                if (settings.debugConservationChecks()) {
                    // charge: the working electrode loses exactly I dt / F of lithium (oxidation positive)
                    double change = model.workingElectrode().inventory().total() - weBefore;
                    double expected = -model.electrochemicalCurrent() * h / org.cellwright.solver.physics.Constants.F;
                    if (Math.abs(change - expected) > 1e-9 * Math.max(Math.abs(expected), 1e-9) + 1e-12 * Math.abs(weBefore)) {
                        event(SimulationEvent.Type.CONSERVATION_ERROR, change - expected,
                                "charge not conserved in the working electrode: " + (change - expected) + " mol/m2");
                        recordStep(StepEnd.SOLVER_FAILURE, stepCharge);
                        return RunStatus.NOT_CONVERGED;
                    }
                }
                stepTime += h;
                time += h;
                stepCharge += i * h;
                stepAbs += Math.abs(i) * h;
                stepLeak += leakNow * h;
                cycleLeak += leakNow * h;
                if (i != 0 && stepSign == 0) {
                    stepSign = (int) Math.signum(i);
                    startDirection(stepSign);
                }
                if (i > 0) cycleCharge += i * h; else cycleDischarge -= i * h;
                double prevV = voltage;
                voltage = v;
                model.acceptVoltage(v);
                current = i;
                if (settings.debugConservationChecks()) {
                    double tot = model.inventory().total();
                    if (Math.abs(tot - initialLithium) > 1e-9 * Math.max(1, Math.abs(initialLithium)) + 1e-12) {
                        event(SimulationEvent.Type.CONSERVATION_ERROR, tot - initialLithium,
                                "lithium not conserved: drift " + (tot - initialLithium) + " mol/m2");
                        recordStep(StepEnd.SOLVER_FAILURE, stepCharge);
                        return RunStatus.NOT_CONVERGED;
                    }
                }
                if (pendingStatus != null) {
                    emitSample(i, stepCharge, model.ocv(), eta);
                    recordStep(StepEnd.SHORT_CIRCUIT, stepCharge);
                    return pendingStatus;
                }
                double leak = Math.abs(leakNow);
                if (model.filamentFraction() >= 1 || leak > Math.max(Math.abs(i), 1.0)) {
                    emitSample(i, stepCharge, model.ocv(), eta);
                    double pr = model.penetrationRatio();
                    String reason = model.filamentFraction() >= 1
                            ? String.format(java.util.Locale.ROOT, "Li filament spans the separator: Li pressure on the SE "
                                    + "%.2f x its penetration stress", pr)
                            : String.format(java.util.Locale.ROOT, "soft short: leakage through Li filaments (%.0f %% of the "
                                    + "separator) %.3g A/m2 exceeds the applied current", 100 * model.filamentFraction(), leak);
                    sink.event(new SimulationEvent(SimulationEvent.Type.SHORT_CIRCUIT, time, stepIndex, cycle, pr, reason));
                    recordStep(StepEnd.SHORT_CIRCUIT, stepCharge);
                    return RunStatus.SHORT_CIRCUIT;
                }
                boolean atVoltage = landed || !Double.isNaN(crossedVoltage(cutoffs, v));
                boolean atCurrent = Math.abs(i) <= currentLimit;
                boolean stop = atVoltage || atCurrent;
                if (stop || time - lastSampleTime >= settings.outputInterval() - 1e-9) emitSample(i, stepCharge, model.ocv(), eta);
                progress.progress(time, stepIndex, steps.size(), Math.max(cycle, 1), Math.max(totalCycles, 1));
                if (progress.isCancelled()) {
                    recordStep(StepEnd.CANCELLED, stepCharge);
                    return RunStatus.CANCELLED;
                }
                if (stop) {
                    double cutV = landed ? cutoffInDirection(cutoffs, i) : crossedVoltage(cutoffs, v);
                    if (atVoltage) checkStall(stepSign, stepCharge, eta, Double.isNaN(cutV) ? v : cutV);
                    else if (stepSign != 0) lastStepCharge = stepCharge;
                    end = atVoltage ? StepEnd.VOLTAGE_CUTOFF : StepEnd.CURRENT_CUTOFF;
                    break;
                }
                double grow = dv < 1e-12 ? 2.0 : Math.min(2.0, Math.max(0.5, 0.8 * dvTarget / dv));
                if (dx > 0) grow = Math.min(grow, Math.max(0.3, 0.8 * DX_TARGET / dx));
                if (!Double.isNaN(err)) grow = Math.min(grow, err < 1e-15 ? 2.0 : Math.max(0.3, 0.9 * Math.sqrt(tol / err)));
                else grow = Math.min(grow, 1.5);
                prevSlope = (v - prevV) / h;
                dt = Math.min(settings.maxStep(), h * grow);
                if (stepTime >= duration - 1e-9 || stepAbs >= capacity * (1 - 1e-12)) break;
            }
            if (time != lastSampleTime) emitSample(current, stepCharge, model.ocv(), model.overpotentials());
            if (stepSign != 0) lastStepCharge = stepCharge;
            if (end == null) end = stepAbs >= capacity * (1 - 1e-9) ? StepEnd.CAPACITY
                    : !Double.isNaN(bound) ? StepEnd.TIME_BOUND : StepEnd.DURATION;
            if (end == StepEnd.TIME_BOUND && bound > 0)
                warnEnd(end, String.format(java.util.Locale.ROOT, "%s reached no cut-off (%s) within its bound of %s "
                        + "(no duration given: %s x the time the nominal capacity takes at %s, at most %s h); ended at %s V",
                        describe(mode, setpoint), describeCutoffs(cutoffs), hoursText(bound), num(BOUND_CAPACITIES),
                        mode == Mode.CURRENT ? "its current" : "its current cut-off", num(MAX_STEP_BOUND / 3600), num(voltage)));
            if ((end == StepEnd.DURATION || end == StepEnd.TIME_BOUND) && hasVoltageCutoff(cutoffs)) checkSoftShortStep(mode, setpoint, cutoffs, stepCharge);
            recordStep(end, stepCharge);
            return null;
        }

        /** Start time [s] of the current step. */
        double stepStart;

        /** Records how the current step ended (for its cycle). */
        void recordStep(StepEnd end, double charge) {
            cycleSteps.add(new StepResult(stepIndex, cycle, end, stepStart, time, charge, voltage));
        }

        /**
         * A step with a voltage cut-off that ran into its time limit while current leaked through Li filaments: a soft
         * short (the leak keeps the voltage from its cut-off), reported once with cycle and reason, later ones counted.
         */
        void checkSoftShortStep(Mode mode, double setpoint, List<Cutoff> cutoffs, double stepCharge) {
            if (!(Math.abs(stepLeak) > 0.01 * Math.abs(stepCharge)) || model.filamentFraction() <= 0) return;
            softShort(String.format(java.util.Locale.ROOT, "%s ran into its time limit without reaching %s: "
                    + "%.0f %% of its %.3f mAh/cm2 leaked through Li filaments spanning %.0f %% of the separator",
                    describe(mode, setpoint), describeCutoffs(cutoffs), 100 * Math.abs(stepLeak / stepCharge),
                    Math.abs(stepCharge) / 36000.0, 100 * model.filamentFraction()), true);
        }

        /** A soft short in the current step (step true) or in the cycle being closed. */
        void softShort(String reason, boolean step) {
            if (softShortReported) { softShorts++; return; }
            softShortReported = true;
            sink.event(new SimulationEvent(SimulationEvent.Type.SOFT_SHORT, time, stepIndex, cycle, model.filamentFraction(),
                    step ? String.format(java.util.Locale.ROOT, "warning: cycle %d, step %d: soft short: %s", cycle, stepIndex, reason)
                            : String.format(java.util.Locale.ROOT, "warning: cycle %d: soft short: %s", cycle, reason)));
        }

        /**
         * A warning for a step that ended other than by its own conditions; one per kind, later ones counted. Steps are
         * numbered as in timeseries.csv's step column and cycles.csv's step_ends (from 0, the protocol's steps flattened).
         */
        void warnEnd(StepEnd end, String what) {
            int[] later = laterEnds.get(end);
            if (later != null) { later[0]++; later[1] = cycle; return; }
            laterEnds.put(end, new int[] {0, 0});
            sink.event(new SimulationEvent(SimulationEvent.Type.STEP_END, time, stepIndex, cycle, voltage,
                    String.format(java.util.Locale.ROOT, "warning: cycle %d, step %d (%s at %s): %s", cycle, stepIndex,
                            end.label(), hoursText(time), what)));
        }

        /** One message per kind of step end warned about more than once, and for later soft shorts. */
        void reportLaterEnds() {
            for (var e : laterEnds.entrySet()) {
                int n = e.getValue()[0];
                if (n == 0) continue;
                sink.event(new SimulationEvent(SimulationEvent.Type.STEP_END, time, stepIndex, cycle, n, String.format(
                        java.util.Locale.ROOT, "warning: %d later step%s ended so (%s), the last in cycle %d", n,
                        n == 1 ? "" : "s", e.getKey().label(), e.getValue()[1])));
            }
            if (softShorts > 0)
                sink.event(new SimulationEvent(SimulationEvent.Type.SOFT_SHORT, time, stepIndex, cycle, softShorts, String.format(
                        java.util.Locale.ROOT, "warning: the soft short showed again %d time%s, the last in cycle %d",
                        softShorts, softShorts == 1 ? "" : "s", cycle)));
        }

        String describe(Mode mode, double setpoint) {
            return switch (mode) {
                case CURRENT -> setpoint == 0 ? "the rest" : "the " + (setpoint > 0 ? "charge" : "discharge") + " at "
                        + num(Math.abs(setpoint) / 10) + " mA/cm2";
                case VOLTAGE -> "the hold at " + num(setpoint) + " V";
                case POWER -> "the power step at " + num(setpoint / 10) + " mW/cm2";
            };
        }

        String describeCutoffs(List<Cutoff> cs) {
            List<String> out = new java.util.ArrayList<>();
            for (Cutoff c : cs) out.add(switch (c.kind()) {
                case VOLTAGE_ABOVE, VOLTAGE_BELOW -> num(c.value()) + " V";
                case DURATION -> hoursText(c.value());
                case CAPACITY -> num(Math.abs(c.value()) / 36000) + " mAh/cm2";
                case CURRENT_BELOW -> "|I| < " + num(Math.abs(c.value()) / 10) + " mA/cm2";
                case CURRENT_BELOW_C_RATE -> "|I| < " + num(Math.abs(c.value())) + " C";
            });
            return out.isEmpty() ? "no cut-off" : String.join(" or ", out);
        }

        static String hoursText(double seconds) {
            return seconds >= 3600 ? num(seconds / 3600) + " h" : num(seconds) + " s";
        }

        /** A number to 4 significant digits without trailing zeros: 4.3, 0.98, 1000, 1e-10. */
        static String num(double v) {
            String t = String.format(java.util.Locale.ROOT, "%.4g", v);
            int e = t.indexOf('e');
            String mant = e < 0 ? t : t.substring(0, e), exp = e < 0 ? "" : t.substring(e);
            if (mant.contains(".")) mant = mant.replaceAll("0+$", "").replaceAll("\\.$", "");
            if (!exp.isEmpty()) exp = "e" + Integer.parseInt(exp.substring(1));
            return mant + exp;
        }

        /**
         * The last time step of length h solved for the current at the cut-off voltage: at a set voltage
         * ({@link CellModel#currentAtVoltage}), otherwise bisection on the share s of the set current not carried
         * (geometric while s is small; a trial without solution counts as beyond the cut-off). Returns {current, voltage} with the model's last trial at that current, or null.
         */
        double[] landOnCutoff(double h, double setCurrent, double cut) {
            if (setCurrent == 0) return null;
            double sign = Math.signum(setCurrent); // beyond the cut-off: below it on discharge, above it on charge
            double v0 = model.trial(h, 0);
            if (Double.isNaN(v0) || sign * (v0 - cut) >= 0) return null;
            // at a set voltage (well-conditioned where the voltage falls steeply with the current)
            double atCut = model.currentAtVoltage(h, cut, setCurrent);
            // (up to 1 % above the set current: the cut-off lies within the step, the caller accepts within 1 %)
            if (!Double.isNaN(atCut) && Math.signum(atCut) == sign && Math.abs(atCut) <= 1.01 * Math.abs(setCurrent))
                return new double[] {atCut, cut};
            double lo = 0, hi = 1; // s: lo beyond the cut-off (or no solution), hi before it
            for (int k = 0; k < 200; k++) {
                double mid = lo == 0 ? (hi <= 1e-16 ? 0.5 * hi : Math.max(1e-16, hi * 1e-3)) : hi / lo > 4 ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
                double i = setCurrent * (1 - mid);
                double v = model.trial(h, i);
                if (!Double.isNaN(v) && Math.abs(v - cut) <= LANDING_TOLERANCE) return new double[] {i, v};
                if (Double.isNaN(v) || sign * (v - cut) > 0) lo = mid; else hi = mid;
                if (hi - lo <= 1e-15 * hi) break;
            }
            return null;
        }

        /** The voltage cut-off the current drives towards (below for a negative current, above for a positive), or NaN. */
        static double cutoffInDirection(List<Cutoff> cs, double current) {
            for (Cutoff c : cs) {
                if (current < 0 && c.kind() == Cutoff.Kind.VOLTAGE_BELOW) return c.value();
                if (current > 0 && c.kind() == Cutoff.Kind.VOLTAGE_ABOVE) return c.value();
            }
            return Double.NaN;
        }

        /** Ends the run as not converged, saying where (cycle, step, time) and why. */
        RunStatus failStep(double stepCharge, String why) {
            if (time != lastSampleTime) emitSample(0, stepCharge, model.ocv(), model.overpotentials());
            recordStep(StepEnd.SOLVER_FAILURE, stepCharge);
            return fail(String.format(java.util.Locale.ROOT, "cycle %d, step %d, at %s (%.4f V): %s", cycle, stepIndex,
                    hoursText(time), voltage, why));
        }

        /** Share of the previous step's charge below which a step ending at its voltage cut-off counts as stalled. */
        static final double STALL_FRACTION = 0.01;

        /**
         * A step of the cycle's second direction (stripping after plating, discharge after charge) that ends at its
         * voltage cut-off having passed less than {@link #STALL_FRACTION} of the charge of the step before it (the
         * protocol's last step too, e.g. the 5 C discharge of a rate test) is a symptom (an overpotential the cut-off leaves no room for): the first is reported
         * as a run message with the cycle and the dominant overpotential at the cut-off, later ones are counted.
         */
        void checkStall(int sign, double stepCharge, double[] eta, double cutoff) {
            double previous = lastStepCharge;
            if (sign != 0) lastStepCharge = stepCharge;
            if (sign == 0 || firstSign == 0 || sign == firstSign) return;
            if (!(Math.signum(previous) == -sign && Math.abs(stepCharge) < STALL_FRACTION * Math.abs(previous))) return;
            if (stallReported) {
                laterStalls++;
                lastStallCycle = cycle;
                return;
            }
            stallReported = true;
            OverpotentialKind dominant = OverpotentialKind.values()[0];
            for (OverpotentialKind k : OverpotentialKind.values())
                if (sign * eta[k.ordinal()] > sign * eta[dominant.ordinal()]) dominant = k;
            String what = model.fullCell() ? "discharge" : "stripping";
            String before = model.fullCell() ? "charged" : "plated";
            event(SimulationEvent.Type.INFO, Math.abs(eta[dominant.ordinal()]), String.format(java.util.Locale.ROOT,
                    "warning: cycle %d: the %s step ended at its voltage cut-off%s after %.3g mAh/cm2, less than "
                    + "%.0f %% of the %.3f mAh/cm2 %s before; dominant overpotential: %s (%s = %.4f V)", cycle, what,
                    Double.isNaN(cutoff) ? "" : String.format(java.util.Locale.ROOT, " %.3g V (reached %.4f V)", cutoff, voltage),
                    Math.abs(stepCharge) / 36000.0, 100 * STALL_FRACTION, Math.abs(previous) / 36000.0, before,
                    dominant.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), dominant.column(),
                    eta[dominant.ordinal()]));
        }

        /** One message for the stalled steps after the first, if any. */
        void reportLaterStalls() {
            if (laterStalls == 0) return;
            sink.event(new SimulationEvent(SimulationEvent.Type.INFO, time, stepIndex, cycle, laterStalls, String.format(
                    java.util.Locale.ROOT, "warning: the same in %d later cycle%s, the last in cycle %d", laterStalls,
                    laterStalls == 1 ? "" : "s", lastStallCycle)));
        }

        double[] solveForCurrent(Mode mode, double setpoint, double h, double guess) {
            // secant iteration on the current so that V (CV) or V*I (CP) meets the set point
            double i0 = guess, i1 = guess == 0 ? 1e-3 : guess * 1.01;
            double f0 = residual(mode, setpoint, h, i0), f1 = residual(mode, setpoint, h, i1);
            for (int k = 0; k < 40 && !Double.isNaN(f0) && !Double.isNaN(f1); k++) {
                if (Math.abs(f1) < 1e-9) break;
                double d = f1 - f0;
                if (d == 0) break;
                double i2 = i1 - f1 * (i1 - i0) / d;
                i0 = i1; f0 = f1; i1 = i2;
                f1 = residual(mode, setpoint, h, i1);
            }
            double v = model.trial(h, i1);
            return new double[] {i1, v};
        }

        double residual(Mode mode, double setpoint, double h, double i) {
            double v = model.trial(h, i);
            return mode == Mode.VOLTAGE ? v - setpoint : v * i - setpoint;
        }

        static boolean hasVoltageCutoff(List<Cutoff> cs) {
            for (Cutoff c : cs) if (c.kind() == Cutoff.Kind.VOLTAGE_ABOVE || c.kind() == Cutoff.Kind.VOLTAGE_BELOW) return true;
            return false;
        }

        /** The cut-off voltage crossed by v, or NaN. */
        static double crossedVoltage(List<Cutoff> cs, double v) {
            for (Cutoff c : cs) {
                if (c.kind() == Cutoff.Kind.VOLTAGE_ABOVE && v >= c.value()) return c.value();
                if (c.kind() == Cutoff.Kind.VOLTAGE_BELOW && v <= c.value()) return c.value();
            }
            return Double.NaN;
        }

        void startDirection(int sign) {
            if (firstSign == 0) {
                firstSign = sign;
                cycle = 1;
                cycleStart = time;
                return;
            }
            if (sign != firstSign) seenOpposite = true;
            else if (seenOpposite) {
                closeCycle(false); // the step that starts the new cycle is recorded when it ends, in the new cycle
                cycle++;
                seenOpposite = false;
                cycleCharge = 0;
                cycleDischarge = 0;
                cycleStart = time;
            }
        }

        void closeCycle(boolean last) {
            if (cycle == 0 || (cycleCharge == 0 && cycleDischarge == 0)) return;
            double first = firstSign > 0 ? cycleCharge : cycleDischarge;
            double second = firstSign > 0 ? cycleDischarge : cycleCharge;
            double ce = first > 0 ? second / first : Double.NaN;
            double spec = Double.isNaN(activeLoading) ? Double.NaN : cycleDischarge / activeLoading;
            // Coulombic efficiency collapsing while current leaks through Li filaments: a soft short
            if (!last && cycle > 1 && ce >= 0 && bestEfficiency > 0 && ce < SOFT_SHORT_EFFICIENCY_DROP * bestEfficiency
                    && Math.abs(cycleLeak) > 0.01 * first)
                softShort(String.format(java.util.Locale.ROOT, "Coulombic efficiency %.1f %% against %.1f %% in the cycles "
                        + "before; %.3f mAh/cm2 leaked through Li filaments spanning %.0f %% of the separator in this cycle",
                        100 * ce, 100 * bestEfficiency, Math.abs(cycleLeak) / 36000.0, 100 * model.filamentFraction()), false);
            if (cycle > 1 && ce > 0 && !(ce <= bestEfficiency)) bestEfficiency = ce;
            sink.cycle(new CycleSummary(cycle, cycleCharge, cycleDischarge, ce, spec, cycleStart, time, model.inventory(),
                    cycleSteps));
            cycleSteps.clear();
            cycleLeak = 0;
            cycleCharge = 0;
            cycleDischarge = 0;
        }

        void emitSample(double i, double stepCharge, double ocv, double[] eta) {
            lastSampleTime = time;
            sink.sample(new Sample(time, stepIndex, cycle, voltage, i, model.temperature(), model.stackPressure(),
                    stepCharge, ocv, eta, model.inventory()));
        }

        void event(SimulationEvent.Type type, double value, String msg) {
            sink.event(new SimulationEvent(type, time, stepIndex, cycle, value, msg));
            if (type == SimulationEvent.Type.SHORT_CIRCUIT) pendingStatus = RunStatus.SHORT_CIRCUIT;
        }

        RunStatus fail(String msg) {
            sink.event(new SimulationEvent(SimulationEvent.Type.NOT_CONVERGED, time, stepIndex, cycle, Double.NaN, msg));
            return RunStatus.NOT_CONVERGED;
        }
    }
}

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
 * nearing saturation, where the voltage is flat), the settings' maximum step and the cut-offs; a voltage cut-off
 * crossed within a step shortens it (secant on the voltage) to land on the cut-off, and a step that no longer has a
 * solution (an electrode saturated) is shortened down to 1 us before the step ends there. The output interval
 * only thins the samples: it never changes the steps. One instance may be reused; {@link #run} is not thread-safe.
 */
public final class Simulation {

    /** Minimum time step [s] below which a step counts as not converged. */
    private static final double DT_MIN = 1e-6;

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
            voltage = model.ocv();
            emitSample(0, 0, model.ocv(), new double[OverpotentialKind.values().length]);
            for (stepIndex = 0; stepIndex < steps.size(); stepIndex++) {
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
            double duration = Double.POSITIVE_INFINITY, capacity = Double.POSITIVE_INFINITY;
            for (Cutoff c : cutoffs) {
                if (c.kind() == Cutoff.Kind.DURATION) duration = Math.min(duration, c.value());
                if (c.kind() == Cutoff.Kind.CAPACITY) capacity = Math.min(capacity, Math.abs(c.value()));
            }
            if (cutoffs.isEmpty() && mode == Mode.CURRENT && setpoint == 0) duration = 0;
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
            // immediate cut-off check on the starting state (e.g. already above the limit)
            int stepSign = 0;
            long guard = 0;
            while (stepTime < duration && stepAbs < capacity) {
                if (++guard > 5_000_000) return fail("step did not finish");
                double h = Math.min(dt, settings.maxStep());
                h = Math.min(h, duration - stepTime);
                if (Math.abs(current) > 0 && Double.isFinite(capacity))
                    h = Math.min(h, (capacity - stepAbs) / Math.abs(current));
                double v;
                double i = current;
                // solve the step (and, for CV/CP, the current)
                while (true) {
                    if (mode == Mode.CURRENT) {
                        v = model.trial(h, i);
                    } else {
                        double[] sol = solveForCurrent(mode, setpoint, h, current);
                        i = sol[0];
                        v = sol[1];
                    }
                    if (!Double.isNaN(v)) {
                        // voltage cut-offs crossed within the step: shorten the step to land on them
                        double over = crossedVoltage(cutoffs, v);
                        if (!Double.isNaN(over) && h > 1e-3 && Math.abs(v - over) > 1e-4) {
                            double frac = Math.abs(voltage - v) > 1e-12 ? (voltage - over) / (voltage - v) : 0.5;
                            frac = Math.max(0.05, Math.min(0.9, frac * 0.999));
                            if (!Double.isFinite(frac)) frac = 0.5;
                            h *= frac;
                            continue;
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
                    h *= 0.25;
                    if (h < DT_MIN) {
                        if (hasVoltageCutoff(cutoffs)) {
                            // the electrode cannot deliver the current any more: treat as reaching the cut-off
                            event(SimulationEvent.Type.STEP_END, Double.NaN, "step ended: an electrode cannot carry the "
                                    + "current any more (saturated or exhausted), taken as its voltage cut-off");
                            if (time != lastSampleTime) emitSample(current, stepCharge, model.ocv(), model.overpotentials());
                            checkStall(stepSign != 0 ? stepSign : (int) Math.signum(current), stepCharge, model.overpotentials(), Double.NaN);
                            return null;
                        }
                        return fail("time step below " + DT_MIN + " s");
                    }
                }
                double dv = Math.abs(v - voltage);
                double dx = model.stateChange();
                double err = Double.isNaN(prevSlope) ? Double.NaN : 0.5 * Math.abs(v - voltage - prevSlope * h);
                double[] eta = model.overpotentials();
                double weBefore = settings.debugConservationChecks() ? model.workingElectrode().inventory().total() : 0;
                model.commit(this::event);
                if (settings.debugConservationChecks()) {
                    // charge: the working electrode loses exactly I dt / F of lithium (oxidation positive)
                    double change = model.workingElectrode().inventory().total() - weBefore;
                    double expected = -model.electrochemicalCurrent() * h / org.cellwright.solver.physics.Constants.F;
                    if (Math.abs(change - expected) > 1e-9 * Math.max(Math.abs(expected), 1e-9) + 1e-12 * Math.abs(weBefore)) {
                        event(SimulationEvent.Type.CONSERVATION_ERROR, change - expected,
                                "charge not conserved in the working electrode: " + (change - expected) + " mol/m2");
                        return RunStatus.NOT_CONVERGED;
                    }
                }
                stepTime += h;
                time += h;
                stepCharge += i * h;
                stepAbs += Math.abs(i) * h;
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
                        return RunStatus.NOT_CONVERGED;
                    }
                }
                if (pendingStatus != null) {
                    emitSample(i, stepCharge, model.ocv(), eta);
                    return pendingStatus;
                }
                double leak = Math.abs(i - model.electrochemicalCurrent());
                if (model.filamentFraction() >= 1 || leak > Math.max(Math.abs(i), 1.0)) {
                    emitSample(i, stepCharge, model.ocv(), eta);
                    double pr = model.penetrationRatio();
                    String reason = model.filamentFraction() >= 1
                            ? String.format(java.util.Locale.ROOT, "Li filament spans the separator: Li pressure on the SE "
                                    + "%.2f x its penetration stress", pr)
                            : String.format(java.util.Locale.ROOT, "soft short: leakage through Li filaments (%.0f %% of the "
                                    + "separator) %.3g A/m2 exceeds the applied current", 100 * model.filamentFraction(), leak);
                    sink.event(new SimulationEvent(SimulationEvent.Type.SHORT_CIRCUIT, time, stepIndex, cycle, pr, reason));
                    return RunStatus.SHORT_CIRCUIT;
                }
                boolean end = !Double.isNaN(crossedVoltage(cutoffs, v)) || currentBelow(cutoffs, i);
                if (end || time - lastSampleTime >= settings.outputInterval() - 1e-9) emitSample(i, stepCharge, model.ocv(), eta);
                progress.progress(time, stepIndex, steps.size(), Math.max(cycle, 1), Math.max(totalCycles, 1));
                if (progress.isCancelled()) return RunStatus.CANCELLED;
                if (end) {
                    if (!Double.isNaN(crossedVoltage(cutoffs, v))) checkStall(stepSign, stepCharge, eta, crossedVoltage(cutoffs, v));
                    else if (stepSign != 0) lastStepCharge = stepCharge;
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
            return null;
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

        static boolean currentBelow(List<Cutoff> cs, double i) {
            for (Cutoff c : cs) if (c.kind() == Cutoff.Kind.CURRENT_BELOW && Math.abs(i) <= c.value()) return true;
            return false;
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
                closeCycle(false);
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
            sink.cycle(new CycleSummary(cycle, cycleCharge, cycleDischarge, ce, spec, cycleStart, time, model.inventory()));
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

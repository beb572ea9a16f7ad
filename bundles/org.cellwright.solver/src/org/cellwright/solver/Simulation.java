package org.cellwright.solver;

import java.util.List;

import org.cellwright.solver.dfn.DriveCycle;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.CurrentMode;
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
 * shortened until that current is within 1 % of the set one. Where the model's voltage itself jumps across the cut-off
 * (past it by more than the tolerance within 1 us, and no current lands on it) the step ends at the voltage reached as
 * {@link StepEnd#VOLTAGE_JUMP}, with a warning. A step that no longer has a solution and no cut-off to fall to ends as
 * {@link StepEnd#SOLVER_FAILURE} (or {@link StepEnd#LITHIUM_EXHAUSTED}) with a warning saying where and why. A step
 * without a duration cut-off is bounded by {@link #stepBound}. How each step ended is in
 * {@link CycleSummary#steps()}. The output interval only thins the samples: it never changes the steps. One
 * instance may be reused; {@link #run} is not thread-safe.
 */
public final class Simulation {

    /** Largest distance [V] of a step's last voltage from the voltage cut-off it ended at. */
    public static final double LANDING_TOLERANCE = 1e-4;

    /** Longest time step [s] that may be solved for the current at the cut-off voltage (see the class comment). */
    public static final double LANDING_STEP = 1.0;

    /** Largest duration [s] of a step without a duration cut-off: 1000 h (see {@link #stepBound}). */
    public static final double MAX_STEP_BOUND = 1000 * 3600.0;

    /** Multiple of the nominal capacity a step without a duration cut-off may pass before it is ended. */
    public static final double BOUND_CAPACITIES = 2;

    /**
     * The share of a step's charge (or of a cycle's storing charge) that current leaking through Li filaments must
     * exceed to be a soft short (EventDetection: a step named for its leak alone, a step that missed its cut-off, a cycle
     * whose steps together leaked it, its efficiency collapsing or not). A measurement's resolution, not a property of the cell: the leak
     * passes charge that stores no lithium, so a cycler sees it only as charge counted and not returned, and a test of
     * lithium-ion cells must measure current to +-1 % (IEC 62660-2:2010, clause 4.3 "Measurement tolerances": +-0.1 %
     * voltage, +-1 % current, +-2 degC, +-0.1 % time, each the whole error of the procedure; as its identical Russian
     * adoption GOST R IEC 62660-2-2014 prints it, docs.cntd.ru/document/1200112872, the IEC text itself not read here),
     * so a capacity, current integrated over time, is counted to about +-1 %; a leak below 1 % of a step's charge is
     * within that tolerance. (Until session 33 the citation was IEC 61951-2, a nickel-metal hydride standard; no quote of
     * IEC 62660-1's or IEC 61960-3's tolerances was found: docs/calibration.md, "Numerical thresholds".)
     * The model's leak has no noise of its own (G V integrated over the accepted time steps), and its capacities are
     * accurate to 0.1 % (README, "Accuracy: work-precision"), well inside it. The same 1 % as before session 32, when it
     * was written twice in EventDetection without a reason (docs/calibration.md, "Numerical thresholds").
     */
    public static final double SOFT_SHORT_LEAK_SHARE = 0.01;

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

    /**
     * What a full cell's run estimated of its capacity's error for its cathode mesh ({@link CutoffSensitivity}, issue
     * 13): the particle shells and cathode volumes it ran on, the largest estimate over its cycles (0 where none was
     * taken: no discharge ended at its voltage cut-off) and the finer mesh its warning names
     * ({@link ParticleShells#STEEPEST} shells, {@link CathodeVolumes#FINE} volumes, or the run's where it had more).
     */
    public record MeshEstimate(int shells, int volumes, double worst, int finerShells, int finerVolumes, java.util.Map<Integer, String> steps) {
        /**
         * steps: per cycle whose discharge ended at its cut-off, the step with the shallowest end (whose capacity the mesh
         * moves most), as the run's messages name it ("cycle 3, step 3.2 (line 11)"); a measured error names it (MeshRerun).
         */
        public MeshEstimate {
            steps = java.util.Map.copyOf(steps);
        }

        public MeshEstimate(int shells, int volumes, double worst, int finerShells, int finerVolumes) {
            this(shells, volumes, worst, finerShells, finerVolumes, java.util.Map.of());
        }

        /** Whether a cycle's estimate is beyond the capacity target (0.1 %: the run warned of it). */
        public boolean beyondTarget() { return worst > AccuracyTarget.CAPACITY; }

        /** Whether the mesh the warning names is finer than the run's (where it is not, only a finer comparison tells). */
        public boolean finerNamed() { return finerShells > shells || finerVolumes > volumes; }
    }

    private MeshEstimate meshEstimate;

    /**
     * The last {@link #run}'s {@link MeshEstimate}: null for a half cell, a run whose inputs were refused, and before a
     * run. Read it after the run on the thread that ran it.
     */
    public MeshEstimate meshEstimate() { return meshEstimate; }

    /** Runs with default settings and no progress reporting. */
    public static RunStatus run(CellSpec cell, ProtocolSpec protocol, ResultSink sink) {
        return new Simulation().run(cell, protocol, SolverSettings.defaults(), sink, ProgressListener.NONE);
    }

    public RunStatus run(CellSpec cell, ProtocolSpec protocol, SolverSettings settings, ResultSink sink,
            ProgressListener progress) {
        if (progress == null) progress = ProgressListener.NONE;
        if (sink == null) sink = ResultSink.discard();
        if (settings == null) settings = SolverSettings.defaults();
        meshEstimate = null;
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
            settings = ProtocolMesh.resolve(settings, cell, protocol);
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
            r.rec.event(SimulationEvent.Type.NOT_CONVERGED, Double.NaN, "solver failure: " + e);
            st = RunStatus.NOT_CONVERGED;
        }
        r.rec.closeCycle(true);
        r.events.reportLaterStalls();
        r.rec.reportLaterEnds();
        r.events.reportLaterSoftShorts();
        if (r.sensitivity != null) meshEstimate = r.sensitivity.result();
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

    /**
     * One run: the protocol's steps in order, each electrical step executed by {@link StepExecution}; conditions set
     * between steps go to the model.
     */
    private static final class Runner {
        final CellSpec cell;
        final SolverSettings settings;
        final ResultSink sink;
        final CellModel model;
        final List<StepSpec> steps;
        final double nominalCapacityDensity; // C/m2
        final double activeLoading;
        final int totalCycles;
        final RunRecorder rec;
        final EventDetection events;
        final StepExecution exec;
        /** A full cell's estimate of its capacity's error for its mesh (null for a half cell). */
        final CutoffSensitivity sensitivity;

        Runner(CellSpec cell, ProtocolSpec protocol, SolverSettings settings, ResultSink sink,
                ProgressListener progress, CellModel model) {
            this.cell = cell;
            this.settings = settings;
            this.sink = sink;
            this.model = model;
            this.steps = protocol.flatten();
            this.nominalCapacityDensity = nominalCapacity(cell) / cell.area();
            this.activeLoading = cathodeActiveLoading(cell);
            this.totalCycles = CycleBook.estimate(steps, cell.hasCathode());
            this.rec = new RunRecorder(sink, model, activeLoading, cell.hasCathode(), steps, org.cellwright.solver.input.StepNumbers.of(protocol));
            this.events = new EventDetection(rec, model);
            rec.events = events;
            this.sensitivity = model.fullCell() ? new CutoffSensitivity(settings) : null;
            if (sensitivity != null) rec.observe(sensitivity);
            this.exec = new StepExecution(model, settings, progress, rec, events, nominalCapacityDensity, steps.size(),
                    totalCycles, model.inventory().total());
        }

        /** Whether the run was warned that its lithium would be molten (once per run). */
        private boolean warnedMolten;

        /**
         * A warning, once per run, when the cell's temperature is at or above lithium's melting point
         * ({@link org.cellwright.solver.physics.Constants#LITHIUM_MELTING_POINT}): every solid-state cell plates and strips
         * Li metal, which the model treats as a solid (a 200 degC run went on without a word).
         */
        private void warnIfLithiumMelts() {
            double t = model.temperature(), melts = org.cellwright.solver.physics.Constants.LITHIUM_MELTING_POINT;
            if (warnedMolten || t < melts) return;
            warnedMolten = true;
            rec.event(SimulationEvent.Type.VALIDITY, t, String.format(java.util.Locale.ROOT,
                    "warning: %s: the cell is at %s, at or above lithium's melting point (%.1f degC): the"
                            + " model's lithium is a solid (its creep, plating and contact with the electrolyte), so results at this"
                            + " temperature describe no real cell", rec.stepAt(),
                    org.cellwright.solver.input.InputLimits.degC(t),
                    melts - 273.15));
        }

        RunStatus run() {
            sink.start(new RunInfo(cell.name(), cell.area(), activeLoading, nominalCapacityDensity * cell.area(),
                    model.fullCell(), steps.size(), totalCycles, true, rec.steps));
            // the temperature and pressure a protocol sets before its first electrical step are those of the first record
            int first = 0;
            for (; first < steps.size(); first++) {
                if (steps.get(first) instanceof StepSpec.SetTemperature t) model.setConditions(t.temperature(), model.stackPressure());
                else if (steps.get(first) instanceof StepSpec.SetStackPressure p) model.setConditions(model.temperature(), p.pressure());
                else break;
            }
            rec.voltage = model.ocv();
            rec.emitSample(0, 0, model.ocv(), new double[OverpotentialKind.values().length]);
            warnIfLithiumMelts();
            for (rec.stepIndex = first; rec.stepIndex < steps.size(); rec.stepIndex++) {
                StepSpec s = steps.get(rec.stepIndex);
                exec.outputInterval = OutputInterval.of(settings, s, cell);
                RunStatus st = switch (s) {
                    case StepSpec.SetTemperature t -> {
                        model.setConditions(t.temperature(), model.stackPressure());
                        warnIfLithiumMelts();
                        yield null;
                    }
                    case StepSpec.SetStackPressure p -> { model.setConditions(model.temperature(), p.pressure()); yield null; }
                    case StepSpec.ConstantCurrent cc -> exec.runStep(StepMode.CURRENT, currentDensity(cc), cc.cutoffs());
                    case StepSpec.Rest rest -> exec.runStep(StepMode.CURRENT, 0, rest.cutoffs());
                    case StepSpec.ConstantVoltage cv -> exec.runStep(StepMode.VOLTAGE, cv.voltage(), cv.cutoffs());
                    case StepSpec.ConstantPower cp -> exec.runStep(StepMode.POWER, cp.powerDensity(), cp.cutoffs());
                    case StepSpec.Follow f -> follow(f);
                    case StepSpec.Repeat rep -> throw new IllegalStateException("unflattened repeat");
                };
                if (st != null) return st;
            }
            return RunStatus.COMPLETED;
        }

        double currentDensity(StepSpec.ConstantCurrent cc) { return currentDensity(cc.mode(), cc.value()); }

        double currentDensity(CurrentMode mode, double value) {
            return switch (mode) {
                case DENSITY -> value;
                case CURRENT -> value / cell.area();
                case C_RATE -> value * nominalCapacityDensity / 3600.0;
            };
        }

        /**
         * A followed profile (the same {@link DriveCycle} as the DFN runner's: linear between its samples, looped):
         * a current profile in A/m2 as a current step's current, a power profile [W/m2] as a power step's power (the
         * current solved from V I = P at each time step), each time step ending at or before the next sample.
         */
        RunStatus follow(StepSpec.Follow f) {
            DriveCycle profile = new DriveCycle(f.time(), f.value()).scaled(f.power() ? 1 : currentDensity(f.mode(), 1));
            double mean = profile.integral(profile.period()) / profile.period();
            return exec.runStep(f.power() ? StepMode.POWER : StepMode.CURRENT, mean, profile, f.cutoffs());
        }
    }
}

package org.cellwright.solver;

import java.util.EnumMap;
import java.util.Map;

import org.cellwright.solver.input.StepNumbers;
import org.cellwright.solver.physics.CellModel;

/**
 * Recording of one run: the run's clock (time, step, cycle, voltage) that every record carries, the samples, how
 * each step ended, the cycle summaries (kept by {@link CycleBook}, as the DFN runner's), and the warnings of steps that ended other than by their own condition.
 */
final class RunRecorder {
    private final ResultSink sink;
    private final CellModel model;
    /** Set once by the runner: the soft-short check runs when a cycle closes. */
    EventDetection events;
    /** What watches the steps (a full cell's {@link CutoffSensitivity}): notified in the order added. */
    private final java.util.List<StepObserver> observers = new java.util.ArrayList<>();
    double time;
    int stepIndex;
    double voltage;
    /** Start time [s] of the current step. */
    double stepStart;
    double lastSampleTime = Double.NEGATIVE_INFINITY;
    /** The run's cycles (numbering, capacities, step ends); a closed cycle goes to the soft-short check and the sink. */
    private final CycleBook cycles;
    /** Warnings of step ends after the first of each kind, and the cycle of the last. */
    private final Map<StepEnd, RepeatedWarning> laterEnds = new EnumMap<>(StepEnd.class);

    /** How the protocol's steps are named to a user ({@link StepNumbers}). */
    final StepNumbers steps;

    RunRecorder(ResultSink sink, CellModel model, double activeLoading, boolean fullCell, java.util.List<org.cellwright.solver.input.StepSpec> protocol,
            StepNumbers steps) {
        this.steps = steps;
        this.sink = sink;
        this.model = model;
        this.cycles = new CycleBook(fullCell, activeLoading, (c, last) -> {
            events.cycleClosed(c.coulombicEfficiency(), fullCell ? c.chargeCapacity() : c.dischargeCapacity());
            sink.cycle(c);
            for (StepObserver o : observers) o.cycleClosed(c, this);
        }).stepsOf(protocol, model.temperature(), model.stackPressure()); // the cell's, before the protocol sets its own
    }

    /** Adds an observer of the run's steps ({@link StepObserver}). */
    void observe(StepObserver o) { observers.add(o); }

    /** The observers of the run's steps, in the order added. */
    java.util.List<StepObserver> observers() { return observers; }

    /** "cycle 5, step 3.2 (line 14)": the step now, as every message names it. */
    String stepAt() { return steps.at(cycle(), stepIndex); }

    /** The current cycle's number (0 before the run's first direction). */
    int cycle() { return cycles.cycle(); }

    /** The run's first current direction (0 before any). */
    int firstSign() { return cycles.firstSign(); }

    ResultSink sink() { return sink; }

    /** The cell's state now as a sample: current i, the step's charge, open-circuit voltage and overpotentials. */
    Sample state(double i, double stepCharge, double ocv, double[] eta) {
        return new Sample(time, stepIndex, cycle(), voltage, i, model.temperature(), model.stackPressure(), stepCharge, ocv, eta,
                model.inventory());
    }

    void emitSample(double i, double stepCharge, double ocv, double[] eta) {
        emitSample(state(i, stepCharge, ocv, eta));
    }

    /** Records the state s (of now, or of a time within the last accepted time step: {@link DenseOutput}) as a sample. */
    void emitSample(Sample s) {
        lastSampleTime = s.time();
        sink.sample(s);
    }

    /** The state after a time step the solver accepted ({@link ResultSink#timeStep}), before any sample of it. */
    void acceptedStep(Sample s) {
        sink.timeStep(s);
    }

    /** A sample at the step's end unless one was just written. */
    void sampleIfNew(double i, double stepCharge) {
        if (time != lastSampleTime) emitSample(i, stepCharge, model.ocv(), model.overpotentials());
    }

    void event(SimulationEvent.Type type, double value, String msg) {
        sink.event(new SimulationEvent(type, time, stepIndex, cycle(), value, msg));
    }

    /** Records how the current step ended (for its cycle), at the run's voltage now. */
    void recordStep(StepEnd end, double charge) {
        recordStep(end, charge, voltage);
    }

    /**
     * Records how the current step ended at the step's own end voltage [V] (NaN: none, written as null): a step that
     * crossed its cut-off at once ends at the voltage its set current gives at its start, not at the voltage the step
     * before ended at.
     */
    void recordStep(StepEnd end, double charge, double endVoltage) {
        cycles.recordStep(stepIndex, end, stepStart, time, charge, endVoltage);
    }

    /**
     * A warning for a step that ended other than by its own conditions; one per kind, later ones counted. Steps are
     * named as the protocol is written ({@link StepNumbers}: "cycle 5, step 3.2 (line 14)"), not by timeseries.csv's
     * step column (from 0, the protocol's steps flattened).
     */
    void warnEnd(StepEnd end, String what) {
        if (!laterEnds.computeIfAbsent(end, e -> new RepeatedWarning()).first(cycle())) return;
        sink.event(new SimulationEvent(SimulationEvent.Type.STEP_END, time, stepIndex, cycle(), voltage,
                end.warning(steps, cycle(), stepIndex, time, what)));
    }

    /** One message per kind of step end warned about more than once. */
    void reportLaterEnds() {
        for (StepObserver o : observers) o.runEnded(this);
        for (var e : laterEnds.entrySet()) {
            int n = e.getValue().later();
            if (n == 0) continue;
            sink.event(new SimulationEvent(SimulationEvent.Type.STEP_END, time, stepIndex, cycle(), n, e.getKey().laterEnds(n, e.getValue().lastCycle())));
        }
    }

    /** A step started passing current of this sign ({@link CycleBook#startDirection}). */
    void startDirection(int sign) {
        cycles.startDirection(sign, time, model::inventory);
    }

    /**
     * A hold's direction after its accepted time step at current i, from the one it had taken (0: none), the cell's
     * lithium [mol/m2] ({@link CycleBook#followHold}; the time step's charge is added after it, in the cycle it opens).
     */
    int followHold(int taken, double i, double lithium) {
        return cycles.followHold(taken, i, lithium, time, model::inventory, () -> {});
    }

    /** Charge [C/m2] passed in a time step at current i: counted as the cycle's charge or discharge. */
    void addCharge(double i, double h) {
        cycles.addCurrent(i, h);
    }

    /** Closes the current cycle ({@link CycleBook#close}); last: at the run's end. */
    void closeCycle(boolean last) {
        cycles.close(time, model::inventory, last);
    }
}

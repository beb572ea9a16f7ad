package org.cellwright.solver;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.cellwright.solver.physics.CellModel;

/**
 * Recording of one run: the run's clock (time, step, cycle, voltage) that every record carries, the samples, how
 * each step ended, the cycle summaries (a cycle starts with the first current of the protocol's first direction
 * after the opposite one), and the warnings of steps that ended other than by their own condition.
 */
final class RunRecorder {
    private final ResultSink sink;
    private final CellModel model;
    private final double activeLoading;
    /** A cell with a cathode (a full cell): its Coulombic efficiency is discharge / charge ({@link CycleSummary#coulombicEfficiency}). */
    private final boolean fullCell;
    /** Set once by the runner: the soft-short check runs when a cycle closes. */
    EventDetection events;
    double time;
    int stepIndex;
    int cycle = 0;
    double voltage;
    /** Start time [s] of the current step. */
    double stepStart;
    double lastSampleTime = Double.NEGATIVE_INFINITY;
    int firstSign = 0;
    private boolean seenOpposite;
    double cycleCharge, cycleDischarge;
    private double cycleStart;
    /** The steps ended in the current cycle (and before the first cycle). */
    private final List<StepResult> cycleSteps = new ArrayList<>();
    /** Warnings of step ends after the first of each kind, and the cycle of the last. */
    private final Map<StepEnd, RepeatedWarning> laterEnds = new EnumMap<>(StepEnd.class);

    RunRecorder(ResultSink sink, CellModel model, double activeLoading, boolean fullCell) {
        this.sink = sink;
        this.model = model;
        this.activeLoading = activeLoading;
        this.fullCell = fullCell;
    }

    ResultSink sink() { return sink; }

    /** The cell's state now as a sample: current i, the step's charge, open-circuit voltage and overpotentials. */
    Sample state(double i, double stepCharge, double ocv, double[] eta) {
        return new Sample(time, stepIndex, cycle, voltage, i, model.temperature(), model.stackPressure(), stepCharge, ocv, eta,
                model.inventory());
    }

    void emitSample(double i, double stepCharge, double ocv, double[] eta) {
        emitSample(state(i, stepCharge, ocv, eta));
    }

    /** Records the state s (of now) as a sample. */
    void emitSample(Sample s) {
        lastSampleTime = time;
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
        sink.event(new SimulationEvent(type, time, stepIndex, cycle, value, msg));
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
        cycleSteps.add(new StepResult(stepIndex, cycle, end, stepStart, time, charge, endVoltage));
    }

    /**
     * A warning for a step that ended other than by its own conditions; one per kind, later ones counted. Steps are
     * numbered as in timeseries.csv's step column and cycles.csv's step_ends (from 0, the protocol's steps flattened).
     */
    void warnEnd(StepEnd end, String what) {
        if (!laterEnds.computeIfAbsent(end, e -> new RepeatedWarning()).first(cycle)) return;
        sink.event(new SimulationEvent(SimulationEvent.Type.STEP_END, time, stepIndex, cycle, voltage,
                end.warning(cycle, stepIndex, time, what)));
    }

    /** One message per kind of step end warned about more than once. */
    void reportLaterEnds() {
        for (var e : laterEnds.entrySet()) {
            int n = e.getValue().later();
            if (n == 0) continue;
            sink.event(new SimulationEvent(SimulationEvent.Type.STEP_END, time, stepIndex, cycle, n, e.getKey().laterEnds(n, e.getValue().lastCycle())));
        }
    }

    /** A step started passing current of this sign: the first of the opposite direction after it opens a cycle. */
    void startDirection(int sign) {
        if (firstSign == 0) {
            firstSign = sign;
            cycle = 1;
            cycleStart = time;
        } else if (sign != firstSign) seenOpposite = true;
        else if (seenOpposite) {
            closeCycle(false); // the step that starts the new cycle is recorded when it ends, in the new cycle
            cycle++;
            seenOpposite = false;
            cycleCharge = 0;
            cycleDischarge = 0;
            cycleStart = time;
        }
        directions.step(sign);
    }

    /** The directions of the current cycle's steps (its efficiency needs a step that stored what it gives back). */
    private final CycleSummary.Directions directions = new CycleSummary.Directions();

    /** Charge [C/m2] passed in a time step at current i: counted as the cycle's charge or discharge. */
    void addCharge(double i, double h) {
        if (i > 0) cycleCharge += i * h; else cycleDischarge -= i * h;
    }

    /**
     * Closes the current cycle: its summary with the steps ended in it. A cycle whose steps passed no charge (each
     * crossed its voltage cut-off at once, e.g. a 3 C charge at 25 degC after a discharge) is recorded too, with its
     * step ends: the messages name it.
     */
    void closeCycle(boolean last) {
        if (cycle == 0 || (cycleCharge == 0 && cycleDischarge == 0 && cycleSteps.isEmpty())) return;
        double ce = directions.coulombicEfficiency(cycleCharge, cycleDischarge, fullCell);
        double spec = Double.isNaN(activeLoading) ? Double.NaN : cycleDischarge / activeLoading;
        events.cycleClosed(last, ce, fullCell ? cycleCharge : cycleDischarge);
        sink.cycle(new CycleSummary(cycle, cycleCharge, cycleDischarge, ce, spec, cycleStart, time, model.inventory(),
                cycleSteps));
        cycleSteps.clear();
        cycleCharge = 0;
        cycleDischarge = 0;
        directions.clear();
    }
}

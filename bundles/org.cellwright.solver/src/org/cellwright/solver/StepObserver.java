package org.cellwright.solver;

/**
 * What watches a run's steps as they run, beside the physics (numerics: what the run learns of its own accuracy, e.g.
 * {@link CutoffSensitivity}, the capacity's mesh error at its cut-offs). Added to the run's recorder
 * ({@link RunRecorder#observe}), notified by {@link StepExecution} as each step starts, accepts its time steps and ends,
 * and by {@link RunRecorder} as a cycle closes and the run ends; each method does nothing unless an observer overrides
 * it, and none changes the run.
 */
interface StepObserver {
    /** A protocol step starts. */
    default void stepStarted() {}

    /** A time step of a step at a set constant current was accepted: the step's charge so far [C/m2, unsigned] and the voltage [V]. */
    default void acceptedAtSetCurrent(double charge, double voltage) {}

    /**
     * A step ended by its own conditions (the run goes on): its cycle, flattened index, end and end time [s]; current
     * [A/m2] its last (negative: a discharge), setCurrent whether it ran at a set constant current (no profile) and
     * passed charge (not crossed its cut-off at once); meshError the cell voltage's error [V] its mesh leaves at a
     * discharge's voltage cut-off, estimated by the run ({@code CellModel#meshVoltageError}), else NaN.
     */
    default void stepEnded(int cycle, int step, StepEnd end, double time, double current, boolean setCurrent, double meshError) {}

    /** A cycle closed (after the sink has it). */
    default void cycleClosed(CycleSummary c, RunRecorder rec) {}

    /** The run ended: what was counted after a first message. */
    default void runEnded(RunRecorder rec) {}
}

package org.cellwright.solver;

/** Progress reports and cancellation. Called from the solving thread after each accepted time step. */
public interface ProgressListener {

    /** @param time simulated time [s]; stepIndex index in the flattened protocol; cycle n of about totalCycles */
    default void progress(double time, int stepIndex, int totalSteps, int cycle, int totalCycles) {}

    /** A stage of the run begins that a progress display names beside its figures ("re-running on 48 x 40 mesh"). */
    default void stage(String what) {}

    /** Polled after every time step; returning true ends the run with {@link RunStatus#CANCELLED}. */
    default boolean isCancelled() { return false; }

    ProgressListener NONE = new ProgressListener() {};

    static ProgressListener cancelWhen(java.util.function.BooleanSupplier cancelled) {
        return new ProgressListener() {
            @Override public boolean isCancelled() { return cancelled.getAsBoolean(); }
        };
    }
}

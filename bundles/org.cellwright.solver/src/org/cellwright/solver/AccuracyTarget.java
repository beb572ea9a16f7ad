package org.cellwright.solver;

/**
 * The accuracy the solver's defaults are held to (issue 13; README "Accuracy: work-precision", whose benchmark measures
 * it): a run's capacities within {@link #CAPACITY} of the converged solution (and its voltage within 1 mV RMS, which the
 * benchmark reads, no rule of the run). One place for the figure that rules of the run take: the local-error tolerance of
 * the charge of a step whose current is not set ({@link StepExecution}, a hold's and a constant power's time steps) and
 * the bound beyond which a run warns that its mesh may miss it ({@link CutoffSensitivity}).
 */
public final class AccuracyTarget {
    private AccuracyTarget() {}

    /** A capacity's relative error: 0.1 %. */
    public static final double CAPACITY = 1e-3;
}

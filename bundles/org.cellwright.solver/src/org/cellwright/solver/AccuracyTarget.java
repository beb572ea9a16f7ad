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

    /**
     * The voltage error [V] a step end's capacity sensitivity is stated per, 0.1 mV: the mesh warning's "0.1 mV of
     * voltage error moves it by X %" ({@link CutoffSensitivity#text}) and the charge end shallow enough to be controlled
     * as a discharge's ({@link StepExecution#SHALLOW_CHARGE_END}: where this error moves it by more than {@link #CAPACITY}).
     * A unit of the sensitivity, not a measured error (the mesh's are {@link CutoffSensitivity#COARSE_VOLTAGE_ERROR} and
     * {@link CutoffSensitivity#FINE_VOLTAGE_ERROR}); one place since session 39 (a literal 1e-4 in both before).
     */
    public static final double SENSITIVITY_VOLTAGE_ERROR = 1e-4;
}

package org.cellwright.solver;

/**
 * The solid-state runner's numerical thresholds that are neither properties of a material nor derived from a
 * measurable quantity of the model, and have no source: one place for them, each listed with its value and reason in
 * docs/calibration.md, "Numerical thresholds (not material properties)". None is tuned to pass a comparison.
 */
public final class NumericalThresholds {
    private NumericalThresholds() {}

    /**
     * The leak through Li filaments [A/m2] above which a rest or a hold (no or a decaying applied current) ends in a hard
     * short ({@link EventDetection#hardShort}): without it any leak would exceed a rest's zero current.
     * 1 A/m2 = 0.1 mA/cm2: at 4 V and the calibrated soft-short conductance, a filament spanning 88 % of the separator
     * (docs/solid-state-solver.md, "The hard short's leak floor").
     */
    public static final double HARD_SHORT_LEAK_FLOOR = 1.0;

    /**
     * The share of the cell's 1 C current (its nominal capacity per hour) against which a voltage hold's current change
     * is taken where the current is smaller (the step floor of a hold, StepSizeControl.relativeGrowth's floor): a current
     * through zero (a hold whose current changes sign) is followed in steps of 1e-5 C, not ever shorter ones
     * (docs/solid-state-solver.md, "A hold whose current changes sign").
     */
    public static final double HOLD_CURRENT_FLOOR_C_RATE = 1e-3;
}

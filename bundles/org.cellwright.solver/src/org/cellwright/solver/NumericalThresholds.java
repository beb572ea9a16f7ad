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

    /**
     * The share of the cell's lithium (its inventory's total, as charge) that a cycle must store for its Coulombic
     * efficiency to be recorded ({@link CycleBook#resolves}): a cycle storing less has none (an empty cell of cycles.csv,
     * null in summary.json with {@code efficiency_unresolved}, "-" in the CLI, the check's value missing). The most
     * precise cyclers count a cycle's charge to about 1e-4 of it (Smith, Burns, Trussler, Dahn, J. Electrochem. Soc. 157
     * (2010) A196: Coulombic efficiencies to +-0.01 %), so a charge below 1e-4 of the cell's capacity is no measurement
     * of what the cycle stored; 1e-5 of the cell's lithium (which holds at least its capacity, and a Li foil's reserve
     * besides) keeps every cycle such a cycler resolves. Without it the interlayer half cell at -10 degC, whose 3 mA/cm2
     * stripping crossed its cut-off at once, read 9 974 631 % for the 1e-5 mAh/cm2 a hold then plated, and cycles of
     * 1e-7 mAh/cm2 after a lost contact 1 008 % (session 26; docs/calibration.md, "Numerical thresholds"). The same
     * share is the least a discharge must pass to be a capacity retention's reference (SummaryJsonWriter.passedCharge,
     * session 38: two discharges of 1.2e-10 mAh/cm2 after a lost contact read a retention of 0.99999999984).
     */
    public static final double EFFICIENCY_RESOLUTION_SHARE = 1e-5;
}

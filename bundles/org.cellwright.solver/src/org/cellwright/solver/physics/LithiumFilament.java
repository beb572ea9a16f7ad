package org.cellwright.solver.physics;

/**
 * Short-circuit criterion: where Li plated against the SE presses on it harder than the SE bears (pressure ratio
 * p_Li / sigma_pen > 1, {@link LithiumFlowStress#pressureOnElectrolyte}), a Li filament grows into SE flaws
 * (Porz et al., Adv. Energy Mater. 2017, DOI 10.1002/aenm.201701003: Li-filled cracks driven by the Li pressure).
 * Its tip advances at the plating velocity i V_m / F focused into the flaw by {@link #FOCUSING} and scaled by the
 * overload (ratio - 1); the cell shorts when the filament spans the separator.
 */
public final class LithiumFilament {
    /** Current focusing into the flaws (ratio of plated area to flaw cross-section); calibrated: a few cycles at 65 MPa. */
    public static final double FOCUSING = 100;

    private final double separatorThickness, molarVolume;
    private double length, trialLength;

    public LithiumFilament(double separatorThickness, double molarVolume) {
        this.separatorThickness = separatorThickness;
        this.molarVolume = molarVolume;
    }

    /** Trial growth over dt for plating current density i [A/m2] (magnitude) at pressure ratio. */
    public void trial(double dt, double platingCurrent, double ratio) {
        trialLength = length;
        if (ratio > 1 && platingCurrent > 0)
            trialLength += dt * platingCurrent * molarVolume / Constants.F * FOCUSING * (ratio - 1);
    }

    public void commit() { length = trialLength; }

    /**
     * Conductance scale of the soft-short law [S/m2]; calibrated to the first cycle of the baseline full cell at
     * 65 MPa (Sung et al., Adv. Mater. 2023, DOI 10.1002/adma.202210835: 205.1 mAh/g, CE 86.5 %; model 199 mAh/g,
     * 87 %), the only mechanism here that makes a cell take more charge than its cathode releases.
     */
    public static final double SOFT_SHORT_CONDUCTANCE = 0.035;

    /**
     * Electronic leakage through Li-filled cracks and the reduced, electronically conducting SE at their walls
     * ("soft short", Han et al., Nat. Energy 2019, DOI 10.1038/s41560-019-0368-4): G = G_s f / (1 - f) for the
     * spanned fraction f < 1 [S/m2].
     */
    public double leakageConductance() {
        double f = fraction();
        if (f <= 0) return 0;
        if (f >= 1) return Double.POSITIVE_INFINITY;
        return SOFT_SHORT_CONDUCTANCE * f / (1 - f);
    }

    public double length() { return length; }

    /** Fraction of the separator spanned (1 = short circuit). */
    public double fraction() { return separatorThickness > 0 ? length / separatorThickness : 0; }
}

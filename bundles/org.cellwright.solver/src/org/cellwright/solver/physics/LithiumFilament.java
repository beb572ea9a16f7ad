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

    public double length() { return length; }

    /** Fraction of the separator spanned (1 = short circuit). */
    public double fraction() { return separatorThickness > 0 ? length / separatorThickness : 0; }
}

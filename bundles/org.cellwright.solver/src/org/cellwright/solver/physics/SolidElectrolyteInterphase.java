package org.cellwright.solver.physics;

/**
 * Interphase grown by chemical reduction of the SE where Li metal touches it, diffusion limited with parabolic
 * growth L dL/dt = k, i.e. L^2 = L0^2 + 2 k t (Wenzel et al., Solid State Ionics 2018, DOI
 * 10.1016/j.ssi.2017.09.005, for Li6PS5X; Deal-Grove-type law). It grows on the true Li/SE contact area A (per
 * geometric area), consuming c_Li A dL of Li [mol/m2] and adding an area-specific resistance L / (kappa A).
 * Fresh contact (new deposits) starts with the thickness L0 on its share of the area; the tracked thickness is
 * the area-weighted mean. Backward Euler on L^2 (exact for constant area).
 */
public final class SolidElectrolyteInterphase {
    /** Initial thickness of a fresh interphase [m] (a few nm form within seconds of contact). */
    public static final double INITIAL_THICKNESS = 2e-9;

    private final double k, kappa, liContent;
    private double thickness = INITIAL_THICKNESS, trialThickness = INITIAL_THICKNESS;
    private double area = 0, trialArea = 0;
    private double consumed = 0, trialConsumed = 0;

    public SolidElectrolyteInterphase(double growthConstant, double conductivity, double lithiumContent) {
        this.k = growthConstant;
        this.kappa = conductivity;
        this.liContent = lithiumContent;
    }

    /** True if the SE has interphase parameters (otherwise nothing grows). */
    public boolean active() { return k > 0 && liContent > 0; }

    /**
     * Trial step: contact area per geometric area changes to newArea over dt; temperature factor scales k.
     * Returns the Li consumed in this step [mol/m2].
     */
    public double trial(double dt, double newArea, double rateFactor) {
        trialArea = Math.max(0, newArea);
        if (!active() || trialArea == 0) {
            trialThickness = thickness;
            trialConsumed = consumed;
            return 0;
        }
        double l = thickness;
        double grownArea = Math.max(0, trialArea - area);
        // area-weighted mean thickness: new area starts at L0
        double l0 = trialArea > 0 ? (Math.min(area, trialArea) * l + grownArea * INITIAL_THICKNESS) / trialArea : l;
        double l1 = Math.sqrt(l0 * l0 + 2 * k * rateFactor * dt);
        trialThickness = l1;
        double d = liContent * (trialArea * l1 - Math.min(area, trialArea) * l);
        // Li in interphase on area that lost contact stays bound; fresh contact consumes L0 worth immediately
        trialConsumed = consumed + Math.max(0, d);
        return Math.max(0, d);
    }

    /** Area-specific resistance of the interphase for the trial state [Ohm m2 of geometric area]. */
    public double resistance() { return resistance(0); }

    /**
     * As {@link #resistance()}, with the current passing through at least minArea (per geometric area): e.g. 1 for
     * fresh deposits whose current also crosses the thin interphase of new nuclei.
     */
    public double resistance(double minArea) {
        double a = Math.max(trialArea, minArea);
        if (!active() || a <= 0 || kappa <= 0) return 0;
        return trialThickness / (kappa * a);
    }

    /** Resistance of the committed state with at least minArea [Ohm m2]. */
    public double committedResistance(double minArea) {
        double a = Math.max(area, minArea);
        if (!active() || a <= 0 || kappa <= 0) return 0;
        return thickness / (kappa * a);
    }

    public void commit() {
        thickness = trialThickness;
        area = trialArea;
        consumed = trialConsumed;
    }

    public double thickness() { return thickness; }
    public double area() { return area; }
    /** Li bound in the interphase [mol/m2]. */
    public double lithium() { return consumed; }
}

package org.cellwright.solver.physics;

/**
 * Interphase grown by chemical reduction of the SE where Li metal touches it, diffusion limited with parabolic
 * growth L dL/dt = k, i.e. L^2 = L0^2 + 2 k t (Wenzel et al., Solid State Ionics 2018, DOI
 * 10.1016/j.ssi.2017.09.005, for Li6PS5X; Deal-Grove-type law). It grows on the true Li/SE contact area A (per
 * geometric area), consuming c_Li A dL of Li [mol/m2] and adding an area-specific resistance L / (kappa A).
 * Fresh contact (new deposits) starts with the thickness L0 on its share of the area; the tracked thickness is
 * the area-weighted mean. Backward Euler on L^2 (exact for constant area).
 * <p>
 * Temperature: growth and Li+ conduction are both thermally activated, each with its own activation energy
 * ({@link InterphaseTemperatureLaw}), k(T) = k_ref exp(-E_k/R (1/T - 1/T_ref)) and kappa(T) = kappa_ref
 * exp(-E_kappa/R (1/T - 1/T_ref)) (Arrhenius; the
 * interphase is a solid ionic conductor like the SE it grew from, e.g. Li3P, Nazri, Solid State Ionics 1989, DOI
 * 10.1016/0167-2738(89)90438-4). At a given age the area-specific resistance L/(kappa A) then scales as
 * sqrt(k(T))/kappa(T): a warmer cell grows a thicker but better conducting interphase. With the growth law alone
 * (kappa fixed) a cell at 60 C carried an interphase resistance growing as sqrt(k(60 C) t) that a Li foil against
 * the SE could not strip through after 17 cycles.
 */
public final class SolidElectrolyteInterphase {
    /** Initial thickness of a fresh interphase [m] (a few nm form within seconds of contact). */
    public static final double INITIAL_THICKNESS = 2e-9;

    private final double liContent;
    private final InterphaseTemperatureLaw law;
    private double thickness = INITIAL_THICKNESS, trialThickness = INITIAL_THICKNESS;
    private double area = 0, trialArea = 0;
    private double consumed = 0, trialConsumed = 0;

    /** An interphase whose growth and conduction do not depend on temperature. */
    public SolidElectrolyteInterphase(double growthConstant, double conductivity, double lithiumContent) {
        this(growthConstant, conductivity, lithiumContent, 0, 0);
    }

    /** With the reference temperature {@link Constants#T_REF}. */
    public SolidElectrolyteInterphase(double growthConstant, double conductivity, double lithiumContent,
            double growthActivationEnergy, double conductionActivationEnergy) {
        this(growthConstant, conductivity, lithiumContent, growthActivationEnergy, conductionActivationEnergy, Constants.T_REF);
    }

    /**
     * @param growthConstant k at the reference temperature [m2/s]
     * @param conductivity Li+ conductivity kappa of the interphase at the reference temperature [S/m]
     * @param lithiumContent Li bound per interphase volume [mol/m3]
     * @param growthActivationEnergy E_k [J/mol]
     * @param conductionActivationEnergy E_kappa [J/mol]
     * @param referenceTemperature the SE's reference temperature [K]
     */
    public SolidElectrolyteInterphase(double growthConstant, double conductivity, double lithiumContent,
            double growthActivationEnergy, double conductionActivationEnergy, double referenceTemperature) {
        this.liContent = lithiumContent;
        this.law = new InterphaseTemperatureLaw(growthConstant, conductivity, growthActivationEnergy,
                conductionActivationEnergy, referenceTemperature);
    }

    /** Sets the temperature [K] of growth ({@link #trial(double, double)}) and conduction ({@link #resistance()}). */
    public void setTemperature(double temperature) { law.setTemperature(temperature); }

    /** Growth constant k(T) [m2/s] at the temperature set last. */
    public double growthConstant() { return law.growthConstant(); }

    /** Li+ conductivity kappa(T) [S/m] at the temperature set last. */
    public double conductivity() { return law.conductivity(); }

    /** True if the SE has interphase parameters (otherwise nothing grows). */
    public boolean active() { return law.referenceGrowthConstant() > 0 && liContent > 0; }

    /**
     * Trial step: contact area per geometric area changes to newArea over dt, growth at k(T) of the temperature set
     * last ({@link #setTemperature(double)}). Returns the Li consumed in this step [mol/m2].
     */
    public double trial(double dt, double newArea) {
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
        double l1 = Math.sqrt(l0 * l0 + 2 * law.growthConstant() * dt);
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
        if (!active() || a <= 0 || law.referenceConductivity() <= 0) return 0;
        return trialThickness / (conductivity() * a); // R = L / (kappa(T) A)
    }

    /** Resistance of the committed state with at least minArea [Ohm m2]. */
    public double committedResistance(double minArea) {
        double a = Math.max(area, minArea);
        if (!active() || a <= 0 || law.referenceConductivity() <= 0) return 0;
        return thickness / (conductivity() * a);
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

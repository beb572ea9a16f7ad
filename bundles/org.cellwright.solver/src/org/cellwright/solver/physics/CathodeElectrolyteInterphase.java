package org.cellwright.solver.physics;

import static org.cellwright.solver.input.MaterialProperty.*;

import org.cellwright.solver.input.MaterialSpec;

/**
 * Cathode-electrolyte interphase on the active material's surface (Koerver et al., Chem. Mater. 2017, DOI
 * 10.1021/acs.chemmater.7b00931): parabolic growth L^2 = L0^2 + 2 k(T) t and a film resistance L / kappa(T) per
 * active surface area, in series with the charge transfer. Growth and Li+ conduction follow the
 * {@link InterphaseTemperatureLaw}, each with its own activation energy (the material's interphase-activation-energy
 * and interphase-conduction-activation-energy, the latter defaulting to its ionic-activation-energy, else none).
 * Backward Euler on L^2 (exact at constant temperature). The catholyte it oxidises while growing is the
 * {@link CompositeCathode}'s business.
 */
public final class CathodeElectrolyteInterphase {
    private final InterphaseTemperatureLaw law;
    private double thickness = SolidElectrolyteInterphase.INITIAL_THICKNESS, trialThickness = thickness;

    public CathodeElectrolyteInterphase(InterphaseTemperatureLaw law) { this.law = law; }

    /** The interphase of an active material's interphase-* properties, Arrhenius about its reference temperature. */
    public static CathodeElectrolyteInterphase of(MaterialSpec activeMaterial) {
        MaterialSpec am = activeMaterial;
        return new CathodeElectrolyteInterphase(new InterphaseTemperatureLaw(am.get(INTERPHASE_GROWTH_CONSTANT, 0),
                am.get(INTERPHASE_CONDUCTIVITY, 1e-4), am.get(INTERPHASE_ACTIVATION_ENERGY, 0),
                am.get(INTERPHASE_CONDUCTION_ACTIVATION_ENERGY, am.get(IONIC_ACTIVATION_ENERGY, 0)),
                am.get(REFERENCE_TEMPERATURE, Constants.T_REF)));
    }

    /** Sets the temperature [K] of growth and conduction. */
    public void setTemperature(double temperature) { law.setTemperature(temperature); }

    /** The temperature law (k(T), kappa(T)). */
    public InterphaseTemperatureLaw law() { return law; }

    /** True if the interphase grows (otherwise it has no resistance either). */
    public boolean active() { return law.referenceGrowthConstant() > 0; }

    /** Trial step of duration dt [s]; returns the trial thickness [m]. */
    public double trial(double dt) {
        trialThickness = active() ? Math.sqrt(thickness * thickness + 2 * law.growthConstant() * dt) : thickness;
        return trialThickness;
    }

    /** Film resistance of the trial state per active surface area [Ohm m2]: R = L / kappa(T). */
    public double resistance() {
        return active() && law.conductivity() > 0 ? trialThickness / law.conductivity() : 0;
    }

    public void commit() { thickness = trialThickness; }

    /** Committed thickness [m]. */
    public double thickness() { return thickness; }

    /** Thickness of the last trial [m]. */
    public double trialThickness() { return trialThickness; }
}

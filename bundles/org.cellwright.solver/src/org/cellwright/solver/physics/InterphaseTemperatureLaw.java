package org.cellwright.solver.physics;

/**
 * Temperature law of an interphase grown on an electrode or an electrolyte (issue 4: Arrhenius on conductivities
 * and rates): its parabolic growth constant k and its Li+ conductivity kappa are each thermally activated with their
 * own activation energy. At a given age the interphase's area-specific resistance L/kappa then scales as
 * sqrt(k(T))/kappa(T). Used by the Li/SE interphase ({@link SolidElectrolyteInterphase}) and the
 * cathode-electrolyte interphase ({@link CathodeElectrolyteInterphase}).
 */
public final class InterphaseTemperatureLaw {
    private final double k, kappa, growthEa, conductionEa, tref;
    private double growthFactor = 1, conductionFactor = 1;

    /**
     * @param growthConstant k at the reference temperature [m2/s]
     * @param conductivity kappa at the reference temperature [S/m]
     * @param growthActivationEnergy E_k [J/mol]
     * @param conductionActivationEnergy E_kappa [J/mol]
     * @param referenceTemperature T_ref [K]
     */
    public InterphaseTemperatureLaw(double growthConstant, double conductivity, double growthActivationEnergy,
            double conductionActivationEnergy, double referenceTemperature) {
        this.k = growthConstant;
        this.kappa = conductivity;
        this.growthEa = growthActivationEnergy;
        this.conductionEa = conductionActivationEnergy;
        this.tref = referenceTemperature;
    }

    /** Sets the temperature [K] of {@link #growthConstant()} and {@link #conductivity()}. */
    public void setTemperature(double temperature) {
        // k(T) = k_ref exp(-E_k/R (1/T - 1/T_ref)), kappa(T) = kappa_ref exp(-E_kappa/R (1/T - 1/T_ref)) (Arrhenius)
        growthFactor = Constants.arrhenius(growthEa, temperature, tref);
        conductionFactor = Constants.arrhenius(conductionEa, temperature, tref);
    }

    /** Growth constant k(T) [m2/s] at the temperature set last. */
    public double growthConstant() { return k * growthFactor; }

    /** Li+ conductivity kappa(T) [S/m] at the temperature set last. */
    public double conductivity() { return kappa * conductionFactor; }

    /** Growth constant at the reference temperature [m2/s]. */
    public double referenceGrowthConstant() { return k; }

    /** Conductivity at the reference temperature [S/m]. */
    public double referenceConductivity() { return kappa; }
}

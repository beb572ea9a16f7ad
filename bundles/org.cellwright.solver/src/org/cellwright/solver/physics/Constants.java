package org.cellwright.solver.physics;

/** Physical constants (CODATA 2018). */
public final class Constants {
    /** Faraday constant [C/mol]. */
    public static final double F = 96485.33212;
    /** Gas constant [J/(mol K)]. */
    public static final double R = 8.314462618;
    /** Boltzmann constant [J/K]. */
    public static final double KB = 1.380649e-23;
    /** Avogadro constant [1/mol]. */
    public static final double NA = 6.02214076e23;
    /**
     * Melting point of lithium [K]: 180.5 degC (CRC Handbook of Chemistry and Physics, 97th ed., 2016, "Melting, boiling,
     * triple, and critical points of the elements"). The solid-state model's lithium is a solid (its flow stress, creep,
     * plating and contact); above this it describes nothing real.
     */
    public static final double LITHIUM_MELTING_POINT = 453.65;
    /** Default reference temperature of Arrhenius laws [K]. */
    public static final double T_REF = 298.15;

    private Constants() {}

    /** Arrhenius factor exp(-Ea/R (1/T - 1/Tref)) (Arrhenius 1889; e.g. Bard and Faulkner, Electrochemical Methods, 2001). */
    public static double arrhenius(double activationEnergy, double temperature, double referenceTemperature) {
        if (activationEnergy == 0 || temperature == referenceTemperature) return 1.0; // exp(0), without the call
        return Math.exp(-activationEnergy / R * (1.0 / temperature - 1.0 / referenceTemperature));
    }
}

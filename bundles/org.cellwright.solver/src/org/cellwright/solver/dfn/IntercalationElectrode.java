package org.cellwright.solver.dfn;

/**
 * A porous intercalation electrode of the DFN model: one particle population in an electrolyte-filled matrix.
 * Specific surface a = 3 eps_s / R_p [1/m] (spheres).
 *
 * @param thickness [m]
 * @param porosity electrolyte volume fraction [-]
 * @param activeFraction active-material volume fraction eps_s [-]
 * @param electrolyteBruggeman exponent b of the electrolyte phase's efficiency porosity^b
 * @param solid electron conduction
 * @param particle particle diffusion
 * @param initialConcentration lithium in the particles at t = 0 [mol/m3]
 * @param ocp open-circuit potential U(c_s,surf / c_max, T)
 * @param kinetics Butler-Volmer with its exchange current
 */
public record IntercalationElectrode(String name, double thickness, double porosity, double activeFraction,
        double electrolyteBruggeman, OhmicSolidPhase solid, FickianParticle particle, double initialConcentration,
        OpenCircuitPotential ocp, ButlerVolmerKinetics kinetics) {

    public double specificSurface() { return 3 * activeFraction / particle.radius(); }

    public double electrolyteEfficiency() { return Bruggeman.transportEfficiency(porosity, electrolyteBruggeman); }

    /** Lithium capacity between stoichiometries 0 and 1 per electrode area [C/m2]. */
    public double capacityPerArea() {
        return activeFraction * thickness * particle.maximumConcentration() * org.cellwright.solver.physics.Constants.F;
    }
}

package org.cellwright.solver.dfn;

/**
 * One population of active-material particles in a porous electrode: its own volume fraction, radius, maximum
 * concentration, diffusivity, OCP and exchange current (BPX "Blended electrode": each particle type is a separate
 * set of parameters sharing the electrode's electrolyte and solid potential). Specific surface a = 3 eps_s / R_p
 * [1/m] (spheres).
 *
 * @param activeFraction volume fraction eps_s of this population in the electrode [-]
 * @param particle particle diffusion
 * @param initialConcentration lithium in the particles at t = 0 [mol/m3]
 * @param ocp open-circuit potential U(c_s,surf / c_max, T)
 * @param kinetics Butler-Volmer with its exchange current
 */
public record ParticlePopulation(String name, double activeFraction, FickianParticle particle, double initialConcentration,
        OpenCircuitPotential ocp, ButlerVolmerKinetics kinetics) {

    public double specificSurface() { return 3 * activeFraction / particle.radius(); }

    /**
     * The OCP at the particle surface's stoichiometry x in the reaction's direction ({@link OpenCircuitPotential#at(double,
     * double, double)}): the material's OCP on [0, 1] with the barrier at the range's ends ({@link StoichiometryBarrier}).
     */
    public double surfaceOcp(double x, double temperature, double reaction) {
        return StoichiometryBarrier.ocp(ocp, x, temperature, reaction);
    }

    /** d/dx of {@link #surfaceOcp} [V] (StoichiometryBarrier.ocpSlope). */
    public double surfaceOcpSlope(double x, double temperature, double reaction) {
        return StoichiometryBarrier.ocpSlope(ocp, x, temperature, reaction);
    }

    /** Lithium capacity between stoichiometries 0 and 1 per electrode area of an electrode of this thickness [C/m2]. */
    public double capacityPerArea(double thickness) {
        return activeFraction * thickness * particle.maximumConcentration() * org.cellwright.solver.physics.Constants.F;
    }
}

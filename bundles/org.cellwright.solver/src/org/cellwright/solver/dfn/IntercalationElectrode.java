package org.cellwright.solver.dfn;

import java.util.List;

/**
 * A porous intercalation electrode of the DFN model: one or more particle populations (a blend, as BPX's "Blended
 * electrode") in an electrolyte-filled matrix; the populations share the electrode's electrolyte and solid potential,
 * each reacts at its own rate j_k on its own surface a_k.
 *
 * @param thickness [m]
 * @param porosity electrolyte volume fraction [-]
 * @param electrolyteBruggeman exponent b of the electrolyte phase's efficiency porosity^b
 * @param solid electron conduction
 * @param populations the particle populations (one for a single active material)
 */
public record IntercalationElectrode(String name, double thickness, double porosity, double electrolyteBruggeman,
        OhmicSolidPhase solid, List<ParticlePopulation> populations) implements NegativeElectrode {

    public IntercalationElectrode {
        populations = List.copyOf(populations);
        if (populations.isEmpty()) throw new IllegalArgumentException(name + ": an intercalation electrode needs a particle population");
    }

    /**
     * A single-population electrode.
     *
     * @param activeFraction active-material volume fraction eps_s [-]
     * @param particle particle diffusion
     * @param initialConcentration lithium in the particles at t = 0 [mol/m3]
     * @param ocp open-circuit potential U(c_s,surf / c_max, T)
     * @param kinetics Butler-Volmer with its exchange current
     */
    public IntercalationElectrode(String name, double thickness, double porosity, double activeFraction,
            double electrolyteBruggeman, OhmicSolidPhase solid, FickianParticle particle, double initialConcentration,
            OpenCircuitPotential ocp, ButlerVolmerKinetics kinetics) {
        this(name, thickness, porosity, electrolyteBruggeman, solid,
                List.of(new ParticlePopulation(name, activeFraction, particle, initialConcentration, ocp, kinetics)));
    }

    /** A blend: the same matrix with these populations instead. */
    public IntercalationElectrode withPopulations(List<ParticlePopulation> blend) {
        return new IntercalationElectrode(name, thickness, porosity, electrolyteBruggeman, solid, blend);
    }

    public boolean isBlend() { return populations.size() > 1; }

    /** The one population of a single-material electrode (refused for a blend, where it would be ambiguous). */
    public ParticlePopulation population() {
        if (isBlend()) throw new IllegalStateException(name + " is a blend of " + populations.size() + " particle populations");
        return populations.get(0);
    }

    /** Active-material volume fraction, all populations together [-]. */
    public double activeFraction() {
        double s = 0;
        for (ParticlePopulation p : populations) s += p.activeFraction();
        return s;
    }

    public FickianParticle particle() { return population().particle(); }

    public double initialConcentration() { return population().initialConcentration(); }

    public OpenCircuitPotential ocp() { return population().ocp(); }

    public ButlerVolmerKinetics kinetics() { return population().kinetics(); }

    /** Reacting surface per volume of electrode, all populations together [1/m]. */
    public double specificSurface() {
        double s = 0;
        for (ParticlePopulation p : populations) s += p.specificSurface();
        return s;
    }

    public double electrolyteEfficiency() { return Bruggeman.transportEfficiency(porosity, electrolyteBruggeman); }

    /** Lithium capacity between stoichiometries 0 and 1 per electrode area [C/m2], all populations together. */
    public double capacityPerArea() {
        double s = 0;
        for (ParticlePopulation p : populations) s += p.capacityPerArea(thickness);
        return s;
    }
}

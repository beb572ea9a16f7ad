package org.cellwright.solver.dfn;

/**
 * An OCP measured at a reference temperature with its entropic coefficient dU/dT, extended to other temperatures to
 * first order: U(x, T) = U(x, T_ref) + (T - T_ref) dU/dT(x, T) (Bernardi, Pawlikowski and Newman 1985; as PyBaMM's
 * "OCP entropic change"). At T = T_ref it is the reference OCP exactly.
 *
 * @param reference U(x, T_ref) [V] (evaluated at T_ref)
 * @param entropicChange dU/dT(x, T) [V/K]
 * @param referenceTemperature T_ref [K]
 */
public record EntropicOpenCircuitPotential(OpenCircuitPotential reference, StateFunction entropicChange,
        double referenceTemperature) implements OpenCircuitPotential {

    @Override
    public double at(double stoichiometry, double temperature) {
        double u = reference.at(stoichiometry, referenceTemperature);
        if (temperature == referenceTemperature) return u; // the entropic term is 0: not evaluated (hot path of the DFN)
        return u + (temperature - referenceTemperature) * entropicChange.at(stoichiometry, temperature);
    }

    /** The reference OCP's branch for this reaction direction (a hysteresis keeps its branches), shifted the same way. */
    @Override
    public double at(double stoichiometry, double temperature, double reaction) {
        double u = reference.at(stoichiometry, referenceTemperature, reaction);
        if (temperature == referenceTemperature) return u;
        return u + (temperature - referenceTemperature) * entropicChange.at(stoichiometry, temperature);
    }

    @Override
    public double entropicChange(double stoichiometry, double temperature) {
        return entropicChange.at(stoichiometry, temperature);
    }
}

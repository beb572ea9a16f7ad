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
        return shifted(reference.at(stoichiometry, referenceTemperature), stoichiometry, temperature);
    }

    /** The reference OCP's branch for this reaction direction (a hysteresis keeps its branches), shifted the same way. */
    @Override
    public double at(double stoichiometry, double temperature, double reaction) {
        return shifted(reference.at(stoichiometry, referenceTemperature, reaction), stoichiometry, temperature);
    }

    /** u at T_ref moved to temperature by the entropic term (0 at T_ref: not evaluated, the DFN's hot path). */
    private double shifted(double u, double stoichiometry, double temperature) {
        if (temperature == referenceTemperature) return u;
        return u + (temperature - referenceTemperature) * entropicChange.at(stoichiometry, temperature);
    }

    /** dU/dx: the reference branch's slope, plus (T - T_ref) d(dU/dT)/dx (by a central difference) away from T_ref. */
    @Override
    public double slope(double stoichiometry, double temperature, double reaction) {
        double s = reference.slope(stoichiometry, referenceTemperature, reaction);
        if (temperature == referenceTemperature) return s;
        return s + (temperature - referenceTemperature) * OpenCircuitPotential.centralDifference(x -> entropicChange.at(x, temperature), stoichiometry);
    }

    @Override
    public boolean hasHysteresis() { return reference.hasHysteresis(); }

    @Override
    public double entropicChange(double stoichiometry, double temperature) {
        return entropicChange.at(stoichiometry, temperature);
    }
}

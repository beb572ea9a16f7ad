package org.cellwright.solver.dfn;

/**
 * Heat generated in a DFN cell per m2 of electrode, Bernardi, Pawlikowski and Newman (J. Electrochem. Soc. 132, 5,
 * 1985, eq. 5 without mixing and phase change), summed over every particle population k of both electrodes:
 * q = -sum_k R_k (U_k - T dU_k/dT) - I V, with R_k = integral of a_k j_k dx the population's reaction current [A/m2]
 * (positive = oxidation) and U_k at its mean stoichiometry. With one population per electrode R = +-I and this is
 * q = I (U_oc - V) - I T dU_oc/dT: the irreversible part I (U_oc - V) and the reversible (entropic) part
 * -I T dU_oc/dT. In a blend the populations exchange lithium even at rest, and that heat is in the irreversible part.
 *
 * @param irreversible -sum_k R_k U_k - I V [W/m2]
 * @param reversible sum_k R_k T dU_k/dT [W/m2]
 */
public record BernardiHeat(double irreversible, double reversible) {

    public double total() { return irreversible + reversible; }

    /** The heat of the model in state y at time t (its current temperature). */
    public static BernardiHeat of(DfnModel model, double t, double[] y) {
        double temperature = model.temperature();
        double equilibrium = 0, reversible = 0;
        for (int d = 0; d <= 2; d += 2)
            for (int k = 0; k < model.populations(d); k++) {
                OpenCircuitPotential u = model.population(d, k).ocp();
                double x = model.meanStoichiometry(y, d, k), r = model.populationCurrent(y, d, k);
                equilibrium -= r * u.at(x, temperature);
                reversible += r * temperature * u.entropicChange(x, temperature);
            }
        return new BernardiHeat(equilibrium - model.current(t, y) * model.voltage(t, y), reversible);
    }
}

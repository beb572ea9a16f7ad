package org.cellwright.solver.dfn;

/**
 * Heat of the interfacial reaction per volume of electrode [W/m3], with a j the reaction current per volume [A/m3]
 * (positive = oxidation) (Rao and Newman, J. Electrochem. Soc. 144 (1997) 2697; PyBaMM's thermal submodels,
 * {@code BaseThermal}: "Irreversible electrochemical heating", "Reversible heating", "Hysteresis electrochemical
 * heating").
 */
public final class ElectrochemicalHeat {
    private ElectrochemicalHeat() {}

    /** Irreversible reaction heat a j eta, eta = phi_s - phi_e - U(c_s,surf) the reaction overpotential (>= 0 for Butler-Volmer). */
    public static double irreversible(double reactionCurrent, double overpotential) {
        return reactionCurrent * overpotential;
    }

    /** Reversible (entropic) heat a j T dU/dT at the particle surface (Bernardi et al. 1985's -I T dU/dT, locally). */
    public static double reversible(double reactionCurrent, double temperature, double entropicChange) {
        return reactionCurrent * temperature * entropicChange;
    }

    /** Hysteresis heat a j (U_branch - U_eq): the OCP branch the reaction follows against the mean (Wycisk et al. 2023). */
    public static double hysteresis(double reactionCurrent, double branchPotential, double equilibriumPotential) {
        return reactionCurrent * (branchPotential - equilibriumPotential);
    }
}

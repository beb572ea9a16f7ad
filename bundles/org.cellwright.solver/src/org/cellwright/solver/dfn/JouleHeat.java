package org.cellwright.solver.dfn;

/**
 * Ohmic (Joule) heat of the currents in a porous-electrode cell, the two ohmic terms of the local heat source
 * q = -i_s . grad phi_s - i_e . grad phi_e + ... (Rao and Newman, J. Electrochem. Soc. 144 (1997) 2697, the local form of
 * Bernardi et al. 1985; PyBaMM's thermal submodels, {@code BaseThermal._get_standard_coupled_variables}, "Ohmic
 * heating"). Each method gives the heat of one gap of width dx between two potentials, per m2 of electrode [W/m2]
 * (the volumetric heat times dx), as the finite volumes' face fluxes see it.
 */
public final class JouleHeat {
    private JouleHeat() {}

    /**
     * Solid phase: -i_s . grad phi_s = sigma_eff |grad phi_s|^2, over a gap with potential step dPhi and conductance
     * G = sigma_eff / dx: G dPhi^2.
     */
    public static double solid(double conductance, double dPhi) {
        return conductance * dPhi * dPhi;
    }

    /**
     * Electrolyte: -i_e . grad phi_e with i_e = -kappa_eff grad phi_e + kappa_D,eff grad ln c_e, i.e. kappa_eff |grad
     * phi_e|^2 - kappa_D,eff grad ln c_e . grad phi_e (the second, diffusional term has either sign). Over a gap with
     * steps dPhi and dLnC and the gap's series conductances (W/m2 = the current through the gap times -dPhi).
     *
     * @param conductance kappa_eff / dx of the gap [S/m2]
     * @param diffusionalConductance kappa_D,eff / dx of the gap [A/m2]
     */
    public static double electrolyte(double conductance, double diffusionalConductance, double dPhi, double dLnC) {
        double current = -conductance * dPhi + diffusionalConductance * dLnC;
        return -current * dPhi;
    }

    /** A conductor carrying current density I through thickness L (a foil, a collector): I^2 L / sigma [W/m2]. */
    public static double conductor(double current, double thickness, double conductivity) {
        return thickness == 0 ? 0 : current * current * thickness / conductivity;
    }
}

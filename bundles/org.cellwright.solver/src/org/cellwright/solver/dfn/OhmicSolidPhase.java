package org.cellwright.solver.dfn;

/**
 * Electron conduction in the solid matrix of a porous electrode, Ohm's law i_s = -sigma_eff dphi_s/dx with charge
 * balance di_s/dx = -a j (Newman and Thomas-Alyea 2004, eq. 22.9 and 22.2), sigma_eff = sigma tau_s.
 */
public record OhmicSolidPhase(double conductivity, double conductingFraction, double bruggemanExponent) {

    public double effectiveConductivity() {
        return conductivity * Bruggeman.transportEfficiency(conductingFraction, bruggemanExponent);
    }

    /**
     * Ohm's law across a face of the finite volumes: i_s = -G (phi_s,right - phi_s,left) [A/m2], G the face's
     * conductance from sigma_eff ({@link org.cellwright.solver.numerics.fv.FaceConductance}).
     */
    public static double current(double conductance, double dPhi) {
        return -conductance * dPhi;
    }
}

package org.cellwright.solver.dfn;

/**
 * Electron conduction in the solid matrix of a porous electrode, Ohm's law i_s = -sigma_eff dphi_s/dx with charge
 * balance di_s/dx = -a j (Newman and Thomas-Alyea 2004, eq. 22.9 and 22.2), sigma_eff = sigma tau_s.
 */
public record OhmicSolidPhase(double conductivity, double conductingFraction, double bruggemanExponent) {

    public double effectiveConductivity() {
        return conductivity * Bruggeman.transportEfficiency(conductingFraction, bruggemanExponent);
    }
}

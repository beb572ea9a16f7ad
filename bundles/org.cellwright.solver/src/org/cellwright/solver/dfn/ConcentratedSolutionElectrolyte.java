package org.cellwright.solver.dfn;

import static org.cellwright.solver.physics.Constants.F;
import static org.cellwright.solver.physics.Constants.R;

/**
 * Concentrated-solution theory of a binary electrolyte in a porous medium (Newman and Thomas-Alyea 2004, eq. 12.23 and
 * 22.3-22.5; Doyle, Fuller and Newman 1993): ionic current
 * i_e = -kappa_eff dphi_e/dx + kappa_eff 2 (1 - t+) (1 + dln f/dln c) R T / F dln c/dx,
 * salt flux N = -D_eff dc/dx + t+ i_e / F, mass balance d(eps c)/dt = -dN/dx + a j / F.
 * Here the face values are built from the two neighbouring cells by {@code FaceConductance}; this class supplies the
 * local coefficients.
 */
public final class ConcentratedSolutionElectrolyte {
    private final LiquidElectrolyte e;

    public ConcentratedSolutionElectrolyte(LiquidElectrolyte electrolyte) { this.e = electrolyte; }

    public LiquidElectrolyte electrolyte() { return e; }

    /** Effective conductivity tau kappa(c, T) [S/m]. */
    public double conductivity(double c, double temperature, double efficiency) {
        return efficiency * e.conductivity().at(c, temperature);
    }

    /**
     * Diffusional conductivity kappa_D = tau kappa 2 (1 - t+) TDF R T / F [A/m]: the coefficient of dln c/dx in i_e
     * (Newman and Thomas-Alyea eq. 12.23 with d mu = RT (1 + dln f/dln c) dln c, binary 1:1 salt).
     */
    public double diffusionalConductivity(double c, double temperature, double efficiency) {
        return diffusionalConductivity(conductivity(c, temperature, efficiency), e.transferenceNumber().at(c, temperature), c, temperature);
    }

    /** kappa_D as above from the effective conductivity and t+ already evaluated at (c, T) (the residual's cells). */
    public double diffusionalConductivity(double effectiveConductivity, double transferenceNumber, double c, double temperature) {
        return effectiveConductivity * 2 * (1 - transferenceNumber) * e.thermodynamicFactor().at(c, temperature) * R * temperature / F;
    }

    /** Effective salt diffusivity tau D(c, T) [m2/s]. */
    public double diffusivity(double c, double temperature, double efficiency) {
        return efficiency * e.diffusivity().at(c, temperature);
    }

    public double transferenceNumber(double c, double temperature) {
        return e.transferenceNumber().at(c, temperature);
    }

    /** Salt flux N = -D_eff dc/dx + t+ i_e / F from its two parts [mol/(m2 s)]. */
    public static double saltFlux(double diffusiveFlux, double transferenceNumber, double ionicCurrent) {
        return diffusiveFlux + transferenceNumber * ionicCurrent / F;
    }
}

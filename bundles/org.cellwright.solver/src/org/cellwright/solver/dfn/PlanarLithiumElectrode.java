package org.cellwright.solver.dfn;

import static org.cellwright.solver.physics.Constants.F;
import static org.cellwright.solver.physics.Constants.R;

/**
 * A lithium-metal foil as the negative electrode of a DFN cell (a mixed cell Li | liquid electrolyte | porous
 * cathode): a planar interface at x = 0, no porous domain. Li = Li+ + e- on the foil by Butler-Volmer kinetics
 * (Bard and Faulkner 2001, eq. 3.4.11) with U = 0 (the Li/Li+ reference): I = i0(c_e, T) [exp(alpha_a F eta/RT) -
 * exp(-alpha_c F eta/RT)], alpha_c = 1 - alpha_a, eta = phi_s - phi_e - 0 at the foil surface. The foil's collector side
 * is grounded (phi_s = 0); the foil conducts the current with Ohm's law, so the electrolyte potential at the foil is
 * phi_e(0) = -I L / sigma - eta (as PyBaMM's half-cell model, Marquis et al. 2019's planar electrode). All current
 * enters the electrolyte as Li+ there: salt flux N(0) = i_e(0) / F, of which (1 - t+) I / F by diffusion.
 *
 * <p>The foil's own lithium: thickness / V_Li per m2 at the start ({@link #lithium()}); the cell's model keeps what is
 * left ({@code DfnModel.lithiumInFoil}) and the runners end a step that strips it all.
 *
 * @param thickness foil thickness at the start [m] (its lithium and its ohmic drop)
 * @param conductivity electronic conductivity of the foil [S/m]
 * @param exchangeCurrent i0(c_e, T) [A/m2], e.g. {@link LithiumMetalExchangeCurrentDensity}
 * @param anodicTransferCoefficient alpha_a (alpha_c = 1 - alpha_a)
 */
public record PlanarLithiumElectrode(String name, double thickness, double conductivity, StateFunction exchangeCurrent,
        double anodicTransferCoefficient) implements NegativeElectrode {

    /**
     * Partial molar volume of lithium metal V_Li [m3/mol]: its molar concentration 1 / V_Li = 7.69e4 mol/m3 (PyBaMM's
     * Xu2019 set, "Lithium metal partial molar volume [m3.mol-1]"; 6.941 g/mol over 0.534 g/cm3 is 1.2998e-5).
     */
    public static final double MOLAR_VOLUME = 1.3e-5;

    /** The foil's lithium at the start per m2 of electrode [mol/m2]: thickness / V_Li. */
    public double lithium() { return thickness / MOLAR_VOLUME; }

    /** Overpotential eta [V] that carries current density I [A/m2, positive = stripping] at salt concentration c_e. */
    public double overpotential(double current, double ce, double temperature) {
        return overpotentialAt(current, exchangeCurrent.at(ce, temperature), temperature);
    }

    /** Overpotential eta [V] that carries current density I [A/m2, positive = stripping] at exchange current i0 [A/m2]. */
    public double overpotentialAt(double current, double i0, double temperature) {
        double f = F / (R * temperature);
        double aa = anodicTransferCoefficient, ac = 1 - aa;
        if (aa == 0.5) return 2 / f * ButlerVolmerKinetics.asinh(current / (2 * i0)); // symmetric: I = 2 i0 sinh(F eta / 2RT)
        double eta = 2 / f * ButlerVolmerKinetics.asinh(current / (2 * i0)); // Newton from the symmetric root (the law is monotonic)
        for (int k = 0; k < 50; k++) {
            double ea = Math.exp(aa * f * eta), ec = Math.exp(-ac * f * eta);
            double r = i0 * (ea - ec) - current, d = i0 * f * (aa * ea + ac * ec);
            double step = r / d;
            eta -= step;
            if (Math.abs(step) < 1e-13) break;
        }
        return eta;
    }

    /**
     * Salt concentration at the foil's surface from the first cell's centre value c0, half a cell (gap) away: the
     * diffusive part of the salt flux carries (1 - t+) I / F, -D_eff dc/dx = (1 - t+) I / F (kept above 1e-3 c0).
     */
    public double surfaceElectrolyteConcentration(double c0, double transferenceNumber, double effectiveDiffusivity, double current, double gap) {
        return Math.max(c0 + (1 - transferenceNumber) * current / F * gap / effectiveDiffusivity, 1e-3 * c0);
    }

    /** Ohmic drop through the foil, I L / sigma [V]. */
    public double ohmicDrop(double current) { return thickness == 0 ? 0 : current * thickness / conductivity; }

    /** Electrolyte potential at the foil surface for a grounded collector, phi_e(0) = -I L / sigma - eta [V]. */
    public double electrolytePotential(double current, double ce, double temperature) {
        return electrolytePotentialAt(current, exchangeCurrent.at(ce, temperature), temperature);
    }

    /** {@link #electrolytePotential} at exchange current i0 [A/m2] (a constant c_e's, taken once). */
    public double electrolytePotentialAt(double current, double i0, double temperature) {
        return -ohmicDrop(current) - overpotentialAt(current, i0, temperature);
    }

}

package org.cellwright.solver.dfn;

import org.cellwright.solver.OverpotentialKind;
import org.cellwright.solver.numerics.fv.FaceConductance;

/**
 * The DFN cell's voltage as its open-circuit voltage plus losses, V = OCV + sum eta_k (the "voltage components" of
 * PyBaMM's DFN, Sulzer et al., J. Open Res. Softw. 9 (2021) 14, from x-averages; here made exact, so that the losses
 * add up to V - OCV to rounding):
 * <ul>
 * <li>each electrode's cells averaged over x (weights dx / L), its populations by capacity (as
 * {@link DfnModel#openCircuitVoltage}); in every cell and population phi_s - phi_e = eta_k + U_k(c_surf) (the kinetics'
 * row), so an electrode's mean phi_s - phi_e is its mean eta (kinetic) plus its mean surface OCP, whose difference from
 * the OCP at the mean stoichiometry is the particles' concentration (diffusion) loss;</li>
 * <li>the solid's ohmic drop between the collector and the electrode's mean phi_s (the positive's collector drop
 * included; a lithium foil's I L / sigma);</li>
 * <li>the electrolyte's drop between the electrodes' mean phi_e, face by face: across a face
 * dphi_e = -i_e / G_kappa + (G_kappaD / G_kappa) dln c_e (the flux law of the model's rows), the first term the
 * ohmic drop, split between the face's two half cells in proportion to their resistances (separator, negative or
 * positive electrode), the second the concentration (diffusion-potential) loss of the electrolyte;</li>
 * <li>a lithium foil's Butler-Volmer overpotential ({@link PlanarLithiumElectrode}).</li>
 * </ul>
 * Signs as {@link OverpotentialKind}: each adds to the voltage, so losses are negative on discharge.
 */
final class VoltageLosses {
    private VoltageLosses() {}

    /** The losses of state y at t, indexed by {@link OverpotentialKind#ordinal()} (0 for kinds a DFN cell has not). */
    static double[] of(DfnModel m, double t, double[] y) {
        double[] eta = new double[OverpotentialKind.values().length];
        var mesh = m.mesh();
        int nx = mesh.cells();
        double temp = m.temperature(), branch = m.branchCurrent(t, y);
        // solid: from the grounded negative collector to the negative's mean phi_s, and from the positive's mean phi_s to the terminal
        double v = m.voltage(t, y);
        add(eta, OverpotentialKind.CATHODE_OHMIC, v - mean(m, y, 2, DfnModel.PHIS));
        PlanarLithiumElectrode foil = m.cell().lithiumMetal();
        double iApp = m.current(t, y);
        if (foil == null) add(eta, OverpotentialKind.ANODE_OHMIC, mean(m, y, 0, DfnModel.PHIS));
        // each electrode's mean phi_s - phi_e as kinetics and surface OCP; the OCP at the mean stoichiometry is the OCV's
        for (int d = foil == null ? 0 : 2; d <= 2; d += 2) {
            double sign = d == 2 ? 1 : -1, kinetic = 0, surface = 0, weights = 0;
            for (int k = 0; k < m.populations(d); k++) {
                ParticlePopulation p = m.population(d, k);
                double cMax = p.particle().maximumConcentration(), w = p.activeFraction() * cMax, len = 0, ek = 0, uk = 0;
                int g0 = mesh.firstCell(d), n = mesh.domains().get(d).cells();
                for (int g = g0; g < g0 + n; g++) {
                    int s = m.coreStart(g);
                    double u = p.surfaceOcp(m.surfaceConcentration(y, g, k) / cMax, temp, d == 0 ? branch : -branch);
                    ek += mesh.width(g) * (y[s + DfnModel.PHIS] - y[s + DfnModel.PHIE] - u);
                    uk += mesh.width(g) * u;
                    len += mesh.width(g);
                }
                kinetic += w * ek / len;
                surface += w * uk / len;
                weights += w;
            }
            add(eta, d == 2 ? OverpotentialKind.CATHODE_KINETIC : OverpotentialKind.ANODE_KINETIC, sign * kinetic / weights);
            add(eta, d == 2 ? OverpotentialKind.CATHODE_DIFFUSION : OverpotentialKind.ANODE_DIFFUSION,
                    sign * (surface / weights - m.electrodeOpenCircuitPotential(y, d)));
        }
        // electrolyte: mean phi_e(positive) - mean phi_e(negative) (or phi_e at the foil) as a sum over faces, each
        // face's drop weighted by the share of the positive's cells beyond it less the negative's
        m.electrolyteCells(y);
        double[] phie = m.electrolytePotentials(y);
        double lp = m.cell().positive().thickness(), ln = foil == null ? m.cell().negative().thickness() : 0;
        double beyondP = 1, beyondN = 1; // shares of each electrode's length beyond the face
        if (foil != null) {
            // face 0: from the foil's surface (its ohmic drop and overpotential) half a cell to the first centre, as the model's boundary
            double cb = m.foilSurfaceConcentration(y, iApp);
            add(eta, OverpotentialKind.ANODE_OHMIC, -foil.ohmicDrop(iApp));
            add(eta, OverpotentialKind.LITHIUM_KINETIC, -foil.overpotential(iApp, cb, temp));
            double phib = foil.electrolytePotential(iApp, cb, temp), drop = phie[0] - phib;
            double concentration = m.diffusionalKappa(0) / m.kappa(0) * (m.logConcentration(0) - Math.log(cb));
            add(eta, OverpotentialKind.ELECTROLYTE_CONCENTRATION, concentration);
            add(eta, ohmicKind(mesh.domainOf(0)), drop - concentration);
            beyondN = 0;
        }
        for (int g = 0; g < nx - 1; g++) {
            int a = mesh.domainOf(g), b = mesh.domainOf(g + 1);
            if (a == 2) beyondP -= mesh.width(g) / lp;
            if (a == 0 && ln > 0) beyondN -= mesh.width(g) / ln;
            double weight = Math.max(0, beyondP) - Math.max(0, beyondN);
            if (weight == 0) continue;
            double da = mesh.halfWidth(g), db = mesh.halfWidth(g + 1);
            double gk = FaceConductance.series(m.kappa(g), da, m.kappa(g + 1), db);
            double gkd = FaceConductance.series(m.diffusionalKappa(g), da, m.diffusionalKappa(g + 1), db);
            double drop = phie[g + 1] - phie[g];
            double concentration = gkd / gk * (m.logConcentration(g + 1) - m.logConcentration(g)), ohmic = drop - concentration;
            double ra = da / m.kappa(g), rb = db / m.kappa(g + 1);
            add(eta, OverpotentialKind.ELECTROLYTE_CONCENTRATION, weight * concentration);
            add(eta, ohmicKind(a), weight * ohmic * ra / (ra + rb));
            add(eta, ohmicKind(b), weight * ohmic * rb / (ra + rb));
        }
        return eta;
    }

    /** Mean over electrode domain d's cells (weights dx / L) of the core unknown at offset. */
    private static double mean(DfnModel m, double[] y, int d, int offset) {
        var mesh = m.mesh();
        int g0 = mesh.firstCell(d), n = mesh.domains().get(d).cells();
        double sum = 0, len = 0;
        for (int g = g0; g < g0 + n; g++) {
            sum += mesh.width(g) * y[m.coreStart(g) + offset];
            len += mesh.width(g);
        }
        return sum / len;
    }

    private static OverpotentialKind ohmicKind(int domain) {
        return switch (domain) {
            case 0 -> OverpotentialKind.ANODE_OHMIC;
            case 1 -> OverpotentialKind.SEPARATOR_OHMIC;
            default -> OverpotentialKind.CATHODE_OHMIC;
        };
    }

    private static void add(double[] eta, OverpotentialKind k, double v) { eta[k.ordinal()] += v; }
}

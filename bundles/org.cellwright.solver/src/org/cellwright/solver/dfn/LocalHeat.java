package org.cellwright.solver.dfn;

import org.cellwright.solver.numerics.fv.CompositeMesh;
import org.cellwright.solver.numerics.fv.FaceConductance;

/**
 * The local heat source of a DFN cell per finite volume (and of a single-particle cell per electrode, {@link
 * #of(SingleParticleModel, double, double[])}), as PyBaMM's lumped model takes it (its "x-lumped" heat, the
 * volume average of the local sources; {@code pybamm/models/submodels/thermal/base_thermal.py}): per x-cell g [W/m3]
 * the solid and electrolyte ohmic heat ({@link JouleHeat}), the irreversible reaction heat a j eta, the reversible heat
 * a j T dU/dT and the hysteresis heat ({@link ElectrochemicalHeat}), eta and dU/dT at the particle surface; with a
 * lithium-metal negative the foil's ohmic heat I^2 L / sigma and its reaction heat I eta [W/m2]. The heat of mixing
 * inside the particles (Thomas and Newman 2003; PyBaMM's option "heat of mixing", off by default) is not in it: the
 * energy held by the particles' concentration gradients is neither heat when they build up nor when they relax.
 * PyBaMM's current collectors' heat I^2 L_cc / sigma_cc is not modelled (the cell has no collector data; 1.5e-9 W/m2 for
 * Chen 2020's collectors at 1 C, against 7 W/m2 in all).
 *
 * <p>The ohmic heat lives on the gaps between cell centres (the face fluxes' control volumes): each gap's heat is
 * shared half and half by its two cells (a boundary half cell's by its cell). The sum over the cell of the irreversible
 * parts is, at a consistent state, -I V - sum_k integral a_k j_k U_k(c_s,surf) dx exactly (summation by parts of the
 * two charge balances), which {@code LocalHeatTest} checks.
 *
 * @param width x-cell widths [m]
 * @param solidOhmic sigma_eff |grad phi_s|^2 per x-cell [W/m3]
 * @param electrolyteOhmic kappa_eff |grad phi_e|^2 - kappa_D,eff grad ln c_e . grad phi_e per x-cell [W/m3]
 * @param reaction sum_k a_k j_k eta_k per x-cell [W/m3]
 * @param reversible sum_k a_k j_k T dU_k/dT per x-cell [W/m3]
 * @param hysteresis sum_k a_k j_k (U_k,branch - U_k,eq) per x-cell [W/m3] (0 without hysteresis)
 * @param foilOhmic the lithium-metal foil's I^2 L / sigma [W/m2] (0 without a foil)
 * @param foilReaction the foil's reaction heat I eta [W/m2] (0 without a foil)
 */
public record LocalHeat(double[] width, double[] solidOhmic, double[] electrolyteOhmic, double[] reaction, double[] reversible,
        double[] hysteresis, double foilOhmic, double foilReaction) {

    /** Ohmic heat per m2 of electrode: solid, electrolyte and foil [W/m2]. */
    public double ohmic() { return integral(solidOhmic) + integral(electrolyteOhmic) + foilOhmic; }

    /** Irreversible heat per m2 of electrode: ohmic, reaction and hysteresis heat [W/m2]. */
    public double irreversible() { return ohmic() + integral(reaction) + integral(hysteresis) + foilReaction; }

    /** Reversible heat per m2 of electrode [W/m2]. */
    public double reversibleTotal() { return integral(reversible); }

    /** All the heat per m2 of electrode [W/m2] (the lumped model's source times the cell's thickness). */
    public double total() { return irreversible() + reversibleTotal(); }

    /** The sum of a per-volume field over the x-cells, sum q_g dx_g [W/m2]. */
    public double integral(double[] perVolume) {
        double s = 0;
        for (int g = 0; g < width.length; g++) s += perVolume[g] * width[g];
        return s;
    }

    /** The local heat of the model in state y at time t, at the model's temperature. */
    public static LocalHeat of(DfnModel model, double t, double[] y) {
        DfnCell cell = model.cell();
        CompositeMesh mesh = model.mesh();
        int nx = mesh.cells();
        double temp = model.temperature(), current = model.current(t, y), branch = model.branchCurrent(t, y);
        double[] w = new double[nx], qs = new double[nx], qe = new double[nx], qr = new double[nx], qrev = new double[nx], qh = new double[nx];
        double[] phie = model.electrolytePotentials(y);
        for (int g = 0; g < nx; g++) w[g] = mesh.width(g);
        // electrolyte: the gaps between neighbouring centres, with the per-cell properties and face conductances of
        // DfnModel's fluxes (DfnModel.electrolyteCells: the properties evaluated in one place)
        model.electrolyteCells(y);
        for (int g = 0; g < nx - 1; g++) {
            double da = 0.5 * w[g], db = 0.5 * w[g + 1];
            double q = JouleHeat.electrolyte(FaceConductance.series(model.kappa(g), da, model.kappa(g + 1), db),
                    FaceConductance.series(model.diffusionalKappa(g), da, model.diffusionalKappa(g + 1), db), phie[g + 1] - phie[g],
                    model.logConcentration(g + 1) - model.logConcentration(g));
            qe[g] += 0.5 * q / w[g];
            qe[g + 1] += 0.5 * q / w[g + 1];
        }
        double foilOhmic = 0, foilReaction = 0;
        PlanarLithiumElectrode foil = cell.lithiumMetal();
        if (foil != null) { // the half cell between the foil's surface and the first centre, as DfnModel's boundary
            double h = 0.5 * w[0], cb = model.foilSurfaceConcentration(y, current);
            double phib = foil.electrolytePotential(current, cb, temp);
            qe[0] += JouleHeat.electrolyte(model.kappa(0) / h, model.diffusionalKappa(0) / h, phie[0] - phib,
                    model.logConcentration(0) - Math.log(cb)) / w[0];
            foilOhmic = JouleHeat.conductor(current, foil.thickness(), foil.conductivity());
            foilReaction = ElectrochemicalHeat.irreversible(current, foil.overpotential(current, cb, temp));
        }
        for (int d = foil != null ? 2 : 0; d <= 2; d += 2) {
            int g0 = mesh.firstCell(d), g1 = g0 + mesh.domains().get(d).cells();
            double gFace = model.solidFaceConductance(d), gCollector = model.solidCollectorConductance(d);
            for (int g = g0; g < g1 - 1; g++) { // the interior gaps, with the face conductances of DfnModel's solid fluxes
                double q = JouleHeat.solid(gFace, y[model.start(g + 1) + DfnModel.PHIS] - y[model.start(g) + DfnModel.PHIS]);
                qs[g] += 0.5 * q / w[g];
                qs[g + 1] += 0.5 * q / w[g + 1];
            }
            // the half cells at the collectors: phi_s = 0 at x = 0; at x = L the terminal voltage's ohmic drop I / G
            if (d == 0) qs[g0] += JouleHeat.solid(gCollector, y[model.start(g0) + DfnModel.PHIS]) / w[g0];
            else qs[g1 - 1] += JouleHeat.solid(gCollector, current / gCollector) / w[g1 - 1];
            for (int g = g0; g < g1; g++) {
                int s = model.start(g);
                for (int k = 0; k < model.populations(d); k++) {
                    ParticlePopulation p = model.population(d, k);
                    double aj = p.specificSurface() * y[s + DfnModel.J + k];
                    double x = model.surfaceConcentration(y, g, k) / p.particle().maximumConcentration();
                    // the OCP branch of the electrode's net reaction, as DfnModel's kinetics take it: the fitted OCP at the
                    // clipped stoichiometry, and in the overpotential the stoichiometry barrier too (ParticlePopulation.surfaceOcp)
                    double u = p.ocp().at(StoichiometryBarrier.clip(x), temp, d == 0 ? branch : -branch);
                    double eta = y[s + DfnModel.PHIS] - y[s + DfnModel.PHIE] - u - StoichiometryBarrier.potential(x);
                    surface(p, aj, x, eta, u, temp, g, qr, qrev, qh);
                }
            }
        }
        return new LocalHeat(w, qs, qe, qr, qrev, qh, foilOhmic, foilReaction);
    }

    /**
     * The local heat of a single-particle cell in state y at time t, at the model's temperature: two x-cells, the
     * negative and the positive electrode (widths their thicknesses), each reacting uniformly, a j = +-I / L; no ohmic
     * heat (the model has no electrolyte or solid potential drop; PyBaMM's SPM, whose leading-order potentials are
     * uniform in each electrode, has none either). Its irreversible part is I (U_p(x_p,surf) - U_n(x_n,surf) - V) (I > 0 on
     * discharge; the surface OCPs' equilibrium branches): Bernardi's I (U_oc - V) at the mean stoichiometries less the
     * particles' heat of mixing and the energy their gradients store (LocalHeatTest).
     */
    public static LocalHeat of(SingleParticleModel model, double t, double[] y) {
        double temp = model.temperature(), current = model.current(t, y);
        double[] w = new double[2], qr = new double[2], qrev = new double[2], qh = new double[2];
        for (int g = 0; g < 2; g++) {
            int d = 2 * g;
            ParticlePopulation p = model.population(d);
            w[g] = model.thickness(d);
            double x = model.surfaceConcentration(y, d, current) / p.particle().maximumConcentration();
            double aj = p.specificSurface() * model.reactionCurrent(d, current);
            double u = p.ocp().at(StoichiometryBarrier.clip(x), temp, d == 0 ? current : -current);
            surface(p, aj, x, model.overpotential(y, d, current), u, temp, g, qr, qrev, qh);
        }
        return new LocalHeat(w, new double[2], new double[2], qr, qrev, qh, 0, 0);
    }

    /** The local heat of a DFN or single-particle model (CellModel.of) in state y at time t. */
    public static LocalHeat of(CellModel model, double t, double[] y) {
        return switch (model) {
            case DfnModel m -> of(m, t, y);
            case SingleParticleModel m -> of(m, t, y);
            default -> throw new IllegalArgumentException("no local heat for " + model.getClass().getSimpleName());
        };
    }

    /**
     * The reaction heats of one particle population's surface at stoichiometry x, reaction current aj per volume
     * [A/m3], overpotential eta and the OCP uBranch of the reaction's direction, into x-cell g: irreversible a j eta,
     * reversible a j T dU/dT, hysteresis a j (U_branch - U_eq) (ElectrochemicalHeat), U at the clipped stoichiometry.
     */
    private static void surface(ParticlePopulation p, double aj, double x, double eta, double uBranch, double temp, int g,
            double[] qr, double[] qrev, double[] qh) {
        qr[g] += ElectrochemicalHeat.irreversible(aj, eta);
        qrev[g] += ElectrochemicalHeat.reversible(aj, temp, p.ocp().entropicChange(x, temp));
        qh[g] += ElectrochemicalHeat.hysteresis(aj, uBranch, p.ocp().at(StoichiometryBarrier.clip(x), temp));
    }
}

package org.cellwright.solver.dfn;

import org.cellwright.solver.numerics.fv.CompositeMesh;
import org.cellwright.solver.numerics.fv.SphericalMesh;

/**
 * Heat of mixing inside the active-material particles per volume of electrode [W/m3]: the dissipation of lithium's
 * diffusion down its chemical-potential gradient, Q_mix = -F N integral D |grad c|^2 dU/dc dV over a particle, N = a /
 * (4 pi R^2) particles per volume (Thomas and Newman, J. Electrochem. Soc. 150 (2003) A176; Richardson et al. 2021, as
 * PyBaMM's option "heat of mixing", {@code BaseThermal._heat_of_mixing}). On the particle's shells: each interior face
 * carries the molar flow Phi = -A D (c_{k+1} - c_k) / dr of DfnModel's flux and dissipates F Phi (U(c_{k+1}) - U(c_k));
 * the half shell between the last centre and the surface carries the surface flux j/F and dissipates
 * a j (U(c_surf) - U(c_last)). Not a term of the lumped model's heat ({@link LocalHeat}, as PyBaMM by default): it is
 * what Bernardi's heat at the mean stoichiometries has beyond the local heat together with the change of the energy the
 * gradients hold (LocalHeatTest: I (U_oc - V) = local + Q_mix - dE_mix/dt).
 */
public final class HeatOfMixing {
    private HeatOfMixing() {}

    /** Q_mix per electrode x-cell [W/m3] of the model in state y (0 outside the electrodes), all populations. */
    public static double[] of(DfnModel model, double[] y) {
        CompositeMesh mesh = model.mesh();
        double temp = model.temperature();
        double[] q = new double[mesh.cells()];
        for (int d = 0; d <= 2; d += 2) {
            if (model.populations(d) == 0) continue; // a lithium-metal foil: no particles
            int g0 = mesh.firstCell(d), n = mesh.domains().get(d).cells();
            for (int k = 0; k < model.populations(d); k++) {
                ParticlePopulation p = model.population(d, k);
                FickianParticle particle = p.particle();
                SphericalMesh pm = model.particleMesh(d, k);
                int nr = pm.shells();
                double cMax = particle.maximumConcentration(), perSteradian = p.specificSurface() / (pm.radius() * pm.radius());
                boolean constant = particle.diffusivity().independentOfConcentration();
                double[] shells = new double[nr];
                for (int g = g0; g < g0 + n; g++) {
                    model.shellConcentrations(y, g, k, shells); // the unknowns, or the shells their modes stand for
                    double sum = 0;
                    for (int r = 0; r < nr - 1; r++) {
                        double ca = shells[r], cb = shells[r + 1];
                        double diffusivity = particle.diffusivity(constant ? 0 : 0.5 * (ca + cb), temp);
                        double flow = -pm.area(r + 1) * diffusivity * (cb - ca) / (pm.centre(r + 1) - pm.centre(r));
                        sum += org.cellwright.solver.physics.Constants.F * flow * (p.ocp().at(cb / cMax, temp) - p.ocp().at(ca / cMax, temp));
                    }
                    double cSurf = model.surfaceConcentration(y, g, k);
                    q[g] += perSteradian * sum + p.specificSurface() * model.reactionCurrent(y, g, k)
                            * (p.ocp().at(cSurf / cMax, temp) - p.ocp().at(shells[nr - 1] / cMax, temp));
                }
            }
        }
        return q;
    }
}

package org.cellwright.solver.physics;

import static org.cellwright.solver.input.MaterialProperty.*;

import org.cellwright.solver.input.MaterialSpec;

/**
 * Where Li must nucleate in and at a MIEC interlayer, and how much of each site its nuclei cover (Sung et al., Adv.
 * Mater. 2023, DOI 10.1002/adma.202210835: first plating dips at onset, nucleation inside the MIEC, and again at the
 * MIEC/collector interface once the pores are full). Coverage by nuclei follows {@link HeterogeneousNucleation#coverage}
 * with the amount that covers a flat substrate ({@link PlatingSubstrateElectrode#NUCLEATION_COVERAGE}).
 */
final class InterlayerNucleation {
    private InterlayerNucleation() {}

    /** Share of a flat site (collector, SE interface) covered by Li nuclei, for the Li amount there [mol/m2]. */
    static double flatCoverage(double amount) {
        return HeterogeneousNucleation.coverage(amount, PlatingSubstrateElectrode.NUCLEATION_COVERAGE);
    }

    /**
     * Share of the pore walls of control volume k on which Li grows without nucleating, for the pore Li of each of the
     * layer's control volumes [mol/m2]. The pores are connected: Li in a node's pores or in a neighbour's grows on
     * into them, so Li nucleates once in the layer and then fills it pore by pore. The layer's nuclei cover its pores
     * after the amount per geometric area that covers a flat substrate, shared by the control volumes.
     */
    static double poreCoverage(double[] amounts, int k) {
        int n = amounts.length;
        double m = amounts[k];
        if (k > 0) m = Math.max(m, amounts[k - 1]);
        if (k < n - 1) m = Math.max(m, amounts[k + 1]);
        return HeterogeneousNucleation.coverage(m, PlatingSubstrateElectrode.NUCLEATION_COVERAGE / n);
    }

    /**
     * Nucleation overpotential [V] at the MIEC/collector interface: Li on the collector face lined by the MIEC's
     * lithiophilic solid (fraction 1 - eps) with bare collector at the pore mouths ({@link CassieBaxterWetting});
     * the collector's own value when it gives one, the host's (etaHost) without a collector contact angle; none with
     * a Li foil on the collector.
     */
    static double atCollector(LithiumContext ctx, MaterialSpec cc, MaterialSpec philic, boolean foil, double etaHost,
            double porosity, double temperature) {
        if (foil || cc == null) return foil ? 0 : etaHost;
        if (cc.has(NUCLEATION_OVERPOTENTIAL)) return cc.get(NUCLEATION_OVERPOTENTIAL, 0);
        if (!cc.has(CONTACT_ANGLE) || philic == null || !philic.has(CONTACT_ANGLE)) return etaHost;
        double theta = CassieBaxterWetting.contactAngle(1 - porosity, philic.get(CONTACT_ANGLE, 0), cc.get(CONTACT_ANGLE, 0));
        return HeterogeneousNucleation.overpotential(ctx.gamma, ctx.omega, theta, temperature);
    }
}

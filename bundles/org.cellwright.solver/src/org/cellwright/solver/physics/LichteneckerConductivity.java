package org.cellwright.solver.physics;

/**
 * Conductivity of a two-phase mixture by Lichtenecker's logarithmic mixing rule (K. Lichtenecker, Phys. Z. 27 (1926)
 * 115; K. Lichtenecker, K. Rother, Phys. Z. 32 (1931) 255): log sigma = (1 - phi) log sigma_a + phi log sigma_b, the
 * geometric interpolation between the two pure phases, lying between Wiener's series and parallel bounds. Used for a
 * partly lithiated alloy host (unlithiated phase a, lithiated phase b at volume fraction phi), where only the two
 * ends are measured: the law between them is this rule's assumption, not a measurement (docs/calibration.md,
 * "Measured values", SiNP `electronic-conductivity`). SI: S/m.
 */
public final class LichteneckerConductivity {
    private LichteneckerConductivity() {}

    /** sigma = sigma_a^(1 - phi) sigma_b^phi [S/m] for phase b at volume fraction phi in [0, 1] (clamped). */
    public static double of(double sigmaA, double sigmaB, double phiB) {
        double phi = Math.min(Math.max(phiB, 0), 1);
        if (phi == 0) return sigmaA;
        if (phi == 1) return sigmaB;
        return Math.exp((1 - phi) * Math.log(sigmaA) + phi * Math.log(sigmaB));
    }
}

package org.cellwright.solver.physics;

/**
 * Apparent contact angle of Li on a composite substrate made of two materials with area fractions f and 1 - f:
 * cos theta* = f cos theta_1 + (1 - f) cos theta_2 (Cassie and Baxter, Trans. Faraday Soc. 40, 546, 1944).
 * <p>
 * Used for the second nucleation of first plating on a lithiated MIEC interlayer without foil (Sung et al., Adv.
 * Mater. 2023, DOI 10.1002/adma.202210835: two voltage dips, nucleation inside the MIEC, then at the MIEC/collector
 * interface): once Li has filled the pores, it must nucleate between the MIEC and the collector. The collector
 * face there is not bare steel: where the MIEC's solid touches it (its solid fraction 1 - eps at the collector)
 * it is lined with the lithiophilic Li-Si, only the pore mouths (eps) are bare SUS. A nucleus spreading on that face
 * sees the composite angle, between Li-Si's and SUS's, so its barrier ({@link HeterogeneousNucleation}) is
 * well below bare SUS's (not calibrated: the fractions are the MIEC's porosity).
 */
public final class CassieBaxterWetting {
    private CassieBaxterWetting() {}

    /** Apparent contact angle [rad] on a surface of fraction f with angle theta1 [rad], the rest theta2 [rad]. */
    public static double contactAngle(double f, double theta1, double theta2) {
        double ff = Math.max(0, Math.min(1, f));
        double c = ff * Math.cos(theta1) + (1 - ff) * Math.cos(theta2);
        return Math.acos(Math.max(-1, Math.min(1, c)));
    }
}

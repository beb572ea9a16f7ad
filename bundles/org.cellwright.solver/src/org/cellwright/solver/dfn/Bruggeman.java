package org.cellwright.solver.dfn;

/**
 * Bruggeman relation for the transport efficiency of one phase in a porous medium: tau = fraction^b
 * (Bruggeman, Ann. Phys. 416, 636, 1935; Tjaden et al., Curr. Opin. Chem. Eng. 12, 44, 2016). b = 0 means no reduction.
 */
public final class Bruggeman {
    private Bruggeman() {}

    /** Effective / bulk property ratio, eps^b. */
    public static double transportEfficiency(double volumeFraction, double exponent) {
        if (volumeFraction < 0 || volumeFraction > 1) throw new IllegalArgumentException("volume fraction " + volumeFraction + " outside [0, 1]");
        return Math.pow(volumeFraction, exponent);
    }
}

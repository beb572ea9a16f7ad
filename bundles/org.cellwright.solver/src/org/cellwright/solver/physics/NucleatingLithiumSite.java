package org.cellwright.solver.physics;

/**
 * Li metal deposition and stripping at a site partly covered by Li nuclei: Butler-Volmer on the covered share c, and
 * on the bare share deposition only, past the nucleation overpotential eta_n (a smoothed threshold):
 * j = i0 A [c (e^{a f eta} - b e^{-(1-a) f eta}) - (1 - c) b softplus(e^{-(1-a) f (eta + eta_n)} - 1)]
 * (Butler-Volmer: Bard and Faulkner, Electrochemical Methods, 2001, eq. 3.4.11; nucleation barrier on bare
 * substrate: Pei et al., Nano Lett. 17, 1132, 2017), b the growth factor of the site (1 - pore filling), anodic
 * positive. A net stripping current of the covered part is capped by the Li available in the step, backward-Euler
 * consistent for first-order depletion: J' = J nF / (nF + dt J), which never strips more than the amount n.
 */
public final class NucleatingLithiumSite {
    private NucleatingLithiumSite() {}

    /**
     * Sharpness of the smoothed nucleation threshold (softplus of x = e^{-(1-a) f (eta + pen)} - 1): 500 smooths over
     * ~0.1 mV, so on the large internal area of a MIEC no Li deposits on bare walls before the 1.5 mV barrier (12 let
     * the pores fill ~4 mV early and hid the nucleation dip).
     */
    static final double SHARP = 500;

    /**
     * Current [A/m2, anodic] (or with derivative its slope d j / d eta [A/(m2 V)]) of a site of exchange current
     * i0A = i0 A [A/m2] at overpotential eta [V] about the site's equilibrium, nucleation overpotential pen [V],
     * covered share c, growth factor b, Li amount [mol/m2] available for stripping (negative: uncapped) in a step of
     * dt [s], with transfer coefficient alpha at the given temperature [K].
     */
    public static double current(double i0A, double alpha, double temperature, double eta, double pen, double c,
            double b, double amount, double dt, boolean derivative) {
        double f = Constants.F / (Constants.R * temperature);
        double a = alpha;
        double ea = Math.exp(a * f * eta), ec = Math.exp(-(1 - a) * f * eta);
        double xb = Math.exp(-(1 - a) * f * (eta + pen)) - 1; // > 0 past the nucleation threshold
        double jc = i0A * c * (ea - b * ec), djc = i0A * c * (a * f * ea + b * (1 - a) * f * ec);
        if (amount >= 0 && jc > 0) {
            double nf = amount * Constants.F, den = nf + dt * jc;
            if (den <= 0) { jc = 0; djc = 0; }
            else { double r = nf / den; djc = djc * r * r; jc = jc * r; } // (not nf^2 / den^2: underflows to 0/0)
        }
        if (derivative) return djc + i0A * (1 - c) * b * softplusSlope(xb) * (1 - a) * f * (xb + 1);
        return jc - i0A * (1 - c) * b * softplus(xb);
    }

    static double softplus(double x) {
        double z = SHARP * x;
        if (z > 30) return x;
        double e = Math.exp(z);
        return (e < 1e-5 ? e * (1 - 0.5 * e) : Math.log(1 + e)) / SHARP; // Math.log1p is slow (StrictMath)
    }

    static double softplusSlope(double x) {
        double z = SHARP * x;
        return z > 30 ? 1 : 1 / (1 + Math.exp(-z));
    }
}

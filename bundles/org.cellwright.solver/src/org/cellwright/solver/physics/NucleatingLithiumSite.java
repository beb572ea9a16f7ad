package org.cellwright.solver.physics;

/**
 * Li metal deposition and stripping at a site partly covered by Li nuclei: Butler-Volmer on the covered share c, and
 * on the bare share deposition only, past the nucleation overpotential eta_n (a smoothed threshold):
 * j = i0 A [c (e^{a f eta} - b e^{-(1-a) f eta}) - (1 - c) b softplus(e^{-(1-a) f (eta + eta_n)} - 1)]
 * (Butler-Volmer: Bard and Faulkner, Electrochemical Methods, 2001, eq. 3.4.11; nucleation barrier on bare
 * substrate: Pei et al., Nano Lett. 17, 1132, 2017), b the growth factor of the site (1 - pore filling), anodic
 * positive. A net stripping current of the covered part is capped by the Li available in the step (numerics, not
 * physics: the continuous model strips at J until the amount is gone) by a smooth minimum of J and nF / dt,
 * J' = J (1 + x^p)^(-1/p) with x = dt J / (nF) and p = {@link #CAP_ORDER}: never more than the amount n in the step
 * (J' dt / (nF) = x (1 + x^p)^(-1/p) < 1), and J' = J (1 - x^p / p + ...) where the step is short against the
 * time the amount lasts. (The first-order form J nF / (nF + dt J), p = 1, took J x off every step: with 600 s
 * steps a collector deposit that lasts 3 h stripped 5 % slow from its start, 1.5 mV of the half cell's voltage.)
 */
public final class NucleatingLithiumSite {
    private NucleatingLithiumSite() {}

    /**
     * Sharpness of the smoothed nucleation threshold (softplus of x = e^{-(1-a) f (eta + pen)} - 1): 500 smooths over
     * ~0.1 mV, so on the large internal area of a MIEC no Li deposits on bare walls before the 1.5 mV barrier (12 let
     * the pores fill ~4 mV early and hid the nucleation dip).
     */
    static final double SHARP = 500;

    /** Order p of the smooth minimum that caps stripping by the amount available in the step (x^p: x^8 above). */
    static final int CAP_ORDER = 8;

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
        // no nuclei, no Butler-Volmer term (not 0 x an overflowed exponential, NaN)
        double jc = c > 0 ? i0A * c * (ea - b * ec) : 0, djc = c > 0 ? i0A * c * (a * f * ea + b * (1 - a) * f * ec) : 0;
        if (amount >= 0 && jc > 0) {
            double nf = amount * Constants.F;
            if (nf <= 0) { jc = 0; djc = 0; }
            else if (!(dt * jc / nf < 1e30)) { jc = nf / dt; djc = 0; } // the cap's limit where x^8 overflows
            else {
                // q = 1 + x^p, r = q^(-1/p): J' = J r, dJ'/dJ = r / q
                double x = dt * jc / nf, x2 = x * x, x4 = x2 * x2, q = 1 + x4 * x4;
                double r = q == 1 ? 1 : Math.pow(q, -1.0 / CAP_ORDER);
                djc = djc * r / q;
                jc = jc * r;
            }
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

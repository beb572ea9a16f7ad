package org.cellwright.solver.physics;

/**
 * Butler-Volmer charge-transfer kinetics, i = i0 [exp(alpha_a F eta / RT) - exp(-alpha_c F eta / RT)]
 * (Bard and Faulkner, Electrochemical Methods, 2nd ed., 2001, eq. 3.4.11).
 */
public final class ButlerVolmer {
    private ButlerVolmer() {}

    /** Current density [A/m2] for overpotential eta [V]. */
    public static double current(double i0, double alphaA, double alphaC, double eta, double temperature) {
        double f = Constants.F / (Constants.R * temperature);
        return i0 * (Math.exp(alphaA * f * eta) - Math.exp(-alphaC * f * eta));
    }

    /**
     * Overpotential [V] for current density i [A/m2]; closed form for alpha_a = alpha_c = 0.5:
     * eta = 2RT/F asinh(i / 2 i0); Newton iteration otherwise.
     */
    public static double overpotential(double i0, double alphaA, double alphaC, double i, double temperature) {
        double rtf = Constants.R * temperature / Constants.F;
        if (i == 0) return 0;
        if (!(i0 > 0)) return Math.signum(i) * Double.POSITIVE_INFINITY;
        if (Math.abs(alphaA - 0.5) < 1e-12 && Math.abs(alphaC - 0.5) < 1e-12) return 2 * rtf * asinh(i / (2 * i0));
        double eta = rtf / (alphaA + alphaC) * 2 * asinh(i / (2 * i0));
        for (int k = 0; k < 50; k++) {
            double ea = Math.exp(alphaA * eta / rtf), ec = Math.exp(-alphaC * eta / rtf);
            double g = i0 * (ea - ec) - i;
            double dg = i0 * (alphaA * ea + alphaC * ec) / rtf;
            double d = g / dg;
            eta -= d;
            if (Math.abs(d) < 1e-13) break;
        }
        return eta;
    }

    /** d eta / d i [Ohm m2] at current i (symmetric case). */
    public static double differentialResistance(double i0, double i, double temperature) {
        double rtf = Constants.R * temperature / Constants.F;
        double x = i / (2 * i0);
        return 2 * rtf / (2 * i0) / Math.sqrt(1 + x * x);
    }

    public static double asinh(double x) {
        return x >= 0 ? Math.log(x + Math.sqrt(x * x + 1)) : -Math.log(-x + Math.sqrt(x * x + 1));
    }
}

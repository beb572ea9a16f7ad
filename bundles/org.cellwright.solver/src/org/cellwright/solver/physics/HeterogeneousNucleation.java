package org.cellwright.solver.physics;

/**
 * Classical heterogeneous nucleation of Li on a substrate. The barrier of a spherical-cap nucleus is the
 * homogeneous one times f(theta) = (2 + cos theta)(1 - cos theta)^2 / 4 (Volmer 1939; Turnbull, J. Chem. Phys.
 * 1950), with the homogeneous barrier dG* = 16 pi gamma^3 Omega^2 / (3 (e eta)^2) for an electrochemical driving
 * force e eta per atom (Budevski, Staikov and Lorenz, Electrochemical Phase Formation and Growth, 1996, ch. 3). At
 * a fixed critical nucleation rate, dG* = kT ln(J0/Jc), so the nucleation overpotential is
 * eta_n = sqrt(16 pi gamma^3 Omega^2 f(theta) / (3 e^2 kT ln(J0/Jc))), i.e. proportional to sqrt(f(theta)).
 */
public final class HeterogeneousNucleation {
    private HeterogeneousNucleation() {}

    /** ln(J0/Jc): ratio of the kinetic prefactor to the rate at which nucleation is observed (typical 40-60). */
    public static final double LN_RATE_RATIO = 50.0;

    /** Shape factor f(theta) of a spherical-cap nucleus, 1 for theta = 180 deg, 0 for perfect wetting. */
    public static double shapeFactor(double contactAngle) {
        double c = Math.cos(contactAngle);
        return (2 + c) * (1 - c) * (1 - c) / 4;
    }

    /**
     * Nucleation overpotential [V] of Li (atomic volume omega [m3]) with interfacial energy gamma [J/m2] on a
     * substrate with the given contact angle [rad] at temperature T.
     */
    public static double overpotential(double gamma, double omega, double contactAngle, double temperature) {
        double e = Constants.F / Constants.NA;
        double kt = Constants.KB * temperature;
        return Math.sqrt(16 * Math.PI * gamma * gamma * gamma * omega * omega * shapeFactor(contactAngle)
                / (3 * e * e * kt * LN_RATE_RATIO));
    }

    /**
     * Extra plating overpotential while the first nuclei form: eta_n exp(-q / q_c), q = Li plated on the substrate
     * [mol/m2], q_c the amount over which nuclei cover the substrate. Gives the voltage dip at plating onset.
     */
    public static double onsetOverpotential(double etaN, double plated, double coverageAmount) {
        if (etaN <= 0) return 0;
        return etaN * (1 - coverage(plated, coverageAmount));
    }

    /**
     * Share of the substrate covered by Li nuclei after q [mol/m2] plated on it, 1 - exp(-q / q_c): the bare share
     * exp(-q / q_c) still needs the nucleation overpotential, so eta_n (1 - coverage) = the onset overpotential.
     */
    public static double coverage(double plated, double coverageAmount) {
        double x = Math.max(0, plated) / coverageAmount;
        return oneMinusExp(x);
    }

    /**
     * 1 - exp(-x) for x >= 0 to a few ulp: expm1 where the difference cancels (x < 0.5), else the faster exp (an
     * intrinsic; Math.expm1 is not, and the MIEC's site currents call this in every Newton iteration); 1 beyond
     * x = 40, where exp(-x) is below the last digit of 1.
     */
    static double oneMinusExp(double x) {
        return x > 40 ? 1 : x < 0.5 ? -Math.expm1(-x) : 1 - Math.exp(-x);
    }
}

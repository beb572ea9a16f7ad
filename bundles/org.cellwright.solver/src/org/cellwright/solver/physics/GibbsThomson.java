package org.cellwright.solver.physics;

/** Equilibrium shift of Li bounded by a curved surface of radius r: dU = 2 gamma V_m / (r F) (Gibbs-Thomson). */
public final class GibbsThomson {
    private GibbsThomson() {}

    /** Shift [V] for surface energy gamma [J/m2], molar volume vm [m3/mol] and radius r [m]. */
    public static double shift(double gamma, double vm, double r) { return 2 * gamma * vm / (r * Constants.F); }
}

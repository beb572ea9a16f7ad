package org.cellwright.solver.physics;

/**
 * Equilibrium shift of Li deposited as a layer of thickness h between two adhering solids that it must pry apart:
 * the work of adhesion W per area spent on V_m / h per mole, dU = W V_m / (F h) (Dupre work of adhesion; h at least
 * {@link #OPENING_THICKNESS}, the first layer).
 */
public final class InterfaceOpening {
    private InterfaceOpening() {}

    /** Thickness over which an interface must open for a first Li layer [m]. */
    public static final double OPENING_THICKNESS = 10e-9;

    /** Shift [V] for work of adhesion w [J/m2], molar volume vm [m3/mol], Li amount [mol/m2] on a true area [m2/m2]. */
    public static double shift(double w, double vm, double amount, double area) {
        double h = Math.max(OPENING_THICKNESS, amount * vm / Math.max(area, 1e-12));
        return w * vm / (Constants.F * h);
    }
}

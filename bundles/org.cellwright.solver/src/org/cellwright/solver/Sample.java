package org.cellwright.solver;

/**
 * One streamed output point. time [s], voltage [V], current density [A/m2] (sign convention of
 * {@link org.cellwright.solver.input}), temperature [K], stack pressure [Pa], stepCapacity = signed charge passed
 * in the current step [C/m2], ocv [V], overpotentials indexed by {@link OverpotentialKind#ordinal()} [V],
 * lithium inventory [mol/m2], heat generated per m2 of electrode [W/m2] (a DFN cell's local heat,
 * {@code LocalHeat}, when it has a thermal model; NaN otherwise).
 */
public record Sample(double time, int stepIndex, int cycleIndex, double voltage, double current, double temperature,
        double stackPressure, double stepCapacity, double ocv, double[] overpotentials, LithiumInventory lithium, double heat) {

    /** A sample without a heat generation (NaN). */
    public Sample(double time, int stepIndex, int cycleIndex, double voltage, double current, double temperature,
            double stackPressure, double stepCapacity, double ocv, double[] overpotentials, LithiumInventory lithium) {
        this(time, stepIndex, cycleIndex, voltage, current, temperature, stackPressure, stepCapacity, ocv, overpotentials, lithium, Double.NaN);
    }

    public double overpotential(OverpotentialKind k) { return overpotentials[k.ordinal()]; }
}

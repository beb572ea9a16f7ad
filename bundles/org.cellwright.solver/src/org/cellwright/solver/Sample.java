package org.cellwright.solver;

/**
 * One streamed output point. time [s], voltage [V], current density [A/m2] (sign convention of
 * {@link org.cellwright.solver.input}), temperature [K], stack pressure [Pa], stepCapacity = signed charge passed
 * in the current step [C/m2], ocv [V], overpotentials indexed by {@link OverpotentialKind#ordinal()} [V],
 * lithium inventory [mol/m2].
 */
public record Sample(double time, int stepIndex, int cycleIndex, double voltage, double current, double temperature,
        double stackPressure, double stepCapacity, double ocv, double[] overpotentials, LithiumInventory lithium) {

    public double overpotential(OverpotentialKind k) { return overpotentials[k.ordinal()]; }
}

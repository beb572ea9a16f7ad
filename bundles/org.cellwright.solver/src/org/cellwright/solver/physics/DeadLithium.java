package org.cellwright.solver.physics;

/**
 * Dead lithium: of the Li leaving a deposit on stripping, a fraction f loses electronic contact and stays isolated
 * (Fang et al., Nature 572, 511, 2019: unreacted metallic Li dominates the capacity loss). For s stripped
 * electrochemically, the deposit loses s + d with d / (s + d) = f: d = s f / (1 - f).
 */
public final class DeadLithium {
    private DeadLithium() {}

    /** Li [mol/m2 or any amount unit] left isolated when the amount s is stripped at dead fraction f in [0, 1). */
    public static double left(double stripped, double fraction) { return stripped * fraction / (1 - fraction); }
}

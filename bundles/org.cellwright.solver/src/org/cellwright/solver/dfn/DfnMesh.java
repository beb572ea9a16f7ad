package org.cellwright.solver.dfn;

/** Finite volumes per domain: negative electrode, separator, positive electrode, and shells per particle. */
public record DfnMesh(int negative, int separator, int positive, int particle) {
    /** PyBaMM's benchmark mesh: 20 per domain, 30 per particle. */
    public static DfnMesh benchmark() { return new DfnMesh(20, 20, 20, 30); }
}

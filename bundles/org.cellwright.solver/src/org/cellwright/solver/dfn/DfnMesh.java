package org.cellwright.solver.dfn;

/**
 * Finite volumes per domain: negative electrode, separator, positive electrode, and shells per particle. particleModes
 * m >= 1: where every particle's diffusivity is independent of c, each particle's unknowns are its shells' m slowest
 * modes, the faster ones quasi-steady ({@link org.cellwright.solver.numerics.fv.ModalParticleMesh}; m = particle gives
 * the shells back); 0 (the default), or a diffusivity that depends on c: the shells themselves.
 */
public record DfnMesh(int negative, int separator, int positive, int particle, int particleModes) {
    public DfnMesh {
        if (particleModes < 0 || particleModes > particle) throw new IllegalArgumentException("particle modes 0 to " + particle + ", not " + particleModes);
    }

    /** The shells themselves (no modal reduction). */
    public DfnMesh(int negative, int separator, int positive, int particle) {
        this(negative, separator, positive, particle, 0);
    }

    /** PyBaMM's benchmark mesh: 20 per domain, 30 per particle. */
    public static DfnMesh benchmark() { return new DfnMesh(20, 20, 20, 30); }

    /** This mesh with each particle's m slowest modes as its unknowns (where its diffusivity is independent of c). */
    public DfnMesh withParticleModes(int m) { return new DfnMesh(negative, separator, positive, particle, m); }
}

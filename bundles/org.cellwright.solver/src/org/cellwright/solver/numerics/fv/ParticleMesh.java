package org.cellwright.solver.numerics.fv;

/**
 * The unknowns of one spherical particle with a diffusivity independent of c, in flux form: a chain of cells with
 * volumes V_k (per steradian, summing to R^3/3), interior face factors g_k (the flow between cells k-1 and k is
 * -D g_k (c_k - c_{k-1})) and the surface flux entering the last cell through the area R^2; the surface value is the
 * last cell's less N_R gap / D. The finite volumes themselves ({@link SphericalMesh}) or their slowest modes
 * ({@link ModalParticleMesh}).
 */
public interface ParticleMesh {
    /** Number of unknowns (cells of the chain). */
    int shells();

    double radius();

    /** Volume per steradian of cell k; sum V_k c_k is the particle's amount per steradian. */
    double volume(int k);

    /** Total volume per steradian, R^3/3. */
    default double totalVolume() { return radius() * radius() * radius() / 3.0; }

    /** The surface value's distance from the last cell: c_R = c_last - N_R gap / D. */
    double surfaceGap();

    /** Mean concentration sum V_k c_k / (R^3/3). */
    default double average(double[] c, int offset) {
        double s = 0;
        for (int k = 0; k < shells(); k++) s += volume(k) * c[offset + k];
        return s / totalVolume();
    }

    /** Rates dc_k/dt V_k (per steradian) with one diffusivity d [m2/s] and the outward surface flux [mol/(m2 s)]. */
    void balance(double[] c, int offset, double d, double surfaceFlux, double[] out, int outOffset);

    /**
     * The balance of a chain of m cells with interior face factors g (g[i] between cells i-1 and i; g[0] unused), one
     * diffusivity d and the surface flux entering the last cell through the area R^2 (surfaceArea): the shared body of
     * both meshes' {@link #balance}.
     */
    static void chainBalance(double[] g, int m, double surfaceArea, double[] c, int offset, double d, double surfaceFlux,
            double[] out, int outOffset) {
        double inflow = 0;
        for (int i = 0; i < m - 1; i++) {
            double outFlux = -d * g[i + 1] * (c[offset + i + 1] - c[offset + i]);
            out[outOffset + i] = inflow - outFlux;
            inflow = outFlux;
        }
        out[outOffset + m - 1] = inflow - surfaceArea * surfaceFlux;
    }

    /** Surface value from the last cell and the surface flux: c_R = c_last - N_R gap / D. */
    default double surfaceValue(double[] c, int offset, double diffusivityAtSurface, double surfaceFlux) {
        return c[offset + shells() - 1] - surfaceFlux * surfaceGap() / diffusivityAtSurface;
    }
}

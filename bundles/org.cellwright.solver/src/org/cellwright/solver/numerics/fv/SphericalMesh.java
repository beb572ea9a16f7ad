package org.cellwright.solver.numerics.fv;

/**
 * Finite volumes in the radius of a sphere of radius R: n shells of equal thickness, or thinning geometrically
 * towards the surface ({@link #graded}). Balances are written per
 * steradian: shell volume V_k = (r_{k+1}^3 - r_k^3)/3, face area A_k = r_k^2, so dc_k/dt V_k = A_k N_k - A_{k+1} N_{k+1}
 * for an outward flux N; the centre face has A_0 = 0 (symmetry) and the total amount sum V_k c_k changes only by the
 * surface flux (conservative by construction).
 */
public final class SphericalMesh implements ParticleMesh {
    private final double radius;
    private final int n;
    private final double[] volume, area, centre;
    /** A_k / (r_k - r_{k-1}) of interior face k: the flux A_k N_k = -D faceFactor_k (c_k - c_{k-1}). */
    private final double[] faceFactor;

    public SphericalMesh(double radius, int shells) {
        if (shells < 1) throw new IllegalArgumentException("a particle mesh needs at least one shell");
        if (!(radius > 0)) throw new IllegalArgumentException("particle radius must be positive");
        this.radius = radius;
        this.n = shells;
        volume = new double[n];
        area = new double[n + 1];
        centre = new double[n];
        double dr = radius / n;
        for (int k = 0; k <= n; k++) area[k] = (k * dr) * (k * dr);
        for (int k = 0; k < n; k++) {
            double a = k * dr, b = (k + 1) * dr;
            volume[k] = (b * b * b - a * a * a) / 3.0;
            centre[k] = 0.5 * (a + b);
        }
        faceFactor = new double[n];
        for (int k = 1; k < n; k++) faceFactor[k] = area[k] / (centre[k] - centre[k - 1]);
    }

    @Override public int shells() { return n; }

    @Override public double radius() { return radius; }

    @Override public double volume(int k) { return volume[k]; }

    /** Face area per steradian at face k (k = 0 centre .. n surface). */
    public double area(int k) { return area[k]; }

    public double centre(int k) { return centre[k]; }

    /** Interior face k's A_k / (r_k - r_{k-1}) (k = 1 .. n-1): the flow through it is -D faceFactor_k (c_k - c_{k-1}). */
    public double faceFactor(int k) { return faceFactor[k]; }

    /** Distance from the last shell's centre to the surface. */
    @Override public double surfaceGap() { return radius - centre[n - 1]; }

    /**
     * Rates dc_k/dt V_k (per steradian) of Fick's law N = -D dc/dr in the shells, c read at c[offset..offset+n),
     * with the outward surface flux surfaceFlux [mol/(m2 s)]; D evaluated per interior face by the caller's function.
     */
    public void balance(double[] c, int offset, Diffusivity d, double surfaceFlux, double[] out, int outOffset) {
        double inflow = 0; // A_k N_k entering shell k through its inner face (outward positive => leaves the inner shell)
        for (int k = 0; k < n; k++) {
            double outFlux;
            if (k == n - 1) outFlux = area[n] * surfaceFlux;
            else {
                double dcdr = (c[offset + k + 1] - c[offset + k]) / (centre[k + 1] - centre[k]);
                outFlux = -area[k + 1] * d.at(0.5 * (c[offset + k] + c[offset + k + 1])) * dcdr;
            }
            out[outOffset + k] = inflow - outFlux;
            inflow = outFlux;
        }
    }

    /** As {@link #balance(double[], int, Diffusivity, double, double[], int)} with one diffusivity d [m2/s] for every face. */
    @Override
    public void balance(double[] c, int offset, double d, double surfaceFlux, double[] out, int outOffset) {
        ParticleMesh.chainBalance(faceFactor, n, area[n], c, offset, d, surfaceFlux, out, outOffset);
    }

    /** Diffusivity as a function of the local concentration [m2/s]. */
    @FunctionalInterface
    public interface Diffusivity {
        double at(double c);
    }

    /**
     * n shells whose thicknesses fall geometrically from the centre to the surface, the innermost {@code refinement}
     * times the outermost (1 = equal shells; each shell q = refinement^(-1/(n-1)) times the one inside it). A fixed
     * ratio is a smooth map of equal shells, so the mesh converges at the order of equal shells when refined, while
     * resolving a boundary layer at the surface with few shells.
     */
    public static SphericalMesh graded(double radius, int shells, double refinement) {
        if (shells < 1) throw new IllegalArgumentException("a particle mesh needs at least one shell");
        if (!(refinement >= 1))
            throw new IllegalArgumentException("the refinement (innermost / outermost shell) must be >= 1, got " + refinement);
        double[] width = new double[shells];
        double q = shells > 1 ? Math.pow(1 / refinement, 1.0 / (shells - 1)) : 1, sum = 0;
        for (int k = 0; k < shells; k++) sum += width[k] = Math.pow(q, k);
        for (int k = 0; k < shells; k++) width[k] *= radius / sum;
        return new SphericalMesh(radius, width);
    }

    /**
     * Shells of the given thicknesses from the centre out (their sum is the radius; the last face is put at the radius
     * exactly). Interior face k is -D faceFactor_k (c_k - c_{k-1}) with the centre distance (w_{k-1} + w_k)/2.
     */
    private SphericalMesh(double radius, double[] width) {
        if (!(radius > 0)) throw new IllegalArgumentException("particle radius must be positive");
        this.radius = radius;
        this.n = width.length;
        volume = new double[n];
        area = new double[n + 1];
        centre = new double[n];
        double r0 = 0;
        for (int k = 0; k < n; k++) {
            double r1 = k == n - 1 ? radius : r0 + width[k];
            volume[k] = (r1 * r1 * r1 - r0 * r0 * r0) / 3.0;
            area[k] = r0 * r0;
            centre[k] = r0 + 0.5 * width[k];
            r0 = r1;
        }
        area[n] = radius * radius;
        faceFactor = new double[n];
        for (int k = 1; k < n; k++) faceFactor[k] = area[k] / (0.5 * (width[k - 1] + width[k]));
    }

    /** Radius of face k (k = 0 centre .. n surface) [m]. */
    public double faceRadius(int k) { return k == n ? radius : Math.sqrt(area[k]); }

    /**
     * The matrix V + dt K of a backward Euler step of Fick's law in flux form,
     * (V + dt K) c_new = V c_old - dt A_n N e_n (tridiagonal: sub-diagonal lo, diagonal di, super-diagonal up, first n entries), with the diffusivity faceD[k]
     * [m2/s] at interior face k = 1 .. n-1 (faceD[0] and faceD[n] unused).
     */
    public void backwardEulerMatrix(double dt, double[] faceD, double[] lo, double[] di, double[] up) {
        double gl = 0;
        for (int k = 0; k < n; k++) {
            double gr = k < n - 1 ? dt * (faceD[k + 1] * faceFactor[k + 1]) : 0;
            lo[k] = -gl;
            up[k] = -gr;
            di[k] = volume[k] + (gl + gr);
            gl = gr;
        }
    }
}

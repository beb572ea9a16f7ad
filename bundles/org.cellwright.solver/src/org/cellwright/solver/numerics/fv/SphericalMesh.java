package org.cellwright.solver.numerics.fv;

/**
 * Finite volumes in the radius of a sphere of radius R: n shells of equal thickness, or thinning geometrically
 * towards the surface ({@link #graded}). Balances are written per
 * steradian: shell volume V_k = (r_{k+1}^3 - r_k^3)/3, face area A_k = r_k^2, so dc_k/dt V_k = A_k N_k - A_{k+1} N_{k+1}
 * for an outward flux N; the centre face has A_0 = 0 (symmetry) and the total amount sum V_k c_k changes only by the
 * surface flux (conservative by construction). The flow through a face is taken from the two shells beside it, either
 * as the difference of their values over the distance of their centres ({@link FaceFlux#LINEAR}) or exactly for a
 * profile parabolic in r ({@link FaceFlux#PARABOLIC}).
 */
public final class SphericalMesh implements ParticleMesh {
    private final double radius;
    private final int n;
    private final double[] volume, area, centre;
    /** The surface value's distance from the last shell: c_R = c_{n-1} - N gap / D. */
    private final double gap;
    /** Face flows {@link FaceFlux#PARABOLIC} (else linear). */
    private final boolean parabolic;
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
        gap = radius - centre[n - 1];
        parabolic = false;
    }

    @Override public int shells() { return n; }

    @Override public double radius() { return radius; }

    @Override public double volume(int k) { return volume[k]; }

    /** Face area per steradian at face k (k = 0 centre .. n surface). */
    public double area(int k) { return area[k]; }

    public double centre(int k) { return centre[k]; }

    /** Interior face k's A_k / (r_k - r_{k-1}) (k = 1 .. n-1): the flow through it is -D faceFactor_k (c_k - c_{k-1}). */
    public double faceFactor(int k) { return faceFactor[k]; }

    /**
     * The surface value's distance from the last shell, c_R = c_{n-1} - N gap / D: from the last shell's centre
     * ({@link FaceFlux#LINEAR}) or for the parabola ({@link FaceFlux#PARABOLIC}).
     */
    @Override public double surfaceGap() { return gap; }

    /**
     * Rates dc_k/dt V_k (per steradian) of Fick's law N = -D dc/dr in the shells, c read at c[offset..offset+n),
     * with the outward surface flux surfaceFlux [mol/(m2 s)]; D evaluated per interior face by the caller's function.
     */
    public void balance(double[] c, int offset, Diffusivity d, double surfaceFlux, double[] out, int outOffset) {
        double inflow = 0; // A_k N_k entering shell k through its inner face (outward positive => leaves the inner shell)
        for (int k = 0; k < n; k++) {
            double outFlux;
            if (k == n - 1) outFlux = area[n] * surfaceFlux;
            else if (parabolic)
                outFlux = -faceFactor[k + 1] * d.at(0.5 * (c[offset + k] + c[offset + k + 1])) * (c[offset + k + 1] - c[offset + k]);
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
        return graded(radius, shells, refinement, FaceFlux.LINEAR);
    }

    /** How the flow through a face between two shells, and the surface value, are taken from the shells' values. */
    public enum FaceFlux {
        /**
         * The difference of the two shells' values over the distance of their centres (second order; on shells whose
         * thickness changes from one to the next, first order locally and second order in the values by cancellation).
         */
        LINEAR,
        /**
         * Exact for every profile c = a + b r^2, the parabola that a sphere's profile under a constant surface flux
         * tends to (Crank 1975, eq. 6.60 at long times; the two-parameter profile of Subramanian, Diwakar and Tapriyal,
         * J. Electrochem. Soc. 152 (2005) A2002): with the shells' values as the parabola's means over them (weighted by
         * r^2), the flow through face k is -D A_k 2 b r_k = -D g_k (c_k - c_{k-1}), g_k = 2 r_k^3 / (m_k - m_{k-1}),
         * m_k the mean of r^2 over shell k, and the surface value c_R = c_{n-1} + b (R^2 - m_{n-1}) with b = -N / (2 D R).
         * Still a flow between two shells (conservative, the same tridiagonal matrix), of the same order as
         * {@link #LINEAR} on a refined mesh, but without its error on the quasi-steady part of a discharge, which
         * dominates where the solid diffusion is slow for the current (WorkPrecisionBenchmark, in the cold).
         */
        PARABOLIC
    }

    /**
     * {@link #graded(double, int, double)} with the flow through a face and the surface value taken as {@code flux}
     * says.
     */
    public static SphericalMesh graded(double radius, int shells, double refinement, FaceFlux flux) {
        if (shells < 1) throw new IllegalArgumentException("a particle mesh needs at least one shell");
        if (!(refinement >= 1))
            throw new IllegalArgumentException("the refinement (innermost / outermost shell) must be >= 1, got " + refinement);
        double[] width = new double[shells];
        double q = shells > 1 ? Math.pow(1 / refinement, 1.0 / (shells - 1)) : 1, sum = 0;
        for (int k = 0; k < shells; k++) sum += width[k] = Math.pow(q, k);
        for (int k = 0; k < shells; k++) width[k] *= radius / sum;
        return new SphericalMesh(radius, width, flux);
    }

    /**
     * Shells of the given thicknesses from the centre out (their sum is the radius; the last face is put at the radius
     * exactly). Interior face k is -D faceFactor_k (c_k - c_{k-1}), faceFactor_k as {@code flux} says ({@link FaceFlux}).
     */
    private SphericalMesh(double radius, double[] width, FaceFlux flux) {
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
        parabolic = flux == FaceFlux.PARABOLIC;
        if (parabolic) {
            // mean of r^2 over shell k weighted by r^2, (3/5)(b^5 - a^5)/(b^3 - a^3), divided out (no cancellation)
            double[] meanSquare = new double[n];
            for (int k = 0; k < n; k++) {
                double a = faceRadius(k), b = faceRadius(k + 1);
                meanSquare[k] = 0.6 * (b * b * b * b + b * b * b * a + b * b * a * a + b * a * a * a + a * a * a * a)
                        / (b * b + b * a + a * a);
            }
            for (int k = 1; k < n; k++) {
                double r = faceRadius(k);
                faceFactor[k] = 2 * r * r * r / (meanSquare[k] - meanSquare[k - 1]);
            }
            gap = (radius * radius - meanSquare[n - 1]) / (2 * radius);
        } else {
            for (int k = 1; k < n; k++) faceFactor[k] = area[k] / (0.5 * (width[k - 1] + width[k]));
            gap = radius - centre[n - 1];
        }
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

package org.cellwright.solver.numerics.fv;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealVector;

/**
 * A finite-volume sphere ({@link SphericalMesh}, n shells, a diffusivity independent of c) reduced to m unknowns: its
 * m - m/2 slowest modes exactly and the rest of its modes as m/2 poles that keep their total response at low frequency
 * (Gauss quadrature), brought back to a chain of m cells ({@link ParticleMesh}) by the Lanczos process:
 * <ul>
 * <li>The shells: M c' = -D K c - R^2 N e_last (M = diag(V_k), K the face factors' symmetric tridiagonal). Its modes
 * K v_k = lambda_k M v_k with V^T M V = I (M-orthonormal; the symmetric tridiagonal M^-1/2 K M^-1/2 by implicit QL,
 * Golub and Van Loan, Matrix Computations, 4th ed., sec. 8.3, Hipparchus' EigenDecompositionSymmetric), lambda_0 = 0
 * and v_0 = 1/sqrt(R^3/3): the mean. In z = V^T M c the rows decouple, z_k' = -D lambda_k z_k - R^2 b_k N with
 * b_k = v_k(last shell), and c_last = sum_k b_k z_k: the last shell's response to the flux is
 * H(s) = -R^2 sum_k b_k^2 / (s + D lambda_k).</li>
 * <li>Modes 0 .. m'-1 (m' = m - m/2) kept as they are. The others' part of H, sum_{k>=m'} b_k^2 / (s + D lambda_k) =
 * int dsigma(x) / (1 + s x) over x = 1/lambda with the weights b_k^2/lambda_k, by its p = m/2 point Gauss quadrature
 * (Golub and Welsch 1969: the eigenvalues of p Lanczos steps on diag(x) from sqrt(weights)): p poles whose response
 * matches the fast modes' 2p moments at s = 0, their static response (the profile a constant flux settles to) exactly,
 * and that start from rest like them (no instantaneous surface drop beyond the half shell's). With m = 1 the single cell
 * is the mean and the fast modes are quasi-steady (static correction: a longer surface gap).</li>
 * <li>The kept poles, diagonal with input and output weights both b, by m steps of Lanczos on their diagonal from
 * b / |b| (Golub and Van Loan, sec. 10.1; full reorthogonalisation): tridiagonal, input and output on the first
 * vector, which becomes the chain's last cell. Scaled by mode 0's component q_i of each Lanczos vector the tridiagonal
 * has zero row sums: a conservative chain of volumes mu_i = (R^3/3) q_i^2 and face factors from its off-diagonals,
 * the surface flux entering the last cell through R^2 (a Cauer ladder of the diffusion impedance). Mode 0 alone is
 * uniform over the chain, and sum mu_i c_i is the particle's lithium exactly.</li>
 * </ul>
 * With m = n the chain is the shells themselves (Lanczos from the surface of a tridiagonal operator gives it back).
 */
public final class ModalParticleMesh implements ParticleMesh {
    private final double radius;
    private final Unit unit;
    private final double[] volume, faceFactor;
    private final double gap;

    /** The unit sphere's modes and chain (every radius scales them), per (n, m). */
    private record Unit(int n, int m, int slow, double[] lambda, double[][] v, double[] b, double[][] q, double[] volume, double[] faceFactor, double gap) {}

    private static final Map<Long, Unit> UNITS = new ConcurrentHashMap<>();

    private ModalParticleMesh(double radius, Unit unit) {
        this.radius = radius;
        this.unit = unit;
        volume = new double[unit.m];
        faceFactor = new double[unit.m];
        for (int i = 0; i < unit.m; i++) {
            volume[i] = unit.volume[i] * radius * radius * radius;
            faceFactor[i] = unit.faceFactor[i] * radius;
        }
        gap = unit.gap * radius;
    }

    /** A sphere of the given radius on the given number of finite-volume shells as a chain of m cells (1 <= m <= shells). */
    public static ModalParticleMesh of(double radius, int shells, int modes) {
        if (modes < 1 || modes > shells) throw new IllegalArgumentException("modes 1 to " + shells + ", not " + modes);
        if (!(radius > 0)) throw new IllegalArgumentException("particle radius must be positive");
        return new ModalParticleMesh(radius, UNITS.computeIfAbsent(shells * 4096L + modes, key -> unit(shells, modes)));
    }

    @Override public int shells() { return unit.m; }

    /** The finite-volume shells reduced. */
    public int finiteVolumes() { return unit.n; }

    @Override public double radius() { return radius; }

    @Override public double volume(int i) { return volume[i]; }

    /** Face factor between chain cells i - 1 and i (i = 1 .. m-1): their flow is -D faceFactor_i (c_i - c_{i-1}). */
    public double faceFactor(int i) { return faceFactor[i]; }

    @Override public double surfaceGap() { return gap; }

    /** lambda_k of the shells' operator (k = 0 .. n-1, ascending, lambda_0 = 0) [1/m2]: mode k decays as exp(-D lambda_k t). */
    public double eigenvalue(int k) { return unit.lambda[k] / (radius * radius); }

    /** Mode k's values on the shells (M-orthonormal: sum_r V_r v_k(r) v_l(r) = delta_kl). */
    public double[] mode(int k) {
        double[] out = unit.v[k].clone();
        double s = Math.pow(radius, -1.5);
        for (int r = 0; r < out.length; r++) out[r] *= s;
        return out;
    }

    @Override
    public void balance(double[] c, int offset, double d, double surfaceFlux, double[] out, int outOffset) {
        ParticleMesh.chainBalance(faceFactor, unit.m, radius * radius, c, offset, d, surfaceFlux, out, outOffset);
    }

    /**
     * The shells' concentrations (n values into out) of the chain state c at offset with diffusivity d and surface flux
     * N: the exact modes from the chain, the others quasi-steady (exact once a change of the flux has settled; the Gauss
     * poles' own transient is not mapped back to single modes).
     */
    public void shellConcentrations(double[] c, int offset, double d, double surfaceFlux, double[] out) {
        int n = unit.n, m = unit.m;
        java.util.Arrays.fill(out, 0, n, 0);
        for (int k = 0; k < n; k++) {
            double z; // mode k's amplitude on the unit sphere (the shells' values are sum_k v_k z_k)
            if (k < unit.slow) {
                z = 0;
                for (int i = 0; i < m; i++) z += unit.q[k][i] * Math.sqrt(unit.volume[i]) * c[offset + i];
            } else z = -radius * unit.b[k] * surfaceFlux / (d * unit.lambda[k]);
            for (int r = 0; r < n; r++) out[r] += unit.v[k][r] * z;
        }
    }

    /** The unit sphere's modes and their chain. */
    private static Unit unit(int n, int cells) {
        // m - m/2 exact modes and m/2 Gauss poles of the rest (all n modes exactly when m = n)
        int slow = cells == n ? n : cells - cells / 2, fastPoles = cells - slow;
        SphericalMesh fv = new SphericalMesh(1, n);
        // S = M^-1/2 K M^-1/2 (symmetric tridiagonal), K c = -(balance of c with D = 1 and no surface flux)
        double[] root = new double[n], diagonal = new double[n], offDiagonal = new double[n - 1];
        for (int k = 0; k < n; k++) root[k] = Math.sqrt(fv.volume(k));
        for (int k = 1; k < n; k++) {
            double f = fv.faceFactor(k);
            diagonal[k] += f / (root[k] * root[k]);
            diagonal[k - 1] += f / (root[k - 1] * root[k - 1]);
            offDiagonal[k - 1] = -f / (root[k] * root[k - 1]);
        }
        EigenDecompositionSymmetric modes = ascending(diagonal, offDiagonal);
        double[] lambda = modes.getEigenvalues(), b = new double[n];
        double[][] v = new double[n][n];
        double total = fv.totalVolume();
        for (int k = 0; k < n; k++) {
            RealVector w = modes.getEigenvector(k);
            for (int r = 0; r < n; r++) v[k][r] = w.getEntry(r) / root[r];
            if (v[k][n - 1] < 0) for (int r = 0; r < n; r++) v[k][r] = -v[k][r];
        }
        lambda[0] = 0; // the mean, exactly
        java.util.Arrays.fill(v[0], 1 / Math.sqrt(total));
        for (int k = 0; k < n; k++) b[k] = v[k][n - 1];
        // the kept poles and their input/output weights: modes 0 .. slow-1, then the fast modes' Gauss poles
        double[] pole = new double[cells], weight = new double[cells];
        for (int k = 0; k < slow; k++) { pole[k] = lambda[k]; weight[k] = b[k]; }
        if (fastPoles > 0) {
            // R(s) = sum_{k>=slow} b_k^2 / (s + lambda_k) = int dsigma(x) / (1 + s x), x = 1/lambda, dsigma = b_k^2 / lambda_k:
            // its Gauss quadrature of fastPoles nodes (Golub-Welsch: Lanczos on diag(x) from sqrt(sigma)) matches 2 fastPoles moments at s = 0
            int nf = n - slow;
            double[] x = new double[nf], start = new double[nf];
            double total0 = 0;
            for (int k = 0; k < nf; k++) {
                x[k] = 1 / lambda[slow + k];
                start[k] = b[slow + k] * b[slow + k] / lambda[slow + k];
                total0 += start[k];
            }
            for (int k = 0; k < nf; k++) start[k] = Math.sqrt(start[k] / total0);
            double[][] t = lanczos(x, start, fastPoles);
            EigenDecompositionSymmetric gauss = ascending(t[0], t[1]);
            for (int i = 0; i < fastPoles; i++) {
                double first = gauss.getEigenvector(i).getEntry(0);
                double node = gauss.getEigenvalue(i), gaussWeight = total0 * first * first;
                pole[slow + i] = 1 / node;
                weight[slow + i] = Math.sqrt(gaussWeight / node);
            }
        }
        // Lanczos on diag(pole) from weight / |weight|: lanczos[j] the j-th vector over the kept poles
        double nb = 0;
        for (int k = 0; k < cells; k++) nb += weight[k] * weight[k];
        nb = Math.sqrt(nb);
        double[] startKept = new double[cells];
        for (int k = 0; k < cells; k++) startKept[k] = weight[k] / nb;
        double[][] lanczos = new double[cells][];
        lanczos(pole, startKept, cells, lanczos);
        int m = cells;
        // each vector's sign so that mode 0's component is positive; chain cell i = m - 1 - j (the first vector the surface)
        double[] volume = new double[m], faceFactor = new double[m];
        double[][] q = new double[m][m];
        for (int j = 0; j < m; j++) {
            double sign = Math.signum(lanczos[j][0]);
            if (sign == 0) throw new IllegalStateException("Lanczos vector " + j + " has no mean: no chain");
            int i = m - 1 - j;
            for (int k = 0; k < m; k++) q[k][i] = sign * lanczos[j][k];
            volume[i] = total * lanczos[j][0] * lanczos[j][0];
        }
        // face factors: -(tridiagonal entry between cells i-1 and i) scaled by sqrt(mu_{i-1} mu_i); the entry q_{i-1}^T Lambda q_i
        for (int i = 1; i < m; i++) {
            double t = 0;
            for (int k = 0; k < m; k++) t += q[k][i - 1] * pole[k] * q[k][i];
            faceFactor[i] = -t * Math.sqrt(volume[i - 1] * volume[i]);
            if (!(faceFactor[i] > 0)) throw new IllegalStateException("modal chain face " + i + " of " + m + " not positive: " + faceFactor[i]);
        }
        double gap = fv.surfaceGap();
        if (fastPoles == 0) for (int k = slow; k < n; k++) gap += b[k] * b[k] / lambda[k]; // static correction (m = 1)
        return new Unit(n, m, slow, lambda, v, b, q, volume, faceFactor, gap);
    }

    /**
     * Lanczos on diag(d) from the unit vector start, steps vectors (full reorthogonalisation) into vectors[j] (when
     * given); returns the tridiagonal as {diagonal (steps), off-diagonal (steps - 1)}.
     */
    static double[][] lanczos(double[] d, double[] start, int steps, double[][] vectors) {
        int n = d.length;
        double[][] q = vectors != null ? vectors : new double[steps][];
        double[] alpha = new double[steps], beta = new double[Math.max(0, steps - 1)];
        q[0] = start.clone();
        double[] u = new double[n];
        for (int j = 0; j < steps; j++) {
            for (int k = 0; k < n; k++) u[k] = d[k] * q[j][k];
            double a = 0;
            for (int k = 0; k < n; k++) a += q[j][k] * u[k];
            alpha[j] = a;
            if (j == steps - 1) break;
            for (int pass = 0; pass < 2; pass++)
                for (int i = 0; i <= j; i++) {
                    double p = 0;
                    for (int k = 0; k < n; k++) p += q[i][k] * u[k];
                    for (int k = 0; k < n; k++) u[k] -= p * q[i][k];
                }
            double norm = 0;
            for (int k = 0; k < n; k++) norm += u[k] * u[k];
            norm = Math.sqrt(norm);
            if (!(norm > 0)) throw new IllegalStateException("Lanczos breakdown at step " + j + " of " + steps);
            beta[j] = norm;
            q[j + 1] = new double[n];
            for (int k = 0; k < n; k++) q[j + 1][k] = u[k] / norm;
        }
        return new double[][] {alpha, beta};
    }

    static double[][] lanczos(double[] d, double[] start, int steps) { return lanczos(d, start, steps, null); }

    /**
     * Eigenvalues (ascending) and orthonormal eigenvectors of the symmetric tridiagonal matrix with the given diagonal
     * and off-diagonal (implicit QL, Hipparchus' {@link EigenDecompositionSymmetric}).
     */
    private static EigenDecompositionSymmetric ascending(double[] diagonal, double[] offDiagonal) {
        return new EigenDecompositionSymmetric(diagonal, offDiagonal, EigenDecompositionSymmetric.DEFAULT_EPSILON, false);
    }
}

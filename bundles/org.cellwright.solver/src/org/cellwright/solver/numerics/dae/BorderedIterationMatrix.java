package org.cellwright.solver.numerics.dae;

import org.cellwright.solver.numerics.BandedMatrix;

/**
 * c M - df/dy of a {@link BorderedDaeSystem}, solved by eliminating each block onto its anchor (block Gaussian
 * elimination / Schur complement, Golub and Van Loan, Matrix Computations, 4th ed., sec. 3.2.11):
 * with T_b the block's tridiagonal part, u_b its column on the anchor and v_b the anchor row's entry on the block's last
 * unknown, S = A_core - sum_b v_b e_a (T_b^-1 u_b)_last e_a^T is banded like the core; each T_b is solved by the Thomas
 * algorithm. The Jacobian is taken by finite differences with kl + ku + 1 colours on the core and 3 on the blocks
 * (Curtis, Powell and Reid 1974).
 */
public final class BorderedIterationMatrix implements IterationMatrix {
    private final BorderedDaeSystem sys;
    private final int n, core, kl, ku, w, nb;
    private int longest; // the largest block size
    private final double[] band; // core df/dy, (kl + ku + 1) x core
    private final int[] bStart, bSize, anchor;
    /**
     * Linear blocks with a twin ({@link BorderedDaeSystem#blockTwin}): the factorisation (Thomas LU and z) of block b is
     * held at its twin's unknowns, twinOffset[b] after its own; owners lists the blocks factorised (their own twins).
     */
    private final int[] twinOffset, owners;
    private final double[] sub, diag, sup, colAnchor; // block df/dy: tridiagonal and d(block row)/d(anchor), indexed by unknown
    private final double[] rowAnchor; // d(anchor row)/d(block last unknown), per block
    // factorisation
    private final BandedMatrix schur;
    private final double[] tDiag, tSup, tLower, z; // Thomas LU of T_b (tDiag: inverse pivots) and z_b = T_b^-1 u_b (by unknown)
    private final double[] vFactor; // v_b per block in the factorised matrix
    private final double[] f0, f1, yp, coreWork;
    private final int[] blockOfAnchor; // block anchored on a core unknown, or -1
    private final double[] atolFloor; // DaeSystem.differenceScale(j): the least finite-difference scale of unknown j
    private int evaluations;

    public BorderedIterationMatrix(BorderedDaeSystem sys) {
        this.sys = sys;
        n = sys.size();
        core = sys.coreSize();
        kl = sys.lowerBandwidth();
        ku = sys.upperBandwidth();
        w = kl + ku + 1;
        nb = sys.blocks();
        band = new double[w * core];
        bStart = new int[nb];
        bSize = new int[nb];
        anchor = new int[nb];
        boolean[] anchored = new boolean[core];
        for (int b = 0; b < nb; b++) {
            bStart[b] = sys.blockStart(b);
            bSize[b] = sys.blockSize(b);
            anchor[b] = sys.anchor(b);
            longest = Math.max(longest, bSize[b]);
            if (anchored[anchor[b]]) throw new IllegalArgumentException("core unknown " + anchor[b] + " anchors two blocks");
            anchored[anchor[b]] = true;
        }
        twinOffset = new int[nb];
        boolean linear = sys.linearBlocks();
        int owned = 0;
        for (int b = 0; b < nb; b++) {
            int a = linear ? sys.blockTwin(b) : b;
            if (a < 0 || a > b || bSize[a] != bSize[b] || (linear && sys.blockTwin(a) != a))
                throw new IllegalArgumentException("block " + b + ": twin " + a + " is not an earlier block of its size that is its own twin");
            twinOffset[b] = bStart[a] - bStart[b];
            if (a == b) owned++;
        }
        owners = new int[owned];
        for (int b = 0, o = 0; b < nb; b++) if (twinOffset[b] == 0) owners[o++] = b;
        sub = new double[n];
        diag = new double[n];
        sup = new double[n];
        colAnchor = new double[n];
        rowAnchor = new double[nb];
        schur = new BandedMatrix(core, kl, ku);
        tDiag = new double[n];
        tSup = new double[n];
        tLower = new double[n];
        z = new double[n];
        vFactor = new double[nb];
        f0 = new double[n];
        f1 = new double[n];
        yp = new double[n];
        coreWork = new double[core];
        blockOfAnchor = new int[core];
        java.util.Arrays.fill(blockOfAnchor, -1);
        for (int b = 0; b < nb; b++) blockOfAnchor[anchor[b]] = b;
        atolFloor = new double[n];
        for (int j = 0; j < n; j++) atolFloor[j] = sys.differenceScale(j);
    }

    @Override public int evaluations() { return evaluations; }

    private static final double SQRT_EPS = Math.sqrt(Math.ulp(1.0));

    /** The factor on the finite-difference steps ({@link #differenceStepFactor}). */
    private double stepFactor = 1;

    @Override public void differenceStepFactor(double factor) { stepFactor = factor; }

    private double step(double[] y, int j) {
        return stepFactor * SQRT_EPS * Math.max(Math.abs(y[j]), atolFloor[j]);
    }

    @Override
    public void update(DaeSystem s, double t, double[] y) {
        s.rhs(t, y, f0);
        evaluations++;
        System.arraycopy(y, 0, yp, 0, n); // each colour perturbs its columns and puts them back afterwards
        // core columns: core rows in the band, and the anchored block's rows
        for (int colour = 0; colour < Math.min(w, core); colour++) {
            for (int j = colour; j < core; j += w) yp[j] = y[j] + step(y, j);
            s.rhs(t, yp, f1);
            evaluations++;
            for (int j = colour; j < core; j += w) {
                double inv = 1 / (yp[j] - y[j]);
                yp[j] = y[j];
                int r0 = Math.max(0, j - ku), r1 = Math.min(core - 1, j + kl);
                for (int i = r0; i <= r1; i++) band[j * w + (ku + i - j)] = (f1[i] - f0[i]) * inv;
                int b = blockOfAnchor[j];
                if (b >= 0) for (int i = bStart[b]; i < bStart[b] + bSize[b]; i++) colAnchor[i] = (f1[i] - f0[i]) * inv;
            }
        }
        // block columns, local index k = colour mod 3 in every block at once
        for (int colour = 0; colour < 3; colour++) {
            boolean any = false;
            for (int b = 0; b < nb; b++)
                for (int k = colour; k < bSize[b]; k += 3) {
                    int j = bStart[b] + k;
                    yp[j] = y[j] + step(y, j);
                    any = true;
                }
            if (!any) continue;
            s.rhs(t, yp, f1);
            evaluations++;
            for (int b = 0; b < nb; b++)
                for (int k = colour; k < bSize[b]; k += 3) {
                    int j = bStart[b] + k;
                    double inv = 1 / (yp[j] - y[j]);
                    yp[j] = y[j];
                    diag[j] = (f1[j] - f0[j]) * inv;
                    if (k > 0) sup[j - 1] = (f1[j - 1] - f0[j - 1]) * inv; // row j-1, column j
                    if (k < bSize[b] - 1) sub[j + 1] = (f1[j + 1] - f0[j + 1]) * inv; // row j+1, column j
                    if (k == bSize[b] - 1) rowAnchor[b] = (f1[anchor[b]] - f0[anchor[b]]) * inv;
                }
        }
    }

    /**
     * The anchor rows only (Butler-Volmer rows in the DFN: their entries change with the overpotential from step to step,
     * the transport rows' hardly): core columns coloured with stride reach + 1 (two columns of one colour never fall in
     * one anchor row's window [anchor - reach, anchor]), then the blocks' last unknowns together.
     */
    @Override
    public boolean updateFastRows(DaeSystem s, double t, double[] y) {
        int reach = sys.anchorRowReach();
        if (reach < 0) return false;
        if (analyticRows(t, y, reach)) return true;
        s.rhs(t, y, f0);
        evaluations++;
        System.arraycopy(y, 0, yp, 0, n);
        int stride = reach + 1;
        for (int colour = 0; colour < stride; colour++) {
            for (int j = colour; j < core; j += stride) yp[j] = y[j] + step(y, j);
            s.rhs(t, yp, f1);
            evaluations++;
            for (int b = 0; b < nb; b++) {
                int a = anchor[b];
                for (int j = Math.max(0, a - reach); j <= a; j++)
                    if (j % stride == colour && a - j <= kl) band[j * w + (ku + a - j)] = (f1[a] - f0[a]) / (yp[j] - y[j]);
            }
            for (int j = colour; j < core; j += stride) yp[j] = y[j];
        }
        for (int b = 0; b < nb; b++) {
            int last = bStart[b] + bSize[b] - 1;
            yp[last] = y[last] + step(y, last);
        }
        s.rhs(t, yp, f1);
        evaluations++;
        for (int b = 0; b < nb; b++) {
            int last = bStart[b] + bSize[b] - 1;
            rowAnchor[b] = (f1[anchor[b]] - f0[anchor[b]]) / (yp[last] - y[last]);
            yp[last] = y[last];
        }
        return true;
    }

    private double[] rowWork; // the system's analytic anchor rows, (reach + 1) per block

    /** The anchor rows from the system's {@link BorderedDaeSystem#anchorRows}, if it has them. */
    private boolean analyticRows(double t, double[] y, int reach) {
        int width = reach + 1;
        if (rowWork == null) rowWork = new double[nb * width];
        if (!sys.anchorRows(t, y, rowWork, rowAnchor)) return false;
        for (int b = 0; b < nb; b++) {
            int a = anchor[b];
            for (int i = 0; i < width; i++) {
                int j = a - reach + i;
                if (j >= 0 && a - j <= kl) band[j * w + (ku + a - j)] = rowWork[b * width + i];
            }
        }
        return true;
    }

    @Override
    public boolean factor(double c, double[] m, boolean init) {
        schur.clear();
        for (int j = 0; j < core; j++) {
            int r0 = Math.max(0, j - ku), r1 = Math.min(core - 1, j + kl);
            for (int i = r0; i <= r1; i++) {
                double v;
                if (init && m[i] != 0) v = i == j ? 1 : 0;
                else {
                    v = -band[j * w + (ku + i - j)];
                    if (i == j) v += c * m[i];
                }
                if (v != 0) schur.set(i, j, v);
            }
        }
        if (!factorBlocks(c, m, init)) return false;
        for (int b = 0; b < nb; b++) {
            int a = anchor[b];
            boolean anchorIdentity = init && m[a] != 0;
            double v = anchorIdentity ? 0 : -rowAnchor[b];
            vFactor[b] = v;
            if (v != 0) schur.add(a, a, -v * z[bStart[b] + bSize[b] - 1 + twinOffset[b]]);
        }
        return schur.factorize();
    }

    /**
     * The blocks alone at a new c, the core's Schur complement kept from the last {@link #factor}: a solve then satisfies
     * every block's linearised rows exactly for whatever anchor update the (approximate) core gives, so a block's
     * conserved total (a particle's lithium: its rows' flux terms telescope) is kept at every Newton iterate.
     */
    @Override
    public boolean retarget(double c, double[] m) { return factorBlocks(c, m, false); }

    /**
     * Thomas factorisation of every block, the blocks advanced together unknown by unknown (k outer, block inner): each
     * block's recurrence waits on its own last division, and interleaving independent blocks lets those overlap.
     */
    private boolean factorBlocks(double c, double[] m, boolean init) {
        for (int k = 0; k < longest; k++) {
            for (int b : owners) {
                int len = bSize[b];
                if (k >= len) continue;
                int i = bStart[b] + k;
                // T = c M - J on the block (identity rows at initialisation for differential unknowns)
                boolean identity = init && m[i] != 0;
                double d = identity ? 1 : c * m[i] - diag[i];
                double lo = k == 0 || identity ? 0 : -sub[i];
                double up = k == len - 1 || identity ? 0 : -sup[i];
                double u = identity ? 0 : -colAnchor[i];
                // Thomas forward elimination: tLower[i] = lo / tDiag[i-1] (tDiag holds the inverse pivots)
                if (k > 0) {
                    double l = lo * tDiag[i - 1];
                    tLower[i] = l;
                    d -= l * tSup[i - 1];
                    u -= l * z[i - 1];
                } else tLower[i] = 0;
                if (d == 0 || !Double.isFinite(d)) return false;
                tDiag[i] = 1 / d;
                tSup[i] = up;
                z[i] = u; // forward-eliminated u
            }
        }
        for (int k = longest - 1; k >= 0; k--) {
            for (int b : owners) {
                int len = bSize[b];
                if (k >= len) continue;
                int i = bStart[b] + k;
                double v = z[i] - (k < len - 1 ? tSup[i] * z[i + 1] : 0);
                z[i] = v * tDiag[i];
            }
        }
        return true;
    }

    @Override
    public void solve(double[] r) { solve(r, 1); }

    /** As {@link #solve(double[])}, the core's part of the update scaled by coreScale before the blocks take it up. */
    @Override
    public void solve(double[] r, double coreScale) {
        // forward-eliminate each block's right-hand side, then back-substitute: x_b0 = T^-1 r_b (blocks interleaved as in
        // factorBlocks; multiplications by the inverse pivots, no division in the recurrences)
        for (int k = 1; k < longest; k++)
            for (int b = 0; b < nb; b++) {
                if (k >= bSize[b]) continue;
                int i = bStart[b] + k;
                r[i] -= tLower[i + twinOffset[b]] * r[i - 1];
            }
        for (int k = longest - 1; k >= 0; k--)
            for (int b = 0; b < nb; b++) {
                int len = bSize[b];
                if (k >= len) continue;
                int i = bStart[b] + k, o = i + twinOffset[b];
                r[i] = (k == len - 1 ? r[i] : r[i] - tSup[o] * r[i + 1]) * tDiag[o];
            }
        for (int b = 0; b < nb; b++) r[anchor[b]] -= vFactor[b] * r[bStart[b] + bSize[b] - 1];
        solveCore(r);
        if (coreScale != 1) for (int i = 0; i < core; i++) r[i] *= coreScale;
        for (int b = 0; b < nb; b++) {
            double da = r[anchor[b]];
            int o = twinOffset[b];
            for (int i = bStart[b]; i < bStart[b] + bSize[b]; i++) r[i] -= z[i + o] * da;
        }
    }

    /**
     * The core's part of a solve whose right-hand side is zero on every block (a system's linear blocks after their rows
     * were solved): the blocks' substitutions give 0, so their update is -z_b da ({@link #blockColumns}), left to the caller.
     */
    void solveCore(double[] r, double coreScale) {
        solveCore(r);
        if (coreScale != 1) for (int i = 0; i < core; i++) r[i] *= coreScale;
    }

    /** z_b = T_b^-1 u_b by unknown (the blocks' part of the factorisation): a block moves by -z_b da for its anchor's da. */
    double[] blockColumns() { return z; }

    /** Where block b's z is held in {@link #blockColumns}: at its unknowns' indices plus this (its twin's, 0 if none). */
    int blockColumnOffset(int b) { return twinOffset[b]; }

    private void solveCore(double[] r) {
        System.arraycopy(r, 0, coreWork, 0, core);
        schur.solve(coreWork);
        System.arraycopy(coreWork, 0, r, 0, core);
    }

    /** df/dy entry (i, j) as stored (0 outside the structure); for tests. */
    public double get(int i, int j) {
        if (i < core && j < core) return i - j > kl || j - i > ku ? 0 : band[j * w + (ku + i - j)];
        for (int b = 0; b < nb; b++) {
            int s0 = bStart[b], e = s0 + bSize[b];
            if (i >= s0 && i < e) {
                if (j == anchor[b]) return colAnchor[i];
                if (j == i) return diag[i];
                if (j == i - 1 && j >= s0) return sub[i];
                if (j == i + 1 && j < e) return sup[i];
                return 0;
            }
            if (i == anchor[b] && j == e - 1) return rowAnchor[b];
        }
        return 0;
    }
}

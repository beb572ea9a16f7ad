package org.cellwright.solver.numerics;

import java.util.Arrays;

/**
 * A square banded matrix with kl sub- and ku super-diagonals and an in-place LU factorisation with partial
 * pivoting in LAPACK dgbtrf layout (the factor needs kl extra super-diagonals for fill-in). Storage is
 * preallocated; factorise + solve cost O(n kl (kl + ku)) at most. The factorisation records each column's actual
 * extent, L's last nonzero multiplier and U's first nonzero row, and the elimination and the solve loop over those
 * alone: the entries of the band past them are exact zeros, whose multiply-subtracts change nothing (a DFN core of
 * 120 unknowns, kl = ku = 5, has about 3 nonzero multipliers of 5 per column and U reaches about 4 of its 10 rows
 * above the diagonal: the solve does 45 % of the band's multiply-subtracts; docs/dfn.md, session 27).
 */
public final class BandedMatrix {
    private final int n, kl, ku, ldab;
    private final double[] ab; // column-major band storage, (2kl+ku+1) x n
    private final int[] piv;
    private final double[] invDiag; // 1 / U(j, j) of the factorisation: the back substitution multiplies
    /** Of the factorisation: the last row of L's column j with a nonzero multiplier (j if none), U's first nonzero row in column j. */
    private final int[] lowerEnd, upperStart;
    private boolean factored;

    public BandedMatrix(int n, int kl, int ku) {
        this.n = n;
        this.kl = kl;
        this.ku = ku;
        this.ldab = 2 * kl + ku + 1;
        this.ab = new double[ldab * n];
        this.piv = new int[n];
        this.invDiag = new double[n];
        this.lowerEnd = new int[n];
        this.upperStart = new int[n];
    }

    public int size() { return n; }

    public void clear() {
        Arrays.fill(ab, 0);
        factored = false;
    }

    private int idx(int i, int j) { return j * ldab + (kl + ku + i - j); }

    /** Adds v at (i, j); |i - j| must lie within the band. */
    public void add(int i, int j, double v) {
        if (j - i > ku || i - j > kl) throw new IllegalArgumentException("(" + i + "," + j + ") outside band");
        ab[idx(i, j)] += v;
    }

    public void set(int i, int j, double v) {
        if (j - i > ku || i - j > kl) throw new IllegalArgumentException("(" + i + "," + j + ") outside band");
        ab[idx(i, j)] = v;
    }

    public double get(int i, int j) {
        if (j - i > ku || i - j > kl) return 0;
        return ab[idx(i, j)];
    }

    /** y = A x (before factorisation). */
    public void multiply(double[] x, double[] y) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = Math.max(0, i - kl); j <= Math.min(n - 1, i + ku); j++) s += ab[idx(i, j)] * x[j];
            y[i] = s;
        }
    }

    /**
     * LU with partial pivoting (LAPACK dgbtf2's order: the rank-1 update column by column, so every inner loop runs
     * over contiguous storage); returns false if the matrix is singular. The rank-1 update of column j runs down to its
     * last nonzero multiplier only (below it L holds exact zeros).
     */
    public boolean factorize() {
        int kv = ku + kl, off = kl + ku;
        double[] a = ab;
        for (int j = 0; j < n; j++) upperStart[j] = j;
        for (int j = 0; j < n; j++) {
            int last = Math.min(n - 1, j + kl);
            int cj = j * ldab + off - j; // entry (i, j) at cj + i
            int p = j;
            double max = Math.abs(a[cj + j]);
            for (int i = j + 1; i <= last; i++) {
                double v = Math.abs(a[cj + i]);
                if (v > max) { max = v; p = i; }
            }
            piv[j] = p;
            if (max == 0 || !Double.isFinite(max)) return false;
            int colEnd = Math.min(n - 1, j + kv);
            if (p != j) {
                for (int c = j; c <= colEnd; c++) {
                    int cc = c * ldab + off - c;
                    double t = a[cc + j]; a[cc + j] = a[cc + p]; a[cc + p] = t;
                }
            }
            double inv = 1 / a[cj + j];
            invDiag[j] = inv;
            while (last > j && a[cj + last] == 0) last--;
            lowerEnd[j] = last;
            for (int i = j + 1; i <= last; i++) a[cj + i] *= inv;
            for (int c = j + 1; c <= colEnd; c++) {
                int cc = c * ldab + off - c;
                double u = a[cc + j];
                if (u != 0) {
                    if (upperStart[c] == c) upperStart[c] = j; // row j is U's first nonzero in column c (rows are final once eliminated)
                    for (int i = j + 1; i <= last; i++) a[cc + i] -= a[cj + i] * u;
                }
            }
        }
        factored = true;
        return true;
    }

    /**
     * Solves A x = b in place (b becomes x) after {@link #factorize()}: each column's multiply-subtracts over its
     * nonzero extent ({@link #lowerEnd}, {@link #upperStart}). The row the next column reads first (row j + 1 in the
     * forward sweep, unless a pivot swaps it; row j - 1 in the back substitution), updated last by this column, is
     * carried in a register as well as stored: the sweeps' chain from one column to the next is then its multiply and
     * subtract without a store and reload (the same operations in the same order, so the same result to the last bit;
     * 20-30 % less time per solve, session 40, docs/solid-state-solver.md "Speed").
     */
    public void solve(double[] b) {
        if (!factored) throw new IllegalStateException("not factorized");
        int off = kl + ku;
        double[] a = ab;
        double carry = 0;
        int carried = -1; // the row whose updated value carry holds (stored in b too), -1 if none
        for (int j = 0; j < n; j++) {
            int p = piv[j];
            double bj = p == carried ? carry : b[p];
            if (p != j) { b[p] = b[j]; b[j] = bj; }
            carried = -1;
            if (bj == 0) continue;
            int last = lowerEnd[j], cj = j * ldab + off - j;
            if (last > j) {
                double v = b[j + 1] - a[cj + j + 1] * bj;
                b[j + 1] = v;
                carry = v;
                carried = j + 1;
                for (int i = j + 2; i <= last; i++) b[i] -= a[cj + i] * bj;
            }
        }
        carried = -1;
        for (int j = n - 1; j >= 0; j--) {
            int cj = j * ldab + off - j;
            double bj = (j == carried ? carry : b[j]) * invDiag[j];
            carried = -1;
            b[j] = bj;
            if (bj == 0) continue;
            int start = upperStart[j];
            if (start < j) {
                for (int i = start; i < j - 1; i++) b[i] -= a[cj + i] * bj;
                double v = b[j - 1] - a[cj + j - 1] * bj;
                b[j - 1] = v;
                carry = v;
                carried = j - 1;
            }
        }
    }
}

package org.cellwright.solver.numerics;

/**
 * Thomas algorithm for tridiagonal systems (Golub and Van Loan, Matrix Computations, 4th ed., 2013, alg. 4.3.6),
 * without pivoting: for the diagonally dominant diffusion matrices it is used on. O(n), no allocation after
 * construction. Hand-written: a library call costs more than the 8n flops of the solve itself.
 */
public final class TridiagonalSolver {
    private final double[] cp;
    private final double[] dp;
    /** The elimination of the last {@link #factor}: inverted pivots, sub-diagonal, multipliers and the forward sweep. */
    private final double[] pivot, low, mult, fwd;
    private int factored;

    public TridiagonalSolver(int n) {
        cp = new double[n];
        dp = new double[n];
        pivot = new double[n];
        low = new double[n];
        mult = new double[n];
        fwd = new double[n];
    }

    /**
     * Eliminates a matrix once (arguments as in {@link #solve}) for several right-hand sides
     * ({@link #solveFactored}); the same operations as {@link #solve}, so the solutions are the same to the last bit.
     * Each pivot is inverted once: the sweeps multiply by it (a division in the sweeps' dependency chain costs
     * several multiplications).
     */
    public void factor(double[] lower, double[] diag, double[] upper, int n) {
        double inv = 1 / diag[0];
        pivot[0] = inv;
        mult[0] = upper[0] * inv;
        for (int i = 1; i < n; i++) {
            low[i] = lower[i];
            inv = 1 / (diag[i] - lower[i] * mult[i - 1]);
            pivot[i] = inv;
            mult[i] = i < n - 1 ? upper[i] * inv : 0;
        }
        factored = n;
    }

    /**
     * {@link #factor} and two solves in one sweep each way: x for the right-hand side d (offset dOffset, x at
     * xOffset) as {@link #solveFactored}, and y for a right-hand side zero but for its last entry dLast as
     * {@link #solveFactoredLast}. The same operations in the same order as those three calls, so the results and the
     * factorisation left for later solves are the same to the last bit; one pass over the rows instead of four, so
     * the elimination's dependency chain (a division per row) and the forward sweep's overlap (a particle step's
     * matrix is factored and solved once per Picard iterate: session 40, docs/solid-state-solver.md "Speed").
     */
    public void factorSolve(double[] lower, double[] diag, double[] upper, int n, double[] d, int dOffset, double[] x,
            int xOffset, double dLast, double[] y) {
        double inv = 1 / diag[0];
        pivot[0] = inv;
        double m = upper[0] * inv;
        mult[0] = m;
        double f = d[dOffset] * inv;
        fwd[0] = f;
        for (int i = 1; i < n; i++) {
            double l = lower[i];
            low[i] = l;
            inv = 1 / (diag[i] - l * m);
            pivot[i] = inv;
            m = i < n - 1 ? upper[i] * inv : 0;
            mult[i] = m;
            f = (d[dOffset + i] - l * f) * inv;
            fwd[i] = f;
        }
        factored = n;
        double nx = f, ny = dLast * inv;
        x[xOffset + n - 1] = nx;
        y[n - 1] = ny;
        for (int i = n - 2; i >= 0; i--) {
            double mi = mult[i];
            x[xOffset + i] = nx = fwd[i] - mi * nx;
            y[i] = ny = -mi * ny;
        }
    }

    /** Solves the matrix of the last {@link #factor} for right-hand side d; writes x. */
    public void solveFactored(double[] d, double[] x) { solveFactored(d, 0, x, 0); }

    /** As {@link #solveFactored(double[], double[])} with the right-hand side and the solution at offsets. */
    public void solveFactored(double[] d, int dOffset, double[] x, int xOffset) {
        int n = factored;
        fwd[0] = d[dOffset] * pivot[0];
        for (int i = 1; i < n; i++) fwd[i] = (d[dOffset + i] - low[i] * fwd[i - 1]) * pivot[i];
        double next = fwd[n - 1];
        x[xOffset + n - 1] = next;
        for (int i = n - 2; i >= 0; i--) x[xOffset + i] = next = fwd[i] - mult[i] * next;
    }

    /**
     * Solves the matrix of the last {@link #factor} for a right-hand side that is zero but for its last entry dLast
     * (the forward sweep leaves the zeros); writes x.
     */
    public void solveFactoredLast(double dLast, double[] x) {
        int n = factored;
        double next = dLast * pivot[n - 1];
        x[n - 1] = next;
        for (int i = n - 2; i >= 0; i--) x[i] = next = -mult[i] * next;
    }

    /**
     * Solves a x = d with sub-diagonal lower[i] (row i, column i-1; lower[0] unused), diagonal diag and
     * super-diagonal upper[i] (row i, column i+1; upper[n-1] unused). Writes x; inputs are not modified.
     */
    public void solve(double[] lower, double[] diag, double[] upper, double[] d, double[] x, int n) {
        double inv = 1 / diag[0];
        cp[0] = upper[0] * inv;
        dp[0] = d[0] * inv;
        for (int i = 1; i < n; i++) {
            inv = 1 / (diag[i] - lower[i] * cp[i - 1]);
            cp[i] = i < n - 1 ? upper[i] * inv : 0;
            dp[i] = (d[i] - lower[i] * dp[i - 1]) * inv;
        }
        x[n - 1] = dp[n - 1];
        for (int i = n - 2; i >= 0; i--) x[i] = dp[i] - cp[i] * x[i + 1];
    }
}

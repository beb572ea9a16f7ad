package org.cellwright.solver.numerics;

/**
 * Thomas algorithm for tridiagonal systems (Golub and Van Loan, Matrix Computations, 4th ed., 2013, alg. 4.3.6),
 * without pivoting: for the diagonally dominant diffusion matrices it is used on. O(n), no allocation after
 * construction. Hand-written: a library call costs more than the 8n flops of the solve itself.
 */
public final class TridiagonalSolver {
    private final double[] cp;
    private final double[] dp;
    /** The elimination of the last {@link #factor}: pivots, sub-diagonal, multipliers and the forward sweep. */
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
     */
    public void factor(double[] lower, double[] diag, double[] upper, int n) {
        pivot[0] = diag[0];
        mult[0] = upper[0] / diag[0];
        for (int i = 1; i < n; i++) {
            low[i] = lower[i];
            double m = diag[i] - lower[i] * mult[i - 1];
            pivot[i] = m;
            mult[i] = i < n - 1 ? upper[i] / m : 0;
        }
        factored = n;
    }

    /** Solves the matrix of the last {@link #factor} for right-hand side d; writes x. */
    public void solveFactored(double[] d, double[] x) {
        int n = factored;
        fwd[0] = d[0] / pivot[0];
        for (int i = 1; i < n; i++) fwd[i] = (d[i] - low[i] * fwd[i - 1]) / pivot[i];
        x[n - 1] = fwd[n - 1];
        for (int i = n - 2; i >= 0; i--) x[i] = fwd[i] - mult[i] * x[i + 1];
    }

    /**
     * Solves the matrix of the last {@link #factor} for a right-hand side that is zero but for its last entry dLast
     * (the forward sweep leaves the zeros); writes x.
     */
    public void solveFactoredLast(double dLast, double[] x) {
        int n = factored;
        x[n - 1] = dLast / pivot[n - 1];
        for (int i = n - 2; i >= 0; i--) x[i] = -mult[i] * x[i + 1];
    }

    /**
     * Solves a x = d with sub-diagonal lower[i] (row i, column i-1; lower[0] unused), diagonal diag and
     * super-diagonal upper[i] (row i, column i+1; upper[n-1] unused). Writes x; inputs are not modified.
     */
    public void solve(double[] lower, double[] diag, double[] upper, double[] d, double[] x, int n) {
        cp[0] = upper[0] / diag[0];
        dp[0] = d[0] / diag[0];
        for (int i = 1; i < n; i++) {
            double m = diag[i] - lower[i] * cp[i - 1];
            cp[i] = i < n - 1 ? upper[i] / m : 0;
            dp[i] = (d[i] - lower[i] * dp[i - 1]) / m;
        }
        x[n - 1] = dp[n - 1];
        for (int i = n - 2; i >= 0; i--) x[i] = dp[i] - cp[i] * x[i + 1];
    }
}

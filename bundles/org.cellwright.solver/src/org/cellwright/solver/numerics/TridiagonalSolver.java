package org.cellwright.solver.numerics;

/**
 * Thomas algorithm for tridiagonal systems (Golub and Van Loan, Matrix Computations, 4th ed., 2013, alg. 4.3.6),
 * without pivoting: for the diagonally dominant diffusion matrices it is used on. O(n), no allocation after
 * construction. Hand-written: a library call costs more than the 8n flops of the solve itself.
 */
public final class TridiagonalSolver {
    private final double[] cp;
    private final double[] dp;

    public TridiagonalSolver(int n) {
        cp = new double[n];
        dp = new double[n];
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

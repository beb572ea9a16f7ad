package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.cellwright.solver.numerics.BandedMatrix;
import org.cellwright.solver.numerics.CubicHermiteTable;
import org.cellwright.solver.numerics.NewtonSolver;
import org.cellwright.solver.numerics.TridiagonalSolver;
import org.junit.jupiter.api.Test;

/**
 * The numerics layer on its own: the banded LU and the Thomas algorithm against dense Gaussian elimination, Newton's
 * quadratic convergence on a system with a known root (Deuflhard, Newton Methods for Nonlinear Problems, 2004,
 * thm. 2.10: e_{k+1} <= C e_k^2 near the root).
 */
class NumericsTest {

    /** Dense Gaussian elimination with partial pivoting (the reference). */
    static double[] dense(double[][] a0, double[] b0) {
        int n = b0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = a0[i].clone();
        double[] b = b0.clone();
        for (int j = 0; j < n; j++) {
            int p = j;
            for (int i = j + 1; i < n; i++) if (Math.abs(a[i][j]) > Math.abs(a[p][j])) p = i;
            double[] t = a[j]; a[j] = a[p]; a[p] = t;
            double tb = b[j]; b[j] = b[p]; b[p] = tb;
            for (int i = j + 1; i < n; i++) {
                double l = a[i][j] / a[j][j];
                for (int c = j; c < n; c++) a[i][c] -= l * a[j][c];
                b[i] -= l * b[j];
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int c = i + 1; c < n; c++) s -= a[i][c] * x[c];
            x[i] = s / a[i][i];
        }
        return x;
    }

    @Test
    void cubicHermiteTableReproducesCubicsAndHoldsTanhWithinItsErrorBound() {
        // a cubic is its own Hermite interpolant, value and derivative, at any x of any interval
        CubicHermiteTable cubic = new CubicHermiteTable(x -> 2 - x + 3 * x * x - 0.5 * x * x * x, x -> -1 + 6 * x - 1.5 * x * x, -1, 2, 7);
        for (double x = -1; x <= 2; x += 0.0173) {
            assertEquals(2 - x + 3 * x * x - 0.5 * x * x * x, cubic.value(x), 1e-13, "cubic at " + x);
            assertEquals(-1 + 6 * x - 1.5 * x * x, cubic.slope(x), 1e-12, "its slope at " + x);
        }
        assertTrue(cubic.covers(-1) && cubic.covers(2) && !cubic.covers(2.001) && !cubic.covers(Double.NaN));
        // tanh(k x): error at most h^4/384 max|f''''| (max |tanh''''| = 4.09), the slope's sqrt(3) h^3/216 max|f''''|; the
        // slope is the value's own derivative
        double k = 15;
        int n = 512;
        CubicHermiteTable t = new CubicHermiteTable(x -> Math.tanh(k * x), x -> k * (1 - Math.tanh(k * x) * Math.tanh(k * x)), -1, 1, n);
        double h = 2.0 / n, f4 = 4.09 * Math.pow(k, 4), worst = 0;
        for (int i = 0; i <= 200000; i++) {
            double x = -1 + i * 1e-5, e = Math.abs(t.value(x) - Math.tanh(k * x));
            worst = Math.max(worst, e);
            assertTrue(e <= Math.pow(h, 4) / 384 * f4, "value at " + x + ": " + e);
            assertEquals(k * (1 - Math.tanh(k * x) * Math.tanh(k * x)), t.slope(x), Math.sqrt(3) * Math.pow(h, 3) / 216 * f4, "slope at " + x);
            if (i % 97 == 0 && x > -0.999 && x < 0.999)
                assertEquals((t.value(x + 1e-7) - t.value(x - 1e-7)) / 2e-7, t.slope(x), 1e-6 * k, "the value's derivative at " + x);
        }
        assertTrue(worst > 0.05 * Math.pow(h, 4) / 384 * f4, "the bound is not loose by orders: " + worst);
    }

    @Test
    void bandedSolveEqualsDenseSolveWithPivoting() {
        Random r = new Random(42);
        int n = 40, kl = 2, ku = 3;
        BandedMatrix m = new BandedMatrix(n, kl, ku);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++)
            for (int j = Math.max(0, i - kl); j <= Math.min(n - 1, i + ku); j++) {
                // small diagonal: partial pivoting has to swap rows
                double v = i == j ? 0.01 * r.nextGaussian() : r.nextGaussian();
                a[i][j] = v;
                m.set(i, j, v);
            }
        double[] b = new double[n], ax = new double[n];
        for (int i = 0; i < n; i++) b[i] = r.nextGaussian();
        double[] expected = dense(a, b);
        m.multiply(expected, ax); // multiply before factorisation is A x
        for (int i = 0; i < n; i++) assertEquals(b[i], ax[i], 1e-9);
        assertTrue(m.factorize());
        double[] x = b.clone();
        m.solve(x);
        for (int i = 0; i < n; i++) assertEquals(expected[i], x[i], 1e-9 * Math.max(1, Math.abs(expected[i])), "x[" + i + "]");
    }

    /**
     * Partial pivoting searches a column down to the band's last sub-diagonal: a regular matrix whose every pivot lies
     * there (zero diagonal, kl = 2: a cyclic shift of the rows within the band) is factorised and solved exactly, and
     * a pivot that is only small on the diagonal is exchanged for the largest entry of its column, the last
     * sub-diagonal's (Golub and Van Loan, Matrix Computations, 4th ed., sec. 4.3.5: |l_ij| <= 1), so the solve keeps
     * full accuracy. (Mutation audit, session 20: a search stopping one row short survived the random test above.)
     */
    @Test
    void bandedPivotingReachesTheLastSubDiagonal() {
        int n = 12, kl = 2, ku = 1;
        for (double diagonal : new double[] {0, 1e-14}) {
            BandedMatrix m = new BandedMatrix(n, kl, ku);
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) {
                a[i][i] = diagonal;
                if (i + 1 < n) a[i][i + 1] = 0.5; // super-diagonal
                if (i >= kl) a[i][i - kl] = 1 + 0.1 * i; // the band's last sub-diagonal
            }
            // the last kl columns have no entry below: their pivots stay on the first sub-diagonal and the diagonal
            a[n - 1][n - 2] = 2;
            a[n - 2][n - 1] = 3;
            for (int i = 0; i < n; i++)
                for (int j = Math.max(0, i - kl); j <= Math.min(n - 1, i + ku); j++) m.set(i, j, a[i][j]);
            double[] x0 = new double[n], b = new double[n];
            for (int i = 0; i < n; i++) x0[i] = 1 + i % 3;
            m.multiply(x0, b);
            assertTrue(m.factorize(), "regular (diagonal " + diagonal + ")");
            m.solve(b);
            for (int i = 0; i < n; i++) assertEquals(x0[i], b[i], 1e-12, "diagonal " + diagonal + ": x[" + i + "]");
        }
    }

    /**
     * The banded LU loops over each column's nonzero extent only (L's last nonzero multiplier, U's first nonzero row,
     * fill from row interchanges included): on matrices with the DFN core's pattern, where half the band is structural
     * zeros and every factorisation interchanges rows (DfnModel: separator cells c_e, phi_e; electrode cells c_e,
     * phi_e, phi_s, j; kl = ku = 5; the salt balances' own diagonal about 1e-5 of their migration entries), the
     * solutions equal dense Gaussian elimination's to rounding, and the solve may follow the factorisation any number of
     * times. (Mutation check, session 27: U's first row taken from the matrix before fill, or one multiplier cut off
     * L's extent, fails here.)
     */
    @Test
    void bandedSolveOverEachColumnsNonzeroExtentEqualsDenseSolveOnTheDfnCorePattern() {
        Random r = new Random(27);
        int separator = 6, electrode = 8, n = 2 * separator + 4 * electrode, kl = 5, ku = 5;
        int[] start = new int[separator + electrode + 1];
        for (int g = 0; g < separator + electrode; g++) start[g + 1] = start[g] + (g < separator ? 2 : 4);
        for (int trial = 0; trial < 50; trial++) {
            double[][] a = new double[n][n];
            for (int g = 0; g < separator + electrode; g++) {
                int s = start[g];
                boolean el = g >= separator;
                for (int h = Math.max(0, g - 1); h <= Math.min(separator + electrode - 1, g + 1); h++) {
                    int o = start[h];
                    // the salt balance (row c_e) and the charge balance (row phi_e) see c_e and phi_e of their neighbours
                    a[s][o] = (h == g ? 1e-5 : -1e-5) * (1 + r.nextDouble());
                    a[s][o + 1] = (h == g ? 1 : -1) * (1 + r.nextDouble());
                    a[s + 1][o] = (h == g ? 4 : -4) * (1 + r.nextDouble());
                    a[s + 1][o + 1] = (h == g ? 8e4 : -8e4) * (1 + r.nextDouble());
                    if (el && h >= separator) a[s + 2][o + 2] = (h == g ? 5e7 : -5e7) * (1 + r.nextDouble()); // the solid's
                }
                if (el) { // j enters the three balances; the Butler-Volmer row sees c_e, phi_e, phi_s and j
                    a[s][s + 3] = 1e-5 * r.nextGaussian();
                    a[s + 1][s + 3] = -1 + 0.1 * r.nextGaussian();
                    a[s + 2][s + 3] = 1 + 0.1 * r.nextGaussian();
                    a[s + 3][s] = 0.01 * r.nextGaussian();
                    a[s + 3][s + 1] = 40 * (1 + r.nextDouble());
                    a[s + 3][s + 2] = -40 * (1 + r.nextDouble());
                    a[s + 3][s + 3] = 1 + r.nextDouble();
                }
            }
            BandedMatrix m = new BandedMatrix(n, kl, ku);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (a[i][j] != 0) m.set(i, j, a[i][j]);
            assertTrue(m.factorize(), "trial " + trial);
            for (int rhs = 0; rhs < 3; rhs++) {
                double[] b = new double[n];
                for (int i = 0; i < n; i++) b[i] = rhs == 1 && i % 7 != 0 ? 0 : r.nextGaussian(); // a sparse right-hand side too
                double[] expected = dense(a, b), x = b.clone();
                m.solve(x);
                double scale = 0;
                for (double v : expected) scale = Math.max(scale, Math.abs(v));
                for (int i = 0; i < n; i++) assertEquals(expected[i], x[i], 1e-9 * scale, "trial " + trial + ", right-hand side " + rhs + ": x[" + i + "]");
            }
        }
    }

    @Test
    void bandedRejectsEntriesOutsideItsBandAndSingularMatrices() {
        BandedMatrix m = new BandedMatrix(5, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> m.add(0, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> m.set(3, 1, 1));
        assertEquals(0, m.get(0, 4));
        for (int i = 0; i < 5; i++) m.set(i, i, 1);
        m.set(2, 2, 0); // a zero column
        assertFalse(m.factorize());
        assertThrows(IllegalStateException.class, () -> new BandedMatrix(3, 1, 1).solve(new double[3]));
    }

    @Test
    void tridiagonalEqualsDenseSolve() {
        Random r = new Random(7);
        int n = 30;
        double[] lo = new double[n], di = new double[n], up = new double[n], d = new double[n], x = new double[n];
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            lo[i] = i > 0 ? r.nextGaussian() : 0;
            up[i] = i < n - 1 ? r.nextGaussian() : 0;
            di[i] = Math.abs(lo[i]) + Math.abs(up[i]) + 0.1 + r.nextDouble(); // diagonally dominant, as the diffusion matrices
            a[i][i] = di[i];
            if (i > 0) a[i][i - 1] = lo[i];
            if (i < n - 1) a[i][i + 1] = up[i];
            d[i] = r.nextGaussian();
        }
        double[] expected = dense(a, d), dCopy = d.clone();
        new TridiagonalSolver(n).solve(lo, di, up, d, x, n);
        for (int i = 0; i < n; i++) assertEquals(expected[i], x[i], 1e-12 * Math.max(1, Math.abs(expected[i])));
        assertArrayEquals(dCopy, d, "inputs are not modified");
        // factored once, solved for several right-hand sides: the same solution to the last bit
        TridiagonalSolver f = new TridiagonalSolver(n);
        f.factor(lo, di, up, n);
        double[] y = new double[n], z = new double[n], e = new double[n], unit = new double[n];
        f.solveFactored(d, y);
        assertArrayEquals(x, y);
        e[n - 1] = 2.5;
        new TridiagonalSolver(n).solve(lo, di, up, e, unit, n);
        f.solveFactoredLast(2.5, z);
        for (int i = 0; i < n; i++) assertEquals(unit[i], z[i], 0, "right-hand side zero but for its last entry");
        // the elimination and both solves in one sweep each way: the same bits as the three calls, and the factorisation
        // it leaves solves as factor's (d at an offset, x at another)
        TridiagonalSolver g = new TridiagonalSolver(n);
        double[] dOff = new double[n + 3], xOff = new double[n + 5], zz = new double[n], later = new double[n];
        System.arraycopy(d, 0, dOff, 3, n);
        g.factorSolve(lo, di, up, n, dOff, 3, xOff, 5, 2.5, zz);
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToRawLongBits(y[i]), Double.doubleToRawLongBits(xOff[5 + i]), "factorSolve's x[" + i + "]");
            assertEquals(Double.doubleToRawLongBits(z[i]), Double.doubleToRawLongBits(zz[i]), "factorSolve's unit response [" + i + "]");
        }
        g.solveFactored(d, later);
        assertArrayEquals(y, later, "a solve after factorSolve");
    }

    /** F_i = 2 x_i - x_{i-1} - x_{i+1} + x_i^3 - b_i, b from the known root x*_i = 1 + sin(i)/2. */
    static final class Cubic implements NewtonSolver.BandedSystem {
        final int n;
        final double[] b, root;
        final List<double[]> iterates = new ArrayList<>();

        Cubic(int n) {
            this.n = n;
            root = new double[n];
            b = new double[n];
            for (int i = 0; i < n; i++) root[i] = 1 + 0.5 * Math.sin(i);
            double[] r = new double[n];
            b0 = true;
            residual(root, r);
            b0 = false;
            System.arraycopy(r, 0, b, 0, n);
        }
        boolean b0;

        @Override public int size() { return n; }

        @Override public boolean residual(double[] x, double[] r) {
            for (int i = 0; i < n; i++) {
                double left = i > 0 ? x[i - 1] : 0, right = i < n - 1 ? x[i + 1] : 0;
                r[i] = 2 * x[i] - left - right + x[i] * x[i] * x[i] - (b0 ? 0 : b[i]);
            }
            return true;
        }

        @Override public void jacobian(double[] x, BandedMatrix j) {
            iterates.add(x.clone()); // the Jacobian is built once per iteration, at the current iterate
            for (int i = 0; i < n; i++) {
                j.add(i, i, 2 + 3 * x[i] * x[i]);
                if (i > 0) j.add(i, i - 1, -1);
                if (i < n - 1) j.add(i, i + 1, -1);
            }
        }

        @Override public double absoluteTolerance(int i) { return 1e-13; }

        double error(double[] x) {
            double e = 0;
            for (int i = 0; i < n; i++) e = Math.max(e, Math.abs(x[i] - root[i]));
            return e;
        }
    }

    @Test
    void newtonConvergesQuadratically() {
        Cubic sys = new Cubic(25);
        double[] x = new double[25];
        for (int i = 0; i < 25; i++) x[i] = sys.root[i] + 0.4 * Math.cos(3 * i);
        NewtonSolver newton = new NewtonSolver(25, 1, 1);
        assertTrue(newton.solve(sys, x, 0, 30));
        assertEquals(0, sys.error(x), 1e-12);
        List<Double> e = sys.iterates.stream().map(sys::error).toList();
        assertTrue(e.size() >= 3 && e.size() <= 8, "iterations " + e);
        int checked = 0;
        for (int k = 0; k + 1 < e.size(); k++) {
            if (e.get(k + 1) < 1e-11) break; // rounding
            double c = e.get(k + 1) / (e.get(k) * e.get(k));
            assertTrue(c < 2, "e_" + (k + 1) + " / e_" + k + "^2 = " + c + " in " + e);
            checked++;
        }
        assertTrue(checked >= 2, "iterates to compare: " + e);
        // linear convergence would leave e_{k+1}/e_k bounded away from 0; quadratic drives it towards 0
        int last = e.size() - 1;
        while (last > 0 && e.get(last) < 1e-11) last--;
        assertTrue(e.get(last) / e.get(last - 1) < 0.05, "last contraction " + e);
        assertEquals(3, newton.statistics().length);
        assertEquals(1, newton.statistics()[0]);
        assertEquals(0, newton.statistics()[2]);
    }

    @Test
    void newtonReportsFailureOutsideTheDomain() {
        NewtonSolver newton = new NewtonSolver(2, 1, 1);
        NewtonSolver.BandedSystem nowhere = new NewtonSolver.BandedSystem() {
            @Override public int size() { return 2; }
            @Override public boolean residual(double[] x, double[] r) { return false; }
            @Override public void jacobian(double[] x, BandedMatrix j) {}
            @Override public double absoluteTolerance(int i) { return 1e-9; }
        };
        assertFalse(newton.solve(nowhere, new double[2], 0, 10));
        assertEquals(1, newton.statistics()[2]);
    }
}

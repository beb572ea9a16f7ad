package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.numerics.dae.BorderedDaeSystem;
import org.cellwright.solver.numerics.dae.BorderedIterationMatrix;
import org.junit.jupiter.api.Test;

/**
 * {@link BorderedIterationMatrix} on a small nonlinear bordered system of its general form, not the DFN's: every row of a
 * block depends on its anchor (the DFN's particles see their reaction rate in the surface shell's row only), blocks of
 * different sizes, and anchor rows declared by their reach without analytic entries (the DFN has them), so the
 * finite-difference refresh of those rows runs. (Mutation audit, session 20: the Thomas elimination of the anchor column
 * without its forward step, and the refresh's colours one column too close, both survived the DFN's tests: there the
 * anchor column has one entry, the last, and the anchor rows are analytic.)
 */
class BorderedIterationMatrixTest {

    /** Core 0..5 (tridiagonal), block 0 (unknowns 6..9) anchored on 1, block 1 (10..14) on 4; anchor rows see [a - 1, a]. */
    static final class Bordered implements BorderedDaeSystem {
        static final int CORE = 6, N = 15;
        static final int[] START = {6, 10}, SIZE = {4, 5}, ANCHOR = {1, 4};

        @Override public int size() { return N; }
        @Override public void mass(double[] m) { for (int i = 0; i < N; i++) m[i] = i >= CORE || i == 2 ? 1 + 0.1 * i : 0; }
        @Override public int lowerBandwidth() { return 1; }
        @Override public int upperBandwidth() { return 1; }
        @Override public double absoluteTolerance(int i) { return 1e-6; }
        @Override public int coreSize() { return CORE; }
        @Override public int blocks() { return 2; }
        @Override public int blockStart(int b) { return START[b]; }
        @Override public int blockSize(int b) { return SIZE[b]; }
        @Override public int anchor(int b) { return ANCHOR[b]; }
        @Override public int anchorRowReach() { return 1; }

        @Override
        public void rhs(double t, double[] y, double[] f) {
            for (int i = 0; i < CORE; i++) {
                int b = i == ANCHOR[0] ? 0 : i == ANCHOR[1] ? 1 : -1;
                if (b >= 0) { // anchor row: its left neighbour, itself and its block's last unknown
                    double last = y[START[b] + SIZE[b] - 1];
                    f[i] = -3 * y[i] + 0.3 * y[i - 1] * y[i - 1] + Math.exp(0.2 * y[i]) + (0.7 + t) * last * last;
                } else {
                    f[i] = -(2 + Math.sin(y[i])) * y[i] + (i > 0 ? 0.8 * y[i - 1] : 0) + (i < CORE - 1 ? 0.5 * y[i + 1] * y[i + 1] : 0);
                }
            }
            for (int b = 0; b < 2; b++) {
                double a = y[ANCHOR[b]];
                for (int k = 0; k < SIZE[b]; k++) {
                    int j = START[b] + k;
                    f[j] = -(2 + y[j] * y[j]) * y[j] + (k > 0 ? 0.5 * y[j - 1] : 0) + (k < SIZE[b] - 1 ? 0.4 * y[j + 1] : 0)
                            + (0.3 + 0.1 * k) * a * (1 + 0.1 * y[j] + 0.05 * a);
                }
            }
        }
    }

    static double[] state(double shift) {
        double[] y = new double[Bordered.N];
        for (int i = 0; i < y.length; i++) y[i] = shift + 0.3 * Math.cos(1.7 * i) + 0.05 * i;
        return y;
    }

    /** A solve is exact for the matrix c M - J the object holds (J's entries as {@link BorderedIterationMatrix#get}). */
    @Test
    void aSolveInvertsCMMinusTheJacobianWithEveryBlockRowSeeingItsAnchor() {
        Bordered sys = new Bordered();
        BorderedIterationMatrix it = new BorderedIterationMatrix(sys);
        double[] y = state(0.4), m = new double[Bordered.N];
        sys.mass(m);
        it.update(sys, 0, y);
        for (int b = 0; b < 2; b++)
            for (int k = 0; k < Bordered.SIZE[b]; k++)
                assertEquals((0.3 + 0.1 * k) * (1 + 0.1 * y[Bordered.START[b] + k] + 0.1 * y[Bordered.ANCHOR[b]]),
                        it.get(Bordered.START[b] + k, Bordered.ANCHOR[b]), 1e-6, "block " + b + " row " + k + " on its anchor");
        double c = 7.5;
        assertTrue(it.factor(c, m, false));
        double[] r = new double[Bordered.N];
        for (int i = 0; i < r.length; i++) r[i] = Math.sin(3.1 * i + 0.2) + 0.1 * i;
        double[] x = r.clone();
        it.solve(x);
        for (int i = 0; i < Bordered.N; i++) {
            double s = c * m[i] * x[i];
            for (int j = 0; j < Bordered.N; j++) s -= it.get(i, j) * x[j];
            assertEquals(r[i], s, 1e-12 * (1 + Math.abs(r[i])), "row " + i + " of (c M - J) x = r");
        }
    }

    /** The anchor rows refreshed alone (finite differences, reach + 1 colours) are a full update's; the others keep theirs. */
    @Test
    void theAnchorRowsRefreshedByFiniteDifferencesAreTheFullUpdatesAndTheOtherRowsKeepTheirs() {
        Bordered sys = new Bordered();
        BorderedIterationMatrix partial = new BorderedIterationMatrix(sys), full = new BorderedIterationMatrix(sys),
                old = new BorderedIterationMatrix(sys);
        double[] early = state(0.1), late = state(0.9);
        partial.update(sys, 0, early);
        old.update(sys, 0, early);
        assertTrue(partial.updateFastRows(sys, 0.5, late));
        full.update(sys, 0.5, late);
        java.util.Set<Integer> anchors = java.util.Set.of(Bordered.ANCHOR[0], Bordered.ANCHOR[1]);
        int changed = 0;
        for (int i = 0; i < Bordered.N; i++)
            for (int j = 0; j < Bordered.N; j++) {
                double p = partial.get(i, j), f = full.get(i, j), o = old.get(i, j);
                if (anchors.contains(i)) {
                    assertEquals(f, p, 1e-6 * (1 + Math.abs(f)), "anchor row " + i + ", column " + j);
                    if (Math.abs(f - o) > 1e-3) changed++;
                } else assertEquals(o, p, 0, "row " + i + ", column " + j + " keeps its value");
            }
        // the anchor row's analytic entries at the late state: d/dy[a-1] = 0.6 y[a-1], d/dy[a] = -3 + 0.2 exp(0.2 y[a])
        for (int a : Bordered.ANCHOR) {
            assertEquals(0.6 * late[a - 1], partial.get(a, a - 1), 1e-6);
            assertEquals(-3 + 0.2 * Math.exp(0.2 * late[a]), partial.get(a, a), 1e-6);
        }
        assertTrue(changed >= 4, "the anchor rows did change between the states: " + changed);
    }
}

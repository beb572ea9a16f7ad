package org.cellwright.solver.numerics.dae;

import org.cellwright.solver.numerics.BandedMatrix;

/**
 * df/dy of a banded system by finite differences with column colouring (Curtis, Powell and Reid, J. Inst. Math. Appl.
 * 13, 117, 1974): columns kl + ku + 1 apart touch disjoint rows, so kl + ku + 1 evaluations of f give the whole band.
 * Stored in band form so the iteration matrix c M - df/dy can be rebuilt for a new step size without new evaluations.
 */
public final class BandedJacobian {
    private final int n, kl, ku, w;
    private final double[] band; // (kl + ku + 1) x n, entry (i, j) at j * w + (ku + i - j)
    private final double[] f0, f1, yp;
    private int evaluations;

    public BandedJacobian(int n, int kl, int ku) {
        this.n = n;
        this.kl = kl;
        this.ku = ku;
        this.w = kl + ku + 1;
        band = new double[w * n];
        f0 = new double[n];
        f1 = new double[n];
        yp = new double[n];
    }

    public int lower() { return kl; }

    public int upper() { return ku; }

    /** Evaluations of f spent so far. */
    public int evaluations() { return evaluations; }

    public double get(int i, int j) {
        if (i - j > kl || j - i > ku) return 0;
        return band[j * w + (ku + i - j)];
    }

    /** Evaluates df/dy at (t, y). */
    public void update(DaeSystem sys, double t, double[] y) {
        update(sys, t, y, 1);
    }

    /** Evaluates df/dy at (t, y) with finite-difference steps stepFactor times the usual ones. */
    public void update(DaeSystem sys, double t, double[] y, double stepFactor) {
        sys.rhs(t, y, f0);
        evaluations++;
        double sqrtEps = Math.sqrt(Math.ulp(1.0));
        for (int colour = 0; colour < Math.min(w, n); colour++) {
            System.arraycopy(y, 0, yp, 0, n);
            for (int j = colour; j < n; j += w) {
                double h = stepFactor * sqrtEps * Math.max(Math.abs(y[j]), sys.differenceScale(j));
                yp[j] = y[j] + h;
            }
            sys.rhs(t, yp, f1);
            evaluations++;
            for (int j = colour; j < n; j += w) {
                double h = yp[j] - y[j];
                int r0 = Math.max(0, j - ku), r1 = Math.min(n - 1, j + kl);
                for (int i = r0; i <= r1; i++) band[j * w + (ku + i - j)] = (f1[i] - f0[i]) / h;
            }
        }
    }

    /** Writes c diag(m) - df/dy into a (cleared) banded matrix with at least kl, ku diagonals. */
    public void iterationMatrix(double c, double[] m, BandedMatrix out) {
        out.clear();
        for (int j = 0; j < n; j++) {
            int r0 = Math.max(0, j - ku), r1 = Math.min(n - 1, j + kl);
            for (int i = r0; i <= r1; i++) {
                double v = -band[j * w + (ku + i - j)];
                if (i == j) v += c * m[i];
                if (v != 0) out.set(i, j, v);
            }
        }
    }
}

package org.cellwright.solver.numerics.dae;

import org.cellwright.solver.numerics.BandedMatrix;

/** c M - df/dy for a banded system: {@link BandedJacobian} and the LU of {@link BandedMatrix}. */
final class BandedIterationMatrix implements IterationMatrix {
    private final BandedJacobian jac;
    private final BandedMatrix matrix;
    private final int n, kl, ku;

    BandedIterationMatrix(DaeSystem sys) {
        n = sys.size();
        kl = sys.lowerBandwidth();
        ku = sys.upperBandwidth();
        jac = new BandedJacobian(n, kl, ku);
        matrix = new BandedMatrix(n, kl, ku);
    }

    /** The factor on the finite-difference steps ({@link #differenceStepFactor}). */
    private double stepFactor = 1;

    @Override public void differenceStepFactor(double factor) { stepFactor = factor; }

    @Override public void update(DaeSystem sys, double t, double[] y) { jac.update(sys, t, y, stepFactor); }

    @Override public int evaluations() { return jac.evaluations(); }

    @Override
    public boolean factor(double c, double[] m, boolean init) {
        jac.iterationMatrix(c, m, matrix);
        if (init) {
            for (int i = 0; i < n; i++) {
                if (m[i] == 0) continue;
                int j0 = Math.max(0, i - kl), j1 = Math.min(n - 1, i + ku);
                for (int j = j0; j <= j1; j++) matrix.set(i, j, i == j ? 1 : 0);
            }
        }
        return matrix.factorize();
    }

    @Override public void solve(double[] b) { matrix.solve(b); }
}

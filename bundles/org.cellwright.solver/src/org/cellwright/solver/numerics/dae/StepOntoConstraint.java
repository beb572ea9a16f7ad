package org.cellwright.solver.numerics.dae;

/**
 * One implicit Euler step of M y' = f(t, y) whose length h is an unknown, chosen so that the new state meets a
 * constraint y[k] = target: M (y - y_n) - h f(t_n + h, y) = 0 and y[k] - target = 0, solved by Newton on (y, h) with
 * the bordered iteration matrix and one extra column (block elimination of the bordered system, Keller 1977; the
 * event location of Brenan, Campbell and Petzold 1996, sec. 5.4, as a step whose end is the event). Used where a
 * solution ends at a voltage cut-off faster than the time steps can follow (a voltage that falls without bound at a
 * saturating electrode): the state at the cut-off is then the DAE's own, not an extrapolation.
 */
public final class StepOntoConstraint {
    private StepOntoConstraint() {}

    /** The state y and step h of a converged landing. */
    public record Landing(double[] state, double step) {}

    /**
     * From the solved state yn at tn, the implicit Euler step onto y[k] = target; null when Newton does not converge
     * to a step 0 < h <= maxStep.
     *
     * @param weights error weights (atol_i + rtol |y_i|) of the convergence test (weighted RMS of the update below 1e-3)
     */
    public static Landing solve(BorderedDaeSystem sys, double tn, double[] yn, int k, double target, double h0, double maxStep,
            double[] weights) {
        int n = sys.size();
        double[] m = new double[n], f = new double[n], x1 = new double[n], x2 = new double[n];
        sys.mass(m);
        BorderedIterationMatrix matrix = new BorderedIterationMatrix(sys);
        double[] y = yn.clone(), trial = new double[n], ft = new double[n];
        double h = h0;
        for (int it = 0; it < 100; it++) {
            double t = tn + h;
            matrix.update(sys, t, y);
            if (!matrix.factor(1 / h, m, false)) return null;
            sys.rhs(t, y, f);
            // (M - h J) x1 = -R and (M - h J) x2 = f, i.e. (M/h - J) x = rhs / h
            for (int i = 0; i < n; i++) {
                double r = m[i] * (y[i] - yn[i]) - h * f[i];
                if (!Double.isFinite(r)) return null;
                x1[i] = -r / h;
                x2[i] = f[i] / h;
            }
            matrix.solve(x1);
            matrix.solve(x2);
            double dh = (target - y[k] - x1[k]) / x2[k];
            if (!Double.isFinite(dh)) return null;
            // damped: the step stays positive and the new state inside f's domain (a logarithm near its singularity)
            double scale = h + dh <= 0 ? 0.5 * h / Math.abs(dh) : 1;
            boolean inside = false;
            for (int halving = 0; halving < 60 && !inside; halving++, scale *= 0.5) {
                for (int i = 0; i < n; i++) trial[i] = y[i] + scale * (x1[i] + dh * x2[i]);
                sys.rhs(tn + h + scale * dh, trial, ft);
                inside = true;
                for (int i = 0; i < n && inside; i++) inside = Double.isFinite(ft[i]);
            }
            if (!inside) return null;
            scale *= 2; // the loop halved once more after the accepted trial
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double d = trial[i] - y[i];
                norm += (d / weights[i]) * (d / weights[i]);
            }
            System.arraycopy(trial, 0, y, 0, n);
            h += scale * dh;
            norm = Math.sqrt(norm / n);
            if (!(h > 0) || h > maxStep || !Double.isFinite(norm)) return null;
            if (scale == 1 && norm < 1e-3 && Math.abs(y[k] - target) <= 1e-9 * Math.max(1, Math.abs(target))) return new Landing(y, h);
        }
        return null;
    }
}

package org.cellwright.solver.numerics.dae;

/**
 * Variable-step BDF of order 1 (implicit Euler) and 2 for M y' = f(t, y) (Hairer and Wanner, Solving ODEs II, 1996,
 * sec. III.5 and VI.1). BDF2 with step ratio w = h_n / h_{n-1}:
 * M ((1+2w)/(1+w) y_{n+1} - (1+w) y_n + w^2/(1+w) y_{n-1}) / h_n = f(t_{n+1}, y_{n+1}).
 * The local error of the differential unknowns is estimated from the distance to the polynomial predictor through
 * the last points (Milne's device) and the step is chosen so that its weighted RMS norm stays below 1
 * (weights atol_i + rtol |y_i|). Algebraic unknowns are not in the error norm (index-1 DAE).
 * The run pipeline's DFN stepper (DfnRunner); {@link VariableOrderBdf} is the variable-order (1-5) BDF that
 * DfnSimulation runs on.
 */
public final class BdfIntegrator implements DaeStepper {
    /** Order of the formula used: 1 = implicit Euler throughout, 2 = BDF2 after a first Euler step. */
    private final int maxOrder;
    /**
     * Newton's bound on the weighted norm of the error left in a step, estimated from the convergence rate (the local
     * error test itself is norm <= 1). IDA's default is 0.33 (Hindmarsh et al., ACM TOMS 31, 363, 2005), but IDA's error
     * test covers the algebraic unknowns and this one does not: at 0.33 (and 0.2 passes) a UDDS drive cycle of the
     * Marquis cell leaves its branch at a current peak (DriveCycleTest), so 0.1. The particles' lithium does not depend
     * on it: the bordered solve keeps their rows exact at every iterate.
     */
    private static final double NEWTON_TOL = 0.1;
    private final DaeSystem sys;
    private final DaeNewton newton;
    private final int n;
    private final double[] yPrev, yPrev2, psi, yNew, yPred;
    private double rtol;
    private double t, h, hPrev, hPrev2;
    private int history; // accepted points behind the current one
    private double[] y;
    private int accepted, rejected, inadmissible;
    private double maxStep = Double.POSITIVE_INFINITY;

    public BdfIntegrator(DaeSystem sys, int maxOrder, double rtol) {
        if (maxOrder < 1 || maxOrder > 2) throw new IllegalArgumentException("BDF order 1 or 2");
        this.sys = sys;
        this.maxOrder = maxOrder;
        this.rtol = rtol;
        n = sys.size();
        newton = new DaeNewton(sys);
        yPrev = new double[n];
        yPrev2 = new double[n];
        psi = new double[n];
        yNew = new double[n];
        yPred = new double[n];
    }

    @Override
    public DaeNewton newton() { return newton; }

    @Override
    public double relativeTolerance() { return rtol; }

    @Override
    public int acceptedSteps() { return accepted; }

    @Override
    public int rejectedSteps() { return rejected; }

    /** Steps rejected because the system found their converged state inadmissible (counted in rejectedSteps too). */
    public int inadmissibleSteps() { return inadmissible; }

    @Override
    public double time() { return t; }

    @Override
    public double[] state() { return y; }

    @Override
    public void setMaxStep(double maxStep) { this.maxStep = maxStep; }

    private boolean fixedStep;

    @Override
    public void setFixedStep(double h) {
        fixedStep = true;
        this.h = h;
        this.maxStep = h;
    }


    @Override
    public boolean start(double t0, double tForcing, double[] y0, double h0) {
        t = t0;
        y = y0;
        h = h0;
        history = 0;
        System.arraycopy(y0, 0, psi, 0, n);
        return newton.initialise(tForcing, psi, y, rtol);
    }


    @Override
    public boolean step(double tEnd, double hMin) {
        while (true) {
            double hTry = Math.min(Math.min(h, maxStep), tEnd - t);
            boolean landing = hTry < Math.min(h, maxStep);
            if (hTry < hMin && !landing) return false;
            int order = Math.min(maxOrder, history + 1);
            double w = order == 2 ? hTry / hPrev : 0;
            double a0;
            if (order == 1) {
                a0 = 1;
                for (int i = 0; i < n; i++) psi[i] = y[i];
            } else {
                a0 = (1 + 2 * w) / (1 + w);
                double b1 = (1 + w), b2 = w * w / (1 + w);
                for (int i = 0; i < n; i++) psi[i] = (b1 * y[i] - b2 * yPrev[i]) / a0;
            }
            predict(hTry);
            System.arraycopy(yPred, 0, yNew, 0, n);
            double[] wts = newton.weights(y, rtol);
            boolean ok = newton.solve(t + hTry, a0 / hTry, psi, yNew, wts, NEWTON_TOL, 4);
            // fresh fast-changing rows (a bordered system's anchor rows) where the system declares them, else the matrix
            // for this step size with the same df/dy
            boolean fastRows = !ok && newton.refreshFastRows(t + hTry, yPred);
            if (!ok && (fastRows || !newton.factoredAt(a0 / hTry))) {
                if (!fastRows) newton.refactor();
                System.arraycopy(yPred, 0, yNew, 0, n);
                ok = newton.solve(t + hTry, a0 / hTry, psi, yNew, wts, NEWTON_TOL, 4);
            }
            if (!ok) { // fresh df/dy, and an iteration allowed to grow once near a steep nonlinearity
                if (!newton.jacobianCurrent()) newton.refreshJacobian(t + hTry, yPred);
                else newton.refactor();
                System.arraycopy(yPred, 0, yNew, 0, n);
                ok = newton.solve(t + hTry, a0 / hTry, psi, yNew, wts, NEWTON_TOL, 10, 2.0);
            }
            if (!ok) {
                rejected++;
                newton.jacobianStale(); // taken at this step's predictor: the next, shorter step evaluates its own
                h = hTry * 0.25;
                if (h < hMin) return false;
                continue;
            }
            if (!sys.admissible(t + hTry, y, yNew)) { // the system's own check of the state (DaeSystem.admissible)
                rejected++;
                inadmissible++;
                // df/dy anew at the last accepted state: one taken far out (at the predictor of a long step) can make
                // Newton's updates vanish without the residual doing so, and would be reused
                newton.refreshJacobian(t, y);
                h = hTry * 0.5;
                if (h < hMin) return false;
                continue;
            }
            double err = history == 0 || fixedStep ? 0 : errorNorm(order, hTry, wts);
            if (err > 1) {
                rejected++;
                h = hTry * Math.max(0.2, 0.9 * Math.pow(err, -1.0 / (order + 1)));
                if (h < hMin) return false;
                continue;
            }
            // accept
            System.arraycopy(yPrev, 0, yPrev2, 0, n);
            System.arraycopy(y, 0, yPrev, 0, n);
            System.arraycopy(yNew, 0, y, 0, n);
            hPrev2 = hPrev;
            hPrev = hTry;
            t = landing ? tEnd : t + hTry;
            history++;
            accepted++;
            newton.jacobianStale();
            double grow = err == 0 ? 2 : Math.min(2, Math.max(0.5, 0.9 * Math.pow(err, -1.0 / (order + 1))));
            if (!fixedStep && (!landing || grow < 1)) h = hTry * grow;
            return true;
        }
    }

    /** Polynomial extrapolation through the last accepted points (order+1 points when available). */
    private void predict(double hTry) {
        if (history == 0) {
            System.arraycopy(y, 0, yPred, 0, n);
            return;
        }
        double s = hTry;
        if (history == 1 || maxOrder == 1) {
            for (int i = 0; i < n; i++) yPred[i] = y[i] + s * (y[i] - yPrev[i]) / hPrev;
            return;
        }
        // quadratic through (t - hPrev - hPrev2, yPrev2), (t - hPrev, yPrev), (t, y), evaluated at t + s (Lagrange)
        double t0 = -hPrev - hPrev2, t1 = -hPrev, t2 = 0;
        double l0 = (s - t1) * (s - t2) / ((t0 - t1) * (t0 - t2));
        double l1 = (s - t0) * (s - t2) / ((t1 - t0) * (t1 - t2));
        double l2 = (s - t0) * (s - t1) / ((t2 - t0) * (t2 - t1));
        for (int i = 0; i < n; i++) yPred[i] = l0 * yPrev2[i] + l1 * yPrev[i] + l2 * y[i];
    }

    /**
     * Weighted RMS of the local error of the differential unknowns: for BDF1 with a linear predictor
     * le = (y - y_pred) h / (h + h_prev) ... taken with the constant-step factors 1/2 (Euler) and 2/9 / (1 + 2/9)
     * (BDF2 against a quadratic predictor), Hairer and Wanner sec. III.7.
     */
    private double errorNorm(int order, double hTry, double[] wts) {
        double factor;
        if (order == 1) factor = hTry / (hTry + hPrev);
        else factor = (history >= 2) ? 2.0 / 11.0 : 0.5;
        double[] m = newton.mass();
        double s = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (m[i] == 0) continue;
            double e = factor * (yNew[i] - yPred[i]) / wts[i];
            s += e * e;
            count++;
        }
        return count == 0 ? 0 : Math.sqrt(s / count);
    }

    /** The interpolating polynomial through the last accepted points (quadratic after two steps: the dense output of BDF2). */
    @Override
    public void interpolate(double tq, double[] out) {
        double s = tq - t;
        if (history <= 1 || maxOrder == 1) {
            double w = history == 0 ? 0 : s / hPrev;
            for (int i = 0; i < n; i++) out[i] = y[i] + w * (y[i] - yPrev[i]);
            return;
        }
        double t0 = -hPrev - hPrev2, t1 = -hPrev, t2 = 0;
        double l0 = (s - t1) * (s - t2) / ((t0 - t1) * (t0 - t2));
        double l1 = (s - t0) * (s - t2) / ((t1 - t0) * (t1 - t2));
        double l2 = (s - t0) * (s - t1) / ((t2 - t0) * (t2 - t1));
        for (int i = 0; i < n; i++) out[i] = l0 * yPrev2[i] + l1 * yPrev[i] + l2 * y[i];
    }

    @Override
    public double previousTime() { return t - hPrev; }

    @Override
    public double stepSize() { return h; }

    @Override
    public void setStepSize(double h) { this.h = h; }
}

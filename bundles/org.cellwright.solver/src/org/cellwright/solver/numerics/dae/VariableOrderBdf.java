package org.cellwright.solver.numerics.dae;

/**
 * Variable-order (1 .. maxOrder <= 5), variable-step BDF for M y' = f(t, y) in the fixed-leading-coefficient form with
 * modified divided differences, as IDA (Brenan, Campbell and Petzold, Numerical Solution of Initial-Value Problems in
 * DAEs, SIAM 1996, sec. 5.2-5.3; Hindmarsh et al., ACM TOMS 31, 363, 2005): the history is phi_j(n), j = 0 .. k
 * (at constant step size the backward differences of y); the predictor is y_p = sum phi_j, y_p' = sum gamma_j phi_j;
 * the corrector solves M (y_p' + c (y - y_p)) = f(t, y) with the leading coefficient c = -alpha_s / h,
 * alpha_s = -sum_{j=1..k} 1/j (Newton on c M - df/dy, {@link DaeNewton}). The local error of the differential unknowns
 * is estimated from the corrector's distance to the predictor, weighted RMS with weights atol_i + rtol |y_i| (algebraic
 * unknowns are not in the norm: index-1 DAE); the order is chosen among k-1, k, k+1 by the estimated errors at those
 * orders (IDA's strategy: raised only after k + 1 steps of constant size, lowered when the lower orders' error terms
 * decrease); the step size is doubled, kept, or cut to 0.5-0.9 of itself, so that the iteration matrix can be reused.
 * At the start (and after a restart) the order rises by one and the step doubles each step until the error test first
 * limits it (IDA's initial phase).
 *
 * <p>Near a limit of the physics (a particle surface filling at the end of a discharge) four additions keep the
 * corrector from failing where the error test alone would allow the step: the next step covers at most a fraction
 * ({@link #APPROACH_FRACTION}) of the time the system's approach to the limit leaves ({@link DaeSystem#timeToLimit});
 * a predictor the system finds outside the
 * range its residual is solvable from ({@link DaeSystem#predictable}) halves the step before any Newton work; a step
 * accepted after a failed corrector does not let the next one grow (CVODE's etamax = 1 after a convergence failure,
 * Hindmarsh et al., ACM TOMS 31, 363, 2005); and an accepted step can be taken back ({@link #undo}), history and all,
 * so that an event located by shorter steps ({@link CutoffLanding}) costs no restart at order 1.
 */
public final class VariableOrderBdf implements DaeStepper {
    /** Highest order offered (BDF of order 6 and above is not zero-stable). */
    public static final int MAX_ORDER = 5;
    /**
     * Newton's bound on the weighted norm of the error left in a step, estimated from the convergence rate (the local
     * error test itself is norm <= 1). IDA's default is 0.33 (Hindmarsh et al., ACM TOMS 31, 363, 2005), but IDA's error
     * test covers the algebraic unknowns and this one does not: at 0.33 (and 0.2 passes) a UDDS drive cycle of the
     * Marquis cell leaves its branch at a current peak (DriveCycleTest), so 0.1. The particles' lithium does not depend
     * on it: the bordered solve keeps their rows exact at every iterate.
     */
    static final double NEWTON_TOL = 0.1;
    /**
     * Largest fraction of the time to a limit of the system's range ({@link DaeSystem#timeToLimit}: a particle surface
     * filling to c_max at the rate of the last step) that the next step may cover. Towards such a limit the error test
     * allows steps whose predictor passes it (its weights on the particles are rtol c, tens of mol/m3, against a surface
     * 1-100 mol/m3 below c_max); halving those predictors ({@link DaeSystem#predictable}) approached the limit by steps
     * that grew and were halved back, at order 1-2, each change of size outside the iteration matrix's reuse window and
     * several corrector failures in the last seconds. Bounded before the step instead, a surface approaching linearly
     * gives steps that shrink by 1 - 0.2 per step, within both reuse windows (c/c' = 1.25), and Newton's rows change
     * little from one step to the next: on issue 13's NMC811 half cell no predictor halving and no corrector failure
     * from rtol 1e-3 to 3e-5 with IDA's matrix life; 0.15 to 0.3 measured, 0.2 the least work at 0.1 mV on that cell, the
     * full Chen cell's counts the same for all (docs/dfn.md, session 25).
     */
    static final double APPROACH_FRACTION = 0.2;
    /** Largest ratio of a step to the one before it after a landing step (IDA's largest growth of a step, 2). */
    static final double MAX_RATIO = 2;
    /** Growth of an update over the one before that the last corrector attempt (a fresh df/dy) allows once, near a steep nonlinearity. */
    static final double GROWTH = 2.0;
    /** Newton iterations of the last corrector attempt. */
    static final int LAST_ATTEMPT_ITERATIONS = 10;
    /** Whether the matrix's fast rows (or all of df/dy) were last taken at the predictor of a step whose corrector failed. */
    private boolean rowsFromFailure;
    /**
     * Whether this step's attempt follows a predictor the system found outside its solvable range, or its size was
     * bounded by the approach to such a limit ({@link #APPROACH_FRACTION}): a limit of the physics near.
     */
    private boolean nearLimit;
    /** Whether the next step's size was bounded by the approach to a limit of the system's range. */
    private boolean approachBounded;
    /** Whether the last corrector attempt was rejected without a fresh df/dy ({@link DaeNewton#wouldFailAgain}). */
    private boolean skippedJacobian;
    private final int maxOrder;
    private final DaeSystem sys;
    private final DaeNewton newton;
    private final int n;
    private final double[] m;
    private final int differential;
    /** phi_j, j = 0 .. maxOrder + 1: modified divided differences (phi_{k+1} holds the last correction for the order choice). */
    private final double[][] phi;
    private final double[] psi = new double[MAX_ORDER + 2], alpha = new double[MAX_ORDER + 2], beta = new double[MAX_ORDER + 2],
            sigma = new double[MAX_ORDER + 2], gamma = new double[MAX_ORDER + 2];
    private final double[] yPred, ypPred, base, yNew, ee, delta;
    /** The state before the last accepted step (its rate of approach to a limit, {@link DaeSystem#timeToLimit}). */
    private final double[] previous;
    private double rtol;
    private double t, hh, hused, cj, ck;
    private int kk, kused, ns, phase, steps;
    private double[] y;
    private int accepted, rejected, inadmissible, errorTestFailures, approachBounds;
    private final int[] stepsAtOrder = new int[MAX_ORDER + 1];
    private double maxStep = Double.POSITIVE_INFINITY;
    /** The step before the last accepted one: its time, order, size and IDA phase, for {@link #undo}. */
    private double undoTime, undoStepSize;
    private int undoOrder, undoPhase, predictorHalvings;
    /** Whether the last accepted step can be undone, and whether the next one keeps its order (after an undo). */
    private boolean undoable, holdOrder;
    private int minOrder = 1;
    private boolean fixedStep;

    /** @param maxOrder highest BDF order, 1 (implicit Euler) to {@link #MAX_ORDER} */
    public VariableOrderBdf(DaeSystem sys, int maxOrder, double rtol) {
        if (maxOrder < 1 || maxOrder > MAX_ORDER) throw new IllegalArgumentException("BDF order 1 to " + MAX_ORDER);
        this.sys = sys;
        this.maxOrder = maxOrder;
        this.rtol = rtol;
        n = sys.size();
        newton = new DaeNewton(sys);
        newton.setCarriedRate(true);
        // no solve ends on its first update by a rate carried from an earlier one: the error test leaves the algebraic
        // unknowns out (IDA's suppressalg), and a stale carried rate left them off by up to 11 of their weights at the
        // step's end, where the outputs are read (DaeNewton.setFirstUpdateEnds; docs/dfn.md, session 32)
        newton.setFirstUpdateEnds(false);
        m = newton.mass();
        int d = 0;
        for (int i = 0; i < n; i++) if (m[i] != 0) d++;
        differential = d;
        phi = new double[maxOrder + 2][n];
        yPred = new double[n];
        ypPred = new double[n];
        base = new double[n];
        yNew = new double[n];
        ee = new double[n];
        delta = new double[n];
        previous = new double[n];
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

    /**
     * Steps rejected by the local error test (counted in rejectedSteps too; the rest of those are corrector failures
     * and {@link #inadmissibleSteps}): IDA's "error test failures", beside which its "nonlinear convergence failures".
     */
    public int errorTestFailures() { return errorTestFailures; }

    /** Accepted steps after which the next step was shortened to {@link #APPROACH_FRACTION} of the time to a limit of the system's range. */
    public int approachBoundedSteps() { return approachBounds; }

    /** Step attempts halved because the system found their predictor outside its solvable range (not in rejectedSteps). */
    public int predictorHalvings() { return predictorHalvings; }

    /** Accepted steps taken at order k (1 .. maxOrder). */
    public int stepsAtOrder(int k) { return stepsAtOrder[k]; }

    /**
     * The lowest order the order choice may fall to once the order has reached it (default 1; a start or restart still
     * begins at order 1). For a forcing linear between breakpoints the steps land on (a drive cycle): implicit Euler
     * integrates it by right-end rectangles, h^2 I'/2 per step of one sign while the current rises, where BDF of order
     * 2 and above is exact within a linear piece; IDA's order choice falls to 1 at the profile's kinks, and those steps
     * made most of a drive cycle's lithium drift from its charge (docs/dfn.md, "Faraday's law over a drive cycle").
     */
    @Override
    public void setMinimumOrder(int k) {
        if (k < 1 || k > maxOrder) throw new IllegalArgumentException("minimum order 1 to " + maxOrder);
        minOrder = k;
    }

    /** Order of the last accepted step (0 before the first). */
    public int order() { return kused; }

    @Override
    public double time() { return t; }

    @Override
    public double[] state() { return y; }

    @Override
    public void setMaxStep(double maxStep) { this.maxStep = maxStep; }

    /** The order rises by one per step up to maxOrder (or is that of {@link #startFromHistory}). */
    @Override
    public void setFixedStep(double h) {
        fixedStep = true;
        setStepSize(h);
        this.maxStep = h;
    }

    @Override
    public boolean start(double t0, double tForcing, double[] y0, double h0) {
        t = t0;
        y = y0;
        undoable = false;
        holdOrder = false;
        rowsFromFailure = false;
        skippedJacobian = false;
        approachBounded = false;
        System.arraycopy(y0, 0, base, 0, n);
        if (!newton.initialise(tForcing, base, y, rtol)) {
            System.arraycopy(base, 0, y, 0, n); // the state as given, not Newton's last iterate: a caller tries again from it
            return false;
        }
        // y'(t0) of the differential unknowns from M y' = f (the algebraic ones start with y' = 0)
        sys.rhs(tForcing, y, delta);
        double[] w = newton.weights(y, rtol);
        double norm = 0;
        for (int i = 0; i < n; i++) {
            ypPred[i] = m[i] != 0 ? delta[i] / m[i] : 0;
            double e = ypPred[i] / w[i];
            if (m[i] != 0) norm += e * e;
        }
        norm = differential == 0 ? 0 : Math.sqrt(norm / differential);
        double h = fixedStep ? hh : h0;
        if (!fixedStep && norm * h > 0.5) h = 0.5 / norm; // the first step's predictor moves y by at most half the tolerance (IDA)
        hh = h;
        for (double[] p : phi) java.util.Arrays.fill(p, 0);
        System.arraycopy(y, 0, phi[0], 0, n);
        for (int i = 0; i < n; i++) phi[1][i] = h * ypPred[i];
        java.util.Arrays.fill(psi, 0);
        psi[0] = h;
        kk = 1;
        kused = 0;
        hused = 0;
        ns = 0;
        phase = 0;
        steps = 0;
        cj = 0;
        return true;
    }

    /**
     * Starts a constant-step history of order k = points.length - 1 at t from y(t), y(t - h), ..., y(t - k h) (consistent
     * states, e.g. exact values in a convergence-order study): the next step is of order k with step h.
     */
    public void startFromHistory(double t0, double h, double[]... points) {
        int k = points.length - 1;
        if (k < 1 || k > maxOrder) throw new IllegalArgumentException("history of 2 to maxOrder + 1 points");
        t = t0;
        y = points[0].clone();
        undoable = false;
        holdOrder = false;
        rowsFromFailure = false;
        skippedJacobian = false;
        approachBounded = false;
        for (double[] p : phi) java.util.Arrays.fill(p, 0);
        // phi_j = backward difference nabla^j y_n at constant step
        double[][] d = new double[k + 1][];
        for (int j = 0; j <= k; j++) d[j] = points[j].clone();
        for (int j = 0; j <= k; j++) {
            System.arraycopy(d[0], 0, phi[j], 0, n);
            for (int r = 0; r < k - j; r++) for (int i = 0; i < n; i++) d[r][i] -= d[r + 1][i];
        }
        for (int j = 0; j <= MAX_ORDER + 1; j++) psi[j] = (j + 1) * h;
        kk = k;
        kused = k;
        hh = h;
        hused = h;
        ns = k + 1;
        phase = 1;
        steps = k;
        cj = 0;
        computeCoefficients(true);
        newton.jacobianStale();
    }

    /** IDA's IDASetCoeffs for step hh at order kk: psi, alpha, beta, sigma, gamma, then c = -alpha_s/h and ck; phi to phi*. */
    private void setCoefficients() {
        if (hh != hused || kk != kused) ns = 0;
        ns = Math.min(ns + 1, kused + 2);
        computeCoefficients(kk + 1 >= ns);
        if (ns <= kk) for (int i = ns; i <= kk; i++) scale(phi[i], beta[i]);
    }

    private void computeCoefficients(boolean recompute) {
        if (recompute) {
            beta[0] = 1;
            alpha[0] = 1;
            double temp1 = hh;
            gamma[0] = 0;
            sigma[0] = 1;
            for (int i = 1; i <= kk; i++) {
                double temp2 = psi[i - 1];
                psi[i - 1] = temp1;
                beta[i] = beta[i - 1] * psi[i - 1] / temp2;
                temp1 = temp2 + hh;
                alpha[i] = hh / temp1;
                sigma[i] = i * sigma[i - 1] * alpha[i];
                gamma[i] = gamma[i - 1] + alpha[i - 1] / hh;
            }
            psi[kk] = temp1;
        }
        double alphas = 0, alpha0 = 0;
        for (int i = 0; i < kk; i++) {
            alphas -= 1.0 / (i + 1);
            alpha0 -= alpha[i];
        }
        cj = -alphas / hh;
        ck = Math.max(Math.abs(alpha[kk] + alphas - alpha0), alpha[kk]);
    }

    private void scale(double[] v, double s) {
        if (s != 1) for (int i = 0; i < n; i++) v[i] *= s;
    }

    /** IDA's IDARestore: the step attempt undone (psi and the scaled phi back to the last accepted step's). */
    private void restore() {
        for (int j = 1; j <= kk; j++) psi[j - 1] = psi[j] - hh;
        if (ns <= kk) for (int j = ns; j <= kk; j++) scale(phi[j], 1 / beta[j]);
    }

    /** After a failed first step the initial derivative's column follows the new step size (IDA's IDAReset). */
    private void shrink(double rr) {
        hh *= rr;
        if (steps == 0) {
            psi[0] = hh;
            scale(phi[1], rr);
        }
    }

    @Override
    public boolean step(double tEnd, double hMin) {
        double hWanted = hh;
        nearLimit = approachBounded;
        int failures = 0;
        boolean correctorFailed = false;
        while (true) {
            double hStep = Math.min(hh, maxStep), remaining = tEnd - t, hTry;
            boolean landing;
            if (fixedStep || remaining <= hStep) { // land when tEnd is within the step
                landing = remaining <= hStep;
                hTry = Math.min(hStep, remaining);
            } else if (remaining <= 1.1 * hStep && remaining <= maxStep) { // stretched by up to 10 % to land
                landing = true;
                hTry = remaining;
            } else if (remaining < 2 * hStep) { // two equal steps to tEnd rather than a full one and a sliver
                landing = false;
                hTry = 0.5 * remaining;
            } else {
                landing = false;
                hTry = hStep;
            }
            // hMin bounds a step cut by this call's failures and halvings, not one that starts below it: the size a
            // chain of landing steps left (each lets the next grow by MAX_RATIO only) grows again from there (CVODE's
            // hmin, likewise, ends an integration only when a failed step would fall below it)
            if (hTry < hMin && !landing && hTry < hWanted) return false;
            if (steps == 0 && hTry != hh) { psi[0] = hTry; scale(phi[1], hTry / hh); }
            hh = hTry;
            setCoefficients();
            double tNew = t + hh;
            predict();
            // a predictor outside the range the system's residual is solvable from (a particle surface predicted past
            // its maximum concentration, where the exchange current vanishes): half the step, before any Newton work
            if (!fixedStep && !sys.predictable(tNew, y, yPred)) {
                predictorHalvings++;
                nearLimit = true;
                restore();
                shrink(0.5);
                if (hh < hMin) return false;
                continue;
            }
            double[] wts = newton.weights(y, rtol);
            // a state the system refuses (DaeSystem.admissible) is rejected like a failed Newton solve and retried at a
            // quarter of the step: the steps shrink towards a limit of the physics (a singular point) instead of
            // stepping over it onto a branch that is no solution
            boolean converged = correct(tNew, wts);
            if (!converged || !sys.admissible(tNew, y, yNew)) {
                rejected++;
                correctorFailed = true;
                if (converged) inadmissible++;
                newton.jacobianStale(); // taken at this step's predictor: the next, shorter step evaluates its own
                restore();
                shrink(0.25);
                if (hh < hMin) return false;
                continue;
            }
            for (int i = 0; i < n; i++) ee[i] = yNew[i] - yPred[i];
            // IDATestError: the error at order k and the estimates at k-1, k-2 for the order choice
            double enormK = norm(ee);
            double errK = sigma[kk] * enormK, terrK = (kk + 1) * errK, errKm1 = 0, terrKm1 = 0;
            int knew = kk;
            if (kk > 1) {
                for (int i = 0; i < n; i++) delta[i] = phi[kk][i] + ee[i];
                errKm1 = sigma[kk - 1] * norm(delta);
                terrKm1 = kk * errKm1;
                if (kk > 2) {
                    for (int i = 0; i < n; i++) delta[i] += phi[kk - 1][i];
                    double terrKm2 = (kk - 1) * sigma[kk - 2] * norm(delta);
                    if (Math.max(terrKm1, terrKm2) <= terrK && kk > minOrder) knew = kk - 1;
                } else if (terrKm1 <= 0.5 * terrK && kk > minOrder) knew = kk - 1;
            }
            if (!fixedStep && ck * enormK > 1) {
                rejected++;
                errorTestFailures++;
                failures++;
                restore();
                double errKnew = knew == kk ? errK : errKm1;
                kk = failures >= 3 ? Math.min(minOrder, kk) : knew;
                double rr = failures == 1 ? Math.max(0.25, Math.min(0.9, 0.9 * Math.pow(2 * errKnew + 1e-4, -1.0 / (kk + 1)))) : 0.25;
                shrink(rr);
                if (hh < hMin) return false;
                continue;
            }
            undoTime = t;
            undoOrder = kused;
            undoStepSize = hused;
            undoPhase = phase;
            complete(knew, errK, errKm1, landing ? tEnd : tNew, landing && failures == 0, hWanted);
            // after a failed corrector the next step does not grow (CVODE's etamax = 1): the size that failed is close
            if (correctorFailed && !fixedStep && hh > hused) hh = hused;
            undoable = steps > 1 && !fixedStep;
            return true;
        }
    }

    /**
     * The corrector: Newton with the kept iteration matrix; then with the fast-changing rows (a bordered system's anchor
     * rows) re-evaluated where the system declares them, else the matrix refactorised at this c; then with a fresh
     * df/dy, allowing the iteration to grow once near a steep nonlinearity. The fresh df/dy is not taken where the
     * attempt with the fast rows refreshed at this predictor shows it would fail too: the rows it would change are those
     * that vary from step to step, so where the others are up to date its iterates repeat that attempt's, and an update
     * that grew by more than {@link #GROWTH}, or a rate at which the test cannot pass within its iterations
     * ({@link DaeNewton#wouldFailAgain}), rejects the step at once (at a cathode's saturating particle surfaces, where the
     * exchange current vanishes, the step is too long for the Butler-Volmer rows, not the matrix out of date: issue 13's
     * half cell, docs/dfn.md). The step after such a failure, shorter, refreshes the fast rows at its own predictor
     * before its first update: the rows of the failed step's predictor are what failed (IDA likewise sets up its matrix
     * anew after a convergence failure, Hindmarsh et al., ACM TOMS 31, 363, 2005). For the same reason, in a step cut by
     * predictor halvings (a limit of the physics near) an iteration with the rows refreshed that gave up on its rate
     * while contracting goes on from its last iterate, with the same matrix, up to the last attempt's updates
     * ({@link DaeNewton#wouldPassWithin}) before a fresh df/dy is taken (docs/dfn.md, session 24).
     */
    private boolean correct(double tNew, double[] wts) {
        for (int i = 0; i < n; i++) base[i] = yPred[i] - ypPred[i] / cj;
        System.arraycopy(yPred, 0, yNew, 0, n);
        // after a corrector that failed with rows refreshed at its (longer) step's predictor, those rows are no guide for
        // this shorter step: they are refreshed at its own predictor before any update
        boolean ok = !rowsFromFailure && newton.solve(tNew, cj, base, yNew, wts, NEWTON_TOL, 4);
        boolean fastRows = !ok && newton.refreshFastRows(tNew, yPred);
        rowsFromFailure = false;
        if (!ok && (fastRows || !newton.factoredAt(cj))) {
            if (!fastRows) newton.refactor();
            System.arraycopy(yPred, 0, yNew, 0, n);
            ok = newton.solve(tNew, cj, base, yNew, wts, NEWTON_TOL, 4);
            // near a limit of the physics the rows just refreshed are what the step needs: an iteration that contracts
            // fast enough goes on from its last iterate up to the last attempt's updates before any fresh df/dy
            if (!ok && fastRows && nearLimit && newton.wouldPassWithin(LAST_ATTEMPT_ITERATIONS - 4, NEWTON_TOL))
                ok = newton.solve(tNew, cj, base, yNew, wts, NEWTON_TOL, LAST_ATTEMPT_ITERATIONS - 4);
            // (once in a row: where the shorter step fails the same way the other rows are out of date too, as after a
            // rest whose matrix was taken at the discharge's end, and the fresh df/dy below is taken)
            if (!ok && fastRows && !skippedJacobian && newton.wouldFailAgain(LAST_ATTEMPT_ITERATIONS, GROWTH, NEWTON_TOL)) {
                rowsFromFailure = true;
                skippedJacobian = true;
                return false;
            }
        }
        if (!ok) {
            if (!newton.jacobianCurrent()) newton.refreshJacobian(tNew, yPred);
            else newton.refactor();
            System.arraycopy(yPred, 0, yNew, 0, n);
            ok = newton.solve(tNew, cj, base, yNew, wts, NEWTON_TOL, LAST_ATTEMPT_ITERATIONS, GROWTH);
            rowsFromFailure = !ok;
        }
        skippedJacobian = false;
        return ok;
    }

    /** IDA's IDACompleteStep: the order and step size for the next step, then the history updated with the correction. */
    private void complete(int knew, double errK, double errKm1, double tNew, boolean landing, double hWanted) {
        steps++;
        accepted++;
        stepsAtOrder[kk]++;
        int kdiff = holdOrder ? 1 : kk - kused; // after an undo the order-raise estimate's history is gone: no raise
        holdOrder = false;
        kused = kk;
        hused = hh;
        System.arraycopy(y, 0, previous, 0, n);
        System.arraycopy(yNew, 0, y, 0, n);
        t = tNew; // a landing step ends exactly on tEnd
        newton.jacobianStale();
        double hNext = hh;
        if (fixedStep) {
            if (kk < maxOrder && steps >= kk) kk++;
            hNext = hWanted;
        } else {
            if (knew == kk - 1 || kk == maxOrder) phase = 1;
            if (phase == 0) {
                if (steps > 1) {
                    kk++;
                    hNext = 2 * hh;
                }
            } else {
                int action; // -1 lower, 0 keep, +1 raise
                double errKp1 = 0;
                if (knew == kk - 1) action = -1;
                else if (kk == maxOrder || kk + 1 >= ns || kdiff == 1) action = 0;
                else {
                    for (int i = 0; i < n; i++) delta[i] = ee[i] - phi[kk + 1][i];
                    errKp1 = norm(delta) / (kk + 2);
                    double terrK = (kk + 1) * errK, terrKp1 = (kk + 2) * errKp1;
                    if (kk == 1) action = terrKp1 >= 0.5 * terrK ? 0 : 1;
                    else {
                        double terrKm1 = kk * errKm1;
                        action = terrKm1 <= Math.min(terrK, terrKp1) ? -1 : terrKp1 >= terrK ? 0 : 1;
                    }
                }
                if (action < 0 && kk <= minOrder) action = 0;
                double errKnew = action > 0 ? errKp1 : action < 0 ? errKm1 : errK;
                kk += action;
                double rr = Math.pow(2 * errKnew + 1e-4, -1.0 / (kk + 1));
                if (rr >= 2) hNext = 2 * hh;
                else if (rr <= 1) hNext = hh * Math.max(0.5, Math.min(0.9, rr));
            }
            // a step shortened to land on tEnd does not shrink the next one below the size wanted before it, but the next
            // grows by at most MAX_RATIO over it (a landing step of 4e-4 s after steps of 0.4 s would leave a ratio of 1000,
            // far beyond variable-step BDF2's zero-stability bound 1 + sqrt 2, Grigorieff 1983)
            if (landing) hNext = Math.min(Math.min(hWanted, hNext / hh * hWanted), MAX_RATIO * hh);
            // towards a limit of the system's range (a particle surface filling to c_max) the next step covers at most
            // APPROACH_FRACTION of the time the last step's rate of approach leaves to it
            double limit = APPROACH_FRACTION * sys.timeToLimit(previous, y, hused);
            approachBounded = limit < hNext;
            if (approachBounded) {
                hNext = limit;
                approachBounds++;
            }
        }
        hh = Math.min(hNext, maxStep);
        // keep the correction for the order-raise estimate, then update the divided differences to the new point
        if (kused < maxOrder) System.arraycopy(ee, 0, phi[kused + 1], 0, n);
        double[] pk = phi[kused];
        for (int i = 0; i < n; i++) pk[i] += ee[i];
        for (int j = kused - 1; j >= 0; j--) {
            double[] pj = phi[j], pj1 = phi[j + 1];
            for (int i = 0; i < n; i++) pj[i] += pj1[i];
        }
    }

    /**
     * Takes back the last accepted step: time, state, history, order and step size as they were before it (as if its
     * attempt had failed), so the next {@link #step} starts from there with the same history (a driver landing on an
     * event steps again to an earlier target; {@link CutoffLanding}). The inverse of {@link #complete}'s update of the
     * divided differences with the step's correction (still in ee), then IDA's restore. Only right after a step, once
     * (false otherwise, and for the first step or at a fixed step size: then restart).
     */
    @Override
    public boolean undo() {
        if (!undoable) return false;
        undoable = false;
        kk = kused;
        hh = hused;
        for (int j = 0; j < kk; j++) {
            double[] pj = phi[j], pj1 = phi[j + 1];
            for (int i = 0; i < n; i++) pj[i] -= pj1[i];
        }
        double[] pk = phi[kk];
        for (int i = 0; i < n; i++) pk[i] -= ee[i];
        restore();
        t = undoTime;
        kused = undoOrder;
        hused = undoStepSize;
        phase = undoPhase;
        steps--;
        System.arraycopy(phi[0], 0, y, 0, n);
        holdOrder = true;
        newton.jacobianStale();
        return true;
    }

    /** Predictor: y_p = sum_{j <= k} phi_j, y_p' = sum_{1 <= j <= k} gamma_j phi_j. */
    private void predict() {
        System.arraycopy(phi[0], 0, yPred, 0, n);
        java.util.Arrays.fill(ypPred, 0);
        for (int j = 1; j <= kk; j++) {
            double[] p = phi[j];
            double g = gamma[j];
            for (int i = 0; i < n; i++) {
                yPred[i] += p[i];
                ypPred[i] += g * p[i];
            }
        }
    }

    /** Weighted RMS of v over the differential unknowns (weights of the last {@link DaeNewton#weights} call). */
    private double norm(double[] v) {
        double[] inv = newton.inverseWeights();
        double s = 0;
        for (int i = 0; i < n; i++) {
            if (m[i] == 0) continue;
            double e = v[i] * inv[i];
            s += e * e;
        }
        return differential == 0 ? 0 : Math.sqrt(s / differential);
    }

    /** The interpolating polynomial of the last step's order through its history (IDA's IDAGetSolution). */
    @Override
    public void interpolate(double tq, double[] out) {
        Interpolant.evaluate(t, Math.max(1, kused), psi, phi, n, tq, out);
    }

    /** A copy of the last accepted step's interpolating polynomial ({@link #interpolate}'s), readable after later steps. */
    @Override
    public Interpolant interpolant() {
        return new Interpolant(t, Math.max(1, kused), psi, phi, n);
    }

    @Override
    public double previousTime() { return t - hused; }

    @Override
    public double stepSize() { return hh; }

    @Override
    public void setStepSize(double h) {
        if (steps == 0 && hh > 0) {
            scale(phi[1], h / hh);
            psi[0] = h;
        }
        this.hh = h;
    }
}

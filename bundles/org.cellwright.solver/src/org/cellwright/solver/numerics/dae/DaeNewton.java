package org.cellwright.solver.numerics.dae;

/**
 * Simplified Newton iteration for one implicit step G(y) = c M (y - psi) - f(t, y) = 0, where c = a0/h and psi holds
 * the history of the multistep formula (Hairer and Wanner, Solving ODEs II, 1996, sec. IV.8). The iteration matrix
 * c M - df/dy is factorised once and reused over iterations and steps while the iteration contracts; the caller
 * refreshes df/dy when it does not.
 */
public final class DaeNewton {
    private final DaeSystem sys;
    private final int n;
    private static final boolean DEBUG = Boolean.getBoolean("cellwright.dae.debug");
    private final double[] m, f, g, scale, inverseScale, lastStep, atol;
    private final IterationMatrix matrix;
    /** The system's blocks are linear (BorderedDaeSystem.linearBlocks): updates after the first need the core's rows only. */
    private final boolean linearBlocks;
    private final int core;
    /**
     * Linear blocks' updates after a solve's first one, kept per block (x_b = -z_b da_b is linear in da_b): only each
     * block's last unknown (the one core rows see) is moved at every update, the rest once when the solve ends
     * ({@link #settleBlocks}); the weighted norm of -z_b da_b is |da_b| times the block's norm of z_b (blockSquares,
     * blockMax: sum and largest of (z_i / w_i)^2, |z_i / w_i| over the block, taken once per solve).
     */
    private final int[] bStart, bLast, bAnchor, zOffset;
    private final double[] pending, lastDa, blockSquares, blockMax;
    /** The system's {@link BorderedDaeSystem#blockRowsVersion} when df/dy was last taken (-1: never). */
    private long blocksVersion = -1;
    private double factoredC = Double.NaN;
    /** c at which the matrix's blocks were last factorised ({@link IterationMatrix#retarget}), NaN if unknown. */
    private double blocksC = Double.NaN;
    private boolean jacobianCurrent;
    private int factorisations, iterations, jacobians;

    public DaeNewton(DaeSystem sys) {
        this.sys = sys;
        n = sys.size();
        m = new double[n];
        sys.mass(m);
        f = new double[n];
        g = new double[n];
        lastStep = new double[n];
        scale = new double[n];
        inverseScale = new double[n];
        atol = new double[n];
        for (int i = 0; i < n; i++) atol[i] = sys.absoluteTolerance(i);
        matrix = IterationMatrix.of(sys);
        linearBlocks = sys instanceof BorderedDaeSystem b && b.linearBlocks();
        core = sys instanceof BorderedDaeSystem b ? b.coreSize() : n;
        int nb = linearBlocks ? ((BorderedDaeSystem) sys).blocks() : 0;
        bStart = new int[nb];
        bLast = new int[nb];
        bAnchor = new int[nb];
        zOffset = new int[nb];
        for (int b = 0; b < nb; b++) {
            BorderedDaeSystem bs = (BorderedDaeSystem) sys;
            bStart[b] = bs.blockStart(b);
            bLast[b] = bs.blockStart(b) + bs.blockSize(b) - 1;
            bAnchor[b] = bs.anchor(b);
            zOffset[b] = ((BorderedIterationMatrix) matrix).blockColumnOffset(b);
        }
        pending = new double[nb];
        lastDa = new double[nb];
        blockSquares = new double[nb];
        blockMax = new double[nb];
    }

    public double[] mass() { return m; }

    private double reuseRatio = 0.5;
    /** Where the last solve gave up: its last update's norm, that norm over the one before, the update's index, the mean rate. */
    private double stopNorm, stopGrowth, stopRate;
    private int stopIteration;

    private void stop(double norm, double growth, int it, double rate) {
        stopNorm = norm;
        stopGrowth = growth;
        stopIteration = it;
        stopRate = rate;
    }

    /**
     * Whether a solve repeating the last failed one's iterates (the same matrix and start) would fail too with maxIter
     * updates and the given contraction bound: the last one gave up on an update that grew by more than contraction, or
     * at a mean rate rho (|dy_m| / |dy_0|)^(1/m) at which the rate test rho/(1 - rho) |dy| <= tol cannot pass within
     * maxIter updates (the give-up of {@link #setCarriedRate}, which the repeated solve would reach at the same update).
     * False when it is unknown (no failed solve, or one that failed on its first update).
     */
    public boolean wouldFailAgain(int maxIter, double contraction, double tol) {
        if (!(stopIteration > 0) || Double.isNaN(stopNorm)) return false;
        if (stopGrowth > contraction) return true;
        double rho = stopRate;
        return carriedRate && rateTest && rho < 1 && rho / (1 - rho) * stopNorm * Math.pow(rho, maxIter - 1 - stopIteration) > tol;
    }
    /**
     * Whether the last failed solve was contracting (it gave up on its rate, every update at most 0.9 times the one
     * before) at a rate rho at which the rate test rho/(1 - rho) |dy| <= tol would pass within more further updates with
     * the same matrix. False when it is unknown (no failed solve, or one that failed on its first update) or when it
     * diverged.
     */
    public boolean wouldPassWithin(int more, double tol) {
        if (!(stopIteration > 0) || Double.isNaN(stopNorm) || stopGrowth > 0.9) return false;
        double rho = stopRate;
        return rho < 1 && rho / (1 - rho) * stopNorm * Math.pow(rho, more) <= tol;
    }

    /** rho/(1 - rho) of the last solve's convergence rate rho with the current factorisation (20 when unknown). */
    private double rateFactor = 20;
    private boolean rateTest = true;

    /**
     * Convergence test of the time steps: true (default) = the error left after an update, estimated from the
     * convergence rate rho as rho/(1 - rho) |dy| (from the second update on), is below tol (IDA's test); false = the
     * update itself, |dy| <= tol.
     */
    public void setRateTest(boolean on) { rateTest = on; }

    private boolean carriedRate;
    private double componentShare;

    /**
     * The convergence test's norm of the weighted update: its RMS over all unknowns (IDA's), or s times its largest
     * component where that is more (s = 0, the default: the RMS alone). The RMS lets one scalar unknown among hundreds
     * (a power step's current, whose row is V I - P) keep sqrt(n) times the bound; with s = 1/bound each unknown stays
     * within its own weight (the local error test's unit) while their RMS meets the bound.
     */
    public void setComponentShare(double s) { componentShare = s; }

    /**
     * Settings for a system whose forcing is an unknown solved by its own row (a power step's current with V I - P, a
     * held voltage's with V - v): that one scalar among hundreds of unknowns within Newton's bound, not their RMS
     * ({@link #setComponentShare} 1: the RMS test left V I - P at 2e-4 of P at rtol 1e-4), and no solve ended after its
     * first update on the last solve's rate ({@link #setCarriedRate} off: at a power profile's breakpoints, where the
     * forcing's slope changes, that left V I - P 1 % off, WLTC at 40 W/m2).
     */
    public void controlled() {
        setComponentShare(1);
        setCarriedRate(false);
    }

    /**
     * IDA's use of the convergence rate (Brenan et al. 1996, sec. 5.2.2; off by default): a solve may end after its first
     * update when the rate of the last solve with the same factorisation at the same c says the error left is within
     * the bound (a new c resets it to IDA's 100, {@link #setIdaMatrixLife}), and
     * it gives up as soon as the measured rate cannot pass the test within the iterations left (the caller then
     * refreshes the matrix).
     */
    public void setCarriedRate(boolean on) { carriedRate = on; }

    private boolean firstUpdateEnds = true;

    /**
     * Whether a solve with the carried rate ({@link #setCarriedRate}) may end after its first update on the rate of an
     * earlier solve (IDA's, the default), or measures its own rate, from its second update on, before it ends. The
     * carried rate is that of the matrix when it was measured; while solves end on it, none measures it again, and the
     * matrix ages: on issue 13's half cell at rtol 1e-4 a rate of 0.0087 measured in the step to 84.7 s ended the
     * steps to 96, 107 and 118 s after one update each (the next step measured 0.33), and the step to 118.5 s kept
     * phi_s 1.5 mV and an algebraic unknown 11 of its weights from the solution of the algebraic rows for its
     * differential unknowns (docs/dfn.md, session 32). IDA's error test covers the algebraic unknowns and rejects such a step; an error test
     * without them ({@link VariableOrderBdf}) sees nothing of it.
     */
    public void setFirstUpdateEnds(boolean on) { firstUpdateEnds = on; }

    /**
     * Relative change of c = a0/h up to which the factorised iteration matrix is reused (0 = refactorise whenever the
     * step size changes; default 0.5, with the update scaled by 2/(1 + c/c') as IDA does). A stale matrix only slows
     * convergence; the contraction test catches that.
     */
    public void setReuseRatio(double ratio) { reuseRatio = ratio; }

    /**
     * IDA's life of a factorisation instead of the reuse ratio's (Hindmarsh et al., ACM TOMS 31, 363, 2005; SUNDIALS'
     * IDANls): the matrix factorised at c' is reused for a step at c while 0.6 <= c/c' <= 1/0.6, where the scaled
     * update's own contraction |1 - 2/(1 + c/c')| = |r - 1|/(r + 1) stays within IDA's XRATE 0.25 (the default window
     * |c/c' - 1| <= 0.5 allows 1/3 at a doubling of the step). Whenever c changes, the rate carried from the last
     * solve is replaced by IDA's 100 (`if (cj != cjlast) ss = 100`) in either life (session 29), so the first update of
     * a step whose size or order changed cannot end its solve. df/dy is kept as before (refreshed when a corrector
     * fails). Off by default; an option of
     * {@link org.cellwright.solver.dfn.DfnSimulation#withIdaMatrixLife} (docs/dfn.md, sessions 23 and 24).
     */
    public void setIdaMatrixLife(boolean on) { idaMatrixLife = on; }

    private boolean idaMatrixLife;
    /** c of the last step's solve (NaN before the first): a new c resets the carried rate (IDA's ss = 100). */
    private double lastStepC = Double.NaN;
    /** IDA's bounds on c/c' for reusing a factorisation taken at c' ((1 - XRATE)/(1 + XRATE), XRATE = 0.25, and its inverse). */
    static final double IDA_LOWER = 0.6, IDA_UPPER = 1 / IDA_LOWER;
    /** IDA's carried convergence factor after a change of c (IDANls' ss = HUNDRED). */
    static final double IDA_RESET_RATE = 100;

    /** Whether a factorisation taken at factored (finite: a step's, not a consistent initialisation's) may serve a step at c. */
    private boolean reusable(double c, double factored) {
        if (!Double.isFinite(factored)) return false;
        double r = c / factored;
        return idaMatrixLife && reuseRatio > 0 ? r >= IDA_LOWER && r <= IDA_UPPER : Math.abs(r - 1) <= reuseRatio;
    }

    /** Whether the current factorisation is exactly that of c M - df/dy. */
    public boolean factoredAt(double c) { return c == factoredC; }

    /** Forces a new factorisation at the next solve (same df/dy). */
    public void refactor() { factoredC = Double.NaN; }

    public int factorisations() { return factorisations; }

    public int iterations() { return iterations; }

    /** Jacobian (df/dy) evaluations so far. */
    public int jacobians() { return jacobians; }

    public int rhsEvaluations() { return matrix.evaluations(); }

    /** Marks df/dy as out of date (e.g. after an accepted step). */
    public void jacobianStale() { jacobianCurrent = false; }

    public boolean jacobianCurrent() { return jacobianCurrent; }

    /**
     * Re-evaluates only the fast-changing rows of df/dy at (t, y) (see {@link IterationMatrix#updateFastRows}); false if
     * the system declares none (then nothing changed).
     */
    public boolean refreshFastRows(double t, double[] y) {
        if (!matrix.updateFastRows(sys, t, y)) return false;
        factoredC = Double.NaN;
        return true;
    }

    /**
     * Consistent initial values: solves the algebraic unknowns of y in place for its differential ones at t (the step's
     * base psi holds y's copy; c = 0), with a fresh Jacobian and a second try on a fresh one, then, from y as given,
     * by damped Newton ({@link #dampedInitialise}). Returns false if all fail (y then holds the last iterate).
     */
    public boolean initialise(double t, double[] psi, double[] y, double rtol) {
        double[] given = y.clone();
        for (int attempt = 0; attempt < 2; attempt++) {
            refreshJacobian(t, y);
            if (solve(t, 0, psi, y, weights(y, rtol), 1e-3, 30)) {
                jacobianStale();
                return true;
            }
            // a diverging iteration's last iterate is no start for a second try (it overflowed there at once)
            if (initialisationDiverged) break;
        }
        System.arraycopy(given, 0, y, 0, n);
        boolean ok = dampedInitialise(t, psi, y, rtol);
        if (!ok) {
            // a Jacobian of rounding: again with steps COARSE_STEP times longer (the matrix's steps as before afterwards)
            System.arraycopy(given, 0, y, 0, n);
            matrix.differenceStepFactor(COARSE_STEP);
            try {
                ok = dampedInitialise(t, psi, y, rtol);
            } finally {
                matrix.differenceStepFactor(1);
            }
            if (ok) coarseInitialisations++;
        }
        jacobianStale();
        return ok;
    }

    /**
     * The factor on the finite-difference steps of a consistent initialisation's last try. At sqrt(eps) steps a column
     * whose rows change by less than their rounding is noise: after a 5 C pulse and a rest, ExploreBPX's pouch cell has
     * reaction currents of 1e-2 A/m2 whose columns' steps (2e-10 A/m2) move the negative's surface stoichiometry by
     * 5e-13, against its OCP's rounding of 7e-12 V (a fit of terms of 5e4 V): Newton's correction from the consistent
     * rest state is no descent direction (the residual grew along it at every damping to 1/1024) and no current could
     * be set (docs/dfn.md, "How a step ends"). 100 times longer steps (truncation error still 1e-6 of an entry) give
     * a Jacobian Newton converges with; only tried where the initialisation failed, so no solve that succeeded changes.
     */
    static final double COARSE_STEP = 100;

    /** Consistent initialisations that succeeded only with {@link #COARSE_STEP} (a statistic for tests). */
    private int coarseInitialisations;

    /** Consistent initialisations that succeeded only with {@link #COARSE_STEP} finite-difference steps. */
    public int coarseInitialisations() { return coarseInitialisations; }

    /**
     * The mean rate (|dy_m| / |dy_0|)^(1/m) of a consistent initialisation's updates above which it is abandoned as
     * diverging ({@link #initialise} then goes on by damped Newton from the values given). Without it the simplified
     * iteration ran on until its residual overflowed: 24 updates growing 3.4x each, to 1.3e22, and a Jacobian at the
     * last iterate for a second try that failed at once (dfn26's trace of About:Energy's NMC cell at 60 degC,
     * /work/helpers/repro/dfn26/nmc60/run3.log, a current set on the cell at rest; session 27). In that trace and the
     * Ecker cell's of session 24 (1 285 initialisations), none of the 156 whose updates grew faster than 2x on average
     * converged, nor did a second try after one: stopping there changes no outcome, only the work.
     */
    static final double DIVERGING_INIT_RATE = 2;

    /** Whether the last consistent initialisation's {@link #solve} was abandoned as diverging ({@link #DIVERGING_INIT_RATE}). */
    private boolean initialisationDiverged;

    /** Damped Newton steps a consistent initialisation may take before it gives up. */
    static final int DAMPED_ITERATIONS = 60;
    /** The smallest damping factor lambda of {@link #dampedInitialise} (below it the solve fails). */
    static final double MIN_DAMPING = 1.0 / 1024;

    /**
     * Consistent initial values by damped Newton with a fresh Jacobian at every iterate (Deuflhard 2004, "Newton Methods
     * for Nonlinear Problems", sec. 3.3, the error-oriented global Newton method): from y, the Newton correction dy of
     * the algebraic rows (differential unknowns fixed at psi) is taken as y + lambda dy with lambda = 1, 1/2, ... down to
     * {@link #MIN_DAMPING}, the first lambda whose simplified correction (the same matrix at the trial point) satisfies
     * the natural monotonicity test |dy_bar| <= (1 - lambda/4) |dy| in the error weights of y; the next iteration starts
     * from min(1, 2 lambda). Converged when |dy| <= 1e-3 (the undamped solve's bound). For a forcing that jumps far from
     * the state's (a large current applied to a cell at rest: its Butler-Volmer rows at j = 0 and its overpotentials
     * tenths of a volt from the solution), where the simplified iteration of {@link #initialise} overshoots into the
     * exponential's overflow (docs/dfn.md, "How a step ends").
     */
    boolean dampedInitialise(double t, double[] psi, double[] y, double rtol) {
        double[] w = weights(y, rtol).clone();
        double[] dy = new double[n], trial = new double[n];
        double lambda = 1;
        for (int it = 0; it < DAMPED_ITERATIONS; it++) {
            refreshJacobian(t, y);
            if (!matrix.factor(0, m, true)) return false;
            factorisations++;
            factoredC = Double.POSITIVE_INFINITY;
            blocksC = Double.NaN;
            if (!initResidual(t, psi, y, dy)) return false;
            matrix.solve(dy, 1);
            iterations++;
            double norm = weightedNorm(dy, w);
            if (DEBUG) System.err.println("damped newton " + it + " norm=" + norm + " lambda=" + lambda);
            if (!Double.isFinite(norm)) return false;
            if (norm <= 1e-3) {
                for (int i = 0; i < n; i++) y[i] += dy[i];
                return true;
            }
            for (;; lambda *= 0.5) {
                if (lambda < MIN_DAMPING) return false;
                for (int i = 0; i < n; i++) trial[i] = y[i] + lambda * dy[i];
                if (!initResidual(t, psi, trial, g)) continue;
                matrix.solve(g, 1);
                iterations++;
                double simplified = weightedNorm(g, w);
                if (simplified <= (1 - lambda / 4) * norm) break;
            }
            System.arraycopy(trial, 0, y, 0, n);
            lambda = Math.min(1, 2 * lambda);
        }
        return false;
    }

    /** The consistent-initialisation residual at y into out (differential rows -(y - psi), algebraic rows f); false if not finite. */
    private boolean initResidual(double t, double[] psi, double[] y, double[] out) {
        sys.rhs(t, y, f);
        return initRows(psi, y, out) == 0;
    }

    /**
     * The consistent-initialisation residual from f (just evaluated at y) into out: differential rows -(y - psi), algebraic
     * rows f. Returns the sum of out - out: 0 for a finite residual, NaN otherwise (one branch-free test).
     */
    private double initRows(double[] psi, double[] y, double[] out) {
        double probe = 0;
        for (int i = 0; i < n; i++) {
            out[i] = m[i] != 0 ? -(y[i] - psi[i]) : f[i];
            probe += out[i] - out[i];
        }
        return probe;
    }

    /** The convergence test's norm of an update d in weights w (RMS, or the component share's largest entry). */
    private double weightedNorm(double[] d, double[] w) {
        double sum = 0, max = 0;
        for (int i = 0; i < n; i++) {
            double e = d[i] / w[i];
            sum += e * e;
            max = Math.max(max, Math.abs(e));
        }
        return testNorm(sum, max);
    }

    /** The convergence test's norm from an update's weighted sum of squares and largest weighted entry. */
    private double testNorm(double sumSquares, double max) {
        return Math.max(Math.sqrt(sumSquares / n), max * componentShare);
    }

    /**
     * Solves the algebraic unknowns of y in place for its differential ones at t (as {@link #initialise}), first with
     * the df/dy at hand (a step's, close by: no Jacobian evaluation), then with a fresh one, to {@link #SAMPLE_TOL}.
     * False if both fail (y then holds the last iterate). The next step refactorises its matrix.
     */
    public boolean solveAlgebraic(double t, double[] y, double rtol) {
        if (held == null) held = new double[n];
        System.arraycopy(y, 0, held, 0, n);
        if (jacobians > 0 && solve(t, 0, held, y, weights(y, rtol), SAMPLE_TOL, 20)) return true;
        System.arraycopy(held, 0, y, 0, n);
        refreshJacobian(t, y);
        boolean ok = solve(t, 0, held, y, weights(y, rtol), SAMPLE_TOL, 30);
        jacobianStale();
        return ok;
    }

    private double[] held;
    /**
     * Newton's bound on a sample's last update (weighted as the steps'): a step's own bound on its error
     * (VariableOrderBdf.NEWTON_TOL), so a sample is as accurate as a step's state. 1e-3 cost DfnSimulation's half cell
     * (an output every 10 s, 415 samples) 3.7 iterations per sample against 1.5, for 0.024 against 0.041 mV RMS from its
     * rtol 1e-7 run (both against the interpolated outputs' 1.3 mV).
     */
    static final double SAMPLE_TOL = 0.1;

    /** Recomputes df/dy at (t, y). */
    public void refreshJacobian(double t, double[] y) {
        if (linearBlocks) blocksVersion = ((BorderedDaeSystem) sys).blockRowsVersion();
        matrix.update(sys, t, y);
        jacobians++;
        jacobianCurrent = true;
        factoredC = Double.NaN;
    }

    /**
     * Solves c M (y - psi) - f(t, y) = 0 in place from the guess y. For c = 0 with an algebraic mask this is the
     * consistent-initialisation problem (differential rows are replaced by y - psi = 0). weights: the error weights
     * (atol_i + rtol |y_i|). Returns true when the weighted update norm falls below tol.
     */
    public boolean solve(double t, double c, double[] psi, double[] y, double[] weights, double tol, int maxIter) {
        return solve(t, c, psi, y, weights, tol, maxIter, 0.9);
    }

    /**
     * As above; the iteration is abandoned when its mean rate (|dy_m| / |dy_0|)^(1/m) exceeds contraction (0.9 for a
     * reused matrix; a fresh Jacobian near a steep nonlinearity may grow an update once before converging, so callers
     * allow more there).
     */
    public boolean solve(double t, double c, double[] psi, double[] y, double[] weights, double tol, int maxIter, double contraction) {
        boolean init = c == 0;
        boolean reuse = init ? Double.isInfinite(factoredC) : reusable(c, factoredC);
        if (reuse && !init && c != blocksC) {
            // the blocks at this step's c (cheap, and their rows then hold exactly), or the whole matrix anew
            if (matrix.retarget(c, m)) blocksC = c;
            else if (Double.isFinite(blocksC)) reuse = false; // a failed retarget leaves the blocks half-factorised
        }
        if (!reuse) {
            if (!matrix.factor(init ? 0 : c, m, init)) return false;
            factorisations++;
            rateFactor = 20;
            factoredC = init ? Double.POSITIVE_INFINITY : c;
            blocksC = init ? Double.NaN : c;
        }
        // IDA's reset of the carried rate at a new c (IDANls: ss = 100 when cj != cjlast), in either life: a rate measured
        // at another c says nothing of this one's mismatch (|r - 1|/(r + 1) at r = c/c'), and the own life's solves that
        // ended on it after one update left the next update at up to 55 times Newton's bound (docs/dfn.md, session 29)
        if (!init) {
            if (c != lastStepC) rateFactor = IDA_RESET_RATE;
            lastStepC = c;
        }
        // a matrix factorised at c' for a step at c: the update is scaled by 2/(1 + c/c') (IDA, Brenan et al. 1996, sec. 5.2)
        double updateScale = init ? 1 : 2 / (1 + c / factoredC);
        boolean ok = iterate(t, c, psi, y, weights, tol, maxIter, contraction, init, updateScale);
        settleBlocks(y);
        return ok;
    }

    private boolean iterate(double t, double c, double[] psi, double[] y, double[] weights, double tol, int maxIter, double contraction,
            boolean init, double updateScale) {
        double previous = Double.NaN, first = Double.NaN;
        if (init) initialisationDiverged = false;
        stop(Double.NaN, 0, 0, Double.NaN);
        double[] inverseWeights = inverse(weights);
        // linear blocks: once an update has solved their rows with the blocks' exact matrix at this c (every full update
        // does) they hold, so later updates evaluate the core's rows alone and the blocks follow their anchors
        // (and only while the matrix's block entries are those of the blocks' current rows: a new temperature changes D)
        boolean condense = linearBlocks && !init && blocksVersion == ((BorderedDaeSystem) sys).blockRowsVersion();
        boolean blocksHold = false, lastCoreOnly = false, blockNormsTaken = false;
        for (int it = 0; it < maxIter; it++) {
            iterations++;
            // an update that leaves the domain of f (e.g. an overpotential whose sinh overflows) is halved, up to 6 times
            boolean finite = false;
            for (int halving = 0; halving <= 6 && !finite; halving++) {
                if (halving > 0) {
                    if (it == 0) return false;
                    halveLastStep(y, lastCoreOnly ? core : n);
                    if (lastCoreOnly) halveBlocks(y);
                    else blocksHold = false; // half a full update leaves the blocks' rows unsolved: the next is full again
                }
                boolean coreOnly = condense && blocksHold;
                if (coreOnly) ((BorderedDaeSystem) sys).coreRhs(t, y, f);
                else sys.rhs(t, y, f);
                int rows = coreOnly ? core : n;
                // g - g is 0 for a finite g and NaN otherwise: one branch-free test of the whole residual
                double probe = 0;
                if (init) probe = initRows(psi, y, g);
                else for (int i = 0; i < rows; i++) {
                    double v = f[i] - c * m[i] * (y[i] - psi[i]);
                    g[i] = v;
                    probe += v - v;
                }
                finite = probe == 0;
            }
            if (!finite) {
                if (DEBUG)
                    for (int i = 0; i < n; i++) if (!Double.isFinite(g[i])) { System.err.println("non-finite residual " + i + " y=" + y[i] + " f=" + f[i]); break; }
                return false;
            }
            boolean coreOnly = condense && blocksHold;
            double norm, max;
            if (coreOnly) {
                BorderedIterationMatrix bm = (BorderedIterationMatrix) matrix;
                bm.solveCore(g, updateScale); // g = dy on the core
                norm = update(g, y, inverseWeights, core);
                max = updateMax;
                double[] z = bm.blockColumns();
                if (!blockNormsTaken) {
                    blockNorms(z, inverseWeights);
                    blockNormsTaken = true;
                }
                for (int b = 0; b < bLast.length; b++) {
                    double da = g[bAnchor[b]];
                    lastDa[b] = da;
                    pending[b] += da;
                    y[bLast[b]] -= z[bLast[b] + zOffset[b]] * da; // the block's surface now, the rest when the solve ends
                    norm += da * da * blockSquares[b];
                    max = Math.max(max, Math.abs(da) * blockMax[b]);
                }
            } else {
                matrix.solve(g, updateScale); // g = dy
                norm = update(g, y, inverseWeights, n);
                max = updateMax;
                blocksHold = condense;
            }
            lastCoreOnly = coreOnly;
            norm = testNorm(norm, max);
            if (DEBUG) System.err.println("newton " + it + " c=" + c + " norm=" + norm + (coreOnly ? " (core)" : ""));
            if (!Double.isFinite(norm)) return false;
            if (norm <= (rateTest && !init ? 1e-4 * tol : tol)) return true;
            if (it == 0) first = norm;
            // not contracting: new Jacobian or smaller step. The mean rate (|dy_m| / |dy_0|)^(1/m) against the bound, as
            // IDA's RATEMAX test (Brenan et al. 1996, sec. 5.2.2), not the last update against the one before: updates at
            // the residual's rounding (a graphite OCP summing terms of 5e4 V rounds in steps of 7e-12 V, 5e-4 of j's
            // tolerance at 60 degC) neither fall nor pass the rate test, and one of them a little larger than the one
            // before failed the solve at every step size (About:Energy's NMC cell at 60 degC in UDDS, docs/dfn.md)
            if (init && it > 0 && Math.pow(norm / first, 1.0 / it) > DIVERGING_INIT_RATE) {
                initialisationDiverged = true;
                return false;
            }
            if (!init && it > 0 && Math.pow(norm / first, 1.0 / it) > contraction) {
                stop(norm, norm / previous, it, Math.pow(norm / first, 1.0 / it));
                return false;
            }
            if (rateTest && !init) {
                // rate rho = (|dy_m| / |dy_0|)^(1/m); the error left after this update is about rho/(1 - rho) |dy_m|
                // (IDA's ss, Brenan et al. 1996, sec. 5.2.2); with setCarriedRate, after the first update the rate of the
                // last solve with this factorisation stands in for it, as in IDA (20 after a new factorisation: no rate known),
                // where setFirstUpdateEnds allows it (VariableOrderBdf does not: each solve measures its own rate).
                // Without it, from the third update on: one ratio of updates says little about the rate near a steep
                // nonlinearity (a cathode's filling particle surfaces, where i0 -> 0, passed it with its reaction rows
                // 1 A/m2 off, and the next step failed at the step-size floor, docs/dfn.md "Mixed cells")
                if (it == 0) {
                    if (carriedRate && firstUpdateEnds && rateFactor * norm <= tol) return true;
                } else if (carriedRate || it >= 2) {
                    double rho = Math.pow(norm / first, 1.0 / it);
                    rateFactor = rho < 1 ? rho / (1 - rho) : 20;
                    if (rateFactor * norm <= tol) return true;
                    // at this rate the test cannot pass within maxIter: give up now (the caller refreshes the matrix)
                    if (carriedRate && rho < 1 && rateFactor * norm * Math.pow(rho, maxIter - 1 - it) > tol) {
                        stop(norm, norm / previous, it, rho);
                        return false;
                    }
                }
            }
            previous = norm;
        }
        return false;
    }

    /** Sum and largest of (z_i / w_i)^2 and |z_i / w_i| over each block: the weighted norm of -z_b da_b is |da_b| times them. */
    private void blockNorms(double[] z, double[] inverseWeights) {
        for (int b = 0; b < bLast.length; b++) {
            double sq = 0, mx = 0;
            for (int i = bStart[b], o = zOffset[b]; i <= bLast[b]; i++) {
                double e = z[i + o] * inverseWeights[i];
                sq += e * e;
                mx = Math.max(mx, Math.abs(e));
            }
            blockSquares[b] = sq;
            blockMax[b] = mx;
        }
    }

    /** Halves the last core-only update's share of the blocks (they follow their anchors linearly). */
    private void halveBlocks(double[] y) {
        double[] z = ((BorderedIterationMatrix) matrix).blockColumns();
        for (int b = 0; b < bLast.length; b++) {
            double h = 0.5 * lastDa[b];
            lastDa[b] = h;
            pending[b] -= h;
            y[bLast[b]] += z[bLast[b] + zOffset[b]] * h;
        }
    }

    /** Moves every block's unknowns below its surface by the anchor updates kept since the solve's last full update. */
    private void settleBlocks(double[] y) {
        if (bLast.length == 0) return;
        double[] z = null;
        for (int b = 0; b < bLast.length; b++) {
            double da = pending[b];
            if (da == 0) continue;
            if (z == null) z = ((BorderedIterationMatrix) matrix).blockColumns();
            for (int i = bStart[b], o = zOffset[b]; i < bLast[b]; i++) y[i] -= z[i + o] * da;
            pending[b] = 0;
        }
    }

    /** Error weights atol_i + rtol |y_i| (the array is reused by the next call). */
    public double[] weights(double[] y, double rtol) {
        for (int i = 0; i < n; i++) {
            scale[i] = atol[i] + rtol * Math.abs(y[i]);
            inverseScale[i] = 1 / scale[i];
        }
        return scale;
    }

    /** 1/w_i of the last {@link #weights} call. */
    public double[] inverseWeights() { return inverseScale; }

    /** 1/w_i: kept with the weights of the last {@link #weights} call, else computed. */
    private double[] inverse(double[] w) {
        if (w == scale) return inverseScale;
        double[] inv = new double[n];
        for (int i = 0; i < n; i++) inv[i] = 1 / w[i];
        return inv;
    }

    /** Takes back half of the last update over the first count unknowns (y -= lastStep / 2, lastStep halved). */
    private void halveLastStep(double[] y, int count) {
        for (int i = 0; i < count; i++) {
            lastStep[i] *= 0.5;
            y[i] -= lastStep[i];
        }
    }

    /** The largest weighted entry of the last {@link #update}. */
    private double updateMax;

    /**
     * Adds the update g to y over its first count unknowns (kept in lastStep for a halving); returns the sum of the
     * squared weighted entries, the largest in {@link #updateMax}.
     */
    private double update(double[] g, double[] y, double[] inverseWeights, int count) {
        double sum = 0, max = 0;
        for (int i = 0; i < count; i++) {
            double d = g[i];
            lastStep[i] = d;
            y[i] += d;
            double e = d * inverseWeights[i];
            sum += e * e;
            max = Math.max(max, Math.abs(e));
        }
        updateMax = max;
        return sum;
    }
}

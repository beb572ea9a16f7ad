package org.cellwright.solver.numerics;

/**
 * Damped Newton method on a banded Jacobian (Deuflhard, Newton Methods for Nonlinear Problems, 2004): the full
 * step is shortened by the system's own limit (e.g. to keep concentrations in range) and halved while the
 * residual norm grows. Converged when every |dx_i| <= atol_i + rtol |x_i|.
 */
public final class NewtonSolver {

    /** The system F(x) = 0. */
    public interface BandedSystem {
        int size();
        /** Residual F(x) into r. Returns false if x is outside the domain of F. */
        boolean residual(double[] x, double[] r);
        /** Jacobian dF/dx at x into j (cleared by the caller). */
        void jacobian(double[] x, BandedMatrix j);
        /** Absolute tolerance of unknown i; read once after each {@link #jacobian} (it may depend on the Jacobian's x). */
        double absoluteTolerance(int i);
        /** Largest factor in (0,1] of the step dx that keeps x + factor dx admissible. */
        default double stepLimit(double[] x, double[] dx) { return 1.0; }
        /**
         * Norm of the residual that the rounding of x alone leaves: the residual of the exact root rounded to doubles
         * can be this large (e.g. a conductance G times the spacing of doubles at a potential, where G is so large
         * that the root's potential differences lie below that spacing). A residual that has stalled below it (or below
         * STALL_RESIDUAL) is converged: no representable x does better, and Newton's steps there are rounding noise.
         * 0 (the default): no floor but STALL_RESIDUAL.
         */
        default double roundingResidual(double[] x) { return 0; }
    }

    /** Iterations after which, and residual norm below which, a residual that no longer falls counts as converged. */
    static final int STALL_ITERATIONS = 8;
    static final double STALL_RESIDUAL = 1e-8;
    /** Largest Newton step, in tolerances, that counts as noise when the residual has stalled. */
    static final double STALL_FACTOR = 1e4;

    /** Residual norm treated as zero (the systems are scaled to O(1) residuals). */
    public static final double RESIDUAL_FLOOR = 1e-13;

    private static final boolean DEBUG = Boolean.getBoolean("cellwright.newton.debug");
    private final BandedMatrix jac;
    private final double[] r, dx, xTrial, rTrial;
    /** The system's absolute tolerances, read after each Jacobian (an interface call per unknown and test is not free). */
    private final double[] atol;
    private int iterations;
    /** Size of the system whose Jacobian jac holds factorised, -1 if none. */
    private int factoredSize = -1;

    /** Largest number of chord steps {@link #solveChordFirst} takes before it builds a Jacobian. */
    static final int CHORD_STEPS = 6;
    /**
     * Share of the tolerances within which a chord step counts as converged: a chord step on an old Jacobian leaves
     * an error of its contraction factor times the step (also in the rows that are linear in the unknowns, e.g. the
     * charge balances, which a Newton step on the current Jacobian satisfies exactly), so it must be far smaller than
     * the tolerance for the solution to be as good as Newton's (charge conserved to 1e-9 at every step).
     */
    static final double CHORD_MARGIN = 1e-2;

    public NewtonSolver(int n, int kl, int ku) {
        jac = new BandedMatrix(n, kl, ku);
        r = new double[n];
        dx = new double[n];
        xTrial = new double[n];
        rTrial = new double[n];
        atol = new double[n];
    }

    public int iterations() { return iterations; }

    private long solves, totalIterations, failures;

    /** Statistics of this solver: {solves, Newton iterations, failed solves}. */
    public long[] statistics() { return new long[] {solves, totalIterations, failures}; }

    /** Solves in place from the initial guess x; returns true on convergence. */
    public boolean solve(BandedSystem sys, double[] x, double rtol, int maxIterations) {
        return solve(sys, x, rtol, maxIterations, false);
    }

    /**
     * As {@link #solve}, but first with chord steps on the Jacobian factorised by this solver's last solve, while each
     * at least halves the residual norm (at most {@link #CHORD_STEPS}; the simplified Newton iteration, Deuflhard 2004,
     * sec. 2.1.4): for a system that differs little from the last one solved (the same time step after a small change
     * of its coefficients) it converges in a few residuals without a new Jacobian. Then Newton as {@link #solve}.
     */
    public boolean solveChordFirst(BandedSystem sys, double[] x, double rtol, int maxIterations) {
        return solve(sys, x, rtol, maxIterations, true);
    }

    private boolean solve(BandedSystem sys, double[] x, double rtol, int maxIterations, boolean chordFirst) {
        solves++;
        boolean ok = solveInternal(sys, x, rtol, maxIterations, chordFirst);
        totalIterations += iterations;
        if (!ok) failures++;
        return ok;
    }

    private boolean solveInternal(BandedSystem sys, double[] x, double rtol, int maxIterations, boolean chordFirst) {
        int n = sys.size();
        iterations = 0;
        if (!sys.residual(x, r)) return false;
        double norm = norm(r, n);
        if (norm < RESIDUAL_FLOOR) return true;
        for (int c = 0; chordFirst && factoredSize == n && c < CHORD_STEPS; c++) {
            iterations = c + 1;
            if (stepIsSmall(x, rtol, n, CHORD_MARGIN)) {
                for (int i = 0; i < n; i++) x[i] += dx[i];
                return true;
            }
            double lambda = Math.min(1.0, sys.stepLimit(x, dx));
            for (int i = 0; i < n; i++) xTrial[i] = x[i] + lambda * dx[i];
            if (!sys.residual(xTrial, rTrial)) break;
            double nt = norm(rTrial, n);
            if (!(nt <= 0.5 * norm)) break; // too slow (or not finite): a new Jacobian
            System.arraycopy(xTrial, 0, x, 0, n);
            System.arraycopy(rTrial, 0, r, 0, n);
            norm = nt;
            if (norm < RESIDUAL_FLOOR) return true;
        }
        int nonMonotoneBudget = 8;
        double previousNorm = norm;
        boolean fullStep = false; // the last iteration took the whole Newton step
        for (iterations = 1; iterations <= maxIterations; iterations++) {
            // after a full step, first try the last factorisation (a chord step): near the root it is as good a test of
            // convergence as a new Jacobian, at a fraction of the cost; only if it is not small enough, refactorise
            if (fullStep && stepIsSmall(x, rtol, n, 1)) {
                for (int i = 0; i < n; i++) x[i] += dx[i];
                return true;
            }
            jac.clear();
            factoredSize = -1;
            sys.jacobian(x, jac);
            for (int i = 0; i < n; i++) atol[i] = sys.absoluteTolerance(i);
            if (DEBUG && iterations == 1) checkJacobian(sys, x, n);
            if (!jac.factorize()) return false;
            factoredSize = n;
            if (stepIsSmall(x, rtol, n, 1)) {
                for (int i = 0; i < n; i++) x[i] += dx[i];
                return true;
            }
            double lambda = Math.min(1.0, sys.stepLimit(x, dx));
            boolean accepted = false;
            for (int k = 0; k < 30; k++) {
                for (int i = 0; i < n; i++) xTrial[i] = x[i] + lambda * dx[i];
                if (sys.residual(xTrial, rTrial)) {
                    double nt = norm(rTrial, n);
                    // non-monotone: the first (limited) step may be taken even if the residual grows a little, which
                    // carries Newton across flat regions of one-sided kinetics (e.g. nucleation thresholds)
                    boolean nonMonotone = k == 0 && nonMonotoneBudget > 0 && nt < 4 * norm;
                    if (nonMonotone && nt > norm) nonMonotoneBudget--;
                    if (nt <= norm * (1 - 1e-4 * lambda) || nonMonotone || nt < RESIDUAL_FLOOR || k == 29 || lambda < 1e-3) {
                        if (!Double.isFinite(nt)) return false;
                        accepted = true;
                        norm = nt;
                        break;
                    }
                }
                lambda *= 0.5;
            }
            if (DEBUG) System.err.println("newton it " + iterations + " lambda " + lambda + " norm " + norm + " accepted " + accepted);
            if (!accepted) return false;
            boolean converged = true;
            double worst = 0; // largest Newton step in units of its tolerance
            for (int i = 0; i < n; i++) {
                double step = lambda * dx[i];
                x[i] = xTrial[i];
                r[i] = rTrial[i];
                double t = atol[i] + rtol * Math.abs(x[i]);
                if (Math.abs(step) > t) converged = false;
                worst = Math.max(worst, Math.abs(dx[i]) / t);
            }
            if ((converged && lambda == 1.0) || norm < RESIDUAL_FLOOR) return true;
            // at the rounding floor of the residual (it no longer falls, and is below STALL_RESIDUAL or the floor the
            // system states, roundingResidual) the equations hold to rounding and the Newton step is noise amplified by
            // an ill-conditioned Jacobian (e.g. every particle surface within 1e-13 of saturation, where the potential
            // barely changes the currents; a metal-like conductance whose potential differences lie below the doubles'
            // spacing): converged
            if (iterations >= STALL_ITERATIONS && norm < Math.max(STALL_RESIDUAL, sys.roundingResidual(x))
                    && norm >= 0.5 * previousNorm && worst <= STALL_FACTOR)
                return true;
            previousNorm = norm;
            fullStep = lambda == 1.0;
        }
        return false;
    }

    /**
     * The step dx = -J^-1 r with the Jacobian factorised last, and whether every |dx_i| <= share (atol_i + rtol |x_i|).
     */
    private boolean stepIsSmall(double[] x, double rtol, int n, double share) {
        for (int i = 0; i < n; i++) dx[i] = -r[i];
        jac.solve(dx);
        for (int i = 0; i < n; i++)
            if (!(Math.abs(dx[i]) <= share * (atol[i] + rtol * Math.abs(x[i])))) return false;
        return true;
    }

    /** Debug aid: prints entries where the analytic Jacobian differs from central differences. */
    private void checkJacobian(BandedSystem sys, double[] x, int n) {
        double[] xp = x.clone(), rp = new double[n], rm = new double[n];
        for (int j = 0; j < n; j++) {
            double h = 1e-7 * Math.max(1, Math.abs(x[j]));
            xp[j] = x[j] + h;
            sys.residual(xp, rp);
            xp[j] = x[j] - h;
            sys.residual(xp, rm);
            xp[j] = x[j];
            for (int i = 0; i < n; i++) {
                double fd = (rp[i] - rm[i]) / (2 * h);
                double an = jac.get(i, j);
                if (Math.abs(fd - an) > 1e-4 * Math.max(1, Math.abs(fd))) System.err.println("J(" + i + "," + j + ") analytic " + an + " fd " + fd);
            }
        }
    }

    private static double norm(double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s += v[i] * v[i];
        return Math.sqrt(s);
    }
}

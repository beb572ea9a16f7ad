package org.cellwright.solver.physics;

import org.cellwright.solver.numerics.NewtonSolver;
import org.cellwright.solver.numerics.fv.Mesh1D;

/**
 * Numerics of one implicit step of the MIEC interlayer ({@link MiecInterlayerElectrode}): the unknowns per control
 * volume k (ionic potential, electronic potential, host current, pore current at 4 k .. 4 k + 3) of the committed
 * and the trial state, and their solution by Newton's method on {@link MiecChargeBalance}, at a set current or at a
 * set collector potential with the current as one more (bordered) unknown. No physics here: the reactions come from
 * the electrode through {@link MiecChargeBalance.Reactions}.
 */
final class MiecStepSolver {
    /** Newton's tolerance on the scaled residual and its iteration limit. */
    private static final double TOLERANCE = 1e-10;
    private static final int MAX_ITERATIONS = 50;

    private final int n;
    private final double[] u, trial, atPotential;
    private final NewtonSolver newton, newtonAtPotential;
    private final MiecChargeBalance balance;

    MiecStepSolver(int n, MiecChargeBalance.Reactions reactions) {
        this.n = n;
        u = new double[4 * n];
        trial = new double[4 * n];
        atPotential = new double[4 * n + 1];
        // 7 below the diagonal: a pore site's row on the ionic potential of the cell before (MiecChargeBalance.locateFronts)
        newton = new NewtonSolver(4 * n, 7, 4);
        newtonAtPotential = new NewtonSolver(4 * n + 1, 7, 4);
        balance = new MiecChargeBalance(n, reactions);
    }

    /** The committed unknowns (to set the initial state). */
    double[] committed() { return u; }

    /** The trial unknowns of the step (read by the electrode's state update; the site-current defect goes there). */
    double[] trial() { return trial; }

    /** Ionic potential [V] of control volume k in the trial. */
    double ionic(int k) { return trial[4 * k]; }

    /** Electronic potential [V] of control volume k in the trial. */
    double electronic(int k) { return trial[4 * k + 1]; }

    /** The collector site's current [A/m2] of the trial at the current I, at the collector's face ({@link MiecChargeBalance}). */
    double collectorCurrent(double current) { return balance.collectorCurrent(trial, current); }

    /** phi_s - phi_e [V] of the trial at the collector's face at the current I and the site's current j. */
    double collectorFaceDphi(double current, double j) { return balance.collectorFaceDphi(trial, current, j); }

    /** Starts a trial from the committed state on the mesh with the effective conductivities [S/m]. */
    void start(Mesh1D mesh, double kappa, double sigma) {
        System.arraycopy(u, 0, trial, 0, u.length);
        balance.setTransport(mesh, kappa, sigma);
        balance.locateFronts();
    }

    /** phi_s - phi_e [V] of the trial at control volume k's pore site ({@link MiecChargeBalance#locateFronts}). */
    double poreSiteDphi(int k) { return balance.poreSiteDphi(trial, k); }

    /** Initial guess for a step that starts depositing: every node at electronic potential phiS, current I / n each. */
    void guessUniform(double phiS, double current) {
        for (int k = 0; k < n; k++) {
            trial[4 * k] = 0;
            trial[4 * k + 1] = phiS;
            trial[4 * k + 2] = 0;
            trial[4 * k + 3] = current / n;
        }
    }

    /**
     * The trial at phi_e = 0 and phi_s = phiS everywhere with no reaction currents, if that solves the step (every
     * scaled residual within the tolerance): where the reactions carry no current over a range of potentials (an
     * electrode with nothing to react), the potential is no function of a zero current, Newton's Jacobian is singular
     * there, and any potential of that range is a solution. False (the trial then undefined) if it is none.
     */
    boolean solvesUniformAtRest(double phiS) {
        guessUniform(phiS, 0);
        double[] r = new double[4 * n];
        if (!balance.residual(trial, r)) return false;
        for (double v : r) if (!(Math.abs(v) <= TOLERANCE)) return false;
        return true;
    }

    /** Solves the step at the set current of the reactions; false if Newton did not converge. */
    boolean solveAtCurrent() { return newton.solve(balance, trial, TOLERANCE, MAX_ITERATIONS); }

    /**
     * Solves the step at a set collector potential [V] behind a series resistance [Ohm m2] from the last control
     * volume's centre, starting from the guessed current [A/m2]; the current, or NaN (the trial is then unchanged).
     */
    double solveAtPotential(double potential, double series, double guess) {
        System.arraycopy(trial, 0, atPotential, 0, trial.length);
        atPotential[4 * n] = guess;
        // start from the electronic potential the set potential gives at the guessed current
        double shift = potential - guess * series - atPotential[4 * (n - 1) + 1];
        for (int k = 0; k < n; k++) atPotential[4 * k + 1] += shift;
        balance.setPotential(potential, series);
        boolean ok;
        try {
            ok = newtonAtPotential.solve(balance, atPotential, TOLERANCE, MAX_ITERATIONS);
        } finally {
            balance.setPotential(Double.NaN, 0);
        }
        double i = atPotential[4 * n];
        if (!ok || !Double.isFinite(i)) return Double.NaN;
        System.arraycopy(atPotential, 0, trial, 0, trial.length);
        return i;
    }

    /** The trial becomes the committed state. */
    void commit() { System.arraycopy(trial, 0, u, 0, u.length); }

    /** Newton statistics {solves, iterations, failures} at a set current. */
    long[] statistics() { return newton.statistics(); }
}

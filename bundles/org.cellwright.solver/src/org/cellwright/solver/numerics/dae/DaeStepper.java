package org.cellwright.solver.numerics.dae;

/**
 * A one-step-at-a-time integrator of a {@link DaeSystem} M y' = f(t, y) with dense output: what a driver (DfnRunner,
 * DfnSimulation) needs of a time stepper ({@link VariableOrderBdf}). The driver starts it at a consistent
 * state, asks for one accepted step at a time towards a target time (landing on it), reads the state, and samples the
 * last step's interpolating polynomial; {@link CutoffLanding} lands steps on an event of the state with it.
 */
public interface DaeStepper {
    /** The Newton iteration of the steps (its counters, its iteration matrix). */
    DaeNewton newton();

    /** Relative tolerance of the local error test (the absolute ones are the system's). */
    double relativeTolerance();

    int acceptedSteps();

    int rejectedSteps();

    /**
     * Takes back the last accepted step (state, time and the stepper's history as before it), where the stepper can:
     * true if it did, false if the caller must restart from a state it kept instead (the default).
     */
    default boolean undo() { return false; }

    /** Time of the last accepted step (or of the start). */
    double time();

    /** State at {@link #time()} (the stepper's own array: copy it to keep it). */
    double[] state();

    /** Start of the last accepted step. */
    double previousTime();

    /** Step size the next step will try. */
    double stepSize();

    void setStepSize(double h);

    /** Upper bound on the step size. */
    void setMaxStep(double maxStep);

    /**
     * The lowest order the stepper's order choice may fall to once reached (1: any; 2 for a forcing linear between the
     * breakpoints the steps land on, which BDF of order 2 and above integrates exactly within a piece).
     */
    void setMinimumOrder(int k);

    /** Constant steps h without error control (for convergence-order studies); the last step lands on tEnd. */
    void setFixedStep(double h);

    /**
     * Starts at (t0, y0) (y0 becomes the stepper's state): solves the algebraic unknowns for the given differential ones
     * with the forcing at tForcing (consistent initial values) and takes h0 as the first step size (the stepper may
     * shorten it). Returns false if the algebraic solve fails; the state is then y0 as given (a caller may try again
     * from it, e.g. by continuation in the forcing), not the solve's last iterate.
     */
    boolean start(double t0, double tForcing, double[] y0, double h0);

    /** As {@link #start(double, double, double[], double)} with the forcing at t0. */
    default boolean start(double t0, double[] y0, double h0) {
        return start(t0, t0, y0, h0);
    }

    /**
     * Restarts the history at the current point after a discontinuity of the forcing, keeping the differential
     * unknowns: the algebraic ones are made consistent with the forcing just after t (its right limit).
     */
    default boolean restart(double h0) {
        double t = time();
        return start(t, t + 1e-9 * Math.max(1, Math.abs(t)), state(), h0);
    }

    /**
     * Advances by one accepted step, not beyond tEnd (the step is shortened, or stretched a little, to land on it).
     * Returns false if the step size fell below hMin without an accepted step.
     */
    boolean step(double tEnd, double hMin);

    /** The state at tq within the last accepted step [previousTime, time] by the stepper's interpolating polynomial. */
    void interpolate(double tq, double[] out);

    /**
     * A copy of the last accepted step's interpolating polynomial: the states {@link #interpolate} gives within that step,
     * to the bit, still readable after later steps (outputs within a step kept as one history, read when needed).
     */
    Interpolant interpolant();

    /**
     * The state at tq within the last accepted step with its algebraic unknowns solved for the interpolated differential
     * ones (a state of the model: its constraints, e.g. V I = P, hold as at a step's end, and quantities of the algebraic
     * unknowns, e.g. the voltage where it is steep, are not interpolated). Falls back to the interpolated state (and
     * returns false) where that solve fails. At tq = time() the step's own state.
     */
    default boolean solvedAt(double tq, double[] out) {
        if (tq == time()) {
            System.arraycopy(state(), 0, out, 0, out.length);
            return true;
        }
        interpolate(tq, out);
        if (newton().solveAlgebraic(tq, out, relativeTolerance())) return true;
        interpolate(tq, out);
        return false;
    }
}

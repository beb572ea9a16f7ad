package org.cellwright.solver.numerics.dae;

/** The Newton iteration matrix c M - df/dy of a DAE: finite-difference Jacobian, factorisation and solve. */
interface IterationMatrix {
    /** Evaluates df/dy at (t, y). */
    void update(DaeSystem sys, double t, double[] y);

    /** Factorises c M - df/dy; with init, rows of differential unknowns (m_i > 0) are identity rows. */
    boolean factor(double c, double[] m, boolean init);

    /** Solves in place after factor. */
    void solve(double[] b);

    int evaluations();

    /**
     * Adapts the factorisation cheaply to a new c where the structure allows it (a bordered system's blocks, whose
     * rows are then solved exactly); false if not (the caller scales the update instead).
     */
    default boolean retarget(double c, double[] m) { return false; }

    /** Solves in place with the update scaled by scale (a bordered system scales only its core's part). */
    default void solve(double[] b, double scale) {
        solve(b);
        if (scale != 1) for (int i = 0; i < b.length; i++) b[i] *= scale;
    }

    /** Re-evaluates the rows that change fastest (a bordered system's anchor rows), if the system declares them; false if not. */
    default boolean updateFastRows(DaeSystem sys, double t, double[] y) { return false; }

    /**
     * Multiplies the finite-difference steps of later {@link #update}s by factor (1: sqrt(eps) max(|y_j|, the system's
     * difference scale), as before); a matrix without that choice ignores it.
     */
    default void differenceStepFactor(double factor) {}

    static IterationMatrix of(DaeSystem sys) {
        return sys instanceof BorderedDaeSystem b ? new BorderedIterationMatrix(b) : new BandedIterationMatrix(sys);
    }
}

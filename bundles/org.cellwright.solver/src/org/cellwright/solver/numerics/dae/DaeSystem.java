package org.cellwright.solver.numerics.dae;

/** A semi-explicit DAE M y' = f(t, y) with diagonal M; f's Jacobian lies within the band [-lower, +upper]. */
public interface DaeSystem {
    int size();

    /** Diagonal of M: positive for differential unknowns, 0 for algebraic ones. */
    void mass(double[] m);

    /** f(t, y) into out. */
    void rhs(double t, double[] y, double[] out);

    /** Sub-diagonals of df/dy (entries (i, j) with i - j above this are zero). */
    int lowerBandwidth();

    /** Super-diagonals of df/dy. */
    int upperBandwidth();

    /** Absolute tolerance (typical size of a negligible change) of unknown i, in its unit; fixed for the system's life (read once). */
    double absoluteTolerance(int i);

    /**
     * Whether the state y at t, reached by a converged step from yFrom, is admissible (e.g. within the model's physical
     * bounds): {@link VariableOrderBdf} rejects a step whose state is not and retries it at a quarter of its size. Default: every state.
     */
    default boolean admissible(double t, double[] yFrom, double[] y) { return true; }

    /**
     * Whether a step's predicted state y at t (extrapolated from yFrom, the last accepted state) lies where Newton can
     * start from, e.g. every quantity the residual takes a root or a logarithm of still inside its range:
     * {@link VariableOrderBdf} halves a step whose predictor is not before any Newton work. Default: every state.
     */
    default boolean predictable(double t, double[] yFrom, double[] y) { return true; }
}

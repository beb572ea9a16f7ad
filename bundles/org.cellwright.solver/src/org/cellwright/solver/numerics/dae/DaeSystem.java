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
     * The least magnitude a finite-difference column of df/dy perturbs unknown i from: h_i = sqrt(eps) max(|y_i|, scale)
     * ({@link BandedJacobian}, {@link BorderedIterationMatrix}); fixed for the system's life (read once). Default 1e3
     * times the absolute tolerance. A system whose unknown can be far below its typical size while the rows it enters
     * are not (a reaction current near 0 at rest, in charge balances of terms of 1e4 A/m2) gives its typical size here,
     * else h falls below those rows' rounding and the column is noise.
     */
    default double differenceScale(int i) { return 1e3 * absoluteTolerance(i); }

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

    /**
     * The time a state moving as it did over the last step (from yFrom to y in h) takes, at that rate, to reach a limit
     * of the range its residual is solvable in (the distance left over the rate of closing, the least over such
     * quantities): {@link VariableOrderBdf} bounds the next step to a fraction of it. Default: no limit (infinity).
     */
    default double timeToLimit(double[] yFrom, double[] y, double h) { return Double.POSITIVE_INFINITY; }
}

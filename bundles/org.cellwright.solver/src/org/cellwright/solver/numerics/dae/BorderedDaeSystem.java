package org.cellwright.solver.numerics.dae;

/**
 * A DAE whose unknowns are a banded core (indices 0 .. coreSize-1, band given by lower/upperBandwidth) and local
 * blocks after it, each coupled to one core unknown, its anchor, in the way particles couple to a reaction rate:
 * <ul>
 * <li>rows of block b depend on the block's own unknowns within a tridiagonal band and on anchor(b) only;</li>
 * <li>the anchor's row depends on the block's last unknown only (a surface value); no other core row sees the block.</li>
 * </ul>
 * {@link BorderedIterationMatrix} eliminates the blocks (a Schur complement onto the anchors), so the banded solve has
 * the core's band instead of the whole block's.
 */
public interface BorderedDaeSystem extends DaeSystem {
    int coreSize();

    int blocks();

    /** First unknown of block b (>= coreSize; blocks are contiguous and in order). */
    int blockStart(int b);

    int blockSize(int b);

    /** The core unknown block b is coupled to (distinct for each block). */
    int anchor(int b);

    /**
     * r >= 0 if every anchor row depends on core unknowns only in [anchor - r, anchor] (and on its block's last unknown):
     * the anchor rows alone can then be re-evaluated with r + 3 evaluations of f. -1 (the default): not declared.
     */
    default int anchorRowReach() { return -1; }

    /**
     * The anchor rows' entries analytically, where the system has them (with {@link #anchorRowReach} r >= 0): for block
     * b, d(row anchor(b))/d(y[anchor(b) - r + i]) into core[b (r + 1) + i] (i = 0 .. r) and d(row anchor(b))/d(block's
     * last unknown) into last[b]. Returns false (the default) when it has none: finite differences then.
     */
    default boolean anchorRows(double t, double[] y, double[] core, double[] last) { return false; }

    /**
     * Whether every block's rows are linear in its unknowns and its anchor with a Jacobian that does not change (a
     * particle with a diffusivity independent of c): once a Newton update has solved them with the exact block matrix at
     * this c they hold, and later updates of the same solve need only the core's residual ({@link #coreRhs}); the blocks
     * then follow their anchors. Default: false.
     */
    default boolean linearBlocks() { return false; }

    /**
     * With {@link #linearBlocks}: a block a <= b whose rows are the same linear function of its own unknowns and anchor as
     * block b's (same size, mass and matrix, e.g. particles of one electrode on one shell mesh), so the iteration matrix
     * factorises one of them for both. Default: b itself.
     */
    default int blockTwin(int b) { return b; }

    /**
     * Changes whenever the blocks' rows change as functions of the unknowns (a particle's diffusivity at a new
     * temperature): linear blocks are left out of Newton's updates only while the matrix's block entries were taken at
     * the current version. Default: 0 (they never change).
     */
    default long blockRowsVersion() { return 0; }

    /** f's core rows (indices below coreSize) into out; the default evaluates all of f. */
    default void coreRhs(double t, double[] y, double[] out) { rhs(t, y, out); }
}

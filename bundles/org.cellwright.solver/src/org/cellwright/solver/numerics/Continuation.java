package org.cellwright.solver.numerics;

import java.util.function.DoubleConsumer;

/**
 * Moves a forcing of an algebraic problem (a cell's current, power, held voltage or temperature with its slow unknowns
 * held, no time passing) from one value to another through solved states: in 2, 4, ..., 64 equal stages, each stage's
 * state solved from the one before (the DFN runner's jumps too large for one Newton solve, DfnRunner.applyCurrent).
 *
 * <p>A pass that fails at its stage k has solved stages 1 .. k - 1, and a failed solve leaves the state as it was, at
 * stage k - 1: stage 2 (k - 1) of the next pass, twice as fine, at the same value of the forcing. That pass goes on
 * from there (its state kept, taken up again after the first value's state is found again, as after every failed
 * pass); until session 25 every pass solved its stages from the first value again, reaching states of the same
 * solution at the same values. The stages tried past them are the same. A forcing no state carries (a current beyond
 * what the cell's state carries) fails at every pass, and there the re-solved stages were half the cost (docs/dfn.md,
 * session 25).
 */
public final class Continuation {
    private Continuation() {}

    /** The first pass's stages and the finest pass's. */
    public static final int FIRST = 2, FINEST = 64;

    /** The problem's state under the forcing set. */
    public interface Problem {
        /**
         * Solves the state for the forcing set, from the present state; false where no state is found, the present
         * state then as it was before the solve.
         */
        boolean solve();

        /** A copy of the present state. */
        double[] state();

        /** Makes state (a copy of {@link #state()}) the present one, solved for the forcing set; false where it is not found. */
        boolean start(double[] state);
    }

    /**
     * Moves the forcing (set) from {@code from} to {@code to} through solved states; true with the state solved at
     * {@code to}. After a pass fails the state is put back as it was and solved at {@code from} (false at once, the
     * forcing at {@code from}, where it is not found: no pass would start), then the state of the pass's last solved
     * stage is taken up again for the next pass. False where the finest pass fails too: the state is then the one
     * the continuation started from, the forcing left at {@code to}, as a failed single solve leaves it.
     */
    public static boolean run(DoubleConsumer set, Problem p, double from, double to) {
        double[] origin = p.state();
        int resume = 0; // the stage of this pass the present state is solved at (0: the first value)
        for (int stages = FIRST; stages <= FINEST; stages *= 2) {
            int k = resume;
            boolean ok = true;
            while (ok && k < stages) {
                k++;
                set.accept(stage(from, to, k, stages));
                ok = p.solve();
            }
            if (ok) return true;
            double[] solved = k > 1 ? p.state() : null; // stage k - 1's, as the failed solve left it
            // the first value's state found again, as every pass did: where it is not, no pass will start (false at once)
            set.accept(from);
            if (!p.start(origin.clone())) return false;
            set.accept(to);
            resume = 0;
            if (solved != null && stages < FINEST) { // the next pass goes on from stage 2 (k - 1), the same value
                set.accept(stage(from, to, k - 1, stages));
                if (p.start(solved)) resume = 2 * (k - 1);
                else { // not found again: from the first value, as before
                    set.accept(from);
                    if (!p.start(origin.clone())) return false;
                }
            }
        }
        return false;
    }

    /** The value of stage k of n from one value to another. */
    static double stage(double from, double to, int k, int n) {
        return from + (to - from) * k / n;
    }
}

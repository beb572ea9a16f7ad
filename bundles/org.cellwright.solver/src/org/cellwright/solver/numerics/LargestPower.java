package org.cellwright.solver.numerics;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;

/**
 * The largest power a cell's state can give (or take) in one direction, with its slow unknowns held: the fold of the
 * power V(I) I over the current, dP/dI = 0, past which no state carries a larger power (the maximum power point; the
 * voltage falls as the current rises, at a transport or kinetic limit without bound). One implementation for both
 * runners (issue 13): the solid-state runner's time step trial at a current (StepEndLanding) and the DFN runner's
 * state solved at a current with the concentrations held (DfnRunner), each a {@link Curve}.
 *
 * <p>A sweep of current magnitudes a = first, first r, first r^2, ... below last, then last itself, until the model
 * has no solution or the power, once positive, turns against the demand (a voltage of the wrong sign past the fold);
 * then the largest trial refined by Brent's method (golden section with parabolic interpolation; R. P. Brent,
 * Algorithms for Minimization without Derivatives, 1973; Hipparchus' {@link BrentOptimizer}) on [a_best / r, a_best r].
 * A sweep may also stop at the first trial whose power reaches a target (a power step's current on its high-voltage
 * branch, bracketed for the caller's bisection).
 */
public final class LargestPower {
    private LargestPower() {}

    /** The power a state gives at current magnitude a > 0 in the demand's direction [W/m2]: negative for a voltage of the wrong sign, NaN where no state carries it. */
    @FunctionalInterface
    public interface Curve {
        double at(double a);
    }

    /**
     * What a sweep found: the largest power of its trials and its current (0 and NaN where none gave power in the
     * demand's direction), whether that was its last trial (the power still rising at its end), the first current
     * without solution (NaN: none), and the first current whose power reached the target with the trial before it
     * (reached NaN: none; below 0: none before it).
     */
    public record Sweep(double best, double bestAt, boolean rising, double failedAt, double reached, double below) {
        /** Whether the sweep's first trial had no solution (the cause is then the model's). */
        public boolean failedFirst(double first) {
            return failedAt == first;
        }
    }

    /** The factor between a sweep's currents (both runners'). */
    public static final double RATIO = 1.5;

    /** Relative and absolute tolerances of Brent's search in the current (the power is flat at its maximum: its error is their square). */
    static final double RELATIVE = 1e-10, ABSOLUTE = 1e-14;
    /** Evaluations Brent's search may take (a golden section's 40 steps took 80). */
    static final int MAX_EVALUATIONS = 80;

    /**
     * The sweep of current magnitudes first, first ratio, ... (< last), then last (the sweep stops at the first
     * trial without solution, at a wrong-sign power after a positive one, or at the first whose power reaches target;
     * +infinity: none).
     */
    public static Sweep sweep(Curve curve, double first, double ratio, double last, double target) {
        double best = 0, bestAt = Double.NaN, prev = 0, failedAt = Double.NaN;
        boolean rising = false;
        for (double a = first;; a = Math.min(a * ratio, last)) {
            double p = curve.at(a);
            if (Double.isNaN(p)) {
                failedAt = a;
                rising = false; // the fold lies before the current without solution
                break;
            }
            if (p < 0) { // a voltage of the wrong sign: at small currents (a lithium-metal half cell near 0 V) or past the fold
                rising = false;
                if (!Double.isNaN(bestAt)) break;
                prev = a;
                if (a >= last) break;
                continue;
            }
            if (p >= target) return new Sweep(best, bestAt, false, failedAt, a, prev);
            rising = p > best;
            if (p > best) {
                best = p;
                bestAt = a;
            }
            prev = a;
            if (a >= last) break;
        }
        return new Sweep(best, bestAt, rising && !Double.isNaN(bestAt), failedAt, Double.NaN, prev);
    }

    /**
     * The largest power [W/m2] and its current magnitude: the sweep's best refined by Brent's method between its
     * neighbouring trials ({best, a}); {0, NaN} where no trial gave power in the demand's direction; the sweep's best
     * unrefined where it was still rising at its end (the caller decides what that means). A trial of the refinement
     * without solution counts as no power.
     */
    public static double[] refine(Curve curve, Sweep s, double ratio) {
        if (Double.isNaN(s.bestAt())) return new double[] {0, Double.NaN};
        if (s.rising()) return new double[] {s.best(), s.bestAt()};
        double[] best = {s.best(), s.bestAt()};
        UnivariateObjectiveFunction f = new UnivariateObjectiveFunction(a -> {
            double p = curve.at(a);
            double value = Double.isNaN(p) ? -1 : p;
            if (value > best[0]) { // the best trial, whatever Brent's last point
                best[0] = value;
                best[1] = a;
            }
            return value;
        });
        try {
            new BrentOptimizer(RELATIVE, ABSOLUTE).optimize(new MaxEval(MAX_EVALUATIONS), f, GoalType.MAXIMIZE,
                    new SearchInterval(s.bestAt() / ratio, s.bestAt() * ratio, s.bestAt()));
        } catch (MathIllegalStateException tooMany) {
            // the evaluations used up: the best trial so far (the power is flat there)
        }
        return best;
    }
}

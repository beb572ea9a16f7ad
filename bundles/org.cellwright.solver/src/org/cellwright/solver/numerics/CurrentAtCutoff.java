package org.cellwright.solver.numerics;

/**
 * The current at which a cell's voltage reaches a cut-off on the current's way from zero to a set current, the
 * state's slow unknowns held (issue 13: a step ends on its own cut-off). One implementation for both runners: the
 * solid-state runner's last time step landed on its cut-off and its steps past their cut-off the moment their current
 * is set (StepEndLanding.landOnCutoff), and the DFN runner's such steps (DfnRunner.endsAtOnce), each a {@link Voltage}.
 * Also the current at which a power V I rising with the current reaches a set power (the DFN runner's power step
 * started on the branch where the power rises with the current, DfnRunner.onRisingBranch: the power in place of the
 * voltage, direction +1; it was a bisection of its own until session 21).
 *
 * <p>Bisection on the share s = 1 - a / set of the set current not carried: geometric while the bracket spans more
 * than a factor 4 (first s = 1e-3: a landing within a time step lies near the set current; a step past its cut-off at
 * once may reach it at a small share of it), arithmetic after; a trial without solution counts as beyond the
 * cut-off, as the monotone voltage of a current beyond the state's largest would be.
 */
public final class CurrentAtCutoff {
    private CurrentAtCutoff() {}

    /**
     * The cell's voltage [V] at current magnitude a in the step's direction, NaN where no state carries it (or another
     * quantity monotone in a on the bracket, a power [W/m2]).
     */
    @FunctionalInterface
    public interface Voltage {
        double at(double a);
    }

    /**
     * The last trial before the cut-off: its current magnitude a and voltage, and whether the voltage is within the
     * tolerance of the cut-off (the search ended there) or the bracket could not shrink (or the trials ran out).
     */
    public record Found(double current, double voltage, boolean onCutoff) {}

    /**
     * The current magnitude in (0, set] where the voltage reaches cut: beyond it above the cut-off for direction +1 (a
     * charge, a cut-off above), below for -1. Returns the first trial within tolerance of the cut-off, else the last
     * trial before it (onCutoff false), or null where every trial was beyond it.
     */
    public static Found bisect(Voltage v, double set, double cut, int direction, double tolerance, int maxTrials) {
        double lo = 0, hi = 1; // s: lo beyond the cut-off (or no solution), hi before it
        Found before = null;
        for (int k = 0; k < maxTrials; k++) {
            double mid = lo == 0 ? (hi <= 1e-16 ? 0.5 * hi : Math.max(1e-16, hi * 1e-3)) : hi / lo > 4 ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
            double a = set * (1 - mid);
            double va = v.at(a);
            if (!Double.isNaN(va) && Math.abs(va - cut) <= tolerance) return new Found(a, va, true);
            if (Double.isNaN(va) || direction * (va - cut) > 0) lo = mid;
            else {
                hi = mid;
                before = new Found(a, va, false);
            }
            if (hi - lo <= 1e-15 * hi) break;
        }
        return before;
    }
}

package org.cellwright.solver;

import java.util.List;

import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.numerics.CurrentAtCutoff;
import org.cellwright.solver.numerics.LargestPower;
import org.cellwright.solver.physics.CellModel;

/**
 * Where a step ends at a voltage: the cut-offs a voltage crosses, the last time step solved for the current at the
 * cut-off voltage (step-end landing), and the current of a voltage or power step at its set point. Works on the
 * model's trials only; the caller commits.
 */
final class StepEndLanding {
    private final CellModel model;

    StepEndLanding(CellModel model) { this.model = model; }

    /** Whether the last hold's current came from the working electrode at its potential (the secant had failed). */
    private boolean atPotential;

    /**
     * The last time step of length h solved for the current at the cut-off voltage: at a set voltage
     * ({@link CellModel#currentAtVoltage}), otherwise bisection on the share s of the set current not carried
     * (geometric while s is small; a trial without solution counts as beyond the cut-off; {@link CurrentAtCutoff},
     * shared with the DFN runner's steps that end at once). Returns {current, voltage}
     * with the model's last trial at that current, or null.
     */
    double[] landOnCutoff(double h, double setCurrent, double cut) {
        if (setCurrent == 0) return null;
        double sign = Math.signum(setCurrent); // beyond the cut-off: below it on discharge, above it on charge
        double v0 = model.trial(h, 0);
        if (Double.isNaN(v0) || sign * (v0 - cut) >= 0) return null;
        // at a set voltage (well-conditioned where the voltage falls steeply with the current)
        double atCut = model.currentAtVoltage(h, cut, setCurrent);
        // (up to 1 % above the set current: the cut-off lies within the step, the caller accepts within 1 %)
        if (!Double.isNaN(atCut) && Math.signum(atCut) == sign && Math.abs(atCut) <= 1.01 * Math.abs(setCurrent))
            return new double[] {atCut, cut};
        // (the model's last trial is at the current found on the cut-off: the search returns at it)
        CurrentAtCutoff.Found f = CurrentAtCutoff.bisect(a -> model.trial(h, sign * a), Math.abs(setCurrent), cut, (int) sign,
                Simulation.LANDING_TOLERANCE, 200);
        return f != null && f.onCutoff() ? new double[] {sign * f.current(), f.voltage()} : null;
    }

    /** Secant iteration on the current so that V (a voltage step) or V I (a power step) meets the set point: {current, voltage}. */
    double[] solveForCurrent(StepMode mode, double setpoint, double h, double guess) {
        if (mode == StepMode.VOLTAGE && atPotential && guess != 0) { // the last time step of this hold needed it: first
            double atSet = model.currentAtVoltage(h, setpoint, guess);
            if (!Double.isNaN(atSet)) return new double[] {atSet, setpoint};
        }
        atPotential = false;
        double i0 = guess, f0 = residual(mode, setpoint, h, i0);
        // from rest, the second point towards the set voltage (a hold below the rest voltage discharges: plating onto a
        // bare collector, which has no lithium to give, has no solution at a charging current)
        // (a power step: towards its power, a discharge's delivered power at a discharging current)
        double i1 = guess != 0 ? guess * 1.01 : mode == StepMode.VOLTAGE ? (f0 > 0 ? -1e-3 : 1e-3) : Math.signum(setpoint) * 1e-3;
        double f1 = residual(mode, setpoint, h, i1);
        for (int k = 0; k < 40 && !Double.isNaN(f0) && !Double.isNaN(f1); k++) {
            if (Math.abs(f1) < 1e-9) break;
            double d = f1 - f0;
            if (d == 0) break;
            double i2 = i1 - f1 * (i1 - i0) / d;
            i0 = i1; f0 = f1; i1 = i2;
            f1 = residual(mode, setpoint, h, i1);
        }
        double v = model.trial(h, i1);
        if (mode == StepMode.POWER && !delivers(setpoint, i1, v)) {
            // the secant went past the fold of V I = P (its low-voltage branch, or a voltage of the wrong sign: a
            // discharge of a half cell near 0 V) or found none: the current on the high-voltage branch, bracketed by
            // the sweep of largestPower, else no solution
            double[] b = largestPower(h, setpoint, true);
            if (b != null) return b;
            // the model's last trial a failed one, for the cause: the sweep's first current without solution (in the
            // power's direction), else the secant's
            model.trial(h, Double.isNaN(sweepFailedAt) ? i1 : sweepFailedAt);
            return new double[] {i1, Double.NaN};
        }
        if (mode == StepMode.VOLTAGE && !(Math.abs(v - setpoint) <= Simulation.LANDING_TOLERANCE)) {
            // a hold far below (above) the open circuit: the secant's extrapolated current saturates (empties) the
            // cathode's particle surfaces within the time step, where the model has no solution. The current at the set
            // voltage with the working electrode solved at its potential (as a cut-off at a transport limit is landed)
            double rest = model.trial(h, 0);
            double direction = Math.signum(setpoint - rest);
            if (direction == 0) return new double[] {0, rest};
            double atSet = Double.isNaN(rest) ? Double.NaN
                    : model.currentAtVoltage(h, setpoint, Math.signum(guess) == direction ? guess : direction * 1e-3);
            if (!Double.isNaN(atSet)) {
                atPotential = true;
                return new double[] {atSet, setpoint};
            }
            // the secant's trial again (also where the trial at rest failed): the model's last trial is that of the
            // current returned, which the caller commits
            v = model.trial(h, i1);
        }
        return new double[] {i1, v};
    }

    /** The first current of the last {@link #largestPower} sweep without solution (NaN: none). */
    private double sweepFailedAt = Double.NaN;

    /** Relative tolerance of V I = P at a power step's solution. */
    static final double POWER_TOLERANCE = 1e-6;

    /** Whether current i at voltage v meets the power p: V I = P within {@link #POWER_TOLERANCE}, I in P's direction. */
    private static boolean delivers(double p, double i, double v) {
        return Double.isFinite(v) && Math.signum(i) == Math.signum(p) && Math.abs(v * i - p) <= POWER_TOLERANCE * Math.abs(p);
    }

    /**
     * The power a time step h of length h can give in the direction of the power p [W/m2] (negative: delivered, a
     * discharge; positive: taken, a charge), over currents in that direction from 1e-3 A/m2 growing by 1.5 per trial
     * until the model has no solution, or V I turns against p past the largest (a discharge's voltage falling through
     * 0 V; a voltage of the wrong sign at small currents, a lithium-metal half cell near 0 V, is passed over): the sweep
     * of {@link LargestPower}, shared with the DFN runner. With solve true: the first current whose |V I| reaches |p| is
     * refined by bisection to V I = p on the high-voltage branch and {current, voltage} returned, null if no current
     * reaches it. With solve false: {largest |V I| (0 if none is in p's direction), its current, its voltage}, refined by
     * Brent's method between the trials around it ({@link LargestPower#refine}), the model's last trial at that current;
     * null if the smallest current has no solution (the cause is then the model's, e.g. an electrode without lithium).
     */
    double[] largestPower(double h, double p, boolean solve) {
        double sign = Math.signum(p), target = Math.abs(p);
        LargestPower.Curve given = a -> {
            double v = model.trial(h, sign * a);
            return Double.isNaN(v) ? Double.NaN : v * a;
        };
        LargestPower.Sweep s = LargestPower.sweep(given, SWEEP_FIRST, SWEEP_RATIO, SWEEP_LAST, solve ? target : Double.POSITIVE_INFINITY);
        sweepFailedAt = sign * s.failedAt();
        if (s.failedFirst(SWEEP_FIRST)) return null;
        if (solve && !Double.isNaN(s.reached())) {
            double lo = sign * s.below(), hi = sign * s.reached(); // |V I| below p at lo, at or above it at hi
            for (int n = 0; n < 200; n++) {
                double mid = 0.5 * (lo + hi), vm = model.trial(h, mid);
                if (Double.isNaN(vm)) { hi = mid; continue; }
                if (sign * vm * mid >= target) hi = mid; else lo = mid;
                if (Math.abs(vm * mid - p) <= POWER_TOLERANCE * target) return new double[] {mid, vm};
                if (Math.abs(hi - lo) <= 1e-15 * Math.abs(hi)) break;
            }
            double vh = model.trial(h, hi);
            return delivers(p, hi, vh) ? new double[] {hi, vh} : null;
        }
        if (solve) return null;
        if (Double.isNaN(s.bestAt())) return new double[] {0, 0, model.trial(h, 0)};
        double[] best = LargestPower.refine(given, s, SWEEP_RATIO);
        double i = sign * best[1];
        return new double[] {best[0], i, model.trial(h, i)};
    }

    /** The sweep of {@link #largestPower}: current magnitudes from 1e-3 A/m2 by a factor 1.5 up to 1e7 A/m2. */
    static final double SWEEP_FIRST = 1e-3, SWEEP_RATIO = LargestPower.RATIO, SWEEP_LAST = 1e7;

    private double residual(StepMode mode, double setpoint, double h, double i) {
        double v = model.trial(h, i);
        return mode == StepMode.VOLTAGE ? v - setpoint : v * i - setpoint;
    }

    /** The voltage cut-off the current drives towards (below for a negative current, above for a positive), or NaN. */
    static double cutoffInDirection(List<Cutoff> cs, double current) {
        for (Cutoff c : cs) {
            if (current < 0 && c.kind() == Cutoff.Kind.VOLTAGE_BELOW) return c.value();
            if (current > 0 && c.kind() == Cutoff.Kind.VOLTAGE_ABOVE) return c.value();
        }
        return Double.NaN;
    }

    static boolean hasVoltageCutoff(List<Cutoff> cs) {
        for (Cutoff c : cs) if (c.kind() == Cutoff.Kind.VOLTAGE_ABOVE || c.kind() == Cutoff.Kind.VOLTAGE_BELOW) return true;
        return false;
    }

    /** The cut-off voltage crossed by v, or NaN. */
    static double crossedVoltage(List<Cutoff> cs, double v) {
        for (Cutoff c : cs) {
            if (c.kind() == Cutoff.Kind.VOLTAGE_ABOVE && v >= c.value()) return c.value();
            if (c.kind() == Cutoff.Kind.VOLTAGE_BELOW && v <= c.value()) return c.value();
        }
        return Double.NaN;
    }
}

package org.cellwright.solver;

import java.util.List;

import org.cellwright.solver.input.Cutoff;
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
     * (geometric while s is small; a trial without solution counts as beyond the cut-off). Returns {current, voltage}
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
        double lo = 0, hi = 1; // s: lo beyond the cut-off (or no solution), hi before it
        for (int k = 0; k < 200; k++) {
            double mid = lo == 0 ? (hi <= 1e-16 ? 0.5 * hi : Math.max(1e-16, hi * 1e-3)) : hi / lo > 4 ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
            double i = setCurrent * (1 - mid);
            double v = model.trial(h, i);
            if (!Double.isNaN(v) && Math.abs(v - cut) <= Simulation.LANDING_TOLERANCE) return new double[] {i, v};
            if (Double.isNaN(v) || sign * (v - cut) > 0) lo = mid; else hi = mid;
            if (hi - lo <= 1e-15 * hi) break;
        }
        return null;
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
        double i1 = guess != 0 ? guess * 1.01 : mode == StepMode.VOLTAGE && f0 > 0 ? -1e-3 : 1e-3;
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
        if (mode == StepMode.VOLTAGE && !(Math.abs(v - setpoint) <= Simulation.LANDING_TOLERANCE)) {
            // a hold far below (above) the open circuit: the secant's extrapolated current saturates (empties) the
            // cathode's particle surfaces within the time step, where the model has no solution. The current at the set
            // voltage with the working electrode solved at its potential (as a cut-off at a transport limit is landed)
            double rest = model.trial(h, 0);
            if (Double.isNaN(rest)) return new double[] {i1, v};
            double direction = Math.signum(setpoint - rest);
            if (direction == 0) return new double[] {0, rest};
            double atSet = model.currentAtVoltage(h, setpoint, Math.signum(guess) == direction ? guess : direction * 1e-3);
            if (!Double.isNaN(atSet)) {
                atPotential = true;
                return new double[] {atSet, setpoint};
            }
            v = model.trial(h, i1); // the secant's trial again: the model's last trial is that of the current returned
        }
        return new double[] {i1, v};
    }

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

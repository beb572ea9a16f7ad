package org.cellwright.solver.dfn;

import java.util.Arrays;

/**
 * A current or power profile given at sample times (e.g. a drive cycle's (time, current) columns, or WLTC's (time,
 * power)), linear between samples as PyBaMM's interpolated drive cycles are, scaled to a current density [A/m2] or a
 * power density [W/m2] and repeated with the period of the samples (last time + last sample interval) until the run's
 * duration. Its sample times are the breakpoints the integrator lands on, so no kink is stepped over.
 */
public final class DriveCycle implements CurrentProfile, PowerProfile {
    private final double[] time, value;
    private final double period;

    /**
     * @param time ascending sample times [s], first 0
     * @param value current density at each time [A/m2], positive = discharge
     */
    public DriveCycle(double[] time, double[] value) {
        this(time, value, Double.NaN);
    }

    /** As {@link #DriveCycle(double[], double[])} with the period given (NaN: last time + last sample interval). */
    private DriveCycle(double[] time, double[] value, double period) {
        if (time.length < 2 || time.length != value.length) throw new IllegalArgumentException("a drive cycle needs two or more (time, value) samples");
        if (time[0] != 0) throw new IllegalArgumentException("a drive cycle starts at time 0, not " + time[0]);
        for (int i = 1; i < time.length; i++)
            if (!(time[i] > time[i - 1])) throw new IllegalArgumentException("drive-cycle times must increase: sample " + (i + 1) + " at " + time[i] + " s");
        this.time = time.clone();
        this.value = value.clone();
        this.period = Double.isNaN(period) ? time[time.length - 1] + (time[time.length - 1] - time[time.length - 2]) : period;
    }

    /**
     * The same profile (the same function of time) with a sample of value 0 wherever it crosses zero between two samples
     * (and between the last sample and the next period's first): breakpoints at the changes of direction, where an OCP
     * with hysteresis switches its branch (docs/dfn.md, "OCP hysteresis").
     */
    public DriveCycle withZeroCrossings() {
        int n = time.length;
        double[] t = new double[2 * n], v = new double[2 * n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            t[m] = time[i];
            v[m++] = value[i];
            double tb = i + 1 < n ? time[i + 1] : period, vb = i + 1 < n ? value[i + 1] : value[0];
            if (value[i] * vb < 0) {
                double tc = time[i] + value[i] / (value[i] - vb) * (tb - time[i]);
                if (tc > time[i] && tc < tb) {
                    t[m] = tc;
                    v[m++] = 0;
                }
            }
        }
        return new DriveCycle(Arrays.copyOf(t, m), Arrays.copyOf(v, m), period);
    }

    /** The same cycle with every value multiplied by factor (e.g. from A of a cell to A/m2 of electrode). */
    public DriveCycle scaled(double factor) {
        double[] v = value.clone();
        for (int i = 0; i < v.length; i++) v[i] *= factor;
        return new DriveCycle(time, v, period);
    }

    public double period() { return period; }

    @Override
    public double at(double t) {
        double local = t - Math.floor(t / period) * period;
        int i = Arrays.binarySearch(time, local);
        if (i >= 0) return value[i];
        int hi = -i - 1;
        if (hi >= time.length) { // between the last sample and the next period's first
            double s = (local - time[time.length - 1]) / (period - time[time.length - 1]);
            return value[value.length - 1] + s * (value[0] - value[value.length - 1]);
        }
        int lo = hi - 1;
        double s = (local - time[lo]) / (time[hi] - time[lo]);
        return value[lo] + s * (value[hi] - value[lo]);
    }

    /** The profile's value: the sign of the current, or of the power's current (both interfaces' default). */
    @Override
    public double direction(double t) { return at(t); }

    /** The first sample time of the repeated cycle after t [s] (the next breakpoint to land on). */
    public double nextBreakpoint(double t) {
        double base = Math.floor(t / period) * period;
        int i = Arrays.binarySearch(time, t - base);
        int next = i >= 0 ? i + 1 : -i - 1;
        double b = next < time.length ? base + time[next] : base + period;
        return b > t ? b : nextBreakpoint(b + 1e-9 * Math.max(1, Math.abs(b)));
    }

    /** Sample times of the repeated cycle up to duration, ascending. */
    public double[] breakpoints(double duration) {
        int perCycle = time.length;
        int cycles = (int) Math.ceil(duration / period);
        double[] out = new double[cycles * perCycle];
        int n = 0;
        for (int c = 0; c < cycles; c++)
            for (int i = 0; i < perCycle; i++) {
                double t = c * period + time[i];
                if (t > 0 && t <= duration) out[n++] = t;
            }
        return Arrays.copyOf(out, n);
    }

    /** Charge of the repeated cycle from 0 to duration [C/m2] (exact for the linear profile at its breakpoints). */
    public double charge(double duration) { return integral(duration); }

    /** Energy of the repeated power cycle from 0 to duration [J/m2] (exact for the linear profile). */
    public double energy(double duration) { return integral(duration); }

    /** Integral of the repeated cycle from 0 to duration, trapezoids between the breakpoints. */
    public double integral(double duration) {
        double q = 0, tPrev = 0;
        for (double t : breakpoints(duration)) {
            q += 0.5 * (at(tPrev) + at(t)) * (t - tPrev);
            tPrev = t;
        }
        if (duration > tPrev) q += 0.5 * (at(tPrev) + at(duration)) * (duration - tPrev);
        return q;
    }
}

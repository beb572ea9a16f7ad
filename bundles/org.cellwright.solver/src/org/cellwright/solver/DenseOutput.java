package org.cellwright.solver;

import java.util.function.Consumer;

/**
 * The samples of one protocol step (numerics, not physics): at the step's start plus each multiple of its output
 * interval ({@link OutputInterval}), and at its end, written from the solver's accepted time steps without changing
 * them. A sample time within an accepted time step is written from that time step's interpolant: the solid-state
 * models step in time by backward Euler, the one-stage Radau IIA collocation method, whose collocation polynomial, its
 * dense output, is the straight line between the time step's two states (E. Hairer, G. Wanner, Solving Ordinary
 * Differential Equations II, 2nd ed., Springer 1996, section IV.5), so each recorded quantity is taken on the line
 * between its values at the two accepted time steps (the current the time step's own: backward Euler passes it
 * throughout, and the step's charge on that line is the one it integrates). A sample time within a time step's
 * rounding of its end is that time step's own state. Until session 36 a sample was the first accepted time step the
 * interval or more after the one before, so a step whose time steps were longer than its interval was drawn from fewer
 * samples (a 5 C discharge of cell 7 for 2 min, interval 2.4 s, in 28 time steps: 22 of its 50).
 */
final class DenseOutput {
    private final double start, interval;
    private final Consumer<Sample> out;
    /** The multiple of the interval of the next sample time. */
    private long next = 1;
    /** The state at the step's last accepted time step (null before its first: that time step starts at the step's start). */
    private Sample last;

    /**
     * A step that started at start [s], sampled every interval [s] (0: every accepted time step; not finite: its end
     * alone), its samples written to out.
     */
    DenseOutput(double start, double interval, Consumer<Sample> out) {
        this.start = start;
        this.interval = interval;
        this.out = out;
    }

    /**
     * The state s after an accepted time step; end: the step (or the run) ends with it. Writes the samples of the
     * sample times up to s's time, in order, s itself where a sample time falls on it (within rounding) or the step
     * ends, or where it is the first time step of the step and sample times fell within it (no interpolant there:
     * the first time step's start state belongs to the step before).
     */
    void accepted(Sample s, boolean end) {
        if (!(interval > 0)) {
            out.accept(s);
            return;
        }
        double t = s.time(), round = 1e-9 * Math.max(1, Math.abs(t));
        boolean passed = false;
        for (double at; (at = sampleTime()) < t - round && Double.isFinite(at); next++) {
            if (last != null) out.accept(between(last, s, at));
            else passed = true;
        }
        boolean onTime = sampleTime() <= t + round;
        while (sampleTime() <= t + round) next++;
        if (end || onTime || passed) out.accept(s);
        last = s;
    }

    private double sampleTime() {
        return start + next * interval;
    }

    /** The sample at time t between the states a and b of an accepted time step [a.time, b.time], on the line between them. */
    static Sample between(Sample a, Sample b, double t) {
        double w = (t - a.time()) / (b.time() - a.time());
        double[] eta = new double[b.overpotentials().length];
        for (int k = 0; k < eta.length; k++) eta[k] = line(a.overpotentials()[k], b.overpotentials()[k], w);
        LithiumInventory x = a.lithium(), y = b.lithium();
        LithiumInventory li = x == null || y == null ? y : new LithiumInventory(line(x.foil(), y.foil(), w),
                line(x.interlayerPores(), y.interlayerPores(), w), line(x.currentCollectorSide(), y.currentCollectorSide(), w),
                line(x.seSide(), y.seSide(), w), line(x.interphase(), y.interphase(), w), line(x.dead(), y.dead(), w),
                line(x.host(), y.host(), w), line(x.cathode(), y.cathode(), w));
        return new Sample(t, b.stepIndex(), b.cycleIndex(), line(a.voltage(), b.voltage(), w), b.current(), b.temperature(),
                b.stackPressure(), line(a.stepCapacity(), b.stepCapacity(), w), line(a.ocv(), b.ocv(), w), eta, li,
                line(a.heat(), b.heat(), w));
    }

    private static double line(double a, double b, double w) {
        return a + w * (b - a);
    }
}

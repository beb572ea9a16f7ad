package org.cellwright.solver.input;

/**
 * A step end condition. Values in SI: V, s, C/m2 (charge passed in the step, by magnitude), A/m2 (magnitude);
 * {@link Kind#CURRENT_BELOW_C_RATE} in multiples of the cell's nominal capacity per hour (converted with the
 * nominal capacity like a C-rate current, e.g. {@code hold at 4.3 V until 0.05 C}).
 */
public record Cutoff(Kind kind, double value) {

    public enum Kind { VOLTAGE_ABOVE, VOLTAGE_BELOW, DURATION, CAPACITY, CURRENT_BELOW, CURRENT_BELOW_C_RATE }

    public static Cutoff voltageAbove(double v) { return new Cutoff(Kind.VOLTAGE_ABOVE, v); }
    public static Cutoff voltageBelow(double v) { return new Cutoff(Kind.VOLTAGE_BELOW, v); }
    public static Cutoff duration(double seconds) { return new Cutoff(Kind.DURATION, seconds); }
    public static Cutoff capacity(double coulombPerM2) { return new Cutoff(Kind.CAPACITY, coulombPerM2); }
    public static Cutoff currentBelow(double ampPerM2) { return new Cutoff(Kind.CURRENT_BELOW, ampPerM2); }
    public static Cutoff currentBelowCRate(double rate) { return new Cutoff(Kind.CURRENT_BELOW_C_RATE, rate); }
}

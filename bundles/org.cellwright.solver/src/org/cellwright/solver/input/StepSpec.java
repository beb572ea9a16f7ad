package org.cellwright.solver.input;

import java.util.List;

/** One protocol step. Signs follow the convention of this package (positive = working electrode oxidised). */
public sealed interface StepSpec {

    /** The cut-offs of a step that has them (current, voltage, power, profile, rest); none for the others. */
    static List<Cutoff> cutoffsOf(StepSpec s) {
        return switch (s) {
            case ConstantCurrent x -> x.cutoffs();
            case ConstantVoltage x -> x.cutoffs();
            case ConstantPower x -> x.cutoffs();
            case Rest x -> x.cutoffs();
            case Follow x -> x.cutoffs();
            default -> List.of();
        };
    }

    /** Constant current given as a density, a current or a C-rate, ended by the first cut-off met. */
    record ConstantCurrent(CurrentMode mode, double value, List<Cutoff> cutoffs) implements StepSpec {
        public ConstantCurrent { cutoffs = List.copyOf(cutoffs); }
    }

    /** Constant voltage hold [V], typically ended by {@link Cutoff.Kind#CURRENT_BELOW} or a duration. */
    record ConstantVoltage(double voltage, List<Cutoff> cutoffs) implements StepSpec {
        public ConstantVoltage { cutoffs = List.copyOf(cutoffs); }
    }

    /** Constant power density [W/m2] (signed like the current). */
    record ConstantPower(double powerDensity, List<Cutoff> cutoffs) implements StepSpec {
        public ConstantPower { cutoffs = List.copyOf(cutoffs); }
    }

    /**
     * A sampled profile followed in time ({@code follow "UDDS.csv" current ...}): linear between its samples and
     * repeated with the samples' period (last time + last interval) until the first cut-off.
     *
     * @param power whether the values are a power density [W/m2] (else a current in {@code mode}'s unit)
     * @param mode the unit of a current profile's values, as for {@link ConstantCurrent} (DENSITY for a power profile)
     * @param time sample times [s], from 0 ascending
     * @param value values at the sample times, signed like the current (positive charges)
     * @param source where the samples come from (the file as written), for messages and the inputs' record
     */
    record Follow(boolean power, CurrentMode mode, double[] time, double[] value, String source, List<Cutoff> cutoffs) implements StepSpec {
        /**
         * The profile's integral over its period (charge positive; in its values' unit times s): the time integral of
         * the linear profile repeated with its period ({@link org.cellwright.solver.dfn.DriveCycle#integral}), the one
         * definition of its net charge (or energy) for the window's cut-offs ({@link Cutoff#withinWindow}), the cut-offs
         * of a `.cell` file's `until`, and the DFN runner's direction and reference current. (The sum of the samples,
         * used for the window before, weighs a sample by 1 whatever its interval: an unevenly sampled profile could read
         * the other direction.)
         */
        public double netIntegral() {
            return new org.cellwright.solver.dfn.DriveCycle(time, value).integral(period());
        }

        /** The period of the repeated profile [s]: the last time plus the last sample interval. */
        public double period() {
            return new org.cellwright.solver.dfn.DriveCycle(time, value).period();
        }

        /** +1 where the profile's net charge charges the cell ({@link #netIntegral} above 0), else -1: the direction of its voltage cut-off. */
        public double netDirection() {
            return netIntegral() > 0 ? 1 : -1;
        }

        public Follow {
            if (time.length < 2 || time.length != value.length) throw new IllegalArgumentException("a profile needs two or more (time, value) samples");
            time = time.clone();
            value = value.clone();
            cutoffs = List.copyOf(cutoffs);
        }

        @Override public double[] time() { return time.clone(); }

        @Override public double[] value() { return value.clone(); }

        @Override
        public boolean equals(Object o) {
            return o instanceof Follow f && f.power == power && f.mode == mode && java.util.Arrays.equals(f.time, time)
                    && java.util.Arrays.equals(f.value, value) && f.source.equals(source) && f.cutoffs.equals(cutoffs);
        }

        @Override
        public int hashCode() { return java.util.Objects.hash(power, mode, java.util.Arrays.hashCode(time), java.util.Arrays.hashCode(value), source, cutoffs); }

        /** Deterministic (the inputs' record compares it): the source, the samples' count, span and a hash of them. */
        @Override
        public String toString() {
            return "Follow[" + (power ? "power" : "current " + mode) + ", " + source + ", " + time.length + " samples over "
                    + time[time.length - 1] + " s, hash " + Integer.toHexString(java.util.Arrays.hashCode(value) * 31 + java.util.Arrays.hashCode(time))
                    + ", cutoffs=" + cutoffs + "]";
        }
    }

    /** Open circuit. */
    record Rest(List<Cutoff> cutoffs) implements StepSpec {
        public Rest { cutoffs = List.copyOf(cutoffs); }
    }

    /** The steps repeated n times. */
    record Repeat(int count, List<StepSpec> steps) implements StepSpec {
        public Repeat { steps = List.copyOf(steps); }
    }

    /** Changes the cell temperature [K] from here on (instantaneous). */
    record SetTemperature(double temperature) implements StepSpec {}

    /** Changes the stack pressure [Pa] from here on (instantaneous). */
    record SetStackPressure(double pressure) implements StepSpec {}

    static ConstantCurrent currentDensity(double ampPerM2, Cutoff... cutoffs) {
        return new ConstantCurrent(CurrentMode.DENSITY, ampPerM2, List.of(cutoffs));
    }

    static ConstantCurrent current(double amp, Cutoff... cutoffs) {
        return new ConstantCurrent(CurrentMode.CURRENT, amp, List.of(cutoffs));
    }

    static ConstantCurrent cRate(double rate, Cutoff... cutoffs) {
        return new ConstantCurrent(CurrentMode.C_RATE, rate, List.of(cutoffs));
    }

    static ConstantVoltage voltageHold(double volt, Cutoff... cutoffs) { return new ConstantVoltage(volt, List.of(cutoffs)); }

    static Rest rest(double seconds) { return new Rest(List.of(Cutoff.duration(seconds))); }

    static Repeat repeat(int n, StepSpec... steps) { return new Repeat(n, List.of(steps)); }
}

package org.cellwright.solver.input;

import java.util.List;

/** One protocol step. Signs follow the convention of this package (positive = working electrode oxidised). */
public sealed interface StepSpec {

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

package org.cellwright.solver.dfn;

import org.cellwright.solver.physics.Constants;

/** A material property as a function of a concentration-like variable and temperature, f(c, T), SI units. */
@FunctionalInterface
public interface StateFunction {
    double at(double c, double temperature);

    /**
     * Whether the value depends on temperature only, not on c: a caller may then evaluate it once per temperature
     * instead of once per point (a particle's shells share one diffusivity). False unless declared by the forms below.
     */
    default boolean independentOfConcentration() { return false; }

    static StateFunction constant(double v) { return new Arrhenius(v, 0, 298.15); }

    /** value exp(-E/R (1/T - 1/T_ref)), independent of c. */
    static StateFunction arrhenius(double value, double activationEnergy, double referenceTemperature) {
        return new Arrhenius(value, activationEnergy, referenceTemperature);
    }

    /** A value of temperature only, f(T) (c ignored), hence independent of c. */
    static StateFunction ofTemperature(java.util.function.DoubleUnaryOperator f) { return new OfTemperature(f); }

    /** f(T), independent of c. */
    record OfTemperature(java.util.function.DoubleUnaryOperator f) implements StateFunction {
        @Override
        public double at(double c, double temperature) { return f.applyAsDouble(temperature); }

        @Override
        public boolean independentOfConcentration() { return true; }
    }

    /** A value at a reference temperature with an Arrhenius factor (activation energy 0: a constant). */
    record Arrhenius(double value, double activationEnergy, double referenceTemperature) implements StateFunction {
        @Override
        public double at(double c, double temperature) {
            return value * Constants.arrhenius(activationEnergy, temperature, referenceTemperature);
        }

        @Override
        public boolean independentOfConcentration() { return true; }
    }
}

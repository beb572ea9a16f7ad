package org.cellwright.solver.input;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;

import org.cellwright.solver.dfn.ExchangeCurrentLaw;

/**
 * A material: named SI properties and, for electrode hosts, an open-circuit voltage vs Li/Li+ as a function of
 * stoichiometry (an {@link OcvTable} or any {@link DoubleUnaryOperator}), and for an intercalation cathode optionally
 * its exchange current as a law of the state ({@link ExchangeCurrentLaw}, e.g. a .cell file's expression; null: the
 * composite cathode's fixed form 2 i0(1/2) sqrt(x (1 - x)) from {@link MaterialProperty#EXCHANGE_CURRENT_DENSITY}).
 */
public record MaterialSpec(String name, Map<MaterialProperty, Double> properties, DoubleUnaryOperator ocv,
        ExchangeCurrentLaw exchangeCurrentLaw) {

    /** Without an exchange-current law (the fixed form). */
    public MaterialSpec(String name, Map<MaterialProperty, Double> properties, DoubleUnaryOperator ocv) {
        this(name, properties, ocv, null);
    }

    public MaterialSpec {
        Objects.requireNonNull(name, "name");
        EnumMap<MaterialProperty, Double> copy = new EnumMap<>(MaterialProperty.class);
        if (properties != null) copy.putAll(properties);
        properties = Collections.unmodifiableMap(copy);
    }

    public static Builder builder(String name) { return new Builder(name); }

    public boolean has(MaterialProperty p) { return properties.containsKey(p); }

    public OptionalDouble find(MaterialProperty p) {
        Double v = properties.get(p);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** The property value, or {@code fallback} when not given. */
    public double get(MaterialProperty p, double fallback) {
        Double v = properties.get(p);
        return v == null ? fallback : v;
    }

    /** The property value; throws {@link IllegalStateException} naming material and property when absent. */
    public double require(MaterialProperty p) {
        Double v = properties.get(p);
        if (v == null) throw new IllegalStateException("material " + name + ": property " + p + " is required");
        return v;
    }

    public boolean hasOcv() { return ocv != null; }

    /** Copy with one property replaced. */
    public MaterialSpec with(MaterialProperty p, double value) {
        EnumMap<MaterialProperty, Double> m = new EnumMap<>(MaterialProperty.class);
        m.putAll(properties);
        m.put(p, value);
        return new MaterialSpec(name, m, ocv, exchangeCurrentLaw);
    }

    /** Copy with the exchange current as a law of the state (null: the fixed form). */
    public MaterialSpec withExchangeCurrentLaw(ExchangeCurrentLaw law) {
        return new MaterialSpec(name, properties, ocv, law);
    }

    public static final class Builder {
        private final String name;
        private final EnumMap<MaterialProperty, Double> props = new EnumMap<>(MaterialProperty.class);
        private DoubleUnaryOperator ocv;
        private ExchangeCurrentLaw exchangeCurrentLaw;

        private Builder(String name) { this.name = name; }

        public Builder set(MaterialProperty p, double value) { props.put(p, value); return this; }

        public Builder ocv(DoubleUnaryOperator ocv) { this.ocv = ocv; return this; }

        /** The exchange current i0(c_e, c_s, c_max, T) [A/m2] as a law of the state; see {@link MaterialSpec}. */
        public Builder exchangeCurrentLaw(ExchangeCurrentLaw law) { this.exchangeCurrentLaw = law; return this; }

        public MaterialSpec build() { return new MaterialSpec(name, props, ocv, exchangeCurrentLaw); }
    }
}

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
 * A value of an Arrhenius law may be stated at its own temperature ({@code statedAt} [K], the language's
 * {@code ... at 60 degC}): {@link #properties} holds it as stated, {@link #get}, {@link #find} and {@link #require}
 * give it at the material's reference temperature ({@link ArrheniusLaws#atReference}), with the activation energy the
 * material has now (a fit's estimate of it keeps the stated value).
 */
public record MaterialSpec(String name, Map<MaterialProperty, Double> properties, DoubleUnaryOperator ocv,
        ExchangeCurrentLaw exchangeCurrentLaw, Map<MaterialProperty, Double> statedAt) {

    /** Without an exchange-current law (the fixed form). */
    public MaterialSpec(String name, Map<MaterialProperty, Double> properties, DoubleUnaryOperator ocv) {
        this(name, properties, ocv, null);
    }

    /** Every value at the material's reference temperature. */
    public MaterialSpec(String name, Map<MaterialProperty, Double> properties, DoubleUnaryOperator ocv, ExchangeCurrentLaw exchangeCurrentLaw) {
        this(name, properties, ocv, exchangeCurrentLaw, null);
    }

    public MaterialSpec {
        Objects.requireNonNull(name, "name");
        EnumMap<MaterialProperty, Double> copy = new EnumMap<>(MaterialProperty.class);
        if (properties != null) copy.putAll(properties);
        properties = Collections.unmodifiableMap(copy);
        EnumMap<MaterialProperty, Double> at = new EnumMap<>(MaterialProperty.class);
        if (statedAt != null) at.putAll(statedAt);
        for (Map.Entry<MaterialProperty, Double> e : at.entrySet())
            if (!ArrheniusLaws.has(e.getKey()) || !(e.getValue() > 0))
                throw new IllegalArgumentException("material " + name + ": " + e.getKey() + " stated at " + e.getValue()
                        + " K: only a value of an Arrhenius law is stated at a temperature, and that above 0 K");
        statedAt = Collections.unmodifiableMap(at);
    }

    public static Builder builder(String name) { return new Builder(name); }

    /** A builder holding this material's values (and their stated temperatures), OCV and exchange-current law. */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.props.putAll(properties);
        b.statedAt.putAll(statedAt);
        b.ocv = ocv;
        b.exchangeCurrentLaw = exchangeCurrentLaw;
        return b;
    }

    public boolean has(MaterialProperty p) { return properties.containsKey(p); }

    /** The property value at the material's reference temperature, if given. */
    public OptionalDouble find(MaterialProperty p) {
        Double v = properties.get(p);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(atReference(p, v));
    }

    /** The property value at the material's reference temperature, or {@code fallback} when not given. */
    public double get(MaterialProperty p, double fallback) {
        Double v = properties.get(p);
        return v == null ? fallback : atReference(p, v);
    }

    /** The property value at the material's reference temperature; throws {@link IllegalStateException} naming material and property when absent. */
    public double require(MaterialProperty p) {
        Double v = properties.get(p);
        if (v == null) throw new IllegalStateException("material " + name + ": property " + p + " is required");
        return atReference(p, v);
    }

    /** The temperature [K] the value of {@code p} is stated at, if it is stated at one (else it is at the reference). */
    public OptionalDouble statedAt(MaterialProperty p) {
        Double t = statedAt.get(p);
        return t == null ? OptionalDouble.empty() : OptionalDouble.of(t);
    }

    private double atReference(MaterialProperty p, double v) {
        Double t = statedAt.get(p);
        if (t == null) return v;
        return ArrheniusLaws.atReference(p, v, t, q -> {
            Double x = properties.get(q); // activation energies and the reference temperature are never stated at a temperature
            return x == null ? OptionalDouble.empty() : OptionalDouble.of(x);
        });
    }

    public boolean hasOcv() { return ocv != null; }

    /**
     * Copy with one property replaced: a value stated at a temperature is replaced by one stated at the same
     * temperature (a fit's estimate of it is the value there).
     */
    public MaterialSpec with(MaterialProperty p, double value) {
        EnumMap<MaterialProperty, Double> m = new EnumMap<>(MaterialProperty.class);
        m.putAll(properties);
        m.put(p, value);
        return new MaterialSpec(name, m, ocv, exchangeCurrentLaw, statedAt);
    }

    /** Copy with the exchange current as a law of the state (null: the fixed form). */
    public MaterialSpec withExchangeCurrentLaw(ExchangeCurrentLaw law) {
        return new MaterialSpec(name, properties, ocv, law, statedAt);
    }

    public static final class Builder {
        private final String name;
        private final EnumMap<MaterialProperty, Double> props = new EnumMap<>(MaterialProperty.class);
        private final EnumMap<MaterialProperty, Double> statedAt = new EnumMap<>(MaterialProperty.class);
        private DoubleUnaryOperator ocv;
        private ExchangeCurrentLaw exchangeCurrentLaw;

        private Builder(String name) { this.name = name; }

        public Builder set(MaterialProperty p, double value) { props.put(p, value); statedAt.remove(p); return this; }

        /** A value of an Arrhenius law stated at {@code temperature} [K] (see {@link MaterialSpec}). */
        public Builder set(MaterialProperty p, double value, double temperature) {
            props.put(p, value);
            statedAt.put(p, temperature);
            return this;
        }

        public Builder ocv(DoubleUnaryOperator ocv) { this.ocv = ocv; return this; }

        /** The exchange current i0(c_e, c_s, c_max, T) [A/m2] as a law of the state; see {@link MaterialSpec}. */
        public Builder exchangeCurrentLaw(ExchangeCurrentLaw law) { this.exchangeCurrentLaw = law; return this; }

        public MaterialSpec build() { return new MaterialSpec(name, props, ocv, exchangeCurrentLaw, statedAt); }
    }
}

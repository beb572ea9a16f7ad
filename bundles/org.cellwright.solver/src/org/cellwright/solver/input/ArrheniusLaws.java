package org.cellwright.solver.input;

import static org.cellwright.solver.input.MaterialProperty.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

import org.cellwright.solver.physics.Constants;

/**
 * The Arrhenius laws of material properties, p(T) = p(Tref) exp(-E/R (1/T - 1/Tref)) with Tref the material's
 * {@link MaterialProperty#REFERENCE_TEMPERATURE} (298.15 K if not set): which property's value has a law, with which
 * activation energy, and the one conversion of a value stated at another temperature (the language's
 * {@code interphase-growth-constant = 3.95e-20 m2/s at 60 degC}) to the value at Tref that the solver's laws take. A
 * value stated at its own temperature is that law's own reference: changing the activation energy (a fit estimating
 * it) moves the value at every other temperature and keeps the stated one.
 */
public final class ArrheniusLaws {

    /** A value property and the activation energy of its law (the fallback used when the material does not give it). */
    private static final Map<MaterialProperty, MaterialProperty[]> LAWS;
    static {
        EnumMap<MaterialProperty, MaterialProperty[]> m = new EnumMap<>(MaterialProperty.class);
        m.put(IONIC_CONDUCTIVITY, new MaterialProperty[] { IONIC_ACTIVATION_ENERGY });
        m.put(ELECTRONIC_CONDUCTIVITY, new MaterialProperty[] { ELECTRONIC_ACTIVATION_ENERGY });
        m.put(UNLITHIATED_ELECTRONIC_CONDUCTIVITY, new MaterialProperty[] { UNLITHIATED_ELECTRONIC_ACTIVATION_ENERGY });
        m.put(DIFFUSIVITY, new MaterialProperty[] { DIFFUSION_ACTIVATION_ENERGY });
        m.put(EXCHANGE_CURRENT_DENSITY, new MaterialProperty[] { EXCHANGE_CURRENT_ACTIVATION_ENERGY });
        m.put(INTERPHASE_GROWTH_CONSTANT, new MaterialProperty[] { INTERPHASE_ACTIVATION_ENERGY });
        // the interphase's conduction takes the material's ionic activation energy when it has none of its own
        // (CathodeElectrolyteInterphase.of, LithiumContext)
        m.put(INTERPHASE_CONDUCTIVITY, new MaterialProperty[] { INTERPHASE_CONDUCTION_ACTIVATION_ENERGY, IONIC_ACTIVATION_ENERGY });
        LAWS = Collections.unmodifiableMap(m);
    }

    private ArrheniusLaws() {}

    /** The properties whose value has an Arrhenius law (and may be stated at a temperature). */
    public static Set<MaterialProperty> values() {
        return LAWS.keySet();
    }

    /** True if {@code p}'s value has an Arrhenius law. */
    public static boolean has(MaterialProperty p) {
        return LAWS.containsKey(p);
    }

    /** The activation energy of {@code p}'s law (its own; see {@link #activationEnergies}), or null if none. */
    public static MaterialProperty activationEnergy(MaterialProperty p) {
        MaterialProperty[] e = LAWS.get(p);
        return e == null ? null : e[0];
    }

    /** The properties that give {@code p}'s activation energy, in order: its own, then the one taken when it is not given. */
    public static java.util.List<MaterialProperty> activationEnergies(MaterialProperty p) {
        MaterialProperty[] e = LAWS.get(p);
        return e == null ? java.util.List.of() : java.util.List.of(e);
    }

    /**
     * The value of {@code p} at the material's reference temperature, from {@code value} stated at {@code statedAt}
     * [K]: value exp(-E/R (1/Tref - 1/statedAt)), E the material's activation energy of p's law (0 if it gives none:
     * the value is then the same at every temperature). {@code material} reads the material's SI properties.
     *
     * @throws IllegalArgumentException p has no Arrhenius law
     */
    public static double atReference(MaterialProperty p, double value, double statedAt, Function<MaterialProperty, OptionalDouble> material) {
        MaterialProperty[] e = LAWS.get(p);
        if (e == null) throw new IllegalArgumentException(p + " has no Arrhenius law: its value cannot be stated at a temperature");
        double energy = 0;
        for (MaterialProperty q : e) {
            OptionalDouble v = material.apply(q);
            if (v.isPresent()) {
                energy = v.getAsDouble();
                break;
            }
        }
        double reference = material.apply(REFERENCE_TEMPERATURE).orElse(Constants.T_REF);
        return value * Constants.arrhenius(energy, reference, statedAt);
    }
}

package org.cellwright.solver.input;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One layer of the stack. Geometric quantities in m; porosity as a volume fraction in [0,1); the effective
 * transport of a phase with volume fraction f is f^brugg (Bruggeman), or f/tortuosity when a tortuosity is given
 * (not NaN). Materials: one or more {@link ComponentSpec}s with mass fractions of the solid mixture.
 * NaN marks values that are not given. switchedOff: the layer's optional mechanisms that are off (each is on by
 * default). Per conduction phase (the language's {@code bruggeman-electrolyte} and {@code bruggeman-solid}): the
 * exponent of the ionic conduction (the solid electrolyte's network) and of the electronic conduction; NaN (not
 * given) takes the layer's tortuosity or bruggemanExponent for that phase.
 */
public record LayerSpec(String name, LayerRole role, double thickness, double porosity, double poreSize,
        double particleRadius, double bruggemanExponent, double tortuosity, List<ComponentSpec> components,
        Set<OptionalMechanism> switchedOff, double ionicBruggemanExponent, double electronicBruggemanExponent) {

    public LayerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        components = List.copyOf(components == null ? List.of() : components);
        switchedOff = switchedOff == null || switchedOff.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(switchedOff));
    }

    /** A layer with one Bruggeman exponent (or tortuosity) for both conduction phases. */
    public LayerSpec(String name, LayerRole role, double thickness, double porosity, double poreSize,
            double particleRadius, double bruggemanExponent, double tortuosity, List<ComponentSpec> components,
            Set<OptionalMechanism> switchedOff) {
        this(name, role, thickness, porosity, poreSize, particleRadius, bruggemanExponent, tortuosity, components, switchedOff,
                Double.NaN, Double.NaN);
    }

    /** A layer with every optional mechanism on. */
    public LayerSpec(String name, LayerRole role, double thickness, double porosity, double poreSize,
            double particleRadius, double bruggemanExponent, double tortuosity, List<ComponentSpec> components) {
        this(name, role, thickness, porosity, poreSize, particleRadius, bruggemanExponent, tortuosity, components, Set.of());
    }

    /** Whether the optional mechanism m acts in this layer. */
    public boolean has(OptionalMechanism m) { return !switchedOff.contains(m); }

    public static Builder builder(String name, LayerRole role) { return new Builder(name, role); }

    /** The first (or only) material, or null for a layer without materials. */
    public MaterialSpec material() { return components.isEmpty() ? null : components.get(0).material(); }

    /** The component whose material name contains {@code part} (case-insensitive), or null. */
    public ComponentSpec component(String part) {
        for (ComponentSpec c : components)
            if (c.material().name().toLowerCase().contains(part.toLowerCase())) return c;
        return null;
    }

    /** Effective-transport factor of a phase with volume fraction {@code f}: f^b (Bruggeman) or f/tau. */
    public double transportFactor(double f) {
        if (f <= 0) return 0;
        if (!Double.isNaN(tortuosity)) return f / tortuosity;
        double b = Double.isNaN(bruggemanExponent) ? 1.5 : bruggemanExponent;
        return Math.pow(f, b);
    }

    /** Transport factor of the ionic conduction of a phase with volume fraction f: f^b_ionic, else {@link #transportFactor}. */
    public double ionicTransportFactor(double f) { return phaseFactor(f, ionicBruggemanExponent); }

    /** Transport factor of the electronic conduction of a phase with volume fraction f: f^b_electronic, else {@link #transportFactor}. */
    public double electronicTransportFactor(double f) { return phaseFactor(f, electronicBruggemanExponent); }

    private double phaseFactor(double f, double exponent) {
        if (Double.isNaN(exponent)) return transportFactor(f);
        return f <= 0 ? 0 : Math.pow(f, exponent);
    }

    public Builder toBuilder() {
        Builder b = new Builder(name, role).thickness(thickness).porosity(porosity).poreSize(poreSize)
                .particleRadius(particleRadius).bruggeman(bruggemanExponent).tortuosity(tortuosity)
                .ionicBruggeman(ionicBruggemanExponent).electronicBruggeman(electronicBruggemanExponent);
        b.components.addAll(components);
        b.switchedOff.addAll(switchedOff);
        return b;
    }

    public static final class Builder {
        private final String name;
        private final LayerRole role;
        private double thickness = Double.NaN, porosity = 0, poreSize = Double.NaN, particleRadius = Double.NaN;
        private double bruggeman = 1.5, tortuosity = Double.NaN, ionicBruggeman = Double.NaN, electronicBruggeman = Double.NaN;
        private final List<ComponentSpec> components = new ArrayList<>();
        private final Set<OptionalMechanism> switchedOff = EnumSet.noneOf(OptionalMechanism.class);

        private Builder(String name, LayerRole role) { this.name = name; this.role = role; }

        public Builder thickness(double v) { thickness = v; return this; }
        public Builder porosity(double v) { porosity = v; return this; }
        public Builder poreSize(double v) { poreSize = v; return this; }
        public Builder particleRadius(double v) { particleRadius = v; return this; }
        public Builder bruggeman(double v) { bruggeman = v; return this; }
        public Builder tortuosity(double v) { tortuosity = v; return this; }
        /** The exponent of the ionic conduction alone (NaN: the layer's tortuosity or bruggeman). */
        public Builder ionicBruggeman(double v) { ionicBruggeman = v; return this; }
        /** The exponent of the electronic conduction alone (NaN: the layer's tortuosity or bruggeman). */
        public Builder electronicBruggeman(double v) { electronicBruggeman = v; return this; }
        public Builder material(MaterialSpec m) { components.add(new ComponentSpec(m, 1.0)); return this; }
        public Builder component(MaterialSpec m, double massFraction) {
            components.add(new ComponentSpec(m, massFraction));
            return this;
        }
        public Builder clearComponents() { components.clear(); return this; }
        /** Switches the optional mechanism m off in this layer. */
        public Builder without(OptionalMechanism m) { switchedOff.add(m); return this; }

        public LayerSpec build() {
            return new LayerSpec(name, role, thickness, porosity, poreSize, particleRadius, bruggeman, tortuosity,
                    components, switchedOff, ionicBruggeman, electronicBruggeman);
        }
    }
}

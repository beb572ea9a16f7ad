package org.cellwright.solver.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A cell: name, geometric area [m2], temperature [K], stack pressure [Pa], layers ordered from the negative-side
 * (anode) current collector to the positive-side current collector, and an optional nominal capacity [C]
 * (NaN when not given: then derived from the cathode loading, if any).
 */
public record CellSpec(String name, double area, double temperature, double stackPressure, List<LayerSpec> layers,
        double nominalCapacity) {

    public CellSpec {
        Objects.requireNonNull(name, "name");
        layers = List.copyOf(layers == null ? List.of() : layers);
    }

    public static Builder builder(String name) { return new Builder(name); }

    /** The composite cathode layer, or null. */
    public LayerSpec cathode() {
        for (LayerSpec l : layers) if (l.role() == LayerRole.COMPOSITE_CATHODE) return l;
        return null;
    }

    public boolean hasCathode() { return cathode() != null; }

    public Builder toBuilder() {
        Builder b = new Builder(name).area(area).temperature(temperature).stackPressure(stackPressure)
                .nominalCapacity(nominalCapacity);
        b.layers.addAll(layers);
        return b;
    }

    public static final class Builder {
        private String name;
        private double area = 1e-4, temperature = 298.15, stackPressure = 5e6, nominalCapacity = Double.NaN;
        private final List<LayerSpec> layers = new ArrayList<>();

        private Builder(String name) { this.name = name; }

        public Builder name(String v) { name = v; return this; }
        public Builder area(double v) { area = v; return this; }
        public Builder temperature(double v) { temperature = v; return this; }
        public Builder stackPressure(double v) { stackPressure = v; return this; }
        public Builder nominalCapacity(double v) { nominalCapacity = v; return this; }
        public Builder layer(LayerSpec l) { layers.add(l); return this; }
        public Builder layers(List<LayerSpec> ls) { layers.clear(); layers.addAll(ls); return this; }
        /** Replaces the layer with the same name. */
        public Builder replaceLayer(LayerSpec l) {
            for (int i = 0; i < layers.size(); i++) if (layers.get(i).name().equals(l.name())) layers.set(i, l);
            return this;
        }

        public CellSpec build() { return new CellSpec(name, area, temperature, stackPressure, layers, nominalCapacity); }
    }
}

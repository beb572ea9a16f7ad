package org.cellwright.solver.physics;

import static org.cellwright.solver.input.MaterialProperty.ELECTRONIC_CONDUCTIVITY;

import java.util.List;

import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.LayerRole;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialSpec;
import org.cellwright.solver.input.SolverSettings;

/** Chooses the electrode model for the layers on one side of the separator. */
public final class ElectrodeFactory {
    private ElectrodeFactory() {}

    static LayerSpec find(List<LayerSpec> layers, LayerRole role) {
        for (LayerSpec l : layers) if (l.role() == role) return l;
        return null;
    }

    /** Electronic area-specific resistance of the current collectors among the layers [Ohm m2]. */
    static double collectorResistance(List<LayerSpec> layers, double temperature) {
        double r = 0;
        for (LayerSpec l : layers)
            if (l.role() == LayerRole.CURRENT_COLLECTOR && l.material() != null && l.material().has(ELECTRONIC_CONDUCTIVITY))
                r += new LayerComposition(l).areaSpecificResistance(ELECTRONIC_CONDUCTIVITY, temperature);
        return r;
    }

    /** Negative side, layers listed from the anode current collector to the separator. */
    public static ElectrodeModel negative(CellSpec cell, List<LayerSpec> layers, MaterialSpec electrolyte,
            SolverSettings settings) {
        LayerSpec interlayer = find(layers, LayerRole.INTERLAYER);
        LayerSpec metal = find(layers, LayerRole.LITHIUM_METAL);
        LayerSpec cc = find(layers, LayerRole.CURRENT_COLLECTOR);
        double rcc = collectorResistance(layers, cell.temperature());
        if (interlayer != null) return new MiecInterlayerElectrode("negative", cc, metal, interlayer, electrolyte, rcc, cell, settings);
        if (metal != null) return new LithiumMetalElectrode("negative", metal, electrolyte, rcc, cell);
        return new PlatingSubstrateElectrode("negative", cc, lithiumOf(cell), electrolyte, rcc, cell);
    }

    /** The Li metal material of the cell (first LITHIUM_METAL layer), or the default Li properties. */
    public static MaterialSpec lithiumOf(CellSpec cell) {
        for (LayerSpec l : cell.layers()) if (l.role() == LayerRole.LITHIUM_METAL && l.material() != null) return l.material();
        return DefaultMaterials.lithium();
    }

    /** Positive side, layers listed from the separator to the positive current collector. */
    public static ElectrodeModel positive(CellSpec cell, List<LayerSpec> layers, MaterialSpec electrolyte,
            SolverSettings settings) {
        LayerSpec cathode = find(layers, LayerRole.COMPOSITE_CATHODE);
        LayerSpec interlayer = find(layers, LayerRole.INTERLAYER);
        LayerSpec metal = find(layers, LayerRole.LITHIUM_METAL);
        LayerSpec cc = find(layers, LayerRole.CURRENT_COLLECTOR);
        double rcc = collectorResistance(layers, cell.temperature());
        if (cathode != null) return new CompositeCathode("positive", cathode, rcc, cell, settings, electrolyte);
        if (interlayer != null) return new MiecInterlayerElectrode("positive", cc, metal, interlayer, electrolyte, rcc, cell, settings);
        if (metal != null) return new LithiumMetalElectrode("positive", metal, electrolyte, rcc, cell);
        return new PlatingSubstrateElectrode("positive", cc, lithiumOf(cell), electrolyte, rcc, cell);
    }
}

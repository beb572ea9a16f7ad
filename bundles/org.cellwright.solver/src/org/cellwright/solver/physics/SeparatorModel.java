package org.cellwright.solver.physics;

import static org.cellwright.solver.input.MaterialProperty.IONIC_CONDUCTIVITY;

import java.util.List;

import org.cellwright.solver.input.LayerSpec;

/**
 * Single-ion solid-electrolyte separator (transference number 1): purely ohmic, eta = i L / sigma_eff(T), with an
 * Arrhenius conductivity (e.g. Bachman et al., Chem. Rev. 2016, for sulfide SEs).
 */
public final class SeparatorModel {
    private final List<LayerComposition> layers;
    private double asr;

    public SeparatorModel(List<LayerSpec> separatorLayers, double temperature) {
        layers = separatorLayers.stream().map(LayerComposition::new).toList();
        setTemperature(temperature);
    }

    public void setTemperature(double temperature) {
        double r = 0;
        for (LayerComposition l : layers) r += l.areaSpecificResistance(IONIC_CONDUCTIVITY, temperature);
        asr = r;
    }

    /** Area-specific resistance [Ohm m2]. */
    public double areaSpecificResistance() { return asr; }
}

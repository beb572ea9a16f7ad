package org.cellwright.solver.physics;

import static org.cellwright.solver.input.MaterialProperty.*;

import org.cellwright.solver.LithiumInventory;
import org.cellwright.solver.OverpotentialKind;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialSpec;
import org.cellwright.solver.input.SolverSettings;

/** Composite cathode, skeleton version: uniform stoichiometry, OCV(x) + ohmic drop. */
public final class CompositeCathode implements ElectrodeModel {
    private final String name;
    private final MaterialSpec am;
    private final double rcc, rIon;
    private final double capacityPerStoich; // C/m2 per unit stoichiometry
    private final double activeLoading;     // kg/m2
    private final double cmaxVolume;        // mol/m2 per unit stoichiometry
    private double x, trialX;
    private double etaOhm;

    public CompositeCathode(String name, LayerSpec layer, double rcc, CellSpec cell, SolverSettings settings) {
        this.name = name;
        LayerComposition comp = new LayerComposition(layer);
        this.am = comp.activeMaterial();
        this.rcc = rcc;
        double phi = comp.volumeFraction(am);
        this.activeLoading = comp.massPerArea(am);
        this.cmaxVolume = am.require(MAX_CONCENTRATION) * phi * layer.thickness();
        this.capacityPerStoich = cmaxVolume * Constants.F;
        double kappa = comp.effectiveConductivity(IONIC_CONDUCTIVITY, cell.temperature());
        this.rIon = layer.thickness() / kappa;
        this.x = am.get(INITIAL_STOICHIOMETRY, 0.9);
    }

    public double activeLoading() { return activeLoading; }

    public double stoichiometry() { return x; }

    @Override public String name() { return name; }
    @Override public void setConditions(double t, double p) {}
    @Override public double openCircuitPotential() { return am.ocv().applyAsDouble(x); }

    @Override
    public double trial(double dt, double i) {
        trialX = x - i * dt / capacityPerStoich;
        if (trialX < 0 || trialX > 1) return Double.NaN;
        etaOhm = i * (rIon + rcc);
        return am.ocv().applyAsDouble(trialX) + etaOhm;
    }

    @Override
    public void addOverpotentials(double[] out, double sign) {
        out[OverpotentialKind.CATHODE_OHMIC.ordinal()] += sign * etaOhm;
    }

    @Override public void commit(PhysicsEvents events) { x = trialX; }

    @Override public LithiumInventory inventory() { return new LithiumInventory(0, 0, 0, 0, 0, 0, 0, x * cmaxVolume); }
}

package org.cellwright.solver.physics;

import static org.cellwright.solver.input.MaterialProperty.*;

import org.cellwright.solver.LithiumInventory;
import org.cellwright.solver.OverpotentialKind;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialSpec;
import org.cellwright.solver.input.SolverSettings;

/** Current collector + optional Li foil + MIEC interlayer; skeleton version (ohmic interlayer). */
public final class MiecInterlayerElectrode implements ElectrodeModel {
    private final String name;
    private final double rcc, rInter;
    private double temperature;
    private double nLi, trialN;
    private double etaCt, etaOhm, etaInter;

    public MiecInterlayerElectrode(String name, LayerSpec cc, LayerSpec metal, LayerSpec interlayer,
            MaterialSpec electrolyte, double rcc, CellSpec cell, SolverSettings settings) {
        this.name = name;
        this.rcc = rcc;
        this.temperature = cell.temperature();
        double r = new LayerComposition(interlayer).areaSpecificResistance(IONIC_CONDUCTIVITY, temperature);
        this.rInter = Double.isFinite(r) ? r : 0;
        if (metal != null) {
            MaterialSpec li = metal.material();
            nLi = metal.thickness() * li.get(DENSITY, 534) / li.get(MOLAR_MASS, 6.941e-3);
        }
    }

    @Override public String name() { return name; }
    @Override public void setConditions(double t, double p) { temperature = t; }
    @Override public double openCircuitPotential() { return 0; }

    @Override
    public double trial(double dt, double i) {
        trialN = nLi - i * dt / Constants.F;
        if (trialN < 0) return Double.NaN;
        etaCt = ButlerVolmer.overpotential(10, 0.5, 0.5, i, temperature);
        etaOhm = i * rcc;
        etaInter = i * rInter;
        return etaCt + etaOhm + etaInter;
    }

    @Override
    public void addOverpotentials(double[] out, double sign) {
        out[OverpotentialKind.LITHIUM_KINETIC.ordinal()] += sign * etaCt;
        out[OverpotentialKind.CONTACT.ordinal()] += sign * etaOhm;
        out[OverpotentialKind.INTERLAYER_OHMIC.ordinal()] += sign * etaInter;
    }

    @Override public void commit(PhysicsEvents events) { nLi = trialN; }

    @Override public LithiumInventory inventory() { return new LithiumInventory(0, 0, nLi, 0, 0, 0, 0, 0); }
}

package org.cellwright.solver.physics;

import static org.cellwright.solver.input.MaterialProperty.*;

import org.cellwright.solver.LithiumInventory;
import org.cellwright.solver.OverpotentialKind;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialSpec;

/** A bare current collector on which Li is plated against the SE ("anode-free"); skeleton version. */
public final class PlatingSubstrateElectrode implements ElectrodeModel {
    private final String name;
    private final double rcc;
    private final double i0ref;
    private double temperature;
    private double nLi, trialN;
    private double etaCt, etaOhm;

    public PlatingSubstrateElectrode(String name, LayerSpec cc, MaterialSpec electrolyte, double rcc, CellSpec cell) {
        this.name = name;
        this.rcc = rcc;
        this.i0ref = electrolyte == null ? 10 : electrolyte.get(EXCHANGE_CURRENT_DENSITY, 10.0);
        this.temperature = cell.temperature();
    }

    @Override public String name() { return name; }
    @Override public void setConditions(double t, double p) { temperature = t; }
    @Override public double openCircuitPotential() { return 0; }

    @Override
    public double trial(double dt, double i) {
        trialN = nLi - i * dt / Constants.F;
        if (trialN < 0) return Double.NaN;
        etaCt = ButlerVolmer.overpotential(i0ref, 0.5, 0.5, i, temperature);
        etaOhm = i * rcc;
        return etaCt + etaOhm;
    }

    @Override
    public void addOverpotentials(double[] out, double sign) {
        out[OverpotentialKind.LITHIUM_KINETIC.ordinal()] += sign * etaCt;
        out[OverpotentialKind.CONTACT.ordinal()] += sign * etaOhm;
    }

    @Override public void commit(PhysicsEvents events) { nLi = trialN; }

    @Override public LithiumInventory inventory() { return new LithiumInventory(0, 0, 0, nLi, 0, 0, 0, 0); }
}

package org.cellwright.solver.physics;

import static org.cellwright.solver.input.MaterialProperty.*;

import org.cellwright.solver.LithiumInventory;
import org.cellwright.solver.OverpotentialKind;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialSpec;

/** A Li metal foil against the solid electrolyte (walking-skeleton version: Butler-Volmer + ohmic). */
public final class LithiumMetalElectrode implements ElectrodeModel {
    private final String name;
    private final MaterialSpec li;
    private final double rcc;
    private final double foilResistance;
    private final double i0ref, alpha, eaI0, tref;
    private double temperature;
    private double nLi, trialN;
    private double etaCt, etaOhm;

    public LithiumMetalElectrode(String name, LayerSpec metal, MaterialSpec electrolyte, double rcc, CellSpec cell) {
        this.name = name;
        this.li = metal.material();
        this.rcc = rcc;
        this.foilResistance = metal.thickness() / li.get(ELECTRONIC_CONDUCTIVITY, 1.1e7);
        this.i0ref = li.get(EXCHANGE_CURRENT_DENSITY, 10.0);
        this.alpha = li.get(TRANSFER_COEFFICIENT, 0.5);
        this.eaI0 = li.get(EXCHANGE_CURRENT_ACTIVATION_ENERGY, 0);
        this.tref = li.get(REFERENCE_TEMPERATURE, Constants.T_REF);
        this.nLi = metal.thickness() * (1 - metal.porosity()) * li.get(DENSITY, 534) / li.get(MOLAR_MASS, 6.941e-3);
        this.temperature = cell.temperature();
    }

    @Override public String name() { return name; }

    @Override public void setConditions(double t, double p) { temperature = t; }

    @Override public double openCircuitPotential() { return 0; }

    @Override
    public double trial(double dt, double i) {
        trialN = nLi - i * dt / Constants.F;
        if (trialN < 0) return Double.NaN;
        double i0 = i0ref * Constants.arrhenius(eaI0, temperature, tref);
        etaCt = ButlerVolmer.overpotential(i0, alpha, 1 - alpha, i, temperature);
        etaOhm = i * (rcc + foilResistance);
        return etaCt + etaOhm;
    }

    @Override
    public void addOverpotentials(double[] out, double sign) {
        out[OverpotentialKind.LITHIUM_KINETIC.ordinal()] += sign * etaCt;
        out[OverpotentialKind.CONTACT.ordinal()] += sign * etaOhm;
    }

    @Override public void commit(PhysicsEvents events) { nLi = trialN; }

    @Override public LithiumInventory inventory() { return new LithiumInventory(nLi, 0, 0, 0, 0, 0, 0, 0); }
}

package org.cellwright.solver.physics;

import static org.cellwright.solver.input.MaterialProperty.*;

import org.cellwright.solver.LithiumInventory;
import org.cellwright.solver.OverpotentialKind;
import org.cellwright.solver.SimulationEvent;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialSpec;
import org.cellwright.solver.input.OptionalMechanism;

/**
 * A dense Li metal foil against the SE: Butler-Volmer charge transfer on the true contact area
 * ({@link ContactArea}: stack pressure, voids when stripping outruns creep; switchable,
 * {@link OptionalMechanism#CONTACT_LOSS}), constriction resistance of lost contact, SE-reduction interphase on the contact ({@link SolidElectrolyteInterphase}), electronic resistance of
 * foil and collector, and the penetration check of Li plated into SE flaws ({@link LithiumFlowStress}).
 */
public final class LithiumMetalElectrode implements ElectrodeModel {
    private final String name;
    private final LithiumContext ctx;
    private final double rcc, foilResistance, radius, foilFlowStress;
    private final ContactArea contact;
    private final SolidElectrolyteInterphase sei;
    private double temperature, pressure;
    private double nLi, trialN;
    private double etaCt, etaOhm, etaSei, etaContact, lastI;
    private boolean contactLossReported;

    public LithiumMetalElectrode(String name, LayerSpec metal, MaterialSpec electrolyte, double rcc, CellSpec cell) {
        this.name = name;
        MaterialSpec li = metal.material();
        this.ctx = new LithiumContext(li, electrolyte);
        this.rcc = rcc;
        this.foilResistance = metal.thickness() / li.get(ELECTRONIC_CONDUCTIVITY, 1.1e7);
        this.nLi = metal.thickness() * (1 - metal.porosity()) / ctx.molarVolume;
        this.radius = FoilExtrusion.radius(cell.area());
        // flow stress of the foil from its bulk hardness by Tabor's relation H = 3 sigma (Tabor, The Hardness of Metals, 1951)
        this.foilFlowStress = li.has(HARDNESS) ? li.get(HARDNESS, 0) / 3 : li.get(BULK_FLOW_STRESS, 0.8e6);
        this.contact = ctx.newContact();
        if (!metal.has(OptionalMechanism.CONTACT_LOSS)) contact.keepFullContact();
        this.sei = ctx.newInterphase();
        setConditions(cell.temperature(), cell.stackPressure());
        contact.reset(contact.equilibrium());
        sei.trial(0, contact.value());
        sei.commit();
        nLi -= sei.lithium();
    }

    @Override public String name() { return name; }

    @Override
    public void setConditions(double t, double p) {
        temperature = t;
        pressure = p;
        contact.setConditions(t, p);
        sei.setTemperature(t);
    }

    @Override public double openCircuitPotential() { return 0; }

    /** Exchange current density of the Li/SE contact [A/m2] at the temperature set last. */
    public double exchangeCurrentDensity() { return ctx.i0(temperature); }

    /** Current true contact fraction of the committed state. */
    @Override
    public double contactFraction() { return contact.value(); }

    @Override
    public double criticalStrippingCurrent() { return contact.criticalStrippingCurrent(); }

    @Override
    public double timeToContactFloor(double i) { return contact.timeToFloor(i); }

    @Override
    public boolean contactAtFloor() { return contact.atFloor(); }

    @Override
    public double trial(double dt, double i) {
        lastI = i;
        double a = contact.trial(dt, i);
        double consumed = sei.trial(dt, a);
        trialN = nLi - i * dt / Constants.F - consumed;
        if (trialN < 0) return Double.NaN;
        etaCt = ButlerVolmer.overpotential(ctx.i0(temperature), ctx.alpha, 1 - ctx.alpha, i / a, temperature);
        etaOhm = i * (rcc + foilResistance);
        etaSei = i * sei.resistance();
        etaContact = i * ContactArea.VOID_DEPTH / ctx.seKappa(temperature) * (1 / a - 1);
        return etaCt + etaOhm + etaSei + etaContact;
    }

    @Override
    public void addOverpotentials(double[] out, double sign) {
        out[OverpotentialKind.LITHIUM_KINETIC.ordinal()] += sign * etaCt;
        out[OverpotentialKind.CONTACT.ordinal()] += sign * (etaOhm + etaContact);
        out[OverpotentialKind.INTERPHASE.ordinal()] += sign * etaSei;
    }

    @Override
    public void commit(PhysicsEvents events) {
        nLi = trialN;
        contact.commit();
        sei.commit();
        if (!contactLossReported && contact.value() < 0.5) {
            contactLossReported = true;
            events.emit(SimulationEvent.Type.CONTACT_LOSS, contact.value(),
                    name + " Li foil lost half of its contact with the SE (stripping faster than creep)");
        }
    }

    @Override
    public LithiumInventory inventory() { return new LithiumInventory(nLi, 0, 0, 0, sei.lithium(), 0, 0, 0); }

    @Override
    public double penetrationRatio() {
        return ctx.penetrationRatio(Math.min(pressure, extrusionPressure()), ctx.flawSize, -lastI, temperature);
    }

    /** Pressure [Pa] above which this foil flows out sideways instead of pressing harder on the SE. */
    public double extrusionPressure() {
        return FoilExtrusion.pressure(foilFlowStress, radius, nLi * ctx.molarVolume);
    }
}

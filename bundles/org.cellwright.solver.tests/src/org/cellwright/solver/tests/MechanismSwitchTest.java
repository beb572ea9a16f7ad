package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.solver.OverpotentialKind;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.InputValidator;
import org.cellwright.solver.input.LayerRole;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialProperty;
import org.cellwright.solver.input.OptionalMechanism;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.params.Sung2023Parameters;
import org.cellwright.solver.physics.Constants;
import org.cellwright.solver.physics.InterlayerGeometry;
import org.cellwright.solver.physics.InterlayerLithiation;
import org.cellwright.solver.physics.LayerComposition;
import org.junit.jupiter.api.Test;

/**
 * Optional mechanisms are switchable per layer, on by default (issue 14: "each optional mechanism switchable", "the Li
 * foil's contact-loss model cannot be switched off"), and a Bruggeman exponent of 0 (the bulk conductivity, as in
 * PyBaMM's sets for the solid phase) is accepted.
 */
class MechanismSwitchTest {

    /** Li | LPSCl | Li at 5 MPa, the stripping foil with or without contact loss. */
    static CellSpec symmetric(boolean contactLoss) {
        LayerSpec a = Sung2023Parameters.lithiumFoil("LiA", 50e-6);
        if (!contactLoss) a = a.toBuilder().without(OptionalMechanism.CONTACT_LOSS).build();
        return CellSpec.builder("LiLi").area(Sung2023Parameters.AREA).temperature(298.15).stackPressure(5e6)
                .layer(a).layer(Sung2023Parameters.separator()).layer(Sung2023Parameters.lithiumFoil("LiB", 50e-6)).build();
    }

    static RecordingSink strip(CellSpec cell) {
        RecordingSink s = new RecordingSink();
        // 5 mA/cm2 for 30 min, above the critical stripping current at 5 MPa (~1 mA/cm2, ContactArea): voids open
        RunStatus st = new Simulation().run(cell, ProtocolSpec.of(StepSpec.currentDensity(50, Cutoff.duration(1800))),
                SolverSettings.defaults(), s, null);
        assertEquals(RunStatus.COMPLETED, st);
        return s;
    }

    @Test
    void switchingContactLossOffRemovesTheContactOverpotential() {
        Sample on = strip(symmetric(true)).last(), off = strip(symmetric(false)).last();
        double etaOn = on.overpotentials()[OverpotentialKind.CONTACT.ordinal()];
        double etaOff = off.overpotentials()[OverpotentialKind.CONTACT.ordinal()];
        assertTrue(etaOn > 0.01, "contact loss on: voids at 5 mA/cm2 and 5 MPa cost more than 10 mV, got " + etaOn);
        // off: only the foil's and collector's electronic resistance remains in that column (nV)
        assertEquals(0, etaOff, 1e-6, "contact loss off");
        // the cell voltage falls by the contact overpotential, and more: the charge transfer on the smaller true area
        assertTrue(on.voltage() - off.voltage() > 0.99 * (etaOn - etaOff), "on " + on.voltage() + " V, off " + off.voltage() + " V");
    }

    @Test
    void contactLossIsOnByDefault() {
        LayerSpec foil = Sung2023Parameters.lithiumFoil("Li", 50e-6);
        assertTrue(foil.has(OptionalMechanism.CONTACT_LOSS));
        LayerSpec off = foil.toBuilder().without(OptionalMechanism.CONTACT_LOSS).build();
        assertFalse(off.has(OptionalMechanism.CONTACT_LOSS));
        assertTrue(off.toBuilder().build().switchedOff().contains(OptionalMechanism.CONTACT_LOSS), "kept by toBuilder");
        assertEquals(OptionalMechanism.CONTACT_LOSS, OptionalMechanism.ofLabel("contact-loss"));
        assertNull(OptionalMechanism.ofLabel("contact"));
    }

    @Test
    void bruggemanExponentZeroIsAcceptedAndMeansTheBulkConductivity() {
        CellSpec cell2 = Sung2023Parameters.cell2Interlayer(65e6);
        CellSpec zero = rebuild(cell2, 0);
        assertTrue(InputValidator.validate(zero, Sung2023Parameters.platingStrippingInterlayer(0), SolverSettings.defaults()).isEmpty(),
                () -> InputValidator.validate(zero, Sung2023Parameters.platingStrippingInterlayer(0), SolverSettings.defaults()).toString());
        LayerSpec interlayer = interlayer(zero);
        assertEquals(1, interlayer.transportFactor(0.3), 0, "f^0 = 1");
        assertFalse(InputValidator.validate(rebuild(cell2, -0.5), Sung2023Parameters.platingStrippingInterlayer(0),
                SolverSettings.defaults()).isEmpty(), "a negative exponent is refused");
        // runs: a plating step on the interlayer whose phases conduct as their bulk
        RecordingSink s = new RecordingSink();
        RunStatus st = new Simulation().run(zero, ProtocolSpec.of(StepSpec.currentDensity(-3, Cutoff.duration(3600))),
                SolverSettings.defaults(), s, null);
        assertEquals(RunStatus.COMPLETED, st, s.events.toString());
        // the bulk conducts better than the tortuous layer: the interlayer's ohmic drop is smaller than with 1.5
        RecordingSink s15 = new RecordingSink();
        new Simulation().run(cell2, ProtocolSpec.of(StepSpec.currentDensity(-3, Cutoff.duration(3600))), SolverSettings.defaults(), s15, null);
        int ohm = OverpotentialKind.INTERLAYER_OHMIC.ordinal();
        assertTrue(Math.abs(s.last().overpotentials()[ohm]) < Math.abs(s15.last().overpotentials()[ohm]),
                "ohmic drop with exponent 0: " + s.last().overpotentials()[ohm] + " V, with 1.5: " + s15.last().overpotentials()[ohm] + " V");
    }

    /**
     * Per conduction phase (the language's bruggeman-electrolyte and bruggeman-solid on a solid-state layer): the ionic
     * exponent changes the composite cathode's and the interlayer's ionic conductivity alone, the electronic one their
     * electronic conductivity alone; given as the layer's bruggeman, they change nothing.
     */
    @Test
    void eachPerPhaseExponentChangesItsOwnConductionAndOnlyThat() {
        LayerSpec cathode = Sung2023Parameters.cathode(), interlayer = Sung2023Parameters.siCntInterlayer();
        for (LayerSpec layer : List.of(cathode, interlayer)) {
            double[] base = conductivities(layer);
            double[] ionic0 = conductivities(layer.toBuilder().ionicBruggeman(0).build());
            double[] electronic0 = conductivities(layer.toBuilder().electronicBruggeman(0).build());
            assertTrue(ionic0[0] > 1.5 * base[0], layer.name() + ": ionic f^0 > f^1.5, " + ionic0[0] + " vs " + base[0] + " S/m");
            assertEquals(base[1], ionic0[1], 0, layer.name() + ": the electronic conduction keeps the layer's exponent");
            assertTrue(electronic0[1] > 1.5 * base[1], layer.name() + ": electronic " + electronic0[1] + " vs " + base[1] + " S/m");
            assertEquals(base[0], electronic0[0], 0, layer.name() + ": the ionic conduction keeps the layer's exponent");
            double[] same = conductivities(layer.toBuilder().ionicBruggeman(1.5).electronicBruggeman(1.5).build());
            assertArrayEquals(base, same, 0, layer.name() + ": the layer's own exponent per phase changes nothing");
        }
        // the composite cathode's effective conductivity is the sum of its phases' f^b: b = 0 gives the volume-weighted sum
        LayerComposition comp = new LayerComposition(cathode.toBuilder().ionicBruggeman(0).build());
        double kappaBulk = 0;
        for (int i = 0; i < cathode.components().size(); i++)
            kappaBulk += cathode.components().get(i).material().get(MaterialProperty.IONIC_CONDUCTIVITY, 0);
        assertEquals(kappaBulk, comp.effectiveConductivity(MaterialProperty.IONIC_CONDUCTIVITY, Constants.T_REF), 1e-12 * kappaBulk,
                "f^0 = 1 for every ionic conductor");
        // a negative one is refused before solving
        CellSpec bad = CellSpec.builder("bad").area(Sung2023Parameters.AREA).temperature(298.15).stackPressure(5e6)
                .layer(Sung2023Parameters.susCollector()).layer(Sung2023Parameters.lithiumFoil("Li", 30e-6))
                .layer(Sung2023Parameters.separator()).layer(cathode.toBuilder().electronicBruggeman(-1).build())
                .layer(Sung2023Parameters.susCollector()).build();
        assertTrue(InputValidator.validate(bad, Sung2023Parameters.fullCellCycling(1), SolverSettings.defaults()).stream()
                .anyMatch(m -> m.contains("Bruggeman exponent of the electronic conduction -1.0 must be >= 0")));
    }

    /** {ionic, electronic} effective conductivity [S/m] of a layer at 25 degC (an interlayer's at its as-cast state). */
    static double[] conductivities(LayerSpec layer) {
        if (layer.role() == LayerRole.INTERLAYER) {
            InterlayerGeometry g = new InterlayerGeometry(layer, new InterlayerLithiation(layer));
            g.update(0, 0);
            g.updateTransport(0, Constants.T_REF);
            return new double[] { g.ionicConductivity(), g.electronicConductivity() };
        }
        LayerComposition c = new LayerComposition(layer);
        return new double[] { c.effectiveConductivity(MaterialProperty.IONIC_CONDUCTIVITY, Constants.T_REF),
                c.effectiveConductivity(MaterialProperty.ELECTRONIC_CONDUCTIVITY, Constants.T_REF) };
    }

    static CellSpec rebuild(CellSpec cell, double bruggeman) {
        CellSpec.Builder b = CellSpec.builder(cell.name()).area(cell.area()).temperature(cell.temperature())
                .stackPressure(cell.stackPressure());
        for (LayerSpec l : cell.layers())
            b.layer(l.role() == LayerRole.INTERLAYER ? l.toBuilder().bruggeman(bruggeman).build() : l);
        return b.build();
    }

    static LayerSpec interlayer(CellSpec cell) {
        List<LayerSpec> ls = cell.layers().stream().filter(l -> l.role() == LayerRole.INTERLAYER).toList();
        assertEquals(1, ls.size());
        return ls.get(0);
    }
}

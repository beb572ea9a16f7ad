package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnModel;
import org.cellwright.solver.dfn.DfnSimulation;
import org.cellwright.solver.dfn.DfnSolution;
import org.cellwright.solver.dfn.LiquidElectrolyte;
import org.cellwright.solver.dfn.LocalHeat;
import org.cellwright.solver.dfn.StateFunction;
import org.cellwright.solver.dfn.TransportPropertyGuard;
import org.cellwright.solver.numerics.dae.VariableOrderBdf;
import org.cellwright.solver.params.Chen2020;
import org.cellwright.solver.params.Marquis2019;
import org.cellwright.solver.physics.Constants;
import org.junit.jupiter.api.Test;

/**
 * A single-ion electrolyte (t+ = 1) keeps its salt uniform at the initial concentration for all time, exactly: the DFN
 * model leaves c_e out of its unknowns (docs/dfn.md, session 31). The reference is the same physics with c_e among the
 * unknowns: t+ = 1 written as a function of (c, T), which the model cannot know to be constant in c.
 */
class UniformElectrolyteTest {
    private static final DfnMesh MESH = new DfnMesh(1, 6, 10, 30).withParticleModes(8);

    /** Chen 2020's half cell with t+ = 1 as a general function of (c, T): the model keeps c_e as an unknown. */
    private static DfnCell unknownConcentration() { return unknownConcentration(Chen2020.lithiumMetalHalfCell(1.0)); }

    /** Cell c (t+ = 1) with its t+ written as a function of (c, T). */
    private static DfnCell unknownConcentration(DfnCell c) {
        LiquidElectrolyte e = c.electrolyte();
        LiquidElectrolyte general = new LiquidElectrolyte(e.name(), e.conductivity(), e.diffusivity(), (x, t) -> 1.0, e.thermodynamicFactor());
        return new DfnCell(c.negativeElectrode(), c.separator(), c.positive(), general, c.initialElectrolyteConcentration(), c.temperature());
    }

    /**
     * The half cell (t+ = 1) whose conductivity rises with temperature as LiPF6 in EC:DMC's does, 34.7 kJ/mol (Marquis
     * 2019's, after Capiglia et al. 1999; Chen 2020's Nyman fit has no temperature dependence).
     */
    private static DfnCell conductivityWithTemperature() {
        DfnCell c = Chen2020.lithiumMetalHalfCell(1.0);
        LiquidElectrolyte e = c.electrolyte();
        LiquidElectrolyte warming = new LiquidElectrolyte(e.name(), (x, t) -> e.conductivity().at(x, t) * Constants.arrhenius(34700, t, 298.15),
                e.diffusivity(), e.transferenceNumber(), e.thermodynamicFactor());
        return new DfnCell(c.negativeElectrode(), c.separator(), c.positive(), warming, c.initialElectrolyteConcentration(), c.temperature());
    }

    private static double[] times() {
        double[] out = new double[451];
        for (int i = 0; i < out.length; i++) out[i] = 10.0 * i;
        return out;
    }

    @Test
    void aSingleIonElectrolytesConcentrationIsNoUnknownAndItsRunIsTheFullSystemsWithinTheTimeStepping() {
        DfnModel reduced = new DfnModel(Chen2020.lithiumMetalHalfCell(1.0), MESH, t -> Chen2020.ONE_C);
        DfnModel full = new DfnModel(unknownConcentration(), MESH, t -> Chen2020.ONE_C);
        int cells = reduced.mesh().cells();
        assertTrue(reduced.uniformElectrolyte());
        assertFalse(full.uniformElectrolyte());
        int separator = MESH.separator();
        // no c_e in any cell, and no phi_e in the separator: its ohmic line from the foil to the positive is one conductance
        assertEquals(full.size() - cells - separator, reduced.size());
        assertEquals(full.coreSize() - cells - separator, reduced.coreSize());
        // phi_e and phi_s rows see their neighbours one block (3 unknowns: phi_e, phi_s, j) away, not c_e's 5
        assertEquals(3, reduced.lowerBandwidth());
        assertEquals(5, full.lowerBandwidth());
        JacobianStructure.assertBordered(reduced);

        DfnSolution a = new DfnSimulation(1e-6).run(Chen2020.lithiumMetalHalfCell(1.0), MESH, CurrentProfile.constant(Chen2020.ONE_C), times(), Chen2020.CUTOFF);
        DfnSolution b = new DfnSimulation(1e-6).run(unknownConcentration(), MESH, CurrentProfile.constant(Chen2020.ONE_C), times(), Chen2020.CUTOFF);
        assertEquals("voltage cut-off", a.endReason());
        assertEquals(b.last().time(), a.last().time(), 0.05, "the same end of discharge");
        int n = Math.min(a.snapshots().size(), b.snapshots().size());
        double worst = 0;
        for (int k = 0; k < n; k++) {
            DfnSolution.Snapshot x = a.snapshots().get(k), y = b.snapshots().get(k);
            if (y.voltage() < 3.0) break; // the final drop: the time-stepping error at a fixed time is a slope times a shift
            worst = Math.max(worst, Math.abs(x.voltage() - y.voltage()));
            for (double c : x.electrolyteConcentration()) assertEquals(1000, c, 0, "the initial concentration exactly, t = " + x.time());
            // the full system's salt stays uniform too: it is the physics, not the reduction, that keeps it
            for (double c : y.electrolyteConcentration()) assertEquals(1000, c, 1e-6, "t = " + y.time());
            double[] pa = x.electrolytePotential(), pb = y.electrolytePotential();
            for (int g = 0; g < pa.length; g++) assertEquals(pb[g], pa[g], 2e-5, "phi_e at cell " + g + ", t = " + x.time());
        }
        assertTrue(worst < 2e-5, "voltage within 0.02 mV of the full system's at rtol 1e-6: " + worst);
    }

    @Test
    void theLossesHeatAndLithiumOfTheReducedStateAreTheFullStatesWithTheConstantConcentration() {
        DfnModel reduced = new DfnModel(Chen2020.lithiumMetalHalfCell(1.0), MESH, t -> Chen2020.ONE_C);
        DfnModel full = new DfnModel(unknownConcentration(), MESH, t -> Chen2020.ONE_C);
        var br = new VariableOrderBdf(reduced, 5, 1e-8);
        var bf = new VariableOrderBdf(full, 5, 1e-8);
        assertTrue(br.start(0, reduced.initialState(), 1e-3) && bf.start(0, full.initialState(), 1e-3));
        while (br.time() < 600) assertTrue(br.step(600, 1e-9));
        while (bf.time() < 600) assertTrue(bf.step(600, 1e-9));
        double[] a = new double[reduced.size()], b = new double[full.size()];
        br.solvedAt(600, a);
        bf.solvedAt(600, b);
        assertEquals(full.voltage(600, b), reduced.voltage(600, a), 1e-6);
        assertEquals(full.saltInElectrolyte(b), reduced.saltInElectrolyte(a), 1e-9 * full.saltInElectrolyte(b));
        assertEquals(full.lithiumInFoil(b), reduced.lithiumInFoil(a), 1e-9 * Math.abs(full.lithiumInFoil(b)));
        double[] la = reduced.overpotentials(600, a), lb = full.overpotentials(600, b);
        for (int k = 0; k < la.length; k++) assertEquals(lb[k], la[k], 1e-6, "loss " + k);
        var qa = LocalHeat.of(reduced, 600, a);
        var qb = LocalHeat.of(full, 600, b);
        assertEquals(qb.total(), qa.total(), 1e-5 * Math.abs(qb.total()), "the local heat");
        assertEquals(null, TransportPropertyGuard.violation(reduced, a));
        // every cell's phi_e at once (the positive's reactions summed once for the condensed separator): each cell's own
        // read to the bit, and the full system's phi_e
        double[] pa = reduced.electrolytePotentials(a);
        for (int g = 0; g < pa.length; g++) {
            assertEquals(reduced.electrolytePotential(a, g), pa[g], 0, "phi_e of cell " + g);
            assertEquals(full.electrolytePotential(b, g), pa[g], 1e-6, "phi_e of cell " + g + " against the full system's");
        }
    }

    /**
     * The exchange current at a uniform c_e (its factor c_e^a taken once, ExchangeCurrentLaw.atElectrolyteConcentration)
     * is the law's at that c_e, whatever c_e its caller passes: Chen 2020's NMC811 (c_e^0.5 c_s^0.5 (c_max - c_s)^0.5,
     * one root) and a power law of other exponents, at 25 and 45 degC; a law of the state (a .cell file's expression)
     * likewise, by the default.
     */
    @Test
    void theExchangeCurrentAtAUniformConcentrationIsTheLawsAtThatConcentration() {
        var symmetric = org.cellwright.solver.dfn.ExchangeCurrentDensity.symmetric(3.42e-6, 17800, 298.15);
        var general = new org.cellwright.solver.dfn.ExchangeCurrentDensity(2e-6, 0.3, 0.6, 0.4, 30000, 298.15);
        org.cellwright.solver.dfn.ExchangeCurrentLaw expression = (ce, cs, cMax, t) -> 1e-5 * Math.log(ce) * cs * (cMax - cs) / cMax / t;
        double ce = 1000, cMax = 51765;
        for (var law : List.<org.cellwright.solver.dfn.ExchangeCurrentLaw>of(symmetric, general, expression)) {
            var fixed = law.atElectrolyteConcentration(ce);
            for (double t : new double[] {298.15, 318.15})
                for (double cs : new double[] {0.2 * cMax, 0.5 * cMax, 0.97 * cMax}) {
                    double i0 = law.at(ce, cs, cMax, t);
                    assertEquals(i0, fixed.at(ce, cs, cMax, t), 1e-14 * i0);
                    assertEquals(i0, fixed.at(37, cs, cMax, t), 1e-14 * i0, "the fixed law reads its own c_e");
                    assertEquals(law.solidSlope(ce, cs, cMax, t), fixed.solidSlope(ce, cs, cMax, t), 1e-6 * Math.abs(law.solidSlope(ce, cs, cMax, t)));
                }
        }
    }

    @Test
    void withTheThermalModelThePropertiesFollowTheTemperatureAndTheRunIsTheFullSystems() {
        double[] out = times();
        // the reduced model takes the electrolyte's properties once per temperature: they must follow the thermal model's
        DfnSolution a = new DfnSimulation(1e-6).withThermal(Marquis2019.thermal()).run(conductivityWithTemperature(), MESH,
                CurrentProfile.constant(3 * Chen2020.ONE_C), out, Chen2020.CUTOFF);
        DfnSolution b = new DfnSimulation(1e-6).withThermal(Marquis2019.thermal()).run(unknownConcentration(conductivityWithTemperature()), MESH,
                CurrentProfile.constant(3 * Chen2020.ONE_C), out, Chen2020.CUTOFF);
        assertTrue(a.last().temperature() > Chen2020.lithiumMetalHalfCell(1.0).temperature() + 1, "the cell warms: " + a.last().temperature());
        assertEquals(b.last().time(), a.last().time(), 0.05);
        for (int k = 0; k < Math.min(a.snapshots().size(), b.snapshots().size()); k++) {
            DfnSolution.Snapshot x = a.snapshots().get(k), y = b.snapshots().get(k);
            if (y.voltage() < 3.0) break;
            // the lumped balance advances the temperature at step ends (operator splitting), so two runs with different
            // steps differ by up to a step's rise at an output (0.014 K here, of a 1.2 K rise)
            assertEquals(y.temperature(), x.temperature(), 0.03, "t = " + x.time());
            assertEquals(y.voltage(), x.voltage(), 5e-5, "t = " + x.time());
        }
    }

    @Test
    void aTransferenceNumberBelowOneKeepsTheConcentrationAsAnUnknown() {
        DfnModel model = new DfnModel(Chen2020.lithiumMetalHalfCell(0.2594), MESH, t -> Chen2020.ONE_C);
        assertFalse(model.uniformElectrolyte());
        DfnSolution s = new DfnSimulation(1e-5).run(Chen2020.lithiumMetalHalfCell(0.2594), MESH, CurrentProfile.constant(Chen2020.ONE_C),
                new double[] {0, 600}, Double.NaN);
        double[] ce = s.last().electrolyteConcentration();
        assertTrue(ce[0] > 1000 && ce[ce.length - 1] < 1000, "salt produced at the foil, consumed in the cathode: " + List.of(ce[0], ce[ce.length - 1]));
    }

    @Test
    void aTransferenceNumberThatLeavesOneWithTheTemperatureIsRefused() {
        DfnCell c = Chen2020.lithiumMetalHalfCell(1.0);
        LiquidElectrolyte e = c.electrolyte();
        // 1 at the cell's temperature, declared independent of c, not 1 at another: the state has no c_e to follow it with
        LiquidElectrolyte drifting = new LiquidElectrolyte(e.name(), e.conductivity(), e.diffusivity(),
                StateFunction.arrhenius(1.0, 1e3, c.temperature()), e.thermodynamicFactor());
        DfnModel model = new DfnModel(new DfnCell(c.negativeElectrode(), c.separator(), c.positive(), drifting, c.initialElectrolyteConcentration(),
                c.temperature()), MESH, t -> Chen2020.ONE_C);
        assertTrue(model.uniformElectrolyte());
        IllegalStateException x = assertThrows(IllegalStateException.class, () -> model.setTemperature(c.temperature() + 10));
        assertTrue(x.getMessage().contains("transference number"), x.getMessage());
    }

    @Test
    void aPowerDrivenSingleIonHalfCellIsTheFullSystems() {
        double[] out = {0, 600, 1200, 1800};
        DfnSolution a = new DfnSimulation(1e-6).runAtPower(Chen2020.lithiumMetalHalfCell(1.0), MESH, t -> 150.0, out, Chen2020.CUTOFF, new double[0]);
        DfnSolution b = new DfnSimulation(1e-6).runAtPower(unknownConcentration(), MESH, t -> 150.0, out, Chen2020.CUTOFF, new double[0]);
        assertEquals(out.length, a.snapshots().size(), a.endReason());
        assertEquals(b.snapshots().size(), a.snapshots().size());
        for (int k = 0; k < a.snapshots().size(); k++) {
            assertEquals(b.snapshots().get(k).voltage(), a.snapshots().get(k).voltage(), 2e-5);
            assertEquals(b.snapshots().get(k).current(), a.snapshots().get(k).current(), 1e-5 * Chen2020.ONE_C);
        }
    }
}

package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnSimulation;
import org.cellwright.solver.dfn.DfnSolution;
import org.cellwright.solver.dfn.EntropicOpenCircuitPotential;
import org.cellwright.solver.dfn.IntercalationElectrode;
import org.cellwright.solver.dfn.LumpedThermal;
import org.cellwright.solver.dfn.StateFunction;
import org.cellwright.solver.params.Marquis2019;
import org.junit.jupiter.api.Test;

/** Entropic coefficients: the OCP at temperature, and the reversible heat -I T dU/dT in the lumped energy balance. */
class EntropicHeatTest {
    static final DfnMesh MESH = new DfnMesh(8, 4, 8, 8);

    static double[] seconds(double end, double step) {
        double[] t = new double[(int) Math.round(end / step) + 1];
        for (int i = 0; i < t.length; i++) t[i] = i * step;
        return t;
    }

    static LumpedThermal adiabatic() {
        LumpedThermal m = Marquis2019.thermal();
        return new LumpedThermal(m.heatCapacityPerArea(), 0, m.coolingAreaRatio(), m.ambientTemperature());
    }

    /** The same electrode with its OCP's entropic change replaced by dUdT. */
    static IntercalationElectrode withEntropicChange(IntercalationElectrode e, StateFunction dUdT) {
        EntropicOpenCircuitPotential u = (EntropicOpenCircuitPotential) e.ocp();
        return new IntercalationElectrode(e.name(), e.thickness(), e.porosity(), e.activeFraction(), e.electrolyteBruggeman(), e.solid(),
                e.particle(), e.initialConcentration(), new EntropicOpenCircuitPotential(u.reference(), dUdT, u.referenceTemperature()), e.kinetics());
    }

    static DfnCell marquis(StateFunction negative, StateFunction positive) {
        DfnCell m = Marquis2019.cell();
        return new DfnCell(withEntropicChange(m.negative(), negative), m.separator(), withEntropicChange(m.positive(), positive),
                m.electrolyte(), m.initialElectrolyteConcentration(), m.temperature());
    }

    @Test
    void theOcpMovesWithTemperatureByItsEntropicCoefficient() {
        var u = Marquis2019.graphite().ocp();
        double x = 0.5, dUdT = Marquis2019.graphiteEntropicChange(x, 24983.2619938437);
        assertEquals(Marquis2019.graphiteOcp(x), u.at(x, Marquis2019.T_REF), 0, "the reference OCP at T_ref exactly");
        assertEquals(Marquis2019.graphiteOcp(x) + 10 * dUdT, u.at(x, Marquis2019.T_REF + 10), 1e-15);
        assertEquals(dUdT, u.entropicChange(x, 300), 0);
        assertTrue(dUdT != 0);
        // PyBaMM's value at x = 0.5 (Marquis2019.py graphite_entropic_change_Moura2016), by hand: -0.0147/(0.034 c_max) dominates
        assertEquals(-1.93e-5, dUdT, 0.1e-5);
        assertEquals(0, (Marquis2019.cell().negative().ocp()).entropicChange(0.999, 298.15) - Marquis2019.graphiteEntropicChange(0.999, 24983.2619938437), 0);
    }

    @Test
    void anAdiabaticCellStoresItsIrreversibleAndReversibleHeat() {
        LumpedThermal adiabatic = adiabatic();
        // C/2 for an hour: the reversible heat is about 5 % of the irreversible one
        DfnSolution s = new DfnSimulation(1e-5).withThermal(adiabatic).run(Marquis2019.cell(), MESH,
                CurrentProfile.constant(0.5 * Marquis2019.ONE_C), seconds(3600, 1), Marquis2019.CUTOFF);
        List<DfnSolution.Snapshot> sn = s.snapshots();
        double irreversible = 0, reversible = 0;
        for (int k = 1; k < sn.size(); k++) {
            DfnSolution.Snapshot a = sn.get(k - 1), b = sn.get(k);
            irreversible += 0.5 * (a.irreversibleHeat() + b.irreversibleHeat()) * (b.time() - a.time());
            reversible += 0.5 * (a.reversibleHeat() + b.reversibleHeat()) * (b.time() - a.time());
        }
        double stored = adiabatic.heatCapacityPerArea() * (s.last().temperature() - sn.get(0).temperature());
        assertTrue(irreversible > 0 && reversible != 0);
        // the splitting's lag costs a few % of the reversible part (0.2 % of the whole); leaving it out would cost 100 %
        assertEquals(irreversible + reversible, stored, 0.1 * Math.abs(reversible), "heat stored (J/m2) = irreversible " + irreversible + " + reversible " + reversible);
        // each output's irreversible heat is the local one, below Bernardi's I (U_oc - V) at the mean stoichiometries while
        // the discharge builds the particles' concentration gradients (that part of the work is held by them, not heat)
        for (DfnSolution.Snapshot b : sn)
            if (b.time() > 0) assertTrue(b.irreversibleHeat() < LumpedThermal.heatGeneration(b.current(), b.openCircuitVoltage(), b.voltage()),
                    "at " + b.time() + " s: " + b.irreversibleHeat());
    }

    @Test
    void reversibleHeatChangesSignWithTheCurrent() {
        double[] t = seconds(60, 1);
        // 0.01 C: the local heat takes dU/dT at the particle surfaces, which the first instant's flux moves from the initial
        // stoichiometries in proportion to the current (at 1 C by 2.5 % of this heat, here by 0.025 %)
        double i = 0.01 * Marquis2019.ONE_C;
        DfnSolution discharge = new DfnSimulation(1e-5).withThermal(adiabatic()).run(Marquis2019.cell(), MESH, CurrentProfile.constant(i), t, Double.NaN);
        DfnSolution charge = new DfnSimulation(1e-5).withThermal(adiabatic()).run(Marquis2019.cell(), MESH, CurrentProfile.constant(-i), t, Double.NaN);
        double qd = discharge.snapshots().get(0).reversibleHeat(), qc = charge.snapshots().get(0).reversibleHeat();
        // -I T (dUp/dT - dUn/dT) at the initial stoichiometries 0.6 and 0.8
        double dUdT = Marquis2019.lcoEntropicChange(0.6, 51217.9257309275) - Marquis2019.graphiteEntropicChange(0.8, 24983.2619938437);
        assertEquals(LumpedThermal.reversibleHeat(i, Marquis2019.T_REF, dUdT), qd, 1e-3 * Math.abs(qd));
        assertTrue(qd != 0);
        assertEquals(-qd, qc, 1e-3 * Math.abs(qd), "the same state, the opposite current: the opposite reversible heat");
        // the irreversible heat is positive either way
        assertTrue(discharge.snapshots().get(30).irreversibleHeat() > 0 && charge.snapshots().get(30).irreversibleHeat() > 0);
    }

    @Test
    void zeroEntropicCoefficientsGiveTodaysThermalRun() {
        double[] t = seconds(900, 10);
        DfnCell zero = marquis(StateFunction.constant(0), StateFunction.constant(0));
        DfnCell plain = Marquis2019.cell();
        DfnCell noEntropy = new DfnCell(
                new IntercalationElectrode(plain.negative().name(), plain.negative().thickness(), plain.negative().porosity(), plain.negative().activeFraction(),
                        plain.negative().electrolyteBruggeman(), plain.negative().solid(), plain.negative().particle(), plain.negative().initialConcentration(),
                        (x, tt) -> Marquis2019.graphiteOcp(x), plain.negative().kinetics()),
                plain.separator(),
                new IntercalationElectrode(plain.positive().name(), plain.positive().thickness(), plain.positive().porosity(), plain.positive().activeFraction(),
                        plain.positive().electrolyteBruggeman(), plain.positive().solid(), plain.positive().particle(), plain.positive().initialConcentration(),
                        (x, tt) -> Marquis2019.lcoOcp(x), plain.positive().kinetics()),
                plain.electrolyte(), 1000, plain.temperature());
        DfnSolution a = new DfnSimulation(1e-5).withThermal(Marquis2019.thermal()).run(zero, MESH, CurrentProfile.constant(3 * Marquis2019.ONE_C), t, Marquis2019.CUTOFF);
        DfnSolution b = new DfnSimulation(1e-5).withThermal(Marquis2019.thermal()).run(noEntropy, MESH, CurrentProfile.constant(3 * Marquis2019.ONE_C), t, Marquis2019.CUTOFF);
        DfnSolution c = new DfnSimulation(1e-5).withThermal(Marquis2019.thermal()).run(plain, MESH, CurrentProfile.constant(3 * Marquis2019.ONE_C), t, Marquis2019.CUTOFF);
        assertEquals(b.snapshots().size(), a.snapshots().size());
        for (int k = 0; k < a.snapshots().size(); k++) {
            assertEquals(b.snapshots().get(k).voltage(), a.snapshots().get(k).voltage(), 1e-12);
            assertEquals(b.snapshots().get(k).temperature(), a.snapshots().get(k).temperature(), 1e-12);
            assertEquals(0, a.snapshots().get(k).reversibleHeat(), 0);
        }
        assertTrue(c.last().temperature() > 298.15 + 0.2, "a 3 C discharge warms the cell: " + c.last().temperature());
        assertTrue(Math.abs(c.snapshots().get(60).temperature() - a.snapshots().get(60).temperature()) > 1e-3,
                "with Marquis's entropic coefficients the temperature differs: " + c.snapshots().get(60).temperature() + " vs " + a.snapshots().get(60).temperature());
    }
}

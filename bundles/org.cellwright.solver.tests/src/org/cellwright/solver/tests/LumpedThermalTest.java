package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnSimulation;
import org.cellwright.solver.dfn.DfnSolution;
import org.cellwright.solver.dfn.LumpedThermal;
import org.cellwright.solver.params.Ecker2015;
import org.junit.jupiter.api.Test;

/** The lumped energy balance: its limits, the energy it books, and what warming does to a 5 C discharge. */
class LumpedThermalTest {

    @Test
    void coolingAndAdiabaticLimits() {
        LumpedThermal cooled = new LumpedThermal(500, 10, 2, 298.15);
        double t = 298.15;
        for (int i = 0; i < 1000; i++) t = cooled.advance(t, 40, 10);
        assertEquals(298.15 + 40 / (10 * 2.0), t, 1e-9, "steady state T_amb + q / (h A_cool/A)");
        LumpedThermal adiabatic = new LumpedThermal(500, 0, 2, 298.15);
        assertEquals(298.15 + 40 * 3.0 / 500, adiabatic.advance(298.15, 40, 3.0), 1e-12);
        assertEquals(40 * 0.5, LumpedThermal.heatGeneration(40, 3.9, 3.4), 1e-12, "I (U_oc - V)");
    }

    static double[] seconds(double end) {
        double[] t = new double[(int) end + 1];
        for (int i = 0; i < t.length; i++) t[i] = i;
        return t;
    }

    @Test
    void adiabaticCellStoresTheHeatItGenerates() {
        LumpedThermal data = Ecker2015.thermal();
        LumpedThermal adiabatic = new LumpedThermal(data.heatCapacityPerArea(), 0, data.coolingAreaRatio(), data.ambientTemperature());
        DfnSolution s = new DfnSimulation(1e-4).withThermal(adiabatic).run(Ecker2015.cell(), new DfnMesh(10, 5, 10, 10),
                CurrentProfile.constant(5 * Ecker2015.ONE_C), seconds(600), Ecker2015.CUTOFF);
        List<DfnSolution.Snapshot> sn = s.snapshots();
        double heat = 0;
        for (int k = 1; k < sn.size(); k++) {
            DfnSolution.Snapshot a = sn.get(k - 1), b = sn.get(k);
            // the local heat each snapshot carries (LocalHeat: ohmic, reaction and reversible)
            heat += 0.5 * (a.irreversibleHeat() + a.reversibleHeat() + b.irreversibleHeat() + b.reversibleHeat()) * (b.time() - a.time());
        }
        double stored = adiabatic.heatCapacityPerArea() * (s.last().temperature() - sn.get(0).temperature());
        assertTrue(heat > 0);
        assertEquals(heat, stored, 0.02 * heat, "heat generated = heat stored (J/m2)");
        assertTrue(s.last().temperature() > 298.15 + 5, "an adiabatic 5 C discharge warms the cell: " + s.last().temperature());
    }

    @Test
    void aWarmingCellHoldsAHigherVoltageThanAnIsothermalOne() {
        double[] times = seconds(600);
        DfnSolution iso = new DfnSimulation(1e-4).run(Ecker2015.cell(), new DfnMesh(10, 5, 10, 10), CurrentProfile.constant(5 * Ecker2015.ONE_C), times, Ecker2015.CUTOFF);
        DfnSolution warm = new DfnSimulation(1e-4).withThermal(Ecker2015.thermal()).run(Ecker2015.cell(), new DfnMesh(10, 5, 10, 10),
                CurrentProfile.constant(5 * Ecker2015.ONE_C), times, Ecker2015.CUTOFF);
        double rise = warm.snapshots().get(300).temperature() - 298.15;
        assertTrue(rise > 0.1 && rise < 10, "cooled through 0.0172 m2 at 10 W/(m2 K): " + rise + " K");
        assertTrue(warm.snapshots().get(300).voltage() > iso.snapshots().get(300).voltage(), "faster kinetics and transport when warmer");
        for (DfnSolution.Snapshot s : iso.snapshots()) assertEquals(298.15, s.temperature(), 0);
    }
}

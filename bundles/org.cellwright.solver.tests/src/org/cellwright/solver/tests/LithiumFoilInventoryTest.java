package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnModel;
import org.cellwright.solver.dfn.DfnSimulation;
import org.cellwright.solver.dfn.DfnSolution;
import org.cellwright.solver.dfn.PlanarLithiumElectrode;
import org.cellwright.solver.numerics.dae.VariableOrderBdf;
import org.cellwright.solver.params.Chen2020;
import org.cellwright.solver.physics.Constants;
import org.junit.jupiter.api.Test;

/**
 * The lithium-metal foil's own lithium (PlanarLithiumElectrode.lithium, DfnModel.lithiumInFoil): thickness / V_Li at the
 * start, what the cathode and the electrolyte have not taken since; a discharge that strips it all ends there.
 */
class LithiumFoilInventoryTest {
    private static final DfnMesh MESH = new DfnMesh(1, 5, 8, 8);

    /** Chen 2020's half cell (its own electrolyte, t+ = 0.2594) with a foil of this thickness [m]. */
    static DfnCell withFoil(double thickness) {
        DfnCell c = Chen2020.lithiumMetalHalfCell(0.2594);
        PlanarLithiumElectrode f = c.lithiumMetal();
        return new DfnCell(new PlanarLithiumElectrode(f.name(), thickness, f.conductivity(), f.exchangeCurrent(), f.anodicTransferCoefficient()),
                c.separator(), c.positive(), c.electrolyte(), c.initialElectrolyteConcentration(), c.temperature());
    }

    @Test
    void theFoilHoldsItsThicknessOverTheMolarVolumeOfLithium() {
        // 85.2 um of Li at 1 / 1.3e-5 mol/m3: 6.554 mol/m2 by hand, 632 kC/m2, three times the cathode's 1 C discharge
        PlanarLithiumElectrode foil = Chen2020.lithiumMetalHalfCell(0.2594).lithiumMetal();
        assertEquals(85.2e-6 / 1.3e-5, foil.lithium(), 1e-12);
        assertEquals(6.5538, foil.lithium(), 1e-4);
        // the same constant as Xu 2019's exchange current: c_Li = 1 / V_Li
        assertEquals(3.5e-8 * Constants.F * Math.pow(1 / PlanarLithiumElectrode.MOLAR_VOLUME, 0.7),
                org.cellwright.solver.dfn.LithiumMetalExchangeCurrentDensity.xu2019().rateConstant(), 1e-15);
    }

    @Test
    void lithiumIsConservedBetweenTheFoilAndTheRestOfTheCell() {
        // the foil loses I t / F on discharge and gains it back on charge: its lithium as the state gives it against the
        // charge passed (the cathode's and the electrolyte's gains come from the model's own conservation laws)
        DfnCell cell = withFoil(85.2e-6);
        double n0 = cell.lithiumMetal().lithium();
        for (double i : new double[] { Chen2020.ONE_C, -0.5 * Chen2020.ONE_C }) {
            DfnModel m = new DfnModel(cell, MESH, t -> i);
            VariableOrderBdf bdf = new VariableOrderBdf(m, 2, 1e-8);
            assertTrue(bdf.start(0, m.initialState(), 1e-3));
            assertEquals(n0, m.lithiumInFoil(bdf.state()), 1e-12 * n0, "at the start");
            for (double t : new double[] { 60, 600, 1800 }) {
                while (bdf.time() < t) assertTrue(bdf.step(t, 1e-9));
                assertEquals(n0 - i * t / Constants.F, m.lithiumInFoil(bdf.state()), 1e-7 * n0, "at " + t + " s, I = " + i + " A/m2");
            }
        }
        assertTrue(Double.isNaN(new DfnModel(Chen2020.cell(), new DfnMesh(4, 4, 4, 4), t -> 1.0).lithiumInFoil(new double[1])),
                "no foil: NaN");
    }

    @Test
    void aThinFoilRunsOutAtTheTimeItsLithiumLasts() {
        // 20 um: 1.538 mol/m2, F n / I = 3049 s at 1 C, before the cathode's 2.5 V (4135 s)
        DfnCell cell = withFoil(20e-6);
        double i = Chen2020.ONE_C, expected = Constants.F * cell.lithiumMetal().lithium() / i;
        double[] out = new double[501];
        for (int k = 0; k < out.length; k++) out[k] = 10.0 * k;
        DfnSolution s = new DfnSimulation(1e-6).run(cell, MESH, CurrentProfile.constant(i), out, Chen2020.CUTOFF);
        assertEquals(DfnSimulation.FOIL_EXHAUSTED, s.endReason());
        assertEquals(expected, s.last().time(), 1e-5 * expected, "Q = F n: " + expected + " s");
        assertTrue(s.last().voltage() > 3.0, "the cathode could go on: " + s.last().voltage() + " V");
        // a thick foil outlasts the cathode: the same run ends at the voltage cut-off
        DfnSolution thick = new DfnSimulation(1e-6).run(withFoil(85.2e-6), MESH, CurrentProfile.constant(i), out, Chen2020.CUTOFF);
        assertTrue(!DfnSimulation.FOIL_EXHAUSTED.equals(thick.endReason()) && thick.last().time() > expected + 500, thick.endReason());
        // charging plates onto the foil: never exhausted
        DfnSolution charge = new DfnSimulation(1e-6).run(withFoil(1e-6), MESH, CurrentProfile.constant(-0.2 * i), new double[] { 0, 600 }, Double.NaN);
        assertEquals("end of time", charge.endReason());
    }
}

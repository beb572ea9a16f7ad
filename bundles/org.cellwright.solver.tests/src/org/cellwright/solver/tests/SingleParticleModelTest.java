package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cellwright.solver.dfn.CellModel;
import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.DfnInputCheck;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.IntercalationElectrode;
import org.cellwright.solver.dfn.ParticlePopulation;
import org.cellwright.solver.dfn.SingleParticleModel;
import org.cellwright.solver.numerics.dae.VariableOrderBdf;
import org.cellwright.solver.params.Marquis2019;
import org.cellwright.solver.physics.Constants;
import org.junit.jupiter.api.Test;

/** The single-particle model: uniform reaction in each electrode, no electrolyte transport. */
class SingleParticleModelTest {

    static DfnCell spm() {
        DfnCell m = Marquis2019.cell();
        return DfnCell.singleParticle(m.negative(), m.positive(), m.initialElectrolyteConcentration(), m.temperature());
    }

    /** Stoichiometry of an electrode after charge q [C/m2] left it (q > 0: lithium leaves), from charge conservation alone. */
    static double stoichiometry(IntercalationElectrode e, double q) {
        ParticlePopulation p = e.population();
        return (p.initialConcentration() * p.activeFraction() * e.thickness() - q / Constants.F)
                / (p.activeFraction() * e.thickness() * p.particle().maximumConcentration());
    }

    /**
     * Analytic limit: at C/100 the particles are nearly uniform and the overpotentials nearly 0, so V equals
     * U_p(x_p) - U_n(x_n) at the stoichiometries that charge conservation alone gives (x_n falls by I t / (F eps_n L_n
     * c_max,n), x_p rises likewise), within 2 mV over 30 % of the capacity.
     */
    @Test
    void atLowRateTheVoltageIsTheOcpDifferenceAtTheStoichiometries() {
        DfnCell cell = spm();
        assertTrue(cell.isSingleParticle());
        assertEquals(java.util.List.of(), DfnInputCheck.problems(cell));
        double i = Marquis2019.ONE_C / 100;
        SingleParticleModel model = new SingleParticleModel(cell, 20, t -> i);
        VariableOrderBdf bdf = new VariableOrderBdf(model, 2, 1e-7);
        assertTrue(bdf.start(0, model.initialState(), 1e-3));
        double[] y = new double[model.size()];
        double t298 = Marquis2019.T_REF;
        for (double t = 5 * 3600; t <= 30 * 3600; t += 5 * 3600) {
            HysteresisTest.at(bdf, t, y);
            double xn = stoichiometry(cell.negative(), i * t), xp = stoichiometry(cell.positive(), -i * t);
            double ocv = cell.positive().ocp().at(xp, t298) - cell.negative().ocp().at(xn, t298);
            assertEquals(ocv, model.voltage(t, y), 2e-3, "t = " + t / 3600 + " h");
            assertTrue(model.voltage(t, y) < ocv, "a discharge runs below the OCV");
            assertEquals(xn, model.meanStoichiometry(y, 0), 1e-9, "x_n from the charge passed");
        }
    }

    /** Lithium leaves the negative particle and enters the positive at I / F, exactly, through a discharge and a charge. */
    @Test
    void chargeIsConserved() {
        DfnCell cell = spm();
        double i = Marquis2019.ONE_C;
        CellModel model = CellModel.of(cell, new DfnMesh(1, 1, 1, 12), false, t -> t <= 600 ? i : -i / 2, null);
        assertTrue(model instanceof SingleParticleModel, "a single-particle cell makes a SingleParticleModel");
        VariableOrderBdf bdf = new VariableOrderBdf(model, 2, 1e-6);
        double[] y0 = model.initialState();
        double n0 = model.lithiumInSolid(y0, 0), p0 = model.lithiumInSolid(y0, 2);
        assertTrue(bdf.start(0, y0.clone(), 1e-3));
        double[] y = new double[model.size()];
        HysteresisTest.at(bdf, 600, y);
        double q = i * 600 / Constants.F;
        assertEquals(n0 - q, model.lithiumInSolid(y, 0), 1e-9 * n0, "the negative loses I t / F");
        assertEquals(p0 + q, model.lithiumInSolid(y, 2), 1e-9 * p0, "the positive gains it");
        assertTrue(bdf.restart(1e-3));
        HysteresisTest.at(bdf, 1200, y);
        double q2 = q - i / 2 * 600 / Constants.F;
        assertEquals(n0 - q2, model.lithiumInSolid(y, 0), 1e-9 * n0, "after the charge");
        assertEquals(n0 + p0, model.lithiumInSolid(y, 0) + model.lithiumInSolid(y, 2), 1e-9 * (n0 + p0), "lithium is conserved");
    }

    /** At 1 C the SPM, which has no electrolyte or solid-conduction losses, runs above the DFN of the same cell and below its OCV. */
    @Test
    void atOneCItLiesBetweenTheDfnAndTheOcv() {
        DfnCell dfn = Marquis2019.cell(), spm = spm();
        double i = Marquis2019.ONE_C;
        CellModel a = CellModel.of(dfn, new DfnMesh(10, 6, 10, 12), false, t -> i, null), b = CellModel.of(spm, new DfnMesh(1, 1, 1, 12), false, t -> i, null);
        VariableOrderBdf ia = new VariableOrderBdf(a, 2, 1e-6), ib = new VariableOrderBdf(b, 2, 1e-6);
        assertTrue(ia.start(0, a.initialState(), 1e-3) && ib.start(0, b.initialState(), 1e-3));
        double[] ya = new double[a.size()], yb = new double[b.size()];
        for (double t : new double[] { 600, 1800 }) {
            HysteresisTest.at(ia, t, ya);
            HysteresisTest.at(ib, t, yb);
            assertTrue(b.voltage(t, yb) > a.voltage(t, ya), "SPM above the DFN at t = " + t);
            assertTrue(b.voltage(t, yb) < b.openCircuitVoltage(yb), "SPM below its OCV at t = " + t);
        }
    }

    @Test
    void aBlendIsRefused() {
        DfnCell m = Marquis2019.cell();
        DfnCell blend = DfnCell.singleParticle(BlendedElectrodeTest.split(m.negative(), 0.5), m.positive(), 1000, Marquis2019.T_REF);
        assertTrue(DfnInputCheck.problems(blend).toString().contains("single-particle model takes one particle population"));
        assertThrows(IllegalArgumentException.class, () -> new SingleParticleModel(blend, 10, t -> 1));
    }
}

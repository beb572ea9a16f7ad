package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cellwright.solver.dfn.Bruggeman;
import org.cellwright.solver.dfn.ButlerVolmerKinetics;
import org.cellwright.solver.dfn.ConcentratedSolutionElectrolyte;
import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnModel;
import org.cellwright.solver.dfn.DfnSimulation;
import org.cellwright.solver.dfn.DfnSolution;
import org.cellwright.solver.dfn.ExchangeCurrentDensity;
import org.cellwright.solver.dfn.LiquidElectrolyte;
import org.cellwright.solver.dfn.StateFunction;
import org.cellwright.solver.numerics.dae.BorderedIterationMatrix;
import org.cellwright.solver.numerics.dae.VariableOrderBdf;
import org.cellwright.solver.params.Marquis2019;
import org.cellwright.solver.physics.Constants;
import org.junit.jupiter.api.Test;

/** The DFN mechanism classes and the assembled model: laws, limits, conservation. */
class DfnPhysicsTest {

    @Test
    void bruggemanIsAPowerOfTheVolumeFraction() {
        assertEquals(Math.pow(0.3, 1.5), Bruggeman.transportEfficiency(0.3, 1.5), 1e-15);
        assertEquals(1.0, Bruggeman.transportEfficiency(0.3, 0), 0, "exponent 0: no reduction (PyBaMM's solid phase)");
        assertEquals(1.0, Bruggeman.transportEfficiency(1.0, 1.5), 0, "a separator of pure electrolyte");
        assertThrows(IllegalArgumentException.class, () -> Bruggeman.transportEfficiency(1.2, 1.5));
    }

    @Test
    void exchangeCurrentFollowsItsPowerLawAndArrhenius() {
        ExchangeCurrentDensity i0 = new ExchangeCurrentDensity(2e-5, 1.0, 0.5, 0.25, 40000, 298.15);
        double v = i0.at(1000, 10000, 25000, 298.15);
        assertEquals(2e-5 * 1000 * Math.sqrt(10000) * Math.pow(15000, 0.25), v, 1e-12 * v);
        assertEquals(2 * v, i0.at(2000, 10000, 25000, 298.15), 1e-12 * v, "first order in c_e");
        assertTrue(i0.at(1000, 10000, 25000, 318.15) > v, "faster when warmer");
        assertEquals(0, i0.at(1000, 25000, 25000, 298.15), 0, "no vacancies, no exchange");
    }

    @Test
    void butlerVolmerIsOddSymmetricAndLinearNearEquilibrium() {
        ButlerVolmerKinetics bv = ButlerVolmerKinetics.symmetric(ExchangeCurrentDensity.symmetric(1, 0, 298.15));
        double t = 298.15, f = Constants.F / (Constants.R * t);
        assertEquals(-bv.current(2.0, 0.05, t), bv.current(2.0, -0.05, t), 1e-12);
        assertEquals(2.0 * f * 1e-6, bv.current(2.0, 1e-6, t), 1e-9 * 2.0 * f * 1e-6, "charge-transfer resistance RT/(F i0)");
        ButlerVolmerKinetics asym = new ButlerVolmerKinetics(ExchangeCurrentDensity.symmetric(1, 0, 298.15), 0.5, 0.5);
        assertEquals(bv.current(1.0, 0.1, t), asym.current(1.0, 0.1, t), 1e-12);
    }

    @Test
    void diffusionPotentialCarriesTransferenceNumberAndThermodynamicFactor() {
        LiquidElectrolyte ideal = new LiquidElectrolyte("a", StateFunction.constant(1.0), StateFunction.constant(3e-10),
                StateFunction.constant(0.4), StateFunction.constant(1.0));
        LiquidElectrolyte nonIdeal = new LiquidElectrolyte("b", StateFunction.constant(1.0), StateFunction.constant(3e-10),
                StateFunction.constant(0.4), StateFunction.constant(2.0));
        LiquidElectrolyte singleIon = new LiquidElectrolyte("c", StateFunction.constant(1.0), StateFunction.constant(3e-10),
                StateFunction.constant(1.0), StateFunction.constant(1.0));
        double t = 298.15;
        double kd = new ConcentratedSolutionElectrolyte(ideal).diffusionalConductivity(1000, t, 0.5);
        assertEquals(0.5 * 2 * 0.6 * Constants.R * t / Constants.F, kd, 1e-15);
        assertEquals(2 * kd, new ConcentratedSolutionElectrolyte(nonIdeal).diffusionalConductivity(1000, t, 0.5), 1e-15);
        assertEquals(0, new ConcentratedSolutionElectrolyte(singleIon).diffusionalConductivity(1000, t, 0.5), 0,
                "t+ = 1 (single-ion conductor): no diffusion potential");
    }

    @Test
    void unsolvableInputIsNamedBeforeSolving() {
        DfnCell good = Marquis2019.cell();
        assertTrue(org.cellwright.solver.dfn.DfnInputCheck.problems(good).isEmpty(), "the reference cell passes");
        LiquidElectrolyte base = good.electrolyte();
        // a conductivity fit that turns negative above 2.19 M (a cubic used outside its range)
        LiquidElectrolyte bad = new LiquidElectrolyte("fit", (c, t) -> 1.2 - (c / 1000) * (c / 1000) / 4, base.diffusivity(),
                base.transferenceNumber(), base.thermodynamicFactor());
        DfnCell cell = new DfnCell(good.negative(), good.separator(), good.positive(), bad, 1000, 298.15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DfnSimulation(1e-4)
                .run(cell, new DfnMesh(4, 3, 4, 5), CurrentProfile.constant(24), new double[] {0, 10}, Double.NaN));
        assertTrue(e.getMessage().startsWith("fit: conductivity is ") && e.getMessage().contains("at c = 2200 mol/m3"), e.getMessage());
        LiquidElectrolyte noSalt = new LiquidElectrolyte("x", base.conductivity(), base.diffusivity(), StateFunction.constant(1.2), base.thermodynamicFactor());
        assertTrue(org.cellwright.solver.dfn.DfnInputCheck.problems(new DfnCell(good.negative(), good.separator(), good.positive(), noSalt, 1000, 298.15))
                .get(0).contains("transference number 1.2"));
        org.cellwright.solver.dfn.IntercalationElectrode g = good.negative();
        org.cellwright.solver.dfn.IntercalationElectrode overfull = new org.cellwright.solver.dfn.IntercalationElectrode(g.name(), g.thickness(),
                g.porosity(), g.activeFraction(), g.electrolyteBruggeman(), g.solid(), g.particle(), 30000, g.ocp(), g.kinetics());
        List<String> p = org.cellwright.solver.dfn.DfnInputCheck.problems(new DfnCell(overfull, good.separator(), good.positive(), base, 1000, 298.15));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("negative electrode initial concentration 30000.0 mol/m3 lies outside (0, c_max"), p.get(0));
    }

    @Test
    void restingCellHoldsItsOpenCircuitVoltage() {
        DfnSolution s = new DfnSimulation(1e-6).run(Marquis2019.cell(), new DfnMesh(5, 3, 5, 5), CurrentProfile.constant(0),
                new double[] {0, 100, 1000}, Double.NaN);
        double ocv = Marquis2019.lcoOcp(0.6) - Marquis2019.graphiteOcp(0.8);
        assertEquals(3.8518, ocv, 1e-4, "the reference README's initial OCV");
        for (double v : s.voltages()) assertEquals(ocv, v, 1e-9);
    }

    @Test
    void dischargeConservesLithiumAndSalt() {
        DfnCell cell = Marquis2019.cell();
        CurrentProfile current = t -> t <= 600 ? 48 : -24; // 2C discharge, then 1C charge (steps land on 600 s)
        DfnModel model = new DfnModel(cell, new DfnMesh(8, 4, 8, 8), current);
        VariableOrderBdf bdf = new VariableOrderBdf(model, 2, 1e-5);
        double[] y0 = model.initialState();
        double negative0 = model.lithiumInSolid(y0, 0), positive0 = model.lithiumInSolid(y0, 2), salt0 = model.saltInElectrolyte(y0);
        assertTrue(bdf.start(0, y0, 1e-3));
        while (bdf.time() < 600) assertTrue(bdf.step(600, 1e-9));
        assertTrue(bdf.restart(1e-3), "restart at the current step");
        while (bdf.time() < 900) assertTrue(bdf.step(900, 1e-9));
        double[] y = bdf.state();
        double passed = (48 * 600 - 24 * 300) / Constants.F; // mol/m2 moved from negative to positive
        assertEquals(negative0 - passed, model.lithiumInSolid(y, 0), 1e-9 * negative0);
        assertEquals(positive0 + passed, model.lithiumInSolid(y, 2), 1e-9 * positive0);
        assertEquals(salt0, model.saltInElectrolyte(y), 1e-10 * salt0, "the electrolyte neither gains nor loses salt");
    }

    @Test
    void theModelsJacobianHasTheDeclaredBorderedStructure() {
        DfnModel model = new DfnModel(Marquis2019.cell(), new DfnMesh(4, 3, 4, 5), CurrentProfile.constant(24));
        JacobianStructure.assertBordered(model);
    }

    @Test
    void borderedAndBandedSolvesAgree() {
        // the same DFN solved with the Schur-complement iteration matrix and with the plain band of a reordered copy
        DfnModel model = new DfnModel(Marquis2019.cell(), new DfnMesh(4, 3, 4, 5), CurrentProfile.constant(48));
        double[] times = {0, 60, 300};
        DfnSolution bordered = new DfnSimulation(1e-6).run(Marquis2019.cell(), new DfnMesh(4, 3, 4, 5), CurrentProfile.constant(48), times, Double.NaN);
        org.cellwright.solver.numerics.dae.DaeSystem banded = new org.cellwright.solver.numerics.dae.DaeSystem() {
            @Override public int size() { return model.size(); }
            @Override public void mass(double[] m) { model.mass(m); }
            @Override public void rhs(double t, double[] y, double[] f) { model.rhs(t, y, f); }
            @Override public int lowerBandwidth() { return model.size() - 1; }
            @Override public int upperBandwidth() { return model.size() - 1; }
            @Override public double absoluteTolerance(int i) { return model.absoluteTolerance(i); }
        };
        VariableOrderBdf bdf = new VariableOrderBdf(banded, 2, 1e-6);
        assertTrue(bdf.start(0, model.initialState(), 1e-3));
        double[] y = new double[model.size()];
        while (bdf.time() < 300) assertTrue(bdf.step(300, 1e-9));
        System.arraycopy(bdf.state(), 0, y, 0, y.length);
        assertEquals(model.voltage(300, y), bordered.last().voltage(), 2e-5);
    }

    @Test
    void higherRateGivesLowerVoltageAndLessCapacity() {
        double[] times = new double[361];
        for (int k = 0; k < times.length; k++) times[k] = 10 * k * 2;
        DfnSolution oneC = new DfnSimulation(1e-4).run(Marquis2019.cell(), new DfnMesh(10, 5, 10, 10), CurrentProfile.constant(24), times, Marquis2019.CUTOFF);
        DfnSolution twoC = new DfnSimulation(1e-4).run(Marquis2019.cell(), new DfnMesh(10, 5, 10, 10), CurrentProfile.constant(48), times, Marquis2019.CUTOFF);
        assertEquals("voltage cut-off", twoC.endReason());
        assertTrue(twoC.charge() < oneC.charge() || !"voltage cut-off".equals(oneC.endReason()));
        assertTrue(twoC.snapshots().get(10).voltage() < oneC.snapshots().get(10).voltage());
        assertTrue(twoC.charge() / 3600 > 15 && twoC.charge() / 3600 < 32.1, "Ah/m2 below the graphite's 32.1 Ah/m2 of lithium: " + twoC.charge() / 3600);
    }
}

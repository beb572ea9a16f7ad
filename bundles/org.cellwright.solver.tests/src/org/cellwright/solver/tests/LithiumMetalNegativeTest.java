package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.DfnInputCheck;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnModel;
import org.cellwright.solver.dfn.DfnSimulation;
import org.cellwright.solver.dfn.DfnSolution;
import org.cellwright.solver.dfn.LiquidElectrolyte;
import org.cellwright.solver.dfn.LithiumMetalExchangeCurrentDensity;
import org.cellwright.solver.dfn.PlanarLithiumElectrode;
import org.cellwright.solver.dfn.PowerProfile;
import org.cellwright.solver.dfn.StateFunction;
import org.cellwright.solver.numerics.dae.VariableOrderBdf;
import org.cellwright.solver.params.Chen2020;
import org.cellwright.solver.physics.Constants;
import org.junit.jupiter.api.Test;

/** Mixed cells: a planar lithium-metal negative (PlanarLithiumElectrode at x = 0) | liquid electrolyte | porous cathode. */
class LithiumMetalNegativeTest {
    private static final DfnMesh MESH = new DfnMesh(1, 5, 8, 8); // the negative count is unused: the foil has no domain

    /** The same cell with another foil. */
    private static DfnCell withFoil(DfnCell c, PlanarLithiumElectrode foil) {
        return new DfnCell(foil, c.separator(), c.positive(), c.electrolyte(), c.initialElectrolyteConcentration(), c.temperature());
    }

    @Test
    void xu2019ExchangeCurrentAndTheAsinhLawByHand() {
        // Xu 2019: i0 = 3.5e-8 F c_Li^0.7 c_e^0.3, c_Li = 1/1.3e-5 mol/m3: by hand 70.594 A/m2 at c_e = 1000 mol/m3
        LithiumMetalExchangeCurrentDensity i0 = LithiumMetalExchangeCurrentDensity.xu2019();
        assertEquals(3.5e-8 * 96485.33212 * Math.pow(1 / 1.3e-5, 0.7) * Math.pow(1000, 0.3), i0.at(1000, 298.15), 1e-12);
        assertEquals(70.594, i0.at(1000, 298.15), 1e-3);
        assertEquals(Math.pow(2, 0.3), i0.at(2000, 298.15) / i0.at(1000, 298.15), 1e-12, "c_e^0.3");
        PlanarLithiumElectrode foil = new PlanarLithiumElectrode("Li", 0, 1, i0, 0.5);
        // eta = 2RT/F asinh(I / (2 i0)): 17.387 mV at 48.69 A/m2 (1C of Chen 2020) by hand
        assertEquals(0.0173869, foil.overpotential(48.69, 1000, 298.15), 1e-7);
        assertEquals(-foil.overpotential(48.69, 1000, 298.15), foil.overpotential(-48.69, 1000, 298.15), 1e-15, "plating mirrors stripping");
        // asymmetric transfer coefficients: the overpotential carries the current through the full Butler-Volmer law
        PlanarLithiumElectrode skewed = new PlanarLithiumElectrode("Li", 0, 1, i0, 0.3);
        double eta = skewed.overpotential(48.69, 1000, 298.15), f = Constants.F / (Constants.R * 298.15);
        assertEquals(48.69, i0.at(1000, 298.15) * (Math.exp(0.3 * f * eta) - Math.exp(-0.7 * f * eta)), 1e-9);
    }

    @Test
    void jacobianHasTheDeclaredBorderedStructure() {
        JacobianStructure.assertBordered(new DfnModel(Chen2020.lithiumMetalHalfCell(0.2594), MESH, t -> Chen2020.ONE_C));
        JacobianStructure.assertBordered(new DfnModel(Chen2020.lithiumMetalHalfCell(1.0), MESH, t -> Chen2020.ONE_C));
    }

    @Test
    void restingCellShowsTheCathodeOcpAgainstLithium() {
        DfnCell cell = Chen2020.lithiumMetalHalfCell(0.2594);
        DfnSolution s = new DfnSimulation(1e-6).run(cell, MESH, CurrentProfile.constant(0), new double[] {0, 100}, Double.NaN);
        double u = Chen2020.nmcOcp(17038.0 / 63104);
        assertEquals(u, s.last().voltage(), 1e-9, "V = U_p(x0) - 0 at rest");
        assertEquals(u, s.last().openCircuitVoltage(), 1e-9, "the foil is the Li/Li+ reference");
    }

    @Test
    void foilOverpotentialAndOhmicDropShiftTheVoltageByTheirHandValues() {
        // t+ = 1: the salt stays uniform, so the foil only shifts phi_e by its -I L/sigma - eta: V differs by exactly that
        // the ideal foil: no ohmic drop (infinite conductivity), 1 mm of lithium (a foil of 0 um has none to strip)
        DfnCell fast = withFoil(Chen2020.lithiumMetalHalfCell(1.0), new PlanarLithiumElectrode("ideal", 1e-3, Double.POSITIVE_INFINITY,
                StateFunction.constant(1e9), 0.5));
        DfnCell real = Chen2020.lithiumMetalHalfCell(1.0);
        double i = Chen2020.ONE_C;
        double[] out = {0, 60, 300};
        DfnSolution a = new DfnSimulation(1e-9).run(fast, MESH, CurrentProfile.constant(i), out, Double.NaN);
        DfnSolution b = new DfnSimulation(1e-9).run(real, MESH, CurrentProfile.constant(i), out, Double.NaN);
        double handEta = 2 * Constants.R * 298.15 / Constants.F * asinh(i / (2 * 70.594194)), handOhm = i * 85.2e-6 / 215;
        for (int k = 0; k < out.length; k++) {
            assertEquals(handEta + handOhm, a.snapshots().get(k).voltage() - b.snapshots().get(k).voltage(), 1e-6, "t = " + out[k]);
            double[] ce = b.snapshots().get(k).electrolyteConcentration();
            for (double c : ce) assertEquals(1000, c, 1e-6, "single-ion: uniform salt");
        }
        assertEquals(0.0173855 + 1.9293e-5, handEta + handOhm, 1e-6); // 1C = 48.685 A/m2
    }

    @Test
    void lithiumAndSaltAreConservedThroughDischargeAndCharge() {
        DfnCell cell = Chen2020.lithiumMetalHalfCell(0.2594);
        DfnModel model = new DfnModel(cell, MESH, t -> t <= 600 ? Chen2020.ONE_C : -0.5 * Chen2020.ONE_C);
        VariableOrderBdf bdf = new VariableOrderBdf(model, 1, 1e-6);
        double[] y0 = model.initialState();
        double solid0 = model.lithiumInSolid(y0, 2), salt0 = model.saltInElectrolyte(y0);
        assertEquals(0, model.lithiumInSolid(y0, 0), 0, "a foil has no particles");
        assertTrue(bdf.start(0, y0, 1e-3));
        double[] ce = null;
        for (double end : new double[] {600, 900}) {
            if (end > 600) assertTrue(bdf.restart(1e-3));
            while (bdf.time() < end) assertTrue(bdf.step(end, 1e-9));
            if (end == 600) {
                double[] y = bdf.state();
                ce = new double[] {y[model.start(0) + 0], y[model.start(model.mesh().cells() - 1) + 0]};
            }
        }
        double[] y = bdf.state();
        double passed = (Chen2020.ONE_C * 600 - 0.5 * Chen2020.ONE_C * 300) / Constants.F;
        assertEquals(passed, model.lithiumInSolid(y, 2) - solid0, 1e-6 * passed, "the cathode gains integral I / F from the foil");
        assertEquals(salt0, model.saltInElectrolyte(y), 1e-9 * salt0, "Li+ enters at the foil as it leaves into the cathode: salt conserved");
        // t+ < 1 on discharge: salt accumulates at the foil (it is produced there) and depletes in the cathode
        assertTrue(ce[0] > 1000 && ce[1] < 1000, "c_e at the foil " + ce[0] + ", at the collector " + ce[1]);
    }

    @Test
    void halfCellDischargeDeliversPyBammsCapacity() {
        DfnCell cell = Chen2020.lithiumMetalHalfCell(1.0);
        double[] out = new double[501];
        for (int i = 0; i < out.length; i++) out[i] = 10.0 * i;
        DfnSolution s = new DfnSimulation(1e-4).run(cell, MESH, CurrentProfile.constant(Chen2020.ONE_C), out, Chen2020.CUTOFF);
        // PyBaMM 26.8 on the benchmark mesh ends at 4135.7 s (bench/pybamm/chen2020_half_1C_pybamm_rtol1e-8.csv); this
        // coarse mesh (5/8 x 8) within 0.5 %
        assertEquals(4135.7, s.last().time(), 20, s.endReason());
        // there the cathode's particles saturate (i0 ~ (cmax - cs)^1/2 -> 0, the OCP's barrier at x -> 1): the voltage
        // falls to its cut-off through the model (StoichiometryBarrierTest)
        assertEquals("voltage cut-off", s.endReason());
        assertEquals(Chen2020.CUTOFF, s.last().voltage(), 1e-3);
    }

    @Test
    void inputCheckNamesTheFoilAndAcceptsASingleIonElectrolyte() {
        DfnCell half = Chen2020.lithiumMetalHalfCell(1.0);
        assertTrue(DfnInputCheck.problems(half).isEmpty(), "t+ = 1 is a single-ion conductor: " + DfnInputCheck.problems(half));
        LiquidElectrolyte e = half.electrolyte();
        LiquidElectrolyte over = new LiquidElectrolyte("over", e.conductivity(), e.diffusivity(), StateFunction.constant(1.2), e.thermodynamicFactor());
        DfnCell bad = new DfnCell(half.negativeElectrode(), half.separator(), half.positive(), over, 1000, 298.15);
        assertTrue(DfnInputCheck.problems(bad).get(0).contains("transference number 1.2"), DfnInputCheck.problems(bad).toString());
        List<String> p = DfnInputCheck.problems(withFoil(half, new PlanarLithiumElectrode("Li", 1e-4, 1e7, StateFunction.constant(0), 0.5)));
        assertTrue(p.get(0).startsWith("negative electrode (lithium metal) exchange current 0"), p.toString());
        assertThrows(IllegalStateException.class, half::negative, "no porous negative to give");
    }

    /**
     * Power control of a half cell: the foil takes the ionic current of the separator's first face (local rows, the
     * band of the interior); V I = P at every output, the energy delivered is P t, and a controlled model under current
     * control gives the plain model's voltage (the foil's local current is the applied one).
     */
    @Test
    void powerControlHoldsVTimesIAtThePowerAndCurrentControlIsUnchanged() {
        DfnCell half = Chen2020.lithiumMetalHalfCell(0.2594);
        DfnModel atPower = DfnModel.atPower(half, MESH, PowerProfile.constant(150));
        assertEquals(new DfnModel(half, MESH, t -> 10).coreSize() + 1, atPower.coreSize(), "the current is one more core unknown");
        JacobianStructure.assertBordered(atPower);
        double[] out = new double[121];
        for (int i = 0; i < out.length; i++) out[i] = 10.0 * i;
        DfnSolution s = new DfnSimulation(1e-5).runAtPower(half, MESH, PowerProfile.constant(150), out, Chen2020.CUTOFF, new double[0]);
        assertEquals("end of time", s.endReason());
        for (DfnSolution.Snapshot sn : s.snapshots()) assertEquals(150, sn.power(), 1e-4 * 150, "V I = P at t = " + sn.time());
        assertEquals(150 * 1200, s.energy(), 1e-4 * 150 * 1200, "energy delivered = P t [J/m2]");
        assertTrue(s.last().current() > s.snapshots().get(1).current(), "the current rises as the voltage falls");
        // about 0.8 C at 3.9 V: the current the cathode's OCP and the foil's overpotential give
        assertTrue(s.last().current() > 0.6 * Chen2020.ONE_C && s.last().current() < 1.0 * Chen2020.ONE_C, s.last().current() + " A/m2");

        DfnModel controlled = DfnModel.controlled(half, MESH, t -> Chen2020.ONE_C, PowerProfile.constant(150));
        DfnModel plain = new DfnModel(half, MESH, t -> Chen2020.ONE_C);
        VariableOrderBdf a = new VariableOrderBdf(controlled, 2, 1e-6), b = new VariableOrderBdf(plain, 2, 1e-6);
        assertTrue(a.start(0, controlled.initialState(), 1e-3) && b.start(0, plain.initialState(), 1e-3));
        while (a.time() < 600) assertTrue(a.step(600, 1e-9));
        while (b.time() < 600) assertTrue(b.step(600, 1e-9));
        assertEquals(plain.voltage(600, b.state()), controlled.voltage(600, a.state()), 1e-5, "current control: the plain model's voltage");
        controlled.controlByPower(true);
        assertTrue(a.restart(1e-3), "the current jumps to meet the power");
        while (a.time() < 900) assertTrue(a.step(900, 1e-9));
        double[] y = a.state();
        assertEquals(150, controlled.current(900, y) * controlled.voltage(900, y), 1e-6 * 150);
    }

    private static double asinh(double x) { return Math.log(x + Math.sqrt(x * x + 1)); }
}

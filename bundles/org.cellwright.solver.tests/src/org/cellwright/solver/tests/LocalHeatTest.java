package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cellwright.solver.dfn.CellModel;
import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnModel;
import org.cellwright.solver.dfn.HeatOfMixing;
import org.cellwright.solver.dfn.LocalHeat;
import org.cellwright.solver.dfn.LumpedThermal;
import org.cellwright.solver.dfn.ParticlePopulation;
import org.cellwright.solver.dfn.SingleParticleModel;
import org.cellwright.solver.numerics.dae.VariableOrderBdf;
import org.cellwright.solver.params.Chen2020;
import org.cellwright.solver.params.Marquis2019;
import org.cellwright.solver.physics.Constants;
import org.junit.jupiter.api.Test;

/**
 * The local heat source (LocalHeat) against the energy balance it must satisfy at every consistent state: the ohmic heat
 * of the two phases plus the reaction heat (plus the foil's) is the electrical work the cell does not deliver against the
 * particle-surface OCPs, -I V - sum_k integral a_k j_k U_k(c_s,surf) dx (the two charge balances summed by parts). The
 * identity needs every term, each with its own sign and face conductance: leaving out the electrolyte's diffusional
 * term, or a boundary half cell, breaks it by far more than its tolerance.
 */
class LocalHeatTest {

    /** -I V - sum over electrode cells and populations of a_k j_k U_k(surface) dx [W/m2]: the heat the identity predicts. */
    static double surfaceWork(DfnModel m, double t, double[] y) {
        double w = -m.current(t, y) * m.voltage(t, y);
        var mesh = m.mesh();
        for (int d = 0; d <= 2; d += 2) {
            if (m.populations(d) == 0) continue; // the foil: U = 0 (the Li/Li+ reference)
            int g0 = mesh.firstCell(d), n = mesh.domains().get(d).cells();
            for (int g = g0; g < g0 + n; g++)
                for (int k = 0; k < m.populations(d); k++) {
                    ParticlePopulation p = m.population(d, k);
                    double x = m.surfaceConcentration(y, g, k) / p.particle().maximumConcentration();
                    w -= p.specificSurface() * m.reactionCurrent(y, g, k) * p.ocp().at(x, m.temperature()) * mesh.width(g);
                }
        }
        return w;
    }

    /** Integrates the cell at current i and checks the identity at the given times. */
    static void checkIdentity(DfnCell cell, DfnMesh mesh, double i, double... times) {
        DfnModel m = new DfnModel(cell, mesh, t -> i);
        VariableOrderBdf bdf = new VariableOrderBdf(m, 2, 1e-8);
        assertTrue(bdf.start(0, m.initialState(), 1e-3));
        for (double t : times) {
            while (bdf.time() < t) assertTrue(bdf.step(t, 1e-9), "to " + t + " s");
            double[] y = bdf.state();
            LocalHeat h = LocalHeat.of(m, bdf.time(), y);
            double expected = surfaceWork(m, bdf.time(), y);
            double electrolyte = h.integral(h.electrolyteOhmic()), solid = h.integral(h.solidOhmic()), reaction = h.integral(h.reaction());
            System.out.printf(java.util.Locale.ROOT, "%s at %.0f s: solid %.5g, electrolyte %.5g, reaction %.5g, foil %.5g + %.5g, reversible %.5g W/m2;"
                    + " local irreversible %.8g, -IV - sum a j U_surf dx %.8g%n", cell.positive().name(), bdf.time(), solid, electrolyte, reaction,
                    h.foilOhmic(), h.foilReaction(), h.reversibleTotal(), h.irreversible(), expected);
            assertEquals(expected, h.irreversible(), 1e-6 * Math.abs(expected), "the energy identity at t = " + bdf.time() + " s");
            assertTrue(solid > 0 && electrolyte > 0 && reaction > 0, "each irreversible term is a loss");
            for (int g = 0; g < m.mesh().cells(); g++) {
                assertTrue(h.solidOhmic()[g] >= 0, "sigma |grad phi_s|^2 >= 0 at cell " + g);
                assertTrue(h.reaction()[g] >= -1e-9 * Math.abs(expected), "a j eta >= 0 (Butler-Volmer) at cell " + g);
            }
        }
    }

    @Test
    void theIrreversibleHeatIsTheWorkNotDeliveredAgainstTheSurfaceOcps() {
        // two porous electrodes, a concentrated electrolyte with salt gradients (the diffusional term matters), discharge and charge
        checkIdentity(Marquis2019.cell(), new DfnMesh(8, 4, 8, 8), 2 * Marquis2019.ONE_C, 0, 60, 600);
        checkIdentity(Marquis2019.cell(), new DfnMesh(8, 4, 8, 8), -Marquis2019.ONE_C, 0, 300);
        // with OCP hysteresis in the graphite the reaction follows a branch: a j (U_branch - U_eq) joins the heat
        DfnCell hysteretic = HysteresisTest.withHysteresis(Marquis2019.cell());
        checkIdentity(hysteretic, new DfnMesh(8, 4, 8, 8), Marquis2019.ONE_C, 0, 300);
        DfnModel m = new DfnModel(hysteretic, new DfnMesh(8, 4, 8, 8), t -> Marquis2019.ONE_C);
        VariableOrderBdf bdf = new VariableOrderBdf(m, 2, 1e-8);
        assertTrue(bdf.start(0, m.initialState(), 1e-3));
        LocalHeat h = LocalHeat.of(m, 0, bdf.state());
        // the graphite delithiates on discharge on its upper branch, HALF_GAP above the mean: I HALF_GAP in all
        assertEquals(Marquis2019.ONE_C * HysteresisTest.HALF_GAP, h.integral(h.hysteresis()), 1e-6 * Marquis2019.ONE_C * HysteresisTest.HALF_GAP);
    }

    @Test
    void aLithiumMetalFoilAddsItsOhmicAndReactionHeat() {
        // Chen 2020's NMC811 against Li metal with the set's own electrolyte (t+ = 0.2594): the foil's I^2 L / sigma and I eta
        DfnCell cell = Chen2020.lithiumMetalHalfCell(0.2594);
        checkIdentity(cell, new DfnMesh(1, 5, 8, 8), Chen2020.ONE_C, 0, 120, 1200);
        DfnModel m = new DfnModel(cell, new DfnMesh(1, 5, 8, 8), t -> Chen2020.ONE_C);
        VariableOrderBdf bdf = new VariableOrderBdf(m, 2, 1e-8);
        assertTrue(bdf.start(0, m.initialState(), 1e-3));
        LocalHeat h = LocalHeat.of(m, 0, bdf.state());
        var foil = cell.lithiumMetal();
        assertEquals(Chen2020.ONE_C * Chen2020.ONE_C * foil.thickness() / foil.conductivity(), h.foilOhmic(), 1e-12, "I^2 L / sigma");
        assertTrue(h.foilReaction() > 0, "stripping at eta > 0");
    }

    /**
     * LocalHeat takes the electrolyte's per-cell properties (conductivity, diffusional conductivity, ln c_e, and at a foil
     * t+ and D for the surface concentration) from the model's one evaluation of them, DfnModel.electrolyteCells, for the
     * state it is given: the heat of a state is the same whatever state the model's residual saw last.
     */
    @Test
    void theHeatIsOfItsOwnStateWhateverStateTheModelEvaluatedLast() {
        sameHeatAfterAnotherState(Chen2020.lithiumMetalHalfCell(0.2594), new DfnMesh(1, 5, 8, 8), Chen2020.ONE_C);
        sameHeatAfterAnotherState(Marquis2019.cell(), new DfnMesh(8, 4, 8, 8), 2 * Marquis2019.ONE_C);
    }

    static void sameHeatAfterAnotherState(DfnCell cell, DfnMesh mesh, double i) {
        DfnModel m = new DfnModel(cell, mesh, t -> i);
        VariableOrderBdf bdf = new VariableOrderBdf(m, 2, 1e-8);
        assertTrue(bdf.start(0, m.initialState(), 1e-3));
        while (bdf.time() < 300) assertTrue(bdf.step(300, 1e-9));
        double t = bdf.time();
        double[] y = bdf.state().clone();
        LocalHeat a = LocalHeat.of(m, t, y);
        m.rhs(t, m.initialState(), new double[y.length]); // the electrolyte at rest: uniform c_e
        LocalHeat b = LocalHeat.of(m, t, y);
        String name = cell.positive().name();
        assertTrue(a.integral(a.electrolyteOhmic()) > 0, name);
        assertArrayEquals(a.electrolyteOhmic(), b.electrolyteOhmic(), name);
        assertEquals(a.foilReaction(), b.foilReaction(), name);
        assertEquals(a.total(), b.total(), name);
    }

    /**
     * Bernardi's heat with the OCPs at the mean stoichiometries, I (U_oc - V), is the local heat plus the heat of mixing
     * (HeatOfMixing: the particles' diffusion dissipating down dU/dc) less the rate at which the particles' concentration
     * gradients store energy, dE_mix/dt = F sum over shells (U(c) - U(x_mean)) dn/dt (dn/dt from the model's own
     * particle balances): I (U_oc - V) = q_local + Q_mix - dE_mix/dt at every consistent state. Leaving the heat of mixing
     * out of the local heat is then what keeps the stored energy out of the temperature.
     */
    @Test
    void bernardisHeatIsTheLocalHeatPlusTheHeatOfMixingLessTheEnergyTheGradientsStore() {
        DfnModel m = new DfnModel(Marquis2019.cell(), new DfnMesh(8, 4, 8, 8), t -> 2 * Marquis2019.ONE_C);
        VariableOrderBdf bdf = new VariableOrderBdf(m, 2, 1e-8);
        assertTrue(bdf.start(0, m.initialState(), 1e-3));
        for (double t : new double[] { 60, 600, 1500 }) {
            while (bdf.time() < t) assertTrue(bdf.step(t, 1e-9), "to " + t + " s");
            double[] y = bdf.state(), f = new double[m.size()];
            double time = bdf.time();
            m.rhs(time, y, f); // the particle rows: V_shell dc/dt per steradian
            LocalHeat h = LocalHeat.of(m, time, y);
            double mixing = h.integral(HeatOfMixing.of(m, y)), stored = 0;
            var mesh = m.mesh();
            for (int d = 0; d <= 2; d += 2)
                for (int k = 0; k < m.populations(d); k++) {
                    ParticlePopulation p = m.population(d, k);
                    double cMax = p.particle().maximumConcentration(), uMean = p.ocp().at(m.meanStoichiometry(y, d, k), m.temperature());
                    double r = p.particle().radius(), perSteradian = p.specificSurface() / (r * r); // eps_s / (R^3/3) = a / R^2
                    int g0 = mesh.firstCell(d), n = mesh.domains().get(d).cells(), shells = m.particleMesh(d, k).shells();
                    for (int g = g0; g < g0 + n; g++)
                        for (int s = 0; s < shells; s++) {
                            int i = m.particleStart(g, k) + s;
                            stored += Constants.F * (p.ocp().at(y[i] / cMax, m.temperature()) - uMean) * perSteradian * mesh.width(g) * f[i];
                        }
                }
            double bernardi = LumpedThermal.heatGeneration(m.current(time, y), m.openCircuitVoltage(y), m.voltage(time, y));
            System.out.printf(java.util.Locale.ROOT, "at %.0f s: I (U_oc - V) %.8g W/m2; local %.8g + mixing %.6g - stored %.6g = %.8g%n", time, bernardi,
                    h.irreversible(), mixing, stored, h.irreversible() + mixing - stored);
            assertEquals(bernardi, h.irreversible() + mixing - stored, 1e-6 * Math.abs(bernardi), "at " + time + " s");
            assertTrue(mixing > 0, "diffusion down the chemical potential dissipates");
            assertTrue(bernardi > h.irreversible(), "the discharge builds up gradients: Bernardi's heat exceeds the local one");
        }
    }

    /**
     * A single-particle cell's heat is the same LocalHeat, per electrode and without ohmic parts: its irreversible heat
     * is the work not delivered against the particle-surface OCPs, I (U_p(x_p,surf) - U_n(x_n,surf) - V), below
     * Bernardi's I (U_oc - V) at the mean stoichiometries while a discharge builds up gradients (it counts neither the
     * heat of mixing nor the energy the gradients store); its reversible heat a j T dU/dT at the surfaces,
     * I T (dU_n/dT - dU_p/dT); with OCP hysteresis the branch's heat I HALF_GAP, as the DFN's.
     */
    @Test
    void aSingleParticleCellsHeatIsTheWorkNotDeliveredAgainstItsSurfaceOcps() {
        double i = 2 * Marquis2019.ONE_C;
        SingleParticleModel m = new SingleParticleModel(SingleParticleModelTest.spm(), 20, t -> i);
        VariableOrderBdf bdf = new VariableOrderBdf(m, 2, 1e-8);
        assertTrue(bdf.start(0, m.initialState(), 1e-3));
        for (double t : new double[] { 60, 600, 1200 }) {
            while (bdf.time() < t) assertTrue(bdf.step(t, 1e-9), "to " + t + " s");
            double[] y = bdf.state();
            double time = bdf.time(), temp = m.temperature(), v = m.voltage(time, y);
            LocalHeat h = LocalHeat.of(m, time, y);
            assertEquals(h.total(), LocalHeat.of((CellModel) m, time, y).total(), 0, "the CellModel's heat is the same");
            var un = m.population(0).ocp();
            var up = m.population(2).ocp();
            double xn = m.surfaceConcentration(y, 0, i) / m.population(0).particle().maximumConcentration();
            double xp = m.surfaceConcentration(y, 2, i) / m.population(2).particle().maximumConcentration();
            double expected = i * (up.at(xp, temp) - un.at(xn, temp) - v);
            System.out.printf(java.util.Locale.ROOT, "SPM at %.0f s: reaction %.8g (negative %.5g, positive %.5g), reversible %.5g W/m2;"
                    + " I (U_surf - V) %.8g, Bernardi %.8g%n", time, h.irreversible(), h.reaction()[0] * h.width()[0],
                    h.reaction()[1] * h.width()[1], h.reversibleTotal(), expected, LumpedThermal.heatGeneration(i, m.openCircuitVoltage(y), v));
            assertEquals(expected, h.irreversible(), 1e-9 * Math.abs(expected), "the energy identity at t = " + time + " s");
            assertEquals(0, h.ohmic(), 0, "no ohmic heat");
            assertTrue(h.reaction()[0] > 0 && h.reaction()[1] > 0, "a j eta > 0 in each electrode (Butler-Volmer)");
            double reversible = i * temp * (un.entropicChange(xn, temp) - up.entropicChange(xp, temp));
            assertTrue(Math.abs(reversible) > 0, "the Marquis set has entropic coefficients");
            assertEquals(reversible, h.reversibleTotal(), 1e-9 * Math.abs(reversible), "I T (dU_n/dT - dU_p/dT) at the surfaces");
            assertTrue(LumpedThermal.heatGeneration(i, m.openCircuitVoltage(y), v) > h.irreversible(),
                    "the discharge builds up gradients: Bernardi's heat exceeds the local one");
        }
        var hysteretic = HysteresisTest.withHysteresis(Marquis2019.cell());
        SingleParticleModel hm = new SingleParticleModel(DfnCell.singleParticle(hysteretic.negative(), hysteretic.positive(),
                hysteretic.initialElectrolyteConcentration(), hysteretic.temperature()), 20, t -> Marquis2019.ONE_C);
        LocalHeat h = LocalHeat.of(hm, 0, hm.initialState());
        assertEquals(Marquis2019.ONE_C * HysteresisTest.HALF_GAP, h.integral(h.hysteresis()), 1e-6 * Marquis2019.ONE_C * HysteresisTest.HALF_GAP,
                "the graphite delithiates on its upper branch, HALF_GAP above the mean");
    }
}

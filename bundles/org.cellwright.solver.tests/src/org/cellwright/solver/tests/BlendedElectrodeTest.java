package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cellwright.solver.dfn.ButlerVolmerKinetics;
import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.DfnInputCheck;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnModel;
import org.cellwright.solver.dfn.DfnSimulation;
import org.cellwright.solver.dfn.DfnSolution;
import org.cellwright.solver.dfn.ExchangeCurrentDensity;
import org.cellwright.solver.dfn.FickianParticle;
import org.cellwright.solver.dfn.IntercalationElectrode;
import org.cellwright.solver.dfn.OpenCircuitPotential;
import org.cellwright.solver.dfn.ParticlePopulation;
import org.cellwright.solver.numerics.dae.VariableOrderBdf;
import org.cellwright.solver.params.Marquis2019;
import org.cellwright.solver.physics.Constants;
import org.junit.jupiter.api.Test;

/** Blended electrodes: particle populations reacting in parallel on one solid and one electrolyte potential. */
class BlendedElectrodeTest {

    /** The electrode's one population split into two identical ones of fractions f and 1 - f. */
    static IntercalationElectrode split(IntercalationElectrode e, double f) {
        ParticlePopulation p = e.population();
        return e.withPopulations(List.of(
                new ParticlePopulation("a", f * p.activeFraction(), p.particle(), p.initialConcentration(), p.ocp(), p.kinetics()),
                new ParticlePopulation("b", (1 - f) * p.activeFraction(), p.particle(), p.initialConcentration(), p.ocp(), p.kinetics())));
    }

    static double[] times(double end, double step) {
        double[] t = new double[(int) Math.round(end / step) + 1];
        for (int i = 0; i < t.length; i++) t[i] = i * step;
        return t;
    }

    @Test
    void aBlendOfTwoIdenticalHalvesIsTheSinglePopulation() {
        DfnCell single = Marquis2019.cell();
        DfnCell blend = new DfnCell(split(single.negative(), 0.5), single.separator(), split(single.positive(), 0.5), single.electrolyte(),
                single.initialElectrolyteConcentration(), single.temperature());
        assertEquals(single.positive().specificSurface(), blend.positive().specificSurface(), 1e-9);
        assertEquals(single.negative().capacityPerArea(), blend.negative().capacityPerArea(), 1e-9 * single.negative().capacityPerArea());
        DfnMesh mesh = new DfnMesh(8, 4, 8, 8);
        double[] t = times(3600, 60);
        DfnSolution a = new DfnSimulation(1e-6).run(single, mesh, CurrentProfile.constant(2 * Marquis2019.ONE_C), t, Marquis2019.CUTOFF);
        DfnSolution b = new DfnSimulation(1e-6).run(blend, mesh, CurrentProfile.constant(2 * Marquis2019.ONE_C), t, Marquis2019.CUTOFF);
        assertEquals("voltage cut-off", a.endReason());
        assertEquals(a.endReason(), b.endReason());
        assertEquals(a.last().time(), b.last().time(), 0.5, "the same cut-off time");
        for (int k = 0; k < a.snapshots().size() - 1; k++)
            assertEquals(a.snapshots().get(k).voltage(), b.snapshots().get(k).voltage(), 1e-5, "t = " + a.snapshots().get(k).time());
    }

    /** A second cathode population: its own radius, diffusivity, exchange current and maximum concentration. */
    static ParticlePopulation secondCathode(double fraction, double x0, OpenCircuitPotential ocp) {
        double cMax = 48000;
        return new ParticlePopulation("second", fraction, new FickianParticle(4e-6, cMax, (x, t) -> 3e-14), x0 * cMax, ocp,
                ButlerVolmerKinetics.symmetric(ExchangeCurrentDensity.symmetric(2e-6, 0, Marquis2019.T_REF)));
    }

    @Test
    void eachPopulationGainsTheLithiumItsReactionCurrentCarries() {
        DfnCell m = Marquis2019.cell();
        ParticlePopulation lco = m.positive().population();
        ParticlePopulation lco1 = new ParticlePopulation("LCO", 0.3, lco.particle(), lco.initialConcentration(), lco.ocp(), lco.kinetics());
        // same OCP curve (so the blend starts near rest), other particle data
        IntercalationElectrode positive = m.positive().withPopulations(List.of(lco1, secondCathode(0.2, 0.6, lco.ocp())));
        DfnCell cell = new DfnCell(m.negative(), m.separator(), positive, m.electrolyte(), 1000, Marquis2019.T_REF);
        assertTrue(DfnInputCheck.problems(cell).isEmpty(), DfnInputCheck.problems(cell).toString());
        DfnModel model = new DfnModel(cell, new DfnMesh(6, 3, 6, 6), t -> t <= 600 ? 48 : -24);
        // implicit Euler: the particle balance M (y1 - y0) / h = f(y1) makes content changes exactly h R_k(y1) / F
        VariableOrderBdf bdf = new VariableOrderBdf(model, 1, 1e-5);
        double[] y0 = model.initialState();
        double[] before = {model.lithiumInSolid(y0, 2, 0), model.lithiumInSolid(y0, 2, 1)};
        double negative0 = model.lithiumInSolid(y0, 0);
        assertTrue(bdf.start(0, y0, 1e-3));
        double[] reacted = new double[2];
        for (double end : new double[] {600, 900}) {
            if (end > 600) assertTrue(bdf.restart(1e-3));
            while (bdf.time() < end) {
                double t0 = bdf.time();
                assertTrue(bdf.step(end, 1e-9));
                for (int k = 0; k < 2; k++) reacted[k] += (bdf.time() - t0) * model.populationCurrent(bdf.state(), 2, k) / Constants.F;
            }
        }
        double[] y = bdf.state();
        double passed = (48 * 600 - 24 * 300) / Constants.F;
        for (int k = 0; k < 2; k++) {
            double gained = model.lithiumInSolid(y, 2, k) - before[k];
            assertEquals(-reacted[k], gained, 1e-6 * before[k], "population " + k + ": lithium gained = -integral of R_k / F (to the Newton tolerance)");
            assertTrue(gained > 0.05 * passed, "both populations take part: " + gained);
        }
        assertEquals(passed, model.lithiumInSolid(y, 2) - before[0] - before[1], 1e-6 * passed, "together they gain integral I / F");
        assertEquals(negative0 - passed, model.lithiumInSolid(y, 0), 1e-6 * passed);
    }

    /** Ideal-solution (Nernst) OCP U0 - RT/F ln(x / (1 - x)): a plateau-free curve centred on U0. */
    static OpenCircuitPotential nernst(double u0) {
        return (x, t) -> {
            double s = Math.min(Math.max(x, 1e-9), 1 - 1e-9);
            return u0 - Constants.R * t / Constants.F * Math.log(s / (1 - s));
        };
    }

    static double stoichiometryAt(double u0, double potential, double t) {
        double r = Math.exp((u0 - potential) * Constants.F / (Constants.R * t));
        return r / (1 + r);
    }

    @Test
    void atLowRateTheHigherPotentialPopulationLithiatesFirstAndTheLowerOneDelithiatesFirst() {
        DfnCell m = Marquis2019.cell();
        double t = Marquis2019.T_REF;
        ParticlePopulation lco = m.positive().population();
        // two cathode populations at rest with each other at 4.136 V: the high one (4.1 V) at x = 0.2, the low one (3.9 V) near
        // empty, where its surface OCP (the model's, with the stoichiometry barrier: 0.5 V at the Nernst x = 1e-4) is 4.136 V
        double start = 4.1 - Constants.R * t / Constants.F * Math.log(0.25);
        ParticlePopulation low0 = new ParticlePopulation("low", 0.25, lco.particle(), 0, nernst(3.9), lco.kinetics());
        double xLo = stoichiometryAt(3.9, start, t), xHi = 0.02; // the surface OCP falls with x: bisection
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (xLo + xHi);
            if (low0.surfaceOcp(mid, t, 0) > start) xLo = mid; else xHi = mid;
        }
        ParticlePopulation low = new ParticlePopulation("low", 0.25, lco.particle(), xLo * lco.particle().maximumConcentration(),
                nernst(3.9), lco.kinetics());
        assertEquals(start, low.surfaceOcp(xLo, t, 0), 1e-9);
        ParticlePopulation high = secondCathode(0.1, stoichiometryAt(4.1, start, t), nernst(4.1));
        assertEquals(0.2, high.initialConcentration() / high.particle().maximumConcentration(), 1e-12);
        DfnCell cell = new DfnCell(m.negative(), m.separator(), m.positive().withPopulations(List.of(low, high)), m.electrolyte(), 1000, t);
        double rate = 0.1 * Marquis2019.ONE_C;
        DfnModel discharge = new DfnModel(cell, new DfnMesh(5, 3, 5, 6), CurrentProfile.constant(rate));
        VariableOrderBdf bdf = new VariableOrderBdf(discharge, 2, 1e-5);
        assertTrue(bdf.start(0, discharge.initialState(), 1e-3), "consistent start");
        double[] y = bdf.state();
        while (discharge.meanStoichiometry(y, 2, 1) < 0.9) {
            assertTrue(bdf.step(1e6, 1e-9), "t = " + bdf.time() + " x = " + discharge.meanStoichiometry(y, 2, 0) + ", " + discharge.meanStoichiometry(y, 2, 1));
            y = bdf.state();
        }
        double lowAtHighFull = discharge.meanStoichiometry(y, 2, 0);
        assertTrue(lowAtHighFull < 0.05, "the 3.9 V population waits while the 4.1 V one fills to 0.9: x_low = " + lowAtHighFull);
        // go on until the low population has taken 0.3, then charge back: the low one gives its lithium up first
        while (discharge.meanStoichiometry(y, 2, 0) < 0.3) {
            assertTrue(bdf.step(1e6, 1e-9), "b t = " + bdf.time() + " x = " + discharge.meanStoichiometry(y, 2, 0) + ", " + discharge.meanStoichiometry(y, 2, 1) + " V " + discharge.voltage(bdf.time(), y));
            y = bdf.state();
        }
        assertTrue(discharge.meanStoichiometry(y, 2, 1) > 0.98, "the high population is full by now");
        double turn = bdf.time();
        double xLow = discharge.meanStoichiometry(y, 2, 0), xHigh = discharge.meanStoichiometry(y, 2, 1);
        DfnModel cycle = new DfnModel(cell, new DfnMesh(5, 3, 5, 6), tt -> tt <= turn ? rate : -rate);
        VariableOrderBdf again = new VariableOrderBdf(cycle, 2, 1e-5);
        assertTrue(again.start(0, cycle.initialState(), 1e-3));
        while (again.time() < turn) assertTrue(again.step(turn, 1e-9), "c " + again.time());
        assertTrue(again.restart(1e-3), "restart");
        double[] z = again.state();
        assertEquals(xLow, cycle.meanStoichiometry(z, 2, 0), 1e-3);
        while (cycle.meanStoichiometry(z, 2, 0) > 0.05) {
            assertTrue(again.step(1e7, 1e-9), "d t = " + again.time() + " x = " + cycle.meanStoichiometry(z, 2, 0) + ", " + cycle.meanStoichiometry(z, 2, 1) + " V " + cycle.voltage(again.time(), z));
            z = again.state();
        }
        double highLoss = xHigh - cycle.meanStoichiometry(z, 2, 1);
        assertTrue(highLoss < 0.1, "the 4.1 V population keeps its lithium while the 3.9 V one empties: it lost " + highLoss);
    }

    @Test
    void theBlendsJacobianHasTheDeclaredBorderedStructure() {
        DfnCell m = Marquis2019.cell();
        DfnCell blend = new DfnCell(split(m.negative(), 0.3), m.separator(), split(m.positive(), 0.6), m.electrolyte(), 1000, m.temperature());
        DfnModel model = new DfnModel(blend, new DfnMesh(4, 3, 4, 5), CurrentProfile.constant(24));
        assertEquals(2 * 8, model.blocks(), "a particle block per population and electrode cell");
        JacobianStructure.assertBordered(model);
    }

    @Test
    void aSinglePopulationAccessorIsRefusedForABlend() {
        IntercalationElectrode blend = split(Marquis2019.lco(), 0.3);
        assertTrue(blend.isBlend());
        IllegalStateException e = assertThrows(IllegalStateException.class, blend::ocp);
        assertTrue(e.getMessage().contains("blend of 2"), e.getMessage());
        assertEquals(Marquis2019.lco().activeFraction(), blend.activeFraction(), 1e-15);
        // a population's own data are checked before solving, named by population
        DfnCell m = Marquis2019.cell();
        IntercalationElectrode bad = m.positive().withPopulations(List.of(m.positive().population(), secondCathode(0.1, 1.2, m.positive().ocp())));
        List<String> problems = DfnInputCheck.problems(new DfnCell(m.negative(), m.separator(), bad, m.electrolyte(), 1000, 298.15));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("positive electrode population second initial concentration 57600.0 mol/m3 lies outside (0, c_max = 48000.0)"),
                problems.get(0));
        assertThrows(IllegalArgumentException.class, () -> m.positive().withPopulations(List.of()));
    }
}

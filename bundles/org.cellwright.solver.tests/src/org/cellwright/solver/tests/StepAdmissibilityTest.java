package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnModel;
import org.cellwright.solver.dfn.DfnSimulation;
import org.cellwright.solver.dfn.DfnSolution;
import org.cellwright.solver.dfn.DriveCycle;
import org.cellwright.solver.dfn.ParticlePopulation;
import org.cellwright.solver.dfn.StoichiometryBarrier;
import org.cellwright.solver.numerics.dae.VariableOrderBdf;
import org.cellwright.solver.numerics.dae.DaeSystem;
import org.cellwright.solver.params.Marquis2019;
import org.cellwright.solver.physics.Constants;
import org.junit.jupiter.api.Test;

/**
 * The integrator's admissibility hook ({@link DaeSystem#admissible}: a converged step whose state the system refuses is
 * rejected and retried at a quarter of its size) and the DFN model's check (concentrations within their bounds, the Butler-Volmer rows holding
 * to within a thermal voltage), which keeps hard drive cycles on the physical branch.
 */
class StepAdmissibilityTest {

    /** y' = 1 from y = 0; with a limit, a state more than 0.3 above the step's start is inadmissible. */
    static final class Ramp implements DaeSystem {
        final boolean limited;

        Ramp(boolean limited) { this.limited = limited; }

        @Override public int size() { return 1; }
        @Override public void mass(double[] m) { m[0] = 1; }
        @Override public void rhs(double t, double[] y, double[] f) { f[0] = 1; }
        @Override public int lowerBandwidth() { return 0; }
        @Override public int upperBandwidth() { return 0; }
        @Override public double absoluteTolerance(int i) { return 1e-8; }
        @Override public boolean admissible(double t, double[] yFrom, double[] y) { return !limited || y[0] - yFrom[0] <= 0.3; }
    }

    @Test
    void aStepTheSystemFindsInadmissibleIsRejectedAndRetriedShorter() {
        VariableOrderBdf free = new VariableOrderBdf(new Ramp(false), 2, 1e-4);
        assertTrue(free.start(0, new double[] {0}, 1.0));
        free.setFixedStep(1.0);
        assertTrue(free.step(10, 1e-9));
        assertEquals(1.0, free.time(), 0, "without the check the first step of 1 s is accepted (the ramp is exact)");
        assertEquals(0, free.rejectedSteps());

        VariableOrderBdf checked = new VariableOrderBdf(new Ramp(true), 2, 1e-4);
        assertTrue(checked.start(0, new double[] {0}, 1.0));
        checked.setFixedStep(1.0);
        assertTrue(checked.step(10, 1e-9));
        assertEquals(0.25, checked.time(), 1e-15, "1 s refused (y up by 1), a quarter of it accepted");
        assertEquals(0.25, checked.state()[0], 1e-12);
        assertEquals(1, checked.rejectedSteps());
        assertEquals(1, checked.inadmissibleSteps());
        VariableOrderBdf floor = new VariableOrderBdf(new Ramp(true), 2, 1e-4);
        assertTrue(floor.start(0, new double[] {0}, 1.0));
        floor.setFixedStep(1.0);
        assertFalse(floor.step(10, 0.6), "shortened below the smallest step: the step fails");
    }

    @Test
    void theDfnModelRefusesStatesOffItsKineticsOrOutsideItsConcentrationBounds() {
        DfnModel model = new DfnModel(Marquis2019.cell(), new DfnMesh(6, 4, 6, 8), CurrentProfile.constant(Marquis2019.ONE_C));
        VariableOrderBdf bdf = new VariableOrderBdf(model, 2, 1e-6);
        assertTrue(bdf.start(0, model.initialState(), 1e-3));
        while (bdf.time() < 60) assertTrue(bdf.step(60, 1e-9));
        double[] y = bdf.state().clone();
        assertTrue(model.admissible(60, y, y), "a converged state of a 1 C discharge");
        int g = model.mesh().cells() - 1; // the last positive-electrode volume: c_e, phi_e, phi_s, j
        double[] shifted = y.clone();
        shifted[model.start(g) + 2] += 0.005; // phi_s up by 5 mV: the kinetics off by a fifth of RT/F
        assertTrue(model.admissible(60, y, shifted), "within a thermal voltage of the kinetics");
        shifted[model.start(g) + 2] += 0.1; // 105 mV: four thermal voltages
        assertFalse(model.admissible(60, y, shifted), "j far from the Butler-Volmer rate of its overpotential");
        double cMax = model.population(2, 0).particle().maximumConcentration();
        double[] over = y.clone();
        over[model.particleStart(g)] = 1.001 * cMax;
        assertFalse(model.admissible(60, y, over), "a shell above c_max");
        double[] negative = y.clone();
        negative[model.particleStart(0)] = -1;
        assertFalse(model.admissible(60, y, negative), "a negative shell");
        double[] salt = y.clone();
        salt[model.start(3)] = 0;
        assertFalse(model.admissible(60, y, salt), "no salt");
    }

    @Test
    void theKineticsCheckUsesTheResidualsOcpWithItsStoichiometryBarrier() {
        // a cathode at rest at x = 0.9997, where PyBaMM's end term (StoichiometryBarrier) lowers the OCP by 0.13 V, about five
        // thermal voltages: the consistent state (j = 0 at eta = 0 of the barrier-including OCP) is admissible; checked
        // against the fitted OCP alone it was not, and both steppers halved the half cell's steps near saturation to underflow
        DfnCell m = Marquis2019.cell();
        ParticlePopulation lco = m.positive().population();
        double cMax = lco.particle().maximumConcentration();
        ParticlePopulation full = new ParticlePopulation(lco.name(), lco.activeFraction(), lco.particle(), 0.9997 * cMax, lco.ocp(), lco.kinetics());
        assertTrue(StoichiometryBarrier.potential(0.9997) < -4 * Constants.R * Marquis2019.T_REF / Constants.F);
        DfnCell cell = new DfnCell(m.negative(), m.separator(), m.positive().withPopulations(List.of(full)), m.electrolyte(),
                m.initialElectrolyteConcentration(), m.temperature());
        DfnModel model = new DfnModel(cell, new DfnMesh(6, 4, 6, 8), CurrentProfile.constant(0));
        VariableOrderBdf bdf = new VariableOrderBdf(model, 2, 1e-6);
        assertTrue(bdf.start(0, model.initialState(), 1e-3), "consistent start");
        double[] y = bdf.state().clone();
        assertTrue(model.admissible(0, y, y), "a resting, consistent state near the cathode's saturation");
        assertTrue(bdf.step(10, 1e-9), "and a step from it");
        assertEquals(0, bdf.inadmissibleSteps());
    }

    @Test
    void uddsWithItsPeakAt2CStaysOnThePhysicalBranchOnPyBammsMesh() throws IOException {
        // on PyBaMM's mesh at rtol 1e-4 a step after a short landing step (4e-4 s at 3544 s) went, with a Jacobian taken
        // at its far predictor, to -10 V with the positive's Butler-Volmer rows off by 1e118 A/m2 and was accepted
        DriveCycle udds = DriveCycleTest.read("UDDS.csv");
        double peak = 0;
        for (double t = 0; t < udds.period(); t += 1) peak = Math.max(peak, Math.abs(udds.at(t)));
        DriveCycle cycle = udds.scaled(2 * Marquis2019.ONE_C / peak);
        double duration = 3600;
        double[] times = new double[(int) duration + 1];
        for (int i = 0; i < times.length; i++) times[i] = i;
        DfnSolution s = new DfnSimulation(1e-4).run(Marquis2019.cell(), new DfnMesh(20, 20, 20, 30), cycle, times, Marquis2019.CUTOFF,
                cycle.breakpoints(duration));
        assertEquals("end of time", s.endReason());
        assertEquals(times.length, s.snapshots().size());
        for (DfnSolution.Snapshot sn : s.snapshots())
            assertTrue(sn.voltage() > Marquis2019.CUTOFF && sn.voltage() < 4.1, "within the cell's window (3.105 .. 4.1 V): " + sn.voltage() + " V at " + sn.time());
        assertEquals(cycle.charge(duration), s.charge(), 1e-6 * Math.abs(cycle.charge(duration)), "the charge of the profile");
    }
}

package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnModel;
import org.cellwright.solver.dfn.DfnSimulation;
import org.cellwright.solver.dfn.DfnSolution;
import org.cellwright.solver.dfn.DriveCycle;
import org.cellwright.solver.dfn.PowerProfile;
import org.cellwright.solver.numerics.dae.VariableOrderBdf;
import org.cellwright.solver.params.Marquis2019;
import org.junit.jupiter.api.Test;

/** Power-controlled steps: the current is solved with the state so that V I = P(t). */
class PowerDriveTest {
    static final DfnMesh MESH = new DfnMesh(8, 4, 8, 8);

    static double[] times(double end, double step) {
        double[] t = new double[(int) Math.round(end / step) + 1];
        for (int i = 0; i < t.length; i++) t[i] = i * step;
        return t;
    }

    /** WLTC's (time [s], power [kW]) columns (PyBaMM's file: '#' comments, CRLF line ends). */
    static DriveCycle wltc() throws IOException {
        return DriveCycleTest.read("WLTC.csv");
    }

    @Test
    void theCellDeliversTheEnergyOfTheWltcProfile() throws IOException {
        DriveCycle kw = wltc();
        assertEquals(18001, kw.breakpoints(1800).length + 1, "0.1 s samples over 1800 s");
        // scale stated: WLTC's 43.2 kW peak as 100 W/m2 of the Marquis cell (about 1 C at 3.8 V is 91 W/m2)
        double peak = 0;
        for (double t = 0; t <= 1800; t += 0.1) peak = Math.max(peak, kw.at(t));
        assertEquals(43.2, peak, 0.05, "the README's peak");
        DriveCycle power = kw.scaled(100 / peak);
        double duration = 300; // the first 300 s (the low-speed phase's start)
        DfnSolution s = new DfnSimulation(1e-5).runAtPower(Marquis2019.cell(), new DfnMesh(5, 3, 5, 5), power, times(duration, 0.1),
                Marquis2019.CUTOFF, power.breakpoints(duration));
        assertEquals("end of time", s.endReason());
        for (DfnSolution.Snapshot sn : s.snapshots())
            assertEquals(power.at(sn.time()), sn.power(), 1e-4 * 100, "V I = P at t = " + sn.time());
        double e = power.energy(duration);
        assertTrue(Math.abs(e) > 100, "a profile with energy: " + e + " J/m2");
        assertEquals(e, s.energy(), 1e-4 * Math.abs(e), "energy delivered = integral of the profile (J/m2)");
    }

    @Test
    void constantPowerEndsEarlierAtHigherPower() {
        double[] t = times(7200, 10);
        DfnSolution low = new DfnSimulation(1e-4).runAtPower(Marquis2019.cell(), MESH, PowerProfile.constant(60), t, Marquis2019.CUTOFF, new double[0]);
        DfnSolution high = new DfnSimulation(1e-4).runAtPower(Marquis2019.cell(), MESH, PowerProfile.constant(120), t, Marquis2019.CUTOFF, new double[0]);
        assertEquals("voltage cut-off", low.endReason());
        assertEquals("voltage cut-off", high.endReason());
        // twice the power for less than half the time: less energy at the higher power (more is lost inside)
        assertTrue(high.last().time() < 0.5 * low.last().time(), high.last().time() + " s at 120 W/m2, " + low.last().time() + " s at 60 W/m2");
        assertTrue(high.energy() < low.energy());
        // the current rises as the voltage falls
        assertTrue(high.last().current() > high.snapshots().get(1).current());
        // a sample between steps is the dense output (the BDF's interpolating polynomial): it holds V I = P to the
        // integrator's tolerance (rtol 1e-4), as any algebraic constraint between the steps' points
        assertEquals(120, high.snapshots().get(5).power(), 1e-4 * 120);
    }

    @Test
    void aPowerTheCellCannotDeliverEndsTheStepWithAReason() {
        // far beyond the Marquis cell's maximum power (V_oc^2 / 4 R, a few hundred W/m2)
        DfnSolution s = new DfnSimulation(1e-4).runAtPower(Marquis2019.cell(), MESH, PowerProfile.constant(20000), times(600, 10), Double.NaN, new double[0]);
        assertTrue(s.endReason().startsWith("power not deliverable: 2.000e+04 W/m2 demanded at t = "), s.endReason());
        // a demand that rises past the maximum during the step ends there, after the deliverable part
        DfnSolution ramp = new DfnSimulation(1e-4).runAtPower(Marquis2019.cell(), MESH, t -> 20 * t, times(600, 1), Double.NaN, new double[0]);
        assertTrue(ramp.endReason().startsWith("power not deliverable"), ramp.endReason());
        assertTrue(ramp.snapshots().size() > 5, "the deliverable part is kept: " + ramp.snapshots().size());
        assertTrue(ramp.last().voltage() > 0);
    }

    @Test
    void thePowerControlledModelsJacobianHasTheDeclaredBorderedStructure() {
        DfnModel model = DfnModel.atPower(Marquis2019.cell(), new DfnMesh(4, 3, 4, 5), PowerProfile.constant(90));
        assertEquals(new DfnModel(Marquis2019.cell(), new DfnMesh(4, 3, 4, 5), t -> 24).coreSize() + 1, model.coreSize(), "the current is one more core unknown");
        JacobianStructure.assertBordered(model);
    }

    @Test
    void aControlledModelSwitchesFromCurrentToPowerBetweenSteps() {
        DfnMesh mesh = new DfnMesh(6, 3, 6, 6);
        DfnModel model = DfnModel.controlled(Marquis2019.cell(), mesh, t -> Marquis2019.ONE_C, PowerProfile.constant(180));
        DfnModel plain = new DfnModel(Marquis2019.cell(), mesh, t -> Marquis2019.ONE_C);
        VariableOrderBdf a = new VariableOrderBdf(model, 2, 1e-6), b = new VariableOrderBdf(plain, 2, 1e-6);
        assertTrue(a.start(0, model.initialState(), 1e-3) && b.start(0, plain.initialState(), 1e-3));
        while (a.time() < 600) assertTrue(a.step(600, 1e-9));
        while (b.time() < 600) assertTrue(b.step(600, 1e-9));
        assertEquals(plain.voltage(600, b.state()), model.voltage(600, a.state()), 1e-5, "current control: the plain model's voltage");
        assertEquals(Marquis2019.ONE_C, model.current(600, a.state()), 1e-9);
        model.controlByPower(true);
        assertTrue(a.restart(1e-3), "the current jumps to meet the power");
        while (a.time() < 900) assertTrue(a.step(900, 1e-9));
        double[] y = a.state();
        assertEquals(180, model.current(900, y) * model.voltage(900, y), 1e-6 * 180);
        assertTrue(model.current(900, y) > 1.9 * Marquis2019.ONE_C, "180 W/m2 needs about 2 C: " + model.current(900, y));
        assertThrows(IllegalStateException.class, () -> plain.controlByPower(true));
    }
}

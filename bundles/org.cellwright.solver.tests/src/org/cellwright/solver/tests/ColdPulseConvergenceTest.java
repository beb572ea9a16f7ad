package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialProperty;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;

/**
 * A GITT pulse of the interlayer full cell (cell 6) at -20 degC, charged: 15 min at 0.5 C, then 30 min rest. At -20 degC
 * the cathode's solid diffusion is slow and its overpotential grows over the whole pulse; the particles' time
 * integration was backward Euler, whose first-order error accumulated over the pulse (session 18: the pulse's end
 * voltage 2.7 mV apart between the default steps and 2 s steps, 0.17 mV between 10 s and 2 s). With BDF2 in the
 * particles ({@code ParticleDiffusion.prepareStoredBdf2}) the default steps are within 1 mV of 2 s steps, and 10 s
 * steps within 0.05 mV.
 */
class ColdPulseConvergenceTest {

    static CellSpec chargedCold() {
        CellSpec base = Sung2023Parameters.cell6Full(65e6, 253.15);
        LayerSpec cat = base.cathode();
        LayerSpec ch = cat.toBuilder().clearComponents()
                .component(cat.components().get(0).material().with(MaterialProperty.INITIAL_STOICHIOMETRY, 0.3), 0.67)
                .component(cat.components().get(1).material(), 0.30).component(cat.components().get(2).material(), 0.03).build();
        return base.toBuilder().replaceLayer(ch).build();
    }

    /** The voltages at the pulse's end and at the rest's end. */
    static double[] pulse(SolverSettings st) {
        RecordingSink s = new RecordingSink();
        assertEquals(RunStatus.COMPLETED, new Simulation().run(chargedCold(), ProtocolSpec.of(
                StepSpec.cRate(-0.5, Cutoff.duration(900), Cutoff.voltageBelow(2.8)),
                StepSpec.rest(1800)), st, s, null));
        double atPulseEnd = Double.NaN;
        for (var sample : s.samples) if (Math.abs(sample.time() - 900) < 1e-6) atPulseEnd = sample.voltage();
        assertFalse(Double.isNaN(atPulseEnd), "the pulse must run its 15 min");
        return new double[] {atPulseEnd, s.last().voltage()};
    }

    @Test
    void thePulsesEndVoltageConvergesWithTheStepSize() {
        double[] def = pulse(SolverSettings.defaults());
        double[] s10 = pulse(SolverSettings.builder().maxStep(10).build());
        double[] s2 = pulse(SolverSettings.builder().maxStep(2).build());
        double drop = s2[1] - s2[0];
        assertTrue(drop > 0.3, "the pulse must polarise the cold cell: " + drop + " V");
        assertEquals(s2[0], def[0], 1e-3, "pulse end, default steps against 2 s steps");
        assertEquals(s2[0], s10[0], 5e-5, "pulse end, 10 s steps against 2 s steps");
        assertEquals(s2[1], def[1], 1e-3, "rest end, default steps against 2 s steps");
    }

    /**
     * The order in time where the cathode's solid diffusion sets the voltage: the pulse's end voltage with the maximum
     * step setting every step (a local-error tolerance of 1 V), halved from 40 s to 5 s: second order (BDF2), the
     * other mechanisms' backward Euler (interphases, Li metal) below it at -20 degC.
     */
    @Test
    void timeStepSecondOrderWhereDiffusionSetsTheVoltage() {
        double[] steps = {40, 20, 10, 5};
        double[] v = new double[steps.length];
        for (int k = 0; k < steps.length; k++)
            v[k] = pulse(SolverSettings.builder().maxStep(steps[k]).relativeTolerance(1e-5).absoluteTolerance(1e-3).build())[0];
        CellConvergenceTest.assertOrder(v, 2, 0.3, "time step at -20 degC");
    }
}

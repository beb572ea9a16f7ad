package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.bench.WorkPrecisionBenchmark;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.junit.jupiter.api.Test;

/**
 * The solid-state solver's accuracy in the cold and at 5 C against issue 13's target (1 mV RMS, 0.1 % of the capacity),
 * where it comes from ({@code bench work-precision --temperatures}): the charged baseline full cell (cell 7) discharged
 * until 2.8 V, the time stepping and the particle mesh refined apart. Session 29 found the default's 24 particle shells
 * (face flows linear in the shells' values) off in the cold (1 C at 0 degC 1.26 mV RMS, 0.5 C at -20 degC 0.13 % of
 * the capacity) and at 5 C at 25 degC (1.8 mV); session 30's shells, 32 with face flows exact for the parabolic
 * profile ({@code SphericalMesh.FaceFlux.PARABOLIC}), meet the target there.
 */
class ColdAccuracyTest {

    static final double MINUS_20_C = 253.15, ZERO_C = 273.15, ROOM = 298.15;

    static RecordingSink discharge(double temperature, double rate, SolverSettings st) {
        RecordingSink s = new RecordingSink();
        assertEquals(RunStatus.COMPLETED, new Simulation().run(WorkPrecisionBenchmark.chargedBaseline(temperature),
                ProtocolSpec.of(StepSpec.cRate(-rate, Cutoff.voltageBelow(2.8), Cutoff.duration(4 * 3600))), st, s, null));
        assertTrue(s.cycles.get(0).dischargeCapacity() > 0, "the cell carries " + rate + " C at " + temperature + " K");
        return s;
    }

    static RecordingSink discharge(SolverSettings st) { return discharge(MINUS_20_C, 0.5, st); }

    /** Relative difference of the discharge capacities. */
    static double capacityError(RecordingSink ref, RecordingSink s) {
        double a = ref.cycles.get(0).dischargeCapacity(), b = s.cycles.get(0).dischargeCapacity();
        return Math.abs(b - a) / a;
    }

    /** The reference's time stepping (WorkPrecisionBenchmark.REFERENCE) on a mesh, sampled at every step. */
    static SolverSettings referenceSteps(int particleShells) {
        return SolverSettings.builder().particleNodes(particleShells).relativeTolerance(1e-6).maxStep(60).outputInterval(0).build();
    }

    /** WorkPrecisionBenchmark.REFERENCE: 80 x 120 x 40, rtol 1e-6, steps <= 60 s, sampled at every step. */
    static SolverSettings reference() {
        return SolverSettings.builder().cathodeNodes(80).particleNodes(120).interlayerNodes(40).relativeTolerance(1e-6)
                .maxStep(60).outputInterval(0).build();
    }

    /**
     * The default time stepping (rtol 1e-4, steps up to 600 s, its voltage and local-error targets) against the
     * reference's (rtol 1e-6, steps up to 60 s) on the same fine particle mesh: within the target at -20 degC.
     */
    @Test
    void theDefaultTimeSteppingMeetsTheTargetInTheCold() {
        RecordingSink ref = discharge(referenceSteps(120));
        RecordingSink def = discharge(SolverSettings.builder().particleNodes(120).outputInterval(10).build());
        double[] v = WorkPrecisionBenchmark.voltageErrors(ref, def);
        assertTrue(v[0] < 1e-3, "voltage RMS " + v[0] + " V");
        assertTrue(capacityError(ref, def) < 1e-3, "capacity " + capacityError(ref, def));
    }

    /**
     * The default settings against the benchmark's reference where the default missed the target before session 30
     * (samples as the benchmark takes them, every 10 s, at 5 C every 2 s): 1 C at 0 degC within 1 mV RMS (was 1.26 mV),
     * 0.5 C at -20 degC within 0.1 % of the capacity (was 0.13 %), 5 C at 25 degC within 1 mV RMS (was 1.8 mV).
     */
    @Test
    void theDefaultMeetsTheTargetWhereTheParticleShellsMissedIt() {
        SolverSettings every10s = SolverSettings.defaults().toBuilder().outputInterval(10).build();
        double[] v = WorkPrecisionBenchmark.voltageErrors(discharge(ZERO_C, 1, reference()), discharge(ZERO_C, 1, every10s));
        assertTrue(v[0] < 1e-3, "1 C at 0 degC: voltage RMS " + v[0] + " V");
        double e = capacityError(discharge(MINUS_20_C, 0.5, reference()), discharge(MINUS_20_C, 0.5, every10s));
        assertTrue(e < 1e-3, "0.5 C at -20 degC: capacity " + e);
        v = WorkPrecisionBenchmark.voltageErrors(discharge(ROOM, 5, reference()),
                discharge(ROOM, 5, SolverSettings.defaults().toBuilder().outputInterval(2).build()));
        assertTrue(v[0] < 1e-3, "5 C at 25 degC: voltage RMS " + v[0] + " V");
    }

    /**
     * The particle mesh with the reference's time stepping at -20 degC: the voltage's error against 120 shells falls
     * by at least 3x from 16 shells to 32 (second order: 4x), and 32 shells (the default) are within a tenth of the
     * target in voltage and a quarter of it in capacity (0.012 % with the cathode film re-fitted for the measured Li/LPSCl
     * growth barrier, session 30; 0.010 % before), so that the default's error in the cold is mostly its time stepping's.
     */
    @Test
    void theParticleMeshSetsTheColdErrorAndConvergesAtSecondOrder() {
        RecordingSink ref = discharge(referenceSteps(120)), s16 = discharge(referenceSteps(16)), s32 = discharge(referenceSteps(32));
        double e16 = WorkPrecisionBenchmark.voltageErrors(ref, s16)[0], e32 = WorkPrecisionBenchmark.voltageErrors(ref, s32)[0];
        assertTrue(e16 > 3 * e32, "voltage RMS: 16 shells " + e16 + " V, 32 shells " + e32 + " V");
        assertTrue(e32 < 1e-4, "32 shells: voltage RMS " + e32 + " V");
        assertTrue(capacityError(ref, s32) < 2.5e-4, "32 shells: capacity " + capacityError(ref, s32));
    }
}

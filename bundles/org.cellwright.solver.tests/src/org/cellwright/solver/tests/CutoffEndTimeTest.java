package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.StepEnd;
import org.cellwright.solver.StepResult;
import org.cellwright.solver.bench.WorkPrecisionBenchmark;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.junit.jupiter.api.Test;

/**
 * A discharge that falls slowly onto its voltage cut-off ends, with the default time stepping, within the capacity
 * target (0.1 %, issue 13) of the same meshes with fine steps (numerics.StepSizeControl.towardsCutoff, session 32).
 * The charged baseline cell 7 at 0.84 C and -20 degC reaches 2.8 V after about 870 s, falling 0.25 mV/s there: a
 * voltage error of 0.5 mV, within the settings' local-error tolerance (4 mV a step), moves its end by 2 s, 0.2 % of
 * its capacity. Before, the default steps (up to 171 s on the way to the cut-off) ended 0.22 % early; with the
 * end time's tolerance 0.03 %.
 */
class CutoffEndTimeTest {

    static final double MINUS_20_C = 253.15;

    static StepResult discharge(SolverSettings st) {
        RecordingSink s = new RecordingSink();
        assertEquals(RunStatus.COMPLETED, new Simulation().run(WorkPrecisionBenchmark.chargedBaseline(MINUS_20_C),
                ProtocolSpec.of(StepSpec.cRate(-0.84, Cutoff.voltageBelow(2.8), Cutoff.duration(4 * 3600))), st, s, null));
        StepResult r = s.cycles.get(0).steps().get(0);
        assertEquals(StepEnd.VOLTAGE_CUTOFF, r.end(), "the discharge ends at its cut-off");
        assertEquals(2.8, r.endVoltage(), 1e-3, "on the cut-off within 1 mV");
        return r;
    }

    @Test
    void aSlowFallOntoTheCutoffEndsWithinTheCapacityTargetOfFineSteps() {
        SolverSettings defaults = SolverSettings.builder().build();
        // the same meshes (the shells the default takes for this protocol: 32), the reference's tolerance, steps <= 10 s
        int shells = org.cellwright.solver.ParticleShells.forRun(WorkPrecisionBenchmark.chargedBaseline(MINUS_20_C),
                ProtocolSpec.of(StepSpec.cRate(-0.84, Cutoff.voltageBelow(2.8), Cutoff.duration(4 * 3600))));
        SolverSettings fine = SolverSettings.builder().particleNodes(shells).relativeTolerance(1e-6).maxStep(10).build();
        StepResult ref = discharge(fine), r = discharge(defaults);
        double err = Math.abs(r.charge() - ref.charge()) / Math.abs(ref.charge());
        assertTrue(ref.endTime() - ref.startTime() > 600 && ref.endTime() - ref.startTime() < 1200,
                "the scenario: a discharge of 10-20 min at -20 degC, " + (ref.endTime() - ref.startTime()) + " s");
        assertTrue(err < 1e-3, "the capacity to 2.8 V within 0.1 % of fine steps: " + 100 * err + " %");
    }
}

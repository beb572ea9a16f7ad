package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.solver.ProtocolMesh;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.StepEnd;
import org.cellwright.solver.StepResult;
import org.cellwright.solver.bench.WorkPrecisionBenchmark;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.junit.jupiter.api.Test;

/**
 * A hold's charge meets the capacity target (0.1 %, issue 13) against fine steps on the same mesh (session 37). Backward
 * Euler counts each time step's charge at its end's current and moves the cell's lithium by it: a current falling over
 * an hour is integrated by the rectangle rule, and with the hold's steps controlled on a 1 % change of its current (until
 * session 36) the charged cell 7 held at 3.3 V for 1 h at -20 degC was 0.296 % off, at 3.5 V and -30 degC 0.362 %, the
 * error growing evenly over the hour. The steps are now controlled on the rule's local error
 * (StepExecution.CHARGE_TOLERANCE, numerics.StepSizeControl.rectangleRule).
 */
class HoldChargeTest {

    static StepResult hold(CellSpec cell, ProtocolSpec p, SolverSettings st) {
        RecordingSink s = new RecordingSink();
        assertEquals(RunStatus.COMPLETED, new Simulation().run(cell, p, st, s, null));
        StepResult r = s.cycles.get(0).steps().get(0);
        assertEquals(StepEnd.DURATION, r.end(), "the hold ends by its duration");
        return r;
    }

    static double error(StepResult r, StepResult ref) {
        return Math.abs(r.charge() - ref.charge()) / Math.abs(ref.charge());
    }

    /**
     * The charged cell 7 held 1 h below its open circuit in the cold (its first current beyond 1 C, falling by half over
     * the hour): the default's charge within 0.1 % of rtol 1e-6 and steps of at most 10 s on the same mesh (-20 degC at
     * 3.3 V 0.053 %, -30 degC at 3.5 V 0.064 %; 0.29 and 0.36 % before), and it converges with the tolerance: at rtol
     * 1e-5 within the charge's tolerance scaled so (sqrt(rtol / 1e-4), 0.032 %) and below half the error at 1e-4.
     */
    @Test
    void aColdHoldsChargeIsWithinTheCapacityTargetOfFineStepsAndConvergesWithTheTolerance() {
        for (double[] tv : new double[][] {{253.15, 3.3}, {243.15, 3.5}}) {
            CellSpec cell = WorkPrecisionBenchmark.chargedBaseline(tv[0]);
            ProtocolSpec p = ProtocolSpec.of(StepSpec.voltageHold(tv[1], Cutoff.duration(3600)));
            SolverSettings defaults = ProtocolMesh.resolve(SolverSettings.builder().build(), cell, p);
            StepResult ref = hold(cell, p, defaults.toBuilder().relativeTolerance(1e-6).maxStep(10).build());
            StepResult r = hold(cell, p, defaults), r5 = hold(cell, p, defaults.toBuilder().relativeTolerance(1e-5).build());
            String at = (tv[0] - 273.15) + " degC, " + tv[1] + " V: ";
            assertTrue(Math.abs(ref.charge()) / 3600 > 5, at + "the scenario: a hold's current of amperes per m2, " + ref.charge() / 3600);
            double e4 = error(r, ref), e5 = error(r5, ref);
            assertTrue(e4 < 1e-3, at + "the hold's charge within 0.1 % of fine steps: " + 100 * e4 + " %");
            assertTrue(e5 < 1e-3 * Math.sqrt(0.1) && e5 < e4 / 2, at + "converging with rtol: " + 100 * e4 + " % at 1e-4, " + 100 * e5 + " % at 1e-5");
        }
    }

    /**
     * A set current's charge is exact, the current times the step's time (the charge's control is a hold's and a
     * constant power's, the current not set): a 0.5 C discharge of the charged cell 7 ended by its duration.
     */
    @Test
    void aSetCurrentsChargeStaysExact() {
        CellSpec cell = WorkPrecisionBenchmark.chargedBaseline(298.15);
        RecordingSink s = new RecordingSink();
        assertEquals(RunStatus.COMPLETED, new Simulation().run(cell, ProtocolSpec.of(StepSpec.currentDensity(-7, Cutoff.duration(1800))),
                SolverSettings.builder().build(), s, null));
        StepResult r = s.cycles.get(0).steps().get(0);
        assertEquals(StepEnd.DURATION, r.end());
        assertEquals(-7 * 1800, r.charge(), 1e-12 * 7 * 1800, "the set current times its duration");
        List<?> samples = s.samples;
        assertTrue(samples.size() > 10, "the scenario: many time steps, " + samples.size());
    }
}

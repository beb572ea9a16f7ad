package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.solver.ProtocolMesh;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.StepEnd;
import org.cellwright.solver.StepResult;
import org.cellwright.solver.bench.WorkPrecisionBenchmark;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;

/**
 * A hold's charge meets the capacity target (0.1 %, issue 13) against fine steps on the same mesh (session 37). Backward
 * Euler counts each time step's charge at its end's current and moves the cell's lithium by it: a current falling over
 * an hour is integrated by the rectangle rule, and with the hold's steps controlled on a 1 % change of its current (until
 * session 36) the charged cell 7 held at 3.3 V for 1 h at -20 degC was 0.296 % off, at 3.5 V and -30 degC 0.362 %, the
 * error growing evenly over the hour. The steps are now controlled on the rule's local error
 * (AccuracyTarget.CAPACITY, the capacity target, in StepExecution; numerics.StepSizeControl.rectangleRule).
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
     * A CCCV charge of cell 6 (the interlayer full cell at 65 MPa, as built: 0.5 C to 4.3 V, then 4.3 V until 0.05 C)
     * ends its hold on the current cut-off as a voltage cut-off is landed on: past it by no more than the current falls
     * in the end's time tolerance (rtol of the hold's time at its slope there, StepExecution.LANDING_TIME_TOLERANCE), and
     * the hold's charge within 0.1 % of rtol 1e-6 and steps of at most 10 s on the same mesh (25 degC 0.043 %, -20 degC
     * 0.0002 %). Until session 37 a hold ended at its first time step below the cut-off: at -20 degC, where the current
     * falls by 0.2 % in 28 s at the end, 18 s past it (25 s by the slope of its samples here; 2.1 s its tolerance),
     * 0.026 % of the hold's charge; at 25 degC 0.1 s past it (0.17 s), its steps short there already.
     */
    @Test
    void aCccvHoldEndsOnItsCurrentCutoffWithinItsTimeTolerance() {
        for (double t : new double[] {298.15, 253.15}) {
            CellSpec cell = Sung2023Parameters.cell6Full(65e6, t);
            ProtocolSpec p = ProtocolSpec.of(StepSpec.cRate(0.5, Cutoff.voltageAbove(4.3), Cutoff.duration(5 * 3600)),
                    StepSpec.voltageHold(4.3, Cutoff.currentBelowCRate(0.05), Cutoff.duration(10 * 3600)));
            SolverSettings defaults = ProtocolMesh.resolve(SolverSettings.builder().build(), cell, p);
            double cut = 0.05 * Simulation.nominalCapacity(cell) / cell.area() / 3600; // A/m2
            String at = (t - 273.15) + " degC: ";
            RecordingSink s = new RecordingSink();
            assertEquals(RunStatus.COMPLETED, new Simulation().run(cell, p, defaults, s, null));
            StepResult r = cccvHold(s), ref = cccvHold(cell, p, defaults.toBuilder().relativeTolerance(1e-6).maxStep(10).build());
            double time = r.endTime() - r.startTime();
            assertTrue(time > 1000, at + "the scenario: a hold of more than 1000 s, " + time);
            // the end's current and the current's slope before it, from the last sample of an earlier time step (a sample
            // within a time step has its current, backward Euler's)
            List<Sample> held = new java.util.ArrayList<>();
            for (Sample x : s.samples) if (x.stepIndex() == r.stepIndex() && x.time() >= r.startTime()) held.add(x);
            Sample end = held.get(held.size() - 1), before = null;
            assertEquals(r.endTime(), end.time(), 1e-9, at + "the hold's last sample at its end");
            for (Sample x : held) if (Math.abs(x.current() - end.current()) > 1e-9 * Math.abs(end.current())) before = x;
            double slope = Math.abs(end.current() - before.current()) / (end.time() - before.time());
            double past = (cut - Math.abs(end.current())) / slope;
            assertTrue(past >= 0, at + "ends on the cut-off, not before it: " + Math.abs(end.current()) + " against " + cut + " A/m2");
            assertTrue(past <= defaults.relativeTolerance() * time, at + "past the cut-off by " + past + " s of the current's fall, within "
                    + defaults.relativeTolerance() * time + " s, rtol of the hold's time");
            double e = error(r, ref);
            assertTrue(e < 1e-3, at + "the hold's charge within 0.1 % of fine steps: " + 100 * e + " %");
        }
    }

    /** The hold of a CCCV charge, ended by its current cut-off. */
    static StepResult cccvHold(RecordingSink s) {
        StepResult r = s.cycles.get(0).steps().get(1);
        assertEquals(StepEnd.CURRENT_CUTOFF, r.end(), "the hold ends by its current cut-off");
        return r;
    }

    static StepResult cccvHold(CellSpec cell, ProtocolSpec p, SolverSettings st) {
        RecordingSink s = new RecordingSink();
        assertEquals(RunStatus.COMPLETED, new Simulation().run(cell, p, st, s, null));
        return cccvHold(s);
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

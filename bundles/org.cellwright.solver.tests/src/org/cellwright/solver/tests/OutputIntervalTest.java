package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.solver.OutputInterval;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.Sample;
import org.cellwright.solver.bench.WorkPrecisionBenchmark;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.ResolvedInputs;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;

/**
 * The interval between a run's samples chosen from the protocol (session 35, {@link OutputInterval}): where the
 * settings leave it to the protocol (the default), every constant-current step gets at least 50 samples over its
 * nominal duration, 1 to 60 s apart; with the 60 s every run took before, a 5 C discharge held 4-7 samples. An
 * interval the settings give is kept; slow protocols keep 60 s; the run's inputs record the interval taken.
 */
class OutputIntervalTest {

    static final CellSpec ROOM = WorkPrecisionBenchmark.chargedBaseline(ParticleShellsTest.ROOM);

    /** The samples of the run's first step. */
    static List<Sample> firstStep(RecordingSink s) {
        return s.samples.stream().filter(x -> x.stepIndex() == s.samples.get(0).stepIndex()).toList();
    }

    /**
     * 5 C for 2 min (its nominal duration the 120 s of its 'for': the charged cell 7 holds 5 C longer) is sampled every
     * 2.4 s without an output interval, 50 samples over the step but that a sample is taken at the first accepted step
     * 2.4 s or more after the one before: with steps of at most 1 s (max-step here) each sample is 2.4 to 3.4 s after
     * the one before (42 samples, 2026-12-07; the default steps of this discharge, 5.7 s on average, give 16); with the
     * 60 s of before, 3.
     */
    @Test
    void aFiveCDischargeForItsNominalDurationIsSampledEvery50thOfItWithoutAnOutputInterval() {
        ProtocolSpec p = ProtocolSpec.of(StepSpec.cRate(-5, Cutoff.voltageBelow(2.8), Cutoff.duration(120)));
        assertEquals(120.0 / OutputInterval.SAMPLES_PER_STEP, OutputInterval.forRun(ROOM, p), 1e-12);
        List<Sample> step = firstStep(ParticleShellsTest.run(ROOM, p, SolverSettings.builder().maxStep(1).build()));
        assertEquals(120, step.get(step.size() - 1).time() - step.get(0).time(), 1e-6, "the discharge lasts its 2 min");
        for (int k = 1; k < step.size() - 1; k++) {
            double gap = step.get(k).time() - step.get(k - 1).time();
            assertTrue(gap >= 2.4 - 1e-9 && gap < 2.4 + 1, "samples " + (k - 1) + " and " + k + " are " + gap + " s apart");
        }
        assertTrue(step.size() >= 120 / (2.4 + 1), step.size() + " samples in 2 min at 5 C");
        int before = firstStep(ParticleShellsTest.run(ROOM, p, SolverSettings.builder().maxStep(1).outputInterval(60).build())).size();
        assertTrue(before <= 4, before + " samples with a sample every 60 s");
    }

    /**
     * 5 C to 2.8 V: its nominal duration is 12 min (the nominal capacity at 5 C), so a sample every 14.4 s, which the
     * run's inputs record (inputs.json's output_interval_s). The charged cell 7 delivers under half its capacity at
     * 5 C (325 s): 20 samples at the default steps (2026-12-07; every accepted step 133), where 60 s gave 7; each
     * sample at the first accepted step 14.4 s or more after the one before.
     */
    @Test
    void aFiveCDischargeToItsCutOffIsSampledEvery14sAndItsInputsRecordIt() {
        ProtocolSpec p = ParticleShellsTest.discharge(5);
        ResolvedInputs in = new ResolvedInputs(new ResolvedInputs.Provenance("X", null, 0, "test", "2026-12-07T00:00:00Z"), ROOM, p,
                SolverSettings.defaults());
        assertEquals(14.4, in.settings().outputInterval(), 1e-9);
        assertEquals(14.4, InputsJson.toJson(in).getAsJsonObject("solver_settings").get("output_interval_s").getAsDouble(), 1e-9);
        List<Sample> step = firstStep(ParticleShellsTest.run(ROOM, p, SolverSettings.defaults()));
        double lasted = step.get(step.size() - 1).time() - step.get(0).time();
        assertTrue(lasted > 60 && lasted < 720, "5 C to 2.8 V lasts " + lasted + " s");
        for (int k = 1; k < step.size() - 1; k++) {
            double gap = step.get(k).time() - step.get(k - 1).time();
            assertTrue(gap >= 14.4 - 1e-9 && gap < 2 * 14.4, "samples " + (k - 1) + " and " + k + " are " + gap + " s apart");
        }
        int before = firstStep(ParticleShellsTest.run(ROOM, p, SolverSettings.builder().outputInterval(60).build())).size();
        assertTrue(step.size() >= 2.5 * before, step.size() + " samples in " + lasted + " s, " + before + " with 60 s");
    }

    /** An interval the settings give is kept, 0 (every step) and 60 s at 5 C, and the run samples at it. */
    @Test
    void anExplicitIntervalIsKept() {
        ProtocolSpec p = ParticleShellsTest.discharge(5);
        for (double every : new double[] {0, 30, 60}) {
            SolverSettings set = SolverSettings.builder().outputInterval(every).build();
            assertEquals(every, OutputInterval.resolve(set, ROOM, p).outputInterval());
            assertEquals(every, new ResolvedInputs(new ResolvedInputs.Provenance("X", null, 0, "test", "now"), ROOM, p, set).settings()
                    .outputInterval());
        }
        List<Sample> step = firstStep(ParticleShellsTest.run(ROOM, p, SolverSettings.builder().outputInterval(60).build()));
        double lasted = step.get(step.size() - 1).time() - step.get(0).time();
        assertTrue(step.size() <= lasted / 60 + 2, step.size() + " samples in " + lasted + " s, a sample every 60 s and the end");
    }

    /**
     * Slow protocols keep 60 s: the study's 200 cycles at 0.35 C (and 0.1 C), a 0.1 C cycle, a 1 C discharge (72 s by
     * the rule), a protocol of rests; 1.5 C takes 48 s, and a pulse of 10 s the floor of 1 s.
     */
    @Test
    void slowProtocolsKeepSixtySecondsAndShortPulsesTheFloor() {
        CellSpec cell6 = Sung2023Parameters.cell6Full(65e6, Sung2023Parameters.T_60C);
        assertEquals(60, OutputInterval.forRun(cell6, Sung2023Parameters.fullCellCycling(199)));
        ProtocolSpec cycle = ProtocolSpec.of(StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3)), StepSpec.cRate(-0.1, Cutoff.voltageBelow(2.8)));
        assertEquals(60, OutputInterval.forRun(ROOM, cycle));
        assertEquals(60, OutputInterval.resolve(SolverSettings.defaults(), ROOM, cycle).outputInterval());
        assertEquals(60, OutputInterval.forRun(ROOM, ParticleShellsTest.discharge(1)));
        assertEquals(60, OutputInterval.forRun(ROOM, ProtocolSpec.of(StepSpec.rest(3600))));
        assertEquals(48, OutputInterval.forRun(ROOM, ParticleShellsTest.discharge(1.5)), 1e-9);
        // a current density: its nominal duration from the cell's nominal capacity, as the C-rate's
        double oneC = org.cellwright.solver.Simulation.nominalCapacity(ROOM) / ROOM.area() / 3600; // [A/m2]
        assertEquals(48, OutputInterval.forRun(ROOM, ParticleShellsTest.density(1.5 * oneC)), 1e-9);
        assertEquals(OutputInterval.SHORTEST, OutputInterval.forRun(ROOM, ProtocolSpec.of(
                StepSpec.cRate(-1, Cutoff.voltageBelow(2.8), Cutoff.duration(10)), StepSpec.rest(600))));
    }
}

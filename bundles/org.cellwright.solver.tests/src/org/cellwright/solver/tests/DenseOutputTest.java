package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.ResultSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.output.SummaryJsonWriter;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;

/**
 * The samples of a step at its start plus each multiple of its output interval, written from the solver's accepted
 * time steps (session 36, {@code DenseOutput}: within a time step on the line between its two states, backward
 * Euler's interpolant), where until session 36 a sample was the first accepted time step the interval or more after
 * the one before: the time steps, the cycles and the summary stay those of the same run recording every time step, and
 * a step's end (its cut-off) stays a sample.
 */
class DenseOutputTest {

    static final CellSpec ROOM = OutputIntervalTest.ROOM;

    /** A sink that keeps every accepted time step's state as well as the samples. */
    static final class Steps extends RecordingSink {
        final List<Sample> timeSteps = new ArrayList<>();
        @Override public void timeStep(Sample s) { timeSteps.add(s); }
    }

    static Steps run(CellSpec cell, ProtocolSpec p, SolverSettings settings, SummaryJsonWriter summary) {
        Steps s = new Steps();
        assertEquals(RunStatus.COMPLETED, new Simulation().run(cell, p, settings, summary == null ? s : ResultSink.tee(s, summary),
                ProgressListener.NONE));
        return s;
    }

    /**
     * 5 C for 2 min (its nominal duration the 120 s of its for: the charged cell 7 holds 5 C longer), a sample every
     * 2.4 s: its 50, each 2.4 s after the one before, the last at its end; in its 28 accepted time steps (4.3 s on
     * average) the first accepted time step past the interval gave 22 (2026-12-07, the code of session 35).
     */
    @Test
    void aFiveCDischargeForItsNominalDurationGetsItsFiftySamples() {
        ProtocolSpec p = ProtocolSpec.of(StepSpec.cRate(-5, Cutoff.voltageBelow(2.8), Cutoff.duration(120)));
        Steps s = run(ROOM, p, SolverSettings.defaults(), null);
        List<Sample> step = s.samples.subList(1, s.samples.size()); // after the run's first sample, at its start
        assertTrue(step.size() >= 45 && step.size() <= 55, step.size() + " samples in 2 min at 5 C");
        for (int k = 0; k < step.size(); k++) assertEquals(2.4 * (k + 1), step.get(k).time(), 1e-6, "sample " + k);
        assertTrue(s.timeSteps.size() < step.size(), s.timeSteps.size() + " accepted time steps: fewer than the samples");
    }

    /**
     * 5 C to 2.8 V: a sample every 14.4 s (the nominal capacity at 5 C, 12 min, over 50), the step's last sample at its
     * cut-off within 1 mV. The charged cell 7 delivers 45 % of its nominal capacity there (325 s), so the step holds 23
     * samples (19 at the first accepted time steps past the interval, the code of session 35, 2026-12-07): the interval
     * is chosen before the step, from its nominal duration, not from where the step will end.
     */
    @Test
    void aDischargeToItsCutOffIsSampledOnItsIntervalAndEndsOnTheCutOff() {
        Steps s = run(ROOM, ParticleShellsTest.discharge(5), SolverSettings.defaults(), null);
        List<Sample> step = s.samples.subList(1, s.samples.size());
        Sample end = step.get(step.size() - 1);
        assertEquals(2.8, end.voltage(), 1e-3, "the last sample on the cut-off");
        assertEquals(s.timeSteps.get(s.timeSteps.size() - 1), end, "the last sample is the step's last accepted time step");
        for (int k = 0; k < step.size() - 1; k++) assertEquals(14.4 * (k + 1), step.get(k).time(), 1e-6, "sample " + k);
        assertTrue(end.time() - step.get(step.size() - 2).time() <= 14.4 + 1e-6, "the end within an interval of the last sample before it");
        assertEquals((int) Math.ceil(end.time() / 14.4 - 1e-9), step.size(), "one sample per interval and the end");
    }

    /**
     * The samples between accepted time steps change nothing the run computes: a charge and discharge at 1 C, a
     * 5 C pulse and a rest of cell 6, and the first plating with its nucleation dips of the interlayer half cell, run with
     * the default intervals and with every time step recorded (output-interval 0 s, no sample between time steps): the
     * same accepted time steps to the bit, the same cycles and the same summary.json (its figures, the nucleation
     * overpotential among them); each sample between two time steps lies on the line between them.
     */
    @Test
    void theSamplesBetweenTimeStepsChangeNothingTheRunComputes() {
        ProtocolSpec full = ProtocolSpec.of(StepSpec.cRate(1, Cutoff.voltageAbove(4.3), Cutoff.duration(2 * 3600)),
                StepSpec.cRate(-1, Cutoff.voltageBelow(2.8), Cutoff.duration(2 * 3600)), StepSpec.rest(600),
                StepSpec.cRate(1, Cutoff.voltageAbove(4.3), Cutoff.duration(1800)), StepSpec.cRate(-5, Cutoff.voltageBelow(2.8), Cutoff.duration(30)),
                StepSpec.rest(300));
        CellSpec cell6 = Sung2023Parameters.cell6Full(65e6, Sung2023Parameters.T_ROOM);
        ProtocolSpec plating = ProtocolSpec.of(StepSpec.currentDensity(-3, Cutoff.duration(3600)));
        CellSpec half = Sung2023Parameters.cell2Interlayer(5e6);
        int between = 0;
        for (Object[] c : new Object[][] {{cell6, full}, {half, plating}}) {
            SummaryJsonWriter withSamples = new SummaryJsonWriter(), everyStep = new SummaryJsonWriter();
            Steps dense = run((CellSpec) c[0], (ProtocolSpec) c[1], SolverSettings.defaults(), withSamples);
            Steps all = run((CellSpec) c[0], (ProtocolSpec) c[1], SolverSettings.builder().outputInterval(0).build(), everyStep);
            assertEquals(all.timeSteps.size(), dense.timeSteps.size());
            for (int k = 0; k < all.timeSteps.size(); k++) assertSame(all.timeSteps.get(k), dense.timeSteps.get(k), k);
            assertEquals(all.cycles, dense.cycles);
            assertEquals(all.events, dense.events);
            assertEquals(everyStep.json().toString(), withSamples.json().toString());
            // every sample between two accepted time steps on the line between them
            List<Sample> steps = dense.timeSteps;
            int j = 0;
            for (Sample x : dense.samples) {
                while (j < steps.size() && steps.get(j).time() < x.time()) j++;
                if (j == 0 || j == steps.size() || steps.get(j).time() == x.time() || steps.get(j).stepIndex() != x.stepIndex()
                        || steps.get(j - 1).stepIndex() != x.stepIndex()) continue;
                Sample a = steps.get(j - 1), b = steps.get(j);
                double w = (x.time() - a.time()) / (b.time() - a.time());
                assertEquals(a.voltage() + w * (b.voltage() - a.voltage()), x.voltage(), 1e-12);
                assertEquals(a.stepCapacity() + b.current() * (x.time() - a.time()), x.stepCapacity(), 1e-9 * Math.abs(b.stepCapacity()) + 1e-12);
                assertEquals(b.current(), x.current());
                between++;
            }
        }
        assertTrue(between > 50, between + " samples between accepted time steps");
    }

    /** Same states to the bit: every field of the two samples. */
    static void assertSame(Sample a, Sample b, int k) {
        assertEquals(a.time(), b.time(), 0, "time step " + k);
        assertEquals(a.voltage(), b.voltage(), 0, "time step " + k);
        assertEquals(a.current(), b.current(), 0, "time step " + k);
        assertEquals(a.stepCapacity(), b.stepCapacity(), 0, "time step " + k);
        assertEquals(a.ocv(), b.ocv(), 0, "time step " + k);
        assertArrayEquals(a.overpotentials(), b.overpotentials(), 0, "time step " + k);
        assertEquals(a.lithium(), b.lithium(), "time step " + k);
    }
}

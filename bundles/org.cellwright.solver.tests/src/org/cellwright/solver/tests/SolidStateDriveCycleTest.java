package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.StepEnd;
import org.cellwright.solver.StepResult;
import org.cellwright.solver.dfn.DriveCycle;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.CurrentMode;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;

/**
 * Drive cycles on a solid-state cell (the Sung 2023 baseline full cell, NMC | argyrodite | bare collector): a followed
 * current or power profile (PyBaMM's UDDS samples, ../shared/data/dfn-reference/drive-cycles) passes the profile's
 * charge or energy, lands a time step on every sample time, stays within its voltage bounds and ends located at a
 * voltage cut-off.
 */
class SolidStateDriveCycleTest {
    static final CellSpec CELL = Sung2023Parameters.cell7FullBaseline(5e6, 298.15);
    /** Every time step a sample (the samples are the time steps). */
    static final SolverSettings EVERY_STEP = SolverSettings.builder().outputInterval(0).build();

    /** The UDDS samples, discharging (the solver's sign: positive charges), with the largest magnitude 'peak'. */
    static StepSpec.Follow udds(boolean power, CurrentMode mode, double peak, Cutoff... cutoffs) throws IOException {
        DriveCycle c = DriveCycleTest.read("UDDS.csv");
        double[] t = new double[(int) Math.round(c.period() / 1)], v = new double[t.length];
        double max = 0;
        for (int k = 0; k < t.length; k++) {
            t[k] = k;
            max = Math.max(max, Math.abs(c.at(k)));
        }
        for (int k = 0; k < t.length; k++) v[k] = -peak * c.at(k) / max;
        return new StepSpec.Follow(power, mode, t, v, "UDDS.csv", List.of(cutoffs));
    }

    /** Charged at C/2 to 4.3 V and rested, then the step. */
    static RecordingSink run(StepSpec step) {
        RecordingSink s = new RecordingSink();
        RunStatus st = new Simulation().run(CELL, ProtocolSpec.of(StepSpec.cRate(0.5, Cutoff.voltageAbove(4.3), Cutoff.duration(4 * 3600)),
                StepSpec.rest(600), step), EVERY_STEP, s, null);
        assertEquals(RunStatus.COMPLETED, st, () -> s.events.toString());
        return s;
    }

    static StepResult lastStep(RecordingSink s) {
        List<StepResult> steps = new ArrayList<>();
        s.cycles.forEach(c -> steps.addAll(c.steps()));
        return steps.get(steps.size() - 1);
    }

    static List<Sample> samplesOf(RecordingSink s, int stepIndex) {
        return s.samples.stream().filter(x -> x.stepIndex() == stepIndex).toList();
    }

    @Test
    void aCurrentProfileLoopsToItsDurationPassesItsIntegralAndLandsOnEverySample() throws IOException {
        // UDDS with its peak at 1 C, looped to 1 h (2.6 periods of 1370 s)
        StepSpec.Follow f = udds(false, CurrentMode.C_RATE, 1, Cutoff.voltageBelow(2.5), Cutoff.duration(3600));
        RecordingSink s = run(f);
        StepResult r = lastStep(s);
        assertEquals(StepEnd.DURATION, r.end());
        assertEquals(3600, r.endTime() - r.startTime(), 1e-6);
        double oneC = Simulation.nominalCapacity(CELL) / CELL.area() / 3600; // A/m2
        DriveCycle profile = new DriveCycle(f.time(), f.value()).scaled(oneC);
        double expected = profile.integral(3600);
        assertTrue(expected < 0, "the UDDS discharges on balance");
        assertEquals(expected, r.charge(), 1e-9 * Math.abs(expected), "the charge passed is the profile's integral");
        List<Sample> xs = samplesOf(s, 2);
        double t0 = r.startTime(), prev = t0;
        // each time step at the profile's mean over it: the profile is linear within every time step
        for (Sample x : xs) {
            if (x.time() <= t0) continue;
            double mean = 0.5 * (profile.at(prev - t0) + profile.at(x.time() - t0));
            assertEquals(mean, x.current(), 1e-9 * oneC + 1e-6 * Math.abs(mean), "current at t = " + (x.time() - t0));
            assertTrue(x.voltage() > 2.5 && x.voltage() < 4.35, "voltage " + x.voltage() + " at t = " + (x.time() - t0));
            prev = x.time();
        }
        // a time step ends on every sample time of the looped profile
        double[] times = xs.stream().mapToDouble(x -> x.time() - t0).toArray();
        int j = 0;
        for (double b : profile.breakpoints(3600)) {
            while (j < times.length && times[j] < b - 1e-6) j++;
            assertTrue(j < times.length && Math.abs(times[j] - b) <= 1e-6, "no time step ends at the sample time " + b + " s");
        }
    }

    @Test
    void aCurrentProfileEndsLocatedAtItsVoltageCutoff() throws IOException {
        // UDDS with its peak at 5 C to a 3.7 V floor: the voltage falls to it within the first period
        RecordingSink s = run(udds(false, CurrentMode.C_RATE, 5, Cutoff.voltageBelow(3.7), Cutoff.duration(3600)));
        StepResult r = lastStep(s);
        assertEquals(StepEnd.VOLTAGE_CUTOFF, r.end(), () -> s.events.toString());
        assertTrue(r.endTime() - r.startTime() < 3600, "ended before its duration");
        assertEquals(3.7, r.endVoltage(), Simulation.LANDING_TOLERANCE, "ended at the cut-off");
        assertEquals(3.7, s.last().voltage(), Simulation.LANDING_TOLERANCE);
    }

    @Test
    void aPowerProfileHoldsVTimesIAtTheProfileAndDeliversItsEnergy() throws IOException {
        // the UDDS samples read as a power density, peak 30 W/m2 (about 1 C at 3.8 V), for 30 min
        StepSpec.Follow f = udds(true, CurrentMode.DENSITY, 30, Cutoff.voltageBelow(2.5), Cutoff.duration(1800));
        RecordingSink s = run(f);
        StepResult r = lastStep(s);
        assertEquals(StepEnd.DURATION, r.end(), () -> s.events.toString());
        DriveCycle profile = new DriveCycle(f.time(), f.value());
        double t0 = r.startTime(), prev = t0, energy = 0;
        for (Sample x : samplesOf(s, 2)) {
            if (x.time() <= t0) continue;
            double mean = 0.5 * (profile.at(prev - t0) + profile.at(x.time() - t0));
            assertEquals(mean, x.voltage() * x.current(), 1e-6 * 30, "V I at t = " + (x.time() - t0));
            assertTrue(x.voltage() > 2.5 && x.voltage() < 4.35, "voltage " + x.voltage());
            energy += x.voltage() * x.current() * (x.time() - prev);
            prev = x.time();
        }
        double expected = profile.integral(1800);
        assertEquals(expected, energy, 1e-6 * Math.abs(expected), "the energy delivered is the profile's integral");
    }
}

package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.solver.OutputInterval;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.Sample;
import org.cellwright.solver.bench.WorkPrecisionBenchmark;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.CurrentMode;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.ResolvedInputs;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;

/**
 * The interval between a run's samples chosen for each step (session 36, {@link OutputInterval}; session 35 chose one for
 * the whole run, its shortest step's): where the settings leave it to the protocol (the default), each step gets 50
 * samples over its own nominal duration, however long, at least 1 s apart (a step without one 60 s, as a hold whose
 * for only caps its current cut-off); an interval the
 * settings give applies to every step; the run's inputs record the rule.
 */
class OutputIntervalTest {

    static final CellSpec ROOM = WorkPrecisionBenchmark.chargedBaseline(ParticleShellsTest.ROOM);

    /** The samples of the run's step with this index (flattened). */
    static List<Sample> step(RecordingSink s, int index) {
        return s.samples.stream().filter(x -> x.stepIndex() == index).toList();
    }

    /**
     * Each step's interval from its own nominal duration: 5 C for 2 min 2.4 s (its for), 5 C to 2.8 V 14.4 s (the
     * nominal capacity at 5 C, 12 min), 1.5 C and its current density 48 s, 1 C 72 s, the study's 0.35 C 206 s and its
     * 0.1 C cycle 720 s, a 0.05 C charge 1440 s (no ceiling: until session 36 60 s, which gave a slow step up to 1200
     * samples), a 10 s pulse 1 s (at least), a rest its for's 50th (600 s: 12 s; 1 h: 72 s), a hold without a duration
     * 60 s; an interval the settings give, whatever the step.
     */
    @Test
    void eachStepTakesFiftySamplesOverItsOwnNominalDuration() {
        assertEquals(2.4, OutputInterval.forStep(StepSpec.cRate(-5, Cutoff.voltageBelow(2.8), Cutoff.duration(120)), ROOM), 1e-12);
        assertEquals(14.4, OutputInterval.forStep(ParticleShellsTest.discharge(5).steps().get(0), ROOM), 1e-9);
        assertEquals(48, OutputInterval.forStep(ParticleShellsTest.discharge(1.5).steps().get(0), ROOM), 1e-9);
        double oneC = org.cellwright.solver.Simulation.nominalCapacity(ROOM) / ROOM.area() / 3600; // [A/m2]
        assertEquals(48, OutputInterval.forStep(ParticleShellsTest.density(1.5 * oneC).steps().get(0), ROOM), 1e-9);
        CellSpec cell6 = Sung2023Parameters.cell6Full(65e6, Sung2023Parameters.T_60C);
        List<StepSpec> cycling = Sung2023Parameters.fullCellCycling(2).flatten();
        for (int k = 0; k < cycling.size(); k++) {
            StepSpec st = cycling.get(k);
            assertEquals(k < 2 ? 720 : 3600 / 0.35 / 50, OutputInterval.forStep(st, cell6), 1e-9, () -> "the study's cycling: " + st);
        }
        assertEquals(720, OutputInterval.forStep(StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3)), ROOM), 1e-9);
        assertEquals(1440, OutputInterval.forStep(StepSpec.cRate(0.05, Cutoff.voltageAbove(4.3)), ROOM), 1e-9, "0.05 C: 20 h / 50");
        assertEquals(72, OutputInterval.forStep(ParticleShellsTest.discharge(1).steps().get(0), ROOM), 1e-9, "1 C: 1 h / 50");
        assertEquals(OutputInterval.SHORTEST, OutputInterval.forStep(StepSpec.cRate(-1, Cutoff.voltageBelow(2.8), Cutoff.duration(10)), ROOM));
        assertEquals(12, OutputInterval.forStep(StepSpec.rest(600), ROOM), 1e-12);
        assertEquals(72, OutputInterval.forStep(StepSpec.rest(3600), ROOM), 1e-12);
        assertEquals(60, OutputInterval.forStep(new StepSpec.ConstantVoltage(4.3, List.of(Cutoff.currentBelowCRate(0.05))), ROOM));
        SolverSettings every30 = SolverSettings.builder().outputInterval(30).build();
        assertEquals(30, OutputInterval.of(every30, StepSpec.cRate(-5, Cutoff.duration(120)), ROOM));
        assertEquals(30, OutputInterval.of(every30, StepSpec.rest(3600), ROOM));
        assertEquals(2.4, OutputInterval.of(SolverSettings.defaults(), StepSpec.cRate(-5, Cutoff.duration(120)), ROOM), 1e-12);
    }

    /**
     * A hold, rest or power step that ends by a cut-off of its own takes 60 s, its {@code for} only a cap: a CCCV hold
     * until 0.05 C for 20 h, which ends within minutes to hours, took the 20 h's 50th (one sample every 24 min, a hold
     * ending in minutes 4 samples) in this change's first version. A hold or rest that only its {@code for} ends takes
     * that for's 50th; a power step bounded by the cell's voltage window alone too (the window is no end of its own);
     * a constant current keeps its own nominal duration from its current beside a voltage cut-off and a for (0.1 C
     * until 4.3 V for 20 h: 10 h, 720 s).
     */
    @Test
    void aHoldOrRestEndedByItsOwnCutoffIsNotSampledOverItsCap() {
        var cccv = new StepSpec.ConstantVoltage(4.3, List.of(Cutoff.currentBelowCRate(0.05), Cutoff.duration(20 * 3600)));
        assertEquals(OutputInterval.WITHOUT_DURATION, OutputInterval.forStep(cccv, ROOM), "a CCCV hold until 0.05 C for 20 h");
        assertEquals(60, OutputInterval.forStep(new StepSpec.Rest(List.of(Cutoff.voltageBelow(3.5), Cutoff.duration(3600))), ROOM),
                "a rest until 3.5 V for 1 h");
        assertEquals(60, OutputInterval.forStep(new StepSpec.ConstantPower(-10, List.of(Cutoff.voltageBelow(3), Cutoff.duration(3600))), ROOM),
                "a power until 3 V for 1 h");
        assertEquals(72, OutputInterval.forStep(new StepSpec.ConstantVoltage(4.3, List.of(Cutoff.duration(3600))), ROOM), 1e-12,
                "a hold for 1 h: its for ends it");
        assertEquals(72, OutputInterval.forStep(new StepSpec.ConstantPower(-10, List.of(Cutoff.window(Cutoff.Kind.VOLTAGE_BELOW, 2.8),
                Cutoff.duration(3600))), ROOM), 1e-12, "a power for 1 h within the cell's window");
        assertEquals(720, OutputInterval.forStep(StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(20 * 3600)), ROOM), 1e-9,
                "0.1 C until 4.3 V for 20 h: from its current");
    }

    /**
     * A profile step (a drive cycle) is recorded at its own samples' spacing: a cycle given every second every second,
     * however long and whatever ends it (with the rule for steps without a nominal duration it took 60 s, and a 1 h UDDS
     * run showed 60 points of a current that changes every second).
     */
    @Test
    void aProfileIsRecordedAtItsOwnSamplesSpacing() {
        double[] t = new double[1370], v = new double[1370];
        for (int k = 0; k < t.length; k++) { t[k] = k; v[k] = k % 2 == 0 ? -1 : 0.5; }
        var udds = new StepSpec.Follow(false, CurrentMode.C_RATE, t, v, "UDDS.csv", List.of(Cutoff.voltageBelow(3.1), Cutoff.duration(3600)));
        assertEquals(1, OutputInterval.forStep(udds, ROOM), 1e-12, "a profile given every second, until 3.1 V for 1 h");
        var coarse = new StepSpec.Follow(true, CurrentMode.C_RATE, new double[] { 0, 30, 90, 120 }, new double[] { -1, 0.5, -1, -1 }, "p.csv",
                List.of(Cutoff.duration(600)));
        assertEquals(30, OutputInterval.forStep(coarse, ROOM), 1e-12, "its shortest spacing, 30 s");
        var fine = new StepSpec.Follow(false, CurrentMode.C_RATE, new double[] { 0, 0.1, 0.2 }, new double[] { -1, 0.5, -1 }, "f.csv", List.of());
        assertEquals(OutputInterval.SHORTEST, OutputInterval.forStep(fine, ROOM), 1e-12, "never below 1 s");
    }

    /** A 10 s pulse at 5 C, a rest of 10 min, 0.5 C for 30 min: each step at its own interval, 1, 12 and 36 s. */
    static final ProtocolSpec PULSE_REST_DISCHARGE = ProtocolSpec.of(StepSpec.cRate(-5, Cutoff.voltageBelow(2.8), Cutoff.duration(10)),
            StepSpec.rest(600), StepSpec.cRate(-0.5, Cutoff.voltageBelow(2.8), Cutoff.duration(1800)));

    /**
     * A protocol with one short pulse: session 35 sampled the whole run at the pulse's 1 s (its rest and its 30 min
     * discharge at every accepted time step); each step now takes its own interval, its samples that far apart (the
     * step's last one at its end), and the run's inputs record the rule instead of one interval (where every step takes
     * the same, that one).
     */
    @Test
    void aShortPulseSetsTheIntervalOfItsOwnStepOnly() {
        RecordingSink s = ParticleShellsTest.run(ROOM, PULSE_REST_DISCHARGE, SolverSettings.defaults());
        double[] every = {1, 12, 36};
        for (int k = 0; k < 3; k++) {
            List<Sample> step = step(s, k);
            for (int j = 1; j < step.size() - 1; j++) {
                double gap = step.get(j).time() - step.get(j - 1).time();
                int at = k;
                assertTrue(gap >= every[k] - 1e-9, () -> "step " + at + ": samples " + gap + " s apart, its interval " + every[at] + " s");
            }
        }
        ResolvedInputs in = new ResolvedInputs(new ResolvedInputs.Provenance("X", null, 0, "test", "2026-12-07T00:00:00Z"), ROOM,
                PULSE_REST_DISCHARGE, SolverSettings.defaults());
        assertEquals(SolverSettings.OUTPUT_INTERVAL_FROM_PROTOCOL, in.settings().outputInterval(), "left to each step");
        var json = InputsJson.toJson(in).getAsJsonObject("solver_settings");
        assertEquals(OutputInterval.RULE, json.get("output_interval").getAsString());
        assertFalse(json.has("output_interval_s"));
        assertEquals("each step's own: its nominal duration / 50, at least 1 s; a step without one 60 s, as a hold, rest or power"
                + " step with a cut-off besides its for; a profile at its own samples' spacing", OutputInterval.RULE);
        // a protocol whose steps all take one interval: that one for the run, recorded as one (the same run as that
        // interval given for every step; the inputs and their hash as before session 36)
        ResolvedInputs fast = new ResolvedInputs(in.provenance(), ROOM, ParticleShellsTest.discharge(5), SolverSettings.defaults());
        assertEquals(14.4, fast.settings().outputInterval(), 1e-9);
        assertEquals(14.4, InputsJson.toJson(fast).getAsJsonObject("solver_settings").get("output_interval_s").getAsDouble(), 1e-9);
        ResolvedInputs cycling = new ResolvedInputs(in.provenance(), Sung2023Parameters.cell6Full(65e6, Sung2023Parameters.T_60C),
                Sung2023Parameters.fullCellCycling(199), SolverSettings.defaults());
        assertEquals(SolverSettings.OUTPUT_INTERVAL_FROM_PROTOCOL, cycling.settings().outputInterval(),
                "the study's 200 cycles: 720 s for the 0.1 C cycle, 206 s for the 0.35 C ones (60 s for every step until session 36)");
    }

    /** An interval the settings give applies to every step: 30 s in the rest and the discharge after the pulse. */
    @Test
    void anExplicitIntervalAppliesToEveryStep() {
        SolverSettings every30 = SolverSettings.builder().outputInterval(30).build();
        ResolvedInputs in = new ResolvedInputs(new ResolvedInputs.Provenance("X", null, 0, "test", "now"), ROOM, PULSE_REST_DISCHARGE, every30);
        assertEquals(30, in.settings().outputInterval());
        assertEquals(30, InputsJson.toJson(in).getAsJsonObject("solver_settings").get("output_interval_s").getAsDouble());
        RecordingSink s = ParticleShellsTest.run(ROOM, PULSE_REST_DISCHARGE, every30);
        assertEquals(2, step(s, 0).size(), "the 10 s pulse: its start and its end");
        for (int k = 1; k < 3; k++) {
            List<Sample> step = step(s, k);
            double lasted = step.get(step.size() - 1).time() - s.samples.get(s.samples.indexOf(step.get(0)) - 1).time();
            assertTrue(step.size() <= lasted / 30 + 1, step.size() + " samples in " + lasted + " s of step " + k);
        }
    }
}

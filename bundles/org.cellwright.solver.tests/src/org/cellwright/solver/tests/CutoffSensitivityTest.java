package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.solver.AccuracyTarget;
import org.cellwright.solver.CutoffSensitivity;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.ResultSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.SimulationEvent;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.output.SummaryJsonWriter;
import org.cellwright.solver.output.SummaryKeys;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;

/**
 * A run whose capacity its cathode mesh cannot give within the capacity target (0.1 %, issue 13) says so, from what the
 * run itself knows at its cut-offs (CutoffSensitivity, session 37; docs/solid-state-solver.md "The cold pulses"): the
 * pulses of 0.3 C at -32 degC after a 0.1 C charge start 72 mV above 2.8 V and drift onto it, so 0.1 mV of the
 * default mesh's voltage error moves their capacity by 0.46 %; with 20 shells and 20 volumes they are 0.70 % off the
 * converged reference, with 48 x 40 0.097 %. (Before NCM811's exchange current 0.249 mA/cm2, the session's first
 * version, the pulses of 0.35 C at -30 degC were on that cliff, starting 80 mV above 2.8 V: 0.37 % estimated, 0.58 %
 * off; the 2.8 times faster charge transfer lifted them, 0.21 % estimated, 0.27 % from 48 x 40, and the cliff moved
 * colder: a higher rate at -30 degC is past the bound where the default mesh refines itself, 0.355 C.) The 2 C pulses
 * at 0 degC fall steeply onto 2.8 V, their first cut-off 278 mV below their start (0.006 % per 0.1 mV; 0.013 % before
 * the exchange current 0.249) and meet the target with the default mesh (0.024 %; 0.019 % before): no warning, nor
 * with 20 x 20 (0.02 % from 48 x 40). Since session 40 the voltage error at each cut-off is the run's own (its particle
 * shells against twice as many driven by its fluxes, its control volumes' truncation; since session 41 its control
 * volumes against half as many driven by its currents), not 0.1 mV (0.02 mV on 48 x 40) assumed: docs/solid-state-solver.md
 * "Session 40", "Session 41".
 */
class CutoffSensitivityTest {

    static final double MINUS_31_C = 242.15, MINUS_32_C = 241.15, ZERO_C = 273.15;

    /** Cell 6 charged at 0.1 C onto 4.3 V, then four pulses at the rate for 15 min or until 2.8 V, 30 min apart. */
    static RecordingSink pulses(double temperature, double rate, SolverSettings st) {
        RecordingSink s = new RecordingSink();
        assertEquals(RunStatus.COMPLETED, new Simulation().run(Sung2023Parameters.cell6Full(65e6, temperature),
                ProtocolSpec.of(StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600)),
                        StepSpec.repeat(4, StepSpec.cRate(-rate, Cutoff.duration(900), Cutoff.voltageBelow(2.8)), StepSpec.rest(1800))),
                st, s, null));
        return s;
    }

    static List<SimulationEvent> meshWarnings(RecordingSink s) {
        return s.events.stream().filter(e -> e.message().startsWith("warning") && e.message().contains("mesh:")).toList();
    }

    static double capacity(RecordingSink s) {
        return s.cycles.get(s.cycles.size() - 1).dischargeCapacity();
    }

    @Test
    void coldPulsesOnTheCliffAreWarnedOfTheirMeshAndTheFinerMeshNamedMovesTheirCapacityBeyondTheTarget() {
        RecordingSink d = pulses(MINUS_32_C, 0.3, SolverSettings.defaults());
        List<SimulationEvent> w = meshWarnings(d);
        assertEquals(1, w.size(), "one warning for the cycle: " + d.events);
        SimulationEvent e = w.get(0);
        // the first pulse (step 2.1, flat index 1) is the one that drifts longest onto its cut-off
        assertEquals(1, e.stepIndex(), e.message());
        assertEquals(1, e.cycleIndex(), e.message());
        assertEquals(SimulationEvent.Type.ACCURACY, e.type(), "a warning, typed as one (INFO before session 38)");
        assertTrue(e.value() > 3 * AccuracyTarget.CAPACITY, "estimate " + e.value());
        assertTrue(e.message().startsWith("warning: cycle 1, step 2.1"), e.message());
        assertTrue(e.message().contains("solver { particle-nodes = 48  cathode-nodes = 40 }"), e.message());
        // and it is true: the finer mesh it names moves the capacity by several times the target (0.60 %; the default
        // mesh is 0.77 % off the converged reference, 48 x 40 0.17 %: session 40, on the landing within 1 uV), and its own
        // run is warned too since session 40 (estimated 0.16 % from its own voltage error at the cut-offs, 0.09 % with
        // 0.02 mV assumed before), asking for a comparison with a finer mesh, none named
        RecordingSink f = pulses(MINUS_32_C, 0.3, SolverSettings.builder().particleNodes(48).cathodeNodes(40).build());
        assertTrue(Math.abs(capacity(d) - capacity(f)) / capacity(f) > 3 * AccuracyTarget.CAPACITY, capacity(d) + " vs " + capacity(f));
        List<SimulationEvent> fw = meshWarnings(f);
        assertEquals(1, fw.size(), f.events.toString());
        assertTrue(fw.get(0).message().endsWith("compare with a finer mesh (particle-nodes = 80  cathode-nodes = 80)"), fw.get(0).message());
    }

    @Test
    void laterCyclesThatMissAreCountedInOneMessageAtTheRunsEnd(@TempDir Path tmp) throws Exception {
        // three cycles of a 0.1 C charge and a 0.3 C discharge at -31 degC: each discharge starts 182 mV above 2.8 V and
        // ends on 2.9 mV over its last 5 %, 0.17 % per 0.1 mV (the default mesh 0.32 % off the reference in the first
        // cycle, 0.57 % in the last; 48 x 40 0.07 and 0.28 %, its charges onto 4.3 V short; re-measured in session 38
        // against 200 x 120, rtol 1e-8, steps <= 10 s on the fitted OCP, in session 39 with NCM811's OCP table: 0.365 and
        // 0.378 %, 48 x 40 0.071 and 0.083 %; before the charge end control the charges of cycles 2 and 3 were 0.77 and
        // 0.58 % short, 48 x 40 0.46 and 0.28 %, 0.39 % of that their end's time steps on any mesh, which that control
        // takes out: CutoffSensitivity's comment). At -30 degC, this
        // test's scenario before NCM811's exchange current 0.249 mA/cm2 (0.11 % per 0.1 mV then), the faster charge
        // transfer left each cycle's estimate within the target (no warning)
        RecordingSink s = new RecordingSink();
        SummaryJsonWriter json = new SummaryJsonWriter(tmp);
        assertEquals(RunStatus.COMPLETED, new Simulation().run(Sung2023Parameters.cell6Full(65e6, MINUS_31_C),
                ProtocolSpec.of(StepSpec.repeat(3, StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600)),
                        StepSpec.cRate(-0.3, Cutoff.duration(8 * 3600), Cutoff.voltageBelow(2.8)))),
                SolverSettings.defaults(), ResultSink.tee(s, json), null));
        List<SimulationEvent> w = meshWarnings(s);
        assertEquals(1, w.size(), s.events.toString());
        assertEquals(1, w.get(0).cycleIndex());
        assertTrue(w.get(0).message().startsWith("warning: cycle 1, step 1.2: mesh:"), w.get(0).message());
        assertEquals(1, s.events.stream().filter(e -> e.message().startsWith("warning: 2 later cycles' capacities may be off for the mesh too")
                && e.message().endsWith("the last cycle 3")).count(), s.events.toString());
        // summary.json carries both where the run's warnings go, typed as warnings ("STEP_END: warning: ...",
        // "SOFT_SHORT: warning: ..."): its messages, "ACCURACY: warning: ..." (session 37: "INFO: warning: ...")
        JsonArray messages = JsonParser.parseString(Files.readString(tmp.resolve("summary.json"))).getAsJsonObject().getAsJsonArray(SummaryKeys.MESSAGES);
        List<String> said = messages.asList().stream().map(m -> m.getAsString()).toList();
        assertEquals(1, said.stream().filter(m -> m.startsWith("ACCURACY: warning: cycle 1, step 1.2: mesh:")).count(), said.toString());
        assertEquals(1, said.stream().filter(m -> m.startsWith("ACCURACY: warning: 2 later cycles' capacities")).count(), said.toString());
        assertTrue(said.stream().noneMatch(m -> m.startsWith("INFO: warning")), said.toString());
    }

    /** Three cycles of a 0.1 C charge onto 4.3 V and a 0.3 C discharge onto 2.8 V (8 h at most) at the temperature. */
    static RecordingSink cycles(double temperature, int n, SolverSettings st) {
        RecordingSink s = new RecordingSink();
        assertEquals(RunStatus.COMPLETED, new Simulation().run(Sung2023Parameters.cell6Full(65e6, temperature),
                ProtocolSpec.of(StepSpec.repeat(n, StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600)),
                        StepSpec.cRate(-0.3, Cutoff.duration(8 * 3600), Cutoff.voltageBelow(2.8)))), st, s, null));
        return s;
    }

    @Test
    void aColdDischargeAfterAChargeIsEstimatedFromTheVoltageErrorItsOwnRunMeasures() {
        // session 40: the voltage error at the cut-off measured by the run (its particle shells against twice as many
        // driven by the same fluxes, its control volumes' truncation), not one assumed 0.1 mV. Three cycles at -32 degC:
        // each discharge delivers 2.6 % of the capacity in 3 min after the charge, its cut-off 0.25 mV off on 20 x 20
        // (0.19-0.31 mV measured against the reference in session 39); the capacity 0.83 / 0.82 / 0.96 % off the
        // reference (200 x 160 x 80, rtol 1e-8, steps <= 5 s), 48 x 40 moves it by 0.65 %; estimated 0.74 % (0.27 %
        // with 0.1 mV assumed: 2.4x low of what the finer mesh moves, 2.9-3.4x of the error); since session 41, with the
        // control volumes' share measured by a shadow on half the volumes (0.064 mV where the truncation said 0.030),
        // estimated 0.83 % (0.86 % off 200 x 160 on the same steps)
        RecordingSink d = cycles(MINUS_32_C, 1, SolverSettings.defaults());
        RecordingSink f = cycles(MINUS_32_C, 1, SolverSettings.builder().particleNodes(48).cathodeNodes(40).build());
        double moved = (capacity(f) - capacity(d)) / capacity(f);
        List<SimulationEvent> w = meshWarnings(d);
        assertEquals(1, w.size(), d.events.toString());
        double estimate = w.get(0).value();
        assertTrue(moved > 0.005, "the finer mesh moves the capacity by " + moved);
        assertTrue(estimate > moved / 1.5 && estimate < 1.5 * moved, "estimate " + estimate + " against " + moved + " moved by 48 x 40");
        assertTrue(w.get(0).message().contains("(measured by the run: "), w.get(0).message());
        // the same discharge at -30 degC, 0.074 % off the reference (the shells 0.030 %), is not warned: estimated
        // 0.052 % (0.071 % with 0.1 mV assumed)
        assertEquals(List.of(), meshWarnings(cycles(243.15, 1, SolverSettings.defaults())));
    }

    @Test
    void pulsesFallingSteeplyOntoTheirCutoffAreNotWarned() {
        RecordingSink d = pulses(ZERO_C, 2, SolverSettings.defaults());
        assertTrue(d.steps().stream().anyMatch(r -> r.end() == org.cellwright.solver.StepEnd.VOLTAGE_CUTOFF && r.charge() < 0),
                "the pulses end at their cut-off, where the estimate is taken");
        assertEquals(List.of(), meshWarnings(d));
    }

    @Test
    void theEndSlopeIsTakenOverTheStepsLastChargeNotItsLandingSliver() {
        CutoffSensitivity c = new CutoffSensitivity(20, 20);
        c.stepStarted();
        // 1 mV per 100 C/m2 over 1000 C/m2, then a landing time step of 0.01 C/m2 falling 0.05 mV
        for (int k = 0; k <= 100; k++) c.acceptedAtSetCurrent(10.0 * k, 2.81 - 1e-5 * 10.0 * k);
        c.acceptedAtSetCurrent(1000.01, 2.81 - 1e-2 - 5e-5);
        assertEquals(1e-5, c.endSlope(), 0.15e-5, "the last time step alone gives 5e-3");
        assertEquals(CutoffSensitivity.COARSE_VOLTAGE_ERROR, CutoffSensitivity.voltageError(20, 20));
        assertEquals(CutoffSensitivity.FINE_VOLTAGE_ERROR, CutoffSensitivity.voltageError(48, 40));
        assertEquals(CutoffSensitivity.COARSE_VOLTAGE_ERROR, CutoffSensitivity.voltageError(80, 20), "20 volumes are coarse with any shells");
        // 0.1 mV on a slope of 1e-5 V per C/m2 is 10 C/m2, 1 % of 1000 C/m2
        assertEquals(0.01, CutoffSensitivity.estimate(1e-4, 1 / 1e-5, 1000), 1e-12);
    }
}

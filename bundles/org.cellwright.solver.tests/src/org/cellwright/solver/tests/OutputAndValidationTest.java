package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.cellwright.solver.ResultSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.InputValidator;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.output.CsvResultWriter;
import org.cellwright.solver.output.SummaryJsonWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputAndValidationTest {

    @Test
    void writersProduceCsvAndSummary(@TempDir Path dir) throws Exception {
        ProtocolSpec p = ProtocolSpec.of(StepSpec.repeat(2,
                StepSpec.currentDensity(-3, Cutoff.duration(3600)), StepSpec.currentDensity(3, Cutoff.duration(1800))));
        RunStatus st = new Simulation().run(TestCells.symmetricLi(5e6), p, SolverSettings.defaults(),
                ResultSink.tee(new CsvResultWriter(dir), new SummaryJsonWriter(dir)), null);
        assertEquals(RunStatus.COMPLETED, st);
        List<String> ts = Files.readAllLines(dir.resolve("timeseries.csv"));
        assertTrue(ts.get(0).startsWith("time_h,step,cycle,voltage_V,current_mA_cm2,"), ts.get(0));
        assertTrue(ts.size() > 10);
        List<String> cy = Files.readAllLines(dir.resolve("cycles.csv"));
        assertEquals(3, cy.size());
        JsonObject js = JsonParser.parseString(Files.readString(dir.resolve("summary.json"))).getAsJsonObject();
        assertEquals("LiLi", js.get("cell").getAsString());
        assertEquals("COMPLETED", js.get("status").getAsString());
        assertTrue(js.get("short_circuit").isJsonNull());
        assertTrue(js.has("nucleation_overpotential_mV"));
        var c1 = js.getAsJsonArray("cycles").get(0).getAsJsonObject();
        assertEquals(1, c1.get("index").getAsInt());
        assertEquals(0.3, c1.get("discharge_mAh_cm2").getAsDouble(), 1e-9); // 0.3 mA/cm2 x 1 h
        assertEquals(0.15, c1.get("charge_mAh_cm2").getAsDouble(), 1e-9);
        // stripped for a duration, not to a cut-off: no efficiency, null (CycleBook.bringsTheCellBack; the protocol's 0.5 before)
        assertTrue(c1.get("coulombic_efficiency").isJsonNull(), c1.toString());
        assertTrue(c1.get("discharge_mAh_g").isJsonNull());
    }

    /**
     * Fuzzing (session 18): times were written with 7 significant digits, so past 1000 h a sample's time was rounded
     * to 3.6 s and two samples of a 1 s pulse fell on the same printed time. Times are written to round-trip.
     */
    @Test
    void samplesLateInALongTestKeepTheirExactTimes(@TempDir Path dir) throws Exception {
        double[] times = {1000 * 3600.0 + 0.25, 1000 * 3600.0 + 1.25, 1000 * 3600.0 + 1.75, 12345.678901234567, 1e-7, 0};
        try (CsvResultWriter w = new CsvResultWriter(dir)) {
            for (double t : times)
                w.sample(new org.cellwright.solver.Sample(t, 0, 1, 3.7, 1.0, 298.15, 5e6, 0.1, 3.7,
                        new double[org.cellwright.solver.OverpotentialKind.values().length],
                        org.cellwright.solver.LithiumInventory.ZERO));
            w.cycle(new org.cellwright.solver.CycleSummary(1, 1, 1, 1, Double.NaN, times[0], times[2],
                    org.cellwright.solver.LithiumInventory.ZERO, List.of(), true, true));
        }
        List<String> ts = Files.readAllLines(dir.resolve("timeseries.csv"));
        for (int i = 0; i < times.length; i++)
            assertEquals(times[i] / 3600, Double.parseDouble(ts.get(i + 1).split(",")[0]), 0, ts.get(i + 1));
        assertTrue(ts.get(5).startsWith("0.0000000000277"), ts.get(5)); // plain decimals, no exponent
        String[] cy = Files.readAllLines(dir.resolve("cycles.csv")).get(1).split(",");
        assertEquals(times[0] / 3600, Double.parseDouble(cy[5]), 0);
        assertEquals(times[2] / 3600, Double.parseDouble(cy[6]), 0);
        assertEquals("3.700000", ts.get(1).split(",")[3]); // other columns keep their 7 digits
    }

    @Test
    void validatorNamesCellLayerAndProperty() {
        CellSpec bad = TestCells.fullCell().toBuilder().name("Full6")
                .replaceLayer(TestCells.fullCell().cathode().toBuilder().porosity(1.2).build()).build();
        List<String> problems = InputValidator.validate(bad, ProtocolSpec.of(StepSpec.rest(1)), SolverSettings.defaults());
        assertTrue(problems.contains("cell Full6, layer Cathode: porosity 1.2 is outside [0,1)"), problems.toString());
        RunStatus st = new Simulation().run(bad, ProtocolSpec.of(StepSpec.rest(1)), SolverSettings.defaults(), ResultSink.discard(), null);
        assertEquals(RunStatus.INVALID_INPUT, st);
    }

    @Test
    void validatorAcceptsStudyCellsAndRejectsMissingCutoff() {
        assertEquals(List.of(), InputValidator.validate(TestCells.fullCell(), ProtocolSpec.of(StepSpec.rest(1)), SolverSettings.defaults()));
        List<String> p = InputValidator.validate(TestCells.fullCell(), ProtocolSpec.of(StepSpec.currentDensity(1)), SolverSettings.defaults());
        assertFalse(p.isEmpty());
        LayerSpec thin = TestCells.fullCell().layers().get(2).toBuilder().thickness(-1).build();
        CellSpec c = TestCells.fullCell().toBuilder().replaceLayer(thin).build();
        List<String> q = InputValidator.validate(c, ProtocolSpec.of(StepSpec.rest(1)), SolverSettings.defaults());
        assertTrue(q.stream().anyMatch(s -> s.contains("layer LPSCl: thickness -1.0 must be > 0")), q.toString());
    }
}

package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cellwright.solver.SimulationEvent;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepNumbers;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.ResolvedInputs;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;

/**
 * How a step is named to a user (StepNumbers): by its number as the protocol is written and the report lists it, nested
 * through repeats, with the line the file wrote it at. walk30: the messages numbered steps from 0 over the flattened
 * protocol (timeseries.csv's numbering), so "step 7" of a warning was no step a user could find in the report or file.
 */
class StepNumbersTest {

    /** rest; repeat 3 { charge; repeat 2 { discharge; rest } }; charge: written on lines 2-8. */
    static ProtocolSpec nested() {
        return new ProtocolSpec("p", List.of(StepSpec.rest(60),
                StepSpec.repeat(3, StepSpec.cRate(1, Cutoff.voltageAbove(4.3)),
                        StepSpec.repeat(2, StepSpec.cRate(-1, Cutoff.voltageBelow(2.8)), StepSpec.rest(60))),
                StepSpec.cRate(1, Cutoff.voltageAbove(4.3))),
                List.of("line 2", "line 3", "line 4", "line 5", "line 6", "line 7", "other.cell line 8"));
    }

    @Test
    void aFlattenedStepIsNamedByItsNestedNumberAndLine() {
        StepNumbers n = StepNumbers.of(nested());
        // flattened: 0 rest | 1 charge, 2 discharge, 3 rest, 4 discharge, 5 rest | 6-10 | 11-15 | 16 charge
        assertEquals(17, nested().flatten().size());
        String[] numbers = { "1", "2.1", "2.2.1", "2.2.2", "2.2.1", "2.2.2", "2.1", "2.2.1", "2.2.2", "2.2.1", "2.2.2", "2.1", "2.2.1",
                "2.2.2", "2.2.1", "2.2.2", "3" };
        for (int k = 0; k < numbers.length; k++) assertEquals(numbers[k], n.number(k), "flattened step " + k);
        assertEquals("step 2.2.1 (line 6)", n.name(12));
        // in a column headed "step" (the voltage RMS per step of the report and the Model error tab): the same, without the word
        assertEquals("2.2.1 (line 6)", n.written(12));
        assertEquals("18", n.written(17));
        assertEquals("cycle 4, step 2.2.2 (line 7)", n.at(4, 15));
        assertEquals("cycle 5, step 3 (other.cell line 8) (voltage-cutoff at 2 h)", n.at(5, 16, "voltage-cutoff at 2 h"));
        // the same step wherever the flattened protocol runs it: its runs differ by cycle, not by number
        assertEquals(n.node(2).number(), n.node(14).number());
        // beyond the protocol, or without one: the flattened index from 1
        assertEquals("18", n.number(17));
        assertEquals("cycle 1, step 8", StepNumbers.of(null).at(1, 7));
    }

    @Test
    void theNodesAreTheReportsListInTheOrderWritten() {
        List<StepNumbers.Node> nodes = StepNumbers.of(nested()).nodes();
        assertEquals(List.of("1", "2", "2.1", "2.2", "2.2.1", "2.2.2", "3"), nodes.stream().map(StepNumbers.Node::number).toList());
        assertEquals(List.of(0, 0, 1, 1, 2, 2, 0), nodes.stream().map(StepNumbers.Node::depth).toList());
        assertEquals("line 3", nodes.get(1).place());
        assertTrue(nodes.get(1).step() instanceof StepSpec.Repeat);
        // a protocol built in code knows no places
        assertEquals(null, StepNumbers.of(new ProtocolSpec("p", nested().steps())).nodes().get(1).place());
    }

    /** Where the file wrote a step is no part of what runs: equal protocols, the same hash; inputs.json keeps it outside it. */
    @Test
    void placesAreKeptInTheRecordButNotInWhatRuns() {
        ProtocolSpec p = nested(), bare = new ProtocolSpec("p", p.steps());
        assertEquals(bare, p);
        assertEquals(bare.hashCode(), p.hashCode());
        ResolvedInputs.Provenance prov = new ResolvedInputs.Provenance("c", null, 0, "test", "now");
        ResolvedInputs in = new ResolvedInputs(prov, Sung2023Parameters.cell2Interlayer(34e6), p, SolverSettings.defaults());
        ResolvedInputs back = InputsJson.parse(InputsJson.toJson(in).toString(), "inputs.json");
        assertEquals(p.places(), back.protocol().places());
        assertEquals(InputsJson.solverJson(new ResolvedInputs(prov, in.cell(), bare, in.settings())), InputsJson.solverJson(in));
        assertFalse(InputsJson.toJson(new ResolvedInputs(prov, in.cell(), bare, in.settings())).toString().contains(InputsJson.STEP_PLACES));
    }

    /** A run's warning names the step as the protocol is written, with its line (the recorder's step, here a melting warning's). */
    @Test
    void aRunsWarningNamesTheStepAsWritten() {
        var hot = new org.cellwright.solver.RecordingSink();
        List<StepSpec> steps = new java.util.ArrayList<>(Sung2023Parameters.platingStrippingInterlayer(1).steps());
        steps.add(2, new StepSpec.SetTemperature(463.15));
        List<String> places = List.of("line 10", "line 11", "line 12", "line 13", "line 14", "line 15");
        new Simulation().run(Sung2023Parameters.cell2Interlayer(34e6), new ProtocolSpec("p", steps, places),
                SolverSettings.builder().cathodeNodes(5).particleNodes(10).outputInterval(3600).build(), hot, null);
        String w = hot.events.stream().map(SimulationEvent::message).filter(m -> m.contains("melting point")).findFirst().orElse("");
        assertTrue(w.startsWith("warning: cycle 1, step 3 (line 12): the cell is at 190 degC"), w);
    }
}

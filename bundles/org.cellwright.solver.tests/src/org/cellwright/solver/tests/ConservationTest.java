package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.stream.Stream;

import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.SimulationEvent;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Lithium and charge are conserved (debug checks on every step, and explicitly from the streamed samples). */
class ConservationTest {
    static final double F = 96485.33212;

    static Stream<Arguments> cells() {
        ProtocolSpec half = ProtocolSpec.of(StepSpec.currentDensity(-3, Cutoff.duration(2 * 3600)),
                StepSpec.currentDensity(3, Cutoff.voltageAbove(0.2), Cutoff.duration(4 * 3600)), StepSpec.rest(600));
        ProtocolSpec full = ProtocolSpec.of(StepSpec.cRate(0.5, Cutoff.voltageAbove(4.3), Cutoff.duration(3 * 3600)),
                StepSpec.cRate(-0.5, Cutoff.voltageBelow(2.8), Cutoff.duration(3 * 3600)));
        return Stream.of(
                Arguments.of(Sung2023Parameters.cell3Bare(5e6), half),
                Arguments.of(Sung2023Parameters.cell2Interlayer(5e6), half),
                Arguments.of(Sung2023Parameters.cell4Cnt(5e6), half),
                Arguments.of(Sung2023Parameters.cell7FullBaseline(5e6, 298.15), full),
                Arguments.of(Sung2023Parameters.cell6Full(5e6, 333.15), full));
    }

    @ParameterizedTest
    @MethodSource("cells")
    void lithiumIsConservedEveryStep(CellSpec cell, ProtocolSpec p) {
        RecordingSink s = new RecordingSink();
        RunStatus st = new Simulation().run(cell, p, SolverSettings.builder().debugConservationChecks(true).outputInterval(300).build(), s, null);
        assertEquals(RunStatus.COMPLETED, st, () -> s.events.toString());
        assertTrue(s.events(SimulationEvent.Type.CONSERVATION_ERROR).isEmpty());
        double total0 = s.samples.get(0).lithium().total();
        for (Sample x : s.samples) assertEquals(total0, x.lithium().total(), 1e-9 * total0);
        assertTrue(s.cycles.get(0).chargeCapacity() > 0 && s.cycles.get(0).dischargeCapacity() > 0, "the run must move charge");
    }

    /**
     * The interlayer half cell on coarse and fine interlayer meshes (the collector-side Li site has the MIEC face's
     * area on every mesh): lithium conserved at every step, and the plated charge the same within 0.1 %.
     */
    @Test
    void interlayerConservesLithiumOnEveryMesh() {
        ProtocolSpec p = ProtocolSpec.of(StepSpec.currentDensity(-9.2, Cutoff.duration(3600)),
                StepSpec.currentDensity(9.2, Cutoff.voltageAbove(0.2), Cutoff.duration(2 * 3600)));
        double[] stripped = new double[3];
        int[] nodes = {3, 20, 40};
        for (int k = 0; k < nodes.length; k++) {
            RecordingSink s = new RecordingSink();
            RunStatus st = new Simulation().run(Sung2023Parameters.cell2Interlayer(34e6), p,
                    SolverSettings.builder().interlayerNodes(nodes[k]).debugConservationChecks(true).outputInterval(300).build(), s, null);
            assertEquals(RunStatus.COMPLETED, st, () -> s.events.toString());
            assertTrue(s.events(SimulationEvent.Type.CONSERVATION_ERROR).isEmpty(), () -> s.events.toString());
            double total0 = s.samples.get(0).lithium().total();
            for (Sample x : s.samples) assertEquals(total0, x.lithium().total(), 1e-9 * total0);
            stripped[k] = s.cycles.get(0).chargeCapacity();
            assertTrue(stripped[k] > 0, "the run must strip Li");
        }
        assertEquals(stripped[2], stripped[0], 1e-3 * stripped[2], "stripped charge, 3 against 40 nodes");
        assertEquals(stripped[2], stripped[1], 1e-3 * stripped[2], "stripped charge, 20 against 40 nodes");
    }

    @Test
    void cathodeLithiumChangesByPassedChargeOverF() {
        CellSpec cell = Sung2023Parameters.cell7FullBaseline(5e6, 298.15);
        RecordingSink s = new RecordingSink();
        new Simulation().run(cell, ProtocolSpec.of(StepSpec.cRate(1, Cutoff.duration(1800)), StepSpec.cRate(-0.5, Cutoff.duration(1200))),
                SolverSettings.builder().outputInterval(60).build(), s, null);
        Sample first = s.samples.get(0), endCharge = null;
        for (Sample x : s.samples) if (x.stepIndex() == 0) endCharge = x;
        double charge = endCharge.stepCapacity(); // C/m2 passed in the charge step
        assertTrue(charge > 1e4);
        assertEquals(-charge / F, endCharge.lithium().cathode() - first.lithium().cathode(), 1e-9 * charge / F);
        Sample end = s.last();
        assertEquals(-(charge + end.stepCapacity()) / F, end.lithium().cathode() - first.lithium().cathode(), 1e-9 * charge / F);
    }
}

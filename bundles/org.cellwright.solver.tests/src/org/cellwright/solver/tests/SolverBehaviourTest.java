package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.atomic.AtomicInteger;

import org.cellwright.solver.CycleSummary;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.ResultSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.SimulationEvent;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.MaterialProperty;
import org.cellwright.solver.input.MaterialSpec;
import org.cellwright.solver.input.LayerRole;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;

/** Protocol handling, temperature dependence, mesh convergence, cancellation and short circuits. */
class SolverBehaviourTest {

    static double dischargeCapacity(int nodes, int shells) {
        RecordingSink s = new RecordingSink();
        new Simulation().run(Sung2023Parameters.cell7FullBaseline(5e6, 298.15),
                ProtocolSpec.of(StepSpec.cRate(0.5, Cutoff.voltageAbove(4.3), Cutoff.duration(4 * 3600)),
                        StepSpec.cRate(-1, Cutoff.voltageBelow(3.4), Cutoff.duration(2 * 3600))),
                SolverSettings.builder().cathodeNodes(nodes).particleNodes(shells).maxStep(20).outputInterval(3600).build(), s, null);
        return s.cycles.get(0).dischargeCapacity();
    }

    @Test
    void cathodeMeshConvergence() {
        double c1 = dischargeCapacity(5, 8), c2 = dischargeCapacity(10, 16), c3 = dischargeCapacity(20, 32);
        double e1 = Math.abs(c1 - c3), e2 = Math.abs(c2 - c3);
        assertTrue(e2 < 0.6 * e1, "errors " + e1 + " " + e2);
        assertEquals(c3, c2, 0.01 * c3);
    }

    @Test
    void separatorResistanceFollowsArrhenius() {
        MaterialSpec se = Sung2023Parameters.lpscl();
        double ea = se.get(MaterialProperty.IONIC_ACTIVATION_ENERGY, 0);
        CellSpec cold = TestCells.resistorStack().toBuilder().layers(java.util.List.of(
                TestCells.resistorStack().layers().get(0),
                LayerSpec.builder("SE", LayerRole.SEPARATOR).thickness(TestCells.SE_L).material(
                        MaterialSpec.builder("SE").set(MaterialProperty.IONIC_CONDUCTIVITY, 0.2).set(MaterialProperty.IONIC_ACTIVATION_ENERGY, ea).build()).build(),
                TestCells.resistorStack().layers().get(2))).build();
        CellSpec hot = cold.toBuilder().temperature(333.15).build();
        ProtocolSpec p = ProtocolSpec.of(StepSpec.currentDensity(5, Cutoff.duration(10)));
        RecordingSink a = new RecordingSink(), b = new RecordingSink();
        new Simulation().run(cold, p, SolverSettings.defaults(), a, null);
        new Simulation().run(hot, p, SolverSettings.defaults(), b, null);
        double ratio = a.last().overpotential(org.cellwright.solver.OverpotentialKind.SEPARATOR_OHMIC)
                / b.last().overpotential(org.cellwright.solver.OverpotentialKind.SEPARATOR_OHMIC);
        assertEquals(Math.exp(ea / 8.314462618 * (1 / 298.15 - 1 / 333.15)), ratio, 1e-9);
    }

    @Test
    void voltageHoldEndsWhenCurrentDecays() {
        ProtocolSpec p = ProtocolSpec.of(StepSpec.cRate(1, Cutoff.voltageAbove(4.2), Cutoff.duration(3 * 3600)),
                StepSpec.voltageHold(4.2, Cutoff.currentBelow(0.5), Cutoff.duration(5 * 3600)));
        RecordingSink s = new RecordingSink();
        RunStatus st = new Simulation().run(Sung2023Parameters.cell7FullBaseline(5e6, 298.15), p, SolverSettings.builder().outputInterval(60).build(), s, null);
        assertEquals(RunStatus.COMPLETED, st);
        Sample last = s.last();
        assertEquals(4.2, last.voltage(), 1e-4);
        assertTrue(Math.abs(last.current()) <= 0.5 + 1e-9 && last.current() > 0, "current " + last.current());
        assertTrue(last.time() < 8 * 3600 - 1);
    }

    @Test
    void cancellationStopsTheRun() {
        AtomicInteger calls = new AtomicInteger();
        RunStatus st = new Simulation().run(Sung2023Parameters.cell7FullBaseline(5e6, 298.15), Sung2023Parameters.fullCellCycling(50),
                SolverSettings.defaults(), ResultSink.discard(), ProgressListener.cancelWhen(() -> calls.incrementAndGet() > 20));
        assertEquals(RunStatus.CANCELLED, st);
    }

    @Test
    void progressReportsCycles() {
        int[] maxCycle = new int[2];
        new Simulation().run(TestCells.symmetricLi(30e6), ProtocolSpec.of(StepSpec.repeat(3,
                StepSpec.currentDensity(-5, Cutoff.duration(600)), StepSpec.currentDensity(5, Cutoff.duration(600)))),
                SolverSettings.defaults(), ResultSink.discard(), new ProgressListener() {
                    @Override public void progress(double t, int step, int steps, int cycle, int cycles) {
                        maxCycle[0] = Math.max(maxCycle[0], cycle);
                        maxCycle[1] = cycles;
                    }
                });
        assertEquals(3, maxCycle[0]);
        assertEquals(3, maxCycle[1]);
    }

    @Test
    void baselineShortsAt65MPaButNotWithInterlayerOrAtLowPressure() {
        ProtocolSpec p = Sung2023Parameters.fullCellCycling(6);
        SolverSettings coarse = SolverSettings.builder().outputInterval(3600).build();
        RecordingSink base65 = new RecordingSink(), inter65 = new RecordingSink(), base5 = new RecordingSink();
        assertEquals(RunStatus.SHORT_CIRCUIT, new Simulation().run(Sung2023Parameters.cell7FullBaseline(65e6, 298.15), p, coarse, base65, null));
        assertEquals(1, base65.events(SimulationEvent.Type.SHORT_CIRCUIT).size());
        assertEquals(RunStatus.COMPLETED, new Simulation().run(Sung2023Parameters.cell6Full(65e6, 298.15), p, coarse, inter65, null));
        assertEquals(RunStatus.COMPLETED, new Simulation().run(Sung2023Parameters.cell7FullBaseline(5e6, 298.15), p, coarse, base5, null));
        for (CycleSummary c : inter65.cycles) assertTrue(c.dischargeCapacity() > 0);
    }
}

package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;

/**
 * The calibrated parameter set against the results table of Sung et al., Adv. Mater. 2023,
 * DOI 10.1002/adma.202210835 (values the parameters were calibrated to; see Sung2023Parameters).
 */
class StudyCalibrationTest {
    static final SolverSettings COARSE = SolverSettings.builder().outputInterval(3600).build();

    static RecordingSink run(org.cellwright.solver.input.CellSpec cell, int cycles) {
        RecordingSink s = new RecordingSink();
        RunStatus st = new Simulation().run(cell, Sung2023Parameters.fullCellCycling(cycles), COARSE, s, null);
        assertEquals(RunStatus.COMPLETED, st, () -> s.events.toString());
        return s;
    }

    @Test
    void interlayerFullCellFirstCycle() {
        RecordingSink s = run(Sung2023Parameters.cell6Full(65e6, 298.15), 0);
        assertEquals(207.8, s.cycles.get(0).dischargeSpecificCapacity() / 3600, 5.0, "mAh/g");
        assertEquals(0.920, s.cycles.get(0).coulombicEfficiency(), 0.015);
    }

    @Test
    void baselineAt65MPaHasLowerInitialEfficiencyFromSoftShortThenShorts() {
        RecordingSink s = new RecordingSink();
        RunStatus st = new Simulation().run(Sung2023Parameters.cell7FullBaseline(65e6, 298.15),
                Sung2023Parameters.fullCellCycling(20), COARSE, s, null);
        assertEquals(RunStatus.SHORT_CIRCUIT, st);
        assertEquals(0.865, s.cycles.get(0).coulombicEfficiency(), 0.02);
        assertEquals(205.1, s.cycles.get(0).dischargeSpecificCapacity() / 3600, 10.0);
        RecordingSink low = run(Sung2023Parameters.cell7FullBaseline(5e6, 298.15), 0);
        assertTrue(low.cycles.get(0).coulombicEfficiency() > s.cycles.get(0).coulombicEfficiency() + 0.03);
    }

    @Test
    void interlayerRetainsAbout89PercentAfter200CyclesAt60C() {
        RecordingSink s = run(Sung2023Parameters.cell6Full(65e6, 333.15), 199);
        assertEquals(200, s.cycles.size());
        double first = s.cycles.get(1).dischargeCapacity(), last = s.cycles.get(199).dischargeCapacity();
        assertEquals(0.889, last / first, 0.03);
        assertTrue(s.cycles.get(60).coulombicEfficiency() > 0.998, "CE ~99.9 % after tens of cycles");
    }

    @Test
    void halfCellsAt34MPaBareAndCntShortEarlyInterlayerRunsBeyond250h() {
        RecordingSink bare = new RecordingSink(), cnt = new RecordingSink(), inter = new RecordingSink();
        assertEquals(RunStatus.SHORT_CIRCUIT, new Simulation().run(Sung2023Parameters.cell3Bare(34e6),
                Sung2023Parameters.platingStrippingBare(35), COARSE, bare, null));
        assertEquals(RunStatus.SHORT_CIRCUIT, new Simulation().run(Sung2023Parameters.cell4Cnt(34e6),
                Sung2023Parameters.platingStrippingBare(35), COARSE, cnt, null));
        // the study's 35 cycles (~243 h with its 99.3 % average CE, each stripping ends a little early)
        assertEquals(RunStatus.COMPLETED, new Simulation().run(Sung2023Parameters.cell2Interlayer(34e6),
                Sung2023Parameters.platingStrippingInterlayer(34), COARSE, inter, null));
        assertTrue(bare.last().time() < 100 * 3600);
        assertTrue(inter.last().time() > 240 * 3600);
        double avg = inter.cycles.stream().mapToDouble(c -> c.coulombicEfficiency()).average().orElse(0);
        assertTrue(avg > 0.99, "average CE " + avg);
        // no short beyond 250 h (after ~250 h the counter foil's SE interphase, 0.15 V, limits the stripping to 0.2 V)
        RecordingSink longer = new RecordingSink();
        assertEquals(RunStatus.COMPLETED, new Simulation().run(Sung2023Parameters.cell2Interlayer(34e6),
                Sung2023Parameters.platingStrippingInterlayer(37), COARSE, longer, null));
        assertTrue(longer.last().time() > 250 * 3600);
    }

    @Test
    void baselineFadesFastAt60C() {
        RecordingSink s = run(Sung2023Parameters.cell7FullBaseline(5e6, 333.15), 59);
        double first = s.cycles.get(1).dischargeCapacity(), last = s.cycles.get(59).dischargeCapacity();
        assertTrue(last / first < 0.8, "retention " + last / first);
    }
}

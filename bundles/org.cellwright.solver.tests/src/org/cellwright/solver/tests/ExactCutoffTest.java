package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.CycleSummary;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;

/**
 * Cut-offs are met inside a step, not between steps: the charge passed until a voltage cut-off (or until the
 * cathode surface saturates) does not depend on the output interval or the maximum step, so the Coulombic
 * efficiency of a long cycling run is smooth from cycle to cycle (Sung et al., Adv. Mater. 2023,
 * DOI 10.1002/adma.202210835: CE 99.9 % after tens of cycles).
 */
class ExactCutoffTest {

    static RecordingSink chargeDischarge(double outputInterval, double maxStep, double lowerCutoff) {
        RecordingSink s = new RecordingSink();
        RunStatus st = new Simulation().run(Sung2023Parameters.cell7FullBaseline(5e6, 333.15),
                ProtocolSpec.of(StepSpec.cRate(0.35, Cutoff.voltageAbove(4.3), Cutoff.duration(5 * 3600)),
                        StepSpec.cRate(-0.35, Cutoff.voltageBelow(lowerCutoff), Cutoff.duration(5 * 3600))),
                SolverSettings.builder().outputInterval(outputInterval).maxStep(maxStep).build(), s, null);
        assertEquals(RunStatus.COMPLETED, st, () -> s.events.toString());
        return s;
    }

    @Test
    void dischargeToVoltageCutoffIndependentOfOutputInterval() {
        RecordingSink fine = chargeDischarge(10, 600, 3.7), coarse = chargeDischarge(600, 600, 3.7);
        double a = fine.cycles.get(0).dischargeCapacity(), b = coarse.cycles.get(0).dischargeCapacity();
        assertTrue(a > 0);
        assertEquals(a, b, 1e-3 * a, "discharge capacity with output every 10 s and every 600 s");
        assertEquals(fine.cycles.get(0).chargeCapacity(), coarse.cycles.get(0).chargeCapacity(), 1e-3 * a);
        // the step lands on the cut-off, and the last sample of the step is that landing
        Sample end = coarse.last();
        assertEquals(3.7, end.voltage(), 2e-3, "last voltage");
        assertEquals(-b, end.stepCapacity(), 1e-9 * b, "the step's last sample holds all its charge");
    }

    @Test
    void dischargeToCathodeSaturationIndependentOfStepSize() {
        // at 2.8 V the 0.35 C discharge ends where the particle surfaces saturate (flat OCP, the voltage barely
        // moves before): that end must not depend on how long the steps were
        RecordingSink big = chargeDischarge(600, 600, 2.8), small = chargeDischarge(600, 30, 2.8);
        double a = small.cycles.get(0).dischargeCapacity(), b = big.cycles.get(0).dischargeCapacity();
        assertEquals(a, b, 2e-3 * a, "discharge capacity with steps of at most 30 s and 600 s");
    }

    @Test
    void longCyclingEfficiencyIsSmoothAndBelowUnity() {
        RecordingSink s = new RecordingSink();
        assertEquals(RunStatus.COMPLETED, new Simulation().run(Sung2023Parameters.cell6Full(65e6, 333.15),
                Sung2023Parameters.fullCellCycling(199), SolverSettings.builder().outputInterval(600).build(), s, null));
        assertEquals(200, s.cycles.size());
        double sum = 0;
        int n = 0;
        for (int k = 2; k < s.cycles.size(); k++) { // after the activation and the first 0.35 C cycle
            CycleSummary c = s.cycles.get(k);
            assertTrue(c.coulombicEfficiency() < 1.0002, "cycle " + c.index() + " CE " + c.coulombicEfficiency());
            if (k + 1 < s.cycles.size()) {
                double next = s.cycles.get(k + 1).coulombicEfficiency();
                assertEquals(c.coulombicEfficiency(), next, 0.0015, "CE of cycles " + c.index() + " and " + (c.index() + 1));
            }
            if (c.index() >= 30) { sum += c.coulombicEfficiency(); n++; }
        }
        // the study: 99.9 % after tens of cycles (the catholyte's oxidation takes the missing charge)
        assertEquals(0.999, sum / n, 0.001, "mean CE of cycles 30-200");
    }
}

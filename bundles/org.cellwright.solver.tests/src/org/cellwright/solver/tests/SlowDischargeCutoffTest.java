package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.SimulationEvent;
import org.cellwright.solver.StepEnd;
import org.cellwright.solver.StepResult;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;

/**
 * Slow discharges end at their voltage cut-off through the model (issue 13): at <= 0.1 C at 25 degC and <= 0.35 C at
 * 60 degC the cathode's particle surfaces saturate (the diffusivity drops near full lithiation), the current they
 * take tends to a limit and the exchange current ~ sqrt(1 - x_s) drives the voltage down within microseconds. At a
 * set current that end is ill-conditioned (and the Picard iteration on D(c) has no solution there), so the last
 * step is solved at the cut-off voltage for the current the cell carries. A 5-node x 10-shell mesh shows the same
 * failure as the default mesh did (the discharge stopped 0.4 V above 2.8 V through the solver-failure fallback).
 */
class SlowDischargeCutoffTest {

    static RecordingSink chargeDischarge(double rate, double temperature) {
        RecordingSink s = new RecordingSink();
        new Simulation().run(Sung2023Parameters.cell6Full(65e6, temperature),
                ProtocolSpec.of(StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600)),
                        StepSpec.cRate(-rate, Cutoff.voltageBelow(2.8), Cutoff.duration(30 * 3600))),
                SolverSettings.builder().cathodeNodes(5).particleNodes(10).outputInterval(3600)
                        .debugConservationChecks(true).build(), s, null);
        return s;
    }

    @Test
    void dischargesOverAGridOfRatesAndTemperaturesLandOnTheCutoff() {
        for (double temperature : new double[] {298.15, 333.15}) {
            for (double rate : new double[] {0.05, 0.1, 0.2, 0.35, 1}) {
                String where = rate + " C at " + (temperature - 273.15) + " degC";
                RecordingSink s = chargeDischarge(rate, temperature);
                List<String> warnings = s.events.stream().map(SimulationEvent::message).filter(m -> m.startsWith("warning")).toList();
                // completed with charge and lithium conserved at every step (debug checks end the run otherwise)
                assertEquals(RunStatus.COMPLETED, s.status, where + ": " + s.events);
                assertEquals(List.of(), warnings, where);
                List<StepResult> ends = s.cycles.get(0).steps();
                assertEquals(List.of(StepEnd.VOLTAGE_CUTOFF, StepEnd.VOLTAGE_CUTOFF), ends.stream().map(StepResult::end).toList(), where);
                Sample end = s.last();
                assertEquals(1, end.stepIndex());
                assertEquals(2.8, end.voltage(), 1e-3, "last voltage, " + where);
                assertEquals(2.8, ends.get(1).endVoltage(), 1e-3, "recorded end voltage, " + where);
                // the step ended at the set current (the landing step is located in time), not at a reduced one
                double set = -rate * Simulation.nominalCapacity(Sung2023Parameters.cell6Full(65e6, temperature))
                        / Sung2023Parameters.cell6Full(65e6, temperature).area() / 3600;
                assertEquals(set, end.current(), 0.011 * Math.abs(set), "current of the last step, " + where);
                // the cathode saturated: the charge passed is that of a full discharge (>= 170 mAh/g of NCM811: 1 C
                // at 25 degC gives 173 on this mesh; the 180 asked before came from equal shells, which overstate the
                // capacity at 1 C by 1.9 %, WorkPrecisionBenchmark)
                assertTrue(s.cycles.get(0).dischargeSpecificCapacity() / 3600 > 170, where + ": "
                        + s.cycles.get(0).dischargeSpecificCapacity() / 3600 + " mAh/g");
            }
        }
    }

    @Test
    void slowDischargeWithASoftShortLandsOnTheCutoff() {
        // the baseline cell at 65 MPa: a Li filament across ~half of the separator leaks G V during the 0.1 C
        // discharge (its first-cycle efficiency, 86.5 % as in the study, comes from that leak); the leak moves the
        // electrodes' current with the voltage, and the step is solved at a set voltage for the set current. The only
        // warning is the soft short of the charge before it (since session 32: 1.7 % of its charge leaked through the
        // growing filament, Simulation.SOFT_SHORT_LEAK_SHARE), none of the discharge's end
        RecordingSink s = new RecordingSink();
        new Simulation().run(Sung2023Parameters.cell7FullBaseline(65e6, 298.15), Sung2023Parameters.fullCellCycling(0),
                SolverSettings.builder().cathodeNodes(5).particleNodes(10).outputInterval(3600).build(), s, null);
        assertEquals(RunStatus.COMPLETED, s.status, () -> s.events.toString());
        assertEquals(List.of(), s.events.stream().filter(e -> e.type() != SimulationEvent.Type.SOFT_SHORT)
                .map(SimulationEvent::message).filter(m -> m.startsWith("warning")).toList());
        assertEquals(List.of(0), s.events.stream().filter(e -> e.type() == SimulationEvent.Type.SOFT_SHORT && e.cause() != null)
                .map(SimulationEvent::stepIndex).toList(), () -> s.events.toString());
        assertEquals("0:voltage-cutoff 1:voltage-cutoff", s.cycles.get(0).stepEnds());
        assertEquals(2.8, s.last().voltage(), 1e-3);
        assertTrue(s.cycles.get(0).coulombicEfficiency() < 0.9, "the leak costs efficiency: " + s.cycles.get(0).coulombicEfficiency());
    }
}

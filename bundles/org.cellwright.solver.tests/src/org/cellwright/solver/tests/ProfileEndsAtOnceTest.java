package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.StepEnd;
import org.cellwright.solver.StepResult;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.CurrentMode;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 (session 20): a solid-state power step or followed profile whose power (or first sample) crosses its voltage
 * cut-off the moment it is set ends at once on its cut-off, as the solid-state current step does (StepEndTest
 * aChargePastItsCutoffTheMomentItsCurrentIsSetEndsOnIt) and the DFN runner's power steps and profiles
 * (DfnRunner.endsAtOnce): one sample within 1 mV of the cut-off at the current on its way to the one the power (first
 * sample) takes, with the temperature and pressure set, no charge passed, the cell left as found, recorded as
 * voltage-cutoff, one warning naming cycle and step (for a power, the power at the cut-off). Before, a power step or
 * power profile went on at the shortest time step and ended as a voltage-jump at the voltage of the full power, with
 * no sample on the cut-off.
 */
class ProfileEndsAtOnceTest {
    static final CellSpec CELL = Sung2023Parameters.cell6Full(65e6, StepEndTest.T25);
    /** The same cell at -20 degC, where 1 C charges past 4.3 V at once (about 5.06 V). */
    static final CellSpec COLD = Sung2023Parameters.cell6Full(65e6, 253.15);
    /** 1 C of cell 6 [A/m2]. */
    static final double ONE_C = Simulation.nominalCapacity(CELL) / CELL.area() / 3600;

    /** The step after the first (flattened index 1, named step 2), then a rest: the one-sample end of that step on cut; its warning. */
    static String endsOnTheCutoff(CellSpec cell, StepSpec first, StepSpec step, double cut, String what) {
        RecordingSink s = StepEndTest.run(cell, SolverSettings.defaults(), first, step, StepSpec.rest(600));
        assertEquals(RunStatus.COMPLETED, s.status, () -> s.events.toString());
        StepResult r = s.steps().stream().filter(x -> x.stepIndex() == 1).findFirst().orElseThrow();
        assertEquals(StepEnd.VOLTAGE_CUTOFF, r.end(), () -> what + ": " + StepEndTest.warnings(s));
        assertEquals(0, r.charge(), what + ": no charge passed");
        assertEquals(cut, r.endVoltage(), 1e-3, what + ": its end on the cut-off (it was the voltage at the full power)");
        List<Sample> at = s.samples.stream().filter(x -> x.stepIndex() == 1).toList();
        assertEquals(1, at.size(), what + ": " + at);
        Sample x = at.get(0);
        assertEquals(cut, x.voltage(), 1e-3, what + ": its one sample on the cut-off");
        assertEquals(Math.signum(step instanceof StepSpec.ConstantPower p ? p.powerDensity() : ((StepSpec.Follow) step).value()[0]),
                Math.signum(x.current()), what + ": a current in the step's direction, on its way up: " + x.current());
        assertEquals(0, x.stepCapacity());
        assertEquals(cell.temperature(), x.temperature(), 1e-9);
        assertEquals(65e6, x.stackPressure(), 1e-3);
        // the cell as found: the rest after it starts from the same lithium
        Sample rest = s.samples.stream().filter(y -> y.stepIndex() == 2).findFirst().orElseThrow();
        assertEquals(x.lithium().total(), rest.lithium().total(), 1e-12 * Math.abs(x.lithium().total()));
        List<String> w = StepEndTest.warnings(s).stream().filter(m -> m.startsWith("warning: cycle 1, step 2 ")).toList();
        assertEquals(1, w.size(), what + ": " + StepEndTest.warnings(s));
        // (a step of the cycle's second direction says so as a stalled one, EventDetection.checkStall: "crossed at once")
        assertTrue(w.get(0).matches(".*crossed (its voltage cut-off [0-9.]+ V )?at once.*") && w.get(0).contains("the step ends there at once, at " + cut), w.get(0));
        return w.get(0);
    }

    /** A rest of a minute, so that the step after it is step 1. */
    static final StepSpec REST = StepSpec.rest(60);

    @Test
    void aPowerChargePastItsCutoffTheMomentItIsSetEndsOnIt() {
        // 4.3 V x 1 C: at -20 degC the current it takes (about 1 C) charges past 4.3 V at once
        String w = endsOnTheCutoff(COLD, REST, new StepSpec.ConstantPower(4.3 * ONE_C, List.of(Cutoff.voltageAbove(4.3))), 4.3, "power charge");
        assertTrue(w.matches(".*the power step at [0-9.]+ mW/cm2 crossed .* the voltage reaches the cut-off at [0-9.]+ mA/cm2 \\([0-9.]+ mW/cm2\\) on the power's way up.*"),
                "names the power at the cut-off: " + w);
        // worded for what was set, a power (session 21: "of that current ...; 5.06 V at that current")
        assertTrue(w.matches(".*\\(at the cut-off the cell carries [0-9.e-]+ % of the current that power takes \\([0-9.]+ mA/cm2\\) within the shortest "
                + "time step; [0-9.]+ V at that power\\).*"), w);
        assertSetWorded(w);
    }

    /** A power's (profile's) warning names no set current (session 21: "at its set current", "of that current"). */
    static void assertSetWorded(String w) {
        assertTrue(!w.contains("set current") && !w.contains("that current"), w);
    }

    @Test
    void aPowerDischargePastItsCutoffTheMomentItIsSetEndsOnIt() {
        // right after the charge to 4.3 V at 25 degC, 36 x (1 C at 1 V) lies below the cell's largest power (about
        // 37.7) but on its rising branch past 2.8 V (2.8 V at 33.2 x; 32 x lands on 2.8 V after a moment). It was 20 x
        // below a largest power of 21.5 until session 34: the cathode film's growth barrier, derived since (150 kJ/mol,
        // 50 calibrated before), grows the film at 25 degC 69x slower, so the charge transfer carries more; and 17.5 x
        // below 18.3 before the cathode interphase was re-fitted with the Li/LPSCl growth barrier measured
        String w = endsOnTheCutoff(CELL, StepSpec.cRate(0.05, Cutoff.voltageAbove(4.3), Cutoff.duration(25 * 3600)),
                new StepSpec.ConstantPower(-36 * ONE_C, List.of(Cutoff.voltageBelow(2.8))), 2.8, "power discharge");
        assertTrue(w.matches(".*the discharge step ended at its voltage cut-off 2\\.80 V \\(crossed at once: .* \\([0-9.]+ mW/cm2\\) on the power's way up.*"), w);
        // the stalled step's warning: what the power gave (it said "at its set current")
        assertTrue(w.matches(".*\\(crossed at once: (no solution|[0-9.]+ V) at its set power at its start\\).*"), w);
        assertSetWorded(w);
    }

    @Test
    void aCurrentProfileStartedAtItsCutoffEndsOnIt() {
        StepSpec.Follow f = new StepSpec.Follow(false, CurrentMode.C_RATE, new double[] {0, 10, 20}, new double[] {1, 0.5, 1},
                "test", List.of(Cutoff.voltageAbove(4.3)));
        String w = endsOnTheCutoff(COLD, REST, f, 4.3, "current profile");
        assertTrue(w.contains("on the current's way up"), w);
        assertTrue(w.matches(".*of its first current within the shortest time step; [0-9.]+ V at its first current\\).*"), w);
    }

    @Test
    void aPowerProfileStartedAtItsCutoffEndsOnIt() {
        StepSpec.Follow f = new StepSpec.Follow(true, CurrentMode.DENSITY, new double[] {0, 10, 20},
                new double[] {4.3 * ONE_C, 2 * ONE_C, 4.3 * ONE_C}, "test", List.of(Cutoff.voltageAbove(4.3)));
        String w = endsOnTheCutoff(COLD, REST, f, 4.3, "power profile");
        assertTrue(w.matches(".*the followed power profile crossed .* \\([0-9.]+ mW/cm2\\) on the power's way up.*"), w);
        assertTrue(w.matches(".*of the current its first power takes \\([0-9.]+ mA/cm2\\) within the shortest time step; [0-9.]+ V at its first power\\).*"), w);
        assertSetWorded(w);
    }
}

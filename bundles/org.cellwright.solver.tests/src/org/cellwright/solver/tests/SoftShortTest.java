package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
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
 * Soft-short detection in a few cycles (issue 13; the full reproducer, the interlayer cell formed at 5 MPa and cycled
 * at 65 MPa, takes 30 min): the baseline cell at 65 MPa grows a Li filament across about half of the separator during
 * its first charge (the Li presses on the SE harder than it bears), which leaks G V through the separator
 * ({@code LithiumFilament#leakageConductance}, ~0.1 A/m2 at 4 V). A second charge at 0.01 mA/cm2 = 0.1 A/m2, below
 * that leakage, cannot reach 4.3 V: it runs into its time limit and is reported as a soft short with cycle and
 * reason. The same protocol at 5 MPa (no filament) charges as slowly and reaches no cut-off either, but reports
 * nothing: the detection rests on the leak, not on the time limit.
 */
class SoftShortTest {

    static RecordingSink run(double pressure) {
        RecordingSink s = new RecordingSink();
        new Simulation().run(Sung2023Parameters.cell7FullBaseline(pressure, Sung2023Parameters.T_ROOM), ProtocolSpec.of(
                StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600)),
                StepSpec.cRate(-0.35, Cutoff.voltageBelow(3.7), Cutoff.duration(5 * 3600)),
                StepSpec.currentDensity(0.01 * Sung2023Parameters.MA_CM2, Cutoff.voltageAbove(4.3), Cutoff.duration(2 * 3600)),
                StepSpec.cRate(-0.35, Cutoff.voltageBelow(3.7), Cutoff.duration(5 * 3600))),
                SolverSettings.builder().cathodeNodes(5).particleNodes(10).outputInterval(3600).build(), s, null);
        return s;
    }

    static List<SimulationEvent> softShorts(RecordingSink s) {
        return s.events.stream().filter(e -> e.type() == SimulationEvent.Type.SOFT_SHORT).toList();
    }

    @Test
    void chargeThatLeaksInsteadOfReachingItsCutoffIsASoftShort() {
        RecordingSink s = run(65e6);
        assertEquals(RunStatus.COMPLETED, s.status, () -> s.events.toString()); // a soft short does not end the run
        List<SimulationEvent> soft = softShorts(s);
        assertEquals(1, soft.size(), () -> s.events.toString());
        SimulationEvent e = soft.get(0);
        assertEquals(2, e.cycleIndex());
        assertEquals(2, e.stepIndex());
        assertTrue(e.value() > 0.1 && e.value() < 1, "filament fraction " + e.value());
        // the time limit it reached, and the voltage cut-off it missed (it read "without reaching 4.3 V or 2 h")
        assertTrue(e.message().startsWith("warning: cycle 2, step 3: soft short: the charge at 0.01 mA/cm2 ran into its "
                + "time limit of 2 h without reaching 4.3 V: "), e.message());
        assertTrue(e.message().contains("leaked through Li filaments spanning"), e.message());
        // the cause alone beside the warning (summary.json's soft_short.cause; the report stripped the warning's prefix)
        assertEquals(e.message().substring("warning: cycle 2, step 3: soft short: ".length()), e.cause());
        StepResult charge = s.cycles.get(1).steps().get(0);
        assertEquals(StepEnd.DURATION, charge.end());
        assertTrue(charge.endVoltage() < 4.3);
    }

    @Test
    void aSoftShortShowingAgainIsCountedWithTheCycleItLastShowedIn() {
        // the leaking charge in cycles 2 and 3, then a charge at 0.1 C that outruns the leak and reaches 4.3 V: the
        // count names cycle 3 (it named the run's last cycle, 4, where no soft short showed)
        RecordingSink s = new RecordingSink();
        StepSpec leaky = StepSpec.currentDensity(0.01 * Sung2023Parameters.MA_CM2, Cutoff.voltageAbove(4.3), Cutoff.duration(2 * 3600));
        StepSpec discharge = StepSpec.cRate(-0.35, Cutoff.voltageBelow(3.7), Cutoff.duration(5 * 3600));
        StepSpec charge = StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600));
        new Simulation().run(Sung2023Parameters.cell7FullBaseline(65e6, Sung2023Parameters.T_ROOM),
                ProtocolSpec.of(charge, discharge, leaky, discharge, leaky, discharge, charge, discharge),
                SolverSettings.builder().cathodeNodes(5).particleNodes(10).outputInterval(3600).build(), s, null);
        assertEquals(RunStatus.COMPLETED, s.status, () -> s.events.toString());
        assertEquals(4, s.cycles.size());
        assertEquals(StepEnd.VOLTAGE_CUTOFF, s.cycles.get(3).steps().get(0).end(), () -> s.cycles.get(3).steps().toString());
        List<SimulationEvent> soft = softShorts(s);
        assertEquals(2, soft.size(), () -> soft.toString());
        assertEquals(2, soft.get(0).cycleIndex());
        // (cycle 3's leaking charge and its efficiency each count)
        assertTrue(soft.get(1).message().matches("warning: the soft short showed again \\d+ times?, the last in cycle 3"), () -> soft.get(1).message() + s.cycles);
    }

    @Test
    void noFilamentNoSoftShort() {
        RecordingSink s = run(5e6);
        assertEquals(RunStatus.COMPLETED, s.status);
        assertEquals(List.of(), softShorts(s));
        // the charge ran into its time limit all the same
        assertEquals(StepEnd.DURATION, s.cycles.get(1).steps().get(0).end());
        assertTrue(s.cycles.get(1).steps().get(0).endVoltage() < 4.3);
    }

    /**
     * The other path of the detection: no charge has a voltage cut-off to miss, but the Coulombic efficiency collapses.
     * First cycle as above (the filament grows at 65 MPa), then charges of fixed duration, each discharge at 0.05 C to
     * 3.7 V: 1 mA/cm2 for 1 h (the leak, ~0.01-0.02 mA/cm2, costs a few percent), then 0.01 mA/cm2 for 10 h, which
     * leaks away as fast as it is charged (efficiency ~0), then 1 mA/cm2 again (a later cycle, so that the collapsed
     * one is not the run's last; since session 28 the last cycle is judged too: the fourth, at 64 %, is counted). At 5
     * MPa the slow charge is returned at ~77 %, also below 90 % of the cycle before, but nothing leaked: no soft short.
     */
    static RecordingSink efficiencyRun(double pressure) {
        return efficiencyRun(pressure, true);
    }

    /** {@link #efficiencyRun(double)}, with the cycle after the collapsed one (later true) or without it. */
    static RecordingSink efficiencyRun(double pressure, boolean later) {
        RecordingSink s = new RecordingSink();
        StepSpec discharge = StepSpec.cRate(-0.05, Cutoff.voltageBelow(3.7), Cutoff.duration(50 * 3600));
        List<StepSpec> steps = new java.util.ArrayList<>(List.of(
                StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600)), discharge,
                StepSpec.currentDensity(1 * Sung2023Parameters.MA_CM2, Cutoff.duration(3600)), discharge,
                StepSpec.currentDensity(0.01 * Sung2023Parameters.MA_CM2, Cutoff.duration(10 * 3600)), discharge));
        if (later) steps.addAll(List.of(StepSpec.currentDensity(1 * Sung2023Parameters.MA_CM2, Cutoff.duration(3600)), discharge));
        new Simulation().run(Sung2023Parameters.cell7FullBaseline(pressure, Sung2023Parameters.T_ROOM), new ProtocolSpec("p", steps),
                SolverSettings.builder().cathodeNodes(5).particleNodes(10).outputInterval(3600).build(), s, null);
        return s;
    }

    /**
     * The collapse in the run's last cycle is a soft short too (fuzz28: cell 6 at -10 degC and 10 MPa, four CC-CV
     * cycles, the last at 86.3 % against 96.9 % with 0.29 mAh/cm2 leaked through a filament across 82 % of the
     * separator, ended "completed" with nothing said; with a fifth cycle the fourth was reported). A last cycle cut short
     * has no efficiency and is not judged: the baseline cell's short at 65 MPa ends its last cycle with none.
     */
    @Test
    void efficiencyCollapsingInTheRunsLastCycleIsASoftShort() {
        RecordingSink s = efficiencyRun(65e6, false);
        assertEquals(RunStatus.COMPLETED, s.status, () -> s.events.toString());
        assertEquals(3, s.cycles.size());
        double before = s.cycles.get(1).coulombicEfficiency(), collapsed = s.cycles.get(2).coulombicEfficiency();
        assertTrue(collapsed < Simulation.SOFT_SHORT_EFFICIENCY_DROP * before, before + " -> " + collapsed);
        List<SimulationEvent> soft = softShorts(s);
        assertEquals(1, soft.size(), () -> s.events.toString());
        assertEquals(3, soft.get(0).cycleIndex());
        assertTrue(soft.get(0).message().startsWith("warning: cycle 3: soft short: Coulombic efficiency "), soft.get(0).message());
        assertEquals(List.of(), softShorts(efficiencyRun(5e6, false)), "no leak at 5 MPa");
    }

    @Test
    void efficiencyCollapsingWhileCurrentLeaksIsASoftShort() {
        RecordingSink s = efficiencyRun(65e6);
        assertEquals(RunStatus.COMPLETED, s.status, () -> s.events.toString());
        assertEquals(4, s.cycles.size());
        for (int c = 1; c < 4; c++) // no charge after the first has a voltage cut-off: the step path cannot fire
            assertEquals(StepEnd.DURATION, s.cycles.get(c).steps().get(0).end());
        double before = s.cycles.get(1).coulombicEfficiency(), collapsed = s.cycles.get(2).coulombicEfficiency();
        assertTrue(before > 0.5 && collapsed < Simulation.SOFT_SHORT_EFFICIENCY_DROP * before, before + " -> " + collapsed);
        List<SimulationEvent> soft = softShorts(s);
        // cycle 3's, and cycle 4's (64 % against 84 %, the filament still leaking) counted
        assertEquals(2, soft.size(), () -> s.events.toString() + s.cycles);
        assertEquals("warning: the soft short showed again 1 time, the last in cycle 4", soft.get(1).message());
        SimulationEvent e = soft.get(0);
        assertEquals(3, e.cycleIndex());
        assertEquals(-1, e.stepIndex(), "a cycle's soft short is of no one step (summary.json's soft_short.step null)");
        assertTrue(e.value() > 0.1 && e.value() < 1, "filament fraction " + e.value());
        assertTrue(e.message().startsWith(String.format(java.util.Locale.ROOT,
                "warning: cycle 3: soft short: Coulombic efficiency %.1f %% against %.1f %% in the cycles before; ",
                100 * collapsed, 100 * before)), e.message());
        assertTrue(e.message().contains("leaked through Li filaments spanning"), e.message());
    }

    @Test
    void efficiencyDropWithoutLeakIsNoSoftShort() {
        RecordingSink s = efficiencyRun(5e6);
        assertEquals(RunStatus.COMPLETED, s.status);
        assertEquals(4, s.cycles.size());
        double before = s.cycles.get(1).coulombicEfficiency(), dropped = s.cycles.get(2).coulombicEfficiency();
        // the efficiency falls as far as the detection's threshold, but no current leaked
        assertTrue(dropped < Simulation.SOFT_SHORT_EFFICIENCY_DROP * before, before + " -> " + dropped);
        assertEquals(List.of(), softShorts(s));
    }
    /**
     * A CC-CV charge of the baseline cell formed at 5 MPa and cycled at 65 MPa (ss26's repro, more.cell LeakHold7): the
     * fourth charge leaks 77 % of its current through a filament spanning 99 % of the separator and runs into its time
     * limit at 3.84 V (a soft short); the hold at 4.3 V after it draws the electrodes' current and the leak G V, and the
     * plating drives the filament on until the leak carries more than the electrodes: a hard short, in the hold. Before,
     * a charging hold's leak was compared with the hold's current, which contains it, so no hold could short: the
     * current ran to 3 A/cm2 into a filament spanning ever more of the separator, the time steps shrank and the run
     * ended NOT_CONVERGED ("the cathode cannot carry the delithiation current") at 4.2567 V. The charges at 0.25 C (ss26's
     * were at 0.35 C): since the cathode interphase was re-fitted with the Li/LPSCl growth barrier measured, the fourth
     * charge at 0.35 C leaks more than its whole current 1.9 h into it and shorts there, before any hold; at 0.25 C it
     * runs into its 5 h with 70 % leaked and the hold after it shorts, as ss26's did.
     */
    @Test
    void aChargingHoldWhoseLeakOutgrowsTheElectrodesCurrentIsAHardShort() {
        List<StepSpec> steps = new java.util.ArrayList<>(List.of(new StepSpec.SetStackPressure(5e6),
                StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600)),
                StepSpec.cRate(-0.1, Cutoff.voltageBelow(2.8), Cutoff.duration(15 * 3600)),
                new StepSpec.SetStackPressure(65e6)));
        for (int k = 0; k < 4; k++) steps.addAll(List.of(StepSpec.cRate(0.25, Cutoff.voltageAbove(4.3), Cutoff.duration(5 * 3600)),
                StepSpec.voltageHold(4.3, Cutoff.currentBelowCRate(0.05), Cutoff.duration(4 * 3600)),
                StepSpec.cRate(-0.35, Cutoff.voltageBelow(2.8), Cutoff.duration(5 * 3600))));
        RecordingSink s = new RecordingSink();
        new Simulation().run(Sung2023Parameters.cell7FullBaseline(65e6, Sung2023Parameters.T_ROOM), new ProtocolSpec("p", steps),
                SolverSettings.builder().outputInterval(3600).build(), s, null);
        assertEquals(RunStatus.SHORT_CIRCUIT, s.status, () -> s.events.toString());
        assertEquals(1, softShorts(s).size(), () -> s.events.toString()); // the leaking charge before it
        List<StepResult> last = s.cycles.get(3).steps();
        assertEquals(StepEnd.DURATION, last.get(0).end(), last::toString);
        StepResult hold = last.get(1);
        assertEquals(11, hold.stepIndex());
        assertEquals(StepEnd.SHORT_CIRCUIT, hold.end(), last::toString);
        assertEquals(4.3, hold.endVoltage(), 1e-4, "the hold kept its voltage to the short");
        SimulationEvent e = s.events.stream().filter(x -> x.type() == SimulationEvent.Type.SHORT_CIRCUIT).findFirst().orElseThrow();
        assertTrue(e.message().matches("leakage through Li filaments \\(\\d+ % of the separator\\) .* A/m2 exceeds the current "
                + "through the electrodes in the hold"), e.message());
    }
    /**
     * A hold held from its current cut-off by the leak is a soft short too: the baseline cell charged at 0.1 C at 65 MPa
     * (a filament across about half of the separator), then held at 4.3 V until 0.002 C (0.056 A/m2) for 10 h. Its
     * electrodes' current falls below the cut-off, but the leak G V (~0.13 A/m2) keeps the cell's above it: the hold
     * runs its 10 h and was reported as nothing. At 5 MPa (no filament) the same hold reaches its cut-off within 1 h.
     */
    @Test
    void aHoldThatTheLeakKeepsFromItsCurrentCutoffIsASoftShort() {
        List<StepSpec> steps = List.of(StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600)),
                StepSpec.voltageHold(4.3, Cutoff.currentBelowCRate(0.002), Cutoff.duration(10 * 3600)),
                StepSpec.cRate(-0.35, Cutoff.voltageBelow(3.7), Cutoff.duration(5 * 3600)));
        SolverSettings coarse = SolverSettings.builder().cathodeNodes(5).particleNodes(10).outputInterval(3600).build();
        RecordingSink s = new RecordingSink();
        new Simulation().run(Sung2023Parameters.cell7FullBaseline(65e6, Sung2023Parameters.T_ROOM), new ProtocolSpec("p", steps), coarse, s, null);
        assertEquals(RunStatus.COMPLETED, s.status, () -> s.events.toString());
        assertEquals(StepEnd.DURATION, s.cycles.get(0).steps().get(1).end());
        List<SimulationEvent> soft = softShorts(s);
        assertEquals(1, soft.size(), () -> s.events.toString());
        assertEquals(1, soft.get(0).stepIndex());
        assertTrue(soft.get(0).message().startsWith("warning: cycle 1, step 2: soft short: the hold at 4.3 V ran into its time "
                + "limit of 10 h without reaching |I| < 0.002 C: "), soft.get(0).message());
        RecordingSink low = new RecordingSink();
        new Simulation().run(Sung2023Parameters.cell7FullBaseline(5e6, Sung2023Parameters.T_ROOM), new ProtocolSpec("p", steps), coarse, low, null);
        assertEquals(StepEnd.CURRENT_CUTOFF, low.cycles.get(0).steps().get(1).end());
        assertEquals(List.of(), softShorts(low));
    }

    /**
     * fuzz28's interlayer half cell plated and stripped at 0.1-10 mA/cm2, rested, then cycled at 1 mA/cm2 (plating 1 h,
     * stripping until 0.2 V or 3 h), at -5 degC and 100 MPa: the 3 and 10 mA/cm2 strippings cross 0.2 V at once (the
     * separator's ohmic drop), so 2.5 mAh/cm2 of Li stays on the working side, and a filament grows. In cycle 8 the
     * stripping, which runs until its plated Li is exhausted, gives back 1.009 mAh/cm2 of the 1 mAh/cm2 plated while a
     * few percent of the cycle's current leaks through the filament; in cycle 9 nearly all of it leaks and the
     * stripping runs into its 3 h (the step's soft short, which was the first said; from the .cell file; from these
     * parameters the filament spans the separator in cycle 9's plating, a hard short). The efficiency past 100 % with
     * current leaking was reported as nothing (the collapse rule sees efficiencies falling only); at 0 degC the same
     * protocol read 179 % in the cycle before its hard short, nothing said. The same protocol at 25 degC and 65 MPa
     * gives back more than it stored too (198 % in cycle 5: the Li the crossed strippings left), without a leak: no
     * soft short.
     */
    static RecordingSink leakyHalfCell(double pressure, double temperature) {
        double ma = Sung2023Parameters.MA_CM2;
        List<StepSpec> steps = new java.util.ArrayList<>();
        double[][] groups = { { 0.1, 2, 5 }, { 1, 1, 3 }, { 3, 0.5, 2 }, { 10, 0.1, 1 } }; // mA/cm2, plating h, stripping h
        for (double[] g : groups) steps.addAll(List.of(StepSpec.currentDensity(-g[0] * ma, Cutoff.duration(g[1] * 3600)),
                StepSpec.currentDensity(g[0] * ma, Cutoff.voltageAbove(0.2), Cutoff.duration(g[2] * 3600))));
        steps.add(StepSpec.rest(3600));
        for (int k = 0; k < 5; k++) steps.addAll(List.of(StepSpec.currentDensity(-ma, Cutoff.duration(3600)),
                StepSpec.currentDensity(ma, Cutoff.voltageAbove(0.2), Cutoff.duration(3 * 3600))));
        RecordingSink s = new RecordingSink();
        new Simulation().run(Sung2023Parameters.cell2Interlayer(pressure, temperature), new ProtocolSpec("p", steps),
                SolverSettings.builder().build(), s, null); // the command line's defaults, as the fuzz ran it
        return s;
    }

    @Test
    void moreGivenBackThanStoredWhileCurrentLeaksIsASoftShort() {
        // since the Li/LPSCl interphase's growth barrier is measured (62.3 kJ/mol; 30 before) its layer grows 4.2x
        // slower at -5 degC: the filament spans the separator a cycle earlier, so the cycle that gives back more than it
        // stored while current leaks is the 7th (102 %) and the 8th shorts
        RecordingSink s = leakyHalfCell(100e6, 268.15);
        assertTrue(s.cycles.size() >= 7, () -> s.cycles.toString());
        double ce = s.cycles.get(6).coulombicEfficiency();
        assertTrue(ce > 1, () -> "cycle 7 gave back " + ce + " of what it plated: " + s.cycles);
        List<SimulationEvent> soft = softShorts(s);
        assertFalse(soft.isEmpty(), () -> s.events.toString());
        SimulationEvent e = soft.get(0); // the first said: cycle 7's (cycle 8 shorts)
        assertEquals(7, e.cycleIndex());
        assertEquals(-1, e.stepIndex(), "a cycle's soft short is of no one step");
        assertTrue(e.message().startsWith(String.format(java.util.Locale.ROOT,
                "warning: cycle 7: soft short: Coulombic efficiency %.1f %%, more given back than stored: ", 100 * ce)), e.message());
        assertTrue(e.message().contains("leaked through Li filaments spanning"), e.message());
    }

    @Test
    void moreGivenBackThanStoredWithoutALeakIsNoSoftShort() {
        RecordingSink s = leakyHalfCell(65e6, Sung2023Parameters.T_ROOM);
        assertEquals(RunStatus.COMPLETED, s.status, () -> s.events.toString());
        assertTrue(s.cycles.get(4).coulombicEfficiency() > 1.5, () -> s.cycles.get(4).toString());
        assertEquals(List.of(), softShorts(s));
    }
}

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
 * nothing: the detection rests on the leak, not on the time limit. The first charge is at 0.35 C (0.1 C before session
 * 32): a step of whose charge more than 1 % leaks is a soft short since then ({@link Simulation#SOFT_SHORT_LEAK_SHARE},
 * {@code SoftShortLeakShareTest}), and at 0.1 C the filament growing through the first charge takes 1.7 % of it
 * (cycle 1 would be named, not the behaviour each test here shows); at 0.35 C it takes 0.42 % and spans 43 % of the
 * separator by the end, as at 0.1 C (45 %). The discharges are at 0.7 C (0.35 C before session 33): since then a
 * discharge is judged as a charge (the filament drains the cell while it discharges too, so it delivers less than it
 * stored: {@code SoftShortLeakShareTest#aDischargeThatLeaksIsASoftShortThoughItsChargeDidNot}), and a 0.35 C discharge
 * through the filament across 43 % of the separator leaks 1.0 % of its charge (at 0.05 C 7.4 %): cycle 1's discharge
 * would be named first; at 0.7 C it leaks less than 1 %.
 */
class SoftShortTest {
    /** The first charge, which grows the filament without leaking a measurable share of its charge (see above). */
    static final StepSpec FIRST_CHARGE = StepSpec.cRate(0.35, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600));
    /** A discharge to 3.7 V that leaks less than 1 % of its charge through that filament (see above). */
    static final StepSpec DISCHARGE = StepSpec.cRate(-0.7, Cutoff.voltageBelow(3.7), Cutoff.duration(5 * 3600));

    static RecordingSink run(double pressure) {
        RecordingSink s = new RecordingSink();
        new Simulation().run(Sung2023Parameters.cell7FullBaseline(pressure, Sung2023Parameters.T_ROOM), ProtocolSpec.of(
                FIRST_CHARGE, DISCHARGE,
                StepSpec.currentDensity(0.01 * Sung2023Parameters.MA_CM2, Cutoff.voltageAbove(4.3), Cutoff.duration(2 * 3600)),
                DISCHARGE),
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

    /**
     * A charge that ends by its capacity limit short of its voltage cut-off while current leaks is one too: the counted
     * charge includes the leak, so the cell stores less than it was given. The leaking charge above with a capacity limit
     * of 0.015 mAh/cm2 (reached after 1.5 h at 0.01 mA/cm2, before its 2 h): until session 32 only a time limit was
     * checked, and a capacity limit was no end the step check knew (the charge's own leak, 99 % of it, is named either way:
     * the words say which limit).
     */
    @Test
    void aChargeThatLeaksIntoItsCapacityLimitIsASoftShort() {
        RecordingSink s = new RecordingSink();
        new Simulation().run(Sung2023Parameters.cell7FullBaseline(65e6, Sung2023Parameters.T_ROOM), ProtocolSpec.of(
                FIRST_CHARGE, DISCHARGE,
                StepSpec.currentDensity(0.01 * Sung2023Parameters.MA_CM2, Cutoff.voltageAbove(4.3),
                        Cutoff.capacity(0.015 * 36000), Cutoff.duration(2 * 3600))),
                SolverSettings.builder().cathodeNodes(5).particleNodes(10).outputInterval(3600).build(), s, null);
        assertEquals(RunStatus.COMPLETED, s.status, () -> s.events.toString());
        StepResult charge = s.cycles.get(1).steps().get(0);
        assertEquals(StepEnd.CAPACITY, charge.end());
        List<SimulationEvent> soft = softShorts(s);
        assertEquals(1, soft.size(), () -> s.events.toString());
        assertTrue(soft.get(0).message().startsWith("warning: cycle 2, step 3: soft short: the charge at 0.01 mA/cm2 ran into its "
                + "capacity limit of 0.015 mAh/cm2 without reaching 4.3 V: "), soft.get(0).message());
    }

    @Test
    void aSoftShortShowingAgainIsCountedWithTheCycleItLastShowedIn() {
        // the leaking charge in cycles 2 and 3, then a charge at 2 C that outruns the leak and reaches 4.3 V: the
        // count names cycle 3 (it named the run's last cycle, 4, where no soft short showed). At 0.1 C (as before
        // session 32) or 0.35 C that charge leaks 1.7 % of its charge through the filament, across 64 % of the
        // separator by then, and is a soft short itself; at 1 C 0.46 %, and since NCM811's exchange current is 0.249
        // mA/cm2 (session 37) its cycle is one, so 2 C.
        RecordingSink s = new RecordingSink();
        StepSpec leaky = StepSpec.currentDensity(0.01 * Sung2023Parameters.MA_CM2, Cutoff.voltageAbove(4.3), Cutoff.duration(2 * 3600));
        StepSpec discharge = DISCHARGE;
        StepSpec charge = StepSpec.cRate(2, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600));
        new Simulation().run(Sung2023Parameters.cell7FullBaseline(65e6, Sung2023Parameters.T_ROOM),
                ProtocolSpec.of(FIRST_CHARGE, discharge, leaky, discharge, leaky, discharge, charge, discharge),
                SolverSettings.builder().cathodeNodes(5).particleNodes(10).outputInterval(3600).build(), s, null);
        assertEquals(RunStatus.COMPLETED, s.status, () -> s.events.toString());
        assertEquals(4, s.cycles.size());
        assertEquals(StepEnd.VOLTAGE_CUTOFF, s.cycles.get(3).steps().get(0).end(), () -> s.cycles.get(3).steps().toString());
        List<SimulationEvent> soft = softShorts(s);
        assertEquals(2, soft.size(), () -> soft.toString());
        assertEquals(2, soft.get(0).cycleIndex());
        // (cycle 3's leaking charge and its efficiency each count)
        assertTrue(soft.get(1).message().matches("warning: the soft short showed again \\d+ times?, the last in cycle 3"), () -> soft + "\n" + s.cycles);
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
     * An efficiency drop without a leak: first cycle as above, then charges of fixed duration, each discharge at 0.05 C
     * to 3.7 V: 1 mA/cm2 for 1 h, then 0.002 mA/cm2 for 50 h, then 1 mA/cm2 again. At 5 MPa (no filament) the slow charge
     * is returned at ~75 %, below 90 % of the cycle before (the interphases' growth takes its share of the slow charge),
     * but nothing leaked: no soft short. (Until session 34 the slow charge was 0.01 mA/cm2 for 10 h, returned at ~77 %;
     * since the cathode film's growth barrier is derived, 150 kJ/mol instead of the calibrated 50, the film grows 69x
     * slower at 25 degC and that charge is returned at 95 %.) (Until session 32 the
     * efficiency path's scenario at 65 MPa too, where the slow charge leaked away as fast as it was charged; since
     * then that charge, 176 % of it leaked, is named by the step rule first, {@link Simulation#SOFT_SHORT_LEAK_SHARE}:
     * the collapse path has {@link #selfDischargeRun} of its own.)
     */
    static RecordingSink efficiencyRun(double pressure) {
        return efficiencyRun(pressure, true);
    }

    /** {@link #efficiencyRun(double)}, with the cycle after the slow one (later true) or without it. */
    static RecordingSink efficiencyRun(double pressure, boolean later) {
        RecordingSink s = new RecordingSink();
        StepSpec discharge = StepSpec.cRate(-0.05, Cutoff.voltageBelow(3.7), Cutoff.duration(50 * 3600));
        List<StepSpec> steps = new java.util.ArrayList<>(List.of(
                StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600)), discharge,
                StepSpec.currentDensity(1 * Sung2023Parameters.MA_CM2, Cutoff.duration(3600)), discharge,
                StepSpec.currentDensity(0.002 * Sung2023Parameters.MA_CM2, Cutoff.duration(50 * 3600)), discharge));
        if (later) steps.addAll(List.of(StepSpec.currentDensity(1 * Sung2023Parameters.MA_CM2, Cutoff.duration(3600)), discharge));
        new Simulation().run(Sung2023Parameters.cell7FullBaseline(pressure, Sung2023Parameters.T_ROOM), new ProtocolSpec("p", steps),
                SolverSettings.builder().cathodeNodes(5).particleNodes(10).outputInterval(3600).build(), s, null);
        return s;
    }

    /**
     * The other path of the detection: no charge has a voltage cut-off to miss, and none leaks a measurable share of
     * its charge, but the Coulombic efficiency collapses: the leak drains the cell at rest (a self-discharge through the
     * filament, which no step's charge shows). Since session 34 the cycle's leak names it (the rest's self-discharge
     * among its steps, by its leak in mAh/cm2: a rest passes no charge), where the efficiency's own rule did before (below
     * 0.9 of the best cycle before, while current leaked), which named no cycle the leak rules do not: its condition
     * held the cycle's leak past 1 % of its charge. First charge and discharge as above (the filament grows at 65 MPa), then
     * charges of 0.5 mAh/cm2 at 3 mA/cm2 (10 min: the leak, about 0.015 mA/cm2, takes 0.4-0.8 % of the current), each
     * discharged at 1 C to 3.7 V: at once (efficiency 60 %: 1 C to 3.7 V gives back part of it), then after a 20 h rest
     * (0 %: the leak drained 0.39 mAh/cm2 of the 0.5 stored), then (later true) after a 20 h rest again, a later cycle,
     * so that the collapsed one is not the run's last (since session 28 the last cycle is judged too: the fourth is
     * counted). At 5 MPa nothing leaks at rest: no soft short. (Session 32: the collapse's scenario before, a 0.01
     * mA/cm2 charge for 10 h, is now named by the step rule, {@link #efficiencyRun}. Session 33: the discharges were at
     * 0.05 C, 86 % and 17 %; a discharge is judged as a charge since then, and at 0.05 C the first leaks 7.4 % of its
     * charge: see the class comment. Then at 0.7 C with a 1 h rest in cycle 2 (91 %), until the cycle's leak as a whole
     * became a soft short (session 33, {@code SoftShortLeakShareTest#aCycleWhoseStepsEachLeakLessButTogetherMoreIsASoftShort}):
     * the rest's self-discharge, 0.014 mAh/cm2, with its charge's and discharge's leaks made 3.95 % of cycle 2's
     * charge, and without the rest a 0.7 C discharge's 0.68 % with the charge's 0.43 % still 1.10 %, so cycle 2, which
     * has no cycle before to collapse from, was named first; a 1 C discharge without a rest leaks less than 1 % of the
     * cycle with its charge.)
     */
    static RecordingSink selfDischargeRun(double pressure, boolean later) {
        RecordingSink s = new RecordingSink();
        StepSpec discharge = StepSpec.cRate(-1, Cutoff.voltageBelow(3.7), Cutoff.duration(5 * 3600));
        StepSpec charge = StepSpec.currentDensity(3 * Sung2023Parameters.MA_CM2, Cutoff.duration(600));
        List<StepSpec> steps = new java.util.ArrayList<>(List.of(FIRST_CHARGE, DISCHARGE,
                charge, discharge, charge, StepSpec.rest(20 * 3600), discharge));
        if (later) steps.addAll(List.of(charge, StepSpec.rest(20 * 3600), discharge));
        new Simulation().run(Sung2023Parameters.cell7FullBaseline(pressure, Sung2023Parameters.T_ROOM), new ProtocolSpec("p", steps),
                SolverSettings.builder().cathodeNodes(5).particleNodes(10).outputInterval(3600).build(), s, null);
        return s;
    }

    /**
     * The cycle's soft short of the collapse (see {@link #selfDischargeRun}): "the cycle leaked 78.00 % of the 0.500
     * mAh/cm2 charged ..., each of its steps less: the charge at 3 mA/cm2 of step 5 0.59 % of its 0.500 mAh/cm2, the rest
     * of step 6 0.387 mAh/cm2, ...; Coulombic efficiency 0.0 %; ..." (before session 34 "Coulombic efficiency 0.0 %
     * against 59.5 % in the cycles before; 0.390 mAh/cm2 leaked ...", the efficiency rule's). The rest is named by its
     * leak: it passed no charge of its own.
     */
    static void assertCycle3sLeakNamesTheRest(RecordingSink s, SimulationEvent e) {
        assertEquals(3, e.cycleIndex());
        assertEquals(-1, e.stepIndex(), "a cycle's soft short is of no one step (summary.json's soft_short.step null)");
        assertTrue(e.message().startsWith("warning: cycle 3: soft short: the cycle leaked "), e.message());
        assertTrue(e.message().contains(", each of its steps less: the charge at 3 mA/cm2 of step 5 "), e.message());
        java.util.regex.Matcher rest = java.util.regex.Pattern.compile("the rest of step 6 (\\d+\\.\\d{3}) mAh/cm2[,;]").matcher(e.message());
        assertTrue(rest.find(), e.message());
        // the 20 h rest drained most of the 0.5 mAh/cm2 the charge stored
        assertTrue(Double.parseDouble(rest.group(1)) > 0.25, e.message());
        assertTrue(e.message().contains(String.format(java.util.Locale.ROOT, "; Coulombic efficiency %.1f %%; ",
                100 * s.cycles.get(2).coulombicEfficiency())), e.message());
    }

    /**
     * The collapse in the run's last cycle is a soft short too (fuzz28: cell 6 at -10 degC and 10 MPa, four CC-CV
     * cycles, the last at 86.3 % against 96.9 % with 0.29 mAh/cm2 leaked through a filament across 82 % of the
     * separator, ended "completed" with nothing said; with a fifth cycle the fourth was reported). A last cycle cut short
     * has no efficiency and is not judged: the baseline cell's short at 65 MPa ends its last cycle with none.
     */
    @Test
    void efficiencyCollapsingInTheRunsLastCycleIsASoftShort() {
        RecordingSink s = selfDischargeRun(65e6, false);
        assertEquals(RunStatus.COMPLETED, s.status, () -> s.events.toString());
        assertEquals(3, s.cycles.size());
        double before = s.cycles.get(1).coulombicEfficiency(), collapsed = s.cycles.get(2).coulombicEfficiency();
        assertTrue(collapsed < 0.9 * before, before + " -> " + collapsed);
        List<SimulationEvent> soft = softShorts(s);
        assertEquals(1, soft.size(), () -> s.events.toString());
        assertCycle3sLeakNamesTheRest(s, soft.get(0));
        assertEquals(List.of(), softShorts(selfDischargeRun(5e6, false)), "no leak at 5 MPa");
    }

    @Test
    void efficiencyCollapsingWhileCurrentLeaksIsASoftShort() {
        RecordingSink s = selfDischargeRun(65e6, true);
        assertEquals(RunStatus.COMPLETED, s.status, () -> s.events.toString());
        assertEquals(4, s.cycles.size());
        // no charge after the first has a voltage cut-off, and none leaks 1 % of its charge: the step paths cannot fire
        for (int c = 1; c < 4; c++)
            assertEquals(StepEnd.DURATION, s.cycles.get(c).steps().get(0).end());
        double before = s.cycles.get(1).coulombicEfficiency(), collapsed = s.cycles.get(2).coulombicEfficiency();
        assertTrue(before > 0.5 && collapsed < 0.9 * before, before + " -> " + collapsed);
        List<SimulationEvent> soft = softShorts(s);
        // cycle 3's, and cycle 4's (its 20 h rest drains it as cycle 3's did) counted
        assertEquals(2, soft.size(), () -> s.events.toString() + s.cycles);
        assertEquals("warning: the soft short showed again 1 time, the last in cycle 4", soft.get(1).message());
        SimulationEvent e = soft.get(0);
        assertCycle3sLeakNamesTheRest(s, e);
        assertTrue(e.value() > 0.1 && e.value() < 1, "filament fraction " + e.value());
        assertTrue(e.message().contains("through Li filaments spanning"), e.message());
    }

    @Test
    void efficiencyDropWithoutLeakIsNoSoftShort() {
        RecordingSink s = efficiencyRun(5e6);
        assertEquals(RunStatus.COMPLETED, s.status);
        assertEquals(4, s.cycles.size());
        double before = s.cycles.get(1).coulombicEfficiency(), dropped = s.cycles.get(2).coulombicEfficiency();
        // the efficiency falls as far as the collapse's threshold (0.9 of the best, the efficiency rule's until session
        // 34), but no current leaked
        assertTrue(dropped < 0.9 * before, before + " -> " + dropped);
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
     * runs into its 5 h with 70 % leaked and the hold after it shorts, as ss26's did. Since session 32 the first soft
     * short said is cycle 2's hold, of whose 0.2 mAh/cm2 3.1 % leaked through a filament across 42 % of the separator
     * ({@link Simulation#SOFT_SHORT_LEAK_SHARE}); the leaking charge of cycle 4 is counted with it.
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
        List<SimulationEvent> soft = softShorts(s);
        assertEquals(2, soft.size(), () -> s.events.toString()); // the first, and the count of later ones
        assertTrue(soft.get(0).message().startsWith("warning: cycle 2, step 6: soft short: the hold at 4.3 V leaked "), soft.get(0).message());
        assertTrue(soft.get(1).message().matches("warning: the soft short showed again \\d+ times?, the last in cycle 4"), soft.get(1).message());
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
     * A hold held from its current cut-off by the leak is a soft short too: the baseline cell charged at 0.35 C at 65 MPa
     * (a filament across about half of the separator; charged at 0.1 C until session 32, when that charge's own leak,
     * 1.7 % of it, became a soft short: {@link #FIRST_CHARGE}), then held at 4.3 V until 0.002 C (0.056 A/m2) for 10 h. Its
     * electrodes' current falls below the cut-off, but the leak G V (~0.13 A/m2) keeps the cell's above it: the hold
     * runs its 10 h and was reported as nothing. At 5 MPa (no filament) the same hold reaches its cut-off within 1 h.
     */
    @Test
    void aHoldThatTheLeakKeepsFromItsCurrentCutoffIsASoftShort() {
        List<StepSpec> steps = List.of(FIRST_CHARGE,
                StepSpec.voltageHold(4.3, Cutoff.currentBelowCRate(0.002), Cutoff.duration(10 * 3600)),
                StepSpec.cRate(-0.35, Cutoff.voltageBelow(3.7), Cutoff.duration(5 * 3600)));
        SolverSettings coarse = SolverSettings.builder().cathodeNodes(5).particleNodes(10).outputInterval(3600).build();
        RecordingSink s = new RecordingSink();
        new Simulation().run(Sung2023Parameters.cell7FullBaseline(65e6, Sung2023Parameters.T_ROOM), new ProtocolSpec("p", steps), coarse, s, null);
        assertEquals(RunStatus.COMPLETED, s.status, () -> s.events.toString());
        assertEquals(StepEnd.DURATION, s.cycles.get(0).steps().get(1).end());
        List<SimulationEvent> soft = softShorts(s);
        // the hold, and the 0.35 C discharge after it through the same filament (1 % of its charge), counted (session 33)
        assertEquals(2, soft.size(), () -> s.events.toString());
        assertEquals("warning: the soft short showed again 1 time, the last in cycle 1", soft.get(1).message());
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
        // stored while current leaks is the 7th (102 %) and the 8th shorts. Since session 32 cycle 7 is named by its
        // plating, 2.0 % of whose 1 mAh/cm2 leaked ({@link Simulation#SOFT_SHORT_LEAK_SHARE}; cycle 6's leaked 0.84 %),
        // before the cycle closes: the cycle's rule then adds nothing for it (one soft short per cycle). Since session 33
        // a stripping is judged as a plating (with Li's Coble barrier at 45 kJ/mol cycle 6's stripping, 1.2 % of whose
        // 1.48 mAh/cm2 leaked, was the first said), but since the barrier is derived from measurements (25 kJ/mol,
        // session 33) Li creeps faster at -5 degC and cycle 6 leaks less than 1 %, in each step and as a whole: the first
        // said is cycle 7's plating again, 1.2 % of its 1 mAh/cm2, a storing step (no words for a charge that moved no
        // lithium); the stripping's words are SoftShortTest#aStrippingThatLeaksIsNamedBeforeItsCyclesEfficiency's. The rule this test was
        // written for, an efficiency past 100 % while current leaks, is gone since session 33: the cycle's leak as a
        // whole (EventDetection.cycleClosed; SoftShortLeakShareTest#aCycleWhoseStepsEachLeakLessButTogetherMoreIsASoftShort)
        // names every cycle it named, with the efficiency in its words. Since session 37 the interlayer's sites react
        // where they stand in their nodes (MiecChargeBalance: the collector's at its face, a pore front within its
        // node): cycle 6's stripping leaks 1.3 % of its 1.486 mAh/cm2 and is the first said, as it was on the code
        // before with 20 and 40 interlayer nodes (1.1 %, 1.2 %; with the default 10 nodes below the 1 %, the
        // node's error): cycle 7, which gives back more than it stored (104 %), is counted with it.
        RecordingSink s = leakyHalfCell(100e6, 268.15);
        assertTrue(s.cycles.size() >= 7, () -> s.cycles.toString());
        double ce = s.cycles.get(6).coulombicEfficiency();
        assertTrue(ce > 1, () -> "cycle 7 gave back " + ce + " of what it plated: " + s.cycles);
        List<SimulationEvent> soft = softShorts(s);
        assertFalse(soft.isEmpty(), () -> s.events.toString());
        SimulationEvent e = soft.get(0); // the first said: cycle 6's stripping (cycle 8 shorts)
        assertEquals(6, e.cycleIndex(), e::message);
        assertEquals(s.cycles.get(5).steps().get(1).stepIndex(), e.stepIndex(), "cycle 6's stripping");
        assertTrue(e.message().startsWith("warning: cycle 6, step 13: soft short: the charge at 1 mA/cm2 leaked "), e.message());
        assertTrue(e.message().contains("through Li filaments spanning"), e.message());
        assertTrue(SoftShortLeakShareTest.leakedShare(e) > Simulation.SOFT_SHORT_LEAK_SHARE, e.message());
        assertTrue(soft.stream().anyMatch(x -> x.message().matches("warning: the soft short showed again \\d+ times?, the last in cycle [7-9]")),
                () -> "cycle 7, more given back than stored while current leaks, counted with it: " + soft);
    }

    /**
     * experiments.cell's SilicideHalfCell (cell 5, Si without CNT, at 65 MPa, the study's plating and stripping at
     * 0.92 mA/cm2): a filament grows through the separator; no plating (the half cell's storing step) leaks more than
     * 1 % of its charge, but cycle 8's stripping, which runs until its plated Li is exhausted, leaks 1.8 % of its
     * 3.05 mAh/cm2 through a filament across 98 % of the separator (its plating 0.46 %): since session 33 a stripping is
     * judged as a plating, and it is the soft short said, with its step, before the hard short in cycle 9. Until then
     * only the efficiency past 100 % named the cycle (100.6 %, more given back than stored: the stripping counts the
     * leak), and that rule had this scenario as its own; since session 33 the cycle's leak as a whole names what it
     * named (the same cell at 55 MPa leaks 0.52 % and 0.84 % in cycle 18, at an efficiency below 100 %:
     * SoftShortLeakShareTest#aCycleWhoseStepsEachLeakLessButTogetherMoreIsASoftShort), and the efficiency rule is gone.
     */
    @Test
    void aStrippingThatLeaksIsNamedBeforeItsCyclesEfficiency() {
        RecordingSink s = new RecordingSink();
        new Simulation().run(Sung2023Parameters.cell5Si(65e6), Sung2023Parameters.platingStrippingInterlayer(34),
                SolverSettings.builder().outputInterval(600).build(), s, null);
        assertEquals(RunStatus.SHORT_CIRCUIT, s.status, () -> s.events.toString());
        List<SimulationEvent> soft = softShorts(s);
        assertEquals(1, soft.size(), () -> s.events.toString());
        SimulationEvent e = soft.get(0);
        assertEquals(8, e.cycleIndex(), e::message);
        assertEquals(s.cycles.get(7).steps().get(1).stepIndex(), e.stepIndex(), "cycle 8's stripping: " + e.message());
        double ce = s.cycles.get(7).coulombicEfficiency();
        assertTrue(ce > 1, "cycle 8 gave back " + ce);
        assertTrue(e.message().startsWith("warning: cycle 8, step 3.2: soft short: the charge at 0.92 mA/cm2 leaked "), e.message());
        assertTrue(e.message().endsWith("; charge counted that moved no lithium"), e.message());
        assertTrue(SoftShortLeakShareTest.leakedShare(e) > Simulation.SOFT_SHORT_LEAK_SHARE, e.message());
        assertEquals(9, s.cycles.size(), "the hard short's cycle");
    }

    @Test
    void moreGivenBackThanStoredWithoutALeakIsNoSoftShort() {
        RecordingSink s = leakyHalfCell(65e6, Sung2023Parameters.T_ROOM);
        assertEquals(RunStatus.COMPLETED, s.status, () -> s.events.toString());
        assertTrue(s.cycles.get(4).coulombicEfficiency() > 1.5, () -> s.cycles.get(4).toString());
        assertEquals(List.of(), softShorts(s));
    }
}

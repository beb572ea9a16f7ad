package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.cellwright.solver.CycleSummary;
import org.cellwright.solver.ProgressListener;
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
import org.cellwright.solver.physics.CellModel;
import org.cellwright.solver.physics.MiecInterlayerElectrode;
import org.junit.jupiter.api.Test;

/**
 * The interlayer half cell formed at 5 MPa and cycled at 65 MPa (Sung2023): Li filaments grow until the soft short
 * carries the whole stripping current. Its interlayer has then no Li metal left and its host sits inside the
 * hysteresis gap between the lithiation and the de-alloying branch, where it carries no current over a range of
 * potentials: its potential is no function of its current, and the step at a set current has no unique solution
 * (it ended by solver failure in cycle 15, step 32, at 60 s steps). Solved at a set voltage instead, every step ends
 * by its own condition or by the short.
 */
class SoftShortStepEndTest {

    static final Set<StepEnd> OWN_OR_SHORT = EnumSet.of(StepEnd.VOLTAGE_CUTOFF, StepEnd.VOLTAGE_JUMP, StepEnd.CURRENT_CUTOFF,
            StepEnd.DURATION, StepEnd.CAPACITY, StepEnd.SHORT_CIRCUIT);

    static ProtocolSpec formedAt5ThenCycledAt65MPa() {
        List<StepSpec> steps = new ArrayList<>(Sung2023Parameters.formation().steps());
        steps.add(new StepSpec.SetStackPressure(65e6));
        steps.addAll(Sung2023Parameters.platingStrippingInterlayer(34).steps());
        return new ProtocolSpec("formation-at-5-then-65MPa", steps);
    }

    /**
     * Every step ends by its own condition or the short; each voltage cut-off end lies within 1 mV of its cut-off, or
     * is recorded as a jump across it with a warning naming its cycle, step and cause. With 10-minute steps the
     * stripping step of cycle 15 (step 31) ran out of plated Li at 0.023 V (the filament's leak carries much of the
     * current), and the host's hysteresis gap made the voltage jump to 0.29 V past the 0.2 V cut-off: it was recorded
     * as landed on 0.2 V at 0.29 V, silently (audit s11, item 9). Which stripping step before the short runs out of
     * Li, and at which step size, moves with perturbations far below any physical effect: the Li foil's handbook
     * conductivity (1.1e7 -> 1.06e7 S/m, a change of its ohmic drop below 1 nV) and SUS's (1.4e6 -> 1.39e6 S/m) moved
     * the short from cycle 16-17 to 13-15 and the jump from 10-minute to 3-minute steps (issue 13, round 5), and with
     * the Li/LPSCl interphase's stoichiometric Li content (session 12) none of the four step sizes runs out of plated Li
     * before the short. So the run is made at four step sizes, each must end every step properly.
     */
    @Test
    void formedAt5MPaCycledAt65MPaEndsEveryStepByItsOwnConditionOrTheShort() {
        List<StepSpec> flat = formedAt5ThenCycledAt65MPa().flatten();
        for (double maxStep : new double[] {60, 180, 300, 600}) {
            RecordingSink s = new RecordingSink();
            RunStatus st = new Simulation().run(Sung2023Parameters.cell1Formation(5e6), formedAt5ThenCycledAt65MPa(),
                    SolverSettings.builder().maxStep(maxStep).build(), s, ProgressListener.NONE);
            assertEquals(RunStatus.SHORT_CIRCUIT, st, "max step " + maxStep);
            List<String> warnings = s.events(SimulationEvent.Type.STEP_END).stream().map(SimulationEvent::message).toList();
            int jumps = 0, lastJump = 0;
            for (CycleSummary c : s.cycles)
                for (StepResult r : c.steps()) {
                    String where = "max step " + maxStep + ": cycle " + c.index() + ", step " + r.stepIndex();
                    assertTrue(OWN_OR_SHORT.contains(r.end()), where + " ended by " + r.end() + "; " + s.events);
                    double cut = voltageCutoff(flat.get(r.stepIndex()));
                    if (r.end() == StepEnd.VOLTAGE_CUTOFF) assertEquals(cut, r.endVoltage(), 1e-3, where);
                    if (r.end() == StepEnd.VOLTAGE_JUMP) {
                        assertTrue(r.endVoltage() > cut + 1e-3, where + ": a jump past the cut-off, " + r.endVoltage());
                        lastJump = c.index();
                        if (jumps++ > 0) continue; // a later jump is counted in the run's closing warning (below)
                        // named as the protocol is written (StepNumbers: the repeat's steps "4.1", "4.2"), not by its flattened index
                        String said = "warning: cycle " + c.index() + ", step " + org.cellwright.solver.input.StepNumbers.of(formedAt5ThenCycledAt65MPa())
                                .number(r.stepIndex()) + " (voltage-jump at ";
                        assertTrue(warnings.stream().anyMatch(w -> w.startsWith(said) && w.contains("the voltage jumped across the cut-off 0.2 V from ")
                                && w.contains("plated lithium exhausted (the working electrode (negative) had ")), where + ": " + warnings);
                    }
                }
            for (String w : warnings)
                assertTrue(w.contains("(voltage-jump at ") || w.contains("(voltage-jump), the last in cycle"), "max step " + maxStep + ": " + w);
            // the first jump is said in its own warning (above), every later one counted in one closing warning of the run
            if (jumps > 1) assertTrue(warnings.contains("warning: " + (jumps - 1) + " later step" + (jumps == 2 ? "" : "s")
                    + " ended so (voltage-jump), the last in cycle " + lastJump), "max step " + maxStep + ": " + jumps + " jumps: " + warnings);
            else assertTrue(warnings.stream().noneMatch(w -> w.contains(" later step")), "max step " + maxStep + ": " + warnings);
            // the short comes after a few tens of cycles (the study), not in the first ones
            assertTrue(s.cycles.size() >= 10, "max step " + maxStep + ": shorted in cycle " + s.cycles.size());
        }
        // whether a stripping step runs out of plated Li before the short (a jump) depends on perturbations far below any
        // physical effect (above): where one does, it is held above; that such an end is recorded and said is held
        // whatever the cell by StepEndTest (a model whose voltage jumps) and by StudyResultsTest (the study's runs)
        // (session 32, the step control onto the cut-off on discharges only: at 300 s steps cycle 15's stripping, step 5.2,
        // jumps from 0.051 to 0.296 V, said in its own warning; at 60, 180 and 600 s none jumps. With the step control on
        // every step two stripping steps jumped at 60 s, cycles 14 and 15, the second counted: cae2a236 accepted that)
        // (session 36, SiNP's electronic conductivity measured, 1e2 -> 1e6 S/m: at 300 s steps the strippings of cycles
        // 14, 15 and 16 run out of plated Li and jump past 0.2 V (cycle 14 from 0.049 to 0.300 V), the first said in its
        // own warning, the later two counted in the run's closing one, "2 later steps ended so (voltage-jump), the last in
        // cycle 16", as every run says repeated ends (RunRecorder); this test held only the first way, so the count is held)
    }

    /** The step's voltage cut-off (NaN if none). */
    static double voltageCutoff(StepSpec step) {
        if (step instanceof StepSpec.ConstantCurrent cc)
            for (Cutoff c : cc.cutoffs())
                if (c.kind() == Cutoff.Kind.VOLTAGE_ABOVE || c.kind() == Cutoff.Kind.VOLTAGE_BELOW) return c.value();
        return Double.NaN;
    }

    @Test
    void inItsHysteresisGapTheHostCarriesNoCurrentOverARangeOfPotentials() {
        // as-cast Si (y = 1e-4): lithiation branch 0.15 V + 0.03 V ln((1 - y)/y) = 0.43 V, de-alloying 0.3 V above it
        CellModel cell = new CellModel(Sung2023Parameters.cell1Formation(65e6), SolverSettings.defaults());
        MiecInterlayerElectrode we = (MiecInterlayerElectrode) cell.workingElectrode();
        for (double e : new double[] {0.5, 0.6, 0.7})
            assertEquals(0, we.currentAtPotential(1, e, 1.0), 1e-9, "current at " + e + " V inside the gap");
        double below = we.currentAtPotential(1, 0.35, -1.0), above = we.currentAtPotential(1, 0.8, 1.0);
        assertTrue(below < -1e-3, "lithiation below the lithiation branch: " + below);
        assertTrue(above > 1e-3, "de-alloying above the de-alloying branch: " + above);
    }

    @Test
    void aStepAtTheSetPotentialAStepAtSetCurrentReachesCarriesThatCurrent() {
        // the lithiated interlayer half cell (cell 2), plating: both formulations describe the same step
        CellModel cell = new CellModel(Sung2023Parameters.cell2Interlayer(65e6), SolverSettings.defaults());
        MiecInterlayerElectrode we = (MiecInterlayerElectrode) cell.workingElectrode();
        for (double i : new double[] {-3, -9.2, 2}) {
            double e = we.trial(10, i);
            assertTrue(Double.isFinite(e), "trial at " + i + " A/m2");
            double back = we.currentAtPotential(10, e, i);
            assertEquals(i, back, 1e-6 * Math.abs(i), "current at the potential " + e + " V of the step at " + i + " A/m2");
        }
    }
}

package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.cellwright.solver.CycleSummary;
import org.cellwright.solver.ParticleShells;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.StepEnd;
import org.cellwright.solver.StepResult;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;

/**
 * Each pulse of a pulsed discharge is a step whose charge a user reads (cycles.csv, per step): with the default time
 * stepping, every pulse's charge is within the capacity target (0.1 %, issue 13) of the same meshes with fine steps
 * (rtol 1e-6, steps of at most 10 s), not only the cycle's sum (session 33). The interlayer full cell 6, charged at
 * 0.1 C to 4.3 V, then pulses of 15 min until 2.8 V, each followed by 30 min rest; the later pulses end on 2.8 V.
 * Before, the later pulses were 0.2-0.4 % off, with signs opposite to the first's: a rest measured its relaxation from
 * the voltage before it, the current's ohmic and kinetic drop included, so its steps' tolerance was ten times looser
 * than its relaxation and it handed the next pulse a state 0.2-0.4 mV off (StepSizeControl.relaxing); a pulse's end
 * where its particle surfaces fill followed errors of the filling the voltage does not show (towardsFilling); and a
 * slow fall onto the cut-off ended up to 0.1 mV past it (StepExecution's landing).
 */
class PulseChargeTest {

    static List<StepResult> pulses(CellSpec cell, ProtocolSpec protocol, SolverSettings st) {
        RecordingSink s = new RecordingSink();
        assertEquals(RunStatus.COMPLETED, new Simulation().run(cell, protocol, st, s, null));
        List<StepResult> out = new ArrayList<>();
        for (CycleSummary c : s.cycles)
            for (StepResult r : c.steps())
                if (r.charge() < 0) out.add(r);
        return out;
    }

    static void eachPulseWithinTheTargetOfFineSteps(double temperature, double rate, int n) {
        CellSpec cell = Sung2023Parameters.cell6Full(65e6, temperature);
        ProtocolSpec protocol = ProtocolSpec.of(StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600)),
                StepSpec.repeat(n, StepSpec.cRate(-rate, Cutoff.duration(900), Cutoff.voltageBelow(2.8)), StepSpec.rest(1800)));
        // the same meshes (the shells the default takes for this protocol), the reference's tolerance, steps <= 10 s
        SolverSettings fine = SolverSettings.builder().particleNodes(ParticleShells.forRun(cell, protocol))
                .relativeTolerance(1e-6).maxStep(10).build();
        List<StepResult> ref = pulses(cell, protocol, fine), def = pulses(cell, protocol, SolverSettings.builder().build());
        assertEquals(n, ref.size(), "the scenario: " + n + " pulses");
        assertEquals(n, def.size(), n + " pulses");
        for (int k = 0; k < n; k++) {
            StepResult a = ref.get(k), b = def.get(k);
            // (the first may end by its duration)
            if (k > 0) assertEquals(StepEnd.VOLTAGE_CUTOFF, a.end(), "the scenario: pulse " + (k + 1) + " ends on 2.8 V");
            assertEquals(a.end(), b.end(), "pulse " + (k + 1) + " ends as with fine steps");
            double err = (b.charge() - a.charge()) / Math.abs(a.charge());
            assertTrue(Math.abs(err) < 1e-3, String.format("pulse %d's charge within 0.1 %% of fine steps: %.4f %% (%.3f against %.3f C/m2, %.2f s against %.2f s)",
                    k + 1, 100 * err, b.charge(), a.charge(), b.endTime() - b.startTime(), a.endTime() - a.startTime()));
        }
    }

    /**
     * 2 C at 25 degC, four pulses: the first ends by its 15 min, the later ones where the cathode's particle surfaces
     * fill (the voltage plunges). Before: the second pulse +0.09 %, the third -0.37 %, the fourth -0.23 %.
     */
    @Test
    void pulsesOf2CAt25CEachEndWithinTheCapacityTargetOfFineSteps() {
        eachPulseWithinTheTargetOfFineSteps(Sung2023Parameters.T_ROOM, 2, 4);
    }

    /**
     * 0.7 C at -20 degC: the pulses fall slowly onto 2.8 V, where a rest's error of a fraction of a mV is a second of the
     * next pulse (the first runs its 15 min, the second ends after about 10 min, the third after 3.5). At 0.6 C until
     * session 34 (0.28 mV/s at the second's end); since the cathode film's growth barrier is derived (150 kJ/mol, 50
     * calibrated before) the film at -20 degC is thin and every 0.6 C pulse runs its 15 min. Before session 33: the first
     * +0.01 %, the second -0.31 %, the third -0.19 %.
     */
    @Test
    void pulsesOf07CAtMinus20CEachEndWithinTheCapacityTargetOfFineSteps() {
        eachPulseWithinTheTargetOfFineSteps(253.15, 0.7, 3);
    }
}

package org.cellwright.solver.tests;

import static org.cellwright.solver.input.MaterialProperty.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.solver.CycleSummary;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.ResultSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.SimulationEvent;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.LayerRole;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialSpec;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.output.SummaryJsonWriter;
import org.cellwright.solver.output.SummaryKeys;
import org.cellwright.solver.params.Sung2023Parameters;
import org.cellwright.solver.physics.Constants;
import org.cellwright.solver.physics.SolidElectrolyteInterphase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temperature dependence of the Li/SE interphase (issue 4): at 60 C the interlayer half cell of Sung et al., Adv.
 * Mater. 2023 (DOI 10.1002/adma.202210835) stopped stripping after 17 cycles because its Li foil counter electrode's
 * interphase grew with an Arrhenius rate while its resistance had none; with both Arrhenius and the growth barrier
 * measured (62.3 kJ/mol) it stops after 18 (a prediction); a stripping step that stalls at its cut-off is reported
 * to the user.
 */
class TemperatureTest {
    static final SolverSettings COARSE = SolverSettings.builder().outputInterval(3600).build();
    static final double T20 = 293.15;

    static RecordingSink run(CellSpec cell, int cycles, ResultSink... more) {
        RecordingSink s = new RecordingSink();
        List<ResultSink> all = new ArrayList<>(List.of(more));
        all.add(0, s);
        RunStatus st = new Simulation().run(cell, Sung2023Parameters.platingStrippingInterlayer(cycles), COARSE,
                ResultSink.tee(all.toArray(ResultSink[]::new)), null);
        assertEquals(RunStatus.COMPLETED, st, () -> s.events.toString());
        return s;
    }

    /** The cell with its separator's SE replaced by se. */
    static CellSpec withElectrolyte(CellSpec cell, MaterialSpec se) {
        List<LayerSpec> layers = new ArrayList<>();
        for (LayerSpec l : cell.layers())
            layers.add(l.role() == LayerRole.SEPARATOR ? l.toBuilder().clearComponents().material(se).build() : l);
        return cell.toBuilder().layers(layers).build();
    }

    static List<String> warnings(RecordingSink s) {
        return s.events.stream().filter(e -> e.type() == SimulationEvent.Type.INFO || e.type() == SimulationEvent.Type.STEP_END
                || e.type() == SimulationEvent.Type.ACCURACY || e.type() == SimulationEvent.Type.VALIDITY)
                .map(SimulationEvent::message).filter(m -> m.startsWith("warning")).toList();
    }

    /**
     * At or above lithium's melting point (180.5 degC) the run warns once that its solid lithium describes no real cell
     * (a 200 degC run went on without a word); at 80 degC it does not; a protocol that sets the temperature there later
     * is warned at that step. The warning is typed as one (VALIDITY: the run outside what the model describes), as the
     * mesh's is (ACCURACY): it was INFO, and summary.json, the CLI and the report read "INFO: warning: ..." (session 39).
     */
    @Test
    void aCellAtOrAboveLithiumsMeltingPointIsWarnedOnce() {
        SummaryJsonWriter json = new SummaryJsonWriter();
        RecordingSink hot = run(Sung2023Parameters.cell2Interlayer(34e6, 473.15), 1, json);
        List<String> w = warnings(hot).stream().filter(m -> m.contains("melting point")).toList();
        assertEquals(1, w.size(), hot.events.toString());
        assertTrue(w.get(0).startsWith("warning: cycle 0, step 1: the cell is at 200 degC, at or above lithium's melting point (180.5 degC)"), w.get(0));
        assertEquals(List.of(SimulationEvent.Type.VALIDITY), hot.events.stream().filter(e -> e.message().contains("melting point"))
                .map(SimulationEvent::type).toList(), "a warning, typed as one (INFO before session 39)");
        String messages = json.json().getAsJsonArray(SummaryKeys.MESSAGES).toString();
        assertTrue(messages.contains("VALIDITY: warning: cycle 0, step 1: the cell is at 200 degC"), messages);
        assertFalse(messages.contains("INFO: warning"), messages);
        assertTrue(warnings(run(Sung2023Parameters.cell2Interlayer(34e6, 353.15), 1)).stream().noneMatch(m -> m.contains("melting point")));
        RecordingSink later = new RecordingSink();
        ProtocolSpec p = Sung2023Parameters.platingStrippingInterlayer(1);
        List<StepSpec> steps = new ArrayList<>(p.steps());
        steps.add(1, new StepSpec.SetTemperature(463.15));
        new Simulation().run(Sung2023Parameters.cell2Interlayer(34e6), new ProtocolSpec(p.name(), steps), COARSE, later, null);
        List<String> lw = warnings(later).stream().filter(m -> m.contains("melting point")).toList();
        assertEquals(1, lw.size(), later.events.toString());
        assertTrue(lw.get(0).contains("step 2: the cell is at 190 degC"), lw.get(0));
    }

    /**
     * A prediction (the study cycles full cells at 60 degC, half cells at room temperature only): with the Li/LPSCl
     * interphase's measured growth barrier (62.3 kJ/mol) and its bracketed conduction barrier (10 kJ/mol, 6.32-15.5), the
     * interphase of the half cell's Li foil counter electrode has a resistance at a given age, sqrt(k)/kappa, that
     * rises with 62.3/2 - 10 = 21 kJ/mol, 2.4x at 60 degC its 25 degC value: the cell strips as at room temperature
     * for 18 cycles (every cycle after the 3rd >= 98 %), then the foil's interphase takes the 0.2 V cut-off (0.193 V)
     * and from cycle 20 every stripping ends at once at it; the run completes its 35 cycles and says why, once, with the
     * cycles after it counted. With the growth's former 30 kJ/mol (calibrated) it kept >= 98 % for all 35 cycles.
     */
    @Test
    void interlayerHalfCellAt60CStripsUntilItsFoilsInterphaseTakesTheCutoffAndSaysSo() {
        RecordingSink s = run(Sung2023Parameters.cell2Interlayer(34e6, Sung2023Parameters.T_60C), 34);
        assertEquals(35, s.cycles.size());
        for (CycleSummary c : s.cycles) {
            if (c.index() > 3 && c.index() < 19) assertTrue(c.coulombicEfficiency() >= 0.98, "cycle " + c.index() + ": CE " + c.coulombicEfficiency());
            if (c.index() >= 20) assertTrue(c.coulombicEfficiency() < 0.01, "cycle " + c.index() + ": CE " + c.coulombicEfficiency());
        }
        // (the strippings that end at once take no time: the 35 cycles end after about 175 h, not 244 h)
        assertTrue(s.last().time() > 170 * 3600, "ran to " + s.last().time() / 3600 + " h");
        // no short, nothing else said: the stall and its count (a stripping that uses up its plated Li ends by the
        // documented voltage jump, plated lithium exhausted)
        List<String> w = warnings(s).stream().filter(m -> !(m.contains("(voltage-jump at") && m.contains("plated lithium exhausted"))).toList();
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.get(0).matches("warning: cycle (19|20), step 3\\.2 \\(voltage-cutoff at [^)]*\\): the stripping step ended at its voltage cut-off 0.200 V .*"), w.get(0));
        assertTrue(w.get(0).contains("dominant overpotential: interphase (eta_interphase_V"), w.get(0));
        assertTrue(w.get(1).startsWith("warning: the same in "), w.get(1));
    }

    @Test
    void interphaseConductsBetterAndGrowsFasterAt60CByTheArrheniusFactorsOfItsActivationEnergies() {
        MaterialSpec se = Sung2023Parameters.lpscl();
        // growth: the interphase's own barrier (62.3 kJ/mol, measured); it was read as the SE's ionic one (30 kJ/mol),
        // which the growth's equalled until the measured value came in, so the test could not tell them apart
        double eg = se.get(INTERPHASE_ACTIVATION_ENERGY, Double.NaN), ec = se.get(INTERPHASE_CONDUCTION_ACTIVATION_ENERGY, Double.NaN);
        assertNotEquals(se.get(IONIC_ACTIVATION_ENERGY, 0), eg, "the growth's barrier is not the SE's ionic one");
        assertTrue(ec > 0 && eg > 0);
        SolidElectrolyteInterphase cold = interphase(se), warm = interphase(se);
        cold.setTemperature(T20);
        warm.setTemperature(Sung2023Parameters.T_60C);
        double inverse = 1 / T20 - 1 / Sung2023Parameters.T_60C;
        // kappa(T) = kappa_ref exp(-E_kappa/R (1/T - 1/T_ref)); k(T) likewise with E_k
        assertEquals(Math.exp(ec / Constants.R * inverse), warm.conductivity() / cold.conductivity(), 1e-12);
        assertEquals(Math.exp(eg / Constants.R * inverse), warm.growthConstant() / cold.growthConstant(), 1e-12);
        // the same interphase (same thickness and contact) has a lower resistance at 60 C by the conduction factor
        cold.trial(0, 1);
        warm.trial(0, 1);
        assertEquals(Math.exp(ec / Constants.R * inverse), cold.resistance() / warm.resistance(), 1e-9);
        // grown for 100 h on full contact: L^2 = L0^2 + 2 k(T) t, thicker at 60 C
        double t = 100 * 3600;
        for (SolidElectrolyteInterphase i : List.of(cold, warm)) {
            i.trial(t, 1);
            i.commit();
        }
        double l0 = SolidElectrolyteInterphase.INITIAL_THICKNESS;
        assertEquals(Math.sqrt(l0 * l0 + 2 * cold.growthConstant() * t), cold.thickness(), 1e-9 * cold.thickness());
        assertEquals(Math.sqrt(l0 * l0 + 2 * warm.growthConstant() * t), warm.thickness(), 1e-9 * warm.thickness());
        assertTrue(warm.thickness() > 1.5 * cold.thickness());
        // and it binds more Li (capacity loss): c_Li A L
        assertTrue(warm.lithium() > 1.5 * cold.lithium());
    }

    static SolidElectrolyteInterphase interphase(MaterialSpec se) {
        return new SolidElectrolyteInterphase(se.get(INTERPHASE_GROWTH_CONSTANT, 0), se.get(INTERPHASE_CONDUCTIVITY, 0),
                se.get(INTERPHASE_LITHIUM_CONTENT, 0), se.get(INTERPHASE_ACTIVATION_ENERGY, 0),
                se.get(INTERPHASE_CONDUCTION_ACTIVATION_ENERGY, 0));
    }

    @Test
    void interphaseWithTemperatureIndependentConductionStopsThe60CHalfCellAndTheRunSaysWhy() {
        // the model before issue 4: growth Arrhenius, conduction not; the counter foil's interphase runs away. Its
        // conductivity then, 1e-5 S/m, was 0.77x the 1.3e-5 S/m calibrated with the Li content 8.0e4 mol/m3; the same
        // share of today's (with the stoichiometric 4.1e4 mol/m3 the layer is twice as thick, and conducts twice as well).
        // With the measured growth barrier (62.3 kJ/mol; 30 then) it stops in cycle 4 (cycle 17 then), so 20 cycles:
        // in 35, the foil counter electrode, plated from every cycle and given nothing back, runs out of Li in cycle 27
        // (another end, said as such)
        MaterialSpec lpscl = Sung2023Parameters.lpscl();
        MaterialSpec old = lpscl.with(INTERPHASE_CONDUCTION_ACTIVATION_ENERGY, 0)
                .with(INTERPHASE_CONDUCTIVITY, lpscl.get(INTERPHASE_CONDUCTIVITY, 0) * 1e-5 / 1.3e-5);
        RecordingSink s = run(withElectrolyte(Sung2023Parameters.cell2Interlayer(34e6, Sung2023Parameters.T_60C), old), 19);
        CycleSummary last = s.cycles.get(s.cycles.size() - 1);
        assertEquals(20, last.index());
        assertTrue(last.coulombicEfficiency() < 0.01, "CE of the last cycle " + last.coulombicEfficiency());
        List<String> w = warnings(s);
        // since SiNP's pore share of dead Li is 0.01 (a measured bound; 0.03 calibrated before), cycle 3's stripping
        // takes the last plated Li at 0.199 V, just before the growing interphase's overpotential reaches the 0.2 V
        // cut-off, and says that end ("plated lithium exhausted") before the stop: that earlier end may come first
        List<String> exhausted = w.stream().takeWhile(x -> x.contains("plated lithium exhausted")).toList();
        assertTrue(exhausted.size() <= 1, w.toString());
        w = w.subList(exhausted.size(), w.size());
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.get(0).matches("warning: cycle [0-9]+, step 3\\.2 \\(voltage-cutoff at [^)]*\\): the stripping step ended at its voltage cut-off 0.200 V .*"), w.get(0));
        assertTrue(w.get(0).contains("dominant overpotential: interphase (eta_interphase_V"), w.get(0));
        assertTrue(w.get(1).startsWith("warning: the same in "), w.get(1));
    }

    @Test
    void starvedStrippingIsAWarningInSummaryJsonNamingCycleAndDominantOverpotential(@TempDir Path dir) {
        // an interphase conducting 40x worse than the study's: stripping cannot pass 9.2 A/m2 within 0.2 V from cycle 1
        MaterialSpec resistive = Sung2023Parameters.lpscl().with(INTERPHASE_CONDUCTIVITY, 3e-7);
        SummaryJsonWriter summary = new SummaryJsonWriter(dir);
        RecordingSink s = run(withElectrolyte(Sung2023Parameters.cell2Interlayer(34e6), resistive), 3, summary);
        var messages = summary.json().getAsJsonArray("messages");
        assertEquals(2, messages.size(), messages.toString());
        String first = messages.get(0).getAsString();
        assertTrue(first.matches("STEP_END: warning: cycle 1, step 2 \\(voltage-cutoff at [^)]*\\): the stripping step ended at its voltage cut-off 0.200 V .*"), first);
        assertTrue(first.contains("of the 3.000 mAh/cm2 plated before"), first);
        assertTrue(first.contains("dominant overpotential: interphase"), first);
        assertTrue(messages.get(1).getAsString().contains("the same in 3 later cycles, the last in cycle 4"), messages.toString());
        assertEquals("COMPLETED", summary.json().get("status").getAsString());
        // the plated Li stays: stripping passed < 1 % in every cycle, the protocol's last step included (reported too)
        for (CycleSummary c : s.cycles) assertTrue(c.coulombicEfficiency() < 0.01);
    }

    @Test
    void aStrippingStepThatPassesItsChargeIsNoWarning() {
        RecordingSink s = run(Sung2023Parameters.cell2Interlayer(34e6), 2);
        assertEquals(List.of(), warnings(s));
    }
}

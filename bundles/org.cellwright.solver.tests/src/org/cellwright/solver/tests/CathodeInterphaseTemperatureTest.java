package org.cellwright.solver.tests;

import static org.cellwright.solver.input.MaterialProperty.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.cellwright.solver.CycleSummary;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.SimulationEvent;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.ComponentSpec;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialSpec;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.params.Sung2023Parameters;
import org.cellwright.solver.physics.CathodeElectrolyteInterphase;
import org.cellwright.solver.physics.CompositeCathode;
import org.cellwright.solver.physics.Constants;
import org.cellwright.solver.physics.SolidElectrolyteInterphase;
import org.junit.jupiter.api.Test;

/**
 * The cathode-electrolyte interphase's Li+ conduction follows temperature like its growth (issue 4), as the Li/SE
 * interphase's does ({@link TemperatureTest}): NCM811 of Sung et al., Adv. Mater. 2023 (DOI 10.1002/adma.202210835)
 * with its interphase-conduction-activation-energy.
 */
class CathodeInterphaseTemperatureTest {
    static final double T20 = 293.15, T60 = Sung2023Parameters.T_60C;
    static final SolverSettings COARSE = SolverSettings.builder().outputInterval(3600).build();

    /** exp(E/R (1/T20 - 1/T60)): how much faster a process with activation energy E runs at 60 C than at 20 C. */
    static double factor(double activationEnergy) {
        return Math.exp(activationEnergy / Constants.R * (1 / T20 - 1 / T60));
    }

    @Test
    void ceiResistanceAtEqualThicknessIsLowerAt60CByExactlyTheConductionArrheniusFactor() {
        MaterialSpec ncm = Sung2023Parameters.ncm811();
        double ec = ncm.get(INTERPHASE_CONDUCTION_ACTIVATION_ENERGY, Double.NaN), eg = ncm.get(INTERPHASE_ACTIVATION_ENERGY, 0);
        assertTrue(ec > 0 && eg > 0);
        CathodeElectrolyteInterphase cei = CathodeElectrolyteInterphase.of(ncm);
        // grown 100 h at 60 C: L^2 = L0^2 + 2 k(60 C) t (at 20 C before session 34; with the derived growth barrier,
        // 150 kJ/mol, the film grows 1600x slower at 20 C than at 60 C, to 4 nm in 100 h, too thin to show the law)
        cei.setTemperature(T60);
        double t = 100 * 3600, l0 = SolidElectrolyteInterphase.INITIAL_THICKNESS;
        double k60 = cei.law().growthConstant(), kappa60 = cei.law().conductivity();
        cei.trial(t);
        cei.commit();
        double l = cei.thickness();
        assertEquals(Math.sqrt(l0 * l0 + 2 * k60 * t), l, 1e-12 * l);
        assertTrue(l > 10 * l0, "grown to " + l);
        cei.trial(0);
        double warm = cei.resistance();
        assertEquals(l / kappa60, warm, 1e-12 * warm); // R = L / kappa(T)
        // the same film at 20 C
        cei.setTemperature(T20);
        assertEquals(l, cei.trial(0), 1e-15 * l);
        double cold = cei.resistance();
        assertEquals(factor(ec), cold / warm, 1e-12 * factor(ec));
        assertTrue(cold / warm > 5, "a phosphate-glass-like barrier of 0.5-0.6 eV: " + cold / warm);
        // while it grows faster at 60 C by its own factor
        assertEquals(factor(eg), k60 / cei.law().growthConstant(), 1e-12 * factor(eg));
    }

    @Test
    void theCompositeCathodesInterphaseTakesTheCellTemperature() {
        CellSpec cell = Sung2023Parameters.cell6Full(65e6, T60);
        CompositeCathode cathode = new CompositeCathode("c", cell.cathode(), 0, cell, SolverSettings.defaults(),
                Sung2023Parameters.lpscl());
        MaterialSpec ncm = Sung2023Parameters.ncm811();
        double kappa60 = cathode.interphase().law().conductivity();
        assertEquals(ncm.get(INTERPHASE_CONDUCTIVITY, 0)
                * Constants.arrhenius(ncm.get(INTERPHASE_CONDUCTION_ACTIVATION_ENERGY, 0), T60, Constants.T_REF),
                kappa60, 1e-12 * kappa60);
        cathode.setConditions(T20, 65e6); // a 'set temperature' step
        assertEquals(factor(ncm.get(INTERPHASE_CONDUCTION_ACTIVATION_ENERGY, 0)),
                kappa60 / cathode.interphase().law().conductivity(), 1e-9);
    }

    @Test
    void withTemperatureIndependentConductionTheInterphaseWouldFadeThe60CFullCell() {
        // the model before: growth Arrhenius, conduction at its 25 C value; the film resistance outgrows the capacity
        MaterialSpec old = Sung2023Parameters.ncm811().with(INTERPHASE_CONDUCTION_ACTIVATION_ENERGY, 0);
        double now = retentionAt60C(Sung2023Parameters.ncm811(), 30), before = retentionAt60C(old, 30);
        assertTrue(now > 0.95, "retention after 30 cycles at 60 C " + now);
        assertTrue(before < 0.85, "retention after 30 cycles with kappa fixed " + before);
    }

    static double retentionAt60C(MaterialSpec ncm, int cycles) {
        RecordingSink s = new RecordingSink();
        assertEquals(RunStatus.COMPLETED, new Simulation().run(withActiveMaterial(Sung2023Parameters.cell6Full(65e6, T60), ncm),
                Sung2023Parameters.fullCellCycling(cycles), COARSE, s, null), () -> s.events.toString());
        return s.cycles.get(cycles).dischargeCapacity() / s.cycles.get(1).dischargeCapacity();
    }

    /** The cell with its cathode's NCM811 replaced by am. */
    static CellSpec withActiveMaterial(CellSpec cell, MaterialSpec am) {
        LayerSpec c = cell.cathode();
        LayerSpec.Builder b = c.toBuilder().clearComponents();
        for (ComponentSpec k : c.components())
            b.component(k.material().name().equals(am.name()) ? am : k.material(), k.massFraction());
        return cell.toBuilder().replaceLayer(b.build()).build();
    }

    @Test
    void fullCellCompletesAt20CAsInFullCellAt20CAndAt60C() {
        // FullCellAt20C of examples/sung2023/experiments.cell: 'set temperature = 20 degC', then the activation cycle
        List<StepSpec> steps = new ArrayList<>();
        steps.add(new StepSpec.SetTemperature(T20));
        steps.addAll(Sung2023Parameters.fullCellCycling(0).steps());
        RecordingSink cold = run(Sung2023Parameters.cell6Full(65e6, Constants.T_REF), new ProtocolSpec("activation-at-20C", steps));
        assertEquals(1, cold.cycles.size());
        // the thin film after one slow cycle costs little even at its 20 C conductivity (study at 25 C: 207.8 mAh/g)
        assertTrue(cold.cycles.get(0).dischargeSpecificCapacity() / 3600 > 200, cold.cycles.toString());
        RecordingSink warm = run(Sung2023Parameters.cell6Full(65e6, T60), Sung2023Parameters.fullCellCycling(10));
        assertEquals(11, warm.cycles.size());
        // (cycle 2, the first at 0.35 C, still pays the activation cycle's kinetic loss back; ExactCutoffTest)
        for (CycleSummary c : warm.cycles.subList(2, 11))
            assertTrue(c.coulombicEfficiency() > 0.99, "cycle " + c.index() + ": CE " + c.coulombicEfficiency());
        for (RecordingSink s : List.of(cold, warm))
            assertEquals(List.of(), s.events.stream().filter(e -> e.type() == SimulationEvent.Type.INFO || e.type() == SimulationEvent.Type.STEP_END
                || e.type() == SimulationEvent.Type.ACCURACY || e.type() == SimulationEvent.Type.VALIDITY)
                    .map(SimulationEvent::message)
                    .filter(m -> m.startsWith("warning")).toList());
    }

    static RecordingSink run(CellSpec cell, ProtocolSpec protocol) {
        RecordingSink s = new RecordingSink();
        RunStatus st = new Simulation().run(cell, protocol, COARSE, s, null);
        assertEquals(RunStatus.COMPLETED, st, () -> s.events.toString());
        return s;
    }
}

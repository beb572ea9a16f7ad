package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.StepResult;
import org.cellwright.solver.dfn.ExchangeCurrentLaw;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.ComponentSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialProperty;
import org.cellwright.solver.input.MaterialSpec;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.ResolvedInputs;
import org.cellwright.solver.params.Sung2023Parameters;
import org.cellwright.solver.physics.Constants;
import org.junit.jupiter.api.Test;

/**
 * The composite cathode's exchange current as a law of the state (MaterialSpec.exchangeCurrentLaw, from a .cell
 * file's expression): the fixed form 2 i0(1/2) sqrt(x (1 - x)) written as a law gives the same cycle as the quantity
 * to round-off (1e-9 relative; measured 1e-14: the Jacobian's slope is a difference quotient, so Newton takes other iterates), a different law
 * changes it, and inputs.json refuses to rerun a law it holds only as samples.
 */
class CathodeExchangeCurrentLawTest {

    /** The study's Nb-NCM811 values: i0(1/2) at 25 C (2.49 A/m2 since session 37) and its 48 kJ/mol (Sung2023Parameters.ncm811). */
    static final double I0_HALF = Sung2023Parameters.ncm811().get(MaterialProperty.EXCHANGE_CURRENT_DENSITY, 0),
            EA = Sung2023Parameters.ncm811().get(MaterialProperty.EXCHANGE_CURRENT_ACTIVATION_ENERGY, 0);

    /** 2 i0(1/2) sqrt(x (1 - x)) k(T), as the composite cathode computes it from the quantity. */
    static final ExchangeCurrentLaw FIXED_FORM = (ce, cs, cmax, t) -> 2 * I0_HALF * Constants.arrhenius(EA, t, Constants.T_REF)
            * Math.sqrt(cs / cmax * (1 - cs / cmax));

    /** Cell 7 (Li foil | LPSCl | NCM811 composite) with the cathode's NCM811 given the law (null: as the study). */
    static CellSpec cell7(ExchangeCurrentLaw law) {
        CellSpec base = Sung2023Parameters.cell7FullBaseline(5e6, Sung2023Parameters.T_ROOM);
        if (law == null) return base;
        List<LayerSpec> layers = new java.util.ArrayList<>();
        for (LayerSpec l : base.layers()) {
            if (l.component("NCM811") == null) { layers.add(l); continue; }
            LayerSpec.Builder lb = l.toBuilder().clearComponents();
            for (ComponentSpec c : l.components())
                lb.component(c.material().name().equals("NCM811") ? c.material().withExchangeCurrentLaw(law) : c.material(), c.massFraction());
            layers.add(lb.build());
        }
        return base.toBuilder().layers(layers).build();
    }

    /** A charge at C/2 to 4.3 V and a 1C discharge to 3 V: the two steps' results. */
    static List<StepResult> cycle(CellSpec cell) {
        RecordingSink s = new RecordingSink();
        new Simulation().run(cell, ProtocolSpec.of(StepSpec.cRate(0.5, Cutoff.voltageAbove(4.3), Cutoff.duration(4 * 3600)),
                StepSpec.cRate(-1, Cutoff.voltageBelow(3.0), Cutoff.duration(2 * 3600))),
                SolverSettings.builder().cathodeNodes(8).particleNodes(12).build(), s, null);
        assertEquals(RunStatus.COMPLETED, s.status, () -> s.events.toString());
        return s.cycles.get(0).steps();
    }

    @Test
    void theFixedFormWrittenAsALawGivesTheSameCycle() {
        List<StepResult> quantity = cycle(cell7(null)), law = cycle(cell7(FIXED_FORM));
        for (int i = 0; i < 2; i++) {
            StepResult q = quantity.get(i), l = law.get(i);
            assertEquals(q.end(), l.end());
            assertEquals(q.charge(), l.charge(), 1e-9 * Math.abs(q.charge()), "step " + i + " charge");
            assertEquals(q.endTime(), l.endTime(), 1e-9 * q.endTime(), "step " + i + " end time");
        }
    }

    @Test
    void anotherLawChangesTheDischarge() {
        // i0 ten times smaller: more kinetic overpotential, the 1C discharge reaches 3 V earlier
        ExchangeCurrentLaw slow = (ce, cs, cmax, t) -> 0.1 * FIXED_FORM.at(ce, cs, cmax, t);
        double q = Math.abs(cycle(cell7(null)).get(1).charge()), s = Math.abs(cycle(cell7(slow)).get(1).charge());
        assertTrue(s < 0.99 * q, "slower kinetics discharge less: " + s + " vs " + q + " C/m2");
    }

    @Test
    void inputsJsonHoldsTheLawAsSamplesAndRefusesToRerunIt() {
        CellSpec cell = cell7(FIXED_FORM);
        ResolvedInputs in = new ResolvedInputs(new ResolvedInputs.Provenance("c", null, 0, "test", "now"), cell,
                ProtocolSpec.of(StepSpec.cRate(-1, Cutoff.duration(60))), SolverSettings.defaults());
        String json = InputsJson.toJson(in).toString();
        assertTrue(json.contains("\"exchange_current_law\""), json);
        assertTrue(json.contains("\"i0_A_m2\":[0.0,"), "i0 at x = 0 is 0: " + json);
        Exception e = assertThrows(Exception.class, () -> InputsJson.parse(json, "inputs.json"));
        assertTrue(e.getMessage().contains("exchange_current_law") && e.getMessage().contains("run the .cell file"), e.getMessage());
        // without a law the file is written as before and reads back
        assertFalse(InputsJson.toJson(new ResolvedInputs(in.provenance(), cell7(null), in.protocol(), in.settings())).toString()
                .contains("exchange_current_law"));
    }
}

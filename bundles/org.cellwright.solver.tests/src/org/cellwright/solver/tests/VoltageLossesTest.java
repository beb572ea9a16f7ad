package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cellwright.solver.OverpotentialKind;
import org.cellwright.solver.dfn.ConcentratedSolutionElectrolyte;
import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnModel;
import org.cellwright.solver.numerics.dae.VariableOrderBdf;
import org.cellwright.solver.params.Chen2020;
import org.cellwright.solver.params.Marquis2019;
import org.junit.jupiter.api.Test;

/**
 * The DFN cell's voltage as OCV plus its losses (DfnModel.overpotentials, VoltageLosses): they add up to V - OCV, the
 * separator's ohmic drop at the start of a discharge is I L / kappa_eff with no concentration loss yet, and on a
 * discharge every loss lowers the voltage, on a charge raises it.
 */
class VoltageLossesTest {

    private static double sum(double[] eta) {
        double s = 0;
        for (double e : eta) s += e;
        return s;
    }

    private static double eta(double[] eta, OverpotentialKind k) { return eta[k.ordinal()]; }

    /** Graphite | LCO (Marquis 2019) at 1 C: the start, then the discharge to 3.3 V. */
    @Test
    void aPorousCellsLossesAddUpAndOpposeTheCurrent() {
        DfnCell cell = Marquis2019.cell();
        double i = Marquis2019.ONE_C;
        DfnModel m = new DfnModel(cell, new DfnMesh(10, 6, 10, 10), t -> i);
        VariableOrderBdf bdf = new VariableOrderBdf(m, 2, 1e-6);
        assertTrue(bdf.start(0, m.initialState(), 1e-3));
        double[] y = bdf.state(), eta = m.overpotentials(0, y);
        assertEquals(m.voltage(0, y) - m.openCircuitVoltage(y), sum(eta), 1e-12, "V - OCV at the start");
        // uniform c_e at the start: the separator's electrolyte carries I through L / kappa_eff, and no diffusion potential
        double c0 = cell.initialElectrolyteConcentration();
        double kappa = new ConcentratedSolutionElectrolyte(cell.electrolyte()).conductivity(c0, m.temperature(), cell.separator().electrolyteEfficiency());
        assertEquals(-i * cell.separator().thickness() / kappa, eta(eta, OverpotentialKind.SEPARATOR_OHMIC), 1e-6 * i * cell.separator().thickness() / kappa);
        assertEquals(0, eta(eta, OverpotentialKind.ELECTROLYTE_CONCENTRATION), 1e-12);
        assertEquals(0, eta(eta, OverpotentialKind.NUCLEATION) + eta(eta, OverpotentialKind.INTERPHASE) + eta(eta, OverpotentialKind.LITHIUM_KINETIC), 0,
                "kinds the cell has not");
        int steps = 0;
        while (m.voltage(bdf.time(), y) > 3.3) {
            assertTrue(bdf.step(4000, 1e-9));
            y = bdf.state();
            eta = m.overpotentials(bdf.time(), y);
            assertEquals(m.voltage(bdf.time(), y) - m.openCircuitVoltage(y), sum(eta), 1e-11, "t = " + bdf.time());
            for (OverpotentialKind k : new OverpotentialKind[] { OverpotentialKind.SEPARATOR_OHMIC, OverpotentialKind.CATHODE_OHMIC,
                    OverpotentialKind.ANODE_OHMIC, OverpotentialKind.CATHODE_KINETIC, OverpotentialKind.ANODE_KINETIC,
                    OverpotentialKind.CATHODE_DIFFUSION, OverpotentialKind.ANODE_DIFFUSION, OverpotentialKind.ELECTROLYTE_CONCENTRATION })
                assertTrue(eta(eta, k) <= 1e-9, k + " lowers a discharge's voltage at t = " + bdf.time() + ": " + eta(eta, k));
            steps++;
        }
        assertTrue(eta(eta, OverpotentialKind.ELECTROLYTE_CONCENTRATION) < -1e-3, "a salt gradient by the end: " + eta(eta, OverpotentialKind.ELECTROLYTE_CONCENTRATION));
        assertTrue(steps > 10);
    }

    /** Li foil | NMC811 (Chen 2020's half cell, its electrolyte), charged at C/2: the foil's kinetics and ohmic drop, all raising the voltage. */
    @Test
    void aFoilCellOnChargeTooAndItsFoilsKinetics() {
        DfnCell cell = Chen2020.lithiumMetalHalfCell(0.2594);
        double i = -0.5 * Chen2020.ONE_C;
        DfnModel m = new DfnModel(cell, new DfnMesh(1, 6, 10, 10), t -> i);
        VariableOrderBdf bdf = new VariableOrderBdf(m, 2, 1e-6);
        assertTrue(bdf.start(0, m.initialState(), 1e-3));
        while (bdf.time() < 600) assertTrue(bdf.step(600, 1e-9));
        double[] y = bdf.state(), eta = m.overpotentials(bdf.time(), y);
        assertEquals(m.voltage(bdf.time(), y) - m.openCircuitVoltage(y), sum(eta), 1e-11);
        double foilEta = cell.lithiumMetal().overpotential(i, y[0], m.temperature());
        assertTrue(eta(eta, OverpotentialKind.LITHIUM_KINETIC) > 0, "plating on the foil raises a charge's voltage");
        assertEquals(-foilEta, eta(eta, OverpotentialKind.LITHIUM_KINETIC), 0.05 * Math.abs(foilEta),
                "the foil's Butler-Volmer overpotential (at the first cell's salt concentration: within the surface's difference)");
        assertEquals(-cell.lithiumMetal().ohmicDrop(i), eta(eta, OverpotentialKind.ANODE_OHMIC), 1e-15);
        for (OverpotentialKind k : new OverpotentialKind[] { OverpotentialKind.SEPARATOR_OHMIC, OverpotentialKind.CATHODE_OHMIC,
                OverpotentialKind.CATHODE_KINETIC, OverpotentialKind.CATHODE_DIFFUSION, OverpotentialKind.ELECTROLYTE_CONCENTRATION })
            assertTrue(eta(eta, k) >= -1e-9, k + " raises a charge's voltage: " + eta(eta, k));
        assertEquals(0, eta(eta, OverpotentialKind.ANODE_KINETIC) + eta(eta, OverpotentialKind.ANODE_DIFFUSION), 0, "no porous negative");
    }
}

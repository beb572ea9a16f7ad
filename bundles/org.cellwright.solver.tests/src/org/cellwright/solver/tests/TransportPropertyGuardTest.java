package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnModel;
import org.cellwright.solver.dfn.LiquidElectrolyte;
import org.cellwright.solver.dfn.TransportPropertyGuard;
import org.cellwright.solver.params.Marquis2019;
import org.junit.jupiter.api.Test;

/**
 * A transport property that a state function makes non-positive at a solved state is named with its value and state
 * (issue 14, audit item 6): the salt diffusivity 8.794e-11 c^2 - 3.972e-10 c [m2/s, c in mol/m3] is negative for
 * 0 < c < 4.517 mol/m3.
 */
class TransportPropertyGuardTest {

    private static DfnModel model(LiquidElectrolyte e) {
        DfnCell m = Marquis2019.cell();
        DfnCell cell = new DfnCell(m.negativeElectrode(), m.separator(), m.positive(), e, m.initialElectrolyteConcentration(), m.temperature());
        return new DfnModel(cell, new DfnMesh(5, 3, 5, 8), CurrentProfile.constant(Marquis2019.ONE_C));
    }

    @Test
    void aDiffusivityNegativeAtTheSolvedElectrolyteConcentrationIsNamedWithItsValueAndC() {
        LiquidElectrolyte base = Marquis2019.electrolyte();
        LiquidElectrolyte e = new LiquidElectrolyte("NegFn", base.conductivity(), (c, t) -> 8.794e-11 * c * c - 3.972e-10 * c,
                base.transferenceNumber(), base.thermodynamicFactor());
        DfnModel model = model(e);
        double[] y = model.initialState();
        assertNull(TransportPropertyGuard.violation(model, y), "at c = 1000 mol/m3 it is positive");
        int g = model.mesh().cells() - 1; // the last cell of the positive electrode
        y[model.start(g)] = 2.0; // c_e [mol/m3], offset CE = 0 of the cell's block
        String why = TransportPropertyGuard.violation(model, y);
        assertNotNull(why);
        assertTrue(why.startsWith("the electrolyte NegFn's diffusivity is -4.426e-10 m2/s at c = 2 mol/m3"), why);
        assertTrue(why.contains("in the positive electrode"), why);
        // the conductivity is checked first, at the same state
        LiquidElectrolyte k = new LiquidElectrolyte("NegK", (c, t) -> c - 5, base.diffusivity(), base.transferenceNumber(), base.thermodynamicFactor());
        assertTrue(TransportPropertyGuard.violation(model(k), y).startsWith("the electrolyte NegK's ionic-conductivity is -3 S/m at c = 2 mol/m3"),
                TransportPropertyGuard.violation(model(k), y));
    }

    @Test
    void theReferenceSetIsPositiveAtItsInitialState() {
        DfnModel model = model(Marquis2019.electrolyte());
        assertNull(TransportPropertyGuard.violation(model, model.initialState()));
    }
}

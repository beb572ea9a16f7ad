package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import org.cellwright.solver.input.OcvTable;
import org.cellwright.solver.params.Chen2020Nmc811;
import org.junit.jupiter.api.Test;

class OcvTableTest {

    /** Straightforward linear interpolation, for comparison with the bucketed lookup. */
    static double reference(double[] x, double[] v, double s) {
        if (s <= x[0]) return v[0];
        if (s >= x[x.length - 1]) return v[v.length - 1];
        for (int i = 0; i < x.length - 1; i++)
            if (s >= x[i] && s <= x[i + 1]) return v[i] + (s - x[i]) / (x[i + 1] - x[i]) * (v[i + 1] - v[i]);
        throw new IllegalStateException();
    }

    @Test
    void lookupEqualsPlainInterpolationOnIrregularTable() {
        Random r = new Random(7);
        double[] x = new double[57], v = new double[57];
        double acc = 0.1;
        for (int i = 0; i < x.length; i++) {
            acc += 0.001 + r.nextDouble() * (i % 9 == 0 ? 0.1 : 0.005);
            x[i] = acc;
            v[i] = 4 - acc + 0.1 * r.nextGaussian();
        }
        OcvTable t = new OcvTable(x, v);
        for (int k = 0; k < 20000; k++) {
            double s = -0.1 + r.nextDouble() * (acc + 0.3);
            assertEquals(reference(x, v, s), t.applyAsDouble(s), 1e-12, "at " + s);
        }
        for (int i = 0; i < x.length; i++) assertEquals(v[i], t.applyAsDouble(x[i]), 1e-12);
    }

    @Test
    void chenTableAgreesWithChenFitAndIsMonotone() {
        var table = Chen2020Nmc811.table();
        assertTrue(table instanceof OcvTable, "the measured table ships with the solver");
        double prev = Double.POSITIVE_INFINITY;
        for (double s = 0.27; s <= 0.90; s += 0.01) {
            double u = table.applyAsDouble(s);
            assertTrue(u <= prev + 1e-9, "decreasing at " + s);
            prev = u;
            assertEquals(Chen2020Nmc811.ocpFit(s), u, 0.03, "fit vs table at " + s);
        }
        OcvTable t = (OcvTable) table;
        assertEquals(0.9084, t.inverse(table.applyAsDouble(0.9084)), 0.01);
    }
}

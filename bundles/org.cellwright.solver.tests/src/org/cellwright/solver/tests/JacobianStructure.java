package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cellwright.solver.dfn.DfnModel;
import org.cellwright.solver.numerics.dae.BorderedIterationMatrix;

/** Dense finite differences of a DFN model, one column at a time, against its coloured bordered Jacobian. */
final class JacobianStructure {
    private JacobianStructure() {}

    static void assertBordered(DfnModel model) {
        int n = model.size();
        double[] y = model.initialState();
        for (int i = 0; i < n; i++) y[i] *= 1 + 1e-3 * Math.sin(i); // away from the uniform state
        double[] f0 = new double[n], f1 = new double[n];
        model.rhs(0, y, f0);
        BorderedIterationMatrix bordered = new BorderedIterationMatrix(model);
        bordered.update(model, 0, y);
        int checked = 0;
        for (int j = 0; j < n; j++) {
            double[] yp = y.clone();
            double h = 1e-7 * Math.max(Math.abs(y[j]), 1e-3);
            yp[j] += h;
            model.rhs(0, yp, f1);
            for (int i = 0; i < n; i++) {
                double d = (f1[i] - f0[i]) / h;
                double stored = bordered.get(i, j);
                if (d != 0) checked++;
                assertEquals(d, stored, 1e-4 * Math.max(1, Math.abs(d)), "df" + i + "/dy" + j + (stored == 0 ? " outside the declared structure" : ""));
            }
        }
        assertTrue(checked > 3 * n, "a Jacobian with entries: " + checked);
    }
}

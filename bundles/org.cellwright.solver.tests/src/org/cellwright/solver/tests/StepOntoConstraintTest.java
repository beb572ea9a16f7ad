package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.cellwright.solver.numerics.dae.BorderedDaeSystem;
import org.cellwright.solver.numerics.dae.StepOntoConstraint;
import org.junit.jupiter.api.Test;

/** An implicit Euler step whose length is solved so that the end state meets a constraint. */
public class StepOntoConstraintTest {

    /** y' = -1, 0 = z - ln y: z falls without bound as y -> 0 at t = y(0) (a log singularity, like a saturating electrode). */
    public static final class Singular implements BorderedDaeSystem {
        @Override public int size() { return 2; }
        @Override public void mass(double[] m) { m[0] = 1; m[1] = 0; }
        @Override public void rhs(double t, double[] y, double[] f) { f[0] = -1; f[1] = y[1] - Math.log(y[0]); }
        @Override public int lowerBandwidth() { return 1; }
        @Override public int upperBandwidth() { return 1; }
        @Override public double absoluteTolerance(int i) { return 1e-9; }
        @Override public int coreSize() { return 2; }
        @Override public int blocks() { return 0; }
        @Override public int blockStart(int b) { throw new IndexOutOfBoundsException(); }
        @Override public int blockSize(int b) { throw new IndexOutOfBoundsException(); }
        @Override public int anchor(int b) { throw new IndexOutOfBoundsException(); }
    }

    @Test
    void landsWhereTheAlgebraicUnknownMeetsItsTarget() {
        // from y = 1e-3 (z = ln 1e-3 = -6.9) onto z = -20: y = e^-20, so h = 1e-3 - e^-20 exactly (implicit Euler is exact here)
        double y0 = 1e-3;
        StepOntoConstraint.Landing l = StepOntoConstraint.solve(new Singular(), 7, new double[] {y0, Math.log(y0)}, 1, -20, 1e-9, 1,
                new double[] {1e-12, 1e-9});
        assertNotNull(l);
        assertEquals(y0 - Math.exp(-20), l.step(), 1e-15);
        assertEquals(Math.exp(-20), l.state()[0], 1e-15);
        assertEquals(-20, l.state()[1], 1e-9);
        // no landing beyond the longest step allowed
        assertNull(StepOntoConstraint.solve(new Singular(), 7, new double[] {y0, Math.log(y0)}, 1, -20, 1e-9, 1e-4, new double[] {1e-12, 1e-9}));
    }
}

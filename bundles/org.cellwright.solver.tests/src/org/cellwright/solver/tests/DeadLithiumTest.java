package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.physics.DeadLithium;
import org.junit.jupiter.api.Test;

/**
 * Dead lithium (Fang et al., Nature 2019): of all the Li that leaves a deposit on stripping, s stripped plus d
 * isolated, the share f is isolated, d / (s + d) = f. Mutation audit, session 18: d = s f (the share of the stripped Li
 * instead of the deposit's loss) passed every test; at the study's f = 0.02 to 0.05 the two differ by 2 to 5 % of the
 * dead Li, below what the runs' checks resolve.
 */
class DeadLithiumTest {
    @Test
    void theDeadShareIsOfAllTheLithiumTheDepositLoses() {
        double s = 3.7e-3; // mol/m2 stripped
        for (double f : new double[] {0.0039, 0.02, 0.05, 0.3, 0.5}) {
            double d = DeadLithium.left(s, f);
            assertEquals(f, d / (s + d), 1e-14, "f = " + f);
        }
        assertEquals(0, DeadLithium.left(s, 0), 0);
        assertEquals(s, DeadLithium.left(s, 0.5), 1e-15, "half of what leaves is dead: as much as is stripped");
    }
}

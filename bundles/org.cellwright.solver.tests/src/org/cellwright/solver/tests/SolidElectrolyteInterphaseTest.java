package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.physics.SolidElectrolyteInterphase;
import org.junit.jupiter.api.Test;

/**
 * Lithium balance of the Li/SE interphase (Wenzel et al. 2018's parabolic growth on the true contact): the Li it has
 * consumed is what the film holds, c_Li A L, while the contact grows (fresh contact starts at L0 and consumes it at
 * once), and Li bound in film on contact that is lost stays consumed. Mutation audit, session 18: counting only the
 * growth on the new area, c_Li A (L1 - L), was caught by the study's first-cycle efficiency alone.
 */
class SolidElectrolyteInterphaseTest {
    static final double K = 1e-19, KAPPA = 1e-6, C_LI = 5e4; // m2/s, S/m, mol/m3

    @Test
    void theLithiumConsumedIsTheFilmsVolumeTimesItsLithiumContentWhileTheContactGrows() {
        SolidElectrolyteInterphase sei = new SolidElectrolyteInterphase(K, KAPPA, C_LI);
        double[] areas = {0.1, 0.1, 0.4, 0.4, 0.9, 1.0};
        double sum = 0;
        for (double a : areas) {
            sum += sei.trial(600, a);
            sei.commit();
            double film = C_LI * sei.area() * sei.thickness();
            assertEquals(film, sei.lithium(), 1e-12 * film, "contact " + a);
            assertEquals(sei.lithium(), sum, 1e-12 * film, "the steps' consumption adds up");
        }
        assertTrue(sei.thickness() > 5 * SolidElectrolyteInterphase.INITIAL_THICKNESS, "the film must have grown");
        // the first contact's film alone: c_Li A sqrt(L0^2 + 2 k t) (parabolic law, exact for a fixed contact)
        SolidElectrolyteInterphase one = new SolidElectrolyteInterphase(K, KAPPA, C_LI);
        one.trial(3600, 0.5);
        one.commit();
        double l0 = SolidElectrolyteInterphase.INITIAL_THICKNESS;
        assertEquals(C_LI * 0.5 * Math.sqrt(l0 * l0 + 2 * K * 3600), one.lithium(), 1e-12 * one.lithium());
        // contact lost: its film's Li stays bound (nothing given back), the film left goes on growing
        double before = sei.lithium(), l = sei.thickness();
        sei.trial(600, 0.3);
        sei.commit();
        assertEquals(before + C_LI * 0.3 * (sei.thickness() - l), sei.lithium(), 1e-12 * before);
    }
}

package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.dfn.ButlerVolmerKinetics;
import org.cellwright.solver.dfn.ExchangeCurrentDensity;
import org.cellwright.solver.physics.ButlerVolmer;
import org.cellwright.solver.physics.Constants;
import org.junit.jupiter.api.Test;

/**
 * Butler-Volmer kinetics with unequal transfer coefficients (Bard and Faulkner, Electrochemical Methods, 2001, eq.
 * 3.4.11): the Tafel limits, eta = RT/(alpha_a F) ln(i/i0) far anodic and eta = -RT/(alpha_c F) ln(-i/i0) far cathodic
 * (eq. 3.4.15), fix which coefficient belongs to which branch. The study's materials are symmetric (alpha = 1/2), where
 * a swap of the two is invisible; a user's `transfer-coefficient` (the input allows (0, 1)) is not (mutation audit,
 * session 18: swapped coefficients in {@code ButlerVolmer} passed every test).
 */
class ButlerVolmerTest {
    static final double T = 298.15, I0 = 10, AA = 0.3, AC = 0.7;
    static final double RTF = Constants.R * T / Constants.F;

    @Test
    void farFromEquilibriumEachBranchHasItsOwnTafelSlope() {
        double i = 1e4 * I0; // ln(1e4) = 9.2: the other branch is e^-9.2 of this one
        assertEquals(RTF / AA * Math.log(i / I0), ButlerVolmer.overpotential(I0, AA, AC, i, T), 1e-4 * RTF / AA * Math.log(1e4));
        assertEquals(-RTF / AC * Math.log(i / I0), ButlerVolmer.overpotential(I0, AA, AC, -i, T), 1e-4 * RTF / AC * Math.log(1e4));
        double eta = 0.4; // anodic: alpha_a F eta / RT = 4.7, cathodic e^-(alpha_c F eta/RT) = e^-10.9
        assertEquals(Math.log(I0) + AA * eta / RTF, Math.log(ButlerVolmer.current(I0, AA, AC, eta, T)), 1e-4);
        assertEquals(Math.log(I0) + AC * eta / RTF, Math.log(-ButlerVolmer.current(I0, AA, AC, -eta, T)), 1e-4);
    }

    @Test
    void theOverpotentialInvertsTheCurrentAndNearEquilibriumIsTheChargeTransferResistance() {
        for (double eta : new double[] {-0.3, -0.05, -1e-3, 1e-3, 0.05, 0.3})
            assertEquals(eta, ButlerVolmer.overpotential(I0, AA, AC, ButlerVolmer.current(I0, AA, AC, eta, T), T), 1e-10);
        // linear limit: i = i0 (alpha_a + alpha_c) F eta / RT (Bard and Faulkner eq. 3.4.12), whatever the split
        double eta = 1e-6;
        assertEquals(I0 * (AA + AC) * eta / RTF, ButlerVolmer.current(I0, AA, AC, eta, T), 1e-4 * I0 * eta / RTF);
    }

    @Test
    void theDfnKineticsTakeTheAnodicCoefficientForOxidation() {
        ButlerVolmerKinetics k = new ButlerVolmerKinetics(ExchangeCurrentDensity.symmetric(1, 0, T), AA, AC);
        double eta = 0.4;
        assertEquals(Math.log(I0) + AA * eta / RTF, Math.log(k.current(I0, eta, T)), 1e-4);
        assertEquals(Math.log(I0) + AC * eta / RTF, Math.log(-k.current(I0, -eta, T)), 1e-4);
        assertEquals(AA / RTF, k.slope(I0, eta, T) / k.current(I0, eta, T), 1e-4 * AA / RTF);
        // the general branch meets the symmetric one's closed form at alpha = 1/2
        ButlerVolmerKinetics sym = new ButlerVolmerKinetics(ExchangeCurrentDensity.symmetric(1, 0, T), 0.5, 0.5);
        ButlerVolmerKinetics near = new ButlerVolmerKinetics(ExchangeCurrentDensity.symmetric(1, 0, T), 0.5 + 1e-12, 0.5 - 1e-12);
        for (double e : new double[] {-0.2, -0.01, 0.01, 0.2}) {
            assertEquals(sym.current(I0, e, T), near.current(I0, e, T), 1e-9 * Math.abs(sym.current(I0, e, T)));
            assertEquals(sym.slope(I0, e, T), near.slope(I0, e, T), 1e-9 * sym.slope(I0, e, T));
        }
    }
}

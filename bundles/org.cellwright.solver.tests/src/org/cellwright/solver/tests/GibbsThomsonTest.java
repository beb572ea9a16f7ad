package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.physics.Constants;
import org.cellwright.solver.physics.GibbsThomson;
import org.junit.jupiter.api.Test;

/**
 * The Gibbs-Thomson shift of Li in a pore of radius r (used by the MIEC interlayer's pore sites): the surface energy
 * a mole of Li adds to a sphere, gamma dA/dn with n = V / V_m, per Faraday, 2 gamma V_m / (r F) (the Young-Laplace
 * pressure 2 gamma / r times V_m; Porter and Easterling, Phase Transformations in Metals and Alloys, 3rd ed., 2009,
 * sec. 1.6). Mutation audit, session 18: the shift without its factor 2 passed every test (it is 0.7 mV in the study's
 * pores, below what the runs' checks resolve).
 */
class GibbsThomsonTest {
    @Test
    void theShiftIsTheSurfaceEnergyALiSphereGainsPerMoleOfLithium() {
        double gamma = 0.0673, vm = 1.3e-5; // the study's Li/SE interfacial energy [J/m2], Li's molar volume [m3/mol]
        for (double r : new double[] {5e-9, 25e-9, 1e-6}) {
            double dr = 1e-6 * r, ra = r - dr, rb = r + dr;
            double dArea = 4 * Math.PI * (rb * rb - ra * ra), dMoles = 4 * Math.PI / 3 * (rb * rb * rb - ra * ra * ra) / vm;
            double perMole = gamma * dArea / dMoles; // J/mol
            assertEquals(perMole / Constants.F, GibbsThomson.shift(gamma, vm, r), 1e-8 * perMole / Constants.F, "r = " + r);
        }
        // 25 nm: 2 x 0.0673 x 1.3e-5 / (2.5e-8 x 96485) = 0.725 mV
        assertEquals(7.254e-4, GibbsThomson.shift(gamma, vm, 25e-9), 1e-7);
    }
}

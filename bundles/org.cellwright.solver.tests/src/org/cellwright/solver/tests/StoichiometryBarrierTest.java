package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;

import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnSimulation;
import org.cellwright.solver.dfn.DfnSolution;
import org.cellwright.solver.dfn.ParticlePopulation;
import org.cellwright.solver.dfn.StoichiometryBarrier;
import org.cellwright.solver.params.Chen2020;
import org.junit.jupiter.api.Test;

/**
 * The ends of the stoichiometry range (StoichiometryBarrier, as PyBaMM 26.8's U_asymptotes): a cathode whose particles
 * saturate reaches its cut-off through the model, landed on by steps (CutoffLanding).
 */
class StoichiometryBarrierTest {

    /** PyBaMM's U_asymptote_approaching_zero, written out: a ln(1 + exp(-b (x - c))). */
    private static double pybamm(double x) {
        return 205.0568621937484 * Math.log(1 + Math.exp(-6910.192179565431 * (x + 7.7e-4)));
    }

    /** PyBaMM's barrier written out as its formula, every exp and log taken (StoichiometryBarrier's javadoc). */
    private static double barrierFormula(double x) {
        if (x > 0.02 && x < 0.98) return 0;
        DoubleUnaryOperator a = v -> {
            double z = -6910.192179565431 * (v + 7.7e-4);
            return 205.0568621937484 * (z > Math.log(2.0 / Math.ulp(1.0)) ? z : Math.log(1 + Math.exp(z)));
        };
        return a.applyAsDouble(x) - a.applyAsDouble(1 - x);
    }

    @Test
    void theStoichiometryBarrierSkipsOnlyExponentialsThatRoundAwayBitForBit() {
        // StoichiometryBarrier.NEGLIGIBLE_EXP: where 1 + e^z is 1 in double precision A is 0 without its exp and log (session
        // 28); every value equals the formula's to the bit, on both sides of the thresholds (x near 0.005 and 0.995)
        int nearlyZero = 0;
        for (int i = -1000; i <= 101000; i++) {
            double x = i * 1e-5;
            double formula = barrierFormula(x), barrier = StoichiometryBarrier.potential(x);
            assertEquals(Double.doubleToRawLongBits(formula), Double.doubleToRawLongBits(barrier), "barrier at " + x + ": " + barrier + " against " + formula);
            if (formula != 0 && Math.abs(formula) < 1e-9) nearlyZero++;
        }
        assertTrue(nearlyZero > 100, "the sweep passes where A's exp rounds to a small nonzero value: " + nearlyZero);
    }

    @Test
    void theBarrierIsPyBammsOneMillivoltAtAThousandthAndOneVoltAtTheEnds() {
        // PyBaMM's design: 1 mV at x = 0.001, 1000 mV at x = 0 (its docstring), mirrored towards x = 1
        assertEquals(1e-3, StoichiometryBarrier.potential(0.001), 2e-5);
        assertEquals(1.0, StoichiometryBarrier.potential(0), 2e-3);
        assertEquals(-1e-3, StoichiometryBarrier.potential(0.999), 2e-5);
        assertEquals(-1.0, StoichiometryBarrier.potential(1), 2e-3);
        for (double x : new double[] {0, 1e-4, 0.005, 0.0199, 0.98001, 0.9995, 1, 1.001}) {
            assertEquals(pybamm(x) - pybamm(1 - x), StoichiometryBarrier.potential(x), 1e-12, "x = " + x);
            assertEquals(-StoichiometryBarrier.potential(x), StoichiometryBarrier.potential(1 - x), 1e-12, "odd about 1/2");
        }
        // inside the range it is nothing (below 1e-50 V from 0.02 to 0.98)
        assertEquals(0, StoichiometryBarrier.potential(0.5), 0);
        assertTrue(Math.abs(pybamm(0.02)) < 1e-50);
        // beyond the range (a Newton iterate) it goes on falling, linearly where exp would overflow: finite and monotone
        double before = StoichiometryBarrier.potential(1);
        for (double x = 1.001; x < 1.2; x += 0.001) {
            double u = StoichiometryBarrier.potential(x);
            assertTrue(Double.isFinite(u) && u < before, "x = " + x + ": " + u);
            before = u;
        }
        double limit = 7.7e-4 + Math.log(2 / Math.ulp(1.0)) / 6910.192179565431 + 1; // x where the linear continuation starts
        // continuous there: across 2e-9 it changes by its slope a b times 2e-9
        assertEquals(205.0568621937484 * 6910.192179565431 * 2e-9,
                StoichiometryBarrier.potential(limit - 1e-9) - StoichiometryBarrier.potential(limit + 1e-9), 1e-7, "continuous there");
    }

    @Test
    void aSurfaceOcpIsTheMaterialsOnItsRangeWithTheBarrierAtItsEnds() {
        ParticlePopulation nmc = Chen2020.nmc811().population();
        // the material's OCP as the population carries it (Chen 2020's fit through its table, within 1e-10 V of it)
        for (double x : new double[] {0.1, 0.27, 0.5, 0.9, 0.979}) {
            assertEquals(nmc.ocp().at(x, 298.15), nmc.surfaceOcp(x, 298.15, -1), 0, "unchanged at x = " + x);
            assertEquals(Chen2020.nmcOcp(x), nmc.surfaceOcp(x, 298.15, -1), 1e-10, "the fit at x = " + x);
        }
        // at x = 0.9999 PyBaMM's OCP of NMC811 is U(x) plus its barrier: about -60 mV
        assertEquals(nmc.ocp().at(0.9999, 298.15) + pybamm(0.9999) - pybamm(1e-4), nmc.surfaceOcp(0.9999, 298.15, -1), 1e-12);
        assertTrue(nmc.surfaceOcp(0.9999, 298.15, -1) < Chen2020.nmcOcp(0.9999) - 0.05);
        // beyond x = 1 the fitted OCP is taken at its end (1 - 1e-10) and the barrier goes on
        assertEquals(nmc.ocp().at(1 - 1e-10, 298.15) + StoichiometryBarrier.potential(1.01), nmc.surfaceOcp(1.01, 298.15, -1), 1e-12);
    }

    @Test
    void aSaturatingHalfCellFallsToItsCutoffThroughTheModel() {
        // Chen 2020's NMC811 against Li at 1 C: the particles fill, the barrier and the vanishing exchange current take
        // the voltage down to 2.5 V, a cut-off located in a step of the DAE (not a step-size underflow)
        for (double tPlus : new double[] {1.0, 0.2594}) {
            double[] out = new double[601];
            for (int i = 0; i < out.length; i++) out[i] = 10.0 * i;
            DfnSolution s = new DfnSimulation(1e-4).run(Chen2020.lithiumMetalHalfCell(tPlus), DfnMesh.benchmark(),
                    CurrentProfile.constant(Chen2020.ONE_C), out, Chen2020.CUTOFF);
            assertEquals("voltage cut-off", s.endReason());
            assertEquals(2.5, s.last().voltage(), 1e-3);
            // PyBaMM 26.8 on this mesh: 4135.67 / 4135.65 s (bench/pybamm/chen2020_half[liquid]_1C_pybamm_rtol1e-8.csv);
            // within 0.03 % (the particle's surface value: PyBaMM extrapolates it from the two outer shells, CellWright
            // from the outer shell and the surface flux; both tend to 4135.3 s with 120 shells, docs/dfn.md)
            assertEquals(tPlus == 1 ? 4135.667623 : 4135.650670, s.last().time(), 3e-4 * 4135.7, "t+ = " + tPlus);
            double[] xs = s.last().positiveSurfaceConcentration();
            for (double c : xs) assertTrue(c / 63104 > 0.9999 && c / 63104 < 1, "surface stoichiometry " + c / 63104 + " below 1");
        }
    }
}

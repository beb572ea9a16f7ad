package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.cellwright.solver.dfn.ButlerVolmerKinetics;
import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnModel;
import org.cellwright.solver.dfn.EntropicOpenCircuitPotential;
import org.cellwright.solver.dfn.ExchangeCurrentDensity;
import org.cellwright.solver.dfn.ExchangeCurrentLaw;
import org.cellwright.solver.dfn.FickianParticle;
import org.cellwright.solver.dfn.IntercalationElectrode;
import org.cellwright.solver.dfn.OpenCircuitPotential;
import org.cellwright.solver.dfn.ParticlePopulation;
import org.cellwright.solver.dfn.StoichiometryBarrier;
import org.cellwright.solver.dfn.ZerothOrderHysteresis;
import org.cellwright.solver.numerics.dae.VariableOrderBdf;
import org.cellwright.solver.params.Chen2020;
import org.cellwright.solver.params.Marquis2019;
import org.junit.jupiter.api.Test;

/**
 * The derivatives behind the DFN's analytical Butler-Volmer rows (DfnModel.anchorRows): each material derivative against
 * a central difference of its own function, and the assembled rows against finite differences of the residual.
 */
class AnalyticJacobianTest {

    /** (u(x + h) - u(x - h)) / 2h. */
    private static double central(DoubleUnaryOperator u, double x, double h) {
        return (u.applyAsDouble(x + h) - u.applyAsDouble(x - h)) / (2 * h);
    }

    @Test
    void chen2020sOcpSlopesAreTheDerivativesOfItsFits() {
        for (double x = 0.005; x < 1; x += 0.0137) {
            assertEquals(central(Chen2020::graphiteOcp, x, 1e-6), Chen2020.graphiteOcpSlope(x), 1e-6 * Math.max(1, Math.abs(Chen2020.graphiteOcpSlope(x))), "graphite at " + x);
            assertEquals(central(Chen2020::nmcOcp, x, 1e-6), Chen2020.nmcOcpSlope(x), 1e-6 * Math.max(1, Math.abs(Chen2020.nmcOcpSlope(x))), "NMC811 at " + x);
        }
        // the cell's populations carry them through their tables (not the default difference): the table's derivative
        OpenCircuitPotential u = Chen2020.cell().negative().ocp();
        assertEquals(((OpenCircuitPotential.Tabulated) u).table().slope(0.3), u.slope(0.3, 298.15, 1), 0);
        // the default slope of a function without one: a central difference, one-sided at the range's ends
        OpenCircuitPotential lambda = (x, t) -> Chen2020.nmcOcp(x);
        assertEquals(Chen2020.nmcOcpSlope(0.4), lambda.slope(0.4, 298.15, 0), 1e-6 * Math.abs(Chen2020.nmcOcpSlope(0.4)));
        OpenCircuitPotential log = (x, t) -> Math.log(x / (1 - x)); // undefined beyond [0, 1]
        assertTrue(Double.isFinite(log.slope(1e-10, 298.15, 0)) && Double.isFinite(log.slope(1 - 1e-10, 298.15, 0)), "no step beyond [0, 1]");
        assertEquals(1 / (0.5 * 0.5), log.slope(0.5, 298.15, 0), 1e-6);
    }

    @Test
    void chen2020sTabulatedOcpsAreTheirFitsWithinTheTablesBound() {
        // OpenCircuitPotential.tabulated (session 28): the cells' OCPs are their fits within 1e-10 V on [0, 1] and their
        // slopes within 1e-6 V; beyond [0, 1] the fits themselves
        OpenCircuitPotential graphite = Chen2020.cell().negative().ocp(), nmc = Chen2020.lithiumMetalHalfCell(1).positive().ocp();
        double worstG = 0, worstN = 0;
        for (int i = 0; i <= 1_000_000; i++) {
            double x = i * 1e-6;
            worstG = Math.max(worstG, Math.abs(graphite.at(x, 298.15) - Chen2020.graphiteOcp(x)));
            worstN = Math.max(worstN, Math.abs(nmc.at(x, 298.15) - Chen2020.nmcOcp(x)));
            if (i % 7 == 0) {
                assertEquals(Chen2020.graphiteOcpSlope(x), graphite.slope(x, 298.15, 1), 1e-6, "graphite's slope at " + x);
                assertEquals(Chen2020.nmcOcpSlope(x), nmc.slope(x, 298.15, -1), 1e-6, "NMC811's slope at " + x);
            }
        }
        assertTrue(worstG <= 1e-10 && worstN <= 1e-10, "graphite " + worstG + " V, NMC811 " + worstN + " V");
        assertTrue(worstG > 0, "a table, not the fit");
        for (double x : new double[] {-0.01, 1.01}) {
            assertEquals(Chen2020.graphiteOcp(x), graphite.at(x, 298.15), 0, "beyond [0, 1] the fit at " + x);
            assertEquals(Chen2020.nmcOcpSlope(x), nmc.slope(x, 298.15, -1), 0, "and its slope at " + x);
        }
    }

    @Test
    void anOcpFunctionIsTabulatedOnlyWhereTheTableHoldsIt() {
        // OpenCircuitPotential.ofFunction (a .cell file's ocv function, session 28): Chen's two fits as functions alone
        // (the nodes' slopes by differences) are tabulated within 1e-9 V everywhere in [0, 1], not only at the checked
        // points, their slopes within 1e-6 (1 + |dU/dx|) of the analytic derivative
        DoubleUnaryOperator nmc = Chen2020::nmcOcp, graphite = Chen2020::graphiteOcp;
        for (var fit : List.of(List.of(nmc, (DoubleUnaryOperator) Chen2020::nmcOcpSlope), List.of(graphite, (DoubleUnaryOperator) Chen2020::graphiteOcpSlope))) {
            DoubleUnaryOperator f = fit.get(0), df = fit.get(1);
            OpenCircuitPotential u = OpenCircuitPotential.ofFunction(f);
            assertInstanceOf(OpenCircuitPotential.Tabulated.class, u);
            double worst = 0;
            for (int i = 0; i <= 1_000_000; i++) {
                double x = i * 1e-6;
                worst = Math.max(worst, Math.abs(u.at(x, 298.15) - f.applyAsDouble(x)));
                if (i % 7 == 0) assertEquals(df.applyAsDouble(x), u.slope(x, 298.15, 1), 1e-6 * (1 + Math.abs(df.applyAsDouble(x))), "slope at " + x);
            }
            assertTrue(worst <= 1e-9 && worst > 0, "largest error " + worst + " V");
            assertEquals(f.applyAsDouble(1.01), u.at(1.01, 298.15), 0, "beyond [0, 1] the function");
        }
        // a coarse table fails the bound: checked, not assumed
        assertNull(OpenCircuitPotential.tabulatedWithinBound(nmc, 64));
        assertNotNull(OpenCircuitPotential.tabulatedWithinBound(nmc, 4096));
        // a kink between nodes (x = 0.3) and a logarithm infinite at x = 0 keep their functions, value and slope exactly
        DoubleUnaryOperator kink = x -> 4 - 0.5 * x + 0.2 * Math.abs(x - 0.3), log = x -> 3.9 - 0.05 * Math.log(x);
        for (var f : List.of(kink, log)) {
            OpenCircuitPotential u = OpenCircuitPotential.ofFunction(f);
            assertFalse(u instanceof OpenCircuitPotential.Tabulated, "kept as a function");
            for (double x : new double[] {0.1, 0.3, 0.3001, 0.7})
                assertEquals(f.applyAsDouble(x), u.at(x, 298.15), 0, "the function at " + x);
            assertEquals(OpenCircuitPotential.centralDifference(f, 0.7), u.slope(0.7, 298.15, 1), 0, "its central difference");
        }
    }

    @Test
    void theStoichiometryBarriersSlopeIsItsDerivativeUpToTheLinearContinuation() {
        double limit = -7.7e-4 - Math.log(2 / Math.ulp(1.0)) / 6910.192179565431; // below it A is continued linearly
        for (double x : new double[] {limit - 1e-3, -0.01, 0, 1e-5, 1e-4, 0.001, 0.005, 0.0199, 0.5, 0.9801, 0.999, 0.99999, 1, 1.002, 1 - limit + 1e-3}) {
            double fd = central(StoichiometryBarrier::potential, x, 1e-9);
            assertEquals(fd, StoichiometryBarrier.slope(x), 1e-5 * Math.max(1, Math.abs(fd)), "barrier at " + x);
        }
        assertEquals(-205.0568621937484 * 6910.192179565431 / 2, StoichiometryBarrier.slope(-7.7e-4), 1e-6 * 7.1e5,
                "half the linear continuation's slope where z = 0");
        // the surface OCP: the fit's slope inside the clipping range plus the barrier's; beyond the range the fit is held
        ParticlePopulation nmc = Chen2020.cell().positive().population();
        for (double x : new double[] {1e-4, 0.01, 0.3, 0.77, 0.999, 0.99995}) {
            double fd = central(v -> nmc.surfaceOcp(v, 298.15, -1), x, 1e-9);
            assertEquals(fd, nmc.surfaceOcpSlope(x, 298.15, -1), 1e-5 * Math.max(1, Math.abs(fd)), "surface OCP at " + x);
        }
        assertEquals(StoichiometryBarrier.slope(1.01), nmc.surfaceOcpSlope(1.01, 298.15, -1), 0, "beyond x = 1 only the barrier changes");
    }

    @Test
    void hysteresisAndEntropicOcpsTakeTheSlopeOfTheirBranchAndTemperature() {
        ZerothOrderHysteresis h = new ZerothOrderHysteresis((x, t) -> 0.1 - 0.05 * x * x, (x, t) -> 0.14 - 0.08 * x);
        assertEquals(-0.08, h.slope(0.3, 298.15, +1), 1e-8, "delithiating: the delithiation branch");
        assertEquals(-0.1 * 0.3, h.slope(0.3, 298.15, -1), 1e-8, "lithiating: the lithiation branch");
        assertEquals(0.5 * (-0.08 - 0.03), h.slope(0.3, 298.15, 0), 1e-8, "at rest: the mean");
        EntropicOpenCircuitPotential e = new EntropicOpenCircuitPotential(OpenCircuitPotential.fitted(Chen2020::nmcOcp, Chen2020::nmcOcpSlope),
                (x, t) -> 1e-4 * Math.sin(3 * x), 298.15);
        for (double temp : new double[] {298.15, 318.15})
            for (double x : new double[] {0.2, 0.6}) {
                double fd = central(v -> e.at(v, temp, -1), x, 1e-6);
                assertEquals(fd, e.slope(x, temp, -1), 1e-6 * Math.abs(fd), "entropic OCP at " + x + ", " + temp + " K");
            }
        assertEquals(Chen2020.nmcOcpSlope(0.6), e.slope(0.6, 298.15, -1), 0, "at T_ref the reference's own slope");
    }

    @Test
    void exchangeCurrentAndButlerVolmerSlopesAreTheirDerivatives() {
        double cMax = 51000, t = 310;
        for (ExchangeCurrentDensity law : List.of(ExchangeCurrentDensity.symmetric(3.42e-6, 17800, 298.15),
                new ExchangeCurrentDensity(2e-5, 0.3, 0.7, 0.5, 20000, 298.15), new ExchangeCurrentDensity(1e-3, 1, 0, 1, 0, 298.15)))
            for (double cs : new double[] {100, 17000, 40000, 50990}) {
                double ce = 850;
                double dce = central(c -> law.at(c, cs, cMax, t), ce, 1e-3), dcs = central(c -> law.at(ce, c, cMax, t), cs, 1e-3);
                assertEquals(dce, law.electrolyteSlope(ce, cs, cMax, t), 1e-6 * Math.abs(dce), law + " by c_e at c_s " + cs);
                assertEquals(dcs, law.solidSlope(ce, cs, cMax, t), 1e-5 * Math.abs(dcs) + 1e-15, law + " by c_s at " + cs);
                ExchangeCurrentLaw lambda = law::at; // the default differences
                assertEquals(dce, lambda.electrolyteSlope(ce, cs, cMax, t), 1e-5 * Math.abs(dce));
                assertEquals(dcs, lambda.solidSlope(ce, cs, cMax, t), 1e-4 * Math.abs(dcs) + 1e-12);
            }
        assertEquals(0, ExchangeCurrentDensity.symmetric(1, 0, 298.15).solidSlope(1000, cMax + 1, cMax, t), 0, "clipped: flat");
        for (ButlerVolmerKinetics bv : List.of(ButlerVolmerKinetics.symmetric(ExchangeCurrentDensity.symmetric(1, 0, 298.15)),
                new ButlerVolmerKinetics(ExchangeCurrentDensity.symmetric(1, 0, 298.15), 0.3, 0.7)))
            for (double eta : new double[] {-0.2, -0.01, 0, 0.03, 0.15}) {
                double fd = central(v -> bv.current(2.5, v, t), eta, 1e-7);
                assertEquals(fd, bv.slope(2.5, eta, t), 1e-6 * Math.abs(fd), bv + " at " + eta);
            }
    }

    /** A state after t seconds at current i, from the variable-order stepper at a tight tolerance. */
    private static double[] stateAt(DfnModel model, double t) {
        VariableOrderBdf bdf = new VariableOrderBdf(model, 2, 1e-6);
        assertTrue(bdf.start(0, model.initialState(), 1e-3));
        while (bdf.time() < t) assertTrue(bdf.step(t, 1e-9));
        return bdf.state().clone();
    }

    /** DfnModel.anchorRows against central differences of the residual, column by column, at (t, y). */
    private static void assertAnchorRows(DfnModel model, double t, double[] y) {
        int reach = model.anchorRowReach(), w = reach + 1, n = model.size();
        double[] core = new double[model.blocks() * w], last = new double[model.blocks()];
        assertTrue(model.anchorRows(t, y, core, last));
        double[] fp = new double[n], fm = new double[n];
        int nonzero = 0;
        for (int b = 0; b < model.blocks(); b++) {
            int a = model.anchor(b), lastShell = model.blockStart(b) + model.blockSize(b) - 1;
            double[] fd = new double[w + 1];
            for (int r = 0; r <= w; r++) {
                int j = r < w ? a - reach + r : lastShell;
                if (j < 0) continue;
                double[] yp = y.clone(), ym = y.clone();
                // the surface shell's step small: near saturation i0 ~ (c_max - c_s)^1/2 with c_max - c_s = 3 mol/m3
                double h = (r < w ? 1e-6 : 1e-8) * Math.max(Math.abs(y[j]), 1e-1);
                yp[j] += h;
                ym[j] -= h;
                model.rhs(t, yp, fp);
                model.rhs(t, ym, fm);
                fd[r] = (fp[a] - fm[a]) / (2 * h);
            }
            double scale = 0;
            for (double v : fd) scale = Math.max(scale, Math.abs(v));
            for (int r = 0; r <= w; r++) {
                double analytic = r < w ? core[b * w + r] : last[b];
                if (analytic != 0) nonzero++;
                assertEquals(fd[r], analytic, 1e-5 * Math.abs(fd[r]) + 1e-9 * scale, "block " + b + " (anchor " + a + "), " + (r < w ? "column " + (a - reach + r) : "surface shell"));
            }
        }
        assertTrue(nonzero >= 5 * model.blocks(), "c_e, phi_e, phi_s, j and the surface shell in every row: " + nonzero);
    }

    @Test
    void theButlerVolmerRowsOfChen2020AreTheResidualsDerivativesThroughTheDischarge() {
        DfnModel model = new DfnModel(Chen2020.cell(), new DfnMesh(6, 3, 6, 10), CurrentProfile.constant(Chen2020.ONE_C));
        assertAnchorRows(model, 100, stateAt(model, 100));
        double[] late = stateAt(model, 3000);
        assertAnchorRows(model, 3000, late);
        // near saturation, where the stoichiometry barrier carries the voltage: the cathode's surfaces at x = 0.99995 (the
        // shells moved by the same amount, the surface gradient of the reaction current kept)
        double[] full = late.clone();
        ParticlePopulation nmc = Chen2020.cell().positive().population();
        for (int g = 0; g < model.mesh().cells(); g++)
            if (model.mesh().domainOf(g) == 2) {
                double shift = 0.99995 * nmc.particle().maximumConcentration() - model.surfaceConcentration(late, g);
                for (int k = 0; k < 10; k++) full[model.particleStart(g) + k] += shift;
                assertEquals(0.99995, model.surfaceConcentration(full, g) / nmc.particle().maximumConcentration(), 1e-9);
            }
        assertAnchorRows(model, 3000, full);
    }

    @Test
    void theButlerVolmerRowsOfABlendWithHysteresisAwayFromItsReferenceTemperatureAreTheResidualsDerivatives() {
        DfnCell m = HysteresisTest.withHysteresis(Marquis2019.cell());
        IntercalationElectrode p = m.positive();
        ParticlePopulation second = new ParticlePopulation("second", 0.2, new FickianParticle(4e-6, 48000, (x, t) -> 3e-14 * (1 + x * x)),
                0.6 * 48000, OpenCircuitPotential.fitted(Chen2020::nmcOcp, Chen2020::nmcOcpSlope),
                new ButlerVolmerKinetics(new ExchangeCurrentDensity(2e-5, 0.5, 0.3, 0.7, 20000, 298.15), 0.4, 0.6));
        DfnCell blend = new DfnCell(m.negative(), m.separator(), p.withPopulations(List.of(p.population(), second)), m.electrolyte(),
                m.initialElectrolyteConcentration(), 310.0);
        DfnModel model = new DfnModel(blend, new DfnMesh(5, 3, 5, 8), CurrentProfile.constant(Marquis2019.ONE_C));
        assertTrue(model.anchorRowReach() > 3, "two populations: the row's window reaches the other's j");
        assertAnchorRows(model, 600, stateAt(model, 600));
    }
}

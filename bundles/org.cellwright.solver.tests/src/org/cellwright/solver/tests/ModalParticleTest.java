package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnModel;
import org.cellwright.solver.dfn.DfnSimulation;
import org.cellwright.solver.dfn.DfnSolution;
import org.cellwright.solver.dfn.LumpedThermal;
import org.cellwright.solver.numerics.dae.DaeSystem;
import org.cellwright.solver.numerics.dae.VariableOrderBdf;
import org.cellwright.solver.numerics.fv.ModalParticleMesh;
import org.cellwright.solver.numerics.fv.ParticleMesh;
import org.cellwright.solver.numerics.fv.SphericalMesh;
import org.cellwright.solver.params.Chen2020;
import org.cellwright.solver.params.Ecker2015;
import org.junit.jupiter.api.Test;

/** A particle's shells as their slowest modes and Gauss poles in a chain (ModalParticleMesh), alone and in the DFN. */
class ModalParticleTest {
    private static final double R = 1e-5, D = 1e-14;

    @Test
    void modesAreMOrthonormalAndReproduceTheFiniteVolumeOperator() {
        SphericalMesh fv = new SphericalMesh(R, 30);
        ModalParticleMesh modal = ModalParticleMesh.of(R, 30, 8);
        double[] rates = new double[30];
        for (int k = 0; k < 30; k++) {
            double[] vk = modal.mode(k);
            for (int l = 0; l < 30; l++) {
                double[] vl = modal.mode(l);
                double dot = 0;
                for (int r = 0; r < 30; r++) dot += fv.volume(r) * vk[r] * vl[r];
                assertEquals(k == l ? 1 : 0, dot, 1e-10, "M-inner product of modes " + k + " and " + l);
            }
            // the shells' rates with D = 1 and no surface flux: -lambda_k M v_k
            fv.balance(vk, 0, 1.0, 0, rates, 0);
            for (int r = 0; r < 30; r++)
                assertEquals(-modal.eigenvalue(k) * fv.volume(r) * vk[r], rates[r], 1e-9 * modal.eigenvalue(29) * fv.volume(r) * Math.abs(vk[r]) + 1e-9 * Math.abs(rates[r]) + 1e-30,
                        "mode " + k + ", shell " + r);
            if (k > 0) assertTrue(modal.eigenvalue(k) > modal.eigenvalue(k - 1), "ascending");
        }
        assertEquals(0, modal.eigenvalue(0), 0, "the mean does not decay");
        // the sphere's first decaying mode sin(mu r/R)/(mu r/R), tan mu = mu: lambda_1 R^2 = mu^2 (the shells' to second order)
        assertEquals(4.493409457909064 * 4.493409457909064, modal.eigenvalue(1) * R * R, 0.005 * 20.19);
    }

    @Test
    void allModesGiveTheShellsBack() {
        SphericalMesh fv = new SphericalMesh(R, 30);
        ModalParticleMesh modal = ModalParticleMesh.of(R, 30, 30);
        for (int k = 0; k < 30; k++) assertEquals(fv.volume(k), modal.volume(k), 1e-9 * fv.volume(k), "volume " + k);
        for (int k = 1; k < 30; k++) assertEquals(fv.faceFactor(k), modal.faceFactor(k), 1e-8 * fv.faceFactor(k), "face " + k);
        assertEquals(fv.surfaceGap(), modal.surfaceGap(), 1e-12 * R);
    }

    @Test
    void theChainConservesLithiumAndHoldsTheMeanUniform() {
        for (int m : new int[] {1, 2, 5, 8, 13}) {
            ModalParticleMesh modal = ModalParticleMesh.of(R, 30, m);
            assertEquals(m, modal.shells());
            double total = 0;
            for (int i = 0; i < m; i++) total += modal.volume(i);
            assertEquals(R * R * R / 3, total, 1e-12 * R * R * R, m + " cells: volumes sum to the sphere's");
            for (int i = 1; i < m; i++) assertTrue(modal.faceFactor(i) > 0, m + " cells: face " + i + " conducts");
            double[] c = new double[m], rates = new double[m];
            java.util.Arrays.fill(c, 20000);
            modal.balance(c, 0, D, 1e-5, rates, 0);
            for (int i = 0; i < m - 1; i++) assertEquals(0, rates[i], 1e-30, "a uniform chain has no inner flow");
            java.util.Random random = new java.util.Random(m);
            for (int i = 0; i < m; i++) c[i] = 20000 * random.nextDouble();
            modal.balance(c, 0, D, 1e-5, rates, 0);
            double sum = 0;
            for (double r : rates) sum += r;
            assertEquals(-R * R * 1e-5, sum, 1e-12 * R * R * 1e-5, m + " cells: the amount changes by the surface flux alone");
            if (m > 1) assertEquals(new SphericalMesh(R, 30).surfaceGap(), modal.surfaceGap(), 1e-15,
                    "no instantaneous surface drop beyond the half shell's");
        }
    }

    /** dc/dt V = balance of a particle mesh with one D and a constant surface flux. */
    private record Particle(ParticleMesh mesh, double flux) implements DaeSystem {
        @Override public int size() { return mesh.shells(); }
        @Override public void mass(double[] m) { for (int k = 0; k < m.length; k++) m[k] = mesh.volume(k); }
        @Override public int lowerBandwidth() { return 1; }
        @Override public int upperBandwidth() { return 1; }
        @Override public double absoluteTolerance(int i) { return 1e-8; }
        @Override public void rhs(double t, double[] c, double[] f) { mesh.balance(c, 0, D, flux, f, 0); }
    }

    /** Surface value minus c0 at the given times of a particle starting uniform at c0 under a constant flux. */
    private static double[] surfaceDrop(ParticleMesh mesh, double flux, double... times) {
        double c0 = 20000;
        double[] c = new double[mesh.shells()];
        java.util.Arrays.fill(c, c0);
        VariableOrderBdf bdf = new VariableOrderBdf(new Particle(mesh, flux), 5, 1e-10);
        assertTrue(bdf.start(0, c, 1e-6));
        double[] out = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            while (bdf.time() < times[i]) assertTrue(bdf.step(times[i], 1e-12));
            out[i] = mesh.surfaceValue(bdf.state(), 0, D, flux) - c0;
            assertEquals(c0 - 3 * flux * times[i] / R, mesh.average(bdf.state(), 0), 1e-9 * c0, "lithium: the surface flux alone");
        }
        return out;
    }

    @Test
    void theSurfaceFollowsTheShellsFromRestToTheSettledProfile() {
        double flux = 1e-5, tau = R * R / D; // 1e4 s
        double[] times = {1e-4 * tau, 1e-3 * tau, 1e-2 * tau, 0.1 * tau, 2 * tau};
        double[] shells = surfaceDrop(new SphericalMesh(R, 30), flux, times);
        // settled: the surface below the mean by N R / (5 D) (the sphere's parabolic profile; the shells' to second order)
        double settled = shells[4] + 3 * flux * times[4] / R;
        assertEquals(-flux * R / (5 * D), settled, 0.01 * flux * R / (5 * D));
        for (int m : new int[] {1, 4, 8}) {
            double[] modal = surfaceDrop(ModalParticleMesh.of(R, 30, m), flux, times);
            // the static response is the shells' for every m (m = 1 quasi-steady, else the Gauss poles' exact static part)
            assertEquals(shells[4], modal[4], 1e-6 * Math.abs(shells[4]), m + " cells: the settled profile");
            if (m == 8) for (int i = 0; i < 4; i++)
                assertEquals(shells[i], modal[i], 0.01 * Math.abs(shells[i]), "8 cells at t = " + times[i] + " s: within 1 % of the shells' drop");
        }
    }

    /** The state after t seconds of a constant flux from a uniform c0. */
    private static double[] stateAfter(ParticleMesh mesh, double flux, double t) {
        double[] c = new double[mesh.shells()];
        java.util.Arrays.fill(c, 20000);
        VariableOrderBdf bdf = new VariableOrderBdf(new Particle(mesh, flux), 5, 1e-10);
        assertTrue(bdf.start(0, c, 1e-6));
        while (bdf.time() < t) assertTrue(bdf.step(t, 1e-12));
        return bdf.state().clone();
    }

    @Test
    void theChainGivesBackTheShellsItStandsFor() {
        double flux = 1e-6, t = 2 * R * R / D; // the mean falls from 20000 to 14000 mol/m3
        double[] shells = stateAfter(new SphericalMesh(R, 30), flux, t), out = new double[30];
        for (int m : new int[] {8, 30}) {
            ModalParticleMesh modal = ModalParticleMesh.of(R, 30, m);
            modal.shellConcentrations(stateAfter(modal, flux, t), 0, D, flux, out);
            // settled (the transient of mode 1 has decayed by e^-40): the exact modes and the quasi-steady rest are the shells
            for (int r = 0; r < 30; r++) assertEquals(shells[r], out[r], 1e-6 * Math.abs(shells[r]), m + " cells, shell " + r);
        }
    }

    @Test
    void aDfnDischargeOnModesIsTheShellsDischarge() {
        double[] times = new double[361];
        for (int i = 0; i < times.length; i++) times[i] = 10.0 * i;
        DfnMesh shells = new DfnMesh(10, 5, 10, 20);
        CurrentProfile oneC = CurrentProfile.constant(Chen2020.ONE_C);
        DfnSolution reference = new DfnSimulation(1e-7).run(Chen2020.cell(), shells, oneC, times, Chen2020.CUTOFF);
        DfnSolution all = new DfnSimulation(1e-7).run(Chen2020.cell(), shells.withParticleModes(20), oneC, times, Chen2020.CUTOFF);
        DfnSolution eight = new DfnSimulation(1e-7).run(Chen2020.cell(), shells.withParticleModes(8), oneC, times, Chen2020.CUTOFF);
        double rmsAll = 0, rmsEight = 0, maxEight = 0;
        int n = 0;
        for (int i = 0; i < reference.times().length && i < eight.times().length && i < all.times().length; i++) {
            if (reference.voltages()[i] < 3.0) break;
            double da = all.voltages()[i] - reference.voltages()[i], de = eight.voltages()[i] - reference.voltages()[i];
            rmsAll += da * da;
            rmsEight += de * de;
            maxEight = Math.max(maxEight, Math.abs(de));
            n++;
        }
        assertTrue(n > 300, "compared " + n);
        assertTrue(Math.sqrt(rmsAll / n) < 1e-6, "all 20 modes: the shells' discharge, RMS " + Math.sqrt(rmsAll / n) + " V");
        assertTrue(Math.sqrt(rmsEight / n) < 2e-5 && maxEight < 2e-4, "8 cells: RMS " + Math.sqrt(rmsEight / n) + " V, max " + maxEight + " V");
        assertEquals(reference.last().time(), eight.last().time(), 0.5, "the cut-off time");
        DfnModel model = new DfnModel(Chen2020.cell(), shells.withParticleModes(8), oneC);
        assertEquals((10 + 10) * 8, model.size() - model.coreSize(), "8 unknowns per particle");
    }

    @Test
    void aWarmingCellOnModesFollowsTheShells() {
        // Marquis 2019 adiabatic at 2C: the cell warms, and its particles' Arrhenius diffusivities with it (the chain scales with D)
        LumpedThermal m = org.cellwright.solver.params.Marquis2019.thermal();
        LumpedThermal adiabatic = new LumpedThermal(m.heatCapacityPerArea(), 0, m.coolingAreaRatio(), m.ambientTemperature());
        double[] times = new double[181];
        for (int i = 0; i < times.length; i++) times[i] = 10.0 * i;
        DfnMesh shells = new DfnMesh(8, 4, 8, 20);
        CurrentProfile twoC = CurrentProfile.constant(2 * org.cellwright.solver.params.Marquis2019.ONE_C);
        DfnSolution reference = new DfnSimulation(1e-6).withThermal(adiabatic).run(org.cellwright.solver.params.Marquis2019.cell(), shells, twoC, times,
                org.cellwright.solver.params.Marquis2019.CUTOFF);
        DfnSolution modal = new DfnSimulation(1e-6).withThermal(adiabatic).run(org.cellwright.solver.params.Marquis2019.cell(), shells.withParticleModes(8), twoC,
                times, org.cellwright.solver.params.Marquis2019.CUTOFF);
        assertTrue(reference.last().temperature() > reference.snapshots().get(0).temperature() + 1, "the cell warms: " + reference.last().temperature());
        int n = Math.min(reference.snapshots().size(), modal.snapshots().size());
        assertTrue(n > 150, "outputs " + n);
        double dv = 0, dt = 0;
        for (int i = 0; i < n; i++) {
            dv = Math.max(dv, Math.abs(reference.voltages()[i] - modal.voltages()[i]));
            dt = Math.max(dt, Math.abs(reference.snapshots().get(i).temperature() - modal.snapshots().get(i).temperature()));
        }
        double rise = reference.last().temperature() - reference.snapshots().get(0).temperature();
        // measured: 0.095 mV and 0.039 K of a 21.8 K rise (the heat's operator splitting follows each run's own steps)
        assertTrue(dv < 0.5e-3, "largest voltage difference " + dv + " V");
        assertTrue(dt < 0.005 * rise, "largest temperature difference " + dt + " K of a " + rise + " K rise");
    }

    @Test
    void aDiffusivityThatDependsOnConcentrationKeepsTheShells() {
        DfnModel model = new DfnModel(Ecker2015.cell(), new DfnMesh(4, 3, 4, 12).withParticleModes(5), CurrentProfile.constant(1));
        assertEquals(12, model.blockSize(0), "Ecker 2015's D(c): the finite volumes");
    }
}

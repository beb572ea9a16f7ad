package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cellwright.solver.numerics.dae.VariableOrderBdf;
import org.cellwright.solver.numerics.dae.DaeSystem;
import org.cellwright.solver.numerics.fv.CompositeMesh;
import org.cellwright.solver.numerics.fv.FaceConductance;
import org.cellwright.solver.numerics.fv.Mesh1D;
import org.cellwright.solver.numerics.fv.SphericalMesh;
import org.junit.jupiter.api.Test;

/** The finite-volume layer: conservation, analytic solutions in a slab and a sphere, second order in space. */
class FiniteVolumeTest {

    /** du/dt = d/dx(k du/dx) on a composite mesh with closed ends, k per domain, faces by FaceConductance. */
    static final class SlabDiffusion implements DaeSystem {
        final CompositeMesh mesh;
        final double[] k;
        final double fluxIn; // into the cell at x0 [unit m/s]

        SlabDiffusion(CompositeMesh mesh, double[] kPerDomain, double fluxIn) {
            this.mesh = mesh;
            this.k = kPerDomain;
            this.fluxIn = fluxIn;
        }

        @Override public int size() { return mesh.cells(); }
        @Override public void mass(double[] m) { for (int i = 0; i < m.length; i++) m[i] = mesh.width(i); }
        @Override public int lowerBandwidth() { return 1; }
        @Override public int upperBandwidth() { return 1; }
        @Override public double absoluteTolerance(int i) { return 1e-10; }

        @Override
        public void rhs(double t, double[] u, double[] f) {
            int n = mesh.cells();
            double left = fluxIn;
            for (int i = 0; i < n; i++) {
                double right = 0;
                if (i < n - 1) {
                    double g = FaceConductance.series(k[mesh.domainOf(i)], mesh.halfWidth(i), k[mesh.domainOf(i + 1)], mesh.halfWidth(i + 1));
                    right = -g * (u[i + 1] - u[i]);
                }
                f[i] = left - right;
                left = right;
            }
        }
    }

    static CompositeMesh threeDomains(int n) {
        return new CompositeMesh(List.of(new Mesh1D(0, 1e-4, n), new Mesh1D(1e-4, 1.25e-4, Math.max(1, n / 4)), new Mesh1D(1.25e-4, 2.25e-4, n)));
    }

    @Test
    void slabConservesItsContentAcrossDomainJumps() {
        CompositeMesh mesh = threeDomains(10);
        double flux = 2e-6; // a constant inflow at x = 0 (mol/m2/s)
        SlabDiffusion sys = new SlabDiffusion(mesh, new double[] {1e-10, 5e-10, 2e-11}, flux);
        double[] u = new double[mesh.cells()];
        for (int i = 0; i < u.length; i++) u[i] = 1000 + 100 * Math.sin(3e4 * mesh.centre(i));
        double before = content(mesh, u);
        VariableOrderBdf bdf = new VariableOrderBdf(sys, 2, 1e-6);
        assertTrue(bdf.start(0, u, 1e-3));
        while (bdf.time() < 50) assertTrue(bdf.step(50, 1e-12));
        assertEquals(before + flux * 50, content(mesh, bdf.state()), 1e-10 * before, "what entered stays inside");
    }

    static double content(CompositeMesh mesh, double[] u) {
        double s = 0;
        for (int i = 0; i < mesh.cells(); i++) s += mesh.width(i) * u[i];
        return s;
    }

    @Test
    void steadyFluxThroughTwoMaterialsIsTheSeriesResistance() {
        // u fixed at both ends by large boundary cells is awkward; check the face law directly: two half cells in series
        double g = FaceConductance.series(2.0, 0.5, 1.0, 0.25);
        assertEquals(1 / (0.5 / 2.0 + 0.25 / 1.0), g, 1e-15);
        assertEquals(2 * 2.0 * 1.0 / 3.0, FaceConductance.harmonicMean(2.0, 1.0), 1e-15);
        // equal coefficients: the plain central difference k / dx
        assertEquals(3.0 / 1.0, FaceConductance.series(3.0, 0.5, 3.0, 0.5), 1e-15);
    }

    @Test
    void aUniformConductorCarriesItsLinearProfileExactly() {
        // u = 0 held at x = 0, flux q = -k du/dx leaving at x = L: the exact profile u = -q x / k is steady on the
        // cell centres when the interior faces are k / w and the held end is half a cell away (2 k / w)
        double length = 3e-5, k = 0.7, q = 40;
        Mesh1D mesh = new Mesh1D(0, length, 7);
        double g = FaceConductance.interior(mesh, k), gEnd = FaceConductance.toEnd(mesh, k);
        assertEquals(k / mesh.width(), g, 1e-15 * g);
        assertEquals(2 * k / mesh.width(), gEnd, 1e-15 * gEnd);
        double[] u = new double[mesh.cells()];
        for (int i = 0; i < u.length; i++) u[i] = -q * mesh.centre(i) / k;
        for (int i = 0; i < u.length; i++) {
            double left = i > 0 ? -g * (u[i] - u[i - 1]) : -gEnd * (u[0] - 0);
            double right = i < u.length - 1 ? -g * (u[i + 1] - u[i]) : q;
            assertEquals(q, left, 1e-12 * q, "flux into cell " + i);
            assertEquals(0, right - left, 1e-12 * q, "balance of cell " + i);
        }
    }

    /** Cosine mode in a closed slab: u = exp(-D pi^2 t / L^2) cos(pi x / L). */
    static double slabError(int n) {
        double length = 1e-4, d = 1e-10, tEnd = 20;
        CompositeMesh mesh = new CompositeMesh(List.of(new Mesh1D(0, length, n)));
        SlabDiffusion sys = new SlabDiffusion(mesh, new double[] {d}, 0);
        double[] u = new double[n];
        for (int i = 0; i < n; i++) u[i] = cellAverageCos(mesh, i, length);
        VariableOrderBdf bdf = new VariableOrderBdf(sys, 2, 1e-10);
        bdf.start(0, u, 1e-4);
        while (bdf.time() < tEnd) bdf.step(tEnd, 1e-14);
        double decay = Math.exp(-d * Math.PI * Math.PI * tEnd / (length * length)), err = 0;
        for (int i = 0; i < n; i++) err = Math.max(err, Math.abs(bdf.state()[i] - decay * Math.cos(Math.PI * mesh.centre(i) / length)));
        return err;
    }

    static double cellAverageCos(CompositeMesh mesh, int i, double length) {
        return Math.cos(Math.PI * mesh.centre(i) / length);
    }

    @Test
    void slabDiffusionMatchesTheCosineModeAtSecondOrder() {
        double e1 = slabError(10), e2 = slabError(20), e3 = slabError(40);
        assertTrue(e3 < 1e-3, "error " + e3);
        double order = Math.log(e2 / e3) / Math.log(2);
        assertTrue(order > 1.8 && order < 2.3, "observed order " + order + " (errors " + e1 + ", " + e2 + ", " + e3 + ")");
    }

    /** Spherical diffusion with a surface flux, the particle layer in flux form. */
    static final class SphereDiffusion implements DaeSystem {
        final SphericalMesh mesh;
        final double d, surfaceFlux;

        SphereDiffusion(SphericalMesh mesh, double d, double surfaceFlux) {
            this.mesh = mesh;
            this.d = d;
            this.surfaceFlux = surfaceFlux;
        }

        @Override public int size() { return mesh.shells(); }
        @Override public void mass(double[] m) { for (int k = 0; k < m.length; k++) m[k] = mesh.volume(k); }
        @Override public int lowerBandwidth() { return 1; }
        @Override public int upperBandwidth() { return 1; }
        @Override public double absoluteTolerance(int i) { return 1e-10; }
        @Override public void rhs(double t, double[] c, double[] f) { mesh.balance(c, 0, x -> d, surfaceFlux, f, 0); }
    }

    @Test
    void sphereLosesExactlyWhatLeavesThroughItsSurface() {
        SphericalMesh mesh = new SphericalMesh(1e-5, 15);
        double flux = 1e-5, tEnd = 300; // mol/m2/s outward
        SphereDiffusion sys = new SphereDiffusion(mesh, 1e-14, flux);
        double[] c = new double[15];
        java.util.Arrays.fill(c, 20000);
        VariableOrderBdf bdf = new VariableOrderBdf(sys, 2, 1e-6);
        bdf.start(0, c, 1e-2);
        while (bdf.time() < tEnd) assertTrue(bdf.step(tEnd, 1e-12));
        double lost = 3 * flux * tEnd / mesh.radius(); // mol/m3: surface 4 pi R^2 over volume 4/3 pi R^3
        assertEquals(20000 - lost, mesh.average(bdf.state(), 0), 1e-9 * 20000);
        assertTrue(mesh.surfaceValue(bdf.state(), 0, 1e-14, flux) < bdf.state()[0], "depleted at the surface first");
    }

    /** First radial mode of a closed sphere, sin(mu r/R)/(mu r/R) with tan mu = mu, decays as exp(-mu^2 D t / R^2). */
    static double sphereError(int n) {
        double radius = 1e-5, d = 1e-14, mu = 4.493409457909064, tEnd = 1000;
        SphericalMesh mesh = new SphericalMesh(radius, n);
        double[] c = new double[n];
        for (int k = 0; k < n; k++) c[k] = mode(mu * mesh.centre(k) / radius);
        VariableOrderBdf bdf = new VariableOrderBdf(new SphereDiffusion(mesh, d, 0), 2, 1e-10);
        bdf.start(0, c, 1e-3);
        while (bdf.time() < tEnd) bdf.step(tEnd, 1e-12);
        double decay = Math.exp(-mu * mu * d * tEnd / (radius * radius)), err = 0;
        for (int k = 0; k < n; k++) err = Math.max(err, Math.abs(bdf.state()[k] - decay * mode(mu * mesh.centre(k) / radius)));
        return err;
    }

    static double mode(double z) { return z == 0 ? 1 : Math.sin(z) / z; }

    @Test
    void sphereDiffusionMatchesTheFirstRadialModeAtSecondOrder() {
        double e1 = sphereError(10), e2 = sphereError(20), e3 = sphereError(40);
        assertTrue(e3 < 2e-3, "error " + e3);
        double order = Math.log(e2 / e3) / Math.log(2);
        assertTrue(order > 1.7, "observed order " + order + " (errors " + e1 + ", " + e2 + ", " + e3 + ")");
    }
}

package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cellwright.solver.numerics.dae.VariableOrderBdf;
import org.cellwright.solver.numerics.fv.SphericalMesh;
import org.junit.jupiter.api.Test;

/** The graded particle mesh of the finite-volume layer (SphericalMesh.graded): geometry, grading, conservation, order. */
class GradedSphericalMeshTest {
    static final double R = 5e-6;

    @Test
    void shellVolumesSumToTheSphere() {
        for (int n : new int[] {1, 2, 7, 24}) {
            SphericalMesh mesh = SphericalMesh.graded(R, n, 100);
            double sum = 0;
            for (int k = 0; k < n; k++) {
                assertTrue(mesh.volume(k) > 0, "shell " + k + " of " + n);
                sum += mesh.volume(k);
            }
            assertEquals(R * R * R / 3, sum, 1e-14 * R * R * R, n + " shells");
        }
    }

    @Test
    void facesAreSpheresFromTheCentreToTheSurface() {
        int n = 12;
        SphericalMesh mesh = SphericalMesh.graded(R, n, 100);
        assertEquals(0, mesh.area(0), "the centre face has no area (symmetry)");
        assertEquals(R * R, mesh.area(n), 1e-15 * R * R);
        for (int k = 0; k < n; k++) {
            double r0 = mesh.faceRadius(k), r1 = mesh.faceRadius(k + 1);
            assertEquals(r0 * r0, mesh.area(k), 1e-13 * R * R, "area of face " + k);
            assertEquals((r1 * r1 * r1 - r0 * r0 * r0) / 3, mesh.volume(k), 1e-12 * mesh.volume(k), "volume of shell " + k);
            assertTrue(mesh.centre(k) > r0 && mesh.centre(k) < r1, "centre of shell " + k + " inside it");
            assertEquals(0.5 * (r0 + r1), mesh.centre(k), 1e-12 * R, "centre of shell " + k);
        }
        assertEquals(0.5 * (R - mesh.faceRadius(n - 1)), mesh.surfaceGap(), 1e-12 * R);
    }

    @Test
    void shellsThinGeometricallyByTheRefinement() {
        int n = 10;
        double refinement = 100, q = Math.pow(refinement, -1.0 / (n - 1));
        SphericalMesh mesh = SphericalMesh.graded(R, n, refinement);
        double inner = mesh.faceRadius(1) - mesh.faceRadius(0), outer = R - mesh.faceRadius(n - 1);
        assertEquals(refinement, inner / outer, 1e-9 * refinement, "innermost / outermost shell");
        for (int k = 1; k < n; k++) {
            double ratio = (mesh.faceRadius(k + 1) - mesh.faceRadius(k)) / (mesh.faceRadius(k) - mesh.faceRadius(k - 1));
            assertEquals(q, ratio, 1e-9, "shell " + k + " over shell " + (k - 1));
        }
        assertThrows(IllegalArgumentException.class, () -> SphericalMesh.graded(R, n, 0.5));
        assertThrows(IllegalArgumentException.class, () -> SphericalMesh.graded(R, 0, 100));
    }

    @Test
    void refinementOneIsTheMeshOfEqualShells() {
        int n = 15;
        SphericalMesh graded = SphericalMesh.graded(R, n, 1), equal = new SphericalMesh(R, n);
        double[] c = new double[n], fg = new double[n], fe = new double[n];
        for (int k = 0; k < n; k++) {
            assertEquals(equal.volume(k), graded.volume(k), 1e-12 * equal.volume(k));
            assertEquals(equal.area(k), graded.area(k), 1e-12 * R * R);
            assertEquals(equal.centre(k), graded.centre(k), 1e-12 * R);
            c[k] = 20000 + 300 * Math.cos(k);
        }
        assertEquals(equal.surfaceGap(), graded.surfaceGap(), 1e-12 * R);
        graded.balance(c, 0, 1e-14, 2e-5, fg, 0);
        equal.balance(c, 0, 1e-14, 2e-5, fe, 0);
        for (int k = 0; k < n; k++) assertEquals(fe[k], fg[k], 1e-10 * Math.abs(fe[k]) + 1e-30, "rate of shell " + k);
    }

    @Test
    void theBackwardEulerMatrixKeepsTheAmountAndIsTheBalance() {
        int n = 9;
        SphericalMesh mesh = SphericalMesh.graded(R, n, 100);
        double dt = 3, d = 1e-14;
        double[] faceD = new double[n + 1], lo = new double[n], di = new double[n], up = new double[n];
        java.util.Arrays.fill(faceD, d);
        mesh.backwardEulerMatrix(dt, faceD, lo, di, up);
        double[] c = new double[n], rate = new double[n];
        for (int k = 0; k < n; k++) c[k] = 20000 * (1 + 0.1 * k * k / (n * n));
        mesh.balance(c, 0, d, 0, rate, 0);
        double amount = 0, amountAfter = 0;
        for (int k = 0; k < n; k++) {
            double ac = di[k] * c[k] + (k > 0 ? lo[k] * c[k - 1] : 0) + (k < n - 1 ? up[k] * c[k + 1] : 0);
            // (V + dt K) c = V c - dt (balance without surface flux)
            assertEquals(mesh.volume(k) * c[k] - dt * rate[k], ac, 1e-12 * mesh.volume(k) * c[k], "row " + k);
            amount += mesh.volume(k) * c[k];
            amountAfter += ac;
        }
        assertEquals(amount, amountAfter, 1e-13 * amount, "a closed sphere keeps its amount");
    }

    /** First radial mode of a closed sphere on a graded mesh, as FiniteVolumeTest.sphereError on equal shells. */
    static double gradedSphereError(int n) {
        double radius = 1e-5, d = 1e-14, mu = 4.493409457909064, tEnd = 1000;
        SphericalMesh mesh = SphericalMesh.graded(radius, n, 10);
        double[] c = new double[n];
        for (int k = 0; k < n; k++) c[k] = FiniteVolumeTest.mode(mu * mesh.centre(k) / radius);
        VariableOrderBdf bdf = new VariableOrderBdf(new FiniteVolumeTest.SphereDiffusion(mesh, d, 0), 2, 1e-10);
        bdf.start(0, c, 1e-3);
        while (bdf.time() < tEnd) bdf.step(tEnd, 1e-12);
        double decay = Math.exp(-mu * mu * d * tEnd / (radius * radius)), err = 0;
        for (int k = 0; k < n; k++)
            err = Math.max(err, Math.abs(bdf.state()[k] - decay * FiniteVolumeTest.mode(mu * mesh.centre(k) / radius)));
        return err;
    }

    @Test
    void aGradedMeshConvergesAtTheOrderOfEqualShells() {
        double e1 = gradedSphereError(10), e2 = gradedSphereError(20), e3 = gradedSphereError(40);
        double order = Math.log(e2 / e3) / Math.log(2);
        assertTrue(e3 < 5e-3, "error " + e3);
        assertTrue(order > 1.7, "observed order " + order + " (errors " + e1 + ", " + e2 + ", " + e3 + ")");
    }

    /** Mean of r^2 over shell k, weighted by r^2 (the shell's volume), by the closed form. */
    static double meanSquare(SphericalMesh mesh, int k) {
        double a = mesh.faceRadius(k), b = mesh.faceRadius(k + 1);
        return 0.6 * (Math.pow(b, 5) - Math.pow(a, 5)) / (Math.pow(b, 3) - Math.pow(a, 3));
    }

    /**
     * A parabolic profile c = c0 + b r^2 with the outward surface flux it carries, N = -D dc/dr(R) = -2 b D R: with
     * the shells' values its means, the parabolic face flows give every shell the exact rate dc/dt = D 6 b = -3 N / R
     * (the quasi-steady state of a constant flux) and the exact surface value c0 + b R^2; the linear ones' rates do not.
     */
    @Test
    void parabolicFaceFlowsAreExactForAParabola() {
        int n = 12;
        double d = 1e-14, c0 = 20000, b = -1e13, flux = -2 * b * d * R; // mol/m3, mol/m5, outward mol/(m2 s)
        for (SphericalMesh.FaceFlux kind : SphericalMesh.FaceFlux.values()) {
            SphericalMesh mesh = SphericalMesh.graded(R, n, 100, kind);
            double[] c = new double[n], rate = new double[n];
            for (int k = 0; k < n; k++) c[k] = c0 + b * meanSquare(mesh, k);
            mesh.balance(c, 0, d, flux, rate, 0);
            double worst = 0;
            for (int k = 0; k < n; k++) worst = Math.max(worst, Math.abs(rate[k] / mesh.volume(k) / (-3 * flux / R) - 1));
            double surface = mesh.surfaceValue(c, 0, d, flux), drop = -b * R * R;
            if (kind == SphericalMesh.FaceFlux.PARABOLIC) {
                assertEquals(0, worst, 1e-9, "relative error of the rates");
                assertEquals(c0 + b * R * R, surface, 1e-9 * drop, "surface value");
            } else {
                assertTrue(worst > 0.05, "linear face flows: relative error of the rates " + worst);
            }
        }
    }

    /**
     * The parabolic face flows keep the finite volumes conservative: a closed sphere keeps its amount in a backward
     * Euler step, and one with a surface flux loses exactly dt R^2 N (per steradian), as for the linear ones.
     */
    @Test
    void parabolicFaceFlowsConserveTheAmount() {
        int n = 24;
        SphericalMesh mesh = SphericalMesh.graded(R, n, 150, SphericalMesh.FaceFlux.PARABOLIC);
        double dt = 7, d = 1e-14, flux = 3e-5;
        double[] faceD = new double[n + 1], lo = new double[n], di = new double[n], up = new double[n];
        java.util.Arrays.fill(faceD, d);
        mesh.backwardEulerMatrix(dt, faceD, lo, di, up);
        double[] c = new double[n], rhs = new double[n], next = new double[n];
        for (int k = 0; k < n; k++) c[k] = 20000 * (1 + 0.3 * Math.sin(3.0 * k / n));
        for (int k = 0; k < n; k++) rhs[k] = mesh.volume(k) * c[k];
        rhs[n - 1] -= dt * mesh.area(n) * flux;
        new org.cellwright.solver.numerics.TridiagonalSolver(n).solve(lo, di, up, rhs, next, n);
        double before = 0, after = 0;
        for (int k = 0; k < n; k++) {
            before += mesh.volume(k) * c[k];
            after += mesh.volume(k) * next[k];
        }
        assertEquals(before - dt * R * R * flux, after, 1e-12 * before, "amount after a step with a surface flux");
        double[] rate = new double[n];
        mesh.balance(c, 0, d, 0, rate, 0);
        double sum = 0, scale = 0;
        for (int k = 0; k < n; k++) { sum += rate[k]; scale += Math.abs(rate[k]); }
        assertEquals(0, sum, 1e-12 * scale, "a closed sphere's rates sum to nothing");
    }

    /**
     * Error of the surface value against Crank's series (constant outward flux from a uniform state, eq. 6.60) at
     * tau = D t / R^2 = 0.02, where the profile is still far from the parabola (a depletion layer a third of the radius
     * thick), on n graded shells (150:1) with the face flows of the kind given; time integrated to 1e-9.
     */
    static double crankSurfaceError(int n, SphericalMesh.FaceFlux kind) {
        double d = 1e-14, c0 = 20000, flux = 2e-5, tEnd = 0.02 * R * R / d;
        SphericalMesh mesh = SphericalMesh.graded(R, n, 150, kind);
        double[] c = new double[n];
        java.util.Arrays.fill(c, c0);
        VariableOrderBdf bdf = new VariableOrderBdf(new FiniteVolumeTest.SphereDiffusion(mesh, d, flux), 2, 1e-9);
        bdf.start(0, c, 1e-4);
        while (bdf.time() < tEnd) bdf.step(tEnd, 1e-12);
        double exact = org.cellwright.solver.physics.ParticleDiffusion.crankSurface(c0, flux, R, d, tEnd, 4000);
        return Math.abs(mesh.surfaceValue(bdf.state(), 0, d, flux) - exact) / (c0 - exact);
    }

    /**
     * The parabolic face flows converge at second order or better on the constant-flux sphere's analytic solution
     * (the order measured from 12, 24 and 48 shells), and are more accurate than the linear ones on the same shells.
     */
    @Test
    void parabolicFaceFlowsConvergeAtSecondOrderOnCranksSolution() {
        SphericalMesh.FaceFlux p = SphericalMesh.FaceFlux.PARABOLIC;
        double e1 = crankSurfaceError(12, p), e2 = crankSurfaceError(24, p), e3 = crankSurfaceError(48, p);
        double order1 = Math.log(e1 / e2) / Math.log(2), order2 = Math.log(e2 / e3) / Math.log(2);
        assertTrue(order1 > 1.8 && order2 > 1.8, "orders " + order1 + ", " + order2 + " (errors " + e1 + ", " + e2 + ", " + e3 + ")");
        assertTrue(e2 < crankSurfaceError(24, SphericalMesh.FaceFlux.LINEAR), "24 shells: parabolic " + e2 + " against linear");
    }
}

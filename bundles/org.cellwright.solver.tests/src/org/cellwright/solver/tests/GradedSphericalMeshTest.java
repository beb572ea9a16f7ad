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
}

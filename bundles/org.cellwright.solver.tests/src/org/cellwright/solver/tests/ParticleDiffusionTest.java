package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.physics.ParticleDiffusion;
import org.junit.jupiter.api.Test;

/** Spherical diffusion against Crank's series solution (The Mathematics of Diffusion, 1975, eq. 6.60). */
class ParticleDiffusionTest {
    static final double R = 5e-6, D = 1e-14, C0 = 20000, FLUX = 2e-5; // outward flux, mol/(m2 s)

    static double simulate(int shells, double dt, double tEnd) {
        return simulate(new ParticleDiffusion(R, shells, D), dt, tEnd);
    }

    static double simulate(ParticleDiffusion p, double dt, double tEnd) {
        int shells = p.shells();
        double[] c = new double[shells];
        java.util.Arrays.fill(c, C0);
        int steps = (int) Math.round(tEnd / dt);
        p.prepare(dt);
        for (int k = 0; k < steps; k++) p.step(c, 0, FLUX);
        return p.surface(c, 0, FLUX);
    }

    @Test
    void tanRootsSatisfyTanEqualsArgument() {
        for (int n = 1; n < 6; n++) {
            double a = ParticleDiffusion.tanRoot(n);
            assertEquals(a, Math.tan(a), 1e-8 * a);
        }
        assertEquals(4.4934, ParticleDiffusion.tanRoot(1), 1e-4);
    }

    @Test
    void surfaceConcentrationMatchesCrankSeries() {
        double t = 1000; // tau = 0.4
        double exact = ParticleDiffusion.crankSurface(C0, FLUX, R, D, t, 200);
        double num = simulate(80, 0.25, t);
        double drop = C0 - exact;
        assertTrue(drop > 1000, "the test must see a real concentration drop");
        assertEquals(exact, num, 2e-3 * drop);
    }

    @Test
    void lithiumIsConservedExactly() {
        ParticleDiffusion p = new ParticleDiffusion(R, 17, D);
        double[] c = new double[17];
        java.util.Arrays.fill(c, C0);
        p.prepare(3.0);
        for (int k = 0; k < 200; k++) p.step(c, 0, FLUX);
        double expected = C0 - 3 * FLUX * 600 / R; // average drops by 3 N t / R
        assertEquals(expected, p.average(c, 0), 1e-9 * C0);
    }

    @Test
    void meshConvergenceIsSecondOrder() {
        double t = 200, dt = 0.05;
        double exact = ParticleDiffusion.crankSurface(C0, FLUX, R, D, t, 400);
        // time error at dt = 0.05 s is removed by comparing against the same dt on a much finer mesh
        double ref = simulate(640, dt, t);
        double e1 = Math.abs(simulate(10, dt, t) - ref);
        double e2 = Math.abs(simulate(20, dt, t) - ref);
        double e3 = Math.abs(simulate(40, dt, t) - ref);
        double order1 = Math.log(e1 / e2) / Math.log(2), order2 = Math.log(e2 / e3) / Math.log(2);
        assertTrue(order1 > 1.7 && order2 > 1.7, "orders " + order1 + ", " + order2);
        assertEquals(exact, ref, 1e-3 * (C0 - exact));
    }

    @Test
    void timeConvergenceIsFirstOrder() {
        double t = 400;
        double ref = simulate(40, 0.05, t);
        double e1 = Math.abs(simulate(40, 8, t) - ref);
        double e2 = Math.abs(simulate(40, 4, t) - ref);
        double e3 = Math.abs(simulate(40, 2, t) - ref);
        double order1 = Math.log(e1 / e2) / Math.log(2), order2 = Math.log(e2 / e3) / Math.log(2);
        assertEquals(1.0, order1, 0.15, "order " + order1);
        assertEquals(1.0, order2, 0.15, "order " + order2);
    }

    @Test
    void shellsThinningTowardsTheSurfaceResolveAThinBoundaryLayer() {
        // 5 s of flux: the depletion layer is sqrt(D t) = 0.045 R thick, as at the end of a discharge into the
        // diffusivity drop of NCM811; 24 equal shells are 0.042 R thick, the default mesh's outermost 0.0022 R
        double t = 5, dt = t / 400;
        double exact = ParticleDiffusion.crankSurface(C0, FLUX, R, D, t, 2000), drop = C0 - exact;
        double graded = simulate(new ParticleDiffusion(R, 24, D), dt, t);
        double equal = simulate(new ParticleDiffusion(R, 24, D, 1), dt, t);
        assertEquals(exact, graded, 5e-3 * drop);
        assertTrue(Math.abs(equal - exact) > 0.03 * drop, "equal shells: " + (equal - exact) / drop);
    }

    /**
     * The composite cathode's particles take their surface concentration from the stored step, c_s = c_s,0 + (dc_s/dN) N
     * ({@code prepareStored}, {@code surfaceResponse}): it must be the surface the full step gives, the last shell's
     * centre extrapolated over the gap to the surface by Fick's law, c_n - N gap / D, and so converge to Crank's series
     * (mutation audit, session 18: a gap term of the wrong sign in the response passed every test).
     */
    @Test
    void theStoredStepsSurfaceIsTheFullStepsSurfaceAndCranksSeries() {
        int n = 20;
        double dt = 0.25, t = 1000, exact = ParticleDiffusion.crankSurface(C0, FLUX, R, D, t, 200);
        for (double refinement : new double[] {ParticleDiffusion.SURFACE_REFINEMENT, 1}) {
            ParticleDiffusion p = new ParticleDiffusion(R, n, D, refinement);
            double[] c = new double[n], base = new double[n], unit = new double[n];
            java.util.Arrays.fill(c, C0);
            double stored = Double.NaN;
            for (int k = 0; k < Math.round(t / dt); k++) {
                double c0 = p.prepareStored(dt, c, 0, base, unit, 0);
                stored = c0 + p.surfaceResponse() * FLUX;
                p.stepStored(c, 0, base, unit, 0, FLUX);
                assertEquals(p.surface(c, 0, FLUX), stored, 1e-9 * C0, "refinement " + refinement + ", step " + k);
            }
            double gapDrop = p.mesh().surfaceGap() * FLUX / D;
            if (refinement == 1) assertTrue(gapDrop > 0.01 * (C0 - exact), "the gap's share of the drop must be visible: " + gapDrop);
            assertEquals(exact, stored, 2e-3 * (C0 - exact), "refinement " + refinement);
        }
    }

    /**
     * BDF2 in the stored step ({@code prepareStoredBdf2}, the composite cathode's particles): the first step backward
     * Euler, then BDF2 with steps growing by 1.5 per step up to the last (variable steps as the step control takes
     * them); halving all steps quarters the error against a fine reference (second order, where backward Euler halves
     * it, {@link #timeConvergenceIsFirstOrder}), and the Li leaving the particle is exactly dt A N per step under a
     * flux that changes every step.
     */
    /**
     * A diffusivity that depends on the stoichiometry only above a knee (NCM811's drop near full lithiation): a stored
     * step at a state whose every face lies below the knee takes the constant-D matrix, kept factored per step length
     * beside the per-particle one (session 40), and gives the bits of a particle without the dependence; between
     * such steps a step above the knee, a step of another length and one after a change of D give theirs. (Mutation
     * check: the kept matrix keyed without the step length, or without D, fails here.)
     */
    @Test
    void aStoredStepBelowTheDiffusivitysKneeIsTheConstantDiffusivitysToTheBit() {
        int n = 20;
        double cmax = 50000, knee = 0.8;
        ParticleDiffusion dependent = new ParticleDiffusion(R, n, D), constant = new ParticleDiffusion(R, n, D);
        dependent.setConcentrationDependence(x -> x <= knee ? 1.0 : Math.exp(-35 * (x - knee)), cmax);
        double[] below = new double[n], above = new double[n];
        for (int i = 0; i < n; i++) {
            below[i] = cmax * (0.5 + 0.01 * i); // 0.5 .. 0.69
            above[i] = cmax * (0.7 + 0.012 * i); // crosses the knee
        }
        double[] dtD = {1, 1, 2, 2, 1}, dD = {D, D, D, 2 * D, 2 * D};
        for (int s = 0; s < dtD.length; s++) {
            double dt = dtD[s];
            dependent.setDiffusivity(dD[s]);
            constant.setDiffusivity(dD[s]);
            double[] b1 = new double[n], u1 = new double[n], b2 = new double[n], u2 = new double[n];
            double c1 = dependent.prepareStored(dt, below, 0, below, 0, b1, u1, 0);
            assertTrue(dependent.preparedConstant() && dependent.constantAt(below, 0), "step " + s + ": below the knee");
            double r1 = dependent.storedResponse();
            double c2 = constant.prepareStored(dt, below, 0, below, 0, b2, u2, 0);
            assertEquals(Double.doubleToRawLongBits(c2), Double.doubleToRawLongBits(c1), "step " + s + ": zero-flux surface");
            assertEquals(Double.doubleToRawLongBits(constant.storedResponse()), Double.doubleToRawLongBits(r1), "step " + s + ": response");
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToRawLongBits(b2[i]), Double.doubleToRawLongBits(b1[i]), "step " + s + ": shell " + i);
                assertEquals(Double.doubleToRawLongBits(u2[i]), Double.doubleToRawLongBits(u1[i]), "step " + s + ": unit response " + i);
            }
            // a step with D(c) above the knee in between: its own matrix, a smaller response than the constant D's
            dependent.prepareStored(dt, below, 0, above, 0, b1, u1, 0);
            assertFalse(dependent.preparedConstant() || dependent.constantAt(above, 0), "step " + s + ": above the knee");
            assertTrue(Math.abs(dependent.storedResponse()) > Math.abs(r1), "step " + s + ": the drop slows the surface's refill");
        }
    }

    @Test
    void bdf2StoredStepIsSecondOrderAndConservesLithium() {
        double t = 400;
        double ref = bdf2(40, t, 0.01, false);
        double e1 = Math.abs(bdf2(40, t, 16, false) - ref), e2 = Math.abs(bdf2(40, t, 8, false) - ref), e3 = Math.abs(bdf2(40, t, 4, false) - ref);
        double order1 = Math.log(e1 / e2) / Math.log(2), order2 = Math.log(e2 / e3) / Math.log(2);
        assertEquals(2.0, order1, 0.3, "order " + order1);
        assertEquals(2.0, order2, 0.3, "order " + order2);
        assertTrue(e1 < 0.2 * Math.abs(simulate(40, 16, t) - ref), "BDF2 at 16 s against backward Euler: " + e1);
        bdf2(17, t, 8, true); // asserts conservation at every step
    }

    /** Surface concentration after tEnd with steps 1, 1.5, 2.25 ... up to hMax (scaled by hMax / 16), BDF2 after the first. */
    static double bdf2(int shells, double tEnd, double hMax, boolean varyFlux) {
        ParticleDiffusion p = new ParticleDiffusion(R, shells, D);
        double[] c = new double[shells], prev = new double[shells], base = new double[shells], unit = new double[shells];
        java.util.Arrays.fill(c, C0);
        double t = 0, hPrev = Double.NaN, h = hMax / 16, flux = FLUX, removed = 0, start = p.average(c, 0);
        int k = 0;
        while (t < tEnd - 1e-9) {
            h = Math.min(h, tEnd - t);
            if (varyFlux) flux = FLUX * (1 + 0.5 * Math.sin(k++));
            double[] cn = c.clone();
            if (Double.isNaN(hPrev) || h > ParticleDiffusion.BDF2_MAX_RATIO * hPrev) p.prepareStored(h, c, 0, base, unit, 0);
            else p.prepareStoredBdf2(h, hPrev, c, prev, 0, c, 0, base, unit, 0);
            p.stepStored(c, 0, base, unit, 0, flux);
            prev = cn;
            removed += 3 * flux * h / R;
            if (varyFlux) assertEquals(start - removed, p.average(c, 0), 1e-12 * C0, "lithium at t = " + (t + h));
            t += h;
            hPrev = h;
            h = Math.min(1.5 * h, hMax);
        }
        return p.surface(c, 0, flux);
    }
}

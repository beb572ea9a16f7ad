package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;

import org.cellwright.solver.physics.ParticleDiffusion;
import org.cellwright.solver.physics.ParticleShellError;
import org.junit.jupiter.api.Test;

/**
 * The particle shells' error of a surface concentration, measured by the run from two shadow particles on its shells
 * and twice as many (ParticleShellError, session 40; docs/solid-state-solver.md "Session 40"), against the exact error:
 * Crank's constant-flux sphere (The Mathematics of Diffusion, 1975, eq. 6.60) lithiated from a uniform state, the
 * solver's particle on graded shells with fine time steps (2000), whose surface error is then its shells'. In the
 * transient, where the layer the flux fills is a few shells deep (tau = D t / R^2 = 0.004 and 0.04), the estimate is
 * within 3-4 % of the exact error with 20 shells, 3 % with 10, 7-13 % with 40 (20 shells: 14.71 against 15.09 mol/m3,
 * 22.87 against 23.81).
 */
class ParticleShellErrorTest {
    static final double R = 5e-6, D = 1e-15, C0 = 10000, FLUX = -1e-5;

    /** {the run's surface error against Crank's, the estimate} [mol/m3] after t [s] with so many shells. */
    static double[] errorAndEstimate(int shells, double t) {
        int steps = 2000;
        ParticleDiffusion p = new ParticleDiffusion(R, shells, D);
        ParticleShellError e = new ParticleShellError(R, shells, D, 1, C0);
        double[] c = new double[shells];
        Arrays.fill(c, C0);
        double dt = t / steps;
        for (int i = 0; i < steps; i++) {
            p.prepare(dt);
            p.step(c, 0, FLUX);
            e.advance(0, dt, FLUX);
        }
        return new double[] {p.surface(c, 0, FLUX) - ParticleDiffusion.crankSurface(C0, FLUX, R, D, t, 200), e.surfaceError(0, FLUX)};
    }

    @Test
    void theShellsErrorOfACrankSpheresSurfaceIsMeasuredFromTheShadowParticles() {
        for (double t : new double[] {100, 1000}) // tau 0.004, 0.04
            for (int shells : new int[] {10, 20, 40}) {
                double[] r = errorAndEstimate(shells, t);
                assertTrue(Math.abs(r[0]) > 1, "an error to measure: " + r[0]);
                assertEquals(r[0], r[1], 0.15 * Math.abs(r[0]), shells + " shells after " + t + " s");
            }
    }

    @Test
    void theShellsErrorIsSecondOrderAsTheEstimateAssumes() {
        // halving the spacing quarters the error (4.4 and 4.6 from 10 to 20 to 40 shells at tau 0.04), the order
        // ParticleShellError.ORDER takes
        double e10 = errorAndEstimate(10, 1000)[0], e20 = errorAndEstimate(20, 1000)[0], e40 = errorAndEstimate(40, 1000)[0];
        assertEquals(ParticleShellError.ORDER, Math.log(e10 / e20) / Math.log(2), 0.3);
        assertEquals(ParticleShellError.ORDER, Math.log(e20 / e40) / Math.log(2), 0.3);
    }
}

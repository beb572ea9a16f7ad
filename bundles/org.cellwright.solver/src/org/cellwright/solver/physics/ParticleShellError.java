package org.cellwright.solver.physics;

import java.util.function.DoubleUnaryOperator;

/**
 * The particle shells' error of each surface concentration, measured a posteriori from the run's own fluxes (numerics;
 * docs/solid-state-solver.md "Session 40"). Beside the electrode's particles run two shadow particles per control
 * volume, one on the run's shells and one on {@link #RATIO} times as many, both driven by the flux the electrode's
 * particle took in each committed time step, both backward Euler with D(c) at the step's start: they differ by the
 * shells alone, so Richardson's estimate of the coarse one's error, (c_coarse - c_fine) r^p / (r^p - 1) with the
 * scheme's order p = 2 (finite volumes with parabolic face flows on a smooth graded map, {@link ParticleDiffusion};
 * Richardson, Phil. Trans. R. Soc. A 210 (1911) 307), is the run's own figure for its surface concentration's mesh
 * error, whatever the history of charges, discharges and rests was. It is no part of the solution: the electrode's
 * particles are not changed by it. What it does not see: the error of the fluxes themselves (the control volumes'
 * share), which moves both shadows alike: {@link ControlVolumeError} measures that.
 */
public final class ParticleShellError {
    /**
     * The volumes whose particles get shadows: one per fifth of the electrode's thickness, the volume at its middle,
     * whose error stands for its block's (the shadows on every volume cost about 30 % of a run's CPU, session 40; on
     * five, the estimates of the cold cases within 2 % of every volume's).
     */
    public static final int SAMPLES = 5;
    /** The fine shadow's shells per run's shell. */
    public static final int RATIO = 2;
    /** The order of the shells' error (finite volumes, parabolic face flows, a smooth graded map: second order). */
    public static final double ORDER = 2;
    private final ParticleDiffusion coarse, fine;
    private final double[] cc, cf;
    private final int m, mf;

    /** For nodes particles of the given radius and shells, all at concentration c0 [mol/m3]. */
    public ParticleShellError(double radius, int shells, double diffusivity, int nodes, double c0) {
        m = shells;
        mf = RATIO * shells;
        coarse = new ParticleDiffusion(radius, m, diffusivity);
        fine = new ParticleDiffusion(radius, mf, diffusivity);
        cc = new double[nodes * m];
        cf = new double[nodes * mf];
        java.util.Arrays.fill(cc, c0);
        java.util.Arrays.fill(cf, c0);
    }

    /** D(x) = D factor(x), as the electrode's particles take it. */
    public void setConcentrationDependence(DoubleUnaryOperator factor, double cmax) {
        coarse.setConcentrationDependence(factor, cmax);
        fine.setConcentrationDependence(factor, cmax);
    }

    public void setDiffusivity(double d) {
        coarse.setDiffusivity(d);
        fine.setDiffusivity(d);
    }

    /** Whether D(c) acts (the electrode's particles take it while lithiating only). */
    public void setConcentrationDependenceActive(boolean active) {
        coarse.setConcentrationDependenceActive(active);
        fine.setConcentrationDependenceActive(active);
    }

    /** Advances node k's shadows by dt [s] with the outward flux N [mol/(m2 s)] the electrode's particle took. */
    public void advance(int k, double dt, double flux) {
        coarse.advance(dt, cc, k * m, flux);
        fine.advance(dt, cf, k * mf, flux);
    }

    /** The estimated error [mol/m3] of node k's surface concentration on the run's shells at the outward flux N. */
    public double surfaceError(int k, double flux) {
        double r = Math.pow(RATIO, ORDER);
        return (coarse.surface(cc, k * m, flux) - fine.surface(cf, k * mf, flux)) * r / (r - 1);
    }
}

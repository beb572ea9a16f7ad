package org.cellwright.solver.physics;

import org.cellwright.solver.numerics.TridiagonalSolver;
import org.cellwright.solver.numerics.fv.SphericalMesh;

/**
 * Fickian diffusion in a spherical particle, dc/dt = (1/r^2) d/dr (D r^2 dc/dr), with an outward surface flux
 * N = -D dc/dr|_R [mol/(m2 s)] (Crank, The Mathematics of Diffusion, 2nd ed., 1975, eq. 6.3). Finite volumes on
 * M radial shells thinning towards the surface ({@link #SURFACE_REFINEMENT}; the mesh and its backward Euler matrix
 * are {@link SphericalMesh#graded}'s, its face flows exact for a parabolic profile, {@link SphericalMesh.FaceFlux#PARABOLIC}),
 * backward Euler in time (or BDF2, {@link #prepareStoredBdf2}); the surface value is extrapolated from the outermost
 * shell with the flux condition. For constant D the step is linear, so the surface concentration after a step is
 * {@code c_s = base + response * N}: {@link #prepare} computes the response to a unit flux once per time step
 * and {@link #surfaceWithoutFlux} the base per particle, which lets the electrode solve eliminate the particles.
 */
public final class ParticleDiffusion {
    private final int m;
    private final SphericalMesh mesh;
    private final double[] lo, di, up, rhs, tmp, unit;
    private final TridiagonalSolver tri;
    private double diffusivity;
    private double preparedDt = Double.NaN, preparedD = Double.NaN, stepDt;
    private double surfaceResponse; // d c_s / d N [mol/m3 per mol/(m2 s)]
    private java.util.function.DoubleUnaryOperator factor; // D(x)/D, x = c/cmax; null = constant
    private boolean factorActive = true;
    private double cmax = 1;
    private final double[] faceD;

    /**
     * Ratio of the innermost shell's thickness to the outermost's in the default mesh: the shells thin geometrically
     * towards the surface, where a discharge into the diffusivity drop near full lithiation ends in a boundary layer
     * a few percent of the radius thick (WorkPrecisionBenchmark, 1 C discharge: with equal shells the capacity is
     * 1.9 % off with 30 shells and still 0.6 % with 120; thinning 100:1, 0.01 % with 24). A fixed ratio is a smooth
     * map of equal shells, so the mesh converges at the same order as equal shells when refined. 150 with the
     * parabolic face flows and 32 shells (session 30, {@code bench work-precision --temperatures}: with 24
     * shells 100:1 leaves the 1 C discharge at 0 degC 0.12 % off in capacity and 300:1 the 5 C discharge 1.6 mV off in
     * voltage; with 32, 150:1 and 200:1 meet both targets on every case, 150:1 with the larger margin at 5 C); since
     * session 31 the default's shells, 20 or 32 (since session 33 20, 32 or 48), are chosen from the protocol
     * ({@code org.cellwright.solver.ParticleShells}).
     */
    public static final double SURFACE_REFINEMENT = 150;

    public ParticleDiffusion(double radius, int shells, double diffusivity) {
        this(radius, shells, diffusivity, SURFACE_REFINEMENT);
    }

    /**
     * Shells whose thicknesses fall geometrically from the centre to the surface, the innermost
     * {@code refinement} times the outermost (1 = equal shells).
     */
    public ParticleDiffusion(double radius, int shells, double diffusivity, double refinement) {
        this.mesh = SphericalMesh.graded(radius, shells, refinement, SphericalMesh.FaceFlux.PARABOLIC);
        this.m = shells;
        this.diffusivity = diffusivity;
        lo = new double[m];
        di = new double[m];
        up = new double[m];
        rhs = new double[m];
        tmp = new double[m];
        unit = new double[m];
        tri = new TridiagonalSolver(m);
        constantTri = new TridiagonalSolver(m);
        constantUnit = new double[m];
        faceD = new double[m + 1];
    }

    /**
     * Makes the diffusivity depend on the stoichiometry x = c/cmax through D(x) = D factor(x), evaluated at the
     * start of each step (linearly implicit: the step stays linear, first order in time like backward Euler).
     */
    public void setConcentrationDependence(java.util.function.DoubleUnaryOperator factor, double cmax) {
        this.factor = factor;
        this.cmax = cmax;
        preparedDt = Double.NaN;
    }

    public boolean concentrationDependent() { return factor != null && factorActive; }

    /** Switches the concentration dependence on or off (e.g. only while the particle is lithiated). */
    public void setConcentrationDependenceActive(boolean active) { factorActive = active; }

    /** As {@link #prepare(double)} with face diffusivities from the shell state c (offset). */
    public void prepare(double dt, double[] c, int offset) {
        if (factor == null || !factorActive) { prepare(dt); return; }
        faceDiffusivities(c, offset);
        build(dt);
        preparedDt = Double.NaN; // per-particle matrices are never cached
    }

    /** faceD from the shell state c (offset): D(x) at each interior face (x the mean of its shells) and at the surface. */
    private void faceDiffusivities(double[] c, int offset) {
        double half = 0.5 / cmax; // x at a face: the mean of its shells
        for (int i = 1; i < m; i++) faceD[i] = diffusivity * factor.applyAsDouble((c[offset + i - 1] + c[offset + i]) * half);
        faceD[m] = diffusivity * factor.applyAsDouble(c[offset + m - 1] / cmax);
    }

    /**
     * The step's matrix for dt with D(c) at the shell state eval (evalOffset), factored, and the solve for rhs (the
     * shells' V c at the step's start) into out (outOffset), with the unit-flux response into unit: as
     * {@link #prepare(double, double[], int)} then {@link TridiagonalSolver#solveFactored}, to the last bit, with the
     * elimination and both solves in one sweep each way ({@link TridiagonalSolver#factorSolve}). Without an active
     * concentration dependence, the cached matrix of {@link #prepare(double)} and one solve; with D(c) = D at every face,
     * the constant-D matrix of dt kept factored beside the per-particle one, and one solve. The stored steps leave
     * {@link #step}'s and {@link #surfaceWithoutFlux}'s matrix to {@link #prepare} (no caller mixes them).
     */
    private void prepareAndSolve(double dt, double[] eval, int evalOffset, double[] out, int outOffset) {
        if (factor == null || !factorActive) {
            prepare(dt);
            tri.solveFactored(rhs, 0, out, outOffset);
            preparedConstant = true;
            return;
        }
        faceDiffusivities(eval, evalOffset);
        stepDt = dt;
        preparedConstant = true;
        for (int i = 1; i <= m && preparedConstant; i++) preparedConstant = faceD[i] == diffusivity;
        if (preparedConstant) {
            // D(c) = D at every face (every face below the knee of a diffusivity drop): the matrix of a constant D for
            // dt, built and factored once and kept (its own elimination, beside the per-particle one), then one solve
            if (!(dt == constantDt && diffusivity == constantD)) {
                mesh.backwardEulerMatrix(dt, faceD, lo, di, up);
                constantTri.factor(lo, di, up, m);
                constantTri.solveFactoredLast(-dt * mesh.area(m), constantUnit);
                constantResponse = constantUnit[m - 1] - mesh.surfaceGap() / faceD[m];
                constantDt = dt;
                constantD = diffusivity;
            }
            constantTri.solveFactored(rhs, 0, out, outOffset);
            System.arraycopy(constantUnit, 0, unit, 0, m);
            surfaceResponse = constantResponse;
            return;
        }
        mesh.backwardEulerMatrix(dt, faceD, lo, di, up);
        tri.factorSolve(lo, di, up, m, rhs, 0, out, outOffset, -dt * mesh.area(m), unit);
        surfaceResponse = unit[m - 1] - mesh.surfaceGap() / faceD[m];
        preparedDt = Double.NaN; // per-particle matrices are never cached
    }

    /** The matrix of a constant D for constantDt and constantD, factored, its unit-flux response and surface's (prepareAndSolve). */
    private final TridiagonalSolver constantTri;
    private final double[] constantUnit;
    private double constantDt = Double.NaN, constantD = Double.NaN, constantResponse;
    /** Whether the last {@link #prepareStored} or {@link #prepareStoredBdf2} had D(c) = D at every face. */
    private boolean preparedConstant;

    /**
     * Whether the last {@link #prepareStored} or {@link #prepareStoredBdf2} took D(c) = D at every face (or had no
     * concentration dependence): its results then do not depend on the state D(c) was evaluated at, as long as that
     * state also gives D everywhere ({@link #constantAt}).
     */
    public boolean preparedConstant() { return preparedConstant; }

    /**
     * Whether the shell state c (offset) gives D(c) = D at every face (as a step prepared at it takes them), or the
     * diffusivity has no active concentration dependence. From the surface inwards: a lithiating particle's outer
     * faces cross the knee first.
     */
    public boolean constantAt(double[] c, int offset) {
        if (factor == null || !factorActive) return true;
        if (diffusivity * factor.applyAsDouble(c[offset + m - 1] / cmax) != diffusivity) return false;
        double half = 0.5 / cmax;
        for (int i = m - 1; i >= 1; i--)
            if (diffusivity * factor.applyAsDouble((c[offset + i - 1] + c[offset + i]) * half) != diffusivity) return false;
        return true;
    }

    public int shells() { return m; }
    public double radius() { return mesh.radius(); }
    /** The shells. */
    public SphericalMesh mesh() { return mesh; }
    public void setDiffusivity(double d) { diffusivity = d; }
    public double diffusivity() { return diffusivity; }

    /** Builds the step matrix for dt and the response of the surface concentration to a unit outward flux. */
    public void prepare(double dt) {
        if (dt == preparedDt && diffusivity == preparedD) return;
        java.util.Arrays.fill(faceD, diffusivity);
        build(dt);
        preparedDt = dt;
        preparedD = diffusivity;
    }

    private void build(double dt) {
        stepDt = dt;
        mesh.backwardEulerMatrix(dt, faceD, lo, di, up);
        tri.factor(lo, di, up, m);
        // response to N = 1 from c_old = 0
        tri.solveFactoredLast(-dt * mesh.area(m), unit);
        surfaceResponse = unit[m - 1] - mesh.surfaceGap() / faceD[m];
    }

    /** d c_surface / d N after {@link #prepare}. */
    public double surfaceResponse() { return surfaceResponse; }

    /**
     * Prepares the step for one particle and stores its zero-flux solution and unit-flux response, so that
     * {@link #stepStored} can finish the step for any flux without another solve. Returns the zero-flux surface
     * concentration; {@link #surfaceResponse()} gives d c_s / d N.
     */
    public double prepareStored(double dt, double[] c, int offset, double[] baseOut, double[] unitOut, int outOffset) {
        return prepareStored(dt, c, offset, c, offset, baseOut, unitOut, outOffset);
    }

    /**
     * As {@link #prepareStored(double, double[], int, double[], double[], int)} with the concentration-dependent
     * diffusivity evaluated at another shell state (eval, evalOffset), e.g. the state at the end of the step: then
     * D(c) is implicit like the rest of the step (Picard iteration by the caller).
     */
    public double prepareStored(double dt, double[] c, int offset, double[] eval, int evalOffset, double[] baseOut,
            double[] unitOut, int outOffset) {
        for (int i = 0; i < m; i++) rhs[i] = mesh.volume(i) * c[offset + i];
        prepareAndSolve(dt, eval, evalOffset, baseOut, outOffset);
        System.arraycopy(unit, 0, unitOut, outOffset, m);
        storedResponse = surfaceResponse;
        return baseOut[outOffset + m - 1];
    }

    /**
     * Largest ratio of a time step to the one before it at which {@link #prepareStoredBdf2} is used (the callers take
     * backward Euler beyond it): variable-step BDF2 is zero-stable for ratios below 1 + sqrt(2) (Hairer, Norsett and
     * Wanner, Solving Ordinary Differential Equations I, 2nd ed., 1993, sec. III.5); the step control grows steps by
     * at most 2.
     */
    public static final double BDF2_MAX_RATIO = 2.0;

    /** d c_surface / d N of the last {@link #prepareStored} or {@link #prepareStoredBdf2} (with its correction). */
    public double storedResponse() { return storedResponse; }

    private double storedResponse;

    /**
     * As {@link #prepareStored(double, double[], int, double[], int, double[], double[], int)}, second order in time:
     * the variable-step BDF2 step (Hairer, Norsett and Wanner 1993, sec. III.5, eq. 5.1'),
     * a c_{n+1} - (1 + w) c_n + w^2/(1 + w) c_{n-1} = dt f(c_{n+1}), a = (1 + 2w)/(1 + w), w = dt / dtPrevious, written
     * as a backward Euler step of length dt / a from c* = ((1 + w) c_n - w^2/(1 + w) c_{n-1}) / a (one matrix, the
     * same linear response to the flux). Backward Euler's error in the surface concentration is first order in dt and
     * accumulates over a pulse (cell 6 at -20 degC: the diffusion overpotential at a 15 min pulse's end 2.6 mV off
     * with the default steps, 0.2 mV with 10 s steps). BDF2 alone changes the particle's Li by
     * dt a^-1 A N + (w^2 / ((1 + w) a)) (its change in the step before), which equals dt A N only while N stays: the
     * difference, (w dt / (1 + 2 w)) A (N_n - N_{n+1}), is spread uniformly over the shells (a uniform shift does not
     * diffuse), so that the Li leaving the particle is exactly dt A N, as the cell's charge counts it.
     * cPrevious: the shell state before c's step.
     */
    public double prepareStoredBdf2(double dt, double dtPrevious, double[] c, double[] cPrevious, int offset, double[] eval,
            int evalOffset, double[] baseOut, double[] unitOut, int outOffset) {
        double w = dt / dtPrevious, a = (1 + 2 * w) / (1 + w), cn = (1 + w) / a, cp = w * w / ((1 + w) * a);
        double dtEff = dt / a;
        double massN = 0, massStar = 0, total = 0;
        for (int i = 0; i < m; i++) {
            double v = mesh.volume(i), star = cn * c[offset + i] - cp * cPrevious[offset + i];
            rhs[i] = v * star;
            massN += v * c[offset + i];
            massStar += v * star;
            total += v;
        }
        prepareAndSolve(dtEff, eval, evalOffset, baseOut, outOffset);
        double shiftBase = (massN - massStar) / total, shiftUnit = -(dt - dtEff) * mesh.area(m) / total;
        for (int i = 0; i < m; i++) {
            baseOut[outOffset + i] += shiftBase;
            unitOut[outOffset + i] = unit[i] + shiftUnit;
        }
        storedResponse = surfaceResponse + shiftUnit;
        return baseOut[outOffset + m - 1];
    }

    /** Finishes a step prepared with {@link #prepareStored}: c = base + N unit. */
    public void stepStored(double[] c, int offset, double[] base, double[] unitResponse, int storedOffset, double flux) {
        for (int i = 0; i < m; i++) c[offset + i] = base[storedOffset + i] + flux * unitResponse[storedOffset + i];
    }

    /** Surface concentration after the prepared step with zero flux, from shell concentrations cOld (offset). */
    public double surfaceWithoutFlux(double[] cOld, int offset) {
        for (int i = 0; i < m; i++) rhs[i] = mesh.volume(i) * cOld[offset + i];
        tri.solveFactored(rhs, tmp);
        return tmp[m - 1];
    }

    /** Advances shells in place by the prepared dt with outward flux N [mol/(m2 s)]. */
    public void step(double[] c, int offset, double flux) {
        for (int i = 0; i < m; i++) rhs[i] = mesh.volume(i) * c[offset + i];
        rhs[m - 1] -= stepDt * mesh.area(m) * flux;
        tri.solveFactored(rhs, tmp);
        System.arraycopy(tmp, 0, c, offset, m);
    }

    /**
     * Advances shells in place by dt with the outward flux N [mol/(m2 s)], backward Euler with D(c) at the step's start
     * (linearly implicit): one tridiagonal solve, no surface response (the shadow particles of {@link ParticleShellError}).
     */
    public void advance(double dt, double[] c, int offset, double flux) {
        if (factor == null || !factorActive) java.util.Arrays.fill(faceD, diffusivity);
        else {
            double half = 0.5 / cmax;
            for (int i = 1; i < m; i++) faceD[i] = diffusivity * factor.applyAsDouble((c[offset + i - 1] + c[offset + i]) * half);
        }
        mesh.backwardEulerMatrix(dt, faceD, lo, di, up);
        preparedDt = Double.NaN; // the matrices prepare keeps are overwritten
        for (int i = 0; i < m; i++) rhs[i] = mesh.volume(i) * c[offset + i];
        rhs[m - 1] -= dt * mesh.area(m) * flux;
        tri.solve(lo, di, up, rhs, tmp, m);
        System.arraycopy(tmp, 0, c, offset, m);
    }

    /** Surface concentration of the given shell state and outward flux. */
    public double surface(double[] c, int offset, double flux) {
        double d = factor == null || !factorActive ? diffusivity : diffusivity * factor.applyAsDouble(c[offset + m - 1] / cmax);
        return mesh.surfaceValue(c, offset, d, flux);
    }

    /** Volume-averaged concentration. */
    public double average(double[] c, int offset) { return mesh.average(c, offset); }

    /**
     * Analytic surface concentration for a constant outward flux N from a uniform c0 (Crank 1975, eq. 6.60 with
     * r = R): c_s = c0 - (N R / D) [3 tau + 1/5 - 2 sum exp(-a_n^2 tau)/a_n^2], tau = D t / R^2, a_n the positive
     * roots of a cot a = 1 (tan a = a).
     */
    public static double crankSurface(double c0, double flux, double radius, double d, double t, int terms) {
        double tau = d * t / (radius * radius);
        double s = 0;
        for (int n = 1; n <= terms; n++) {
            double a = tanRoot(n);
            s += Math.exp(-a * a * tau) / (a * a);
        }
        return c0 - flux * radius / d * (3 * tau + 0.2 - 2 * s);
    }

    /** n-th positive root of tan a = a (n >= 1), in (n pi, n pi + pi/2). */
    public static double tanRoot(int n) {
        double lo = n * Math.PI + 1e-12, hi = n * Math.PI + Math.PI / 2 - 1e-12;
        for (int k = 0; k < 200; k++) {
            double mid = 0.5 * (lo + hi);
            if (Math.tan(mid) - mid > 0) hi = mid; else lo = mid;
        }
        return 0.5 * (lo + hi);
    }
}

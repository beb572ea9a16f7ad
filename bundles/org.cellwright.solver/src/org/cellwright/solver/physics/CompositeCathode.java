package org.cellwright.solver.physics;

import static org.cellwright.solver.input.MaterialProperty.*;

import java.util.function.DoubleUnaryOperator;

import org.cellwright.solver.LithiumInventory;
import org.cellwright.solver.OverpotentialKind;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.dfn.ExchangeCurrentLaw;
import org.cellwright.solver.numerics.BandedMatrix;
import org.cellwright.solver.numerics.CubicHermiteTable;
import org.cellwright.solver.numerics.NewtonSolver;
import org.cellwright.solver.numerics.fv.FaceConductance;
import org.cellwright.solver.numerics.fv.Mesh1D;

/**
 * Pseudo-two-dimensional composite cathode with a single-ion solid electrolyte (Doyle, Fuller and Newman,
 * J. Electrochem. Soc. 1993, with transference number 1 so the electrolyte is purely ohmic: Bielefeld et al.,
 * J. Phys. Chem. C 2019). Through the thickness (x = 0 at the separator, x = L at the current collector), N
 * control volumes ({@link Mesh1D}) carry the SE potential phi_e, the solid potential phi_s and the reaction current j
 * per particle surface; charge balances d(i_e)/dx = a j and d(i_s)/dx = -a j with i = -sigma_eff dphi/dx,
 * sigma_eff from Bruggeman, the face flows from {@link FaceConductance}; Butler-Volmer kinetics j = i0 [exp(alpha F eta/RT) - exp(-(1-alpha) F eta/RT)],
 * eta = phi_s - phi_e - U(c_s/c_max); i0 = i0_half 2 sqrt(x_s (1 - x_s)) (Chen 2020 form), or the material's
 * exchange-current law of the state i0(c_s, c_max, T) ({@link MaterialSpec#exchangeCurrentLaw()}); spherical particle
 * diffusion ({@link ParticleDiffusion}). Arrhenius temperature dependence of all transport and kinetic
 * coefficients, the cathode-electrolyte interphase's growth and conduction included
 * ({@link CathodeElectrolyteInterphase}). Backward Euler in time, Newton on the 3N unknowns (potentials and the
 * log of each surface's vacancy fraction, see {@link #solveSystem}) with a banded Jacobian; particles are eliminated
 * per step through their linear surface response, with the concentration-dependent diffusivity at the end of the
 * step (Picard iteration).
 */
public final class CompositeCathode implements ElectrodeModel {
    private static final double LN10 = Math.log(10);
    /**
     * Electrons per formula unit of oxidised argyrodite, Li6PS5Cl -> LiCl + 1/2 P2S5 + 5/2 S + 5 Li+ + 5 e-
     * (oxidation products S, P2Sx and LiCl: Auvergniot et al., Chem. Mater. 2017, DOI 10.1021/acs.chemmater.6b04883).
     */
    public static final double OXIDATION_ELECTRONS = 5;
    private final String name;
    private final MaterialSpec am;
    private final DoubleUnaryOperator ocp;
    private final int n, m;
    private final double thickness, cmax, phiAm, a, rcc;
    /** The control volumes through the thickness: N cells over [0, L]. */
    private final Mesh1D mesh;
    /** Width of the control volumes [m] (the reaction current of a volume per geometric area is a j dx). */
    private final double dx;
    private final double activeLoading;
    private final LayerComposition comp;
    private final double dRef, eaD, i0Ref, eaI0, alpha, tref;
    /**
     * The active material's exchange current as a law of the state, i0(c_e, c_s, c_max, T) with its Arrhenius factor,
     * or null for the fixed form from i0Ref (see {@link #i0}). A single-ion solid electrolyte has no salt
     * concentration: the law gets c_e = NaN (the language refuses a law of ce in a solid-state cell).
     */
    private final ExchangeCurrentLaw i0Law;
    /** alpha = 1/2: the cathodic exponential is the inverse of the anodic one (one exp per Butler-Volmer term). */
    private final boolean symmetric;
    private final ParticleDiffusion particle;
    /** The shells' error of the surface concentrations, from two shadow particles per volume (numerics: {@link #shellVoltageError}). */
    private final ParticleShellError shellError;
    /**
     * The control volumes' error of the potential, from a shadow of this electrode on half its volumes driven by its
     * currents (numerics: {@link #volumeVoltageError}); null in a shadow, or where the volumes do not halve.
     */
    private final ControlVolumeError volumeError;
    /** Whether this electrode is another's shadow ({@link ControlVolumeError}): it measures no error of its own. */
    private final boolean shadow;
    private final double[] c;          // committed shell concentrations, n*m
    private final double[] u, uTrial;  // [phi_e, phi_s, j] per node
    private final double[] base;       // surface concentration without flux, per node
    private final double[] resp;       // d c_s / d j per node
    private final double[] baseShells, unitShells; // zero-flux solution and unit-flux response per node
    private final double[] endShells;   // shell state at the end of the trial step (D(c) evaluated there)
    /**
     * Shell concentrations before the last committed step and before the one before it, and the two steps' lengths
     * (NaN: none to extrapolate from).
     */
    private final double[] previous, previous2;
    private double previousDt = Double.NaN, previousDt2 = Double.NaN;
    private double storedDt = Double.NaN;
    private boolean stored, particleLithiating = true;
    /** The next time step is an electrical step's first (see {@link #prepareParticle}). */
    private boolean restart = true;
    /** Whether residuals solve each particle's D(c) at its own end state (see {@link #implicitCurrent}). */
    private boolean implicitParticles;
    private final NewtonSolver newton;
    /**
     * Intervals of the cubic Hermite table of the diffusivity's drop above its knee, exp(-rate (x - knee)) on [knee, 1]
     * ({@link CubicHermiteTable}; session 39): its error h^4 / 384 max |f''''| is below 1e-14 of the drop's least value
     * at the study's 3.05 decades over 0.2 (rate 35), at rounding: the 200 cycles 4-7 % less CPU, their retention the
     * same to 5 digits, the study's 20 cycles' capacities within 1e-5 of the exp's (the time steps move a little)
     * (docs/solid-state-solver.md, "Speed").
     */
    static final int DIFFUSIVITY_DROP_TABLE = 4096;
    /** The tables by knee and rate, built once (immutable; runs in parallel share them), at most 65 of 128 kB. */
    private static final java.util.Map<java.util.List<Double>, CubicHermiteTable> DROP_TABLES = new java.util.concurrent.ConcurrentHashMap<>();
    /** Relative tolerance of {@link #implicitCurrent}'s fixed point: converged outright. */
    static final double FIXED_POINT_TOLERANCE = 1e-13;
    /**
     * Relative width of the bracket of {@link #implicitCurrent}'s fixed point within which it accepts an iterate (G's
     * rounding floor lies near 1e-12): the relative tolerance of the electrode's Newton solves ({@link #solveSystem}).
     */
    static final double FIXED_POINT_FLOOR = 1e-10;
    /** Calls of {@link #implicitCurrent}, the particle solves they made, those without convergence ({@link #particleStatistics}). */
    private long implicitCurrents, particleSolves, implicitFailures;
    /** Newton of a step at a set potential: the 3N unknowns and the current (see {@link #currentAtPotential}). */
    private final NewtonSolver pcNewton;
    private final double[] uPc;
    /**
     * The step length of the last solve at a set potential since the last commit, or NaN: its solution is in uPc and
     * its particles' implicit responses (base, resp, baseShells, unitShells) are still those of that solution.
     */
    private double pcSolvedDt = Double.NaN;
    private boolean pcSolvedLithiating;
    /** The set potential of the current collector [V] while solving at a set potential, NaN otherwise. */
    private double targetPotential = Double.NaN;
    private final Sys sys = new Sys();
    private final SolverSettings settings;
    private double temperature;
    /**
     * Conductances [S/m2] of the faces between volumes (SE and solid) and from the first volume's centre to the
     * separator, the last one's to the current collector (half a volume: SE and solid), at the temperature set last.
     */
    private double gIonic, gElectronic, gIonicSeparator, gElectronicCollector;
    /** 2 i0_half k(T): the exchange current's factor at the temperature set last (see {@link #i0}). */
    private double i0Scale;
    // cathode-electrolyte interphase on the active surface: parabolic growth, film resistance in series with BV
    private final CathodeElectrolyteInterphase cei;
    private double filmR;
    // parasitic oxidation of the catholyte by the interphase growth: charge per metre of film per geometric area,
    // current of the last trial [A/m2] and the charge passed so far [C/m2] (its Li+ leaves the catholyte)
    private final double oxidationCharge;
    private double sideCurrent, sideCharge;
    private double lastI, lastDt;
    private double etaKin, etaDiff, etaOhm;
    private boolean trialOk;
    private double surfaceChange;
    private final double controlFrom; // stoichiometry above which the outer shell's change limits the step
    private final double[] filling; // particleFilling's values
    /**
     * Per node, the step length its particle was last prepared for with D(c) = D at every face since the last commit
     * ({@link ParticleDiffusion#preparedConstant}), NaN if not: a Picard iterate or a fixed-point iterate of
     * {@link #implicitCurrent} at a state that also gives D everywhere leaves it as it is (the diffusivity's drop
     * above its knee: 17 % of the 200 cycles' particle preparations, session 40).
     */
    private final double[] constantSince;

    public CompositeCathode(String name, LayerSpec layer, double rcc, CellSpec cell, SolverSettings settings) {
        this(name, layer, rcc, cell, settings, null);
    }

    /**
     * With the catholyte's material (density and molar mass): the interphase grows by oxidising it, which takes
     * {@link #OXIDATION_ELECTRONS} electrons per formula unit from the external circuit (a parasitic current).
     */
    public CompositeCathode(String name, LayerSpec layer, double rcc, CellSpec cell, SolverSettings settings,
            MaterialSpec electrolyte) {
        this(name, layer, rcc, cell, settings, electrolyte, false);
    }

    /** shadow: another electrode's ({@link ControlVolumeError}), which measures no error of its own. */
    private CompositeCathode(String name, LayerSpec layer, double rcc, CellSpec cell, SolverSettings settings,
            MaterialSpec electrolyte, boolean shadow) {
        this.name = name;
        this.shadow = shadow;
        this.settings = settings;
        this.comp = new LayerComposition(layer);
        this.am = comp.activeMaterial();
        this.ocp = am.ocv();
        this.rcc = rcc;
        // settings that leave the control volumes or the shells to the protocol, given here without it (not through
        // Simulation): the fine meshes
        this.n = settings.cathodeNodes() == SolverSettings.CATHODE_NODES_FROM_PROTOCOL
                ? org.cellwright.solver.CathodeVolumes.forRun(cell, null) : settings.cathodeNodes();
        this.m = settings.particleNodes() == SolverSettings.PARTICLE_NODES_FROM_PROTOCOL
                ? org.cellwright.solver.ParticleShells.forRun(cell, null) : settings.particleNodes();
        this.thickness = layer.thickness();
        this.mesh = new Mesh1D(0, thickness, n);
        this.dx = mesh.width();
        this.cmax = am.require(MAX_CONCENTRATION);
        this.phiAm = comp.volumeFraction(am);
        double rp = layer.particleRadius();
        this.a = 3 * phiAm / rp;
        this.activeLoading = comp.massPerArea(am);
        this.dRef = am.get(DIFFUSIVITY, 1e-14);
        this.eaD = am.get(DIFFUSION_ACTIVATION_ENERGY, 0);
        this.i0Ref = am.get(EXCHANGE_CURRENT_DENSITY, 1.0);
        this.eaI0 = am.get(EXCHANGE_CURRENT_ACTIVATION_ENERGY, 0);
        this.i0Law = am.exchangeCurrentLaw();
        this.alpha = am.get(TRANSFER_COEFFICIENT, 0.5);
        this.symmetric = alpha == 0.5;
        this.tref = am.get(REFERENCE_TEMPERATURE, Constants.T_REF);
        this.particle = new ParticleDiffusion(rp, m, dRef);
        this.shellError = new ParticleShellError(rp, m, dRef, Math.min(n, ParticleShellError.SAMPLES), am.get(INITIAL_STOICHIOMETRY, 0.9) * am.require(MAX_CONCENTRATION));
        this.c = new double[n * m];
        java.util.Arrays.fill(c, am.get(INITIAL_STOICHIOMETRY, 0.9) * cmax);
        this.u = new double[3 * n];
        this.uTrial = new double[3 * n];
        this.base = new double[n];
        this.resp = new double[n];
        this.baseShells = new double[n * m];
        this.unitShells = new double[n * m];
        this.endShells = new double[n * m];
        this.previous = new double[n * m];
        this.previous2 = new double[n * m];
        this.filling = new double[n];
        this.constantSince = new double[n];
        java.util.Arrays.fill(constantSince, Double.NaN);
        double knee = am.get(DIFFUSIVITY_DROP_STOICHIOMETRY, Double.NaN);
        this.controlFrom = !Double.isNaN(knee) && decadesOf(am) > 0 ? Math.min(knee, 0.9) : 0.9;
        double decades = am.get(DIFFUSIVITY_DROP_DECADES, 0);
        if (!Double.isNaN(knee) && decades > 0) {
            double span = 1 - knee, rate = decades * LN10 / span; // D falls by 'decades' decades over the span
            // D(x) / D = exp(-rate (x - knee)) above the knee, evaluated at every particle face in every particle solve (the
            // line of the 200 cycles' profile with the most samples, 11 %): through its cubic Hermite table (DIFFUSIVITY_DROP_TABLE)
            if (DROP_TABLES.size() > 64) DROP_TABLES.clear(); // a fit of the knee or the depth makes a table per trial value
            CubicHermiteTable drop = DROP_TABLES.computeIfAbsent(java.util.List.of(knee, rate), key -> new CubicHermiteTable(
                    x -> Math.exp(-rate * (x - knee)), x -> -rate * Math.exp(-rate * (x - knee)), knee, 1, DIFFUSIVITY_DROP_TABLE));
            double full = Math.exp(-rate * span);
            DoubleUnaryOperator factor = x -> x <= knee ? 1.0 : x >= 1 ? full : drop.value(x);
            particle.setConcentrationDependence(factor, cmax);
            shellError.setConcentrationDependence(factor, cmax); // the shadows take the particles' D(x), the same function
        }
        double u0 = ocp.applyAsDouble(am.get(INITIAL_STOICHIOMETRY, 0.9));
        for (int k = 0; k < n; k++) u[3 * k + 1] = u0;
        this.newton = new NewtonSolver(3 * n, 3, 3);
        this.pcNewton = new NewtonSolver(3 * n + 1, 3, 3);
        this.uPc = new double[3 * n + 1];
        this.cei = CathodeElectrolyteInterphase.of(am);
        int half = n / ControlVolumeError.RATIO;
        this.volumeError = shadow || n % ControlVolumeError.RATIO != 0 || half < 2 ? null : new ControlVolumeError(new CompositeCathode(
                name, layer, rcc, cell, settings.toBuilder().cathodeNodes(half).particleNodes(m).build(), electrolyte, true), n, half);
        double rho = electrolyte == null ? Double.NaN : electrolyte.get(DENSITY, Double.NaN);
        double mm = electrolyte == null ? Double.NaN : electrolyte.get(MOLAR_MASS, Double.NaN);
        // charge per interphase volume [C/m3] x active surface per geometric area [m2/m2]
        this.oxidationCharge = rho > 0 && mm > 0 ? OXIDATION_ELECTRONS * Constants.F * rho / mm * a * thickness : 0;
        setConditions(cell.temperature(), cell.stackPressure());
    }

    private static double decadesOf(MaterialSpec am) { return am.get(DIFFUSIVITY_DROP_DECADES, 0); }

    /**
     * The particles' diffusion number at a current density i [A/m2] through the layer and temperature T [K]: the
     * surface gradient of a particle under the mean reaction flux N = i R / (3 eps_am L F) (Fick, N = -D dc/dr|_R),
     * scaled by c_max / R, beta = i R^2 / (3 F eps_am L D(T) c_max) (D below the diffusivity drop, with its Arrhenius
     * law as {@link #setConditions} takes it). Under a constant flux the surface settles beta c_max / 5 below the
     * particle's mean (Crank 1975, eq. 6.60 at long times): how steep a profile the particle mesh must resolve. 0
     * without an active material, NaN where the layer lacks a value it needs.
     */
    public static double diffusionNumber(LayerSpec layer, double currentDensity, double temperature) {
        LayerComposition comp = new LayerComposition(layer);
        MaterialSpec am = comp.activeMaterial();
        if (am == null) return 0;
        double d = am.get(DIFFUSIVITY, 1e-14) * Constants.arrhenius(am.get(DIFFUSION_ACTIVATION_ENERGY, 0), temperature,
                am.get(REFERENCE_TEMPERATURE, Constants.T_REF));
        double r = layer.particleRadius();
        return Math.abs(currentDensity) * r * r
                / (3 * Constants.F * comp.volumeFraction(am) * layer.thickness() * d * am.get(MAX_CONCENTRATION, Double.NaN));
    }

    /**
     * The layer's dimensionless current at a current density i [A/m2] through it and temperature T [K], delta = |i| L F
     * / (R T) (1/kappa_eff + 1/sigma_eff) (Newman and Tobias, J. Electrochem. Soc. 109 (1962) 1183; Newman, Electrochemical
     * Systems, 3rd ed. 2004, sec. 22.4): the ohmic drop of the current across the layer's electrolyte and solid in units
     * of RT/F, with the effective conductivities as {@link #setConditions} takes them (Bruggeman, Arrhenius). Where it
     * exceeds a few, the kinetics concentrate the reaction within about L / delta of the face where the current enters
     * the poorer conductor (the separator's, for a solid electrolyte far below the solid's conductivity), and the
     * particles there fill first: how narrow a reaction zone the control volumes through the thickness must resolve.
     * 0 without current, NaN where the layer lacks a conductivity.
     */
    public static double dimensionlessCurrent(LayerSpec layer, double currentDensity, double temperature) {
        LayerComposition comp = new LayerComposition(layer);
        double kappa = comp.effectiveConductivity(IONIC_CONDUCTIVITY, temperature);
        double sigma = comp.effectiveConductivity(ELECTRONIC_CONDUCTIVITY, temperature);
        if (currentDensity == 0) return 0;
        if (!(kappa > 0 && sigma > 0)) return Double.NaN;
        return Math.abs(currentDensity) * layer.thickness() * Constants.F / (Constants.R * temperature) * (1 / kappa + 1 / sigma);
    }

    /** Active-material mass per area [kg/m2]. */
    public double activeLoading() { return activeLoading; }

    /** Solid diffusivity [m2/s] at the temperature set last (below the diffusivity drop). */
    public double solidDiffusivity() { return particle.diffusivity(); }

    /** Exchange current density [A/m2] at half filling, at the temperature set last. */
    public double exchangeCurrentAtHalfFilling() { return i0(0.5, 0.5); }

    /** Mean stoichiometry of the committed state. */
    public double stoichiometry() {
        double s = 0;
        for (int k = 0; k < n; k++) s += particle.average(c, k * m);
        return s / (n * cmax);
    }

    /** Li capacity per unit stoichiometry [C/m2]. */
    public double capacityPerStoichiometry() { return cmax * phiAm * thickness * Constants.F; }

    @Override public String name() { return name; }

    /**
     * {implicit currents, particle solves, failures}: how often a residual at a set potential solved a node's current
     * with its particle's D(c) at the end state ({@link #implicitCurrent}), the particle steps (matrix built and
     * factored) that took, and how many of those currents did not converge.
     */
    public long[] particleStatistics() { return new long[] {implicitCurrents, particleSolves, implicitFailures}; }

    /** Newton statistics {solves, iterations, failures} of this electrode. */
    public long[] solverStatistics() { return newton.statistics(); }

    @Override
    public void setConditions(double t, double p) {
        temperature = t;
        double kappa = comp.effectiveConductivity(IONIC_CONDUCTIVITY, t);
        double sigma = comp.effectiveConductivity(ELECTRONIC_CONDUCTIVITY, t);
        gIonic = FaceConductance.interior(mesh, kappa);
        gElectronic = FaceConductance.interior(mesh, sigma);
        gIonicSeparator = FaceConductance.toEnd(mesh, kappa);
        gElectronicCollector = FaceConductance.toEnd(mesh, sigma);
        particle.setDiffusivity(dRef * Constants.arrhenius(eaD, t, tref));
        shellError.setDiffusivity(dRef * Constants.arrhenius(eaD, t, tref));
        cei.setTemperature(t);
        if (volumeError != null) volumeError.setConditions(t, p);
        i0Scale = i0Ref * Constants.arrhenius(eaI0, t, tref) * 2;
        stored = false;
        pcSolvedDt = Double.NaN;
        forgetConstantPreparations();
    }

    @Override public double openCircuitPotential() { return ocp.applyAsDouble(stoichiometry()); }

    /**
     * Exchange current density [A/m2] at surface stoichiometry xs and vacancy fraction vs = 1 - xs: the material's law
     * at c_s = xs c_max if it has one, else 2 i0(1/2) sqrt(xs vs) (Chen 2020 form) with the Arrhenius factor.
     */
    private double i0(double xs, double vs) {
        if (i0Law != null) return i0Law.at(Double.NaN, xs * cmax, cmax, temperature);
        return i0Scale * Math.sqrt(Math.max(0, xs * vs));
    }

    /**
     * d i0 / d xs at surface stoichiometry xs (vacancy vs = 1 - xs): analytic for the fixed form; for a law, a central
     * difference with a step relative to the nearer end of [0, 1] (1e-4 of it, at least 1e-14, inside the interval),
     * since a law like sqrt(cmax - cs) is steep where the surface nears saturation.
     */
    private double exchangeCurrentSlope(double xs, double vs, double i0) {
        if (!(xs > 0 && vs > 0)) return 0;
        if (i0Law == null) return i0 * (vs - xs) / (2 * xs * vs); // d vs / d xs = -1
        double end = Math.min(xs, vs), h = Math.min(Math.max(1e-4 * end, 1e-14), 0.5 * end);
        return (i0(xs + h, vs - h) - i0(xs - h, vs + h)) / (2 * h);
    }

    /**
     * Vacancy fraction 1 - x_s of node k's particle surface at reaction current j, computed from the distance of the
     * zero-flux surface value to saturation, so that it keeps its digits where x_s rounds to 1 (near the end of a
     * discharge the kinetics need 1 - x_s down to ~1e-13).
     */
    private double vacancy(int k, double j) {
        return ((cmax - base[k]) - resp[k] * j) / cmax;
    }

    @Override
    public double trial(double dt, double current) {
        prepareTrial(dt, current < 0);
        lastI = current - sideCurrent;
        // initial guess: the last solution's potentials and reaction distribution scaled to the new current (near
        // full lithiation the reaction front moves into the electrode: a uniform guess would saturate the surface
        // of the nodes near the separator and fail a step that has a solution); then a uniform distribution
        trialOk = false;
        double jLast = 0;
        for (int k = 0; k < n; k++) jLast += u[3 * k + 2] * a * dx;
        if (current != 0 && jLast != 0 && Math.signum(jLast) == Math.signum(current)) {
            System.arraycopy(u, 0, uTrial, 0, u.length);
            double scale = current / jLast;
            for (int k = 0; k < n; k++) uTrial[3 * k + 2] = u[3 * k + 2] * scale;
            trialOk = solveSystem(uTrial, newton, true);
        }
        if (!trialOk) {
            System.arraycopy(u, 0, uTrial, 0, u.length);
            double j0 = current / (a * thickness);
            for (int k = 0; k < n; k++) uTrial[3 * k + 2] = j0;
            trialOk = solveSystem();
        }
        if (!trialOk || particle.concentrationDependent() && !picard()) return Double.NaN;
        return finishTrial(current);
    }

    /**
     * A time step at a set potential E [V] of the current collector: Newton on the 3N unknowns and the current
     * (potentials referred to the electrolyte at the first node, so that the current enters only the last node's
     * solid balance and the condition on E, and the Jacobian stays banded), with each particle's D(c) at its own end
     * state. Where the particle surfaces saturate, the current the electrode carries tends to a limit while the
     * potential falls without bound (i0 ~ sqrt(1 - x_s)): at a set current the step is ill-conditioned there (the
     * potential rests on the last digits of the current), at a set potential it is not. Returns the anodic current
     * [A/m2] (the trial state is that of this current), NaN if the step has no solution.
     */
    @Override
    public double currentAtPotential(double dt, double potential, double guess) {
        if (!(guess != 0)) return Double.NaN;
        boolean warm = dt == pcSolvedDt && pcSolvedLithiating == guess < 0;
        prepareTrial(dt, guess < 0, warm);
        double iGuess = guess - sideCurrent;
        // initial guess: the solution of the last solve at a set potential of this step if there is one (the
        // callers' secant and bisection iterations on the current and the voltage call this with nearby potentials:
        // Newton then needs a few residuals instead of ~10), else the committed distribution scaled to the guess,
        // potentials shifted to the reference
        if (!warm) {
            System.arraycopy(u, 0, uPc, 0, 3 * n);
            double jLast = 0;
            for (int k = 0; k < n; k++) jLast += u[3 * k + 2] * a * dx;
            double scale = jLast != 0 && Math.signum(jLast) == Math.signum(iGuess) ? iGuess / jLast : 0;
            double shift = uPc[0];
            for (int k = 0; k < n; k++) {
                uPc[3 * k] -= shift;
                uPc[3 * k + 1] -= shift;
                uPc[3 * k + 2] = scale != 0 ? u[3 * k + 2] * scale : iGuess / (a * thickness);
            }
            uPc[3 * n] = iGuess;
        }
        pcSolvedDt = Double.NaN; // uPc and the particles' responses are overwritten by this solve
        lastI = iGuess;
        targetPotential = potential;
        implicitParticles = particle.concentrationDependent();
        storedDt = Double.NaN; // base and resp will belong to this solve: no reuse by another trial
        boolean ok;
        try {
            ok = solveSystem(uPc, pcNewton);
        } finally {
            implicitParticles = false;
            targetPotential = Double.NaN;
        }
        if (!ok || !Double.isFinite(uPc[3 * n])) return Double.NaN;
        pcSolvedDt = dt;
        pcSolvedLithiating = particleLithiating;
        lastI = uPc[3 * n];
        double iEc = lastI + sideCurrent;
        // back to the potentials of a current-controlled step (electrolyte at the separator boundary = 0)
        double back = lastI / gIonicSeparator;
        for (int k = 0; k < n; k++) {
            uTrial[3 * k] = uPc[3 * k] + back;
            uTrial[3 * k + 1] = uPc[3 * k + 1] + back;
            uTrial[3 * k + 2] = uPc[3 * k + 2];
        }
        trialOk = true;
        finishTrial(iEc);
        return iEc;
    }

    /**
     * Work shared by the trials of one step: the particles' linear response for dt (reused while dt stays), the
     * diffusivity's concentration dependence switched to the current's direction, the interphase's growth.
     */
    private void prepareTrial(double dt, boolean lithiating) { prepareTrial(dt, lithiating, false); }

    /** As {@link #prepareTrial(double, boolean)}; keepParticles: the particles' responses of the last solve stay. */
    private void prepareTrial(double dt, boolean lithiating, boolean keepParticles) {
        lastDt = dt;
        if (lithiating != particleLithiating) {
            // the hindered diffusion near full lithiation acts on Li insertion only (Kasnatscheew et al., PCCP
            // 2016: the first-cycle loss of layered oxides is a kinetic limit of re-lithiation)
            particleLithiating = lithiating;
            particle.setConcentrationDependenceActive(lithiating);
            shellError.setConcentrationDependenceActive(lithiating);
            stored = false;
            previousDt = Double.NaN;
            previousDt2 = Double.NaN;
            forgetConstantPreparations();
        }
        if (!keepParticles && !(stored && dt == storedDt)) {
            pcSolvedDt = Double.NaN;
            // per-particle linear response, reused by every trial of the same dt and by commit; with D(c), D at the
            // end state extrapolated from the last two steps by the parabola through the three states (the last step
            // alone: linearly); the Picard iteration then starts within ~1e-4 of its fixed point instead of the
            // lagged D's ~1e-2 and mostly needs no re-solve or one instead of three
            boolean extrapolate = particle.concentrationDependent() && previousDt > 0;
            if (extrapolate) {
                double h1 = previousDt, h2 = previousDt2;
                if (h2 > 0) {
                    for (int i = 0; i < n * m; i++) {
                        double d1 = (c[i] - previous[i]) / h1, d0 = (previous[i] - previous2[i]) / h2;
                        endShells[i] = c[i] + d1 * dt + (d1 - d0) / (h1 + h2) * dt * (dt + h1);
                    }
                } else {
                    double ratio = dt / previousDt;
                    for (int i = 0; i < n * m; i++) endShells[i] = c[i] + (c[i] - previous[i]) * ratio;
                }
            }
            for (int k = 0; k < n; k++) {
                prepareParticle(k, dt, extrapolate ? endShells : c); // base[k], resp[k] = d c_s / d j
            }
            stored = true;
            storedDt = dt;
        }
        // cathode-electrolyte interphase (Koerver et al., Chem. Mater. 2017, DOI 10.1021/acs.chemmater.7b00931):
        // parabolic growth L^2 = L0^2 + 2 k(T) t, film resistance L / kappa(T) per active surface area
        double ceiL = cei.thickness(), trialCeiL = cei.trial(dt);
        filmR = cei.resistance();
        // the film grows by oxidising the catholyte: a parasitic anodic current i_ox = n F (rho/M) S dL/dt beside
        // the intercalation current (spread like it; its share of the ohmic drops is neglected, ~1e-6 of I)
        sideCurrent = dt > 0 ? oxidationCharge * (trialCeiL - ceiL) / dt : 0;
    }

    /**
     * D(c) at the end of the step by Picard iteration over the whole electrode: with D lagged at the start, a surface
     * nearing saturation, where D drops, could carry in the next step less than in this one even for dt -> 0, and
     * the discharge would stop before the kinetics drive the voltage down to its cut-off. Converged when the surface
     * responses change by less than the relative tolerance of the settings (before: 1e-6 at every tolerance; the
     * work-precision errors at the default 1e-4 are the same, and 200 cycles take a fifth less time), or when the
     * solve after a change is estimated within the tolerance of the fixed point from the contraction of the last two
     * changes, theta / (1 - theta) times the change (Hairer and Wanner, Solving Ordinary Differential Equations II,
     * 2nd ed., 1996, sec. IV.8, eq. 8.10): that saves the round of particle solves that would only confirm it.
     * Returns false if an iterate has no solution or the iteration does not converge.
     */
    private boolean picard() {
        double previousChange = Double.NaN;
        for (int it = 0; it < 8; it++) {
            for (int k = 0; k < n; k++)
                for (int i = 0; i < m; i++)
                    endShells[k * m + i] = baseShells[k * m + i] + unitShells[k * m + i] * uTrial[3 * k + 2] / Constants.F;
            double change = 0;
            for (int k = 0; k < n; k++) {
                double r0 = resp[k];
                prepareParticle(k, lastDt, endShells);
                change = Math.max(change, Math.abs(resp[k] - r0) / Math.abs(r0));
            }
            storedDt = Double.NaN; // base and resp now belong to this current: no reuse by another trial
            // converged when no particle's surface response moves by more than the relative tolerance
            if (change < settings.relativeTolerance()) return true;
            if (!solveSystem(uTrial, newton, true)) return false;
            double theta = change / previousChange; // NaN at the first change: no estimate yet
            if (theta < 1 && theta / (1 - theta) * change < settings.relativeTolerance()) return true;
            previousChange = change;
        }
        return false;
    }

    /**
     * Current j [A/m2] of node k at surface vacancy fraction vs with each particle's D(c) at its own end state: j
     * solves j = ((c_max - c_base(j)) - v_s c_max) / (dc_s/dj)(j), where the zero-flux surface value c_base and the
     * response dc_s/dj come from the particle step with D at the end state that j gives (fixed-point iteration,
     * warm-started from the node's last response: a contraction, one particle's D changes little with its own flux
     * within a step). Near saturation the Picard iteration over the whole electrode fails: its first iterate (D
     * lagged) moves the most current a nearly saturated surface takes by a few 1e-3, below the current set. Here the
     * current a surface takes tends to its limit as v_s -> 0. NaN if it does not converge.
     */
    private double implicitCurrent(int k, double vs) {
        // the fixed point j = G(j) as the root of h(j) = G(j) - j, which falls with j (G contracts): secant steps
        // until h changes sign, then the Illinois variant of regula falsi inside the bracket (Dowell and Jarratt, BIT
        // 1971). G has kinks (D(c) is piecewise in the stoichiometry, shells cross the knee as j changes): plain
        // secant steps across a kink cycle around the root, converging by ~1/2 per 4 solves and often not within
        // 40; the bracket converges superlinearly on either side of a kink. A secant step that leaves the region
        // where G is defined falls back to the plain step
        implicitCurrents++;
        double j = currentOf(k, vs), jPrev = Double.NaN, hPrev = Double.NaN;
        double up = Double.NaN, hUp = Double.NaN, down = Double.NaN, hDown = Double.NaN; // h(up) > 0 > h(down)
        int lastSide = 0;
        for (int it = 0; it < 40; it++) {
            double next = currentAt(k, vs, j);
            if (!Double.isFinite(next)) {
                if (!Double.isNaN(up) && !Double.isNaN(down)) { j = 0.5 * (up + down); continue; }
                if (Double.isNaN(jPrev)) return Double.NaN;
                j = jPrev + hPrev; // the secant step left the domain: plain step from the last good iterate
                jPrev = Double.NaN;
                continue;
            }
            double h = next - j;
            if (Math.abs(h) <= FIXED_POINT_TOLERANCE * Math.abs(next)) return next;
            int side = h > 0 ? 1 : -1;
            if (side > 0) { up = j; hUp = h; } else { down = j; hDown = h; }
            if (!Double.isNaN(up) && !Double.isNaN(down)) {
                // bracketed: at G's rounding floor (its surface value is taken from c_max, a vacancy of a few percent
                // or less loses digits) h stalls near 1e-12 of j; a bracket within the electrode's Newton tolerance
                // is as close as G can tell
                if (Math.abs(up - down) <= FIXED_POINT_FLOOR * Math.abs(next)) return next;
                if (side == lastSide) { if (side > 0) hDown *= 0.5; else hUp *= 0.5; } // Illinois: the stale end's h halved
                double x = (up * hDown - down * hUp) / (hDown - hUp);
                j = x > Math.min(up, down) && x < Math.max(up, down) ? x : 0.5 * (up + down);
            } else {
                double secant = Double.isNaN(jPrev) || h == hPrev ? next : j - h * (j - jPrev) / (h - hPrev);
                jPrev = j;
                hPrev = h;
                j = Double.isFinite(secant) ? secant : next;
            }
            lastSide = side;
        }
        implicitFailures++;
        return Double.NaN;
    }

    /**
     * The step of node k's particle for dt, D(c) evaluated at the shell state eval: its zero-flux solution and
     * unit-flux response (baseShells, unitShells), the surface's (base[k], resp[k] = d c_s / d j). BDF2
     * ({@link ParticleDiffusion#prepareStoredBdf2}) from the last two committed states, second order in time; backward
     * Euler at an electrical step's first time step (the current jumps: a multistep method restarts at a
     * discontinuity), after the diffusivity's direction switched, and where dt grew more than
     * {@link ParticleDiffusion#BDF2_MAX_RATIO} times over the step before.
     */
    private void prepareParticle(int k, double dt, double[] eval) {
        // the last preparation of this particle since the commit was for dt with D(c) = D at every face, and eval gives
        // D everywhere too: its step (base, resp, baseShells, unitShells) is that one's, to the last bit
        if (constantSince[k] == dt && particle.constantAt(eval, k * m)) return;
        boolean bdf2 = !restart && previousDt > 0 && dt <= ParticleDiffusion.BDF2_MAX_RATIO * previousDt;
        base[k] = bdf2 ? particle.prepareStoredBdf2(dt, previousDt, c, previous, k * m, eval, k * m, baseShells, unitShells, k * m)
                : particle.prepareStored(dt, c, k * m, eval, k * m, baseShells, unitShells, k * m);
        resp[k] = particle.storedResponse() / Constants.F;
        constantSince[k] = particle.preparedConstant() ? dt : Double.NaN;
    }

    /** Forgets the particles' constant-D preparations (the committed state, the diffusivity or the method changed). */
    private void forgetConstantPreparations() { java.util.Arrays.fill(constantSince, Double.NaN); }

    /** An electrical step starts (its current or voltage set anew): the particles' next time step is backward Euler. */
    @Override
    public void startStep() {
        if (volumeError != null) volumeError.startStep();
        restart = true;
        stored = false;
        forgetConstantPreparations();
    }

    /** G(j): the current node k takes at surface vacancy fraction vs with its particle's D(c) at the end state j gives. */
    private double currentAt(int k, double vs, double j) {
        particleSolves++;
        for (int i = 0; i < m; i++)
            endShells[k * m + i] = baseShells[k * m + i] + unitShells[k * m + i] * j / Constants.F;
        prepareParticle(k, lastDt, endShells);
        return currentOf(k, vs);
    }

    private double finishTrial(double current) {
        double e = uTrial[3 * (n - 1) + 1] + current / gElectronicCollector + current * rcc;
        decompose(e);
        // change of the outermost shell (continuous in time, unlike the surface value, which jumps with the flux)
        // counted above the diffusivity knee only (or the last 10 % before saturation), while lithiating: there
        // the lagged D(c) and the approach to saturation need short steps; elsewhere the voltage controls the step
        surfaceChange = 0;
        for (int k = 0; k < n && current < 0; k++) {
            int o = k * m + m - 1;
            double outer = baseShells[o] + unitShells[o] * uTrial[3 * k + 2] / Constants.F;
            surfaceChange = Math.max(surfaceChange,
                    Math.abs(Math.max(outer / cmax, controlFrom) - Math.max(c[o] / cmax, controlFrom)));
        }
        return e;
    }

    /**
     * Newton on uTrial, whose reaction currents j are the guess and the result. The unknown of each node's kinetics is
     * y = ln(1 - x_s), the log of the surface's vacancy fraction, not j: near saturation (the end of a discharge)
     * j = ((c_max - c_base) - c_max e^y) / (dc_s/dj) keeps its digits while 1 - x_s falls to 1e-13, where the
     * kinetics (i0 ~ sqrt(1 - x_s)) drive the voltage to its cut-off; with j as the unknown the residual would lose
     * all digits of 1 - x_s there. A guess outside the domain (a surface full or empty, e.g. after the diffusivity
     * dropped) starts half-way to the limit.
     */
    private boolean solveSystem() { return solveSystem(uTrial, newton, false); }

    private boolean solveSystem(double[] x, NewtonSolver solver) { return solveSystem(x, solver, false); }

    /** chordFirst: the system differs little from the one the solver solved last ({@link NewtonSolver#solveChordFirst}). */
    private boolean solveSystem(double[] x, NewtonSolver solver, boolean chordFirst) {
        for (int k = 0; k < n; k++) {
            double vs = vacancy(k, x[3 * k + 2]);
            double room = (cmax - base[k]) / cmax;
            if (!(room > 0) || !(base[k] > 0)) return false;
            if (!(vs > 0)) vs = 0.5 * room;
            if (!(vs < 1)) vs = 1 - 0.5 * base[k] / cmax;
            x[3 * k + 2] = Math.log(vs);
        }
        boolean ok = chordFirst ? solver.solveChordFirst(sys, x, 1e-10, 40) : solver.solve(sys, x, 1e-10, 40);
        for (int k = 0; k < n; k++) {
            double vs = Math.exp(x[3 * k + 2]);
            x[3 * k + 2] = implicitParticles ? implicitCurrent(k, vs) : currentOf(k, vs);
            if (Double.isNaN(x[3 * k + 2])) ok = false;
        }
        return ok;
    }

    /** Reaction current j [A/m2] of node k at surface vacancy fraction vs (inverse of {@link #vacancy}). */
    private double currentOf(int k, double vs) {
        return ((cmax - base[k]) - vs * cmax) / resp[k];
    }

    /** Largest change of a particle's outer-shell stoichiometry in the last trial (step control near saturation). */
    @Override public double stateChange() { return surfaceChange; }

    /** The outermost shells' stoichiometry, committed (continuous in time, unlike the surface value, which jumps with the flux). */
    @Override public double[] particleFilling() {
        for (int k = 0; k < n; k++) filling[k] = c[k * m + m - 1] / cmax;
        return filling;
    }

    /**
     * The overpotential breakdown of the trial step (docs/solid-state-solver.md, "The composite cathode's overpotential
     * breakdown"): the collector's potential e less U(x_mean) after the step split into kinetic (phi_s - phi_e -
     * U(x_surface)), diffusion (U(x_surface) - U(x_mean)) and the ohmic rest, each volume weighted by its share of the
     * reaction, w_k = |j_k| / sum |j| (uniform where no volume reacts). Wherever every volume runs the electrode's way
     * that is its share of the current, a j_k dx / I; the share of the current itself is no weight where the volumes
     * exchange lithium among themselves while the electrode carries almost nothing (a rest after a cold pulse, the net
     * current only the interphase's parasitic oxidation, of order 1e-9 A/m2): there it gave weights of +-1e5, and the 0.35 C
     * pulses of cell 6 at -30 degC read a kinetic part of -55 000 V and a diffusion part of +55 700 V in their rests
     * (session 38; the interlayer's breakdown weighs its sites by |j| alike, {@link MiecInterlayerElectrode}).
     */
    private void decompose(double e) {
        double xavg = 0;
        for (int k = 0; k < n; k++) xavg += particle.average(c, k * m);
        xavg /= n * cmax;
        // average stoichiometry after the step: committed minus the removed charge
        xavg -= lastI * lastDt / capacityPerStoichiometry();
        double uavg = ocp.applyAsDouble(xavg);
        double reaction = 0, kin = 0, diff = 0;
        for (int k = 0; k < n; k++) reaction += Math.abs(uTrial[3 * k + 2]);
        for (int k = 0; k < n; k++) {
            double j = uTrial[3 * k + 2];
            double w = reaction > 0 ? Math.abs(j) / reaction : 1.0 / n;
            double xs = (base[k] + resp[k] * j) / cmax;
            double uk = ocp.applyAsDouble(xs);
            double eta = uTrial[3 * k + 1] - uTrial[3 * k] - uk;
            kin += w * eta;
            diff += w * (uk - uavg);
        }
        etaKin = kin;
        etaDiff = diff;
        etaOhm = e - uavg - kin - diff;
    }

    @Override
    public void addOverpotentials(double[] out, double sign) {
        out[OverpotentialKind.CATHODE_KINETIC.ordinal()] += sign * etaKin;
        out[OverpotentialKind.CATHODE_DIFFUSION.ordinal()] += sign * etaDiff;
        out[OverpotentialKind.CATHODE_OHMIC.ordinal()] += sign * etaOhm;
    }

    @Override
    public void commit(PhysicsEvents events) {
        System.arraycopy(previous, 0, previous2, 0, c.length);
        previousDt2 = previousDt;
        System.arraycopy(c, 0, previous, 0, c.length);
        previousDt = lastDt;
        pcSolvedDt = Double.NaN;
        for (int k = 0; k < n; k++) particle.stepStored(c, k * m, baseShells, unitShells, k * m, uTrial[3 * k + 2] / Constants.F);
        if (!shadow) for (int b = 0; b < shellBlocks(); b++) shellError.advance(b, lastDt, uTrial[3 * shellSample(b) + 2] / Constants.F);
        if (volumeError != null) { // the shadow on half the volumes takes the step at the current this one carried
            double current = lastI + sideCurrent;
            volumeError.advance(lastDt, current, uTrial[3 * (n - 1) + 1] + current / gElectronicCollector + current * rcc);
        }
        stored = false;
        restart = false;
        forgetConstantPreparations();
        System.arraycopy(uTrial, 0, u, 0, u.length);
        cei.commit();
        sideCharge += sideCurrent * lastDt;
    }

    /** Thickness of the cathode-electrolyte interphase [m]. */
    public double interphaseThickness() { return cei.thickness(); }

    /** The cathode-electrolyte interphase (for inspection). */
    public CathodeElectrolyteInterphase interphase() { return cei; }

    @Override
    public LithiumInventory inventory() {
        double s = 0;
        for (int k = 0; k < n; k++) s += particle.average(c, k * m);
        // Li of the cathode composite counted from its assembled state: the active material's Li less the Li+
        // that the catholyte released when it was oxidised (it went to the negative electrode)
        return new LithiumInventory(0, 0, 0, 0, 0, 0, 0, s * phiAm * dx - sideCharge / Constants.F);
    }

    /**
     * The error [V] of the electrode's potential at its committed state for its particle shells (numerics; the
     * run's mesh estimate at a discharge's cut-off, {@code CutoffSensitivity}): each volume's surface concentration
     * error from {@link ParticleShellError} (measured on the volume at the middle of its fifth of the thickness,
     * {@link ParticleShellError#SAMPLES}) moves what its reaction current needs of phi_s - phi_e by dU/dx + d eta/dx
     * at that current (the open-circuit potential and the exchange current's dependence on x_s, Butler-Volmer
     * inverted at the volume's j), weighted by the volume's share of the reaction (as {@link #decompose} weighs).
     * Positive: the run's potential reads high. NaN where a surface's error is not small against its distance from
     * saturation ({@link #LINEAR_SHARE}): the voltage is not linear in it there (the caller assumes instead).
     */
    public double shellVoltageError() {
        double reaction = 0;
        for (int k = 0; k < n; k++) reaction += Math.abs(u[3 * k + 2]);
        if (!(reaction > 0)) return 0;
        double e = 0;
        for (int k = 0; k < n; k++) {
            double j = u[3 * k + 2], flux = j / Constants.F;
            int b = k * shellBlocks() / n;
            double cs = particle.surface(c, k * m, flux), dc = shellError.surfaceError(b, u[3 * shellSample(b) + 2] / Constants.F);
            // the voltage is linear in the surface's error only where that is small against the surface's distance from
            // saturation (or emptiness): a warm discharge ending where its surfaces fill plunges there (0.05 C at 25 degC:
            // 0.78 V over its last 5 %), and there is no voltage error to carry; NaN: not measured
            if (Math.abs(dc) > LINEAR_SHARE * Math.min(cmax - cs, cs)) return Double.NaN;
            double exact = cs - dc;
            e += Math.abs(j) / reaction * (required(cs, j) - required(exact, j));
        }
        return e;
    }

    /**
     * The error [V] of the electrode's potential for its control volumes at its committed state (numerics; with
     * {@link #shellVoltageError} the run's mesh estimate at a cut-off): measured by the shadow on half the volumes driven by
     * this electrode's currents ({@link ControlVolumeError}, Richardson at order 2; session 41), which carries the history of
     * the reaction's distribution; where the shadow measures nothing (volumes that do not halve, a step it could not
     * solve) the midpoint rule's local truncation of the ohmic drops, {@link #volumeTruncation}. Positive: the potential
     * reads high.
     */
    public double volumeVoltageError() {
        double measured = volumeError == null ? Double.NaN : volumeError.voltageError();
        return Double.isNaN(measured) ? volumeTruncation() : measured;
    }

    /**
     * The local truncation [V] of the ohmic drops through the thickness (session 40's figure of the volumes' error, now
     * where the shadow measures nothing): they are integrals of phi' over the volumes by the midpoint rule, whose
     * truncation is (dx^2 / 24) int phi''' dx, phi'' = a j / kappa_eff in the SE and -a j / sigma_eff in the solid (the
     * charge balances); bounded by (dx^2 / 24) TV(a j) (1 / kappa_eff + 1 / sigma_eff), the total variation of the
     * reaction over the volumes and its steps to zero beyond the electrode's faces. A local figure: the shift of the
     * reaction's distribution that the volumes make is not in it (it read the volumes' measured share 2.4-2.6x low).
     */
    public double volumeTruncation() {
        double tv = Math.abs(u[2]) + Math.abs(u[3 * n - 1]);
        for (int k = 0; k + 1 < n; k++) tv += Math.abs(u[3 * k + 5] - u[3 * k + 2]);
        return dx * dx / 24 * a * tv * (1 / (gIonic * dx) + 1 / (gElectronic * dx));
    }

    /** The largest share of a surface's distance from saturation (or emptiness) its shells' error may be for {@link #shellVoltageError}. */
    static final double LINEAR_SHARE = 0.1;

    /** The blocks of volumes whose shells' error one shadow pair measures ({@link ParticleShellError#SAMPLES}). */
    private int shellBlocks() { return Math.min(n, ParticleShellError.SAMPLES); }

    /** The volume at the middle of block b, whose flux drives its shadows. */
    private int shellSample(int b) { return (2 * b + 1) * n / (2 * shellBlocks()); }

    /** phi_s - phi_e [V] that a surface at concentration cs needs for the reaction current j (film aside): U + Butler-Volmer inverted. */
    private double required(double cs, double j) {
        double xs = cs / cmax;
        return ocp.applyAsDouble(xs) + ButlerVolmer.overpotential(i0(xs, 1 - xs), alpha, 1 - alpha, j, temperature);
    }

    /** Surface stoichiometry at node k of the committed state (for inspection). */
    public double surfaceStoichiometry(int k) { return particle.surface(c, k * m, u[3 * k + 2] / Constants.F) / cmax; }

    public int nodes() { return n; }

    /** The residual system of one time step. */
    private final class Sys implements NewtonSolver.BandedSystem {
        private double[] yTolerance = new double[0]; // per node, set by jacobian (the system is built before n)

        @Override public int size() { return Double.isNaN(targetPotential) ? 3 * n : 3 * n + 1; }

        @Override
        public boolean residual(double[] x, double[] r) {
            double f = Constants.F / (Constants.R * temperature);
            boolean pc = !Double.isNaN(targetPotential);
            double I = pc ? x[3 * n] : lastI;
            double scale = 1.0 / Math.max(1.0, Math.abs(lastI));
            for (int k = 0; k < n; k++) {
                double pe = x[3 * k], ps = x[3 * k + 1], vs = Math.exp(x[3 * k + 2]);
                double j = implicitParticles ? implicitCurrent(k, vs) : currentOf(k, vs);
                if (Double.isNaN(j)) return false;
                // electrolyte
                if (k == 0) {
                    r[0] = pc ? pe : pe - I / gIonicSeparator; // at a set potential: referred to the first node
                } else {
                    double right = k < n - 1 ? -gIonic * (x[3 * k + 3] - pe) : 0;
                    double left = -gIonic * (pe - x[3 * k - 3]);
                    r[3 * k] = (right - left - a * dx * j) * scale;
                }
                // solid
                double rightS = k < n - 1 ? -gElectronic * (x[3 * k + 4] - ps) : -I;
                double leftS = k > 0 ? -gElectronic * (ps - x[3 * k - 2]) : 0;
                r[3 * k + 1] = (rightS - leftS + a * dx * j) * scale;
                // kinetics
                double xs = 1 - vs;
                if (!(xs > 0 && vs > 0)) return false;
                double eta = ps - pe - ocp.applyAsDouble(xs) - j * filmR;
                double ea = alpha * f * eta, ec = -(1 - alpha) * f * eta;
                if (Math.abs(ea) > 600 || Math.abs(ec) > 600) return false;
                double i0 = i0(xs, vs);
                double expA = Math.exp(ea), expC = symmetric ? 1 / expA : Math.exp(ec);
                r[3 * k + 2] = (j - i0 * (expA - expC)) * scale;
            }
            // the set potential: E = phi_s(N) + I / G_e,separator + (I + i_side)(1 / G_s,collector + R_cc)
            if (pc) r[3 * n] = x[3 * n - 2] + I / gIonicSeparator + (I + sideCurrent) * (1 / gElectronicCollector + rcc) - targetPotential;
            return true;
        }

        @Override
        public void jacobian(double[] x, BandedMatrix jac) {
            if (yTolerance.length != n) yTolerance = new double[n];
            double f = Constants.F / (Constants.R * temperature);
            double scale = 1.0 / Math.max(1.0, Math.abs(lastI));
            double ke = gIonic * scale, ks = gElectronic * scale;
            if (!Double.isNaN(targetPotential)) {
                jac.add(3 * n - 2, 3 * n, -scale); // the last node's solid balance: -I at the current collector
                jac.add(3 * n, 3 * n - 2, 1);
                jac.add(3 * n, 3 * n, 1 / gIonicSeparator + 1 / gElectronicCollector + rcc);
            }
            for (int k = 0; k < n; k++) {
                int e = 3 * k, s = 3 * k + 1, q = 3 * k + 2;
                if (k == 0) {
                    jac.set(0, 0, 1);
                } else {
                    jac.add(e, e - 3, -ke);
                    jac.add(e, e, ke);
                    if (k < n - 1) { jac.add(e, e + 3, -ke); jac.add(e, e, ke); }
                }
                if (k < n - 1) { jac.add(s, s + 3, -ks); jac.add(s, s, ks); }
                if (k > 0) { jac.add(s, s - 3, -ks); jac.add(s, s, ks); }
                double vs = Math.exp(x[q]), j = currentOf(k, vs);
                double djdy = -vs * cmax / resp[k]; // d j / d y, y = ln(1 - x_s)
                if (k > 0) jac.add(e, q, -a * dx * scale * djdy);
                // y's tolerance: that of j (1e-2 atol A/m2) through dj/dy, at most 1e-6 (the vacancy to 1 ppm)
                yTolerance[k] = Math.min(settings.absoluteTolerance() * 1e-2 / Math.abs(djdy), 1e-6);
                jac.add(s, q, a * dx * scale * djdy);
                double xs = 1 - vs;
                double uk = ocp.applyAsDouble(xs);
                double h = 1e-6;
                double du = (ocp.applyAsDouble(Math.min(1 - 1e-12, xs + h)) - ocp.applyAsDouble(Math.max(1e-12, xs - h))) / (2 * h);
                double eta = x[s] - x[e] - uk - j * filmR;
                double ea = Math.exp(alpha * f * eta), ec = symmetric ? 1 / ea : Math.exp(-(1 - alpha) * f * eta);
                double i0 = i0(xs, vs);
                double g = ea - ec;
                double dg = f * (alpha * ea + (1 - alpha) * ec);
                double di0 = exchangeCurrentSlope(xs, vs, i0);
                double dxsdj = resp[k] / cmax;
                jac.add(q, s, -i0 * dg * scale);
                jac.add(q, e, i0 * dg * scale);
                jac.add(q, q, (1 - (di0 * g - i0 * dg * du) * dxsdj + i0 * dg * filmR) * scale * djdy);
            }
        }

        @Override
        public double absoluteTolerance(int i) {
            return i % 3 == 2 && i < 3 * n ? yTolerance[i / 3] : settings.absoluteTolerance() * 1e-3;
        }

        @Override
        public double stepLimit(double[] x, double[] d) {
            double lim = 1.0;
            for (int k = 0; k < n; k++) {
                // the vacancy fraction changes by at most e^3 per iteration and stays below 1 (x_s > 0); towards
                // saturation it may fall as far as the kinetics need (i0 ~ sqrt(1 - x_s) -> 0 drives the voltage down)
                double y = x[3 * k + 2], dy = d[3 * k + 2];
                if (Math.abs(dy) > 3) lim = Math.min(lim, 3 / Math.abs(dy));
                double top = Math.log1p(-1e-9); // x_s >= 1e-9
                if (dy > 0 && y + dy > top) lim = Math.min(lim, y < top ? 0.9 * (top - y) / dy : 1e-12);
                double dphi = Math.abs(d[3 * k + 1] - d[3 * k]);
                if (dphi > 0.3) lim = Math.min(lim, 0.3 / dphi);
            }
            return Math.max(lim, 1e-12);
        }
    }
}

package org.cellwright.solver.physics;

import static org.cellwright.solver.input.MaterialProperty.*;

import org.cellwright.solver.LithiumInventory;
import org.cellwright.solver.OverpotentialKind;
import org.cellwright.solver.SimulationEvent;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.ComponentSpec;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.numerics.fv.Mesh1D;

/**
 * Current collector + optional Li foil + porous mixed ionic-electronic conducting (MIEC) interlayer, 1D through the
 * interlayer thickness (x = 0 at the SE, x = L at the collector), porous-electrode theory (Newman and Tiedemann,
 * AIChE J. 1975) with an ionic (host) and an electronic (host + carbon) phase, Bruggeman effective conductivities.
 * Reactions on the internal surface a = 3 (1 - eps) / r:
 * <ul>
 * <li>host alloying Li + Si -> LixSi with hysteresis: lithiation equilibrium U_l(y) and de-alloying U_d(y) =
 * plateau + s ln((1 - y)/y) (Obrovac and Chevrier, Chem. Rev. 2014, for Si);</li>
 * <li>Li metal deposition at three kinds of site, Butler-Volmer with equilibrium shifted by the site's penalty:
 * in pores (Gibbs-Thomson 2 gamma V_m / (r F); nucleation on the host, after which Li grows from pore to pore and
 * fills them, {@link PoreFilling}), at the SE interface (work of adhesion W V_m / (F h) to open the MIEC/SE contact
 * plus nucleation on the host), at the collector (on the MIEC's face, {@link InterlayerGeometry#collectorContactArea};
 * opening the collector contact plus nucleation on the collector lined with the MIEC's solid,
 * {@link InterlayerNucleation#atCollector}; none with a Li foil). A site's bare share needs the
 * nucleation overpotential, its covered share (nuclei, {@link HeterogeneousNucleation#coverage}) none: the first
 * plating dips at onset and again when the full pores send Li to the collector.</li>
 * </ul>
 * A good MIEC (ionic and electronic) thus deposits at the collector, an electronic-only layer (CNT) against the SE
 * (Sung et al., Adv. Mater. 2023, DOI 10.1002/adma.202210835; Chen et al., Science 2020). Li at the SE side
 * reduces the SE ({@link SolidElectrolyteInterphase}); stripping from pores or the SE side leaves dead Li.
 * The lithiated MIEC reduces the SE too, on its true contact A = (1 - eps) + a delta (flat contact plus the pore
 * walls the pressed SE covers; mechanism 3 of the study: decomposition scales with the true contact area), with
 * the interphase resistance in series; without a foil, a share of the Li stripped from the collector side stays in
 * the gap at the collector (its dead-lithium-fraction). Host lithiation changes thickness, porosity and pore size
 * ({@link InterlayerLithiation}); the pore size follows the lithiation-weighted stack pressure and stays when the
 * pressure changes later. Li in the SE-side pores is strained at i V_m / (F L) and presses on the SE
 * ({@link LithiumFlowStress}, {@link InterlayerPenetration}): large pores (formed at low pressure) keep it hard and
 * let a filament grow. Geometry and effective transport: {@link InterlayerGeometry}; the step's numerics (unknowns,
 * Newton): {@link MiecStepSolver} on {@link MiecChargeBalance}.
 */
public final class MiecInterlayerElectrode implements ElectrodeModel {
    /** Li amount below which a site counts as empty [mol/m2]. */
    public static final double EMPTY = 1e-7;

    private final String name;
    private final LithiumContext ctx;
    private final InterlayerLithiation lith;
    private final LayerSpec layer;
    private final MaterialSpec host, cc;
    private final int n;
    private final double rcc;
    private final InterlayerGeometry geo;
    private final double hostI0;
    private final AlloyingHysteresis alloying;
    private final double etaHostN;      // nucleation overpotential in/at the MIEC (on its lithiophilic component)
    private double etaCcN;              // nucleation overpotential at the MIEC/collector interface
    private final MaterialSpec philic;
    private final double adhesionSe, adhesionCc;
    private final double deadPore;
    private final boolean foil;
    // committed state
    private final double[] y, nPore, platedPore;
    private double nCc, nSe, nDead, platedCc, platedSe;
    private double thickness, porosity, poreSize, lithiationPressure, yLithiationWeight;
    // trial state
    private final double[] ty, tnPore, tPlatedPore, jPore;
    private final double[] poreCov; // poreCoverage of the committed state, per node
    private double tnCc, tnSe, tnDead, tPlatedCc, tPlatedSe, jCc, jSe;
    private final MiecStepSolver solver;
    /** The solver's trial unknowns (4 per control volume, {@link MiecStepSolver}). */
    private final double[] uTrial;
    private final SolidElectrolyteInterphase sei;
    /** SE reduced where it touches the lithiated MIEC: the flat contact and the pore walls it was pressed into. */
    private final SolidElectrolyteInterphase contactSei;
    private final double deadCc;
    private double foil0, committedCurrent;
    private double temperature, pressure, kappa, sigma, dx, aInt, lastI, lastDt;
    private Mesh1D mesh;
    private double etaKin, etaNuc, etaOhm, etaSei, coverageChange;
    private boolean reportedPore, reportedCc, reportedSe;
    /** Whether the step in progress is solved at a set collector potential ({@link #currentAtPotential}). */
    private boolean atSetPotential;
    /** Open-circuit potential of the trial and of the committed state [V]; host lithiation the trial's solve saw. */
    private double trialOcv, committedOcv;
    private final double[] tySolved;

    public MiecInterlayerElectrode(String name, LayerSpec ccLayer, LayerSpec metal, LayerSpec interlayer,
            MaterialSpec electrolyte, double rcc, CellSpec cell, SolverSettings settings) {
        this.name = name;
        this.layer = interlayer;
        MaterialSpec li = metal != null ? metal.material() : ElectrodeFactory.lithiumOf(cell);
        this.ctx = new LithiumContext(li, electrolyte);
        this.lith = new InterlayerLithiation(interlayer);
        this.host = lith.host();
        this.cc = ccLayer == null ? null : ccLayer.material();
        this.n = settings.interlayerNodes();
        this.rcc = rcc;
        this.geo = new InterlayerGeometry(interlayer, lith);
        this.hostI0 = host == null ? 0 : host.get(EXCHANGE_CURRENT_DENSITY, 1.0);
        double plateauL = host == null ? 0 : host.get(PLATEAU_POTENTIAL, 0.15);
        this.alloying = new AlloyingHysteresis(plateauL, host == null ? 0 : host.get(DELITHIATION_PLATEAU_POTENTIAL, plateauL + 0.3));
        MaterialSpec wetting = null;
        for (ComponentSpec c : interlayer.components())
            if (wetting == null || c.material().get(CONTACT_ANGLE, Math.PI) < wetting.get(CONTACT_ANGLE, Math.PI)) wetting = c.material();
        this.philic = wetting;
        this.etaHostN = ctx.nucleationOverpotential(philic, cell.temperature());
        this.foil = metal != null;
        double wSe = 0;
        for (ComponentSpec c : interlayer.components()) wSe += c.massFraction() * c.material().get(ADHESION_ENERGY, 0);
        this.adhesionSe = wSe;
        this.adhesionCc = cc == null ? 0 : cc.get(ADHESION_ENERGY, 0);
        this.deadPore = host != null ? host.get(DEAD_LITHIUM_FRACTION, 0) : ctx.deadFraction;
        y = new double[n];
        nPore = new double[n];
        poreCov = new double[n];
        platedPore = new double[n];
        ty = new double[n];
        tySolved = new double[n];
        tnPore = new double[n];
        tPlatedPore = new double[n];
        jPore = new double[n];
        solver = new MiecStepSolver(n, new Reactions());
        uTrial = solver.trial();
        sei = ctx.newInterphase();
        contactSei = ctx.newInterphase();
        this.deadCc = cc == null ? 0 : cc.get(DEAD_LITHIUM_FRACTION, 0);
        double y0 = host == null ? 0 : host.get(INITIAL_STOICHIOMETRY, 1e-4);
        java.util.Arrays.fill(y, Math.max(1e-4, y0));
        pressure = cell.stackPressure();
        // a host given as lithiated was lithiated at the cell's stack pressure
        lithiationPressure = pressure;
        if (foil) {
            nCc = metal.thickness() * (1 - metal.porosity()) / ctx.molarVolume;
            // non-electrochemical lithiation of the host by the foil on assembly under pressure (Sung2023)
            if (lith.hasHost()) {
                double need = (1 - 1e-4 - y[0]) * lith.lithiumCapacity();
                double take = Math.min(need, nCc);
                nCc -= take;
                double dy = take / lith.lithiumCapacity();
                for (int k = 0; k < n; k++) y[k] += dy;
            }
        }
        yLithiationWeight = y[0];
        foil0 = nCc;
        updateGeometry();
        setConditions(cell.temperature(), cell.stackPressure());
        double u0 = hostEquilibrium(y[0]);
        for (int k = 0; k < n; k++) solver.committed()[4 * k + 1] = anyMetal() ? 0 : u0;
        committedOcv = openCircuit(anyMetal(), solver.committed(), y);
    }

    private boolean anyMetal() { return anyMetal(nCc, nSe, nPore); }

    /**
     * Whether the layer has nothing to react: no host and no more Li metal than {@link #EMPTY} at any site (a CNT
     * layer stripped to its last atoms). It then carries no current at any potential above Li deposition's, and at rest
     * its potential is no function of its current (Newton at a set current of 0 had a singular Jacobian: a rest after
     * stripping the CNT half cell to 0.5 V ended NOT_CONVERGED); it rests at its open-circuit potential
     * ({@link #openCircuit}: the Li reference without a host). A trace below {@link #EMPTY} counts as empty here as
     * everywhere else in this class: with 1e-102 mol/m2 left on its SE side (cell 4 at 60 degC, the measured growth
     * barrier) Newton at rest "converged" wherever it started, on currents of 1e-100 A/m2, and the rest read 0.019 V
     * in one cycle and -0.0007 V in the next (EmptyCntRestTest).
     */
    private boolean nothingToReact() {
        return !lith.hasHost() && !anyMetalAtAll(nCc, nSe, nPore);
    }

    /** Whether any site holds more Li than {@link #EMPTY}. */
    private static boolean anyMetalAtAll(double cc, double se, double[] pores) {
        if (cc > EMPTY || se > EMPTY) return true;
        for (double v : pores) if (v > EMPTY) return true;
        return false;
    }

    private static boolean anyMetal(double cc, double se, double[] pores) {
        double s = cc + se;
        for (double v : pores) s += v;
        return s > 1e-4; // ~ a 1.3 nm Li layer: below that the host sets the open-circuit potential
    }

    private double meanY() {
        double s = 0;
        for (double v : y) s += v;
        return s / n;
    }

    private void updateGeometry() {
        geo.update(lith.hasHost() ? meanY() : 0, lithiationPressure);
        thickness = geo.thickness();
        porosity = geo.porosity();
        poreSize = geo.poreSize();
        aInt = geo.specificArea();
        mesh = new Mesh1D(0, thickness, n);
        dx = mesh.width();
    }

    private void updateTransport() {
        geo.updateTransport(lith.hasHost() ? meanY() : 0, temperature);
        kappa = geo.ionicConductivity();
        sigma = geo.electronicConductivity();
    }

    /** Human-readable state of the last trial (for debugging). */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(java.util.Locale.ROOT, "L=%.3g eps=%.3f pore=%.3g kappa=%.3g sigma=%.3g jSe=%.4g jCc=%.4g ccShift=%.4g seShift=%.4g poreGT=%.4g%n",
                thickness, porosity, poreSize, kappa, sigma, jSe, jCc, ccShift(), seShift(), gibbsThomson()));
        for (int k = 0; k < n; k++)
            b.append(String.format(java.util.Locale.ROOT, "  k=%d pe=%.5f ps=%.5f jh=%.4g jpore=%.4g y=%.4f nPore=%.3g fill=%.3f%n", k, uTrial[4 * k],
                    uTrial[4 * k + 1], uTrial[4 * k + 2], jPore[k], y[k], nPore[k], poreFill(k)));
        return b.toString();
    }

    /** Thickness [m], porosity and pore size [m] of the committed interlayer. */
    public double[] geometry() { return new double[] {thickness, porosity, poreSize}; }

    /** Mean lithiation fraction of the host (0 without host). */
    public double hostLithiation() { return lith.hasHost() ? meanY() : 0; }

    @Override public String name() { return name; }

    /** Newton statistics {solves, iterations, failures} of this electrode. */
    public long[] solverStatistics() { return solver.statistics(); }

    @Override
    public void setConditions(double t, double p) {
        temperature = t;
        pressure = p;
        sei.setTemperature(t);
        contactSei.setTemperature(t);
        updateTransport();
        etaCcN = collectorNucleation();
    }

    private double hostEquilibrium(double yy) { return alloying.equilibrium(yy); }

    /** The open-circuit potential of the last committed step (the one its overpotentials were taken from). */
    @Override
    public double openCircuitPotential() { return committedOcv; }

    /**
     * Open-circuit potential [V] for the unknowns u and host lithiation yy: 0 with Li metal (it then sets the
     * potential), else the mean over the control volumes of the potential the host rests at when the current stops
     * ({@link AlloyingHysteresis#restPotential}: on the branch it alloyed or de-alloyed along, or where it sits
     * between them). The hysteresis is thus part of the open-circuit potential, not of the kinetic overpotential: a
     * host lithiating at 1 uA/cm2 is 0.01 mV below U_l, not half the loop (150 mV) below its middle.
     */
    private double openCircuit(boolean metal, double[] u, double[] yy) {
        if (metal || !lith.hasHost()) return 0;
        double s = 0;
        for (int k = 0; k < n; k++) s += alloying.restPotential(u[4 * k + 1] - u[4 * k], yy[k]);
        return s / n;
    }

    // ---------------------------------------------------------------- site kinetics

    /**
     * Anodic current [A/m2] (derivative: d j / d dphi) of a Li metal site of true area A at dphi, equilibrium shift,
     * nucleation overpotential pen, covered share c and growth factor b ({@link NucleatingLithiumSite}); with
     * amount >= 0 stripping is capped by the Li available in the step.
     */
    private double site(double dphi, double area, double shift, double pen, double c, double b, double amount, boolean derivative) {
        return NucleatingLithiumSite.current(ctx.i0(temperature) * area, ctx.alpha, temperature, dphi - shift, pen, c, b,
                amount, lastDt, derivative);
    }

    /** Share of a flat site (collector, SE interface) covered by Li nuclei ({@link InterlayerNucleation#flatCoverage}). */
    private double coverage(double amount) { return InterlayerNucleation.flatCoverage(amount); }

    /** Share of the pore walls of node k covered by nuclei, committed state ({@link InterlayerNucleation#poreCoverage}). */
    private double poreCoverage(int k) { return poreCov[k]; }

    private double poreCoverage(double[] amounts, int k) { return InterlayerNucleation.poreCoverage(amounts, k); }

    /**
     * Step control: a tenth of the largest change of a nucleation coverage in the last trial, so that the step
     * resolves the nucleation dips (a coverage going from 0 to 1 in about 30 steps) without slowing the rest. With a
     * Li foil on the collector (a full cell), only the first nucleation in the pores is resolved so:
     * later ones carry little of the current (the foil takes it) and resolving them every cycle made 200 cycles
     * take four times as long; without a foil every plating re-nucleates and stays resolved (the time to a short
     * of a half cell depends on it).
     */
    @Override
    public double stateChange() { return coverageChange; }

    private double coverageChange() {
        if (foil && reportedPore) return 0; // with a Li foil, later re-nucleation carries little current
        double d = Math.abs(coverage(tnCc) - coverage(nCc));
        d = Math.max(d, Math.abs(coverage(tnSe) - coverage(nSe)));
        for (int k = 0; k < n; k++) d = Math.max(d, Math.abs(poreCoverage(tnPore, k) - poreCov[k]));
        return 0.1 * d;
    }

    /** Nucleation overpotential at the MIEC/collector interface ({@link InterlayerNucleation#atCollector}). */
    private double collectorNucleation() {
        return InterlayerNucleation.atCollector(ctx, cc, philic, foil, etaHostN, porosity, temperature);
    }

    /**
     * Equilibrium shift [V] of Li in the committed interlayer's pores: Li filling a pore of size d (its diameter) is
     * bounded by its Li/SE surface of radius d / 2, dU = 2 gamma V_m / ((d / 2) F) ({@link GibbsThomson}); the pore
     * sites plate and strip about -dU against Li metal (0.66 mV in the study's 55 nm pores at 65 MPa).
     */
    public double poreEquilibriumShift() { return GibbsThomson.shift(ctx.gamma, ctx.molarVolume, 0.5 * poreSize); }

    private double gibbsThomson() { return poreEquilibriumShift(); }

    /** Equilibrium shift [V] of Li in a layer between two adhering solids of work of adhesion w ({@link InterfaceOpening}). */
    private double opening(double w, double amount, double area) {
        return InterfaceOpening.shift(w, ctx.molarVolume, amount, area);
    }

    private double poreFill(int k) { return poreFill(nPore[k]); }

    private double poreFill(double amount) { return Math.min(1, Math.max(0, amount) * ctx.molarVolume / Math.max(1e-30, porosity * dx)); }

    private double poreArea() { return aInt * dx; }

    /**
     * Pore-site current at node k for dphi: nuclei of the committed state, filling of the end-of-step amount, stripping
     * capped by the Li in the node's pores.
     */
    private double pore(int k, double dphi, double amountNew) {
        return site(dphi, poreArea(), -gibbsThomson(), etaHostN, poreCoverage(k), PoreFilling.growthFactor(poreFill(amountNew)), nPore[k], false);
    }

    private double poreDphi(int k, double dphi, double amountNew) {
        return site(dphi, poreArea(), -gibbsThomson(), etaHostN, poreCoverage(k), PoreFilling.growthFactor(poreFill(amountNew)), nPore[k], true);
    }

    /** Li grows at the collector on the MIEC's face ({@link InterlayerGeometry#collectorContactArea}). */
    private double ccArea() { return geo.collectorContactArea(); }

    private double ccShift() { return -opening(adhesionCc, nCc, 1.0); }

    private double ccSite(double dphi) { return site(dphi, ccArea(), ccShift(), etaCcN, foil ? 1 : coverage(nCc), 1, nCc, false); }

    private double ccSiteDphi(double dphi) { return site(dphi, ccArea(), ccShift(), etaCcN, foil ? 1 : coverage(nCc), 1, nCc, true); }

    private double seArea() { return geo.seFaceArea(); }

    private double seShift() { return -opening(adhesionSe, nSe, seArea()); }

    /**
     * The SE-side deposit's site behind its own interphase (of the committed state, at least the geometric area: its
     * current crosses the thin interphase of new nuclei too): the film's drop is implicit in the site's current in
     * both directions, j = f(eta - j R) ({@link SeriesResistance}). Plating, it lagged a step behind (|j| R of the last
     * step's plating current): where R f' > 1 that explicit lag is unstable, and the site plated and stopped on
     * alternate time steps (13 and 0 A/m2 of the 19 A/m2 of a 3.8 V hold after one at 2.5 V, cell 6 at 65 MPa), so
     * the Li filament, which grows only while that site plates, grew with the time steps' lengths (FullHolds: 91 %
     * of the separator with 20 s steps, 98 % with 5 s, a short at 17.5 h with 2 s). Stripping, it lagged with the sign
     * of plating (the site's equilibrium fell by j R, 2.2 V at 21 mA/cm2, until Newton failed).
     */
    private double seSite(double phis0, boolean derivative) {
        double cov = coverage(nSe), r = sei.committedResistance(1), shift = seShift();
        if (!(r > 0)) return site(phis0, seArea(), shift, etaHostN, cov, 1, nSe, derivative);
        return SeriesResistance.current(x -> site(x, seArea(), shift, etaHostN, cov, 1, nSe, false),
                x -> site(x, seArea(), shift, etaHostN, cov, 1, nSe, true), r, phis0, derivative);
    }

    /** Host alloying current [A/m2, anodic] at node k for dphi and trial lithiation yy, with hysteresis. */
    private double hostCurrent(double dphi, double yy) {
        if (!lith.hasHost()) return 0;
        return alloying.current(hostI0 * aInt * dx, dphi, yy, temperature);
    }

    // ---------------------------------------------------------------- time step

    @Override
    public double trial(double dt, double current) {
        atSetPotential = false;
        startTrial(dt, current);
        if (!(current == 0 && nothingToReact() ? solvesAtRestEmpty() : solver.solveAtCurrent())) return Double.NaN;
        return finishTrial(dt, current);
    }

    /**
     * A rest with nothing to react ({@link #nothingToReact}): at its open-circuit potential where that solves the step,
     * else (a trace of Li below {@link #EMPTY} whose site still carries a residual current there) Newton from that
     * potential, not from the last step's, so that the trace's own equilibrium nearby is found, not a potential far off
     * at which its vanishing site current happens to fall within the tolerance.
     */
    private boolean solvesAtRestEmpty() {
        return solver.solvesUniformAtRest(openCircuit(false, solver.committed(), y)) || solver.solveAtCurrent();
    }

    /**
     * A step at a set collector potential: the charge balance with the current as one more unknown
     * ({@link MiecChargeBalance#setPotential}). Where the Li metal is stripped out and the host sits inside its
     * hysteresis gap the electrode carries no current over a range of potentials: its potential is no function of
     * its current there (a set-current step has no unique solution), but its current is one of its potential (a soft
     * short then carries the cell's current at a voltage in that gap).
     */
    @Override
    public double currentAtPotential(double dt, double potential, double guess) {
        atSetPotential = true;
        startTrial(dt, guess);
        // from the last cell's centre to the collector: half a cell of the electronic phase, the collector contact and
        // the MIEC/SE contact interphase in series (as in finishTrial; its resistance of the committed state)
        double i = solver.solveAtPotential(potential, dx / (2 * sigma) + rcc + contactSei.resistance(), guess);
        if (Double.isNaN(i)) return Double.NaN;
        lastI = i;
        return Double.isNaN(finishTrial(dt, i)) ? Double.NaN : i;
    }

    /** Trial unknowns from the committed state, with a guess past the deposition threshold when plating starts. */
    private void startTrial(double dt, double current) {
        lastI = current;
        lastDt = dt;
        solver.start(mesh, kappa, sigma);
        if (current < 0 && !(committedCurrent < 0)) {
            // start of deposition: guess a potential just past the deposition threshold (the rest potential may be
            // far above it, e.g. the host's open-circuit potential)
            solver.guessUniform(Math.min(uTrial[1] - uTrial[0], -(Math.max(etaHostN, etaCcN) + gibbsThomson() + 2e-3)), current);
        }
    }

    /** Site currents and the state at the end of the solved step; the collector potential, or NaN. */
    private double finishTrial(double dt, double current) {
        double f = 1.0 / Constants.F;
        double dead = 0;
        double eRxn = 0, wSum = 0, wNuc = 0, wDep = 0; // wNuc / wDep: deposition-weighted onset overpotential
        double phis0 = uTrial[1];
        jSe = seSite(phis0, false);
        jCc = solver.collectorCurrent(current); // at the collector's face (the numerics' half volume to it)
        double dphiCc = solver.collectorFaceDphi(current, jCc);
        balanceSiteCurrents(current);
        double anodicPores = 0, anodicTotal = Math.max(0, jSe);
        for (int k = 0; k < n; k++) {
            double dphi = uTrial[4 * k + 1] - uTrial[4 * k];
            double jh = lith.hasHost() ? uTrial[4 * k + 2] : 0;
            ty[k] = y[k] - jh * dt * f / (lith.hasHost() ? lith.lithiumCapacity() / n : 1);
            double jc = k == n - 1 ? jCc : 0;
            jPore[k] = uTrial[4 * k + 3];
            anodicPores += Math.max(0, jPore[k]);
            anodicTotal += Math.max(0, jPore[k]) + Math.max(0, jc) + Math.max(0, jh);
            eRxn += Math.abs(jPore[k]) * solver.poreSiteDphi(k) + Math.abs(jh) * dphi + Math.abs(jc) * dphiCc;
            wSum += Math.abs(jPore[k]) + Math.abs(jc) + Math.abs(jh);
            double nNew = nPore[k] - jPore[k] * dt * f;
            wNuc += Math.max(0, -jPore[k]) * etaHostN * (1 - poreCoverage(k)); // = onsetOverpotential of the pores
            if (k == n - 1 && !foil) wNuc += Math.max(0, -jc) * HeterogeneousNucleation.onsetOverpotential(etaCcN, nCc, PlatingSubstrateElectrode.NUCLEATION_COVERAGE);
            wDep += Math.max(0, -jPore[k]) + Math.max(0, -jc) + Math.max(0, -jh);
        }
        // dead Li: a share of the net stripped charge, attributed to pores / SE-side deposits by their anodic share
        double netStrip = current > 0 ? current * dt * f : 0;
        double shareScale = anodicTotal > 0 ? netStrip / anodicTotal : 0;
        for (int k = 0; k < n; k++) {
            double d = DeadLithium.left(Math.max(0, jPore[k]) * shareScale, deadPore);
            tnPore[k] = nPore[k] - jPore[k] * dt * f;
            d = Math.min(d, Math.max(0, tnPore[k]));
            tnPore[k] -= d;
            dead += d;
            tPlatedPore[k] = (nPore[k] < EMPTY ? 0 : platedPore[k]) + Math.max(0, -jPore[k]) * dt * f;
            if (tnPore[k] < -1e-12 || ty[k] <= 0 || ty[k] >= 1) return Double.NaN;
            tnPore[k] = Math.max(0, tnPore[k]);
        }
        eRxn += Math.abs(jSe) * phis0;
        wSum += Math.abs(jSe);
        wNuc += Math.max(0, -jSe) * HeterogeneousNucleation.onsetOverpotential(etaHostN, nSe, PlatingSubstrateElectrode.NUCLEATION_COVERAGE);
        wDep += Math.max(0, -jSe);
        tnCc = nCc - jCc * dt * f;
        double dSe = DeadLithium.left(Math.max(0, jSe) * shareScale, ctx.deadFraction);
        tnSe = nSe - jSe * dt * f;
        dSe = Math.min(dSe, Math.max(0, tnSe));
        tnSe -= dSe;
        dead += dSe;
        if (tnCc < -1e-12 || tnSe < -1e-12) return Double.NaN;
        tnCc = Math.max(0, tnCc);
        if (!foil && deadCc > 0) {
            // Li left on the collector when a gap opens at its poorly wetting surface (no foil keeps the contact)
            double dCc = DeadLithium.left(Math.max(0, jCc) * shareScale, deadCc);
            dCc = Math.min(dCc, tnCc);
            tnCc -= dCc;
            dead += dCc;
        }
        double film = PlatingSubstrateElectrode.FILM_THICKNESS / ctx.molarVolume;
        double seArea = Math.min(1, tnSe / film) + tnSe * ctx.molarVolume / ctx.depositSize;
        double consumed = sei.trial(dt, seArea); // growth rate at the cell's temperature (setConditions)
        tnSe = Math.max(0, tnSe - consumed);
        System.arraycopy(ty, 0, tySolved, 0, n);
        double hostShift = reduceAtContact(dt);
        tnDead = nDead + dead;
        tPlatedCc = (nCc < EMPTY ? 0 : platedCc) + Math.max(0, -jCc) * dt * f;
        tPlatedSe = (nSe < EMPTY ? 0 : platedSe) + Math.max(0, -jSe) * dt * f;
        // the SE-side deposit's interphase acts on its site only (seShift); the contact interphase is in series
        // Li+ conduction in the interphase is thermally activated (SolidElectrolyteInterphase.setTemperature)
        etaSei = current * contactSei.resistance();
        double e = uTrial[4 * (n - 1) + 1] + current * dx / (2 * sigma) + current * rcc + etaSei;
        // decomposition: reaction-weighted driving force vs ohmic remainder
        // the step's open-circuit potential at the lithiation its solve saw (the interphase's share is in the next)
        double ocv = openCircuit(anyMetal(tnCc, tnSe, tnPore), uTrial, tySolved);
        trialOcv = ocv;
        double rxn = wSum > 0 ? eRxn / wSum + hostShift : e - etaSei;
        // nucleation: the onset overpotential of each site (eta_n on its bare share), weighted by where Li goes
        etaNuc = current < 0 && wDep > 0 ? -wNuc / wDep : 0;
        coverageChange = coverageChange();
        etaOhm = e - etaSei - rxn;
        etaKin = rxn - ocv - etaNuc;
        return e;
    }

    /**
     * Newton stops within its tolerance (1e-9 A/m2 on the site currents), so the site currents of the solved step sum
     * to the electrode's current only to that tolerance, and the lithium of the electrode would drift by the defect
     * times dt / F every step (1e-12 mol/m2 in a 200 s rest step, where the site currents are of that order
     * themselves). The defect, an inner-solve residual, goes to the site carrying the largest current (its relative
     * change is the smallest): the step then moves exactly I dt / F of lithium, conservation by construction.
     */
    private void balanceSiteCurrents(double current) {
        double sum = jSe + jCc, largest = Math.abs(jSe);
        int site = -1; // -1: SE side, -2: collector, 4k + 2 / 4k + 3: host / pore current of node k in uTrial
        if (Math.abs(jCc) > largest) { largest = Math.abs(jCc); site = -2; }
        for (int k = 0; k < n; k++) {
            for (int q = lith.hasHost() ? 2 : 3; q <= 3; q++) {
                double j = uTrial[4 * k + q];
                sum += j;
                if (Math.abs(j) > largest) { largest = Math.abs(j); site = 4 * k + q; }
            }
        }
        double defect = current - sum;
        if (site == -1) jSe += defect;
        else if (site == -2) jCc += defect;
        else uTrial[site] += defect;
    }

    /** True MIEC/SE contact area per geometric area: the flat contact plus the pore walls the SE covers. */
    public double seContactArea() { return geo.seContactArea(); }

    /**
     * SE reduction on the MIEC/SE contact (mechanism 3 of Sung2023: decomposition scales with the true contact area),
     * parabolic like at Li ({@link SolidElectrolyteInterphase}); its Li comes from Li metal in the electrode, else
     * from the lithiated host (the silicide reduces the SE). Without lithium to give (as-cast Si) nothing grows.
     * The host's equilibrium curves U(y) = U0 + s ln((1 - y)/y) (both branches) rise by the same dU as its lithium
     * goes. Where the host carries no current (between its branches, no Li metal, a step at a set current) nothing
     * else sets its potential: it moves with them, keeping its place in the loop (else it stayed where it was while
     * the loop rose under it: a resting Li3.75Si-CNT layer held 0.1412 V for 10 h while the interphase took a tenth
     * of its lithium and its curves rose by 96 mV). On a branch its current sets the potential: the lithium lost here
     * is in the next step's solve. Returns the shift [V] (0 where none).
     */
    private double reduceAtContact(double dt) {
        double hostAvail = 0, cap = lith.hasHost() ? lith.lithiumCapacity() : 0;
        if (cap > 0) {
            double ymin = 1;
            for (double v : ty) ymin = Math.min(ymin, v);
            hostAvail = Math.max(0, ymin - 0.5) * cap;
        }
        double metal = tnCc;
        for (double v : tnPore) metal += v;
        // the host is the electrode's only reaction when it has no Li metal (none at the start, none plated)
        boolean hostOnly = metal + tnSe <= EMPTY && !anyMetalAtAll(nCc, nSe, nPore);
        double want = contactSei.trial(dt, seContactArea());
        if (want > metal + hostAvail) {
            contactSei.trial(0, contactSei.area()); // not lithiated enough to reduce the SE: keep the committed state
            return 0;
        }
        double take = Math.min(want, tnCc);
        tnCc -= take;
        want -= take;
        for (int k = 0; k < n && want > 0; k++) {
            take = Math.min(want, tnPore[k]);
            tnPore[k] -= take;
            want -= take;
        }
        if (!(want > 0)) return 0;
        double shift = 0;
        boolean rests = hostOnly && !atSetPotential; // else Li metal or the set potential holds phi_s
        for (int k = 0; k < n; k++) {
            double dphi = uTrial[4 * k + 1] - uTrial[4 * k];
            if (alloying.restPotential(dphi, ty[k]) != dphi) rests = false; // on a branch: its current sets dphi
            double y1 = ty[k] - want / cap;
            shift += (alloying.equilibrium(y1) - alloying.equilibrium(ty[k])) / n;
            ty[k] = y1;
        }
        if (!rests) return 0;
        // no current: phi_s is uniform and phi_e = 0, one shift for all (the mean of the control volumes')
        for (int k = 0; k < n; k++) uTrial[4 * k + 1] += shift;
        return shift;
    }

    @Override
    public void addOverpotentials(double[] out, double sign) {
        out[OverpotentialKind.LITHIUM_KINETIC.ordinal()] += sign * etaKin;
        out[OverpotentialKind.NUCLEATION.ordinal()] += sign * etaNuc;
        out[OverpotentialKind.INTERLAYER_OHMIC.ordinal()] += sign * etaOhm;
        out[OverpotentialKind.INTERPHASE.ordinal()] += sign * etaSei;
    }

    @Override
    public void commit(PhysicsEvents events) {
        boolean yChanged = false;
        for (int k = 0; k < n; k++) {
            if (ty[k] > y[k]) yChanged = true;
            y[k] = ty[k];
            nPore[k] = tnPore[k];
            platedPore[k] = tPlatedPore[k];
        }
        for (int k = 0; k < n; k++) poreCov[k] = poreCoverage(nPore, k);
        nCc = tnCc;
        nSe = tnSe;
        nDead = tnDead;
        committedCurrent = lastI;
        committedOcv = trialOcv;
        platedCc = tPlatedCc;
        platedSe = tPlatedSe;
        sei.commit();
        contactSei.commit();
        solver.commit();
        if (yChanged) {
            // the pore size is set by the stack pressure while the host expands: lithiation-weighted mean pressure
            double yNew = meanY();
            if (yNew > yLithiationWeight) {
                lithiationPressure = (lithiationPressure * yLithiationWeight + pressure * (yNew - yLithiationWeight)) / yNew;
                yLithiationWeight = yNew;
            }
        }
        if (lith.hasHost()) {
            updateGeometry();
            updateTransport();
            etaCcN = collectorNucleation();
        }
        double cov = 3 * PlatingSubstrateElectrode.NUCLEATION_COVERAGE;
        double sumPlatedPore = 0;
        for (double v : platedPore) sumPlatedPore += v;
        if (!reportedPore && sumPlatedPore > cov) {
            reportedPore = true;
            events.emit(SimulationEvent.Type.NUCLEATION, etaHostN, name + ": Li nucleated inside the interlayer pores");
        }
        if (!reportedCc && !foil && platedCc > cov) {
            reportedCc = true;
            events.emit(SimulationEvent.Type.NUCLEATION, etaCcN, name + ": Li nucleated at the interlayer/collector interface");
        }
        if (!reportedSe && platedSe > cov) {
            reportedSe = true;
            events.emit(SimulationEvent.Type.NUCLEATION, etaHostN, name + ": Li nucleated at the interlayer/SE interface");
        }
    }

    @Override
    public LithiumInventory inventory() {
        double pores = 0, hostLi = 0;
        for (int k = 0; k < n; k++) {
            pores += nPore[k];
            hostLi += y[k] * lith.lithiumCapacity() / n;
        }
        double foilPart = Math.min(nCc, foil0);
        return new LithiumInventory(foilPart, pores, nCc - foilPart, nSe, sei.lithium() + contactSei.lithium(), nDead, lith.hasHost() ? hostLi : 0, 0);
    }

    @Override
    public double penetrationRatio() {
        return Math.max(seRatio(), poreRatio());
    }

    /** Li at the SE side pressing on the SE ({@link InterlayerPenetration#seSide}). */
    private double seRatio() {
        return nSe > EMPTY ? InterlayerPenetration.seSide(ctx, pressure, -jSe, temperature) : 0;
    }

    /** Li in the pores next to the SE (node 0) while plating ({@link InterlayerPenetration#pores}). */
    private double poreRatio() {
        if (nPore[0] <= EMPTY || !(committedCurrent < 0)) return 0;
        return InterlayerPenetration.pores(ctx, pressure, -committedCurrent, thickness, poreSize, temperature);
    }

    /**
     * Only the Li plated into the overloaded features drives a filament: the SE-side deposit's current, or for Li in
     * the SE-side pores the share of the plating current that crosses the SE interface through pores (porosity).
     */
    @Override
    public double penetrationCurrent() {
        return seRatio() >= poreRatio() ? Math.max(0, -jSe) : Math.max(0, -committedCurrent) * porosity;
    }

    /** The reactions of the committed state and the step, for the charge balance of the step. */
    private final class Reactions implements MiecChargeBalance.Reactions {
        @Override public double current() { return lastI; }
        @Override public double dt() { return lastDt; }
        @Override public boolean hasHost() { return lith.hasHost(); }
        @Override public double hostCapacityPerCell() { return lith.hasHost() ? lith.lithiumCapacity() / n : 1; }
        @Override public double lithiation(int k) { return y[k]; }
        @Override public double poreLithium(int k) { return nPore[k]; }
        @Override public double poreFill(int k) { return MiecInterlayerElectrode.this.poreFill(k); }
        @Override public double hostCurrent(double dphi, double yy) { return MiecInterlayerElectrode.this.hostCurrent(dphi, yy); }
        @Override public double poreCurrent(int k, double dphi, double amount, boolean slope) {
            return slope ? poreDphi(k, dphi, amount) : pore(k, dphi, amount);
        }
        @Override public double collectorCurrent(double dphi, boolean slope) { return slope ? ccSiteDphi(dphi) : ccSite(dphi); }
        @Override public double separatorCurrent(double phiS, boolean slope) { return seSite(phiS, slope); }
    }
}

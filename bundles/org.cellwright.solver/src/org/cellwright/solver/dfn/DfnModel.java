package org.cellwright.solver.dfn;

import static org.cellwright.solver.physics.Constants.F;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.cellwright.solver.numerics.dae.Interpolant;
import org.cellwright.solver.numerics.dae.VariableOrderBdf;
import org.cellwright.solver.numerics.dae.BorderedDaeSystem;
import org.cellwright.solver.numerics.fv.CompositeMesh;
import org.cellwright.solver.numerics.fv.FaceConductance;
import org.cellwright.solver.numerics.fv.Mesh1D;
import org.cellwright.solver.numerics.fv.ModalParticleMesh;
import org.cellwright.solver.numerics.fv.ParticleMesh;
import org.cellwright.solver.numerics.fv.SphericalMesh;

/**
 * The DFN cell as a DAE M y' = f(t, y) on finite volumes. Core unknowns per x-cell, in this order: electrolyte
 * concentration c_e, electrolyte potential phi_e and, in the electrodes, solid potential phi_s and one reaction current
 * density j_k [A/m2] per particle population k (one unless the electrode is a blend); after all of them, one block of
 * shell concentrations per electrode cell and population (its particle), coupled to the cell's j_k through the surface
 * flux j_k/F, and j_k's Butler-Volmer row to the particle's outer shell (the structure of {@link BorderedDaeSystem}).
 * The residuals are the conservation laws of the mechanism classes; the solid potential is grounded at x = 0 and the
 * solid current at x = L equals the applied current. With a lithium-metal negative ({@link PlanarLithiumElectrode})
 * the negative domain is empty and x = 0 is the foil: face 0 carries its kinetics (no unknowns of its own). Under power control ({@link #atPower}) the applied current is
 * one more algebraic unknown, the last of the core, with the constraint I V = P(t); a {@link #controlled} model has
 * that unknown too and switches between I = I(t) and I V = P(t) step by step ({@link #controlByPower}). A single-ion
 * electrolyte (t+ = 1) has no c_e unknowns ({@link #uniformElectrolyte}), and between a foil and the positive under a
 * given current no separator unknowns either ({@link #firstUnknownCell}).
 */
public final class DfnModel implements BorderedDaeSystem, CellModel {
    /**
     * Offsets within a cell's core block from {@link #start}: c_e at CE (absent with a {@link #uniformElectrolyte}, whose
     * blocks start at PHIE), phi_e, phi_s, j_k.
     */
    static final int CE = 0, PHIE = 1, PHIS = 2, J = 3;
    /**
     * The electrolyte's concentration is no unknown: a single-ion conductor (t+ = 1, declared independent of c) keeps
     * c_e at its initial uniform value for all time, exactly (no salt flows by diffusion where none flows by migration:
     * the salt balance d(eps c)/dt = -d(-D_eff dc/dx + i_e/F)/dx + a j/F has the charge balance di_e/dx = a j as its
     * migration part, and the foil's face passes every charge as Li+), so the state leaves it out and every reader takes
     * {@link #uniformConcentration} (docs/dfn.md, session 31). Then the first unknown of cell g is its phi_e, at
     * start[g] + PHIE: {@link #first} = 1.
     */
    private final boolean uniformElectrolyte;
    /** The offset of a cell's first unknown from its {@link #start}: 0 with c_e among the unknowns, 1 without. */
    private final int first;
    /** c_e of a {@link #uniformElectrolyte} [mol/m3] (the initial concentration). */
    private final double uniformConcentration;
    /**
     * Each population's exchange-current law as the residual reads it (domain, population): the material's, or where
     * c_e is uniform the law at that concentration (its c_e factor taken once, ExchangeCurrentLaw.atElectrolyteConcentration).
     */
    private final ExchangeCurrentLaw[][] exchangeLaws = new ExchangeCurrentLaw[3][];
    /** The foil's exchange current at the uniform c_e and this temperature [A/m2] (NaN without a foil or a uniform c_e). */
    private double foilExchangeCurrent = Double.NaN;
    /**
     * The first x-cell with unknowns of its own: 0, or with a {@link #uniformElectrolyte} between a lithium foil and the
     * positive under a given current the positive's first cell. There the separator carries the applied current through
     * conductances that do not depend on the state (no reaction, uniform c_e, kappa_D = 0), so its phi_e is no unknown:
     * the foil's face passes (phi_e at the foil - phi_e at the positive's first centre) / {@link #separatorResistance}, the
     * series of the separator's face resistances (exactly the chain of the separator's rows), and each separator cell's
     * phi_e lies on that ohmic line ({@link #electrolytePotential}).
     */
    private final int firstUnknownCell;
    /** With a condensed separator ({@link #firstUnknownCell} > 0): per cell g before it, the resistance from centre g to the positive's first centre, and at [firstUnknownCell] that from the foil's face [Ohm m2]. */
    private double[] separatorResistance;

    private final DfnCell cell;
    private final DfnMesh meshSpec;
    private final CompositeMesh mesh;
    private final CurrentProfile current;
    /** Power demand P(t) [W/m2] when the model has a current unknown, else null. */
    private final PowerProfile power;
    /** With a current unknown: its constraint is I V = P(t) (true) or I = I(t) (false). */
    private boolean powerMode;
    private final ConcentratedSolutionElectrolyte electrolyte;
    /** The lithium-metal foil at x = 0 of a mixed cell (then domain 0 has no cells), or null. */
    private final PlanarLithiumElectrode foil;
    private final SphericalMesh[][] particleMesh = new SphericalMesh[3][];
    /**
     * The particles' unknowns: their shells (particleMesh), or with DfnMesh.particleModes and every diffusivity
     * independent of c their shells' slowest modes as a chain ({@link ModalParticleMesh}).
     */
    private final ParticleMesh[][] particleUnknowns = new ParticleMesh[3][];
    /** Each population's particle diffusivity at the current temperature where it is independent of c, else NaN. */
    private final double[][] particleDiffusivity = new double[3][];
    private final ParticlePopulation[][] populations = new ParticlePopulation[3][];
    /** Whether an OCP of the cell has hysteresis ({@link #hasHysteresis}; the runner asks at every step of a drive cycle). */
    private final boolean hysteresis;
    private final int[] start, particleStart, blockCell, blockPopulation;
    private final int size, coreSize, bandwidth, currentIndex;
    private final double[] efficiency, porosity;
    /**
     * Per domain (0 negative, 2 positive; 0 where no porous solid) the solid phase's face conductances, sigma_eff over
     * the uniform mesh's centre distance ({@link FaceConductance#interior}) and over the half cell from the end centre to
     * the collector ({@link FaceConductance#toEnd}); sigma_eff does not depend on the state, so once per model.
     */
    private final double[] solidFace = new double[3], solidCollector = new double[3];
    private final int nx, nr;
    private double temperature;
    // work arrays
    private final double[] ie, saltFlux, is;
    private double[] kappaCell, kappaDCell, diffusivityCell, transferenceCell, logCell; // per x-cell, in rhs

    public DfnModel(DfnCell cell, DfnMesh meshSpec, CurrentProfile current) {
        this(cell, meshSpec, current, null);
    }

    /** The cell driven at power P(t) [W/m2, positive = discharge]: the current is solved with V I = P. */
    public static DfnModel atPower(DfnCell cell, DfnMesh meshSpec, PowerProfile power) {
        DfnModel m = new DfnModel(cell, meshSpec, t -> Double.NaN, power);
        m.powerMode = true;
        return m;
    }

    /**
     * The cell with its applied current as an unknown of the state, constrained by current(t) or by V I = power(t) as
     * {@link #controlByPower} says (current first): for protocols that mix current and power steps. Restart the
     * integrator after switching, as after any jump of the forcing.
     */
    public static DfnModel controlled(DfnCell cell, DfnMesh meshSpec, CurrentProfile current, PowerProfile power) {
        return new DfnModel(cell, meshSpec, current, power);
    }

    /** Power control (V I = P(t)) from now on, or current control (I = I(t)); only for a model with a current unknown. */
    public void controlByPower(boolean on) {
        if (currentIndex < 0) throw new IllegalStateException("this model's current is not an unknown: make it with DfnModel.controlled");
        powerMode = on;
        heldVoltage = Double.NaN;
    }

    /** Potentiostatic control from now on: the current unknown constrained by V = volts (a voltage hold); NaN releases it. */
    @Override
    public void holdVoltage(double volts) {
        controlByPower(false);
        heldVoltage = volts;
    }

    /** The held terminal voltage [V] under potentiostatic control, else NaN. */
    private double heldVoltage = Double.NaN;

    private DfnModel(DfnCell cell, DfnMesh meshSpec, CurrentProfile current, PowerProfile power) {
        this.cell = cell;
        this.meshSpec = meshSpec;
        this.current = current;
        this.power = power;
        this.temperature = cell.temperature();
        foil = cell.lithiumMetal();
        double ln = foil != null ? 0 : cell.negative().thickness(), ls = cell.separator().thickness(), lp = cell.positive().thickness();
        mesh = new CompositeMesh(List.of(new Mesh1D(0, ln, foil != null ? 0 : meshSpec.negative()), new Mesh1D(ln, ln + ls, meshSpec.separator()),
                new Mesh1D(ln + ls, ln + ls + lp, meshSpec.positive())));
        electrolyte = new ConcentratedSolutionElectrolyte(cell.electrolyte());
        uniformConcentration = cell.initialElectrolyteConcentration();
        StateFunction transference = cell.electrolyte().transferenceNumber();
        uniformElectrolyte = transference.independentOfConcentration() && transference.at(uniformConcentration, temperature) == 1;
        first = uniformElectrolyte ? 1 : 0;
        firstUnknownCell = uniformElectrolyte && foil != null && power == null ? mesh.firstCell(2) : 0;
        for (int d = 0; d <= 2; d += 2)
            populations[d] = d == 0 && foil != null ? new ParticlePopulation[0] : electrode(d).populations().toArray(new ParticlePopulation[0]);
        for (int d = 0; d <= 2; d += 2) particleDiffusivity[d] = new double[populations[d].length];
        hysteresis = Arrays.stream(populations).filter(Objects::nonNull).flatMap(Arrays::stream).anyMatch(p -> p.ocp().hasHysteresis());
        takeParticleDiffusivities();
        int modes = linearBlocks() ? meshSpec.particleModes() : 0;
        nr = modes > 0 ? modes : meshSpec.particle();
        for (int d = 0; d <= 2; d += 2) {
            particleMesh[d] = new SphericalMesh[populations[d].length];
            particleUnknowns[d] = new ParticleMesh[populations[d].length];
            for (int k = 0; k < populations[d].length; k++) {
                double radius = populations[d][k].particle().radius();
                particleMesh[d][k] = new SphericalMesh(radius, meshSpec.particle());
                particleUnknowns[d][k] = modes > 0 ? ModalParticleMesh.of(radius, meshSpec.particle(), modes) : particleMesh[d][k];
            }
        }
        for (int d = foil != null ? 2 : 0; d <= 2; d += 2) {
            double sigma = electrode(d).solid().effectiveConductivity();
            solidFace[d] = FaceConductance.interior(mesh.domains().get(d), sigma);
            solidCollector[d] = FaceConductance.toEnd(mesh.domains().get(d), sigma);
        }
        nx = mesh.cells();
        start = new int[nx + 1];
        start[0] = -first;
        particleStart = new int[nx];
        efficiency = new double[nx];
        porosity = new double[nx];
        for (int g = 0; g < nx; g++) {
            start[g + 1] = start[g] + coreBlockSize(g);
            int d = mesh.domainOf(g);
            efficiency[g] = d == 1 ? cell.separator().electrolyteEfficiency() : electrode(d).electrolyteEfficiency();
            porosity[g] = d == 1 ? cell.separator().porosity() : electrode(d).porosity();
        }
        initialSalt = cell.initialElectrolyteConcentration() * electrolyteVolume();
        currentIndex = power == null ? -1 : start[nx] + first;
        coreSize = start[nx] + first + (power == null ? 0 : 1);
        int blocks = 0, next = coreSize;
        for (int g = 0; g < nx; g++) {
            particleStart[g] = -1;
            if (isElectrode(g)) {
                int np = populations[mesh.domainOf(g)].length;
                particleStart[g] = next;
                next += np * nr;
                blocks += np;
            }
        }
        size = next;
        blockCell = new int[blocks];
        blockPopulation = new int[blocks];
        for (int g = 0, b = 0; g < nx; g++)
            if (isElectrode(g)) for (int k = 0; k < populations[mesh.domainOf(g)].length; k++) {
                blockCell[b] = g;
                blockPopulation[b++] = k;
            }
        // under power control the current (after the last cell) meets the last cell's phi_s row and column
        int band = power == null ? 0 : currentIndex - (start[nx - 1] + PHIS);
        for (int g = 0; g < nx; g++) {
            // the exact reach of cell g's rows: c_e and phi_e rows see c_e and phi_e of the neighbours (the salt flux
            // carries the migration of the ionic current), phi_s rows the neighbours' phi_s, and the rows of c_e, phi_e,
            // phi_s and j_k see the whole own block; nothing else
            int own = coreBlockSize(g) - 1;
            band = Math.max(band, own);
            // (without c_e: phi_e and phi_s rows see the neighbours' phi_e and phi_s, one block's size away)
            if (g > 0) band = Math.max(band, start[g] + PHIE - (start[g - 1] + first));
            if (g < nx - 1) band = Math.max(band, start[g + 1] + PHIE - (start[g] + first));
        }
        bandwidth = band;
        ie = new double[nx + 1];
        saltFlux = new double[nx + 1];
        is = new double[nx + 1];
        kappaCell = new double[nx];
        kappaDCell = new double[nx];
        diffusivityCell = new double[nx];
        transferenceCell = new double[nx];
        logCell = new double[nx];
        for (int d = 0; d <= 2; d += 2) {
            exchangeLaws[d] = new ExchangeCurrentLaw[populations[d].length];
            for (int k = 0; k < populations[d].length; k++) {
                ExchangeCurrentLaw law = populations[d][k].kinetics().exchangeCurrent();
                exchangeLaws[d][k] = uniformElectrolyte ? law.atElectrolyteConcentration(uniformConcentration) : law;
            }
        }
        if (uniformElectrolyte) uniformElectrolyteCells();
    }

    /**
     * The base of x-cell g's core unknowns: c_e at CE (where it is an unknown), phi_e, phi_s and j_k at PHIE, PHIS, J + k.
     */
    int coreStart(int g) { return start[g]; }

    /** Whether c_e is uniform and constant, no unknown ({@link #uniformElectrolyte}: t+ = 1). */
    public boolean uniformElectrolyte() { return uniformElectrolyte; }

    /** The electrolyte's concentration c_e at x-cell g in state y [mol/m3] (the uniform one where it is no unknown). */
    public double electrolyteConcentration(double[] y, int g) { return first == 0 ? y[start[g] + CE] : uniformConcentration; }

    /**
     * The electrolyte's potential phi_e at x-cell g in state y [V]; in a condensed separator ({@link #firstUnknownCell}) on
     * the ohmic line from the positive's first centre, which the current of the positive's reactions, -sum a j dx (the
     * applied current wherever the solid's and the electrolyte's charge balances hold), crosses towards the foil.
     */
    public double electrolytePotential(double[] y, int g) {
        if (g >= firstUnknownCell) return y[start[g] + PHIE];
        return y[start[firstUnknownCell] + PHIE] - positiveReactions(y) * separatorResistance[g];
    }

    /**
     * {@link #electrolytePotential} of every x-cell of state y, a new array: the positive's reactions summed once for the
     * whole condensed separator (per cell they were summed again for each of its cells).
     */
    public double[] electrolytePotentials(double[] y) {
        double[] out = new double[nx];
        int p = firstUnknownCell;
        double reactions = p > 0 ? positiveReactions(y) : 0;
        for (int g = 0; g < nx; g++) out[g] = g >= p ? y[start[g] + PHIE] : y[start[p] + PHIE] - reactions * separatorResistance[g];
        return out;
    }

    /** The current of the positive's reactions in state y, sum a j dx over its cells [A/m2]. */
    private double positiveReactions(double[] y) {
        double reactions = 0;
        for (int h = firstUnknownCell; h < nx; h++)
            for (int k = 0; k < populations[2].length; k++) reactions += populations[2][k].specificSurface() * y[start[h] + J + k] * mesh.width(h);
        return reactions;
    }

    /** The solid phase's conductance of a face between two cells of electrode domain d [S/m2]. */
    double solidFaceConductance(int d) { return solidFace[d]; }

    /** The solid phase's conductance from electrode domain d's end cell to its collector [S/m2]. */
    double solidCollectorConductance(int d) { return solidCollector[d]; }

    private int coreBlockSize(int g) { return g < firstUnknownCell ? 0 : (isElectrode(g) ? 3 + populations[mesh.domainOf(g)].length : 2) - first; }

    public boolean isElectrode(int g) { return mesh.domainOf(g) != 1; }

    IntercalationElectrode electrode(int domain) { return domain == 0 ? cell.negative() : cell.positive(); }

    public CompositeMesh mesh() { return mesh; }

    public DfnCell cell() { return cell; }

    public DfnMesh meshSpec() { return meshSpec; }

    public SphericalMesh particleMesh(int domain) { return particleMesh[domain][0]; }

    public SphericalMesh particleMesh(int domain, int population) { return particleMesh[domain][population]; }

    /** The unknowns of population k's particles: the shells ({@link #particleMesh}) or their slowest modes. */
    public ParticleMesh particleUnknowns(int domain, int population) { return particleUnknowns[domain][population]; }

    /**
     * The shell concentrations (particleMesh(d, k).shells() values into out) of population k's particle at x-cell g:
     * its unknowns, or where they are modes the shells they stand for.
     */
    public void shellConcentrations(double[] y, int g, int k, double[] out) {
        int d = mesh.domainOf(g), ps = particleStart(g, k);
        if (particleUnknowns[d][k] instanceof ModalParticleMesh modal)
            modal.shellConcentrations(y, ps, particleDiffusivity[d][k], y[start[g] + J + k] / F, out);
        else System.arraycopy(y, ps, out, 0, nr);
    }

    /** Particle populations of electrode domain (0 negative, 2 positive). */
    public int populations(int domain) { return populations[domain].length; }

    public ParticlePopulation population(int domain, int k) { return populations[domain][k]; }

    /** Reaction current density j_k of population k at electrode x-cell g [A/m2 of particle surface]. */
    public double reactionCurrent(double[] y, int g, int k) { return y[start[g] + J + k]; }

    /**
     * The base index of x-cell g's core unknowns: phi_e at start(g) + 1, phi_s at + 2, j_k at + 3 + k, and c_e at + 0
     * where it is an unknown (with a {@link #uniformElectrolyte} index + 0 is the previous cell's last unknown, or -1;
     * read c_e by {@link #electrolyteConcentration}). A condensed separator's cells ({@link #firstUnknownCell}) have no
     * unknowns: read their phi_e by {@link #electrolytePotential}.
     */
    public int start(int g) { return start[g]; }

    /**
     * Multiplies every reaction current j_k of y by factor (the other unknowns kept): a start for the consistent
     * initialisation at a new applied current whose surfaces are those of the outer shells moved by the new flux, not
     * the old one (DfnRunner.applyCurrent; docs/dfn.md, "A rest after a cold high-rate discharge").
     */
    public void scaleReactionCurrents(double[] y, double factor) {
        for (int g = 0; g < nx; g++)
            if (isElectrode(g)) for (int k = 0; k < populations[mesh.domainOf(g)].length; k++) y[start[g] + J + k] *= factor;
    }

    @Override public int size() { return size; }

    @Override public int coreSize() { return coreSize; }

    @Override public int blocks() { return blockCell.length; }

    @Override public int blockStart(int b) { return particleStart(blockCell[b], blockPopulation[b]); }

    @Override public int blockSize(int b) { return nr; }

    @Override public int anchor(int b) { return start[blockCell[b]] + J + blockPopulation[b]; }

    /** Population k's Butler-Volmer row sees (c_e,) phi_e, phi_s and j_k of its own cell: J + k (- 1 without c_e) unknowns below its anchor. */
    @Override public int anchorRowReach() {
        int most = 1;
        for (int d = 0; d <= 2; d += 2) most = Math.max(most, populations[d].length);
        return J + most - 1 - first;
    }

    /** First shell unknown of the (first population's) particle at x-cell g (an electrode cell). */
    public int particleStart(int g) { return particleStart[g]; }

    /** First shell unknown of population k's particle at x-cell g. */
    public int particleStart(int g, int k) { return particleStart[g] + k * nr; }

    @Override public int lowerBandwidth() { return bandwidth; }

    @Override public int upperBandwidth() { return bandwidth; }

    @Override
    public void mass(double[] m) {
        java.util.Arrays.fill(m, 0);
        for (int g = 0; g < nx; g++) {
            if (first == 0) m[start[g] + CE] = porosity[g] * mesh.width(g);
            if (isElectrode(g)) {
                ParticleMesh[] pms = particleUnknowns[mesh.domainOf(g)];
                for (int p = 0; p < pms.length; p++)
                    for (int k = 0; k < nr; k++) m[particleStart(g, p) + k] = pms[p].volume(k);
            }
        }
    }

    @Override
    public double absoluteTolerance(int i) {
        if (i >= coreSize) {
            int b = (i - coreSize) / nr;
            return 1e-6 * populations[mesh.domainOf(blockCell[b])][blockPopulation[b]].particle().maximumConcentration();
        }
        if (i == currentIndex) return 1e-6;
        int g = cellOf(i);
        int o = i - start[g];
        if (o == CE) return 1e-3 * cell.initialElectrolyteConcentration() * 1e-3;
        if (o == PHIE || o == PHIS) return 1e-6;
        return 1e-6; // j
    }

    /** The least magnitude a reaction current's finite-difference step is taken from [A/m2] (DaeSystem.differenceScale). */
    static final double REACTION_DIFFERENCE_SCALE = 1e-2;

    /**
     * A reaction current j_k's finite-difference scale: {@link #REACTION_DIFFERENCE_SCALE}, 1e4 times its absolute
     * tolerance rather than the default 1e3. At rest |j| -> 0 and the column's step was sqrt(eps) 1e-3 = 1.5e-11 A/m2,
     * below the rounding of the charge balances j enters (face currents G dphi of 1e3-1e4 A/m2, ulp 1e-12): the
     * Jacobian's j columns were noise, and BPX's NMC pouch cells stopped in a rest or found no consistent state after
     * one (docs/dfn.md, "Reaction currents at rest"). j enters those rows linearly, so a larger step costs no accuracy
     * there; the exchange current (0.5-6 A/m2) as the scale made Marquis 2019's US06 at 8 C and rtol 1e-3 stop at a fold
     * 7.6 mV above its cut-off (so did 0.1 A/m2), a case whose stepping into that fold follows rounding-level details of
     * the Jacobian. Other unknowns: the default.
     */
    @Override
    public double differenceScale(int i) {
        if (i >= coreSize || i == currentIndex) return 1e3 * absoluteTolerance(i);
        int g = cellOf(i), k = i - start[g] - J;
        return k >= 0 && isElectrode(g) && k < populations[mesh.domainOf(g)].length ? REACTION_DIFFERENCE_SCALE : 1e3 * absoluteTolerance(i);
    }

    private int cellOf(int i) {
        int lo = 0, hi = nx - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (start[mid] + first <= i) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /** Initial state: uniform concentrations, potentials at open circuit, j = 0 (the integrator makes them consistent). */
    public double[] initialState() {
        double[] y = new double[size];
        double t = temperature;
        IntercalationElectrode p = cell.positive();
        ParticlePopulation p0 = populations[2][0];
        // uniform reaction j = +-I / (a L) and its Butler-Volmer overpotential: close to the consistent state
        double un0 = foil != null ? 0 : populations[0][0].ocp().at(populations[0][0].initialConcentration() / populations[0][0].particle().maximumConcentration(), t);
        double up0 = p0.ocp().at(p0.initialConcentration() / p0.particle().maximumConcentration(), t);
        double iApp = powerMode ? power.at(0) / (up0 - un0) : current.at(0);
        double jn = foil != null ? 0 : iApp / (cell.negative().specificSurface() * cell.negative().thickness()), jp = -iApp / (p.specificSurface() * p.thickness());
        // phi_s - phi_e at the negative: the foil's -phi_e(0), or the porous negative's U + eta
        double un = foil != null ? -foil.electrolytePotential(iApp, cell.initialElectrolyteConcentration(), t)
                : un0 + overpotential(populations[0][0], jn, cell.initialElectrolyteConcentration(), t);
        double up = up0 + overpotential(p0, jp, cell.initialElectrolyteConcentration(), t);
        if (power != null) y[currentIndex] = iApp;
        for (int g = firstUnknownCell; g < nx; g++) {
            int s = start[g];
            if (first == 0) y[s + CE] = cell.initialElectrolyteConcentration();
            y[s + PHIE] = -un;
            if (isElectrode(g)) {
                int d = mesh.domainOf(g);
                y[s + PHIS] = d == 0 ? 0 : up - un;
                for (int q = 0; q < populations[d].length; q++) {
                    y[s + J + q] = d == 0 ? jn : jp;
                    for (int k = 0; k < nr; k++) y[particleStart(g, q) + k] = populations[d][q].initialConcentration();
                }
            }
        }
        return y;
    }

    /** Overpotential of the symmetric Butler-Volmer law at reaction current j (initial guess only). */
    private static double overpotential(ParticlePopulation e, double j, double ce, double t) {
        double i0 = e.kinetics().exchangeCurrent().at(ce, e.initialConcentration(), e.particle().maximumConcentration(), t);
        return 2 * org.cellwright.solver.physics.Constants.R * t / F * ButlerVolmerKinetics.asinh(j / (2 * i0));
    }

    /** Surface concentration of the (first population's) particle at x-cell g. */
    /** How close to its end a transport path counts as exhausted (fraction of the electrolyte's initial concentration, of c_max). */
    public static final double EXHAUSTED = 1e-3;

    /**
     * The transport limit state y has reached, or null: the electrolyte depleted in a cell (c_e below {@link #EXHAUSTED}
     * of its initial concentration: the limiting current of ion transport, Doyle, Fuller and Newman, J. Electrochem.
     * Soc. 140 (1993) 1526), or a population's particle surfaces at the end of their range under the current
     * (c_s/c_max within {@link #EXHAUSTED} of 1 taking lithium, of 0 giving it: solid diffusion's limit). At either the
     * voltage falls without bound as the state approaches it (ln c_e in the electrolyte's potential, the exchange
     * current's c_e^alpha and (c_max - c_s)^alpha c_s^(1 - alpha)), so no step of finite length reaches a voltage beyond.
     * The description names the path nearest its limit (session 15; before, the electrolyte first, then the first cell from
     * the negative side), its place (x [um] from the negative side of the stack: its collector, or a foil's face) and value.
     * A particle surface whose fitted OCP (without the barrier) is within {@link #EXHAUSTED} of the span of electrode potentials
     * ({@link ElectrochemicalSeries}) is at the end of its range too (session 16): its fit is evaluated past the
     * stoichiometries it describes (About:Energy's LFP, whose fit runs away to 160 kV near x = 0.054, so its surfaces
     * never come near 1e-3 and the integration crawled to a stall).
     */
    public String transportLimit(double t, double[] y) {
        return transportLimit(t, y, EXHAUSTED);
    }

    /**
     * {@link #transportLimit(double, double[])} with the fraction within which a path counts as exhausted: a step landed on
     * the limit ({@link #transportMargin}: within a landing's tolerance of {@link #EXHAUSTED}) is named with a slightly
     * wider one.
     */
    public String transportLimit(double t, double[] y, double within) {
        Nearest n = nearestLimit(t, y);
        if (n == null || !(n.margin() < within - EXHAUSTED)) return null;
        if (n.domain() < 0)
            return String.format(java.util.Locale.ROOT, "the electrolyte is depleted at x = %.1f um from the negative side (%.3g mol/m3 of %.4g at the start) (a transport limit)",
                    1e6 * mesh.centre(n.cell()), n.value(), cell.initialElectrolyteConcentration());
        String side = n.domain() == 2 ? "positive" : "negative";
        if (!Double.isNaN(n.ocp()))
            return String.format(java.util.Locale.ROOT, "the %s particles' surface OCP is %.3f V at x = %.1f um from the negative side (stoichiometry %.5f), at the "
                    + "span of the electrochemical series (%.3f V): the material's OCP fit is evaluated beyond the stoichiometries it describes "
                    + "(the end of its stoichiometry range)", side, n.ocp(), 1e6 * mesh.centre(n.cell()), n.value(), ElectrochemicalSeries.SPAN);
        return String.format(java.util.Locale.ROOT, "the %s particles' surface is %s at x = %.1f um from the negative side (stoichiometry %.5f) (a transport limit)",
                side, n.filling() ? "saturated" : "emptied", 1e6 * mesh.centre(n.cell()), n.value());
    }

    /**
     * The distance of state y from the nearest transport limit of {@link #transportLimit} (dimensionless: c_e/c_e0 -
     * {@link #EXHAUSTED} in the electrolyte, c_s/c_max - EXHAUSTED of surfaces giving lithium, 1 - EXHAUSTED - c_s/c_max of
     * those taking it under the current, 1 - EXHAUSTED - |U| / {@link ElectrochemicalSeries#SPAN} of every surface's fitted OCP U;
     * positive before the limit, negative past it): a smooth margin a step lands on
     * (CutoffLanding) where no voltage cut-off lies ahead, so that it ends at a state inside the model's range, one the
     * next step can start from (issue 13).
     */
    public double transportMargin(double t, double[] y) {
        Nearest n = nearestLimit(t, y);
        return n == null ? Double.POSITIVE_INFINITY : n.margin();
    }

    /**
     * The transport path nearest its limit: its margin ({@link #transportMargin}), x-cell, domain (-1: the electrolyte),
     * side, c_e [mol/m3] or stoichiometry, and the surface OCP [V] where the limit is the OCP's ({@link ElectrochemicalSeries}), else NaN.
     */
    private record Nearest(double margin, int cell, int domain, boolean filling, double value, double ocp) {}

    private Nearest nearestLimit(double t, double[] y) {
        double c0 = cell.initialElectrolyteConcentration(), margin = Double.POSITIVE_INFINITY, value = Double.NaN;
        int at = -1, domain = -1;
        boolean fills = false;
        for (int g = 0; g < nx; g++) {
            double m = electrolyteConcentration(y, g) / c0 - EXHAUSTED;
            if (m < margin) {
                margin = m;
                at = g;
                value = electrolyteConcentration(y, g);
            }
        }
        double iApp = current(t, y), branch = branchCurrent(t, y), ocp = Double.NaN;
        for (int g = 0; g < nx; g++) {
            if (!isElectrode(g)) continue;
            int d = mesh.domainOf(g);
            // lithium goes into the positive's particles in a discharge (iApp > 0) and into the negative's in a charge
            boolean filling = d == 2 ? iApp > 0 : iApp < 0;
            for (int q = 0; q < populations[d].length; q++) {
                double x = surfaceConcentration(y, g, q) / populations[d][q].particle().maximumConcentration();
                double m = filling ? 1 - EXHAUSTED - x : x - EXHAUSTED;
                // the surface's fitted OCP (held at its ends past [0, 1], where the barrier and the margin above take over)
                // at the span of the electrochemical series: a fit evaluated past the stoichiometries it describes
                // (About:Energy's LFP fit, 3.5e14 exp(-396 x), runs away near x = 0.06, long before 1e-3)
                double u = populations[d][q].ocp().at(StoichiometryBarrier.clip(x), temperature, d == 0 ? branch : -branch);
                double mu = ElectrochemicalSeries.margin(u) - EXHAUSTED;
                if (m < margin || mu < margin) {
                    boolean byOcp = mu < m;
                    margin = byOcp ? mu : m;
                    at = g;
                    domain = d;
                    fills = filling;
                    value = x;
                    ocp = byOcp ? u : Double.NaN;
                }
            }
        }
        return at < 0 ? null : new Nearest(margin, at, domain, fills, value, ocp);
    }

    public double surfaceConcentration(double[] y, int g) { return surfaceConcentration(y, g, 0); }

    /** Surface concentration of population k's particle at x-cell g: c_R = c_last - (j_k / F) (R - r_last) / D. */
    public double surfaceConcentration(double[] y, int g, int k) {
        int d = mesh.domainOf(g);
        ParticleMesh pm = particleUnknowns[d][k];
        int s = start[g], ps = particleStart(g, k);
        double cLast = y[ps + nr - 1];
        return pm.surfaceValue(y, ps, particleDiffusivity(d, k, cLast, temperature), y[s + J + k] / F);
    }

    /** Terminal voltage phi_s(L) - phi_s(0), with the half-cell ohmic drop to the collector. */
    public double voltage(double t, double[] y) {
        return terminalVoltage(y[start[nx - 1] + PHIS], current(t, y));
    }

    /**
     * {@link #voltage(double, double[])} at tq of the state a step's polynomial gives there, from the two unknowns it reads
     * (phi_s at the positive collector, the current where it is one) alone: the same bits as of the whole state.
     */
    public double voltage(double tq, Interpolant p) {
        return terminalVoltage(p.at(tq, start[nx - 1] + PHIS), current(tq, p));
    }

    /** {@link #current(double, double[])} at tq of the state a step's polynomial gives there. */
    public double current(double tq, Interpolant p) { return currentIndex < 0 ? current.at(tq) : p.at(tq, currentIndex); }

    /** phi_s at the positive collector less the drop of the current through the collector's conductance. */
    private double terminalVoltage(double phiS, double i) {
        return phiS - i / solidCollector[2];
    }

    /** Applied current density at t [A/m2] (when the current is an unknown use {@link #current(double, double[])}). */
    public double current(double t) {
        if (currentIndex >= 0) throw new IllegalStateException("the current is an unknown of the state here");
        return current.at(t);
    }

    /** Applied current density in state y at t [A/m2]: the profile's, or the solved one when it is an unknown. */
    public double current(double t, double[] y) { return currentIndex < 0 ? current.at(t) : y[currentIndex]; }

    /**
     * The current whose sign selects each OCP's branch (ZerothOrderHysteresis; the electrode's net reaction, +I in the
     * negative, -I in the positive) [A/m2]: the set current wherever the current is set, also on the controlled model under
     * current control, whose current unknown equals it only to Newton's accuracy (in a rest about +-1e-15 A/m2, which
     * switched the branches, the whole hysteresis gap, from one iterate to the next: docs/dfn.md, "OCP hysteresis"); the
     * solved current under a voltage hold, where it is the state's; under power control the demand's sign (the current's
     * at every deliverable state, V > 0), so that a WLTC's regeneration switches the branch where the runner lands on
     * the power's zero crossing, not between Newton's iterates inside a step.
     */
    public double branchCurrent(double t, double[] y) {
        if (powerMode) return power.direction(t); // the demand's sign: the current's at every deliverable state (V > 0)
        return currentIndex < 0 || Double.isNaN(heldVoltage) ? current.direction(t) : y[currentIndex];
    }

    /** A power demand [W/m2] below which it is rounding of zero (1e-9 W/m2: 1e-13 W per cm2 of electrode). */
    static final double ROUNDING_POWER = 1e-9;

    /** Whether an OCP of the cell depends on the reaction's direction ({@link ZerothOrderHysteresis}). */
    public boolean hasHysteresis() { return hysteresis; }

    /**
     * Where the current is an unknown ({@link #controlled}, {@link #atPower}): the charge as the positive electrode's
     * particles count it, F times their lithium [C/m2; its change over a step is the charge passed, discharge positive].
     * That is the time stepper's own quadrature of the electrode's reaction current (the particle blocks' rows hold
     * exactly at every Newton iterate), which equals the applied current at every converged state (the solid's charge
     * balance), so charge and lithium agree exactly; an integral of the solved current by trapezoids differs from it by
     * the quadratures' difference (0.6 % over a voltage hold at rtol 1e-4). NaN where the current is given (its
     * trapezoids between the landed breakpoints are exact).
     */
    @Override
    public double chargePassed(double[] y) { return currentIndex < 0 ? Double.NaN : F * lithiumInSolid(y, 2); }

    /** Power demand P(t) [W/m2] under power control, NaN otherwise. */
    public double powerDemand(double t) { return powerMode ? power.at(t) : Double.NaN; }

    public boolean isPowerControlled() { return powerMode; }

    /**
     * Under power control: the state is a physical operating point, positive voltage and the current's sign that of
     * the demand (a root with V <= 0 or a current against the demand is not). True under current control.
     */
    public boolean deliversPower(double t, double[] y) {
        if (!powerMode) return true;
        double p = power.at(t);
        // a demand at rounding's distance from zero carries no direction: a profile's zero crossing landed on (a breakpoint
        // with an OCP hysteresis) read 5.7e-12 W/m2 of WLTC's from the rounding of t, against a current of the other sign
        return voltage(t, y) > 0 && (current(t, y) * p >= 0 || Math.abs(p) < ROUNDING_POWER);
    }

    /**
     * Whether state y (a converged time step's) is on the physical branch ({@link VariableOrderBdf} rejects a step whose
     * state is not and shortens it): the electrolyte's concentration positive, every particle shell within [0, c_max],
     * and in every electrode volume the kinetics holding to within a thermal voltage: j_k between the Butler-Volmer rates
     * at eta - RT/F and eta + RT/F (the law increases with eta), eta = phi_s - phi_e - U(c_surf). Newton's rate-based
     * stopping test (VariableOrderBdf.NEWTON_TOL) covers the RMS of all unknowns and the step's error test only the
     * differential ones, so an iterate far out on the exponential could pass for converged (with df/dy taken there the
     * updates vanish while the residual does not): UDDS with its peak at 2 C of Marquis 2019 on PyBaMM's mesh, a step
     * accepted at -10 V with the positive's Butler-Volmer rows off by 1e118 A/m2 (docs/dfn.md, "Staying on the
     * solution branch").
     */
    @Override
    public boolean admissible(double t, double[] yFrom, double[] y) {
        double temp = temperature, iApp = branchCurrent(t, y);
        double thermalVoltage = org.cellwright.solver.physics.Constants.R * temp / F;
        for (int g = 0; g < nx; g++) {
            int s = start[g];
            if (!(electrolyteConcentration(y, g) > 0)) return false;
            if (!isElectrode(g)) continue;
            int d = mesh.domainOf(g);
            ParticlePopulation[] ps = populations[d];
            for (int k = 0; k < ps.length; k++) {
                ParticlePopulation e = ps[k];
                double cMax = e.particle().maximumConcentration();
                int p0 = particleStart(g, k);
                for (int r = 0; r < nr; r++) if (!(y[p0 + r] >= 0 && y[p0 + r] <= cMax)) return false;
                double cSurf = surfaceConcentration(y, g, k);
                double i0 = exchangeLaws[d][k].at(electrolyteConcentration(y, g), cSurf, cMax, temp);
                // the residual's overpotential: the surface OCP with its stoichiometry barrier (ParticlePopulation.surfaceOcp),
                // else a state near a saturating surface, where the barrier carries the voltage, is refused
                double eta = y[s + PHIS] - y[s + PHIE] - e.surfaceOcp(cSurf / cMax, temp, d == 0 ? iApp : -iApp);
                double j = y[s + J + k];
                // NaN (a surface concentration outside the exchange current's domain) fails too
                if (!(j >= e.kinetics().current(i0, eta - thermalVoltage, temp) && j <= e.kinetics().current(i0, eta + thermalVoltage, temp)))
                    return false;
            }
        }
        return true;
    }

    /**
     * Whether Newton can start from the predicted state y of a step from yFrom ({@link VariableOrderBdf} halves the step
     * before any Newton work if not): every particle surface keeps at least half of its distance to both ends of its
     * range, 0 and c_max, that it had at yFrom. The exchange current vanishes at those ends (c_s^b (c_max - c_s)^c) and
     * the OCP's stoichiometry barrier rises within 1e-4 of them, so a predictor past (or nearly at) an end leaves the
     * Butler-Volmer rows without slope or far out on their exponential: at a filling NMC811 surface a step the error
     * test allowed (its weights are rtol c, 40 mol/m3 at rtol 7e-4, against a surface 1-100 mol/m3 below c_max) was
     * rejected after 10-20 Newton iterations and a fresh Jacobian (docs/dfn.md, "The half cell's end of discharge").
     */
    @Override
    public boolean predictable(double t, double[] yFrom, double[] y) {
        for (int b = 0; b < blockCell.length; b++) {
            int g = blockCell[b], k = blockPopulation[b];
            double cMax = populations[mesh.domainOf(g)][k].particle().maximumConcentration();
            double c = surfaceConcentration(y, g, k), from = surfaceConcentration(yFrom, g, k);
            if (!(c > 0.5 * from && cMax - c > 0.5 * (cMax - from))) return false;
        }
        return true;
    }

    /**
     * The time the particle surfaces take, closing on c_max (or 0) at the rate of the last step, to reach it: the least over
     * every surface of gap h / (gap at yFrom - gap at y), for surfaces whose gap shrank.
     */
    @Override
    public double timeToLimit(double[] yFrom, double[] y, double h) {
        double least = Double.POSITIVE_INFINITY;
        for (int b = 0; b < blockCell.length; b++) {
            int g = blockCell[b], k = blockPopulation[b];
            double cMax = populations[mesh.domainOf(g)][k].particle().maximumConcentration();
            double c = surfaceConcentration(y, g, k), from = surfaceConcentration(yFrom, g, k);
            double top = cMax - c, topFrom = cMax - from;
            if (top < topFrom) least = Math.min(least, top * h / (topFrom - top));
            if (c < from) least = Math.min(least, c * h / (from - c));
        }
        return least;
    }

    /**
     * The Butler-Volmer rows' df/dy analytically (the entries that change fastest from step to step, with the
     * overpotential): for each block b ({@link #blocks}: x-cell g, population k) the row of its anchor j_k,
     * f = j_k - j_BV(i0(c_e, c_s), eta), c_s = c_last - (j_k / F) (R - r_last) / D(c_last) ({@link #surfaceConcentration}),
     * eta = phi_s - phi_e - U(c_s / c_max) ({@link ParticlePopulation#surfaceOcp}): into core[b (reach + 1) + r] the
     * derivative by unknown anchor(b) - reach + r (r = 0 .. reach, reach = {@link #anchorRowReach}; 0 for the unknowns
     * the row does not see), into last[b] the derivative by the block's last shell c_last. The chain rule through c_s
     * and i0 with the materials' own derivatives (OpenCircuitPotential.slope with the stoichiometry barrier's,
     * ExchangeCurrentLaw's slopes, ButlerVolmerKinetics.slope; dD/dc by a central difference where D depends on c).
     * Returns true (the entries are complete).
     */
    @Override
    public boolean anchorRows(double t, double[] y, double[] core, double[] last) {
        int reach = anchorRowReach(), width = reach + 1;
        double temp = temperature, iApp = branchCurrent(t, y);
        for (int b = 0; b < blockCell.length; b++) {
            int g = blockCell[b], k = blockPopulation[b], d = mesh.domainOf(g), s = start[g];
            ParticlePopulation e = populations[d][k];
            FickianParticle particle = e.particle();
            double cMax = particle.maximumConcentration(), gap = particleUnknowns[d][k].surfaceGap();
            double ce = electrolyteConcentration(y, g), j = y[s + J + k], cLast = y[particleStart(g, k) + nr - 1];
            double diff = particleDiffusivity(d, k, cLast, temp);
            double dDiff = particle.diffusivity().independentOfConcentration() ? 0 : diffusivitySlope(particle, cLast, temp);
            double cSurf = cLast - j / F * gap / diff;
            double dSurfdLast = 1 + j / F * gap * dDiff / (diff * diff), dSurfdJ = -gap / (F * diff);
            ButlerVolmerKinetics kin = e.kinetics();
            ExchangeCurrentLaw law = exchangeLaws[d][k];
            double i0 = law.at(ce, cSurf, cMax, temp);
            double reaction = d == 0 ? iApp : -iApp;
            double eta = y[s + PHIS] - y[s + PHIE] - e.surfaceOcp(cSurf / cMax, temp, reaction);
            double perI0 = kin.current(1, eta, temp), dEta = kin.slope(i0, eta, temp);
            // f = j - i0 g(eta): by c_s through i0 and through U in eta
            double dSurf = -perI0 * law.solidSlope(ce, cSurf, cMax, temp) + dEta * e.surfaceOcpSlope(cSurf / cMax, temp, reaction) / cMax;
            int base = b * width, from = s + J + k - reach;
            java.util.Arrays.fill(core, base, base + width, 0);
            if (!uniformElectrolyte) core[base + s + CE - from] = -perI0 * law.electrolyteSlope(ce, cSurf, cMax, temp);
            core[base + s + PHIE - from] = dEta;
            core[base + s + PHIS - from] = -dEta;
            core[base + reach] = 1 + dSurf * dSurfdJ;
            last[b] = dSurf * dSurfdLast;
        }
        return true;
    }

    /** dD/dc of a particle's diffusivity at c [m2/s per mol/m3]: a central difference, step 1e-6 c_max, one-sided at the ends. */
    private static double diffusivitySlope(FickianParticle particle, double c, double temp) {
        double cMax = particle.maximumConcentration(), h = 1e-6 * cMax;
        double a = c - h < 0 ? c : c - h, b = c + h > cMax ? c : c + h;
        return (particle.diffusivity(b, temp) - particle.diffusivity(a, temp)) / (b - a);
    }

    /** Cell temperature used by every property from now on [K] (a lumped thermal model sets it between steps). */
    public void setTemperature(double kelvin) {
        if (kelvin != temperature) blockRowsVersion++; // D(T): the particles' rows change (BorderedDaeSystem.blockRowsVersion)
        temperature = kelvin;
        takeParticleDiffusivities();
        if (uniformElectrolyte) uniformElectrolyteCells();
    }

    private long blockRowsVersion;

    /** Population k's particle diffusivity at c: the value taken at this temperature where it does not depend on c. */
    private double particleDiffusivity(int d, int k, double c, double temp) {
        double taken = particleDiffusivity[d][k];
        return Double.isNaN(taken) ? populations[d][k].particle().diffusivity(c, temp) : taken;
    }

    /** The particles' diffusivities at this temperature, once per temperature where they do not depend on c (NaN where they do). */
    private void takeParticleDiffusivities() {
        for (int d = 0; d <= 2; d += 2)
            for (int k = 0; k < populations[d].length; k++) {
                FickianParticle particle = populations[d][k].particle();
                particleDiffusivity[d][k] = particle.diffusivity().independentOfConcentration() ? particle.diffusivity(0, temperature) : Double.NaN;
            }
    }

    @Override public long blockRowsVersion() { return blockRowsVersion; }

    public double temperature() { return temperature; }

    /**
     * Open-circuit voltage at the electrodes' mean stoichiometries [V]; a blend's electrode potential is its
     * populations' OCPs at their mean stoichiometries weighted by capacity.
     */
    public double openCircuitVoltage(double[] y) {
        return electrodeOpenCircuitPotential(y, 2) - electrodeOpenCircuitPotential(y, 0);
    }

    /** V - OCV as its losses by kind ({@link VoltageLosses}): they add up to voltage(t, y) - openCircuitVoltage(y). */
    @Override
    public double[] overpotentials(double t, double[] y) { return VoltageLosses.of(this, t, y); }

    /** Electrode domain d's potential at its populations' mean stoichiometries (as in the OCV) [V]. */
    double electrodeOpenCircuitPotential(double[] y, int d) {
        ParticlePopulation[] ps = populations[d];
        if (ps.length == 0) return 0; // the lithium-metal foil: the Li/Li+ reference
        if (ps.length == 1) return ps[0].ocp().at(meanStoichiometry(y, d, 0), temperature);
        double u = 0, w = 0;
        for (int k = 0; k < ps.length; k++) {
            double cap = ps[k].activeFraction() * ps[k].particle().maximumConcentration();
            u += cap * ps[k].ocp().at(meanStoichiometry(y, d, k), temperature);
            w += cap;
        }
        return u / w;
    }

    /** Mean stoichiometry of population k of electrode domain d [-]. */
    public double meanStoichiometry(double[] y, int d, int k) {
        ParticlePopulation p = populations[d][k];
        return lithiumInSolid(y, d, k) / (p.activeFraction() * electrode(d).thickness() * p.particle().maximumConcentration());
    }

    /** Lithium in the particles of electrode domain (0 negative, 2 positive) per electrode area [mol/m2]. */
    public double lithiumInSolid(double[] y, int domain) {
        double sum = 0;
        for (int k = 0; k < populations[domain].length; k++) sum += lithiumInSolid(y, domain, k);
        return sum;
    }

    /** Lithium in population k's particles of electrode domain d per electrode area [mol/m2]. */
    public double lithiumInSolid(double[] y, int domain, int k) {
        ParticlePopulation e = populations[domain][k];
        ParticleMesh pm = particleUnknowns[domain][k];
        int g0 = mesh.firstCell(domain), n = mesh.domains().get(domain).cells();
        double sum = 0;
        for (int g = g0; g < g0 + n; g++) sum += e.activeFraction() * mesh.width(g) * pm.average(y, particleStart(g, k));
        return sum;
    }

    /** Reaction current of population k over electrode domain d, sum a_k j_k dx [A/m2 of electrode]. */
    public double populationCurrent(double[] y, int d, int k) {
        double a = populations[d][k].specificSurface();
        int g0 = mesh.firstCell(d), n = mesh.domains().get(d).cells();
        double sum = 0;
        for (int g = g0; g < g0 + n; g++) sum += a * y[start[g] + J + k] * mesh.width(g);
        return sum;
    }

    /**
     * Lithium left in the lithium-metal foil [mol/m2], NaN without one: the foil's lithium at the start
     * ({@link PlanarLithiumElectrode#lithium()}) less what the rest of the cell has gained since the initial state (the
     * cathode's particles and the electrolyte's Li+; lithium is conserved, the foil is the only other place for it).
     */
    @Override
    public double lithiumInFoil(double[] y) {
        if (foil == null) return Double.NaN;
        double gained = lithiumInSolid(y, 2) + saltInElectrolyte(y) - initialSalt;
        for (ParticlePopulation p : populations[2]) gained -= p.activeFraction() * cell.positive().thickness() * p.initialConcentration();
        return foil.lithium() - gained;
    }

    /** The electrolyte's salt in the initial state per electrode area [mol/m2] (lithiumInFoil's reference, once per model). */
    private final double initialSalt;

    /** Electrolyte volume per electrode area, sum eps dx [m]. */
    private double electrolyteVolume() {
        double v = 0;
        for (int g = 0; g < nx; g++) v += porosity[g] * mesh.width(g);
        return v;
    }

    /** Salt in the electrolyte per electrode area, sum eps c_e dx [mol/m2]. */
    public double saltInElectrolyte(double[] y) {
        double sum = 0;
        for (int g = 0; g < nx; g++) sum += porosity[g] * mesh.width(g) * electrolyteConcentration(y, g);
        return sum;
    }

    /**
     * Face 0 at a lithium-metal foil ({@link PlanarLithiumElectrode}) passing current iApp: phi_e(0) given by the foil's kinetics (Dirichlet,
     * half a cell from the first centre), c_e(0) from the diffusive part of the salt flux, -D_eff dc/dx = (1 - t+) I / F;
     * the ionic current through the face as in the interior, i_e = -kappa_eff dphi_e/dx + kappa_D dln c/dx, and the salt
     * flux N(0) = i_e(0) / F (every charge enters as Li+).
     */
    private void lithiumMetalBoundary(double[] y, double iApp, double temp) {
        int s = start[0];
        double h = 0.5 * mesh.width(0);
        double cb = foilSurfaceConcentration(y, iApp);
        double phib = uniformElectrolyte ? foil.electrolytePotentialAt(iApp, foilExchangeCurrent, temp) : foil.electrolytePotential(iApp, cb, temp);
        if (firstUnknownCell > 0) { // the condensed separator: one current from the foil's face to the positive's first centre
            double i = (phib - y[start[firstUnknownCell] + PHIE]) / separatorResistance[firstUnknownCell];
            for (int f = 0; f <= firstUnknownCell; f++) ie[f] = i;
            return;
        }
        ie[0] = -kappaCell[0] * (y[s + PHIE] - phib) / h + kappaDCell[0] * (logCell[0] - Math.log(cb)) / h;
        saltFlux[0] = ie[0] / F;
    }

    /**
     * The electrolyte's properties in each x-cell at state y, each evaluated once per cell (conductivity, transference
     * number, diffusional conductivity, diffusivity, ln c_e), into the work arrays that {@link #kappa},
     * {@link #diffusionalKappa} and {@link #logConcentration} read until the next call. ln c_e enters the model only as
     * kappa_D d ln c_e/dx, so it is not taken where kappa_D is 0 (t+ = 1, a single-ion conductor: the half cell's
     * 40 logarithms, a tenth of its residual; docs/dfn.md, session 27).
     */
    void electrolyteCells(double[] y) {
        if (uniformElectrolyte) return; // taken once per temperature (uniformElectrolyteCells)
        double temp = temperature;
        for (int g = 0; g < nx; g++) {
            double c = y[start[g] + CE];
            kappaCell[g] = electrolyte.conductivity(c, temp, efficiency[g]);
            transferenceCell[g] = electrolyte.transferenceNumber(c, temp);
            kappaDCell[g] = electrolyte.diffusionalConductivity(kappaCell[g], transferenceCell[g], c, temp);
            diffusivityCell[g] = electrolyte.diffusivity(c, temp, efficiency[g]);
            logCell[g] = kappaDCell[g] != 0 ? Math.log(c) : 0;
        }
    }

    /**
     * {@link #electrolyteCells} of a {@link #uniformElectrolyte}: at its one concentration, once per temperature (the
     * constructor, {@link #setTemperature}). t+ must stay 1 at every temperature, else the state would lack c_e.
     */
    private void uniformElectrolyteCells() {
        double c = uniformConcentration, temp = temperature;
        if (electrolyte.transferenceNumber(c, temp) != 1)
            throw new IllegalStateException("the electrolyte's transference number is 1 at " + cell.temperature() + " K but "
                    + electrolyte.transferenceNumber(c, temp) + " at " + temp + " K: a single-ion conductor's t+ is 1 at every temperature");
        for (int g = 0; g < nx; g++) {
            kappaCell[g] = electrolyte.conductivity(c, temp, efficiency[g]);
            transferenceCell[g] = electrolyte.transferenceNumber(c, temp);
            kappaDCell[g] = electrolyte.diffusionalConductivity(kappaCell[g], transferenceCell[g], c, temp);
            diffusivityCell[g] = electrolyte.diffusivity(c, temp, efficiency[g]);
            logCell[g] = 0; // kappa_D = 0 (t+ = 1)
        }
        // the foil's surface concentration is c_e's (its diffusive flux (1 - t+) I / F is 0): its i0 once per temperature
        if (foil != null) foilExchangeCurrent = foil.exchangeCurrent().at(c, temp);
        if (firstUnknownCell == 0) return;
        // the series from the foil's face: half cell 0 (as lithiumMetalBoundary), then each face's pair of half cells
        int p = firstUnknownCell;
        double[] fromFoil = new double[p + 1];
        fromFoil[0] = 0.5 * mesh.width(0) / kappaCell[0];
        for (int g = 1; g <= p; g++) fromFoil[g] = fromFoil[g - 1] + 1 / FaceConductance.series(kappaCell[g - 1], 0.5 * mesh.width(g - 1), kappaCell[g], 0.5 * mesh.width(g));
        separatorResistance = new double[p + 1];
        for (int g = 0; g < p; g++) separatorResistance[g] = fromFoil[p] - fromFoil[g];
        separatorResistance[p] = fromFoil[p];
    }

    /** x-cell g's effective conductivity kappa_eff [S/m] from the last {@link #electrolyteCells}. */
    double kappa(int g) { return kappaCell[g]; }

    /** x-cell g's effective diffusional conductivity kappa_D,eff from the last {@link #electrolyteCells}. */
    double diffusionalKappa(int g) { return kappaDCell[g]; }

    /** ln c_e of x-cell g from the last {@link #electrolyteCells} (0 where kappa_D is 0: it is read only times kappa_D). */
    double logConcentration(int g) { return logCell[g]; }

    /**
     * The salt concentration at a lithium foil's surface carrying iApp, half a cell from the first centre
     * ({@link PlanarLithiumElectrode#surfaceElectrolyteConcentration}), from the last {@link #electrolyteCells}.
     */
    double foilSurfaceConcentration(double[] y, double iApp) {
        return foil.surfaceElectrolyteConcentration(electrolyteConcentration(y, 0), transferenceCell[0], diffusivityCell[0], iApp, 0.5 * mesh.width(0));
    }

    /** The particles' rows are linear (every population's diffusivity independent of c): BorderedDaeSystem.linearBlocks. */
    @Override
    public boolean linearBlocks() {
        for (int d = 0; d <= 2; d += 2)
            for (ParticlePopulation p : populations[d]) if (!p.particle().diffusivity().independentOfConcentration()) return false;
        return true;
    }

    /**
     * The first block of the same electrode and population: their particles share the shell mesh, the diffusivity (one
     * temperature) and the flux's scale, so with {@link #linearBlocks} their rows are the same linear function.
     */
    @Override
    public int blockTwin(int b) {
        int d = mesh.domainOf(blockCell[b]), k = blockPopulation[b];
        for (int a = 0; a < b; a++) if (blockPopulation[a] == k && mesh.domainOf(blockCell[a]) == d) return a;
        return b;
    }

    /** The core's rows of f only (the particles' shells left as they are in f). */
    @Override
    public void coreRhs(double t, double[] y, double[] f) { rhs(t, y, f, false); }

    @Override
    public void rhs(double t, double[] y, double[] f) { rhs(t, y, f, true); }

    private void rhs(double t, double[] y, double[] f, boolean blocks) {
        double temp = temperature;
        double iApp = current(t, y), branch = branchCurrent(t, y);
        // electrolyte fluxes through interior faces (face g+1 between cells g and g+1); the collectors are closed
        ie[0] = ie[nx] = saltFlux[0] = saltFlux[nx] = 0;
        electrolyteCells(y);
        for (int g = firstUnknownCell; g < nx - 1; g++) {
            int a = start[g], b = start[g + 1];
            double da = 0.5 * mesh.width(g), db = 0.5 * mesh.width(g + 1);
            double gk = FaceConductance.series(kappaCell[g], da, kappaCell[g + 1], db);
            if (uniformElectrolyte) { // no c_e row: the ionic current alone (kappa_D = 0)
                ie[g + 1] = -gk * (y[b + PHIE] - y[a + PHIE]);
                continue;
            }
            double ca = y[a + CE], cb = y[b + CE];
            double gkd = FaceConductance.series(kappaDCell[g], da, kappaDCell[g + 1], db);
            double gd = FaceConductance.series(diffusivityCell[g], da, diffusivityCell[g + 1], db);
            double i = -gk * (y[b + PHIE] - y[a + PHIE]) + gkd * (logCell[g + 1] - logCell[g]);
            double tp = 0.5 * (transferenceCell[g] + transferenceCell[g + 1]);
            ie[g + 1] = i;
            saltFlux[g + 1] = ConcentratedSolutionElectrolyte.saltFlux(-gd * (cb - ca), tp, i);
        }
        // with a current unknown (last of the core) the foil takes the ionic current of face 1 instead, which the
        // separator's first cell makes equal to it: the foil's rows stay local and the band that of the interior
        if (foil != null) lithiumMetalBoundary(y, currentIndex >= 0 ? ie[1] : iApp, temp);
        // solid current at faces (0 where no solid; I at x = L; Dirichlet phi_s = 0 at x = 0)
        java.util.Arrays.fill(is, 0);
        for (int d = foil != null ? 2 : 0; d <= 2; d += 2) {
            int g0 = mesh.firstCell(d), g1 = g0 + (d == 0 ? meshSpec.negative() : meshSpec.positive());
            double gFace = solidFace[d];
            for (int g = g0; g < g1 - 1; g++) is[g + 1] = OhmicSolidPhase.current(gFace, y[start[g + 1] + PHIS] - y[start[g] + PHIS]);
            if (d == 0) is[g0] = OhmicSolidPhase.current(solidCollector[0], y[start[g0] + PHIS] - 0.0);
            else is[g1] = iApp;
        }
        for (int g = firstUnknownCell; g < nx; g++) {
            int s = start[g];
            double w = mesh.width(g);
            double aj = 0;
            if (isElectrode(g)) {
                int d = mesh.domainOf(g);
                ParticlePopulation[] ps = populations[d];
                for (int k = 0; k < ps.length; k++) { // the populations react in parallel on one phi_s, phi_e, c_e
                    ParticlePopulation e = ps[k];
                    double j = y[s + J + k];
                    aj += e.specificSurface() * j;
                    double cMax = e.particle().maximumConcentration();
                    double cSurf = surfaceConcentration(y, g, k);
                    double i0 = exchangeLaws[d][k].at(electrolyteConcentration(y, g), cSurf, cMax, temp);
                    // the electrode's net reaction is +I in the negative, -I in the positive (its OCP branch, ZerothOrderHysteresis)
                    double eta = y[s + PHIS] - y[s + PHIE] - e.surfaceOcp(cSurf / cMax, temp, d == 0 ? branch : -branch);
                    f[s + J + k] = j - e.kinetics().current(i0, eta, temp);
                    FickianParticle particle = e.particle();
                    int p0 = particleStart(g, k);
                    if (!blocks) continue; // the core's rows only (coreRhs)
                    if (!Double.isNaN(particleDiffusivity[d][k])) particleUnknowns[d][k].balance(y, p0, particleDiffusivity[d][k], j / F, f, p0);
                    else particleMesh[d][k].balance(y, p0, c -> particle.diffusivity(c, temp), j / F, f, p0);
                }
                f[s + PHIS] = (is[g + 1] - is[g]) + aj * w;
            }
            if (first == 0) f[s + CE] = -(saltFlux[g + 1] - saltFlux[g]) + aj * w / F;
            f[s + PHIE] = (ie[g + 1] - ie[g]) - aj * w;
        }
        if (currentIndex >= 0) f[currentIndex] = !Double.isNaN(heldVoltage) ? voltage(t, y) - heldVoltage // V = V_hold
                : powerMode ? iApp * voltage(t, y) - power.at(t) : iApp - current.at(t); // V I = P, or I = I(t)
    }
}

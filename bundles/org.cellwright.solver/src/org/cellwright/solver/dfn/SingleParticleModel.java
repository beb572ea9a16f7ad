package org.cellwright.solver.dfn;

import static org.cellwright.solver.physics.Constants.F;
import static org.cellwright.solver.physics.Constants.R;

import org.cellwright.solver.numerics.fv.SphericalMesh;

/**
 * The single-particle model (SPM; Ning and Popov 2004, J. Electrochem. Soc. 151, A1584; Marquis et al. 2019, J.
 * Electrochem. Soc. 166, A3693, as the DFN's limit of fast electrolyte and solid transport): each electrode is one
 * representative particle reacting uniformly, with the reaction current density j_n = I / (a_n L_n) and
 * j_p = -I / (a_p L_p) [A/m2 of particle surface] (a = 3 eps_s / R_p); there is no electrolyte transport and no ohmic
 * drop. The terminal voltage is V = U_p(x_p,surf) + eta_p - U_n(x_n,surf) - eta_n, each eta the Butler-Volmer
 * overpotential of its j ({@link ButlerVolmerKinetics} inverted) at the electrolyte's reference concentration c_e0.
 * An OCP with hysteresis takes the branch of its electrode's reaction (+I negative, -I positive).
 *
 * <p>Unknowns: the shells of the negative particle ({@link FickianParticle} on a {@link SphericalMesh}), then those of
 * the positive particle, then, for a {@link #controlled} model, the applied current (I = I(t) or I V = P(t)). Only
 * each electrode's single particle population, thickness and specific surface are used (no porosity, Bruggeman or
 * solid conductivity: an SPM parameter set has none). Its heat is {@link LocalHeat#of(SingleParticleModel, double, double[])}.
 */
public final class SingleParticleModel implements CellModel {
    private final DfnCell cell;
    private final ParticlePopulation[] population = new ParticlePopulation[3];
    private final SphericalMesh[] mesh = new SphericalMesh[3];
    private final double[] thickness = new double[3];
    private final int nr, size, currentIndex;
    private final CurrentProfile current;
    private final PowerProfile power;
    private boolean powerMode;
    private double temperature;

    public SingleParticleModel(DfnCell cell, int shells, CurrentProfile current) {
        this(cell, shells, current, null);
    }

    /** The cell with its applied current as an unknown, constrained by current(t) or, after controlByPower(true), by V I = power(t). */
    public static SingleParticleModel controlled(DfnCell cell, int shells, CurrentProfile current, PowerProfile power) {
        return new SingleParticleModel(cell, shells, current, power);
    }

    private SingleParticleModel(DfnCell cell, int shells, CurrentProfile current, PowerProfile power) {
        this.cell = cell;
        this.current = current;
        this.power = power;
        this.temperature = cell.temperature();
        nr = shells;
        for (int d = 0; d <= 2; d += 2) {
            IntercalationElectrode e = d == 0 ? cell.negative() : cell.positive();
            if (e.isBlend())
                throw new IllegalArgumentException(e.name() + ": the single-particle model takes one particle population per electrode, not a blend");
            population[d] = e.population();
            thickness[d] = e.thickness();
            mesh[d] = new SphericalMesh(population[d].particle().radius(), nr);
        }
        currentIndex = power == null ? -1 : 2 * nr;
        size = 2 * nr + (power == null ? 0 : 1);
    }

    private int start(int d) { return d == 0 ? 0 : nr; }

    /** The particle population of electrode domain d (0 negative, 2 positive). */
    public ParticlePopulation population(int d) { return population[d]; }

    /** The thickness of electrode domain d [m]. */
    public double thickness(int d) { return thickness[d]; }

    @Override public int size() { return size; }

    @Override public int lowerBandwidth() { return currentIndex < 0 ? 1 : size - 1; }

    @Override public int upperBandwidth() { return currentIndex < 0 ? 1 : size - 1; }

    @Override
    public void mass(double[] m) {
        java.util.Arrays.fill(m, 0);
        for (int d = 0; d <= 2; d += 2)
            for (int k = 0; k < nr; k++) m[start(d) + k] = mesh[d].volume(k);
    }

    @Override
    public double absoluteTolerance(int i) {
        if (i == currentIndex) return 1e-6;
        return 1e-6 * population[i < nr ? 0 : 2].particle().maximumConcentration();
    }

    /** Reaction current density of electrode domain d at applied current i [A/m2 of particle surface]: uniform, +-I / (a L). */
    public double reactionCurrent(int d, double i) {
        double j = i / (population[d].specificSurface() * thickness[d]);
        return d == 0 ? j : -j;
    }

    /** Surface concentration of electrode domain d's particle [mol/m3]. */
    public double surfaceConcentration(double[] y, int d, double i) {
        FickianParticle p = population[d].particle();
        double cLast = y[start(d) + nr - 1];
        return mesh[d].surfaceValue(y, start(d), p.diffusivity(cLast, temperature), reactionCurrent(d, i) / F);
    }

    /** Butler-Volmer overpotential of electrode domain d carrying its reaction current at applied current i [V]. */
    public double overpotential(double[] y, int d, double i) {
        ParticlePopulation e = population[d];
        double cMax = e.particle().maximumConcentration();
        double i0 = e.kinetics().exchangeCurrent().at(cell.initialElectrolyteConcentration(), surfaceConcentration(y, d, i), cMax, temperature);
        return inverse(e.kinetics(), i0, reactionCurrent(d, i), temperature);
    }

    /** The overpotential at which the Butler-Volmer law gives j: 2RT/F asinh(j / 2 i0) when symmetric, else Newton from it. */
    static double inverse(ButlerVolmerKinetics k, double i0, double j, double temperature) {
        double f = F / (R * temperature);
        double eta = 2 / f * ButlerVolmerKinetics.asinh(j / (2 * i0)); // odd: exact for a large cathodic j / i0 too (-inf at i0 = 0)
        if (k.anodicTransferCoefficient() == 0.5 && k.cathodicTransferCoefficient() == 0.5) return eta;
        double aa = k.anodicTransferCoefficient(), ac = k.cathodicTransferCoefficient();
        for (int it = 0; it < 100; it++) { // j(eta) is increasing and convex-concave: Newton converges from the symmetric guess
            double g = k.current(i0, eta, temperature) - j;
            double dg = i0 * f * (aa * Math.exp(aa * f * eta) + ac * Math.exp(-ac * f * eta));
            double step = g / dg;
            eta -= step;
            if (Math.abs(step) < 1e-12) break;
        }
        return eta;
    }

    /** Electrode potential of domain d vs Li/Li+ under current i: U(x_surf) in the reaction's direction plus eta [V]. */
    private double electrodePotential(double[] y, int d, double i) {
        ParticlePopulation e = population[d];
        double x = surfaceConcentration(y, d, i) / e.particle().maximumConcentration();
        return e.surfaceOcp(x, temperature, reactionCurrent(d, i)) + overpotential(y, d, i);
    }

    @Override
    public double voltage(double t, double[] y) {
        double i = current(t, y);
        return electrodePotential(y, 2, i) - electrodePotential(y, 0, i);
    }

    @Override
    public double current(double t, double[] y) { return currentIndex < 0 ? current.at(t) : y[currentIndex]; }

    @Override
    public void rhs(double t, double[] y, double[] f) {
        double i = current(t, y);
        for (int d = 0; d <= 2; d += 2) {
            FickianParticle particle = population[d].particle();
            double flux = reactionCurrent(d, i) / F;
            int s = start(d);
            if (particle.diffusivity().independentOfConcentration()) mesh[d].balance(y, s, particle.diffusivity(0, temperature), flux, f, s);
            else mesh[d].balance(y, s, c -> particle.diffusivity(c, temperature), flux, f, s);
        }
        if (currentIndex >= 0) f[currentIndex] = !Double.isNaN(heldVoltage) ? voltage(t, y) - heldVoltage // V = V_hold
                : powerMode ? i * voltage(t, y) - power.at(t) : i - current.at(t);
    }

    @Override
    public double[] initialState() {
        double[] y = new double[size];
        for (int d = 0; d <= 2; d += 2)
            for (int k = 0; k < nr; k++) y[start(d) + k] = population[d].initialConcentration();
        if (currentIndex >= 0) y[currentIndex] = powerMode ? power.at(0) / Math.max(openCircuitVoltage(y), 1e-3) : current.at(0);
        return y;
    }

    /** Mean stoichiometry of electrode domain d's particle [-]. */
    public double meanStoichiometry(double[] y, int d) {
        return mesh[d].average(y, start(d)) / population[d].particle().maximumConcentration();
    }

    @Override
    public double openCircuitVoltage(double[] y) {
        return population[2].ocp().at(meanStoichiometry(y, 2), temperature) - population[0].ocp().at(meanStoichiometry(y, 0), temperature);
    }

    /**
     * As {@link DfnModel#chargePassed}: where the current is an unknown (a hold, a power), F times the positive particle's
     * lithium [C/m2], the time stepper's own quadrature of the current, so a hold's charge and the lithium it moved agree
     * to rounding; NaN where the current is given. Without it a hold of a single-particle cell counted its charge by
     * trapezoids of the solved current: 0.15 % more than the lithium moved (BPX's SPM pouch cell, 1 C CC-CV).
     */
    @Override
    public double chargePassed(double[] y) { return currentIndex < 0 ? Double.NaN : F * lithiumInSolid(y, 2); }

    @Override
    public double lithiumInSolid(double[] y, int domain) {
        return population[domain].activeFraction() * thickness[domain] * mesh[domain].average(y, start(domain));
    }

    @Override public double temperature() { return temperature; }

    @Override public void setTemperature(double kelvin) { temperature = kelvin; }

    @Override
    public void controlByPower(boolean on) {
        if (currentIndex < 0) throw new IllegalStateException("this model's current is not an unknown: make it with SingleParticleModel.controlled");
        powerMode = on;
        heldVoltage = Double.NaN;
    }

    /** The held terminal voltage [V] under potentiostatic control, else NaN. */
    private double heldVoltage = Double.NaN;

    /** Potentiostatic control from now on: the current unknown constrained by V = volts (a voltage hold); NaN releases it. */
    @Override
    public void holdVoltage(double volts) {
        controlByPower(false);
        heldVoltage = volts;
    }

    @Override public boolean isPowerControlled() { return powerMode; }

    @Override public double powerDemand(double t) { return powerMode ? power.at(t) : Double.NaN; }

    @Override
    public boolean deliversPower(double t, double[] y) {
        if (!powerMode) return true;
        return voltage(t, y) > 0 && current(t, y) * power.at(t) >= 0;
    }
}

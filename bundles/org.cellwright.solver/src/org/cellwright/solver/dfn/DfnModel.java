package org.cellwright.solver.dfn;

import static org.cellwright.solver.physics.Constants.F;

import java.util.List;

import org.cellwright.solver.numerics.dae.BorderedDaeSystem;
import org.cellwright.solver.numerics.fv.CompositeMesh;
import org.cellwright.solver.numerics.fv.FaceConductance;
import org.cellwright.solver.numerics.fv.Mesh1D;
import org.cellwright.solver.numerics.fv.SphericalMesh;

/**
 * The DFN cell as a DAE M y' = f(t, y) on finite volumes. Core unknowns per x-cell, in this order: electrolyte
 * concentration c_e, electrolyte potential phi_e and, in the electrodes, solid potential phi_s and reaction current
 * density j [A/m2]; after all of them, one block of shell concentrations per electrode cell (its particle), coupled to
 * the cell's j through the surface flux j/F, and j's Butler-Volmer row to the particle's outer shell (the structure of
 * {@link BorderedDaeSystem}). The residuals are the conservation laws of the mechanism classes; the solid potential is
 * grounded at x = 0 and the solid current at x = L equals the applied current.
 */
public final class DfnModel implements BorderedDaeSystem {
    /** Offsets within a cell's core block. */
    static final int CE = 0, PHIE = 1, PHIS = 2, J = 3;

    private final DfnCell cell;
    private final DfnMesh meshSpec;
    private final CompositeMesh mesh;
    private final CurrentProfile current;
    private final ConcentratedSolutionElectrolyte electrolyte;
    private final SphericalMesh[] particleMesh = new SphericalMesh[3];
    private final int[] start, particleStart, blockCell;
    private final int size, coreSize, bandwidth;
    private final double[] efficiency, porosity;
    private final int nx, nr;
    private double temperature;
    // work arrays
    private final double[] ie, saltFlux, is;

    public DfnModel(DfnCell cell, DfnMesh meshSpec, CurrentProfile current) {
        this.cell = cell;
        this.meshSpec = meshSpec;
        this.current = current;
        this.temperature = cell.temperature();
        double ln = cell.negative().thickness(), ls = cell.separator().thickness(), lp = cell.positive().thickness();
        mesh = new CompositeMesh(List.of(new Mesh1D(0, ln, meshSpec.negative()), new Mesh1D(ln, ln + ls, meshSpec.separator()),
                new Mesh1D(ln + ls, ln + ls + lp, meshSpec.positive())));
        electrolyte = new ConcentratedSolutionElectrolyte(cell.electrolyte());
        nr = meshSpec.particle();
        particleMesh[0] = new SphericalMesh(cell.negative().particle().radius(), nr);
        particleMesh[2] = new SphericalMesh(cell.positive().particle().radius(), nr);
        nx = mesh.cells();
        start = new int[nx + 1];
        particleStart = new int[nx];
        efficiency = new double[nx];
        porosity = new double[nx];
        for (int g = 0; g < nx; g++) {
            start[g + 1] = start[g] + coreBlockSize(g);
            int d = mesh.domainOf(g);
            efficiency[g] = d == 1 ? cell.separator().electrolyteEfficiency() : electrode(d).electrolyteEfficiency();
            porosity[g] = d == 1 ? cell.separator().porosity() : electrode(d).porosity();
        }
        coreSize = start[nx];
        int blocks = 0, next = coreSize;
        for (int g = 0; g < nx; g++) {
            particleStart[g] = -1;
            if (isElectrode(g)) {
                particleStart[g] = next;
                next += nr;
                blocks++;
            }
        }
        size = next;
        blockCell = new int[blocks];
        for (int g = 0, b = 0; g < nx; g++) if (isElectrode(g)) blockCell[b++] = g;
        int band = 0;
        for (int g = 0; g < nx; g++) {
            // a row of cell g reaches its own block and the first three unknowns of its neighbours
            int lo = g > 0 ? start[g - 1] : start[g];
            int hi = g < nx - 1 ? start[g + 1] + Math.min(3, coreBlockSize(g + 1)) - 1 : start[g + 1] - 1;
            band = Math.max(band, Math.max(start[g + 1] - 1 - lo, hi - start[g]));
        }
        bandwidth = band;
        ie = new double[nx + 1];
        saltFlux = new double[nx + 1];
        is = new double[nx + 1];
    }

    private int coreBlockSize(int g) { return isElectrode(g) ? 4 : 2; }

    public boolean isElectrode(int g) { return mesh.domainOf(g) != 1; }

    IntercalationElectrode electrode(int domain) { return domain == 0 ? cell.negative() : cell.positive(); }

    public CompositeMesh mesh() { return mesh; }

    public DfnCell cell() { return cell; }

    public DfnMesh meshSpec() { return meshSpec; }

    public SphericalMesh particleMesh(int domain) { return particleMesh[domain]; }

    /** Index of the first unknown of x-cell g. */
    public int start(int g) { return start[g]; }

    @Override public int size() { return size; }

    @Override public int coreSize() { return coreSize; }

    @Override public int blocks() { return blockCell.length; }

    @Override public int blockStart(int b) { return particleStart[blockCell[b]]; }

    @Override public int blockSize(int b) { return nr; }

    @Override public int anchor(int b) { return start[blockCell[b]] + J; }

    /** First shell unknown of the particle at x-cell g (an electrode cell). */
    public int particleStart(int g) { return particleStart[g]; }

    @Override public int lowerBandwidth() { return bandwidth; }

    @Override public int upperBandwidth() { return bandwidth; }

    @Override
    public void mass(double[] m) {
        java.util.Arrays.fill(m, 0);
        for (int g = 0; g < nx; g++) {
            m[start[g] + CE] = porosity[g] * mesh.width(g);
            if (isElectrode(g)) {
                SphericalMesh pm = particleMesh[mesh.domainOf(g)];
                for (int k = 0; k < nr; k++) m[particleStart[g] + k] = pm.volume(k);
            }
        }
    }

    @Override
    public double absoluteTolerance(int i) {
        if (atol == null) {
            atol = new double[size];
            for (int k = 0; k < size; k++) atol[k] = tolerance(k);
        }
        return atol[i];
    }

    private double[] atol;

    private double tolerance(int i) {
        if (i >= coreSize) return 1e-6 * electrode(mesh.domainOf(blockCell[(i - coreSize) / nr])).particle().maximumConcentration();
        int g = cellOf(i);
        int o = i - start[g];
        if (o == CE) return 1e-3 * cell.initialElectrolyteConcentration() * 1e-3;
        if (o == PHIE || o == PHIS) return 1e-6;
        return 1e-6; // j
    }

    private int cellOf(int i) {
        int lo = 0, hi = nx - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (start[mid] <= i) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /** Initial state: uniform concentrations, potentials at open circuit, j = 0 (the integrator makes them consistent). */
    public double[] initialState() {
        double[] y = new double[size];
        double t = temperature;
        IntercalationElectrode n = cell.negative(), p = cell.positive();
        // uniform reaction j = +-I / (a L) and its Butler-Volmer overpotential: close to the consistent state
        double iApp = current.at(0);
        double jn = iApp / (n.specificSurface() * n.thickness()), jp = -iApp / (p.specificSurface() * p.thickness());
        double un = n.ocp().at(n.initialConcentration() / n.particle().maximumConcentration(), t)
                + overpotential(n, jn, cell.initialElectrolyteConcentration(), t);
        double up = p.ocp().at(p.initialConcentration() / p.particle().maximumConcentration(), t)
                + overpotential(p, jp, cell.initialElectrolyteConcentration(), t);
        for (int g = 0; g < nx; g++) {
            int s = start[g];
            y[s + CE] = cell.initialElectrolyteConcentration();
            y[s + PHIE] = -un;
            if (isElectrode(g)) {
                int d = mesh.domainOf(g);
                IntercalationElectrode e = electrode(d);
                y[s + PHIS] = d == 0 ? 0 : up - un;
                y[s + J] = d == 0 ? jn : jp;
                for (int k = 0; k < nr; k++) y[particleStart[g] + k] = e.initialConcentration();
            }
        }
        return y;
    }

    /** Overpotential of the symmetric Butler-Volmer law at reaction current j (initial guess only). */
    private static double overpotential(IntercalationElectrode e, double j, double ce, double t) {
        double i0 = e.kinetics().exchangeCurrent().at(ce, e.initialConcentration(), e.particle().maximumConcentration(), t);
        return 2 * org.cellwright.solver.physics.Constants.R * t / F * asinh(j / (2 * i0));
    }

    private static double asinh(double x) { return Math.log(x + Math.sqrt(x * x + 1)); }

    /** Surface concentration of the particle at x-cell g: c_R = c_last - (j / F) (R - r_last) / D. */
    public double surfaceConcentration(double[] y, int g) {
        IntercalationElectrode e = electrode(mesh.domainOf(g));
        SphericalMesh pm = particleMesh[mesh.domainOf(g)];
        int s = start[g];
        double cLast = y[particleStart[g] + nr - 1];
        return pm.surfaceValue(y, particleStart[g], e.particle().diffusivity(cLast, temperature), y[s + J] / F);
    }

    /** Terminal voltage phi_s(L) - phi_s(0), with the half-cell ohmic drop to the collector. */
    public double voltage(double t, double[] y) {
        int g = nx - 1;
        return y[start[g] + PHIS] - current.at(t) * 0.5 * mesh.width(g) / cell.positive().solid().effectiveConductivity();
    }

    public double current(double t) { return current.at(t); }

    /** Cell temperature used by every property from now on [K] (a lumped thermal model sets it between steps). */
    public void setTemperature(double kelvin) { temperature = kelvin; }

    public double temperature() { return temperature; }

    /** Open-circuit voltage at the electrodes' mean stoichiometries [V]. */
    public double openCircuitVoltage(double[] y) {
        IntercalationElectrode n = cell.negative(), p = cell.positive();
        double xn = lithiumInSolid(y, 0) / (n.activeFraction() * n.thickness() * n.particle().maximumConcentration());
        double xp = lithiumInSolid(y, 2) / (p.activeFraction() * p.thickness() * p.particle().maximumConcentration());
        return p.ocp().at(xp, temperature) - n.ocp().at(xn, temperature);
    }

    /** Lithium in the particles of electrode domain (0 negative, 2 positive) per electrode area [mol/m2]. */
    public double lithiumInSolid(double[] y, int domain) {
        IntercalationElectrode e = electrode(domain);
        SphericalMesh pm = particleMesh[domain];
        int g0 = mesh.firstCell(domain), n = mesh.domains().get(domain).cells();
        double sum = 0;
        for (int g = g0; g < g0 + n; g++) sum += e.activeFraction() * mesh.width(g) * pm.average(y, particleStart[g]);
        return sum;
    }

    /** Salt in the electrolyte per electrode area, sum eps c_e dx [mol/m2]. */
    public double saltInElectrolyte(double[] y) {
        double sum = 0;
        for (int g = 0; g < nx; g++) sum += porosity[g] * mesh.width(g) * y[start[g] + CE];
        return sum;
    }

    @Override
    public void rhs(double t, double[] y, double[] f) {
        double temp = temperature;
        double iApp = current.at(t);
        // electrolyte fluxes through interior faces (face g+1 between cells g and g+1); the collectors are closed
        ie[0] = ie[nx] = saltFlux[0] = saltFlux[nx] = 0;
        for (int g = 0; g < nx - 1; g++) {
            int a = start[g], b = start[g + 1];
            double ca = y[a + CE], cb = y[b + CE];
            double da = 0.5 * mesh.width(g), db = 0.5 * mesh.width(g + 1);
            double gk = FaceConductance.series(electrolyte.conductivity(ca, temp, efficiency[g]), da,
                    electrolyte.conductivity(cb, temp, efficiency[g + 1]), db);
            double gkd = FaceConductance.series(electrolyte.diffusionalConductivity(ca, temp, efficiency[g]), da,
                    electrolyte.diffusionalConductivity(cb, temp, efficiency[g + 1]), db);
            double gd = FaceConductance.series(electrolyte.diffusivity(ca, temp, efficiency[g]), da,
                    electrolyte.diffusivity(cb, temp, efficiency[g + 1]), db);
            double i = -gk * (y[b + PHIE] - y[a + PHIE]) + gkd * (Math.log(cb) - Math.log(ca));
            double tp = 0.5 * (electrolyte.transferenceNumber(ca, temp) + electrolyte.transferenceNumber(cb, temp));
            ie[g + 1] = i;
            saltFlux[g + 1] = ConcentratedSolutionElectrolyte.saltFlux(-gd * (cb - ca), tp, i);
        }
        // solid current at faces (0 where no solid; I at x = L; Dirichlet phi_s = 0 at x = 0)
        java.util.Arrays.fill(is, 0);
        for (int d = 0; d <= 2; d += 2) {
            IntercalationElectrode e = electrode(d);
            double sigma = e.solid().effectiveConductivity();
            int g0 = mesh.firstCell(d), g1 = g0 + (d == 0 ? meshSpec.negative() : meshSpec.positive());
            double w = mesh.width(g0);
            for (int g = g0; g < g1 - 1; g++) is[g + 1] = -sigma * (y[start[g + 1] + PHIS] - y[start[g] + PHIS]) / w;
            if (d == 0) is[g0] = -sigma * (y[start[g0] + PHIS] - 0.0) / (0.5 * w);
            else is[g1] = iApp;
        }
        for (int g = 0; g < nx; g++) {
            int s = start[g];
            double w = mesh.width(g);
            double aj = 0;
            if (isElectrode(g)) {
                int d = mesh.domainOf(g);
                IntercalationElectrode e = electrode(d);
                double j = y[s + J];
                aj = e.specificSurface() * j;
                double cMax = e.particle().maximumConcentration();
                double cSurf = surfaceConcentration(y, g);
                double i0 = e.kinetics().exchangeCurrent().at(y[s + CE], cSurf, cMax, temp);
                double eta = y[s + PHIS] - y[s + PHIE] - e.ocp().at(cSurf / cMax, temp);
                f[s + J] = j - e.kinetics().current(i0, eta, temp);
                f[s + PHIS] = (is[g + 1] - is[g]) + aj * w;
                SphericalMesh pm = particleMesh[d];
                FickianParticle particle = e.particle();
                pm.balance(y, particleStart[g], c -> particle.diffusivity(c, temp), j / F, f, particleStart[g]);
            }
            f[s + CE] = -(saltFlux[g + 1] - saltFlux[g]) + aj * w / F;
            f[s + PHIE] = (ie[g + 1] - ie[g]) - aj * w;
        }
    }
}

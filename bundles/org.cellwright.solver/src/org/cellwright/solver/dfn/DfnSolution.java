package org.cellwright.solver.dfn;

import java.util.ArrayList;
import java.util.List;

import org.cellwright.solver.numerics.dae.Interpolant;

/**
 * Output of a DFN run: terminal voltage at each output time and the fields across x at the cell centres
 * (electrolyte over the whole cell; solid potential and particle surface concentration per electrode).
 */
public final class DfnSolution {
    /**
     * Fields at one time; temperature [K], open-circuit voltage at the mean stoichiometries [V], and the heat generated
     * per m2 of electrode [W/m2] ({@link LocalHeat}: irreversible (ohmic, reaction) and reversible parts; NaN when the run is isothermal). Surface concentrations are
     * the first particle population's. Of an isothermal {@link DfnSimulation} run, the open-circuit voltage and the
     * fields across x are derived from the output's state when first read (as PyBaMM's solution derives its variables),
     * by the model's own functions at the run's temperature: the values taken at once, bit for bit
     * (DfnSolvedOutputTest.anIsothermalRunsOutputsDeriveTheirFieldsAsAThermalRunTakesThem). An interpolated output keeps
     * its step's polynomial (shared by the step's outputs) instead of its state, and its state too is taken on that read.
     */
    public static final class Snapshot {
        private final double time, voltage, current, temperature, irreversibleHeat, reversibleHeat;
        /** The model and the output's state the fields are derived from on first read (null: taken at once). */
        private final DfnModel model;
        private final double[] state;
        /** The step's polynomial the state is read off at time (null: the state is kept). */
        private final Interpolant polynomial;
        private volatile Fields fields;

        public Snapshot(double time, double voltage, double current, double temperature, double openCircuitVoltage,
                double[] electrolyteConcentration, double[] electrolytePotential, double[] negativePotential, double[] positivePotential,
                double[] negativeSurfaceConcentration, double[] positiveSurfaceConcentration, double irreversibleHeat, double reversibleHeat) {
            this(time, voltage, current, temperature, irreversibleHeat, reversibleHeat, null, null);
            this.fields = new Fields(openCircuitVoltage, electrolyteConcentration, electrolytePotential, negativePotential, positivePotential,
                    negativeSurfaceConcentration, positiveSurfaceConcentration);
        }

        /** An output whose fields are derived from state y (kept as it is: a copy) by model, whose temperature does not change after. */
        Snapshot(double time, double voltage, double current, double temperature, double irreversibleHeat, double reversibleHeat,
                DfnModel model, double[] y) {
            this.time = time;
            this.voltage = voltage;
            this.current = current;
            this.temperature = temperature;
            this.irreversibleHeat = irreversibleHeat;
            this.reversibleHeat = reversibleHeat;
            this.model = model;
            this.state = y;
            this.polynomial = null;
        }

        /** An isothermal run's output at time off its step's polynomial p (kept, not copied), read from it when its fields are. */
        Snapshot(double time, double temperature, DfnModel model, Interpolant p) {
            this.time = time;
            this.voltage = model.voltage(time, p);
            this.current = model.current(time, p);
            this.temperature = temperature;
            this.irreversibleHeat = Double.NaN;
            this.reversibleHeat = Double.NaN;
            this.model = model;
            this.state = null;
            this.polynomial = p;
        }

        private Fields fields() {
            Fields f = fields;
            if (f == null) synchronized (model) { // one reader at a time of the model's functions
                f = fields;
                if (f == null) fields = f = Fields.of(model, state != null ? state : polynomial.at(time));
            }
            return f;
        }

        public double time() { return time; }

        public double voltage() { return voltage; }

        public double current() { return current; }

        public double temperature() { return temperature; }

        public double openCircuitVoltage() { return fields().openCircuitVoltage; }

        public double[] electrolyteConcentration() { return fields().electrolyteConcentration; }

        public double[] electrolytePotential() { return fields().electrolytePotential; }

        public double[] negativePotential() { return fields().negativePotential; }

        public double[] positivePotential() { return fields().positivePotential; }

        public double[] negativeSurfaceConcentration() { return fields().negativeSurfaceConcentration; }

        public double[] positiveSurfaceConcentration() { return fields().positiveSurfaceConcentration; }

        public double irreversibleHeat() { return irreversibleHeat; }

        public double reversibleHeat() { return reversibleHeat; }

        public double power() { return voltage * current; }
    }

    /** A snapshot's open-circuit voltage and fields across x. */
    record Fields(double openCircuitVoltage, double[] electrolyteConcentration, double[] electrolytePotential, double[] negativePotential,
            double[] positivePotential, double[] negativeSurfaceConcentration, double[] positiveSurfaceConcentration) {

        /** The fields of model's state y. */
        static Fields of(DfnModel model, double[] y) {
            var mesh = model.mesh();
            int nx = mesh.cells();
            double[] ce = new double[nx], pe = model.electrolytePotentials(y);
            for (int g = 0; g < nx; g++) ce[g] = model.electrolyteConcentration(y, g);
            double[][] ps = new double[3][], cs = new double[3][];
            for (int d = 0; d <= 2; d += 2) {
                int g0 = mesh.firstCell(d), n = mesh.domains().get(d).cells();
                ps[d] = new double[n];
                cs[d] = new double[n];
                for (int i = 0; i < n; i++) {
                    ps[d][i] = y[model.start(g0 + i) + DfnModel.PHIS];
                    cs[d][i] = model.surfaceConcentration(y, g0 + i);
                }
            }
            return new Fields(model.openCircuitVoltage(y), ce, pe, ps[0], ps[2], cs[0], cs[2]);
        }
    }

    private final double[] x, xNegative, xPositive;
    private final List<Snapshot> snapshots = new ArrayList<>();
    private String endReason = "end of time";
    private int steps, rejected, factorisations, rhsEvaluations;

    DfnSolution(double[] x, double[] xNegative, double[] xPositive) {
        this.x = x;
        this.xNegative = xNegative;
        this.xPositive = xPositive;
    }

    void add(Snapshot s) { snapshots.add(s); }

    void finish(String reason, int steps, int rejected, int factorisations, int rhsEvaluations) {
        this.endReason = reason;
        this.steps = steps;
        this.rejected = rejected;
        this.factorisations = factorisations;
        this.rhsEvaluations = rhsEvaluations;
    }

    private int newtonIterations, jacobians, errorTestFailures, inadmissibleSteps, predictorHalvings;

    void stepCounts(int errorTestFailures, int inadmissibleSteps, int predictorHalvings) {
        this.errorTestFailures = errorTestFailures;
        this.inadmissibleSteps = inadmissibleSteps;
        this.predictorHalvings = predictorHalvings;
    }

    /** Steps rejected by the local error test (of {@link #rejectedSteps()}; IDA's "error test failures"). */
    public int errorTestFailures() { return errorTestFailures; }

    /** Steps rejected because their converged state was off the physical branch (of {@link #rejectedSteps()}). */
    public int inadmissibleSteps() { return inadmissibleSteps; }

    /**
     * Steps rejected because the corrector failed (of {@link #rejectedSteps()}, neither error-test failures nor
     * inadmissible states; IDA's "nonlinear convergence failures").
     */
    public int correctorFailures() { return rejected - errorTestFailures - inadmissibleSteps; }

    /** Step attempts halved before any Newton work, their predictor outside the residual's solvable range (not rejections). */
    public int predictorHalvings() { return predictorHalvings; }

    void newtonCounts(int iterations, int jacobianEvaluations) {
        this.newtonIterations = iterations;
        this.jacobians = jacobianEvaluations;
    }

    /** Newton iterations (each one f evaluation and one linear solve). */
    public int newtonIterations() { return newtonIterations; }

    /** Jacobian evaluations (each a few coloured f evaluations, counted in {@link #rhsEvaluations()}). */
    public int jacobians() { return jacobians; }

    /** Cell centres of the whole cell [m] (electrolyte fields). */
    public double[] x() { return x.clone(); }

    public double[] xNegative() { return xNegative.clone(); }

    public double[] xPositive() { return xPositive.clone(); }

    public List<Snapshot> snapshots() { return List.copyOf(snapshots); }

    public double[] times() { return snapshots.stream().mapToDouble(Snapshot::time).toArray(); }

    public double[] voltages() { return snapshots.stream().mapToDouble(Snapshot::voltage).toArray(); }

    public Snapshot last() { return snapshots.get(snapshots.size() - 1); }

    /**
     * Why the run ended: "end of time", "voltage cut-off", "lithium-metal foil exhausted", "power not deliverable: ..."
     * or a failure.
     */
    public String endReason() { return endReason; }

    public int steps() { return steps; }

    public int rejectedSteps() { return rejected; }

    public int factorisations() { return factorisations; }

    /** f evaluations for Jacobians (finite differences); Newton's own are {@link #newtonIterations()}. */
    public int rhsEvaluations() { return rhsEvaluations; }

    /** Energy delivered [J/m2], the integral of V I by the trapezoidal rule over the outputs. */
    public double energy() {
        double e = 0;
        for (int k = 1; k < snapshots.size(); k++) {
            Snapshot a = snapshots.get(k - 1), b = snapshots.get(k);
            e += 0.5 * (a.power() + b.power()) * (b.time() - a.time());
        }
        return e;
    }

    /** Charge passed [C/m2] by the trapezoidal rule over the outputs. */
    public double charge() {
        double q = 0;
        for (int k = 1; k < snapshots.size(); k++) {
            Snapshot a = snapshots.get(k - 1), b = snapshots.get(k);
            q += 0.5 * (a.current() + b.current()) * (b.time() - a.time());
        }
        return q;
    }
}

package org.cellwright.solver.dfn;

import java.util.ArrayList;
import java.util.List;

/**
 * Output of a DFN run: terminal voltage at each output time and the fields across x at the cell centres
 * (electrolyte over the whole cell; solid potential and particle surface concentration per electrode).
 */
public final class DfnSolution {
    /**
     * Fields at one time; temperature [K], open-circuit voltage at the mean stoichiometries [V], and the heat generated
     * per m2 of electrode [W/m2] ({@link LocalHeat}: irreversible (ohmic, reaction) and reversible parts; NaN when the run is isothermal). Surface concentrations are
     * the first particle population's.
     */
    public record Snapshot(double time, double voltage, double current, double temperature, double openCircuitVoltage,
            double[] electrolyteConcentration,
            double[] electrolytePotential, double[] negativePotential, double[] positivePotential,
            double[] negativeSurfaceConcentration, double[] positiveSurfaceConcentration,
            double irreversibleHeat, double reversibleHeat) {

        public double power() { return voltage * current; }
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

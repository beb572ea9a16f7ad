package org.cellwright.solver.dfn;

import org.cellwright.solver.numerics.dae.CutoffLanding;
import org.cellwright.solver.numerics.dae.DaeStepper;
import org.cellwright.solver.numerics.dae.Interpolant;
import org.cellwright.solver.numerics.dae.VariableOrderBdf;

/**
 * Integrates a {@link DfnModel} with variable-order BDF (orders 1 to 5, {@link VariableOrderBdf}) from a consistent
 * initial state, records the outputs at the requested times (solved states within the steps,
 * {@link DaeStepper#solvedAt}: the algebraic unknowns, the voltage among them, solved for the interpolated differential
 * ones, as DfnRunner samples; or, with {@link #withInterpolatedOutputs()}, the interpolating polynomial's states, as
 * IDA-based solvers such as PyBaMM's IDAKLU return their outputs between steps) and stops at a lower
 * voltage cut-off, landed on by steps ({@link CutoffLanding}: its last state a solved one within 0.1 mV of the
 * cut-off; where the landing gives up, the crossing of the solved states, and an end off the cut-off by more than
 * {@link CutoffLanding#END_TOLERANCE} says so: {@link #VOLTAGE_JUMP}), or where a discharge has stripped all the lithium of a lithium-metal foil negative ({@link #FOIL_EXHAUSTED},
 * located by bisection on the dense output).
 */
public final class DfnSimulation {
    private final double relativeTolerance;
    private LumpedThermal thermal;
    private boolean solvedOutputs = true;

    /** Couples a lumped energy balance: the cell temperature follows the heat of each step (operator splitting). */
    public DfnSimulation withThermal(LumpedThermal model) {
        this.thermal = model;
        return this;
    }

    /**
     * Records the outputs between steps as the interpolating polynomial's states instead of solved ones: about a third
     * of the CPU time on the Chen 2020 1C case, at the price of the algebraic unknowns' interpolation error (the voltage
     * up to 10 mV where a surface saturates at rtol 1e-3; docs/dfn.md, "Solved outputs of DfnSimulation"). The speed
     * comparison with PyBaMM uses it, whose IDAKLU outputs are interpolated too.
     */
    public DfnSimulation withInterpolatedOutputs() {
        this.solvedOutputs = false;
        return this;
    }

    private boolean idaMatrixLife;

    /**
     * Newton's iteration matrix lives as IDA's ({@link org.cellwright.solver.numerics.dae.DaeNewton#setIdaMatrixLife}):
     * reused for 0.6 <= c/c' <= 5/3 (the default: |c/c' - 1| <= 0.5). Both lives end no step's solve by its first
     * update after a change of c (IDA's reset of the carried rate, the default's since session 29). At 0.1 mV the half
     * cell was 11-16 % cheaper with it, the full cell 9 % dearer at 0.053-0.065 mV, so it is not the default
     * (docs/dfn.md, sessions 23, 24 and 29).
     */
    public DfnSimulation withIdaMatrixLife() {
        this.idaMatrixLife = true;
        return this;
    }

    /** @param relativeTolerance local-error tolerance of the time stepper (absolute ones scale with it) */
    public DfnSimulation(double relativeTolerance) {
        this.relativeTolerance = relativeTolerance;
    }

    /**
     * Runs from t = 0 through the output times (ascending, first 0 or later) or until the voltage falls below
     * cutoffVoltage (NaN = no cut-off).
     */
    public DfnSolution run(DfnCell cell, DfnMesh mesh, CurrentProfile current, double[] outputTimes, double cutoffVoltage) {
        return run(cell, mesh, current, outputTimes, cutoffVoltage, new double[0]);
    }

    /**
     * As {@link #run(DfnCell, DfnMesh, CurrentProfile, double[], double)}, landing a step on each breakpoint (ascending
     * times where the current's slope changes, e.g. {@link DriveCycle#breakpoints}). A cell that
     * {@link DfnInputCheck} finds unsolvable ends in an IllegalArgumentException naming every problem.
     */
    public DfnSolution run(DfnCell cell, DfnMesh mesh, CurrentProfile current, double[] outputTimes, double cutoffVoltage,
            double[] breakpoints) {
        check(cell);
        return run(new DfnModel(cell, mesh, current), outputTimes, cutoffVoltage, breakpoints);
    }

    /**
     * Runs the cell at power P(t) [W/m2, positive = discharge]: the current is solved with the state so that V I = P
     * at every instant. A power the cell cannot deliver (beyond its maximum power V_oc^2 / 4 R, or needing a voltage at
     * or below 0) ends the run with the reason "power not deliverable ..." instead of a solver failure.
     */
    public DfnSolution runAtPower(DfnCell cell, DfnMesh mesh, PowerProfile power, double[] outputTimes, double cutoffVoltage,
            double[] breakpoints) {
        check(cell);
        return run(DfnModel.atPower(cell, mesh, power), outputTimes, cutoffVoltage, breakpoints);
    }

    private static void check(DfnCell cell) {
        java.util.List<String> problems = DfnInputCheck.problems(cell);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
    }

    /** The end reason of a power step the cell cannot deliver (also for runners of {@link DfnModel#controlled} models). */
    public static String undeliverable(CellModel model, double t) {
        return String.format(java.util.Locale.ROOT, "power not deliverable: %.4g W/m2 demanded at t = %.6g s is beyond what the cell can give",
                model.powerDemand(t), t);
    }

    private DfnSolution run(DfnModel model, double[] outputTimes, double cutoffVoltage, double[] breakpoints) {
        DfnSolution out = new DfnSolution(centres(model, -1), centres(model, 0), centres(model, 2));
        VariableOrderBdf bdf = new VariableOrderBdf(model, VariableOrderBdf.MAX_ORDER, relativeTolerance);
        bdf.newton().setIdaMatrixLife(idaMatrixLife);
        if (model.isPowerControlled()) bdf.newton().controlled();
        if (!bdf.start(0, model.initialState(), 1e-3) || model.isPowerControlled() && !delivers(model, 0, bdf.state())) {
            out.finish(model.isPowerControlled() ? undeliverable(model, 0) : "no consistent initial state", 0, 0, 0, 0);
            return out;
        }
        double tEndAll = outputTimes[outputTimes.length - 1];
        bdf.setMaxStep(tEndAll / 20);
        // a current linear between the landed breakpoints: no implicit Euler's rectangles of it once BDF2 is reached
        if (breakpoints.length > 0 && !model.isPowerControlled()) bdf.setMinimumOrder(2);
        int next = 0;
        double[] y = new double[model.size()];
        while (next < outputTimes.length && outputTimes[next] <= 0) {
            out.add(snapshot(model, outputTimes[next], bdf.state()));
            next++;
        }
        String reason = "end of time";
        int nextBreak = 0;
        // a cut-off crossed by a step: landed on by shorter steps
        CutoffLanding landing = new CutoffLanding(bdf, (t, s) -> Double.isNaN(cutoffVoltage) ? Double.NaN : model.voltage(t, s) - cutoffVoltage);
        while (next < outputTimes.length) {
            while (nextBreak < breakpoints.length && breakpoints[nextBreak] <= bdf.time()) nextBreak++;
            double target = landing.aim(nextBreak < breakpoints.length ? Math.min(breakpoints[nextBreak], tEndAll) : tEndAll, outputTimes[next]);
            if (!bdf.step(target, 1e-9)) {
                reason = model.isPowerControlled() ? undeliverable(model, bdf.time()) : "step size underflow at t = " + bdf.time() + " s";
                // the last solved state closes the record
                if (!model.isPowerControlled() && bdf.time() > (out.snapshots().isEmpty() ? 0 : out.last().time()))
                    out.add(snapshot(model, bdf.time(), bdf.state()));
                break;
            }
            double t0 = bdf.previousTime(), t1 = bdf.time();
            if (model.isPowerControlled() && !delivers(model, t1, bdf.state())) {
                reason = undeliverable(model, t1);
                break;
            }
            CutoffLanding.Outcome step = landing.stepped();
            if (step == CutoffLanding.Outcome.RETRY) continue;
            if (thermal != null) {
                double q = LocalHeat.of(model, t1, bdf.state()).total();
                model.setTemperature(thermal.advance(model.temperature(), q, t1 - t0));
            }
            boolean foilOut = foilExhausted(model, t1, bdf.state());
            if (step == CutoffLanding.Outcome.CROSSED || foilOut) {
                // the crossing (or the foil's last lithium) on the dense output within [t0, t1], its states solved (the
                // voltage the model's, not the polynomial's, which is off by tenths of a volt where it is steep)
                double lo = landing.crossing((t, s) -> ended(model, t, s, cutoffVoltage), t0, t1, true);
                next = record(model, bdf, out, outputTimes, next, lo, false, y);
                bdf.solvedAt(lo, y);
                out.add(snapshot(model, lo, y));
                double v = model.voltage(lo, y);
                reason = foilOut ? FOIL_EXHAUSTED : Math.abs(v - cutoffVoltage) <= CutoffLanding.END_TOLERANCE ? "voltage cut-off"
                        : jumped(landing.gaveUp(), cutoffVoltage, v);
                break;
            }
            next = record(model, bdf, out, outputTimes, next, t1, true, y);
            if (step == CutoffLanding.Outcome.LANDED) { // a solved state within CutoffLanding.TOLERANCE of the cut-off closes the record
                if (out.snapshots().isEmpty() || out.last().time() < t1) out.add(snapshot(model, t1, bdf.state()));
                reason = "voltage cut-off";
                break;
            }
        }
        out.finish(reason, bdf.acceptedSteps(), bdf.rejectedSteps(), bdf.newton().factorisations(), bdf.newton().rhsEvaluations());
        out.newtonCounts(bdf.newton().iterations(), bdf.newton().jacobians());
        out.stepCounts(bdf.errorTestFailures(), bdf.inadmissibleSteps(), bdf.predictorHalvings());
        return out;
    }

    /**
     * Records the output times from index next that lie before until (up to it, if inclusive) within the last accepted
     * step, as solved states ({@link DaeStepper#solvedAt}; at the step's end its own state) or interpolated ones; returns
     * the next index. An isothermal run's interpolated outputs keep one copy of the step's polynomial between them
     * (when the step has more than one) and read their voltage off it, the state when their fields are read.
     */
    private int record(DfnModel model, DaeStepper bdf, DfnSolution out, double[] outputTimes, int next, double until, boolean inclusive, double[] y) {
        Interpolant p = null;
        for (; next < outputTimes.length && (outputTimes[next] < until || inclusive && outputTimes[next] == until); next++) {
            if (!solvedOutputs && thermal == null && (p != null || within(outputTimes, next + 1, until, inclusive))) {
                if (p == null) p = bdf.interpolant();
                out.add(new DfnSolution.Snapshot(outputTimes[next], model.temperature(), model, p));
                continue;
            }
            if (solvedOutputs) bdf.solvedAt(outputTimes[next], y);
            else bdf.interpolate(outputTimes[next], y);
            out.add(snapshot(model, outputTimes[next], y));
        }
        return next;
    }

    /** Whether output time k lies before until (up to it, if inclusive). */
    private static boolean within(double[] outputTimes, int k, double until, boolean inclusive) {
        return k < outputTimes.length && (outputTimes[k] < until || inclusive && outputTimes[k] == until);
    }

    private static boolean delivers(DfnModel model, double t, double[] y) { return model.deliversPower(t, y); }

    /** The start of the end reason of a run that went across its cut-off where no solved state lies on it. */
    public static final String VOLTAGE_JUMP = "voltage jump";

    /** The end reason of a run whose last state lies off its cut-off by more than CutoffLanding.END_TOLERANCE: v there. */
    private static String jumped(CutoffLanding.Bracket b, double cutoff, double v) {
        String where = b == null ? "" : String.format(java.util.Locale.ROOT, " from %.4f V at %.6g s to %.4f V at %.6g s (the landing gave up after %d targets: %s)",
                cutoff + b.marginLo(), b.lo(), cutoff + b.marginHi(), b.hi(), b.targets(), b.why());
        return String.format(java.util.Locale.ROOT, "%s: across the cut-off %.4f V%s; the last state at %.4f V, %.1f mV off it", VOLTAGE_JUMP, cutoff, where, v,
                1e3 * Math.abs(v - cutoff));
    }

    /** The end reason of a run whose current strips all the lithium of a lithium-metal foil negative. */
    public static final String FOIL_EXHAUSTED = "lithium-metal foil exhausted";

    /** Whether a discharge (stripping) current meets a lithium-metal foil with no lithium left. */
    public static boolean foilExhausted(CellModel model, double t, double[] y) {
        return model.lithiumInFoil(y) <= 0 && model.current(t, y) > 0;
    }

    /** Whether state y at t ends the run: below the cut-off voltage (NaN: none), or the foil exhausted. */
    private static boolean ended(DfnModel model, double t, double[] y, double cutoffVoltage) {
        return !Double.isNaN(cutoffVoltage) && model.voltage(t, y) < cutoffVoltage || foilExhausted(model, t, y);
    }

    private static double[] centres(DfnModel model, int domain) {
        var mesh = model.mesh();
        int g0 = domain < 0 ? 0 : mesh.firstCell(domain);
        int n = domain < 0 ? mesh.cells() : mesh.domains().get(domain).cells();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = mesh.centre(g0 + i);
        return x;
    }

    /**
     * The output at t of state y (copied): in an isothermal run its fields derived when first read, the model's temperature
     * being the run's to its end; with the thermal model, whose temperature moves on, taken at once with the local heat.
     */
    private DfnSolution.Snapshot snapshot(DfnModel model, double t, double[] y) {
        if (thermal == null)
            return new DfnSolution.Snapshot(t, model.voltage(t, y), model.current(t, y), model.temperature(), Double.NaN, Double.NaN, model, y.clone());
        LocalHeat heat = LocalHeat.of(model, t, y);
        DfnSolution.Fields f = DfnSolution.Fields.of(model, y);
        return new DfnSolution.Snapshot(t, model.voltage(t, y), model.current(t, y), model.temperature(), f.openCircuitVoltage(),
                f.electrolyteConcentration(), f.electrolytePotential(), f.negativePotential(), f.positivePotential(),
                f.negativeSurfaceConcentration(), f.positiveSurfaceConcentration(), heat.irreversible(), heat.reversibleTotal());
    }
}

package org.cellwright.solver.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cellwright.solver.CycleSummary;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.Sample;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.StepResult;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialProperty;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.params.Sung2023Parameters;

/**
 * Work-precision of the solver (issue 13, "Accuracy, measured"): for the standard cases it refines the meshes (cathode
 * control volumes, particle shells, interlayer nodes) and the time tolerance together towards a reference solution
 * (the finest level) and prints, per level, the error against the reference (voltage RMS and maximum, capacity of the
 * last cycle, mean Coulombic efficiency) and the CPU time of the run (best of two, warm). Voltages are compared step
 * by step at the run's own samples against the reference, which is sampled at every step (time since the step's
 * start, linear interpolation), before the final drop:
 * not in the last 2 % of a step nor, for a step ending at its voltage cut-off, within {@link #FINAL_DROP} of its end
 * voltage (there a time shift of the drop counts as a voltage error of up to its depth; the capacity error measures
 * the end). Run: {@code ./cellwright bench work-precision [fullCellCycles] [halfCellCycles]} (defaults
 * 20 and 35: the study's 200 full-cell cycles take minutes at the reference level, so they are shortened), or this
 * class's {@code main} with the same arguments.
 */
public final class WorkPrecisionBenchmark {
    private WorkPrecisionBenchmark() {}

    /** A refinement level: meshes and tolerances refined together. */
    record Level(String name, int cathodeNodes, int particleNodes, int interlayerNodes, double rtol, double maxStep) {
        SolverSettings settings(double outputInterval) {
            return SolverSettings.builder().cathodeNodes(cathodeNodes).particleNodes(particleNodes)
                    .interlayerNodes(interlayerNodes).relativeTolerance(rtol).maxStep(maxStep).outputInterval(outputInterval)
                    .build();
        }
    }

    static final Level[] LEVELS = {
        new Level("coarse", 5, 10, 5, 1e-3, 600),
        new Level("medium", 10, 20, 10, 3e-4, 600),
        new Level("default", SolverSettings.CATHODE_NODES_FROM_PROTOCOL, SolverSettings.PARTICLE_NODES_FROM_PROTOCOL, 10, 1e-4, 600), // SolverSettings.defaults()
        new Level("fine", 40, 48, 20, 1e-5, 600),
    };
    static final Level REFERENCE = new Level("reference", 80, 120, 40, 1e-6, 60);

    /** One standard case. */
    record Case(String name, CellSpec cell, ProtocolSpec protocol, double outputInterval, boolean fullCell) {}

    /** The charged baseline full cell (cathode stoichiometry at the 4.3 V end of charge), as in SolverBenchmark. */
    static CellSpec chargedBaseline() {
        return chargedBaseline(Sung2023Parameters.T_ROOM);
    }

    /** {@link #chargedBaseline()} at a temperature [K]. */
    public static CellSpec chargedBaseline(double temperature) {
        return charged(Sung2023Parameters.cell7FullBaseline(65e6, temperature), 0.27);
    }

    /** A full cell with its cathode's active material at an initial stoichiometry (its components' fractions kept). */
    static CellSpec charged(CellSpec base, double stoichiometry) {
        LayerSpec cat = base.cathode();
        LayerSpec charged = cat.toBuilder().clearComponents()
                .component(cat.components().get(0).material().with(MaterialProperty.INITIAL_STOICHIOMETRY, stoichiometry), 0.67)
                .component(cat.components().get(1).material(), 0.30).component(cat.components().get(2).material(), 0.03).build();
        return base.toBuilder().replaceLayer(charged).build();
    }

    static List<Case> cases(int fullCycles, int halfCycles) {
        return List.of(
                new Case("1C full-cell discharge", chargedBaseline(),
                        ProtocolSpec.of(StepSpec.cRate(-1, Cutoff.voltageBelow(2.8), Cutoff.duration(2 * 3600))), 10, true),
                new Case("first plating with nucleation (interlayer, 0.3 mA/cm2, 1 h)",
                        Sung2023Parameters.cell2Interlayer(5e6),
                        ProtocolSpec.of(StepSpec.currentDensity(-3, Cutoff.duration(3600))), 5, false),
                new Case(halfCycles + " half-cell cycles (interlayer, 34 MPa)", Sung2023Parameters.cell2Interlayer(34e6),
                        Sung2023Parameters.platingStrippingInterlayer(halfCycles - 1), 300, false),
                new Case(fullCycles + " full-cell cycles (interlayer, 60 degC)",
                        Sung2023Parameters.cell6Full(65e6, Sung2023Parameters.T_60C),
                        Sung2023Parameters.fullCellCycling(fullCycles - 1), 300, true));
    }

    /** Temperatures [degC] of {@link #temperatureCases()}. */
    public static final double[] TEMPERATURES_C = {-20, 0, 25};

    /**
     * The full cell's cases at {@link #TEMPERATURES_C} (session 29, the accuracy in the cold): the discharge of the
     * charged baseline cell 7 at 1 C (at 0.5 C below 0 degC: at -20 degC its voltage at 1 C is below 2.8 V at once, the
     * step ends at its start), and session 18's pulses of the interlayer cell 6 (as built, charged at 0.1 C until
     * 4.3 V, then four times 0.5 C for 15 min until 2.8 V and 30 min rest: in the cold the later pulses end on 2.8 V, so
     * the capacity error measures where they end). Samples every 10 s. Then the discharge at 5 C at 25 degC (the
     * study's RateCapability rate, the steepest particle profile of the study: diffusion number 1.86; samples every
     * 2 s); then (session 35) the two cases of the cold tiers by the composite's dimensionless current: the pulses of
     * 0.55 C at -25 degC (6.5 < 7.34 <= 7.5: 48 shells and {@code CathodeVolumes.FINE} volumes; 20 volumes missed 0.1 %
     * there until session 36 landed the charge before them within its time tolerance, 0.048 % since: CathodeVolumesTest
     * shows the tier on the 0.65 C discharge at -25 degC) and the discharge at 0.7 C at -25 degC (9.34: {@code ParticleShells.NARROW_ZONE}
     * shells; near the largest current the cell carries there, it delivers a twentieth of its capacity and falls onto
     * 2.8 V within minutes; 48 shells miss 0.1 % there, ParticleShellsTest). Until session 35 those were the discharge at
     * 0.84 C at -20 degC (session 33, then the case of {@code ParticleShells.STEEPEST}; 80 shells since) and the pulses
     * of 0.7 C at -20 degC (session 34, then the case of 40 volumes; with the CEI growth barrier derived at 150 kJ/mol 20
     * volumes are within 0.028 % there).
     */
    static List<Case> temperatureCases() {
        List<Case> out = new ArrayList<>();
        for (double tc : TEMPERATURES_C) {
            double t = 273.15 + tc, rate = tc < 0 ? 0.5 : 1;
            String at = String.format(Locale.ROOT, "%.0f degC", tc);
            out.add(new Case(String.format(Locale.ROOT, "%s C full-cell discharge, %s", rate == 1 ? "1" : "0.5", at),
                    chargedBaseline(t), ProtocolSpec.of(StepSpec.cRate(-rate, Cutoff.voltageBelow(2.8), Cutoff.duration(4 * 3600))),
                    10, true));
            out.add(new Case("0.1 C charge, 0.5 C pulses 15 min / rest 30 min x4 (interlayer), " + at,
                    Sung2023Parameters.cell6Full(65e6, t), pulses(4, 0.5), 10, true));
        }
        out.add(new Case("5 C full-cell discharge, 25 degC", chargedBaseline(Sung2023Parameters.T_ROOM),
                ProtocolSpec.of(StepSpec.cRate(-5, Cutoff.voltageBelow(2.8), Cutoff.duration(3600))), 2, true));
        out.add(new Case("0.1 C charge, 0.55 C pulses 15 min / rest 30 min x4 (interlayer), -25 degC",
                Sung2023Parameters.cell6Full(65e6, 273.15 - 25), pulses(4, 0.55), 10, true));
        out.add(new Case("0.7 C full-cell discharge, -25 degC", chargedBaseline(273.15 - 25),
                ProtocolSpec.of(StepSpec.cRate(-0.7, Cutoff.voltageBelow(2.8), Cutoff.duration(4 * 3600))), 10, true));
        return out;
    }

    /** Session 18's cold pulses: charge at 0.1 C until 4.3 V, then n times c C (0.5) for 15 min until 2.8 V and 30 min rest. */
    static ProtocolSpec pulses(int n, double c) {
        return ProtocolSpec.of(StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600)),
                StepSpec.repeat(n, StepSpec.cRate(-c, Cutoff.duration(900), Cutoff.voltageBelow(2.8)), StepSpec.rest(1800)));
    }

    /** Full-cell and half-cell cycles when not given (the README's table). */
    public static final int DEFAULT_FULL_CYCLES = 20, DEFAULT_HALF_CYCLES = 35;

    /** The table's header line (markdown). */
    public static final String HEADER = "| case | level (cathode x particle x interlayer nodes, rtol) | voltage RMS [mV] "
            + "| voltage max [mV] | capacity [%] | CE [pp] | CPU [s] |";

    /**
     * The default level's time stepping with the reference's meshes, and its meshes with the reference's time stepping
     * ({@link #runTemperatures}): an error that stays in the first is the time stepping's, in the second the meshes'.
     */
    static final Level[] SPLIT_LEVELS = {
        new Level("default steps, reference mesh", REFERENCE.cathodeNodes(), REFERENCE.particleNodes(),
                REFERENCE.interlayerNodes(), LEVELS[2].rtol(), LEVELS[2].maxStep()),
        new Level("default mesh, reference steps", LEVELS[2].cathodeNodes(), LEVELS[2].particleNodes(),
                LEVELS[2].interlayerNodes(), REFERENCE.rtol(), REFERENCE.maxStep()),
    };

    public static void main(String[] args) {
        if (args.length > 0 && "--temperatures".equals(args[0])) {
            runTemperatures(new PrintWriter(System.out, true));
            return;
        }
        run(new PrintWriter(System.out, true), args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_FULL_CYCLES,
                args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_HALF_CYCLES);
    }

    /**
     * Prints the table (markdown, one row per case and level, each case's reference last) to {@code out}, a row as
     * soon as it is measured. Cycles: at least 1 each (the first is the formation cycle).
     */
    public static void run(PrintWriter out, int fullCycles, int halfCycles) {
        if (fullCycles < 1 || halfCycles < 1)
            throw new IllegalArgumentException("cycles must be at least 1: full " + fullCycles + ", half " + halfCycles);
        table(out, cases(fullCycles, halfCycles), List.of(LEVELS));
    }

    /**
     * The table of {@link #temperatureCases()} (the full cell at -20, 0 and 25 degC, and at 5 C), with the {@link #SPLIT_LEVELS}
     * after the default level: {@code bench work-precision --temperatures}.
     */
    public static void runTemperatures(PrintWriter out) {
        List<Level> levels = new ArrayList<>(List.of(LEVELS));
        levels.addAll(3, List.of(SPLIT_LEVELS));
        table(out, temperatureCases(), levels);
    }

    private static void table(PrintWriter out, List<Case> cases, List<Level> levels) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        out.println(HEADER);
        out.println("|---|---|---|---|---|---|---|");
        out.flush();
        for (Case c : cases) {
            long t0 = bean.getCurrentThreadCpuTime();
            RecordingSink ref = run(c, REFERENCE);
            double refCpu = (bean.getCurrentThreadCpuTime() - t0) / 1e9;
            for (Level l : levels) {
                double best = Double.POSITIVE_INFINITY;
                RecordingSink s = null;
                for (int rep = 0; rep < 2; rep++) {
                    long t1 = bean.getCurrentThreadCpuTime();
                    s = run(c, l);
                    best = Math.min(best, (bean.getCurrentThreadCpuTime() - t1) / 1e9);
                }
                double[] v = voltageErrors(ref, s);
                out.printf(Locale.ROOT, "| %s | %s (%d x %d x %d, %.0e%s) | %.3f | %.2f | %s | %s | %.3f |%n", c.name(), l.name(),
                        volumes(c, l), shells(c, l), l.interlayerNodes(), l.rtol(),
                        l.maxStep() < LEVELS[2].maxStep() ? String.format(Locale.ROOT, ", steps <= %.0f s", l.maxStep()) : "",
                        1e3 * v[0], 1e3 * v[1], capacityError(c, ref, s), efficiencyError(ref, s), best);
                out.flush();
            }
            out.printf(Locale.ROOT, "| %s | reference (%d x %d x %d, %.0e, steps <= %.0f s) | 0 | 0 | 0 | 0 | %.3f |%n",
                    c.name(), REFERENCE.cathodeNodes(), REFERENCE.particleNodes(), REFERENCE.interlayerNodes(),
                    REFERENCE.rtol(), REFERENCE.maxStep(), refCpu);
            out.flush();
        }
    }

    /** The particle shells a level takes on a case: its own, or those the default chooses from the case's protocol. */
    static int shells(Case c, Level l) {
        return l.particleNodes() != SolverSettings.PARTICLE_NODES_FROM_PROTOCOL ? l.particleNodes()
                : org.cellwright.solver.ParticleShells.forRun(c.cell(), c.protocol());
    }

    /** The cathode control volumes a level takes on a case: its own, or those the default chooses from the case's protocol. */
    static int volumes(Case c, Level l) {
        return l.cathodeNodes() != SolverSettings.CATHODE_NODES_FROM_PROTOCOL ? l.cathodeNodes()
                : org.cellwright.solver.CathodeVolumes.forRun(c.cell(), c.protocol());
    }

    static RecordingSink run(Case c, Level l) {
        double every = "reference".equals(l.name()) ? 0 : c.outputInterval();
        RecordingSink s = new SolverSamples(every);
        new Simulation().run(c.cell(), c.protocol(), l.settings(every), s, ProgressListener.NONE);
        return s;
    }

    /**
     * A sink whose samples are states the solver computed, as a run recorded them until session 36: the first accepted
     * time step the interval or more after the sample before, and the run's samples at the solver's own times (its
     * start, the steps' ends), for the errors measured at the values the solver computed ({@link #voltageErrors}); the
     * samples a run writes between its accepted time steps (org.cellwright.solver.DenseOutput, on the line between
     * them) are left out. With the same accepted time steps, the same samples as before.
     */
    public static final class SolverSamples extends RecordingSink {
        private final double interval;
        private double kept = Double.NEGATIVE_INFINITY, stepped = Double.NEGATIVE_INFINITY;

        public SolverSamples(double interval) { this.interval = interval; }

        @Override
        public void timeStep(Sample s) {
            stepped = s.time();
            if (s.time() - kept >= interval - 1e-9) keep(s);
        }

        @Override
        public void sample(Sample s) {
            if (s.time() < stepped || s.time() == kept) return; // between two accepted time steps, or kept as its time step
            keep(s);
        }

        private void keep(Sample s) {
            samples.add(s);
            kept = s.time();
        }
    }

    /** Per step: {start time, end time, end voltage or NaN} from the cycles' step records. */
    static Map<Integer, double[]> steps(RecordingSink s) {
        Map<Integer, double[]> out = new HashMap<>();
        for (CycleSummary c : s.cycles)
            for (StepResult r : c.steps())
                out.put(r.stepIndex(), new double[] {r.startTime(), r.endTime(),
                        r.end() == org.cellwright.solver.StepEnd.VOLTAGE_CUTOFF ? r.endVoltage() : Double.NaN});
        return out;
    }

    /** Distance [V] from a step's end voltage within which a step ending at a voltage cut-off is in its final drop. */
    static final double FINAL_DROP = 0.05;

    /**
     * {RMS, max} of the voltage difference [V] at the run's own samples (the values it reports), step by step, against
     * the reference interpolated in the time since the step's start (the reference is sampled at every step, so its
     * interpolation error is below the reference's own; a run's line between two samples is not compared: it is not a
     * value the solver computed). Skipped as in the class comment: a step's last 2 % and the final drop.
     */
    public static double[] voltageErrors(RecordingSink ref, RecordingSink s) {
        Map<Integer, double[]> rs = steps(ref), ss = steps(s);
        Map<Integer, List<Sample>> byStep = new HashMap<>();
        for (Sample x : ref.samples) byStep.computeIfAbsent(x.stepIndex(), k -> new ArrayList<>()).add(x);
        double sum = 0, max = 0;
        int n = 0;
        for (Sample x : s.samples) {
            double[] a = rs.get(x.stepIndex()), b = ss.get(x.stepIndex());
            List<Sample> other = byStep.get(x.stepIndex());
            if (a == null || b == null || other == null || other.size() < 2) continue;
            double tau = x.time() - b[0], limit = 0.98 * Math.min(a[1] - a[0], b[1] - b[0]);
            if (tau > limit || Math.abs(x.voltage() - b[2]) < FINAL_DROP) continue; // NaN end voltage: never
            double v = interpolate(other, a[0] + tau);
            if (Double.isNaN(v)) continue;
            double d = Math.abs(v - x.voltage());
            sum += d * d;
            max = Math.max(max, d);
            n++;
        }
        return n == 0 ? new double[] {Double.NaN, Double.NaN} : new double[] {Math.sqrt(sum / n), max};
    }

    static double interpolate(List<Sample> xs, double t) {
        if (t < xs.get(0).time() || t > xs.get(xs.size() - 1).time()) return Double.NaN;
        int lo = 0, hi = xs.size() - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (xs.get(mid).time() <= t) lo = mid; else hi = mid;
        }
        Sample a = xs.get(lo), b = xs.get(hi);
        double w = b.time() == a.time() ? 0 : (t - a.time()) / (b.time() - a.time());
        return a.voltage() + w * (b.voltage() - a.voltage());
    }

    /** Relative error [%] of the last cycle's capacity (discharge of a full cell, stripping of a half cell). */
    static String capacityError(Case c, RecordingSink ref, RecordingSink s) {
        if (ref.cycles.isEmpty() || s.cycles.isEmpty() || ref.cycles.size() != s.cycles.size()) return "-";
        CycleSummary a = ref.cycles.get(ref.cycles.size() - 1), b = s.cycles.get(s.cycles.size() - 1);
        double qa = c.fullCell() ? a.dischargeCapacity() : a.chargeCapacity(), qb = c.fullCell() ? b.dischargeCapacity() : b.chargeCapacity();
        if (!(qa > 0)) return "-";
        return String.format(Locale.ROOT, "%.3f", 100 * Math.abs(qb - qa) / qa);
    }

    /** Mean absolute difference of the Coulombic efficiency [percentage points] over the cycles. */
    static String efficiencyError(RecordingSink ref, RecordingSink s) {
        int n = Math.min(ref.cycles.size(), s.cycles.size());
        double sum = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            double a = ref.cycles.get(i).coulombicEfficiency(), b = s.cycles.get(i).coulombicEfficiency();
            if (Double.isFinite(a) && Double.isFinite(b) && a > 0) { sum += Math.abs(a - b); k++; }
        }
        return k == 0 || ref.cycles.size() != s.cycles.size() || n < 2 ? "-" : String.format(Locale.ROOT, "%.4f", 100 * sum / k);
    }
}

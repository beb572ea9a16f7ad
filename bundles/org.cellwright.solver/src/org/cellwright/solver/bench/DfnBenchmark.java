package org.cellwright.solver.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnSimulation;
import org.cellwright.solver.dfn.DfnSolution;
import org.cellwright.solver.params.Chen2020;
import org.cellwright.solver.params.Marquis2019;

/**
 * DFN against COMSOL (Marquis 2019 set, 1C and 3C) on PyBaMM's benchmark mesh (20 finite volumes per domain, 30 per
 * particle): terminal-voltage RMS difference, wall time and thread CPU time (best of repeated warm runs; the CPU time
 * is the steadier figure on a loaded machine). Run:
 * java -cp ... org.cellwright.solver.bench.DfnBenchmark [dfn-reference folder] [relative tolerance] [figure.svg]
 * (-Drepeats=N sets the warm repetitions, default 10; -Dcase=chen runs the Chen 2020 speed case alone, -Dcase=half the half cell). With a third
 * argument it writes the validation figure: voltage against time at 1C and 3C, and the electrolyte concentration across the cell at three times of the 3C run.
 * Then issue 14's speed case: the Chen 2020 cell (LG M50), 1C to 2.5 V, outputs every 10 s, against PyBaMM's DFN
 * (IDAKLU, rtol = atol = 1e-8; bench/pybamm/side_by_side.py wrote the curve, -Dpybamm=FILE.csv, default
 * bench/pybamm/chen2020_full_1C_pybamm_rtol1e-8.csv) and against its own run at rtol 1e-7 (the time-stepping error).
 * Last, issue 13's half cell: the NMC811 electrode against a lithium-metal foil, t+ = 1 (-DpybammHalf=FILE.csv, default
 * bench/pybamm/chen2020_half_1C_pybamm_rtol1e-8.csv). With a fourth argument it writes the PyBaMM side by side: both
 * cells' voltage against PyBaMM's and the difference (CellWright - PyBaMM) where PyBaMM reads at least 3.0 V.
 */
public final class DfnBenchmark {
    private DfnBenchmark() {}

    private static final int REPEATS = Integer.getInteger("repeats", 10);
    /** -Dmodes=m: the timed runs' particles as their m slowest modes (DfnMesh.particleModes; 0, the default: the shells). */
    private static final int MODES = Integer.getInteger("modes", 0);
    /** -Doutputs=interpolated: the timed runs' outputs off the interpolating polynomial, as IDAKLU's (default: solved). */
    private static final boolean INTERPOLATED = "interpolated".equals(System.getProperty("outputs"));
    /** -Dnewton=ida: the timed runs' Newton matrix lives as IDA's (DfnSimulation.withIdaMatrixLife; default: DaeNewton's). */
    private static final boolean IDA_MATRIX_LIFE = "ida".equals(System.getProperty("newton"));
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Best wall and CPU time [ns] of REPEATS warm runs, and the last solution. */
    private record Timed(DfnSolution solution, long wall, long cpu) {}

    private static Timed timed(java.util.function.Supplier<DfnSolution> run) {
        DfnSolution s = null;
        long wall = Long.MAX_VALUE, cpu = Long.MAX_VALUE;
        for (int rep = 0; rep < REPEATS; rep++) {
            long c0 = THREADS.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            s = run.get();
            wall = Math.min(wall, System.nanoTime() - t0);
            cpu = Math.min(cpu, THREADS.getCurrentThreadCpuTime() - c0);
        }
        return new Timed(s, wall, cpu);
    }

    static String counts(DfnSolution s) {
        return String.format(Locale.ROOT, "%d steps, %d rejected, %d Newton iterations, %d Jacobians (%d f evaluations), %d factorisations; %s",
                s.steps(), s.rejectedSteps(), s.newtonIterations(), s.jacobians(), s.rhsEvaluations(), s.factorisations(), idaCounts(s));
    }

    /**
     * The counts IDAKLU's print_stats gives (bench/pybamm/side_by_side.py with SIDE_BY_SIDE_STATS=1), as far as they
     * have a counterpart: residual evaluations (Newton's and the Jacobians' coloured ones), error-test failures,
     * corrector failures ("nonlinear convergence failures"), and what IDA has not: steps rejected for an inadmissible
     * state and step attempts halved at their predictor.
     */
    static String idaCounts(DfnSolution s) {
        return String.format(Locale.ROOT, "%d residuals, %d error-test / %d corrector failures, %d inadmissible, %d predictor halvings",
                s.newtonIterations() + s.rhsEvaluations(), s.errorTestFailures(), s.correctorFailures(), s.inadmissibleSteps(),
                s.predictorHalvings());
    }

    private static double[] every(double[] v, int n) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < v.length; i += n) out.add(v[i]);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/data/dfn-reference");
        double rtol = args.length > 1 ? Double.parseDouble(args[1]) : 1e-4;
        DfnMesh mesh = DfnMesh.benchmark().withParticleModes(MODES);
        Path fullCsv = Path.of(System.getProperty("pybamm", "bench/pybamm/chen2020_full_1C_pybamm_rtol1e-8.csv"));
        Path halfCsv = Path.of(System.getProperty("pybammHalf", "bench/pybamm/chen2020_half_1C_pybamm_rtol1e-8.csv"));
        if ("chen".equals(System.getProperty("case"))) { // the speed case alone (profiling, quick before/after figures)
            chen2020(rtol, fullCsv);
            return;
        }
        if ("half".equals(System.getProperty("case"))) { // issue 13's half cell alone
            String rtols = System.getProperty("rtols");
            if (rtols != null) halfCellWorkPrecision(java.util.Arrays.stream(rtols.split(",")).mapToDouble(Double::parseDouble).toArray(), halfCsv);
            else chen2020HalfCell(rtol, halfCsv);
            return;
        }
        SvgLinePlot.Panel voltage = new SvgLinePlot.Panel("Terminal voltage: COMSOL (circles) and CellWright (lines)", "time [s]", "voltage [V]", 0, 3600, 3.0, 3.9);
        SvgLinePlot.Panel electrolyte = new SvgLinePlot.Panel("3C: electrolyte concentration across the cell", "x [um]", "c_e [mol/m3]", 0, 225, 400, 1800);
        String[] colours = {"#1f77b4", "#d62728", "#2ca02c"};
        for (int rate : new int[] {1, 3}) {
            ComsolReference ref = ComsolReference.read(folder.resolve("comsol_" + rate + "C.json"));
            DfnSimulation sim = timed(rtol);
            int r = rate;
            Timed run = timed(() -> sim.run(Marquis2019.cell(), mesh, CurrentProfile.constant(r * Marquis2019.ONE_C), ref.time, Marquis2019.CUTOFF));
            DfnSolution s = run.solution();
            System.out.printf(Locale.ROOT,
                    "%dC DFN, mesh 20/20/20 x 30" + modes() + ", rtol %.1e: voltage RMS vs COMSOL %.2f mV over %d outputs (to %.3f V); warm, best of %d: %.1f ms CPU, %.1f ms wall; %s; end: %s at %.1f s%n",
                    rate, rtol, 1e3 * ref.voltageRms(s, Marquis2019.CUTOFF), ref.comparedPoints(s, Marquis2019.CUTOFF), Marquis2019.CUTOFF,
                    REPEATS, run.cpu() / 1e6, run.wall() / 1e6, counts(s), s.endReason(), s.last().time());
            String colour = colours[rate == 1 ? 0 : 1];
            voltage.add("COMSOL " + rate + "C", colour, every(ref.time, 4), every(ref.voltage, 4), true);
            voltage.add("CellWright " + rate + "C", colour, s.times(), s.voltages(), false);
            if (rate == 3) {
                int c = 0;
                for (int k : new int[] {50, 100, 150}) {
                    double[] xr = new double[ref.x.length], cr = new double[ref.x.length];
                    for (int i = 0; i < xr.length; i++) { xr[i] = ref.x[i] * 1e6; cr[i] = ref.electrolyteConcentration[i][k]; }
                    double[] xs = s.x();
                    for (int i = 0; i < xs.length; i++) xs[i] *= 1e6;
                    String t = String.format(Locale.ROOT, "%.0f s", ref.time[k]);
                    electrolyte.add("COMSOL " + t, colours[c], every(xr, 2), every(cr, 2), true);
                    electrolyte.add("CellWright " + t, colours[c], xs, s.snapshots().get(k).electrolyteConcentration(), false);
                    c++;
                }
            }
        }
        if (args.length > 2) {
            Files.writeString(Path.of(args[2]), SvgLinePlot.render(List.of(voltage, electrolyte)));
            System.out.println("figure: " + args[2]);
        }
        DfnSolution full = chen2020(rtol, fullCsv), half = chen2020HalfCell(rtol, halfCsv);
        if (args.length > 3 && full != null && half != null) {
            Files.writeString(Path.of(args[3]), pybammFigure(full, pybammCurve(fullCsv), half, pybammCurve(halfCsv)));
            System.out.println("figure: " + args[3]);
        }
    }

    /**
     * The PyBaMM side by side: voltage against time of the Chen 2020 full cell and of the NMC811 | Li half cell, PyBaMM
     * (circles, every 10th point) and CellWright (lines), and CellWright - PyBaMM [mV] at PyBaMM's times down to 3.0 V.
     */
    static String pybammFigure(DfnSolution full, double[][] fullPy, DfnSolution half, double[][] halfPy) {
        String blue = "#1f77b4", red = "#d62728";
        SvgLinePlot.Panel f = new SvgLinePlot.Panel("Chen 2020 LG M50, 1C: PyBaMM 26.8 and CellWright", "time [s]", "voltage [V]", 0, 4000, 2.4, 4.3)
                .add("PyBaMM (DFN, IDAKLU)", blue, every(fullPy[0], 10), every(fullPy[1], 10), true)
                .add("CellWright", red, full.times(), full.voltages(), false);
        SvgLinePlot.Panel h = new SvgLinePlot.Panel("NMC811 | Li half cell (t+ = 1), 1C", "time [s]", "voltage [V]", 0, 4200, 2.4, 4.3)
                .add("PyBaMM (DFN, IDAKLU)", blue, every(halfPy[0], 10), every(halfPy[1], 10), true)
                .add("CellWright", red, half.times(), half.voltages(), false);
        double[][] df = differenceSeries(full.times(), full.voltages(), fullPy[0], fullPy[1], 3.0);
        double[][] dh = differenceSeries(half.times(), half.voltages(), halfPy[0], halfPy[1], 3.0);
        for (double[] d : new double[][] {df[1], dh[1]}) for (int i = 0; i < d.length; i++) d[i] *= 1e3;
        SvgLinePlot.Panel d = new SvgLinePlot.Panel("CellWright - PyBaMM (to 3.0 V)", "time [s]", "voltage difference [mV]", 0, 4200, -20, 5)
                .add("full cell", "#2ca02c", df[0], df[1], false)
                .add("half cell", "#9467bd", dh[0], dh[1], false);
        return SvgLinePlot.render(List.of(f, h, d));
    }

    /**
     * Issue 13's side by side: PyBaMM's Chen 2020 NMC811 half cell against Li metal (Xu 2019's foil), single-ion
     * electrolyte (t+ = 1), 1C to 2.5 V, outputs every 10 s: warm CPU time, the time-stepping error against our own
     * rtol 1e-7 run, and against PyBaMM's curve the voltage RMS before the final drop (where PyBaMM reads at least
     * 3.0 V, the cut-off point itself excluded), the capacity to the cut-off and the last point.
     */
    static DfnSolution chen2020HalfCell(double rtol, Path pybammCsv) throws java.io.IOException {
        double[] out = new double[701];
        for (int i = 0; i < out.length; i++) out[i] = 10.0 * i;
        DfnMesh full = DfnMesh.benchmark(), mesh = full.withParticleModes(MODES);
        CurrentProfile oneC = CurrentProfile.constant(Chen2020.ONE_C);
        org.cellwright.solver.dfn.DfnCell cell = Chen2020.lithiumMetalHalfCell(1.0);
        DfnSolution tight = new DfnSimulation(1e-7).run(cell, full, oneC, out, Chen2020.CUTOFF);
        DfnSimulation sim = timed(rtol);
        Timed run = timed(() -> sim.run(cell, mesh, oneC, out, Chen2020.CUTOFF));
        DfnSolution s = run.solution();
        double[] own = difference(s.times(), s.voltages(), tight.times(), tight.voltages(), 3.0);
        if (MODES > 0) discretisation(cell, mesh, oneC, out, tight);
        double capacity = Chen2020.ONE_C * Chen2020.AREA * s.last().time() / 3600;
        System.out.printf(Locale.ROOT,
                "Chen 2020 NMC811 | Li half cell (t+ = 1) 1C DFN, mesh 20/20 x 30" + modes() + ", rtol %.1e: warm, best of %d: %.2f ms CPU, %.2f ms wall; %s; end: %s at %.2f s, %.4f V, %.5f A h; against our rtol 1e-7 run: %.3f mV RMS, %.3f mV max (to 3.0 V)%n",
                rtol, REPEATS, run.cpu() / 1e6, run.wall() / 1e6, counts(s), s.endReason(), s.last().time(), s.last().voltage(), capacity,
                1e3 * own[0], 1e3 * own[1]);
        Against pybamm = againstPybamm(s, pybammCsv);
        if (pybamm == null) return null;
        double[] py = pybamm.all(), late = pybamm.late();
        double end = pybamm.end();
        System.out.printf(Locale.ROOT,
                "  against PyBaMM (%s): %.3f mV RMS, %.3f mV max (to 3.0 V; from 60 s on: %.3f mV RMS, %.3f mV max); end %.2f s (PyBaMM %.2f s): capacity %+.4f %%%n",
                pybammCsv.getFileName(), 1e3 * py[0], 1e3 * py[1], 1e3 * late[0], 1e3 * late[1], s.last().time(), end,
                100 * (s.last().time() - end) / end);
        return s;
    }

    /**
     * Issue 13's work-precision on the half cell (-Dcase=half -Drtols=1e-3,7e-4,...): per rtol the warm CPU time (best
     * of REPEATS) and the errors against PyBaMM's rtol 1e-8 curve (voltage RMS and max to 3.0 V over all outputs and
     * from 60 s on, the end's time, i.e. the capacity) and against our own rtol 1e-7 run (the time-stepping error), as
     * the rows of a markdown table; bench/pybamm/work_precision.py prints PyBaMM's rows against the same curve.
     */
    static void halfCellWorkPrecision(double[] rtols, Path pybammCsv) throws java.io.IOException {
        double[] out = new double[701];
        for (int i = 0; i < out.length; i++) out[i] = 10.0 * i;
        DfnMesh mesh = DfnMesh.benchmark().withParticleModes(MODES);
        CurrentProfile oneC = CurrentProfile.constant(Chen2020.ONE_C);
        org.cellwright.solver.dfn.DfnCell cell = Chen2020.lithiumMetalHalfCell(1.0);
        DfnSolution tight = new DfnSimulation(1e-7).run(cell, mesh, oneC, out, Chen2020.CUTOFF);
        System.out.println("| solver | rtol | vs PyBaMM 1e-8 to 3.0 V: RMS (max) | from 60 s on: RMS (max) | capacity vs PyBaMM 1e-8 | vs own rtol 1e-7: RMS (max) | steps (rejected); iterations; Jacobians; factorisations | warm CPU, best of " + REPEATS + " | IDA's counts |");
        for (double rtol : rtols) {
            DfnSimulation sim = timed(rtol);
            Timed run = timed(() -> sim.run(cell, mesh, oneC, out, Chen2020.CUTOFF));
            DfnSolution s = run.solution();
            double[] own = difference(s.times(), s.voltages(), tight.times(), tight.voltages(), 3.0);
            Against py = againstPybamm(s, pybammCsv);
            if (py == null) return;
            System.out.printf(Locale.ROOT, "| CellWright%s | %.1e | %.3f (%.2f) mV | %.3f (%.2f) mV | %+.4f %% | %.3f (%.2f) mV | %d (%d); %d; %d; %d | %.2f ms | %s |%n",
                    modes(), rtol, 1e3 * py.all()[0], 1e3 * py.all()[1], 1e3 * py.late()[0], 1e3 * py.late()[1],
                    100 * (s.last().time() - py.end()) / py.end(), 1e3 * own[0], 1e3 * own[1],
                    s.steps(), s.rejectedSteps(), s.newtonIterations(), s.jacobians(), s.factorisations(), run.cpu() / 1e6, idaCounts(s));
        }
    }

    /** Our voltage against PyBaMM's: RMS and max to 3.0 V over the whole run and from 60 s on, and PyBaMM's end [s]. */
    record Against(double[] all, double[] late, double end) {}

    /** The comparison with PyBaMM's curve in csv, or null (said on stdout) when there is none. */
    static Against againstPybamm(DfnSolution s, Path csv) throws java.io.IOException {
        if (!Files.isRegularFile(csv)) {
            System.out.println("  (no PyBaMM curve at " + csv + ")");
            return null;
        }
        double[][] curve = pybammCurve(csv);
        double[] tp = curve[0], vp = curve[1];
        return new Against(difference(s.times(), s.voltages(), tp, vp, 3.0), difference(s.times(), s.voltages(), tp, vp, 3.0, 60.0),
                tp[tp.length - 1]);
    }

    /** PyBaMM's curve as side_by_side.py writes it (header, then time [s], voltage [V]): {times, voltages}. */
    static double[][] pybammCurve(Path csv) throws java.io.IOException {
        List<String> lines = Files.readAllLines(csv);
        double[] tp = new double[lines.size() - 1], vp = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] p = lines.get(i).split(",");
            tp[i - 1] = Double.parseDouble(p[0]);
            vp[i - 1] = Double.parseDouble(p[1]);
        }
        return new double[][] { tp, vp };
    }

    /** Issue 14's speed case: Chen 2020, 1C to 2.5 V, against PyBaMM's curve and against our own rtol 1e-7 run. */
    static DfnSolution chen2020(double rtol, Path pybammCsv) throws java.io.IOException {
        double[] out = new double[601];
        for (int i = 0; i < out.length; i++) out[i] = 10.0 * i;
        DfnMesh full = DfnMesh.benchmark(), mesh = full.withParticleModes(MODES);
        CurrentProfile oneC = CurrentProfile.constant(Chen2020.ONE_C);
        DfnSolution tight = new DfnSimulation(1e-7).run(Chen2020.cell(), full, oneC, out, Chen2020.CUTOFF);
        DfnSimulation sim = timed(rtol);
        Timed run = timed(() -> sim.run(Chen2020.cell(), mesh, oneC, out, Chen2020.CUTOFF));
        DfnSolution s = run.solution();
        double[] own = difference(s.times(), s.voltages(), tight.times(), tight.voltages(), 3.0);
        if (MODES > 0) discretisation(Chen2020.cell(), mesh, oneC, out, tight);
        System.out.printf(Locale.ROOT,
                "Chen 2020 1C DFN, mesh 20/20/20 x 30" + modes() + ", rtol %.1e: warm, best of %d: %.1f ms CPU, %.1f ms wall; %s; end: %s at %.1f s; against our rtol 1e-7 run: %.3f mV RMS, %.3f mV max (to 3.0 V)%n",
                rtol, REPEATS, run.cpu() / 1e6, run.wall() / 1e6, counts(s), s.endReason(), s.last().time(), 1e3 * own[0], 1e3 * own[1]);
        Against pybamm = againstPybamm(s, pybammCsv);
        if (pybamm == null) return null;
        double[] py = pybamm.all(), late = pybamm.late();
        System.out.printf(Locale.ROOT,
                "  against PyBaMM (%s): %.2f mV RMS, %.2f mV max (to 3.0 V; from 60 s on: %.2f mV RMS, %.2f mV max); end %.1f s (PyBaMM %.1f s)%n",
                pybammCsv.getFileName(), 1e3 * py[0], 1e3 * py[1], 1e3 * late[0], 1e3 * late[1], s.last().time(), pybamm.end());
        return s;
    }

    /** The particle modes' own error: their run at rtol 1e-7 against the shells' (tight), both to 3.0 V. */
    private static void discretisation(org.cellwright.solver.dfn.DfnCell cell, DfnMesh mesh, CurrentProfile current, double[] out, DfnSolution tight) {
        DfnSolution modal = new DfnSimulation(1e-7).run(cell, mesh, current, out, Chen2020.CUTOFF);
        double[] d = difference(modal.times(), modal.voltages(), tight.times(), tight.voltages(), 3.0);
        System.out.printf(Locale.ROOT, "  %d particle modes against the 30 shells, both at rtol 1e-7: %.3f mV RMS, %.3f mV max (to 3.0 V); end %.2f s (shells %.2f s)%n",
                MODES, 1e3 * d[0], 1e3 * d[1], modal.last().time(), tight.last().time());
    }

    /** The timed runs' simulation: solved outputs, or interpolated ones with -Doutputs=interpolated. */
    private static DfnSimulation timed(double rtol) {
        DfnSimulation sim = new DfnSimulation(rtol);
        if (IDA_MATRIX_LIFE) sim.withIdaMatrixLife();
        return INTERPOLATED ? sim.withInterpolatedOutputs() : sim;
    }

    /** The timed runs' particle unknowns and outputs, for the printed figures. */
    private static String modes() {
        return (MODES > 0 ? " (" + MODES + " particle modes)" : "") + (INTERPOLATED ? " (interpolated outputs)" : "")
                + (IDA_MATRIX_LIFE ? " (IDA's matrix life)" : "");
    }

    /** RMS and largest |a - b| at the times both curves have, where b >= minVoltage. */
    private static double[] difference(double[] ta, double[] va, double[] tb, double[] vb, double minVoltage) {
        return difference(ta, va, tb, vb, minVoltage, 0);
    }

    private static double[] difference(double[] ta, double[] va, double[] tb, double[] vb, double minVoltage, double fromTime) {
        double[][] d = differenceSeries(ta, va, tb, vb, minVoltage);
        double sum = 0, max = 0;
        int n = 0;
        for (int i = 0; i < d[0].length; i++) {
            if (d[0][i] < fromTime) continue;
            sum += d[1][i] * d[1][i];
            max = Math.max(max, Math.abs(d[1][i]));
            n++;
        }
        return new double[] {Math.sqrt(sum / n), max};
    }

    /** {times, a - b} at the times both curves have, where b >= minVoltage. */
    private static double[][] differenceSeries(double[] ta, double[] va, double[] tb, double[] vb, double minVoltage) {
        List<double[]> d = new ArrayList<>();
        for (int i = 0; i < ta.length; i++) {
            int k = java.util.Arrays.binarySearch(tb, ta[i]);
            if (k >= 0 && vb[k] >= minVoltage) d.add(new double[] {ta[i], va[i] - vb[k]});
        }
        return new double[][] {d.stream().mapToDouble(p -> p[0]).toArray(), d.stream().mapToDouble(p -> p[1]).toArray()};
    }
}

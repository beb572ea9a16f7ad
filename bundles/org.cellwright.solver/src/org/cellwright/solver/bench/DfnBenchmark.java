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
import org.cellwright.solver.params.Marquis2019;

/**
 * DFN against COMSOL (Marquis 2019 set, 1C and 3C) on PyBaMM's benchmark mesh (20 finite volumes per domain, 30 per
 * particle): terminal-voltage RMS difference and wall time (best of repeated warm runs). Run:
 * java -cp ... org.cellwright.solver.bench.DfnBenchmark [dfn-reference folder] [relative tolerance] [figure.svg]
 * (-Drepeats=N sets the warm repetitions, default 10). With a third argument it writes the validation figure:
 * voltage against time at 1C and 3C, and the electrolyte concentration across the cell at three times of the 3C run.
 */
public final class DfnBenchmark {
    private DfnBenchmark() {}

    private static final int REPEATS = Integer.getInteger("repeats", 10);

    private static double[] every(double[] v, int n) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < v.length; i += n) out.add(v[i]);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/data/dfn-reference");
        double rtol = args.length > 1 ? Double.parseDouble(args[1]) : 1e-4;
        DfnMesh mesh = DfnMesh.benchmark();
        SvgLinePlot.Panel voltage = new SvgLinePlot.Panel("Terminal voltage: COMSOL (circles) and CellWright (lines)", "time [s]", "voltage [V]", 0, 3600, 3.0, 3.9);
        SvgLinePlot.Panel electrolyte = new SvgLinePlot.Panel("3C: electrolyte concentration across the cell", "x [um]", "c_e [mol/m3]", 0, 225, 400, 1800);
        String[] colours = {"#1f77b4", "#d62728", "#2ca02c"};
        for (int rate : new int[] {1, 3}) {
            ComsolReference ref = ComsolReference.read(folder.resolve("comsol_" + rate + "C.json"));
            DfnSimulation sim = new DfnSimulation(rtol);
            DfnSolution s = null;
            long best = Long.MAX_VALUE;
            for (int rep = 0; rep < REPEATS; rep++) {
                long t0 = System.nanoTime();
                s = sim.run(Marquis2019.cell(), mesh, CurrentProfile.constant(rate * Marquis2019.ONE_C), ref.time, Marquis2019.CUTOFF);
                best = Math.min(best, System.nanoTime() - t0);
            }
            System.out.printf(Locale.ROOT,
                    "%dC DFN, mesh 20/20/20 x 30, rtol %.0e: voltage RMS vs COMSOL %.2f mV over %d outputs (to %.3f V); %.1f ms warm (best of %d); %d steps, %d rejected, %d factorisations, %d f evaluations; end: %s at %.1f s%n",
                    rate, rtol, 1e3 * ref.voltageRms(s, Marquis2019.CUTOFF), ref.comparedPoints(s, Marquis2019.CUTOFF), Marquis2019.CUTOFF,
                    best / 1e6, REPEATS, s.steps(), s.rejectedSteps(), s.factorisations(), s.rhsEvaluations(), s.endReason(), s.last().time());
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
    }
}

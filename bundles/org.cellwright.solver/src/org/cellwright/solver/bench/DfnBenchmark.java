package org.cellwright.solver.bench;

import java.nio.file.Path;
import java.util.Locale;

import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnSimulation;
import org.cellwright.solver.dfn.DfnSolution;
import org.cellwright.solver.params.Marquis2019;

/**
 * DFN against COMSOL (Marquis 2019 set, 1C and 3C) on PyBaMM's benchmark mesh (20 finite volumes per domain, 30 per
 * particle): terminal-voltage RMS difference and wall time (best of repeated warm runs). Run:
 * java -cp ... org.cellwright.solver.bench.DfnBenchmark [dfn-reference folder] [relative tolerance]
 */
public final class DfnBenchmark {
    private DfnBenchmark() {}

    private static final int REPEATS = Integer.getInteger("repeats", 10);

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/data/dfn-reference");
        double rtol = args.length > 1 ? Double.parseDouble(args[1]) : 1e-4;
        DfnMesh mesh = DfnMesh.benchmark();
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
                    "%dC DFN, mesh 20/20/20 x 30, rtol %.0e: voltage RMS vs COMSOL %.2f mV over %d outputs (to %.3f V); %.1f ms warm (best of 10); %d steps, %d rejected, %d factorisations, %d f evaluations; end: %s at %.1f s%n",
                    rate, rtol, 1e3 * ref.voltageRms(s, Marquis2019.CUTOFF), ref.comparedPoints(s, Marquis2019.CUTOFF), Marquis2019.CUTOFF,
                    best / 1e6, s.steps(), s.rejectedSteps(), s.factorisations(), s.rhsEvaluations(), s.endReason(), s.last().time());
        }
    }
}

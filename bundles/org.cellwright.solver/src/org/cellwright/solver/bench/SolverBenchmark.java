package org.cellwright.solver.bench;

import java.util.Locale;

import org.cellwright.solver.CycleSummary;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.ResultSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.params.Sung2023Parameters;

/**
 * Speed of the solver: (1) a 1C full-cell discharge on a 20 x 30 mesh (target < 10 ms warm), (2) 200 cycles at
 * 0.35 C of the interlayer full cell at 60 C (target < 2 s). Run: java -cp ... org.cellwright.solver.bench.SolverBenchmark
 */
public final class SolverBenchmark {
    private SolverBenchmark() {}

    public static void main(String[] args) {
        SolverSettings mesh = SolverSettings.builder().cathodeNodes(20).particleNodes(30).outputInterval(60).build();
        CellSpec full = Sung2023Parameters.cell7FullBaseline(65e6, Sung2023Parameters.T_ROOM);
        // charged state: charge once at C/10, then time the 1C discharge from there
        ProtocolSpec discharge = ProtocolSpec.of(StepSpec.cRate(0.2, Cutoff.voltageAbove(4.3), Cutoff.duration(8 * 3600)),
                StepSpec.cRate(-1, Cutoff.voltageBelow(2.8), Cutoff.duration(2 * 3600)));
        ProtocolSpec chargeOnly = ProtocolSpec.of(StepSpec.cRate(0.2, Cutoff.voltageAbove(4.3), Cutoff.duration(8 * 3600)));
        long best = Long.MAX_VALUE, bestCharge = Long.MAX_VALUE;
        RecordingSink last = null;
        for (int rep = 0; rep < 30; rep++) {
            RecordingSink s1 = new RecordingSink();
            long t0 = System.nanoTime();
            new Simulation().run(full, chargeOnly, mesh, s1, ProgressListener.NONE);
            long t1 = System.nanoTime();
            RecordingSink s2 = new RecordingSink();
            new Simulation().run(full, discharge, mesh, s2, ProgressListener.NONE);
            long t2 = System.nanoTime();
            bestCharge = Math.min(bestCharge, t1 - t0);
            best = Math.min(best, (t2 - t1) - (t1 - t0));
            last = s2;
        }
        CycleSummary c = last.cycles.get(0);
        System.out.printf(Locale.ROOT, "1C discharge, 20x30 mesh: %.2f ms warm (charge part %.2f ms subtracted); "
                + "discharge %.1f mAh/g, status %s%n", best / 1e6, bestCharge / 1e6,
                c.dischargeSpecificCapacity() / 3600, last.status);

        CellSpec cyc = Sung2023Parameters.cell6Full(65e6, Sung2023Parameters.T_60C);
        ProtocolSpec p = Sung2023Parameters.fullCellCycling(199);
        SolverSettings coarse = SolverSettings.builder().outputInterval(600).build();
        long bestCyc = Long.MAX_VALUE;
        int[] cycles = new int[1];
        RunStatus st = null;
        double[] lastDis = new double[2];
        for (int rep = 0; rep < 3; rep++) {
            cycles[0] = 0;
            ResultSink counting = new ResultSink() {
                @Override public void sample(Sample s) {}
                @Override public void cycle(CycleSummary cs) {
                    cycles[0]++;
                    if (cs.index() == 2) lastDis[0] = cs.dischargeCapacity();
                    lastDis[1] = cs.dischargeCapacity();
                }
            };
            long t0 = System.nanoTime();
            st = new Simulation().run(cyc, p, coarse, counting, ProgressListener.NONE);
            bestCyc = Math.min(bestCyc, System.nanoTime() - t0);
        }
        System.out.printf(Locale.ROOT, "200 cycles at 0.35 C (cell 6, 60 C): %.3f s, %d cycles, status %s, retention %.3f%n",
                bestCyc / 1e9, cycles[0], st, lastDis[1] / lastDis[0]);
    }
}

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
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialProperty;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.params.Sung2023Parameters;

/**
 * Speed of the solver: (1) a 1C full-cell discharge on the default mesh, the cathode volumes x the particle shells
 * chosen from its protocol (20 x 20; target < 10 ms warm), (2) 200 cycles at 0.35 C of the interlayer full cell at 60 C
 * (target < 2 s), also on the default mesh ({@code CathodeVolumes}, {@code ParticleShells}).
 * Run: java -cp ... org.cellwright.solver.bench.SolverBenchmark
 */
public final class SolverBenchmark {
    private SolverBenchmark() {}

    public static void main(String[] args) {
        SolverSettings mesh = SolverSettings.builder().outputInterval(60).build(); // volumes and shells from the protocol
        // charged baseline full cell (cathode stoichiometry at the 4.3 V end of charge), 1C discharge to 2.8 V
        CellSpec base = Sung2023Parameters.cell7FullBaseline(65e6, Sung2023Parameters.T_ROOM); // 65 MPa: creep sustains 1C stripping
        LayerSpec cat = base.cathode();
        LayerSpec charged = cat.toBuilder().clearComponents()
                .component(cat.components().get(0).material().with(MaterialProperty.INITIAL_STOICHIOMETRY, 0.27), 0.67)
                .component(cat.components().get(1).material(), 0.30).component(cat.components().get(2).material(), 0.03).build();
        CellSpec full = base.toBuilder().replaceLayer(charged).build();
        ProtocolSpec discharge = ProtocolSpec.of(StepSpec.cRate(-1, Cutoff.voltageBelow(2.8), Cutoff.duration(2 * 3600)));
        long best = Long.MAX_VALUE;
        RecordingSink last = null;
        for (int rep = 0; rep < 200; rep++) {
            RecordingSink s2 = new RecordingSink();
            long t1 = System.nanoTime();
            new Simulation().run(full, discharge, mesh, s2, ProgressListener.NONE);
            best = Math.min(best, System.nanoTime() - t1);
            last = s2;
        }
        CycleSummary c = last.cycles.get(0);
        System.out.printf(Locale.ROOT, "1C discharge, %dx%d mesh: %.2f ms warm (best of 200); %.1f mAh/g, %d samples, status %s%n",
                org.cellwright.solver.CathodeVolumes.forRun(full, discharge), org.cellwright.solver.ParticleShells.forRun(full, discharge), best / 1e6, c.dischargeSpecificCapacity() / 3600, last.samples.size(), last.status);

        CellSpec cyc = Sung2023Parameters.cell6Full(65e6, Sung2023Parameters.T_60C);
        ProtocolSpec p = Sung2023Parameters.fullCellCycling(199);
        SolverSettings coarse = SolverSettings.builder().outputInterval(600).build();
        long bestCyc = Long.MAX_VALUE, bestCycCpu = Long.MAX_VALUE;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
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
            long t0 = System.nanoTime(), c0 = cpu.getCurrentThreadCpuTime();
            st = new Simulation().run(cyc, p, coarse, counting, ProgressListener.NONE);
            bestCyc = Math.min(bestCyc, System.nanoTime() - t0);
            bestCycCpu = Math.min(bestCycCpu, cpu.getCurrentThreadCpuTime() - c0);
        }
        System.out.printf(Locale.ROOT, "200 cycles at 0.35 C (cell 6, 60 C, %d cathode volumes, %d particle shells): %.3f s wall, %.3f s CPU (each the best of 3), %d cycles, status %s, retention %.3f%n",
                org.cellwright.solver.CathodeVolumes.forRun(cyc, p), org.cellwright.solver.ParticleShells.forRun(cyc, p), bestCyc / 1e9, bestCycCpu / 1e9, cycles[0], st, lastDis[1] / lastDis[0]);
    }
}

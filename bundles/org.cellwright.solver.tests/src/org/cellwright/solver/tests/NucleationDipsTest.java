package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.cellwright.solver.OverpotentialKind;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.ResultSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.LayerRole;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.output.NucleationDips;
import org.cellwright.solver.output.SummaryJsonWriter;
import org.cellwright.solver.params.Sung2023Parameters;
import org.cellwright.solver.physics.CassieBaxterWetting;
import org.cellwright.solver.physics.CellModel;
import org.cellwright.solver.physics.HeterogeneousNucleation;
import org.cellwright.solver.physics.MiecInterlayerElectrode;
import org.cellwright.solver.physics.PoreFilling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nucleation dips of the first plating (Sung et al., Adv. Mater. 2023, DOI 10.1002/adma.202210835): on the
 * lithiated Li3.75Si-CNT interlayer two dips, Li nucleating inside the MIEC (1.5 mV) and, once Li has filled the
 * pores (~0.1 mAh/cm2), at the MIEC/collector interface; on bare SUS one 14.2 mV dip. Dips are read off the voltage
 * trace here independently of {@link org.cellwright.solver.output.NucleationDips}.
 */
class NucleationDipsTest {
    static final double MAH_CM2 = 36000; // C/m2

    /** The study's NucleationPlating: -0.3 mA/cm2 for 1 h, 5 s output. */
    static RecordingSink plate(CellSpec cell, double maxStep, SummaryJsonWriter summary) {
        return plate(cell, -3, 5, maxStep, summary);
    }

    /**
     * Plating at current density i [A/m2] for 1 h, samples every outputInterval [s]; the sink also keeps every time
     * step the solver accepted ({@link Steps#steps}).
     */
    static Steps plate(CellSpec cell, double i, double outputInterval, double maxStep, SummaryJsonWriter summary) {
        Steps s = new Steps();
        ResultSink sink = summary == null ? s : ResultSink.tee(s, summary);
        RunStatus st = new Simulation().run(cell, ProtocolSpec.of(StepSpec.currentDensity(i, Cutoff.duration(3600))),
                SolverSettings.builder().outputInterval(outputInterval).maxStep(maxStep).build(), sink, null);
        assertEquals(RunStatus.COMPLETED, st, () -> s.events.toString());
        return s;
    }

    /** Keeps the samples and, apart, the state after every accepted time step. */
    static final class Steps extends RecordingSink {
        final List<Sample> steps = new ArrayList<>();
        @Override public void timeStep(Sample state) { steps.add(state); }
        /** The solver's trace: the first sample (the rest before any step), then every accepted step. */
        RecordingSink asTrace() {
            RecordingSink r = new RecordingSink();
            r.samples.add(samples.get(0));
            r.samples.addAll(steps);
            return r;
        }
    }

    /** {capacity [C/m2], depth [V], index of the minimum} of every local minimum the voltage recovers from by 0.1 mV. */
    static List<double[]> dips(RecordingSink s) {
        List<double[]> out = new ArrayList<>();
        List<Sample> x = s.samples;
        for (int i = 1; i + 1 < x.size(); i++) {
            double v = x.get(i).voltage();
            if (v >= x.get(i - 1).voltage() || v > x.get(i + 1).voltage()) continue;
            double after = v;
            for (int j = i + 1; j < x.size() && x.get(j).voltage() >= v; j++) after = Math.max(after, x.get(j).voltage());
            if (after - v >= 1e-4) out.add(new double[] {-x.get(i).stepCapacity(), after - v, i});
        }
        return out;
    }

    /**
     * The dips of {@link #dips} where Li nucleates: the plated Li metal grows from the minimum to the highest voltage
     * after it by more than an empty site holds. On the lithiated interlayer the voltage after the solver's first 1 s
     * step lies 6 mV below that of the next steps with no Li plated: not a nucleation dip (5 s samples did not show it).
     */
    static List<double[]> nucleationDips(RecordingSink s) {
        List<double[]> out = new ArrayList<>();
        List<Sample> x = s.samples;
        for (double[] d : dips(s)) {
            int i = (int) d[2], top = i;
            for (int j = i + 1; j < x.size() && x.get(j).voltage() >= x.get(i).voltage(); j++)
                if (x.get(j).voltage() > x.get(top).voltage()) top = j;
            if (plated(x.get(top)) - plated(x.get(i)) > MiecInterlayerElectrode.EMPTY) out.add(d);
        }
        return out;
    }

    private static double plated(Sample s) {
        return s.lithium().interlayerPores() + s.lithium().currentCollectorSide() + s.lithium().seSide();
    }

    static String describe(List<double[]> d) {
        StringBuilder b = new StringBuilder();
        for (double[] x : d) b.append(String.format(java.util.Locale.ROOT, "[%.4f mAh/cm2, %.3f mV] ", x[0] / MAH_CM2, x[1] * 1e3));
        return b.toString();
    }

    @Test
    void interlayerFirstPlatingDipsTwiceSecondAfterAboutATenthOfAMilliampHour() {
        for (double maxStep : new double[] {600, 5}) {
            List<double[]> d = dips(plate(Sung2023Parameters.cell2Interlayer(5e6), maxStep, null));
            assertEquals(2, d.size(), () -> "max step " + maxStep + ": " + describe(d));
            assertTrue(d.get(0)[0] < 0.02 * MAH_CM2, "first dip at plating onset: " + describe(d));
            assertEquals(0.0015, d.get(0)[1], 0.0005, "1.5 mV nucleation inside the MIEC: " + describe(d));
            assertTrue(d.get(1)[0] > 0.05 * MAH_CM2 && d.get(1)[0] < 0.2 * MAH_CM2, "second dip at ~0.1 mAh/cm2: " + describe(d));
            // the collector face lined with Li-Si: harder than inside the MIEC, far easier than bare SUS
            assertTrue(d.get(1)[1] > d.get(0)[1] && d.get(1)[1] < 0.008, describe(d));
        }
    }

    @Test
    void bareSusDipsOnceAtOnset() {
        List<double[]> d = dips(plate(Sung2023Parameters.cell3Bare(5e6), 600, null));
        assertEquals(1, d.size(), () -> describe(d));
        assertTrue(d.get(0)[0] < 0.01 * MAH_CM2, describe(d));
        assertEquals(0.0142, d.get(0)[1], 0.002, "the study's 14.2 mV on bare SUS: " + describe(d));
    }

    @Test
    void secondDipComesWhenLithiumHasFilledThePores() {
        // not a threshold: the capacity before the second nucleation is the pore volume eps L of the lithiated layer
        for (double scale : new double[] {1, 1.6}) {
            CellSpec base = Sung2023Parameters.cell2Interlayer(5e6);
            LayerSpec inter = null;
            for (LayerSpec l : base.layers()) if (l.role() == LayerRole.INTERLAYER) inter = l;
            CellSpec cell = base.toBuilder().replaceLayer(inter.toBuilder().thickness(inter.thickness() * scale).build()).build();
            MiecInterlayerElectrode e = (MiecInterlayerElectrode) new CellModel(cell, SolverSettings.defaults()).workingElectrode();
            double[] g = e.geometry();
            double poreVolume = g[0] * g[1] / (6.941e-3 / 534) * 96485.33212; // C/m2 of Li filling the pores
            List<double[]> d = dips(plate(cell, 600, null));
            assertEquals(2, d.size(), () -> "thickness x" + scale + ": " + describe(d));
            assertEquals(poreVolume, d.get(1)[0], 0.2 * poreVolume,
                    "second dip when the pores (" + poreVolume / MAH_CM2 + " mAh/cm2) are full: " + describe(d));
        }
    }

    @Test
    void reportedNucleationOverpotentialIsTheFirstDipOfTheTrace(@TempDir Path dir) {
        for (CellSpec cell : new CellSpec[] {Sung2023Parameters.cell2Interlayer(5e6), Sung2023Parameters.cell3Bare(5e6)}) {
            SummaryJsonWriter w = new SummaryJsonWriter(dir.resolve(cell.name()));
            // the trace of the solver's time steps, not of the samples (those at 5 s are a subset of them)
            List<double[]> d = nucleationDips(plate(cell, -3, 5, 600, w).asTrace());
            JsonObject js = w.json();
            assertEquals(d.get(0)[1] * 1e3, js.get("nucleation_overpotential_mV").getAsDouble(), 1e-9, cell.name());
            JsonArray a = js.getAsJsonArray("nucleation_dips");
            assertEquals(d.size(), a.size(), cell.name());
            for (int i = 0; i < d.size(); i++) {
                JsonObject o = a.get(i).getAsJsonObject();
                assertEquals(d.get(i)[1] * 1e3, o.get("depth_mV").getAsDouble(), 1e-9);
                assertEquals(d.get(i)[0] / MAH_CM2, o.get("capacity_mAh_cm2").getAsDouble(), 1e-12);
            }
        }
    }

    @Test
    void nucleationOverpotentialRelaxesOnceNucleiCoverTheSubstrate() {
        RecordingSink s = plate(Sung2023Parameters.cell2Interlayer(5e6), 5, null);
        List<double[]> d = dips(s);
        assertEquals(2, d.size(), () -> describe(d));
        for (double[] dip : d) {
            double most = 0; // largest nucleation overpotential within 0.005 mAh/cm2 of the dip
            for (Sample x : s.samples)
                if (Math.abs(-x.stepCapacity() - dip[0]) < 0.005 * MAH_CM2) most = Math.max(most, -x.overpotential(OverpotentialKind.NUCLEATION));
            assertTrue(most > 0.5 * dip[1], "at the dip the nucleation overpotential is most of its depth: " + most + " vs " + describe(d));
        }
        double between = 0, end = s.last().overpotential(OverpotentialKind.NUCLEATION);
        for (Sample x : s.samples) if (Math.abs(-x.stepCapacity() - 0.07 * MAH_CM2) < 0.002 * MAH_CM2) between = x.overpotential(OverpotentialKind.NUCLEATION);
        assertEquals(0, between, 2e-5, "covered pores between the dips");
        assertEquals(0, end, 2e-5, "covered collector at the end");
    }

    /**
     * The first plating on bare steel at 5 MPa read at 60, 5 and 1 s outputs: the summary's nucleation overpotential
     * is read at the solver's time steps, whose lengths the output interval does not set, so it is the same (read off
     * the samples it was 3.71 / 14.20 / 15.30 mV at 0.3 mA/cm2 and 8.42 / 15.20 / 15.58 mV at 0.1 mA/cm2: the minimum lies
     * within the first minute). The time steps themselves are the same ones whatever the output interval.
     */
    @Test
    void nucleationOverpotentialOnBareSteelDoesNotDependOnTheOutputInterval(@TempDir Path dir) {
        for (double i : new double[] {-3, -1}) {
            double[] read = new double[3];
            double[] interval = {60, 5, 1};
            List<Sample> steps60 = null;
            for (int k = 0; k < 3; k++) {
                SummaryJsonWriter w = new SummaryJsonWriter(dir.resolve(i + "-" + k));
                Steps s = plate(Sung2023Parameters.cell3Bare(5e6), i, interval[k], 600, w);
                read[k] = w.json().get("nucleation_overpotential_mV").getAsDouble();
                if (k == 0) steps60 = s.steps;
                else {
                    assertEquals(steps60.size(), s.steps.size(), "the same time steps at " + interval[k] + " s as at 60 s");
                    for (int j = 0; j < s.steps.size(); j++) assertEquals(steps60.get(j).time(), s.steps.get(j).time(), 1e-9);
                }
            }
            String all = java.util.Arrays.toString(read) + " mV at 60 / 5 / 1 s, " + -i / 10 + " mA/cm2";
            assertEquals(read[1], read[0], 0.2, all);
            assertEquals(read[1], read[2], 0.2, all);
            assertTrue(read[0] > 10, "a dip of the order of the study's 14.2 mV at 60 s too: " + all);
        }
    }

    /**
     * NucleationDips fed the solver's time steps and the samples: the dip is read at the steps, where the samples
     * (60 s apart) miss its minimum; a sample at the time of a step fed before (the same state again) adds no point.
     */
    @Test
    void dipsAreReadAtTheSolverStepsNotAtTheSamples() {
        NucleationDips d = new NucleationDips(false);
        d.sample(state(0, 0, -0.010)); // at rest: Li foil against the bare collector
        // the transient: the minimum 20 mV below the plateau, 2 s into the plating; a sample every 60 s
        double[] t = {1, 2, 4, 8, 16, 30, 60, 120};
        double[] v = {-0.020, -0.030, -0.022, -0.014, -0.011, -0.010, -0.010, -0.010};
        for (int k = 0; k < t.length; k++) {
            Sample s = state(t[k], -3, v[k]);
            d.sample(s); // the time step
            if (t[k] == 60 || t[k] == 120) {
                d.sample(s); // its sample, the same state
                d.sample(state(t[k], -3, -0.5)); // any state at a time fed before is skipped
            }
        }
        List<NucleationDips.Dip> dips = d.dips();
        assertEquals(1, dips.size(), dips::toString);
        assertEquals(0.020, dips.get(0).depth(), 1e-12, "the plateau -10 mV minus the minimum -30 mV at the second step");
        assertEquals(3 * 2, dips.get(0).capacity(), 1e-12, "2 s at 3 A/m2");
        // the samples alone (rest, 60 s, 120 s) see no dip
        NucleationDips samples = new NucleationDips(false);
        samples.sample(state(0, 0, -0.010));
        samples.sample(state(60, -3, -0.010));
        samples.sample(state(120, -3, -0.010));
        assertTrue(samples.dips().isEmpty());
    }

    /** A state at time t [s] of the first plating step at current i [A/m2] and voltage v [V], no inventory. */
    private static Sample state(double t, double i, double v) {
        return new Sample(t, i == 0 ? 0 : 1, 1, v, i, 298.15, 5e6, i * t, 0, new double[OverpotentialKind.values().length], null);
    }

    @Test
    void collectorLinedWithLithiumSilicideWetsBetweenSiliconAndSteel() {
        double lisi = Math.toRadians(30.5), sus = Math.toRadians(90);
        assertEquals(lisi, CassieBaxterWetting.contactAngle(1, lisi, sus), 1e-12);
        assertEquals(sus, CassieBaxterWetting.contactAngle(0, lisi, sus), 1e-12);
        double mixed = CassieBaxterWetting.contactAngle(0.86, lisi, sus);
        assertTrue(mixed > lisi && mixed < sus);
        assertEquals(0.86 * Math.cos(lisi) + 0.14 * Math.cos(sus), Math.cos(mixed), 1e-12);
        double eta = HeterogeneousNucleation.overpotential(0.055, 2.16e-29, mixed, 298.15);
        assertTrue(eta > HeterogeneousNucleation.overpotential(0.055, 2.16e-29, lisi, 298.15));
        assertTrue(eta < 0.5 * HeterogeneousNucleation.overpotential(0.055, 2.16e-29, sus, 298.15));
    }

    @Test
    void poresFillWithoutPenaltyUntilNearlyFullAndOnsetOverpotentialDecays() {
        assertEquals(1, PoreFilling.growthFactor(0), 1e-12);
        assertTrue(PoreFilling.growthFactor(0.9) > 0.99);
        assertEquals(0, PoreFilling.growthFactor(1), 1e-12);
        assertEquals(0.0015, HeterogeneousNucleation.onsetOverpotential(0.0015, 0, 0.002), 1e-15);
        assertEquals(0.0015 * Math.exp(-1), HeterogeneousNucleation.onsetOverpotential(0.0015, 0.002, 0.002), 1e-15);
        assertEquals(1 - Math.exp(-2), HeterogeneousNucleation.coverage(0.004, 0.002), 1e-15);
    }
}

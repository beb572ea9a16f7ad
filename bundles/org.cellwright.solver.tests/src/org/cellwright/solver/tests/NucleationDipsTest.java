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
        RecordingSink s = new RecordingSink();
        ResultSink sink = summary == null ? s : ResultSink.tee(s, summary);
        RunStatus st = new Simulation().run(cell, ProtocolSpec.of(StepSpec.currentDensity(-3, Cutoff.duration(3600))),
                SolverSettings.builder().outputInterval(5).maxStep(maxStep).build(), sink, null);
        assertEquals(RunStatus.COMPLETED, st, () -> s.events.toString());
        return s;
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
            List<double[]> d = dips(plate(cell, 600, w));
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

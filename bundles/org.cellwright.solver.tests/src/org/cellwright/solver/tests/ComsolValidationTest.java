package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.solver.bench.ComsolReference;
import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnSimulation;
import org.cellwright.solver.dfn.DfnSolution;
import org.cellwright.solver.params.Marquis2019;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DFN against COMSOL (../shared/data/dfn-reference, Marquis 2019 set; README there, section 1) on PyBaMM's
 * benchmark mesh. Tolerances stated up front: terminal voltage RMS below 10 mV (issue 14), and at a quarter, half and
 * three quarters of the run: electrolyte concentration within 1 % of its initial 1000 mol/m3, electrolyte and solid
 * potentials within 2 mV, particle surface concentrations within 1 % of c_max.
 */
class ComsolValidationTest {

    static Path reference(String file) {
        Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/data/dfn-reference").resolve(file);
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new AssertionError("../shared/data/dfn-reference/" + file + " not found above " + cwd);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void voltageAndFieldsAgreeWithComsol(int rate) throws IOException {
        ComsolReference ref = ComsolReference.read(reference("comsol_" + rate + "C.json"));
        DfnSolution s = new DfnSimulation(1e-4).run(Marquis2019.cell(), DfnMesh.benchmark(),
                CurrentProfile.constant(rate * Marquis2019.ONE_C), ref.time, Marquis2019.CUTOFF);
        double rms = ref.voltageRms(s, Marquis2019.CUTOFF);
        assertTrue(rms < 0.010, rate + "C voltage RMS " + rms * 1e3 + " mV");
        assertTrue(ref.comparedPoints(s, Marquis2019.CUTOFF) > 180, "compared over the whole discharge");
        if (rate == 3) {
            // COMSOL crosses 3.105 V at about 1147.6 s (README 1.2)
            assertEquals("voltage cut-off", s.endReason());
            assertEquals(1147.6, s.last().time(), 5.0);
        }
        double cMaxN = Marquis2019.graphite().particle().maximumConcentration(), cMaxP = Marquis2019.lco().particle().maximumConcentration();
        for (int k : new int[] {50, 100, 150}) {
            DfnSolution.Snapshot sn = s.snapshots().get(k);
            assertEquals(ref.time[k], sn.time(), 1e-9);
            String at = rate + "C, t = " + Math.round(sn.time()) + " s: ";
            assertTrue(ComsolReference.maxDifference(s.x(), sn.electrolyteConcentration(), ref.x, ref.electrolyteConcentration, k) < 10, at + "c_e");
            assertTrue(ComsolReference.maxDifference(s.x(), sn.electrolytePotential(), ref.x, ref.electrolytePotential, k) < 2e-3, at + "phi_e");
            assertTrue(ComsolReference.maxDifference(s.xNegative(), sn.negativePotential(), ref.xNegative, ref.negativePotential, k) < 2e-3, at + "phi_n");
            assertTrue(ComsolReference.maxDifference(s.xPositive(), sn.positivePotential(), ref.xPositive, ref.positivePotential, k) < 2e-3, at + "phi_p");
            assertTrue(ComsolReference.maxDifference(s.xNegative(), sn.negativeSurfaceConcentration(), ref.xNegative, ref.negativeSurfaceConcentration, k) < 0.01 * cMaxN, at + "c_n,surf");
            assertTrue(ComsolReference.maxDifference(s.xPositive(), sn.positiveSurfaceConcentration(), ref.xPositive, ref.positiveSurfaceConcentration, k) < 0.01 * cMaxP, at + "c_p,surf");
        }
    }
}

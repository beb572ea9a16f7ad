package org.cellwright.solver.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.solver.dfn.DfnSolution;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * One COMSOL DFN run of ../shared/data/dfn-reference (comsol_1C.json, comsol_3C.json; layout in that folder's README,
 * section 1.2): output times [s], terminal voltage [V], and fields [n_x][n_t] on their own x grids [m]. Compares a
 * {@link DfnSolution} with it the way PyBaMM does (compare_comsol_DFN.py): COMSOL fields interpolated linearly in x onto
 * the finite-volume centres, voltages at the same output times.
 */
public final class ComsolReference {
    public final double[] time, voltage, x, xNegative, xPositive;
    public final double[][] electrolyteConcentration, electrolytePotential, negativePotential, positivePotential,
            negativeSurfaceConcentration, positiveSurfaceConcentration;

    private ComsolReference(JsonObject o) {
        time = vector(o.getAsJsonArray("time"));
        voltage = vector(o.getAsJsonArray("voltage"));
        x = vector(o.getAsJsonArray("x"));
        xNegative = vector(o.getAsJsonArray("x_n"));
        xPositive = vector(o.getAsJsonArray("x_p"));
        electrolyteConcentration = matrix(o.getAsJsonArray("c_e"));
        electrolytePotential = matrix(o.getAsJsonArray("phi_e"));
        negativePotential = matrix(o.getAsJsonArray("phi_n"));
        positivePotential = matrix(o.getAsJsonArray("phi_p"));
        negativeSurfaceConcentration = matrix(o.getAsJsonArray("c_n_surf"));
        positiveSurfaceConcentration = matrix(o.getAsJsonArray("c_p_surf"));
    }

    public static ComsolReference read(Path json) throws IOException {
        try (Reader r = Files.newBufferedReader(json)) {
            return new ComsolReference(JsonParser.parseReader(r).getAsJsonObject());
        }
    }

    private static double[] vector(JsonArray a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = a.get(i).getAsDouble();
        return v;
    }

    private static double[][] matrix(JsonArray a) {
        double[][] m = new double[a.size()][];
        for (int i = 0; i < m.length; i++) m[i] = vector(a.get(i).getAsJsonArray());
        return m;
    }

    /**
     * RMS of V_CellWright - V_COMSOL over the output times both have, taking only COMSOL times whose voltage is at or
     * above minVoltage (the cut-off at which PyBaMM's comparison ends, README 1.2) [V].
     */
    public double voltageRms(DfnSolution s, double minVoltage) {
        double[] t = s.times(), v = s.voltages();
        double sum = 0;
        int n = 0;
        for (int k = 0; k < time.length; k++) {
            if (voltage[k] < minVoltage) continue;
            int j = indexOf(t, time[k]);
            if (j < 0) continue;
            sum += (v[j] - voltage[k]) * (v[j] - voltage[k]);
            n++;
        }
        return n == 0 ? Double.NaN : Math.sqrt(sum / n);
    }

    /** Number of COMSOL outputs compared by {@link #voltageRms}. */
    public int comparedPoints(DfnSolution s, double minVoltage) {
        int n = 0;
        double[] t = s.times();
        for (int k = 0; k < time.length; k++) if (voltage[k] >= minVoltage && indexOf(t, time[k]) >= 0) n++;
        return n;
    }

    /** Largest |ours - COMSOL| across x at COMSOL output index k, COMSOL field interpolated onto our centres. */
    public static double maxDifference(double[] ourX, double[] ours, double[] refX, double[][] ref, int k) {
        double worst = 0;
        for (int i = 0; i < ourX.length; i++) worst = Math.max(worst, Math.abs(ours[i] - interpolate(refX, ref, k, ourX[i])));
        return worst;
    }

    /** Field ref[.][k] at position xq by linear interpolation on refX (ascending). */
    public static double interpolate(double[] refX, double[][] ref, int k, double xq) {
        int hi = 1;
        while (hi < refX.length - 1 && refX[hi] < xq) hi++;
        int lo = hi - 1;
        double s = (xq - refX[lo]) / (refX[hi] - refX[lo]);
        return ref[lo][k] + s * (ref[hi][k] - ref[lo][k]);
    }

    private static int indexOf(double[] t, double tq) {
        for (int j = 0; j < t.length; j++) if (Math.abs(t[j] - tq) <= 1e-9 * Math.max(1, tq)) return j;
        return -1;
    }
}

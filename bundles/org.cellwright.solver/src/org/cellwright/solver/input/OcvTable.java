package org.cellwright.solver.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Open-circuit voltage vs stoichiometry as a table, linearly interpolated and held constant outside its range.
 * Points are sorted by stoichiometry; duplicate stoichiometries keep the first value.
 */
public final class OcvTable implements DoubleUnaryOperator {
    private final double[] x;
    private final double[] v;
    private final int[] bucket; // first table index of each uniform bucket of [x0, xn]: O(1) lookup
    private final double bucketScale;

    public OcvTable(double[] stoichiometry, double[] voltage) {
        if (stoichiometry.length != voltage.length || stoichiometry.length < 2)
            throw new IllegalArgumentException("OCV table needs >= 2 points of equal length");
        Integer[] idx = new Integer[stoichiometry.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Double.compare(stoichiometry[a], stoichiometry[b]));
        List<double[]> pts = new ArrayList<>();
        for (int i : idx) {
            if (!pts.isEmpty() && pts.get(pts.size() - 1)[0] == stoichiometry[i]) continue;
            pts.add(new double[] {stoichiometry[i], voltage[i]});
        }
        x = new double[pts.size()];
        v = new double[pts.size()];
        for (int i = 0; i < x.length; i++) { x[i] = pts.get(i)[0]; v[i] = pts.get(i)[1]; }
        int nb = 4 * x.length;
        bucket = new int[nb + 1];
        bucketScale = nb / (x[x.length - 1] - x[0]);
        int j = 0;
        for (int b = 0; b <= nb; b++) {
            double xb = x[0] + b / bucketScale;
            while (j < x.length - 2 && x[j + 1] <= xb) j++;
            bucket[b] = j;
        }
    }

    /** Reads a two-column CSV (stoichiometry, voltage); lines starting with '#' and non-numeric lines are skipped. */
    public static OcvTable fromCsv(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static OcvTable parse(List<String> lines) {
        List<double[]> pts = new ArrayList<>();
        for (String line : lines) {
            String s = line.trim();
            if (s.isEmpty() || s.startsWith("#")) continue;
            String[] f = s.split("[,;\\s]+");
            if (f.length < 2) continue;
            try {
                pts.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
            } catch (NumberFormatException e) {
                // header line
            }
        }
        double[] a = new double[pts.size()], b = new double[pts.size()];
        for (int i = 0; i < a.length; i++) { a[i] = pts.get(i)[0]; b[i] = pts.get(i)[1]; }
        return new OcvTable(a, b);
    }

    public double minStoichiometry() { return x[0]; }

    public double maxStoichiometry() { return x[x.length - 1]; }

    public int size() { return x.length; }

    /** The table's stoichiometries, sorted (a copy). */
    public double[] stoichiometries() { return x.clone(); }

    /** The table's voltages [V], in the order of {@link #stoichiometries()} (a copy). */
    public double[] voltages() { return v.clone(); }

    @Override
    public double applyAsDouble(double s) {
        if (s <= x[0]) return v[0];
        int n = x.length;
        if (s >= x[n - 1]) return v[n - 1];
        int lo = bucket[Math.min(bucket.length - 1, (int) ((s - x[0]) * bucketScale))];
        while (lo < n - 2 && x[lo + 1] <= s) lo++;
        int hi = lo + 1;
        double t = (s - x[lo]) / (x[hi] - x[lo]);
        return v[lo] + t * (v[hi] - v[lo]);
    }

    /** Stoichiometry at which the (monotonically decreasing) OCV equals {@code voltage}, by bisection. */
    public double inverse(double voltage) {
        double lo = x[0], hi = x[x.length - 1];
        boolean decreasing = v[0] > v[v.length - 1];
        for (int k = 0; k < 80; k++) {
            double mid = 0.5 * (lo + hi);
            double vm = applyAsDouble(mid);
            if ((vm > voltage) == decreasing) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }
}

package org.cellwright.report;

import java.util.Arrays;

/**
 * Shrinks a long series for plotting: the points are cut into buckets by index and each bucket keeps its lowest and
 * highest point (in their order), so spikes and cut-off ends survive. At most {@code 2 * buckets + 2} points come out;
 * the first and the last point are always kept; NaN values are dropped.
 */
public final class Decimator {
	private Decimator() {}

	/** x and y of the kept points. */
	public record Series(double[] x, double[] y) {
		public int size() { return x.length; }
	}

	public static Series decimate(double[] x, double[] y, int buckets) {
		int n = Math.min(x.length, y.length);
		double[] ox = new double[Math.min(n, 2 * buckets + 2)], oy = new double[ox.length];
		if (n <= 2 * buckets + 2) {
			int k = 0;
			for (int i = 0; i < n; i++) if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) { ox[k] = x[i]; oy[k++] = y[i]; }
			return new Series(Arrays.copyOf(ox, k), Arrays.copyOf(oy, k));
		}
		int k = 0;
		int last = -1;
		for (int b = 0; b < buckets; b++) {
			int from = (int) ((long) b * n / buckets), to = (int) ((long) (b + 1) * n / buckets);
			int lo = -1, hi = -1;
			for (int i = from; i < to; i++) {
				if (Double.isNaN(x[i]) || Double.isNaN(y[i])) continue;
				if (lo < 0 || y[i] < y[lo]) lo = i;
				if (hi < 0 || y[i] > y[hi]) hi = i;
			}
			if (b == 0 && from < n && !Double.isNaN(y[0]) && !Double.isNaN(x[0])) { ox[k] = x[0]; oy[k++] = y[0]; last = 0; }
			if (lo < 0) continue;
			int a = Math.min(lo, hi), c = Math.max(lo, hi);
			if (a > last) { ox[k] = x[a]; oy[k++] = y[a]; last = a; }
			if (c > last) { ox[k] = x[c]; oy[k++] = y[c]; last = c; }
		}
		int end = n - 1;
		while (end > last && (Double.isNaN(x[end]) || Double.isNaN(y[end]))) end--;
		if (end > last) { ox[k] = x[end]; oy[k++] = y[end]; }
		return new Series(Arrays.copyOf(ox, k), Arrays.copyOf(oy, k));
	}
}

package org.cellwright.report;

import java.util.Arrays;
import java.util.function.DoublePredicate;

/**
 * Reduces a long series for drawing by min/max per bucket: the points are cut, by index, into equal buckets and of each
 * bucket only its lowest and its highest point are kept, in their order; the first and the last point are always kept.
 * So a voltage dip or a cut-off that lasts one sample still shows, and x stays in the order it had (sorted stays
 * sorted). A series of at most {@code budget} points is returned as it is. Plain Java: the reports' SVG plots and
 * the IDE's charts (which re-decimate the range shown when zoomed) both draw through it.
 */
public final class Decimation {

	/** Points per series drawn: generous against a chart's pixel width (zooming in shows detail up to that). */
	public static final int BUDGET = 4000;

	private Decimation() {}

	/**
	 * The indices of the points kept, increasing: all when the series has at most {@code budget} points, else at most
	 * {@code budget} (the first, the last, and per bucket the lowest and the highest finite y; a bucket without a finite
	 * y keeps its first point, so a gap stays a gap).
	 */
	public static int[] keptIndices(double[] y, int budget) {
		int n = y.length;
		if (budget < 4) throw new IllegalArgumentException("budget " + budget + ": at least 4 points");
		if (n <= budget) {
			int[] all = new int[n];
			for (int i = 0; i < n; i++) all[i] = i;
			return all;
		}
		int buckets = (budget - 2) / 2, interior = n - 2;
		int[] out = new int[2 + 2 * buckets];
		int k = 0;
		out[k++] = 0;
		for (int b = 0; b < buckets; b++) {
			int lo = 1 + (int) ((long) b * interior / buckets), hi = 1 + (int) ((long) (b + 1) * interior / buckets);
			int min = -1, max = -1;
			for (int i = lo; i < hi; i++) {
				if (!Double.isFinite(y[i])) continue;
				if (min < 0 || y[i] < y[min]) min = i;
				if (max < 0 || y[i] > y[max]) max = i;
			}
			if (min < 0) out[k++] = lo;
			else if (min == max) out[k++] = min;
			else {
				out[k++] = Math.min(min, max);
				out[k++] = Math.max(min, max);
			}
		}
		out[k++] = n - 1;
		return Arrays.copyOf(out, k);
	}

	/**
	 * The part of the series seen in the x range [lower, upper] (with the point just outside each end, so the line
	 * runs to the edges) reduced to at most {@code budget} points: zoomed in far enough, every sample. A series whose x
	 * is not sorted is reduced whole.
	 */
	public static double[][] window(double[] x, double[] y, double lower, double upper, int budget) {
		int n = x.length;
		for (int i = 1; i < n; i++)
			if (!(x[i] >= x[i - 1])) return reduce(x, y, budget);
		int from = 0, to = n;
		while (from < n && x[from] < lower) from++;
		while (to > from && x[to - 1] > upper) to--;
		from = Math.max(0, from - 1);
		to = Math.min(n, to + 1);
		if (from == 0 && to == n) return reduce(x, y, budget);
		return reduce(Arrays.copyOfRange(x, from, to), Arrays.copyOfRange(y, from, to), budget);
	}

	/** The points whose x passes {@code keepX} and whose y passes {@code keepY} (e.g. finite, positive on a log axis), as {x, y}. */
	public static double[][] only(double[] x, double[] y, DoublePredicate keepX, DoublePredicate keepY) {
		int n = Math.min(x.length, y.length), k = 0;
		double[] xs = new double[n], ys = new double[n];
		for (int i = 0; i < n; i++)
			if (keepX.test(x[i]) && keepY.test(y[i])) {
				xs[k] = x[i];
				ys[k++] = y[i];
			}
		return new double[][] {Arrays.copyOf(xs, k), Arrays.copyOf(ys, k)};
	}

	/** The series reduced to at most {@code budget} points ({x, y}); the same arrays when it is short enough. */
	public static double[][] reduce(double[] x, double[] y, int budget) {
		if (x.length != y.length) throw new IllegalArgumentException("x has " + x.length + " points, y " + y.length);
		if (x.length <= budget) return new double[][] {x, y};
		int[] keep = keptIndices(y, budget);
		double[] xs = new double[keep.length], ys = new double[keep.length];
		for (int i = 0; i < keep.length; i++) {
			xs[i] = x[keep[i]];
			ys[i] = y[keep[i]];
		}
		return new double[][] {xs, ys};
	}
}

package org.cellwright.report;

import java.util.Arrays;
import java.util.function.DoublePredicate;

/**
 * Reduces a long series for drawing. A series whose x is sorted (time, the usual case) is cut into buckets of equal
 * width in x, and of each bucket its first, last, lowest and highest point are kept, in their order (the M4
 * aggregation: Jugel et al., "M4: a visualization-oriented time series data aggregation", PVLDB 7(10), 2014): where
 * the samples are dense one sample's dip still shows, and where they are sparse every sample is kept, so a step drawn
 * begins and ends where it did, whatever the sampling before it (a 0.1 s drive cycle followed by a 2 h discharge drew
 * the discharge as a ramp when the buckets were cut by index: session 24). A series whose x is not sorted is cut by
 * index into buckets of which the lowest and highest point are kept ({@link #keptIndices(double[], int)}). The first
 * and the last point are always kept and x stays in the order it had. A series of at most {@code budget} points is
 * returned as it is. Plain Java: the reports' SVG plots and the IDE's charts (which re-decimate the range shown when
 * zoomed) both draw through it.
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
	 * The indices of the points kept, increasing: all when the series has at most {@code budget} points; else, when x
	 * is finite and sorted, at most {@code budget} of them: per bucket of equal width in x the first, the last, and the
	 * lowest and highest finite y (as many buckets as the budget allows); otherwise {@link #keptIndices(double[], int)}.
	 */
	public static int[] keptIndices(double[] x, double[] y, int budget) {
		int n = y.length;
		if (x.length != n) throw new IllegalArgumentException("x has " + x.length + " points, y " + n);
		if (budget < 4) throw new IllegalArgumentException("budget " + budget + ": at least 4 points");
		if (n <= budget) return keptIndices(y, budget);
		for (int i = 0; i < n; i++)
			if (!Double.isFinite(x[i]) || i > 0 && x[i] < x[i - 1]) return keptIndices(y, budget);
		if (!(x[n - 1] > x[0])) return keptIndices(y, budget);
		// at most 4 points a bucket; a monotonic stretch keeps 2, so start with twice the buckets and narrow to fit
		int fewest = Math.max(1, (budget - 2) / 4);
		int buckets = Math.max(fewest, (budget - 2) / 2);
		while (true) {
			int[] kept = inTimeBuckets(x, y, buckets);
			if (kept.length <= budget || buckets == fewest) return kept;
			buckets = Math.max(fewest, Math.min(buckets - 1, (int) ((long) buckets * (budget - 2) / (kept.length - 2))));
		}
	}

	/** Per bucket of equal width in x (sorted, finite, not all equal): its first, last, lowest and highest finite y. */
	private static int[] inTimeBuckets(double[] x, double[] y, int buckets) {
		int n = x.length, k = 0;
		int[] out = new int[Math.min(n, 4 * buckets + 2)];
		double x0 = x[0], span = x[n - 1] - x0;
		int i = 0;
		while (i < n) {
			int b = bucket(x[i], x0, span, buckets), first = i;
			int min = -1, max = -1;
			while (i < n && bucket(x[i], x0, span, buckets) == b) {
				if (Double.isFinite(y[i])) {
					if (min < 0 || y[i] < y[min]) min = i;
					if (max < 0 || y[i] > y[max]) max = i;
				}
				i++;
			}
			int last = i - 1;
			int[] four = {first, Math.min(min, max), Math.max(min, max), last};
			for (int j : four)
				if (j >= 0 && (k == 0 || j > out[k - 1])) out[k++] = j;
		}
		return Arrays.copyOf(out, k);
	}

	private static int bucket(double x, double x0, double span, int buckets) {
		return Math.min(buckets - 1, (int) ((x - x0) / span * buckets));
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
		int[] keep = keptIndices(x, y, budget);
		double[] xs = new double[keep.length], ys = new double[keep.length];
		for (int i = 0; i < keep.length; i++) {
			xs[i] = x[keep[i]];
			ys[i] = y[keep[i]];
		}
		return new double[][] {xs, ys};
	}
}

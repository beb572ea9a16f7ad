package org.cellwright.report.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import org.cellwright.report.Decimation;
import org.junit.jupiter.api.Test;

/** Min/max decimation for drawing: the extremes survive, short series are untouched, x keeps its order. */
class DecimationTest {

	/** A smooth cycling voltage of n points with one-sample dips and spikes at the given indices. */
	static double[] voltage(int n, int[] dips, int[] spikes) {
		double[] v = new double[n];
		for (int i = 0; i < n; i++) v[i] = 3.7 + 0.5 * Math.sin(i / 150.0);
		for (int d : dips) v[d] = 2.0 - d * 1e-7;
		for (int s : spikes) v[s] = 4.5 + s * 1e-7;
		return v;
	}

	static double[] time(int n) {
		return IntStream.range(0, n).mapToDouble(i -> i * 0.01).toArray();
	}

	@Test
	void aShortSeriesIsUntouched() {
		double[] x = time(4000), y = voltage(4000, new int[] {17}, new int[] {3999});
		double[][] r = Decimation.reduce(x, y, 4000);
		assertSame(x, r[0], "the same arrays: nothing to reduce");
		assertSame(y, r[1]);
		assertEquals(4000, Decimation.keptIndices(y, 4000).length);
	}

	@Test
	void everyOneSampleDipAndSpikeSurvivesAndTheBudgetHolds() {
		int n = 200_000, budget = 1000;
		// one dip and one spike in every 1,000 points (each sample's own bucket is about 400 points wide)
		Random rnd = new Random(7);
		int[] dips = IntStream.range(0, 200).map(k -> k * 1000 + 100 + rnd.nextInt(300)).toArray();
		int[] spikes = IntStream.range(0, 200).map(k -> k * 1000 + 600 + rnd.nextInt(300)).toArray();
		double[] x = time(n), y = voltage(n, dips, spikes);
		int[] kept = Decimation.keptIndices(y, budget);
		assertTrue(kept.length <= budget, "at most the budget: " + kept.length);
		assertTrue(kept.length > budget / 2, "but close to it: " + kept.length);
		for (int d : dips) assertTrue(Arrays.binarySearch(kept, d) >= 0, "the dip at " + d + " is kept");
		for (int s : spikes) assertTrue(Arrays.binarySearch(kept, s) >= 0, "the spike at " + s + " is kept");
		assertEquals(0, kept[0], "the first point");
		assertEquals(n - 1, kept[kept.length - 1], "the last point");
		double[][] r = Decimation.reduce(x, y, budget);
		for (int i = 1; i < r[0].length; i++) assertTrue(r[0][i] > r[0][i - 1], "x stays sorted at " + i);
		assertEquals(Arrays.stream(y).min().getAsDouble(), Arrays.stream(r[1]).min().getAsDouble(), "global minimum kept");
		assertEquals(Arrays.stream(y).max().getAsDouble(), Arrays.stream(r[1]).max().getAsDouble(), "global maximum kept");
		int[] drawn = Decimation.keptIndices(x, y, budget); // what reduce draws: buckets in x
		assertEquals(drawn.length, r[0].length);
		for (int i = 0; i < drawn.length; i++) {
			assertEquals(x[drawn[i]], r[0][i]);
			assertEquals(y[drawn[i]], r[1][i], "points are taken, never averaged");
		}
	}

	@Test
	void theExtremesOfEveryStretchOfTheSeriesSurvive() {
		// random noise: whatever stretch of 2 buckets' length one looks at, its lowest and highest points are drawn
		int n = 50_000, budget = 502;
		double[] y = new Random(11).doubles(n, 2.5, 4.3).toArray();
		int[] kept = Decimation.keptIndices(y, budget);
		int bucket = (int) Math.ceil((n - 2) / (double) ((budget - 2) / 2));
		for (int start = 0; start + 2 * bucket <= n; start += bucket / 3) {
			int from = start, to = start + 2 * bucket;
			double min = Arrays.stream(y, from, to).min().getAsDouble(), max = Arrays.stream(y, from, to).max().getAsDouble();
			double[] drawn = Arrays.stream(kept).filter(i -> i >= from - bucket && i < to + bucket).mapToDouble(i -> y[i]).toArray();
			assertTrue(Arrays.stream(drawn).anyMatch(v -> v <= min), "the lowest point near " + from + ".." + to + " is drawn");
			assertTrue(Arrays.stream(drawn).anyMatch(v -> v >= max), "the highest point near " + from + ".." + to + " is drawn");
		}
	}

	/**
	 * A drive cycle's 0.1 s samples followed by a 2 h constant-current discharge sampled every 51 s and a rest: the
	 * discharge is drawn where it was, every one of its samples kept, its first and last among them, the current a
	 * flat line. Cut by index into 400 buckets the discharge's 141 rows fell into two buckets and were drawn as a ramp
	 * over 1.2 h (report.html of the Chen cell's run EChen_P60_0_5, session 24).
	 */
	@Test
	void aStepSampledSparselyAfterDenseSamplesBeginsAndEndsWhereItDid() {
		int dense = 36_889, sparse = 141, rest = 11;
		int n = dense + sparse + rest;
		double[] t = new double[n], current = new double[n];
		Random rnd = new Random(3);
		for (int i = 0; i < dense; i++) {
			t[i] = 0.1 * i;
			current[i] = 2.0 * Math.sin(i / 300.0) + 0.3 * rnd.nextGaussian(); // mA/cm2, a drive cycle
		}
		double start = t[dense - 1] + 0.1, dt = 7200.0 / (sparse - 1);
		for (int j = 0; j < sparse; j++) {
			t[dense + j] = start + j * dt;
			current[dense + j] = -2.43;
		}
		for (int j = 0; j < rest; j++) {
			t[dense + sparse + j] = t[dense + sparse - 1] + 60 * (j + 1);
			current[dense + sparse + j] = 0;
		}
		int budget = 802; // the report's
		int[] kept = Decimation.keptIndices(t, current, budget);
		assertTrue(kept.length <= budget, "at most the budget: " + kept.length);
		for (int i = dense; i < n; i++) assertTrue(Arrays.binarySearch(kept, i) >= 0, "the sparse sample " + i + " at " + t[i] + " s is kept");
		double[][] r = Decimation.reduce(t, current, budget);
		double discharge = -2.43;
		int first = Arrays.binarySearch(r[0], start), last = Arrays.binarySearch(r[0], t[dense + sparse - 1]);
		assertTrue(first > 0 && last > first, "the discharge's first and last sample drawn");
		for (int i = first; i <= last; i++) assertEquals(discharge, r[1][i], "a flat current over the step at " + r[0][i] + " s");
		assertTrue(r[1][first - 1] != discharge && r[1][last + 1] == 0, "it begins after the drive cycle and the rest after it");
		assertEquals(Arrays.stream(current, 0, dense).min().getAsDouble(), Arrays.stream(r[1]).min().getAsDouble(), "the drive cycle's extremes kept");
		assertEquals(Arrays.stream(current, 0, dense).max().getAsDouble(), Arrays.stream(r[1]).max().getAsDouble());
		assertTrue(kept.length > budget / 2, "the budget used for the dense part: " + kept.length);
	}

	@Test
	void aSeriesWhoseXIsNotSortedIsCutByIndex() {
		double[] y = voltage(10_000, new int[] {5_000}, new int[0]);
		double[] x = new double[y.length];
		for (int i = 0; i < x.length; i++) x[i] = (i * 7919) % x.length; // a scatter, not a time series
		assertArrayEquals(Decimation.keptIndices(y, 500), Decimation.keptIndices(x, y, 500));
		assertThrows(IllegalArgumentException.class, () -> Decimation.keptIndices(new double[3], new double[4], 100));
	}

	@Test
	void aWindowShowsEverySampleOnceFewAreInView() {
		int n = 200_000;
		double[] x = time(n), y = voltage(n, new int[] {123_456}, new int[0]); // x in steps of 0.01
		double[][] w = Decimation.window(x, y, 1229.995, 1240.005, 4000);
		assertEquals(1001 + 2, w[0].length, "every sample from 1230 to 1240 and one beyond each end");
		assertEquals(1229.99, w[0][0], 1e-9);
		assertEquals(1240.01, w[0][w[0].length - 1], 1e-9);
		assertEquals(y[123_456], Arrays.stream(w[1]).min().getAsDouble(), "the dip in the window");
		double[][] all = Decimation.window(x, y, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 4000);
		assertTrue(all[0].length <= 4000 && all[0][0] == 0 && all[0][all[0].length - 1] == x[n - 1], "the whole series, reduced");
		double[][] wide = Decimation.window(x, y, 100, 1900, 4000);
		assertTrue(wide[0].length <= 4000 && wide[0].length > 2000, "a wide window is reduced too: " + wide[0].length);
		double[] unsorted = {3, 1, 2, 5, 4};
		assertSame(unsorted, Decimation.window(unsorted, new double[5], 1, 2, 4000)[0], "x not sorted: the whole series");
	}

	@Test
	void gapsStayGapsAndBadArgumentsAreRefused() {
		double[] y = voltage(10_000, new int[0], new int[0]);
		Arrays.fill(y, 3000, 6000, Double.NaN);
		int[] kept = Decimation.keptIndices(y, 100);
		assertTrue(Arrays.stream(kept).anyMatch(i -> Double.isNaN(y[i])), "a stretch without values keeps a gap point");
		assertTrue(Arrays.stream(kept).filter(i -> !Double.isNaN(y[i])).count() > 10, "the values around it are kept");
		assertThrows(IllegalArgumentException.class, () -> Decimation.reduce(new double[3], new double[4], 100));
		assertThrows(IllegalArgumentException.class, () -> Decimation.keptIndices(y, 2));
	}
}

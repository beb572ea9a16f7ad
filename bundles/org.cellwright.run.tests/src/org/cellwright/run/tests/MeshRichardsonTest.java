package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.run.MeshRichardson;
import org.junit.jupiter.api.Test;

/**
 * Richardson extrapolation of two meshes' capacities (MeshRichardson, session 39): against values whose error is known,
 * Q(h) = Q* + C h^2 in one spacing, and A h_s^2 + B h_v^2 in two refined by different ratios.
 */
class MeshRichardsonTest {

	static final double EXACT = 1529.36;

	/** A capacity on n shells and m volumes whose error is a / n^2 + b / m^2 (second order in each spacing). */
	static double q(double a, double b, int n, int m) {
		return EXACT * (1 - a / (n * (double) n) - b / (m * (double) m));
	}

	@Test
	void aSecondOrderErrorInOneSpacingIsExtrapolatedToTheExactValue() {
		double coarse = q(3, 0, 20, 1), fine = q(3, 0, 40, 1);
		double r = MeshRichardson.ratio(20, 20, 40, 20);
		assertEquals(2, r);
		assertEquals(EXACT, MeshRichardson.extrapolate(coarse, fine, r, MeshRichardson.ORDER), 1e-9);
		assertEquals(3 / 1600.0, MeshRichardson.fineError(coarse, fine, r, MeshRichardson.ORDER), 1e-12, "the fine run's own error");
		assertEquals("cathode volumes", MeshRichardson.unrefined(20, 20, 40, 20), "the spacing not refined is named");
		// a first-order error read at the second order is under-read by (r^2 - 1) / (r - 1) = 3: why the order must be the mesh's
		double c1 = EXACT * (1 - 0.1 / 20), f1 = EXACT * (1 - 0.1 / 40);
		assertEquals(1.0 / 3, (MeshRichardson.extrapolate(c1, f1, 2, 2) - f1) / (EXACT - f1), 1e-12);
	}

	@Test
	void twoSpacingsRefinedByDifferentRatiosAreBoundedFromAboveByTheSmallerRatio() {
		// 20 x 20 -> 48 x 40: shells 2.4x, volumes 2x, as a re-run refines them
		double r = MeshRichardson.ratio(20, 20, 48, 40);
		assertEquals(2, r, 1e-15);
		assertNull(MeshRichardson.unrefined(20, 20, 48, 40));
		for (double[] ab : new double[][] { { 3, 0 }, { 0, 3 }, { 1, 2 }, { 2.5, 0.5 } }) {
			double coarse = q(ab[0], ab[1], 20, 20), fine = q(ab[0], ab[1], 48, 40);
			double trueError = (EXACT - fine) / EXACT, measured = MeshRichardson.fineError(coarse, fine, r, MeshRichardson.ORDER);
			assertTrue(measured >= trueError * (1 - 1e-9), "bounded: " + measured + " against " + trueError);
			if (ab[0] == 0) assertEquals(trueError, measured, 1e-9 * trueError, "the volumes' error alone: exact");
		}
		// the shells' error alone is read 1.53x high ((2.4^2 - 1) / (2^2 - 1))
		double coarse = q(3, 0, 20, 20), fine = q(3, 0, 48, 40);
		assertEquals((2.4 * 2.4 - 1) / 3, (MeshRichardson.extrapolate(coarse, fine, 2, 2) - fine) / (EXACT - fine), 1e-9);
	}

	/**
	 * Session 40: three runs observe the order of an error C h^p in one spacing refined by unequal ratios (Celik et al.'s
	 * equation), and the finest run's error is then measured exactly where p is below the known 2.
	 */
	@Test
	void threeRunsObserveTheOrderOfOneSpacingRefinedByUnequalRatios() {
		for (double p : new double[] { 1, 1.5, 2, 2.5 }) {
			double q1 = EXACT * (1 - 3 / Math.pow(20, p)), q2 = EXACT * (1 - 3 / Math.pow(40, p)), q3 = EXACT * (1 - 3 / Math.pow(64, p));
			assertEquals(p, MeshRichardson.observedOrder(q1, q2, q3, 2, 1.6), 1e-9, "order " + p);
			MeshRichardson.Cycle c = MeshRichardson.cycle(1, q1, q2, q3, 2, 1.6);
			assertEquals(Math.min(p, 2), c.order(), 1e-9, "taken: the observed, never above the known");
			double trueError = (EXACT - q3) / EXACT;
			if (p <= 2) assertEquals(trueError, c.fineError(), 1e-9 * trueError, "order " + p + ": exact");
			else assertTrue(c.fineError() > trueError, "order " + p + " read at 2: bounded from above");
			// the known order alone under-reads an error that falls slower than it (first order: 2.5x at ratio 1.6)
			if (p == 1) assertEquals((1.6 * 1.6 - 1) / 0.6, (EXACT - q3) / (MeshRichardson.extrapolate(q2, q3, 1.6, 2) - q3), 1e-9);
		}
	}

	/** Differences that change sign observe no order (the known taken); ones that shrink too little, no positive one (the floor). */
	@Test
	void threeRunsThatOscillateOrHardlyConvergeObserveNoUsableOrder() {
		assertTrue(Double.isNaN(MeshRichardson.observedOrder(100, 101, 100.5, 2, 1.5)), "oscillating");
		assertTrue(Double.isNaN(MeshRichardson.observedOrder(100, 100, 100.5, 2, 1.5)), "a zero difference");
		assertEquals(2, MeshRichardson.orderTaken(Double.NaN));
		// (ln 2 / ln 1.5 = 1.71 is the ratio of differences at order 0)
		assertEquals(0, MeshRichardson.observedOrder(100, 101, 102, 2, 1.5), "equal differences: no positive order");
		assertEquals(MeshRichardson.LOWEST_ORDER, MeshRichardson.orderTaken(0));
		assertEquals(MeshRichardson.LOWEST_ORDER, MeshRichardson.orderTaken(0.2));
		assertEquals(1.3, MeshRichardson.orderTaken(1.3));
		assertEquals(2, MeshRichardson.orderTaken(2.7));
		// two spacings of second-order error refined by unequal ratios, measured by the smaller, as the runs refine them
		// (20 x 20, 48 x 40, 72 x 64): bounded from above whichever errs
		for (double[] ab : new double[][] { { 3, 0 }, { 0, 3 }, { 1, 2 }, { 2.5, 0.5 } }) {
			double q1 = q(ab[0], ab[1], 20, 20), q2 = q(ab[0], ab[1], 48, 40), q3 = q(ab[0], ab[1], 72, 64);
			MeshRichardson.Cycle c = MeshRichardson.cycle(1, q1, q2, q3, MeshRichardson.ratio(20, 20, 48, 40), MeshRichardson.ratio(48, 40, 72, 64));
			double trueError = (EXACT - q3) / EXACT;
			assertTrue(c.fineError() >= trueError * (1 - 1e-9), "bounded: " + c.fineError() + " against " + trueError + " (observed " + c.observed() + ")");
		}
		// the shells' error alone observes 2.76, the volumes' 1.85 (taken: read 1.40x high)
		assertEquals(2.76, MeshRichardson.observedOrder(q(3, 0, 20, 20), q(3, 0, 48, 40), q(3, 0, 72, 64), 2, 1.5), 0.005);
		assertEquals(1.85, MeshRichardson.observedOrder(q(0, 3, 20, 20), q(0, 3, 48, 40), q(0, 3, 72, 64), 2, 1.5), 0.005);
	}

	@Test
	void nothingIsMeasuredWhereNoSpacingWasRefined() {
		assertTrue(Double.isNaN(MeshRichardson.ratio(48, 40, 48, 40)));
		assertTrue(Double.isNaN(MeshRichardson.fineError(1, 2, Double.NaN, 2)));
		assertTrue(Double.isNaN(MeshRichardson.fineError(1, 2, 1, 2)));
		assertEquals(2, MeshRichardson.ratio(48, 20, 48, 40), "the volumes alone refined: their ratio");
		assertEquals("particle shells", MeshRichardson.unrefined(48, 20, 48, 40));
	}
	/**
	 * The block a measured error asks for (MeshRerun's run once more, session 40) is sized to the figure, both node counts
	 * times k, k^2 = error / target, rounded up to 8, and since session 41 held to a cap, with what it is then expected to
	 * leave (before, a measured 1 % on 48 x 40 ran 152 x 128).
	 */
	@Test
	void theBlockAMeasuredErrorAsksForIsSizedToItAndHeldToTheCap() {
		int none = Integer.MAX_VALUE;
		// 0.25 % on 48 x 40: k = 1.58, 76 -> 80 and 63 -> 64, leaving 0.25 % x max((48/80)^2, (40/64)^2) = 0.098 %
		MeshRichardson.Block b = MeshRichardson.block(0.0025, 2, 48, 40, 0.001, none, none);
		assertEquals(List.of(80, 64), List.of(b.shells(), b.volumes()));
		assertEquals(0.0025 * Math.pow(40 / 64.0, 2), b.then(), 1e-15);
		assertTrue(b.then() <= 0.001);
		// a measured 1 %: the figure asks for 152 x 128; held to 80 x 80 (MeshRerun's cap) it is expected to leave 1 % x (48/80)^2 = 0.36 %
		MeshRichardson.Block big = MeshRichardson.block(0.01, 2, 48, 40, 0.001, none, none);
		assertEquals(List.of(152, 128), List.of(big.shells(), big.volumes()));
		MeshRichardson.Block held = MeshRichardson.block(0.01, 2, 48, 40, 0.001, 80, 80);
		assertEquals(List.of(80, 80), List.of(held.shells(), held.volumes()));
		assertEquals(0.0036, held.then(), 1e-15, "beyond the target: the caller says so");
		// a cap below the measured mesh never coarsens it; an error within the target asks for nothing
		MeshRichardson.Block low = MeshRichardson.block(0.01, 2, 48, 40, 0.001, 32, 32);
		assertEquals(List.of(48, 40), List.of(low.shells(), low.volumes()));
		assertNull(MeshRichardson.block(0.001, 2, 48, 40, 0.001, none, none));
	}
}

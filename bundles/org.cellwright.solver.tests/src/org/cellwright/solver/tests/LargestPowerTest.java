package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.numerics.LargestPower;
import org.junit.jupiter.api.Test;

/**
 * The one search for the largest power a state gives (both runners', issue 13), on a source of open-circuit voltage
 * E behind a resistance R: P(I) = (E - R I) I, largest at I = E / 2R with E^2 / 4R (Thevenin's maximum power transfer).
 */
class LargestPowerTest {
	static final double E = 3.7, R = 0.05;

	static double thevenin(double a) {
		return (E - R * a) * a;
	}

	@Test
	void theSweepsBestIsRefinedToTheFoldByBrentsMethod() {
		int[] trials = {0};
		LargestPower.Curve c = a -> {
			trials[0]++;
			return thevenin(a);
		};
		LargestPower.Sweep s = LargestPower.sweep(c, 1e-3, LargestPower.RATIO, 1e7, Double.POSITIVE_INFINITY);
		assertFalse(s.rising());
		assertTrue(s.bestAt() > E / (2 * R) / 1.5 && s.bestAt() < E / (2 * R) * 1.5, "the sweep's best neighbours the fold: " + s);
		int swept = trials[0];
		double[] best = LargestPower.refine(c, s, LargestPower.RATIO);
		assertEquals(E * E / (4 * R), best[0], 1e-12 * E * E / (4 * R));
		assertEquals(E / (2 * R), best[1], 1e-4 * E / (2 * R));
		assertTrue(trials[0] - swept <= 80, "Brent's evaluations: " + (trials[0] - swept));
	}

	@Test
	void noSolutionBeyondTheFoldAndAWrongSignBeforeTheFirstPowerArePassedOver() {
		// no solution past 1.2 times the fold's current; a voltage of the wrong sign below 0.01 A/m2 (a half cell near 0 V)
		LargestPower.Curve c = a -> a > 1.2 * E / (2 * R) ? Double.NaN : a < 0.01 ? -a : thevenin(a);
		LargestPower.Sweep s = LargestPower.sweep(c, 1e-3, LargestPower.RATIO, 1e7, Double.POSITIVE_INFINITY);
		assertTrue(s.failedAt() > 1.2 * E / (2 * R), s.toString());
		assertFalse(s.failedFirst(1e-3));
		assertEquals(E * E / (4 * R), LargestPower.refine(c, s, LargestPower.RATIO)[0], 1e-12 * E * E / (4 * R));
		assertTrue(LargestPower.sweep(a -> Double.NaN, 1e-3, 1.5, 1e7, 1).failedFirst(1e-3), "no solution at the first current");
		assertTrue(Double.isNaN(LargestPower.refine(a -> -a, LargestPower.sweep(a -> -a, 1e-3, 1.5, 1, 1), 1.5)[1]), "no power in the direction");
	}

	@Test
	void aPowerStillRisingAtTheSweepsEndAndATargetReached() {
		LargestPower.Sweep s = LargestPower.sweep(LargestPowerTest::thevenin, 1, 1.5, 10, Double.POSITIVE_INFINITY);
		assertTrue(s.rising(), "below the fold at the sweep's last current: " + s);
		assertEquals(thevenin(10), s.best(), 0);
		LargestPower.Sweep t = LargestPower.sweep(LargestPowerTest::thevenin, 1, 1.5, 1e3, 30);
		assertTrue(thevenin(t.below()) < 30 && thevenin(t.reached()) >= 30 && t.reached() == t.below() * 1.5, t.toString());
	}
}

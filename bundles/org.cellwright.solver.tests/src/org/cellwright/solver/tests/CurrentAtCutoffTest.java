package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.numerics.CurrentAtCutoff;
import org.junit.jupiter.api.Test;

/**
 * The one search for the current at which a voltage reaches its cut-off on the current's way up (both runners', issue
 * 13), on a source of open-circuit voltage E behind a resistance R: V(I) = E + R I reaches a cut-off V_c at
 * I = (V_c - E) / R (Ohm's law).
 */
class CurrentAtCutoffTest {
	static final double E = 3.9, R = 0.05, CUT = 4.3, AT = (CUT - E) / R; // 8 A/m2

	@Test
	void aChargeReachesItsCutoffAtOhmsCurrentWithinTheTolerance() {
		for (double set : new double[] {8.01, 10, 1e3, 1e6}) { // the cut-off reached at 99.9 % of the set current, and at 0.0008 %
			CurrentAtCutoff.Found f = CurrentAtCutoff.bisect(a -> E + R * a, set, CUT, 1, 1e-4, 200);
			assertNotNull(f, "set " + set);
			assertTrue(f.onCutoff());
			assertEquals(CUT, f.voltage(), 1e-4);
			assertEquals(AT, f.current(), 1e-4 / R * (1 + 1e-9), "set " + set);
		}
	}

	@Test
	void aDischargeReachesItsCutoffBelowAndNoSolutionCountsAsBeyond() {
		// a discharge: V = E - R a, cut-off 3.5 V at 8 A/m2; no state carries more than 9 A/m2
		CurrentAtCutoff.Found f = CurrentAtCutoff.bisect(a -> a > 9 ? Double.NaN : E - R * a, 50, 3.5, -1, 1e-4, 200);
		assertTrue(f.onCutoff());
		assertEquals(8, f.current(), 2e-3);
		// the cut-off beyond every state's voltage (the cell cannot reach 3.0 V): the last trial before it, not on it
		CurrentAtCutoff.Found none = CurrentAtCutoff.bisect(a -> a > 9 ? Double.NaN : E - R * a, 50, 3.0, -1, 1e-4, 200);
		assertFalse(none.onCutoff());
		assertEquals(9, none.current(), 1e-9 * 50);
	}

	@Test
	void pastTheCutoffAtRestNothingIsBeforeIt() {
		assertNull(CurrentAtCutoff.bisect(a -> 4.4 + R * a, 10, CUT, 1, 1e-4, 200));
	}
}

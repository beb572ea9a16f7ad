package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.run.dfn.Stall;
import org.junit.jupiter.api.Test;

/**
 * The bound on a DFN step's restarts that gain next to no time (issue 13): the restart times of a crawl end the step after
 * Stall.MAX_STALLS of them; a profile's restarts far apart (a drive cycle's sharp changes) never do.
 */
class DfnStallTest {

	/** A crawl as About:Energy's pouch cell's rest did (restarts gaining micro-steps of 1e-9 to 1e-5 s): ends at the fifth stalled restart. */
	@Test
	void restartsGainingMicroStepsEndTheStepAfterFive() {
		Stall s = new Stall(18000, 3600);
		double t = 19034.6;
		int restarts = 0;
		while (!s.stopped(t)) {
			s.restarted(t);
			restarts++;
			t += 2e-6; // a few accepted micro-steps, then the integration stops again
			assertTrue(restarts < 100, "it crawls on");
		}
		assertEquals(Stall.MAX_STALLS, restarts, "five restarts, each gaining less than 3.6 ms");
		String why = s.describe(t);
		assertTrue(why.startsWith("the DFN solver stalled: 5 restarts from t = 19034.6 s gained 1.00e-05 s in all, each less than 0.00360 s"), why);
	}

	/** The restart times of the Marquis 2019 cell's US06 at 6 C past its capacity without a window (gains of 1.5e-12 and 4.6e-12 s). */
	@Test
	void theRestartTimesOfACrawlAtATransportLimitCountAsStalled() {
		Stall s = new Stall(0, 7200);
		double[] stops = {6415.305828611308, 6415.305828612834, 6415.305828617413, 6415.305828617413, 6415.305828617413};
		for (int k = 0; k < stops.length; k++) {
			assertFalse(s.stopped(stops[k]));
			assertEquals(k, s.count());
			s.restarted(stops[k]);
		}
		assertTrue(s.stopped(6415.305828617413), "the fifth stalled restart ends it");
	}

	/** Restarts a profile needs at its sharp changes (WLTC's power falling within 0.1 s), seconds apart: never a stall. */
	@Test
	void restartsFarApartAreNoStall() {
		Stall s = new Stall(0, 1800);
		for (double t = 10; t < 1800; t += 7.3) {
			assertFalse(s.stopped(t));
			assertEquals(0, s.count());
			s.restarted(t);
		}
	}
}

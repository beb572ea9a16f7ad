package org.cellwright.run.dfn;

import java.util.Locale;

/**
 * A step's restarts of the integrator that gain next to no time (issue 13): {@link DfnRunner}'s step starts afresh from
 * its last accepted state where the integration stops, up to three times in a row, and an accepted step sets that count
 * back, so restarts that each gain a few micro-steps (1e-9 to 1e-5 s) crawled on through hundreds of restarts and
 * thousands of samples (About:Energy's NMC pouch cell before its Jacobian was fixed: some 115 restarts, 1500 steps). A
 * restart after which the step gained less than {@link #SPAN} of its time scale before stopping again counts as stalled;
 * {@link #MAX_STALLS} of them in a row end the step.
 */
public final class Stall {
	/** Stalled restarts in a row that end a step. */
	public static final int MAX_STALLS = 5;
	/** The gain of a restart below which it counts as stalled, a fraction of the step's time scale (3.6 ms of an hour). */
	public static final double SPAN = 1e-6;

	private final double span;
	private double restartedAt = Double.NEGATIVE_INFINITY, from;
	private int stalls;

	/** @param scale the step's time scale [s] (its duration, or the time the nominal capacity lasts at its current) */
	public Stall(double t0, double scale) {
		span = SPAN * scale;
		from = t0;
	}

	/** The integration stopped with its last accepted state at t: whether the step has stalled ({@link #MAX_STALLS} stalled restarts in a row). */
	public boolean stopped(double t) {
		stalls = t - restartedAt < span ? stalls + 1 : 0;
		if (stalls == 0) from = t;
		return stalls >= MAX_STALLS;
	}

	/** The integrator was restarted from its last accepted state at t. */
	public void restarted(double t) {
		restartedAt = t;
	}

	/** Stalled restarts in a row so far. */
	public int count() {
		return stalls;
	}

	/** The warning's text of a stall that ended the step at t. */
	public String describe(double t) {
		return String.format(Locale.ROOT, "the DFN solver stalled: %d restarts from t = %.6g s gained %.3g s in all, each less than %.3g s, "
				+ "before it found no solution beyond t = %.6g s (step size underflow)", stalls, from, t - from, span, t);
	}
}

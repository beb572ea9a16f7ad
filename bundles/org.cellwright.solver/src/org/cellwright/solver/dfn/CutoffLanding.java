package org.cellwright.solver.dfn;

/**
 * Lands a step on its voltage cut-off by steps of the integrator rather than on its dense output (issue 13: a step's
 * last sample on its cut-off within 1 mV, a state of the model). Where the voltage falls steeply (a cathode's particle
 * surfaces saturating at the end of a discharge: 0.8 V within a second) the interpolating polynomial through the last
 * accepted states is off by tenths of a volt, though the differential unknowns are within the step's tolerance.
 * The runner ({@link DfnSimulation}, the run bundle's DfnRunner) goes back to the start of the step that crossed and steps to a target time from a bracket [lo, hi]
 * around the crossing, the cut-off's margin (volts before it, positive) known at both ends: first the dense output's
 * estimate, then regula falsi with the Illinois modification (Dowell and Jarratt, BIT 11, 168, 1971), until a solved
 * state is within {@link #TOLERANCE} of the cut-off.
 */
public final class CutoffLanding {
	/** How close to the cut-off a step's last state must be [V]. */
	public static final double TOLERANCE = 1e-4;
	/** Targets tried before the landing gives up (then the dense output's crossing, as without it). */
	static final int MAX_TARGETS = 60;

	private double lo, marginLo, hi, marginHi, next;
	private int side, targets;

	/**
	 * @param lo a solved time before the cut-off, marginLo > 0 its margin
	 * @param hi a solved time past it, marginHi < 0
	 * @param estimate the first target, in (lo, hi) (else regula falsi's)
	 */
	public CutoffLanding(double lo, double marginLo, double hi, double marginHi, double estimate) {
		this.lo = lo;
		this.marginLo = marginLo;
		this.hi = hi;
		this.marginHi = marginHi;
		next = estimate > lo && estimate < hi ? estimate : falsi();
		targets = 1;
	}

	/** The time to step to next. */
	public double next() { return next; }

	/** Whether the bracket cannot shrink further (targets used up, or as narrow as time resolves). */
	public boolean exhausted() {
		return targets > MAX_TARGETS || !(next > lo && next < hi);
	}

	/** A step crossed the cut-off at t (margin < 0): the bracket's new upper end. */
	public void crossed(double t, double margin) {
		hi = t;
		marginHi = margin;
		if (side == -1) marginLo *= 0.5; // Illinois: the end kept twice in a row counts half
		side = -1;
		aim();
	}

	/** The target t was reached before the cut-off (margin > 0): the bracket's new lower end. */
	public void above(double t, double margin) {
		lo = t;
		marginLo = margin;
		if (side == 1) marginHi *= 0.5;
		side = 1;
		aim();
	}

	private void aim() {
		next = falsi();
		targets++;
	}

	/** The zero of the margin's secant through the bracket's ends, kept off them by 1 % of its width (else the middle). */
	private double falsi() {
		if (!Double.isFinite(marginLo) || !Double.isFinite(marginHi)) return 0.5 * (lo + hi); // a voltage without bound: bisection
		double t = lo + (hi - lo) * marginLo / (marginLo - marginHi);
		double w = hi - lo;
		return Math.min(Math.max(t, lo + 0.01 * w), hi - 0.01 * w);
	}
}

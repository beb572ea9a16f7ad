package org.cellwright.fit;

import java.util.List;

/**
 * What a bracket fit ({@link Bracketing}) found for its one parameter: the interval [{@code lower.passes()},
 * {@code upper.passes()}] over which every observation holds (each end the last value evaluated at which they all pass),
 * the start value inside it, and at each end the nearest value found at which some observation fails with those that
 * fail there. Values in the parameter's unit; {@code logarithmic}: the search bisected in log coordinates;
 * {@code resolution}: relative to the value, how close each end's passing and failing values were brought.
 */
public record Bracket(String name, double start, End lower, End upper, boolean logarithmic, double resolution) {

	/**
	 * One end of the interval: {@code passes} the outermost value at which every observation holds; {@code fails} the
	 * nearest value beyond it at which one fails (NaN when none fails up to the bound: then {@code passes} is the bound),
	 * {@code failing} what fails there; {@code resolved}: the boundary lies between them within the resolution (false
	 * when the evaluations ran out first).
	 */
	public record End(double passes, double fails, List<String> failing, boolean resolved) {
		public End {
			failing = List.copyOf(failing);
		}

		/** No observation fails between the start and the bound: the interval reaches the bound on this side. */
		public boolean toBound() {
			return Double.isNaN(fails);
		}
	}

	/**
	 * Where the start lies in the interval, 0 at its lower end and 1 at its upper one, in the coordinates of the search
	 * (log or linear); NaN for an interval of zero width.
	 */
	public double startPosition() {
		double a = coordinate(lower.passes()), b = coordinate(upper.passes());
		return b > a ? (coordinate(start) - a) / (b - a) : Double.NaN;
	}

	/**
	 * Where the start lies in the interval, as the reports say it: "at 0.45 of it", or "the whole interval" where the
	 * interval is the start alone (every value evaluated beside it failed; a cancelled bracket: it read "at NaN of it").
	 */
	public String startPlace() {
		double p = startPosition();
		return Double.isNaN(p) ? WHOLE_INTERVAL : String.format(java.util.Locale.ROOT, "at %.2f of it", p);
	}

	/** {@link #startPlace} of a start that is the whole interval. */
	public static final String WHOLE_INTERVAL = "the whole interval";

	/**
	 * How the bracket searched, in the one wording of its reports (bench fit, report.html's header, the IDE's Fit Report
	 * view): "both sides at once, each end to 1 % of the value".
	 */
	public String searched() {
		return String.format(java.util.Locale.ROOT, "both sides at once, each end to %.0f %% of the value", 100 * resolution);
	}

	/** Both ends are found by the observations (neither reaches its bound) and resolved. */
	public boolean closed() {
		return !lower.toBound() && !upper.toBound() && lower.resolved() && upper.resolved();
	}

	private double coordinate(double x) {
		return logarithmic ? Math.log(x) : x;
	}
}

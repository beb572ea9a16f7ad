package org.cellwright.measured;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The measured points outside the simulated time span: {@link ErrorFigures#compare} compares only the points inside
 * it, so a run that ends before the measurement does (its step bound, a cut-off met early, a shorter protocol, a
 * solver failure) gets error figures over part of the measurement only. Each finding is one sentence giving how many
 * points and which times are left out; the caller locates it at the experiment's {@code measured} clause.
 */
public final class SpanCheck {
	private SpanCheck() {}

	/** Findings (empty when every measured point lies inside the simulated span). */
	public static List<String> compare(MeasuredSeries m, ErrorFigures.Simulated sim) {
		List<String> out = new ArrayList<>();
		double[] t = m.values(MeasuredQuantity.TIME);
		if (t.length == 0 || sim.time().length < 2) return out;
		double t0 = sim.time()[0], t1 = sim.time()[sim.time().length - 1];
		int before = 0, after = 0;
		double firstAfter = Double.NaN, lastBefore = Double.NaN;
		for (double x : t) {
			if (x < t0) {
				if (before == 0) lastBefore = x;
				before++;
			} else if (x > t1) {
				if (after == 0) firstAfter = x;
				after++;
			}
		}
		int compared = t.length - before - after;
		if (after > 0)
			out.add(String.format(Locale.ROOT, "%d of the %d measured points (%s s to %s s) lie after the simulation's end at %s s"
					+ " and are not compared: the voltage errors cover %d points, %.0f %% of the measurement", after, t.length,
					apart(firstAfter, t1), apart(t[t.length - 1], t1), apart(t1, firstAfter), compared, 100.0 * compared / t.length));
		if (before > 0)
			out.add(String.format(Locale.ROOT, "%d of the %d measured points (from %s s) lie before the simulation's start at %s s"
					+ " and are not compared", before, t.length, apart(lastBefore, t0), apart(t0, lastBefore)));
		return out;
	}

	/**
	 * v to so many significant digits, plain, or with an exponent where plain would write more than 15 digits before or
	 * 6 zeros after the point (a measured time of 1e300 s was written with its 301 digits).
	 */
	private static String fmt(double v, int digits) {
		java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros();
		double a = Math.abs(v);
		return a >= 1e15 || (a > 0 && a < 1e-6) ? d.toString() : d.toPlainString();
	}

	/**
	 * v to 4 significant digits, or to as many more (up to 10) as tell it apart from {@code other}: a point 2 ms after
	 * a run's end at 3555.018 s read "(3555 s to 3555 s) lie after the simulation's end at 3555 s" (session 19).
	 */
	static String apart(double v, double other) {
		int digits = 4;
		while (digits < 10 && v != other && fmt(v, digits).equals(fmt(other, digits))) digits++;
		return fmt(v, digits);
	}
}

package org.cellwright.report;

import java.math.BigDecimal;
import java.math.MathContext;

/** Tick labels of the reports' log axes. */
public final class AxisLabels {
	private AxisLabels() {}

	/**
	 * A log axis' tick label of {@code value} for ticks {@code stepLog10} decades apart, in plain digits, with enough
	 * significant digits (at least 3) that neighbouring ticks read differently: over less than a decade (a fit's cost
	 * from 1243 to 1233) the ticks lie a factor 10^step apart, and 3 digits printed 1240 for five of them (found by
	 * fuzzing, session 15). Null outside 1e-3 .. 1e5, where the axis writes an exponent.
	 */
	public static String logTick(double value, double stepLog10) {
		if (!(value >= 1e-3 && value < 1e5)) return null;
		double ratio = Math.pow(10, Math.abs(stepLog10)) - 1;
		int digits = ratio > 0 ? Math.min(15, Math.max(3, (int) Math.ceil(-Math.log10(ratio)) + 2)) : 15;
		return new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
	}
}

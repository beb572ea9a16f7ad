package org.cellwright.fit;

/**
 * One quantity to estimate, in SI: its name as the user wrote it (e.g. {@code NCM811.exchange-current}), the start
 * value and the bounds it must stay within. Bounds are required: a fit searches between them.
 */
public record FitParameter(String name, double initial, double lower, double upper) {

	public FitParameter {
		if (!(Double.isFinite(lower) && Double.isFinite(upper))) {
			throw new IllegalArgumentException(name + ": the bounds must be finite numbers");
		}
		if (!(lower < upper)) {
			throw new IllegalArgumentException(name + ": empty bounds (" + lower + " .. " + upper
					+ "): the lower bound must be below the upper one");
		}
		if (!(initial >= lower && initial <= upper)) {
			throw new IllegalArgumentException(name + ": the start value " + initial + " is outside its bounds ("
					+ lower + " .. " + upper + ")");
		}
	}

	/**
	 * True if p lies at one of the bounds: within 1e-3 of the bound range and, for a bound that is not zero, within 1 %
	 * of the bound itself (on a range of several decades, 52 in 1 .. 1e5 is 5e-4 of the range but 52 times the bound).
	 */
	public boolean atBound(double p) {
		double span = upper - lower;
		for (double b : new double[] { lower, upper }) {
			double d = Math.abs(p - b);
			if (d <= 1e-3 * span && (b == 0 || d <= 0.01 * Math.abs(b))) return true;
		}
		return false;
	}

	/** The midpoint of the bounds as a start value. */
	public static FitParameter between(String name, double lower, double upper) {
		return new FitParameter(name, 0.5 * (lower + upper), lower, upper);
	}
}

package org.cellwright.fit;

import java.util.List;

/**
 * The outcome of a fit. Per parameter: the estimate, its standard error and 95 % confidence interval (from the
 * Jacobian at the optimum: covariance = s^2 (J^T J)^-1 with s^2 the residual variance; NaN where the data do not
 * determine the parameter). The correlation matrix of the estimates, the cost (sum of squared weighted residuals)
 * after each improvement, the number of model evaluations, and notes a user must read (parameters the targets
 * cannot tell apart, estimates at a bound, a fit that stopped before converging), the optimiser's iterations and how the
 * fit ended ({@link Status}). A bracket fit ({@link Bracketing}) has its {@link Bracket}, its value the start value and no
 * statistical interval (NaN); other fits have none (null).
 */
public record FitResult(List<String> names, double[] values, double[] standardErrors, double[] lower95,
		double[] upper95, double[][] correlation, List<Double> costHistory, int evaluations, double cost,
		int degreesOfFreedom, boolean converged, List<String> notes, int iterations, Status status, Bracket bracket) {

	/** A least-squares result (no bracket). */
	public FitResult(List<String> names, double[] values, double[] standardErrors, double[] lower95, double[] upper95,
			double[][] correlation, List<Double> costHistory, int evaluations, double cost, int degreesOfFreedom,
			boolean converged, List<String> notes, int iterations, Status status) {
		this(names, values, standardErrors, lower95, upper95, correlation, costHistory, evaluations, cost, degreesOfFreedom,
				converged, notes, iterations, status, null);
	}

	/** A result whose status is whether it converged. */
	public FitResult(List<String> names, double[] values, double[] standardErrors, double[] lower95, double[] upper95,
			double[][] correlation, List<Double> costHistory, int evaluations, double cost, int degreesOfFreedom,
			boolean converged, List<String> notes, int iterations) {
		this(names, values, standardErrors, lower95, upper95, correlation, costHistory, evaluations, cost, degreesOfFreedom,
				converged, notes, iterations, converged ? Status.CONVERGED : Status.NOT_CONVERGED);
	}

	/** A result without the iteration count (0). */
	public FitResult(List<String> names, double[] values, double[] standardErrors, double[] lower95, double[] upper95,
			double[][] correlation, List<Double> costHistory, int evaluations, double cost, int degreesOfFreedom,
			boolean converged, List<String> notes) {
		this(names, values, standardErrors, lower95, upper95, correlation, costHistory, evaluations, cost, degreesOfFreedom,
				converged, notes, 0);
	}

	/**
	 * How a fit ended: {@link #UNDETERMINED} when none of its estimates has an effect on its targets (the optimiser
	 * stops at once on its criteria then, as converged), {@link #CANCELLED} when its caller stopped it after it found
	 * something (the best values or a bracket's ends so far, kept as found), else converged or not; {@link #text} as
	 * fit.json stores it, {@link #word} as the command line, the IDE and the fit's report.html say it.
	 */
	public enum Status {
		CONVERGED("converged"), NOT_CONVERGED("not converged"), UNDETERMINED("undetermined"), CANCELLED("cancelled");

		private final String text;

		Status(String text) {
			this.text = text;
		}

		/** The status as fit.json stores it. */
		public String text() {
			return text;
		}

		/**
		 * The one word for how a fit ended, for every place that says it (the command line's summary line, the IDE's
		 * console and Fit Report view, the Runs view's status column, report.html's badge): a least-squares fit's
		 * {@link #text}; a bracket's ({@code bracket}) "bracketed" where both ends were found, "not resolved" where the
		 * evaluations ran out first (session 29: the IDE said "converged" where the command line said "bracketed").
		 */
		public String word(boolean bracket) {
			if (!bracket) return text;
			return switch (this) {
				case CONVERGED -> "bracketed";
				case NOT_CONVERGED -> "not resolved";
				default -> text;
			};
		}

		/** The status written as {@code text}, or null. */
		public static Status of(String text) {
			for (Status s : values()) if (s.text.equals(text)) return s;
			return null;
		}
	}

	public int index(String name) {
		int i = names.indexOf(name);
		if (i < 0) {
			throw new IllegalArgumentException("no parameter " + name);
		}
		return i;
	}

	public double value(String name) {
		return values[index(name)];
	}
}

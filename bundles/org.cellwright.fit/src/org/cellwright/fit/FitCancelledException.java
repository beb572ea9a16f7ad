package org.cellwright.fit;

/** The fit was cancelled by its caller; the best point so far is in {@link #bestSoFar()} (may be null). */
public class FitCancelledException extends RuntimeException {

	private static final long serialVersionUID = 1L;
	private final transient double[] best;

	public FitCancelledException(double[] best) {
		super("fit cancelled");
		this.best = best == null ? null : best.clone();
	}

	public double[] bestSoFar() {
		return best == null ? null : best.clone();
	}
}

package org.cellwright.fit;

import java.util.function.BooleanSupplier;

/**
 * How a fit runs. {@link Method#LEVENBERG_MARQUARDT} for smooth least-squares problems, {@link Method#BOBYQA}
 * (derivative-free, bounded) for noisy ones; {@link Method#BRACKET} for pass/fail observations ({@link Bracketing}). {@code relativeStep} is the finite-difference step relative to a
 * parameter's bound range; {@code parallelism} how many residual evaluations run at once; {@code cancelled} is polled
 * between evaluations; {@code listener} hears each new best cost; {@code tolerance} is the relative change of the cost
 * and of the parameters at which the optimiser stops (Hipparchus' default {@value #EXACT} suits exact models; a model
 * that simulates has numerical noise far above it and is better stopped at e.g. 1e-4).
 */
public record FitOptions(Method method, int maxEvaluations, double relativeStep, int parallelism,
		BooleanSupplier cancelled, Listener listener, double tolerance) {

	/** The stopping tolerance for exact models (Hipparchus' default for Levenberg-Marquardt). */
	public static final double EXACT = 1e-10;

	public FitOptions(Method method, int maxEvaluations, double relativeStep, int parallelism, BooleanSupplier cancelled,
			Listener listener) {
		this(method, maxEvaluations, relativeStep, parallelism, cancelled, listener, EXACT);
	}

	public enum Method {
		LEVENBERG_MARQUARDT, BOBYQA,
		/** One parameter's interval over which every pass/fail expectation holds ({@link Bracketing}), not least squares. */
		BRACKET
	}

	/** Progress of a fit: evaluations so far and the cost (sum of squared weighted residuals) of the best point. */
	@FunctionalInterface
	public interface Listener {
		void progress(int evaluations, double bestCost, double[] bestParameters);
	}

	public static FitOptions defaults() {
		return new FitOptions(Method.LEVENBERG_MARQUARDT, 400, 1e-4, Runtime.getRuntime().availableProcessors(),
				() -> false, (n, c, p) -> { });
	}

	public FitOptions withMethod(Method m) {
		return new FitOptions(m, maxEvaluations, relativeStep, parallelism, cancelled, listener, tolerance);
	}

	public FitOptions withListener(Listener l) {
		return new FitOptions(method, maxEvaluations, relativeStep, parallelism, cancelled, l, tolerance);
	}

	public FitOptions withCancel(BooleanSupplier c) {
		return new FitOptions(method, maxEvaluations, relativeStep, parallelism, c, listener, tolerance);
	}

	public FitOptions withParallelism(int p) {
		return new FitOptions(method, maxEvaluations, relativeStep, Math.max(1, p), cancelled, listener, tolerance);
	}

	public FitOptions withMaxEvaluations(int n) {
		return new FitOptions(method, n, relativeStep, parallelism, cancelled, listener, tolerance);
	}

	public FitOptions withTolerance(double t) {
		return new FitOptions(method, maxEvaluations, relativeStep, parallelism, cancelled, listener, t);
	}

	public FitOptions withRelativeStep(double h) {
		return new FitOptions(method, maxEvaluations, h, parallelism, cancelled, listener, tolerance);
	}
}

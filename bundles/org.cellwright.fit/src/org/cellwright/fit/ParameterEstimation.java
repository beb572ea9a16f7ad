package org.cellwright.fit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;

/**
 * Estimates parameters by least squares with Hipparchus' optimisers. Levenberg-Marquardt works in unbounded
 * coordinates u with p = lo + (hi - lo) / (1 + exp(-u)), so every evaluation stays inside the bounds; its Jacobian is
 * by forward differences whose n + 1 evaluations run in parallel. BOBYQA minimises the same cost on the bounded
 * parameters scaled to [0, 1]. Either way the uncertainty comes from the Jacobian in the parameters themselves at
 * the optimum, and strongly correlated or undetermined parameters are reported as such.
 */
public final class ParameterEstimation {

	/** |correlation| above which two estimates are reported as not separable by the targets. */
	public static final double CORRELATION_WARNING = 0.95;
	/** Singular values of the scaled Jacobian below this fraction of the largest count as zero. */
	public static final double RANK_TOLERANCE = 1e-8;

	private final ResidualModel model;
	private final List<FitParameter> parameters;
	private final FitOptions options;
	private final AtomicInteger evaluations = new AtomicInteger();
	private final List<Double> history = Collections.synchronizedList(new ArrayList<>());
	private volatile double bestCost = Double.POSITIVE_INFINITY;
	private volatile double[] bestPoint;
	private volatile int iterations;
	/** The residuals of the last points evaluated: a point asked for again (the centre of a Jacobian) is not re-simulated. */
	private final Map<List<Double>, double[]> recent = new LinkedHashMap<>(32, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<List<Double>, double[]> eldest) {
			return size() > RECENT_POINTS;
		}
	};
	/** How many evaluated points are remembered. */
	static final int RECENT_POINTS = 64;

	private ParameterEstimation(ResidualModel model, List<FitParameter> parameters, FitOptions options) {
		this.model = model;
		this.parameters = List.copyOf(parameters);
		this.options = options;
	}

	public static FitResult run(ResidualModel model, List<FitParameter> parameters, FitOptions options)
			throws Exception {
		if (parameters.isEmpty()) {
			throw new IllegalArgumentException("a fit needs at least one parameter to estimate");
		}
		if (options.method() == FitOptions.Method.BRACKET)
			throw new IllegalArgumentException("a bracket fit evaluates pass/fail outcomes, not residuals: Bracketing.run");
		return new ParameterEstimation(model, parameters, options).solve();
	}

	private FitResult solve() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.parallelism()), r -> {
			Thread t = new Thread(r, "cellwright-fit");
			t.setDaemon(true);
			return t;
		});
		try {
			int m = evaluate(start()).length;
			residualCount = m;
			if (m < parameters.size()) {
				throw new IllegalArgumentException("a fit of " + parameters.size() + " parameters needs at least as many"
						+ " target values; it has " + m);
			}
			double[] optimum;
			boolean converged = true;
			List<String> notes = new ArrayList<>(movedStarts());
			try {
				optimum = options.method() == FitOptions.Method.BOBYQA ? bobyqa() : levenbergMarquardt(pool, m);
			} catch (MathIllegalStateException e) {
				// evaluation or iteration budget used up: report the best point with what it is worth
				converged = false;
				optimum = bestPoint != null ? bestPoint.clone() : initial();
				notes.add("the fit stopped before converging (" + e.getMessage() + "); the values are the best found");
			}
			return result(pool, optimum, converged, notes);
		} catch (FitCancelledException e) {
			return cancelled(e);
		} catch (ExecutionException e) {
			if (e.getCause() instanceof FitCancelledException c) return cancelled(c);
			throw e.getCause() instanceof Exception ex ? ex : e;
		} finally {
			pool.shutdownNow();
		}
	}

	/** A note for each start value Levenberg-Marquardt moves inside its bounds ({@link #START_MARGIN}). */
	private List<String> movedStarts() {
		List<String> out = new ArrayList<>();
		if (options.method() == FitOptions.Method.BOBYQA) return out;
		double[] from = initial(), at = start();
		for (int i = 0; i < from.length; i++)
			if (Math.abs(at[i] - from[i]) > 1e-9 * (parameters.get(i).upper() - parameters.get(i).lower()))
				out.add(parameters.get(i).name() + ": the start value " + fmt(from[i]) + " lies on or next to its bound, where"
						+ " Levenberg-Marquardt's bounded coordinates cannot move; the search started " + fmt(at[i])
						+ ", 1 % of the bound range inside");
		return out;
	}

	private double[] initial() {
		return parameters.stream().mapToDouble(FitParameter::initial).toArray();
	}

	/** The first point the method evaluates: for Levenberg-Marquardt the start through its coordinates (rounded as it will be). */
	private double[] start() {
		if (options.method() == FitOptions.Method.BOBYQA) {
			return initial();
		}
		double[] p = initial();
		for (int i = 0; i < p.length; i++) {
			p[i] = toP(i, toU(i, p[i]));
		}
		return p;
	}

	private static List<Double> key(double[] p) {
		List<Double> k = new ArrayList<>(p.length);
		for (double x : p) {
			k.add(x);
		}
		return k;
	}

	/** Residuals at p; records the cost and the best point. A point evaluated recently is answered from memory. */
	private double[] evaluate(double[] p) throws Exception {
		List<Double> key = key(p);
		synchronized (recent) {
			double[] known = recent.get(key);
			if (known != null) {
				return known.clone();
			}
		}
		if (options.cancelled().getAsBoolean()) {
			throw new FitCancelledException(bestPoint);
		}
		double[] r = model.residuals(p);
		// cancelled while it simulated: its runs were stopped part way, so its cost says nothing of p
		if (options.cancelled().getAsBoolean()) {
			throw new FitCancelledException(bestPoint);
		}
		synchronized (recent) {
			recent.put(key, r.clone());
		}
		int n = evaluations.incrementAndGet();
		double cost = 0;
		for (double x : r) {
			if (!Double.isFinite(x)) {
				throw new IllegalStateException("the model gave a residual of " + x + " at " + describe(p));
			}
			cost += x * x;
		}
		synchronized (this) {
			if (cost < bestCost) {
				bestCost = cost;
				bestPoint = p.clone();
				history.add(cost);
				options.listener().progress(n, cost, p.clone());
			}
		}
		return r;
	}

	// ---------------------------------------------------------------- Levenberg-Marquardt in logistic coordinates

	private double toP(int i, double u) {
		FitParameter fp = parameters.get(i);
		return fp.lower() + (fp.upper() - fp.lower()) / (1 + Math.exp(-u));
	}

	/**
	 * How far inside its bounds (a fraction of the bound range) Levenberg-Marquardt starts a parameter whose start value
	 * lies on or nearer a bound: there the logistic coordinate's slope dp/du vanishes (1e-9 of the range at a bound), so
	 * the Jacobian's column is zero and the search cannot leave it (a start on its bound ended "converged" where it
	 * started, session 19). As large as a simulation fit's finite-difference step (FitRunner.RELATIVE_STEP).
	 */
	static final double START_MARGIN = 0.01;

	private double toU(int i, double p) {
		FitParameter fp = parameters.get(i);
		double span = fp.upper() - fp.lower();
		double x = Math.min(Math.max((p - fp.lower()) / span, START_MARGIN), 1 - START_MARGIN);
		double u = Math.log(x / (1 - x));
		// the middle of the bounds is u = 0 exactly: Levenberg-Marquardt's first step bound is proportional to |u|
		// (or 100 when u = 0), so a rounding error of 1e-16 there would make its first steps 1e-13 long
		return Math.abs(u) < 1e-9 ? 0 : u;
	}

	/**
	 * The largest |u| a Levenberg-Marquardt trial takes: a parameter 1e-3 of its bound range from a bound, where dp/du
	 * is still 1e-3 of the range. Gauss-Newton steps in u from near a bound overshoot (dp/du is small there, so the
	 * step to a point inside is long) into the far saturated end, where dp/du is 1e-9 and the Jacobian's column zero:
	 * such a trial, accepted for its lower cost, ended the fit "converged" at the other bound (session 19).
	 */
	static final double U_REACH = Math.log((1 - 1e-3) / 1e-3);

	private static RealVector withinReach(RealVector u) {
		RealVector out = u.copy();
		for (int i = 0; i < out.getDimension(); i++)
			out.setEntry(i, Math.max(-U_REACH, Math.min(U_REACH, out.getEntry(i))));
		return out;
	}

	private double[] toP(double[] u) {
		double[] p = new double[u.length];
		for (int i = 0; i < u.length; i++) {
			p[i] = toP(i, u[i]);
		}
		return p;
	}

	/**
	 * Levenberg-Marquardt with lazy evaluation: a trial point costs one evaluation (its residuals); the Jacobian's n
	 * further evaluations (in parallel) are made only at the points the method accepts.
	 */
	private double[] levenbergMarquardt(ExecutorService pool, int m) throws Exception {
		int n = parameters.size();
		double[] u0 = new double[n];
		for (int i = 0; i < n; i++) {
			u0[i] = toU(i, parameters.get(i).initial());
		}
		LeastSquaresBuilder problem = new LeastSquaresBuilder().start(u0).target(new double[m]).lazyEvaluation(true)
				.parameterValidator(ParameterEstimation::withinReach)
				.maxEvaluations(options.maxEvaluations()).maxIterations(options.maxEvaluations())
				.model(u -> {
					// Hipparchus minimises target - model; the model value is -r so that target - model = r
					double[] r = unchecked(() -> evaluate(toP(u)));
					double[] value = new double[r.length];
					for (int k = 0; k < r.length; k++) {
						value[k] = -r[k];
					}
					return value;
				}, u -> {
					double[][] cols = unchecked(() -> jacobian(pool, u, true));
					double[][] jac = new double[m][n];
					for (int j = 0; j < n; j++) {
						for (int k = 0; k < m; k++) {
							jac[k][j] = -cols[j][k];
						}
					}
					return jac;
				});
		LeastSquaresOptimizer.Optimum optimum;
		try {
			optimum = new LevenbergMarquardtOptimizer().withCostRelativeTolerance(options.tolerance())
					.withParameterRelativeTolerance(options.tolerance()).optimize(problem.build());
		} catch (IllegalStateException e) {
			if (e.getCause() instanceof Exception cause) {
				throw cause;
			}
			throw e;
		}
		iterations = optimum.getIterations();
		return toP(optimum.getPoint().toArray());
	}

	private interface Evaluation<T> {
		T get() throws Exception;
	}

	/** Hipparchus' functions throw no checked exceptions: wrapped here, unwrapped in {@link #levenbergMarquardt}. */
	private static <T> T unchecked(Evaluation<T> e) {
		try {
			return e.get();
		} catch (RuntimeException ex) {
			throw ex;
		} catch (Exception ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	/**
	 * Forward-difference Jacobian columns d r / d x_j and, last, r itself, evaluated in parallel. In logistic
	 * coordinates ({@code logistic}) the step is fixed in u; else it is the relative step times the bound range.
	 */
	private double[][] jacobian(ExecutorService pool, double[] x, boolean logistic) throws Exception {
		double[][] cols = differences(pool, x, logistic);
		if (logistic) {
			lastJacobian = new double[][][] { { x.clone() }, cols };
		}
		return cols;
	}

	/** The last Jacobian in logistic coordinates: {{u}, columns}. */
	private volatile double[][][] lastJacobian;

	/**
	 * The Jacobian in the parameters at p from the last one in logistic coordinates when that was taken at p (the
	 * optimum of Levenberg-Marquardt), by the chain rule dr/dp = (dr/du) / (dp/du); null when there is none or p is
	 * so near a bound that dp/du vanishes (then it is taken afresh).
	 */
	private double[][] lastJacobianAt(double[] p) {
		double[][][] last = lastJacobian;
		if (last == null || !java.util.Arrays.equals(toP(last[0][0]), p)) {
			return null;
		}
		double[] u = last[0][0];
		int n = u.length;
		double[][] cols = new double[n + 1][];
		cols[n] = last[1][n];
		for (int j = 0; j < n; j++) {
			FitParameter fp = parameters.get(j);
			double s = 1 / (1 + Math.exp(-u[j]));
			if (s < 1e-3 || s > 1 - 1e-3) {
				return null;
			}
			double dpdu = (fp.upper() - fp.lower()) * s * (1 - s);
			cols[j] = new double[last[1][j].length];
			for (int k = 0; k < cols[j].length; k++) {
				cols[j][k] = last[1][j][k] / dpdu;
			}
		}
		return cols;
	}

	private double[][] differences(ExecutorService pool, double[] x, boolean logistic) throws Exception {
		int n = x.length;
		double[] steps = new double[n];
		List<Future<double[]>> futures = new ArrayList<>();
		for (int j = 0; j <= n; j++) {
			double[] xj = x.clone();
			if (j < n) {
				FitParameter fp = parameters.get(j);
				double h = logistic ? Math.max(1e-3, options.relativeStep() * 10)
						: options.relativeStep() * (fp.upper() - fp.lower());
				if (!logistic && xj[j] + h > fp.upper()) {
					h = -h; // step inwards at the upper bound
				}
				xj[j] += h;
				steps[j] = h;
			}
			double[] point = logistic ? toP(xj) : xj;
			futures.add(pool.submit(() -> evaluate(point)));
		}
		double[][] out = new double[n + 1][];
		out[n] = futures.get(n).get();
		for (int j = 0; j < n; j++) {
			double[] rj = futures.get(j).get();
			double[] col = new double[rj.length];
			for (int k = 0; k < rj.length; k++) {
				col[k] = (rj[k] - out[n][k]) / steps[j];
			}
			out[j] = col;
		}
		return out;
	}

	// ---------------------------------------------------------------- BOBYQA on [0, 1]^n

	private double[] bobyqa() {
		int n = parameters.size();
		double[] x0 = new double[n];
		double[] lo = new double[n];
		double[] hi = new double[n];
		for (int i = 0; i < n; i++) {
			FitParameter fp = parameters.get(i);
			x0[i] = (fp.initial() - fp.lower()) / (fp.upper() - fp.lower());
			hi[i] = 1;
		}
		ObjectiveFunction cost = new ObjectiveFunction(x -> {
			try {
				double s = 0;
				for (double r : evaluate(unscale(x))) {
					s += r * r;
				}
				return s;
			} catch (RuntimeException e) {
				throw e;
			} catch (Exception e) {
				throw new IllegalStateException(e.getMessage(), e);
			}
		});
		int interpolation = Math.max(n + 2, Math.min(2 * n + 1, (n + 1) * (n + 2) / 2));
		BOBYQAOptimizer optimizer = new BOBYQAOptimizer(interpolation, 0.1, Math.max(1e-6, options.tolerance()));
		PointValuePair best = optimizer.optimize(new MaxEval(options.maxEvaluations()),
				cost, GoalType.MINIMIZE, new InitialGuess(x0), new SimpleBounds(lo, hi));
		iterations = optimizer.getEvaluations(); // BOBYQA's iterations are its evaluations
		return unscale(best.getPoint());
	}

	private double[] unscale(double[] x) {
		double[] p = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			FitParameter fp = parameters.get(i);
			p[i] = fp.lower() + Math.min(1, Math.max(0, x[i])) * (fp.upper() - fp.lower());
		}
		return p;
	}

	// ---------------------------------------------------------------- uncertainty

	/** How many residuals the start gave (0 before it was evaluated). */
	private volatile int residualCount;

	/**
	 * A fit cancelled by its caller: the best point found so far with its cost, status {@link FitResult.Status#CANCELLED},
	 * no interval (the Jacobian at it was not taken) and a note saying so; nothing found yet (the start not evaluated) is
	 * the exception again. Before session 30 every cancel threw and the fit kept nothing.
	 */
	private FitResult cancelled(FitCancelledException e) {
		double[] p = bestPoint;
		if (p == null) throw e;
		int n = p.length;
		double[] nan = new double[n];
		java.util.Arrays.fill(nan, Double.NaN);
		double[][] corr = new double[n][n];
		for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) corr[a][b] = a == b ? 1 : Double.NaN;
		List<String> notes = new ArrayList<>(movedStarts());
		notes.add(0, "cancelled after " + evaluations.get() + " evaluations: the values are the best found so far (cost " + fmt(bestCost)
				+ "), not a converged estimate, and have no interval (the Jacobian at them was not taken)");
		List<String> names = parameters.stream().map(FitParameter::name).toList();
		return new FitResult(names, p.clone(), nan, nan.clone(), nan.clone(), corr, List.copyOf(history), evaluations.get(), bestCost,
				residualCount - n, false, List.copyOf(notes), iterations, FitResult.Status.CANCELLED);
	}

	private FitResult result(ExecutorService pool, double[] p, boolean converged, List<String> notes) throws Exception {
		int n = p.length;
		double[][] cols = lastJacobianAt(p);
		if (cols == null) {
			cols = jacobian(pool, p, false);
		}
		double[] r = cols[n];
		int m = r.length;
		double rss = 0;
		for (double x : r) {
			rss += x * x;
		}
		int dof = m - n;
		// without residual degrees of freedom the residuals' own weights (tolerance, noise) are the only scale:
		// s^2 = 1, i.e. the targets' stated uncertainty carried to the parameters (e.g. one published value per estimate)
		double s2 = dof > 0 ? rss / dof : 1;
		// scale the columns by the bound range so that the singular values compare like with like
		double[][] js = new double[m][n];
		for (int j = 0; j < n; j++) {
			double span = parameters.get(j).upper() - parameters.get(j).lower();
			for (int k = 0; k < m; k++) {
				js[k][j] = cols[j][k] * span;
			}
		}
		SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(js, false));
		double[] sv = svd.getSingularValues();
		double smax = sv.length == 0 ? 0 : sv[0];
		RealMatrix v = svd.getV();
		// covariance of the scaled parameters: V diag(1/s^2) V^T over the determined directions
		double[][] cov = new double[n][n];
		boolean[] undetermined = new boolean[n];
		for (int d = 0; d < sv.length; d++) {
			if (sv[d] <= RANK_TOLERANCE * smax) {
				for (int j = 0; j < n; j++) {
					if (Math.abs(v.getEntry(j, d)) > 0.1) {
						undetermined[j] = true;
					}
				}
				continue;
			}
			for (int a = 0; a < n; a++) {
				for (int b = 0; b < n; b++) {
					cov[a][b] += v.getEntry(a, d) * v.getEntry(b, d) / (sv[d] * sv[d]);
				}
			}
		}
		// an estimate whose column is zero changes no target at all (e.g. a current collector's thickness against a
		// plating voltage): it has no effect, which is not "only a combination with another is determined" (loop21)
		boolean[] noEffect = new boolean[n];
		for (int j = 0; j < n; j++) {
			double norm = 0;
			for (int k = 0; k < m; k++) norm += js[k][j] * js[k][j];
			noEffect[j] = Math.sqrt(norm) <= RANK_TOLERANCE * smax;
			undetermined[j] |= noEffect[j];
		}
		double[] se = new double[n];
		double[] lo = new double[n];
		double[] hi = new double[n];
		double t = dof > 0 ? new TDistribution(dof).inverseCumulativeProbability(0.975) : 1.959963984540054;
		List<String> names = parameters.stream().map(FitParameter::name).toList();
		for (int j = 0; j < n; j++) {
			double span = parameters.get(j).upper() - parameters.get(j).lower();
			se[j] = undetermined[j] ? Double.NaN : Math.sqrt(s2 * cov[j][j]) * span;
			lo[j] = p[j] - t * se[j];
			hi[j] = p[j] + t * se[j];
			FitParameter fp = parameters.get(j);
			if (lo[j] < fp.lower() || hi[j] > fp.upper()) {
				// the linearised interval is symmetric; a parameter's bounds are physical (a rate constant is positive):
				// the interval is cut at them and said to be weakly determined (seen: a rate constant's reached -2.3e-7)
				notes.add(names.get(j) + "'s linearised 95 % interval [" + fmt(lo[j]) + ", " + fmt(hi[j])
						+ "] reaches past its bounds [" + fmt(fp.lower()) + ", " + fmt(fp.upper())
						+ "]: the targets determine it weakly; the interval is cut at the bounds");
				lo[j] = Math.max(lo[j], fp.lower());
				hi[j] = Math.min(hi[j], fp.upper());
			}
			if (noEffect[j]) {
				notes.add(names.get(j) + " has no effect on the targets: changing it within its bounds changes none of their"
						+ " values, so its value is its start value, not an estimate; fix it or add a target that depends on it");
			} else if (undetermined[j]) {
				notes.add(names.get(j) + " is not determined by the targets: changing it within its bounds hardly"
						+ " changes them; fix it or add a target that depends on it");
			}
			if (parameters.get(j).atBound(p[j])) {
				double x = (p[j] - parameters.get(j).lower()) / span;
				notes.add(names.get(j) + " ended at its " + (x < 0.5 ? "lower" : "upper") + " bound ("
						+ fmt(p[j]) + "): the optimum may lie outside; widen the bounds if that is physical");
			}
		}
		double[][] corr = new double[n][n];
		for (int a = 0; a < n; a++) {
			for (int b = 0; b < n; b++) {
				double d = Math.sqrt(cov[a][a] * cov[b][b]);
				corr[a][b] = a == b ? 1 : d > 0 ? cov[a][b] / d : Double.NaN;
			}
		}
		boolean rankDeficient = false;
		for (double s : sv) {
			rankDeficient |= s <= RANK_TOLERANCE * smax;
		}
		for (int a = 0; a < n; a++) {
			for (int b = a + 1; b < n; b++) {
				if (noEffect[a] || noEffect[b]) {
					continue; // one that changes nothing is neither combined with nor correlated to another
				} else if (rankDeficient && undetermined[a] && undetermined[b]) {
					notes.add(names.get(a) + " and " + names.get(b) + " cannot be told apart by the targets: only a"
							+ " combination of them is determined; fix one or add a target that separates them");
				} else if (Math.abs(corr[a][b]) > CORRELATION_WARNING) {
					notes.add(names.get(a) + " and " + names.get(b) + " are strongly correlated (r = "
							+ String.format(Locale.ROOT, "%.3f", corr[a][b])
							+ "): the targets hardly tell them apart; their intervals are wide for that reason");
				}
			}
		}
		boolean none = true;
		for (boolean u : noEffect) none &= u;
		if (none) {
			notes.add(0, "the fit determined none of its estimates: the targets do not depend on " + (n == 1 ? "it" : "any of them")
					+ " (status undetermined); the values are the start values, not estimates");
		}
		FitResult.Status status = none ? FitResult.Status.UNDETERMINED : converged ? FitResult.Status.CONVERGED : FitResult.Status.NOT_CONVERGED;
		if (dof <= 0) {
			notes.add("as many parameters as target values: the intervals carry the targets' stated tolerances (or"
					+ " noise) to the parameters (s = 1, normal quantile), not an uncertainty estimated from the residuals");
		}
		return new FitResult(names, p, se, lo, hi, corr, List.copyOf(history), evaluations.get(), rss, dof, converged,
				List.copyOf(notes), iterations, status);
	}

	private String describe(double[] p) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < p.length; i++) {
			b.append(i == 0 ? "" : ", ").append(parameters.get(i).name()).append(" = ").append(fmt(p[i]));
		}
		return b.toString();
	}

	private static String fmt(double v) {
		return String.format(Locale.ROOT, "%.6g", v);
	}
}

package org.cellwright.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bracket fit: the interval of one parameter over which every pass/fail observation holds (a short circuit or none,
 * an end time above or below a bound). Such observations are step functions of the parameter, whose Jacobian is zero
 * almost everywhere, so least squares cannot estimate from them; they bound it instead. From a start value at which
 * every observation passes, each side is searched for the value where one starts failing: the bound itself first (when
 * it passes, the interval reaches it), then bisection between the last passing and the first failing value (in log
 * coordinates when both bounds are positive, else linear) until they lie within {@link #RESOLUTION} of the value. The
 * two sides are searched at the same time. A bisection finds one crossing per side: an observation that fails only in a
 * band between two values evaluated is not seen (the interval is that of the first crossing from the start).
 */
public final class Bracketing {

	/** How close each end's passing and failing values are brought, relative to the value: 1 %. */
	public static final double RESOLUTION = 0.01;

	/** What a bracket evaluates: at parameter values (SI or the estimate's unit, as the fit's), the observations that fail; empty when all pass. */
	@FunctionalInterface
	public interface Outcome {
		List<String> failures(double[] parameters) throws Exception;
	}

	private final Outcome model;
	private final FitParameter parameter;
	private final FitOptions options;
	private final boolean logarithmic;
	private final AtomicInteger evaluations = new AtomicInteger();
	private final AtomicInteger bisections = new AtomicInteger();
	/** A side's search was stopped by a cancel: its end is the one found so far. */
	private volatile boolean cancelled;

	private Bracketing(Outcome model, FitParameter parameter, FitOptions options) {
		this.model = model;
		this.parameter = parameter;
		this.options = options;
		this.logarithmic = parameter.lower() > 0;
	}

	/**
	 * Brackets the one parameter of {@code parameters}; its start value must pass every observation (else an
	 * IllegalArgumentException naming those that fail). Progress: the listener hears every evaluation with its number of
	 * failing observations as the cost; cancel is polled before each evaluation and after it (an evaluation the cancel
	 * cut short, its simulations stopped, is not taken as a pass or a fail). At most {@code options.maxEvaluations()}
	 * evaluations: an end not resolved by then is reported as found so far, the fit not converged. Cancelled after the
	 * start's evaluation, each end is reported as found so far too, the fit {@link FitResult.Status#CANCELLED} (before
	 * session 30 the cancel threw and ends already narrowed were lost); cancelled before it, a
	 * {@link FitCancelledException} (nothing was found).
	 */
	public static FitResult run(Outcome model, List<FitParameter> parameters, FitOptions options) throws Exception {
		if (parameters.size() != 1)
			throw new IllegalArgumentException("a bracket fit estimates exactly one value; this one has " + parameters.size());
		return new Bracketing(model, parameters.get(0), options).solve();
	}

	private FitResult solve() throws Exception {
		double start = parameter.initial();
		List<String> atStart = evaluate(start);
		if (!atStart.isEmpty())
			throw new IllegalArgumentException(parameter.name() + ": the start value " + fmt(start) + " fails " + String.join("; ", atStart)
					+ ": a bracket starts at a value where every target's expectations pass");
		ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
			Thread t = new Thread(r, "cellwright-bracket");
			t.setDaemon(true);
			return t;
		});
		Bracket.End lower, upper;
		try {
			Future<Bracket.End> below = pool.submit(() -> side(start, parameter.lower()));
			Future<Bracket.End> above = pool.submit(() -> side(start, parameter.upper()));
			lower = below.get();
			upper = above.get();
		} catch (ExecutionException e) {
			throw e.getCause() instanceof Exception ex ? ex : e;
		} finally {
			pool.shutdownNow();
		}
		Bracket b = new Bracket(parameter.name(), start, lower, upper, logarithmic, RESOLUTION);
		boolean converged = lower.resolved() && upper.resolved();
		FitResult.Status status = cancelled ? FitResult.Status.CANCELLED
				: lower.toBound() && upper.toBound() ? FitResult.Status.UNDETERMINED
				: converged ? FitResult.Status.CONVERGED : FitResult.Status.NOT_CONVERGED;
		List<String> notes = new ArrayList<>();
		if (cancelled)
			notes.add("cancelled after " + evaluations.get() + " evaluations: the interval is the one found so far (an end not"
					+ " resolved lies between its last passing and its first failing value)");
		if (status == FitResult.Status.UNDETERMINED)
			notes.add("the fit determined none of its estimates: no expectation fails anywhere within the bounds of " + parameter.name()
					+ " (status undetermined); widen the bounds or add a target that depends on it");
		notes.add(describe(b));
		notes.add(end(lower, "lower", "below", cancelled));
		notes.add(end(upper, "upper", "above", cancelled));
		return new FitResult(List.of(parameter.name()), new double[] { start }, new double[] { Double.NaN }, new double[] { Double.NaN },
				new double[] { Double.NaN }, new double[][] { { 1 } }, List.of(), evaluations.get(), 0, 0, converged, List.copyOf(notes),
				bisections.get(), status, b);
	}

	/** One side from the passing start towards the bound: the bound when it passes, else the bisected crossing. */
	private Bracket.End side(double pass, double bound) throws Exception {
		if (evaluations.get() >= options.maxEvaluations()) return new Bracket.End(pass, bound, List.of(), false);
		List<String> failing;
		try {
			failing = evaluate(bound);
		} catch (FitCancelledException e) {
			cancelled = true;
			return new Bracket.End(pass, bound, List.of(), false); // the bound not evaluated, as when the evaluations run out
		}
		if (failing.isEmpty()) return new Bracket.End(bound, Double.NaN, List.of(), true);
		double fail = bound;
		while (!within(pass, fail)) {
			if (evaluations.get() >= options.maxEvaluations()) return new Bracket.End(pass, fail, failing, false);
			double mid = logarithmic ? Math.sqrt(pass * fail) : 0.5 * (pass + fail);
			bisections.incrementAndGet();
			List<String> f;
			try {
				f = evaluate(mid);
			} catch (FitCancelledException e) {
				cancelled = true;
				return new Bracket.End(pass, fail, failing, false);
			}
			if (f.isEmpty()) {
				pass = mid;
			} else {
				fail = mid;
				failing = f;
			}
		}
		return new Bracket.End(pass, fail, failing, true);
	}

	/** The passing and failing values lie within the resolution of the value (of the bound range for a value of zero). */
	private boolean within(double pass, double fail) {
		double scale = Math.max(Math.abs(pass), Math.abs(fail));
		if (scale == 0) scale = parameter.upper() - parameter.lower();
		return Math.abs(fail - pass) <= RESOLUTION * scale;
	}

	private List<String> evaluate(double x) throws Exception {
		if (options.cancelled().getAsBoolean()) throw new FitCancelledException(new double[] { parameter.initial() });
		List<String> failing = List.copyOf(model.failures(new double[] { x }));
		// cancelled while it simulated: its runs were stopped part way, so what failed in them says nothing of x
		if (options.cancelled().getAsBoolean()) throw new FitCancelledException(new double[] { parameter.initial() });
		int n = evaluations.incrementAndGet();
		synchronized (this) {
			options.listener().progress(n, failing.size(), new double[] { x });
		}
		return failing;
	}

	/** The interval in one sentence, as the fit's first note. */
	static String describe(Bracket b) {
		return String.format(Locale.ROOT, "%s: every expectation holds from %s%s to %s%s (start %s %s, %s coordinates,"
				+ " ends within %.0f %% of the value)", b.name(), fmt(b.lower().passes()), b.lower().toBound() ? " (the lower bound)" : "",
				fmt(b.upper().passes()), b.upper().toBound() ? " (the upper bound)" : "", fmt(b.start()), b.startPlace(),
				b.logarithmic() ? "log" : "linear", 100 * b.resolution());
	}

	private static String end(Bracket.End e, String which, String beyond, boolean cancelled) {
		if (e.toBound()) return "to the " + which + " bound " + fmt(e.passes()) + ": no expectation fails there; the targets do not bound it " + beyond;
		String why = cancelled ? "cancelled" : "the evaluations ran out";
		// the bound itself not evaluated yet: nothing is known to fail beyond the start
		if (e.failing().isEmpty()) return beyond + " " + fmt(e.passes()) + ": not searched (" + why + " before the " + which + " bound "
				+ fmt(e.fails()) + " was evaluated)";
		return beyond + " " + fmt(e.passes()) + " (at " + fmt(e.fails()) + ") fails: " + String.join("; ", e.failing())
				+ (e.resolved() ? "" : " (not resolved: " + why + "; the crossing lies between the two)");
	}

	private static String fmt(double v) {
		return String.format(Locale.ROOT, "%.4g", v);
	}
}

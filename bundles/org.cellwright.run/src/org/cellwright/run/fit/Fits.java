package org.cellwright.run.fit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cellwright.fit.FitOptions;
import org.cellwright.fit.FitResult;
import org.cellwright.lang.text.Printable;
import org.cellwright.model.Element;
import org.cellwright.model.Fit;
import org.cellwright.model.Model;
import org.cellwright.run.Cancel;
import org.cellwright.run.CellFiles;
import org.cellwright.run.RunExecutor;
import org.cellwright.run.store.RunStore;
import org.cellwright.run.store.Slot;

/**
 * The one way a fit is run, for the command line ({@code ./cellwright fit}) and the IDE (Run &gt; Fit Parameters): the
 * fit resolved ({@link FitRunner#plan}), a slot in the {@link RunStore} ({@code <fit>/<id>/}), the search
 * ({@link FitRunner#run}, on an engine when one is given), {@code fit.json} and {@code fitted.cell} ({@link FitReport}),
 * then each target simulated at the start values ({@value FitReport#BEFORE}/) and at the fitted values
 * ({@value FitReport#AFTER}/), and last the caller's {@link Listener#finishing} (its report.html) before the slot is moved
 * into place. The callers only say how to show progress and results.
 */
public final class Fits {
	private Fits() {}

	/** A fit kept in the run store: its plan, result, duration [s] and folder (in place). */
	public record Stored(FitRunner.Plan plan, FitResult result, double seconds, Path folder) {}

	/** Hooks of the caller. */
	public interface Listener {
		/** The fit is resolved and about to start with these options. */
		default void starting(FitRunner.Plan plan, FitOptions options) {}

		/** An evaluation ended (on the fit's threads); {@code p} in the estimates' units. */
		default void evaluation(FitRunner.Plan plan, int n, double cost, double[] p) {}

		/** The search ended; fit.json and fitted.cell are written, the before/after simulations follow. */
		default void fitted(FitRunner.Plan plan, FitResult r, double seconds) {}

		/** The targets are being simulated at the "start values" or the "fitted values". */
		default void simulating(String what) {}

		/** In the fit's folder being written, after fit.json, fitted.cell, before/ and after/: e.g. its report.html. */
		default void finishing(Path writing) {}

		/**
		 * Runs of the fit that a process stopped without ending (killed) had left hidden, moved into place as this one
		 * began ({@link Slot#leftovers}), in the one line {@link org.cellwright.run.Pipeline#tookOver} makes: a note.
		 */
		default void tookOver(String message) {}
	}

	/**
	 * The fits of the .cell file {@code cellFile} itself (not those of its siblings), every one or the one named
	 * {@code only}; none is an IllegalArgumentException saying so ("no fit in this file").
	 */
	public static List<Fit> of(CellFiles loaded, Path cellFile, String only) {
		Path file = cellFile.toAbsolutePath().normalize();
		List<Fit> fits = new ArrayList<>();
		for (Model m : loaded.models()) {
			if (m.eResource() == null || !m.eResource().getURI().isFile()
					|| !Path.of(m.eResource().getURI().toFileString()).toAbsolutePath().normalize().equals(file))
				continue;
			for (Element e : m.getElements())
				if (e instanceof Fit f && (only == null || only.equals(f.getName()))) fits.add(f);
		}
		if (fits.isEmpty())
			throw new IllegalArgumentException(only == null ? "no fit in this file" : "no fit named " + Printable.quoted(only));
		return fits;
	}


	/**
	 * A fit's 'method' (or --method): lm (Levenberg-Marquardt), bobyqa or bracket (one value's interval over which every
	 * expectation holds); null is the default; another an IllegalArgumentException.
	 */
	public static FitOptions.Method method(String m) {
		if (m == null) return FitOptions.defaults().method();
		String name = m.toLowerCase(Locale.ROOT);
		if (name.equals(org.cellwright.lang.validation.FitValidator.BRACKET)) return FitOptions.Method.BRACKET;
		return switch (name) {
			case "lm", "levenberg-marquardt", "levenberg_marquardt" -> FitOptions.Method.LEVENBERG_MARQUARDT;
			case "bobyqa" -> FitOptions.Method.BOBYQA;
			default -> throw new IllegalArgumentException("unknown fit method " + Printable.quoted(m) + ": lm, bobyqa or bracket");
		};
	}

	/** A fit that could not start: its slot in the run store is held by another writer, or its name names no folder. */
	public static final class NotRunException extends RuntimeException {
		private static final long serialVersionUID = 1L;

		NotRunException(String message, Throwable cause) {
			super(message, cause);
		}
	}

	/**
	 * Runs a fit of {@code cellFile} and keeps it in {@code store}. The method comes from {@code method} (e.g. the
	 * command line's), else the fit's own; the options' listener is the {@code listener}'s; {@code engine} (null: this
	 * computer) runs the evaluations' simulations and is not closed here.
	 *
	 * A fit cancelled during its search after it found something (the best values so far, a bracket's ends so far) is
	 * kept as found: fit.json with status {@link FitResult.Status#CANCELLED}, fitted.cell and the caller's report, without
	 * the before/after simulations (the cancel would stop them at once); the result says {@code CANCELLED}.
	 *
	 * @throws org.cellwright.run.InputException the fit cannot be resolved (at its line): nothing ran
	 * @throws NotRunException its run store slot cannot be had: nothing ran
	 * @throws IllegalArgumentException an unknown method: nothing ran
	 * @throws org.cellwright.fit.FitCancelledException cancelled before the search found anything: nothing is kept (the
	 *             slot would be empty), as for any other failure of the search (a bracket whose start fails); cancelled
	 *             while the targets are simulated before and after, the fit is kept with them as far as they got
	 */
	public static Stored run(Fit f, Path cellFile, RunStore store, String method, FitOptions options, RunExecutor engine, Cancel cancel,
			Listener listener) throws Exception {
		FitRunner.Plan plan = FitRunner.plan(f);
		FitOptions o = options.withMethod(method(method != null ? method : f.getMethod()));
		if (engine != null) o = o.withParallelism(Math.max(o.parallelism(), engine.parallelism()));
		o = o.withListener((n, cost, p) -> listener.evaluation(plan, n, cost, p));
		listener.starting(plan, o);
		Instant started = Instant.now();
		Slot slot;
		try {
			slot = store.begin(f.getName(), started, hash(f.getName() + plan.estimates() + cellFile));
		} catch (RuntimeException e) {
			throw new NotRunException(e.getMessage(), e);
		}
		try (slot) {
			if (!slot.leftovers().isEmpty()) listener.tookOver(org.cellwright.run.Pipeline.tookOver(slot.leftovers()));
			FitRunner runner = new FitRunner(slot.writing().resolve(".scratch"), cancel).on(engine);
			FitResult r;
			try {
				r = runner.run(plan, o);
			} catch (Exception e) {
				// nothing found yet (cancelled; a failed search, e.g. a bracket whose start fails): no empty fit folder,
				// latest left on the last fit (it was moved to an empty one)
				slot.discard();
				throw e;
			}
			double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
			FitReport.write(slot.writing(), cellFile, plan, r, seconds, runner.meshes(plan));
			listener.fitted(plan, r, seconds);
			if (r.status() == FitResult.Status.CANCELLED) {
				// what the search found is kept; the targets before and after would be stopped by the same cancel
				listener.finishing(slot.writing());
				slot.commit();
				return new Stored(plan, r, seconds, slot.folder());
			}
			double[] start = plan.estimates().stream().mapToDouble(e -> e.parameter().initial()).toArray();
			listener.simulating("start values");
			runner.keep(plan, start, slot.writing().resolve(FitReport.BEFORE));
			listener.simulating("fitted values");
			runner.keep(plan, r.values(), slot.writing().resolve(FitReport.AFTER));
			listener.finishing(slot.writing());
			slot.commit();
			return new Stored(plan, r, seconds, slot.folder());
		}
	}

	/** Parameter values p as "target = value unit, ..." (progress lines). */
	public static String values(FitRunner.Plan plan, double[] p) {
		return String.join(", ", values(plan.estimates().stream().map(FitRunner.Estimate::target).toList(), plan, p, "%.5g"));
	}

	/**
	 * An evaluation's line as the command line prints it and the IDE's console keeps it: "evaluation 12: cost 0.00321
	 * NCM811.exchange-current-density = 0.09 mA/cm2, ...", every estimate by its whole name; a bracket's "evaluation 5:
	 * 13 expectations fail  Li6PS5Cl.penetration-stress = 179 MPa" ({@link #outcome}).
	 */
	public static String evaluationLine(FitOptions.Method method, FitRunner.Plan plan, int n, double cost, double[] p) {
		return String.format(Locale.ROOT, "evaluation %d: %s  %s", n, outcome(method, cost, 6), values(plan, p));
	}

	/**
	 * What an evaluation found, as its lines say it: a least-squares fit's cost to {@code digits} significant digits,
	 * "cost 0.00321"; a bracket's count of failing expectations (the number {@link org.cellwright.fit.Bracketing} hears
	 * as the cost), "13 expectations fail", "1 expectation fails", "every expectation holds" (session 29: the console
	 * and the IDE's progress said "cost 13.0000" of a bracket).
	 */
	public static String outcome(FitOptions.Method method, double cost, int digits) {
		if (method != FitOptions.Method.BRACKET) return String.format(Locale.ROOT, "cost %." + digits + "g", cost);
		long failing = Math.round(cost);
		return failing == 0 ? "every expectation holds" : failing == 1 ? "1 expectation fails" : failing + " expectations fail";
	}

	/**
	 * The values of p short, one entry per estimate, for a line that must stay short (the IDE's progress): each estimate by its property
	 * alone where no other estimate of the fit has that property ("exchange-current-density = 0.09 mA/cm2"; two
	 * materials' of the same name keep their whole names), three digits.
	 */
	public static List<String> shortValues(FitRunner.Plan plan, double[] p) {
		List<String> targets = plan.estimates().stream().map(FitRunner.Estimate::target).toList();
		List<String> names = new ArrayList<>();
		for (String t : targets) {
			String property = t.substring(t.lastIndexOf('.') + 1);
			boolean unique = targets.stream().filter(o -> o.substring(o.lastIndexOf('.') + 1).equals(property)).count() == 1;
			names.add(unique ? property : t);
		}
		return values(names, plan, p, "%.3g");
	}

	private static List<String> values(List<String> names, FitRunner.Plan plan, double[] p, String format) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < p.length; i++) {
			FitRunner.Estimate e = plan.estimates().get(i);
			out.add(names.get(i) + " = " + String.format(Locale.ROOT, format, p[i]) + (e.unit().isEmpty() ? "" : " " + e.unit()));
		}
		return out;
	}

	private static String hash(String s) {
		return org.cellwright.run.RunWriter.sha256(s.getBytes(StandardCharsets.UTF_8));
	}
}

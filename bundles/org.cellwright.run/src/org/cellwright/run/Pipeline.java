package org.cellwright.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.cellwright.run.fit.MeasuredComparison;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.store.Changes;
import org.cellwright.run.store.RunIndex;
import org.cellwright.run.store.RunStore;
import org.cellwright.run.store.RunStoreException;
import org.cellwright.run.store.Slot;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.ResolvedInputs;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The one way runs are made, for the command line and the IDE: groups ({@link Plans}) in, run folders in the
 * {@link RunStore} out. Units run on the {@link RunExecutor}; their checks, reports ({@link Listener#finishing}) and the
 * run store's bookkeeping (move into place, {@code latest}, index with the change against the previous run, a sweep's
 * table) happen on the caller's thread, in order.
 */
public final class Pipeline {

	/** Hooks of the caller: progress per unit, what to add to a run folder before it is moved into place, what to show. */
	public interface Listener {
		/** The progress of a unit (called on the executor's threads). */
		default ProgressListener progress(RunUnit unit) {
			return ProgressListener.NONE;
		}

		/** A unit's solver ended (called on the executor's thread). */
		default void unitDone(RunUnit unit) {}

		/** In the run folder being written, after summary.json and checks.json: e.g. its HTML report. */
		default void finishing(Path writing) {}

		/**
		 * The files {@link #finishing} writes into each run folder (the command line's and the IDE's, RunReport.Writing: {@value RunFiles#REPORT}),
		 * recorded in the run as it begins ({@value RunFiles#WRITES}) so that a run killed before they are written is said
		 * to lack them (RunIndex.recovered); none by default.
		 */
		default List<String> finishes() {
			return List.of();
		}

		/** A unit ended and its folder is in place (on the caller's thread, in order). */
		default void ended(Result result) {}

		/** A group that cannot be written (its folder is held by another writer, ...): nothing of it ran. */
		default void refused(RunGroup group, String message) {}

		/** A group's run is in place (after its units ended); {@code folder} is the run (a sweep's: the folder of its runs). */
		default void groupEnded(RunGroup group, Path folder) {}

		/**
		 * What of a group's run could not be written after its solver ended (a full disk: its checks, its sweep table,
		 * {@code latest}, its row in runs.csv), in one line naming the run's folder; said before {@link #ended}. The
		 * run's folder is kept and its other runs go on; a run runs.csv does not list is read from its folder
		 * ({@link RunIndex#rows}).
		 */
		default void notKept(RunGroup group, String message) {}

		/**
		 * Runs of the group that a writer stopped without ending (killed) had left hidden ({@code .<run id>.partial}),
		 * moved into place as this group's run began ({@link org.cellwright.run.store.Slot#leftovers}), in one line
		 * naming them; said before the group's units run. Nothing failed: a note.
		 */
		default void tookOver(RunGroup group, String message) {}
	}

	/** The line {@link Listener#tookOver} (and a fit's {@code Fits.Listener#tookOver}) says: the leftover run folders, now in place. */
	public static String tookOver(List<Path> folders) {
		return (folders.size() == 1 ? "a run" : folders.size() + " runs") + " left hidden by a process stopped before it ended (killed)"
				+ " moved into place, listed from " + (folders.size() == 1 ? "its folder: " : "their folders: ")
				+ String.join(", ", folders.stream().map(Path::toString).toList());
	}

	/** A unit's run: where it is now and what changed against the previous run of the same name. */
	public record Result(RunGroup group, RunWriter.Outcome outcome, String runId, Path folder, String change) {
		public RunUnit unit() {
			return outcome.unit();
		}
	}

	/** How long a JVM asked to stop waits for its runs to be written as partial and moved into place [s]. */
	public static final int SHUTDOWN_WAIT_S = 30;

	private final RunStore store;
	private final RunExecutor executor;
	private final Cancel cancel;
	private boolean stopOnShutdown;

	public Pipeline(RunStore store, RunExecutor executor, Cancel cancel) {
		this.store = store;
		this.executor = executor;
		this.cancel = cancel;
	}

	/**
	 * While {@link #run} runs, a JVM asked to stop (SIGINT, SIGTERM) cancels the runs and waits until they are written
	 * (partial, with everything up to then) and moved into place, at most {@value #SHUTDOWN_WAIT_S} s.
	 */
	public Pipeline stopOnShutdown() {
		stopOnShutdown = true;
		return this;
	}

	public RunStore store() { return store; }

	/** The reason written into the summaries of runs stopped by SIGINT or SIGTERM. */
	public static final String INTERRUPTED = "interrupted: the process was asked to stop (SIGINT or SIGTERM)";

	private volatile CountDownLatch running = new CountDownLatch(0);

	/**
	 * What the JVM's shutdown hook does: asks the runs to stop, then waits until they are written (partial) and moved
	 * into place, at most {@value #SHUTDOWN_WAIT_S} s.
	 */
	public Runnable shutdownAction() {
		return () -> {
			cancel.request(INTERRUPTED);
			try {
				running.await(SHUTDOWN_WAIT_S, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		};
	}

	private record Pending(RunGroup group, Slot slot, List<Future<RunWriter.Outcome>> futures) {}

	/**
	 * The measurements of the experiments of one {@link #run}, each read once however many runs (a sweep's) compare with
	 * it: by the experiment's measured clause, or by the record of an inputs.json re-run.
	 */
	private final Map<Object, MeasuredComparison.Measurement> measurements = new java.util.IdentityHashMap<>();

	/** The measured clause a unit's run is compared with: its experiment's, or the one its inputs.json records; null for none. */
	private static MeasuredComparison.Clause clause(RunUnit u) {
		if (u.experiment() != null) return u.experiment().getMeasured() == null ? null : MeasuredComparison.Clause.of(u.experiment().getMeasured());
		ResolvedInputs.Measured r = u.inputs() == null ? null : u.inputs().measured();
		return r == null ? null : MeasuredComparison.Clause.of(r, u.provenance().sourceFile());
	}

	/** The measurement of a unit with a measured clause, read once per {@link #run} (on the caller's thread: the model is read). */
	private MeasuredComparison.Measurement measurement(RunUnit u, MeasuredComparison.Clause clause) {
		if (u.experiment() != null) return measurements.computeIfAbsent(u.experiment().getMeasured(), k -> MeasuredComparison.Measurement.of(u.experiment().getMeasured()));
		return measurements.computeIfAbsent(u.inputs().measured(), k -> MeasuredComparison.Measurement.of(u.inputs().measured(), clause));
	}

	/**
	 * The unit as its run records it: a solid-state run compared with a measurement keeps the copy of it in its folder
	 * (written now, before the run) and names it with its hash in its inputs.json, so that a re-run from there compares
	 * with the same data (before, inputs.json recorded no measurement: a re-run compared with none, loop21).
	 */
	private RunUnit recorded(RunUnit u, Path writing) {
		MeasuredComparison.Clause clause = u.inputs() == null ? null : clause(u);
		if (clause == null) return u;
		return u.withInputs(u.inputs().withMeasured(MeasuredComparison.record(clause, measurement(u, clause), writing)));
	}

	/** Runs the runnable groups (the others are skipped: their problems are the caller's to print). */
	public List<Result> run(List<RunGroup> groups, Listener l) {
		CountDownLatch done = new CountDownLatch(1);
		running = done;
		Thread hook = null;
		if (stopOnShutdown) {
			hook = new Thread(shutdownAction(), "cellwright-runs-shutdown");
			Runtime.getRuntime().addShutdownHook(hook);
		}
		List<Result> results = new ArrayList<>();
		try {
			List<Pending> pending = new ArrayList<>();
			for (RunGroup g : groups) {
				if (!g.runnable()) continue;
				Slot slot;
				try {
					slot = store.begin(g.name(), Instant.now(), groupHash(g));
				} catch (RunStoreException | IllegalArgumentException e) {
					l.refused(g, e.getMessage());
					continue;
				}
				if (!slot.leftovers().isEmpty()) l.tookOver(g, tookOver(slot.leftovers()));
				writes(slot.writing(), l.finishes());
				List<Future<RunWriter.Outcome>> fs = new ArrayList<>();
				for (RunUnit u : g.units()) {
					Path writing = writing(slot, u);
					ProgressListener p = l.progress(u);
					// the listener hears of the unit as planned; the run records it with its measurement
					fs.add(executor.run(recorded(u, writing), slot.id(), writing, p, cancel, () -> l.unitDone(u)));
				}
				pending.add(new Pending(g, slot, fs));
			}
			for (Pending p : pending) results.addAll(collect(p, l));
		} finally {
			measurements.clear(); // a later run reads the files again: they may have changed
			done.countDown();
			if (hook != null) {
				try {
					Runtime.getRuntime().removeShutdownHook(hook);
				} catch (IllegalStateException e) {
					// the JVM is stopping: the hook is running and now returns
				}
			}
		}
		return results;
	}

	private List<Result> collect(Pending p, Listener l) {
		List<Result> out = new ArrayList<>();
		RunIndex index = store.index();
		Slot slot = p.slot();
		// what could not be written (a full disk): said in one line; the run is kept all the same (input25: a full disk
		// while a run was collected left it out of runs.csv, and the groups after it hidden in their .partial folders)
		List<String> notKept = new ArrayList<>();
		try {
			for (int i = 0; i < p.futures().size(); i++) {
				RunUnit u = p.group().units().get(i);
				Path writing = writing(slot, u);
				Path folder = u.variant() == null ? slot.folder() : slot.folder(u.variant());
				RunWriter.Outcome o = outcome(p.futures().get(i), u, writing);
				try {
					MeasuredComparison.Clause clause = clause(u);
					if (clause != null && o.error() == null) MeasuredComparison.write(writing, clause, measurement(u, clause), u.area());
				} catch (java.io.UncheckedIOException e) {
					notKept.add("no " + RunFiles.MEASURED_COMPARISON + (u.variant() == null ? "" : " of " + u.variant()) + ": " + why(e));
				}
				try {
					// the experiment's expect clauses, or those an inputs.json records (a re-run checks as its run did)
					if (u.checked() && !"CANCELLED".equals(o.status()) && o.error() == null) o = o.withChecks(Checks.evaluate(u, o.summary().json(), writing));
					Checks.write(writing, u.name(), o.checks());
				} catch (java.io.UncheckedIOException e) {
					notKept.add("no " + RunFiles.CHECKS + (u.variant() == null ? "" : " of " + u.variant()) + ": " + why(e));
				}
				l.finishing(writing);
				out.add(new Result(p.group(), o, slot.id(), folder, null)); // its change: below, once the run is in place
			}
			if (p.group().sweep()) {
				try {
					SweepTable.write(slot.writing().resolve(RunFiles.SWEEP_TABLE), out);
					executor.sweepTableWritten(slot.writing().resolve(RunFiles.SWEEP_TABLE));
				} catch (java.io.UncheckedIOException e) {
					notKept.add("no " + RunFiles.SWEEP_TABLE + ": " + why(e));
				}
			}
		} finally {
			try {
				slot.commit();
			} catch (RunStoreException e) {
				String written = slot.folder() + " is written, but ", m = e.getMessage();
				notKept.add(m.startsWith(written) ? m.substring(written.length()) : m);
			}
		}
		boolean inPlace = Files.isDirectory(slot.folder());
		// what changed against the previous runs: the index read once for all units of the group, under its lock with the
		// rows appended (pipe27: read once per unit, a sweep of N variants read it N times while collected)
		String[] changes = new String[out.size()];
		if (inPlace) {
			try {
				index.append(slot.group(), slot.id(), before -> {
					List<RunIndex.Row> rows = new ArrayList<>();
					for (int i = 0; i < out.size(); i++) {
						Result r = out.get(i);
						changes[i] = change(before, r.unit(), r.folder());
						rows.add(row(slot, r.unit(), r.outcome(), changes[i]));
					}
					return rows;
				});
			} catch (RunStoreException e) {
				notKept.add(RunFiles.INDEX + " does not list it yet (" + e.getMessage() + "): it is read from its folder, and the next run"
						+ " that can writes it in");
			}
		}
		if (java.util.Arrays.asList(changes).contains(null)) { // not in place, or the index not read under its lock
			List<RunIndex.Row> before = null;
			try {
				before = RunIndex.without(index.rows(), slot.group(), slot.id());
			} catch (RunStoreException e) {
				// the index cannot be read: no change said
			}
			for (int i = 0; i < out.size(); i++) {
				Result r = out.get(i);
				if (changes[i] == null) changes[i] = before == null ? "" : change(before, r.unit(), inPlace ? r.folder() : writing(slot, r.unit()));
			}
		}
		for (int i = 0; i < out.size(); i++) {
			Result r = out.get(i);
			out.set(i, new Result(r.group(), r.outcome(), r.runId(), r.folder(), changes[i]));
		}
		if (!notKept.isEmpty()) l.notKept(p.group(), (inPlace ? slot.folder() + " is written, but " : "") + String.join("; ", notKept));
		if (!inPlace) return out; // still in its hidden folder, which the line names
		for (Result r : out) l.ended(r);
		l.groupEnded(p.group(), p.slot().folder());
		return out;
	}

	/**
	 * Records in the run being written ({@code run}: a single run's folder, a sweep's folder of runs) the files its
	 * listener writes after checks.json ({@link Listener#finishes}), before anything else of it; nothing for none. Not
	 * written (a full disk): the run goes on, and a recovered run's missing files are read from its folder as before.
	 */
	private static void writes(Path run, List<String> files) {
		if (files.isEmpty()) return;
		try {
			org.cellwright.run.store.Atomic.writeString(run.resolve(RunFiles.WRITES), String.join("\n", files) + "\n");
		} catch (java.io.UncheckedIOException e) {
			// the run's own files say what it wrote; its reports are then looked for as before (RunIndex.recovered)
		}
	}

	/** Why a file could not be written: the file system's words (the file and the reason), without the exception's class. */
	private static String why(java.io.UncheckedIOException e) {
		Throwable c = e.getCause();
		return c != null && c.getMessage() != null && String.valueOf(e.getMessage()).equals(c.toString()) ? c.getMessage() : e.getMessage();
	}

	/** The outcome of a unit; an exception outside the solver (e.g. a disk error) becomes a FAILED run with what it wrote. */
	private RunWriter.Outcome outcome(Future<RunWriter.Outcome> f, RunUnit u, Path writing) {
		try {
			return f.get();
		} catch (ExecutionException e) {
			return failed(u, writing, e.getCause());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			cancel.request("cancelled");
			return failed(u, writing, e);
		}
	}

	private static RunWriter.Outcome failed(RunUnit u, Path writing, Throwable t) {
		JsonObject part = new JsonObject();
		com.google.gson.JsonArray m = new com.google.gson.JsonArray();
		m.add("FAILED: " + t);
		part.add("messages", m);
		var s = org.cellwright.run.folder.Summary.of(part, "FAILED", null,
				new org.cellwright.run.folder.Summary.Run(null, u.name(), u.provenance().experiment(), true, "failed: " + t,
						null, Instant.now().toString(), Double.NaN, InputsJson.cellwrightVersion(), u.hash(),
						u.sourceFile(), u.provenance().sourceLine()));
		try {
			Files.createDirectories(writing);
			s.write(writing);
		} catch (IOException | RuntimeException e) {
			// the folder is unwritable: the index still lists the run as FAILED
		}
		return new RunWriter.Outcome(u, "FAILED", s, List.of(), 0, t);
	}

	/**
	 * What changed against the previous run of the same name among the rows {@code earlier} (from the resolved inputs;
	 * this one's in its folder {@code run}, in place or still being written), "first run" without one.
	 */
	private String change(List<RunIndex.Row> earlier, RunUnit u, Path run) {
		RunIndex.Row prev = RunIndex.previous(earlier, u.name());
		if (prev == null) return "first run";
		// a liquid-electrolyte run's resolved inputs are its dfn-inputs.json
		String file = u.dfn() != null ? org.cellwright.run.dfn.DfnInputs.FILE_NAME : RunFiles.INPUTS;
		Path prevInputs = store.root().resolve(prev.folder()).resolve(file).normalize();
		if (!prevInputs.startsWith(store.root()) || !Files.isRegularFile(prevInputs)) return "previous run " + prev.id() + " has no " + file;
		JsonObject before, after;
		try {
			before = JsonParser.parseString(Files.readString(prevInputs, StandardCharsets.UTF_8)).getAsJsonObject();
		} catch (IOException | RuntimeException e) {
			return "previous run " + prev.id() + ": " + file + " unreadable";
		}
		try {
			after = u.dfn() != null ? JsonParser.parseString(Files.readString(run.resolve(file), StandardCharsets.UTF_8)).getAsJsonObject()
					: InputsJson.toJson(u.inputs());
		} catch (IOException | RuntimeException e) {
			return u.dfn() != null && !Files.isRegularFile(run.resolve(file)) ? "" // a run that wrote none (it failed at its start)
					: "this run's " + file + " unreadable";
		}
		try {
			String text = Changes.text(u.dfn() != null ? Changes.betweenDfn(before, after) : Changes.between(before, after));
			return text.isEmpty() ? "no change" : text;
		} catch (RuntimeException e) { // the comparison's own failure, said as such (it read "unreadable": session 24)
			return "not compared with previous run " + prev.id() + ": " + e;
		}
	}

	/** Where a unit's run is written before it is moved into place. */
	private static Path writing(Slot slot, RunUnit u) {
		return u.variant() == null ? slot.writing() : slot.writing(u.variant());
	}

	private RunIndex.Row row(Slot slot, RunUnit u, RunWriter.Outcome o, String change) {
		String rel = store.root().relativize(u.variant() == null ? slot.folder() : slot.folder(u.variant())).toString().replace('\\', '/');
		return RunIndex.Row.of(slot.id(), slot.group(), u.name(), o.status(), o.summary(), rel, change, Instant.now());
	}

	/** A group's inputs hash: its one unit's, or of all its units' together. */
	static String groupHash(RunGroup g) {
		if (g.units().size() == 1) return g.units().get(0).hash();
		Map<String, String> all = new LinkedHashMap<>();
		for (RunUnit u : g.units()) all.put(u.name(), u.hash());
		return RunWriter.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
	}
}

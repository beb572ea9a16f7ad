package org.cellwright.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import org.cellwright.lang.expectations.Metric;
import org.cellwright.run.dfn.DfnInputs;
import org.cellwright.run.dfn.DfnRunner;
import org.cellwright.run.folder.SourceRecord;
import org.cellwright.run.folder.Summary;
import org.cellwright.solver.CycleSummary;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.ResultSink;
import org.cellwright.solver.RunInfo;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.SimulationEvent;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.ResolvedInputs;
import org.cellwright.solver.output.CsvResultWriter;
import org.cellwright.solver.output.MechanismMapWriter;
import org.cellwright.solver.output.SummaryJsonWriter;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Runs one unit into a folder: inputs.json (before solving), then timeseries.csv and cycles.csv streamed, the
 * mechanism map, and summary.json once at the end, complete, however the run ended (completed, short circuit, not
 * converged, cancelled or interrupted, failed): a run that did not complete is marked partial, with the reason. A full
 * cell's run on the mesh the solver chose whose capacity that mesh may miss beyond the target is run again on the finer
 * mesh its warning names, whose result becomes the run's, the first kept beside it ({@link MeshRerun}, session 38), and
 * where the error measured from the two is still beyond the target, once more on the block that warning names (session
 * 40): the one place this happens, for the command line, the IDE, sweeps, fits and Spark workers alike.
 */
public final class RunWriter {
	private RunWriter() {}

	/** Strain rate [1/s] at which the deformation-mechanism map is drawn (Li deposits deforming in seconds). */
	public static final double MAP_STRAIN_RATE = 1e-2;

	/** What a unit left. {@code error} is set when the run failed with an exception (then status FAILED). */
	public record Outcome(RunUnit unit, String status, Summary summary, List<Checks.Check> checks, double seconds, Throwable error) {
		/** The same with the checks of its expect clauses. */
		public Outcome withChecks(List<Checks.Check> c) {
			return new Outcome(unit, status, summary, c, seconds, error);
		}

		public boolean finished() {
			return "COMPLETED".equals(status) || "SHORT_CIRCUIT".equals(status);
		}

		/**
		 * True when a passing {@code expect status} clause names how the run ended ({@code expect status = short-circuit}
		 * of a run that shorted): the end the experiment expects, PASS in the command line's comparison table, an info in
		 * the IDE's job (not a warning, as a short circuit nobody expected is).
		 */
		public boolean endedAsExpected() {
			return checks != null && checks.stream().anyMatch(c -> c.pass() && Metric.STATUS.dslName().equals(c.metric()));
		}
	}

	/**
	 * SHA-256 of the resolved inputs without their provenance and record of checks and measurement (the same inputs give
	 * the same hash, as before those were kept), in hex. Who chose the mesh is in it where the mesh does not say it
	 * ({@code solver_settings.mesh_from_protocol}, {@link InputsJson#MESH_FROM_PROTOCOL}): a run on the mesh the solver chose
	 * may be re-run on a finer one ({@link MeshRerun}), one on the same mesh set in its solver block is not (session 39).
	 */
	public static String hash(ResolvedInputs in) {
		JsonObject j = InputsJson.solverJson(in); // the record of checks and measurement is not what the solver takes
		return sha256(j.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** SHA-256 of bytes, in hex (inputs' hashes, a kept measurement's). */
	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * A DFN run's inputs (mapped values and provenance) as {@value DfnInputs#FILE_NAME}, before solving; the provenance
	 * names the unit's source relative to the run folder ({@link SourceRecord}).
	 */
	private static void writeDfnInputs(RunUnit unit, Path folder, Path recordedIn) {
		JsonObject j = unit.dfn().json();
		if (j.get("provenance") instanceof JsonObject p) {
			p.addProperty(DfnInputs.SOURCE_FILE, unit.sourceFile());
			SourceRecord.relativeTo(p, DfnInputs.SOURCE_FILE, recordedIn);
		}
		try {
			java.nio.file.Files.createDirectories(folder);
			java.nio.file.Files.writeString(folder.resolve(DfnInputs.FILE_NAME),
					new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(j), StandardCharsets.UTF_8);
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/**
	 * Runs the unit into {@code folder}.
	 *
	 * @param id the run's id in the store (written into the summary)
	 */
	public static Outcome write(RunUnit unit, String id, Path folder, ProgressListener progress, Cancel cancel) {
		return write(unit, id, folder, folder, progress, cancel);
	}

	/** The end of a cancelled run's interruption when it was cancelled before it started (its folder holds only its inputs). */
	public static final String NOT_STARTED = " before it started";

	/**
	 * Runs the unit into {@code folder}, its records naming its source relative to {@code recordedIn}, the folder its
	 * files will lie in (a Spark worker writes into a temporary folder of its own; the driver's run folder is recorded).
	 * A unit cancelled before its turn (Cancel, or its progress listener says it is cancelled) does not start the solver.
	 */
	public static Outcome write(RunUnit unit, String id, Path folder, Path recordedIn, ProgressListener progress, Cancel cancel) {
		ResolvedInputs in = unit.inputs();
		Instant started = Instant.now();
		if (unit.dfn() != null) writeDfnInputs(unit, folder, recordedIn);
		else SourceRecord.writeInputs(unit.inputsAsRecorded(), folder, recordedIn);
		ProgressListener listener = new ProgressListener() {
			@Override
			public void progress(double time, int stepIndex, int totalSteps, int cycle, int totalCycles) {
				progress.progress(time, stepIndex, totalSteps, cycle, totalCycles);
			}

			@Override
			public void stage(String what) {
				progress.stage(what);
			}

			@Override
			public boolean isCancelled() {
				return cancel.requested() || progress.isCancelled();
			}
		};
		// cancelled before this unit's turn came (a sweep's next member after Cancel): the solver is not started
		boolean notStarted = listener.isCancelled();
		Solved run = solve(unit, in == null ? null : in.settings(), folder, listener, notStarted);
		Summary.MechanismMap map = null;
		String noMap = null;
		if (in != null) try { // a DFN cell (liquid electrolyte) has no lithium-metal deposits to map
			double temperature = Simulation.initialTemperature(in.cell(), in.protocol()); // as the protocol sets it
			MechanismMapWriter.write(in.cell(), temperature, MAP_STRAIN_RATE, folder.resolve("mechanism-map.csv"));
			map = new Summary.MechanismMap(temperature, MAP_STRAIN_RATE, MechanismMapWriter.characteristicSize(in.cell()));
		} catch (RuntimeException e) {
			noMap = "no mechanism map: " + e.getMessage();
			run.part.getAsJsonArray("messages").add(noMap);
		}
		MeshRerun rerun = null;
		String interruption = null;
		if (MeshRerun.due(unit, run.status, run.error, run.mesh) && !listener.isCancelled()) {
			// the mesh the solver chose may miss the capacity target: the same inputs again on the finer mesh the warning
			// names, into a folder of its own until it has completed
			rerun = new MeshRerun(run.mesh, run.part, run.seconds);
			listener.stage(rerun.stage());
			Path fineFolder = folder.resolve(MeshRerun.FINE);
			Solved fine = solve(unit, rerun.fineSettings(in.settings()), fineFolder, listener, false);
			if (noMap != null) fine.part.getAsJsonArray("messages").add(noMap);
			rerun.fine(fine.status, fine.error, fine.part, fine.seconds);
			if (rerun.taken()) { // the fine run's files in the run folder, the coarse run's (with its summary) in their own
				rerun.swap(folder, fineFolder, summary(unit, id, run, map, started, Instant.now(), false, null, cancel), recordedIn);
				double seconds = run.seconds + fine.seconds;
				run = new Solved(fine.status, fine.error, rerun.recorded(fine.part), fine.mesh, seconds);
				if (rerun.onceMoreDue() && !listener.isCancelled()) {
					// measured from the two runs, the fine mesh still misses the target: once more on the block its warning
					// names (session 40; no fourth run), into a folder of its own until it has completed
					listener.stage(rerun.finestStage());
					Path finestFolder = folder.resolve(MeshRerun.FINEST);
					Solved finest = solve(unit, rerun.finestSettings(in.settings()), finestFolder, listener, false);
					if (noMap != null) finest.part.getAsJsonArray("messages").add(noMap);
					rerun.finest(finest.status, finest.error, finest.part, finest.seconds);
					seconds += finest.seconds;
					if (rerun.finestTaken()) { // the finest run's files in the run folder, the fine run's (with its summary) in fine-mesh/
						Solved kept = new Solved(fine.status, fine.error, rerun.fineKept(), fine.mesh, fine.seconds);
						rerun.swapFinest(folder, finestFolder, summary(unit, id, kept, map, started, Instant.now(), false, null, cancel), recordedIn);
						run = new Solved(finest.status, finest.error, rerun.recorded(finest.part), finest.mesh, seconds);
					} else { // cancelled, or it ended short: the fine run's result stands, said so; the finest run's files kept beside it
						summary(unit, id, finest, map, started, Instant.now(), false, null, cancel).write(finestFolder, recordedIn.resolve(MeshRerun.FINEST));
						boolean cancelled = "CANCELLED".equals(finest.status);
						if (cancelled) interruption = rerun.interruption(cancel.reason() != null ? cancel.reason() : "cancelled");
						run = new Solved(cancelled ? finest.status : fine.status, fine.error, rerun.recorded(fine.part), fine.mesh, seconds);
					}
				}
			} else { // cancelled, or it ended short: the coarse run's result stands, said so; the fine run's files kept beside it
				summary(unit, id, fine, map, started, Instant.now(), false, null, cancel).write(fineFolder, recordedIn.resolve(MeshRerun.FINE));
				boolean cancelled = "CANCELLED".equals(fine.status);
				if (cancelled) interruption = rerun.interruption(cancel.reason() != null ? cancel.reason() : "cancelled");
				run = new Solved(cancelled ? fine.status : run.status, run.error, rerun.recorded(run.part), run.mesh, run.seconds + fine.seconds);
			}
		}
		Instant ended = Instant.now();
		Summary summary = summary(unit, id, run, map, started, ended, notStarted, interruption, cancel);
		summary.write(folder, recordedIn);
		return new Outcome(unit, run.status, summary, List.of(), Duration.between(started, ended).toNanos() / 1e9, run.error);
	}

	/** What one solver run left: its status, its error (FAILED), summary.json's solver part, its mesh estimate, its time [s]. */
	private record Solved(String status, Throwable error, JsonObject part, Simulation.MeshEstimate mesh, double seconds) {}

	/** Runs the unit's solver on {@code settings} into {@code folder} (timeseries.csv, cycles.csv streamed). */
	private static Solved solve(RunUnit unit, org.cellwright.solver.input.SolverSettings settings, Path folder, ProgressListener listener,
			boolean notStarted) {
		long t0 = System.nanoTime();
		ResolvedInputs in = unit.inputs();
		SummaryJsonWriter solverSummary = new SummaryJsonWriter();
		boolean[] finished = { false };
		ResultSink summarySink = new ResultSink() { // remembers whether the solver ended the run itself
			@Override public void start(RunInfo info) { solverSummary.start(info); }
			@Override public void sample(Sample s) { solverSummary.sample(s); }
			@Override public void timeStep(Sample s) { solverSummary.timeStep(s); }
			@Override public void cycle(CycleSummary c) { solverSummary.cycle(c); }
			@Override public void event(SimulationEvent e) { solverSummary.event(e); }
			@Override public void finish(RunStatus st) {
				finished[0] = true;
				solverSummary.finish(st);
			}
		};
		String status;
		Throwable error = null;
		Simulation sim = new Simulation();
		CsvResultWriter csv = new CsvResultWriter(folder);
		try {
			ResultSink sinks = ResultSink.tee(csv, summarySink);
			status = notStarted ? RunStatus.CANCELLED.name() : (unit.dfn() != null ? DfnRunner.run(unit.dfn(), sinks, listener)
					: sim.run(in.cell(), in.protocol(), settings, sinks, listener)).name();
		} catch (RuntimeException | Error e) {
			status = "FAILED";
			error = e;
		} finally {
			csv.close();
		}
		if (!finished[0]) solverSummary.finish(RunStatus.CANCELLED); // assembles what the solver gave until the failure
		JsonObject part = solverSummary.json();
		if (!part.has("messages")) part.add("messages", new JsonArray());
		if (error != null) part.getAsJsonArray("messages").add("FAILED: " + error);
		return new Solved(status, error, part, error == null ? sim.meshEstimate() : null, (System.nanoTime() - t0) / 1e9);
	}

	/**
	 * The run's summary: a run that did not complete is marked partial, with the reason ({@code interruption}: given, or
	 * the cancel's or the failure's).
	 */
	private static Summary summary(RunUnit unit, String id, Solved run, Summary.MechanismMap map, Instant started, Instant ended,
			boolean notStarted, String interruption, Cancel cancel) {
		boolean partial = !("COMPLETED".equals(run.status) || "SHORT_CIRCUIT".equals(run.status));
		if (interruption == null)
			interruption = "CANCELLED".equals(run.status) ? (cancel.reason() != null ? cancel.reason() : "cancelled")
					+ (notStarted ? NOT_STARTED : "") : run.error != null ? "failed: " + run.error : null;
		return Summary.of(run.part, run.status, map,
				new Summary.Run(id, unit.name(), unit.provenance().experiment(), partial, interruption,
						started.truncatedTo(ChronoUnit.SECONDS).toString(), ended.truncatedTo(ChronoUnit.SECONDS).toString(),
						Duration.between(started, ended).toMillis() / 1000.0, InputsJson.cellwrightVersion(), unit.hash(),
						unit.sourceFile(), unit.provenance().sourceLine()));
	}
}

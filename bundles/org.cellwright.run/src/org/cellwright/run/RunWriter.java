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
 * converged, cancelled or interrupted, failed): a run that did not complete is marked partial, with the reason.
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
	 * the same hash, as before those were kept), in hex.
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
		ProgressListener listener = new ProgressListener() {
			@Override
			public void progress(double time, int stepIndex, int totalSteps, int cycle, int totalCycles) {
				progress.progress(time, stepIndex, totalSteps, cycle, totalCycles);
			}

			@Override
			public boolean isCancelled() {
				return cancel.requested() || progress.isCancelled();
			}
		};
		String status;
		Throwable error = null;
		// cancelled before this unit's turn came (a sweep's next member after Cancel): the solver is not started
		boolean notStarted = listener.isCancelled();
		CsvResultWriter csv = new CsvResultWriter(folder);
		try {
			ResultSink sinks = ResultSink.tee(csv, summarySink);
			status = notStarted ? RunStatus.CANCELLED.name() : (unit.dfn() != null ? DfnRunner.run(unit.dfn(), sinks, listener)
					: new Simulation().run(in.cell(), in.protocol(), in.settings(), sinks, listener)).name();
		} catch (RuntimeException | Error e) {
			status = "FAILED";
			error = e;
		} finally {
			csv.close();
		}
		if (!finished[0]) solverSummary.finish(RunStatus.CANCELLED); // assembles what the solver gave until the failure
		JsonObject part = solverSummary.json();
		if (error != null) {
			JsonArray msgs = part.has("messages") ? part.getAsJsonArray("messages") : new JsonArray();
			msgs.add("FAILED: " + error);
			part.add("messages", msgs);
		}
		Summary.MechanismMap map = null;
		if (in != null) try { // a DFN cell (liquid electrolyte) has no lithium-metal deposits to map
			double temperature = Simulation.initialTemperature(in.cell(), in.protocol()); // as the protocol sets it
			MechanismMapWriter.write(in.cell(), temperature, MAP_STRAIN_RATE, folder.resolve("mechanism-map.csv"));
			map = new Summary.MechanismMap(temperature, MAP_STRAIN_RATE, MechanismMapWriter.characteristicSize(in.cell()));
		} catch (RuntimeException e) {
			part.getAsJsonArray("messages").add("no mechanism map: " + e.getMessage());
		}
		boolean partial = !("COMPLETED".equals(status) || "SHORT_CIRCUIT".equals(status));
		String interruption = "CANCELLED".equals(status) ? (cancel.reason() != null ? cancel.reason() : "cancelled")
				+ (notStarted ? NOT_STARTED : "") : error != null ? "failed: " + error : null;
		Instant ended = Instant.now();
		Summary summary = Summary.of(part, status, map,
				new Summary.Run(id, unit.name(), unit.provenance().experiment(), partial, interruption,
						started.truncatedTo(ChronoUnit.SECONDS).toString(), ended.truncatedTo(ChronoUnit.SECONDS).toString(),
						Duration.between(started, ended).toMillis() / 1000.0, InputsJson.cellwrightVersion(), unit.hash(),
						unit.sourceFile(), unit.provenance().sourceLine()));
		summary.write(folder, recordedIn);
		return new Outcome(unit, status, summary, List.of(), Duration.between(started, ended).toNanos() / 1e9, error);
	}
}

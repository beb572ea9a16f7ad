package org.cellwright.run.folder;

import static org.cellwright.solver.output.SummaryKeys.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.run.store.Atomic;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * A run's {@code summary.json}, typed: the solver's part (cell, status, cycles, nucleation, short circuit, end time,
 * retention, messages; {@link org.cellwright.solver.output.SummaryJsonWriter}), the conditions of the mechanism map and
 * the run itself (id, name, partial or not and why, times, CellWright version, hash of the resolved inputs). Built
 * once when the run ends, in whatever way it ends, and written once ({@link #write}, atomically): never patched.
 * Members are named by {@link org.cellwright.solver.output.SummaryKeys}.
 */
public final class Summary {

	/**
	 * One cycle (capacities in mAh/cm2; NaN where the cycle has no value); {@code noEfficiency}: why it has no Coulombic
	 * efficiency as summary.json records it (SummaryJsonWriter.noEfficiency), null where it has one or none is recorded.
	 */
	public record Cycle(int index, double chargeMAhCm2, double dischargeMAhCm2, double coulombicEfficiency, double dischargeMAhG,
			org.cellwright.solver.CycleSummary.NoEfficiency noEfficiency) {}

	/**
	 * One of the run's full discharges, its first or its last (SummaryJsonWriter.countsAsDischarge: for a full cell a
	 * cycle that brought the cell back): its cycle and capacities (mAh/cm2, mAh/g; NaN where none), or cycle 0 and why there is none
	 * ({@link #missing}: an HPPC of pulses alone). {@link #where} names the cycle where it is not cycle 1.
	 */
	public record FullDischarge(int cycle, double mAhCm2, double mAhG, String missing) {
		/** "" for cycle 1, " (cycle N)" for another, " (none)" when there is none. */
		public String where() {
			return cycle == 1 ? "" : cycle > 1 ? " (cycle " + cycle + ")" : " (none)";
		}
	}

	/**
	 * Where and why the run ended in a short circuit (or, for {@link #softShort}, where a soft short first showed): the
	 * cycle, the step (a soft short's; -1 for a hard short and for a soft short of a cycle's efficiency, which names no
	 * step), the reason as the run gave it (a soft short's is its warning, "warning: cycle 12, step 3.2 (line 14): soft
	 * short: ..."), the cause alone (a hard short's is its reason), and the step as the run's messages name it ("step 3.2
	 * (line 14)", {@link org.cellwright.solver.input.StepNumbers}; null for a hard short and in run folders written before
	 * session 31).
	 */
	public record ShortCircuit(int cycle, int step, double timeH, String reason, String cause, String stepName) {
		public ShortCircuit(int cycle, int step, double timeH, String reason, String cause) {
			this(cycle, step, timeH, reason, cause, null);
		}
	}

	/** The conditions of the deformation-mechanism map and the size of the cell's Li to mark on it [m]. */
	public record MechanismMap(double temperatureK, double strainRatePerS, double characteristicSizeM) {}

	/**
	 * The run: its id in the run store, its name (experiment, or sweep/variant), the experiment, whether it is partial
	 * (did not complete: cancelled, interrupted, failed, not converged) and what interrupted it (null if nothing), start
	 * and end (UTC, ISO-8601), wall time [s], CellWright version, hash of the resolved inputs, where the experiment
	 * was written (null and 0 when unknown; the file absolute, for runs written since summary.json names it relative to
	 * the run folder; a run written before names it as recorded: relative to the working folder of the process that
	 * ran it, or absolutely).
	 */
	public record Run(String id, String name, String experiment, boolean partial, String interruption, String started,
			String finished, double seconds, String version, String inputsHash, String sourceFile, int sourceLine) {}

	private final JsonObject json;

	private Summary(JsonObject json) {
		this.json = json;
	}

	/**
	 * The complete summary of a run: the solver's part (as {@code SummaryJsonWriter} built it; its status replaced by
	 * {@code status}, e.g. FAILED for a run the solver did not end), the map's conditions (may be null) and the run.
	 */
	public static Summary of(JsonObject solverPart, String status, MechanismMap map, Run run) {
		JsonObject o = solverPart.deepCopy();
		o.addProperty(STATUS, status);
		if (!o.has(CYCLES)) o.add(CYCLES, new JsonArray());
		if (!o.has(MESSAGES)) o.add(MESSAGES, new JsonArray());
		if (map != null) {
			JsonObject m = new JsonObject();
			num(m, MAP_TEMPERATURE_K, map.temperatureK());
			num(m, MAP_STRAIN_RATE_PER_S, map.strainRatePerS());
			num(m, MAP_CHARACTERISTIC_SIZE_M, map.characteristicSizeM());
			o.add(MECHANISM_MAP, m);
		}
		JsonObject r = new JsonObject();
		r.addProperty(RUN_ID, run.id());
		r.addProperty(RUN_NAME, run.name());
		r.addProperty(RUN_EXPERIMENT, run.experiment());
		r.addProperty(RUN_PARTIAL, run.partial());
		r.addProperty(RUN_INTERRUPTION, run.interruption());
		r.addProperty(RUN_STARTED, run.started());
		r.addProperty(RUN_FINISHED, run.finished());
		num(r, RUN_SECONDS, run.seconds());
		r.addProperty(RUN_VERSION, run.version());
		r.addProperty(RUN_INPUTS_HASH, run.inputsHash());
		r.addProperty(RUN_SOURCE_FILE, run.sourceFile());
		r.addProperty(RUN_SOURCE_LINE, run.sourceLine());
		o.add(RUN, r);
		return new Summary(o);
	}

	/** A summary read back; any JSON object is accepted (older runs lack members: their accessors give null or NaN). */
	public static Summary of(JsonObject json) {
		return new Summary(json);
	}

	/**
	 * Reads {@code summary.json}. The run's source file, kept relative to the run folder, is given absolute
	 * ({@link Run#sourceFile}); a run written before that keeps its source as it was recorded.
	 */
	public static Summary read(Path file) {
		try {
			JsonElement e = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
			if (!e.isJsonObject()) throw new RunFolderException(file + ":1: not a JSON object");
			JsonObject o = e.getAsJsonObject();
			if (o.get(RUN) instanceof JsonObject r) SourceRecord.resolveIn(r, RUN_SOURCE_FILE, file.toAbsolutePath().normalize().getParent());
			return new Summary(o);
		} catch (IOException | JsonParseException | java.nio.file.InvalidPathException e) {
			// the parser's own reason, not its exception's class name ("com.google.gson.stream.MalformedJsonException: ...")
			throw new RunFolderException(file + ": cannot be read as JSON: " + org.cellwright.solver.input.json.JsonSyntax.reason(e), e);
		}
	}

	/**
	 * Writes {@code summary.json} into the folder, atomically (a reader sees the whole file or none). A source file named
	 * absolutely is written relative to the folder ({@code run.source_relative_to}: "run-folder"; a run is written into
	 * a hidden folder beside its final one, at the same depth): the record holds whatever the working folder of the
	 * process that ran it (an IDE started anywhere) or reads it, and a project moved whole ({@link SourceRecord}).
	 */
	public void write(Path folder) {
		write(folder, folder);
	}

	/**
	 * Writes {@code summary.json} into {@code folder}, its source named relative to {@code recordedIn}, the folder the
	 * run's files will lie in (on a Spark worker, the driver's run folder rather than the worker's temporary one).
	 */
	public void write(Path folder, Path recordedIn) {
		JsonObject out = json.deepCopy();
		if (out.get(RUN) instanceof JsonObject w) SourceRecord.relativeTo(w, RUN_SOURCE_FILE, recordedIn);
		String text = new GsonBuilder().setPrettyPrinting().serializeNulls().serializeSpecialFloatingPointValues().create().toJson(out);
		Atomic.writeString(folder.resolve(FILE_NAME), text + "\n");
	}

	/** A copy of the JSON. */
	public JsonObject json() { return json.deepCopy(); }

	public String cell() { return str(json, CELL); }

	/** COMPLETED, SHORT_CIRCUIT, NOT_CONVERGED, CANCELLED, INVALID_INPUT, FAILED; UNKNOWN when absent. */
	public String status() {
		String s = str(json, STATUS);
		return s == null ? "UNKNOWN" : s;
	}

	/** True unless the run ended as it should (completed, or a short circuit found). */
	public boolean partial() {
		Run r = run();
		if (r != null) return r.partial();
		return !("COMPLETED".equals(status()) || "SHORT_CIRCUIT".equals(status()));
	}

	public List<Cycle> cycles() {
		List<Cycle> out = new ArrayList<>();
		if (json.get(CYCLES) instanceof JsonArray a)
			for (JsonElement e : a)
				if (e instanceof JsonObject c) {
					double i = num(c, CYCLE_INDEX);
					out.add(new Cycle(Double.isNaN(i) ? out.size() + 1 : (int) i, num(c, CHARGE_MAH_CM2), num(c, DISCHARGE_MAH_CM2),
							num(c, COULOMBIC_EFFICIENCY), num(c, DISCHARGE_MAH_G), org.cellwright.solver.output.SummaryJsonWriter.noEfficiency(c)));
				}
		return out;
	}

	/**
	 * The run's first full discharge as the run recorded it ({@link org.cellwright.solver.output.SummaryKeys#FIRST_DISCHARGE});
	 * a run folder written before session 20 has none recorded: its cycle 1's, as it was read then.
	 */
	public FullDischarge firstDischarge() {
		List<Cycle> all = cycles();
		return fullDischarge(FIRST_DISCHARGE, all.isEmpty() ? null : all.get(0));
	}

	/**
	 * The run's last full discharge, by the same rule ({@link org.cellwright.solver.output.SummaryKeys#LAST_DISCHARGE});
	 * a run folder written before it has none recorded: its last cycle's, as it was read then.
	 */
	public FullDischarge lastDischarge() {
		List<Cycle> all = cycles();
		return fullDischarge(LAST_DISCHARGE, all.isEmpty() ? null : all.get(all.size() - 1));
	}

	/** A full discharge summary.json records under {@code key}, else (an older folder) {@code old}'s. */
	private FullDischarge fullDischarge(String key, Cycle old) {
		if (json.get(key) instanceof JsonObject f) {
			double c = num(f, FD_CYCLE);
			if (Double.isNaN(c) || c < 1) {
				String why = str(f, FD_REASON);
				return new FullDischarge(0, Double.NaN, Double.NaN, why == null ? "no full discharge" : why);
			}
			return new FullDischarge((int) c, num(f, DISCHARGE_MAH_CM2), num(f, DISCHARGE_MAH_G), null);
		}
		if (old == null) return new FullDischarge(0, Double.NaN, Double.NaN, "no cycle ran");
		return new FullDischarge(old.index(), old.dischargeMAhCm2(), old.dischargeMAhG(), null);
	}

	/** A number of the summary's top level (NaN when absent, null or not a number). */
	public double number(String key) { return num(json, key); }

	public double nucleationOverpotentialMV() { return num(json, NUCLEATION_OVERPOTENTIAL_MV); }

	public double endTimeH() { return num(json, END_TIME_H); }

	public double capacityRetention() { return num(json, CAPACITY_RETENTION); }

	/**
	 * Why the run has no capacity retention though it has two full discharges or more (no earlier discharge of the
	 * last's steps under its conditions, or none that passed a charge a cycler resolves: SummaryJsonWriter.retentionCycles),
	 * or null: a retention, fewer than two full discharges, or a run folder written before session 39.
	 */
	public String capacityRetentionReason() { return str(json, CAPACITY_RETENTION_REASON); }

	/**
	 * The cycles the capacity retention compares, {first, last} (the last full discharge and the first of the same
	 * steps), or null: none, or a run folder written before session 20.
	 */
	public int[] capacityRetentionCycles() {
		if (!(json.get(CAPACITY_RETENTION_CYCLES) instanceof JsonObject o)) return null;
		double f = num(o, RC_FIRST), l = num(o, RC_LAST);
		return Double.isNaN(f) || Double.isNaN(l) ? null : new int[] { (int) f, (int) l };
	}

	/**
	 * The temperature [degC] and stack pressure [MPa] both discharges the capacity retention compares ran at
	 * ({@link #capacityRetentionCycles}), NaN each where not recorded (none, a runner that does not give it, a run folder
	 * written before session 21).
	 */
	public double[] capacityRetentionConditions() {
		if (!(json.get(CAPACITY_RETENTION_CYCLES) instanceof JsonObject o)) return new double[] { Double.NaN, Double.NaN };
		return new double[] { num(o, RC_TEMPERATURE_DEGC), num(o, RC_STACK_PRESSURE_MPA) };
	}

	/**
	 * Whether the capacity retention's reference discharge followed another charge than the last's (no earlier cycle ran
	 * the same charge and discharge steps: SummaryJsonWriter.retentionCycles, session 23); false where it ran the same,
	 * where there is none, and in run folders written before session 23 (which did not tell).
	 */
	public boolean capacityRetentionAfterAnotherCharge() {
		return json.get(CAPACITY_RETENTION_CYCLES) instanceof JsonObject o && o.get(RC_SAME_CHARGE) instanceof com.google.gson.JsonPrimitive p
				&& p.isBoolean() && !p.getAsBoolean();
	}

	/** The short circuit, or null. */
	public ShortCircuit shortCircuit() { return shortCircuit(SHORT_CIRCUIT); }

	/** The first soft short (current leaking through Li filaments while the run goes on), or null. */
	public ShortCircuit softShort() { return shortCircuit(SOFT_SHORT); }

	/** The step in a soft short's warning, for run folders written before summary.json kept it ({@code SC_STEP}). */
	private static final java.util.regex.Pattern OLD_STEP = java.util.regex.Pattern.compile("^warning: cycle \\d+, step (\\d+): ");

	private ShortCircuit shortCircuit(String key) {
		if (!(json.get(key) instanceof JsonObject sc)) return null;
		double c = num(sc, SC_CYCLE), step = num(sc, SC_STEP);
		String reason = str(sc, SC_REASON), cause = str(sc, SC_CAUSE);
		// a soft short of a run folder written before summary.json kept its cause and its step: both read off its
		// warning, here alone
		if (cause == null && reason != null)
			cause = key.equals(SOFT_SHORT) ? reason.replaceFirst("^warning: cycle \\d+(, step \\d+)?: soft short: ", "") : reason;
		if (!sc.has(SC_STEP) && key.equals(SOFT_SHORT) && reason != null) {
			java.util.regex.Matcher m = OLD_STEP.matcher(reason);
			if (m.find()) step = Integer.parseInt(m.group(1));
		}
		return new ShortCircuit(Double.isNaN(c) ? -1 : (int) c, Double.isNaN(step) ? -1 : (int) step, num(sc, SC_TIME_H), reason, cause,
				str(sc, SC_STEP_NAME));
	}

	/** The solver's messages (warnings, why a run stopped), possibly empty. */
	public List<String> messages() {
		List<String> out = new ArrayList<>();
		if (json.get(MESSAGES) instanceof JsonArray a)
			for (JsonElement e : a) out.add(e.isJsonPrimitive() ? e.getAsString() : e.toString());
		return out;
	}

	/** The mechanism map's conditions, or null. */
	public MechanismMap mechanismMap() {
		if (!(json.get(MECHANISM_MAP) instanceof JsonObject m)) return null;
		return new MechanismMap(num(m, MAP_TEMPERATURE_K), num(m, MAP_STRAIN_RATE_PER_S), num(m, MAP_CHARACTERISTIC_SIZE_M));
	}

	/** The run's metadata, or null for a run written before the run store. */
	public Run run() {
		if (!(json.get(RUN) instanceof JsonObject r)) return null;
		JsonElement p = r.get(RUN_PARTIAL);
		double line = num(r, RUN_SOURCE_LINE);
		return new Run(str(r, RUN_ID), str(r, RUN_NAME), str(r, RUN_EXPERIMENT),
				p != null && p.isJsonPrimitive() && p.getAsJsonPrimitive().isBoolean() && p.getAsBoolean(), str(r, RUN_INTERRUPTION),
				str(r, RUN_STARTED), str(r, RUN_FINISHED), num(r, RUN_SECONDS), str(r, RUN_VERSION), str(r, RUN_INPUTS_HASH),
				str(r, RUN_SOURCE_FILE), Double.isNaN(line) ? 0 : (int) line);
	}

	/** A member as text (null when absent or null); for readers of summary objects such as the report. */
	public static String str(JsonObject o, String key) {
		JsonElement e = o == null ? null : o.get(key);
		return e == null || e.isJsonNull() ? null : e.isJsonPrimitive() ? e.getAsString() : e.toString();
	}

	/** A member as a number (NaN when absent, null or not a number). */
	public static double num(JsonObject o, String key) {
		JsonElement e = o == null ? null : o.get(key);
		return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsDouble() : Double.NaN;
	}

	private static void num(JsonObject o, String key, double v) {
		if (Double.isFinite(v)) o.addProperty(key, v);
		else o.add(key, JsonNull.INSTANCE);
	}
}

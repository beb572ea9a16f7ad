package org.cellwright.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.InputsJsonException;
import org.cellwright.solver.input.json.ResolvedInputs;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * What a run folder holds, read once: summary.json (required: it makes a folder a run folder), timeseries.csv,
 * cycles.csv, and the optional inputs.json, checks.json and mechanism-map.csv. An optional file that is absent is
 * null; one that is present but unreadable is noted in {@link #notes()} and otherwise left out.
 */
public final class RunFolder {
	public static final String SUMMARY = "summary.json", TIMESERIES = "timeseries.csv", CYCLES = "cycles.csv",
			CHECKS = "checks.json", MECHANISM_MAP = "mechanism-map.csv";

	private final Path folder;
	private final JsonObject summary;
	private final CsvTable timeseries, cycles, mechanismMap;
	private final ResolvedInputs inputs;
	private final List<Check> checks;
	private final List<String> notes = new ArrayList<>();

	/** One row of checks.json: a simulated quantity against the study's value. */
	public record Check(String experiment, String quantity, String metric, String expected, String simulated, Boolean pass,
			String unit, String source, String file, int line) {}

	private RunFolder(Path folder) {
		this.folder = folder;
		if (!Files.isDirectory(folder)) throw new ReportException(folder + ": no such folder");
		Path s = folder.resolve(SUMMARY);
		if (!Files.isRegularFile(s))
			throw new ReportException(folder + ": not a run folder (no " + SUMMARY + "; run an experiment first: ./cellwright run FILE)");
		JsonElement se = parseJson(s, true);
		if (se == null || !se.isJsonObject()) throw new ReportException(s + ": not a JSON object");
		summary = se.getAsJsonObject();
		timeseries = optionalCsv(TIMESERIES);
		cycles = optionalCsv(CYCLES);
		mechanismMap = optionalCsv(MECHANISM_MAP);
		ResolvedInputs in = null;
		Path ip = folder.resolve(InputsJson.FILE_NAME);
		if (Files.isRegularFile(ip)) {
			try {
				in = InputsJson.read(ip);
			} catch (InputsJsonException e) {
				notes.add(e.getMessage() + " (stack and protocol left out)");
			}
		}
		inputs = in;
		checks = readChecks(folder.resolve(CHECKS));
	}

	/** Reads a run folder; a {@link ReportException} names the folder when it is none. */
	public static RunFolder read(Path folder) {
		return new RunFolder(folder);
	}

	private CsvTable optionalCsv(String name) {
		Path p = folder.resolve(name);
		if (!Files.isRegularFile(p)) return null;
		try {
			return CsvTable.read(p);
		} catch (ReportException e) {
			notes.add(e.getMessage());
			return null;
		}
	}

	private JsonElement parseJson(Path p, boolean required) {
		try {
			return JsonParser.parseString(Files.readString(p, StandardCharsets.UTF_8));
		} catch (IOException | JsonParseException e) {
			if (required) throw new ReportException(p + ": cannot be read as JSON: " + e.getMessage(), e);
			notes.add(p.getFileName() + ": cannot be read as JSON, left out");
			return null;
		}
	}

	private List<Check> readChecks(Path p) {
		if (!Files.isRegularFile(p)) return null;
		JsonElement e = parseJson(p, false);
		List<Check> out = new ArrayList<>();
		if (e == null || !e.isJsonObject() || !e.getAsJsonObject().has("checks") || !e.getAsJsonObject().get("checks").isJsonArray()) {
			if (e != null) notes.add(CHECKS + ": no \"checks\" array, left out");
			return null;
		}
		String experiment = str(e.getAsJsonObject(), "experiment");
		for (JsonElement c : e.getAsJsonObject().getAsJsonArray("checks")) {
			if (!c.isJsonObject()) continue;
			JsonObject o = c.getAsJsonObject();
			JsonElement pass = o.get("pass");
			JsonElement line = o.get("line");
			out.add(new Check(experiment, str(o, "quantity"), str(o, "metric"), str(o, "expected"), str(o, "simulated"),
					pass != null && pass.isJsonPrimitive() && pass.getAsJsonPrimitive().isBoolean() ? pass.getAsBoolean() : null,
					str(o, "unit"), str(o, "source"), str(o, "file"),
					line != null && line.isJsonPrimitive() && line.getAsJsonPrimitive().isNumber() ? line.getAsInt() : 0));
		}
		return out;
	}

	static String str(JsonObject o, String key) {
		JsonElement e = o.get(key);
		return e == null || e.isJsonNull() ? null : e.isJsonPrimitive() ? e.getAsString() : e.toString();
	}

	/** A number of the summary, NaN when absent or null. */
	public double number(String key) {
		JsonElement e = summary.get(key);
		return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsDouble() : Double.NaN;
	}

	public Path folder() { return folder; }

	public JsonObject summary() { return summary; }

	/** The experiment: from inputs.json or checks.json, else the folder's name. */
	public String experiment() {
		if (inputs != null) return inputs.provenance().experiment();
		if (checks != null && !checks.isEmpty() && checks.get(0).experiment() != null) return checks.get(0).experiment();
		return folder.toAbsolutePath().normalize().getFileName().toString();
	}

	public String cellName() {
		String c = str(summary, "cell");
		return c != null ? c : inputs != null ? inputs.cell().name() : "?";
	}

	public String status() {
		String s = str(summary, "status");
		return s == null ? "UNKNOWN" : s;
	}

	/** The short circuit of summary.json ({cycle, time_h, reason}) or null. */
	public JsonObject shortCircuit() {
		JsonElement e = summary.get("short_circuit");
		return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
	}

	public CsvTable timeseries() { return timeseries; }

	public CsvTable cycles() { return cycles; }

	/** mechanism-map.csv (size_m, dislocation_MPa, diffusional_creep_MPa, flow_stress_MPa) or null. */
	public CsvTable mechanismMap() { return mechanismMap; }

	/** inputs.json or null (runs made before it existed). */
	public ResolvedInputs inputs() { return inputs; }

	/** checks.json rows, or null when there is no checks.json. */
	public List<Check> checks() { return checks; }

	/** Optional files that were present but could not be read. */
	public List<String> notes() { return notes; }
}

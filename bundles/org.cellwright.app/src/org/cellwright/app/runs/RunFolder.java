package org.cellwright.app.runs;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * What one run left in its folder, read without the workbench: timeseries.csv, cycles.csv, summary.json and, when
 * present, checks.json, mechanism-map.csv and inputs.json. Optional files that are missing or unreadable leave their
 * part empty and add a line to {@link #problems()} naming the file (and line); the run itself is refused only when the
 * folder has neither timeseries.csv nor summary.json.
 */
public final class RunFolder {

	public static final String TIMESERIES = "timeseries.csv", CYCLES = "cycles.csv", SUMMARY = "summary.json",
			CHECKS = "checks.json", MECHANISM_MAP = "mechanism-map.csv", INPUTS = "inputs.json";

	/** Numeric columns of a CSV file with a header line; empty cells are NaN. */
	public record Table(List<String> header, double[][] columns) {
		/** The column, or null if the file has none of that name. */
		public double[] column(String name) {
			int i = header.indexOf(name);
			return i < 0 ? null : columns[i];
		}

		public int rows() {
			return columns.length == 0 ? 0 : columns[0].length;
		}

		/** The header names that start with the prefix, in file order. */
		public List<String> columnsStartingWith(String prefix) {
			return header.stream().filter(h -> h.startsWith(prefix)).toList();
		}
	}

	/** Where and why a run ended in a short circuit (summary.json's short_circuit). */
	public record ShortCircuit(int cycle, double timeH, String reason) {}

	/** One study expectation compared with the simulation (checks.json). {@code pass} is null when not evaluated. */
	public record Check(String quantity, String expected, String simulated, Boolean pass, String source, String file, int line) {}

	/** Flow stress of Li vs characteristic size (mechanism-map.csv), sizes in m, stresses in MPa. */
	public record MechanismMap(double[] sizeM, double[] dislocationMPa, double[] creepMPa, double[] flowMPa) {}

	private final Path folder;
	private final List<String> problems = new ArrayList<>();
	private Table timeseries, cycles;
	private JsonObject summary;
	private List<Check> checks;
	private MechanismMap mechanismMap;
	private double poreSizeM = Double.NaN;

	private RunFolder(Path folder) {
		this.folder = folder;
	}

	/** True if the folder holds a run (a timeseries.csv or a summary.json). */
	public static boolean isRunFolder(Path folder) {
		return folder != null && (Files.isRegularFile(folder.resolve(TIMESERIES)) || Files.isRegularFile(folder.resolve(SUMMARY)));
	}

	/**
	 * Reads a run folder (or the folder of a summary.json / timeseries.csv given instead).
	 *
	 * @throws IOException naming the folder when it is not a run folder or neither main file can be read
	 */
	public static RunFolder read(Path folderOrFile) throws IOException {
		Path folder = Files.isRegularFile(folderOrFile) ? folderOrFile.toAbsolutePath().getParent() : folderOrFile;
		if (!isRunFolder(folder))
			throw new IOException(folder + ": not a run folder (no " + TIMESERIES + " and no " + SUMMARY + ")");
		RunFolder r = new RunFolder(folder);
		r.timeseries = r.table(TIMESERIES);
		r.cycles = r.table(CYCLES);
		r.summary = r.json(SUMMARY) instanceof JsonObject o ? o : null;
		if (r.timeseries == null && r.summary == null) throw new IOException(String.join("; ", r.problems));
		r.readChecks();
		r.readMechanismMap();
		r.readPoreSize();
		return r;
	}

	public Path folder() {
		return folder;
	}

	/** The experiment's name: summary.json's "experiment" if it names one, else the folder's name. */
	public String experiment() {
		String e = string(summary, "experiment");
		return e != null ? e : folder.getFileName().toString();
	}

	/** The .cell file's base name the run came from (the parent folder under results/), or "". */
	public String sourceName() {
		Path p = folder.getParent();
		return p == null || p.getFileName() == null ? "" : p.getFileName().toString();
	}

	/** The cell simulated, or "?" when summary.json is missing. */
	public String cell() {
		String c = string(summary, "cell");
		return c == null ? "?" : c;
	}

	/** COMPLETED, SHORT_CIRCUIT, NOT_CONVERGED, CANCELLED, INVALID_INPUT, or UNKNOWN without summary.json. */
	public String status() {
		String s = string(summary, "status");
		return s == null ? "UNKNOWN" : s;
	}

	public boolean completed() {
		return "COMPLETED".equals(status());
	}

	/** The short circuit, or null if the run had none. */
	public ShortCircuit shortCircuit() {
		if (summary == null || !(summary.get("short_circuit") instanceof JsonObject sc)) return null;
		return new ShortCircuit(sc.has("cycle") && !sc.get("cycle").isJsonNull() ? sc.get("cycle").getAsInt() : -1,
				number(sc, "time_h"), string(sc, "reason"));
	}

	/** summary.json's messages (solver warnings), possibly empty. */
	public List<String> messages() {
		List<String> out = new ArrayList<>();
		if (summary != null && summary.get("messages") instanceof JsonArray a)
			for (JsonElement e : a) out.add(e.isJsonPrimitive() ? e.getAsString() : e.toString());
		return out;
	}

	/** End of the simulated time [h], NaN if unknown. */
	public double endTimeH() {
		double t = number(summary, "end_time_h");
		if (Double.isNaN(t) && timeseries != null && timeseries.column("time_h") != null && timeseries.rows() > 0)
			t = timeseries.column("time_h")[timeseries.rows() - 1];
		return t;
	}

	/** A number of summary.json (NaN if absent or null). */
	public double summaryNumber(String key) {
		return number(summary, key);
	}

	public Table timeseries() {
		return timeseries;
	}

	public Table cycles() {
		return cycles;
	}

	/** The study checks, or null when the folder has no checks.json. */
	public List<Check> checks() {
		return checks;
	}

	/** The deformation-mechanism map, or null when the folder has no (readable) mechanism-map.csv. */
	public MechanismMap mechanismMap() {
		return mechanismMap;
	}

	/** The interlayer's pore size from inputs.json [m], NaN when unknown. */
	public double poreSizeM() {
		return poreSizeM;
	}

	/**
	 * The size of the Li pressing on the SE as the solver computed it for the run [m] (summary.json's
	 * mechanism_map.characteristic_size_m, e.g. the interlayer's pore size after formation), NaN when not recorded.
	 */
	public double characteristicSizeM() {
		if (summary == null || !(summary.get("mechanism_map") instanceof JsonObject m)) return Double.NaN;
		var c = m.get("characteristic_size_m");
		return c != null && c.isJsonPrimitive() && c.getAsJsonPrimitive().isNumber() ? c.getAsDouble() : Double.NaN;
	}

	/** Problems met reading optional parts, each naming its file. */
	public List<String> problems() {
		return problems;
	}

	private Table table(String name) {
		Path f = folder.resolve(name);
		if (!Files.isRegularFile(f)) {
			if (!name.equals(MECHANISM_MAP)) problems.add(name + ": missing");
			return null;
		}
		try {
			return readTable(f);
		} catch (IOException | IllegalArgumentException e) {
			problems.add(e.getMessage());
			return null;
		}
	}

	private JsonElement json(String name) {
		Path f = folder.resolve(name);
		if (!Files.isRegularFile(f)) {
			if (name.equals(SUMMARY)) problems.add(name + ": missing");
			return null;
		}
		try {
			return JsonParser.parseString(Files.readString(f, StandardCharsets.UTF_8));
		} catch (IOException | JsonParseException e) {
			problems.add(f + ": not readable JSON: " + e.getMessage());
			return null;
		}
	}

	private void readChecks() {
		if (!(json(CHECKS) instanceof JsonObject o)) return;
		checks = new ArrayList<>();
		if (!(o.get("checks") instanceof JsonArray a)) {
			problems.add(folder.resolve(CHECKS) + ": no \"checks\" array");
			return;
		}
		for (JsonElement e : a) {
			if (!(e instanceof JsonObject c)) continue;
			Boolean pass = c.get("pass") != null && c.get("pass").isJsonPrimitive() ? c.get("pass").getAsBoolean() : null;
			double line = number(c, "line");
			checks.add(new Check(string(c, "quantity"), string(c, "expected"), string(c, "simulated"), pass, string(c, "source"),
					string(c, "file"), Double.isNaN(line) ? -1 : (int) line));
		}
	}

	private void readMechanismMap() {
		Table t = table(MECHANISM_MAP);
		if (t == null) return;
		double[] size = t.column("size_m"), dis = t.column("dislocation_MPa"), creep = t.column("diffusional_creep_MPa"),
				flow = t.column("flow_stress_MPa");
		if (size == null || dis == null || creep == null || flow == null) {
			problems.add(folder.resolve(MECHANISM_MAP)
					+ ":1: expected the columns size_m,dislocation_MPa,diffusional_creep_MPa,flow_stress_MPa");
			return;
		}
		mechanismMap = new MechanismMap(size, dis, creep, flow);
	}

	/** The first layer of role INTERLAYER with a pore size, wherever inputs.json puts its layers. */
	private void readPoreSize() {
		JsonElement in = json(INPUTS);
		if (in != null) poreSizeM = findPoreSize(in);
	}

	private static double findPoreSize(JsonElement e) {
		if (e instanceof JsonObject o) {
			if ("INTERLAYER".equalsIgnoreCase(string(o, "role")))
				for (String k : List.of("poreSize", "pore_size", "pore_size_m", "poreSizeM")) {
					double v = number(o, k);
					if (!Double.isNaN(v)) return v;
				}
			for (var entry : o.entrySet()) {
				double v = findPoreSize(entry.getValue());
				if (!Double.isNaN(v)) return v;
			}
		} else if (e instanceof JsonArray a) {
			for (JsonElement x : a) {
				double v = findPoreSize(x);
				if (!Double.isNaN(v)) return v;
			}
		}
		return Double.NaN;
	}

	private static String string(JsonObject o, String key) {
		if (o == null || !(o.get(key) instanceof JsonElement e) || !e.isJsonPrimitive()) return null;
		return e.getAsString();
	}

	private static double number(JsonObject o, String key) {
		if (o == null || !(o.get(key) instanceof JsonElement e) || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber())
			return Double.NaN;
		return e.getAsDouble();
	}

	/**
	 * Reads a CSV file with a header line and numeric cells (empty = NaN).
	 *
	 * @throws IllegalArgumentException "file:line: ..." for a cell that is not a number or an empty file
	 */
	public static Table readTable(Path csv) throws IOException {
		try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			String header = r.readLine();
			if (header == null || header.isBlank()) throw new IllegalArgumentException(csv + ":1: empty file, expected a header line");
			List<String> names = Arrays.stream(header.split(",")).map(String::strip).toList();
			double[][] out = new double[names.size()][256];
			int n = 0, lineNo = 1;
			for (String line; (line = r.readLine()) != null;) {
				lineNo++;
				if (line.isBlank()) continue;
				String[] f = line.split(",", -1);
				if (n == out[0].length) for (int i = 0; i < out.length; i++) out[i] = Arrays.copyOf(out[i], n * 2);
				for (int i = 0; i < out.length; i++) {
					String cell = i < f.length ? f[i].strip() : "";
					try {
						out[i][n] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
					} catch (NumberFormatException e) {
						throw new IllegalArgumentException(
								csv + ":" + lineNo + ": '" + cell + "' in column " + names.get(i) + " is not a number");
					}
				}
				n++;
			}
			for (int i = 0; i < out.length; i++) out[i] = Arrays.copyOf(out[i], n);
			return new Table(names, out);
		}
	}
}

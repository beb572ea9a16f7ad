package org.cellwright.run.folder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.run.dfn.DfnInputs;
import org.cellwright.solver.input.LayerRole;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.InputsJsonException;
import org.cellwright.solver.input.json.ResolvedInputs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The one reader of a run folder, for the report, the command line and the IDE: summary.json ({@link Summary}),
 * timeseries.csv and cycles.csv ({@link CsvTable}, streamed), the optional inputs.json, checks.json and
 * mechanism-map.csv, and of a liquid-electrolyte (DFN) run's dfn-inputs.json the protocol's steps ({@link #protocol()}).
 * A folder is a run folder when it holds summary.json or timeseries.csv; an experiment's folder in the run store stands
 * for its latest run ({@link #resolve}). An optional part that is present but unreadable is left out and noted in
 * {@link #notes()} ("file:line: why"); {@link #read} refuses only a folder without any readable main file.
 */
public final class RunFolder {

	/**
	 * One row of checks.json: a simulated quantity against the study's value ({@code pass} null when not evaluated);
	 * {@code note}: why a check that failed as missing has no value, or what a passing one read from an older run could
	 * not check (checks.json's {@code note}, {@code Checks.Check#note}), null when it has none.
	 */
	public record Check(String experiment, String quantity, String metric, String expected, String simulated, Boolean pass,
			String unit, String source, String file, int line, String note) {}

	/** Flow stress of Li against its size (mechanism-map.csv): sizes in m, stresses in MPa. */
	public record MechanismMapCurves(double[] sizeM, double[] dislocationMPa, double[] creepMPa, double[] flowMPa) {}

	private final Path folder;
	private final Summary summary;
	private final CsvTable timeseries, cycles, mechanismMap;
	private final ResolvedInputs inputs;
	private final boolean dfn;
	private final ProtocolSpec dfnProtocol;
	private final String protocolMissing;
	private final List<DfnInputs.Layer> dfnStack;
	private final String dfnStackMissing;
	private final ResolvedInputs.Provenance dfnProvenance;
	private final List<Check> checks;
	private final List<String> notes = new ArrayList<>();

	private RunFolder(Path folder) {
		this.folder = folder;
		Path s = folder.resolve(RunFiles.SUMMARY);
		Summary sum = null;
		if (Files.isRegularFile(s)) {
			try {
				sum = Summary.read(s);
			} catch (RunFolderException e) {
				notes.add(e.getMessage());
			}
		} else notes.add(s + ": missing");
		timeseries = csv(RunFiles.TIMESERIES, true, RunFiles.TIMESERIES_REQUIRED);
		if (sum == null && timeseries == null) throw new RunFolderException(String.join("; ", notes));
		summary = sum != null ? sum : Summary.of(new JsonObject());
		cycles = csv(RunFiles.CYCLES, true, RunFiles.CYCLES_REQUIRED);
		mechanismMap = csv(RunFiles.MECHANISM_MAP, false, RunFiles.MECHANISM_MAP_REQUIRED);
		ResolvedInputs in = null;
		Path ip = folder.resolve(RunFiles.INPUTS);
		if (Files.isRegularFile(ip)) {
			try {
				// the record of what was run: read whatever the limits say now (they refuse running it again, not
				// reading it: a lithium cell's run at 200 degC made before them lost its stack and protocol)
				in = SourceRecord.readRecord(ip); // its source, kept relative to this folder, absolute
			} catch (InputsJsonException e) {
				notes.add(e.getMessage() + " (stack and protocol left out)");
			}
		}
		inputs = in;
		Path dp = folder.resolve(DfnInputs.FILE_NAME);
		dfn = in == null && Files.isRegularFile(dp);
		ProtocolSpec dfnP = null;
		String why = in != null ? null : "no " + RunFiles.INPUTS + " (the protocol's steps)";
		List<DfnInputs.Layer> stack = null;
		String stackWhy = null;
		ResolvedInputs.Provenance dfnProv = null;
		if (dfn) {
			try {
				JsonElement e = JsonParser.parseString(Files.readString(dp, StandardCharsets.UTF_8));
				dfnProv = provenance(e, folder);
				JsonElement st = e instanceof JsonObject o ? o.get(DfnInputs.STACK) : null;
				if (st == null) stackWhy = DfnInputs.FILE_NAME + " has no stack (written before CellWright kept a DFN run's layers as numbers)";
				else {
					stack = DfnInputs.readStack(st);
					if (stack == null) stackWhy = "the stack in " + DfnInputs.FILE_NAME + " cannot be read (not an array of layers with a role and a positive thickness)";
				}
				JsonElement p = e instanceof JsonObject o ? o.get(DfnInputs.PROTOCOL) : null;
				if (p == null) why = DfnInputs.FILE_NAME + " has no protocol (written before CellWright kept the steps of a DFN run's protocol)";
				else {
					dfnP = InputsJson.readProtocol(p, dp.toString());
					if (e instanceof JsonObject o && o.get(DfnInputs.PROVENANCE) instanceof JsonObject prov)
						dfnP = dfnP.withPlaces(InputsJson.readStepPlaces(prov, dp.toString()));
				}
			} catch (IOException | JsonParseException | InputsJsonException ex) {
				why = "the protocol in " + DfnInputs.FILE_NAME + " cannot be read (see the notes)";
				if (stack == null && stackWhy == null) stackWhy = DfnInputs.FILE_NAME + " cannot be read (see the notes)";
				notes.add((ex instanceof InputsJsonException ? ex.getMessage() : dp + ": cannot be read as JSON") + " (protocol left out)");
			}
		}
		dfnProtocol = dfnP;
		protocolMissing = dfnP != null ? null : why;
		dfnStack = stack;
		dfnStackMissing = stackWhy;
		dfnProvenance = dfnProv;
		checks = readChecks(folder.resolve(RunFiles.CHECKS), notes);
	}

	/**
	 * A run folder's checks.json rows without reading the rest of the folder (the Runs view's checks column), or null
	 * when there is no readable checks.json.
	 */
	public static List<Check> checksOf(Path folder) {
		return readChecks(folder.resolve(RunFiles.CHECKS), new ArrayList<>());
	}

	/** True if the folder holds a run (summary.json or timeseries.csv). */
	public static boolean isRunFolder(Path folder) {
		return folder != null && (Files.isRegularFile(folder.resolve(RunFiles.SUMMARY)) || Files.isRegularFile(folder.resolve(RunFiles.TIMESERIES)));
	}

	/**
	 * The run folder a path stands for: a run folder itself, the folder of a file in it, or an experiment's (or sweep
	 * variant's) folder in the run store, which stands for its latest run; null when it is none of these.
	 */
	public static Path resolve(Path p) {
		if (p == null) return null;
		if (Files.isRegularFile(p)) p = p.toAbsolutePath().getParent();
		if (isRunFolder(p)) return p;
		Path latest = org.cellwright.run.store.RunStore.latest(p);
		return latest != null && isRunFolder(latest) ? latest : null;
	}

	/** Reads a run folder (or what {@link #resolve} makes of the path); a {@link RunFolderException} names the folder when it is none. */
	public static RunFolder read(Path path) {
		if (!Files.exists(path)) throw new RunFolderException(path + ": no such folder");
		Path folder = resolve(path);
		if (folder == null)
			throw new RunFolderException(path + ": not a run folder (no " + RunFiles.SUMMARY + "; run an experiment first: ./cellwright run FILE)");
		return new RunFolder(folder);
	}

	private CsvTable csv(String name, boolean noteMissing, String... required) {
		Path p = folder.resolve(name);
		if (!Files.isRegularFile(p)) {
			if (noteMissing && !name.equals(RunFiles.TIMESERIES)) notes.add(p + ": missing");
			return null;
		}
		try {
			CsvTable t = CsvTable.read(p, required);
			if (t.truncated()) notes.add(p + ":" + (t.rows() + 2) + ": the last row is cut in the middle (left out)");
			return t;
		} catch (RunFolderException e) {
			notes.add(e.getMessage());
			return null;
		}
	}

	/** checks.json's rows; null (and a note) when there is none or it cannot be read. */
	private static List<Check> readChecks(Path p, List<String> notes) {
		if (!Files.isRegularFile(p)) return null;
		JsonElement e;
		try {
			e = JsonParser.parseString(Files.readString(p, StandardCharsets.UTF_8));
		} catch (IOException | JsonParseException ex) {
			notes.add(p + ": cannot be read as JSON, left out");
			return null;
		}
		if (!(e instanceof JsonObject root) || !(root.get("checks") instanceof JsonArray a)) {
			notes.add(p + ": no \"checks\" array, left out");
			return null;
		}
		String experiment = Summary.str(root, "experiment");
		List<Check> out = new ArrayList<>();
		for (JsonElement c : a) {
			if (!(c instanceof JsonObject o)) continue;
			JsonElement pass = o.get("pass");
			double line = Summary.num(o, "line");
			out.add(new Check(experiment, Summary.str(o, "quantity"), Summary.str(o, "metric"), Summary.str(o, "expected"),
					Summary.str(o, "simulated"),
					pass != null && pass.isJsonPrimitive() && pass.getAsJsonPrimitive().isBoolean() ? pass.getAsBoolean() : null,
					Summary.str(o, "unit"), Summary.str(o, "source"), Summary.str(o, "file"), Double.isNaN(line) ? 0 : (int) line,
					Summary.str(o, "note")));
		}
		return out;
	}

	public Path folder() { return folder; }

	/** summary.json (an empty summary, status UNKNOWN, when the folder has none or it is unreadable: see {@link #notes()}). */
	public Summary summary() { return summary; }

	/** A number of the summary, NaN when absent or null. */
	public double number(String key) { return summary.number(key); }

	/** The experiment (or sweep/variant) name: from the summary's run, inputs.json or checks.json, else the folder's name. */
	public String experiment() {
		Summary.Run r = summary.run();
		if (r != null && r.name() != null) return r.name();
		if (inputs != null) return inputs.provenance().experiment();
		if (checks != null && !checks.isEmpty() && checks.get(0).experiment() != null) return checks.get(0).experiment();
		return folder.toAbsolutePath().normalize().getFileName().toString();
	}

	/** The base name of the .cell file the run came from (the summary's, else the results folder's name), or "". */
	public String sourceName() {
		Summary.Run r = summary.run();
		if (r != null && r.sourceFile() != null) return Path.of(r.sourceFile()).getFileName().toString().replaceFirst("\\.cell$", "");
		Path p = folder.toAbsolutePath().normalize();
		org.cellwright.run.store.RunStore.History h = org.cellwright.run.store.RunStore.historyOf(p.getParent());
		if (h != null) return h.cellFile().getFileName().toString().replaceFirst("\\.cell$", "");
		return p.getParent() == null || p.getParent().getFileName() == null ? "" : p.getParent().getFileName().toString();
	}

	/** The cell simulated, or "?". */
	public String cellName() {
		String c = summary.cell();
		return c != null ? c : inputs != null ? inputs.cell().name() : "?";
	}

	public String status() { return summary.status(); }

	public boolean completed() { return "COMPLETED".equals(status()); }

	/** True when the run did not end as it should (cancelled, interrupted, failed, not converged). */
	public boolean partial() { return summary.partial(); }

	/** The run's id in the run store ("20261203-141502-3fa9c2"), or the folder's name for older runs. */
	public String runId() {
		Summary.Run r = summary.run();
		return r != null && r.id() != null ? r.id() : folder.toAbsolutePath().normalize().getFileName().toString();
	}

	public Summary.ShortCircuit shortCircuit() { return summary.shortCircuit(); }

	/** The first soft short of the run, or null. */
	public Summary.ShortCircuit softShort() { return summary.softShort(); }

	public List<String> messages() { return summary.messages(); }

	/** End of the simulated time [h]: the summary's, else the last time of the series; NaN when unknown. */
	public double endTimeH() {
		double t = summary.endTimeH();
		if (Double.isNaN(t) && timeseries != null && timeseries.rows() > 0) t = timeseries.column("time_h")[timeseries.rows() - 1];
		return t;
	}

	/** The size of the Li pressing on the SE as the solver took it for the map [m] (NaN when not recorded). */
	public double characteristicSizeM() {
		Summary.MechanismMap m = summary.mechanismMap();
		return m == null ? Double.NaN : m.characteristicSizeM();
	}

	/**
	 * The first interlayer's pore size from inputs.json [m], NaN when unknown; from an inputs.json that does not read as
	 * resolved inputs (older or hand-made), the first layer of role INTERLAYER that gives one.
	 */
	public double poreSizeM() {
		if (inputs != null) {
			for (LayerSpec l : inputs.cell().layers())
				if (l.role() == LayerRole.INTERLAYER && !Double.isNaN(l.poreSize())) return l.poreSize();
			return Double.NaN;
		}
		Path ip = folder.resolve(RunFiles.INPUTS);
		if (!Files.isRegularFile(ip)) return Double.NaN;
		try {
			return findPoreSize(JsonParser.parseString(Files.readString(ip, StandardCharsets.UTF_8)), 0);
		} catch (IOException | JsonParseException e) {
			return Double.NaN;
		}
	}

	private static double findPoreSize(JsonElement e, int depth) {
		if (depth > 64) return Double.NaN;
		if (e instanceof JsonObject o) {
			if ("INTERLAYER".equalsIgnoreCase(Summary.str(o, "role")))
				for (String k : List.of("pore_size_m", "poreSize", "pore_size")) {
					double v = Summary.num(o, k);
					if (!Double.isNaN(v)) return v;
				}
			for (var entry : o.entrySet()) {
				double v = findPoreSize(entry.getValue(), depth + 1);
				if (!Double.isNaN(v)) return v;
			}
		} else if (e instanceof JsonArray a) {
			for (JsonElement x : a) {
				double v = findPoreSize(x, depth + 1);
				if (!Double.isNaN(v)) return v;
			}
		}
		return Double.NaN;
	}

	/** timeseries.csv, or null when absent or unreadable. */
	public CsvTable timeseries() { return timeseries; }

	/** cycles.csv, or null. */
	public CsvTable cycles() { return cycles; }

	/** mechanism-map.csv (size_m, dislocation_MPa, diffusional_creep_MPa, flow_stress_MPa), or null. */
	public CsvTable mechanismMap() { return mechanismMap; }

	/** The map as curves, or null. */
	public MechanismMapCurves mechanismMapCurves() {
		if (mechanismMap == null) return null;
		return new MechanismMapCurves(mechanismMap.column("size_m"), mechanismMap.column("dislocation_MPa"),
				mechanismMap.column("diffusional_creep_MPa"), mechanismMap.column("flow_stress_MPa"));
	}

	/** inputs.json, or null. */
	public ResolvedInputs inputs() { return inputs; }

	/**
	 * The cell's area [m2]: inputs.json's, else summary.json's {@code area_cm2} (a liquid-electrolyte run keeps no
	 * inputs.json); NaN when neither gives one. The one rule for the current in A of a run's series (its comparison
	 * with a measurement, its BDF export, the measured capacities).
	 */
	public double areaM2() {
		return inputs != null ? inputs.cell().area() : number(org.cellwright.solver.output.SummaryKeys.AREA_CM2) * 1e-4;
	}

	/**
	 * Where the run comes from (experiment, source file and line, version, time): inputs.json's provenance, else a DFN
	 * run's from dfn-inputs.json, its source made absolute as inputs.json's is ({@link SourceRecord#resolveIn}); null
	 * when neither holds one.
	 */
	public ResolvedInputs.Provenance provenance() { return inputs != null ? inputs.provenance() : dfnProvenance; }

	/**
	 * The names of the protocols the run's experiment ran, in its order, as its {@code .cell} file had them (the
	 * provenance's); null when the run's record does not keep them (written before session 25, or no provenance).
	 */
	public List<String> protocolNames() {
		ResolvedInputs.Provenance p = provenance();
		return p == null ? null : p.protocols();
	}

	/** dfn-inputs.json's provenance with its source resolved in the run folder, or null when it has none readable. */
	private static ResolvedInputs.Provenance provenance(JsonElement dfnInputs, Path folder) {
		if (!(dfnInputs instanceof JsonObject o) || !(o.get(DfnInputs.PROVENANCE) instanceof JsonObject p) || Summary.str(p, "experiment") == null)
			return null;
		p = p.deepCopy();
		SourceRecord.resolveIn(p, DfnInputs.SOURCE_FILE, folder.toAbsolutePath().normalize());
		int line = p.get("sourceLine") instanceof JsonElement l && l.isJsonPrimitive() && l.getAsJsonPrimitive().isNumber() ? l.getAsInt() : 0;
		return new ResolvedInputs.Provenance(Summary.str(p, "experiment"), Summary.str(p, DfnInputs.SOURCE_FILE), line,
				Summary.str(p, "cellwrightVersion"), Summary.str(p, "created"), protocols(p, folder));
	}

	/** The protocols' names a DFN run's provenance keeps (as inputs.json's), or null: not kept, or not names. */
	private static List<String> protocols(JsonObject provenance, Path folder) {
		try {
			return InputsJson.readProtocols(provenance, folder.resolve(DfnInputs.FILE_NAME).toString());
		} catch (InputsJsonException e) {
			return null; // a record of the run, not what it ran: the report names no protocol
		}
	}

	/**
	 * Whether a run folder holds a solid-state half cell's run: no DFN run (dfn-inputs.json), cycles in its summary and
	 * none with a specific capacity (mAh/g of a cathode). Its capacity retention (last over first plating, a set
	 * capacity) does not apply: the report and the Sweep view leave it out, as the Results view's cycle chart does. (A
	 * DFN run has no mAh/g either, and is a cell with a cathode.)
	 */
	public static boolean halfCell(Path folder, Summary summary) {
		if (Files.isRegularFile(folder.resolve(DfnInputs.FILE_NAME))) return false;
		List<Summary.Cycle> cycles = summary.cycles();
		return !cycles.isEmpty() && cycles.stream().noneMatch(c -> Double.isFinite(c.dischargeMAhG()));
	}

	/** Whether this is a solid-state half cell's run ({@link #halfCell(Path, Summary)}). */
	public boolean halfCell() { return halfCell(folder, summary); }

	/** True for a liquid-electrolyte (DFN) run: no inputs.json, a dfn-inputs.json (its mapped values) instead. */
	public boolean dfn() { return dfn; }

	/** The protocol run: inputs.json's, else a DFN run's from dfn-inputs.json; null when neither holds it (see {@link #protocolMissing()}). */
	public ProtocolSpec protocol() { return inputs != null ? inputs.protocol() : dfnProtocol; }

	/** A DFN run's stack, negative to positive, from dfn-inputs.json; null when not a DFN run or not kept (see {@link #dfnStackMissing()}). */
	public List<DfnInputs.Layer> dfnStack() { return dfnStack; }

	/** Why a DFN run's {@link #dfnStack()} is null (a dfn-inputs.json written before it kept the layers, unreadable), else null. */
	public String dfnStackMissing() { return dfnStackMissing; }

	/** Why {@link #protocol()} is null ("no inputs.json ...", a dfn-inputs.json written before it kept the steps), else null. */
	public String protocolMissing() { return protocolMissing; }

	/** checks.json's rows, or null when there is no (readable) checks.json. */
	public List<Check> checks() { return checks; }

	/** Parts that were missing or present but unreadable, each "file[:line]: why". */
	public List<String> notes() { return notes; }
}

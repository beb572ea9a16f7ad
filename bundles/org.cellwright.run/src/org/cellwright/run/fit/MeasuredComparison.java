package org.cellwright.run.fit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cellwright.measured.BdfWriter;
import org.cellwright.measured.ColumnMapping;
import org.cellwright.measured.CyclerDataReader;
import org.cellwright.measured.CyclerFormat;
import org.cellwright.measured.ErrorFigures;
import org.cellwright.measured.MeasuredDataException;
import org.cellwright.measured.MeasuredSeries;
import org.cellwright.model.CurrentSign;
import org.cellwright.model.MeasuredData;
import org.cellwright.run.CellFiles;
import org.cellwright.run.InputException;
import org.cellwright.run.Problem;
import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.store.Atomic;
import org.cellwright.solver.input.json.ResolvedInputs;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A run of an experiment that names its measurement, compared with it: the measurement copied into the run folder
 * as BDF ({@value RunFiles#MEASURED}, so that the run and its data travel together and the report and IDE overlay
 * them) and the error figures in {@code measured-comparison.json} (voltage RMS and maximum over all points, per cycle
 * and per step, discharge capacity per cycle), which {@code expect voltage-rms-error < 15 mV} reads.
 */
public final class MeasuredComparison {
	private MeasuredComparison() {}

	/**
	 * The member of measured-comparison.json saying whose steps voltage_rms_by_step_V's "cycle.step" keys count:
	 * "measurement" (its own step column) or "simulation" (the solver's index in the flattened protocol, from 0, which
	 * the report names as the protocol is written: StepNumbers); absent in files written before session 31.
	 */
	public static final String STEPS_OF = "steps_of";

	/**
	 * The measurement of an experiment, its path relative to the .cell file, its current flipped when the clause says
	 * {@code sign discharge-positive}; a bad file is an InputException at the clause.
	 */
	public static MeasuredSeries read(MeasuredData m) {
		Problem at = CellFiles.problemAt(m, Problem.Severity.ERROR, "");
		Path base = at.file() == null ? Path.of("") : at.file().toAbsolutePath().getParent();
		Path file = base.resolve(m.getPath()).normalize();
		if (m.getFormat() == null && isReference(file)) return reference(file, m);
		CyclerDataReader reader = new CyclerDataReader();
		try {
			if (m.getFormat() != null) reader.format(CyclerFormat.named(m.getFormat()));
			if (m.getColumns() != null) reader.mapping(ColumnMapping.parse(m.getColumns()));
			// 'sign discharge-positive': the file's current flipped to CellWright's convention here, as it is read (the
			// file itself is never rewritten)
			reader.invertCurrent(m.getSign() == CurrentSign.DISCHARGE_POSITIVE);
			return reader.read(file);
		} catch (IllegalArgumentException e) {
			throw new InputException(CellFiles.problemAt(m, Problem.Severity.ERROR, e.getMessage()));
		} catch (MeasuredDataException e) {
			throw new InputException(CellFiles.problemAt(m, Problem.Severity.ERROR, "measured data: " + e.getMessage()));
		}
	}

	/**
	 * A reference solution as JSON with {@code time} [s] and {@code voltage} [V] arrays of numbers (the COMSOL runs of
	 * ../shared/data/dfn-reference, whose other fields are ignored here): a voltage against time to compare with, like
	 * a measurement.
	 */
	static MeasuredSeries reference(Path file, MeasuredData m) {
		try {
			return reference(file);
		} catch (java.io.IOException | RuntimeException e) {
			throw new InputException(CellFiles.problemAt(m, Problem.Severity.ERROR, "reference " + org.cellwright.lang.text.Printable.quoted(m.getPath()) + ": " + referenceProblem(e)));
		}
	}

	/** Whether a measured file without a format is read as a reference solution: a {@code .json} file. */
	public static boolean isReference(Path file) {
		return file.getFileName() != null && file.getFileName().toString().endsWith(".json");
	}

	/**
	 * A reference solution's {@code time} and {@code voltage} arrays (see {@link #reference(Path, MeasuredData)}); also
	 * read so by the IDE's measured-data import, which overlays what the experiment's clause would read.
	 */
	public static MeasuredSeries reference(Path file) throws java.io.IOException {
		JsonObject o;
		try (var r = java.nio.file.Files.newBufferedReader(file)) {
			o = com.google.gson.JsonParser.parseReader(r).getAsJsonObject();
		}
		Map<org.cellwright.measured.MeasuredQuantity, double[]> cols = new java.util.EnumMap<>(org.cellwright.measured.MeasuredQuantity.class);
		double[] time = vector(o, "time");
		// a reference's times ascend as a measurement's do (CyclerDataReader): descending ones made the comparison's
		// search from the start at each point, quadratic (10^6 points: no end); session 24's fuzz
		for (int i = 1; i < time.length; i++)
			if (time[i] < time[i - 1]) throw new IllegalArgumentException("$.time[" + i + "]: time goes back from " + time[i - 1] + " s to " + time[i] + " s");
		cols.put(org.cellwright.measured.MeasuredQuantity.TIME, time);
		cols.put(org.cellwright.measured.MeasuredQuantity.VOLTAGE, vector(o, "voltage"));
		return new MeasuredSeries(cols, file, "reference-json");
	}

	/** Why a reference cannot be read, with what it needs. */
	public static String referenceProblem(Exception e) {
		String why = e instanceof com.google.gson.JsonParseException ? "not JSON: " + org.cellwright.solver.input.json.JsonSyntax.reason(e)
				: e.getMessage() == null ? e.toString() : e.getMessage();
		return why + " (a JSON reference needs 'time' [s] and 'voltage' [V] arrays)";
	}

	private static double[] vector(JsonObject o, String key) {
		if (!o.has(key) || !o.get(key).isJsonArray()) throw new IllegalArgumentException("no '" + key + "' array");
		JsonArray a = o.getAsJsonArray(key);
		double[] v = new double[a.size()];
		for (int i = 0; i < v.length; i++) {
			JsonElement e = a.get(i);
			// a string, an object or an array was "For input string: \"a\"" or "JsonObject", at no index
			if (!e.isJsonPrimitive() || e.getAsJsonPrimitive().isBoolean())
				throw new IllegalArgumentException("$." + key + "[" + i + "]: " + (e.isJsonObject() ? "an object" : e.isJsonArray() ? "an array" : e)
						+ ", not a number");
			try {
				v[i] = e.getAsDouble();
			} catch (NumberFormatException x) {
				String text = e.getAsString();
				throw new IllegalArgumentException("$." + key + "[" + i + "]: " + (text.length() <= 40 ? "'" + org.cellwright.lang.text.Printable.escape(text) + "'"
						: "a text of " + text.length() + " characters") + " is not a number");
			}
			// Gson reads NaN and Infinity (and 1e400 as Infinity): no time or voltage
			if (!Double.isFinite(v[i])) throw new IllegalArgumentException("$." + key + "[" + i + "]: " + e.getAsString() + " is not a finite number");
		}
		if (v.length < 2) throw new IllegalArgumentException("'" + key + "' has fewer than two values");
		return v;
	}

	/** The simulated series of a run folder in SI (current in A for a cell of {@code areaM2}). */
	public static ErrorFigures.Simulated simulated(RunFolder run, double areaM2) {
		return simulated(run.timeseries(), areaM2);
	}

	/**
	 * A run's time series as a measured series in SI (time s, voltage V, current A with charge positive, cycle and
	 * step counts), for {@link BdfWriter}: CellWright's own results in the Battery Data Format. The cell's area comes
	 * from the run's inputs.json; a run without one (or without a time series) is a RunFolderException naming it.
	 */
	public static MeasuredSeries series(RunFolder run) {
		if (run.timeseries() == null)
			throw new org.cellwright.run.folder.RunFolderException(run.folder().resolve(RunFiles.TIMESERIES) + ": missing");
		// the cell's area: inputs.json's, else summary.json's (a liquid-electrolyte run keeps no inputs.json: export-bdf
		// refused every DFN run, found by fuzzing, session 15)
		double area = run.areaM2();
		if (!(area > 0))
			throw new org.cellwright.run.folder.RunFolderException(run.folder().resolve(RunFiles.INPUTS)
					+ ": missing or unreadable, and summary.json gives no area_cm2: the cell's area is needed to write the current in A");
		ErrorFigures.Simulated s = simulated(run.timeseries(), area);
		Map<org.cellwright.measured.MeasuredQuantity, double[]> cols = new java.util.EnumMap<>(org.cellwright.measured.MeasuredQuantity.class);
		cols.put(org.cellwright.measured.MeasuredQuantity.TIME, s.time());
		cols.put(org.cellwright.measured.MeasuredQuantity.VOLTAGE, s.voltage());
		cols.put(org.cellwright.measured.MeasuredQuantity.CURRENT, s.current());
		cols.put(org.cellwright.measured.MeasuredQuantity.CYCLE, java.util.Arrays.stream(s.cycle()).asDoubleStream().toArray());
		cols.put(org.cellwright.measured.MeasuredQuantity.STEP, java.util.Arrays.stream(s.step()).asDoubleStream().toArray());
		return new MeasuredSeries(cols, run.folder().resolve(RunFiles.TIMESERIES), "CellWright");
	}

	/** The simulated series of a run's timeseries.csv in SI (current in A for a cell of {@code areaM2}). */
	public static ErrorFigures.Simulated simulated(CsvTable ts, double areaM2) {
		double[] th = ts.column("time_h"), v = ts.column("voltage_V"), i = ts.column("current_mA_cm2");
		double[] cyc = ts.column("cycle"), st = ts.column("step");
		int n = th.length;
		double[] t = new double[n], amps = new double[n];
		int[] c = new int[n], s = new int[n];
		for (int k = 0; k < n; k++) {
			t[k] = th[k] * 3600;
			amps[k] = i[k] * 10 * areaM2; // mA/cm2 -> A/m2 -> A
			c[k] = (int) Math.round(cyc[k]);
			s[k] = (int) Math.round(st[k]);
		}
		return new ErrorFigures.Simulated(t, v, amps, c, s);
	}

	/**
	 * Writes the comparison into a run folder; a measurement that cannot be read, or does not overlap the run, is
	 * written as {@code {"error": ...}} (the expectations on it are then missing values, with that reason).
	 */
	public static void write(Path runFolder, MeasuredData m, double areaM2) {
		write(runFolder, m, Measurement.of(m), areaM2);
	}

	/**
	 * An experiment's measurement read once, for all its runs (a sweep's): the series, or the located problem that
	 * stopped the reading.
	 */
	public record Measurement(MeasuredSeries series, InputException problem) {
		public static Measurement of(MeasuredData m) {
			try {
				return new Measurement(read(m), null);
			} catch (InputException e) {
				return new Measurement(null, e);
			}
		}

		/**
		 * The measurement an inputs.json records ({@code measured}): the copy its run kept ({@value RunFiles#MEASURED},
		 * named absolute as read), read as BDF when its SHA-256 is the one recorded; else the problem, at the clause.
		 */
		public static Measurement of(ResolvedInputs.Measured m, Clause clause) {
			if (m.copy() == null || m.sha256() == null)
				return new Measurement(null, new InputException(clause.problem(Problem.Severity.ERROR, "measured data: the run this inputs.json"
						+ " records could not read " + m.file() + " either, and kept no copy of it")));
			Path copy = Path.of(m.copy());
			try {
				String sha = org.cellwright.run.RunWriter.sha256(java.nio.file.Files.readAllBytes(copy));
				if (!sha.equals(m.sha256()))
					return new Measurement(null, new InputException(clause.problem(Problem.Severity.ERROR, "measured data: " + copy
							+ " was changed since its run kept it (its SHA-256 is not the one inputs.json records): not compared")));
				return new Measurement(new CyclerDataReader().format(CyclerFormat.BDF).read(copy), null);
			} catch (IOException | MeasuredDataException | RuntimeException e) {
				return new Measurement(null, new InputException(clause.problem(Problem.Severity.ERROR, "measured data: " + copy
						+ " (the copy of " + m.file() + " its run kept): " + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()))));
			}
		}
	}

	/**
	 * The measured clause a comparison names and is located at: the file as the clause writes it, and where the clause is
	 * (its warnings and errors are said there), in a .cell file or as an inputs.json records it.
	 */
	public record Clause(String file, Problem at) {
		public static Clause of(MeasuredData m) {
			return new Clause(m.getPath(), CellFiles.problemAt(m, Problem.Severity.ERROR, ""));
		}

		/** The clause an inputs.json records, in the file its provenance names ({@code sourceFile}, null: unknown). */
		public static Clause of(ResolvedInputs.Measured m, String sourceFile) {
			return new Clause(m.file(), new Problem(sourceFile == null ? null : Path.of(sourceFile), m.line(), m.column(), Problem.Severity.ERROR, ""));
		}

		/** A problem at the clause. */
		public Problem problem(Problem.Severity severity, String message) {
			return new Problem(at.file(), at.line(), at.column(), severity, message, at.source());
		}
	}

	/**
	 * What a run's inputs.json records of its measurement: the copy {@value RunFiles#MEASURED} written now into the run
	 * folder being written, with its SHA-256 (the comparison after the run keeps it as it is, not writing it twice), so that a re-run
	 * from the inputs.json compares with the same data; without a copy when the measurement could not be read.
	 */
	public static ResolvedInputs.Measured record(Clause clause, Measurement measurement, Path writing) {
		int line = clause.at().line(), column = clause.at().column();
		if (measurement.series() == null) return new ResolvedInputs.Measured(clause.file(), null, null, line, column);
		try {
			Path copy = writing.resolve(RunFiles.MEASURED);
			java.nio.file.Files.createDirectories(writing);
			BdfWriter.write(measurement.series(), copy);
			return new ResolvedInputs.Measured(clause.file(), RunFiles.MEASURED,
					org.cellwright.run.RunWriter.sha256(java.nio.file.Files.readAllBytes(copy)), line, column);
		} catch (IOException e) {
			return new ResolvedInputs.Measured(clause.file(), null, null, line, column); // the comparison says what failed
		}
	}

	/** {@link #write(Path, MeasuredData, double)} with the measurement already read. */
	public static void write(Path runFolder, MeasuredData m, Measurement measurement, double areaM2) {
		write(runFolder, Clause.of(m), measurement, areaM2);
	}

	/** {@link #write(Path, MeasuredData, double)} at a clause (of a .cell file, or as an inputs.json records it). */
	public static void write(Path runFolder, Clause clause, Measurement measurement, double areaM2) {
		JsonObject o = new JsonObject();
		o.addProperty("file", clause.file());
		try {
			if (measurement.problem() != null) throw measurement.problem();
			MeasuredSeries data = measurement.series();
			o.addProperty("format", data.format());
			// the copy: kept already where the run's inputs.json names it (record, written atomically into the run
			// folder being written, from this measurement); written here for a run that records none (a DFN run's)
			Path copy = runFolder.resolve(RunFiles.MEASURED);
			if (!java.nio.file.Files.isRegularFile(copy)) BdfWriter.write(data, copy);
			ErrorFigures.Simulated sim = simulated(RunFolder.read(runFolder), areaM2);
			ErrorFigures f = ErrorFigures.compare(data, sim);
			// the measured current against the protocol's for this cell: scale and sign, located at the measured clause
			JsonArray warnings = new JsonArray();
			List<String> findings = new ArrayList<>(org.cellwright.measured.SpanCheck.compare(data, sim));
			findings.addAll(org.cellwright.measured.CurrentCheck.compare(data, sim, areaM2 * 1e4));
			for (String w : findings)
				warnings.add(clause.problem(Problem.Severity.WARNING, clause.file() + ": " + w).format());
			o.add("warnings", warnings);
			o.addProperty("points", f.points());
			o.addProperty("measured_points", data.values(org.cellwright.measured.MeasuredQuantity.TIME).length);
			o.addProperty("voltage_rms_V", f.voltageRms());
			o.addProperty("voltage_max_V", f.voltageMax());
			o.add("voltage_rms_by_cycle_V", map(f.rmsByCycle()));
			o.add("voltage_rms_by_step_V", map(f.rmsByStep()));
			// whose steps those are: the measurement's own step counts, or the simulation's index in the flattened
			// protocol (the measurement has none), which the report names as the protocol is written (StepNumbers)
			o.addProperty(STEPS_OF, f.simulatedSteps() ? "simulation" : "measurement");
			JsonArray caps = new JsonArray();
			for (ErrorFigures.CycleCapacity c : f.capacityByCycle()) {
				JsonObject j = new JsonObject();
				j.addProperty("cycle", c.cycle());
				j.addProperty("measured_discharge_mAh", c.measured() / 3.6);
				j.addProperty("simulated_discharge_mAh", c.simulated() / 3.6);
				j.addProperty("relative_error", c.relativeError());
				caps.add(j);
			}
			o.add("discharge_capacity_by_cycle", caps);
		} catch (InputException e) {
			o.addProperty("error", e.problem().format());
		} catch (IOException | RuntimeException e) {
			// located at the measured clause, as a reading error is (run prints it)
			o.addProperty("error", clause.problem(Problem.Severity.ERROR, "cannot compare with " + clause.file() + ": " + e.getMessage()).format());
		}
		Atomic.writeString(runFolder.resolve(RunFiles.MEASURED_COMPARISON), new GsonBuilder().setPrettyPrinting().create().toJson(o));
	}

	private static JsonObject map(Map<?, Double> m) {
		JsonObject o = new JsonObject();
		m.forEach((k, v) -> o.addProperty(String.valueOf(k), v));
		return o;
	}
}

package org.cellwright.cli.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.cellwright.model.Experiment;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.ResultSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.ResolvedInputs;
import org.cellwright.solver.output.CsvResultWriter;
import org.cellwright.solver.output.MechanismMapWriter;
import org.cellwright.solver.output.SummaryJsonWriter;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

/**
 * Runs one experiment's solver inputs and writes inputs.json (the resolved inputs, before solving), then
 * timeseries.csv, cycles.csv, summary.json and the Li deformation-mechanism map (mechanism-map.csv) into a folder.
 */
public final class ExperimentRunner {

	/** What a run left behind. */
	public record Outcome(String experiment, RunStatus status, Path folder, JsonObject summary) {}

	private ExperimentRunner() {}

	/** Runs without knowing where the experiment was written (inputs.json names no source file). */
	public static Outcome run(SimulationInputs.Inputs in, Path folder, ProgressListener progress) {
		return run(in, null, folder, progress);
	}

	/** Runs an experiment of the model; {@code source} (may be null) gives inputs.json its file and line. */
	public static Outcome run(SimulationInputs.Inputs in, Experiment source, Path folder, ProgressListener progress) {
		return run(resolved(in, source), folder, progress);
	}

	/** Runs resolved inputs (e.g. read back from an inputs.json) and writes them, with the results, into {@code folder}. */
	public static Outcome run(ResolvedInputs in, Path folder, ProgressListener progress) {
		InputsJson.write(in, folder.resolve(InputsJson.FILE_NAME));
		CsvResultWriter csv = new CsvResultWriter(folder);
		SummaryJsonWriter json = new SummaryJsonWriter(folder.resolve("summary.json"));
		RunStatus st;
		try {
			st = new Simulation().run(in.cell(), in.protocol(), in.settings(), ResultSink.tee(csv, json), progress);
		} finally {
			csv.close();
		}
		JsonObject summary = json.json();
		mechanismMap(in, folder, summary);
		return new Outcome(in.provenance().experiment(), st, folder, summary);
	}

	/** Strain rate [1/s] at which the deformation-mechanism map is drawn (Li deposits deforming in seconds). */
	public static final double MAP_STRAIN_RATE = 1e-2;

	/**
	 * Writes mechanism-map.csv (flow stress of the cell's Li vs size, at the cell's temperature) and records in
	 * summary.json the conditions and the Li feature size to mark on it (e.g. the interlayer's pore size after formation).
	 */
	private static void mechanismMap(ResolvedInputs in, Path folder, JsonObject summary) {
		double temperature = org.cellwright.solver.Simulation.initialTemperature(in.cell(), in.protocol()); // as the protocol sets it
		MechanismMapWriter.write(in.cell(), temperature, MAP_STRAIN_RATE, folder.resolve("mechanism-map.csv"));
		JsonObject m = new JsonObject();
		m.addProperty("temperature_K", temperature);
		m.addProperty("strain_rate_per_s", MAP_STRAIN_RATE);
		m.addProperty("characteristic_size_m", MechanismMapWriter.characteristicSize(in.cell()));
		summary.add("mechanism_map", m);
		try {
			Files.writeString(folder.resolve("summary.json"), new GsonBuilder().setPrettyPrinting().serializeNulls().serializeSpecialFloatingPointValues().create().toJson(summary),
					StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException("cannot write " + folder.resolve("summary.json") + ": " + e.getMessage(), e);
		}
	}

	/** The solver inputs with their provenance: experiment, file and line (when {@code source} is given), version, now. */
	public static ResolvedInputs resolved(SimulationInputs.Inputs in, Experiment source) {
		String file = null;
		int line = 0;
		if (source != null) {
			Problem at = CellFiles.problemAt(source, Problem.Severity.INFO, "");
			if (at.file() != null) file = Problem.display(at.file());
			line = at.line();
		}
		ResolvedInputs.Provenance p = new ResolvedInputs.Provenance(in.name(), file, line, InputsJson.cellwrightVersion(),
				Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
		return new ResolvedInputs(p, in.cell(), in.protocol(), in.settings());
	}
}

package org.cellwright.cli.run;

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
import org.cellwright.solver.output.SummaryJsonWriter;

import com.google.gson.JsonObject;

/**
 * Runs one experiment's solver inputs and writes inputs.json (the resolved inputs, before solving), then
 * timeseries.csv, cycles.csv and summary.json into a folder.
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
		return new Outcome(in.provenance().experiment(), st, folder, json.json());
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

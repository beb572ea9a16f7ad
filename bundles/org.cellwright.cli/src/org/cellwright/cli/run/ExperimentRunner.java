package org.cellwright.cli.run;

import java.nio.file.Path;

import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.ResultSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.output.CsvResultWriter;
import org.cellwright.solver.output.SummaryJsonWriter;

import com.google.gson.JsonObject;

/** Runs one experiment's solver inputs and writes timeseries.csv, cycles.csv and summary.json into a folder. */
public final class ExperimentRunner {

	/** What a run left behind. */
	public record Outcome(String experiment, RunStatus status, Path folder, JsonObject summary) {}

	private ExperimentRunner() {}

	public static Outcome run(SimulationInputs.Inputs in, Path folder, ProgressListener progress) {
		CsvResultWriter csv = new CsvResultWriter(folder);
		SummaryJsonWriter json = new SummaryJsonWriter(folder.resolve("summary.json"));
		RunStatus st;
		try {
			st = new Simulation().run(in.cell(), in.protocol(), in.settings(), ResultSink.tee(csv, json), progress);
		} finally {
			csv.close();
		}
		return new Outcome(in.name(), st, folder, json.json());
	}
}

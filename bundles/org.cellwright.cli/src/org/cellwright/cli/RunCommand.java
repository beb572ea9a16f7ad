package org.cellwright.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cellwright.cli.run.CellFiles;
import org.cellwright.sharing.cli.CliSupport;
import org.cellwright.sharing.cli.LibraryOption;
import org.cellwright.cli.run.ExperimentRunner;
import org.cellwright.cli.run.InputException;
import org.cellwright.cli.run.InputsRun;
import org.cellwright.cli.run.Problem;
import org.cellwright.cli.run.SimulationInputs;
import org.cellwright.model.Experiment;
import org.cellwright.solver.ProgressListener;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code run FILE [--experiment NAME] [--out DIR]}: simulates the experiments of a file and writes their results. */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = "Simulate the experiments of a .cell file; writes timeseries.csv, cycles.csv and summary.json per experiment.")
public class RunCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "FILE", description = "the .cell file with one or more experiments")
	String file;

	@Option(names = { "-e", "--experiment" }, paramLabel = "NAME", description = "run only this experiment")
	String experiment;

	@Option(names = { "-o", "--out" }, paramLabel = "DIR", description = "output folder (default: results/<file name>)")
	String out;

	@Mixin
	LibraryOption libs;

	@Spec CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
		if (file.endsWith(".json")) // resolved inputs written beside earlier results (inputs.json): re-run them
			return InputsRun.run(CliSupport.userPath(file), out == null ? null : CliSupport.userPath(out), o, err);
		Path path = CliSupport.userPath(file);
		if (!Files.isRegularFile(path)) {
			err.println(file + ": no such file");
			return 1;
		}
		CellFiles loaded = CellFiles.load(CellFiles.withSiblings(path), libs.path(), path.toAbsolutePath().getParent());
		boolean errors = false;
		// problems of the neighbours matter only where they break this file, which then has errors of its own
		for (Problem p : loaded.problemsOf(path)) {
			if (p.isError()) errors = true;
			err.println(p.format());
		}
		if (errors) {
			err.println("cellwright: not run: fix the errors above first");
			return 1;
		}
		List<Experiment> experiments = loaded.experiments(experiment);
		if (experiments.isEmpty()) {
			err.println(Problem.display(path) + ": " + (experiment == null ? "no experiment in this file"
					: "no experiment named '" + experiment + "'"));
			return 1;
		}
		String base = path.getFileName().toString().replaceFirst("\\.cell$", "");
		Path outDir = out != null ? CliSupport.userPath(out) : CliSupport.userPath("results").resolve(base);
		int failures = 0;
		for (Experiment x : experiments) {
			SimulationInputs.Inputs in;
			try {
				in = SimulationInputs.of(x);
			} catch (InputException ex) {
				err.println(ex.problem().format());
				failures++;
				continue;
			}
			long t0 = System.nanoTime();
			ExperimentRunner.Outcome r = ExperimentRunner.run(in, x, outDir.resolve(x.getName()), ProgressListener.NONE);
			double secs = (System.nanoTime() - t0) / 1e9;
			printSummary(o, r, secs);
			if (r.status() != org.cellwright.solver.RunStatus.COMPLETED && r.status() != org.cellwright.solver.RunStatus.SHORT_CIRCUIT)
				failures++;
		}
		return failures == 0 ? 0 : 1;
	}

	static void printSummary(PrintWriter o, ExperimentRunner.Outcome r, double secs) {
		JsonObject s = r.summary();
		o.printf(Locale.ROOT, "%s: %s in %.2f s%n", r.experiment(), r.status(), secs);
		JsonArray cycles = s.has("cycles") ? s.getAsJsonArray("cycles") : new JsonArray();
		if (!cycles.isEmpty()) {
			JsonObject first = cycles.get(0).getAsJsonObject();
			JsonObject last = cycles.get(cycles.size() - 1).getAsJsonObject();
			o.printf(Locale.ROOT, "  cycles: %d; first: charge %s, discharge %s mAh/cm2, CE %s%n", cycles.size(),
					num(first.get("charge_mAh_cm2"), "%.3f"), num(first.get("discharge_mAh_cm2"), "%.3f"), ce(first));
			if (cycles.size() > 1)
				o.printf(Locale.ROOT, "  last (cycle %d): discharge %s mAh/cm2, CE %s%n", last.get("index").getAsInt(),
						num(last.get("discharge_mAh_cm2"), "%.3f"), ce(last));
			JsonElement spec = first.get("discharge_mAh_g");
			if (spec != null && !spec.isJsonNull()) o.printf(Locale.ROOT, "  first discharge: %s mAh/g%n", num(spec, "%.1f"));
		}
		JsonElement nuc = s.get("nucleation_overpotential_mV");
		if (nuc != null && !nuc.isJsonNull()) o.printf(Locale.ROOT, "  nucleation overpotential: %s mV%n", num(nuc, "%.1f"));
		if (r.status() != org.cellwright.solver.RunStatus.COMPLETED && s.has("messages"))
			for (JsonElement m : s.getAsJsonArray("messages")) o.println("  " + m.getAsString());
		JsonElement sc = s.get("short_circuit");
		if (sc != null && sc.isJsonObject())
			o.printf(Locale.ROOT, "  SHORT CIRCUIT in cycle %s at %s h: %s%n", sc.getAsJsonObject().get("cycle"),
					num(sc.getAsJsonObject().get("time_h"), "%.1f"), sc.getAsJsonObject().get("reason").getAsString());
		o.printf("  results: %s (timeseries.csv, cycles.csv, summary.json)%n", Problem.display(r.folder()) + "/");
	}

	private static String num(JsonElement e, String fmt) {
		return e == null || e.isJsonNull() ? "-" : String.format(Locale.ROOT, fmt, e.getAsDouble());
	}

	/** A cycle's Coulombic efficiency, or "-" when the cycle ran in one direction only (nothing to compare). */
	private static String ce(JsonObject cycle) {
		JsonElement c = cycle.get("charge_mAh_cm2"), d = cycle.get("discharge_mAh_cm2");
		boolean both = c != null && d != null && !c.isJsonNull() && !d.isJsonNull() && c.getAsDouble() > 0 && d.getAsDouble() > 0;
		return both ? pct(cycle.get("coulombic_efficiency")) : "-";
	}

	private static String pct(JsonElement e) {
		return e == null || e.isJsonNull() ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * e.getAsDouble());
	}
}

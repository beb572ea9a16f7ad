package org.cellwright.cli.run;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.cellwright.sharing.cli.CliSupport;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.input.InputValidator;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.InputsJsonException;
import org.cellwright.solver.input.json.ResolvedInputs;

/**
 * {@code run path/to/inputs.json [--out DIR]}: re-runs an experiment from the resolved inputs written beside its
 * results, without the .cell files it came from. Results go to {@code DIR/<experiment>} (default
 * {@code results/rerun/<experiment>}), with a copy of the inputs.
 */
public final class InputsRun {

	private InputsRun() {}

	/**
	 * @param outDir the folder given with --out, or null
	 * @return the exit code: 0 when the run completed (or ended in a short circuit), 1 on bad input or a failed run
	 */
	public static int run(Path json, Path outDir, PrintWriter out, PrintWriter err) {
		if (!Files.isRegularFile(json)) {
			err.println(Problem.display(json) + ": no such file");
			return 1;
		}
		ResolvedInputs in;
		try {
			in = InputsJson.parse(Files.readString(json), Problem.display(json));
		} catch (InputsJsonException e) {
			err.println(e.getMessage());
			err.println("cellwright: not run: fix the inputs file first");
			return 1;
		} catch (java.io.IOException e) {
			err.println(Problem.display(json) + ": cannot be read: " + e.getMessage());
			return 1;
		}
		List<String> problems = InputValidator.validate(in.cell(), in.protocol(), in.settings());
		if (!problems.isEmpty()) {
			for (String p : problems) err.println(Problem.display(json) + ": error: " + p);
			err.println("cellwright: not run: fix the inputs file first");
			return 1;
		}
		String name = in.provenance().experiment();
		Path folder = (outDir != null ? outDir : CliSupport.userPath("results").resolve("rerun")).resolve(name);
		if (folder.toAbsolutePath().normalize().equals(json.toAbsolutePath().normalize().getParent()))
			// never overwrite the run being reproduced, its inputs.json included
			folder = folder.resolveSibling(folder.getFileName() + "-rerun");
		long t0 = System.nanoTime();
		ExperimentRunner.Outcome r = ExperimentRunner.run(in, folder, ProgressListener.NONE);
		double secs = (System.nanoTime() - t0) / 1e9;
		String src = in.provenance().sourceFile() == null ? ""
				: " (from " + in.provenance().sourceFile() + ":" + in.provenance().sourceLine() + ")";
		out.printf(Locale.ROOT, "%s%s: %s in %.2f s%n", name, src, r.status(), secs);
		out.printf("  results: %s (inputs.json, timeseries.csv, cycles.csv, summary.json)%n", Problem.display(folder) + "/");
		return r.status() == RunStatus.COMPLETED || r.status() == RunStatus.SHORT_CIRCUIT ? 0 : 1;
	}
}

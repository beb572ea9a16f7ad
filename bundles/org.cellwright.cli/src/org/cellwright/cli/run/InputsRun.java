package org.cellwright.cli.run;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.cli.RunCommand;
import org.cellwright.run.Cancel;
import org.cellwright.run.Checks;
import org.cellwright.run.Pipeline;
import org.cellwright.run.Plans;
import org.cellwright.run.Problem;
import org.cellwright.run.RunExecutor;
import org.cellwright.run.RunGroup;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.store.RunStore;
import org.cellwright.sharing.cli.CliSupport;
import org.cellwright.run.folder.SourceRecord;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.InputsJsonException;
import org.cellwright.solver.input.json.ResolvedInputs;

/**
 * {@code run path/to/inputs.json [--out DIR]}: re-runs an experiment from the resolved inputs written beside its
 * results, without the .cell files it came from, through the same {@link Pipeline}: into the run store
 * {@code DIR/<experiment>/<run id>/} (default {@code results/rerun/}). The experiment's name becomes a folder: a name
 * that cannot (a path, "..", control characters, too long) is refused before anything is written.
 */
public final class InputsRun {

	private InputsRun() {}

	/**
	 * @param outDir the folder given with --out, or null
	 * @return the exit code: 0 when the run completed (or ended in a short circuit) and its recorded expect clauses pass, 1
	 *         on bad input, a failed run or a measurement that cannot be compared, 3 when a recorded expect clause fails
	 */
	public static int run(Path json, Path outDir, PrintWriter out, PrintWriter err) {
		return run(json, outDir, out, err, RunExecutor.LOCAL, null);
	}

	/**
	 * The same on an engine ({@code run --engine NAME --master URL}), with the progress bar a run of a .cell file shows
	 * ({@link Progress}: redrawn in place on a terminal, a plain line every 10 s otherwise; before session 33 a re-run
	 * printed nothing until its summary).
	 */
	public static int run(Path json, Path outDir, PrintWriter out, PrintWriter err, String engine, String master) {
		try (Progress progress = new Progress(out, Progress.stdoutIsTerminal(), 10)) {
			return run(json, outDir, out, err, engine, master, progress);
		}
	}

	/**
	 * The same, its run's progress in {@code progress} (its one task, fed by the solver) and everything printed while
	 * the run goes through it, so no line tears the bar.
	 */
	public static int run(Path json, Path outDir, PrintWriter out, PrintWriter err, String engine, String master, Progress progress) {
		if (!CliSupport.isFile(json, Problem.display(json), err)) return 1;
		if (org.cellwright.run.dfn.DfnInputs.FILE_NAME.equals(String.valueOf(json.getFileName()))) {
			// a liquid-electrolyte run keeps its inputs as dfn-inputs.json, a record that cannot be run again: it read
			// "dfn-inputs.json: format: missing" (session 19)
			progress.println(err, Problem.display(json) + ": a liquid-electrolyte run's inputs record, which cannot be run again (only a"
					+ " solid-state run's inputs.json can): run its .cell file (the run's summary.json names it, source_file)");
			progress.println(err, "cellwright: not run");
			return 1;
		}
		ResolvedInputs in;
		try {
			// a source named relative to the run folder the file lies in is found from there (SourceRecord)
			in = SourceRecord.readInputs(json, Problem.display(json), InputsJson.Purpose.RUN); // held to the limits: run again
		} catch (InputsJsonException e) {
			progress.println(err, e.getMessage());
			progress.println(err, "cellwright: not run: fix the inputs file first");
			return 1;
		}
		RunGroup g = Plans.of(in, json);
		if (!g.runnable()) {
			for (Problem p : g.problems()) progress.println(err, Problem.display(json) + ": error: " + p.message());
			progress.println(err, "cellwright: not run: fix the inputs file first");
			return 1;
		}
		Path root = outDir != null ? outDir : CliSupport.userPath(RunFiles.RESULTS).resolve("rerun");
		if (in.expectations() == null)
			// an inputs.json written before it kept the expect clauses: its re-run checks nothing, and says so
			progress.println("note: " + Problem.display(json) + " records no expect clauses (written before inputs.json kept them): the"
					+ " re-run checks none; run the .cell file to check them");
		RunExecutor executor;
		try {
			executor = RunExecutor.LOCAL.equals(engine) ? RunExecutor.local(1) : RunExecutor.of(engine, master);
		} catch (IllegalArgumentException e) {
			progress.println(err, "cellwright: " + e.getMessage());
			return 1;
		}
		String src = in.provenance().sourceFile() == null ? ""
				: " (from " + in.provenance().sourceFile() + ":" + in.provenance().sourceLine() + ")";
		// what a run of the .cell file says while it goes and at its end (one listener: ConsoleRuns)
		ConsoleRuns runs = new ConsoleRuns(progress, err, List.of(g), src);
		try (RunExecutor pool = executor) {
			new Pipeline(new RunStore(root), pool, new Cancel()).stopOnShutdown().run(List.of(g), runs);
		}
		// a run that did not end (refused), did not finish, or whose files or measurement were not all there: said above
		boolean bad = runs.failures() > 0 || runs.runFolders().isEmpty();
		StringWriter table = new StringWriter();
		int failed = Checks.printTable(new PrintWriter(table), runs.checks(), bad);
		if (!table.toString().isEmpty()) progress.println(table.toString().stripTrailing());
		return bad ? 1 : failed > 0 ? RunCommand.CHECK_FAILED : 0;
	}
}

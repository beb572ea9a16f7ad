package org.cellwright.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.cellwright.cli.run.ConsoleRuns;
import org.cellwright.cli.run.InputsRun;
import org.cellwright.cli.run.Progress;
import org.cellwright.model.Element;
import org.cellwright.report.CapacityRetention;
import org.cellwright.report.ReportException;
import org.cellwright.report.RunReport;
import org.cellwright.report.StudyReport;
import org.cellwright.run.Cancel;
import org.cellwright.run.CellFiles;
import org.cellwright.run.Checks;
import org.cellwright.run.Pipeline;
import org.cellwright.run.Plans;
import org.cellwright.run.Problem;
import org.cellwright.run.RunExecutor;
import org.cellwright.run.RunGroup;
import org.cellwright.run.dfn.DfnInputs;
import org.cellwright.run.folder.Figures;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.Summary;
import org.cellwright.run.store.RunStore;
import org.cellwright.sharing.cli.CliCommand;
import org.cellwright.sharing.cli.CliSupport;
import org.cellwright.sharing.cli.LibraryOption;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code run FILE|DIR [--experiment NAME] [--out DIR]}: simulates the experiments and sweeps of a file (of every .cell
 * file of a folder) in parallel through the one {@link Pipeline}, prints their summaries in file order, checks their
 * {@code expect} clauses (checks.json per run, one comparison table at the end). Every run gets a folder of its own in
 * the run store ({@code <out>/<experiment>/<run id>/}); SIGINT and SIGTERM leave the runs marked partial.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = { "Simulate the experiments and sweeps of a .cell file (or of every .cell file of a folder) in parallel; each run gets a "
				+ "folder of its own, results/<file>/<experiment>/<run id>/ (latest: results/<file>/<experiment>/latest; a file in a "
				+ "folder: results/<folder>/<file>.cell/...), with "
				+ "timeseries.csv, cycles.csv, summary.json, checks.json and report.html; prints the comparison of the expect clauses "
				+ "with the simulation." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:every run finished (completed or short circuit) and every expect check passed",
				"1:errors in the input, or a run that did not finish (not converged, interrupted)",
				"2:usage error",
				"3:an expect check failed (the comparison table says which)",
				"4:internal error" })
public class RunCommand extends CliCommand {

	/** Exit code when every run finished but an expect check failed. */
	public static final int CHECK_FAILED = 3;

	@Parameters(index = "0", paramLabel = "FILE", description = "a .cell file with experiments or sweeps, a folder of .cell files, or an inputs.json")
	String file;

	@Option(names = { "-e", "--experiment" }, paramLabel = "NAME", description = "run only this experiment or sweep")
	String experiment;

	@Option(names = { "-o", "--out" }, paramLabel = "DIR", description = "results folder (default: results/<file name>, for a file in a folder below the working folder results/<folder>/<file name>.cell; for a folder of files: DIR/<file name>)")
	String out;

	@Mixin
	OutFolderOption outFolder;

	@Mixin
	EngineOption engine;

	@Mixin
	LibraryOption libs;

	@Override
	protected int run(PrintWriter o, PrintWriter err) {
		if (outFolder.refused(out, err)) return 1;
		if (file.endsWith(".json")) // resolved inputs written beside earlier results (inputs.json): re-run them
			return InputsRun.run(CliSupport.userPath(file), out == null ? null : CliSupport.userPath(out), o, err, engine.engine, engine.master);
		Path path = CliSupport.userPath(file);
		if (Files.isDirectory(path)) return runFolder(path, o, err);
		if (!CliSupport.isFile(path, Problem.display(path), err)) return 1;
		// results/<file>/ (a file in a folder of the working folder: results/<folder>/<file>.cell/, RunStore.historyKey)
		Path outDir = out != null ? CliSupport.userPath(out) : RunStore.forFile(CliSupport.userPath(RunFiles.RESULTS), path).root();
		return runFile(path, outDir, o, err);
	}

	/** {@code run DIR}: every .cell file of the folder (not below it), in name order, each into its own results folder. */
	private int runFolder(Path dir, PrintWriter o, PrintWriter err) {
		List<Path> files;
		try (Stream<Path> s = Files.list(dir)) {
			files = s.filter(f -> f.toString().endsWith(".cell") && Files.isRegularFile(f)).sorted().toList();
		} catch (IOException e) {
			err.println(Problem.display(dir) + ": cannot be read: " + e.getMessage());
			return 1;
		}
		if (files.isEmpty()) {
			err.println(Problem.display(dir) + ": no .cell file in this folder (run takes a .cell file, a folder of them, or an inputs.json)");
			return 1;
		}
		int worst = 0;
		for (Path f : files) {
			Path outDir = out != null ? CliSupport.userPath(out).resolve(f.getFileName().toString().replaceFirst("\\.cell$", ""))
					: RunStore.forFile(CliSupport.userPath(RunFiles.RESULTS), f).root();
			o.println("== " + Problem.display(f));
			int rc = experiment != null && !hasRunnable(f, experiment) ? 0 : runFile(f, outDir, o, err);
			worst = rank(rc) > rank(worst) ? rc : worst;
		}
		return worst;
	}

	private boolean hasRunnable(Path f, String name) {
		return !CellFiles.load(CellFiles.withSiblings(f), libs.path(), f.toAbsolutePath().getParent()).runnables(name).isEmpty();
	}

	/** 1 (input errors, unfinished runs) weighs more than 3 (a failed check), which weighs more than 0. */
	private static int rank(int rc) {
		return rc == 0 ? 0 : rc == CHECK_FAILED ? 1 : 2;
	}

	/**
	 * A .cell file loaded with its neighbours and libraries, its warnings and errors printed; null (after "not run")
	 * when it has errors. Problems of the neighbours matter only where they break this file, which then has errors of
	 * its own; infos are for 'check' and the editor.
	 */
	static CellFiles loadChecked(Path path, LibraryOption libs, PrintWriter err) {
		CellFiles loaded = CellFiles.load(CellFiles.withSiblings(path), libs.path(), path.toAbsolutePath().getParent());
		boolean errors = false;
		for (Problem p : loaded.problemsOf(path)) {
			if (p.isError()) errors = true;
			if (p.severity() != Problem.Severity.INFO) err.println(p.format());
		}
		if (errors) {
			err.println("cellwright: not run: fix the errors above first");
			return null;
		}
		return loaded;
	}

	private int runFile(Path path, Path outDir, PrintWriter o, PrintWriter err) {
		CellFiles loaded = loadChecked(path, libs, err);
		if (loaded == null) return 1;
		List<Element> runnables = loaded.runnables(experiment);
		if (runnables.isEmpty()) {
			err.println(Problem.display(path) + ": " + (experiment == null ? "no experiment in this file"
					: "no experiment or sweep named '" + experiment + "'"));
			return 1;
		}
		// the model is read here, on this thread; the pool only runs the solver on plain inputs
		List<RunGroup> groups = Plans.of(runnables);
		RunExecutor engineExecutor;
		try {
			engineExecutor = engine.executor();
		} catch (IllegalArgumentException e) {
			err.println("cellwright: " + e.getMessage());
			return 1;
		}
		ConsoleRuns runs;
		try (Progress progress = new Progress(o, Progress.stdoutIsTerminal(), 10); RunExecutor pool = engineExecutor) {
			runs = new ConsoleRuns(progress, err, groups, "") {
				@Override
				public void groupEnded(RunGroup g, Path folder) {
					if (!g.sweep()) return;
					// the sweep's own page beside its runs: table, key numbers against the swept values, links to the runs
					List<Path> variants = new ArrayList<>();
					try (Stream<Path> s = Files.list(folder)) {
						variants = sweepOrder(folder, s.filter(org.cellwright.run.folder.RunFolder::isRunFolder).toList());
					} catch (IOException e) {
						progress.println(err, "cellwright: no sweep report: " + e.getMessage());
					}
					if (variants.isEmpty()) return;
					try {
						StudyReport.write("Sweep " + g.name(), variants, folder.resolve(RunReport.FILE_NAME));
					} catch (ReportException e) {
						progress.println(err, "cellwright: no sweep report: " + e.getMessage());
					}
				}
			};
			for (RunGroup g : groups)
				for (Problem p : g.problems()) {
					progress.println(err, p.format());
					runs.failed();
				}
			new Pipeline(new RunStore(outDir), pool, new Cancel()).stopOnShutdown().run(groups, runs);
		}
		afterAll(path, outDir, runs.runFolders());
		int failedChecks = Checks.printTable(o, runs.checks(), runs.failures() > 0);
		o.flush();
		return runs.failures() > 0 ? 1 : failedChecks > 0 ? CHECK_FAILED : 0;
	}

	/**
	 * After all runs of the command: when there were several, one front page over all of them (the whole comparison
	 * with the study, a row per run linking to its report) in {@code <out>/report.html}.
	 */
	private void afterAll(Path file, Path outDir, List<Path> runFolders) {
		if (runFolders.size() < 2) return;
		Path front = outDir.resolve(RunReport.FILE_NAME);
		// --out a folder of the user's: their report.html (or a link to another file) is kept (fuzz20: it was overwritten)
		if (CliSupport.kept(front, false, RunReport.isReport(front), true) != CliSupport.Kept.NO) {
			spec.commandLine().getErr().println("cellwright: no front page: " + Problem.display(front)
					+ " exists and is not a report CellWright wrote; kept (each run: report.html in its folder)");
			return;
		}
		try {
			Path html = StudyReport.write(file.getFileName().toString(), runFolders, front);
			spec.commandLine().getOut().println("report: " + Problem.display(html) + " (each run: report.html in its folder)");
		} catch (ReportException e) {
			spec.commandLine().getErr().println("cellwright: no report: " + e.getMessage());
		}
	}

	/**
	 * A run's measured-comparison.json as the command line says it: the warnings of its comparison with the measurement
	 * (its current against the protocol's), located at the measured clause, and its located error (null: none).
	 */
	public record MeasuredNotes(List<String> warnings, String error) {}

	/** The warnings and the error of a run's measured-comparison.json, read once (none without a readable file). */
	public static MeasuredNotes measuredNotes(Path runFolder) {
		Path json = runFolder.resolve(RunFiles.MEASURED_COMPARISON);
		if (!Files.isRegularFile(json)) return new MeasuredNotes(List.of(), null);
		try {
			var o = com.google.gson.JsonParser.parseString(Files.readString(json)).getAsJsonObject();
			List<String> warnings = new ArrayList<>();
			if (o.has("warnings") && o.get("warnings").isJsonArray())
				for (var w : o.getAsJsonArray("warnings")) warnings.add(w.getAsString());
			String error = o.has("error") && o.get("error").isJsonPrimitive() ? o.get("error").getAsString() : null;
			return new MeasuredNotes(warnings, error);
		} catch (IOException | RuntimeException e) {
			return new MeasuredNotes(List.of(), null);
		}
	}

	/**
	 * A sweep's run folders in the order of its table (sweep.csv: the sweep's order, 2 MPa before 20 MPa before 100
	 * MPa), those it does not list after them by name. Sorted by name, the sweep's page listed 100MPa before 20MPa
	 * before 2MPa (session 19).
	 */
	static List<Path> sweepOrder(Path sweepFolder, List<Path> variants) {
		List<String> order = new ArrayList<>();
		try {
			List<List<String>> rows = org.cellwright.run.folder.CsvTable.textRows(sweepFolder.resolve(RunFiles.SWEEP_TABLE));
			for (List<String> row : rows.subList(Math.min(1, rows.size()), rows.size()))
				if (!row.isEmpty()) order.add(row.get(0));
		} catch (RuntimeException e) {
			// no table: by name
		}
		java.util.function.ToIntFunction<Path> at = v -> {
			int i = order.indexOf(v.getFileName().toString());
			return i < 0 ? Integer.MAX_VALUE : i;
		};
		return variants.stream().sorted(java.util.Comparator.comparingInt(at).thenComparing(Path::getFileName)).toList();
	}

	/**
	 * A run's end as the command line prints it, the one printing of it: its status, key numbers, the solver's
	 * warnings (STEP_END, a soft short), its change and its files; {@code from} follows the name (a re-run from
	 * inputs.json: " (from FILE:LINE)", else ""). A re-run printed its status and a list of files without report.html
	 * alone (session 32).
	 */
	public static void printSummary(PrintWriter o, Pipeline.Result r, String from) {
		Summary s = r.outcome().summary();
		o.printf(Locale.ROOT, "%s%s: %s in %.2f s%n", r.unit().name(), from, r.outcome().status(), r.outcome().seconds());
		List<Summary.Cycle> cycles = s.cycles();
		if (!cycles.isEmpty()) {
			Summary.Cycle first = cycles.get(0), last = cycles.get(cycles.size() - 1);
			o.printf(Locale.ROOT, "  cycles: %d; cycle 1: charge %s, discharge %s mAh/cm2, CE %s%n", cycles.size(),
					num(first.chargeMAhCm2(), "%.3f"), num(first.dischargeMAhCm2(), "%.3f"), ce(first));
			// its charge too, as cycle 1's: a CCCV that discharges first closes a last cycle of its charge and hold alone,
			// and the line read "last (cycle 2): discharge 0.000 mAh/cm2" of a run that charged 1.626
			if (cycles.size() > 1)
				o.printf(Locale.ROOT, "  last (cycle %d): charge %s, discharge %s mAh/cm2, CE %s%n", last.index(),
						num(last.chargeMAhCm2(), "%.3f"), num(last.dischargeMAhCm2(), "%.3f"), ce(last));
			// the first full discharge (summary.json's first_discharge): an HPPC's first cycle, a charge and a 10 s pulse,
			// read "first discharge: 0.6 mAh/g"; a run without one (pulses alone) says why
			Summary.FullDischarge fd = s.firstDischarge();
			if (!Double.isNaN(fd.mAhG())) o.printf(Locale.ROOT, "  first discharge%s: %s mAh/g%n", fd.where(), num(fd.mAhG(), "%.1f"));
			else if (fd.missing() != null && !Double.isNaN(first.dischargeMAhG()))
				o.printf(Locale.ROOT, "  first discharge: - (%s)%n", fd.missing());
			// the retention as the report's key number says it, its reference cycles and "after another charge" too:
			// before, only the report and summary.json gave it (session 23); "none (why)" without a reference (session 39);
			// no line for a half cell or without two full discharges
			String retention = CapacityRetention.text(s, RunFolder.halfCell(r.folder(), s), "degC");
			if (retention != null) o.println("  " + CapacityRetention.LABEL + ": " + retention);
		}
		double nuc = s.nucleationOverpotentialMV();
		if (!Double.isNaN(nuc)) o.printf(Locale.ROOT, "  nucleation overpotential: %s mV%n", num(nuc, "%.1f"));
		// solver messages: why a run stopped, and warnings of a run that completed (e.g. a stripping step that stalled);
		// the first soft short's own warning is the SOFT SHORT line below
		Summary.ShortCircuit sc = s.shortCircuit(), soft = s.softShort();
		// and the retention's reason, its line's
		for (String m : s.messages())
			if ((soft == null || !m.equals("SOFT_SHORT: " + soft.reason())) && !CapacityRetention.saidByTheLine(s, m)) o.println("  " + m);
		if (sc != null) o.printf(Locale.ROOT, "  SHORT CIRCUIT in cycle %d at %s h: %s%n", sc.cycle(), num(sc.timeH(), "%.1f"), sc.cause());
		if (soft != null) o.printf(Locale.ROOT, "  SOFT SHORT from cycle %d at %s h: %s (the run went on)%n", soft.cycle(), num(soft.timeH(), "%.1f"), soft.cause());
		Summary.Run run = s.run();
		if (run != null && run.partial() && run.interruption() != null) o.println("  PARTIAL: " + run.interruption());
		if (r.change() != null && !r.change().isEmpty()) o.println("  change: " + r.change());
		// mechanism-map.csv where the run wrote one (a solid-state cell's; not a liquid-electrolyte cell's); the run on
		// the runs on the other meshes where it was re-run on a finer one (MeshRerun; session 39: coarse-mesh/, not listed
		// before; session 40: fine-mesh/ of a run re-run once more, finest-mesh/ of one cancelled then, which the
		// PARTIAL line above names too, as a first re-run cancelled names its fine-mesh/)
		StringBuilder meshes = new StringBuilder();
		for (String m : RunFiles.MESH_FOLDERS)
			if (Files.isDirectory(r.folder().resolve(m))) meshes.append(", ").append(m).append('/');
		o.printf("  results: %s (report.html, timeseries.csv, cycles.csv, summary.json, checks.json, %s%s%s)%n", Problem.display(r.folder()) + "/",
				r.unit().dfn() != null ? DfnInputs.FILE_NAME : RunFiles.INPUTS,
				Files.isRegularFile(r.folder().resolve(RunFiles.MECHANISM_MAP)) ? ", " + RunFiles.MECHANISM_MAP : "", meshes);
	}

	private static String num(double v, String fmt) {
		return Figures.text(v, fmt);
	}

	/**
	 * A cycle's Coulombic efficiency as recorded (cycles.csv): "-" when the run has none (a cycle in one direction only,
	 * or one of pulses that does not bring the cell back: CycleBook.bringsTheCellBack), with why in the report's few words
	 * (summary.json's reason, CycleSummary.NoEfficiency#brief: "- (one direction only)"; it printed "-" alone).
	 */
	private static String ce(Summary.Cycle c) {
		String e = Figures.percent(c.coulombicEfficiency());
		return c.noEfficiency() == null ? e : e + " (" + c.noEfficiency().brief() + ")";
	}
}

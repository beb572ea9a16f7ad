package org.cellwright.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.cellwright.cli.run.CellFiles;
import org.cellwright.cli.run.Checks;
import org.cellwright.cli.run.Progress;
import org.cellwright.cli.run.Sweeps;
import org.cellwright.sharing.cli.CliSupport;
import org.cellwright.sharing.cli.LibraryOption;
import org.cellwright.cli.run.ExperimentRunner;
import org.cellwright.cli.run.InputException;
import org.cellwright.cli.run.InputsRun;
import org.cellwright.cli.run.Problem;
import org.cellwright.cli.run.SimulationInputs;
import org.cellwright.model.Element;
import org.cellwright.model.Experiment;
import org.cellwright.model.Sweep;
import org.cellwright.report.ReportException;
import org.cellwright.report.RunReport;
import org.cellwright.report.StudyReport;
import org.cellwright.solver.RunStatus;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code run FILE [--experiment NAME] [--out DIR]}: simulates the experiments and sweeps of a file in parallel
 * (a pool of availableProcessors threads), prints their summaries in file order, checks their {@code expect}
 * clauses (checks.json per run, one comparison table at the end) and writes their results.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = { "Simulate the experiments and sweeps of a .cell file in parallel; writes timeseries.csv, cycles.csv, summary.json "
				+ "and checks.json per run and prints the comparison of the expect clauses with the simulation." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:every run finished (completed or short circuit) and every expect check passed",
				"1:errors in the input, or a run that did not finish (not converged)",
				"2:usage error",
				"3:an expect check failed (the comparison table says which)",
				"4:internal error" })
public class RunCommand implements Callable<Integer> {

	/** Exit code when every run finished but an expect check failed. */
	public static final int CHECK_FAILED = 3;

	@Parameters(index = "0", paramLabel = "FILE", description = "the .cell file with one or more experiments or sweeps")
	String file;

	@Option(names = { "-e", "--experiment" }, paramLabel = "NAME", description = "run only this experiment or sweep")
	String experiment;

	@Option(names = { "-o", "--out" }, paramLabel = "DIR", description = "output folder (default: results/<file name>)")
	String out;

	@Mixin
	LibraryOption libs;

	@Spec CommandSpec spec;

	/** One simulation: an experiment, or one run of a sweep; its inputs or the problem that stops it. */
	private record Job(Experiment experiment, String name, Path folder, boolean checked, SimulationInputs.Inputs inputs, Problem problem,
			Progress.Task task, Future<Done> result) {}

	/** A finished simulation and how long it took on its thread. */
	private record Done(ExperimentRunner.Outcome outcome, double seconds) {}

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
			if (p.severity() != Problem.Severity.INFO) err.println(p.format()); // infos are for 'check' and the editor
		}
		if (errors) {
			err.println("cellwright: not run: fix the errors above first");
			return 1;
		}
		List<Element> runnables = loaded.runnables(experiment);
		if (runnables.isEmpty()) {
			err.println(Problem.display(path) + ": " + (experiment == null ? "no experiment in this file"
					: "no experiment or sweep named '" + experiment + "'"));
			return 1;
		}
		String base = path.getFileName().toString().replaceFirst("\\.cell$", "");
		Path outDir = out != null ? CliSupport.userPath(out) : CliSupport.userPath("results").resolve(base);

		// the model is read here, on this thread; the pool only runs the solver on plain inputs
		int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
		ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
			Thread t = new Thread(r, "cellwright-run");
			t.setDaemon(true);
			return t;
		});
		Tally tally = new Tally();
		try (Progress progress = new Progress(o, Progress.stdoutIsTerminal(), 10)) {
			List<Job> jobs = new ArrayList<>();
			for (Element e : runnables) jobs.addAll(plan(e, outDir, progress));
			for (Job j : start(jobs, pool)) collect(j, progress, err, tally);
		} finally {
			pool.shutdownNow();
		}
		afterAll(outDir, tally.runFolders);
		int failedChecks = Checks.printTable(o, tally.checks);
		o.flush();
		return tally.failures > 0 ? 1 : failedChecks > 0 ? CHECK_FAILED : 0;
	}

	/** What the runs left: failures (runs that did not finish, input problems), checks, run folders. */
	private static final class Tally {
		int failures;
		final List<Checks.Check> checks = new ArrayList<>();
		final List<Path> runFolders = new ArrayList<>();
	}

	/** Submits every runnable job to the pool; the returned jobs carry their futures, in the order given. */
	private static List<Job> start(List<Job> jobs, ExecutorService pool) {
		List<Job> started = new ArrayList<>();
		for (Job j : jobs) {
			if (j.problem() != null) {
				started.add(j);
				continue;
			}
			Future<Done> f = pool.submit(() -> {
				long t0 = System.nanoTime();
				try {
					return new Done(ExperimentRunner.run(j.inputs(), j.experiment(), j.folder(), j.task()), (System.nanoTime() - t0) / 1e9);
				} finally {
					j.task().finished();
				}
			});
			started.add(new Job(j.experiment(), j.name(), j.folder(), j.checked(), j.inputs(), null, j.task(), f));
		}
		return started;
	}

	/** Waits for a job, prints its summary, checks its expectations and writes checks.json. */
	private void collect(Job j, Progress progress, PrintWriter err, Tally tally) {
		if (j.problem() != null) {
			progress.println(err, j.problem().format());
			tally.failures++;
			return;
		}
		Done done;
		try {
			done = j.result().get();
		} catch (ExecutionException ex) {
			progress.println(err, "cellwright: internal error in " + j.name() + ": " + ex.getCause());
			tally.failures++;
			return;
		} catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			progress.println(err, "cellwright: interrupted while waiting for " + j.name());
			tally.failures++;
			return;
		}
		ExperimentRunner.Outcome r = done.outcome();
		StringWriter summary = new StringWriter();
		printSummary(new PrintWriter(summary), r, done.seconds());
		progress.println(summary.toString().stripTrailing());
		if (r.status() != RunStatus.COMPLETED && r.status() != RunStatus.SHORT_CIRCUIT) tally.failures++;
		List<Checks.Check> checks = j.checked() ? Checks.evaluate(j.experiment(), r.summary(), r.folder()) : List.of();
		Checks.write(r.folder(), j.name(), checks);
		tally.checks.addAll(checks);
		tally.runFolders.add(r.folder());
		afterRun(r.folder());
	}

	/** The runs of an experiment (one) or of a sweep (its full factorial, in {@code <out>/<sweep>/}). */
	private static List<Job> plan(Element e, Path outDir, Progress progress) {
		List<Job> jobs = new ArrayList<>();
		if (e instanceof Experiment x) {
			try {
				jobs.add(new Job(x, x.getName(), outDir.resolve(x.getName()), true, SimulationInputs.of(x), null, progress.task(x.getName()), null));
			} catch (InputException ex) {
				jobs.add(new Job(x, x.getName(), null, true, null, ex.problem(), null, null));
			}
		} else if (e instanceof Sweep s) {
			List<Sweeps.Run> runs;
			try {
				runs = Sweeps.expand(s);
			} catch (InputException ex) {
				jobs.add(new Job(null, s.getName(), null, false, null, ex.problem(), null, null));
				return jobs;
			}
			Experiment x = s.getExperiment();
			for (Sweeps.Run run : runs) {
				String name = s.getName() + "/" + run.folderName();
				try {
					// the expect clauses describe the experiment as written, not its variations: not checked here
					jobs.add(new Job(x, name, outDir.resolve(s.getName()).resolve(run.folderName()), false,
							SimulationInputs.of(x, name, run.overrides()), null, progress.task(run.folderName()), null));
				} catch (InputException ex) {
					jobs.add(new Job(x, name, null, false, null, ex.problem(), null, null));
				} catch (IllegalArgumentException ex) {
					jobs.add(new Job(x, name, null, false, null, CellFiles.problemAt(s, Problem.Severity.ERROR,
							"sweep " + s.getName() + ": " + ex.getMessage()), null, null));
				}
			}
		}
		return jobs;
	}

	/** After a run's checks.json is written: its self-contained HTML report (report.html in the run folder). */
	private void afterRun(Path runFolder) {
		try {
			RunReport.write(runFolder);
		} catch (ReportException e) {
			spec.commandLine().getErr().println("cellwright: no report: " + e.getMessage());
		}
	}

	/**
	 * After all runs of the command: when there were several, one front page over all of them (the whole comparison
	 * with the study, a row per run linking to its report) in {@code <out>/report.html}.
	 */
	private void afterAll(Path outDir, List<Path> runFolders) {
		if (runFolders.size() < 2) return;
		try {
			Path html = StudyReport.write(Path.of(file).getFileName().toString(), runFolders, outDir.resolve(RunReport.FILE_NAME));
			spec.commandLine().getOut().println("report: " + Problem.display(html) + " (each run: report.html in its folder)");
		} catch (ReportException e) {
			spec.commandLine().getErr().println("cellwright: no report: " + e.getMessage());
		}
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
		// solver messages: why a run stopped, and warnings of a run that completed (e.g. a stripping step that stalled)
		if (s.has("messages"))
			for (JsonElement m : s.getAsJsonArray("messages")) o.println("  " + m.getAsString());
		JsonElement sc = s.get("short_circuit");
		if (sc != null && sc.isJsonObject())
			o.printf(Locale.ROOT, "  SHORT CIRCUIT in cycle %s at %s h: %s%n", sc.getAsJsonObject().get("cycle"),
					num(sc.getAsJsonObject().get("time_h"), "%.1f"), sc.getAsJsonObject().get("reason").getAsString());
		o.printf("  results: %s (report.html, timeseries.csv, cycles.csv, summary.json, checks.json, inputs.json)%n", Problem.display(r.folder()) + "/");
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

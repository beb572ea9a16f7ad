package org.cellwright.cli.run;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.cellwright.cli.RunCommand;
import org.cellwright.lang.text.Printable;
import org.cellwright.report.RunReport;
import org.cellwright.run.Checks;
import org.cellwright.run.Pipeline;
import org.cellwright.run.RunGroup;
import org.cellwright.run.RunUnit;
import org.cellwright.solver.ProgressListener;

/**
 * What a command-line run of the {@link Pipeline} says while it goes, for {@code run FILE.cell} and
 * {@code run RUN/inputs.json} alike (one listener, session 33: the re-run had its own copy): each run's task in the
 * progress bar, a group refused or taken over, a run whose files were not all kept, each run's summary
 * ({@link RunCommand#printSummary}) and its comparison with a measurement; and what the command counts from it:
 * failures (runs that did not finish, groups refused, files not kept, measurements that cannot be read), the runs'
 * checks and folders. Everything is printed through the progress bar, so no line tears it.
 */
public class ConsoleRuns extends RunReport.Writing {
	private final Progress progress;
	private final PrintWriter err;
	private final String source;
	private final Map<RunUnit, Progress.Task> tasks = new ConcurrentHashMap<>();
	private final AtomicInteger failures = new AtomicInteger();
	private final List<Checks.Check> checks = Collections.synchronizedList(new ArrayList<>());
	private final List<Path> runFolders = Collections.synchronizedList(new ArrayList<>());
	/** Measurements that could not be read, each said once (a sweep's runs share theirs). */
	private final Set<String> measuredErrors = ConcurrentHashMap.newKeySet();

	/**
	 * @param groups the groups the pipeline will run: a task in the bar for each unit of a runnable one
	 * @param source what each run's summary names as its source after the run's name ("" for none)
	 */
	public ConsoleRuns(Progress progress, PrintWriter err, List<RunGroup> groups, String source) {
		this.progress = progress;
		this.err = err;
		this.source = source;
		for (RunGroup g : groups)
			if (g.runnable()) for (RunUnit u : g.units()) tasks.put(u, progress.task(u.variant() == null ? u.name() : u.variant()));
	}

	/** Counts a failure the command found itself (an input problem said before the runs). */
	public void failed() {
		failures.incrementAndGet();
	}

	/** Failures so far. */
	public int failures() {
		return failures.get();
	}

	/** The checks of the runs that ended, in the order they ended. */
	public List<Checks.Check> checks() {
		return List.copyOf(checks);
	}

	/** The folders of the runs that ended, in the order they ended. */
	public List<Path> runFolders() {
		return List.copyOf(runFolders);
	}

	@Override
	public ProgressListener progress(RunUnit u) {
		return tasks.get(u);
	}

	@Override
	public void unitDone(RunUnit u) {
		tasks.get(u).finished();
	}

	@Override
	protected void noReport(String message) {
		progress.println(err, "cellwright: no report: " + message);
	}

	@Override
	public void refused(RunGroup g, String message) {
		// the group's name as the file has it, of any length: cut (a 100 kB name was printed whole, input25)
		progress.println(err, Printable.bounded("cellwright: " + g.name() + " not run: " + message));
		for (RunUnit u : g.units()) {
			Progress.Task t = tasks.get(u);
			if (t != null) t.finished();
		}
		failed();
	}

	@Override
	public void notKept(RunGroup g, String message) {
		progress.println(err, "cellwright: " + message);
		failed();
	}

	@Override
	public void tookOver(RunGroup g, String message) {
		progress.println(err, "cellwright: " + g.name() + ": " + message);
	}

	@Override
	public void ended(Pipeline.Result r) {
		// key numbers, the solver's warnings, the files (one printing for a .cell run and a re-run)
		StringWriter summary = new StringWriter();
		RunCommand.printSummary(new PrintWriter(summary), r, source);
		progress.println(summary.toString().stripTrailing());
		RunCommand.MeasuredNotes measured = RunCommand.measuredNotes(r.folder());
		for (String w : measured.warnings()) progress.println(err, w);
		// a measurement that cannot be read is an input error (exit code 1), said once, not only kept in
		// measured-comparison.json (before, session 19: the run printed nothing and exited 0)
		if (measured.error() != null && measuredErrors.add(measured.error())) {
			progress.println(err, measured.error());
			failed();
		}
		if (!r.outcome().finished()) failed();
		checks.addAll(r.outcome().checks());
		runFolders.add(r.folder());
	}
}

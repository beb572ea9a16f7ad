package org.cellwright.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.cellwright.app.views.OpenReport;
import org.cellwright.app.views.ResultsView;
import org.cellwright.app.views.SweepView;
import org.cellwright.app.views.WorkspacePaths;
import org.cellwright.model.Element;
import org.cellwright.report.RunReport;
import org.cellwright.run.Cancel;
import org.cellwright.run.CellFiles;
import org.cellwright.run.Pipeline;
import org.cellwright.run.Plans;
import org.cellwright.run.Problem;
import org.cellwright.run.RunExecutor;
import org.cellwright.run.RunGroup;
import org.cellwright.run.RunUnit;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.store.RunStore;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.input.StepNumbers;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

/**
 * Runs the experiments and sweeps of a .cell file as a background job through the one {@link Pipeline} (the same as
 * the command line): in parallel, with progress and cancel; every run into a folder of its own in the project's run
 * store, {@code <project>/results/<file>/<experiment>/<run id>/}; a cancelled run is kept, marked partial. The runs
 * are shown in the Results view.
 */
public class ExperimentJob extends Job {

	/** What a run left: its name (experiment, or sweep/variant), status and folder. */
	public record Outcome(String experiment, String statusName, Path folder) {
		/** The solver's status, or null for a run that failed outside the solver. */
		public RunStatus status() {
			try {
				return RunStatus.valueOf(statusName);
			} catch (IllegalArgumentException e) {
				return null;
			}
		}
	}

	private final IFile file;
	private final String experiment;
	private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
	private volatile String progressText = "";
	/** The first run of a new workspace: a file with nothing to run is not worth a dialog there (nobody asked). */
	private boolean atStartup;

	/** Runs all experiments and sweeps of the file. */
	public ExperimentJob(IFile file) {
		this(file, null);
	}

	/** Runs the named experiment or sweep of the file (all of them when {@code experiment} is null or empty). */
	public ExperimentJob(IFile file, String experiment) {
		super(experiment == null || experiment.isEmpty() ? "Run experiments of " + file.getName()
				: "Run " + experiment + " of " + file.getName());
		this.file = file;
		this.experiment = experiment == null || experiment.isEmpty() ? null : experiment;
		setUser(true);
		setRule(file.getProject());
	}

	/** Marks the job as the first run of a new workspace: a file without experiments ends it quietly (a warning). */
	public ExperimentJob atStartup() {
		atStartup = true;
		return this;
	}

	/**
	 * "; its cells are run by experiments in a.cell (N), b.cell (M)": the files beside it whose experiments use a cell
	 * written in it, or "" when none does.
	 */
	private static String runElsewhere(CellFiles loaded) {
		if (loaded.models().isEmpty()) return "";
		org.eclipse.emf.ecore.resource.Resource own = loaded.models().get(0).eResource();
		java.util.Map<String, Integer> byFile = new java.util.LinkedHashMap<>();
		for (org.cellwright.model.Model m : loaded.models().subList(1, loaded.models().size()))
			for (Element e : m.getElements())
				if (e instanceof org.cellwright.model.Experiment x && x.getCell() != null && !x.getCell().eIsProxy()
						&& x.getCell().eResource() == own && m.eResource() != null)
					byFile.merge(m.eResource().getURI().lastSegment(), 1, Integer::sum);
		if (byFile.isEmpty()) return "";
		List<String> parts = new ArrayList<>();
		byFile.forEach((f, n) -> parts.add(f + " (" + n + ")"));
		return "; its cells are run by experiments in " + String.join(", ", parts) + ": run one of those";
	}

	/** The last progress line: "experiment: cycle n of N, t = x h (step 3.2 (line 14))". */
	public String progressText() {
		return progressText;
	}

	/** Called on a run's thread with every new progress line (a hook for subclasses). */
	protected void progressed(String text) {
		// nothing by default
	}

	public List<Outcome> outcomes() {
		return outcomes;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		Path path = file.getLocation().toFile().toPath();
		CellFiles loaded = CellFiles.load(CellFiles.withSiblings(path));
		MultiStatus status = new MultiStatus(Activator.ID, 0, "Experiments of " + file.getName(), null);
		List<Problem> errors = loaded.problemsOf(path).stream().filter(Problem::isError).toList();
		if (!errors.isEmpty()) return Refusal.of(file.getName(), errors, "running");
		List<Element> runnables = loaded.runnables(experiment);
		if (runnables.isEmpty()) {
			if (experiment != null) return Status.error(file.getName() + " has no experiment or sweep named " + experiment);
			// asked to run a file of cells (the study's half-cells.cell): said with an error dialog, naming where its
			// cells are run (a warning ended the job and the user saw nothing happen)
			String message = file.getName() + " has no experiment or sweep to run" + runElsewhere(loaded);
			return atStartup ? Status.warning(message) : Status.error(message);
		}
		List<RunGroup> groups = Plans.of(runnables); // the model is read on this thread only
		for (RunGroup g : groups) for (Problem p : g.problems()) status.add(Status.error(p.format()));
		int units = groups.stream().filter(RunGroup::runnable).mapToInt(g -> g.units().size()).sum();
		SubMonitor sub = SubMonitor.convert(monitor, "Running " + units + (units == 1 ? " run" : " runs") + " of " + file.getName(), units * 1000);
		// results/<file>/, for a file in a folder of the project results/<folder>/<file>.cell/ (RunStore.historyKey)
		IFolder results = file.getProject().getFolder(RunFiles.RESULTS);
		Path root = RunStore.forFile(results.getLocation().toFile().toPath(), path).root();
		Cancel cancel = new Cancel();
		RunConsole.println("Running " + units + (units == 1 ? " run" : " runs") + " of " + file.getFullPath()
				+ (experiment == null || experiment.isEmpty() ? "" : " (" + experiment + ")"));
		List<Path> shown = new ArrayList<>();
		List<Path> sweeps = new ArrayList<>();
		try (RunExecutor pool = RunExecutor.local()) {
			new Pipeline(new RunStore(root), pool, cancel).run(groups, new RunReport.Writing() {
				@Override
				public ProgressListener progress(RunUnit u) {
					return new ProgressListener() {
						// the step named as the run's messages and the report's protocol list name it (StepNumbers: "step 3.2
						// (line 14)"), not "step k of n" over the flattened protocol, a count the user never wrote (msg31b)
						final StepNumbers numbers = StepNumbers.of(u.protocol());
						int lastCycle = -1, lastStep = -1, done = 0;
						double lastTime = -1;
						/** What the run does beyond its first run ("re-running on 48 x 40 mesh": RunWriter), or "". */
						String stage = "";

						@Override
						public void stage(String what) {
							stage = " (" + what + ")";
							lastCycle = -1; // the next progress is shown
							progressText = u.name() + stage;
							sub.subTask(progressText);
							progressed(progressText);
						}

						@Override
						public void progress(double time, int stepIndex, int totalSteps, int cycle, int totalCycles) {
							if (cycle == lastCycle && stepIndex == lastStep && time - lastTime < 360) return;
							lastCycle = cycle;
							lastStep = stepIndex;
							lastTime = time;
							String text = String.format(Locale.ROOT, "%s%s: cycle %d of %d, t = %.2f h (%s)", u.name(), stage, cycle,
									totalCycles, time / 3600, numbers.name(stepIndex));
							progressText = text;
							sub.subTask(text);
							double f = totalSteps > 0 ? (double) (stepIndex + 1) / totalSteps : totalCycles > 0 ? (double) cycle / totalCycles : 0;
							int ticks = (int) Math.min(1000, Math.round(1000 * f));
							if (ticks > done) {
								synchronized (sub) {
									sub.worked(ticks - done);
								}
								done = ticks;
							}
							progressed(text);
						}

						@Override
						public boolean isCancelled() {
							if (sub.isCanceled()) cancel.request("cancelled in the IDE");
							return cancel.requested();
						}
					};
				}

				@Override
				protected void noReport(String message) {
					status.add(Status.warning("no report: " + message));
				}

				@Override
				public void refused(RunGroup g, String message) {
					status.add(Status.error(g.name() + ": not run: " + message));
					RunConsole.println("  " + g.name() + ": not run: " + message);
				}

				@Override
				public void tookOver(RunGroup g, String message) {
					RunConsole.println("  " + g.name() + ": " + message);
				}

				@Override
				public void notKept(RunGroup g, String message) {
					// a full disk while the run was collected: the run is kept, what was not written is said (it ended the
					// job in an internal error, the runs after it left in their hidden folders: disk26)
					status.add(Status.error(g.name() + ": " + message));
					RunConsole.println("  " + g.name() + ": " + message);
				}

				@Override
				public void ended(Pipeline.Result r) {
					String name = r.unit().name();
					outcomes.add(new Outcome(name, r.outcome().status(), r.folder()));
					long failed = r.outcome().checks().stream().filter(c -> !c.pass()).count();
					RunConsole.println("  " + name + "  " + r.outcome().status() + "  checks: " + (r.outcome().checks().size() - failed)
							+ " pass, " + failed + " fail  " + r.folder());
					if (failed > 0)
						status.add(Status.warning(name + ": " + failed + " of " + r.outcome().checks().size() + " expect checks fail (see the Checks tab)"));
					String st = r.outcome().status();
					// a short circuit the experiment expects (its 'expect status = short-circuit' passes) ends the job with an
					// info, which the Error Log does not take; one nobody expected stays a warning (the study's BareHalfCell
					// ended with one, as if unexpected: seen walking the product, session 25)
					String at = WorkspacePaths.of(r.folder());
					if ("SHORT_CIRCUIT".equals(st))
						status.add(r.outcome().endedAsExpected() ? Status.info(name + ": short circuit, as expected (expect status = short-circuit passes); results in " + at)
								: Status.warning(name + ": short circuit; results up to it are kept in " + at));
					else if (!"COMPLETED".equals(st) && !"CANCELLED".equals(st))
						status.add(Status.error(name + ": " + st + "; results so far are in " + at));
					if (!"CANCELLED".equals(st)) shown.add(r.folder());
				}

				@Override
				public void groupEnded(RunGroup g, Path folder) {
					refresh(results);
					if (g.sweep()) sweeps.add(folder);
				}
			});
		}
		refresh(results);
		if (!shown.isEmpty()) show(shown, atStartup);
		if (!sweeps.isEmpty()) showSweep(sweeps.get(sweeps.size() - 1));
		if (cancel.requested()) return Status.CANCEL_STATUS;
		return status.isOK() ? Status.OK_STATUS : status;
	}

	private static void refresh(IFolder folder) {
		try {
			folder.getProject().refreshLocal(IResource.DEPTH_INFINITE, null);
		} catch (CoreException e) {
			// the files are written; a later refresh shows them
		}
	}

	/** The Sweep view shows the sweep's table and chart (the last sweep run). */
	private static void showSweep(Path folder) {
		Display d = PlatformUI.getWorkbench().getDisplay();
		d.asyncExec(() -> {
			var w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
			if (w == null || w.getActivePage() == null) return;
			try {
				((SweepView) w.getActivePage().showView(SweepView.ID, null, org.eclipse.ui.IWorkbenchPage.VIEW_VISIBLE)).show(folder);
			} catch (PartInitException e) {
				// view not available: the table stays on disk (sweep.csv)
			}
		});
	}

	/** Runs of a launch the Results view overlays at most (a status line and a colour each); more: the last one. */
	public static final int OVERLAID = 6;

	/**
	 * The Results view shows the run; a launch of several runs also brings up the Runs view, each run with its checks
	 * (after running all of experiments.cell only the sweep's last variant was in view, and which experiments' checks
	 * passed was told in the console only), and the two views agree on what is shown: a launch of at most
	 * {@link #OVERLAID} runs is overlaid in the Results view and selected in the Runs view, as selecting those rows
	 * overlays them; a larger one (the study's experiments.cell, 21 runs: a status line each and 21 curves of different
	 * protocols) shows its last run, the one row selected, the launch's runs at the top of the table (newest first).
	 * Before session 27 the Runs view selected every run of the launch while the Results view showed the last one only
	 * (kim2025.cell's two experiments). With the preference to, the report of the last run opens in a web browser
	 * ({@link org.cellwright.app.preferences.CellWrightPreferences#openReportAfterRun()}).
	 * The first run of a new workspace ({@code atStartup}, which nobody asked for) fills an empty Results view only: runs
	 * the user put there while it ran stay (before, its end replaced them whenever it came: a run the user had just
	 * chosen, Open Report then opening the start-up run's report; OpenReportUITest failed so once).
	 */
	private static void show(List<Path> folders, boolean atStartup) {
		Display d = PlatformUI.getWorkbench().getDisplay();
		d.asyncExec(() -> {
			var w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
			if (w == null || w.getActivePage() == null) return;
			if (atStartup && w.getActivePage().findView(ResultsView.ID) instanceof ResultsView open && (open.loading() || !open.runs().isEmpty()))
				return; // the user's runs stay; the start-up run is in the Runs view and the console
			try {
				ResultsView v = (ResultsView) w.getActivePage().showView(ResultsView.ID, null, org.eclipse.ui.IWorkbenchPage.VIEW_VISIBLE);
				Path last = folders.get(folders.size() - 1);
				List<Path> shown = folders.size() <= OVERLAID ? folders : List.of(last);
				v.setRuns(shown);
				// Window > Preferences > CellWright; a run without a report (its writing failed) was said in the job's status
				if (org.cellwright.app.preferences.CellWrightPreferences.openReportAfterRun() && OpenReport.unavailable(last) == null)
					OpenReport.open(last, w.getShell());
				if (folders.size() > 1) {
					var runs = (org.cellwright.app.views.RunsView) w.getActivePage().showView(org.cellwright.app.views.RunsView.ID, null,
							org.eclipse.ui.IWorkbenchPage.VIEW_VISIBLE);
					w.getActivePage().bringToTop(runs); // on top of its stack (beside Problems), the editor keeping the focus
					runs.select(shown);
				}
			} catch (PartInitException e) {
				// view not available: results stay on disk
			}
		});
	}
}

package org.cellwright.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cellwright.app.views.ResultsView;
import org.cellwright.cli.run.CellFiles;
import org.cellwright.cli.run.Checks;
import org.cellwright.cli.run.ExperimentRunner;
import org.cellwright.cli.run.InputException;
import org.cellwright.cli.run.Problem;
import org.cellwright.cli.run.SimulationInputs;
import org.cellwright.model.Experiment;
import org.cellwright.report.ReportException;
import org.cellwright.report.RunReport;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.RunStatus;
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
 * Runs the experiments of a .cell file as a background job with progress and cancel; results go into
 * {@code <project>/results/<file>/<experiment>/} and are shown in the Results view.
 */
public class ExperimentJob extends Job {

	private final IFile file;
	private final String experiment;
	private final List<ExperimentRunner.Outcome> outcomes = new ArrayList<>();
	private volatile String progressText = "";

	/** Runs all experiments of the file. */
	public ExperimentJob(IFile file) {
		this(file, null);
	}

	/** Runs the named experiment of the file (all of them when {@code experiment} is null or empty). */
	public ExperimentJob(IFile file, String experiment) {
		super(experiment == null || experiment.isEmpty() ? "Run experiments of " + file.getName()
				: "Run " + experiment + " of " + file.getName());
		this.file = file;
		this.experiment = experiment == null || experiment.isEmpty() ? null : experiment;
		setUser(true);
		setRule(file.getProject());
	}

	/** The last progress line: "experiment: cycle n of N, t = x h". */
	public String progressText() {
		return progressText;
	}

	/** Called on the job's thread with every new progress line (a hook for subclasses). */
	protected void progressed(String text) {
		// nothing by default
	}

	public List<ExperimentRunner.Outcome> outcomes() {
		return outcomes;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		Path path = file.getLocation().toFile().toPath();
		CellFiles loaded = CellFiles.load(CellFiles.withSiblings(path));
		MultiStatus status = new MultiStatus(Activator.ID, 0, "Experiments of " + file.getName(), null);
		List<Problem> errors = loaded.problemsOf(path).stream().filter(Problem::isError).toList();
		if (!errors.isEmpty()) {
			for (Problem p : errors) status.add(Status.error(p.format()));
			return new MultiStatus(Activator.ID, 0, status.getChildren(), file.getName() + " has errors; fix them before running", null);
		}
		List<Experiment> experiments = loaded.experiments(experiment);
		if (experiments.isEmpty())
			return experiment == null ? Status.warning(file.getName() + " has no experiment")
					: Status.error(file.getName() + " has no experiment named " + experiment);
		SubMonitor sub = SubMonitor.convert(monitor, experiments.size() * 100);
		String base = file.getName().replaceFirst("\\.cell$", "");
		IFolder results = file.getProject().getFolder("results").getFolder(base);
		for (Experiment x : experiments) {
			if (sub.isCanceled()) return Status.CANCEL_STATUS;
			SimulationInputs.Inputs in;
			try {
				in = SimulationInputs.of(x);
			} catch (InputException ex) {
				status.add(Status.error(ex.problem().format()));
				continue;
			}
			SubMonitor one = sub.split(100);
			one.beginTask("Experiment " + x.getName(), 1000);
			ProgressListener progress = new ProgressListener() {
				int lastCycle = -1, lastStep = -1, done = 0;
				double lastTime = -1;

				@Override
				public void progress(double time, int stepIndex, int totalSteps, int cycle, int totalCycles) {
					if (cycle == lastCycle && stepIndex == lastStep && time - lastTime < 360) return;
					lastCycle = cycle;
					lastStep = stepIndex;
					lastTime = time;
					String text = String.format(Locale.ROOT, "%s: cycle %d of %d, t = %.2f h (step %d of %d)", x.getName(), cycle,
							totalCycles, time / 3600, stepIndex + 1, totalSteps);
					progressText = text;
					one.subTask(text);
					double f = totalSteps > 0 ? (double) (stepIndex + 1) / totalSteps
							: totalCycles > 0 ? (double) cycle / totalCycles : 0;
					int ticks = (int) Math.min(1000, Math.round(1000 * f));
					if (ticks > done) {
						one.worked(ticks - done);
						done = ticks;
					}
					progressed(text);
				}

				@Override
				public boolean isCancelled() {
					return one.isCanceled();
				}
			};
			Path folder = results.getFolder(x.getName()).getLocation().toFile().toPath();
			ExperimentRunner.Outcome out = ExperimentRunner.run(in, x, folder, progress);
			outcomes.add(out);
			if (out.status() != RunStatus.CANCELLED) {
				// the same files as the command line: the expect clauses against the run, and its HTML report
				List<Checks.Check> checks = Checks.evaluate(x, out.summary(), folder);
				Checks.write(folder, x.getName(), checks);
				long failed = checks.stream().filter(c -> !c.pass()).count();
				if (failed > 0)
					status.add(Status.warning(x.getName() + ": " + failed + " of " + checks.size()
							+ " expect checks fail (see the Checks tab)"));
				try {
					RunReport.write(folder);
				} catch (ReportException e) {
					status.add(Status.warning(x.getName() + ": no report: " + e.getMessage()));
				}
			}
			refresh(results);
			if (out.status() == RunStatus.CANCELLED) return Status.CANCEL_STATUS;
			if (out.status() == RunStatus.SHORT_CIRCUIT)
				status.add(Status.warning(x.getName() + ": short circuit; results up to it are kept in " + folder));
			else if (out.status() != RunStatus.COMPLETED)
				status.add(Status.error(x.getName() + ": " + out.status() + "; results so far are in " + folder));
			show(folder);
		}
		return status.isOK() ? Status.OK_STATUS : status;
	}

	private static void refresh(IFolder folder) {
		try {
			folder.getProject().refreshLocal(IResource.DEPTH_INFINITE, null);
		} catch (CoreException e) {
			// the files are written; a later refresh shows them
		}
	}

	private static void show(Path folder) {
		Display d = PlatformUI.getWorkbench().getDisplay();
		d.asyncExec(() -> {
			var w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
			if (w == null || w.getActivePage() == null) return;
			try {
				ResultsView v = (ResultsView) w.getActivePage().showView(ResultsView.ID, null,
						org.eclipse.ui.IWorkbenchPage.VIEW_VISIBLE);
				v.show(folder);
			} catch (PartInitException e) {
				// view not available: results stay on disk
			}
		});
	}
}

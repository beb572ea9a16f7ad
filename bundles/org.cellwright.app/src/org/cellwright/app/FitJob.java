package org.cellwright.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cellwright.app.views.FitReportView;
import org.cellwright.fit.FitCancelledException;
import org.cellwright.fit.FitOptions;
import org.cellwright.fit.FitResult;
import org.cellwright.lang.text.Printable;
import org.cellwright.model.Fit;
import org.cellwright.run.Cancel;
import org.cellwright.run.CellFiles;
import org.cellwright.run.InputException;
import org.cellwright.run.Problem;
import org.cellwright.run.fit.FitReport;
import org.cellwright.run.fit.FitRunner;
import org.cellwright.run.fit.Fits;
import org.cellwright.report.FitHtmlReport;
import org.cellwright.report.ReportException;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.store.RunStore;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

/**
 * Runs the {@code fit} blocks of a .cell file as a background job through the one fit pipeline, {@link Fits} (as
 * {@code ./cellwright fit} does): progress per evaluation ("evaluation 12, cost 0.0032: E.ionic-conductivity = 2.4 mS/cm") and cancel; each fit kept in
 * the project's run store, {@code results/<file>/<fit>/<id>/} with {@code fit.json}, {@code fitted.cell}, the targets
 * simulated at the start and the fitted values ({@value FitReport#BEFORE}/, {@value FitReport#AFTER}/) and
 * {@code report.html}. The report opens in the Fit Report view.
 */
public class FitJob extends Job {

	private final IFile file;
	private final String fitName;
	private final Cancel cancel = new Cancel();
	private final List<Path> folders = new ArrayList<>();
	private volatile String progressText = "";

	/** Runs every fit of the file, or the named one. */
	public FitJob(IFile file, String fitName) {
		super(fitName == null ? "Fit parameters of " + file.getName() : "Fit " + fitName + " of " + file.getName());
		this.file = file;
		this.fitName = fitName;
		setUser(true);
		setRule(file.getProject());
	}

	/** The folders in the run store of the fits that ended with a result, in order. */
	public List<Path> folders() {
		return List.copyOf(folders);
	}

	/** The last progress line. */
	public String progressText() {
		return progressText;
	}

	/** Called on the fit's threads with every new progress line (a hook for subclasses). */
	protected void progressed(String text) {
		// nothing by default
	}

	@Override
	protected void canceling() {
		cancel.request("cancelled in the IDE"); // stops the simulations running now, not only between evaluations
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		Path path = file.getLocation().toFile().toPath();
		CellFiles loaded = CellFiles.load(CellFiles.withSiblings(path));
		List<Problem> errors = loaded.problemsOf(path).stream().filter(Problem::isError).toList();
		if (!errors.isEmpty()) return Refusal.of(file.getName(), errors, "fitting");
		List<Fit> fits;
		try {
			fits = Fits.of(loaded, path, fitName);
		} catch (IllegalArgumentException e) {
			return Status.error(file.getName() + ": " + e.getMessage());
		}
		RunStore store = RunStore.forFile(file.getProject().getFolder(RunFiles.RESULTS).getLocation().toFile().toPath(), path);
		MultiStatus status = new MultiStatus(Activator.ID, 0, "Fits of " + file.getName(), null);
		SubMonitor sub = SubMonitor.convert(monitor, getName(), fits.size() * 1000);
		try {
			for (Fit f : fits) {
				if (cancel.requested() || monitor.isCanceled()) break;
				fit(f, fits.size() > 1, path, store, sub.split(1000), status);
			}
		} finally {
			try {
				file.getProject().refreshLocal(IResource.DEPTH_INFINITE, null);
			} catch (CoreException e) {
				// the files are written; a later refresh shows them
			}
		}
		if (!folders.isEmpty()) show(folders.get(folders.size() - 1));
		if (cancel.requested() || monitor.isCanceled()) return Status.CANCEL_STATUS;
		return status.isOK() ? Status.OK_STATUS : status;
	}

	private void fit(Fit f, boolean several, Path cellFile, RunStore store, SubMonitor monitor, MultiStatus status) {
		FitOptions options = FitOptions.defaults().withCancel(() -> {
			if (monitor.isCanceled()) cancel.request("cancelled in the IDE");
			return cancel.requested();
		});
		int max = options.maxEvaluations();
		try {
			Fits.Stored s = Fits.run(f, cellFile, store, null, options, null, cancel, new Fits.Listener() {
				SubMonitor sm;
				int done;

				@Override
				public void starting(FitRunner.Plan plan, FitOptions o) {
					sm = SubMonitor.convert(monitor, "Fit " + f.getName(), max + 2 * plan.targets().size() * 10);
				}

				@Override
				public void evaluation(FitRunner.Plan plan, int n, double cost, double[] p) {
					// the evaluation and its cost first (the Progress view elides a long line in its middle), the fit's
					// name only when the job runs several (its own name has it otherwise), the values after
					String text = String.format(Locale.ROOT, "evaluation %d%s, cost %.3g: %s", n, several ? " of " + f.getName() : "", cost,
							Fits.values(plan, p));
					progressText = text;
					sm.subTask(text);
					progressed(text);
					synchronized (this) {
						if (n > done) {
							sm.worked(Math.min(n, max) - Math.min(done, max));
							done = n;
						}
					}
				}

				@Override
				public void fitted(FitRunner.Plan plan, FitResult r, double seconds) {
					sm.setWorkRemaining(2 * plan.targets().size() * 10);
				}

				@Override
				public void simulating(String what) {
					sm.subTask("Simulating the targets at the " + what);
				}

				@Override
				public void finishing(Path writing) {
					sm.done();
					try {
						FitHtmlReport.writeWithRuns(writing);
					} catch (ReportException e) {
						status.add(Status.warning("fit " + f.getName() + ": no report: " + e.getMessage()));
					}
				}
			});
			if (s.result().status() == org.cellwright.fit.FitResult.Status.UNDETERMINED)
				status.add(Status.warning("fit " + f.getName() + " determined none of its estimates: its targets do not depend on them (see its notes)"));
			else if (!s.result().converged()) status.add(Status.warning("fit " + f.getName() + " did not converge (see its notes)"));
			folders.add(s.folder());
		} catch (InputException e) {
			status.add(Status.error(e.problem().format()));
		} catch (Fits.NotRunException e) {
			status.add(Status.error("fit " + f.getName() + " not run: " + e.getMessage()));
		} catch (FitCancelledException e) {
			status.add(Status.CANCEL_STATUS);
		} catch (Exception e) {
			status.add(Status.error("fit " + f.getName() + " failed: " + Printable.escape(String.valueOf(e.getMessage()))));
		}
	}

	private static void show(Path folder) {
		Display d = PlatformUI.getWorkbench().getDisplay();
		d.asyncExec(() -> {
			var w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
			if (w == null || w.getActivePage() == null) return;
			try {
				((FitReportView) w.getActivePage().showView(FitReportView.ID, null, IWorkbenchPage.VIEW_VISIBLE)).show(folder);
			} catch (PartInitException e) {
				// the report stays on disk (fit.json)
			}
		});
	}
}

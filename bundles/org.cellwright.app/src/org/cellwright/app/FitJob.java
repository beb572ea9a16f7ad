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
		// no percentage: how many evaluations a fit takes is not known before it converges (its budget, 1 % after six
		// evaluations, said nothing of the time left), so the bar runs without one, the line says how far it got
		// and no task name: the Progress view shows the job's name above the bar and put a task name before the line
		// below it, where it cut the line's middle ("Fit PenetrationStressBracket of calibration.cell:...ation 5, 1 min
		// 45 s: ...", session 29), so the line stands alone there
		monitor.beginTask("", IProgressMonitor.UNKNOWN);
		RunConsole.println("Fitting " + (fitName == null ? "the fit blocks" : fitName) + " of " + file.getFullPath());
		try {
			for (Fit f : fits) {
				if (cancel.requested() || monitor.isCanceled()) break;
				fit(f, fits.size() > 1, path, store, monitor, status);
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

	private void fit(Fit f, boolean several, Path cellFile, RunStore store, IProgressMonitor monitor, MultiStatus status) {
		FitOptions options = FitOptions.defaults().withCancel(() -> {
			if (monitor.isCanceled()) cancel.request("cancelled in the IDE");
			return cancel.requested();
		});
		long started = System.nanoTime();
		try {
			Fits.Stored s = Fits.run(f, cellFile, store, null, options, null, cancel, new Fits.Listener() {
				int done;
				volatile FitOptions.Method how;

				@Override
				public void starting(FitRunner.Plan plan, FitOptions o) {
					how = o.method();
					RunConsole.println("  fit " + f.getName() + ": " + plan.estimates().size() + " parameters, " + plan.targets().size() + " targets");
				}

				@Override
				public void evaluation(FitRunner.Plan plan, int n, double cost, double[] p) {
					// every estimate's whole name and value in the console, as the command line prints them
					RunConsole.println("  " + Fits.evaluationLine(how, plan, n, cost, p));
					synchronized (this) {
						if (n <= done) return; // the evaluations of an iteration end in any order: the line goes forward
						done = n;
					}
					// as long as the Progress view shows whole where the last lines were shown (its width, not a fixed 80)
					String text = progressLine(several ? f.getName() : null, n, Fits.outcome(how, cost, 3), (System.nanoTime() - started) / 1e9,
							Fits.shortValues(plan, p), ProgressRoom.chars());
					progressText = text;
					monitor.subTask(text);
					ProgressRoom.measureLater(text);
					progressed(text);
				}

				@Override
				public void simulating(String what) {
					monitor.subTask((several ? "Fit " + f.getName() + ": s" : "S") + "imulating the targets at the " + what);
				}

				@Override
				public void tookOver(String message) {
					// a fit a killed process left hidden, moved into place by this one (as the command line and the
					// Experiment job say it)
					RunConsole.println("  fit " + f.getName() + ": " + message);
				}

				@Override
				public void finishing(Path writing) {
					try {
						FitHtmlReport.writeWithRuns(writing);
					} catch (ReportException e) {
						status.add(Status.warning("fit " + f.getName() + ": no report: " + e.getMessage()));
					}
				}
			});
			// the one word for how it ended (a bracket's "bracketed", as the command line says it; it read "converged")
			RunConsole.println("  fit " + f.getName() + ": " + s.result().status().word(s.result().bracket() != null)
					+ (s.result().bracket() != null ? "" : ", cost " + String.format(Locale.ROOT, "%.6g", s.result().cost())) + "; " + s.folder());
			if (s.result().status() == org.cellwright.fit.FitResult.Status.CANCELLED) {
				// kept as found so far: shown in the Fit Report view like any other, the job itself cancelled
				folders.add(s.folder());
				status.add(Status.CANCEL_STATUS);
				return;
			}
			if (s.result().status() == org.cellwright.fit.FitResult.Status.UNDETERMINED)
				status.add(Status.warning("fit " + f.getName() + " determined none of its estimates: its targets do not depend on them (see its notes)"));
			else if (!s.result().converged()) status.add(Status.warning("fit " + f.getName() + " did not converge (see its notes)"));
			folders.add(s.folder());
		} catch (InputException e) {
			status.add(Status.error(e.problem().format()));
		} catch (Fits.NotRunException e) {
			status.add(Status.error("fit " + f.getName() + " not run: " + e.getMessage()));
		} catch (FitCancelledException e) {
			RunConsole.println("  fit " + f.getName() + " cancelled (nothing kept)");
			status.add(Status.CANCEL_STATUS);
		} catch (Exception e) {
			status.add(Status.error("fit " + f.getName() + " failed: " + Printable.escape(String.valueOf(e.getMessage()))));
		}
	}

	/**
	 * A fit's progress line, short enough for the Progress view, whose labels elide the middle of a long line (the
	 * cost and the first estimates were lost: "evaluation 6, c...1.interphase-growth-constant = 4.7482e-21 m2/s"): the
	 * cost first, the evaluation and the time since the fit started, then as many of the estimates' short values
	 * ({@link Fits#shortValues}) as stay within {@code chars} (the room the Progress view gives it: {@link ProgressRoom}),
	 * "..." for the rest (the console has them all): "cost 0.0312, evaluation 6, 1 min 5 s: exchange-current-density =
	 * 0.0900 mA/cm2, ...", a bracket's "13 expectations fail, evaluation 5, ..." ({@code outcome}: {@link Fits#outcome}).
	 * {@code fit}: the fit's name when the job runs several, else null.
	 */
	public static String progressLine(String fit, int evaluation, String outcome, double seconds, List<String> values, int chars) {
		java.time.Duration t = java.time.Duration.ofSeconds(Math.round(seconds));
		String time = t.toHours() > 0 ? t.toHours() + " h " + t.toMinutesPart() + " min"
				: t.toMinutes() > 0 ? t.toMinutes() + " min " + t.toSecondsPart() + " s" : t.toSeconds() + " s";
		String head = String.format(Locale.ROOT, "%s%s, evaluation %d, %s", fit == null ? "" : fit + ": ", outcome, evaluation, time);
		StringBuilder b = new StringBuilder(head);
		for (int i = 0; i < values.size(); i++) {
			String next = (i == 0 ? ": " : ", ") + values.get(i);
			boolean last = i == values.size() - 1;
			if (b.length() + next.length() + (last ? 0 : 5) > chars) {
				b.append(i == 0 ? ": ..." : ", ...");
				break;
			}
			b.append(next);
		}
		return b.toString();
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

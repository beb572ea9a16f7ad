package org.cellwright.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cellwright.app.views.FitReportView;
import org.cellwright.fit.FitCancelledException;
import org.cellwright.fit.FitOptions;
import org.cellwright.fit.FitResult;
import org.cellwright.lang.text.Printable;
import org.cellwright.measured.BdfWriter;
import org.cellwright.model.Element;
import org.cellwright.model.Fit;
import org.cellwright.model.Model;
import org.cellwright.run.Cancel;
import org.cellwright.run.CellFiles;
import org.cellwright.run.Checks;
import org.cellwright.run.InputException;
import org.cellwright.run.Plans;
import org.cellwright.run.Problem;
import org.cellwright.run.RunUnit;
import org.cellwright.run.RunWriter;
import org.cellwright.run.SimulationInputs;
import org.cellwright.run.fit.FitReport;
import org.cellwright.run.fit.FitRunner;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.store.RunStore;
import org.cellwright.run.store.Slot;
import org.cellwright.solver.ProgressListener;
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
 * Runs the {@code fit} blocks of a .cell file as a background job, as {@code ./cellwright fit} does: {@link FitRunner}
 * with progress per evaluation ("evaluation 12: cost 3.2 ...") and cancel; each fit kept in the project's run store,
 * {@code results/<file>/<fit>/<id>/} with {@code fit.json} and {@code fitted.cell} ({@link FitReport}). For the report's
 * before/after overlays each target experiment is then simulated once at the start values ({@value #BEFORE}/) and once
 * at the fitted values ({@value #AFTER}/), its measurement beside it. The report opens in the Fit Report view.
 */
public class FitJob extends Job {

	/** The folders of the fit's run holding the targets simulated at the start and at the fitted values. */
	public static final String BEFORE = "before", AFTER = "after";

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
		if (!errors.isEmpty()) {
			MultiStatus s = new MultiStatus(Activator.ID, 0, file.getName() + " has errors; fix them before fitting", null);
			for (Problem p : errors) s.add(Status.error(p.format()));
			return s;
		}
		List<Fit> fits = new ArrayList<>();
		for (Model m : loaded.models()) {
			if (m.eResource() == null || !m.eResource().getURI().isFile()
					|| !Path.of(m.eResource().getURI().toFileString()).toAbsolutePath().normalize().equals(path.toAbsolutePath().normalize()))
				continue;
			for (Element e : m.getElements())
				if (e instanceof Fit f && (fitName == null || fitName.equals(f.getName()))) fits.add(f);
		}
		if (fits.isEmpty())
			return Status.error(file.getName() + ": " + (fitName == null ? "no fit in this file" : "no fit named '" + Printable.escape(fitName) + "'"));
		RunStore store = new RunStore(file.getProject().getFolder("results").getFolder(file.getName().replaceFirst("\\.cell$", ""))
				.getLocation().toFile().toPath());
		MultiStatus status = new MultiStatus(Activator.ID, 0, "Fits of " + file.getName(), null);
		SubMonitor sub = SubMonitor.convert(monitor, getName(), fits.size() * 1000);
		try {
			for (Fit f : fits) {
				if (cancel.requested() || monitor.isCanceled()) break;
				fit(f, path, store, sub.split(1000), status);
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

	private void fit(Fit f, Path cellFile, RunStore store, SubMonitor monitor, MultiStatus status) {
		FitRunner.Plan plan;
		try {
			plan = FitRunner.plan(f);
		} catch (InputException e) {
			status.add(Status.error(e.problem().format()));
			return;
		}
		FitOptions options = FitOptions.defaults();
		if (f.getMethod() != null && f.getMethod().toLowerCase(Locale.ROOT).equals("bobyqa")) options = options.withMethod(FitOptions.Method.BOBYQA);
		int max = options.maxEvaluations();
		SubMonitor sm = SubMonitor.convert(monitor, "Fit " + f.getName(), max + 2 * plan.targets().size() * 10);
		int[] done = {0};
		options = options.withListener((n, cost, p) -> {
			String text = String.format(Locale.ROOT, "%s: evaluation %d, cost %.5g (%s)", f.getName(), n, cost, values(plan, p));
			progressText = text;
			sm.subTask(text);
			progressed(text);
			synchronized (done) {
				if (n > done[0]) {
					sm.worked(Math.min(n, max) - Math.min(done[0], max));
					done[0] = n;
				}
			}
		}).withCancel(() -> {
			if (monitor.isCanceled()) cancel.request("cancelled in the IDE");
			return cancel.requested();
		});
		Instant started = Instant.now();
		Slot slot;
		try {
			slot = store.begin(f.getName(), started, hash(f.getName() + plan.estimates() + cellFile));
		} catch (RuntimeException e) {
			status.add(Status.error("fit " + f.getName() + " not run: " + e.getMessage()));
			return;
		}
		try (slot) {
			FitResult r = new FitRunner(slot.writing().resolve(".scratch"), cancel).run(plan, options);
			double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
			FitReport.write(slot.writing(), cellFile, plan, r, seconds);
			sm.setWorkRemaining(2 * plan.targets().size() * 10);
			double[] initial = plan.estimates().stream().mapToDouble(e -> e.parameter().initial()).toArray();
			simulateTargets(plan, initial, slot.writing().resolve(BEFORE), slot.id(), sm, "start values");
			simulateTargets(plan, r.values(), slot.writing().resolve(AFTER), slot.id(), sm, "fitted values");
			if (!r.converged()) status.add(Status.warning("fit " + f.getName() + " did not converge (see its notes)"));
			folders.add(slot.folder());
		} catch (FitCancelledException e) {
			status.add(Status.CANCEL_STATUS);
		} catch (Exception e) {
			status.add(Status.error("fit " + f.getName() + " failed: " + Printable.escape(String.valueOf(e.getMessage()))));
		}
	}

	/** Each target experiment simulated at the values p (in the estimates' units) into folder/<experiment>/, its measurement beside it. */
	private void simulateTargets(FitRunner.Plan plan, double[] p, Path folder, String id, SubMonitor sm, String what) throws IOException {
		Map<String, org.cellwright.model.Quantity> overrides = FitRunner.overrides(plan, p);
		for (FitRunner.Target t : plan.targets()) {
			if (cancel.requested()) return;
			String name = t.experiment().getName();
			sm.subTask("Simulating " + name + " at the " + what);
			var in = SimulationInputs.of(t.experiment(), name, overrides);
			RunUnit unit = new RunUnit(name, null, Plans.resolved(in, t.experiment()), t.experiment(), true, Map.of());
			Path out = Files.createDirectories(folder.resolve(name));
			RunWriter.Outcome o = RunWriter.write(unit, id, out, ProgressListener.NONE, cancel);
			if (o.error() == null && !"CANCELLED".equals(o.status()))
				Checks.write(out, name, Checks.evaluate(t.experiment(), o.summary().json(), out));
			if (t.measured() != null) BdfWriter.write(t.measured(), out.resolve(RunFiles.MEASURED));
			sm.worked(10);
		}
	}

	static String values(FitRunner.Plan plan, double[] p) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < p.length; i++) {
			FitRunner.Estimate e = plan.estimates().get(i);
			b.append(i == 0 ? "" : ", ").append(e.target()).append(" = ").append(String.format(Locale.ROOT, "%.5g", p[i]))
					.append(e.unit().isEmpty() ? "" : " " + e.unit());
		}
		return b.toString();
	}

	private static String hash(String s) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
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

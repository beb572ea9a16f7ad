package org.cellwright.app.tests;

import static org.cellwright.app.tests.IdeUITest.flush;
import static org.cellwright.app.tests.IdeUITest.spin;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.cellwright.app.FitJob;
import org.cellwright.app.ProgressRoom;
import org.cellwright.app.views.FitRecord;
import org.cellwright.app.views.FitReportView;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.store.RunStore;
import org.cellwright.testing.PlatingCell;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swtchart.ISeries;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A fit as a job in the IDE: the separator's conductivity of a plating cell is fitted to CellWright's own measurement
 * of it at 2.5 mS/cm with 0.5 mV of noise (as FitTest does on the command line); the job reports progress per
 * evaluation, keeps the fit in the run store, and the Fit Report view shows the estimate with its interval, the
 * correlation matrix, the cost history and the targets at the start and fitted values against the measurement;
 * cancelling stops the fit.
 */
class FitJobUITest extends ProjectUITest {

	static final double TRUTH_MS_CM = 2.5, NOISE_V = 0.0005;

	static String cell(String conductivity, String measured, String fit) {
		return PlatingCell.cell("f", conductivity, "5 MPa") + """
				protocol P { discharge at 0.1 mA/cm2 for 1 h  discharge at 0.3 mA/cm2 for 1 h }
				experiment X { cell C protocol P %s }
				%s
				""".formatted(measured, fit);
	}

	static final String FIT = "fit K { estimate E.ionic-conductivity between 0.5 mS/cm and 10 mS/cm  target X measured }";


	/** The test's project goes with its markers: later tests see no new error. */
	@RegisterExtension
	final NoNewErrors noNewErrors = new NoNewErrors();

	@AfterEach
	void tearDown() throws Exception {
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
	}

	/** A fit job that cancels itself at its first progress line. */
	static final class CancelledAtOnce extends FitJob {
		CancelledAtOnce(IFile f) {
			super(f, "K");
		}

		@Override
		protected void progressed(String text) {
			cancel();
		}
	}

	/**
	 * f.cell in a new project: experiment X measured (CellWright's run at {@value #TRUTH_MS_CM} mS/cm with noise), the
	 * cell at 1.0 mS/cm, and {@code fit}.
	 */
	IFile measuredFile(String projectName, String fit) throws Exception {
		project = IdeUITest.newProject(projectName);
		IFile f = IdeUITest.newFile(project, "f.cell", cell(TRUTH_MS_CM + " mS/cm", "", ""));
		MeasuredDataUITest.run(f);
		Path root = project.getLocation().toFile().toPath();
		RunFolder truth = RunFolder.read(RunStore.latest(root.resolve("results/f/X")));
		org.cellwright.measured.BdfWriter.write(MeasuredDataUITest.noisy(truth), root.resolve("data/truth.bdf.csv"));
		f.setContents(new ByteArrayInputStream(cell("1.0 mS/cm", "measured \"data/truth.bdf.csv\" noise 0.5 mV  expect status = completed", fit).getBytes(StandardCharsets.UTF_8)),
				IResource.FORCE, null);
		return f;
	}

	@Test
	void aFitRunsAsAJobAndItsReportShowsEstimatesCorrelationsCostAndBeforeAfterOverlays() throws Exception {
		IFile f = measuredFile("fit-job", FIT);
		Path root = project.getLocation().toFile().toPath();

		// as in a new workspace: no Fit Report view yet, the Results view on top of the folder the fit opens it in
		IWorkbenchPage start = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		if (start.findView(FitReportView.ID) != null) start.hideView(start.findView(FitReportView.ID));
		start.showView(org.cellwright.app.views.ResultsView.ID);
		flush();
		FitJob job = new FitJob(f, "K");
		job.schedule();
		spin(() -> job.getResult() != null, 300_000, "the fit");
		assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().toString());
		// the cost first, the evaluation and the time since the start, short (the Progress view elided the middle of the
		// line), no fit name (the job's name has it), the estimate by its property (E. left out: no other estimate has it)
		assertTrue(job.progressText().matches("cost \\S{1,9}, evaluation \\d+, \\d+ s: ionic-conductivity = \\S+ mS/cm"), job.progressText());
		Path folder = job.folders().get(0);
		assertEquals(RunStore.latest(root.resolve("results/f/K")), folder, "kept in the run store as the command line keeps it");
		assertTrue(Files.isRegularFile(folder.resolve("fit.json")) && Files.isRegularFile(folder.resolve("fitted.cell")));
		assertTrue(Files.isRegularFile(folder.resolve("report.html")) && Files.isRegularFile(folder.resolve("before/X/report.html"))
				&& Files.isRegularFile(folder.resolve("after/X/report.html")), "the fit's reports, written as the command line writes them");
		assertFalse(Files.exists(folder.resolve(".scratch")), "the evaluations' scratch folders are gone");

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		spin(() -> page.findView(FitReportView.ID) instanceof FitReportView v && v.fit() != null && !v.loading(), 30_000, "the fit report");
		FitReportView view = (FitReportView) page.findView(FitReportView.ID);
		// beside the Results view, with its room (it opened below, beside Problems, its tables two rows high)
		org.eclipse.ui.IViewPart resultsView = page.showView(org.cellwright.app.views.ResultsView.ID, null, IWorkbenchPage.VIEW_CREATE);
		assertTrue(Arrays.asList(page.getViewStack(view)).contains(resultsView), "in the Results view's folder: " + Arrays.toString(page.getViewStack(view)));
		FitRecord fit = view.fit();
		FitRecord.Estimate e = fit.estimates().get(0);
		assertEquals("mS/cm", e.unit());
		assertEquals(TRUTH_MS_CM, e.value(), 0.1, "the conductivity the measurement was made with");
		assertTrue(e.lower95() <= TRUTH_MS_CM && TRUTH_MS_CM <= e.upper95(), "its 95 % interval holds the truth: " + e);
		assertEquals("E.ionic-conductivity", view.estimatesTable().getItem(0).getText(0));
		assertEquals("1.000", view.correlationTable().getItem(0).getText(1), "a parameter is fully correlated with itself");
		double[] cost = fit.costHistory();
		assertTrue(cost.length >= 2 && cost[cost.length - 1] < cost[0], "the cost falls: " + Arrays.toString(cost));
		assertEquals(cost.length, view.costChart().getSeriesSet().getSeries()[0].getYSeries().length);
		List<String> overlay = Arrays.stream(view.overlayChart().getSeriesSet().getSeries()).map(ISeries::getId).toList();
		assertEquals(List.of("measured", "start values", "fitted values"), overlay);
		FitRecord.Target t = fit.targets().get(0);
		// at the fitted values only the noise is left; at the start (1.0 mS/cm) the separator's ohmic drop differs
		double rms = t.measured().figures().voltageRms();
		assertTrue(rms > NOISE_V / 2 && rms < 2 * NOISE_V, "fitted vs measured: the noise is what is left: " + rms);
		assertTrue(Measurement(t.before(), t).voltageRms() > 5 * NOISE_V, "the start values are far off");

		assertEquals(1, view.checksTable().getItemCount(), "the target's expect clause at the start and the fitted values");
		assertEquals("PASS", view.checksTable().getItem(0).getText(5));
		assertEquals("X", view.checksTable().getItem(0).getText(0));

		view.openFittedButton().notifyListeners(SWT.Selection, new Event());
		flush();
		IEditorPart editor = page.getActiveEditor();
		assertNotNull(editor, "the fitted .cell opens");
		String text = ((ITextEditor) editor).getDocumentProvider().getDocument(editor.getEditorInput()).get();
		assertTrue(text.contains("ionic-conductivity = 2.") && text.contains("source \"fitted: K, "), text);
		// read-only, as a library file opens: the run store's copy is the kept fit's record, which opened writable and
		// a save there changed it (walk24; Apply writes into the file the fit ran)
		assertFalse(((ITextEditor) editor).isEditable(), "the kept fit's fitted.cell cannot be edited");
		assertTrue(((org.eclipse.ui.texteditor.ITextEditorExtension) editor).isEditorInputReadOnly(), "its input is read-only");
		assertTrue(editor.getTitleToolTip().contains("read-only"), editor.getTitleToolTip());
		page.closeEditor(editor, false);

		page.activate(view);
		// the charts' titles whole where they fit, maximized and restored (the overlay's stayed shortened when maximized)
		ChartTitleFit.assertWholeWhereItFits(view.overlayChart(), "the fit's overlay as the fit showed it");
		page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
		ChartTitleFit.assertWhole(view.overlayChart(), "the Fit Report view maximized");
		page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
		ChartTitleFit.assertWholeWhereItFits(view.overlayChart(), "the Fit Report view restored");
		// the estimate's value in view beside its name, however long the name (a material's property took the whole table)
		org.eclipse.swt.widgets.Table est = view.estimatesTable();
		flush();
		if (est.getClientArea().width >= 2 * org.cellwright.app.views.FitReportView.MIN_NAME_WIDTH)
			assertTrue(est.getColumn(0).getWidth() + est.getColumn(1).getWidth() <= est.getClientArea().width
					|| est.getColumn(0).getWidth() <= org.cellwright.app.views.FitReportView.MIN_NAME_WIDTH,
					"the value column in view: " + est.getColumn(0).getWidth() + " + " + est.getColumn(1).getWidth() + " in " + est.getClientArea().width);
		Screenshots.ofView(view, "ide-fit-report.png");

		// a cancelled fit stops and says so
		FitJob cancelled = new CancelledAtOnce(f);
		cancelled.schedule();
		spin(() -> cancelled.getResult() != null, 300_000, "the cancelled fit");
		assertEquals(IStatus.CANCEL, cancelled.getResult().getSeverity(), cancelled.getResult().toString());
		// and keeps what it found, marked cancelled, shown in the Fit Report view (it kept nothing before session 30)
		assertEquals(1, cancelled.folders().size(), "kept as found so far: " + cancelled.folders());
		assertEquals(org.cellwright.fit.FitResult.Status.CANCELLED, org.cellwright.app.views.FitRecord.readWithoutRuns(cancelled.folders().get(0)).status());
		spin(() -> view.titleText().startsWith("Fit K: cancelled after "), 30_000, "the cancelled fit in the Fit Report view: " + view.titleText());

		// the progress has no percentage (the evaluation budget's, 1 % after six evaluations of kim2025.cell, was no
		// estimate of the time left): the bar runs without one, the line says how far the fit got; the console keeps
		// every evaluation with the estimates' whole names
		int[] total = { 0 }, worked = { 0 };
		String[] task = { null };
		List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
		var monitor = new org.eclipse.core.runtime.NullProgressMonitor() {
			@Override
			public void beginTask(String name, int totalWork) {
				total[0] = totalWork;
				task[0] = name;
			}

			@Override
			public void worked(int work) {
				worked[0] += work;
			}

			@Override
			public void subTask(String name) {
				lines.add(name);
			}

			@Override
			public boolean isCanceled() {
				return lines.stream().anyMatch(l -> l.startsWith("cost ")); // cancelled at the first evaluation's line
			}
		};
		assertEquals(IStatus.CANCEL, new Direct(f).runWith(monitor).getSeverity());
		assertEquals(org.eclipse.core.runtime.IProgressMonitor.UNKNOWN, total[0], "no percentage");
		assertEquals(0, worked[0], "no work counted against the budget");
		// no task name: the Progress view put it before the line under the bar, the job's name again, and cut the line's
		// middle ("Fit PenetrationStressBracket of calibration.cell:...ation 5, 1 min 45 s: ...", session 29)
		assertEquals("", task[0], "the line under the bar is the progress line alone");
		flush();
		String console = org.cellwright.app.RunConsole.console().getDocument().get();
		assertTrue(console.contains("evaluation 1: cost ") && console.contains("E.ionic-conductivity = "), console);

		// a fit a killed process left hidden (.<id>.partial, as SIGKILL before it was moved into place leaves it): the
		// next Fit Parameters moves it into place and says so in the Runs console, as the command line and the
		// Experiment job do (the Fit job said nothing: fit27)
		String id = folder.getFileName().toString();
		Files.move(folder, folder.resolveSibling("." + id + ".partial"));
		FitJob again = new FitJob(f, "K");
		again.schedule();
		spin(() -> again.getResult() != null, 300_000, "the fit after the killed one");
		assertEquals(IStatus.OK, again.getResult().getSeverity(), again.getResult().toString());
		assertTrue(Files.isRegularFile(folder.resolve("fit.json")), "the killed fit's folder is in place");
		assertFalse(Files.exists(folder.resolveSibling("." + id + ".partial")));
		flush();
		String after = org.cellwright.app.RunConsole.console().getDocument().get();
		assertTrue(after.contains("  fit K: a run left hidden by a process stopped before it ended (killed) moved into place") && after.contains(folder.toString()),
				after);
	}

	/** The Progress view's id (org.eclipse.ui.workbench's IProgressConstants.PROGRESS_VIEW_ID, internal there). */
	static final String PROGRESS_VIEW = "org.eclipse.ui.views.ProgressView";

	/**
	 * A fit's progress line is as long as the Progress view shows whole at its width: it was cut at 80 characters
	 * whatever the width (FitJob.PROGRESS_CHARS until session 31), so a wide view showed "..." for estimates it had room
	 * for, and a narrow one cut the line in its middle, cost and all (session 30 walk, w16.png: "1 expectation fails,
	 * evaluation 10, 1...n 35 s: penetration-stress = 73.4 MPa"). A fit of three estimates (whose whole line has more
	 * than 80 characters) in the Progress view maximized in the 1600 px window, then in a window 440 px wide.
	 */
	@Test
	void aFitsProgressLineIsAsLongAsTheProgressViewShowsWhole() throws Exception {
		// three estimates: their whole line has more than 80 characters at any cost and evaluation (two had 77 at "cost
		// 409, evaluation 3, 0 s")
		IFile f = measuredFile("fit-progress", "fit K { estimate E.ionic-conductivity between 0.5 mS/cm and 10 mS/cm"
				+ "  estimate s.thickness between 350 um and 1400 um  estimate a.thickness between 5 um and 20 um  target X measured }");
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		org.eclipse.ui.IViewPart progress = page.showView(PROGRESS_VIEW);
		org.eclipse.swt.widgets.Shell shell = page.getWorkbenchWindow().getShell();
		org.eclipse.swt.graphics.Rectangle bounds = shell.getBounds();
		try {
			page.setPartState(page.getReference(progress), IWorkbenchPage.STATE_MAXIMIZED);
			flush();
			String wide = progressUntil(f, (posted, shown) -> shown.stream().anyMatch(l -> !l.contains("...") && l.contains(", a.thickness = ")));
			assertTrue(wide.length() > ProgressRoom.DEFAULT_CHARS, "both estimates need more than the 80 characters of old: " + wide);

			shell.setBounds(bounds.x, bounds.y, 440, bounds.height);
			flush();
			int before = ProgressRoom.chars();
			// the lines made for the wide view are cut here; once the room was measured where the view is narrow, the
			// lines are shown whole
			String narrow = progressUntil(f, (posted, shown) -> ProgressRoom.chars() < before && !shown.isEmpty());
			assertTrue(ProgressRoom.chars() < 60, "the narrow view has room for fewer characters than the 80 of old and than a"
					+ " line's head and first value: " + ProgressRoom.chars() + ", " + narrow);
			assertTrue(narrow.startsWith("cost ") && narrow.length() <= 60, "the cost and the evaluation shown whole: " + narrow);
		} finally {
			shell.setBounds(bounds);
			page.setPartState(page.getReference(progress), IWorkbenchPage.STATE_RESTORED);
			page.hideView(progress);
			flush();
		}
	}

	/**
	 * Runs fit K of {@code f} (again, up to 4 times) until {@code done} holds for the lines it posted and those of them
	 * shown whole by a Link of the workbench window (the Progress view's line under the bar), then cancels it; returns
	 * the last line shown whole.
	 */
	static String progressUntil(IFile f, java.util.function.BiPredicate<List<String>, List<String>> done) {
		List<String> posted = new java.util.concurrent.CopyOnWriteArrayList<>(), shown = new java.util.ArrayList<>();
		for (int attempt = 0; attempt < 4; attempt++) {
			FitJob job = new FitJob(f, "K") {
				@Override
				protected void progressed(String text) {
					posted.add(text);
					// at a real fit's pace: this fit's evaluations take milliseconds (ci53: all 30 within the 300 ms
					// after which the room is measured, so no line was ever shown when it was), a study's take seconds;
					// the fit's thread holds each line for half a second, so the Progress view shows it when measured
					try {
						Thread.sleep(500);
					} catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
				}
			};
			job.schedule();
			long end = System.currentTimeMillis() + 300_000;
			while (job.getResult() == null && System.currentTimeMillis() < end) {
				flush();
				for (String l : links(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell()))
					if (posted.contains(l) && !shown.contains(l)) shown.add(l);
				if (done.test(posted, shown)) {
					job.cancel();
					spin(() -> job.getResult() != null, 120_000, "the fit cancelled");
					return shown.get(shown.size() - 1);
				}
				org.eclipse.swt.widgets.Display d = org.eclipse.swt.widgets.Display.getCurrent();
				d.timerExec(50, () -> {});
				if (!d.readAndDispatch()) d.sleep();
			}
			spin(() -> job.getResult() != null, 60_000, "the fit");
		}
		List<String> where = new java.util.ArrayList<>();
		linkBounds(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), where);
		fail("not seen in the Progress view in 4 fits: " + shown + "; posted: " + posted + "; room " + ProgressRoom.chars() + "; links " + where);
		return null;
	}

	static void linkBounds(org.eclipse.swt.widgets.Control c, List<String> out) {
		if (c.isDisposed()) return;
		if (c instanceof org.eclipse.swt.widgets.Link l) out.add(l.getText() + " " + l.getBounds() + (l.isVisible() ? "" : " hidden"));
		if (c instanceof org.eclipse.swt.widgets.Composite k) for (var child : k.getChildren()) linkBounds(child, out);
	}

	static List<String> links(org.eclipse.swt.widgets.Control c) {
		List<String> out = new java.util.ArrayList<>();
		if (c.isDisposed() || !c.isVisible()) return out;
		if (c instanceof org.eclipse.swt.widgets.Link l) out.add(l.getText());
		if (c instanceof org.eclipse.swt.widgets.Composite k) for (var child : k.getChildren()) out.addAll(links(child));
		return out;
	}

	/** A fit job run on the caller's thread with its monitor. */
	static final class Direct extends FitJob {
		Direct(IFile f) {
			super(f, "K");
		}

		org.eclipse.core.runtime.IStatus runWith(org.eclipse.core.runtime.IProgressMonitor monitor) {
			return run(monitor);
		}
	}

	/**
	 * A progress line stays within what the Progress view shows whole at its default width: kim2025.cell's fit of three
	 * estimates showed "evaluation 6, c...1.interphase-growth-constant = 4.7482e-21 m2/s", its cost cut out. The cost
	 * first, the estimates that fit, "..." for the rest.
	 */
	@Test
	void aFitsProgressLineIsShortWithTheCostFirst() {
		List<String> kim = List.of("exchange-current-density = 0.0900 mA/cm2", "exchange-current-activation-energy = 48.0 kJ/mol",
				"interphase-growth-constant = 4.75e-21 m2/s");
		int room = ProgressRoom.DEFAULT_CHARS; // before a line was shown anywhere
		String line = FitJob.progressLine(null, 6, "cost 0.0312", 65, kim, room);
		assertEquals("cost 0.0312, evaluation 6, 1 min 5 s: ...", line);
		assertEquals("KimCrossrail: cost 0.0312, evaluation 6, 1 h 2 min: ...", FitJob.progressLine("KimCrossrail", 6, "cost 0.0312", 3725, kim, room));
		assertEquals("cost 0.00210, evaluation 12, 42 s: ionic-conductivity = 2.40 mS/cm",
				FitJob.progressLine(null, 12, "cost 0.00210", 42.4, List.of("ionic-conductivity = 2.40 mS/cm"), room));
		String two = FitJob.progressLine(null, 2, "cost 0.00210", 4, List.of("ionic-conductivity = 2.40 mS/cm", "transference-number = 0.400"), room);
		assertEquals("cost 0.00210, evaluation 2, 4 s: ionic-conductivity = 2.40 mS/cm, ...", two);
		for (String l : List.of(line, two)) assertTrue(l.length() <= room, l);
		// as long as the room the Progress view gives it: all three of kim2025.cell's estimates in a wide one, the cost
		// and the evaluation alone in a narrow one
		assertEquals("cost 0.0312, evaluation 6, 1 min 5 s: exchange-current-density = 0.0900 mA/cm2, exchange-current-activation-energy"
				+ " = 48.0 kJ/mol, interphase-growth-constant = 4.75e-21 m2/s", FitJob.progressLine(null, 6, "cost 0.0312", 65, kim, 200));
		assertEquals("cost 0.0312, evaluation 6, 1 min 5 s: ...", FitJob.progressLine(null, 6, "cost 0.0312", 65, kim, ProgressRoom.MIN_CHARS));
		// what an evaluation found: a least-squares fit's cost, a bracket's failing expectations (its "cost 13.0" read
		// as a least-squares cost: session 29)
		assertEquals("cost 0.0312", org.cellwright.run.fit.Fits.outcome(org.cellwright.fit.FitOptions.Method.LEVENBERG_MARQUARDT, 0.0312, 3));
		assertEquals("cost 0.0312", org.cellwright.run.fit.Fits.outcome(org.cellwright.fit.FitOptions.Method.BOBYQA, 0.0312, 3));
		var bracket = org.cellwright.fit.FitOptions.Method.BRACKET;
		assertEquals("13 expectations fail, evaluation 5, 1 min 45 s: penetration-stress = 179 MPa",
				FitJob.progressLine(null, 5, org.cellwright.run.fit.Fits.outcome(bracket, 13, 3), 105, List.of("penetration-stress = 179 MPa"), room));
		assertEquals("1 expectation fails", org.cellwright.run.fit.Fits.outcome(bracket, 1, 3));
		assertEquals("every expectation holds", org.cellwright.run.fit.Fits.outcome(bracket, 0, 3));
	}

	static org.cellwright.measured.ErrorFigures Measurement(RunFolder run, FitRecord.Target t) {
		return org.cellwright.measured.ErrorFigures.compare(t.measured().series(),
				org.cellwright.run.fit.MeasuredComparison.simulated(run, run.inputs().cell().area()));
	}
}

package org.cellwright.app.tests;

import static org.cellwright.app.tests.IdeUITest.flush;
import static org.cellwright.app.tests.IdeUITest.spin;
import static org.junit.jupiter.api.Assertions.*;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.cellwright.app.views.OpenReport;
import org.cellwright.app.views.ReportEditor;
import org.cellwright.app.views.ResultsView;
import org.cellwright.app.views.RunsView;
import org.cellwright.run.store.RunStore;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A run's report.html could be opened only by digging into results/.../&lt;run id&gt; in the Project Explorer. Now Open
 * Report of the Results view (toolbar and menu) and of the Runs view (context menu) opens it in a browser, and is
 * disabled, saying why, for a run without one.
 */
class OpenReportUITest extends ProjectUITest {

	final Consumer<URL> browser = OpenReport.browser;
	final List<URL> opened = new ArrayList<>();

	@AfterEach
	void tearDown() throws Exception {
		OpenReport.browser = browser;
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
	}

	static Action item(IViewPart view, boolean toolbar, String label) {
		var bars = view.getViewSite().getActionBars();
		IContributionItem[] items = toolbar ? bars.getToolBarManager().getItems() : bars.getMenuManager().getItems();
		for (IContributionItem i : items)
			if (i instanceof ActionContributionItem a && a.getAction().getText().startsWith(label)) return (Action) a.getAction();
		return null;
	}

	@Test
	void openReportOpensTheRunsReportAndIsDisabledSayingWhyWithoutOne() throws Exception {
		OpenReport.browser = opened::add;
		project = IdeUITest.newProject("open-report");
		IFile f = IdeUITest.newFile(project, "t.cell", RunsViewUITest.cell("5 MPa"));
		RunsViewUITest.run(f, "X");
		Path run = RunStore.latest(project.getLocation().toFile().toPath().resolve("results/t/X"));
		Path report = run.resolve("report.html");
		assertTrue(Files.isRegularFile(report), "the IDE's run writes its report");
		// naming the protocol X ran, P, as the file has it (it named the run's protocol, "protocol X", before session 25)
		assertTrue(Files.readString(report).contains(" 4 layers \u00b7 protocol P \u00b7 defined in"), "the report's title line");

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ResultsView results = (ResultsView) page.showView(ResultsView.ID);
		results.setRuns(List.of(run));
		spin(() -> results.whenLoaded().isDone() && results.runs().size() == 1, 60_000, "the Results view to show the run");
		Action tool = item(results, true, OpenReport.LABEL), menu = item(results, false, OpenReport.LABEL);
		assertNotNull(tool, "Open Report on the Results view's toolbar");
		assertNotNull(menu, "and in its menu");
		assertTrue(tool.isEnabled(), tool.getToolTipText());
		assertEquals(OpenReport.LABEL, tool.getText());
		tool.run();
		assertEquals(List.of(report.toUri().toURL()), opened, "the run's report.html opened in the browser");

		// the Runs view: the context menu's Open Report of the selected run
		RunsView runs = (RunsView) page.showView(RunsView.ID);
		runs.refresh();
		flush();
		int row = -1;
		for (int i = 0; i < runs.runs().size(); i++) if (runs.runs().get(i).folder().equals(run)) row = i;
		assertTrue(row >= 0, "the run listed: " + runs.runs());
		runs.table().setSelection(row);
		Action fromRuns = runs.openReportAction();
		assertTrue(fromRuns.isEnabled(), fromRuns.getToolTipText());
		fromRuns.run();
		assertEquals(List.of(report.toUri().toURL(), report.toUri().toURL()), opened);

		// without its report: disabled, saying why, in both views
		Files.delete(report);
		assertFalse(runs.openReportAction().isEnabled());
		assertEquals("Open Report (no report.html)", runs.openReportAction().getText());
		results.setRuns(List.of());
		spin(() -> results.whenLoaded().isDone() && results.runs().isEmpty(), 60_000, "the Results view to clear");
		assertFalse(tool.isEnabled(), "no run shown");
		results.setRuns(List.of(run));
		spin(() -> results.whenLoaded().isDone() && results.runs().size() == 1, 60_000, "the Results view to show the run");
		assertFalse(tool.isEnabled(), "a run without report.html");
		assertTrue(tool.getToolTipText().contains("has no report.html"), tool.getToolTipText());
		assertEquals(2, opened.size(), "nothing more opened");
	}
	/**
	 * The first run of a new workspace (the examples' start-up run, which the UI tests' workbench starts too) ends while
	 * the user looks at other runs: they stay in the Results view. Before, its end replaced them whenever it came, so
	 * Open Report of the run the user had chosen opened the start-up run's report
	 * ({@link #openReportOpensTheRunsReportAndIsDisabledSayingWhyWithoutOne} failed so once, run first in its JVM: Open
	 * Report enabled for "a run without report.html", the start-up run shown instead). In an empty Results view the
	 * start-up run is shown, as before.
	 */
	@Test
	void theStartUpRunDoesNotReplaceTheRunsTheUserShows() throws Exception {
		project = IdeUITest.newProject("start-up-run");
		IFile f = IdeUITest.newFile(project, "t.cell", RunsViewUITest.cell("5 MPa"));
		RunsViewUITest.run(f, "X");
		Path history = project.getLocation().toFile().toPath().resolve("results/t/X");
		Path mine = RunStore.latest(history);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ResultsView results = (ResultsView) page.showView(ResultsView.ID);
		results.setRuns(List.of(mine));
		spin(() -> results.whenLoaded().isDone() && !results.loading() && results.runs().size() == 1, 60_000, "the Results view to show the run");

		startUpRun(f);
		Path startUp = RunStore.latest(history);
		assertNotEquals(mine, startUp, "the start-up run made a run of its own");
		spin(() -> results.whenLoaded().isDone() && !results.loading(), 60_000, "the Results view to end loading");
		assertEquals(List.of(mine), results.runs().stream().map(r -> r.folder()).toList(), "the user's run stays shown");

		results.setRuns(List.of());
		spin(() -> results.whenLoaded().isDone() && results.runs().isEmpty(), 60_000, "the Results view to clear");
		startUpRun(f);
		Path shown = RunStore.latest(history);
		spin(() -> results.whenLoaded().isDone() && !results.loading() && results.runs().size() == 1, 60_000,
				"the start-up run to be shown in the empty Results view");
		assertEquals(shown, results.runs().get(0).folder());
	}

	/** Runs X of the file as the start-up run does, and lets its end reach the views. */
	private static void startUpRun(IFile f) {
		org.cellwright.app.ExperimentJob job = new org.cellwright.app.ExperimentJob(f, "X").atStartup();
		job.schedule();
		spin(() -> job.getResult() != null, 120_000, "the start-up run");
		flush(); // its end shows the run (an asyncExec)
	}

	/**
	 * Without a system web browser (this machine under Xvfb) Open Report ended in the platform's dialog "Unable to open
	 * web browser on {0}", naming no report: the workbench's browser support tries firefox, mozilla, netscape. Now the
	 * report opens in the IDE (an editor with SWT's browser and the file's path), and when it cannot be opened a dialog
	 * names its path and Copy Path puts it on the clipboard.
	 */
	@Test
	void openReportShowsTheReportInTheIdeAndNamesItsPathWhenItCannot() throws Exception {
		project = IdeUITest.newProject("open-report-ide");
		IFile f = IdeUITest.newFile(project, "t.cell", RunsViewUITest.cell("5 MPa"));
		RunsViewUITest.run(f, "X");
		Path run = RunStore.latest(project.getLocation().toFile().toPath().resolve("results/t/X"));
		Path report = run.resolve("report.html");
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		var shell = page.getWorkbenchWindow().getShell();

		OpenReport.open(run, shell); // the product's way, no recorder
		flush();
		assertTrue(page.getActiveEditor() instanceof ReportEditor, "the report opens in the IDE: " + page.getActiveEditor());
		ReportEditor editor = (ReportEditor) page.getActiveEditor();
		assertEquals(report, editor.file());
		assertEquals("Report X", editor.getPartName());
		if (editor.browser() != null)
			spin(() -> editor.browser().getUrl().endsWith("/report.html") && editor.browser().getText().contains("<svg"), 30_000,
					"the browser to show the report: " + editor.browser().getUrl());
		else assertTrue(editor.problem().contains("Copy Path"), editor.problem());
		for (var s : shell.getDisplay().getShells())
			assertFalse(s.isVisible() && labels(s).contains("Unable to open web browser"), "the platform's dialog: " + labels(s));

		// it cannot be opened: the dialog names the report's path; Copy Path puts it on the clipboard
		OpenReport.browser = url -> { throw new IllegalStateException("no HTML engine here"); };
		String[] message = new String[1];
		var display = shell.getDisplay();
		Runnable[] poll = new Runnable[1];
		long end = System.currentTimeMillis() + 20_000;
		poll[0] = () -> {
			for (var s : display.getShells()) if (!s.isDisposed() && s.isVisible() && OpenReport.LABEL.equals(s.getText())) {
				message[0] = labels(s);
				for (var b : RunsViewUITest.buttons(s)) if (b.getText().replace("&", "").equals(OpenReport.COPY_PATH)) {
					b.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
					return;
				}
			}
			if (System.currentTimeMillis() < end) display.timerExec(100, poll[0]);
		};
		display.timerExec(100, poll[0]);
		OpenReport.open(run, shell);
		assertNotNull(message[0], "a dialog");
		assertTrue(message[0].contains("The report " + report + " could not be opened: no HTML engine here"), message[0]);
		var clipboard = new org.eclipse.swt.dnd.Clipboard(display);
		try {
			assertEquals(report.toString(), clipboard.getContents(org.eclipse.swt.dnd.TextTransfer.getInstance()));
		} finally {
			clipboard.dispose();
		}
	}

	/** The texts of a dialog's labels, one a line. */
	static String labels(org.eclipse.swt.widgets.Composite c) {
		StringBuilder b = new StringBuilder();
		for (var k : c.getChildren()) {
			if (k instanceof org.eclipse.swt.widgets.Label l) b.append(l.getText()).append('\n');
			if (k instanceof org.eclipse.swt.widgets.Composite cc) b.append(labels(cc));
		}
		return b.toString();
	}
}

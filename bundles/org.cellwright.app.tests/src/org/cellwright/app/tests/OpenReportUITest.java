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
}

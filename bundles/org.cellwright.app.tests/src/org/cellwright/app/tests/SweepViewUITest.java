package org.cellwright.app.tests;

import static org.cellwright.app.tests.IdeUITest.flush;
import static org.cellwright.app.tests.IdeUITest.spin;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;

import org.cellwright.app.ExperimentJob;
import org.cellwright.app.views.ResultsView;
import org.cellwright.app.views.SweepView;
import org.cellwright.testing.PlatingCell;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swtchart.ISeries;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/**
 * After a sweep runs in the IDE the Sweep view shows its table (sweep.csv: one row per run, its parameters and key
 * metrics; sortable by any column) and a metric against one swept parameter, one line per value of the other.
 */
class SweepViewUITest extends ProjectUITest {

	/** Plating on steel at three stack pressures and two temperatures: six short runs. */
	static final String CELL = PlatingCell.cell("sw", "2.5 mS/cm", "5 MPa") + PlatingCell.protocol("0.5 mA/cm2") + """
			experiment X { cell C protocol P }
			sweep PressureTemperature { experiment X vary stack-pressure in 5 MPa, 20 MPa, 50 MPa  vary temperature in 25 degC, 60 degC }
			""";


	@Test
	void aSweepShowsItsSortableTableAndAMetricAgainstAParameterOneLinePerValueOfAnother() throws Exception {
		project = IdeUITest.newProject("sweep-view");
		IFile f = IdeUITest.newFile(project, "sw.cell", CELL);
		// as in a new workspace: no Sweep view yet, the Results view on top of the folder the run opens it in
		IWorkbenchPage start = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		if (start.findView(SweepView.ID) != null) start.hideView(start.findView(SweepView.ID));
		start.showView(ResultsView.ID);
		flush();
		ExperimentJob job = new ExperimentJob(f, "PressureTemperature");
		job.schedule();
		spin(() -> job.getResult() != null, 180_000, "the sweep's runs");
		assertTrue(job.getResult().getSeverity() <= IStatus.WARNING, job.getResult().toString());
		assertEquals(6, job.outcomes().size(), "3 pressures x 2 temperatures");

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		spin(() -> page.findView(SweepView.ID) instanceof SweepView v && v.sweep() != null, 30_000, "the Sweep view after the sweep ran");
		SweepView view = (SweepView) page.findView(SweepView.ID);
		// the sweep's folder as the workspace names it (it read the absolute path on disk, seen walking the product)
		assertTrue(view.titleText().startsWith("Sweep PressureTemperature: 6 runs, 2 parameters  (/sweep-view/results/sw/PressureTemperature/"),
				view.titleText());
		// beside the Results view, with its room (it opened below, beside Problems, its chart without height)
		org.eclipse.ui.IViewPart resultsView = page.showView(org.cellwright.app.views.ResultsView.ID, null, IWorkbenchPage.VIEW_CREATE);
		assertTrue(Arrays.asList(page.getViewStack(view)).contains(resultsView), "in the Results view's folder: " + Arrays.toString(page.getViewStack(view)));
		page.bringToTop(view);
		IdeUITest.flush();
		assertTrue(view.chart().getPlotArea().getControl().getSize().y > 60, "the chart has room: " + view.chart().getPlotArea().getControl().getSize());
		// the chart's title, filled while the view opened behind the Results view, whole where it fits (it read "f\u2026e")
		ChartTitleFit.assertWholeWhereItFits(view.chart(), "the sweep's chart as the run showed it");
		page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
		ChartTitleFit.assertWhole(view.chart(), "the Sweep view maximized");
		page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
		ChartTitleFit.assertWholeWhereItFits(view.chart(), "the Sweep view restored");
		// the title refitted after a resize is painted: SWTChart does not paint the chart when its title's text changes,
		// and the Sweep view a sweep's run opened, fitted to "f\u2026e" at 64 pixels, kept showing that across the whole
		// view with its title's text whole (seen in the product on a new workspace)
		org.eclipse.swtchart.Chart c = view.chart();
		List<String> painted = new java.util.ArrayList<>();
		org.eclipse.swt.widgets.Listener record = e -> painted.add(c.getTitle().getText());
		c.addListener(SWT.Paint, record);
		try {
			c.setSize(160, c.getSize().y);
			spin(() -> c.getTitle().getText().contains("\u2026"), 10_000, () -> "fitted to 160 px: " + c.getTitle().getText());
			Screenshots.settle(500);
			assertTrue(painted.contains(c.getTitle().getText()), "the refitted title painted: " + painted + ", now " + c.getTitle().getText());
			painted.clear();
			c.getParent().layout(true, true);
			spin(() -> c.getTitle().getText().equals(c.getData(ChartTitleFit.FULL)), 10_000, () -> "whole again: " + c.getTitle().getText());
			Screenshots.settle(500);
			assertTrue(painted.contains(c.getTitle().getText()), "the whole title painted: " + painted);
		} finally {
			c.removeListener(SWT.Paint, record);
		}
		ChartTitleFit.assertWholeWhereItFits(c, "the chart laid out again");
		assertEquals(List.of("stack-pressure", "temperature"), view.sweep().parameters());
		assertEquals(6, view.table().getItemCount(), "a row per run");
		List<String> columns = Arrays.stream(view.table().getColumns()).map(TableColumn::getText).toList();
		assertTrue(columns.containsAll(List.of("run", "stack-pressure", "temperature", "status", "first discharge (mAh/cm2)", "first CE (%)")),
				columns.toString());

		// sorting by temperature, then reversing: the rows follow the column's numbers
		int temp = columns.indexOf("temperature");
		TableColumn t = view.table().getColumn(temp);
		t.notifyListeners(SWT.Selection, new Event());
		assertTrue(view.table().getItem(0).getText(temp).startsWith("25"), "ascending: " + view.table().getItem(0).getText(temp));
		t.notifyListeners(SWT.Selection, new Event());
		assertTrue(view.table().getItem(0).getText(temp).startsWith("60"), "reversed: " + view.table().getItem(0).getText(temp));
		assertEquals(SWT.DOWN, view.table().getSortDirection());

		// the end of the plating step against pressure, one line per temperature
		view.choose("nucleation_overpotential_mV", "stack-pressure", "temperature");
		flush();
		ISeries<?>[] lines = view.chart().getSeriesSet().getSeries();
		assertEquals(2, lines.length, "a line per temperature: " + Arrays.toString(lines));
		for (ISeries<?> s : lines) {
			assertArrayEquals(new double[] {5, 20, 50}, s.getXSeries(), 1e-9, "the pressures in order: " + s.getId());
			assertTrue(Arrays.stream(s.getYSeries()).allMatch(Double::isFinite), s.getId() + " " + Arrays.toString(s.getYSeries()));
		}
		assertTrue(lines[0].getId().startsWith("temperature = 25"), lines[0].getId());
		assertEquals("stack-pressure (MPa)", view.chart().getAxisSet().getXAxis(0).getTitle().getText());

		view.choose("end_time_h", "temperature", null);
		assertEquals(1, view.chart().getSeriesSet().getSeries().length, "one line of all runs");
		assertEquals(6, view.chart().getSeriesSet().getSeries()[0].getXSeries().length);
		view.choose("nucleation_overpotential_mV", "stack-pressure", "temperature");

		// a double click on a row shows its run in the Results view, brought up in front of the Sweep view (in the same
		// folder, it stayed behind the Sweep view: nothing seemed to happen, seen walking the product, session 29)
		// The Runs view follows: it kept every run of the sweep selected beside the one the Results view showed (w24.png)
		org.cellwright.app.views.RunsView runsView = (org.cellwright.app.views.RunsView) page.showView(org.cellwright.app.views.RunsView.ID, null,
				IWorkbenchPage.VIEW_VISIBLE);
		runsView.refresh();
		runsView.table().selectAll();
		assertTrue(runsView.table().getSelectionCount() >= 6, "the sweep's runs listed: " + runsView.table().getSelectionCount());
		page.activate(view);
		flush();
		view.table().setSelection(0);
		view.table().notifyListeners(SWT.DefaultSelection, new Event());
		ResultsView results = (ResultsView) page.findView(ResultsView.ID);
		assertNotNull(results);
		assertTrue(page.isPartVisible(results), "the Results view in front");
		spin(() -> results.whenLoaded().isDone() && results.runs().size() == 1
				&& results.runs().get(0).folder().getParent().equals(view.sweep().folder()), 60_000, "the row's run in the Results view");
		List<java.nio.file.Path> selectedRuns = Arrays.stream(runsView.table().getSelection())
				.map(it -> ((org.cellwright.app.views.RunsView.Run) it.getData()).folder()).toList();
		assertEquals(List.of(results.runs().get(0).folder().normalize()), selectedRuns, "the Runs view selects the run the Results view shows");

		// for the docs: the study's sweep run by the IDE in the study's project, as a user runs it (the picture was made
		// by hand from a run on disk, its header the path of a clone, session 16)
		if (Screenshots.enabled()) {
			IFile study = org.cellwright.app.WorkspaceSetup.importExamples(java.nio.file.Path.of(System.getProperty("cellwright.examples")))
					.getProject().getFile("sung2023/experiments.cell");
			IdeUITest.waitForJobs();
			ExperimentJob sweep = new ExperimentJob(study, "PressureAndTemperature");
			sweep.schedule();
			spin(() -> sweep.getResult() != null, 600_000, "the study's sweep");
			spin(() -> view.titleText().startsWith("Sweep PressureAndTemperature: 6 runs"), 30_000, () -> "the study's sweep shown: " + view.titleText());
			view.choose("first_ce", "stack-pressure", "temperature");
			view.table().getColumn(1).notifyListeners(SWT.Selection, new Event());
		}
		page.activate(view);
		Screenshots.ofView(view, "ide-sweep-table.png");
	}

	/** The walkthrough's sweep of a half cell: plating on steel at 2, 5 and 20 MPa, three cycles (its sweep.csv). */
	static final String HALF_CELL_SWEEP = """
			run,stack-pressure,status,cycles,first_discharge_mAh_cm2,first_ce,last_discharge_mAh_cm2,last_ce,capacity_retention,nucleation_overpotential_mV,end_time_h,short_circuit_cycle
			Short-stack-pressure=2MPa,2MPa,COMPLETED,3,0.100000,0.999643,0.100000,0.999998,1.00000,0.383994,5.99964,
			Short-stack-pressure=5MPa,5MPa,COMPLETED,3,0.100000,0.999652,0.100000,1.00000,1.00000,1.58519,5.99965,
			Short-stack-pressure=20MPa,20MPa,COMPLETED,3,0.100000,0.999652,0.100000,1.00000,1.00000,1.58519,5.99965,
			""";

	@Test
	void theAxesSpanTheSweptValuesAndAHalfCellShowsItsFirstCycleEfficiencyFirst() throws Exception {
		java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("sweep-axes").resolve("PressureSweep/20261205-031712-52ba3d");
		java.nio.file.Files.createDirectories(folder);
		java.nio.file.Files.writeString(folder.resolve("sweep.csv"), HALF_CELL_SWEEP);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		SweepView view = (SweepView) page.showView(SweepView.ID);
		try {
			view.show(folder);
			flush();
			view.choose("first_ce", "stack-pressure", null);
			ISeries<?>[] lines = view.chart().getSeriesSet().getSeries();
			assertEquals(1, lines.length);
			assertArrayEquals(new double[] {2, 5, 20}, lines[0].getXSeries(), 1e-12);
			assertAxes(view, "shown");

			// fitted while the chart is small (a view filled before it is laid out, or in a small part stack): the same axes
			view.chart().setSize(90, 70);
			view.chart().updateLayout();
			view.choose("first_ce", "stack-pressure", null);
			assertAxes(view, "fitted in a small chart");
			view.choose("capacity_retention", "stack-pressure", null);
			org.eclipse.swtchart.Range y = view.chart().getAxisSet().getYAxis(0).getRange();
			assertTrue(y.lower < 100 && y.lower >= 90 && y.upper > 100 && y.upper <= 110, "a flat line of 100 % in the middle: " + y);

			// capacity retention is 1 in every run of a half cell: the chart starts on first-cycle CE, which the pressure changes
			view.show(folder);
			assertEquals("first CE (%)", view.chart().getAxisSet().getYAxis(0).getTitle().getText());
		} finally {
			page.hideView(view); // the other test waits for the view to show its own sweep
		}
	}

	/**
	 * The Sweep view showed Coulombic efficiencies as fractions (0.968708) where the Results view and the report give
	 * %, and gave a half-cell sweep a "capacity retention" of 1.012: last over first discharge, for a half cell the
	 * plating of a set capacity. Now both are in % (through Figures), and a half cell's retention is not applicable:
	 * neither in the table nor among the metrics to plot.
	 */
	@Test
	void efficienciesAreInPercentAndAHalfCellHasNoCapacityRetention() throws Exception {
		project = IdeUITest.newProject("sweep-units");
		String twoCycles = RunsViewUITest.cell("5 MPa").replace("protocol P { discharge at 0.1 mA/cm2 for 1 h  charge at 0.1 mA/cm2 until 0.2 V for 2 h }",
				"protocol P { repeat 2 { discharge at 0.1 mA/cm2 for 1 h  charge at 0.1 mA/cm2 until 0.2 V for 2 h } }");
		assertNotEquals(RunsViewUITest.cell("5 MPa"), twoCycles);
		IFile f = IdeUITest.newFile(project, "t.cell", twoCycles);
		ExperimentJob job = new ExperimentJob(f, "Sw");
		job.schedule();
		spin(() -> job.getResult() != null, 180_000, "the sweep's runs");
		assertTrue(job.getResult().getSeverity() <= IStatus.WARNING, job.getResult().toString());
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		spin(() -> page.findView(SweepView.ID) instanceof SweepView v && v.sweep() != null
				&& v.sweep().folder().startsWith(project.getLocation().toFile().toPath()), 30_000, "the Sweep view after the sweep ran");
		SweepView view = (SweepView) page.findView(SweepView.ID);
		try {
			checkUnits(view);
		} finally {
			page.hideView(view); // the other tests wait for the view to show their own sweep
		}
	}

	private static void checkUnits(SweepView view) {
		var s = view.sweep();
		List<String> columns = Arrays.stream(view.table().getColumns()).map(TableColumn::getText).toList();
		int ce = columns.indexOf("first CE (%)"), ret = columns.indexOf("capacity retention (%)");
		assertTrue(ce > 0 && ret > 0, columns.toString());
		for (int i = 0; i < view.table().getItemCount(); i++) {
			int row = (Integer) view.table().getItem(i).getData();
			double fraction = Double.parseDouble(s.text(row, "first_ce"));
			assertTrue(fraction > 0.5 && fraction <= 1.01, "sweep.csv keeps the fraction: " + fraction);
			assertEquals(org.cellwright.run.folder.Figures.percent(fraction), view.table().getItem(i).getText(ce), "CE in % as the Results view");
			assertTrue(view.table().getItem(i).getText(ce).endsWith(" %"));
			assertFalse(s.text(row, "capacity_retention").isBlank(), "two cycles: sweep.csv has a retention");
			assertTrue(s.halfCell(row), "plating on steel against lithium: a half cell");
			assertEquals(org.cellwright.app.views.SweepResults.NOT_APPLICABLE, view.table().getItem(i).getText(ret));
		}
		assertFalse(s.numericMetrics().contains("capacity_retention"), "not offered to plot: " + s.numericMetrics());
		view.choose("first_ce", "stack-pressure", null);
		assertEquals("first CE (%)", view.chart().getAxisSet().getYAxis(0).getTitle().getText());
		double[] y = view.chart().getSeriesSet().getSeries()[0].getYSeries();
		assertTrue(Arrays.stream(y).allMatch(v -> v > 50 && v <= 101), "plotted in %: " + Arrays.toString(y));
	}

	private static void assertAxes(SweepView view, String when) {
		org.eclipse.swtchart.Range x = view.chart().getAxisSet().getXAxis(0).getRange();
		assertTrue(x.lower >= 0 && x.lower < 2 && x.lower > 2 - 0.1 * 18, when + ": from a little below 2 MPa, not below 0: " + x);
		assertTrue(x.upper > 20 && x.upper < 20 + 0.1 * 18, when + ": to a little above 20 MPa: " + x);
		org.eclipse.swtchart.Range y = view.chart().getAxisSet().getYAxis(0).getRange();
		double lo = 99.9643, hi = 99.9652; // in %
		assertTrue(y.lower < lo && y.lower > lo - 0.2 * (hi - lo) && y.upper > hi && y.upper < hi + 0.2 * (hi - lo), when + ": CE " + y);
	}
}

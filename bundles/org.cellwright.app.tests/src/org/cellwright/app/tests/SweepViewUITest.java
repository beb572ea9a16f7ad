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
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swtchart.ISeries;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After a sweep runs in the IDE the Sweep view shows its table (sweep.csv: one row per run, its parameters and key
 * metrics; sortable by any column) and a metric against one swept parameter, one line per value of the other.
 */
class SweepViewUITest {

	/** Plating on steel at three stack pressures and two temperatures: six short runs. */
	static final String CELL = PlatingCell.cell("sw", "2.5 mS/cm", "5 MPa") + PlatingCell.protocol("0.5 mA/cm2") + """
			experiment X { cell C protocol P }
			sweep PressureTemperature { experiment X vary stack-pressure in 5 MPa, 20 MPa, 50 MPa  vary temperature in 25 degC, 60 degC }
			""";

	IProject project;

	@AfterEach
	void tearDown() throws Exception {
		if (project != null && project.exists()) project.delete(true, true, null);
	}

	@Test
	void aSweepShowsItsSortableTableAndAMetricAgainstAParameterOneLinePerValueOfAnother() throws Exception {
		project = IdeUITest.newProject("sweep-view");
		IFile f = IdeUITest.newFile(project, "sw.cell", CELL);
		ExperimentJob job = new ExperimentJob(f, "PressureTemperature");
		job.schedule();
		spin(() -> job.getResult() != null, 180_000, "the sweep's runs");
		assertTrue(job.getResult().getSeverity() <= IStatus.WARNING, job.getResult().toString());
		assertEquals(6, job.outcomes().size(), "3 pressures x 2 temperatures");

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		spin(() -> page.findView(SweepView.ID) instanceof SweepView v && v.sweep() != null, 30_000, "the Sweep view after the sweep ran");
		SweepView view = (SweepView) page.findView(SweepView.ID);
		assertEquals(List.of("stack-pressure", "temperature"), view.sweep().parameters());
		assertEquals(6, view.table().getItemCount(), "a row per run");
		List<String> columns = Arrays.stream(view.table().getColumns()).map(TableColumn::getText).toList();
		assertTrue(columns.containsAll(List.of("run", "stack-pressure", "temperature", "status", "first discharge (mAh/cm2)", "first ce")),
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

		// a double click on a row shows its run in the Results view
		view.table().setSelection(0);
		view.table().notifyListeners(SWT.DefaultSelection, new Event());
		ResultsView results = (ResultsView) page.findView(ResultsView.ID);
		assertNotNull(results);
		spin(() -> results.whenLoaded().isDone() && results.runs().size() == 1
				&& results.runs().get(0).folder().getParent().equals(view.sweep().folder()), 60_000, "the row's run in the Results view");

		page.activate(view);
		// for the docs: the study's sweep when its runs are there (./cellwright run examples/sung2023/experiments.cell)
		java.nio.file.Path study = java.nio.file.Path.of(System.getProperty("cellwright.examples")).resolve("../results/experiments/PressureAndTemperature");
		if (Screenshots.enabled() && org.cellwright.app.views.SweepResults.folderOf(study) != null) {
			view.show(study);
			view.choose("first_ce", "stack-pressure", "temperature");
			view.table().getColumn(1).notifyListeners(SWT.Selection, new Event());
		}
		Screenshots.ofView(view, "ide-sweep-table.png");
	}
}

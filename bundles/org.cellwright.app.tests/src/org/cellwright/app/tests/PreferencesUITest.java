package org.cellwright.app.tests;

import static org.cellwright.app.tests.IdeUITest.flush;
import static org.cellwright.app.tests.IdeUITest.spin;
import static org.junit.jupiter.api.Assertions.*;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.cellwright.app.preferences.CellWrightPreferencePage;
import org.cellwright.app.preferences.CellWrightPreferences;
import org.cellwright.app.views.OpenReport;
import org.cellwright.app.views.ResultsView;
import org.cellwright.report.Decimation;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.store.RunStore;
import org.cellwright.testing.PlatingCell;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Window > Preferences > CellWright: its values are kept in the instance scope and change what the IDE does; their
 * defaults are the constants the behaviour had before (no report opened after a run; {@link Decimation#BUDGET} points
 * per series).
 */
class PreferencesUITest extends ProjectUITest {

	/** Ten plating-stripping cycles of the small cell: a few hundred rows of timeseries. */
	static String tenCycles() {
		return PlatingCell.cell("p", "2.5 mS/cm", "5 MPa")
				+ "protocol P { repeat 10 { discharge at 0.3 mA/cm2 for 1 h  charge at 0.3 mA/cm2 until 0.2 V for 2 h } }\n"
				+ "experiment X { cell C protocol P }\n";
	}

	@AfterEach
	void restoreDefaults() throws Exception {
		CellWrightPreferences.instance().remove(CellWrightPreferences.OPEN_REPORT_AFTER_RUN);
		CellWrightPreferences.instance().remove(CellWrightPreferences.POINTS_PER_SERIES);
		CellWrightPreferences.instance().remove(CellWrightPreferences.SAVE_BEFORE_RUN);
		CellWrightPreferences.instance().flush();
		flush();
	}

	@Test
	void theRunsReportOpensAfterALaunchOnlyWithThePreference() throws Exception {
		project = IdeUITest.newProject("prefs-report");
		IFile f = IdeUITest.newFile(project, "p.cell", tenCycles());
		List<URL> opened = new CopyOnWriteArrayList<>();
		var browser = OpenReport.browser;
		OpenReport.browser = opened::add;
		try {
			assertFalse(CellWrightPreferences.openReportAfterRun(), "off by default");
			MeasuredDataUITest.run(f);
			IdeUITest.waitForJobs();
			flush();
			assertEquals(List.of(), opened, "no report opened by default");

			CellWrightPreferences.instance().putBoolean(CellWrightPreferences.OPEN_REPORT_AFTER_RUN, true);
			MeasuredDataUITest.run(f);
			spin(() -> !opened.isEmpty(), 30_000, "the report to open");
			Path run = RunStore.latest(project.getLocation().toFile().toPath().resolve("results/p/X"));
			assertEquals(List.of(run.resolve(RunFiles.REPORT).toUri().toURL()), opened, "the report of the run the launch made");
		} finally {
			OpenReport.browser = browser;
		}
	}

	@Test
	void theResultsViewDrawsAsManyPointsPerSeriesAsThePreferenceSays() throws Exception {
		project = IdeUITest.newProject("prefs-points");
		IFile f = IdeUITest.newFile(project, "p.cell", tenCycles());
		MeasuredDataUITest.run(f);
		Path run = RunStore.latest(project.getLocation().toFile().toPath().resolve("results/p/X"));
		int rows = RunFolder.read(run).timeseries().column("voltage_V").length;
		int few = CellWrightPreferences.MIN_POINTS_PER_SERIES;
		assertTrue(rows > 2 * few && rows < Decimation.BUDGET, "a run of a few hundred rows: " + rows);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ResultsView view = (ResultsView) page.showView(ResultsView.ID);
		view.setRuns(List.of(run));
		spin(() -> view.whenLoaded().isDone() && !view.loading() && voltagePoints(view) > 0, 60_000, "the run shown");
		assertEquals(rows, voltagePoints(view), "every row drawn at the default of " + Decimation.BUDGET);

		CellWrightPreferences.instance().putInt(CellWrightPreferences.POINTS_PER_SERIES, few);
		// the view draws the runs shown again
		spin(() -> view.whenLoaded().isDone() && !view.loading() && voltagePoints(view) <= few, 60_000,
				() -> "the voltage drawn with at most " + few + " points, not " + voltagePoints(view));
		assertTrue(voltagePoints(view) > few / 2, "about " + few + ": " + voltagePoints(view));

		CellWrightPreferences.instance().remove(CellWrightPreferences.POINTS_PER_SERIES);
		spin(() -> view.whenLoaded().isDone() && !view.loading() && voltagePoints(view) == rows, 60_000, "every row drawn again");
	}

	private static int voltagePoints(ResultsView view) {
		var s = view.chart(ResultsView.VOLTAGE).getSeriesSet().getSeries();
		return s.length == 0 ? 0 : s[0].getXSeries().length;
	}

	@Test
	void thePreferencePageWritesTheInstanceScope() throws Exception {
		var shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(shell, CellWrightPreferencePage.ID, null, null);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			assertInstanceOf(CellWrightPreferencePage.class, dialog.getSelectedPage(), "Window > Preferences > CellWright");
			CellWrightPreferencePage cw = (CellWrightPreferencePage) dialog.getSelectedPage();
			Button open = find(cw.getControl(), Button.class, b -> b.getText().equals(CellWrightPreferencePage.OPEN_REPORT_LABEL));
			Text points = find(cw.getControl(), Text.class, t -> true);
			assertFalse(open.getSelection(), "the default shown");
			assertEquals(String.valueOf(Decimation.BUDGET), points.getText(), "the default shown");
			open.setSelection(true);
			open.notifyListeners(SWT.Selection, null);
			points.setText("2500");
			Button ask = find(cw.getControl(), Button.class, b -> b.getText().equals("&Ask first")),
					always = find(cw.getControl(), Button.class, b -> b.getText().equals("Al&ways"));
			assertTrue(ask.getSelection() && !always.getSelection(), "Ask first, the default shown");
			ask.setSelection(false);
			always.setSelection(true);
			always.notifyListeners(SWT.Selection, null);
			flush();
			dialog.getShell().setSize(820, 520);
			Screenshots.ofShell(dialog.getShell(), "ide-preferences.png");
			assertTrue(cw.performOk());
		} finally {
			dialog.close();
		}
		assertTrue(CellWrightPreferences.instance().getBoolean(CellWrightPreferences.OPEN_REPORT_AFTER_RUN, false), "written to the instance scope");
		assertEquals(2500, CellWrightPreferences.instance().getInt(CellWrightPreferences.POINTS_PER_SERIES, 0));
		assertTrue(CellWrightPreferences.openReportAfterRun());
		assertEquals(2500, CellWrightPreferences.pointsPerSeries());
		assertEquals(CellWrightPreferences.SAVE_ALWAYS, CellWrightPreferences.instance().get(CellWrightPreferences.SAVE_BEFORE_RUN, null));
		assertTrue(CellWrightPreferences.saveBeforeRunWithoutAsking());
	}

	private static <T extends Control> T find(Control c, Class<T> type, java.util.function.Predicate<T> test) {
		if (type.isInstance(c) && test.test(type.cast(c))) return type.cast(c);
		if (c instanceof Composite k) for (Control child : k.getChildren()) {
			T t = find(child, type, test);
			if (t != null) return t;
		}
		return null;
	}
}

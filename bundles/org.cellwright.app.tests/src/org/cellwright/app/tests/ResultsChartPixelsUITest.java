package org.cellwright.app.tests;

import static org.cellwright.app.tests.IdeUITest.spin;
import static org.cellwright.app.tests.IdeUITest.waitForJobs;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cellwright.app.ExperimentJob;
import org.cellwright.app.WorkspaceSetup;
import org.cellwright.app.views.ResultsView;
import org.cellwright.run.folder.RunFolder;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Results view's charts as they are drawn on the screen, not only their series: a tab selected after the runs
 * were loaded draws its lines (the pixels of the plot area hold the series' colours). Taken from the screen of the
 * running product (GC.copyArea of the display), after the steps of the docs' screenshots: runs shown by the IDE's
 * jobs, then the runs to look at, a tab maximized and restored, the next tab selected at once and maximized. Without
 * {@code ChartTabs.plotResized} the tab selected while the workbench defers its layouts drew its axes but no line
 * (SWTChart's axes kept the plot area's length 0 of the chart never shown).
 */
class ResultsChartPixelsUITest {

	IWorkbenchPage page;
	IProject project;

	@BeforeEach
	void setUp() throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		project = WorkspaceSetup.importExamples(Path.of(System.getProperty("cellwright.examples"))).getProject();
		waitForJobs();
		page.resetPerspective();
		page.getWorkbenchWindow().getShell().setBounds(0, 0, 1400, 900);
		page.getWorkbenchWindow().getShell().forceActive();
	}

	/** The Results view restored and the perspective reset: later tests find the views where the perspective puts them. */
	@AfterEach
	void tearDown() {
		var results = page.findViewReference(ResultsView.ID);
		if (results != null) page.setPartState(results, IWorkbenchPage.STATE_RESTORED);
		page.resetPerspective();
		settle(500);
	}

	/** Runs one experiment of sung2023/experiments.cell through the IDE's job (which shows it in the Results view). */
	Path runExperiment(String name) {
		return runExperiment("experiments", name);
	}

	Path runExperiment(String file, String name) {
		IFile experiments = project.getFile("sung2023/" + file + ".cell");
		ExperimentJob job = new ExperimentJob(experiments, name);
		job.schedule();
		spin(() -> job.getResult() != null, 180_000, "the experiment " + name);
		assertTrue(job.getResult().getSeverity() <= IStatus.WARNING, job.getResult().toString());
		IdeUITest.flush();
		return RunFolder.resolve(project.getFolder("results/sung2023/" + file + ".cell/" + name).getLocation().toFile().toPath());
	}

	@Test
	void theMechanismMapOfOneRunDrawsItsLines() throws Exception {
		Path interlayer = runExperiment("InterlayerHalfCell");
		runExperiment("BareHalfCell");
		ResultsView view = (ResultsView) page.showView(ResultsView.ID);
		view.show(interlayer);
		ResultsUITest.loaded(view);
		view.selectTab(ResultsView.VOLTAGE);
		settle(800);
		view.selectTab(ResultsView.VOLTAGE_CAPACITY);
		maximizeAndRestore(view);
		view.selectTab(ResultsView.MECHANISM);
		maximize(view);
		assertEveryColourDrawn(view.chart(ResultsView.MECHANISM));
	}

	@Test
	void theLiInventoryOfTwoRunsDrawsItsLines() throws Exception {
		Path bare = runExperiment("FirstCycleBare"), interlayer = runExperiment("FirstCycleInterlayer");
		ResultsView view = (ResultsView) page.showView(ResultsView.ID);
		view.setRuns(List.of(bare, interlayer));
		ResultsUITest.loaded(view);
		view.selectTab(ResultsView.OVERPOTENTIALS);
		maximizeAndRestore(view);
		view.selectTab(ResultsView.INVENTORY);
		maximize(view);
		assertEveryColourDrawn(view.chart(ResultsView.INVENTORY));
	}

	/**
	 * The view maximized (as the docs' screenshots show a view), then restored: the workbench lays the restored parts
	 * out at the next turn of the event loop (SWT's deferred layout), so a tab selected right away gets its size
	 * while the layouts are deferred.
	 */
	void maximizeAndRestore(ResultsView view) {
		maximize(view);
		page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
	}

	void maximize(ResultsView view) {
		page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
		settle(1500);
	}

	static void settle(long ms) {
		Display d = Display.getCurrent();
		long until = System.currentTimeMillis() + ms;
		while (System.currentTimeMillis() < until) if (!d.readAndDispatch()) try { Thread.sleep(10); } catch (InterruptedException e) { return; }
	}

	/** Each distinct line colour of the chart's series is found in at least 20 pixels of its plot area on the screen. */
	static void assertEveryColourDrawn(Chart chart) {
		Map<RGB, List<String>> colours = new LinkedHashMap<>();
		for (ISeries<?> s : chart.getSeriesSet().getSeries())
			if (s instanceof ILineSeries<?> l && s.isVisible())
				colours.computeIfAbsent(l.getLineColor().getRGB(), c -> new ArrayList<>()).add(s.getId());
		assertFalse(colours.isEmpty(), "the chart has series");
		ImageData pixels = screen(chart.getPlotArea().getControl());
		List<String> missing = new ArrayList<>();
		for (var e : colours.entrySet()) {
			int n = count(pixels, e.getKey());
			if (n < 20) missing.add(e.getValue() + " " + e.getKey() + ": " + n + " pixels");
		}
		if (!missing.isEmpty()) describe(chart);
		assertTrue(missing.isEmpty(), "lines not drawn in the plot area (" + pixels.width + "x" + pixels.height + "): " + missing);
	}

	/** What SWTChart holds (sizes, axes' ranges and pixel spans, the series and the points it draws), to stderr. */
	static void describe(Chart chart) {
		System.err.println("plot area " + chart.getPlotArea().getControl().getBounds() + " chart " + chart.getBounds() + " visible " + chart.isVisible()
				+ " compress " + chart.isCompressEnabled());
		for (var a : chart.getAxisSet().getAxes())
			System.err.println(" axis " + a.getDirection() + a.getId() + " " + a.getRange() + " log " + a.isLogScaleEnabled()
					+ " px(lower) " + a.getPixelCoordinate(a.getRange().lower) + " px(upper) " + a.getPixelCoordinate(a.getRange().upper));
		for (ISeries<?> s : chart.getSeriesSet().getSeries()) {
			String compressed = "?";
			try {
				var m = org.eclipse.swtchart.internal.series.Series.class.getDeclaredMethod("getCompressor");
				m.setAccessible(true);
				Object c = m.invoke(s);
				double[] cx = (double[]) org.eclipse.swtchart.internal.compress.ICompress.class.getMethod("getCompressedXSeries").invoke(c);
				double[] cy = (double[]) org.eclipse.swtchart.internal.compress.ICompress.class.getMethod("getCompressedYSeries").invoke(c);
				compressed = cx.length + " first " + (cx.length > 0 ? cx[0] + "," + cy[0] : "");
			} catch (ReflectiveOperationException e) {
				compressed = e.toString();
			}
			double[] x = s.getXSeries(), y = s.getYSeries();
			System.err.println(" series " + s.getId() + " n " + x.length + " x " + (x.length > 0 ? x[0] + ".." + x[x.length - 1] : "") + " y0 "
					+ (y.length > 0 ? y[0] : "") + " compressed " + compressed + " visible " + s.isVisible() + " style "
					+ ((ILineSeries<?>) s).getLineStyle() + " width " + ((ILineSeries<?>) s).getLineWidth());
		}
	}

	/** The control's pixels as they are on the screen. */
	static ImageData screen(Control c) {
		Display d = c.getDisplay();
		Point at = c.toDisplay(0, 0), size = c.getSize();
		assertTrue(size.x > 50 && size.y > 50, "the plot area is shown: " + size);
		Image image = new Image(d, size.x, size.y);
		GC gc = new GC(d);
		try {
			gc.copyArea(image, at.x, at.y);
			return image.getImageData();
		} finally {
			gc.dispose();
			image.dispose();
		}
	}

	/** Pixels within a small distance of the colour (the lines are antialiased). */
	static int count(ImageData data, RGB colour) {
		int n = 0;
		for (int y = 0; y < data.height; y++)
			for (int x = 0; x < data.width; x++) {
				RGB p = data.palette.getRGB(data.getPixel(x, y));
				if (Math.abs(p.red - colour.red) + Math.abs(p.green - colour.green) + Math.abs(p.blue - colour.blue) <= 30) n++;
			}
		return n;
	}
}

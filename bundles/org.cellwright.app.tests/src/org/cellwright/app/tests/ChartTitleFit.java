package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swtchart.Chart;

/**
 * A chart's title as the views fit it (org.cellwright.app.views.ChartTitles): whole when the chart is wide enough
 * for it. The views' titles were seen shortened to "f\u2026e" across a whole Sweep view, and a Fit Report view's stayed
 * shortened after the view was maximized.
 */
final class ChartTitleFit {

	/** The setData key the views keep a chart's whole title under (ChartTitles.FULL). */
	static final String FULL = "cellwright.fullTitle";
	/** Room the views leave beside a title, pixels (ChartTitles.MARGIN). */
	static final int MARGIN = 12;

	private ChartTitleFit() {}

	/** Whether the chart is wide enough for its whole title (measured with the title's font). */
	static boolean fits(Chart c) {
		String full = (String) c.getData(FULL);
		GC gc = new GC(c);
		try {
			gc.setFont(c.getTitle().getFont());
			return gc.textExtent(full).x <= c.getClientArea().width - 2 * MARGIN;
		} finally {
			gc.dispose();
		}
	}

	/** The chart shows its whole title where it fits (the event loop run first, as the views refit after layout). */
	static void assertWholeWhereItFits(Chart c, String when) {
		IdeUITest.flush();
		String full = (String) c.getData(FULL);
		if (fits(c)) assertEquals(full, c.getTitle().getText(), when + ": the chart is " + c.getClientArea().width + " px wide");
	}

	/** The chart is wide enough for its whole title, and shows it (fails when the chart is too narrow to tell). */
	static void assertWhole(Chart c, String when) {
		IdeUITest.flush();
		String full = (String) c.getData(FULL);
		assertEquals(true, fits(c), when + ": the chart (" + c.getClientArea().width + " px) is wide enough for \"" + full + "\"");
		assertEquals(full, c.getTitle().getText(), when);
	}
}

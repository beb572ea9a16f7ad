package org.cellwright.app.views;

import java.util.function.ToIntFunction;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swtchart.Chart;

/**
 * A chart's title fitted to the chart's width. SWTChart draws its title on one line, centred, clipped at both ends:
 * a run's title such as "Cell voltage: PressureAndTemperature/InterlayerHalfCell-stack-pressure=65MPa-temperature=60degC"
 * read "essureAndTemperature/...-tempe" in a Results view of ordinary width, losing both what the chart shows and which
 * sweep variant it is. A title too wide is shortened in its middle (start and end kept, an ellipsis between); the whole
 * title is the chart's tool tip.
 */
final class ChartTitles {

	/** The chart's whole title (setData key). */
	static final String FULL = "cellwright.fullTitle";
	/** Room left beside the title, pixels. */
	static final int MARGIN = 12;
	static final String ELLIPSIS = "\u2026";

	private ChartTitles() {}

	/**
	 * Sets the chart's whole title and shows as much of it as fits; fitted again whenever the chart is resized (after
	 * SWTChart's layout, which has painted the chart by then: the title changed is painted again).
	 */
	static void set(Chart c, String title) {
		if (c.getData(FULL) == null) c.addListener(SWT.Resize, e -> c.getDisplay().asyncExec(() -> fit(c)));
		c.setData(FULL, title);
		fit(c);
	}

	/** Shows the whole title, or a shortened one where the chart is too narrow for it. */
	static void fit(Chart c) {
		if (c.isDisposed() || !(c.getData(FULL) instanceof String full)) return;
		int width = c.getClientArea().width - 2 * MARGIN;
		String shown = full;
		if (width > 0) {
			GC gc = new GC(c);
			try {
				gc.setFont(c.getTitle().getFont());
				shown = shortened(full, width, s -> gc.textExtent(s).x);
			} finally {
				gc.dispose();
			}
		}
		if (!shown.equals(c.getTitle().getText())) {
			c.getTitle().setText(shown);
			// SWTChart lays the chart out again but does not paint it: the Sweep view a sweep's run opens, fitted to
			// "f\u2026e" while it was 64 pixels wide, kept showing that across the whole view after its title was set whole
			c.redraw();
		}
		String tip = shown.equals(full) ? null : full;
		if (tip == null ? c.getToolTipText() != null : !tip.equals(c.getToolTipText())) c.setToolTipText(tip);
	}

	/**
	 * The title itself when it fits in the width, else its first and last characters around an ellipsis, as many as fit
	 * (the start one more than the end when odd); at least the ellipsis.
	 */
	static String shortened(String full, int width, ToIntFunction<String> measure) {
		if (measure.applyAsInt(full) <= width) return full;
		int lo = 0, hi = full.length() - 1; // kept characters: lo fits, hi+1 does not
		while (lo < hi) {
			int mid = (lo + hi + 1) / 2;
			if (measure.applyAsInt(keep(full, mid)) <= width) lo = mid;
			else hi = mid - 1;
		}
		return keep(full, lo);
	}

	private static String keep(String full, int n) {
		int head = (n + 1) / 2, tail = n / 2;
		return full.substring(0, head).stripTrailing() + ELLIPSIS + full.substring(full.length() - tail).stripLeading();
	}
}

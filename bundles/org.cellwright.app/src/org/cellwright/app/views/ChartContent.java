package org.cellwright.app.views;

import org.cellwright.report.Decimation;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.graphics.RGB;
import org.eclipse.swtchart.LineStyle;

/**
 * What one chart shows, prepared off the UI thread: a title (null keeps the chart's own) and its line series with
 * their full data and the data to draw (decimated when long). Holds no SWT resources, only numbers, RGB values and
 * styles, so the UI thread only hands the arrays to SWTChart.
 */
public final class ChartContent {

	/** One line series: full data (for export and read-out of values) and the points drawn. */
	public static final class Series {
		public final String id;
		public final double[] x, y;
		public final RGB colour;
		public final LineStyle style;
		public final int yAxis;
		int lineWidth = 2;
		/** null: symbols on short series only. */
		Boolean symbols;
		String description;
		boolean inLegend = true;
		double[] shownX, shownY;

		Series(String id, double[] x, double[] y, RGB colour, LineStyle style, int yAxis) {
			this.id = id;
			this.x = x;
			this.y = y;
			this.colour = colour;
			this.style = style;
			this.yAxis = yAxis;
			this.shownX = x;
			this.shownY = y;
		}

		Series width(int w) {
			lineWidth = w;
			return this;
		}

		Series symbols(boolean on) {
			symbols = on;
			return this;
		}

		Series noSymbols() {
			symbols = false;
			return this;
		}

		Series legend(String description, boolean visible) {
			this.description = description;
			this.inLegend = visible;
			return this;
		}

		/** Reduces the points drawn to the budget (min/max per bucket); the full data stays. */
		void decimate(int budget) {
			double[][] r = Decimation.reduce(x, y, budget);
			shownX = r[0];
			shownY = r[1];
		}

		/** True if fewer points are drawn than the data has. */
		public boolean decimated() {
			return shownX.length < x.length;
		}

		public double[] shownX() {
			return shownX;
		}

		public double[] shownY() {
			return shownY;
		}
	}

	String title;
	/** The secondary y axis's title where it depends on the runs (null: as created). */
	String secondAxisTitle;
	final List<Series> series = new ArrayList<>();
	boolean logLog;
	/** A logarithmic y axis only (e.g. a fit's cost). */
	boolean logY;

	ChartContent(String title) {
		this.title = title;
	}

	/** Adds a line series (line width 2, symbols when it has at most 25 points). */
	Series line(String id, double[] x, double[] y, RGB colour, LineStyle style, int yAxis) {
		Series s = new Series(id, x, y, colour, style, yAxis);
		series.add(s);
		return s;
	}

	public List<Series> series() {
		return series;
	}

	public String title() {
		return title;
	}

	/** Reduces every long series to the budget. */
	ChartContent decimate(int budget) {
		for (Series s : series) s.decimate(budget);
		return this;
	}
}

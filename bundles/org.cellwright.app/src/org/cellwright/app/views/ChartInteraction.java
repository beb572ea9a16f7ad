package org.cellwright.app.views;

import org.cellwright.app.preferences.CellWrightPreferences;
import org.cellwright.report.Decimation;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ICustomPaintListener;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.Range;

/**
 * Mouse handling for an SWTChart plot: the wheel zooms around the pointer, a left-button drag zooms into the box
 * drawn, a right- or middle-button drag (or Shift + left drag) pans, a double click resets; moving the pointer reports
 * the coordinates and the nearest data point of a series in a read-out line. Export to PNG and CSV.
 */
public final class ChartInteraction {

	private final Chart chart;
	private final Consumer<String> readout;
	private Point dragStart, dragNow;
	private boolean panning;

	private ChartInteraction(Chart chart, Consumer<String> readout) {
		this.chart = chart;
		this.readout = readout;
	}

	/** Adds zoom, pan, reset and cursor read-out to the chart. */
	public static void install(Chart chart, Consumer<String> readout) {
		new ChartInteraction(chart, readout).attach();
	}

	private void attach() {
		Control plot = chart.getPlotArea().getControl();
		plot.addListener(SWT.MouseVerticalWheel, e -> {
			zoomAt(e.x, e.y, e.count > 0 ? 0.8 : 1.25);
			e.doit = false;
		});
		plot.addListener(SWT.MouseDown, e -> {
			if (e.count > 1) return;
			dragStart = new Point(e.x, e.y);
			dragNow = dragStart;
			panning = e.button == 2 || e.button == 3 || (e.button == 1 && (e.stateMask & SWT.SHIFT) != 0);
		});
		plot.addListener(SWT.MouseMove, e -> {
			if (dragStart != null) {
				if (panning) {
					pan(dragNow.x - e.x, dragNow.y - e.y);
					dragNow = new Point(e.x, e.y);
				} else {
					dragNow = new Point(e.x, e.y);
					plot.redraw();
				}
			}
			readout.accept(describe(e.x, e.y));
		});
		plot.addListener(SWT.MouseUp, e -> {
			if (dragStart == null) return;
			if (!panning && Math.abs(e.x - dragStart.x) > 4 && Math.abs(e.y - dragStart.y) > 4)
				zoomBox(dragStart.x, dragStart.y, e.x, e.y);
			dragStart = null;
			dragNow = null;
			plot.redraw();
		});
		plot.addListener(SWT.MouseDoubleClick, e -> reset(chart));
		plot.addListener(SWT.MouseExit, e -> readout.accept(""));
		chart.getPlotArea().addCustomPaintListener(new ICustomPaintListener() {
			@Override
			public void paintControl(org.eclipse.swt.events.PaintEvent e) {
				if (dragStart == null || dragNow == null || panning) return;
				e.gc.setForeground(e.display.getSystemColor(SWT.COLOR_DARK_GRAY));
				e.gc.setLineStyle(SWT.LINE_DASH);
				e.gc.drawRectangle(Math.min(dragStart.x, dragNow.x), Math.min(dragStart.y, dragNow.y),
						Math.abs(dragNow.x - dragStart.x), Math.abs(dragNow.y - dragStart.y));
			}

			@Override
			public boolean drawBehindSeries() {
				return false;
			}
		});
	}

	/** Key of a chart's data holding a Runnable that adjusts the ranges after they were fitted to the data. */
	public static final String FIT = "org.cellwright.app.fit";

	/**
	 * Key of a chart's data holding a {@code Map<String, double[][]>}: the full data {x, y} of each series (by id) that
	 * is drawn decimated; exports write the full data.
	 */
	public static final String FULL_DATA = "org.cellwright.app.fullData";

	/** The series' full data {x, y}: the points drawn, or all of them when fewer are drawn (see {@link Decimation}). */
	public static double[][] fullData(Chart chart, ISeries<?> s) {
		if (chart.getData(FULL_DATA) instanceof java.util.Map<?, ?> m && m.get(s.getId()) instanceof double[][] xy) return xy;
		return new double[][] {s.getXSeries(), s.getYSeries()};
	}

	/**
	 * The long series' points for the x range shown (null: all of it): the series drawn decimated are reduced again
	 * from their full data ({@link #FULL_DATA}) for that range, so zooming in shows the detail.
	 */
	static void redecimate(Chart chart, Range x) {
		if (!(chart.getData(FULL_DATA) instanceof java.util.Map<?, ?> full) || full.isEmpty()) return;
		double lower = x == null ? Double.NEGATIVE_INFINITY : x.lower, upper = x == null ? Double.POSITIVE_INFINITY : x.upper;
		for (ISeries<?> s : chart.getSeriesSet().getSeries()) {
			if (!(full.get(s.getId()) instanceof double[][] xy)) continue;
			double[][] window = Decimation.window(xy[0], xy[1], lower, upper, CellWrightPreferences.pointsPerSeries());
			double[][] shown = ChartTabs.drawable(window[0], window[1]);
			s.setXSeries(shown[0]);
			s.setYSeries(shown[1]);
		}
	}

	/** Shows the x range (the y ranges as they are), the long series with the detail of that range. */
	public static void showX(Chart chart, Range x) {
		chart.getAxisSet().getXAxis(0).setRange(x);
		redecimate(chart, x);
		chart.redraw();
	}

	/** Shows all data again (then lets the chart's own fit rule adjust the ranges). */
	public static void reset(Chart chart) {
		redecimate(chart, null);
		chart.getAxisSet().adjustRange();
		if (chart.getData(FIT) instanceof Runnable fit) fit.run();
		chart.redraw();
	}

	/** Zooms every axis around the pixel by the factor (less than 1 zooms in). */
	void zoomAt(int x, int y, double factor) {
		for (IAxis a : chart.getAxisSet().getAxes()) {
			int pixel = a.getDirection() == IAxis.Direction.X ? x : y;
			scale(a, a.getDataCoordinate(pixel), factor);
		}
		redecimate(chart, chart.getAxisSet().getXAxis(0).getRange());
		chart.redraw();
	}

	private static void scale(IAxis a, double centre, double factor) {
		Range r = a.getRange();
		if (a.isLogScaleEnabled()) {
			double c = Math.log10(centre), lo = Math.log10(r.lower), hi = Math.log10(r.upper);
			a.setRange(new Range(Math.pow(10, c - (c - lo) * factor), Math.pow(10, c + (hi - c) * factor)));
		} else {
			a.setRange(new Range(centre - (centre - r.lower) * factor, centre + (r.upper - centre) * factor));
		}
	}

	/** Moves the view by a pixel distance (positive dx shows more to the right). */
	void pan(int dx, int dy) {
		for (IAxis a : chart.getAxisSet().getAxes()) {
			int d = a.getDirection() == IAxis.Direction.X ? dx : dy;
			if (d == 0) continue;
			Range r = a.getRange();
			int from = a.getPixelCoordinate(r.lower);
			double moved = a.getDataCoordinate(from + d);
			if (a.isLogScaleEnabled()) {
				double f = moved / r.lower;
				a.setRange(new Range(r.lower * f, r.upper * f));
			} else {
				double shift = moved - r.lower;
				a.setRange(new Range(r.lower + shift, r.upper + shift));
			}
		}
		redecimate(chart, chart.getAxisSet().getXAxis(0).getRange());
		chart.redraw();
	}

	/** Zooms to the box between two pixels. */
	void zoomBox(int x0, int y0, int x1, int y1) {
		for (IAxis a : chart.getAxisSet().getAxes()) {
			boolean horizontal = a.getDirection() == IAxis.Direction.X;
			double p = a.getDataCoordinate(horizontal ? x0 : y0), q = a.getDataCoordinate(horizontal ? x1 : y1);
			if (p != q) a.setRange(new Range(Math.min(p, q), Math.max(p, q)));
		}
		redecimate(chart, chart.getAxisSet().getXAxis(0).getRange());
		chart.redraw();
	}

	/** "x-title = .., y-title = .." at the pixel, and the nearest series point within 12 pixels. */
	String describe(int x, int y) {
		IAxis xa = chart.getAxisSet().getXAxis(0), ya = chart.getAxisSet().getYAxis(0);
		StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s = %s, %s = %s", xa.getTitle().getText(),
				fmt(xa.getDataCoordinate(x)), ya.getTitle().getText(), fmt(ya.getDataCoordinate(y))));
		ISeries<?> best = null;
		int bestIndex = -1;
		double bestDist = 144;
		for (ISeries<?> series : chart.getSeriesSet().getSeries()) {
			if (!series.isVisible()) continue;
			IAxis sx = chart.getAxisSet().getXAxis(series.getXAxisId()), sy = chart.getAxisSet().getYAxis(series.getYAxisId());
			double[] xs = series.getXSeries(), ys = series.getYSeries();
			for (int i = 0; i < xs.length && i < ys.length; i++) {
				if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) continue;
				double dx = sx.getPixelCoordinate(xs[i]) - x, dy = sy.getPixelCoordinate(ys[i]) - y;
				double d = dx * dx + dy * dy;
				if (d < bestDist) {
					bestDist = d;
					best = series;
					bestIndex = i;
				}
			}
		}
		if (best != null) {
			IAxis by = chart.getAxisSet().getYAxis(best.getYAxisId());
			s.append(String.format(Locale.ROOT, "   |   %s: (%s, %s %s)", best.getId(), fmt(best.getXSeries()[bestIndex]),
					fmt(best.getYSeries()[bestIndex]), by.getTitle().getText().replaceAll(".*\\((.*)\\)$", "$1")));
		}
		return s.toString();
	}

	static String fmt(double v) {
		if (v == 0 || !Double.isFinite(v)) return String.valueOf(v);
		double a = Math.abs(v);
		return a >= 1e5 || a < 1e-3 ? String.format(Locale.ROOT, "%.3e", v) : String.format(Locale.ROOT, "%.4g", v);
	}

	/** Saves the chart as it is drawn. */
	public static void exportPng(Chart chart, Path file) {
		chart.save(file.toString(), SWT.IMAGE_PNG);
	}

	/**
	 * Writes every series' data, one row per point: {@code series,<x title>,<y title>} (the y title of the series' own
	 * axis, so the units travel with the numbers). A series drawn decimated is written in full.
	 */
	public static void exportCsv(Chart chart, Path file) throws IOException {
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write("series,x,y,x_quantity,y_quantity\n");
			for (ISeries<?> s : chart.getSeriesSet().getSeries()) {
				String xt = chart.getAxisSet().getXAxis(s.getXAxisId()).getTitle().getText();
				String yt = chart.getAxisSet().getYAxis(s.getYAxisId()).getTitle().getText();
				double[][] xy = fullData(chart, s);
				double[] xs = xy[0], ys = xy[1];
				for (int i = 0; i < xs.length && i < ys.length; i++)
					w.write(quote(s.getId()) + "," + xs[i] + "," + ys[i] + "," + quote(xt) + "," + quote(yt) + "\n");
			}
		}
	}

	private static String quote(String s) {
		return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
	}
}

package org.cellwright.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * One x-y line plot, drawn by JFreeChart into an SVG element (JFreeSVG): series are decimated to at most
 * 2 {@value #BUCKETS} + 2 points ({@link Decimation}: buckets in x, each keeping its first, last, lowest and highest
 * point), numbers in the SVG rounded to 0.1 px, ids made unique per plot so several plots
 * can live in one HTML page. The returned figure carries {@code data-series} (how many series are drawn).
 */
final class Plot {
	static final int BUCKETS = 400;
	private static final AtomicInteger IDS = new AtomicInteger();
	static final Color[] PALETTE = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
			new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22),
			new Color(0x17becf) };

	static {
		if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
	}

	private record Line(String name, double[] x, double[] y, Color color, boolean dashed, boolean secondary, boolean inLegend) {}

	private final String title, xLabel, yLabel;
	private String y2Label;
	private boolean logX, logY, legend = true, points, integerX;
	private double rangeMinimum = 1e-6;
	private final List<Line> lines = new ArrayList<>();
	private final List<double[]> markers = new ArrayList<>();
	private final List<String> markerLabels = new ArrayList<>();

	Plot(String title, String xLabel, String yLabel) {
		this.title = title;
		this.xLabel = xLabel;
		this.yLabel = yLabel;
	}

	Plot logX() { logX = true; return this; }

	Plot logY() { logY = true; return this; }

	Plot noLegend() { legend = false; return this; }

	/** The least span of the y axis (a flat series gets an axis of this span around it). */
	Plot yMinimumSpan(double span) { rangeMinimum = span; return this; }

	/** Whole-number ticks on the x axis (cycle numbers). */
	Plot integerX() { integerX = true; return this; }

	/** Draw a dot at each point of series with few points (values per cycle). */
	Plot points() { points = true; return this; }

	/** A second y axis on the right for the lines added with {@link #line2}. */
	Plot secondAxis(String label) { y2Label = label; return this; }

	Plot line(String name, double[] x, double[] y, Color c) { return add(name, x, y, c, false, false, true); }

	Plot dashed(String name, double[] x, double[] y, Color c) { return add(name, x, y, c, true, false, true); }

	Plot line2(String name, double[] x, double[] y, Color c, boolean dashed) { return add(name, x, y, c, dashed, true, true); }

	/** A dashed line that shares its legend entry with an earlier dashed one of the same colour. */
	Plot dashedUnlabelled(String name, double[] x, double[] y, Color c) { return add(name, x, y, c, true, false, false); }

	/** A line that shares its legend entry with an earlier one of the same colour (e.g. the second half of a cycle). */
	Plot unlabelled(String name, double[] x, double[] y, Color c) { return add(name, x, y, c, false, false, false); }

	private Plot add(String name, double[] x, double[] y, Color c, boolean dashed, boolean secondary, boolean inLegend) {
		// finite points; on a log axis positive ones only
		double[][] drawable = Decimation.only(x, y, v -> Double.isFinite(v) && (!logX || v > 0), v -> Double.isFinite(v) && (!logY || v > 0));
		double[][] s = Decimation.reduce(drawable[0], drawable[1], 2 * BUCKETS + 2);
		if (s[0].length > 0) lines.add(new Line(name, s[0], s[1], c, dashed, secondary, inLegend));
		return this;
	}

	/** A vertical marker line at x with a label. */
	Plot markerX(double x, String label) {
		markers.add(new double[] { x });
		markerLabels.add(label);
		return this;
	}

	boolean isEmpty() { return lines.isEmpty(); }

	/** Number of series drawn (lines sharing a legend entry count once each). */
	int series() { return lines.size(); }

	/** The plot as an HTML figure holding one inline SVG element. */
	String figure(int width, int height) {
		return "<figure class=\"plot\" data-series=\"" + lines.size() + "\">" + svg(width, height) + "</figure>\n";
	}

	String svg(int width, int height) {
		XYSeriesCollection primary = new XYSeriesCollection(), second = new XYSeriesCollection();
		List<Line> pl = new ArrayList<>(), sl = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Line l = lines.get(i);
			XYSeries s = new XYSeries(l.name() + (l.inLegend() ? "" : "\u200b" + i), false, true);
			for (int k = 0; k < l.x().length; k++) s.add(l.x()[k], l.y()[k], false);
			if (l.secondary()) { second.addSeries(s); sl.add(l); } else { primary.addSeries(s); pl.add(l); }
		}
		JFreeChart chart = ChartFactory.createXYLineChart(null, xLabel, yLabel, primary, PlotOrientation.VERTICAL, false, false, false);
		theme().apply(chart);
		XYPlot plot = chart.getXYPlot();
		plot.setBackgroundPaint(Color.WHITE);
		plot.setDomainGridlinePaint(new Color(0xdddddd));
		plot.setRangeGridlinePaint(new Color(0xdddddd));
		plot.setOutlinePaint(new Color(0x888888));
		plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
		if (logX) plot.setDomainAxis(logAxis(xLabel));
		if (logY) plot.setRangeAxis(logAxis(yLabel));
		if (plot.getRangeAxis() instanceof NumberAxis n) {
			n.setAutoRangeIncludesZero(false);
			n.setAutoRangeMinimumSize(rangeMinimum);
		}
		if (plot.getDomainAxis() instanceof NumberAxis n) {
			n.setAutoRangeIncludesZero(false);
			if (integerX) n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		}
		plot.setRenderer(0, renderer(pl, points));
		if (!sl.isEmpty()) {
			NumberAxis a2 = new NumberAxis(y2Label);
			a2.setAutoRangeIncludesZero(false);
			a2.setAutoRangeMinimumSize(1.0); // one cycle, or a flat 99.9 %: an axis of a few units, not of 1e-12
			a2.setLabelFont(plot.getRangeAxis().getLabelFont());
			a2.setTickLabelFont(plot.getRangeAxis().getTickLabelFont());
			plot.setRangeAxis(1, a2);
			plot.setDataset(1, second);
			plot.mapDatasetToRangeAxis(1, 1);
			plot.setRenderer(1, renderer(sl, points));
		}
		for (int i = 0; i < markers.size(); i++) {
			ValueMarker m = new ValueMarker(markers.get(i)[0], new Color(0x444444),
					new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] { 5f, 4f }, 0f));
			m.setLabel(markerLabels.get(i));
			m.setLabelFont(new Font("SansSerif", Font.PLAIN, 11));
			m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
			m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
			plot.addDomainMarker(m);
		}
		if (legend && lines.stream().filter(Line::inLegend).count() > 1 || legend && !sl.isEmpty()) {
			LegendTitle lt = new LegendTitle(() -> legendItems(plot));
			lt.setItemFont(new Font("SansSerif", Font.PLAIN, 11));
			lt.setPosition(RectangleEdge.BOTTOM);
			chart.addLegend(lt);
		}
		if (title != null) chart.setTitle(new org.jfree.chart.title.TextTitle(title, new Font("SansSerif", Font.BOLD, 13)));
		chart.setBackgroundPaint(Color.WHITE);
		chart.setAntiAlias(true);
		SVGGraphics2D g = new SVGGraphics2D(width, height);
		g.setDefsKeyPrefix("p" + IDS.incrementAndGet() + "_");
		g.setGeomDoubleConverter(d -> String.format(Locale.ROOT, "%.1f", d));
		g.setTransformDoubleConverter(d -> String.format(Locale.ROOT, "%.3f", d));
		chart.draw(g, new Rectangle(0, 0, width, height));
		return g.getSVGElement();
	}

	private static org.jfree.chart.LegendItemCollection legendItems(XYPlot plot) {
		org.jfree.chart.LegendItemCollection all = plot.getLegendItems(), out = new org.jfree.chart.LegendItemCollection();
		for (int i = 0; i < all.getItemCount(); i++)
			if (!all.get(i).getLabel().contains("\u200b")) out.add(all.get(i));
		return out;
	}

	private static LogAxis logAxis(String label) {
		LogAxis a = new LogAxis(label);
		a.setBase(10);
		a.setSmallestValue(1e-12);
		a.setLabelFont(new Font("SansSerif", Font.PLAIN, 12));
		a.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 11));
		a.setNumberFormatOverride(new java.text.DecimalFormat("0.###E0", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)) {
			private static final long serialVersionUID = 1L;

			@Override
			public StringBuffer format(double number, StringBuffer to, java.text.FieldPosition pos) {
				// 1, 10, 100, 0.1 ... read better than 1E1
				String label = AxisLabels.logTick(number, a.getTickUnit() == null ? 1 : a.getTickUnit().getSize());
				if (label != null) return to.append(label);
				return super.format(number, to, pos);
			}
		});
		return a;
	}

	private static XYLineAndShapeRenderer renderer(List<Line> ls, boolean points) {
		XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
		r.setDrawSeriesLineAsPath(true);
		for (int i = 0; i < ls.size(); i++) {
			Line l = ls.get(i);
			r.setSeriesPaint(i, l.color());
			if (points && l.x().length <= 60) {
				r.setSeriesShapesVisible(i, true);
				r.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
			}
			r.setSeriesStroke(i, l.dashed()
					? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] { 6f, 4f }, 0f)
					: new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		}
		return r;
	}

	private static StandardChartTheme theme() {
		StandardChartTheme t = new StandardChartTheme("CellWright");
		t.setExtraLargeFont(new Font("SansSerif", Font.BOLD, 14));
		t.setLargeFont(new Font("SansSerif", Font.PLAIN, 12));
		t.setRegularFont(new Font("SansSerif", Font.PLAIN, 11));
		t.setSmallFont(new Font("SansSerif", Font.PLAIN, 10));
		t.setChartBackgroundPaint(Color.WHITE);
		t.setPlotBackgroundPaint(Color.WHITE);
		t.setAxisLabelPaint(new Color(0x222222));
		t.setTickLabelPaint(new Color(0x333333));
		return t;
	}

	/** Colour i of n along a blue-to-red ramp (cycles). */
	static Color ramp(int i, int n) {
		float t = n <= 1 ? 0f : (float) i / (n - 1);
		// viridis-like: dark blue -> teal -> yellow-green, readable on white
		float[][] stops = { { 0.27f, 0.00f, 0.33f }, { 0.23f, 0.32f, 0.55f }, { 0.13f, 0.57f, 0.55f }, { 0.37f, 0.79f, 0.38f }, { 0.85f, 0.73f, 0.12f } };
		float p = t * (stops.length - 1);
		int k = Math.min(stops.length - 2, (int) p);
		float f = p - k;
		return new Color(stops[k][0] + f * (stops[k + 1][0] - stops[k][0]), stops[k][1] + f * (stops[k + 1][1] - stops[k][1]),
				stops[k][2] + f * (stops[k + 1][2] - stops[k][2]));
	}
}

package org.cellwright.app.views;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.cellwright.run.folder.HalfCycles;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.Range;

/**
 * The chart tabs of the Results view: creates the charts with their axes, hands prepared {@link ChartContent} to them
 * (the series' decimated points; the full data kept for export under {@link ChartInteraction#FULL_DATA}) and fits the
 * ranges when a chart filled while hidden is first shown.
 */
final class ChartTabs {

	private final CTabFolder tabs;
	private final Map<String, Chart> charts = new LinkedHashMap<>();
	/** Charts filled while hidden: SWTChart fits their ranges only when they have a size, so on first showing. */
	private final Set<Chart> stale = new HashSet<>();

	ChartTabs(Composite parent, Consumer<String> readout) {
		tabs = new CTabFolder(parent, SWT.BOTTOM | SWT.FLAT);
		// where the view is too narrow for every title, the titles are shortened ("Overpo...", the whole title its tool
		// tip) before a tab goes behind the chevron (SWT's default keeps 20 characters, longer than any title here)
		tabs.setMinimumCharacters(4);
		chartTab(ResultsView.VOLTAGE, "Cell voltage", "Time (h)", "Voltage (V)", readout);
		chartTab(ResultsView.VOLTAGE_CAPACITY, "Voltage vs capacity, per cycle", Character.toUpperCase(HalfCycles.AXIS.charAt(0)) + HalfCycles.AXIS.substring(1) + " (mAh/cm2)", "Voltage (V)", readout);
		Chart cycles = chartTab(ResultsView.CYCLES, "Capacity retention and Coulombic efficiency", "Cycle", "Capacity (mAh/cm2)", readout);
		secondAxis(cycles, CyclePlots.CE_AND_RETENTION);
		chartTab(ResultsView.OVERPOTENTIALS, "Overpotential breakdown (magnitudes)", "Time (h)", "Overpotential (mV)", readout);
		Chart inv = chartTab(ResultsView.INVENTORY, "Lithium inventory by location", "Time (h)", "Li (mAh/cm2)", readout);
		secondAxis(inv, "Li in foil and cathode (mAh/cm2)");
		chartTab(ResultsView.MECHANISM, MechanismMapPlots.TITLE, "Characteristic size (nm)", "Flow stress (MPa)", readout);
		tabs.setSelection(0);
		tabs.addListener(SWT.Selection, e -> fitIfStale());
		tabs.addListener(SWT.Resize, e -> tabs.getDisplay().asyncExec(this::fitIfStale));
	}

	CTabFolder folder() {
		return tabs;
	}

	private static void secondAxis(Chart c, String title) {
		IAxis a = c.getAxisSet().getYAxis(c.getAxisSet().createYAxis());
		a.getTitle().setText(title);
		a.setPosition(IAxis.Position.Secondary);
	}

	private Chart chartTab(String name, String title, String xTitle, String yTitle, Consumer<String> readout) {
		Chart c = new Chart(tabs, SWT.NONE);
		c.setData(ChartInteraction.FIT, (Runnable) () -> fit(name, c));
		ChartTitles.set(c, title);
		c.getAxisSet().getXAxis(0).getTitle().setText(xTitle);
		c.getAxisSet().getYAxis(0).getTitle().setText(yTitle);
		c.getLegend().setPosition(SWT.BOTTOM);
		ChartInteraction.install(c, readout);
		// after the chart's own layout pass, not inside it (the plot area is resized from within SWTChart's layout)
		Control plot = c.getPlotArea().getControl();
		plot.addListener(SWT.Resize, e -> plot.getDisplay().asyncExec(() -> plotResized(c)));
		CTabItem item = new CTabItem(tabs, SWT.NONE);
		item.setText(name);
		item.setToolTipText(title);
		item.setControl(c);
		charts.put(name, c);
		return c;
	}

	/**
	 * SWTChart caches the axes' lengths in pixels when {@link Chart#updateLayout()} runs (it lays the chart out, then
	 * reads the plot area's size). When SWT defers layouts (the workbench maximizing or restoring a part, {@code
	 * requestLayout}), the chart's layout runs later and gives the plot area its size without the axes learning it:
	 * a chart first shown that way maps every point to pixel 0, so its axes are drawn and its lines are not. Hence the
	 * axes are brought up to the plot area's size whenever it changes, and a chart filled while it had no plot area is
	 * fitted then.
	 */
	private void plotResized(Chart c) {
		if (c.isDisposed()) return;
		c.updateLayout();
		fitIfStale();
		c.redraw();
	}

	Chart chart(String name) {
		return charts.get(name);
	}

	/** The chart of the tab shown, or null (the Checks tab). */
	Chart current() {
		return tabs.getSelection() != null && tabs.getSelection().getControl() instanceof Chart c ? c : null;
	}

	/** Removes every series. */
	void clear() {
		for (Chart c : charts.values()) {
			c.suspendUpdate(true); // SWTChart lays the chart out again after every series added or deleted otherwise
			for (ISeries<?> s : c.getSeriesSet().getSeries()) c.getSeriesSet().deleteSeries(s.getId());
			c.setData(ChartInteraction.FULL_DATA, null);
			c.getLegend().setVisible(false);
			c.suspendUpdate(false);
			c.redraw();
		}
	}

	/** Shows the prepared contents (by tab name) in place of what the charts showed. */
	void show(Map<String, ChartContent> contents) {
		for (var e : charts.entrySet()) {
			Chart c = e.getValue();
			fill(c, contents.get(e.getKey()));
			stale.add(c);
		}
		fitIfStale();
	}

	/** Shows the prepared content (null: nothing) in place of what the chart showed, ranges fitted to the data. */
	static void fill(Chart c, ChartContent content) {
		c.suspendUpdate(true); // one layout for all the series, not one per series added
		for (ISeries<?> s : c.getSeriesSet().getSeries()) c.getSeriesSet().deleteSeries(s.getId());
		Map<String, double[][]> full = new HashMap<>();
		if (content != null) {
			for (ChartContent.Series s : content.series()) {
				// the full data of a series drawn decimated or without its missing values, for exports and zooming
				if (line(c, s) || s.decimated()) full.put(s.id, new double[][] {s.x, s.y});
			}
			if (content.title() != null) ChartTitles.set(c, content.title());
			if (content.secondAxisTitle != null && c.getAxisSet().getYAxes().length > 1)
				c.getAxisSet().getYAxis(1).getTitle().setText(content.secondAxisTitle);
			if (content.logLog) {
				c.getAxisSet().getXAxis(0).enableLogScale(true);
				c.getAxisSet().getYAxis(0).enableLogScale(true);
			}
			if (content.logY) c.getAxisSet().getYAxis(0).enableLogScale(true);
		}
		c.setData(ChartInteraction.FULL_DATA, full.isEmpty() ? null : full);
		c.getLegend().setVisible(c.getSeriesSet().getSeries().length > 0);
		c.suspendUpdate(false);
		ChartInteraction.reset(c);
	}

	/** Adds the series; true if some of its points were left out as missing values ({@link #drawable}). */
	private static boolean line(Chart chart, ChartContent.Series p) {
		ILineSeries<?> s = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, p.id);
		double[][] drawn = drawable(p.shownX(), p.shownY());
		s.setXSeries(drawn[0]);
		s.setYSeries(drawn[1]);
		Color colour = new Color(p.colour.red, p.colour.green, p.colour.blue);
		s.setLineColor(colour);
		s.setSymbolColor(colour);
		s.setLineStyle(p.style);
		boolean symbols = p.symbols != null ? p.symbols : p.x.length <= 25;
		s.setSymbolType(symbols ? ILineSeries.PlotSymbolType.CIRCLE : ILineSeries.PlotSymbolType.NONE);
		s.setSymbolSize(3);
		s.setLineWidth(p.lineWidth);
		s.setYAxisId(p.yAxis);
		s.setAntialias(SWT.ON);
		if (p.description != null) s.setDescription(p.description);
		s.setVisibleInLegend(p.inLegend);
		return drawn[0].length < p.shownX().length;
	}

	/**
	 * The points SWTChart can draw: those whose x and y are numbers. A missing value (NaN: a cycle without a Coulombic
	 * efficiency, a retention before its reference cycle) was drawn at the plot's top edge, read as a value (a soft-shorted
	 * run's efficiency "rose" above 100 % in the cycles that stored nothing, session 31 walk); the line now joins the
	 * points on either side of it (the symbols of short series mark the cycles that have one; the data keeps every row).
	 */
	static double[][] drawable(double[] x, double[] y) {
		int n = 0;
		for (int i = 0; i < x.length; i++) if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) n++;
		if (n == x.length) return new double[][] { x, y };
		double[] dx = new double[n], dy = new double[n];
		for (int i = 0, k = 0; i < x.length; i++) {
			if (Double.isNaN(x[i]) || Double.isNaN(y[i])) continue;
			dx[k] = x[i];
			dy[k++] = y[i];
		}
		return new double[][] { dx, dy };
	}

	/**
	 * Fits the ranges of the chart shown if it was filled while hidden, once its plot area has a size (SWTChart's fit
	 * leaves room for the symbols in pixels).
	 */
	void fitIfStale() {
		Chart c = current();
		if (c == null || c.isDisposed() || !stale.contains(c)) return;
		c.updateLayout();
		Point plot = c.getPlotArea().getControl().getSize();
		if (plot.x <= 0 || plot.y <= 0) return; // laid out later (deferred): fitted when the plot area is resized
		stale.remove(c);
		ChartInteraction.reset(c);
	}

	/** Selects a tab by its title. */
	void select(String name) {
		for (CTabItem i : tabs.getItems()) if (i.getText().equals(name)) tabs.setSelection(i);
		tabs.layout(true, true);
		fitIfStale();
	}

	/** The title of the tab shown, for file names. */
	String selectedTitle() {
		return tabs.getSelection() == null ? "" : tabs.getSelection().getText();
	}

	/**
	 * After SWTChart fitted the ranges to the data: capacities from 0 (a per-cycle curve starts at 0), percentages at
	 * least from 90 to 100.5 % so that a 0.1 % change in CE does not fill the chart, and over every finite value of the
	 * percentages' series.
	 */
	private static void fit(String tab, Chart c) {
		if (c.getSeriesSet().getSeries().length == 0) return;
		if (tab.equals(ResultsView.VOLTAGE_CAPACITY)) {
			Range r = c.getAxisSet().getXAxis(0).getRange();
			c.getAxisSet().getXAxis(0).setRange(new Range(0, r.upper));
		} else if (tab.equals(ResultsView.CYCLES)) {
			Range r = c.getAxisSet().getYAxis(0).getRange();
			c.getAxisSet().getYAxis(0).setRange(new Range(0, r.upper * 1.05));
			// over the finite values: a retention is NaN before the cycle it is taken against, and SWTChart's range of
			// a series whose first value is NaN is NaN, so that series was left out (two long cyclings compared: their
			// retention, below 90 %, ran out of a 90-100.5 % axis; session 22)
			double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
			for (ISeries<?> s : c.getSeriesSet().getSeries())
				if (s.getYAxisId() == 1 && s.isVisible()) for (double v : s.getYSeries()) if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
			double span = hi > lo ? 0.05 * (hi - lo) : 0;
			c.getAxisSet().getYAxis(1).setRange(new Range(Math.min(90, lo - span), Math.max(100.5, hi + span)));
		}
	}
}

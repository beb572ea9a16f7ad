package org.cellwright.app.views;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.ui.part.ViewPart;

/** Plots the voltage of a run against time from its timeseries.csv. */
public class ResultsView extends ViewPart {
	public static final String ID = "org.cellwright.app.views.results";

	private Chart chart;
	private Chart cycles;
	private Label status;
	private Path shown;

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		status = new Label(parent, SWT.WRAP);
		status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		status.setText("Run an experiment (Run > Run Experiments, Ctrl+R) to see its results here.");
		CTabFolder tabs = new CTabFolder(parent, SWT.BOTTOM | SWT.FLAT);
		tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		chart = new Chart(tabs, SWT.NONE);
		CTabItem voltageTab = new CTabItem(tabs, SWT.NONE);
		voltageTab.setText("Voltage vs time");
		voltageTab.setControl(chart);
		cycles = new Chart(tabs, SWT.NONE);
		CTabItem cyclesTab = new CTabItem(tabs, SWT.NONE);
		cyclesTab.setText("Capacity and CE vs cycle");
		cyclesTab.setControl(cycles);
		tabs.setSelection(voltageTab);
		cycles.getTitle().setText("Capacity and Coulombic efficiency");
		cycles.getAxisSet().getXAxis(0).getTitle().setText("Cycle");
		cycles.getAxisSet().getYAxis(0).getTitle().setText("Capacity (mAh/cm2)");
		int ceAxis = cycles.getAxisSet().createYAxis();
		cycles.getAxisSet().getYAxis(ceAxis).getTitle().setText("Coulombic efficiency (%)");
		cycles.getAxisSet().getYAxis(ceAxis).setPosition(org.eclipse.swtchart.IAxis.Position.Secondary);
		chart.getTitle().setText("Cell voltage");
		chart.getAxisSet().getXAxis(0).getTitle().setText("Time (h)");
		chart.getAxisSet().getYAxis(0).getTitle().setText("Voltage (V)");
		chart.getLegend().setVisible(false);
	}

	/** Shows the run in a results folder (with timeseries.csv). */
	public void show(Path runFolder) {
		Path csv = runFolder.resolve("timeseries.csv");
		double[][] cols;
		try {
			cols = readColumns(csv, List.of("time_h", "voltage_V"));
		} catch (IOException | IllegalArgumentException e) {
			status.setText("Cannot read " + csv + ": " + e.getMessage());
			return;
		}
		shown = runFolder;
		for (var s : chart.getSeriesSet().getSeries()) chart.getSeriesSet().deleteSeries(s.getId());
		String name = runFolder.getFileName().toString();
		ILineSeries<?> series = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, name);
		series.setXSeries(cols[0]);
		series.setYSeries(cols[1]);
		series.setSymbolType(ILineSeries.PlotSymbolType.NONE);
		series.setLineWidth(2);
		series.setLineColor(new Color(Display.getCurrent(), 31, 119, 180));
		chart.getTitle().setText("Cell voltage: " + name);
		chart.getAxisSet().adjustRange();
		chart.redraw();
		showCycles(runFolder.resolve("cycles.csv"), name);
		status.setText(name + ": " + cols[0].length + " points from " + csv);
		status.getParent().layout();
	}

	/** Charge and discharge capacity (left axis) and Coulombic efficiency (right axis) per cycle. */
	private void showCycles(Path csv, String name) {
		for (var s : cycles.getSeriesSet().getSeries()) cycles.getSeriesSet().deleteSeries(s.getId());
		double[][] c;
		try {
			c = readColumns(csv, List.of("cycle", "charge_mAh_cm2", "discharge_mAh_cm2", "coulombic_efficiency"));
		} catch (IOException | IllegalArgumentException e) {
			return;
		}
		Display d = Display.getCurrent();
		line(cycles, "charge (mAh/cm2)", c[0], c[1], new Color(d, 214, 39, 40), 0);
		line(cycles, "discharge (mAh/cm2)", c[0], c[2], new Color(d, 31, 119, 180), 0);
		double[] ce = java.util.Arrays.stream(c[3]).map(v -> 100 * v).toArray();
		line(cycles, "CE (%)", c[0], ce, new Color(d, 44, 160, 44), 1);
		cycles.getTitle().setText("Capacity and Coulombic efficiency: " + name);
		cycles.getLegend().setPosition(SWT.BOTTOM);
		cycles.getAxisSet().adjustRange();
		cycles.redraw();
	}

	private static void line(Chart chart, String id, double[] x, double[] y, Color colour, int yAxis) {
		ILineSeries<?> s = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, id);
		s.setXSeries(x);
		s.setYSeries(y);
		s.setLineColor(colour);
		s.setSymbolColor(colour);
		s.setSymbolType(x.length > 60 ? ILineSeries.PlotSymbolType.NONE : ILineSeries.PlotSymbolType.CIRCLE);
		s.setLineWidth(2);
		s.setYAxisId(yAxis);
	}

	public Chart cyclesChart() {
		return cycles;
	}

	/** The folder shown, or null. */
	public Path shown() {
		return shown;
	}

	public Chart chart() {
		return chart;
	}

	/** Reads the named numeric columns of a CSV file with a header line. */
	public static double[][] readColumns(Path csv, List<String> names) throws IOException {
		try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			String header = r.readLine();
			if (header == null) throw new IllegalArgumentException("empty file");
			List<String> cols = Arrays.asList(header.split(","));
			int[] idx = new int[names.size()];
			for (int i = 0; i < idx.length; i++) {
				idx[i] = cols.indexOf(names.get(i));
				if (idx[i] < 0) throw new IllegalArgumentException("no column " + names.get(i));
			}
			double[][] out = new double[names.size()][1024];
			int n = 0;
			for (String line; (line = r.readLine()) != null;) {
				if (line.isBlank()) continue;
				String[] f = line.split(",");
				if (n == out[0].length) for (int i = 0; i < out.length; i++) out[i] = Arrays.copyOf(out[i], n * 2);
				for (int i = 0; i < idx.length; i++)
					out[i][n] = idx[i] < f.length && !f[idx[i]].isBlank() ? Double.parseDouble(f[idx[i]]) : Double.NaN;
				n++;
			}
			for (int i = 0; i < out.length; i++) out[i] = Arrays.copyOf(out[i], n);
			return out;
		}
	}

	@Override
	public void setFocus() {
		chart.setFocus();
	}
}

package org.cellwright.app.views;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cellwright.app.runs.MechanismMaps;
import org.cellwright.app.runs.RunFolder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.LineStyle;
import org.eclipse.swtchart.Range;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

/**
 * The results of one or more runs (run folders written by a run): a status banner per run, then one tab per view —
 * voltage vs time, voltage vs capacity per cycle, capacity retention and Coulombic efficiency vs cycle, overpotential
 * breakdown, lithium inventory by location, deformation-mechanism map, and the study checks when a run has them. With
 * several runs every chart overlays them, each run in its own colour (or line style), named in the legend. Zoom with
 * the wheel or a dragged box, pan with the right button or Shift-drag, reset with a double click; the line at the
 * bottom reads out the value under the pointer. The view remembers its runs across restarts.
 */
public class ResultsView extends ViewPart {
	public static final String ID = "org.cellwright.app.views.results";

	/** Tab titles, also the keys of {@link #chart(String)}. */
	public static final String VOLTAGE = "Voltage", VOLTAGE_CAPACITY = "Voltage-capacity", CYCLES = "Capacity and CE",
			OVERPOTENTIALS = "Overpotentials", INVENTORY = "Li inventory", MECHANISM = "Mechanism map", CHECKS = "Checks";

	/** Distinct run colours (the Tableau 10 palette). */
	static final RGB[] PALETTE = {new RGB(31, 119, 180), new RGB(214, 39, 40), new RGB(44, 160, 44), new RGB(255, 127, 14),
			new RGB(148, 103, 189), new RGB(140, 86, 75), new RGB(227, 119, 194), new RGB(127, 127, 127),
			new RGB(188, 189, 34), new RGB(23, 190, 207)};
	static final LineStyle[] STYLES = {LineStyle.SOLID, LineStyle.DASH, LineStyle.DOT, LineStyle.DASHDOT, LineStyle.DASHDOTDOT};

	private final List<RunFolder> runs = new ArrayList<>();
	private final Map<String, Chart> charts = new LinkedHashMap<>();
	/** Charts filled while hidden: SWTChart fits their ranges only when they have a size, so on first showing. */
	private final java.util.Set<Chart> stale = new java.util.HashSet<>();
	private boolean mapPending;
	private List<Path> restored = List.of();
	private Composite banner;
	private CTabFolder tabs;
	private CTabItem checksTab;
	private Table checksTable;
	private Label readout;
	private Font bold;

	@Override
	public void init(IViewSite site, IMemento memento) throws PartInitException {
		super.init(site, memento);
		restored = restoredRuns(memento, lastRunsFile());
	}

	/**
	 * The runs to show on start: those of the view's memento (saved on a clean exit), else those written to the
	 * plug-in's state file on every change (after a crash); folders that no longer hold a run are dropped.
	 */
	public static List<Path> restoredRuns(IMemento memento, Path lastRuns) {
		List<Path> paths = new ArrayList<>();
		if (memento != null)
			for (IMemento m : memento.getChildren("run"))
				if (m.getString("path") != null) paths.add(Path.of(m.getString("path")));
		if (memento == null || memento.getChildren("run").length == 0) {
			try {
				if (lastRuns != null && Files.isRegularFile(lastRuns))
					for (String line : Files.readAllLines(lastRuns)) if (!line.isBlank()) paths.add(Path.of(line.strip()));
			} catch (IOException | java.nio.file.InvalidPathException e) {
				// nothing to restore
			}
		}
		return paths.stream().filter(RunFolder::isRunFolder).distinct().toList();
	}

	@Override
	public void saveState(IMemento memento) {
		for (RunFolder r : runs) memento.createChild("run").putString("path", r.folder().toString());
	}

	/** The plug-in's state file listing the runs shown, or null outside OSGi. */
	private static Path lastRunsFile() {
		try {
			return org.cellwright.app.Activator.getDefault() == null ? null
					: org.cellwright.app.Activator.getDefault().getStateLocation().toFile().toPath().resolve("results-view-runs.txt");
		} catch (IllegalStateException e) {
			return null;
		}
	}

	private void rememberRuns() {
		Path f = lastRunsFile();
		if (f == null) return;
		try {
			Files.write(f, runs.stream().map(r -> r.folder().toString()).toList());
		} catch (IOException e) {
			// the memento still saves them on a clean exit
		}
	}

	@Override
	public void createPartControl(Composite parent) {
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = layout.marginHeight = 2;
		layout.verticalSpacing = 2;
		parent.setLayout(layout);
		FontData fd = parent.getFont().getFontData()[0];
		bold = new Font(parent.getDisplay(), fd.getName(), fd.getHeight(), SWT.BOLD);
		banner = new Composite(parent, SWT.NONE);
		banner.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		GridLayout bl = new GridLayout(1, false);
		bl.marginWidth = bl.marginHeight = 0;
		bl.verticalSpacing = 0;
		banner.setLayout(bl);
		tabs = new CTabFolder(parent, SWT.BOTTOM | SWT.FLAT);
		tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		readout = new Label(parent, SWT.NONE);
		readout.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
		chartTab(VOLTAGE, "Cell voltage", "Time (h)", "Voltage (V)");
		chartTab(VOLTAGE_CAPACITY, "Voltage vs capacity, per cycle", "Capacity in the step (mAh/cm2)", "Voltage (V)");
		Chart cycles = chartTab(CYCLES, "Capacity retention and Coulombic efficiency", "Cycle", "Capacity (mAh/cm2)");
		IAxis pct = cycles.getAxisSet().getYAxis(cycles.getAxisSet().createYAxis());
		pct.getTitle().setText("CE and retention (%)");
		pct.setPosition(IAxis.Position.Secondary);
		chartTab(OVERPOTENTIALS, "Overpotential breakdown (magnitudes)", "Time (h)", "Overpotential (mV)");
		Chart inv = chartTab(INVENTORY, "Lithium inventory by location", "Time (h)", "Li (mAh/cm2)");
		IAxis reservoir = inv.getAxisSet().getYAxis(inv.getAxisSet().createYAxis());
		reservoir.getTitle().setText("Li in foil and cathode (mAh/cm2)");
		reservoir.setPosition(IAxis.Position.Secondary);
		chartTab(MECHANISM, "Deformation-mechanism map of Li", "Characteristic size (nm)", "Flow stress (MPa)");
		tabs.setSelection(0);
		tabs.addListener(SWT.Selection, e -> fitIfStale());
		tabs.addListener(SWT.Resize, e -> parent.getDisplay().asyncExec(this::fitIfStale));
		contributeActions();
		if (!restored.isEmpty()) setRuns(restored);
		else showEmpty();
	}

	private Chart chartTab(String name, String title, String xTitle, String yTitle) {
		Chart c = new Chart(tabs, SWT.NONE);
		c.setData(ChartInteraction.FIT, (Runnable) () -> fit(name, c));
		c.getTitle().setText(title);
		c.getAxisSet().getXAxis(0).getTitle().setText(xTitle);
		c.getAxisSet().getYAxis(0).getTitle().setText(yTitle);
		c.getLegend().setPosition(SWT.BOTTOM);
		ChartInteraction.install(c, text -> {
			if (!readout.isDisposed()) readout.setText(text);
		});
		CTabItem item = new CTabItem(tabs, SWT.NONE);
		item.setText(name);
		item.setControl(c);
		charts.put(name, c);
		return c;
	}

	private void contributeActions() {
		Action add = new Action("Add Run...") {
			@Override
			public void run() {
				DirectoryDialog d = new DirectoryDialog(getSite().getShell());
				d.setText("Add a run to compare");
				d.setMessage("Choose a run folder (results/<file>/<experiment>)");
				d.setFilterPath(runs.isEmpty() ? ResourcesPlugin.getWorkspace().getRoot().getLocation().toOSString()
						: runs.get(runs.size() - 1).folder().getParent().toString());
				String dir = d.open();
				if (dir != null) add(Path.of(dir));
			}
		};
		add.setToolTipText("Add a run folder to overlay on every chart");
		Action clear = new Action("Clear") {
			@Override
			public void run() {
				setRuns(List.of());
			}
		};
		Action reset = new Action("Reset Zoom") {
			@Override
			public void run() {
				Chart c = currentChart();
				if (c != null) ChartInteraction.reset(c);
			}
		};
		reset.setToolTipText("Show all data (or double-click the chart)");
		Action png = new Action("Export PNG...") {
			@Override
			public void run() {
				export("png");
			}
		};
		Action csv = new Action("Export CSV...") {
			@Override
			public void run() {
				export("csv");
			}
		};
		ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
		add.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_OBJ_ADD));
		clear.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_ETOOL_CLEAR));
		clear.setToolTipText("Remove all runs from the view");
		png.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_ETOOL_SAVEAS_EDIT));
		png.setToolTipText("Export the chart shown as a PNG image");
		csv.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_ETOOL_SAVE_EDIT));
		csv.setToolTipText("Export the data of the chart shown as CSV (one row per point, with units)");
		IToolBarManager tb = getViewSite().getActionBars().getToolBarManager();
		IMenuManager menu = getViewSite().getActionBars().getMenuManager();
		for (Action a : List.of(add, clear, png, csv)) tb.add(a);
		menu.add(add);
		menu.add(clear);
		menu.add(new Separator());
		menu.add(reset);
		menu.add(png);
		menu.add(csv);
	}

	private void export(String kind) {
		Chart c = currentChart();
		if (c == null) {
			MessageDialog.openInformation(getSite().getShell(), "Export", "Select a chart tab first.");
			return;
		}
		FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
		d.setOverwrite(true);
		d.setFilterExtensions(new String[] {"*." + kind});
		String tab = tabs.getSelection().getText().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
		d.setFileName((runs.isEmpty() ? "results" : runs.get(0).experiment()) + "-" + tab + "." + kind);
		if (!runs.isEmpty()) d.setFilterPath(runs.get(0).folder().toString());
		String f = d.open();
		if (f == null) return;
		try {
			if (kind.equals("png")) ChartInteraction.exportPng(c, Path.of(f));
			else ChartInteraction.exportCsv(c, Path.of(f));
		} catch (IOException e) {
			MessageDialog.openError(getSite().getShell(), "Export", "Cannot write " + f + ": " + e.getMessage());
		}
	}

	private Chart currentChart() {
		return tabs.getSelection() != null && tabs.getSelection().getControl() instanceof Chart c ? c : null;
	}

	/** Shows only this run (a run folder, or its summary.json / timeseries.csv). */
	public void show(Path runFolder) {
		setRuns(List.of(runFolder));
	}

	/** Adds a run to those shown (replacing the same folder if shown already). */
	public void add(Path runFolder) {
		List<Path> paths = new ArrayList<>(runs.stream().map(RunFolder::folder).toList());
		Path folder = Files.isRegularFile(runFolder) ? runFolder.toAbsolutePath().getParent() : runFolder;
		paths.remove(folder);
		paths.add(folder);
		setRuns(paths);
	}

	/** Shows these runs overlaid; folders that cannot be read are named in the banner. */
	public void setRuns(List<Path> folders) {
		runs.clear();
		List<String> unreadable = new ArrayList<>();
		for (Path p : folders) {
			try {
				runs.add(RunFolder.read(p));
			} catch (IOException e) {
				unreadable.add(e.getMessage());
			}
		}
		for (Chart c : charts.values())
			for (var s : c.getSeriesSet().getSeries()) c.getSeriesSet().deleteSeries(s.getId());
		rememberRuns();
		if (runs.isEmpty()) {
			showEmpty();
			for (String u : unreadable) bannerLine(u, SWT.COLOR_RED);
			banner.getParent().layout(true, true);
			return;
		}
		fillBanner(unreadable);
		plotVoltage();
		plotVoltageCapacity();
		plotCycles();
		plotOverpotentials();
		plotInventory();
		mapPending = true; // resolving a cell for the map takes a second: only when the map is looked at
		fillChecks();
		for (Chart c : charts.values()) {
			c.getLegend().setVisible(c.getSeriesSet().getSeries().length > 0);
			ChartInteraction.reset(c);
			stale.add(c);
		}
		banner.getParent().layout(true, true);
		fitIfStale();
	}

	/** Draws the mechanism map if the runs changed since it was last drawn. */
	private void ensureMap() {
		if (!mapPending) return;
		mapPending = false;
		Chart c = charts.get(MECHANISM);
		plotMechanismMap();
		c.getLegend().setVisible(c.getSeriesSet().getSeries().length > 0);
		ChartInteraction.reset(c);
		stale.add(c);
	}

	/** Fits the ranges of the chart shown if it was filled while hidden. */
	private void fitIfStale() {
		if (currentChart() == charts.get(MECHANISM)) ensureMap();
		Chart c = currentChart();
		if (c == null || c.isDisposed() || !stale.contains(c)) return;
		if (c.getSize().x <= 0 || c.getSize().y <= 0) return;
		stale.remove(c);
		c.updateLayout();
		ChartInteraction.reset(c);
	}

	/**
	 * After SWTChart fitted the ranges to the data: capacities from 0 (a per-cycle curve starts at 0), percentages at
	 * least from 90 to 100.5 % so that a 0.1 % change in CE does not fill the chart.
	 */
	private static void fit(String tab, Chart c) {
		if (c.getSeriesSet().getSeries().length == 0) return;
		if (tab.equals(VOLTAGE_CAPACITY)) {
			Range r = c.getAxisSet().getXAxis(0).getRange();
			c.getAxisSet().getXAxis(0).setRange(new Range(0, r.upper));
		} else if (tab.equals(CYCLES)) {
			Range r = c.getAxisSet().getYAxis(0).getRange();
			c.getAxisSet().getYAxis(0).setRange(new Range(0, r.upper * 1.05));
			Range p = c.getAxisSet().getYAxis(1).getRange();
			c.getAxisSet().getYAxis(1).setRange(new Range(Math.min(90, p.lower), Math.max(100.5, p.upper)));
		}
	}

	private void showEmpty() {
		for (var c : banner.getChildren()) c.dispose();
		bannerLine("Run an experiment (Run > Run Experiments, Ctrl+R), double-click a summary.json, or Add Run... to see results here.",
				SWT.COLOR_WIDGET_FOREGROUND);
		if (checksTab != null) {
			checksTab.dispose();
			checksTab = null;
		}
		for (Chart c : charts.values()) c.redraw();
	}

	/** The runs shown, in order. */
	public List<RunFolder> runs() {
		return List.copyOf(runs);
	}

	/** The folder of the first run shown, or null. */
	public Path shown() {
		return runs.isEmpty() ? null : runs.get(0).folder();
	}

	/** The chart of a tab ({@link #VOLTAGE}, {@link #CYCLES}, ...). */
	public Chart chart(String tab) {
		if (MECHANISM.equals(tab)) ensureMap();
		return charts.get(tab);
	}

	/** The voltage vs time chart. */
	public Chart chart() {
		return charts.get(VOLTAGE);
	}

	public Chart cyclesChart() {
		return charts.get(CYCLES);
	}

	/** The checks table, or null when no run shown has checks.json. */
	public Table checksTable() {
		return checksTab == null ? null : checksTable;
	}

	/** The status banner's lines. */
	public List<Label> bannerLines() {
		return Arrays.stream(banner.getChildren()).filter(Label.class::isInstance).map(Label.class::cast).toList();
	}

	/** The read-out line under the charts. */
	public Label readout() {
		return readout;
	}

	/** Selects a tab by its title. */
	public void selectTab(String name) {
		for (CTabItem i : tabs.getItems()) if (i.getText().equals(name)) tabs.setSelection(i);
		tabs.layout(true, true);
		fitIfStale();
	}

	// ---- banner

	private void fillBanner(List<String> unreadable) {
		for (var c : banner.getChildren()) c.dispose();
		for (RunFolder r : runs) {
			StringBuilder s = new StringBuilder(label(r) + "  ·  cell " + r.cell() + "  ·  " + r.status());
			RunFolder.ShortCircuit sc = r.shortCircuit();
			if (sc != null)
				s.append(String.format(Locale.ROOT, " in cycle %d at t = %.1f h: %s", sc.cycle(), sc.timeH(), sc.reason()));
			else if (Double.isFinite(r.endTimeH())) s.append(String.format(Locale.ROOT, ", %.1f h simulated", r.endTimeH()));
			if (r.checks() != null) {
				long fail = r.checks().stream().filter(c -> Boolean.FALSE.equals(c.pass())).count();
				s.append("  ·  checks: ").append(r.checks().size() - fail).append(" pass, ").append(fail).append(" fail");
			}
			Label l = bannerLine(s.toString(), r.completed() ? SWT.COLOR_WIDGET_FOREGROUND : SWT.COLOR_RED);
			l.setFont(bold);
			l.setToolTipText(r.folder().toString());
			for (String m : r.messages()) bannerLine("    " + m, r.completed() ? SWT.COLOR_DARK_YELLOW : SWT.COLOR_RED);
			for (String p : r.problems()) bannerLine("    " + p, SWT.COLOR_DARK_GRAY);
		}
		for (String u : unreadable) bannerLine(u, SWT.COLOR_RED);
	}

	private Label bannerLine(String text, int colour) {
		Label l = new Label(banner, SWT.WRAP);
		l.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		l.setText(text);
		l.setForeground(banner.getDisplay().getSystemColor(colour));
		return l;
	}

	/** The run's name in legends: the experiment, with its file when another run shown has the same experiment name. */
	String label(RunFolder r) {
		long same = runs.stream().filter(o -> o.experiment().equals(r.experiment())).count();
		return same > 1 ? r.sourceName() + "/" + r.experiment() : r.experiment();
	}

	private String prefix(RunFolder r) {
		return runs.size() == 1 ? "" : label(r) + ": ";
	}

	private Color colour(int run) {
		RGB c = PALETTE[run % PALETTE.length];
		return new Color(c.red, c.green, c.blue);
	}

	// ---- charts

	private void plotVoltage() {
		Chart c = charts.get(VOLTAGE);
		for (int i = 0; i < runs.size(); i++) {
			RunFolder r = runs.get(i);
			if (r.timeseries() == null) continue;
			double[] t = r.timeseries().column("time_h"), v = r.timeseries().column("voltage_V");
			if (t != null && v != null) line(c, label(r), t, v, colour(i), LineStyle.SOLID, 0);
		}
		c.getTitle().setText(runs.size() == 1 ? "Cell voltage: " + label(runs.get(0)) : "Cell voltage");
	}

	/**
	 * One curve per step of a few cycles (all when at most 10, else 8 spread from the first to the last), voltage
	 * against the capacity passed in the step. One run: cycles coloured from blue (first) to red (last); several runs:
	 * each run in its colour, early cycles paler.
	 */
	private void plotVoltageCapacity() {
		Chart c = charts.get(VOLTAGE_CAPACITY);
		for (int ri = 0; ri < runs.size(); ri++) {
			RunFolder r = runs.get(ri);
			RunFolder.Table ts = r.timeseries();
			if (ts == null) continue;
			double[] cyc = ts.column("cycle"), step = ts.column("step"), cap = ts.column("step_capacity_mAh_cm2"),
					v = ts.column("voltage_V"), cur = ts.column("current_mA_cm2");
			if (cyc == null || step == null || cap == null || v == null || cur == null) continue;
			int last = (int) Arrays.stream(cyc).filter(Double::isFinite).max().orElse(0);
			List<Integer> chosen = chosenCycles(last);
			int start = 0;
			for (int i = 1; i <= ts.rows(); i++) {
				if (i < ts.rows() && cyc[i] == cyc[start] && step[i] == step[start]) continue;
				int cycle = (int) cyc[start];
				int k = chosen.indexOf(cycle);
				if (k >= 0 && cur[start] != 0 && i - start > 1) {
					double[] x = new double[i - start], y = new double[i - start];
					for (int j = start; j < i; j++) {
						x[j - start] = Math.abs(cap[j]);
						y[j - start] = v[j];
					}
					double f = chosen.size() == 1 ? 0 : (double) k / (chosen.size() - 1);
					Color col = runs.size() == 1 ? gradient(f) : shade(PALETTE[ri % PALETTE.length], 0.55 * (1 - f));
					String id = prefix(r) + "cycle " + cycle + " step " + (int) step[start];
					ILineSeries<?> s = line(c, id, x, y, col, STYLES[ri % STYLES.length], 0);
					s.setSymbolType(ILineSeries.PlotSymbolType.NONE);
					s.setDescription(prefix(r) + "cycle " + cycle);
					boolean firstOfCycle = c.getSeriesSet().getSeries().length == 1
							|| !c.getSeriesSet().getSeries()[c.getSeriesSet().getSeries().length - 2].getDescription().equals(s.getDescription());
					s.setVisibleInLegend(firstOfCycle);
				}
				start = i;
			}
		}
	}

	static List<Integer> chosenCycles(int last) {
		List<Integer> out = new ArrayList<>();
		if (last <= 10) {
			for (int i = 1; i <= last; i++) out.add(i);
		} else {
			for (int k = 0; k < 8; k++) {
				int n = 1 + (int) Math.round(k * (last - 1) / 7.0);
				if (!out.contains(n)) out.add(n);
			}
		}
		return out;
	}

	/** Blue (0) through purple to red (1). */
	static Color gradient(double f) {
		return new Color((int) (31 + f * (214 - 31)), (int) (119 - f * (119 - 39)), (int) (180 - f * (180 - 40)));
	}

	/** The colour blended with white by the amount (0 = unchanged). */
	static Color shade(RGB c, double white) {
		return new Color((int) (c.red + (255 - c.red) * white), (int) (c.green + (255 - c.green) * white),
				(int) (c.blue + (255 - c.blue) * white));
	}

	/**
	 * Per cycle: charge and discharge capacity (left axis), Coulombic efficiency and, for a cell with a cathode, capacity
	 * retention, the discharge capacity relative to cycle 1 (right axis, %). A half cell plates a set capacity every
	 * cycle: its CE says what it keeps.
	 */
	private void plotCycles() {
		Chart c = charts.get(CYCLES);
		for (int ri = 0; ri < runs.size(); ri++) {
			RunFolder r = runs.get(ri);
			RunFolder.Table t = r.cycles();
			if (t == null) continue;
			double[] n = t.column("cycle"), ch = t.column("charge_mAh_cm2"), dis = t.column("discharge_mAh_cm2"),
					ce = t.column("coulombic_efficiency"), mAhG = t.column("discharge_mAh_g");
			if (n == null || ch == null || dis == null || ce == null) continue;
			boolean fullCell = mAhG != null && Arrays.stream(mAhG).anyMatch(Double::isFinite);
			double first = dis.length > 0 ? dis[0] : Double.NaN;
			double[] retention = Arrays.stream(dis).map(d -> first > 0 ? 100 * d / first : Double.NaN).toArray();
			double[] cePct = Arrays.stream(ce).map(v -> 100 * v).toArray();
			RGB base = PALETTE[ri % PALETTE.length];
			boolean one = runs.size() == 1;
			String p = prefix(r);
			line(c, p + "charge (mAh/cm2)", n, ch, one ? colour(1) : shade(base, 0.45), one ? LineStyle.SOLID : LineStyle.DOT, 0);
			line(c, p + "discharge (mAh/cm2)", n, dis, one ? colour(0) : colour(ri), LineStyle.SOLID, 0);
			line(c, p + "CE (%)", n, cePct, one ? colour(2) : colour(ri), one ? LineStyle.SOLID : LineStyle.DASH, 1);
			if (fullCell)
				line(c, p + "retention (%)", n, retention, one ? colour(4) : shade(base, 0.3), one ? LineStyle.DASH : LineStyle.DASHDOT, 1);
		}
		c.getTitle().setText(runs.size() == 1 ? "Capacity retention and Coulombic efficiency: " + label(runs.get(0))
				: "Capacity retention and Coulombic efficiency");
	}

	/** |eta| of every overpotential column that is not zero throughout, in mV; colour per contribution, style per run. */
	private void plotOverpotentials() {
		Chart c = charts.get(OVERPOTENTIALS);
		List<String> kinds = new ArrayList<>();
		for (int ri = 0; ri < runs.size(); ri++) {
			RunFolder r = runs.get(ri);
			if (r.timeseries() == null || r.timeseries().column("time_h") == null) continue;
			double[] t = r.timeseries().column("time_h");
			for (String col : r.timeseries().columnsStartingWith("eta_")) {
				double[] y = Arrays.stream(r.timeseries().column(col)).map(v -> 1000 * Math.abs(v)).toArray();
				if (Arrays.stream(y).noneMatch(v -> v > 0)) continue;
				String kind = col.replaceFirst("^eta_", "").replaceFirst("_V$", "").replace('_', ' ');
				if (!kinds.contains(kind)) kinds.add(kind);
				RGB rgb = PALETTE[kinds.indexOf(kind) % PALETTE.length];
				line(c, prefix(r) + kind, t, y, new Color(rgb.red, rgb.green, rgb.blue), STYLES[ri % STYLES.length], 0);
			}
		}
	}

	/** li_* columns: Li in the foil and the cathode on the right axis (they are large), the others on the left. */
	private void plotInventory() {
		Chart c = charts.get(INVENTORY);
		List<String> kinds = new ArrayList<>();
		for (int ri = 0; ri < runs.size(); ri++) {
			RunFolder r = runs.get(ri);
			if (r.timeseries() == null || r.timeseries().column("time_h") == null) continue;
			double[] t = r.timeseries().column("time_h");
			for (String col : r.timeseries().columnsStartingWith("li_")) {
				double[] y = r.timeseries().column(col);
				if (Arrays.stream(y).noneMatch(v -> v != 0 && Double.isFinite(v))) continue;
				String kind = col.replaceFirst("^li_", "").replaceFirst("_mAh_cm2$", "").replace('_', ' ');
				if (!kinds.contains(kind)) kinds.add(kind);
				RGB rgb = PALETTE[kinds.indexOf(kind) % PALETTE.length];
				boolean reservoir = kind.equals("foil") || kind.equals("cathode");
				line(c, prefix(r) + kind + (reservoir ? " (right axis)" : ""), t, y, new Color(rgb.red, rgb.green, rgb.blue),
						STYLES[ri % STYLES.length], reservoir ? 1 : 0);
			}
		}
	}

	/**
	 * Flow stress vs size, log-log: dislocation plasticity ("smaller is stronger"), diffusional creep ("smaller is much
	 * weaker") and the flow stress (the lower of the two); a vertical line marks the interlayer's pore size.
	 */
	private void plotMechanismMap() {
		Chart c = charts.get(MECHANISM);
		IAxis x = c.getAxisSet().getXAxis(0), y = c.getAxisSet().getYAxis(0);
		List<String> notes = new ArrayList<>();
		double lo = Double.MAX_VALUE, hi = 0;
		List<MechanismMaps.Result> maps = runs.stream().map(MechanismMaps::of).toList();
		for (int ri = 0; ri < runs.size(); ri++) {
			RunFolder r = runs.get(ri);
			MechanismMaps.Result m = maps.get(ri);
			if (m.map() == null) {
				notes.add(label(r) + ": " + m.note());
				continue;
			}
			boolean one = runs.size() == 1;
			String p = prefix(r);
			double[] nm = Arrays.stream(m.map().sizeM()).map(s -> s * 1e9).toArray();
			// the flow stress (the softer mechanism) first, as a wide pale band under the two mechanisms
			double[][] curves = {m.map().flowMPa(), m.map().dislocationMPa(), m.map().creepMPa()};
			String[] names = {"flow stress", "dislocation plasticity", "diffusional creep"};
			for (int k = 0; k < 3; k++) {
				double[][] xy = positive(nm, curves[k], 1e-3, 2e3);
				if (xy[0].length == 0) continue;
				for (double v : xy[1]) {
					lo = Math.min(lo, v);
					hi = Math.max(hi, v);
				}
				RGB base = one ? PALETTE[k == 1 ? 0 : 1] : PALETTE[ri % PALETTE.length];
				Color col = k == 0 ? shade(one ? new RGB(60, 60, 60) : base, 0.6) : new Color(base.red, base.green, base.blue);
				LineStyle style = one || k == 0 ? LineStyle.SOLID : k == 1 ? LineStyle.DASH : LineStyle.DOT;
				ILineSeries<?> s = line(c, p + names[k], xy[0], xy[1], col, style, 0);
				s.setSymbolType(ILineSeries.PlotSymbolType.NONE);
				if (k == 0) s.setLineWidth(8);
			}
			if (!Double.isFinite(m.poreSizeM())) notes.add(label(r) + ": no interlayer pore size to mark");
		}
		// the markers after the curves, spanning their stress range
		for (int ri = 0; ri < runs.size() && hi > 0; ri++) {
			RunFolder r = runs.get(ri);
			MechanismMaps.Result m = maps.get(ri);
			if (m.map() == null || !Double.isFinite(m.poreSizeM())) continue;
			double d = m.poreSizeM() * 1e9;
			ILineSeries<?> s = line(c, prefix(r) + String.format(Locale.ROOT, "interlayer pore size %.0f nm", d), new double[] {d, d},
					new double[] {lo, hi}, runs.size() == 1 ? colour(3) : colour(ri), LineStyle.DASH, 0);
			s.setLineWidth(2);
			s.setSymbolType(ILineSeries.PlotSymbolType.NONE);
		}
		if (c.getSeriesSet().getSeries().length > 0) {
			x.enableLogScale(true);
			y.enableLogScale(true);
		}
		c.getTitle().setText("Deformation-mechanism map of Li" + (notes.isEmpty() ? "" : "  (" + String.join("; ", notes) + ")"));
	}

	/** The points with both coordinates positive and y within [min, max] (log axes). */
	static double[][] positive(double[] x, double[] y, double min, double max) {
		int n = 0;
		double[] xs = new double[x.length], ys = new double[x.length];
		for (int i = 0; i < x.length && i < y.length; i++)
			if (x[i] > 0 && y[i] >= min && y[i] <= max) {
				xs[n] = x[i];
				ys[n++] = y[i];
			}
		return new double[][] {Arrays.copyOf(xs, n), Arrays.copyOf(ys, n)};
	}

	private void fillChecks() {
		boolean any = runs.stream().anyMatch(r -> r.checks() != null);
		if (!any) {
			if (checksTab != null) checksTab.dispose();
			checksTab = null;
			return;
		}
		if (checksTab == null) {
			checksTable = new Table(tabs, SWT.FULL_SELECTION | SWT.BORDER);
			checksTable.setHeaderVisible(true);
			checksTable.setLinesVisible(true);
			for (String h : List.of("Result", "Run", "Quantity", "Study", "Simulated", "Source")) {
				TableColumn col = new TableColumn(checksTable, SWT.LEFT);
				col.setText(h);
			}
			checksTab = new CTabItem(tabs, SWT.NONE);
			checksTab.setText(CHECKS);
			checksTab.setControl(checksTable);
		}
		checksTable.removeAll();
		for (RunFolder r : runs) {
			if (r.checks() == null) continue;
			for (RunFolder.Check ch : r.checks()) {
				TableItem it = new TableItem(checksTable, SWT.NONE);
				String result = ch.pass() == null ? "-" : ch.pass() ? "PASS" : "FAIL";
				it.setText(new String[] {result, label(r), nz(ch.quantity()), nz(ch.expected()), nz(ch.simulated()),
						nz(ch.source()) + (ch.file() != null ? "  (" + ch.file() + (ch.line() > 0 ? ":" + ch.line() : "") + ")" : "")});
				if (ch.pass() != null)
					it.setForeground(0, checksTable.getDisplay().getSystemColor(ch.pass() ? SWT.COLOR_DARK_GREEN : SWT.COLOR_RED));
				if (Boolean.FALSE.equals(ch.pass())) it.setFont(0, bold);
			}
		}
		for (TableColumn col : checksTable.getColumns()) col.pack();
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	private static ILineSeries<?> line(Chart chart, String id, double[] x, double[] y, Color colour, LineStyle style, int yAxis) {
		ILineSeries<?> s = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, id);
		s.setXSeries(x);
		s.setYSeries(y);
		s.setLineColor(colour);
		s.setSymbolColor(colour);
		s.setLineStyle(style);
		s.setSymbolType(x.length > 25 ? ILineSeries.PlotSymbolType.NONE : ILineSeries.PlotSymbolType.CIRCLE);
		s.setSymbolSize(3);
		s.setLineWidth(2);
		s.setYAxisId(yAxis);
		s.setAntialias(SWT.ON);
		return s;
	}

	/** The visible range of an axis of a tab's chart (for tests of zoom and pan). */
	public Range range(String tab, boolean xAxis) {
		IAxis a = xAxis ? charts.get(tab).getAxisSet().getXAxis(0) : charts.get(tab).getAxisSet().getYAxis(0);
		return a.getRange();
	}

	@Override
	public void setFocus() {
		tabs.setFocus();
	}

	@Override
	public void dispose() {
		if (bold != null) bold.dispose();
		super.dispose();
	}
}

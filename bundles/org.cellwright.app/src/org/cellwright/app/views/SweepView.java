package org.cellwright.app.views;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.cellwright.lang.text.Printable;
import org.cellwright.run.folder.RunFolderException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.Range;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

/**
 * A sweep's outcome: its table ({@code sweep.csv}: one row per run, its parameters and key metrics; a click on a
 * column's header sorts by it, again reverses) and a chart of a chosen metric against a chosen swept parameter, one
 * line per value of another. A double click on a row shows that run in the Results view. Efficiencies and capacity
 * retention are in %, as in the Results view; a half cell's retention is not applicable ({@link SweepResults#shown}).
 */
public class SweepView extends ViewPart {
	public static final String ID = "org.cellwright.app.views.sweep";
	/** The choice of the chart's lines when no parameter splits them. */
	public static final String ONE_LINE = "(one line)";

	private Label title;
	private Table table;
	private Combo metric, against, lines;
	private Chart chart;
	private SweepResults sweep;
	private Path restored;
	private final List<Integer> order = new ArrayList<>();

	@Override
	public void init(IViewSite site, IMemento memento) throws PartInitException {
		super.init(site, memento);
		if (memento != null && memento.getString("sweep") != null) restored = Path.of(memento.getString("sweep"));
	}

	@Override
	public void saveState(IMemento memento) {
		if (sweep != null) memento.putString("sweep", sweep.folder().toString());
	}

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		title = new Label(parent, SWT.WRAP);
		title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		title.setText("No sweep shown: run a .cell file with a sweep, or double-click a sweep.csv.");
		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		table = new Table(sash, SWT.FULL_SELECTION | SWT.BORDER | SWT.MULTI);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		table.addListener(SWT.DefaultSelection, e -> showSelectedRuns());
		Composite plot = new Composite(sash, SWT.NONE);
		plot.setLayout(new GridLayout(6, false));
		metric = combo(plot, "Plot");
		against = combo(plot, "against");
		lines = combo(plot, "one line per");
		chart = new Chart(plot, SWT.NONE);
		chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 6, 1));
		chart.getLegend().setPosition(SWT.BOTTOM);
		ChartInteraction.install(chart, text -> { });
		chart.setData(ChartInteraction.FIT, (Runnable) () -> pad(chart));
		sash.setWeights(2, 3);
		if (restored != null && SweepResults.folderOf(restored) != null) show(restored);
	}

	private Combo combo(Composite parent, String label) {
		new Label(parent, SWT.NONE).setText(label);
		Combo c = new Combo(parent, SWT.READ_ONLY);
		c.addListener(SWT.Selection, e -> plot());
		return c;
	}

	/** Shows the sweep of a folder (a sweep's run, its sweep.csv, or the sweep's folder: its latest run). */
	public void show(Path folder) {
		try {
			sweep = SweepResults.read(folder);
		} catch (RunFolderException e) {
			sweep = null;
			title.setText("Cannot show the sweep: " + Printable.escape(e.getMessage()));
			table.removeAll();
			ChartTabs.fill(chart, null);
			return;
		}
		title.setText("Sweep " + Printable.escape(sweep.name()) + ": " + sweep.rows().size() + " runs, " + sweep.parameters().size()
				+ (sweep.parameters().size() == 1 ? " parameter" : " parameters") + "  (" + Printable.escape(WorkspacePaths.of(sweep.folder())) + ")");
		fillTable();
		choices();
		plot();
	}

	private void fillTable() {
		table.setRedraw(false);
		table.removeAll();
		for (TableColumn c : table.getColumns()) c.dispose();
		table.setSortColumn(null);
		for (String h : sweep.header()) {
			TableColumn col = new TableColumn(table, sweep.parameters().contains(h) || h.equals("run") ? SWT.LEFT : SWT.RIGHT);
			col.setText(h.equals("run") ? "run" : sweep.parameters().contains(h) ? h : SweepPlots.label(h));
			col.setData(h);
			col.addListener(SWT.Selection, e -> sortBy(col));
		}
		order.clear();
		for (int r = 0; r < sweep.rows().size(); r++) order.add(r);
		rows();
		for (TableColumn c : table.getColumns()) c.pack();
		table.setRedraw(true);
	}

	private void rows() {
		table.removeAll();
		for (int r : order) {
			TableItem it = new TableItem(table, SWT.NONE);
			it.setText(sweep.header().stream().map(h -> Printable.escape(sweep.shown(r, h))).toArray(String[]::new));
			it.setData(r);
		}
	}

	/** Sorts the rows by a column: numbers as numbers (rows without one last), else as text; again reverses. */
	void sortBy(TableColumn col) {
		String key = (String) col.getData();
		int dir = table.getSortColumn() == col && table.getSortDirection() == SWT.UP ? SWT.DOWN : SWT.UP;
		boolean numeric = java.util.stream.IntStream.range(0, sweep.rows().size())
				.allMatch(r -> sweep.text(r, key).isBlank() || !Double.isNaN(SweepResults.number(sweep.text(r, key))));
		Comparator<Integer> cmp = numeric
				? Comparator.comparingDouble((Integer r) -> Double.isNaN(sweep.value(r, key)) ? Double.POSITIVE_INFINITY : sweep.value(r, key))
				: Comparator.comparing((Integer r) -> sweep.text(r, key));
		if (dir == SWT.DOWN) cmp = cmp.reversed();
		order.sort(cmp);
		table.setSortColumn(col);
		table.setSortDirection(dir);
		rows();
	}

	private void choices() {
		List<String> metrics = sweep.numericMetrics();
		metric.setItems(metrics.stream().map(SweepPlots::label).toArray(String[]::new));
		metric.setData(metrics);
		metric.select(Math.max(0, metrics.indexOf(defaultMetric(sweep))));
		against.setItems(sweep.parameters().toArray(String[]::new));
		against.select(0);
		List<String> l = new ArrayList<>();
		l.add(ONE_LINE);
		l.addAll(sweep.parameters());
		lines.setItems(l.toArray(String[]::new));
		lines.select(sweep.parameters().size() > 1 ? 2 : 0);
		metric.getParent().layout(true);
	}

	/**
	 * The metrics the chart shows first, the first of them that changes from run to run: capacity retention (over the
	 * cycles of a full cell), first-cycle Coulombic efficiency (a half cell plating and stripping lithium, whose
	 * retention does not apply), the discharge capacities, the last CE, the nucleation overpotential, the time.
	 */
	static final List<String> PREFERRED = List.of("capacity_retention", "first_ce", "first_discharge_mAh_cm2", "last_discharge_mAh_cm2",
			"last_ce", "nucleation_overpotential_mV", "end_time_h");

	/**
	 * The metric shown first: the first of {@link #PREFERRED} whose numbers differ between the runs (by more than a
	 * millionth), else the first of them with numbers, else the first numeric metric (null when none).
	 */
	static String defaultMetric(SweepResults s) {
		List<String> metrics = s.numericMetrics();
		for (String m : PREFERRED) if (metrics.contains(m) && varies(s, m)) return m;
		for (String m : PREFERRED) if (metrics.contains(m)) return m;
		return metrics.isEmpty() ? null : metrics.get(0);
	}

	private static boolean varies(SweepResults s, String column) {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (int r = 0; r < s.rows().size(); r++) {
			double v = s.value(r, column);
			if (Double.isNaN(v)) continue;
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		return hi > lo && hi - lo > 1e-6 * Math.max(Math.abs(lo), Math.abs(hi));
	}

	/** Draws the chosen metric against the chosen parameter, one line per value of the third choice. */
	void plot() {
		if (sweep == null) return;
		@SuppressWarnings("unchecked")
		List<String> metrics = (List<String>) metric.getData();
		String m = metric.getSelectionIndex() < 0 || metrics == null || metrics.isEmpty() ? null : metrics.get(metric.getSelectionIndex());
		String x = against.getSelectionIndex() < 0 ? null : against.getItem(against.getSelectionIndex());
		String by = lines.getSelectionIndex() <= 0 ? null : lines.getItem(lines.getSelectionIndex());
		if (by != null && by.equals(x)) by = null;
		String unit = x == null ? "" : sweep.unit(x);
		chart.getAxisSet().getXAxis(0).getTitle().setText(x == null ? "" : unit.isEmpty() ? x : x + " (" + unit + ")");
		chart.getAxisSet().getYAxis(0).getTitle().setText(SweepPlots.label(m));
		ChartTabs.fill(chart, SweepPlots.of(sweep, m, x, by));
	}

	/**
	 * Both axes span the points with a margin of 6 % of their span (5 % of the value when all are equal), set from the
	 * data, not from SWTChart's fit (whose room for the symbols is in pixels: fitted while the view was small or hidden,
	 * it made 2 to 20 MPa an axis from -12 to 34 MPa); an axis whose values are all at least 0 (pressures, capacities,
	 * efficiencies) does not go below 0.
	 */
	static void pad(Chart c) {
		ISeries<?>[] all = c.getSeriesSet().getSeries();
		if (all.length == 0) return;
		double[] x = span(all, true), y = span(all, false);
		if (x != null) c.getAxisSet().getXAxis(0).setRange(padded(x[0], x[1]));
		if (y != null) c.getAxisSet().getYAxis(0).setRange(padded(y[0], y[1]));
	}

	private static double[] span(ISeries<?>[] series, boolean xs) {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (ISeries<?> s : series)
			for (double v : xs ? s.getXSeries() : s.getYSeries())
				if (Double.isFinite(v)) {
					lo = Math.min(lo, v);
					hi = Math.max(hi, v);
				}
		return lo <= hi ? new double[] {lo, hi} : null;
	}

	/** The range of values from lo to hi with its margin (see {@link #pad}). */
	static Range padded(double lo, double hi) {
		double m = hi > lo ? 0.06 * (hi - lo) : Math.abs(hi) > 0 ? 0.05 * Math.abs(hi) : 1;
		double lower = lo - m, upper = hi + m;
		if (lo >= 0 && lower < 0) lower = 0;
		return new Range(lower, upper);
	}

	/**
	 * Shows the runs of the selected rows in the Results view, activated: it shares the Sweep view's folder, where
	 * VIEW_VISIBLE left it behind the Sweep view (the double click seemed to do nothing). The Runs view, if open, selects
	 * them too, as it does the runs it shows itself: it kept the sweep's six runs selected beside the one the Results
	 * view showed (session 29 walk).
	 */
	void showSelectedRuns() {
		List<Path> folders = new ArrayList<>();
		for (TableItem it : table.getSelection())
			if (it.getData() instanceof Integer r && Files.isDirectory(sweep.runFolder(r))) folders.add(sweep.runFolder(r));
		if (folders.isEmpty()) return;
		try {
			((ResultsView) getSite().getPage().showView(ResultsView.ID, null, IWorkbenchPage.VIEW_ACTIVATE)).setRuns(folders);
			if (getSite().getPage().findView(RunsView.ID) instanceof RunsView runs) runs.select(folders);
		} catch (PartInitException e) {
			// the Results view is not available
		}
	}

	/** Chooses what the chart shows, by column names (null for one line); for tests and callers. */
	public void choose(String metricColumn, String parameter, String linesParameter) {
		@SuppressWarnings("unchecked")
		List<String> metrics = (List<String>) metric.getData();
		metric.select(metrics.indexOf(metricColumn));
		against.select(sweep.parameters().indexOf(parameter));
		lines.select(linesParameter == null ? 0 : 1 + sweep.parameters().indexOf(linesParameter));
		plot();
	}

	public SweepResults sweep() { return sweep; }

	public Table table() { return table; }

	/** The header line: the sweep, its runs and parameters, its folder as the workspace names it. */
	public String titleText() { return title.getText(); }

	public Chart chart() { return chart; }

	@Override
	public void setFocus() {
		table.setFocus();
	}
}

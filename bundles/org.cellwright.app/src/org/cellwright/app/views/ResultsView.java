package org.cellwright.app.views;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.cellwright.app.preferences.CellWrightPreferences;
import org.cellwright.measured.MeasuredSeries;
import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.Summary;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.Range;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;

/**
 * The results of one or more runs (run folders written by a run): a status banner per run, then one tab per view —
 * voltage vs time, voltage vs capacity per cycle, capacity retention and Coulombic efficiency vs cycle, overpotential
 * breakdown, lithium inventory by location, deformation-mechanism map, and the study checks when a run has them. With
 * several runs every chart overlays them, each run in its own colour (or line style), named in the legend. Zoom with
 * the wheel or a dragged box, pan with the right button or Shift-drag, reset with a double click; the line at the
 * bottom reads out the value under the pointer. The view remembers its runs across restarts.
 * <p>
 * Runs are read and the charts prepared in the background ({@link RunsLoader}, a cancelable job shown in the
 * progress area; the banner says "Loading ..." meanwhile); a newer request supersedes one still running, and a
 * cancelled one leaves the view as it was. A run whose {@code .cell} file, as saved now, resolves to other inputs is
 * marked out of date under its status line ({@link org.cellwright.run.Staleness}, checked in the background when runs
 * are shown and whenever a {@code .cell} file of the workspace changes). This class is the wiring: {@link ResultsBanner}, {@link ChartTabs} with the
 * chart families' series ({@link VoltagePlots}, {@link CyclePlots}, {@link ColumnPlots},
 * {@link MechanismMapPlots}) and {@link ChecksTab}.
 */
public class ResultsView extends ViewPart {
	public static final String ID = "org.cellwright.app.views.results";

	/**
	 * Tab titles, also the keys of {@link #chart(String)}; short, so that all eight tabs show at the default workbench
	 * size (with "Voltage-capacity", "Capacity and CE" and "Measured vs simulated" the last two or three were behind the
	 * folder's chevron); each tab's tool tip says what it shows in full.
	 */
	public static final String VOLTAGE = "Voltage", VOLTAGE_CAPACITY = "V vs Q", CYCLES = "Cycles",
			OVERPOTENTIALS = "Overpotentials", INVENTORY = "Li inventory", MECHANISM = "Mechanism map", CHECKS = "Checks",
			ERRORS = "Model error";

	private List<RunFolder> runs = List.of();
	private org.eclipse.jface.action.Action openReport;
	/** The folders last asked for (shown or still loading). */
	private List<Path> requested = List.of();
	private List<Path> restored = List.of();
	private ResultsBanner banner;
	private ChartTabs tabs;
	private ChecksTab checks;
	private ErrorsTab errors;
	private List<Measurement> measurements = List.of();
	/** Measurements imported in the IDE, by the run folder they are overlaid on (not written anywhere). */
	private final Map<Path, MeasuredSeries> imported = new java.util.HashMap<>();
	private Label readout;
	private Font bold;
	private RunsLoader loader;
	private CompletableFuture<List<RunFolder>> loaded = CompletableFuture.completedFuture(List.of());
	private List<String> unreadable = List.of();
	/** Why a run shown is out of date, by its folder (current runs are not in it). */
	private Map<Path, String> outOfDate = Map.of();
	/** The family of the background checks whether the runs shown are out of date (for tests). */
	public static final Object STALE_CHECK = new Object();
	/** The latest check asked for: an earlier one, which may have read a file while it was being written, is dropped. */
	private int staleCheck;
	private org.eclipse.core.runtime.jobs.Job staleJob;
	private final org.eclipse.core.resources.IResourceChangeListener cellFiles = e -> {
		if (e.getDelta() == null) return;
		boolean[] changed = { false };
		try {
			e.getDelta().accept(d -> {
				if (d.getResource().getType() == org.eclipse.core.resources.IResource.FILE && "cell".equals(d.getResource().getFileExtension())
						&& (d.getKind() != org.eclipse.core.resources.IResourceDelta.CHANGED || (d.getFlags() & org.eclipse.core.resources.IResourceDelta.CONTENT) != 0))
					changed[0] = true;
				return !changed[0];
			});
		} catch (org.eclipse.core.runtime.CoreException ex) {
			return;
		}
		if (changed[0] && readout != null && !readout.isDisposed()) readout.getDisplay().asyncExec(this::checkOutOfDate);
	};

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
		return paths.stream().map(RunFolder::resolve).filter(java.util.Objects::nonNull).distinct().toList();
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
		banner = new ResultsBanner(parent, bold);
		tabs = new ChartTabs(parent, text -> {
			if (!readout.isDisposed()) readout.setText(text);
		});
		tabs.folder().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		checks = new ChecksTab(tabs.folder(), bold);
		errors = new ErrorsTab(tabs.folder());
		readout = new Label(parent, SWT.NONE);
		readout.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
		openReport = ResultsActions.contribute(this, getViewSite().getActionBars(), tabs);
		if (!restored.isEmpty()) setRuns(restored);
		else banner.showEmpty(List.of());
		org.eclipse.core.resources.ResourcesPlugin.getWorkspace().addResourceChangeListener(cellFiles,
				org.eclipse.core.resources.IResourceChangeEvent.POST_CHANGE);
		CellWrightPreferences.instance().addPreferenceChangeListener(pointsChanged);
	}

	/** A new number of points per series (Window > Preferences > CellWright) draws the runs shown again with it. */
	private final org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener pointsChanged = e -> {
		if (!CellWrightPreferences.POINTS_PER_SERIES.equals(e.getKey()) || readout == null || readout.isDisposed()) return;
		readout.getDisplay().asyncExec(() -> {
			if (!readout.isDisposed() && !requested.isEmpty()) setRuns(requested);
		});
	};

	/**
	 * Checks in the background whether the runs shown are out of date (their file, as saved now, resolves to other
	 * inputs) and marks them so in the banner; a run made current again (undone, or run again) loses its mark.
	 */
	void checkOutOfDate() {
		List<RunFolder> checked = runs;
		if (checked.isEmpty() || readout.isDisposed()) return;
		int generation = ++staleCheck;
		if (staleJob != null) staleJob.cancel();
		Display display = readout.getDisplay();
		org.eclipse.core.runtime.jobs.Job job = new org.eclipse.core.runtime.jobs.Job("Checking whether the runs shown are out of date") {
			@Override
			protected IStatus run(org.eclipse.core.runtime.IProgressMonitor monitor) {
				Map<Path, String> found = new java.util.HashMap<>();
				for (RunFolder r : checked) {
					if (monitor.isCanceled()) return org.eclipse.core.runtime.Status.CANCEL_STATUS;
					String why = org.cellwright.run.Staleness.of(r.summary().run(), r.folder());
					if (why != null) found.put(r.folder(), why);
				}
				if (!display.isDisposed()) display.asyncExec(() -> {
					if (readout.isDisposed() || generation != staleCheck || runs != checked || loader != null || found.equals(outOfDate)) return;
					outOfDate = Map.copyOf(found);
					banner.show(runs, unreadable, outOfDate);
				});
				return org.eclipse.core.runtime.Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == STALE_CHECK;
			}
		};
		job.setSystem(true);
		job.setPriority(org.eclipse.core.runtime.jobs.Job.DECORATE);
		staleJob = job;
		job.schedule();
	}

	/** Why each run shown is out of date, by run folder (empty when all are current or not checked yet). */
	public Map<Path, String> outOfDate() {
		return outOfDate;
	}

	/** Shows only this run (a run folder, or its summary.json / timeseries.csv). */
	public void show(Path runFolder) {
		setRuns(List.of(runFolder));
	}

	/** Adds a run to those shown or loading (replacing the same folder if there already). */
	public void add(Path runFolder) {
		List<Path> paths = new ArrayList<>(requested);
		Path folder = Files.isRegularFile(runFolder) ? runFolder.toAbsolutePath().getParent() : runFolder;
		if (RunFolder.resolve(folder) != null) folder = RunFolder.resolve(folder); // an experiment's folder: its latest run
		paths.remove(folder);
		paths.add(folder);
		setRuns(paths);
	}

	/**
	 * Shows these runs overlaid, read in the background: the view says "Loading ..." until they are shown (see
	 * {@link #whenLoaded()}); folders that cannot be read are named in the banner. A load still running for an earlier
	 * call is cancelled and its runs never shown.
	 */
	public void setRuns(List<Path> folders) {
		// a file of a run, a run, or an experiment's folder in the run store (its latest run)
		requested = folders.stream().map(p -> Files.isRegularFile(p) ? p.toAbsolutePath().getParent() : p)
				.map(p -> RunFolder.resolve(p) != null ? RunFolder.resolve(p) : p).toList();
		imported.keySet().retainAll(requested); // an imported measurement goes with its run
		if (loader != null) loader.cancel();
		loader = null;
		CompletableFuture<List<RunFolder>> previous = loaded;
		loaded = new CompletableFuture<>();
		if (!previous.isDone()) loaded.whenComplete((r, e) -> {
			if (e == null) previous.complete(r);
			else previous.cancel(false);
		});
		if (folders.isEmpty()) {
			show(new RunsLoader.Loaded(List.of(), List.of(), Map.of(), List.of()));
			loaded.complete(runs);
			return;
		}
		Display display = readout.getDisplay();
		RunsLoader[] self = new RunsLoader[1];
		RunsLoader job = new RunsLoader(requested, imported, task -> {
			if (!display.isDisposed()) display.asyncExec(() -> {
				if (self[0] == loader && loader != null) banner.loading(Character.toLowerCase(task.charAt(0)) + task.substring(1));
			});
		});
		self[0] = job;
		loader = job;
		CompletableFuture<List<RunFolder>> future = loaded;
		job.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				if (!display.isDisposed()) display.asyncExec(() -> finished(job, event.getResult(), future));
			}
		});
		banner.loading(folders.size() == 1 ? "reading results of " + name(folders.get(0)) : "reading " + folders.size() + " runs");
		IWorkbenchSiteProgressService progress = getSite().getService(IWorkbenchSiteProgressService.class);
		if (progress != null) progress.schedule(job, 0, true);
		else job.schedule();
	}

	private static String name(Path p) {
		return p.getFileName() == null ? p.toString() : p.getFileName().toString();
	}

	/** On the UI thread when a loader ended: shows its runs unless a newer request superseded it. */
	private void finished(RunsLoader job, IStatus result, CompletableFuture<List<RunFolder>> future) {
		if (readout.isDisposed()) {
			future.cancel(false);
			return;
		}
		if (job != loader) return; // superseded: its future completes with the newer request's
		loader = null;
		if (job.loaded() != null) {
			show(job.loaded());
			future.complete(runs);
		} else {
			// cancelled (or failed): what was shown stays
			requested = runs.stream().map(RunFolder::folder).toList();
			banner.loadingDone();
			if (result != null && result.getSeverity() == IStatus.ERROR)
				banner.error("Could not read the runs: " + result.getMessage());
			future.cancel(false);
		}
	}

	/** Hands what a loader read to the banner, the charts and the checks (UI thread). */
	private void show(RunsLoader.Loaded l) {
		runs = l.runs();
		unreadable = l.unreadable();
		outOfDate = Map.of();
		measurements = l.measurements();
		rememberRuns();
		OpenReport.update(openReport, shown());
		if (runs.isEmpty()) {
			tabs.clear();
			checks.remove();
			errors.remove();
			banner.showEmpty(l.unreadable());
			return;
		}
		banner.show(runs, l.unreadable());
		tabs.show(l.charts());
		checks.show(runs);
		errors.show(runs, measurements);
		checkOutOfDate();
	}

	/**
	 * Completes (on the UI thread) with the runs shown once the last requested runs are read and drawn; cancelled when
	 * that load is cancelled. A test on the UI thread waits for it by running the event loop until it is done.
	 */
	public CompletableFuture<List<RunFolder>> whenLoaded() {
		return loaded;
	}

	/** The folders last asked for: shown, or still loading. */
	List<Path> requested() {
		return requested;
	}

	/** True while runs are being read. */
	public boolean loading() {
		return loader != null;
	}

	/** The runs shown, in order. */
	public List<RunFolder> runs() {
		return List.copyOf(runs);
	}

	/** The folder of the first run shown, or null. */
	public Path shown() {
		return runs.isEmpty() ? null : runs.get(0).folder();
	}

	/** Open Report of the toolbar and menu: the report of the first run shown ({@link #shown()}). */
	public org.eclipse.jface.action.Action openReportAction() {
		return openReport;
	}

	/** The chart of a tab ({@link #VOLTAGE}, {@link #CYCLES}, ...). */
	public Chart chart(String tab) {
		return tabs.chart(tab);
	}

	/** The voltage vs time chart. */
	public Chart chart() {
		return tabs.chart(VOLTAGE);
	}

	public Chart cyclesChart() {
		return tabs.chart(CYCLES);
	}

	/**
	 * Overlays a measurement (read by the import wizard) on a run: the run is shown (added when not shown yet) with the
	 * measurement on its charts and its error figures. Nothing is written: the run folder stays as the run left it.
	 */
	public void addMeasurement(Path runFolder, MeasuredSeries series) {
		Path folder = RunFolder.resolve(runFolder) != null ? RunFolder.resolve(runFolder) : runFolder;
		imported.put(folder, series);
		List<Path> paths = new ArrayList<>(requested);
		if (!paths.contains(folder)) paths.add(folder);
		setRuns(paths);
	}

	/** The measurements shown with the runs (their own, or imported). */
	public List<Measurement> measurements() {
		return measurements;
	}

	/** The error figures' table, or null when no run shown has a measurement. */
	public Table errorsTable() {
		return errors.table();
	}

	/** The checks table, or null when no run shown has checks.json. */
	public Table checksTable() {
		return checks.table();
	}

	/** The status banner's lines. */
	public List<Label> bannerLines() {
		return banner.lines();
	}

	/** The read-out line under the charts. */
	public Label readout() {
		return readout;
	}

	/** Selects a tab by its title. */
	public void selectTab(String name) {
		tabs.select(name);
	}

	/** The visible range of an axis of a tab's chart (for tests of zoom and pan). */
	public Range range(String tab, boolean xAxis) {
		Chart c = tabs.chart(tab);
		IAxis a = xAxis ? c.getAxisSet().getXAxis(0) : c.getAxisSet().getYAxis(0);
		return a.getRange();
	}

	@Override
	public void setFocus() {
		tabs.folder().setFocus();
	}

	@Override
	public void dispose() {
		org.eclipse.core.resources.ResourcesPlugin.getWorkspace().removeResourceChangeListener(cellFiles);
		CellWrightPreferences.instance().removePreferenceChangeListener(pointsChanged);
		if (loader != null) loader.cancel();
		loader = null;
		if (bold != null) bold.dispose();
		super.dispose();
	}
}

package org.cellwright.app.views;

import org.cellwright.app.preferences.CellWrightPreferences;
import org.cellwright.report.Decimation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.cellwright.measured.MeasuredSeries;
import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.Summary;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Reads run folders and prepares every chart's data in the background: a Job with progress ("Reading results of
 * <run> (n of N)") that can be cancelled; long series are decimated for drawing ({@link Decimation}). The result is
 * taken from {@link #loaded()} when the job is done; the UI thread only hands it to the charts.
 */
public final class RunsLoader extends Job {

	/** The family of every loader job (for the job manager and tests). */
	public static final Object FAMILY = RunsLoader.class;

	/** What was read: the runs, the folders that could not be read (with why) and each chart's content by tab. */
	public record Loaded(List<RunFolder> runs, List<String> unreadable, Map<String, ChartContent> charts, List<Measurement> measurements) {}

	private final List<Path> folders;
	private final Map<Path, MeasuredSeries> imported;
	private final Consumer<String> progress;
	private volatile Loaded loaded;

	/**
	 * @param progress told what is being read ("Reading results of X (1 of 2)"), from the job's thread
	 */
	public RunsLoader(List<Path> folders, Consumer<String> progress) {
		this(folders, Map.of(), progress);
	}

	/**
	 * @param imported measurements imported in the IDE, by the run folder they are shown with
	 * @param progress told what is being read ("Reading results of X (1 of 2)"), from the job's thread
	 */
	public RunsLoader(List<Path> folders, Map<Path, MeasuredSeries> imported, Consumer<String> progress) {
		super("Reading results");
		this.folders = List.copyOf(folders);
		this.imported = Map.copyOf(imported);
		this.progress = progress;
		setUser(false);
		setPriority(Job.LONG);
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == FAMILY;
	}

	/** The folders this job reads. */
	public List<Path> folders() {
		return folders;
	}

	/** The runs read and the charts prepared, or null until the job finished without being cancelled. */
	public Loaded loaded() {
		return loaded;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		try {
			loaded = load(folders, imported, monitor, progress);
			return Status.OK_STATUS;
		} catch (OperationCanceledException e) {
			return Status.CANCEL_STATUS;
		}
	}

	/**
	 * Reads the folders and prepares the charts (in the calling thread).
	 *
	 * @throws OperationCanceledException when the monitor is cancelled
	 */
	public static Loaded load(List<Path> folders, IProgressMonitor monitor, Consumer<String> progress) {
		return load(folders, Map.of(), monitor, progress);
	}

	/** Reads the folders, their measurements (their own measured.bdf.csv, or the one imported for them) and prepares the charts. */
	public static Loaded load(List<Path> folders, Map<Path, MeasuredSeries> imported, IProgressMonitor monitor, Consumer<String> progress) {
		int n = folders.size();
		SubMonitor sm = SubMonitor.convert(monitor, "Reading results", 4 * n + 6);
		List<RunFolder> runs = new ArrayList<>();
		List<String> unreadable = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Path p = folders.get(i);
			String task = "Reading results of " + (p.getFileName() == null ? p : p.getFileName()) + " (" + (i + 1) + " of " + n + ")";
			sm.setTaskName(task);
			if (progress != null) progress.accept(task);
			try {
				runs.add(RunFolder.read(p));
			} catch (org.cellwright.run.folder.RunFolderException e) {
				unreadable.add(e.getMessage());
			}
			sm.split(4);
		}
		Map<String, ChartContent> charts = new LinkedHashMap<>();
		List<Measurement> measured = new ArrayList<>();
		for (RunFolder r : runs) {
			Measurement m = Measurement.of(r, imported.get(r.folder()));
			if (m != null) measured.add(m);
		}
		if (!runs.isEmpty()) {
			sm.setTaskName("Preparing the charts of " + runs.size() + (runs.size() == 1 ? " run" : " runs"));
			if (progress != null) progress.accept("Preparing the charts");
			int budget = CellWrightPreferences.pointsPerSeries();
			ChartContent voltage = VoltagePlots.voltage(runs);
			MeasuredPlots.voltage(voltage, runs, measured);
			charts.put(ResultsView.VOLTAGE, voltage.decimate(budget));
			sm.split(1);
			ChartContent vq = VoltagePlots.voltageCapacity(runs);
			MeasuredPlots.voltageCapacity(vq, runs, measured);
			charts.put(ResultsView.VOLTAGE_CAPACITY, vq.decimate(budget));
			sm.split(1);
			ChartContent cycles = CyclePlots.of(runs);
			MeasuredPlots.cycles(cycles, runs, measured);
			charts.put(ResultsView.CYCLES, cycles.decimate(budget));
			sm.split(1);
			charts.put(ResultsView.OVERPOTENTIALS, ColumnPlots.overpotentials(runs).decimate(budget));
			sm.split(1);
			charts.put(ResultsView.INVENTORY, ColumnPlots.inventory(runs).decimate(budget));
			sm.split(1);
			if (progress != null) progress.accept("Preparing the mechanism map");
			charts.put(ResultsView.MECHANISM, MechanismMapPlots.of(runs).decimate(budget));
			sm.split(1);
		}
		return new Loaded(List.copyOf(runs), List.copyOf(unreadable), charts, List.copyOf(measured));
	}
}

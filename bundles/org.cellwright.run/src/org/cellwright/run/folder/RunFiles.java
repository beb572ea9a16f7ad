package org.cellwright.run.folder;

import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.output.SummaryKeys;

/** The names of the files of a run folder and of the run store, in one place. */
public final class RunFiles {
	private RunFiles() {}

	public static final String SUMMARY = SummaryKeys.FILE_NAME, TIMESERIES = "timeseries.csv", CYCLES = "cycles.csv",
			CHECKS = "checks.json", MECHANISM_MAP = "mechanism-map.csv", INPUTS = InputsJson.FILE_NAME, REPORT = "report.html";

	/**
	 * In a run (a single run's folder, a sweep's folder of runs), written as it begins: the files its writer writes into
	 * each of its run folders after checks.json ({@code Pipeline.Listener#finishes}: the command line's and the IDE's
	 * report.html), one a line, so that a run killed before them is said to lack them (RunIndex.recovered; session 29: a
	 * single run killed between its checks.json and its report.html was not). Absent in runs written before it and in
	 * those of a writer that writes nothing more (the pipeline's own callers in tests).
	 */
	public static final String WRITES = ".writes";

	/** The experiment's measured data (as BDF) and the error figures of the run against it, when it names one. */
	public static final String MEASURED = "measured.bdf.csv",
			MEASURED_COMPARISON = org.cellwright.lang.expectations.Metric.MEASURED_COMPARISON_FILE;

	/**
	 * Folders in a run folder of a run re-run on a finer mesh (MeshRerun, session 38): the run on the mesh the solver
	 * chose (its timeseries.csv, cycles.csv and summary.json) once the re-run was taken; the re-run up to where it ended
	 * where it was not (cancelled, failed), or whole where it was run once more and that was taken (session 40); the run
	 * once more up to where it ended where it was not.
	 */
	public static final String COARSE_MESH = "coarse-mesh", FINE_MESH = "fine-mesh", FINEST_MESH = "finest-mesh";

	/** The folders of a run's other meshes, coarsest first (those a run folder holds are listed with its files). */
	public static final java.util.List<String> MESH_FOLDERS = java.util.List.of(COARSE_MESH, FINE_MESH, FINEST_MESH);

	/** What a fit leaves in its folder ({@code <fit>/<id>/}, no row in runs.csv): its estimates (FitReport). */
	public static final String FIT = "fit.json";

	/** A sweep's table beside its runs: one row per run with its parameters and key numbers. */
	public static final String SWEEP_TABLE = "sweep.csv";

	/**
	 * A project's folder of runs (the run store's root: {@code results/<file>/<experiment>/<run id>/}), and the command
	 * line's default output in the working folder.
	 */
	public static final String RESULTS = "results";

	/** The index of a results folder: one row per run. */
	public static final String INDEX = "runs.csv";

	/** Held (file lock) while runs.csv is rewritten. */
	public static final String INDEX_LOCK = ".runs.lock";

	/** In an experiment's (or sweep's) folder: a symbolic link to its latest run, and the same as text. */
	public static final String LATEST = "latest", LATEST_TEXT = "latest.txt";

	/**
	 * In a history of a file in a folder ({@code results/a/t.cell/}): the runs of the history kept before under the
	 * file's name alone ({@code results/t/}) found to be another file's, a line each: {@code t/<experiment>/<run id>}, a
	 * tab and the file it ran; so that they are read once, not on every run (RunStore.forFile).
	 */
	public static final String JUDGED = ".judged-runs";

	/**
	 * In a results folder the run store made (or wrote a run into): says it is one, so that {@code --out} writes into it
	 * again without asking, and refuses a folder of the user's that holds other files (RunStore.outProblem).
	 */
	public static final String MARKER = ".cellwright-results";

	/** Held (file lock) by the one process writing runs of an experiment or sweep. */
	public static final String LOCK = ".lock";

	/** Columns a timeseries.csv must have (the rest are optional). */
	public static final String[] TIMESERIES_REQUIRED = { "time_h", "step", "cycle", "voltage_V", "current_mA_cm2" };
	/** Columns a cycles.csv must have. */
	public static final String[] CYCLES_REQUIRED = { "cycle", "charge_mAh_cm2", "discharge_mAh_cm2", "coulombic_efficiency" };
	/** Columns a mechanism-map.csv must have. */
	public static final String[] MECHANISM_MAP_REQUIRED = { "size_m", "dislocation_MPa", "diffusional_creep_MPa", "flow_stress_MPa" };
}

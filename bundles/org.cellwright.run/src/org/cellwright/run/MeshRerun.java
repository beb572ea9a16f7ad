package org.cellwright.run;

import static org.cellwright.solver.output.SummaryKeys.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.cellwright.run.folder.Figures;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.folder.Summary;
import org.cellwright.solver.AccuracyTarget;
import org.cellwright.solver.CutoffSensitivity;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.input.SolverSettings;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * A run re-run on a finer cathode mesh (issue 13, session 38; README "Accuracy"): where a full cell's run estimated its
 * capacity's error for its mesh beyond the target ({@link CutoffSensitivity}, {@link Simulation.MeshEstimate}) and that
 * mesh was the solver's choice (the solver block sets neither particle-nodes nor cathode-nodes:
 * {@link org.cellwright.solver.input.json.ResolvedInputs.Provenance#meshChosenBySolver}), {@link RunWriter} runs the
 * same inputs again on the mesh the warning names and keeps that as the run's result. The run folder then holds the fine
 * run's files; the coarse run's timeseries.csv, cycles.csv and summary.json lie in {@value #COARSE}/, and summary.json
 * records the re-run ({@link org.cellwright.solver.output.SummaryKeys#MESH_RERUN}) and says it in a note among its
 * messages, in place of the coarse run's warning (the fine run's own warning stands). A re-run cancelled (or ended
 * otherwise than completed) leaves the coarse run's result, its warning and a note, the run marked partial when
 * cancelled, and the re-run's files up to then in {@value #FINE}/. Nothing is overwritten.
 */
final class MeshRerun {
	/** The folder in a run folder of the run on the mesh the solver chose, when it was re-run. */
	static final String COARSE = RunFiles.COARSE_MESH;
	/** The folder the re-run is written into; left in the run folder where the re-run did not complete. */
	static final String FINE = RunFiles.FINE_MESH;

	private final Simulation.MeshEstimate mesh;
	private final JsonObject coarse;
	private final double coarseSeconds;
	private String fineStatus;
	private Throwable fineError;
	private JsonObject fine;
	private double fineSeconds;

	MeshRerun(Simulation.MeshEstimate mesh, JsonObject coarsePart, double coarseSeconds) {
		this.mesh = mesh;
		this.coarse = coarsePart;
		this.coarseSeconds = coarseSeconds;
	}

	/**
	 * Whether a run is re-run: a solid-state run that completed (or shorted), whose mesh the solver chose, estimated
	 * beyond the target with a finer mesh to name (a run already on 48 x 40 that misses is only warned).
	 */
	static boolean due(RunUnit unit, String status, Throwable error, Simulation.MeshEstimate m) {
		return unit.dfn() == null && unit.inputs() != null && unit.provenance().meshChosenBySolver() && error == null
				&& finished(status) && m != null && m.beyondTarget() && m.finerNamed();
	}

	private static boolean finished(String status) {
		return "COMPLETED".equals(status) || "SHORT_CIRCUIT".equals(status);
	}

	private static String mesh(int shells, int volumes) {
		return shells + " x " + volumes;
	}

	private String coarseMesh() { return mesh(mesh.shells(), mesh.volumes()); }

	private String fineMesh() { return mesh(mesh.finerShells(), mesh.finerVolumes()); }

	/** What a progress display names while the re-run runs. */
	String stage() {
		return "re-running on " + fineMesh() + " mesh";
	}

	/** The settings of the re-run: the run's, with the finer mesh (as a solver block that sets both would give). */
	SolverSettings fineSettings(SolverSettings s) {
		return s.toBuilder().particleNodes(mesh.finerShells()).cathodeNodes(mesh.finerVolumes()).build();
	}

	/** How the re-run ended. */
	void fine(String status, Throwable error, JsonObject part, double seconds) {
		fineStatus = status;
		fineError = error;
		fine = part;
		fineSeconds = seconds;
	}

	/** Whether the re-run's result is the run's: it completed (or shorted). */
	boolean taken() {
		return fineError == null && finished(fineStatus);
	}

	/**
	 * The re-run taken: the coarse run's files ({@value RunFiles#TIMESERIES}, {@value RunFiles#CYCLES}) into
	 * {@value #COARSE}/ with its summary, the re-run's up from {@value #FINE}/ into the run folder.
	 */
	void swap(Path folder, Path fineFolder, Summary coarseSummary, Path recordedIn) {
		Path c = folder.resolve(COARSE);
		try {
			Files.createDirectories(c);
			for (String f : List.of(RunFiles.TIMESERIES, RunFiles.CYCLES))
				if (Files.exists(folder.resolve(f))) Files.move(folder.resolve(f), c.resolve(f));
			coarseSummary.write(c, recordedIn.resolve(COARSE));
			List<Path> files;
			try (Stream<Path> s = Files.list(fineFolder)) {
				files = s.filter(Files::isRegularFile).toList();
			}
			for (Path f : files) Files.move(f, folder.resolve(f.getFileName()));
			Files.delete(fineFolder);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The run's interruption when the re-run was cancelled ({@code reason}: the cancel's). */
	String interruption(String reason) {
		return reason + " while re-running on the " + fineMesh() + " mesh: the results are the " + coarseMesh() + " mesh's, complete ("
				+ FINE + "/ holds the re-run up to then)";
	}

	/**
	 * The solver part of the run's summary (the re-run's where it was taken, else the coarse run's) with the note among
	 * its messages (first where taken, in place of the coarse run's warning; after the warning where not) and the record.
	 */
	JsonObject recorded(JsonObject part) {
		JsonObject o = part.deepCopy();
		JsonArray before = o.has(MESSAGES) ? o.getAsJsonArray(MESSAGES) : new JsonArray(), msgs = new JsonArray();
		if (taken()) msgs.add(note());
		msgs.addAll(before);
		if (!taken()) msgs.add(note());
		o.add(MESSAGES, msgs);
		o.add(MESH_RERUN, record());
		return o;
	}

	private static double first(JsonObject part) {
		return part == null ? Double.NaN : Summary.of(part).firstDischarge().mAhCm2();
	}

	private static double last(JsonObject part) {
		return part == null ? Double.NaN : Summary.of(part).lastDischarge().mAhCm2();
	}

	/** The relative change of b against a (NaN where either is missing or a is 0). */
	private static double change(double a, double b) {
		return a != 0 ? (b - a) / a : Double.NaN;
	}

	private static String cap(double v) {
		return Figures.text(v, "%.5g");
	}

	private static String pct(double v) {
		return Figures.text(100 * v, "%+.2f %%");
	}

	/** The note in the run's messages: that it was re-run, why, and what moved (or why the coarse result stands). */
	String note() {
		String why = String.format(Locale.ROOT, "on the %s mesh the solver chose, the capacity may be about %.2f %% off (target %s %%)", coarseMesh(),
				100 * mesh.worst(), Figures.text(100 * AccuracyTarget.CAPACITY, "%.1f"));
		String block = "solver { particle-nodes = " + mesh.finerShells() + "  cathode-nodes = " + mesh.finerVolumes() + " }";
		if (!taken())
			return "INFO: note: re-run on the " + fineMesh() + " mesh (" + block + ") because " + why + ", and the re-run "
					+ ("CANCELLED".equals(fineStatus) ? "was cancelled" : "ended " + fineStatus + (fineError != null ? " (" + fineError + ")" : ""))
					+ ": the results are the " + coarseMesh() + " mesh's (the warning above); the re-run's up to then are in " + FINE + "/";
		double f0 = first(coarse), f1 = first(fine), l0 = last(coarse), l1 = last(fine);
		Summary.FullDischarge fd = Summary.of(fine).firstDischarge(), ld = Summary.of(fine).lastDischarge();
		String moved = "the first discharge" + fd.where() + " moved " + cap(f0) + " -> " + cap(f1) + " mAh/cm2 (" + pct(change(f0, f1)) + ")";
		if (ld.cycle() != fd.cycle() && !Double.isNaN(l1))
			moved += ", the last" + ld.where() + " " + cap(l0) + " -> " + cap(l1) + " mAh/cm2 (" + pct(change(l0, l1)) + ")";
		return "INFO: note: re-run on the " + fineMesh() + " mesh (as " + block + " gives) because " + why + "; " + moved + "; the "
				+ coarseMesh() + " run is kept in " + COARSE + "/ (" + String.format(Locale.ROOT, "%.2f s, the re-run %.2f s", coarseSeconds, fineSeconds) + ")";
	}

	/** summary.json's record of the re-run ({@link org.cellwright.solver.output.SummaryKeys#MESH_RERUN}). */
	JsonObject record() {
		JsonObject r = new JsonObject();
		r.addProperty(MR_REASON, String.format(Locale.ROOT, "the capacity's mesh error estimated at %.3f %% on the %s mesh the solver chose,"
				+ " beyond the target %s %%", 100 * mesh.worst(), coarseMesh(), Figures.text(100 * AccuracyTarget.CAPACITY, "%.1f")));
		num(r, MR_ESTIMATE, mesh.worst());
		r.add(MR_COARSE, side(mesh.shells(), mesh.volumes(), coarse, coarseSeconds, taken() ? COARSE : "."));
		r.add(MR_FINE, side(mesh.finerShells(), mesh.finerVolumes(), fine, fineSeconds, taken() ? "." : FINE));
		num(r, MR_FIRST_CHANGE, change(first(coarse), first(fine)));
		num(r, MR_LAST_CHANGE, change(last(coarse), last(fine)));
		r.addProperty(MR_STATUS, fineStatus);
		return r;
	}

	private static JsonObject side(int shells, int volumes, JsonObject part, double seconds, String folder) {
		JsonObject o = new JsonObject();
		o.addProperty(MR_PARTICLE_NODES, shells);
		o.addProperty(MR_CATHODE_NODES, volumes);
		num(o, MR_FIRST_DISCHARGE, first(part));
		num(o, MR_LAST_DISCHARGE, last(part));
		num(o, MR_SECONDS, seconds);
		o.addProperty(MR_FOLDER, folder);
		return o;
	}

	private static void num(JsonObject o, String key, double v) {
		o.add(key, Double.isFinite(v) ? new JsonPrimitive(v) : com.google.gson.JsonNull.INSTANCE);
	}
}

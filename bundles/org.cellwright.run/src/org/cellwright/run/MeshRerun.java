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
 * messages, in place of the coarse run's warning (the fine run's own estimate's warning gives way to the error measured
 * from the two runs, below, since session 40, when the estimate reads the run's own voltage error). A re-run cancelled (or ended
 * otherwise than completed) leaves the coarse run's result, its warning and a note, the run marked partial when
 * cancelled, and the re-run's files up to then in {@value #FINE}/. Nothing is overwritten.
 *
 * <p>A re-run taken leaves two solutions of the same inputs on two meshes: from them the fine run's error is measured per
 * cycle ({@link MeshRichardson}, session 39), recorded ({@link org.cellwright.solver.output.SummaryKeys#MR_MEASURED}),
 * said in the note where within the target and warned of where not (an ACCURACY warning naming the cycle's step with the
 * shallowest end, the figure and a solver block that would meet it; later cycles counted in one message).
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
	/** The fine run's error measured per cycle (after a re-run taken; empty before). */
	private List<MeshRichardson.Cycle> measured = List.of();

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
		if (taken()) measured = measure();
	}

	/** The ratio of the two meshes' spacings the measurement takes ({@link MeshRichardson#ratio}). */
	private double ratio() {
		return MeshRichardson.ratio(mesh.shells(), mesh.volumes(), mesh.finerShells(), mesh.finerVolumes());
	}

	/** Per cycle with a discharge on both meshes: both capacities [mAh/cm2], the extrapolated one, the fine run's error. */
	private List<MeshRichardson.Cycle> measure() {
		double r = ratio();
		if (!(r > 1)) return List.of();
		java.util.Map<Integer, Summary.Cycle> c = new java.util.HashMap<>();
		for (Summary.Cycle x : Summary.of(coarse).cycles()) c.put(x.index(), x);
		List<MeshRichardson.Cycle> out = new java.util.ArrayList<>();
		for (Summary.Cycle f : Summary.of(fine).cycles()) {
			Summary.Cycle x = c.get(f.index());
			if (x != null && x.dischargeMAhCm2() > 0 && f.dischargeMAhCm2() > 0)
				out.add(MeshRichardson.cycle(f.index(), x.dischargeMAhCm2(), f.dischargeMAhCm2(), r));
		}
		return out;
	}

	/** The cycle whose fine run's measured error is largest (null: none measured). */
	private MeshRichardson.Cycle worstMeasured() {
		MeshRichardson.Cycle w = null;
		for (MeshRichardson.Cycle x : measured)
			if (Double.isFinite(x.fineError()) && (w == null || x.fineError() > w.fineError())) w = x;
		return w;
	}

	/**
	 * The ACCURACY warnings of the fine run's measured error beyond the target: the first cycle's, naming its step
	 * (the coarse run's estimate's: the same steps), the figure, what was measured and a solver block that would meet
	 * it; the later cycles' counted in one message (as CutoffSensitivity counts its own).
	 */
	List<String> measuredWarnings() {
		List<MeshRichardson.Cycle> beyond = measured.stream().filter(x -> x.fineError() > AccuracyTarget.CAPACITY).toList();
		if (beyond.isEmpty()) return List.of();
		MeshRichardson.Cycle x = beyond.get(0);
		String where = mesh.steps().getOrDefault(x.cycle(), "cycle " + x.cycle());
		// refined by k in both spacings, each part of the error falls by k^p at least: k^p = error / target
		double k = Math.pow(x.fineError() / AccuracyTarget.CAPACITY, 1 / MeshRichardson.ORDER);
		int s = roundUp(mesh.finerShells() * k), v = roundUp(mesh.finerVolumes() * k);
		double then = x.fineError() * Math.max(Math.pow((double) mesh.finerShells() / s, MeshRichardson.ORDER),
				Math.pow((double) mesh.finerVolumes() / v, MeshRichardson.ORDER));
		String unrefined = MeshRichardson.unrefined(mesh.shells(), mesh.volumes(), mesh.finerShells(), mesh.finerVolumes());
		List<String> out = new java.util.ArrayList<>();
		out.add("ACCURACY: warning: " + where + ": mesh: measured from the two runs, the " + fineMesh() + " mesh's discharge of " + cap(x.fine())
				+ " mAh/cm2 is about " + Figures.text(100 * x.fineError(), "%.2f") + " % off (target "
				+ Figures.text(100 * AccuracyTarget.CAPACITY, "%.1f") + " %): the " + coarseMesh() + " run's " + cap(x.coarse()) + " and this "
				+ cap(x.fine()) + " mAh/cm2 extrapolate to " + cap(x.extrapolated()) + " (Richardson, order " + Figures.text(MeshRichardson.ORDER, "%.0f")
				+ ", spacings " + Figures.text(ratio(), "%.3g") + "x finer" + (unrefined != null ? "; the " + unrefined + "' error not measured, not refined" : "")
				+ "); solver { particle-nodes = " + s + "  cathode-nodes = " + v + " } would take it to about " + Figures.text(100 * then, "%.2f")
				+ " % (the " + fineMesh() + " run took " + String.format(Locale.ROOT, "%.2f s", fineSeconds) + ")");
		if (beyond.size() > 1) {
			double w = beyond.stream().skip(1).mapToDouble(MeshRichardson.Cycle::fineError).max().orElse(0);
			int n = beyond.size() - 1;
			out.add(String.format(Locale.ROOT, "ACCURACY: warning: %d later cycle%s measured beyond the target too on the %s mesh (up to %s %% of the capacity), the last cycle %d",
					n, n == 1 ? "'s capacity" : "s' capacities", fineMesh(), Figures.text(100 * w, "%.2f"), beyond.get(n).cycle()));
		}
		return out;
	}

	/** Nodes rounded up to a multiple of 8. */
	private static int roundUp(double nodes) {
		return 8 * (int) Math.ceil(nodes / 8 - 1e-9);
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
		if (taken()) {
			msgs.add(note());
			for (String w : measuredWarnings()) msgs.add(w);
		}
		// the fine run's own estimate (CutoffSensitivity's, from its cut-offs) gives way to the error its two runs measure
		for (var m : before)
			if (!(taken() && !measured.isEmpty() && CutoffSensitivity.isEstimateWarning(m.getAsString()))) msgs.add(m);
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
		MeshRichardson.Cycle w = worstMeasured();
		if (w != null && w.fineError() <= AccuracyTarget.CAPACITY)
			moved += "; measured from the two runs, the " + fineMesh() + " run is within " + Figures.text(100 * w.fineError(), "%.2f") + " %"
					+ (measured.size() > 1 ? " (largest: cycle " + w.cycle() + ")" : "");
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
		if (taken()) r.add(MR_MEASURED, measuredRecord());
		return r;
	}

	/** The fine run's error measured from the two runs ({@link org.cellwright.solver.output.SummaryKeys#MR_MEASURED}). */
	private JsonObject measuredRecord() {
		JsonObject m = new JsonObject();
		num(m, MR_ORDER, MeshRichardson.ORDER);
		m.addProperty(MR_ORDER_SOURCE, "known: the meshes' (finite volumes, second order); two runs give no observed order");
		num(m, MR_RATIO, ratio());
		m.addProperty(MR_UNREFINED, MeshRichardson.unrefined(mesh.shells(), mesh.volumes(), mesh.finerShells(), mesh.finerVolumes()));
		JsonArray a = new JsonArray();
		for (MeshRichardson.Cycle x : measured) {
			JsonObject c = new JsonObject();
			c.addProperty(MR_CYCLE, x.cycle());
			num(c, MR_COARSE_CAP, x.coarse());
			num(c, MR_FINE_CAP, x.fine());
			num(c, MR_EXTRAPOLATED, x.extrapolated());
			num(c, MR_FINE_ERROR, x.fineError());
			a.add(c);
		}
		m.add(MR_CYCLES, a);
		MeshRichardson.Cycle w = worstMeasured();
		num(m, MR_WORST_FINE_ERROR, w != null ? w.fineError() : Double.NaN);
		if (w != null) m.addProperty(MR_WORST_CYCLE, w.cycle());
		else m.add(MR_WORST_CYCLE, com.google.gson.JsonNull.INSTANCE);
		return m;
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

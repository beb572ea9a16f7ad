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
import org.cellwright.solver.CathodeVolumes;
import org.cellwright.solver.CutoffSensitivity;
import org.cellwright.solver.ParticleShells;
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
 *
 * <p>Measured beyond the target, the run is run once more, on the block that warning names (session 40; once: no fourth
 * run), and that is its result where it completed: the fine run's files and summary (its warning in it) then lie in
 * {@value #FINE}/, the finest run's in the run folder, and its error is measured from the two finer runs at the order
 * the three observe where that is sound ({@link MeshRichardson#orderTaken}), warned of only where still beyond the
 * target ({@link org.cellwright.solver.output.SummaryKeys#MR_FINEST}). A third run cancelled (or ended otherwise) leaves
 * the fine run's result with its warning, and its own files up to then in {@value #FINEST}/.
 */
final class MeshRerun {
	/** The folder in a run folder of the run on the mesh the solver chose, when it was re-run. */
	static final String COARSE = RunFiles.COARSE_MESH;
	/**
	 * The folder the re-run is written into; left in the run folder where the re-run did not complete, or where it
	 * completed and was run once more and that completed (then the fine run whole, its summary with it).
	 */
	static final String FINE = RunFiles.FINE_MESH;
	/** The folder the run once more is written into; left in the run folder where it did not complete. */
	static final String FINEST = RunFiles.FINEST_MESH;

	/**
	 * The most particle shells and cathode volumes the run once more takes (session 41; its block otherwise sized to the
	 * worst cycle's figure, which for a measured 1 % would be 152 x 128): 80 x 80, the finer mesh the estimate's warnings
	 * ask a comparison with ({@link ParticleShells#NARROW_ZONE} shells, twice {@link CathodeVolumes#FINE} volumes). The
	 * reason, its cost (one thread's CPU, the study's 20 cycles at 60 degC, warm, best of 3, session 41 under load: 20 x 20
	 * 0.33 s, 48 x 40 0.84 s, 72 x 64 1.49 s, 80 x 80 2.23 s (20 x 20 0.39 s in that round), 96 x 96 3.0 s, 152 x 128 6.0
	 * s): the three runs take about 9x the first's with 80 x 80, 12.6x with 96 x 96, 21x with 152 x 128, where 10x is what
	 * a run may take beyond its own without being asked. Where the cap holds the block, the note
	 * says so with the error it is expected to leave, and the finest run's measured warning with it.
	 */
	static final int ONCE_MORE_SHELLS = ParticleShells.NARROW_ZONE, ONCE_MORE_VOLUMES = 2 * CathodeVolumes.FINE;

	private final Simulation.MeshEstimate mesh;
	private final JsonObject coarse;
	private final double coarseSeconds;
	private String fineStatus;
	private Throwable fineError;
	private JsonObject fine;
	private double fineSeconds;
	/** The fine run's error measured per cycle (after a re-run taken; empty before). */
	private List<MeshRichardson.Cycle> measured = List.of();
	/** The block the fine run's measured warning names (null: within the target, or nothing measured). */
	private MeshRichardson.Block named;
	/**
	 * The block the run once more takes: {@link #named} held to {@link #ONCE_MORE_SHELLS} x {@link #ONCE_MORE_VOLUMES}
	 * (session 41; null where nothing is named).
	 */
	private MeshRichardson.Block onceMore;
	/** The run once more, on {@link #onceMore} (session 40): how it ended, its solver part, its time; null status: not run. */
	private String finestStatus;
	private Throwable finestError;
	private JsonObject finest;
	private double finestSeconds;
	/** The finest run's error measured per cycle from the two finer runs, at the order the three observe where sound. */
	private List<MeshRichardson.Cycle> finestMeasured = List.of();

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

	private String finestMesh() { return mesh(onceMore.shells(), onceMore.volumes()); }

	/** What a progress display names while the re-run runs. */
	String stage() {
		return "re-running on " + fineMesh() + " mesh";
	}

	/** Whether the run once more was held to its cap ({@link #ONCE_MORE_SHELLS} x {@link #ONCE_MORE_VOLUMES}) below the block named. */
	private boolean capped() {
		return onceMore != null && (onceMore.shells() < named.shells() || onceMore.volumes() < named.volumes());
	}

	/** What a run once more held to its cap is expected to leave, for the note and the finest run's warning; "" where not held. */
	private String capClause() {
		if (!capped()) return "";
		return "held to " + finestMesh() + ", the most a run once more takes, where the figure asks for " + mesh(named.shells(), named.volumes())
				+ ": expected to leave about " + Figures.text(100 * onceMore.then(), "%.2f") + " %" + (onceMore.then() > AccuracyTarget.CAPACITY
						? ", beyond the target" : "");
	}

	/** What a progress display names while the run once more runs. */
	String finestStage() {
		return "re-running once more, on " + finestMesh() + " mesh";
	}

	/** The settings of the re-run: the run's, with the finer mesh (as a solver block that sets both would give). */
	SolverSettings fineSettings(SolverSettings s) {
		return s.toBuilder().particleNodes(mesh.finerShells()).cathodeNodes(mesh.finerVolumes()).build();
	}

	/** The settings of the run once more: the run's, with the block the fine run's measured warning names. */
	SolverSettings finestSettings(SolverSettings s) {
		return s.toBuilder().particleNodes(onceMore.shells()).cathodeNodes(onceMore.volumes()).build();
	}

	/** How the re-run ended. */
	void fine(String status, Throwable error, JsonObject part, double seconds) {
		fineStatus = status;
		fineError = error;
		fine = part;
		fineSeconds = seconds;
		if (taken()) {
			measured = measure();
			named = block(measured, mesh.finerShells(), mesh.finerVolumes());
			MeshRichardson.Cycle w = worst(measured);
			onceMore = named == null ? null : MeshRichardson.block(w.fineError(), w.order(), mesh.finerShells(), mesh.finerVolumes(),
					AccuracyTarget.CAPACITY, ONCE_MORE_SHELLS, ONCE_MORE_VOLUMES);
		}
	}

	/**
	 * Whether the run is run once more (session 40): the re-run was taken and measured beyond the target, and a block
	 * is named (once: never after the run once more).
	 */
	boolean onceMoreDue() {
		return taken() && finestStatus == null && onceMore != null;
	}

	/** How the run once more ended. */
	void finest(String status, Throwable error, JsonObject part, double seconds) {
		finestStatus = status;
		finestError = error;
		finest = part;
		finestSeconds = seconds;
		if (finestTaken()) finestMeasured = measureFinest();
	}

	/** Whether the run once more is the run's result: it completed (or shorted). */
	boolean finestTaken() {
		return finestStatus != null && finestError == null && finished(finestStatus);
	}

	/** The ratio of the two meshes' spacings the measurement takes ({@link MeshRichardson#ratio}). */
	private double ratio() {
		return MeshRichardson.ratio(mesh.shells(), mesh.volumes(), mesh.finerShells(), mesh.finerVolumes());
	}

	/** The ratio of the fine and the finest mesh's spacings. */
	private double finestRatio() {
		return MeshRichardson.ratio(mesh.finerShells(), mesh.finerVolumes(), onceMore.shells(), onceMore.volumes());
	}

	/** The discharge capacity [mAh/cm2] of each cycle with one, by cycle. */
	private static java.util.Map<Integer, Double> discharges(JsonObject part) {
		java.util.Map<Integer, Double> c = new java.util.HashMap<>();
		for (Summary.Cycle x : Summary.of(part).cycles())
			if (x.dischargeMAhCm2() > 0) c.put(x.index(), x.dischargeMAhCm2());
		return c;
	}

	/** Per cycle with a discharge on both meshes: both capacities [mAh/cm2], the extrapolated one, the fine run's error. */
	private List<MeshRichardson.Cycle> measure() {
		double r = ratio();
		if (!(r > 1)) return List.of();
		java.util.Map<Integer, Double> c = discharges(coarse);
		List<MeshRichardson.Cycle> out = new java.util.ArrayList<>();
		for (Summary.Cycle f : Summary.of(fine).cycles()) {
			Double x = c.get(f.index());
			if (x != null && f.dischargeMAhCm2() > 0) out.add(MeshRichardson.cycle(f.index(), x, f.dischargeMAhCm2(), r));
		}
		return out;
	}

	/**
	 * Per cycle with a discharge on the fine and the finest mesh: the finest run's error from the two, at the order the
	 * three runs observe where sound (where the coarse run has the cycle's discharge and every spacing was refined both
	 * times), else at the known order.
	 */
	private List<MeshRichardson.Cycle> measureFinest() {
		double r32 = finestRatio(), r21 = ratio();
		if (!(r32 > 1)) return List.of();
		boolean threeRuns = MeshRichardson.unrefined(mesh.shells(), mesh.volumes(), mesh.finerShells(), mesh.finerVolumes()) == null
				&& MeshRichardson.unrefined(mesh.finerShells(), mesh.finerVolumes(), onceMore.shells(), onceMore.volumes()) == null;
		java.util.Map<Integer, Double> c = discharges(coarse), f = discharges(fine);
		List<MeshRichardson.Cycle> out = new java.util.ArrayList<>();
		for (Summary.Cycle x : Summary.of(finest).cycles()) {
			Double q2 = f.get(x.index()), q1 = c.get(x.index());
			if (q2 == null || !(x.dischargeMAhCm2() > 0)) continue;
			out.add(threeRuns && q1 != null ? MeshRichardson.cycle(x.index(), q1, q2, x.dischargeMAhCm2(), r21, r32)
					: MeshRichardson.cycle(x.index(), q2, x.dischargeMAhCm2(), r32));
		}
		return out;
	}

	/** The cycle whose measured error is largest (null: none measured). */
	private static MeshRichardson.Cycle worst(List<MeshRichardson.Cycle> measured) {
		MeshRichardson.Cycle w = null;
		for (MeshRichardson.Cycle x : measured)
			if (Double.isFinite(x.fineError()) && (w == null || x.fineError() > w.fineError())) w = x;
		return w;
	}

	/** The cycle whose fine run's measured error is largest (null: none measured). */
	private MeshRichardson.Cycle worstMeasured() {
		return worst(measured);
	}

	/**
	 * The block that would take every cycle measured within the target (the warnings name it): {@link MeshRichardson#block}
	 * of the worst cycle at the order it was measured at, not capped; null where every cycle is within the target.
	 */
	private static MeshRichardson.Block block(List<MeshRichardson.Cycle> measured, int shells, int volumes) {
		MeshRichardson.Cycle w = worst(measured);
		return w == null ? null : MeshRichardson.block(w.fineError(), w.order(), shells, volumes, AccuracyTarget.CAPACITY, Integer.MAX_VALUE, Integer.MAX_VALUE);
	}

	/** The measured run's error as the warnings and notes give the order: "order 2", "order 1.6, observed from the three runs". */
	private static String order(MeshRichardson.Cycle x) {
		if (Double.isNaN(x.observed())) return "order " + Figures.text(x.order(), "%.0f");
		if (x.observed() >= MeshRichardson.ORDER)
			return "order " + Figures.text(x.order(), "%.0f") + ", the three runs observing " + Figures.text(x.observed(), "%.2f");
		return "order " + Figures.text(x.order(), "%.2f") + " observed from the three runs";
	}

	/**
	 * The ACCURACY warnings of the result's measured error beyond the target (the fine run's, or the finest run's where
	 * it was taken): the first cycle's, naming its step (the coarse run's estimate's: the same steps), the figure, what was
	 * measured and a solver block that would take every cycle within the target; the later cycles' counted in one message
	 * (as CutoffSensitivity counts its own).
	 */
	List<String> measuredWarnings() {
		return finestTaken() ? warnings(finestMeasured, fineMesh(), finestMesh(), finestRatio(),
				MeshRichardson.unrefined(mesh.finerShells(), mesh.finerVolumes(), onceMore.shells(), onceMore.volumes()),
				block(finestMeasured, onceMore.shells(), onceMore.volumes()), finestSeconds)
				: warnings(measured, coarseMesh(), fineMesh(), ratio(),
						MeshRichardson.unrefined(mesh.shells(), mesh.volumes(), mesh.finerShells(), mesh.finerVolumes()), named, fineSeconds);
	}

	private List<String> warnings(List<MeshRichardson.Cycle> measured, String lower, String upper, double ratio, String unrefined, MeshRichardson.Block b,
			double seconds) {
		List<MeshRichardson.Cycle> beyond = measured.stream().filter(x -> x.fineError() > AccuracyTarget.CAPACITY).toList();
		if (beyond.isEmpty() || b == null) return List.of();
		MeshRichardson.Cycle x = beyond.get(0), w = worst(measured);
		String where = mesh.steps().getOrDefault(x.cycle(), "cycle " + x.cycle());
		double it = x.fineError() * Math.max(Math.pow(mesh2(upper)[0] / (double) b.shells(), x.order()),
				Math.pow(mesh2(upper)[1] / (double) b.volumes(), x.order()));
		List<String> out = new java.util.ArrayList<>();
		out.add("ACCURACY: warning: " + where + ": mesh: measured from the " + (lower.equals(coarseMesh()) ? "two runs" : lower + " and " + upper + " runs")
				+ ", the " + upper + " mesh's discharge of " + cap(x.fine())
				+ " mAh/cm2 is about " + Figures.text(100 * x.fineError(), "%.2f") + " % off (target "
				+ Figures.text(100 * AccuracyTarget.CAPACITY, "%.1f") + " %): the " + lower + " run's " + cap(x.coarse()) + " and this "
				+ cap(x.fine()) + " mAh/cm2 extrapolate to " + cap(x.extrapolated()) + " (Richardson, " + order(x)
				+ ", spacings " + Figures.text(ratio, "%.3g") + "x finer" + (unrefined != null ? "; the " + unrefined + "' error not measured, not refined" : "")
				+ "); solver { particle-nodes = " + b.shells() + "  cathode-nodes = " + b.volumes() + " } would take it to about " + Figures.text(100 * it, "%.2f")
				+ " %" + (w != x ? " and cycle " + w.cycle() + "'s " + Figures.text(100 * w.fineError(), "%.2f") + " % to about " + Figures.text(100 * b.then(), "%.2f") + " %" : "")
				+ " (the " + upper + " run took " + String.format(Locale.ROOT, "%.2f s", seconds)
				+ (onceMore != null && upper.equals(finestMesh()) && capped() ? "; the run once more " + capClause() : "") + ")");
		if (beyond.size() > 1) {
			double m = beyond.stream().skip(1).mapToDouble(MeshRichardson.Cycle::fineError).max().orElse(0);
			int n = beyond.size() - 1;
			out.add(String.format(Locale.ROOT, "ACCURACY: warning: %d later cycle%s measured beyond the target too on the %s mesh (up to %s %% of the capacity), the last cycle %d",
					n, n == 1 ? "'s capacity" : "s' capacities", upper, Figures.text(100 * m, "%.2f"), beyond.get(n).cycle()));
		}
		return out;
	}

	/** "72 x 64" as {72, 64}. */
	private static int[] mesh2(String m) {
		String[] p = m.split(" x ");
		return new int[] { Integer.parseInt(p[0]), Integer.parseInt(p[1]) };
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
		swap(folder, COARSE, fineFolder, coarseSummary, recordedIn);
	}

	/**
	 * The run once more taken: the fine run's files into {@value #FINE}/ with its summary, the finest run's up from
	 * {@value #FINEST}/ into the run folder.
	 */
	void swapFinest(Path folder, Path finestFolder, Summary fineSummary, Path recordedIn) {
		swap(folder, FINE, finestFolder, fineSummary, recordedIn);
	}

	/** The run folder's result's files into {@code keptIn}/ with its summary, those of {@code from} up into the run folder. */
	private static void swap(Path folder, String keptIn, Path from, Summary keptSummary, Path recordedIn) {
		Path c = folder.resolve(keptIn);
		try {
			Files.createDirectories(c);
			for (String f : List.of(RunFiles.TIMESERIES, RunFiles.CYCLES))
				if (Files.exists(folder.resolve(f))) Files.move(folder.resolve(f), c.resolve(f));
			keptSummary.write(c, recordedIn.resolve(keptIn));
			List<Path> files;
			try (Stream<Path> s = Files.list(from)) {
				files = s.filter(Files::isRegularFile).toList();
			}
			for (Path f : files) Files.move(f, folder.resolve(f.getFileName()));
			Files.delete(from);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The run's interruption when the re-run (or the run once more) was cancelled ({@code reason}: the cancel's). */
	String interruption(String reason) {
		if (finestStatus != null)
			return reason + " while re-running once more, on the " + finestMesh() + " mesh: the results are the " + fineMesh() + " mesh's, complete ("
					+ FINEST + "/ holds that run up to then, " + COARSE + "/ the " + coarseMesh() + " run)";
		return reason + " while re-running on the " + fineMesh() + " mesh: the results are the " + coarseMesh() + " mesh's, complete ("
				+ FINE + "/ holds the re-run up to then)";
	}

	/**
	 * The fine run's own solver part as its summary in {@value #FINE}/ holds it once the run once more was taken: its
	 * messages with the measured warnings of its error in place of its own estimate's (as the coarse run's summary keeps
	 * its estimate's warning).
	 */
	JsonObject fineKept() {
		JsonObject o = fine.deepCopy();
		JsonArray before = o.has(MESSAGES) ? o.getAsJsonArray(MESSAGES) : new JsonArray(), msgs = new JsonArray();
		for (String w : warnings(measured, coarseMesh(), fineMesh(), ratio(),
				MeshRichardson.unrefined(mesh.shells(), mesh.volumes(), mesh.finerShells(), mesh.finerVolumes()), named, fineSeconds))
			msgs.add(w);
		// its own estimate gives way to the error its two runs measure, as in the result's summary (recorded)
		for (var m : before)
			if (measured.isEmpty() || !CutoffSensitivity.isEstimateWarning(m.getAsString())) msgs.add(m);
		o.add(MESSAGES, msgs);
		return o;
	}

	/**
	 * The solver part of the run's summary (the result's: the finest run's, the re-run's, or the coarse run's) with the
	 * notes among its messages (first where taken, in place of the warning of the run it replaced; after the warning
	 * where not) and the record.
	 */
	JsonObject recorded(JsonObject part) {
		JsonObject o = part.deepCopy();
		JsonArray before = o.has(MESSAGES) ? o.getAsJsonArray(MESSAGES) : new JsonArray(), msgs = new JsonArray();
		if (taken()) {
			msgs.add(note());
			if (finestTaken()) msgs.add(finestNote());
			for (String w : measuredWarnings()) msgs.add(w);
		}
		// the fine run's own estimate (CutoffSensitivity's, from its cut-offs) gives way to the error its two runs measure
		for (var m : before)
			if (!(taken() && !measured.isEmpty() && CutoffSensitivity.isEstimateWarning(m.getAsString()))) msgs.add(m);
		if (!taken()) msgs.add(note());
		else if (finestStatus != null && !finestTaken()) msgs.add(finestNote());
		o.add(MESSAGES, msgs);
		o.add(MESH_RERUN, record());
		return o;
	}

	/** The note of the run once more: why, what moved, what it measured, where the fine run is kept (or why it is the result). */
	String finestNote() {
		MeshRichardson.Cycle w0 = worstMeasured();
		String block = "solver { particle-nodes = " + onceMore.shells() + "  cathode-nodes = " + onceMore.volumes() + " }";
		String why = "measured from the two runs, the " + fineMesh() + " mesh's discharge" + (measured.size() > 1 ? " of cycle " + w0.cycle() : "")
				+ " is about " + Figures.text(100 * w0.fineError(), "%.2f") + " % off (target " + Figures.text(100 * AccuracyTarget.CAPACITY, "%.1f") + " %)"
				+ (capped() ? "; " + capClause() : "");
		if (!finestTaken())
			return "INFO: note: re-run once more, on the " + finestMesh() + " mesh (" + block + "), because " + why + ", and that run "
					+ ("CANCELLED".equals(finestStatus) ? "was cancelled" : "ended " + finestStatus + (finestError != null ? " (" + finestError + ")" : ""))
					+ ": the results are the " + fineMesh() + " mesh's (the warning above); that run's up to then are in " + FINEST + "/";
		String moved = moved(fine, finest);
		MeshRichardson.Cycle w = worst(finestMeasured);
		if (w != null && w.fineError() <= AccuracyTarget.CAPACITY)
			moved += "; measured from the " + fineMesh() + " and " + finestMesh() + " runs (Richardson, " + order(w) + "), the " + finestMesh()
					+ " run is within " + Figures.text(100 * w.fineError(), "%.2f") + " %" + (finestMeasured.size() > 1 ? " (largest: cycle " + w.cycle() + ")" : "");
		return "INFO: note: re-run once more, on the " + finestMesh() + " mesh (as " + block + " gives), because " + why + "; " + moved + "; the "
				+ fineMesh() + " run is kept in " + FINE + "/ (" + String.format(Locale.ROOT, "the run once more %.2f s", finestSeconds) + ")";
	}

	/** What a run on a finer mesh moved: the first discharge, and the last where it is another cycle's. */
	private static String moved(JsonObject before, JsonObject after) {
		double f0 = first(before), f1 = first(after), l0 = last(before), l1 = last(after);
		Summary.FullDischarge fd = Summary.of(after).firstDischarge(), ld = Summary.of(after).lastDischarge();
		String moved = "the first discharge" + fd.where() + " moved " + cap(f0) + " -> " + cap(f1) + " mAh/cm2 (" + pct(change(f0, f1)) + ")";
		if (ld.cycle() != fd.cycle() && !Double.isNaN(l1))
			moved += ", the last" + ld.where() + " " + cap(l0) + " -> " + cap(l1) + " mAh/cm2 (" + pct(change(l0, l1)) + ")";
		return moved;
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
		String moved = moved(coarse, fine);
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
		r.add(MR_FINE, side(mesh.finerShells(), mesh.finerVolumes(), fine, fineSeconds, taken() && !finestTaken() ? "." : FINE));
		num(r, MR_FIRST_CHANGE, change(first(coarse), first(fine)));
		num(r, MR_LAST_CHANGE, change(last(coarse), last(fine)));
		r.addProperty(MR_STATUS, fineStatus);
		if (taken()) r.add(MR_MEASURED, measuredRecord(measured, ratio(),
				MeshRichardson.unrefined(mesh.shells(), mesh.volumes(), mesh.finerShells(), mesh.finerVolumes()), false));
		if (finestStatus != null) r.add(MR_FINEST, finestRecord());
		return r;
	}

	/** The run once more ({@link org.cellwright.solver.output.SummaryKeys#MR_FINEST}). */
	private JsonObject finestRecord() {
		JsonObject o = side(onceMore.shells(), onceMore.volumes(), finest, finestSeconds, finestTaken() ? "." : FINEST);
		MeshRichardson.Cycle w = worstMeasured();
		o.addProperty(MR_REASON, String.format(Locale.ROOT, "the %s mesh's capacity error measured at %.3f %% from the two runs%s, beyond the target %s %%",
				fineMesh(), 100 * w.fineError(), measured.size() > 1 ? " (cycle " + w.cycle() + ")" : "", Figures.text(100 * AccuracyTarget.CAPACITY, "%.1f")));
		num(o, MR_FIRST_CHANGE, change(first(fine), first(finest)));
		num(o, MR_LAST_CHANGE, change(last(fine), last(finest)));
		o.addProperty(MR_STATUS, finestStatus);
		if (finestTaken()) o.add(MR_MEASURED, measuredRecord(finestMeasured, finestRatio(),
				MeshRichardson.unrefined(mesh.finerShells(), mesh.finerVolumes(), onceMore.shells(), onceMore.volumes()), true));
		return o;
	}

	/**
	 * An error measured from two runs ({@link org.cellwright.solver.output.SummaryKeys#MR_MEASURED}): of the fine run from
	 * the coarse and the fine, or ({@code three}) of the finest from the fine and the finest, at the order three observe
	 * where sound.
	 */
	private static JsonObject measuredRecord(List<MeshRichardson.Cycle> measured, double ratio, String unrefined, boolean three) {
		JsonObject m = new JsonObject();
		num(m, MR_ORDER, measured.stream().mapToDouble(MeshRichardson.Cycle::order).min().orElse(MeshRichardson.ORDER));
		m.addProperty(MR_ORDER_SOURCE, three
				? "observed from the three runs per cycle (observed_order) where they converge monotonically, taken where below the known "
						+ Figures.text(MeshRichardson.ORDER, "%.0f") + " (never below " + Figures.text(MeshRichardson.LOWEST_ORDER, "%.1f")
						+ "), else the known: the smallest taken here"
				: "known: the meshes' (finite volumes, second order); two runs give no observed order");
		num(m, MR_RATIO, ratio);
		m.addProperty(MR_UNREFINED, unrefined);
		JsonArray a = new JsonArray();
		for (MeshRichardson.Cycle x : measured) {
			JsonObject c = new JsonObject();
			c.addProperty(MR_CYCLE, x.cycle());
			num(c, MR_COARSE_CAP, x.coarse());
			num(c, MR_FINE_CAP, x.fine());
			num(c, MR_EXTRAPOLATED, x.extrapolated());
			num(c, MR_FINE_ERROR, x.fineError());
			if (three) {
				num(c, MR_ORDER, x.order());
				num(c, MR_OBSERVED_ORDER, x.observed());
			}
			a.add(c);
		}
		m.add(MR_CYCLES, a);
		MeshRichardson.Cycle w = worst(measured);
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

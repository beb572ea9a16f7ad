package org.cellwright.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.folder.Summary;
import org.cellwright.run.store.Changes;
import org.cellwright.run.store.RunStore;
import org.cellwright.solver.CathodeVolumes;
import org.cellwright.solver.OutputInterval;
import org.cellwright.solver.ParticleShells;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.json.InputsJson;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Whether a kept run still shows what its {@code .cell} file, as saved now, would run: the run's experiment (or sweep
 * variant) is resolved again from the file it names (with the files beside it, as a run reads them) and the hash of
 * the resolved inputs compared with the run's ({@code run.inputs_hash}; provenance is not hashed, so moving the
 * experiment in its file or running it again later changes nothing). The IDE's Results view says so above the charts,
 * naming the file whose content changed the inputs ({@link ChangedFiles}: an imported file's cell, say, not the
 * experiment's file).
 */
public final class Staleness {
	private Staleness() {}

	/**
	 * Null when the run is current or cannot be told (no source file or hash recorded, a source path relative to a
	 * working folder other than this process's: neither the file nor its folder found from here; a file gone from
	 * where it ran while its project holds several of its name);
	 * otherwise why it is out of date, in one sentence: what changed in the inputs, that its file has errors now, that
	 * its experiment is gone, or that its file is gone.
	 */
	public static String of(Summary.Run run, Path folder) {
		if (run == null || run.sourceFile() == null || run.inputsHash() == null || run.inputsHash().isEmpty() || run.name() == null)
			return null;
		Path source = Path.of(run.sourceFile());
		// a file renamed or moved with its history (RunStore.moveHistory), or moved into another folder of its project:
		// the run names the old file, its results folder the new name, the project the new place
		Path renamed = renamedSource(source, folder);
		if (renamed == SEVERAL) return null; // several files of its name in its project: which one ran cannot be told
		if (renamed != null) source = renamed;
		else if (!source.isAbsolute()) {
			// named relative to the working folder of the process that ran it (Problem.display): this process's, or unknown
			source = Problem.located(run.sourceFile());
			// named relative to another working folder (not even its folder is here): cannot be told; its folder here
			// without it: the file is gone (renamed, deleted), as for a file named absolutely (a run of an IDE started
			// above its workspace said nothing when its file was renamed)
			if (!Files.isRegularFile(source) && (source.getParent() == null || !Files.isDirectory(source.getParent()))) return null;
		}
		String file = source.getFileName().toString();
		if (!Files.isRegularFile(source)) return "Out of date: " + file + ", which this run ran, is gone (" + source + ").";
		try {
			CellFiles loaded = CellFiles.load(CellFiles.withSiblings(source));
			List<Problem> errors = loaded.problemsOf(source.toAbsolutePath().normalize()).stream().filter(Problem::isError).toList();
			if (!errors.isEmpty())
				return "Out of date: " + file + " was changed since this run and has errors now (" + errors.get(0).format() + ").";
			String group = run.name().contains("/") ? run.name().substring(0, run.name().indexOf('/')) : run.name();
			List<RunGroup> groups = Plans.of(loaded.runnables(group));
			RunUnit now = groups.stream().flatMap(g -> g.units().stream()).filter(u -> u.name().equals(run.name())).findFirst().orElse(null);
			if (now == null) return "Out of date: " + file + " no longer runs " + run.name() + ".";
			if (now.hash().equals(run.inputsHash())) return null;
			JsonObject before = recorded(now, folder), after = before == null ? null : InputsJson.toJson(now.inputs());
			String mesh = meshOnly(before, after, now);
			if (mesh != null) return "Out of date: " + file + mesh;
			// the files whose content changed the inputs (an imported file's cell or material, not the experiment's file)
			List<String> files = before == null ? List.of()
					: ChangedFiles.of(before, after, now, loaded.runnables(group).stream().filter(e -> group.equals(e.getName())).findFirst().orElse(null));
			String where = files.isEmpty() ? "the inputs of " + run.name() + " (" + file + " or a file it imports)"
					: "the inputs in " + String.join(" and ", files);
			return "Out of date: " + where + " changed since this run" + change(before, after) + "; run it again for results of the file as saved.";
		} catch (RuntimeException e) {
			return null; // a file that cannot be resolved now: its run cannot say either way
		}
	}

	/**
	 * The file a run's history moved to with a rename or a move (RunStore.moveHistory, the IDE's rename and move
	 * participants), where the source the run names (absolute) is gone: the file its history folder is keyed by
	 * ({@link RunStore#historyOf}; a file in a folder of its project: {@code results/a/t.cell/} is {@code a/t.cell}); for
	 * a history named after the file alone ({@code results/t/}), the file {@code t.cell} beside the gone one, else the one
	 * file of that name in the project that holds the results folder with no history of its own ({@code results/} and
	 * hidden folders left out: a file moved into a folder before its history was keyed by its path). Null when there is
	 * none; {@link #SEVERAL} when there are more than one (which of them ran cannot be told).
	 */
	private static Path renamedSource(Path source, Path folder) {
		if (!source.isAbsolute() || folder == null || Files.isRegularFile(source) || source.getParent() == null) return null;
		RunStore.History h = RunStore.historyOf(folder);
		if (h == null) return null;
		if (h.inFolder()) return Files.isRegularFile(h.cellFile()) ? h.cellFile() : null;
		String file = h.key() + ".cell";
		Path candidate = source.resolveSibling(file);
		if (!candidate.equals(source) && Files.isRegularFile(candidate)) return candidate;
		List<Path> found = moved(h.project(), h.results(), file).stream()
				.filter(f -> !Files.isDirectory(h.results().resolve(RunStore.historyKey(h.project(), f)))).toList();
		return found.size() == 1 ? found.get(0) : found.isEmpty() ? null : SEVERAL;
	}

	/** What {@link #renamedSource} gives when the project holds several files of the name. */
	private static final Path SEVERAL = Path.of("several");

	/** How deep below a project a moved file is looked for (folders of folders of .cell files, not a whole disk). */
	private static final int MOVED_DEPTH = 6;

	/** The files named {@code file} in the tree of {@code project}, its run store and hidden folders left out. */
	private static List<Path> moved(Path project, Path results, String file) {
		List<Path> found = new java.util.ArrayList<>();
		try {
			Files.walkFileTree(project, java.util.Set.of(), MOVED_DEPTH, new java.nio.file.SimpleFileVisitor<>() {
				@Override
				public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
					boolean skip = !dir.equals(project) && (dir.equals(results) || dir.getFileName().toString().startsWith("."));
					return skip ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
				}

				@Override
				public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes attrs) {
					if (attrs.isRegularFile() && f.getFileName().toString().equals(file)) found.add(f);
					return java.nio.file.FileVisitResult.CONTINUE;
				}

				@Override
				public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) {
					return java.nio.file.FileVisitResult.CONTINUE;
				}
			});
		} catch (IOException e) {
			return List.of();
		}
		return found;
	}

	/**
	 * Where the inputs differ in the mesh alone, the particle shells or the cathode's control volumes or both, and the
	 * file leaves those that differ to the protocol (no {@code particle-nodes}, {@code cathode-nodes} in its solver
	 * block): what CellWright chose changed, not the file. Such a run is out of date all the same (the mesh is an input
	 * of the solve: running it again changes its numbers, by the mesh's error), said in plain words; null otherwise.
	 * Runs made before session 31 took 32 shells, where the protocol now chooses 20 for gentle currents and 48 for the
	 * steepest; runs made in sessions 31 and 32 took 32 where it now chooses 48 ({@link ParticleShells}, session 33);
	 * runs made before session 34 took 20 cathode volumes, where it now chooses 40 for a large ohmic drop across the
	 * cathode ({@link CathodeVolumes}), and runs made in session 34 before it took 32 shells where it now chooses 48 for
	 * such a drop too ({@link ParticleShells}). The interval between the samples is chosen from the protocol too where the
	 * file sets no {@code output-interval} ({@link OutputInterval}: since session 36 each step's own, inputs.json's
	 * {@code output_interval} the rule; session 35 one for the run, the shortest step's; 60 s before for every
	 * protocol): a run whose interval moved alone is out of date as well, said so (the solution it samples is the same).
	 */
	private static String meshOnly(JsonObject before, JsonObject after, RunUnit now) {
		if (before == null || after == null || now.experiment() == null) return null;
		SolverSettings set = SimulationInputs.settings(now.experiment());
		Integer shellsRan = nodes(before, PARTICLE_NODES), shells = nodes(after, PARTICLE_NODES);
		Integer volumesRan = nodes(before, CATHODE_NODES), volumes = nodes(after, CATHODE_NODES);
		boolean shellsMoved = shellsRan != null && shells != null && !shellsRan.equals(shells);
		boolean volumesMoved = volumesRan != null && volumes != null && !volumesRan.equals(volumes);
		// the interval recorded moved: another one for every step, or each step's own now (the rule, no output_interval_s)
		Double intervalRan = seconds(before, OUTPUT_INTERVAL), interval = seconds(after, OUTPUT_INTERVAL);
		boolean intervalMoved = intervalRan != null && (interval != null ? !intervalRan.equals(interval)
				: after.get(SOLVER_SETTINGS) instanceof JsonObject s && s.has(OUTPUT_INTERVAL_RULE));
		if (!shellsMoved && !volumesMoved && !intervalMoved || shellsMoved && set.particleNodes() != SolverSettings.PARTICLE_NODES_FROM_PROTOCOL
				|| volumesMoved && set.cathodeNodes() != SolverSettings.CATHODE_NODES_FROM_PROTOCOL
				|| intervalMoved && set.outputInterval() != SolverSettings.OUTPUT_INTERVAL_FROM_PROTOCOL)
			return null;
		JsonObject a = before.deepCopy(), b = after.deepCopy();
		for (JsonObject o : List.of(a, b)) {
			o.getAsJsonObject(SOLVER_SETTINGS).remove(PARTICLE_NODES);
			o.getAsJsonObject(SOLVER_SETTINGS).remove(CATHODE_NODES);
			o.getAsJsonObject(SOLVER_SETTINGS).remove(OUTPUT_INTERVAL);
			o.getAsJsonObject(SOLVER_SETTINGS).remove(OUTPUT_INTERVAL_RULE);
		}
		if (!Changes.between(a, b).isEmpty()) return null;
		String sampling = !intervalMoved ? "" : (interval != null ? "records a sample every " + seconds(interval) + " s for its protocol"
				: "records each step's samples at the step's own interval") + " where this run recorded one every "
				+ seconds(intervalRan) + " s (the file sets no output-interval: each step gets "
				+ OutputInterval.SAMPLES_PER_STEP + " samples over its nominal duration, at least " + seconds(OutputInterval.SHORTEST)
				+ " s apart, a step without one a sample every " + seconds(OutputInterval.WITHOUT_DURATION) + " s; earlier versions sampled"
				+ " a whole run at one interval, " + seconds(OutputInterval.WITHOUT_DURATION) + " s or its shortest step's)";
		if (!shellsMoved && !volumesMoved)
			return " is as this run ran it, but CellWright now " + sampling + ": running it again records the same solution at other times.";
		String mesh = meshMoved(shellsRan, shells, shellsMoved, volumesRan, volumes, volumesMoved);
		return intervalMoved ? mesh + " It also " + sampling + "." : mesh;
	}

	/** The sentence of {@link #meshOnly} where the shells or the cathode volumes or both moved. */
	private static String meshMoved(Integer shellsRan, Integer shells, boolean shellsMoved, Integer volumesRan, Integer volumes,
			boolean volumesMoved) {
		String steepest = ", the steepest and those whose ohmic drop across the cathode exceeds " + CathodeVolumes.FINE_FROM + " RT/F "
				+ ParticleShells.STEEPEST + ", those where it exceeds " + ParticleShells.NARROW_ZONE_FROM + " RT/F " + ParticleShells.NARROW_ZONE
				+ "; earlier versions took " + ParticleShells.STEEP + " where this rule takes " + ParticleShells.GENTLE + " or "
				+ ParticleShells.STEEPEST + ", and " + ParticleShells.STEEPEST + " where it takes " + ParticleShells.NARROW_ZONE;
		String shellRule = "gentle currents take " + ParticleShells.GENTLE + " shells, steep or cold ones " + ParticleShells.STEEP + steepest;
		String volumeRule = "currents whose ohmic drop across the cathode is at most " + CathodeVolumes.FINE_FROM + " RT/F take "
				+ CathodeVolumes.GENTLE + " volumes, larger ones " + CathodeVolumes.FINE + "; earlier versions took " + CathodeVolumes.GENTLE
				+ " for every protocol";
		if (volumesMoved && shellsMoved)
			return " is as this run ran it, but CellWright now takes " + shells + " particle shells and " + volumes + " cathode control volumes"
					+ " for its protocol where this run took " + shellsRan + " and " + volumesRan + " (the file leaves them to the protocol: "
					+ shellRule + "; " + volumeRule + "): running it again changes its numbers by the meshes' error only.";
		if (volumesMoved)
			return " is as this run ran it, but CellWright now takes " + volumes + " cathode control volumes for its protocol where this run took "
					+ volumesRan + " (the file leaves them to the protocol: " + volumeRule + "): running it again changes its numbers by the"
					+ " cathode mesh's error only" + (volumes == CathodeVolumes.FINE ? " (" + CathodeVolumes.FINE + " volumes are within 0.07 % of"
							+ " the capacity of a fine reference run on the cold cases measured where the cell delivers a fifth of its capacity or more,"
							+ " and on the pulses of 0.55 C at -25 degC, where " + CathodeVolumes.GENTLE + " were 0.12 % off)." : ".");
		return " is as this run ran it, but CellWright now takes " + shells + " particle shells for its protocol where this run took " + shellsRan
				+ " (the file leaves them to the protocol: gentle currents take " + ParticleShells.GENTLE + ", steep or cold ones "
				+ ParticleShells.STEEP + steepest + "): running it again changes its numbers by the"
				+ " particle mesh's error only" + (shells == ParticleShells.GENTLE
						? " (" + ParticleShells.GENTLE + " shells are within 0.45 mV and 0.068 % of the capacity of a fine reference run)."
						: shells == ParticleShells.STEEPEST ? " (" + ParticleShells.STEEPEST + " shells are within 0.53 mV RMS and 0.090 % of the"
								+ " capacity of a fine reference run on every case measured)."
						: shells == ParticleShells.NARROW_ZONE ? " (" + ParticleShells.NARROW_ZONE + " shells are within 0.44 mV RMS and 0.075 % of"
								+ " the capacity of a fine reference run on the cold discharges measured, where " + ParticleShells.STEEPEST
								+ " were up to 0.135 % off)." : ".");
	}

	private static final String SOLVER_SETTINGS = "solver_settings", PARTICLE_NODES = "particle_nodes", CATHODE_NODES = "cathode_nodes",
			OUTPUT_INTERVAL = "output_interval_s", OUTPUT_INTERVAL_RULE = "output_interval";

	/** A time inputs.json records ({@value #SOLVER_SETTINGS}.{@code key}) [s], or null. */
	private static Double seconds(JsonObject inputs, String key) {
		try {
			return inputs.get(SOLVER_SETTINGS) instanceof JsonObject s && s.get(key) != null ? s.get(key).getAsDouble() : null;
		} catch (RuntimeException e) {
			return null;
		}
	}

	/** Seconds as a sentence says them: three digits at most, no trailing zeros ("14.4", "60"). */
	private static String seconds(double s) {
		return new java.math.BigDecimal(s).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
	}

	/** A mesh's number inputs.json records ({@value #SOLVER_SETTINGS}.{@code key}), or null. */
	private static Integer nodes(JsonObject inputs, String key) {
		try {
			return inputs.get(SOLVER_SETTINGS) instanceof JsonObject s && s.get(key) != null ? s.get(key).getAsInt() : null;
		} catch (RuntimeException e) {
			return null;
		}
	}

	/** The run's inputs.json, or null when not told (a DFN run, no inputs.json, one that cannot be read). */
	private static JsonObject recorded(RunUnit now, Path folder) {
		if (now.dfn() != null || folder == null) return null;
		Path json = folder.resolve(RunFiles.INPUTS);
		if (!Files.isRegularFile(json)) return null;
		try {
			return JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
		} catch (IOException | RuntimeException e) {
			return null;
		}
	}

	/** " (what changed)" between the run's inputs and the inputs now, or "" when not told. */
	private static String change(JsonObject before, JsonObject after) {
		if (before == null) return "";
		String text = Changes.text(Changes.between(before, after));
		return text.isEmpty() ? "" : " (" + text + ")";
	}
}

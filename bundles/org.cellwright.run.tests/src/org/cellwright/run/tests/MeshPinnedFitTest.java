package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;

import org.cellwright.fit.FitOptions;
import org.cellwright.run.Cancel;
import org.cellwright.run.CellFiles;
import org.cellwright.run.RunExecutor;
import org.cellwright.run.RunUnit;
import org.cellwright.run.RunWriter;
import org.cellwright.run.fit.Fits;
import org.cellwright.run.store.RunStore;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.output.SummaryKeys;
import org.cellwright.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A fit evaluates every point of a target on one mesh (session 39): a cold target on the mesh the solver chose, whose
 * capacity that mesh may miss, is re-run on 48 x 40 (MeshRerun), and an evaluation re-run beside one that is not (or on
 * another mesh the solver chose for other values) would make the objective jump by the mesh's error. The first
 * evaluation decides; every later one runs on its mesh, set, and fit.json says so. The target: cell 6 of the study
 * (examples/sung2023/full-cells.cell) at -32 degC, four 0.3 C pulses after a 0.1 C charge (MeshRerunTest's: the solver
 * chooses 20 x 20, estimated 0.46 % off).
 */
class MeshPinnedFitTest {

	static final Path EXAMPLES = Path.of(System.getProperty("cellwright.examples", "../../examples"));

	@TempDir Path tmp;

	/** What each simulation of the fit ran on and whether it was re-run. */
	record Evaluation(String mesh, boolean chosen, boolean reRun, String resultMesh) {}

	@Test
	void aColdTargetIsEvaluatedOnTheFirstEvaluationsMeshEveryTimeAndTheFitSaysSo() throws Exception {
		Files.copy(EXAMPLES.resolve("sung2023/full-cells.cell"), tmp.resolve("full-cells.cell"));
		Path f = Cli.write(tmp.resolve("cold.cell"), """
				package cold
				import sung2023.cells.*
				cell Cold extends Cell6 { temperature = -32 degC }
				protocol Pulses {
					charge at 0.1 C until 4.3 V for 15 h
					repeat 4 { discharge at 0.3 C until 2.8 V for 900 s  rest for 1800 s }
				}
				experiment X { cell Cold protocol Pulses expect discharge-capacity of cycle 1 = 0.06 mAh/cm2 within 0.01 mAh/cm2 }
				fit F { estimate NCM811.exchange-current-density between 0.1 mA/cm2 and 0.6 mA/cm2 from 0.249 mA/cm2  target X expectations }
				""");
		CellFiles loaded = CellFiles.load(CellFiles.withSiblings(f));
		assertFalse(loaded.hasErrors(), loaded.problems().toString());
		List<Evaluation> evaluations = new CopyOnWriteArrayList<>();
		RunExecutor recording = new RunExecutor() {
			@Override
			public <T> Future<T> submit(Callable<T> unit) {
				throw new UnsupportedOperationException();
			}

			@Override
			public Future<RunWriter.Outcome> run(RunUnit unit, String runId, Path writing, ProgressListener progress, Cancel cancel, Runnable done) {
				RunWriter.Outcome o = RunWriter.write(unit, runId, writing, progress, cancel);
				JsonObject r = o.summary().json().getAsJsonObject(SummaryKeys.MESH_RERUN);
				String mesh = unit.inputs().settings().particleNodes() + " x " + unit.inputs().settings().cathodeNodes();
				JsonObject on = r == null ? null : r.has(SummaryKeys.MR_FINEST) ? r.getAsJsonObject(SummaryKeys.MR_FINEST) : r.getAsJsonObject(SummaryKeys.MR_FINE);
				String result = r == null ? mesh : on.get(SummaryKeys.MR_PARTICLE_NODES) + " x " + on.get(SummaryKeys.MR_CATHODE_NODES);
				evaluations.add(new Evaluation(mesh, unit.provenance().meshChosenBySolver(), r != null, result));
				done.run();
				return CompletableFuture.completedFuture(o);
			}

			@Override
			public int parallelism() {
				return 1;
			}

			@Override
			public void close() {}
		};
		Fits.Stored s = Fits.run(Fits.of(loaded, f, "F").get(0), f, new RunStore(tmp.resolve("fits")), null,
				FitOptions.defaults().withMaxEvaluations(8), recording, new Cancel(), new Fits.Listener() {});
		assertTrue(evaluations.size() >= 2, "evaluations: " + evaluations);
		// the first, on the 20 x 20 the solver chose, is re-run on 48 x 40 and, measured beyond the target there, once more
		// on 72 x 64 (session 40); every later one runs on 72 x 64, set
		assertEquals(new Evaluation("20 x 20", true, true, "72 x 64"), evaluations.get(0), "the first evaluation: " + evaluations);
		for (Evaluation e : evaluations.subList(1, evaluations.size()))
			assertEquals(new Evaluation("72 x 64", false, false, "72 x 64"), e, "every later evaluation on the first's mesh: " + evaluations);
		JsonObject fit = JsonParser.parseString(Files.readString(s.folder().resolve("fit.json"))).getAsJsonObject();
		JsonObject mesh = fit.getAsJsonArray("targets").get(0).getAsJsonObject().getAsJsonObject("mesh");
		assertNotNull(mesh, "fit.json says which mesh: " + fit.getAsJsonArray("targets"));
		System.out.println("MeshPinnedFitTest: " + evaluations.size() + " evaluations " + evaluations + "; fit.json targets[0].mesh " + mesh);
		assertEquals(72, mesh.get("particle_nodes").getAsInt());
		assertEquals(64, mesh.get("cathode_nodes").getAsInt());
		assertTrue(mesh.get("why").getAsString().startsWith("the first evaluation's: re-run on 48 x 40 (the capacity's mesh error estimated at"),
				mesh.toString());
		assertTrue(mesh.get("why").getAsString().contains(" and once more on 72 x 64 (the 48 x 40 mesh's capacity error measured at"), mesh.toString());
		// the target before and after, beside fit.json, on the same mesh, not re-run
		for (String side : List.of("before", "after")) {
			JsonObject in = JsonParser.parseString(Files.readString(s.folder().resolve(side).resolve("X").resolve("inputs.json"))).getAsJsonObject();
			assertEquals(72, in.getAsJsonObject("solver_settings").get("particle_nodes").getAsInt(), side);
			assertEquals(64, in.getAsJsonObject("solver_settings").get("cathode_nodes").getAsInt(), side);
			assertFalse(Files.exists(s.folder().resolve(side).resolve("X").resolve("coarse-mesh")), side + ": not re-run");
		}
	}
}

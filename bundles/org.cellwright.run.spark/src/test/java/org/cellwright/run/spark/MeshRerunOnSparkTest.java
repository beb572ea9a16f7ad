package org.cellwright.run.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.run.store.RunStore;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.testing.ColdPulses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * A run re-run on the finer mesh on a Spark worker (RunWriter, MeshRerun: session 38) comes back whole: the coarse
 * run's coarse-mesh/ (timeseries.csv, cycles.csv, summary.json) arrives in the driver's run folder with the rest, the
 * same as the local engine's (session 39), and since session 40 the 48 x 40 run's fine-mesh/ of a run re-run once more
 * (on 72 x 64). The cold pulses of run.tests' MeshRerunTest ({@link ColdPulses}: cell 6 at -32 degC, four 0.3 C
 * pulses after a 0.1 C charge; the solver chooses 20 x 20, estimated 0.46 % off), run again from an inputs.json
 * recorded before session 38 (no word on who chose the mesh: read from the mesh, the solver's choice).
 */
class MeshRerunOnSparkTest {

	@TempDir
	Path tmp;

	@Test
	void aRunReRunOnTheFinerMeshComesBackWithItsCoarseMeshFolder() throws Exception {
		JsonObject j = InputsJson.toJson(ColdPulses.recordedInSession37());
		j.getAsJsonObject("provenance").remove(InputsJson.MESH_FROM_PROTOCOL); // as a version before session 38 wrote it
		Path inputs = tmp.resolve("old").resolve("inputs.json");
		InputsJson.write(j, inputs);
		Path local = tmp.resolve("local"), spark = tmp.resolve("spark");
		Folders.Result l = Folders.cli("run", inputs.toString(), "--out", local.toString());
		assertEquals(0, l.rc(), l.out() + l.err());
		Folders.Result s = Folders.cli("run", inputs.toString(), "--out", spark.toString(), "--engine", "spark", "--master", "local[1]");
		assertEquals(0, s.rc(), s.out() + s.err());
		Path a = RunStore.latest(local.resolve("Pulses")), b = RunStore.latest(spark.resolve("Pulses"));
		assertNotNull(b, s.out());
		for (String f : List.of("timeseries.csv", "cycles.csv", "summary.json"))
			assertTrue(Files.isRegularFile(b.resolve("coarse-mesh").resolve(f)), "coarse-mesh/" + f + " came back from the worker: "
					+ Folders.files(b).keySet());
		// the same files as the local engine's run, the solver's tables to the byte, the coarse run's and the fine run's
		assertEquals(Folders.files(a).keySet(), Folders.files(b).keySet(), "the same files");
		for (String f : List.of("coarse-mesh/timeseries.csv", "coarse-mesh/cycles.csv", "timeseries.csv", "cycles.csv"))
			assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f);
		assertEquals(Folders.withoutWhen(a.resolve("coarse-mesh/summary.json")), Folders.withoutWhen(b.resolve("coarse-mesh/summary.json")));
		JsonObject rerun = Folders.withoutWhen(b.resolve("summary.json")).getAsJsonObject("mesh_rerun");
		assertNotNull(rerun, "re-run on the worker");
		assertEquals("coarse-mesh", rerun.getAsJsonObject("coarse").get("folder").getAsString(), rerun.toString());
		// measured beyond the target on 48 x 40, run once more on 72 x 64 on the worker (session 40): the 48 x 40 run's
		// fine-mesh/ comes back too, its tables the local engine's to the byte
		assertEquals("fine-mesh", rerun.getAsJsonObject("fine").get("folder").getAsString(), rerun.toString());
		assertEquals(".", rerun.getAsJsonObject("finest").get("folder").getAsString(), rerun.toString());
		for (String f : List.of("fine-mesh/timeseries.csv", "fine-mesh/cycles.csv"))
			assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f);
		assertEquals(Folders.withoutWhen(a.resolve("fine-mesh/summary.json")).get("cycles"),
				Folders.withoutWhen(b.resolve("fine-mesh/summary.json")).get("cycles"), "the 48 x 40 run's summary (its warning names its time)");
	}
}

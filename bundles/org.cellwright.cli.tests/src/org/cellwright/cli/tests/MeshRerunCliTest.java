package org.cellwright.cli.tests;

import static org.cellwright.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.testing.Cli.Result;
import org.cellwright.testing.ColdPulses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code ./cellwright run RUN/inputs.json} of a run recorded before session 38 (no word on who chose its mesh) on the
 * mesh the solver chooses, whose capacity that mesh may miss: re-run on the finer mesh as a run of its .cell file is
 * (session 39; before, an absent word read as a mesh set, never re-run), and the "results:" line names the coarse run's
 * folder (session 39: it did not), and since session 40 the 48 x 40 run's, fine-mesh/, where that was measured beyond
 * the target and the run re-run once more (on 72 x 64). The cold pulses of run.tests' MeshRerunTest ({@link ColdPulses}: cell 6 at
 * -32 degC, four 0.3 C pulses after a 0.1 C charge; the solver chooses 20 x 20, estimated 0.46 % off).
 */
class MeshRerunCliTest {

	@TempDir Path tmp;

	@Test
	void aRunRecordedBeforeTheMeshFlagIsReRunOnTheFinerMeshAndTheResultsLineNamesCoarseMesh() throws Exception {
		JsonObject j = InputsJson.toJson(ColdPulses.recordedInSession37());
		// as session 38 wrote it (the flag in the provenance): re-run, and the results line names the coarse run's folder
		JsonObject session38 = j.deepCopy();
		session38.getAsJsonObject("provenance").addProperty(InputsJson.MESH_FROM_PROTOCOL, true);
		Path recorded = tmp.resolve("s38").resolve("inputs.json");
		InputsJson.write(session38, recorded);
		Result r38 = cli("run", recorded.toString(), "--out", tmp.resolve("again38").toString());
		assertEquals(0, r38.rc(), r38.out() + r38.err());
		assertTrue(r38.out().contains("INFO: note: re-run on the 48 x 40 mesh"), r38.out());
		assertTrue(r38.out().lines().anyMatch(l -> l.matches("  results: .*/ \\(report\\.html, timeseries\\.csv, cycles\\.csv, summary\\.json,"
				+ " checks\\.json, inputs\\.json, mechanism-map\\.csv, coarse-mesh/, fine-mesh/\\)")),
				"the results line names coarse-mesh/ and fine-mesh/ (run once more, session 40): " + r38.out());
		// as a version before session 38 wrote it: no word on who chose
		j.getAsJsonObject("provenance").remove(InputsJson.MESH_FROM_PROTOCOL);
		assertNull(j.getAsJsonObject("solver_settings").get(InputsJson.MESH_FROM_PROTOCOL), "the solver's choice: no word in the hash");
		Path old = tmp.resolve("old").resolve("inputs.json");
		InputsJson.write(j, old);
		Result r = cli("run", old.toString(), "--out", tmp.resolve("again").toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		Path run = CliTest.latest(tmp.resolve("again"), "Pulses");
		assertTrue(r.out().contains("INFO: note: re-run on the 48 x 40 mesh"), "re-run on the finer mesh: " + r.out());
		assertTrue(r.out().lines().anyMatch(l -> l.matches("  results: .*/ \\(report\\.html, timeseries\\.csv, cycles\\.csv, summary\\.json,"
				+ " checks\\.json, inputs\\.json, mechanism-map\\.csv, coarse-mesh/, fine-mesh/\\)")),
				"the results line names coarse-mesh/ and fine-mesh/: " + r.out());
		assertTrue(r.out().contains("INFO: note: re-run once more, on the 72 x 64 mesh"), "run once more: " + r.out());
		assertTrue(Files.isRegularFile(run.resolve("fine-mesh").resolve("summary.json")), "the 48 x 40 run kept: " + run);
		assertTrue(Files.isRegularFile(run.resolve("coarse-mesh").resolve("summary.json")), "the coarse run kept: " + run);
		// the re-run's record says the solver chose its mesh, as the run did (the hash as the run recorded it)
		JsonObject again = JsonParser.parseString(Files.readString(run.resolve("inputs.json"))).getAsJsonObject();
		assertTrue(again.getAsJsonObject("provenance").get(InputsJson.MESH_FROM_PROTOCOL).getAsBoolean(), again.get("provenance").toString());
		assertNull(again.getAsJsonObject("solver_settings").get(InputsJson.MESH_FROM_PROTOCOL));
	}
}

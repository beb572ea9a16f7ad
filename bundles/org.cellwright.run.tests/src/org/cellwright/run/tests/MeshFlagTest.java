package org.cellwright.run.tests;

import static org.cellwright.run.tests.MeshRerunTest.MINUS_32_C;
import static org.cellwright.run.tests.MeshRerunTest.pulses;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Map;

import org.cellwright.run.Cancel;
import org.cellwright.run.RunUnit;
import org.cellwright.run.RunWriter;
import org.cellwright.run.store.Changes;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.ResolvedInputs;
import org.cellwright.solver.output.SummaryKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * Who chose a run's mesh (session 39): a run on the mesh the solver chose may be re-run on a finer one (MeshRerun), a
 * run on the same mesh set in its solver block is not, so the two never share an inputs' hash; the hash of every other
 * run is as before; an inputs.json written before session 38, which does not say who chose, reads it from its mesh.
 * The cold pulses of MeshRerunTest: the solver chooses 20 x 20 for them.
 */
class MeshFlagTest {

	@TempDir Path tmp;

	static final SolverSettings SET_20_X_20 = SolverSettings.builder().particleNodes(20).cathodeNodes(20).build();

	/** inputs.json as a run records it, as a version before session 38 wrote it: no word on who chose the mesh. */
	static ResolvedInputs before38(RunUnit u) {
		JsonObject j = InputsJson.toJson(u.inputsAsRecorded());
		j.getAsJsonObject("provenance").remove(InputsJson.MESH_FROM_PROTOCOL);
		j.getAsJsonObject("solver_settings").remove(InputsJson.MESH_FROM_PROTOCOL);
		return InputsJson.parse(j.toString(), "inputs.json");
	}

	@Test
	void aMeshSetToTheSolversChoiceHashesApartFromTheChoiceAndOtherRunsKeepTheirHash() {
		RunUnit chosen = pulses(MINUS_32_C, 0.3, SolverSettings.defaults(), true), set = pulses(MINUS_32_C, 0.3, SET_20_X_20, false),
				fine = pulses(MINUS_32_C, 0.3, MeshRerunTest.FINE, false);
		assertEquals(chosen.inputs().settings(), set.inputs().settings(), "the same mesh: 20 x 20 chosen, 20 x 20 set");
		assertNotEquals(chosen.hash(), set.hash(), "one is re-run, the other not: they must not share a hash");
		// the word is written only where the mesh does not say it: the choice, and a mesh other than it, hash as before
		Map<String, JsonObject> settings = Map.of("chosen", InputsJson.toJson(chosen.inputs()).getAsJsonObject("solver_settings"),
				"set", InputsJson.toJson(set.inputs()).getAsJsonObject("solver_settings"),
				"fine", InputsJson.toJson(fine.inputs()).getAsJsonObject("solver_settings"));
		assertNull(settings.get("chosen").get(InputsJson.MESH_FROM_PROTOCOL), settings.toString());
		assertNull(settings.get("fine").get(InputsJson.MESH_FROM_PROTOCOL), settings.toString());
		assertFalse(settings.get("set").get(InputsJson.MESH_FROM_PROTOCOL).getAsBoolean(), settings.toString());
		assertEquals(chosen.hash(), RunWriter.hash(before38(chosen)), "an old record of the solver's choice hashes as its run did");
		assertEquals(fine.hash(), RunWriter.hash(before38(fine)), "an old record of a mesh set hashes as its run did");
		// read back, the word stands (a re-run from the folder behaves as the run did, and hashes as it)
		ResolvedInputs back = InputsJson.parse(InputsJson.toJson(set.inputsAsRecorded()).toString(), "inputs.json");
		assertFalse(back.provenance().meshChosenBySolver());
		assertEquals(set.hash(), RunWriter.hash(back));
	}

	@Test
	void anInputsJsonWrittenBeforeTheFlagReadsWhoChoseFromItsMeshAndIsReRunAsANewRunIs() throws Exception {
		ResolvedInputs old = before38(pulses(MINUS_32_C, 0.3, SolverSettings.defaults(), true));
		assertTrue(old.provenance().meshChosenBySolver(), "20 x 20 is what the solver chooses for the pulses: its choice");
		assertFalse(before38(pulses(MINUS_32_C, 0.3, MeshRerunTest.FINE, false)).provenance().meshChosenBySolver(),
				"48 x 40 is not what it chooses: set");
		RunWriter.Outcome o = RunWriter.write(new RunUnit("Pulses", null, old, null, false, Map.of()), "a", tmp.resolve("a"),
				ProgressListener.NONE, new Cancel());
		assertEquals("COMPLETED", o.status());
		JsonObject r = o.summary().json().getAsJsonObject(SummaryKeys.MESH_RERUN);
		assertNotNull(r, "re-run from its folder, as the run of its .cell file would be now: " + o.summary().messages());
		assertEquals(48, r.getAsJsonObject(SummaryKeys.MR_FINE).get(SummaryKeys.MR_PARTICLE_NODES).getAsInt());
	}

	/**
	 * What changed in who chose the mesh, as a stale run and a run's change say it (Changes.between), in a user's words:
	 * it read "solver mesh-from-protocol added: false" (session 39). Records of three generations against the file now
	 * setting 20 x 20, the solver's choice for the pulses: this version's record of the choice (was: chosen); a session-38
	 * record of the same block (its provenance says set, its hash did not: said so); a record from before session 38 of
	 * the same 20 x 20 (nothing says who chose: read as the choice, and said so). The way back says the other way.
	 */
	@Test
	void whoChoseTheMeshIsSaidInWordsForEachGenerationOfRecord() {
		RunUnit chosen = pulses(MINUS_32_C, 0.3, SolverSettings.defaults(), true), set = pulses(MINUS_32_C, 0.3, SET_20_X_20, false);
		JsonObject now = InputsJson.toJson(set.inputsAsRecorded()), choice = InputsJson.toJson(chosen.inputsAsRecorded());
		assertEquals(java.util.List.of("the solver mesh, set in the solver block (was: chosen from the protocol)"), Changes.between(choice, now));
		assertEquals(java.util.List.of("the solver mesh, chosen from the protocol (was: set in the solver block)"), Changes.between(now, choice));
		JsonObject session38 = now.deepCopy();
		session38.getAsJsonObject("solver_settings").remove(InputsJson.MESH_FROM_PROTOCOL); // its word in the provenance alone
		assertEquals(java.util.List.of("the solver mesh, set in the solver block as before, is an input since session 39 (a record of session 38"
				+ " kept who chose it out of the inputs' hash)"), Changes.between(session38, now));
		JsonObject before38 = session38.deepCopy();
		before38.getAsJsonObject("provenance").remove(InputsJson.MESH_FROM_PROTOCOL);
		assertEquals(java.util.List.of("the solver mesh, set in the solver block (was: chosen from the protocol, as a record from before"
				+ " session 38 reads a mesh that is the solver's choice: it does not say who chose)"), Changes.between(before38, now));
		assertEquals(java.util.List.of(), Changes.between(before38, choice), "the choice read from the mesh: no change");
	}
}

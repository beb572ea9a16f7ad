package org.cellwright.run.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.run.Cancel;
import org.cellwright.run.CellFiles;
import org.cellwright.run.Pipeline;
import org.cellwright.run.Plans;
import org.cellwright.run.RunGroup;
import org.cellwright.run.RunUnit;
import org.cellwright.run.folder.Summary;
import org.cellwright.run.store.RunStore;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.ResolvedInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** What goes wrong: a run that fails in the solver, a master that is not there. */
class FaultsTest {

	@TempDir
	Path tmp;

	/**
	 * A run whose solver fails every time (a cell without its separator, which the language would refuse but an edited
	 * inputs.json can carry) is one task, run once: its error comes back as the run's result (INVALID_INPUT, the solver's
	 * message in summary.json), not as a task failure that Spark retries up to spark.task.maxFailures; the other runs
	 * of the sweep are not affected.
	 */
	@Test
	void aRunThatFailsDeterministicallyIsReportedOnceWithItsError() throws Exception {
		Path f = Folders.write(tmp.resolve("s.cell"), Folders.sweep("1 MPa, 2 MPa", 0.1));
		PlainJava.setUp();
		RunGroup g = Plans.of(CellFiles.load(List.of(f)).runnables("Sw")).get(0);
		RunUnit good = g.units().get(0), bad = g.units().get(1);
		RunUnit broken = new RunUnit(bad.name(), bad.variant(), withoutSeparator(bad.inputs()), null, false, bad.parameters());
		RunGroup both = new RunGroup(g.name(), true, List.of(good, broken), List.of());
		List<Pipeline.Result> results;
		// local[2,4]: two threads, a task may fail 4 times before its job fails (as on a cluster)
		try (SparkRunExecutor spark = new SparkRunExecutor("local[2,4]")) {
			results = new Pipeline(new RunStore(tmp.resolve("out")), spark, new Cancel()).run(List.of(both), new Pipeline.Listener() {});
			assertEquals(2, spark.taskStarts(), "one task per run, none run again");
		}
		assertEquals("COMPLETED", results.get(0).outcome().status());
		Pipeline.Result failed = results.get(1);
		// the solver refuses the inputs (INVALID_INPUT; a solver exception would be FAILED): the run's result, said once
		assertEquals("INVALID_INPUT", failed.outcome().status());
		assertFalse(failed.outcome().finished());
		Summary s = Summary.read(failed.folder().resolve("summary.json"));
		assertTrue(s.messages().stream().anyMatch(m -> m.toLowerCase(java.util.Locale.ROOT).contains("separator")),
				"the solver's error in summary.json: " + s.messages());
		List<String> index = Files.readAllLines(tmp.resolve("out").resolve("runs.csv"));
		assertEquals(3, index.size(), "each run once in the index: " + index);
	}

	/** The inputs with the separator layer taken out (through their JSON form, as an edited inputs.json). */
	static ResolvedInputs withoutSeparator(ResolvedInputs in) {
		JsonObject j = InputsJson.toJson(in);
		JsonArray layers = j.getAsJsonObject("cell").getAsJsonArray("layers");
		JsonArray kept = new JsonArray();
		List<String> roles = new ArrayList<>();
		for (JsonElement l : layers) {
			String role = l.getAsJsonObject().get("role").getAsString();
			roles.add(role);
			if (!role.equalsIgnoreCase("separator")) kept.add(l);
		}
		assertEquals(layers.size() - 1, kept.size(), "one separator among " + roles);
		j.getAsJsonObject("cell").add("layers", kept);
		return InputsJson.parse(j.toString(), "edited inputs.json");
	}

	/** A standalone master that is not there: a clear error within seconds (a connection refused), nothing written. */
	@Test
	void anUnreachableMasterIsAClearErrorWithinSeconds() throws Exception {
		int port = Cluster.freePort(); // nothing listens there
		Path f = Folders.write(tmp.resolve("s.cell"), Folders.sweep("1 MPa", 0.1));
		Folders.Result r = Folders.cli("run", f.toString(), "--out", tmp.resolve("o").toString(), "--engine", "spark", "--master",
				"spark://127.0.0.1:" + port);
		assertEquals(1, r.rc(), r.out() + r.err());
		assertTrue(r.err().contains("cannot reach the Spark master spark://127.0.0.1:" + port + " within 3 s"), r.err());
		assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
		assertFalse(Files.exists(tmp.resolve("o")), "nothing written");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkRunExecutor.reachable("spark://127.0.0.1:" + port));
		assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
	}
}

package org.cellwright.run.tests;

import static org.cellwright.run.tests.RunStoreTest.runs;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.run.store.RunIndex;
import org.cellwright.run.store.RunStore;
import org.cellwright.testing.Cli;
import org.cellwright.testing.PlatingCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history keys and the take-over of an old shared history where HistoryKeyTest does not look: a project with a
 * folder named {@code results} of its own, a file that is no .cell file (an inputs.json run again), and an old history
 * taken over where the file's new history exists already. Mutation audit, session 22 (S5-S7, S10 in
 * docs/solid-state-solver.md).
 */
class HistoryTakeOverTest {

	@TempDir Path tmp;

	/**
	 * a/results/b/t.cell of project p keeps its runs in p/results/a/results/b/t.cell/: the history of one of its runs is
	 * that, the results folder whose project holds the file, not the nearer results folder inside the history's key.
	 */
	@Test
	void aFileInAFolderNamedResultsIsFoundThroughTheProjectsResults() throws Exception {
		Path p = tmp.resolve("p"), f = Cli.write(p.resolve("a/results/b/t.cell"), PlatingCell.file("65 MPa"));
		assertEquals("a/results/b/t.cell", RunStore.historyKey(p, f));
		RunStore.History h = RunStore.historyOf(p.resolve("results/a/results/b/t.cell/X/20261205-120000-abcdef"));
		assertEquals(p.resolve("results"), h.results());
		assertEquals("a/results/b/t.cell", h.key());
		assertEquals(f, h.cellFile());
	}

	/** An inputs.json run again from a folder of the project is keyed by its name, as a file outside the project. */
	@Test
	void aFileThatIsNoCellFileIsKeyedByItsName() {
		Path p = tmp.resolve("p");
		assertEquals("inputs.json", RunStore.historyKey(p, p.resolve("a/inputs.json")));
		RunStore.History h = RunStore.historyOf(p.resolve("results/inputs.json/X/20261205-120000-abcdef"));
		assertEquals("inputs.json", h.key());
	}

	private static List<String> ids(Path experiment) throws Exception {
		return runs(experiment).stream().map(r -> r.getFileName().toString()).toList();
	}

	/**
	 * a/t.cell has a run in its new history (results/a/t.cell/, written there with --out) and a later one in the old
	 * shared history (results/t/, with --out, all of whose runs ran a/t.cell). Its next run takes the old run over into
	 * the new history, which exists: the run moves (not refused, nothing overwritten), runs.csv keeps the runs in the
	 * order they ended, the next run last.
	 */
	@Test
	void anOldHistoryIsTakenOverIntoANewOneThatExistsAlreadyInTheOrderTheRunsEnded() throws Exception {
		Path p = tmp.resolve("p"), a = Cli.write(p.resolve("a/t.cell"), PlatingCell.file("65 MPa"));
		Path h = p.resolve("results/a/t.cell"), old = p.resolve("results/t");
		assertEquals(0, Cli.cli("run", a.toString(), "--out", h.toString()).rc());
		Thread.sleep(1100); // a run's time is to the second: the old history's run ends a second later
		Cli.write(a, PlatingCell.file("20 MPa"));
		assertEquals(0, Cli.cli("run", a.toString(), "--out", old.toString()).rc());
		String first = ids(h.resolve("X")).get(0), second = ids(old.resolve("X")).get(0);
		Cli.write(a, PlatingCell.file("5 MPa"));
		Cli.Result r = Cli.cliIn(p, "run", "a/t.cell");
		assertEquals(0, r.rc(), r.out() + r.err());
		List<String> here = ids(h.resolve("X"));
		assertEquals(3, here.size(), here.toString());
		assertTrue(here.contains(second), "the old history's run moved into the new one: " + here);
		assertFalse(Files.isDirectory(old.resolve("X").resolve(second)), "moved, not copied");
		List<RunIndex.Row> rows = new RunStore(h).index().rows();
		assertEquals(List.of(first, second), rows.stream().map(RunIndex.Row::id).toList().subList(0, 2), "in the order the runs ended");
		assertEquals("stack-pressure 20 MPa -> 5 MPa", rows.get(2).change(), "the new run compared with the one before it");
	}

	/**
	 * A run written before its source was recorded relative to the run folder names it as the working folder gave it
	 * (a/t.cell, run from the project's folder): the take-over reads it against the project, and the old history moves
	 * to results/a/t.cell/ on a/t.cell's next run.
	 */
	@Test
	void anOldRunNamingItsFileRelativeToTheProjectIsTakenOver() throws Exception {
		Path p = tmp.resolve("p"), a = Cli.write(p.resolve("a/t.cell"), PlatingCell.file("65 MPa")), old = p.resolve("results/t");
		assertEquals(0, Cli.cli("run", a.toString(), "--out", old.toString()).rc());
		String id = ids(old.resolve("X")).get(0);
		Path summary = old.resolve("X").resolve(id).resolve("summary.json");
		com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(Files.readString(summary)).getAsJsonObject();
		com.google.gson.JsonObject run = json.getAsJsonObject("run");
		run.remove("source_relative_to");
		run.addProperty("source_file", "a/t.cell"); // as written before session 21, from the project's folder
		Files.writeString(summary, json.toString());
		Cli.Result r = Cli.cliIn(p, "run", "a/t.cell");
		assertEquals(0, r.rc(), r.out() + r.err());
		assertFalse(Files.exists(old), "the old history moved whole");
		assertTrue(ids(p.resolve("results/a/t.cell/X")).contains(id));
	}

	/**
	 * An old shared history whose newest run is a/t.cell's and an older one b/t.cell's: a/t.cell's next run takes its run
	 * over, and the old history's latest then names b's run, not the moved one (a link to nothing: no latest run).
	 */
	@Test
	void theOldHistorysLatestNamesARunLeftThereWhenItsNewestMoves() throws Exception {
		Path p = tmp.resolve("p"), old = p.resolve("results/t");
		Path a = Cli.write(p.resolve("a/t.cell"), PlatingCell.file("65 MPa")), b = Cli.write(p.resolve("b/t.cell"), PlatingCell.file("20 MPa"));
		assertEquals(0, Cli.cli("run", b.toString(), "--out", old.toString()).rc());
		String runOfB = ids(old.resolve("X")).get(0);
		Thread.sleep(1100); // a's run a second later: the newest
		assertEquals(0, Cli.cli("run", a.toString(), "--out", old.toString()).rc());
		assertEquals(2, ids(old.resolve("X")).size());
		assertEquals(0, Cli.cliIn(p, "run", "a/t.cell").rc());
		assertEquals(List.of(runOfB), ids(old.resolve("X")), "b's run stays");
		assertEquals(old.resolve("X").resolve(runOfB), RunStore.latest(old.resolve("X")), "the old history's latest: b's run");
	}
}

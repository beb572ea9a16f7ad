package org.cellwright.run.tests;

import static org.cellwright.run.tests.RunStoreTest.runs;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.report.RunReport;
import org.cellwright.run.Staleness;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.store.RunIndex;
import org.cellwright.run.store.RunStore;
import org.cellwright.testing.Cli;
import org.cellwright.testing.PlatingCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file's run history is keyed by its path in its project ({@link RunStore#historyKey}): {@code results/t/} for a file
 * at the project's top (as every history was named before), {@code results/a/t.cell/} for {@code a/t.cell}. Before,
 * the key was the file's name alone and two files of one name in two folders shared one history: their runs in one
 * runs.csv, one latest, "what changed" between runs of different files.
 */
class HistoryKeyTest {

	@TempDir Path tmp;

	private static double pressureMPa(Path experimentFolder) {
		return RunFolder.read(experimentFolder).inputs().cell().stackPressure() / 1e6;
	}

	private static String staleness(Path run) {
		return Staleness.of(RunFolder.read(run).summary().run(), run);
	}

	@Test
	void theKeyIsTheNameAtTheTopAndThePathInAFolderAndItsInverseGivesTheFile() {
		Path p = tmp.resolve("p");
		assertEquals("t", RunStore.historyKey(p, p.resolve("t.cell")), "a top-level file's history keeps its folder");
		assertEquals("a/t.cell", RunStore.historyKey(p, p.resolve("a/t.cell")));
		assertEquals("a/b/t.cell", RunStore.historyKey(p, p.resolve("a/./b/t.cell")));
		assertEquals("t", RunStore.historyKey(p, tmp.resolve("elsewhere/t.cell")), "a file outside the project: its name");

		RunStore.History nested = RunStore.historyOf(p.resolve("results/a/t.cell/X/20261205-120000-abcdef"));
		assertEquals(p.resolve("results"), nested.results());
		assertEquals("a/t.cell", nested.key());
		assertEquals(p.resolve("a/t.cell"), nested.cellFile());
		// a sweep's run, one folder deeper; a top-level history whose experiment is named like a folder of the project
		assertEquals("a/t.cell", RunStore.historyOf(p.resolve("results/a/t.cell/S/20261205-120000-abcdef/S-x=1")).key());
		RunStore.History top = RunStore.historyOf(p.resolve("results/a/t/20261205-120000-abcdef"));
		assertEquals("a", top.key(), "results/a/t/ is a.cell's experiment t, not a/t.cell");
		assertEquals(p.resolve("a.cell"), top.cellFile());
		assertNull(RunStore.historyOf(tmp.resolve("out/X/20261205-120000-abcdef")), "no results folder above: no history");
	}

	/**
	 * a/t.cell and b/t.cell of one project, run from its folder: two histories (two runs.csv, two latest), each run's
	 * "what changed" against its own file's run before, each run's staleness told against its own file; {@code runs}
	 * lists both; a top-level t.cell keeps results/t/.
	 */
	@Test
	void twoFilesOfOneNameInTwoFoldersKeepTwoHistories() throws Exception {
		Path p = tmp.resolve("p");
		Path a = Cli.write(p.resolve("a/t.cell"), PlatingCell.file("65 MPa")), b = Cli.write(p.resolve("b/t.cell"), PlatingCell.file("20 MPa"));
		Path top = Cli.write(p.resolve("t.cell"), PlatingCell.file("5 MPa"));
		for (String f : List.of("a/t.cell", "b/t.cell", "b/t.cell", "t.cell")) {
			Cli.Result r = Cli.cliIn(p, "run", f);
			assertEquals(0, r.rc(), r.out() + r.err());
		}
		Path ha = p.resolve("results/a/t.cell"), hb = p.resolve("results/b/t.cell"), ht = p.resolve("results/t");
		List<RunIndex.Row> rowsA = new RunStore(ha).index().rows(), rowsB = new RunStore(hb).index().rows();
		assertEquals(1, rowsA.size(), "a's runs alone");
		assertEquals(2, rowsB.size(), "b's runs alone");
		assertEquals("no change", rowsB.get(1).change(), "b's second run compared with b's first, not with a's");
		assertEquals(65, pressureMPa(ha.resolve("X")), 1e-9, "a's latest is a's run");
		assertEquals(20, pressureMPa(hb.resolve("X")), 1e-9, "b's latest is b's run");
		assertEquals(5, pressureMPa(ht.resolve("X")), 1e-9, "the top-level file's history keeps its folder, results/t/");
		assertEquals(1, new RunStore(ht).index().rows().size());

		Path runA = RunStore.latest(ha.resolve("X")), runB = RunStore.latest(hb.resolve("X"));
		assertEquals(a, RunStore.historyOf(runA).cellFile());
		assertEquals("t", RunFolder.read(runA).sourceName());
		Cli.write(a, PlatingCell.file("30 MPa"));
		String stale = staleness(runA);
		assertTrue(stale != null && stale.contains("65 MPa -> 30 MPa"), stale);
		assertNull(staleness(runB), "b's run told against b/t.cell, unchanged");
		assertNull(staleness(RunStore.latest(ht.resolve("X"))), "the top-level run told against t.cell, unchanged");
		// a file gone: said so (one file, no search of the project by name)
		Files.delete(b);
		Files.delete(top);
		stale = staleness(runB);
		assertTrue(stale != null && stale.contains("t.cell, which this run ran, is gone"), stale);

		Cli.Result listed = Cli.cliIn(p, "runs");
		assertEquals(0, listed.rc(), listed.err());
		assertTrue(listed.out().contains("results/a/t.cell/ (1 run)") && listed.out().contains("results/b/t.cell/ (2 runs)")
				&& listed.out().contains("results/t/ (1 run)"), listed.out());
		assertEquals(List.of(ha, hb, ht), RunStore.histories(p.resolve("results")), "results/a/ and results/b/ only hold histories");
	}

	/** The run folders (experiment X) of a history, as a set of names. */
	/** The run's summary.json and inputs.json name {@code file}, and its report says it is defined there. */
	private static void assertRanFrom(Path file, Path run) {
		String f = file.toAbsolutePath().normalize().toString();
		RunFolder r = RunFolder.read(run);
		assertEquals(f, r.summary().run().sourceFile(), "summary.json");
		assertEquals(f, r.inputs().provenance().sourceFile(), "inputs.json");
		String html = RunReport.html(r);
		assertTrue(html.contains("defined in <code>" + f + ":"), html.substring(html.indexOf("<header>"), html.indexOf("</header>")));
	}

	private static List<String> ids(Path history) throws Exception {
		List<String> out = new ArrayList<>();
		if (Files.isDirectory(history.resolve("X"))) for (Path r : runs(history.resolve("X"))) out.add(r.getFileName().toString());
		return out;
	}

	/**
	 * A history kept under the name alone ({@code results/t/}, before session 21) whose runs all ran a/t.cell moves
	 * whole to results/a/t.cell/ the first time a/t.cell runs: its next run says what changed against the run before.
	 */
	@Test
	void anOldHistoryOfOneFileInAFolderMovesWholeOnItsFirstRun() throws Exception {
		Path p = tmp.resolve("p"), a = Cli.write(p.resolve("a/t.cell"), PlatingCell.file("65 MPa"));
		assertEquals(0, Cli.cli("run", a.toString(), "--out", p.resolve("results/t").toString()).rc()); // the old layout
		List<String> old = ids(p.resolve("results/t"));
		Cli.write(a, PlatingCell.file("20 MPa"));
		Cli.Result r = Cli.cliIn(p, "run", "a/t.cell");
		assertEquals(0, r.rc(), r.out() + r.err());
		assertFalse(Files.exists(p.resolve("results/t")), "moved whole, not copied");
		Path h = p.resolve("results/a/t.cell");
		assertTrue(ids(h).containsAll(old) && ids(h).size() == 2, ids(h).toString());
		List<RunIndex.Row> rows = new RunStore(h).index().rows();
		assertEquals(2, rows.size());
		assertEquals("stack-pressure 65 MPa -> 20 MPa", rows.get(1).change(), "compared with the run kept before");
		assertEquals(20, pressureMPa(h.resolve("X")), 1e-9, "latest: the new run");
	}

	/**
	 * A history kept under the name alone whose runs ran two files (a/t.cell and b/t.cell) and one gone (c/t.cell) is
	 * split by run, never merged or deleted: a/t.cell's first run takes its runs (rows and folders), b/t.cell's takes
	 * its own, the gone file's run stays in results/t/ with its row and latest, and is still listed.
	 */
	@Test
	void anOldHistoryOfSeveralFilesIsSplitByRunAndRunsOfNoFileFoundStay() throws Exception {
		Path p = tmp.resolve("p"), old = p.resolve("results/t");
		Path a = Cli.write(p.resolve("a/t.cell"), PlatingCell.file("65 MPa")), b = Cli.write(p.resolve("b/t.cell"), PlatingCell.file("20 MPa"));
		Path c = Cli.write(p.resolve("c/t.cell"), PlatingCell.file("5 MPa"));
		List<String> before = new ArrayList<>();
		for (Path f : List.of(a, b, c)) {
			assertEquals(0, Cli.cli("run", f.toString(), "--out", old.toString()).rc());
			List<String> now = ids(old);
			now.removeAll(before);
			before.addAll(now);
		}
		String runOfA = before.get(0), runOfB = before.get(1), runOfC = before.get(2);
		Files.delete(c);

		assertEquals(0, Cli.cliIn(p, "run", "a/t.cell").rc());
		Path ha = p.resolve("results/a/t.cell");
		assertTrue(ids(ha).contains(runOfA) && ids(ha).size() == 2, ids(ha).toString());
		assertEquals(List.of(runOfA), new RunStore(ha).index().rows().stream().map(RunIndex.Row::id).filter(runOfA::equals).toList());
		assertEquals("no change", new RunStore(ha).index().rows().get(1).change(), "compared with a's run kept before, not with b's");
		assertEquals(List.of(runOfB, runOfC).stream().sorted().toList(), ids(old), "b's and the gone file's runs stay");
		assertEquals(List.of(runOfB, runOfC), new RunStore(old).index().rows().stream().map(RunIndex.Row::id).toList(), "their rows stay");
		assertTrue(List.of(runOfB, runOfC).contains(RunStore.latest(old.resolve("X")).getFileName().toString()),
				"latest of the old history names a run left there");
		assertNull(staleness(old.resolve("X").resolve(runOfB)), "b's run still told against b/t.cell");

		assertEquals(0, Cli.cliIn(p, "run", "b/t.cell").rc());
		assertTrue(ids(p.resolve("results/b/t.cell")).contains(runOfB));
		assertEquals(List.of(runOfC), ids(old), "the gone file's run stays, nothing deleted");
		assertEquals(old.resolve("X").resolve(runOfC), RunStore.latest(old.resolve("X")));
		Cli.Result listed = Cli.cliIn(p, "runs");
		assertTrue(listed.out().contains("results/t/ (1 run)") && listed.out().contains("results/a/t.cell/ (2 runs)")
				&& listed.out().contains("results/b/t.cell/ (2 runs)"), listed.out());
	}

	/**
	 * A history's .judged-runs is written as the run folder's other files are, with the permissions any new file of its
	 * folder gets (the user's umask): it was rw------- (Files.createTempFile's temporary file, moved into place) beside
	 * runs.csv's rw-r--r-- (seen walking the IDE, session 28). With a umask of 077 both are rw------- and this test
	 * cannot tell them apart.
	 */
	@Test
	void judgedRunsHasThePermissionsOfAnyNewFileOfItsFolder() throws Exception {
		Path p = tmp.resolve("p");
		Cli.write(p.resolve("a/t.cell"), PlatingCell.file("65 MPa"));
		Cli.write(p.resolve("t.cell"), PlatingCell.file("5 MPa"));
		assertEquals(0, Cli.cliIn(p, "run", "t.cell").rc());
		assertEquals(0, Cli.cliIn(p, "run", "a/t.cell").rc());
		Path ha = p.resolve("results/a/t.cell"), judged = ha.resolve(org.cellwright.run.folder.RunFiles.JUDGED);
		assertNotNull(Files.getFileAttributeView(ha, java.nio.file.attribute.PosixFileAttributeView.class), "a file system with POSIX permissions (Linux)");
		Path plain = Files.writeString(ha.resolve("plain.txt"), "any new file\n");
		assertTrue(Files.isRegularFile(judged), "t.cell's run was judged another file's");
		assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(judged));
		try (var files = Files.list(ha)) {
			assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(n -> n.contains("tmp")).toList(), "no temporary file left");
		}
	}

	/**
	 * The old history results/t/ may be another file's own (the top-level t.cell's): a/t.cell's every run read every run's
	 * summary there while it existed (session 22). Its runs found to be another file's are read once: remembered in
	 * a/t.cell's history (.judged-runs), not read again, while a run that appears there later is read and, a/t.cell's,
	 * taken over, nothing lost. Shown by a run of t.cell whose summary is made to name a/t.cell after it was read: a
	 * second reading would take it over; it stays, with its row, as t.cell's history.
	 */
	@Test
	void anOldHistoryOfAnotherFileIsReadOnceNotOnEveryRun() throws Exception {
		Path p = tmp.resolve("p"), top = p.resolve("results/t");
		Path a = Cli.write(p.resolve("a/t.cell"), PlatingCell.file("65 MPa"));
		Cli.write(p.resolve("t.cell"), PlatingCell.file("5 MPa"));
		assertEquals(0, Cli.cliIn(p, "run", "t.cell").rc());
		String runOfTop = ids(top).get(0);
		assertEquals(0, Cli.cliIn(p, "run", "a/t.cell").rc());
		Path ha = p.resolve("results/a/t.cell");
		assertEquals(List.of(runOfTop), ids(top), "t.cell's run stays in its history");
		assertEquals(1, ids(ha).size());
		String judged = Files.readString(ha.resolve(org.cellwright.run.folder.RunFiles.JUDGED));
		assertTrue(judged.startsWith("t/X/" + runOfTop + "\t") && judged.contains(p.resolve("t.cell").toAbsolutePath().normalize().toString()), judged);

		// read again, this summary would make it a/t.cell's run
		Path summary = top.resolve("X").resolve(runOfTop).resolve("summary.json");
		com.google.gson.JsonObject s = com.google.gson.JsonParser.parseString(Files.readString(summary)).getAsJsonObject();
		com.google.gson.JsonObject run = s.getAsJsonObject("run");
		run.remove("source_relative_to");
		run.addProperty("source_file", a.toAbsolutePath().normalize().toString());
		Files.writeString(summary, s.toString());
		assertEquals(0, Cli.cliIn(p, "run", "a/t.cell").rc());
		assertEquals(List.of(runOfTop), ids(top), "not read again: it stays");
		assertEquals(List.of(runOfTop), new RunStore(top).index().rows().stream().map(RunIndex.Row::id).toList());
		assertEquals(2, ids(ha).size());

		// a run of a/t.cell kept there afterwards (an older CellWright's layout) is read, and taken over; a second later
		// than a/t.cell's runs: a run id is the second it ran and its inputs' hash, and one already kept in the new
		// history is not overwritten (the test ran within one second in CI, and the late run stayed)
		Thread.sleep(1100);
		assertEquals(0, Cli.cli("run", a.toString(), "--out", top.toString()).rc());
		List<String> late = ids(top);
		late.remove(runOfTop);
		assertEquals(1, late.size(), ids(top).toString());
		assertEquals(0, Cli.cliIn(p, "run", "a/t.cell").rc());
		assertEquals(List.of(runOfTop), ids(top), "the late run moved, t.cell's stays");
		assertTrue(ids(ha).contains(late.get(0)) && ids(ha).size() == 4, ids(ha).toString());
	}

	/**
	 * On the command line, after moving a file into a folder of its project (git mv t.cell a/), {@code runs --move
	 * results/t results/a/t.cell} moves its history to its new key; {@code --rename a/t.cell a/u.cell} after a rename
	 * in a folder. The moved runs are told against the file at the history's key.
	 */
	@Test
	void aFileMovedIntoAFolderTakesItsHistoryAlongOnTheCommandLine() throws Exception {
		Path p = tmp.resolve("p"), f = Cli.write(p.resolve("t.cell"), PlatingCell.file("65 MPa"));
		assertEquals(0, Cli.cliIn(p, "run", "t.cell").rc());
		String id = ids(p.resolve("results/t")).get(0);
		Files.move(f, Files.createDirectories(p.resolve("a")).resolve("t.cell"));
		Cli.Result moved = Cli.cliIn(p, "runs", "--move", "results/t", "results/a/t.cell");
		assertEquals(0, moved.rc(), moved.out() + moved.err());
		assertTrue(moved.out().contains("moved the runs of t.cell"), moved.out());
		Path run = p.resolve("results/a/t.cell/X").resolve(id);
		assertEquals(run, RunStore.latest(p.resolve("results/a/t.cell/X")));
		assertNull(staleness(run), "current: a/t.cell as it ran");
		// its records, written once in results/t/X/<id>/, name t.cell relative to that folder: read one folder deeper
		// that is results/t.cell; the reader names the file of the history's key (it named the path inside results/)
		assertRanFrom(p.resolve("a/t.cell"), run);

		Files.move(p.resolve("a/t.cell"), p.resolve("a/u.cell"));
		Cli.Result renamed = Cli.cliIn(p, "runs", "results", "--rename", "a/t.cell", "a/u.cell");
		assertEquals(0, renamed.rc(), renamed.out() + renamed.err());
		assertTrue(Files.isDirectory(p.resolve("results/a/u.cell/X").resolve(id)) && !Files.exists(p.resolve("results/a/t.cell")));
		assertRanFrom(p.resolve("a/u.cell"), p.resolve("results/a/u.cell/X").resolve(id)); // not results/t.cell
		Cli.write(p.resolve("a/u.cell"), PlatingCell.file("20 MPa"));
		String stale = staleness(p.resolve("results/a/u.cell/X").resolve(id));
		assertTrue(stale != null && stale.startsWith("Out of date: the inputs in u.cell changed"), stale);
		assertEquals(2, Cli.cliIn(p, "runs", "--move", "results/a/u.cell/X", "results/b/u.cell").rc(), "an experiment's folder is no history");
	}
}

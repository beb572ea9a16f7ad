package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.store.RunIndex;
import org.cellwright.run.store.RunStore;
import org.cellwright.testing.Cli;
import org.cellwright.testing.PlatingCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every run is kept: a folder of its own, the latest one path away, an index with what changed; pruning is explicit. */
class RunStoreTest {

	@TempDir Path tmp;

	static List<Path> runs(Path experimentFolder) throws Exception {
		try (Stream<Path> s = Files.list(experimentFolder)) {
			return s.filter(p -> p.getFileName().toString().matches("\\d{8}-\\d{6}-[0-9a-f]{6}(-\\d+)?")).sorted().toList();
		}
	}

	@Test
	void twoRunsWithOneChangedPropertyLeaveTwoFoldersAndTheIndexSaysWhatChanged() throws Exception {
		Path f = tmp.resolve("t.cell"), out = tmp.resolve("out");
		Cli.write(f, PlatingCell.file("65 MPa"));
		Cli.Result first = Cli.cli("run", f.toString(), "--out", out.toString());
		assertEquals(0, first.rc(), first.out() + first.err());
		Path firstRun = runs(out.resolve("X")).get(0);
		String firstSummary = Files.readString(firstRun.resolve("summary.json"));
		Cli.write(f, PlatingCell.file("20 MPa"));
		Cli.Result second = Cli.cli("run", f.toString(), "--out", out.toString());
		assertEquals(0, second.rc(), second.out() + second.err());
		List<Path> both = runs(out.resolve("X"));
		assertEquals(2, both.size(), "two folders: " + both);
		assertEquals(firstSummary, Files.readString(firstRun.resolve("summary.json")), "the first run is not touched by the second");
		Path latest = RunStore.latest(out.resolve("X"));
		Path secondRun = both.get(0).equals(firstRun) ? both.get(1) : both.get(0); // ids of one second sort by hash
		assertEquals(secondRun, latest, "latest names the second run");
		assertEquals(latest.toRealPath(), out.resolve("X/latest").toRealPath(), "one path away: X/latest");
		assertEquals(20, RunFolder.read(out.resolve("X")).inputs().cell().stackPressure() / 1e6, 1e-9, "the experiment folder stands for its latest run");
		assertTrue(second.out().contains("change: stack-pressure 65 MPa -> 20 MPa"), second.out());

		List<RunIndex.Row> rows = new RunStore(out).index().rows();
		assertEquals(2, rows.size());
		assertEquals("first run", rows.get(0).change());
		assertEquals("stack-pressure 65 MPa -> 20 MPa", rows.get(1).change());
		assertEquals("COMPLETED", rows.get(1).status());
		assertEquals(1, rows.get(1).cycles());
		assertFalse(rows.get(1).version().isEmpty(), "the CellWright version is in the index");

		Cli.Result listed = Cli.cli("runs", out.toString());
		assertEquals(0, listed.rc(), listed.err());
		assertTrue(listed.out().contains(both.get(0).getFileName().toString()) && listed.out().contains(both.get(1).getFileName().toString()),
				listed.out());
		assertTrue(listed.out().contains("stack-pressure 65 MPa -> 20 MPa"), listed.out());
		// a folder of results folders lists each
		assertTrue(Cli.cli("runs", tmp.toString()).out().contains("stack-pressure 65 MPa -> 20 MPa"));
	}

	@Test
	void pruneDeletesOnlyWhatItIsToldAndLatestFollows() throws Exception {
		Path f = tmp.resolve("t.cell"), out = tmp.resolve("out");
		for (String p : List.of("5 MPa", "10 MPa", "20 MPa")) {
			Cli.write(f, PlatingCell.file(p));
			assertEquals(0, Cli.cli("run", f.toString(), "--out", out.toString()).rc());
		}
		List<Path> all = runs(out.resolve("X"));
		assertEquals(3, all.size());
		// ids sort by second, then by hash: runs within one second are ordered by the store's latest, not by name
		Path newest = RunStore.latest(out.resolve("X"));
		assertTrue(all.contains(newest), newest + " in " + all);
		Cli.Result noLimit = Cli.cli("runs", out.toString(), "--prune");
		assertEquals(2, noLimit.rc(), "--prune alone deletes nothing: " + noLimit.err());
		assertEquals(3, runs(out.resolve("X")).size());
		Cli.Result pruned = Cli.cli("runs", out.toString(), "--prune", "--keep-last", "1");
		assertEquals(0, pruned.rc(), pruned.err());
		assertEquals(List.of(newest), runs(out.resolve("X")), "the latest run is kept");
		assertEquals(newest, RunStore.latest(out.resolve("X")));
		assertEquals(1, new RunStore(out).index().rows().size());
	}

	/**
	 * A results folder whose runs.csv is damaged (binary bytes) is named ("not UTF-8 text", not "Input length = 1") and
	 * the others are listed all the same (one broken index hid every results folder after it); a runs.csv whose
	 * experiment reads '../victim' makes prune refuse that folder before anything is deleted or written: it wrote
	 * latest.txt and a link 'latest' into the folder outside (fuzz20).
	 */
	@Test
	void aDamagedOrForeignIndexHidesNoOtherRunsAndMakesPruneWriteNothingOutside() throws Exception {
		Path f = tmp.resolve("t.cell"), results = tmp.resolve("results");
		Cli.write(f, PlatingCell.file("5 MPa"));
		for (String name : List.of("a", "b", "c"))
			assertEquals(0, Cli.cli("run", f.toString(), "--out", results.resolve(name).toString()).rc());
		Files.write(results.resolve("a/runs.csv"), new byte[] { 'i', 'd', ',', (byte) 0xff, (byte) 0xfe, 0, '\n' });
		Cli.Result listed = Cli.cli("runs", results.toString());
		assertEquals(1, listed.rc(), listed.out() + listed.err());
		assertTrue(listed.err().contains("a/runs.csv: cannot be read: not UTF-8 text"), listed.err());
		assertTrue(listed.out().contains("b/ (1 run)") && listed.out().contains("c/ (1 run)"), listed.out());
		assertFalse(listed.err().contains("Exception"), listed.err());

		Path victim = Files.createDirectories(tmp.resolve("victim"));
		Files.writeString(victim.resolve("latest.txt"), "mine");
		Path index = results.resolve("b/runs.csv");
		Files.writeString(index, Files.readString(index).replace(",X,X,", ",../../victim,X,"));
		Path bRun = runs(results.resolve("b/X")).get(0);
		Cli.Result pruned = Cli.cli("runs", results.toString(), "--prune", "--keep-last", "1");
		assertEquals(1, pruned.rc(), pruned.out() + pruned.err());
		assertTrue(pruned.err().contains("experiment name '../../victim'"), pruned.err());
		assertTrue(pruned.err().contains("(nothing deleted there)"), pruned.err());
		assertEquals("mine", Files.readString(victim.resolve("latest.txt")), "nothing written outside the results folder");
		assertFalse(Files.exists(victim.resolve("latest"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
		assertTrue(Files.isDirectory(bRun), "nothing deleted");
		assertTrue(pruned.out().contains("c: 0 runs deleted"), pruned.out());
	}

	/**
	 * Deleting chosen runs (the IDE's Runs view) removes their folders and their rows, and latest names the newest run
	 * left; a row whose folder was already deleted by hand goes too; a sweep variant's row takes its sweep run along.
	 */
	@Test
	void deleteRemovesTheChosenRunsFoldersAndRowsAndLatestFollows() throws Exception {
		Path f = tmp.resolve("t.cell"), out = tmp.resolve("out");
		for (String p : List.of("5 MPa", "10 MPa", "20 MPa")) {
			Cli.write(f, PlatingCell.file(p) + "sweep Sw { experiment X vary stack-pressure in 5 MPa, 20 MPa }\n");
			assertEquals(0, Cli.cli("run", f.toString(), "--experiment", "X", "--out", out.toString()).rc());
		}
		assertEquals(0, Cli.cli("run", f.toString(), "--experiment", "Sw", "--out", out.toString()).rc());
		RunIndex index = new RunStore(out).index();
		List<RunIndex.Row> xs = index.rows().stream().filter(r -> r.name().equals("X")).toList();
		assertEquals(3, xs.size());
		Path newest = RunStore.latest(out.resolve("X"));
		assertEquals(out.resolve(xs.get(2).folder()).normalize(), newest);

		// the newest run: its folder and row go, latest names the one before
		List<Path> gone = index.delete(List.of(xs.get(2)));
		assertEquals(List.of(newest), gone);
		assertFalse(Files.exists(newest));
		assertEquals(out.resolve(xs.get(1).folder()).normalize(), RunStore.latest(out.resolve("X")), "latest follows");
		assertEquals(List.of(xs.get(0).id(), xs.get(1).id()),
				index.rows().stream().filter(r -> r.name().equals("X")).map(RunIndex.Row::id).toList());

		// a run folder deleted by hand (Project Explorer): deleting its row removes the row, nothing else
		Path first = out.resolve(xs.get(0).folder()).normalize();
		org.cellwright.lang.files.FileTrees.deleteTree(first);
		assertEquals(List.of(), index.delete(List.of(xs.get(0))));
		assertEquals(List.of(xs.get(1).id()), index.rows().stream().filter(r -> r.name().equals("X")).map(RunIndex.Row::id).toList());
		assertTrue(Files.isDirectory(out.resolve(xs.get(1).folder())), "the run not chosen is kept");

		// a sweep variant's row: the sweep's run goes with all its rows
		List<RunIndex.Row> sweep = index.rows().stream().filter(r -> r.group().equals("Sw")).toList();
		assertEquals(2, sweep.size(), "a row per variant");
		Path sweepRun = RunStore.latest(out.resolve("Sw"));
		assertEquals(List.of(sweepRun), index.delete(List.of(sweep.get(0))));
		assertTrue(index.rows().stream().noneMatch(r -> r.group().equals("Sw")));
		assertNull(RunStore.latest(out.resolve("Sw")), "no latest without runs");
	}

	@Test
	void aSweepsRunsAreKeptTogetherWithItsTable() throws Exception {
		Path f = tmp.resolve("s.cell"), out = tmp.resolve("out");
		Cli.write(f, PlatingCell.file("5 MPa") + "sweep Sw { experiment X vary stack-pressure in 5 MPa, 20 MPa }\n");
		Cli.Result r = Cli.cli("run", f.toString(), "--experiment", "Sw", "--out", out.toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		Path sweepRun = RunStore.latest(out.resolve("Sw"));
		assertNotNull(sweepRun);
		for (String v : List.of("X-stack-pressure=5MPa", "X-stack-pressure=20MPa"))
			assertTrue(Files.isRegularFile(sweepRun.resolve(v).resolve("summary.json")), v);
		List<String> table = Files.readAllLines(sweepRun.resolve("sweep.csv"));
		assertEquals(3, table.size(), "a header and a row per run: " + table);
		assertTrue(table.get(0).startsWith("run,stack-pressure,status,cycles"), table.get(0));
		assertTrue(table.get(2).startsWith("X-stack-pressure=20MPa,20MPa,COMPLETED,1,"), table.get(2));
		assertEquals(2, RunStore.runFolders(out.resolve("Sw")).size(), "the sweep's folder stands for the runs of its latest run");
		assertTrue(Files.readString(sweepRun.resolve("report.html")).contains("<h2>Sweep Sw</h2>"), "the sweep's own report beside its runs");
	}

	/**
	 * The report of a sweep draws each key number that changes against the first swept parameter, one line per value
	 * of the second; a key number that does not change is not drawn. (Table values written here, so that what is
	 * drawn is known.)
	 */
	@Test
	void aSweepsReportPlotsItsKeyNumbersAgainstTheSweptValues() throws Exception {
		Path f = tmp.resolve("s.cell"), out = tmp.resolve("out");
		Cli.write(f, PlatingCell.file("5 MPa") + "sweep Sw { experiment X vary stack-pressure in 5 MPa, 20 MPa }\n");
		assertEquals(0, Cli.cli("run", f.toString(), "--experiment", "Sw", "--out", out.toString()).rc());
		Path sweepRun = RunStore.latest(out.resolve("Sw"));
		Files.writeString(sweepRun.resolve("sweep.csv"), String.join("\n",
				"run,stack-pressure,temperature,status,cycles,first_discharge_mAh_cm2,first_ce,last_discharge_mAh_cm2,last_ce,capacity_retention,"
						+ "nucleation_overpotential_mV,end_time_h,short_circuit_cycle",
				"a,5MPa,20degC,COMPLETED,35,0.1,0.95,0.1,0.99,0.9,,244,", "b,20MPa,20degC,COMPLETED,35,0.1,0.96,0.1,0.99,0.8,,244,",
				"c,5MPa,60degC,COMPLETED,35,0.1,0.97,0.1,0.99,0.7,,244,", "d,20MPa,60degC,SHORT_CIRCUIT,12,0.1,0.98,0.1,0.99,0.6,,80,12", ""));
		List<Path> runs = List.of(sweepRun.resolve("X-stack-pressure=5MPa"), sweepRun.resolve("X-stack-pressure=20MPa"));
		String html = Files.readString(org.cellwright.report.StudyReport.write("Sweep Sw", runs, sweepRun.resolve("report.html")));
		assertTrue(html.contains("class=\"row sweep-plots\""), "plots of the sweep");
		for (String title : List.of("first Coulombic efficiency against stack-pressure", "capacity retention against stack-pressure",
				"simulated time (end or short circuit) against stack-pressure"))
			assertTrue(html.contains(title), title);
		assertFalse(html.contains("last Coulombic efficiency against"), "a key number that does not change is not drawn");
		int at = html.indexOf("capacity retention against stack-pressure");
		assertTrue(html.lastIndexOf("data-series=\"2\"", at) > html.indexOf("sweep-plots"), "one line per temperature");
		assertTrue(html.contains("temperature = 20degC") && html.contains("temperature = 60degC"), "the lines are named by the second parameter");
	}

	/**
	 * A sweep of three parameters: its page lists the runs in the sweep's order (5, 20, 100 MPa; by name it listed
	 * 100MPa before 20MPa before 5MPa) and draws one line per combination of the second and third parameters' values
	 * (their runs were joined into the second's lines, which zigzagged between them; session 19).
	 */
	@Test
	void aSweepOfThreeParametersIsListedInItsOrderAndDrawnOneLinePerCombination() throws Exception {
		Path f = tmp.resolve("s.cell"), out = tmp.resolve("out");
		Cli.write(f, PlatingCell.file("5 MPa") + "sweep Sw { experiment X vary stack-pressure in 5 MPa, 20 MPa, 100 MPa\n"
				+ " vary temperature in 20 degC, 60 degC\n vary s.thickness in 600 um, 700 um }\n");
		Cli.Result r = Cli.cli("run", f.toString(), "--experiment", "Sw", "--out", out.toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		String html = Files.readString(RunStore.latest(out.resolve("Sw")).resolve("report.html"));
		int at5 = html.indexOf("X-stack-pressure=5MPa-temperature=20degC-s.thickness=600um"),
				at20 = html.indexOf("X-stack-pressure=20MPa-temperature=20degC-s.thickness=600um"),
				at100 = html.indexOf("X-stack-pressure=100MPa-temperature=20degC-s.thickness=600um");
		assertTrue(at5 >= 0 && at5 < at20 && at20 < at100, "the runs in the sweep's order: " + at5 + ", " + at20 + ", " + at100);
		for (String line : List.of("temperature = 20degC, s.thickness = 600um", "temperature = 20degC, s.thickness = 700um",
				"temperature = 60degC, s.thickness = 600um", "temperature = 60degC, s.thickness = 700um"))
			assertTrue(html.contains(line), line);
	}

	/**
	 * Renaming a .cell file split its run history: the old runs stayed in results/<old name>/, the new name started a
	 * history of its own ("first run"). The run store moves the history with the file (the IDE's rename participant
	 * asks it to), whole: the renamed file's next run continues it. Nothing is overwritten or deleted: a new name with
	 * a history of its own, or a run being written, leaves every run where it is, saying why.
	 */
	@Test
	void aRenamedFilesRunHistoryMovesWithItAndNothingIsOverwritten() throws Exception {
		Path results = tmp.resolve("results"), f = tmp.resolve("t.cell");
		Cli.write(f, PlatingCell.file("65 MPa"));
		assertEquals(0, Cli.cli("run", f.toString(), "--out", results.resolve("t").toString()).rc());
		Path first = runs(results.resolve("t/X")).get(0);
		String firstSummary = Files.readString(first.resolve("summary.json"));

		Path u = Files.move(f, tmp.resolve("u.cell"));
		assertEquals(results.resolve("u"), RunStore.moveHistory(results, "t", "u"));
		assertFalse(Files.exists(results.resolve("t")), "the old name's folder moved, not copied");
		Path moved = results.resolve("u/X").resolve(first.getFileName());
		assertEquals(firstSummary, Files.readString(moved.resolve("summary.json")), "the run itself untouched");
		assertEquals(moved, RunStore.latest(results.resolve("u/X")), "latest moved with it");
		assertEquals(tmp.resolve("t.cell").toString(), RunFolder.read(moved).summary().run().sourceFile(), "it ran t.cell");
		// compared with the renamed file, not said to be out of date because t.cell is gone
		assertNull(org.cellwright.run.Staleness.of(RunFolder.read(moved).summary().run(), moved), "current: u.cell as it ran");
		Cli.write(u, PlatingCell.file("20 MPa"));
		String stale = org.cellwright.run.Staleness.of(RunFolder.read(moved).summary().run(), moved);
		assertTrue(stale != null && stale.startsWith("Out of date: the inputs in u.cell changed"), stale);
		Cli.write(u, PlatingCell.file("65 MPa"));

		// the renamed file's next run continues the history
		assertEquals(0, Cli.cli("run", u.toString(), "--out", results.resolve("u").toString()).rc());
		assertEquals(2, runs(results.resolve("u/X")).size());
		List<RunIndex.Row> rows = new RunStore(results.resolve("u")).index().rows();
		assertEquals(2, rows.size(), "one index");
		assertEquals("no change", rows.get(1).change(), "compared with the run before the rename, not a first run");
		assertNull(RunStore.moveHistory(results, "t", "u"), "no history under the old name: nothing to move");

		// a new name with a history of its own: nothing moves, nothing is overwritten
		Path v = Cli.write(tmp.resolve("other").resolve("v.cell"), PlatingCell.file("20 MPa")); // (not beside u.cell: the same names)
		Cli.Result ranV = Cli.cli("run", v.toString(), "--out", results.resolve("v").toString());
		assertEquals(0, ranV.rc(), ranV.out() + ranV.err());
		RuntimeException refused = assertThrows(org.cellwright.run.store.RunStoreException.class, () -> RunStore.moveHistory(results, "u", "v"));
		assertTrue(refused.getMessage().contains("exists already"), refused.getMessage());
		assertEquals(2, runs(results.resolve("u/X")).size());
		assertEquals(1, runs(results.resolve("v/X")).size());

		// a run of the file being written: nothing moves
		try (org.cellwright.run.store.Slot writing = new RunStore(results.resolve("u")).begin("X", java.time.Instant.now(), "abcdef")) {
			RuntimeException busy = assertThrows(org.cellwright.run.store.RunStoreException.class, () -> RunStore.moveHistory(results, "u", "w"));
			assertTrue(busy.getMessage().contains("is being written"), busy.getMessage());
		}
		assertTrue(Files.isDirectory(results.resolve("u/X")) && !Files.exists(results.resolve("w")));
		assertThrows(IllegalArgumentException.class, () -> RunStore.moveHistory(results, "u", "../w"));

		// on the command line, after a file was renamed outside the IDE (git mv u.cell w.cell)
		Cli.Result moved2 = Cli.cli("runs", results.toString(), "--rename", "u.cell", "w.cell");
		assertEquals(0, moved2.rc(), moved2.out() + moved2.err());
		assertTrue(Files.isDirectory(results.resolve("w/X")) && !Files.exists(results.resolve("u")), moved2.out());
		Cli.Result again = Cli.cli("runs", results.toString(), "--rename", "v", "w");
		assertEquals(1, again.rc());
		assertTrue(again.err().contains("exists already"), again.err());
		assertTrue(Files.isDirectory(results.resolve("v/X")), "nothing moved");
	}
	/** t.cell run once in project p1 (its runs in p1/results/t/), then the file moved into project p2; its run folder. */
	private Path ranThenMoved(Path p1, Path p2) throws Exception {
		Path f = p1.resolve("t.cell");
		Path first = ranOnce(f);
		Files.createDirectories(p2);
		Files.move(f, p2.resolve("t.cell"));
		return first;
	}

	/**
	 * A file moved into another project (another results folder) takes its history along, with the same refusals: the
	 * other project's runs of a file of that name are kept, a run being written keeps every run where it is. A moved
	 * file's runs name it relative to their own folder: moved to the other project's top folder it is found there.
	 */
	@Test
	void aFileMovedIntoAnotherProjectTakesItsHistoryAlong() throws Exception {
		Path p1 = tmp.resolve("p1"), p2 = tmp.resolve("p2");
		Path first = ranThenMoved(p1, p2);
		assertEquals(p2.resolve("results/t"), RunStore.moveHistory(p1.resolve("results"), "t", p2.resolve("results"), "t"));
		assertFalse(Files.exists(p1.resolve("results/t")), "moved, not copied");
		Path moved = p2.resolve("results/t/X").resolve(first.getFileName());
		assertEquals(moved, RunStore.latest(p2.resolve("results/t/X")));
		assertEquals(p2.resolve("t.cell").toString(), RunFolder.read(moved).summary().run().sourceFile(), "named relative to its folder");
		assertNull(org.cellwright.run.Staleness.of(RunFolder.read(moved).summary().run(), moved), "current: the moved file as it ran");
		// back, with a history of that name there already: nothing moves
		assertEquals(0, Cli.cli("run", Cli.write(p1.resolve("t.cell"), PlatingCell.file("20 MPa")).toString(), "--out",
				p1.resolve("results/t").toString()).rc());
		RuntimeException refused = assertThrows(org.cellwright.run.store.RunStoreException.class,
				() -> RunStore.moveHistory(p2.resolve("results"), "t", p1.resolve("results"), "t"));
		assertTrue(refused.getMessage().contains("exists already"), refused.getMessage());
		assertEquals(1, runs(p1.resolve("results/t/X")).size());
		assertEquals(1, runs(p2.resolve("results/t/X")).size());
		// a run being written: nothing moves
		try (org.cellwright.run.store.Slot writing = new RunStore(p2.resolve("results/t")).begin("X", java.time.Instant.now(), "abcdef")) {
			RuntimeException busy = assertThrows(org.cellwright.run.store.RunStoreException.class,
					() -> RunStore.moveHistory(p2.resolve("results"), "t", tmp.resolve("p3/results"), "t"));
			assertTrue(busy.getMessage().contains("is being written"), busy.getMessage());
		}
		assertTrue(Files.isDirectory(p2.resolve("results/t/X")));
	}

	/** Writes the plating cell at 65 MPa into {@code f} (a project's top folder) and runs it into the project's results/; its run. */
	static Path ranOnce(Path f) throws Exception {
		Cli.write(f, PlatingCell.file("65 MPa"));
		assertEquals(0, Cli.cli("run", f.toString(), "--out", f.resolveSibling("results/t").toString()).rc());
		return runs(f.resolveSibling("results/t/X")).get(0);
	}

	/**
	 * A file moved into a subfolder of another project takes its history along (the IDE's Move..., drag and drop):
	 * its runs named the file where it was, beside the history's project's top folder, and said it was gone. They
	 * find it by its name in their project (its tree, results/ left out), in a subfolder of its own project too (the
	 * history stays where it is); several files of that name: which one ran cannot be told, and nothing is said.
	 */
	@Test
	void aFileMovedIntoASubfolderIsFoundByItsRuns() throws Exception {
		Path p1 = tmp.resolve("p1"), p2 = tmp.resolve("p2"), f = p1.resolve("t.cell");
		Path first = ranOnce(f);
		// into a folder of its own project: the history stays
		Path inside = Files.move(f, Files.createDirectories(p1.resolve("cells")).resolve("t.cell"));
		assertNull(org.cellwright.run.Staleness.of(RunFolder.read(first).summary().run(), first), "current: the file in its new folder");
		// into a folder of another project, the history along
		Path there = Files.move(inside, Files.createDirectories(p2.resolve("cells/lithium")).resolve("t.cell"));
		RunStore.moveHistory(p1.resolve("results"), "t", p2.resolve("results"), "t");
		Path moved = p2.resolve("results/t/X").resolve(first.getFileName());
		assertNull(org.cellwright.run.Staleness.of(RunFolder.read(moved).summary().run(), moved), "current: the moved file as it ran");
		Cli.write(there, PlatingCell.file("20 MPa"));
		String stale = org.cellwright.run.Staleness.of(RunFolder.read(moved).summary().run(), moved);
		assertTrue(stale != null && stale.startsWith("Out of date: the inputs in t.cell changed"), stale);
		// another t.cell in the project: which one ran cannot be told
		Cli.write(p2.resolve("other/t.cell"), PlatingCell.file("65 MPa"));
		assertNull(org.cellwright.run.Staleness.of(RunFolder.read(moved).summary().run(), moved), "cannot be told");
		// none left: gone
		Files.delete(there);
		Files.delete(p2.resolve("other/t.cell"));
		stale = org.cellwright.run.Staleness.of(RunFolder.read(moved).summary().run(), moved);
		assertTrue(stale != null && stale.contains("t.cell, which this run ran, is gone"), stale);
	}

	/**
	 * Outside the IDE a file moved into another project (a folder with its own results/) had no command to take its
	 * history along (--rename moves within one results folder): {@code runs --move RESULTS/OLD OTHER/RESULTS/NEW} moves it,
	 * with or without a new name, with the same refusals; the moved runs are current against the moved file.
	 */
	@Test
	void aFileMovedOutsideTheIdeTakesItsHistoryAlongOnTheCommandLine() throws Exception {
		Path p1 = tmp.resolve("p1"), p2 = tmp.resolve("p2");
		Path first = ranThenMoved(p1, p2); // mv p1/t.cell p2/
		Cli.Result moved = Cli.cli("runs", "--move", p1.resolve("results/t").toString(), p2.resolve("results/t.cell").toString());
		assertEquals(0, moved.rc(), moved.out() + moved.err());
		assertTrue(moved.out().contains("moved the runs of t.cell"), moved.out());
		assertFalse(Files.exists(p1.resolve("results/t")), "moved, not copied");
		Path run = p2.resolve("results/t/X").resolve(first.getFileName());
		assertEquals(run, RunStore.latest(p2.resolve("results/t/X")), "latest moved with it");
		assertNull(org.cellwright.run.Staleness.of(RunFolder.read(run).summary().run(), run), "current: the moved file as it ran");
		Cli.Result listed = Cli.cli("runs", p2.resolve("results").toString());
		assertEquals(0, listed.rc(), listed.err());
		assertTrue(listed.out().contains("(1 run)"), listed.out());

		// the old place has no history now: nothing to move, said, exit 1
		Cli.Result none = Cli.cli("runs", "--move", p1.resolve("results/t").toString(), p2.resolve("results/t").toString());
		assertEquals(1, none.rc());
		assertTrue(none.err().contains("no runs there"), none.err());

		// moved and renamed at once (mv p2/t.cell p3/u.cell), relative to the working folder as typed
		Files.createDirectories(tmp.resolve("p3"));
		Files.move(p2.resolve("t.cell"), tmp.resolve("p3/u.cell"));
		Cli.Result renamed = Cli.cliIn(tmp, "runs", "--move", "p2/results/t", "p3/results/u");
		assertEquals(0, renamed.rc(), renamed.out() + renamed.err());
		assertTrue(Files.isDirectory(tmp.resolve("p3/results/u/X")) && !Files.exists(p2.resolve("results/t")));

		// a history of that name there already: nothing moves, nothing is overwritten
		Path back = Cli.write(p1.resolve("u.cell"), PlatingCell.file("20 MPa"));
		assertEquals(0, Cli.cli("run", back.toString(), "--out", p1.resolve("results/u").toString()).rc());
		Cli.Result refused = Cli.cli("runs", "--move", tmp.resolve("p3/results/u").toString(), p1.resolve("results/u").toString());
		assertEquals(1, refused.rc());
		assertTrue(refused.err().contains("exists already"), refused.err());
		assertEquals(1, runs(p1.resolve("results/u/X")).size());
		assertEquals(1, runs(tmp.resolve("p3/results/u/X")).size());

		// a run being written: nothing moves
		try (org.cellwright.run.store.Slot writing = new RunStore(tmp.resolve("p3/results/u")).begin("X", java.time.Instant.now(), "abcdef")) {
			Cli.Result busy = Cli.cli("runs", "--move", tmp.resolve("p3/results/u").toString(), tmp.resolve("p4/results/u").toString());
			assertEquals(1, busy.rc());
			assertTrue(busy.err().contains("is being written"), busy.err());
		}
		assertTrue(Files.isDirectory(tmp.resolve("p3/results/u/X")) && !Files.exists(tmp.resolve("p4")));

		// usage: --move with --prune, --rename or a DIR is refused before anything moves
		assertEquals(2, Cli.cli("runs", "--move", tmp.resolve("p3/results/u").toString(), tmp.resolve("p4/results/u").toString(), "--prune").rc());
		assertEquals(2, Cli.cli("runs", tmp.resolve("p3/results").toString(), "--move", tmp.resolve("p3/results/u").toString(),
				tmp.resolve("p4/results/u").toString()).rc());
		assertTrue(Files.isDirectory(tmp.resolve("p3/results/u/X")) && !Files.exists(tmp.resolve("p4")));
	}
	/**
	 * A new run never writes into a folder that exists: neither a committed run's of the same id (two runs of the same
	 * inputs in one second) nor a hidden one a killed writer left ({@code .<id>.partial}): it takes the next free id, and
	 * the leftover is moved into place as it was (pipe27b: it stayed hidden for good), its files not mixed into the new
	 * run. (Mutation audit, session 20: the id taken without looking for hidden folders survived the store's tests.)
	 */
	@Test
	void aNewRunTakesAnIdNoCommittedNorLeftoverHiddenFolderHas() throws Exception {
		Path out = tmp.resolve("out");
		java.time.Instant started = java.time.Instant.parse("2026-12-05T13:00:00Z");
		String id = RunStore.runId(started, "abcdef");
		Path group = out.resolve("X");
		Files.createDirectories(group.resolve(id));
		Files.writeString(group.resolve(id).resolve("summary.json"), "{}");
		Path leftover = group.resolve("." + id + "-2.partial");
		Files.createDirectories(leftover);
		Files.writeString(leftover.resolve("timeseries.csv"), "killed writer's\n");
		try (org.cellwright.run.store.Slot slot = new RunStore(out).begin("X", started, "abcdef")) {
			assertEquals(id + "-3", slot.id(), "past the committed run and the leftover hidden one");
			try (Stream<Path> s = Files.list(slot.writing())) {
				assertEquals(0, s.count(), "the new run starts in an empty folder");
			}
			Files.writeString(slot.writing().resolve("summary.json"), "{\"new\": true}");
		}
		assertEquals("{}", Files.readString(group.resolve(id).resolve("summary.json")), "the committed run is untouched");
		assertFalse(Files.exists(leftover), "taken over by the new run");
		assertEquals("killed writer's\n", Files.readString(group.resolve(id + "-2").resolve("timeseries.csv")), "the leftover in place, untouched");
		assertTrue(Files.isRegularFile(group.resolve(id + "-3").resolve("summary.json")));
		assertFalse(Files.exists(group.resolve(id + "-3").resolve("timeseries.csv")));
	}

	/**
	 * A fit's folder has no runs.csv row: deleting it (the IDE's Runs view) deletes the folder alone and moves latest to
	 * the newest folder left, then removes it with the last; a run id's time is read back from it.
	 */
	@Test
	void deletingAnUnindexedFolderMovesLatestAndMakesNoIndex() throws Exception {
		assertEquals(java.time.Instant.parse("2026-12-05T12:00:00Z"), RunStore.timeOf("20261205-120000-abcdef"));
		assertNull(RunStore.timeOf("latest"));
		assertNull(RunStore.timeOf("before"));
		Path group = tmp.resolve("results/t/K"), a = group.resolve("20261205-110000-123456"), b = group.resolve("20261205-120000-abcdef");
		for (Path p : List.of(a, b)) {
			Files.createDirectories(p);
			Files.writeString(p.resolve("fit.json"), "{}");
		}
		Files.writeString(group.resolve("latest.txt"), b.getFileName() + "\n");
		RunStore.deleteUnindexed(b);
		assertFalse(Files.exists(b));
		assertTrue(Files.isRegularFile(a.resolve("fit.json")), "the other fit is kept");
		assertEquals(a, RunStore.latest(group), "latest names the fit left");
		assertFalse(Files.exists(tmp.resolve("results/t/runs.csv")), "no index made");
		RunStore.deleteUnindexed(a);
		assertNull(RunStore.latest(group), "no fit left: no latest");
		assertThrows(IllegalArgumentException.class, () -> RunStore.deleteUnindexed(tmp.resolve("results/t/K/..")));
		assertTrue(Files.isDirectory(group), "a path that is no run's folder deletes nothing");
	}

	/**
	 * A run whose 'latest' cannot be written (a full disk: input25 ran into a tmpfs of 200 kB; here latest.txt is a
	 * folder in the way) is one line naming the run's folder and why, exit 1: it was "internal error:
	 * java.io.UncheckedIOException: cannot write .../latest.txt: No space left on device", exit 4. The run is in place.
	 */
	@Test
	void aLatestThatCannotBeWrittenIsOneLineNamingTheRunNotAnInternalError() throws Exception {
		Path f = Cli.write(tmp.resolve("l.cell"), PlatingCell.file("20 MPa"));
		Path out = tmp.resolve("results");
		Cli.Result first = Cli.cli("run", f.toString(), "--out", out.toString());
		assertEquals(0, first.rc(), first.out() + first.err());
		Path latest = out.resolve("X").resolve("latest.txt");
		Files.delete(latest);
		Files.createDirectories(latest.resolve("in-the-way"));
		Cli.Result second = Cli.cli("run", f.toString(), "--out", out.toString());
		assertEquals(1, second.rc(), second.out() + second.err());
		assertFalse(second.err().contains("internal error") || second.err().contains("Exception"), second.err());
		assertTrue(second.err().contains("is written, but 'latest' does not point at it: cannot write " + latest), second.err());
		assertEquals(2, runs(out.resolve("X")).size(), "both runs in place");
	}

	/**
	 * A run whose row cannot be written into runs.csv (a full disk: input25 ran into a tmpfs of 200 kB, and the run was
	 * left out of runs.csv for good; here runs.csv is a folder in the way) is said in one line naming the run, exit 1; the
	 * run is in place and 'latest' names it. When runs.csv can be written again, the run is listed from its folder
	 * (`runs`, RunIndex.rows) in the order the runs started, and the next run writes its row in.
	 */
	@Test
	void aRunRunsCsvCannotListIsSaidInOneLineAndListedFromItsFolderWhenTheDiskHasSpaceAgain() throws Exception {
		Path f = Cli.write(tmp.resolve("l.cell"), PlatingCell.file("20 MPa"));
		Path out = tmp.resolve("results"), index = out.resolve("runs.csv");
		Cli.Result first = Cli.cli("run", f.toString(), "--out", out.toString());
		assertEquals(0, first.rc(), first.out() + first.err());
		Path firstRun = runs(out.resolve("X")).get(0);
		String indexed = Files.readString(index);
		Files.delete(index);
		Files.createDirectories(index.resolve("in-the-way")); // runs.csv cannot be rewritten
		Cli.Result second = Cli.cli("run", f.toString(), "--out", out.toString());
		assertEquals(1, second.rc(), second.out() + second.err());
		List<Path> both = runs(out.resolve("X"));
		assertEquals(2, both.size(), "both runs in place");
		Path secondRun = RunStore.latest(out.resolve("X"));
		assertTrue(both.contains(secondRun) && !secondRun.equals(firstRun), "latest names the second run: " + secondRun);
		List<String> said = second.err().lines().filter(l -> l.contains("runs.csv")).toList();
		assertEquals(1, said.size(), second.err());
		assertTrue(said.get(0).startsWith("cellwright: " + secondRun + " is written, but runs.csv does not list it yet"), said.get(0));
		assertFalse(second.err().contains("internal error") || second.err().contains("Exception"), second.err());

		org.cellwright.lang.files.FileTrees.deleteTree(index); // space again: runs.csv as the first run left it
		Files.writeString(index, indexed);
		List<RunIndex.Row> rows = new RunStore(out).index().rows();
		assertEquals(2, rows.size(), "the second run read from its folder: " + rows);
		RunIndex.Row found = rows.get(1);
		assertEquals(secondRun.getFileName().toString(), found.id());
		assertEquals("X/" + found.id(), found.folder());
		assertEquals("X", found.name());
		assertEquals("COMPLETED", found.status());
		assertEquals(1, found.cycles());
		assertEquals(RunIndex.UNLISTED, found.change());
		Cli.Result listed = Cli.cli("runs", out.toString());
		assertTrue(listed.out().contains("(2 runs)") && listed.out().contains(found.id()), listed.out());

		Cli.Result third = Cli.cli("run", f.toString(), "--out", out.toString());
		assertEquals(0, third.rc(), third.out() + third.err());
		// a line of its own (the product built with every printed line escaped read "...\\n  change: no change\\n...": disk26)
		assertTrue(third.out().lines().anyMatch(l -> l.equals("  change: no change")), "compared with the run read from its folder: " + third.out());
		String now = Files.readString(index);
		assertTrue(now.contains(found.id() + ",") && now.indexOf(found.id()) > now.indexOf(rows.get(0).id()), now);
		assertEquals(3, new RunStore(out).index().rows().size(), "written in once: " + now);
	}
}

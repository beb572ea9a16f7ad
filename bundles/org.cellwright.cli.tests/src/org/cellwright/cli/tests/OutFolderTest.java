package org.cellwright.cli.tests;

import static org.cellwright.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.run.folder.RunFiles;
import org.cellwright.testing.Cli;
import org.cellwright.testing.Cli.Result;
import org.cellwright.testing.PlatingCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --out} of run, a re-run of an inputs.json and fit never names the file system's root, a system folder right
 * below it or the home folder itself (also through a link): refused with one line naming it, exit code 1, nothing
 * written ({@code run t.cell --out /} wrote {@code /FirstCycle/}, {@code /runs.csv} and {@code /.runs.lock} without a
 * word: fuzz22). A folder of the user's below them that holds other files and is no results folder is refused too,
 * unless {@code --out-into-existing} says to write beside them; a new or empty folder and a results folder (the run
 * store's marker, or runs.csv of an earlier version) take runs.
 */
public class OutFolderTest {

	@TempDir
	Path tmp;

	private static void assertRefused(Result r, String out, String why) {
		assertEquals(1, r.rc(), r.out() + r.err());
		assertTrue(r.err().contains("cellwright: --out " + out + " " + why + ": runs go into a results folder of their own"), r.err());
		assertTrue(r.err().strip().endsWith("nothing written"), r.err());
	}

	@Test
	void theRootASystemFolderAndTheHomeFolderAreRefusedAndNothingIsWritten() throws Exception {
		Path example = CliTest.examples().resolve("baseline-halfcell.cell");
		List<Path> atRoot = List.of(Path.of("/runs.csv"), Path.of("/.runs.lock"), Path.of("/FirstCycle"));
		List<Boolean> before = atRoot.stream().map(Files::exists).toList();

		assertRefused(cli("run", example.toString(), "--out", "/"), "/", "is the file system's root");
		assertEquals(before, atRoot.stream().map(Files::exists).toList(), "nothing written at the root");
		assertRefused(cli("run", example.toString(), "--out", "/etc"), "/etc", "is a system folder");
		assertRefused(cli("run", example.toString(), "--out", "/usr/"), "/usr/", "is a system folder");
		String home = System.getProperty("user.home");
		assertRefused(cli("run", example.toString(), "--out", home), home, Path.of(home).toRealPath().getNameCount() == 1
				&& List.of("root", "home").contains(Path.of(home).toRealPath().getFileName().toString()) ? "is a system folder" : "is your home folder");
		// a link to the root is the root
		Path link = Files.createSymbolicLink(tmp.resolve("root-link"), Path.of("/"));
		assertRefused(cli("run", example.toString(), "--out", link.toString()), link.toString(), "is the file system's root");
		// a re-run of an inputs.json and a fit: the same, before anything is read
		assertRefused(cli("run", tmp.resolve("inputs.json").toString(), "--out", "/"), "/", "is the file system's root");
		assertRefused(cli("fit", example.toString(), "--out", "/"), "/", "is the file system's root");
		assertEquals(before, atRoot.stream().map(Files::exists).toList(), "nothing written at the root");

		// a folder of the user's is a results folder
		Result ok = cli("run", example.toString(), "--out", tmp.resolve("mine").toString());
		assertEquals(0, ok.rc(), ok.out() + ok.err());
		assertTrue(Files.isRegularFile(tmp.resolve("mine/runs.csv")));
	}

	private static List<String> names(Path folder) throws Exception {
		try (var s = Files.list(folder)) {
			return s.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	/**
	 * {@code --out ~/Documents}: runs.csv, .runs.lock and a folder per experiment landed beside the user's files without
	 * a word (README Known issues, session 23). Now refused naming the folder and its files, nothing written, for run, a
	 * folder's run (each file's folder below --out) and fit; {@code --out-into-existing} writes there, and the folder is a
	 * results folder from then on; a new folder gets the run store's marker; a results folder of an earlier version
	 * (runs.csv, no marker) and a folder of them ({@code run DIR --out OUT}) take runs as before.
	 */
	@Test
	void aFolderOfTheUsersThatHoldsOtherFilesIsRefusedUnlessToldAndAResultsFolderIsNot() throws Exception {
		Path cell = Cli.write(tmp.resolve("src/t.cell"), PlatingCell.file("5 MPa"));
		Path docs = tmp.resolve("docs");
		Cli.write(docs.resolve("thesis.tex"), "my thesis\n");
		Files.createDirectories(docs.resolve("figures"));
		for (String cmd : List.of("run", "fit")) {
			Result r = cli(cmd, cell.toString(), "--out", docs.toString());
			assertRefused(r, docs.toString(), "holds other files (figures, thesis.tex) and is no results folder (no " + RunFiles.MARKER
					+ " or runs.csv in it)");
			assertTrue(r.err().contains("a new or empty folder), or add --out-into-existing to write them beside those files"), r.err());
			assertEquals(List.of("figures", "thesis.tex"), names(docs), cmd + ": nothing written");
		}
		// the folder the .cell file lies in (--out src)
		assertRefused(cli("run", cell.toString(), "--out", cell.getParent().toString()), cell.getParent().toString(),
				"holds other files (t.cell) and is no results folder (no " + RunFiles.MARKER + " or runs.csv in it)");
		assertEquals(List.of("t.cell"), names(cell.getParent()));
		// a file
		assertRefused(cli("run", cell.toString(), "--out", cell.toString()), cell.toString(), "is a file, not a folder");

		// told: written beside the user's files, which stay; a results folder from then on
		Result told = cli("run", cell.toString(), "--out", docs.toString(), "--out-into-existing");
		assertEquals(0, told.rc(), told.out() + told.err());
		assertEquals("my thesis\n", Files.readString(docs.resolve("thesis.tex")));
		assertTrue(Files.isRegularFile(docs.resolve(RunFiles.MARKER)) && Files.isRegularFile(docs.resolve("runs.csv")), names(docs).toString());
		Result again = cli("run", cell.toString(), "--out", docs.toString());
		assertEquals(0, again.rc(), again.out() + again.err());

		// a new folder gets the marker, and takes runs again; without the marker (an earlier version's) runs.csv says it
		Path mine = tmp.resolve("mine");
		assertEquals(0, cli("run", cell.toString(), "--out", mine.toString()).rc());
		assertTrue(Files.isRegularFile(mine.resolve(RunFiles.MARKER)), names(mine).toString());
		Files.delete(mine.resolve(RunFiles.MARKER));
		Result old = cli("run", cell.toString(), "--out", mine.toString());
		assertEquals(0, old.rc(), old.out() + old.err());
		assertEquals(2, CliTest.latest(mine, "X").getParent().toFile().list((d, n) -> n.startsWith("20")).length);
		// an empty folder takes runs
		Path empty = Files.createDirectories(tmp.resolve("empty"));
		assertEquals(0, cli("run", cell.toString(), "--out", empty.toString()).rc());

		// a project's results folder, of a file in a folder (results/a/t.cell/): CellWright's
		Path project = tmp.resolve("project");
		Cli.write(project.resolve("a/t.cell"), PlatingCell.file("5 MPa"));
		assertEquals(0, Cli.cliIn(project, "run", "a/t.cell").rc());
		Result intoResults = cli("run", cell.toString(), "--out", project.resolve("results").toString());
		assertEquals(0, intoResults.rc(), intoResults.out() + intoResults.err());

		// a folder's run: OUT/<file name> for each file; a folder of results folders takes runs again, one that holds a
		// folder of the user's too is refused
		Path out = tmp.resolve("all");
		assertEquals(0, cli("run", cell.getParent().toString(), "--out", out.toString()).rc());
		Files.delete(out.resolve("t").resolve(RunFiles.MARKER)); // as an earlier version left it
		assertEquals(0, cli("run", cell.getParent().toString(), "--out", out.toString()).rc());
		Path other = Cli.write(cell.resolveSibling("u.cell"), PlatingCell.file("5 MPa"));
		Cli.write(out.resolve("u/notes.txt"), "mine\n");
		Result mixed = cli("run", cell.getParent().toString(), "--out", out.toString());
		assertRefused(mixed, out.toString(), "holds other files (t, u) and is no results folder (no " + RunFiles.MARKER + " or runs.csv in it)");
		assertEquals(List.of("notes.txt"), names(out.resolve("u")));
		assertEquals(2, CliTest.latest(out.resolve("t"), "X").getParent().toFile().list((d, n) -> n.startsWith("20")).length,
				"t.cell not run either");
		Files.delete(other);
	}
}

package org.cellwright.cli.tests;

import static org.cellwright.testing.Cli.cli;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.testing.Cli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --out} of run, a re-run of an inputs.json and fit never names the file system's root, a system folder right
 * below it or the home folder itself (also through a link): refused with one line naming it, exit code 1, nothing
 * written ({@code run t.cell --out /} wrote {@code /FirstCycle/}, {@code /runs.csv} and {@code /.runs.lock} without a
 * word: fuzz22). A folder of the user's below them is a results folder as before.
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
}

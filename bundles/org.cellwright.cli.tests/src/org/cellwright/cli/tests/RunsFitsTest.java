package org.cellwright.cli.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.cellwright.run.store.RunStore;
import org.cellwright.testing.Cli;
import org.cellwright.testing.PlatingCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code runs} lists the fits kept beside the runs (no row in runs.csv: each from its fit.json, with its status, how
 * many estimates and its folder), also in a results folder that holds fits alone, and {@code runs --prune} deletes fits
 * by the runs' rule (keep the N latest of each fit, or those younger than DAYS), never a folder the user made there.
 * Before (loop21's fuzz) neither listed nor deleted a fit: a results folder of fits alone read "no runs".
 */
class RunsFitsTest {

	@TempDir Path tmp;

	/** An older fit of K: a copy of the fit {@code from} under the id {@code id}. */
	private static Path copyFit(Path from, String id) throws Exception {
		Path to = from.resolveSibling(id);
		try (Stream<Path> s = Files.walk(from)) {
			for (Path p : s.toList()) {
				Path q = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(q);
				else Files.copy(p, q);
			}
		}
		return to;
	}

	@Test
	void runsListsFitsWithTheirStatusAndPruneDeletesThemByTheRunsRule() throws Exception {
		Path file = Cli.write(tmp.resolve("t.cell"), PlatingCell.file("5 MPa").replace("expect status = completed",
				"expect status = completed  expect end-time = 2 h within 0.5 h")
				+ "fit K { estimate E.ionic-conductivity between 1 mS/cm and 10 mS/cm  target X expectations }\n");
		Path fits = tmp.resolve("fits"), runs = tmp.resolve("runs");
		Cli.Result fit = Cli.cli("fit", file.toString(), "--out", fits.toString());
		Path newest = RunStore.latest(fits.resolve("K"));
		assertNotNull(newest, fit.out() + fit.err());
		// the mesh the target ran on and who chose it, as fit.json records it (in fit.json alone before session 40), and the
		// fit's report.html alike
		String mesh = fit.out().lines().filter(l -> l.startsWith("  mesh of X: ")).findFirst().orElse(null);
		assertNotNull(mesh, fit.out());
		assertTrue(mesh.matches("  mesh of X: \\d+ x \\d+ \\(particle shells x cathode control volumes\\), the first evaluation's: the solver's"
				+ " choice at the start values; every evaluation on it, neither chosen again nor re-run"), mesh);
		assertTrue(fit.out().indexOf(mesh) < fit.out().indexOf("  results: "), fit.out());
		String report = Files.readString(newest.resolve("report.html"));
		assertTrue(report.contains("<td>X</td><td class=\"num\">" + mesh.replaceAll("  mesh of X: (\\d+) x (\\d+) .*", "$1 \u00d7 $2") + "</td>"),
				report.replaceAll("(?s).*(<section id=\"mesh\".*?</section>).*", "$1"));
		JsonObject json = JsonParser.parseString(Files.readString(newest.resolve("fit.json"))).getAsJsonObject();
		String status = json.get("status").getAsString();
		Path older = copyFit(newest, "20200101-000000-aaaaaa"), oldest = copyFit(newest, "20190101-000000-bbbbbb");
		Path users = Files.createDirectories(fits.resolve("K").resolve("my-notes"));
		Files.writeString(users.resolve("fit.json"), "{}"); // a folder of the user's, not named by a run id
		assertEquals(0, Cli.cli("run", file.toString(), "--out", runs.toString()).rc());

		// a results folder of fits alone (no runs.csv) and a folder of results folders
		Cli.Result list = Cli.cli("runs", fits.toString());
		assertEquals(0, list.rc(), list.out() + list.err());
		assertTrue(list.out().contains("(0 runs, 3 fits)"), list.out());
		for (Path f : new Path[] { newest, older, oldest }) {
			String row = list.out().lines().filter(l -> l.contains(f.getFileName().toString())).findFirst().orElse("");
			assertTrue(row.contains(" K ") && row.contains(status) && row.contains(" 1 ") && row.trim().endsWith(f.getFileName() + "/"),
					"id, fit, status, estimates, folder: " + row + "\n" + list.out());
		}
		assertFalse(list.out().contains("my-notes"), list.out());
		// one listing of each store's fits: the one that decided it keeps something is the one printed (listed twice
		// before, once for each; session 23)
		assertEquals(java.util.List.of(new org.cellwright.cli.RunsCommand.Store(fits, java.util.List.of(oldest, older, newest))),
				org.cellwright.cli.RunsCommand.stores(fits));
		java.util.List<org.cellwright.cli.RunsCommand.Store> stores = org.cellwright.cli.RunsCommand.stores(tmp);
		assertEquals(2, stores.size(), stores.toString());
		for (org.cellwright.cli.RunsCommand.Store st : stores)
			assertEquals(st.folder().equals(fits) ? 3 : 0, st.fits().size(), stores.toString());
		Cli.Result all = Cli.cli("runs", tmp.toString());
		assertEquals(0, all.rc(), all.out() + all.err());
		assertTrue(all.out().contains("(1 run)") && all.out().contains("(0 runs, 3 fits)"), all.out());

		// the runs' rule: the latest of each fit kept, and the runs' own (one each) untouched
		Cli.Result pruned = Cli.cli("runs", tmp.toString(), "--prune", "--keep-last", "1");
		assertEquals(0, pruned.rc(), pruned.out() + pruned.err());
		assertTrue(pruned.out().contains("0 runs deleted, 2 fits deleted"), pruned.out());
		assertTrue(pruned.out().contains("0 runs deleted, 0 fits deleted"), pruned.out());
		assertFalse(Files.exists(older) || Files.exists(oldest), pruned.out());
		assertTrue(Files.isRegularFile(newest.resolve("fit.json")) && Files.isRegularFile(users.resolve("fit.json")),
				"the latest fit and the user's folder are kept");
		assertEquals(newest, RunStore.latest(fits.resolve("K")));
		assertTrue(Files.isDirectory(RunStore.latest(runs.resolve("X"))));

		// --older-than: by the time in the fit's id
		copyFit(newest, "20200101-000000-cccccc");
		pruned = Cli.cli("runs", fits.toString(), "--prune", "--older-than", "365");
		assertEquals(0, pruned.rc(), pruned.out() + pruned.err());
		assertTrue(pruned.out().contains("0 runs deleted, 1 fit deleted"), pruned.out());
		assertFalse(Files.exists(fits.resolve("K").resolve("20200101-000000-cccccc")));
		assertTrue(Files.isDirectory(newest));
	}
}

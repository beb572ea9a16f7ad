package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.cellwright.testing.Cli;
import org.cellwright.testing.PlatingCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Issue 17's reproducers: an inputs.json whose experiment name is a path, an absolute path or 300 characters long
 * must not make {@code run inputs.json --out DIR} write outside DIR (or anywhere): a clear error, nothing written.
 */
class ConfinementTest {

	@TempDir Path tmp;

	/** The inputs.json of a real run, to be tampered with. */
	Path inputs() throws Exception {
		Path f = Cli.write(tmp.resolve("t.cell"), PlatingCell.file("5 MPa"));
		Cli.Result r = Cli.cli("run", f.toString(), "--out", tmp.resolve("first").toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		return tmp.resolve("first/X/latest/inputs.json");
	}

	Path withExperiment(Path inputs, String name) throws Exception {
		JsonObject j = JsonParser.parseString(Files.readString(inputs)).getAsJsonObject();
		j.getAsJsonObject("provenance").addProperty("experiment", name);
		return Cli.write(tmp.resolve("shared/inputs-" + Integer.toHexString(name.hashCode()) + ".json"), j.toString());
	}

	@Test
	void namesThatAreNoFolderNamesAreRefusedBeforeAnythingIsWritten() throws Exception {
		Path in = inputs();
		Path out = tmp.resolve("deep/a/b/out");
		Path victim = Cli.write(tmp.resolve("deep/x/summary.json"), "{\"mine\": true}");
		for (String name : new String[] { "../../x", tmp.resolve("abs").toAbsolutePath().toString(), "y".repeat(300), "..", "a\u001b[2Jb" }) {
			Cli.Result r = Cli.cli("run", withExperiment(in, name).toString(), "--out", out.toString());
			assertEquals(1, r.rc(), name + ": " + r.out() + r.err());
			assertTrue(r.err().contains("provenance.experiment: "), r.err());
			assertTrue(r.err().contains("cellwright: not run"), r.err());
			assertFalse(r.err().contains("Exception"), r.err());
			assertFalse(r.err().contains("\u001b"), "control characters are escaped: " + r.err());
			assertFalse(Files.exists(out), name + ": nothing written");
		}
		assertEquals("{\"mine\": true}", Files.readString(victim), "the file outside --out is untouched");
		assertFalse(Files.exists(tmp.resolve("abs")));
	}

	/**
	 * {@code run --out} a folder of the user's that holds a report.html of their own (or a link named so): the front
	 * page over several runs overwrote it (through the link: the file it points to); now it is kept and said so, and
	 * the front page written where it is CellWright's own (fuzz20). Since session 24 such a folder is refused unless
	 * {@code --out-into-existing} says to write into it (input24).
	 */
	@Test
	void theFrontPageOfSeveralRunsKeepsAReportHtmlOfTheUsers() throws Exception {
		Path f = Cli.write(tmp.resolve("t.cell"), PlatingCell.file("5 MPa") + "experiment Y { cell C protocol P }\n");
		Path mine = Cli.write(tmp.resolve("docs/report.html"), "<p>my notes</p>");
		Cli.Result refused = Cli.cli("run", f.toString(), "--out", tmp.resolve("docs").toString());
		assertEquals(1, refused.rc(), "a folder of the user's that is no results folder is refused: " + refused.out() + refused.err());
		assertFalse(Files.exists(tmp.resolve("docs/runs.csv")), "nothing written");
		Cli.Result r = Cli.cli("run", f.toString(), "--out", tmp.resolve("docs").toString(), "--out-into-existing");
		assertEquals(0, r.rc(), r.out() + r.err());
		assertEquals("<p>my notes</p>", Files.readString(mine), "the user's file is kept");
		assertTrue(r.err().contains("report.html exists and is not a report CellWright wrote; kept"), r.err());
		assertTrue(Files.isRegularFile(tmp.resolve("docs/X/latest/report.html")), "each run has its report");
		Path elsewhere = Cli.write(tmp.resolve("elsewhere.html"), "<p>other</p>");
		Files.createDirectories(tmp.resolve("linked"));
		Files.createSymbolicLink(tmp.resolve("linked/report.html"), elsewhere);
		Cli.Result linked = Cli.cli("run", f.toString(), "--out", tmp.resolve("linked").toString(), "--out-into-existing");
		assertEquals(0, linked.rc(), linked.out() + linked.err());
		assertEquals("<p>other</p>", Files.readString(elsewhere), "nothing written through the link");
		// CellWright's own front page is written again
		Cli.Result own = Cli.cli("run", f.toString(), "--out", tmp.resolve("own").toString());
		assertEquals(0, own.rc(), own.out() + own.err());
		String first = Files.readString(tmp.resolve("own/report.html"));
		Cli.Result again = Cli.cli("run", f.toString(), "--out", tmp.resolve("own").toString());
		assertEquals(0, again.rc(), again.out() + again.err());
		assertTrue(again.out().contains("report: "), again.out());
		assertFalse(again.err().contains("no front page"), again.err());
		assertFalse(first.equals(Files.readString(tmp.resolve("own/report.html"))), "rewritten over the runs of both");
	}

	@Test
	void aStepValueMarkedInAnotherUnitIsRefusedNotReinterpreted() throws Exception {
		Path in = inputs();
		JsonObject j = JsonParser.parseString(Files.readString(in)).getAsJsonObject();
		JsonObject step = j.getAsJsonObject("protocol").getAsJsonArray("steps").get(0).getAsJsonObject();
		assertEquals("A/m2", step.get("unit").getAsString(), "written in SI");
		step.addProperty("unit", "mA/cm2");
		Path bad = Cli.write(tmp.resolve("shared/unit.json"), j.toString());
		Cli.Result r = Cli.cli("run", bad.toString(), "--out", tmp.resolve("out").toString());
		assertEquals(1, r.rc(), r.out() + r.err());
		assertTrue(r.err().contains("protocol.steps[0].unit: expected \"A/m2\" (SI, mode DENSITY), found \"mA/cm2\""), r.err());
		assertFalse(Files.exists(tmp.resolve("out")));
	}

	@Test
	void runTakesAFolderAndRunsEveryCellFileInIt() throws Exception {
		Path dir = Files.createDirectories(tmp.resolve("cells"));
		Cli.write(dir.resolve("a.cell"), PlatingCell.file("5 MPa"));
		Cli.write(dir.resolve("b.cell"), PlatingCell.file("10 MPa").replace("package t", "package u"));
		Cli.Result r = Cli.cli("run", dir.toString(), "--out", tmp.resolve("out").toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		for (String f : new String[] { "a", "b" })
			assertTrue(Files.isRegularFile(tmp.resolve("out").resolve(f).resolve("X/latest/summary.json")), f + "\n" + r.out());
		Path empty = Files.createDirectories(tmp.resolve("empty"));
		Cli.Result none = Cli.cli("run", empty.toString());
		assertEquals(1, none.rc());
		assertTrue(none.err().contains("no .cell file in this folder"), none.err());
	}

	static long count(Path p) throws Exception {
		try (Stream<Path> s = Files.walk(p)) {
			return s.count();
		}
	}
}

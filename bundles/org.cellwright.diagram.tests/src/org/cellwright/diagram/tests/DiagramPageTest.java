package org.cellwright.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.cellwright.diagram.CellDiagramServer;
import org.junit.jupiter.api.Test;

/**
 * The diagram in an ordinary browser: the GLSP web client served by the Java server, loaded by headless Chromium
 * (web/test/diagram-page.test.mjs, playwright-core), draws one node per element of baseline-halfcell.cell with edges,
 * laid out by ELK on the server. Leaves a screenshot in target/diagram-baseline-halfcell.png.
 */
class DiagramPageTest {

	@Test
	void chromiumRendersTheNodesOfTheBaselineHalfCell() throws Exception {
		Path web = Path.of(System.getProperty("cellwright.diagram.web", "../org.cellwright.diagram/web")).toAbsolutePath().normalize();
		Path screenshot = Path.of("target", "diagram-baseline-halfcell.png").toAbsolutePath();
		Files.createDirectories(screenshot.getParent());
		try (CellDiagramServer server = CellDiagramServer.start()) {
			List<String> cmd = new ArrayList<>(List.of("bash", web.resolve("test/page-test.sh").toString(),
					server.pageUri(CellGraphsTest.example()).toString(), screenshot.toString()));
			cmd.addAll(List.of("SUS", "LPSCl", "Li", "BareSUS", "collector", "separator", "counter", "backing",
					"FirstPlatingStripping", "FirstCycle"));
			Path log = screenshot.resolveSibling("diagram-page-test.log");
			Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			boolean done = p.waitFor(300, TimeUnit.SECONDS);
			if (!done) p.destroyForcibly().waitFor();
			String out = Files.readString(log, StandardCharsets.UTF_8);
			assertTrue(done, "page test did not finish: " + out);
			assertEquals(0, p.exitValue(), out);
			assertTrue(out.contains("\"label\":\"LPSCl\""), out);
			assertTrue(Files.size(screenshot) > 0);
		}
	}

	/** The palette, undo and rename in the page write the file (a copy of the example): no IDE involved. */
	@Test
	void editingInTheBrowserPageWritesTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		Path web = Path.of(System.getProperty("cellwright.diagram.web", "../org.cellwright.diagram/web")).toAbsolutePath().normalize();
		Path screenshot = Path.of("target", "diagram-edit.png").toAbsolutePath();
		Files.createDirectories(screenshot.getParent());
		Path file = dir.resolve("baseline-halfcell.cell");
		Files.copy(CellGraphsTest.example(), file);
		try (CellDiagramServer server = CellDiagramServer.start()) {
			ProcessBuilder pb = new ProcessBuilder("bash", web.resolve("test/page-test.sh").toString(),
					server.pageUri(file).toString(), file.toString(), screenshot.toString());
			pb.environment().put("PAGE_TEST", "diagram-edit.test.mjs");
			Path log = screenshot.resolveSibling("diagram-edit-test.log");
			Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
			boolean done = p.waitFor(300, TimeUnit.SECONDS);
			if (!done) p.destroyForcibly().waitFor();
			String out = Files.readString(log, StandardCharsets.UTF_8);
			assertTrue(done, "edit test did not finish: " + out);
			assertEquals(0, p.exitValue(), out);
		}
		String text = Files.readString(file, StandardCharsets.UTF_8);
		assertTrue(text.contains("material Argyrodite is solid-electrolyte"), text);
		assertTrue(text.contains("// A first look at CellWright"), "comments kept: " + text);
		assertTrue(!text.contains("material1"), "the palette's material was undone: " + text);
	}

	/**
	 * The editor made small, then large again: the drawing is fitted again each time, beside the tool palette (it
	 * kept the zoom and place of the load, so a small editor showed a corner of the diagram under the palette).
	 */
	@Test
	void aResizedPageFitsTheDiagramBesideThePaletteAgain() throws Exception {
		Path web = Path.of(System.getProperty("cellwright.diagram.web", "../org.cellwright.diagram/web")).toAbsolutePath().normalize();
		Path screenshot = Path.of("target", "diagram-resized.png").toAbsolutePath();
		Files.createDirectories(screenshot.getParent());
		try (CellDiagramServer server = CellDiagramServer.start()) {
			ProcessBuilder pb = new ProcessBuilder("bash", web.resolve("test/page-test.sh").toString(),
					server.pageUri(CellGraphsTest.example()).toString(), screenshot.toString());
			pb.environment().put("PAGE_TEST", "diagram-resize.test.mjs");
			Path log = screenshot.resolveSibling("diagram-resize-test.log");
			Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
			boolean done = p.waitFor(300, TimeUnit.SECONDS);
			if (!done) p.destroyForcibly().waitFor();
			String out = Files.readString(log, StandardCharsets.UTF_8);
			assertTrue(done, "resize test did not finish: " + out);
			assertEquals(0, p.exitValue(), out);
		}
	}
}

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
}

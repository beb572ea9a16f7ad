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
		Path screenshot = screenshot("diagram-baseline-halfcell.png");
		try (CellDiagramServer server = CellDiagramServer.start()) {
			List<String> args = new ArrayList<>(List.of(server.pageUri(CellGraphsTest.example()).toString(), screenshot.toString()));
			args.addAll(List.of("SUS", "LPSCl", "Li", "BareSUS", "collector", "separator", "counter", "backing",
					"FirstPlatingStripping", "FirstCycle"));
			String out = pageTest("diagram-page.test.mjs", "diagram-page-test.log", args);
			assertTrue(out.contains("\"label\":\"LPSCl\""), out);
			assertTrue(Files.size(screenshot) > 0);
		}
	}

	/** The palette, undo and rename in the page write the file (a copy of the example): no IDE involved. */
	@Test
	void editingInTheBrowserPageWritesTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		Path screenshot = screenshot("diagram-edit.png");
		Path file = dir.resolve("baseline-halfcell.cell");
		Files.copy(CellGraphsTest.example(), file);
		try (CellDiagramServer server = CellDiagramServer.start()) {
			pageTest("diagram-edit.test.mjs", "diagram-edit-test.log", List.of(server.pageUri(file).toString(), file.toString(), screenshot.toString()));
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
		Path screenshot = screenshot("diagram-resized.png");
		try (CellDiagramServer server = CellDiagramServer.start()) {
			pageTest("diagram-resize.test.mjs", "diagram-resize-test.log", List.of(server.pageUri(CellGraphsTest.example()).toString(), screenshot.toString()));
		}
	}

	/**
	 * A wide drawing, a cell with a 70-character name and 14 layers, and the study's experiments.cell (read with its
	 * folder): at load every node is drawn inside the page and none under the tool palette. Before, the materials'
	 * column (and experiments.cell's protocol FormationAt5MPaThenCyclingAt65MPa) was drawn under the palette.
	 * Screenshots in target/diagram-wide.png and target/diagram-experiments.png.
	 */
	@Test
	void aWideDrawingIsFittedBesideThePalette(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		String name = "HalfCellWithAFourteenLayerStackOfCollectorsSeparatorsAndInterlayers_70";
		assertEquals(70, name.length());
		StringBuilder text = new StringBuilder("package wide\n\nimport cellwright.materials.*\nimport cellwright.composites.*\n\ncell ")
				.append(name).append(" {\n");
		String[] materials = { "SUS", "Li6PS5Cl", "SiCNT", "Li" };
		for (int i = 1; i <= 14; i++) text.append("\tlayer layer").append(i).append(": ").append(materials[i % materials.length]).append(" 10 um\n");
		Path file = dir.resolve("wide.cell");
		Files.writeString(file, text.append("}\n"), StandardCharsets.UTF_8);
		Path experiments = dir.resolve("sung2023");
		Files.createDirectories(experiments);
		try (var files = Files.list(CellGraphsTest.example().resolveSibling("sung2023"))) {
			for (Path f : files.filter(f -> f.toString().endsWith(".cell")).toList()) Files.copy(f, experiments.resolve(f.getFileName()));
		}
		try (CellDiagramServer server = CellDiagramServer.start()) {
			pageTest("diagram-wide.test.mjs", "diagram-wide-test.log",
					List.of(server.pageUri(file).toString(), screenshot("diagram-wide.png").toString(), name));
			pageTest("diagram-wide.test.mjs", "diagram-experiments-test.log", List.of(server.pageUri(experiments.resolve("experiments.cell")).toString(),
					screenshot("diagram-experiments.png").toString(), "FormedAt5MPaCycledAt65MPa"));
		}
	}

	/**
	 * In an ordinary browser the page follows its file on disk: a material another program appends is drawn without a
	 * reload, and the viewport the user zoomed to stays (web/test/diagram-watch.test.mjs). Before, only the IDE's
	 * documents told the diagram of a change; the page showed the old text until its next edit.
	 */
	@Test
	void aFileChangedOnDiskIsRedrawnKeepingTheUsersViewport(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		pageTestOnTheExample(dir, "diagram-watch", "diagram-watch.png");
	}

	/**
	 * A label double-clicked again right after its edit was closed (Escape; Enter with the name unchanged) keeps the new
	 * edit open: the close's blur applied "the" edit 200 ms later and closed the new one unchanged, its input shown and
	 * hidden before anything was typed (CI's 'element is not visible' in the rename test after Cancel). The page's
	 * timers are held from the close until the new edit is open (web/test/diagram-label-edit.test.mjs). A redraw for a
	 * change on disk keeps an open edit and its typed text, placed over the label where it is drawn now.
	 */
	@Test
	void aLabelEditOpenedAgainRightAfterTheLastOneClosedStaysOpen(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		Path file = pageTestOnTheExample(dir, "diagram-label-edit", "diagram-label-edit.png");
		assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("material LPSCl "), "no edit was applied");
	}

	/**
	 * In an ordinary browser a layer rename that changes another file of the folder (thin.cell's 'after wcc') is asked in
	 * the page, naming thin.cell and where it names the layer: Cancel changes nothing, yes renames it in both files, one
	 * Ctrl+Z puts both back (web/test/diagram-rename-files.test.mjs; screenshot of the question in
	 * target/diagram-rename-files.png). Before, the page refused such a rename, naming the files.
	 */
	@Test
	void aLayerRenameThatChangesAnotherFileIsAskedInThePageAndMadeInBoth(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		Path base = dir.resolve("base.cell"), thin = dir.resolve("thin.cell");
		Files.writeString(base, DiagramEditsTest.BASE, StandardCharsets.UTF_8);
		Files.writeString(thin, DiagramEditsTest.THIN, StandardCharsets.UTF_8);
		try (CellDiagramServer server = CellDiagramServer.start()) {
			pageTest("diagram-rename-files.test.mjs", "diagram-rename-files-test.log",
					List.of(server.pageUri(base).toString(), base.toString(), thin.toString(), screenshot("diagram-rename-files.png").toString()));
		}
		assertEquals(DiagramEditsTest.BASE, Files.readString(base, StandardCharsets.UTF_8), "undone");
		assertEquals(DiagramEditsTest.THIN, Files.readString(thin, StandardCharsets.UTF_8), "undone");
	}

	/**
	 * A name the rename would refuse shows its reason above the label edit while it is typed, before Enter: not a name
	 * ("2LPSCl", "LPS Cl"), a name another element has ("Li"); Enter then keeps the edit open and the file unchanged,
	 * and a name the rename takes clears the message (web/test/diagram-name-check.test.mjs; screenshot of the message in
	 * target/diagram-name-check.png). Before, nothing was shown until Enter.
	 */
	@Test
	void aNameTheRenameWouldRefuseShowsItsReasonWhileItIsTyped(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		Path file = pageTestOnTheExample(dir, "diagram-name-check", "diagram-name-check.png");
		assertTheExampleUnchanged(file, "no edit was applied");
	}

	/**
	 * The answer to a name check that comes late (the server busy; the page test holds each answer 3 s, longer than the
	 * 2 s GLSP's validator waited) is shown when it comes, and an answer for an edit closed meanwhile is dropped, with
	 * nothing in the log (web/test/diagram-late-validation.test.mjs). Before (session 33), the page took the name for
	 * valid after 2 s and logged "Missing handler for action 'setEditValidationResult'" when the answer came.
	 */
	@Test
	void aLateAnswerToANameCheckIsShownAndNothingIsLogged(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		nameCheckPageTest(dir, "diagram-late-validation");
	}

	/**
	 * A name check the server does not answer for longer than the page waits before it says so (4 s; the page test holds
	 * each answer 8 s): the edit shows the warning "No answer from the server yet ...", then the answer when it comes;
	 * Enter meanwhile applies nothing the server refuses, and an accepting answer to an Enter that comes after the edit
	 * was closed (Escape) applies nothing (web/test/diagram-no-answer.test.mjs). Before (session 34) the check showed
	 * nothing however long the server took, and that late answer applied the name the user had given up.
	 */
	@Test
	void aNameCheckTheServerDoesNotAnswerSaysSoAndEnterAppliesNothingWithoutTheAnswer(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		nameCheckPageTest(dir, "diagram-no-answer");
	}

	/**
	 * A name check that fails, the request rejected or the connection to the server closed before the answer (the page
	 * test answers the check with a rejectRequest, then closes the connection on one): the edit shows the error "The name
	 * could not be checked: REASON. ...", Enter leaves it open, applies nothing and does not ask again, typing asks the
	 * server again, Escape closes the edit (web/test/diagram-check-failed.test.mjs). Before (session 34) a failed check
	 * was taken for an accepted name: nothing shown, and Enter applied the name without the server's answer.
	 */
	@Test
	void aNameCheckThatFailsIsAnErrorOnTheEditAndEnterAppliesNothing(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		nameCheckPageTest(dir, "diagram-check-failed");
	}

	/**
	 * Runs the page test web/test/NAME.test.mjs on a copy of the example served by a server of its own, with the page's
	 * URL, the copy and, where a screenshot's name is given, its path as arguments; returns the copy.
	 */
	private static Path pageTestOnTheExample(Path dir, String name, String screenshotName) throws Exception {
		Path file = dir.resolve("baseline-halfcell.cell");
		Files.copy(CellGraphsTest.example(), file);
		try (CellDiagramServer server = CellDiagramServer.start()) {
			List<String> args = new ArrayList<>(List.of(server.pageUri(file).toString(), file.toString()));
			if (screenshotName != null) args.add(screenshot(screenshotName).toString());
			pageTest(name + ".test.mjs", name + "-test.log", args);
		}
		return file;
	}

	/** The copy of the example reads as the example: the page test applied no edit, or undid those it made. */
	private static void assertTheExampleUnchanged(Path file, String message) throws java.io.IOException {
		assertEquals(Files.readString(CellGraphsTest.example(), StandardCharsets.UTF_8), Files.readString(file, StandardCharsets.UTF_8), message);
	}

	/** A name check's page test, web/test/NAME.test.mjs, on a copy of the example served by a server of its own: no edit applied. */
	private static void nameCheckPageTest(Path dir, String name) throws Exception {
		Path file = pageTestOnTheExample(dir, name, null);
		assertTheExampleUnchanged(file, "no edit was applied");
	}

	/**
	 * A double-click on a name while the page is redrawn (the file changed on disk) opens its edit: the page keeps the
	 * front-to-back order of the nodes it has, so the node the first click brought to the front stays in the page. The
	 * test holds the server's redraw from the change until the second mousedown and has it drawn before the second
	 * mouseup (web/test/diagram-redraw-click.test.mjs). Before, the redraw in the server's order took the node out of
	 * the page and put it in again, and Chromium dropped the click: no edit opened.
	 */
	@Test
	void aDoubleClickOnANameDuringARedrawOpensItsEdit(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		pageTestOnTheExample(dir, "diagram-redraw-click", null);
	}

	/**
	 * The server stopped and started again while the user has a label edit open with a name typed, a viewport of their
	 * own and a selection (the page is loaded through a proxy in the test script that stops listening for 3 s, then
	 * listens on the same port again; web/test/diagram-reconnect.test.mjs): the page connects again, keeps the edit with
	 * its text (checked by the server again), the viewport and the selection, and says that the connection came back;
	 * Enter then renames. An edit whose element was renamed on disk meanwhile is not opened again, and a line of its own
	 * under the message line names the element and the text typed, which nothing applied, in the error colour; a click
	 * on the text selects it, a click on the message line clears that line but not the name's. The connection cut with
	 * the server slow to answer (2.5 s for each attempt): one attempt at a time, one reconnect, the edit kept; Enter
	 * applies the name typed before, and its line goes. While the server is away the page's waiting line says so; the
	 * line that says the connection came back is information, not in the error colour. Before (session 35) the page stopped trying after the first
	 * refused reconnect and never connected again; a reconnect built a new diagram, the edit and its text gone, the
	 * viewport fitted again, the selection empty, nothing said; a server slow to answer got three attempts and three
	 * reconnects, and the edit was lost; before session 36 nothing was said while the page reconnected and the "is back"
	 * line was red. Screenshot in target/diagram-reconnect.png.
	 */
	@Test
	void aPageWhoseServerStopsAndStartsAgainKeepsTheUsersEditViewportAndSelection(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		Path file = pageTestOnTheExample(dir, "diagram-reconnect", "diagram-reconnect.png");
		assertTheExampleUnchanged(file, "the rename after the reconnect was undone, the text typed for the renamed element not applied");
	}

	/**
	 * A name typed that the server did not take stays until the user takes it (web/test/diagram-lost-name.test.mjs,
	 * through the test script's proxy): Argyro typed for LPSCl, LPSCl renamed on disk while the server is away; after
	 * the reconnect the name has a line of its own under the message line with a Copy and a close button. The server
	 * goes away again before the user has taken it (Sulfur typed for Sulfide, the file written back meanwhile): the
	 * waiting line is said and the name's line stays beside it; after the reconnect both names are kept. Copy puts the
	 * name on the clipboard and its line goes; the close button drops the other. Before (session 36) the name was said
	 * in the message line, and the waiting line took its place: the name typed was gone. Screenshot of the waiting line
	 * with the name in target/diagram-lost-name.png.
	 */
	@Test
	void aNameTypedThatTheServerDidNotTakeStaysBesideTheWaitingLineUntilCopiedOrClosed(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		Path file = pageTestOnTheExample(dir, "diagram-lost-name", "diagram-lost-name.png");
		assertTheExampleUnchanged(file, "nothing typed was applied, the file written back");
	}

	/**
	 * The server gone and answering nothing (a suspended process: the page is loaded through a proxy in the test script
	 * that cuts its connection, then accepts every attempt to connect and answers nothing; web/test/diagram-server-away.test.mjs):
	 * at once the page's waiting line says that the server is away since when, that the diagram is read-only, and that
	 * it reconnects; an attempt not answered within 5 s is given up and made again, the line saying so ('attempt 1 not
	 * answered within 5 s'); a Delete made meanwhile is refused with the line saying so, the file unchanged. Once the
	 * proxy passes the attempts on again the page connects, the waiting line goes, and the line that says the connection
	 * is back is information, not in the error colour. Before (session 36) an attempt waited for Chromium's own timeout of
	 * the websocket's handshake (minutes) without a word, nothing was said while the page reconnected, the Delete was
	 * lost with a page error, and the "is back" line was red. Screenshot of the waiting line in target/diagram-server-away.png.
	 */
	@Test
	void aPageWhoseServerAnswersNothingGivesEachAttemptUpAfterItsTimeoutAndSaysItIsReadOnly(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		Path file = pageTestOnTheExample(dir, "diagram-server-away", "diagram-server-away.png");
		assertTheExampleUnchanged(file, "the Delete made while the server was away changed nothing");
	}

	/**
	 * The server stops answering on the page's open connection (a process suspended, SIGSTOP or a debugger; a network
	 * that holds the packets: the page is loaded through a proxy in the test script that keeps the connection open and
	 * passes nothing on; web/test/diagram-server-paused.test.mjs, with the page parameters heartbeat=2 and
	 * heartbeat-timeout=4): while the server answers, the page's heartbeat says and logs nothing; once it does not, within
	 * 2 + 4 s the waiting line says "The diagram server has not answered for 4 s, since HH:MM:SS", the diagram is
	 * read-only and a Delete made then is refused with the line saying so, the file unchanged. Once the proxy passes
	 * things on again the page connects and says, as information, "The diagram server did not answer for N s (from
	 * HH:MM:SS): the page closed the connection after 4 s without an answer and connected again, ..." (not "closed and
	 * is back", said of a connection the server or the network closed), and a Delete is made in the file again (and
	 * undone by Ctrl+Z). A Delete pressed right after a second pause, before the page noticed it, is named on the waiting
	 * line ("may not have reached the server"); after the reconnect the diagram shows whether the file has it. A Delete
	 * whose new model was drawn before a third pause (made just after a heartbeat was answered, the proxy paused before
	 * the next) is not named: the server answered it. Before (session 37) the page learnt only of a connection that
	 * closed: it stayed "connected" to the paused server without a word, and the Delete was lost; before session 38 it
	 * said "closed and is back" after a connection it had given up itself, and named the Delete whose new model had
	 * come. Screenshots of the waiting line in target/diagram-server-paused.png, of the line once the server answers
	 * again in target/diagram-server-paused-back.png.
	 */
	@Test
	void aPageWhoseServerStopsAnsweringOnAnOpenConnectionSaysSoAndRefusesEditsUntilItIsBack(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		Path file = pageTestOnTheExample(dir, "diagram-server-paused", "diagram-server-paused.png");
		assertTheExampleUnchanged(file, "the Delete made while the server was silent changed nothing, the one made after was undone, the file written back after the last");
	}

	/**
	 * The page matches each edit to the server's answer to it, one to one (web/test/diagram-edit-answers.test.mjs, the
	 * page through the proxy, heartbeat=4 and heartbeat-timeout=4): an update the server sends for no edit of the page
	 * (the file written by another program) that reaches the page while its Delete is held on the way to the server
	 * answers no edit, and the waiting line names the Delete; of a Delete the server refuses (LPSCl, used by a layer), a
	 * Delete it makes (FirstCycle) and a Delete sent after the server paused, only the last is named ("The delete made
	 * at HH:MM:SS may not have reached the server"). Before (session 38) the page counted the server's dirty states of
	 * edits and named "2 edits" there. The file is written back as it was after each. Screenshot of the waiting line
	 * naming the one edit in target/diagram-edit-answers.png.
	 */
	@Test
	void theWaitingLineNamesTheEditsTheServerDidNotAnswerNotThoseAnUpdateForAnotherChangeOrARefusalAnswered(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		Path file = pageTestOnTheExample(dir, "diagram-edit-answers", "diagram-edit-answers.png");
		assertTheExampleUnchanged(file, "the file written back after each held Delete");
	}

	/**
	 * An edit the server refuses is said on the page with the server's reason (web/test/diagram-refused-edit.test.mjs):
	 * the Delete of LPSCl, a material still used by a layer, puts "The delete was refused by the server (HH:MM:SS):
	 * material LPSCl is used by layer separator of cell BareSUS: change or delete that first." in the page's message
	 * line, in the error red, where it stays until the next edit (Ctrl+Z, nothing to undo) or a click on it. Before
	 * (session 39) the page dropped the server's message: the Delete did nothing and the page said nothing. Screenshot
	 * in target/diagram-refused-edit.png.
	 */
	@Test
	void anEditTheServerRefusesIsSaidOnThePageWithTheServersReason(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		Path file = pageTestOnTheExample(dir, "diagram-refused-edit", "diagram-refused-edit.png");
		assertTheExampleUnchanged(file, "the refused Delete changed nothing");
	}

	/**
	 * The errors the server reports are said in a user's words, the server's own detail folded under the line
	 * (web/test/diagram-server-errors.test.mjs, the page's websocket routed through playwright): an action that is no
	 * edit and that the server cannot read gives "The diagram server could not handle a request of the page (HH:MM:SS).
	 * It was no edit: the file is not changed by it. If the diagram does not look right, reload it (...)", GLSP's text
	 * under Details; a request the server knows by its kind that failed (requestMarkers with a number among its
	 * names) is named, "The diagram server failed while checking the model for problems (HH:MM:SS). ..." (session 41;
	 * screenshot target/diagram-server-errors-request.png), and so is the request of a page of a file that is not
	 * there, "... failed while opening the diagram of the file ..."; a Delete sent on its way as a kind the server does not know is answered as refused: "The delete was refused by
	 * the server (HH:MM:SS): the server could not read this edit, so nothing was changed (...): reload the diagram and
	 * make the edit again.", the reader's message under Details, no edit left unanswered. Before (session 39) the server
	 * dropped both (no line, the Delete never answered), and an error for no edit was said as GLSP's "[GLSP-Server] Could
	 * not process message: ...". Screenshot in target/diagram-server-errors.png.
	 */
	@Test
	void theServersErrorsAreSaidInAUsersWordsWithTheServersDetailUnderTheLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		Path file = pageTestOnTheExample(dir, "diagram-server-errors", "diagram-server-errors.png");
		assertTheExampleUnchanged(file, "the unreadable Delete changed nothing");
	}

	/**
	 * A page opened before its server answers (the IDE's diagram editor opened while the server starts, a page reloaded
	 * while it restarts; the page is loaded through a proxy in the test script that stops when the page's first attempt
	 * to connect reaches it and listens again 3 s later; web/test/diagram-first-connect.test.mjs): the page says
	 * "Waiting for the diagram server at ws://... since HH:MM:SS: attempt N failed, trying again every second" (N grows),
	 * draws the diagram once the server answers, and the message goes. Before (session 35) the first failed attempt ended
	 * it: 'Loading...' for ever. Screenshot in target/diagram-first-connect.png.
	 */
	@Test
	void aPageOpenedBeforeItsServerAnswersWaitsForItAndDrawsTheDiagram() throws Exception {
		try (CellDiagramServer server = CellDiagramServer.start()) {
			pageTest("diagram-first-connect.test.mjs", "diagram-first-connect-test.log",
					List.of(server.pageUri(CellGraphsTest.example()).toString(), screenshot("diagram-first-connect.png").toString()));
		}
	}

	private static Path screenshot(String name) throws Exception {
		Path screenshot = Path.of("target", name).toAbsolutePath();
		Files.createDirectories(screenshot.getParent());
		return screenshot;
	}

	/** Runs web/test/SCRIPT through page-test.sh with the arguments; asserts it ended with 0, returns its output. */
	private static String pageTest(String script, String logName, List<String> args) throws Exception {
		Path web = Path.of(System.getProperty("cellwright.diagram.web", "../org.cellwright.diagram/web")).toAbsolutePath().normalize();
		List<String> cmd = new ArrayList<>(List.of("bash", web.resolve("test/page-test.sh").toString()));
		cmd.addAll(args);
		ProcessBuilder pb = new ProcessBuilder(cmd);
		pb.environment().put("PAGE_TEST", script);
		Path log = Path.of("target", logName).toAbsolutePath();
		Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		boolean done = p.waitFor(300, TimeUnit.SECONDS);
		if (!done) p.destroyForcibly().waitFor();
		String out = Files.readString(log, StandardCharsets.UTF_8);
		assertTrue(done, script + " did not finish: " + out);
		assertEquals(0, p.exitValue(), out);
		return out;
	}
}

package org.cellwright.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.cellwright.diagram.CellDiagramModule;
import org.cellwright.diagram.CellDiagramServer;
import org.cellwright.diagram.ServerErrors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The GLSP server in OSGi: Jetty on loopback, the web page served, and the GLSP protocol over the websocket
 * (initializeServer, initializeClientSession, requestModel) answering with the graph of a .cell file.
 */
class CellDiagramServerTest {

	static CellDiagramServer server;
	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@BeforeAll
	static void start() throws Exception {
		server = CellDiagramServer.start();
	}

	@AfterAll
	static void stop() throws Exception {
		server.close();
	}

	@Test
	void servesTheDiagramPageOnLoopback() throws Exception {
		URI page = server.pageUri(CellGraphsTest.example());
		assertEquals("127.0.0.1", page.getHost());
		HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
		assertEquals(200, r.statusCode());
		assertTrue(r.body().contains("bundle.js"), r.body());
		HttpResponse<String> js = HTTP.send(HttpRequest.newBuilder(page.resolve("bundle.js")).build(), HttpResponse.BodyHandlers.ofString());
		assertEquals(200, js.statusCode());
		assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
		for (String outside : List.of("../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "../META-INF/MANIFEST.MF")) {
			HttpResponse<String> r2 = HTTP.send(HttpRequest.newBuilder(URI.create(page.resolve(".") + outside)).build(), HttpResponse.BodyHandlers.ofString());
			assertTrue(r2.statusCode() == 404 || r2.statusCode() == 400, outside + ": " + r2.statusCode());
		}
	}

	@Test
	void answersRequestModelWithTheGraphOfTheFile() throws Exception {
		BlockingQueue<JsonObject> in = new LinkedBlockingQueue<>();
		WebSocket ws = HTTP.newWebSocketBuilder().buildAsync(server.websocketUri(), new Collector(in)).get(10, TimeUnit.SECONDS);
		try {
			requestModel(ws, in, CellGraphsTest.example().toString());
			// the client measures labels first (needsClientLayout): the server asks for bounds with the new root
			JsonObject bounds = next(in, m -> "process".equals(str(m, "method"))
					&& "requestBounds".equals(m.getAsJsonObject("params").getAsJsonObject("action").get("kind").getAsString()));
			JsonObject root = bounds.getAsJsonObject("params").getAsJsonObject("action").getAsJsonObject("newRoot");
			assertEquals("graph", root.get("type").getAsString());
			JsonArray children = root.getAsJsonArray("children");
			assertTrue(children.toString().contains("\"id\":\"layer:BareSUS.separator\""), children.toString());
			assertTrue(children.toString().contains("\"id\":\"material:LPSCl\""), children.toString());
		} finally {
			ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
		}
	}

	/**
	 * A file that cannot be read: the page is told (GLSP's error message) with the request named in words, and the
	 * program hosting the server (the IDE: its Error Log) is told with the file and the exception
	 * (ServerErrors.setListener). Before session 41 the message named no request and nobody else was told.
	 */
	@Test
	void aFileThatCannotBeReadIsReportedToTheClient(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		BlockingQueue<JsonObject> in = new LinkedBlockingQueue<>();
		BlockingQueue<ServerErrors.Failure> told = new LinkedBlockingQueue<>();
		ServerErrors.setListener(told::add);
		WebSocket ws = HTTP.newWebSocketBuilder().buildAsync(server.websocketUri(), new Collector(in)).get(10, TimeUnit.SECONDS);
		try {
			Path missing = dir.resolve("missing.cell");
			requestModel(ws, in, missing.toString());
			JsonObject error = next(in, m -> "process".equals(str(m, "method"))
					&& "message".equals(m.getAsJsonObject("params").getAsJsonObject("action").get("kind").getAsString()));
			JsonObject action = error.getAsJsonObject("params").getAsJsonObject("action");
			assertEquals("ERROR", action.get("severity").getAsString());
			assertTrue(action.toString().contains("not a .cell file"), action.toString());
			assertEquals("opening the diagram of the file", str(action, "request"), "the request named in words: " + action);
			ServerErrors.Failure failure = told.poll(10, TimeUnit.SECONDS);
			assertTrue(failure != null, "the server's listener is told");
			assertEquals(missing, failure.file());
			assertEquals("requestModel", failure.kind());
			assertEquals("The diagram server failed while opening the diagram of the file (" + missing + "): not a .cell file: " + missing, failure.message());
			assertEquals("not a .cell file: " + missing, failure.exception().getMessage(), String.valueOf(failure.exception()));
		} finally {
			ServerErrors.setListener(null);
			ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
		}
	}

	/**
	 * Each change of the file gives a graph of a higher revision than the one before: bounds the client measured for
	 * an older graph (say, of a layer an undo took out) are then ignored, not applied to the new graph where their
	 * elements are missing ("Model element not found ... #label" in the log).
	 */
	@Test
	void eachChangeOfTheFileGivesTheGraphANewRevision(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		Path file = dir.resolve("baseline-halfcell.cell");
		java.nio.file.Files.copy(example(), file);
		BlockingQueue<JsonObject> in = new LinkedBlockingQueue<>();
		WebSocket ws = HTTP.newWebSocketBuilder().buildAsync(server.websocketUri(), new Collector(in)).get(10, TimeUnit.SECONDS);
		try {
			requestModel(ws, in, file.toString());
			List<Integer> revisions = new java.util.ArrayList<>();
			revisions.add(requestedBoundsRevision(in));
			computedBounds(ws, revisions.get(0));
			for (int i = 0; i < 2; i++) {
				// the palette's Material tool: a new material in the file, so a new graph
				send(ws, "{\"jsonrpc\":\"2.0\",\"method\":\"process\",\"params\":{\"clientId\":\"c1\",\"action\":"
						+ "{\"kind\":\"createNode\",\"isOperation\":true,\"elementTypeId\":\"node:material\",\"args\":{}}}}");
				revisions.add(requestedBoundsRevision(in));
				computedBounds(ws, revisions.get(revisions.size() - 1));
			}
			assertTrue(java.nio.file.Files.readString(file).contains("material2"), "two materials made");
			assertTrue(revisions.get(0) < revisions.get(1) && revisions.get(1) < revisions.get(2), "revisions " + revisions);
		} finally {
			ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
		}
	}

	/**
	 * A rename gives the node a new id (ids are kind and name): the new graph replaces the drawn one unanimated (an
	 * animated update kept a faded-out, selected copy of the old node in the page, which GLSP's move tool moved and the
	 * page then failed on), and a move the client still sends for the old id stores nothing in the sidecar.
	 */
	@Test
	void afterARenameTheUpdateIsNotAnimatedAndAMoveOfTheOldIdStoresNothing(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		Path file = dir.resolve("baseline-halfcell.cell");
		java.nio.file.Files.copy(CellGraphsTest.example(), file);
		BlockingQueue<JsonObject> in = new LinkedBlockingQueue<>();
		WebSocket ws = HTTP.newWebSocketBuilder().buildAsync(server.websocketUri(), new Collector(in)).get(10, TimeUnit.SECONDS);
		try {
			requestModel(ws, in, file.toString());
			computedBounds(ws, requestedBoundsRevision(in));
			send(ws, "{\"jsonrpc\":\"2.0\",\"method\":\"process\",\"params\":{\"clientId\":\"c1\",\"action\":"
					+ "{\"kind\":\"applyLabelEdit\",\"isOperation\":true,\"labelId\":\"material:LPSCl#label\",\"text\":\"Argyrodite\"}}}");
			computedBounds(ws, requestedBoundsRevision(in));
			JsonObject update = next(in, m -> "process".equals(str(m, "method"))
					&& "updateModel".equals(m.getAsJsonObject("params").getAsJsonObject("action").get("kind").getAsString())).getAsJsonObject("params").getAsJsonObject("action");
			assertTrue(update.getAsJsonObject("newRoot").toString().contains("\"id\":\"material:Argyrodite\""), "renamed");
			assertTrue(update.has("animate") && !update.get("animate").getAsBoolean(), "not animated: " + update.get("animate"));
			send(ws, "{\"jsonrpc\":\"2.0\",\"method\":\"process\",\"params\":{\"clientId\":\"c1\",\"action\":"
					+ "{\"kind\":\"changeBounds\",\"isOperation\":true,\"newBounds\":["
					+ "{\"elementId\":\"material:LPSCl\",\"newPosition\":{\"x\":1,\"y\":2},\"newSize\":{\"width\":50,\"height\":30}},"
					+ "{\"elementId\":\"material:Li\",\"newPosition\":{\"x\":3,\"y\":4},\"newSize\":{\"width\":50,\"height\":30}}]}}}");
			Path sidecar = org.cellwright.diagram.LayoutSidecar.of(file);
			for (int i = 0; i < 300 && !java.nio.file.Files.exists(sidecar); i++) Thread.sleep(100);
			assertEquals(java.util.Set.of("material:Li"), org.cellwright.diagram.LayoutSidecar.read(file).keySet());
		} finally {
			ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
		}
	}

	/**
	 * While a name label is edited the page asks the server at each change of the text (GLSP's label-edit validation):
	 * the answer is the rename's own check, an error with the reason the rename would be refused (not a name, a name
	 * another element or another layer of the cell has), OK for a name the rename takes or the unchanged one. Nothing
	 * is written. Before, no validator was bound and every answer was the warning "No validator registered for the
	 * context 'label-edit'".
	 */
	@Test
	void aNameBeingTypedIsCheckedAsTheRenameChecksIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		Path file = dir.resolve("baseline-halfcell.cell");
		java.nio.file.Files.copy(example(), file);
		String text = java.nio.file.Files.readString(file);
		BlockingQueue<JsonObject> in = new LinkedBlockingQueue<>();
		WebSocket ws = HTTP.newWebSocketBuilder().buildAsync(server.websocketUri(), new Collector(in)).get(10, TimeUnit.SECONDS);
		try {
			requestModel(ws, in, file.toString());
			computedBounds(ws, requestedBoundsRevision(in));
			String[][] cases = { // label, text typed, severity, message (part)
					{ "material:LPSCl#label", "Argyrodite", "OK", null },
					{ "material:LPSCl#label", "LPSCl", "OK", null },
					{ "material:LPSCl#label", "2LPSCl", "ERROR", "'2LPSCl' is not a name: letters, digits and _, not starting with a digit." },
					{ "material:LPSCl#label", "LPS Cl", "ERROR", "'LPS Cl' is not a name" },
					{ "material:LPSCl#label", "Li", "ERROR", "The name Li is taken." },
					{ "layer:BareSUS.separator#label", "spacer", "OK", null },
					{ "layer:BareSUS.separator#label", "collector", "ERROR", "collector" } };
			int id = 0;
			for (String[] c : cases) {
				String requestId = "check" + ++id;
				JsonObject action = new JsonObject();
				action.addProperty("kind", "requestEditValidation");
				action.addProperty("contextId", "label-edit");
				action.addProperty("modelElementId", c[0]);
				action.addProperty("text", c[1]);
				action.addProperty("requestId", requestId);
				send(ws, "{\"jsonrpc\":\"2.0\",\"method\":\"process\",\"params\":{\"clientId\":\"c1\",\"action\":" + action + "}}");
				JsonObject result = next(in, m -> "process".equals(str(m, "method"))
						&& "setEditValidationResult".equals(m.getAsJsonObject("params").getAsJsonObject("action").get("kind").getAsString())
						&& requestId.equals(str(m.getAsJsonObject("params").getAsJsonObject("action"), "responseId")))
						.getAsJsonObject("params").getAsJsonObject("action");
				JsonObject status = result.getAsJsonObject("status");
				String what = c[0] + " -> " + c[1] + ": " + status;
				// the protocol's severity is a number: GLSP's ValidationStatus.Severity in its order
				String severity = List.of("FATAL", "ERROR", "WARNING", "INFO", "OK", "NONE").get(status.get("severity").getAsInt());
				assertEquals(c[2], severity, what);
				if (c[3] != null) assertTrue(String.valueOf(str(status, "message")).contains(c[3]), what);
			}
			assertEquals(text, java.nio.file.Files.readString(file), "nothing written");
		} finally {
			ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
		}
	}

	/**
	 * Each edit the page tags with its number (cellwrightEdit, sent right before it) is answered with that number
	 * (cellwrightEditAnswered) once the server has handled it, after the edit's update: an operation it made, one it
	 * refused (a material in use) and an undo with nothing to undo alike; the update that follows the file written by
	 * another program answers no edit. The answer of the refused edit carries the reason (refused: the exception's
	 * message). Before (session 38) nothing named the edit an update answered: the page counted the dirty states of
	 * edits, which a refused edit and an undo with nothing to undo do not have; before session 39's diag39c the answer
	 * of a refused edit had no reason (the page read it from GLSP's generic error message).
	 */
	@Test
	void eachTaggedEditIsAnsweredWithItsNumberAndAnUpdateForNoEditAnswersNone(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		Path file = dir.resolve("baseline-halfcell.cell");
		java.nio.file.Files.copy(example(), file);
		BlockingQueue<JsonObject> in = new LinkedBlockingQueue<>();
		WebSocket ws = HTTP.newWebSocketBuilder().buildAsync(server.websocketUri(), new Collector(in)).get(10, TimeUnit.SECONDS);
		try {
			requestModel(ws, in, file.toString(), "cellwrightEditAnswered");
			computedBounds(ws, requestedBoundsRevision(in));
			List<String> seen = new java.util.ArrayList<>();
			// an operation made: its dirty state (reason operation), then its answer
			process(ws, "{\"kind\":\"cellwrightEdit\",\"edit\":7}");
			process(ws, "{\"kind\":\"createNode\",\"isOperation\":true,\"elementTypeId\":\"node:material\",\"args\":{}}");
			JsonObject bounds = until(in, seen, "requestBounds", null);
			until(in, seen, "cellwrightEditAnswered", null);
			computedBounds(ws, revision(bounds));
			assertTrue(seen.indexOf("setDirtyState:operation") >= 0 && seen.indexOf("setDirtyState:operation") < seen.indexOf("cellwrightEditAnswered:7"),
					"the answer after the edit's update: " + seen);
			// the file written by another program: its update answers no edit
			java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file) + "\nmaterial Outside is solid-electrolyte {\n}\n");
			bounds = until(in, seen, "requestBounds", "material:Outside");
			computedBounds(ws, revision(bounds));
			until(in, seen, "updateModel", "material:Outside");
			// a Delete the server refuses (LPSCl is used by a layer) and an undo with nothing to undo (the history went
			// with the text read again): each answered with its number
			process(ws, "{\"kind\":\"cellwrightEdit\",\"edit\":8}");
			process(ws, "{\"kind\":\"deleteElement\",\"isOperation\":true,\"elementIds\":[\"material:LPSCl\"]}");
			process(ws, "{\"kind\":\"cellwrightEdit\",\"edit\":9}");
			process(ws, "{\"kind\":\"glspUndo\"}");
			until(in, seen, "cellwrightEditAnswered", "\"edit\":9");
			// the refused one with the server's reason (the exception's own message, no stack trace), the others with none
			assertEquals(List.of("cellwrightEditAnswered:7",
					"cellwrightEditAnswered:8 refused: material LPSCl is used by layer separator of cell BareSUS: change or delete that first.",
					"cellwrightEditAnswered:9"),
					seen.stream().filter(k -> k.startsWith("cellwrightEditAnswered")).toList(), "the answers, in order: " + seen);
			// GLSP's own report of the refusal (message, severity ERROR) right after its answer: the page does not say it again
			int refusal = seen.indexOf("cellwrightEditAnswered:8 refused: material LPSCl is used by layer separator of cell BareSUS: change or delete that first.");
			assertEquals("message", seen.get(refusal + 1), "GLSP's error right after the refused edit's answer: " + seen);
			String text = java.nio.file.Files.readString(file);
			assertTrue(text.contains("material LPSCl") && text.contains("material1") && text.contains("material Outside"), text);
		} finally {
			ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
		}
	}

	/**
	 * An edit the server cannot read (a kind it does not know: a page of another version than the server) is answered
	 * as refused, with its number, the reason in words and the reader's message as the details, the next one too; an
	 * action that cannot be read and is no edit (no tag before it) is reported as an error naming it; the connection
	 * goes on (the next edit is answered) and the file is not changed. Before (session 39) GLSP's reader threw, lsp4j
	 * logged it and dropped the message: the edit had no answer (the page named it after a pause as one that may not
	 * have reached the server) and nothing was said. A known kind with a field of the wrong type (deleteElement with
	 * elementIds 5) is answered as unreadable too (before session 41 GLSP's reader took it and the Delete refused it:
	 * "Nothing to delete here").
	 */
	@Test
	void anEditTheServerCannotReadIsAnsweredAsRefusedWithTheReason(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		Path file = dir.resolve("baseline-halfcell.cell");
		java.nio.file.Files.copy(example(), file);
		String before = java.nio.file.Files.readString(file);
		BlockingQueue<JsonObject> in = new LinkedBlockingQueue<>();
		WebSocket ws = HTTP.newWebSocketBuilder().buildAsync(server.websocketUri(), new Collector(in)).get(10, TimeUnit.SECONDS);
		try {
			requestModel(ws, in, file.toString(), "cellwrightEditAnswered");
			computedBounds(ws, requestedBoundsRevision(in));
			List<String> seen = new java.util.ArrayList<>();
			process(ws, "{\"kind\":\"cellwrightEdit\",\"edit\":3}");
			process(ws, "{\"kind\":\"deleteAllTheThings\",\"isOperation\":true,\"elementIds\":[\"material:LPSCl\"]}");
			JsonObject first = until(in, seen, "cellwrightEditAnswered", null);
			assertEquals(3, first.get("edit").getAsInt(), first.toString());
			assertTrue(String.valueOf(str(first, "refused")).startsWith("the server could not read this edit, so nothing was changed"), first.toString());
			assertTrue(String.valueOf(str(first, "details")).startsWith("deleteAllTheThings: "), "the details name the edit's kind: " + first);
			process(ws, "{\"kind\":\"cellwrightEdit\",\"edit\":4}");
			process(ws, "{\"kind\":\"glspUndoV3\"}");
			JsonObject second = until(in, seen, "cellwrightEditAnswered", null);
			assertEquals(4, second.get("edit").getAsInt(), second.toString());
			assertEquals(str(first, "refused"), str(second, "refused"), second.toString());
			assertTrue(String.valueOf(str(second, "details")).startsWith("glspUndoV3: "), second.toString());
			// no edit (no tag before it): an error of the server, naming it (a kind it does not know: no request in words)
			process(ws, "{\"kind\":\"cellwrightNoSuchRequest\"}");
			JsonObject error = until(in, seen, "message", null);
			assertEquals("ERROR", str(error, "severity"), error.toString());
			assertTrue(error.toString().contains("The server could not read an action of the page (cellwrightNoSuchRequest: "), error.toString());
			assertFalse(error.has("request"), "no words for a kind the server does not know: " + error);
			// a known kind with a field of the wrong type is unreadable too (before session 41 GLSP's reader took 5 for
			// the id "5" and the Delete refused it: "Nothing to delete here"); an edit answered as refused ...
			process(ws, "{\"kind\":\"cellwrightEdit\",\"edit\":6}");
			process(ws, "{\"kind\":\"deleteElement\",\"isOperation\":true,\"elementIds\":5}");
			JsonObject mistyped = until(in, seen, "cellwrightEditAnswered", null);
			assertEquals(6, mistyped.get("edit").getAsInt(), mistyped.toString());
			assertEquals(str(first, "refused"), str(mistyped, "refused"), mistyped.toString());
			assertEquals("deleteElement: elementIds: expected a list, found 5", str(mistyped, "details"), mistyped.toString());
			// ... and no edit an error naming the request in words
			process(ws, "{\"kind\":\"requestMarkers\",\"elementsIDs\":[\"material:LPSCl\", 7],\"reason\":\"batch\"}");
			JsonObject markers = until(in, seen, "message", null);
			assertEquals("checking the model for problems", str(markers, "request"), markers.toString());
			assertTrue(String.valueOf(str(markers, "details")).startsWith("The server could not read an action of the page (requestMarkers: elementsIDs: expected a list of which each item is a text, found [\"material:LPSCl\",7])"), markers.toString());
			// the connection goes on: an undo (nothing to undo) answered, not refused
			process(ws, "{\"kind\":\"cellwrightEdit\",\"edit\":5}");
			process(ws, "{\"kind\":\"glspUndo\"}");
			JsonObject undo = until(in, seen, "cellwrightEditAnswered", "\"edit\":5");
			assertFalse(undo.has("refused"), undo.toString());
			assertEquals(before, java.nio.file.Files.readString(file), "the file is not changed");
		} finally {
			ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
		}
	}

	/** The revision of the graph of a requestBounds action. */
	static int revision(JsonObject requestBounds) {
		JsonObject root = requestBounds.getAsJsonObject("newRoot");
		return root.has("revision") ? root.get("revision").getAsInt() : 0;
	}

	/** Sends the action (JSON) as the page's client c1. */
	static void process(WebSocket ws, String action) throws Exception {
		send(ws, "{\"jsonrpc\":\"2.0\",\"method\":\"process\",\"params\":{\"clientId\":\"c1\",\"action\":" + action + "}}");
	}

	/**
	 * The next action of the kind (whose JSON holds {@code text}, if given), each action received on the way noted in
	 * {@code seen} as kind (setDirtyState:reason, cellwrightEditAnswered:number, and " refused: " and the reason if it has one).
	 */
	static JsonObject until(BlockingQueue<JsonObject> in, List<String> seen, String kind, String text) throws Exception {
		JsonObject m = next(in, x -> {
			if (!"process".equals(str(x, "method"))) return false;
			JsonObject a = x.getAsJsonObject("params").getAsJsonObject("action");
			String k = str(a, "kind");
			seen.add(k + ("setDirtyState".equals(k) ? ":" + str(a, "reason")
					: "cellwrightEditAnswered".equals(k) ? ":" + a.get("edit").getAsInt() + (a.has("refused") ? " refused: " + str(a, "refused") : "") : ""));
			return kind.equals(k) && (text == null || a.toString().contains(text));
		});
		return m.getAsJsonObject("params").getAsJsonObject("action");
	}

	/** The client's answer to requestBounds (nothing measured: the server keeps its own sizes). */
	static void computedBounds(WebSocket ws, int revision) throws Exception {
		send(ws, "{\"jsonrpc\":\"2.0\",\"method\":\"process\",\"params\":{\"clientId\":\"c1\",\"action\":"
				+ "{\"kind\":\"computedBounds\",\"bounds\":[],\"alignments\":[],\"routes\":[],\"revision\":" + revision + "}}}");
	}

	/** The revision of the graph of the server's next requestBounds. */
	static int requestedBoundsRevision(BlockingQueue<JsonObject> in) throws Exception {
		JsonObject bounds = next(in, m -> "process".equals(str(m, "method"))
				&& "requestBounds".equals(m.getAsJsonObject("params").getAsJsonObject("action").get("kind").getAsString()));
		JsonObject root = bounds.getAsJsonObject("params").getAsJsonObject("action").getAsJsonObject("newRoot");
		return root.has("revision") ? root.get("revision").getAsInt() : 0;
	}

	/** initialize, initializeClientSession, then requestModel of {@code file}. */
	static void requestModel(WebSocket ws, BlockingQueue<JsonObject> in, String file) throws Exception {
		requestModel(ws, in, file, null);
	}

	/** requestModel, the client handling the action kind {@code alsoHandled} too (the server sends it only then), if given. */
	static void requestModel(WebSocket ws, BlockingQueue<JsonObject> in, String file, String alsoHandled) throws Exception {
		{
			send(ws, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"applicationId\":\"test\",\"protocolVersion\":\"1.0.0\"}}");
			JsonObject init = next(in, m -> m.has("id") && m.get("id").getAsInt() == 1);
			assertEquals("1.0.0", init.getAsJsonObject("result").get("protocolVersion").getAsString(), init.toString());
			send(ws, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"initializeClientSession\",\"params\":{\"clientSessionId\":\"c1\",\"diagramType\":\""
					+ CellDiagramModule.TYPE + "\",\"clientActionKinds\":[\"requestBounds\",\"setModel\",\"updateModel\",\"setDirtyState\",\"status\",\"message\",\"setEditValidationResult\"" + (alsoHandled == null ? "" : ",\"" + alsoHandled + "\"") + "]}}");
			next(in, m -> m.has("id") && m.get("id").getAsInt() == 2);
			JsonObject options = new JsonObject();
			options.addProperty("sourceUri", file);
			options.addProperty("diagramType", CellDiagramModule.TYPE);
			JsonObject action = new JsonObject();
			action.addProperty("kind", "requestModel");
			action.add("options", options);
			JsonObject params = new JsonObject();
			params.addProperty("clientId", "c1");
			params.add("action", action);
			JsonObject msg = new JsonObject();
			msg.addProperty("jsonrpc", "2.0");
			msg.addProperty("method", "process");
			msg.add("params", params);
			send(ws, msg.toString());
		}
	}

	@Test
	void websocketRefusesPagesOfOtherOrigins() {
		ExecutionException e = assertThrows(ExecutionException.class, () -> HTTP.newWebSocketBuilder()
				.header("Origin", "http://evil.example").buildAsync(server.websocketUri(), new Collector(new LinkedBlockingQueue<>()))
				.get(10, TimeUnit.SECONDS));
		assertTrue(String.valueOf(e.getCause()).contains("403") || String.valueOf(e.getCause()).toLowerCase().contains("handshake"),
				String.valueOf(e.getCause()));
	}

	static String str(JsonObject o, String key) {
		return o.has(key) ? o.get(key).getAsString() : null;
	}

	static void send(WebSocket ws, String text) throws Exception {
		ws.sendText(text, true).get(10, TimeUnit.SECONDS);
	}

	static JsonObject next(BlockingQueue<JsonObject> in, java.util.function.Predicate<JsonObject> wanted) throws Exception {
		StringBuilder seen = new StringBuilder();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < end) {
			JsonObject m = in.poll(1, TimeUnit.SECONDS);
			if (m == null) continue;
			if (m.has("error")) throw new AssertionError("server error: " + m);
			if (wanted.test(m)) return m;
			seen.append(m).append('\n');
		}
		throw new AssertionError("no such message; received:\n" + seen);
	}

	/** Collects the server's JSON-RPC messages (one per text frame, possibly fragmented). */
	static final class Collector implements WebSocket.Listener {
		private final BlockingQueue<JsonObject> in;
		private final StringBuilder partial = new StringBuilder();

		Collector(BlockingQueue<JsonObject> in) {
			this.in = in;
		}

		@Override
		public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
			partial.append(data);
			if (last) {
				in.add(JsonParser.parseString(partial.toString()).getAsJsonObject());
				partial.setLength(0);
			}
			ws.request(1);
			return null;
		}
	}

	static Path example() {
		return CellGraphsTest.example();
	}
}

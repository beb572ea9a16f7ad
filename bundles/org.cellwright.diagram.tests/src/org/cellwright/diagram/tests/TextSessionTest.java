package org.cellwright.diagram.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.diagram.CellGraphs;
import org.cellwright.diagram.DiagramSession;
import org.cellwright.diagram.TextSession;
import org.cellwright.lang.CellWrightChecker;
import org.cellwright.model.Cell;
import org.cellwright.model.CellwrightFactory;
import org.cellwright.model.CellwrightPackage;
import org.cellwright.model.Layer;
import org.cellwright.model.Material;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diagram's session on a file: EMF commands written back as text spans (comments kept), undo, markers by element. */
class TextSessionTest {

	@TempDir
	Path dir;

	Path copy() throws Exception {
		Path f = dir.resolve("baseline-halfcell.cell");
		Files.copy(CellGraphsTest.example(), f);
		return f;
	}

	@Test
	void aLayerAddedByCommandIsWrittenIntoTheFileAndUndoRestoresItByteForByte() throws Exception {
		Path f = copy();
		String original = Files.readString(f, StandardCharsets.UTF_8);
		TextSession s = TextSession.onFile(f);
		Cell cell = (Cell) CellGraphs.element(s.model(), "cell:BareSUS");
		Material sus = (Material) CellGraphs.element(s.model(), "material:SUS");
		Layer l = CellwrightFactory.eINSTANCE.createLayer();
		l.setName("extra");
		l.setMaterial(sus);
		assertTrue(s.execute(AddCommand.create(s.domain(), cell, CellwrightPackage.Literals.CELL__LAYERS, l)));
		String edited = Files.readString(f, StandardCharsets.UTF_8);
		assertTrue(edited.matches("(?s).*layer extra\\s*:\\s*SUS.*"), edited);
		for (String line : original.lines().filter(x -> x.strip().startsWith("//")).toList()) assertTrue(edited.contains(line), "comment kept: " + line);
		assertTrue(s.canUndo());
		s.undo();
		assertEquals(original, Files.readString(f, StandardCharsets.UTF_8));
		s.redo();
		assertEquals(edited, Files.readString(f, StandardCharsets.UTF_8));
	}

	/**
	 * A file another program wrote is told to the diagram also when a read (a request of the page) took the new text in
	 * before the watcher looked: the watcher compares the file with the text the diagram is in step with. Before, it
	 * compared with the last text read, found nothing new, and the page kept the old drawing while the server had the
	 * new model (the flaky redraw of {@code DiagramPageTest.aDoubleClickOnANameDuringARedrawOpensItsEdit}).
	 */
	@Test
	void aChangeOnDiskThatAReadTookInIsStillToldToTheDiagram() throws Exception {
		Path f = copy();
		TextSession s = TextSession.onFile(f);
		try {
			assertNull(CellGraphs.element(s.model(), "material:Written"), "opened with the text before the write");
			var told = new java.util.concurrent.CountDownLatch(1);
			s.onExternalChange(told::countDown);
			// the other program's write and the read, in a reader: it holds the session's lock, so the watcher looks after both
			boolean read = s.read(old -> {
				try {
					Files.writeString(f, Files.readString(f, StandardCharsets.UTF_8) + "\nmaterial Written is solid-electrolyte {\n}\n",
							StandardCharsets.UTF_8);
				} catch (java.io.IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
				return CellGraphs.element(s.model(), "material:Written") != null;
			});
			assertTrue(read, "the read took the new text in");
			assertTrue(told.await(30, java.util.concurrent.TimeUnit.SECONDS), "the diagram is told of the file's change");
		} finally {
			s.close();
		}
	}

	@Test
	void renameChangesTheDeclarationAndEveryReference() throws Exception {
		Path f = copy();
		TextSession s = TextSession.onFile(f);
		Material m = (Material) CellGraphs.element(s.model(), "material:LPSCl");
		assertTrue(s.execute(SetCommand.create(s.domain(), m, CellwrightPackage.Literals.ELEMENT__NAME, "Argyrodite")));
		String text = Files.readString(f, StandardCharsets.UTF_8);
		assertTrue(text.contains("material Argyrodite is solid-electrolyte"), text);
		assertFalse(text.lines().filter(x -> !x.strip().startsWith("//")).anyMatch(x -> x.matches(".*\\bLPSCl\\b.*")), text);
		assertTrue(new CellWrightChecker().check(java.util.List.of(f)).issues().stream()
				.noneMatch(i -> i.severity() == CellWrightChecker.Severity.ERROR), "still valid");
	}

	@Test
	void aTextWithSyntaxErrorsIsNotEditedAndAChangeOnDiskIsReadAgain() throws Exception {
		Path f = copy();
		TextSession s = TextSession.onFile(f);
		Cell cell = (Cell) CellGraphs.element(s.model(), "cell:BareSUS");
		Files.writeString(f, Files.readString(f) + "\nmaterial {\n", StandardCharsets.UTF_8);
		assertFalse(s.editable());
		assertFalse(s.execute(SetCommand.create(s.domain(), cell, CellwrightPackage.Literals.ELEMENT__NAME, "X")));
		assertTrue(Files.readString(f).endsWith("material {\n"), "the file untouched");
		assertEquals("the text has syntax errors: fix the text to edit here", s.refusal());
	}

	/**
	 * A name that does not resolve (a layer's unknown material) is a linking error, not a syntax error: the text
	 * parses whole and prints the name as written, so edits go on, also the one that fixes it (drawing the layer's
	 * material edge). Before, every edit was refused "the text has syntax errors".
	 */
	@Test
	void aTextWithAnUnresolvedNameIsEditedAndTheEdgeDrawnToAMaterialFixesIt() throws Exception {
		Path f = dir.resolve("unresolved.cell");
		String original = """
				package t

				// A is the separator's material
				material A is solid-electrolyte {
				}
				cell C {
					layer sep: Missing 10 um // the name is misspelt
				}
				""";
		Files.writeString(f, original, StandardCharsets.UTF_8);
		assertTrue(new CellWrightChecker().check(java.util.List.of(f)).issues().stream().anyMatch(i -> i.severity() == CellWrightChecker.Severity.ERROR
				&& i.toString().contains("Missing")), "the fixture's name does not resolve");
		TextSession s = TextSession.onFile(f);
		assertTrue(s.editable(), "an unresolved name is no syntax error");
		// an edit elsewhere keeps the unresolved name as written
		Cell cell = (Cell) CellGraphs.element(s.model(), "cell:C");
		assertTrue(s.execute(SetCommand.create(s.domain(), cell, CellwrightPackage.Literals.ELEMENT__NAME, "C2")), s.refusal());
		assertEquals(original.replace("cell C {", "cell C2 {"), Files.readString(f, StandardCharsets.UTF_8));
		// the edge drawn from the layer to A sets its material: the error is gone
		Layer sep = (Layer) CellGraphs.element(s.model(), "layer:C2.sep");
		Material a = (Material) CellGraphs.element(s.model(), "material:A");
		assertTrue(s.execute(SetCommand.create(s.domain(), sep, CellwrightPackage.Literals.LAYER__MATERIAL, a)), s.refusal());
		String fixed = Files.readString(f, StandardCharsets.UTF_8);
		assertEquals(original.replace("cell C {", "cell C2 {").replace("sep: Missing", "sep: A"), fixed);
		var errors = new CellWrightChecker().check(java.util.List.of(f)).issues().stream()
				.filter(i -> i.severity() == CellWrightChecker.Severity.ERROR).map(CellWrightChecker.CheckIssue::toString).toList();
		assertTrue(errors.stream().noneMatch(i -> i.contains("Missing")), "the name resolves now: " + errors);
		s.undo();
		s.undo();
		assertEquals(original, Files.readString(f, StandardCharsets.UTF_8), "undone byte for byte");
	}

	@Test
	void problemsAreMarkedOnTheInnermostElement() throws Exception {
		Path f = dir.resolve("broken.cell");
		Files.writeString(f, """
				package t
				material A is solid-electrolyte {
				}
				cell C {
					layer sep: Missing 10 um
				}
				""", StandardCharsets.UTF_8);
		TextSession s = TextSession.onFile(f);
		var issues = s.elementIssues();
		assertTrue(issues.stream().anyMatch(i -> i.elementId().equals("layer:C.sep") && i.severity() == CellWrightChecker.Severity.ERROR
				&& i.line() == 5), issues.toString());
		for (DiagramSession.ElementIssue i : issues) assertNotNull(i.message());
		// the unknown material's node shows the name as written (it read "(unnamed)")
		var labels = CellGraphs.build(s.model()).getChildren().stream().flatMap(n -> n.getChildren().stream())
				.filter(org.eclipse.glsp.graph.GLabel.class::isInstance).map(l -> ((org.eclipse.glsp.graph.GLabel) l).getText()).toList();
		assertTrue(labels.contains("Missing (not found) \u2197"), labels.toString());
	}

	/**
	 * A node the user moved keeps its place when renamed: the sidecar's key (kind and name) follows the rename, also for
	 * the layers of a renamed cell (their ids name the cell); undo gives the old keys back with the text byte for byte,
	 * redo the new ones. Before, the renamed node went back to ELK's place.
	 */
	@Test
	void aMovedNodeKeepsItsPlaceWhenRenamedAndUndoGivesTheOldKeyBack() throws Exception {
		Path f = copy();
		String layer = "collector", layerId = "layer:BareSUS." + layer; // the cell's first layer
		org.cellwright.diagram.LayoutSidecar.store(f, java.util.Map.of("cell:BareSUS", new double[] { 100, 200 }, layerId,
				new double[] { 300, 40 }, "material:SUS", new double[] { 5, 7 }));
		String original = Files.readString(f, StandardCharsets.UTF_8);
		TextSession s = TextSession.onFile(f);
		assertTrue(CellGraphs.element(s.model(), layerId) instanceof Layer, layerId);
		assertTrue(s.execute(s.read(m -> org.cellwright.diagram.CellOperations.renameKeepingPlaces(m, s.domain(), f, "cell:BareSUS", "Bare"))),
				s.refusal());
		assertTrue(Files.readString(f, StandardCharsets.UTF_8).contains("cell Bare "), "renamed");
		var stored = org.cellwright.diagram.LayoutSidecar.read(f);
		assertEquals(java.util.Set.of("cell:Bare", "layer:Bare." + layer, "material:SUS"), stored.keySet());
		assertArrayEquals(new double[] { 100, 200 }, stored.get("cell:Bare"));
		assertArrayEquals(new double[] { 300, 40 }, stored.get("layer:Bare." + layer));
		// drawn there: the stored place overrides ELK's under the new id
		var g = CellGraphs.build(s.model());
		org.cellwright.diagram.ElkLayout.layout(g);
		org.cellwright.diagram.CellLayoutEngine.applyStored(g, stored);
		var node = (org.eclipse.glsp.graph.GNode) g.getChildren().stream().filter(c -> c.getId().equals("cell:Bare")).findFirst().orElseThrow();
		assertEquals(100, node.getPosition().getX());
		assertEquals(200, node.getPosition().getY());
		s.undo();
		assertEquals(original, Files.readString(f, StandardCharsets.UTF_8), "undone byte for byte");
		assertEquals(java.util.Set.of("cell:BareSUS", layerId, "material:SUS"), org.cellwright.diagram.LayoutSidecar.read(f).keySet());
		assertArrayEquals(new double[] { 100, 200 }, org.cellwright.diagram.LayoutSidecar.read(f).get("cell:BareSUS"));
		s.redo();
		assertEquals(java.util.Set.of("cell:Bare", "layer:Bare." + layer, "material:SUS"), org.cellwright.diagram.LayoutSidecar.read(f).keySet());
	}

	@Test
	void movedNodesKeepTheirPositionsInTheSidecarNotInTheText() throws Exception {
		Path f = copy();
		String text = Files.readString(f);
		org.cellwright.diagram.LayoutSidecar.store(f, java.util.Map.of("material:SUS", new double[] { 5, 7 }));
		org.cellwright.diagram.LayoutSidecar.store(f, java.util.Map.of("cell:BareSUS", new double[] { 100, 200 }));
		assertEquals(dir.resolve(".baseline-halfcell.cell.layout.json"), org.cellwright.diagram.LayoutSidecar.of(f));
		assertEquals(text, Files.readString(f), "the text untouched");
		var stored = org.cellwright.diagram.LayoutSidecar.read(f);
		assertEquals(2, stored.size(), "merged");
		var g = CellGraphs.build(TextSession.onFile(f).model());
		org.cellwright.diagram.ElkLayout.layout(g);
		org.cellwright.diagram.CellLayoutEngine.applyStored(g, stored);
		var sus = (org.eclipse.glsp.graph.GNode) g.getChildren().stream().filter(c -> c.getId().equals("material:SUS")).findFirst().orElseThrow();
		assertEquals(5, sus.getPosition().getX());
		assertEquals(7, sus.getPosition().getY());
		Files.writeString(org.cellwright.diagram.LayoutSidecar.of(f), "{ not json");
		assertTrue(org.cellwright.diagram.LayoutSidecar.read(f).isEmpty(), "an unreadable sidecar is ignored");
	}
}

package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.cellwright.app.WorkspaceSetup;
import org.cellwright.editor.stack.StackView;
import org.cellwright.model.Layer;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The graphical stack editor edits the text editor's model: reorder, insert, delete, undo, redo. */
class StackEditorUITest extends StackEditorFixture {

	String painted() {
		return String.join(",", view.paintedLayers().stream().map(Layer::getName).toList());
	}

	String layerNames() {
		return String.join(",", view.cell().getLayers().stream().map(Layer::getName).toList());
	}

	@Test
	void draggingALayerReordersTheTextKeepingCommentsAndUndoRestoresIt() {
		assertEquals("wcc,separator,foil,ccc", layerNames());
		assertTrue(view.moveLayer(1, 0), "the move command executes");
		String moved = doc.get();
		assertTrue(moved.indexOf("layer separator:") < moved.indexOf("layer wcc:"), "the text follows the diagram:\n" + moved);
		assertTrue(moved.contains("// 90 mg LPSCl on the 0.785 cm2 pellet"), "the user's comments stay");
		assertTrue(moved.contains("// Cell 1: as-cast SiNP-CNT interlayer"), "comments elsewhere stay");
		assertTrue(editor.isDirty(), "the editor is dirty until saved");
		view.undo();
		String back = doc.get();
		assertTrue(back.indexOf("layer wcc:") < back.indexOf("layer separator:"), "undo restores the order");
		assertEquals("wcc,separator,foil,ccc", layerNames());
		view.redo();
		assertTrue(doc.get().indexOf("layer separator:") < doc.get().indexOf("layer wcc:"), "redo moves it again");
	}

	@Test
	void insertingFromThePaletteAndDeletingChangeTheText() {
		assertTrue(view.paletteItems().stream().anyMatch(s -> s.endsWith("Li15Si4")), "library materials in the palette: " + view.paletteItems());
		String label = view.paletteItems().stream().filter(s -> s.endsWith("Li15Si4")).findFirst().orElseThrow();
		assertTrue(view.insertLayer(view.paletteMaterialNamed(label), 1));
		assertTrue(doc.get().contains("layer li15si4: Li15Si4 10 um"), doc.get());
		view.select(1);
		assertTrue(view.deleteSelected());
		assertFalse(doc.get().contains("layer li15si4"), "deleted again");
	}

	/**
	 * The material list takes the width of its longest row, at most {@link StackView#PALETTE_MAX_SHARE} of the view; a
	 * material of another package is listed under its package's heading by its plain name, so a narrow view, where the
	 * list is at that cap, shows every row whole: with a row per material of its name and package ("Li15Si4
	 * (cellwright...)") the package was cut there, readable only in the tooltip. The qualified name is in the tooltip.
	 * Screenshots in target/screenshots/.
	 */
	@Test
	void theMaterialListShowsItsNamesAndPackagesWholeInANarrowView() throws Exception {
		org.eclipse.swt.widgets.List list = view.palette();
		org.eclipse.swt.custom.SashForm sash = (org.eclipse.swt.custom.SashForm) list.getParent().getParent();
		org.eclipse.swt.widgets.Shell shell = list.getShell();
		List<String> rows = view.paletteItems();
		// a package's heading, then its materials by their plain names
		int heading = IntStream.range(0, rows.size()).filter(i -> rows.get(i).endsWith(":")).findFirst()
				.orElseThrow(() -> new AssertionError("a package's heading: " + rows));
		String pkg = rows.get(heading).substring(0, rows.get(heading).length() - 1);
		String member = rows.get(heading + 1);
		assertTrue(member.startsWith(StackView.UNDER_PACKAGE) && member.strip().matches("\\w+"), "a plain name under its package: " + member);
		String qualified = pkg + "." + member.strip();
		assertNotNull(view.paletteMaterialNamed(qualified), qualified);
		assertSame(view.paletteMaterialNamed(qualified), view.paletteMaterialNamed(member), "the row known by either name");
		assertSame(view.paletteMaterialNamed(qualified), view.paletteMaterialNamed(StackView.shown(qualified)), "and by its name then package (Properties)");
		assertNull(view.paletteMaterialNamed(rows.get(heading)), "a heading is no material");
		assertFalse(view.materialLabels().contains(rows.get(heading)), "the Properties view's choice has no headings");
		// narrower and narrower until a row of name and package would be cut: there every row is whole
		Path shots = Path.of("target", "screenshots");
		boolean narrow = false;
		for (int width = 1400; width >= 600 && !narrow; width -= 100) {
			shell.setBounds(0, 0, width, 900);
			Screenshots.settle(800);
			org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(list);
			int room = list.getClientArea().width;
			int longestFlat = view.materialLabels().stream().mapToInt(s -> gc.textExtent(s).x).max().orElseThrow();
			int longestRow = rows.stream().mapToInt(s -> gc.textExtent(s).x).max().orElseThrow();
			gc.dispose();
			if (longestFlat <= room) continue;
			narrow = true;
			list.setTopIndex(heading);
			Screenshots.settle(500);
			Screenshots.window(shell, shots.resolve("stack-material-list-narrow.png"));
			int total = sash.getClientArea().width;
			assertTrue(list.getParent().getSize().x <= 0.46 * total, "the drawing keeps more than half the view");
			assertTrue(longestRow <= room, "every row whole (" + longestRow + " px) in " + room + " px of a " + total + " px view: " + rows);
		}
		assertTrue(narrow, "a view narrow enough to cut a row of name and package");
		// a material's qualified name in the tooltip of its row under the pointer
		org.eclipse.swt.widgets.Event hover = new org.eclipse.swt.widgets.Event();
		hover.x = 5;
		hover.y = (heading + 1 - list.getTopIndex()) * list.getItemHeight() + list.getItemHeight() / 2;
		list.notifyListeners(org.eclipse.swt.SWT.MouseHover, hover);
		assertEquals(qualified, list.getToolTipText(), "the qualified name in the tooltip");
		// a heading chosen and inserted: refused, saying why
		list.select(heading);
		assertFalse(view.insertPaletteSelection());
		assertTrue(view.message().contains("heading"), view.message());
		shell.setBounds(0, 0, 1400, 900);
		Screenshots.settle(500);
	}

	/**
	 * A narrow drawing puts the cell's conditions on as many lines as it needs, the layers below them (on one line the
	 * view cut them to "cell Cell1   area 0.785 cm2   stack-pressur"); an inherited layer drawn lighter has its text in
	 * black (white, chosen for the layer's own dark colour, was unreadable on the lighter one).
	 */
	@Test
	void theConditionsWrapInANarrowDrawingAndAnInheritedLayersTextIsReadable() throws Exception {
		java.util.regex.Pattern bold = java.util.regex.Pattern.compile("<text x=\"[\\d.]+\" y=\"([\\d.]+)\" fill=\"#000000\" font-weight=\"bold\">([^<]*)</text>");
		String wide = view.svg(1200, 400);
		List<String> one = bold.matcher(wide).results().map(m -> m.group(2)).toList();
		assertEquals(List.of("cell Cell3   area 0.785 cm2   stack-pressure 65 MPa   temperature 25 degC"), one, "one line in a wide drawing");
		String narrow = view.svg(260, 400);
		List<java.util.regex.MatchResult> lines = bold.matcher(narrow).results().toList();
		assertTrue(lines.size() >= 2, "wrapped: " + lines.stream().map(m -> m.group(2)).toList());
		assertEquals(one.get(0), String.join("   ", lines.stream().map(m -> m.group(2)).toList()), "every condition, in order");
		for (var m : lines) assertTrue(m.group(2).length() * 7.2 * 1.1 <= 240 || !m.group(2).contains("   "), "a line fits: " + m.group(2));
		double lastLine = Double.parseDouble(lines.get(lines.size() - 1).group(1));
		java.util.regex.Matcher layer = java.util.regex.Pattern.compile("<rect class=\"layer\" x=\"[\\d.]+\" y=\"([\\d.]+)\"").matcher(narrow);
		assertTrue(layer.find(), narrow);
		assertTrue(Double.parseDouble(layer.group(1)) > lastLine + 10, "the layers below the conditions: " + layer.group(1) + " vs " + lastLine);

		// a cell inheriting Cell4's carbon interlayer (dark grey, white text) draws it lighter: its text black
		doc.replace(doc.getLength(), 0, "\ncell Cell4Child extends Cell4 { }\n");
		IdeUITest.spin(() -> { view.reparse(); view.selectCell("Cell4Child"); return view.cell() != null && "Cell4Child".equals(view.cell().getName()); },
				10_000, "the new cell");
		String child = view.svg(600, 400);
		java.util.regex.Matcher inherited = java.util.regex.Pattern.compile("rotate\\(-90\\)\" fill=\"(#[0-9a-f]{6})\">interlayer[^<]*\\(inherited\\)").matcher(child);
		assertTrue(inherited.find(), child);
		assertEquals("#000000", inherited.group(1), "black on the lighter carbon");
	}

	@Test
	void typingInTheTextUpdatesTheDiagram() throws Exception {
		int at = doc.get().indexOf("layer foil: Li 350 um");
		doc.replace(at + "layer foil: Li ".length(), 3, "30");
		IdeUITest.spin(() -> view.cell() != null && view.cell().getLayers().size() == 4
				&& view.cell().getLayers().get(2).getThickness().getValue() == 30, 10_000, "the diagram to re-read the text");
	}

	/**
	 * The view shows the cell the caret is in, also after the caret moved from one cell's text to another's (and so the
	 * Outline's choice, which moves the caret). It stayed on Cell3 (the file's first cell) wherever the caret was, so a
	 * layer dragged there changed a cell the user was not reading.
	 */
	@Test
	void theViewShowsTheCellTheCaretIsIn() {
		assertEquals("Cell3", view.cell().getName());
		editor.selectAndReveal(doc.get().indexOf("layer interlayer: CNT 1 um"), 0); // in Cell4
		IdeUITest.spin(() -> view.cell() != null && "Cell4".equals(view.cell().getName()), 10_000, "the Stack view on the caret's cell Cell4 (shows "
				+ (view.cell() == null ? null : view.cell().getName()) + ")");
		editor.selectAndReveal(doc.get().indexOf("cell Cell1 extends") + "cell Ce".length(), 0); // on Cell1's name
		IdeUITest.spin(() -> "Cell1".equals(view.cell().getName()), 10_000, "the Stack view on Cell1 (shows " + view.cell().getName() + ")");
		IdeUITest.spin(() -> "wcc,interlayer,separator,foil,ccc".equals(painted()), 10_000,
				"Cell1's stack drawn, its interlayer and Cell3's layers (drawn: " + painted() + ")");
		editor.selectAndReveal(0, 0); // in the comments above the cells: the view stays on the cell it shows
		IdeUITest.flush();
		assertEquals("Cell1", view.cell().getName());
	}

	@Test
	void exportsThePictureAsPng() throws Exception {
		Path png = Files.createTempFile("stack", ".png");
		view.exportPng(png, 1200, 400);
		byte[] head = Files.readAllBytes(png);
		assertTrue(head.length > 1000, "a real picture: " + head.length + " bytes");
		assertEquals((byte) 0x89, head[0]);
		assertEquals('P', head[1]);
	}
}

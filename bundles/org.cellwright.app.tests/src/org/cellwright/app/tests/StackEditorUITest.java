package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

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
	 * The material list takes the width of its longest name (package-qualified names of the library and of other files
	 * were cut off at the fixed fifth of the view until the sash was dragged), a qualified name shown as its name then its
	 * package, the qualified name in the tooltip. Screenshots of the former layout and of
	 * the fitted one in target/screenshots/.
	 */
	@Test
	void theMaterialListShowsItsQualifiedNamesWhole() throws Exception {
		org.eclipse.swt.widgets.List list = view.palette();
		org.eclipse.swt.custom.SashForm sash = (org.eclipse.swt.custom.SashForm) list.getParent().getParent();
		org.eclipse.swt.widgets.Shell shell = list.getShell();
		org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(list);
		int longest = view.paletteItems().stream().mapToInt(s -> gc.textExtent(s).x).max().orElseThrow();
		// a material of another package: its name first, its package after it (a cut row loses the package, not the name)
		String name = view.paletteItems().stream().filter(s -> s.contains(" (")).findFirst().orElseThrow(() -> new AssertionError(view.paletteItems().toString()));
		assertTrue(name.matches("\\w+  \\([\\w.]+\\)"), name);
		String qualified = name.replaceFirst("^(\\w+)  \\((.*)\\)$", "$2.$1");
		assertEquals(StackView.shown(qualified), name);
		assertSame(view.paletteMaterialNamed(qualified), view.paletteMaterialNamed(name), "the row known by either name");
		gc.dispose();
		shell.setBounds(0, 0, 1300, 900);
		Screenshots.settle(1000); // the resize done (and the list fitted) before the former layout is set
		list.setTopIndex(view.paletteItems().indexOf(name)); // the qualified names in view
		sash.setWeights(1, 4); // the former layout
		sash.layout(true);
		Screenshots.settle(1000);
		Path shots = Path.of("target", "screenshots");
		Screenshots.window(shell, shots.resolve("stack-material-list-before.png"));
		assertTrue(list.getClientArea().width < longest, "the former fifth cuts the qualified names (" + name + "): " + list.getClientArea().width + " < " + longest);
		shell.setBounds(0, 0, 1400, 900); // the view resized: the list fitted again
		Screenshots.settle(1000);
		list.setTopIndex(view.paletteItems().indexOf(name));
		Screenshots.settle(1000);
		Screenshots.window(shell, shots.resolve("stack-material-list-after.png"));
		int total = sash.getClientArea().width;
		assertTrue(list.getClientArea().width >= longest || list.getParent().getSize().x >= 0.44 * total,
				"the names whole (" + longest + " px) in " + list.getClientArea().width + " px of " + total);
		assertTrue(list.getParent().getSize().x <= 0.46 * total, "the drawing keeps more than half the view");
		// a name cut at that width is whole in the tooltip of the row under the pointer
		int row = view.paletteItems().indexOf(name);
		org.eclipse.swt.widgets.Event hover = new org.eclipse.swt.widgets.Event();
		hover.x = 5;
		hover.y = (row - list.getTopIndex()) * list.getItemHeight() + list.getItemHeight() / 2;
		list.notifyListeners(org.eclipse.swt.SWT.MouseHover, hover);
		assertEquals(qualified, list.getToolTipText(), "the qualified name in the tooltip");
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

package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;

import org.cellwright.app.WorkspaceSetup;
import org.cellwright.editor.properties.ModelPropertySource;
import org.cellwright.editor.properties.ReasonPropertySheetPage;
import org.cellwright.editor.stack.StackView;
import org.cellwright.lang.model.Cells;
import org.cellwright.model.Layer;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.properties.PropertySheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stack editor as users expect it: Delete key and Edit > Delete with undo, insert without drag and drop, a drop
 * indicator, a context menu, layers inherited through 'extends', problems drawn on the layers, and a Properties view
 * that shows effective values and why a value is refused.
 */
class StackEditorBasicsUITest extends StackEditorFixture {

	String stack() {
		return String.join(",", Cells.effectiveLayers(view.cell()).stream().map(Layer::getName).toList());
	}

	void command(String id) throws Exception {
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(id, null);
		IdeUITest.flush();
	}

	/** Paints the view now: the slabs' places on the screen are those of the last painting. */
	/**
	 * Draws the view and waits until the drawing is of the cell shown: the mouse hits the places of the last drawing,
	 * and GTK may draw after update() and the event loop are done (a drag on Cell1 then hit Cell3's places: CI, once).
	 */
	void paint() {
		view.canvas().redraw();
		view.canvas().update();
		IdeUITest.flush();
		IdeUITest.spin(() -> view.paintedLayers().equals(Cells.effectiveLayers(view.cell())), 10_000,
				() -> "the drawing of " + view.cell().getName() + ": drawn " + view.paintedLayers().stream().map(Layer::getName).toList());
	}

	void mouse(int type, int x, int stateMask) {
		Event e = new Event();
		e.x = x;
		e.y = view.canvas().getSize().y / 2;
		e.button = type == SWT.MouseMove ? 0 : 1;
		e.stateMask = stateMask;
		view.canvas().notifyListeners(type, e);
	}

	@Test
	void theDeleteKeyCommandAndEditDeleteRemoveTheSelectedLayerAndUndoBringsItBack() throws Exception {
		view.select(2);
		page.activate(view);
		IdeUITest.flush();
		var edit = WorkbenchBasicsUITest.item(page.getWorkbenchWindow().getShell().getMenuBar(), "Edit").getMenu();
		assertTrue(WorkbenchBasicsUITest.item(edit, "Delete").isEnabled(), "Edit > Delete is enabled on a selected layer");
		command("org.eclipse.ui.edit.delete"); // what the Delete key and Edit > Delete run
		assertEquals("wcc,separator,ccc", stack());
		assertFalse(doc.get().contains("layer foil:"), "deleted from the text");
		command("org.eclipse.ui.edit.undo");
		assertEquals("wcc,separator,foil,ccc", stack());
		assertEquals(original, doc.get(), "undo restores the text");
	}

	@Test
	void aLayerIsInsertedByDoubleClickOnTheListByTheInsertKeyAndFromTheContextMenu() {
		int li = view.paletteItems().indexOf(view.paletteItems().stream().filter(s -> s.endsWith("Li15Si4")).findFirst().orElseThrow());
		view.select(0);
		view.palette().select(li);
		view.palette().notifyListeners(SWT.DefaultSelection, new Event()); // a double-click or Enter on the material
		assertEquals("wcc,li15si4,separator,foil,ccc", stack(), "inserted after the selected layer");
		assertTrue(doc.get().contains("layer li15si4: Li15Si4 10 um"), doc.get());

		view.select(2); // separator
		view.palette().select(li);
		assertEquals(li, view.palette().getSelectionIndex(), view.paletteItems().toString());
		page.activate(view); // the key goes to the view with the focus (in the text editor Insert toggles overwrite)
		view.canvas().setFocus();
		IdeUITest.flush();
		Event key = new Event();
		key.keyCode = SWT.INSERT;
		view.canvas().notifyListeners(SWT.KeyDown, key);
		assertEquals("wcc,li15si4,separator,li15si42,foil,ccc", stack(), view.message());

		List<String> menu = view.contextMenuLabels();
		String insert = menu.stream().filter(s -> s.startsWith("Insert Layer/") && s.endsWith("Li15Si4")).findFirst()
				.orElseThrow(() -> new AssertionError(menu.toString()));
		view.select(-1);
		view.runContextMenu(insert);
		assertEquals("wcc,li15si4,separator,li15si42,foil,ccc,li15si43", stack(), "with nothing selected: at the end");
	}

	@Test
	void theContextMenuDeletesMovesAndOpensProperties() throws Exception {
		view.select(0);
		List<String> menu = view.contextMenuLabels();
		for (String entry : List.of("Delete layer", "Move Up", "Move Down", "Properties"))
			assertTrue(menu.contains(entry), entry + " in " + menu);
		view.runContextMenu("Move Down");
		assertEquals("separator,wcc,foil,ccc", stack());
		view.runContextMenu("Move Up");
		assertEquals("wcc,separator,foil,ccc", stack());
		view.runContextMenu("Properties");
		IdeUITest.flush();
		assertNotNull(page.findView(IPageLayout.ID_PROP_SHEET), "Properties opens the Properties view");
	}

	@Test
	void draggingALayerShowsWhereItWillGoAndMovesIt() {
		paint();
		int from = view.slabCenter(0), over = view.slabCenter(2) + 5;
		mouse(SWT.MouseDown, from, 0);
		assertEquals(-1, view.dropIndicator(), "no indicator before the pointer moves");
		mouse(SWT.MouseMove, over, SWT.BUTTON1);
		assertEquals(3, view.dropIndicator(), "the indicator at the boundary after the third layer");
		mouse(SWT.MouseUp, over, 0);
		assertEquals(-1, view.dropIndicator(), "gone after the drop");
		assertEquals("separator,foil,wcc,ccc", stack());
		view.dragOver(view.slabCenter(1) - 5);
		assertEquals(1, view.dropIndicator(), "a material dragged from the list shows the boundary too");
	}

	@Test
	void inACellThatExtendsAnotherInheritedLayersAreExplainedReplacedByNameAndRemoved() {
		view.selectCell("Cell1");
		paint();
		assertEquals("wcc,interlayer,separator,foil,ccc", stack());
		// a layer of Cell1 dropped onto an inherited one: not silent
		mouse(SWT.MouseDown, view.slabCenter(1), 0);
		mouse(SWT.MouseMove, view.slabCenter(3), SWT.BUTTON1);
		mouse(SWT.MouseUp, view.slabCenter(3), 0);
		assertTrue(view.message().contains("inherited from Cell3"), view.message());
		assertEquals(original, doc.get(), "nothing changed");

		// a material dropped between two inherited layers: placed by name
		String label = view.paletteItems().stream().filter(s -> s.endsWith("Li15Si4")).findFirst().orElseThrow();
		assertTrue(view.insertAt(view.paletteMaterialNamed(label), 4));
		assertEquals("wcc,interlayer,separator,foil,li15si4,ccc", stack());
		assertTrue(doc.get().contains("layer li15si4: Li15Si4 10 um after foil"), doc.get());
		view.undo();
		assertEquals(original, doc.get());

		// deleting an inherited layer removes it from this cell only
		view.select(3);
		assertTrue(view.deleteSelected());
		assertEquals("wcc,interlayer,separator,ccc", stack());
		String cell1 = doc.get().substring(doc.get().indexOf("cell Cell1 extends Cell3"), doc.get().indexOf("cell Cell2 extends"));
		assertTrue(cell1.contains("\tremove foil\n"), cell1);
		assertTrue(view.message().contains("removes it"), view.message());
		view.undo();
		assertEquals(original, doc.get());
	}

	/**
	 * Delete of a layer that cells of other files extending its cell name ('after wcc' in thin-cell3.cell, 'remove wcc'
	 * in a file of another folder extending that cell) is refused, as the diagram refuses it: a dialog names the files
	 * and lines (found as the IDE's layer rename finds them, LayerRenameAcrossFiles, with progress and Cancel), nothing
	 * changes; cancelled while the files are read, nothing is deleted either. A layer nothing else names is deleted as
	 * one undoable command. Before session 24 the delete removed wcc without a word and those files then had errors
	 * ("no layer 'wcc' to place buffer after").
	 */
	@Test
	void deletingALayerCellsOfOtherFilesNameIsRefusedNamingTheFilesAndLines() throws Exception {
		IFile other = thinFile(), far = thinnerFile();
		var shown = new java.util.ArrayList<String>();
		var wasDialog = StackView.refusalDialog;
		var wasProgress = org.cellwright.editor.references.LayerRenameAcrossFiles.progress;
		StackView.refusalDialog = shown::add;
		try {
			createFilesNamingWcc();
			view.selectCell("Cell3");
			assertEquals("wcc,separator,foil,ccc", stack());

			view.select(2); // foil: named by thin-cell3.cell only (wcc is named in its own file too: refused for that first)
			assertFalse(view.deleteSelected(), "refused");
			assertEquals(original, doc.get(), "nothing deleted");
			assertEquals(1, shown.size());
			assertTrue(shown.get(0).contains("thin-cell3.cell:9: cell Cell3Thin: remove foil"), shown.get(0));
			assertTrue(view.message().startsWith("Not deleted: layer foil is named in other files"), view.message());
			assertEquals(THIN, java.nio.file.Files.readString(other.getLocation().toPath()));
			assertEquals(THINNER, java.nio.file.Files.readString(far.getLocation().toPath()));

			// cancelled while the workspace's files are read: not deleted
			org.cellwright.editor.references.LayerRenameAcrossFiles.progress = (fork, cancelable, work) -> {
				throw new InterruptedException();
			};
			view.select(3);
			assertFalse(view.deleteSelected());
			assertEquals(original, doc.get(), "cancelled: nothing deleted");
			assertTrue(view.message().contains("was cancelled"), view.message());
			org.cellwright.editor.references.LayerRenameAcrossFiles.progress = wasProgress;

			// a layer nothing else names: deleted, one undo brings it back
			view.select(3);
			assertTrue(view.deleteSelected(), view.message());
			assertEquals("wcc,separator,foil", stack());
			assertEquals(1, shown.size(), "no dialog");
			view.undo();
			assertEquals(original, doc.get());
		} finally {
			StackView.refusalDialog = wasDialog;
			org.cellwright.editor.references.LayerRenameAcrossFiles.progress = wasProgress;
			deleteFilesNamingWcc();
		}
	}

	/**
	 * Delete of an inherited layer writes 'remove <name>' into this cell (Cell1, extending Cell3): refused as a delete
	 * of a layer in its own cell is, with the same dialog naming file, line and cell, where cells would then name a
	 * layer that is gone (Cells.layerNameUses from the cell that removes it): this cell's own layers (Cell1's
	 * interlayer 'after wcc'), a cell of another file extending it (Cell1Thin: 'after separator') and, through it, a
	 * cell of another folder (Cell1Thinner: 'remove foil'). A layer nothing names (ccc) is removed, one undo. Before
	 * session 25 each of these was written ('remove wcc' ...) and those cells then had errors ("no layer 'wcc' to place
	 * interlayer after", "cannot remove 'foil'").
	 */
	@Test
	void deletingAnInheritedLayerThatCellsExtendingThisCellNameIsRefusedNamingTheFilesAndLines() throws Exception {
		IFile thin1 = thin1File(), thinner1 = thinner1File();
		var shown = new java.util.ArrayList<String>();
		var wasDialog = StackView.refusalDialog;
		StackView.refusalDialog = shown::add;
		try {
			createFilesExtendingCell1();
			view.selectCell("Cell1");
			assertEquals("wcc,interlayer,separator,foil,ccc", stack());

			// wcc: Cell1's own interlayer is placed after it; separator: Cell1Thin of thin-cell1.cell places its buffer
			// after it; foil: Cell1Thinner (another folder) extends Cell1Thin and removes it
			String[][] refused = { { "0", "half-cells.cell:33: cell Cell1: after wcc", "Not deleted: layer wcc is named in its file" },
					{ "2", "thin-cell1.cell:6: cell Cell1Thin: after separator", "Not deleted: layer separator is named in other files" },
					{ "3", "further/thinner-cell1.cell:5: cell Cell1Thinner: remove foil", "Not deleted: layer foil is named in other files" } };
			for (int i = 0; i < refused.length; i++) {
				view.select(Integer.parseInt(refused[i][0]));
				assertFalse(view.deleteSelected(), "refused: " + refused[i][1]);
				assertEquals(original, doc.get(), "nothing removed");
				assertEquals(i + 1, shown.size());
				assertTrue(shown.get(i).contains(refused[i][1]), shown.get(i));
				assertTrue(view.message().startsWith(refused[i][2]), view.message());
			}
			assertTrue(shown.get(0).startsWith("Layer wcc is inherited from Cell3 and is not removed from Cell1: cells of its file name it"), shown.get(0));
			assertTrue(shown.get(1).contains("cells of other files extending Cell1 name it"), shown.get(1));
			assertEquals(THIN1, java.nio.file.Files.readString(thin1.getLocation().toPath()));
			assertEquals(THINNER1, java.nio.file.Files.readString(thinner1.getLocation().toPath()));

			view.select(4); // ccc: nothing names it
			assertTrue(view.deleteSelected(), view.message());
			assertEquals("wcc,interlayer,separator,foil", stack());
			String cell1 = doc.get().substring(doc.get().indexOf("cell Cell1 extends Cell3"), doc.get().indexOf("cell Cell2 extends"));
			assertTrue(cell1.contains("\tremove ccc\n"), cell1);
			assertEquals(3, shown.size(), "no dialog");
			view.undo();
			assertEquals(original, doc.get());
		} finally {
			StackView.refusalDialog = wasDialog;
			deleteFilesExtendingCell1();
		}
	}

	/**
	 * Delete of a cell's own layer that replaces an inherited one of its name (a separator of Cell1 replacing Cell3's)
	 * is not refused where cells extending that cell name it (Cell1Thin of thin-cell1.cell: 'after separator'): the
	 * inherited separator comes back in Cell1's stack and they find it (Cells.layerNameUses: none). One undo brings
	 * Cell1's separator back. Deleting the inherited separator then (it writes 'remove separator') is still refused.
	 * Before, the first delete was refused too, naming thin-cell1.cell:6.
	 */
	@Test
	void deletingALayerThatReplacesAnInheritedOneIsNotRefusedWhereCellsExtendingItsCellNameIt() throws Exception {
		var shown = new java.util.ArrayList<String>();
		var wasDialog = StackView.refusalDialog;
		StackView.refusalDialog = shown::add;
		try {
			createFilesExtendingCell1();
			int at = doc.get().indexOf('\n', doc.get().indexOf("cell Cell1 extends Cell3")) + 1;
			doc.replace(at, 0, "\tlayer separator: Li6PS5Cl 100 um // Cell1's own\n");
			String edited = doc.get();
			view.reparse();
			view.selectCell("Cell1");
			assertEquals("wcc,interlayer,separator,foil,ccc", stack());
			view.select(2);
			Layer own = Cells.effectiveLayers(view.cell()).get(2);
			assertSame(view.cell(), own.eContainer(), "Cell1's own separator");

			assertTrue(view.deleteSelected(), view.message());
			assertEquals(List.of(), shown, "no dialog");
			assertFalse(doc.get().contains("Li6PS5Cl 100 um"), doc.get());
			assertEquals("wcc,interlayer,separator,foil,ccc", stack(), "Cell3's separator in its place");
			assertEquals("Cell3", ((org.cellwright.model.Cell) Cells.effectiveLayers(view.cell()).get(2).eContainer()).getName());
			assertEquals(THIN1, java.nio.file.Files.readString(thin1File().getLocation().toPath()));
			view.undo();
			assertEquals(edited, doc.get());

			// a name that would be lost: Cell3's separator removed from Cell1
			view.reparse();
			view.selectCell("Cell1");
			view.select(2);
			assertTrue(view.deleteSelected(), view.message()); // Cell1's own separator again
			view.select(2);
			assertFalse(view.deleteSelected(), "refused: the inherited separator");
			assertEquals(1, shown.size());
			assertTrue(shown.get(0).contains("thin-cell1.cell:6: cell Cell1Thin: after separator"), shown.get(0));
		} finally {
			StackView.refusalDialog = wasDialog;
			deleteFilesExtendingCell1();
		}
	}

	/**
	 * Delete of a layer that cells of its own file name (Cell1 to Cell5 place their interlayer 'after wcc') is refused
	 * as the diagram refuses it (Cells.layerNameUses): a dialog names the cells and lines, nothing changes. Before
	 * session 24's own24 only other files were searched and wcc was removed, leaving 'after wcc' naming no layer.
	 */
	@Test
	void deletingALayerCellsOfItsFileNameIsRefusedNamingTheCellsAndLines() throws Exception {
		var shown = new java.util.ArrayList<String>();
		var wasDialog = StackView.refusalDialog;
		StackView.refusalDialog = shown::add;
		try {
			view.selectCell("Cell3");
			view.select(0);
			assertFalse(view.deleteSelected(), "refused");
			assertEquals(original, doc.get(), "nothing deleted");
			assertEquals("wcc,separator,foil,ccc", stack());
			assertEquals(1, shown.size());
			assertTrue(shown.get(0).contains("half-cells.cell:33: cell Cell1: after wcc")
					&& shown.get(0).contains("half-cells.cell:70: cell Cell5: after wcc"), shown.get(0));
			assertTrue(view.message().startsWith("Not deleted: layer wcc is named in its file"), view.message());
		} finally {
			StackView.refusalDialog = wasDialog;
		}
	}

	@Test
	void layersWithProblemsAreMarkedOnTheDrawing() throws Exception {
		IdeUITest.spin(() -> Integer.valueOf(1).equals(view.problemLayers().get("separator")), 20_000,
				"the separator's warning (LPSCl reduced by the Li foil) on the drawing: " + view.problemLayers());
		assertNull(view.problemLayers().get("wcc"), "a layer without problems is not marked");
		int at = doc.get().indexOf("layer foil: Li 350 um") + "layer foil: Li 350 ".length();
		doc.replace(at, 2, "mA");
		IdeUITest.spin(() -> Integer.valueOf(2).equals(view.problemLayers().get("foil")), 20_000, "the foil's error on the drawing: "
				+ view.problemLayers());
	}

	@Test
	void unsetPropertiesShowTheirEffectiveValueMarked() {
		view.select(2); // foil of Cell3
		ModelPropertySource foil = view.propertySource();
		assertEquals("1.5  (default)", foil.getPropertyValue("bruggeman"), "the catalogue's default, marked");
		assertEquals("350 um", foil.getPropertyValue("thickness"), "a written value unmarked");
		view.selectCell("Cell1");
		view.select(-1);
		ModelPropertySource cell = view.propertySource();
		assertEquals("65 MPa  (inherited from Cell3)", cell.getPropertyValue("stack-pressure"));
		// the thermal model's data has no default: marked as not set like the others are marked, never a blank row
		for (String id : java.util.List.of("density", "heat-capacity", "cooling-area"))
			assertEquals(ModelPropertySource.NOT_SET, cell.getPropertyValue(id), id);
		for (var d : cell.getPropertyDescriptors())
			assertFalse(String.valueOf(cell.getPropertyValue(d.getId())).isBlank(), "the cell's row " + d.getId() + " is blank");
		for (var d : foil.getPropertyDescriptors())
			assertFalse(String.valueOf(foil.getPropertyValue(d.getId())).isBlank(), "the layer's row " + d.getId() + " is blank");
	}

	@Test
	void aRefusedValuesReasonIsShownInThePropertiesView() throws Exception {
		view.select(2);
		PropertySheet sheet = (PropertySheet) page.showView(IPageLayout.ID_PROP_SHEET);
		page.activate(view);
		IdeUITest.flush();
		IdeUITest.spin(() -> PropertiesUITest.row(sheet.getCurrentPage().getControl(), "thickness") != null, 10_000, "the layer in the sheet");
		ReasonPropertySheetPage p = assertInstanceOf(ReasonPropertySheetPage.class, sheet.getCurrentPage());
		assertEquals(ReasonPropertySheetPage.HINT, p.reason());
		Text cellEditor = PropertiesUITest.openCellEditor(PropertiesUITest.tree(p.getControl()), "thickness");
		cellEditor.setText("5 mA/cm2");
		IdeUITest.flush();
		assertTrue(p.reason().startsWith("Refused: thickness expects a length"), p.reason());
		// typing "5 um" passes through "5" and "5 u": refused as they stand, but not flashed in the view's line
		for (String typing : new String[] { "", "5", "5.", "1e-", "5 u" }) {
			cellEditor.setText(typing);
			IdeUITest.flush();
			assertEquals(ReasonPropertySheetPage.HINT, p.reason(), "'" + typing + "' is still being typed");
		}
		cellEditor.setText("5 xq");
		IdeUITest.flush();
		assertTrue(p.reason().startsWith("Refused: unknown unit 'xq'"), p.reason());
		cellEditor.setText("5 um");
		IdeUITest.flush();
		assertEquals(ReasonPropertySheetPage.HINT, p.reason(), "an acceptable value clears the reason");
	}

	/** A narrow view puts the actions below the cell choice, which keeps room for the cell's name; nothing past the edge. */
	@Test
	void aNarrowViewKeepsTheCellChoiceWideEnoughForTheName() {
		org.eclipse.swt.widgets.Composite top = view.canvas().getParent().getParent();
		org.eclipse.swt.widgets.Combo combo = (org.eclipse.swt.widgets.Combo) top.getChildren()[1];
		org.eclipse.swt.graphics.Point was = top.getSize();
		try {
			top.setSize(230, was.y);
			IdeUITest.flush();
			assertTrue(view.actionsBelowCellChoice(), "the actions on their own line in a narrow view");
			org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(combo);
			int name = gc.textExtent(combo.getText()).x;
			gc.dispose();
			assertTrue(combo.getSize().x >= name + 20, "the cell choice (" + combo.getSize().x + " px) shows the name '" + combo.getText()
					+ "' (" + name + " px)");
			for (org.eclipse.swt.widgets.Control c : top.getChildren())
				assertTrue(c.getBounds().x + c.getBounds().width <= top.getClientArea().width + 1, c + " inside the view: " + c.getBounds());
			top.setSize(1400, was.y);
			IdeUITest.flush();
			assertFalse(view.actionsBelowCellChoice(), "a wide view: the actions beside the cell choice");
		} finally {
			top.setSize(was);
			top.layout(true);
		}
	}
}

package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.app.WorkspaceSetup;
import org.cellwright.editor.table.ModelTable;
import org.cellwright.editor.table.ModelTableEditor;
import org.cellwright.model.PropertyOwner;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The table editor (Open With > CellWright Table) of the baseline example: materials against properties and cells
 * against parameters, edited in place with unit checks through the document's editing session (undo, comments
 * kept), several rows at once, CSV export.
 */
class TableEditorUITest {

	IWorkbenchPage page;
	IFile file;
	ITextEditor text;
	ModelTableEditor table;
	IDocument doc;
	String original;

	@BeforeEach
	void open() throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IFile any = WorkspaceSetup.importExamples(Path.of(System.getProperty("cellwright.examples")));
		file = any.getProject().getFile("baseline-halfcell.cell");
		IdeUITest.waitForJobs();
		text = (ITextEditor) IDE.openEditor(page, file, true);
		doc = text.getDocumentProvider().getDocument(text.getEditorInput());
		original = doc.get();
		// as Open With opens it: beside the text editor of the same file
		table = (ModelTableEditor) page.openEditor(new org.eclipse.ui.part.FileEditorInput(file), ModelTableEditor.ID, true, IWorkbenchPage.MATCH_ID | IWorkbenchPage.MATCH_INPUT);
		IdeUITest.spin(() -> table.table(ModelTable.Kind.MATERIALS) != null && !table.table(ModelTable.Kind.MATERIALS).rows().isEmpty(), 20_000, "the table to read the text");
		IdeUITest.waitForJobs();
		IdeUITest.flush();
	}

	@AfterEach
	void close() {
		text.doRevertToSaved();
		page.closeAllEditors(false);
	}

	/** Edits a cell as a user does: the cell editor opens on the row's column, the value is typed and Enter pressed. */
	void typeInto(TableViewer viewer, PropertyOwner row, String columnId, String value) {
		ModelTable t = table.table(table.shown());
		int column = t.columns().indexOf(t.column(columnId));
		if (viewer.getStructuredSelection().size() > 1) ((ModelTableEditor.RowsViewer) viewer).editKeepingSelection(row, column); // F2 on a multi-row selection
		else viewer.editElement(row, column); // a double-click
		IdeUITest.flush();
		Text editor = null;
		for (Control c : viewer.getTable().getChildren()) if (c instanceof Text tx && tx.isVisible()) editor = tx;
		assertNotNull(editor, "a cell editor on " + columnId);
		editor.setText(value);
		editor.notifyListeners(SWT.Modify, new Event());
		editor.notifyListeners(SWT.DefaultSelection, new Event()); // Enter
		IdeUITest.flush();
	}

	@Test
	void materialsAgainstPropertiesWithUnits() {
		ModelTable t = table.table(ModelTable.Kind.MATERIALS);
		assertEquals(List.of("SUS", "LPSCl", "Li"), t.rows().stream().map(r -> t.text(r, t.column(ModelTable.NAME))).toList());
		assertEquals("1.64 g/cm3", t.text(t.row("LPSCl"), t.column("density")));
		assertEquals("2.5 mS/cm", t.text(t.row("LPSCl"), t.column("ionic-conductivity")));
		assertEquals("", t.text(t.row("SUS"), t.column("density")), "a property a material does not write is empty");
		assertEquals("solid-electrolyte", t.text(t.row("LPSCl"), t.column(ModelTable.KIND)));
		assertSame(doc, table.session().document(), "the table edits the text editor's document");
	}

	@Test
	void aValueEditedInTheTableChangesTheTextKeepingCommentsAndUndoRestoresIt() {
		TableViewer v = table.viewer(ModelTable.Kind.MATERIALS);
		PropertyOwner lpscl = table.table(ModelTable.Kind.MATERIALS).row("LPSCl");
		typeInto(v, lpscl, "ionic-conductivity", "0.3 S/m");
		assertTrue(doc.get().contains("ionic-conductivity = 0.3 S/m"), doc.get());
		assertTrue(doc.get().contains("density = 1.64 g/cm3 source \"10.1002/adma.202210835\""), "the source beside it stays");
		assertTrue(doc.get().contains("// A first look at CellWright"), "comments stay");
		assertEquals(original.length() - "2.5 mS/cm".length() + "0.3 S/m".length(), doc.get().length(), "only the value's span changed");
		assertTrue(text.isDirty(), "the text editor is dirty");
		assertTrue(table.isDirty(), "the table editor too");
		assertEquals("0.3 S/m", table.table(ModelTable.Kind.MATERIALS).text(table.table(ModelTable.Kind.MATERIALS).row("LPSCl"),
				table.table(ModelTable.Kind.MATERIALS).column("ionic-conductivity")), "the table shows the new value");
		assertTrue(table.undo());
		assertEquals(original, doc.get(), "undo restores the text exactly");
		assertTrue(table.redo());
		assertTrue(doc.get().contains("ionic-conductivity = 0.3 S/m"));
	}

	@Test
	void aValueOfTheWrongDimensionIsRefusedWithTheReasonAndChangesNothing() {
		TableViewer v = table.viewer(ModelTable.Kind.MATERIALS);
		PropertyOwner lpscl = table.table(ModelTable.Kind.MATERIALS).row("LPSCl");
		typeInto(v, lpscl, "ionic-conductivity", "3 MPa");
		assertEquals(original, doc.get(), "a pressure is not a conductivity");
		assertFalse(table.set(List.of(lpscl), "ionic-conductivity", "3 uf"));
		assertTrue(table.message().contains("unknown unit 'uf'"), table.message());
		assertEquals(original, doc.get());
	}

	@Test
	void severalRowsAtOnceInOneUndo() {
		TableViewer v = table.viewer(ModelTable.Kind.MATERIALS);
		ModelTable t = table.table(ModelTable.Kind.MATERIALS);
		v.setSelection(new StructuredSelection(List.of(t.row("SUS"), t.row("Li"))));
		typeInto(v, t.row("Li"), "electronic-conductivity", "2e4 S/cm");
		String now = doc.get();
		ModelTable after = table.table(ModelTable.Kind.MATERIALS);
		String sus = after.text(after.row("SUS"), after.column("electronic-conductivity"));
		assertEquals(20000, Double.parseDouble(sus.split(" ")[0]), 1e-9, sus);
		assertEquals(sus, after.text(after.row("Li"), after.column("electronic-conductivity")), "both selected materials take the value");
		assertFalse(now.contains("1.4e4 S/cm") || now.contains("1.1e5 S/cm"), now);
		assertTrue(table.undo());
		assertEquals(original, doc.get(), "one undo restores both");
	}

	@Test
	void cellsAgainstParametersAndCsvExport() throws Exception {
		table.showTab(ModelTable.Kind.CELLS);
		ModelTable cells = table.table(ModelTable.Kind.CELLS);
		PropertyOwner bare = cells.row("BareSUS");
		assertEquals("5 MPa", cells.text(bare, cells.column("stack-pressure")));
		typeInto(table.viewer(ModelTable.Kind.CELLS), bare, "stack-pressure", "10 MPa");
		assertTrue(doc.get().contains("stack-pressure = 10 MPa"), doc.get());

		Path csv = Files.createTempFile("cells", ".csv");
		table.exportCsv(csv, ModelTable.Kind.MATERIALS);
		List<String> lines = Files.readAllLines(csv);
		assertTrue(lines.get(0).startsWith("Name,Kind,density,"), lines.get(0));
		assertTrue(lines.stream().anyMatch(l -> l.startsWith("LPSCl,solid-electrolyte,1.64 g/cm3,")), lines.toString());
		assertEquals(4, lines.size(), "a header and three materials");
	}

	@Test
	void screenshotForTheDocs() throws Exception {
		String d = System.getenv("CELLWRIGHT_SCREENSHOTS");
		if (d == null || d.isBlank()) return; // only when CELLWRIGHT_SCREENSHOTS names a folder (a developer's run)
		Shell shell = page.getWorkbenchWindow().getShell();
		shell.setBounds(0, 0, 1400, 900);
		page.activate(table);
		page.setPartState(page.getReference(table), IWorkbenchPage.STATE_MAXIMIZED);
		TableViewer v = table.viewer(ModelTable.Kind.MATERIALS);
		ModelTable t = table.table(ModelTable.Kind.MATERIALS);
		v.setSelection(new StructuredSelection(List.of(t.row("LPSCl"))));
		v.editElement(t.row("LPSCl"), t.columns().indexOf(t.column("ionic-conductivity")));
		DocsScreenshotsUITest.settle(1500);
		Path out = Path.of(d).resolve("ide-table.png");
		Screenshots.window(shell, out);
		assertTrue(Files.size(out) > 10_000);
	}
}

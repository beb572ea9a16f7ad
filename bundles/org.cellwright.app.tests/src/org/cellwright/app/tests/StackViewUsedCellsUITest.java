package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;

import org.cellwright.app.WorkspaceSetup;
import org.cellwright.editor.stack.StackView;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Stack view on a file without cells of its own: the study's experiments.cell imports its cells and defines
 * experiments. The view showed nothing (an empty cell choice, an empty drawing, the hint to drag layers). It offers
 * the cells the file's experiments use, in their order, draws them read-only and says where each is defined; the
 * caret in an experiment shows the cell it runs, a sweep selected in the Outline its experiment's cell.
 */
class StackViewUsedCellsUITest {
	IWorkbenchPage page;

	@AfterEach
	void tearDown() {
		if (page != null) page.closeAllEditors(false);
	}

	@Test
	void aFileWithoutCellsShowsTheCellsItsExperimentsUseReadOnly() throws Exception {
		ITextEditor editor = openWithTheStackView("sung2023/experiments.cell");
		StackView view = (StackView) page.findView(StackView.ID);
		IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		String original = doc.get();

		List<String> choices = view.cellChoices();
		assertEquals(List.of("Cell1", "Cell3At5MPa", "Cell2At5MPa"), choices.subList(0, 3), "in the order of the experiments: " + choices);
		assertEquals(choices.size(), choices.stream().distinct().count(), "each once: " + choices);
		assertTrue(choices.containsAll(List.of("Cell6", "Cell7")), "the full cells too: " + choices);
		assertTrue(choices.contains(view.cell().getName()), "one of them shown (the one shown before, if used here): " + view.cell().getName());
		view.selectCell("Cell1");
		assertEquals("Cell1", view.cell().getName());
		assertTrue(view.showsAnotherFilesCell());
		assertFalse(org.cellwright.editor.stack.StackModel.slabs(view.cell()).isEmpty(), "its layers drawn");
		assertTrue(view.message().contains("experiments.cell defines no cells") && view.message().contains("Cell1 is defined in half-cells.cell"),
				view.message());

		// read-only: no edit reaches another file's cell, nor this file's text
		assertFalse(view.editable());
		assertFalse(view.moveLayer(0, 1));
		assertFalse(view.insertLayer(view.material(view.paletteItems().get(0)), 0));
		assertEquals(original, doc.get());
		assertFalse(editor.isDirty());

		// the caret in an experiment: the cell it runs (a full cell, of full-cells.cell)
		int at = doc.get().indexOf("experiment FullCellWithInterlayer");
		editor.selectAndReveal(at + "experiment ".length(), 0);
		IdeUITest.spin(() -> view.cell() != null && "Cell6".equals(view.cell().getName()), 30_000, "the caret's experiment's cell");
		assertTrue(view.message().contains("Cell6 is defined in full-cells.cell"), view.message());

		// a sweep selected in the Outline: its experiment's cell (InterlayerHalfCell runs Cell2At34MPa); before, the view
		// stayed on the cell it showed
		var outline = (org.eclipse.ui.views.contentoutline.ContentOutline) page.showView(org.eclipse.ui.IPageLayout.ID_OUTLINE);
		page.activate(editor);
		IdeUITest.flush();
		var outlinePage = (org.cellwright.editor.CellOutlinePage) outline.getCurrentPage();
		var viewer = outlinePage.viewer();
		IdeUITest.spin(() -> sweep(viewer) != null, 30_000, "the Outline to show the sweep");
		page.activate(outline);
		viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(sweep(viewer)), true);
		IdeUITest.spin(() -> view.cell() != null && "Cell2At34MPa".equals(view.cell().getName()), 30_000,
				"the sweep's experiment's cell, not " + (view.cell() == null ? null : view.cell().getName()));
	}

	/**
	 * A file whose text has a syntax error: the line under the drawing says what this view shows. It said "the diagram
	 * shows what could be read", meaning its own drawing, not the diagram editor (session 29 walk, w38.png).
	 */
	@Test
	void aFileWithASyntaxErrorSaysWhatThisViewShows() throws Exception {
		ITextEditor editor = openWithTheStackView("sung2023/half-cells.cell");
		StackView view = (StackView) page.findView(StackView.ID);
		IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		assertFalse(view.message().startsWith("The text has syntax errors"), view.message());
		doc.replace(doc.getLength(), 0, "\ncell Broken {\n\ttemperature = \n}\n"); // a value expected after '='
		IdeUITest.flush();
		view.reparse();
		IdeUITest.spin(() -> view.message().startsWith("The text has syntax errors"), 30_000, "the hint of a text with a syntax error");
		assertEquals("The text has syntax errors: this view shows the stack as far as the text could be read; fix the text to edit here.",
				view.message());
	}

	/** Opens a file of the examples (path in their project) in the text editor, the Stack view showing one of its cells. */
	private ITextEditor openWithTheStackView(String path) throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IFile any = WorkspaceSetup.importExamples(Path.of(System.getProperty("cellwright.examples")));
		IdeUITest.waitForJobs();
		ITextEditor editor = (ITextEditor) IDE.openEditor(page, any.getProject().getFile(path), true);
		StackView view = (StackView) page.showView(StackView.ID);
		page.activate(editor);
		IdeUITest.flush();
		view.reparse();
		IdeUITest.spin(() -> view.cell() != null, 60_000, "the Stack view to show a cell of " + path);
		return editor;
	}

	/** The Outline's sweep PressureAndTemperature, or null before the Outline has read the text. */
	static org.cellwright.model.Sweep sweep(org.eclipse.jface.viewers.TreeViewer viewer) {
		if (viewer.getInput() == null) return null;
		for (Object o : ((org.eclipse.jface.viewers.ITreeContentProvider) viewer.getContentProvider()).getElements(viewer.getInput()))
			if (o instanceof org.cellwright.model.Sweep w && "PressureAndTemperature".equals(w.getName())) return w;
		return null;
	}
}

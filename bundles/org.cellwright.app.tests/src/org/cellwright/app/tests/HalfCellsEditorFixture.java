package org.cellwright.app.tests;

import java.nio.file.Path;

import org.cellwright.app.WorkspaceSetup;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The study's half cells (examples imported) open in the text editor; the text is reverted after each test. */
abstract class HalfCellsEditorFixture {

	IWorkbenchPage page;
	IFile file;
	ITextEditor editor;
	IDocument doc;
	String original;

	@BeforeEach
	void openHalfCells() throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IFile any = WorkspaceSetup.importExamples(Path.of(System.getProperty("cellwright.examples")));
		file = any.getProject().getFile("sung2023/half-cells.cell");
		IdeUITest.waitForJobs();
		editor = (ITextEditor) IDE.openEditor(page, file, true);
		doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		original = doc.get();
		IdeUITest.flush();
	}

	@AfterEach
	void tearDown() {
		editor.doRevertToSaved();
		page.closeAllEditors(false);
	}
}

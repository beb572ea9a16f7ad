package org.cellwright.app.tests;

import java.nio.file.Path;

import org.cellwright.app.WorkspaceSetup;
import org.cellwright.editor.stack.StackView;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The study's half cells open in the text editor with the Stack view on Cell3; the text is reverted after each test. */
abstract class StackEditorFixture {

	IWorkbenchPage page;
	ITextEditor editor;
	IDocument doc;
	StackView view;
	String original;

	@BeforeEach
	void setUp() throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IFile any = WorkspaceSetup.importExamples(Path.of(System.getProperty("cellwright.examples")));
		IFile file = any.getProject().getFile("sung2023/half-cells.cell");
		IdeUITest.waitForJobs();
		editor = (ITextEditor) IDE.openEditor(page, file, true);
		doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		original = doc.get();
		view = (StackView) page.showView(StackView.ID);
		page.activate(editor);
		IdeUITest.flush();
		view.reparse();
		view.selectCell("Cell3");
	}

	@AfterEach
	void tearDown() {
		editor.doRevertToSaved();
		page.closeAllEditors(false);
	}

}

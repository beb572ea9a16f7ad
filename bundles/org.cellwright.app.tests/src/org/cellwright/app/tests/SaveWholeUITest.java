package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.editor.WholeSave;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A .cell file is saved whole or not at all: a save whose text cannot be written (a full disk, simulated by making the
 * hidden sibling the save writes first unwritable: a folder stands there) leaves the file on disk as it was, with the
 * error, and the editor dirty with its text. Before, Eclipse wrote in place and the file was cut (disk26).
 */
class SaveWholeUITest {

	IWorkbenchPage page;
	IProject project;
	IFile file;
	static final String OLD = "material Foo is electrolyte {\n\tdensity = 1200 kg/m^3\n}\n";

	@BeforeEach
	void open() throws Exception {
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("save-whole");
		if (!project.exists()) project.create(null);
		project.open(null);
		file = project.getFile("s.cell");
		file.create(new ByteArrayInputStream(OLD.getBytes(StandardCharsets.UTF_8)), true, null);
		IdeUITest.waitForJobs();
	}

	@AfterEach
	void close() throws Exception {
		page.closeAllEditors(false);
		Files.deleteIfExists(WholeSave.sibling(file.getLocation().toFile().toPath()));
		project.delete(true, true, null);
	}

	@Test
	void aSaveThatCannotBeWrittenLeavesTheFileAsItWasAndTheEditorDirty() throws Exception {
		ITextEditor editor = (ITextEditor) IDE.openEditor(page, file, true);
		IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		String edited = OLD + "// a comment of the new text\n".repeat(300); // 8.7 kB: more than a page, as the cut file was
		doc.set(edited);
		Path onDisk = file.getLocation().toFile().toPath();
		Path sibling = WholeSave.sibling(onDisk);
		Files.createDirectory(sibling); // the save's first write fails, as on a full disk

		CoreException e = assertThrows(CoreException.class,
				() -> editor.getDocumentProvider().saveDocument(null, editor.getEditorInput(), doc, true),
				"the save fails (the editor shows 'Save could not be completed' with this status)");
		assertTrue(e.getMessage().contains("is not saved (the file on disk is unchanged)"), e.getMessage());
		assertEquals(OLD, Files.readString(onDisk), "the file keeps its old bytes, not cut");
		assertTrue(editor.isDirty(), "the editor stays dirty");
		assertEquals(edited, doc.get(), "with its text");

		Files.delete(sibling); // space again
		editor.doSave(null);
		assertFalse(editor.isDirty());
		assertEquals(edited, Files.readString(onDisk), "the whole new text");
		assertFalse(Files.exists(sibling), "no leftover beside the file");
	}
}

package org.cellwright.app.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.cellwright.editor.stack.StackView;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.runtime.CoreException;
import org.junit.jupiter.api.BeforeEach;

/** {@link HalfCellsEditorFixture} with the Stack view following the editor, on Cell3. */
abstract class StackEditorFixture extends HalfCellsEditorFixture {

	StackView view;

	@BeforeEach
	void showStack() throws Exception {
		view = (StackView) page.showView(StackView.ID);
		page.activate(editor);
		IdeUITest.flush();
		view.reparse();
		view.selectCell("Cell3");
	}

	/** A file beside half-cells.cell whose cell extends Cell3, naming its layer wcc ('after wcc', line 7; a comment kept). */
	static final String THIN = "package sung2023.cells\n\nimport cellwright.materials.*\n\n// a buffer on the collector\n"
			+ "cell Cell3Thin extends Cell3 {\n\tlayer buffer: SUS 1 um after wcc // kept\n\n\tremove foil\n}\n";
	/** A file of another folder whose cell extends Cell3Thin, naming wcc ('remove wcc', line 5). */
	static final String THINNER = "package elsewhere\n\nimport sung2023.cells.*\n\ncell Thinner extends Cell3Thin { remove wcc }\n";

	/** A file beside half-cells.cell whose cell extends Cell1, naming its inherited layer separator ('after separator', line 6). */
	static final String THIN1 = "package sung2023.cells\n\nimport cellwright.materials.*\n\ncell Cell1Thin extends Cell1 {\n"
			+ "\tlayer buffer: SUS 1 um after separator\n}\n";
	/** A file of another folder whose cell extends Cell1Thin, naming Cell1's inherited foil ('remove foil', line 5). */
	static final String THINNER1 = "package further\n\nimport sung2023.cells.*\n\ncell Cell1Thinner extends Cell1Thin { remove foil }\n";

	/** thin-cell3.cell ({@link #THIN}), beside half-cells.cell. */
	IFile thinFile() {
		return file.getParent().getFile(new org.eclipse.core.runtime.Path("thin-cell3.cell"));
	}

	/** elsewhere/thinner.cell ({@link #THINNER}). */
	IFile thinnerFile() {
		return file.getProject().getFolder("elsewhere").getFile("thinner.cell");
	}

	/** thin-cell1.cell ({@link #THIN1}), beside half-cells.cell. */
	IFile thin1File() {
		return file.getParent().getFile(new org.eclipse.core.runtime.Path("thin-cell1.cell"));
	}

	/** further/thinner-cell1.cell ({@link #THINNER1}). */
	IFile thinner1File() {
		return file.getProject().getFolder("further").getFile("thinner-cell1.cell");
	}

	/** Writes {@link #thinFile} and {@link #thinnerFile}, the editing session then reading its neighbours again. */
	void createFilesNamingWcc() throws CoreException {
		create(thinFile(), THIN, thinnerFile(), THINNER);
	}

	/** Writes {@link #thin1File} and {@link #thinner1File}, the editing session then reading its neighbours again. */
	void createFilesExtendingCell1() throws CoreException {
		create(thin1File(), THIN1, thinner1File(), THINNER1);
	}

	/** Deletes {@link #thinFile} and {@link #thinnerFile}'s folder. */
	void deleteFilesNamingWcc() throws CoreException {
		delete(thinFile(), thinnerFile());
	}

	/** Deletes {@link #thin1File} and {@link #thinner1File}'s folder. */
	void deleteFilesExtendingCell1() throws CoreException {
		delete(thin1File(), thinner1File());
	}

	/** Writes a file beside half-cells.cell and one in a new folder, the editing session then reading its neighbours again. */
	private void create(IFile beside, String besideText, IFile far, String farText) throws CoreException {
		beside.create(new ByteArrayInputStream(besideText.getBytes(StandardCharsets.UTF_8)), true, null);
		((IFolder) far.getParent()).create(true, true, null);
		far.create(new ByteArrayInputStream(farText.getBytes(StandardCharsets.UTF_8)), true, null);
		org.cellwright.editor.EditingSession.of(doc).invalidate(); // the neighbours are read with the text
		IdeUITest.waitForJobs();
		view.reparse();
	}

	private static void delete(IFile beside, IFile far) throws CoreException {
		beside.delete(true, null);
		far.getParent().delete(true, null);
	}
}

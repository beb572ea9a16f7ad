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

	/** thin-cell3.cell ({@link #THIN}), beside half-cells.cell. */
	IFile thinFile() {
		return file.getParent().getFile(new org.eclipse.core.runtime.Path("thin-cell3.cell"));
	}

	/** elsewhere/thinner.cell ({@link #THINNER}). */
	IFile thinnerFile() {
		return file.getProject().getFolder("elsewhere").getFile("thinner.cell");
	}

	/** Writes {@link #thinFile} and {@link #thinnerFile}, the editing session then reading its neighbours again. */
	void createFilesNamingWcc() throws CoreException {
		thinFile().create(new ByteArrayInputStream(THIN.getBytes(StandardCharsets.UTF_8)), true, null);
		((IFolder) thinnerFile().getParent()).create(true, true, null);
		thinnerFile().create(new ByteArrayInputStream(THINNER.getBytes(StandardCharsets.UTF_8)), true, null);
		org.cellwright.editor.EditingSession.of(doc).invalidate(); // the neighbours are read with the text
		IdeUITest.waitForJobs();
		view.reparse();
	}

	/** Deletes {@link #thinFile} and {@link #thinnerFile}'s folder. */
	void deleteFilesNamingWcc() throws CoreException {
		thinFile().delete(true, null);
		thinnerFile().getParent().delete(true, null);
	}
}

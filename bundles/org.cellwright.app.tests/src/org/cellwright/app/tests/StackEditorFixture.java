package org.cellwright.app.tests;

import org.cellwright.editor.stack.StackView;
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
}

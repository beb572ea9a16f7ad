package org.cellwright.editor.references;

import org.cellwright.editor.DocumentModel;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

/** Find References on the name at the cursor of a .cell editor: results in the References view. */
public class FindReferencesHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		if (!(HandlerUtil.getActiveEditor(event) instanceof ITextEditor editor)) return null;
		IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		IFile file = doc == null ? null : DocumentModel.fileOf(doc);
		if (file == null || !(editor.getSelectionProvider().getSelection() instanceof ITextSelection sel)) return null;
		IWorkbenchPage page = editor.getSite().getPage();
		try {
			ReferencesView view = (ReferencesView) page.showView(ReferencesView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
			view.search(file, doc.get(), sel.getOffset());
		} catch (PartInitException e) {
			throw new ExecutionException("cannot open the References view", e);
		}
		return null;
	}
}

package org.cellwright.app;

import java.util.function.Function;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * What a Run command acts on: the edited .cell file, a .cell file selected in the Project Explorer, or the active
 * editor's file with the one element of a kind selected in its Outline (by name; null: all of the file). A changed
 * editor the run needs is saved first, asking unless the preference says not to ({@link SaveBeforeRun}).
 */
record CellFileTarget(IFile file, String element) {

	/**
	 * The target of the command, or null after telling the user to open or select a .cell file, or when the user
	 * cancelled saving the changed editors it needs.
	 */
	static <T> CellFileTarget of(ExecutionEvent event, Class<T> kind, Function<T, String> name, String title, String hint) {
		IFile file = null;
		String element = null;
		var sel = HandlerUtil.getCurrentSelection(event);
		var part = HandlerUtil.getActivePart(event);
		IEditorPart editor = HandlerUtil.getActiveEditor(event);
		if (sel instanceof IStructuredSelection ss && kind.isInstance(ss.getFirstElement()) && editor != null) {
			// the Outline shows the active editor's file
			file = editor.getEditorInput().getAdapter(IFile.class);
			element = name.apply(kind.cast(ss.getFirstElement()));
		} else if (part instanceof IEditorPart) {
			file = editor == null ? null : editor.getEditorInput().getAdapter(IFile.class);
		} else if (sel instanceof IStructuredSelection ss && !ss.isEmpty()) {
			file = Adapters.adapt(ss.getFirstElement(), IFile.class);
		}
		if (file == null || !"cell".equals(file.getFileExtension())) {
			MessageDialog.openInformation(HandlerUtil.getActiveShell(event), title, hint);
			return null;
		}
		if (!SaveBeforeRun.save(HandlerUtil.getActiveShell(event), file)) return null;
		return new CellFileTarget(file, element);
	}
}

package org.cellwright.app;

import org.cellwright.model.Fit;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Run > Fit Parameters: runs the fit blocks of the edited .cell file (saving it first) or of one selected in the
 * Project Explorer, or the one fit selected in the Outline, as a {@link FitJob}.
 */
public class RunFitHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IFile file = null;
		String fit = null;
		var sel = HandlerUtil.getCurrentSelection(event);
		var part = HandlerUtil.getActivePart(event);
		IEditorPart editor = HandlerUtil.getActiveEditor(event);
		if (sel instanceof IStructuredSelection ss && ss.getFirstElement() instanceof Fit f && editor != null) {
			file = editor.getEditorInput().getAdapter(IFile.class);
			fit = f.getName();
		} else if (part instanceof IEditorPart) {
			file = editor == null ? null : editor.getEditorInput().getAdapter(IFile.class);
		} else if (sel instanceof IStructuredSelection ss && !ss.isEmpty()) {
			file = Adapters.adapt(ss.getFirstElement(), IFile.class);
		}
		if (file == null || !"cell".equals(file.getFileExtension())) {
			MessageDialog.openInformation(HandlerUtil.getActiveShell(event), "Fit Parameters", "Open or select a .cell file with a fit block first.");
			return null;
		}
		if (editor != null && editor.isDirty() && file.equals(editor.getEditorInput().getAdapter(IFile.class))) editor.doSave(null);
		new FitJob(file, fit).schedule();
		return null;
	}
}

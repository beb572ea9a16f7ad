package org.cellwright.app;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;

/** Runs the experiments of the selected or edited .cell file (saving it first). */
public class RunExperimentsHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IFile file = null;
		var sel = HandlerUtil.getCurrentSelection(event);
		var part = HandlerUtil.getActivePart(event);
		if (part instanceof IEditorPart editor) {
			file = editor.getEditorInput().getAdapter(IFile.class);
			if (editor.isDirty()) editor.doSave(null);
		} else if (sel instanceof IStructuredSelection ss && !ss.isEmpty()) {
			file = Adapters.adapt(ss.getFirstElement(), IFile.class);
		}
		if (file == null || !"cell".equals(file.getFileExtension())) {
			MessageDialog.openInformation(HandlerUtil.getActiveShell(event), "Run Experiments",
					"Open or select a .cell file with an experiment first.");
			return null;
		}
		new ExperimentJob(file).schedule();
		return null;
	}
}

package org.cellwright.app;

import org.cellwright.model.Experiment;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Runs experiments: those of the edited .cell file (saving it first), of a .cell file selected in the Project
 * Explorer, or the one experiment selected in the Outline.
 */
public class RunExperimentsHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IFile file = null;
		String experiment = null;
		var sel = HandlerUtil.getCurrentSelection(event);
		var part = HandlerUtil.getActivePart(event);
		IEditorPart editor = HandlerUtil.getActiveEditor(event);
		if (sel instanceof IStructuredSelection ss && ss.getFirstElement() instanceof Experiment x && editor != null) {
			// the Outline shows the active editor's file
			file = editor.getEditorInput().getAdapter(IFile.class);
			experiment = x.getName();
		} else if (part instanceof IEditorPart) {
			file = editor == null ? null : editor.getEditorInput().getAdapter(IFile.class);
		} else if (sel instanceof IStructuredSelection ss && !ss.isEmpty()) {
			file = Adapters.adapt(ss.getFirstElement(), IFile.class);
		}
		if (file == null || !"cell".equals(file.getFileExtension())) {
			MessageDialog.openInformation(HandlerUtil.getActiveShell(event), "Run Experiments",
					"Open or select a .cell file with an experiment first.");
			return null;
		}
		if (editor != null && editor.isDirty() && file.equals(editor.getEditorInput().getAdapter(IFile.class))) editor.doSave(null);
		new ExperimentJob(file, experiment).schedule();
		return null;
	}
}

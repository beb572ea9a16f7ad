package org.cellwright.app.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;

/** Run As > CellWright Experiment on a .cell file: reuses the file's configuration or creates one (all experiments). */
public class ExperimentLaunchShortcut implements ILaunchShortcut {

	@Override
	public void launch(ISelection selection, String mode) {
		if (selection instanceof IStructuredSelection s && Adapters.adapt(s.getFirstElement(), IFile.class) instanceof IFile f)
			launch(f, mode);
	}

	@Override
	public void launch(IEditorPart editor, String mode) {
		IFile f = editor.getEditorInput().getAdapter(IFile.class);
		if (f == null) return;
		launch(f, mode);
	}

	/**
	 * Launches the file's configuration; the launch saves the changed editors the run needs first
	 * ({@link ExperimentLaunch#preLaunchCheck}, through {@link org.cellwright.app.SaveBeforeRun}: asked unless the preference says not to).
	 */
	private void launch(IFile file, String mode) {
		try {
			DebugUITools.launch(configurationFor(file), mode);
		} catch (CoreException e) {
			MessageDialog.openError(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "CellWright Experiment",
					e.getMessage());
		}
	}

	/** The existing configuration that runs all experiments of the file, or a new saved one. */
	public static ILaunchConfiguration configurationFor(IFile file) throws CoreException {
		ILaunchManager lm = DebugPlugin.getDefault().getLaunchManager();
		ILaunchConfigurationType type = lm.getLaunchConfigurationType(ExperimentLaunch.TYPE);
		String path = file.getFullPath().toString();
		for (ILaunchConfiguration c : lm.getLaunchConfigurations(type))
			if (path.equals(c.getAttribute(ExperimentLaunch.FILE, "")) && c.getAttribute(ExperimentLaunch.EXPERIMENT, "").isEmpty())
				return c;
		ILaunchConfigurationWorkingCopy wc = type.newInstance(null, lm.generateLaunchConfigurationName(file.getName()));
		wc.setAttribute(ExperimentLaunch.FILE, path);
		wc.setAttribute(ExperimentLaunch.EXPERIMENT, "");
		wc.setMappedResources(new org.eclipse.core.resources.IResource[] {file});
		return wc.doSave();
	}
}

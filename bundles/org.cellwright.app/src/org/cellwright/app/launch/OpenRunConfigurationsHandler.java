package org.cellwright.app.launch;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;

/** Run > Run Configurations...: the platform's launch configuration dialog (CellWright Experiment among the types). */
public class OpenRunConfigurationsHandler extends AbstractHandler {
	@Override
	public Object execute(ExecutionEvent event) {
		IStructuredSelection sel = HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection s ? s : StructuredSelection.EMPTY;
		DebugUITools.openLaunchConfigurationDialogOnGroup(HandlerUtil.getActiveShell(event), sel, IDebugUIConstants.ID_RUN_LAUNCH_GROUP);
		return null;
	}
}

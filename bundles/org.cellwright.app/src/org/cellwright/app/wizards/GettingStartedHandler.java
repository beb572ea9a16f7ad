package org.cellwright.app.wizards;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

/** Help > Getting Started: shows the view that walks a new user from a cell to comparing two runs. */
public class GettingStartedHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		try {
			PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().showView(GettingStartedView.ID);
		} catch (PartInitException e) {
			throw new ExecutionException("the Getting Started view cannot be shown", e);
		}
		return null;
	}
}

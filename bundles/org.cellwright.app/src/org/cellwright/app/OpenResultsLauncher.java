package org.cellwright.app;

import org.cellwright.app.views.ResultsView;
import org.eclipse.core.runtime.IPath;
import org.eclipse.ui.IEditorLauncher;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

/** Opening (double-clicking) a run's summary.json shows the run in the Results view. */
public class OpenResultsLauncher implements IEditorLauncher {
	@Override
	public void open(IPath file) {
		var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		if (window == null || window.getActivePage() == null) return;
		try {
			((ResultsView) window.getActivePage().showView(ResultsView.ID)).show(file.toFile().toPath());
		} catch (PartInitException e) {
			org.eclipse.core.runtime.ILog.of(OpenResultsLauncher.class).error("cannot open the Results view", e);
		}
	}
}

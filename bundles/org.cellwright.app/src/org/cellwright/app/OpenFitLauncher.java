package org.cellwright.app;

import org.cellwright.app.views.FitReportView;
import org.eclipse.core.runtime.IPath;
import org.eclipse.ui.IEditorLauncher;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

/** Opening (double-clicking) a fit's fit.json shows its report in the Fit Report view. */
public class OpenFitLauncher implements IEditorLauncher {
	@Override
	public void open(IPath file) {
		var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		if (window == null || window.getActivePage() == null) return;
		try {
			((FitReportView) window.getActivePage().showView(FitReportView.ID)).show(file.toFile().toPath());
		} catch (PartInitException e) {
			org.eclipse.core.runtime.ILog.of(OpenFitLauncher.class).error("cannot open the Fit Report view", e);
		}
	}
}

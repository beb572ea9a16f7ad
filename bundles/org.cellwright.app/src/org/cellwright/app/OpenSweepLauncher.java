package org.cellwright.app;

import org.cellwright.app.views.SweepView;
import org.eclipse.core.runtime.IPath;
import org.eclipse.ui.IEditorLauncher;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

/** Opening (double-clicking) a sweep's sweep.csv shows its table and chart in the Sweep view. */
public class OpenSweepLauncher implements IEditorLauncher {
	@Override
	public void open(IPath file) {
		var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		if (window == null || window.getActivePage() == null) return;
		try {
			((SweepView) window.getActivePage().showView(SweepView.ID)).show(file.toFile().toPath());
		} catch (PartInitException e) {
			org.eclipse.core.runtime.ILog.of(OpenSweepLauncher.class).error("cannot open the Sweep view", e);
		}
	}
}

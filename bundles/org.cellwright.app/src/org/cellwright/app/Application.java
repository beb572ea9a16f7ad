package org.cellwright.app;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;

/** The CellWright IDE: a workbench over the workspace given with -data. */
public class Application implements IApplication {

	@Override
	public Object start(IApplicationContext context) throws Exception {
		Display display = PlatformUI.createDisplay();
		try {
			int rc = PlatformUI.createAndRunWorkbench(display, new CellWrightWorkbenchAdvisor());
			return rc == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
		} finally {
			display.dispose();
			ResourcesPlugin.getWorkspace().save(true, null);
		}
	}

	@Override
	public void stop() {
		if (!PlatformUI.isWorkbenchRunning()) return;
		var wb = PlatformUI.getWorkbench();
		var d = wb.getDisplay();
		d.syncExec(() -> {
			if (!d.isDisposed()) wb.close();
		});
	}
}

package org.cellwright.diagram.ui;

import org.cellwright.diagram.CellDiagramServer;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchListener;
import org.eclipse.ui.PlatformUI;

/**
 * The one diagram server of the workbench: started on the first diagram opened (not at start-up), stopped when the
 * workbench shuts down (or this bundle stops).
 */
public final class DiagramServers {

	private static CellDiagramServer server;

	private DiagramServers() {}

	/** The running server; starts it on first use. */
	public static synchronized CellDiagramServer get() throws Exception {
		if (server == null) {
			// diagrams of workspace files edit the shared document (the one the text editor shows)
			org.cellwright.diagram.DiagramSessions.setProvider(DocumentSessions::open);
			server = CellDiagramServer.start();
			if (PlatformUI.isWorkbenchRunning()) PlatformUI.getWorkbench().addWorkbenchListener(new IWorkbenchListener() {
				@Override
				public boolean preShutdown(IWorkbench workbench, boolean forced) { return true; }

				@Override
				public void postShutdown(IWorkbench workbench) { stop(); }
			});
		}
		return server;
	}

	/** The running server, or null when no diagram was opened yet. */
	public static synchronized CellDiagramServer running() { return server; }

	static synchronized void stop() {
		org.cellwright.diagram.DiagramSessions.setProvider(null);
		if (server == null) return;
		try {
			server.close();
		} catch (Exception e) {
			org.eclipse.core.runtime.ILog.of(DiagramServers.class).warn("stopping the diagram server: " + e, e);
		}
		server = null;
	}
}

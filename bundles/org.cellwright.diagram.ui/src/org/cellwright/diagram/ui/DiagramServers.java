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
			// the server's errors on the pages' requests in the Error Log too, not only on the page (ServerErrors)
			org.cellwright.diagram.ServerErrors.setListener(DiagramServers::log);
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

	/**
	 * An error of the diagram server on a request of a page, in the Error Log: an error of the server's plug-in
	 * (org.cellwright.diagram) with the request in words, the file and the exception (its stack trace under the entry).
	 * Before (session 40) it was only on the page (its Details, the browser's console): GLSP logs through log4j, which
	 * has no provider in the IDE.
	 */
	static void log(org.cellwright.diagram.ServerErrors.Failure failure) {
		org.eclipse.core.runtime.ILog.of(CellDiagramServer.class).log(new org.eclipse.core.runtime.Status(org.eclipse.core.runtime.IStatus.ERROR,
				SERVER_PLUGIN, failure.message(), failure.exception()));
	}

	/** The plug-in of the diagram server, whose errors the Error Log lists. */
	static final String SERVER_PLUGIN = "org.cellwright.diagram";

	static synchronized void stop() {
		org.cellwright.diagram.DiagramSessions.setProvider(null);
		org.cellwright.diagram.ServerErrors.setListener(null);
		if (server == null) return;
		try {
			server.close();
		} catch (Exception e) {
			org.eclipse.core.runtime.ILog.of(DiagramServers.class).warn("stopping the diagram server: " + e, e);
		}
		server = null;
	}
}

package org.cellwright.diagram.ui;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Stops the workbench's diagram server (if one was started) when the bundle stops, i.e. at shutdown at the latest. */
public class Activator implements BundleActivator {

	@Override
	public void start(BundleContext context) {}

	@Override
	public void stop(BundleContext context) {
		DiagramServers.stop();
	}
}

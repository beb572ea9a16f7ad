package org.cellwright.diagram;

import org.eclipse.glsp.graph.GGraph;
import org.eclipse.glsp.server.layout.LayoutEngine;
import org.eclipse.glsp.server.model.GModelState;

import com.google.inject.Inject;

/** GLSP's server layout: ELK Layered on the sizes the client measured ({@link ElkLayout}). */
public class CellLayoutEngine implements LayoutEngine {

	@Inject
	protected GModelState modelState;

	@Override
	public void layout() {
		if (modelState.getRoot() instanceof GGraph g) ElkLayout.layout(g);
	}
}

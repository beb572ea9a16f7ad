package org.cellwright.diagram;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.glsp.graph.GEdge;
import org.eclipse.glsp.graph.GGraph;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GNode;
import org.eclipse.glsp.graph.util.GraphUtil;
import org.eclipse.glsp.server.layout.LayoutEngine;
import org.eclipse.glsp.server.model.GModelState;

import com.google.inject.Inject;

/**
 * GLSP's server layout: ELK Layered on the sizes the client measured ({@link ElkLayout}); then the nodes the user
 * moved go to their stored positions ({@link LayoutSidecar}), their edges drawn straight.
 */
public class CellLayoutEngine implements LayoutEngine {

	@Inject
	protected GModelState modelState;

	@Override
	public void layout() {
		if (!(modelState.getRoot() instanceof GGraph g)) return;
		ElkLayout.layout(g);
		Path file = modelState.getProperty(CellSourceModelStorage.FILE, Path.class).orElse(null);
		if (file != null) applyStored(g, LayoutSidecar.read(file));
	}

	public static void applyStored(GGraph g, Map<String, double[]> stored) {
		if (stored.isEmpty()) return;
		for (GModelElement c : g.getChildren()) {
			if (c instanceof GNode n && stored.containsKey(n.getId())) {
				double[] p = stored.get(n.getId());
				n.setPosition(GraphUtil.point(p[0], p[1]));
			}
		}
		for (GModelElement c : g.getChildren())
			if (c instanceof GEdge e && (stored.containsKey(e.getSourceId()) || stored.containsKey(e.getTargetId()))) e.getRoutingPoints().clear();
	}
}

package org.cellwright.diagram;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.eclipse.glsp.graph.GBoundsAware;
import org.eclipse.glsp.graph.GEdge;
import org.eclipse.glsp.graph.GGraph;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GNode;
import org.eclipse.glsp.graph.util.GraphUtil;

/**
 * Lays out the flat diagram graph with ELK Layered (left to right: experiments, cells, layers, materials; top to
 * bottom in the order of the text, so a cell's layers in the order of its stack): the GModel nodes and edges are
 * copied into an ELK graph, laid out, and positions and bend points copied back.
 */
public final class ElkLayout {

	private static volatile boolean initialized;

	private ElkLayout() {}

	/** Registers ELK Layered's options with ELK's meta data service (once). */
	static synchronized void initialize() {
		if (initialized) return;
		org.eclipse.elk.core.data.LayoutMetaDataService.getInstance()
				.registerLayoutMetaDataProviders(new org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider());
		initialized = true;
	}

	public static void layout(GGraph graph) {
		initialize();
		ElkNode root = ElkGraphUtil.createGraph();
		root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
		root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
		root.setProperty(CoreOptions.SPACING_NODE_NODE, 20.0);
		root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 50.0);
		// nodes of a column in the graph's order (the text's): a cell's layers top to bottom as its stack runs, from one
		// current collector to the other; ELK's crossing minimisation drew Cell6's collector and foil below its cathode
		root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, org.eclipse.elk.alg.layered.options.OrderingStrategy.NODES_AND_EDGES);
		root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_FORCE_NODE_MODEL_ORDER, true);
		Map<String, ElkNode> elkNodes = new HashMap<>();
		Map<GNode, ElkNode> pairs = new HashMap<>();
		for (GModelElement child : graph.getChildren()) {
			if (child instanceof GNode n) {
				ElkNode en = ElkGraphUtil.createNode(root);
				double w = CellGraphs.WIDTH, h = CellGraphs.HEIGHT;
				if (n.getSize() != null && n.getSize().getWidth() > 0) {
					w = n.getSize().getWidth();
					h = n.getSize().getHeight();
				}
				en.setDimensions(w, h);
				elkNodes.put(n.getId(), en);
				pairs.put(n, en);
			}
		}
		Map<GEdge, ElkEdge> edges = new HashMap<>();
		for (GModelElement child : graph.getChildren()) {
			if (child instanceof GEdge e) {
				ElkNode s = elkNodes.get(e.getSourceId()), t = elkNodes.get(e.getTargetId());
				if (s != null && t != null) edges.put(e, ElkGraphUtil.createSimpleEdge(s, t));
			}
		}
		new LayeredLayoutProvider().layout(root, new BasicProgressMonitor());
		pairs.forEach((n, en) -> {
			n.setPosition(GraphUtil.point(en.getX(), en.getY()));
			if (n instanceof GBoundsAware b && b.getSize() == null) b.setSize(GraphUtil.dimension(en.getWidth(), en.getHeight()));
		});
		edges.forEach((e, ee) -> {
			e.getRoutingPoints().clear();
			for (ElkEdgeSection section : ee.getSections()) {
				for (ElkBendPoint p : section.getBendPoints()) e.getRoutingPoints().add(GraphUtil.point(p.getX(), p.getY()));
			}
		});
	}
}

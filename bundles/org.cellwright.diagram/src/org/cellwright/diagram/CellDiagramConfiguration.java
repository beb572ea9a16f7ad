package org.cellwright.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.glsp.graph.DefaultTypes;
import org.eclipse.glsp.server.diagram.BaseDiagramConfiguration;
import org.eclipse.glsp.server.layout.ServerLayoutKind;
import org.eclipse.glsp.server.types.EdgeTypeHint;
import org.eclipse.glsp.server.types.ShapeTypeHint;

/**
 * The diagram type: a node type per kind of element ("node:material", ...), editable name labels, layout by ELK on the
 * server. The type hints tell the client what may be deleted, where the palette's nodes may be dropped (the canvas; a
 * layer also on a cell) and which edges may be drawn (a layer to a material, a composite to a material).
 */
public class CellDiagramConfiguration extends BaseDiagramConfiguration {

	static final List<String> KINDS = List.of("material", "composite", "component", "cell", "layer", "protocol", "experiment", "sweep");

	@Override
	public Map<String, org.eclipse.emf.ecore.EClass> getTypeMappings() {
		Map<String, org.eclipse.emf.ecore.EClass> m = super.getTypeMappings();
		for (String k : KINDS) m.put(CellGraphs.nodeType(k), org.eclipse.glsp.graph.GraphPackage.Literals.GNODE);
		m.put(CellGraphs.NAME_LABEL, org.eclipse.glsp.graph.GraphPackage.Literals.GLABEL);
		return m;
	}

	@Override
	public List<ShapeTypeHint> getShapeTypeHints() {
		List<ShapeTypeHint> hints = new ArrayList<>();
		List<String> all = KINDS.stream().map(CellGraphs::nodeType).toList();
		hints.add(new ShapeTypeHint(DefaultTypes.GRAPH, false, false, false, false, all));
		for (String k : KINDS) {
			List<String> inside = k.equals("cell") ? List.of(CellGraphs.nodeType("layer")) : List.of();
			// movable (the position goes into the sidecar file), deletable, not resizable, not reparentable
			hints.add(new ShapeTypeHint(CellGraphs.nodeType(k), true, true, false, false, inside));
		}
		return hints;
	}

	@Override
	public List<EdgeTypeHint> getEdgeTypeHints() {
		return List.of(
				new EdgeTypeHint(CellGraphs.EDGE_MATERIAL, false, false, false,
						List.of(CellGraphs.nodeType("layer"), CellGraphs.nodeType("component")),
						List.of(CellGraphs.nodeType("material"), CellGraphs.nodeType("composite"))),
				new EdgeTypeHint(CellGraphs.EDGE_COMPONENT, false, false, false,
						List.of(CellGraphs.nodeType("composite")),
						List.of(CellGraphs.nodeType("material"), CellGraphs.nodeType("composite"))),
				new EdgeTypeHint(CellGraphs.EDGE, false, true, false, null, null));
	}

	@Override
	public ServerLayoutKind getLayoutKind() { return ServerLayoutKind.AUTOMATIC; }

	@Override
	public boolean needsClientLayout() { return true; }

	/**
	 * Each new graph replaces the drawn one at once, not animated. Node ids are kind and name, so a rename (and a
	 * delete, an undo) removes a node: an animated update keeps a faded-out copy of the removed node in the drawn model
	 * until the animation ends, still selected when it was (a renamed node is: its label was double-clicked). GLSP's
	 * tools work on the drawn model: a click in that time moved the copy (a changeBounds of the vanished
	 * "material:LPSCl" reached the server) and the page threw "No such child material:LPSCl" and stopped answering
	 * (DiagramPageTest.editingInTheBrowserPageWritesTheFile). Without the animation the drawn model is always the
	 * server's graph: a vanished id is gone from it, from the selection and from the tools at once.
	 */
	@Override
	public boolean animatedUpdate() { return false; }
}

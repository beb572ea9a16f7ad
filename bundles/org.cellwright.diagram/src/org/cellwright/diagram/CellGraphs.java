package org.cellwright.diagram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cellwright.model.Cell;
import org.cellwright.model.Component;
import org.cellwright.model.Composite;
import org.cellwright.model.Element;
import org.cellwright.model.Experiment;
import org.cellwright.model.Layer;
import org.cellwright.model.Material;
import org.cellwright.model.Model;
import org.cellwright.model.Protocol;
import org.cellwright.model.ProtocolCall;
import org.cellwright.model.Step;
import org.cellwright.model.Sweep;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.glsp.graph.GEdge;
import org.eclipse.glsp.graph.GGraph;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GNode;
import org.eclipse.glsp.graph.builder.impl.GEdgeBuilder;
import org.eclipse.glsp.graph.builder.impl.GGraphBuilder;
import org.eclipse.glsp.graph.builder.impl.GLabelBuilder;
import org.eclipse.glsp.graph.builder.impl.GLayoutOptions;
import org.eclipse.glsp.graph.builder.impl.GNodeBuilder;
import org.eclipse.glsp.graph.util.GConstants;

/**
 * The graph (GLSP GModel) of one parsed .cell file: its experiments, sweeps, cells, layers, materials (composites with
 * their components) and protocols as nodes; containment (cell -> layer, composite -> component) and references
 * (layer -> material, component -> material, experiment -> cell/protocol, protocol -> called protocol, sweep ->
 * experiment, cell -> base cell) as edges. Elements defined elsewhere (imports, the standard library) become
 * "external" nodes so every reference has a target. CSS classes carry the kind (cw-material, cw-kind-binder, ...).
 */
public final class CellGraphs {

	/** Node types are "node:" + kind ({@link #nodeType}); the web client draws them all as rectangles. */
	public static final String NODE = "node:";
	public static final String EDGE = org.eclipse.glsp.graph.DefaultTypes.EDGE;
	public static final String LABEL = org.eclipse.glsp.graph.DefaultTypes.LABEL;
	/** The label with an element's name: editable in place (rename). */
	public static final String NAME_LABEL = "label:name";
	/** Edge types the palette creates: a layer's (or component's) material, a composite's new component. */
	public static final String EDGE_MATERIAL = "edge:material", EDGE_COMPONENT = "edge:component";
	/** Suffix of the id of a node's name label. */
	public static final String LABEL_SUFFIX = "#label";

	/** Default node size before the client measured the labels (ELK needs a size). */
	static final double WIDTH = 140, HEIGHT = 36;

	private final GGraphBuilder root;
	private final Map<EObject, GNode> nodes = new LinkedHashMap<>();
	private final Map<String, GEdge> edges = new LinkedHashMap<>();
	private final Model model;

	private CellGraphs(Model model, String rootId) {
		this.model = model;
		this.root = new GGraphBuilder().id(rootId).addCssClass("cw-diagram");
	}

	/** The graph of {@code model}; ids are stable across edits of unrelated elements (kind + qualified name). */
	public static GGraph build(Model model) {
		CellGraphs g = new CellGraphs(model, "cell-diagram");
		if (model != null) g.addAll();
		GGraph graph = g.root.build();
		graph.getChildren().addAll(g.nodes.values());
		graph.getChildren().addAll(g.edges.values());
		return graph;
	}

	private void addAll() {
		for (Element e : model.getElements()) {
			if (e instanceof Material m) node(m);
			else if (e instanceof Cell c) node(c);
			else if (e instanceof Protocol p) node(p);
			else if (e instanceof Experiment x) node(x);
			else if (e instanceof Sweep s) node(s);
		}
		for (Element e : model.getElements()) {
			if (e instanceof Composite c) {
				for (Component comp : c.getComponents()) {
					GNode n = nodes.computeIfAbsent(comp, k -> newNode(id(comp), "component", componentLabel(comp), List.of()));
					edge(node(c), n, "contains");
					if (comp.getMaterial() != null) edge(n, node(comp.getMaterial()), "material");
				}
			} else if (e instanceof Cell c) {
				for (Layer l : c.getLayers()) {
					GNode n = nodes.computeIfAbsent(l, k -> newNode(id(l), "layer", l.getName() == null ? "layer" : l.getName(), List.of()));
					edge(node(c), n, "contains");
					if (l.getMaterial() != null) edge(n, node(l.getMaterial()), "material");
				}
				if (c.getBase() != null) edge(node(c), node(c.getBase()), "base");
			} else if (e instanceof Protocol p) {
				calls(node(p), p.getSteps());
			} else if (e instanceof Experiment x) {
				if (x.getCell() != null) edge(node(x), node(x.getCell()), "cell");
				for (Protocol p : x.getProtocols()) edge(node(x), node(p), "protocol");
			} else if (e instanceof Sweep s && s.getExperiment() != null) {
				edge(node(s), node(s.getExperiment()), "experiment");
			}
		}
	}

	/** 'run X' anywhere in the steps (also inside repeat and group blocks). */
	private void calls(GNode from, List<Step> steps) {
		for (Step s : steps) {
			if (s instanceof ProtocolCall call && call.getProtocol() != null) edge(from, node(call.getProtocol()), "calls");
			for (EObject child : s.eContents()) {
				if (child instanceof Step inner) calls(from, List.of(inner));
			}
		}
	}

	private GNode node(Element e) {
		Element target = e;
		if (e.eIsProxy()) target = (Element) EcoreUtil.resolve(e, model);
		final Element el = target;
		return nodes.computeIfAbsent(el, k -> {
			boolean external = el.eIsProxy() || el.eResource() != model.eResource();
			String kind = kind(el);
			String name = el.getName() != null ? el.getName() : el.eIsProxy() ? unresolvedName(el) + " (not found)" : "(unnamed)";
			java.util.ArrayList<String> css = new java.util.ArrayList<>();
			if (el instanceof Material m && m.isSetKind()) css.add("cw-kind-" + m.getKind().getLiteral());
			if (external) css.add("cw-external");
			return newNode(id(el), kind, (external ? name + " \u2197" : name), css);
		});
	}

	/**
	 * The name a reference that found nothing was written with (a layer's unknown material): the node shows it, as the
	 * text does (it showed "(unnamed)").
	 */
	private String unresolvedName(EObject proxy) {
		for (EStructuralFeature.Setting s : EcoreUtil.UsageCrossReferencer.find(proxy, model.eResource())) {
			var nodes = org.eclipse.xtext.nodemodel.util.NodeModelUtils.findNodesForFeature(s.getEObject(), s.getEStructuralFeature());
			int at = s.getEStructuralFeature().isMany() ? ((List<?>) s.getEObject().eGet(s.getEStructuralFeature(), false)).indexOf(proxy) : 0;
			if (at >= 0 && at < nodes.size()) return org.eclipse.xtext.nodemodel.util.NodeModelUtils.getTokenText(nodes.get(at));
		}
		return "?";
	}

	static String kind(EObject e) {
		if (e instanceof Composite) return "composite";
		if (e instanceof Material) return "material";
		if (e instanceof Cell) return "cell";
		if (e instanceof Protocol) return "protocol";
		if (e instanceof Experiment) return "experiment";
		if (e instanceof Sweep) return "sweep";
		if (e instanceof Layer) return "layer";
		if (e instanceof Component) return "component";
		return "element";
	}

	/** Stable id: kind and name, owner-qualified for layers and components (names are unique per kind in a file). */
	public static String id(EObject e) {
		if (e instanceof Layer l) return "layer:" + ((Cell) l.eContainer()).getName() + "." + l.getName();
		if (e instanceof Component c) {
			Composite owner = (Composite) c.eContainer();
			return "component:" + owner.getName() + "." + owner.getComponents().indexOf(c);
		}
		String name = e instanceof Element el ? el.getName() : null;
		if (e.eIsProxy() || name == null) return kind(e) + ":" + EcoreUtil.getURI(e).toString();
		return kind(e) + ":" + name;
	}

	private static String componentLabel(Component c) {
		if (c.getFraction() == null) return "component";
		return c.getFraction().getValue() + " " + (c.getFraction().getUnit() == null ? "" : c.getFraction().getUnit());
	}

	private static GNode newNode(String id, String kind, String label, List<String> css) {
		return new GNodeBuilder(nodeType(kind)).id(id).addCssClass("cw-" + kind).addCssClasses(css).size(WIDTH, HEIGHT)
				.layout(GConstants.Layout.VBOX, new GLayoutOptions().hAlign(GConstants.HAlign.CENTER).paddingLeft(8d)
						.paddingRight(8d).paddingTop(6d).paddingBottom(6d))
				.add(new GLabelBuilder(NAME_LABEL).id(id + LABEL_SUFFIX).text(label).addCssClass("cw-label").build())
				.add(new GLabelBuilder(LABEL).id(id + "#kind").text("\u00ab" + kind + "\u00bb").addCssClass("cw-kind-label").build())
				.build();
	}

	private void edge(GNode from, GNode to, String kind) {
		String id = "edge:" + kind + ":" + from.getId() + "->" + to.getId();
		edges.computeIfAbsent(id, k -> new GEdgeBuilder(EDGE).id(id).source(from).target(to).addCssClass("cw-edge-" + kind).build());
	}

	public static String nodeType(String kind) {
		return NODE + kind;
	}

	/** The element of the file (not an external one) with the node id, or null. */
	public static EObject element(Model model, String id) {
		if (model == null || id == null) return null;
		for (Element e : model.getElements()) {
			if (id.equals(id(e))) return e;
			if (e instanceof Cell c) for (Layer l : c.getLayers()) if (id.equals(id(l))) return l;
			if (e instanceof Composite c) for (Component comp : c.getComponents()) if (id.equals(id(comp))) return comp;
		}
		return null;
	}

	/** The element with the node id, also one from another file or the standard library (an edge's target), or null. */
	public static EObject anyElement(Model model, String id) {
		EObject own = element(model, id);
		if (own != null || model == null) return own;
		CellGraphs g = new CellGraphs(model, "lookup");
		g.addAll();
		for (EObject e : g.nodes.keySet()) if (id.equals(id(e))) return e;
		return null;
	}

	/** For tests: the node of an element id or null. */
	static GModelElement find(GGraph g, String id) {
		return g.getChildren().stream().filter(c -> id.equals(c.getId())).findFirst().orElse(null);
	}
}

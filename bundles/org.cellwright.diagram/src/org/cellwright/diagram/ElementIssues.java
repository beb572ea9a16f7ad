package org.cellwright.diagram;

import java.util.ArrayList;
import java.util.List;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.model.Cell;
import org.cellwright.model.Component;
import org.cellwright.model.Composite;
import org.cellwright.model.Element;
import org.cellwright.model.Layer;
import org.cellwright.model.Model;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/** Places the language's findings (by line) on the diagram's elements: the innermost layer, component or element whose text holds the line. */
public final class ElementIssues {

	private ElementIssues() {}

	public static List<DiagramSession.ElementIssue> of(Model model, List<CellWrightChecker.CheckIssue> issues) {
		List<DiagramSession.ElementIssue> out = new ArrayList<>();
		if (model == null) return out;
		for (CellWrightChecker.CheckIssue i : issues) {
			EObject at = elementAt(model, i.line());
			if (at != null) out.add(new DiagramSession.ElementIssue(CellGraphs.id(at), i.severity(), i.message(), i.line()));
		}
		return out;
	}

	/** The innermost element of the diagram whose text spans the line, or null. */
	static EObject elementAt(Model model, int line) {
		for (Element e : model.getElements()) {
			if (!spans(e, line)) continue;
			if (e instanceof Cell c) for (Layer l : c.getLayers()) if (spans(l, line)) return l;
			if (e instanceof Composite c) for (Component comp : c.getComponents()) if (spans(comp, line)) return comp;
			return e;
		}
		return null;
	}

	/** The innermost element whose text holds the offset, or null. */
	public static EObject elementAtOffset(Model model, int offset) {
		for (Element e : model.getElements()) {
			if (!holds(e, offset)) continue;
			if (e instanceof Cell c) for (Layer l : c.getLayers()) if (holds(l, offset)) return l;
			if (e instanceof Composite c) for (Component comp : c.getComponents()) if (holds(comp, offset)) return comp;
			return e;
		}
		return null;
	}

	private static boolean spans(EObject e, int line) {
		ICompositeNode n = NodeModelUtils.findActualNodeFor(e);
		return n != null && n.getStartLine() <= line && line <= n.getEndLine();
	}

	private static boolean holds(EObject e, int offset) {
		ICompositeNode n = NodeModelUtils.findActualNodeFor(e);
		return n != null && n.getOffset() <= offset && offset <= n.getEndOffset();
	}

	/** The text range (offset, length) of the element of the node id, or null. */
	public static int[] range(Model model, String id) {
		EObject e = CellGraphs.element(model, id);
		ICompositeNode n = e == null ? null : NodeModelUtils.findActualNodeFor(e);
		return n == null ? null : new int[] { n.getOffset(), n.getLength() };
	}
}

package org.cellwright.editor;

import java.util.ArrayList;
import java.util.List;

import org.cellwright.model.Cell;
import org.cellwright.model.CurrentStep;
import org.cellwright.model.Element;
import org.cellwright.model.Experiment;
import org.cellwright.model.Layer;
import org.cellwright.model.Material;
import org.cellwright.model.Model;
import org.cellwright.model.Protocol;
import org.cellwright.model.Quantity;
import org.cellwright.model.Repeat;
import org.cellwright.model.Rest;
import org.cellwright.model.Step;
import org.cellwright.model.StepGroup;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

/** Outline of a .cell file: materials, cells with their layers, protocols with their steps, experiments. */
public class CellOutlinePage extends ContentOutlinePage {

	/** Id of the Outline's context menu. */
	public static final String OUTLINE_MENU_ID = "org.cellwright.editor.outline";

	/** Reveals an offset of the document in the editor the page outlines (the text editor: its caret there). */
	private final java.util.function.IntConsumer reveal;
	private final IDocument document;
	/** The document's one parse per change, shared with the other views (see {@link EditingSession}). */
	private final EditingSession.Listener listener = (model, change) -> {
		if (getTreeViewer() != null && !getTreeViewer().getControl().isDisposed()) show(model);
	};
	private EditingSession session;

	public CellOutlinePage(ITextEditor editor) {
		this(editor.getDocumentProvider().getDocument(editor.getEditorInput()), offset -> editor.selectAndReveal(offset, 0));
	}

	/**
	 * The outline of a .cell document shown by another editor (the diagram): an element selected here is revealed there
	 * by its offset in the text.
	 */
	public CellOutlinePage(IDocument document, java.util.function.IntConsumer reveal) {
		this.document = document;
		this.reveal = reveal;
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer viewer = getTreeViewer();
		viewer.setContentProvider(new Content());
		viewer.setLabelProvider(new LabelProvider() {
			@Override public String getText(Object o) { return label((EObject) o); }
		});
		viewer.addSelectionChangedListener(e -> {
			if (e.getSelection() instanceof IStructuredSelection s && s.getFirstElement() instanceof EObject o) {
				ICompositeNode node = NodeModelUtils.findActualNodeFor(o);
				if (node != null) reveal.accept(node.getOffset());
			}
		});
		// a context menu others contribute to ("popup:org.cellwright.editor.outline", e.g. Run Experiment)
		org.eclipse.jface.action.MenuManager menu = new org.eclipse.jface.action.MenuManager("#CellOutline", OUTLINE_MENU_ID);
		menu.add(new org.eclipse.jface.action.GroupMarker(org.eclipse.ui.IWorkbenchActionConstants.MB_ADDITIONS));
		viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
		getSite().registerContextMenu(OUTLINE_MENU_ID, menu, viewer);
		session = EditingSession.of(document);
		if (session != null) {
			session.addListener(listener);
			XtextResource r = session.currentIfRead();
			if (r != null) session.runLocked(() -> show(r)); // the reconciler reads the same model meanwhile
			else session.readSoon(); // read off the UI thread; the listener shows it
		}
	}

	/** The Outline's tree (for tests and for actions on its selection). */
	public TreeViewer viewer() {
		return getTreeViewer();
	}

	/** Shows the elements of the document's current text (read now if it was not read yet). */
	public void refresh() {
		if (session != null) session.read(r -> { show(r); return null; });
	}

	private void show(XtextResource r) {
		Object root = r == null || r.getContents().isEmpty() ? null : r.getContents().get(0);
		TreeViewer viewer = getTreeViewer();
		if (root != null && root == viewer.getInput()) { // an edit changed the model in place: the selection stays
			viewer.refresh();
			return;
		}
		// a new reading of the text: the same elements (by their labels) stay selected
		List<String> selected = new ArrayList<>();
		if (viewer.getStructuredSelection().getFirstElement() instanceof EObject o) for (EObject e = o; e != null && !(e instanceof Model); e = e.eContainer()) selected.add(0, label(e));
		viewer.setInput(root);
		viewer.expandToLevel(2);
		if (selected.isEmpty() || !(root instanceof Model)) return;
		Object[] level = new Content().getElements(root);
		EObject found = null;
		for (String name : selected) {
			EObject next = null;
			for (Object o : level) if (o instanceof EObject e && label(e).equals(name)) next = e;
			if (next == null) break;
			found = next;
			level = new Content().getChildren(next);
		}
		if (found != null) viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(found), true);
	}

	@Override
	public void dispose() {
		if (session != null) session.removeListener(listener);
		super.dispose();
	}

	static String label(EObject o) {
		if (o instanceof Material m) return "material " + m.getName() + (m.getKind() != null ? " (" + m.getKind().getLiteral() + ")" : "");
		if (o instanceof Cell c) return "cell " + c.getName() + (c.getBase() != null && !c.getBase().eIsProxy() ? " extends " + c.getBase().getName() : "");
		if (o instanceof Layer l) return "layer " + l.getName() + ": " + (l.getMaterial() == null || l.getMaterial().eIsProxy() ? "?" : l.getMaterial().getName())
				+ (l.getThickness() != null ? " " + q(l.getThickness()) : "");
		if (o instanceof Protocol p) return "protocol " + p.getName();
		if (o instanceof Experiment e) return "experiment " + e.getName();
		if (o instanceof CurrentStep s) return s.getDirection().getLiteral() + " at " + q(s.getRate());
		if (o instanceof Rest r) return "rest for " + q(r.getDuration());
		if (o instanceof Repeat r) return "repeat " + r.getCount();
		if (o instanceof StepGroup g) return "group " + g.getName();
		if (o instanceof Element e) return e.eClass().getName().toLowerCase() + " " + e.getName();
		if (o instanceof Step s) return NodeModelUtils.getTokenText(NodeModelUtils.findActualNodeFor(s));
		return o.eClass().getName();
	}

	private static String q(Quantity q) {
		if (q == null) return "";
		double v = q.getValue();
		return (v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v)) + (q.getUnit() == null ? "" : " " + q.getUnit());
	}

	static class Content implements ITreeContentProvider {
		@Override
		public Object[] getElements(Object input) {
			return input instanceof Model m ? m.getElements().toArray() : new Object[0];
		}

		@Override
		public Object[] getChildren(Object o) {
			List<Object> out = new ArrayList<>();
			if (o instanceof Cell c) out.addAll(c.getLayers());
			if (o instanceof Protocol p) out.addAll(p.getSteps());
			if (o instanceof Repeat r) out.addAll(r.getSteps());
			if (o instanceof StepGroup g) out.addAll(g.getSteps());
			return out.toArray();
		}

		@Override
		public Object getParent(Object o) {
			return o instanceof EObject e ? e.eContainer() : null;
		}

		@Override
		public boolean hasChildren(Object o) {
			return getChildren(o).length > 0;
		}
	}
}

package org.cellwright.editor.protocol;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.editor.EditingSession;
import org.cellwright.editor.draw.DrawingExport;
import org.cellwright.editor.draw.GcDrawing;
import org.cellwright.editor.draw.SvgDrawing;
import org.cellwright.model.Cell;
import org.cellwright.model.Element;
import org.cellwright.model.Experiment;
import org.cellwright.model.Model;
import org.cellwright.model.Protocol;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

/**
 * The steps of a protocol (or of an experiment's protocols, with its cell's capacity) as a time line. Follows the
 * active .cell editor: the protocol or experiment around the caret (the Outline moves the caret too), or the one
 * chosen in the list; redrawn as the text changes (after a pause in typing). An editor of a .cell file that is not a
 * text editor but adapts to its document (the diagram) is followed too: the protocol or experiment selected there.
 */
public class ProtocolTimelineView extends ViewPart implements DrawingExport.Exportable {
	public static final String ID = "org.cellwright.editor.protocolTimeline";

	private Canvas canvas;
	private Combo choice;
	private final TimelinePainter painter = new TimelinePainter();
	private org.eclipse.ui.IEditorPart editor;
	/** The editor's selection provider listened to (the text editor's caret, the diagram's selected element). */
	private ISelectionProvider selections;
	private IDocument document;
	private XtextResource resource;
	private ProtocolTimeline timeline;
	private String chosen;
	private final List<Element> elements = new ArrayList<>();

	/** The document's one parse per change, shared with the other views (see {@link EditingSession}). */
	private final EditingSession.Listener sessionListener = (model, change) -> { if (!canvas.isDisposed()) apply(model); };
	private EditingSession session;
	private final ISelectionChangedListener caretListener = e -> {
		if (e.getSelection() instanceof ITextSelection s) followCaret(s.getOffset());
		else if (e.getSelection() instanceof org.eclipse.jface.viewers.IStructuredSelection s) followElement(s.getFirstElement());
	};
	private final IPartListener2 partListener = new IPartListener2() {
		@Override public void partActivated(IWorkbenchPartReference ref) { follow(ref.getPart(false)); }
		@Override public void partBroughtToTop(IWorkbenchPartReference ref) { follow(ref.getPart(false)); }
		@Override public void partClosed(IWorkbenchPartReference ref) { if (ref.getPart(false) == editor) unfollow(); }
	};

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(3, false));
		new Label(parent, SWT.NONE).setText("Protocol or experiment:");
		choice = new Combo(parent, SWT.READ_ONLY);
		choice.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		choice.addListener(SWT.Selection, e -> show(choice.getText()));
		ToolBarManager tb = new ToolBarManager(SWT.FLAT | SWT.RIGHT);
		tb.createControl(parent);
		Action export = new Action("Export...") {
			@Override
			public void run() {
				DrawingExport.ask(canvas.getShell(), chosen == null ? "protocol" : chosen, ProtocolTimelineView.this,
						message -> org.eclipse.jface.dialogs.MessageDialog.openError(canvas.getShell(), "Export", message));
			}
		};
		export.setToolTipText("Export the time line as SVG (vector, text kept) or PNG");
		tb.add(export);
		tb.update(true);
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
		canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
		canvas.addPaintListener(e -> {
			try (GcDrawing d = new GcDrawing(e.gc)) {
				Rectangle r = canvas.getClientArea();
				painter.paint(d, r.x, r.y, r.width, r.height, timeline);
			}
		});
		// a bracket's name cut for want of room, whole in the tooltip
		canvas.addListener(SWT.MouseMove, e -> {
			String tip = painter.cutLabelAt(e.x, e.y);
			if (!java.util.Objects.equals(tip, canvas.getToolTipText())) canvas.setToolTipText(tip);
		});
		getSite().getPage().addPartListener(partListener);
		follow(getSite().getPage().getActiveEditor());
	}

	/**
	 * Follows a .cell editor: a text editor, or another editor adapting to the file's document (the diagram; before, the
	 * view kept the protocol of the last text editor, possibly of another file, while the diagram was active).
	 */
	private void follow(Object part) {
		if (!(part instanceof org.eclipse.ui.IEditorPart ep) || part == editor) return;
		String name = ep.getEditorInput().getName();
		if (name == null || !name.endsWith(".cell")) return;
		IDocument doc = ep instanceof ITextEditor te ? te.getDocumentProvider().getDocument(te.getEditorInput()) : ep.getAdapter(IDocument.class);
		if (doc == null) return;
		unfollow();
		editor = ep;
		document = doc;
		session = EditingSession.of(document);
		if (session != null) session.addListener(sessionListener);
		selections = ep instanceof ITextEditor te ? te.getSelectionProvider() : ep.getSite().getSelectionProvider();
		if (selections != null) selections.addSelectionChangedListener(caretListener);
		chosen = null;
		if (session != null) session.readLocked(() -> { apply(session.current()); return null; }); // the reconciler reads the same model meanwhile
		if (selections != null && selections.getSelection() instanceof ITextSelection s) followCaret(s.getOffset());
		else if (selections != null && selections.getSelection() instanceof org.eclipse.jface.viewers.IStructuredSelection s) followElement(s.getFirstElement());
	}

	private void unfollow() {
		if (session != null) session.removeListener(sessionListener);
		session = null;
		if (selections != null) selections.removeSelectionChangedListener(caretListener);
		selections = null;
		editor = null;
		document = null;
	}

	/** A protocol or experiment selected in the followed editor (the diagram's node): shown, found by its name in this view's model. */
	private void followElement(Object selected) {
		if ((selected instanceof Protocol || selected instanceof Experiment) && ((Element) selected).getName() != null) {
			String label = label((Element) selected);
			if (!label.equals(chosen)) show(label);
		}
	}

	/** Shows the document's current text (read now if it was not read yet) and redraws the chosen protocol or experiment. */
	public void reparse() {
		if (session != null) session.read(r -> { apply(r); return null; });
	}

	private void apply(XtextResource parsed) {
		resource = parsed;
		elements.clear();
		choice.removeAll();
		if (!resource.getContents().isEmpty() && resource.getContents().get(0) instanceof Model m)
			for (EObject e : m.getElements())
				if ((e instanceof Protocol || e instanceof Experiment) && ((Element) e).getName() != null) {
					elements.add((Element) e);
					choice.add(label((Element) e));
				}
		Element e = find(chosen);
		if (e == null && !elements.isEmpty()) e = elements.get(0);
		show(e);
	}

	private static String label(Element e) {
		return (e instanceof Protocol ? "protocol " : "experiment ") + e.getName();
	}

	private Element find(String label) {
		for (Element e : elements) if (label(e).equals(label) || e.getName().equals(label)) return e;
		return null;
	}

	private void followCaret(int offset) {
		if (session != null) session.runLocked(() -> followCaretUnlocked(offset));
		else followCaretUnlocked(offset);
	}

	private void followCaretUnlocked(int offset) {
		if (resource == null || resource.getParseResult() == null) return;
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		EObject o = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
		while (o != null && !(o instanceof Protocol) && !(o instanceof Experiment)) o = o.eContainer();
		if (o instanceof Element e && !label(e).equals(chosen)) show(e);
	}

	/** Shows the protocol or experiment of that name ("protocol X", "experiment Y" or the bare name). */
	public void show(String name) {
		show(find(name));
	}

	/**
	 * Reads the element under the session's lock: the reconciler validates the same model on another thread, and EMF's
	 * adapter lists are not safe to read and grow at once (a cell read meanwhile lost its capacity).
	 */
	private void show(Element e) {
		if (session != null) session.runLocked(() -> showUnlocked(e));
		else showUnlocked(e);
	}

	private void showUnlocked(Element e) {
		if (e == null) {
			timeline = null;
			chosen = null;
		} else {
			chosen = label(e);
			choice.setText(chosen);
			if (e instanceof Experiment x) {
				timeline = ProtocolTimeline.of("experiment " + x.getName() + (x.getCell() == null || x.getCell().eIsProxy() ? "" : " (cell " + x.getCell().getName() + ")"),
						x.getProtocols().stream().filter(p -> !p.eIsProxy()).toList(), x.getCell() == null || x.getCell().eIsProxy() ? null : x.getCell());
			} else {
				timeline = ProtocolTimeline.of((Protocol) e, cellRunning((Protocol) e));
			}
		}
		canvas.redraw();
	}

	/** The cell of the first experiment of this file that runs the protocol (for its capacity), or null. */
	private Cell cellRunning(Protocol p) {
		for (Element e : elements)
			if (e instanceof Experiment x && x.getProtocols().contains(p) && x.getCell() != null && !x.getCell().eIsProxy()) return x.getCell();
		return null;
	}

	public ProtocolTimeline timeline() { return timeline; }

	public Canvas canvas() { return canvas; }

	/** The painter of the canvas (its last paint's layout). */
	public TimelinePainter painter() { return painter; }

	/** The time line as SVG: the same drawing as on the screen. */
	@Override
	public String svg(int width, int height) {
		SvgDrawing d = new SvgDrawing(width, height);
		TimelinePainter p = new TimelinePainter();
		p.paint(d, 0, 0, width, height, timeline);
		return d.toSvg();
	}

	@Override
	public void exportPng(Path file, int width, int height) {
		DrawingExport.writePng(canvas.getDisplay(), width, height, gc -> {
			try (GcDrawing d = new GcDrawing(gc)) {
				new TimelinePainter().paint(d, 0, 0, width, height, timeline);
			}
		}, file);
	}

	@Override
	public void setFocus() {
		canvas.setFocus();
	}

	@Override
	public void dispose() {
		getSite().getPage().removePartListener(partListener);
		unfollow();
		super.dispose();
	}
}

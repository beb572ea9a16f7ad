package org.cellwright.diagram.ui;

import java.net.URI;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;

/**
 * The diagram of a .cell file (Open With > Diagram): an SWT Browser (WebKitGTK on Linux) on the page that the
 * workbench's GLSP server ({@link DiagramServers}) serves for the file. The text stays the model's only stored form:
 * the diagram saves nothing itself.
 */
public class CellDiagramEditor extends EditorPart {

	public static final String ID = "org.cellwright.diagram.ui.editor";

	private Path file;
	private Browser browser;
	private URI page;

	@Override
	public void init(IEditorSite site, IEditorInput input) throws PartInitException {
		setSite(site);
		setInput(input);
		file = fileOf(input);
		if (file == null) throw new PartInitException("The diagram opens .cell files on the local disk only: " + input.getName());
		setPartName(input.getName() + " (diagram)"); // beside the text editor of the same file, as the table editor does
		// narrow, both tabs read "baseline-hal...": the diagram's own icon (plugin.xml) and its tooltip (getTitleToolTip)
		// tell them apart
		site.setSelectionProvider(selection);
		connectDocument();
	}

	/**
	 * The tab's tooltip: "Diagram of /project/baseline-halfcell.cell", the file as the workspace names it (on disk for a
	 * file outside it). It was the text editor's, "project/baseline-halfcell.cell": an editor part's tooltip is its
	 * input's ({@link EditorPart#getTitleToolTip}), whatever {@code setTitleToolTip} was given.
	 */
	static String toolTip(IEditorInput input, Path file) {
		IFile f = input instanceof IFileEditorInput fi ? fi.getFile() : null;
		return "Diagram of " + (f != null ? f.getFullPath().toString() : file.toString());
	}

	@Override
	public String getTitleToolTip() {
		return file == null ? super.getTitleToolTip() : toolTip(getEditorInput(), file);
	}

	// ------------------------------------------------------------------ the file's shared document, for the views

	/** The workspace file's buffer, connected while the editor is open (null for a file outside the workspace). */
	private org.eclipse.core.runtime.IPath buffer;

	/** Writes the file after an edit made through a view following the diagram while no text editor shows the file. */
	private org.cellwright.editor.EditingSession.Listener commit;
	private org.cellwright.editor.EditingSession session;

	private void connectDocument() {
		IFile f = DocumentSessions.workspaceFile(file);
		if (f == null) return;
		try {
			org.eclipse.core.filebuffers.FileBuffers.getTextFileBufferManager().connect(f.getFullPath(),
					org.eclipse.core.filebuffers.LocationKind.IFILE, null);
			buffer = f.getFullPath();
		} catch (org.eclipse.core.runtime.CoreException e) {
			return; // no document: the views that follow editors do not follow this one
		}
		session = org.cellwright.editor.EditingSession.of(document());
		if (session == null) return;
		commit = (model, change) -> {
			if (change == org.cellwright.editor.EditingSession.Change.EDITED)
				getSite().getShell().getDisplay().asyncExec(() -> {
					if (buffer != null) DocumentSessions.commitIfNoEditor(f);
				});
			followModel(model, change);
		};
		session.addListener(commit);
	}

	/**
	 * The file's shared document (the one its text editor shows and the diagram's session edits), so that the views
	 * following the active .cell editor (the Stack view) follow the diagram too; null for a file outside the workspace.
	 */
	public org.eclipse.jface.text.IDocument document() {
		if (buffer == null) return null;
		var b = org.eclipse.core.filebuffers.FileBuffers.getTextFileBufferManager().getTextFileBuffer(buffer,
				org.eclipse.core.filebuffers.LocationKind.IFILE);
		return b == null ? null : b.getDocument();
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (adapter == org.eclipse.jface.text.IDocument.class) return adapter.cast(document());
		if (adapter == org.eclipse.ui.views.properties.IPropertySheetPage.class) { // says why a typed value is refused
			propertyPage = new org.cellwright.editor.properties.ReasonPropertySheetPage();
			return adapter.cast(propertyPage);
		}
		if (adapter == org.eclipse.ui.views.contentoutline.IContentOutlinePage.class) {
			var doc = document(); // the Outline of the file's elements; one selected there is selected in the diagram
			return doc == null ? null : adapter.cast(new org.cellwright.editor.CellOutlinePage(doc, offset -> selectAt(doc, offset)));
		}
		return super.getAdapter(adapter);
	}

	static Path fileOf(IEditorInput input) {
		if (input instanceof IFileEditorInput fi) {
			IFile f = fi.getFile();
			return f.getLocation() == null ? null : f.getLocation().toPath();
		}
		if (input instanceof IURIEditorInput ui && "file".equals(ui.getURI().getScheme())) return Path.of(ui.getURI());
		IFile f = input.getAdapter(IFile.class);
		return f == null || f.getLocation() == null ? null : f.getLocation().toPath();
	}

	@Override
	public void createPartControl(Composite outer) {
		outer.setLayout(new org.eclipse.swt.layout.GridLayout(1, false));
		org.eclipse.swt.widgets.ToolBar bar = new org.eclipse.swt.widgets.ToolBar(outer, SWT.FLAT | SWT.RIGHT);
		bar.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.TOP, true, false));
		org.eclipse.swt.widgets.ToolItem export = new org.eclipse.swt.widgets.ToolItem(bar, SWT.PUSH);
		export.setText("Export SVG...");
		export.addListener(SWT.Selection, e -> exportSvgAs());
		Composite parent = new Composite(outer, SWT.NONE);
		parent.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.FILL, true, true));
		parent.setLayout(new FillLayout());
		try {
			page = DiagramServers.get().pageUri(file);
		} catch (Exception e) {
			message(parent, "The diagram server did not start: " + e);
			return;
		}
		try {
			browser = new Browser(parent, SWT.NONE);
		} catch (SWTError e) {
			// no browser engine: on Debian/Ubuntu the SWT Browser needs WebKitGTK
			message(parent, "The diagram needs a web browser engine (WebKitGTK: apt-get install libwebkit2gtk-4.1-0).\n"
					+ "The same diagram opens in any web browser at\n" + page + "\n\n(" + e.getMessage() + ")");
			return;
		}
		// "asks=ide": a layer rename that other files name is asked in the IDE (the editing session's dialog); the same
		// page opened in another browser (page()) asks in the page
		browser.setUrl(page + "&asks=ide");
		connectSelection();
		// Edit > Undo/Redo (Ctrl+Z/Y) while the diagram is active: the diagram's command stack (the text follows)
		var bars = getEditorSite().getActionBars();
		bars.setGlobalActionHandler(org.eclipse.ui.actions.ActionFactory.UNDO.getId(), new org.eclipse.jface.action.Action("Undo") {
			@Override
			public void run() { undo(); }
		});
		bars.setGlobalActionHandler(org.eclipse.ui.actions.ActionFactory.REDO.getId(), new org.eclipse.jface.action.Action("Redo") {
			@Override
			public void run() { redo(); }
		});
		bars.updateActionBars();
	}

	// ------------------------------------------------------------------ selection in step with the text editor

	private String lastSynced;
	private org.eclipse.ui.ISelectionListener textListener;

	private void connectSelection() {
		new org.eclipse.swt.browser.BrowserFunction(browser, "cellwrightSelected") {
			@Override
			public Object function(Object[] arguments) {
				String ids = arguments.length == 0 || arguments[0] == null ? "" : arguments[0].toString();
				getSite().getShell().getDisplay().asyncExec(() -> diagramSelected(ids));
				return null;
			}
		};
		textListener = (part, selection) -> {
			if (part instanceof org.eclipse.ui.texteditor.ITextEditor te && te.getEditorInput().equals(getEditorInput())
					&& selection instanceof org.eclipse.jface.text.ITextSelection ts)
				textSelected(te, ts.getOffset());
		};
		getSite().getPage().addPostSelectionListener(textListener);
	}

	/** The text editor open on the same file, or null. */
	public org.eclipse.ui.texteditor.ITextEditor textEditor() {
		for (var ref : getSite().getPage().getEditorReferences()) {
			var part = ref.getEditor(false);
			if (part instanceof org.eclipse.ui.texteditor.ITextEditor te && te.getEditorInput().equals(getEditorInput())) return te;
		}
		return null;
	}

	/** A reader of the editing session's parse of the document (its node model matches the text: offsets), under the session's lock. */
	private static <T> T read(org.eclipse.jface.text.IDocument doc, java.util.function.Function<org.cellwright.model.Model, T> reader) {
		return org.cellwright.editor.EditingSession.of(doc).read(r -> reader.apply(
				r.getContents().isEmpty() || !(r.getContents().get(0) instanceof org.cellwright.model.Model m) ? null : m));
	}

	/** A node selected in the diagram: its element's text selected in the text editor (the Outline follows it). */
	void diagramSelected(String ids) {
		String id = ids.lines().findFirst().orElse("");
		String element = id.endsWith("#label") ? id.substring(0, id.length() - 6) : id;
		if (!element.equals(selectedElement == null ? "" : selectedElement)) selectElement(element); // the Properties view
		if (id.isEmpty() || id.equals(lastSynced)) return;
		org.eclipse.ui.texteditor.ITextEditor te = textEditor();
		if (te == null) return;
		var doc = te.getDocumentProvider().getDocument(te.getEditorInput());
		int[] range = read(doc, m -> org.cellwright.diagram.ElementIssues.range(m, element));
		if (range == null) return;
		lastSynced = id;
		te.selectAndReveal(range[0], range[1]);
	}

	/** The caret in the text editor: the element there selected in the diagram. */
	void textSelected(org.eclipse.ui.texteditor.ITextEditor te, int offset) {
		selectAt(te.getDocumentProvider().getDocument(te.getEditorInput()), offset);
	}

	/** The element at an offset of the file's text selected in the diagram (the caret in the text, an Outline selection). */
	void selectAt(org.eclipse.jface.text.IDocument document, int offset) {
		String id = read(document, m -> {
			var element = m == null ? null : org.cellwright.diagram.ElementIssues.elementAtOffset(m, offset);
			return element == null ? null : org.cellwright.diagram.CellGraphs.id(element);
		});
		if (id == null) return;
		if (id.equals(lastSynced)) return;
		lastSynced = id;
		dispatch("{kind:'elementSelected', selectedElementsIDs:['" + id.replace("\\", "\\\\").replace("'", "\\'")
				+ "'], deselectedElementsIDs:[], deselectAll:true}");
	}

	/** The ids of the nodes selected in the diagram. */
	public java.util.List<String> selectedIds() {
		Object o = browser == null ? null : browser.evaluate("return window.cellwrightDiagram ? window.cellwrightDiagram.selected().join('\\n') : '';");
		return o == null || o.toString().isEmpty() ? java.util.List.of() : o.toString().lines().toList();
	}

	// ------------------------------------------------------------------ the diagram's selection, for the Properties view

	/**
	 * The workbench selection of the diagram: the element of the node selected in the diagram (a layer or cell as its
	 * {@link org.cellwright.editor.properties.ModelPropertySource}, edited through the document's session like from the
	 * Outline; another element as itself), so the Properties view follows the diagram, not the last view selected.
	 */
	private final Selection selection = new Selection();
	/** The node id of the element selected (null: none), to find it again in a new reading of the text. */
	private String selectedElement;
	private org.cellwright.editor.properties.ReasonPropertySheetPage propertyPage;

	private static final class Selection implements org.eclipse.jface.viewers.ISelectionProvider {
		private final org.eclipse.core.runtime.ListenerList<org.eclipse.jface.viewers.ISelectionChangedListener> listeners = new org.eclipse.core.runtime.ListenerList<>();
		private org.eclipse.jface.viewers.ISelection current = org.eclipse.jface.viewers.StructuredSelection.EMPTY;

		@Override
		public void addSelectionChangedListener(org.eclipse.jface.viewers.ISelectionChangedListener l) { listeners.add(l); }

		@Override
		public void removeSelectionChangedListener(org.eclipse.jface.viewers.ISelectionChangedListener l) { listeners.remove(l); }

		@Override
		public org.eclipse.jface.viewers.ISelection getSelection() { return current; }

		@Override
		public void setSelection(org.eclipse.jface.viewers.ISelection s) {
			current = s == null ? org.eclipse.jface.viewers.StructuredSelection.EMPTY : s;
			var e = new org.eclipse.jface.viewers.SelectionChangedEvent(this, current);
			for (var l : listeners) l.selectionChanged(e);
		}
	}

	/** The element of a node id in the session's current model (under its lock), shown as the diagram's selection. */
	private void selectElement(String element) {
		selectedElement = element == null || element.isEmpty() ? null : element;
		var doc = document();
		org.eclipse.emf.ecore.EObject o = selectedElement == null || doc == null ? null
				: read(doc, m -> org.cellwright.diagram.CellGraphs.element(m, selectedElement));
		publish(o);
	}

	/**
	 * The session's model changed: an edit changed it in place (the selected element stays; its id follows a rename),
	 * a new reading of the text has new objects (the element found again by its id). Under the session's lock.
	 */
	private void followModel(org.eclipse.xtext.resource.XtextResource model, org.cellwright.editor.EditingSession.Change change) {
		if (selectedElement == null) return;
		Object first = ((org.eclipse.jface.viewers.IStructuredSelection) selection.getSelection()).getFirstElement();
		org.eclipse.emf.ecore.EObject shown = first instanceof org.cellwright.editor.properties.ModelPropertySource p ? p.owner()
				: first instanceof org.eclipse.emf.ecore.EObject e ? e : null;
		if (shown != null && shown.eResource() == model) {
			selectedElement = org.cellwright.diagram.CellGraphs.id(shown);
			return;
		}
		var m = model == null || model.getContents().isEmpty() || !(model.getContents().get(0) instanceof org.cellwright.model.Model x) ? null : x;
		publish(org.cellwright.diagram.CellGraphs.element(m, selectedElement));
	}

	/**
	 * Tells the selection's listeners (the Properties view) later: an edit applied from the property sheet finishes
	 * before its entries change.
	 */
	private void publish(org.eclipse.emf.ecore.EObject o) {
		Object item = o == null ? null
				: o instanceof org.cellwright.model.PropertyOwner ? org.cellwright.editor.properties.SessionEditing.propertySource(o, this::refused) : o;
		var next = item == null ? org.eclipse.jface.viewers.StructuredSelection.EMPTY : new org.eclipse.jface.viewers.StructuredSelection(item);
		var display = getSite().getShell().getDisplay();
		display.asyncExec(() -> {
			if (!getSite().getShell().isDisposed()) selection.setSelection(next);
		});
	}

	private void refused(String reason) {
		if (propertyPage != null && propertyPage.getControl() != null && !propertyPage.getControl().isDisposed()) propertyPage.showReason(reason);
	}

	/** What the Properties view shows for the diagram: the selected node's layer or cell (null: none or another kind). */
	public org.cellwright.editor.properties.ModelPropertySource propertySource() {
		return ((org.eclipse.jface.viewers.IStructuredSelection) selection.getSelection()).getFirstElement() instanceof org.cellwright.editor.properties.ModelPropertySource p ? p : null;
	}

	// ------------------------------------------------------------------ export

	/** The diagram as an SVG document (as drawn, the page's styles inlined), or null before it is drawn. */
	public String svg() {
		Object o = browser == null ? null : browser.evaluate("return window.cellwrightDiagram ? window.cellwrightDiagram.svg() : null;");
		return o == null ? null : o.toString();
	}

	private void exportSvgAs() {
		String svg = svg();
		if (svg == null) return;
		org.eclipse.swt.widgets.FileDialog d = new org.eclipse.swt.widgets.FileDialog(getSite().getShell(), SWT.SAVE);
		d.setFilterExtensions(new String[] { "*.svg" });
		d.setFileName(file.getFileName().toString().replaceFirst("\\.cell$", "") + ".svg");
		d.setOverwrite(true);
		String to = d.open();
		if (to == null) return;
		try {
			java.nio.file.Files.writeString(Path.of(to), svg, java.nio.charset.StandardCharsets.UTF_8);
		} catch (java.io.IOException e) {
			org.eclipse.jface.dialogs.MessageDialog.openError(getSite().getShell(), "Export SVG", "Cannot write " + to + ": " + e.getMessage());
		}
	}

	@Override
	public void dispose() {
		if (textListener != null) getSite().getPage().removePostSelectionListener(textListener);
		if (file != null) DocumentSessions.closeFor(file);
		if (session != null) session.removeListener(commit);
		if (buffer != null) {
			try {
				org.eclipse.core.filebuffers.FileBuffers.getTextFileBufferManager().disconnect(buffer,
						org.eclipse.core.filebuffers.LocationKind.IFILE, null);
			} catch (org.eclipse.core.runtime.CoreException e) {
				// released with the workbench
			}
			buffer = null;
		}
		super.dispose();
	}

	/** Sends a GLSP action to the diagram as its own tools would (e.g. {"kind":"glspUndo"}). */
	public void dispatch(String actionJson) {
		if (browser != null && !browser.isDisposed())
			browser.execute("window.cellwrightDiagram && window.cellwrightDiagram.dispatch(" + actionJson + ");");
	}

	public void undo() { dispatch("{kind:'glspUndo'}"); }

	public void redo() { dispatch("{kind:'glspRedo'}"); }

	private static void message(Composite parent, String text) {
		Text t = new Text(parent, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP);
		t.setText(text);
	}

	/** The .cell file shown. */
	public Path file() { return file; }

	/** The page of the diagram (served on 127.0.0.1), or null when the server did not start. */
	public URI page() { return page; }

	/** The browser showing the page, or null without a browser engine. */
	public Browser browser() { return browser; }

	@Override
	public void setFocus() {
		if (browser != null) browser.setFocus();
	}

	@Override
	public void doSave(IProgressMonitor monitor) {}

	@Override
	public void doSaveAs() {}

	@Override
	public boolean isDirty() { return false; }

	@Override
	public boolean isSaveAsAllowed() { return false; }
}

package org.cellwright.editor.table;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.cellwright.editor.EditingSession;
import org.cellwright.editor.properties.ModelEditing;
import org.cellwright.editor.properties.SessionEditing;
import org.cellwright.model.PropertyOwner;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.IFileBuffer;
import org.eclipse.core.filebuffers.IFileBufferListener;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.common.command.Command;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerEditor;
import org.eclipse.jface.viewers.ColumnViewerEditorActivationStrategy;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TableViewerEditor;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.part.EditorPart;
import org.eclipse.xtext.resource.XtextResource;

/**
 * The table editor of a .cell file (Open With > CellWright Table): the materials against their properties and the
 * cells against their parameters, values with units edited in place. It edits the same document as the text editor
 * through the document's {@link EditingSession}: a value is checked like in the Properties view, becomes an EMF
 * command (one for all the selected rows it is typed into), and only its span of the text is rewritten (comments
 * stay); undo and redo are the session's. Export CSV writes the table shown.
 */
public class ModelTableEditor extends EditorPart {

	public static final String ID = "org.cellwright.editor.tableEditor";

	private IFile file;
	private ITextFileBuffer buffer;
	private EditingSession session;
	private CTabFolder tabs;
	private Label status;
	private final Map<ModelTable.Kind, RowsViewer> viewers = new EnumMap<>(ModelTable.Kind.class);
	private final Map<ModelTable.Kind, ModelTable> tables = new EnumMap<>(ModelTable.Kind.class);
	private Action undo, redo;

	private final EditingSession.Listener listener = (model, change) -> show(model);
	private final IFileBufferListener dirtyListener = new IFileBufferListener() {
		@Override public void dirtyStateChanged(IFileBuffer b, boolean dirty) {
			if (b == buffer && tabs != null && !tabs.isDisposed()) tabs.getDisplay().asyncExec(() -> firePropertyChange(PROP_DIRTY));
		}
		@Override public void bufferCreated(IFileBuffer b) {}
		@Override public void bufferDisposed(IFileBuffer b) {}
		@Override public void bufferContentAboutToBeReplaced(IFileBuffer b) {}
		@Override public void bufferContentReplaced(IFileBuffer b) {}
		@Override public void stateChanging(IFileBuffer b) {}
		@Override public void stateChangeFailed(IFileBuffer b) {}
		@Override public void stateValidationChanged(IFileBuffer b, boolean v) {}
		@Override public void underlyingFileMoved(IFileBuffer b, IPath p) {}
		@Override public void underlyingFileDeleted(IFileBuffer b) {}
	};

	@Override
	public void init(IEditorSite site, IEditorInput input) throws PartInitException {
		if (!(input instanceof IFileEditorInput fi)) throw new PartInitException("The table editor opens .cell files of the workspace");
		setSite(site);
		setInput(input);
		file = fi.getFile();
		setPartName(file.getName() + " (table)");
		try {
			// the same document as a text editor of the file: both edit one text, one session
			FileBuffers.getTextFileBufferManager().connect(file.getFullPath(), LocationKind.IFILE, null);
		} catch (CoreException e) {
			throw new PartInitException("Cannot read " + file.getFullPath() + ": " + e.getMessage(), e);
		}
		buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
		FileBuffers.getTextFileBufferManager().addFileBufferListener(dirtyListener);
		session = EditingSession.of(buffer.getDocument());
	}

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(2, false));
		status = new Label(parent, SWT.WRAP);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		ToolBarManager tb = new ToolBarManager(SWT.FLAT | SWT.RIGHT);
		tb.createControl(parent);
		undo = new Action("Undo") { @Override public void run() { step(true); } };
		redo = new Action("Redo") { @Override public void run() { step(false); } };
		Action export = new Action("Export CSV...") { @Override public void run() { exportDialog(); } };
		export.setToolTipText("Save the table shown as CSV (values with their units)");
		tb.add(undo);
		tb.add(redo);
		tb.add(export);
		tb.update(true);
		tabs = new CTabFolder(parent, SWT.BOTTOM | SWT.BORDER);
		tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
		for (ModelTable.Kind k : ModelTable.Kind.values()) {
			CTabItem item = new CTabItem(tabs, SWT.NONE);
			item.setText(k.title);
			RowsViewer v = new RowsViewer(tabs);
			v.getTable().setHeaderVisible(true);
			v.getTable().setLinesVisible(true);
			v.setContentProvider(ArrayContentProvider.getInstance());
			// a double-click, Enter or F2 edits the cell; several selected rows get the value typed into one of them
			// a focus cell (drawn) gives the keyboard a column: F2 or Enter edits it, the selected rows staying selected
			var focus = new org.eclipse.jface.viewers.TableViewerFocusCellManager(v, new org.eclipse.jface.viewers.FocusCellOwnerDrawHighlighter(v));
			TableViewerEditor.create(v, focus, new ColumnViewerEditorActivationStrategy(v) {
				@Override
				protected boolean isEditorActivationEvent(org.eclipse.jface.viewers.ColumnViewerEditorActivationEvent e) {
					return e.eventType == org.eclipse.jface.viewers.ColumnViewerEditorActivationEvent.MOUSE_DOUBLE_CLICK_SELECTION
							|| e.eventType == org.eclipse.jface.viewers.ColumnViewerEditorActivationEvent.PROGRAMMATIC
							|| e.eventType == org.eclipse.jface.viewers.ColumnViewerEditorActivationEvent.TRAVERSAL
							|| e.eventType == org.eclipse.jface.viewers.ColumnViewerEditorActivationEvent.KEY_PRESSED
									&& (e.keyCode == SWT.CR || e.keyCode == SWT.F2);
				}
			}, ColumnViewerEditor.TABBING_HORIZONTAL | ColumnViewerEditor.KEYBOARD_ACTIVATION);
			v.getColumnViewerEditor().addEditorActivationListener(new org.eclipse.jface.viewers.ColumnViewerEditorActivationListener() {
				@Override public void beforeEditorActivated(org.eclipse.jface.viewers.ColumnViewerEditorActivationEvent e) {
					editing = new ArrayList<>(); // the rows selected when typing starts (activating the editor may select one row)
					for (Object o : v.getStructuredSelection()) editing.add((PropertyOwner) o);
				}
				@Override public void afterEditorActivated(org.eclipse.jface.viewers.ColumnViewerEditorActivationEvent e) {}
				@Override public void beforeEditorDeactivated(org.eclipse.jface.viewers.ColumnViewerEditorDeactivationEvent e) {}
				@Override public void afterEditorDeactivated(org.eclipse.jface.viewers.ColumnViewerEditorDeactivationEvent e) {
					if (pending != null) tabs.getDisplay().asyncExec(() -> session.runLocked(() -> show(pending)));
				}
			});
			item.setControl(v.getControl());
			viewers.put(k, v);
		}
		tabs.setSelection(0);
		getSite().setSelectionProvider(viewers.get(ModelTable.Kind.MATERIALS)); // rows show in Properties
		tabs.addListener(SWT.Selection, e -> getSite().setSelectionProvider(viewers.get(shown())));
		getEditorSite().getActionBars().setGlobalActionHandler(ActionFactory.UNDO.getId(), undo);
		getEditorSite().getActionBars().setGlobalActionHandler(ActionFactory.REDO.getId(), redo);
		session.addListener(listener);
		XtextResource read = session.currentIfRead();
		if (read != null) session.runLocked(() -> show(read)); // the reconciler reads the same model meanwhile
		else session.readSoon();
		say(null);
	}

	/** The table in the selected tab. */
	public ModelTable.Kind shown() {
		return ModelTable.Kind.values()[Math.max(0, tabs.getSelectionIndex())];
	}

	public void showTab(ModelTable.Kind k) {
		tabs.setSelection(k.ordinal());
		getSite().setSelectionProvider(viewers.get(k));
	}

	/** A model that arrived while a value was being typed: shown when the cell editor closes. */
	private XtextResource pending;

	private void show(XtextResource model) {
		if (tabs == null || tabs.isDisposed() || model == null) return;
		// a new reading of the text must not close the cell editor the user types in (the typed value still applies:
		// the session accepts an edit of a model in step with the text)
		if (viewers.values().stream().anyMatch(TableViewer::isCellEditorActive)) {
			pending = model;
			return;
		}
		pending = null;
		for (ModelTable.Kind k : ModelTable.Kind.values()) {
			ModelTable t = new ModelTable(k, model.getContents().isEmpty() ? null : model.getContents().get(0));
			ModelTable old = tables.put(k, t);
			TableViewer v = viewers.get(k);
			List<String> selected = new ArrayList<>();
			for (Object o : v.getStructuredSelection()) selected.add(ModelTable.nameOf((PropertyOwner) o));
			boolean newColumns = old == null || !old.columns().equals(t.columns());
			if (newColumns) makeColumns(k, v, t);
			v.setInput(t.rows());
			if (newColumns) for (TableColumn c : v.getTable().getColumns()) { // wide enough for the header and the values
				c.pack();
				c.setWidth(Math.max(c.getWidth() + 12, 80));
			}
			// the same rows stay selected (a new reading of the text has new objects)
			List<PropertyOwner> again = new ArrayList<>();
			for (String n : selected) { PropertyOwner r = t.row(n); if (r != null) again.add(r); }
			if (!again.isEmpty()) v.setSelection(new StructuredSelection(again));
		}
		updateActions();
	}

	private void makeColumns(ModelTable.Kind k, TableViewer v, ModelTable t) {
		v.getTable().setRedraw(false);
		try {
			for (TableColumn c : v.getTable().getColumns()) c.dispose();
			for (ModelTable.Column column : t.columns()) {
				TableViewerColumn vc = new TableViewerColumn(v, SWT.LEFT);
				vc.getColumn().setText(column.header());
				vc.getColumn().setToolTipText(column.entry() == null ? (column.id().equals(ModelTable.NAME) ? "edit names in the text" : "read-only here")
						: column.entry().description() + "; " + column.entry().expected());
				vc.getColumn().setWidth(column.id().equals(ModelTable.NAME) ? 140 : 120);
				vc.setLabelProvider(new ColumnLabelProvider() {
					@Override public String getText(Object row) { return tables.get(k).text((PropertyOwner) row, column); }
				});
				if (column.editable()) vc.setEditingSupport(new ValueEditing(k, v, column));
			}
		} finally {
			v.getTable().setRedraw(true);
		}
	}

	/** A value typed into a cell: checked as typed (the reason shows above the table), applied to all selected rows. */
	private final class ValueEditing extends EditingSupport {
		private final ModelTable.Kind kind;
		private final TableViewer viewer;
		private final ModelTable.Column column;

		ValueEditing(ModelTable.Kind kind, TableViewer viewer, ModelTable.Column column) {
			super(viewer);
			this.kind = kind;
			this.viewer = viewer;
			this.column = column;
		}

		@Override
		protected CellEditor getCellEditor(Object element) {
			TextCellEditor editor = new TextCellEditor(viewer.getTable());
			editor.setValidator(value -> {
				String why = ModelTable.check(column, String.valueOf(value));
				say(why);
				return why;
			});
			return editor;
		}

		@Override
		protected boolean canEdit(Object element) {
			return session.editable();
		}

		@Override
		protected Object getValue(Object element) {
			return tables.get(kind).ownText((PropertyOwner) element, column);
		}

		@Override
		protected void setValue(Object element, Object value) {
			List<PropertyOwner> rows = targets(viewer, (PropertyOwner) element);
			set(rows, column.id(), String.valueOf(value));
		}
	}

	/** The table of one tab; it can open a cell editor without selecting the row alone (as F2 on a multi-row selection). */
	public static final class RowsViewer extends TableViewer {
		RowsViewer(Composite parent) {
			super(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.H_SCROLL | SWT.V_SCROLL);
		}

		/** Opens the cell editor on the row's column, the selection kept (editElement would select the row alone). */
		public void editKeepingSelection(Object row, int column) {
			var item = findItem(row);
			var viewerRow = item == null ? null : getViewerRowFromItem(item);
			var cell = viewerRow == null ? null : viewerRow.getCell(column);
			if (cell != null) triggerEditorActivationEvent(new org.eclipse.jface.viewers.ColumnViewerEditorActivationEvent(cell));
		}
	}

	/** The rows selected when the cell editor opened. */
	private List<PropertyOwner> editing = List.of();

	/** The rows a value typed into a row goes to: all rows selected (when typing started) if it is one of them, else that row. */
	private List<PropertyOwner> targets(TableViewer viewer, PropertyOwner row) {
		List<PropertyOwner> out = new ArrayList<>(editing);
		for (Object o : viewer.getStructuredSelection()) if (!out.contains(o)) out.add((PropertyOwner) o);
		return out.contains(row) ? out : List.of(row);
	}

	/**
	 * Sets a column of the given rows of the table shown to the typed value (one command, one undo); false with the
	 * reason above the table if refused.
	 */
	public boolean set(List<PropertyOwner> rows, String columnId, String text) {
		ModelTable table = tables.get(kindOf(rows));
		ModelTable.Column column = table == null ? null : table.column(columnId);
		if (column == null) return say("no column " + columnId);
		String why = ModelTable.check(column, text);
		if (why != null) return say(why);
		ModelEditing editing = new SessionEditing(session, null, this::say);
		Command c = ModelTable.command(editing, rows, column, text);
		if (c == null) return say(null);
		boolean done = session.execute(c);
		say(done ? null : session.refusal());
		updateActions();
		return done;
	}

	private ModelTable.Kind kindOf(List<PropertyOwner> rows) {
		return !rows.isEmpty() && rows.get(0) instanceof org.cellwright.model.Cell ? ModelTable.Kind.CELLS : ModelTable.Kind.MATERIALS;
	}

	private void step(boolean back) {
		boolean done = back ? session.undo() : session.redo();
		say(done ? null : session.refusal());
		updateActions();
	}

	public boolean undo() { step(true); return session.refusal() == null; }

	public boolean redo() { step(false); return session.refusal() == null; }

	private void updateActions() {
		if (undo == null) return;
		undo.setEnabled(session.canUndo());
		redo.setEnabled(session.canRedo());
	}

	/** Shows why a value is refused (or, with null, the hint); returns false for the callers that refuse. */
	private boolean say(String reason) {
		if (status == null || status.isDisposed()) return false;
		status.setText(reason == null ? "Double-click a value to edit it (with its unit); several rows at once: select them (Ctrl/Shift+click), then F2 or Enter and type. Empty removes a value."
				: "Refused: " + reason);
		status.setForeground(reason == null ? null : status.getDisplay().getSystemColor(SWT.COLOR_RED));
		status.getParent().layout(true);
		return false;
	}

	/** The line above the table (a hint, or why a value was refused). */
	public String message() {
		return status.getText();
	}

	public ModelTable table(ModelTable.Kind k) { return tables.get(k); }

	public RowsViewer viewer(ModelTable.Kind k) { return viewers.get(k); }

	public EditingSession session() { return session; }

	private void exportDialog() {
		FileDialog d = new FileDialog(tabs.getShell(), SWT.SAVE);
		d.setFilterExtensions(new String[] { "*.csv" });
		d.setOverwrite(true);
		d.setFileName(file.getName().replaceFirst("\\.cell$", "") + "-" + shown().name().toLowerCase() + ".csv");
		String f = d.open();
		if (f == null) return;
		try {
			exportCsv(Path.of(f), shown());
		} catch (java.io.IOException e) {
			say("not exported to " + f + ": " + e.getMessage());
		}
	}

	public void exportCsv(Path to, ModelTable.Kind k) throws java.io.IOException {
		Files.writeString(to, tables.get(k).csv(), StandardCharsets.UTF_8);
	}

	@Override
	public void doSave(IProgressMonitor monitor) {
		try {
			org.cellwright.editor.WholeSave.commit(buffer, monitor, true);
		} catch (CoreException e) {
			say("not saved: " + e.getMessage());
		}
		firePropertyChange(PROP_DIRTY);
	}

	@Override
	public void doSaveAs() {}

	@Override
	public boolean isDirty() {
		return buffer != null && buffer.isDirty();
	}

	@Override
	public boolean isSaveAsAllowed() {
		return false;
	}

	@Override
	public void setFocus() {
		if (tabs != null && !tabs.isDisposed()) viewers.get(shown()).getControl().setFocus();
	}

	@Override
	public void dispose() {
		if (session != null) session.removeListener(listener);
		FileBuffers.getTextFileBufferManager().removeFileBufferListener(dirtyListener);
		if (file != null) try {
			FileBuffers.getTextFileBufferManager().disconnect(file.getFullPath(), LocationKind.IFILE, null);
		} catch (CoreException e) {
			// the buffer is gone already
		}
		super.dispose();
	}
}

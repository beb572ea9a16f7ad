package org.cellwright.editor.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.editor.DocumentModel;
import org.cellwright.editor.draw.DrawingExport;
import org.cellwright.editor.properties.ModelEditing;
import org.cellwright.editor.properties.ModelPropertySource;
import org.cellwright.model.Cell;
import org.cellwright.model.CellwrightFactory;
import org.cellwright.model.CellwrightPackage;
import org.cellwright.model.Layer;
import org.cellwright.model.Material;
import org.cellwright.model.Model;
import org.cellwright.model.Quantity;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.MoveCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.resource.XtextResource;

/**
 * The graphical stack editor: a to-scale (or log-thickness) cross-section of the cell in the active .cell editor.
 * Drag layers to reorder, drag materials from the palette to insert, delete; every change is an EMF.Edit command
 * (undo/redo) on the model, which is printed back into the editor's text (comments and order kept; the text
 * editor keeps the dirty state and saves). Typing in the text re-reads the model.
 */
public class StackView extends ViewPart implements ModelEditing, DrawingExport.Exportable {
	public static final String ID = "org.cellwright.editor.stackView";

	private Canvas canvas;
	private Combo cellCombo;
	private org.eclipse.swt.widgets.List palette;
	private Label status;
	private final StackPainter painter = new StackPainter();

	/** The editor followed: a text editor or the diagram of a .cell file. */
	private IEditorPart editor;
	private IDocument document;
	private XtextResource resource;
	private Cell cell;
	/** The document's editing session: its model, parsed once per change, and every edit (undo, redo, write-back). */
	private org.cellwright.editor.EditingSession session;
	private int dragFrom = -1;
	private final List<Material> paletteMaterials = new ArrayList<>();

	private final org.cellwright.editor.EditingSession.Listener sessionListener = (model, change) -> { if (!canvas.isDisposed()) show(model); };

	/** The followed editor's selection provider (the text's caret, the diagram's nodes) and the listener on it. */
	private ISelectionProvider selections;
	private final ISelectionChangedListener selectionFollower = e -> followSelection(e.getSelection());

	private final IPartListener2 partListener = new IPartListener2() {
		@Override public void partActivated(IWorkbenchPartReference ref) { follow(ref.getPart(false)); }
		@Override public void partBroughtToTop(IWorkbenchPartReference ref) { follow(ref.getPart(false)); }
	};

	/** The selected layer (or the cell when no layer is selected) as a property source for the Properties view. */
	private final ISelectionProvider selectionProvider = new ISelectionProvider() {
		@Override public void addSelectionChangedListener(ISelectionChangedListener l) { selectionListeners.add(l); }
		@Override public void removeSelectionChangedListener(ISelectionChangedListener l) { selectionListeners.remove(l); }
		@Override public ISelection getSelection() { return currentSelection(); }
		@Override public void setSelection(ISelection selection) {}
	};
	private final ListenerList<ISelectionChangedListener> selectionListeners = new ListenerList<>();

	private Action undo, redo, logScale, delete, moveUp, moveDown, properties;
	private int dragSlab = -1;
	private org.eclipse.core.resources.IResourceChangeListener markerListener;
	private org.eclipse.jface.action.ToolBarManager toolBar;

	/** The actions beside the cell choice when the view is wide enough for both, else on the next line. */
	private void wrapHeader(Composite parent) {
		org.eclipse.swt.widgets.Control bar = toolBar.getControl();
		if (bar == null || bar.isDisposed()) return;
		GridLayout grid = (GridLayout) parent.getLayout();
		int label = parent.getChildren()[0].computeSize(SWT.DEFAULT, SWT.DEFAULT).x;
		int name = cellChoiceWidth();
		int needed = grid.marginLeft + grid.marginWidth * 2 + grid.marginRight + label + name
				+ bar.computeSize(SWT.DEFAULT, SWT.DEFAULT).x + 2 * grid.horizontalSpacing;
		boolean wrap = parent.getClientArea().width < needed;
		// wrapped: the tool bar as wide as the view (it wraps its items), the cell choice the rest of its line; else the
		// cell choice's preferred width is its longest name (a grabbing column: it takes what is left)
		int avail = parent.getClientArea().width - grid.marginLeft - grid.marginRight - 2 * grid.marginWidth;
		int barHint = wrap ? Math.max(0, avail) : SWT.DEFAULT;
		int choiceHint = wrap ? Math.max(0, avail - label - 2 * grid.horizontalSpacing) : name;
		GridData data = (GridData) bar.getLayoutData(), choice = (GridData) cellCombo.getLayoutData();
		if (data.horizontalSpan == (wrap ? 3 : 1) && data.widthHint == barHint && choice.widthHint == choiceHint) return;
		data.horizontalSpan = wrap ? 3 : 1;
		data.horizontalAlignment = wrap ? SWT.FILL : SWT.END;
		data.widthHint = barHint;
		choice.widthHint = choiceHint;
		parent.layout(true);
	}

	/** The width the cell choice needs to show its longest cell name with its button. */
	private int cellChoiceWidth() {
		org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(cellCombo);
		int w = 0;
		for (String item : cellCombo.getItems()) w = Math.max(w, gc.textExtent(item).x);
		gc.dispose();
		return w + 48; // the drop-down button and the frame
	}

	/** Whether the actions are on a line of their own below the cell choice (a narrow view). */
	public boolean actionsBelowCellChoice() {
		return ((GridData) toolBar.getControl().getLayoutData()).horizontalSpan == 3;
	}

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(3, false));
		new Label(parent, SWT.NONE).setText("Cell:");
		cellCombo = new Combo(parent, SWT.READ_ONLY);
		cellCombo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		// the actions sit beside the cell choice, so the view's tab keeps its title
		toolBar = new org.eclipse.jface.action.ToolBarManager(SWT.FLAT | SWT.RIGHT | SWT.WRAP);
		toolBar.createControl(parent).setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
		// a narrow view puts the actions on a line of their own below the cell choice, so the choice keeps the width of
		// its longest name (a minimum width instead pushed the drawing past the view's edge)
		parent.addListener(SWT.Resize, e -> wrapHeader(parent));
		cellCombo.addListener(SWT.Selection, e -> selectCell(cellCombo.getText()));
		SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
		Composite left = new Composite(sash, SWT.NONE);
		left.setLayout(new GridLayout(1, false));
		new Label(left, SWT.NONE).setText("Materials (drag into the stack):");
		palette = new org.eclipse.swt.widgets.List(left, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
		palette.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		canvas = new Canvas(sash, SWT.DOUBLE_BUFFERED);
		sash.setWeights(1, 4);
		this.sash = sash;
		// the whole name of the material under the pointer (cut when the view is too narrow for the list to fit it)
		palette.addListener(SWT.MouseHover, e -> {
			int i = palette.getTopIndex() + e.y / Math.max(1, palette.getItemHeight());
			palette.setToolTipText(i >= 0 && i < paletteLabels.size() ? paletteTip(i) : null);
		});
		sash.addListener(SWT.Resize, e -> fitPalette(true));
		status = new Label(parent, SWT.WRAP);
		status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
		makeActions();
		canvas.addPaintListener(e -> {
			painter.problems = problems();
			Runnable paint = () -> painter.paint(e.gc, canvas.getClientArea(), cell, logScale.isChecked());
			if (session != null) session.runLocked(paint); // the model is read (the reconciler reads it meanwhile)
			else paint.run();
		});
		canvas.addListener(SWT.MouseDown, e -> {
			canvas.setFocus(); // Delete, Insert and the arrow keys then reach this view
			dragSlab = e.button == 1 ? painter.slabAt(e.x) : -1;
			dragFrom = ownIndexAt(e.x);
			painter.selected = painter.slabAt(e.x);
			canvas.redraw();
			updateActions();
		});
		canvas.addListener(SWT.MouseMove, e -> {
			if (dragSlab >= 0 && (e.stateMask & SWT.BUTTON1) != 0 && painter.slabAt(e.x) != dragSlab) {
				painter.dropBoundary = painter.boundaryAt(e.x); // where the dragged layer would go
				canvas.redraw();
			}
			canvas.setToolTipText(problemText(painter.slabAt(e.x)));
		});
		canvas.addListener(SWT.MouseUp, e -> {
			int to = ownIndexAt(e.x);
			int toSlab = painter.slabAt(e.x);
			painter.dropBoundary = -1;
			if (dragSlab >= 0 && toSlab >= 0 && toSlab != dragSlab) {
				if (dragFrom < 0) tell(inherited(slab(dragSlab)) + ": move it in " + owner(slab(dragSlab)) + ", or delete it here (this cell then removes it)");
				else if (to < 0) tell("Layer " + slab(toSlab).getName() + " is inherited from " + owner(slab(toSlab))
						+ ": a layer of " + cell.getName() + " cannot take its place; drop a material beside it to insert a layer there");
				else moveLayer(dragFrom, to);
			}
			dragFrom = -1;
			dragSlab = -1;
			canvas.redraw();
		});
		canvas.addListener(SWT.KeyDown, e -> {
			if (e.keyCode == SWT.INSERT) insertPaletteSelection();
			else if (e.keyCode == SWT.ARROW_LEFT && (e.stateMask & SWT.MOD1) != 0) moveSelected(-1);
			else if (e.keyCode == SWT.ARROW_RIGHT && (e.stateMask & SWT.MOD1) != 0) moveSelected(1);
		});
		palette.addListener(SWT.DefaultSelection, e -> insertPaletteSelection()); // double-click or Enter
		MenuManager menu = new MenuManager("#StackContext");
		menu.setRemoveAllWhenShown(true);
		menu.addMenuListener(this::fillContextMenu);
		canvas.setMenu(menu.createContextMenu(canvas));
		getSite().registerContextMenu(ID, menu, selectionProvider);
		markerListener = event -> {
			if (event.findMarkerDeltas(org.cellwright.editor.CellValidationReconciler.MARKER_TYPE, true).length > 0 && !canvas.isDisposed())
				canvas.getDisplay().asyncExec(() -> { if (!canvas.isDisposed()) canvas.redraw(); });
		};
		org.eclipse.core.resources.ResourcesPlugin.getWorkspace().addResourceChangeListener(markerListener,
				org.eclipse.core.resources.IResourceChangeEvent.POST_CHANGE);
		DragSource source = new DragSource(palette, DND.DROP_COPY);
		source.setTransfer(new Transfer[] { TextTransfer.getInstance() });
		source.addDragListener(new DragSourceAdapter() {
			@Override public void dragSetData(DragSourceEvent event) {
				int i = palette.getSelectionIndex();
				event.data = i >= 0 && paletteMaterials.get(i) != null ? paletteLabels.get(i) : "";
			}
			@Override public void dragStart(DragSourceEvent event) {
				int i = palette.getSelectionIndex();
				event.doit = i >= 0 && paletteMaterials.get(i) != null; // a package's heading is no material
			}
		});
		DropTarget target = new DropTarget(canvas, DND.DROP_COPY | DND.DROP_DEFAULT);
		target.setTransfer(new Transfer[] { TextTransfer.getInstance() });
		target.addDropListener(new DropTargetAdapter() {
			@Override
			public void dragOver(DropTargetEvent event) {
				// the drop indicator: a line at the boundary the new layer would be inserted at
				int b = painter.boundaryAt(canvas.toControl(event.x, event.y).x);
				if (b != painter.dropBoundary) {
					painter.dropBoundary = b;
					canvas.redraw();
				}
			}

			@Override
			public void dragLeave(DropTargetEvent event) {
				painter.dropBoundary = -1;
				canvas.redraw();
			}

			@Override
			public void drop(DropTargetEvent event) {
				Point p = canvas.toControl(event.x, event.y);
				painter.dropBoundary = -1;
				Material m = paletteMaterial(String.valueOf(event.data));
				if (m != null) insertAt(m, painter.boundaryAt(p.x));
				canvas.redraw();
			}
		});
		getSite().setSelectionProvider(selectionProvider);
		getSite().getPage().addPartListener(partListener);
		follow(getSite().getPage().getActiveEditor());
	}

	private void makeActions() {
		undo = new Action("Undo") { @Override public void run() { undo(); } };
		redo = new Action("Redo") { @Override public void run() { redo(); } };
		logScale = new Action("Log thickness", IAction.AS_CHECK_BOX) { @Override public void run() { canvas.redraw(); } };
		logScale.setChecked(true);
		logScale.setToolTipText("Widths by log10(thickness): a 3 um interlayer shows beside a 700 um separator");
		delete = new Action("Delete layer") { @Override public void run() { deleteSelected(); } };
		delete.setActionDefinitionId("org.eclipse.ui.edit.delete"); // the Delete key and Edit > Delete
		delete.setToolTipText("Delete the selected layer (an inherited one: this cell removes it)");
		moveUp = new Action("Move Up") { @Override public void run() { moveSelected(-1); } };
		moveUp.setToolTipText("Move the selected layer one place towards the first current collector (Ctrl+Left)");
		moveDown = new Action("Move Down") { @Override public void run() { moveSelected(1); } };
		moveDown.setToolTipText("Move the selected layer one place towards the second current collector (Ctrl+Right)");
		Action export = new Action("Export...") {
			@Override
			public void run() {
				DrawingExport.ask(canvas.getShell(), cell == null ? "stack" : cell.getName(), StackView.this, message -> status.setText(message));
			}
		};
		export.setToolTipText("Export the diagram as SVG (vector, text kept) or PNG");
		properties = new Action("Properties") {
			@Override
			public void run() {
				try {
					getSite().getPage().showView(org.eclipse.ui.IPageLayout.ID_PROP_SHEET, null, org.eclipse.ui.IWorkbenchPage.VIEW_VISIBLE);
				} catch (org.eclipse.ui.PartInitException e) {
					status.setText("The Properties view cannot be opened: " + e.getMessage());
				}
			}
		};
		properties.setToolTipText("Edit the selected layer (or the cell) in the Properties view, values with units");
		IToolBarManager tb = toolBar;
		tb.add(properties);
		tb.add(logScale);
		tb.add(delete);
		tb.add(undo);
		tb.add(redo);
		tb.add(export);
		toolBar.update(true);
		getViewSite().getActionBars().setGlobalActionHandler(ActionFactory.UNDO.getId(), undo);
		getViewSite().getActionBars().setGlobalActionHandler(ActionFactory.REDO.getId(), redo);
		getViewSite().getActionBars().setGlobalActionHandler(ActionFactory.DELETE.getId(), delete);
		updateActions();
	}

	/**
	 * Follows an editor of a .cell file: a text editor, or another editor of the file that adapts to its document (the
	 * diagram editor: the file's shared document, the one the text editor shows, so the same editing session).
	 */
	private void follow(Object part) {
		if (!(part instanceof IEditorPart ep) || part == editor) return;
		String name = ep.getEditorInput().getName();
		if (name == null || !name.endsWith(".cell")) return;
		IDocument doc = ep instanceof ITextEditor te ? te.getDocumentProvider().getDocument(te.getEditorInput()) : ep.getAdapter(IDocument.class);
		if (doc == null) return;
		editor = ep;
		followSelections(ep);
		if (doc == document && session != null) { // the same document (its text and its diagram): the same model
			followSelection(selections == null ? null : selections.getSelection());
			return;
		}
		if (session != null) session.removeListener(sessionListener);
		document = doc;
		session = org.cellwright.editor.EditingSession.of(document);
		if (session == null) return;
		session.addListener(sessionListener);
		// read off the UI thread if nobody read it yet: following an editor (also at start-up) never blocks painting
		XtextResource read = session.currentIfRead();
		if (read != null) session.runLocked(() -> show(read));
		else session.readSoon();
		if (read != null && selections != null) followSelection(selections.getSelection());
	}

	/**
	 * Listens to the followed editor's selection: the text editor's caret, the diagram's selected node (and so the
	 * Outline's choice, which selects in the editor). Before, the view stayed on the file's first cell (or the one last
	 * chosen in its list) while the caret, the Outline or the diagram was on another cell, and an edit here went to a
	 * cell the user was not looking at.
	 */
	private void followSelections(IEditorPart ep) {
		if (selections != null) selections.removeSelectionChangedListener(selectionFollower);
		selections = ep instanceof ITextEditor te ? te.getSelectionProvider() : ep.getSite().getSelectionProvider();
		if (selections != null) selections.addSelectionChangedListener(selectionFollower);
	}

	/**
	 * Shows the cell of the selection: the cell whose text holds the caret, or the selected cell or layer's cell; in an
	 * experiment the cell it runs, in a sweep its experiment's cell.
	 */
	private void followSelection(ISelection selection) {
		if (selection == null || resource == null || canvas == null || canvas.isDisposed()) return;
		Runnable follow = () -> {
			EObject at = null;
			if (selection instanceof org.eclipse.jface.text.ITextSelection t && resource.getParseResult() != null) {
				org.eclipse.xtext.nodemodel.ILeafNode leaf = org.eclipse.xtext.nodemodel.util.NodeModelUtils
						.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), t.getOffset());
				at = leaf == null ? null : org.eclipse.xtext.nodemodel.util.NodeModelUtils.findActualSemanticObjectFor(leaf);
			} else if (selection instanceof org.eclipse.jface.viewers.IStructuredSelection s) {
				Object first = s.getFirstElement();
				at = first instanceof ModelPropertySource p ? p.owner() : first instanceof EObject e ? e : null;
			}
			while (at != null && !(at instanceof Cell) && !(at instanceof org.cellwright.model.Experiment) && !(at instanceof org.cellwright.model.Sweep))
				at = at.eContainer();
			// a sweep: its experiment's cell (before, the view stayed on the cell shown, the file's first used cell)
			if (at instanceof org.cellwright.model.Sweep w) at = w.getExperiment() == null || w.getExperiment().eIsProxy() ? null : w.getExperiment();
			// the caret in an experiment: the cell it runs (of this file or another)
			if (at instanceof org.cellwright.model.Experiment x) at = x.getCell() == null || x.getCell().eIsProxy() ? null : x.getCell();
			String name = at instanceof Cell c ? c.getName() : null;
			if (name != null && (cell == null || !name.equals(cell.getName())) && cells().stream().anyMatch(c -> name.equals(c.getName())))
				selectCell(name);
		};
		if (session != null) session.runLocked(follow); // the reconciler reads the same model meanwhile
		else follow.run();
	}

	/** Shows the model of the document's current text (read now if it was not read yet; the undo history stays). */
	public void reparse() {
		if (session != null) session.read(parsed -> { show(parsed); return null; });
	}

	/** Shows a model read from the text (on the UI thread, under the session's lock: the reconciler reads the same model). */
	private void show(XtextResource parsed) {
		if (parsed == null) return;
		String keep = cell == null ? null : cell.getName();
		// the layer selected before the model changed (an edit changes the model in place: the index may point elsewhere now)
		Layer was = lastSelected;
		String keepLayer = was == null ? null : was.getName(); // the selected layer stays selected after a reparse
		resource = parsed;
		List<Cell> cells = cells();
		cellCombo.removeAll();
		for (Cell c : cells) cellCombo.add(c.getName());
		cell = null;
		for (Cell c : cells) if (c.getName() != null && c.getName().equals(keep)) cell = c;
		if (cell == null && !cells.isEmpty()) cell = cells.get(0);
		if (cell != null) cellCombo.setText(cell.getName());
		wrapHeader(cellCombo.getParent()); // a longer cell name may need the whole line
		fillPalette();
		painter.selected = -1;
		List<StackModel.Slab> now = cell == null ? List.of() : StackModel.slabs(cell);
		for (int i = 0; i < now.size() && keepLayer != null; i++) if (keepLayer.equals(now.get(i).layer().getName())) painter.selected = i;
		for (int i = 0; i < now.size() && was != null; i++) if (now.get(i).layer() == was) painter.selected = i; // an edit (a rename too) keeps it
		tell(hint()); // laid out again: a hint of two lines (a file without cells) showed its first line only
		updateActions();
		canvas.redraw();
		// the slabs' places (mouse hits) belong to the model shown from now on (a reading of the same text: same places)
		if (now.size() == painter.lastSlabs.size()) painter.lastSlabs = now;
		canvas.update();
	}

	/**
	 * The cells to choose from: the file's own; for a file without cells (experiments.cell of the study imports its
	 * cells and defines experiments) the cells its experiments use ({@link StackModel#usedCells}), shown read-only. The
	 * view showed nothing for such a file.
	 */
	private List<Cell> cells() {
		if (resource == null || resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model m)) return List.of();
		List<Cell> own = new ArrayList<>();
		for (EObject e : m.getElements()) if (e instanceof Cell c) own.add(c);
		return own.isEmpty() ? StackModel.usedCells(m) : own;
	}

	/** Whether the cell shown is defined in another file (a cell an experiment of this file uses): drawn, not edited here. */
	public boolean showsAnotherFilesCell() {
		return cell != null && resource != null && cell.eResource() != resource;
	}

	/**
	 * The line under the drawing of a file whose text has syntax errors: what this view shows then (it said "the diagram
	 * shows what could be read", meaning its own drawing, beside a diagram editor of the same file: session 29).
	 */
	public static final String SYNTAX_ERRORS = "The text has syntax errors: this view shows the stack as far as the text could be read; fix the text to edit here.";

	/** The line under the drawing for the model and cell shown. */
	private String hint() {
		if (resource != null && !org.cellwright.lang.text.TextPatch.printable(resource))
			return SYNTAX_ERRORS;
		String file = resource == null || resource.getURI() == null ? "This file" : resource.getURI().lastSegment();
		if (cell == null)
			return file + " defines no cells and none of its experiments names one: open a file with a cell (or an experiment) to see its stack.";
		if (showsAnotherFilesCell())
			return file + " defines no cells: shown are the cells its experiments use, read-only; " + cell.getName() + " is defined in "
					+ (cell.eResource() == null || cell.eResource().getURI() == null ? "another file" : cell.eResource().getURI().lastSegment())
					+ " (open that file to edit it).";
		return "Drag layers to reorder; drag a material from the list (or double-click it, or Insert) to insert; Delete removes the selected layer; right-click for more.";
	}

	public void selectCell(String name) {
		for (Cell c : cells()) if (c.getName().equals(name)) cell = c;
		painter.selected = -1;
		cellCombo.setText(name);
		tell(hint()); // laid out again: a hint of two lines (a file without cells) showed its first line only
		updateActions();
		canvas.redraw();
	}

	private void fillPalette() {
		// a reparse (the text changed) keeps the material chosen in the list
		String chosen = palette.getSelectionIndex() >= 0 ? palette.getItem(palette.getSelectionIndex()) : null;
		fillPaletteItems();
		if (chosen != null) for (int i = 0; i < palette.getItemCount(); i++) if (palette.getItem(i).equals(chosen)) palette.select(i);
	}

	private void fillPaletteItems() {
		palette.removeAll();
		paletteMaterials.clear();
		// the materials a layer of this cell can refer to: this file, its folder, imports and the standard library
		paletteLabels.clear();
		rows(org.cellwright.editor.Materials.visibleFrom(cell)).forEach(r -> {
			paletteMaterials.add(r.material());
			paletteLabels.add(r.label());
			palette.add(r.text());
		});
		fitPalette(false);
	}

	/**
	 * A row of the material list: a material (its label, the name a layer writes, package-qualified where not
	 * imported) or a package's heading (material null, label the package).
	 */
	record Row(String text, String label, Material material) {}

	/** Indent of a material under its package's heading. */
	public static final String UNDER_PACKAGE = "   ";

	/**
	 * The material list's rows: the materials known by their plain names first, then each package's heading followed
	 * by its materials, indented, by their plain names ("cellwright.sets.chen2020:", "   Nyman2008Electrolyte"). A
	 * row is then never longer than a package's name or a material's: a narrow view (the list at most
	 * {@link #PALETTE_MAX_SHARE} of it) showed "Nyman2008Electrolyte  (cellwright.sets.c", the package cut, readable
	 * only in the tooltip.
	 */
	static List<Row> rows(java.util.Map<String, Material> byLabel) {
		List<Row> plain = new ArrayList<>();
		java.util.Map<String, List<Row>> byPackage = new java.util.LinkedHashMap<>();
		byLabel.forEach((label, m) -> {
			int dot = label.lastIndexOf('.');
			if (dot <= 0 || dot == label.length() - 1) plain.add(new Row(label, label, m));
			else byPackage.computeIfAbsent(label.substring(0, dot), k -> new ArrayList<>())
					.add(new Row(UNDER_PACKAGE + label.substring(dot + 1), label, m));
		});
		List<Row> out = new ArrayList<>(plain);
		byPackage.forEach((pkg, members) -> {
			out.add(new Row(pkg + ":", pkg, null));
			out.addAll(members);
		});
		return out;
	}

	/** The tooltip of a row: a material's qualified name, or what a package's heading is. */
	private String paletteTip(int row) {
		return paletteMaterials.get(row) != null ? paletteLabels.get(row) : "Materials of the package " + paletteLabels.get(row) + " (below, indented)";
	}

	/** The names the materials are known by from the cell (package-qualified where not imported), by row. */
	private final List<String> paletteLabels = new ArrayList<>();

	/**
	 * A material's name as a menu or a combo shows it: its name first, then its package in parentheses
	 * ("Nyman2008Electrolyte (cellwright.sets.chen2020)"), so a narrow one cuts the package, not the name (a qualified
	 * name was cut to "cellwright.sets.chen2020.LGM5").
	 */
	public static String shown(String label) {
		int dot = label.lastIndexOf('.');
		return dot <= 0 || dot == label.length() - 1 ? label : label.substring(dot + 1) + "  (" + label.substring(0, dot) + ")";
	}

	/** The widest share of the view the material list takes to show its names whole; the drawing keeps the rest. */
	static final double PALETTE_MAX_SHARE = 0.45;
	private SashForm sash;
	private int paletteWanted = -1;

	/**
	 * Sizes the material list to its longest name (package-qualified names of other files and of the library were cut
	 * off at a fixed fifth of the view until the sash was dragged), at least a fifth of the view and at most
	 * {@link #PALETTE_MAX_SHARE}. Done when the view is resized and when the list's widest name changes (not on every
	 * reparse, so a sash dragged by hand stays where it was put while typing).
	 */
	private void fitPalette(boolean resized) {
		if (sash == null || sash.isDisposed()) return;
		Composite left = palette.getParent();
		int want = left.computeSize(SWT.DEFAULT, SWT.DEFAULT).x;
		if (!resized && want == paletteWanted) return;
		paletteWanted = want;
		int total = sash.getClientArea().width - sash.getSashWidth();
		if (total <= 0) return;
		int width = Math.max(total / 5, Math.min(want, (int) (total * PALETTE_MAX_SHARE)));
		sash.setWeights(width, Math.max(1, total - width));
	}

	/** The material of a row's text, of the name it is known by from the cell, or of its {@link #shown} name. */
	private Material paletteMaterial(String label) {
		for (int i = 0; i < palette.getItemCount(); i++) {
			if (paletteMaterials.get(i) == null) continue; // a package's heading
			if (palette.getItem(i).equals(label) || paletteLabels.get(i).equals(label) || shown(paletteLabels.get(i)).equals(label))
				return paletteMaterials.get(i);
		}
		return null;
	}

	/** Index in the cell's own layers of the slab under x, or -1. */
	private int ownIndexAt(int x) {
		int i = painter.slabAt(x);
		if (i < 0 || cell == null) return -1;
		var slabs = painter.lastSlabs;
		if (i >= slabs.size() || !slabs.get(i).own()) return -1;
		return cell.getLayers().indexOf(slabs.get(i).layer());
	}

	// ------------------------------------------------------------------ edits (EMF.Edit commands)

	public boolean moveLayer(int from, int to) {
		if (cell == null || from < 0 || from >= cell.getLayers().size()) return false;
		return execute(MoveCommand.create(domain(), cell, CellwrightPackage.Literals.CELL__LAYERS, cell.getLayers().get(from), to));
	}

	public boolean insertLayer(Material m, int index) {
		if (cell == null || m == null) return false;
		return execute(AddCommand.create(domain(), cell, CellwrightPackage.Literals.CELL__LAYERS, newLayer(m), Math.min(index, cell.getLayers().size())));
	}

	private Layer newLayer(Material m) {
		Layer l = CellwrightFactory.eINSTANCE.createLayer();
		String base = m.getName() == null ? "layer" : m.getName().toLowerCase();
		String name = base;
		for (int n = 2; nameTaken(name); n++) name = base + n;
		l.setName(name);
		l.setMaterial(m);
		Quantity t = CellwrightFactory.eINSTANCE.createQuantity();
		t.setValue(10);
		t.setUnit("um");
		l.setThickness(t);
		return l;
	}

	private boolean nameTaken(String name) {
		return org.cellwright.lang.model.Cells.effectiveLayers(cell).stream().anyMatch(l -> name.equals(l.getName()));
	}

	/** The selected slab if it is one of this cell's own layers (inherited ones are edited in their cell), else null. */
	private Layer selectedOwnLayer() {
		if (cell == null) return null;
		List<StackModel.Slab> slabs = StackModel.slabs(cell);
		int i = painter.selected;
		return i >= 0 && i < slabs.size() && slabs.get(i).own() ? slabs.get(i).layer() : null;
	}

	/**
	 * Shows why a delete was refused (a dialog; the line under the drawing says it too). A test puts its own here.
	 * Called on the UI thread.
	 */
	public static volatile java.util.function.Consumer<String> refusalDialog = why -> org.eclipse.jface.dialogs.MessageDialog
			.openWarning(org.eclipse.swt.widgets.Display.getCurrent().getActiveShell(), "Delete layer", why);

	/**
	 * Deletes the selected layer: one of this cell's own layers is removed from the text; an inherited one is removed
	 * from this cell only ({@code remove <name>}, the base cell keeps it). Refused, a dialog naming the files, lines
	 * and cells, if cells would then name a layer that is gone ('after wcc', 'remove wcc', a layer replacing it;
	 * {@link org.cellwright.lang.model.Cells#layerNameUses(Layer, Cell, Iterable)}, as the diagram refuses it): cells of
	 * this file, then of other files (found as the IDE's layer rename finds them, reading the workspace's files with
	 * progress and Cancel) extending the layer's cell, or for an inherited layer this cell (its own layers too),
	 * directly or through a chain.
	 */
	public boolean deleteSelected() {
		Layer l = selectedLayer();
		if (l == null || cell == null || l.getName() == null) return false;
		String name = l.getName();
		boolean own = l.eContainer() == cell;
		if (namedInItsFile(l) || namedInOtherFiles(l)) return false;
		l = selectedLayer(); // the model may have been read again while the files were read (the event loop ran)
		if (l == null || cell == null || !name.equals(l.getName()) || own != (l.eContainer() == cell)) return false;
		if (own) return execute(RemoveCommand.create(domain(), cell, CellwrightPackage.Literals.CELL__LAYERS, l));
		boolean done = execute(AddCommand.create(domain(), cell, CellwrightPackage.Literals.CELL__REMOVALS, l.getName()));
		if (done) tell(inherited(l) + ": " + cell.getName() + " now removes it ('remove " + l.getName() + "'); Undo brings it back");
		return done;
	}

	/**
	 * True, the user told why, if cells of this cell's file name the layer that leaves this cell's stack ('after wcc' in
	 * a cell extending its cell, or in this cell for an inherited one), as the diagram refuses it.
	 */
	private boolean namedInItsFile(Layer layer) {
		org.eclipse.core.resources.IFile file = document == null ? null : DocumentModel.fileOf(document);
		String where = file != null ? file.getFullPath().makeRelative().toString()
				: cell.eResource() != null && cell.eResource().getURI() != null ? cell.eResource().getURI().lastSegment() : "this file";
		return refused(layer, "its file", "cells of its file name it", org.cellwright.editor.references.LayerRenameAcrossFiles.namesIn(where, layer,
				cell, org.cellwright.lang.model.Cells.cellsOf(cell.eResource())));
	}

	/** True, the user told why, if cells of other files name the layer (or the search for them was cancelled). */
	private boolean namedInOtherFiles(Layer layer) {
		org.eclipse.core.resources.IFile file = document == null ? null : DocumentModel.fileOf(document);
		if (file == null || session == null) return false;
		List<String> uses = org.cellwright.editor.references.LayerRenameAcrossFiles.namesInOtherFilesWithProgress(session, file, document.get(), layer, cell);
		if (uses == null) {
			tell("Not deleted: the search of the workspace's files for cells naming layer " + layer.getName() + " was cancelled");
			return true;
		}
		return refused(layer, "other files", "cells of other files extending " + cell.getName() + " name it", uses);
	}

	/**
	 * True, the user told why (the line under the drawing and {@link #refusalDialog}), if {@code uses} names where cells
	 * name the layer ({@code in}: where they are; {@code who}: which cells, as the dialog says it).
	 */
	private boolean refused(Layer layer, String in, String who, List<String> uses) {
		if (uses.isEmpty()) return false;
		String name = layer.getName();
		tell("Not deleted: layer " + name + " is named in " + in + ": " + String.join("; ", uses));
		String what = layer.eContainer() == cell ? "Layer " + name + " of cell " + cell.getName() + " is not deleted"
				: inherited(layer) + " and is not removed from " + cell.getName();
		refusalDialog.accept(what + ": " + who + ", and would name a layer that is gone:\n\n  "
				+ String.join("\n  ", uses) + "\n\nChange those first, then delete it.");
		return true;
	}

	/** Moves the selected own layer one place (delta -1: up/left, +1: down/right) among this cell's layers. */
	public boolean moveSelected(int delta) {
		Layer l = selectedLayer();
		if (l == null) return false;
		if (l.eContainer() != cell) {
			tell(inherited(l) + ": move it in " + owner(l));
			return false;
		}
		int from = cell.getLayers().indexOf(l), to = from + delta;
		if (to < 0 || to >= cell.getLayers().size()) return false;
		return moveLayer(from, to);
	}

	/**
	 * Inserts a layer of the material at a slab boundary (0: before the first slab). In a cell that extends another
	 * the new layer is placed by name ({@code after <layer>}, or {@code before} the first), so it can go next to an
	 * inherited layer too.
	 */
	public boolean insertAt(Material m, int boundary) {
		if (cell == null || m == null) return false;
		List<StackModel.Slab> slabs = StackModel.slabs(cell);
		boundary = Math.max(0, Math.min(boundary, slabs.size()));
		boolean inherits = slabs.stream().anyMatch(x -> !x.own());
		if (!inherits || slabs.isEmpty()) {
			int index = boundary >= slabs.size() ? cell.getLayers().size() : cell.getLayers().indexOf(slabs.get(boundary).layer());
			return insertLayer(m, index < 0 ? cell.getLayers().size() : index);
		}
		Layer l = newLayer(m);
		if (boundary > 0) {
			l.setPosition(org.cellwright.model.LayerPosition.AFTER);
			l.setAnchor(slabs.get(boundary - 1).layer().getName());
		} else {
			l.setPosition(org.cellwright.model.LayerPosition.BEFORE);
			l.setAnchor(slabs.get(0).layer().getName());
		}
		return execute(AddCommand.create(domain(), cell, CellwrightPackage.Literals.CELL__LAYERS, l));
	}

	/** Inserts the material selected in the list after the selected layer (or at the end). */
	public boolean insertPaletteSelection() {
		if (palette.getSelectionIndex() < 0 || paletteMaterials.get(palette.getSelectionIndex()) == null) {
			tell("Select a material in the list first (then Insert, a double-click or the context menu's Insert Layer)"
					+ (palette.getSelectionIndex() >= 0 ? ": " + palette.getItem(palette.getSelectionIndex()) + " is a package's heading" : ""));
			return false;
		}
		return insertAt(paletteMaterials.get(palette.getSelectionIndex()), insertionBoundary());
	}

	private int insertionBoundary() {
		int n = cell == null ? 0 : StackModel.slabs(cell).size();
		return painter.selected >= 0 && painter.selected < n ? painter.selected + 1 : n;
	}

	private Layer slab(int i) {
		List<StackModel.Slab> slabs = cell == null ? List.of() : StackModel.slabs(cell);
		return i >= 0 && i < slabs.size() ? slabs.get(i).layer() : null;
	}

	private static String owner(Layer l) {
		return l != null && l.eContainer() instanceof Cell c ? c.getName() : "its cell";
	}

	private String inherited(Layer l) {
		return "Layer " + (l == null ? "?" : l.getName()) + " is inherited from " + owner(l);
	}

	/** A message in the view (the line under the drawing), not only in the status line. */
	private void tell(String message) {
		if (status != null && !status.isDisposed()) {
			status.setText(message);
			status.getParent().layout(true);
		}
	}

	/** The line under the drawing: hints, and why an action was refused. */
	public String message() {
		return status.getText();
	}

	// ------------------------------------------------------------------ context menu

	void fillContextMenu(org.eclipse.jface.action.IMenuManager m) {
		MenuManager insert = new MenuManager("Insert Layer");
		for (int i = 0; i < paletteMaterials.size(); i++) {
			Material material = paletteMaterials.get(i);
			if (material == null) continue; // a package's heading
			insert.add(new Action(shown(paletteLabels.get(i))) { @Override public void run() { insertAt(material, insertionBoundary()); } });
		}
		insert.setVisible(editable() && cell != null);
		m.add(insert);
		m.add(delete);
		m.add(new org.eclipse.jface.action.Separator());
		m.add(moveUp);
		m.add(moveDown);
		m.add(new org.eclipse.jface.action.Separator());
		m.add(properties);
		m.add(new org.eclipse.jface.action.Separator(org.eclipse.ui.IWorkbenchActionConstants.MB_ADDITIONS));
	}

	/** The context menu's entries ("Insert Layer/<material>", "Delete layer", ...), as the menu shows them now. */
	public List<String> contextMenuLabels() {
		MenuManager m = new MenuManager();
		fillContextMenu(m);
		List<String> out = new ArrayList<>();
		for (var item : m.getItems()) {
			if (item instanceof MenuManager sub) for (var i : sub.getItems())
				out.add(sub.getMenuText() + "/" + ((org.eclipse.jface.action.ActionContributionItem) i).getAction().getText());
			else if (item instanceof org.eclipse.jface.action.ActionContributionItem a)
				out.add(a.getAction().getText() + (a.getAction().isEnabled() ? "" : " (disabled)"));
		}
		return out;
	}

	/** Runs a context menu entry by its label as {@link #contextMenuLabels} gives it. */
	public void runContextMenu(String label) {
		MenuManager m = new MenuManager();
		fillContextMenu(m);
		for (var item : m.getItems()) {
			if (item instanceof MenuManager sub) for (var i : sub.getItems()) {
				var a = ((org.eclipse.jface.action.ActionContributionItem) i).getAction();
				if ((sub.getMenuText() + "/" + a.getText()).equals(label)) { a.run(); return; }
			} else if (item instanceof org.eclipse.jface.action.ActionContributionItem a && a.getAction().getText().equals(label)) {
				if (a.getAction().isEnabled()) a.getAction().run();
				return;
			}
		}
		throw new IllegalArgumentException("no context menu entry " + label + " in " + contextMenuLabels());
	}

	// ------------------------------------------------------------------ problems on the drawing

	/** The file's CellWright problem markers inside each drawn layer's text: slab index to highest severity. */
	private java.util.Map<Integer, Integer> problems() {
		java.util.Map<Integer, Integer> out = new java.util.HashMap<>();
		problemMessages.clear();
		org.eclipse.core.resources.IFile file = document == null ? null : DocumentModel.fileOf(document);
		if (file == null || cell == null || !file.exists()) return out;
		org.eclipse.core.resources.IMarker[] markers;
		try {
			markers = file.findMarkers(org.cellwright.editor.CellValidationReconciler.MARKER_TYPE, true, org.eclipse.core.resources.IResource.DEPTH_ZERO);
		} catch (org.eclipse.core.runtime.CoreException e) {
			return out;
		}
		List<StackModel.Slab> slabs = StackModel.slabs(cell);
		for (int i = 0; i < slabs.size(); i++) {
			Layer l = slabs.get(i).layer();
			if (l.eResource() != resource) continue; // a layer of a cell in another file: its markers are there
			var node = org.eclipse.xtext.nodemodel.util.NodeModelUtils.getNode(l);
			if (node == null) continue;
			for (var m : markers) {
				int at = m.getAttribute(org.eclipse.core.resources.IMarker.CHAR_START, -1);
				if (at < node.getOffset() || at >= node.getEndOffset()) continue;
				int sev = m.getAttribute(org.eclipse.core.resources.IMarker.SEVERITY, -1);
				out.merge(i, sev, Math::max);
				problemMessages.computeIfAbsent(i, k -> new ArrayList<>()).add((sev >= 2 ? "error: " : sev == 1 ? "warning: " : "")
						+ m.getAttribute(org.eclipse.core.resources.IMarker.MESSAGE, ""));
			}
		}
		return out;
	}

	private final java.util.Map<Integer, List<String>> problemMessages = new java.util.HashMap<>();

	private String problemText(int slab) {
		List<String> m = problemMessages.get(slab);
		return m == null ? null : String.join("\n", m);
	}

	/** The layers marked as having problems (layer name to highest severity), as drawn. */
	public java.util.Map<String, Integer> problemLayers() {
		java.util.Map<String, Integer> out = new java.util.TreeMap<>();
		List<StackModel.Slab> slabs = cell == null ? List.of() : StackModel.slabs(cell);
		problems().forEach((i, sev) -> out.put(slabs.get(i).layer().getName(), sev));
		return out;
	}

	/** The x of the middle of a drawn slab (for tests that drive the mouse). */
	public int slabCenter(int slab) {
		return painter.center(slab);
	}

	/** The layers of the last drawing, whose places the mouse hits (GTK may draw some time after a redraw is asked). */
	public List<Layer> paintedLayers() {
		return painter.lastSlabs.stream().map(StackModel.Slab::layer).toList();
	}

	public org.eclipse.swt.widgets.List palette() { return palette; }

	/** The slab boundary the drop indicator shows, or -1 (for tests). */
	public int dropIndicator() {
		return painter.dropBoundary;
	}

	/** Shows the drop indicator as a drag over x would (for tests). */
	public void dragOver(int x) {
		painter.dropBoundary = painter.boundaryAt(x);
		canvas.redraw();
	}

	/** Executes the command through the document's editing session (write-back into the text, undo history). */
	@Override
	public boolean execute(Command c) {
		if (!editable() || c == null) return false;
		boolean done = session.execute(c); // the session's listener shows the edited model, the selection kept
		if (!done && session.refusal() != null) tell("Not changed: " + session.refusal());
		updateActions();
		return done;
	}

	public void undo() {
		if (session != null && !session.undo() && session.refusal() != null) tell("Not undone: " + session.refusal());
		updateActions();
	}

	public void redo() {
		if (session != null && !session.redo() && session.refusal() != null) tell("Not redone: " + session.refusal());
		updateActions();
	}

	private int slabIndexOf(Layer layer) {
		List<StackModel.Slab> slabs = cell == null ? List.of() : StackModel.slabs(cell);
		for (int i = 0; i < slabs.size(); i++) if (slabs.get(i).layer() == layer) return i;
		return -1;
	}

	private Layer selectedLayer() {
		List<StackModel.Slab> slabs = cell == null ? List.of() : StackModel.slabs(cell);
		int i = painter.selected;
		return i >= 0 && i < slabs.size() ? slabs.get(i).layer() : null;
	}

	private ISelection currentSelection() {
		if (cell == null) return StructuredSelection.EMPTY;
		Layer l = selectedLayer();
		return new StructuredSelection(l != null ? new ModelPropertySource(l, l.eContainer() == cell, this) : new ModelPropertySource(cell, true, this));
	}

	private boolean firePending;

	/** Tells the Properties view (later: an edit applied from the property sheet must finish before its entries change). */
	private void selectionChanged() {
		if (firePending || canvas == null || canvas.isDisposed()) return;
		firePending = true;
		canvas.getDisplay().asyncExec(() -> {
			firePending = false;
			if (canvas.isDisposed()) return;
			SelectionChangedEvent e = new SelectionChangedEvent(selectionProvider, currentSelection());
			for (ISelectionChangedListener l : selectionListeners) l.selectionChanged(e);
		});
	}

	/** The selected layer as of the last selection change. */
	private Layer lastSelected;

	private void updateActions() {
		lastSelected = selectedLayer();
		selectionChanged();
		if (undo == null) return;
		boolean editable = editable();
		undo.setEnabled(session != null && session.canUndo());
		redo.setEnabled(session != null && session.canRedo());
		delete.setEnabled(editable && selectedLayer() != null);
		moveUp.setEnabled(editable && selectedOwnLayer() != null);
		moveDown.setEnabled(editable && selectedOwnLayer() != null);
	}

	/** Renders the diagram into a PNG file. */
	@Override
	public void exportPng(Path file, int width, int height) {
		DrawingExport.writePng(canvas.getDisplay(), width, height,
				gc -> painter.offScreen(() -> painter.paint(gc, new Rectangle(0, 0, width, height), cell, logScale.isChecked())), file);
	}

	/** The diagram as SVG: the same layout as on the screen and in the PNG. */
	@Override
	public String svg(int width, int height) {
		return painter.svg(width, height, cell, logScale.isChecked());
	}

	public void exportSvg(Path file, int width, int height) throws java.io.IOException {
		java.nio.file.Files.writeString(file, svg(width, height));
	}

	public Cell cell() { return cell; }

	/** The names offered in the cell choice. */
	public List<String> cellChoices() { return List.of(cellCombo.getItems()); }

	@Override
	public EditingDomain domain() { return session == null ? null : session.domain(); }

	@Override
	public boolean editable() { return session != null && resource != null && org.cellwright.lang.text.TextPatch.printable(resource) && !showsAnotherFilesCell(); }

	@Override
	public List<String> materialLabels() {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < paletteLabels.size(); i++) if (paletteMaterials.get(i) != null) out.add(shown(paletteLabels.get(i)));
		return out;
	}

	private org.cellwright.editor.properties.ReasonPropertySheetPage propertyPage;

	@Override
	public void refused(String reason) {
		if (propertyPage != null) propertyPage.showReason(reason);
	}

	/** The Properties view's page for this view's layers and cells: it shows why a typed value is refused. */
	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (adapter == org.eclipse.ui.views.properties.IPropertySheetPage.class) {
			propertyPage = new org.cellwright.editor.properties.ReasonPropertySheetPage();
			return adapter.cast(propertyPage);
		}
		return super.getAdapter(adapter);
	}

	public org.cellwright.editor.properties.ReasonPropertySheetPage propertyPage() { return propertyPage; }

	@Override
	public Material material(String label) { return paletteMaterial(label); }

	/** What the Properties view shows now: the selected layer or, with none selected, the cell. */
	public ModelPropertySource propertySource() {
		return currentSelection() instanceof StructuredSelection s && s.getFirstElement() instanceof ModelPropertySource p ? p : null;
	}

	public Canvas canvas() { return canvas; }

	public void setLogScale(boolean log) {
		logScale.setChecked(log);
		canvas.redraw();
	}

	public List<String> paletteItems() { return List.of(palette.getItems()); }

	public Material paletteMaterialNamed(String label) { return paletteMaterial(label); }

	public void select(int slabIndex) {
		painter.selected = slabIndex;
		updateActions();
		canvas.redraw();
	}

	public IDocument document() { return document; }

	@Override
	public void setFocus() {
		canvas.setFocus();
	}

	@Override
	public void dispose() {
		if (markerListener != null) org.eclipse.core.resources.ResourcesPlugin.getWorkspace().removeResourceChangeListener(markerListener);
		getSite().getPage().removePartListener(partListener);
		if (selections != null) selections.removeSelectionChangedListener(selectionFollower);
		if (session != null) session.removeListener(sessionListener);
		painter.dispose();
		super.dispose();
	}
}

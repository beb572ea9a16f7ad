package org.cellwright.diagram.ui;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import java.util.ArrayList;
import java.util.List;

import org.cellwright.diagram.DiagramSession;
import org.cellwright.diagram.ElementIssues;
import org.cellwright.editor.EditingSession;
import org.cellwright.lang.CellWrightChecker;
import org.cellwright.model.Model;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.widgets.Display;

/**
 * The diagram's session in the IDE: the editing session of the file's shared document (the one the text editor shows),
 * so a diagram edit appears in the open editor at once (unsaved, like typing; Save writes it), shares undo with the
 * other views, and typing in the editor redraws the diagram. A file outside the workspace is left to the default
 * session on the file.
 */
final class DocumentSessions {

	private DocumentSessions() {}

	static DiagramSession open(Path file) {
		IFile ifile = workspaceFile(file);
		if (ifile == null) return null;
		ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
		try {
			manager.connect(ifile.getFullPath(), LocationKind.IFILE, null);
		} catch (CoreException e) {
			return null;
		}
		ITextFileBuffer buffer = manager.getTextFileBuffer(ifile.getFullPath(), LocationKind.IFILE);
		DocumentSession s = new DocumentSession(file, ifile, buffer.getDocument());
		OPEN.add(s);
		return s;
	}

	private static final List<DocumentSession> OPEN = new java.util.concurrent.CopyOnWriteArrayList<>();

	/** Closes the sessions of the file (its diagram editor closed): the buffer is released, typing no longer redraws. */
	static void closeFor(Path file) {
		Path f = file.toAbsolutePath().normalize();
		for (DocumentSession s : OPEN) if (s.file.toAbsolutePath().normalize().equals(f)) s.close();
	}

	/**
	 * Writes the file's document when no editor but diagrams shows it (no text or table editor holds its dirty state
	 * and saves it): an edit in the diagram, or in a view following the diagram (the Stack view, Properties), is written
	 * as the page outside the IDE writes it. On the UI thread.
	 */
	static void commitIfNoEditor(IFile ifile) {
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(ifile.getFullPath(), LocationKind.IFILE);
		if (buffer == null || !buffer.isDirty() || editorOtherThanDiagramOn(ifile)) return;
		try {
			org.cellwright.editor.WholeSave.commit(buffer, null, true);
		} catch (CoreException e) {
			throw new IllegalStateException("writing " + ifile.getFullPath() + ": " + e.getMessage(), e);
		}
	}

	private static boolean editorOtherThanDiagramOn(IFile ifile) {
		if (!org.eclipse.ui.PlatformUI.isWorkbenchRunning()) return false;
		for (var window : org.eclipse.ui.PlatformUI.getWorkbench().getWorkbenchWindows())
			for (var page : window.getPages())
				for (var ref : page.getEditorReferences()) {
					if (CellDiagramEditor.ID.equals(ref.getId())) continue;
					try {
						if (ifile.equals(ref.getEditorInput().getAdapter(IFile.class))) return true;
					} catch (org.eclipse.ui.PartInitException e) {
						// an editor whose input cannot be restored shows no document
					}
				}
		return false;
	}

	static IFile workspaceFile(Path file) {
		IFile[] found = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(file.toUri());
		for (IFile f : found) if (f.exists()) return f;
		return null;
	}

	static <T> T ui(Supplier<T> s) {
		Display d = Display.getDefault();
		if (Display.getCurrent() == d) return s.get();
		AtomicReference<T> out = new AtomicReference<>();
		AtomicReference<RuntimeException> failure = new AtomicReference<>();
		d.syncExec(() -> {
			try {
				out.set(s.get());
			} catch (RuntimeException e) {
				failure.set(e);
			}
		});
		if (failure.get() != null) throw failure.get();
		return out.get();
	}

	/**
	 * The diagram's session over the IDE's one editing session of the document ({@link EditingSession}: one parse per
	 * text change, one command history shared with the Stack view, Properties and the table; edits written as text
	 * spans, comments kept). Calls come from the GLSP server's thread and run on the UI thread.
	 */
	static final class DocumentSession implements DiagramSession {
		private final Path file;
		private final IFile ifile;
		private final IDocument document;
		private final EditingSession session;
		private final EditingSession.Listener changes;
		private volatile Runnable listener;
		private String issuesText;
		private List<CellWrightChecker.CheckIssue> issues = List.of();
		private List<ElementIssue> elementIssues = List.of();

		DocumentSession(Path file, IFile ifile, IDocument document) {
			this.file = file;
			this.ifile = ifile;
			this.document = document;
			this.session = ui(() -> EditingSession.of(document));
			// the parse the diagram opens with: read here (off the UI thread, as the server reads) and drawn at load.
			// The editing session announces a parse made off the UI thread later, on the UI thread; taken for a change,
			// it redrew the diagram just after the page had loaded, and a double-click on a name then got no edit:
			// the redraw moved the node (sprotty brings the node clicked first to the front, the server's model has
			// it in its place) between the clicks, and the browser drops a click whose node left the page.
			// (held until the next announcement only: a later one is of a newer model, the first is never announced again)
			AtomicReference<XtextResource> opened = new AtomicReference<>(session.current());
			this.changes = (model, change) -> {
				if (opened.getAndSet(null) == model && change == EditingSession.Change.PARSED) return;
				Runnable l = listener;
				if (l != null) l.run();
			};
			ui(() -> {
				session.addListener(changes);
				return null;
			});
		}

		@Override
		public Model model() {
			return ui(() -> modelOf(session.current()));
		}

		/** The reader runs on the server's thread under the editing session's lock (the views and the reconciler read the same model). */
		@Override
		public <T> T read(java.util.function.Function<Model, T> reader) {
			return session.readLocked(() -> reader.apply(modelOf(session.current())));
		}

		private static Model modelOf(XtextResource r) {
			return r == null || r.getContents().isEmpty() || !(r.getContents().get(0) instanceof Model m) ? null : m;
		}

		@Override
		public EditingDomain domain() { return session.domain(); }

		@Override
		public boolean execute(Command command) {
			return ui(() -> {
				boolean done = session.execute(command);
				commitIfNoEditor();
				return done;
			});
		}

		@Override
		public String refusal() { return session.refusal(); }

		/** The editing session renames a layer in every file of the workspace that names it (LayerRenameAcrossFiles). */
		@Override
		public boolean renamesOtherFiles() { return true; }

		/** The editing session asks in the IDE (LayerRenameAcrossFiles' dialog) unless the page asked already. */
		@Override
		public boolean asksTheUser() { return true; }

		/**
		 * What a page in an ordinary browser asks before a layer rename that cells of other files of the workspace name
		 * (the IDE's plan, {@link org.cellwright.editor.references.LayerRenameAcrossFiles}: read with progress in the IDE).
		 */
		@Override
		public Asked ask(Command command) {
			if (command instanceof org.cellwright.diagram.CellOperations.Delete.Deletion d) return ui(() -> refusal(d));
			org.cellwright.lang.model.Cells.LayerRename rename = org.cellwright.lang.model.Cells.LayerRename.in(command);
			if (rename == null) return null;
			var plan = ui(() -> org.cellwright.editor.references.LayerRenameAcrossFiles.planWithProgress(session, ifile, document.get(), rename));
			return plan.refusal() == null && plan.isEmpty() ? null : new Asked(plan.refusal(), plan.question());
		}

		/**
		 * Why the diagram's delete is refused beyond the files read with the model: cells of other files of the
		 * workspace (other folders too) name a deleted layer, found as the Stack view's Delete finds them
		 * ({@link org.cellwright.editor.references.LayerRenameAcrossFiles#namesInOtherFilesWithProgress}, with progress
		 * and Cancel), or the search was cancelled; null if none.
		 */
		private Asked refusal(org.cellwright.diagram.CellOperations.Delete.Deletion d) {
			List<org.cellwright.model.Layer> layers = d.layers();
			if (layers.isEmpty()) return null;
			// the workspace's files read once for all the deleted layers (before session 26: once per layer)
			List<List<String>> uses = org.cellwright.editor.references.LayerRenameAcrossFiles.namesInOtherFilesWithProgress(session, ifile, document.get(), layers, null);
			if (uses == null) return new Asked("Nothing deleted: the search of the workspace's files for the cells naming the layers was cancelled.", null);
			for (int i = 0; i < layers.size(); i++) {
				org.cellwright.model.Layer l = layers.get(i);
				List<String> where = uses.get(i);
				if (!where.isEmpty()) return new Asked(session.readLocked(() -> org.cellwright.diagram.CellOperations.Delete.namedInOtherFiles(l, where)), null);
			}
			return null;
		}

		@Override
		public boolean canUndo() { return ui(session::canUndo); }

		@Override
		public boolean canRedo() { return ui(session::canRedo); }

		@Override
		public void undo() {
			ui(() -> {
				session.undo();
				commitIfNoEditor();
				return null;
			});
		}

		@Override
		public void redo() {
			ui(() -> {
				session.redo();
				commitIfNoEditor();
				return null;
			});
		}

		/** No editor shows the document: write the file, as the page outside the IDE does. */
		private void commitIfNoEditor() {
			DocumentSessions.commitIfNoEditor(ifile);
		}

		@Override
		public List<CellWrightChecker.CheckIssue> issues() {
			validate();
			return issues;
		}

		@Override
		public List<ElementIssue> elementIssues() {
			validate();
			return elementIssues;
		}

		/** The language's findings on the session's parse of the current text (validated once per text). */
		private synchronized void validate() {
			String text = ui(document::get);
			if (text.equals(issuesText)) return;
			List<CellWrightChecker.CheckIssue> found = new ArrayList<>();
			// the elements are looked up in the model under the session's lock too (the views read it meanwhile)
			List<ElementIssue> onElements = session.read(text, r -> {
				for (Issue i : r.getResourceServiceProvider().getResourceValidator().validate(r, CheckMode.ALL, CancelIndicator.NullImpl)) {
					CellWrightChecker.Severity sev = switch (i.getSeverity()) {
					case ERROR -> CellWrightChecker.Severity.ERROR;
					case WARNING -> CellWrightChecker.Severity.WARNING;
					default -> CellWrightChecker.Severity.INFO;
					};
					found.add(new CellWrightChecker.CheckIssue(file.toString(), i.getLineNumber() == null ? 1 : i.getLineNumber(),
							i.getColumn() == null ? 1 : i.getColumn(), sev, i.getMessage(), i.getCode()));
				}
				return ElementIssues.of(modelOf(r), found);
			});
			issues = found;
			elementIssues = onElements == null ? ElementIssues.of(null, found) : onElements;
			issuesText = text;
		}

		@Override
		public void onExternalChange(Runnable l) {
			listener = l;
		}

		@Override
		public void close() {
			if (!OPEN.remove(this)) return;
			listener = null;
			ui(() -> {
				session.removeListener(changes);
				try {
					FileBuffers.getTextFileBufferManager().disconnect(ifile.getFullPath(), LocationKind.IFILE, null);
				} catch (CoreException e) {
					// the buffer is gone already
				}
				return null;
			});
		}
	}
}

package org.cellwright.diagram.ui;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.cellwright.diagram.DiagramSession;
import org.cellwright.diagram.TextSession;
import org.cellwright.lang.text.TextPatch;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.swt.widgets.Display;

/**
 * The diagram's session in the IDE: the file's shared text buffer (the same document the text editor shows), so a
 * diagram edit appears in the open editor at once (unsaved, like typing; Save writes it) and typing in the editor
 * redraws the diagram. A file outside the workspace is left to the default session on the file.
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
		IDocument document = buffer.getDocument();
		return new DocumentSession(file, ifile, buffer, document);
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

	/** A text session on the shared document of a workspace file. */
	static final class DocumentSession extends TextSession {
		private final IFile ifile;
		private final IDocument document;
		private final IDocumentListener typing;
		private volatile Runnable listener;
		private volatile boolean writing;

		DocumentSession(Path file, IFile ifile, ITextFileBuffer buffer, IDocument document) {
			super(file, new Text() {
				@Override
				public String read() {
					return ui(document::get);
				}

				@Override
				public void write(TextPatch patch, String result) {
					ui(() -> {
						try {
							document.replace(patch.offset(), patch.length(), patch.text());
							// no editor holds the buffer: write the file as the plain page would
							if (!buffer.isShared()) buffer.commit(null, true);
						} catch (BadLocationException | CoreException e) {
							throw new IllegalStateException("writing the diagram's edit into " + ifile.getFullPath() + ": " + e, e);
						}
						return null;
					});
				}
			});
			this.ifile = ifile;
			this.document = document;
			this.typing = new IDocumentListener() {
				@Override
				public void documentAboutToBeChanged(DocumentEvent event) {}

				@Override
				public void documentChanged(DocumentEvent event) {
					Runnable l = listener;
					if (l != null && !writing) l.run();
				}
			};
			ui(() -> {
				document.addDocumentListener(typing);
				return null;
			});
		}

		@Override
		public boolean execute(org.eclipse.emf.common.command.Command command) {
			writing = true;
			try {
				return super.execute(command);
			} finally {
				writing = false;
			}
		}

		@Override
		public void undo() {
			writing = true;
			try {
				super.undo();
			} finally {
				writing = false;
			}
		}

		@Override
		public void redo() {
			writing = true;
			try {
				super.redo();
			} finally {
				writing = false;
			}
		}

		@Override
		public void onExternalChange(Runnable l) {
			listener = l;
		}

		@Override
		public void close() {
			listener = null;
			ui(() -> {
				document.removeDocumentListener(typing);
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

package org.cellwright.editor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

import org.eclipse.core.resources.IStorage;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IPersistableElement;
import org.eclipse.ui.IStorageEditorInput;

/**
 * A file of the standard library (or another library outside the workspace) opened read-only: the text comes from
 * the bundle, the editor offers no editing and no Save (opened as a file, it was editable and saved into the
 * product's OSGi cache). The name and content type are the file's, so colouring, hover and F3 work as for any
 * .cell file. Also any other file that must not change ({@link #readOnly}: a kept fit's fitted.cell).
 */
public final class LibraryEditorInput implements IStorageEditorInput {

	/** The editor such an input opens in (the generic text editor, with the .cell colouring, hover and F3). */
	public static final String EDITOR = "org.eclipse.ui.genericeditor.GenericEditor";

	private final URI uri;
	private final String what;

	public LibraryEditorInput(URI uri) {
		this(uri, "library");
	}

	/**
	 * A file that must not change opened read-only, {@code what} saying what it is in the editor's tooltip: e.g. a kept
	 * fit's {@code fitted.cell} in the run store, which opened writable so that a save changed the fit's record.
	 */
	public LibraryEditorInput(URI uri, String what) {
		this.uri = uri;
		this.what = what;
	}

	/** A file on disk opened read-only (see {@link #LibraryEditorInput(URI, String)}). */
	public static LibraryEditorInput readOnly(java.nio.file.Path file, String what) {
		return new LibraryEditorInput(URI.createFileURI(file.toAbsolutePath().toString()), what);
	}

	public URI uri() {
		return uri;
	}

	@Override
	public IStorage getStorage() {
		return new IStorage() {
			@Override
			public InputStream getContents() throws CoreException {
				try {
					return new URL(uri.toString()).openStream();
				} catch (IOException e) {
					throw new CoreException(Status.error("cannot read " + uri, e));
				}
			}

			@Override public IPath getFullPath() { return null; }
			@Override public String getName() { return LibraryEditorInput.this.getName(); }
			@Override public boolean isReadOnly() { return true; }
			@Override public <T> T getAdapter(Class<T> adapter) { return null; }
		};
	}

	@Override public boolean exists() { return true; }
	@Override public ImageDescriptor getImageDescriptor() { return null; }
	@Override public String getName() { return uri.lastSegment(); }
	@Override public IPersistableElement getPersistable() { return null; }
	@Override public String getToolTipText() { return uri.lastSegment() + " (" + what + ", read-only): " + (uri.isFile() ? uri.toFileString() : uri); }
	@Override public <T> T getAdapter(Class<T> adapter) { return null; }

	@Override
	public boolean equals(Object o) {
		return o instanceof LibraryEditorInput other && other.uri.equals(uri);
	}

	@Override
	public int hashCode() {
		return uri.hashCode();
	}
}

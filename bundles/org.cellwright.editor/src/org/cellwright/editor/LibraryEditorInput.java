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
 * .cell file.
 */
public final class LibraryEditorInput implements IStorageEditorInput {

	private final URI uri;

	public LibraryEditorInput(URI uri) {
		this.uri = uri;
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
	@Override public String getToolTipText() { return uri.lastSegment() + " (library, read-only): " + uri; }
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

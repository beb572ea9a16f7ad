package org.cellwright.editor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.jface.text.IDocument;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

/**
 * The model behind an editor: the document's current text parsed by the language, in a resource set with the
 * other .cell files of its folder (as saved); the standard library is found by the language's scoping.
 */
public final class DocumentModel {

	private DocumentModel() {}

	/** The URI scheme of a document that is no workspace file (a library file opened read-only). */
	public static final String SYNTHETIC = "synthetic";

	/** The workspace file an editor document belongs to, or null. */
	public static IFile fileOf(IDocument document) {
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
		if (buffer == null || buffer.getLocation() == null) return null;
		return ResourcesPlugin.getWorkspace().getRoot().getFile(buffer.getLocation());
	}

	/** Parses and links the text; never throws for bad input (syntax errors are in the resource's errors). */
	public static XtextResource parse(IFile file, String text) {
		XtextResourceSet rs = CellLanguage.injector().getInstance(XtextResourceSet.class);
		// every resource of this set is made by the editor's injector: its grammar access must match the one of
		// the .ide services (the global registry may hold another injector's factory, e.g. the command line's)
		rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("cell",
				CellLanguage.injector().getInstance(org.eclipse.xtext.resource.IResourceFactory.class));
		URI uri = file != null ? URI.createPlatformResourceURI(file.getFullPath().toString(), true)
				: URI.createURI(SYNTHETIC + ":/document.cell");
		if (file != null) {
			try {
				IContainer parent = file.getParent();
				for (IResource member : parent.isAccessible() ? parent.members() : new IResource[0]) {
					if (member instanceof IFile f && "cell".equals(f.getFileExtension()) && !f.equals(file) && f.exists())
						rs.getResource(URI.createPlatformResourceURI(f.getFullPath().toString(), true), true);
				}
			} catch (CoreException | RuntimeException e) {
				// neighbours that cannot be read only weaken name resolution
			}
		}
		Resource r = rs.createResource(uri);
		try {
			r.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), rs.getLoadOptions());
		} catch (IOException e) {
			// an in-memory stream does not fail to read
		}
		EcoreUtil.resolveAll(r);
		return (XtextResource) r;
	}

	public static XtextResource parse(IDocument document) {
		return parse(fileOf(document), document.get());
	}

	/**
	 * Runs a reader of the model of a document's current text for services that only read it (hover, hyperlinks,
	 * quick fixes): the document's {@link EditingSession} parses each text once for all of them and for the views, and
	 * the reader runs under the session's lock (the views and the reconciler read the same model on other threads).
	 * Readers must not change the model nor keep it for later.
	 */
	public static <T> T readCached(IDocument document, java.util.function.Function<XtextResource, T> reader) {
		return EditingSession.of(document).read(reader);
	}
}

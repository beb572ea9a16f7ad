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

	private record Parsed(String text, XtextResource resource) {}

	private static final java.util.Map<IDocument, Parsed> LAST = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

	/**
	 * The model of a document's current text for services that only read it (hover, hyperlinks, quick fixes): parsed
	 * once per text, not once per request (a hover parsed and linked the file, its folder and the library every
	 * time it showed). Callers must not change the model.
	 */
	public static XtextResource parseCached(IDocument document) {
		String text = document.get();
		Parsed p = LAST.get(document);
		if (p != null && p.text().equals(text)) return p.resource();
		XtextResource r = parse(fileOf(document), text);
		LAST.put(document, new Parsed(text, r));
		return r;
	}

	/**
	 * Parses the document's current text off the UI thread (parsing and linking a file of thousands of lines takes
	 * long enough to freeze typing) and hands the model to {@code apply} on the UI thread, unless the owner was
	 * disposed or the text changed meanwhile (then the next scheduled parse delivers). Views call this from their
	 * debounced document listeners.
	 */
	public static void parseInBackground(IDocument document, org.eclipse.swt.widgets.Control owner,
			java.util.function.Consumer<XtextResource> apply) {
		if (document == null || owner == null || owner.isDisposed()) return;
		IFile file = fileOf(document);
		String text = document.get();
		org.eclipse.swt.widgets.Display display = owner.getDisplay();
		org.eclipse.core.runtime.jobs.Job job = org.eclipse.core.runtime.jobs.Job.create("Reading " + (file != null ? file.getName() : "document"), m -> {
			XtextResource r = parse(file, text);
			if (!display.isDisposed()) display.asyncExec(() -> {
				if (!owner.isDisposed() && text.equals(document.get())) apply.accept(r);
			});
		});
		job.setSystem(true);
		job.schedule();
	}
}

package org.cellwright.editor.references;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.editor.CellLanguage;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

/**
 * Find References: the element named or referenced at an offset (a material, cell, protocol, experiment) and every
 * reference to it in the .cell files of the workspace, read together in one resource set (the edited file with its
 * unsaved text) and linked by the language. Matches compare the element's kind and qualified name, so a reference
 * counts whichever resource the linker resolved it into.
 */
public final class FindReferences {

	/** One reference: the file, its 1-based line, offset and length of the reference's text, and the line's text. */
	public record Match(IFile file, int line, int offset, int length, String lineText) {
		@Override
		public String toString() {
			return file.getFullPath().toString().substring(1) + ":" + line + ": " + lineText.strip();
		}
	}

	/**
	 * What was looked for and what was found: the references in {@code searched} of the workspace's {@code files}
	 * .cell files (fewer when the search was cancelled: {@link #cancelled()}).
	 */
	public record Result(String kind, String name, List<Match> matches, int searched, int files) {
		/** True if the search was cancelled before every file was read: the references of the files read. */
		public boolean cancelled() {
			return searched < files;
		}
	}

	private FindReferences() {}

	/**
	 * The references to the element at {@code offset} of {@code text} (the current text of {@code file}), or null if
	 * no named element is there.
	 */
	public static Result find(IFile file, String text, int offset) {
		return find(file, text, offset, null);
	}

	/**
	 * {@link #find(IFile, String, int)}, the monitor told of each file read. Cancelled, as Eclipse's search is: the
	 * references in the files read until then ({@code file} always), the result saying so ({@link Result#cancelled()}).
	 */
	public static Result find(IFile file, String text, int offset, org.eclipse.core.runtime.IProgressMonitor monitor) {
		Workspace ws = read(file, text, monitor, true);
		XtextResource edited = ws.edited();
		if (edited == null || edited.getParseResult() == null) return null;
		EObjectAtOffsetHelper at = CellLanguage.injector().getInstance(EObjectAtOffsetHelper.class);
		EObject target = at.resolveCrossReferencedElementAt(edited, offset);
		if (target == null) target = at.resolveElementAt(edited, offset);
		IQualifiedNameProvider names = CellLanguage.injector().getInstance(IQualifiedNameProvider.class);
		QualifiedName name = target == null || target.eIsProxy() ? null : names.getFullyQualifiedName(target);
		if (name == null) return null;
		List<Match> out = new ArrayList<>();
		references(ws, target, (r, o, n) -> {
			IFile f = fileOf(r);
			out.add(new Match(f, n.getStartLine(), n.getOffset(), n.getLength(), lineOf(ws.texts().getOrDefault(r, ""), n.getOffset())));
		});
		out.sort(java.util.Comparator.comparing((Match m) -> m.file().getFullPath().toString()).thenComparingInt(Match::offset));
		return new Result(target.eClass().getName().toLowerCase(), name.toString(), out, ws.searched(), ws.files());
	}

	/**
	 * The .cell files of the workspace read together in one resource set and linked by the language: {@code file} with
	 * {@code text}, every other file as its open document holds it (unsaved text) or else as saved; each resource's
	 * text as read; {@code searched} of the workspace's {@code files} .cell files were read (fewer if cancelled).
	 */
	public record Workspace(XtextResourceSet set, XtextResource edited, java.util.Map<Resource, String> texts, int searched, int files) {}

	/** Reads the workspace's .cell files ({@link Workspace}). */
	public static Workspace read(IFile file, String text) {
		return read(file, text, null);
	}

	/**
	 * Reads the workspace's .cell files ({@link Workspace}), the monitor told of each file; cancelled,
	 * {@link org.eclipse.core.runtime.OperationCanceledException}.
	 */
	public static Workspace read(IFile file, String text, org.eclipse.core.runtime.IProgressMonitor monitor) {
		return read(file, text, monitor, false);
	}

	/**
	 * {@link #read(IFile, String, org.eclipse.core.runtime.IProgressMonitor)}; {@code partial}: cancelled, the files
	 * read until then are linked and returned ({@code file} is read first, always) instead of throwing.
	 */
	private static Workspace read(IFile file, String text, org.eclipse.core.runtime.IProgressMonitor monitor, boolean partial) {
		XtextResourceSet rs = CellLanguage.injector().getInstance(XtextResourceSet.class);
		rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("cell",
				CellLanguage.injector().getInstance(org.eclipse.xtext.resource.IResourceFactory.class));
		List<IFile> files = cellFiles();
		files.remove(file);
		files.add(0, file); // the edited file first: what is searched for is in it
		java.util.Map<Resource, String> texts = new java.util.LinkedHashMap<>();
		XtextResource edited = null;
		int searched = 0;
		org.eclipse.core.runtime.SubMonitor progress = org.eclipse.core.runtime.SubMonitor.convert(monitor, "Reading the .cell files", files.size() + 1);
		for (IFile f : files) {
			if (partial && searched > 0 && progress.isCanceled()) break;
			if (partial) progress.worked(1);
			else progress.split(1); // throws if cancelled
			searched++;
			progress.subTask(f.getFullPath().makeRelative().toString());
			URI uri = URI.createPlatformResourceURI(f.getFullPath().toString(), true);
			try {
				String source = f.equals(file) ? text : openText(f);
				if (source == null) source = savedText(f);
				Resource r = rs.getResource(uri, false);
				if (r == null) {
					r = rs.createResource(uri);
					r.load(new ByteArrayInputStream(source.getBytes(StandardCharsets.UTF_8)), rs.getLoadOptions());
				}
				texts.put(r, source);
				if (f.equals(file)) edited = (XtextResource) r;
			} catch (IOException | CoreException | RuntimeException e) {
				// a file that cannot be read has no references to report
			}
		}
		if (partial) progress.worked(1);
		else progress.split(1);
		progress.subTask("Linking the files' references");
		EcoreUtil.resolveAll(rs);
		return new Workspace(rs, edited, texts, searched, files.size());
	}

	/** The text of the file's open document (a text file buffer: an editor, a diagram), or null if none is open. */
	public static String openText(IFile f) {
		org.eclipse.core.filebuffers.ITextFileBuffer b = org.eclipse.core.filebuffers.FileBuffers.getTextFileBufferManager()
				.getTextFileBuffer(f.getFullPath(), org.eclipse.core.filebuffers.LocationKind.IFILE);
		return b == null ? null : b.getDocument().get();
	}

	/** The file's text as saved (its charset). */
	public static String savedText(IFile f) throws CoreException, IOException {
		try (var in = f.getContents(true)) {
			return new String(in.readAllBytes(), java.nio.charset.Charset.forName(f.getCharset()));
		}
	}

	/** The workspace file of a resource read by {@link #read}. */
	public static IFile fileOf(Resource r) {
		return ResourcesPlugin.getWorkspace().getRoot().getFile(new org.eclipse.core.runtime.Path(r.getURI().toPlatformString(true)));
	}

	/** Told of each reference found: the resource, the object whose reference it is, and the reference's text (node). */
	@FunctionalInterface
	public interface Found {
		void found(Resource r, EObject referrer, INode node);
	}

	/**
	 * Every reference to {@code target} in the workspace's files, by the language's linking: the objects whose
	 * (non-containment) references resolve to an element of the target's kind and qualified name.
	 */
	public static void references(Workspace ws, EObject target, Found found) {
		IQualifiedNameProvider names = CellLanguage.injector().getInstance(IQualifiedNameProvider.class);
		QualifiedName name = names.getFullyQualifiedName(target);
		if (name == null) return;
		for (Resource r : new ArrayList<>(ws.set().getResources())) {
			if (!(r instanceof XtextResource) || !r.getURI().isPlatformResource()) continue;
			for (TreeIterator<EObject> it = r.getAllContents(); it.hasNext();) {
				EObject o = it.next();
				for (EReference ref : o.eClass().getEAllReferences()) {
					if (ref.isContainment() || ref.isContainer() || !ref.getEReferenceType().isSuperTypeOf(target.eClass())) continue;
					List<INode> nodes = NodeModelUtils.findNodesForFeature(o, ref);
					List<?> values = ref.isMany() ? (List<?>) o.eGet(ref, true) : java.util.Collections.singletonList(o.eGet(ref, true));
					for (int i = 0; i < values.size() && i < nodes.size(); i++) {
						if (!(values.get(i) instanceof EObject v) || v.eIsProxy() || v.eClass() != target.eClass()) continue;
						if (!name.equals(names.getFullyQualifiedName(v))) continue;
						found.found(r, o, nodes.get(i));
					}
				}
			}
		}
	}

	private static String lineOf(String text, int offset) {
		if (offset < 0 || offset > text.length()) return "";
		int s = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
		int e = text.indexOf('\n', offset);
		return text.substring(s, e < 0 ? text.length() : e);
	}

	/** The .cell files of the open projects. */
	static List<IFile> cellFiles() {
		List<IFile> out = new ArrayList<>();
		try {
			ResourcesPlugin.getWorkspace().getRoot().accept(r -> {
				if (r instanceof IFile f && "cell".equals(f.getFileExtension())) out.add(f);
				return r.getType() != IResource.FILE && (r.getType() != IResource.PROJECT || r.isAccessible());
			});
		} catch (CoreException e) {
			// an unreadable part of the workspace is skipped
		}
		return out;
	}
}

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

	/** What was looked for and what was found. */
	public record Result(String kind, String name, List<Match> matches) {}

	private FindReferences() {}

	/**
	 * The references to the element at {@code offset} of {@code text} (the current text of {@code file}), or null if
	 * no named element is there.
	 */
	public static Result find(IFile file, String text, int offset) {
		XtextResourceSet rs = CellLanguage.injector().getInstance(XtextResourceSet.class);
		rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("cell",
				CellLanguage.injector().getInstance(org.eclipse.xtext.resource.IResourceFactory.class));
		List<IFile> files = cellFiles();
		if (!files.contains(file)) files.add(0, file);
		XtextResource edited = null;
		for (IFile f : files) {
			URI uri = URI.createPlatformResourceURI(f.getFullPath().toString(), true);
			try {
				if (f.equals(file)) {
					Resource r = rs.createResource(uri);
					r.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), rs.getLoadOptions());
					edited = (XtextResource) r;
				} else {
					rs.getResource(uri, true);
				}
			} catch (IOException | RuntimeException e) {
				// a file that cannot be read has no references to report
			}
		}
		if (edited == null || edited.getParseResult() == null) return null;
		EObjectAtOffsetHelper at = CellLanguage.injector().getInstance(EObjectAtOffsetHelper.class);
		EObject target = at.resolveCrossReferencedElementAt(edited, offset);
		if (target == null) target = at.resolveElementAt(edited, offset);
		IQualifiedNameProvider names = CellLanguage.injector().getInstance(IQualifiedNameProvider.class);
		QualifiedName name = target == null || target.eIsProxy() ? null : names.getFullyQualifiedName(target);
		if (name == null) return null;
		EcoreUtil.resolveAll(rs);
		List<Match> out = new ArrayList<>();
		for (Resource r : new ArrayList<>(rs.getResources())) {
			if (!(r instanceof XtextResource xr) || !r.getURI().isPlatformResource()) continue;
			IFile f = ResourcesPlugin.getWorkspace().getRoot().getFile(new org.eclipse.core.runtime.Path(r.getURI().toPlatformString(true)));
			String source = r == edited ? text : xr.getParseResult() == null ? "" : xr.getParseResult().getRootNode().getText();
			for (TreeIterator<EObject> it = r.getAllContents(); it.hasNext();) {
				EObject o = it.next();
				for (EReference ref : o.eClass().getEAllReferences()) {
					if (ref.isContainment() || ref.isContainer() || !ref.getEReferenceType().isSuperTypeOf(target.eClass())) continue;
					List<INode> nodes = NodeModelUtils.findNodesForFeature(o, ref);
					List<?> values = ref.isMany() ? (List<?>) o.eGet(ref, true) : java.util.Collections.singletonList(o.eGet(ref, true));
					for (int i = 0; i < values.size() && i < nodes.size(); i++) {
						if (!(values.get(i) instanceof EObject v) || v.eIsProxy() || v.eClass() != target.eClass()) continue;
						if (!name.equals(names.getFullyQualifiedName(v))) continue;
						INode n = nodes.get(i);
						out.add(new Match(f, n.getStartLine(), n.getOffset(), n.getLength(), lineOf(source, n.getOffset())));
					}
				}
			}
		}
		out.sort(java.util.Comparator.comparing((Match m) -> m.file().getFullPath().toString()).thenComparingInt(Match::offset));
		return new Result(target.eClass().getName().toLowerCase(), name.toString(), out);
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

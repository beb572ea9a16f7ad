package org.cellwright.editor;


import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Path;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;

/** Ctrl+click / F3 on a reference opens its definition, in this file, another file or the standard library. */
public class CellHyperlinkDetector extends AbstractHyperlinkDetector {

	static final String GENERIC_EDITOR = LibraryEditorInput.EDITOR;

	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
		Target t = DocumentModel.readCached(viewer.getDocument(), r -> targetAt(r, region.getOffset()));
		return t == null ? null : new IHyperlink[] { t };
	}

	/** The definition a reference at an offset leads to, or null. */
	public static Target targetAt(XtextResource resource, int offset) {
		if (resource.getParseResult() == null) return null;
		EObjectAtOffsetHelper helper = CellLanguage.injector().getInstance(EObjectAtOffsetHelper.class);
		EObject target = helper.resolveCrossReferencedElementAt(resource, offset);
		if (target == null || target.eIsProxy() || target.eResource() == null) return null;
		INode node = helper.getCrossReferenceNode(resource, new org.eclipse.xtext.util.TextRegion(offset, 0));
		if (node == null) return null;
		return definition(target, new Region(node.getOffset(), node.getLength()), NodeModelUtils.getTokenText(node));
	}

	/** A link from a region (of the text, or none) to an element's definition: its name selected in its file. */
	public static Target definition(EObject target, IRegion from, String name) {
		ITextRegion at = CellLanguage.injector().getInstance(ILocationInFileProvider.class).getSignificantTextRegion(target);
		return new Target(from, target.eResource().getURI(), at.getOffset(), at.getLength(), name);
	}

	/** A link to a region of a file. */
	public record Target(IRegion region, URI uri, int offset, int length, String name) implements IHyperlink {
		@Override public IRegion getHyperlinkRegion() { return region; }
		@Override public String getTypeLabel() { return "Open Definition"; }
		@Override public String getHyperlinkText() { return "Open definition of " + name; }

		@Override
		public void open() {
			IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
			try {
				IEditorPart editor;
				if (uri.isPlatformResource()) {
					IFile file = ResourcesPlugin.getWorkspace().getRoot().getFile(new Path(uri.toPlatformString(true)));
					editor = IDE.openEditor(page, file, true);
				} else if (DocumentModel.SYNTHETIC.equals(uri.scheme())) {
					editor = page.getActiveEditor(); // a definition in the file shown (a library file read-only)
				} else {
					// a library file (in a bundle): read-only, never saved into the product's cache
					editor = IDE.openEditor(page, new LibraryEditorInput(uri), GENERIC_EDITOR, true);
				}
				if (editor instanceof ITextEditor te) te.selectAndReveal(offset, length);
			} catch (CoreException e) {
				ILog.of(CellHyperlinkDetector.class).error("cannot open " + uri, e);
			}
		}
	}
}

package org.cellwright.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.cellwright.lang.units.Units;
import org.cellwright.lang.validation.CellWrightValidator;
import org.cellwright.library.StandardLibrary;
import org.cellwright.model.Model;
import org.cellwright.model.Quantity;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.eclipse.xtext.resource.XtextResource;

/**
 * Quick fixes (Ctrl+1) for an unknown unit (the closest known units), a unit of the wrong dimension (the units of the
 * dimensions expected there) and an unresolved import.
 */
public class CellQuickFixProcessor implements IQuickAssistProcessor {

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public boolean canFix(Annotation annotation) {
		return annotation instanceof MarkerAnnotation ma && fixable(ma.getMarker());
	}

	@Override
	public boolean canAssist(IQuickAssistInvocationContext context) {
		return false;
	}

	static boolean fixable(IMarker m) {
		String code = m.getAttribute(CellValidationReconciler.CODE, "");
		return code.equals(CellWrightValidator.UNKNOWN_UNIT) || code.equals(CellWrightValidator.UNRESOLVED_IMPORT)
				|| code.equals(CellWrightValidator.WRONG_DIMENSION);
	}

	@Override
	public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
		IAnnotationModel model = context.getSourceViewer().getAnnotationModel();
		IDocument doc = context.getSourceViewer().getDocument();
		List<ICompletionProposal> out = new ArrayList<>();
		if (model == null) return null;
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			Annotation a = it.next();
			if (!(a instanceof MarkerAnnotation ma) || !fixable(ma.getMarker())) continue;
			Position p = model.getPosition(a);
			if (p == null || context.getOffset() < p.getOffset() || context.getOffset() > p.getOffset() + p.getLength()) continue;
			out.addAll(fixes(doc, ma.getMarker()));
		}
		return out.isEmpty() ? null : out.toArray(ICompletionProposal[]::new);
	}

	/** The fixes for one marker (for the editor and for tests). */
	public static List<ICompletionProposal> fixes(IDocument doc, IMarker marker) {
		List<ICompletionProposal> out = new ArrayList<>();
		int start = marker.getAttribute(IMarker.CHAR_START, -1), end = marker.getAttribute(IMarker.CHAR_END, -1);
		if (start < 0 || end < start || end > doc.getLength()) return out;
		String text;
		try {
			text = doc.get(start, end - start);
		} catch (BadLocationException e) {
			return out;
		}
		String code = marker.getAttribute(CellValidationReconciler.CODE, "");
		if (code.equals(CellWrightValidator.UNKNOWN_UNIT)) {
			for (String u : Units.closest(text, 4))
				out.add(new CompletionProposal(u, start, end - start, u.length(), null, "Change unit to '" + u + "'", null, null));
		} else if (code.equals(CellWrightValidator.WRONG_DIMENSION)) {
			record Expected(boolean noUnit, List<String> units) {}
			Expected expected = DocumentModel.readCached(doc, r -> {
				Quantity q = quantityAt(r, start);
				return q == null ? null : new Expected(q.getUnit() == null || q.getUnit().isEmpty(), ExpectedUnits.units(q));
			});
			if (expected != null) {
				boolean noUnit = expected.noUnit();
				for (String u : expected.units()) {
					// the marker is on the unit, or on the number when the unit is missing (then the unit is added)
					String repl = noUnit ? text + " " + u : u;
					out.add(new CompletionProposal(repl, start, end - start, repl.length(), null,
							(noUnit ? "Add unit '" : "Change unit to '") + u + "'", null, null));
				}
			}
		} else if (code.equals(CellWrightValidator.UNRESOLVED_IMPORT)) {
			for (String pkg : knownPackages(doc, text)) {
				String repl = pkg + ".*";
				out.add(new CompletionProposal(repl, start, end - start, repl.length(), null, "Import " + repl, null, null));
			}
			try {
				IRegion line = doc.getLineInformationOfOffset(start);
				int len = line.getLength() + (line.getOffset() + line.getLength() < doc.getLength() ? 1 : 0);
				out.add(new CompletionProposal("", line.getOffset(), len, 0, null, "Remove this import", null, null));
			} catch (BadLocationException e) {
				// no removal offered
			}
		}
		return out;
	}

	/** The quantity written at an offset, or null. */
	static Quantity quantityAt(XtextResource r, int offset) {
		if (r == null || r.getParseResult() == null) return null;
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(r.getParseResult().getRootNode(), offset);
		for (EObject o = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf); o != null; o = o.eContainer())
			if (o instanceof Quantity q) return q;
		return null;
	}

	/** Packages that exist (standard library and this folder's files), the ones closest to what was written first. */
	static List<String> knownPackages(IDocument doc, String written) {
		Set<String> pkgs = new LinkedHashSet<>(StandardLibrary.PACKAGES);
		DocumentModel.readCached(doc, r -> {
			if (r.getResourceSet() != null)
				for (var res : r.getResourceSet().getResources())
					if (!res.getContents().isEmpty() && res.getContents().get(0) instanceof Model m && m.getName() != null && res != r)
						pkgs.add(m.getName());
			return null;
		});
		String base = written.endsWith(".*") ? written.substring(0, written.length() - 2) : written;
		List<String> sorted = new ArrayList<>(pkgs);
		sorted.sort(Comparator.comparingInt(p -> Units.distance(p, base)));
		return sorted.subList(0, Math.min(4, sorted.size()));
	}
}

package org.cellwright.editor;

import java.util.Locale;

import org.cellwright.lang.units.Units;
import org.cellwright.model.Cell;
import org.cellwright.model.Layer;
import org.cellwright.model.Material;
import org.cellwright.model.Property;
import org.cellwright.model.Protocol;
import org.cellwright.model.Quantity;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;

/** Hover: a referenced material's properties with units and sources; a unit's dimension and SI value. */
public class CellHover implements ITextHover {

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		String text = viewer.getDocument().get();
		int s = offset, e = offset;
		while (s > 0 && isWord(text.charAt(s - 1))) s--;
		while (e < text.length() && isWord(text.charAt(e))) e++;
		return new Region(s, e - s);
	}

	private static boolean isWord(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '/' || c == '%' || c == '-';
	}

	/**
	 * Where a problem is (the document's latest validation), the problem hover shows its message: this hover then adds
	 * nothing, so the hover is one box sized to the message, not a composite of a marker box and ours. The model is
	 * parsed once per text (hovering used to parse and link the file, its folder and the library each time: seconds).
	 */
	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		if (problemAt(viewer, region.getOffset())) return null;
		return DocumentModel.readCached(viewer.getDocument(), r -> info(r, region.getOffset())); // on the hover's thread
	}

	/** Whether a problem of the document's latest validation covers the offset ({@link CellTextHover#problems}). */
	static boolean problemAt(ITextViewer viewer, int offset) {
		return !CellTextHover.problems(viewer, offset).isEmpty();
	}

	/** What a hover at an offset shows, or null. */
	public static String info(XtextResource resource, int offset) {
		if (resource.getParseResult() == null) return null;
		EObjectAtOffsetHelper helper = CellLanguage.injector().getInstance(EObjectAtOffsetHelper.class);
		EObject target = helper.resolveCrossReferencedElementAt(resource, offset);
		if (target == null) {
			ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
			EObject here = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
			if (here instanceof Quantity q && q.getUnit() != null && !q.getUnit().isEmpty() && leaf.getText().trim().length() > 0)
				return unitInfo(q);
			target = helper.resolveElementAt(resource, offset);
		}
		if (target instanceof Material m && !m.eIsProxy()) return describe(m);
		if (target instanceof Cell c && !c.eIsProxy()) return "cell " + c.getName() + ": " + c.getLayers().size() + " layers";
		if (target instanceof Protocol p && !p.eIsProxy()) return "protocol " + p.getName() + ": " + p.getSteps().size() + " steps";
		if (target instanceof Layer l && l.getMaterial() != null && !l.getMaterial().eIsProxy())
			return "layer " + l.getName() + " of " + describe(l.getMaterial());
		return null;
	}

	/**
	 * "um: a length: nm, um, mm, cm, m\n10 um = 1e-05 m (SI)": the SI value always with its SI unit. An unknown unit
	 * is told as the validator tells it (the closest known units, case-sensitivity), not in a shorter text of its own.
	 */
	static String unitInfo(Quantity q) {
		return Units.find(q.getUnit()).map(u -> String.format(Locale.ROOT, "%s: %s%n%s %s = %s %s (SI)", u.symbol(),
				u.dimension().description(), fmt(q.getValue()), u.symbol(), si(u.toSI(q.getValue())), siUnit(u.dimension())))
				.orElseGet(() -> Units.unknownUnitMessage(q.getUnit()));
	}

	/** The SI unit's symbol; a fraction or plain number says so instead of printing a bare "1". */
	static String siUnit(org.cellwright.lang.units.Dimension d) {
		String s = d.siUnit();
		return s == null || s.isEmpty() || s.equals("1") ? "(dimensionless)" : s;
	}

	static String si(double v) {
		String s = String.format(Locale.ROOT, "%.6g", v);
		int e = s.indexOf('e');
		String mantissa = e < 0 ? s : s.substring(0, e), exponent = e < 0 ? "" : s.substring(e);
		if (mantissa.contains(".")) mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
		return mantissa + exponent;
	}

	static String describe(Material m) {
		StringBuilder b = new StringBuilder("material ").append(m.getName());
		if (m.getKind() != null) b.append(" (").append(m.getKind().getLiteral()).append(')');
		for (Property p : m.getProperties()) {
			b.append("\n  ").append(p.getName()).append(" = ");
			if (p.getValue() != null) b.append(fmt(p.getValue().getValue())).append(p.getValue().getUnit() == null ? "" : " " + p.getValue().getUnit());
			if (p.getSource() != null) b.append("   [").append(p.getSource()).append(']');
		}
		if (m.eResource() != null) b.append("\n\ndefined in ").append(m.eResource().getURI().lastSegment());
		return b.toString();
	}

	private static String fmt(double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
	}
}

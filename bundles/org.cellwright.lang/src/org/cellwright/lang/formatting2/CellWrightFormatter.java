package org.cellwright.lang.formatting2;

import java.util.ArrayList;
import java.util.List;

import org.cellwright.model.Component;
import org.cellwright.model.Element;
import org.cellwright.model.Expectation;
import org.cellwright.model.Experiment;
import org.cellwright.model.FunctionCall;
import org.cellwright.model.Import;
import org.cellwright.model.Layer;
import org.cellwright.model.Material;
import org.cellwright.model.Model;
import org.cellwright.model.Point;
import org.cellwright.model.Property;
import org.cellwright.model.SetCondition;
import org.cellwright.model.Step;
import org.cellwright.model.Sweep;
import org.cellwright.model.SweepParameter;
import org.cellwright.model.Table;
import org.cellwright.model.Transformation;
import org.cellwright.model.Cell;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.formatting2.AbstractJavaFormatter;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.regionaccess.IEObjectRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.xbase.lib.Pair;

/**
 * Lab-notebook layout: one statement per line, blocks indented by one tab, a blank line between elements, single
 * spaces elsewhere. Comments are kept where they are (the graphical editor saves through this formatter).
 */
public class CellWrightFormatter extends AbstractJavaFormatter {

	protected void format(Model model, IFormattableDocument doc) {
		IEObjectRegion root = getTextRegionAccess().regionForRootEObject();
		if (root == null)
			return;
		// default: one space between tokens (low priority: the rules below win)
		boolean first = true;
		for (ISemanticRegion r : root.getAllSemanticRegions()) {
			if (!first)
				doc.prepend(r, it -> {
					it.oneSpace();
					it.lowPriority();
				});
			first = false;
			String t = r.getText();
			if (t.equals(",") || t.equals(")") || t.equals(":"))
				doc.prepend(r, it -> it.noSpace());
			if (t.equals("("))
				doc.append(r, it -> it.noSpace());
		}
		for (int i = 0; i < model.getImports().size(); i++) {
			Import imp = model.getImports().get(i);
			int lines = i == 0 ? 2 : 1;
			doc.prepend(imp, it -> it.setNewLines(lines));
		}
		for (Element e : model.getElements())
			doc.prepend(e, it -> it.setNewLines(2));
		List<EObject> all = new ArrayList<>();
		model.eAllContents().forEachRemaining(all::add);
		for (EObject o : all)
			formatObject(o, doc);
	}

	private void formatObject(EObject o, IFormattableDocument doc) {
		boolean oneLine = o instanceof Table t && t.eContainer() instanceof Property && t.getPoints().size() <= 4; // a short property table
		for (Pair<ISemanticRegion, ISemanticRegion> p : oneLine ? List.<Pair<ISemanticRegion, ISemanticRegion>>of() : regionFor(o).keywordPairs("{", "}")) {
			doc.interior(p.getKey(), p.getValue(), it -> it.indent());
			doc.prepend(p.getValue(), it -> it.newLine());
		}
		if (o instanceof FunctionCall c)
			doc.append(regionFor(c).feature(org.cellwright.model.CellwrightPackage.Literals.FUNCTION_CALL__FUNCTION), it -> it.noSpace());
		boolean statement = (o instanceof Property && !(o.eContainer() instanceof SetCondition)) || o instanceof Layer
				|| o instanceof Component || o instanceof Expectation || o instanceof Step || o instanceof Transformation || o instanceof SweepParameter
				|| (o instanceof Point && o.eContainer() instanceof Table t && t.getPoints().size() > 4);
		if (statement)
			doc.prepend(o, it -> it.newLine());
		if (o instanceof Material) {
			for (ISemanticRegion k : regionFor(o).keywords("ocv", "reduces"))
				doc.prepend(k, it -> it.newLine());
		}
		if (o instanceof Cell)
			for (ISemanticRegion k : regionFor(o).keywords("remove", "without"))
				doc.prepend(k, it -> it.newLine());
		if (o instanceof Experiment)
			for (ISemanticRegion k : regionFor(o).keywords("cell", "protocol", "solver", "record"))
				doc.prepend(k, it -> it.newLine());
		if (o instanceof Sweep)
			for (ISemanticRegion k : regionFor(o).keywords("experiment"))
				doc.prepend(k, it -> it.newLine());
	}
}

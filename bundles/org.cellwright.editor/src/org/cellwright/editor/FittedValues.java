package org.cellwright.editor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.model.Cell;
import org.cellwright.model.CellwrightFactory;
import org.cellwright.model.CellwrightPackage;
import org.cellwright.model.Fit;
import org.cellwright.model.FitEstimate;
import org.cellwright.model.FitTarget;
import org.cellwright.model.Layer;
import org.cellwright.model.Model;
import org.cellwright.model.Property;
import org.cellwright.model.Quantity;
import org.cellwright.run.fit.FitReport;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.xtext.resource.XtextResource;

/**
 * A kept fit's values put back into the .cell file it fitted, as the Fit Report view's Apply does it: one EMF command
 * of the document's {@link EditingSession} (one undo; only the changed spans of the text rewritten, comments kept) that
 * sets each estimated value the file itself writes to the fitted value, a property with {@code source "fitted: <fit>,
 * <date>"} as fitted.cell writes it ({@link FitReport#written}, {@link FitReport#value}, {@link FitReport#source}).
 * Estimates the file does not write (a library's material, a value a cell inherits from another file) are named, not
 * written. Before, the fitted values reached the file only by copying them by hand from fitted.cell, a copy of the
 * file in the run store.
 */
public final class FittedValues {
	private FittedValues() {}

	/** One fitted value as fit.json keeps it: the estimate's target, its unit there and the value in that unit. */
	public record Value(String target, String unit, double value) {}

	/** What Apply does: the command (null when nothing is written), what it writes and what it leaves, with why. */
	public record Plan(Command command, List<String> written, List<String> left) {}

	/**
	 * The command that writes the fit's values into the session's model. The fit is looked up by name in the file as it
	 * is now (its targets give the cells); a value whose estimate's unit changed since the fit is left, saying so.
	 */
	public static Plan plan(EditingSession session, String fitName, List<Value> values, LocalDate date) {
		return session.readLocked(() -> {
			XtextResource r = session.current();
			Fit fit = r == null ? null : fit(r, fitName);
			List<String> written = new ArrayList<>(), left = new ArrayList<>();
			if (fit == null) {
				left.add("the file has no fit " + fitName + " any more");
				return new Plan(null, written, left);
			}
			List<Cell> cells = new ArrayList<>();
			for (FitTarget t : fit.getTargets()) if (t.getExperiment() != null) cells.add(t.getExperiment().getCell());
			EditingDomain domain = session.domain();
			CompoundCommand all = new CompoundCommand("Apply the values of fit " + fitName);
			String source = FitReport.source(fitName, date);
			for (Value v : values) {
				FitEstimate e = estimate(fit, v.target());
				String unit = e == null || e.getLower() == null || e.getLower().getUnit() == null ? "" : e.getLower().getUnit();
				// fit.json gives a value searched without a unit (SI) its SI unit for reading; one with a unit has the bounds'
				if (e == null || !unit.isEmpty() && !unit.equals(v.unit())) {
					left.add(v.target() + ": " + (e == null ? "fit " + fitName + " no longer estimates it"
							: "its bounds are in " + unit + " now, the fit's value in " + v.unit() + " (run the fit again)"));
					continue;
				}
				String text = FitReport.value(v.value(), unit);
				EObject at = FitReport.written(cells, v.target());
				if (at == null || at.eResource() != r) {
					left.add(v.target() + " = " + text + ": not written in this file (set it where it is defined)");
					continue;
				}
				Quantity q = CellwrightFactory.eINSTANCE.createQuantity();
				q.setValue(Double.parseDouble(text.split(" ", 2)[0]));
				q.setUnit(unit);
				if (at instanceof Property p) {
					all.append(SetCommand.create(domain, p, CellwrightPackage.Literals.PROPERTY__VALUE, q));
					all.append(SetCommand.create(domain, p, CellwrightPackage.Literals.PROPERTY__SOURCE, source));
					if (p.getFunction() != null) all.append(SetCommand.create(domain, p, CellwrightPackage.Literals.PROPERTY__FUNCTION, null));
					if (p.getTable() != null) all.append(SetCommand.create(domain, p, CellwrightPackage.Literals.PROPERTY__TABLE, null));
				} else if (at.eContainer() instanceof Layer l) {
					all.append(SetCommand.create(domain, l, CellwrightPackage.Literals.LAYER__THICKNESS, q));
				}
				written.add(v.target() + " = " + text);
			}
			return new Plan(all.isEmpty() ? null : all, written, left);
		});
	}

	private static Fit fit(XtextResource r, String name) {
		for (EObject o : r.getContents())
			if (o instanceof Model m) for (EObject e : m.getElements()) if (e instanceof Fit f && name.equals(f.getName())) return f;
		return null;
	}

	private static FitEstimate estimate(Fit fit, String target) {
		for (FitEstimate e : fit.getEstimates()) if (target.equals(e.getTarget())) return e;
		return null;
	}
}

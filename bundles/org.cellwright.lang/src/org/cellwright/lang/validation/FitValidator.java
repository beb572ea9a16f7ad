package org.cellwright.lang.validation;

import static org.cellwright.model.CellwrightPackage.Literals.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cellwright.lang.files.DataPaths;
import org.cellwright.lang.model.Cells;
import org.cellwright.lang.model.Composites;
import org.cellwright.lang.properties.PropertyCatalog;
import org.cellwright.lang.properties.PropertyCatalog.Entry;
import org.cellwright.lang.properties.PropertyCatalog.Owner;
import org.cellwright.lang.text.Printable;
import org.cellwright.lang.units.Dimension;
import org.cellwright.lang.units.Units;
import org.cellwright.model.Cell;
import org.cellwright.model.Experiment;
import org.cellwright.model.Fit;
import org.cellwright.model.FitEstimate;
import org.cellwright.model.FitTarget;
import org.cellwright.model.Layer;
import org.cellwright.model.Material;
import org.cellwright.model.MeasuredData;
import org.cellwright.model.Quantity;
import org.eclipse.xtext.validation.Check;

/**
 * Fits and measured data: an estimate names something a run can vary (a cell property, layer.property,
 * layer.thickness, or Material.property of a material the targets' cells use), its bounds are of that property's
 * dimension and not empty; a target's experiment has what it is fitted against (expect clauses, or measured data);
 * a bracket fit ({@code method bracket}) has one estimate, its start, and expectations targets;
 * a measurement's file exists beside the .cell file, and a measurement read from outside the .cell file's project
 * (an absolute path, or one climbing out of it: {@link DataPaths#outside}) is a warning.
 */
public class FitValidator extends AbstractCellWrightRules {

	/** The method of a bracket fit ({@code method bracket}): one value's interval over which every expectation holds. */
	public static final String BRACKET = "bracket";

	@Check
	public void checkFit(Fit f) {
		Set<String> seen = new HashSet<>();
		for (FitEstimate e : f.getEstimates())
			if (e.getTarget() != null && !seen.add(e.getTarget()))
				error("'" + e.getTarget() + "' is estimated twice in this fit", e, FIT_ESTIMATE__TARGET, FIT);
		if (!BRACKET.equals(f.getMethod()))
			return;
		// a bracket searches one value outwards from a start at which every expectation passes
		if (f.getEstimates().size() != 1)
			error("a bracket fit estimates exactly one value; this one estimates " + f.getEstimates().size(), f, FIT__METHOD, FIT);
		for (FitEstimate e : f.getEstimates())
			if (e.getInitial() == null)
				error("a bracket fit starts from a value at which every target's expectations pass: give it ('from 80 MPa')", e,
						FIT_ESTIMATE__UPPER, FIT);
		for (FitTarget t : f.getTargets())
			if (t.isMeasured())
				error("a bracket fit reads its targets' expectations, pass or fail: 'target " + (t.getExperiment() == null || t.getExperiment().eIsProxy()
						? "E" : t.getExperiment().getName()) + " expectations'", t, FIT_TARGET__MEASURED, FIT);
	}

	@Check
	public void checkEstimate(FitEstimate e) {
		String target = e.getTarget();
		if (target == null || !(e.eContainer() instanceof Fit f))
			return;
		Entry entry = entry(f, target);
		if (entry == null) {
			error("cannot estimate '" + target + "': estimate a cell property (stack-pressure, temperature, ...), layer.property "
					+ "(cathode.porosity, interlayer.thickness, ...) or Material.property of a material the targets' cells use", e,
					FIT_ESTIMATE__TARGET, FIT);
			return;
		}
		Material estimated = material(f, target);
		if (estimated != null)
			PropertyCatalog.readByNoMechanism(estimated, entry.name()).ifPresent(u -> warning("'" + target + "' " + u.reason(estimated)
					+ "; a fit cannot determine it", e, FIT_ESTIMATE__TARGET, READ_BY_NO_MECHANISM));
		Set<Dimension> accepted = accepted(entry);
		boolean ok = checkDimension(e.getLower(), target, entry.expected(), accepted)
				& checkDimension(e.getUpper(), target, entry.expected(), accepted);
		if (e.getInitial() != null)
			ok &= checkDimension(e.getInitial(), target, entry.expected(), accepted);
		if (!ok || e.getLower() == null || e.getUpper() == null)
			return;
		// the bounds and the start are values of the property: each within the range a value written in the file must keep
		for (Quantity q : java.util.Arrays.asList(e.getLower(), e.getUpper(), e.getInitial())) {
			String v = q == null || unreadable(q) ? null : entry.rangeViolation(si(q));
			if (v != null)
				error((q == e.getLower() ? "the lower bound" : q == e.getUpper() ? "the upper bound" : "the start value") + " of " + target
						+ " is a value of " + entry.name() + ", which " + v + " (" + entry.description() + "), not " + text(q), q,
						QUANTITY__VALUE, OUT_OF_RANGE);
		}
		double lo = si(e.getLower()), hi = si(e.getUpper());
		if (!(lo < hi))
			error("empty bounds: the lower bound must be below the upper one ('between 0.5 mS/cm and 5 mS/cm')", e, FIT_ESTIMATE__UPPER,
					FIT);
		else if (e.getInitial() != null && (si(e.getInitial()) < lo || si(e.getInitial()) > hi))
			error("the start value lies outside the bounds", e, FIT_ESTIMATE__INITIAL, FIT);
	}

	@Check
	public void checkTarget(FitTarget t) {
		Experiment x = t.getExperiment();
		if (x == null || x.eIsProxy())
			return;
		if (t.isMeasured() && x.getMeasured() == null)
			error("experiment " + x.getName() + " has no 'measured' data: add 'measured \"file\"' to it or fit its expectations",
					t, FIT_TARGET__EXPERIMENT, FIT);
		if (!t.isMeasured() && x.getExpectations().isEmpty())
			error("experiment " + x.getName() + " has no expect clauses to fit against", t, FIT_TARGET__EXPERIMENT, FIT);
		if (!(t.getWeight() > 0))
			error("a weight is a positive number", t, FIT_TARGET__WEIGHT, FIT);
	}

	@Check
	public void checkMeasured(MeasuredData m) {
		Path file = dataFile("measurement", m, MEASURED_DATA__PATH);
		if (file == null)
			return;
		if (!Files.isRegularFile(file))
			error("no measurement file " + Printable.quoted(m.getPath()) + " beside this file (paths are relative to the .cell file)", m,
					MEASURED_DATA__PATH, MEASURED);
		if (m.getNoise() != null)
			checkDimension(m.getNoise(), "noise", "a voltage (mV)", Set.of(Dimension.VOLTAGE));
		if (m.getNoise() != null && Units.isKnown(m.getNoise().getUnit()) && !(si(m.getNoise()) > 0))
			error("the noise of a measurement is positive", m, MEASURED_DATA__NOISE, MEASURED);
	}

	private static double si(Quantity q) {
		return Units.isKnown(q.getUnit()) ? Units.toSI(q) : Double.NaN;
	}

	/** The catalogue entry of an estimate's target, or null if nothing of that name can be varied. */
	static Entry entry(Fit f, String target) {
		int dot = target.indexOf('.');
		if (dot < 0)
			return PropertyCatalog.find(Owner.CELL, target).orElse(null);
		String prop = target.substring(dot + 1);
		if (layerEstimated(f, target))
			return layerTarget(prop);
		return material(f, target) != null ? PropertyCatalog.find(Owner.MATERIAL, prop).orElse(null) : null;
	}

	/** True if {@code target} (owner.property) names a layer's property: a layer of the targets' cells (or no cells known). */
	private static boolean layerEstimated(Fit f, String target) {
		int dot = target.indexOf('.');
		String owner = target.substring(0, dot), prop = target.substring(dot + 1);
		List<Cell> cells = cells(f);
		return layerTarget(prop) != null
				&& (cells.isEmpty() || cells.stream().anyMatch(c -> Cells.effectiveLayers(c).stream().anyMatch(l -> owner.equals(l.getName()))));
	}

	/** The material whose property {@code target} (Material.property) estimates, one the targets' cells use; else null. */
	static Material material(Fit f, String target) {
		int dot = target.indexOf('.');
		if (dot < 0 || layerEstimated(f, target))
			return null;
		String owner = target.substring(0, dot);
		for (Cell c : cells(f))
			for (Layer l : Cells.effectiveLayers(c))
				for (Material m : Composites.materialsWithin(l.getMaterial()))
					if (owner.equals(m.getName()))
						return m;
		return null;
	}

	private static List<Cell> cells(Fit f) {
		return f.getTargets().stream().map(FitTarget::getExperiment)
				.filter(x -> x != null && !x.eIsProxy() && x.getCell() != null && !x.getCell().eIsProxy()).map(Experiment::getCell)
				.toList();
	}
}

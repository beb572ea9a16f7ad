package org.cellwright.lang.validation;

import static org.cellwright.model.CellwrightPackage.Literals.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.cellwright.lang.expectations.Metric;
import org.cellwright.lang.expectations.Points;
import org.cellwright.lang.model.Cells;
import org.cellwright.lang.properties.PropertyCatalog.Entry;
import org.cellwright.lang.properties.PropertyCatalog.Owner;
import org.cellwright.lang.properties.PropertyCatalog;
import org.cellwright.lang.units.Dimension;
import org.cellwright.lang.units.Units;
import org.cellwright.lang.expressions.PropertyFunctions;
import org.cellwright.lang.model.Composites;
import org.cellwright.model.Cell;
import org.cellwright.model.Comparison;
import org.cellwright.model.Expectation;
import org.cellwright.model.Experiment;
import org.cellwright.model.Layer;
import org.cellwright.model.Material;
import org.cellwright.model.MaterialKind;
import org.cellwright.model.Property;
import org.cellwright.model.Quantity;
import org.cellwright.model.Sweep;
import org.cellwright.model.SweepParameter;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;

/** Experiments, their expectations ('expect') and sweeps. */
public class ExperimentValidator extends AbstractCellWrightRules {

	@Check
	public void checkDuplicateSettings(Experiment x) {
		duplicates(x.getSettings(), PROPERTY__NAME, "setting");
		for (String o : x.getOutputs())
			if (!PropertyCatalog.OUTPUTS.contains(o))
				warning("unknown output '" + o + "'; known: " + String.join(", ", PropertyCatalog.OUTPUTS), x,
						EXPERIMENT__OUTPUTS, x.getOutputs().indexOf(o), UNKNOWN_OUTPUT);
	}

	/** Shells per particle of a DFN cell when the solver block does not set particle-nodes (DfnMapping takes it). */
	public static final int DEFAULT_PARTICLE_NODES = 30;

	/**
	 * particle-modes (the range is the catalog's): at most the shells it stands for (particle-nodes, default 30); a
	 * note where it does nothing: a cell whose particle diffusivity depends on c keeps the shells, a single-particle
	 * cell always does.
	 */
	@Check
	public void checkParticleModes(Experiment x) {
		Property modes = setting(x, "particle-modes");
		if (modes == null || modes.getValue() == null || !Units.isKnown(modes.getValue().getUnit()))
			return;
		double m = Units.toSI(modes.getValue());
		Property nodes = setting(x, "particle-nodes");
		double shells = nodes != null && nodes.getValue() != null && Units.isKnown(nodes.getValue().getUnit()) ? Units.toSI(nodes.getValue())
				: DEFAULT_PARTICLE_NODES;
		if (m > shells) {
			error("particle-modes " + text(modes.getValue()) + " stands for the particle's " + (long) shells + " shells (particle-nodes"
					+ (nodes == null ? ", default " + DEFAULT_PARTICLE_NODES : "") + "): at most " + (long) shells, modes, PROPERTY__VALUE, OUT_OF_RANGE);
			return;
		}
		Cell c = x.getCell();
		if (c == null || c.eIsProxy())
			return;
		if (Cells.isSingleParticle(c)) {
			info("particle-modes has no effect in a single-particle cell: its particles keep their shells", modes, PROPERTY__NAME, NO_EFFECT);
			return;
		}
		for (Layer l : Cells.effectiveLayers(c))
			if (l.getMaterial() != null)
				for (Material mat : Composites.materialsWithin(l.getMaterial()))
					if (mat.isSetKind() && mat.getKind() != MaterialKind.LIQUID_ELECTROLYTE) {
						Property d = PropertyFunctions.find(mat, "diffusivity").orElse(null);
						if (d != null && PropertyFunctions.dependsOnState(d)) {
							info("particle-modes has no effect in cell " + c.getName() + ": the diffusivity of " + mat.getName()
									+ " depends on the concentration, so every particle keeps its shells", modes, PROPERTY__NAME, NO_EFFECT);
							return;
						}
					}
		if (!Cells.hasLiquidElectrolyte(c))
			info("particle-modes has no effect in cell " + c.getName() + ": it belongs to the DFN solver (a cell with a liquid electrolyte)",
					modes, PROPERTY__NAME, NO_EFFECT);
	}

	/** The last setting of that name in the experiment's solver block, or null. */
	private static Property setting(Experiment x, String name) {
		Property found = null;
		for (Property p : x.getSettings())
			if (name.equals(p.getName()))
				found = p;
		return found;
	}

	@Check
	public void checkExpectation(Expectation e) {
		if (e.getMetric() == null)
			return;
		Metric m = Metric.find(e.getMetric()).orElse(null);
		if (m == null) {
			List<String> close = new ArrayList<>(Metric.names());
			close.sort((a, b) -> Integer.compare(Units.distance(e.getMetric(), a), Units.distance(e.getMetric(), b)));
			close.removeIf(n -> Units.distance(e.getMetric(), n) > Math.max(3, e.getMetric().length() / 2));
			error("unknown metric '" + e.getMetric() + "'" + (close.isEmpty() ? "" : "; did you mean " + close.get(0) + "?")
					+ " Known: " + String.join(", ", Metric.names()), e, EXPECTATION__METRIC, EXPECTATION);
			return;
		}
		boolean cycleWritten = !NodeModelUtils.findNodesForFeature(e, EXPECTATION__CYCLE).isEmpty();
		boolean referenceWritten = !NodeModelUtils.findNodesForFeature(e, EXPECTATION__REFERENCE).isEmpty();
		if (e.isAverage() && !m.averageable())
			error("'average' takes a per-cycle metric (coulombic-efficiency, discharge-capacity, charge-capacity), not " + m.dslName(),
					e, EXPECTATION__AVERAGE, EXPECTATION);
		if (cycleWritten && !m.perCycle())
			error(m.dslName() + " is one value per run: drop 'of cycle " + e.getCycle() + "'", e, EXPECTATION__CYCLE, EXPECTATION);
		else if (cycleWritten && e.isAverage())
			error("either 'average' (over all cycles) or 'of cycle " + e.getCycle() + "', not both", e, EXPECTATION__CYCLE, EXPECTATION);
		else if (cycleWritten && e.getCycle() < 1)
			error("cycles count from 1, not " + e.getCycle(), e, EXPECTATION__CYCLE, EXPECTATION);
		boolean fromWritten = !NodeModelUtils.findNodesForFeature(e, EXPECTATION__FROM_CYCLE).isEmpty();
		if (fromWritten && !e.isAverage())
			error("'from cycle " + e.getFromCycle() + "' belongs to 'average': 'expect average " + m.dslName() + " from cycle "
					+ e.getFromCycle() + " ...'", e, EXPECTATION__FROM_CYCLE, EXPECTATION);
		else if (fromWritten && e.getFromCycle() < 1)
			error("cycles count from 1, not " + e.getFromCycle(), e, EXPECTATION__FROM_CYCLE, EXPECTATION);
		if (referenceWritten && m != Metric.CAPACITY_RETENTION)
			error("'relative to cycle' belongs to capacity-retention", e, EXPECTATION__REFERENCE, EXPECTATION);
		else if (referenceWritten && e.getReference() < 1)
			error("cycles count from 1, not " + e.getReference(), e, EXPECTATION__REFERENCE, EXPECTATION);
		else if (referenceWritten && cycleWritten && e.getReference() >= e.getCycle())
			error("the reference cycle " + e.getReference() + " must come before cycle " + e.getCycle(), e, EXPECTATION__REFERENCE, EXPECTATION);
		checkPoint(e, m);
		checkStep(e, m);
		if (e.getSource() != null && e.getSource().isBlank())
			warning("empty source: give the study's DOI, e.g. \"10.1002/adma.202210835\"", e, EXPECTATION__SOURCE, EXPECTATION);
		if (m.isState()) {
			if (e.getValue() != null)
				error(m.dslName() + " is a word, not a number: " + String.join(", ", m.states()), e, EXPECTATION__VALUE, EXPECTATION);
			else if (e.getState() != null && !m.states().contains(e.getState()))
				error("unknown " + m.dslName() + " '" + e.getState() + "'; known: " + String.join(", ", m.states()), e, EXPECTATION__STATE,
						EXPECTATION);
			if (e.getComparison() != Comparison.EQUAL)
				error(m.dslName() + " is compared with '=': 'expect " + m.dslName() + " = " + m.states().get(m == Metric.STATUS ? 1 : 0) + "'", e,
						EXPECTATION__COMPARISON, EXPECTATION);
			if (e.getTolerance() != null)
				error("a " + m.dslName() + " has no tolerance: drop 'within'", e, EXPECTATION__TOLERANCE, EXPECTATION);
			return;
		}
		if (e.getState() != null) {
			error(m.dslName() + " expects a number with its unit (" + expected(m) + "), not '" + e.getState() + "'", e, EXPECTATION__STATE,
					EXPECTATION);
			return;
		}
		boolean valueOk = checkDimension(e.getValue(), m.dslName(), expected(m), m.dimensions());
		if (e.getComparison() == Comparison.EQUAL && e.getTolerance() == null) {
			error("'=' needs a tolerance: '= " + (e.getValue() == null ? "14.2 mV" : text(e.getValue())) + " within ...' (or compare with < or >)",
					e, EXPECTATION__VALUE, EXPECTATION);
		} else if (e.getComparison() != Comparison.EQUAL && e.getTolerance() != null) {
			error("'within' belongs to '=': '" + e.getComparison().getLiteral() + "' is a bound", e, EXPECTATION__TOLERANCE, EXPECTATION);
		} else if (e.getTolerance() != null) {
			Quantity t = e.getTolerance();
			Set<Dimension> same = valueOk ? Set.of(Units.dimensionOf(e.getValue())) : m.dimensions();
			if (valueOk && Units.dimensionOf(e.getValue()).isFraction())
				same = Set.of(Dimension.FRACTION, Dimension.DIMENSIONLESS);
			if (checkDimension(t, "the tolerance of " + m.dslName(), valueOk ? Units.dimensionOf(e.getValue()).description() : expected(m), same)
					&& t.getValue() <= 0)
				error("a tolerance must be > 0, not " + text(t), t, QUANTITY__VALUE, OUT_OF_RANGE);
		}
	}

	/**
	 * 'of cycle N step K': for a metric read at a step, K a step of the experiment's protocols as written and as the
	 * report lists them ({@link Points#stepNumbers}: "3.2", the second step of the repeat that is the third step), not a
	 * repeat (which has no end of its own).
	 */
	private void checkStep(Expectation e, Metric m) {
		if (e.getStep() == null) return;
		if (!m.atStep()) {
			error("'step " + e.getStep() + "' belongs to a metric read at a step (" + String.join(", ",
					Arrays.stream(Metric.values()).filter(Metric::atStep).map(Metric::dslName).toList()) + "), not " + m.dslName(),
					e, EXPECTATION__STEP, EXPECTATION);
			return;
		}
		if (!(e.eContainer() instanceof Experiment x) || x.getProtocols().stream().anyMatch(p -> p == null || p.eIsProxy()))
			return; // an unresolved protocol is an error of its own
		java.util.Map<String, Boolean> steps = Points.stepNumbers(x);
		Boolean repeat = steps.get(e.getStep());
		if (repeat == null)
			error("no step " + e.getStep() + " in the protocols of experiment " + x.getName() + ": steps are numbered as the report lists them,"
					+ " from 1, a repeat's steps after its number (" + String.join(", ", steps.keySet().stream().limit(12).toList())
					+ (steps.size() > 12 ? ", ..." : "") + ")", e, EXPECTATION__STEP, EXPECTATION);
		else if (repeat)
			error("step " + e.getStep() + " is a repeat, which ends with its last step: name one of its steps (" + e.getStep() + ".1, ...)", e,
					EXPECTATION__STEP, EXPECTATION);
	}

	/** 'at NAME': for a metric read at a named point (which needs one), a step group of the experiment's protocols. */
	private void checkPoint(Expectation e, Metric m) {
		if (e.getPoint() != null && !m.atPoint()) {
			error("'at " + e.getPoint() + "' belongs to a metric read at a named point (" + String.join(", ",
					Arrays.stream(Metric.values()).filter(Metric::atPoint).map(Metric::dslName).toList()) + "), not " + m.dslName(),
					e, EXPECTATION__POINT, EXPECTATION);
			return;
		}
		if (!m.atPoint()) return;
		if (e.getPoint() == null) {
			error(m.dslName() + " is read at a named point of the run: 'expect " + m.dslName() + " at probe ...', probe a step group of the"
					+ " protocol with a small current (group probe { charge at 0.05 C for 10 min })", e, EXPECTATION__METRIC, EXPECTATION);
			return;
		}
		if (!(e.eContainer() instanceof Experiment x) || x.getProtocols().stream().anyMatch(p -> p == null || p.eIsProxy()))
			return; // an unresolved protocol is an error of its own
		if (Points.find(x, e.getPoint()) == null) {
			List<String> groups = Points.names(x);
			error("no step group '" + e.getPoint() + "' in the protocols of experiment " + x.getName()
					+ (groups.isEmpty() ? " (they have none: name the steps to read at, 'group " + e.getPoint() + " { ... }')"
							: "; its groups: " + String.join(", ", groups)),
					e, EXPECTATION__POINT, EXPECTATION);
			return;
		}
		// 'of cycle N': a cycle the protocols can reach, as cycles.csv counts them
		long cycles = e.getCycle() > 0 ? Points.cycleBound(x) : -1;
		if (cycles >= 0 && e.getCycle() > cycles)
			error("the protocols of experiment " + x.getName() + " run " + (cycles == 0 ? "no cycle" : "at most " + cycles + (cycles == 1 ? " cycle" : " cycles"))
					+ ", so '" + e.getPoint() + "' runs in no cycle " + e.getCycle() + " (cycles as cycles.csv counts them: a cycle opens at a charge"
					+ " after a discharge, in a half cell at a plating after a stripping)", e, EXPECTATION__CYCLE, EXPECTATION);
	}

	private static String expected(Metric m) {
		List<String> d = new ArrayList<>();
		for (Dimension x : m.dimensions())
			if (x != Dimension.DIMENSIONLESS || m.dimensions().size() == 1)
				d.add(x.description());
		d.sort(null);
		return String.join(" or ", d);
	}

	// ---------------------------------------------------------------- sweeps

	@Check
	public void checkSweep(Sweep s) {
		Experiment x = s.getExperiment();
		long combinations = 1;
		for (SweepParameter p : s.getParameters()) {
			String target = p.getTarget();
			if (target == null)
				continue;
			Entry e;
			if (target.contains(".")) {
				String layer = target.substring(0, target.indexOf('.'));
				String prop = target.substring(target.indexOf('.') + 1);
				if (x != null && !x.eIsProxy() && x.getCell() != null && !x.getCell().eIsProxy()
						&& Cells.effectiveLayers(x.getCell()).stream().noneMatch(l -> layer.equals(l.getName())))
					error("cell " + x.getCell().getName() + " has no layer '" + layer + "'", p, SWEEP_PARAMETER__TARGET, SWEEP);
				e = layerTarget(prop);
			} else {
				e = PropertyCatalog.find(Owner.CELL, target).orElse(null);
			}
			if (e == null) {
				error("cannot vary '" + target + "': vary a cell property (stack-pressure, temperature, area, ...) or layer.property "
						+ "(interlayer.thickness, cathode.porosity, ...)", p, SWEEP_PARAMETER__TARGET, SWEEP);
				continue;
			}
			List<Quantity> values = new ArrayList<>(p.getValues());
			if (p.getFrom() != null) {
				values.add(p.getFrom());
				values.add(p.getTo());
				values.add(p.getStep());
			}
			for (Quantity q : values)
				if (q != null && q != p.getStep() && checkDimension(q, target, e.expected(), accepted(e)) && !unreadable(q)) {
					// each value is one the file could write: within the property's range (a thickness, a temperature: 'Limits')
					String v = e.rangeViolation(Units.toSI(q));
					if (v != null)
						error(target + " " + v + " (" + e.description() + "), not " + text(q), q, QUANTITY__VALUE, OUT_OF_RANGE);
				}
			if (p.getFrom() != null && p.getTo() != null && p.getStep() != null && Units.isKnown(p.getFrom().getUnit())
					&& Units.isKnown(p.getTo().getUnit()) && Units.isKnown(p.getStep().getUnit())) {
				double a = Units.toSI(p.getFrom()), b = Units.toSI(p.getTo());
				double st = p.getStep().getValue() * Units.parse(p.getStep().getUnit()).factor();
				if (st <= 0 || b < a)
					error("a range runs upwards with a step > 0: 'from 20 degC to 60 degC step 20 degC'", p, SWEEP_PARAMETER__STEP, SWEEP);
				else
					combinations = times(combinations, Math.floor((b - a) / st + 1e-9) + 1);
			} else {
				combinations = times(combinations, Math.max(1, p.getValues().size()));
			}
		}
		if (combinations > org.cellwright.lang.Limits.MAX_SWEEP_RUNS)
			error("this sweep runs " + (combinations == Long.MAX_VALUE ? "more simulations than can be counted" : String.format(java.util.Locale.ROOT,
					"%,d simulations", combinations)) + " (full factorial), more than " + String.format(java.util.Locale.ROOT, "%,d",
							org.cellwright.lang.Limits.MAX_SWEEP_RUNS) + " (the limit, see 'Limits' in docs/language.md): take a coarser step or fewer values",
					s, ELEMENT__NAME, SWEEP);
		else if (combinations > 1000)
			warning("this sweep runs " + combinations + " simulations (full factorial)", s, ELEMENT__NAME, SWEEP);
	}

	/** a x b for counting runs, saturating at Long.MAX_VALUE. */
	private static long times(long a, double b) {
		double p = (double) a * b;
		return p >= Long.MAX_VALUE ? Long.MAX_VALUE : a * (long) b;
	}
}

package org.cellwright.lang.validation;

import static org.cellwright.model.CellwrightPackage.Literals.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cellwright.lang.Limits;
import org.cellwright.lang.model.Cells;
import org.cellwright.lang.units.Units;
import org.cellwright.model.Cell;
import org.cellwright.model.Composite;
import org.cellwright.model.Experiment;
import org.cellwright.model.Fit;
import org.cellwright.model.FitEstimate;
import org.cellwright.model.FitTarget;
import org.cellwright.model.Layer;
import org.cellwright.model.MaterialKind;
import org.cellwright.model.Property;
import org.cellwright.model.Protocol;
import org.cellwright.model.ProtocolCall;
import org.cellwright.model.Quantity;
import org.cellwright.model.Repeat;
import org.cellwright.model.SetCondition;
import org.cellwright.model.Step;
import org.cellwright.model.StepGroup;
import org.cellwright.model.Sweep;
import org.cellwright.model.SweepParameter;
import org.cellwright.solver.input.InputLimits;
import org.eclipse.xtext.validation.Check;

/**
 * Lithium's melting point ({@link Limits#LITHIUM_MELTING_POINT}, 180.5 degC): a cell with a lithium-metal layer at or
 * above it is an error at the temperature that sets it: the cell's {@code temperature} or {@code ambient-temperature}
 * (the surroundings a thermal cell exchanges heat with), a {@code set temperature} of a protocol its experiment runs, a
 * sweep's temperature, a fit's bounds or start value of an estimated {@code temperature} or {@code ambient-temperature}
 * (a fit runs its targets' cells anywhere between its bounds; session 22). The model's lithium is a solid (its flow
 * stress, creep, plating and contact); the solid-state runner warned at run time and the run went on (session 21). A
 * temperature in another file than the one checked is reported at the reference to it, naming its file and line.
 */
public class LithiumMeltingValidator extends AbstractCellWrightRules {

	/** The cell's first lithium-metal layer (a layer of a material of kind lithium-metal), or null. */
	public static Layer lithiumMetalLayer(Cell c) {
		if (c == null || c.eIsProxy())
			return null;
		for (Layer l : Cells.effectiveLayers(c))
			if (l.getMaterial() != null && !l.getMaterial().eIsProxy() && !(l.getMaterial() instanceof Composite)
					&& l.getMaterial().getKind() == MaterialKind.LITHIUM_METAL)
				return l;
		return null;
	}

	/** A temperature quantity at or above lithium's melting point (NaN-safe; false for one that cannot be read). */
	private static boolean melts(Quantity q) {
		if (q == null || !Units.isKnown(q.getUnit()) || unreadable(q))
			return false;
		double t = Units.toSI(q); // above the hottest temperature of any cell: that limit's error (the catalogue's range)
		return t >= Limits.LITHIUM_MELTING_POINT && t <= Limits.MAX_TEMPERATURE;
	}

	/** The temperatures of a cell that its lithium must stay below: its own and its surroundings' (a thermal cell's). */
	private static final List<String> TEMPERATURES = List.of("temperature", "ambient-temperature");

	private static String message(Quantity q, Cell c, Layer li) {
		return message("temperature", q, c, li);
	}

	private static String message(String name, Quantity q, Cell c, Layer li) {
		return name + " " + InputLimits.meltingProblem(Units.toSI(q)) + " (cell " + c.getName() + ", layer " + li.getName() + ")";
	}

	@Check
	public void checkCell(Cell c) {
		Layer li = lithiumMetalLayer(c);
		if (li == null)
			return;
		for (String name : TEMPERATURES) {
			Property t = Cells.effectiveProperties(c).get(name);
			if (t == null || !melts(t.getValue()))
				continue;
			// where this cell writes the temperature or the layer (a cell extending one that has both is reported there)
			if (t.eContainer() == c)
				error(message(name, t.getValue(), c, li), t.getValue(), QUANTITY__VALUE, OUT_OF_RANGE);
			else if (li.eContainer() == c)
				error(message(name, t.getValue(), c, li) + " (" + where(t) + ")", li, LAYER__MATERIAL, OUT_OF_RANGE);
		}
	}

	@Check
	public void checkProtocols(Experiment x) {
		Layer li = lithiumMetalLayer(x.getCell());
		if (li == null)
			return;
		List<SetCondition> hot = new ArrayList<>();
		Set<Protocol> seen = new HashSet<>();
		for (Protocol p : x.getProtocols())
			setTemperatures(p, seen, hot);
		for (SetCondition s : hot) {
			String m = "set " + message(s.getProperty().getValue(), x.getCell(), li);
			if (s.eResource() == x.eResource())
				error(m + ", run by experiment " + x.getName(), s.getProperty().getValue(), QUANTITY__VALUE, OUT_OF_RANGE);
			else
				error(m + " (" + where(s) + ")", x, EXPERIMENT__PROTOCOLS, OUT_OF_RANGE);
		}
	}

	/** The set temperatures at or above the melting point a protocol runs, its repeats, groups and 'run' calls walked. */
	private static void setTemperatures(Protocol p, Set<Protocol> seen, List<SetCondition> out) {
		if (p == null || p.eIsProxy() || !seen.add(p) || seen.size() > Limits.MAX_CHAIN_LENGTH)
			return;
		steps(p.getSteps(), seen, out);
	}

	private static void steps(List<Step> steps, Set<Protocol> seen, List<SetCondition> out) {
		for (Step s : steps) {
			if (s instanceof SetCondition c && c.getProperty() != null && "temperature".equals(c.getProperty().getName())
					&& melts(c.getProperty().getValue()))
				out.add(c);
			else if (s instanceof Repeat r)
				steps(r.getSteps(), seen, out);
			else if (s instanceof StepGroup g)
				steps(g.getSteps(), seen, out);
			else if (s instanceof ProtocolCall call)
				setTemperatures(call.getProtocol(), seen, out);
		}
	}

	@Check
	public void checkSweep(Sweep s) {
		Experiment x = s.getExperiment();
		Layer li = x == null || x.eIsProxy() ? null : lithiumMetalLayer(x.getCell());
		if (li == null)
			return;
		for (SweepParameter p : s.getParameters()) {
			if (!TEMPERATURES.contains(p.getTarget()))
				continue;
			List<Quantity> values = new ArrayList<>(p.getValues());
			if (p.getFrom() != null) {
				values.add(p.getFrom());
				values.add(p.getTo());
			}
			for (Quantity q : values)
				if (melts(q))
					error("sweep " + s.getName() + ": " + message(p.getTarget(), q, x.getCell(), li), q, QUANTITY__VALUE, OUT_OF_RANGE);
		}
	}

	/**
	 * A fit's estimate of a cell's {@code temperature} or {@code ambient-temperature} whose bounds or start value reach
	 * lithium's melting point, where a target's cell has a lithium-metal layer: an error at that bound (the fit would run
	 * the cell there). Its first such cell is named.
	 */
	@Check
	public void checkEstimate(FitEstimate e) {
		if (!(e.eContainer() instanceof Fit f) || !TEMPERATURES.contains(e.getTarget()))
			return;
		for (FitTarget t : f.getTargets()) {
			Experiment x = t.getExperiment();
			Layer li = x == null || x.eIsProxy() ? null : lithiumMetalLayer(x.getCell());
			if (li == null)
				continue;
			for (Quantity q : java.util.Arrays.asList(e.getLower(), e.getUpper(), e.getInitial()))
				if (melts(q))
					error("fit " + f.getName() + ": " + (q == e.getLower() ? "the lower bound" : q == e.getUpper() ? "the upper bound" : "the start value")
							+ " of " + message(e.getTarget(), q, x.getCell(), li) + ", target " + x.getName(), q, QUANTITY__VALUE,
							OUT_OF_RANGE);
			return;
		}
	}

}
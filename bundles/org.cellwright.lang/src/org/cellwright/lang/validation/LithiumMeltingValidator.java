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
 * above it is an error at the temperature that sets it: the cell's {@code temperature}, a {@code set temperature} of
 * a protocol its experiment runs, a sweep's temperature. The model's lithium is a solid (its flow stress, creep,
 * plating and contact); the solid-state runner warned at run time and the run went on (session 21). A temperature in
 * another file than the one checked is reported at the reference to it, naming its file and line.
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

	private static String message(Quantity q, Cell c, Layer li) {
		return "temperature " + InputLimits.meltingProblem(Units.toSI(q)) + " (cell " + c.getName() + ", layer " + li.getName() + ")";
	}

	@Check
	public void checkCell(Cell c) {
		Layer li = lithiumMetalLayer(c);
		Property t = li == null ? null : Cells.effectiveProperties(c).get("temperature");
		if (t == null || !melts(t.getValue()))
			return;
		// where this cell writes the temperature or the layer (a cell extending one that has both is reported there)
		if (t.eContainer() == c)
			error(message(t.getValue(), c, li), t.getValue(), QUANTITY__VALUE, OUT_OF_RANGE);
		else if (li.eContainer() == c)
			error(message(t.getValue(), c, li) + " (" + where(t) + ")", li, LAYER__MATERIAL, OUT_OF_RANGE);
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
			if (!"temperature".equals(p.getTarget()))
				continue;
			List<Quantity> values = new ArrayList<>(p.getValues());
			if (p.getFrom() != null) {
				values.add(p.getFrom());
				values.add(p.getTo());
			}
			for (Quantity q : values)
				if (melts(q))
					error("sweep " + s.getName() + ": " + message(q, x.getCell(), li), q, QUANTITY__VALUE, OUT_OF_RANGE);
		}
	}

}
package org.cellwright.cli.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cellwright.cli.run.Problem.Severity;
import org.cellwright.model.Cell;
import org.cellwright.model.CurrentStep;
import org.cellwright.model.Direction;
import org.cellwright.model.Experiment;
import org.cellwright.model.Layer;
import org.cellwright.model.Limit;
import org.cellwright.model.LimitKind;
import org.cellwright.model.Material;
import org.cellwright.model.Point;
import org.cellwright.model.Property;
import org.cellwright.model.PropertyOwner;
import org.cellwright.model.Protocol;
import org.cellwright.model.Quantity;
import org.cellwright.model.Repeat;
import org.cellwright.model.Rest;
import org.cellwright.model.Step;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.CurrentMode;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.LayerRole;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialProperty;
import org.cellwright.solver.input.MaterialSpec;
import org.cellwright.solver.input.OcvTable;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.StepSpec;

/**
 * Turns an experiment of the model (numbers with the units the user wrote) into the solver's inputs in SI.
 * This is the DSL boundary: unit conversion happens here (through {@link Quantities}), nowhere in the solver.
 */
public final class SimulationInputs {

	public record Inputs(String name, CellSpec cell, ProtocolSpec protocol) {}

	private SimulationInputs() {}

	public static Inputs of(Experiment e) {
		if (e.getCell() == null || e.getCell().eIsProxy())
			throw new InputException(CellFiles.problemAt(e, Severity.ERROR, "experiment " + e.getName() + " names no cell"));
		CellSpec cell = cell(e.getCell());
		List<StepSpec> steps = new ArrayList<>();
		for (Protocol p : e.getProtocols()) steps.addAll(steps(p.getSteps()));
		return new Inputs(e.getName(), cell, new ProtocolSpec(e.getName(), steps));
	}

	public static CellSpec cell(Cell c) {
		CellSpec.Builder b = CellSpec.builder(c.getName());
		for (Property p : c.getProperties()) {
			double v = Quantities.si(p.getValue(), p);
			switch (p.getName()) {
				case "area" -> b.area(v);
				case "temperature" -> b.temperature(v);
				case "stack-pressure" -> b.stackPressure(v);
				case "nominal-capacity" -> b.nominalCapacity(v);
				default -> { /* other cell properties are not used by the solver yet */ }
			}
		}
		for (Layer l : c.getLayers()) b.layer(layer(l));
		return b.build();
	}

	static LayerSpec layer(Layer l) {
		Material m = l.getMaterial();
		if (m == null || m.eIsProxy())
			throw new InputException(CellFiles.problemAt(l, Severity.ERROR, "layer " + l.getName() + ": unknown material"));
		LayerSpec.Builder b = LayerSpec.builder(l.getName(), role(m, l));
		b.thickness(Quantities.si(l.getThickness(), l));
		for (Property p : l.getProperties()) {
			double v = Quantities.si(p.getValue(), p);
			switch (p.getName()) {
				case "porosity" -> b.porosity(v);
				case "pore-size" -> b.poreSize(v);
				case "particle-radius" -> b.particleRadius(v);
				case "bruggeman" -> b.bruggeman(v);
				case "tortuosity" -> b.tortuosity(v);
				default -> { /* not used by the solver yet */ }
			}
		}
		b.material(material(m));
		return b.build();
	}

	static LayerRole role(Material m, Layer l) {
		return switch (m.getKind()) {
			case CURRENT_COLLECTOR -> LayerRole.CURRENT_COLLECTOR;
			case LITHIUM_METAL -> LayerRole.LITHIUM_METAL;
			case SOLID_ELECTROLYTE -> LayerRole.SEPARATOR;
			case INTERCALATION_CATHODE -> LayerRole.COMPOSITE_CATHODE;
			case ALLOY_HOST, CONDUCTIVE_CARBON, BINDER -> LayerRole.INTERLAYER;
		};
	}

	/** Material properties map by name: {@code ionic-conductivity} is {@link MaterialProperty#IONIC_CONDUCTIVITY}. */
	static MaterialSpec material(Material m) {
		MaterialSpec.Builder b = MaterialSpec.builder(m.getName());
		for (Property p : m.getProperties()) {
			MaterialProperty key = materialProperty(p.getName());
			if (key != null) b.set(key, Quantities.si(p.getValue(), p));
		}
		if (m.getOcv() != null && !m.getOcv().getPoints().isEmpty()) {
			List<Point> pts = m.getOcv().getPoints();
			double[] x = new double[pts.size()], y = new double[pts.size()];
			double scale = Quantities.factor(m.getOcv().getYUnit(), m.getOcv());
			for (int i = 0; i < x.length; i++) {
				x[i] = pts.get(i).getX();
				y[i] = pts.get(i).getY() * scale;
			}
			try {
				b.ocv(new OcvTable(x, y));
			} catch (IllegalArgumentException ex) {
				throw new InputException(CellFiles.problemAt(m.getOcv(), Severity.ERROR, "ocv table of " + m.getName() + ": " + ex.getMessage()));
			}
		}
		return b.build();
	}

	static MaterialProperty materialProperty(String dslName) {
		try {
			return MaterialProperty.valueOf(dslName.toUpperCase(Locale.ROOT).replace('-', '_'));
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	static List<StepSpec> steps(List<Step> steps) {
		List<StepSpec> out = new ArrayList<>();
		for (Step s : steps) out.add(step(s));
		return out;
	}

	static StepSpec step(Step s) {
		if (s instanceof Rest r) return new StepSpec.Rest(List.of(Cutoff.duration(Quantities.si(r.getDuration(), r))));
		if (s instanceof Repeat r) return new StepSpec.Repeat(r.getCount(), steps(r.getSteps()));
		if (s instanceof CurrentStep cs) {
			double sign = cs.getDirection() == Direction.CHARGE ? 1 : -1;
			Quantity rate = cs.getRate();
			CurrentMode mode = switch (Quantities.dimension(rate, cs)) {
				case C_RATE -> CurrentMode.C_RATE;
				case CURRENT -> CurrentMode.CURRENT;
				case CURRENT_DENSITY -> CurrentMode.DENSITY;
				default -> throw new InputException(CellFiles.problemAt(rate, Severity.ERROR,
						"a step's rate must be a current density (mA/cm2), a current (mA) or a C-rate (C), not '" + rate.getUnit() + "'"));
			};
			List<Cutoff> cutoffs = new ArrayList<>();
			for (Limit l : cs.getLimits()) cutoffs.add(cutoff(l, sign));
			return new StepSpec.ConstantCurrent(mode, sign * Math.abs(Quantities.si(rate, cs)), cutoffs);
		}
		throw new InputException(CellFiles.problemAt(s, Severity.ERROR, "this kind of step is not supported by the solver yet"));
	}

	static Cutoff cutoff(Limit l, double sign) {
		Quantity q = l.getValue();
		double v = Quantities.si(q, l);
		Quantities.Dimension d = Quantities.dimension(q, l);
		if (l.getKind() == LimitKind.FOR) {
			if (d != Quantities.Dimension.TIME)
				throw new InputException(CellFiles.problemAt(q, Severity.ERROR, "'for' needs a duration (h, min, s), not '" + q.getUnit() + "'"));
			return Cutoff.duration(v);
		}
		return switch (d) {
			case VOLTAGE -> sign > 0 ? Cutoff.voltageAbove(v) : Cutoff.voltageBelow(v);
			case AREAL_CAPACITY -> Cutoff.capacity(Math.abs(v));
			case CURRENT_DENSITY -> Cutoff.currentBelow(Math.abs(v));
			case TIME -> Cutoff.duration(v);
			default -> throw new InputException(CellFiles.problemAt(q, Severity.ERROR,
					"'until' needs a voltage (V), an areal capacity (mAh/cm2) or a current density (mA/cm2), not '" + q.getUnit() + "'"));
		};
	}

	/** Helper for property owners: the SI value of a named property, or the fallback. */
	static double property(PropertyOwner owner, String name, double fallback) {
		for (Property p : owner.getProperties())
			if (name.equals(p.getName())) return Quantities.si(p.getValue(), p);
		return fallback;
	}
}

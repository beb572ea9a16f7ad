package org.cellwright.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cellwright.run.Problem.Severity;
import org.cellwright.lang.expressions.Expressions;
import org.cellwright.lang.expressions.PropertyFunctions;
import org.cellwright.lang.model.Cells;
import org.cellwright.lang.model.Composites;
import org.cellwright.lang.model.Layers;
import org.cellwright.lang.model.DriveCycleFile;
import org.cellwright.lang.units.Dimension;
import org.cellwright.lang.units.Unit;
import org.cellwright.lang.units.Units;
import org.cellwright.model.Cell;
import org.cellwright.model.Component;
import org.cellwright.model.Composite;
import org.cellwright.model.MaterialKind;
import org.cellwright.model.ProtocolCall;
import org.cellwright.model.SetCondition;
import org.cellwright.model.StepGroup;
import org.cellwright.model.VoltageHold;
import org.eclipse.emf.ecore.EObject;
import org.cellwright.model.CurrentStep;
import org.cellwright.model.DriveCycleStep;
import org.cellwright.model.Direction;
import org.cellwright.model.Experiment;
import org.cellwright.model.Layer;
import org.cellwright.model.Limit;
import org.cellwright.model.LimitKind;
import org.cellwright.model.Material;
import org.cellwright.model.Point;
import org.cellwright.model.Property;
import org.cellwright.model.Protocol;
import org.cellwright.model.Quantity;
import org.cellwright.model.Repeat;
import org.cellwright.model.Rest;
import org.cellwright.model.Step;
import org.cellwright.solver.ProtocolMesh;
import org.cellwright.solver.input.ArrheniusLaws;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.CurrentMode;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.LayerRole;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialProperty;
import org.cellwright.solver.input.MaterialSpec;
import org.cellwright.solver.input.OcvTable;
import org.cellwright.solver.input.OptionalMechanism;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;

/**
 * Turns an experiment of the model (numbers with the units the user wrote) into the solver's inputs in SI.
 * This is the DSL boundary: units are converted here (by the language's {@link Units}), nowhere in the solver.
 */
public final class SimulationInputs {

	/** An experiment's solver inputs; {@code settings} from its {@code solver { }} block (defaults otherwise). */
	public record Inputs(String name, CellSpec cell, ProtocolSpec protocol, SolverSettings settings) {
		public Inputs(String name, CellSpec cell, ProtocolSpec protocol) {
			this(name, cell, protocol, SolverSettings.defaults());
		}
	}

	private SimulationInputs() {}

	public static Inputs of(Experiment e) {
		return of(e, e.getName(), Map.of());
	}

	/**
	 * An experiment with some of its cell's values replaced (one run of a sweep).
	 * @param overrides by sweep target: a cell property ({@code stack-pressure}), {@code layer.thickness} or
	 *            {@code layer.property}; each a quantity with its unit as written
	 */
	public static Inputs of(Experiment e, String name, Map<String, Quantity> overrides) {
		if (e.getCell() == null || e.getCell().eIsProxy())
			throw new InputException(CellFiles.problemAt(e, Severity.ERROR, "experiment " + e.getName() + " names no cell"));
		unsupportedAnode(e.getCell(), e);
		CellSpec cell = cell(e.getCell(), overrides);
		List<StepSpec> steps = new ArrayList<>();
		for (Protocol p : e.getProtocols()) steps.addAll(steps(p.getSteps(), cell.area()));
		ProtocolSpec protocol = new ProtocolSpec(name, withinWindow(steps, e.getCell()), places(e));
		// the particle shells and cathode volumes the solver block leaves to the protocol, chosen here: the run's inputs record them
		return new Inputs(name, cell, protocol, ProtocolMesh.resolve(settings(e), cell, protocol));
	}

	/**
	 * Where the file wrote each step the experiment's protocols run, in the order of {@link #steps} (groups and
	 * {@code run} calls inlined; a repeat, then its steps): {@link ProtocolSpec#places}, as a message names a step
	 * ("line 14", {@link CellFiles#place}).
	 */
	public static List<String> places(Experiment e) {
		List<String> out = new ArrayList<>();
		for (Protocol p : e.getProtocols()) if (p != null && !p.eIsProxy()) places(p.getSteps(), e, out);
		return out;
	}

	private static void places(List<Step> steps, Experiment e, List<String> out) {
		for (Step s : steps) {
			if (s instanceof StepGroup g) places(g.getSteps(), e, out);
			else if (s instanceof ProtocolCall call) places(call.getProtocol().getSteps(), e, out);
			else {
				out.add(CellFiles.place(s, e));
				if (s instanceof Repeat r) places(r.getSteps(), e, out);
			}
		}
	}

	/**
	 * The steps bounded by the cell's voltage window, where it states one ({@code lower-voltage-cutoff},
	 * {@code upper-voltage-cutoff}): a current or power step without a voltage cut-off in its direction ends there
	 * ({@link Cutoff#withinWindow}).
	 */
	public static List<StepSpec> withinWindow(List<StepSpec> steps, Cell cell) {
		return Cutoff.withinWindow(steps, Layers.si(cell, "lower-voltage-cutoff").orElse(Double.NaN),
				Layers.si(cell, "upper-voltage-cutoff").orElse(Double.NaN));
	}

	/** The experiment's {@code solver { }} block over the solver's defaults. */
	public static SolverSettings settings(Experiment e) {
		SolverSettings.Builder b = SolverSettings.builder();
		for (Property p : e.getSettings()) {
			double v = si(p.getValue(), p);
			switch (p.getName()) {
				case "cathode-nodes" -> b.cathodeNodes((int) Math.round(v));
				case "particle-nodes" -> b.particleNodes((int) Math.round(v));
				case "interlayer-nodes" -> b.interlayerNodes((int) Math.round(v));
				case "relative-tolerance" -> b.relativeTolerance(v);
				case "absolute-tolerance" -> b.absoluteTolerance(v);
				case "max-step" -> b.maxStep(v);
				case "output-interval" -> b.outputInterval(v);
				default -> { /* unknown names are reported by validation */ }
			}
		}
		return b.build();
	}

	public static CellSpec cell(Cell c) {
		return cell(c, Map.of());
	}

	static CellSpec cell(Cell c, Map<String, Quantity> overrides) {
		unsupportedAnode(c, c);
		CellSpec.Builder b = CellSpec.builder(c.getName());
		Map<String, Quantity> values = new LinkedHashMap<>();
		Map<String, EObject> where = new LinkedHashMap<>();
		for (Property p : Cells.effectiveProperties(c).values()) {
			values.put(p.getName(), p.getValue());
			where.put(p.getName(), p);
		}
		Map<String, Map<MaterialProperty, Double>> materialOverrides = new LinkedHashMap<>();
		Set<String> layerNames = new HashSet<>();
		for (Layer l : Cells.effectiveLayers(c)) layerNames.add(l.getName());
		for (Map.Entry<String, Quantity> o : overrides.entrySet()) {
			String target = o.getKey();
			int dot = target.indexOf('.');
			if (dot < 0) {
				if (!CELL_TARGETS.contains(target))
					throw new IllegalArgumentException("cannot vary '" + target + "' of a cell; these can: " + String.join(", ", CELL_TARGETS));
				values.put(target, o.getValue());
				where.putIfAbsent(target, c);
			} else if (!layerNames.contains(target.substring(0, dot))) {
				String owner = target.substring(0, dot);
				String prop = target.substring(dot + 1);
				Material used = materialsOf(c).get(owner);
				if (used == null)
					throw new IllegalArgumentException("cell " + c.getName() + " has no layer or material '" + owner + "'");
				MaterialProperty key = materialProperty(prop);
				if (key == null)
					throw new IllegalArgumentException("cannot vary '" + prop + "' of material " + owner + ": the solver has no such property");
				materialOverrides.computeIfAbsent(owner, k -> new java.util.EnumMap<>(MaterialProperty.class)).put(key,
						si(o.getValue(), used));
			} else if (!LAYER_TARGETS.contains(target.substring(dot + 1))) {
				throw new IllegalArgumentException("cannot vary '" + target.substring(dot + 1) + "' of a layer yet; these can: "
						+ String.join(", ", LAYER_TARGETS));
			}
		}
		Quantity nominal = null;
		EObject nominalAt = null;
		for (Map.Entry<String, Quantity> p : values.entrySet()) {
			double v = si(p.getValue(), where.get(p.getKey()));
			switch (p.getKey()) {
				case "area" -> b.area(v);
				case "temperature" -> b.temperature(v);
				case "stack-pressure" -> b.stackPressure(v);
				case "nominal-capacity" -> {
					nominal = p.getValue();
					nominalAt = where.get(p.getKey());
				}
				default -> { /* other cell properties are not used by the solver yet */ }
			}
		}
		for (Layer l : Cells.effectiveLayers(c)) {
			Map<String, Quantity> own = new LinkedHashMap<>();
			String prefix = l.getName() + ".";
			overrides.forEach((k, v) -> {
				if (k.startsWith(prefix)) own.put(k.substring(prefix.length()), v);
			});
			b.layer(layer(l, own, materialOverrides));
		}
		CellSpec cell = b.build();
		if (nominal == null) return cell;
		// the solver takes a capacity [C]; an areal one (mAh/cm2) is per cell area
		double q = si(nominal, nominalAt);
		if (dimension(nominal, nominalAt) == Dimension.AREAL_CAPACITY) q *= cell.area();
		return cell.toBuilder().nominalCapacity(q).build();
	}

	/** What a sweep can vary: cell properties, and per layer its thickness and these properties. */
	public static final List<String> CELL_TARGETS = List.of("area", "temperature", "stack-pressure", "nominal-capacity");
	public static final List<String> LAYER_TARGETS = List.of("thickness", "porosity", "pore-size", "particle-radius", "bruggeman",
			"tortuosity", "bruggeman-electrolyte", "bruggeman-solid");

	static LayerSpec layer(Layer l) {
		return layer(l, Map.of());
	}

	/** A layer, with some of its values replaced (thickness or a property of {@link #LAYER_TARGETS}). */
	static LayerSpec layer(Layer l, Map<String, Quantity> overrides) {
		return layer(l, overrides, Map.of());
	}

	/**
	 * A layer with some of its values replaced, and some properties of its materials (by material name; a fit's
	 * {@code Material.property} estimate): {@code materialOverrides} in SI.
	 */
	static LayerSpec layer(Layer l, Map<String, Quantity> overrides, Map<String, Map<MaterialProperty, Double>> materialOverrides) {
		LayerSpec plain = layer0(l, materialOverrides);
		if (overrides.isEmpty()) return plain;
		LayerSpec.Builder b = plain.toBuilder();
		for (Map.Entry<String, Quantity> o : overrides.entrySet()) {
			double v = si(o.getValue(), l);
			switch (o.getKey()) {
				case "thickness" -> b.thickness(v);
				case "porosity" -> b.porosity(v);
				default -> {
					if (!setLayerProperty(b, o.getKey(), v)) throw new IllegalArgumentException("cannot vary '" + o.getKey() + "' of a layer yet");
				}
			}
		}
		return b.build();
	}

	/**
	 * Sets a layer property the solver reads from the layer's own properties (as written, or as a varied target), in SI;
	 * false for any other name.
	 */
	private static boolean setLayerProperty(LayerSpec.Builder b, String name, double v) {
		switch (name) {
			case "pore-size" -> b.poreSize(v);
			case "particle-radius" -> b.particleRadius(v);
			case "bruggeman" -> b.bruggeman(v);
			case "tortuosity" -> b.tortuosity(v);
			// per conduction phase, as a DFN electrode's: the ionic (solid-electrolyte) network and the electronic one
			case "bruggeman-electrolyte" -> b.ionicBruggeman(v);
			case "bruggeman-solid" -> b.electronicBruggeman(v);
			default -> {
				return false;
			}
		}
		return true;
	}

	static LayerSpec layer0(Layer l) {
		return layer0(l, Map.of());
	}

	/**
	 * Whether an override target ({@code stack-pressure}, {@code layer.property}, {@code Material.property}) names
	 * something of cell {@code c}: a fit's material estimate applies to the targets whose cells use the material.
	 */
	public static boolean appliesTo(Cell c, String target) {
		int dot = target.indexOf('.');
		if (dot < 0) return true;
		String owner = target.substring(0, dot);
		for (Layer l : Cells.effectiveLayers(c))
			if (owner.equals(l.getName())) return true;
		return materialsOf(c).containsKey(owner);
	}

	/** The materials a cell's layers are made of (composites and their components), by name. */
	static Map<String, Material> materialsOf(Cell c) {
		Map<String, Material> out = new LinkedHashMap<>();
		for (Layer l : Cells.effectiveLayers(c))
			for (Material m : Composites.materialsWithin(l.getMaterial())) out.putIfAbsent(m.getName(), m);
		return out;
	}

	private static MaterialSpec patched(MaterialSpec spec, Material m, Map<String, Map<MaterialProperty, Double>> overrides) {
		Map<MaterialProperty, Double> own = m == null ? null : overrides.get(m.getName());
		if (own == null) return spec;
		for (Map.Entry<MaterialProperty, Double> e : own.entrySet()) spec = spec.with(e.getKey(), e.getValue());
		return spec;
	}

	static LayerSpec layer0(Layer l, Map<String, Map<MaterialProperty, Double>> materialOverrides) {
		Material m = l.getMaterial();
		if (m == null || m.eIsProxy())
			throw new InputException(CellFiles.problemAt(l, Severity.ERROR, "layer " + l.getName() + ": unknown material"));
		LayerSpec.Builder b = LayerSpec.builder(l.getName(), role(m));
		b.thickness(Layers.thicknessOrDerived(l).orElseThrow(() -> new InputException(CellFiles.problemAt(l, Severity.ERROR,
				"layer " + l.getName() + ": give a thickness, or an areal-loading and a porosity (with densities of its materials) to derive it"))));
		Layers.porosity(l).ifPresent(b::porosity);
		Double hostStoichiometry = null;
		for (Property p : l.getProperties()) {
			double v = si(p.getValue(), p);
			if ("initial-stoichiometry".equals(p.getName())) hostStoichiometry = v;
			else setLayerProperty(b, p.getName(), v); // false: not used by the solver yet
		}
		// 'without contact-loss': the layer's optional mechanisms switched off (the language checks the names)
		for (String off : l.getSwitchedOff()) {
			OptionalMechanism mechanism = OptionalMechanism.ofLabel(off);
			if (mechanism == null)
				throw new InputException(CellFiles.problemAt(l, Severity.ERROR, "layer " + l.getName() + ": "
						+ org.cellwright.lang.text.Printable.quoted("without " + off) + ": no such mechanism"));
			b.without(mechanism);
		}
		if (m instanceof Composite comp) {
			for (Component part : comp.getComponents())
				b.component(host(patched(material(part.getMaterial()), part.getMaterial(), materialOverrides), part.getMaterial(),
						hostStoichiometry), massFraction(comp, part));
		} else {
			b.material(host(patched(material(m), m, materialOverrides), m, hostStoichiometry));
		}
		return b.build();
	}

	/**
	 * A layer's {@code initial-stoichiometry} is the lithiation state of its host materials (alloy hosts and
	 * intercalation cathodes; not the carbon or electrolyte beside them): it replaces their material's
	 * initial-stoichiometry. This is how the study's lithiated interlayer (cell 2) is described: the as-cast
	 * SiNP-CNT layer whose Si is lithiated to 99.5 %, exactly the solver's
	 * {@code Sung2023Parameters.silicon().with(INITIAL_STOICHIOMETRY, 0.995)}; the solver derives the lithiated
	 * thickness, porosity and pore size itself.
	 */
	static MaterialSpec host(MaterialSpec spec, Material m, Double stoichiometry) {
		if (stoichiometry == null || m == null) return spec;
		MaterialKind k = m.getKind();
		if (k != MaterialKind.ALLOY_HOST && k != MaterialKind.INTERCALATION_CATHODE) return spec;
		return spec.with(MaterialProperty.INITIAL_STOICHIOMETRY, stoichiometry);
	}

	/** Mass fraction of a component; volume fractions are turned into mass fractions with the densities. */
	static double massFraction(Composite comp, Component part) {
		double f = si(part.getFraction(), part);
		if (Units.dimensionOf(part.getFraction()) != Dimension.VOLUME_FRACTION) return f;
		double total = 0;
		for (Component c : comp.getComponents()) total += si(c.getFraction(), c) * density(c.getMaterial(), c);
		return f * density(part.getMaterial(), part) / total;
	}

	private static double density(Material m, EObject where) {
		return Layers.solidDensity(m).orElseThrow(() -> new InputException(CellFiles.problemAt(where, Severity.ERROR,
				"material " + m.getName() + " needs a density to turn its vol% into a mass fraction")));
	}

	/**
	 * The solid-state solver models lithium-metal and interlayer anodes with a solid electrolyte: a liquid-electrolyte
	 * cell (which 'run', sweeps and fits map with {@link org.cellwright.run.dfn.DfnMapping} instead, through
	 * {@link Plans#unit}) and a cell with an
	 * intercalation-anode layer (a graphite-like negative electrode) but no liquid electrolyte end here, before solving,
	 * with an error at {@code where} (the experiment that runs the cell, or the cell) naming the cell, the layer and what
	 * is supported.
	 */
	static void unsupportedAnode(Cell c, EObject where) {
		String file = c.eResource() != null && c.eResource().getURI().lastSegment() != null ? c.eResource().getURI().lastSegment() : "FILE.cell";
		// a liquid electrolyte (also as a composite's component) is not a single-ion solid electrolyte: never run it as one
		for (Layer l : Cells.effectiveLayers(c))
			for (Material m : Composites.materialsWithin(l.getMaterial()))
				if (!(m instanceof Composite) && m.isSetKind() && m.getKind() == MaterialKind.LIQUID_ELECTROLYTE)
					throw new InputException(CellFiles.problemAt(where, Severity.ERROR, "layer " + l.getName() + " of cell " + c.getName()
							+ " holds the liquid electrolyte " + m.getName() + ": such a cell runs through the DFN solver ('run', sweeps"
							+ " and 'fit' map it with DfnMapping), not through the solid-state solver's inputs"));
		for (Layer l : Cells.effectiveLayers(c))
			if (Composites.intercalationAnode(l.getMaterial()) != null)
				throw new InputException(CellFiles.problemAt(where, Severity.ERROR, "layer " + l.getName() + " of cell " + c.getName()
						+ " is an intercalation anode (graphite-like) in a cell without a liquid electrolyte; the solid-state solver models"
						+ " lithium-metal and interlayer anodes only, the DFN solver a graphite-like electrode in a liquid electrolyte"
						+ " (docs/language.md, 'Liquid-electrolyte cells') \u2014 or export it to BPX to simulate it in PyBaMM (cellwright export-bpx "
						+ file + " --cell " + c.getName() + ")"));
	}

	/**
	 * What a layer is, from its material (for a composite: its most electrochemically active component). An
	 * intercalation anode has no role in the solver: {@link #unsupportedAnode} stops a cell with one before this.
	 */
	static LayerRole role(Material m) {
		if (Composites.intercalationAnode(m) != null)
			throw new InputException(CellFiles.problemAt(m, Severity.ERROR, "material " + m.getName()
					+ " is an intercalation anode (graphite-like); the solver models lithium-metal and interlayer anodes only"
					+ " \u2014 export the cell to BPX to simulate it in PyBaMM"));
		if (m instanceof Composite comp) {
			boolean host = false;
			for (Component c : comp.getComponents()) {
				MaterialKind k = c.getMaterial() == null ? null : c.getMaterial().getKind();
				if (k == MaterialKind.INTERCALATION_CATHODE) return LayerRole.COMPOSITE_CATHODE;
				if (k == MaterialKind.ALLOY_HOST || k == MaterialKind.CONDUCTIVE_CARBON) host = true;
			}
			return host ? LayerRole.INTERLAYER : LayerRole.SEPARATOR;
		}
		return switch (m.getKind()) {
			case CURRENT_COLLECTOR -> LayerRole.CURRENT_COLLECTOR;
			case LITHIUM_METAL -> LayerRole.LITHIUM_METAL;
			case SOLID_ELECTROLYTE -> LayerRole.SEPARATOR;
			case INTERCALATION_CATHODE -> LayerRole.COMPOSITE_CATHODE;
			case ALLOY_HOST, CONDUCTIVE_CARBON, BINDER -> LayerRole.INTERLAYER;
			case INTERCALATION_ANODE -> throw new IllegalStateException("handled above");
			case LIQUID_ELECTROLYTE -> throw new InputException(CellFiles.problemAt(m, Severity.ERROR, "material " + m.getName()
					+ " is a liquid electrolyte: a cell with it runs through the DFN solver, not the solid-state inputs"));
		};
	}

	/**
	 * Material properties map by name: {@code ionic-conductivity} is {@link MaterialProperty#IONIC_CONDUCTIVITY}. An
	 * exchange-current-density written as a function (or table) of the state is the material's exchange-current law,
	 * read by {@link PropertyFunctions#kinetic} (Arrhenius factor included), which the composite cathode evaluates at
	 * its surface concentration instead of the fixed form 2 i0(1/2) sqrt(x (1 - x)) (docs/language.md).
	 */
	public static MaterialSpec material(Material m) {
		MaterialSpec.Builder b = MaterialSpec.builder(m.getName());
		for (Property p : m.getProperties()) {
			MaterialProperty key = materialProperty(p.getName());
			if (key == MaterialProperty.EXCHANGE_CURRENT_DENSITY && !PropertyFunctions.isConstant(p)) {
				try {
					var law = PropertyFunctions.kinetic(m, p.getName()).orElseThrow();
					b.exchangeCurrentLaw(law::at);
				} catch (IllegalArgumentException e) {
					throw new InputException(CellFiles.problemAt(p, Severity.ERROR, p.getName() + " of " + m.getName() + ": " + e.getMessage()));
				}
			} else if (key != null && p.getStatedAt() != null && ArrheniusLaws.has(key))
				// stated at its own temperature: the solver takes it so (MaterialSpec converts it with the activation energy it has)
				b.set(key, si(p.getValue(), p), si(p.getStatedAt(), p));
			else if (key != null) b.set(key, si(p.getValue(), p));
		}
		if (m.getTransformation() != null) {
			// the lithiation of an alloy host (Si -> Li15Si4): its capacity, plateau and the lithiated density
			for (Property p : m.getTransformation().getProperties()) {
				MaterialProperty key = materialProperty(p.getName());
				if (key != null) b.set(key, si(p.getValue(), p));
			}
			Material product = m.getTransformation().getProduct();
			if (product != null && !product.eIsProxy())
				Layers.solidDensity(product).ifPresent(d -> b.set(MaterialProperty.LITHIATED_DENSITY, d));
		}
		java.util.function.DoubleUnaryOperator ocv = ocv(m);
		if (ocv != null) b.ocv(ocv);
		return b.build();
	}

	/** A material's OCV in V against stoichiometry (its table, else its function), or null without one. */
	public static java.util.function.DoubleUnaryOperator ocv(Material m) {
		if (m.getOcv() != null && !m.getOcv().getPoints().isEmpty()) {
			List<Point> pts = m.getOcv().getPoints();
			double[] x = new double[pts.size()], y = new double[pts.size()];
			double scale = factor(m.getOcv().getYUnit(), m.getOcv());
			for (int i = 0; i < x.length; i++) {
				x[i] = pts.get(i).getX();
				y[i] = pts.get(i).getY() * scale;
			}
			try {
				return new OcvTable(x, y);
			} catch (IllegalArgumentException ex) {
				throw new InputException(CellFiles.problemAt(m.getOcv(), Severity.ERROR, "ocv table of " + m.getName() + ": " + ex.getMessage()));
			}
		}
		if (m.getOcvFunction() != null) {
			double scale = factor(m.getOcvFunction().getYUnit(), m.getOcvFunction());
			var f = Expressions.compile(m.getOcvFunction());
			return x -> scale * f.applyAsDouble(x);
		}
		return null;
	}

	/**
	 * What determines a material's {@code ocv function} (the one {@link #ocv} compiles when it has no ocv table) exactly:
	 * its variable, its unit's scale and its expression's tokens as the node model has them (comments and layout left
	 * out; the expression refers to nothing but its variable and fixed constants); null when it has no ocv function or
	 * no node model (a model built in code). The key of DfnMapping's cache of checked OCP tables.
	 */
	public static String ocvFunctionKey(Material m) {
		if (m.getOcvFunction() == null || m.getOcv() != null && !m.getOcv().getPoints().isEmpty()) return null;
		var node = org.eclipse.xtext.nodemodel.util.NodeModelUtils.findActualNodeFor(m.getOcvFunction().getBody());
		if (node == null) return null;
		StringBuilder key = new StringBuilder(Expressions.variable(m.getOcvFunction())).append(' ').append(factor(m.getOcvFunction().getYUnit(), m.getOcvFunction()));
		for (var leaf : node.getLeafNodes())
			if (!leaf.isHidden()) key.append(' ').append(leaf.getText());
		return key.toString();
	}

	static MaterialProperty materialProperty(String dslName) {
		return MaterialProperty.ofLanguageName(dslName);
	}

	/**
	 * The solver steps of a protocol's steps (groups and {@code run} flattened).
	 * @param area the cell's area [m2], to turn an absolute power into the solver's power density
	 */
	public static List<StepSpec> steps(List<Step> steps, double area) {
		List<StepSpec> out = new ArrayList<>();
		for (Step s : steps) {
			if (s instanceof StepGroup g) out.addAll(steps(g.getSteps(), area));
			else if (s instanceof ProtocolCall call) out.addAll(steps(call.getProtocol().getSteps(), area));
			else out.add(step(s, area));
		}
		return out;
	}

	static StepSpec step(Step s, double area) {
		if (s instanceof Rest r) return new StepSpec.Rest(List.of(Cutoff.duration(si(r.getDuration(), r))));
		if (s instanceof Repeat r) return new StepSpec.Repeat(r.getCount(), steps(r.getSteps(), area));
		if (s instanceof VoltageHold h) {
			List<Cutoff> cutoffs = new ArrayList<>();
			for (Limit l : h.getLimits()) cutoffs.add(cutoff(l, 1, area));
			return new StepSpec.ConstantVoltage(si(h.getVoltage(), h), cutoffs);
		}
		if (s instanceof SetCondition c) {
			Property p = c.getProperty();
			double v = si(p.getValue(), p);
			return switch (p.getName()) {
				case "temperature" -> new StepSpec.SetTemperature(v);
				case "stack-pressure" -> new StepSpec.SetStackPressure(v);
				default -> throw new InputException(CellFiles.problemAt(p, Severity.ERROR,
						"only temperature and stack-pressure can be set between steps, not " + p.getName()));
			};
		}
		if (s instanceof CurrentStep cs) {
			double sign = cs.getDirection() == Direction.CHARGE ? 1 : -1;
			Quantity rate = cs.getRate();
			Dimension d = dimension(rate, cs);
			if (d == Dimension.POWER_DENSITY || d == Dimension.POWER) {
				List<Cutoff> cutoffs = new ArrayList<>();
				for (Limit l : cs.getLimits()) cutoffs.add(cutoff(l, sign, area));
				double perArea = Math.abs(si(rate, cs)) / (d == Dimension.POWER ? area : 1);
				return new StepSpec.ConstantPower(sign * perArea, cutoffs);
			}
			CurrentMode mode = switch (d) {
				case C_RATE -> CurrentMode.C_RATE;
				case CURRENT -> CurrentMode.CURRENT;
				case CURRENT_DENSITY -> CurrentMode.DENSITY;
				default -> throw new InputException(CellFiles.problemAt(rate, Severity.ERROR,
						"a step's rate must be a current density (mA/cm2), a current (mA) or a C-rate (C), not '" + rate.getUnit() + "'"));
			};
			List<Cutoff> cutoffs = new ArrayList<>();
			for (Limit l : cs.getLimits()) cutoffs.add(cutoff(l, sign, area));
			// the language gives a C-rate in 1/h; the solver takes multiples of the nominal capacity per hour
			double value = Math.abs(si(rate, cs)) * (mode == CurrentMode.C_RATE ? 1 / Units.parse("C").toSI(1) : 1);
			return new StepSpec.ConstantCurrent(mode, sign * value, cutoffs);
		}
		if (s instanceof DriveCycleStep f) return follow(f, area);
		throw new InputException(CellFiles.problemAt(s, Severity.ERROR, "this kind of step is not supported by the solver yet"));
	}

	/**
	 * A {@code follow "file.csv" current|power} step: the file's samples (read beside the .cell file by
	 * {@link DriveCycleFile}), scaled so that the largest magnitude is {@code scaled to}, else taken in the header's unit;
	 * the language's positive values discharge, the solver's charge. A power is per area; a current keeps its mode
	 * (density, current or C-rate) as a current step does. Its voltage cut-off is in the direction of the profile's net
	 * charge (a mostly discharging profile ends 'until 2.5 V' below 2.5 V). Problems of the file are errors at the step.
	 */
	static StepSpec.Follow follow(DriveCycleStep s, double area) {
		boolean power = "power".equals(s.getQuantity());
		if (!power && !"current".equals(s.getQuantity()))
			throw new InputException(CellFiles.problemAt(s, Severity.ERROR, "a drive cycle follows a 'current' or a 'power' profile, not '" + s.getQuantity() + "'"));
		if (s.eResource() == null || !s.eResource().getURI().isFile())
			throw new InputException(CellFiles.problemAt(s, Severity.ERROR, "a drive-cycle file is found beside the .cell file, and this text has no file"));
		java.nio.file.Path file = java.nio.file.Path.of(s.eResource().getURI().toFileString()).toAbsolutePath().getParent().resolve(s.getPath()).normalize();
		DriveCycleFile cycle;
		try {
			cycle = DriveCycleFile.read(file);
		} catch (DriveCycleFile.Problem e) {
			throw new InputException(CellFiles.problemAt(s, Severity.ERROR, s.getPath() + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.getMessage()));
		} catch (java.io.IOException e) {
			throw new InputException(CellFiles.problemAt(s, Severity.ERROR, "no drive-cycle file '" + s.getPath() + "' beside this file (" + e.getMessage() + ")"));
		}
		Quantity scale = s.getScale();
		Dimension d;
		double factor;
		if (scale != null) {
			d = dimension(scale, s);
			if (!(cycle.peak() > 0))
				throw new InputException(CellFiles.problemAt(s, Severity.ERROR, s.getPath() + ": every value is 0, so it cannot be scaled"));
			factor = Math.abs(si(scale, s)) / cycle.peak();
		} else {
			Unit u = Units.find(cycle.valueUnit()).orElse(null);
			if (u == null)
				throw new InputException(CellFiles.problemAt(s, Severity.ERROR, s.getPath() + ": the header names no " + s.getQuantity()
						+ " unit for its values: add 'scaled to " + (power ? "100 W" : "2 C") + "'"));
			d = u.dimension();
			factor = u.toSI(1);
		}
		CurrentMode mode;
		if (power) {
			if (d != Dimension.POWER && d != Dimension.POWER_DENSITY)
				throw new InputException(CellFiles.problemAt(s, Severity.ERROR, "a power profile is scaled to a power (W) or power density (mW/cm2)"));
			mode = CurrentMode.DENSITY;
			if (d == Dimension.POWER) factor /= area;
		} else {
			mode = switch (d) {
				case C_RATE -> CurrentMode.C_RATE;
				case CURRENT -> CurrentMode.CURRENT;
				case CURRENT_DENSITY -> CurrentMode.DENSITY;
				default -> throw new InputException(CellFiles.problemAt(s, Severity.ERROR,
						"a current profile is scaled to a current density (mA/cm2), a current (A) or a C-rate (C)"));
			};
			if (mode == CurrentMode.C_RATE) factor /= Units.parse("C").toSI(1); // multiples of the nominal capacity per hour
		}
		double[] t = cycle.time(), v = cycle.value();
		for (int k = 0; k < v.length; k++) v[k] *= -factor; // positive discharges in the file, charges in the solver
		double sign = new StepSpec.Follow(power, mode, t, v, s.getPath(), List.of()).netDirection();
		List<Cutoff> cutoffs = new ArrayList<>();
		for (Limit l : s.getLimits()) cutoffs.add(cutoff(l, sign, area));
		return new StepSpec.Follow(power, mode, t, v, s.getPath(), cutoffs);
	}

	/** A step's limit in SI; a current ('until 0.05 mA') is per cell area ({@code area} [m2]), as the solver's cut-offs are. */
	static Cutoff cutoff(Limit l, double sign, double area) {
		Quantity q = l.getValue();
		double v = si(q, l);
		Dimension d = dimension(q, l);
		if (l.getKind() == LimitKind.FOR) {
			if (d != Dimension.TIME)
				throw new InputException(CellFiles.problemAt(q, Severity.ERROR, "'for' needs a duration (h, min, s), not '" + q.getUnit() + "'"));
			return Cutoff.duration(v);
		}
		return switch (d) {
			case VOLTAGE -> sign > 0 ? Cutoff.voltageAbove(v) : Cutoff.voltageBelow(v);
			case AREAL_CAPACITY -> Cutoff.capacity(Math.abs(v));
			case CURRENT -> Cutoff.currentBelow(Math.abs(v) / area);
			case CURRENT_DENSITY -> Cutoff.currentBelow(Math.abs(v));
			case C_RATE -> Cutoff.currentBelowCRate(Math.abs(v) / Units.parse("C").toSI(1)); // with the nominal capacity, like a C-rate step
			case TIME -> Cutoff.duration(v);
			default -> throw new InputException(CellFiles.problemAt(q, Severity.ERROR,
					"'until' needs a voltage (V), an areal capacity (mAh/cm2), a current density (mA/cm2) or a C-rate (C), not '" + q.getUnit() + "'"));
		};
	}

	/** The SI value of a quantity; a missing value or an unknown unit is an error located at the quantity. */
	public static double si(Quantity q, EObject where) {
		return unit(q, where).toSI(q.getValue());
	}

	public static Dimension dimension(Quantity q, EObject where) {
		return unit(q, where).dimension();
	}

	static double factor(String symbol, EObject where) {
		try {
			return Units.parse(symbol == null ? "" : symbol).toSI(1);
		} catch (IllegalArgumentException e) {
			throw new InputException(CellFiles.problemAt(where, Severity.ERROR, e.getMessage()));
		}
	}

	private static Unit unit(Quantity q, EObject where) {
		if (q == null) throw new InputException(CellFiles.problemAt(where, Severity.ERROR, "a value is missing"));
		try {
			return Units.parse(q.getUnit() == null ? "" : q.getUnit());
		} catch (IllegalArgumentException e) {
			throw new InputException(CellFiles.problemAt(q, Severity.ERROR, e.getMessage()));
		}
	}
}

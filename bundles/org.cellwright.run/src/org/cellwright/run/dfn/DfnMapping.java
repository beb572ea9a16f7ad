package org.cellwright.run.dfn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import org.cellwright.lang.expressions.KineticFunction;
import org.cellwright.lang.expressions.PropertyFunctions;
import org.cellwright.lang.model.CellThermal;
import org.cellwright.lang.model.Cells;
import org.cellwright.lang.model.Composites;
import org.cellwright.lang.model.Layers;
import org.cellwright.lang.units.Dimension;
import org.cellwright.lang.units.Units;
import org.cellwright.lang.validation.ExperimentValidator;
import org.cellwright.model.Cell;
import org.cellwright.model.Component;
import org.cellwright.model.Composite;
import org.cellwright.model.Experiment;
import org.cellwright.model.Layer;
import org.cellwright.model.Material;
import org.cellwright.model.MaterialKind;
import org.cellwright.model.Property;
import org.cellwright.model.PropertyOwner;
import org.cellwright.model.Protocol;
import org.cellwright.model.ProtocolCall;
import org.cellwright.model.Quantity;
import org.cellwright.model.Repeat;
import org.cellwright.model.SetCondition;
import org.cellwright.model.Step;
import org.cellwright.model.StepGroup;
import org.cellwright.run.CellFiles;
import org.cellwright.run.InputException;
import org.cellwright.run.Problem.Severity;
import org.cellwright.run.SimulationInputs;
import org.cellwright.run.Sweeps;
import org.cellwright.solver.dfn.ButlerVolmerKinetics;
import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.DfnInputCheck;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.EntropicOpenCircuitPotential;
import org.cellwright.solver.dfn.OpenCircuitPotential;
import org.cellwright.solver.input.OcvTable;
import org.cellwright.solver.dfn.ExchangeCurrentDensity;
import org.cellwright.solver.dfn.ExchangeCurrentLaw;
import org.cellwright.solver.dfn.FickianParticle;
import org.cellwright.solver.dfn.IntercalationElectrode;
import org.cellwright.solver.dfn.ParticlePopulation;
import org.cellwright.solver.dfn.LiquidElectrolyte;
import org.cellwright.solver.dfn.LithiumMetalExchangeCurrentDensity;
import org.cellwright.solver.dfn.NegativeElectrode;
import org.cellwright.solver.dfn.PlanarLithiumElectrode;
import org.cellwright.solver.dfn.LumpedThermal;
import org.cellwright.solver.dfn.OhmicSolidPhase;
import org.cellwright.solver.dfn.PorousSeparator;
import org.cellwright.solver.dfn.StateFunction;
import org.cellwright.solver.dfn.ZerothOrderHysteresis;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.input.json.ResolvedInputs;
import org.cellwright.model.CellwrightFactory;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * The language boundary of liquid-electrolyte cells: a cell whose separator holds a {@code liquid-electrolyte} is a
 * Doyle-Fuller-Newman cell (docs/language.md, "Liquid-electrolyte cells"; docs/dfn.md). Its layers are mapped onto
 * the solver's {@link IntercalationElectrode}, {@link PorousSeparator}, {@link LiquidElectrolyte} and {@link DfnCell},
 * units converted here (by the language's {@link Units}), nowhere in the solver. Every missing or unusable value ends
 * in an {@link InputException} at the file and line that should give it.
 *
 * <p>The negative is a porous intercalation-anode layer or a lithium-metal layer (a planar electrode at the separator,
 * {@link PlanarLithiumElectrode}: a mixed cell Li | liquid | porous cathode).
 *
 * <p>Rules: the separator layer holds the cell's electrolyte (alone: porosity 1; or a composite of it and inert
 * binder-kind polymers: porosity = its vol%), and that electrolyte fills the pores of every porous layer, so a layer's
 * {@code porosity} is its electrolyte volume fraction. Current collectors are not modelled (no ohmic drop).
 */
public final class DfnMapping {
	private DfnMapping() {}

	/**
	 * The material properties a fit may estimate in a liquid-electrolyte cell ({@code Material.property}): those this
	 * mapping reads of an electrode's active material, a lithium-metal foil or the electrolyte.
	 */
	public static final List<String> MATERIAL_TARGETS = List.of("diffusivity", "electronic-conductivity", "max-concentration",
			"initial-stoichiometry", "exchange-current-rate-constant", "exchange-current-density", "exchange-current-electrolyte-exponent",
			"exchange-current-solid-exponent", "exchange-current-vacancy-exponent", "exchange-current-activation-energy", "transfer-coefficient",
			"ionic-conductivity", "transference-number", "thermodynamic-factor", "initial-concentration");

	/** Default Bruggeman exponent of both phases (Bruggeman 1935; the Marquis 2019 and Chen 2020 sets). */
	public static final double DEFAULT_BRUGGEMAN = 1.5;
	/** Default reference temperature of the Arrhenius factors [K] (25 degC). */
	public static final double DEFAULT_REFERENCE_TEMPERATURE = 298.15;
	/** Default exponents of the exchange-current power law (Doyle, Fuller and Newman 1993 with alpha = 1/2). */
	public static final double DEFAULT_EXCHANGE_EXPONENT = 0.5;

	/**
	 * The SI unit of a material's exchange-current-rate-constant, which is written without one: A/m2 (m3/mol)^n, n the
	 * sum of its law's exponents (a + b + c of an intercalation material's i0 = k ce^a cs^b (cmax - cs)^c, a of a
	 * lithium metal's i0 = k ce^a; each {@link #DEFAULT_EXCHANGE_EXPONENT} unless written). A fit of it names it
	 * (fit.json's "unit"; it was "").
	 */
	public static String rateConstantUnit(Material m) {
		double n = Layers.si(m, "exchange-current-electrolyte-exponent").orElse(DEFAULT_EXCHANGE_EXPONENT);
		if (m.getKind() != MaterialKind.LITHIUM_METAL)
			n += Layers.si(m, "exchange-current-solid-exponent").orElse(DEFAULT_EXCHANGE_EXPONENT)
					+ Layers.si(m, "exchange-current-vacancy-exponent").orElse(DEFAULT_EXCHANGE_EXPONENT);
		return "A/m2 (m3/mol)^" + java.math.BigDecimal.valueOf(n).stripTrailingZeros().toPlainString();
	}
	/** Default finite volumes per electrode and separator, and shells per particle (PyBaMM's benchmark mesh). */
	public static final int DEFAULT_NODES = 20, DEFAULT_PARTICLE_NODES = ExperimentValidator.DEFAULT_PARTICLE_NODES;
	/** Default relative tolerance of the time stepper (reaches the COMSOL comparison's 0.3 mV, docs/dfn.md). */
	public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-4;

	/**
	 * The electrolyte concentration of a single-particle cell's exchange currents [mol/m3]: BPX's reference
	 * concentration c_e0 (its j0 = F k sqrt(c_e/c_e0 x (1 - x)) then has c_e/c_e0 = 1, as PyBaMM's SPM from BPX).
	 */
	public static final double SINGLE_PARTICLE_ELECTROLYTE_CONCENTRATION = 1000;

	/**
	 * Whether a cell runs through the DFN solver's models: one of its layers holds a liquid electrolyte (DfnModel), or
	 * it says {@code model single-particle} (SingleParticleModel).
	 */
	public static boolean isDfnCell(Cell c) {
		return Cells.runsOnDfnSolver(c);
	}

	/** The liquid-electrolyte material in a material (itself or a component at any depth), or null. */
	static Material liquidElectrolyte(Material m) {
		for (Material x : Composites.materialsWithin(m))
			if (!(x instanceof Composite) && x.isSetKind() && x.getKind() == MaterialKind.LIQUID_ELECTROLYTE) return x;
		return null;
	}

	/** The intercalation material of a kind in a layer's material (itself or a component), or null. */
	static Material active(Material m, MaterialKind kind) {
		List<Material> all = actives(m, kind);
		return all.isEmpty() ? null : all.get(0);
	}

	/** Every intercalation material of a kind in a layer's material: two or more make a blended electrode. */
	static List<Material> actives(Material m, MaterialKind kind) {
		List<Material> out = new ArrayList<>();
		for (Material x : Composites.materialsWithin(m))
			if (!(x instanceof Composite) && x.isSetKind() && x.getKind() == kind && !out.contains(x)) out.add(x);
		return out;
	}

	/**
	 * An experiment's DFN inputs.
	 *
	 * @param overrides a sweep's values by target ({@code temperature}, {@code layer.property}, {@code layer.thickness})
	 */
	public static DfnInputs of(Experiment e, String name, Map<String, Quantity> overrides, ResolvedInputs.Provenance provenance) {
		Cell c = e.getCell();
		Mapper m = new Mapper(c, e, overrides);
		DfnCell cell = m.cell();
		List<String> problems = DfnInputCheck.problems(cell);
		if (!problems.isEmpty())
			throw new InputException(CellFiles.problemAt(m.problemSite(problems.get(0)), Severity.ERROR,
					"cell " + c.getName() + " cannot be solved: " + String.join("; ", problems)));
		int nodes = (int) m.setting(e, "electrode-nodes", DEFAULT_NODES);
		int shells = (int) m.setting(e, "particle-nodes", DEFAULT_PARTICLE_NODES), modes = (int) m.setting(e, "particle-modes", 0);
		if (modes > shells)
			throw m.error(e.getSettings().stream().filter(p -> "particle-modes".equals(p.getName())).findFirst().orElseThrow(),
					"particle-modes " + modes + " stands for the particle's " + shells + " shells: at most " + shells);
		// particle-modes: a particle whose diffusivity does not depend on c as its shells' slowest modes (docs/dfn.md)
		DfnMesh mesh = new DfnMesh(nodes, (int) m.setting(e, "separator-nodes", DEFAULT_NODES), nodes, shells, modes);
		double rtol = m.setting(e, "relative-tolerance", DEFAULT_RELATIVE_TOLERANCE);
		double interval = m.setting(e, "output-interval", 0);
		double maxStep = m.setting(e, "max-step", Double.POSITIVE_INFINITY);
		List<StepSpec> steps = new ArrayList<>();
		for (Protocol p : e.getProtocols()) {
			supported(p.getSteps());
			steps.addAll(SimulationInputs.steps(p.getSteps(), m.area));
		}
		ProtocolSpec protocol = new ProtocolSpec(name, SimulationInputs.withinWindow(steps, c), SimulationInputs.places(e));
		if (Double.isNaN(m.nominal) && usesCRate(protocol.flatten()))
			throw new InputException(CellFiles.problemAt(e, Severity.ERROR, "a C-rate needs the nominal-capacity of cell " + c.getName()
					+ " (e.g. 'nominal-capacity = 2.4 mAh/cm2'): it defines 1 C"));
		m.values.put("mesh", nodes + "/" + mesh.separator() + "/" + nodes + " x " + mesh.particle() + (modes > 0 ? " (" + modes + " modes)" : ""));
		m.values.put("relative-tolerance", Double.toString(rtol));
		m.values.put("protocol", protocol.toString());
		return new DfnInputs(provenance, c.getName(), cell, mesh, rtol, interval, maxStep, m.area, m.nominal, protocol,
				m.thermal(cell.temperature()), Map.copyOf(m.values));
	}

	private static boolean usesCRate(List<StepSpec> steps) {
		for (StepSpec s : steps)
			if (s instanceof StepSpec.ConstantCurrent cc && cc.mode() == org.cellwright.solver.input.CurrentMode.C_RATE) return true;
			else if (s instanceof StepSpec.Follow f && !f.power() && f.mode() == org.cellwright.solver.input.CurrentMode.C_RATE) return true;
			else if (s instanceof StepSpec.ConstantVoltage cv && cv.cutoffs().stream().anyMatch(c -> c.kind() == org.cellwright.solver.input.Cutoff.Kind.CURRENT_BELOW_C_RATE))
				return true;
		return false;
	}

	/** Steps the DFN runner cannot take end here, at the step: 'set stack-pressure'. */
	static void supported(List<Step> steps) {
		for (Step s : steps) {
			if (s instanceof StepGroup g) supported(g.getSteps());
			else if (s instanceof Repeat r) supported(r.getSteps());
			else if (s instanceof ProtocolCall call && call.getProtocol() != null) supported(call.getProtocol().getSteps());
			else if (s instanceof SetCondition sc && sc.getProperty() != null && "stack-pressure".equals(sc.getProperty().getName()))
				throw new InputException(CellFiles.problemAt(s, Severity.ERROR,
						"a liquid-electrolyte (DFN) cell has no stack-pressure model: remove 'set stack-pressure'"));
		}
	}

	/**
	 * THE one place where a property that may be a function of the state is read: the value of {@code property} of
	 * {@code owner} as f(state, T) in SI through the language's {@link PropertyFunctions#of} (a constant, a function or
	 * a table; the Arrhenius factor of the matching activation energy included for a value that does not use T). The
	 * state is the salt concentration c [mol/m3] for a liquid electrolyte's property and the stoichiometry x = cs/cmax
	 * for a solid's (as {@link FickianParticle} takes it). Null when the property is not written.
	 */
	public static StateFunction stateFunction(Material owner, String property) {
		Property p = Cells.property(owner, property);
		if (p == null) return null;
		try {
			return PropertyFunctions.compile(p); // itself a StateFunction: the solver calls it without a wrapper
		} catch (IllegalArgumentException e) {
			throw new InputException(CellFiles.problemAt(p, Severity.ERROR, property + " of " + owner.getName() + ": " + e.getMessage()));
		}
	}

	/** A function sampled at some states and 25 degC, as text for the inputs' record (it changes when the function does). */
	private static String sampled(StateFunction f, double... states) {
		StringBuilder b = new StringBuilder();
		for (double s : states) b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.6g", f.at(s, DEFAULT_REFERENCE_TEMPERATURE)));
		return b.toString();
	}

	/** Text of a property as written (for the inputs' record), or "-" when absent. */
	private static String text(PropertyOwner owner, String name) {
		Property p = Cells.property(owner, name);
		if (p == null || p.getValue() == null) return "-";
		Quantity q = p.getValue();
		return q.getValue() + (q.getUnit() == null ? "" : " " + q.getUnit());
	}

	/** The mapping of one cell (with a sweep's overrides), remembering what it read for the inputs' record. */
	private static final class Mapper {
		final Cell c;
		final EObject site;
		final Map<String, Quantity> overrides;
		final Map<String, String> values = new LinkedHashMap<>();
		double area, nominal = Double.NaN;
		Material electrolyte;
		Layer negative, separator, positive;
		/** A lithium-metal negative (a planar electrode at x = 0, instead of a porous negative), or null. */
		Layer foil;

		Mapper(Cell c, EObject site, Map<String, Quantity> overrides) {
			this.c = c;
			this.site = site;
			this.overrides = overrides;
		}

		InputException error(EObject at, String message) {
			return new InputException(CellFiles.problemAt(origins.getOrDefault(at, at), Severity.ERROR, message));
		}

		/** The originals of the objects of {@link #own}'s copies (errors are shown at what the file writes). */
		final Map<EObject, EObject> origins = new java.util.HashMap<>();
		private final Map<Material, Material> owned = new java.util.HashMap<>();

		/** Whether an override's owner (before the dot) names a material of the cell rather than one of its layers. */
		boolean materialTarget(String owner) {
			List<Layer> layers = Cells.effectiveLayers(c);
			if (layers.stream().anyMatch(l -> owner.equals(l.getName()))) return false;
			return layers.stream().anyMatch(l -> Composites.materialsWithin(l.getMaterial()).stream().anyMatch(m -> owner.equals(m.getName())));
		}

		/**
		 * The material as this mapping reads it: m itself, or, when overrides name properties of it (a fit's estimates
		 * {@code Material.property}), a copy with those values written in (a constant in place of what the file writes,
		 * also a function). Every layer using the material gets the value; the model is not changed.
		 */
		Material own(Material m) {
			if (m == null) return null;
			return owned.computeIfAbsent(m, x -> {
				Material copy = null;
				EcoreUtil.Copier copier = new EcoreUtil.Copier();
				for (Map.Entry<String, Quantity> o : overrides.entrySet()) {
					int dot = o.getKey().indexOf('.');
					if (dot < 0 || !o.getKey().substring(0, dot).equals(x.getName()) || !materialTarget(x.getName())) continue;
					if (copy == null) {
						copy = (Material) copier.copy(x);
						copier.copyReferences();
						copier.forEach((from, to) -> origins.put(to, from));
					}
					String name = o.getKey().substring(dot + 1);
					Property p = Cells.property(copy, name);
					if (p == null) {
						p = CellwrightFactory.eINSTANCE.createProperty();
						p.setName(name);
						copy.getProperties().add(p);
					}
					p.setFunction(null);
					p.setTable(null);
					p.getRanges().clear();
					p.setValue(EcoreUtil.copy(o.getValue()));
				}
				return copy == null ? x : copy;
			});
		}

		double setting(Experiment e, String name, double fallback) {
			for (Property p : e.getSettings())
				if (name.equals(p.getName())) return SimulationInputs.si(p.getValue(), p);
			return fallback;
		}

		/** Where a problem of the solver's input check is best shown: the electrolyte's material or the cell. */
		EObject problemSite(String problem) {
			if (electrolyte != null && problem.startsWith(electrolyte.getName())) return electrolyte;
			if (problem.startsWith("negative electrode")) return negative != null ? negative : foil;
			if (problem.startsWith("positive electrode")) return positive;
			if (problem.startsWith("separator")) return separator;
			return site;
		}

		/** A cell property (or its override) in SI. */
		Double cellValue(String name) {
			Quantity q = overrides.get(name);
			if (q != null) return SimulationInputs.si(q, site);
			Property p = Cells.effectiveProperties(c).get(name);
			return p == null ? null : SimulationInputs.si(p.getValue(), p);
		}

		/** A layer property (or its override) in SI, or null. */
		Double layerValue(Layer l, String name) {
			Quantity q = overrides.get(l.getName() + "." + name);
			if (q != null) return SimulationInputs.si(q, site);
			Property p = Cells.property(l, name);
			return p == null ? null : SimulationInputs.si(p.getValue(), p);
		}

		double thickness(Layer l) {
			Quantity q = overrides.get(l.getName() + ".thickness");
			if (q != null) return SimulationInputs.si(q, site);
			return Layers.thicknessOrDerived(l).orElseThrow(() -> error(l, "layer " + l.getName() + ": give a thickness"));
		}

		DfnCell cell() {
			for (String k : overrides.keySet()) {
				int dot = k.indexOf('.');
				if (dot < 0 ? !List.of("area", "temperature", "nominal-capacity").contains(k) && !CellThermal.PROPERTIES.contains(k)
						: materialTarget(k.substring(0, dot)) ? !MATERIAL_TARGETS.contains(k.substring(dot + 1))
						: !List.of("thickness", "porosity", "particle-radius", "active-volume-fraction", "bruggeman-electrolyte",
								"bruggeman-solid", "initial-stoichiometry").contains(k.substring(dot + 1)))
					throw error(site, "cannot vary '" + k + "' of a liquid-electrolyte (DFN) cell yet; these can: area, temperature,"
							+ " nominal-capacity, the thermal model's data, a layer's thickness, porosity, particle-radius, active-volume-fraction,"
							+ " bruggeman-electrolyte, bruggeman-solid, initial-stoichiometry, and (in a fit) a material's "
							+ String.join(", ", MATERIAL_TARGETS));
			}
			Double a = cellValue("area");
			if (a == null) throw error(c, "cell " + c.getName() + " needs an area");
			area = a;
			Double t = cellValue("temperature");
			double temperature = t == null ? DEFAULT_REFERENCE_TEMPERATURE : t;
			Property nom = Cells.effectiveProperties(c).get("nominal-capacity");
			Quantity nq = overrides.containsKey("nominal-capacity") ? overrides.get("nominal-capacity") : nom == null ? null : nom.getValue();
			if (nq != null) {
				EObject at = nom != null ? nom : site;
				nominal = SimulationInputs.si(nq, at);
				if (SimulationInputs.dimension(nq, at) == Dimension.AREAL_CAPACITY) nominal *= area;
			}
			values.put("area", area + " m2");
			values.put("temperature", temperature + " K");
			values.put("nominal-capacity", nominal + " C");
			if (Cells.isSingleParticle(c)) {
				singleParticleStack();
				values.put("model", "single-particle (SingleParticleModel; exchange currents at c_e0 = " + SINGLE_PARTICLE_ELECTROLYTE_CONCENTRATION + " mol/m3)");
				return DfnCell.singleParticle(electrode(negative, MaterialKind.INTERCALATION_ANODE), electrode(positive, MaterialKind.INTERCALATION_CATHODE),
						SINGLE_PARTICLE_ELECTROLYTE_CONCENTRATION, temperature);
			}
			stack();
			LiquidElectrolyte liquid = electrolyte();
			double c0 = Layers.si(own(electrolyte), "initial-concentration")
					.orElseThrow(() -> error(electrolyte, "liquid-electrolyte " + electrolyte.getName() + " needs an initial-concentration"));
			values.put("electrolyte.initial-concentration", c0 + " mol/m3");
			NegativeElectrode neg = foil != null ? lithiumMetal(foil) : electrode(negative, MaterialKind.INTERCALATION_ANODE);
			IntercalationElectrode pos = electrode(positive, MaterialKind.INTERCALATION_CATHODE);
			return new DfnCell(neg, separator(), pos, liquid, c0, temperature);
		}

		/**
		 * The lumped thermal model of a cell that gives its thermal data (CellThermal's rule), per m2 of electrode:
		 * heat capacity / area, h, cooling area / area, the ambient temperature (default: the cell's; a sweep's
		 * temperature sets both); null: isothermal.
		 */
		LumpedThermal thermal(double temperature) {
			if (!CellThermal.isThermal(c)) {
				values.put("thermal", Cells.switchedOff(c).contains(CellThermal.SWITCH) ? "switched off" : "none (isothermal)");
				return null;
			}
			List<String> missing = CellThermal.missing(c);
			if (!missing.isEmpty())
				throw error(c, "cell " + c.getName() + " gives part of the lumped thermal model's data (" + CellThermal.given(c).getName()
						+ "): it lacks " + String.join("; ", missing) + ". Add them, or write 'without thermal' to run it isothermal");
			Double capacity = cellValue("heat-capacity");
			if (capacity == null) capacity = cellValue("specific-heat-capacity") * cellValue("density") * cellValue("volume");
			double h = cellValue("heat-transfer-coefficient"), cooling = cellValue("cooling-area");
			// a sweep's temperature is the surroundings' too, as 'set temperature' in a protocol sets both (a climate
			// chamber): else a cell stating its ambient would start at the swept value and relax to its own ambient
			Double ambient = overrides.containsKey("temperature") ? null : cellValue("ambient-temperature");
			LumpedThermal t = new LumpedThermal(capacity / area, h, cooling / area, ambient == null ? temperature : ambient);
			values.put("thermal", String.format(Locale.ROOT, "heat capacity %.6g J/K (%.6g J/m2/K), h %.6g W/m2/K, cooling area %.6g m2"
					+ " (%.6g per electrode area), ambient %.6g K", capacity, t.heatCapacityPerArea(), h, cooling, t.coolingAreaRatio(),
					t.ambientTemperature()));
			return t;
		}

		/** The stack without current collectors: one negative electrode, one separator, one positive electrode. */
		void stack() {
			List<Layer> inner = new ArrayList<>();
			for (Layer l : Cells.effectiveLayers(c)) {
				Material m = l.getMaterial();
				if (m == null || m.eIsProxy()) throw error(l, "layer " + l.getName() + ": unknown material");
				if (!(m instanceof Composite) && m.getKind() == MaterialKind.CURRENT_COLLECTOR) continue;
				inner.add(l);
			}
			for (Layer l : inner) {
				Material m = l.getMaterial();
				if (active(m, MaterialKind.INTERCALATION_ANODE) != null) {
					if (negative != null || foil != null) throw error(l, "cell " + c.getName() + " has two negative electrodes, " + negative.getName() + " and " + l.getName());
					negative = l;
				} else if (active(m, MaterialKind.INTERCALATION_CATHODE) != null) {
					if (positive != null) throw error(l, "cell " + c.getName() + " has two positive electrodes, " + positive.getName() + " and " + l.getName());
					positive = l;
				} else if (liquidElectrolyte(m) != null) {
					if (separator != null) throw error(l, "cell " + c.getName() + " has two separator layers, " + separator.getName() + " and " + l.getName()
							+ ": a liquid-electrolyte cell has one (write it as one layer)");
					separator = l;
				} else if (!(m instanceof Composite) && m.getKind() == MaterialKind.LITHIUM_METAL) {
					if (foil != null || negative != null)
						throw error(l, "cell " + c.getName() + " has two negative electrodes, " + (foil != null ? foil : negative).getName() + " and " + l.getName());
					foil = l;
				} else {
					throw error(l, "layer " + l.getName() + " (" + m.getName() + ") has no place in a liquid-electrolyte cell: its layers are"
							+ " an intercalation-anode electrode, a separator holding the liquid electrolyte, an intercalation-cathode electrode"
							+ " (and current collectors)");
				}
			}
			if (separator == null) {
				Layer any = null;
				for (Layer l : inner) if (liquidElectrolyte(l.getMaterial()) != null) any = l;
				throw error(any != null ? any : c, "cell " + c.getName() + " has no separator holding its liquid electrolyte: write it as a layer"
						+ " of the electrolyte ('layer separator: LP30 25 um') or of a composite of it and an inert polymer");
			}
			if (negative == null && foil == null || positive == null)
				throw error(c, "cell " + c.getName() + " needs an electrode on each side of separator " + separator.getName()
						+ ": an intercalation-anode (or lithium-metal) layer and an intercalation-cathode layer");
			Layer neg = negative != null ? negative : foil;
			int in = inner.indexOf(neg), is = inner.indexOf(separator), ip = inner.indexOf(positive);
			if (!(is > Math.min(in, ip) && is < Math.max(in, ip)))
				throw error(separator, "separator " + separator.getName() + " must lie between the electrodes " + neg.getName() + " and " + positive.getName());
			electrolyte = liquidElectrolyte(separator.getMaterial());
			for (Layer l : inner)
				if (l != separator && liquidElectrolyte(l.getMaterial()) != null && liquidElectrolyte(l.getMaterial()) != electrolyte)
					throw error(l, "layer " + l.getName() + " holds " + liquidElectrolyte(l.getMaterial()).getName() + " but the separator holds "
							+ electrolyte.getName() + ": one liquid electrolyte fills the pores of every layer");
		}

		/**
		 * A single-particle cell's stack (current collectors aside): one intercalation-anode layer and one
		 * intercalation-cathode layer, nothing else (no separator, no electrolyte).
		 */
		void singleParticleStack() {
			for (Layer l : Cells.effectiveLayers(c)) {
				Material m = l.getMaterial();
				if (m == null || m.eIsProxy()) throw error(l, "layer " + l.getName() + ": unknown material");
				if (!(m instanceof Composite) && m.getKind() == MaterialKind.CURRENT_COLLECTOR) continue;
				if (active(m, MaterialKind.INTERCALATION_ANODE) != null && negative == null) negative = l;
				else if (active(m, MaterialKind.INTERCALATION_CATHODE) != null && positive == null) positive = l;
				else throw error(l, "layer " + l.getName() + " has no place in single-particle cell " + c.getName() + ": its layers are one"
						+ " intercalation-anode electrode and one intercalation-cathode electrode (no separator or electrolyte: 'model single-particle')");
			}
			if (negative == null || positive == null)
				throw error(c, "single-particle cell " + c.getName() + " needs an intercalation-anode layer and an intercalation-cathode layer");
		}

		LiquidElectrolyte electrolyte() {
			Material m = own(electrolyte);
			StateFunction kappa = required(m, "ionic-conductivity");
			StateFunction d = required(m, "diffusivity");
			StateFunction tplus = required(m, "transference-number");
			StateFunction tdf = stateFunction(m, "thermodynamic-factor");
			if (tdf == null) tdf = StateFunction.constant(1);
			values.put("electrolyte", m.getName());
			// each at 500, 1000, 1500, 2000 mol/m3 and 25 degC
			values.put("electrolyte.ionic-conductivity", sampled(kappa, 500, 1000, 1500, 2000));
			values.put("electrolyte.diffusivity", sampled(d, 500, 1000, 1500, 2000));
			values.put("electrolyte.transference-number", sampled(tplus, 500, 1000, 1500, 2000));
			values.put("electrolyte.thermodynamic-factor", sampled(tdf, 500, 1000, 1500, 2000));
			for (String n : List.of("ionic-activation-energy", "diffusion-activation-energy", "reference-temperature"))
				values.put("electrolyte." + n, text(m, n));
			return new LiquidElectrolyte(m.getName(), kappa, d, tplus, tdf);
		}

		StateFunction required(Material m, String property) {
			StateFunction f = stateFunction(m, property);
			if (f == null) throw error(m, (m.isSetKind() ? m.getKind().getLiteral() + " " : "material ") + m.getName() + " lacks " + property
					+ ": the DFN solver needs it");
			return f;
		}

		PorousSeparator separator() {
			Layer l = separator;
			double thickness = thickness(l);
			Double written = layerValue(l, "porosity");
			double porosity;
			if (written != null) porosity = written;
			else if (l.getMaterial() instanceof Composite comp) porosity = electrolyteFraction(comp, l);
			else porosity = 1;
			double b = bruggemanElectrolyte(l);
			values.put(l.getName() + ".separator", thickness + " m, porosity " + porosity + ", bruggeman-electrolyte " + b);
			return new PorousSeparator(thickness, porosity, b);
		}

		/** The liquid electrolyte's volume fraction of a separator composite; its other components must be inert (binder). */
		double electrolyteFraction(Composite comp, Layer l) {
			double f = Double.NaN;
			for (Component k : comp.getComponents()) {
				Material m = k.getMaterial();
				if (m == electrolyte) {
					if (Units.dimensionOf(k.getFraction()) != Dimension.VOLUME_FRACTION)
						throw error(k, "give the electrolyte's share of separator " + comp.getName() + " in vol% (its porosity), or the layer's porosity");
					f = SimulationInputs.si(k.getFraction(), k);
				} else if (m == null || m instanceof Composite || m.getKind() != MaterialKind.BINDER) {
					throw error(k, "separator " + comp.getName() + " may hold the liquid electrolyte and inert polymers (binder) only, not "
							+ (m == null ? "?" : m.getName()));
				}
			}
			return f;
		}

		double bruggemanElectrolyte(Layer l) {
			Double b = layerValue(l, "bruggeman-electrolyte");
			if (b == null) b = layerValue(l, "bruggeman");
			return b == null ? DEFAULT_BRUGGEMAN : b;
		}

		/**
		 * A lithium-metal foil as the negative ({@link PlanarLithiumElectrode}, a planar electrode at the separator): its
		 * thickness and electronic-conductivity (the foil's ohmic drop), transfer-coefficient (default 0.5) and exchange
		 * current as a law of the salt concentration: exchange-current-rate-constant k with
		 * exchange-current-electrolyte-exponent a (i0 = k ce^a, {@link LithiumMetalExchangeCurrentDensity}), or
		 * exchange-current-density, a constant or a function of ce and T (A/m2); the Arrhenius factor of
		 * exchange-current-activation-energy applies to both.
		 */
		PlanarLithiumElectrode lithiumMetal(Layer l) {
			Material m = own(l.getMaterial());
			String who = "lithium-metal " + m.getName() + " of layer " + l.getName();
			double thickness = thickness(l);
			double sigma = constant(m, "electronic-conductivity", m);
			double tRef = Layers.si(m, "reference-temperature").orElse(DEFAULT_REFERENCE_TEMPERATURE);
			double ea = Layers.si(m, "exchange-current-activation-energy").orElse(0);
			StateFunction i0;
			String law;
			Property i0p = Cells.property(m, "exchange-current-density");
			if (Cells.property(m, "exchange-current-rate-constant") != null) {
				double k = need(m, "exchange-current-rate-constant");
				double a = Layers.si(m, "exchange-current-electrolyte-exponent").orElse(DEFAULT_EXCHANGE_EXPONENT);
				i0 = new LithiumMetalExchangeCurrentDensity(k, a, ea, tRef);
				law = String.format(Locale.ROOT, "k %s, exponent %s, Ea %s", k, a, ea);
			} else if (i0p != null) {
				KineticFunction f = exchangeCurrentFunction(m, i0p);
				i0 = (ce, t) -> f.at(ce, Double.NaN, Double.NaN, t);
				law = "i0 " + sampled(i0, 500, 1000, 1500, 2000) + " A/m2 at ce = 500, 1000, 1500, 2000 mol/m3";
			} else throw error(m, who + " lacks its exchange current: give exchange-current-density (A/m2, a constant or a function of ce"
					+ " and T) or exchange-current-rate-constant with exchange-current-electrolyte-exponent (i0 = k ce^a): the DFN solver needs it");
			double alpha = Layers.si(m, "transfer-coefficient").orElse(0.5);
			values.put(l.getName() + ".lithium-metal", String.format(Locale.ROOT, "%s, %s m, sigma %s S/m, %s, alpha %s", m.getName(), thickness,
					sigma, law, alpha));
			return new PlanarLithiumElectrode(m.getName(), thickness, sigma, i0, alpha);
		}

		/**
		 * A porous electrode: one particle population per intercalation material of the layer (two or more: a blended
		 * electrode, BPX's "Blended electrode"). A blend's materials take their share of the solid by the composite's
		 * fractions (scaled to the layer's active-volume-fraction when given), their own particle-radius (else the
		 * layer's) and initial-stoichiometry (the layer's, else their own).
		 */
		IntercalationElectrode electrode(Layer l, MaterialKind kind) {
			List<Material> blend = actives(l.getMaterial(), kind);
			Material m = blend.get(0);
			String who = "layer " + l.getName();
			double thickness = thickness(l);
			boolean spm = electrolyte == null; // a single-particle cell: no electrolyte, porosity or solid conduction
			Double porosity = layerValue(l, "porosity");
			if (porosity == null && spm) porosity = Double.NaN;
			if (porosity == null) throw error(l, who + ": give its porosity (the volume fraction the liquid electrolyte fills)");
			if (spm && layerValue(l, "active-volume-fraction") == null)
				throw error(l, who + ": give its active-volume-fraction (a single-particle electrode's surface per volume is 3 x it / particle-radius)");
			Double eps = layerValue(l, "active-volume-fraction");
			Double radius = layerValue(l, "particle-radius");
			double be = bruggemanElectrolyte(l);
			Double bs = layerValue(l, "bruggeman-solid");
			double bSolid = bs == null ? DEFAULT_BRUGGEMAN : bs;
			double sigma = spm ? Double.NaN : constant(own(l.getMaterial()), "electronic-conductivity", own(m));
			OhmicSolidPhase solid = new OhmicSolidPhase(sigma, 1 - porosity, bSolid);
			if (blend.size() == 1) {
				if (radius == null) throw error(l, who + ": give the particle-radius of its active material");
				double activeFraction = eps != null ? eps : activeFraction(l, m, porosity);
				values.put(l.getName() + ".geometry", String.format(Locale.ROOT, "%s m, porosity %s, active %s, radius %s m, bruggeman %s / %s",
						thickness, porosity, activeFraction, radius, be, bSolid));
				return new IntercalationElectrode(m.getName(), thickness, porosity, be, solid,
						List.of(population(l, m, activeFraction, radius, sigma, l.getName() + ".")));
			}
			values.put(l.getName() + ".geometry", String.format(Locale.ROOT, "%s m, porosity %s, blend of %d, bruggeman %s / %s", thickness,
					porosity, blend.size(), be, bSolid));
			String swept = l.getName() + ".particle-radius";
			if (overrides.containsKey(swept) && blend.stream().allMatch(mk -> Cells.property(mk, "particle-radius") != null))
				// each population's own radius wins over the layer's: the swept value would change nothing (found by fuzzing, session 15)
				throw error(site, "cannot vary '" + swept + "': layer " + l.getName() + " is a blend whose materials give their own"
						+ " particle-radius (" + String.join(", ", blend.stream().map(mk -> mk.getName() + " "
								+ Sweeps.spaced(Cells.property(mk, "particle-radius").getValue())).toList())
						+ "), which the layer's does not replace, so every value would run the same cell; vary the materials' radii in"
						+ " cells of their own");
			double[] share = new double[blend.size()];
			double sum = 0;
			for (int k = 0; k < share.length; k++) sum += share[k] = activeFraction(l, blend.get(k), porosity);
			List<ParticlePopulation> populations = new ArrayList<>();
			for (int k = 0; k < share.length; k++) {
				Material mk = blend.get(k);
				Double rk = Cells.property(mk, "particle-radius") != null ? need(mk, "particle-radius") : radius;
				if (rk == null) throw error(mk, who + " is a blend: give the particle-radius of " + mk.getName() + " (or the layer's)");
				double ek = eps != null ? eps * share[k] / sum : share[k];
				String p = l.getName() + "." + mk.getName() + ".";
				values.put(p + "population", String.format(Locale.ROOT, "active %s, radius %s m", ek, rk));
				populations.add(population(l, mk, ek, rk, sigma, p));
			}
			return new IntercalationElectrode(l.getName() + " (blend)", thickness, porosity, be, solid, populations);
		}

		/** One particle population of an electrode layer: material m at volume fraction activeFraction. */
		ParticlePopulation population(Layer l, Material written, double activeFraction, double radius, double sigma, String p) {
			Material m = own(written);
			double cMax = need(m, "max-concentration");
			Double x0 = layerValue(l, "initial-stoichiometry");
			double stoichiometry = x0 != null ? x0 : need(m, "initial-stoichiometry");
			StateFunction d = required(m, "diffusivity");
			double tRef = Layers.si(m, "reference-temperature").orElse(DEFAULT_REFERENCE_TEMPERATURE);
			double a = Layers.si(m, "exchange-current-electrolyte-exponent").orElse(DEFAULT_EXCHANGE_EXPONENT);
			double b = Layers.si(m, "exchange-current-solid-exponent").orElse(DEFAULT_EXCHANGE_EXPONENT);
			double cc = Layers.si(m, "exchange-current-vacancy-exponent").orElse(DEFAULT_EXCHANGE_EXPONENT);
			double ea = Layers.si(m, "exchange-current-activation-energy").orElse(0);
			Property i0p = Cells.property(m, "exchange-current-density");
			ExchangeCurrentLaw i0;
			String law;
			if (Cells.property(m, "exchange-current-rate-constant") != null) {
				double k = need(m, "exchange-current-rate-constant");
				i0 = new ExchangeCurrentDensity(k, a, b, cc, ea, tRef);
				law = String.format(Locale.ROOT, "k %s, exponents %s/%s/%s, Ea %s", k, a, b, cc, ea);
			} else if (i0p != null && PropertyFunctions.isConstant(i0p)) {
				// i0 at half filling and the electrolyte's initial concentration (the solid-state meaning of the value)
				double c0 = electrolyte == null ? SINGLE_PARTICLE_ELECTROLYTE_CONCENTRATION : Layers.si(own(electrolyte), "initial-concentration").orElse(Double.NaN);
				double k = need(m, "exchange-current-density") / (Math.pow(c0, a) * Math.pow(cMax / 2, b) * Math.pow(cMax / 2, cc));
				i0 = new ExchangeCurrentDensity(k, a, b, cc, ea, tRef);
				law = String.format(Locale.ROOT, "k %s (from i0 at half filling), exponents %s/%s/%s, Ea %s", k, a, b, cc, ea);
			} else if (i0p != null) {
				KineticFunction f = exchangeCurrentFunction(m, i0p);
				i0 = f::at;
				law = String.format(Locale.ROOT, "function: %.6g %.6g %.6g A/m2 at ce = 1000 mol/m3, x = 0.1, 0.5, 0.9", f.at(1000, 0.1 * cMax, cMax,
						DEFAULT_REFERENCE_TEMPERATURE), f.at(1000, 0.5 * cMax, cMax, DEFAULT_REFERENCE_TEMPERATURE), f.at(1000, 0.9 * cMax, cMax,
								DEFAULT_REFERENCE_TEMPERATURE));
			} else throw error(m, "material " + m.getName() + " needs an exchange-current-rate-constant (k of i0 = k ce^a cs^b (cmax - cs)^c)"
					+ " or an exchange-current-density (i0 at half filling, or a function of ce, cs, cmax, T)");
			double alpha = Layers.si(m, "transfer-coefficient").orElse(0.5);
			OpenCircuitPotential hysteresis = hysteresis(m, p);
			DoubleUnaryOperator ocv = hysteresis != null ? x -> hysteresis.at(x, DEFAULT_REFERENCE_TEMPERATURE) : SimulationInputs.ocv(m);
			if (ocv == null) throw error(m, "material " + m.getName() + " needs an ocv (ocv function V = ... in x, or ocv table)");
			FickianParticle particle = new FickianParticle(radius, cMax, d);
			values.put(p + "material", m.getName());
			values.put(p + "particle", String.format(Locale.ROOT, "cmax %s, x0 %s, D %s at x = 0.1, 0.5, 0.9", cMax, stoichiometry,
					sampled(d, 0.1, 0.5, 0.9)));
			values.put(p + "kinetics", String.format(Locale.ROOT, "%s, alpha %s, sigma %s", law, alpha, sigma));
			StringBuilder ocvText = new StringBuilder(); // sampled at x = 0.05, 0.15, ... 0.95: changes when the OCV changes
			for (int i = 0; i < 10; i++) ocvText.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.6f", ocv.applyAsDouble(0.05 + 0.1 * i)));
			values.put(p + "ocv", ocvText.toString());
			// the entropic coefficient: U(x, T) = U(x, T_ref) + (T - T_ref) dU/dT, and the reversible heat (docs/language.md)
			// an ocv function through its table when the table holds it (OpenCircuitPotential.ofFunction); a table of points
			// stays piecewise linear (a cubic through its kinks would change the model); the table built once per function
			// (OcpTables)
			OpenCircuitPotential u = hysteresis != null ? hysteresis : ocv instanceof OcvTable ? (x, t) -> ocv.applyAsDouble(x) : OcpTables.of(m, ocv);
			StateFunction dudt = stateFunction(m, "entropic-coefficient");
			if (dudt != null) {
				u = new EntropicOpenCircuitPotential(u, dudt, Layers.si(m, "reference-temperature").orElse(DEFAULT_REFERENCE_TEMPERATURE));
				values.put(p + "entropic-coefficient", sampled(dudt, 0.1, 0.5, 0.9));
			}
			return new ParticlePopulation(m.getName(), activeFraction, particle, stoichiometry * cMax, u,
					new ButlerVolmerKinetics(i0, alpha, 1 - alpha));
		}

		/** The material's exchange-current-density written as a function of the state; a bad one is an error at it. */
		KineticFunction exchangeCurrentFunction(Material m, Property i0p) {
			try {
				return PropertyFunctions.kinetic(m, "exchange-current-density").orElseThrow();
			} catch (IllegalArgumentException e) {
				throw error(i0p, "exchange-current-density of " + m.getName() + ": " + e.getMessage());
			}
		}

		/**
		 * A material's zeroth-order OCP hysteresis (lithiation-ocp and delithiation-ocp, functions or tables of x), or null
		 * when it has neither; one without the other is an error at the one given. The branches replace its ocv in the run.
		 */
		OpenCircuitPotential hysteresis(Material m, String p) {
			Property lith = Cells.property(m, "lithiation-ocp"), delith = Cells.property(m, "delithiation-ocp");
			if (lith == null && delith == null) return null;
			if (lith == null || delith == null)
				throw error(lith != null ? lith : delith, "material " + m.getName() + " gives " + (lith != null ? "lithiation-ocp" : "delithiation-ocp")
						+ " without " + (lith != null ? "delithiation-ocp" : "lithiation-ocp") + ": OCP hysteresis needs both branches");
			StateFunction l = stateFunction(m, "lithiation-ocp"), d = stateFunction(m, "delithiation-ocp");
			ZerothOrderHysteresis h = new ZerothOrderHysteresis(l::at, d::at);
			StringBuilder gap = new StringBuilder(); // the gap U_delith - U_lith at x = 0.1, 0.3, ... 0.9 [V]
			for (int i = 0; i < 5; i++) gap.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.6f", h.gap(0.1 + 0.2 * i, DEFAULT_REFERENCE_TEMPERATURE)));
			values.put(p + "ocp-hysteresis-gap", gap.toString());
			return h;
		}

		/**
		 * The active-material volume fraction when not written: the whole solid (1 - porosity) for a layer of the
		 * material alone; for a composite its share of the solid by volume (vol%, or wt% with the densities).
		 */
		double activeFraction(Layer l, Material active, double porosity) {
			if (!(l.getMaterial() instanceof Composite comp)) return 1 - porosity;
			double share = Double.NaN, total = 0;
			for (Component k : comp.getComponents()) {
				double f = SimulationInputs.si(k.getFraction(), k);
				if (Units.dimensionOf(k.getFraction()) != Dimension.VOLUME_FRACTION) {
					double rho = Layers.solidDensity(k.getMaterial()).orElse(Double.NaN);
					if (Double.isNaN(rho)) throw error(l, "layer " + l.getName() + ": give its active-volume-fraction, or densities of the"
							+ " components of " + comp.getName() + " (to turn wt% into a volume share)");
					f /= rho;
				}
				if (k.getMaterial() == active) share = f;
				total += f;
			}
			if (Double.isNaN(share)) throw error(l, "layer " + l.getName() + ": give its active-volume-fraction");
			return (1 - porosity) * share / total;
		}

		/** A property that must be a constant here, from the layer's material (a composite's own) or else the active material. */
		double constant(Material layerMaterial, String property, Material active) {
			Property p = Cells.property(layerMaterial, property);
			if (p == null) p = Cells.property(active, property);
			if (p == null) return need(active, property);
			if (!PropertyFunctions.isConstant(p))
				throw error(p, property + " of " + ((Material) p.eContainer()).getName() + " is a constant for the DFN solver: write a value");
			return SimulationInputs.si(p.getValue(), p);
		}

		double need(Material m, String property) {
			Property p = Cells.property(m, property);
			if (p == null) throw error(m, (m.isSetKind() ? m.getKind().getLiteral() + " " : "material ") + m.getName() + " lacks " + property
					+ ": the DFN solver needs it");
			return SimulationInputs.si(p.getValue(), p);
		}
	}
}

package org.cellwright.lang.properties;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cellwright.lang.units.Dimension;
import org.cellwright.lang.units.Units;
import org.cellwright.model.Cell;
import org.cellwright.model.Composite;
import org.cellwright.model.Experiment;
import org.cellwright.model.Layer;
import org.cellwright.model.Material;
import org.cellwright.model.MaterialKind;
import org.cellwright.model.PropertyOwner;
import org.cellwright.model.SetCondition;
import org.cellwright.model.Transformation;
import org.eclipse.emf.ecore.EObject;

/**
 * The property names CellWright knows, per owner (material, layer, cell, alloy transformation, protocol
 * condition, solver setting), each with the dimension(s) it accepts and its physical range in SI. Names are stable:
 * the CLI maps them to the solver's SI inputs (a material name is the kebab-case of the solver's
 * {@code MaterialProperty} constant, except {@code young-modulus} for YOUNGS_MODULUS and
 * {@code plateau-potential}), validation checks units and ranges with them, content assist lists them.
 */
public final class PropertyCatalog {

	/** Where a property may be written. */
	public enum Owner {
		MATERIAL("a material"), LAYER("a layer"), CELL("a cell"), TRANSFORMATION("a lithiation (lithiates to ...)"),
		CONDITION("a 'set' step"), SOLVER("a solver block");

		private final String label;

		Owner(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/**
	 * One known property: name, accepted dimensions (the first is the canonical one), SI range [min, max] with
	 * open/closed ends, whether the value must be a whole number, and a one-line description.
	 */
	public record Entry(String name, Set<Owner> owners, List<Dimension> dimensions, double min, boolean minInclusive,
			double max, boolean maxInclusive, boolean integer, String description) {

		/** The canonical dimension (first accepted one). */
		public Dimension dimension() {
			return dimensions.get(0);
		}

		/** True if a value of dimension d is acceptable (a bare number or % counts as a fraction). */
		public boolean accepts(Dimension d) {
			if (dimensions.contains(d))
				return true;
			return dimensions.stream().anyMatch(Dimension::isFraction)
					&& (d == Dimension.DIMENSIONLESS || d == Dimension.FRACTION);
		}

		/** Null if the SI value is in range, else "must be > 0" style text. */
		public String rangeViolation(double si) {
			if (Double.isNaN(si) || Double.isInfinite(si))
				return "must be a finite number";
			boolean lowOk = minInclusive ? si >= min : si > min;
			boolean highOk = maxInclusive ? si <= max : si < max;
			if (lowOk && highOk && (!integer || si == Math.rint(si)))
				return null;
			StringBuilder b = new StringBuilder("must be ");
			if (integer)
				b.append("a whole number ");
			if (Double.isInfinite(max))
				b.append(minInclusive ? ">= " : "> ").append(fmt(min));
			else if (Double.isInfinite(min))
				b.append(maxInclusive ? "<= " : "< ").append(fmt(max));
			else
				b.append("in ").append(minInclusive ? "[" : "(").append(fmt(min)).append(", ").append(fmt(max))
						.append(maxInclusive ? "]" : ")");
			if (dimension() != Dimension.DIMENSIONLESS && !dimension().isFraction())
				b.append(" ").append(dimension().siUnit());
			return b.toString();
		}

		/** "a length: nm, um, mm, cm, m" (or the list of accepted dimensions). */
		public String expected() {
			List<String> d = new ArrayList<>();
			for (Dimension x : dimensions)
				d.add(x.description());
			return String.join(" or ", d);
		}
	}

	private static String fmt(double v) {
		if (v == Math.rint(v) && Math.abs(v) < 1e15)
			return Long.toString((long) v);
		// a small bound as the language writes it: 1e-10, not 1.0E-10
		// a bound of a few digits as written (173.15, not the 173.14999999999998 that -100 + 273.15 gives)
		return Math.abs(v) < 1e-3 ? Double.toString(v).replace("E", "e").replace(".0e", "e")
				: Math.abs(v) < 1e6 ? Double.toString(Math.round(v * 1e9) / 1e9) : Double.toString(v);
	}

	private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

	/** "-100 to 500 degC": the plausible temperatures of a cell (org.cellwright.lang.Limits) as a user writes them. */
	private static final String CELSIUS_RANGE = fmt(Math.rint(org.cellwright.lang.Limits.MIN_TEMPERATURE - 273.15)) + " to "
			+ fmt(Math.rint(org.cellwright.lang.Limits.MAX_TEMPERATURE - 273.15)) + " degC";
	private static final double INF = Double.POSITIVE_INFINITY;

	private static void def(String name, Set<Owner> owners, Dimension d, double min, boolean minIncl, double max,
			boolean maxIncl, String description) {
		ENTRIES.put(name, new Entry(name, owners, List.of(d), min, minIncl, max, maxIncl, false, description));
	}

	private static void positive(String name, Set<Owner> owners, Dimension d, String description) {
		def(name, owners, d, 0, false, INF, false, description);
	}

	private static void nonNegative(String name, Set<Owner> owners, Dimension d, String description) {
		def(name, owners, d, 0, true, INF, false, description);
	}

	/** A value above 0 and at most max (a limit of org.cellwright.lang.Limits, named in the description). */
	private static void positiveAtMost(String name, Set<Owner> owners, Dimension d, double max, String description) {
		def(name, owners, d, 0, false, max, true, description);
	}

	/** A stress property of a material, > 0 and at most {@link org.cellwright.lang.Limits#MAX_MATERIAL_STRESS}. */
	private static void stress(String name, Set<Owner> owners, String description) {
		positiveAtMost(name, owners, Dimension.PRESSURE, org.cellwright.lang.Limits.MAX_MATERIAL_STRESS,
				description + ", at most " + fmt(org.cellwright.lang.Limits.MAX_MATERIAL_STRESS / 1e12) + " TPa (the limit, see 'Limits' in docs/language.md)");
	}

	private static void any(String name, Set<Owner> owners, Dimension d, String description) {
		def(name, owners, d, -INF, false, INF, false, description);
	}

	static {
		Set<Owner> m = EnumSet.of(Owner.MATERIAL);
		Set<Owner> mt = EnumSet.of(Owner.MATERIAL, Owner.TRANSFORMATION);
		positive("density", EnumSet.of(Owner.MATERIAL, Owner.CELL), Dimension.DENSITY, "true (skeletal) density; of a cell: its mean density (mass / volume, for its heat capacity)");
		positive("molar-mass", mt, Dimension.MOLAR_MASS, "molar mass per formula unit");
		nonNegative("ionic-conductivity", m, Dimension.CONDUCTIVITY, "Li+ conductivity of the dense material at the reference temperature");
		nonNegative("ionic-activation-energy", m, Dimension.ACTIVATION_ENERGY, "Arrhenius activation energy of the ionic conductivity");
		nonNegative("electronic-conductivity", m, Dimension.CONDUCTIVITY, "electronic conductivity of the dense material");
		nonNegative("electronic-activation-energy", m, Dimension.ACTIVATION_ENERGY, "Arrhenius activation energy of the electronic conductivity");
		// an alloy host's as-cast phase (SiNP: intrinsic Si); its electronic-conductivity is the lithiated phase's, and the
		// solver mixes the two by Lichtenecker's rule at the lithiated phase's volume fraction (InterlayerGeometry)
		nonNegative("unlithiated-electronic-conductivity", m, Dimension.CONDUCTIVITY, "electronic conductivity of an alloy host's unlithiated (as-cast) phase at the reference temperature; its electronic-conductivity is the lithiated phase's (without it the host conducts as its lithiated phase at every lithiation)");
		nonNegative("unlithiated-electronic-activation-energy", m, Dimension.ACTIVATION_ENERGY, "Arrhenius activation energy of the unlithiated phase's electronic conductivity (an intrinsic semiconductor: half its band gap)");
		positive("diffusivity", m, Dimension.DIFFUSIVITY, "chemical diffusivity of Li in the material");
		nonNegative("diffusion-activation-energy", m, Dimension.ACTIVATION_ENERGY, "Arrhenius activation energy of the diffusivity");
		def("diffusivity-drop-stoichiometry", m, Dimension.FRACTION, 0, true, 1, true, "stoichiometry above which the solid diffusivity of an intercalation host drops");
		nonNegative("diffusivity-drop-decades", m, Dimension.DIMENSIONLESS, "decades the solid diffusivity has dropped at full lithiation (log-linear from the knee)");
		positive("adatom-diffusivity", m, Dimension.DIFFUSIVITY, "surface diffusivity of Li ad-atoms on the material (read by no solver mechanism: it changes no result)");
		positive("specific-capacity", mt, Dimension.SPECIFIC_CAPACITY, "theoretical (or practical) gravimetric capacity");
		positive("max-concentration", m, Dimension.CONCENTRATION, "maximum Li concentration in the host");
		def("initial-stoichiometry", EnumSet.of(Owner.MATERIAL, Owner.LAYER), Dimension.FRACTION, 0, true, 1, true,
				"initial Li stoichiometry of an intercalation or alloy host (in a layer: of the layer's host materials)");
		// the stoichiometry window of a DFN electrode between the cell's voltage cut-offs (BPX "Minimum stoichiometry",
		// "Maximum stoichiometry": the negative electrode's at 0 % and 100 % state of charge, the positive's at 100 % and 0 %)
		def("minimum-stoichiometry", EnumSet.of(Owner.MATERIAL, Owner.LAYER), Dimension.FRACTION, 0, true, 1, true,
				"lower end of the electrode's stoichiometry window between the cell's voltage cut-offs (negative: discharged, positive: charged; BPX Minimum stoichiometry)");
		def("maximum-stoichiometry", EnumSet.of(Owner.MATERIAL, Owner.LAYER), Dimension.FRACTION, 0, true, 1, true,
				"upper end of the electrode's stoichiometry window between the cell's voltage cut-offs (negative: charged, positive: discharged; BPX Maximum stoichiometry)");
		positive("exchange-current-density", m, Dimension.CURRENT_DENSITY, "exchange-current density at the reference temperature");
		nonNegative("exchange-current-activation-energy", m, Dimension.ACTIVATION_ENERGY, "Arrhenius activation energy of the exchange current");
		def("transfer-coefficient", m, Dimension.DIMENSIONLESS, 0, false, 1, false, "anodic charge-transfer coefficient");
		positive("reference-temperature", m, Dimension.TEMPERATURE, "reference temperature of the Arrhenius laws (default 25 degC)");
		stress("young-modulus", mt, "Young's modulus");
		stress("hardness", mt, "indentation hardness");
		stress("tensile-strength", m, "tensile strength");
		stress("bulk-flow-stress", m, "flow stress of bulk metal (large size)");
		positive("size-effect-coefficient", m, Dimension.DIMENSIONLESS, "coefficient K of sigma = sigma_bulk + K d^-m in SI (Pa m^m), written without a unit because its unit depends on m");
		positive("size-effect-exponent", m, Dimension.DIMENSIONLESS, "exponent m of sigma = sigma_bulk + K d^-m");
		nonNegative("size-effect-activation-energy", m, Dimension.ACTIVATION_ENERGY, "apparent activation energy of the size-effect strength K, which falls with temperature: K(T) = K exp(Q/R (1/T - 1/T_ref))");
		positive("creep-prefactor", m, Dimension.INVERSE_TIME, "power-law creep prefactor A");
		positive("creep-stress-exponent", m, Dimension.DIMENSIONLESS, "power-law creep stress exponent n");
		nonNegative("creep-activation-energy", m, Dimension.ACTIVATION_ENERGY, "power-law creep activation energy");
		positive("coble-diffusion-prefactor", m, Dimension.BOUNDARY_DIFFUSIVITY, "grain-boundary/surface diffusion product delta*D0 of Coble creep");
		nonNegative("coble-activation-energy", m, Dimension.ACTIVATION_ENERGY, "activation energy of the diffusion behind Coble creep");
		stress("penetration-stress", m, "stress a solid electrolyte bears before Li penetrates it");
		any("stability-window-low", m, Dimension.VOLTAGE, "lower end of the electrochemical stability window vs Li/Li+");
		any("stability-window-high", m, Dimension.VOLTAGE, "upper end of the electrochemical stability window vs Li/Li+");
		any("potential-vs-she", m, Dimension.VOLTAGE, "standard potential vs SHE (Li: -3.04 V)");
		nonNegative("interphase-growth-constant", m, Dimension.DIFFUSIVITY, "parabolic growth constant k of an interphase, L^2 = L0^2 + 2 k t");
		nonNegative("interphase-activation-energy", m, Dimension.ACTIVATION_ENERGY, "Arrhenius activation energy of the interphase growth constant (default: none, the growth does not depend on temperature)");
		nonNegative("interphase-conductivity", m, Dimension.CONDUCTIVITY, "ionic conductivity of the interphase grown on the material");
		nonNegative("interphase-conduction-activation-energy", m, Dimension.ACTIVATION_ENERGY, "Arrhenius activation energy of the interphase's ionic conductivity (default: the material's ionic-activation-energy)");
		nonNegative("interphase-lithium-content", m, Dimension.CONCENTRATION, "Li consumed per interphase volume");
		def("contact-angle", m, Dimension.ANGLE, 0, true, Math.PI, true, "wetting angle of Li on the material (lithiophilicity; heterogeneous nucleation)");
		nonNegative("nucleation-overpotential", m, Dimension.VOLTAGE, "Li nucleation overpotential on the material, if given directly");
		positive("interfacial-energy", m, Dimension.SURFACE_ENERGY, "interfacial energy Li / electrolyte");
		positive("lithium-per-host", mt, Dimension.DIMENSIONLESS, "Li per formula unit of the lithiated phase (3.75 for Li15Si4)");
		any("plateau-potential", mt, Dimension.VOLTAGE, "equilibrium (plateau) potential of an alloying reaction vs Li/Li+");
		any("delithiation-plateau-potential", mt, Dimension.VOLTAGE, "equilibrium potential of de-alloying (delithiation branch of the hysteresis) vs Li/Li+");
		// zeroth-order OCP hysteresis of an intercalation material (BPX "OCP (lithiation/delithiation) [V]"): functions or tables of x
		any("lithiation-ocp", m, Dimension.VOLTAGE, "open-circuit potential vs Li/Li+ while the material lithiates (hysteresis branch; with delithiation-ocp it replaces the ocv in a run)");
		any("delithiation-ocp", m, Dimension.VOLTAGE, "open-circuit potential vs Li/Li+ while the material delithiates (hysteresis branch; with lithiation-ocp it replaces the ocv in a run)");
		nonNegative("adhesion-energy", m, Dimension.SURFACE_ENERGY, "work of adhesion to the adjacent layer (interlayer to SE, collector to interlayer)");
		positive("deposit-size", m, Dimension.LENGTH, "characteristic size of Li deposited without a host (mossy deposits against an SE)");
		positive("flaw-size", m, Dimension.LENGTH, "largest SE flaw Li can enter at a flat Li foil / SE contact");
		positive("lithiated-density", mt, Dimension.DENSITY, "true density of the lithiated phase");
		def("volume-expansion", EnumSet.of(Owner.TRANSFORMATION, Owner.MATERIAL), Dimension.VOLUME_FRACTION, 0, true, INF, false, "volume increase on full lithiation (280 vol% for Si to Li15Si4)");
		def("dead-lithium-fraction", m, Dimension.FRACTION, 0, true, 1, true, "fraction of stripped Li that is isolated where Li is mossy (read on a lithium-metal, alloy-host or current-collector material)");
		// a liquid-electrolyte (binary salt in solvent; concentrated-solution theory, Newman and Thomas-Alyea 2004, ch. 12):
		// its conductivity is ionic-conductivity, its salt diffusivity is diffusivity
		def("transference-number", m, Dimension.DIMENSIONLESS, 0, true, 1, true, "cation transference number t+ of a liquid electrolyte (with respect to the solvent velocity; 1: a single-ion conductor)");
		positive("thermodynamic-factor", m, Dimension.DIMENSIONLESS, "thermodynamic factor 1 + dln f/dln c of a liquid electrolyte's salt (1: ideal solution; default 1)");
		positive("initial-concentration", m, Dimension.CONCENTRATION, "initial salt concentration of a liquid electrolyte");
		nonNegative("area-specific-resistance", EnumSet.of(Owner.MATERIAL, Owner.LAYER), Dimension.AREA_SPECIFIC_RESISTANCE, "area-specific resistance of an interface or contact");
		// the exchange current of a porous (DFN) electrode as the literature writes it, i0 = k ce^a cs^b (cmax - cs)^c
		// (Doyle, Fuller and Newman 1993; the solver's ExchangeCurrentDensity); k in SI without a unit, its unit depends on a+b+c
		positive("exchange-current-rate-constant", m, Dimension.DIMENSIONLESS, "rate constant k of i0 = k ce^a cs^b (cmax - cs)^c, in SI: A/m2 (m3/mol)^(a+b+c), written without a unit");
		nonNegative("exchange-current-electrolyte-exponent", m, Dimension.DIMENSIONLESS, "exponent a of the electrolyte concentration in the exchange current (default 0.5)");
		nonNegative("exchange-current-solid-exponent", m, Dimension.DIMENSIONLESS, "exponent b of the particle surface concentration in the exchange current (default 0.5)");
		any("entropic-coefficient", m, Dimension.ENTROPIC_COEFFICIENT, "entropic coefficient dU/dT of an intercalation material's OCP (a constant or a function of x and T; BPX: Entropic change coefficient): U(x, T) = U(x) + (T - T_ref) dU/dT, reversible heat -I T dU/dT");
		nonNegative("exchange-current-vacancy-exponent", m, Dimension.DIMENSIONLESS, "exponent c of the vacancies cmax - cs in the exchange current (default 0.5)");

		Set<Owner> l = EnumSet.of(Owner.LAYER);
		def("porosity", l, Dimension.VOLUME_FRACTION, 0, true, 1, false, "pore volume fraction (0.585 or 58.5 %)");
		positive("pore-size", l, Dimension.LENGTH, "characteristic pore diameter");
		positive("particle-radius", EnumSet.of(Owner.LAYER, Owner.MATERIAL), Dimension.LENGTH, "particle radius of the active material (on a material: its own, in a blended DFN electrode)");
		def("tortuosity", l, Dimension.DIMENSIONLESS, 1, true, INF, false, "tortuosity factor tau (effective = fraction / tau)");
		nonNegative("bruggeman", l, Dimension.DIMENSIONLESS, "Bruggeman exponent b of every phase (effective = fraction^b; default 1.5; 0: the phase conducts as its bulk)");
		positive("areal-loading", l, Dimension.AREAL_LOADING, "mass of solid per electrode area");
		positive("lithiated-thickness", l, Dimension.LENGTH, "thickness after lithiation of an alloy-host layer");
		// per-phase Bruggeman exponents (0: no correction); a porous electrode filled with a liquid electrolyte (DFN cells), or
		// the ionic and electronic conduction of a solid-state layer (its solid electrolyte's network and its electron conductors)
		def("active-volume-fraction", l, Dimension.VOLUME_FRACTION, 0, false, 1, true, "volume fraction of active material eps_s in a porous electrode (default 1 - porosity)");
		nonNegative("bruggeman-electrolyte", l, Dimension.DIMENSIONLESS, "Bruggeman exponent of the electrolyte: effective = porosity^b in a DFN cell, a component's fraction^b of its ionic conduction in a solid-state layer (default: bruggeman, else 1.5)");
		nonNegative("bruggeman-solid", l, Dimension.DIMENSIONLESS, "Bruggeman exponent of the solid's electronic conduction: effective = (1 - porosity)^b in a DFN cell (default 1.5), a component's fraction^b in a solid-state layer (default: bruggeman, else 1.5)");

		Set<Owner> c = EnumSet.of(Owner.CELL);
		Set<Owner> cc = EnumSet.of(Owner.CELL, Owner.CONDITION);
		positiveAtMost("area", c, Dimension.AREA, org.cellwright.lang.Limits.MAX_AREA, "geometric electrode area, at most "
				+ fmt(org.cellwright.lang.Limits.MAX_AREA) + " m2 (the limit, see 'Limits' in docs/language.md)");
		def("stack-pressure", cc, Dimension.PRESSURE, 0, true, org.cellwright.lang.Limits.MAX_STACK_PRESSURE, true, "uniaxial stack pressure, at most "
				+ fmt(org.cellwright.lang.Limits.MAX_STACK_PRESSURE / 1e6) + " MPa (the limit, see 'Limits' in docs/language.md)");
		// the plausible range of a cell's temperature (org.cellwright.lang.Limits, docs/language.md "Limits")
		def("temperature", cc, Dimension.TEMPERATURE, org.cellwright.lang.Limits.MIN_TEMPERATURE, true,
				org.cellwright.lang.Limits.MAX_TEMPERATURE, true, "cell temperature, " + CELSIUS_RANGE + " (the limit, see 'Limits' in docs/language.md)");
		// the voltage window the cell is operated in (BPX "Lower voltage cut-off", "Upper voltage cut-off")
		positive("lower-voltage-cutoff", c, Dimension.VOLTAGE, "lowest terminal voltage the cell is discharged to (BPX Lower voltage cut-off)");
		positive("upper-voltage-cutoff", c, Dimension.VOLTAGE, "highest terminal voltage the cell is charged to (BPX Upper voltage cut-off)");
		ENTRIES.put("nominal-capacity", new Entry("nominal-capacity", c,
				List.of(Dimension.AREAL_CAPACITY, Dimension.CAPACITY), 0, false, INF, false, false,
				"capacity that defines 1 C (areal or absolute)"));
		// the lumped thermal model of a DFN cell (BPX "Cell"; Bernardi et al. 1985): rho c_p V dT/dt = A q - h A_cool (T - T_amb)
		nonNegative("heat-transfer-coefficient", c, Dimension.HEAT_TRANSFER_COEFFICIENT, "total heat-transfer coefficient h from the cell's surface to its surroundings (0: adiabatic)");
		positive("specific-heat-capacity", c, Dimension.SPECIFIC_HEAT_CAPACITY, "the cell's mean specific heat capacity c_p (with its density and volume: heat capacity rho c_p V)");
		positive("heat-capacity", c, Dimension.HEAT_CAPACITY, "the whole cell's heat capacity (instead of specific-heat-capacity, density and volume)");
		positive("volume", c, Dimension.VOLUME, "the cell's volume (for its heat capacity)");
		positive("cooling-area", c, Dimension.AREA, "the cell's external surface through which it exchanges heat (BPX: External surface area)");
		def("ambient-temperature", c, Dimension.TEMPERATURE, org.cellwright.lang.Limits.MIN_TEMPERATURE, true,
				org.cellwright.lang.Limits.MAX_TEMPERATURE, true, "temperature of the surroundings the cell exchanges heat with (default: the cell's temperature), " + CELSIUS_RANGE + " (the limit, see 'Limits' in docs/language.md)");

		Set<Owner> s = EnumSet.of(Owner.SOLVER);
		for (String n : List.of("cathode-nodes", "particle-nodes", "interlayer-nodes"))
			ENTRIES.put(n, new Entry(n, s, List.of(Dimension.DIMENSIONLESS), 1, true, 10000, true, true,
					"number of control volumes (" + n.substring(0, n.indexOf('-')) + ")"));
		for (String n : List.of("electrode-nodes", "separator-nodes")) // DFN cells: finite volumes per porous electrode / separator
			ENTRIES.put(n, new Entry(n, s, List.of(Dimension.DIMENSIONLESS), 1, true, 10000, true, true,
					"number of control volumes (" + n.substring(0, n.indexOf('-')) + ")"));
		// DFN cells: a linear particle's shells as their slowest modes (DfnMesh.particleModes; 2 to particle-nodes)
		ENTRIES.put("particle-modes", new Entry("particle-modes", s, List.of(Dimension.DIMENSIONLESS), 2, true, 10000, true, true,
				"unknowns per particle where its diffusivity does not depend on c: its shells' slowest modes (default: the shells)"));
		def("relative-tolerance", s, Dimension.DIMENSIONLESS, 1e-10, true, 1e-2, true, "relative tolerance of the time integration");
		def("absolute-tolerance", s, Dimension.DIMENSIONLESS, 1e-12, true, 1e-4, true, "absolute tolerance of the time integration");
		def("max-step", s, Dimension.TIME, org.cellwright.lang.Limits.MIN_MAX_STEP, true, INF, false, "largest time step, at least "
				+ fmt(org.cellwright.lang.Limits.MIN_MAX_STEP * 1e3) + " ms (the limit, see 'Limits' in docs/language.md)");
		nonNegative("output-interval", s, Dimension.TIME, "interval between recorded samples (0: every time step; unset: a solid-state run samples every 50th of its shortest constant-current step, 1-60 s apart)");
	}

	/**
	 * What a material of an intercalation kind is described by (the parameters of a Doyle-Fuller-Newman electrode, as
	 * in BPX and PyBaMM): an OCV in stoichiometry x ({@code ocv function V = ...} or {@code ocv table V {...}}), the
	 * {@code material} properties, the {@code optional} ones (defaults exist) and the {@code layer} properties of a
	 * layer made of it (particle size, porosity).
	 */
	public record Expected(MaterialKind kind, boolean ocv, List<String> material, List<String> optional, List<String> layer) {
		/** The missing ones of a material: "ocv" and the names of {@link #material()} it does not set. */
		public List<String> missing(Material m) {
			List<String> out = new ArrayList<>();
			if (ocv && m.getOcv() == null && m.getOcvFunction() == null)
				out.add("ocv");
			for (String n : material)
				if (m.getProperties().stream().noneMatch(p -> n.equals(p.getName())
						|| "exchange-current-density".equals(n) && "exchange-current-rate-constant".equals(p.getName())))
					out.add(n);
			return out;
		}
	}

	private static final List<String> ELECTRODE_MATERIAL = List.of("max-concentration", "diffusivity", "exchange-current-density");
	private static final List<String> ELECTRODE_OPTIONAL = List.of("initial-stoichiometry", "diffusion-activation-energy",
			"exchange-current-activation-energy", "transfer-coefficient", "electronic-conductivity", "reference-temperature", "density");
	private static final List<String> ELECTRODE_LAYER = List.of("particle-radius", "porosity");

	private static final List<String> LIQUID_ELECTROLYTE_MATERIAL = List.of("ionic-conductivity", "diffusivity",
			"transference-number", "initial-concentration");
	private static final List<String> LIQUID_ELECTROLYTE_OPTIONAL = List.of("thermodynamic-factor", "ionic-activation-energy",
			"diffusion-activation-energy", "reference-temperature");

	/**
	 * What a kind expects, if it has such a list: the intercalation anode (a graphite-like negative electrode) and
	 * the intercalation cathode, and the liquid electrolyte. Validation warns about what an {@code intercalation-anode}
	 * material lacks (its users simulate it elsewhere, e.g. PyBaMM through BPX, which needs all of it); a cathode is
	 * checked by the solver's input validation when it runs; a {@code liquid-electrolyte} without one of its
	 * {@code material} properties is an error (no default exists for them).
	 */
	public static Optional<Expected> expected(MaterialKind kind) {
		if (kind == MaterialKind.INTERCALATION_ANODE || kind == MaterialKind.INTERCALATION_CATHODE)
			return Optional.of(new Expected(kind, true, ELECTRODE_MATERIAL, ELECTRODE_OPTIONAL, ELECTRODE_LAYER));
		if (kind == MaterialKind.LIQUID_ELECTROLYTE)
			return Optional.of(new Expected(kind, false, LIQUID_ELECTROLYTE_MATERIAL, LIQUID_ELECTROLYTE_OPTIONAL, List.of()));
		return Optional.empty();
	}

	/**
	 * A property the language accepts (users' files may give it) that no solver mechanism reads on a material of any
	 * kind but {@code readOn} (none: on no material): a value given there has no effect on any result, so validation
	 * warns at it, saying where the solver takes the quantity from instead ({@code instead}, empty if nowhere).
	 */
	public record Unread(String name, Set<MaterialKind> readOn, String instead) {
		/**
		 * True if no mechanism reads this property where it is written, in {@code container}: on a material of a kind
		 * not in {@link #readOn}. A property read on some kinds is not judged on a material without a kind, a composite
		 * or a lithiation block, nor on a material that gives lithium-per-host (the solver takes a layer's first
		 * component with lithium-per-host as its host, whatever its kind: InterlayerLithiation).
		 */
		public boolean unreadIn(EObject container) {
			if (readOn.isEmpty())
				return true;
			if (!(container instanceof Material m) || container instanceof Composite || !m.isSetKind() || readOn.contains(m.getKind()))
				return false;
			return !givesLithiumPerHost(m);
		}

		/** Why a value written in {@code container} changes nothing: "is read by no mechanism ...", for a warning after the name. */
		public String reason(EObject container) {
			return "is read by no mechanism of the solver" + (readOn.isEmpty() ? "" : " on a material of kind " + ((Material) container).getKind().getLiteral())
					+ ": its value changes no result" + (instead.isEmpty() ? "" : "; " + instead);
		}
	}

	/**
	 * True if material {@code m} gives lithium-per-host, itself or in its 'lithiates to' block: the solver takes a layer's
	 * first component with it as the layer's alloy host (InterlayerLithiation), whatever its kind; a component without
	 * it is inert there (carbon).
	 */
	public static boolean givesLithiumPerHost(Material m) {
		return gives(m, "lithium-per-host") || m.getTransformation() != null && gives(m.getTransformation(), "lithium-per-host");
	}

	private static boolean gives(PropertyOwner o, String name) {
		return o.getProperties().stream().anyMatch(p -> name.equals(p.getName()));
	}

	/**
	 * What no solver mechanism reads, per kind of material. adatom-diffusivity: on no material (no class of the solver
	 * models Li* surface diffusion; docs/calibration.md, SiNP). unlithiated-electronic-conductivity and its activation
	 * energy: on a layer's alloy host only (InterlayerGeometry), so on an alloy-host or a material giving lithium-per-host. dead-lithium-fraction: read on the lithium-metal
	 * (LithiumContext: Li stripped from Li plated on a collector or the SE, and from an interlayer's pores without an
	 * alloy host), on the alloy host (MiecInterlayerElectrode: Li stripped from the pores of an interlayer with one) and
	 * on the current collector (MiecInterlayerElectrode: Li stripped from its gap to an interlayer, in a cell without
	 * Li foil); on a conductive carbon, a binder, an electrolyte or an intercalation electrode by none (session 32: the
	 * CNT-only cell was bit-identical at CNT's 0.001, 0.05 and 0.3).
	 */
	public static final List<Unread> READ_BY_NO_MECHANISM = List.of(
			new Unread("adatom-diffusivity", Set.of(), ""),
			new Unread("unlithiated-electronic-conductivity", Collections.unmodifiableSet(EnumSet.of(MaterialKind.ALLOY_HOST)),
					"only a layer's alloy host has an unlithiated phase (its first component with lithium-per-host)"),
			new Unread("unlithiated-electronic-activation-energy", Collections.unmodifiableSet(EnumSet.of(MaterialKind.ALLOY_HOST)),
					"only a layer's alloy host has an unlithiated phase (its first component with lithium-per-host)"),
			new Unread("dead-lithium-fraction", Collections.unmodifiableSet(EnumSet.of(MaterialKind.LITHIUM_METAL, MaterialKind.ALLOY_HOST,
					MaterialKind.CURRENT_COLLECTOR)), "the share of stripped Li left isolated is the lithium-metal's (in an"
							+ " interlayer's pores: the alloy host's, the lithium-metal's without one; at the collector gap: the"
							+ " current collector's)"));

	/** The entry of {@link #READ_BY_NO_MECHANISM} if no mechanism reads property {@code name} written in {@code container}. */
	public static Optional<Unread> readByNoMechanism(EObject container, String name) {
		return READ_BY_NO_MECHANISM.stream().filter(u -> u.name().equals(name) && u.unreadIn(container)).findFirst();
	}

	/** Names an experiment can 'record'. */
	public static final List<String> OUTPUTS = List.of("time", "voltage", "current", "current-density", "capacity",
			"areal-capacity", "coulombic-efficiency", "overpotential", "nucleation-overpotential",
			"lithium-inventory", "plated-lithium", "dead-lithium", "interlayer-lithium", "interphase-thickness",
			"temperature", "stack-pressure", "lithium-flow-stress", "short-circuit");

	private PropertyCatalog() {
	}

	/** The entry for a name, whatever its owner. */
	public static Optional<Entry> find(String name) {
		return Optional.ofNullable(ENTRIES.get(name));
	}

	/** The entry for a name if it may be written in that owner. */
	public static Optional<Entry> find(Owner owner, String name) {
		Entry e = ENTRIES.get(name);
		return e != null && e.owners().contains(owner) ? Optional.of(e) : Optional.empty();
	}

	/** All entries an owner may contain, in catalog order. */
	public static List<Entry> entries(Owner owner) {
		List<Entry> out = new ArrayList<>();
		for (Entry e : ENTRIES.values())
			if (e.owners().contains(owner))
				out.add(e);
		return out;
	}

	/** All entries. */
	public static List<Entry> all() {
		return Collections.unmodifiableList(new ArrayList<>(ENTRIES.values()));
	}

	/** The owner kind of a model object that contains properties, or null. */
	public static Owner ownerOf(EObject container) {
		if (container instanceof Material)
			return Owner.MATERIAL; // also Composite
		if (container instanceof Layer)
			return Owner.LAYER;
		if (container instanceof Cell)
			return Owner.CELL;
		if (container instanceof Transformation)
			return Owner.TRANSFORMATION;
		if (container instanceof SetCondition)
			return Owner.CONDITION;
		if (container instanceof Experiment)
			return Owner.SOLVER;
		return null;
	}

	/** Up to n names of that owner closest to {@code name}. */
	public static List<String> closest(Owner owner, String name, int n) {
		List<String> names = new ArrayList<>();
		for (Entry e : entries(owner))
			names.add(e.name());
		names.sort((a, b) -> Integer.compare(Units.distance(name, a), Units.distance(name, b)));
		List<String> out = new ArrayList<>();
		for (String k : names) {
			if (out.size() >= n || Units.distance(name, k) > Math.max(3, name.length() / 2))
				break;
			out.add(k);
		}
		return out;
	}
}

package org.cellwright.lang.expressions;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.cellwright.lang.units.Dimension;
import org.cellwright.lang.units.Unit;
import org.cellwright.lang.units.Units;
import org.cellwright.model.Formula;
import org.cellwright.model.Material;
import org.cellwright.model.MaterialKind;
import org.cellwright.model.Property;
import org.cellwright.model.PropertyOwner;
import org.cellwright.model.Quantity;
import org.cellwright.model.Table;
import org.cellwright.solver.dfn.StateFunction;
import org.cellwright.solver.input.ArrheniusLaws;
import org.cellwright.solver.input.MaterialProperty;
import org.eclipse.emf.ecore.EObject;

/**
 * Material properties as functions of the state, read the one way every consumer reads them. A property is written as
 * a quantity ({@code diffusivity = 3.9e-14 m2/s}), a function ({@code ionic-conductivity = function S/m = ...}) or a
 * table ({@code ionic-conductivity = table S/m against c mol/m3 { ... }}); which properties may be functions, and of
 * which variables, is {@link #role}. {@link #of} and {@link #kinetic} give the full value in SI, compiled once:
 * <ul>
 * <li>a constant is a constant function;</li>
 * <li>a value that does not itself depend on T (a constant, a table against c, a function without T) is multiplied by
 * the Arrhenius factor exp(-E/R (1/T - 1/Tref)) when the material sets the companion activation energy
 * ({@link #ACTIVATION_ENERGY}; Tref = its reference-temperature, 298.15 K if not set), as the BPX format and the
 * solid-state solver do;</li>
 * <li>a function of T is taken as written (a companion activation energy beside it is a validation warning).</li>
 * </ul>
 */
public final class PropertyFunctions {

	/** Which state a function-capable property depends on, with the variables its expression may use. */
	public enum Role {
		/** A liquid electrolyte's transport property: f(c, T). */
		ELECTROLYTE(Set.of("c", "ce", "T"), "c (or ce, the salt concentration, mol/m3) and T (K)"),
		/** A solid's property that depends on its lithiation: f(x, T). */
		SOLID(Set.of("x", "cs", "cmax", "T"),
				"x (stoichiometry cs/cmax), cs (concentration in the solid, mol/m3), cmax (the material's max-concentration, mol/m3) and T (K)"),
		/** An intercalation reaction's kinetic law: f(ce, cs, cmax, T). */
		KINETIC(Set.of("c", "ce", "x", "cs", "cmax", "T"),
				"ce (or c, the electrolyte's salt concentration), cs (surface concentration in the solid), cmax (the material's max-concentration), all mol/m3, x (cs/cmax) and T (K)"),
		/** A property of temperature only (the ionic conductivity of a solid electrolyte): f(T). */
		TEMPERATURE(Set.of("T"), "T (K)");

		private final Set<String> variables;
		private final String description;

		Role(Set<String> variables, String description) {
			this.variables = variables;
			this.description = description;
		}

		public Set<String> variables() {
			return variables;
		}

		/** "c (or ce, ...) and T (K)". */
		public String description() {
			return description;
		}
	}

	/** The activation energy that makes a property temperature dependent when it is not written as a function of T. */
	public static final Map<String, String> ACTIVATION_ENERGY = Map.of("ionic-conductivity", "ionic-activation-energy",
			"electronic-conductivity", "electronic-activation-energy", "diffusivity", "diffusion-activation-energy",
			"exchange-current-density", "exchange-current-activation-energy");

	/** The reference temperature of the Arrhenius factors when the material does not set reference-temperature [K]. */
	public static final double DEFAULT_REFERENCE_TEMPERATURE = 298.15;

	/** The gas constant [J/(mol K)], as in {@link Expressions#CONSTANTS}. */
	private static final double R = Expressions.CONSTANTS.get("R");

	private static final Set<String> ELECTROLYTE = Set.of("ionic-conductivity", "diffusivity", "transference-number",
			"thermodynamic-factor");

	private PropertyFunctions() {
	}

	/**
	 * Whether, and of what, the property {@code name} of {@code owner} may be a function: a liquid electrolyte's
	 * ionic-conductivity, diffusivity, transference-number and thermodynamic-factor of (c, T); another material's
	 * diffusivity, electronic-conductivity and OCP hysteresis branches (lithiation-ocp, delithiation-ocp) of (x, T),
	 * exchange-current-density of (ce, cs, cmax, T) and
	 * ionic-conductivity of T. Empty for every other property and owner (layers, cells, settings).
	 */
	public static Optional<Role> role(EObject owner, String name) {
		if (!(owner instanceof Material m) || name == null)
			return Optional.empty();
		if (m.isSetKind() && m.getKind() == MaterialKind.LIQUID_ELECTROLYTE)
			return ELECTROLYTE.contains(name) ? Optional.of(Role.ELECTROLYTE) : Optional.empty();
		return switch (name) {
		case "diffusivity", "electronic-conductivity", "lithiation-ocp", "delithiation-ocp", "entropic-coefficient" -> Optional.of(Role.SOLID);
		case "exchange-current-density" -> Optional.of(Role.KINETIC);
		case "ionic-conductivity" -> Optional.of(Role.TEMPERATURE);
		default -> Optional.empty();
		};
	}

	/** The dimension of a state variable's value (c, ce, cs, cmax: concentration; x: a fraction; T: temperature). */
	public static Dimension dimensionOf(String variable) {
		return switch (variable) {
		case "x" -> Dimension.FRACTION;
		case "T" -> Dimension.TEMPERATURE;
		default -> Dimension.CONCENTRATION;
		};
	}

	/** True if the property is a plain quantity ({@link Property#getValue()} is then its value). */
	public static boolean isConstant(Property p) {
		return p.getFunction() == null && p.getTable() == null;
	}

	/** The property of that name (the last one written), if any. */
	public static Optional<Property> find(PropertyOwner owner, String name) {
		Property found = null;
		for (Property p : owner.getProperties())
			if (name.equals(p.getName()))
				found = p;
		return Optional.ofNullable(found);
	}

	/** True if the value as written depends on the temperature (a function using T, a table against T). */
	public static boolean dependsOnTemperature(Property p) {
		if (p.getFunction() != null)
			return Expressions.variablesOf(p.getFunction().getBody()).contains("T");
		return p.getTable() != null && "T".equals(p.getTable().getVariable());
	}

	/**
	 * True if the value as written depends on the state (a function using c, x, ce or cs, a table against one of them);
	 * false for a constant or a function of T and cmax only (a particle's diffusivity is then linear in c).
	 */
	public static boolean dependsOnState(Property p) {
		if (p.getFunction() != null) {
			Set<String> v = new java.util.HashSet<>(Expressions.variablesOf(p.getFunction().getBody()));
			v.removeAll(Set.of("T", "cmax"));
			return !v.isEmpty();
		}
		return p.getTable() != null && !"T".equals(p.getTable().getVariable());
	}

	/**
	 * The value as written, in SI, as a node of the five state variables ({@link StateExpressions.Node}): a constant,
	 * the compiled function (its unit converted once) or the table. No Arrhenius factor. Throws
	 * IllegalArgumentException (with the reason) for a value validation refuses.
	 */
	public static StateExpressions.Node node(Property p) {
		if (p.getFunction() != null) {
			Formula f = p.getFunction();
			Unit u = Units.parse(f.getYUnit());
			StateExpressions.Node n = StateExpressions.compile(f.getBody());
			if (u.factor() == 1 && u.offset() == 0)
				return n;
			double k = u.factor(), o = u.offset();
			return (c, x, cs, m, t) -> n.at(c, x, cs, m, t) * k + o;
		}
		if (p.getTable() != null) {
			Table t = p.getTable();
			Integer slot = t.getVariable() == null ? null : StateExpressions.SLOTS.get(t.getVariable());
			if (slot == null)
				throw new IllegalArgumentException("unknown table variable '" + t.getVariable() + "'");
			Unit ux = Units.parse(t.getXUnit()), uy = Units.parse(t.getYUnit());
			double[] xs = StateExpressions.xs(t), ys = StateExpressions.ys(t);
			for (int i = 0; i < xs.length; i++) {
				xs[i] = ux.toSI(xs[i]);
				ys[i] = uy.toSI(ys[i]);
				if (i > 0 && !(xs[i] > xs[i - 1]))
					throw new IllegalArgumentException("table x values must increase strictly");
			}
			return StateExpressions.table(slot, xs, ys);
		}
		if (p.getValue() == null)
			throw new IllegalArgumentException("a value is missing");
		double v = atReference(p);
		return (c, x, cs, m, t) -> v;
	}

	/**
	 * The SI value of a property written as a quantity, at its material's reference temperature: as written, or, when
	 * stated at a temperature of its own ({@code interphase-growth-constant = 3.95e-20 m2/s at 60 degC}), converted
	 * by its Arrhenius law with the activation energy its owner gives ({@link ArrheniusLaws#atReference}, the one
	 * conversion, also the solver's). The caller checked that the value's unit is known. A temperature that is not one
	 * (a validation error at it) or a property without a law is taken as written.
	 */
	public static double atReference(Property p) {
		double v = Units.toSI(p.getValue());
		Quantity at = p.getStatedAt();
		MaterialProperty key = MaterialProperty.ofLanguageName(p.getName());
		if (at == null || key == null || !ArrheniusLaws.has(key) || !(p.eContainer() instanceof PropertyOwner o)
				|| Units.find(at.getUnit()).map(u -> u.dimension() != Dimension.TEMPERATURE).orElse(true))
			return v;
		double t = Units.toSI(at);
		if (!(t > 0))
			return v;
		return ArrheniusLaws.atReference(key, v, t, q -> {
			Optional<Property> e = find(o, q.languageName());
			return e.isPresent() && e.get().getValue() != null && Units.isKnown(e.get().getValue().getUnit())
					? OptionalDouble.of(Units.toSI(e.get().getValue()))
					: OptionalDouble.empty();
		});
	}

	/**
	 * The property {@code name} of a material as f(state, T) in SI, Arrhenius factor included (see the class
	 * comment); empty if the material does not set it. The state is c [mol/m3] for a liquid electrolyte's property, x
	 * [-] for a solid's (cs = x cmax with cmax its max-concentration), ignored for a property of T only. Throws
	 * IllegalArgumentException for a kinetic law (read it with {@link #kinetic}) or an invalid value. The solver's own
	 * type, so the solver calls it directly (no wrapper between them); a value that does not depend on the state
	 * ({@link #dependsOnState}) says so ({@link StateFunction#independentOfConcentration}).
	 */
	public static Optional<StateFunction> of(PropertyOwner owner, String name) {
		return find(owner, name).map(PropertyFunctions::compile);
	}

	/** The property as f(state, T); see {@link #of}. */
	public static StateFunction compile(Property p) {
		StateFunction f = ofState(p);
		// a value of T only says so: a particle's rows are then linear (DfnModel.linearBlocks, particle-modes)
		return dependsOnState(p) ? f : StateFunction.ofTemperature(t -> f.at(0, t));
	}

	private static StateFunction ofState(Property p) {
		Role role = role(p.eContainer(), p.getName()).orElse(Role.TEMPERATURE);
		StateExpressions.Node n = node(p);
		Arrhenius a = arrhenius(p);
		return switch (role) {
		case ELECTROLYTE -> a == null ? (c, t) -> n.at(c, Double.NaN, Double.NaN, Double.NaN, t)
				: (c, t) -> n.at(c, Double.NaN, Double.NaN, Double.NaN, t) * a.factor(t);
		case SOLID -> {
			double cmax = maxConcentration(p.eContainer());
			yield a == null ? (x, t) -> n.at(Double.NaN, x, x * cmax, cmax, t)
					: (x, t) -> n.at(Double.NaN, x, x * cmax, cmax, t) * a.factor(t);
		}
		case TEMPERATURE -> a == null ? (s, t) -> n.at(Double.NaN, Double.NaN, Double.NaN, Double.NaN, t)
				: (s, t) -> n.at(Double.NaN, Double.NaN, Double.NaN, Double.NaN, t) * a.factor(t);
		case KINETIC -> throw new IllegalArgumentException(
				p.getName() + " depends on ce, cs, cmax and T: read it with PropertyFunctions.kinetic");
		};
	}

	/**
	 * A kinetic law of a material (exchange-current-density) as f(ce, cs, cmax, T) in SI, Arrhenius factor included
	 * (see the class comment); empty if the material does not set it. A constant is i0 as written, whatever ce and
	 * cs are.
	 */
	public static Optional<KineticFunction> kinetic(PropertyOwner owner, String name) {
		return find(owner, name).map(p -> {
			StateExpressions.Node n = node(p);
			Arrhenius a = arrhenius(p);
			if (a == null)
				return (ce, cs, cmax, t) -> n.at(ce, cs / cmax, cs, cmax, t);
			return (ce, cs, cmax, t) -> n.at(ce, cs / cmax, cs, cmax, t) * a.factor(t);
		});
	}

	/** The material's max-concentration in mol/m3, NaN if it has none (a function using cs or cmax then gives NaN). */
	public static double maxConcentration(EObject owner) {
		if (owner instanceof PropertyOwner o) {
			Optional<Property> p = find(o, "max-concentration");
			if (p.isPresent() && p.get().getValue() != null && Units.isKnown(p.get().getValue().getUnit()))
				return Units.toSI(p.get().getValue());
		}
		return Double.NaN;
	}

	/** exp(-E/R (1/T - 1/Tref)). */
	private record Arrhenius(double energy, double reference) {
		double factor(double t) {
			return Math.exp(-energy / R * (1 / t - 1 / reference));
		}
	}

	/** The Arrhenius factor that applies to p, or null (none set, or p is itself a function of T). */
	private static Arrhenius arrhenius(Property p) {
		String companion = ACTIVATION_ENERGY.get(p.getName());
		if (companion == null || !(p.eContainer() instanceof PropertyOwner o) || dependsOnTemperature(p))
			return null;
		Optional<Property> e = find(o, companion);
		if (e.isEmpty() || e.get().getValue() == null || !Units.isKnown(e.get().getValue().getUnit()))
			return null;
		double energy = Units.toSI(e.get().getValue());
		if (energy == 0)
			return null;
		Optional<Property> r = find(o, "reference-temperature");
		double ref = r.isPresent() && r.get().getValue() != null && Units.isKnown(r.get().getValue().getUnit())
				? Units.toSI(r.get().getValue())
				: DEFAULT_REFERENCE_TEMPERATURE;
		return new Arrhenius(energy, ref);
	}
}

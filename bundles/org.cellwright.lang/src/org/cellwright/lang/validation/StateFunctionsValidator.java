package org.cellwright.lang.validation;

import static org.cellwright.model.CellwrightPackage.Literals.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cellwright.lang.expressions.Expressions;
import org.cellwright.lang.expressions.PropertyFunctions;
import org.cellwright.lang.expressions.PropertyFunctions.Role;
import org.cellwright.lang.expressions.StateExpressions;
import org.cellwright.lang.properties.PropertyCatalog;
import org.cellwright.lang.properties.PropertyCatalog.Entry;
import org.cellwright.lang.units.Dimension;
import org.cellwright.lang.units.Unit;
import org.cellwright.lang.units.Units;
import org.cellwright.model.Formula;
import org.cellwright.model.Point;
import org.cellwright.model.Property;
import org.cellwright.model.PropertyOwner;
import org.cellwright.model.StateRange;
import org.cellwright.model.Table;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;

/**
 * Properties written as functions of the state or tables ({@link PropertyFunctions}): only where the property may be
 * one, variables of that property only (an error at the variable), the unit's dimension that of the property, and a
 * value in the property's range (not negative, finite) everywhere on the range of the state: c from 0 to twice the
 * electrolyte's initial-concentration (2000 mol/m3 without one), x from 0 to 1, T from 250 to 350 K, or the ranges
 * stated with 'for c from .. to ..'. The error names the value and the state where it fails.
 */
public class StateFunctionsValidator extends AbstractCellWrightRules {

	/** Temperatures a function is checked over unless the property states its own range [K]. */
	public static final double T_LOW = 250, T_HIGH = 350;
	/** Electrolyte concentration range of a kinetic law, and of an electrolyte without initial-concentration [mol/m3]. */
	public static final double CE_HIGH = 2000;

	@Check
	public void checkStateFunction(Property p) {
		if (PropertyFunctions.isConstant(p) || p.getName() == null)
			return;
		Formula f = p.getFunction();
		Table t = p.getTable();
		EObject at = f != null ? f : t;
		PropertyCatalog.Owner owner = PropertyCatalog.ownerOf(p.eContainer());
		Entry e = owner == null ? null : PropertyCatalog.find(owner, p.getName()).orElse(null);
		if (e == null)
			return; // an unknown property: UnitsValidator says so
		Optional<Role> role = PropertyFunctions.role(p.eContainer(), p.getName());
		if (role.isEmpty()) {
			error(p.getName() + " cannot be a " + (f != null ? "function" : "table") + " of the state in " + owner.label()
					+ ": give a quantity (" + e.expected() + "). Functions of the state: a liquid-electrolyte's "
					+ "ionic-conductivity, diffusivity, transference-number and thermodynamic-factor; another material's "
					+ "diffusivity, electronic-conductivity, exchange-current-density and ionic-conductivity",
					p, f != null ? PROPERTY__FUNCTION : PROPERTY__TABLE, EXPRESSION);
			return;
		}
		Set<String> vars = role.get().variables();
		String uses = "for " + p.getName() + " of " + kindOf(p) + " use " + role.get().description()
				+ ", and the constants pi, R, F";
		boolean ok = checkUnit(p, e, f != null ? f.getYUnit() : t.getYUnit(), at, f != null ? FORMULA__YUNIT : TABLE__YUNIT);
		Set<String> used;
		if (f != null) {
			List<Expressions.Problem> problems = Expressions.check(f.getBody(), vars, uses);
			for (Expressions.Problem x : problems)
				error(x.message(), x.at(), null, EXPRESSION);
			ok &= problems.isEmpty() && f.getBody() != null && !unreadable(f);
			used = Expressions.variablesOf(f.getBody());
		} else {
			used = t.getVariable() == null ? Set.of() : Set.of(t.getVariable());
			if (t.getVariable() != null && !vars.contains(t.getVariable())) {
				error("unknown table variable '" + t.getVariable() + "': " + uses.replace(", and the constants pi, R, F", ""), t,
						TABLE__VARIABLE, EXPRESSION);
				ok = false;
			} else if (t.getVariable() != null)
				ok &= checkVariableUnit(t.getVariable(), t.getXUnit(), t, TABLE__XUNIT);
		}
		double cmax = PropertyFunctions.maxConcentration(p.eContainer());
		if (Double.isNaN(cmax) && (used.contains("cs") || used.contains("cmax"))) {
			error(p.getName() + " uses " + (used.contains("cs") ? "cs" : "cmax") + ", but the material sets no max-concentration",
					p, PROPERTY__FUNCTION, MISSING_PROPERTY);
			ok = false;
		}
		Map<String, double[]> stated = new LinkedHashMap<>();
		for (StateRange r : p.getRanges())
			ok &= checkRange(r, vars, stated);
		String companion = PropertyFunctions.ACTIVATION_ENERGY.get(p.getName());
		if (companion != null && PropertyFunctions.dependsOnTemperature(p) && p.eContainer() instanceof PropertyOwner o
				&& PropertyFunctions.find(o, companion).isPresent())
			warning(companion + " is not applied to " + p.getName() + ", a function of T: write the temperature dependence "
					+ "in the function, or drop T from it", at, null, EXPRESSION);
		if (!ok)
			return;
		if (t != null)
			checkTableValues(p, e, t);
		else
			checkFunctionValues(p, e, f, role.get(), used, stated, cmax);
	}

	/** Unit known and of the property's dimension. */
	private boolean checkUnit(Property p, Entry e, String unit, EObject at, org.eclipse.emf.ecore.EStructuralFeature feature) {
		Optional<Unit> u = Units.find(unit);
		if (u.isEmpty()) {
			if (at instanceof Formula) // an unknown table unit: MaterialsValidator.checkTable says so
				error(Units.unknownUnitMessage(unit), at, feature, UNKNOWN_UNIT);
			return false;
		}
		if (e.accepts(u.get().dimension()))
			return true;
		boolean none = unit == null || unit.isEmpty();
		String kind = at instanceof Formula ? "function" : "table";
		error(p.getName() + " expects " + e.expected() + ", but " + (none ? "the " + kind + " has no unit: write '" + kind
				+ " " + e.dimension().siUnit() + " ...'" : "'" + unit + "' is " + u.get().dimension().description().replaceFirst(":.*", "")),
				at, none ? null : feature, WRONG_DIMENSION);
		return false;
	}

	/** A table's x unit or a range bound's unit against its variable's dimension. */
	private boolean checkVariableUnit(String variable, String unit, EObject at, org.eclipse.emf.ecore.EStructuralFeature feature) {
		Optional<Unit> u = Units.find(unit);
		if (u.isEmpty()) {
			error(Units.unknownUnitMessage(unit), at, feature, UNKNOWN_UNIT);
			return false;
		}
		Dimension want = PropertyFunctions.dimensionOf(variable);
		Dimension d = u.get().dimension();
		if (d == want || (want.isFraction() && (d == Dimension.DIMENSIONLESS || d.isFraction())))
			return true;
		error(variable + " is " + want.description() + ", not '" + unit + "'", at, feature, WRONG_DIMENSION);
		return false;
	}

	/** 'for c from 0 to 4000 mol/m3': a variable of the property, bounds of its dimension, from < to. */
	private boolean checkRange(StateRange r, Set<String> vars, Map<String, double[]> stated) {
		if (r.getVariable() == null || r.getFrom() == null || r.getTo() == null)
			return false;
		if (!vars.contains(r.getVariable())) {
			error("unknown variable '" + r.getVariable() + "' in a range: this property's variables are "
					+ String.join(", ", new java.util.TreeSet<>(vars)), r, STATE_RANGE__VARIABLE, EXPRESSION);
			return false;
		}
		String toUnit = r.getTo().getUnit(), fromUnit = r.getFrom().getUnit();
		String fu = fromUnit == null || fromUnit.isEmpty() ? toUnit : fromUnit;
		String tu = toUnit == null || toUnit.isEmpty() ? fromUnit : toUnit;
		if (!checkVariableUnit(r.getVariable(), fu, r.getFrom(), QUANTITY__UNIT) || !checkVariableUnit(r.getVariable(), tu, r.getTo(), QUANTITY__UNIT))
			return false;
		double a = Units.parse(fu).toSI(r.getFrom().getValue()), b = Units.parse(tu).toSI(r.getTo().getValue());
		if (!(a < b)) {
			error("a range goes from low to high: " + text(r.getFrom()) + " is not below " + text(r.getTo()), r, STATE_RANGE__TO, EXPRESSION);
			return false;
		}
		String key = switch (r.getVariable()) {
		case "ce" -> "c";
		default -> r.getVariable();
		};
		stated.put(key, new double[] { a, b });
		return true;
	}

	private void checkTableValues(Property p, Entry e, Table t) {
		Unit uy = Units.parse(t.getYUnit());
		for (Point pt : t.getPoints()) {
			double v = uy.toSI(pt.getY());
			String bad = violation(e, v);
			if (bad != null) {
				error(p.getName() + " " + bad + ": " + CellWrightFormat.number(pt.getY()) + unitText(t.getYUnit()) + " at "
						+ t.getVariable() + " = " + CellWrightFormat.number(pt.getX()) + unitText(t.getXUnit()), pt, POINT__Y, OUT_OF_RANGE);
				return;
			}
		}
	}

	/**
	 * Samples the function over the state's range and reports the first point where it leaves the property's range;
	 * if every sample is in range, searches the intervals between neighbouring samples too ({@link #between}), so that
	 * a value leaving the range only between two samples is found.
	 */
	private void checkFunctionValues(Property p, Entry e, Formula f, Role role, Set<String> used, Map<String, double[]> stated, double cmax) {
		StateExpressions.Node n;
		try {
			n = PropertyFunctions.node(p);
		} catch (IllegalArgumentException incomplete) {
			return; // reported at its place
		}
		boolean usesC = used.contains("c") || used.contains("ce");
		boolean usesS = used.contains("x") || used.contains("cs");
		boolean usesT = used.contains("T");
		double[] c = stated.getOrDefault("c", new double[] { 0, role == Role.ELECTROLYTE ? 2 * initialConcentration(p) : CE_HIGH });
		double[] x = stated.containsKey("x") ? stated.get("x")
				: stated.containsKey("cs") ? new double[] { stated.get("cs")[0] / cmax, stated.get("cs")[1] / cmax } : new double[] { 0, 1 };
		double[] temp = stated.getOrDefault("T", new double[] { T_LOW, T_HIGH });
		int axes = (usesC ? 1 : 0) + (usesS ? 1 : 0);
		int[] count = { usesC ? (axes == 2 ? 41 : 201) : 1, usesS ? (axes == 2 ? 41 : 201) : 1, usesT ? 11 : 1 };
		double[][] range = { c, x, temp };
		double[][][] values = new double[count[2]][count[0]][count[1]];
		Grid grid = new Grid(n, count, range, usesC, usesS, usesT, cmax);
		for (int k = 0; k < count[2]; k++)
			for (int i = 0; i < count[0]; i++)
				for (int j = 0; j < count[1]; j++) {
					double[] at = grid.point(i, j, k);
					double v = grid.value(at);
					values[k][i][j] = v;
					if (violation(e, v) != null) {
						reportValue(p, e, f, used, grid, at, v);
						return;
					}
				}
		// between the samples: along each axis the function varies on, in the intervals beside a sampled local extreme
		for (int axis = 0; axis < 3; axis++) {
			if (count[axis] < 2)
				continue;
			for (int k = 0; k < count[2]; k++)
				for (int i = 0; i < count[0]; i++)
					for (int j = 0; j < count[1]; j++) {
						int[] idx = { i, j, k };
						int m = idx[axis];
						if (m == count[axis] - 1)
							continue;
						int[] next = idx.clone();
						next[axis]++;
						double[] at = between(e, grid, axis, grid.point(i, j, k), values, idx, next);
						if (at != null) {
							reportValue(p, e, f, used, grid, at, grid.value(at));
							return;
						}
					}
		}
	}

	/** Golden-section iterations per interval: the interval shrinks to 0.618^30 = 5e-7 of itself. */
	private static final int GOLDEN_STEPS = 30;

	/**
	 * The interval from sample idx to its neighbour next along axis: where the sampled values fall towards it from
	 * both sides (a local minimum at one of its ends), the minimum within it by golden-section search, and likewise the
	 * maximum where the property has a finite upper bound. The point where the value leaves the property's range, or null.
	 */
	private static double[] between(Entry e, Grid grid, int axis, double[] from, double[][][] values, int[] idx, int[] next) {
		double va = values[idx[2]][idx[0]][idx[1]], vb = values[next[2]][next[0]][next[1]];
		double vBefore = neighbour(values, idx, axis, -1), vAfter = neighbour(values, next, axis, +1);
		boolean lowEnd = (va <= vb && !(vBefore < va)) || (vb <= va && !(vAfter < vb));
		boolean highEnd = Double.isFinite(e.max()) && ((va >= vb && !(vBefore > va)) || (vb >= va && !(vAfter > vb)));
		double a = from[axis], b = grid.point(next[0], next[1], next[2])[axis];
		for (int sign : new int[] { 1, -1 }) {
			if (sign == 1 ? !lowEnd : !highEnd)
				continue;
			double lo = a, hi = b, g = (Math.sqrt(5) - 1) / 2;
			double[] p1 = from.clone(), p2 = from.clone();
			p1[axis] = hi - g * (hi - lo);
			p2[axis] = lo + g * (hi - lo);
			double f1 = grid.value(p1), f2 = grid.value(p2);
			for (int s = 0; s < GOLDEN_STEPS; s++) {
				if (violation(e, f1) != null)
					return p1;
				if (violation(e, f2) != null)
					return p2;
				if (sign * f1 <= sign * f2) {
					hi = p2[axis];
					p2[axis] = p1[axis];
					f2 = f1;
					p1[axis] = hi - g * (hi - lo);
					f1 = grid.value(p1);
				} else {
					lo = p1[axis];
					p1[axis] = p2[axis];
					f1 = f2;
					p2[axis] = lo + g * (hi - lo);
					f2 = grid.value(p2);
				}
			}
		}
		return null;
	}

	/** The sampled value one step beyond idx along axis, NaN past the end of the range. */
	private static double neighbour(double[][][] values, int[] idx, int axis, int step) {
		int[] m = idx.clone();
		m[axis] += step;
		int[] size = { values[0].length, values[0][0].length, values.length };
		if (m[axis] < 0 || m[axis] >= size[axis])
			return Double.NaN;
		return values[m[2]][m[0]][m[1]];
	}

	/** The state grid of a function: axis 0 c (or ce), 1 x, 2 T; a point is {c, x, T}. */
	private record Grid(StateExpressions.Node n, int[] count, double[][] range, boolean usesC, boolean usesS, boolean usesT, double cmax) {
		double[] point(int i, int j, int k) {
			return new double[] { usesC ? grid(range[0], i, count[0]) : Double.NaN, usesS ? grid(range[1], j, count[1]) : Double.NaN,
					usesT ? grid(range[2], k, count[2]) : PropertyFunctions.DEFAULT_REFERENCE_TEMPERATURE };
		}

		double value(double[] at) {
			return n.at(at[0], at[1], at[1] * cmax, cmax, at[2]);
		}
	}

	/** The error at the function: the value, the state where it fails and the range checked. */
	private void reportValue(Property p, Entry e, Formula f, Set<String> used, Grid grid, double[] at, double v) {
		Unit u = Units.parse(f.getYUnit());
		double[] c = grid.range()[0], x = grid.range()[1], temp = grid.range()[2];
		List<String> where = new ArrayList<>(), range = new ArrayList<>();
		if (grid.usesC()) {
			where.add((used.contains("c") ? "c" : "ce") + " = " + CellWrightFormat.number(round(at[0])) + " mol/m3");
			range.add((used.contains("c") ? "c" : "ce") + " in [" + CellWrightFormat.number(c[0]) + ", " + CellWrightFormat.number(c[1]) + "] mol/m3");
		}
		if (grid.usesS()) {
			double xj = round(at[1]);
			where.add("x = " + CellWrightFormat.number(xj) + (Double.isNaN(grid.cmax()) ? "" : " (cs = " + CellWrightFormat.number(round(xj * grid.cmax())) + " mol/m3)"));
			range.add("x in [" + CellWrightFormat.number(x[0]) + ", " + CellWrightFormat.number(x[1]) + "]");
		}
		if (grid.usesT()) {
			where.add("T = " + CellWrightFormat.number(round(at[2])) + " K");
			range.add("T in [" + CellWrightFormat.number(temp[0]) + ", " + CellWrightFormat.number(temp[1]) + "] K");
		}
		String shown = Double.isFinite(v) ? CellWrightFormat.number(u.fromSI(v)) + unitText(f.getYUnit()) : Double.toString(v);
		error(p.getName() + " " + violation(e, v) + ": " + shown + (where.isEmpty() ? "" : " at " + String.join(", ", where))
				+ (range.isEmpty() ? "" : " (checked for " + String.join(" and ", range)
						+ "; state a narrower range with 'for " + range.get(0).replaceFirst(" in .*", "") + " from .. to ..')"),
				p, PROPERTY__FUNCTION, OUT_OF_RANGE);
	}

	/** A state found by a search, to 4 significant digits (a sample's value is printed as it is). */
	private static double round(double v) {
		return v == 0 || !Double.isFinite(v) ? v : new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
	}

	/** Null if a function's SI value fits the property (a function may reach 0 at the end of its range), else why not. */
	private static String violation(Entry e, double v) {
		if (Double.isNaN(v))
			return "is not a number";
		if (Double.isInfinite(v))
			return "is not finite";
		if (e.min() == 0 && v < 0)
			return "goes negative";
		if (v < e.min() || v > e.max() || (v == e.max() && !e.maxInclusive()))
			return "leaves its range " + rangeText(e);
		return null;
	}

	private static String rangeText(Entry e) {
		return "[" + CellWrightFormat.number(e.min()) + ", " + CellWrightFormat.number(e.max()) + (e.maxInclusive() ? "]" : ")");
	}

	private static double grid(double[] range, int i, int n) {
		if (n == 1)
			return range[0];
		return i == n - 1 ? range[1] : range[0] + (range[1] - range[0]) * i / (n - 1);
	}

	private static double initialConcentration(Property p) {
		if (p.eContainer() instanceof PropertyOwner o) {
			Optional<Property> c0 = PropertyFunctions.find(o, "initial-concentration");
			if (c0.isPresent() && c0.get().getValue() != null && Units.isKnown(c0.get().getValue().getUnit())) {
				double v = Units.toSI(c0.get().getValue());
				if (v > 0)
					return v;
			}
		}
		return CE_HIGH / 2;
	}

	private static String kindOf(Property p) {
		return p.eContainer() instanceof org.cellwright.model.Material m && m.isSetKind()
				? "a " + m.getKind().getLiteral() + " material"
				: "a material";
	}

	private static String unitText(String unit) {
		return unit == null || unit.isEmpty() ? "" : " " + unit;
	}
}

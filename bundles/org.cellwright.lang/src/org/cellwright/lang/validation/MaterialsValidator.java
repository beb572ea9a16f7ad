package org.cellwright.lang.validation;

import static org.cellwright.model.CellwrightPackage.Literals.*;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cellwright.lang.Limits;
import org.cellwright.lang.expressions.Expressions;
import org.cellwright.lang.model.Composites;
import org.cellwright.lang.properties.PropertyCatalog;
import org.cellwright.lang.units.Dimension;
import org.cellwright.lang.units.Units;
import org.cellwright.model.Component;
import org.cellwright.model.Composite;
import org.cellwright.model.Formula;
import org.cellwright.model.Material;
import org.cellwright.model.MaterialKind;
import org.cellwright.model.Point;
import org.cellwright.model.Quantity;
import org.cellwright.model.Table;
import org.eclipse.xtext.validation.Check;

/** Materials and composites: OCV formulas and tables, composite fractions and cycles, intercalation anodes. */
public class MaterialsValidator extends AbstractCellWrightRules {

	private static final String COMPOSITE_GRAPH = "cellwright.compositeGraph";

	private static final double FRACTION_TOLERANCE = 0.005;

	@Check
	public void checkFormula(Formula f) {
		if (f.eContainingFeature() != MATERIAL__OCV_FUNCTION)
			return; // a property's function: StateFunctionsValidator
		if (Units.isKnown(f.getYUnit()) && Units.find(f.getYUnit()).get().dimension() != Dimension.VOLTAGE)
			error("an OCV gives a voltage: write 'ocv function V = ...', not '" + f.getYUnit() + "'", f, FORMULA__YUNIT, WRONG_DIMENSION);
		else if (!Units.isKnown(f.getYUnit()))
			error(Units.unknownUnitMessage(f.getYUnit()), f, FORMULA__YUNIT, UNKNOWN_UNIT);
		List<Expressions.Problem> problems = Expressions.check(f.getBody(), Expressions.variable(f));
		for (Expressions.Problem p : problems)
			error(p.message(), p.at(), null, EXPRESSION);
		if (problems.isEmpty() && f.getBody() != null) {
			for (int i = 0; i <= 20; i++) {
				double x = i / 20.0;
				double y;
				try {
					y = Expressions.evaluate(f.getBody(), Expressions.variable(f), x);
				} catch (IllegalArgumentException incomplete) {
					break; // an expression cut short by a syntax error (reported by the parser)
				}
				if (Double.isNaN(y) || Double.isInfinite(y)) {
					warning("the formula is not finite at x = " + x + " (stoichiometry 0..1): check divisions, ln and sqrt",
							f, FORMULA__BODY, EXPRESSION);
					break;
				}
			}
		}
	}

	@Check
	public void checkTable(Table t) {
		if (!Units.isKnown(t.getYUnit()))
			error(Units.unknownUnitMessage(t.getYUnit()), t, TABLE__YUNIT, UNKNOWN_UNIT);
		else if (t.eContainingFeature() == MATERIAL__OCV && Units.find(t.getYUnit()).get().dimension() != Dimension.VOLTAGE)
			error("an OCV table gives voltages: write 'ocv table V { ... }', not '" + t.getYUnit() + "'", t, TABLE__YUNIT, WRONG_DIMENSION);
		if (t.getPoints().size() < 2)
			error("a table needs at least two points to interpolate", t, TABLE__POINTS, TABLE);
		for (int i = 1; i < t.getPoints().size(); i++) {
			Point a = t.getPoints().get(i - 1), b = t.getPoints().get(i);
			if (b.getX() <= a.getX()) {
				error("table x values must increase strictly (" + b.getX() + " after " + a.getX() + ")", b, POINT__X, TABLE);
				break;
			}
		}
	}

	/** A composite that contains itself through other composites (A: B ...; B: A ...). */
	@Check
	public void checkCompositeCycle(Composite c) {
		ReferenceGraph<Composite> g = ReferenceGraph.of(context(), COMPOSITE_GRAPH, c, Composite.class, Composites::subComposites);
		if (!g.cyclic().contains(c)) {
			int links = g.longest().getOrDefault(c, 0);
			if (links == Limits.MAX_CHAIN_LENGTH + 1)
				for (Component k : c.getComponents())
					if (k.getMaterial() instanceof Composite inner && g.longest().getOrDefault(inner, -1) == Limits.MAX_CHAIN_LENGTH) {
						error("composite " + c.getName() + " holds composites nested " + links + " deep, more than " + Limits.MAX_CHAIN_LENGTH
								+ " (the limit, see 'Limits' in docs/language.md)", k, COMPONENT__MATERIAL, CHAIN_TOO_LONG);
						break;
					}
			return;
		}
		List<Composite> cycle = Composites.cycle(c);
		if (cycle.size() < 3)
			return; // none, or A directly in A (checkComposite says so)
		Material next = cycle.get(1);
		for (Component k : c.getComponents())
			if (k.getMaterial() == next) {
				error("composite " + c.getName() + " contains itself through "
						+ cycle.stream().map(Composite::getName).collect(java.util.stream.Collectors.joining(" -> "))
						+ ": a composite can only contain materials and composites that do not contain it",
						k, COMPONENT__MATERIAL, CYCLIC_COMPOSITE);
				return;
			}
	}

	@Check
	public void checkComposite(Composite c) {
		if (c.getComponents().isEmpty()) {
			error("a composite needs components: 'MaterialName 90 wt%' lines", c, ELEMENT__NAME, FRACTIONS_SUM);
			return;
		}
		double sum = 0;
		Dimension basis = null;
		Set<Material> seen = new HashSet<>();
		boolean complete = true;
		for (Component k : c.getComponents()) {
			if (k.getMaterial() != null && !k.getMaterial().eIsProxy() && !seen.add(k.getMaterial()))
				error("component " + k.getMaterial().getName() + " listed twice: give one fraction", k, COMPONENT__MATERIAL, DUPLICATE_NAME);
			if (k.getMaterial() == c)
				error("a composite cannot contain itself", k, COMPONENT__MATERIAL, FRACTION_BASIS);
			Quantity q = k.getFraction();
			if (q == null || !Units.isKnown(q.getUnit())) {
				complete = false;
				continue;
			}
			Dimension d = Units.dimensionOf(q);
			if (d != Dimension.MASS_FRACTION && d != Dimension.VOLUME_FRACTION) {
				error("say whether the fraction is by mass or volume: write wt% or vol%"
						+ (d == Dimension.FRACTION || d == Dimension.DIMENSIONLESS ? "" : ", not " + q.getUnit()), q,
						q.getUnit() == null || q.getUnit().isEmpty() ? QUANTITY__VALUE : QUANTITY__UNIT, FRACTION_BASIS);
				complete = false;
				continue;
			}
			if (basis != null && d != basis)
				error("mixed wt% and vol% in one composite: use one basis for all components", q, QUANTITY__UNIT, FRACTION_BASIS);
			basis = d;
			double f = Units.toSI(q);
			if (f <= 0 || f > 1)
				error("a fraction must be in (0, 100] %, not " + text(q), q, QUANTITY__VALUE, OUT_OF_RANGE);
			sum += f;
		}
		if (complete && Math.abs(sum - 1) > FRACTION_TOLERANCE)
			error("the fractions of " + c.getName() + " sum to " + CellWrightFormat.percent(sum)
					+ ", they must sum to 100 % (e.g. 67 + 30 + 3)", c, ELEMENT__NAME, FRACTIONS_SUM);
	}

	/**
	 * An intercalation anode (graphite-like negative electrode) is described by what a Doyle-Fuller-Newman model needs
	 * ({@link PropertyCatalog#expected}): an OCV in stoichiometry, max-concentration, diffusivity, exchange current.
	 */
	@Check
	public void checkIntercalationAnode(Material m) {
		if (m instanceof Composite || !m.isSetKind() || m.getKind() != MaterialKind.INTERCALATION_ANODE)
			return;
		PropertyCatalog.Expected e = PropertyCatalog.expected(m.getKind()).orElseThrow();
		List<String> missing = e.missing(m);
		if (!missing.isEmpty())
			warning("intercalation-anode " + m.getName() + " lacks " + String.join(", ", missing) + ": an intercalation anode is described by "
					+ "its OCV in stoichiometry x ('ocv function V = ...' or 'ocv table V { x V, ... }'), " + String.join(", ", e.material())
					+ " (optional: " + String.join(", ", e.optional()) + ")", m, ELEMENT__NAME, MISSING_PROPERTY);
	}

	/**
	 * An alloy host is lithiated by the solver only if it gives lithium-per-host (itself or in its 'lithiates to' block;
	 * a composite: one of its components): the solver takes a layer's host by that property, not by kind
	 * (InterlayerLithiation), so an alloy-host without it is inert carbon there and none of its host properties
	 * (capacity, plateaus, expansion, nucleation) is read. A composite with an unresolved component is not judged.
	 */
	@Check
	public void checkAlloyHost(Material m) {
		if (!m.isSetKind() || m.getKind() != MaterialKind.ALLOY_HOST || PropertyCatalog.givesLithiumPerHost(m))
			return;
		if (m instanceof Composite c && c.getComponents().stream().anyMatch(k -> k.getMaterial() == null || k.getMaterial().eIsProxy()
				|| PropertyCatalog.givesLithiumPerHost(k.getMaterial())))
			return;
		warning("an alloy-host without lithium-per-host is not lithiated by the solver: it takes a layer's host by its lithium-per-host"
				+ " (InterlayerLithiation), so " + m.getName() + " is taken as inert carbon and none of its host properties is read; give"
				+ " lithium-per-host (Li per host atom, 3.75 for Li15Si4) in " + (m instanceof Composite ? "one of its components" : "its 'lithiates to' block"),
				m, ELEMENT__NAME, HOST_NOT_LITHIATED);
	}

	/**
	 * An alloy host's electronic-conductivity is its lithiated phase's; its unlithiated (as-cast) phase's is
	 * unlithiated-electronic-conductivity, and the solver mixes the two by the lithiated phase's volume fraction
	 * (InterlayerGeometry). A host that gives the first but not the second conducts as its lithiated phase at every
	 * lithiation, as a metal-like host (Sn, Al) does; a semiconducting host (Si) conducts orders of magnitude less as
	 * cast, so a warning at the material names the property. A composite is judged by its components.
	 */
	@Check
	public void checkHostConduction(Material m) {
		if (m instanceof Composite || !PropertyCatalog.givesLithiumPerHost(m) || !gives(m, "electronic-conductivity")
				|| gives(m, "unlithiated-electronic-conductivity"))
			return;
		warning(m.getName() + " gives no unlithiated-electronic-conductivity: as an alloy host it conducts as its lithiated phase"
				+ " (its electronic-conductivity) at every lithiation, a metal-like host; a semiconducting host conducts orders of"
				+ " magnitude less as cast: give its unlithiated phase's value (intrinsic Si: 2.8e-4 S/m at 25 degC, with"
				+ " unlithiated-electronic-activation-energy = 53.55 kJ/mol; docs/language.md, 'Alloy host and phase transformation')",
				m, ELEMENT__NAME, HOST_CONDUCTION);
	}

	private static boolean gives(Material m, String name) {
		return m.getProperties().stream().anyMatch(p -> name.equals(p.getName()));
	}

	/**
	 * A liquid electrolyte is described by its conductivity, salt diffusivity, transference number and initial salt
	 * concentration ({@link PropertyCatalog#expected}); none has a default, so a missing one is an error at the material.
	 */
	@Check
	public void checkLiquidElectrolyte(Material m) {
		if (!m.isSetKind() || m.getKind() != MaterialKind.LIQUID_ELECTROLYTE)
			return;
		PropertyCatalog.Expected e = PropertyCatalog.expected(m.getKind()).orElseThrow();
		if (m instanceof Composite)
			return; // a mixture of electrolytes is described by its components
		List<String> missing = e.missing(m);
		if (!missing.isEmpty())
			error("liquid-electrolyte " + m.getName() + " lacks " + String.join(", ", missing) + ": a liquid electrolyte is described by "
					+ String.join(", ", e.material()) + " (optional: " + String.join(", ", e.optional()) + ")",
					m, ELEMENT__NAME, MISSING_PROPERTY);
	}
}

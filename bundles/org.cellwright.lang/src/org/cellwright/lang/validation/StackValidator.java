package org.cellwright.lang.validation;

import static org.cellwright.model.CellwrightPackage.Literals.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.cellwright.lang.Limits;
import org.cellwright.lang.model.Cells;
import org.cellwright.lang.text.Printable;
import org.cellwright.lang.model.Composites;
import org.cellwright.lang.model.Layers;
import org.cellwright.lang.units.Dimension;
import org.cellwright.lang.units.Units;
import org.cellwright.model.Cell;
import org.cellwright.model.Component;
import org.cellwright.model.Composite;
import org.cellwright.model.Layer;
import org.cellwright.model.LayerPosition;
import org.cellwright.model.Material;
import org.cellwright.model.MaterialKind;
import org.cellwright.model.Property;
import org.cellwright.model.Quantity;
import org.cellwright.lang.expressions.PropertyFunctions;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;

/** Layers and cells: thickness, 'extends' chains, the stack from one current collector to the other. */
public class StackValidator extends AbstractCellWrightRules {

	/** Key of the links of the cells' extends chains, counted once per validation of a resource (in {@link #context()}). */
	private static final String EXTENDS_LINKS = "cellwright.extendsLinks";

	@Check
	public void checkLayer(Layer l) {
		Quantity t = l.getThickness();
		if (t != null && checkDimension(t, "the thickness of layer " + l.getName(), Dimension.LENGTH.description(),
				Set.of(Dimension.LENGTH)) && THICKNESS.rangeViolation(Units.toSI(t)) != null && !unreadable(t))
			error("a thickness " + THICKNESS.rangeViolation(Units.toSI(t)) + " (" + THICKNESS.description() + "), not " + text(t), t,
					QUANTITY__VALUE, OUT_OF_RANGE);
		boolean isOverride = l.eContainer() instanceof Cell c && c.getBase() != null;
		if (t == null && Cells.property(l, "areal-loading") == null && !isOverride)
			error("layer " + l.getName() + " needs a thickness ('layer " + l.getName() + ": M 2 um') or an areal-loading",
					l, LAYER__NAME, MISSING_THICKNESS);
		Material anode = Composites.intercalationAnode(l.getMaterial());
		if (anode != null && Cells.property(l, "particle-radius") == null && !isOverride)
			warning("layer " + l.getName() + " of intercalation anode " + anode.getName()
					+ " has no particle-radius: give the radius of its active particles (e.g. 'particle-radius = 5.86 um')", l, LAYER__NAME,
					MISSING_PROPERTY);
		if (anode != null && l.eContainer() instanceof Cell cell && !Cells.runsOnDfnSolver(cell))
			info("layer " + l.getName() + " is an intercalation anode (" + anode.getName() + "): CellWright describes it and exports it"
					+ " to BPX, and runs it in a cell with a liquid electrolyte (DFN); against a solid electrolyte its solver models"
					+ " lithium-metal and interlayer anodes only, so 'run' stops at this cell", l, LAYER__NAME, NOT_SIMULATED);
		OptionalDouble solid = Layers.solidFraction(l);
		if (solid.isPresent()) {
			double s = solid.getAsDouble();
			if (s > 1)
				error(String.format("areal-loading and thickness give a solid fraction of %.1f %% (> 100 %%): the layer must be thicker or the loading lower",
						100 * s), l, LAYER__THICKNESS, OUT_OF_RANGE);
			OptionalDouble given = Layers.si(l, "porosity");
			if (s <= 1 && given.isPresent() && Math.abs(given.getAsDouble() - (1 - s)) > 0.05)
				warning(String.format("porosity %.3f differs from %.3f derived from areal-loading, thickness and densities",
						given.getAsDouble(), 1 - s), Cells.property(l, "porosity"), PROPERTY__VALUE, INCONSISTENT_POROSITY);
		}
	}

	/** True if the material or anything it contains conducts electrons (not a solid electrolyte nor a binder). */
	private static boolean conducts(Material m) {
		for (Material x : Composites.materialsWithin(m))
			if (!(x instanceof Composite) && !electrolyteKind(x.getKind()) && x.getKind() != MaterialKind.BINDER)
				return true;
		return false;
	}

	private static boolean isSeparator(Layer l) {
		Material m = l.getMaterial();
		if (m == null || m.eIsProxy())
			return false;
		if (m instanceof Composite c) {
			// electrolytes, and inert polymers (binder) beside them: a porous polymer separator soaked with a liquid electrolyte
			boolean electrolyte = false;
			for (Component k : c.getComponents())
				if (k.getMaterial() != null && !k.getMaterial().eIsProxy()) {
					if (electrolyteKind(k.getMaterial().getKind())) electrolyte = true;
					else if (k.getMaterial().getKind() != MaterialKind.BINDER || k.getMaterial() instanceof Composite) return false;
				}
			return electrolyte || c.getComponents().stream().allMatch(k -> k.getMaterial() == null || k.getMaterial().eIsProxy())
					&& !c.getComponents().isEmpty(); // unresolved components: linking reports them
		}
		return electrolyteKind(m.getKind());
	}

	/** A solid or a liquid electrolyte: conducts ions, not electrons. */
	private static boolean electrolyteKind(MaterialKind k) {
		return k == MaterialKind.SOLID_ELECTROLYTE || k == MaterialKind.LIQUID_ELECTROLYTE;
	}

	/** Solid electrolytes in a layer (the material itself or composite components). */
	private static List<Material> electrolytes(Layer l) {
		List<Material> out = new ArrayList<>();
		Material m = l.getMaterial();
		if (m == null || m.eIsProxy())
			return out;
		if (m instanceof Composite c) {
			for (Component k : c.getComponents())
				if (k.getMaterial() != null && !k.getMaterial().eIsProxy() && k.getMaterial().getKind() == MaterialKind.SOLID_ELECTROLYTE
						&& !(k.getMaterial() instanceof Composite))
					out.add(k.getMaterial());
		} else if (m.getKind() == MaterialKind.SOLID_ELECTROLYTE)
			out.add(m);
		return out;
	}

	@Check
	public void checkCell(Cell c) {
		@SuppressWarnings("unchecked")
		Map<Cell, Integer> memo = (Map<Cell, Integer>) context().computeIfAbsent(EXTENDS_LINKS, k -> new HashMap<Cell, Integer>());
		int links = Cells.extendsLinks(c, memo);
		if (links < 0) {
			error("cell " + c.getName() + " extends itself through its bases: break the cycle", c, CELL__BASE, CYCLIC_EXTENDS);
			return;
		}
		if (links > Limits.MAX_CHAIN_LENGTH) {
			// reported once, at the first cell beyond the limit; the cells extending it are not checked further
			if (links == Limits.MAX_CHAIN_LENGTH + 1)
				error("cell " + c.getName() + " ends a chain of 'extends' of " + links + " cells, more than " + Limits.MAX_CHAIN_LENGTH
						+ " (the limit, see 'Limits' in docs/language.md): extend a cell nearer the root", c, CELL__BASE, CHAIN_TOO_LONG);
			return;
		}
		duplicates(c.getLayers(), LAYER__NAME, "layer");
		if (c.getModel() != null && !Cells.MODELS.contains(c.getModel()))
			error("unknown cell model " + Printable.quoted(c.getModel()) + ": write one of " + String.join(", ", Cells.MODELS), c, CELL__MODEL, STACK);
		Cell base = c.getBase();
		if (base != null && !base.eIsProxy()) {
			Set<String> names = new HashSet<>();
			for (Layer l : Cells.effectiveLayers(base))
				names.add(l.getName());
			names.addAll(Cells.effectiveProperties(base).keySet());
			for (int i = 0; i < c.getRemovals().size(); i++)
				if (!names.contains(c.getRemovals().get(i)))
					error("cannot remove '" + c.getRemovals().get(i) + "': " + base.getName() + " has no such layer or property (it has "
							+ String.join(", ", names) + ")", c, CELL__REMOVALS, i, UNKNOWN_LAYER);
		} else {
			for (int i = 0; i < c.getRemovals().size(); i++)
				error("'remove' needs a base cell: 'cell " + c.getName() + " extends Other { remove ... }'", c, CELL__REMOVALS, i, UNKNOWN_LAYER);
		}
		List<Layer> stack = Cells.effectiveLayers(c);
		for (Layer l : c.getLayers())
			if (l.getPosition() != LayerPosition.DEFAULT && l.getAnchor() != null
					&& stack.stream().noneMatch(x -> l.getAnchor().equals(x.getName())))
				error("no layer '" + l.getAnchor() + "' to place " + l.getName() + " " + l.getPosition().getLiteral(), l,
						LAYER__ANCHOR, UNKNOWN_LAYER);
		checkStack(c, stack);
		checkSolidStateFunctions(c, stack);
	}

	/**
	 * A material property written as a function of the state or a table runs in DFN cells only (a liquid electrolyte,
	 * or 'model single-particle'), except an intercalation cathode's exchange-current-density: the solid-state
	 * composite cathode evaluates that law at its surface concentration (of cs, x, cmax and T; the single-ion solid
	 * electrolyte has no salt concentration, so a law of ce or c is an error at the variable). Every other property is a
	 * quantity there. An error at the property where it is in the cell's file, else at the layer (or the cell) naming
	 * where it is.
	 */
	private void checkSolidStateFunctions(Cell c, List<Layer> stack) {
		// a layer whose material does not resolve (an import misspelt) may be the liquid electrolyte: its reference's
		// error is said, not "... runs in cells with a liquid electrolyte only: cell C has none" for every function
		if (Cells.runsOnDfnSolver(c) || stack.stream().anyMatch(l -> l.getMaterial() == null || l.getMaterial().eIsProxy()))
			return;
		Set<Property> seen = new HashSet<>();
		for (Layer l : stack) {
			if (l.getMaterial() == null || l.getMaterial().eIsProxy())
				continue;
			for (Material m : Composites.materialsWithin(l.getMaterial()))
				for (Property p : m instanceof Composite ? List.<Property> of() : m.getProperties()) {
					if (PropertyFunctions.isConstant(p) || p.getName() == null || !seen.add(p))
						continue;
					boolean i0 = p.getName().equals("exchange-current-density") && m.isSetKind() && m.getKind() == MaterialKind.INTERCALATION_CATHODE;
					if (i0) {
						checkSolidStateKineticLaw(c, l, m, p);
						continue;
					}
					String takes = "the solid-state solver takes " + p.getName() + " as a quantity";
					String what = p.getName() + " of " + m.getName() + " is a " + (p.getFunction() != null ? "function" : "table")
							+ " of the state, which runs in cells with a liquid electrolyte (DFN) only: cell " + c.getName()
							+ " has none, and " + takes;
					if (p.eResource() == c.eResource())
						error(what, p, p.getFunction() != null ? PROPERTY__FUNCTION : PROPERTY__TABLE, NOT_SIMULATED);
					else
						error("layer " + l.getName() + ": " + what + " (" + where(p) + ")", l.eResource() == c.eResource() ? l : c,
								l.eResource() == c.eResource() ? LAYER__MATERIAL : ELEMENT__NAME, NOT_SIMULATED);
				}
		}
	}

	/**
	 * A composite cathode's exchange-current law in a solid-state cell: it may use cs, x, cmax and T, not the salt
	 * concentration ce (or c), which a single-ion solid electrolyte does not have (its Li+ concentration is fixed, so a
	 * power of it belongs in the prefactor). An error at the variable (at the table's variable; at the layer or cell
	 * when the material is in another file).
	 */
	private void checkSolidStateKineticLaw(Cell c, Layer l, Material m, Property p) {
		String why = " of the state, but cell " + c.getName() + " has a solid electrolyte, whose Li+ concentration is fixed"
				+ " (no salt concentration): write the law in cs, x, cmax and T, with a power of the electrolyte concentration"
				+ " folded into the prefactor, or give the cell a liquid electrolyte";
		List<EObject> at = new java.util.ArrayList<>();
		String variable = null;
		if (p.getFunction() != null) {
			for (java.util.Iterator<EObject> it = p.getFunction().eAllContents(); it.hasNext();) {
				EObject o = it.next();
				if (o instanceof org.cellwright.model.VariableRef v && ("ce".equals(v.getName()) || "c".equals(v.getName()))) {
					at.add(o);
					variable = v.getName();
				}
			}
		} else if (p.getTable() != null && ("ce".equals(p.getTable().getVariable()) || "c".equals(p.getTable().getVariable()))) {
			at.add(p.getTable());
			variable = p.getTable().getVariable();
		}
		if (variable == null)
			return;
		String what = "exchange-current-density of " + m.getName() + " uses " + variable + ", the electrolyte's salt concentration,"
				+ " as a " + (p.getFunction() != null ? "function" : "table") + why;
		if (p.eResource() == c.eResource()) {
			for (EObject o : at)
				error(what, o, null, NOT_SIMULATED);
		} else
			error("layer " + l.getName() + ": " + what + " (" + where(p) + ")", l.eResource() == c.eResource() ? l : c,
					l.eResource() == c.eResource() ? LAYER__MATERIAL : ELEMENT__NAME, NOT_SIMULATED);
	}

	private void checkStack(Cell c, List<Layer> stack) {
		for (Layer l : stack)
			if (l.getMaterial() == null || l.getMaterial().eIsProxy())
				return; // linking errors are reported already
		if (stack.isEmpty()) {
			error("cell " + c.getName() + " has no layers: list them from one current collector to the other", c, ELEMENT__NAME, STACK);
			return;
		}
		if (Cells.effectiveProperties(c).get("area") == null)
			warning("cell " + c.getName() + " has no area: add 'area = 0.785 cm2' (needed for currents and C-rates)", c, ELEMENT__NAME, STACK);
		int sep = -1, separators = 0;
		for (int i = 0; i < stack.size(); i++)
			if (isSeparator(stack.get(i))) {
				separators++;
				if (sep < 0)
					sep = i;
			}
		if (separators == 0 && Cells.isSingleParticle(c))
			return; // a single-particle cell has no separator: its two electrodes are checked where it is run (DfnMapping)
		if (separators == 0) {
			error("cell " + c.getName() + " has no separator: put a solid- or liquid-electrolyte layer between the two electrodes", c, ELEMENT__NAME, STACK);
			return;
		}
		// exactly two electrodes: one separator (adjacent separator layers count as one) and no collector inside
		int lastSep = sep;
		for (int i = sep + 1; i < stack.size(); i++)
			if (isSeparator(stack.get(i))) {
				if (i > lastSep + 1) {
					error("cell " + c.getName() + " has more than two electrodes: separators " + stack.get(lastSep).getName() + " and "
							+ stack.get(i).getName() + " enclose " + names(stack.subList(lastSep + 1, i))
							+ "; a cell is one electrode, one separator, the other electrode, from one current collector to the other",
							c, ELEMENT__NAME, STACK);
					return;
				}
				lastSep = i;
			}
		// a current collector closes its electrode: outside it (towards the end of the stack) only collectors may follow
		for (int i = 0; i < stack.size(); i++) {
			if (!isCollector(stack.get(i)) || (i > sep && i < lastSep))
				continue;
			List<Layer> outside = i < sep ? stack.subList(0, i) : stack.subList(i + 1, stack.size());
			List<Layer> cutOff = outside.stream().filter(l -> !isCollector(l)).toList();
			if (!cutOff.isEmpty()) {
				error("cell " + c.getName() + " is not one cell: current collector " + stack.get(i).getName() + " sits inside the stack, with "
						+ names(cutOff) + " outside it; a cell runs from one current collector to the other, one electrode on each side "
						+ "of the separator", c, ELEMENT__NAME, STACK);
				return;
			}
		}
		boolean before = false, after = false;
		for (int i = 0; i < stack.size(); i++) {
			if (isSeparator(stack.get(i)))
				continue;
			if (conducts(stack.get(i).getMaterial())) {
				if (i < sep)
					before = true;
				else
					after = true;
			}
		}
		if (!before || !after)
			error("cell " + c.getName() + " needs an electrode on each side of the separator (" + stack.get(sep).getName()
					+ "): the " + (before ? "second" : "first") + " side has no electronically conducting layer", c, ELEMENT__NAME, STACK);
		// a DFN (liquid-electrolyte) cell does not model its collectors (docs/language.md): no warning without them
		if ((!isCollector(stack.get(0)) || !isCollector(stack.get(stack.size() - 1))) && !Cells.hasLiquidElectrolyte(c))
			warning("the stack of " + c.getName() + " should run from one current collector to the other; it starts with "
					+ stack.get(0).getName() + " and ends with " + stack.get(stack.size() - 1).getName(), c, ELEMENT__NAME, STACK);
		for (int i = 0; i + 1 < stack.size(); i++) {
			seNextToLithium(c, stack.get(i), stack.get(i + 1));
			seNextToLithium(c, stack.get(i + 1), stack.get(i));
		}
	}

	private static String names(List<Layer> layers) {
		List<String> n = new ArrayList<>();
		for (Layer l : layers)
			n.add(l.getName());
		return String.join(", ", n);
	}

	private static boolean isCollector(Layer l) {
		return l.getMaterial() != null && !(l.getMaterial() instanceof Composite) && l.getMaterial().getKind() == MaterialKind.CURRENT_COLLECTOR;
	}

	private void seNextToLithium(Cell c, Layer se, Layer li) {
		Material m = li.getMaterial();
		if (m == null || m instanceof Composite || m.getKind() != MaterialKind.LITHIUM_METAL)
			return;
		for (Material e : electrolytes(se)) {
			OptionalDouble low = Layers.si(e, "stability-window-low");
			if (low.isEmpty() || low.getAsDouble() <= 0)
				continue;
			String products = e.getReductionProducts().isEmpty() ? "reduction products" : String.join(", ", e.getReductionProducts());
			EObject at = c.getLayers().contains(se) ? se : c.getLayers().contains(li) ? li : c;
			EStructuralFeature f = at == c ? ELEMENT__NAME : LAYER__NAME;
			warning(e.getName() + " in layer " + se.getName() + " touches lithium metal (layer " + li.getName()
					+ ") at 0 V vs Li/Li+, below its stability window (from " + CellWrightFormat.number(low.getAsDouble())
					+ " V): it is reduced to " + products + "; a Li-stable interlayer (e.g. Li15Si4-CNT) between them avoids this",
					at, f, SE_REDUCTION);
		}
	}
}

package org.cellwright.lang.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cellwright.lang.Limits;
import org.cellwright.model.Cell;
import org.cellwright.model.Composite;
import org.cellwright.model.Layer;
import org.cellwright.model.LayerPosition;
import org.cellwright.model.Material;
import org.cellwright.model.MaterialKind;
import org.cellwright.model.Property;
import org.cellwright.model.PropertyOwner;

/**
 * The effective content of a cell after 'extends': the base's layers and properties, with this cell's layers
 * replacing same-named ones in place (or inserted before/after an anchor, or appended), its properties overriding,
 * and its 'remove' entries (layer or property names) taken out. Use these, not {@link Cell#getLayers()}, to read a
 * cell that may extend another.
 */
public final class Cells {

	private Cells() {
	}

	/**
	 * The base chain from the root ancestor to {@code cell} itself; stops at a cycle or an unresolved base, and after
	 * {@link Limits#MAX_CHAIN_LENGTH} bases (a longer chain is a validation error).
	 */
	public static List<Cell> lineage(Cell cell) {
		List<Cell> chain = new ArrayList<>();
		Set<Cell> seen = new HashSet<>();
		for (Cell c = cell; c != null && !c.eIsProxy() && chain.size() <= Limits.MAX_CHAIN_LENGTH && seen.add(c); c = c.getBase())
			chain.add(c);
		Collections.reverse(chain);
		return chain;
	}

	/** True if following 'extends' from this cell comes back to a cell already passed. */
	public static boolean hasCyclicBase(Cell cell) {
		return extendsLinks(cell, new HashMap<>()) < 0;
	}

	/**
	 * The number of 'extends' links from this cell to its root ancestor (0 for a cell that extends none), or -1 if
	 * following them comes back to a cell already passed. {@code memo} keeps the answers for other cells of the same
	 * chains, so that the links of all cells of a file are counted in linear time.
	 */
	public static int extendsLinks(Cell cell, Map<Cell, Integer> memo) {
		List<Cell> path = new ArrayList<>();
		Set<Cell> onPath = new HashSet<>();
		int known = 0;
		boolean cyclic = false;
		for (Cell c = cell; ; c = c.getBase()) {
			if (c == null || c.eIsProxy()) {
				known = path.isEmpty() ? 0 : -1; // -1: the last cell of the path has no (resolved) base
				break;
			}
			Integer m = memo.get(c);
			if (m != null) {
				known = m;
				cyclic = m < 0;
				break;
			}
			if (!onPath.add(c)) {
				cyclic = true;
				break;
			}
			path.add(c);
		}
		// known: links of the cell after the path (-1 for none); assign backwards
		int links = known;
		for (int i = path.size() - 1; i >= 0; i--) {
			links = cyclic ? -1 : links + 1;
			memo.put(path.get(i), links);
		}
		return path.isEmpty() ? known : memo.get(cell);
	}

	/** The ordered stack, from one current collector to the other. */
	public static List<Layer> effectiveLayers(Cell cell) {
		List<Layer> stack = new ArrayList<>();
		for (Cell c : lineage(cell)) {
			for (String r : c.getRemovals())
				stack.removeIf(l -> r.equals(l.getName()));
			for (Layer l : c.getLayers()) {
				int same = indexOf(stack, l.getName());
				if (l.getPosition() != LayerPosition.DEFAULT && l.getAnchor() != null) {
					if (same >= 0)
						stack.remove(same);
					int a = indexOf(stack, l.getAnchor());
					if (a < 0)
						stack.add(l);
					else
						stack.add(l.getPosition() == LayerPosition.BEFORE ? a : a + 1, l);
				} else if (same >= 0) {
					stack.set(same, l);
				} else {
					stack.add(l);
				}
			}
		}
		return stack;
	}

	/**
	 * Where the name of {@code layer} is written in {@code cells} (a file's) besides its own declaration, by name, not
	 * as a reference: the layers placed 'before'/'after' it (in its cell and in the cells extending it) and, in the
	 * cells extending its cell, the 'remove' entries naming it and the layers of its name that replace it. A rename of
	 * the layer must change them too and a delete leaves them wrong (an unknown anchor or removal, or a replacement
	 * becoming a new layer at the end of the stack).
	 */
	public record LayerNameUses(List<Layer> anchored, List<Cell> removing, List<Layer> replacing) {
		public boolean isEmpty() {
			return anchored.isEmpty() && removing.isEmpty() && replacing.isEmpty();
		}
	}

	public static LayerNameUses layerNameUses(Layer layer, Iterable<? extends Object> cells) {
		List<Layer> anchored = new ArrayList<>();
		List<Cell> removing = new ArrayList<>();
		List<Layer> replacing = new ArrayList<>();
		String name = layer.getName();
		if (name == null || !(layer.eContainer() instanceof Cell own))
			return new LayerNameUses(anchored, removing, replacing);
		for (Object o : cells) {
			if (!(o instanceof Cell c) || !lineage(c).contains(own))
				continue;
			boolean extending = c != own;
			if (extending && c.getRemovals().contains(name))
				removing.add(c);
			for (Layer l : c.getLayers()) {
				if (l == layer)
					continue;
				if (l.getPosition() != LayerPosition.DEFAULT && name.equals(l.getAnchor()))
					anchored.add(l);
				if (extending && name.equals(l.getName()))
					replacing.add(l);
			}
		}
		return new LayerNameUses(anchored, removing, replacing);
	}

	/** The cell properties by name, base first, overridden and removed as written. */
	public static Map<String, Property> effectiveProperties(Cell cell) {
		Map<String, Property> props = new LinkedHashMap<>();
		for (Cell c : lineage(cell)) {
			for (String r : c.getRemovals())
				props.remove(r);
			for (Property p : c.getProperties())
				props.put(p.getName(), p);
		}
		return props;
	}

	/** The cell models a cell may name ({@code model single-particle}); without one the stack implies the model. */
	public static final java.util.List<String> MODELS = java.util.List.of("dfn", "single-particle");

	/** The cell model the cell or its nearest base names ({@code model single-particle}), or null. */
	public static String model(Cell cell) {
		String m = null;
		for (Cell c : lineage(cell))
			if (c.getModel() != null)
				m = c.getModel();
		return m;
	}

	/** Whether the cell is a single-particle-model cell ({@code model single-particle}: no electrolyte or separator). */
	public static boolean isSingleParticle(Cell cell) {
		return "single-particle".equals(model(cell));
	}

	/** Whether a layer of the cell (with its bases) holds a liquid electrolyte, as its material or a composite's component. */
	public static boolean hasLiquidElectrolyte(Cell cell) {
		for (Layer l : effectiveLayers(cell))
			for (Material m : Composites.materialsWithin(l.getMaterial()))
				if (!(m instanceof Composite) && m.isSetKind() && m.getKind() == MaterialKind.LIQUID_ELECTROLYTE)
					return true;
		return false;
	}

	/**
	 * Whether the cell runs on the DFN solver (docs/dfn.md): a single-particle cell or a cell with a liquid electrolyte;
	 * every other cell runs on the solid-state solver.
	 */
	public static boolean runsOnDfnSolver(Cell cell) {
		return isSingleParticle(cell) || hasLiquidElectrolyte(cell);
	}

	/** The cell's optional mechanisms switched off ('without thermal'), its bases' included. */
	public static Set<String> switchedOff(Cell cell) {
		Set<String> off = new java.util.LinkedHashSet<>();
		for (Cell c : lineage(cell))
			off.addAll(c.getSwitchedOff());
		return off;
	}

	/** The property of that name of any owner, or null. */
	public static Property property(PropertyOwner owner, String name) {
		if (owner instanceof Cell c)
			return effectiveProperties(c).get(name);
		for (Property p : owner.getProperties())
			if (name.equals(p.getName()))
				return p;
		return null;
	}

	static int indexOf(List<Layer> stack, String name) {
		for (int i = 0; i < stack.size(); i++)
			if (stack.get(i).getName() != null && stack.get(i).getName().equals(name))
				return i;
		return -1;
	}
}

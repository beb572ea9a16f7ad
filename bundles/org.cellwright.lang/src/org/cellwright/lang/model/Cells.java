package org.cellwright.lang.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cellwright.model.Cell;
import org.cellwright.model.Layer;
import org.cellwright.model.LayerPosition;
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

	/** The base chain from the root ancestor to {@code cell} itself; stops at a cycle or an unresolved base. */
	public static List<Cell> lineage(Cell cell) {
		List<Cell> chain = new ArrayList<>();
		Set<Cell> seen = new LinkedHashSet<>();
		for (Cell c = cell; c != null && !c.eIsProxy() && seen.add(c); c = c.getBase())
			chain.add(0, c);
		return chain;
	}

	/** True if following 'extends' from this cell comes back to it. */
	public static boolean hasCyclicBase(Cell cell) {
		Set<Cell> seen = new LinkedHashSet<>();
		for (Cell c = cell; c != null && !c.eIsProxy(); c = c.getBase())
			if (!seen.add(c))
				return true;
		return false;
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

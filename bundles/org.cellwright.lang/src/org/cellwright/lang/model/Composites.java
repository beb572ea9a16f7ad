package org.cellwright.lang.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cellwright.model.Component;
import org.cellwright.model.Composite;
import org.cellwright.model.Material;
import org.cellwright.model.MaterialKind;

/**
 * Composites may contain other composites. A composite that contains itself through others (A: B 50 wt% ...;
 * B: A 50 wt% ...) is a validation error ({@link #cycle}); every walk over components stops at such a cycle and is
 * iterative, so a file with one, or with composites nested thousands deep, is reported, never a stack overflow.
 */
public final class Composites {

	private Composites() {
	}

	/** The resolved composites among the components of a composite, in order. */
	public static List<Composite> subComposites(Composite c) {
		List<Composite> out = new ArrayList<>();
		for (Component k : c.getComponents())
			if (k.getMaterial() instanceof Composite next && !next.eIsProxy())
				out.add(next);
		return out;
	}

	/**
	 * The chain of composites by which {@code c} contains itself, starting and ending with {@code c} (e.g. [A, B, A]),
	 * or an empty list if it does not. Depth-first in component order, each composite visited once.
	 */
	public static List<Composite> cycle(Composite c) {
		record Frame(Composite composite, List<Composite> next, int[] at) {
		}
		Deque<Frame> path = new ArrayDeque<>();
		Set<Composite> visited = new HashSet<>();
		path.push(new Frame(c, subComposites(c), new int[1]));
		while (!path.isEmpty()) {
			Frame f = path.peek();
			if (f.at()[0] >= f.next().size()) {
				path.pop();
				continue;
			}
			Composite next = f.next().get(f.at()[0]++);
			if (next == c) {
				List<Composite> out = new ArrayList<>();
				path.descendingIterator().forEachRemaining(x -> out.add(x.composite()));
				out.add(c);
				return out;
			}
			if (visited.add(next))
				path.push(new Frame(next, subComposites(next), new int[1]));
		}
		return List.of();
	}

	/**
	 * The intercalation-anode material of a layer's material: the material itself or an anode component of its
	 * composite (at any depth, depth first in component order); null if none. Stops at composites that contain
	 * themselves.
	 */
	public static Material intercalationAnode(Material m) {
		for (Material x : materialsWithin(m))
			if (!(x instanceof Composite) && x.isSetKind() && x.getKind() == MaterialKind.INTERCALATION_ANODE)
				return x;
		return null;
	}

	/**
	 * The material and everything it contains, depth first in component order (pre-order), each once; unresolved
	 * components are left out.
	 */
	public static List<Material> materialsWithin(Material m) {
		List<Material> out = new ArrayList<>();
		if (m == null || m.eIsProxy())
			return out;
		Set<Material> seen = new HashSet<>();
		Deque<Material> todo = new ArrayDeque<>();
		todo.push(m);
		while (!todo.isEmpty()) {
			Material x = todo.pop();
			if (!seen.add(x))
				continue;
			out.add(x);
			if (x instanceof Composite c) {
				List<Component> ks = c.getComponents();
				for (int i = ks.size() - 1; i >= 0; i--) {
					Material k = ks.get(i).getMaterial();
					if (k != null && !k.eIsProxy() && !seen.contains(k))
						todo.push(k);
				}
			}
		}
		return out;
	}
}

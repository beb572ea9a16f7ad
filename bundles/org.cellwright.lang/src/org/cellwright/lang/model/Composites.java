package org.cellwright.lang.model;

import java.util.ArrayList;
import java.util.List;

import org.cellwright.model.Component;
import org.cellwright.model.Composite;
import org.cellwright.model.Material;
import org.cellwright.model.MaterialKind;

/**
 * Composites may contain other composites. A composite that contains itself through others (A: B 50 wt% ...;
 * B: A 50 wt% ...) is a validation error ({@link #cycle}); every walk over components stops at such a cycle, so a
 * file with one is reported, never a stack overflow.
 */
public final class Composites {

	private Composites() {
	}

	/**
	 * The chain of composites by which {@code c} contains itself, starting and ending with {@code c} (e.g. [A, B, A]),
	 * or an empty list if it does not.
	 */
	public static List<Composite> cycle(Composite c) {
		List<Composite> path = new ArrayList<>();
		path.add(c);
		return search(c, c, path, new ArrayList<>()) ? path : List.of();
	}

	private static boolean search(Composite from, Composite target, List<Composite> path, List<Composite> visited) {
		for (Component k : from.getComponents()) {
			Material m = k.getMaterial();
			if (!(m instanceof Composite next) || next.eIsProxy())
				continue;
			if (next == target) {
				path.add(next);
				return true;
			}
			if (visited.contains(next))
				continue;
			visited.add(next);
			path.add(next);
			if (search(next, target, path, visited))
				return true;
			path.remove(path.size() - 1);
		}
		return false;
	}

	/**
	 * The intercalation-anode material of a layer's material: the material itself or an anode component of its
	 * composite (at any depth); null if none. Stops at composites that contain themselves.
	 */
	public static Material intercalationAnode(Material m) {
		return intercalationAnode(m, new ArrayList<>());
	}

	private static Material intercalationAnode(Material m, List<Material> enclosing) {
		if (m == null || m.eIsProxy() || enclosing.contains(m))
			return null;
		if (m instanceof Composite c) {
			enclosing.add(c);
			for (Component k : c.getComponents()) {
				Material a = intercalationAnode(k.getMaterial(), enclosing);
				if (a != null)
					return a;
			}
			enclosing.remove(c);
			return null;
		}
		return m.isSetKind() && m.getKind() == MaterialKind.INTERCALATION_ANODE ? m : null;
	}
}

package org.cellwright.lang.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.cellwright.lang.model.Graphs;
import org.cellwright.model.Element;
import org.cellwright.model.Model;
import org.eclipse.emf.ecore.EObject;

/**
 * A reference graph between elements of one kind ('run' between protocols, composites within composites), analysed
 * once per validation of a file (kept in the validation context): which elements lie on a cycle, and the number of
 * links of the longest chain from each. Linear time in the size of the graph, whatever the length of its chains.
 */
record ReferenceGraph<T extends EObject>(Set<T> cyclic, Map<T, Integer> longest) {

	static <T extends Element> ReferenceGraph<T> of(Map<Object, Object> context, String key, T element, Class<T> type,
			Function<T, List<T>> successors) {
		Map<Object, Object> ctx = context == null ? new HashMap<>() : context;
		@SuppressWarnings("unchecked")
		ReferenceGraph<T> g = (ReferenceGraph<T>) ctx.get(key);
		if (g == null || !g.longest().containsKey(element) && !g.cyclic().contains(element)) {
			g = build(roots(element, type), successors);
			ctx.put(key, g);
		}
		return g;
	}

	private static <T extends Element> List<T> roots(T element, Class<T> type) {
		List<T> roots = new ArrayList<>();
		if (element.eContainer() instanceof Model m) {
			for (Element e : m.getElements())
				if (type.isInstance(e))
					roots.add(type.cast(e));
		}
		if (!roots.contains(element))
			roots.add(element);
		return roots;
	}

	private static <T extends EObject> ReferenceGraph<T> build(List<T> roots, Function<T, List<T>> successors) {
		Map<T, List<T>> cache = new HashMap<>();
		Function<T, List<T>> cached = t -> cache.computeIfAbsent(t, successors);
		Set<T> cyclic = Graphs.onCycles(roots, cached);
		return new ReferenceGraph<>(cyclic, Graphs.longestPaths(roots, cached, cyclic));
	}
}

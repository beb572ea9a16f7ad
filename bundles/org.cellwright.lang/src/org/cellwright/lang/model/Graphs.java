package org.cellwright.lang.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Iterative walks over the reference graphs of a model ('run' between protocols, composites within composites): no
 * recursion, so a chain of any length is walked in linear time without a stack overflow.
 */
public final class Graphs {

	private Graphs() {
	}

	/**
	 * The nodes that lie on a cycle (a strongly connected component of more than one node, or a node that is its
	 * own successor), among the nodes reachable from {@code roots}. Tarjan's algorithm with an explicit stack.
	 */
	public static <T> Set<T> onCycles(Collection<T> roots, Function<T, List<T>> successors) {
		Map<T, Integer> index = new HashMap<>(), low = new HashMap<>();
		Deque<T> stack = new ArrayDeque<>();
		Set<T> onStack = new HashSet<>();
		Set<T> cyclic = new HashSet<>();
		record Frame<T>(T node, Iterator<T> next) {
		}
		for (T root : roots) {
			if (index.containsKey(root))
				continue;
			Deque<Frame<T>> work = new ArrayDeque<>();
			index.put(root, index.size());
			low.put(root, index.get(root));
			stack.push(root);
			onStack.add(root);
			work.push(new Frame<>(root, successors.apply(root).iterator()));
			while (!work.isEmpty()) {
				Frame<T> f = work.peek();
				if (f.next().hasNext()) {
					T w = f.next().next();
					if (w == null)
						continue;
					if (w.equals(f.node()))
						cyclic.add(w);
					if (!index.containsKey(w)) {
						index.put(w, index.size());
						low.put(w, index.get(w));
						stack.push(w);
						onStack.add(w);
						work.push(new Frame<>(w, successors.apply(w).iterator()));
					} else if (onStack.contains(w)) {
						low.put(f.node(), Math.min(low.get(f.node()), index.get(w)));
					}
					continue;
				}
				work.pop();
				T v = f.node();
				if (!work.isEmpty())
					low.put(work.peek().node(), Math.min(low.get(work.peek().node()), low.get(v)));
				if (low.get(v).equals(index.get(v))) {
					List<T> component = new ArrayList<>();
					T w;
					do {
						w = stack.pop();
						onStack.remove(w);
						component.add(w);
					} while (!w.equals(v));
					if (component.size() > 1)
						cyclic.addAll(component);
				}
			}
		}
		return cyclic;
	}

	/**
	 * The number of edges of the longest path from each node reachable from {@code roots}, following successors that
	 * are not in {@code cyclic} (nodes on cycles count as ends). Iterative depth-first search with memo: linear time.
	 */
	public static <T> Map<T, Integer> longestPaths(Collection<T> roots, Function<T, List<T>> successors, Set<T> cyclic) {
		Map<T, Integer> length = new HashMap<>();
		record Frame<T>(T node, Iterator<T> next) {
		}
		for (T root : roots) {
			if (length.containsKey(root))
				continue;
			Deque<Frame<T>> work = new ArrayDeque<>();
			Set<T> open = new HashSet<>();
			work.push(new Frame<>(root, cyclic.contains(root) ? List.<T>of().iterator() : successors.apply(root).iterator()));
			open.add(root);
			while (!work.isEmpty()) {
				Frame<T> f = work.peek();
				if (f.next().hasNext()) {
					T w = f.next().next();
					if (w == null || cyclic.contains(w) || length.containsKey(w) || open.contains(w))
						continue;
					open.add(w);
					work.push(new Frame<>(w, successors.apply(w).iterator()));
					continue;
				}
				work.pop();
				int best = 0;
				for (T w : cyclic.contains(f.node()) ? List.<T>of() : successors.apply(f.node()))
					if (w != null && !cyclic.contains(w) && length.containsKey(w))
						best = Math.max(best, length.get(w) + 1);
				length.put(f.node(), best);
				open.remove(f.node());
			}
		}
		return length;
	}
}

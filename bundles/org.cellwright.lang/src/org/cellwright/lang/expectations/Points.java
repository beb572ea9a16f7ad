package org.cellwright.lang.expectations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cellwright.lang.validation.ProtocolValidator;
import org.cellwright.model.Experiment;
import org.cellwright.model.Protocol;
import org.cellwright.model.ProtocolCall;
import org.cellwright.model.Repeat;
import org.cellwright.model.Step;
import org.cellwright.model.StepGroup;

/**
 * The named points of an experiment's run that an {@code expect ... at NAME} clause reads a metric at: the step groups of
 * its protocols ({@code group probe { charge at 0.05 C for 10 min }}), each as the solver's step numbers it runs as
 * (timeseries.csv's step column: the protocols' steps in order, groups and {@code run} calls inlined, repeats multiplied
 * out, counted as {@link ProtocolValidator#stepCount} counts them). A group that runs more than once (in a repeat, or in
 * a protocol run twice) is its last run.
 */
public final class Points {
	private Points() {}

	/** The step groups of the experiment's protocols, by name, in the order they are written (each once). */
	public static List<String> names(Experiment x) {
		List<String> out = new ArrayList<>();
		Set<Protocol> seen = new HashSet<>();
		for (Protocol p : x.getProtocols())
			if (p != null && !p.eIsProxy()) names(p.getSteps(), out, seen);
		return out;
	}

	private static void names(List<Step> steps, List<String> out, Set<Protocol> seen) {
		for (Step s : steps) {
			if (s instanceof StepGroup g) {
				if (g.getName() != null && !out.contains(g.getName())) out.add(g.getName());
				names(g.getSteps(), out, seen);
			} else if (s instanceof Repeat r) {
				names(r.getSteps(), out, seen);
			} else if (s instanceof ProtocolCall c && c.getProtocol() != null && !c.getProtocol().eIsProxy() && seen.add(c.getProtocol())) {
				names(c.getProtocol().getSteps(), out, seen);
			}
		}
	}

	/**
	 * The solver's step numbers [first, last] of the last run of the step group {@code name} in the experiment's
	 * protocols, or null when they have no such group (or the experiment runs more steps than can be counted).
	 */
	public static Metric.Point find(Experiment x, String name) {
		if (name == null) return null;
		Map<Protocol, Long> counted = new HashMap<>();
		long[] found = null;
		long at = 0;
		for (Protocol p : x.getProtocols()) {
			if (p == null || p.eIsProxy()) continue;
			long[] f = find(p.getSteps(), at, name, counted, new HashSet<>());
			if (f != null) found = f;
			at = plus(at, ProtocolValidator.stepCount(p.getSteps(), counted));
		}
		if (found == null || found[1] >= Integer.MAX_VALUE) return null;
		return new Metric.Point(name, (int) found[0], (int) found[1]);
	}

	private static long[] find(List<Step> steps, long offset, String name, Map<Protocol, Long> counted, Set<Protocol> calling) {
		long[] found = null;
		long at = offset;
		for (Step s : steps) {
			long k = ProtocolValidator.stepCount(List.of(s), counted);
			if (s instanceof StepGroup g) {
				long[] inner = find(g.getSteps(), at, name, counted, calling);
				if (inner != null) found = inner;
				if (name.equals(g.getName())) found = new long[] { at, plus(at, k) - 1 };
			} else if (s instanceof Repeat r && r.getCount() > 0) {
				long once = k / r.getCount(); // the last of the repeat's runs
				long[] inner = find(r.getSteps(), plus(at, once * (r.getCount() - 1)), name, counted, calling);
				if (inner != null) found = inner;
			} else if (s instanceof ProtocolCall c && c.getProtocol() != null && !c.getProtocol().eIsProxy() && calling.add(c.getProtocol())) {
				long[] inner = find(c.getProtocol().getSteps(), at, name, counted, calling);
				if (inner != null) found = inner;
				calling.remove(c.getProtocol());
			}
			at = plus(at, k);
		}
		return found;
	}

	private static long plus(long a, long b) {
		return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
	}
}

package org.cellwright.lang.expectations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cellwright.lang.validation.ProtocolValidator;
import org.cellwright.model.CurrentStep;
import org.cellwright.model.Direction;
import org.cellwright.model.DriveCycleStep;
import org.cellwright.model.Experiment;
import org.cellwright.model.Protocol;
import org.cellwright.model.ProtocolCall;
import org.cellwright.model.Repeat;
import org.cellwright.model.Step;
import org.cellwright.model.StepGroup;
import org.cellwright.model.VoltageHold;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.StepNumbers;
import org.cellwright.solver.input.StepSpec;

/**
 * The named points of an experiment's run that an {@code expect ... at NAME} clause reads a metric at: the step groups of
 * its protocols ({@code group probe { charge at 0.05 C for 10 min }}), each as the solver's step numbers it runs as
 * (timeseries.csv's step column: the protocols' steps in order, groups and {@code run} calls inlined, repeats multiplied
 * out, counted as {@link ProtocolValidator#stepCount} counts them). A group that runs more than once (in a repeat, or in
 * a protocol run twice) is its last run ({@link #find}), or the run a cycle holds ({@code of cycle N at probe}: every
 * run, {@link #runs}, and the run's cycle column tell which).
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
	 * The steps of the experiment's protocols by their number as the protocol is written, the report lists it and the
	 * run's messages name it ("3.2", {@link StepNumbers}: the protocols' steps in order, groups and {@code run} calls
	 * inlined, a repeat's steps numbered after it), each with whether it is a repeat; in the order written.
	 */
	public static Map<String, Boolean> stepNumbers(Experiment x) {
		Map<String, Boolean> out = new java.util.LinkedHashMap<>();
		for (StepNumbers.Node n : StepNumbers.of(shape(x)).nodes())
			out.put(n.number(), n.step() instanceof StepSpec.Repeat);
		return out;
	}

	/**
	 * The shape of the protocol the experiment runs (its steps and repeats as the solver's protocol has them, each step a
	 * rest): what {@link StepNumbers} numbers where the protocol a run ran is not at hand (checks of an experiment
	 * evaluated on a folder alone).
	 */
	public static ProtocolSpec shape(Experiment x) {
		List<StepSpec> skeleton = new ArrayList<>();
		for (Protocol p : x.getProtocols())
			if (p != null && !p.eIsProxy()) skeleton(p.getSteps(), skeleton, new HashSet<>());
		return new ProtocolSpec(x.getName(), skeleton);
	}

	/** The steps' shape as the solver's protocol has it (org.cellwright.run.SimulationInputs.steps): a rest for each step. */
	private static void skeleton(List<Step> steps, List<StepSpec> out, Set<Protocol> calling) {
		for (Step s : steps) {
			if (s instanceof StepGroup g) skeleton(g.getSteps(), out, calling);
			else if (s instanceof ProtocolCall c) {
				if (c.getProtocol() != null && !c.getProtocol().eIsProxy() && calling.add(c.getProtocol())) {
					skeleton(c.getProtocol().getSteps(), out, calling);
					calling.remove(c.getProtocol());
				}
			} else if (s instanceof Repeat r) {
				List<StepSpec> inside = new ArrayList<>();
				skeleton(r.getSteps(), inside, calling);
				out.add(new StepSpec.Repeat(Math.max(0, r.getCount()), inside));
			} else out.add(new StepSpec.Rest(List.of()));
		}
	}

	/**
	 * The solver's step numbers [first, last] of the last run of the step group {@code name} in the experiment's
	 * protocols, or null when they have no such group (or the experiment runs more steps than can be counted).
	 */
	public static Metric.Point find(Experiment x, String name) {
		int last = -1, length = 0;
		for (Metric.Runs r : runs(x, name))
			if (r.lastStart() > last) {
				last = r.lastStart();
				length = r.length();
			}
		return last < 0 ? null : new Metric.Point(name, last, last + length - 1);
	}

	/**
	 * Every run of the step group {@code name} in the experiment's protocols, as the solver's step numbers: one
	 * {@link Metric.Runs} for each place the group is run from (a protocol run twice, or by two protocols of the
	 * experiment, runs it from two), each with the repeats around it; empty when they have no such group (a place whose
	 * runs go beyond the step numbers that can be counted is left out).
	 */
	public static List<Metric.Runs> runs(Experiment x, String name) {
		List<Metric.Runs> out = new ArrayList<>();
		if (name == null) return out;
		Map<Protocol, Long> counted = new HashMap<>();
		long at = 0;
		for (Protocol p : x.getProtocols()) {
			if (p == null || p.eIsProxy()) continue;
			runs(p.getSteps(), at, name, counted, new HashSet<>(), List.of(), out);
			at = plus(at, ProtocolValidator.stepCount(p.getSteps(), counted));
		}
		return out;
	}

	/** The runs of the group in these steps from step {@code offset} on, within the repeats {@code around} ([period, count], outermost first). */
	private static void runs(List<Step> steps, long offset, String name, Map<Protocol, Long> counted, Set<Protocol> calling, List<long[]> around,
			List<Metric.Runs> out) {
		long at = offset;
		for (Step s : steps) {
			long k = ProtocolValidator.stepCount(List.of(s), counted);
			if (s instanceof StepGroup g) {
				if (name.equals(g.getName()) && plus(lastStart(at, around), k) <= Integer.MAX_VALUE)
					out.add(new Metric.Runs((int) at, (int) k, around.stream().mapToInt(r -> (int) Math.min(r[0], Integer.MAX_VALUE)).toArray(),
							around.stream().mapToInt(r -> (int) r[1]).toArray()));
				runs(g.getSteps(), at, name, counted, calling, around, out);
			} else if (s instanceof Repeat r && r.getCount() > 0) {
				List<long[]> inside = new ArrayList<>(around);
				inside.add(new long[] { k / r.getCount(), r.getCount() });
				runs(r.getSteps(), at, name, counted, calling, inside, out);
			} else if (s instanceof ProtocolCall c && c.getProtocol() != null && !c.getProtocol().eIsProxy() && calling.add(c.getProtocol())) {
				runs(c.getProtocol().getSteps(), at, name, counted, calling, around, out);
				calling.remove(c.getProtocol());
			}
			at = plus(at, k);
		}
	}

	/**
	 * At most how many cycles the experiment's protocols run, as cycles.csv counts them (the solver's CycleBook: a cycle
	 * opens with the run's first current and then with each storing step after a giving one, a full cell's charge after
	 * a discharge, a half cell's plating after a stripping), whatever the cell: one more than the fewer of its charge and
	 * discharge steps, repeats multiplied out, a voltage hold counted as either (its current may turn); 0 without a
	 * current step; -1 when a step's direction is the run's alone (a drive cycle).
	 */
	public static long cycleBound(Experiment x) {
		long[] n = new long[3]; // steps that may charge, discharge; drive cycles
		Map<Protocol, long[]> counted = new HashMap<>();
		for (Protocol p : x.getProtocols())
			if (p != null && !p.eIsProxy()) add(n, directions(p.getSteps(), counted), 1);
		if (n[2] > 0) return -1;
		return n[0] == 0 && n[1] == 0 ? 0 : plus(1, Math.min(n[0], n[1]));
	}

	/** The steps that may charge, that may discharge, and the drive cycles among these steps, repeats multiplied out. */
	private static long[] directions(List<Step> steps, Map<Protocol, long[]> counted) {
		long[] n = new long[3];
		for (Step s : steps) {
			if (s instanceof CurrentStep c) n[c.getDirection() == Direction.CHARGE ? 0 : 1]++;
			else if (s instanceof VoltageHold) {
				n[0]++;
				n[1]++;
			} else if (s instanceof DriveCycleStep) n[2]++;
			else if (s instanceof Repeat r) add(n, directions(r.getSteps(), counted), Math.max(0, r.getCount()));
			else if (s instanceof StepGroup g) add(n, directions(g.getSteps(), counted), 1);
			else if (s instanceof ProtocolCall c && c.getProtocol() != null && !c.getProtocol().eIsProxy()) {
				Protocol q = c.getProtocol();
				if (!counted.containsKey(q)) {
					counted.put(q, new long[3]); // a cycle of run calls meets none (an error of its own)
					counted.put(q, directions(q.getSteps(), counted));
				}
				add(n, counted.get(q), 1);
			}
		}
		return n;
	}

	/** n += times x, saturating. */
	private static void add(long[] n, long[] x, long times) {
		for (int i = 0; i < n.length; i++)
			n[i] = plus(n[i], times != 0 && x[i] > Long.MAX_VALUE / times ? Long.MAX_VALUE : x[i] * times);
	}

	/** The first step of the last run of a group whose first run starts at {@code first} within the repeats {@code around}. */
	private static long lastStart(long first, List<long[]> around) {
		long at = first;
		for (long[] r : around) at = plus(at, r[1] - 1 > 0 && r[0] > Long.MAX_VALUE / (r[1] - 1) ? Long.MAX_VALUE : r[0] * (r[1] - 1));
		return at;
	}

	private static long plus(long a, long b) {
		return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
	}
}

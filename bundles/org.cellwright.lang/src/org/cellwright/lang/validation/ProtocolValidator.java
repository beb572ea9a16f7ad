package org.cellwright.lang.validation;

import static org.cellwright.model.CellwrightPackage.Literals.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cellwright.lang.Limits;
import org.cellwright.lang.model.DriveCycleFile;
import org.cellwright.lang.text.Printable;
import org.cellwright.lang.units.Dimension;
import org.cellwright.lang.units.Units;
import org.cellwright.model.CurrentStep;
import org.cellwright.model.Direction;
import org.cellwright.model.DriveCycleStep;
import org.cellwright.model.Limit;
import org.cellwright.model.LimitKind;
import org.cellwright.model.Protocol;
import org.cellwright.model.ProtocolCall;
import org.cellwright.model.Quantity;
import org.cellwright.model.Repeat;
import org.cellwright.model.Rest;
import org.cellwright.model.Step;
import org.cellwright.model.StepGroup;
import org.cellwright.model.VoltageHold;
import org.cellwright.solver.input.InputLimits;
import org.eclipse.xtext.validation.Check;

/** Protocol steps: rates, cut-offs that are never reached, steps that never end, 'run' cycles and chains. */
public class ProtocolValidator extends AbstractCellWrightRules {

	private static final String RUN_GRAPH = "cellwright.runGraph";

	private static final Set<Dimension> RATE = Set.of(Dimension.CURRENT_DENSITY, Dimension.CURRENT, Dimension.C_RATE,
			Dimension.POWER, Dimension.POWER_DENSITY);
	private static final Set<Dimension> CURRENT_LIKE = Set.of(Dimension.CURRENT_DENSITY, Dimension.CURRENT, Dimension.C_RATE);

	@Check
	public void checkCurrentStep(CurrentStep s) {
		Quantity r = s.getRate();
		if (r != null && checkDimension(r, s.getDirection().getLiteral() + " at", "a current density (mA/cm2), current (mA), C-rate (C) or power (mW, mW/cm2)", RATE)
				&& r.getValue() <= 0)
			error("give the magnitude of the " + s.getDirection().getLiteral() + " rate (> 0); the direction sets the sign ("
					+ "charge = positive current, WE oxidised)" + (r.getValue() < 0 ? ": write " + other(s.getDirection()) + " at "
							+ CellWrightFormat.number(-r.getValue()) + " " + r.getUnit() : ""), r, QUANTITY__VALUE, SIGNED_RATE);
		else if (r != null && Units.isKnown(r.getUnit()) && RATE.contains(Units.dimensionOf(r)))
			checkRateLimit(r, s.getDirection().getLiteral() + " at");
		if (s.getLimits().isEmpty())
			error("this step never ends: add 'until 4.3 V', 'until 3 mAh/cm2' or 'for 10 h'", s, CURRENT_STEP__DIRECTION, STEP_NEVER_ENDS);
		for (Limit l : s.getLimits())
			checkLimit(l, false);
	}

	/** A rate (or a drive cycle's scale) above its plausibility limit ({@link Limits#maxRate}): an error at its value. */
	private void checkRateLimit(Quantity r, String what) {
		Dimension d = Units.dimensionOf(r);
		if (Units.toSI(r) > Limits.maxRate(d) && !unreadable(r))
			error(what + " " + text(r) + " is more than " + Limits.maxRateText(d) + ", the highest " + d.description().replaceFirst(":.*", "").replaceFirst("^an? ", "")
					+ " of a step (the limit, see 'Limits' in docs/language.md)", r, QUANTITY__VALUE, OUT_OF_RANGE);
	}

	/** A duration ('for', 'rest for') beyond {@link Limits#MAX_SIMULATED_TIME}: an error at its value. */
	private void checkDurationLimit(Quantity q) {
		String problem = InputLimits.durationProblem(Units.toSI(q));
		if (problem != null && !unreadable(q))
			error("a duration of " + text(q) + ": " + problem, q, QUANTITY__VALUE, OUT_OF_RANGE);
	}

	private static String other(Direction d) {
		return d == Direction.CHARGE ? "discharge" : "charge";
	}

	@Check
	public void checkHold(VoltageHold h) {
		checkDimension(h.getVoltage(), "hold at", Dimension.VOLTAGE.description(), Set.of(Dimension.VOLTAGE));
		if (h.getLimits().isEmpty())
			error("a hold never ends by itself: add 'until 0.05 C' (current) or 'for 1 h'", h, VOLTAGE_HOLD__VOLTAGE, STEP_NEVER_ENDS);
		for (Limit l : h.getLimits())
			checkLimit(l, true);
	}

	private void checkLimit(Limit l, boolean hold) {
		Quantity q = l.getValue();
		if (q == null || !Units.isKnown(q.getUnit()))
			return;
		Dimension d = Units.dimensionOf(q);
		if (l.getKind() == LimitKind.FOR) {
			if (checkDimension(q, "'for'", "a duration (s, min, h)", Set.of(Dimension.TIME)))
				if (q.getValue() <= 0)
					error("a duration must be > 0, not " + text(q), q, QUANTITY__VALUE, OUT_OF_RANGE);
				else
					checkDurationLimit(q);
			return;
		}
		if (d == Dimension.TIME) {
			error("'until " + text(q) + "' is a duration: write 'for " + text(q) + "'", q, QUANTITY__UNIT, WRONG_DIMENSION);
			return;
		}
		if (hold) {
			if (d == Dimension.VOLTAGE)
				error("a voltage hold keeps the voltage constant, so it never reaches " + text(q)
						+ ": end it with a current ('until 0.05 C') or a duration", q, QUANTITY__UNIT, UNREACHABLE_CUTOFF);
			else
				checkDimension(q, "'until' in a hold", "a current (mA), current density (mA/cm2) or C-rate (C), or a capacity",
						Set.of(Dimension.CURRENT, Dimension.CURRENT_DENSITY, Dimension.C_RATE, Dimension.CAPACITY, Dimension.AREAL_CAPACITY));
			return;
		}
		if (CURRENT_LIKE.contains(d)) {
			error("a constant-current step never changes its current, so 'until " + text(q)
					+ "' is never reached: use 'hold at <V> until " + text(q) + "' after it", q, QUANTITY__UNIT, UNREACHABLE_CUTOFF);
			return;
		}
		if (checkDimension(q, "'until'", "a voltage (V, mV) or a capacity (mAh, mAh/cm2)",
				Set.of(Dimension.VOLTAGE, Dimension.CAPACITY, Dimension.AREAL_CAPACITY)) && d != Dimension.VOLTAGE && q.getValue() <= 0)
			error("a capacity cut-off counts the charge passed in the step and must be > 0, not " + text(q), q, QUANTITY__VALUE, OUT_OF_RANGE);
	}

	@Check
	public void checkProtocol(Protocol p) {
		voltageWalk(p.getSteps(), Double.NaN);
		ReferenceGraph<Protocol> g = runGraph(p);
		if (g.cyclic().contains(p)) {
			error("protocol " + p.getName() + " runs itself (through 'run'): break the cycle", p, ELEMENT__NAME, CYCLIC_PROTOCOL);
			return;
		}
		int links = g.longest().getOrDefault(p, 0);
		if (links <= Limits.MAX_CHAIN_LENGTH) {
			checkStepCount(p);
			checkTimedTotal(p);
		}
		if (links == Limits.MAX_CHAIN_LENGTH + 1)
			for (ProtocolCall call : calls(p))
				if (g.longest().getOrDefault(call.getProtocol(), -1) == Limits.MAX_CHAIN_LENGTH) {
					error("protocol " + p.getName() + " starts a chain of " + links + " run calls (protocol runs protocol), more than "
							+ Limits.MAX_CHAIN_LENGTH + " (the limit, see 'Limits' in docs/language.md)", call, PROTOCOL_CALL__PROTOCOL,
							CHAIN_TOO_LONG);
					return;
				}
	}

	/**
	 * A protocol whose steps, its repeats and run calls expanded, are more than {@link Limits#MAX_PROTOCOL_STEPS}: an
	 * error at the outermost repeat or run that passes the limit (the protocol's name if none does alone).
	 */
	private void checkStepCount(Protocol p) {
		Map<Protocol, Long> counted = new HashMap<>();
		if (stepCount(p.getSteps(), counted) <= Limits.MAX_PROTOCOL_STEPS)
			return;
		for (Step s : p.getSteps()) {
			long n = stepCount(List.of(s), counted);
			if (n > Limits.MAX_PROTOCOL_STEPS) {
				String what = s instanceof Repeat r ? "'repeat " + r.getCount() + "'" : s instanceof ProtocolCall ? "this 'run'" : "this group";
				error(what + " makes " + stepsText(n) + ", more than " + stepsText(Limits.MAX_PROTOCOL_STEPS)
						+ " (the limit, see 'Limits' in docs/language.md): run fewer cycles, or split the study into experiments", s,
						s instanceof Repeat ? REPEAT__COUNT : s instanceof ProtocolCall ? PROTOCOL_CALL__PROTOCOL : STEP_GROUP__NAME,
						OUT_OF_RANGE);
				return;
			}
		}
		error("protocol " + p.getName() + " runs " + stepsText(stepCount(p.getSteps(), counted)) + ", more than "
				+ stepsText(Limits.MAX_PROTOCOL_STEPS) + " (the limit, see 'Limits' in docs/language.md)", p, ELEMENT__NAME, OUT_OF_RANGE);
	}

	/**
	 * A protocol whose steps that end only by their duration ('rest for', a step with only 'for' limits), repeats
	 * multiplied out and run calls expanded, last longer than {@link Limits#MAX_SIMULATED_TIME} (at least that long: a
	 * step that may end earlier by a cut-off counts nothing): an error at the outermost repeat or group that passes the
	 * limit, else at the protocol's name. A single step beyond the limit is an error at its duration already.
	 */
	private void checkTimedTotal(Protocol p) {
		Map<Protocol, Double> timed = new HashMap<>();
		double total = timedTime(p.getSteps(), timed);
		if (InputLimits.durationProblem(total) == null)
			return;
		for (Step s : p.getSteps()) {
			double t = timedTime(List.of(s), timed);
			if (InputLimits.durationProblem(t) != null) {
				// a step beyond the limit alone is an error at its duration, a 'run' of a protocol beyond it the protocol's
				if (s instanceof Repeat || s instanceof StepGroup) {
					String what = s instanceof Repeat r ? "'repeat " + r.getCount() + "'" : "this group";
					error(what + " runs steps that end only by their duration: " + InputLimits.durationProblem(t)
							+ ": run fewer cycles or shorter steps", s, s instanceof Repeat ? REPEAT__COUNT : STEP_GROUP__NAME, OUT_OF_RANGE);
				}
				return;
			}
		}
		error("protocol " + p.getName() + " runs steps that end only by their duration: " + InputLimits.durationProblem(total)
				+ ": run fewer cycles or shorter steps",
				p, ELEMENT__NAME, OUT_OF_RANGE);
	}

	/**
	 * The time [s] these steps last at least: the steps that end only by their duration ('rest for', a step whose limits
	 * are all 'for': the shortest), repeats multiplied out and run calls expanded (each called protocol counted once; a
	 * cycle meets 0). A step that may end by a cut-off counts 0. Overflows to infinity.
	 */
	static double timedTime(List<Step> steps, Map<Protocol, Double> timed) {
		double t = 0;
		for (Step s : steps) {
			if (s instanceof Repeat r)
				t += r.getCount() <= 0 ? 0 : r.getCount() * timedTime(r.getSteps(), timed);
			else if (s instanceof StepGroup g)
				t += timedTime(g.getSteps(), timed);
			else if (s instanceof ProtocolCall c) {
				Protocol q = c.getProtocol();
				if (q != null && !q.eIsProxy()) {
					if (!timed.containsKey(q)) {
						timed.put(q, 0.0); // a cycle meets 0
						timed.put(q, timedTime(q.getSteps(), timed));
					}
					t += timed.get(q);
				}
			} else if (s instanceof Rest rest)
				t += duration(rest.getDuration());
			else if (s instanceof CurrentStep c)
				t += onlyFor(c.getLimits());
			else if (s instanceof VoltageHold h)
				t += onlyFor(h.getLimits());
			else if (s instanceof DriveCycleStep d)
				t += onlyFor(d.getLimits());
		}
		return t;
	}

	/** The shortest 'for' of limits that are all 'for' (0 if one is another cut-off or none is given). */
	private static double onlyFor(List<Limit> limits) {
		double t = Double.POSITIVE_INFINITY;
		for (Limit l : limits) {
			if (l.getKind() != LimitKind.FOR)
				return 0;
			t = Math.min(t, duration(l.getValue()));
		}
		return limits.isEmpty() ? 0 : t;
	}

	/** A duration [s] as written, 0 when it is none (no time, unknown unit, not > 0). */
	private static double duration(Quantity q) {
		if (q == null || !Units.isKnown(q.getUnit()) || Units.dimensionOf(q) != Dimension.TIME || !(q.getValue() > 0))
			return 0;
		return Units.toSI(q);
	}

	/**
	 * An experiment running several protocols one after the other ('protocol A, B') whose steps that end only by their
	 * duration last longer than {@link Limits#MAX_SIMULATED_TIME} together, none alone (that is the protocol's error): an
	 * error at its protocols.
	 */
	@Check
	public void checkExperimentTime(org.cellwright.model.Experiment x) {
		if (x.getProtocols().size() < 2)
			return;
		Map<Protocol, Double> timed = new HashMap<>();
		double total = 0;
		for (Protocol p : x.getProtocols()) {
			if (p == null || p.eIsProxy() || runGraph(p).cyclic().contains(p) || runGraph(p).longest().getOrDefault(p, 0) > Limits.MAX_CHAIN_LENGTH)
				return;
			double t = timedTime(p.getSteps(), new HashMap<>(timed));
			if (InputLimits.durationProblem(t) != null)
				return;
			total += t;
		}
		if (InputLimits.durationProblem(total) != null)
			error("experiment " + x.getName() + " runs steps that end only by their duration: " + InputLimits.durationProblem(total)
					+ ": run fewer cycles or shorter steps", x, EXPERIMENT__PROTOCOLS, OUT_OF_RANGE);
	}

	private static String stepsText(long n) {
		return n == Long.MAX_VALUE ? "more steps than can be counted" : String.format(java.util.Locale.ROOT, "%,d steps", n);
	}

	/**
	 * The number of steps the solver runs for these steps (repeats multiplied out, run calls expanded), saturating at
	 * Long.MAX_VALUE; each called protocol counted once (a cycle of run calls counts as nothing, it is an error of its own).
	 * The solver's step numbers (timeseries.csv's step column) count the same way ({@code Points}).
	 * @param counted the called protocols counted so far (give an empty map)
	 */
	public static long stepCount(List<Step> steps, Map<Protocol, Long> counted) {
		long n = 0;
		for (Step s : steps) {
			long k;
			if (s instanceof Repeat r)
				k = times(Math.max(0, r.getCount()), stepCount(r.getSteps(), counted));
			else if (s instanceof StepGroup g)
				k = stepCount(g.getSteps(), counted);
			else if (s instanceof ProtocolCall c) {
				Protocol q = c.getProtocol();
				if (q == null || q.eIsProxy())
					k = 0;
				else if (counted.containsKey(q))
					k = counted.get(q);
				else {
					counted.put(q, 0L); // a cycle meets 0
					k = stepCount(q.getSteps(), counted);
					counted.put(q, k);
				}
			} else
				k = 1;
			n = n > Long.MAX_VALUE - k ? Long.MAX_VALUE : n + k;
		}
		return n;
	}

	private static long times(long a, long b) {
		return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
	}

	/** The protocols that run one another, from the protocols of p's file: cycles and longest chains, once per validation. */
	private ReferenceGraph<Protocol> runGraph(Protocol p) {
		return ReferenceGraph.of(context(), RUN_GRAPH, p, Protocol.class, ProtocolValidator::calledProtocols);
	}

	private static List<ProtocolCall> calls(Protocol from) {
		List<ProtocolCall> calls = new ArrayList<>();
		from.eAllContents().forEachRemaining(o -> {
			if (o instanceof ProtocolCall c)
				calls.add(c);
		});
		return calls;
	}

	private static List<Protocol> calledProtocols(Protocol from) {
		List<Protocol> out = new ArrayList<>();
		for (ProtocolCall c : calls(from))
			if (c.getProtocol() != null && !c.getProtocol().eIsProxy())
				out.add(c.getProtocol());
		return out;
	}

	/**
	 * Follows the voltage through the steps: after a step ended at V by its cut-off, a charge (voltage rises) to a
	 * lower voltage or a discharge (voltage falls) to a higher voltage can never be reached. Returns the voltage the
	 * sequence ends at (NaN if unknown).
	 */
	private double voltageWalk(List<Step> steps, double v) {
		for (Step s : steps) {
			if (s instanceof CurrentStep c) {
				Double target = null;
				boolean onlyVoltage = true;
				for (Limit l : c.getLimits()) {
					Quantity q = l.getValue();
					if (l.getKind() == LimitKind.UNTIL && q != null && Units.isKnown(q.getUnit())
							&& Units.dimensionOf(q) == Dimension.VOLTAGE)
						target = Units.toSI(q);
					else
						onlyVoltage = false;
				}
				if (target != null && !Double.isNaN(v)) {
					boolean up = c.getDirection() == Direction.CHARGE;
					if (up ? target < v : target > v) {
						Limit lim = c.getLimits().stream().filter(l -> l.getKind() == LimitKind.UNTIL
								&& Units.dimensionOf(l.getValue()) == Dimension.VOLTAGE).findFirst().get();
						error("the previous step ends at " + CellWrightFormat.number(v) + " V and a " + c.getDirection().getLiteral()
								+ " makes the voltage " + (up ? "rise" : "fall") + ", so it can never reach "
								+ text(lim.getValue()) + ": did you mean " + other(c.getDirection()) + "?",
								lim.getValue(), QUANTITY__VALUE, UNREACHABLE_CUTOFF);
					}
				}
				v = target != null && onlyVoltage ? target : Double.NaN;
			} else if (s instanceof VoltageHold h) {
				Quantity q = h.getVoltage();
				v = q != null && Units.isKnown(q.getUnit()) && Units.dimensionOf(q) == Dimension.VOLTAGE ? Units.toSI(q) : Double.NaN;
			} else if (s instanceof Repeat r) {
				if (r.getCount() < 1)
					error("repeat at least once ('repeat 1 { ... }'), not " + r.getCount() + " times", r, REPEAT__COUNT, OUT_OF_RANGE);
				double end = voltageWalk(r.getSteps(), v);
				// the second pass starts where the first ended
				if (r.getCount() > 1 && !Double.isNaN(end))
					end = voltageWalkSilent(r.getSteps(), end, r);
				v = end;
			} else if (s instanceof StepGroup g) {
				v = voltageWalk(g.getSteps(), v);
			} else if (s instanceof Rest rest) {
				Quantity q = rest.getDuration();
				if (q != null && checkDimension(q, "rest for", "a duration (s, min, h)", Set.of(Dimension.TIME)))
					if (q.getValue() <= 0)
						error("a rest must last > 0, not " + text(q), q, QUANTITY__VALUE, OUT_OF_RANGE);
					else
						checkDurationLimit(q);
				// the voltage relaxes during a rest; the next cut-off is judged from the relaxed state
				v = Double.NaN;
			} else {
				v = Double.NaN;
			}
		}
		return v;
	}

	/** Second pass of a repeat: only the first step matters (it follows the last one). */
	private double voltageWalkSilent(List<Step> steps, double v, Repeat r) {
		if (!steps.isEmpty() && steps.get(0) instanceof CurrentStep c) {
			for (Limit l : c.getLimits()) {
				Quantity q = l.getValue();
				if (l.getKind() == LimitKind.UNTIL && q != null && Units.isKnown(q.getUnit()) && Units.dimensionOf(q) == Dimension.VOLTAGE) {
					double t = Units.toSI(q);
					boolean up = c.getDirection() == Direction.CHARGE;
					if (up ? t < v : t > v)
						error("when the repeat starts again, the voltage is " + CellWrightFormat.number(v) + " V and a "
								+ c.getDirection().getLiteral() + " can never reach " + text(q) + ": did you mean " + other(c.getDirection()) + "?",
								q, QUANTITY__VALUE, UNREACHABLE_CUTOFF);
				}
			}
		}
		return v;
	}

	private static final Set<Dimension> POWER_LIKE = Set.of(Dimension.POWER, Dimension.POWER_DENSITY);

	/**
	 * 'follow "file.csv" current|power scaled to ...': the file beside the .cell file with two numeric columns (times from
	 * 0 ascending), a scale of the quantity's dimension or a header unit that says what the values are, and an end.
	 */
	@Check
	public void checkDriveCycle(DriveCycleStep s) {
		String q = s.getQuantity();
		boolean current = "current".equals(q), power = "power".equals(q);
		if (q != null && !current && !power)
			error("a drive cycle follows a 'current' or a 'power' profile, not '" + q + "'", s, DRIVE_CYCLE_STEP__QUANTITY, DRIVE_CYCLE);
		Set<Dimension> dims = current ? CURRENT_LIKE : POWER_LIKE;
		String expected = current ? "a current density (mA/cm2), current (A) or C-rate (C)" : "a power (W) or power density (mW/cm2)";
		Quantity scale = s.getScale();
		if (scale != null && (current || power) && checkDimension(scale, "scaled to", expected, dims) && !(scale.getValue() > 0))
			error("the scale is the profile's largest magnitude, > 0, not " + text(scale), scale, QUANTITY__VALUE, OUT_OF_RANGE);
		else if (scale != null && (current || power) && Units.isKnown(scale.getUnit()) && dims.contains(Units.dimensionOf(scale)))
			checkRateLimit(scale, "scaled to");
		if (s.getLimits().isEmpty())
			error("this step never ends: add 'for 2 h' (the profile repeats until then) or 'until 2.5 V'", s, DRIVE_CYCLE_STEP__PATH, STEP_NEVER_ENDS);
		for (Limit l : s.getLimits())
			checkLimit(l, false);
		java.nio.file.Path file = dataFile("drive-cycle profile", s, DRIVE_CYCLE_STEP__PATH);
		if (file == null)
			return;
		if (!java.nio.file.Files.isRegularFile(file)) {
			// a folder, a device (/dev/zero) or a pipe is never read: one would be read without end
			String msg = java.nio.file.Files.isDirectory(file) ? Printable.quoted(s.getPath()) + " is a folder, not a drive-cycle file"
					: java.nio.file.Files.exists(file) ? Printable.quoted(s.getPath()) + " is no regular file (a device or a pipe), not a drive-cycle file"
							: "no drive-cycle file " + Printable.quoted(s.getPath()) + " beside this file (paths are relative to the .cell file)";
			error(msg, s, DRIVE_CYCLE_STEP__PATH, DRIVE_CYCLE);
			return;
		}
		DriveCycleFile cycle;
		try {
			cycle = DriveCycleFile.read(file);
		} catch (DriveCycleFile.Problem e) {
			error(s.getPath() + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.getMessage(), s, DRIVE_CYCLE_STEP__PATH, DRIVE_CYCLE);
			return;
		} catch (java.io.IOException e) {
			error(s.getPath() + ": cannot be read (" + e.getMessage() + ")", s, DRIVE_CYCLE_STEP__PATH, DRIVE_CYCLE);
			return;
		}
		if (!(current || power))
			return;
		String unit = cycle.valueUnit();
		Dimension header = Units.find(unit).map(org.cellwright.lang.units.Unit::dimension).orElse(null);
		if (!unit.isEmpty() && header != null && header != Dimension.DIMENSIONLESS && !dims.contains(header)) {
			error(s.getPath() + ": its values are " + cycle.valueName() + " [" + unit + "], not a " + q + ": write 'follow \"" + s.getPath() + "\" "
					+ (current ? "power" : "current") + "'", s, DRIVE_CYCLE_STEP__QUANTITY, DRIVE_CYCLE);
			return;
		}
		if (scale == null && (header == null || !dims.contains(header)))
			error(s.getPath() + ": the header names no " + q + " unit for its values" + (unit.isEmpty() ? "" : " ('" + unit + "')")
					+ ": add 'scaled to " + (current ? "2 C" : "100 W") + "' (the largest magnitude after scaling)", s, DRIVE_CYCLE_STEP__PATH, DRIVE_CYCLE);
		if (scale != null && !(cycle.peak() > 0))
			error(s.getPath() + ": every value is 0, so it cannot be scaled to " + text(scale), s, DRIVE_CYCLE_STEP__PATH, DRIVE_CYCLE);
	}
}

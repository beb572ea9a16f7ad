package org.cellwright.editor.protocol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.cellwright.run.InputException;
import org.cellwright.run.SimulationInputs;
import org.cellwright.editor.properties.QuantityInput;
import org.cellwright.lang.units.Dimension;
import org.cellwright.lang.units.Unit;
import org.cellwright.lang.units.Units;
import org.cellwright.model.Cell;
import org.cellwright.model.CurrentStep;
import org.cellwright.model.Direction;
import org.cellwright.model.Limit;
import org.cellwright.model.LimitKind;
import org.cellwright.model.Protocol;
import org.cellwright.model.ProtocolCall;
import org.cellwright.model.Quantity;
import org.cellwright.model.Repeat;
import org.cellwright.model.Rest;
import org.cellwright.model.SetCondition;
import org.cellwright.model.Step;
import org.cellwright.model.StepGroup;
import org.cellwright.model.VoltageHold;
import org.cellwright.solver.Simulation;
import org.eclipse.emf.ecore.EObject;

/**
 * The steps of one or more protocols laid out on a nominal time axis (no SWT here): one segment per step with its
 * signed rate (charge positive), its cut-offs and an estimated duration; a repeat's body appears once under a
 * bracket "x N", groups and called protocols as named brackets, set-conditions as markers.
 * <p>
 * Durations: a 'for' cut-off gives the duration; an 'until' a capacity gives charge / current; an 'until' a voltage
 * is estimated as a full (dis)charge of the nominal capacity (1/C hours at a C-rate), capped by a 'for' safety
 * cut-off. A step whose duration cannot be told (no capacity known) gets a fixed width and is flagged.
 */
public final class ProtocolTimeline {

	public enum Kind { CURRENT, HOLD, REST, SET, UNRESOLVED }

	/**
	 * One drawn step. start/duration in hours; fixedWidth: the duration is unknown and a default width is used;
	 * estimated: the duration is an estimate from the capacity (or a safety cut-off), not written. rate: signed,
	 * in {@link ProtocolTimeline#rateUnit}; endRate differs from rate for a hold (the current decays).
	 */
	public record Segment(Kind kind, double start, double duration, boolean estimated, boolean fixedWidth, double rate, double endRate,
			String rateLabel, String cutoff, EObject step) {
		public double end() { return start + duration; }
	}

	/** segments first..last (inclusive) under a bracket labelled "x N", a group's or a called protocol's name. */
	public record Bracket(int first, int last, String label, int depth) {}

	public final String title;
	public final List<Segment> segments = new ArrayList<>();
	public final List<Bracket> brackets = new ArrayList<>();
	/** "C", "mA/cm2", or "" when the steps' rates cannot be put on one axis (each drawn as written). */
	public final String rateUnit;
	/** Nominal capacity [C] and area [m2] when known (NaN otherwise). */
	public final double capacity, area;
	/** Hours of the drawn time line (each repeat once) and of the whole protocol (repeats counted). */
	public final double drawnHours, fullHours;
	public final String capacityNote;

	private record Raw(Kind kind, double hours, boolean estimated, double rateSI, Dimension rateDim, double rateAsWritten, double endRateSI,
			String rateLabel, String cutoff, EObject step) {}

	/**
	 * A liquid-electrolyte cell's area [m2] and nominal capacity [C] (NaN without one), from its properties as
	 * DfnMapping reads them: nominal-capacity in mAh, or in mAh/cm2 times the area.
	 */
	static double[] dfnAreaAndCapacity(Cell cell) {
		var props = org.cellwright.lang.model.Cells.effectiveProperties(cell);
		org.cellwright.model.Property area = props.get("area"), nominal = props.get("nominal-capacity");
		if (area == null || area.getValue() == null) throw new IllegalArgumentException("cell " + cell.getName() + " has no area");
		double a = SimulationInputs.si(area.getValue(), area), q = Double.NaN;
		if (nominal != null && nominal.getValue() != null) {
			q = SimulationInputs.si(nominal.getValue(), nominal);
			if (SimulationInputs.dimension(nominal.getValue(), nominal) == Dimension.AREAL_CAPACITY) q *= a;
		}
		return new double[] {a, q};
	}

	private final List<Raw> raw = new ArrayList<>();
	private double full;

	private ProtocolTimeline(String title, List<Protocol> protocols, Cell cell) {
		this.title = title;
		double q = Double.NaN, a = Double.NaN;
		String note = "no cell: durations of 'until' steps are not known";
		if (cell != null) {
			try {
				if (org.cellwright.run.dfn.DfnMapping.isDfnCell(cell)) {
					// a liquid-electrolyte cell: 1 C is its nominal-capacity, as the DFN solver reads it (DfnMapping); the
					// solid-state solver's inputs refused it, and the note said so ("... such a cell runs through the DFN
					// solver ..., not through the solid-state solver's inputs") above a protocol drawn as usual
					double[] aq = dfnAreaAndCapacity(cell);
					a = aq[0];
					q = aq[1];
				} else {
					var spec = SimulationInputs.cell(cell);
					a = spec.area();
					q = Simulation.nominalCapacity(spec);
				}
				note = Double.isNaN(q) ? "cell " + cell.getName() + " has no nominal capacity: durations of 'until' steps are not known"
						: String.format(Locale.ROOT, "cell %s, 1 C = %.3g mAh (%.3g mAh/cm2)", cell.getName(), q / 3.6, q / 3.6 / (a * 1e4));
			} catch (InputException e) { // says what the solver cannot take, e.g. an intercalation anode
				note = e.problem().message() + "; durations of 'until' steps are not known";
			} catch (RuntimeException e) {
				note = "cell " + cell.getName() + " is incomplete: durations of 'until' steps are not known";
			}
		}
		capacity = q;
		area = a;
		capacityNote = note;
		Set<Protocol> visiting = new HashSet<>();
		full = 0;
		for (Protocol p : protocols) {
			int first = raw.size();
			visiting.add(p);
			full += walk(p.getSteps(), visiting, 1);
			visiting.remove(p);
			if (protocols.size() > 1 && raw.size() > first) brackets.add(new Bracket(first, raw.size() - 1, p.getName(), 0));
		}
		rateUnit = chooseUnit();
		double known = 0;
		for (Raw r : raw) if (!Double.isNaN(r.hours)) known += r.hours;
		double fixed = known > 0 ? Math.max(0.25, 0.12 * known) : 1;
		double t = 0;
		for (Raw r : raw) {
			double d = r.kind == Kind.SET ? 0 : Double.isNaN(r.hours) ? fixed : r.hours;
			segments.add(new Segment(r.kind, t, d, r.estimated, Double.isNaN(r.hours) && r.kind != Kind.SET, display(r.rateSI, r.rateDim, r.rateAsWritten),
					display(r.endRateSI, r.rateDim, r.rateSI == 0 || Double.isNaN(r.rateSI) ? 0 : r.rateAsWritten * r.endRateSI / r.rateSI), r.rateLabel, r.cutoff, r.step));
			t += d;
		}
		drawnHours = t;
		fullHours = full;
	}

	/** The time line of one protocol; cell (may be null) gives the nominal capacity and area. */
	public static ProtocolTimeline of(Protocol protocol, Cell cell) {
		return new ProtocolTimeline("protocol " + protocol.getName(), List.of(protocol), cell);
	}

	public static ProtocolTimeline of(String title, List<Protocol> protocols, Cell cell) {
		return new ProtocolTimeline(title, protocols, cell);
	}

	/** Adds the steps; returns their full duration in hours (repeats counted; unknown durations count 0). */
	private double walk(List<Step> steps, Set<Protocol> visiting, int depth) {
		double total = 0;
		for (Step s : steps) {
			int first = raw.size();
			if (s instanceof Repeat r) {
				total += r.getCount() * walk(r.getSteps(), visiting, depth + 1);
				if (raw.size() > first) brackets.add(new Bracket(first, raw.size() - 1, "x " + r.getCount(), depth));
			} else if (s instanceof StepGroup g) {
				total += walk(g.getSteps(), visiting, depth + 1);
				if (raw.size() > first) brackets.add(new Bracket(first, raw.size() - 1, g.getName(), depth));
			} else if (s instanceof ProtocolCall c) {
				Protocol p = c.getProtocol();
				if (p == null || p.eIsProxy() || visiting.contains(p)) {
					raw.add(new Raw(Kind.UNRESOLVED, Double.NaN, false, Double.NaN, null, Double.NaN, Double.NaN,
							p == null || p.eIsProxy() ? "run ?" : "run " + p.getName() + " (cyclic)", "", s));
				} else {
					visiting.add(p);
					total += walk(p.getSteps(), visiting, depth + 1);
					visiting.remove(p);
					if (raw.size() > first) brackets.add(new Bracket(first, raw.size() - 1, "run " + p.getName(), depth));
				}
			} else if (s instanceof CurrentStep c) {
				Raw r = current(c);
				raw.add(r);
				if (!Double.isNaN(r.hours)) total += r.hours;
			} else if (s instanceof VoltageHold h) {
				Raw r = hold(h);
				raw.add(r);
				if (!Double.isNaN(r.hours)) total += r.hours;
			} else if (s instanceof Rest r) {
				double h = hours(r.getDuration());
				raw.add(new Raw(Kind.REST, h, false, 0, null, 0, 0, "rest", "for " + QuantityInput.format(r.getDuration()), s));
				if (!Double.isNaN(h)) total += h;
			} else if (s instanceof SetCondition sc && sc.getProperty() != null) {
				raw.add(new Raw(Kind.SET, 0, false, Double.NaN, null, Double.NaN, Double.NaN,
						"set " + sc.getProperty().getName() + " = " + QuantityInput.format(sc.getProperty().getValue()), "", s));
			}
		}
		return total;
	}

	private static double hours(Quantity q) {
		Unit u = q == null ? null : Units.find(q.getUnit()).orElse(null);
		return u == null || u.dimension() != Dimension.TIME ? Double.NaN : u.toSI(q.getValue()) / 3600;
	}

	/** The rate as a current density [A/m2] (magnitude), NaN if it cannot be told. */
	private double density(double si, Dimension d) {
		if (d == null || Double.isNaN(si)) return Double.NaN;
		return switch (d) {
			case CURRENT_DENSITY -> si;
			case CURRENT -> si / area;
			case C_RATE -> si * capacity / 3600 / area;
			default -> Double.NaN;
		};
	}

	private Raw current(CurrentStep c) {
		Quantity rate = c.getRate();
		Unit u = rate == null ? null : Units.find(rate.getUnit()).orElse(null);
		double sign = c.getDirection() == Direction.DISCHARGE ? -1 : 1;
		double si = u == null ? Double.NaN : sign * Math.abs(u.toSI(rate.getValue()));
		Dimension dim = u == null ? null : u.dimension();
		double i = Math.abs(density(si, dim)); // A/m2
		double hours = Double.NaN, safety = Double.NaN;
		boolean estimated = false;
		List<String> cut = new ArrayList<>();
		for (Limit l : c.getLimits()) {
			cut.add(l.getKind().getLiteral() + " " + QuantityInput.format(l.getValue()));
			Unit lu = l.getValue() == null ? null : Units.find(l.getValue().getUnit()).orElse(null);
			if (lu == null) continue;
			double v = lu.toSI(l.getValue().getValue());
			double h = Double.NaN;
			boolean est = false;
			if (l.getKind() == LimitKind.FOR && lu.dimension() == Dimension.TIME) {
				safety = Double.isNaN(safety) ? v / 3600 : Math.min(safety, v / 3600);
				continue;
			}
			if (lu.dimension() == Dimension.AREAL_CAPACITY) h = v / i / 3600;
			else if (lu.dimension() == Dimension.CAPACITY) h = v / (i * area) / 3600;
			else if (lu.dimension() == Dimension.VOLTAGE) {
				// a full (dis)charge of the nominal capacity: 1/C hours
				h = dim == Dimension.C_RATE ? 1 / Math.abs(si) : capacity / area / i / 3600;
				est = true;
			}
			if (!Double.isNaN(h) && !Double.isInfinite(h) && (Double.isNaN(hours) || h < hours)) {
				hours = h;
				estimated = est;
			}
		}
		if (!Double.isNaN(safety) && (Double.isNaN(hours) || safety < hours)) {
			// an 'until' that cannot be estimated ends at the latest at the 'for' cut-off
			estimated = !Double.isNaN(hours) || cut.stream().anyMatch(s -> s.startsWith("until"));
			hours = safety;
		}
		String label = c.getDirection().getLiteral() + " " + QuantityInput.format(rate);
		return new Raw(Kind.CURRENT, hours, estimated, si, dim, rate == null ? Double.NaN : sign * Math.abs(rate.getValue()), si, label,
				String.join(" ", cut), c);
	}

	private Raw hold(VoltageHold h) {
		// the current decays from the previous step's to the cut-off current
		Raw before = null;
		for (int k = raw.size() - 1; k >= 0 && before == null; k--) if (raw.get(k).kind == Kind.CURRENT) before = raw.get(k);
		double start = before == null ? Double.NaN : before.rateSI, end = start * 0.1, hours = Double.NaN;
		List<String> cut = new ArrayList<>();
		for (Limit l : h.getLimits()) {
			cut.add(l.getKind().getLiteral() + " " + QuantityInput.format(l.getValue()));
			Unit lu = l.getValue() == null ? null : Units.find(l.getValue().getUnit()).orElse(null);
			if (lu == null) continue;
			double v = lu.toSI(l.getValue().getValue());
			if (l.getKind() == LimitKind.FOR && lu.dimension() == Dimension.TIME) hours = Double.isNaN(hours) ? v / 3600 : Math.min(hours, v / 3600);
			else if (before != null && lu.dimension() == before.rateDim) end = Math.signum(start) * Math.abs(v);
		}
		return new Raw(Kind.HOLD, hours, false, start, before == null ? null : before.rateDim,
				before == null ? Double.NaN : before.rateAsWritten, end, "hold " + QuantityInput.format(h.getVoltage()), String.join(" ", cut), h);
	}

	private String chooseUnit() {
		boolean allC = true, allDensity = true, any = false;
		for (Raw r : raw) {
			if (r.kind != Kind.CURRENT) continue;
			any = true;
			allC &= r.rateDim == Dimension.C_RATE;
			allDensity &= !Double.isNaN(density(r.rateSI, r.rateDim));
		}
		if (!any || allC) return "C";
		if (allDensity) return "mA/cm2";
		return "";
	}

	/** A rate in the axis unit (signed). */
	private double display(double si, Dimension d, double asWritten) {
		if (Double.isNaN(si) || d == null) return si == 0 ? 0 : Double.NaN;
		return switch (rateUnit) {
			case "C" -> d == Dimension.C_RATE ? si : Math.signum(si) * density(Math.abs(si), d) * area * 3600 / capacity;
			case "mA/cm2" -> Math.signum(si) * density(Math.abs(si), d) / 10;
			default -> asWritten;
		};
	}

	public long count(Kind kind) {
		return segments.stream().filter(s -> s.kind == kind).count();
	}
}

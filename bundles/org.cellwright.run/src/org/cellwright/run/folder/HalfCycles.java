package org.cellwright.run.folder;

import java.util.ArrayList;
import java.util.List;

import org.cellwright.measured.MeasuredQuantity;
import org.cellwright.measured.MeasuredSeries;

/**
 * Voltage against the capacity passed in each charge and each discharge (half-cycle): the one rule of the
 * voltage-capacity curves of the run report, the comparison report, the measured-data section and the IDE's Results
 * view, for a simulation (timeseries.csv) and for measured data alike. A half-cycle is the run of current steps of one
 * cycle that pass charge the same way: a constant-current charge and the voltage hold after it are one half-cycle, the
 * hold's capacity continuing from where the constant current ended (one curve, not two from 0). A step's way is the
 * sign of the charge it passed; a rest (no current) neither ends the half-cycle nor adds points, so GITT pulses of
 * one way are one staircase; the way turning or a new cycle starts the next half-cycle at 0.
 */
public final class HalfCycles {
	private HalfCycles() {}

	/** The capacity axis' title without its unit (the callers add theirs). */
	public static final String AXIS = "capacity in the charge or discharge";

	/** One half-cycle of a cycle: from its first step, capacity (>= 0, continuous across its steps) and voltage. */
	public record Curve(int cycle, int firstStep, double[] capacity, double[] voltage) {}

	/**
	 * The half-cycles of a timeseries.csv (columns cycle, step, step_capacity_mAh_cm2, voltage_V, current_mA_cm2;
	 * capacity in mAh/cm2). None when a column is missing.
	 */
	public static List<Curve> of(CsvTable ts) {
		if (ts == null) return List.of();
		double[] cyc = ts.column("cycle"), step = ts.column("step"), cap = ts.column("step_capacity_mAh_cm2"),
				v = ts.column("voltage_V"), cur = ts.column("current_mA_cm2");
		int n = ts.rows();
		if (cyc.length < n || step.length < n || cap.length < n || v.length < n || cur.length < n) return List.of();
		return of(ints(cyc), ints(step), cap, v, cur);
	}

	/**
	 * The half-cycles of measured data, capacity per cm2 of the cell [mAh/cm2] integrated from its current (the
	 * trapezoid rule within each step). Cycle counts of the file, else one cycle; step counts of the file, else a new
	 * step wherever the current changes sign or starts or stops. None without current or a cell area.
	 */
	public static List<Curve> of(MeasuredSeries m, double areaCm2) {
		if (m == null || !m.has(MeasuredQuantity.CURRENT) || !(areaCm2 > 0)) return List.of();
		double[] t = m.values(MeasuredQuantity.TIME), i = m.values(MeasuredQuantity.CURRENT);
		int[] cyc = counts(m, MeasuredQuantity.CYCLE), step = measuredSteps(m);
		double[] q = new double[t.length];
		for (int k = 1; k < t.length; k++)
			q[k] = cyc[k] == cyc[k - 1] && step[k] == step[k - 1] ? q[k - 1] + 0.5 * (i[k] + i[k - 1]) * (t[k] - t[k - 1]) / 3.6 / areaCm2 : 0; // A s -> mAh
		return of(cyc, step, q, m.values(MeasuredQuantity.VOLTAGE), i);
	}

	/**
	 * The rule itself, on columns of one length: cycle and step counts, the signed charge passed in the step so far,
	 * voltage and current. A sample is drawn when it carries current or is a step's first sample before current
	 * flows; a half-cycle with fewer than two samples drawn is left out.
	 */
	public static List<Curve> of(int[] cycle, int[] step, double[] stepCapacity, double[] voltage, double[] current) {
		List<Curve> out = new ArrayList<>();
		List<double[]> pts = new ArrayList<>();
		int hCycle = 0, hStep = 0;
		double way = 0, offset = 0;
		boolean open = false;
		int i = 0;
		while (i < cycle.length) {
			int j = i;
			boolean flows = false;
			while (j < cycle.length && cycle[j] == cycle[i] && step[j] == step[i]) flows |= current[j++] != 0;
			if (flows) {
				double w = Math.signum(stepCapacity[j - 1]);
				if (!open || cycle[i] != hCycle || w != way) {
					add(out, hCycle, hStep, pts);
					open = true;
					hCycle = cycle[i];
					hStep = step[i];
					way = w;
					offset = 0;
				}
				for (int k = i; k < j; k++)
					if (current[k] != 0 || (k + 1 < j && current[k + 1] != 0)) pts.add(new double[] { offset + Math.abs(stepCapacity[k]), voltage[k] });
				offset += Math.abs(stepCapacity[j - 1]);
			} else if (cycle[i] != hCycle) {
				add(out, hCycle, hStep, pts);
				open = false;
			}
			i = j;
		}
		add(out, hCycle, hStep, pts);
		return out;
	}

	private static void add(List<Curve> out, int cycle, int step, List<double[]> pts) {
		if (pts.size() > 1) {
			double[] x = new double[pts.size()], y = new double[pts.size()];
			for (int k = 0; k < x.length; k++) { x[k] = pts.get(k)[0]; y[k] = pts.get(k)[1]; }
			out.add(new Curve(cycle, step, x, y));
		}
		pts.clear();
	}

	private static int[] ints(double[] d) {
		int[] c = new int[d.length];
		for (int k = 0; k < c.length; k++) c[k] = (int) Math.round(d[k]);
		return c;
	}

	/** A count column of the measurement (cycle or step), else all 1. */
	public static int[] counts(MeasuredSeries m, MeasuredQuantity q) {
		if (!m.has(q)) {
			int[] c = new int[m.size()];
			java.util.Arrays.fill(c, 1);
			return c;
		}
		return ints(m.values(q));
	}

	/** Step counts of the measurement, else a new step wherever the current changes sign or starts/stops. */
	public static int[] measuredSteps(MeasuredSeries m) {
		if (m.has(MeasuredQuantity.STEP)) return counts(m, MeasuredQuantity.STEP);
		int[] s = new int[m.size()];
		if (!m.has(MeasuredQuantity.CURRENT)) return s;
		double[] i = m.values(MeasuredQuantity.CURRENT);
		for (int k = 1; k < s.length; k++) s[k] = s[k - 1] + (Math.signum(i[k]) != Math.signum(i[k - 1]) ? 1 : 0);
		return s;
	}
}

package org.cellwright.measured;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The measured current against the current the protocol applies to the simulated cell (its area, its C-rate): a
 * measurement whose current is 1000 times too large or small (mA written as A), off by another factor (a current
 * density written as a current, a cell of another area), or of the opposite sign (a cycler that counts discharge
 * positive; CellWright counts charge positive) compares the wrong things. Each finding is one sentence with the
 * likely cause; the caller locates it at the experiment's {@code measured} clause.
 */
public final class CurrentCheck {
	private CurrentCheck() {}

	/** Median ratio of measured to applied current accepted as agreeing (a C-rate on another capacity, rounding). */
	public static final double AGREE = 2;
	/** Share of points with opposite signs above which the file's sign convention is taken as opposite. */
	public static final double OPPOSITE_SHARE = 0.8;

	/** Findings (empty when the currents agree or the file has no current); {@code areaCm2} for the message. */
	public static List<String> compare(MeasuredSeries m, ErrorFigures.Simulated sim, double areaCm2) {
		List<String> out = new ArrayList<>();
		if (!m.has(MeasuredQuantity.CURRENT) || sim.time().length < 2) return out;
		double[] t = m.values(MeasuredQuantity.TIME), im = m.values(MeasuredQuantity.CURRENT);
		double[] is = currentAt(sim, t);
		double imax = 0;
		for (double x : sim.current()) imax = Math.max(imax, Math.abs(x));
		List<Double> ratios = new ArrayList<>();
		int opposite = 0;
		for (int k = 0; k < t.length; k++) {
			// inside the simulated span, where both pass a current (not at a step's first or last instant)
			if (Double.isNaN(is[k]) || Math.abs(is[k]) < 1e-3 * imax || im[k] == 0) continue;
			double r = im[k] / is[k];
			ratios.add(Math.abs(r));
			if (r < 0) opposite++;
		}
		if (ratios.size() < 3) return out;
		double[] a = ratios.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(a);
		double median = a[a.length / 2];
		double share = (double) opposite / a.length;
		if (share > OPPOSITE_SHARE)
			out.add(String.format(Locale.ROOT, "the measured current has the opposite sign to the protocol's in %.0f %% of the points:"
					+ " the file counts discharge positive, CellWright counts charge positive (add 'sign discharge-positive' to the measured clause)", 100 * share));
		if (median > AGREE || median < 1 / AGREE) {
			double decades = Math.log10(median);
			String cause;
			if (Math.abs(decades - 3) < 0.2) cause = "the current is probably in mA with the unit A";
			else if (Math.abs(decades + 3) < 0.2) cause = "the current is probably in A with the unit mA (or in uA with the unit mA)";
			else if (Math.abs(median * areaCm2 - 1) < 0.1 || Math.abs(median * areaCm2 - 1000) < 100 || Math.abs(median * areaCm2 - 1e-3) < 1e-4)
				cause = "the file's current is probably a current density (per cm2) written as a current";
			else cause = String.format(Locale.ROOT, "a cell of another area than this one's %s cm2, or a current in other units", fmt(areaCm2));
			out.add(String.format(Locale.ROOT, "the measured current is %s times the current the protocol applies to this cell: %s",
					fmt(median), cause));
		}
		return out;
	}

	/** The simulated current at times t (step-wise: the sample at or before; NaN outside the simulated span). */
	static double[] currentAt(ErrorFigures.Simulated sim, double[] t) {
		double[] st = sim.time(), si = sim.current();
		double[] out = new double[t.length];
		int j = 0;
		for (int k = 0; k < t.length; k++) {
			if (t[k] < st[0] || t[k] > st[st.length - 1]) { out[k] = Double.NaN; continue; }
			while (j + 1 < st.length && st[j + 1] <= t[k]) j++;
			while (j > 0 && st[j] > t[k]) j--;
			// a step change between two samples: the measured point belongs to either step; use the later when it is not a rest
			out[k] = j + 1 < st.length && si[j + 1] != 0 && st[j + 1] - t[k] < 1e-9 ? si[j + 1] : si[j];
		}
		return out;
	}

	private static String fmt(double v) {
		return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
	}
}

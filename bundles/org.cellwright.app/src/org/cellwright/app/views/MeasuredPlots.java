package org.cellwright.app.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cellwright.measured.MeasuredQuantity;
import org.cellwright.measured.MeasuredSeries;
import org.cellwright.run.folder.RunFolder;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swtchart.LineStyle;

/**
 * Measured data over the simulation: voltage against time, voltage against the capacity passed in a step (the
 * cycles the simulation shows), charge, discharge and CE per cycle. One run: measured in black; several: in the run's
 * colour, darker. Measured series are dashed with symbols where short.
 */
final class MeasuredPlots {

	private MeasuredPlots() {}

	static RGB colour(List<RunFolder> runs, Measurement m) {
		RGB c = RunStyles.colour(runs.indexOf(m.run()));
		return runs.size() == 1 ? new RGB(0, 0, 0) : new RGB(c.red * 3 / 5, c.green * 3 / 5, c.blue * 3 / 5);
	}

	static void voltage(ChartContent c, List<RunFolder> runs, List<Measurement> ms) {
		for (Measurement m : ms) {
			if (m.series() == null) continue;
			double[] t = m.series().values(MeasuredQuantity.TIME), v = m.series().values(MeasuredQuantity.VOLTAGE);
			for (int k = 0; k < t.length; k++) t[k] /= 3600;
			c.line(m.label(runs), t, v, colour(runs, m), LineStyle.DASH, 0).width(1);
		}
	}

	/** Per (cycle, step) of the shown cycles, voltage against the capacity passed in it [mAh/cm2]. */
	static void voltageCapacity(ChartContent c, List<RunFolder> runs, List<Measurement> ms) {
		for (Measurement m : ms) {
			MeasuredSeries s = m.series();
			if (s == null || !s.has(MeasuredQuantity.CURRENT) || !(m.areaM2() > 0)) continue;
			double[] t = s.values(MeasuredQuantity.TIME), v = s.values(MeasuredQuantity.VOLTAGE), i = s.values(MeasuredQuantity.CURRENT);
			double[] cyc = s.has(MeasuredQuantity.CYCLE) ? s.values(MeasuredQuantity.CYCLE) : null;
			double[] step = s.has(MeasuredQuantity.STEP) ? s.values(MeasuredQuantity.STEP) : null;
			int last = cyc == null ? 1 : (int) java.util.Arrays.stream(cyc).max().orElse(1);
			List<Integer> chosen = VoltagePlots.chosenCycles(last);
			double perMAhCm2 = 1 / (3.6 * m.areaM2() * 1e4);
			String label = m.label(runs);
			boolean first = true;
			int start = 0;
			for (int k = 1; k <= t.length; k++) {
				boolean same = k < t.length && (cyc == null || cyc[k] == cyc[start])
						&& (step != null ? step[k] == step[start] : Math.signum(i[k]) == Math.signum(i[start]));
				if (same) continue;
				int cycle = cyc == null ? 1 : (int) Math.round(cyc[start]);
				if (chosen.contains(cycle) && i[start] != 0 && k - start > 1) {
					double[] x = new double[k - start], y = new double[k - start];
					double q = 0;
					for (int j = start; j < k; j++) {
						if (j > start) q += Math.abs(0.5 * (i[j - 1] + i[j]) * (t[j] - t[j - 1])) * perMAhCm2;
						x[j - start] = q;
						y[j - start] = v[j];
					}
					c.line(label + " cycle " + cycle + " from " + start, x, y, colour(runs, m), LineStyle.DASH, 0).noSymbols().width(1)
							.legend(label, first);
					first = false;
				}
				start = k;
			}
		}
	}

	/** Measured charge and discharge (mAh/cm2) and CE (%) per cycle. */
	static void cycles(ChartContent c, List<RunFolder> runs, List<Measurement> ms) {
		for (Measurement m : ms) {
			if (m.capacityByCycle().isEmpty()) continue;
			List<double[]> rows = new ArrayList<>();
			for (Map.Entry<Integer, double[]> e : m.capacityByCycle().entrySet())
				rows.add(new double[] {e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[0] > 0 ? 100 * e.getValue()[1] / e.getValue()[0] : Double.NaN});
			double[] n = col(rows, 0), ch = col(rows, 1), dis = col(rows, 2), ce = col(rows, 3);
			String p = m.label(runs) + " ";
			RGB colour = colour(runs, m);
			c.line(p + "charge (mAh/cm2)", n, ch, RunStyles.shade(colour, 0.45), LineStyle.DOT, 0).symbols(true);
			c.line(p + "discharge (mAh/cm2)", n, dis, colour, LineStyle.DASH, 0).symbols(true);
			c.line(p + "CE (%)", n, ce, colour, LineStyle.DASHDOT, 1).symbols(true);
		}
	}

	private static double[] col(List<double[]> rows, int k) {
		return rows.stream().mapToDouble(r -> r[k]).toArray();
	}
}

package org.cellwright.app.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cellwright.measured.MeasuredQuantity;
import org.cellwright.measured.MeasuredSeries;
import org.cellwright.run.folder.HalfCycles;
import org.cellwright.run.folder.RunFolder;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swtchart.LineStyle;

/**
 * Measured data over the simulation: voltage against time, voltage against the capacity passed in each charge and
 * discharge (the cycles the simulation shows), charge, discharge and CE per cycle. One run: measured in black; several: in the run's
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

	/** Per charge and discharge ({@link HalfCycles}) of the shown cycles, voltage against the capacity passed in it [mAh/cm2]. */
	static void voltageCapacity(ChartContent c, List<RunFolder> runs, List<Measurement> ms) {
		for (Measurement m : ms) {
			MeasuredSeries s = m.series();
			if (s == null) continue;
			int last = s.has(MeasuredQuantity.CYCLE) ? (int) java.util.Arrays.stream(s.values(MeasuredQuantity.CYCLE)).max().orElse(1) : 1;
			List<Integer> chosen = VoltagePlots.chosenCycles(last);
			String label = m.label(runs);
			boolean first = true;
			for (HalfCycles.Curve h : HalfCycles.of(s, m.areaM2() * 1e4)) {
				if (!chosen.contains(h.cycle())) continue;
				c.line(label + " cycle " + h.cycle() + " step " + h.firstStep(), h.capacity(), h.voltage(), colour(runs, m), LineStyle.DASH, 0)
						.noSymbols().width(1).legend(label, first);
				first = false;
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

package org.cellwright.app.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.eclipse.swtchart.LineStyle;

/** A sweep's metric against one swept parameter, one line per value of another (or one line). */
final class SweepPlots {

	private SweepPlots() {}

	/**
	 * @param lines the parameter whose values each get a line, or null for one line of all runs
	 */
	static ChartContent of(SweepResults s, String metric, String against, String lines) {
		ChartContent c = new ChartContent(label(metric) + " against " + against + (lines == null ? "" : ", one line per " + lines));
		if (metric == null || against == null) return c;
		int k = 0;
		for (Map.Entry<String, List<Integer>> g : s.groups(lines).entrySet()) {
			List<double[]> points = new ArrayList<>();
			for (int r : g.getValue()) {
				double x = s.value(r, against), y = s.value(r, metric);
				if (!Double.isNaN(x) && !Double.isNaN(y)) points.add(new double[] {x, y});
			}
			if (points.isEmpty()) continue;
			points.sort(Comparator.comparingDouble(p -> p[0]));
			double[] x = points.stream().mapToDouble(p -> p[0]).toArray(), y = points.stream().mapToDouble(p -> p[1]).toArray();
			String id = lines == null ? label(metric) : lines + " = " + org.cellwright.lang.text.Printable.escape(g.getKey());
			c.line(id, x, y, RunStyles.colour(k), LineStyle.SOLID, 0);
			k++;
		}
		return c;
	}

	/**
	 * A metric's column name as a readable axis title: "first_discharge_mAh_cm2" as "first discharge (mAh/cm2)",
	 * "first_ce" as "first CE (%)" (the fractions are shown in %, {@link SweepResults#value}).
	 */
	static String label(String metric) {
		if (metric == null) return "";
		if (SweepResults.FRACTIONS.contains(metric)) return metric.replace('_', ' ').replace(" ce", " CE") + " (%)";
		String m = metric;
		String unit = null;
		for (String u : List.of("_mAh_cm2", "_mV", "_h")) {
			if (m.endsWith(u)) {
				unit = u.substring(1).replace("_cm2", "/cm2");
				m = m.substring(0, m.length() - u.length());
			}
		}
		m = m.replace('_', ' ');
		return unit == null ? m : m + " (" + unit + ")";
	}
}

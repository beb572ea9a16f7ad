package org.cellwright.report;

import static org.cellwright.report.Html.esc;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sweep's outcome drawn from its table (sweep.csv): each key number that changes across the runs against the first
 * swept parameter, one line per value of the others (when there are others: per combination of their values, named
 * "temperature = 45degC, interlayer.thickness = 8um"). With a third parameter its runs used to be joined into the
 * second's lines, which zigzagged between them (session 19).
 */
final class SweepPlots {
	private SweepPlots() {}

	/** The key numbers drawn (column of sweep.csv, label, factor to the label's unit). */
	private record Metric(String column, String label, double factor) {}

	private static final List<Metric> METRICS = List.of(new Metric("first_ce", "first Coulombic efficiency / %", 100),
			new Metric("capacity_retention", "capacity retention / %", 100), new Metric("last_ce", "last Coulombic efficiency / %", 100),
			new Metric("first_discharge_mAh_cm2", "first discharge / mAh cm\u207b\u00b2", 1),
			new Metric("end_time_h", "simulated time (end or short circuit) / h", 1), new Metric("short_circuit_cycle", "short-circuit cycle", 1),
			new Metric("nucleation_overpotential_mV", "nucleation overpotential / mV", 1), new Metric("cycles", "cycles", 1));

	/** Plots drawn at most. */
	static final int MAX_PLOTS = 4;

	private static final Pattern NUMBER = Pattern.compile("^\\s*([-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?)\\s*(.*)$");

	/** The plots, in rows of two, or a note when the sweep has no numeric parameter. */
	static String html(List<List<String>> rows) {
		if (rows.size() < 3) return "";
		List<String> head = rows.get(0);
		int status = head.indexOf("status");
		if (status < 2) return "";
		List<String> params = head.subList(1, status);
		int px = 1;
		String unit = unit(rows, px);
		if (unit == null) return Sections.missing("a plot: the swept values of " + params.get(0) + " are not numbers");
		boolean series = params.size() > 1;
		// the lines in table order, each with one colour in every plot (a metric missing in some runs keeps the colours)
		List<String> keys = new ArrayList<>();
		for (List<String> r : rows.subList(1, rows.size())) {
			String key = line(params, r);
			if (!keys.contains(key)) keys.add(key);
		}
		StringBuilder b = new StringBuilder("<div class=\"row sweep-plots\">");
		int drawn = 0;
		for (Metric m : METRICS) {
			int col = head.indexOf(m.column());
			if (col < 0 || !varies(rows, col)) continue;
			if (drawn == MAX_PLOTS) break;
			Map<String, List<double[]>> lines = new LinkedHashMap<>();
			for (String k : keys) lines.put(k, new ArrayList<>());
			for (List<String> r : rows.subList(1, rows.size())) {
				double x = number(r.get(px)), y = number(r.get(col));
				if (!Double.isFinite(x) || !Double.isFinite(y)) continue;
				lines.get(line(params, r)).add(new double[] { x, y * m.factor() });
			}
			Plot p = new Plot(m.label().replaceFirst(" /.*$", "") + " against " + params.get(0), params.get(0) + (unit.isEmpty() ? "" : " / " + unit),
					m.label()).points();
			if (!series) p.noLegend();
			int k = 0;
			for (Map.Entry<String, List<double[]>> e : lines.entrySet()) {
				Color colour = Plot.PALETTE[k++ % Plot.PALETTE.length];
				if (e.getValue().isEmpty()) continue;
				List<double[]> pts = new ArrayList<>(e.getValue());
				pts.sort((a, c) -> Double.compare(a[0], c[0]));
				double[] x = new double[pts.size()], y = new double[pts.size()];
				for (int i = 0; i < x.length; i++) { x[i] = pts.get(i)[0]; y[i] = pts.get(i)[1]; }
				p.line(e.getKey().isEmpty() ? m.column() : e.getKey(), x, y, colour);
			}
			if (p.isEmpty()) continue;
			b.append("<div class=\"col\">").append(p.figure(Sections.HALF, 320)).append("</div>");
			drawn++;
		}
		if (drawn == 0) return "<p class=\"muted\">" + esc("No key number changes across the sweep: nothing to plot.") + "</p>";
		return b.append("</div>").toString();
	}

	/** The line a row belongs to: the values of every swept parameter but the first ("" for a sweep of one). */
	private static String line(List<String> params, List<String> row) {
		List<String> parts = new ArrayList<>();
		for (int j = 1; j < params.size(); j++) parts.add(params.get(j) + " = " + row.get(j + 1));
		return String.join(", ", parts);
	}

	/** The unit of a parameter column when all its values are numbers (with one unit), else null. */
	static String unit(List<List<String>> rows, int col) {
		String unit = null;
		for (List<String> r : rows.subList(1, rows.size())) {
			Matcher m = NUMBER.matcher(r.get(col));
			if (!m.matches()) return null;
			String u = m.group(4).trim();
			if (unit != null && !unit.equals(u)) return null;
			unit = u;
		}
		return unit;
	}

	static double number(String text) {
		Matcher m = NUMBER.matcher(text == null ? "" : text);
		if (!m.matches()) return Double.NaN;
		try {
			return Double.parseDouble(m.group(1));
		} catch (NumberFormatException e) {
			return Double.NaN;
		}
	}

	private static boolean varies(List<List<String>> rows, int col) {
		double first = Double.NaN;
		int finite = 0;
		boolean differs = false;
		for (List<String> r : rows.subList(1, rows.size())) {
			double v = number(r.get(col));
			if (!Double.isFinite(v)) continue;
			if (finite++ == 0) first = v;
			else if (Math.abs(v - first) > 1e-9 * Math.max(1, Math.abs(first))) differs = true;
		}
		return finite >= 2 && differs;
	}
}

package org.cellwright.report;

import static org.cellwright.report.Html.esc;
import static org.cellwright.report.Html.fmt;
import static org.cellwright.report.Sections.H;
import static org.cellwright.report.Sections.HALF;
import static org.cellwright.report.Sections.W;
import static org.cellwright.report.Sections.missing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cellwright.measured.CyclerDataReader;
import org.cellwright.measured.CyclerFormat;
import org.cellwright.measured.MeasuredDataException;
import org.cellwright.measured.MeasuredQuantity;
import org.cellwright.measured.MeasuredSeries;
import org.cellwright.run.fit.MeasuredComparison;
import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.HalfCycles;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.StepNumbers;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The run against its measurement, for a run of an experiment that names one: the measurement (measured.bdf.csv,
 * copied into the run folder) overlaid on the simulation (voltage vs time, voltage vs capacity per cycle, capacity and
 * Coulombic efficiency per cycle) and the error figures of measured-comparison.json (voltage RMS and largest error,
 * per cycle and per step, discharge capacity per cycle).
 */
final class MeasuredSection {
	private MeasuredSection() {}

	/** Steps listed at most in the per-step table (the rest summarised). */
	static final int MAX_STEP_ROWS = 30;

	/** The section, or "" when the run has no measurement. */
	static String html(RunFolder r) {
		Path json = r.folder().resolve(RunFiles.MEASURED_COMPARISON);
		if (!Files.isRegularFile(json)) return "";
		StringBuilder b = new StringBuilder("<section id=\"measured\"><h2>Measured against simulated</h2>");
		JsonObject c;
		try {
			c = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
		} catch (java.io.IOException | RuntimeException e) {
			return b.append(missing(RunFiles.MEASURED_COMPARISON + " unreadable: " + e.getMessage())).append("</section>\n").toString();
		}
		String file = c.has("file") ? c.get("file").getAsString() : RunFiles.MEASURED;
		if (c.has("error")) {
			return b.append("<div class=\"note\"><b>No comparison with ").append(esc(file)).append("</b>: ")
					.append(esc(c.get("error").getAsString())).append("</div></section>\n").toString();
		}
		if (c.has("warnings") && c.get("warnings").isJsonArray())
			for (JsonElement w : c.getAsJsonArray("warnings")) b.append("<div class=\"note\">").append(esc(w.getAsString())).append("</div>");
		b.append("<p class=\"meta\">measurement <code>").append(esc(file)).append("</code>")
				.append(c.has("format") ? " (" + esc(c.get("format").getAsString()) + ")" : "").append(", ")
				.append(c.has("points") ? c.get("points").getAsInt() : 0).append(" points compared</p>");
		b.append(errorTable(c));
		MeasuredSeries m = null;
		Path bdf = r.folder().resolve(RunFiles.MEASURED);
		if (Files.isRegularFile(bdf)) {
			try {
				m = new CyclerDataReader().format(CyclerFormat.BDF).read(bdf);
			} catch (MeasuredDataException | RuntimeException e) {
				b.append(missing(RunFiles.MEASURED + ": " + e.getMessage()));
			}
		} else b.append(missing("no " + RunFiles.MEASURED + " in this run folder"));
		CsvTable ts = r.timeseries();
		double areaCm2 = r.areaM2() * 1e4;
		if (m != null && ts != null && ts.rows() > 1) {
			b.append(voltageVsTime(m, ts).figure(W, H));
			Plot vc = voltageVsCapacity(m, ts, areaCm2);
			b.append("<div id=\"measured-voltage-capacity\">").append(vc.isEmpty() ? missing("no current in the measurement") : vc.figure(W, H)).append("</div>");
			CsvTable cy = r.cycles();
			Map<Integer, double[]> mc = cycleCapacities(m);
			if (!mc.isEmpty() && cy != null && cy.rows() > 0 && Double.isFinite(areaCm2)) {
				b.append("<div class=\"row\"><div class=\"col\">").append(capacityPlot(mc, cy, areaCm2).figure(HALF, 320))
						.append("</div><div class=\"col\">").append(efficiencyPlot(mc, cy).figure(HALF, 320)).append("</div></div>");
			}
		}
		b.append(stepTable(c, r.protocol(), m));
		return b.append("</section>\n").toString();
	}

	private static String errorTable(JsonObject c) {
		StringBuilder b = new StringBuilder("<table class=\"keys\"><tbody>");
		b.append(row("voltage RMS error", mv(c, "voltage_rms_V")));
		b.append(row("largest voltage error", mv(c, "voltage_max_V")));
		b.append("</tbody></table>");
		JsonObject byCycle = obj(c, "voltage_rms_by_cycle_V");
		var caps = c.has("discharge_capacity_by_cycle") && c.get("discharge_capacity_by_cycle").isJsonArray()
				? c.getAsJsonArray("discharge_capacity_by_cycle") : new com.google.gson.JsonArray();
		if (byCycle.size() > 0 || !caps.isEmpty()) {
			Map<Integer, JsonObject> cap = new TreeMap<>();
			for (JsonElement e : caps) cap.put(e.getAsJsonObject().get("cycle").getAsInt(), e.getAsJsonObject());
			java.util.TreeSet<Integer> cycles = new java.util.TreeSet<>(cap.keySet());
			for (String k : byCycle.keySet()) cycles.add(Integer.parseInt(k));
			b.append("<table class=\"errors\"><thead><tr><th>cycle</th><th>voltage RMS error</th><th>measured discharge</th>"
					+ "<th>simulated discharge</th><th>capacity error</th></tr></thead><tbody>");
			for (int n : cycles) {
				JsonObject cc = cap.get(n);
				b.append("<tr><td class=\"num\">").append(n).append("</td><td class=\"num\">")
						.append(byCycle.has(Integer.toString(n)) ? fmt(1000 * byCycle.get(Integer.toString(n)).getAsDouble(), 3) + " mV" : "\u2013")
						.append("</td><td class=\"num\">").append(cc == null ? "\u2013" : fmt(num(cc, "measured_discharge_mAh"), 4) + " mAh")
						.append("</td><td class=\"num\">").append(cc == null ? "\u2013" : fmt(num(cc, "simulated_discharge_mAh"), 4) + " mAh")
						.append("</td><td class=\"num\">").append(cc == null ? "\u2013" : fmt(100 * num(cc, "relative_error"), 3) + " %")
						.append("</td></tr>");
			}
			b.append("</tbody></table>");
		}
		return b.toString();
	}

	/**
	 * The RMS error per cycle and step. Steps the measurement counts are shown as it counts them; steps of the
	 * simulation (a measurement without a step column) as the protocol list above and the run's messages name them
	 * ({@link StepNumbers}: "3.2 (line 14)"), not by the solver's index in the flattened protocol (msg31b). Whose steps
	 * they are, measured-comparison.json says ({@value MeasuredComparison#STEPS_OF}, since session 31); a file written
	 * before says nothing, and its steps are the simulation's where the measurement kept in the run folder ({@code m})
	 * has no step column, the rule that chose them (ErrorFigures.simulatedSteps); without that copy they are shown as
	 * recorded.
	 */
	private static String stepTable(JsonObject c, ProtocolSpec protocol, MeasuredSeries m) {
		JsonObject bySteps = obj(c, "voltage_rms_by_step_V");
		if (bySteps.size() == 0) return "";
		Boolean stepsOf = c.has(MeasuredComparison.STEPS_OF) ? (Boolean) "simulation".equals(c.get(MeasuredComparison.STEPS_OF).getAsString())
				: m != null ? (Boolean) !m.has(MeasuredQuantity.STEP) : null;
		boolean simulated = Boolean.TRUE.equals(stepsOf);
		StepNumbers numbers = StepNumbers.of(protocol);
		StringBuilder b = new StringBuilder("<h3>Voltage RMS error per step</h3>");
		if (stepsOf != null)
			b.append("<p class=\"meta\">").append(simulated ? "steps as the protocol above numbers them (the measurement has no step column)"
					: "steps as the measurement counts them").append("</p>");
		b.append("<table class=\"errors\"><thead><tr><th>cycle</th><th>step</th><th>voltage RMS error</th></tr></thead><tbody>");
		int n = 0;
		for (String k : bySteps.keySet()) {
			if (n++ == MAX_STEP_ROWS) {
				b.append("<tr><td colspan=\"3\" class=\"muted\">").append(bySteps.size() - MAX_STEP_ROWS)
						.append(" more steps in ").append(esc(RunFiles.MEASURED_COMPARISON)).append("</td></tr>");
				break;
			}
			String[] cycleStep = k.split("\\.", 2); // keyed "cycle.step" (ErrorFigures.rmsByStep)
			String step = cycleStep.length > 1 ? cycleStep[1] : "";
			if (simulated && step.matches("\\d+")) step = numbers.written(Integer.parseInt(step));
			b.append("<tr><td class=\"num\">").append(esc(cycleStep[0])).append("</td><td class=\"num\">")
					.append(esc(step)).append("</td><td class=\"num\">").append(fmt(1000 * bySteps.get(k).getAsDouble(), 3))
					.append(" mV</td></tr>");
		}
		return b.append("</tbody></table>").toString();
	}

	static Plot voltageVsTime(MeasuredSeries m, CsvTable ts) {
		double[] t = m.values(MeasuredQuantity.TIME);
		for (int i = 0; i < t.length; i++) t[i] /= 3600;
		return new Plot("Cell voltage: measured and simulated", "time / h", "voltage / V")
				.line("simulated", ts.column("time_h"), ts.column("voltage_V"), Plot.PALETTE[0])
				.dashed("measured", t, m.values(MeasuredQuantity.VOLTAGE), Plot.PALETTE[1]);
	}

	/**
	 * Voltage against the capacity of each charge and discharge ({@link HalfCycles}), per cycle: the simulation solid
	 * (the cycle's colour), the measurement dashed in red, its capacity integrated from the measured current per cm2 of
	 * the cell.
	 */
	static Plot voltageVsCapacity(MeasuredSeries m, CsvTable ts, double areaCm2) {
		Plot p = Sections.voltageVsCapacity(ts);
		boolean labelled = false;
		for (HalfCycles.Curve h : HalfCycles.of(m, areaCm2)) {
			if (!labelled) p.dashed("measured", h.capacity(), h.voltage(), Plot.PALETTE[1]);
			else p.dashedUnlabelled("measured", h.capacity(), h.voltage(), Plot.PALETTE[1]);
			labelled = true;
		}
		return p;
	}

	/** Charge and discharge capacity [mAh] per cycle of the measurement (cycle counts of the file, else one cycle). */
	static Map<Integer, double[]> cycleCapacities(MeasuredSeries m) {
		Map<Integer, double[]> out = new TreeMap<>();
		if (!m.has(MeasuredQuantity.CURRENT)) return out;
		double[] t = m.values(MeasuredQuantity.TIME), i = m.values(MeasuredQuantity.CURRENT);
		int[] cyc = HalfCycles.counts(m, MeasuredQuantity.CYCLE);
		for (int k = 1; k < t.length; k++) {
			if (cyc[k] != cyc[k - 1]) continue;
			double q = 0.5 * (i[k] + i[k - 1]) * (t[k] - t[k - 1]) / 3.6;
			double[] c = out.computeIfAbsent(cyc[k], x -> new double[2]);
			if (q > 0) c[0] += q; else c[1] -= q;
		}
		return out;
	}

	static Plot capacityPlot(Map<Integer, double[]> measured, CsvTable cy, double areaCm2) {
		double[] n = cy.column("cycle"), d = cy.column("discharge_mAh_cm2").clone(), ch = cy.column("charge_mAh_cm2").clone();
		for (int k = 0; k < d.length; k++) { d[k] *= areaCm2; ch[k] *= areaCm2; }
		double[][] m = columns(measured);
		return new Plot("Capacity per cycle", "cycle", "capacity / mAh").points().integerX()
				.line("simulated discharge", n, d, Plot.PALETTE[0]).line("simulated charge", n, ch, Plot.PALETTE[2])
				.dashed("measured discharge", m[0], m[2], Plot.PALETTE[1]).dashed("measured charge", m[0], m[1], Plot.PALETTE[3]);
	}

	static Plot efficiencyPlot(Map<Integer, double[]> measured, CsvTable cy) {
		double[][] m = columns(measured);
		double[] ce = new double[m[0].length];
		for (int k = 0; k < ce.length; k++) ce[k] = m[1][k] > 0 && m[2][k] > 0 ? 100 * m[2][k] / m[1][k] : Double.NaN;
		return new Plot("Coulombic efficiency per cycle", "cycle", "Coulombic efficiency / %").points().integerX().yMinimumSpan(1)
				.line("simulated", cy.column("cycle"), Sections.ceValues(cy), Plot.PALETTE[0]).dashed("measured", m[0], ce, Plot.PALETTE[1]);
	}

	/** {cycles, charge, discharge}. */
	private static double[][] columns(Map<Integer, double[]> m) {
		double[][] out = new double[3][m.size()];
		int k = 0;
		for (Map.Entry<Integer, double[]> e : m.entrySet()) {
			out[0][k] = e.getKey();
			out[1][k] = e.getValue()[0];
			out[2][k++] = e.getValue()[1];
		}
		return out;
	}

	private static String row(String k, String v) {
		return "<tr><td>" + esc(k) + "</td><td class=\"num\">" + esc(v) + "</td></tr>";
	}

	private static String mv(JsonObject c, String key) {
		double v = num(c, key);
		return Double.isNaN(v) ? "\u2013" : fmt(1000 * v, 3) + " mV";
	}

	private static double num(JsonObject o, String key) {
		JsonElement e = o.get(key);
		return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsDouble() : Double.NaN;
	}

	private static JsonObject obj(JsonObject o, String key) {
		return o.has(key) && o.get(key).isJsonObject() ? o.getAsJsonObject(key) : new JsonObject();
	}
}

package org.cellwright.report;

import static org.cellwright.solver.output.SummaryKeys.*;

import static org.cellwright.run.folder.Summary.num;

import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.HalfCycles;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.folder.Summary;
import org.cellwright.solver.input.json.InputsJson;

import static org.cellwright.report.Html.esc;
import static org.cellwright.report.Html.fmt;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.cellwright.solver.CycleSummary;
import org.cellwright.solver.OverpotentialKind;
import org.cellwright.solver.output.SummaryJsonWriter;
import org.cellwright.solver.input.LayerRole;
import org.cellwright.solver.input.LayerSpec;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** The pieces of a report, each built from a {@link RunFolder}: key numbers, plots, checks. */
final class Sections {
	static final int W = 1000, H = 360, HALF = 490;

	private Sections() {}

	// ------------------------------------------------------------------ key numbers

	/** Quantity -> formatted value with unit, in a fixed order; values that do not apply are left out. */
	static Map<String, String> keyNumbers(RunFolder r) {
		Map<String, String> k = new LinkedHashMap<>();
		k.put("status", r.status());
		Summary.ShortCircuit sc = r.shortCircuit();
		if (sc != null) k.put("short circuit", "cycle " + sc.cycle() + " at " + fmt(sc.timeH(), 3) + " h");
		Summary.ShortCircuit soft = r.softShort();
		if (soft != null) k.put("soft short", "cycle " + soft.cycle() + " at " + fmt(soft.timeH(), 3) + " h");
		JsonObject sj = r.summary().json();
		JsonArray cycles = sj.has(CYCLES) && sj.get(CYCLES).isJsonArray() ? sj.getAsJsonArray(CYCLES) : new JsonArray();
		k.put("cycles", String.valueOf(cycles.size()));
		if (!cycles.isEmpty()) {
			JsonObject first = cycles.get(0).getAsJsonObject(), last = cycles.get(cycles.size() - 1).getAsJsonObject();
			// the first cycle that charged, named where it is not cycle 1: a protocol that discharges first closes a cycle of
			// that discharge alone, and the first charge, cycle 2's, read "first charge capacity 0" (CCCV from a charged cell)
			k.put("first charge capacity", firstCharge(cycles));
			// the first full discharge (summary.json's first_discharge, the retention's first): an HPPC's first cycle, a
			// charge and a 10 s pulse, read "first discharge, specific 0.58 mAh/g"; one not of cycle 1 names its cycle
			Summary.FullDischarge fd = r.summary().firstDischarge();
			// short, as a cycle's missing efficiency (ce): the reason in full is in summary.json and the CLI's summary
			if (fd.missing() != null) k.put("first discharge capacity", "\u2013" + NO_FULL_DISCHARGE);
			else {
				k.put("first discharge capacity", fmt(fd.mAhCm2(), 4) + " mAh/cm\u00b2" + fd.where());
				if (!Double.isNaN(fd.mAhG()) && fd.mAhG() > 0) k.put("first discharge, specific", fmt(fd.mAhG(), 4) + " mAh/g" + fd.where());
			}
			k.put("first Coulombic efficiency", ce(first));
			if (cycles.size() > 1) {
				// the last full discharge (summary.json's last_discharge, the first discharge's rule and the retention's last),
				// its cycle named: a closing charge and hold, a cycle with no discharge, read "last cycle discharge 0 (cycle 2)"
				Summary.FullDischarge ld = r.summary().lastDischarge();
				k.put("last discharge capacity", ld.missing() != null ? "\u2013" + NO_FULL_DISCHARGE
						: fmt(ld.mAhCm2(), 4) + " mAh/cm\u00b2 (cycle " + ld.cycle() + ")");
				k.put("last Coulombic efficiency", ce(last));
			}
			double dead = num(last, DEAD_LI_MAH_CM2), sei = num(last, INTERPHASE_LI_MAH_CM2);
			if (dead > 0) k.put("dead lithium at end", fmt(dead, 3) + " mAh/cm\u00b2");
			if (sei > 0) k.put("lithium in the interphase at end", fmt(sei, 3) + " mAh/cm\u00b2");
		}
		// last over a reference discharge of the same steps, its cycles and conditions; none for a half cell
		// (CapacityRetention: the command line's run summary says it in the same words)
		String retention = CapacityRetention.text(r.summary(), r.halfCell(), "\u00b0C");
		if (retention != null) k.put(CapacityRetention.LABEL, retention);
		double nuc = r.number(NUCLEATION_OVERPOTENTIAL_MV);
		if (!Double.isNaN(nuc)) k.put("Li nucleation overpotential", fmt(nuc, 3) + " mV");
		CsvTable ts = r.timeseries();
		if (ts != null && ts.rows() > 1) {
			double[] v = ts.column("voltage_V"), t = ts.column("time_h");
			double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
			// every sample, the first (at rest, before the first step) too: it was left out (a cell at rest outside the
			// range its protocol then ran through read the range without its own voltage)
			for (double x : v) if (!Double.isNaN(x)) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
			if (lo <= hi) k.put("voltage range", fmt(lo, 4) + " to " + fmt(hi, 4) + " V");
			if (t.length > 0) k.put("simulated time", fmt(t[t.length - 1], 4) + " h");
		} else if (!Double.isNaN(r.number(END_TIME_H))) k.put("simulated time", fmt(r.number(END_TIME_H), 4) + " h");
		if (!Double.isNaN(r.number(NOMINAL_CAPACITY_MAH_CM2))) k.put("nominal capacity", fmt(r.number(NOMINAL_CAPACITY_MAH_CM2), 3) + " mAh/cm\u00b2");
		if (!Double.isNaN(r.number(CATHODE_ACTIVE_MG_CM2))) k.put("cathode active loading", fmt(r.number(CATHODE_ACTIVE_MG_CM2), 3) + " mg/cm\u00b2");
		if (!Double.isNaN(r.number(AREA_CM2))) k.put("area", fmt(r.number(AREA_CM2), 4) + " cm\u00b2"); // 4 digits: 1027 cm2 (Chen 2020), not 1030
		String[] c = conditions(r);
		if (c[0] != null) k.put("stack pressure", c[0]);
		if (c[1] != null) k.put("temperature", c[1]);
		return k;
	}

	/**
	 * The stack pressure and temperature of the run, with units ("20 MPa", "45 \u00b0C", or ranges "5 to 65 MPa"), either
	 * null when unknown: the conditions the run's records carry (a protocol's `set`s before its first step are the first
	 * record's; a DFN run keeps no inputs.json, and with a thermal model its temperature is a range), else the cell's as
	 * written. The cell's as written read 25 degC for a run whose protocol set 200 degC before its first step (session
	 * 16). The key numbers and the stack drawing's caption give these.
	 */
	static String[] conditions(RunFolder r) {
		CsvTable ts = r.timeseries();
		String pressure = r.dfn() ? null : range(ts, "stack_pressure_MPa", 0, 3, " MPa");
		String temperature = range(ts, "temperature_K", -273.15, 3, " \u00b0C");
		if (pressure == null && r.inputs() != null) pressure = fmt(r.inputs().cell().stackPressure() / 1e6, 3) + " MPa";
		if (temperature == null && r.inputs() != null) temperature = fmt(r.inputs().cell().temperature() - 273.15, 3) + " \u00b0C";
		return new String[] { pressure, temperature };
	}

	/** The run's cell stack, its caption with the conditions the run used ({@link #conditions}). */
	static String stack(RunFolder r) {
		String[] c = conditions(r);
		return StackDrawing.svg(r.inputs().cell(), c[0], c[1]);
	}

	/**
	 * A run's stack drawn, from its inputs.json or, for a liquid-electrolyte (DFN) run, from dfn-inputs.json's layers;
	 * else why it is not (the run report's and the comparison report's: the comparison drew DFN stacks as "no
	 * inputs.json", loop21).
	 */
	static String stackOrWhyNot(RunFolder r) {
		if (r.inputs() != null) return stack(r);
		if (r.dfn() && r.dfnStack() != null) return StackDrawing.svg(r.cellName(), r.dfnStack());
		if (r.dfn()) return missing("a liquid-electrolyte (DFN) run: " + r.dfnStackMissing());
		return missing("no " + InputsJson.FILE_NAME + " in this run folder (runs made before CellWright wrote it)");
	}

	/** A time series column's value, or its range "lo to hi", offset and with its unit; null without the column. */
	private static String range(CsvTable ts, String column, double offset, int digits, String unit) {
		if (ts == null || ts.rows() == 0 || !ts.has(column)) return null;
		double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
		for (double x : ts.column(column)) if (!Double.isNaN(x)) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
		if (lo > hi) return null;
		String a = fmt(lo + offset, digits), b = fmt(hi + offset, digits);
		return (a.equals(b) ? a : a + " to " + b) + unit;
	}

	/** A run without a full discharge's first discharge, after its dash (SummaryJsonWriter.countsAsDischarge: pulses alone). */
	static final String NO_FULL_DISCHARGE = " (no full discharge)";

	/** A run whose cycles charged nothing (a discharge alone, pulses of one direction), after its dash. */
	static final String NO_CHARGE = " (no charge)";

	/** The charge of the run's first cycle that charged, its cycle named where it is not cycle 1; a dash and why without one. */
	private static String firstCharge(JsonArray cycles) {
		for (JsonElement e : cycles) {
			JsonObject c = e.getAsJsonObject();
			double q = num(c, CHARGE_MAH_CM2);
			if (q > 0) {
				double i = num(c, CYCLE_INDEX);
				return fmt(q, 4) + " mAh/cm\u00b2" + (i == 1 || Double.isNaN(i) ? "" : " (cycle " + (int) i + ")");
			}
		}
		return "\u2013" + NO_CHARGE;
	}

	/** A key number without the reason after its dash (a table of runs, narrower still): "\u2013 (one direction only)" is "\u2013". */
	static String dashAlone(String keyNumber) {
		return keyNumber.startsWith("\u2013") ? "\u2013" : keyNumber;
	}

	/**
	 * A cycle's efficiency in %, or a dash and why it has none, in a few words (the key numbers' column is narrow: a
	 * sentence there pushed the table under the cell stack beside it): the reason summary.json records
	 * (SummaryJsonWriter.noEfficiency, CycleBook's decision; session 28 told "one direction only" from "not a full cycle"
	 * by the capacities here). A run folder written before that says no reason reads as it did: "not a full cycle"
	 * where charge and discharge both passed (pulses, CycleBook.bringsTheCellBack), else "one direction only".
	 */
	private static String ce(JsonObject cycle) {
		double e = num(cycle, COULOMBIC_EFFICIENCY);
		if (!Double.isNaN(e)) return fmt(100 * e, 4) + " %";
		CycleSummary.NoEfficiency why = SummaryJsonWriter.noEfficiency(cycle);
		if (why == null) why = num(cycle, CHARGE_MAH_CM2) > 0 && num(cycle, DISCHARGE_MAH_CM2) > 0 ? CycleSummary.NoEfficiency.NOT_BROUGHT_BACK
				: CycleSummary.NoEfficiency.ONE_DIRECTION;
		return "\u2013 (" + why.brief() + ")";
	}

	/** The length [characters] beyond which a key number's value is words, not a figure (it wraps). */
	static final int PROSE = 80;

	static String keyTable(Map<String, String> k) {
		StringBuilder b = new StringBuilder("<table class=\"keys\"><tbody>");
		// a value in words (longer than PROSE characters: a retention's "none (" and why ")") wraps, left-aligned: kept on
		// one line, it widened the key numbers' column over the stack drawing beside it (session 39)
		for (Map.Entry<String, String> e : k.entrySet())
			b.append("<tr><td>").append(esc(e.getKey())).append(e.getValue().length() > PROSE ? "</td><td class=\"num prose\">" : "</td><td class=\"num\">")
					.append(esc(e.getValue())).append("</td></tr>");
		return b.append("</tbody></table>").toString();
	}

	// ------------------------------------------------------------------ plots of one run

	static Plot voltageVsTime(CsvTable ts) {
		return new Plot("Cell voltage", "time / h", "voltage / V").line("voltage", ts.column("time_h"), ts.column("voltage_V"), Plot.PALETTE[0]);
	}

	/** The cell temperature against time, or null when it does not change (isothermal runs). */
	static Plot temperatureVsTime(CsvTable ts) {
		if (!ts.has("temperature_K")) return null;
		double[] range = temperatureRangeK(ts);
		if (!(range[1] - range[0] > 1e-6)) return null;
		double[] t = ts.column("temperature_K"), c = new double[t.length];
		for (int i = 0; i < t.length; i++) c[i] = t[i] - 273.15;
		// as the protocol sets it ('set temperature') or, in a cell with one, as the lumped thermal model gives it: titled
		// "(lumped thermal model)", a solid-state run, which has none, read as if its set 20 degC had been computed (session 30)
		return new Plot("Cell temperature", "time / h", "temperature / \u00b0C").line("temperature", ts.column("time_h"), c,
				Plot.PALETTE[3 % Plot.PALETTE.length]);
	}

	static Plot currentVsTime(CsvTable ts) {
		return new Plot("Applied current", "time / h", "current / mA cm\u207b\u00b2").line("current", ts.column("time_h"),
				ts.column("current_mA_cm2"), Plot.PALETTE[1]);
	}

	/** The cycles to draw: all up to 10, else 1, 2 and evenly spaced ones up to the last. */
	static List<Integer> pickCycles(double[] cycleColumn) {
		TreeSet<Integer> all = new TreeSet<>();
		for (double c : cycleColumn) if (c >= 1) all.add((int) c);
		List<Integer> list = new ArrayList<>(all);
		if (list.size() <= 10) return list;
		TreeSet<Integer> pick = new TreeSet<>();
		for (int i = 0; i < 9; i++) pick.add(list.get((int) Math.round(i * (list.size() - 1) / 8.0)));
		pick.add(list.get(1));
		return new ArrayList<>(pick);
	}

	/** The capacity axis of the voltage-capacity plots: per charge or discharge ({@link HalfCycles}), per cm2. */
	static final String CAPACITY_AXIS = HalfCycles.AXIS + " / mAh cm\u207b\u00b2";

	/** Voltage against the capacity of each charge and discharge ({@link HalfCycles}) of the cycles drawn, one colour per cycle. */
	static Plot voltageVsCapacity(CsvTable ts) {
		Plot p = new Plot("Voltage vs capacity, by cycle", CAPACITY_AXIS, "voltage / V");
		List<Integer> cycles = pickCycles(ts.column("cycle"));
		List<HalfCycles.Curve> curves = HalfCycles.of(ts);
		for (int ci = 0; ci < cycles.size(); ci++) {
			int c = cycles.get(ci);
			halfCycles(p, curves, c, "cycle " + c, Plot.ramp(ci, cycles.size()));
		}
		return p;
	}

	/** The cycle's half-cycles as lines of one colour, the first one labelled. */
	static void halfCycles(Plot p, List<HalfCycles.Curve> curves, int cycle, String label, Color colour) {
		boolean labelled = false;
		for (HalfCycles.Curve h : curves) {
			if (h.cycle() != cycle) continue;
			if (!labelled) p.line(label, h.capacity(), h.voltage(), colour); else p.unlabelled(label, h.capacity(), h.voltage(), colour);
			labelled = true;
		}
	}

	static Plot capacityAndCe(CsvTable cy) {
		Plot p = new Plot("Capacity and Coulombic efficiency per cycle", "cycle", "capacity / mAh cm\u207b\u00b2")
				.secondAxis("Coulombic efficiency / %").points().integerX();
		double[] n = cy.column("cycle");
		p.line("discharge capacity", n, cy.column("discharge_mAh_cm2"), Plot.PALETTE[0]);
		p.dashed("charge capacity", n, cy.column("charge_mAh_cm2"), Plot.PALETTE[2]);
		p.line2("Coulombic efficiency", n, ceValues(cy), Plot.PALETTE[1], false);
		return p;
	}

	/**
	 * CE in %, NaN for cycles without one (an empty cell of cycles.csv: the solver records none): a cycle in one direction
	 * only, or one that does not bring the cell back (pulses: CycleBook.bringsTheCellBack).
	 */
	static double[] ceValues(CsvTable cy) {
		double[] e = cy.column("coulombic_efficiency");
		double[] out = new double[e.length];
		for (int i = 0; i < out.length; i++) out[i] = 100 * e[i];
		return out;
	}

	static String overpotentialName(String column) {
		for (OverpotentialKind k : OverpotentialKind.values())
			if (k.column().equals(column)) return switch (k) {
				case SEPARATOR_OHMIC -> "separator (ohmic)";
				case CATHODE_OHMIC -> "cathode (ohmic)";
				case CATHODE_KINETIC -> "cathode (charge transfer)";
				case CATHODE_DIFFUSION -> "cathode (solid diffusion)";
				case LITHIUM_KINETIC -> "Li (charge transfer)";
				case NUCLEATION -> "Li nucleation";
				case INTERLAYER_OHMIC -> "interlayer (ohmic)";
				case INTERPHASE -> "SE interphase";
				case CONTACT -> "contact loss";
				case ANODE_OHMIC -> "anode (ohmic)";
				case ANODE_KINETIC -> "anode (charge transfer)";
				case ANODE_DIFFUSION -> "anode (solid diffusion)";
				case ELECTROLYTE_CONCENTRATION -> "electrolyte (concentration)";
			};
		return column.replaceFirst("^eta_", "").replaceFirst("_V$", "").replace('_', ' ');
	}

	static Plot overpotentials(CsvTable ts) {
		Plot p = new Plot("Overpotential breakdown", "time / h", "overpotential / mV");
		int k = 0;
		for (String c : ts.names()) {
			if (!c.startsWith("eta_") || !ts.nonZero(c)) continue;
			double[] v = ts.column(c).clone();
			for (int i = 0; i < v.length; i++) v[i] *= 1000;
			p.line(overpotentialName(c), ts.column("time_h"), v, Plot.PALETTE[k++ % Plot.PALETTE.length]);
		}
		return p;
	}

	/**
	 * A li_* column's name. A liquid-electrolyte (DFN) run writes its negative electrode's intercalated Li as li_host
	 * and its positive's as li_cathode (DfnRunner), no alloy host.
	 */
	static String lithiumName(String column, boolean dfn) {
		if (dfn && column.equals("li_host_mAh_cm2")) return "intercalated in the negative electrode";
		if (dfn && column.equals("li_cathode_mAh_cm2")) return "intercalated in the positive electrode";
		return switch (column) {
			case "li_foil_mAh_cm2" -> "Li foil";
			case "li_interlayer_pores_mAh_cm2" -> "in interlayer pores";
			case "li_cc_side_mAh_cm2" -> "plated at the collector";
			case "li_se_side_mAh_cm2" -> "plated at the electrolyte";
			case "li_interphase_mAh_cm2" -> "bound in the SE interphase";
			case "li_dead_mAh_cm2" -> "dead (isolated) Li";
			case "li_host_mAh_cm2" -> "alloyed in the host (Li\u2093Si)";
			case "li_cathode_mAh_cm2" -> "in the cathode";
			default -> column.replaceFirst("^li_", "").replaceFirst("_mAh_cm2$", "").replace('_', ' ');
		};
	}

	/** Columns li_* whose value changes during the run. */
	static List<String> lithiumColumns(CsvTable ts) {
		List<String> out = new ArrayList<>();
		for (String c : ts.names()) {
			if (!c.startsWith("li_")) continue;
			double[] v = ts.column(c);
			boolean changes = false;
			for (double d : v) if (!Double.isNaN(d) && Math.abs(d - v[0]) > 1e-9) changes = true;
			if (changes) out.add(c);
		}
		return out;
	}

	static Plot lithium(CsvTable ts, boolean dfn) {
		Plot p = new Plot("Lithium inventory by location: change since the start", "time / h", "\u0394 lithium / mAh cm\u207b\u00b2");
		int k = 0;
		for (String c : lithiumColumns(ts)) {
			double[] v = ts.column(c).clone();
			double v0 = v[0];
			for (int i = 0; i < v.length; i++) v[i] -= v0;
			p.line(lithiumName(c, dfn), ts.column("time_h"), v, Plot.PALETTE[k++ % Plot.PALETTE.length]);
		}
		return p;
	}

	static String lithiumTable(CsvTable ts, boolean dfn) {
		StringBuilder b = new StringBuilder("<table><thead><tr><th>lithium</th><th>at start</th><th>at end</th><th>change</th></tr></thead><tbody>");
		for (String c : ts.names()) {
			if (!c.startsWith("li_") || !ts.nonZero(c)) continue;
			double[] v = ts.column(c);
			double a = v[0], z = v[v.length - 1];
			b.append("<tr><td>").append(esc(lithiumName(c, dfn))).append("</td><td class=\"num\">").append(fmt(a, 4)).append("</td><td class=\"num\">")
					.append(fmt(z, 4)).append("</td><td class=\"num\">").append(fmt(z - a, 3)).append("</td></tr>");
		}
		return b.append("</tbody></table><p class=\"muted\">mAh/cm\u00b2 of the cell area</p>").toString();
	}

	/** The mechanism map: flow stress vs size (log-log), with the interlayer's pore size marked when known. */
	static Plot mechanismMap(CsvTable m, RunFolder r) {
		Plot p = new Plot("Lithium mechanism map" + mapTemperature(r) + ": flow stress vs size", "size / \u00b5m", "stress / MPa").logX().logY();
		double[] size = m.column("size_m").clone();
		for (int i = 0; i < size.length; i++) size[i] *= 1e6;
		if (m.has("dislocation_MPa")) p.dashed("dislocation glide", size, m.column("dislocation_MPa"), Plot.PALETTE[0]);
		if (m.has("diffusional_creep_MPa")) p.dashed("diffusional creep", size, m.column("diffusional_creep_MPa"), Plot.PALETTE[2]);
		if (m.has("flow_stress_MPa")) p.line("flow stress", size, m.column("flow_stress_MPa"), Plot.PALETTE[1]);
		double li = liSize(r);
		if (!Double.isNaN(li)) p.markerX(li * 1e6, " Li size in this cell " + fmt(li * 1e6, 3) + " \u00b5m");
		return p;
	}

	/**
	 * " at 25 °C", the temperature the map is drawn at (summary.json's mechanism_map.temperature_K: the run's first, as
	 * the protocol sets it), with " (where the run started; it ran at 20 to 25 °C)" where the records' temperature changes;
	 * "" when the summary does not give it. The map named no temperature, so a protocol that set 20 degC after its first
	 * step showed, without saying so, the map at the cell's 25 degC (session 30).
	 */
	static String mapTemperature(RunFolder r) {
		JsonObject s = r.summary().json();
		if (s == null || !(s.get(MECHANISM_MAP) instanceof JsonObject map) || !(map.get(MAP_TEMPERATURE_K) instanceof JsonElement t)
				|| !t.isJsonPrimitive())
			return "";
		String at = " at " + fmt(t.getAsDouble() - 273.15, 4) + " \u00b0C";
		CsvTable ts = r.timeseries();
		if (ts == null || !ts.has("temperature_K")) return at;
		double[] range = temperatureRangeK(ts);
		return range[1] - range[0] > 1e-6
				? at + " (where the run started; it ran at " + fmt(range[0] - 273.15, 4) + " to " + fmt(range[1] - 273.15, 4) + " \u00b0C)"
				: at;
	}

	/**
	 * The lowest and highest of a time series' temperature_K (NaN samples passed over; +infinity and -infinity where every
	 * one is NaN), for the temperature chart (drawn where they differ) and the mechanism map's title.
	 */
	static double[] temperatureRangeK(CsvTable ts) {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (double k : ts.column("temperature_K"))
			if (!Double.isNaN(k)) {
				lo = Math.min(lo, k);
				hi = Math.max(hi, k);
			}
		return new double[] { lo, hi };
	}

	/**
	 * The characteristic size of the Li that presses on the SE, as the solver computed it (summary.json's
	 * mechanism_map.characteristic_size_m: e.g. the interlayer's pore size after formation); for runs written before
	 * it was recorded, the pore size of the interlayer (else of any layer that gives one); NaN when none.
	 */
	static double liSize(RunFolder r) {
		JsonObject s = r.summary().json();
		if (s != null && s.has(MECHANISM_MAP) && s.get(MECHANISM_MAP).isJsonObject()) {
			JsonElement c = s.getAsJsonObject(MECHANISM_MAP).get(MAP_CHARACTERISTIC_SIZE_M);
			if (c != null && c.isJsonPrimitive()) return c.getAsDouble();
		}
		if (r.inputs() == null) return Double.NaN;
		double any = Double.NaN;
		for (LayerSpec l : r.inputs().cell().layers()) {
			if (Double.isNaN(l.poreSize())) continue;
			if (l.role() == LayerRole.INTERLAYER) return l.poreSize();
			if (Double.isNaN(any)) any = l.poreSize();
		}
		return any;
	}

	// ------------------------------------------------------------------ checks

	/** The checks, one row each, a check's note (checks.json's) in a row of its own under it. */
	static String checksTable(List<RunFolder.Check> checks, boolean withExperiment) {
		StringBuilder b = new StringBuilder("<table class=\"checks\"><thead><tr>");
		if (withExperiment) b.append("<th>experiment</th>");
		b.append("<th>quantity</th><th>study</th><th>simulated</th><th>verdict</th><th>source</th><th>defined at</th></tr></thead><tbody>");
		for (RunFolder.Check c : checks) {
			String cls = c.pass() == null ? "" : c.pass() ? "pass" : "fail";
			b.append("<tr class=\"").append(cls).append("\">");
			if (withExperiment) b.append("<td>").append(esc(c.experiment())).append("</td>");
			b.append("<td>").append(esc(c.quantity() != null ? c.quantity() : c.metric())).append("</td><td class=\"num\">")
					.append(esc(c.expected())).append("</td><td class=\"num\">").append(esc(c.simulated()))
					.append("</td><td class=\"verdict\">").append(c.pass() == null ? "\u2013" : c.pass() ? "PASS" : "FAIL")
					.append("</td><td>").append(esc(c.source())).append("</td>").append(where(c)).append("</tr>");
			// its note under it, as the command line's table has it: why a failed check has no value, what a passing
			// one read from an older run could not check (checks.json's note; shown nowhere in the report before)
			if (c.note() != null && !c.note().isBlank())
				b.append("<tr class=\"check-note").append(cls.isEmpty() ? "" : " " + cls).append("\">").append(withExperiment ? "<td></td>" : "")
						.append("<td colspan=\"6\">Note: ").append(esc(c.note())).append("</td></tr>");
		}
		return b.append("</tbody></table>").toString();
	}

	/** Where the check is written: the file's name and line (the whole path as the cell's tooltip). */
	private static String where(RunFolder.Check c) {
		if (c.file() == null) return "<td></td>";
		String line = c.line() > 0 ? ":" + c.line() : "";
		String name = c.file().substring(Math.max(c.file().lastIndexOf('/'), c.file().lastIndexOf('\\')) + 1);
		// may break after a dot where the table is tight (the study page), never inside a word
		return "<td title=\"" + esc(c.file() + line) + "\"><code>" + esc(name + line).replace(".", ".<wbr>") + "</code></td>";
	}

	static String checksSummary(List<RunFolder.Check> checks) {
		long pass = checks.stream().filter(c -> Boolean.TRUE.equals(c.pass())).count();
		long fail = checks.stream().filter(c -> Boolean.FALSE.equals(c.pass())).count();
		return "<p class=\"meta\">" + pass + " of " + checks.size() + " checks pass" + (fail > 0 ? ", <b>" + fail + " fail</b>" : "") + ".</p>";
	}

	static String missing(String what) {
		return "<p class=\"muted\">Not available: " + esc(what) + "</p>\n";
	}

	static String statusBadge(String status) {
		String cls = switch (status) {
			case "COMPLETED" -> "ok";
			case "SHORT_CIRCUIT" -> "short";
			default -> "bad";
		};
		return "<span class=\"status " + cls + "\">" + esc(status.replace('_', ' ')) + "</span>";
	}
}

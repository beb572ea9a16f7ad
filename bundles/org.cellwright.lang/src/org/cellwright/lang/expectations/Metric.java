package org.cellwright.lang.expectations;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cellwright.lang.units.Dimension;
import org.cellwright.lang.units.Units;
import org.cellwright.model.Expectation;
import org.cellwright.solver.CycleSummary;
import org.cellwright.solver.OverpotentialKind;
import org.cellwright.solver.StepEnd;
import org.cellwright.solver.input.StepNumbers;
import org.cellwright.solver.output.SummaryJsonWriter;
import org.cellwright.solver.output.SummaryKeys;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The catalog of what an {@code expect} clause can measure: each metric's name in the language, the dimensions its
 * value may have, whether it takes {@code of cycle N} / {@code average}, and how it is evaluated from a run folder
 * ({@code summary.json}, for {@link #DEALLOYING_CAPACITY}, {@link #CATHODE_INTERFACIAL_RESISTANCE} and {@link #TEMPERATURE} also
 * {@code timeseries.csv}). Values come back in SI;
 * the summary's report units (mV, mAh/cm2, mAh/g, h) are converted by {@link Units}, nowhere else.
 */
public enum Metric {

	NUCLEATION_OVERPOTENTIAL("nucleation-overpotential", "the Li nucleation overpotential of the first plating (depth of the voltage dip)",
			Set.of(Dimension.VOLTAGE), false, false) {
		@Override Value measure(Run run, Expectation e) {
			return number(run.summary().get("nucleation_overpotential_mV"), "mV", "no Li nucleation dip in the first plating's voltage trace");
		}
	},
	SECOND_NUCLEATION_DIP("second-nucleation-dip",
			"the capacity plated in the first plating before its second nucleation dip (on an interlayer: Li reaching the interlayer/collector interface)",
			Set.of(Dimension.AREAL_CAPACITY), false, false) {
		@Override Value measure(Run run, Expectation e) {
			JsonElement dips = run.summary().get("nucleation_dips");
			if (dips == null || !dips.isJsonArray() || dips.getAsJsonArray().size() < 2)
				return Value.missing("the first plating's voltage trace has no second dip");
			return number(dips.getAsJsonArray().get(1).getAsJsonObject().get("capacity_mAh_cm2"), "mAh/cm2", "no capacity for the second dip");
		}
	},
	COULOMBIC_EFFICIENCY("coulombic-efficiency", "a cycle's Coulombic efficiency (stripped / plated Li, or discharge / charge of a full cell)",
			Set.of(Dimension.FRACTION, Dimension.DIMENSIONLESS), true, true) {
		@Override Value measure(Run run, Expectation e) {
			if (e.isAverage()) {
				double sum = 0;
				int n = 0;
				JsonArray cycles = run.cycles();
				for (int i = Math.max(0, e.getFromCycle() - 1); i < cycles.size(); i++) {
					JsonObject o = cycles.get(i).getAsJsonObject();
					if (has(o, "coulombic_efficiency")) { // none recorded (null) for a cycle in one direction only
						sum += o.get("coulombic_efficiency").getAsDouble();
						n++;
					}
				}
				return n == 0 ? Value.missing("no cycle has an efficiency (none ran in both directions and brought the cell back)") : Value.of(Units.parse("").toSI(sum / n));
			}
			// the run's record decides (CycleBook), as in cycles.csv and the CLI: a giving step that passed no
			// charge is a real 0 % (this asked for both capacities above 0, the CLI's own rule, and called it missing)
			return cycle(run, e).map(o -> has(o, SummaryKeys.COULOMBIC_EFFICIENCY) ? number(o.get(SummaryKeys.COULOMBIC_EFFICIENCY), "", "no efficiency in this cycle")
					: Value.missing(noEfficiency(o, cycleNumber(run, e)))).orElseGet(() -> notReached(run, e));
		}
	},
	DISCHARGE_CAPACITY("discharge-capacity", "a cycle's discharge capacity: per cathode active mass (mAh/g) or per area (mAh/cm2)",
			Set.of(Dimension.SPECIFIC_CAPACITY, Dimension.AREAL_CAPACITY), true, true) {
		@Override Value measure(Run run, Expectation e) {
			boolean specific = dimensionOf(e) == Dimension.SPECIFIC_CAPACITY;
			String key = specific ? "discharge_mAh_g" : "discharge_mAh_cm2";
			String unit = specific ? "mAh/g" : "mAh/cm2";
			if (e.isAverage()) return average(run, e, key, unit);
			return cycle(run, e).map(o -> number(o.get(key), unit, "this run has no cathode active mass")).orElseGet(() -> notReached(run, e));
		}
	},
	CHARGE_CAPACITY("charge-capacity", "a cycle's charge capacity per area (mAh/cm2)", Set.of(Dimension.AREAL_CAPACITY), true, true) {
		@Override Value measure(Run run, Expectation e) {
			if (e.isAverage()) return average(run, e, "charge_mAh_cm2", "mAh/cm2");
			return cycle(run, e).map(o -> number(o.get("charge_mAh_cm2"), "mAh/cm2", "no charge in this cycle")).orElseGet(() -> notReached(run, e));
		}
	},
	CAPACITY_RETENTION("capacity-retention", "discharge capacity of a cycle over that of a reference cycle (default: the run's first full discharge, cycle 1 where that is a full discharge); without a cycle the run's, the last full discharge over the first of the same steps (rate, cut-offs)",
			Set.of(Dimension.FRACTION, Dimension.DIMENSIONLESS), true, false) {
		@Override Value measure(Run run, Expectation e) {
			if (e.getCycle() <= 0 && e.getReference() <= 0 && run.summary().has("capacity_retention")) {
				// without 'of cycle': the run's own, the last cycle with a discharge step over the first one's (summary.json,
				// the report, sweep.csv); the last cycle may be a closing charge alone, which read 0 % here
				JsonElement r = run.summary().get("capacity_retention");
				// and why, where summary.json says (session 39: no earlier discharge of the last's steps, or none that passed a
				// charge a cycler resolves)
				JsonElement why = run.summary().get(SummaryKeys.CAPACITY_RETENTION_REASON);
				if (r.isJsonNull() || !Double.isFinite(r.getAsDouble())) return Value.missing(why != null && why.isJsonPrimitive()
						? "the run has no capacity retention: " + why.getAsString() : "the run has no two full discharges of the same steps (rate, cut-offs) to compare");
				return Value.of(r.getAsDouble());
			}
			Optional<JsonObject> c = cycle(run, e);
			if (c.isEmpty()) return notReached(run, e);
			// without 'relative to': the run's first full discharge (summary.json's first_discharge: for a full cell the
			// first cycle that brought the cell back, not an HPPC's first pulse; since session 39 one that passed a charge a
			// cycler resolves, the run's retention's rule); cycle 1 for a run written before it
			int ref = e.getReference() > 0 ? e.getReference() : 1;
			if (e.getReference() <= 0 && run.summary().get("first_discharge") instanceof JsonObject fd) {
				JsonElement fc = fd.get("cycle");
				if (fc == null || !fc.isJsonPrimitive()) {
					JsonElement why = fd.get("reason");
					return Value.missing("the run has no full discharge to compare with"
							+ (why != null && why.isJsonPrimitive() ? " (" + why.getAsString() + ")" : ""));
				}
				ref = fc.getAsInt();
			}
			if (ref > run.cycles().size()) return Value.missing("the reference cycle " + ref + " was not reached");
			JsonObject r = run.cycles().get(ref - 1).getAsJsonObject();
			if (!has(r, "discharge_mAh_cm2") || r.get("discharge_mAh_cm2").getAsDouble() <= 0)
				return Value.missing("the reference cycle " + ref + " has no discharge");
			// a reference must have passed a charge a cycler resolves, the rule of the run's own retention and first
			// discharge (SummaryJsonWriter.dischargeResolves, on the cell's lithium the cycle records since session 40):
			// 'relative to cycle M' divided by any discharge above 0, 0.99999999984 from two of 1.2e-10 mAh/cm2
			Boolean resolves = SummaryJsonWriter.dischargeResolves(r);
			if (Boolean.FALSE.equals(resolves))
				return Value.missing(String.format(Locale.ROOT, "the reference cycle %d's discharge, %.3g mAh/cm2, is too small to be a reference:"
						+ " below %s (%.3g of %.3g mAh/cm2)", ref, r.get(SummaryKeys.DISCHARGE_MAH_CM2).getAsDouble(), SummaryJsonWriter.resolution(),
						org.cellwright.solver.NumericalThresholds.EFFICIENCY_RESOLUTION_SHARE * r.get(SummaryKeys.LITHIUM_MAH_CM2).getAsDouble(),
						r.get(SummaryKeys.LITHIUM_MAH_CM2).getAsDouble()));
			if (!has(c.get(), "discharge_mAh_cm2")) return Value.missing("cycle " + cycleNumber(run, e) + " has no discharge");
			double retained = c.get().get("discharge_mAh_cm2").getAsDouble() / r.get("discharge_mAh_cm2").getAsDouble();
			// a run folder written before session 40 records no lithium: any discharge above 0 is a reference, as it was
			return resolves == null ? Value.of(retained).noted("summary.json records no lithium of the cell (written before session 40):"
					+ " cycle " + ref + "'s discharge is taken as the reference whatever it passed, not checked against " + SummaryJsonWriter.resolution())
					: Value.of(retained);
		}
	},
	STATUS("status", "how the run ended: completed, short-circuit, not-converged, cancelled or invalid-input", Set.of(), false, false) {
		@Override Value measure(Run run, Expectation e) {
			JsonElement s = run.summary().get("status");
			return s == null || s.isJsonNull() ? Value.missing("the run has no status") : Value.state(stateName(s.getAsString()));
		}
	},
	END_TIME("end-time", "the simulated time when the run ended (at the short circuit, if one happened)", Set.of(Dimension.TIME), false, false) {
		@Override Value measure(Run run, Expectation e) {
			return number(run.summary().get("end_time_h"), "h", "the run has no end time");
		}
	},
	SHORT_CIRCUIT_CYCLE("short-circuit-cycle", "the cycle in which the cell shorted (a number; missing when it did not short)",
			Set.of(Dimension.DIMENSIONLESS), false, false) {
		@Override Value measure(Run run, Expectation e) {
			JsonElement sc = run.summary().get("short_circuit");
			if (sc == null || !sc.isJsonObject()) return Value.missing("the cell did not short");
			return number(sc.getAsJsonObject().get("cycle"), "", "the short has no cycle");
		}
	},
	/**
	 * The cycle of the run's first soft short (summary.json's soft_short: a charge or hold the leak through Li filaments
	 * kept from its cut-off, or the Coulombic efficiency collapsing), as short-circuit-cycle is a hard short's: the
	 * soft short was reported, but no clause could assert it (session 30, a new user's experiments on the study's cells).
	 */
	SOFT_SHORT_CYCLE("soft-short-cycle", "the cycle in which a soft short was first reported (a number; missing when none was)",
			Set.of(Dimension.DIMENSIONLESS), false, false) {
		@Override Value measure(Run run, Expectation e) {
			JsonElement ss = run.summary().get(SummaryKeys.SOFT_SHORT);
			if (ss == null || !ss.isJsonObject()) return Value.missing("no soft short was reported");
			return number(ss.getAsJsonObject().get(SummaryKeys.SC_CYCLE), "", "the soft short has no cycle");
		}
	},
	/**
	 * How a step ended (summary.json's cycles[].steps[].end, cycles.csv's step_ends): the step numbered as the protocol is
	 * written ({@code of cycle N step 3.2}: its run in cycle N), or the last step of the cycle. walk30: the run recorded how
	 * each step ended, but no clause could assert it.
	 */
	END_REASON("end-reason", "how a step ended, in cycles.csv's words (voltage-cutoff, duration, capacity, ...): 'of cycle N step K', K the step's number as the report lists it; without 'step' the cycle's last step",
			Set.of(), true, false) {
		@Override Value measure(Run run, Expectation e) {
			StepRead s = step(run, e);
			if (s.missing() != null) return Value.missing(s.missing());
			JsonElement end = s.step().get(SummaryKeys.STEP_END);
			return end == null || !end.isJsonPrimitive() ? Value.missing(s.name() + " has no end recorded") : Value.state(end.getAsString());
		}
	},
	/**
	 * The voltage a step ended at (summary.json's end_voltage_V, the step's last record): a discharge that ends on its
	 * cut-off at 2.8 V reads 2.8 V within 1 mV (issue 13: steps end by their own condition, located in time).
	 */
	LAST_VOLTAGE("last-voltage", "the voltage a step ended at (its last record): 'of cycle N step K', K the step's number as the report lists it; without 'step' the cycle's last step",
			Set.of(Dimension.VOLTAGE), true, false) {
		@Override Value measure(Run run, Expectation e) {
			StepRead s = step(run, e);
			if (s.missing() != null) return Value.missing(s.missing());
			return number(s.step().get(SummaryKeys.STEP_END_VOLTAGE_V), "V", s.name() + " has no end voltage");
		}
	},
	/**
	 * The cell's temperature in the records of a cycle, or of one step of it (timeseries.csv's temperature_K): the record
	 * farthest from the expected value (so '=' holds for every record), the highest for '<', the lowest for '>'. Issue 13:
	 * the temperature a protocol sets is that of every record (a 'set temperature to 20 degC' recorded 298.15 K first).
	 */
	TEMPERATURE("temperature", "the cell's temperature in every record of a cycle ('of cycle N', or 'of cycle N step K'): the record farthest from the expected value; the highest for '<', the lowest for '>'",
			Set.of(Dimension.TEMPERATURE), true, false) {
		@Override Value measure(Run run, Expectation e) {
			int cycle = cycleNumber(run, e);
			if (cycle < 1 || cycle > run.cycles().size()) return notReached(run, e);
			int flat = -1;
			String where = "cycle " + cycle;
			if (e.getStep() != null) {
				StepRead s = step(run, e);
				if (s.missing() != null) return Value.missing(s.missing());
				flat = s.step().get(SummaryKeys.STEP_INDEX).getAsInt();
				where = s.name();
			}
			double[][] c = run.columns("cycle", "step", "temperature_K");
			if (c == null) return Value.missing("timeseries.csv has no cycle, step or temperature_K column");
			double expected = e.getValue() != null && Units.isKnown(e.getValue().getUnit()) ? Units.toSI(e.getValue()) : Double.NaN;
			double read = Double.NaN;
			for (int i = 0; i < c[0].length; i++) {
				// cycle 1 takes in the records before the run's first current (timeseries.csv's cycle 0): the first record too
				boolean inCycle = c[0][i] == cycle || cycle == 1 && c[0][i] == 0;
				if (!inCycle || flat >= 0 && c[1][i] != flat || !Double.isFinite(c[2][i])) continue;
				double t = c[2][i];
				boolean further = switch (e.getComparison()) {
					case LESS -> !(t <= read);
					case GREATER -> !(t >= read);
					default -> !(Math.abs(t - expected) <= Math.abs(read - expected));
				};
				if (Double.isNaN(read) || further) read = t;
			}
			return Double.isNaN(read) ? Value.missing(where + " has no record in timeseries.csv") : Value.of(read);
		}
	},
	CYCLES("cycles", "how many cycles the run completed or began", Set.of(Dimension.DIMENSIONLESS), false, false) {
		@Override Value measure(Run run, Expectation e) {
			return Value.of(run.cycles().size());
		}
	},
	VOLTAGE_RMS_ERROR("voltage-rms-error", "RMS of measured - simulated voltage over the experiment's 'measured' data (at the measured times)",
			Set.of(Dimension.VOLTAGE), false, false) {
		@Override Value measure(Run run, Expectation e) {
			return run.measuredComparison("voltage_rms_V");
		}
	},
	VOLTAGE_MAX_ERROR("voltage-max-error", "largest |measured - simulated voltage| over the experiment's 'measured' data",
			Set.of(Dimension.VOLTAGE), false, false) {
		@Override Value measure(Run run, Expectation e) {
			return run.measuredComparison("voltage_max_V");
		}
	},
	/**
	 * The cathode's interfacial resistance per electrode area at a named point, as a researcher reads it off a small
	 * current: the cathode's kinetic overpotential (eta_cathode_kinetic_V: the Butler-Volmer charge transfer and the ohmic
	 * drop of the cathode interphase's film, weighted by each node's share of the current) over the current, at the
	 * point's last sample with a current: of its last run, or ({@code of cycle N}) of its run in cycle N as cycles.csv
	 * numbers the cycles; where the group's run starts from rest, counted from the rest's last value (a pulse from rest:
	 * the overpotential a steady current at rest drives, e.g. a soft short's leak, left out). At a small current (eta
	 * below RT/F) the charge transfer is linear and this is
	 * the diameter of the interfacial semicircle of an impedance spectrum at that state (a transmission-line fit's
	 * charge-transfer resistance: R_ct + R_film over the active surface); it leaves out the composite's ionic and
	 * electronic drops (eta_cathode_ohmic_V, the line's rails) and solid diffusion (eta_cathode_diffusion_V, the
	 * Warburg tail).
	 */
	CATHODE_INTERFACIAL_RESISTANCE("cathode-interfacial-resistance",
			"the cathode's interfacial (crossrail) resistance per electrode area at a named point ('at GROUP', a step group with a current): its charge-transfer and interphase-film overpotential (eta_cathode_kinetic_V) over the current, at the group's last sample with a current (its last run; 'of cycle N': its run in cycle N), from the rest's value where the group starts from rest",
			Set.of(Dimension.AREA_SPECIFIC_RESISTANCE), true, false) {
		@Override Value measure(Run run, Expectation e) {
			if (e.getPoint() == null) return Value.missing(dslName() + " is read at a named point: 'at GROUP', a step group of the protocol");
			Point p = run.point();
			if (p == null) return Value.missing("no step group '" + e.getPoint() + "' in the experiment's protocols");
			if (e.getCycle() > 0) return inCycle(run, p, e.getCycle());
			double[][] c = run.columns("step", "current_mA_cm2", OverpotentialKind.CATHODE_KINETIC.column());
			if (c == null) return Value.missing("timeseries.csv has no step, current_mA_cm2 or " + OverpotentialKind.CATHODE_KINETIC.column() + " column");
			double[] step = c[0], current = c[1], eta = c[2];
			int last = -1, reached = -1, lastStep = -1;
			for (int i = 0; i < step.length; i++) {
				if (Double.isNaN(step[i])) continue;
				lastStep = Math.max(lastStep, (int) step[i]);
				if (step[i] < p.firstStep() || step[i] > p.lastStep()) continue;
				reached = i;
				if (current[i] != 0 && Double.isFinite(current[i])) last = i;
			}
			String where = "'" + p.name() + "' (" + p.steps(run.steps()) + ")";
			if (reached < 0) return pointNotReached(run, where, lastStep);
			if (last < 0) return noCurrent(where);
			return resistance(eta, current, step, last, p.firstStep(), where);
		}

		/**
		 * The value at the group's run in cycle N as cycles.csv numbers the cycles (timeseries.csv's cycle column, the
		 * solver's CycleBook): of the group's runs ({@link Point#everyRun}), the one whose last sample with a current
		 * lies in cycle N (the last such run where a cycle holds several), read at that sample.
		 */
		private Value inCycle(Run run, Point p, int cycle) {
			double[][] c = run.columns("step", "cycle", "current_mA_cm2", OverpotentialKind.CATHODE_KINETIC.column());
			if (c == null) return Value.missing("timeseries.csv has no step, cycle, current_mA_cm2 or " + OverpotentialKind.CATHODE_KINETIC.column() + " column");
			double[] step = c[0], cycles = c[1], current = c[2], eta = c[3];
			// each run of the group (by its first step) and its last sample with a current
			java.util.Map<Integer, Integer> read = new java.util.LinkedHashMap<>();
			boolean reached = false;
			int lastStep = -1, lastCycle = 0;
			for (int i = 0; i < step.length; i++) {
				if (Double.isNaN(step[i])) continue;
				lastStep = Math.max(lastStep, (int) step[i]);
				if (Double.isFinite(cycles[i])) lastCycle = Math.max(lastCycle, (int) cycles[i]);
				int start = -1;
				for (Runs r : p.everyRun())
					if ((start = r.startOf((long) step[i])) >= 0) break;
				if (start < 0) continue;
				reached = true;
				if (current[i] != 0 && Double.isFinite(current[i])) read.put(start, i);
			}
			Runs first = p.everyRun().stream().min(java.util.Comparator.comparingInt(Runs::first)).get();
			String where = "'" + p.name() + "' (" + Point.steps(run.steps(), first.first(), first.first() + first.length() - 1) + " in its first run)";
			if (!reached) return pointNotReached(run, where, lastStep);
			if (read.isEmpty()) return noCurrent("'" + p.name() + "'");
			int at = -1;
			java.util.TreeSet<Integer> ran = new java.util.TreeSet<>();
			for (int i : read.values()) {
				ran.add((int) cycles[i]);
				if (cycles[i] == cycle && i > at) at = i;
			}
			if (at < 0) {
				JsonElement status = run.summary().get("status");
				return Value.missing("'" + p.name() + "' ran with a current in " + cycleRanges(ran) + ", not in cycle " + cycle
						+ (cycle > lastCycle ? ": the run ended in cycle " + lastCycle
								+ (status != null && status.isJsonPrimitive() ? ", " + stateName(status.getAsString()) : "") : "")
						+ " (cycles as cycles.csv numbers them: a charge after a discharge opens the next, for a half cell a plating after a stripping)");
			}
			int s = (int) step[at], start = -1;
			for (Runs r : p.everyRun())
				if ((start = r.startOf((long) step[at])) >= 0) break;
			return resistance(eta, current, step, at, start, "'" + p.name() + "' in cycle " + cycle + " (" + Point.steps(run.steps(), s, s) + ")");
		}

		private Value pointNotReached(Run run, String where, int lastStep) {
			JsonElement status = run.summary().get("status");
			return Value.missing("the run did not reach " + where + ": it ended in step " + run.steps().number(lastStep)
					+ (status != null && status.isJsonPrimitive() ? ", " + stateName(status.getAsString()) : ""));
		}

		private Value noCurrent(String where) {
			return Value.missing("no current flowed in " + where + ": the resistance is the overpotential over the current, so the group needs a"
					+ " current step, a small one (e.g. 'charge at 0.05 C for 10 min')");
		}

		/**
		 * |eta - eta_rest| / |i| [Ohm m2] at sample {@code at} (overpotential [V], current [mA/cm2]) of the group's run
		 * that starts at step {@code first}: eta_rest is the overpotential of the sample before that run where it rested
		 * (no current), else 0. A current step from rest read as a researcher reads a pulse, from the rest's value: the
		 * small-signal resistance, without the overpotential a steady current the cell carries at rest drives (a soft
		 * short's leak through Li filaments lithiates the cathode at open circuit, so its kinetic overpotential is not
		 * zero there, and the cathode's reaction current differs from the cell's by the leak: kim2025.cell read 7 % low).
		 */
		private Value resistance(double[] eta, double[] current, double[] step, int at, int first, String where) {
			double e = eta[at];
			if (!(e != 0) || !Double.isFinite(e))
				return Value.missing("no cathode charge transfer at " + where + " (" + OverpotentialKind.CATHODE_KINETIC.column() + " = " + e
						+ "): the cell has no composite cathode");
			int before = at;
			while (before >= 0 && (Double.isNaN(step[before]) || step[before] >= first && step[before] <= step[at])) before--;
			double rest = before >= 0 && current[before] == 0 && Double.isFinite(eta[before]) ? eta[before] : 0;
			// mA/cm2 -> A/m2 through the Units table, the resistance in Ohm m2
			return Value.of(Math.abs(e - rest) / Units.parse("mA/cm2").toSI(Math.abs(current[at])));
		}
	},
	DEALLOYING_CAPACITY("dealloying-capacity",
			"Li taken back out of the alloy host (LixSi de-alloying: the plateau of a full-cell discharge), the largest drop of the host's Li",
			Set.of(Dimension.AREAL_CAPACITY), false, false) {
		@Override Value measure(Run run, Expectation e) {
			if (run.dfn())
				// the DFN runner's li_host_mAh_cm2 is the negative electrode's intercalated Li: its drop is a discharge, not a de-alloying
				return Value.missing("a liquid-electrolyte (DFN) cell has no alloy host: its li_host_mAh_cm2 is the negative electrode's"
						+ " intercalated lithium, whose drop is the discharge (use discharge-capacity)");
			double[] host = run.column("li_host_mAh_cm2");
			if (host == null) return Value.missing("timeseries.csv has no li_host_mAh_cm2 column");
			double max = Double.NEGATIVE_INFINITY, drop = 0;
			for (double v : host) {
				if (Double.isNaN(v)) continue;
				max = Math.max(max, v);
				drop = Math.max(drop, max - v);
			}
			return Value.of(Units.parse("mAh/cm2").toSI(drop));
		}
	};

	/** The states {@code expect status = ...} knows: the solver's run statuses in the language's spelling. */
	public static final List<String> STATES = List.of("completed", "short-circuit", "not-converged", "cancelled", "invalid-input");

	/** The words a state metric compares with: a run's status ({@link #STATES}), or how a step ended (cycles.csv's, {@link StepEnd#label}). */
	public List<String> states() {
		return this == END_REASON ? Arrays.stream(StepEnd.values()).map(StepEnd::label).toList() : this == STATUS ? STATES : List.of();
	}

	/**
	 * A measured value: an SI number or a state, or why there is none; {@code note}: what a value read from an older
	 * run folder could not check (its check's note in checks.json and, where it fails, the command line's table), null
	 * otherwise.
	 */
	public record Value(Double si, String state, String missing, String note) {
		public Value(Double si, String state, String missing) { this(si, state, missing, null); }
		public static Value of(double si) { return new Value(si, null, null); }
		public static Value state(String s) { return new Value(null, s, null); }
		public static Value missing(String why) { return new Value(null, null, why); }
		public boolean isMissing() { return missing != null; }
		/** The same value with a note. */
		public Value noted(String why) { return new Value(si, state, missing, why); }
	}

	/** The comparison of a run with its experiment's measured data, in the run folder (written by the run pipeline). */
	public static final String MEASURED_COMPARISON_FILE = "measured-comparison.json";
	/**
	 * A named point of a run ({@code at probe}): a step group of the experiment's protocols as the solver's step numbers
	 * it ran as (timeseries.csv's step column, from 0), its last run ({@link Points#find}).
	 */
	public record Point(String name, int firstStep, int lastStep, List<Runs> runs) {
		/** A point known by its last run only. */
		public Point(String name, int firstStep, int lastStep) {
			this(name, firstStep, lastStep, List.of());
		}

		public Point {
			runs = List.copyOf(runs);
		}

		/** "steps 3.1-3.2": the group's steps named as the run's messages and the report name them ({@link StepNumbers}). */
		String steps(StepNumbers numbers) {
			return steps(numbers, firstStep, lastStep);
		}

		/** Solver's (flattened) steps first to last as messages name them: "step 3.1", "steps 3.1-3.2". */
		static String steps(StepNumbers numbers, int first, int last) {
			return first == last ? "step " + numbers.number(first) : "steps " + numbers.number(first) + "-" + numbers.number(last);
		}

		/** Every run of the group ({@link Points#runs}); its last run alone where they are not known. */
		List<Runs> everyRun() {
			return runs.isEmpty() ? List.of(new Runs(firstStep, lastStep - firstStep + 1, new int[0], new int[0])) : runs;
		}
	}

	/**
	 * The runs of a step group from one place in the protocols, as the solver's step numbers: the steps [s, s + length -
	 * 1] for each start s = first + sum of k_i period_i, 0 <= k_i < count_i, over the repeats around the group (outermost
	 * first: period_i the steps of one pass of that repeat, count_i its count). Each repeat's runs lie within one pass
	 * of the repeat around it.
	 */
	public record Runs(int first, int length, int[] periods, int[] counts) {
		public Runs {
			if (periods.length != counts.length) throw new IllegalArgumentException("a period and a count for each repeat");
			periods = periods.clone();
			counts = counts.clone();
		}

		/** The first step of the last run. */
		public int lastStart() {
			long at = first;
			for (int i = 0; i < periods.length; i++) at += (long) periods[i] * Math.max(0, counts[i] - 1);
			return (int) Math.min(at, Integer.MAX_VALUE);
		}

		/** The first step of the run that holds {@code step}, or -1 when none does. */
		public int startOf(long step) {
			long r = step - first;
			if (r < 0) return -1;
			for (int i = 0; i < periods.length; i++) {
				if (periods[i] <= 0) continue;
				long k = Math.min(counts[i] - 1L, r / periods[i]);
				r -= k * periods[i];
			}
			return r < length ? (int) (step - r) : -1;
		}

		/** As inputs.json records it: [first, length, period, count, ...]. */
		public List<Integer> numbers() {
			List<Integer> out = new ArrayList<>(List.of(first, length));
			for (int i = 0; i < periods.length; i++) {
				out.add(periods[i]);
				out.add(counts[i]);
			}
			return out;
		}

		/** From {@link #numbers}. */
		public static Runs of(List<Integer> numbers) {
			if (numbers.size() < 2 || numbers.size() % 2 != 0) throw new IllegalArgumentException("[first, length, period, count, ...], not " + numbers);
			int n = (numbers.size() - 2) / 2;
			int[] periods = new int[n], counts = new int[n];
			for (int i = 0; i < n; i++) {
				periods[i] = numbers.get(2 + 2 * i);
				counts[i] = numbers.get(3 + 2 * i);
			}
			return new Runs(numbers.get(0), numbers.get(1), periods, counts);
		}

		@Override public boolean equals(Object o) {
			return o instanceof Runs r && r.numbers().equals(numbers());
		}

		@Override public int hashCode() { return numbers().hashCode(); }

		@Override public String toString() { return "Runs" + numbers(); }
	}

	/**
	 * A finished run: its summary.json and its folder (for timeseries.csv), the named point an expectation reads it at
	 * (null: none), how its steps are named to a user ({@code steps}: {@link StepNumbers} of the protocol it ran, which
	 * the caller holds; null: the flattened index from 1), and whether it is a liquid-electrolyte (DFN) run. The run
	 * bundle's Checks builds it; this bundle reads no protocol record of a run folder (org.cellwright.run.folder.RunFolder
	 * is the one reader of the folder's format).
	 */
	public record Run(JsonObject summary, Path folder, Point point, StepNumbers steps, boolean dfn) {
		public Run(JsonObject summary, Path folder) {
			this(summary, folder, null, null, false);
		}

		public Run {
			if (steps == null) steps = StepNumbers.of(null);
		}

		/** A number [SI] of the run's comparison with its measurement, or missing with the reason. */
		Value measuredComparison(String key) {
			Path f = folder == null ? null : folder.resolve(MEASURED_COMPARISON_FILE);
			if (f == null || !Files.isRegularFile(f))
				return Value.missing("the experiment has no 'measured' data to compare with");
			try {
				JsonObject o = com.google.gson.JsonParser.parseString(Files.readString(f, StandardCharsets.UTF_8)).getAsJsonObject();
				if (o.has("error")) return Value.missing(o.get("error").getAsString());
				JsonElement v = o.get(key);
				return v == null || v.isJsonNull() ? Value.missing("no " + key + " in " + MEASURED_COMPARISON_FILE) : Value.of(v.getAsDouble());
			} catch (IOException | RuntimeException ex) {
				return Value.missing("cannot read " + MEASURED_COMPARISON_FILE + ": " + ex.getMessage());
			}
		}

		JsonArray cycles() {
			JsonElement c = summary.get("cycles");
			return c != null && c.isJsonArray() ? c.getAsJsonArray() : new JsonArray();
		}

		/** One column of timeseries.csv (streamed with commons-csv), or null when there is no such file or column. */
		double[] column(String name) {
			double[][] c = columns(name);
			return c == null ? null : c[0];
		}

		/**
		 * Columns of timeseries.csv read in one pass, row by row alike (a row too short for any of them is left out), or
		 * null when there is no such file or one of the columns is missing.
		 */
		double[][] columns(String... names) {
			if (folder == null) return null;
			Path f = folder.resolve("timeseries.csv");
			if (!Files.isRegularFile(f)) return null;
			try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8);
					CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
				int[] col = new int[names.length];
				int widest = 0;
				for (int k = 0; k < names.length; k++) {
					Integer c = csv.getHeaderMap().get(names[k]);
					if (c == null) return null;
					col[k] = c;
					widest = Math.max(widest, c);
				}
				double[][] out = new double[names.length][1024];
				int n = 0;
				for (CSVRecord rec : csv) {
					if (rec.size() <= widest) continue;
					if (n == out[0].length)
						for (int k = 0; k < names.length; k++) out[k] = Arrays.copyOf(out[k], 2 * n);
					for (int k = 0; k < names.length; k++) {
						double v;
						try {
							v = Double.parseDouble(rec.get(col[k]));
						} catch (NumberFormatException ex) {
							v = Double.NaN;
						}
						out[k][n] = v;
					}
					n++;
				}
				for (int k = 0; k < names.length; k++) out[k] = Arrays.copyOf(out[k], n);
				return out;
			} catch (IOException | RuntimeException ex) {
				return null;
			}
		}
	}

	private final String dslName;
	private final String description;
	private final Set<Dimension> dimensions;
	private final boolean perCycle;
	private final boolean averageable;

	Metric(String dslName, String description, Set<Dimension> dimensions, boolean perCycle, boolean averageable) {
		this.dslName = dslName;
		this.description = description;
		this.dimensions = dimensions;
		this.perCycle = perCycle;
		this.averageable = averageable;
	}

	/** The name written after {@code expect}, e.g. {@code coulombic-efficiency}. */
	public String dslName() { return dslName; }

	public String description() { return description; }

	/** The dimensions a value of this metric may be written in; empty for {@link #STATUS} (a state, not a number). */
	public Set<Dimension> dimensions() { return dimensions; }

	/** Takes {@code of cycle N} (a metric read at a named point: its run in that cycle). */
	public boolean perCycle() { return perCycle; }

	/** Takes {@code average} (over all cycles). */
	public boolean averageable() { return averageable; }

	/** Read at a named point of the run ({@code at GROUP}), which it needs; the other metrics take none. */
	public boolean atPoint() { return this == CATHODE_INTERFACIAL_RESISTANCE; }

	/**
	 * Read at a protocol step ({@code of cycle N step 3.2}), which it may name; the other metrics take none. The step is
	 * numbered as the protocol is written and the run's messages and the report name it ({@link StepNumbers}).
	 */
	public boolean atStep() { return this == END_REASON || this == LAST_VOLTAGE || this == TEMPERATURE; }

	/** True for {@link #STATUS} and {@link #END_REASON}: compared with a word, not a number. */
	public boolean isState() { return dimensions.isEmpty(); }

	abstract Value measure(Run run, Expectation e);

	/** Evaluates the metric of an expectation on a run; never throws for a run that lacks the data (a missing value). */
	public Value evaluate(Run run, Expectation e) {
		try {
			return measure(run, e);
		} catch (RuntimeException ex) {
			return Value.missing("cannot read " + dslName + " from summary.json: " + ex.getMessage());
		}
	}

	public static Optional<Metric> find(String dslName) {
		for (Metric m : values())
			if (m.dslName.equals(dslName)) return Optional.of(m);
		return Optional.empty();
	}

	public static List<String> names() {
		return Arrays.stream(values()).map(Metric::dslName).toList();
	}

	/** {@code SHORT_CIRCUIT} -> {@code short-circuit}. */
	public static String stateName(String runStatus) {
		return runStatus.toLowerCase(Locale.ROOT).replace('_', '-');
	}

	// ------------------------------------------------------------------ helpers

	private static Dimension dimensionOf(Expectation e) {
		return e.getValue() != null && Units.isKnown(e.getValue().getUnit()) ? Units.dimensionOf(e.getValue()) : null;
	}

	private static boolean has(JsonObject o, String key) {
		JsonElement v = o.get(key);
		return v != null && !v.isJsonNull();
	}

	/** A number of the summary in its report unit, in SI. */
	private static Value number(JsonElement v, String reportUnit, String whyMissing) {
		if (v == null || v.isJsonNull()) return Value.missing(whyMissing);
		double x = v.getAsDouble();
		if (!Double.isFinite(x)) return Value.missing(whyMissing);
		return Value.of(Units.parse(reportUnit).toSI(x));
	}

	/** The mean over the cycles (from {@code from cycle N}, else all) that have the value. */
	private static Value average(Run run, Expectation e, String key, String unit) {
		double sum = 0;
		int n = 0;
		JsonArray cycles = run.cycles();
		for (int i = Math.max(0, e.getFromCycle() - 1); i < cycles.size(); i++) {
			JsonObject o = cycles.get(i).getAsJsonObject();
			if (has(o, key)) {
				sum += o.get(key).getAsDouble();
				n++;
			}
		}
		return n == 0 ? Value.missing("no cycle has a " + key) : Value.of(Units.parse(unit).toSI(sum / n));
	}

	/**
	 * Why cycle {@code n} (its summary.json element {@code cycle}) has no efficiency, as its run recorded it
	 * (SummaryJsonWriter.noEfficiency: CycleBook's reason) with its capacities; a run folder written before it recorded
	 * the reason (session 29) is told both it may be, as it was then.
	 */
	private static String noEfficiency(JsonObject cycle, int n) {
		CycleSummary.NoEfficiency why = SummaryJsonWriter.noEfficiency(cycle);
		return "cycle " + n + " has no efficiency" + (why != null ? ": " + why.why() + "; charge " + cycle.get(SummaryKeys.CHARGE_MAH_CM2)
				+ ", discharge " + cycle.get(SummaryKeys.DISCHARGE_MAH_CM2) + " mAh/cm2"
				: " (it ran in one direction only, or not from one end of the discharge to the next: pulses, or a cell that started charged)");
	}

	/** 1-based: {@code of cycle N}, or the last cycle. */
	private static int cycleNumber(Run run, Expectation e) {
		return e.getCycle() > 0 ? e.getCycle() : run.cycles().size();
	}

	private static Optional<JsonObject> cycle(Run run, Expectation e) {
		int n = cycleNumber(run, e);
		JsonArray c = run.cycles();
		return n >= 1 && n <= c.size() ? Optional.of(c.get(n - 1).getAsJsonObject()) : Optional.empty();
	}

	/** "cycle 3", "cycles 2-4", "cycles 1, 3, 5-7" (the first six runs of numbers, then "..."). */
	static String cycleRanges(java.util.SortedSet<Integer> cycles) {
		List<String> out = new ArrayList<>();
		Integer from = null, to = null;
		for (int c : cycles) {
			if (to != null && c == to + 1) {
				to = c;
				continue;
			}
			if (from != null) out.add(from.equals(to) ? "" + from : from + "-" + to);
			from = to = c;
		}
		if (from != null) out.add(from.equals(to) ? "" + from : from + "-" + to);
		String list = out.size() > 6 ? String.join(", ", out.subList(0, 6)) + ", ..." : String.join(", ", out);
		return (cycles.size() == 1 ? "cycle " : "cycles ") + list;
	}

	/** A step of summary.json's cycle (an element of its steps), named as messages name it, or why there is none. */
	private record StepRead(JsonObject step, String name, String missing) {}

	/**
	 * The step of {@code of cycle N step K} in summary.json: of cycle N's steps the (last) one numbered K as the protocol
	 * is written (the step's {@link SummaryKeys#STEP_NUMBER}), or without {@code step} the cycle's last step.
	 */
	private static StepRead step(Run run, Expectation e) {
		Optional<JsonObject> c = cycle(run, e);
		int n = cycleNumber(run, e);
		if (c.isEmpty()) return new StepRead(null, null, notReached(run, e).missing());
		JsonArray steps = c.get().get(SummaryKeys.STEPS) instanceof JsonArray a ? a : new JsonArray();
		if (steps.isEmpty()) return new StepRead(null, null, "cycle " + n + " recorded no step that passed current or held a voltage");
		if (e.getStep() == null) {
			JsonObject last = steps.get(steps.size() - 1).getAsJsonObject();
			return new StepRead(last, "the last step of cycle " + n, null);
		}
		List<String> ran = new ArrayList<>();
		JsonObject found = null;
		for (JsonElement s : steps) {
			JsonElement number = s.getAsJsonObject().get(SummaryKeys.STEP_NUMBER);
			if (number == null || !number.isJsonPrimitive())
				return new StepRead(null, null, "this run's summary.json does not number its steps as the protocol is written (written before"
						+ " session 31): run the experiment again to read step " + e.getStep());
			if (!ran.contains(number.getAsString())) ran.add(number.getAsString());
			if (number.getAsString().equals(e.getStep())) found = s.getAsJsonObject();
		}
		if (found == null) return new StepRead(null, null, "step " + e.getStep() + " did not run in cycle " + n + " (its steps: " + String.join(", ", ran) + ")");
		return new StepRead(found, "cycle " + n + ", step " + e.getStep(), null);
	}

	private static Value notReached(Run run, Expectation e) {
		int size = run.cycles().size();
		return Value.missing(size == 0 ? "the run has no cycles" : "cycle " + cycleNumber(run, e) + " was not reached (the run has " + size + ")");
	}
}

package org.cellwright.cli.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cellwright.run.CellFiles;
import org.cellwright.run.Checks;
import org.cellwright.run.Plans;
import org.cellwright.model.Experiment;
import org.cellwright.testing.Cli;
import org.cellwright.testing.PlatingCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * How expect clauses are evaluated, on small synthetic summary.json contents: the value read for each metric,
 * the unit conversion and the PASS/FAIL rule; then the command line's table, checks.json and exit code 3.
 */
class ChecksTest {

	@TempDir Path tmp;

	static final String CELL = PlatingCell.cell("t", "2.5 mS/cm", "5 MPa") + PlatingCell.protocol("0.1 mA/cm2");

	/** Three cycles: CE 0.90, 0.99, 0.999; discharge 2.0, 1.9, 1.8 mAh/cm2 (200, 190, 180 mAh/g); shorted in cycle 3 at 42.5 h. */
	static final String SUMMARY = """
			{"status":"SHORT_CIRCUIT","nucleation_overpotential_mV":14.4,"end_time_h":42.5,
			 "short_circuit":{"cycle":3,"time_h":42.5,"reason":"Li penetrates the SE"},
			 "cycles":[
			  {"index":1,"charge_mAh_cm2":1.8,"discharge_mAh_cm2":2.0,"coulombic_efficiency":0.90,"discharge_mAh_g":200.0},
			  {"index":2,"charge_mAh_cm2":1.881,"discharge_mAh_cm2":1.9,"coulombic_efficiency":0.99,"discharge_mAh_g":190.0},
			  {"index":3,"charge_mAh_cm2":1.7982,"discharge_mAh_cm2":1.8,"coulombic_efficiency":0.999,"discharge_mAh_g":180.0}]}
			""";

	List<Checks.Check> evaluate(String expects) throws Exception {
		return evaluate(expects, SUMMARY);
	}

	List<Checks.Check> evaluate(String expects, String summary) throws Exception {
		Path f = tmp.resolve("t.cell");
		Files.writeString(f, CELL + "experiment X { cell C protocol P\n" + expects + "\n}\n");
		CellFiles loaded = CellFiles.load(List.of(f));
		assertFalse(loaded.hasErrors(), loaded.problems().toString());
		return evaluate(loaded.experiments("X").get(0), summary);
	}

	Checks.Check one(String expect) throws Exception {
		List<Checks.Check> c = evaluate(expect);
		assertEquals(1, c.size());
		return c.get(0);
	}

	@Test
	void nucleationInTheExpectationsUnit() throws Exception {
		Checks.Check c = one("expect \"nucleation, bare\": nucleation-overpotential = 14.2 mV within 2 mV source \"10.1002/adma.202210835\"");
		assertTrue(c.pass());
		assertEquals(14.4, c.simulatedValue(), 1e-9);
		assertEquals("14.2 mV ± 2 mV", c.expected());
		assertEquals("nucleation, bare", c.quantity());
		assertEquals("10.1002/adma.202210835", c.source());
		assertEquals(9, c.line(), "the line of the expect clause");
		// the same number in V: converted by the Units table, 14.4 mV = 0.0144 V
		Checks.Check v = one("expect nucleation-overpotential = 0.0142 V within 0.0001 V");
		assertEquals(0.0144, v.simulatedValue(), 1e-12);
		assertFalse(v.pass(), "0.0144 V is 0.0002 V from 0.0142 V, outside 0.0001 V");
	}

	/**
	 * The command line's table names a labelled check by its label and what it reads, as the IDE's Checks tab does
	 * (Checks.named); session 26 saw kim2025.cell's "crossrail resistance, 62 wt%, 30 degC" alone. A check without a
	 * label is its clause as written, once.
	 */
	@Test
	void theTableNamesALabelledChecksMetric() throws Exception {
		List<Checks.Check> c = evaluate("expect \"first efficiency\": coulombic-efficiency of cycle 1 = 89.4 % within 1 %\n"
				+ "expect average coulombic-efficiency from cycle 2 = 99.45 % within 0.01 %");
		assertEquals("first efficiency", c.get(0).quantity(), "checks.json keeps the label (the Checks tab has a Reads column)");
		java.io.StringWriter s = new java.io.StringWriter();
		Checks.printTable(new java.io.PrintWriter(s, true), c);
		String table = s.toString();
		assertTrue(table.contains("  first efficiency (coulombic-efficiency of cycle 1)  "), table);
		assertTrue(table.contains("  average coulombic-efficiency from cycle 2  "), table);
		assertFalse(table.contains("from cycle 2 ("), table);
	}

	@Test
	void coulombicEfficiencyOfACycleAndAverage() throws Exception {
		Checks.Check first = one("expect coulombic-efficiency of cycle 1 = 89.4 % within 1 %");
		assertEquals(90.0, first.simulatedValue(), 1e-9);
		assertTrue(first.pass());
		assertFalse(one("expect coulombic-efficiency of cycle 1 = 89.4 % within 0.5 %").pass());
		assertEquals(99.9, one("expect coulombic-efficiency = 99 % within 1 %").simulatedValue(), 1e-9, "without 'of cycle': the last cycle");
		Checks.Check avg = one("expect average coulombic-efficiency = 96 % within 1 %");
		assertEquals((90 + 99 + 99.9) / 3, avg.simulatedValue(), 1e-9);
		assertTrue(avg.pass());
		Checks.Check later = one("expect average coulombic-efficiency from cycle 2 = 99.45 % within 0.01 %");
		assertEquals((99 + 99.9) / 2, later.simulatedValue(), 1e-9, "cycles 2 and 3 only");
		assertTrue(later.pass());
		assertEquals("average coulombic-efficiency from cycle 2", later.quantity(), "without a label: the metric as written");
		assertEquals(0.999, one("expect coulombic-efficiency of cycle 3 > 0.99").simulatedValue(), 1e-12, "a plain fraction");
		Checks.Check missing = one("expect coulombic-efficiency of cycle 35 > 99 %");
		assertFalse(missing.pass(), "a cycle the run never reached fails");
		assertNull(missing.simulatedValue());
		assertTrue(missing.note().contains("not reached"), missing.note());
	}

	/**
	 * The efficiency a check reads is the one the run recorded (cycles.csv, summary.json, the CLI alike): a stripping that
	 * passed no charge is 0 %, a plating alone has none (null). Checks called both missing before, by their own rule
	 * (both capacities above 0).
	 */
	@Test
	void coulombicEfficiencyAsTheRunRecordsIt() throws Exception {
		String summary = """
				{"status":"COMPLETED","cycles":[
				 {"index":1,"charge_mAh_cm2":0.0,"discharge_mAh_cm2":1.0,"coulombic_efficiency":0.0},
				 {"index":2,"charge_mAh_cm2":0.9,"discharge_mAh_cm2":1.0,"coulombic_efficiency":0.9},
				 {"index":3,"charge_mAh_cm2":0.0,"discharge_mAh_cm2":1.0,"coulombic_efficiency":null},
				 {"index":4,"charge_mAh_cm2":0.99,"discharge_mAh_cm2":1.0e-5,"coulombic_efficiency":null,"efficiency_unresolved":true},
				 {"index":5,"charge_mAh_cm2":0.5,"discharge_mAh_cm2":0.4,"coulombic_efficiency":null,"no_efficiency":"not-brought-back"},
				 {"index":6,"charge_mAh_cm2":1.0e-6,"discharge_mAh_cm2":1.0,"coulombic_efficiency":null,"no_efficiency":"one-direction"}]}
				""";
		Checks.Check nothingBack = evaluate("expect coulombic-efficiency of cycle 1 < 50 %", summary).get(0);
		assertEquals(0.0, nothingBack.simulatedValue(), 1e-12, "a stripping that gave nothing back: " + nothingBack.note());
		assertTrue(nothingBack.pass());
		Checks.Check plating = evaluate("expect coulombic-efficiency of cycle 3 < 50 %", summary).get(0);
		assertNull(plating.simulatedValue());
		assertTrue(plating.note().contains("one direction only"), plating.note());
		// a cycle that stored too little to resolve an efficiency (CycleBook.resolves, session 27: 9 974 631 % before)
		Checks.Check tiny = evaluate("expect coulombic-efficiency of cycle 4 < 50 %", summary).get(0);
		assertNull(tiny.simulatedValue());
		assertFalse(tiny.pass(), "a missing efficiency does not pass: " + tiny.note());
		assertTrue(tiny.note().contains("cycle 4 has no efficiency: it stored too little to resolve one"), tiny.note());
		// the reason summary.json records (no_efficiency, session 29), one and not both: a run folder written before
		// (cycle 3) is told both, as it was
		String pulses = evaluate("expect coulombic-efficiency of cycle 5 < 50 %", summary).get(0).note();
		assertTrue(pulses.contains("cycle 5 has no efficiency: it did not run from one end of the discharge to the next") && !pulses.contains("one direction"), pulses);
		String oneWay = evaluate("expect coulombic-efficiency of cycle 6 < 50 %", summary).get(0).note();
		assertTrue(oneWay.contains("cycle 6 has no efficiency: it ran in one direction only") && !oneWay.contains("pulses"), oneWay);
		assertTrue(plating.note().contains("one direction only, or not from one end of the discharge to the next"), plating.note());
		Checks.Check avg = evaluate("expect average coulombic-efficiency = 45 % within 0.1 %", summary).get(0);
		assertEquals(45.0, avg.simulatedValue(), 1e-9, "cycles 1 and 2; cycles 3 and 4 have none");
	}

	@Test
	void capacityAndRetention() throws Exception {
		assertEquals(200.0, one("expect discharge-capacity of cycle 1 = 207.8 mAh/g within 10 mAh/g").simulatedValue(), 1e-9);
		assertEquals(1.9, one("expect discharge-capacity of cycle 2 > 1 mAh/cm2").simulatedValue(), 1e-9);
		assertEquals(90.0, one("expect capacity-retention = 90 % within 0.1 %").simulatedValue(), 1e-9, "last over cycle 1");
		Checks.Check rel = one("expect capacity-retention of cycle 3 relative to cycle 2 = 94.7 % within 0.1 %");
		assertEquals(100 * 1.8 / 1.9, rel.simulatedValue(), 1e-9);
		assertTrue(rel.pass());
	}

	/**
	 * A reference cycle written as 'relative to cycle M' must have discharged a charge a cycler resolves (1e-5 of the
	 * cell's lithium, which each cycle of summary.json records since session 40: lithium_mAh_cm2), the rule of the run's
	 * own retention and first discharge: the expectation divided by any discharge above 0, and two discharges of
	 * 1.2e-10 mAh/cm2 (cell 7 formed at 1 MPa and cycled at 5 MPa, session 38) read 99.99999998 %. Now it fails, missing,
	 * with why, at the clause's file and line. A run folder written before records no lithium: read as before, with a
	 * note that says the reference was not checked.
	 */
	@Test
	void aReferenceCycleThatDischargedLessThanACyclerResolvesIsNoReference() throws Exception {
		String summary = """
				{"status":"COMPLETED","cycles":[
				 {"index":1,"charge_mAh_cm2":3.0,"discharge_mAh_cm2":2.8,"lithium_mAh_cm2":6.0},
				 {"index":2,"charge_mAh_cm2":1.2e-10,"discharge_mAh_cm2":1.2e-10,"lithium_mAh_cm2":6.0},
				 {"index":3,"charge_mAh_cm2":1.2e-10,"discharge_mAh_cm2":1.19999999981e-10,"lithium_mAh_cm2":6.0}]}
				""";
		Checks.Check tiny = evaluate("expect capacity-retention of cycle 3 relative to cycle 2 > 90 %", summary).get(0);
		assertNull(tiny.simulatedValue(), "no reference: " + tiny.simulated());
		assertFalse(tiny.pass());
		assertEquals("the reference cycle 2's discharge, 1.20e-10 mAh/cm2, is too small to be a reference: below 1e-5 of the cell's"
				+ " lithium, the charge a cycler resolves, as for a Coulombic efficiency (6.00e-05 of 6.00 mAh/cm2)", tiny.note());
		assertEquals(9, tiny.line(), "at the expect clause's line");
		assertTrue(tiny.file().endsWith("t.cell"), tiny.file());
		java.io.StringWriter table = new java.io.StringWriter();
		Checks.printTable(new java.io.PrintWriter(table, true), List.of(tiny));
		assertTrue(table.toString().contains("(the reference cycle 2's discharge, 1.20e-10 mAh/cm2, is too small to be a reference"), table.toString());
		// a reference that passed a charge a cycler resolves: as before, and nothing to note
		Checks.Check real = evaluate("expect capacity-retention of cycle 3 relative to cycle 1 < 1 %", summary).get(0);
		assertEquals(100 * 1.19999999981e-10 / 2.8, real.simulatedValue(), 1e-15);
		assertTrue(real.pass());
		assertNull(real.note());
		// a folder written before session 40: no lithium to take 1e-5 of; the reference taken as it was, and noted
		Checks.Check old = evaluate("expect capacity-retention of cycle 3 relative to cycle 2 > 90 %", summary.replace(",\"lithium_mAh_cm2\":6.0", "")).get(0);
		assertEquals(99.99999998, old.simulatedValue(), 1e-6, "as before: " + old.note());
		assertTrue(old.pass());
		assertEquals("summary.json records no lithium of the cell (written before session 40): cycle 2's discharge is taken as the reference"
				+ " whatever it passed, not checked against 1e-5 of the cell's lithium, the charge a cycler resolves, as for a Coulombic efficiency",
				old.note());
	}

	/**
	 * The average of a capacity is over the cycles that have it, from the cycle written ('from cycle 2': cycles 2 and
	 * 3), and a tolerance in another unit than the value is converted to the value's (1.9 mAh/cm2 within 40 uAh/cm2
	 * fails at 1.85, 50 uAh/cm2 off, within 40 uAh/cm2: not "within 40 mAh/cm2"). Mutation audit, session 19: the average from one cycle
	 * late, the average over every cycle (those without the value as 0), and the tolerance read without its unit passed
	 * every test.
	 */
	@Test
	void averagesFromACycleOverTheCyclesThatHaveTheValueAndToleranceInItsOwnUnit() throws Exception {
		assertEquals(1.85, one("expect average discharge-capacity from cycle 2 = 1.85 mAh/cm2 within 0.001 mAh/cm2").simulatedValue(), 1e-9,
				"cycles 2 and 3");
		assertEquals(1.9, one("expect average discharge-capacity = 1.9 mAh/cm2 within 0.001 mAh/cm2").simulatedValue(), 1e-9);
		String summary = """
				{"status":"COMPLETED","cycles":[
				 {"index":1,"charge_mAh_cm2":1.0,"discharge_mAh_cm2":2.0},
				 {"index":2,"charge_mAh_cm2":1.0,"discharge_mAh_cm2":null},
				 {"index":3,"charge_mAh_cm2":1.0,"discharge_mAh_cm2":1.0}]}
				""";
		Checks.Check avg = evaluate("expect average discharge-capacity = 1.5 mAh/cm2 within 0.001 mAh/cm2", summary).get(0);
		assertEquals(1.5, avg.simulatedValue(), 1e-9, "cycles 1 and 3; cycle 2 has none");
		// 1.85 is 0.05 mAh/cm2 = 50 uAh/cm2 off
		Checks.Check tight = one("expect average discharge-capacity from cycle 2 = 1.9 mAh/cm2 within 40 uAh/cm2");
		assertEquals(0.04, tight.tolerance(), 1e-12, "in the value's unit, mAh/cm2");
		assertFalse(tight.pass(), "outside 40 uAh/cm2, not inside a 40 mAh/cm2 band");
		assertTrue(one("expect average discharge-capacity from cycle 2 = 1.9 mAh/cm2 within 60 uAh/cm2").pass());
	}

	/**
	 * Without 'of cycle' the retention is the run's (summary.json's capacity_retention: the last cycle with a discharge
	 * step over the first one's), as the report gives it: a protocol closing with a charge alone read 0 % (fuzz,
	 * session 18). With 'of cycle' it is that cycle's, as written.
	 */
	@Test
	void retentionWithoutACycleIsTheRunsOverTheCyclesThatDischarged() throws Exception {
		String summary = """
				{"status":"COMPLETED","capacity_retention":0.95,"cycles":[
				 {"index":1,"charge_mAh_cm2":2.1,"discharge_mAh_cm2":2.0,"coulombic_efficiency":0.95},
				 {"index":2,"charge_mAh_cm2":2.0,"discharge_mAh_cm2":1.9,"coulombic_efficiency":0.95},
				 {"index":3,"charge_mAh_cm2":1.9,"discharge_mAh_cm2":0.0,"coulombic_efficiency":null}]}
				""";
		Checks.Check run = evaluate("expect capacity-retention > 90 %", summary).get(0);
		assertEquals(95.0, run.simulatedValue(), 1e-9, "cycle 2 over cycle 1, not the closing charge's 0 %");
		assertTrue(run.pass());
		assertEquals(0.0, evaluate("expect capacity-retention of cycle 3 < 1 %", summary).get(0).simulatedValue(), 1e-9, "as written");
		Checks.Check none = evaluate("expect capacity-retention > 90 %", summary.replace("0.95,\"cycles", "null,\"cycles")).get(0);
		assertNull(none.simulatedValue());
		assertTrue(none.note().contains("no two full discharges of the same steps"), none.note());
		// and why, where summary.json says (capacity_retention_reason, session 39)
		Checks.Check why = evaluate("expect capacity-retention > 90 %", summary.replace("0.95,\"cycles", "null,\"capacity_retention_reason\":"
				+ "\"no earlier full discharge ran cycle 3's discharge steps\",\"cycles")).get(0);
		assertEquals("the run has no capacity retention: no earlier full discharge ran cycle 3's discharge steps", why.note());
	}

	@Test
	void statusEndTimeAndShortCircuitCycle() throws Exception {
		Checks.Check s = one("expect status = short-circuit");
		assertTrue(s.pass());
		assertEquals("short-circuit", s.simulated());
		assertNull(s.expectedValue());
		assertFalse(one("expect status = completed").pass());
		Checks.Check t = one("expect end-time < 100 h");
		assertTrue(t.pass());
		assertEquals(42.5, t.simulatedValue(), 1e-9);
		assertEquals("< 100 h", t.expected());
		assertFalse(one("expect end-time > 250 h").pass());
		assertEquals(42.5 * 60, one("expect end-time > 1000 min").simulatedValue(), 1e-9, "in the expectation's unit");
		assertTrue(one("expect short-circuit-cycle < 50").pass());
		assertFalse(one("expect short-circuit-cycle < 3").pass());
		assertEquals(3.0, one("expect cycles = 3 within 0.5").simulatedValue(), 1e-9);
	}

	/**
	 * A soft short (summary.json's soft_short, with its cycle and reason) is asserted as a hard short is: the run
	 * reported it, but no metric read it (session 30). Missing, and so failing with the reason, without one.
	 */
	@Test
	void softShortCycle() throws Exception {
		String summary = SUMMARY.replace("\"short_circuit\"", "\"soft_short\":{\"cycle\":2,\"step\":3,\"time_h\":20.5,"
				+ "\"reason\":\"soft short: the charge ran into its time limit\"},\"short_circuit\"");
		Checks.Check c = evaluate("expect soft-short-cycle < 3", summary).get(0);
		assertTrue(c.pass(), c.toString());
		assertEquals(2.0, c.simulatedValue(), 1e-12);
		assertFalse(evaluate("expect soft-short-cycle > 2", summary).get(0).pass());
		Checks.Check none = one("expect soft-short-cycle < 50");
		assertFalse(none.pass());
		assertNull(none.simulatedValue());
		assertTrue(none.note().contains("no soft short was reported"), none.note());
	}

	/** A half cell: a plating, then twice a stripping to 0.2 V and a plating; its steps as the report lists them: 1, 2, 2.1, 2.2. */
	static final String REPEATED = PlatingCell.cell("t", "2.5 mS/cm", "5 MPa") + """
			protocol P { discharge at 0.1 mA/cm2 for 1 h
				repeat 2 { charge at 0.1 mA/cm2 until 0.2 V for 2 h  discharge at 0.1 mA/cm2 for 1 h } }
			""";

	/**
	 * Its run as summary.json records it: each step with its flattened index (timeseries.csv's step) and its number as
	 * written (StepNumbers); cycle 3's plating ended by a solver failure at -0.5 V.
	 */
	static final String STEPS_SUMMARY = """
			{"status":"NOT_CONVERGED","end_time_h":5.5,"cycles":[
			 {"index":1,"steps":[{"step":0,"number":"1","end":"duration","end_voltage_V":-0.01},
			   {"step":1,"number":"2.1","end":"voltage-cutoff","end_voltage_V":0.2}]},
			 {"index":2,"steps":[{"step":2,"number":"2.2","end":"duration","end_voltage_V":-0.011},
			   {"step":3,"number":"2.1","end":"voltage-cutoff","end_voltage_V":0.2003}]},
			 {"index":3,"steps":[{"step":4,"number":"2.2","end":"solver-failure","end_voltage_V":-0.5}]}]}
			""";

	List<Checks.Check> evaluateIn(String file, String expects, String summary) throws Exception {
		Path f = tmp.resolve("t.cell");
		Files.writeString(f, file + "experiment X { cell C protocol P\n" + expects + "\n}\n");
		CellFiles loaded = CellFiles.load(List.of(f));
		assertFalse(loaded.hasErrors(), loaded.problems().toString());
		return evaluate(loaded.experiments("X").get(0), summary);
	}

	/** The checks of experiment x on a run of the summary in tmp, evaluated as the pipeline evaluates them: on x's unit. */
	private List<Checks.Check> evaluate(Experiment x, String summary) {
		return Checks.evaluate(Plans.unit(x, x.getName(), null, true, Map.of(), Map.of()), JsonParser.parseString(summary).getAsJsonObject(), tmp);
	}

	/**
	 * How a step ended and the voltage it ended at, of the step named as the report lists it (a step of a repeat: its run
	 * in the cycle), in cycles.csv's words: walk30 found them recorded but not assertable (issue 13: a step ends by its
	 * own condition and says how).
	 */
	@Test
	void endReasonAndLastVoltageOfAStepOfACycle() throws Exception {
		List<Checks.Check> c = evaluateIn(REPEATED, """
				expect end-reason of cycle 2 step 2.1 = voltage-cutoff
				expect end-reason of cycle 3 = voltage-cutoff
				expect last-voltage of cycle 2 step 2.1 = 0.2 V within 1 mV
				expect last-voltage of cycle 2 step 2.1 = 200 mV within 0.1 mV
				expect end-reason of cycle 1 step 2.2 = duration
				expect last-voltage of cycle 4 step 2.2 < 0 V
				""", STEPS_SUMMARY);
		assertTrue(c.get(0).pass(), c.get(0).toString());
		assertEquals("voltage-cutoff", c.get(0).simulated());
		assertEquals("end-reason of cycle 2 step 2.1", c.get(0).quantity());
		assertFalse(c.get(1).pass(), "without 'step': the cycle's last step, which ended by the solver");
		assertEquals("solver-failure", c.get(1).simulated());
		assertTrue(c.get(2).pass(), c.get(2).toString());
		assertEquals(0.2003, c.get(2).simulatedValue(), 1e-9);
		assertFalse(c.get(3).pass(), "200.3 mV is 0.3 mV from 200 mV");
		assertEquals(200.3, c.get(3).simulatedValue(), 1e-9, "in the expectation's unit");
		assertFalse(c.get(4).pass());
		assertTrue(c.get(4).note().contains("step 2.2 did not run in cycle 1 (its steps: 1, 2.1)"), c.get(4).note());
		assertTrue(c.get(5).note().contains("cycle 4 was not reached"), c.get(5).note());
		// a run folder written before steps were numbered in summary.json: run it again
		Checks.Check old = evaluateIn(REPEATED, "expect end-reason of cycle 2 step 2.1 = voltage-cutoff",
				STEPS_SUMMARY.replaceAll("\"number\":\"[0-9.]+\",", "")).get(0);
		assertFalse(old.pass());
		assertTrue(old.note().contains("run the experiment again"), old.note());
	}

	/**
	 * The cell's temperature in every record of a cycle (or of a step of it): the record farthest from the value
	 * expected. Cycle 1 takes in the records before the first current (timeseries.csv's cycle 0), so the first record
	 * counts: issue 13's 'set temperature to 20 degC' that recorded 298.15 K first fails the check.
	 */
	@Test
	void temperatureOfEveryRecordOfACycle() throws Exception {
		String header = "time_h,step,cycle,voltage_V,current_mA_cm2,temperature_K\n";
		Files.writeString(tmp.resolve("timeseries.csv"), header
				+ "0,0,0,0,0,293.15\n0.5,0,1,-0.01,-0.1,293.15\n1,0,1,-0.01,-0.1,293.16\n2,1,1,0.2,0.1,293.2\n3,2,2,-0.01,-0.1,298.15\n");
		List<Checks.Check> c = evaluateIn(REPEATED, """
				expect temperature of cycle 1 = 20 degC within 0.1 K
				expect temperature of cycle 1 = 20 degC within 0.01 K
				expect temperature of cycle 2 step 2.2 < 26 degC
				expect temperature of cycle 1 step 1 = 293.15 K within 0.02 K
				expect temperature of cycle 1 > 20.01 degC
				""", STEPS_SUMMARY);
		assertTrue(c.get(0).pass(), c.get(0).toString());
		assertEquals(20.05, c.get(0).simulatedValue(), 1e-9, "the record farthest from 20 degC, 293.2 K");
		assertFalse(c.get(1).pass(), c.get(1).toString());
		assertTrue(c.get(2).pass(), c.get(2).toString());
		assertEquals(25.0, c.get(2).simulatedValue(), 1e-9);
		assertTrue(c.get(3).pass(), "the plating's records alone: 293.15 and 293.16 K; " + c.get(3));
		assertFalse(c.get(4).pass(), "'>' reads the lowest record, 20 degC: " + c.get(4));
		// the first record at the cell's 25 degC though the protocol set 20 degC: cycle 1 fails
		Files.writeString(tmp.resolve("timeseries.csv"), header + "0,0,0,0,0,298.15\n0.5,0,1,-0.01,-0.1,293.15\n");
		Checks.Check first = evaluateIn(REPEATED, "expect temperature of cycle 1 = 20 degC within 0.1 K", STEPS_SUMMARY).get(0);
		assertFalse(first.pass());
		assertEquals(25.0, first.simulatedValue(), 1e-9);
	}

	@Test
	void dealloyingCapacityFromTheTimeSeries() throws Exception {
		// Li in the host: 0.6 -> 0.55 -> 0.62 -> 0.2 -> 0.3 mAh/cm2: the largest drop is 0.42
		Files.writeString(tmp.resolve("timeseries.csv"), "time_h,voltage_V,li_host_mAh_cm2\n0,4,0.6\n1,4,0.55\n2,4,0.62\n3,3.3,0.2\n4,3,0.3\n");
		assertEquals(0.42, one("expect dealloying-capacity > 0.1 mAh/cm2").simulatedValue(), 1e-9);
	}

	/**
	 * A liquid-electrolyte (DFN) run's li_host_mAh_cm2 is its graphite's Li: dealloying-capacity read its discharge as a
	 * de-alloying plateau (0.8 mAh/cm2 for a 30 min US06 drive cycle of the Chen 2020 cell, PASS). It is missing there
	 * and says why. Found by fuzzing, session 15. The run is told a liquid-electrolyte one by its unit's cell (the
	 * library's Chen 2020 cell), as the pipeline evaluates it.
	 */
	@Test
	void dealloyingCapacityIsMissingForALiquidElectrolyteCell() throws Exception {
		Files.writeString(tmp.resolve("timeseries.csv"), "time_h,voltage_V,li_host_mAh_cm2\n0,4,5\n1,3.5,2\n");
		Path f = Files.writeString(tmp.resolve("t.cell"), """
				package dfn
				import cellwright.sets.chen2020.*
				protocol P { discharge at 1 C until 2.5 V }
				experiment X { cell Chen2020LGM50 protocol P
				  expect dealloying-capacity < 1 mAh/cm2 }
				""");
		CellFiles loaded = CellFiles.load(List.of(f));
		assertFalse(loaded.hasErrors(), loaded.problems().toString());
		List<Checks.Check> checks = evaluate(loaded.experiments("X").get(0), SUMMARY);
		assertEquals(1, checks.size());
		Checks.Check c = checks.get(0);
		assertNull(c.simulatedValue());
		assertFalse(c.pass());
		assertTrue(c.note().contains("has no alloy host"), c.note());
	}

	@Test
	void theRunPrintsTheTableWritesChecksJsonAndExitsWith3OnAFailure() throws Exception {
		Path f = tmp.resolve("run.cell");
		Files.writeString(f, CELL + """
				experiment Good { cell C protocol P
					expect "plated": discharge-capacity of cycle 1 = 0.1 mAh/cm2 within 0.001 mAh/cm2
				}
				experiment Bad { cell C protocol P
					expect "plated, wrong on purpose": discharge-capacity of cycle 1 = 5 mAh/cm2 within 0.1 mAh/cm2 source "10.1/x"
				}
				""");
		Path out = tmp.resolve("out");
		Cli.Result r = Cli.cli("run", f.toString(), "--out", out.toString());
		assertEquals(3, r.rc(), r.out() + r.err());
		assertTrue(r.out().lines().anyMatch(l -> l.contains("plated") && l.contains("Good") && l.contains("0.1 mAh/cm2 ± 0.001 mAh/cm2")
				&& l.endsWith("PASS")), r.out());
		assertTrue(r.out().lines().anyMatch(l -> l.contains("wrong on purpose") && l.contains("Bad") && l.endsWith("FAIL")), r.out());
		assertTrue(r.out().contains("1 of 2 checks pass"), r.out());
		JsonObject bad = JsonParser.parseString(Files.readString(CliTest.latest(out, "Bad").resolve("checks.json"))).getAsJsonObject();
		assertEquals("Bad", bad.get("experiment").getAsString());
		JsonObject c = bad.getAsJsonArray("checks").get(0).getAsJsonObject();
		assertEquals("plated, wrong on purpose", c.get("quantity").getAsString());
		assertEquals("discharge-capacity", c.get("metric").getAsString());
		assertEquals("5 mAh/cm2 ± 0.1 mAh/cm2", c.get("expected").getAsString());
		assertFalse(c.get("pass").getAsBoolean());
		assertEquals(5.0, c.get("expected_value").getAsDouble());
		assertEquals(0.1, c.get("tolerance").getAsDouble(), 1e-12);
		assertEquals(0.1, c.get("simulated_value").getAsDouble(), 1e-3);
		assertEquals("mAh/cm2", c.get("unit").getAsString());
		assertEquals("10.1/x", c.get("source").getAsString());
		assertTrue(c.get("file").getAsString().endsWith("run.cell"), c.toString());
		assertEquals(12, c.get("line").getAsInt());
		// all pass: exit code 0
		assertEquals(0, Cli.cli("run", f.toString(), "--experiment", "Good", "--out", tmp.resolve("out2").toString()).rc());
	}
}

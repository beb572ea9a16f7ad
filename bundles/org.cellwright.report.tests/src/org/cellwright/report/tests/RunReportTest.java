package org.cellwright.report.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.report.Decimation;
import org.cellwright.report.ReportException;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.report.RunReport;
import org.cellwright.report.StackDrawing;
import org.cellwright.run.dfn.DfnInputs;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.CurrentMode;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.output.SummaryKeys;
import org.cellwright.solver.params.Sung2023Parameters;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The report of one run folder: its sections, its SVG, the stack drawn to scale, decimation, checks, missing files. */
class RunReportTest {

	@TempDir static Path shared;
	@TempDir Path tmp;
	static Path full;
	static String fullHtml;

	@BeforeAll
	static void fullCellRun() throws Exception {
		full = Fixtures.fullCell(shared.resolve("FullCellWithInterlayer"), 2);
		Fixtures.checks(full, "FullCellWithInterlayer");
		Fixtures.mechanismMap(full);
		Path out = RunReport.write(full);
		assertEquals(full.resolve("report.html"), out);
		fullHtml = Files.readString(out);
	}

	/** A copy of the full cell's run folder (its files, not its subfolders) in this test's folder under the name, to alter. */
	Path copyOfFull(String name) throws java.io.IOException {
		Path run = tmp.resolve(name);
		Files.createDirectories(run);
		try (var files = Files.list(full)) {
			for (Path f : (Iterable<Path>) files::iterator) if (Files.isRegularFile(f)) Files.copy(f, run.resolve(f.getFileName()));
		}
		return run;
	}

	/**
	 * A report that cannot be written whole is not written at all and the previous one stays: a full disk (input25: a
	 * run into a tmpfs of 200 kB) left report.html cut off after 36 kB in the run folder, which Open Report showed.
	 * Here the writing fails as a full disk fails it, at the temporary file the page is written to first (a folder in
	 * its way); before, the page was written straight into report.html.
	 */
	@Test
	void aReportThatCannotBeWrittenWholeLeavesThePreviousOne() throws Exception {
		Path out = tmp.resolve("report.html");
		Files.writeString(out, "the previous report");
		Files.createDirectories(tmp.resolve(".report.html.tmp-" + ProcessHandle.current().pid() + "-" + Thread.currentThread().threadId()).resolve("x"));
		ReportException e = assertThrows(ReportException.class, () -> RunReport.write(full, out));
		assertTrue(e.getMessage().startsWith(out + ": cannot be written: "), e.getMessage());
		assertEquals("the previous report", Files.readString(out));
	}

	/** How the report's protocol list opens a step: its number as the run's messages name it (StepNumbers). */
	static final String N = "<li><span class=\"step-number\">";

	static final List<String> SECTIONS = List.of("key-numbers", "stack", "protocol", "voltage", "voltage-capacity", "cycling",
			"overpotentials", "lithium", "mechanism-map", "checks");

	@Test
	void everySectionIsThereWithItsContent() {
		for (String id : SECTIONS) assertTrue(fullHtml.contains("id=\"" + id + "\""), "section " + id);
		assertFalse(fullHtml.contains("Not available"), "every file is there, so every section has content");
		assertTrue(fullHtml.contains("<h1>FullCellWithInterlayer"), "titled with the experiment");
		assertTrue(fullHtml.contains("Cell6-full-interlayer"), "names the cell");
		assertTrue(fullHtml.contains("examples/test.cell:12"), "names where the experiment is defined");
		// the protocol as readable steps in lab units, each numbered as the run's messages name it (StepNumbers: a
		// repeat's steps after its number, "3.2"; walk30: a warning's "step 5" was no step of this list)
		String protocol = Svg.section(fullHtml, "protocol");
		String steps = protocol.substring(0, protocol.indexOf("<figure"));
		assertTrue(steps.contains(N + "1</span> charge at C/10 until V \u2265 4.3 V or for 15 h</li>"), steps);
		assertTrue(steps.contains(N + "3.2</span> discharge at 0.35C until V \u2264 2.8 V or for 5 h</li>"), steps);
		assertTrue(steps.contains(N + "3</span> repeat 2 \u00d7"), steps);
		assertTrue(protocol.contains("Applied current"), "with its current timeline");
		// key numbers from summary.json
		String keys = Svg.section(fullHtml, "key-numbers");
		assertTrue(keys.contains("first discharge capacity"), "key numbers");
		assertTrue(keys.contains("mAh/g"), "specific capacity of a full cell");
		// one figure per plot: current timeline, V(t), V(Q), capacity+CE, overpotentials, lithium, mechanism map
		assertEquals(7, Svg.seriesCounts(fullHtml).size(), "seven plots");
		// a summary.json without the solver's mechanism_map: the interlayer's pore size of inputs.json is marked
		assertTrue(Svg.section(fullHtml, "mechanism-map").contains("Li size in this cell 1 \u00b5m"), "the interlayer's pore size is marked");
	}

	/** A step that ended by solver fallback (summary.json {@code messages}, as the CLI prints it) is shown in the report. */
	@Test
	void aStepEndWarningIsShownUnderSolverMessages() throws Exception {
		assertFalse(fullHtml.contains("Solver messages"), "no messages, no such box");
		Path run = Fixtures.fullCell(shared.resolve("FullCellWithStepEndWarning"), 1);
		String warning = "warning: cycle 2, step 3 (solver-failure at 12.5 h): the discharge at 1.4 mA/cm2 ended at 3.512 V "
				+ "after 2.1 h without reaching 2.8 V: the solver found no solution of the next time step";
		Path summary = run.resolve("summary.json");
		com.google.gson.JsonObject s = com.google.gson.JsonParser.parseString(Files.readString(summary)).getAsJsonObject();
		com.google.gson.JsonArray messages = new com.google.gson.JsonArray();
		messages.add(warning);
		s.add("messages", messages);
		Files.writeString(summary, s.toString());
		String html = Files.readString(RunReport.write(run));
		int box = html.indexOf("<b>Solver messages</b>");
		assertTrue(box > 0, "a Solver messages box");
		assertTrue(html.indexOf("<li>" + warning + "</li>", box) > box, "the warning, whole, in that box");
	}

	/**
	 * The run's own warning that its mesh may miss the capacity target (CutoffSensitivity: three cycles of a 0.1 C
	 * charge and a 0.3 C discharge of cell 6 at -31 degC, whose discharges end on a shallow 2.8 V) is listed under
	 * Solver messages as the run's other warnings are, typed as one ("ACCURACY: warning: ..."; session 37 typed it
	 * INFO, so the report read "INFO: warning: cycle 1, step 1.2: mesh: ..."), the cycles after it counted.
	 */
	@Test
	void theMeshWarningIsShownUnderSolverMessagesAsAWarning() throws Exception {
		Path run = Fixtures.run(shared.resolve("ColdCycles"), "ColdCycles", Sung2023Parameters.cell6Full(65e6, 242.15),
				ProtocolSpec.of(StepSpec.repeat(3, StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600)),
						StepSpec.cRate(-0.3, Cutoff.duration(8 * 3600), Cutoff.voltageBelow(2.8)))));
		String html = Files.readString(RunReport.write(run));
		int box = html.indexOf("<b>Solver messages</b>");
		assertTrue(box > 0, "a Solver messages box");
		String list = html.substring(box, html.indexOf("</ul>", box));
		assertTrue(list.contains("<li>ACCURACY: warning: cycle 1, step 1.2: mesh: the cycle&#39;s discharge"), list);
		assertTrue(list.contains("<li>ACCURACY: warning: 2 later cycles"), list);
		assertFalse(list.contains("INFO: warning"), list);
	}

	/**
	 * A cycle that stored too little to resolve an efficiency (summary.json's efficiency_unresolved, CycleBook.resolves;
	 * session 27: a 1e-5 mAh/cm2 plating then a 0.99 mAh/cm2 stripping read 9 974 631 %) is a dash with that reason in
	 * the key numbers, not "not a full cycle".
	 */
	@Test
	void aCycleThatStoredTooLittleHasNoEfficiencyAndTheReportSaysWhy() throws Exception {
		Path run = Fixtures.fullCell(shared.resolve("FullCellStoredTooLittle"), 2);
		String keys = keyNumbersAfter(run, cycles -> noEfficiency(cycles.get(cycles.size() - 1), "efficiency_unresolved", new com.google.gson.JsonPrimitive(true)));
		assertTrue(keys.contains("<td>last Coulombic efficiency</td><td class=\"num\">\u2013 (stored too little)</td>"), keys);
	}

	/** The key numbers of the run after {@code edit} changed its summary.json's cycles (written back before the report). */
	static String keyNumbersAfter(Path run, java.util.function.Consumer<com.google.gson.JsonArray> edit) throws Exception {
		Path summary = run.resolve("summary.json");
		com.google.gson.JsonObject s = com.google.gson.JsonParser.parseString(Files.readString(summary)).getAsJsonObject();
		edit.accept(s.getAsJsonArray("cycles"));
		Files.writeString(summary, s.toString());
		return Svg.section(Files.readString(RunReport.write(run)), "key-numbers");
	}

	/** A cycle of summary.json given no efficiency and, where {@code why} is not null, its {@code member} saying why. */
	static void noEfficiency(com.google.gson.JsonElement cycle, String member, com.google.gson.JsonElement why) {
		cycle.getAsJsonObject().add("coulombic_efficiency", com.google.gson.JsonNull.INSTANCE);
		if (why != null) cycle.getAsJsonObject().add(member, why);
		else cycle.getAsJsonObject().remove(member);
	}

	/**
	 * The key numbers say why a cycle has no efficiency as summary.json records it ({@code no_efficiency}, CycleBook's
	 * reason, session 29), not by its capacities: a cycle that gave back and took in, whose record says nothing stored
	 * what it gave (a trickle of no direction: CycleBook), is "one direction only", where the capacities read "not a full
	 * cycle"; "stored nothing" is said. A folder written before, without the reason, reads as it did (by the capacities).
	 */
	@Test
	void theKeyNumbersSayWhyACycleHasNoEfficiencyAsSummaryJsonRecordsIt() throws Exception {
		Path run = Fixtures.fullCell(shared.resolve("FullCellNoEfficiencyReasons"), 2);
		String keys = keyNumbersAfter(run, cycles -> {
			com.google.gson.JsonObject first = cycles.get(0).getAsJsonObject();
			assertTrue(first.get("charge_mAh_cm2").getAsDouble() > 0 && first.get("discharge_mAh_cm2").getAsDouble() > 0, first::toString);
			noEfficiency(first, "no_efficiency", new com.google.gson.JsonPrimitive("one-direction"));
			noEfficiency(cycles.get(cycles.size() - 1), "no_efficiency", new com.google.gson.JsonPrimitive("stored-nothing"));
		});
		assertTrue(keys.contains("<td>first Coulombic efficiency</td><td class=\"num\">\u2013 (one direction only)</td>"), keys);
		assertTrue(keys.contains("<td>last Coulombic efficiency</td><td class=\"num\">\u2013 (stored nothing)</td>"), keys);
		// a run folder written before session 29: no reason recorded, both capacities passed
		keys = keyNumbersAfter(run, cycles -> {
			noEfficiency(cycles.get(0), "no_efficiency", null);
			noEfficiency(cycles.get(cycles.size() - 1), "no_efficiency", null);
		});
		assertTrue(keys.contains("<td>first Coulombic efficiency</td><td class=\"num\">\u2013 (not a full cycle)</td>"), keys);
		assertTrue(keys.contains("<td>last Coulombic efficiency</td><td class=\"num\">\u2013 (not a full cycle)</td>"), keys);
	}

	/**
	 * Pulses (session 19): a charge pulse opens a cycle whose discharge pulse does not bring the cell back; the solver
	 * records no efficiency for it (CycleBook.bringsTheCellBack) and the key numbers say why, not "one direction only"
	 * (the cycle ran in both); a last cycle of one charge pulse is "one direction only".
	 */
	@Test
	void aCycleOfPulsesHasNoEfficiencyAndTheReportSaysWhy() throws Exception {
		Path run = Fixtures.run(shared.resolve("Pulses"), "Pulses", Sung2023Parameters.cell6Full(65e6, Sung2023Parameters.T_ROOM),
				ProtocolSpec.of(StepSpec.cRate(0.5, Cutoff.duration(600)), StepSpec.cRate(-0.5, Cutoff.duration(60)), StepSpec.rest(60),
						StepSpec.cRate(0.5, Cutoff.duration(60))));
		String keys = Svg.section(Files.readString(RunReport.write(run)), "key-numbers");
		assertTrue(keys.contains("<td>first Coulombic efficiency</td><td class=\"num\">\u2013 (not a full cycle)</td>"), keys);
		// the last cycle, a charge pulse alone, ran in one direction only
		assertTrue(keys.contains("<td>last Coulombic efficiency</td><td class=\"num\">\u2013 (one direction only)</td>"), keys);
		// nor a first discharge: a pulse's read "first discharge, specific 0.58 mAh/g" on an HPPC (session 20)
		assertTrue(keys.contains("<td>first discharge capacity</td><td class=\"num\">\u2013 (no full discharge)</td>"), keys);
		assertFalse(keys.contains("first discharge, specific"), keys);
	}

	/**
	 * The Coulombic efficiency is drawn on its axis in %, as labelled ("Coulombic efficiency / %"): on the full cell's 3
	 * cycles (capacities of 2.6 to 3.1 mAh/cm2, cycle numbers 1 to 3) the only tick labels above 20 are the efficiency
	 * axis' (92 to 99 %), and none is above 110. (Mutation audit, session 21: the efficiency drawn as a fraction, ticks of
	 * 0.9 on the % axis, passed every other test.)
	 */
	@Test
	void theEfficiencyAxisIsInPercent() throws Exception {
		String cycling = Svg.section(fullHtml, "cycling");
		List<Double> high = new ArrayList<>();
		List<String> all = new ArrayList<>();
		for (String svg : Svg.elements(cycling)) {
			NodeList texts = Svg.parse(svg).getElementsByTagName("text");
			for (int i = 0; i < texts.getLength(); i++) {
				String t = texts.item(i).getTextContent().trim();
				all.add(t);
				if (t.matches("-?\\d+(\\.\\d+)?") && Double.parseDouble(t) > 20) high.add(Double.parseDouble(t));
			}
		}
		assertFalse(high.isEmpty(), "no tick labels in % on the efficiency axis: " + all);
		assertTrue(high.stream().allMatch(x -> x <= 110), all.toString());
	}

	/**
	 * The measured section's RMS error per step names a step of the simulation (a measurement without a step column:
	 * measured-comparison.json's steps_of "simulation") as the protocol list above it and the run's messages do
	 * (StepNumbers: "2 (test.cell line 21)"), not by the solver's index in the flattened protocol, from 0 (msg31b). That
	 * index starts at 1 for a protocol that opens with {@code set temperature} (the set is step 0) and at 0 for one
	 * without (ide31): in both, the first charge is named as the list numbers it. Steps the measurement counts itself
	 * are shown as it counts them.
	 */
	@Test
	void aStepOfTheSimulationInTheMeasuredSectionIsNamedAsTheProtocolListNumbersIt() throws Exception {
		for (boolean set : new boolean[] { false, true }) {
			java.util.List<org.cellwright.solver.input.StepSpec> steps = new java.util.ArrayList<>();
			java.util.List<String> places = new java.util.ArrayList<>();
			if (set) {
				steps.add(new org.cellwright.solver.input.StepSpec.SetTemperature(org.cellwright.solver.params.Sung2023Parameters.T_60C));
				places.add("test.cell line 20");
			}
			steps.addAll(org.cellwright.solver.params.Sung2023Parameters.fullCellCycling(1).steps());
			for (int line = 21; line <= 25; line++) places.add("test.cell line " + line);
			Path run = Fixtures.run(tmp.resolve(set ? "SetFirst" : "NoSet"), "FullCellWithInterlayer",
					org.cellwright.solver.params.Sung2023Parameters.cell6Full(5e6, org.cellwright.solver.params.Sung2023Parameters.T_60C),
					new org.cellwright.solver.input.ProtocolSpec("full-cell", steps, places));
			// the first charge's cycle and step as timeseries.csv has them (the solver's index: 1 after the set, else 0)
			org.cellwright.run.folder.CsvTable ts = org.cellwright.run.folder.RunFolder.read(run).timeseries();
			double[] step = ts.column("step"), cycle = ts.column("cycle"), current = ts.column("current_mA_cm2");
			int k = 0;
			while (!(current[k] > 0)) k++;
			int flat = (int) step[k];
			assertEquals(set ? 1 : 0, flat, "the machine column keeps the solver's index");
			String n = set ? "2" : "1";
			String html;
			Files.writeString(run.resolve("measured-comparison.json"), """
					{"file":"m.csv","points":10,"voltage_rms_V":0.004,"voltage_max_V":0.01,"voltage_rms_by_cycle_V":{"%1$d":0.004},
					 "voltage_rms_by_step_V":{"%1$d.%2$d":0.004},"steps_of":"simulation"}""".formatted((int) cycle[k], flat));
			html = Files.readString(RunReport.write(run));
			assertTrue(Svg.section(html, "protocol").contains(N + n + "</span> charge at C/10 until V \u2265 4.3 V or for 15 h"
					+ " <span class=\"step-place\">(test.cell line 21)</span>"), Svg.section(html, "protocol"));
			String m = Svg.section(html, "measured");
			assertTrue(m.contains("<tr><td class=\"num\">" + (int) cycle[k] + "</td><td class=\"num\">" + n + " (test.cell line 21)</td>"
					+ "<td class=\"num\">4 mV</td></tr>"), m);
			// a measurement with its own step column: its step counts as they are
			Files.writeString(run.resolve("measured-comparison.json"), """
					{"file":"m.csv","points":10,"voltage_rms_V":0.004,"voltage_max_V":0.01,"voltage_rms_by_cycle_V":{"1":0.004},
					 "voltage_rms_by_step_V":{"1.7":0.004},"steps_of":"measurement"}""");
			m = Svg.section(Files.readString(RunReport.write(run)), "measured");
			assertTrue(m.contains("<tr><td class=\"num\">1</td><td class=\"num\">7</td><td class=\"num\">4 mV</td></tr>"), m);
			// a folder written before session 31: no steps_of; the measurement kept beside it has no step column, so the
			// steps are the simulation's, named from the protocol the folder records (rev32: the raw key "0" was shown)
			Files.writeString(run.resolve("measured.bdf.csv"), "Test Time / s,Voltage / V\n0,3.6\n60,3.7\n");
			Files.writeString(run.resolve("measured-comparison.json"), """
					{"file":"m.csv","points":10,"voltage_rms_V":0.004,"voltage_max_V":0.01,"voltage_rms_by_cycle_V":{"%1$d":0.004},
					 "voltage_rms_by_step_V":{"%1$d.%2$d":0.004}}""".formatted((int) cycle[k], flat));
			m = Svg.section(Files.readString(RunReport.write(run)), "measured");
			assertTrue(m.contains("<tr><td class=\"num\">" + (int) cycle[k] + "</td><td class=\"num\">" + n + " (test.cell line 21)</td>"
					+ "<td class=\"num\">4 mV</td></tr>"), m);
			// with a step column, its own counts, as recorded
			Files.writeString(run.resolve("measured.bdf.csv"), "Test Time / s,Voltage / V,Step Count / 1\n0,3.6,1\n60,3.7,7\n");
			Files.writeString(run.resolve("measured-comparison.json"), """
					{"file":"m.csv","points":10,"voltage_rms_V":0.004,"voltage_max_V":0.01,"voltage_rms_by_cycle_V":{"1":0.004},
					 "voltage_rms_by_step_V":{"1.7":0.004}}""");
			m = Svg.section(Files.readString(RunReport.write(run)), "measured");
			assertTrue(m.contains("<tr><td class=\"num\">1</td><td class=\"num\">7</td><td class=\"num\">4 mV</td></tr>"), m);
			assertTrue(m.contains("steps as the measurement counts them"), m);
		}
	}

	/**
	 * The measured section's table of cycles gives a cycle's discharge capacities and their error, (simulated - measured)
	 * / measured as measured-comparison.json records it (a fraction, ErrorFigures.CycleCapacity), in %: 2.2 against
	 * 2.0 mAh is 10 %. (Mutation audit, session 21: the fraction printed with a % sign, "0.1 %", passed every other test;
	 * no report test had a measurement.)
	 */
	@Test
	void aCyclesCapacityErrorAgainstTheMeasurementIsInPercent() throws Exception {
		Path run = Fixtures.fullCell(tmp.resolve("Measured"), 1);
		Files.writeString(run.resolve("measured-comparison.json"), """
				{"file":"m.csv","points":10,"voltage_rms_V":0.012,"voltage_max_V":0.03,"voltage_rms_by_cycle_V":{"1":0.012},
				 "discharge_capacity_by_cycle":[{"cycle":1,"measured_discharge_mAh":2.0,"simulated_discharge_mAh":2.2,"relative_error":0.1}]}""");
		String m = Svg.section(Files.readString(RunReport.write(run)), "measured");
		assertTrue(m.contains("<tr><td class=\"num\">1</td><td class=\"num\">12 mV</td><td class=\"num\">2 mAh</td>"
				+ "<td class=\"num\">2.2 mAh</td><td class=\"num\">10 %</td></tr>"), m);
	}

	/**
	 * A liquid-electrolyte (DFN) run keeps no inputs.json: its measured section takes the cell's area from summary.json
	 * ({@code RunFolder.areaM2}), so the measurement's capacity per cycle is drawn against the simulation's (the area was
	 * inputs.json's only: no capacity plot for a DFN run compared with cycler data; session 28).
	 */
	@Test
	void aDfnRunsMeasuredSectionTakesTheAreaFromItsSummary() throws Exception {
		Path run = Fixtures.dfnRun(tmp.resolve("DfnMeasured"), "DfnMeasured");
		RunFolder r = RunFolder.read(run);
		assertNull(r.inputs(), "a DFN run has no inputs.json");
		double areaCm2 = r.number(SummaryKeys.AREA_CM2);
		assertTrue(areaCm2 > 0, "summary.json gives the area");
		// the run's own series as a cycler records it (BDF: current in A, charge positive)
		var ts = r.timeseries();
		double[] t = ts.column("time_h"), v = ts.column("voltage_V"), i = ts.column("current_mA_cm2"), c = ts.column("cycle"), st = ts.column("step");
		StringBuilder bdf = new StringBuilder("Test Time / s,Voltage / V,Current / A,Cycle Count / 1,Step Count / 1\n");
		for (int k = 0; k < t.length; k++)
			bdf.append(t[k] * 3600).append(',').append(v[k]).append(',').append(i[k] * areaCm2 * 1e-3).append(',')
					.append((int) c[k]).append(',').append((int) st[k]).append('\n');
		Files.writeString(run.resolve("measured.bdf.csv"), bdf);
		Files.writeString(run.resolve("measured-comparison.json"), """
				{"file":"m.csv","points":10,"voltage_rms_V":0.0,"voltage_max_V":0.0,"voltage_rms_by_cycle_V":{"1":0.0},
				 "discharge_capacity_by_cycle":[]}""");
		String m = Svg.section(Files.readString(RunReport.write(run)), "measured");
		assertTrue(m.contains("Capacity per cycle"), "the measured capacity per cycle against the simulated: " + m);
	}

	/**
	 * Key numbers that do not apply are left out: a run whose last cycle recorded no dead lithium and none in the
	 * interphase (0, a cell whose mechanisms left none) lists neither. (Mutation audit, session 21: a dead lithium of 0
	 * listed as "0 mAh/cm2" passed every other test; the fixtures' cells all leave some.)
	 */
	@Test
	void noDeadLithiumIsNoKeyNumber() throws Exception {
		Path run = Fixtures.fullCell(tmp.resolve("NoDeadLithium"), 1);
		Path summary = run.resolve("summary.json");
		JsonObject s = com.google.gson.JsonParser.parseString(Files.readString(summary)).getAsJsonObject();
		com.google.gson.JsonArray cycles = s.getAsJsonArray(SummaryKeys.CYCLES);
		JsonObject last = cycles.get(cycles.size() - 1).getAsJsonObject();
		assertTrue(last.has(SummaryKeys.DEAD_LI_MAH_CM2), last.toString());
		last.addProperty(SummaryKeys.DEAD_LI_MAH_CM2, 0.0);
		if (last.has(SummaryKeys.INTERPHASE_LI_MAH_CM2)) last.addProperty(SummaryKeys.INTERPHASE_LI_MAH_CM2, 0.0);
		Files.writeString(summary, s.toString());
		String keys = Svg.section(Files.readString(RunReport.write(run)), "key-numbers");
		assertFalse(keys.contains("dead lithium"), keys);
		assertFalse(keys.contains("lithium in the interphase"), keys);
	}

	/** A first full discharge that is not cycle 1's (after a cycle of pulses) names its cycle (session 20). */
	@Test
	void aFirstDischargeAfterPulsesNamesItsCycle() throws Exception {
		StepSpec charge = StepSpec.cRate(0.5, Cutoff.voltageAbove(4.3)), discharge = StepSpec.cRate(-0.5, Cutoff.voltageBelow(2.8));
		Path run = Fixtures.run(shared.resolve("PulseThenFull"), "PulseThenFull", Sung2023Parameters.cell6Full(65e6, Sung2023Parameters.T_ROOM),
				ProtocolSpec.of(charge, StepSpec.cRate(-1, Cutoff.duration(60)), StepSpec.cRate(1, Cutoff.duration(60)), discharge, charge, discharge));
		String keys = Svg.section(Files.readString(RunReport.write(run)), "key-numbers");
		assertTrue(keys.matches("(?s).*<td>first discharge, specific</td><td class=\"num\">(1[5-9]\\d|2[0-2]\\d)(\\.\\d+)? mAh/g \\(cycle 3\\)</td>.*"), keys);
	}

	@Test
	void theLiSizeTheSolverRecordedIsMarked() throws Exception {
		Path run = Fixtures.fullCell(shared.resolve("FullCellWithSolverSize"), 1);
		Fixtures.mechanismMap(run);
		Path summary = run.resolve("summary.json");
		com.google.gson.JsonObject s = com.google.gson.JsonParser.parseString(Files.readString(summary)).getAsJsonObject();
		com.google.gson.JsonObject m = new com.google.gson.JsonObject();
		m.addProperty("characteristic_size_m", 55e-9);
		s.add("mechanism_map", m);
		Files.writeString(summary, s.toString());
		String html = Files.readString(RunReport.write(run));
		String map = Svg.section(html, "mechanism-map");
		assertTrue(map.contains("Li size in this cell 0.055 \u00b5m"), "the solver's size (55 nm after formation), not the as-cast pore size");
		assertFalse(map.contains("Li size in this cell 1 \u00b5m"), "the as-cast pore size is not marked");
	}

	@Test
	void selfContainedNoScriptsNoExternalResources() {
		assertFalse(fullHtml.contains("<script"), "no scripts");
		assertFalse(fullHtml.contains(" src="), "no external images or scripts");
		assertFalse(fullHtml.contains("<link"), "no external style sheets");
		assertFalse(fullHtml.matches("(?s).*url\\((?!#).*"), "no fetched CSS resources");
		assertTrue(fullHtml.contains("<style>"));
	}

	@Test
	void everyInlineSvgIsWellFormedXml() throws Exception {
		List<String> svgs = Svg.elements(fullHtml);
		assertEquals(8, svgs.size(), "seven plots and the stack");
		List<String> ids = new ArrayList<>();
		for (String s : svgs) {
			Document d = Svg.parse(s);
			assertEquals("svg", d.getDocumentElement().getLocalName());
			NodeList clips = d.getElementsByTagNameNS("*", "clipPath");
			for (int i = 0; i < clips.getLength(); i++) ids.add(((Element) clips.item(i)).getAttribute("id"));
		}
		assertEquals(ids.size(), ids.stream().distinct().count(), "ids are unique across the plots of one page");
	}

	@Test
	void stackHeightsAreProportionalToThicknessInLinearMode() throws Exception {
		CellSpec cell = Sung2023Parameters.cell6Full(5e6, 333.15);
		Document d = Svg.parse(StackDrawing.svg(cell, StackDrawing.Scale.LINEAR, 560));
		NodeList rects = d.getElementsByTagNameNS("*", "rect");
		List<double[]> bands = new ArrayList<>();
		for (int i = 0; i < rects.getLength(); i++) {
			Element r = (Element) rects.item(i);
			if (r.hasAttribute("data-thickness-m"))
				bands.add(new double[] { Double.parseDouble(r.getAttribute("height")), Double.parseDouble(r.getAttribute("data-thickness-m")) });
		}
		assertEquals(cell.layers().size(), bands.size(), "one band per layer");
		double pxPerM = bands.get(0)[0] / bands.get(0)[1];
		for (double[] b : bands) assertEquals(pxPerM, b[0] / b[1], 1e-3 * pxPerM, "height / thickness is the same for every layer");
		// the separator (700 um) is 350 x the 2 um interlayer, so the automatic choice is the log scale
		assertEquals(StackDrawing.Scale.LOG, StackDrawing.autoScale(cell));
		CellSpec even = CellSpec.builder("even").layers(List.of(layer("a", 10e-6), layer("b", 20e-6))).build();
		assertEquals(StackDrawing.Scale.LINEAR, StackDrawing.autoScale(even));
	}

	@Test
	void logModeKeepsThinLayersVisibleAndOrdered() throws Exception {
		CellSpec cell = Sung2023Parameters.cell6Full(5e6, 333.15);
		Document d = Svg.parse(StackDrawing.svg(cell));
		NodeList rects = d.getElementsByTagNameNS("*", "rect");
		double inter = 0, sep = 0;
		for (int i = 0; i < rects.getLength(); i++) {
			Element r = (Element) rects.item(i);
			if (r.getAttribute("data-layer").equals("SiNP-CNT")) inter = Double.parseDouble(r.getAttribute("height"));
			if (r.getAttribute("data-layer").equals("LPSCl")) sep = Double.parseDouble(r.getAttribute("height"));
		}
		assertTrue(inter >= 14, "the 2 um interlayer is visible: " + inter);
		assertTrue(sep > inter, "thicker stays taller: " + sep + " vs " + inter);
	}

	private static LayerSpec layer(String n, double t) {
		return new LayerSpec(n, org.cellwright.solver.input.LayerRole.SEPARATOR, t, 0, Double.NaN, Double.NaN, 1.5, Double.NaN, List.of());
	}

	@Test
	void decimationKeepsExtremesAndEndsWithinTheBound() {
		int n = 1_000_000;
		double[] x = new double[n], y = new double[n];
		for (int i = 0; i < n; i++) { x[i] = i; y[i] = Math.sin(i * 1e-4) + (i == 654_321 ? 5 : 0) - (i == 123_457 ? 5 : 0); }
		double[][] s = Decimation.reduce(x, y, 802);
		assertTrue(s[0].length <= 802, "at most the budget: " + s[0].length);
		assertEquals(0, s[0][0]);
		assertEquals(n - 1, s[0][s[0].length - 1]);
		double max = -1e9, min = 1e9;
		for (double v : s[1]) { max = Math.max(max, v); min = Math.min(min, v); }
		assertEquals(y[654_321], max, "the single-sample spike up survives");
		assertEquals(y[123_457], min, "the single-sample spike down survives");
		for (int i = 1; i < s[0].length; i++) assertTrue(s[0][i] > s[0][i - 1], "order kept");
	}

	@Test
	void a200CycleReportStaysSmall() throws Exception {
		Path run = Fixtures.longRun(tmp.resolve("long"), 120_000);
		assertTrue(Files.size(run.resolve("timeseries.csv")) > 10_000_000, "a big series: " + Files.size(run.resolve("timeseries.csv")));
		String html = Files.readString(RunReport.write(run));
		assertTrue(html.length() < 2_000_000, "report size " + html.length());
		for (String s : Svg.elements(html)) Svg.parse(s);
		assertTrue(Svg.section(html, "voltage").contains("cycle 200"), "the last cycle is among those drawn");
	}

	@Test
	void checksAreRowsColouredPassAndFail() {
		String checks = Svg.section(fullHtml, "checks");
		assertTrue(checks.contains("1 of 2 checks pass"), "a count of passes");
		assertTrue(checks.matches("(?s).*<tr class=\"pass\">.*Li nucleation overpotential.*14\\.4 mV.*PASS.*"), checks);
		assertTrue(checks.matches("(?s).*<tr class=\"fail\">.*first discharge capacity.*2\\.5 mAh/cm2.*FAIL.*"), checks);
		assertTrue(checks.contains("examples/sung2023/experiments.cell:23"), "each check points at its expect clause");
		assertTrue(checks.contains("<code>experiments.<wbr>cell:23</code>"), "the file name and line shown (may break after its dot), the whole path as tooltip: " + checks);
		assertTrue(fullHtml.contains("tr.fail td.verdict {") && fullHtml.contains("tr.pass td.verdict {"), "PASS and FAIL have colours");
	}

	/**
	 * A check's note (checks.json's, read by RunFolder, the one reader) is shown under its row: why a failed check has no
	 * value, what a passing one read from a run folder written before session 40 could not check (its reference taken
	 * whatever it passed). The command line's table printed a failed check's note; report.html showed none (session 41).
	 */
	@Test
	void aChecksNoteIsShownUnderItsRow() throws Exception {
		Path run = copyOfFull("OldRun");
		List<org.cellwright.run.Checks.Check> written = Fixtures.notedChecks(run, "OldRun");
		assertTrue(written.get(0).pass(), written.get(0).simulated());
		assertFalse(written.get(1).pass());
		String old = "summary.json records no lithium of the cell (written before session 40): cycle 2's discharge is taken as the"
				+ " reference whatever it passed, not checked against 1e-5 of the cell's lithium, the charge a cycler resolves, as for"
				+ " a Coulombic efficiency";
		assertEquals(old, written.get(0).note());
		assertEquals("the reference cycle 9 was not reached", written.get(1).note());
		// read back as written
		RunFolder r = RunFolder.read(run);
		assertEquals(List.of(old, "the reference cycle 9 was not reached"), r.checks().stream().map(RunFolder.Check::note).toList());
		String checks = Svg.section(Files.readString(RunReport.write(run)), "checks");
		assertTrue(checks.contains("1 of 2 checks pass"), checks);
		assertTrue(checks.matches("(?s).*<tr class=\"pass\">.*capacity-retention of cycle 3 relative to cycle 2.*PASS.*</tr>"
				+ "<tr class=\"check-note pass\"><td colspan=\"6\">Note: " + java.util.regex.Pattern.quote(old.replace("'", "&#39;")) + "</td></tr>.*"),
				checks);
		assertTrue(checks.matches("(?s).*<tr class=\"fail\">.*capacity-retention of cycle 3 relative to cycle 9.*FAIL.*</tr>"
				+ "<tr class=\"check-note fail\"><td colspan=\"6\">Note: the reference cycle 9 was not reached</td></tr>.*"), checks);
		// a check without a note has no note row (the full run's checks.json)
		assertFalse(Svg.section(fullHtml, "checks").contains("check-note"), Svg.section(fullHtml, "checks"));
	}

	/**
	 * A labelled check names what it reads after its label, as the IDE's Checks tab does (Checks.named, the clause of
	 * inputs.json at the check's line): session 26 saw kim2025.cell's "crossrail resistance, 62 wt%, 30 degC" in
	 * report.html with nothing naming cathode-interfacial-resistance at probe30.
	 */
	@Test
	void aLabelledCheckNamesItsMetricAndGroup() throws Exception {
		Path run = Fixtures.fullCell(tmp.resolve("Crossrail"), 1);
		Fixtures.checks(run, "Crossrail");
		Path in = run.resolve(InputsJson.FILE_NAME);
		InputsJson.write(InputsJson.read(in).withExpectations(List.of(new org.cellwright.solver.input.json.ResolvedInputs.Expect(
				"Li nucleation overpotential, first plating", false, "nucleation-overpotential", 0, 0, 0, "LESS", 20.0, "mV", "20 mV", null,
				null, null, null, null, 23, "probe30", 4, 6, null))), in);
		String checks = Svg.section(Files.readString(RunReport.write(run)), "checks");
		assertTrue(checks.contains("Li nucleation overpotential, first plating (nucleation-overpotential at probe30)"), checks);
		assertTrue(checks.contains("first discharge capacity (discharge-capacity)"), "a check without its clause in inputs.json: its metric: " + checks);
	}

	@Test
	void missingOptionalFilesAreNamedAndTheRestIsReported() throws Exception {
		Path run = Fixtures.bareHalfCell(tmp.resolve("BareHalfCell"), "BareHalfCell", 1);
		Files.delete(run.resolve("inputs.json"));
		String html = Files.readString(RunReport.write(run));
		assertTrue(html.contains("Not available: no mechanism-map.csv"), "mechanism map");
		assertTrue(html.contains("Not available: no checks.json"), "checks");
		assertTrue(html.contains("Not available: no inputs.json"), "stack without inputs");
		assertTrue(Svg.section(html, "voltage").contains("<svg"), "the voltage is still plotted");
		assertEquals("BareHalfCell", RunFolder.read(run).experiment(), "named after its folder without inputs.json");

		Files.writeString(run.resolve("dfn-inputs.json"), "{}"); // a liquid-electrolyte run keeps its inputs there
		html = Files.readString(RunReport.write(run));
		assertTrue(Svg.section(html, "key-numbers").contains("Not available: a liquid-electrolyte (DFN) run: dfn-inputs.json has no stack (written before CellWright kept"),
				Svg.section(html, "key-numbers"));
		assertFalse(html.contains("runs made before CellWright wrote it"), "a DFN run is not called old");
		// its temperature from the time series (a sweep's runs table showed "-" for DFN runs swept over temperature)
		double tK = RunFolder.read(run).timeseries().column("temperature_K")[0];
		assertTrue(Svg.section(html, "key-numbers").contains("<td>temperature</td><td class=\"num\">" + new java.math.BigDecimal(tK - 273.15)
				.round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString() + " \u00b0C</td>"), Svg.section(html, "key-numbers"));
		// a DFN run folder written before dfn-inputs.json kept the protocol: still reported, the protocol not available and why
		assertTrue(Svg.section(html, "protocol").contains("Not available: dfn-inputs.json has no protocol (written before CellWright kept"),
				Svg.section(html, "protocol"));
		assertTrue(Svg.section(html, "protocol").contains("Applied current"), "the current is still plotted");
		// the area to 4 digits: the Chen 2020 cell's 1027 cm2 read 1030 cm2 (session 15)
		JsonObject summary = com.google.gson.JsonParser.parseString(Files.readString(run.resolve("summary.json"))).getAsJsonObject();
		summary.addProperty("area_cm2", 1027.0);
		Files.writeString(run.resolve("summary.json"), summary.toString());
		assertTrue(Svg.section(Files.readString(RunReport.write(run)), "key-numbers").contains("<td>area</td><td class=\"num\">1027 cm\u00b2</td>"));
		Files.delete(run.resolve("dfn-inputs.json"));

		Files.writeString(run.resolve("checks.json"), "{ this is not json");
		Files.writeString(run.resolve("inputs.json"), "{\"format\":\"something else\"}");
		html = Files.readString(RunReport.write(run));
		assertTrue(html.contains("checks.json: cannot be read as JSON, left out"), "a broken optional file is noted");
		assertTrue(html.contains("inputs.json: format: expected &quot;cellwright-inputs&quot;"), "and says what is wrong");
	}

	/**
	 * The key numbers give the conditions the run's records carry, not the cell's as written: a protocol that sets the
	 * temperature before its first step (records at 200 degC, the cell written at 25 degC) read 25 degC (session 16);
	 * one that changes it between steps gives the range.
	 */
	@Test
	void theKeyNumbersGiveTheTemperatureAndPressureOfTheRecords() throws Exception {
		Path run = copyOfFull("SetConditions");
		List<String> lines = Files.readAllLines(run.resolve("timeseries.csv"));
		List<String> header = List.of(lines.get(0).split(","));
		int tk = header.indexOf("temperature_K"), pm = header.indexOf("stack_pressure_MPa");
		List<String> out = new ArrayList<>(List.of(lines.get(0)));
		for (int i = 1; i < lines.size(); i++) {
			String[] c = lines.get(i).split(",", -1);
			c[tk] = "473.15";
			c[pm] = i < lines.size() / 2 ? "5" : "65";
			out.add(String.join(",", c));
		}
		Files.write(run.resolve("timeseries.csv"), out);
		String k = Svg.section(Files.readString(RunReport.write(run)), "key-numbers");
		assertTrue(k.contains("<td>temperature</td><td class=\"num\">200 \u00b0C</td>"), k);
		assertTrue(k.contains("<td>stack pressure</td><td class=\"num\">5 to 65 MPa</td>"), k);
		// the stack drawing's caption the same (fuzzing, session 18: it gave the cell's as written beside these), the
		// cell's as written on a line of its own
		assertTrue(k.contains("class=\"conditions\">as run: stack pressure 5 to 65 MPa \u00b7 temperature 200 \u00b0C \u00b7 area "), k);
		assertTrue(k.contains("class=\"as-written\">the cell as written: stack pressure 5 MPa \u00b7 temperature 60 \u00b0C "), k);
		// a run at the cell's own conditions says them once
		String same = Svg.section(Files.readString(RunReport.write(full)), "key-numbers");
		assertTrue(same.contains("class=\"conditions\">stack pressure 5 MPa \u00b7 temperature 60 \u00b0C \u00b7 area "), same);
		assertFalse(same.contains("as written"), same);
	}

	/**
	 * A solid-state run whose protocol sets 20 degC after its first step (no thermal model): the temperature chart is the
	 * records', not titled "(lumped thermal model)" as if computed, and the mechanism map says the temperature it is drawn
	 * at, the run's first (summary.json's mechanism_map), and that the run went on at another: it named none, so the map
	 * at 25 degC passed for the run's (session 30, a new user's experiments on the study's cells).
	 */
	@Test
	void theTemperatureChartAndTheMechanismMapSayWhatTemperatureTheyShow() throws Exception {
		Path run = copyOfFull("SetTemperatureMidway");
		List<String> lines = Files.readAllLines(run.resolve("timeseries.csv"));
		int tk = List.of(lines.get(0).split(",")).indexOf("temperature_K");
		List<String> out = new ArrayList<>(List.of(lines.get(0)));
		for (int i = 1; i < lines.size(); i++) {
			String[] c = lines.get(i).split(",", -1);
			c[tk] = i < lines.size() / 2 ? "298.15" : "293.15";
			out.add(String.join(",", c));
		}
		Files.write(run.resolve("timeseries.csv"), out);
		com.google.gson.JsonObject s = com.google.gson.JsonParser.parseString(Files.readString(run.resolve("summary.json"))).getAsJsonObject();
		com.google.gson.JsonObject map = new com.google.gson.JsonObject();
		map.addProperty("temperature_K", 298.15);
		map.addProperty("strain_rate_per_s", 0.01);
		map.addProperty("characteristic_size_m", 1e-6);
		s.add("mechanism_map", map);
		Files.writeString(run.resolve("summary.json"), s.toString());
		String html = Files.readString(RunReport.write(run));
		String voltage = Svg.section(html, "voltage");
		assertTrue(voltage.contains("Cell temperature"), "the set temperature drawn");
		assertFalse(html.contains("lumped thermal model"), "no thermal model ran");
		String m = Svg.section(html, "mechanism-map");
		assertTrue(m.contains("Lithium mechanism map at 25 \u00b0C (where the run started; it ran at 20 to 25 \u00b0C)"), m);
		// without the summary's map temperature (older runs, the fixture): no temperature named
		assertTrue(Svg.section(fullHtml, "mechanism-map").contains("Lithium mechanism map: flow stress vs size"));
	}

	/**
	 * Capacity retention (last over first discharge) is a key number of a cell with a cathode, not of a half cell,
	 * whose "discharge" is the plating of a set capacity (the interlayer half cell formed at 5 MPa and cycled at 65 MPa
	 * read 83.65 % for the plating its short cut off), as the Sweep and Results views leave it out
	 * ({@link RunFolder#halfCell}); a DFN run (no mAh/g in its cycles either) is no half cell.
	 */
	@Test
	void capacityRetentionIsAKeyNumberOfAFullCellNotOfAHalfCell() throws Exception {
		assertTrue(Svg.section(fullHtml, "key-numbers").contains("capacity retention"), "the full cell's");
		assertFalse(RunFolder.read(full).halfCell());
		Path half = Fixtures.bareHalfCell(tmp.resolve("BareHalfCell"), "BareHalfCell", 2);
		assertFalse(Double.isNaN(RunFolder.read(half).number("capacity_retention")), "summary.json has one");
		assertTrue(RunFolder.read(half).halfCell());
		assertFalse(Svg.section(Files.readString(RunReport.write(half)), "key-numbers").contains("capacity retention"), "none for the half cell");
		Files.writeString(half.resolve(DfnInputs.FILE_NAME), "{}");
		assertFalse(RunFolder.halfCell(half, RunFolder.read(half).summary()), "a DFN run's cycles have no mAh/g and it has a cathode");
	}

	/**
	 * The retention's key number names the cycles it compares and, where the reference discharge followed another charge
	 * than the last's (summary.json's capacity_retention_cycles.same_charge false: no earlier cycle ran the same charge,
	 * SummaryJsonWriter.retentionCycles), says so; a run folder written before session 23 (no same_charge) reads as
	 * before. (A CC-CV cycle's discharge over a CC cycle's read 105.3 % without a word; session 23.)
	 */
	@Test
	void theRetentionSaysWhenItsReferenceFollowedAnotherCharge() throws Exception {
		Path copy = copyOfFull("FullCellWithInterlayer");
		com.google.gson.JsonObject s = com.google.gson.JsonParser.parseString(Files.readString(copy.resolve("summary.json"))).getAsJsonObject();
		com.google.gson.JsonObject rc = new com.google.gson.JsonObject();
		rc.addProperty("first", 1);
		rc.addProperty("last", 2);
		s.addProperty("capacity_retention", 1.053);
		s.add("capacity_retention_cycles", rc);
		Files.writeString(copy.resolve("summary.json"), s.toString());
		String before = Svg.section(Files.readString(RunReport.write(copy)), "key-numbers");
		assertTrue(before.contains("105.3 % (cycle 2 / 1)"), before);
		rc.addProperty("same_charge", false);
		Files.writeString(copy.resolve("summary.json"), s.toString());
		String other = Svg.section(Files.readString(RunReport.write(copy)), "key-numbers");
		assertTrue(other.contains("105.3 % (cycle 2 / 1, after another charge)"), other);
		rc.addProperty("same_charge", true);
		Files.writeString(copy.resolve("summary.json"), s.toString());
		assertTrue(Svg.section(Files.readString(RunReport.write(copy)), "key-numbers").contains("105.3 % (cycle 2 / 1)"));
	}

	/**
	 * A full cell with two full discharges but no retention shows the line with "none" and why (summary.json's
	 * capacity_retention_reason, SummaryJsonWriter.retentionCycles): the report showed no line, the reason only under
	 * Solver messages (session 39). The INFO message that says the same (earlier discharges that passed too little) is
	 * not listed again; a run folder written before (no reason) shows no line, as before.
	 */
	@Test
	void aRunWithoutRetentionShowsTheLineWithNoneAndWhy() throws Exception {
		Path copy = copyOfFull("FullCellWithoutRetention");
		String why = "the earlier discharges of cycle 3's steps (cycle 2) passed 1.20e-10 mAh/cm2 at most, no charge worth a retention"
				+ " (below 1e-5 of the cell's lithium, the charge a cycler resolves, as for a Coulombic efficiency)";
		com.google.gson.JsonObject s = com.google.gson.JsonParser.parseString(Files.readString(copy.resolve("summary.json"))).getAsJsonObject();
		s.add("capacity_retention", com.google.gson.JsonNull.INSTANCE);
		s.add("capacity_retention_cycles", com.google.gson.JsonNull.INSTANCE);
		Files.writeString(copy.resolve("summary.json"), s.toString());
		assertFalse(Svg.section(Files.readString(RunReport.write(copy)), "key-numbers").contains("capacity retention"), "written before: no line");
		s.addProperty("capacity_retention_reason", why);
		com.google.gson.JsonArray messages = new com.google.gson.JsonArray();
		messages.add("INFO: capacity retention: none: " + why);
		messages.add("INFO: another message");
		s.add("messages", messages);
		Files.writeString(copy.resolve("summary.json"), s.toString());
		String html = Files.readString(RunReport.write(copy)), keys = Svg.section(html, "key-numbers");
		// in words: it wraps (class prose), not widening the key numbers over the stack drawing
		assertTrue(keys.contains("capacity retention (last/first discharge)</td><td class=\"num prose\">none (" + why.replace("'", "&#39;") + ")"), keys);
		int box = html.indexOf("<b>Solver messages</b>");
		String list = html.substring(box, html.indexOf("</ul>", box));
		assertTrue(list.contains("<li>INFO: another message</li>"), list);
		assertFalse(list.contains("capacity retention"), "said once, on its line: " + list);
	}

	/**
	 * The key numbers' voltage range is that of every sample of timeseries.csv, the first (taken at rest, before the
	 * first step) too: it was left out, so a run whose first sample lies outside what its steps ran through (here the
	 * first row set to 1.5 V, below the run's 2.8 V cut-off, or to 4.4 V, above its 4.3 V one) read the steps' range.
	 */
	@Test
	void theVoltageRangeIncludesTheFirstSample() throws Exception {
		for (double first : new double[] { 1.5, 4.4 }) {
			Path run = copyOfFull("FirstSample" + first);
			List<String> lines = new ArrayList<>(Files.readAllLines(run.resolve("timeseries.csv")));
			int vc = List.of(lines.get(0).split(",")).indexOf("voltage_V");
			double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
			for (int i = 2; i < lines.size(); i++) {
				double x = Double.parseDouble(lines.get(i).split(",", -1)[vc]);
				lo = Math.min(lo, x);
				hi = Math.max(hi, x);
			}
			assertTrue(first < lo || first > hi, "the first sample outside the rest: " + lo + " to " + hi);
			String[] c = lines.get(1).split(",", -1);
			c[vc] = String.valueOf(first);
			lines.set(1, String.join(",", c));
			Files.write(run.resolve("timeseries.csv"), lines);
			String k = Svg.section(Files.readString(RunReport.write(run)), "key-numbers");
			String range = first < lo ? "1\\.5 to [0-9.]+ V" : "[0-9.]+ to 4\\.4 V";
			assertTrue(java.util.regex.Pattern.compile("<td>voltage range</td><td class=\"num\">" + range + "</td>").matcher(k).find(), range + " in " + k);
		}
	}

	/**
	 * A liquid-electrolyte (DFN) run writes its negative and positive electrodes' intercalated Li as li_host and
	 * li_cathode: the report names them so, not "alloyed in the host (LixSi)" (a graphite/LCO cell read so, session 16).
	 */
	@Test
	void aDfnRunsLithiumIsNamedByItsElectrodes() throws Exception {
		Path run = copyOfFull("DfnLithium");
		String solid = Svg.section(fullHtml, "lithium");
		assertTrue(solid.contains("alloyed in the host (Li\u2093Si)") && solid.contains("in the cathode"), solid);
		Files.delete(run.resolve("inputs.json")); // a DFN run keeps its inputs in dfn-inputs.json
		Files.writeString(run.resolve("dfn-inputs.json"), "{}");
		String li = Svg.section(Files.readString(RunReport.write(run)), "lithium");
		assertTrue(li.contains("intercalated in the negative electrode") && li.contains("intercalated in the positive electrode"), li);
		assertFalse(li.contains("Li\u2093Si") || li.contains("in the cathode"), li);
	}

	/**
	 * A liquid-electrolyte (DFN) run folder: no inputs.json, the protocol's steps in dfn-inputs.json (as DfnInputs writes
	 * them, inputs.json's form), listed as for solid-state runs, with the DFN's own steps (hold, power, drive cycle).
	 */
	@Test
	void aDfnRunListsItsProtocolsSteps() throws Exception {
		Path run = Fixtures.bareHalfCell(tmp.resolve("Dfn"), "X", 1);
		Files.delete(run.resolve("inputs.json"));
		ProtocolSpec p = new ProtocolSpec("Cycling", List.of(new StepSpec.Repeat(2, List.of(
				new StepSpec.ConstantCurrent(CurrentMode.C_RATE, -2, List.of(new Cutoff(Cutoff.Kind.VOLTAGE_BELOW, 2.5))),
				new StepSpec.Rest(List.of(new Cutoff(Cutoff.Kind.DURATION, 300))),
				new StepSpec.ConstantCurrent(CurrentMode.C_RATE, 1, List.of(new Cutoff(Cutoff.Kind.VOLTAGE_ABOVE, 4.2))),
				new StepSpec.ConstantVoltage(4.2, List.of(new Cutoff(Cutoff.Kind.CURRENT_BELOW_C_RATE, 0.05))))),
				new StepSpec.ConstantPower(-40, List.of(new Cutoff(Cutoff.Kind.VOLTAGE_BELOW, 3.0))),
				new StepSpec.Follow(false, CurrentMode.C_RATE, new double[] { 0, 10, 20 }, new double[] { -1, 0.5, -1 }, "UDDS.csv",
						List.of(new Cutoff(Cutoff.Kind.DURATION, 3600)))));
		JsonObject dfn = new JsonObject();
		dfn.add("dfn", new JsonObject());
		dfn.add(DfnInputs.PROTOCOL, InputsJson.protocolJson(p));
		Files.writeString(run.resolve(DfnInputs.FILE_NAME), dfn.toString());

		RunFolder f = RunFolder.read(run);
		assertTrue(f.dfn(), "a DFN run folder");
		assertEquals(p, f.protocol(), "read back as written");
		String protocol = Svg.section(Files.readString(RunReport.write(run)), "protocol");
		assertFalse(protocol.contains("Not available"), protocol);
		assertTrue(protocol.contains(N + "1</span> repeat 2 \u00d7<ol class=\"steps\">" + N + "1.1</span> discharge at 2C until V \u2264 2.5 V</li>"
				+ N + "1.2</span> rest for 5 min</li>" + N + "1.3</span> charge at 1C until V \u2265 4.2 V</li>" + N
				+ "1.4</span> hold 4.2 V until |I| &lt; C/20</li></ol></li>"), protocol);
		assertTrue(protocol.contains(N + "2</span> discharge at constant power 4 mW/cm\u00b2 until V \u2264 3 V</li>"), protocol);
		assertTrue(protocol.contains(N + "3</span> follow UDDS.csv (current, 3 samples) for 1 h</li>"), protocol);
		assertTrue(protocol.contains("Applied current"), "with its current timeline");

		Files.writeString(run.resolve(DfnInputs.FILE_NAME), "{\"protocol\": {\"steps\": [{\"type\": \"jump\"}]}}");
		f = RunFolder.read(run);
		assertNull(f.protocol());
		assertTrue(String.join("\n", f.notes()).contains("protocol.steps[0].type: unknown step type \"jump\""), f.notes().toString());
		String unreadable = Svg.section(RunReport.html(f), "protocol");
		assertTrue(unreadable.contains("Not available: the protocol in dfn-inputs.json cannot be read"), unreadable);
	}

	/** The report's line under its title (cell, layers, protocols, where the experiment is defined). */
	static String meta(String html) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("<p class=\"meta\">(.*?)</p>").matcher(html);
		assertTrue(m.find(), "a line under the title");
		return m.group(1);
	}

	/**
	 * The title names the protocols the experiment ran as its .cell file names them (the provenance's, kept outside the
	 * inputs' hash), in order, not the solver's protocol, which is named after the run: the report of experiment
	 * CyclingMeasured running protocol TwoCycles read "protocol CyclingMeasured" (session 24). A DFN run's come from
	 * dfn-inputs.json's provenance as DfnInputs writes it; a record written before they were kept names none. The
	 * comparison report gives each run's protocols in a row under the cell's.
	 */
	@Test
	void theTitleNamesTheProtocolsTheExperimentRanNotTheRunsName() throws Exception {
		Path run = Fixtures.bareHalfCell(tmp.resolve("Measured"), "CyclingMeasured", 1);
		org.cellwright.solver.input.json.ResolvedInputs in = InputsJson.read(run.resolve(InputsJson.FILE_NAME));
		org.cellwright.solver.input.json.ResolvedInputs.Provenance p = in.provenance();
		// as a run writes it: the solver's protocol named after the run, the protocols' names in the provenance
		InputsJson.write(new org.cellwright.solver.input.json.ResolvedInputs(new org.cellwright.solver.input.json.ResolvedInputs.Provenance(
				p.experiment(), p.sourceFile(), p.sourceLine(), p.cellwrightVersion(), p.created(), List.of("Formation", "TwoCycles")),
				in.cell(), new ProtocolSpec("CyclingMeasured", in.protocol().steps()), in.settings()), run.resolve(InputsJson.FILE_NAME));
		String meta = meta(Files.readString(RunReport.write(run)));
		assertTrue(meta.contains(" layers \u00b7 protocols Formation, TwoCycles \u00b7 defined in"), meta);
		assertFalse(meta.contains("CyclingMeasured"), meta);

		// one protocol
		InputsJson.write(in.withProvenance(new org.cellwright.solver.input.json.ResolvedInputs.Provenance(p.experiment(), p.sourceFile(),
				p.sourceLine(), p.cellwrightVersion(), p.created(), List.of("TwoCycles"))), run.resolve(InputsJson.FILE_NAME));
		assertTrue(meta(Files.readString(RunReport.write(run))).contains(" layers \u00b7 protocol TwoCycles \u00b7 "),
				meta(Files.readString(RunReport.write(run))));

		// written before the names were kept: the cell and its layers, no protocol named (its steps are listed below)
		InputsJson.write(in, run.resolve(InputsJson.FILE_NAME));
		String before = Files.readString(RunReport.write(run));
		assertNull(RunFolder.read(run).protocolNames());
		assertTrue(meta(before).matches("cell <b>[^<]+</b> \u00b7 \\d+ layers \u00b7 defined in .*"), meta(before));
		assertFalse(Svg.section(before, "protocol").contains("Not available"), "the steps are there");

		// a DFN run: dfn-inputs.json as DfnInputs writes it (provenance with the protocols' names, the stack)
		Path dfn = Fixtures.dfnRun(tmp.resolve("Dfn"), "Ecker");
		JsonObject json = new DfnInputs(new org.cellwright.solver.input.json.ResolvedInputs.Provenance("Ecker", "ecker.cell", 3, "test",
				"now", List.of("Charge", "DriveCycle")), "C", null, null, 1e-4, 0, Double.POSITIVE_INFINITY, 1, Double.NaN,
				new ProtocolSpec("Ecker", List.of(new StepSpec.Rest(List.of(new Cutoff(Cutoff.Kind.DURATION, 60))))), null,
				java.util.Map.of("area", "1 m2")).json();
		json.add(DfnInputs.STACK, DfnInputs.stackJson(Fixtures.DFN_LAYERS));
		Files.writeString(dfn.resolve(DfnInputs.FILE_NAME), json.toString());
		String dfnMeta = meta(Files.readString(RunReport.write(dfn)));
		assertTrue(dfnMeta.contains("3 layers \u00b7 protocols Charge, DriveCycle"), dfnMeta);

		// the comparison report: a row of protocols under the cells ("\u2013": not kept)
		String keys = Svg.section(Files.readString(org.cellwright.report.ComparisonReport.write(List.of(dfn, run), tmp.resolve("c.html"))),
				"key-numbers");
		assertTrue(keys.contains("<tr><td>protocol</td><td>Charge, DriveCycle</td><td>\u2013</td></tr>"), keys);
	}

	/**
	 * A DFN run folder's stack: dfn-inputs.json's layers (as DfnInputs writes them) drawn negative to positive, each band
	 * with its thickness, labelled with porosity and particle radius; an unreadable stack says why it is not drawn.
	 */
	@Test
	void aDfnRunDrawsItsStack() throws Exception {
		Path run = Fixtures.dfnRun(tmp.resolve("DfnStack"), "X");
		List<DfnInputs.Layer> layers = Fixtures.DFN_LAYERS;

		RunFolder f = RunFolder.read(run);
		assertEquals(layers.get(0), f.dfnStack().get(0), "read back as written");
		assertTrue(Double.isNaN(f.dfnStack().get(1).particleRadius()), "the separator has no particles");
		String stack = Svg.section(RunReport.html(f), "key-numbers");
		assertFalse(stack.contains("Not available"), stack);
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-layer=\"([^\"]*)\" data-thickness-m=\"([^\"]*)\"").matcher(stack);
		List<String> drawn = new java.util.ArrayList<>();
		while (m.find()) drawn.add(m.group(1) + " " + Double.parseDouble(m.group(2)));
		assertEquals(List.of("graphite 8.52E-5", "separator 1.2E-5", "NMC811 7.56E-5"), drawn, "three layers, negative to positive");
		assertTrue(stack.contains("85.2 \u00b5m \u00b7 porosity 25 % \u00b7 particle radius 5.86 \u00b5m"), stack);
		assertTrue(stack.contains("12 \u00b5m \u00b7 porosity 47 %<"), stack);
		assertTrue(stack.contains("data-scale=\"LINEAR\""), "drawn to scale");

		Files.writeString(run.resolve(DfnInputs.FILE_NAME), "{\"stack\": [{\"role\": \"separator\"}]}");
		stack = Svg.section(RunReport.html(RunFolder.read(run)), "key-numbers");
		assertTrue(stack.contains("Not available: a liquid-electrolyte (DFN) run: the stack in dfn-inputs.json cannot be read"), stack);
	}

	@Test
	void shortCircuitIsShownWithWhenAndWhy() throws Exception {
		Path run = Fixtures.bareHalfCell(tmp.resolve("sc"), "Shorted", 1);
		String s = Files.readString(run.resolve("summary.json")).replace("\"short_circuit\": null",
				"\"short_circuit\": {\"cycle\": 2, \"time_h\": 27.18, \"reason\": \"Li filament crossed the separator\"}")
				.replace("\"status\": \"COMPLETED\"", "\"status\": \"SHORT_CIRCUIT\"");
		Files.writeString(run.resolve("summary.json"), s);
		String html = Files.readString(RunReport.write(run));
		assertTrue(html.contains("<span class=\"status short\">SHORT CIRCUIT</span>"), "status in the title");
		assertTrue(html.matches("(?s).*class=\"alert\".*cycle 2.*27\\.18 h.*Li filament crossed the separator.*"), "when and why");
	}

	/**
	 * Issue 13: a soft short (a charge that cannot reach its cut-off because current leaks through Li filaments) is
	 * reported like a hard short, with its cycle, time and cause: in the key numbers and in a box under the title, while
	 * the run went on (status completed).
	 */
	@Test
	void softShortIsShownWithCycleAndCause() throws Exception {
		Path run = Fixtures.bareHalfCell(tmp.resolve("soft"), "Leaking", 1);
		String before = Files.readString(run.resolve("summary.json"));
		String warning = "warning: cycle 12, step 1: soft short: the charge did not reach its cut-off 4.3 V in its 30 h: "
				+ "leakage through Li filaments (3 % of the separator) took 81 % of the current";
		String s = before.replace("\"soft_short\": null", "\"soft_short\": {\"cycle\": 12, \"time_h\": 27.18, \"reason\": \"" + warning + "\"}");
		assertNotEquals(before, s, "the fixture's summary has a soft_short entry");
		Files.writeString(run.resolve("summary.json"), s);
		String html = Files.readString(RunReport.write(run));
		String keys = Svg.section(html, "key-numbers");
		assertTrue(keys.matches("(?s).*soft short.*cycle 12 at 27\\.2 h.*"), keys);
		assertTrue(html.matches("(?s).*id=\"soft-short\".*Soft short</b> from cycle 12 at 27\\.18 h: the charge did not reach its cut-off 4\\.3 V.*"
				+ "took 81 % of the current\\. The run went on.*"), "when and why");
		assertFalse(html.contains("id=\"short-circuit\""), "no hard short");

		Files.writeString(run.resolve("summary.json"), before);
		assertFalse(Files.readString(RunReport.write(run)).contains("soft-short"), "no soft short, no box");
	}

	/**
	 * summary.json carries a soft short's cause alone ({@code soft_short.cause}, beside its warning as {@code reason}):
	 * the report shows it as written, whatever the warning's wording (it took the cause by stripping the warning's
	 * prefix, which a warning naming the step's end time, "step 1 (duration at 27.2 h)", kept whole). A run folder
	 * written before the cause was kept reads as before (SoftShortIsShownWithCycleAndCause).
	 */
	@Test
	void aSoftShortsCauseIsReadFromItsOwnMember() throws Exception {
		Path run = Fixtures.bareHalfCell(tmp.resolve("cause"), "Leaking", 1);
		String before = Files.readString(run.resolve("summary.json"));
		String warning = "warning: cycle 12, step 1 (duration at 27.2 h): soft short: the charge leaked";
		Files.writeString(run.resolve("summary.json"), before.replace("\"soft_short\": null", "\"soft_short\": {\"cycle\": 12, "
				+ "\"time_h\": 27.18, \"reason\": \"" + warning + "\", \"cause\": \"the charge leaked through Li filaments\"}"));
		assertEquals("the charge leaked through Li filaments", org.cellwright.run.folder.RunFolder.read(run).softShort().cause());
		String html = Files.readString(RunReport.write(run));
		assertTrue(html.contains("Soft short</b> from cycle 12 at 27.18 h: the charge leaked through Li filaments. The run went on"), html);
		assertFalse(html.contains("(duration at 27.2 h)"), "the warning's prefix is not the cause");
	}

	@Test
	void notARunFolderNamesThePath() throws Exception {
		Path empty = Files.createDirectories(tmp.resolve("empty"));
		ReportException e = assertThrows(ReportException.class, () -> RunReport.write(empty));
		assertTrue(e.getMessage().startsWith(empty + ": not a run folder (no summary.json"), e.getMessage());
		Path none = tmp.resolve("none");
		e = assertThrows(ReportException.class, () -> RunReport.write(none));
		assertEquals(none + ": no such folder", e.getMessage());
		assertFalse(Files.exists(empty.resolve("report.html")));
	}
}

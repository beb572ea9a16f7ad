package org.cellwright.report.tests;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.cellwright.run.Checks;
import org.cellwright.run.RunUnit;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.ResultSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.ResolvedInputs;
import org.cellwright.solver.output.CsvResultWriter;
import org.cellwright.solver.output.SummaryJsonWriter;
import org.cellwright.solver.output.SummaryKeys;
import org.cellwright.solver.params.Sung2023Parameters;

/** Run folders for the report tests: real solver runs of the study's cells, plus the optional files written by hand. */
final class Fixtures {
	private Fixtures() {}

	/** Cell 6 (full cell with interlayer), 60 degC, 5 MPa: the 0.1 C cycle and {@code cycles} at 0.35 C. */
	static Path fullCell(Path folder, int cycles) {
		return run(folder, "FullCellWithInterlayer", Sung2023Parameters.cell6Full(5e6, Sung2023Parameters.T_60C),
				Sung2023Parameters.fullCellCycling(cycles));
	}

	/** Cell 3 (bare steel half cell): plating and stripping. */
	static Path bareHalfCell(Path folder, String experiment, int cycles) {
		return run(folder, experiment, Sung2023Parameters.cell3Bare(5e6), Sung2023Parameters.platingStrippingBare(cycles));
	}

	/** The layers of a liquid-electrolyte (DFN) run's stack: graphite, separator, NMC811 (dfn-inputs.json's member stack). */
	static final java.util.List<org.cellwright.run.dfn.DfnInputs.Layer> DFN_LAYERS = java.util.List.of(
			new org.cellwright.run.dfn.DfnInputs.Layer("graphite", org.cellwright.run.dfn.DfnInputs.NEGATIVE, 85.2e-6, 0.25, 5.86e-6),
			new org.cellwright.run.dfn.DfnInputs.Layer("separator", org.cellwright.run.dfn.DfnInputs.SEPARATOR, 12e-6, 0.47, Double.NaN),
			new org.cellwright.run.dfn.DfnInputs.Layer("NMC811", org.cellwright.run.dfn.DfnInputs.POSITIVE, 75.6e-6, 0.335, 5.22e-6));

	/**
	 * A run folder as a liquid-electrolyte (DFN) run keeps it: no inputs.json, a dfn-inputs.json with the stack
	 * {@link #DFN_LAYERS} (as DfnInputs writes it); its time series and cycles are a bare half cell's.
	 */
	static Path dfnRun(Path folder, String experiment) throws IOException {
		Path run = bareHalfCell(folder, experiment, 1);
		Files.delete(run.resolve("inputs.json"));
		com.google.gson.JsonObject dfn = new com.google.gson.JsonObject();
		dfn.add("dfn", new com.google.gson.JsonObject());
		dfn.add(org.cellwright.run.dfn.DfnInputs.STACK, org.cellwright.run.dfn.DfnInputs.stackJson(DFN_LAYERS));
		Files.writeString(run.resolve(org.cellwright.run.dfn.DfnInputs.FILE_NAME), dfn.toString());
		return run;
	}

	static Path run(Path folder, String experiment, CellSpec cell, ProtocolSpec protocol) {
		SolverSettings settings = SolverSettings.defaults();
		InputsJson.write(new ResolvedInputs(new ResolvedInputs.Provenance(experiment, "examples/test.cell", 12, "test", "2026-01-01T00:00:00Z"),
				cell, protocol, settings), folder.resolve(InputsJson.FILE_NAME));
		CsvResultWriter csv = new CsvResultWriter(folder);
		SummaryJsonWriter json = new SummaryJsonWriter(folder);
		RunStatus st;
		try {
			st = new Simulation().run(cell, protocol, settings, ResultSink.tee(csv, json), ProgressListener.NONE);
		} finally {
			csv.close();
		}
		if (st != RunStatus.COMPLETED && st != RunStatus.SHORT_CIRCUIT) throw new AssertionError(experiment + ": " + st);
		return folder;
	}

	/** checks.json as the study's expect clauses write it: one passing, one failing row. */
	static void checks(Path folder, String experiment) throws IOException {
		Files.writeString(folder.resolve("checks.json"), """
				{"experiment":"%s","checks":[
				 {"quantity":"Li nucleation overpotential, first plating","metric":"nucleation-overpotential","expected":"14.2 mV \u00b1 2 mV",
				  "simulated":"14.4 mV","pass":true,"expected_value":14.2,"tolerance":2.0,"simulated_value":14.4,"unit":"mV",
				  "source":"10.1002/adma.202210835","file":"examples/sung2023/experiments.cell","line":23},
				 {"quantity":"first discharge capacity","metric":"discharge-capacity","expected":"2.9 mAh/cm2 \u00b1 0.1 mAh/cm2",
				  "simulated":"2.5 mAh/cm2","pass":false,"expected_value":2.9,"tolerance":0.1,"simulated_value":2.5,"unit":"mAh/cm2",
				  "source":"10.1002/adma.202210835","file":"examples/sung2023/experiments.cell","line":94}
				]}
				""".formatted(experiment));
	}

	/**
	 * A run folder as written before session 40 (its summary.json's cycles without {@code lithium_mAh_cm2}) with its
	 * checks.json as the pipeline writes it: two clauses of inputs.json evaluated on that summary ({@link Checks#evaluate},
	 * as a re-run evaluates them) and written by {@link Checks#write}. "capacity-retention of cycle 3 relative to cycle 2
	 * > 90 %" passes with a note (the reference taken as it was, not checked against the cell's lithium), "... relative
	 * to cycle 9" fails as missing with why (not reached). Returns the checks written.
	 */
	static java.util.List<Checks.Check> notedChecks(Path run, String experiment) throws IOException {
		com.google.gson.JsonObject summary = com.google.gson.JsonParser.parseString(Files.readString(run.resolve("summary.json"))).getAsJsonObject();
		for (com.google.gson.JsonElement c : summary.getAsJsonArray("cycles")) c.getAsJsonObject().remove(SummaryKeys.LITHIUM_MAH_CM2);
		Files.writeString(run.resolve("summary.json"), summary.toString());
		Path in = run.resolve(InputsJson.FILE_NAME);
		ResolvedInputs inputs = InputsJson.read(in).withExpectations(java.util.List.of(
				new ResolvedInputs.Expect(null, false, "capacity-retention", 3, 2, 0, "GREATER", 90.0, "%", "90 %", null, null, null, null,
						"10.1002/adma.202210835", 31),
				new ResolvedInputs.Expect(null, false, "capacity-retention", 3, 9, 0, "GREATER", 90.0, "%", "90 %", null, null, null, null,
						"10.1002/adma.202210835", 32)));
		InputsJson.write(inputs, in);
		java.util.List<Checks.Check> checks = Checks.evaluate(new RunUnit(experiment, null, inputs, null, true, java.util.Map.of()), summary, run);
		Checks.write(run, experiment, checks);
		return checks;
	}

	/** mechanism-map.csv as the physics writes it: power-law creep and dislocation stress over sizes 10 nm .. 1 mm. */
	static void mechanismMap(Path folder) throws IOException {
		try (BufferedWriter w = Files.newBufferedWriter(folder.resolve("mechanism-map.csv"))) {
			w.write("size_m,dislocation_MPa,diffusional_creep_MPa,flow_stress_MPa\n");
			for (int i = 0; i <= 50; i++) {
				double d = 1e-8 * Math.pow(10, 5.0 * i / 50);
				double disl = 0.8 + 1.5e-3 * Math.pow(d, -0.6) * 1e-3;
				double creep = 2e-6 / d;
				w.write(String.format(Locale.ROOT, "%.6e,%.6e,%.6e,%.6e%n", d, disl, creep, Math.min(disl, creep)));
			}
		}
	}

	/** A long synthetic timeseries.csv (rows x the solver's header) with summary.json and cycles.csv: 200 cycles. */
	static Path longRun(Path folder, int rows) throws IOException {
		Files.createDirectories(folder);
		String[] header = CsvResultWriter.TIMESERIES_HEADER.split(",");
		try (BufferedWriter w = Files.newBufferedWriter(folder.resolve("timeseries.csv"))) {
			w.write(CsvResultWriter.TIMESERIES_HEADER);
			w.newLine();
			int perCycle = rows / 200;
			for (int i = 0; i < rows; i++) {
				int cycle = 1 + i / perCycle, k = i % perCycle;
				boolean charge = k < perCycle / 2;
				double x = (charge ? k : k - perCycle / 2) / (perCycle / 2.0);
				double v = charge ? 3.4 + 0.9 * x : 4.2 - 1.3 * x;
				StringBuilder b = new StringBuilder();
				for (String h : header) {
					if (b.length() > 0) b.append(',');
					double val = switch (h) {
						case "time_h" -> i * 0.01;
						case "step" -> 2 * (cycle - 1) + (charge ? 0 : 1);
						case "cycle" -> cycle;
						case "voltage_V" -> v + 0.002 * Math.sin(i);
						case "current_mA_cm2" -> charge ? 1 : -1;
						case "step_capacity_mAh_cm2" -> (charge ? 1 : -1) * 2.8 * x;
						case "li_foil_mAh_cm2" -> 6 - (charge ? 2.8 * x : 2.8 * (1 - x));
						case "li_cathode_mAh_cm2" -> charge ? 2.8 * (1 - x) : 2.8 * x;
						case "eta_separator_V" -> charge ? 0.02 : -0.02;
						default -> 0;
					};
					b.append(String.format(Locale.ROOT, "%.6g", val));
				}
				w.write(b.toString());
				w.newLine();
			}
		}
		try (BufferedWriter w = Files.newBufferedWriter(folder.resolve("cycles.csv"))) {
			w.write(CsvResultWriter.CYCLES_HEADER + "\n");
			for (int c = 1; c <= 200; c++)
				w.write(String.format(Locale.ROOT, "%d,%.4f,%.4f,%.5f,%.2f,0,0,0,0,0,0:voltage-cutoff%n", c, 2.9 - 0.002 * c, 2.85 - 0.002 * c, 0.995, 200.0));
		}
		Files.writeString(folder.resolve("summary.json"), """
				{"cell":"Synthetic","status":"COMPLETED","cycles":[{"index":1,"charge_mAh_cm2":2.9,"discharge_mAh_cm2":2.85,"coulombic_efficiency":0.98}],
				 "nucleation_overpotential_mV":null,"short_circuit":null,"end_time_h":1000,"capacity_retention":0.86,"messages":[]}
				""");
		return folder;
	}
}

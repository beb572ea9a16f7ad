package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cellwright.run.InputException;
import org.cellwright.run.dfn.DfnInputs;
import org.cellwright.run.dfn.DfnMapping;
import org.cellwright.run.dfn.DfnRunner;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.dfn.LumpedThermal;
import org.cellwright.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lumped thermal model of a DFN cell written in the language (docs/language.md, "Thermal model"): rho c_p V dT/dt
 * = A q - h A_cool (T - T_amb) with the local heat q (LocalHeat: ohmic, reaction and reversible heat per finite volume),
 * coupled to the DFN by operator splitting in DfnRunner. Checked against its own energy balance from the samples (an
 * independent quadrature of the samples' heat), its limits (h -> infinity: the ambient temperature and the isothermal
 * voltage; h = 0: all the heat stored), the library's thermal Chen 2020 cell against PyBaMM's lumped DFN, and partial
 * data as a located error.
 */
class DfnThermalRunTest {

	@TempDir Path tmp;

	/** DfnRunTest's small cell (no entropic coefficients) with thermal data, and a rest after the discharge. */
	static final String THERMAL = """
			  heat-capacity = 400 J/K
			  heat-transfer-coefficient = 1 W/m2/K
			  cooling-area = 2 m2
			""";

	static String cell(String thermal) {
		return DfnRunTest.CELL.replace("cell C { area = 1 m2  nominal-capacity = 20 Ah\n", "cell C { area = 1 m2  nominal-capacity = 20 Ah\n" + thermal)
				.replace("protocol D { discharge at 1 C until 3.0 V }", "protocol D {\n discharge at 2 C until 3.0 V\n rest for 20 min\n}");
	}

	Path write(String text) throws Exception {
		return Cli.write(tmp.resolve("t.cell"), text);
	}

	RecordingSink run(String text) throws Exception {
		DfnInputs in = DfnRunTest.inputs(write(text), "X");
		RecordingSink sink = new RecordingSink();
		assertEquals(RunStatus.COMPLETED, DfnRunner.run(in, sink, ProgressListener.NONE), sink.events.toString());
		return sink;
	}

	/** Heat generated [J/m2]: the trapezoidal integral of the samples' heat (the local heat, W/m2). */
	static double generated(List<Sample> s) {
		double q = 0;
		for (int k = 1; k < s.size(); k++) {
			Sample a = s.get(k - 1), b = s.get(k);
			q += 0.5 * (a.heat() + b.heat()) * (b.time() - a.time());
		}
		return q;
	}

	/**
	 * Heat lost to the surroundings [J/m2]: the integral of h (A_cool/A) (T - T_amb), each interval at its end's
	 * temperature as the model's implicit cooling takes it (the trapezoid instead differs by the step's first-order
	 * error: 0.9 % here, with 60 s steps in the rest).
	 */
	static double lost(List<Sample> s, double hRatio, double ambient) {
		double q = 0;
		for (int k = 1; k < s.size(); k++) {
			Sample a = s.get(k - 1), b = s.get(k);
			q += hRatio * (b.temperature() - ambient) * (b.time() - a.time());
		}
		return q;
	}

	@Test
	void theMappingGivesTheModelPerElectrodeArea() throws Exception {
		LumpedThermal t = DfnRunTest.inputs(write(cell(THERMAL.replace("area = 2 m2", "area = 2 m2\n  ambient-temperature = 30 degC"))), "X").thermal();
		assertEquals(400, t.heatCapacityPerArea(), 1e-9);
		assertEquals(1, t.heatTransferCoefficient(), 1e-12);
		assertEquals(2, t.coolingAreaRatio(), 1e-12);
		assertEquals(303.15, t.ambientTemperature(), 1e-9);
		// rho c_p V in its units, the ambient by default the cell's temperature
		String split = "  specific-heat-capacity = 1 J/g/K\n  density = 2 g/cm3\n  volume = 200 cm3\n  heat-transfer-coefficient = 1 mW/cm2/K\n"
				+ "  cooling-area = 500 cm2\n  temperature = 40 degC\n";
		LumpedThermal u = DfnRunTest.inputs(write(cell(split)), "X").thermal();
		assertEquals(1000 * 2000 * 200e-6, u.heatCapacityPerArea(), 1e-9, "c_p rho V / A");
		assertEquals(10, u.heatTransferCoefficient(), 1e-12);
		assertEquals(0.05, u.coolingAreaRatio(), 1e-12);
		assertEquals(313.15, u.ambientTemperature(), 1e-9);
		assertNull(DfnRunTest.inputs(write(cell("")), "X").thermal(), "no thermal data: isothermal");
		DfnInputs off = DfnRunTest.inputs(write(cell(THERMAL + "  without thermal\n")), "X");
		assertNull(off.thermal(), "switched off");
		assertEquals("switched off", off.values().get("thermal"));
	}

	@Test
	void theHeatGeneratedIsStoredOrLost() throws Exception {
		RecordingSink sink = run(cell(THERMAL));
		List<Sample> s = sink.samples;
		double t0 = s.get(0).temperature(), tEnd = sink.last().temperature();
		double max = s.stream().mapToDouble(Sample::temperature).max().orElseThrow();
		assertEquals(298.15, t0, 1e-12, "starts at the cell's temperature");
		assertTrue(max > t0 + 0.5, "a 2 C discharge warms the cell: " + max + " K");
		assertTrue(tEnd < max - 0.1, "and it cools during the rest: " + tEnd + " K after " + max + " K");
		double q = generated(s), stored = 400 * (tEnd - t0), out = lost(s, 1 * 2, 298.15);
		// the samples are every accepted step and the splitting takes each step's mean heat: the balance closes to round-off
		// but for the steps cut at the voltage cut-off
		assertEquals(q, stored + out, 0.005 * q, "generated " + q + " J/m2 = stored " + stored + " + lost " + out);
	}

	@Test
	void theSplittingErrorIsSmall() throws Exception {
		// the DAE sees each step's starting temperature: at 20 s steps (10 % of the thermal time constant C/(h A_cool)
		// = 200 s) the warmest temperature moves by less than 2 % of the rise from the default steps
		RecordingSink coarse = run(cell(THERMAL));
		RecordingSink fine = run(cell(THERMAL).replace("experiment X { cell C protocol D }", "experiment X { cell C protocol D solver { max-step = 20 s } }"));
		double a = coarse.samples.stream().mapToDouble(Sample::temperature).max().orElseThrow();
		double b = fine.samples.stream().mapToDouble(Sample::temperature).max().orElseThrow();
		System.out.printf(java.util.Locale.ROOT, "splitting: warmest %.4f K (default steps, %d samples) against %.4f K (20 s steps, %d)%n", a,
				coarse.samples.size(), b, fine.samples.size());
		assertTrue(fine.samples.size() > coarse.samples.size(), "more steps");
		assertEquals(b - 298.15, a - 298.15, 0.02 * (b - 298.15));
	}

	@Test
	void aLargeHeatTransferCoefficientKeepsTheAmbientTemperatureAndTheIsothermalVoltage() throws Exception {
		RecordingSink iso = run(cell(""));
		RecordingSink cooled = run(cell(THERMAL.replace("1 W/m2/K", "1e7 W/m2/K")));
		for (Sample x : cooled.samples) assertEquals(298.15, x.temperature(), 1e-3, "at t = " + x.time() + " s");
		assertEquals(iso.last().time(), cooled.last().time(), 1.0, "the same run");
		double end = iso.samples.stream().filter(x -> x.stepIndex() == 0).mapToDouble(Sample::time).max().orElseThrow();
		for (double t : new double[] { 0.2 * end, 0.5 * end, 0.8 * end })
			assertEquals(voltageAt(iso.samples, t), voltageAt(cooled.samples, t), 1e-3, "the isothermal voltage at " + t + " s");
	}

	/** The voltage at time t of the first step (linear between samples). */
	static double voltageAt(List<Sample> s, double t) {
		for (int k = 1; k < s.size(); k++) {
			Sample a = s.get(k - 1), b = s.get(k);
			if (a.stepIndex() == 0 && b.stepIndex() == 0 && a.time() <= t && b.time() >= t && b.time() > a.time())
				return a.voltage() + (b.voltage() - a.voltage()) * (t - a.time()) / (b.time() - a.time());
		}
		throw new AssertionError("no sample around " + t + " s");
	}

	@Test
	void withoutCoolingAllTheHeatIsStored() throws Exception {
		RecordingSink sink = run(cell(THERMAL.replace("1 W/m2/K", "0 W/m2/K")));
		List<Sample> s = sink.samples;
		for (int k = 1; k < s.size(); k++)
			assertTrue(s.get(k).temperature() >= s.get(k - 1).temperature() - 1e-12, "adiabatic: never cooler (no heat is absorbed here)");
		double q = generated(s), stored = 400 * (sink.last().temperature() - s.get(0).temperature());
		assertEquals(q, stored, 0.005 * q, "adiabatic: generated " + q + " J/m2 = stored " + stored);
		RecordingSink cooled = run(cell(THERMAL));
		assertTrue(sink.last().temperature() > cooled.last().temperature() + 0.5, "warmer than the cooled cell");
	}

	@Test
	void anEntropicCoefficientAddsTheReversibleHeat() throws Exception {
		// the cathode's dU/dT = -0.2 mV/K: on discharge (its reduction current -I) the reversible heat -I T dU_p/dT > 0
		String text = cell(THERMAL.replace("1 W/m2/K", "0 W/m2/K")).replace("electronic-conductivity = 10 S/m  exchange-current-density = 3 A/m2",
				"electronic-conductivity = 10 S/m  exchange-current-density = 3 A/m2  entropic-coefficient = -0.2 mV/K");
		DfnInputs in = DfnRunTest.inputs(write(text), "X");
		assertEquals("-0.000200000 -0.000200000 -0.000200000", in.values().get("p.entropic-coefficient"), in.values().toString());
		var u = in.cell().positive().ocp();
		assertEquals(u.at(0.5, 298.15) - 10 * 2e-4, u.at(0.5, 308.15), 1e-12, "U(x, T) = U(x, T_ref) + (T - T_ref) dU/dT");
		RecordingSink sink = new RecordingSink();
		assertEquals(RunStatus.COMPLETED, DfnRunner.run(in, sink, ProgressListener.NONE), sink.events.toString());
		List<Sample> s = sink.samples;
		double reversible = 0;
		for (int k = 1; k < s.size(); k++) {
			Sample a = s.get(k - 1), b = s.get(k);
			// -I T dU_oc/dT with I = -current (discharge positive) and dU_oc/dT = dU_p/dT
			reversible += 0.5 * (a.current() * a.temperature() + b.current() * b.temperature()) * -2e-4 * (b.time() - a.time());
		}
		// the same run without the coefficient: its heat is the irreversible part (the temperatures differ a little, and
		// with them the kinetics and the OCP, so the difference is the reversible heat to a few % of it)
		RecordingSink plain = run(cell(THERMAL.replace("1 W/m2/K", "0 W/m2/K")));
		double total = generated(s), irreversible = generated(plain.samples), stored = 400 * (sink.last().temperature() - s.get(0).temperature());
		assertTrue(reversible > 0.1 * irreversible, "a sizeable reversible part: " + reversible + " of " + irreversible + " J/m2");
		assertEquals(total, stored, 0.005 * total, "adiabatic: all of it stored");
		assertEquals(reversible, total - irreversible, 0.05 * reversible, "the local reversible heat sum a j T dU/dT dx = -I T dU_p/dT");
	}

	/** PyBaMM 26.8's lumped-thermal DFN of the same cell, IDAKLU rtol 1e-8 (bench/pybamm/side_by_side.py full-thermal). */
	static final Path PYBAMM = Path.of("../../bench/pybamm/chen2020_full_thermal_1C_pybamm_rtol1e-8.csv");

	@Test
	void theLibrarysChen2020CellWarmsAsPyBammsLumpedModel() throws Exception {
		Path f = tmp.resolve("chen.cell");
		Files.writeString(f, "package t\nimport cellwright.sets.chen2020.*\nexperiment X { cell Chen2020LGM50Thermal protocol Chen2020Discharge1C }\n"
				+ "experiment I { cell Chen2020LGM50 protocol Chen2020Discharge1C }\n");
		DfnInputs in = DfnRunTest.inputs(f, "X");
		RecordingSink sink = new RecordingSink(), iso = new RecordingSink();
		assertEquals(RunStatus.COMPLETED, DfnRunner.run(in, sink, ProgressListener.NONE), sink.events.toString());
		assertEquals(RunStatus.COMPLETED, DfnRunner.run(DfnRunTest.inputs(f, "I"), iso, ProgressListener.NONE), iso.events.toString());
		double rise = sink.last().temperature() - 298.15;
		double heat = generated(sink.samples) * in.area();
		assertEquals(42.775, in.thermal().heatCapacityPerArea() * in.area(), 0.001, "rho c_p V");
		assertTrue(rise < heat / 42.775, "below the adiabatic bound");
		assertTrue(sink.last().time() >= iso.last().time() - 5, "a warmer cell does not deliver less at 1 C: " + sink.last().time() + " s");
		// against PyBaMM's temperature curve (the same heat capacity, cooling and local heat; its mesh 20/20/20 x 30 is the
		// language's default): every 10 s to the earlier of the two ends
		PyBammThermal py = PyBammThermal.read(PYBAMM, sink.samples);
		double worst = py.worst(), pybammRise = py.rise(), pybammEnd = py.end(), pybammHeat = py.heat();
		System.out.printf(java.util.Locale.ROOT, "Chen 2020 1C: %.3f K warmer at the end (%.0f s; isothermal %.0f s), heat %.0f J; PyBaMM %.3f K (%.0f s,"
				+ " %.0f J); largest difference %.3f K%n", rise, sink.last().time(), iso.last().time(), heat, pybammRise, pybammEnd, pybammHeat, worst);
		assertEquals(pybammHeat, heat, 0.01 * pybammHeat, "the heat generated against PyBaMM's (J)");
		assertEquals(pybammRise, rise, 0.01 * pybammRise, "the rise at the end against PyBaMM's");
		assertTrue(worst < 0.01 * pybammRise, "the temperature curve within 1 % of the rise of PyBaMM's: " + worst + " K");
	}

	/** The recorded temperature at t, linear between samples. */
	static double temperatureAt(List<Sample> s, double t) {
		for (int k = 1; k < s.size(); k++) {
			Sample a = s.get(k - 1), b = s.get(k);
			if (a.time() <= t && b.time() >= t && b.time() > a.time())
				return a.temperature() + (b.temperature() - a.temperature()) * (t - a.time()) / (b.time() - a.time());
		}
		return s.get(0).temperature();
	}

	@Test
	void partialThermalDataIsAnErrorAtTheCell() throws Exception {
		String text = cell("  heat-transfer-coefficient = 10 W/m2/K\n  specific-heat-capacity = 900 J/kg/K\n");
		InputException e = assertThrows(InputException.class, () -> DfnRunTest.inputs(write(text), "X"));
		assertEquals(DfnRunTest.line(text, "cell C"), e.problem().line(), e.problem().format());
		String m = e.problem().message();
		assertTrue(m.contains("lacks cooling-area; density, volume (or heat-capacity)") && m.contains("without thermal"), m);
		// switched off, the same data are not needed
		assertNull(DfnRunTest.inputs(write(cell("  heat-transfer-coefficient = 10 W/m2/K\n  without thermal\n")), "X").thermal());
	}

	@Test
	void theRunWritesTheTemperatureAndTheReportPlotsIt() throws Exception {
		Path f = write(cell(THERMAL));
		Path out = tmp.resolve("runs");
		Cli.Result r = Cli.cli("run", f.toString(), "--out", out.toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		Path ts = org.cellwright.run.store.RunStore.latest(out.resolve("X")).resolve("timeseries.csv");
		List<String> lines = Files.readAllLines(ts);
		int col = List.of(lines.get(0).split(",")).indexOf("temperature_K");
		double max = lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[col])).max().orElseThrow();
		assertTrue(max > 298.65, "timeseries.csv carries the warming cell: " + max + " K");
		String report = Files.readString(ts.resolveSibling("report.html"));
		assertTrue(report.contains("id=\"temperature\"") && report.contains("Cell temperature"), "the report plots it");
	}

	/**
	 * PyBaMM's lumped-thermal curve (a CSV of time, voltage, temperature, total heating [W]) against a run's samples:
	 * its rise and end, the heat it generated (trapezoids) and the largest temperature difference up to the run's end.
	 */
	record PyBammThermal(double rise, double end, double heat, double worst) {
		static PyBammThermal read(java.nio.file.Path csv, List<Sample> samples) throws java.io.IOException {
			List<String> rows = Files.readAllLines(csv);
			double runEnd = samples.get(samples.size() - 1).time();
			double worst = 0, rise = 0, end = 0, heat = 0, tBefore = 0, qBefore = Double.NaN;
			for (String row : rows.subList(1, rows.size())) {
				String[] c = row.split(",");
				double t = Double.parseDouble(c[0]), temperature = Double.parseDouble(c[2]), q = Double.parseDouble(c[3]);
				if (!Double.isNaN(qBefore)) heat += 0.5 * (qBefore + q) * (t - tBefore); // its "Total heating [W]"
				qBefore = q;
				tBefore = t;
				rise = temperature - 298.15;
				end = t;
				if (t > runEnd) continue;
				worst = Math.max(worst, Math.abs(temperatureAt(samples, t) - temperature));
			}
			return new PyBammThermal(rise, end, heat, worst);
		}
	}

	/**
	 * A sweep's temperature is the surroundings' too, as 'set temperature' sets both: the library's thermal Chen 2020
	 * cell states its ambient (298.15 K); swept to 0 degC it started at 273.15 K and warmed towards 298.15 K, so a
	 * 2 C discharge ended as at 25 degC.
	 */
	@Test
	void aSweptTemperatureIsTheAmbientsToo() throws Exception {
		Path file = write("package t\nimport cellwright.sets.chen2020.*\nprotocol P { discharge at 1 C for 10 min }\n"
				+ "experiment X { cell Chen2020LGM50Thermal protocol P }\n");
		org.cellwright.model.Experiment x = DfnRunTest.experiment(file, "X");
		org.cellwright.model.Quantity cold = org.cellwright.model.CellwrightFactory.eINSTANCE.createQuantity();
		cold.setValue(0);
		cold.setUnit("degC");
		DfnInputs swept = DfnMapping.of(x, "X", Map.of("temperature", cold), org.cellwright.run.Plans.provenance("X", x));
		assertEquals(273.15, swept.cell().temperature(), 1e-9);
		assertEquals(273.15, swept.thermal().ambientTemperature(), 1e-9, "the ambient follows the swept temperature");
		assertEquals(298.15, DfnRunTest.inputs(file, "X").thermal().ambientTemperature(), 1e-9, "unswept: the cell's own ambient");
	}
}

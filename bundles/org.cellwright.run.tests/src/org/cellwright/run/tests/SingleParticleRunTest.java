package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.cellwright.run.dfn.DfnInputs;
import org.cellwright.run.dfn.DfnRunner;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.StepResult;
import org.cellwright.testing.Cli;
import org.cellwright.solver.physics.Constants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 'model single-particle' cell (SingleParticleModel) runs with the lumped thermal model (its heat the DFN's local heat
 * classes, LocalHeat per electrode: the reaction heat at the particle surfaces, no heat of mixing) and with voltage holds
 * (the current an unknown constrained by V), as a DFN cell does; Chen 2020's cell as an SPM warms as PyBaMM's lumped SPM.
 */
class SingleParticleRunTest {

	@TempDir Path tmp;

	/** DfnRunTest's single-particle cell (no entropic coefficients: q = I (U_oc,surf - V)). */
	static String cell(String thermal, String protocol) {
		return DfnRunTest.CELL.replace("experiment X { cell C protocol D }", """
				cell S { model single-particle  area = 1 m2  nominal-capacity = 20 Ah
				""" + thermal + """
					layer n: G 80 um { particle-radius = 8 um  active-volume-fraction = 0.5 }
					layer p: P 80 um { particle-radius = 8 um  active-volume-fraction = 0.5 }
				}
				experiment Y { cell S protocol D }""").replace("protocol D { discharge at 1 C until 3.0 V }", "protocol D {\n" + protocol + "\n}");
	}

	RecordingSink run(String text) throws Exception {
		DfnInputs in = DfnRunTest.inputs(Cli.write(tmp.resolve("t.cell"), text), "Y");
		assertTrue(in.cell().isSingleParticle());
		RecordingSink sink = new RecordingSink();
		assertEquals(RunStatus.COMPLETED, DfnRunner.run(in, sink, ProgressListener.NONE), sink.events.toString());
		return sink;
	}

	@Test
	void theLumpedThermalModelHeatsASingleParticleCellByItsEnergyBalance() throws Exception {
		RecordingSink sink = run(cell(DfnThermalRunTest.THERMAL, " discharge at 2 C until 3.0 V\n rest for 20 min"));
		List<Sample> s = sink.samples;
		double t0 = s.get(0).temperature(), peak = s.stream().mapToDouble(Sample::temperature).max().orElseThrow();
		assertEquals(298.15, t0, 1e-9);
		assertTrue(peak > t0 + 0.5, "the discharge heats the cell: " + peak + " K");
		// generated = stored + lost (400 J/K per m2, h A_cool / A = 2 W/m2/K), the quadratures of the DFN's test: the
		// samples are every accepted step and the splitting takes each step's mean heat
		double generated = DfnThermalRunTest.generated(s), stored = 400 * (s.get(s.size() - 1).temperature() - t0);
		double lost = DfnThermalRunTest.lost(s, 2, 298.15);
		assertTrue(generated > 1000, generated + " J/m2");
		assertEquals(generated, stored + lost, 0.005 * generated, "generated " + generated + " J/m2 = stored " + stored + " + lost " + lost);
		// during the rest no current: the cell cools towards the surroundings
		Sample last = s.get(s.size() - 1);
		assertEquals(0, last.current(), 1e-12);
		assertTrue(last.temperature() < peak - 0.1, last.temperature() + " K after the rest, peak " + peak + " K");
		// adiabatic (h = 0): all of it stored
		RecordingSink adiabatic = run(cell(DfnThermalRunTest.THERMAL.replace("1 W/m2/K", "0 W/m2/K"), " discharge at 2 C until 3.0 V"));
		double q = DfnThermalRunTest.generated(adiabatic.samples), kept = 400 * (adiabatic.last().temperature() - t0);
		assertEquals(q, kept, 0.005 * q, "adiabatic: generated " + q + " J/m2 = stored " + kept);
	}

	@Test
	void aVoltageHoldOnASingleParticleCellHoldsItsVoltageAndEndsAtItsCurrentLimit() throws Exception {
		RecordingSink sink = run(cell("", " charge at 1 C until 3.65 V\n hold at 3.65 V until 0.05 C"));
		List<StepResult> steps = sink.cycles.get(0).steps();
		assertEquals(List.of("voltage-cutoff", "current-cutoff"), steps.stream().map(r -> r.end().label()).toList());
		List<Sample> hold = sink.samples.stream().filter(x -> x.stepIndex() == 1).toList();
		assertTrue(hold.size() > 5, "" + hold.size());
		double previous = Double.POSITIVE_INFINITY;
		for (Sample x : hold) {
			assertEquals(3.65, x.voltage(), 1e-6, "the held voltage at t = " + x.time() + " s");
			assertTrue(x.current() > 0 && x.current() <= previous + 1e-9, "a charging current that decays: " + x.current() + " at " + x.time() + " s");
			previous = x.current();
		}
		// the hold ends where the current falls to 0.05 C (20 Ah over 1 m2: 1 A/m2)
		assertEquals(0.05 * 20 * 3600 / 3600.0, hold.get(hold.size() - 1).current(), 1e-3);
		// the hold's charge is the lithium it moved (Faraday), to rounding, as in the DFN (DfnDriveCycleRunTest): it was
		// the trapezoids of the solved current, 0.15 % off on BPX's SPM pouch cell
		double q = steps.get(1).charge();
		Sample a = hold.get(0), b = hold.get(hold.size() - 1);
		assertEquals(q / Constants.F, b.lithium().host() - a.lithium().host(), 1e-6 * q / Constants.F, "lithium into the negative particle");
		assertEquals(-q / Constants.F, b.lithium().cathode() - a.lithium().cathode(), 1e-6 * q / Constants.F, "out of the positive's");
	}

	/** PyBaMM 26.8's lumped-thermal SPM of Chen 2020's cell, IDAKLU rtol 1e-8 (bench/pybamm/side_by_side.py spm-thermal). */
	static final Path PYBAMM = Path.of("../../bench/pybamm/chen2020_spm_thermal_1C_pybamm_rtol1e-8.csv");

	/**
	 * The library's Chen 2020 LG M50 (its materials, thicknesses, particles, initial stoichiometries and thermal data) as a
	 * single-particle cell, 1 C to 2.5 V, 30 shells per particle as PyBaMM's: the heat and the temperature curve as PyBaMM's
	 * SPM({"thermal": "lumped"}), whose heat is the same local heat (reaction a j eta at the surfaces, no ohmic heat with
	 * uniform potentials, no heat of mixing); the samples' heat below Bernardi's I (U_oc - V) at the mean stoichiometries,
	 * the heat counted before.
	 */
	@Test
	void chen2020AsASingleParticleCellWarmsAsPyBammsLumpedSpm() throws Exception {
		Path f = Cli.write(tmp.resolve("chen.cell"), """
				package t
				import cellwright.sets.chen2020.*
				cell ChenSpm {
					model single-particle
					area = 1027 cm2  temperature = 298.15 K  nominal-capacity = 5 Ah
					density = 2705.52 kg/m3  specific-heat-capacity = 653.322 J/kg/K  volume = 24.2 cm3
					heat-transfer-coefficient = 10 W/m2/K  cooling-area = 53.1 cm2  ambient-temperature = 298.15 K
					layer negative: LGM50Graphite 85.2 um { active-volume-fraction = 0.75  particle-radius = 5.86 um  initial-stoichiometry = 0.9013973983641687 }
					layer positive: LGM50NMC811 75.6 um { active-volume-fraction = 0.665  particle-radius = 5.22 um  initial-stoichiometry = 0.2699987322515213 }
				}
				experiment S { cell ChenSpm protocol Chen2020Discharge1C solver { particle-nodes = 30 } }
				""");
		DfnInputs in = DfnRunTest.inputs(f, "S");
		assertTrue(in.cell().isSingleParticle());
		RecordingSink sink = new RecordingSink();
		assertEquals(RunStatus.COMPLETED, DfnRunner.run(in, sink, ProgressListener.NONE), sink.events.toString());
		double rise = sink.last().temperature() - 298.15, heat = DfnThermalRunTest.generated(sink.samples) * in.area();
		double bernardi = 0; // I (U_oc - V) at the mean stoichiometries, the samples' OCV (the current's sign: charge positive)
		for (int k = 1; k < sink.samples.size(); k++) {
			Sample a = sink.samples.get(k - 1), b = sink.samples.get(k);
			bernardi += 0.5 * (-a.current() * (a.ocv() - a.voltage()) - b.current() * (b.ocv() - b.voltage())) * (b.time() - a.time()) * in.area();
		}
		DfnThermalRunTest.PyBammThermal py = DfnThermalRunTest.PyBammThermal.read(PYBAMM, sink.samples);
		double worst = py.worst(), pybammRise = py.rise(), pybammEnd = py.end(), pybammHeat = py.heat();
		System.out.printf(java.util.Locale.ROOT, "Chen 2020 SPM 1C: %.3f K warmer at the end (%.1f s), heat %.1f J (Bernardi's %.1f J); PyBaMM %.3f K"
				+ " (%.1f s, %.1f J); largest difference %.4f K%n", rise, sink.last().time(), heat, bernardi, pybammRise, pybammEnd, pybammHeat, worst);
		assertEquals(pybammEnd, sink.last().time(), 0.002 * pybammEnd, "the end at 2.5 V against PyBaMM's");
		assertEquals(pybammHeat, heat, 0.01 * pybammHeat, "the heat generated against PyBaMM's (J)");
		assertEquals(pybammRise, rise, 0.01 * pybammRise, "the rise at the end against PyBaMM's");
		assertTrue(worst < 0.01 * pybammRise, "the temperature curve within 1 % of the rise of PyBaMM's: " + worst + " K");
		assertTrue(bernardi > 1.02 * heat, "Bernardi's heat at the mean stoichiometries counts the gradients' energy too: " + bernardi + " J");
	}
}

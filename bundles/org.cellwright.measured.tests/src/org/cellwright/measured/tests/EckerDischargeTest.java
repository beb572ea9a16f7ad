package org.cellwright.measured.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cellwright.measured.ColumnMapping;
import org.cellwright.measured.CyclerDataReader;
import org.cellwright.measured.ErrorFigures;
import org.cellwright.measured.MeasuredSeries;
import org.cellwright.solver.dfn.ButlerVolmerKinetics;
import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnCell;
import org.cellwright.solver.dfn.ExchangeCurrentDensity;
import org.cellwright.solver.dfn.FickianParticle;
import org.cellwright.solver.dfn.IntercalationElectrode;
import org.cellwright.solver.dfn.ParticlePopulation;
import org.cellwright.solver.dfn.DfnMesh;
import org.cellwright.solver.dfn.DfnSimulation;
import org.cellwright.solver.dfn.DfnSolution;
import org.cellwright.solver.params.Ecker2015;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The DFN with the published Ecker et al. 2015 set (Ecker2015, not fitted; isothermal at 298.15 K or with the lumped
 * thermal model and the set's thermal data) against the measured
 * 1 C and 5 C discharges of the Kokam SLPB 75106100 cell (../shared/data/dfn-reference/measured/ecker2015, digitised),
 * through the research loop's ErrorFigures. The bounds are the figures this model reaches (docs/dfn.md) with a margin:
 * the test guards them; it does not claim a fit.
 */
class EckerDischargeTest {

	@ParameterizedTest
	@CsvSource({ "1, false, 0.050", "5, false, 0.090", "1, true, 0.050", "5, true, 0.050" })
	void publishedSetAgainstTheMeasuredDischarge(int rate, boolean thermal, double rmsBound) throws Exception {
		Discharge d = discharge(Ecker2015.cell(), rate, thermal);
		MeasuredSeries measured = d.measured();
		DfnSolution s = d.simulated();
		ErrorFigures e = d.errors();
		assertEquals("voltage cut-off", s.endReason());
		double lastMeasured = measured.time(measured.size() - 1);
		assertTrue(s.last().time() > lastMeasured, "the simulation covers the measurement: " + s.last().time() + " s");
		assertEquals(measured.size(), e.points(), "every measured point compared");
		System.out.printf(java.util.Locale.ROOT, "Ecker 2015 %d C%s: RMS %.1f mV, largest %.1f mV, end %.1f K%n", rate, thermal ? " (thermal)" : "",
				e.voltageRms() * 1e3, e.voltageMax() * 1e3, s.last().temperature());
		assertTrue(e.voltageRms() < rmsBound, rate + "C: RMS " + e.voltageRms() * 1e3 + " mV");
		// capacity to the cut-off against the nominal 0.15625 Ah: within 6 % at 1 C
		double ah = s.charge() * Ecker2015.AREA / 3600;
		if (rate == 1) assertEquals(Ecker2015.NOMINAL_CAPACITY_AH, ah, 0.06 * Ecker2015.NOMINAL_CAPACITY_AH, "capacity " + ah + " Ah");
	}

	/**
	 * The fits of examples/ecker2015-fit.cell (docs/dfn.md, "A fit against the 1 C discharge") checked at 5 C, with the
	 * lumped thermal model as there: their estimates (NCO rate constant with a constant diffusivity, or with the charged
	 * cell's cathode stoichiometry) lower the 1 C RMS below the published set's and raise the 5 C RMS, which the fits
	 * did not see, above it. The 1 C data do not determine these values.
	 */
	@ParameterizedTest
	@CsvSource({ "2.6067e-6, 2.0e-14, 0.26", "1.7368e-6, NaN, 0.26982" })
	void theFitsAgainstTheOneCDischargeLoseAtFiveC(double k, double constantDiffusivity, double y0)
			throws Exception {
		IntercalationElectrode p = Ecker2015.nco();
		ParticlePopulation q = p.populations().get(0);
		FickianParticle particle = Double.isNaN(constantDiffusivity) ? q.particle()
				: new FickianParticle(q.particle().radius(), q.particle().maximumConcentration(), (x, t) -> constantDiffusivity);
		IntercalationElectrode fitted = new IntercalationElectrode(p.name(), p.thickness(), p.porosity(), q.activeFraction(),
				p.electrolyteBruggeman(), p.solid(), particle, y0 * q.particle().maximumConcentration(), q.ocp(),
				ButlerVolmerKinetics.symmetric(ExchangeCurrentDensity.symmetric(k, 43600, 296.15)));
		DfnCell cell = new DfnCell(Ecker2015.graphite(), Ecker2015.separator(), fitted, Ecker2015.electrolyte(), 1000, Ecker2015.T_AMBIENT);
		double published1 = rms(Ecker2015.cell(), 1), published5 = rms(Ecker2015.cell(), 5), fitted1 = rms(cell, 1), fitted5 = rms(cell, 5);
		System.out.printf(java.util.Locale.ROOT, "Ecker fit k %.4g: 1 C %.1f -> %.1f mV, 5 C %.1f -> %.1f mV%n", k, published1 * 1e3,
				fitted1 * 1e3, published5 * 1e3, fitted5 * 1e3);
		assertTrue(fitted1 < published1 - 0.005, "1 C (fitted): " + fitted1 * 1e3 + " mV, published " + published1 * 1e3 + " mV");
		assertTrue(fitted5 > published5, "5 C (not fitted): " + fitted5 * 1e3 + " mV, published " + published5 * 1e3 + " mV");
	}

	/** Voltage RMS of a cell with the set's thermal data against the measured discharge at a rate. */
	static double rms(DfnCell cell, int rate) throws Exception {
		return discharge(cell, rate, true).errors().voltageRms();
	}

	/** A measured Ecker discharge, the cell's simulation of it and the research loop's error figures. */
	record Discharge(MeasuredSeries measured, DfnSolution simulated, ErrorFigures errors) {}

	/**
	 * The cell discharged at a rate (1 C = the set's nominal 0.15625 Ah) to its 2.5 V cut-off, isothermal at 298.15 K or
	 * with the set's lumped thermal data, against the measured discharge at that rate.
	 */
	static Discharge discharge(DfnCell cell, int rate, boolean thermal) throws Exception {
		MeasuredSeries measured = new CyclerDataReader().mapping(ColumnMapping.parse("time=1:s,voltage=2:V"))
				.read(CyclerDataReaderTest.locate("ecker2015/Ecker_" + rate + "C.csv"));
		double end = 1.2 * 3600.0 / rate;
		double[] times = new double[601];
		for (int i = 0; i < times.length; i++) times[i] = end * i / (times.length - 1);
		DfnSimulation sim = new DfnSimulation(1e-4);
		if (thermal) sim.withThermal(Ecker2015.thermal());
		DfnSolution s = sim.run(cell, DfnMesh.benchmark(), CurrentProfile.constant(rate * Ecker2015.ONE_C), times, Ecker2015.CUTOFF);
		return new Discharge(measured, s, ErrorFigures.compare(measured, new ErrorFigures.Simulated(s.times(), s.voltages(), null, null, null)));
	}
}

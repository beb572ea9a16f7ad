package org.cellwright.cli.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.run.folder.CsvTable;
import org.cellwright.solver.physics.CathodeElectrolyteInterphase;
import org.cellwright.solver.physics.Constants;
import org.cellwright.solver.physics.InterphaseTemperatureLaw;
import org.cellwright.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * kim2025.cell's probes read the model at the state the library's NCM811 exchange current was derived at, and what they
 * read is the charge transfer at that state plus the cathode interphase's film (docs/calibration.md, NCM811
 * exchange-current-density). Kim et al. 2025 (DOI 10.1016/j.electacta.2025.147413) do not report the state of charge of
 * their impedance; the derivation takes i0 at half filling from their 18.2 Ohm cm2, and so the probe must be taken
 * where i0(x) = i0(1/2) 2 sqrt(x (1 - x)) is i0(1/2): at half charge after the formation (x = 0.6, the factor 0.98),
 * not after its discharge to 2.5 V (x = 0.87, the factor 0.66, which made the probe 1.5x the derivation's charge
 * transfer before 2026-12-07). Since session 37 the derivation takes Kim's 18.2 and 22.4 Ohm cm2 less the film this
 * test computes (0.249 mA/cm2; 0.09 before, as if no film were in them), so charge transfer and film together give
 * Kim's numbers at 30 degC and 45 degC; the 60 degC probe is a known gap (StudyResultsTest.KNOWN_GAPS).
 */
class KimCrossrailTest {

	@TempDir Path tmp;

	/**
	 * At each of the four probes (72 wt% at 30 degC; 62 wt% at 30, 45 and 60 degC) the cathode's state is the
	 * derivation's (2 sqrt(x (1 - x)) within 2 % of 1, x from the Li in the cathode over its capacity), and the probe's
	 * kinetic overpotential, counted from the rest before it (the small-signal resistance an impedance measures; the
	 * rest's own, driven by the soft short's leak through Li filaments of the model's Li foil counter electrode, left
	 * out), is RT / (F i0(x) a L) + L_film / (kappa a L) within 1 %: the charge transfer at the probe's x and the film
	 * grown over the run's temperature history (CathodeElectrolyteInterphase's law), per electrode area, with a L =
	 * 3 phi_AM L / r and every value from the run's inputs.json. The check (cathode-interfacial-resistance at the
	 * probe's group) reads that value; it read 7 % less (13 % at 60 degC) while it divided the probe's overpotential,
	 * the leak's included, by the cell's current. The checks pass but the known gaps (Kim's 60 degC probe).
	 */
	@Test
	void theProbesReadTheDerivationsStateAsChargeTransferPlusTheInterphaseFilm() throws Exception {
		Path out = tmp.resolve("kim");
		Cli.Result r = Cli.cli("run", CliTest.examples().resolve("sung2023/kim2025.cell").toString(), "--out", out.toString());
		assertNotEquals(1, r.rc(), r.out() + r.err());
		for (String experiment : List.of("KimCrossrail72", "KimCrossrailHeated62")) {
			Path run = CliTest.latest(out, experiment);
			JsonObject cathode = null;
			for (JsonElement l : JsonParser.parseString(Files.readString(run.resolve("inputs.json"))).getAsJsonObject()
					.getAsJsonObject("cell").getAsJsonArray("layers"))
				if (l.getAsJsonObject().get("role").getAsString().equals("COMPOSITE_CATHODE")) cathode = l.getAsJsonObject();
			assertNotNull(cathode, experiment);
			// the active material's volume fraction, as LayerComposition has it: (1 - porosity) x its share of the volume
			double volume = 0, ncmVolume = 0;
			JsonObject ncm = null;
			for (JsonElement c : cathode.getAsJsonArray("components")) {
				JsonObject o = c.getAsJsonObject(), m = o.getAsJsonObject("material");
				double v = o.get("mass_fraction").getAsDouble() / value(m, "density");
				volume += v;
				if (m.get("name").getAsString().equals("NCM811")) { ncm = m; ncmVolume = v; }
			}
			assertNotNull(ncm, experiment);
			double thickness = cathode.get("thickness_m").getAsDouble(), radius = cathode.get("particle_radius_m").getAsDouble();
			double phi = (1 - cathode.get("porosity").getAsDouble()) * ncmVolume / volume;
			double aL = 3 * phi * thickness / radius; // particle surface per electrode area
			double capacity = value(ncm, "max_concentration") * Constants.F * phi * thickness / 36000; // mAh/cm2
			double k60 = value(ncm, "interphase_growth_constant"), eaGrowth = value(ncm, "interphase_activation_energy");
			double at = ncm.getAsJsonObject("properties").getAsJsonObject("interphase_growth_constant").get("at_K").getAsDouble();
			CathodeElectrolyteInterphase film = new CathodeElectrolyteInterphase(new InterphaseTemperatureLaw(
					k60 / Constants.arrhenius(eaGrowth, at, Constants.T_REF), value(ncm, "interphase_conductivity"), eaGrowth,
					value(ncm, "interphase_conduction_activation_energy"), Constants.T_REF));
			// the checks, in the order of the probes (30, 45, 60 degC): the metric's reading of each
			com.google.gson.JsonArray checks = JsonParser.parseString(Files.readString(run.resolve("checks.json"))).getAsJsonObject()
					.getAsJsonArray("checks");
			CsvTable ts = CsvTable.read(run.resolve("timeseries.csv"));
			double[] time = ts.column("time_h"), step = ts.column("step"), current = ts.column("current_mA_cm2"),
					temperature = ts.column("temperature_K"), eta = ts.column("eta_cathode_kinetic_V"), li = ts.column("li_cathode_mAh_cm2");
			int probes = 0;
			for (int i = 1; i < step.length; i++) {
				// the film over the run, step by step at each sample's temperature (the solver's backward Euler on L^2)
				film.setTemperature(temperature[i]);
				film.trial((time[i] - time[i - 1]) * 3600);
				film.commit();
				boolean lastOfStep = i == step.length - 1 || step[i + 1] != step[i];
				if (!lastOfStep || current[i] == 0) continue;
				int first = i;
				while (first > 0 && step[first - 1] == step[i]) first--;
				// a probe: 10 min of current after a rest (the formation's steps and the 10 h charge to half charge last longer)
				if (first == 0 || current[first - 1] != 0 || time[i] - time[first - 1] > 0.2) continue;
				probes++;
				double x = li[i] / capacity, factor = 2 * Math.sqrt(x * (1 - x));
				String where = experiment + ", probe at " + (temperature[i] - 273.15) + " degC, x = " + x;
				assertEquals(1, factor, 0.02, where + ": the state the exchange current was derived at (half filling)");
				double t = temperature[i];
				double i0 = value(ncm, "exchange_current_density") * Constants.arrhenius(value(ncm, "exchange_current_activation_energy"), t, Constants.T_REF);
				double chargeTransfer = Constants.R * t / (Constants.F * i0 * factor * aL) * 1e4; // Ohm cm2
				film.setTemperature(t);
				double filmShare = film.resistance() / aL * 1e4;
				// Ohm cm2 = V / (mA/cm2) x 1000
				double probe = (eta[i] - eta[first - 1]) / (current[i] - current[first - 1]) * 1e3;
				assertEquals(chargeTransfer + filmShare, probe, 0.01 * probe, where + ": charge transfer " + chargeTransfer + " + film " + filmShare);
				// and the check reads it so (cathode-interfacial-resistance: from the rest before the probe)
				assertEquals(probe, checks.get(probes - 1).getAsJsonObject().get("simulated_value").getAsDouble(), 1e-6 * probe, where);
			}
			assertEquals(experiment.endsWith("72") ? 1 : 3, probes, experiment);
		}
		StudyResultsTest.assertTable(r, StudyResultsTest.checks(out), List.of());
	}

	/** A material property's value in SI as inputs.json writes it. */
	private static double value(JsonObject material, String property) {
		return material.getAsJsonObject("properties").getAsJsonObject(property).get("value").getAsDouble();
	}
}

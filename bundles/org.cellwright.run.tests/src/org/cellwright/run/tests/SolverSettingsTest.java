package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.store.RunStore;
import org.cellwright.testing.Cli;
import org.cellwright.testing.PlatingCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The solver settings of docs/language.md end to end: {@code relative-tolerance} parses (its first word is a keyword of
 * the expect clauses) and reaches the solver; {@code output-interval = 0 s} records every time step; the output
 * interval does not move the nucleation overpotential, which is read at the solver's time steps.
 */
class SolverSettingsTest {

	@TempDir Path tmp;

	private int rows(String settings, String name) throws Exception {
		Path f = Cli.write(tmp.resolve(name).resolve("x.cell"), PlatingCell.file("5 MPa").replace("experiment X { cell C protocol P",
				"experiment X { cell C protocol P solver { " + settings + " }"));
		Cli.Result check = Cli.cli("check", f.toString());
		assertEquals(0, check.rc(), check.out() + check.err());
		Cli.Result r = Cli.cli("run", f.toString(), "--out", tmp.resolve(name).resolve("runs").toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		Path run = RunStore.latest(tmp.resolve(name).resolve("runs").resolve("X"));
		JsonObject settingsJson = JsonParser.parseString(Files.readString(run.resolve("inputs.json"))).getAsJsonObject().getAsJsonObject("solver_settings");
		if (settings.contains("relative-tolerance")) assertEquals(1e-5, settingsJson.get("relative_tolerance").getAsDouble(), 1e-12, settingsJson.toString());
		if (settings.contains("output-interval = 0")) assertEquals(0, settingsJson.get("output_interval_s").getAsDouble(), settingsJson.toString());
		return RunFolder.read(run).timeseries().rows();
	}

	@Test
	void relativeToleranceAndAnOutputIntervalOfZeroWorkEndToEnd() throws Exception {
		int everyHalfHour = rows("output-interval = 1800 s", "a");
		int everyStep = rows("relative-tolerance = 1e-5  output-interval = 0 s", "b");
		assertTrue(everyStep > everyHalfHour, "every step recorded: " + everyStep + " rows against " + everyHalfHour + " at 1800 s");
	}

	/**
	 * The nucleation overpotential of summary.json is a property of the model, not of the output interval: the first
	 * plating on steel (Li's interface energy and steel's contact angle as the study's library gives them) at 0.3
	 * mA/cm2 read at 60, 5 and 1 s outputs and at every step (0 s). Read off the samples it was 3.7 / 14.2 / 15.3 mV
	 * at 60 / 5 / 1 s on the study's cell 3: the dip's minimum is at the plating's onset.
	 */
	@Test
	void nucleationOverpotentialOfAFirstPlatingOnSteelDoesNotDependOnTheOutputInterval() throws Exception {
		String file = PlatingCell.cell("t", "2.5 mS/cm", "5 MPa")
				.replace("material S is current-collector { electronic-conductivity = 1.4e4 S/cm }",
						"material S is current-collector { electronic-conductivity = 1.4e4 S/cm  contact-angle = 90 deg }")
				.replace("electronic-conductivity = 1.1e5 S/cm }", "electronic-conductivity = 1.1e5 S/cm  interfacial-energy = 67.3 mJ/m2 }")
				+ "protocol P { discharge at 0.3 mA/cm2 for 1 h }\n";
		String[] intervals = {"60 s", "5 s", "1 s", "0 s"};
		for (int k = 0; k < intervals.length; k++)
			file += "experiment X%d { cell C protocol P solver { output-interval = %s } }\n".formatted(k, intervals[k]);
		Path f = Cli.write(tmp.resolve("nucleation").resolve("n.cell"), file);
		Cli.Result r = Cli.cli("run", f.toString(), "--out", tmp.resolve("nucleation").resolve("runs").toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		double[] read = new double[intervals.length];
		for (int k = 0; k < intervals.length; k++) {
			Path run = RunStore.latest(tmp.resolve("nucleation").resolve("runs").resolve("X" + k));
			JsonObject summary = JsonParser.parseString(Files.readString(run.resolve("summary.json"))).getAsJsonObject();
			assertFalse(summary.get("nucleation_overpotential_mV").isJsonNull(), intervals[k] + ": " + summary);
			read[k] = summary.get("nucleation_overpotential_mV").getAsDouble();
		}
		String all = java.util.Arrays.toString(read) + " mV at " + String.join(" / ", intervals);
		assertTrue(read[3] > 5, "a dip of several mV on steel: " + all);
		for (int k = 0; k < 3; k++) assertEquals(read[3], read[k], 0.2, all);
	}
}

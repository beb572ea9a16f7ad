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
 * the expect clauses) and reaches the solver; {@code output-interval = 0 s} records every time step.
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
}

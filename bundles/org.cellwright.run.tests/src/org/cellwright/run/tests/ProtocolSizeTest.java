package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.testing.Cli;
import org.cellwright.testing.PlatingCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A protocol of a billion cycles ('repeat 1000000000'): run expanded its repeats before the first step and ran out of
 * memory after a minute ("FAILED: java.lang.OutOfMemoryError: Java heap space", fuzz20). Now refused before anything
 * runs, in the .cell file at its line and in an inputs.json by the solver's validation. A sweep of 40 billion runs
 * (a range's step of 1e-9 degC) ran out of memory listing them, with a stack trace: refused at the sweep.
 */
class ProtocolSizeTest {

	@TempDir Path tmp;

	static final String BILLION = "protocol P { repeat 1000000000 { discharge at 0.1 mA/cm2 for 1 h  charge at 0.1 mA/cm2 until 0.2 V for 2 h } }";

	@Test
	void aBillionCyclesInACellFileAreAnErrorAtTheRepeatNothingRuns() throws Exception {
		String text = PlatingCell.file("5 MPa").replace(PlatingCell.protocol("0.1 mA/cm2").strip(), BILLION);
		assertTrue(text.contains("1000000000"), text);
		Path f = Cli.write(tmp.resolve("t.cell"), text);
		long t0 = System.nanoTime();
		Cli.Result r = Cli.cli("run", f.toString(), "--out", tmp.resolve("out").toString());
		assertEquals(1, r.rc(), r.out() + r.err());
		assertTrue(r.err().contains("t.cell:") && r.err().contains("'repeat 1000000000' makes 2,000,000,000 steps, more than 1,000,000 steps"),
				r.err());
		assertFalse(r.out().contains("OutOfMemoryError") || r.err().contains("OutOfMemoryError"), r.out() + r.err());
		assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
		assertTrue((System.nanoTime() - t0) / 1e9 < 20, "refused at once");
	}

	@Test
	void aBillionCyclesInAnInputsJsonAreRefusedBeforeTheSolverStarts() throws Exception {
		Path f = Cli.write(tmp.resolve("t.cell"), PlatingCell.file("5 MPa"));
		assertEquals(0, Cli.cli("run", f.toString(), "--out", tmp.resolve("first").toString()).rc());
		JsonObject j = JsonParser.parseString(Files.readString(tmp.resolve("first/X/latest/inputs.json"))).getAsJsonObject();
		JsonObject protocol = j.getAsJsonObject("protocol");
		JsonObject repeat = new JsonObject();
		repeat.addProperty("type", "repeat");
		repeat.addProperty("count", 1_000_000_000);
		repeat.add("steps", protocol.getAsJsonArray("steps"));
		JsonArray steps = new JsonArray();
		steps.add(repeat);
		protocol.add("steps", steps);
		Path in = Cli.write(tmp.resolve("shared/inputs.json"), j.toString());
		Cli.Result r = Cli.cli("run", in.toString(), "--out", tmp.resolve("out").toString());
		assertEquals(1, r.rc(), r.out() + r.err());
		assertTrue((r.out() + r.err()).contains("protocol runs 2,000,000,000 steps (its repeats expanded), more than 1,000,000, the limit"),
				r.out() + r.err());
		assertFalse((r.out() + r.err()).contains("OutOfMemoryError"), r.out() + r.err());
	}

	@Test
	void aSweepOfFortyBillionRunsIsAnErrorAtTheSweepNothingRuns() throws Exception {
		String text = PlatingCell.file("5 MPa") + "sweep S {\n  experiment X\n  vary temperature from 20 degC to 60 degC step 1e-9 degC\n}\n";
		Path f = Cli.write(tmp.resolve("t.cell"), text);
		Cli.Result r = Cli.cli("run", f.toString(), "--experiment", "S", "--out", tmp.resolve("out").toString());
		assertEquals(1, r.rc(), r.out() + r.err());
		assertTrue(r.err().contains("error: this sweep runs 40,000,000,001 simulations (full factorial), more than 100,000"), r.err());
		assertFalse((r.out() + r.err()).contains("OutOfMemoryError") || r.err().contains("\tat "), r.out() + r.err());
		assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
	}
}

package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.store.RunStore;
import org.cellwright.testing.Cli;
import org.cellwright.testing.PlatingCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The limits of a cell's inputs (InputLimits: lithium's melting point, 180.5 degC, for a cell with a lithium-metal layer;
 * a layer's thickness; the temperature range) refuse running an inputs.json again, not reading it as the record of a
 * run that was made (InputsJson.Purpose). A run of a lithium cell at 200 degC made before the limits existed (session
 * 21) had its inputs.json refused when its folder was read, so its report and the Runs view lost its stack and
 * protocol ("inputs.json: cell.temperature_K: 200 degC is at or above lithium's melting point ... (stack and protocol
 * left out)", session 22). Its folder now reads whole; {@code ./cellwright run inputs.json} still refuses it.
 */
class RunRecordLimitsTest {
	@TempDir
	Path tmp;

	@Test
	void anOldRunAboveLithiumsMeltingPointReadsAsARecordAndIsRefusedAsARunAgain() throws Exception {
		Path out = tmp.resolve("out");
		Cli.Result r = Cli.cli("run", Cli.write(tmp.resolve("t.cell"), PlatingCell.file("5 MPa")).toString(), "--out", out.toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		Path run = RunStore.latest(out.resolve("X")), inputs = run.resolve(RunFiles.INPUTS);
		// the record as a run made before the limits wrote it: the lithium cell at 200 degC
		JsonObject j = JsonParser.parseString(Files.readString(inputs)).getAsJsonObject();
		j.getAsJsonObject("cell").addProperty("temperature_K", 473.15);
		Files.writeString(inputs, j.toString());

		RunFolder folder = RunFolder.read(run);
		assertNotNull(folder.inputs(), "the record reads: " + folder.notes());
		assertEquals(473.15, folder.inputs().cell().temperature(), 1e-9);
		assertEquals(4, folder.inputs().cell().layers().size(), "its stack");
		assertFalse(folder.inputs().protocol().steps().isEmpty(), "its protocol");
		assertTrue(folder.notes().stream().noneMatch(n -> n.contains("left out") || n.contains("melting")), folder.notes().toString());

		Cli.Result again = Cli.cli("run", inputs.toString(), "--out", tmp.resolve("again").toString());
		assertEquals(1, again.rc(), again.out() + again.err());
		assertTrue(again.err().contains("cell.temperature_K: 200 degC is at or above lithium's melting point, 180.5 degC"), again.err());
		assertTrue(again.err().contains("not run"), again.err());
		assertFalse(Files.exists(tmp.resolve("again").resolve("X")), "nothing ran");
	}
}

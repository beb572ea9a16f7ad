package org.cellwright.sharing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cellwright.cli.CellWrightCli;
import org.cellwright.sharing.bpx.BpxImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * BPX validation (issue 14): every file of ../shared/data/bpx and ../shared/data/bpx-real imports and runs the 1 C
 * discharge the import writes ({@code experiment Discharge1C}: from the file's initial state, charged unless its State
 * says otherwise, to its lower cut-off) through {@code cellwright run}, the one run pipeline, and its capacity agrees
 * with the file's nominal capacity within 2 %. A file the physics cannot run is listed in {@link #CANNOT_RUN} with the
 * reason, and the test asserts that the run refuses it with a located error rather than skipping it.
 */
public class BpxRunTest {

	@TempDir
	Path tmp;

	/** Files that cannot run a DFN discharge, with the reason (docs/sharing.md, "BPX files that run"). */
	static final Map<String, String> CANNOT_RUN = Map.of("nmc_pouch_cell_BPX_SPM.json",
			"a single-particle-model file: it has no electrolyte, separator or electrode porosity, which a DFN cell needs (the import gives it a placeholder solid separator)",
			"bpxrepo__nmc_pouch_cell_BPX_blended_electrode.json",
			"a blended positive electrode (two particle populations): imported whole, but the DFN run maps one active material per electrode yet");

	@Test
	void everySharedBpxFileRunsAOneCDischargeToItsNominalCapacity() throws Exception {
		List<String> table = new ArrayList<>(), failures = new ArrayList<>();
		for (Path json : BpxValidatorTest.sharedFiles()) {
			String name = json.getFileName().toString();
			BpxImporter.Result r = BpxImporter.importFile(json);
			Path dir = tmp.resolve(json.getParent().getFileName() + "-" + name.replace(".json", ""));
			Files.createDirectories(dir);
			Path cell = dir.resolve("cell.cell");
			Files.writeString(cell, r.text());
			StringWriter o = new StringWriter(), e = new StringWriter();
			int rc = CellWrightCli.execute(new PrintWriter(o, true), new PrintWriter(e, true), "run", cell.toString(), "--out",
					dir.resolve("results").toString());
			if (CANNOT_RUN.containsKey(name)) {
				assertEquals(1, rc, name + " is refused: " + o + e);
				assertTrue((o.toString() + e).contains("cell.cell:"), name + ": the refusal is located in the file: " + o + e);
				table.add(name + ": not run (" + CANNOT_RUN.get(name) + ")");
				continue;
			}
			double nominal = JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonObject("Parameterisation").getAsJsonObject("Cell")
					.get("Nominal cell capacity [A.h]").getAsDouble();
			Path summaryFile = dir.resolve("results/Discharge1C/latest/summary.json");
			if (!Files.isRegularFile(summaryFile)) {
				failures.add(name + ": no run (rc " + rc + "): " + o + e);
				continue;
			}
			JsonObject summary = JsonParser.parseString(Files.readString(summaryFile)).getAsJsonObject();
			double ah = ParameterSetsTest.dischargedAh(summary, o.toString());
			String line = String.format(java.util.Locale.ROOT, "%s: %.4f Ah at 1 C against the nominal %.4g Ah (%+.2f %%)", name, ah, nominal,
					100 * (ah / nominal - 1));
			table.add(line);
			if (Math.abs(ah / nominal - 1) > 0.02)
				failures.add(line);
		}
		System.out.println("BPX 1 C discharges:\n  " + String.join("\n  ", table));
		assertTrue(failures.isEmpty(), "outside 2 % of the nominal capacity or not run:\n" + String.join("\n", failures) + "\nall:\n" + String.join("\n", table));
	}
}

package org.cellwright.sharing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.model.CellThermal;
import org.cellwright.lang.model.Layers;
import org.cellwright.model.Cell;
import org.cellwright.sharing.bpx.BpxExporter;
import org.cellwright.sharing.bpx.BpxImporter;
import org.cellwright.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * BPX's lumped thermal data (docs/sharing.md): "Cell"'s density, specific heat capacity, external surface area and
 * volume and "State" / "Thermal environment"'s heat-transfer coefficient import as the cell's thermal properties and
 * export back (the re-export passes the BPX validator); a file without a heat-transfer coefficient imports as a cell
 * 'without thermal' that runs isothermal; the library's thermal cell exports its data.
 */
public class BpxThermalTest {

	@TempDir
	Path tmp;

	static final String KEYS[] = { "Density [kg.m-3]", "Specific heat capacity [J.K-1.kg-1]", "External surface area [m2]", "Volume [m3]" };

	/** The imported cell, written as dir/name.cell and checked without errors. */
	static Cell imported(Path dir, BpxImporter.Result r, String name) throws Exception {
		Path f = dir.resolve(name + ".cell");
		Files.writeString(f, r.text());
		CellWrightChecker.Result res = new CellWrightChecker().check(List.of(f));
		assertFalse(res.hasErrors(), () -> res.issues().toString());
		return BpxDfnTest.cell(res, f);
	}

	static JsonObject read(Path f) throws Exception {
		return JsonParser.parseString(Files.readString(f)).getAsJsonObject();
	}

	/** timeseries.csv's temperature column of a run's latest results. */
	static double[] temperatures(Path results, String experiment) throws Exception {
		List<String> lines = Files.readAllLines(results.resolve(experiment + "/latest/timeseries.csv"));
		int col = List.of(lines.get(0).split(",")).indexOf("temperature_K");
		return lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[col])).toArray();
	}

	@Test
	void aFileWithItsThermalDataRunsItsTemperatureAndExportsItBack() throws Exception {
		Path json = BpxDfnTest.shared().resolve("data/bpx-real/explorebpx__nmc_pouch_cell.json");
		JsonObject original = read(json);
		BpxImporter.Result r = BpxImporter.importFile(json);
		Cell c = imported(tmp, r, "explore");
		JsonObject cell = original.getAsJsonObject("Parameterisation").getAsJsonObject("Cell");
		assertEquals(cell.get("Density [kg.m-3]").getAsDouble(), Layers.si(c, "density").getAsDouble(), 1e-9);
		assertEquals(cell.get("Specific heat capacity [J.K-1.kg-1]").getAsDouble(), Layers.si(c, "specific-heat-capacity").getAsDouble(), 1e-9);
		assertEquals(cell.get("External surface area [m2]").getAsDouble(), Layers.si(c, "cooling-area").getAsDouble(), 1e-15);
		assertEquals(cell.get("Volume [m3]").getAsDouble(), Layers.si(c, "volume").getAsDouble(), 1e-15);
		assertEquals(10, Layers.si(c, "heat-transfer-coefficient").getAsDouble(), 1e-12);
		assertTrue(CellThermal.isThermal(c) && CellThermal.missing(c).isEmpty(), r.text());
		assertTrue(r.mapped().contains("State / Thermal environment / Heat transfer coefficient [W.m-2.K-1]"), r.report());
		assertTrue(r.skipped().stream().noneMatch(k -> k.contains("Density") || k.contains("Volume")), r.report());

		// exported back: the Cell's fields and the State as they were; the validator accepts it
		JsonObject out = BpxExporter.export(c);
		for (String k : KEYS)
			assertEquals(cell.get(k).getAsDouble(), out.getAsJsonObject("Parameterisation").getAsJsonObject("Cell").get(k).getAsDouble(), 1e-12, k);
		assertEquals(original.get("State"), out.get("State"));
		Path back = tmp.resolve("explore.bpx.json");
		Files.writeString(back, new Gson().toJson(out));
		assertTrue(BpxValidatorTest.validate(List.of(back)).get(back), "the BPX validator accepts the re-export");

		// and it runs with its temperature: a 1 C discharge warms the 216 J/K pouch through its 0.0379 m2 at 10 W/m2/K
		Path f = tmp.resolve("explore.cell");
		Path results = tmp.resolve("runs");
		Cli.Result ran = Cli.cli("run", f.toString(), "--out", results.toString());
		assertEquals(0, ran.rc(), ran.out() + "\n" + ran.err());
		double[] t = temperatures(results, "Discharge1C");
		double max = java.util.Arrays.stream(t).max().orElseThrow();
		assertEquals(298.15, t[0], 1e-9);
		assertTrue(max > 298.2 && max < 310, "warmer by " + (max - 298.15) + " K");
	}

	@Test
	void aFileWithoutAHeatTransferCoefficientRunsIsothermal() throws Exception {
		Path json = BpxDfnTest.shared().resolve("data/bpx-real/aboutenergy__nmc_pouch_cell_BPX.json");
		JsonObject original = read(json);
		BpxImporter.Result r = BpxImporter.importFile(json);
		assertTrue(r.text().contains("\twithout thermal"), r.text());
		assertTrue(r.notes().stream().anyMatch(n -> n.contains("Heat transfer coefficient") && n.contains("'without thermal'")), r.report());
		Cell c = imported(tmp, r, "aboutenergy");
		assertFalse(CellThermal.isThermal(c));
		assertEquals(1847, Layers.si(c, "density").getAsDouble(), 1e-9, "the data are the cell's all the same");
		JsonObject out = BpxExporter.export(c);
		JsonObject cell = original.getAsJsonObject("Parameterisation").getAsJsonObject("Cell");
		for (String k : KEYS)
			assertEquals(cell.get(k).getAsDouble(), out.getAsJsonObject("Parameterisation").getAsJsonObject("Cell").get(k).getAsDouble(), 1e-12, k);
		assertFalse(new Gson().toJson(out).contains("Heat transfer coefficient"), "none invented");
		Path back = tmp.resolve("aboutenergy.bpx.json");
		Files.writeString(back, new Gson().toJson(out));
		assertTrue(BpxValidatorTest.validate(List.of(back)).get(back), "the BPX validator accepts the re-export");
	}

	@Test
	void theLibrarysThermalCellExportsItsThermalData() throws Exception {
		Path f = tmp.resolve("chen.cell");
		Files.writeString(f, "package t\nimport cellwright.sets.chen2020.*\nexperiment X { cell Chen2020LGM50Thermal protocol Chen2020Discharge1C }\n");
		CellWrightChecker.Result res = new CellWrightChecker().check(List.of(f));
		Cell c = null;
		for (var r : res.resourceSet().getResources())
			for (var it = r.getAllContents(); it.hasNext();)
				if (it.next() instanceof Cell x && x.getName().equals("Chen2020LGM50Thermal"))
					c = x;
		BpxExporter.Export ex = BpxExporter.exportWithReport(c);
		assertEquals(List.of(), ex.notExported());
		JsonObject cell = ex.json().getAsJsonObject("Parameterisation").getAsJsonObject("Cell");
		assertEquals(2705.52, cell.get("Density [kg.m-3]").getAsDouble(), 1e-9);
		assertEquals(653.322, cell.get("Specific heat capacity [J.K-1.kg-1]").getAsDouble(), 1e-9);
		assertEquals(0.00531, cell.get("External surface area [m2]").getAsDouble(), 1e-15);
		assertEquals(2.42e-5, cell.get("Volume [m3]").getAsDouble(), 1e-15);
		JsonObject thermal = ex.json().getAsJsonObject("State").getAsJsonObject("Thermal environment");
		assertEquals(10, thermal.get("Heat transfer coefficient [W.m-2.K-1]").getAsDouble(), 1e-12);
		assertEquals(298.15, thermal.get("Ambient temperature [K]").getAsDouble(), 1e-12);
		// (the set gives no stoichiometry windows, so BPX refuses it as a whole: BpxDfnTest; the round trip is the test above)
	}
}

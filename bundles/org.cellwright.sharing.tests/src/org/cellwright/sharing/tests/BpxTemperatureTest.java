package org.cellwright.sharing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

/**
 * BPX's initial and ambient temperatures ("Cell" in 0.x, "State" in 1.x; audit s11 item 2) as the lumped thermal model
 * takes them (docs/language.md, "Thermal model (lumped)"): a cell that runs the model starts at the initial
 * temperature (its {@code temperature}) and exchanges heat with the ambient one ({@code ambient-temperature}); an
 * isothermal cell stays at the ambient temperature throughout, as PyBaMM's isothermal model does, and an initial
 * temperature that differs from it is a note. Both export back as they were.
 */
public class BpxTemperatureTest {

	@TempDir
	Path tmp;

	static final String INITIAL = "Initial temperature [K]", AMBIENT = "Ambient temperature [K]";

	/** The file's initial and ambient temperatures: from "Cell" (BPX 0.x) or "State" (1.x). */
	static double[] temperatures(JsonObject root) {
		JsonObject cell = BpxValidatorTest.section(root, "Cell");
		if (cell.has(AMBIENT))
			return new double[] { cell.get(INITIAL).getAsDouble(), cell.get(AMBIENT).getAsDouble() };
		JsonObject state = root.getAsJsonObject("State");
		return new double[] { state.getAsJsonObject("Initial conditions").get(INITIAL).getAsDouble(),
				state.getAsJsonObject("Thermal environment").get(AMBIENT).getAsDouble() };
	}

	Cell imported(BpxImporter.Result r, String name) throws Exception {
		return BpxThermalTest.imported(tmp, r, name);
	}

	/**
	 * Every shared file (each gives an initial temperature equal to its ambient one): the cell starts at the initial
	 * temperature, a thermal cell's surroundings are at the ambient one, both are mapped (no note, nothing skipped),
	 * and the export writes both back where the file had them.
	 */
	@Test
	void everySharedFileStartsAtItsInitialTemperatureAndExportsBoth() throws Exception {
		for (Path json : BpxValidatorTest.sharedFiles()) {
			String name = json.getFileName().toString();
			JsonObject original = BpxValidatorTest.read(json);
			double[] t = temperatures(original);
			assertEquals(t[0], t[1], name + ": the shared files start at their ambient temperature");
			BpxImporter.Result r = BpxImporter.importFile(json);
			Cell c = imported(r, name.replace(".json", ""));
			assertEquals(t[0], Layers.si(c, "temperature").getAsDouble(), 1e-12, name);
			if (CellThermal.isThermal(c))
				assertEquals(t[1], Layers.si(c, "ambient-temperature").getAsDouble(), 1e-12, name);
			assertTrue(r.mapped().stream().filter(k -> k.endsWith(INITIAL) || k.endsWith(AMBIENT)).count() == 2, name + ": " + r.mapped());
			assertTrue(r.skipped().stream().noneMatch(k -> k.contains("temperature [K]") && !k.contains("Reference")), name + ": " + r.report());
			assertTrue(r.notes().stream().noneMatch(n -> n.contains(INITIAL) || n.contains(AMBIENT)), name + ": " + r.report());
			assertFalse(r.notes().stream().anyMatch(n -> n.contains("no OCP hysteresis")), name + ": " + r.report());
			double[] back = temperatures(BpxExporter.export(c));
			assertEquals(t[0], back[0], 1e-12, name + ": initial temperature exported back");
			assertEquals(t[1], back[1], 1e-12, name + ": ambient temperature exported back");
		}
	}

	/** explorebpx (BPX 1.0, with a heat-transfer coefficient) starting 10 K above its surroundings. */
	static JsonObject warm(boolean withHeatTransfer) throws Exception {
		JsonObject root = BpxValidatorTest.read(BpxValidatorTest.shared().resolve("data/bpx-real/explorebpx__nmc_pouch_cell.json"));
		JsonObject state = root.getAsJsonObject("State");
		state.getAsJsonObject("Initial conditions").addProperty(INITIAL, 308.15);
		if (!withHeatTransfer)
			state.getAsJsonObject("Thermal environment").remove("Heat transfer coefficient [W.m-2.K-1]");
		return root;
	}

	/** timeseries.csv's time [s] and temperature [K] columns of a run's Discharge1C. */
	static double[][] series(Path results) throws Exception {
		List<String> lines = Files.readAllLines(results.resolve("Discharge1C/latest/timeseries.csv"));
		List<String> head = List.of(lines.get(0).split(","));
		int time = head.indexOf("time_h"), temp = head.indexOf("temperature_K");
		List<String> rows = lines.subList(1, lines.size());
		double[][] out = new double[2][rows.size()];
		for (int i = 0; i < rows.size(); i++) {
			String[] v = rows.get(i).split(",");
			out[0][i] = Double.parseDouble(v[time]) * 3600;
			out[1][i] = Double.parseDouble(v[temp]);
		}
		return out;
	}

	static double at(double[][] s, double time) {
		for (int i = 1; i < s[0].length; i++)
			if (s[0][i] >= time) {
				double w = s[0][i] == s[0][i - 1] ? 1 : (time - s[0][i - 1]) / (s[0][i] - s[0][i - 1]);
				return s[1][i - 1] + w * (s[1][i] - s[1][i - 1]);
			}
		return s[1][s[1].length - 1];
	}

	Path run(BpxImporter.Result r, String name) throws Exception {
		Path f = tmp.resolve(name + ".cell"), results = tmp.resolve(name + "-runs");
		Files.writeString(f, r.text());
		Cli.Result ran = Cli.cli("run", f.toString(), "--out", results.toString(), "--experiment", "Discharge1C");
		assertEquals(0, ran.rc(), ran.out() + "\n" + ran.err());
		return results;
	}

	/**
	 * With the lumped thermal model, State's initial temperature 308.15 K is the cell's and the ambient 298.15 K its
	 * surroundings': the 1 C discharge starts at 308.15 K, and its difference from the same discharge started at
	 * 298.15 K relaxes as the lumped model's exp(-t h A / C) (tau = 215.8 J/K / (10 W/m2/K x 0.0379 m2) = 570 s) or
	 * faster (the warmer cell, of lower resistance, generates less heat). Exported back, the State is the file's.
	 */
	@Test
	void aThermalCellStartsAtTheInitialTemperatureAndRelaxesToTheAmbient() throws Exception {
		JsonObject original = warm(true);
		BpxImporter.Result r = BpxImporter.importJson(new Gson().toJson(original), "warm");
		Cell c = imported(r, "warm");
		assertTrue(CellThermal.isThermal(c), r.text());
		assertEquals(308.15, Layers.si(c, "temperature").getAsDouble(), 1e-12);
		assertEquals(298.15, Layers.si(c, "ambient-temperature").getAsDouble(), 1e-12);
		assertTrue(r.mapped().containsAll(List.of("State / Initial conditions / " + INITIAL, "State / Thermal environment / " + AMBIENT)), r.report());
		assertTrue(r.notes().stream().noneMatch(n -> n.contains(INITIAL)), r.report());
		assertEquals(original.get("State"), BpxExporter.export(c).get("State"), "the State written back as it was");

		double[][] warm = series(run(r, "warm"));
		double[][] cold = series(run(BpxImporter.importFile(BpxValidatorTest.shared().resolve("data/bpx-real/explorebpx__nmc_pouch_cell.json")), "cold"));
		assertEquals(308.15, warm[1][0], 1e-9, "the first sample at the initial temperature");
		assertEquals(298.15, cold[1][0], 1e-9);
		double tau = 215.848 / (10 * 0.0379);
		for (double t : new double[] { tau, 2 * tau, 4 * tau }) {
			double d = at(warm, t) - at(cold, t);
			System.out.printf(java.util.Locale.ROOT, "warm start minus cold start at %.0f s: %.4f K (10 K exp(-t/tau) = %.4f K)%n", t, d, 10 * Math.exp(-t / tau));
			assertTrue(d > -0.2 && d < 10 * Math.exp(-t / tau) + 0.05, "at " + t + " s the warm start is " + d + " K above the cold one");
		}
	}

	/**
	 * Without a heat-transfer coefficient the cell runs isothermal ('without thermal'), at the ambient temperature
	 * throughout, as PyBaMM's isothermal model; the initial temperature is then a note saying why it is not applied,
	 * kept as a comment and exported back (the BPX validator accepts the re-export). Likewise a BPX 0.x file's "Cell".
	 */
	@Test
	void anIsothermalCellRunsAtTheAmbientTemperatureAndSaysSo() throws Exception {
		JsonObject v1 = warm(false);
		JsonObject v0 = BpxValidatorTest.read(BpxValidatorTest.shared().resolve("data/bpx-real/aboutenergy__nmc_pouch_cell_BPX.json"));
		BpxValidatorTest.section(v0, "Cell").addProperty(INITIAL, 308.15);
		for (JsonObject original : List.of(v1, v0)) {
			String name = original == v1 ? "warm1" : "warm0";
			BpxImporter.Result r = BpxImporter.importJson(new Gson().toJson(original), name);
			Cell c = imported(r, name);
			assertFalse(CellThermal.isThermal(c), r.text());
			assertEquals(298.15, Layers.si(c, "temperature").getAsDouble(), 1e-12, name);
			String where = original == v1 ? "State / Initial conditions / " : "Cell / ";
			assertTrue(r.notes().stream().anyMatch(n -> n.startsWith(where + INITIAL + " = 308.15: not applied: the cell runs isothermal")
					&& n.contains("at the ambient 298.15 K")), name + ": " + r.report());
			assertEquals(1, r.notes().stream().filter(n -> n.contains(INITIAL)).count(), name + ": one note: " + r.report());
			assertTrue(r.skipped().stream().noneMatch(k -> k.contains(INITIAL)), name + ": a note, not also skipped: " + r.report());
			JsonObject out = BpxExporter.export(c);
			assertEquals(308.15, temperatures(out)[0], 1e-12, name + ": exported back");
			assertEquals(298.15, temperatures(out)[1], 1e-12, name);
			Path back = tmp.resolve(name + ".bpx.json");
			Files.writeString(back, new Gson().toJson(out));
			assertTrue(BpxValidatorTest.validate(List.of(back)).get(back), name + ": the BPX validator accepts the re-export");
		}
	}

	/**
	 * BPX 1.x's initial hysteresis states start a single-state hysteresis model; the note says so and what CellWright
	 * has instead (not "no OCP hysteresis": the language has zeroth-order hysteresis branches, which the user-defined
	 * hysteresis file imports as lithiation-ocp and delithiation-ocp).
	 */
	@Test
	void theHysteresisNotesSayWhatIsNotImportedAndWhy() throws Exception {
		BpxImporter.Result r = BpxImporter.importFile(BpxValidatorTest.shared().resolve("data/bpx-real/explorebpx__nmc_pouch_cell.json"));
		List<String> hys = r.notes().stream().filter(n -> n.contains("Initial hysteresis state")).toList();
		assertEquals(2, hys.size(), r.report());
		for (String n : hys)
			assertTrue(n.contains("single-state OCP hysteresis model") && n.contains("zeroth order") && !n.contains("no OCP hysteresis"), n);
		BpxImporter.Result h = BpxImporter.importFile(BpxValidatorTest.shared().resolve("data/bpx-real/bpxrepo__nmc_pouch_cell_BPX_user-defined_hysteresis.json"));
		assertTrue(h.text().contains("\tlithiation-ocp = table V against x {") && h.text().contains("\tdelithiation-ocp = table V against x {"));
		assertTrue(h.mapped().containsAll(List.of("User-defined / Negative electrode lithiation OCP [V]", "User-defined / Negative electrode delithiation OCP [V]")),
				h.report());
	}
}

package org.cellwright.sharing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.cellwright.sharing.bpx.BpxImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * CellWright's BPX import refuses exactly the files the BPX project's validator ({@code ../shared/tools/bpx-validator})
 * refuses: every file of {@code ../shared/data/bpx} and {@code ../shared/data/bpx-real}, and variants of them with one
 * defect each (or one harmless change). The validator decides; the test asserts it agrees with the intended verdict of
 * each variant (so a variant that stops being invalid is noticed) and that the import agrees with the validator, a refusal
 * naming the JSON path of the defect.
 */
public class BpxValidatorTest {

	@TempDir
	Path tmp;

	static Path shared() {
		return Path.of(System.getProperty("cellwright.bpx.real", "../../../shared/data/bpx-real")).getParent().getParent();
	}

	static List<Path> sharedFiles() throws IOException {
		List<Path> out = new ArrayList<>();
		for (String d : List.of("data/bpx", "data/bpx-real"))
			try (Stream<Path> s = Files.list(shared().resolve(d))) {
				s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(out::add);
			}
		assertTrue(out.size() >= 8, "the shared BPX files: " + out);
		return out;
	}

	/** The validator's verdict per file (true: valid); it needs python3 with pydantic, as documented in docs/sharing.md. */
	static Map<Path, Boolean> validate(List<Path> files) throws Exception {
		Path v = shared().resolve("tools/bpx-validator/validate-bpx");
		assertTrue(Files.isRegularFile(v), "the BPX validator " + v);
		List<String> cmd = new ArrayList<>(List.of("bash", v.toString()));
		files.forEach(f -> cmd.add(f.toString()));
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int rc = p.waitFor();
		assertTrue(rc != 2 && !out.contains("cannot import the BPX package"),
				"the BPX validator runs (it needs python3 with pydantic >= 2.6, pyparsing, pyyaml): " + out);
		Map<Path, Boolean> verdict = new LinkedHashMap<>();
		for (Path f : files) {
			String line = out.lines().filter(l -> l.startsWith("valid   " + f + "") || l.startsWith("INVALID " + f + ":")).findFirst()
					.orElseThrow(() -> new AssertionError("no verdict for " + f + " in\n" + out));
			verdict.put(f, line.startsWith("valid"));
		}
		return verdict;
	}

	static JsonObject read(Path f) throws IOException {
		return JsonParser.parseString(Files.readString(f)).getAsJsonObject();
	}

	static JsonObject section(JsonObject root, String s) {
		return root.getAsJsonObject("Parameterisation").getAsJsonObject(s);
	}

	/** One variant: a file, a change, and whether the validator should still accept it. */
	record Variant(String name, String base, boolean valid, String path, Consumer<JsonObject> change) {
	}

	static List<Variant> variants() {
		JsonArray two = new JsonArray();
		two.add(1);
		two.add(2);
		JsonArray one = new JsonArray();
		one.add(1);
		JsonObject uneven = new JsonObject();
		uneven.add("x", two);
		uneven.add("y", one);
		String nmc0 = "data/bpx-real/aboutenergy__nmc_pouch_cell_BPX.json", nmc1 = "data/bpx-real/explorebpx__nmc_pouch_cell.json",
				spm = "data/bpx/nmc_pouch_cell_BPX_SPM.json", blend = "data/bpx-real/bpxrepo__nmc_pouch_cell_BPX_blended_electrode.json";
		return List.of(
				new Variant("ok-user-defined", nmc0, true, null,
						r -> r.getAsJsonObject("Parameterisation").add("User-defined", JsonParser.parseString("{\"Stack pressure [Pa]\": 1e6}"))),
				new Variant("ok-1x-state", nmc1, true, null,
						r -> r.getAsJsonObject("State").getAsJsonObject("Initial conditions").addProperty("Initial temperature [K]", 300)),
				new Variant("bad-no-capacity", nmc0, false, "$.Parameterisation.Cell[\"Nominal cell capacity [A.h]\"]: missing",
						r -> section(r, "Cell").remove("Nominal cell capacity [A.h]")),
				new Variant("bad-thickness-text", nmc0, false, "$.Parameterisation[\"Negative electrode\"][\"Thickness [m]\"]: not a number",
						r -> section(r, "Negative electrode").addProperty("Thickness [m]", "thick")),
				new Variant("bad-unknown-field", nmc0, false, "$.Parameterisation.Cell[\"Electrode area [m^2]\"]: not a BPX field",
						r -> section(r, "Cell").addProperty("Electrode area [m^2]", 0.1)),
				new Variant("bad-1x-cell-temperature", nmc1, false, "$.Parameterisation.Cell[\"Ambient temperature [K]\"]: a BPX 0.x field",
						r -> section(r, "Cell").addProperty("Ambient temperature [K]", 298.15)),
				new Variant("bad-model", nmc0, false, "$.Header.Model: 'P2D'", r -> r.getAsJsonObject("Header").addProperty("Model", "P2D")),
				new Variant("bad-no-header", nmc0, false, "$.Header: missing", r -> r.remove("Header")),
				new Variant("bad-uneven-table", nmc0, false, "$.Parameterisation.Electrolyte[\"Conductivity [S.m-1]\"]: the table's x and y",
						r -> section(r, "Electrolyte").add("Conductivity [S.m-1]", uneven)),
				new Variant("bad-spm-with-electrolyte", spm, false, "$.Parameterisation.Electrolyte: not a section of a SPM parameterisation",
						r -> r.getAsJsonObject("Parameterisation").add("Electrolyte", JsonParser.parseString(
								"{\"Cation transference number\": 0.26, \"Diffusivity [m2.s-1]\": 3e-10, \"Conductivity [S.m-1]\": 1.0}"))),
				new Variant("bad-blend-no-radius", blend, false, "$.Parameterisation[\"Positive electrode\"].Particle",
						r -> section(r, "Positive electrode").getAsJsonObject("Particle").entrySet().iterator().next().getValue().getAsJsonObject()
								.remove("Particle radius [m]")),
				new Variant("bad-state-field", nmc1, false, "$.State[\"Initial conditions\"][\"Initial SOC\"]: not a field",
						r -> r.getAsJsonObject("State").getAsJsonObject("Initial conditions").add("Initial SOC", new JsonPrimitive(0.5))));
	}

	@Test
	void importRefusesExactlyWhatTheValidatorRefuses() throws Exception {
		List<Path> files = new ArrayList<>(sharedFiles());
		Map<Path, Variant> made = new LinkedHashMap<>();
		for (Variant v : variants()) {
			JsonObject root = read(shared().resolve(v.base()));
			v.change().accept(root);
			Path f = tmp.resolve(v.name() + ".json");
			Files.writeString(f, new Gson().toJson(root));
			files.add(f);
			made.put(f, v);
		}
		Map<Path, Boolean> verdict = validate(files);
		List<String> disagree = new ArrayList<>();
		for (Path f : files) {
			Variant v = made.get(f);
			if (v != null)
				assertEquals(v.valid(), verdict.get(f), "the BPX validator's verdict on the variant " + v.name());
			try {
				BpxImporter.importFile(f);
				if (!verdict.get(f))
					disagree.add(f + ": imported, but the BPX validator refuses it");
			} catch (BpxImporter.BpxException e) {
				if (verdict.get(f))
					disagree.add(f + ": refused, but the BPX validator accepts it: " + e.getMessage());
				else {
					assertTrue(e.getMessage().contains("$."), "a refusal names the JSON path: " + e.getMessage());
					if (v != null && v.path() != null)
						assertTrue(e.getMessage().contains(v.path()), v.name() + ": the refusal names '" + v.path() + "': " + e.getMessage());
				}
			}
		}
		assertEquals(List.of(), disagree);
		assertFalse(verdict.values().stream().allMatch(b -> b), "some files are refused");
	}

	@Test
	void aRefusalListsEveryProblemOnItsOwnLine() throws Exception {
		JsonObject root = read(shared().resolve("data/bpx-real/aboutenergy__nmc_pouch_cell_BPX.json"));
		section(root, "Cell").remove("Nominal cell capacity [A.h]");
		section(root, "Separator").addProperty("Porosity", "high");
		Path f = tmp.resolve("two.json");
		Files.writeString(f, new Gson().toJson(root));
		try {
			BpxImporter.importFile(f);
			fail("imported");
		} catch (BpxImporter.BpxException e) {
			assertEquals("not valid BPX (the BPX validator refuses it): $.Parameterisation.Cell[\"Nominal cell capacity [A.h]\"]: missing; BPX requires it\n"
					+ "  $.Parameterisation.Separator.Porosity: not a number", e.getMessage());
		}
	}

	/**
	 * Each shared BPX file imported and exported again passes the validator, in the header version it was read in (a
	 * 0.x number such as 0.1 written 0.1.0), with a 1.x file's State back in place; and the exported file imports again.
	 */
	@Test
	void everyReexportPassesTheValidatorInTheVersionRead() throws Exception {
		List<Path> exported = new ArrayList<>();
		Map<Path, String> versions = new LinkedHashMap<>();
		for (Path f : sharedFiles()) {
			BpxImporter.Result r = BpxImporter.importFile(f);
			String name = f.getParent().getFileName() + "__" + f.getFileName().toString().replace(".json", "");
			Path cell = tmp.resolve(name + ".cell");
			Files.writeString(cell, r.text());
			JsonObject out = BpxHardeningTest.export(cell);
			Path json = tmp.resolve(name + ".bpx.json");
			Files.writeString(json, new Gson().toJson(out));
			exported.add(json);
			String read = read(f).getAsJsonObject("Header").get("BPX").getAsString();
			versions.put(json, read.chars().filter(ch -> ch == '.').count() == 1 ? read + ".0" : read);
			assertEquals(read(f).has("State"), out.has("State"), f + ": State written back when the file had one");
			assertEquals(List.of(), org.cellwright.sharing.bpx.BpxExporter.missingRequired(out), f + ": nothing named missing");
			BpxImporter.importFile(json);
		}
		Map<Path, Boolean> verdict = validate(exported);
		for (Path json : exported) {
			assertTrue(verdict.get(json), json + " passes the BPX validator:\n" + Files.readString(json));
			assertEquals(versions.get(json), read(json).getAsJsonObject("Header").get("BPX").getAsString(), json + ": the version read");
		}
	}

	/**
	 * Zeroth-order OCP hysteresis (BPX's example): the "User-defined" lithiation and delithiation OCP tables of the
	 * negative electrode become its lithiation-ocp and delithiation-ocp, tables against x sorted by x (the file's x
	 * decrease), not comments; the export writes them back under "User-defined" with the same points, and the re-export
	 * passes the validator.
	 */
	@Test
	void hysteresisBranchesAreImportedAsTablesAndExportedBackUnderUserDefined() throws Exception {
		Path f = shared().resolve("data/bpx-real/bpxrepo__nmc_pouch_cell_BPX_user-defined_hysteresis.json");
		JsonObject user = section(read(f), "User-defined");
		BpxImporter.Result r = BpxImporter.importFile(f);
		String neg = r.text().substring(r.text().indexOf("material NegativeElectrode"), r.text().indexOf("material PositiveElectrode"));
		assertTrue(neg.contains("\tlithiation-ocp = table V against x { ") && neg.contains("\tdelithiation-ocp = table V against x { "), neg);
		assertTrue(!r.text().contains("// BPX \"User-defined\" \"Negative electrode delithiation OCP [V]\""), "mapped, not kept as a comment");
		assertTrue(r.mapped().contains("User-defined / Negative electrode lithiation OCP [V]"), r.mapped().toString());
		Path cell = tmp.resolve("hysteresis.cell");
		Files.writeString(cell, r.text());
		JsonObject out = BpxHardeningTest.export(cell);
		for (String k : List.of("Negative electrode lithiation OCP [V]", "Negative electrode delithiation OCP [V]")) {
			JsonObject in = user.getAsJsonObject(k), back = section(out, "User-defined").getAsJsonObject(k);
			assertEquals(in.getAsJsonArray("x").size(), back.getAsJsonArray("x").size(), k);
			// the same points, x ascending in the export (the file's are descending)
			int n = in.getAsJsonArray("x").size();
			for (int i = 0; i < n; i++) {
				assertEquals(in.getAsJsonArray("x").get(i).getAsDouble(), back.getAsJsonArray("x").get(n - 1 - i).getAsDouble(), 1e-15, k + " x " + i);
				assertEquals(in.getAsJsonArray("y").get(i).getAsDouble(), back.getAsJsonArray("y").get(n - 1 - i).getAsDouble(), 1e-15, k + " y " + i);
			}
		}
		Path json = tmp.resolve("hysteresis.bpx.json");
		Files.writeString(json, new Gson().toJson(out));
		validate(List.of(json)).forEach((x, ok) -> assertTrue(ok, x + " passes the BPX validator"));
	}

	/**
	 * An electrolyte conductivity given as a table becomes the liquid electrolyte's table against c (its activation
	 * energy, which a table cannot carry, is a note and kept), and the export writes the table back (and passes the
	 * validator); {@code interpolate} evaluates a table where the importer needs a value.
	 */
	@Test
	void aConductivityTableIsImportedAsATableAndExportedBack() throws Exception {
		JsonObject table = JsonParser.parseString("{\"x\": [0, 800, 1600], \"y\": [0, 0.8, 1.2]}").getAsJsonObject();
		List<Path> exported = new ArrayList<>();
		for (String base : List.of("data/bpx-real/aboutenergy__nmc_pouch_cell_BPX.json", "data/bpx-real/explorebpx__nmc_pouch_cell.json")) {
			JsonObject root = read(shared().resolve(base));
			section(root, "Electrolyte").add("Conductivity [S.m-1]", table);
			Path f = tmp.resolve("table-" + exported.size() + ".json");
			Files.writeString(f, new Gson().toJson(root));
			BpxImporter.Result r = BpxImporter.importFile(f);
			assertTrue(r.text().contains("ionic-conductivity = table S/m against c mol/m3 { 0 0, 800 0.8, 1600 1.2 }"), r.text());
			assertTrue(r.notes().stream().anyMatch(n -> n.contains("Conductivity [S.m-1]: a table; its activation energy (17100 J/mol)")), r.notes().toString());
			Path cell = tmp.resolve("table-" + exported.size() + ".cell");
			Files.writeString(cell, r.text());
			JsonObject out = BpxHardeningTest.export(cell);
			assertEquals(table, section(out, "Electrolyte").get("Conductivity [S.m-1]"), base + ": the table is exported back");
			Path json = tmp.resolve("table-" + exported.size() + ".bpx.json");
			Files.writeString(json, new Gson().toJson(out));
			exported.add(json);
		}
		validate(exported).forEach((f, ok) -> assertTrue(ok, f + " passes the BPX validator"));
		// between 800 and 1600: 0.8 + 0.4 * 200 / 800 = 0.9
		assertEquals(0.9, BpxImporter.interpolate(table, 1000), 1e-12);
		assertEquals(0.4, BpxImporter.interpolate(table, 400), 1e-12);
		assertThrows(IllegalArgumentException.class, () -> BpxImporter.interpolate(table, 2000));
	}

	/** BPX 1.x's initial state of charge sets the electrode layers' initial stoichiometry; the export keeps the State. */
	@Test
	void theInitialStateOfChargeSetsTheLayersStoichiometry() throws Exception {
		JsonObject root = read(shared().resolve("data/bpx-real/explorebpx__nmc_pouch_cell.json"));
		root.getAsJsonObject("State").getAsJsonObject("Initial conditions").addProperty("Initial state-of-charge", 0.25);
		JsonObject neg = section(root, "Negative electrode"), pos = section(root, "Positive electrode");
		double xn = neg.get("Minimum stoichiometry").getAsDouble() + 0.25 * (neg.get("Maximum stoichiometry").getAsDouble() - neg.get("Minimum stoichiometry").getAsDouble());
		double xp = pos.get("Maximum stoichiometry").getAsDouble() - 0.25 * (pos.get("Maximum stoichiometry").getAsDouble() - pos.get("Minimum stoichiometry").getAsDouble());
		Path f = tmp.resolve("soc.json");
		Files.writeString(f, new Gson().toJson(root));
		BpxImporter.Result r = BpxImporter.importFile(f);
		List<Double> xs = r.text().lines().filter(l -> l.startsWith("\t\tinitial-stoichiometry = ")) // in the layers (the materials' are one tab in)
				.map(l -> Double.valueOf(l.trim().substring("initial-stoichiometry = ".length()))).toList();
		assertEquals(2, xs.size(), r.text());
		assertEquals(xn, xs.get(0), 1e-12, "negative layer");
		assertEquals(xp, xs.get(1), 1e-12, "positive layer");
		assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("State / Initial conditions / Initial state-of-charge = 0.25: applied")), r.notes().toString());
		Path cell = tmp.resolve("soc.cell");
		Files.writeString(cell, r.text());
		JsonObject out = BpxHardeningTest.export(cell);
		assertEquals(0.25, out.getAsJsonObject("State").getAsJsonObject("Initial conditions").get("Initial state-of-charge").getAsDouble());
		assertEquals(neg.get("Minimum stoichiometry"), section(out, "Negative electrode").get("Minimum stoichiometry"), "the material keeps the window");
	}
}

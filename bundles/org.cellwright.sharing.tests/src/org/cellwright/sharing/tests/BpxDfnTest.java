package org.cellwright.sharing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.model.Layers;
import org.cellwright.model.Cell;
import org.cellwright.model.Composite;
import org.cellwright.model.Element;
import org.cellwright.model.Material;
import org.cellwright.model.MaterialKind;
import org.cellwright.sharing.bpx.BpxExporter;
import org.cellwright.sharing.bpx.BpxImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * BPX import and export in the DFN form of the language: the blended electrode as two particle populations (never
 * dropped), the BPX 1.x State kept, and what a cell has that BPX cannot hold named on export (the library's parameter
 * sets as the examples).
 */
public class BpxDfnTest {

	@TempDir
	Path tmp;

	static Path shared() {
		return BpxValidatorTest.shared();
	}

	CellWrightChecker.Result check(Path f) {
		CellWrightChecker.Result res = new CellWrightChecker().check(List.of(f));
		assertFalse(res.hasErrors(), () -> res.issues().toString());
		return res;
	}

	static Material material(CellWrightChecker.Result res, Path f, String name) {
		for (Element e : res.model(f).getElements())
			if (e instanceof Material m && name.equals(m.getName()))
				return m;
		throw new AssertionError("no material " + name);
	}

	static Cell cell(CellWrightChecker.Result res, Path f) {
		return (Cell) res.model(f).getElements().stream().filter(e -> e instanceof Cell).findFirst().orElseThrow();
	}

	/** The BPX project's blended-electrode example: both positive populations are materials of a composite layer. */
	@Test
	void aBlendedElectrodeIsTwoParticlePopulations() throws Exception {
		Path json = shared().resolve("data/bpx-real/bpxrepo__nmc_pouch_cell_BPX_blended_electrode.json");
		BpxImporter.Result r = BpxImporter.importFile(json);
		Path f = tmp.resolve("blend.cell");
		Files.writeString(f, r.text());
		CellWrightChecker.Result res = check(f);
		JsonObject pos = JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonObject("Parameterisation")
				.getAsJsonObject("Positive electrode");
		JsonObject large = pos.getAsJsonObject("Particle").getAsJsonObject("Large Particles"), small = pos.getAsJsonObject("Particle")
				.getAsJsonObject("Small Particles");
		Material l = material(res, f, "PositiveElectrode_Large_Particles"), s = material(res, f, "PositiveElectrode_Small_Particles");
		assertEquals(8e-6, Layers.si(l, "particle-radius").getAsDouble(), 1e-18);
		assertEquals(1e-6, Layers.si(s, "particle-radius").getAsDouble(), 1e-18);
		// the layer is the composite of the two; their shares of the active volume a R / 3 (186331 x 8 um : 496883 x 1 um = 3 : 1)
		Composite blend = (Composite) material(res, f, "PositiveElectrode");
		assertEquals(MaterialKind.INTERCALATION_CATHODE, blend.getKind());
		assertEquals(2, blend.getComponents().size());
		double epsL = large.get("Surface area per unit volume [m-1]").getAsDouble() * 8e-6 / 3;
		double epsS = small.get("Surface area per unit volume [m-1]").getAsDouble() * 1e-6 / 3;
		assertEquals(epsL / (epsL + epsS), org.cellwright.lang.units.Units.toSI(blend.getComponents().get(0).getFraction()), 1e-12);
		assertTrue(r.notes().stream().anyMatch(n -> n.contains("blended electrode of 2 particle populations")), r.report());
		assertTrue(r.skipped().stream().noneMatch(k -> k.contains("Particle radius") || k.contains("Reaction rate")), r.report());
		// and exported back: both populations with every field
		JsonObject out = BpxExporter.export(cell(res, f));
		BpxTest.compare(JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonObject("Parameterisation"),
				out.getAsJsonObject("Parameterisation"), "blend");
	}

	/** A BPX 1.x file's State: temperature, initial concentration and state of charge applied, the rest kept and written back. */
	@Test
	void theStateSectionIsKept() throws Exception {
		Path json = shared().resolve("data/bpx-real/explorebpx__nmc_pouch_cell.json");
		JsonObject original = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
		BpxImporter.Result r = BpxImporter.importFile(json);
		Path f = tmp.resolve("state.cell");
		Files.writeString(f, r.text());
		CellWrightChecker.Result res = check(f);
		Cell c = cell(res, f);
		assertEquals(298.15, Layers.si(c, "temperature").getAsDouble(), 1e-12);
		assertEquals(1000, Layers.si(material(res, f, "Electrolyte"), "initial-concentration").getAsDouble(), 1e-12);
		// state of charge 1: the negative at its maximum, the positive at its minimum stoichiometry
		JsonObject par = original.getAsJsonObject("Parameterisation");
		assertTrue(r.text().contains("\t\tinitial-stoichiometry = " + BpxImporter.fmt(par.getAsJsonObject("Negative electrode").get("Maximum stoichiometry").getAsDouble())), r.text());
		assertTrue(r.text().contains("\t\tinitial-stoichiometry = " + BpxImporter.fmt(par.getAsJsonObject("Positive electrode").get("Minimum stoichiometry").getAsDouble())), r.text());
		// the heat-transfer coefficient is the cell's (BpxThermalTest); the hysteresis states are notes, kept as comments and written back
		assertTrue(r.text().contains("heat-transfer-coefficient = 10 W/m2/K"), r.text());
		JsonObject out = BpxExporter.export(c);
		assertEquals(original.get("State"), out.get("State"), "the State written back as it was");
	}

	/**
	 * The library's parameter sets exported: Chen 2020 and Marquis 2019 with every value they have (the Marquis
	 * electrolyte's Arrhenius factors become BPX's activation energies, its solid Bruggeman factor the effective
	 * conductivity), their cut-offs and stoichiometry windows from the cell (whatever an experiment on it does), nothing
	 * missing. Of Ecker 2015, what BPX cannot hold exactly is named: its conductivity has a 296/T factor besides the
	 * Arrhenius one (LibrarySetsBpxTest runs the BPX validator on them).
	 */
	@Test
	void theLibrarySetsExportAndWhatBpxCannotHoldIsNamed() throws Exception {
		Map<String, String> sets = Map.of("chen2020", "Chen2020LGM50", "marquis2019", "Marquis2019Kokam", "ecker2015", "Ecker2015Kokam");
		Map<String, BpxExporter.Export> out = new java.util.TreeMap<>();
		for (Map.Entry<String, String> set : sets.entrySet()) {
			Path f = tmp.resolve(set.getKey() + ".cell");
			Files.writeString(f, "package t." + set.getKey() + "\nimport cellwright.sets." + set.getKey() + ".*\n"
					+ "protocol P { discharge at 1 C until 3 V  charge at 1 C until 4.1 V }\nexperiment X { cell " + set.getValue() + "  protocol P }\n");
			CellWrightChecker.Result res = check(f);
			Cell c = null;
			for (var r : res.resourceSet().getResources())
				for (var it = r.getAllContents(); it.hasNext();)
					if (it.next() instanceof Cell x && x.getName().equals(set.getValue()))
						c = x;
			assertTrue(c != null, set.getValue());
			out.put(set.getKey(), BpxExporter.exportWithReport(c));
		}
		for (String s : List.of("chen2020", "marquis2019")) {
			assertEquals(List.of(), out.get(s).notExported(), s);
			assertEquals(List.of(), BpxExporter.missingRequired(out.get(s).json()), s + ": nothing missing");
			// the cell's own cut-offs, not the experiment's 3 V and 4.1 V
			JsonObject cell = out.get(s).json().getAsJsonObject("Parameterisation").getAsJsonObject("Cell");
			assertEquals(s.equals("chen2020") ? 2.5 : 3.105, cell.get("Lower voltage cut-off [V]").getAsDouble(), 0, s);
			assertEquals(s.equals("chen2020") ? 4.2 : 4.1, cell.get("Upper voltage cut-off [V]").getAsDouble(), 0, s);
		}
		JsonObject mq = out.get("marquis2019").json().getAsJsonObject("Parameterisation");
		assertEquals(34700, mq.getAsJsonObject("Electrolyte").get("Conductivity activation energy [J.mol-1]").getAsDouble());
		assertEquals(37040, mq.getAsJsonObject("Electrolyte").get("Diffusivity activation energy [J.mol-1]").getAsDouble());
		// sigma (1 - porosity)^1.5: 100 S/m x 0.7^1.5 = 58.57 S/m (the COMSOL set-up's effective conductivity)
		assertEquals(100 * Math.pow(0.7, 1.5), mq.getAsJsonObject("Negative electrode").get("Conductivity [S.m-1]").getAsDouble(), 1e-9);
		List<String> ecker = out.get("ecker2015").notExported();
		assertTrue(ecker.stream().anyMatch(s -> s.startsWith("Electrolyte: ionic-conductivity (its temperature dependence is not an Arrhenius factor")),
				ecker.toString());
		assertEquals(List.of(), BpxExporter.missingRequired(out.get("ecker2015").json()), "ecker2015: nothing missing");
		// Chen 2020's exchange current: k_BPX = k cmax sqrt(ce0) / F = 6.48e-7 x 33133 x sqrt(1000) / F
		JsonObject neg = out.get("chen2020").json().getAsJsonObject("Parameterisation").getAsJsonObject("Negative electrode");
		assertEquals(6.48e-7 * 33133 * Math.sqrt(1000) / BpxImporter.F, neg.get("Reaction rate constant [mol.m-2.s-1]").getAsDouble(), 1e-18);
		assertEquals(3 * 0.75 / 5.86e-6, neg.get("Surface area per unit volume [m-1]").getAsDouble(), 1e-6);
	}
}

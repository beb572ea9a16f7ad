package org.cellwright.sharing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.expressions.Expressions;
import org.cellwright.lang.model.Cells;
import org.cellwright.lang.model.Layers;
import org.cellwright.model.Cell;
import org.cellwright.model.Composite;
import org.cellwright.model.Component;
import org.cellwright.model.Layer;
import org.cellwright.model.Material;
import org.cellwright.model.MaterialKind;
import org.cellwright.sharing.bpx.BpxExporter;
import org.cellwright.sharing.bpx.BpxImporter;
import org.cellwright.sharing.cli.ExportBpxCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import picocli.CommandLine;

/**
 * The library's standard parameter sets (Chen 2020, Marquis 2019, Ecker 2015, and the thermal variants) as BPX: each
 * set, and a user's cell that only extends it, exports with every field BPX requires, and the BPX project's own
 * validator ({@code ../shared/tools/bpx-validator/validate-bpx}) accepts the file; export, import and export again
 * gives the same values; the sets' stoichiometry windows are the ones their voltage cut-offs and lithium inventory
 * define; a cell without a required field is refused with the field named at the cell, and no file is written.
 */
public class LibrarySetsBpxTest {

	@TempDir
	Path tmp;

	/** Library package to its cells. */
	static final Map<String, List<String>> SETS = new LinkedHashMap<>();
	static {
		SETS.put("chen2020", List.of("Chen2020LGM50", "Chen2020LGM50Thermal"));
		SETS.put("marquis2019", List.of("Marquis2019Kokam", "Marquis2019KokamThermal"));
		SETS.put("ecker2015", List.of("Ecker2015Kokam"));
	}

	/** The voltage cut-offs of PyBaMM's sets (Chen2020.py, Marquis2019.py, Ecker2015.py: "Lower/Upper voltage cut-off [V]"). */
	static final Map<String, double[]> CUT_OFFS = Map.of("chen2020", new double[] { 2.5, 4.2 }, "marquis2019", new double[] { 3.105, 4.1 },
			"ecker2015", new double[] { 2.5, 4.2 });

	/** Whether the BPX validator can run here: it needs python3 with pydantic, pyparsing and pyyaml (else the test is skipped, saying so). */
	static boolean validatorRuns() {
		try {
			Process p = new ProcessBuilder("python3", "-c", "import pydantic, pyparsing, yaml").redirectErrorStream(true).start();
			p.getInputStream().readAllBytes();
			return p.waitFor() == 0;
		} catch (java.io.IOException | InterruptedException e) {
			return false;
		}
	}

	/** A user's file whose cell extends a library cell and adds nothing. */
	Path userCell(String set, String base) throws Exception {
		Path f = tmp.resolve("my_" + base + ".cell");
		Files.writeString(f, "package my." + set + "\nimport cellwright.sets." + set + ".*\ncell My" + base + " extends " + base + " { }\n");
		return f;
	}

	record Run(int rc, String out, String err) {
	}

	static Run exportBpx(String... args) {
		StringWriter out = new StringWriter(), err = new StringWriter();
		CommandLine cl = new CommandLine(new ExportBpxCommand());
		cl.setOut(new PrintWriter(out, true));
		cl.setErr(new PrintWriter(err, true));
		int rc = cl.execute(args);
		return new Run(rc, out.toString(), err.toString());
	}

	static CellWrightChecker.Result check(Path f) {
		CellWrightChecker.Result res = new CellWrightChecker().check(List.of(f));
		assertFalse(res.hasErrors(), f + ": " + res.issues());
		return res;
	}

	/** The cell of that name anywhere in the checked files and the library loaded with them. */
	static Cell cell(CellWrightChecker.Result res, String name) {
		for (var r : res.resourceSet().getResources())
			for (var it = r.getAllContents(); it.hasNext();)
				if (it.next() instanceof Cell c && name.equals(c.getName()))
					return c;
		throw new AssertionError("no cell " + name);
	}

	@Test
	@EnabledIf(value = "validatorRuns", disabledReason = "skipped: the BPX validator needs python3 with pydantic >= 2.6, pyparsing and pyyaml, which this machine lacks")
	void everyLibrarySetAndACellExtendingOneExportsAsBpxTheValidatorAccepts() throws Exception {
		List<Path> files = new ArrayList<>();
		Map<Path, BpxExporter.Export> exports = new LinkedHashMap<>();
		for (Map.Entry<String, List<String>> set : SETS.entrySet())
			for (String base : set.getValue()) {
				// the user's cell, through the command (what a user runs)
				Path f = userCell(set.getKey(), base), json = tmp.resolve("My" + base + ".bpx.json");
				Run r = exportBpx(f.toString(), "--out", json.toString());
				assertEquals(0, r.rc(), base + ": " + r.err());
				assertTrue(Files.isRegularFile(json), json.toString());
				files.add(json);
				// the library cell itself
				CellWrightChecker.Result res = check(f);
				BpxExporter.Export e = BpxExporter.exportWithReport(cell(res, base));
				assertEquals(List.of(), BpxExporter.missingRequired(e.json()), base);
				Path lib = tmp.resolve(base + ".bpx.json");
				Files.writeString(lib, e.json().toString());
				files.add(lib);
				exports.put(lib, e);
				// the cut-offs are the set's
				JsonObject c = e.json().getAsJsonObject("Parameterisation").getAsJsonObject("Cell");
				assertEquals(CUT_OFFS.get(set.getKey())[0], c.get("Lower voltage cut-off [V]").getAsDouble(), 0, base);
				assertEquals(CUT_OFFS.get(set.getKey())[1], c.get("Upper voltage cut-off [V]").getAsDouble(), 0, base);
				// BPX's state of charge of the set's initial state, inside the window: the same from either electrode
				double soc = e.json().getAsJsonObject("State").getAsJsonObject("Initial conditions").get("Initial state-of-charge").getAsDouble();
				JsonObject pos = e.json().getAsJsonObject("Parameterisation").getAsJsonObject("Positive electrode");
				Layer pl = layer(cell(res, base), "positive");
				double y = Layers.si(pl, "initial-stoichiometry").getAsDouble(), ymin = pos.get("Minimum stoichiometry").getAsDouble(),
						ymax = pos.get("Maximum stoichiometry").getAsDouble();
				assertTrue(soc > 0 && soc <= 1, base + ": " + soc);
				assertEquals((ymax - y) / (ymax - ymin), soc, 1e-6, base + ": the state of charge from the positive electrode");
				// what BPX cannot hold exactly is named: only Ecker 2015's conductivity (a 296/T factor besides its Arrhenius one)
				// and its diffusivity's range (for c from 1 to 4000 mol/m3)
				if (set.getKey().equals("ecker2015")) {
					assertEquals(2, e.notExported().size(), e.notExported().toString());
					assertTrue(e.notExported().get(0).startsWith("Electrolyte: ionic-conductivity (its temperature dependence is not an Arrhenius factor"),
							e.notExported().toString());
					assertEquals("Electrolyte: diffusivity's range 'for c from 1 to 4000 mol/m3' (BPX states no range for a function; the function is"
							+ " written without it)", e.notExported().get(1));
				} else
					assertEquals(List.of(), e.notExported(), base);
			}
		Map<Path, Boolean> verdict = BpxValidatorTest.validate(files);
		for (Map.Entry<Path, Boolean> v : verdict.entrySet())
			assertTrue(v.getValue(), v.getKey() + ": the BPX validator refuses it");
		assertEquals(2 * 5, verdict.size());

		// Ecker 2015: the graphite diffusivity's Arrhenius factor about 296 K, rewritten about the reference 296.15 K (exact);
		// the electrolyte diffusivity R T / (F^2 c) kappa 296 / T exp(...): T cancels, an Arrhenius factor of 17.1 kJ/mol
		JsonObject ecker = exports.get(tmp.resolve("Ecker2015Kokam.bpx.json")).json().getAsJsonObject("Parameterisation");
		JsonObject neg = ecker.getAsJsonObject("Negative electrode"), ely = ecker.getAsJsonObject("Electrolyte");
		assertEquals(30300, neg.get("Diffusivity activation energy [J.mol-1]").getAsDouble(), 1e-9);
		double x = 0.4, factor = Math.exp(30300 / 8.314462618 * (1 / 296.0 - 1 / 296.15));
		assertEquals((8.4e-13 * Math.exp(-11.3 * x) + 8.2e-15) * factor,
				org.cellwright.sharing.bpx.PyExpression.evaluate(neg.get("Diffusivity [m2.s-1]").getAsString(), x), 1e-24);
		assertEquals(17100, ely.get("Diffusivity activation energy [J.mol-1]").getAsDouble(), 1e-6);
		// the conductivity's apparent activation energy at 296.15 K: E - R Tref (d ln(exp(-E/RT) / T) / d(-1/RT))
		assertEquals(17100 - 8.314462618 * 296.15, ely.get("Conductivity activation energy [J.mol-1]").getAsDouble(), 1e-3);
	}

	/** Every number of a document, by its JSON path; strings as they are. */
	static Map<String, JsonElement> leaves(JsonElement e, String path, Map<String, JsonElement> out) {
		if (e.isJsonObject())
			for (Map.Entry<String, JsonElement> k : e.getAsJsonObject().entrySet())
				leaves(k.getValue(), path + " / " + k.getKey(), out);
		else if (e.isJsonArray())
			for (int i = 0; i < e.getAsJsonArray().size(); i++)
				leaves(e.getAsJsonArray().get(i), path + "[" + i + "]", out);
		else
			out.put(path, e);
		return out;
	}

	@Test
	void exportImportExportGivesTheSameValues() throws Exception {
		for (Map.Entry<String, List<String>> set : SETS.entrySet())
			for (String base : set.getValue()) {
				Path f = userCell(set.getKey(), base);
				CellWrightChecker.Result res = check(f);
				Cell original = cell(res, "My" + base);
				JsonObject first = BpxExporter.export(original);
				BpxImporter.Result imported = BpxImporter.importJson(first.toString(), "Re" + base);
				Path g = tmp.resolve("re_" + base + ".cell");
				Files.writeString(g, imported.text());
				if (base.startsWith("Ecker")) {
					// its electrolyte diffusivity R T kappa(c) / (F^2 c) is infinite at c = 0 (as PyBaMM's is), where the library's
					// cell states a range ('for c from 1 to 4000 mol/m3') that BPX cannot carry: the import checks it from PyBaMM's
					// zero electrolyte concentration cut-off, 0.002 mol/m3, and says so
					assertTrue(imported.text().lines().anyMatch(l -> l.trim().startsWith("diffusivity = function m2/s = ")
							&& l.endsWith(" for c from 0.002 to 2000 mol/m3")), imported.text());
					assertTrue(imported.notes().stream().anyMatch(n -> n.startsWith("Electrolyte / Diffusivity [m2.s-1]: not finite at x = 0")),
							imported.notes().toString());
				}
				CellWrightChecker.Result res2 = check(g);
				Cell back = res2.model(g).getElements().stream().filter(e -> e instanceof Cell).map(e -> (Cell) e).findFirst().orElseThrow();
				JsonObject second = BpxExporter.export(back);
				// the same parameters (the header's title names the cell; the import's own notes go to "User-defined")
				Map<String, JsonElement> a = leaves(first.get("Parameterisation"), "Parameterisation", new LinkedHashMap<>()),
						b = leaves(second.get("Parameterisation"), "Parameterisation", new LinkedHashMap<>());
				leaves(first.get("State"), "State", a);
				leaves(second.get("State"), "State", b);
				for (Map.Entry<String, JsonElement> v : a.entrySet()) {
					if (v.getKey().contains("User-defined"))
						continue;
					JsonElement w = b.get(v.getKey());
					assertTrue(w != null, base + ": " + v.getKey() + " lost on the way back");
					if (v.getValue().getAsJsonPrimitive().isNumber())
						assertEquals(v.getValue().getAsDouble(), w.getAsDouble(), 1e-12 * Math.abs(v.getValue().getAsDouble()), base + ": " + v.getKey());
					else
						assertEquals(v.getValue(), w, base + ": " + v.getKey());
				}
				// the imported cell has the set's values: voltage window, stoichiometry windows and initial state
				for (String p : List.of("lower-voltage-cutoff", "upper-voltage-cutoff", "area", "nominal-capacity"))
					assertEquals(Layers.si(original, p).getAsDouble(), Layers.si(back, p).orElse(Double.NaN), 1e-12 * Layers.si(original, p).getAsDouble(),
							base + ": " + p);
				for (String layer : List.of("negative", "positive")) {
					Layer l0 = layer(original, layer), l1 = layer(back, layer);
					Material m1 = active(l1.getMaterial());
					for (String p : List.of("minimum-stoichiometry", "maximum-stoichiometry"))
						assertEquals(Layers.si(l0, p).getAsDouble(), Layers.si(m1, p).orElse(Double.NaN), 1e-12, base + " " + layer + ": " + p);
					assertEquals(Layers.si(l0, "initial-stoichiometry").getAsDouble(), Layers.si(l1, "initial-stoichiometry").orElse(Double.NaN), 1e-12,
							base + " " + layer + ": initial-stoichiometry");
				}
			}
	}

	static Layer layer(Cell c, String name) {
		return Cells.effectiveLayers(c).stream().filter(l -> name.equals(l.getName())).findFirst().orElseThrow(() -> new AssertionError(name));
	}

	static Material active(Material m) {
		if (m instanceof Composite c)
			for (Component k : c.getComponents())
				if (k.getMaterial() != null && (k.getMaterial().getKind() == MaterialKind.INTERCALATION_ANODE
						|| k.getMaterial().getKind() == MaterialKind.INTERCALATION_CATHODE))
					return k.getMaterial();
		return m;
	}

	/**
	 * The stoichiometry windows written in the library are those the sets' own data define (PyBaMM's electrode
	 * state-of-health solve): the open-circuit voltage U+(y) - U-(x) is the lower cut-off at (x0, y0) and the upper one
	 * at (x100, y100), and both ends hold the lithium of the initial state, eps L cmax x summed over the electrodes.
	 */
	@Test
	void theWindowsAreTheOnesTheCutOffsAndTheLithiumInventoryDefine() throws Exception {
		for (Map.Entry<String, List<String>> set : SETS.entrySet()) {
			String base = set.getValue().get(0);
			CellWrightChecker.Result res = check(userCell(set.getKey(), base));
			Cell c = cell(res, base);
			Layer n = layer(c, "negative"), p = layer(c, "positive");
			Material mn = active(n.getMaterial()), mp = active(p.getMaterial());
			DoubleUnaryOperator un = Expressions.compile(mn.getOcvFunction()), up = Expressions.compile(mp.getOcvFunction());
			double x0 = Layers.si(n, "minimum-stoichiometry").getAsDouble(), x100 = Layers.si(n, "maximum-stoichiometry").getAsDouble();
			double y100 = Layers.si(p, "minimum-stoichiometry").getAsDouble(), y0 = Layers.si(p, "maximum-stoichiometry").getAsDouble();
			double lo = Layers.si(c, "lower-voltage-cutoff").getAsDouble(), hi = Layers.si(c, "upper-voltage-cutoff").getAsDouble();
			assertEquals(lo, up.applyAsDouble(y0) - un.applyAsDouble(x0), 1e-6, base + ": OCV at 0 % state of charge");
			assertEquals(hi, up.applyAsDouble(y100) - un.applyAsDouble(x100), 1e-6, base + ": OCV at 100 % state of charge");
			// capacities per area eps_s L cmax [mol/m2]
			double qn = Layers.si(n, "active-volume-fraction").getAsDouble() * Layers.thickness(n).getAsDouble() * Layers.si(mn, "max-concentration").getAsDouble();
			double qp = Layers.si(p, "active-volume-fraction").getAsDouble() * Layers.thickness(p).getAsDouble() * Layers.si(mp, "max-concentration").getAsDouble();
			double li = qn * Layers.si(n, "initial-stoichiometry").getAsDouble() + qp * Layers.si(p, "initial-stoichiometry").getAsDouble();
			assertEquals(li, qn * x0 + qp * y0, 1e-6 * li, base + ": lithium at 0 %");
			assertEquals(li, qn * x100 + qp * y100, 1e-6 * li, base + ": lithium at 100 %");
		}
	}

	@Test
	void aCellWithoutARequiredFieldIsRefusedAtTheCellAndNothingIsWritten() throws Exception {
		Path f = tmp.resolve("nocutoff.cell");
		Files.writeString(f, "package my.nocutoff\nimport cellwright.sets.chen2020.*\n\ncell NoUpper extends Chen2020LGM50 { remove upper-voltage-cutoff }\n");
		Path json = tmp.resolve("nocutoff.bpx.json");
		Run r = exportBpx(f.toString(), "--out", json.toString());
		assertEquals(1, r.rc(), r.err());
		assertFalse(Files.exists(json), "no file the validator would refuse");
		assertTrue(r.err().contains(f + ":4:6: error: cell NoUpper has no value for the BPX field \"Cell / Upper voltage cut-off [V]\""
				+ " (write upper-voltage-cutoff = ... V in the cell)"), r.err());
		assertFalse(r.err().contains("Lower voltage cut-off"), "the lower cut-off is inherited: " + r.err());
		assertTrue(r.err().contains("cellwright: not exported: BPX requires 1 field(s) the cell does not give"), r.err());
	}
}

package org.cellwright.sharing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.Limits;
import org.cellwright.sharing.bpx.BpxImporter;
import org.cellwright.sharing.bpx.BpxImporter.BpxException;
import org.cellwright.sharing.bpx.PyExpression;
import org.cellwright.sharing.cli.ImportBpxCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import picocli.CommandLine;

/**
 * BPX files built to break the importer: deep and long OCP expressions (generated here, up to 200,000 terms), deep
 * JSON, wrongly typed values, control characters. Each ends in an error naming the JSON path (and, on the command line,
 * the file), never in a stack trace, a crash or a hang.
 */
public class BpxHardeningTest {

	@TempDir
	Path tmp;

	static final String OCP_PATH = "$.Parameterisation[\"Positive electrode\"][\"OCP [V]\"]";

	/** The example NMC pouch cell, with its positive OCP replaced. */
	static JsonObject example() throws Exception {
		return JsonParser.parseString(Files.readString(BpxTest.dataDir().resolve("nmc_pouch_cell_BPX.json"))).getAsJsonObject();
	}

	static JsonObject positive(JsonObject bpx) {
		return bpx.getAsJsonObject("Parameterisation").getAsJsonObject("Positive electrode");
	}

	static String withPositiveOcp(JsonElement ocp) throws Exception {
		JsonObject bpx = example();
		positive(bpx).add("OCP [V]", ocp);
		return new Gson().toJson(bpx);
	}

	/** A sum of {@code terms} terms, each one number or x: 4.2 - x + 0.001 - x + 0.001 ... */
	static String sum(int terms) {
		StringBuilder b = new StringBuilder("4.2");
		for (int i = 1; i < terms; i++)
			b.append(i % 2 == 0 ? " + 0.001" : " - x");
		return b.toString();
	}

	BpxException refused(String json) {
		return assertThrows(BpxException.class, () -> BpxImporter.importJson(json, "hostile"));
	}

	@Test
	void deeplyNestedOcpIsALocatedError() throws Exception {
		int n = 100_000;
		for (String deep : new String[] { "(".repeat(n) + "x" + ")".repeat(n), "-".repeat(n) + "x", "exp(".repeat(n) + "x" + ")".repeat(n),
				"x**".repeat(n) + "x" }) {
			BpxException e = refused(withPositiveOcp(new Gson().toJsonTree(deep)));
			assertTrue(e.getMessage().startsWith(OCP_PATH) && e.getMessage().contains("nested deeper than " + PyExpression.MAX_DEPTH),
					e.getMessage());
			assertTrue(e.getMessage().length() < 600, "the message quotes no megabytes: " + e.getMessage().length());
		}
		// at the limit it imports
		String ok = "(".repeat(PyExpression.MAX_DEPTH - 1) + "4.2 - 0.1*x" + ")".repeat(PyExpression.MAX_DEPTH - 1);
		assertTrue(BpxImporter.importJson(withPositiveOcp(new Gson().toJsonTree(ok)), "ok").text().contains("ocv function V = (((("));
	}

	@Test
	void longOcpSumsAreRefusedBeyondTheLanguageLimit() throws Exception {
		// up to the limit: imported as a function
		String atLimit = sum(PyExpression.MAX_TERMS);
		BpxImporter.Result r = BpxImporter.importJson(withPositiveOcp(new Gson().toJsonTree(atLimit)), "long");
		assertTrue(r.text().contains("ocv function V = 4.2 - x + 0.001 - x"), r.report());
		int xs = PyExpression.MAX_TERMS / 2, numbers = PyExpression.MAX_TERMS - 1 - xs;
		assertEquals(4.2 + 0.001 * numbers - 0.5 * xs, PyExpression.evaluate(atLimit, 0.5), 1e-9);
		// one more, 5,000 and 200,000 terms: refused at once with the path and the limit
		for (int n : new int[] { PyExpression.MAX_TERMS + 1, 5_000, 200_000 }) {
			BpxException e = refused(withPositiveOcp(new Gson().toJsonTree(sum(n))));
			assertTrue(e.getMessage().startsWith(OCP_PATH) && e.getMessage().contains("more than " + PyExpression.MAX_TERMS + " terms")
					&& e.getMessage().contains("as a table"), e.getMessage());
			assertTrue(e.getMessage().length() < 600, "the message quotes no megabytes");
		}
		// the conductivity function is only evaluated: beyond the limit it is a note, the file imports
		JsonObject bpx = example();
		bpx.getAsJsonObject("Parameterisation").getAsJsonObject("Electrolyte").addProperty("Conductivity [S.m-1]", sum(200_000));
		BpxImporter.Result c = BpxImporter.importJson(new Gson().toJson(bpx), "kappa");
		assertTrue(c.notes().stream().anyMatch(n -> n.contains("Conductivity") && n.contains("more than " + PyExpression.MAX_TERMS)),
				c.notes().toString());
	}

	@Test
	void ocpOfABlendComponentIsLocatedInItsParticle() throws Exception {
		JsonObject bpx = example();
		JsonObject pos = positive(bpx);
		JsonObject particle = new JsonObject(), primary = new JsonObject();
		primary.addProperty("OCP [V]", "(".repeat(500) + "x" + ")".repeat(500));
		particle.add("Primary", primary);
		pos.remove("OCP [V]");
		pos.add("Particle", particle);
		BpxException e = refused(new Gson().toJson(bpx));
		assertTrue(e.getMessage().startsWith("$.Parameterisation[\"Positive electrode\"].Particle.Primary[\"OCP [V]\"]"), e.getMessage());
	}

	@Test
	void wronglyTypedValuesAreLocatedErrors() throws Exception {
		JsonObject table = new JsonObject();
		JsonArray xs = new JsonArray(), ys = new JsonArray();
		xs.add(0.1);
		xs.add("half");
		ys.add(4.2);
		ys.add(4.1);
		table.add("x", xs);
		table.add("y", ys);
		BpxException e = refused(withPositiveOcp(table));
		assertEquals(OCP_PATH + ".x[1]: not a number", e.getMessage());
		table.add("y", new JsonObject());
		assertTrue(refused(withPositiveOcp(table)).getMessage().contains("must be lists of numbers"));
		ys.remove(1);
		table.add("y", ys);
		xs.set(1, new Gson().toJsonTree(0.5));
		assertTrue(refused(withPositiveOcp(table)).getMessage().contains("2 x and 1 y values"));
		JsonObject bpx = example();
		bpx.getAsJsonObject("Header").add("BPX", new JsonObject());
		assertTrue(refused(new Gson().toJson(bpx)).getMessage().startsWith("$.Header.BPX"));
		// numbers beyond double are not numbers: kept as a comment, not written as Infinity
		String big = withPositiveOcp(new Gson().toJsonTree("4.2")).replaceFirst("\"Thickness \\[m\\]\":\\s*[0-9.eE+-]+", "\"Thickness [m]\": 1e400");
		BpxImporter.Result r = BpxImporter.importJson(big, "big");
		assertFalse(r.text().contains("Infinity"), r.text());
		for (String broken : new String[] { "[]", "{", "{\"Parameterisation\": 5}", "[".repeat(100_000) + "]".repeat(100_000),
				"{\"Header\": {\"BPX\": \"0.1.0\"}, \"Parameterisation\": {\"Cell\": {}, \"Negative electrode\": [], \"Positive electrode\": {}}}" })
			refused(broken);
	}

	@Test
	void deepJsonIsRefusedWithItsPath() throws Exception {
		JsonObject bpx = example();
		JsonElement deep = new JsonArray();
		JsonElement cur = deep;
		for (int i = 0; i < 100; i++) {
			JsonArray next = new JsonArray();
			((JsonArray) cur).add(next);
			cur = next;
		}
		bpx.getAsJsonObject("Parameterisation").getAsJsonObject("Cell").add("Deep", deep);
		BpxException e = refused(new Gson().toJson(bpx));
		assertTrue(e.getMessage().startsWith("$.Parameterisation.Cell.Deep[0]") && e.getMessage().contains("nested deeper than 64"),
				e.getMessage());
		// deeper than the JSON parser reads (Gson's 255): one line saying so, without the parser's class name and its path of
		// 800 characters (it was "not JSON: com.google.gson.stream.MalformedJsonException: Nesting limit 255 reached ...
		// path $.Parameterisation.Cell.Deep[0][0]...": input25)
		String text = new Gson().toJson(bpx).replace("\"Deep\":[", "\"Deep\":" + "[".repeat(10_000)); // refused at the 256th level
		e = refused(text);
		assertTrue(e.getMessage().startsWith("not JSON: nested deeper than 255 levels (arrays or objects within each other) at line 1 column "),
				e.getMessage());
		assertTrue(e.getMessage().matches("[^\n]* path \\$\\.Parameterisation\\.Cell\\.Deep[\\[0\\]]+\\.\\.\\.") && e.getMessage().length() < 200,
				e.getMessage());
	}

	@Test
	void textFromTheFileCannotBreakOutOfComments() throws Exception {
		JsonObject bpx = example();
		bpx.getAsJsonObject("Header").addProperty("Title\npackage evil\nmaterial X", "\u001b[2J\nmaterial Y is solid-electrolyte {}");
		bpx.getAsJsonObject("Parameterisation").getAsJsonObject("Cell").addProperty("Note\u202E\n}", "a\u2028b");
		String text = BpxImporter.importJson(new Gson().toJson(bpx), "inject").text();
		assertFalse(text.contains("\npackage evil") || text.contains("\nmaterial X") || text.contains("\nmaterial Y"), text);
		assertFalse(text.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\t') || c == 0x202E || c == 0x2028), "no raw control characters");
		for (String line : text.split("\n"))
			assertFalse(line.startsWith("}") && line.length() > 1, line);
	}

	@Test
	void theCommandNamesTheFileAndPrintsNoStackTrace() throws Exception {
		Path bad = tmp.resolve("deep\u001b[31m.json");
		Files.writeString(bad, withPositiveOcp(new Gson().toJsonTree("(".repeat(200_000) + "x" + ")".repeat(200_000))), StandardCharsets.UTF_8);
		Path notJson = tmp.resolve("broken.json");
		Files.writeString(notJson, "{\"Header\": ");
		StringWriter out = new StringWriter(), err = new StringWriter();
		CommandLine cl = new CommandLine(new ImportBpxCommand());
		cl.setOut(new PrintWriter(out, true));
		cl.setErr(new PrintWriter(err, true));
		int rc = cl.execute(bad.toString(), notJson.toString(), tmp.resolve("missing.json").toString(), "--out", tmp.resolve("out").toString());
		String e = err.toString();
		assertEquals(1, rc, out + e);
		assertTrue(e.contains("deep\\e[31m.json: " + OCP_PATH + ": refused"), e);
		assertTrue(e.contains("broken.json: not JSON"), e);
		assertTrue(e.contains("missing.json: no such file"), e);
		assertFalse(e.contains("\u001b") || e.contains("Exception") || e.contains("\tat "), e);
		assertFalse(Files.exists(tmp.resolve("out/deep\u001b[31m.cell")), "nothing written for a refused file");
	}

	/**
	 * A diffusivity negative only between the checker's samples (8.794e-11 x^2 - 3.972e-10 x, negative for 0 < x < 4.5
	 * mol/m3; the BPX validator accepts it) is refused at import: exit code 1 and the error at the imported line,
	 * naming the concentration (issue 14, audit item 6).
	 */
	@Test
	void aDiffusivityNegativeBetweenTheCheckersSamplesIsRefusedAtImport() throws Exception {
		JsonObject bpx = example();
		bpx.getAsJsonObject("Parameterisation").getAsJsonObject("Electrolyte").addProperty("Diffusivity [m2.s-1]", "8.794e-11 * x ** 2 - 3.972e-10 * x");
		String o = importRefused(bpx, "negdiff");
		assertTrue(o.lines().anyMatch(l -> l.matches(".*negdiff\\.cell:\\d+:\\d+: error: diffusivity goes negative: .* at c = [0-4](\\.\\d+)? mol/m3.*")), o);
	}

	/**
	 * A thickness of -1 m or 0 (valid BPX: its schema takes any number) is refused before anything is written, naming the
	 * JSON path and the value, every one of them; it was imported and the errors were at the lines of the written .cell
	 * file (fuzz22). The same in a particle population of a blended electrode.
	 */
	@Test
	void aThicknessOfZeroOrBelowIsRefusedAtItsJsonPathAndNothingIsWritten() throws Exception {
		JsonObject bpx = example();
		JsonObject par = bpx.getAsJsonObject("Parameterisation");
		par.getAsJsonObject("Negative electrode").addProperty("Thickness [m]", -1);
		par.getAsJsonObject("Separator").addProperty("Thickness [m]", 0);
		String err = importRefused(bpx, "neg");
		assertFalse(Files.exists(tmp.resolve("out-neg/neg.cell")), "nothing written for a refused file");
		assertTrue(err.strip().endsWith("neg.json: cannot import: $.Parameterisation[\"Negative electrode\"][\"Thickness [m]\"]: -1 must be positive\n"
				+ "  $.Parameterisation.Separator[\"Thickness [m]\"]: 0 must be positive"), err);

		JsonObject blend = example();
		JsonObject pos = positive(blend);
		JsonObject population = new JsonObject();
		for (String k : List.of("Particle radius [m]"))
			population.addProperty(k, -2e-6);
		pos.add("Secondary", population);
		BpxException e = refused(new Gson().toJson(blend));
		assertTrue(e.getMessage().contains("$.Parameterisation[\"Positive electrode\"].Secondary[\"Particle radius [m]\"]: -2.0E-6 must be positive")
				|| e.getMessage().contains("$.Parameterisation[\"Positive electrode\"].Secondary[\"Particle radius [m]\"]: -2e-06 must be positive"),
				e.getMessage());
	}

	/**
	 * A thickness beyond the language's limit (10 cm: Limits.MAX_LAYER_THICKNESS) is refused at its JSON path and
	 * nothing is written, as one of 0 or below is: 1e300 m was imported and the .cell file had an error at its line
	 * (input24). 10 cm itself imports.
	 */
	@Test
	void aThicknessBeyondTheLimitIsRefusedAtItsJsonPathAndNothingIsWritten() throws Exception {
		JsonObject bpx = example();
		bpx.getAsJsonObject("Parameterisation").getAsJsonObject("Negative electrode").addProperty("Thickness [m]", 1e300);
		String err = importRefused(bpx, "big");
		assertFalse(Files.exists(tmp.resolve("out-big/big.cell")), "nothing written for a refused file");
		assertTrue(err.strip().endsWith("big.json: cannot import: $.Parameterisation[\"Negative electrode\"][\"Thickness [m]\"]: 1e300 m"
				+ " is thicker than 10 cm, the thickest layer of a cell (the limit, see 'Limits' in docs/language.md)"), err);

		bpx.getAsJsonObject("Parameterisation").getAsJsonObject("Negative electrode").addProperty("Thickness [m]", Limits.MAX_LAYER_THICKNESS);
		assertTrue(BpxImporter.importJson(new Gson().toJson(bpx), "edge").text().contains("layer negative: NegativeElectrode 100000"),
				"10 cm is within the limit: imported");
	}

	/**
	 * The temperatures (BPX 0.x "Cell", 1.x "State") and the cell's area (electrode area x electrode pairs in parallel)
	 * beyond the language's limits (docs/language.md "Limits") are refused at their JSON path and nothing is written, as
	 * a thickness is: only the thickness was checked (input24), an ambient temperature of 1e300 K or 1000 pairs of the
	 * example's electrodes (16.8 m2) were imported into a .cell file with errors at its lines (input25).
	 */
	@Test
	void temperaturesAndAnAreaBeyondTheLimitsAreRefusedAtTheirJsonPathAndNothingIsWritten() throws Exception {
		JsonObject bpx = example();
		JsonObject cell = bpx.getAsJsonObject("Parameterisation").getAsJsonObject("Cell");
		cell.addProperty("Ambient temperature [K]", 1e300);
		cell.addProperty("Number of electrode pairs connected in parallel to make a cell", 1000);
		String err = importRefused(bpx, "hot");
		assertFalse(Files.exists(tmp.resolve("out-hot/hot.cell")), "nothing written for a refused file");
		assertTrue(err.contains("hot.json: cannot import: $.Parameterisation.Cell[\"Ambient temperature [K]\"]: 1e300 degC is outside -100 degC"
				+ " to 500 degC (the limit, see 'Limits' in docs/language.md)\n"
				+ "  $.Parameterisation.Cell[\"Electrode area [m2]\"]: 0.016808 m2 x 1000 electrode pairs in parallel = 16.808 m2 is above 10 m2,"
				+ " the largest electrode area of a cell (the limit, see 'Limits' in docs/language.md)"), err);

		JsonObject v1 = example();
		JsonObject state = new JsonObject(), initial = new JsonObject();
		initial.addProperty("Initial temperature [K]", 100);
		state.add("Initial conditions", initial);
		v1.add("State", state);
		assertEquals("cannot import: $.State[\"Initial conditions\"][\"Initial temperature [K]\"]: -173.15 degC is outside -100 degC to 500 degC"
				+ " (the limit, see 'Limits' in docs/language.md)", refused(new Gson().toJson(v1)).getMessage());
		// at the limits: imported (10 m2 as 0.5 m2 x 20 pairs; 500 degC)
		JsonObject edge = example();
		JsonObject c = edge.getAsJsonObject("Parameterisation").getAsJsonObject("Cell");
		c.addProperty("Electrode area [m2]", 0.5);
		c.addProperty("Number of electrode pairs connected in parallel to make a cell", 20);
		c.addProperty("Ambient temperature [K]", Limits.MAX_TEMPERATURE);
		assertTrue(BpxImporter.importJson(new Gson().toJson(edge), "edge").text().contains("area = 100000 cm2"), "10 m2 is within the limit: imported");
	}

	/**
	 * A key given twice in one object is refused naming the key, its JSON path and its line (a JSON reader keeps one of
	 * the two without a word: Gson the last; fuzz22's second "Header" was taken); nested, in a section, too. A document
	 * without a key given twice imports.
	 */
	@Test
	void aKeyGivenTwiceIsRefusedNamingItsPathAndLine() throws Exception {
		String json = new GsonBuilder().setPrettyPrinting().create().toJson(example());
		String twice = json.replaceFirst("\\{", "{\n  \"Header\": {\"BPX\": 1.0, \"Model\": \"SPM\"},");
		BpxException e = refused(twice);
		assertEquals("$.Header (line 10): the key is given twice in this object: give it once (a JSON reader keeps one of the two"
				+ " without a word, so which was meant cannot be told)", e.getMessage().replaceFirst("line \\d+", "line 10"));
		int line = e.getMessage().indexOf("(line ");
		int n = Integer.parseInt(e.getMessage().substring(line + 6, e.getMessage().indexOf(')', line)));
		assertTrue(twice.lines().skip(n - 1).findFirst().orElseThrow().contains("\"Header\""), "line " + n + " holds the second Header");

		String nested = json.replaceFirst("\"Thickness \\[m\\]\": ", "\"Thickness [m]\": 1e-5,\n \"Thickness [m]\": ");
		e = refused(nested);
		assertTrue(e.getMessage().startsWith("$.Parameterisation[\"Negative electrode\"][\"Thickness [m]\"] (line "), e.getMessage());
		BpxImporter.importJson(json, "once"); // the same without the second key imports
	}

	/**
	 * `import-bpx` on the document written as NAME.json into out-NAME: asserts exit code 1 (refused) and returns its
	 * report, then what it wrote on stderr.
	 */
	private String importRefused(JsonObject bpx, String name) throws Exception {
		Path f = tmp.resolve(name + ".json");
		Files.writeString(f, new Gson().toJson(bpx), StandardCharsets.UTF_8);
		StringWriter out = new StringWriter(), err = new StringWriter();
		CommandLine cl = new CommandLine(new ImportBpxCommand());
		cl.setOut(new PrintWriter(out, true));
		cl.setErr(new PrintWriter(err, true));
		int rc = cl.execute(f.toString(), "--out", tmp.resolve("out-" + name).toString());
		String o = out.toString();
		assertEquals(1, rc, o + err);
		return o + err;
	}

	/**
	 * A BPX electrolyte function that is infinite at c = 0 only (PyBaMM's Nernst-Einstein diffusivity R T kappa / (F^2
	 * c)) is valid BPX as PyBaMM uses it: it is checked from PyBaMM's zero electrolyte concentration cut-off, 0.002
	 * mol/m3, to twice the initial concentration, and the import says so; one that is infinite at 0 and also negative
	 * above the cut-off is still refused at its line.
	 */
	@Test
	void aFunctionInfiniteOnlyAtZeroConcentrationIsCheckedFromPyBammsCutOff() throws Exception {
		JsonObject bpx = example();
		JsonObject ely = bpx.getAsJsonObject("Parameterisation").getAsJsonObject("Electrolyte");
		double c0 = ely.get("Initial concentration [mol.m-3]").getAsDouble();
		ely.addProperty("Diffusivity [m2.s-1]", "8.314462618 * 298.15 / (96485.33212 ** 2 * x) * (0.1726 + 1.7919e-3 * x)");
		BpxImporter.Result r = BpxImporter.importJson(new Gson().toJson(bpx), "NernstEinstein");
		String line = r.text().lines().filter(l -> l.trim().startsWith("diffusivity = function")).findFirst().orElseThrow();
		assertTrue(line.endsWith(" for c from 0.002 to " + BpxImporter.fmt(2 * c0) + " mol/m3"), line);
		assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("Electrolyte / Diffusivity [m2.s-1]: not finite at x = 0 mol/m3")), r.notes().toString());
		Path g = tmp.resolve("nernst.cell");
		Files.writeString(g, r.text());
		CellWrightChecker.Result ok = new CellWrightChecker().check(List.of(g));
		assertTrue(ok.issues().stream().noneMatch(i -> i.severity() == CellWrightChecker.Severity.ERROR), ok.issues().toString());
		// the conductivity, finite at 0, keeps the language's range from c = 0
		String kappa = r.text().lines().filter(l -> l.trim().startsWith("ionic-conductivity")).findFirst().orElseThrow();
		assertFalse(kappa.contains(" for c from"), kappa);

		// infinite at 0 and negative for 0 < x < 500: refused at the line, at a concentration above the cut-off
		ely.addProperty("Diffusivity [m2.s-1]", "1e-10 * (x - 500) / x");
		String o = importRefused(bpx, "negpole");
		assertTrue(o.lines().anyMatch(l -> l.matches(".*negpole\\.cell:\\d+:\\d+: error: diffusivity goes negative: .* at c = 0\\.002 mol/m3.*")), o);
	}

	// ------------------------------------------------------------------------------------------------ BPX 1.x State, blends

	/** The example as BPX 1.x: the ambient temperature and initial concentration moved to "State". */
	static JsonObject withState() throws Exception {
		JsonObject bpx = example();
		bpx.getAsJsonObject("Header").addProperty("BPX", "1.0.0");
		JsonObject par = bpx.getAsJsonObject("Parameterisation");
		double c0 = par.getAsJsonObject("Electrolyte").remove("Initial concentration [mol.m-3]").getAsDouble();
		double tAmb = par.getAsJsonObject("Cell").remove("Ambient temperature [K]").getAsDouble();
		par.getAsJsonObject("Cell").remove("Initial temperature [K]");
		JsonObject state = new JsonObject(), initial = new JsonObject(), thermal = new JsonObject();
		initial.addProperty("Initial state-of-charge", 1.0);
		initial.addProperty("Initial temperature [K]", 300.0);
		initial.addProperty("Initial electrolyte concentration [mol.m-3]", c0);
		thermal.addProperty("Ambient temperature [K]", tAmb);
		thermal.addProperty("Heat transfer coefficient [W.m-2.K-1]", 10.0);
		state.add("Initial conditions", initial);
		state.add("Thermal environment", thermal);
		bpx.add("State", state);
		return bpx;
	}

	@Test
	void theStateSectionOfBpx1IsUsedOrReported() throws Exception {
		BpxImporter.Result v0 = BpxImporter.importJson(new Gson().toJson(example()), "v0");
		BpxImporter.Result v1 = BpxImporter.importJson(new Gson().toJson(withState()), "v1");
		// the conductivity (a function of concentration) is evaluated at the State's initial concentration, as for 0.x
		String kappa0 = v0.text().lines().filter(l -> l.contains("ionic-conductivity")).findFirst().orElseThrow();
		String kappa1 = v1.text().lines().filter(l -> l.contains("ionic-conductivity")).findFirst().orElseThrow();
		assertEquals(kappa0, kappa1, v1.report());
		// with the State's heat-transfer coefficient the cell runs the lumped thermal model: it starts at the initial
		// temperature and exchanges heat with the ambient one (BpxTemperatureTest)
		assertTrue(v1.text().contains("\ttemperature = 300 K // BPX \"State\" / \"Initial conditions\" / \"Initial temperature [K]\""), v1.text());
		assertTrue(v1.text().contains("\tambient-temperature = 298.15 K // BPX \"State\" / \"Thermal environment\" / \"Ambient temperature [K]\""), v1.text());
		// the rest is a note each, and kept as comments the exporter does not read back as parameters
		String k = "Initial state-of-charge = 1.0: applied as the electrode layers' initial-stoichiometry";
		assertTrue(v1.notes().stream().anyMatch(n -> n.contains(k)), k + " in " + v1.notes());
		assertFalse(v1.skipped().stream().anyMatch(s -> s.startsWith("State (section not imported")), v1.skipped().toString());
		assertTrue(v1.text().contains("heat-transfer-coefficient = 10 W/m2/K"), "the cell's (BpxThermalTest)");
		assertTrue(v1.text().contains("// BPX State \"Initial conditions\" \"Initial state-of-charge\" = 1.0"), v1.text());
		Path f = tmp.resolve("v1.cell");
		Files.writeString(f, v1.text());
		org.cellwright.lang.CellWrightChecker.Result res = new org.cellwright.lang.CellWrightChecker().check(java.util.List.of(f));
		assertFalse(res.hasErrors(), res.issues().toString());
		org.cellwright.model.Cell cell = (org.cellwright.model.Cell) res.model(f).getElements().stream()
				.filter(e -> e instanceof org.cellwright.model.Cell).findFirst().orElseThrow();
		JsonObject exported = org.cellwright.sharing.bpx.BpxExporter.export(cell);
		assertFalse(exported.getAsJsonObject("Parameterisation").has("State"), "State is not put among the parameters");
	}

	@Test
	void aBlendedElectrodeImportsItsSecondPopulation() throws Exception {
		JsonObject bpx = example();
		JsonObject pos = positive(bpx);
		JsonObject large = new JsonObject(), small = new JsonObject(), particles = new JsonObject();
		for (String k : new String[] { "Particle radius [m]", "Diffusivity [m2.s-1]", "OCP [V]", "Surface area per unit volume [m-1]",
				"Reaction rate constant [mol.m-2.s-1]", "Minimum stoichiometry", "Maximum stoichiometry", "Maximum concentration [mol.m-3]" }) {
			large.add(k, pos.get(k));
			small.add(k, pos.remove(k));
		}
		small.addProperty("Particle radius [m]", 1e-6);
		small.addProperty("Surface area per unit volume [m-1]", 496883);
		particles.add("Large Particles", large);
		particles.add("Small Particles", small);
		pos.add("Particle", particles);
		BpxImporter.Result r = BpxImporter.importJson(new Gson().toJson(bpx), "blend");
		// never silently dropped: both populations are materials, the layer a composite of them
		assertTrue(r.notes().stream().anyMatch(n -> n.contains("blended electrode of 2 particle populations ('Large Particles', 'Small Particles')")),
				r.notes().toString());
		assertTrue(r.text().contains("material PositiveElectrode_Small_Particles is intercalation-cathode {"), r.text());
		assertTrue(r.text().contains("\tparticle-radius = 1 um\n"), r.text());
		assertTrue(r.text().contains("composite PositiveElectrode is intercalation-cathode {"), r.text());
	}

	/** The real BPX files beside the repository (../shared/data/bpx-real) import, with every State entry and blend noted. */
	@Test
	void theRealBpxFilesImport() throws Exception {
		Path real = Path.of(System.getProperty("cellwright.bpx.real", "../../../shared/data/bpx-real"));
		assertTrue(Files.isDirectory(real), "the shared BPX files (../shared/data/bpx-real, as in CI): " + real);
		try (java.util.stream.Stream<Path> s = Files.list(real)) {
			for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
				BpxImporter.Result r = BpxImporter.importFile(f);
				String json = Files.readString(f);
				if (json.contains("\"State\""))
					assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("State / Initial conditions / Initial state-of-charge")), f + ": " + r.notes());
				if (json.contains("\"Particle\""))
					assertTrue(r.notes().stream().anyMatch(n -> n.contains("blended electrode")), f + ": " + r.notes());
			}
		}
	}

	// ------------------------------------------------------------------------------------------------ export: what is missing

	@Test
	void exportNamesTheRequiredFieldsItCannotFill() throws Exception {
		// an imported example exports with every field BPX requires
		BpxImporter.Result r = BpxImporter.importJson(Files.readString(BpxTest.dataDir().resolve("nmc_pouch_cell_BPX.json")), "nmc");
		Path f = tmp.resolve("nmc.cell");
		Files.writeString(f, r.text());
		assertEquals(java.util.List.of(), org.cellwright.sharing.bpx.BpxExporter.missingRequired(export(f)));
		// a solid-state cell (Li | solid electrolyte | Li, no protocol, no capacity) lacks what CellWright has no value for
		Path ss = tmp.resolve("ss.cell");
		Files.writeString(ss, """
				package ss
				import cellwright.materials.*
				cell Symmetric {
					area = 1 cm2
					layer acc: SUS 10 um
					layer foil: Li 30 um
					layer separator: Li6PS5Cl 500 um
					layer counter: Li 30 um
					layer ccc: SUS 10 um
				}
				""");
		java.util.List<String> missing = org.cellwright.sharing.bpx.BpxExporter.missingRequired(export(ss));
		for (String m : new String[] { "Cell / Lower voltage cut-off [V]", "Cell / Nominal cell capacity [A.h]", "Electrolyte / Cation transference number",
				"Negative electrode / OCP [V]", "Positive electrode / OCP [V]" })
			assertTrue(missing.contains(m), m + " in " + missing);
		assertFalse(missing.contains("Cell / Electrode area [m2]") || missing.contains("Cell / Number of electrode pairs connected in parallel to make a cell"),
				missing.toString());
		// the command names each at the cell and writes nothing (the BPX validator would refuse the file)
		StringWriter out = new StringWriter(), err = new StringWriter();
		CommandLine cl = new CommandLine(new org.cellwright.sharing.cli.ExportBpxCommand());
		cl.setOut(new PrintWriter(out, true));
		cl.setErr(new PrintWriter(err, true));
		assertEquals(1, cl.execute(ss.toString(), "--out", tmp.resolve("ss.bpx.json").toString()), err.toString());
		assertFalse(Files.exists(tmp.resolve("ss.bpx.json")), "nothing written");
		assertTrue(err.toString().contains("BPX requires " + missing.size() + " field(s) the cell does not give")
				&& err.toString().contains(ss + ":3:6: error: cell Symmetric has no value for the BPX field \"Negative electrode / OCP [V]\""),
				err.toString());
	}

	/** export-bpx --out onto a file of the user's overwrote it without a word (fuzz20): kept, unless --replace. */
	@Test
	void exportKeepsAnExistingFileUnlessItIsThisExportOrReplaceIsGiven() throws Exception {
		BpxImporter.Result r = BpxImporter.importJson(Files.readString(BpxTest.dataDir().resolve("nmc_pouch_cell_BPX.json")), "nmc");
		Path f = tmp.resolve("nmc.cell");
		Files.writeString(f, r.text());
		Path mine = tmp.resolve("mine.json");
		Files.writeString(mine, "my notes");
		StringWriter err = new StringWriter();
		assertEquals(1, exportBpx(err, f.toString(), "--out", mine.toString()), err.toString());
		assertEquals("my notes", Files.readString(mine), "the user's file is kept");
		assertTrue(err.toString().contains("mine.json: exists and differs from this export; kept (--replace overwrites it, or choose another --out)"),
				err.toString());
		// the default output beside the .cell file: written, written again unchanged, kept once edited
		Path beside = tmp.resolve("nmc.bpx.json");
		assertEquals(0, exportBpx(new StringWriter(), f.toString()));
		assertEquals(0, exportBpx(new StringWriter(), f.toString()), "the same export again");
		Files.writeString(beside, Files.readString(beside).replace("\"BPX\"", "\"BPX\" ") + " ");
		String edited = Files.readString(beside);
		assertEquals(1, exportBpx(new StringWriter(), f.toString()));
		assertEquals(edited, Files.readString(beside));
		assertEquals(0, exportBpx(new StringWriter(), f.toString(), "--replace"));
		assertFalse(edited.equals(Files.readString(beside)), "replaced");
		assertEquals(0, exportBpx(new StringWriter(), f.toString(), "--out", mine.toString(), "--replace"));
		assertTrue(Files.readString(mine).contains("\"Header\""));
	}

	private static int exportBpx(StringWriter err, String... args) {
		CommandLine cl = new CommandLine(new org.cellwright.sharing.cli.ExportBpxCommand());
		cl.setOut(new PrintWriter(new StringWriter(), true));
		cl.setErr(new PrintWriter(err, true));
		return cl.execute(args);
	}

	static JsonObject export(Path f) {
		org.cellwright.lang.CellWrightChecker.Result res = new org.cellwright.lang.CellWrightChecker().check(java.util.List.of(f));
		assertFalse(res.hasErrors(), res.issues().toString());
		org.cellwright.model.Cell cell = (org.cellwright.model.Cell) res.model(f).getElements().stream()
				.filter(e -> e instanceof org.cellwright.model.Cell).findFirst().orElseThrow();
		return org.cellwright.sharing.bpx.BpxExporter.export(cell);
	}
}

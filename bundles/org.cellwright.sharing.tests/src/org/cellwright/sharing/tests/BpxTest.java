package org.cellwright.sharing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.expressions.Expressions;
import org.cellwright.lang.model.Cells;
import org.cellwright.lang.model.Layers;
import org.cellwright.model.Cell;
import org.cellwright.model.Element;
import org.cellwright.model.Layer;
import org.cellwright.model.Material;
import org.cellwright.model.MaterialKind;
import org.cellwright.model.Model;
import org.cellwright.sharing.bpx.BpxExporter;
import org.cellwright.sharing.bpx.BpxImporter;
import org.cellwright.sharing.bpx.PyExpression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** BPX import of the example files (values against the file, units converted), export and re-import. */
public class BpxTest {

	@TempDir
	Path tmp;

	static Path dataDir() {
		return Path.of(System.getProperty("cellwright.bpx", "data/bpx"));
	}

	static List<Path> bpxFiles() throws IOException {
		try (Stream<Path> s = Files.list(dataDir())) {
			List<Path> l = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
			assertEquals(3, l.size(), "the three BPX example files");
			return l;
		}
	}

	record Loaded(Model model, Cell cell, CellWrightChecker.Result result) {
		Material material(String name) {
			for (Element e : model.getElements())
				if (e instanceof Material m && name.equals(m.getName()))
					return m;
			throw new AssertionError("no material " + name);
		}

		Layer layer(String name) {
			for (Layer l : Cells.effectiveLayers(cell))
				if (name.equals(l.getName()))
					return l;
			throw new AssertionError("no layer " + name);
		}
	}

	Loaded load(BpxImporter.Result r, String fileName) throws IOException {
		Path f = tmp.resolve(fileName);
		Files.writeString(f, r.text());
		CellWrightChecker.Result res = new CellWrightChecker().check(List.of(f));
		assertFalse(res.hasErrors(), () -> res.issues() + "\n" + r.text());
		Model m = res.model(f);
		Cell cell = (Cell) m.getElements().stream().filter(e -> e instanceof Cell).findFirst().orElseThrow();
		return new Loaded(m, cell, res);
	}

	static void close(double expected, double actual, String what) {
		assertEquals(expected, actual, Math.abs(expected) * 1e-12 + 1e-300, what);
	}

	/** The text of a property written as a function ({@code function UNIT = TEXT}). */
	static String functionText(org.cellwright.model.PropertyOwner o, String name) {
		org.cellwright.model.Property p = Cells.property(o, name);
		assertNotNull(p, "no " + name);
		assertNotNull(p.getFunction(), name + " is a function");
		return org.eclipse.xtext.nodemodel.util.NodeModelUtils.getTokenText(
				org.eclipse.xtext.nodemodel.util.NodeModelUtils.findActualNodeFor(p.getFunction().getBody())).trim();
	}

	/** The electrolyte's volume fraction of a separator layer: its porosity, or the liquid's vol% in its composite. */
	static double electrolyteFraction(Layer l) {
		if (Layers.si(l, "porosity").isPresent())
			return Layers.si(l, "porosity").getAsDouble();
		if (l.getMaterial() instanceof org.cellwright.model.Composite c)
			for (org.cellwright.model.Component k : c.getComponents())
				if (k.getMaterial().getKind() == MaterialKind.LIQUID_ELECTROLYTE)
					return org.cellwright.lang.units.Units.toSI(k.getFraction());
		return 1;
	}

	static double si(org.cellwright.model.PropertyOwner o, String name) {
		return Layers.si(o, name).orElseThrow(() -> new AssertionError("no " + name));
	}

	@Test
	void importsEachExampleFileWithItsValues() throws Exception {
		for (Path p : bpxFiles()) {
			BpxImporter.Result r = BpxImporter.importFile(p);
			Loaded l = load(r, p.getFileName().toString().replace(".json", ".cell"));
			JsonObject par = JsonParser.parseString(Files.readString(p)).getAsJsonObject().getAsJsonObject("Parameterisation");
			JsonObject cell = par.getAsJsonObject("Cell");
			close(cell.get("Electrode area [m2]").getAsDouble()
					* cell.get("Number of electrode pairs connected in parallel to make a cell").getAsDouble(), si(l.cell, "area"), "area");
			close(cell.get("Ambient temperature [K]").getAsDouble(), si(l.cell, "temperature"), "temperature");
			close(cell.get("Nominal cell capacity [A.h]").getAsDouble() * 3600, si(l.cell, "nominal-capacity"), "capacity");
			// the negative electrode is what it is: a graphite-like intercalation anode (no alloy-host stand-in)
			assertEquals(MaterialKind.INTERCALATION_ANODE, l.material("NegativeElectrode").getKind(), p.toString());
			assertTrue(l.material("NegativeElectrode").isSetKind());
			assertEquals(MaterialKind.INTERCALATION_CATHODE, l.material("PositiveElectrode").getKind(), p.toString());
			assertFalse(r.text().contains("alloy-host"), r.text());
			assertTrue(l.result().issues().stream().noneMatch(i -> i.message().contains("intercalation-anode NegativeElectrode lacks")),
					"the import gives the anode everything a DFN anode needs: " + l.result().issues());
			for (String[] e : new String[][] { { "Negative electrode", "NegativeElectrode", "negative" },
					{ "Positive electrode", "PositiveElectrode", "positive" } }) {
				JsonObject s = par.getAsJsonObject(e[0]);
				Material m = l.material(e[1]);
				Layer layer = l.layer(e[2]);
				close(s.get("Thickness [m]").getAsDouble(), Layers.thickness(layer).getAsDouble(), e[0] + " thickness");
				close(s.get("Particle radius [m]").getAsDouble(), si(layer, "particle-radius"), e[0] + " radius");
				close(s.get("Diffusivity [m2.s-1]").getAsDouble(), si(m, "diffusivity"), e[0] + " diffusivity");
				close(s.get("Maximum concentration [mol.m-3]").getAsDouble(), si(m, "max-concentration"), e[0] + " cmax");
				// BPX j0 = F k sqrt(ce/ce0 x (1 - x)) is the power law k' ce^0.5 cs^0.5 (cmax - cs)^0.5 with k' = F k / (cmax sqrt(ce0))
				double c0 = par.has("Electrolyte") ? par.getAsJsonObject("Electrolyte").get("Initial concentration [mol.m-3]").getAsDouble() : 1000;
				close(s.get("Reaction rate constant [mol.m-2.s-1]").getAsDouble() * BpxImporter.F
						/ (s.get("Maximum concentration [mol.m-3]").getAsDouble() * Math.sqrt(c0)), si(m, "exchange-current-rate-constant"), e[0] + " k");
				// the active material's volume fraction from BPX's surface area per volume: a R / 3 (spheres)
				close(s.get("Surface area per unit volume [m-1]").getAsDouble() * s.get("Particle radius [m]").getAsDouble() / 3,
						si(layer, "active-volume-fraction"), e[0] + " eps_s");
				close(s.get("Diffusivity activation energy [J.mol-1]").getAsDouble(), si(m, "diffusion-activation-energy"), e[0] + " Ea");
				if (s.has("Porosity")) {
					close(s.get("Porosity").getAsDouble(), si(layer, "porosity"), e[0] + " porosity");
					close(s.get("Transport efficiency").getAsDouble(), Math.pow(si(layer, "porosity"), si(layer, "bruggeman-electrolyte")), e[0] + " B");
					assertEquals(0, si(layer, "bruggeman-solid"), e[0] + ": BPX's electrode conductivity is the effective one");
				}
				if (s.has("Conductivity [S.m-1]"))
					close(s.get("Conductivity [S.m-1]").getAsDouble(), si(m, "electronic-conductivity"), e[0] + " sigma");
				close(s.get("Minimum stoichiometry").getAsDouble(), si(m, "minimum-stoichiometry"), e[0] + " window's lower end");
				close(s.get("Maximum stoichiometry").getAsDouble(), si(m, "maximum-stoichiometry"), e[0] + " window's upper end");
				// the OCP as a CellWright formula gives the values of the BPX function
				String ocp = s.get("OCP [V]").getAsString();
				var f = Expressions.compile(m.getOcvFunction());
				for (double x : new double[] { 0.05, 0.3, 0.5, 0.7, 0.95 }) {
					double want = PyExpression.evaluate(ocp, x);
					assertEquals(want, f.applyAsDouble(x), 1e-9 * Math.max(1, Math.abs(want)), e[0] + " OCP at " + x);
				}
			}
			if (par.has("Separator")) {
				JsonObject s = par.getAsJsonObject("Separator");
				close(s.get("Thickness [m]").getAsDouble(), Layers.thickness(l.layer("separator")).getAsDouble(), "separator");
				// the separator is the electrolyte in an inert polymer, the electrolyte's volume fraction the porosity
				close(s.get("Porosity").getAsDouble(), electrolyteFraction(l.layer("separator")), "separator porosity");
				close(s.get("Transport efficiency").getAsDouble(),
						Math.pow(s.get("Porosity").getAsDouble(), si(l.layer("separator"), "bruggeman-electrolyte")), "separator B");
				// the electrolyte is a liquid electrolyte with its functions of c and T (the Arrhenius factor written out)
				JsonObject ely = par.getAsJsonObject("Electrolyte");
				Material liquid = l.material("Electrolyte");
				assertEquals(MaterialKind.LIQUID_ELECTROLYTE, liquid.getKind());
				for (String[] f : new String[][] { { "Conductivity [S.m-1]", "ionic-conductivity", "Conductivity activation energy [J.mol-1]" },
						{ "Diffusivity [m2.s-1]", "diffusivity", "Diffusivity activation energy [J.mol-1]" } }) {
					String want = BpxImporter.arrhenius(PyExpression.toCellWright(ely.get(f[0]).getAsString(), "c"), ely.get(f[2]).getAsDouble(),
							cell.get("Reference temperature [K]").getAsDouble());
					assertEquals(want, functionText(liquid, f[1]), f[1]);
					assertTrue(want.contains("(c / 1000)") && want.endsWith("* exp(17100/R*(1/298.15 - 1/T))"), want);
				}
				close(ely.get("Cation transference number").getAsDouble(), si(liquid, "transference-number"), "t+");
				close(ely.get("Initial concentration [mol.m-3]").getAsDouble(), si(liquid, "initial-concentration"), "c0");
			} else {
				// a single-particle-model file: a 'model single-particle' cell of its two electrodes, no placeholder separator
				assertTrue(r.text().contains("\tmodel single-particle") && !r.text().contains("layer separator"), r.text());
				assertTrue(r.notes().stream().anyMatch(n -> n.contains("single-particle")), r.report());
				assertEquals("single-particle", org.cellwright.lang.model.Cells.model(l.cell()), "the parsed cell's model");
			}
			// what has no counterpart is reported and kept as a comment
			assertTrue(r.mapped().contains("Cell / Specific heat capacity [J.K-1.kg-1]"), r.report()); // the thermal model's (BpxThermalTest)
			assertTrue(r.mapped().contains("Negative electrode / Entropic change coefficient [V.K-1]"), r.report());
			assertTrue(r.mapped().contains("Negative electrode / Surface area per unit volume [m-1]"), r.report());
			assertTrue(r.text().contains("\tspecific-heat-capacity = "), r.text());
			if (p.getFileName().toString().startsWith("nmc"))
				assertTrue(r.skipped().stream().anyMatch(s -> s.startsWith("Validation")), r.report());
		}
	}

	@Test
	void lfpPositiveEntropicTableIsKept() throws Exception {
		Path p = dataDir().resolve("lfp_18650_cell_BPX.json");
		BpxImporter.Result r = BpxImporter.importFile(p);
		// the material's entropic-coefficient, a table against x (docs/sharing.md)
		assertTrue(r.text().contains("\tentropic-coefficient = table V/K against x { 0 "), r.text());
		assertTrue(r.mapped().contains("Positive electrode / Entropic change coefficient [V.K-1]"), r.report());
	}

	@Test
	void exportThenReimportGivesTheSameParameters() throws Exception {
		for (Path p : bpxFiles()) {
			BpxImporter.Result r = BpxImporter.importFile(p);
			Loaded l = load(r, "a.cell");
			JsonObject exported = BpxExporter.export(l.cell);
			JsonObject original = JsonParser.parseString(Files.readString(p)).getAsJsonObject();
			compare(original.getAsJsonObject("Parameterisation"), exported.getAsJsonObject("Parameterisation"), p.getFileName().toString());
			assertEquals(original.getAsJsonObject("Header").get("Title").getAsString(),
					exported.getAsJsonObject("Header").get("Title").getAsString());
			// solid-state quantities go under User-defined
			JsonObject user = exported.getAsJsonObject("Parameterisation").getAsJsonObject("User-defined");
			assertNotNull(user);
			assertTrue(user.keySet().stream().anyMatch(k -> k.startsWith("CellWright layer 1 negative")), user.toString());

			// and back again
			BpxImporter.Result again = BpxImporter.importJson(exported.toString(), "again");
			Loaded l2 = load(again, "b.cell");
			assertEquals(MaterialKind.INTERCALATION_ANODE, l2.material("NegativeElectrode").getKind(), "the kind survives the round trip");
			compare(original.getAsJsonObject("Parameterisation"),
					BpxExporter.export(l2.cell).getAsJsonObject("Parameterisation"), "re-import of " + p.getFileName());
		}
	}

	/**
	 * A value stated at its own temperature ({@code diffusivity = ... at 60 degC}, docs/language.md) is exported as BPX
	 * holds values, at the reference temperature: the positive electrode's diffusivity of the pouch cell written at 60
	 * degC with its 15 kJ/mol exports as the file's 3.2e-14 m2/s at 298.15 K, and every other parameter as before.
	 */
	@Test
	void aValueStatedAtItsTemperatureIsExportedAtTheReferenceTemperature() throws Exception {
		Path p = dataDir().resolve("nmc_pouch_cell_BPX.json");
		BpxImporter.Result r = BpxImporter.importFile(p);
		Loaded l = load(r, "a.cell");
		Material pos = l.material("PositiveElectrode");
		org.cellwright.model.Property d = Cells.property(pos, "diffusivity");
		assertNotNull(d.getValue(), "a constant diffusivity");
		double d60 = 3.2e-14 * Math.exp(-15000 / 8.314462618 * (1 / 333.15 - 1 / 298.15));
		String line = org.eclipse.xtext.nodemodel.util.NodeModelUtils.getTokenText(org.eclipse.xtext.nodemodel.util.NodeModelUtils.findActualNodeFor(d));
		assertTrue(r.text().contains(line), line);
		String text = r.text().replace(line, "diffusivity = " + d60 + " m2/s at 60 degC");
		Path f = tmp.resolve("b.cell");
		Files.writeString(f, text);
		CellWrightChecker.Result res = new CellWrightChecker().check(List.of(f));
		assertFalse(res.hasErrors(), () -> res.issues() + "\n" + text);
		Cell cell = (Cell) res.model(f).getElements().stream().filter(e -> e instanceof Cell).findFirst().orElseThrow();
		JsonObject exported = BpxExporter.export(cell);
		JsonObject original = JsonParser.parseString(Files.readString(p)).getAsJsonObject();
		compare(original.getAsJsonObject("Parameterisation"), exported.getAsJsonObject("Parameterisation"), "stated at 60 degC");
	}

	/**
	 * BPX has one "Reference temperature [K]" (the export takes the positive electrode's); a cell whose negative electrode
	 * and electrolyte state theirs elsewhere (318.15 and 308.15 K, their values the same laws stated there) is exported
	 * with every value of an Arrhenius law moved to BPX's reference by its law, so the file is the original: the negative
	 * electrode's diffusivity and rate constant (numbers) and the electrolyte's conductivity (a function of c with the
	 * material's activation energy beside it). The BPX validator accepts it, and imported again every law gives the
	 * edited cell's values at -10, 25 and 60 degC. Before session 27 each value was written at its own material's reference
	 * temperature under the positive electrode's (the negative diffusivity 2.14x too large: its value at 318.15 K), and a function's
	 * activation energy given beside it was not exported.
	 */
	@Test
	void valuesAtTheirMaterialsOwnReferenceTemperaturesAreExportedAtBpxsOne() throws Exception {
		Path p = dataDir().resolve("nmc_pouch_cell_BPX.json");
		BpxImporter.Result r = BpxImporter.importFile(p);
		double r8 = Expressions.CONSTANTS.get("R");
		String text = r.text();
		// the negative electrode's material at 318.15 K: D (30 kJ/mol) and k (55 kJ/mol) stated there
		int from = text.indexOf("material NegativeElectrode "), to = text.indexOf("}\n", from);
		String neg = text.substring(from, to);
		java.util.regex.Matcher d = java.util.regex.Pattern.compile("\tdiffusivity = ([0-9.eE+-]+) m2/s").matcher(neg);
		java.util.regex.Matcher k = java.util.regex.Pattern.compile("\texchange-current-rate-constant = ([0-9.eE+-]+)").matcher(neg);
		assertTrue(d.find() && k.find() && neg.contains("\treference-temperature = 298.15 K"), neg);
		String moved = neg.replace(d.group(), "\tdiffusivity = " + Double.parseDouble(d.group(1)) * Math.exp(-30000 / r8 * (1 / 318.15 - 1 / 298.15)) + " m2/s")
				.replace(k.group(), "\texchange-current-rate-constant = " + Double.parseDouble(k.group(1)) * Math.exp(-55000 / r8 * (1 / 318.15 - 1 / 298.15)))
				.replace("\treference-temperature = 298.15 K", "\treference-temperature = 318.15 K");
		text = text.replace(neg, moved);
		// the electrolyte at 308.15 K: its conductivity a function of c alone, its activation energy beside it
		from = text.indexOf("material Electrolyte ");
		to = text.indexOf("}\n", from);
		String ely = text.substring(from, to);
		java.util.regex.Matcher c = java.util.regex.Pattern.compile("ionic-conductivity = function S/m = \\((.*)\\) \\* exp\\(17100/R\\*\\(1/298.15 - 1/T\\)\\)").matcher(ely);
		assertTrue(c.find() && ely.contains("\treference-temperature = 298.15 K"), ely);
		String ely308 = ely.replace(c.group(), "ionic-conductivity = function S/m = " + Math.exp(-17100 / r8 * (1 / 308.15 - 1 / 298.15)) + " * (" + c.group(1)
				+ ")\n\tionic-activation-energy = 17100 J/mol").replace("\treference-temperature = 298.15 K", "\treference-temperature = 308.15 K");
		text = text.replace(ely, ely308);
		Path f = tmp.resolve("own.cell");
		Files.writeString(f, text);
		CellWrightChecker.Result res = new CellWrightChecker().check(List.of(f));
		assertFalse(res.hasErrors(), () -> res.issues() + "\n" + ely308 + moved);
		Model edited = res.model(f);
		Cell cell = (Cell) edited.getElements().stream().filter(e -> e instanceof Cell).findFirst().orElseThrow();
		JsonObject exported = BpxExporter.export(cell);
		JsonObject original = JsonParser.parseString(Files.readString(p)).getAsJsonObject();
		compare(original.getAsJsonObject("Parameterisation"), exported.getAsJsonObject("Parameterisation"), "at their own reference temperatures");
		assertEquals(298.15, exported.getAsJsonObject("Parameterisation").getAsJsonObject("Cell").get("Reference temperature [K]").getAsDouble());
		Path out = tmp.resolve("own.bpx.json");
		Files.writeString(out, new com.google.gson.Gson().toJson(exported));
		assertTrue(BpxValidatorTest.validate(List.of(out)).get(out), "the BPX validator accepts the export");
		// imported again: every material at BPX's reference, each law the edited cell's at every temperature
		Loaded back = load(BpxImporter.importFile(out), "back.cell");
		for (String[] law : new String[][] { { "NegativeElectrode", "diffusivity", "0.5" }, { "Electrolyte", "ionic-conductivity", "1000" } })
			for (double t : new double[] { 263.15, 298.15, 333.15 }) {
				Material was = (Material) edited.getElements().stream().filter(e -> e instanceof Material m && m.getName().equals(law[0])).findFirst().orElseThrow();
				double state = Double.parseDouble(law[2]);
				double want = org.cellwright.lang.expressions.PropertyFunctions.of(was, law[1]).orElseThrow().at(state, t);
				double got = org.cellwright.lang.expressions.PropertyFunctions.of(back.material(law[0]), law[1]).orElseThrow().at(state, t);
				assertEquals(want, got, 1e-9 * want, law[0] + " " + law[1] + " at " + t + " K");
			}
	}

	/** Every parameter of the original is in the export with the same value (functions: same values). */
	static void compare(JsonObject original, JsonObject exported, String what) {
		for (Map.Entry<String, JsonElement> s : original.entrySet()) {
			JsonObject want = s.getValue().getAsJsonObject();
			JsonObject got = exported.getAsJsonObject(s.getKey());
			assertNotNull(got, what + ": section " + s.getKey() + " missing in " + exported);
			for (Map.Entry<String, JsonElement> e : want.entrySet()) {
				String where = what + ": " + s.getKey() + " / " + e.getKey();
				JsonElement g = got.get(e.getKey());
				assertNotNull(g, where + " missing in " + got);
				JsonElement v = e.getValue();
				if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber())
					close(v.getAsDouble(), g.getAsDouble(), where);
				else if (v.isJsonObject() && !v.getAsJsonObject().has("x")) {
					// a blended electrode's "Particle" populations: compared field by field
					JsonObject nested = new JsonObject();
					nested.add(e.getKey(), v);
					JsonObject gotNested = new JsonObject();
					gotNested.add(e.getKey(), g);
					compare(nested, gotNested, where);
				} else if (v.isJsonPrimitive())
					for (double x : new double[] { 0.1, 0.5, 0.9, 500, 1000 }) {
						double a = PyExpression.evaluate(v.getAsString(), x), b = PyExpression.evaluate(g.getAsString(), x);
						if (Double.isFinite(a))
							assertEquals(a, b, 1e-9 * Math.max(1, Math.abs(a)), where + " at " + x);
					}
				else
					assertEquals(v, g, where);
			}
		}
	}

	@Test
	void acceptsTheOneXLayoutWithParticles() throws Exception {
		JsonObject root = JsonParser.parseString(Files.readString(dataDir().resolve("nmc_pouch_cell_BPX.json"))).getAsJsonObject();
		root.getAsJsonObject("Header").addProperty("BPX", "1.0.0");
		JsonObject par = root.getAsJsonObject("Parameterisation");
		JsonObject pos = par.getAsJsonObject("Positive electrode");
		JsonObject primary = new JsonObject(), secondary = new JsonObject(), particles = new JsonObject(), electrode = new JsonObject();
		for (String k : List.of("Particle radius [m]", "Diffusivity [m2.s-1]", "OCP [V]", "Maximum concentration [mol.m-3]",
				"Minimum stoichiometry", "Maximum stoichiometry", "Reaction rate constant [mol.m-2.s-1]",
				"Diffusivity activation energy [J.mol-1]", "Reaction rate constant activation energy [J.mol-1]",
				"Entropic change coefficient [V.K-1]", "Surface area per unit volume [m-1]"))
			primary.add(k, pos.get(k));
		for (String k : primary.keySet())
			secondary.add(k, primary.get(k));
		secondary.addProperty("Particle radius [m]", 1e-6);
		particles.add("Primary", primary);
		particles.add("Secondary", secondary);
		for (String k : pos.keySet())
			if (!primary.has(k))
				electrode.add(k, pos.get(k));
		electrode.add("Particle", particles);
		par.add("Positive electrode", electrode);
		BpxImporter.Result r = BpxImporter.importJson(root.toString(), "blend");
		Loaded l = load(r, "blend.cell");
		// a blend: one material per population, the layer a composite of them; nothing dropped
		close(pos.get("Diffusivity [m2.s-1]").getAsDouble(), si(l.material("PositiveElectrode_Primary"), "diffusivity"), "diffusivity");
		close(1e-6, si(l.material("PositiveElectrode_Secondary"), "particle-radius"), "the second population's radius");
		close(pos.get("Thickness [m]").getAsDouble(), Layers.thickness(l.layer("positive")).getAsDouble(), "thickness");
		assertTrue(r.skipped().stream().noneMatch(s -> s.contains("Secondary") && !s.contains("Entropic") && !s.contains("Minimum")), r.report());
		assertEquals("1.0.0", r.bpxVersion());
		JsonObject positive = new JsonObject();
		positive.add("Positive electrode", par.get("Positive electrode"));
		compare(positive, BpxExporter.export(l.cell).getAsJsonObject("Parameterisation"), "blend export");
	}

	@Test
	void refusesWhatIsNotBpx() {
		assertThrows(BpxImporter.BpxException.class, () -> BpxImporter.importJson("{ not json", "x"));
		assertThrows(BpxImporter.BpxException.class, () -> BpxImporter.importJson("{\"Header\": {}}", "x"));
		assertThrows(BpxImporter.BpxException.class, () -> BpxImporter.importJson("[1, 2]", "x"));
	}

	@Test
	void pythonExpressionsTranslate() {
		assertEquals("2 * x ^ 3 - ln(x)", PyExpression.toCellWright("2 * x ** 3 - np.log(x)"));
		assertEquals(8.0, PyExpression.evaluate("2 ** 3", 0), 0);
		assertEquals(-4.0, PyExpression.evaluate("-2 ** 2", 0), 0);
		assertEquals(null, PyExpression.toCellWright("y + 1"));
	}

	@Test
	void exportWritesTheIntercalationAnodeAsTheNegativeElectrodeWhicheverEndTheStackStartsFrom() throws Exception {
		String materials = """
				package hand
				import cellwright.materials.*
				import cellwright.composites.*
				material Graphite is intercalation-anode {
					max-concentration = 29730 mol/m3
					diffusivity = 2.728e-14 m2/s
					exchange-current-density = 0.648 A/m2
					initial-stoichiometry = 0.0279
					ocv table V { 0 1.2, 0.5 0.12, 1 0.05 }
				}
				composite AnodeMix is intercalation-anode { Graphite 90 wt%  Li6PS5Cl 10 wt% }
				""";
		for (String stack : List.of(
				// from the negative side, and from the positive side (cathode first, the anode after the separator)
				"layer acc: SUS 10 um layer anode: Graphite 85 um { particle-radius = 5.86 um porosity = 0.25 } layer sep: Li6PS5Cl 700 um "
						+ "layer cathode: CathodeMix 100 um { porosity = 0.3 } layer ccc: SUS 10 um",
				"layer ccc: SUS 10 um layer cathode: CathodeMix 100 um { porosity = 0.3 } layer sep: Li6PS5Cl 700 um "
						+ "layer anode: Graphite 85 um { particle-radius = 5.86 um porosity = 0.25 } layer acc: SUS 10 um",
				// a composite anode against a lithium foil: the composite's graphite is the active material
				"layer ccc: SUS 10 um layer f: Li 30 um layer sep: Li6PS5Cl 700 um "
						+ "layer anode: AnodeMix 85 um { particle-radius = 5.86 um porosity = 0.25 } layer acc: SUS 10 um")) {
			Path f = tmp.resolve("hand.cell");
			Files.writeString(f, materials + "cell G { area = 1 cm2 " + stack + " }\n");
			CellWrightChecker.Result res = new CellWrightChecker().check(List.of(f));
			assertFalse(res.hasErrors(), res.issues().toString());
			Cell cell = (Cell) res.model(f).getElements().stream().filter(e -> e instanceof Cell).findFirst().orElseThrow();
			JsonObject par = BpxExporter.export(cell).getAsJsonObject("Parameterisation");
			JsonObject neg = par.getAsJsonObject("Negative electrode");
			close(85e-6, neg.get("Thickness [m]").getAsDouble(), stack + ": negative thickness");
			close(5.86e-6, neg.get("Particle radius [m]").getAsDouble(), stack + ": negative radius");
			close(29730, neg.get("Maximum concentration [mol.m-3]").getAsDouble(), stack + ": graphite cmax");
			// i0 (at ce0 and x = 1/2) = F k sqrt(1/4): k = 2 i0 / F
			close(2 * 0.648 / BpxImporter.F, neg.get("Reaction rate constant [mol.m-2.s-1]").getAsDouble(), stack + ": k");
			close(0.0279, neg.get("Minimum stoichiometry").getAsDouble(), stack + ": discharged graphite");
			assertEquals(JsonParser.parseString("{\"x\":[0.0,0.5,1.0],\"y\":[1.2,0.12,0.05]}"), neg.get("OCP [V]"), stack);
			JsonObject pos = par.getAsJsonObject("Positive electrode");
			assertTrue(pos.has("Maximum concentration [mol.m-3]") || stack.contains("Li 30 um"), stack + ": " + pos);
			// and imported back, the negative electrode is an intercalation anode again
			Loaded back = load(BpxImporter.importJson(BpxExporter.export(cell).toString(), "back"), "back.cell");
			assertEquals(MaterialKind.INTERCALATION_ANODE, back.material("NegativeElectrode").getKind());
			close(29730, si(back.material("NegativeElectrode"), "max-concentration"), "re-imported cmax");
		}
	}
}

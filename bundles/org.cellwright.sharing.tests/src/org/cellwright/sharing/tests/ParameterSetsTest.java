package org.cellwright.sharing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.library.StandardLibrary;
import org.cellwright.model.Property;
import org.cellwright.testing.Cli;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The standard library's DFN parameter sets (Chen et al. 2020, Marquis et al. 2019, Ecker et al. 2015; docs/dfn.md,
 * "Parameter sets"): every value has a source, each set checks clean, and a 1 C discharge of each set's cell through
 * {@code cellwright run} delivers its published capacity within 2 %.
 */
public class ParameterSetsTest {

	@TempDir
	Path tmp;

	static final List<String> SETS = List.of("chen2020", "marquis2019", "ecker2015");

	/** Every property of the sets' materials, layers and cells names its source (a DOI), as docs/language.md asks. */
	@Test
	void everyValueHasASource() throws Exception {
		CellWrightChecker checker = new CellWrightChecker();
		Path f = tmp.resolve("uses.cell");
		StringBuilder b = new StringBuilder("package t\n");
		for (String s : SETS)
			b.append("import cellwright.sets.").append(s).append(".*\n");
		Files.writeString(f, b.toString());
		CellWrightChecker.Result res = checker.check(List.of(f));
		assertFalse(res.hasErrors(), res.issues().toString());
		int checked = 0;
		for (Resource r : res.resourceSet().getResources()) {
			if (SETS.stream().noneMatch(s -> r.getURI().toString().endsWith("library/cellwright/" + s + ".cell")))
				continue;
			for (var it = r.getAllContents(); it.hasNext();) {
				EObject o = it.next();
				if (o instanceof Property p && !(o.eContainer() instanceof org.cellwright.model.Experiment)) {
					assertNotNull(p.getSource(), r.getURI().lastSegment() + ": " + p.getName() + " has no source");
					assertTrue(p.getSource().startsWith("10."), r.getURI().lastSegment() + ": " + p.getName() + ": source is a DOI: " + p.getSource());
					checked++;
				}
			}
		}
		assertTrue(checked > 120, "the three sets' properties: " + checked);
	}

	/** The sets are files of the standard library, shipped with their PyBaMM licence notice. */
	@Test
	void theSetsShipWithTheLicenceOfTheCopiedValues() throws IOException {
		for (String s : SETS)
			assertTrue(StandardLibrary.PATHS.contains("library/cellwright/" + s + ".cell"), s);
		try (InputStream in = StandardLibrary.class.getResourceAsStream("/library/cellwright/pybamm_parameter_sets.LICENSE.txt")) {
			assertNotNull(in, "pybamm_parameter_sets.LICENSE.txt beside the sets");
			assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("the PyBaMM team"));
		}
	}

	/**
	 * A 1 C discharge to the set's lower cut-off through {@code cellwright run}: Chen 2020 and Marquis 2019 against
	 * their nominal capacities (5 Ah; 0.680616 Ah = 24 Ah/m2, the COMSOL runs' 1 C), Ecker 2015 against its measured 1 C
	 * discharge (../shared/data/dfn-reference/measured/ecker2015/Ecker_1C.csv: 3715 s at 0.15625 A, to 2.77 V where
	 * the digitised curve ends); its nominal 0.15625 Ah is the 7.5 Ah cell scaled to the modelled area, which the
	 * published set exceeds by 4.9 % (docs/dfn.md).
	 */
	@ParameterizedTest
	@CsvSource({ "chen2020, Chen2020LGM50, Chen2020Discharge1C, 5.0", "marquis2019, Marquis2019Kokam, Marquis2019Discharge1C, 0.680616",
			"ecker2015, Ecker2015Kokam, Ecker2015Discharge1C, -1" })
	void aOneCDischargeDeliversThePublishedCapacity(String set, String cell, String protocol, double publishedAh) throws Exception {
		if (publishedAh < 0)
			publishedAh = measuredEcker1C();
		Path f = tmp.resolve(set + ".cell");
		Files.writeString(f, "package t\nimport cellwright.sets." + set + ".*\nexperiment Discharge1C {\n\tcell " + cell + "\n\tprotocol " + protocol
				+ "\n}\n");
		double ah = runDischarge(f, tmp.resolve("results-" + set), "Discharge1C");
		System.out.printf(java.util.Locale.ROOT, "%s: %.4f Ah at 1 C against %.4f Ah (%+.2f %%)%n", set, ah, publishedAh, 100 * (ah / publishedAh - 1));
		assertEquals(publishedAh, ah, 0.02 * publishedAh, set + ": 1 C discharge capacity " + ah + " Ah against " + publishedAh + " Ah");
	}

	/** The measured 1 C discharge of the Kokam cell: the last time of the digitised curve x 0.15625 A [Ah]. */
	static double measuredEcker1C() throws IOException {
		Path csv = BpxValidatorTest.shared().resolve("data/dfn-reference/measured/ecker2015/Ecker_1C.csv");
		List<String> lines = Files.readAllLines(csv);
		double last = Double.parseDouble(lines.get(lines.size() - 1).split(",")[0]);
		return last * 0.15625 / 3600;
	}

	/** Runs an experiment of a file with {@code cellwright run}; the charge it discharged [Ah]. */
	static double runDischarge(Path file, Path results, String experiment) throws IOException {
		Cli.Result r = Cli.cli("run", file.toString(), "--out", results.toString());
		assertEquals(0, r.rc(), r.out() + "\n" + r.err());
		JsonObject summary = JsonParser.parseString(Files.readString(results.resolve(experiment + "/latest/summary.json"))).getAsJsonObject();
		return dischargedAh(summary, r.out());
	}

	/** The first cycle's discharge capacity of a run's summary [Ah]. */
	static double dischargedAh(JsonObject summary, String context) {
		double area = summary.get("area_cm2").getAsDouble();
		JsonObject first = summary.getAsJsonArray("cycles").get(0).getAsJsonObject();
		return first.get("discharge_mAh_cm2").getAsDouble() * area / 1000;
	}

	static List<String> lines(String s) {
		return new ArrayList<>(s.lines().toList());
	}
}

package org.cellwright.lang.tests;

import static org.cellwright.lang.tests.ValidationTest.*;
import static org.cellwright.lang.validation.CellWrightValidator.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.properties.PropertyCatalog;
import org.cellwright.lang.units.Dimension;
import org.cellwright.model.Cell;
import org.cellwright.model.Composite;
import org.cellwright.model.Material;
import org.cellwright.model.MaterialKind;
import org.cellwright.model.Model;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/**
 * The intercalation-anode kind (a graphite-like negative electrode, e.g. imported from BPX): parsed and printed as
 * written, an electrode in the stack check, composites as for the cathode, the catalog's properties with their
 * units, and a warning naming what a DFN anode description lacks.
 */
public class IntercalationAnodeTest {

	/** A graphite anode with the parameters of a DFN electrode (values of the BPX NMC pouch cell's negative electrode). */
	static final String GRAPHITE = """
			material Graphite is intercalation-anode {
				density = 2.26 g/cm3
				max-concentration = 29730 mol/m3
				diffusivity = 2.728e-14 m2/s
				diffusion-activation-energy = 30000 J/mol
				exchange-current-density = 0.648 A/m2
				exchange-current-activation-energy = 35000 J/mol
				initial-stoichiometry = 0.0279
				ocv function V = 0.063 + 0.8*exp(-75*(x + 0.001)) - 0.012*tanh((x - 0.16)/0.02)
			}
			composite AnodeMix is intercalation-anode {
				Graphite 90 wt%
				Li6PS5Cl 7 wt%
				SuperP 3 wt%
			}
			""";

	/** A graphite full cell NAME: SUS | Graphite 85 um { ANODE } | SEPARATOR ("Li6PS5Cl 700 um") | CathodeMix | SUS. */
	static String fullCell(String name, String area, String anode, String separator) {
		return """
				cell %s {
					area = %s
					layer acc: SUS 10 um
					layer anode: Graphite 85 um { %s }
					layer sep: %s
					layer cathode: CathodeMix { areal-loading = 20 mg/cm2 }
					layer ccc: SUS 10 um
				}
				""".formatted(name, area, anode, separator);
	}

	static final String FULL_CELL = fullCell("GraphiteCell", "0.785 cm2", "porosity = 0.25  particle-radius = 5.86 um", "Li6PS5Cl 700 um");

	@Test
	void aCompleteGraphiteFullCellIsClean() throws Exception {
		cleanButNotSimulated(v(GRAPHITE + FULL_CELL), "layer anode");
		// the composite anode too, and a graphite / Li half cell
		cleanButNotSimulated(v(GRAPHITE + """
				cell Mix { area = 1 cm2 layer a: SUS 10 um layer g: AnodeMix 60 um { particle-radius = 5 um } layer s: Li6PS5Cl 700 um
				  layer c: CathodeMix { areal-loading = 20 mg/cm2 } layer b: SUS 10 um }
				"""), "layer g");
	}

	/**
	 * 'model single-particle': a cell of two electrodes without separator or electrolyte validates (no "has no
	 * separator", no "'run' stops at this cell"), the model is read through Cells.model (a base's inherited), and an
	 * unknown model name is an error at it; without 'model' a cell without separator is still refused.
	 */
	@Test
	void aSingleParticleCellHasNoSeparator() throws Exception {
		String spm = """
				cell Spm {
					model single-particle
					area = 1 cm2
					layer anode: Graphite 85 um { particle-radius = 5.86 um  active-volume-fraction = 0.6 }
					layer cathode: NCM811 60 um { particle-radius = 5 um  active-volume-fraction = 0.6 }
				}
				cell Derived extends Spm { area = 2 cm2 }
				""";
		List<Issue> issues = v(GRAPHITE + spm);
		for (Issue i : issues)
			assertNotEquals(Severity.ERROR, i.getSeverity(), "no error: " + i);
		none(issues, NOT_SIMULATED);
		XtextResource res = new CellWrightChecker().parse("package t\nimport cellwright.materials.*\n" + GRAPHITE + spm, "spm.cell");
		assertTrue(res.getErrors().isEmpty(), res.getErrors().toString());
		Model m = (Model) res.getContents().get(0);
		Cell derived = (Cell) m.getElements().stream().filter(e -> e instanceof Cell c && c.getName().equals("Derived")).findFirst().orElseThrow();
		assertEquals("single-particle", org.cellwright.lang.model.Cells.model(derived));
		assertTrue(org.cellwright.lang.model.Cells.isSingleParticle(derived));
		has(v(GRAPHITE + spm.replace("model single-particle", "model single-particles")), STACK, Severity.ERROR, "unknown cell model 'single-particles'",
				"dfn, single-particle");
		has(v(GRAPHITE + spm.replace("model single-particle", "")), STACK, Severity.ERROR, "has no separator");
	}

	/** No error or warning; one info per anode layer saying that 'run' does not simulate it. */
	static void cleanButNotSimulated(List<Issue> issues, String layer) {
		for (Issue i : issues)
			assertTrue(NOT_SIMULATED.equals(i.getCode()) && i.getSeverity() == Severity.INFO, "expected no issues: " + i);
		has(issues, NOT_SIMULATED, Severity.INFO, layer + " is an intercalation anode", "'run' stops at this cell");
	}

	@Test
	void theAnodeIsOneOfTheTwoElectrodes() throws Exception {
		// graphite is an electronically conducting electrode: it closes its side of the separator, a binder does not
		List<Issue> withGraphite = v(GRAPHITE + """
				material PVDF is binder { density = 1.78 g/cm3 }
				cell C { area = 1 cm2 layer g: Graphite 85 um { particle-radius = 5 um } layer s: Li6PS5Cl 700 um
				  layer c: CathodeMix { areal-loading = 20 mg/cm2 } }
				""");
		for (Issue i : withGraphite)
			assertFalse(STACK.equals(i.getCode()) && i.getSeverity() == Severity.ERROR, i.toString());
		has(v(GRAPHITE + """
				material PVDF is binder { density = 1.78 g/cm3 }
				cell C { area = 1 cm2 layer g: PVDF 85 um layer s: Li6PS5Cl 700 um layer c: CathodeMix { areal-loading = 20 mg/cm2 } }
				"""), STACK, Severity.ERROR, "electrode on each side", "first side");
		// a graphite layer between two separators is a third electrode
		has(v(GRAPHITE + """
				cell C { area = 1 cm2 layer a: SUS 10 um layer f: Li 30 um layer s: Li6PS5Cl 700 um layer g: Graphite 85 um { particle-radius = 5 um }
				  layer s2: Li6PS5Cl 700 um layer c: CathodeMix { areal-loading = 20 mg/cm2 } layer b: SUS 10 um }
				"""), STACK, Severity.ERROR, "more than two electrodes", "s and s2 enclose g");
		// graphite against lithium metal is a half cell: two electrodes
		none(v(GRAPHITE + """
				cell Half { area = 1 cm2 layer a: SUS 10 um layer g: Graphite 85 um { particle-radius = 5 um } layer s: Li6PS5Cl 700 um
				  layer f: Li 30 um layer b: SUS 10 um }
				"""), STACK);
	}

	@Test
	void compositeFractionsAreCheckedAsForTheCathode() throws Exception {
		has(v(GRAPHITE.replace("Graphite 90 wt%", "Graphite 80 wt%")), FRACTIONS_SUM, Severity.ERROR, "sum to 90 %");
		has(v(GRAPHITE.replace("Li6PS5Cl 7 wt%", "Li6PS5Cl 7 vol%")), FRACTION_BASIS, Severity.ERROR, "mixed wt% and vol%");
		none(v(GRAPHITE), FRACTIONS_SUM);
	}

	@Test
	void anIncompleteAnodeNamesWhatItLacks() throws Exception {
		Issue i = has(v("material G is intercalation-anode { density = 2.26 g/cm3 }"), MISSING_PROPERTY, Severity.WARNING,
				"intercalation-anode G lacks ocv, max-concentration, diffusivity, exchange-current-density", "stoichiometry");
		assertEquals(4, i.getLineNumber(), "at the material");
		has(v("material G is intercalation-anode { density = 2.26 g/cm3 max-concentration = 29730 mol/m3 diffusivity = 3e-14 m2/s "
				+ "exchange-current-density = 0.6 A/m2 }"), MISSING_PROPERTY, Severity.WARNING, "lacks ocv:");
		none(v(GRAPHITE), MISSING_PROPERTY);
		// alloy hosts and the existing kinds are not asked for DFN parameters
		none(v("material G is alloy-host { density = 2.26 g/cm3 }"), MISSING_PROPERTY);
		// the layer gives the particle size
		has(v(GRAPHITE + FULL_CELL.replace("particle-radius = 5.86 um", "")), MISSING_PROPERTY, Severity.WARNING,
				"layer anode of intercalation anode Graphite has no particle-radius");
		has(v(GRAPHITE + "cell M { layer g: AnodeMix 60 um }"), MISSING_PROPERTY, Severity.WARNING, "layer g of intercalation anode Graphite");
	}

	@Test
	void anodePropertiesHaveTheirUnits() throws Exception {
		has(v("material G is intercalation-anode { max-concentration = 3 mA }"), WRONG_DIMENSION, Severity.ERROR, "max-concentration");
		has(v("material G is intercalation-anode { diffusivity = 3 m2 }"), WRONG_DIMENSION, Severity.ERROR, "diffusivity");
		has(v("material G is intercalation-anode { exchange-current-density = 1 V }"), WRONG_DIMENSION, Severity.ERROR, "exchange-current-density");
		has(v("material G is intercalation-anode { initial-stoichiometry = 1.2 }"), OUT_OF_RANGE, Severity.ERROR, "initial-stoichiometry");
		has(v("material G is intercalation-anode { ocv function mA = x }"), WRONG_DIMENSION, Severity.ERROR, "voltage");
		has(v(GRAPHITE + FULL_CELL.replace("particle-radius = 5.86 um", "particle-radius = 5.86 mAh")), WRONG_DIMENSION, Severity.ERROR,
				"particle-radius");

		PropertyCatalog.Expected e = PropertyCatalog.expected(MaterialKind.INTERCALATION_ANODE).orElseThrow();
		assertTrue(e.ocv(), "an OCV in stoichiometry");
		assertEquals(List.of("max-concentration", "diffusivity", "exchange-current-density"), e.material());
		assertTrue(e.layer().contains("particle-radius"));
		assertTrue(e.optional().containsAll(List.of("exchange-current-activation-energy", "diffusion-activation-energy", "initial-stoichiometry")));
		// every expected name is in the catalog with the dimension a DFN electrode uses
		assertEquals(Dimension.CONCENTRATION, PropertyCatalog.find(PropertyCatalog.Owner.MATERIAL, "max-concentration").orElseThrow().dimension());
		assertEquals(Dimension.DIFFUSIVITY, PropertyCatalog.find(PropertyCatalog.Owner.MATERIAL, "diffusivity").orElseThrow().dimension());
		assertEquals(Dimension.CURRENT_DENSITY, PropertyCatalog.find(PropertyCatalog.Owner.MATERIAL, "exchange-current-density").orElseThrow().dimension());
		assertEquals(Dimension.LENGTH, PropertyCatalog.find(PropertyCatalog.Owner.LAYER, "particle-radius").orElseThrow().dimension());
		for (String n : e.material())
			assertTrue(PropertyCatalog.find(PropertyCatalog.Owner.MATERIAL, n).isPresent(), n);
		for (String n : e.optional())
			assertTrue(PropertyCatalog.find(PropertyCatalog.Owner.MATERIAL, n).isPresent(), n);
		for (String n : e.layer())
			assertTrue(PropertyCatalog.find(PropertyCatalog.Owner.LAYER, n).isPresent(), n);
		assertTrue(PropertyCatalog.expected(MaterialKind.ALLOY_HOST).isEmpty());
	}

	@Test
	void parsesAndPrintsTheKind() throws Exception {
		CellWrightChecker checker = new CellWrightChecker();
		XtextResource res = checker.parse("package t\nimport cellwright.materials.*\n" + GRAPHITE + FULL_CELL, "anode.cell");
		assertTrue(res.getErrors().isEmpty(), res.getErrors().toString());
		Model m = (Model) res.getContents().get(0);
		Material g = (Material) m.getElements().get(0);
		assertTrue(g.isSetKind());
		assertEquals(MaterialKind.INTERCALATION_ANODE, g.getKind());
		assertEquals(MaterialKind.INTERCALATION_ANODE, ((Composite) m.getElements().get(1)).getKind());
		assertEquals("Graphite", ((Cell) m.getElements().get(2)).getLayers().get(1).getMaterial().getName());
		// the formatter writes the kind back as written, and the printed text parses to the same model
		RoundTripTest.assertRoundTrip(checker, res);
		String printed = RoundTripTest.format(checker, m);
		assertTrue(printed.contains("material Graphite is intercalation-anode {"), printed);
		assertTrue(printed.contains("composite AnodeMix is intercalation-anode {"), printed);
	}

	@Test
	void aMisspelledKindListsTheAnode() throws Exception {
		CellWrightChecker checker = new CellWrightChecker();
		XtextResource res = checker.parse("package t\nmaterial G is intercalation-anod { }\n", "typo.cell");
		assertFalse(res.getErrors().isEmpty());
		String msg = res.getErrors().get(0).getMessage();
		assertTrue(msg.contains("unknown material kind 'intercalation-anod'") && msg.contains("intercalation-anode"), msg);
	}
}

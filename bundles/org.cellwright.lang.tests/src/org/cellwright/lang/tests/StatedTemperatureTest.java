package org.cellwright.lang.tests;

import static org.cellwright.lang.tests.PropertyFunctionsTest.material;
import static org.cellwright.lang.tests.ValidationTest.*;
import static org.cellwright.lang.validation.CellWrightValidator.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.expressions.PropertyFunctions;
import org.cellwright.lang.model.Layers;
import org.cellwright.model.Material;
import org.cellwright.model.Model;
import org.cellwright.model.Property;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/**
 * A value of an Arrhenius law stated at its own temperature ({@code interphase-growth-constant = 3.95e-20 m2/s at 60
 * degC}, docs/language.md): parsed and printed back with its comments, refused at its line where the property has no
 * Arrhenius law, is not a material's or the temperature is none, and read in SI at the material's reference
 * temperature by every reader of the language (Layers.si, PropertyFunctions: the DFN mapping and BPX export).
 */
public class StatedTemperatureTest {

	private static final double R = 8.314462618, T25 = 298.15, T60 = 333.15;

	static final String CATHODE = """
			material M is intercalation-cathode {
				// the 60 degC fade's growth constant, at its own temperature
				interphase-growth-constant = 3.95e-20 m2/s at 60 degC source "fitted: calibration.cell" // k(60)
				interphase-activation-energy = 50 kJ/mol
				diffusivity = 4e-15 m2/s at 333.15 K
				diffusion-activation-energy = 12 kJ/mol
			}
			""";

	@Test
	void aValueStatedAtItsTemperatureParsesAndPrintsBackWithItsComments() throws Exception {
		CellWrightChecker checker = new CellWrightChecker();
		XtextResource res = checker.parse(HEAD + CATHODE, "stated.cell");
		assertTrue(res.getErrors().isEmpty(), res.getErrors().toString());
		RoundTripTest.assertRoundTrip(checker, res);
		Material m = (Material) ((Model) res.getContents().get(0)).getElements().get(0);
		Property k = m.getProperties().get(0);
		assertEquals(60, k.getStatedAt().getValue());
		assertEquals("degC", k.getStatedAt().getUnit());
		assertNull(m.getProperties().get(1).getStatedAt(), "a value without 'at' is at the reference temperature");
		String printed = RoundTripTest.format(checker, res.getContents().get(0));
		assertTrue(printed.contains(" m2/s at 60 degC source \"fitted: calibration.cell\" // k(60)\n"), printed);
		assertTrue(printed.contains("diffusivity = 4e-15 m2/s at 333.15 K\n") || printed.contains("m2/s at 333.15 K\n"), printed);
	}

	@Test
	void everyReaderTakesTheValueAtTheReferenceTemperature() throws Exception {
		none(v(CATHODE), STATED_AT);
		Material m = material(CATHODE, "M");
		double k25 = 3.95e-20 * Math.exp(-50e3 / R * (1 / T25 - 1 / T60));
		assertEquals(k25, Layers.si(m, "interphase-growth-constant").getAsDouble(), 1e-12 * k25);
		// the DFN mapping's reading: the law of T through the material's reference temperature gives the stated value at 60 degC
		var d = PropertyFunctions.of(m, "diffusivity").orElseThrow();
		assertEquals(4e-15, d.at(0.5, T60), 1e-12 * 4e-15);
		assertEquals(4e-15 * Math.exp(-12e3 / R * (1 / T25 - 1 / T60)), d.at(0.5, T25), 1e-12 * 4e-15);
		// with a material reference temperature of 30 degC, the value at 60 degC is still the stated one
		Material at30 = material(CATHODE.replace("diffusion-activation-energy = 12 kJ/mol", "diffusion-activation-energy = 12 kJ/mol\n reference-temperature = 30 degC"), "M");
		assertEquals(4e-15, PropertyFunctions.of(at30, "diffusivity").orElseThrow().at(0.5, T60), 1e-12 * 4e-15);
	}

	@Test
	void aTemperatureOnAPropertyWithoutAnArrheniusLawIsAnErrorAtItsLine() throws Exception {
		String body = "material N is intercalation-cathode {\n density = 4.78 g/cm3\n transfer-coefficient = 0.5 at 60 degC\n}\n";
		Issue i = has(v(body), STATED_AT, Severity.ERROR, "'at 60 degC' states the value of an Arrhenius law at its own temperature",
				"transfer-coefficient has none", "interphase-growth-constant");
		assertEquals(PropertyFunctionsTest.line(body, "transfer-coefficient"), i.getLineNumber());
		has(v("material N is intercalation-cathode {\n interphase-growth-constant = 4e-20 m2/s at 60 um\n interphase-activation-energy = 50 kJ/mol\n}\n"),
				STATED_AT, Severity.ERROR, "'at 60 um'", "in K or degC, not in um");
		has(v("material N is intercalation-cathode {\n interphase-growth-constant = 4e-20 m2/s at -300 degC\n interphase-activation-energy = 50 kJ/mol\n}\n"),
				STATED_AT, Severity.ERROR, "above 0 K");
		has(v(GOOD_CELL.replace("layer sep: Li6PS5Cl 700 um", "layer sep: Li6PS5Cl 700 um { ionic-conductivity = 2 mS/cm at 60 degC }")),
				STATED_AT, Severity.ERROR, "only a material's ionic-conductivity is stated at a temperature", "not a layer's");
		has(v("composite X is intercalation-cathode { NCM811 70 wt%  Li6PS5Cl 30 wt%  ionic-conductivity = 2 mS/cm at 60 degC }\n"),
				STATED_AT, Severity.ERROR, "not a composite's");
		// stated at a temperature, with no activation energy to carry it elsewhere: the same value at every temperature
		List<Issue> flat = v("material N is solid-electrolyte {\n density = 1.64 g/cm3\n ionic-conductivity = 2 mS/cm at 60 degC\n}\n");
		has(flat, STATED_AT, Severity.WARNING, "N gives no ionic-activation-energy", "the same at every temperature");
		// the interphase's conduction takes the ionic activation energy when it has none of its own
		none(v("material N is solid-electrolyte {\n density = 1.64 g/cm3\n ionic-activation-energy = 30 kJ/mol\n"
				+ " interphase-conductivity = 1e-6 S/m at 60 degC\n}\n"), STATED_AT);
	}
}

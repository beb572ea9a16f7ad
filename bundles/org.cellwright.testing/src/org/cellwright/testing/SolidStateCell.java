package org.cellwright.testing;

/**
 * Solid-state cells (Li | Li6PS5Cl | NCM-like composite | SUS) whose cathode material writes its exchange-current-density
 * as a quantity or as a law (docs/language.md, "Properties as functions of the state"): the language tests validate
 * them, the command-line and run tests check, map and run them.
 */
public final class SolidStateCell {
	private SolidStateCell() {}

	/**
	 * An NCM-like intercalation-cathode material NAME (4.75 g/cm3, 4e-15 m2/s, 0.18 S/m, 200 mAh/g) with what its test
	 * sets: the maximum concentration as written ("63104 mol/m3"), the exchange current's properties as written
	 * ("exchange-current-density = 0.9 A/m2"), the initial stoichiometry and the open-circuit voltage as a function of x.
	 */
	public static String material(String name, String maxConcentration, String exchangeCurrent, String stoichiometry, String ocv) {
		return """
				material %s is intercalation-cathode {
				  density = 4.75 g/cm3
				  max-concentration = %s
				  diffusivity = 4e-15 m2/s
				  electronic-conductivity = 0.18 S/m
				  %s
				  initial-stoichiometry = %s
				  specific-capacity = 200 mAh/g
				  ocv function V = %s
				}
				""".formatted(name, maxConcentration, exchangeCurrent, stoichiometry, ocv);
	}

	/** Composite NAME: the cathode material 70 wt%, Li6PS5Cl 30 wt%. */
	public static String composite(String name, String material) {
		return "composite %s is intercalation-cathode { %s 70 wt%%  Li6PS5Cl 30 wt%% }\n".formatted(name, material);
	}

	/** Cell NAME of 1 cm2: Li 30 um, Li6PS5Cl 100 um, the composite 50 um (porosity 0.2, particles of 5 um), SUS 10 um. */
	public static String cell(String name, String composite) {
		return """
				cell %s { area = 1 cm2
				  layer anode: Li 30 um
				  layer separator: Li6PS5Cl 100 um
				  layer cathode: %s 50 um { porosity = 0.2  particle-radius = 5 um }
				  layer pcc: SUS 10 um }
				""".formatted(name, composite);
	}

	/** Material NcmFn, composite MixFn and cell SolidFn, with {@code LAW} where the exchange-current-density's value stands. */
	public static final String LAW_CELL = material("NcmFn", "63104 mol/m3", "exchange-current-density = LAW", "0.9", "4.2 - 0.8 * x")
			+ composite("MixFn", "NcmFn") + cell("SolidFn", "MixFn");

	/** {@link #LAW_CELL} with the exchange-current-density written as law ("function A/m2 = ..."). */
	public static String withLaw(String law) {
		return LAW_CELL.replace("LAW", law);
	}
}

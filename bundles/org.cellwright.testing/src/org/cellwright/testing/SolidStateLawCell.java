package org.cellwright.testing;

/**
 * A solid-state cell (Li | Li6PS5Cl | NCM-like composite | SUS) whose cathode material NcmFn writes its
 * exchange-current-density as a law (docs/language.md, "Properties as functions of the state"): the language tests
 * validate it, the command-line tests check and run it.
 */
public final class SolidStateLawCell {
	private SolidStateLawCell() {}

	/** The materials, composite MixFn and cell SolidFn, with {@code LAW} where the exchange-current-density's value stands. */
	public static final String TEXT = """
			material NcmFn is intercalation-cathode {
			  density = 4.75 g/cm3
			  max-concentration = 63104 mol/m3
			  diffusivity = 4e-15 m2/s
			  electronic-conductivity = 0.18 S/m
			  exchange-current-density = LAW
			  initial-stoichiometry = 0.9
			  specific-capacity = 200 mAh/g
			  ocv function V = 4.2 - 0.8 * x
			}
			composite MixFn is intercalation-cathode { NcmFn 70 wt%  Li6PS5Cl 30 wt% }
			cell SolidFn { area = 1 cm2
			  layer anode: Li 30 um
			  layer separator: Li6PS5Cl 100 um
			  layer cathode: MixFn 50 um { porosity = 0.2  particle-radius = 5 um }
			  layer pcc: SUS 10 um }
			""";

	/** {@link #TEXT} with the exchange-current-density written as law ("function A/m2 = ..."). */
	public static String with(String law) {
		return TEXT.replace("LAW", law);
	}
}

package org.cellwright.testing;

/**
 * The small cell the run, command-line and IDE tests plate on: Li | solid electrolyte | Li on steel (the stack of cell
 * 3 of J. Sung et al., Adv. Mater. 2023, DOI 10.1002/adma.202210835: 700 um of separator, 350 um of lithium, 0.785
 * cm2), whose runs take a second.
 */
public final class PlatingCell {
	private PlatingCell() {}

	/**
	 * The file's head: {@code package pkg}, the materials S (steel), E (the electrolyte, ionic conductivity as written,
	 * "2.5 mS/cm") and L (lithium), and cell C at a stack pressure as written ("5 MPa") and 25 degC.
	 */
	public static String cell(String pkg, String conductivity, String pressure) {
		return """
				package %s
				material S is current-collector { electronic-conductivity = 1.4e4 S/cm }
				material E is solid-electrolyte { density = 1.64 g/cm3  ionic-conductivity = %s }
				material L is lithium-metal { density = 0.534 g/cm3  electronic-conductivity = 1.1e5 S/cm }
				cell C { area = 0.785 cm2  stack-pressure = %s  temperature = 25 degC
					layer a: S 10 um  layer s: E 700 um  layer l: L 350 um  layer b: S 10 um }
				""".formatted(pkg, conductivity, pressure);
	}

	/** Protocol P: plating for an hour at a current density as written ("0.1 mA/cm2"), then stripping to 0.2 V. */
	public static String protocol(String current) {
		return "protocol P { discharge at %s for 1 h  charge at %s until 0.2 V for 2 h }\n".formatted(current, current);
	}

	/** A whole file (package t, 2.5 mS/cm) whose experiment X plates at 0.1 mA/cm2 and is expected to complete. */
	public static String file(String pressure) {
		return cell("t", "2.5 mS/cm", pressure) + protocol("0.1 mA/cm2") + "experiment X { cell C protocol P expect status = completed }\n";
	}

	/** {@link #file} at 5 MPa with a protocol of 200 cycles, to be interrupted. */
	public static String longFile() {
		return file("5 MPa").replace("protocol P { discharge at 0.1 mA/cm2 for 1 h  charge at 0.1 mA/cm2 until 0.2 V for 2 h }",
				"protocol P { repeat 200 { discharge at 0.1 mA/cm2 for 1 h  charge at 0.1 mA/cm2 until 0.2 V for 2 h } }");
	}
}

package org.cellwright.run.tests;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.cli.CellWrightCli;

/** The command line in this JVM, and a small cell that runs in a second. */
final class Cli {
	private Cli() {}

	record Result(int rc, String out, String err) {}

	static Result cli(String... args) {
		StringWriter out = new StringWriter(), err = new StringWriter();
		int rc = CellWrightCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
		return new Result(rc, out.toString(), err.toString());
	}

	/** A Li|SE|Li-on-steel cell plated for an hour and stripped; {@code pressure} as written ("5 MPa"). */
	static String cell(String pressure) {
		return """
				package t
				material S is current-collector { electronic-conductivity = 1.4e4 S/cm }
				material E is solid-electrolyte { density = 1.64 g/cm3  ionic-conductivity = 2.5 mS/cm }
				material L is lithium-metal { density = 0.534 g/cm3  electronic-conductivity = 1.1e5 S/cm }
				cell C { area = 0.785 cm2  stack-pressure = %s  temperature = 25 degC
					layer a: S 10 um  layer s: E 700 um  layer l: L 350 um  layer b: S 10 um }
				protocol P { discharge at 0.1 mA/cm2 for 1 h  charge at 0.1 mA/cm2 until 0.2 V for 2 h }
				experiment X { cell C protocol P expect status = completed }
				""".formatted(pressure);
	}

	/** A protocol of many cycles, to be interrupted. */
	static String longCell() {
		return cell("5 MPa").replace("protocol P { discharge at 0.1 mA/cm2 for 1 h  charge at 0.1 mA/cm2 until 0.2 V for 2 h }",
				"protocol P { repeat 200 { discharge at 0.1 mA/cm2 for 1 h  charge at 0.1 mA/cm2 until 0.2 V for 2 h } }");
	}

	static Path write(Path file, String text) throws java.io.IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		return Files.writeString(file, text);
	}
}

package org.cellwright.cli.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'check' on hostile input (issue 17): located one-line errors, text from the file printed escaped, a BOM accepted. */
class CheckHardeningTest {

	@TempDir Path tmp;

	@Test
	void controlCharactersFromTheFileArePrintedEscaped() throws Exception {
		Path f = tmp.resolve("esc.cell");
		Files.writeString(f, "package p\ncell C {\n  layer \u001b[2J\u001b[31mFAKE: 0 error(s): SUS 10 um\n}\n");
		Cli.Result r = Cli.cli("check", f.toString());
		assertEquals(1, r.rc(), r.out());
		assertFalse(r.out().contains("\u001b") || r.err().contains("\u001b"), "raw ESC printed: " + r.out());
		assertTrue(r.out().lines().anyMatch(l -> l.matches(".*esc\\.cell:3:\\d+: error: .*\\\\e.*")), r.out());
	}

	@Test
	void deepNestingIsOneLocatedErrorNotAStackTrace() throws Exception {
		Path f = tmp.resolve("deep.cell");
		Files.writeString(f, "package p\nmaterial A is binder {\n  ocv function V = " + "(".repeat(20000) + "x" + ")".repeat(20000) + "\n}\n");
		Cli.Result r = Cli.cli("check", f.toString());
		assertEquals(1, r.rc(), r.out());
		assertTrue(r.out().lines().anyMatch(l -> l.matches(".*deep\\.cell:3:\\d+: error: nested too deeply.*")), r.out());
		assertFalse(r.out().contains("Exception") || r.err().contains("Exception") || r.out().contains("StackOverflow"), r.out() + r.err());
	}

	@Test
	void aByteOrderMarkIsAccepted() throws Exception {
		Path f = tmp.resolve("bom.cell");
		byte[] text = Files.readAllBytes(CliTest.examples().resolve("baseline-halfcell.cell"));
		byte[] bom = new byte[text.length + 3];
		bom[0] = (byte) 0xEF;
		bom[1] = (byte) 0xBB;
		bom[2] = (byte) 0xBF;
		System.arraycopy(text, 0, bom, 3, text.length);
		Files.write(f, bom);
		Cli.Result r = Cli.cli("check", f.toString());
		assertEquals(0, r.rc(), r.out());
		assertTrue(r.out().contains("0 error(s)"), r.out());
	}

	/**
	 * Names of any length (the language bounds a file at 4 MB, not a name) are cut in messages as quoted text is
	 * (Printable.bounded, at Printable.MAX_QUOTED characters with "..."): a cell and a layer named by 100 kB were printed
	 * whole in each message naming them, by the validator, the linker and run (input25).
	 */
	@Test
	void namesOf100kBArePrintedCutInEveryMessage() throws Exception {
		String cell = "C" + "x".repeat(100_000), layer = "L" + "y".repeat(100_000), experiment = "E" + "z".repeat(100_000);
		Path f = tmp.resolve("long.cell");
		Files.writeString(f, "package p\n"
				+ "material S is current-collector { electronic-conductivity = 1.4e4 S/cm }\n"
				+ "material E is solid-electrolyte { density = 1.64 g/cm3  ionic-conductivity = 2.5 mS/cm }\n"
				+ "material L is lithium-metal { density = 0.534 g/cm3  electronic-conductivity = 1.1e5 S/cm }\n"
				+ "cell " + cell + " { area = 0.785 cm2  stack-pressure = 5 MPa  temperature = 25 degC\n"
				+ "  layer a: S 10 um  layer s: E 700 um  layer " + layer + ": L 350 um  layer " + layer + ": L 1 um  layer b: S 10 um }\n"
				+ "protocol P { discharge at 0.1 mA/cm2 for 1 h }\n"
				+ "experiment X { cell " + cell + "Z protocol P }\n");
		Cli.Result r = Cli.cli("check", f.toString());
		assertEquals(1, r.rc(), r.out());
		int cut = org.cellwright.lang.text.Printable.MAX_QUOTED - 1; // the name's first letter and as many more
		assertTrue(r.out().contains("error: duplicate layer 'L" + "y".repeat(cut) + "...'"), head(r.out()));
		assertTrue(r.out().contains("error: Couldn't resolve reference to Cell 'C" + "x".repeat(cut) + "...'"), head(r.out()));
		assertTrue((r.out() + r.err()).lines().allMatch(l -> l.length() < 1000), head(r.out() + r.err()));

		Files.writeString(f, Files.readString(f).replace(layer + ": L 1 um", "m: L 1 um").replace(cell + "Z", cell)
				.replace("experiment X", "experiment " + experiment));
		Cli.Result run = Cli.cli("run", f.toString(), "--out", tmp.resolve("results").toString());
		assertEquals(1, run.rc(), head(run.out() + run.err()));
		assertTrue((run.out() + run.err()).contains("error: experiment E" + "z".repeat(cut) + "...: a name of 100001 characters is too long"),
				head(run.out() + run.err()));
		assertTrue((run.out() + run.err()).lines().allMatch(l -> l.length() < 1000), head(run.out() + run.err()));
	}

	private static String head(String text) {
		return text.length() > 3000 ? text.substring(0, 3000) + "..." : text;
	}
}

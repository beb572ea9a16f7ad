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
}

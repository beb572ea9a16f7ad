package org.cellwright.sharing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.sharing.cli.CliSupport;
import org.cellwright.sharing.cli.ExportBpxCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The command line's shared file check and the command base that hands each command its writers. */
class CliSupportTest {

	@TempDir
	Path tmp;

	@Test
	void aFileIsAFileAndSaysNothing() throws Exception {
		Path f = Files.writeString(tmp.resolve("a.cell"), "");
		StringWriter err = new StringWriter();
		assertTrue(CliSupport.isFile(f, "a.cell", new PrintWriter(err, true)));
		assertEquals("", err.toString());
	}

	@Test
	void aMissingFileOrAFolderIsNamedAsShown() {
		StringWriter err = new StringWriter();
		PrintWriter w = new PrintWriter(err, true);
		assertFalse(CliSupport.isFile(tmp.resolve("nope.cell"), "typed/nope.cell", w));
		assertFalse(CliSupport.isFile(tmp, "a-folder", w));
		assertEquals("typed/nope.cell: no such file" + System.lineSeparator() + "a-folder: no such file" + System.lineSeparator(),
				err.toString());
	}

	@Test
	void exportBpxNamesTheMissingFileAsTypedOnTheCommandLinesErrorWriter() {
		StringWriter out = new StringWriter(), err = new StringWriter();
		CommandLine cl = new CommandLine(new ExportBpxCommand());
		cl.setOut(new PrintWriter(out, true));
		cl.setErr(new PrintWriter(err, true));
		String typed = tmp.resolve("missing.cell").toString();
		assertEquals(1, cl.execute(typed));
		assertEquals(typed + ": no such file" + System.lineSeparator(), err.toString());
		assertEquals("", out.toString());
	}
}

package org.cellwright.cli.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.cellwright.cli.CellWrightCli;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Every command's help as a user asks for it: printed whole, with no warning of picocli's about its own text. */
class HelpTest {

	/**
	 * picocli formats a description as a format string: a bare '%' followed by a letter is a conversion ("95 % confidence"
	 * read as %c), and the help then says "[picocli WARN] Could not format ..." on stderr (pred31 found it under
	 * {@code fit --help}, session 31). Each command's usage is rendered with stderr caught.
	 */
	@Test
	void everyCommandsHelpRendersWithoutAFormatWarning() {
		CommandLine root = new CommandLine(new CellWrightCli());
		PrintStream before = System.err;
		ByteArrayOutputStream caught = new ByteArrayOutputStream();
		System.setErr(new PrintStream(caught, true, StandardCharsets.UTF_8));
		StringBuilder usages = new StringBuilder(root.getUsageMessage());
		try {
			for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet())
				usages.append(sub.getValue().getUsageMessage());
		} finally {
			System.setErr(before);
		}
		String err = caught.toString(StandardCharsets.UTF_8);
		assertFalse(err.contains("picocli"), err);
		assertTrue(root.getSubcommands().size() >= 10, root.getSubcommands().keySet().toString());
		assertTrue(usages.toString().contains("95 % confidence intervals"), "fit's help says its intervals: " + usages);
	}
}

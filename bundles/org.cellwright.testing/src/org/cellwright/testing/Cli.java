package org.cellwright.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.cli.CellWrightCli;

/** The command line in this JVM, as the test bundles run it: its exit code and what it wrote to out and err. */
public final class Cli {
	private Cli() {}

	public record Result(int rc, String out, String err) {}

	public static Result cli(String... args) {
		StringWriter out = new StringWriter(), err = new StringWriter();
		int rc = CellWrightCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
		return new Result(rc, out.toString(), err.toString());
	}

	/** Writes text to file, making its folders first; the file. */
	public static Path write(Path file, String text) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		return Files.writeString(file, text);
	}
}

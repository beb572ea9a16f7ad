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

	/**
	 * The command line run from the working folder {@code cwd} (its relative paths resolved there, as typed in a shell
	 * there: the {@code cellwright.cwd} property the launcher sets), the property restored after.
	 */
	public static Result cliIn(Path cwd, String... args) {
		String before = System.getProperty("cellwright.cwd");
		System.setProperty("cellwright.cwd", cwd.toAbsolutePath().toString());
		try {
			return cli(args);
		} finally {
			if (before == null) System.clearProperty("cellwright.cwd");
			else System.setProperty("cellwright.cwd", before);
		}
	}

	/** Writes text to file, making its folders first; the file. */
	public static Path write(Path file, String text) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		return Files.writeString(file, text);
	}
}

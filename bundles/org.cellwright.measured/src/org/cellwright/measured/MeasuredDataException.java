package org.cellwright.measured;

import java.nio.file.Path;

import org.cellwright.lang.text.Printable;

/**
 * A measurement file that cannot be read as it is. The message names the file and line ({@code file:line: ...}; for
 * a problem of the file as a whole, {@link #line()} 0, the file alone: {@code file: ...}, as compilers print it, since
 * no line 0 exists to go to); text quoted from the file is escaped for printing.
 */
public class MeasuredDataException extends Exception {

	private static final long serialVersionUID = 1L;

	private final Path file;
	private final long line;
	private final String reason;

	public MeasuredDataException(Path file, long line, String reason) {
		super(format(file, line, reason));
		this.file = file;
		this.line = line;
		this.reason = reason;
	}

	private static String format(Path file, long line, String reason) {
		String where = file == null ? "<data>" : file.toString();
		return Printable.escape(where) + (line > 0 ? ":" + line : "") + ": " + Printable.escapeKeepingLines(reason);
	}

	public Path file() {
		return file;
	}

	/** 1-based line of the file, 0 for the file as a whole. */
	public long line() {
		return line;
	}

	public String reason() {
		return reason;
	}
}

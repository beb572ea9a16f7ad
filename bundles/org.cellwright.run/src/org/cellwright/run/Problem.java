package org.cellwright.run;

import java.nio.file.Path;

import org.cellwright.lang.text.Printable;

/**
 * A problem in the user's input, located at file:line:column (1-based; 0 when unknown). A problem in a file that is
 * not on disk (a library inside a bundle) has no file but its {@code source}, e.g. {@code <standard
 * library>/cellwright/chen2020.cell}.
 */
public record Problem(Path file, int line, int column, Severity severity, String message, String source) {

	public Problem(Path file, int line, int column, Severity severity, String message) {
		this(file, line, column, severity, message, null);
	}

	public enum Severity { ERROR, WARNING, INFO }

	public boolean isError() { return severity == Severity.ERROR; }

	/**
	 * Compiler style: {@code file:line:col: error: message}, the file relative to the working folder where possible;
	 * control characters from the file's text (in names or quoted input) are escaped, so the line is safe to print.
	 */
	public String format() {
		return format(where());
	}

	/** {@link #format()} with the file shown as {@code where} (e.g. by its name in a dialog about that file). */
	public String format(String where) {
		return Printable.bounded(where + ":" + line + ":" + column + ": " + severity.name().toLowerCase() + ": " + message);
	}

	/** The file as {@link #display(Path)} shows it, or the source of a file not on disk. */
	public String where() {
		return file == null && source != null ? source : display(file);
	}

	public static String display(Path file) {
		if (file == null) return "<input>";
		Path base = workingFolder();
		Path abs = file.toAbsolutePath().normalize();
		if (!abs.startsWith(base)) return abs.toString();
		String rel = base.relativize(abs).toString();
		// the working folder itself ('report .'): "." (the message began ": not a run folder")
		return rel.isEmpty() ? "." : rel;
	}

	/** The file {@link #display} showed as {@code shown} in this process, absolute. */
	public static Path located(String shown) {
		return workingFolder().resolve(shown).normalize();
	}

	/** The folder the user started this process from ({@code cellwright.cwd}, set by ./cellwright), absolute. */
	private static Path workingFolder() {
		String cwd = System.getProperty("cellwright.cwd");
		return (cwd == null ? Path.of("") : Path.of(cwd)).toAbsolutePath().normalize();
	}
}

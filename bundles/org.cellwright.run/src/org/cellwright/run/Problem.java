package org.cellwright.run;

import java.nio.file.Path;

/** A problem in the user's input, located at file:line:column (1-based; 0 when unknown). */
public record Problem(Path file, int line, int column, Severity severity, String message) {

	public enum Severity { ERROR, WARNING, INFO }

	public boolean isError() { return severity == Severity.ERROR; }

	/** Compiler style: {@code file:line:col: error: message}, the file relative to the working folder where possible. */
	public String format() {
		return display(file) + ":" + line + ":" + column + ": " + severity.name().toLowerCase() + ": " + message;
	}

	public static String display(Path file) {
		if (file == null) return "<input>";
		String cwd = System.getProperty("cellwright.cwd");
		Path base = (cwd == null ? Path.of("") : Path.of(cwd)).toAbsolutePath().normalize();
		Path abs = file.toAbsolutePath().normalize();
		return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
	}
}

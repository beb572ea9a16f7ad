package org.cellwright.app;

import java.util.List;

import org.cellwright.run.Problem;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;

/**
 * The status of a run or fit refused because its file has errors: the dialog's message itself names the first errors
 * as {@code check} prints them ({@code file:line:col: error: message}, the file by its name), then "and N more"; every
 * error is also a child status (the dialog's Details).
 */
public final class Refusal {

	/** How many errors the message names. */
	public static final int SHOWN = 3;

	private Refusal() {}

	/** @param doing what was refused, e.g. "running" */
	public static MultiStatus of(String fileName, List<Problem> errors, String doing) {
		MultiStatus s = new MultiStatus(Activator.ID, 0, message(fileName, errors, doing), null);
		for (Problem p : errors) s.add(Status.error(line(fileName, p)));
		return s;
	}

	/** "F has errors; fix them before running:" and the first errors, one a line, then "and N more". */
	public static String message(String fileName, List<Problem> errors, String doing) {
		StringBuilder b = new StringBuilder(fileName + " has " + (errors.size() == 1 ? "an error" : errors.size() + " errors")
				+ "; fix " + (errors.size() == 1 ? "it" : "them") + " before " + doing + ":");
		for (Problem p : errors.subList(0, Math.min(SHOWN, errors.size()))) b.append('\n').append(line(fileName, p));
		if (errors.size() > SHOWN) b.append("\nand ").append(errors.size() - SHOWN).append(" more");
		return b.toString();
	}

	/** A problem as {@code check} prints it, but the file by its name (in the dialog, the path is the file's). */
	static String line(String fileName, Problem p) {
		String where = p.file() != null && p.file().getFileName() != null && p.file().getFileName().toString().equals(fileName) ? fileName : p.where();
		return p.format(where);
	}
}

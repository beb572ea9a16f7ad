package org.cellwright.run.store;

import java.nio.file.Path;

import org.cellwright.lang.text.Printable;

/**
 * Names that become part of a path in the run store (experiment, sweep, sweep variant, run id) are checked here, and
 * every folder the store writes is confined to its root ({@link #confined}). A name that cannot name a folder is
 * refused before anything is written.
 */
public final class Names {
	private Names() {}

	/** Longest name accepted (file systems allow 255 bytes; the store adds ids and suffixes). */
	public static final int MAX_LENGTH = 120;

	/** Why {@code name} cannot name a folder, or null when it can. */
	public static String problem(String name) {
		if (name == null || name.isEmpty()) return "an empty name cannot name a folder";
		if (name.length() > MAX_LENGTH) return "a name of " + name.length() + " characters is too long for a folder (at most " + MAX_LENGTH + ")";
		if (name.equals(".") || name.equals("..")) return "'" + name + "' cannot name a folder";
		if (name.startsWith(".")) return "a folder name may not start with '.' (hidden folders are the run store's own)";
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "._-=+".indexOf(c) >= 0;
			if (!ok) return (c == '/' || c == '\\' ? "a path separator" : Character.isISOControl(c) ? "a control character" : "'" + c + "'")
					+ " cannot be part of a folder name (letters, digits and . _ - = + only)";
		}
		return null;
	}

	/**
	 * Checks a name.
	 *
	 * @param what what the name names ("experiment", "sweep"), for the message
	 * @throws IllegalArgumentException "experiment name '../../x': a path separator cannot be part of a folder name ..."
	 */
	public static String check(String what, String name) {
		String p = problem(name);
		if (p != null) throw new IllegalArgumentException(what + " name " + Printable.quoted(name == null ? "" : name) + ": " + p);
		return name;
	}

	/** {@code root/names...}, each name checked, and the result checked to lie inside root after normalising. */
	public static Path confined(Path root, String what, String... names) {
		Path base = root.toAbsolutePath().normalize();
		Path p = base;
		for (String n : names) p = p.resolve(check(what, n));
		p = p.normalize();
		if (!p.startsWith(base) || p.equals(base)) throw new IllegalArgumentException(what + " " + Printable.quoted(String.join("/", names)) + " lies outside " + base);
		return p;
	}
}

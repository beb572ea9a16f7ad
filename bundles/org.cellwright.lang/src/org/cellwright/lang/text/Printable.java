package org.cellwright.lang.text;

/**
 * Makes text that comes from a user's file safe to print on a terminal or show in a view: control characters
 * (ESC, BEL, CR, ...), C1 controls and Unicode bidirectional overrides/isolates are written as visible escapes
 * ({@code \e}, {@code \u202E}), so that a name in a file can neither clear the terminal nor fake a verdict.
 * Everything printed from a file (names, values, archive entries, raw input in messages) goes through here.
 */
public final class Printable {

	private Printable() {
	}

	/** The text with every control or bidirectional-format character escaped; {@code null} stays "null". */
	public static String escape(CharSequence text) {
		if (text == null) {
			return "null";
		}
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String replacement = replacement(c);
			if (replacement != null && out == null) {
				out = new StringBuilder(text.length() + 16).append(text, 0, i);
			}
			if (out != null) {
				if (replacement != null) {
					out.append(replacement);
				} else {
					out.append(c);
				}
			}
		}
		return out == null ? text.toString() : out.toString();
	}

	/**
	 * Longest text from a user's file a message quotes whole, 200 characters: a longer one is cut there and ends with
	 * "..." (a 3 MB 'measured' path was printed whole in the check's message: input24).
	 */
	public static final int MAX_QUOTED = 200;

	/** The text cut to {@link #MAX_QUOTED} characters, with "..." when it was longer (not escaped); {@code null} stays "null". */
	public static String shorten(CharSequence text) {
		if (text == null) {
			return "null";
		}
		if (text.length() <= MAX_QUOTED) {
			return text.toString();
		}
		int end = Character.isHighSurrogate(text.charAt(MAX_QUOTED - 1)) ? MAX_QUOTED - 1 : MAX_QUOTED;
		return text.subSequence(0, end) + "...";
	}

	/** A user's text as a message quotes it: between single quotes, {@link #shorten shortened} and {@link #escape escaped}. */
	public static String quoted(CharSequence text) {
		return "'" + escape(shorten(text)) + "'";
	}

	/**
	 * A message as it is printed or shown: {@link #escape escaped}, and every word of it longer than {@link #MAX_QUOTED}
	 * characters (a run of letters, digits, '_', '-' and '.': a name or number from the file, which the language takes
	 * of any length) cut there with "...", as {@link #quoted} cuts a quoted text. A cell named by 100 kB was printed whole
	 * in each message naming it (input25). {@code null} stays "null".
	 */
	public static String bounded(CharSequence text) {
		if (text == null) {
			return "null";
		}
		StringBuilder out = null;
		int word = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			word = Character.isLetterOrDigit(c) || Character.isSurrogate(c) || c == '_' || c == '-' || c == '.' ? word + 1 : 0;
			if (word == MAX_QUOTED + 1 && out == null) {
				out = new StringBuilder(text.length() < 1 << 16 ? text.length() : 1 << 16).append(text, 0, i);
			}
			if (out == null || word <= MAX_QUOTED) {
				if (out != null) {
					out.append(c);
				}
			} else if (word == MAX_QUOTED + 1) {
				if (Character.isHighSurrogate(out.charAt(out.length() - 1))) {
					out.setLength(out.length() - 1);
				}
				out.append("...");
			}
		}
		return escape(out == null ? text : out);
	}

	/** Like {@link #escape} but keeps line feeds and tabs, for multi-line messages. */
	public static String escapeKeepingLines(CharSequence text) {
		if (text == null) {
			return "null";
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\t') {
				out.append(c);
			} else {
				String replacement = replacement(c);
				out.append(replacement != null ? replacement : String.valueOf(c));
			}
		}
		return out.toString();
	}

	private static String replacement(char c) {
		if (c == 0x1B) {
			return "\\e";
		}
		if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
			return switch (c) {
			case '\n' -> "\\n";
			case '\r' -> "\\r";
			case '\t' -> "\\t";
			default -> String.format("\\x%02X", (int) c);
			};
		}
		// bidirectional embeddings/overrides (U+202A..U+202E), isolates (U+2066..U+2069), marks (U+200E, U+200F, U+061C)
		if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
				|| c == 0x061C) {
			return String.format("\\u%04X", (int) c);
		}
		return null;
	}
}

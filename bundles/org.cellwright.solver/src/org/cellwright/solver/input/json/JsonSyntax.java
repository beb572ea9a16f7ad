package org.cellwright.solver.input.json;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a JSON text could not be parsed, as a message says it, one line (one owner for every reader of a user's JSON:
 * inputs.json, summary.json, a measured reference, a BPX file, a library descriptor): Gson's own reason ("Expected
 * ... at line 3 column 7 path $.time[2]"), without the class name of the exception it is wrapped in
 * ({@code com.google.gson.stream.MalformedJsonException: ...}), without Gson's troubleshooting link, its nesting limit
 * said as such and its JSON path cut at {@link #MAX_PATH} characters (a reference nested 10,000 deep was "Nesting
 * limit 255 reached ... path $.time[0][0]..." with the class name and a path of 800 characters: session 24's fuzz).
 */
public final class JsonSyntax {

	private JsonSyntax() {
	}

	/** Longest JSON path a message quotes from Gson's reason; a longer one ends with "...". */
	public static final int MAX_PATH = 60;

	private static final Pattern CLASS_NAME = Pattern.compile("^(?:[a-z_]\\w*\\.)+[A-Z]\\w*(?:Exception|Error): ");
	private static final Pattern NESTING = Pattern.compile("Nesting limit (\\d+) reached");
	private static final Pattern PATH = Pattern.compile(" path (\\$\\S*)");

	/** The reason of a parse failure (the innermost cause's message, e.g. of a {@code JsonParseException}). */
	public static String reason(Throwable e) {
		Throwable r = e;
		while (r.getCause() != null && r.getCause() != r)
			r = r.getCause();
		String m = r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
		m = CLASS_NAME.matcher(m).replaceFirst("");
		int see = m.indexOf("\nSee https://");
		if (see >= 0)
			m = m.substring(0, see);
		m = NESTING.matcher(m).replaceFirst("nested deeper than $1 levels (arrays or objects within each other)");
		Matcher p = PATH.matcher(m);
		if (p.find() && p.group(1).length() > MAX_PATH)
			m = m.substring(0, p.start(1)) + p.group(1).substring(0, MAX_PATH) + "..." + m.substring(p.end(1));
		return m.replace('\n', ' ').replace('\r', ' ');
	}
}

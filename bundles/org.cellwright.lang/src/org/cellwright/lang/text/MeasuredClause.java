package org.cellwright.lang.text;

import java.util.Locale;

import org.cellwright.model.CurrentSign;
import org.eclipse.xtext.util.Strings;

/**
 * A measurement's clause as a {@code .cell} file writes it, {@code measured "PATH" [format NAME] [columns "..."]
 * [sign discharge-positive]} (the grammar's MeasuredData, in its order): the text the IDE's import wizard offers for an
 * experiment, so that the choices made there (the format, a column mapping, a flipped current) are kept in the
 * {@code .cell} file and read by the run's one reader, instead of a rewritten copy of the data.
 */
public final class MeasuredClause {
	private MeasuredClause() {}

	/**
	 * @param path the data file as the {@code .cell} file names it (relative to it, '/' separated)
	 * @param format a cycler format's name (bdf, arbin, ...), or null to let the reader detect it
	 * @param columns a column mapping ({@code time=1:s,voltage=2:V}), or null
	 * @param sign which current the file counts positive; null or charge-positive (the default) is not written
	 */
	public static String text(String path, String format, String columns, CurrentSign sign) {
		StringBuilder b = new StringBuilder("measured ").append(quoted(path));
		if (format != null && !format.isBlank()) b.append(" format ").append(format.strip().toLowerCase(Locale.ROOT));
		if (columns != null && !columns.isBlank()) b.append(" columns ").append(quoted(columns.strip()));
		if (sign == CurrentSign.DISCHARGE_POSITIVE) b.append(" sign ").append(sign.getLiteral());
		return b.toString();
	}

	/** A STRING as the language's value converter writes it (Xtext's STRINGValueConverter). */
	private static String quoted(String s) {
		return '"' + Strings.convertToJavaString(s, false) + '"';
	}
}

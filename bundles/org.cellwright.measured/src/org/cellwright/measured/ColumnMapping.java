package org.cellwright.measured;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A user's mapping of file columns to quantities, for exports whose headers no {@link CyclerFormat} knows or files
 * without a header: {@code time=Test_Time(s):s,voltage=Voltage(V):V,current=Current(mA):mA} or by 1-based column
 * number {@code time=1:s,voltage=2:V}. The unit after the last colon is a CellWright unit (docs/language.md).
 */
public final class ColumnMapping {

	/** One mapped column: by header text, or by 1-based position when {@code position > 0}. */
	public record Column(String header, int position, String unit) {
	}

	private final Map<MeasuredQuantity, Column> columns;

	private ColumnMapping(Map<MeasuredQuantity, Column> columns) {
		this.columns = Collections.unmodifiableMap(columns);
	}

	public Map<MeasuredQuantity, Column> columns() {
		return columns;
	}

	/** True when every column is given by its position (the file needs no header). */
	public boolean byPosition() {
		return columns.values().stream().allMatch(c -> c.position() > 0);
	}

	/**
	 * Parses {@code quantity=column:unit,...}; throws {@link IllegalArgumentException} with the reason for an
	 * unknown quantity, a missing unit, a repeated quantity or a mapping without time and voltage.
	 */
	public static ColumnMapping parse(String spec) {
		Map<MeasuredQuantity, Column> map = new EnumMap<>(MeasuredQuantity.class);
		for (String part : spec.split(",")) {
			String p = part.trim();
			if (p.isEmpty()) {
				continue;
			}
			int eq = p.indexOf('=');
			int colon = p.lastIndexOf(':');
			if (eq <= 0 || colon <= eq) {
				throw new IllegalArgumentException("'" + p + "' is not quantity=column:unit (e.g. time=Test_Time(s):s)");
			}
			MeasuredQuantity q = quantity(p.substring(0, eq).trim());
			String col = p.substring(eq + 1, colon).trim();
			String unit = p.substring(colon + 1).trim();
			if (col.isEmpty()) {
				throw new IllegalArgumentException("'" + p + "' names no column");
			}
			int position = col.matches("\\d{1,4}") ? Integer.parseInt(col) : 0;
			if (col.matches("\\d+") && position < 1) {
				// 99999 read "column numbers count from 1" (session 24's fuzz)
				throw new IllegalArgumentException(col.matches("0+") ? "column numbers count from 1: '" + p + "'"
						: "column numbers go up to 9999: '" + p + "'");
			}
			if (map.put(q, new Column(position > 0 ? null : col, position, unit)) != null) {
				throw new IllegalArgumentException(q.key() + " is mapped twice");
			}
		}
		for (MeasuredQuantity q : MeasuredQuantity.values()) {
			if (q.required() && !map.containsKey(q)) {
				throw new IllegalArgumentException("the mapping has no " + q.key() + " column (time and voltage are needed)");
			}
		}
		return new ColumnMapping(map);
	}

	private static MeasuredQuantity quantity(String key) {
		for (MeasuredQuantity q : MeasuredQuantity.values()) {
			if (q.key().equalsIgnoreCase(key)) {
				return q;
			}
		}
		throw new IllegalArgumentException("unknown quantity '" + key + "'; known: time, voltage, current, cycle, step, temperature");
	}
}

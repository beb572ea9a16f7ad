package org.cellwright.editor.properties;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cellwright.lang.properties.PropertyCatalog;
import org.cellwright.lang.units.Dimension;
import org.cellwright.lang.units.Unit;
import org.cellwright.lang.units.Units;
import org.cellwright.model.CellwrightFactory;
import org.cellwright.model.Quantity;

/**
 * What a user types for a dimensioned value ("5 um", "0.005 mm", "58.5 %"), read with the language's unit table and
 * checked against the dimension and range the property expects. No SWT here: the cell editors ask {@link #check}.
 */
public final class QuantityInput {

	/** A quantity as typed: a number, optionally an exponent, then optionally a unit. */
	private static final Pattern QUANTITY = Pattern.compile("\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(\\S*)\\s*");

	/** The thickness written after a layer's material: a positive length. */
	public static final PropertyCatalog.Entry THICKNESS = new PropertyCatalog.Entry("thickness",
			java.util.EnumSet.of(PropertyCatalog.Owner.LAYER), List.of(Dimension.LENGTH), 0, false,
			Double.POSITIVE_INFINITY, false, false, "layer thickness");

	/** The parsed value or the reason it is refused (exactly one is set). */
	public record Result(Quantity quantity, String error) {
		public boolean ok() { return error == null; }
	}

	private QuantityInput() {}

	/** Reads text as a value of the property; empty text means "remove the value" (quantity and error null). */
	public static Result parse(String text, PropertyCatalog.Entry entry) {
		if (text == null || text.isBlank()) return new Result(null, null);
		Matcher m = QUANTITY.matcher(text);
		if (!m.matches())
			return new Result(null, "'" + text.trim() + "' is not a number with a unit; " + entry.name() + " expects " + entry.expected());
		double value = Double.parseDouble(m.group(1));
		String symbol = m.group(2);
		Unit unit = Units.find(symbol).orElse(null);
		if (unit == null) return new Result(null, Units.unknownUnitMessage(symbol));
		if (!entry.accepts(unit.dimension()))
			return new Result(null, entry.name() + " expects " + entry.expected() + ", not "
					+ (symbol.isEmpty() ? "a plain number" : "'" + symbol + "' (" + unit.dimension().description() + ")"));
		String range = entry.rangeViolation(unit.toSI(value));
		if (range != null) return new Result(null, entry.name() + " " + range);
		Quantity q = CellwrightFactory.eINSTANCE.createQuantity();
		q.setValue(value);
		if (!symbol.isEmpty()) q.setUnit(symbol);
		return new Result(q, null);
	}

	/** The refusal message for a text, or null if it is acceptable (for an ICellEditorValidator). */
	public static String check(String text, PropertyCatalog.Entry entry, boolean emptyAllowed) {
		if ((text == null || text.isBlank()) && !emptyAllowed) return entry.name() + " needs a value";
		return parse(text, entry).error();
	}

	/** A number being typed, perhaps not finished ("", "-", "5.", "5e-"), then perhaps the start of a unit. */
	private static final Pattern TYPING = Pattern.compile("\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d*)?(?:[eE][-+]?\\d*)?)\\s*(\\S*)");

	/**
	 * True if the text, refused as it stands, can still become acceptable by typing on: an empty field, a number not
	 * finished ("5.", "1e-"), a number still waiting for the unit the property needs ("5" for a thickness; "0" that
	 * may become "0.5"), or the beginning of an accepted unit's symbol ("5 u" on the way to "5 um"). The Properties
	 * view does not flash a refusal for it while it is typed; the cell editor still refuses to apply it.
	 */
	public static boolean incomplete(String text, PropertyCatalog.Entry entry) {
		if (text == null || text.isBlank()) return true;
		Matcher m = TYPING.matcher(text);
		if (!m.matches()) return false;
		String number = m.group(1), symbol = m.group(2);
		boolean finished = number.matches("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");
		if (symbol.isEmpty())
			return !finished || !entry.accepts(Dimension.DIMENSIONLESS) || Double.parseDouble(number) == 0;
		if (!finished) return false;
		for (Dimension d : entry.dimensions())
			for (String known : Units.symbolsOf(d))
				if (known.length() > symbol.length() && known.startsWith(symbol)) return true;
		return false;
	}

	/** "10 um", "58.5 %", "1.5": as the language writes it. */
	public static String format(Quantity q) {
		if (q == null) return "";
		double v = q.getValue();
		String n = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
		return q.getUnit() == null || q.getUnit().isEmpty() ? n : n + " " + q.getUnit();
	}
}

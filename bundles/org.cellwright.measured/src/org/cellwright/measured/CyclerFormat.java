package org.cellwright.measured;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the column headers of a cycler's text export name the quantities. BDF labels carry quantity and unit
 * ({@code Voltage / V}); the vendors' exports carry the unit in brackets ({@code Current(A)}, {@code I/mA}) or not at
 * all ({@code Amps}). A {@link ColumnRule} matches a header and says which quantity it is and in which unit.
 * Formats are tried in order by {@link CyclerDataReader} when none is named.
 */
public enum CyclerFormat {
	/** Battery Data Format (Battery Data Alliance): {@code Test Time / s}, {@code Voltage / V}, {@code Current / A}. */
	BDF("BDF",
			rule(MeasuredQuantity.TIME, "(?i)test time\\s*/\\s*(?<unit>\\S+)"),
			rule(MeasuredQuantity.VOLTAGE, "(?i)voltage\\s*/\\s*(?<unit>\\S+)"),
			rule(MeasuredQuantity.CURRENT, "(?i)current\\s*/\\s*(?<unit>\\S+)"),
			rule(MeasuredQuantity.CYCLE, "(?i)cycle count\\s*/\\s*(?<unit>\\S+)"),
			rule(MeasuredQuantity.STEP, "(?i)step (count|index)\\s*/\\s*(?<unit>\\S+)"),
			rule(MeasuredQuantity.TEMPERATURE, "(?i)ambient temperature\\s*/\\s*(?<unit>\\S+)")),
	/** Arbin MITS export: {@code Test_Time(s)}, {@code Voltage(V)}, {@code Current(A)}, {@code Cycle_Index}. */
	ARBIN("Arbin",
			rule(MeasuredQuantity.TIME, "(?i)test_time\\s*\\((?<unit>[^)]+)\\)"),
			rule(MeasuredQuantity.VOLTAGE, "(?i)voltage\\s*\\((?<unit>[^)]+)\\)"),
			rule(MeasuredQuantity.CURRENT, "(?i)current\\s*\\((?<unit>[^)]+)\\)"),
			rule(MeasuredQuantity.CYCLE, "(?i)cycle_index"),
			rule(MeasuredQuantity.STEP, "(?i)step_index"),
			rule(MeasuredQuantity.TEMPERATURE, "(?i)aux_temperature_1\\s*\\((?<unit>[^)]+)\\)")),
	/** Neware BTS export: {@code Total Time(s)} or {@code Total Time} (h:mm:ss), {@code Voltage(V)}, {@code Current(mA)}. */
	NEWARE("Neware",
			rule(MeasuredQuantity.TIME, "(?i)total ?time\\s*(\\((?<unit>[^)]+)\\))?"),
			rule(MeasuredQuantity.VOLTAGE, "(?i)voltage\\s*\\((?<unit>[^)]+)\\)"),
			rule(MeasuredQuantity.CURRENT, "(?i)current\\s*\\((?<unit>[^)]+)\\)"),
			rule(MeasuredQuantity.CYCLE, "(?i)cycle ?id|cycle index"),
			rule(MeasuredQuantity.STEP, "(?i)step ?id|step index"),
			rule(MeasuredQuantity.TEMPERATURE, "(?i)t1\\s*\\((?<unit>[^)]+)\\)")),
	/** BioLogic EC-Lab text export: {@code time/s}, {@code Ewe/V} or {@code Ecell/V}, {@code I/mA} or {@code <I>/mA}. */
	BIOLOGIC("BioLogic EC-Lab",
			rule(MeasuredQuantity.TIME, "(?i)time/(?<unit>\\S+)"),
			rule(MeasuredQuantity.VOLTAGE, "(?i)(ecell|ewe)/(?<unit>\\S+)"),
			rule(MeasuredQuantity.CURRENT, "(?i)<?i>?/(?<unit>\\S+)"),
			rule(MeasuredQuantity.CYCLE, "(?i)cycle number"),
			rule(MeasuredQuantity.STEP, "(?i)ns"),
			rule(MeasuredQuantity.TEMPERATURE, "(?i)temperature/(?<unit>\\S+)")),
	/** Maccor export: {@code Test (Sec)}, {@code Volts}, {@code Amps}, {@code Cyc#}, {@code Step}. */
	MACCOR("Maccor",
			rule(MeasuredQuantity.TIME, "(?i)test ?\\((?<unit>sec)\\)", "s"),
			rule(MeasuredQuantity.VOLTAGE, "(?i)volts", "V"),
			rule(MeasuredQuantity.CURRENT, "(?i)amps", "A"),
			rule(MeasuredQuantity.CYCLE, "(?i)cyc#|cycle ?[pc]"),
			rule(MeasuredQuantity.STEP, "(?i)step"),
			rule(MeasuredQuantity.TEMPERATURE, "(?i)temp ?1", "degC"));

	/** One header pattern: the quantity it stands for and its unit (a named group {@code unit} or a fixed unit). */
	public record ColumnRule(MeasuredQuantity quantity, Pattern header, String fixedUnit) {
		/** The unit of a matching header, or null if the header does not match this rule. */
		public String unitOf(String headerText) {
			Matcher m = header.matcher(headerText.trim());
			if (!m.matches()) {
				return null;
			}
			if (fixedUnit != null) {
				return fixedUnit;
			}
			if (header.pattern().contains("?<unit>")) {
				String u = m.group("unit");
				return u == null ? "" : u;
			}
			return "1";
		}
	}

	private static ColumnRule rule(MeasuredQuantity q, String regex) {
		return new ColumnRule(q, Pattern.compile(regex), null);
	}

	private static ColumnRule rule(MeasuredQuantity q, String regex, String unit) {
		return new ColumnRule(q, Pattern.compile(regex), unit);
	}

	private final String label;
	private final List<ColumnRule> rules;

	CyclerFormat(String label, ColumnRule... rules) {
		this.label = label;
		this.rules = List.of(rules);
	}

	public String label() {
		return label;
	}

	public List<ColumnRule> rules() {
		return rules;
	}

	/** The format for a name as a user writes it ("bdf", "arbin", "biologic", ...). */
	public static CyclerFormat named(String name) {
		String n = name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
		for (CyclerFormat f : values()) {
			String own = f.name().toLowerCase(Locale.ROOT);
			if (own.equals(n) || f.label.toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "").equals(n)) {
				return f;
			}
		}
		throw new IllegalArgumentException("unknown cycler format '" + name + "'; known: bdf, arbin, neware, biologic, maccor");
	}
}

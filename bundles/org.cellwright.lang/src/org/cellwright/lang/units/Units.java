package org.cellwright.lang.units;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cellwright.model.Quantity;

/**
 * THE one place where CellWright parses units and converts them to SI. A focused table of the units battery
 * papers use (mAh/cm2, mg/cm2, mS/cm, wt%, C-rate, degC, eV per atom as activation energy, ...), matched exactly
 * and case-sensitively ("mS/cm" is millisiemens, "MS/cm" is unknown). See docs/language.md for why this is a table
 * and not JSR 385.
 * <p>
 * Conventions: C is the C-rate (never coulomb; charge is written in mAh); eV as an activation energy is per
 * particle and converts to J/mol with the Faraday constant; degC is an offset unit (25 degC = 298.15 K); an empty
 * unit is dimensionless.
 */
public final class Units {

	/** Faraday constant [C/mol]: 1 eV per particle = 96485.33212 J/mol. */
	public static final double FARADAY = 96485.33212;

	private static final Map<String, Unit> TABLE = new LinkedHashMap<>();

	private static void add(Dimension d, String symbol, double factor) {
		TABLE.put(symbol, new Unit(symbol, d, factor, 0));
	}

	static {
		add(Dimension.DIMENSIONLESS, "", 1);
		add(Dimension.FRACTION, "%", 0.01);
		add(Dimension.MASS_FRACTION, "wt%", 0.01);
		add(Dimension.VOLUME_FRACTION, "vol%", 0.01);
		add(Dimension.LENGTH, "m", 1); add(Dimension.LENGTH, "cm", 1e-2); add(Dimension.LENGTH, "mm", 1e-3);
		add(Dimension.LENGTH, "um", 1e-6); add(Dimension.LENGTH, "nm", 1e-9); add(Dimension.LENGTH, "pm", 1e-12);
		add(Dimension.AREA, "m2", 1); add(Dimension.AREA, "cm2", 1e-4); add(Dimension.AREA, "mm2", 1e-6);
		add(Dimension.AREA, "um2", 1e-12); add(Dimension.AREA, "nm2", 1e-18);
		add(Dimension.VOLUME, "m3", 1); add(Dimension.VOLUME, "cm3", 1e-6); add(Dimension.VOLUME, "mm3", 1e-9);
		add(Dimension.VOLUME, "L", 1e-3); add(Dimension.VOLUME, "mL", 1e-6); add(Dimension.VOLUME, "uL", 1e-9);
		add(Dimension.MASS, "kg", 1); add(Dimension.MASS, "g", 1e-3); add(Dimension.MASS, "mg", 1e-6);
		add(Dimension.MASS, "ug", 1e-9);
		add(Dimension.TIME, "s", 1); add(Dimension.TIME, "ms", 1e-3); add(Dimension.TIME, "min", 60);
		add(Dimension.TIME, "h", 3600); add(Dimension.TIME, "d", 86400);
		add(Dimension.TEMPERATURE, "K", 1);
		TABLE.put("degC", new Unit("degC", Dimension.TEMPERATURE, 1, 273.15));
		add(Dimension.CURRENT, "A", 1); add(Dimension.CURRENT, "mA", 1e-3); add(Dimension.CURRENT, "uA", 1e-6);
		add(Dimension.CURRENT_DENSITY, "A/m2", 1); add(Dimension.CURRENT_DENSITY, "A/cm2", 1e4);
		add(Dimension.CURRENT_DENSITY, "mA/cm2", 10); add(Dimension.CURRENT_DENSITY, "uA/cm2", 1e-2);
		add(Dimension.CURRENT_DENSITY, "mA/m2", 1e-3);
		add(Dimension.CAPACITY, "Ah", 3600); add(Dimension.CAPACITY, "mAh", 3.6); add(Dimension.CAPACITY, "uAh", 3.6e-3);
		add(Dimension.AREAL_CAPACITY, "C/m2", 1); add(Dimension.AREAL_CAPACITY, "Ah/m2", 3600);
		add(Dimension.AREAL_CAPACITY, "mAh/cm2", 3.6e4); add(Dimension.AREAL_CAPACITY, "uAh/cm2", 36);
		add(Dimension.SPECIFIC_CAPACITY, "C/kg", 1); add(Dimension.SPECIFIC_CAPACITY, "Ah/kg", 3600);
		add(Dimension.SPECIFIC_CAPACITY, "mAh/g", 3600); add(Dimension.SPECIFIC_CAPACITY, "Ah/g", 3.6e6);
		add(Dimension.VOLTAGE, "V", 1); add(Dimension.VOLTAGE, "mV", 1e-3); add(Dimension.VOLTAGE, "uV", 1e-6);
		add(Dimension.CONDUCTIVITY, "S/m", 1); add(Dimension.CONDUCTIVITY, "S/cm", 100);
		add(Dimension.CONDUCTIVITY, "mS/cm", 0.1); add(Dimension.CONDUCTIVITY, "uS/cm", 1e-4);
		add(Dimension.CONDUCTIVITY, "mS/m", 1e-3);
		add(Dimension.PRESSURE, "Pa", 1); add(Dimension.PRESSURE, "kPa", 1e3); add(Dimension.PRESSURE, "MPa", 1e6);
		add(Dimension.PRESSURE, "GPa", 1e9); add(Dimension.PRESSURE, "TPa", 1e12); add(Dimension.PRESSURE, "bar", 1e5);
		add(Dimension.ACTIVATION_ENERGY, "J/mol", 1); add(Dimension.ACTIVATION_ENERGY, "kJ/mol", 1e3);
		add(Dimension.ACTIVATION_ENERGY, "eV", FARADAY); add(Dimension.ACTIVATION_ENERGY, "meV", FARADAY * 1e-3);
		add(Dimension.ENERGY, "J", 1); add(Dimension.ENERGY, "kJ", 1e3); add(Dimension.ENERGY, "Wh", 3600);
		add(Dimension.ENERGY, "mWh", 3.6);
		add(Dimension.POWER, "W", 1); add(Dimension.POWER, "mW", 1e-3); add(Dimension.POWER, "uW", 1e-6); add(Dimension.POWER, "kW", 1e3);
		add(Dimension.POWER_DENSITY, "W/m2", 1); add(Dimension.POWER_DENSITY, "mW/cm2", 10);
		add(Dimension.POWER_DENSITY, "W/cm2", 1e4);
		add(Dimension.DENSITY, "kg/m3", 1); add(Dimension.DENSITY, "g/cm3", 1e3); add(Dimension.DENSITY, "g/mL", 1e3);
		add(Dimension.AREAL_LOADING, "kg/m2", 1); add(Dimension.AREAL_LOADING, "g/m2", 1e-3);
		add(Dimension.AREAL_LOADING, "mg/cm2", 1e-2); add(Dimension.AREAL_LOADING, "g/cm2", 10);
		add(Dimension.MOLAR_MASS, "kg/mol", 1); add(Dimension.MOLAR_MASS, "g/mol", 1e-3);
		add(Dimension.DIFFUSIVITY, "m2/s", 1); add(Dimension.DIFFUSIVITY, "cm2/s", 1e-4);
		add(Dimension.DIFFUSIVITY, "um2/s", 1e-12);
		add(Dimension.BOUNDARY_DIFFUSIVITY, "m3/s", 1); add(Dimension.BOUNDARY_DIFFUSIVITY, "cm3/s", 1e-6);
		add(Dimension.CONCENTRATION, "mol/m3", 1); add(Dimension.CONCENTRATION, "mol/L", 1e3);
		add(Dimension.CONCENTRATION, "mol/cm3", 1e6); add(Dimension.CONCENTRATION, "mmol/L", 1);
		add(Dimension.C_RATE, "C", 1);
		add(Dimension.INVERSE_TIME, "/s", 1); add(Dimension.INVERSE_TIME, "Hz", 1); add(Dimension.INVERSE_TIME, "/h", 1 / 3600.0);
		add(Dimension.ANGLE, "rad", 1); add(Dimension.ANGLE, "deg", Math.PI / 180);
		add(Dimension.SURFACE_ENERGY, "J/m2", 1); add(Dimension.SURFACE_ENERGY, "mJ/m2", 1e-3);
		add(Dimension.AREA_SPECIFIC_RESISTANCE, "Ohm.m2", 1); add(Dimension.AREA_SPECIFIC_RESISTANCE, "Ohm.cm2", 1e-4);
		add(Dimension.RESISTANCE, "Ohm", 1); add(Dimension.RESISTANCE, "mOhm", 1e-3); add(Dimension.RESISTANCE, "kOhm", 1e3);
		// the lumped thermal model (BPX "Cell": W.m-2.K-1, J.K-1.kg-1)
		add(Dimension.HEAT_TRANSFER_COEFFICIENT, "W/m2/K", 1); add(Dimension.HEAT_TRANSFER_COEFFICIENT, "mW/cm2/K", 10);
		add(Dimension.SPECIFIC_HEAT_CAPACITY, "J/kg/K", 1); add(Dimension.SPECIFIC_HEAT_CAPACITY, "J/g/K", 1e3);
		add(Dimension.HEAT_CAPACITY, "J/K", 1); add(Dimension.HEAT_CAPACITY, "kJ/K", 1e3);
		add(Dimension.ENTROPIC_COEFFICIENT, "V/K", 1); add(Dimension.ENTROPIC_COEFFICIENT, "mV/K", 1e-3); // BPX: V.K-1
	}

	private Units() {
	}

	/** The unit for a symbol as written (null or "" is dimensionless), or empty if CellWright does not know it. */
	public static Optional<Unit> find(String symbol) {
		return Optional.ofNullable(TABLE.get(symbol == null ? "" : symbol.trim()));
	}

	/**
	 * The unit for a symbol; throws {@link IllegalArgumentException} with a message naming the closest known units.
	 */
	public static Unit parse(String symbol) {
		return find(symbol).orElseThrow(() -> new IllegalArgumentException(unknownUnitMessage(symbol)));
	}

	/** True if CellWright knows this unit. */
	public static boolean isKnown(String symbol) {
		return find(symbol).isPresent();
	}

	/** The value of a quantity in SI; throws {@link IllegalArgumentException} for an unknown unit. */
	public static double toSI(Quantity q) {
		return parse(q.getUnit()).toSI(q.getValue());
	}

	/** The value converted from one unit to another of the same dimension. */
	public static double convert(double value, String from, String to) {
		Unit a = parse(from), b = parse(to);
		if (a.dimension() != b.dimension())
			throw new IllegalArgumentException("cannot convert " + a + " (" + a.dimension().description() + ") to "
					+ b + " (" + b.dimension().description() + ")");
		return b.fromSI(a.toSI(value));
	}

	/** The dimension of a quantity's unit, or null if the unit is unknown. */
	public static Dimension dimensionOf(Quantity q) {
		return find(q.getUnit()).map(Unit::dimension).orElse(null);
	}

	/** All known units in table order. */
	public static List<Unit> all() {
		return Collections.unmodifiableList(new ArrayList<>(TABLE.values()));
	}

	/** All known unit symbols of one dimension. */
	public static List<String> symbolsOf(Dimension d) {
		List<String> out = new ArrayList<>();
		for (Unit u : TABLE.values())
			if (u.dimension() == d && !u.symbol().isEmpty())
				out.add(u.symbol());
		return out;
	}

	/** "unknown unit 'mA/cm^2'; did you mean mA/cm2? ..." */
	public static String unknownUnitMessage(String symbol) {
		List<String> close = closest(symbol == null ? "" : symbol, 3);
		return "unknown unit '" + symbol + "'" + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?")
				+ " (units are case-sensitive; see docs/language.md for the table)";
	}

	/** Up to n known unit symbols closest to {@code s} by edit distance (case-insensitive). */
	public static List<String> closest(String s, int n) {
		List<String> symbols = new ArrayList<>();
		for (String k : TABLE.keySet())
			if (!k.isEmpty())
				symbols.add(k);
		String low = s.toLowerCase();
		symbols.sort((a, b) -> Integer.compare(distance(low, a.toLowerCase()), distance(low, b.toLowerCase())));
		List<String> out = new ArrayList<>();
		for (String k : symbols) {
			if (out.size() >= n || distance(low, k.toLowerCase()) > Math.max(2, s.length() / 2))
				break;
			out.add(k);
		}
		return out;
	}

	/** Levenshtein distance. */
	public static int distance(String a, String b) {
		int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++)
			prev[j] = j;
		for (int i = 1; i <= a.length(); i++) {
			cur[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
			}
			int[] t = prev;
			prev = cur;
			cur = t;
		}
		return prev[b.length()];
	}
}

package org.cellwright.lang.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.lang.properties.PropertyCatalog;
import org.cellwright.lang.properties.PropertyCatalog.Owner;
import org.cellwright.lang.units.Dimension;
import org.cellwright.lang.units.Units;
import org.junit.jupiter.api.Test;

public class UnitsTest {

	/**
	 * Every unit of the table converts to SI as its symbol says, composed here from SI prefixes and base units
	 * independently of the table (mol/L = 1e3 mol/m3, /h = 1/3600 /s, mWh = 3.6 J, J/g/K = 1e3 J/kg/K, ...): a
	 * mistyped factor of any unit fails, not only of the units a test happens to use. Mutation audit, session 19: mol/L
	 * as 1 mol/m3, /h as 3600 /s and mWh as 3.6e-3 J passed every test.
	 */
	@Test
	public void everyUnitIsItsPrefixesAndBaseUnits() {
		int checked = 0;
		for (org.cellwright.lang.units.Unit u : Units.all()) {
			if (u.symbol().equals("degC")) continue; // the offset unit: batteryUnitsConvertToSI
			assertEquals(0, u.offset(), u.symbol());
			double composed = composed(u.symbol());
			assertEquals(composed, u.factor(), 1e-12 * composed, u.symbol());
			checked++;
		}
		assertTrue(checked > 90, "units checked: " + checked);
	}

	private static final java.util.Map<String, Double> BASE = new java.util.LinkedHashMap<>();
	private static final java.util.Map<Character, Double> PREFIX = java.util.Map.of('T', 1e12, 'G', 1e9, 'M', 1e6, 'k', 1e3,
			'c', 1e-2, 'm', 1e-3, 'u', 1e-6, 'n', 1e-9, 'p', 1e-12);
	static {
		for (String si : new String[] { "m", "s", "A", "K", "V", "S", "Pa", "J", "W", "Ohm", "mol", "Hz", "rad", "C" })
			BASE.put(si, 1.0); // C: the coulomb (C/m2, C/kg) and the C-rate (C), both factor 1
		BASE.put("g", 1e-3);
		BASE.put("L", 1e-3);
		BASE.put("min", 60.0);
		BASE.put("h", 3600.0);
		BASE.put("d", 86400.0);
		BASE.put("Ah", 3600.0);
		BASE.put("Wh", 3600.0);
		BASE.put("bar", 1e5);
		BASE.put("deg", Math.PI / 180);
		BASE.put("eV", Units.FARADAY); // per particle, as J/mol (the activation-energy convention)
		BASE.put("%", 0.01);
		BASE.put("wt%", 0.01);
		BASE.put("vol%", 0.01);
		BASE.put("", 1.0);
	}

	/** The SI factor of a symbol: parts separated by / divide, by . multiply; each part a prefix, a base unit, a power. */
	private static double composed(String symbol) {
		String[] parts = symbol.split("/", -1);
		double f = atoms(parts[0]);
		for (int k = 1; k < parts.length; k++) f /= atoms(parts[k]);
		return f;
	}

	private static double atoms(String part) {
		double f = 1;
		for (String atom : part.split("\\.")) {
			int power = 1;
			if (!atom.isEmpty() && Character.isDigit(atom.charAt(atom.length() - 1))) {
				power = atom.charAt(atom.length() - 1) - '0';
				atom = atom.substring(0, atom.length() - 1);
			}
			Double base = BASE.get(atom);
			if (base == null && atom.length() > 1 && PREFIX.containsKey(atom.charAt(0)) && BASE.containsKey(atom.substring(1)))
				base = PREFIX.get(atom.charAt(0)) * BASE.get(atom.substring(1));
			assertNotNull(base, "no prefix and base unit in '" + atom + "'");
			f *= Math.pow(base, power);
		}
		return f;
	}

	@Test
	public void batteryUnitsConvertToSI() {
		assertEquals(10, Units.parse("mA/cm2").toSI(1), 1e-12);
		assertEquals(Dimension.CURRENT_DENSITY, Units.parse("mA/cm2").dimension());
		assertEquals(36000, Units.parse("mAh/cm2").toSI(1), 1e-9);
		assertEquals(3600 * 3579, Units.parse("mAh/g").toSI(3579), 1e-3);
		assertEquals(1e-6, Units.parse("um").toSI(1), 1e-18);
		assertEquals(0.785e-4, Units.parse("cm2").toSI(0.785), 1e-15);
		assertEquals(2.1e-3, Units.parse("mg/cm2").toSI(0.21), 1e-15);
		assertEquals(1640, Units.parse("g/cm3").toSI(1.64), 1e-9);
		assertEquals(0.1, Units.parse("mS/cm").toSI(1), 1e-15);
		assertEquals(65e6, Units.parse("MPa").toSI(65), 1e-6);
		assertEquals(41e9, Units.parse("GPa").toSI(41), 1e-3);
		assertEquals(333.15, Units.parse("degC").toSI(60), 1e-9);
		assertEquals(60, Units.parse("degC").fromSI(333.15), 1e-9);
		assertEquals(3.3 * 3600, Units.parse("h").toSI(3.3), 1e-9);
		assertEquals(0.005, Units.parse("mV").toSI(5), 1e-15);
		assertEquals(96485.33212 * 0.3, Units.parse("eV").toSI(0.3), 1e-6);
		assertEquals(30000, Units.parse("kJ/mol").toSI(30), 1e-9);
		assertEquals(0.9, Units.parse("wt%").toSI(90), 1e-12);
		assertEquals(Dimension.VOLUME_FRACTION, Units.parse("vol%").dimension());
		assertEquals(Dimension.C_RATE, Units.parse("C").dimension());
		assertEquals(Dimension.DIMENSIONLESS, Units.parse("").dimension());
		assertEquals(Dimension.DIMENSIONLESS, Units.parse(null).dimension());
		assertEquals(1e-4, Units.parse("Ohm.cm2").toSI(1), 1e-18);
		assertEquals(20, Units.convert(2, "mA/cm2", "A/m2"), 1e-12);
	}

	@Test
	public void unknownUnitsAreRefusedWithSuggestions() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.parse("mA/cm^2"));
		assertTrue(e.getMessage().contains("mA/cm2"), e.getMessage());
		assertFalse(Units.isKnown("MS/cm"), "units are case-sensitive");
		assertThrows(IllegalArgumentException.class, () -> Units.convert(1, "V", "mA"));
	}

	@Test
	public void catalogKnowsDimensionsAndRanges() {
		PropertyCatalog.Entry porosity = PropertyCatalog.find(Owner.LAYER, "porosity").orElseThrow();
		assertTrue(porosity.accepts(Dimension.DIMENSIONLESS));
		assertTrue(porosity.accepts(Dimension.FRACTION));
		assertFalse(porosity.accepts(Dimension.LENGTH));
		assertNull(porosity.rangeViolation(0));
		assertNotNull(porosity.rangeViolation(1));
		assertEquals(Dimension.DENSITY, PropertyCatalog.find(Owner.MATERIAL, "density").orElseThrow().dimension());
		assertTrue(PropertyCatalog.find(Owner.LAYER, "density").isEmpty());
		assertTrue(PropertyCatalog.find(Owner.CELL, "nominal-capacity").orElseThrow().accepts(Dimension.CAPACITY));
		for (PropertyCatalog.Entry e : PropertyCatalog.all())
			assertTrue(e.name().matches("[a-z]+(-[a-z]+)*"), e.name());
	}
}

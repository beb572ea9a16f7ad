package org.cellwright.lang.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.lang.properties.PropertyCatalog;
import org.cellwright.lang.properties.PropertyCatalog.Owner;
import org.cellwright.lang.units.Dimension;
import org.cellwright.lang.units.Units;
import org.junit.jupiter.api.Test;

public class UnitsTest {

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

package org.cellwright.cli.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.cli.run.InputException;
import org.cellwright.cli.run.Quantities;
import org.cellwright.model.CellwrightFactory;
import org.cellwright.model.Quantity;
import org.junit.jupiter.api.Test;

/** Unit conversion at the DSL boundary: what the user writes becomes SI. */
class QuantitiesTest {

	static Quantity q(double v, String unit) {
		Quantity q = CellwrightFactory.eINSTANCE.createQuantity();
		q.setValue(v);
		q.setUnit(unit);
		return q;
	}

	@Test
	void convertsToSI() {
		assertEquals(3.0, Quantities.si(q(0.3, "mA/cm2"), null), 1e-12); // A/m2
		assertEquals(3.25e-6, Quantities.si(q(3.25, "um"), null), 1e-18);
		assertEquals(298.15, Quantities.si(q(25, "degC"), null), 1e-9);
		assertEquals(65e6, Quantities.si(q(65, "MPa"), null), 1e-3);
		assertEquals(0.25, Quantities.si(q(2.5, "mS/cm"), null), 1e-12); // S/m
		assertEquals(3.0 * 36, Quantities.si(q(3.0, "mAh/cm2"), null), 1e-9); // C/m2
		assertEquals(0.785e-4, Quantities.si(q(0.785, "cm2"), null), 1e-12);
	}

	@Test
	void unknownUnitIsAnInputError() {
		InputException e = assertThrows(InputException.class, () -> Quantities.si(q(1, "furlongs"), null));
		assertTrue(e.getMessage().contains("furlongs"));
	}
}

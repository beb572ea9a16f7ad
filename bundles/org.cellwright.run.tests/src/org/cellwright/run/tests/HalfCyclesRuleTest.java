package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.cellwright.measured.MeasuredQuantity;
import org.cellwright.measured.MeasuredSeries;
import org.cellwright.run.folder.HalfCycles;
import org.junit.jupiter.api.Test;

/**
 * The voltage-capacity curves' rule (HalfCycles) where HalfCyclesTest does not look: a curve starts at the voltage
 * before the current flows (its rest voltage at 0 mAh/cm2), a single sample is no curve, and measured data's capacity is
 * the trapezoid of the current per cm2 of the cell, its steps found where the current turns when the file counts none.
 * Mutation audit, session 22 (H1-H5 in docs/solid-state-solver.md): each of these rules changed passed the tests, whose
 * currents were constant, over 1 cm2, with a step column and every sample carrying current.
 */
class HalfCyclesRuleTest {

	/** A discharge whose first sample is at rest (the voltage before the current), then a charge of one sample. */
	@Test
	void aCurveStartsAtTheRestVoltageBeforeTheCurrentAndOneSampleIsNoCurve() {
		int[] cycle = { 1, 1, 1, 1 };
		int[] step = { 0, 0, 0, 1 };
		double[] cap = { 0, -1, -2, 0.5 };
		double[] cur = { 0, -1, -1, 1 };
		double[] v = { 4.1, 3.9, 3.8, 3.95 };
		List<HalfCycles.Curve> c = HalfCycles.of(cycle, step, cap, v, cur);
		assertEquals(1, c.size(), "the discharge; the charge's one sample is no curve: " + c.size());
		assertArrayEquals(new double[] { 0, 1, 2 }, c.get(0).capacity(), 1e-12);
		assertArrayEquals(new double[] { 4.1, 3.9, 3.8 }, c.get(0).voltage(), 1e-12, "from the rest voltage at 0 mAh/cm2");
	}

	private static MeasuredSeries series(double[] t, double[] i, double[] v) {
		Map<MeasuredQuantity, double[]> cols = new EnumMap<>(MeasuredQuantity.class);
		cols.put(MeasuredQuantity.TIME, t);
		cols.put(MeasuredQuantity.CURRENT, i);
		cols.put(MeasuredQuantity.VOLTAGE, v);
		return new MeasuredSeries(cols, null, "test");
	}

	/** A current ramp from 1 to 3 mA over 1 h on a 2 cm2 cell: 2 mAh, 1 mAh/cm2 (the trapezoid, per cm2), 0.375 after 30 min. */
	@Test
	void measuredCapacityIsTheTrapezoidOfTheCurrentPerSquareCentimetre() {
		List<HalfCycles.Curve> c = HalfCycles.of(series(new double[] { 0, 1800, 3600 }, new double[] { 1e-3, 2e-3, 3e-3 },
				new double[] { 3.7, 3.9, 4.0 }), 2);
		assertEquals(1, c.size());
		assertArrayEquals(new double[] { 0, 0.375, 1 }, c.get(0).capacity(), 1e-12);
	}

	/** Without a step column, a charge then a discharge (the current turning) are two curves, each from 0. */
	@Test
	void measuredDataWithoutStepsTurnAtTheCurrentsSign() {
		List<HalfCycles.Curve> c = HalfCycles.of(series(new double[] { 0, 3600, 3600, 7200 }, new double[] { 1e-3, 1e-3, -1e-3, -1e-3 },
				new double[] { 3.8, 4.2, 4.1, 3.6 }), 1);
		assertEquals(2, c.size(), "the charge and the discharge");
		assertArrayEquals(new double[] { 0, 1 }, c.get(0).capacity(), 1e-12);
		assertArrayEquals(new double[] { 0, 1 }, c.get(1).capacity(), 1e-12);
		assertArrayEquals(new double[] { 4.1, 3.6 }, c.get(1).voltage(), 1e-12);
	}
}

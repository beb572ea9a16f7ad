package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.cellwright.measured.MeasuredQuantity;
import org.cellwright.measured.MeasuredSeries;
import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.HalfCycles;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.Sample;
import org.cellwright.solver.output.CsvResultWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The voltage-capacity curves' rule (HalfCycles, read by the reports and the Results view): capacity per charge and per
 * discharge, so a constant-current charge and the voltage hold after it are one curve, the hold continuing from where
 * the constant current ended (the report had drawn the hold as a second curve from 0 mAh/cm2).
 */
class HalfCyclesTest {

	@TempDir Path tmp;

	@Test
	void aCcCvChargeIsOneCurveTheHoldContinuingFromTheConstantCurrentsEnd() throws Exception {
		RecordingSink run = DfnRunTest.completed(tmp.resolve("c.cell"), "marquis2019", "Marquis2019Kokam",
				" discharge at 1 C for 30 min\n rest for 10 min\n charge at 1 C until 4.0 V\n hold at 4.0 V until 0.05 C");
		Path folder = tmp.resolve("run");
		try (CsvResultWriter w = new CsvResultWriter(folder)) {
			for (Sample s : run.samples) w.sample(s);
		}
		CsvTable ts = CsvTable.read(folder.resolve(RunFiles.TIMESERIES));
		// the file's own steps: the charge (step 2) and the hold (step 3) in one cycle, each step's capacity from 0
		double cc = 0, hold = 0;
		int holdCycle = -1, ccCycle = -1;
		double[] step = ts.column("step"), cap = ts.column("step_capacity_mAh_cm2"), cyc = ts.column("cycle");
		for (int k = 0; k < ts.rows(); k++) {
			if (step[k] == 2) { cc = Math.abs(cap[k]); ccCycle = (int) cyc[k]; }
			if (step[k] == 3) { hold = Math.abs(cap[k]); holdCycle = (int) cyc[k]; }
		}
		assertEquals(ccCycle, holdCycle, "the hold belongs to the charge's cycle");
		assertTrue(cc > 0.5 && hold > 0.05, "a constant-current charge and a hold that passes charge: " + cc + ", " + hold + " mAh/cm2");

		List<HalfCycles.Curve> curves = HalfCycles.of(ts);
		assertEquals(2, curves.size(), "the discharge and the CCCV charge (the rest between them not drawn): " + curves.size());
		HalfCycles.Curve discharge = curves.get(0), charge = curves.get(1);
		assertEquals(0, discharge.firstStep());
		assertEquals(0, discharge.capacity()[0], 1e-9, "the discharge from 0");
		assertEquals(2, charge.firstStep(), "the charge's curve opens with the constant current");
		assertEquals(ccCycle, charge.cycle());
		assertEquals(0, charge.capacity()[0], 1e-9, "the charge from 0");
		double[] q = charge.capacity(), v = charge.voltage();
		for (int k = 1; k < q.length; k++) assertTrue(q[k] >= q[k - 1] - 1e-9, "no step back to 0 at " + k + ": " + q[k - 1] + " -> " + q[k]);
		assertEquals(cc + hold, q[q.length - 1], 1e-6, "the curve ends at the CC's and the hold's capacity together");
		// the hold's first point sits where the constant current ended: at cc, at 4.0 V
		int h = 0;
		while (h < q.length && q[h] < cc - 1e-9) h++;
		assertEquals(cc, q[h], 1e-6, "a point at the constant current's end");
		assertEquals(4.0, v[h], 2e-3, "the charge reached the hold's voltage there");
		assertTrue(q[q.length - 1] - q[h] > 0.05, "the hold continues beyond it");
	}

	@Test
	void aRestKeepsTheHalfCycleAndTheWayTurningOrANewCycleStartsTheNext() {
		// cycle 1: pulse, rest, pulse (one discharge: a staircase), then a charge; cycle 2: a discharge
		int[] cycle = { 1, 1, 1, 1, 1, 1, 1, 1, 2, 2 };
		int[] step = { 0, 0, 1, 1, 2, 2, 3, 3, 4, 4 };
		double[] cap = { 0, -1, 0, 0, 0, -2, 0, 0.5, 0, -1.5 };
		double[] cur = { -1, -1, 0, 0, -1, -1, 1, 1, -1, -1 };
		double[] v = { 4, 3.9, 3.95, 3.96, 3.9, 3.8, 3.9, 4.0, 4.1, 3.9 };
		List<HalfCycles.Curve> c = HalfCycles.of(cycle, step, cap, v, cur);
		assertEquals(3, c.size(), c.toString());
		assertArrayEquals(new double[] { 0, 1, 1, 3 }, c.get(0).capacity(), 1e-12, "the second pulse from the first's end; the rest not drawn");
		assertArrayEquals(new double[] { 0, 0.5 }, c.get(1).capacity(), 1e-12, "the charge from 0");
		assertEquals(3, c.get(1).firstStep());
		assertEquals(2, c.get(2).cycle());
		assertArrayEquals(new double[] { 0, 1.5 }, c.get(2).capacity(), 1e-12, "a new cycle from 0");
	}

	@Test
	void measuredDataFollowTheSameRule() {
		// 1 cm2, 1 h at 1 mA then a 1 h hold at 0.5 mA, steps counted in the file: one charge of 1.5 mAh/cm2
		Map<MeasuredQuantity, double[]> cols = new EnumMap<>(MeasuredQuantity.class);
		cols.put(MeasuredQuantity.TIME, new double[] { 0, 3600, 3600, 7200 });
		cols.put(MeasuredQuantity.CURRENT, new double[] { 1e-3, 1e-3, 0.5e-3, 0.5e-3 });
		cols.put(MeasuredQuantity.VOLTAGE, new double[] { 3.8, 4.2, 4.2, 4.2 });
		cols.put(MeasuredQuantity.STEP, new double[] { 1, 1, 2, 2 });
		List<HalfCycles.Curve> c = HalfCycles.of(new MeasuredSeries(cols, null, "test"), 1);
		assertEquals(1, c.size());
		assertArrayEquals(new double[] { 0, 1, 1, 1.5 }, c.get(0).capacity(), 1e-12);
	}
}

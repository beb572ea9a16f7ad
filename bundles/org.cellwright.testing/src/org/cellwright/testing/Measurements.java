package org.cellwright.testing;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import org.cellwright.measured.MeasuredQuantity;
import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFolder;

/** Measurements made by CellWright itself, for the fit and overlay tests: a run's samples with noise, as a cycler records them. */
public final class Measurements {
	private Measurements() {}

	/**
	 * A run's time [s], voltage [V] with Gaussian noise of standard deviation noiseV (the same numbers for the same seed)
	 * and current [A] over a cell of areaCm2, one entry a sample of its timeseries.
	 */
	public static Map<MeasuredQuantity, double[]> noisy(RunFolder run, double areaCm2, double noiseV, long seed) {
		CsvTable ts = run.timeseries();
		double[] th = ts.column("time_h"), v = ts.column("voltage_V"), i = ts.column("current_mA_cm2");
		Random noise = new Random(seed);
		double[] t = new double[th.length], vn = new double[th.length], amps = new double[th.length];
		for (int k = 0; k < th.length; k++) {
			t[k] = th[k] * 3600;
			vn[k] = v[k] + noiseV * noise.nextGaussian();
			amps[k] = i[k] * areaCm2 * 1e-3;
		}
		Map<MeasuredQuantity, double[]> cols = new EnumMap<>(MeasuredQuantity.class);
		cols.put(MeasuredQuantity.TIME, t);
		cols.put(MeasuredQuantity.VOLTAGE, vn);
		cols.put(MeasuredQuantity.CURRENT, amps);
		return cols;
	}
}

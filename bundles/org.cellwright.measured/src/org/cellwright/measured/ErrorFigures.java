package org.cellwright.measured;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far a simulation is from a measurement: the simulated voltage interpolated (linearly in time) at each measured
 * time inside the simulated time span, the residual measured - simulated; RMS and largest residual over all points,
 * per cycle and per step (the measurement's own cycle and step counts when it has them, else the simulation's),
 * and per cycle the discharge capacity of both (charge passed with negative current) and its relative error.
 *
 * @param voltageRms     RMS voltage residual over all compared points [V]
 * @param voltageMax     largest absolute voltage residual [V]
 * @param points         number of measured points compared
 * @param rmsByCycle     RMS voltage residual per cycle [V]
 * @param rmsByStep      RMS voltage residual per (cycle, step), keyed "cycle.step", in the order of cycle and step [V]
 * @param capacityByCycle measured and simulated discharge capacity per cycle [C] and relative error
 * @param simulatedSteps  whether rmsByStep's steps are the simulation's (its index in the flattened protocol, from 0,
 *                        which a user reads as the protocol numbers it: StepNumbers), the measurement having no step
 *                        column; false: the measurement's own step counts
 */
public record ErrorFigures(double voltageRms, double voltageMax, int points, Map<Integer, Double> rmsByCycle,
		Map<String, Double> rmsByStep, List<CycleCapacity> capacityByCycle, boolean simulatedSteps) {

	/** Discharge capacities of one cycle [C] and (simulated - measured) / measured. */
	public record CycleCapacity(int cycle, double measured, double simulated, double relativeError) {
	}

	/**
	 * A simulated series: time [s], voltage [V], current [A] (charge positive; null if not compared), cycle and step
	 * index per sample (null if unknown).
	 */
	public record Simulated(double[] time, double[] voltage, double[] current, int[] cycle, int[] step) {
		/**
		 * The simulated voltage at each of these (sorted) times, linear between samples; before the first sample its
		 * voltage, after the last (a run that ended early) the last voltage.
		 */
		public double[] voltageAt(double[] times) {
			return voltageAt(times, null);
		}

		/**
		 * {@link #voltageAt(double[])}, where a measured current is known ({@code currents}, A, charge positive; null or
		 * NaN where not): at a time where the simulation has several samples (a step's change: the state before and
		 * after it), the one whose current is nearest the measured current ({@link ErrorFigures#compare} does the same).
		 */
		public double[] voltageAt(double[] times, double[] currents) {
			if (time.length == 0) throw new IllegalArgumentException("the simulation has no samples");
			double[] out = new double[times.length];
			int hint = 0;
			for (int i = 0; i < times.length; i++) {
				int jump = -1;
				if (time.length > 1 && times[i] >= time[0] && times[i] <= time[time.length - 1]) {
					hint = locate(time, times[i], hint);
					jump = atJump(this, hint, times[i], currents == null ? Double.NaN : currents[i]);
				}
				if (jump >= 0) out[i] = voltage[jump];
				else if (times[i] <= time[0]) out[i] = voltage[0];
				else if (times[i] >= time[time.length - 1]) out[i] = voltage[voltage.length - 1];
				else out[i] = interpolate(time, voltage, hint, times[i]);
			}
			return out;
		}
	}

	public static ErrorFigures compare(MeasuredSeries measured, Simulated sim) {
		if (sim.time().length < 2) {
			throw new IllegalArgumentException("the simulation has fewer than two samples");
		}
		double[] t = measured.values(MeasuredQuantity.TIME);
		double[] v = measured.values(MeasuredQuantity.VOLTAGE);
		double[] mCycle = measured.has(MeasuredQuantity.CYCLE) ? measured.values(MeasuredQuantity.CYCLE) : null;
		double[] mStep = measured.has(MeasuredQuantity.STEP) ? measured.values(MeasuredQuantity.STEP) : null;
		double[] mCurrent = measured.has(MeasuredQuantity.CURRENT) ? measured.values(MeasuredQuantity.CURRENT) : null;
		double t0 = sim.time()[0];
		double t1 = sim.time()[sim.time().length - 1];
		Map<Integer, double[]> byCycle = new TreeMap<>();
		// "cycle.step" keys in the order of the run (as numbers: cycle 2 before 10, step 2 before 10)
		Map<String, double[]> byStep = new TreeMap<>(java.util.Comparator.<String>comparingInt(k -> Integer.parseInt(k.split("\\.")[0]))
				.thenComparingInt(k -> Integer.parseInt(k.split("\\.")[1])));
		double sum = 0;
		double max = 0;
		int n = 0;
		int hint = 0;
		for (int i = 0; i < t.length; i++) {
			if (t[i] < t0 || t[i] > t1) {
				continue;
			}
			hint = locate(sim.time(), t[i], hint);
			int jump = atJump(sim, hint, t[i], mCurrent == null ? Double.NaN : mCurrent[i]);
			double vs = jump >= 0 ? sim.voltage()[jump] : interpolate(sim.time(), sim.voltage(), hint, t[i]);
			double r = v[i] - vs;
			sum += r * r;
			max = Math.max(max, Math.abs(r));
			n++;
			int at = jump >= 0 ? jump : compared(sim.time(), hint, t[i]);
			int cycle = mCycle != null ? (int) Math.round(mCycle[i]) : sim.cycle() != null ? sim.cycle()[at] : 1;
			int step = mStep != null ? (int) Math.round(mStep[i]) : sim.step() != null ? sim.step()[at] : 0;
			accumulate(byCycle, cycle, r);
			accumulate(byStep, cycle + "." + step, r);
		}
		if (n == 0) {
			throw new IllegalArgumentException("the measurement (" + t[0] + " s to " + t[t.length - 1]
					+ " s) and the simulation (" + t0 + " s to " + t1 + " s) do not overlap in time");
		}
		return new ErrorFigures(Math.sqrt(sum / n), max, n, rms(byCycle), rms(byStep), capacities(measured, sim),
				mStep == null && sim.step() != null);
	}

	private static <K> void accumulate(Map<K, double[]> map, K key, double r) {
		double[] acc = map.computeIfAbsent(key, k -> new double[2]);
		acc[0] += r * r;
		acc[1]++;
	}

	private static <K> Map<K, Double> rms(Map<K, double[]> acc) {
		Map<K, Double> out = new java.util.LinkedHashMap<>(); // in acc's (sorted) order
		acc.forEach((k, a) -> out.put(k, Math.sqrt(a[0] / a[1])));
		return Collections.unmodifiableMap(out);
	}

	private static List<CycleCapacity> capacities(MeasuredSeries measured, Simulated sim) {
		if (!measured.has(MeasuredQuantity.CURRENT) || sim.current() == null) {
			return List.of();
		}
		double[] mc = measured.has(MeasuredQuantity.CYCLE) ? measured.values(MeasuredQuantity.CYCLE) : null;
		Map<Integer, Double> m = dischargeByCycle(measured.values(MeasuredQuantity.TIME),
				measured.values(MeasuredQuantity.CURRENT), mc == null ? null : toInt(mc));
		Map<Integer, Double> s = dischargeByCycle(sim.time(), sim.current(), sim.cycle());
		List<CycleCapacity> out = new ArrayList<>();
		for (var e : m.entrySet()) {
			Double simulated = s.get(e.getKey());
			if (simulated != null && e.getValue() > 0) {
				out.add(new CycleCapacity(e.getKey(), e.getValue(), simulated, (simulated - e.getValue()) / e.getValue()));
			}
		}
		return List.copyOf(out);
	}

	/** Charge passed with negative current per cycle [C], trapezoidal in time. */
	static Map<Integer, Double> dischargeByCycle(double[] time, double[] current, int[] cycle) {
		Map<Integer, Double> out = new TreeMap<>();
		for (int i = 1; i < time.length; i++) {
			double iMean = 0.5 * (current[i - 1] + current[i]);
			if (iMean < 0) {
				int c = cycle == null ? 1 : cycle[i];
				out.merge(c, -iMean * (time[i] - time[i - 1]), Double::sum);
			}
		}
		return out;
	}

	private static int[] toInt(double[] v) {
		int[] out = new int[v.length];
		for (int i = 0; i < v.length; i++) {
			out[i] = (int) Math.round(v[i]);
		}
		return out;
	}

	/** Index k with time[k] <= t <= time[k+1], searching forward from a hint (times are sorted). */
	private static int locate(double[] time, double t, int hint) {
		int k = Math.max(0, Math.min(hint, time.length - 2));
		if (time[k] > t) {
			k = 0;
		}
		while (k < time.length - 2 && time[k + 1] < t) {
			k++;
		}
		return k;
	}

	/**
	 * The sample whose cycle and step a point at t (in the interval k, k+1) belongs to: the interval's end, as in
	 * {@link #interpolate} (a step's samples are the states after its time steps), but its start for a point on it, and
	 * the later of two samples at one time (the state after a step's change at t = 0, not the rest before it).
	 */
	private static int compared(double[] time, int k, double t) {
		return t == time[k] && time[k + 1] > time[k] ? k : k + 1;
	}

	/**
	 * At a time where the simulation has several samples (a step's change, e.g. the rest before the first step and the
	 * loaded state at 0 s), the one whose current is nearest the measured current {@code measuredA} (the later on a
	 * tie): a cycler's row says by its current on which side of the change it was logged. -1 when t is no such time or
	 * either current is unknown; then the interpolation's choice stands. Before (session 19), a measured rest at 0 s
	 * was compared with the loaded state: a run against its own time series read 14.7 mV RMS instead of 3 uV.
	 */
	private static int atJump(Simulated sim, int k, double t, double measuredA) {
		double[] time = sim.time();
		if (sim.current() == null || Double.isNaN(measuredA)) return -1;
		int a = time[k] == t ? k : k + 1 < time.length && time[k + 1] == t ? k + 1 : -1;
		if (a < 0) return -1;
		while (a > 0 && time[a - 1] == t) a--;
		int b = a;
		while (b + 1 < time.length && time[b + 1] == t) b++;
		if (b == a) return -1;
		int best = a;
		for (int j = a + 1; j <= b; j++)
			if (Math.abs(sim.current()[j] - measuredA) <= Math.abs(sim.current()[best] - measuredA)) best = j;
		return best;
	}

	private static double interpolate(double[] time, double[] y, int k, double t) {
		double dt = time[k + 1] - time[k];
		if (dt <= 0) {
			return y[k + 1];
		}
		double w = (t - time[k]) / dt;
		return y[k] + w * (y[k + 1] - y[k]);
	}
}

package org.cellwright.measured;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * A measured time series in SI: time [s], voltage [V], and where the file has them current [A] (positive =
 * charge, CellWright's sign convention), cycle and step counts, ambient temperature [K]. Immutable; every column
 * has {@link #size()} values. The source file and the format it was read as travel with the data.
 */
public final class MeasuredSeries {

	private final Map<MeasuredQuantity, double[]> columns;
	private final int size;
	private final Path source;
	private final String format;

	public MeasuredSeries(Map<MeasuredQuantity, double[]> columns, Path source, String format) {
		if (!columns.containsKey(MeasuredQuantity.TIME) || !columns.containsKey(MeasuredQuantity.VOLTAGE)) {
			throw new IllegalArgumentException("a measured series needs time and voltage");
		}
		this.columns = new EnumMap<>(MeasuredQuantity.class);
		int n = columns.get(MeasuredQuantity.TIME).length;
		for (Map.Entry<MeasuredQuantity, double[]> e : columns.entrySet()) {
			if (e.getValue().length != n) {
				throw new IllegalArgumentException(e.getKey().key() + " has " + e.getValue().length
						+ " values, time has " + n);
			}
			this.columns.put(e.getKey(), e.getValue().clone());
		}
		this.size = n;
		this.source = source;
		this.format = format;
	}

	public int size() {
		return size;
	}

	public boolean has(MeasuredQuantity q) {
		return columns.containsKey(q);
	}

	/** A copy of one column in SI; throws if the series has no such column. */
	public double[] values(MeasuredQuantity q) {
		double[] v = columns.get(q);
		if (v == null) {
			throw new IllegalArgumentException("the measurement has no " + q.key() + " column");
		}
		return v.clone();
	}

	public double time(int i) {
		return columns.get(MeasuredQuantity.TIME)[i];
	}

	public double voltage(int i) {
		return columns.get(MeasuredQuantity.VOLTAGE)[i];
	}

	/** The file the series was read from (null for series made in memory). */
	public Path source() {
		return source;
	}

	/** The format the file was read as ("BDF", "Arbin", ...). */
	public String format() {
		return format;
	}

	/** Current density [A/m2] for a cell of the given electrode area [m2]. */
	public double[] currentDensity(double areaM2) {
		if (!(areaM2 > 0)) {
			throw new IllegalArgumentException("the cell's area must be positive to compare currents, got " + areaM2);
		}
		double[] i = values(MeasuredQuantity.CURRENT);
		for (int k = 0; k < i.length; k++) {
			i[k] /= areaM2;
		}
		return i;
	}
}

package org.cellwright.lang.units;

/**
 * A unit as written in a .cell file: symbol, dimension and the affine map to SI: {@code si = value * factor + offset}
 * (offset is non-zero only for degC).
 */
public record Unit(String symbol, Dimension dimension, double factor, double offset) {

	/** The value in this unit converted to the SI unit of its dimension ({@link Dimension#siUnit()}). */
	public double toSI(double value) {
		return value * factor + offset;
	}

	/** The SI value converted to this unit. */
	public double fromSI(double si) {
		return (si - offset) / factor;
	}

	@Override
	public String toString() {
		return symbol.isEmpty() ? "(dimensionless)" : symbol;
	}
}

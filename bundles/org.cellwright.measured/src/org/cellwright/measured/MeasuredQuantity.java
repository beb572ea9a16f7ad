package org.cellwright.measured;

import org.cellwright.lang.units.Dimension;

/**
 * The quantities CellWright reads from cycler data, each with its Battery Data Format (BDF, Battery Data Alliance)
 * column label ("Test Time / s") and dimension. Values are held in SI; the BDF unit is the one written back.
 */
public enum MeasuredQuantity {
	TIME("Test Time", "s", Dimension.TIME, true),
	VOLTAGE("Voltage", "V", Dimension.VOLTAGE, true),
	CURRENT("Current", "A", Dimension.CURRENT, false),
	CYCLE("Cycle Count", "1", Dimension.DIMENSIONLESS, false),
	STEP("Step Count", "1", Dimension.DIMENSIONLESS, false),
	TEMPERATURE("Ambient Temperature", "degC", Dimension.TEMPERATURE, false);

	private final String bdfName;
	private final String bdfUnit;
	private final Dimension dimension;
	private final boolean required;

	MeasuredQuantity(String bdfName, String bdfUnit, Dimension dimension, boolean required) {
		this.bdfName = bdfName;
		this.bdfUnit = bdfUnit;
		this.dimension = dimension;
		this.required = required;
	}

	/** The BDF column label, e.g. {@code Voltage / V}. */
	public String bdfLabel() {
		return bdfName + " / " + bdfUnit;
	}

	public String bdfName() {
		return bdfName;
	}

	/** The unit BDF writes this quantity in ("1" for counts). */
	public String bdfUnit() {
		return bdfUnit;
	}

	public Dimension dimension() {
		return dimension;
	}

	/** Whether a file without this quantity is refused (time and voltage are needed for any comparison). */
	public boolean required() {
		return required;
	}

	/** Lower-case name used in column mappings ({@code time=...,voltage=...}). */
	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}

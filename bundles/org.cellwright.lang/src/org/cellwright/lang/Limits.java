package org.cellwright.lang;

import org.cellwright.solver.input.InputLimits;
import org.cellwright.solver.input.ProtocolSpec;

/**
 * The documented limits of the language (README "Limits", docs/language.md): input beyond them is refused with an
 * error at the file, line and column of the offending text, never with a stack overflow or a hang. Every walk over
 * expressions, step blocks, 'extends', 'run' and composites stays within them, so its depth and time are bounded.
 */
public final class Limits {

	private Limits() {
	}

	/** Largest .cell file read (a .cell file of a whole library is a few hundred kB). */
	public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

	/**
	 * Deepest nesting of parentheses, braces (step blocks such as 'repeat' inside 'repeat'), unary minus signs and
	 * powers ({@code 2^2^2}) at any point of a file.
	 */
	public static final int MAX_NESTING_DEPTH = 100;

	/** Most binary operators (+ - * /) in one expression, counting the expressions it is nested in. */
	public static final int MAX_EXPRESSION_TERMS = 1000;

	/**
	 * Longest chain of cells extending one another, of protocols running one another ('run'), and of composites
	 * containing one another.
	 */
	public static final int MAX_CHAIN_LENGTH = 256;

	/**
	 * Most steps a protocol runs, its 'repeat' blocks and 'run' calls expanded (the solver expands them before it
	 * starts: 'repeat 1000000000' ran out of memory after a minute): the solver's own limit, which it refuses for an
	 * inputs.json too.
	 */
	public static final long MAX_PROTOCOL_STEPS = ProtocolSpec.MAX_STEPS;

	/**
	 * Most runs a sweep expands to (its full factorial; above 1000 a warning): 'from 20 degC to 60 degC step 1e-9 degC'
	 * ran out of memory listing its 4e10 runs, with a stack trace.
	 */
	public static final long MAX_SWEEP_RUNS = 100_000;

	/**
	 * Largest drive-cycle file a 'follow' step reads, 16 MB (PyBaMM's UDDS at 1 Hz has 1,370 rows, 20 kB; a day at 10 Hz
	 * is about 15 MB): the editor's check reads it at every change and the run again, and a 120 MB profile held 1.5 GB
	 * and passed a check that took minutes.
	 */
	public static final long MAX_DRIVE_CYCLE_BYTES = 16L * 1024 * 1024;

	/*
	 * The limits of a cell's values are the solver's (InputLimits: with their reasons), which an inputs.json run again
	 * is read with: one copy.
	 */

	/** Thickest layer of a cell, 10 cm ({@link InputLimits#MAX_LAYER_THICKNESS}): by the layer's, a sweep's or a fit's thickness. */
	public static final double MAX_LAYER_THICKNESS = InputLimits.MAX_LAYER_THICKNESS;

	/** Why a layer's thickness [m] is beyond {@link #MAX_LAYER_THICKNESS}, or null ({@link InputLimits#thicknessProblem}): for a BPX file's. */
	public static String thicknessProblem(double m) {
		return InputLimits.thicknessProblem(m);
	}

	/** Why a temperature [K] of a cell without a lithium-metal layer is beyond the limits, or null ({@link InputLimits#temperatureProblem}): for a BPX file's. */
	public static String temperatureProblem(double kelvin) {
		return InputLimits.temperatureProblem(kelvin, false);
	}

	/** Why a cell's area [m2] is above {@link #MAX_AREA}, or null ({@link InputLimits#areaProblem}): for a BPX file's. */
	public static String areaProblem(double m2) {
		return InputLimits.areaProblem(m2);
	}

	/** Coldest temperature of a cell, -100 degC ({@link InputLimits#MIN_TEMPERATURE}). */
	public static final double MIN_TEMPERATURE = InputLimits.MIN_TEMPERATURE;

	/** Hottest temperature of a cell, 500 degC ({@link InputLimits#MAX_TEMPERATURE}). */
	public static final double MAX_TEMPERATURE = InputLimits.MAX_TEMPERATURE;

	/**
	 * Hottest temperature, exclusive, of a cell with a lithium-metal layer: lithium's melting point, 180.5 degC
	 * ({@link InputLimits#LITHIUM_MELTING_POINT}): the cell's temperature, a protocol's 'set temperature' and a
	 * sweep's temperatures, where the experiment's cell has one.
	 */
	public static final double LITHIUM_MELTING_POINT = InputLimits.LITHIUM_MELTING_POINT;

	/** Longest time a protocol simulates, 20 years ({@link InputLimits#MAX_SIMULATED_TIME}): a step's duration, and its steps that end only by their duration, repeats multiplied out. */
	public static final double MAX_SIMULATED_TIME = InputLimits.MAX_SIMULATED_TIME;

	/** Smallest 'max-step', 1 ms ({@link InputLimits#MIN_MAX_STEP}). */
	public static final double MIN_MAX_STEP = InputLimits.MIN_MAX_STEP;

	/** Highest stack pressure, 1 GPa ({@link InputLimits#MAX_STACK_PRESSURE}): a cell's, a condition's, 'set stack-pressure'. */
	public static final double MAX_STACK_PRESSURE = InputLimits.MAX_STACK_PRESSURE;

	/** Highest stress property of a material, 10 TPa ({@link InputLimits#MAX_MATERIAL_STRESS}). */
	public static final double MAX_MATERIAL_STRESS = InputLimits.MAX_MATERIAL_STRESS;

	/** Largest electrode area of a cell, 10 m2 ({@link InputLimits#MAX_AREA}). */
	public static final double MAX_AREA = InputLimits.MAX_AREA;

	/**
	 * Highest rate of a step, by its dimension (C-rate, current density, current, power density, power): 1000 C, 10 A/cm2,
	 * 10 kA, 50 W/cm2, 50 kW ({@link InputLimits#MAX_C_RATE} and the following, with their reasons).
	 */
	public static double maxRate(org.cellwright.lang.units.Dimension d) {
		return switch (d) {
			case C_RATE -> InputLimits.MAX_C_RATE;
			case CURRENT_DENSITY -> InputLimits.MAX_CURRENT_DENSITY;
			case CURRENT -> InputLimits.MAX_CURRENT;
			case POWER_DENSITY -> InputLimits.MAX_POWER_DENSITY;
			case POWER -> InputLimits.MAX_POWER;
			default -> Double.POSITIVE_INFINITY;
		};
	}

	/** {@link #maxRate} as a user writes it: "1000 C", "10 A/cm2", "10 kA", "50 W/cm2", "50 kW" (null for another dimension). */
	public static String maxRateText(org.cellwright.lang.units.Dimension d) {
		return switch (d) {
			case C_RATE -> "1000 C";
			case CURRENT_DENSITY -> "10 A/cm2";
			case CURRENT -> "10 kA";
			case POWER_DENSITY -> "50 W/cm2";
			case POWER -> "50 kW";
			default -> null;
		};
	}
}

package org.cellwright.lang;

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
	 * starts: 'repeat 1000000000' ran out of memory after a minute). The solver refuses the same number
	 * (org.cellwright.solver.input.ProtocolSpec.MAX_STEPS) for an inputs.json.
	 */
	public static final long MAX_PROTOCOL_STEPS = 1_000_000;

	/**
	 * Most runs a sweep expands to (its full factorial; above 1000 a warning): 'from 20 degC to 60 degC step 1e-9 degC'
	 * ran out of memory listing its 4e10 runs, with a stack trace.
	 */
	public static final long MAX_SWEEP_RUNS = 100_000;

	/**
	 * Thickest layer of a cell, 10 cm: the layers of a cell (foils, electrodes, separators, interlayers) are micrometres
	 * to a few millimetres thick, and 10 cm is the size of a whole large-format cell. 'LPSCl 1e308 um' passed and ended
	 * COMPLETED with voltages of 9e294 V. Checked by the layer's thickness and by a sweep's or fit's thickness.
	 */
	public static final double MAX_LAYER_THICKNESS = 0.1;

	/**
	 * Coldest temperature of a cell, -100 degC (173.15 K): below it every electrolyte of the library is frozen or a glass
	 * (carbonate and ether electrolytes freeze above -80 degC), and the solvers' Arrhenius laws, fitted near room
	 * temperature, are extrapolated by more than 6 decades for an activation energy of 60 kJ/mol; towards 0 K they
	 * underflow to zero conductivity and diffusivity. The solvers refuse a temperature of 0 K or below.
	 */
	public static final double MIN_TEMPERATURE = -100 + 273.15; // as -100 degC converts (Units: degC + 273.15)

	/**
	 * Hottest temperature of a cell, 500 degC (773.15 K): lithium melts at 180.5 degC (the solid-state solver warns at
	 * run time), organic electrolytes boil and decompose below 300 degC, and sulfide electrolytes and oxide cathodes
	 * decompose (oxygen release) below 500 degC: above it no cell the solvers describe exists. A temperature of 1e9 degC
	 * passed and drew only the melting note at run time.
	 */
	public static final double MAX_TEMPERATURE = 500 + 273.15;
}

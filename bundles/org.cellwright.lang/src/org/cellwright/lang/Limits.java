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
}

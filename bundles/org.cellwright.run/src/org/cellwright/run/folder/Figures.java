package org.cellwright.run.folder;

import java.util.Locale;

/**
 * The one place where the command line turns a run's numbers into text: a value the run does not have is NaN in the
 * results (an empty cell of cycles.csv, null in summary.json; the solver decides, e.g. no Coulombic efficiency for a
 * cycle that ran in one direction only) and {@link #MISSING} here; every other value, 0 included, is printed as
 * recorded. Before, {@code run}'s summary printed "-" for a cycle's efficiency by its own rule (both capacities above
 * 0) where cycles.csv and {@code runs} showed 0.
 */
public final class Figures {

	/** A value the run does not have. */
	public static final String MISSING = "-";

	private Figures() {}

	/** The value in a format ("%.3f"), or {@link #MISSING} for NaN. */
	public static String text(double v, String format) {
		return Double.isNaN(v) ? MISSING : String.format(Locale.ROOT, format, v);
	}

	/** A fraction (0.985) as a percentage with one decimal ("98.5 %"), or {@link #MISSING} for NaN. */
	public static String percent(double fraction) {
		return text(100 * fraction, "%.1f %%");
	}
}

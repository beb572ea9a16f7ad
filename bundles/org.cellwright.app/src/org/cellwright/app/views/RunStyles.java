package org.cellwright.app.views;

import java.nio.file.Path;
import java.util.List;

import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.Summary;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swtchart.LineStyle;

/** How runs are told apart in the charts: names in legends, colours and line styles. */
final class RunStyles {

	/** Distinct run colours (the Tableau 10 palette). */
	static final RGB[] PALETTE = {new RGB(31, 119, 180), new RGB(214, 39, 40), new RGB(44, 160, 44), new RGB(255, 127, 14),
			new RGB(148, 103, 189), new RGB(140, 86, 75), new RGB(227, 119, 194), new RGB(127, 127, 127),
			new RGB(188, 189, 34), new RGB(23, 190, 207)};
	static final LineStyle[] STYLES = {LineStyle.SOLID, LineStyle.DASH, LineStyle.DOT, LineStyle.DASHDOT, LineStyle.DASHDOTDOT};

	private RunStyles() {}

	/**
	 * The run's name in legends, status lines and tables: the experiment, with its file when another run shown has the
	 * same experiment name from another file, and with its run id when another run shown is of the same experiment of
	 * the same file: "X (20261205-120000-abcdef)". Two runs of one experiment (a run again after an edit, compared in
	 * the Runs view) were both "t/X": one legend entry, one curve (the second series took the first's id), two status
	 * lines alike.
	 */
	static String label(List<RunFolder> runs, RunFolder r) {
		boolean otherFile = false, sameFile = false;
		for (RunFolder o : runs) {
			if (o == r || !o.experiment().equals(r.experiment())) continue;
			if (o.sourceName().equals(r.sourceName())) sameFile = true;
			else otherFile = true;
		}
		Path id = r.folder().toAbsolutePath().normalize().getFileName();
		return (otherFile ? r.sourceName() + "/" : "") + r.experiment() + (sameFile && id != null ? " (" + id + ")" : "");
	}

	/** "label: " before a series name when several runs are shown, else nothing. */
	static String prefix(List<RunFolder> runs, RunFolder r) {
		return runs.size() == 1 ? "" : label(runs, r) + ": ";
	}

	static RGB colour(int run) {
		return PALETTE[run % PALETTE.length];
	}

	static LineStyle style(int run) {
		return STYLES[run % STYLES.length];
	}

	/** Blue (0) through purple to red (1). */
	static RGB gradient(double f) {
		return new RGB((int) (31 + f * (214 - 31)), (int) (119 - f * (119 - 39)), (int) (180 - f * (180 - 40)));
	}

	/** The colour blended with white by the amount (0 = unchanged). */
	static RGB shade(RGB c, double white) {
		return new RGB((int) (c.red + (255 - c.red) * white), (int) (c.green + (255 - c.green) * white),
				(int) (c.blue + (255 - c.blue) * white));
	}
}

package org.cellwright.app.views;

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

	/** The run's name in legends: the experiment, with its file when another run shown has the same experiment name. */
	static String label(List<RunFolder> runs, RunFolder r) {
		long same = runs.stream().filter(o -> o.experiment().equals(r.experiment())).count();
		return same > 1 ? r.sourceName() + "/" + r.experiment() : r.experiment();
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

package org.cellwright.app.views;

import static org.cellwright.app.views.RunStyles.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Predicate;

import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.Summary;

/**
 * Charts of a family of timeseries columns against time: one series per column that is not empty throughout, colour
 * per contribution (the same in every run), line style per run.
 */
final class ColumnPlots {

	private ColumnPlots() {}

	/** |eta| of every overpotential column (eta_*) that is not zero throughout, in mV. */
	static ChartContent overpotentials(List<RunFolder> runs) {
		return of(runs, "eta_", "_V", v -> 1000 * Math.abs(v), v -> v > 0, kind -> false);
	}

	/** Lithium by location (li_* columns): Li in the foil and the cathode on the right axis (they are large), the others on the left. */
	static ChartContent inventory(List<RunFolder> runs) {
		return of(runs, "li_", "_mAh_cm2", v -> v, v -> v != 0 && Double.isFinite(v), kind -> kind.equals("foil") || kind.equals("cathode"));
	}

	/**
	 * The columns named prefix + kind + suffix, their values mapped by {@code value}; a column none of whose values
	 * passes {@code shown} is left out; kinds for which {@code rightAxis} holds go on the right axis, so labelled.
	 */
	private static ChartContent of(List<RunFolder> runs, String prefix, String suffix, DoubleUnaryOperator value, DoublePredicate shown,
			Predicate<String> rightAxis) {
		ChartContent c = new ChartContent(null);
		List<String> kinds = new ArrayList<>();
		for (int ri = 0; ri < runs.size(); ri++) {
			RunFolder r = runs.get(ri);
			if (r.timeseries() == null || !r.timeseries().has("time_h")) continue;
			double[] t = r.timeseries().column("time_h");
			for (String col : r.timeseries().columnsStartingWith(prefix)) {
				double[] y = Arrays.stream(r.timeseries().column(col)).map(value).toArray();
				if (Arrays.stream(y).noneMatch(shown)) continue;
				String name = col.substring(prefix.length());
				String kind = (name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name).replace('_', ' ');
				if (!kinds.contains(kind)) kinds.add(kind);
				boolean right = rightAxis.test(kind);
				c.line(prefix(runs, r) + kind + (right ? " (right axis)" : ""), t, y, colour(kinds.indexOf(kind)), style(ri), right ? 1 : 0);
			}
		}
		return c;
	}
}

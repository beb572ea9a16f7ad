package org.cellwright.app.views;

import static org.cellwright.app.views.RunStyles.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cellwright.app.runs.RunFolder;

/** |eta| of every overpotential column that is not zero throughout, in mV; colour per contribution, style per run. */
final class OverpotentialPlots {

	private OverpotentialPlots() {}

	static ChartContent of(List<RunFolder> runs) {
		ChartContent c = new ChartContent(null);
		List<String> kinds = new ArrayList<>();
		for (int ri = 0; ri < runs.size(); ri++) {
			RunFolder r = runs.get(ri);
			if (r.timeseries() == null || r.timeseries().column("time_h") == null) continue;
			double[] t = r.timeseries().column("time_h");
			for (String col : r.timeseries().columnsStartingWith("eta_")) {
				double[] y = Arrays.stream(r.timeseries().column(col)).map(v -> 1000 * Math.abs(v)).toArray();
				if (Arrays.stream(y).noneMatch(v -> v > 0)) continue;
				String kind = col.replaceFirst("^eta_", "").replaceFirst("_V$", "").replace('_', ' ');
				if (!kinds.contains(kind)) kinds.add(kind);
				c.line(prefix(runs, r) + kind, t, y, colour(kinds.indexOf(kind)), style(ri), 0);
			}
		}
		return c;
	}
}

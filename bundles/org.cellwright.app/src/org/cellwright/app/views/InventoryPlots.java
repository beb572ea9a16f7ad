package org.cellwright.app.views;

import static org.cellwright.app.views.RunStyles.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cellwright.app.runs.RunFolder;

/** Lithium by location (li_* columns): Li in the foil and the cathode on the right axis (they are large), the others on the left. */
final class InventoryPlots {

	private InventoryPlots() {}

	static ChartContent of(List<RunFolder> runs) {
		ChartContent c = new ChartContent(null);
		List<String> kinds = new ArrayList<>();
		for (int ri = 0; ri < runs.size(); ri++) {
			RunFolder r = runs.get(ri);
			if (r.timeseries() == null || r.timeseries().column("time_h") == null) continue;
			double[] t = r.timeseries().column("time_h");
			for (String col : r.timeseries().columnsStartingWith("li_")) {
				double[] y = r.timeseries().column(col);
				if (Arrays.stream(y).noneMatch(v -> v != 0 && Double.isFinite(v))) continue;
				String kind = col.replaceFirst("^li_", "").replaceFirst("_mAh_cm2$", "").replace('_', ' ');
				if (!kinds.contains(kind)) kinds.add(kind);
				boolean reservoir = kind.equals("foil") || kind.equals("cathode");
				c.line(prefix(runs, r) + kind + (reservoir ? " (right axis)" : ""), t, y, colour(kinds.indexOf(kind)), style(ri),
						reservoir ? 1 : 0);
			}
		}
		return c;
	}
}

package org.cellwright.app.views;

import static org.cellwright.app.views.RunStyles.*;

import java.util.Arrays;
import java.util.List;

import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.Summary;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swtchart.LineStyle;

/**
 * Per cycle: charge and discharge capacity (left axis), Coulombic efficiency and, for a cell with a cathode, capacity
 * retention, the discharge capacity relative to cycle 1 (right axis, %). A half cell plates a set capacity every
 * cycle: its CE says what it keeps.
 */
final class CyclePlots {

	private CyclePlots() {}

	static ChartContent of(List<RunFolder> runs) {
		ChartContent c = new ChartContent(runs.size() == 1
				? "Capacity retention and Coulombic efficiency: " + label(runs, runs.get(0))
				: "Capacity retention and Coulombic efficiency");
		boolean one = runs.size() == 1;
		for (int ri = 0; ri < runs.size(); ri++) {
			RunFolder r = runs.get(ri);
			CsvTable t = r.cycles();
			if (t == null) continue;
			double[] n = t.column("cycle"), ch = t.column("charge_mAh_cm2"), dis = t.column("discharge_mAh_cm2"),
					ce = t.column("coulombic_efficiency"), mAhG = t.column("discharge_mAh_g");
			if (n == null || ch == null || dis == null || ce == null) continue;
			boolean fullCell = mAhG != null && Arrays.stream(mAhG).anyMatch(Double::isFinite);
			double first = dis.length > 0 ? dis[0] : Double.NaN;
			double[] retention = Arrays.stream(dis).map(d -> first > 0 ? 100 * d / first : Double.NaN).toArray();
			double[] cePct = Arrays.stream(ce).map(v -> 100 * v).toArray();
			RGB base = colour(ri);
			String p = prefix(runs, r);
			c.line(p + "charge (mAh/cm2)", n, ch, one ? colour(1) : shade(base, 0.45), one ? LineStyle.SOLID : LineStyle.DOT, 0);
			c.line(p + "discharge (mAh/cm2)", n, dis, base, LineStyle.SOLID, 0);
			c.line(p + "CE (%)", n, cePct, one ? colour(2) : base, one ? LineStyle.SOLID : LineStyle.DASH, 1);
			if (fullCell)
				c.line(p + "retention (%)", n, retention, one ? colour(4) : shade(base, 0.3), one ? LineStyle.DASH : LineStyle.DASHDOT, 1);
		}
		return c;
	}
}

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
 * retention, the discharge capacity relative to the discharge the run's retention is taken against ({@link #retention}; right axis, %). A half cell plates a set capacity every
 * cycle: its CE says what it keeps, and the chart's title and right axis name no retention when none is drawn (they
 * did). Nor has a full cell of one cycle (its one point at 100 % was drawn). Which runs are half cells is {@link RunFolder#halfCell()}, the one rule the report
 * and the Sweep view use (a DFN run is a full cell whether or not its cycles table has mAh/g).
 */
final class CyclePlots {

	/** The right axis's title: with a retention drawn, and without (half cells only: it named a retention not drawn). */
	static final String CE_AND_RETENTION = "CE and retention (%)", CE_ONLY = "Coulombic efficiency (%)";

	private CyclePlots() {}

	/**
	 * Whether the run's retention is drawn: a cell with a cathode and two cycles or more. A one-cycle full cell's
	 * retention is 100 % by definition (it was drawn as one point at 100 %, read as a result): none is drawn or named.
	 */
	static boolean retention(RunFolder r) {
		return r.cycles() != null && r.cycles().rows() >= 2 && !r.halfCell();
	}

	/**
	 * Each cycle's discharge [mAh/cm2] over the discharge the run's capacity retention is taken against, in %, from that
	 * cycle on (NaN before it, and everywhere for a run without one): the first of the compared pair where summary.json
	 * names one (capacity_retention_cycles: the first full discharge of the same steps as the last, so that the line
	 * ends on the retention the key numbers give; over a 0.1 C formation, 1 C cycles ended at 62 % where the key numbers
	 * said 79.7 %), else the run's first full discharge (first_discharge; over cycle 1's, an HPPC's 10 s pulse, its
	 * cycles read up to 35 000 %, session 20).
	 */
	static double[] retention(Summary.FullDischarge first, int[] compared, double[] cycle, double[] discharge) {
		int from = compared != null ? compared[0] : first.missing() == null ? first.cycle() : -1;
		double ref = Double.NaN;
		if (compared == null) ref = first.mAhCm2();
		else for (int k = 0; k < cycle.length; k++) if (cycle[k] == from) ref = discharge[k];
		double[] out = new double[discharge.length];
		for (int k = 0; k < out.length; k++)
			out[k] = from >= 1 && ref > 0 && cycle[k] >= from ? 100 * discharge[k] / ref : Double.NaN;
		return out;
	}

	static ChartContent of(List<RunFolder> runs) {
		boolean anyRetention = runs.stream().anyMatch(CyclePlots::retention);
		String what = anyRetention ? "Capacity retention and Coulombic efficiency" : "Capacity and Coulombic efficiency";
		ChartContent c = new ChartContent(runs.size() == 1 ? what + ": " + label(runs, runs.get(0)) : what);
		c.secondAxisTitle = anyRetention ? CE_AND_RETENTION : CE_ONLY;
		boolean one = runs.size() == 1;
		for (int ri = 0; ri < runs.size(); ri++) {
			RunFolder r = runs.get(ri);
			CsvTable t = r.cycles();
			if (t == null) continue;
			double[] n = t.column("cycle"), ch = t.column("charge_mAh_cm2"), dis = t.column("discharge_mAh_cm2"),
					ce = t.column("coulombic_efficiency");
			if (n == null || ch == null || dis == null || ce == null) continue;
			double[] retention = retention(r.summary().firstDischarge(), r.summary().capacityRetentionCycles(), n, dis);
			double[] cePct = Arrays.stream(ce).map(v -> 100 * v).toArray();
			RGB base = colour(ri);
			String p = prefix(runs, r);
			c.line(p + "charge (mAh/cm2)", n, ch, one ? colour(1) : shade(base, 0.45), one ? LineStyle.SOLID : LineStyle.DOT, 0);
			c.line(p + "discharge (mAh/cm2)", n, dis, base, LineStyle.SOLID, 0);
			c.line(p + "CE (%)", n, cePct, one ? colour(2) : base, one ? LineStyle.SOLID : LineStyle.DASH, 1);
			if (retention(r))
				c.line(p + "retention (%)", n, retention, one ? colour(4) : shade(base, 0.3), one ? LineStyle.DASH : LineStyle.DASHDOT, 1);
		}
		return c;
	}
}

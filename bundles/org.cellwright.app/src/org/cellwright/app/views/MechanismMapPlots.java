package org.cellwright.app.views;

import static org.cellwright.app.views.RunStyles.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.cellwright.app.runs.MechanismMaps;
import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.Summary;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swtchart.LineStyle;

/**
 * The deformation-mechanism map of Li: flow stress vs size, log-log: dislocation plasticity ("smaller is stronger"),
 * diffusional creep ("smaller is much weaker") and the flow stress (the lower of the two); a vertical line marks the
 * interlayer's pore size. A run without mechanism-map.csv has its cell resolved again ({@link MechanismMaps}), which
 * takes a moment: done off the UI thread with the rest of the loading.
 */
final class MechanismMapPlots {

	static final String TITLE = "Deformation-mechanism map of Li";

	private MechanismMapPlots() {}

	static ChartContent of(List<RunFolder> runs) {
		List<String> notes = new ArrayList<>();
		double lo = Double.MAX_VALUE, hi = 0;
		List<MechanismMaps.Result> maps = runs.stream().map(MechanismMaps::of).toList();
		boolean one = runs.size() == 1;
		ChartContent c = new ChartContent(null);
		for (int ri = 0; ri < runs.size(); ri++) {
			RunFolder r = runs.get(ri);
			MechanismMaps.Result m = maps.get(ri);
			if (m.map() == null) {
				notes.add(label(runs, r) + ": " + m.note());
				continue;
			}
			String p = prefix(runs, r);
			double[] nm = Arrays.stream(m.map().sizeM()).map(s -> s * 1e9).toArray();
			// the flow stress (the softer mechanism) first, as a wide pale band under the two mechanisms
			double[][] ys = {m.map().flowMPa(), m.map().dislocationMPa(), m.map().creepMPa()};
			String[] names = {"flow stress", "dislocation plasticity", "diffusional creep"};
			for (int k = 0; k < 3; k++) {
				double[][] xy = positive(nm, ys[k], 1e-3, 2e3);
				if (xy[0].length == 0) continue;
				for (double v : xy[1]) {
					lo = Math.min(lo, v);
					hi = Math.max(hi, v);
				}
				RGB base = one ? PALETTE[k == 1 ? 0 : 1] : colour(ri);
				RGB col = k == 0 ? shade(one ? new RGB(60, 60, 60) : base, 0.6) : base;
				LineStyle style = one || k == 0 ? LineStyle.SOLID : k == 1 ? LineStyle.DASH : LineStyle.DOT;
				ChartContent.Series s = c.line(p + names[k], xy[0], xy[1], col, style, 0).noSymbols();
				if (k == 0) s.width(8);
			}
			if (!Double.isFinite(m.poreSizeM())) notes.add(label(runs, r) + ": no interlayer pore size to mark");
		}
		// the markers after the curves, spanning their stress range
		for (int ri = 0; ri < runs.size() && hi > 0; ri++) {
			RunFolder r = runs.get(ri);
			MechanismMaps.Result m = maps.get(ri);
			if (m.map() == null || !Double.isFinite(m.poreSizeM())) continue;
			double d = m.poreSizeM() * 1e9;
			c.line(prefix(runs, r) + String.format(Locale.ROOT, "interlayer pore size %.0f nm", d), new double[] {d, d},
					new double[] {lo, hi}, one ? colour(3) : colour(ri), LineStyle.DASH, 0).width(2).noSymbols();
		}
		c.logLog = !c.series().isEmpty();
		c.title = TITLE + temperatures(runs, maps) + (notes.isEmpty() ? "" : "  (" + String.join("; ", notes) + ")");
		return c;
	}

	/**
	 * The temperature the maps are drawn at, as the report's map title says it ({@link RunReport#mapTemperature}): " at
	 * 20 °C" where every map shown is drawn at the same one, else each run's, " (Cool at 20 °C; CutOff at 25 °C)". The
	 * title named none, so a run whose protocol set 20 degC showed its map without saying at which temperature (the map
	 * depends on it; session 31 walk). "" where no summary gives it.
	 */
	static String temperatures(List<RunFolder> runs, List<MechanismMaps.Result> maps) {
		List<String> each = new ArrayList<>();
		java.util.Set<String> distinct = new java.util.LinkedHashSet<>();
		for (int ri = 0; ri < runs.size(); ri++) {
			if (maps.get(ri).map() == null) continue;
			String at = org.cellwright.report.RunReport.mapTemperature(runs.get(ri));
			distinct.add(at);
			if (!at.isEmpty()) each.add(label(runs, runs.get(ri)) + at);
		}
		if (distinct.size() == 1) return distinct.iterator().next();
		return each.isEmpty() ? "" : " (" + String.join("; ", each) + ")";
	}

	/** The points with both coordinates positive and y within [min, max] (log axes). */
	static double[][] positive(double[] x, double[] y, double min, double max) {
		int n = 0;
		double[] xs = new double[x.length], ys = new double[x.length];
		for (int i = 0; i < x.length && i < y.length; i++)
			if (x[i] > 0 && y[i] >= min && y[i] <= max) {
				xs[n] = x[i];
				ys[n++] = y[i];
			}
		return new double[][] {Arrays.copyOf(xs, n), Arrays.copyOf(ys, n)};
	}
}

package org.cellwright.app.views;

import org.cellwright.measured.MeasuredQuantity;
import org.cellwright.run.folder.RunFolder;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swtchart.LineStyle;

/** The charts of a fit's report: the targets' voltage at the start and the fitted values against the measurement, and the cost history. */
final class FitPlots {

	private FitPlots() {}

	/** The chart's title for a cancelled fit, which has no before/ and after/ runs: why the chart has no simulation. */
	static final String CANCELLED = "Targets: cancelled: no before/after runs were made";

	/**
	 * Per target: measured (black, dashed), simulated at the start values (pale, dotted) and at the fitted values (solid).
	 * A cancelled fit makes no before/after runs (Fits.run stops before them): its title says so, where it was an empty
	 * chart without a word why (session 30 walk).
	 */
	static ChartContent beforeAfter(FitRecord f) {
		boolean simulated = f.targets().stream().anyMatch(t -> t.before() != null || t.after() != null);
		ChartContent c = new ChartContent(!simulated && f.status() == org.cellwright.fit.FitResult.Status.CANCELLED ? CANCELLED
				: "Targets: simulated at the start and at the fitted values");
		for (int k = 0; k < f.targets().size(); k++) {
			FitRecord.Target t = f.targets().get(k);
			RGB colour = RunStyles.colour(k);
			String p = f.targets().size() == 1 ? "" : t.experiment() + ": ";
			if (t.measured() != null && t.measured().series() != null) {
				double[] time = t.measured().series().values(MeasuredQuantity.TIME), v = t.measured().series().values(MeasuredQuantity.VOLTAGE);
				for (int i = 0; i < time.length; i++) time[i] /= 3600;
				c.line(p + "measured", time, v, new RGB(0, 0, 0), LineStyle.DASH, 0).width(1);
			}
			voltage(c, t.before(), p + "start values", RunStyles.shade(colour, 0.55), LineStyle.DOT);
			voltage(c, t.after(), p + "fitted values", colour, LineStyle.SOLID);
		}
		return c;
	}

	private static void voltage(ChartContent c, RunFolder r, String id, RGB colour, LineStyle style) {
		if (r == null || r.timeseries() == null) return;
		c.line(id, r.timeseries().column("time_h"), r.timeseries().column("voltage_V"), colour, style, 0);
	}

	/** The cost (sum of squared weighted residuals) after each improvement, log scale. */
	static ChartContent costHistory(FitRecord f) {
		ChartContent c = new ChartContent("Cost after each improvement");
		double[] y = f.costHistory();
		double[] x = new double[y.length];
		for (int i = 0; i < y.length; i++) x[i] = i + 1;
		if (y.length > 0) c.line("cost", x, y, RunStyles.colour(0), LineStyle.SOLID, 0).symbols(true);
		c.logY = y.length > 0 && java.util.Arrays.stream(y).allMatch(v -> v > 0);
		return c;
	}
}

package org.cellwright.app.views;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.cellwright.measured.CyclerDataReader;
import org.cellwright.measured.CyclerFormat;
import org.cellwright.measured.ErrorFigures;
import org.cellwright.measured.MeasuredDataException;
import org.cellwright.measured.MeasuredQuantity;
import org.cellwright.measured.MeasuredSeries;
import org.cellwright.run.fit.MeasuredComparison;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.folder.RunFolder;

/**
 * A measurement shown with a run: the run's own ({@code measured.bdf.csv}, kept beside it by the pipeline, read with
 * the one reader of cycler data) or one imported in the IDE; the error figures of the run against it, computed as
 * the pipeline computes {@code measured-comparison.json} ({@link ErrorFigures#compare}); and per cycle the
 * measured charge and discharge capacity. {@code problem} says why a part is missing.
 */
public record Measurement(RunFolder run, MeasuredSeries series, ErrorFigures figures, double areaM2,
		Map<Integer, double[]> capacityByCycle, String problem) {

	/** The run's own measurement (null when it has none), or the imported series when given. */
	static Measurement of(RunFolder run, MeasuredSeries imported) {
		MeasuredSeries series = imported;
		if (series == null) {
			Path file = run.folder().resolve(RunFiles.MEASURED);
			if (!Files.isRegularFile(file)) return null;
			try {
				series = new CyclerDataReader().format(CyclerFormat.BDF).read(file);
			} catch (MeasuredDataException e) {
				return new Measurement(run, null, null, Double.NaN, Map.of(), e.getMessage());
			}
		}
		// inputs.json's area, else summary.json's: a liquid-electrolyte (DFN) run keeps no inputs.json, and its
		// comparison read "not compared: the run has no inputs.json" where measured-comparison.json had the figures
		double area = run.areaM2();
		ErrorFigures figures = null;
		String problem = null;
		if (run.timeseries() == null) problem = "the run has no time series to compare with";
		else if (!(area > 0)) problem = "neither inputs.json nor summary.json gives the cell's area: capacities are not compared";
		else {
			try {
				figures = ErrorFigures.compare(series, MeasuredComparison.simulated(run, area));
			} catch (IllegalArgumentException e) {
				problem = e.getMessage();
			}
		}
		return new Measurement(run, series, figures, area, area > 0 ? capacities(series, area) : Map.of(), problem);
	}

	/** Per cycle {charge, discharge} [mAh/cm2]: current integrated in time (trapezoids), charge positive. */
	static Map<Integer, double[]> capacities(MeasuredSeries s, double areaM2) {
		Map<Integer, double[]> out = new TreeMap<>();
		if (!s.has(MeasuredQuantity.CURRENT)) return out;
		double[] t = s.values(MeasuredQuantity.TIME), i = s.values(MeasuredQuantity.CURRENT);
		double[] c = s.has(MeasuredQuantity.CYCLE) ? s.values(MeasuredQuantity.CYCLE) : null;
		double perMAhCm2 = 1 / (3.6 * areaM2 * 1e4); // C -> mAh, per cm2
		for (int k = 1; k < t.length; k++) {
			double q = 0.5 * (i[k - 1] + i[k]) * (t[k] - t[k - 1]) * perMAhCm2;
			double[] acc = out.computeIfAbsent(c == null ? 1 : (int) Math.round(c[k]), x -> new double[2]);
			if (q > 0) acc[0] += q;
			else acc[1] -= q;
		}
		return out;
	}

	/** "measured" with the run's name when several runs are shown. */
	String label(java.util.List<RunFolder> runs) {
		return RunStyles.prefix(runs, run) + "measured" + (series != null && series.source() != null
				&& !series.source().getFileName().toString().equals(RunFiles.MEASURED) ? " (" + series.source().getFileName() + ")" : "");
	}
}

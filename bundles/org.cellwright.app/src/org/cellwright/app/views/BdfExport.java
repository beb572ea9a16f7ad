package org.cellwright.app.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import org.cellwright.measured.BdfWriter;
import org.cellwright.measured.ErrorFigures;
import org.cellwright.measured.MeasuredQuantity;
import org.cellwright.measured.MeasuredSeries;
import org.cellwright.run.fit.MeasuredComparison;
import org.cellwright.run.folder.RunFolder;

/**
 * A run's time series written as Battery Data Format CSV by the measured bundle's {@link BdfWriter}: test time,
 * voltage, current in A (from the run's current density and its cell's area, charge positive), cycle and step counts.
 * A run whose area neither inputs.json nor summary.json gives ({@link RunFolder#areaM2}) has its current left out.
 */
public final class BdfExport {

	private BdfExport() {}

	/** The series of a run in SI, as the pipeline compares it with a measurement ({@link MeasuredComparison#simulated}). */
	public static MeasuredSeries series(RunFolder run) {
		if (run.timeseries() == null) throw new IllegalArgumentException(run.folder() + ": the run has no time series");
		double area = run.areaM2();
		ErrorFigures.Simulated s = MeasuredComparison.simulated(run, area > 0 ? area : 1);
		Map<MeasuredQuantity, double[]> cols = new EnumMap<>(MeasuredQuantity.class);
		cols.put(MeasuredQuantity.TIME, s.time());
		cols.put(MeasuredQuantity.VOLTAGE, s.voltage());
		if (area > 0) cols.put(MeasuredQuantity.CURRENT, s.current());
		cols.put(MeasuredQuantity.CYCLE, java.util.Arrays.stream(s.cycle()).asDoubleStream().toArray());
		cols.put(MeasuredQuantity.STEP, java.util.Arrays.stream(s.step()).asDoubleStream().toArray());
		return new MeasuredSeries(cols, run.folder(), "CellWright");
	}

	/** Writes the run's series as BDF (beside the target, then moved into place). */
	public static void write(RunFolder run, Path target) throws IOException {
		BdfWriter.write(series(run), target);
	}
}

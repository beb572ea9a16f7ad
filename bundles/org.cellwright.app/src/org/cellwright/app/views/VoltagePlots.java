package org.cellwright.app.views;

import static org.cellwright.app.views.RunStyles.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.HalfCycles;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.Summary;
import org.cellwright.solver.input.StepNumbers;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swtchart.LineStyle;

/** The voltage charts: cell voltage vs time, and voltage vs the capacity passed in each charge and discharge, per cycle. */
final class VoltagePlots {

	private VoltagePlots() {}

	/** Voltage vs time, one line per run. */
	static ChartContent voltage(List<RunFolder> runs) {
		ChartContent c = new ChartContent(runs.size() == 1 ? "Cell voltage: " + label(runs, runs.get(0)) : "Cell voltage");
		for (int i = 0; i < runs.size(); i++) {
			RunFolder r = runs.get(i);
			if (r.timeseries() == null) continue;
			double[] t = r.timeseries().column("time_h"), v = r.timeseries().column("voltage_V");
			if (t != null && v != null) c.line(label(runs, r), t, v, colour(i), LineStyle.SOLID, 0);
		}
		return c;
	}

	/**
	 * One curve per charge and per discharge ({@link HalfCycles}: a CC charge and its voltage hold are one curve) of a
	 * few cycles (all when at most 10, else 8 spread from the first to the last), voltage against the capacity passed in
	 * it. One run: cycles coloured from blue (first) to red (last); several runs: each run in its colour, early cycles
	 * paler.
	 */
	static ChartContent voltageCapacity(List<RunFolder> runs) {
		ChartContent c = new ChartContent(null);
		for (int ri = 0; ri < runs.size(); ri++) {
			RunFolder r = runs.get(ri);
			CsvTable ts = r.timeseries();
			if (ts == null) continue;
			int last = (int) Arrays.stream(ts.column("cycle")).filter(Double::isFinite).max().orElse(0);
			List<Integer> chosen = chosenCycles(last);
			String previous = null;
			// a curve's id, which the read-out line shows and the CSV export writes, names its first step as the run's
			// messages do (StepNumbers: "cycle 3, step 2.1 (line 14)"), not by the solver's flattened index from 0; a
			// step met again in the same cycle (a repeat within it) is told apart by its count there
			StepNumbers numbers = StepNumbers.of(r.protocol());
			Map<String, Integer> named = new HashMap<>();
			for (HalfCycles.Curve h : HalfCycles.of(ts)) {
				int k = chosen.indexOf(h.cycle());
				if (k < 0) continue;
				double f = chosen.size() == 1 ? 0 : (double) k / (chosen.size() - 1);
				RGB col = runs.size() == 1 ? gradient(f) : shade(colour(ri), 0.55 * (1 - f));
				String description = prefix(runs, r) + "cycle " + h.cycle();
				String id = prefix(runs, r) + numbers.at(h.cycle(), h.firstStep());
				int again = named.merge(id, 1, Integer::sum);
				c.line(again == 1 ? id : id + " (" + again + ")", h.capacity(), h.voltage(), col, style(ri), 0).noSymbols()
						.legend(description, !description.equals(previous));
				previous = description;
			}
		}
		return c;
	}

	/** The cycles drawn: all up to 10, else 8 spread from the first to the last. */
	static List<Integer> chosenCycles(int last) {
		List<Integer> out = new ArrayList<>();
		if (last <= 10) {
			for (int i = 1; i <= last; i++) out.add(i);
		} else {
			for (int k = 0; k < 8; k++) {
				int n = 1 + (int) Math.round(k * (last - 1) / 7.0);
				if (!out.contains(n)) out.add(n);
			}
		}
		return out;
	}
}

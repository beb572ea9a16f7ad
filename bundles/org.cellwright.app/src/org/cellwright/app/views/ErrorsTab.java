package org.cellwright.app.views;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cellwright.lang.text.Printable;
import org.cellwright.measured.ErrorFigures;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.solver.input.StepNumbers;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

/**
 * The error figures of the runs shown against their measurements: voltage RMS and largest error over all points,
 * RMS per cycle and per step, and per cycle the measured and simulated discharge capacity with the relative error.
 * The tab is there only while a run shown has a measurement.
 */
final class ErrorsTab extends TableTab {

	static final String[] COLUMNS = {"Run", "Figure", "Cycle", "Step", "Measured", "Simulated", "Error"};

	ErrorsTab(CTabFolder tabs) {
		super(tabs, ResultsView.ERRORS, "Measured vs simulated: voltage RMS error per cycle and step, capacity error per cycle", COLUMNS, i -> i < 2 ? SWT.LEFT : SWT.RIGHT); // Run, Figure left
	}

	void show(List<RunFolder> runs, List<Measurement> ms) {
		if (ms.isEmpty()) {
			remove();
			return;
		}
		Table table = emptyTable();
		for (Measurement m : ms) {
			String run = RunStyles.label(runs, m.run());
			if (m.problem() != null) row(run, "not compared: " + Printable.escape(m.problem()), "", "", "", "", "");
			ErrorFigures f = m.figures();
			if (f == null) continue;
			row(run, "voltage RMS error (" + f.points() + " points)", "all", "", "", "", mV(f.voltageRms()));
			row(run, "largest voltage error", "all", "", "", "", mV(f.voltageMax()));
			for (Map.Entry<Integer, Double> e : f.rmsByCycle().entrySet())
				row(run, "voltage RMS error", e.getKey().toString(), "", "", "", mV(e.getValue()));
			// a step of the simulation (the measurement has no step column) named as the report and the run's messages
			// name it (StepNumbers: "3.2 (line 14)"), not by the solver's index in the flattened protocol (msg31b)
			StepNumbers numbers = StepNumbers.of(m.run().protocol());
			for (Map.Entry<String, Double> e : f.rmsByStep().entrySet()) {
				String[] cs = e.getKey().split("\\.", 2);
				String step = cs.length > 1 ? cs[1] : "";
				if (f.simulatedSteps() && step.matches("\\d+")) step = numbers.written(Integer.parseInt(step));
				row(run, "voltage RMS error", cs[0], step, "", "", mV(e.getValue()));
			}
			for (ErrorFigures.CycleCapacity c : f.capacityByCycle())
				row(run, "discharge capacity", Integer.toString(c.cycle()), "", mAh(c.measured()), mAh(c.simulated()),
						String.format(Locale.ROOT, "%+.2f %%", 100 * c.relativeError()));
		}
		packColumns();
	}

	private void row(String... cells) {
		new TableItem(table(), SWT.NONE).setText(cells);
	}

	private static String mV(double v) {
		return String.format(Locale.ROOT, "%.2f mV", 1000 * v);
	}

	private static String mAh(double coulombs) {
		return String.format(Locale.ROOT, "%.4f mAh", coulombs / 3.6);
	}
}

package org.cellwright.measured.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.cellwright.measured.MeasuredQuantity;
import org.cellwright.solver.bench.SvgLinePlot;
import org.cellwright.solver.params.Ecker2015;

/**
 * The README's figure of the measured Ecker 2015 Kokam discharges (1 C and 5 C, digitised) against the DFN with the
 * published set (not fitted), isothermal and with the set's lumped thermal model: the runs and error figures of
 * EckerDischargeTest, drawn by the solver's SvgLinePlot. Run (from the clone, the measured data found above it):
 * java -cp <measured.tests, measured, lang, solver classes and their jars> org.cellwright.measured.tests.EckerFigure docs/dfn-ecker.svg
 */
public final class EckerFigure {
	private EckerFigure() {}

	public static void main(String[] args) throws Exception {
		String[] colours = { "#1f77b4", "#d62728" };
		List<SvgLinePlot.Panel> panels = new java.util.ArrayList<>();
		for (int rate : new int[] { 1, 5 }) {
			double end = 3600.0 / rate;
			SvgLinePlot.Panel p = new SvgLinePlot.Panel("Ecker 2015 Kokam, " + rate + " C: measured and CellWright", "time [s]",
					"voltage [V]", 0, end * 1.1, 2.4, 4.2);
			EckerDischargeTest.Discharge iso = EckerDischargeTest.discharge(Ecker2015.cell(), rate, false);
			EckerDischargeTest.Discharge th = EckerDischargeTest.discharge(Ecker2015.cell(), rate, true);
			p.add("measured (digitised)", "black", iso.measured().values(MeasuredQuantity.TIME), iso.measured().values(MeasuredQuantity.VOLTAGE), true);
			p.add(String.format(Locale.ROOT, "isothermal: %.1f mV RMS", 1e3 * iso.errors().voltageRms()), colours[0],
					iso.simulated().times(), iso.simulated().voltages(), false);
			p.add(String.format(Locale.ROOT, "lumped thermal: %.1f mV RMS", 1e3 * th.errors().voltageRms()), colours[1],
					th.simulated().times(), th.simulated().voltages(), false);
			for (EckerDischargeTest.Discharge d : List.of(iso, th))
				System.out.printf(Locale.ROOT, "Ecker 2015 %d C%s: RMS %.1f mV, largest %.1f mV over %d measured points; end %.1f s, %.4f V, %.1f K%n",
						rate, d == th ? " (thermal)" : "", 1e3 * d.errors().voltageRms(), 1e3 * d.errors().voltageMax(), d.errors().points(),
						d.simulated().last().time(), d.simulated().last().voltage(), d.simulated().last().temperature());
			panels.add(p);
		}
		Path out = Path.of(args.length > 0 ? args[0] : "docs/dfn-ecker.svg");
		Files.writeString(out, SvgLinePlot.render(panels));
		System.out.println("figure: " + out);
	}
}

package org.cellwright.report;

import static org.cellwright.report.Html.esc;
import static org.cellwright.report.Html.fmt;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.StepNumbers;
import org.cellwright.solver.input.StepSpec;

/**
 * A protocol as a readable numbered list in lab units ("discharge at 0.1 mA/cm² for 10 h"). Direction words follow
 * the sign convention: positive current = the working electrode is oxidised = "charge". Each step shows its number and
 * the line the file wrote it at as the run's messages name it ({@link StepNumbers}: "3.2 discharge at 1C until V ≤ 2.8 V
 * (line 14)"), so "cycle 5, step 3.2" in a warning is found here and in the file.
 */
final class ProtocolText {
	private ProtocolText() {}

	static String html(ProtocolSpec p) {
		StringBuilder b = new StringBuilder();
		list(p.steps(), StepNumbers.of(p).nodes().iterator(), b);
		return b.toString();
	}

	private static void list(List<StepSpec> steps, Iterator<StepNumbers.Node> numbers, StringBuilder b) {
		b.append("<ol class=\"steps\">");
		for (StepSpec s : steps) {
			StepNumbers.Node n = numbers.next();
			b.append("<li><span class=\"step-number\">").append(esc(n.number())).append("</span> ");
			if (s instanceof StepSpec.Repeat r) {
				b.append("repeat ").append(r.count()).append(" \u00d7").append(place(n));
				list(r.steps(), numbers, b);
			} else {
				b.append(esc(step(s))).append(place(n));
			}
			b.append("</li>");
		}
		b.append("</ol>");
	}

	private static String place(StepNumbers.Node n) {
		return n.place() == null ? "" : " <span class=\"step-place\">(" + esc(n.place()) + ")</span>";
	}

	static String step(StepSpec s) {
		return switch (s) {
			case StepSpec.ConstantCurrent cc -> direction(cc.value()) + " at " + switch (cc.mode()) {
				case DENSITY -> fmt(Math.abs(cc.value()) * 0.1, 3) + " mA/cm\u00b2";
				case CURRENT -> fmt(Math.abs(cc.value()) * 1e3, 3) + " mA";
				case C_RATE -> cRate(Math.abs(cc.value()));
			} + until(cc.cutoffs());
			case StepSpec.ConstantVoltage cv -> "hold " + fmt(cv.voltage(), 4) + " V" + until(cv.cutoffs());
			case StepSpec.ConstantPower cp -> direction(cp.powerDensity()) + " at constant power " + fmt(Math.abs(cp.powerDensity()) * 0.1, 3)
					+ " mW/cm\u00b2" + until(cp.cutoffs());
			case StepSpec.Follow f -> "follow " + f.source() + " (" + (f.power() ? "power" : "current") + ", " + f.time().length + " samples)"
					+ until(f.cutoffs());
			case StepSpec.Rest r -> "rest" + until(r.cutoffs());
			case StepSpec.Repeat r -> "repeat " + r.count() + " \u00d7";
			case StepSpec.SetTemperature t -> "set temperature to " + fmt(t.temperature() - 273.15, 4) + " \u00b0C";
			case StepSpec.SetStackPressure p -> "set stack pressure to " + fmt(p.pressure() / 1e6, 3) + " MPa";
		};
	}

	private static String direction(double v) { return v > 0 ? "charge" : v < 0 ? "discharge" : "hold zero current"; }

	private static String cRate(double c) {
		if (c > 0 && c < 1 && Math.abs(1 / c - Math.rint(1 / c)) < 1e-6) return "C/" + (long) Math.rint(1 / c);
		return fmt(c, 3) + "C";
	}

	private static String until(List<Cutoff> cs) {
		if (cs.isEmpty()) return "";
		List<String> parts = new ArrayList<>();
		for (Cutoff c : cs) parts.add(switch (c.kind()) {
			case DURATION -> "for " + duration(c.value());
			case VOLTAGE_ABOVE -> "until V \u2265 " + fmt(c.value(), 4) + " V" + (c.window() ? " (the cell's voltage window)" : "");
			case VOLTAGE_BELOW -> "until V \u2264 " + fmt(c.value(), 4) + " V" + (c.window() ? " (the cell's voltage window)" : "");
			case CAPACITY -> "until " + fmt(c.value() / 36000, 3) + " mAh/cm\u00b2";
			case CURRENT_BELOW -> "until |I| < " + fmt(c.value() * 0.1, 3) + " mA/cm\u00b2";
			case CURRENT_BELOW_C_RATE -> "until |I| < " + cRate(c.value());
		});
		return " " + String.join(" or ", parts);
	}

	static String duration(double s) {
		if (s >= 3600) return fmt(s / 3600, 4) + " h";
		if (s >= 60) return fmt(s / 60, 4) + " min";
		return fmt(s, 4) + " s";
	}
}

package org.cellwright.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cellwright.run.Problem.Severity;
import org.cellwright.lang.units.Units;
import org.cellwright.model.CellwrightFactory;
import org.cellwright.model.Experiment;
import org.cellwright.model.Quantity;
import org.cellwright.model.Sweep;
import org.cellwright.model.SweepParameter;

/**
 * A sweep expanded into its runs: the full factorial of its {@code vary} lists and ranges, in the order written
 * (the last parameter varies fastest). Each run is the sweep's experiment with the cell's values replaced at the
 * DSL boundary ({@link SimulationInputs#of(Experiment, String, Map)}), in a folder named after the values
 * ({@code InterlayerHalfCell-stack-pressure=5MPa-temperature=20degC}).
 */
public final class Sweeps {

	/** One run of a sweep: its folder name and the values it replaces (target -> quantity as written). */
	public record Run(String folderName, Map<String, Quantity> overrides) {}

	private Sweeps() {}

	public static List<Run> expand(Sweep s) {
		Experiment x = s.getExperiment();
		if (x == null || x.eIsProxy())
			throw new InputException(CellFiles.problemAt(s, Severity.ERROR, "sweep " + s.getName() + " names no experiment"));
		// counted before anything is listed: a range of 4e10 values ran out of memory (fuzz20)
		double size = 1;
		for (SweepParameter p : s.getParameters()) size *= Math.max(1, count(p));
		if (size > org.cellwright.lang.Limits.MAX_SWEEP_RUNS)
			throw new InputException(CellFiles.problemAt(s, Severity.ERROR, String.format(java.util.Locale.ROOT,
					"sweep %s runs %.3g simulations (full factorial), more than %,d (the limit)", s.getName(), size,
					org.cellwright.lang.Limits.MAX_SWEEP_RUNS)));
		List<Run> runs = new ArrayList<>();
		runs.add(new Run(x.getName(), new LinkedHashMap<>()));
		for (SweepParameter p : s.getParameters()) {
			List<Quantity> values = values(p);
			List<Run> next = new ArrayList<>();
			for (Run r : runs)
				for (Quantity q : values) {
					Map<String, Quantity> o = new LinkedHashMap<>(r.overrides());
					o.put(p.getTarget(), q);
					next.add(new Run(r.folderName() + "-" + safe(p.getTarget()) + "=" + safe(text(q)), o));
				}
			runs = next;
		}
		return runs;
	}

	/** The values of one parameter: the list as written, or from..to by step in the unit of 'from'. */
	static List<Quantity> values(SweepParameter p) {
		if (p.getFrom() == null) return List.copyOf(p.getValues());
		String unit = unitOf(p.getFrom());
		double a = p.getFrom().getValue(), st = step(p);
		List<Quantity> out = new ArrayList<>();
		long n = (long) count(p) - 1;
		for (long i = 0; i <= n; i++) out.add(quantity(Math.round((a + i * st) * 1e9) / 1e9, unit));
		return out;
	}

	/** How many values a parameter takes (a range's as a double: it may be beyond any list). */
	static double count(SweepParameter p) {
		if (p.getFrom() == null) return p.getValues().size();
		double st = step(p), a = p.getFrom().getValue(), b = Units.convert(p.getTo().getValue(), unitOf(p.getTo()), unitOf(p.getFrom()));
		return Math.floor((b - a) / st + 1e-9) + 1;
	}

	/** A range's step in the unit of 'from', checked. */
	private static double step(SweepParameter p) {
		Quantity from = p.getFrom(), to = p.getTo(), step = p.getStep();
		if (to == null || step == null)
			throw new InputException(CellFiles.problemAt(p, Severity.ERROR, "a range needs 'from ... to ... step ...'"));
		String unit = unitOf(from);
		double b = Units.convert(to.getValue(), unitOf(to), unit);
		// a step is a difference: only the factor matters (20 degC to 60 degC step 40 degC)
		double st = step.getValue() * Units.parse(unitOf(step)).factor() / Units.parse(unit).factor();
		if (!(st > 0) || b < from.getValue())
			throw new InputException(CellFiles.problemAt(p, Severity.ERROR, "a range runs upwards with a step > 0"));
		return st;
	}

	private static String unitOf(Quantity q) {
		return q.getUnit() == null ? "" : q.getUnit();
	}

	public static Quantity quantity(double v, String unit) {
		Quantity q = CellwrightFactory.eINSTANCE.createQuantity();
		q.setValue(v);
		q.setUnit(unit);
		return q;
	}

	public static String text(Quantity q) {
		double v = q.getValue();
		String n = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
		return n + unitOf(q);
	}

	/** A value for messages: {@code 8 um}. */
	public static String spaced(Quantity q) {
		String u = unitOf(q);
		String t = text(q);
		return u.isEmpty() ? t : t.substring(0, t.length() - u.length()) + " " + u;
	}

	/** Letters, digits, '.', '-', '=' and '_' only: '/' becomes '_per_', '%' 'pct'. */
	static String safe(String s) {
		return s.replace("/", "_per_").replace("%", "pct").replaceAll("[^A-Za-z0-9._=-]", "_");
	}
}

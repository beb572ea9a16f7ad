package org.cellwright.run;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cellwright.lang.expectations.Metric;
import org.cellwright.lang.expectations.Points;
import org.cellwright.lang.units.Unit;
import org.cellwright.lang.units.Units;
import org.cellwright.model.CellwrightFactory;
import org.cellwright.model.Comparison;
import org.cellwright.model.Expectation;
import org.cellwright.model.Experiment;
import org.cellwright.model.Quantity;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.solver.input.StepNumbers;
import org.cellwright.solver.input.json.ResolvedInputs;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * The {@code expect} clauses of an experiment evaluated on its run: one {@link Check} each, written to
 * {@code checks.json} in the run folder (read by the report and the IDE) and printed as the comparison table.
 * Values are compared in SI; numbers are shown in the expectation's own unit (converted by {@link Units} only).
 */
public final class Checks {

	/** One expectation against the simulation; numbers in the expectation's unit (null for a status or a missing value). */
	public record Check(String experiment, String quantity, String metric, String expected, String simulated, boolean pass,
			Double expectedValue, Double tolerance, Double simulatedValue, String unit, String source, String file, int line,
			String note, String reads) {
		/** The check as the report and the command line's table name it: {@link Checks#named}. */
		public String named() {
			return Checks.named(quantity, reads);
		}
	}

	/** The widest quantity of the command line's table: a label and what it reads ({@link #named}), then cut. */
	private static final int QUANTITY_WIDTH = 96;

	private Checks() {}

	/**
	 * Evaluates the expect clauses of a unit on its run in {@code runFolder} (its summary.json): the experiment's, or
	 * those its inputs.json records (a re-run checks as its run did; none: no checks). Steps are named from the protocol
	 * the unit ran, as the run's messages and the report name them ({@link StepNumbers}: the one protocol, in memory, not
	 * read again from the folder). The one evaluation of a run from a .cell file, of a re-run from its inputs.json, and
	 * of a fit's simulation.
	 */
	public static List<Check> evaluate(RunUnit u, JsonObject summary, Path runFolder) {
		StepNumbers steps = StepNumbers.of(u.protocol());
		if (u.experiment() != null) return evaluate(u.experiment().getName(), clauses(u.experiment()), fileOf(u.experiment()), summary, runFolder, steps, u.dfn() != null);
		if (u.inputs() == null || u.inputs().expectations() == null) return List.of();
		return evaluate(u.provenance().experiment(), u.inputs().expectations(), u.sourceFile() == null ? null : Problem.display(Path.of(u.sourceFile())),
				summary, runFolder, steps, u.dfn() != null);
	}

	private static List<Check> evaluate(String experiment, List<ResolvedInputs.Expect> clauses, String file, JsonObject summary, Path runFolder,
			StepNumbers steps, boolean dfn) {
		List<Check> out = new ArrayList<>();
		for (ResolvedInputs.Expect c : clauses)
			out.add(evaluate(experiment, c, file, new Metric.Run(summary, runFolder, c.point() == null || c.pointFirstStep() < 0 ? null
					: new Metric.Point(c.point(), c.pointFirstStep(), c.pointLastStep(), c.pointRuns().stream().map(Metric.Runs::of).toList()),
					steps, dfn)));
		return out;
	}

	/** The file an experiment is written in, as {@link Problem#display} shows it (null when it is in no file). */
	public static String fileOf(Experiment x) {
		return x.eResource() != null && x.eResource().getURI().isFile() ? Problem.display(Path.of(x.eResource().getURI().toFileString())) : null;
	}

	/**
	 * An experiment's expect clauses as data, what a run's inputs.json records of them: each with its numbers and unit
	 * and their text as written ("92.0 %"), its line, label and source, and its named point ({@code at probe}) with the
	 * solver's step numbers of that step group's last run ({@link Points#find}), and, read in a cycle ({@code of cycle N
	 * at probe}), of all its runs ({@link Points#runs}).
	 */
	public static List<ResolvedInputs.Expect> clauses(Experiment x) {
		List<ResolvedInputs.Expect> out = new ArrayList<>();
		for (Expectation e : x.getExpectations()) {
			ICompositeNode node = NodeModelUtils.findActualNodeFor(e);
			Quantity v = e.getValue(), t = e.getTolerance();
			String unit = v == null ? null : v.getUnit() == null ? "" : v.getUnit(), tolUnit = t == null ? null : t.getUnit() == null ? "" : t.getUnit();
			Metric.Point point = Points.find(x, e.getPoint());
			out.add(new ResolvedInputs.Expect(e.getLabel(), e.isAverage(), e.getMetric(), e.getCycle(), e.getReference(), e.getFromCycle(),
					e.getComparison().getName(), v == null ? null : v.getValue(), unit, v == null ? null : written(v, v.getValue(), unit), e.getState(),
					t == null ? null : t.getValue(), tolUnit, t == null ? null : written(t, t.getValue(), tolUnit), e.getSource(),
					node == null ? 0 : node.getStartLine(), e.getPoint(), point == null ? -1 : point.firstStep(), point == null ? -1 : point.lastStep(),
					point == null || e.getCycle() <= 0 ? List.of() : Points.runs(x, e.getPoint()).stream().map(Metric.Runs::numbers).toList(),
					e.getStep()));
		}
		return out;
	}

	/** A clause as the model element the metrics read (in no resource). */
	private static Expectation expectation(ResolvedInputs.Expect c) {
		Expectation e = CellwrightFactory.eINSTANCE.createExpectation();
		e.setLabel(c.label());
		e.setAverage(c.average());
		e.setMetric(c.metric());
		e.setCycle(c.cycle());
		e.setReference(c.reference());
		e.setFromCycle(c.fromCycle());
		e.setComparison(Comparison.getByName(c.comparison()));
		e.setState(c.state());
		e.setSource(c.source());
		e.setPoint(c.point());
		e.setStep(c.step());
		if (c.value() != null) e.setValue(quantity(c.value(), c.unit()));
		if (c.tolerance() != null) e.setTolerance(quantity(c.tolerance(), c.toleranceUnit()));
		return e;
	}

	private static Quantity quantity(double value, String unit) {
		Quantity q = CellwrightFactory.eINSTANCE.createQuantity();
		q.setValue(value);
		q.setUnit(unit == null || unit.isEmpty() ? null : unit);
		return q;
	}

	static Check evaluate(String experiment, ResolvedInputs.Expect c, String file, Metric.Run run) {
		Expectation e = expectation(c);
		Metric m = Metric.find(e.getMetric()).orElse(null);
		int line = c.line();
		String quantity = e.getLabel() != null ? e.getLabel() : describe(e), reads = e.getLabel() != null ? describe(e) : "";
		if (m == null)
			return new Check(experiment, quantity, e.getMetric(), "?", "-", false, null, null, null, null, e.getSource(), file, line,
					"unknown metric '" + e.getMetric() + "'", reads);
		Metric.Value v = m.evaluate(run, e);
		if (m.isState()) {
			String expected = e.getState();
			boolean pass = !v.isMissing() && expected != null && expected.equals(v.state());
			return new Check(experiment, quantity, m.dslName(), expected, v.isMissing() ? "-" : v.state(), pass, null, null, null, null,
					e.getSource(), file, line, v.missing(), reads);
		}
		String unitSymbol = c.unit() == null ? "" : c.unit();
		Unit unit = Units.parse(unitSymbol);
		double expected = c.value();
		Double tol = c.tolerance() == null ? null
				: Units.parse(c.toleranceUnit() == null ? "" : c.toleranceUnit()).factor() * c.tolerance() / unit.factor();
		// numbers as written ("92.0 %"); the simulated value with one decimal more than the expectation has
		String value = c.valueText() != null ? c.valueText() : written(null, expected, unitSymbol);
		String tolText = c.tolerance() == null ? null : c.toleranceText() != null ? c.toleranceText()
				: written(null, c.tolerance(), c.toleranceUnit() == null ? "" : c.toleranceUnit());
		int decimals = Math.max(decimals(value), tolText == null ? 0 : decimals(tolText)) + 1;
		String expectedText = switch (e.getComparison()) {
			case EQUAL -> value + " ± " + tolText;
			case LESS -> "< " + value;
			case GREATER -> "> " + value;
		};
		if (v.isMissing() || v.si() == null)
			return new Check(experiment, quantity, m.dslName(), expectedText, "-", false, expected, tol, null, unitSymbol, e.getSource(), file,
					line, v.missing(), reads);
		double sim = unit.fromSI(v.si());
		boolean pass = switch (e.getComparison()) {
			case EQUAL -> Math.abs(sim - expected) <= tol * (1 + 1e-9) + 1e-12;
			case LESS -> sim < expected;
			case GREATER -> sim > expected;
		};
		return new Check(experiment, quantity, m.dslName(), expectedText, fmt(sim, decimals, unitSymbol), pass, expected, tol, sim, unitSymbol,
				e.getSource(), file, line, v.note(), reads);
	}

	/**
	 * What a clause reads, as written without its label: "coulombic-efficiency of cycle 1", "average
	 * coulombic-efficiency", "capacity-retention of cycle 200 relative to cycle 2", "cathode-interfacial-resistance at
	 * probe".
	 */
	public static String describe(ResolvedInputs.Expect c) {
		return describe(expectation(c));
	}

	static String describe(Expectation e) {
		StringBuilder b = new StringBuilder();
		if (e.isAverage()) b.append("average ");
		b.append(e.getMetric());
		if (e.getCycle() > 0) b.append(" of cycle ").append(e.getCycle());
		if (e.getStep() != null) b.append(" step ").append(e.getStep());
		if (e.getReference() > 0) b.append(" relative to cycle ").append(e.getReference());
		if (e.getFromCycle() > 0) b.append(" from cycle ").append(e.getFromCycle());
		if (e.getPoint() != null) b.append(" at ").append(e.getPoint());
		return b.toString();
	}

	/**
	 * What a labelled check of a run folder reads, as its clause says it without the label
	 * ("cathode-interfacial-resistance at probe30": the clause of the run's inputs.json at the check's line, else the
	 * check's metric); "" for a check without a label, whose quantity says it already.
	 */
	public static String reads(ResolvedInputs inputs, RunFolder.Check ch) {
		var expects = inputs == null ? null : inputs.expectations();
		if (expects != null)
			for (var e : expects)
				if (e.line() == ch.line() && e.metric() != null && e.metric().equals(ch.metric()))
					return e.label() == null ? "" : describe(e);
		return ch.metric() == null || ch.metric().equals(ch.quantity()) ? "" : ch.metric();
	}

	/**
	 * A check as the report and the command line's table name it: its label, then what it reads as the Checks tab's
	 * Reads column has it ("crossrail resistance, 62 wt%, 30 degC (cathode-interfacial-resistance at probe30)"); the
	 * quantity alone when it says that already (a clause without a label).
	 */
	public static String named(String quantity, String reads) {
		if (reads == null || reads.isEmpty() || quantity == null || quantity.contains(reads)) return quantity;
		return quantity + " (" + reads + ")";
	}

	/** Writes {@code checks.json} ({@link org.cellwright.run.store.Atomic}): {"experiment": name, "checks": [...]} (an empty list when nothing is expected). */
	public static void write(Path runFolder, String experiment, List<Check> checks) {
		JsonObject root = new JsonObject();
		root.addProperty("experiment", experiment);
		JsonArray a = new JsonArray();
		for (Check c : checks) {
			JsonObject o = new JsonObject();
			o.addProperty("quantity", c.quantity());
			o.addProperty("metric", c.metric());
			o.addProperty("expected", c.expected());
			o.addProperty("simulated", c.simulated());
			o.addProperty("pass", c.pass());
			num(o, "expected_value", c.expectedValue());
			num(o, "tolerance", c.tolerance());
			num(o, "simulated_value", c.simulatedValue());
			o.addProperty("unit", c.unit());
			o.addProperty("source", c.source());
			o.addProperty("file", c.file());
			o.addProperty("line", c.line());
			if (c.note() != null) o.addProperty("note", c.note());
			a.add(o);
		}
		root.add("checks", a);
		// whole or not at all, as the folder's other files (session 29: written in place, a process killed while writing it
		// left a cut checks.json, which a recovered run's "files missing" counted as there)
		org.cellwright.run.store.Atomic.writeString(runFolder.resolve(RunFiles.CHECKS),
				new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(root));
	}

	private static void num(JsonObject o, String key, Double v) {
		if (v == null || !Double.isFinite(v)) o.add(key, JsonNull.INSTANCE);
		else o.addProperty(key, v);
	}

	/** The comparison table of all checks of all runs, then the count; returns the number of failed checks. */
	public static int printTable(PrintWriter o, List<Check> checks) {
		return printTable(o, checks, false);
	}

	/**
	 * {@link #printTable(PrintWriter, List)} for a command that exits 1 for other errors ({@code otherErrors}: input
	 * errors, runs that did not finish), which come before the failed checks' 3: the count said "(exit code 3)" then
	 * while the command exited 1 (session 19).
	 */
	public static int printTable(PrintWriter o, List<Check> checks, boolean otherErrors) {
		if (checks.isEmpty()) return 0;
		String[] head = { "quantity", "experiment", "study", "simulated", "" };
		int[] w = { head[0].length(), head[1].length(), head[2].length(), head[3].length(), 4 };
		for (Check c : checks) {
			w[0] = Math.max(w[0], Math.min(QUANTITY_WIDTH, c.named().length()));
			w[1] = Math.max(w[1], c.experiment().length());
			w[2] = Math.max(w[2], c.expected().length());
			w[3] = Math.max(w[3], c.simulated().length());
		}
		o.println();
		o.println("Comparison with the study (expect clauses):");
		String fmt = "  %-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %-" + w[3] + "s  %s%n";
		o.printf(Locale.ROOT, fmt, (Object[]) head);
		int failed = 0;
		for (Check c : checks) {
			String q = c.named().length() > QUANTITY_WIDTH ? c.named().substring(0, QUANTITY_WIDTH - 1) + "…" : c.named();
			o.printf(Locale.ROOT, fmt, q, c.experiment(), c.expected(), c.simulated(), c.pass() ? "PASS" : "FAIL");
			if (!c.pass()) {
				failed++;
				if (c.note() != null) o.printf(Locale.ROOT, "  %-" + w[0] + "s  (%s)%n", "", c.note());
			}
		}
		o.printf(Locale.ROOT, "%d of %d checks pass%s%n", checks.size() - failed, checks.size(),
				failed == 0 ? "" : "; " + failed + " fail" + (otherErrors ? " (exit code 1 for the errors above)" : " (exit code 3)"));
		return failed;
	}

	/** A quantity as the user wrote it ("92.0 %"), or formatted when it has no text (built in code). */
	private static String written(org.cellwright.model.Quantity q, double value, String unit) {
		ICompositeNode n = q == null ? null : NodeModelUtils.findActualNodeFor(q);
		if (n != null) {
			String t = NodeModelUtils.getTokenText(n).trim();
			if (!t.isEmpty()) return t;
		}
		BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
		return fmt(value, Math.max(0, Math.min(4, d.scale())), unit);
	}

	/** Decimals of the number at the start of a quantity's text ("92.0 %" -> 1, "1.5e-3 V" -> 4). */
	private static int decimals(String quantityText) {
		String number = quantityText.split(" ")[0];
		try {
			BigDecimal d = new BigDecimal(number);
			return Math.max(0, Math.min(4, number.contains("e") || number.contains("E") ? d.stripTrailingZeros().scale() : d.scale()));
		} catch (NumberFormatException ex) {
			return 1;
		}
	}

	private static String fmt(Double v, int decimals, String unit) {
		if (v == null) return "-";
		String n = String.format(Locale.ROOT, "%." + Math.max(0, decimals) + "f", v);
		return unit.isEmpty() ? n : n + " " + unit;
	}
}

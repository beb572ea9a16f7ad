package org.cellwright.report;

import org.cellwright.run.Checks;
import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.HalfCycles;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.folder.Summary;

import static org.cellwright.report.Html.esc;
import static org.cellwright.report.Sections.*;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One self-contained HTML report over several run folders: the runs and their status, key numbers side by side,
 * their stacks, overlaid plots (voltage vs time, first-cycle voltage vs capacity, capacity and CE per cycle, one
 * series per run) and all their checks.
 */
public final class ComparisonReport {

	private ComparisonReport() {}

	/** Reads every folder first (a {@link ReportException} names the first that is not a run folder), then writes {@code html}. */
	public static Path write(List<Path> runFolders, Path html) {
		if (runFolders.isEmpty()) throw new ReportException("no run folders given");
		List<RunFolder> runs = new ArrayList<>();
		for (Path p : runFolders) runs.add(RunReport.read(p));
		return writeRuns(runs, html);
	}

	/** Writes the comparison of runs already read to {@code html}. */
	public static Path writeRuns(List<RunFolder> runs, Path html) {
		if (runs.isEmpty()) throw new ReportException("no run folders given");
		return Html.write(html, html(runs));
	}

	public static String html(List<RunFolder> runs) {
		List<String> names = labels(runs);
		StringBuilder b = new StringBuilder("<main>\n<header><h1>Comparison of ").append(runs.size()).append(" runs</h1>");
		b.append("<p class=\"meta\">").append(esc(String.join(" \u00b7 ", names))).append("</p></header>\n");
		for (int i = 0; i < runs.size(); i++) {
			var sc = runs.get(i).shortCircuit();
			if (sc != null)
				b.append("<div class=\"alert\"><b>").append(esc(names.get(i))).append(": short circuit</b> in cycle ")
						.append(sc.cycle()).append(" at ").append(Html.fmt(sc.timeH(), 4)).append(" h: ")
						.append(esc(sc.reason())).append("</div>\n");
		}

		b.append("<section id=\"key-numbers\"><h2>Key numbers</h2>").append(sideBySide(runs, names)).append("</section>\n");

		b.append("<section id=\"stack\"><h2>Cell stacks</h2><div class=\"row\">");
		for (int i = 0; i < runs.size(); i++) {
			RunFolder r = runs.get(i);
			b.append("<div class=\"col\"><h3>").append(esc(names.get(i))).append("</h3>");
			b.append(stackOrWhyNot(r));
			b.append("</div>");
		}
		b.append("</div></section>\n");

		Plot v = new Plot("Cell voltage", "time / h", "voltage / V");
		Plot vc = new Plot("Voltage vs capacity, first cycle", Sections.CAPACITY_AXIS, "voltage / V");
		// runs of one capacity (a half cell plating a set capacity, one cycle each): an axis of 0.01 mAh/cm2, not ticks
		// 1e-7 apart labelled "4.000005E-1" (the plot's default least span, 1e-6; loop21)
		Plot cap = new Plot("Discharge capacity per cycle", "cycle", "discharge capacity / mAh cm\u207b\u00b2").points().integerX()
				.yMinimumSpan(0.01);
		Plot ce = new Plot("Coulombic efficiency per cycle", "cycle", "Coulombic efficiency / %").points().integerX().yMinimumSpan(1);
		for (int i = 0; i < runs.size(); i++) {
			RunFolder r = runs.get(i);
			Color c = Plot.PALETTE[i % Plot.PALETTE.length];
			CsvTable ts = r.timeseries();
			if (ts != null && ts.rows() > 1) {
				v.line(names.get(i), ts.column("time_h"), ts.column("voltage_V"), c);
				Sections.halfCycles(vc, HalfCycles.of(ts), 1, names.get(i), c);
			}
			CsvTable cy = r.cycles();
			if (cy != null && cy.rows() > 0) {
				cap.line(names.get(i), cy.column("cycle"), cy.column("discharge_mAh_cm2"), c);
				ce.line(names.get(i), cy.column("cycle"), ceValues(cy), c);
			}
		}
		b.append("<section id=\"voltage\"><h2>Voltage</h2>");
		b.append(v.isEmpty() ? missing("no timeseries.csv") : v.figure(W, H));
		b.append("<div id=\"voltage-capacity\">").append(vc.isEmpty() ? missing("no current steps") : vc.figure(W, H)).append("</div>");
		b.append("</section>\n<section id=\"cycling\"><h2>Capacity and Coulombic efficiency</h2><div class=\"row\"><div class=\"col\">");
		b.append(cap.isEmpty() ? missing("no cycles") : cap.figure(HALF, 320)).append("</div><div class=\"col\">");
		b.append(ce.isEmpty() ? missing("no cycles") : ce.figure(HALF, 320)).append("</div></div></section>\n");

		b.append("<section id=\"checks\"><h2>Comparison with the study</h2>");
		List<RunFolder.Check> all = checks(runs, names);
		b.append(all.isEmpty() ? missing("none of the runs has a checks.json") : checksSummary(all) + checksTable(all, true));
		b.append("</section>\n<footer>Run folders: ");
		List<String> folders = new ArrayList<>();
		for (RunFolder r : runs) folders.add("<code>" + esc(r.folder().toAbsolutePath().normalize().toString()) + "</code>");
		b.append(String.join(", ", folders)).append(". Plots are decimated to at most ").append(2 * Plot.BUCKETS + 2)
				.append(" points per curve.</footer>\n</main>\n");
		return Html.page("Comparison of " + String.join(", ", names) + " \u2013 CellWright", b.toString());
	}

	private static String sideBySide(List<RunFolder> runs, List<String> names) {
		List<Map<String, String>> keys = new ArrayList<>();
		List<String> rows = new ArrayList<>();
		for (RunFolder r : runs) {
			Map<String, String> k = keyNumbers(r);
			keys.add(k);
			// a quantity only some runs have goes after the one it follows in those runs, not to the end
			int at = 0;
			for (String key : k.keySet()) {
				int i = rows.indexOf(key);
				if (i >= 0) at = i + 1;
				else rows.add(at++, key);
			}
		}
		StringBuilder b = new StringBuilder("<table class=\"keys\"><thead><tr><th></th>");
		for (String n : names) b.append("<th>").append(esc(n)).append("</th>");
		b.append("</tr></thead><tbody><tr><td>cell</td>");
		for (RunFolder r : runs) b.append("<td>").append(esc(r.cellName())).append("</td>");
		// the protocols each ran, as its .cell file names them ("\u2013": a run whose record does not keep them)
		b.append("</tr><tr><td>protocol</td>");
		for (RunFolder r : runs)
			b.append("<td>").append(esc(r.protocolNames() == null || r.protocolNames().isEmpty() ? "\u2013" : String.join(", ", r.protocolNames()))).append("</td>");
		b.append("</tr>");
		for (String row : rows) {
			b.append("<tr><td>").append(esc(row)).append("</td>");
			for (Map<String, String> k : keys) b.append("<td class=\"num\">").append(esc(k.getOrDefault(row, "\u2013"))).append("</td>");
			b.append("</tr>");
		}
		return b.append("</tbody></table>").toString();
	}

	/**
	 * Every run's checks in order, each named as {@link #named} has it; a check without an experiment gets its run's
	 * label.
	 */
	static List<RunFolder.Check> checks(List<RunFolder> runs, List<String> names) {
		List<RunFolder.Check> all = new ArrayList<>();
		for (int i = 0; i < runs.size(); i++)
			for (RunFolder.Check c : named(runs.get(i)))
				all.add(c.experiment() != null ? c : new RunFolder.Check(names.get(i), c.quantity(), c.metric(), c.expected(),
						c.simulated(), c.pass(), c.unit(), c.source(), c.file(), c.line(), c.note()));
		return all;
	}

	/**
	 * A run's checks (none without a checks.json), a labelled one's quantity followed by what its clause reads
	 * ({@link Checks#named}: "crossrail resistance, 62 wt%, 30 degC (cathode-interfacial-resistance at probe30)").
	 */
	static List<RunFolder.Check> named(RunFolder r) {
		List<RunFolder.Check> out = new ArrayList<>();
		if (r.checks() != null)
			for (RunFolder.Check c : r.checks())
				out.add(new RunFolder.Check(c.experiment(), Checks.named(c.quantity(), Checks.reads(r.inputs(), c)), c.metric(), c.expected(),
						c.simulated(), c.pass(), c.unit(), c.source(), c.file(), c.line(), c.note()));
		return out;
	}

	/** The runs' experiment names, made unique with the folder name where two agree. */
	static List<String> labels(List<RunFolder> runs) {
		List<String> names = new ArrayList<>();
		Set<String> seen = new HashSet<>(), dup = new HashSet<>();
		for (RunFolder r : runs) if (!seen.add(r.experiment())) dup.add(r.experiment());
		for (RunFolder r : runs) {
			Path f = r.folder().toAbsolutePath().normalize();
			String parent = f.getParent() != null && f.getParent().getFileName() != null ? f.getParent().getFileName() + "/" : "";
			names.add(dup.contains(r.experiment()) ? r.experiment() + " (" + parent + f.getFileName() + ")" : r.experiment());
		}
		return names;
	}
}

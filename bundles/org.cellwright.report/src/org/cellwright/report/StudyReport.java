package org.cellwright.report;

import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.folder.Summary;

import static org.cellwright.report.Html.esc;
import static org.cellwright.report.Sections.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;

/**
 * The front page of a run of many experiments (a study file with sweeps): the whole comparison with the study (every
 * expect clause of every run, PASS/FAIL) and one row per run with its status, a few key numbers and a link to its own
 * report.html. Overlaid plots of a few chosen runs are {@link ComparisonReport}'s job; overlaying dozens helps nobody.
 */
public final class StudyReport {

	private StudyReport() {}

	/** Reads every folder (a {@link ReportException} names the first that is not a run folder), then writes {@code html}. */
	public static Path write(String title, List<Path> runFolders, Path html) {
		if (runFolders.isEmpty()) throw new ReportException("no run folders given");
		List<RunFolder> runs = new ArrayList<>();
		for (Path p : runFolders) runs.add(RunReport.read(p));
		Path parent = html.toAbsolutePath().normalize().getParent();
		Html.write(html, html(title, runs, parent));
		return html;
	}

	/**
	 * A section per sweep among the runs: its table (sweep.csv beside the sweep's runs: one row per run with its
	 * parameters and key numbers).
	 */
	static void sweeps(List<RunFolder> runs, StringBuilder b) {
		java.util.Set<Path> tables = new java.util.LinkedHashSet<>();
		for (RunFolder r : runs) {
			Path t = r.folder().toAbsolutePath().normalize().getParent().resolve(RunFiles.SWEEP_TABLE);
			if (Files.isRegularFile(t)) tables.add(t);
		}
		for (Path t : tables) {
			String sweep = t.getParent().getParent() == null ? "sweep" : t.getParent().getParent().getFileName().toString();
			b.append("<section class=\"sweep\" id=\"sweep-").append(esc(sweep)).append("\"><h2>Sweep ").append(esc(sweep)).append("</h2>");
			try {
				b.append("<table class=\"keys\">");
				boolean head = true;
				for (List<String> rec : CsvTable.textRows(t)) {
					b.append(head ? "<thead><tr>" : "<tr>");
					for (String cell : rec) b.append(head ? "<th>" : "<td>").append(esc(cell)).append(head ? "</th>" : "</td>");
					b.append(head ? "</tr></thead><tbody>" : "</tr>");
					head = false;
				}
				b.append("</tbody></table>");
			} catch (RuntimeException e) {
				b.append(missing(e.getMessage()));
			}
			try {
				b.append(SweepPlots.html(CsvTable.textRows(t)));
			} catch (RuntimeException e) {
				b.append(missing(e.getMessage()));
			}
			b.append("<p class=\"muted\">").append(esc(RunFiles.SWEEP_TABLE)).append(" beside the sweep's runs.</p></section>\n");
		}
	}

	/** The page; links to the runs' reports are relative to {@code base} (the folder the page is written to). */
	public static String html(String title, List<RunFolder> runs, Path base) {
		List<String> names = ComparisonReport.labels(runs);
		List<RunFolder.Check> all = ComparisonReport.checks(runs, names);
		long shorts = runs.stream().filter(r -> "SHORT_CIRCUIT".equals(r.status())).count();
		long unfinished = runs.stream().filter(r -> !"SHORT_CIRCUIT".equals(r.status()) && !"COMPLETED".equals(r.status())).count();

		StringBuilder b = new StringBuilder("<main>\n<header><h1>").append(esc(title)).append("</h1><p class=\"meta\">")
				.append(runs.size()).append(" runs \u00b7 ").append(shorts).append(" ended in a short circuit")
				.append(unfinished > 0 ? " \u00b7 <b>" + unfinished + " did not finish</b>" : "").append("</p></header>\n");

		b.append("<section id=\"checks\"><h2>Comparison with the study</h2>");
		b.append(all.isEmpty() ? missing("none of the runs has a checks.json (no expect clauses)") : checksSummary(all) + checksTable(all, true));
		b.append("</section>\n");

		b.append("<section id=\"runs\"><h2>Runs</h2><table class=\"keys\"><thead><tr><th>run</th><th>cell</th><th>status</th>"
				+ "<th>cycles</th><th>first CE</th><th>simulated time</th><th>stack pressure</th><th>temperature</th><th>report</th></tr></thead><tbody>");
		for (int i = 0; i < runs.size(); i++) {
			RunFolder r = runs.get(i);
			Map<String, String> k = keyNumbers(r);
			b.append("<tr><td>").append(esc(names.get(i))).append("</td><td>").append(esc(r.cellName())).append("</td><td>")
					.append(statusBadge(r.status()));
			Summary.ShortCircuit sc = r.shortCircuit();
			if (sc != null) b.append(" in cycle ").append(sc.cycle());
			b.append("</td>");
			for (String key : List.of("cycles", "first Coulombic efficiency", "simulated time", "stack pressure", "temperature"))
				b.append("<td class=\"num\">").append(esc(Sections.dashAlone(k.getOrDefault(key, "\u2013")))).append("</td>");
			Path report = r.folder().toAbsolutePath().normalize().resolve(RunReport.FILE_NAME);
			String href = base != null ? base.relativize(report).toString().replace('\\', '/') : report.toUri().toString();
			b.append("<td>").append(Files.isRegularFile(report) ? "<a href=\"" + esc(href) + "\">report</a>" : "\u2013").append("</td></tr>");
		}
		b.append("</tbody></table>");
		b.append("<p class=\"muted\">Overlay chosen runs with <code>./cellwright report RUN RUN ... --out FILE</code>.</p></section>\n");
		sweeps(runs, b);
		b.append("</main>\n");
		return Html.page(title + " \u2013 CellWright", b.toString());
	}
}

package org.cellwright.report;

import static org.cellwright.report.Html.esc;
import static org.cellwright.report.Html.fmt;
import static org.cellwright.report.Sections.H;
import static org.cellwright.report.Sections.HALF;
import static org.cellwright.report.Sections.W;
import static org.cellwright.report.Sections.missing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.measured.CyclerDataReader;
import org.cellwright.measured.CyclerFormat;
import org.cellwright.measured.MeasuredQuantity;
import org.cellwright.measured.MeasuredSeries;
import org.cellwright.run.fit.FitReport;
import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.folder.RunFolder;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The report of a fit, {@code report.html} beside its fit.json: the estimates with their start values, 95 % intervals
 * and bounds, the correlation matrix (pairs the targets cannot tell apart stand out), the cost history, the notes, and
 * per target experiment the simulation at the start values against the one at the fitted values (voltage, with the
 * measurement where the target is measured; the expect clauses before and after).
 */
public final class FitHtmlReport {
	private FitHtmlReport() {}

	/**
	 * The reports of a fit being written ({@link org.cellwright.run.fit.Fits.Listener#finishing}): each run of its
	 * before/ and after/ folders gets its {@link RunReport}, then the fit its report.html; returns its path.
	 */
	public static Path writeWithRuns(Path fitFolder) {
		for (String side : List.of(FitReport.BEFORE, FitReport.AFTER)) {
			try (var runs = Files.list(fitFolder.resolve(side))) {
				for (Path run : runs.sorted().toList())
					if (RunFolder.isRunFolder(run)) RunReport.write(run);
			} catch (IOException e) {
				// no such side: the report says what is missing
			}
		}
		return write(fitFolder);
	}

	/** Writes {@code fitFolder/report.html} from its fit.json and before/ and after/ folders; returns the path. */
	public static Path write(Path fitFolder) {
		return write(fitFolder, fitFolder.resolve(RunReport.FILE_NAME));
	}

	/** Whether a folder is a fit's: it holds a fit.json. */
	public static boolean isFitFolder(Path folder) {
		return Files.isRegularFile(folder.resolve(FIT_JSON));
	}

	private static final String FIT_JSON = "fit.json";

	/**
	 * Writes the fit's report to {@code out} (a fit kept before a fix reads as it does now: its notes through
	 * {@link FitReport#notes}, an old bracket's "at NaN of the interval" as "the whole interval"); returns the path.
	 */
	public static Path write(Path fitFolder, Path out) {
		Path json = fitFolder.resolve(FIT_JSON);
		JsonObject fit;
		try {
			fit = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
		} catch (IOException | RuntimeException e) {
			throw new ReportException(json + ": cannot be read: " + e.getMessage(), e);
		}
		return Html.write(out, html(fit, fitFolder));
	}

	static String html(JsonObject fit, Path folder) {
		String name = str(fit, "fit");
		org.cellwright.fit.FitResult.Status status = FitReport.status(fit);
		// a bracket fit's interval is where every expectation holds, not a 95 % interval; its value is the start; it counts
		// bisections, not a least-squares fit's iterations, and has no cost or degrees of freedom (bench fit says the same)
		org.cellwright.fit.Bracket bracket = FitReport.bracket(fit);
		// the one word for how it ended, as the command line and the IDE say it (a bracket's BRACKETED, not CONVERGED); the
		// targets determining none of the estimates is not a converged fit (it read CONVERGED, loop21), nor a cancelled one
		String badge = Sections.statusBadge(status == org.cellwright.fit.FitResult.Status.CONVERGED ? "COMPLETED" : "NOT_CONVERGED")
				.replaceFirst(">[^<]*<", ">" + esc(status.word(bracket != null).toUpperCase(java.util.Locale.ROOT)) + "<");
		StringBuilder b = new StringBuilder("<main>\n<header><h1>Fit ").append(esc(name)).append(badge).append("</h1>");
		b.append("<p class=\"meta\">").append(num(fit, "iterations") > 0 ? (int) num(fit, "iterations") + (bracket == null ? " iterations \u00b7 " : " bisections \u00b7 ") : "")
				.append((int) num(fit, "evaluations")).append(" evaluations (each simulates every target) \u00b7 ")
				.append(fmt(num(fit, "seconds"), 3)).append(" s \u00b7 ")
				.append(bracket == null ? "final cost " + fmt(num(fit, "cost"), 4) + " \u00b7 " + (int) num(fit, "degrees_of_freedom") + " degrees of freedom"
						: "a bracket: " + bracket.searched())
				.append("</p></header>\n");
		for (String n : FitReport.notes(fit)) b.append("<div class=\"note\">").append(esc(n)).append("</div>\n");

		JsonArray est = arr(fit, "estimates");
		b.append("<section id=\"estimates\"><h2>Estimates</h2><table class=\"keys\"><thead><tr><th>estimate</th><th>start</th><th>")
				.append(bracket == null ? "fitted" : "value").append("</th><th>")
				.append(bracket == null ? "95 % interval" : "every expectation holds in").append("</th><th>bounds</th><th>unit</th></tr></thead><tbody>");
		List<String> names = new ArrayList<>();
		for (JsonElement e : est) {
			JsonObject o = e.getAsJsonObject();
			names.add(str(o, "target"));
			double lo = num(o, "lower_95"), hi = num(o, "upper_95");
			b.append("<tr><td>").append(esc(str(o, "target"))).append("</td><td class=\"num\">").append(fmt(num(o, "start"), 4))
					.append("</td><td class=\"num\"><b>").append(fmt(num(o, "value"), 5)).append("</b></td><td class=\"num\">")
					.append(bracket != null ? fmt(bracket.lower().passes(), 4) + " \u2013 " + fmt(bracket.upper().passes(), 4)
							: Double.isNaN(lo) ? "undetermined" : fmt(lo, 4) + " \u2013 " + fmt(hi, 4)).append("</td><td class=\"num\">")
					.append(fmt(num(o, "lower_bound"), 4)).append(" \u2013 ").append(fmt(num(o, "upper_bound"), 4)).append("</td><td>")
					.append(esc(str(o, "unit"))).append("</td></tr>");
		}
		b.append("</tbody></table></section>\n");

		b.append("<section id=\"correlation\"><h2>Correlation of the estimates</h2>");
		JsonArray corr = arr(fit, "correlation");
		if (names.size() < 2) b.append(missing("one estimate: no correlation"));
		else if (!anyCorrelation(corr))
			// a table of dashes under "|r| above 0.95" said nothing (loop21)
			b.append(missing("no correlation: the targets determine at most one of the estimates (see the notes)"));
		else {
			b.append("<table class=\"corr\"><thead><tr><th></th>");
			for (String n : names) b.append("<th>").append(esc(n)).append("</th>");
			b.append("</tr></thead><tbody>");
			for (int i = 0; i < corr.size(); i++) {
				b.append("<tr><th>").append(esc(names.get(i))).append("</th>");
				JsonArray row = corr.get(i).getAsJsonArray();
				for (int j = 0; j < row.size(); j++) {
					double r = row.get(j).isJsonNull() ? Double.NaN : row.get(j).getAsDouble();
					// white at 0, red toward |r| = 1: pairs the targets cannot separate stand out
					int shade = Double.isNaN(r) ? 255 : (int) Math.round(255 - 150 * Math.abs(r));
					b.append("<td class=\"num\" style=\"background: rgb(255,").append(i == j ? 255 : shade).append(',').append(i == j ? 255 : shade)
							.append(")\">").append(Double.isNaN(r) ? "\u2013" : String.format(java.util.Locale.ROOT, "%.3f", r)).append("</td>");
				}
				b.append("</tr>");
			}
			b.append("</tbody></table><p class=\"muted\">|r| above 0.95: the targets hardly tell the two apart (see the notes)."
					+ (anyUndetermined(corr) ? " \u2013: an estimate the targets do not determine has no correlation." : "") + "</p>");
		}
		b.append("</section>\n");

		b.append("<section id=\"cost\"><h2>Cost history</h2>");
		JsonArray hist = arr(fit, "cost_history");
		if (hist.size() < 2) b.append(missing("fewer than two improvements"));
		else {
			double[] x = new double[hist.size()], y = new double[hist.size()];
			for (int i = 0; i < x.length; i++) { x[i] = i + 1; y[i] = hist.get(i).getAsDouble(); }
			b.append(new Plot("Cost (sum of squared weighted residuals) at each improvement", "improvement", "cost").logY().points().integerX()
					.noLegend().line("cost", x, y, Plot.PALETTE[0]).figure(HALF, 300));
		}
		b.append("</section>\n");

		b.append(meshes(fit));

		b.append("<section id=\"before-after\"><h2>Before and after: the targets at the start values and at the fitted values</h2>");
		Path before = folder.resolve("before"), after = folder.resolve("after");
		boolean any = false;
		for (JsonElement t : arr(fit, "targets")) {
			String x = str(t.getAsJsonObject(), "experiment");
			Path fb = before.resolve(x), fa = after.resolve(x);
			if (!RunFolder.isRunFolder(fa)) continue;
			any = true;
			b.append("<h3>").append(esc(x)).append(" <span class=\"muted\">(").append(esc(str(t.getAsJsonObject(), "kind"))).append(")</span></h3>");
			RunFolder ra, rb = null;
			try {
				ra = RunFolder.read(fa);
				if (RunFolder.isRunFolder(fb)) rb = RunFolder.read(fb);
			} catch (RuntimeException e) {
				b.append(missing(e.getMessage()));
				continue;
			}
			b.append(checks(rb, ra));
			Plot v = new Plot(null, "time / h", "voltage / V");
			if (rb != null && rb.timeseries() != null) v.dashed("start values", rb.timeseries().column("time_h"), rb.timeseries().column("voltage_V"), Plot.PALETTE[7]);
			CsvTable ts = ra.timeseries();
			if (ts != null) v.line("fitted values", ts.column("time_h"), ts.column("voltage_V"), Plot.PALETTE[0]);
			Path bdf = fa.resolve(RunFiles.MEASURED);
			if (Files.isRegularFile(bdf)) {
				try {
					MeasuredSeries m = new CyclerDataReader().format(CyclerFormat.BDF).read(bdf);
					double[] th = m.values(MeasuredQuantity.TIME);
					for (int i = 0; i < th.length; i++) th[i] /= 3600;
					v.dashed("measured", th, m.values(MeasuredQuantity.VOLTAGE), Plot.PALETTE[1]);
				} catch (Exception e) {
					b.append(missing(RunFiles.MEASURED + ": " + e.getMessage()));
				}
			}
			if (!v.isEmpty()) b.append(v.figure(W, H - 60));
		}
		if (!any) b.append(missing("no before/ and after/ runs beside fit.json"));
		b.append("</section>\n<footer>Beside this report: fit.json, fitted.cell (the file with the fitted values), before/ and after/ (a run"
				+ " folder per target experiment, each with its own report.html).</footer>\n</main>\n");
		return Html.page("Fit " + name + " \u2013 CellWright", b.toString());
	}

	/**
	 * The mesh each target's evaluations and its before/after runs ran on, and who chose it (fit.json's targets[].mesh,
	 * FitRunner.Mesh, since session 39; it was in fit.json alone): one row per target that has one, and where none has,
	 * why there is none.
	 */
	static String meshes(JsonObject fit) {
		List<FitReport.TargetMesh> meshes = FitReport.meshes(fit);
		StringBuilder b = new StringBuilder("<section id=\"mesh\"><h2>Mesh of each target</h2>");
		if (meshes.isEmpty())
			return b.append(missing(FitReport.NO_MESH)).append("</section>\n").toString();
		b.append("<table class=\"keys\"><thead><tr><th>target</th><th>mesh (particle shells \u00d7 cathode control volumes)</th>"
				+ "<th>chosen by</th></tr></thead><tbody>");
		for (FitReport.TargetMesh m : meshes)
			b.append("<tr><td>").append(esc(m.experiment())).append("</td><td class=\"num\">").append(esc(m.mesh().replace(" x ", " \u00d7 ")))
					.append("</td><td>").append(esc(m.why() == null ? "" : m.why())).append("</td></tr>");
		b.append("</tbody></table><p class=\"muted\">").append(esc(FitReport.ONE_MESH));
		if (meshes.size() < arr(fit, "targets").size()) b.append(' ').append(esc(FitReport.UNLISTED_MESH));
		return b.append("</p></section>\n").toString();
	}

	/**
	 * The expect clauses of a target: study value, simulated at the start values and at the fitted values; a check's note
	 * in a row under it, as the run's report.html has it (FitReport.checkNote: the fitted run's, and the start's where it
	 * differs; session 41: shown nowhere in the fit's report).
	 */
	private static String checks(RunFolder before, RunFolder after) {
		List<RunFolder.Check> ca = after.checks();
		if (ca == null || ca.isEmpty()) return "";
		List<RunFolder.Check> cb = before == null || before.checks() == null ? List.of() : before.checks();
		StringBuilder b = new StringBuilder("<table class=\"checks\"><thead><tr><th>quantity</th><th>study</th><th>at the start values</th>"
				+ "<th>fitted</th><th>verdict</th></tr></thead><tbody>");
		for (int i = 0; i < ca.size(); i++) {
			RunFolder.Check c = ca.get(i);
			String sb = i < cb.size() ? cb.get(i).simulated() : "\u2013";
			String cls = c.pass() == null ? "" : c.pass() ? "pass" : "fail";
			b.append("<tr class=\"").append(cls).append("\"><td>")
					.append(esc(c.quantity() != null ? c.quantity() : c.metric())).append("</td><td class=\"num\">").append(esc(c.expected()))
					.append("</td><td class=\"num\">").append(esc(sb)).append("</td><td class=\"num\">").append(esc(c.simulated()))
					.append("</td><td class=\"verdict\">").append(c.pass() == null ? "\u2013" : c.pass() ? "PASS" : "FAIL").append("</td></tr>");
			String note = FitReport.checkNote(i < cb.size() ? cb.get(i) : null, c);
			if (note != null)
				b.append("<tr class=\"check-note").append(cls.isEmpty() ? "" : " " + cls).append("\"><td colspan=\"5\">").append(esc(note)).append("</td></tr>");
		}
		return b.append("</tbody></table>").toString();
	}

	/** Whether a correlation matrix (fit.json's, null where undetermined) has a number off its diagonal. */
	private static boolean anyCorrelation(JsonArray corr) {
		return offDiagonal(corr, false);
	}

	/** Whether it has a null off its diagonal. */
	private static boolean anyUndetermined(JsonArray corr) {
		return offDiagonal(corr, true);
	}

	private static boolean offDiagonal(JsonArray corr, boolean isNull) {
		for (int i = 0; i < corr.size(); i++) {
			if (!corr.get(i).isJsonArray()) continue;
			JsonArray row = corr.get(i).getAsJsonArray();
			for (int j = 0; j < row.size(); j++)
				if (i != j && row.get(j).isJsonNull() == isNull) return true;
		}
		return false;
	}

	private static JsonArray arr(JsonObject o, String k) {
		return o.has(k) && o.get(k).isJsonArray() ? o.getAsJsonArray(k) : new JsonArray();
	}

	private static String str(JsonObject o, String k) {
		return o.has(k) && o.get(k).isJsonPrimitive() ? o.get(k).getAsString() : "";
	}

	private static double num(JsonObject o, String k) {
		JsonElement e = o.get(k);
		return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsDouble() : Double.NaN;
	}
}

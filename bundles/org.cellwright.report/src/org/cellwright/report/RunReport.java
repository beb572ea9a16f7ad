package org.cellwright.report;

import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.folder.Summary;

import static org.cellwright.report.Html.esc;
import static org.cellwright.report.Html.fmt;
import static org.cellwright.report.Sections.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.ResolvedInputs;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The report of one run folder: {@code report.html}, one self-contained file (inline CSS and SVG, no scripts, nothing
 * fetched) that reads like a lab report: title with experiment, cell and status (a short circuit with when and why),
 * key numbers, the stack drawn to scale, the protocol as steps and as a current timeline, voltage vs time, voltage vs
 * capacity by cycle, capacity and CE per cycle, the overpotential breakdown, lithium by location, the mechanism map,
 * and the comparison with the study from checks.json. Sections whose data are absent say so.
 */
public final class RunReport {
	public static final String FILE_NAME = RunFiles.REPORT;

	private RunReport() {}

	/**
	 * A pipeline listener whose runs end with their report.html, written into each run folder after its summary.json
	 * and checks.json and recorded as the run begins ({@link org.cellwright.run.Pipeline.Listener#finishes}, so a run
	 * killed before it is said to lack it): the command line's runs and re-runs of an inputs.json, and the IDE's. Each
	 * says in its own place a report that could not be written ({@link #noReport}).
	 */
	public abstract static class Writing implements org.cellwright.run.Pipeline.Listener {
		@Override
		public final List<String> finishes() {
			return List.of(FILE_NAME);
		}

		@Override
		public final void finishing(Path writing) {
			try {
				write(writing);
			} catch (ReportException e) {
				noReport(e.getMessage());
			}
		}

		/** The run's report could not be written: {@code message} says why. */
		protected abstract void noReport(String message);
	}

	/** Writes {@code runFolder/report.html} and returns its path. */
	/**
	 * Whether {@code file} is a page CellWright wrote (a run's, a comparison's or a fit's report): such a file may be
	 * written again; any other file a user named is theirs and is not overwritten without asking.
	 */
	public static boolean isReport(Path file) {
		return Html.isReport(file);
	}

	/**
	 * The temperature the run's mechanism map is drawn at, as the report's map title says it (" at 20 °C", with where
	 * the run started where its records' temperature changes; "" when summary.json does not give it), for the Results
	 * view's map title too.
	 */
	public static String mapTemperature(RunFolder r) {
		return Sections.mapTemperature(r);
	}

	public static Path write(Path runFolder) {
		Path run = RunFolder.resolve(runFolder); // an experiment's folder in the run store: its latest run
		return write(runFolder, (run != null ? run : runFolder).resolve(FILE_NAME));
	}

	/** Writes the report of {@code runFolder} to {@code out} (parent folders created) and returns {@code out}. */
	public static Path write(Path runFolder, Path out) {
		return write(read(runFolder), out);
	}

	/** Writes the report of a run already read to {@code out} (parent folders created) and returns {@code out}. */
	public static Path write(RunFolder r, Path out) {
		return Html.write(out, html(r));
	}

	/** Reads a run folder for a report; what is not one is a {@link ReportException} naming it. */
	static RunFolder read(Path folder) {
		try {
			return RunFolder.read(folder);
		} catch (org.cellwright.run.folder.RunFolderException e) {
			throw new ReportException(e.getMessage(), e);
		}
	}

	/** The report's HTML text. */
	public static String html(RunFolder r) {
		StringBuilder b = new StringBuilder("<main>\n");
		header(r, b);
		b.append("<section id=\"key-numbers\"><div class=\"row\"><div class=\"col\"><h2>Key numbers</h2>")
				.append(keyTable(keyNumbers(r))).append("</div>");
		b.append("<div class=\"col\" id=\"stack\"><h2>Cell stack</h2>");
		boolean dfn = r.dfn();
		b.append(stackOrWhyNot(r));
		b.append("</div></div></section>\n");

		b.append("<section id=\"protocol\"><h2>Protocol</h2>");
		if (r.protocol() != null) b.append(ProtocolText.html(r.protocol()));
		else b.append(missing(r.protocolMissing()));
		CsvTable ts = r.timeseries();
		if (ts != null && ts.rows() > 1) b.append(currentVsTime(ts).figure(W, 220));
		b.append("</section>\n");

		b.append("<section id=\"voltage\"><h2>Voltage</h2>");
		if (ts != null && ts.rows() > 1) {
			b.append(voltageVsTime(ts).figure(W, H));
			Plot temperature = temperatureVsTime(ts);
			if (temperature != null) b.append("<div id=\"temperature\">").append(temperature.figure(W, 220)).append("</div>");
			Plot vc = voltageVsCapacity(ts);
			b.append("<div id=\"voltage-capacity\">");
			b.append(vc.isEmpty() ? missing("no current steps to draw") : vc.figure(W, H));
			b.append("</div>");
		} else b.append(missing("no " + RunFiles.TIMESERIES + " in this run folder"));
		b.append("</section>\n");

		b.append(MeasuredSection.html(r));

		b.append("<section id=\"cycling\"><h2>Capacity and Coulombic efficiency</h2>");
		CsvTable cy = r.cycles();
		if (cy != null && cy.rows() > 0) b.append(capacityAndCe(cy).figure(W, H));
		else b.append(missing("no complete cycle (" + RunFiles.CYCLES + " has no rows)"));
		b.append("</section>\n");

		b.append("<section id=\"overpotentials\"><h2>Overpotentials</h2>");
		Plot op = ts == null ? null : overpotentials(ts);
		if (op != null && !op.isEmpty()) b.append(op.figure(W, H));
		else b.append(missing("no overpotential columns in " + RunFiles.TIMESERIES));
		b.append("</section>\n");

		b.append("<section id=\"lithium\"><h2>Where the lithium is</h2>");
		Plot li = ts == null ? null : lithium(ts, dfn);
		if (li != null && !li.isEmpty()) b.append(li.figure(W, H)).append(lithiumTable(ts, dfn));
		else b.append(missing("no lithium inventory columns in " + RunFiles.TIMESERIES));
		b.append("</section>\n");

		b.append("<section id=\"mechanism-map\"><h2>Mechanism map</h2>");
		CsvTable mm = r.mechanismMap();
		if (mm != null && mm.rows() > 0) b.append(mechanismMap(mm, r).figure(W, H));
		else b.append(missing("no " + RunFiles.MECHANISM_MAP + " in this run folder"));
		b.append("</section>\n");

		b.append("<section id=\"checks\"><h2>Comparison with the study</h2>");
		if (r.checks() != null && !r.checks().isEmpty())
			b.append(checksSummary(r.checks())).append(checksTable(ComparisonReport.named(r), false));
		else b.append(missing("no " + RunFiles.CHECKS + " in this run folder (the experiment has no expect clauses)"));
		b.append("</section>\n");

		footer(r, b);
		b.append("</main>\n");
		return Html.page(r.experiment() + " \u2013 CellWright report", b.toString());
	}

	private static void header(RunFolder r, StringBuilder b) {
		b.append("<header><h1>").append(esc(r.experiment())).append(statusBadge(r.status())).append("</h1>");
		b.append("<p class=\"meta\">cell <b>").append(esc(r.cellName())).append("</b>");
		ResolvedInputs in = r.inputs();
		if (in != null) b.append(" \u00b7 ").append(in.cell().layers().size()).append(" layers");
		else if (r.dfnStack() != null) b.append(" \u00b7 ").append(r.dfnStack().size()).append(" layers");
		// the protocols as the .cell file names them, in order (the solver's protocol is named after the run: the
		// experiment's name, "protocol CyclingMeasured" for an experiment running TwoCycles); a record written before
		// the names were kept names none
		List<String> protocols = r.protocolNames();
		if (protocols != null && !protocols.isEmpty())
			b.append(" \u00b7 ").append(protocols.size() == 1 ? "protocol " : "protocols ").append(esc(String.join(", ", protocols)));
		ResolvedInputs.Provenance p = r.provenance(); // a liquid-electrolyte run's from dfn-inputs.json (it named no file)
		if (p != null && p.sourceFile() != null)
			b.append(" \u00b7 defined in <code>").append(esc(p.sourceFile() + (p.sourceLine() > 0 ? ":" + p.sourceLine() : ""))).append("</code>");
		b.append("</p></header>\n");
		Summary.ShortCircuit sc = r.shortCircuit();
		if (sc != null)
			b.append("<div class=\"alert\" id=\"short-circuit\"><b>Short circuit</b> in cycle ").append(sc.cycle())
					.append(" at ").append(fmt(sc.timeH(), 4)).append(" h: ").append(esc(sc.reason()))
					.append(". The run stopped there.</div>\n");
		Summary.ShortCircuit soft = r.softShort();
		if (soft != null) {
			String why = soft.cause() == null ? "" : soft.cause();
			b.append("<div class=\"alert\" id=\"soft-short\"><b>Soft short</b> from cycle ").append(soft.cycle())
					.append(" at ").append(fmt(soft.timeH(), 4)).append(" h: ").append(esc(why))
					.append(". The run went on (Solver messages: where it showed again).</div>\n");
		}
		// less the retention's reason, which its key number gives
		List<String> msgs = r.messages().stream().filter(m -> !CapacityRetention.saidByTheLine(r.summary(), m)).toList();
		if (!msgs.isEmpty()) {
			b.append("<div class=\"note\"><b>Solver messages</b><ul>");
			for (String m : msgs) b.append("<li>").append(esc(m)).append("</li>");
			b.append("</ul></div>\n");
		}
		for (String n : r.notes()) b.append("<div class=\"note\">").append(esc(n)).append("</div>\n");
	}

	private static void footer(RunFolder r, StringBuilder b) {
		// the folder the run lands in: a report written while the run is still in its hidden folder names the final one
		Path folder = org.cellwright.run.store.RunStore.committed(r.folder().toAbsolutePath().normalize());
		b.append("<footer>Run folder <code>").append(esc(folder.toString())).append("</code>");
		ResolvedInputs in = r.inputs();
		if (in != null) {
			b.append(" \u00b7 resolved by CellWright ").append(esc(in.provenance().cellwrightVersion()));
			if (in.provenance().created() != null) b.append(" on ").append(esc(in.provenance().created()));
			b.append(" \u00b7 re-run with <code>./cellwright run ").append(esc(InputsJson.FILE_NAME)).append("</code>");
		}
		b.append(". Plots are decimated to at most ").append(2 * Plot.BUCKETS + 2)
				.append(" points per curve (lowest and highest point of each interval kept); the CSV files hold every sample.</footer>\n");
	}
}

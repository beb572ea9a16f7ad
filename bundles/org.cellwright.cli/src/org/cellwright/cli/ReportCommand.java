package org.cellwright.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.run.Problem;
import org.cellwright.report.ComparisonReport;
import org.cellwright.report.FitHtmlReport;
import org.cellwright.report.ReportException;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.folder.RunFolderException;
import org.cellwright.run.store.RunStore;
import org.cellwright.report.RunReport;
import org.cellwright.sharing.cli.CliCommand;
import org.cellwright.sharing.cli.CliSupport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code report RUN... [--out FILE]}: one run folder gives its report.html (in the folder unless --out says
 * otherwise); several give one comparison report (default {@code comparison.html} in the working folder). A folder of
 * run folders (e.g. {@code results/experiments}) stands for the run folders in it.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
		description = "Write a self-contained HTML report of one run folder, or a comparison report of several; of a fit's folder, its report again.")
public class ReportCommand extends CliCommand {

	@Parameters(arity = "1..*", paramLabel = "RUN", description = "run folders (each with summary.json), or a folder of run folders, or a fit's folder (with fit.json)")
	List<String> runs;

	@Option(names = { "-o", "--out" }, paramLabel = "FILE",
			description = "the HTML file to write (default: RUN/report.html for one run, comparison.html for several)")
	String out;

	@Option(names = "--replace", description = "overwrite the --out file even if it is not a report CellWright wrote")
	boolean replace;

	@Override
	protected int run(PrintWriter o, PrintWriter err) {
		// a fit's folder: its report.html written again from its fit.json (a fit kept before a fix reads as it does now,
		// e.g. an old bracket's note "at NaN of the interval"); a file the user made there is kept unless --replace
		if (runs.size() == 1 && FitHtmlReport.isFitFolder(CliSupport.userPath(runs.get(0)))) {
			Path fit = CliSupport.userPath(runs.get(0));
			Path target = out != null ? CliSupport.userPath(out) : fit.resolve(RunReport.FILE_NAME);
			if (CliSupport.keepsTarget(target, Problem.display(target), replace, RunReport.isReport(target), " and is not a report CellWright wrote", err))
				return 1;
			try {
				o.println("report: " + Problem.display(FitHtmlReport.write(fit, target)) + " (the fit's)");
				return 0;
			} catch (ReportException e) {
				err.println(displayPaths(e.getMessage()));
				return 1;
			}
		}
		List<Path> folders = new ArrayList<>();
		for (String r : runs) {
			Path p = CliSupport.userPath(r);
			if (!Files.isDirectory(p)) {
				err.println(Problem.display(p) + ": no such folder");
				return 1;
			}
			// a run folder, an experiment's folder (its latest run), a sweep's, a results folder (the latest of each)
			List<Path> inner = RunStore.runFolders(p);
			if (inner.isEmpty()) {
				err.println(Problem.display(p) + ": not a run folder (no summary.json in it or in its sub-folders; run an experiment first: ./cellwright run FILE)");
				return 1;
			}
			folders.addAll(inner);
		}
		// each run read once (a long time series is streamed once); a CSV file that cannot be read (renamed or ragged
		// header, a cell that is no number) is an error naming file and line, and so is a summary.json that cannot be read
		// (a run's key numbers, status and warnings: a report without them was written, exit 0, found by fuzzing, session 20)
		List<RunFolder> read = new ArrayList<>();
		int bad = 0;
		for (Path f : folders) {
			try {
				RunFolder r = RunFolder.read(f);
				read.add(r);
				for (String n : r.notes())
					if (n.contains(".csv:") || n.contains(RunFiles.SUMMARY + ": cannot be read")) {
						err.println(displayPaths(n.replaceFirst(":(\\d+): ", ":$1: error: ")));
						bad++;
					}
			} catch (RunFolderException e) {
				err.println(displayPaths(e.getMessage()));
				return 1;
			}
		}
		if (bad > 0) {
			err.println("cellwright: no report: fix the files above first");
			return 1;
		}
		Path target = read.size() == 1 && out == null ? read.get(0).folder().resolve(RunReport.FILE_NAME)
				: CliSupport.userPath(out != null ? out : "comparison.html");
		// a file the user made is never overwritten without asking; a report CellWright wrote is written again
		if (CliSupport.keepsTarget(target, Problem.display(target), replace, RunReport.isReport(target), " and is not a report CellWright wrote", err))
			return 1;
		try {
			Path written;
			if (read.size() == 1) written = RunReport.write(read.get(0), target);
			else written = ComparisonReport.writeRuns(read, target);
			o.println("report: " + Problem.display(written) + (read.size() > 1 ? " (" + read.size() + " runs)" : ""));
			return 0;
		} catch (ReportException e) {
			err.println(displayPaths(e.getMessage()));
			return 1;
		}
	}

	/** Absolute paths at the start of a message shown relative to the working folder, like the other commands do. */
	private static String displayPaths(String message) {
		int colon = message.indexOf(": ");
		if (colon > 0) {
			try {
				Path p = Path.of(message.substring(0, colon));
				if (p.isAbsolute()) return Problem.display(p) + message.substring(colon);
			} catch (java.nio.file.InvalidPathException e) {
				// not a path
			}
		}
		return message;
	}
}

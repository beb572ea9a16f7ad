package org.cellwright.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.cellwright.fit.FitCancelledException;
import org.cellwright.fit.FitOptions;
import org.cellwright.fit.FitResult;
import org.cellwright.lang.text.Printable;
import org.cellwright.model.Fit;
import org.cellwright.run.Cancel;
import org.cellwright.run.CellFiles;
import org.cellwright.run.InputException;
import org.cellwright.run.Pipeline;
import org.cellwright.run.Problem;
import org.cellwright.report.FitHtmlReport;
import org.cellwright.report.ReportException;
import org.cellwright.run.RunExecutor;
import org.cellwright.run.fit.FitRunner;
import org.cellwright.run.fit.Fits;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.store.RunStore;
import org.cellwright.sharing.cli.CliCommand;
import org.cellwright.sharing.cli.CliSupport;
import org.cellwright.sharing.cli.LibraryOption;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fit FILE [--fit NAME] [--out DIR] [--method lm|bobyqa|bracket]}: runs the {@code fit} blocks of a .cell file headless
 * with progress, prints the estimates with their 95 % intervals, the correlations and the notes, and keeps each fit in
 * the run store ({@code <out>/<fit>/<id>/fit.json}, {@code fitted.cell}).
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
		description = { "Estimate parameters: run the fit blocks of a .cell file (Levenberg-Marquardt or BOBYQA from Hipparchus; the "
				+ "simulations of one iteration in parallel); print the estimates with 95 %% confidence intervals, correlations and notes; "
				+ "write results/<file>/<fit>/<id>/fit.json and fitted.cell (the file with the fitted values, source \"fitted: <fit>, <date>\")." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:every fit converged", "1:errors in the input, or a fit that did not converge or was interrupted",
				"2:usage error", "3:a fit determined none of its estimates (status undetermined: its targets do not depend on them; "
						+ "the notes say why for each)", "4:internal error" })
public class FitCommand extends CliCommand {

	@Parameters(index = "0", paramLabel = "FILE", description = "a .cell file with fit blocks")
	String file;

	@Option(names = "--fit", paramLabel = "NAME", description = "run only this fit")
	String only;

	@Option(names = { "-o", "--out" }, paramLabel = "DIR", description = "results folder (default: results/<file name>)")
	String out;

	@Option(names = "--method", paramLabel = "METHOD", description = "lm (Levenberg-Marquardt, default), bobyqa (derivative-free) or bracket (one value's interval over which every expectation holds); overrides the fit's 'method'")
	String method;

	@Mixin
	OutFolderOption outFolder;

	@Mixin
	EngineOption engine;

	@Mixin
	LibraryOption libs;

	@Override
	protected int run(PrintWriter o, PrintWriter err) {
		if (outFolder.refused(out, err)) return 1;
		Path path = CliSupport.userPath(file);
		if (!CliSupport.isFile(path, Problem.display(path), err)) return 1;
		CellFiles loaded = RunCommand.loadChecked(path, libs, err);
		if (loaded == null) return 1;
		List<Fit> fits;
		try {
			fits = Fits.of(loaded, path, only);
		} catch (IllegalArgumentException e) {
			err.println(Problem.display(path) + ": " + e.getMessage());
			return 1;
		}
		RunStore store = out != null ? new RunStore(CliSupport.userPath(out)) : RunStore.forFile(CliSupport.userPath(RunFiles.RESULTS), path);
		RunExecutor executor;
		try {
			executor = engine.local() ? null : engine.executor();
		} catch (IllegalArgumentException e) {
			err.println("cellwright: " + e.getMessage());
			return 1;
		}
		try (RunExecutor engineExecutor = executor) {
			int rc = 0;
			for (Fit f : fits) {
				int r = fit(f, path, store, engineExecutor, o, err);
				rc = rank(r) > rank(rc) ? r : rc;
			}
			return rc;
		}
	}

	/** Exit code of a fit that determined none of its estimates ({@link FitResult.Status#UNDETERMINED}). */
	public static final int UNDETERMINED = 3;

	/** 1 (errors, a fit that did not converge) weighs more than 3 (a fit that determined nothing), which weighs more than 0. */
	private static int rank(int rc) {
		return rc == 0 ? 0 : rc == UNDETERMINED ? 1 : 2;
	}

	private int fit(Fit f, Path cellFile, RunStore store, RunExecutor executor, PrintWriter o, PrintWriter err) {
		try {
			Fits.method(method != null ? method : f.getMethod());
		} catch (IllegalArgumentException e) {
			err.println("cellwright: " + e.getMessage());
			return 2;
		}
		Cancel cancel = new Cancel();
		// SIGINT/SIGTERM: cancel, and wait for the fit to end (as run waits for its runs); the JVM stopped at once and
		// left a hidden '.<id>.partial' folder with its scratch runs (loop21)
		java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
		Thread hook = new Thread(() -> {
			cancel.request(Pipeline.INTERRUPTED);
			try {
				ended.await(Pipeline.SHUTDOWN_WAIT_S, java.util.concurrent.TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "cellwright-fit-shutdown");
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			Fits.Stored s = Fits.run(f, cellFile, store, method, FitOptions.defaults(), executor, cancel, new Fits.Listener() {
				volatile FitOptions.Method how;

				@Override
				public void starting(FitRunner.Plan plan, FitOptions options) {
					how = options.method();
					o.println("fit " + f.getName() + ": " + plan.estimates().size() + " parameters, " + plan.targets().size() + " targets ("
							+ options.method().name().toLowerCase(Locale.ROOT).replace('_', '-') + ")");
					o.flush();
				}

				@Override
				public void evaluation(FitRunner.Plan plan, int n, double cost, double[] p) {
					o.println("  " + Fits.evaluationLine(how, plan, n, cost, p));
					o.flush();
				}

				@Override
				public void fitted(FitRunner.Plan plan, FitResult r, double seconds) {
					print(o, plan, r, seconds);
				}

				@Override
				public void tookOver(String message) {
					err.println("cellwright: " + f.getName() + ": " + message); // as the run command says it
					err.flush();
				}

				@Override
				public void finishing(Path writing) {
					try {
						FitHtmlReport.writeWithRuns(writing);
					} catch (ReportException e) {
						err.println("cellwright: no fit report: " + e.getMessage());
					}
				}
			});
			// the mesh each target ran on and who chose it, as fit.json and report.html say it (session 40: fit.json alone)
			for (org.cellwright.run.fit.FitReport.TargetMesh m : org.cellwright.run.fit.FitReport.meshes(org.cellwright.run.fit.FitReport.read(s.folder())))
				o.println("  " + org.cellwright.run.fit.FitReport.meshLine(m));
			o.println("  results: " + Problem.display(s.folder()) + " (report.html, fit.json, fitted.cell)");
			return switch (s.result().status()) {
				case CONVERGED -> 0;
				case UNDETERMINED -> UNDETERMINED;
				case NOT_CONVERGED, CANCELLED -> 1; // cancelled (Ctrl-C): kept as far as it got, an interrupted fit
			};
		} catch (InputException e) {
			err.println(e.problem().format());
			err.println("cellwright: fit " + f.getName() + " not run");
			return 1;
		} catch (Fits.NotRunException e) {
			err.println("cellwright: fit " + f.getName() + " not run: " + e.getMessage());
			return 1;
		} catch (FitCancelledException e) {
			err.println("cellwright: fit " + f.getName() + " cancelled (nothing kept)");
			err.flush();
			return 1;
		} catch (Exception e) {
			err.println("cellwright: fit " + f.getName() + " failed: " + Printable.escape(String.valueOf(e.getMessage())));
			return 1;
		} finally {
			ended.countDown();
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			} catch (IllegalStateException e) {
				// stopping
			}
		}
	}

	static void print(PrintWriter o, FitRunner.Plan plan, FitResult r, double seconds) {
		if (r.bracket() != null) {
			printBracket(o, plan, r, seconds);
			return;
		}
		// a fit whose targets do not depend on its estimates stops at once on its criteria: it read "converged" (loop21)
		String status = shown(r.status(), false, "the targets determine none of the estimates");
		o.println(String.format(Locale.ROOT, "fit %s: %s after %d iterations, %d evaluations (each simulates every target), %.1f s, cost %.6g",
				plan.fit().getName(), status, r.iterations(), r.evaluations(), seconds, r.cost()));
		// the interval itself, as fit.json and the report give it: one cut at a bound is not value +/- half its width
		// (a fit ending at 5.005 in [5, 7.44] printed "+/- 1.22", i.e. 3.79 to 6.23; loop21)
		o.println(String.format(Locale.ROOT, "  %-40s %14s %24s   %s", "estimate", "value", "95 % interval", "bounds"));
		for (int i = 0; i < r.names().size(); i++) {
			FitRunner.Estimate e = plan.estimates().get(i);
			double lo = r.lower95()[i], hi = r.upper95()[i];
			String unit = org.cellwright.run.fit.FitReport.unit(plan, e); // fit.json's: a rate constant's SI unit too
			o.println(String.format(Locale.ROOT, "  %-40s %14s %24s   %s .. %s %s", e.target(),
					String.format(Locale.ROOT, "%.5g %s", r.values()[i], unit).trim(),
					Double.isFinite(lo) && Double.isFinite(hi) ? String.format(Locale.ROOT, "%.5g .. %.5g", lo, hi) : "undetermined",
					String.format(Locale.ROOT, "%.4g", e.parameter().lower()), String.format(Locale.ROOT, "%.4g", e.parameter().upper()), unit));
		}
		if (r.names().size() > 1 && hasCorrelation(r.correlation())) {
			o.println("  correlation (- where an estimate is undetermined):");
			for (int a = 0; a < r.names().size(); a++) {
				StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-40s", r.names().get(a)));
				for (int c = 0; c < r.names().size(); c++)
					b.append(Double.isNaN(r.correlation()[a][c]) ? String.format(Locale.ROOT, " %7s", "-") : String.format(Locale.ROOT, " %7.3f", r.correlation()[a][c]));
				o.println(b);
			}
		}
		for (String n : r.notes()) o.println("  note: " + n);
	}

	/**
	 * A bracket fit ({@code method bracket}): how it ended, the interval over which every expectation holds with its unit
	 * and the start's place in it, then the notes (each end: what fails beyond it, or that it reaches its bound).
	 */
	static void printBracket(PrintWriter o, FitRunner.Plan plan, FitResult r, double seconds) {
		String status = shown(r.status(), true, "no expectation fails within the bounds");
		o.println(String.format(Locale.ROOT, "fit %s: %s after %d evaluations (each simulates every target), %.1f s",
				plan.fit().getName(), status, r.evaluations(), seconds));
		org.cellwright.fit.Bracket b = r.bracket();
		FitRunner.Estimate e = plan.estimates().get(0);
		String unit = org.cellwright.run.fit.FitReport.unit(plan, e), u = unit.isEmpty() ? "" : " " + unit;
		o.println(String.format(Locale.ROOT, "  %s: every expectation holds in [%.4g%s, %.4g%s]%s (start %.4g%s %s, %s; bounds %.4g .. %.4g%s)",
				e.target(), b.lower().passes(), b.lower().toBound() ? " (bound)" : "", b.upper().passes(), b.upper().toBound() ? " (bound)" : "", u,
				b.start(), u, b.startPlace(), b.logarithmic() ? "log" : "linear", e.parameter().lower(), e.parameter().upper(), u));
		for (String n : r.notes()) o.println("  note: " + n);
	}

	/**
	 * How a fit ended on its summary line: the one word ({@link FitResult.Status#word}), a failure's in capitals with its
	 * reason, "NOT converged", "NOT resolved (the evaluations ran out)", "UNDETERMINED (...)", "CANCELLED (...)".
	 */
	static String shown(FitResult.Status status, boolean bracket, String undetermined) {
		String word = status.word(bracket);
		return switch (status) {
			case CONVERGED -> word;
			case NOT_CONVERGED -> word.replaceFirst("^not", "NOT") + (bracket ? " (the evaluations ran out)" : "");
			case UNDETERMINED -> word.toUpperCase(Locale.ROOT) + " (" + undetermined + ")";
			case CANCELLED -> word.toUpperCase(Locale.ROOT) + " (kept as found so far)";
		};
	}

	/** Whether a correlation matrix has a number off its diagonal (none where the targets determine at most one estimate). */
	static boolean hasCorrelation(double[][] c) {
		for (int a = 0; a < c.length; a++)
			for (int b = 0; b < c[a].length; b++)
				if (a != b && !Double.isNaN(c[a][b])) return true;
		return false;
	}
}

package org.cellwright.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cellwright.fit.FitCancelledException;
import org.cellwright.fit.FitOptions;
import org.cellwright.fit.FitResult;
import org.cellwright.lang.text.Printable;
import org.cellwright.model.Element;
import org.cellwright.model.Fit;
import org.cellwright.model.Model;
import org.cellwright.run.Cancel;
import org.cellwright.run.CellFiles;
import org.cellwright.run.InputException;
import org.cellwright.run.Pipeline;
import org.cellwright.run.Problem;
import org.cellwright.report.FitHtmlReport;
import org.cellwright.report.ReportException;
import org.cellwright.report.RunReport;
import org.cellwright.run.fit.FitReport;
import org.cellwright.run.RunExecutor;
import org.cellwright.run.fit.FitRunner;
import org.cellwright.run.store.RunStore;
import org.cellwright.run.store.Slot;
import org.cellwright.sharing.cli.CliSupport;
import org.cellwright.sharing.cli.LibraryOption;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fit FILE [--fit NAME] [--out DIR] [--method lm|bobyqa]}: runs the {@code fit} blocks of a .cell file headless
 * with progress, prints the estimates with their 95 % intervals, the correlations and the notes, and keeps each fit in
 * the run store ({@code <out>/<fit>/<id>/fit.json}, {@code fitted.cell}).
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
		description = { "Estimate parameters: run the fit blocks of a .cell file (Levenberg-Marquardt or BOBYQA from Hipparchus; the "
				+ "simulations of one iteration in parallel); print the estimates with 95 % confidence intervals, correlations and notes; "
				+ "write results/<file>/<fit>/<id>/fit.json and fitted.cell (the file with the fitted values, source \"fitted: <fit>, <date>\")." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:every fit converged", "1:errors in the input, or a fit that did not converge or was interrupted",
				"2:usage error", "4:internal error" })
public class FitCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "FILE", description = "a .cell file with fit blocks")
	String file;

	@Option(names = "--fit", paramLabel = "NAME", description = "run only this fit")
	String only;

	@Option(names = { "-o", "--out" }, paramLabel = "DIR", description = "results folder (default: results/<file name>)")
	String out;

	@Option(names = "--method", paramLabel = "METHOD", description = "lm (Levenberg-Marquardt, default) or bobyqa (derivative-free); overrides the fit's 'method'")
	String method;

	@Option(names = "--engine", paramLabel = "NAME", defaultValue = RunExecutor.LOCAL,
			description = "where the simulations of an evaluation run: local (this computer, the default) or spark (Apache Spark; see --master)")
	String engine;

	@Option(names = "--master", paramLabel = "URL", description = "with --engine spark: the Spark master, e.g. local[2], spark://HOST:7077")
	String master;

	@Mixin
	LibraryOption libs;

	@Spec CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
		Path path = CliSupport.userPath(file);
		if (!Files.isRegularFile(path)) {
			err.println(Problem.display(path) + ": no such file");
			return 1;
		}
		CellFiles loaded = RunCommand.loadChecked(path, libs, err);
		if (loaded == null) return 1;
		List<Fit> fits = new ArrayList<>();
		for (Model m : loaded.models()) {
			if (m.eResource() == null || !m.eResource().getURI().isFile()
					|| !Path.of(m.eResource().getURI().toFileString()).toAbsolutePath().normalize().equals(path.toAbsolutePath().normalize()))
				continue;
			for (Element e : m.getElements())
				if (e instanceof Fit f && (only == null || only.equals(f.getName()))) fits.add(f);
		}
		if (fits.isEmpty()) {
			err.println(Problem.display(path) + ": " + (only == null ? "no fit in this file" : "no fit named '" + Printable.escape(only) + "'"));
			return 1;
		}
		String base = path.getFileName().toString().replaceFirst("\\.cell$", "");
		RunStore store = new RunStore(out != null ? CliSupport.userPath(out) : CliSupport.userPath("results").resolve(base));
		int rc = 0;
		for (Fit f : fits) rc = Math.max(rc, fit(f, path, store, o, err));
		return rc;
	}

	private int fit(Fit f, Path cellFile, RunStore store, PrintWriter o, PrintWriter err) {
		FitRunner.Plan plan;
		try {
			plan = FitRunner.plan(f);
		} catch (InputException e) {
			err.println(e.problem().format());
			err.println("cellwright: fit " + f.getName() + " not run");
			return 1;
		}
		FitOptions options = FitOptions.defaults();
		String m = method != null ? method : f.getMethod();
		if (m != null) {
			switch (m.toLowerCase(Locale.ROOT)) {
				case "lm", "levenberg-marquardt", "levenberg_marquardt" -> options = options.withMethod(FitOptions.Method.LEVENBERG_MARQUARDT);
				case "bobyqa" -> options = options.withMethod(FitOptions.Method.BOBYQA);
				default -> {
					err.println("cellwright: unknown fit method '" + Printable.escape(m) + "': lm or bobyqa");
					return 2;
				}
			}
		}
		Instant started = Instant.now();
		o.println("fit " + f.getName() + ": " + plan.estimates().size() + " parameters, " + plan.targets().size() + " targets ("
				+ options.method().name().toLowerCase(Locale.ROOT).replace('_', '-') + ")");
		o.flush();
		options = options.withListener((n, cost, p) -> {
			o.println(String.format(Locale.ROOT, "  evaluation %d: cost %.6g  %s", n, cost, values(plan, p)));
			o.flush();
		});
		RunExecutor executor = null;
		try {
			if (!RunExecutor.LOCAL.equals(engine)) {
				executor = RunExecutor.of(engine, master);
				options = new FitOptions(options.method(), options.maxEvaluations(), options.relativeStep(),
						Math.max(options.parallelism(), executor.parallelism()), options.cancelled(), options.listener());
			}
		} catch (IllegalArgumentException e) {
			err.println("cellwright: " + e.getMessage());
			return 1;
		}
		Cancel cancel = new Cancel();
		Thread hook = new Thread(() -> cancel.request(Pipeline.INTERRUPTED), "cellwright-fit-shutdown");
		Runtime.getRuntime().addShutdownHook(hook);
		Slot slot;
		try {
			slot = store.begin(f.getName(), started, hash(f.getName() + plan.estimates() + cellFile));
		} catch (RuntimeException e) {
			err.println("cellwright: fit " + f.getName() + " not run: " + e.getMessage());
			if (executor != null) executor.close();
			return 1;
		}
		try (slot; RunExecutor engineExecutor = executor) {
			FitRunner runner = new FitRunner(slot.writing().resolve(".scratch"), cancel).on(engineExecutor);
			FitResult r = runner.run(plan, options);
			double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
			FitReport.write(slot.writing(), cellFile, plan, r, seconds);
			print(o, plan, r, seconds);
			// the fit report: the targets at the start values and at the fitted values, beside fit.json
			double[] start = plan.estimates().stream().mapToDouble(e -> e.parameter().initial()).toArray();
			runner.keep(plan, start, slot.writing().resolve(FitReport.BEFORE));
			runner.keep(plan, r.values(), slot.writing().resolve(FitReport.AFTER));
			try {
				for (String side : List.of(FitReport.BEFORE, FitReport.AFTER))
					for (FitRunner.Target t : plan.targets()) {
						Path run = slot.writing().resolve(side).resolve(t.experiment().getName());
						if (org.cellwright.run.folder.RunFolder.isRunFolder(run)) RunReport.write(run);
					}
				FitHtmlReport.write(slot.writing());
			} catch (ReportException e) {
				err.println("cellwright: no fit report: " + e.getMessage());
			}
			o.println("  results: " + Problem.display(slot.folder()) + " (report.html, fit.json, fitted.cell)");
			return r.converged() ? 0 : 1;
		} catch (FitCancelledException e) {
			err.println("cellwright: fit " + f.getName() + " cancelled");
			return 1;
		} catch (Exception e) {
			err.println("cellwright: fit " + f.getName() + " failed: " + Printable.escape(String.valueOf(e.getMessage())));
			return 1;
		} finally {
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			} catch (IllegalStateException e) {
				// stopping
			}
		}
	}

	static String values(FitRunner.Plan plan, double[] p) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < p.length; i++) {
			FitRunner.Estimate e = plan.estimates().get(i);
			b.append(i == 0 ? "" : ", ").append(e.target()).append(" = ").append(String.format(Locale.ROOT, "%.5g", p[i]))
					.append(e.unit().isEmpty() ? "" : " " + e.unit());
		}
		return b.toString();
	}

	static void print(PrintWriter o, FitRunner.Plan plan, FitResult r, double seconds) {
		o.println(String.format(Locale.ROOT, "fit %s: %s after %d iterations, %d evaluations (each simulates every target), %.1f s, cost %.6g",
				plan.fit().getName(), r.converged() ? "converged" : "NOT converged", r.iterations(), r.evaluations(), seconds, r.cost()));
		o.println(String.format(Locale.ROOT, "  %-40s %14s %14s   %s", "estimate", "value", "+/- (95 %)", "bounds"));
		for (int i = 0; i < r.names().size(); i++) {
			FitRunner.Estimate e = plan.estimates().get(i);
			double half = (r.upper95()[i] - r.lower95()[i]) / 2;
			o.println(String.format(Locale.ROOT, "  %-40s %14s %14s   %s .. %s %s", e.target(),
					String.format(Locale.ROOT, "%.5g %s", r.values()[i], e.unit()).trim(),
					Double.isFinite(half) ? String.format(Locale.ROOT, "%.3g", half) : "undetermined",
					String.format(Locale.ROOT, "%.4g", e.parameter().lower()), String.format(Locale.ROOT, "%.4g", e.parameter().upper()), e.unit()));
		}
		if (r.names().size() > 1) {
			o.println("  correlation:");
			for (int a = 0; a < r.names().size(); a++) {
				StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-40s", r.names().get(a)));
				for (int c = 0; c < r.names().size(); c++) b.append(String.format(Locale.ROOT, " %7.3f", r.correlation()[a][c]));
				o.println(b);
			}
		}
		for (String n : r.notes()) o.println("  note: " + n);
	}

	private static String hash(String s) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}

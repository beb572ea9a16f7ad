package org.cellwright.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cellwright.fit.FitOptions;
import org.cellwright.fit.FitResult;
import org.cellwright.lang.text.Printable;
import org.cellwright.model.Fit;
import org.cellwright.run.Cancel;
import org.cellwright.run.CellFiles;
import org.cellwright.run.InputException;
import org.cellwright.run.Problem;
import org.cellwright.run.fit.FitRunner;
import org.cellwright.run.fit.Fits;
import org.cellwright.solver.bench.WorkPrecisionBenchmark;
import org.cellwright.lang.files.FileTrees;
import org.cellwright.sharing.cli.CliCommand;
import org.cellwright.sharing.cli.CliSupport;
import org.cellwright.sharing.cli.LibraryOption;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench fit [FILE] [--fit NAME] [--threads N]}: the fit benchmark. Runs a fit (by default
 * {@value #DEFAULT_FILE}: 3 of the study's calibrated parameters against 5 experiments) in a scratch folder and prints wall time, number of
 * simulations, iterations and final cost. Speed goals are benchmarks, not timed tests: the figure goes into the README.
 * <p>
 * {@code bench work-precision [FULL_CYCLES] [HALF_CYCLES]}: the solver's accuracy against CPU time on the standard cases
 * ({@link WorkPrecisionBenchmark}; the README's table "Accuracy: work-precision"); {@code bench work-precision
 * --temperatures}: the full cell's discharge and pulses at -20, 0 and 25 degC, its discharge at 5 C at 25 degC, its
 * pulses at 0.55 C and discharge at 0.7 C at -25 degC, with the time stepping and the meshes refined apart.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
		description = { "Benchmarks. 'bench fit [FILE] [--fit NAME]': run a fit (default: " + BenchCommand.DEFAULT_FILE
				+ ", 3 parameters against 5 of the study's experiments) and print wall time, simulations, iterations and final cost; "
				+ "nothing is kept.",
				"'bench work-precision [FULL_CYCLES] [HALF_CYCLES]': refine meshes and tolerance together on the standard cases "
				+ "(1 C discharge, first plating, half-cell and full-cell cycling; default " + WorkPrecisionBenchmark.DEFAULT_FULL_CYCLES
				+ " full-cell and " + WorkPrecisionBenchmark.DEFAULT_HALF_CYCLES + " half-cell cycles) and print each level's error "
				+ "against the finest and its CPU time as a markdown table; with --temperatures the full cell's discharge and "
				+ "pulses at -20, 0 and 25 degC, its 5 C discharge at 25 degC, its 0.55 C pulses and 0.7 C discharge at -25 degC instead, the time stepping and the meshes also refined apart." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:the benchmark ran", "1:errors in the input, or the fit failed", "2:usage error", "4:internal error" })
public class BenchCommand extends CliCommand {

	/**
	 * The method's own count: a bracket's bisections (both sides at once; its iterations are those), an optimiser's
	 * iterations named by the optimiser (a bracket's read "iterations (Levenberg-Marquardt)").
	 */
	static String counts(FitOptions.Method method, FitResult r) {
		return method == FitOptions.Method.BRACKET
				? String.format(Locale.ROOT, "  bisections       %d (bracket%s)", r.iterations(), r.bracket() == null ? "" : ": " + r.bracket().searched())
				: String.format(Locale.ROOT, "  iterations       %d (%s)", r.iterations(), method == FitOptions.Method.BOBYQA ? "BOBYQA" : "Levenberg-Marquardt");
	}

	/** The fit benchmark's fit (3 of the study's calibrated values against 5 experiments), relative to the working folder (the repository's root). */
	public static final String DEFAULT_FILE = "examples/sung2023/fit-benchmark.cell";

	@Parameters(index = "0", paramLabel = "WHAT", description = "the benchmark: fit or work-precision")
	String what;

	@Parameters(index = "1..*", arity = "0..2", paramLabel = "ARG",
			description = { "fit: [FILE], a .cell file with a fit block (default: " + DEFAULT_FILE + ")",
					"work-precision: [FULL_CYCLES] [HALF_CYCLES] (default " + WorkPrecisionBenchmark.DEFAULT_FULL_CYCLES + " and "
							+ WorkPrecisionBenchmark.DEFAULT_HALF_CYCLES + ")" })
	List<String> operands = new ArrayList<>();

	@Option(names = "--fit", paramLabel = "NAME", description = "the fit to run (default: the file's first)")
	String only;

	@Option(names = "--threads", paramLabel = "N", description = "simulations at once (default: the number of processors)")
	Integer threads;

	@Option(names = "--temperatures", description = "work-precision: the full cell's discharge and pulses at -20, 0 and 25 degC, its 5 C discharge at 25 degC, its 0.55 C pulses and 0.7 C discharge at -25 degC "
			+ "(the default level's time stepping with the reference's meshes and its meshes with the reference's time stepping too)")
	boolean temperatures;

	@Mixin
	LibraryOption libs;

	@Override
	protected int run(PrintWriter o, PrintWriter err) {
		if ("work-precision".equals(what)) return workPrecision(o, err);
		if (!"fit".equals(what)) {
			err.println("cellwright: unknown benchmark " + Printable.quoted(what) + ": fit or work-precision");
			return 2;
		}
		if (temperatures) {
			err.println("cellwright: --temperatures is an option of bench work-precision, not of bench fit");
			return 2;
		}
		if (operands.size() > 1) {
			err.println("cellwright: bench fit takes one FILE, not " + operands.size() + " arguments");
			return 2;
		}
		String file = operands.isEmpty() ? null : operands.get(0);
		Path path = CliSupport.userPath(file != null ? file : DEFAULT_FILE);
		if (!CliSupport.isFile(path, Problem.display(path), err)) return 1;
		long loadStart = System.nanoTime();
		CellFiles loaded = RunCommand.loadChecked(path, libs, err);
		if (loaded == null) return 1;
		Fit fit;
		try {
			fit = Fits.of(loaded, path, only).get(0);
		} catch (IllegalArgumentException e) {
			err.println(Problem.display(path) + ": " + e.getMessage());
			return 1;
		}
		FitRunner.Plan plan;
		try {
			plan = FitRunner.plan(fit);
		} catch (InputException e) {
			err.println(e.problem().format());
			return 1;
		}
		double loadS = (System.nanoTime() - loadStart) / 1e9;
		FitOptions options;
		try {
			options = FitOptions.defaults().withMethod(Fits.method(fit.getMethod()));
		} catch (IllegalArgumentException e) {
			err.println("cellwright: " + e.getMessage());
			return 2;
		}
		if (threads != null) options = options.withParallelism(threads);
		int n = options.parallelism();
		o.println(String.format(Locale.ROOT, "bench fit: %s, fit %s: %d parameters, %d experiments, %d simulations at once (%d processors)",
				Problem.display(path), fit.getName(), plan.estimates().size(), plan.targets().size(), n,
				Runtime.getRuntime().availableProcessors()));
		o.flush();
		Path scratch;
		try {
			scratch = Files.createTempDirectory("cellwright-bench-");
		} catch (IOException e) {
			err.println("cellwright: no scratch folder: " + e.getMessage());
			return 1;
		}
		FitRunner runner = new FitRunner(scratch.resolve("fit"), new Cancel());
		long start = System.nanoTime();
		try {
			FitResult r = runner.run(plan, options);
			double wall = (System.nanoTime() - start) / 1e9;
			o.println(String.format(Locale.ROOT, "  wall time        %.1f s (loading and checking the files: %.1f s, not included)", wall, loadS));
			o.println(String.format(Locale.ROOT, "  simulations      %d (%d evaluations x %d experiments; %.2f s each on average, %.2f s of wall time)",
					runner.simulations(), r.evaluations(), plan.targets().size(), runner.simulations() == 0 ? 0 : wall * n / runner.simulations(),
					runner.simulations() == 0 ? 0 : wall / runner.simulations()));
			o.println(counts(options.method(), r));
			// a bracket has no cost to minimise (its result: the status line of the bracket below)
			if (options.method() != FitOptions.Method.BRACKET) o.println(String.format(Locale.ROOT, "  final cost       %.6g (%s; first cost %.6g)", r.cost(), r.status() == org.cellwright.fit.FitResult.Status.NOT_CONVERGED ? "NOT converged" : r.status().text(),
					r.costHistory().isEmpty() ? Double.NaN : r.costHistory().get(0)));
			FitCommand.print(o, plan, r, wall);
			return 0;
		} catch (Exception e) {
			err.println("cellwright: bench fit failed: " + Printable.escape(String.valueOf(e.getMessage())));
			return 1;
		} finally {
			try {
				FileTrees.deleteTree(scratch);
			} catch (RuntimeException e) {
				// a scratch folder in the temporary folder
			}
		}
	}

	/** {@code bench work-precision [FULL_CYCLES] [HALF_CYCLES]}: {@link WorkPrecisionBenchmark}'s table on {@code o}. */
	private int workPrecision(PrintWriter o, PrintWriter err) {
		if (temperatures) {
			if (!operands.isEmpty()) {
				err.println("cellwright: bench work-precision --temperatures takes no cycles, not " + Printable.quoted(operands.get(0)));
				return 2;
			}
			o.println("bench work-precision --temperatures: the full cell at -20, 0 and 25 degC and at 5 C; errors against the reference "
					+ "level at each temperature, CPU time the best of two warm runs");
			WorkPrecisionBenchmark.runTemperatures(o);
			return 0;
		}
		int[] cycles = { WorkPrecisionBenchmark.DEFAULT_FULL_CYCLES, WorkPrecisionBenchmark.DEFAULT_HALF_CYCLES };
		for (int i = 0; i < operands.size(); i++) {
			String a = operands.get(i);
			try {
				cycles[i] = Integer.parseInt(a);
			} catch (NumberFormatException e) {
				cycles[i] = 0;
			}
			if (cycles[i] < 1) {
				err.println("cellwright: bench work-precision: " + (i == 0 ? "FULL_CYCLES" : "HALF_CYCLES")
						+ " must be a whole number of cycles, at least 1, not " + Printable.quoted(a));
				return 2;
			}
		}
		o.println(String.format(Locale.ROOT, "bench work-precision: %d full-cell and %d half-cell cycles; errors against the "
				+ "reference level, CPU time the best of two warm runs", cycles[0], cycles[1]));
		WorkPrecisionBenchmark.run(o, cycles[0], cycles[1]);
		return 0;
	}
}

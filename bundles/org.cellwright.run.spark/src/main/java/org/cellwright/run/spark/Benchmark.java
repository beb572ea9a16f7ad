package org.cellwright.run.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.cellwright.model.Element;
import org.cellwright.model.Sweep;
import org.cellwright.run.Cancel;
import org.cellwright.run.CellFiles;
import org.cellwright.run.Pipeline;
import org.cellwright.run.Plans;
import org.cellwright.run.Problem;
import org.cellwright.run.RunExecutor;
import org.cellwright.run.RunGroup;
import org.cellwright.run.store.RunStore;

/**
 * {@code ./cellwright spark-bench FILE [--sweep NAME] [--executors N] [--master URL]}: runs one sweep of FILE through
 * the pipeline, first on the local engine, then on Spark with 1, 2 ... N executor threads (local[n]; or once on
 * {@code --master}), into a temporary run store, and prints per engine: wall time, runs per second, the speed-up over
 * one executor, the solver's seconds per run, the overhead per task (wall x executors - solver seconds, per run) and
 * the bytes that come back per run: the numbers of the README's model of what N machines give.
 */
final class Benchmark {
	private Benchmark() {}

	record Row(String engine, int executors, int runs, double wallS, double solverS, long resultBytes, double startS) {
		double runsPerS() { return runs / wallS; }
		double overheadPerTaskS() { return (wallS * executors - solverS) / runs; }
	}

	static int main(String[] args) {
		String file = null, sweep = null, master = null;
		int max = Runtime.getRuntime().availableProcessors();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--sweep" -> sweep = args[++i];
				case "--executors" -> max = Integer.parseInt(args[++i]);
				case "--master" -> master = args[++i];
				default -> file = args[i];
			}
		}
		if (file == null) {
			System.err.println("usage: ./cellwright spark-bench FILE [--sweep NAME] [--executors N] [--master URL]");
			return 2;
		}
		PlainJava.setUp();
		Path f = org.cellwright.sharing.cli.CliSupport.userPath(file);
		CellFiles loaded = CellFiles.load(List.of(f));
		for (Problem p : loaded.problemsOf(f)) if (p.isError()) System.err.println(p.format());
		if (loaded.hasErrors()) return 1;
		List<Element> sweeps = new ArrayList<>();
		for (Element e : loaded.runnables(sweep)) if (e instanceof Sweep) sweeps.add(e);
		if (sweeps.isEmpty()) {
			System.err.println(Problem.display(f) + ": no sweep" + (sweep == null ? "" : " named '" + sweep + "'"));
			return 1;
		}
		List<RunGroup> groups = Plans.of(List.of(sweeps.get(0)));
		int runs = groups.get(0).units().size();
		System.out.printf(Locale.ROOT, "sweep %s: %d runs; %d processors here%n", groups.get(0).name(), runs, Runtime.getRuntime().availableProcessors());
		List<Row> rows = new ArrayList<>();
		int threads = max;
		try {
			// warm-up (the JIT): the first 20 runs once, not counted
			RunGroup g = groups.get(0);
			once("warm-up", threads, List.of(new RunGroup(g.name(), true, g.units().subList(0, Math.min(20, runs)), List.of())),
					() -> RunExecutor.local(threads));
			rows.add(once("local", threads, groups, () -> RunExecutor.local(threads)));
			if (master != null) {
				String m = master;
				rows.add(once("spark " + m, max, groups, () -> new SparkRunExecutor(m)));
			} else {
				for (int n = 1; n <= max; n++) {
					int k = n;
					rows.add(once("spark local[" + n + "]", n, groups, () -> new SparkRunExecutor("local[" + k + "]")));
				}
			}
		} catch (IOException e) {
			System.err.println("cellwright: " + e.getMessage());
			return 1;
		}
		double base = rows.size() > 1 ? rows.get(1).wallS() : rows.get(0).wallS();
		System.out.printf(Locale.ROOT, "%-22s %9s %7s %8s %8s %10s %12s %10s %9s%n", "engine", "executors", "runs", "wall s", "runs/s",
				"speed-up", "solver s/run", "overhead s", "kB/run");
		for (Row r : rows)
			System.out.printf(Locale.ROOT, "%-22s %9d %7d %8.1f %8.2f %10.2f %12.3f %10.3f %9.1f%n", r.engine(), r.executors(), r.runs(),
					r.wallS(), r.runsPerS(), base / r.wallS(), r.solverS() / r.runs(), r.overheadPerTaskS(), r.resultBytes() / 1024.0 / r.runs());
		System.out.println("(the start of an engine is not included; Spark's first took " + String.format(Locale.ROOT, "%.1f", rows.get(1).startS()) + " s)");
		return 0;
	}

	interface Opener {
		RunExecutor open();
	}

	private static Row once(String name, int executors, List<RunGroup> groups, Opener opener) throws IOException {
		Path store = Files.createTempDirectory("cellwright-bench-");
		try {
			long t0 = System.nanoTime();
			try (RunExecutor ex = opener.open()) {
				double start = (System.nanoTime() - t0) / 1e9;
				long t1 = System.nanoTime();
				List<Pipeline.Result> results = new Pipeline(new RunStore(store), ex, new Cancel()).run(groups, new Pipeline.Listener() {});
				double wall = (System.nanoTime() - t1) / 1e9;
				double solver = 0;
				long bytes = 0;
				for (Pipeline.Result r : results) {
					solver += r.outcome().seconds();
					bytes += folderBytes(r.folder());
				}
				System.out.printf(Locale.ROOT, "  %s: %d runs in %.1f s%n", name, results.size(), wall);
				return new Row(name, executors, results.size(), wall, solver, bytes, start);
			}
		} finally {
			org.cellwright.lang.files.FileTrees.deleteTree(store);
		}
	}

	private static long folderBytes(Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			long n = 0;
			for (Path p : s.filter(Files::isRegularFile).toList()) n += Files.size(p);
			return n;
		}
	}
}

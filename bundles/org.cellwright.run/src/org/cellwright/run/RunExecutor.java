package org.cellwright.run;

import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.cellwright.solver.ProgressListener;

/**
 * Where units run: a local thread pool (the default), or another engine found on the class path (each unit is plain
 * resolved inputs in, a run folder out; e.g. Apache Spark, bundles/org.cellwright.run.spark).
 */
public interface RunExecutor extends AutoCloseable {

	<T> Future<T> submit(Callable<T> unit);

	/**
	 * Runs a unit into {@code writing} (see {@link RunWriter#write}); {@code done} is called when it ended, on any thread.
	 * Here: on this executor's threads. An engine that runs units elsewhere ships the unit's resolved inputs, and writes
	 * the files of the run folder that come back into {@code writing}.
	 */
	default Future<RunWriter.Outcome> run(RunUnit unit, String runId, Path writing, ProgressListener progress, Cancel cancel,
			Runnable done) {
		return submit(() -> {
			try {
				return RunWriter.write(unit, runId, writing, progress, cancel);
			} finally {
				done.run();
			}
		});
	}

	/** How many units this executor runs at once (a fit evaluates as many at once). */
	default int parallelism() {
		return Runtime.getRuntime().availableProcessors();
	}

	/** A sweep's table ({@code sweep.csv}) was written into the sweep's run folder: an engine may add other forms of it. */
	default void sweepTableWritten(Path sweepCsv) {}

	/** The engine of {@code --engine NAME}: {@value #LOCAL} (this JVM's processors), or one registered as a {@link Engine} service. */
	String LOCAL = "local";

	/** Another engine (found with {@link ServiceLoader}, on the class path only when a command asks for it). */
	interface Engine {
		/** The name after {@code --engine}. */
		String name();

		/** Opens the engine; {@code master} as the engine understands it (null: its default); a clear message on failure. */
		RunExecutor open(String master);
	}

	/**
	 * The executor of an engine: {@value #LOCAL} (master ignored), or the {@link Engine} of that name on the class path.
	 *
	 * @throws IllegalArgumentException an engine that is not on the class path, or that cannot start (its message says why)
	 */
	static RunExecutor of(String engine, String master) {
		if (engine == null || LOCAL.equals(engine)) return local();
		for (Engine e : ServiceLoader.load(Engine.class, Engine.class.getClassLoader()))
			if (e.name().equals(engine)) return e.open(master);
		throw new IllegalArgumentException("the engine '" + engine + "' is not on the class path"
				+ ("spark".equals(engine) ? " (./cellwright adds Apache Spark when the command line says --engine spark)" : "")
				+ "; known here: " + LOCAL);
	}

	@Override
	void close();

	/** A pool of {@code threads} daemon threads (so a JVM asked to stop is not kept alive by them). */
	static RunExecutor local(int threads) {
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
			Thread t = new Thread(r, "cellwright-run");
			t.setDaemon(true);
			return t;
		});
		return new RunExecutor() {
			@Override
			public <T> Future<T> submit(Callable<T> unit) {
				return pool.submit(unit);
			}

			@Override
			public void close() {
				pool.shutdownNow();
			}
		};
	}

	/** One thread per available processor. */
	static RunExecutor local() {
		return local(Runtime.getRuntime().availableProcessors());
	}
}

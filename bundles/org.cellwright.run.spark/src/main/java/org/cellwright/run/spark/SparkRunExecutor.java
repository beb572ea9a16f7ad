package org.cellwright.run.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.cellwright.run.Cancel;
import org.cellwright.run.RunExecutor;
import org.cellwright.run.RunUnit;
import org.cellwright.run.RunWriter;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.folder.Summary;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.input.json.InputsJson;

/**
 * The run pipeline's units as Apache Spark tasks: one Spark job of one task per unit (its resolved inputs travel, the
 * files of its run folder come back), so that a unit that fails does not take others with it. The driver (this JVM)
 * writes what comes back into the folder the pipeline gave, and the pipeline does the rest as for a local run (checks,
 * report, moving into place, the index): a Spark run's folders are the local run's, file for file.
 * <p>
 * Nothing is stored twice: a task's result reaches the driver once (speculative execution is off, and a task that is
 * run again after its executor was lost has not returned before); the worker writes only into a temporary folder of
 * its own. Generic {@link #submit} callables (closures over the model) run on the driver.
 */
public final class SparkRunExecutor implements RunExecutor {

	/** How long a standalone master may take to accept a connection before it counts as unreachable [ms]. */
	public static final int CONNECT_TIMEOUT_MS = 3000;
	/** How long a cluster may take to give the application its first executor [s] (system property cellwright.spark.executor-wait). */
	public static final int EXECUTOR_WAIT_S = Integer.getInteger("cellwright.spark.executor-wait", 90);
	/** The system property with the jars that travel to the executors (path list); default: the class path without Spark's. */
	public static final String JARS_PROPERTY = "cellwright.spark.jars";

	private final JavaSparkContext sc;
	private final ExecutorService driverThreads = Executors.newCachedThreadPool(r -> {
		Thread t = new Thread(r, "cellwright-spark-driver");
		t.setDaemon(true);
		return t;
	});
	private final AtomicInteger taskStarts = new AtomicInteger();
	private final Map<String, UnitResult> last = new java.util.concurrent.ConcurrentHashMap<>();
	/** What to call when a job ends (a unit's {@code done}: its progress line ends when its task is back, not when it is written). */
	private final Map<Integer, Runnable> onJobEnd = new java.util.concurrent.ConcurrentHashMap<>();

	/** Starts a Spark application on {@code master} (null: local[*]). */
	public SparkRunExecutor(String master) {
		this(master, Map.of());
	}

	/** Starts a Spark application on {@code master} with extra Spark settings (they win over the defaults here). */
	public SparkRunExecutor(String master, Map<String, String> settings) {
		String m = master == null || master.isBlank() ? "local[*]" : master.strip();
		reachable(m);
		SparkConf conf = new SparkConf(true) // spark.* system properties count
				.setMaster(m).setAppName("cellwright")
				.setIfMissing("spark.ui.enabled", "false")
				.setIfMissing("spark.task.maxFailures", "4")
				.setIfMissing("spark.speculation", "false")
				// a job's result is one run folder: some 10-200 kB, a long cycling run's time series some MB
				.setIfMissing("spark.driver.maxResultSize", "1g");
		if (loopback(m)) conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
		if (!m.startsWith("local")) conf.setJars(Jars.toShip().toArray(String[]::new));
		settings.forEach(conf::set);
		ClassLoader before = Thread.currentThread().getContextClassLoader();
		try {
			Thread.currentThread().setContextClassLoader(SparkRunExecutor.class.getClassLoader());
			sc = new JavaSparkContext(conf);
		} catch (RuntimeException | LinkageError e) {
			throw new IllegalArgumentException("Spark could not start on " + m + ": " + e, e);
		} finally {
			Thread.currentThread().setContextClassLoader(before);
		}
		sc.setLogLevel("WARN");
		sc.sc().addSparkListener(new SparkListener() {
			@Override
			public void onTaskStart(SparkListenerTaskStart t) {
				taskStarts.incrementAndGet();
			}

			@Override
			public void onJobEnd(SparkListenerJobEnd end) {
				Runnable r = onJobEnd.remove(end.jobId());
				if (r != null) r.run();
			}
		});
		if (!m.startsWith("local")) awaitExecutor(m);
	}

	/** A standalone master that does not accept connections is an error within seconds (Spark itself retries for a minute). */
	static void reachable(String master) {
		if (!master.startsWith("spark://")) return;
		List<String> tried = new ArrayList<>();
		for (String hostPort : master.substring("spark://".length()).split(",")) {
			URI u = URI.create("spark://" + hostPort.strip());
			int port = u.getPort() < 0 ? 7077 : u.getPort();
			try (Socket s = new Socket()) {
				s.connect(new InetSocketAddress(u.getHost(), port), CONNECT_TIMEOUT_MS);
				return;
			} catch (IOException | IllegalArgumentException e) {
				tried.add(u.getHost() + ":" + port + " (" + e.getMessage() + ")");
			}
		}
		throw new IllegalArgumentException("cannot reach the Spark master " + master + " within " + CONNECT_TIMEOUT_MS / 1000 + " s: "
				+ String.join(", ", tried) + "; is it running, and is the URL right (spark://HOST:PORT, default port 7077)?");
	}

	private static boolean loopback(String master) {
		if (master.startsWith("local")) return true;
		if (!master.startsWith("spark://")) return false;
		String h = URI.create(master.split(",")[0]).getHost();
		return h != null && (h.equals("localhost") || h.startsWith("127."));
	}

	private void awaitExecutor(String master) {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(EXECUTOR_WAIT_S);
		while (sc.sc().getExecutorMemoryStatus().size() < 2) { // the driver counts as one
			if (System.nanoTime() > until) {
				sc.stop();
				throw new IllegalArgumentException("the Spark master " + master + " gave this application no executor within " + EXECUTOR_WAIT_S
						+ " s: are workers registered with it, with free cores and memory?");
			}
			try {
				Thread.sleep(200);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalArgumentException("interrupted while waiting for Spark executors", e);
			}
		}
	}

	public JavaSparkContext context() {
		return sc;
	}

	/** Tasks started so far, first attempts and attempts again together. */
	public int taskStarts() {
		return taskStarts.get();
	}

	/** The result of the last unit of that name that came back (where it ran, its attempt, its size). */
	public UnitResult lastResult(String unitName) {
		return last.get(unitName);
	}

	/** The cluster's cores (spark.default.parallelism): how many evaluations of a fit go at once. */
	@Override
	public int parallelism() {
		return sc.defaultParallelism();
	}

	@Override
	public <T> Future<T> submit(Callable<T> unit) {
		return driverThreads.submit(unit);
	}

	@Override
	public Future<RunWriter.Outcome> run(RunUnit unit, String runId, Path writing, ProgressListener progress, Cancel cancel, Runnable done) {
		// a liquid-electrolyte (DFN) unit has no inputs.json to ship (its inputs hold the model's functions): it runs here
		if (unit.dfn() != null) return RunExecutor.super.run(unit, runId, writing, progress, cancel, done);
		UnitTask task = new UnitTask(unit.name(), unit.variant(), runId, InputsJson.toJson(unit.inputsAsRecorded()).toString(),
				new LinkedHashMap<>(unit.parameters()), writing.toAbsolutePath().normalize().toString());
		sc.setJobDescription(unit.name());
		JavaFutureAction<List<UnitResult>> job = sc.parallelize(List.of(task), 1).map(new RunOnWorker()).collectAsync();
		java.util.concurrent.atomic.AtomicBoolean said = new java.util.concurrent.atomic.AtomicBoolean();
		Runnable once = () -> {
			if (said.compareAndSet(false, true)) done.run();
		};
		for (Integer id : job.jobIds()) onJobEnd.put(id, once);
		if (job.isDone()) once.run(); // ended before the listener knew of it
		return new Future<>() {
			private RunWriter.Outcome outcome;

			@Override
			public boolean cancel(boolean mayInterrupt) {
				return job.cancel(mayInterrupt);
			}

			@Override
			public boolean isCancelled() {
				return job.isCancelled();
			}

			@Override
			public boolean isDone() {
				return job.isDone();
			}

			@Override
			public synchronized RunWriter.Outcome get() throws InterruptedException, ExecutionException {
				if (outcome == null) {
					try {
						outcome = arrived(unit, writing, awaited());
					} finally {
						once.run();
					}
				}
				return outcome;
			}

			/** The task's result; a cancel request (Ctrl-C, the IDE's Cancel) cancels the job. */
			private UnitResult awaited() throws InterruptedException, ExecutionException {
				while (true) {
					try {
						return job.get(200, TimeUnit.MILLISECONDS).get(0);
					} catch (TimeoutException e) {
						if (cancel.requested()) {
							job.cancel(true);
							throw new ExecutionException(new java.util.concurrent.CancellationException(
									cancel.reason() != null ? cancel.reason() : "cancelled"));
						}
					}
				}
			}

			@Override
			public RunWriter.Outcome get(long timeout, TimeUnit u) throws InterruptedException, ExecutionException, TimeoutException {
				job.get(timeout, u);
				return get();
			}
		};
	}

	/** Writes a unit's files into its folder (once: {@code get} keeps the outcome) and reads its summary as written. */
	private RunWriter.Outcome arrived(RunUnit unit, Path writing, UnitResult r) throws ExecutionException {
		try {
			Files.createDirectories(writing);
			for (Map.Entry<String, byte[]> f : r.files().entrySet()) {
				Path to = writing.resolve(f.getKey()).normalize();
				if (!to.startsWith(writing)) throw new IOException("a worker sent a file outside its run folder: " + f.getKey());
				Files.createDirectories(to.getParent());
				Files.write(to, f.getValue());
			}
		} catch (IOException e) {
			throw new ExecutionException(e);
		}
		last.put(unit.name(), r);
		Summary s = Summary.read(writing.resolve(RunFiles.SUMMARY));
		return new RunWriter.Outcome(unit, r.status(), s, List.of(), r.seconds(), r.error() == null ? null : new RemoteRunException(r.error()));
	}

	@Override
	public void sweepTableWritten(Path sweepCsv) {
		try {
			SweepParquet.write(sweepCsv, sweepCsv.resolveSibling(SweepParquet.FILE_NAME));
		} catch (IOException e) {
			throw new UncheckedIOException("cannot write " + SweepParquet.FILE_NAME + ": " + e.getMessage(), e);
		}
	}

	@Override
	public void close() {
		driverThreads.shutdownNow();
		sc.stop();
	}

	/** The error of a run that failed on a worker, as the worker said it. */
	public static final class RemoteRunException extends RuntimeException {
		private static final long serialVersionUID = 1L;

		RemoteRunException(String message) {
			super(message, null, false, false);
		}

		@Override
		public String toString() {
			return getMessage();
		}
	}
}

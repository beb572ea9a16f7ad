package org.cellwright.run.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cellwright.run.store.RunStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone cluster on loopback (one master, two workers of one core, started from the Spark jars): a 20-run sweep
 * whose folders equal the local engine's; then a worker killed in the middle of a sweep while its executor runs a task,
 * which runs again on the other worker, nothing lost or stored twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterTest {

	@TempDir
	static Path tmp;
	static Cluster cluster;
	static Path file, local;

	@BeforeAll
	static void startCluster() throws Exception {
		cluster = new Cluster(tmp, 2);
		System.setProperty(SparkRunExecutor.JARS_PROPERTY, shipped());
		// runs of 40 cycles (a fraction of a second to a second each): a task killed when it starts is still running
		file = Folders.write(tmp.resolve("s.cell"), Folders.cycling(Folders.pressures(20), 40));
		assertTrue(Files.readString(file).contains("repeat 40"));
		local = tmp.resolve("local");
		Folders.Result l = Folders.cli("run", file.toString(), "--experiment", "Sw", "--out", local.toString());
		assertEquals(0, l.rc(), l.out() + l.err());
	}

	/** What travels to the executors: this module's classes (as a jar) and CellWright's jars, as ./cellwright sends them. */
	static String shipped() throws Exception {
		Path cp = Path.of(System.getProperty("cellwright.spark.classpath"));
		return System.getProperty("cellwright.spark.classes") + java.io.File.pathSeparator + Files.readString(cp.resolve("cellwright.txt")).strip();
	}

	@AfterAll
	static void stopCluster() throws Exception {
		if (cluster != null) cluster.close();
	}

	@Test
	@Order(1)
	void twentyRunSweepOnTwoWorkersEqualsTheLocalEngine() throws Exception {
		Path out = tmp.resolve("cluster");
		Folders.Result r = Folders.cli("run", file.toString(), "--experiment", "Sw", "--out", out.toString(), "--engine", "spark",
				"--master", cluster.url());
		assertEquals(0, r.rc(), r.out() + r.err() + "\nmaster:\n" + cluster.log("master") + "\nworker0:\n" + cluster.log("worker0"));
		Path run = RunStore.latest(out.resolve("Sw"));
		assertNotNull(run);
		assertEquals(20, RunStore.runFolders(out.resolve("Sw")).size());
		Folders.assertSameRuns(RunStore.latest(local.resolve("Sw")), run);
	}

	@Test
	@Order(2)
	void aWorkerKilledInTheMiddleOfASweepLosesNothingAndStoresNothingTwice() throws Exception {
		Path out = tmp.resolve("killed");
		Set<String> executors = new HashSet<>();
		try (SparkRunExecutor spark = new SparkRunExecutor(cluster.url())) {
			awaitExecutors(spark, 2);
			// the worker killed is the one whose executor has just started a task (Spark's listener: the first task start after
			// three runs are back), so that a task is in flight on it: killed at any moment, a worker may be between two tasks
			// (ci40: 20 task starts, nothing ran again)
			InFlight tasks = new InFlight(spark.context().sc().applicationId());
			spark.context().sc().addSparkListener(tasks);
			// writes each run's report.html and records that it will, as the command line's listener does
			var listener = new org.cellwright.report.RunReport.Writing() {
				@Override
				public void unitDone(org.cellwright.run.RunUnit u) { // when its task is back (Spark's listener thread)
					tasks.done.incrementAndGet();
				}

				@Override
				protected void noReport(String message) {
					throw new AssertionError(message);
				}

				@Override
				public void ended(org.cellwright.run.Pipeline.Result r) {
					UnitResultHolder.note(spark, r, executors);
				}
			};
			var groups = org.cellwright.run.Plans.of(org.cellwright.run.CellFiles.load(List.of(file)).runnables("Sw"));
			var results = new org.cellwright.run.Pipeline(new RunStore(out), spark, new org.cellwright.run.Cancel()).run(groups, listener);
			Process worker = tasks.killed;
			assertNotNull(worker, "a worker was killed: " + tasks);
			assertTrue(worker.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the killed worker ended");
			assertTrue(tasks.doneWhenKilled >= 3 && tasks.doneWhenKilled < 20, "the worker was killed in the middle of the sweep: " + tasks);
			assertEquals(20, results.size());
			for (var r : results) assertEquals("COMPLETED", r.outcome().status(), r.unit().name());
			// the task in flight on the killed executor failed with it and ran again on the other executor
			assertTrue(tasks.lostTaskFailed, "the killed executor's task ended failed (executor lost): " + tasks);
			assertTrue(tasks.lostTaskRanAgainElsewhere, "the killed executor's task ran again on another executor: " + tasks);
			assertTrue(spark.taskStarts() > 20, "the task the killed worker was running ran again elsewhere: " + spark.taskStarts() + " task starts");
		}
		// which worker delivered the first runs depends on the scheduler (under load one may deliver all of them before the
		// other starts): the kill is shown by the task run again elsewhere (above), not by where results came from
		assertFalse(executors.isEmpty(), "the runs name the executors they ran on");
		Path run = RunStore.latest(out.resolve("Sw"));
		assertEquals(20, RunStore.runFolders(out.resolve("Sw")).size(), "nothing lost");
		// the index lists each of the 20 runs once
		List<String> index = Files.readAllLines(out.resolve("runs.csv"));
		assertEquals(21, index.size(), "a header and one row per run: " + index);
		assertEquals(20, index.stream().skip(1).map(l -> l.split(",")[3]).distinct().count(), "each run once: " + index);
		// the sweep's own report.html is written by the command line (RunCommand's groupEnded), not by this test's listener
		Folders.assertSameRuns(RunStore.latest(local.resolve("Sw")), run, "report.html");
	}

	/**
	 * Spark's listener (its listener thread) that tracks the tasks started and not ended on each executor and, at the first
	 * task start once three runs are back, kills the worker of that task's executor (SIGKILL to the worker and its
	 * executor, found by the executor's folder in the worker's work dir, work{n}/{application}/{executor}); then watches
	 * the lost task's end and whether its job's task starts again on another executor.
	 */
	static final class InFlight extends org.apache.spark.scheduler.SparkListener {
		final java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
		final java.util.Map<String, Set<Long>> running = new java.util.concurrent.ConcurrentHashMap<>();
		private final String application;
		volatile Process killed;
		volatile String killedExecutor;
		volatile long lostTask = -1;
		volatile int lostStage = -1, doneWhenKilled = -1;
		volatile boolean lostTaskFailed, lostTaskRanAgainElsewhere;
		volatile String lostTaskEnd = "", killError = "";

		InFlight(String application) {
			this.application = application;
		}

		@Override
		public void onTaskStart(org.apache.spark.scheduler.SparkListenerTaskStart s) {
			var info = s.taskInfo();
			running.computeIfAbsent(info.executorId(), e -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(info.taskId());
			if (killed == null && killError.isEmpty() && done.get() >= 3) kill(info.executorId(), info.taskId(), s.stageId());
			else if (s.stageId() == lostStage && !info.executorId().equals(killedExecutor)) lostTaskRanAgainElsewhere = true;
		}

		@Override
		public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd e) {
			var info = e.taskInfo();
			Set<Long> on = running.get(info.executorId());
			if (on != null) on.remove(info.taskId());
			if (info.taskId() == lostTask) {
				lostTaskFailed = info.failed();
				lostTaskEnd = String.valueOf(e.reason());
			}
		}

		/** Kills the worker that started {@code executor}, which runs {@code task} now. */
		private void kill(String executor, long task, int stage) {
			for (int n = 0; n < cluster.workers.size(); n++)
				if (Files.isDirectory(tmp.resolve("work" + n).resolve(application).resolve(executor))) {
					Process worker = cluster.workers.get(n);
					lostTask = task;
					lostStage = stage;
					killedExecutor = executor;
					cluster.signalKill(worker);
					doneWhenKilled = done.get(); // runs back when the kill was sent (not when the process had ended)
					killed = worker;
					return;
				}
			killError = "no worker's work dir has executor " + executor + " of " + application;
		}

		@Override
		public String toString() {
			return "killed executor " + killedExecutor + " running task " + lostTask + " (stage " + lostStage + ") when " + doneWhenKilled
					+ " runs were back; its end: " + lostTaskEnd + "; in flight now: " + running + killError;
		}
	}

	static void awaitExecutors(SparkRunExecutor spark, int n) throws InterruptedException {
		for (int i = 0; i < 600 && spark.context().sc().getExecutorMemoryStatus().size() < n + 1; i++) Thread.sleep(100);
	}

	/** Where each run came from (the executor's id), from the results that came back. */
	static final class UnitResultHolder {
		static void note(SparkRunExecutor spark, org.cellwright.run.Pipeline.Result r, Set<String> executors) {
			UnitResult u = spark.lastResult(r.unit().name());
			if (u != null) executors.add(u.executor());
		}
	}
}

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
 * whose folders equal the local engine's; then a worker killed in the middle of a sweep, whose tasks run on the other
 * worker, nothing lost or stored twice.
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
		// runs of 40 cycles (a fraction of a second to a second each): a worker killed after three runs has a task in flight
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
		// its own executor object: the test sees when runs come back, and kills a worker after the first few
		Set<String> executors = new HashSet<>();
		try (SparkRunExecutor spark = new SparkRunExecutor(cluster.url())) {
			awaitExecutors(spark, 2);
			java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
			int[] doneWhenKilled = { -1 };
			Thread killer = new Thread(() -> {
				try {
					Process worker = cluster.workers.get(0);
					cluster.signalKill(worker);
					doneWhenKilled[0] = done.get(); // runs back when the kill was sent (not when the process had ended)
					worker.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}, "kill-worker-0");
			// writes each run's report.html and records that it will, as the command line's listener does
			var listener = new org.cellwright.report.RunReport.Writing() {
				@Override
				public void unitDone(org.cellwright.run.RunUnit u) { // when its task is back (Spark's listener thread)
					if (done.incrementAndGet() == 3) killer.start();
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
			killer.join();
			assertTrue(doneWhenKilled[0] >= 3 && doneWhenKilled[0] < 20, "the worker was killed in the middle of the sweep: " + doneWhenKilled[0]);
			assertEquals(20, results.size());
			for (var r : results) assertEquals("COMPLETED", r.outcome().status(), r.unit().name());
			assertTrue(spark.taskStarts() > 20, "the task the killed worker was running ran again elsewhere: " + spark.taskStarts() + " task starts");
		}
		// which worker delivered the first runs depends on the scheduler (under load one may deliver all of them before the
		// other starts): the kill is shown by the task run again elsewhere (taskStarts > 20 above), not by where results came from
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

package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.cellwright.report.RunReport;
import org.cellwright.run.Cancel;
import org.cellwright.run.CellFiles;
import org.cellwright.run.Pipeline;
import org.cellwright.run.Plans;
import org.cellwright.run.RunExecutor;
import org.cellwright.run.RunGroup;
import org.cellwright.run.RunUnit;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.Summary;
import org.cellwright.run.store.RunStore;
import org.cellwright.solver.ProgressListener;
import org.cellwright.testing.Cli;
import org.cellwright.testing.PlatingCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that is stopped (cancelled, or the JVM asked to stop) is kept as a folder marked partial with everything up to
 * then, readable by the report; nothing is left hidden or half-written.
 */
class PartialRunTest {

	@TempDir Path tmp;

	/** Runs the long cell's experiment; {@code stop} is called once the run reaches cycle 3. */
	Pipeline.Result runAndStopAtCycle3(Cancel cancel, java.util.function.Function<Pipeline, Runnable> stop) throws Exception {
		Path f = Cli.write(tmp.resolve("long.cell"), PlatingCell.longFile());
		CellFiles files = CellFiles.load(List.of(f));
		assertFalse(files.hasErrors(), files.problems().toString());
		List<RunGroup> groups = Plans.of(files.runnables(null));
		try (RunExecutor pool = RunExecutor.local(1)) {
			Pipeline pipeline = new Pipeline(new RunStore(tmp.resolve("out")), pool, cancel);
			List<Pipeline.Result> results = pipeline.run(groups, new Pipeline.Listener() {
				@Override
				public ProgressListener progress(RunUnit u) {
					return new ProgressListener() {
						boolean stopped;

						@Override
						public void progress(double time, int stepIndex, int totalSteps, int cycle, int totalCycles) {
							if (cycle >= 3 && !stopped) {
								stopped = true;
								stop.apply(pipeline).run();
							}
						}
					};
				}

				@Override
				public void finishing(Path writing) {
					RunReport.write(writing);
				}
			});
			assertEquals(1, results.size());
			return results.get(0);
		}
	}

	static void assertPartialAndReadable(Pipeline.Result r, String why) throws Exception {
		assertEquals("CANCELLED", r.outcome().status());
		Path folder = r.folder();
		assertTrue(Files.isDirectory(folder), "moved into place: " + folder);
		try (Stream<Path> s = Files.list(folder.getParent())) {
			assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".partial")), "nothing left hidden");
		}
		RunFolder run = RunFolder.read(folder);
		assertTrue(run.partial());
		Summary.Run meta = run.summary().run();
		assertTrue(meta.partial());
		assertTrue(meta.interruption().contains(why), meta.interruption());
		assertTrue(run.summary().cycles().size() >= 2, "the cycles up to the interruption are kept: " + run.summary().cycles());
		assertTrue(run.timeseries().rows() > 10, "the time series up to then");
		assertFalse(run.timeseries().truncated(), "no row cut in the middle");
		assertTrue(run.notes().isEmpty(), run.notes().toString());
		assertTrue(Files.readString(folder.resolve("report.html")).contains("CANCELLED"), "the report of a partial run");
		assertEquals(folder, RunStore.latest(folder.getParent()), "latest names it");
	}

	@Test
	void aCancelledRunIsKeptMarkedPartial() throws Exception {
		Cancel cancel = new Cancel();
		Pipeline.Result r = runAndStopAtCycle3(cancel, p -> () -> cancel.request("cancelled in a test"));
		assertPartialAndReadable(r, "cancelled in a test");
	}

	/**
	 * Cancel as the IDE gives it (the job's monitor, seen by a run's progress listener) while a sweep's first member
	 * runs: the members after it are not started (before, the next member's solver started before the job ended).
	 */
	@Test
	void aCancelledSweepStartsNoFurtherMember() throws Exception {
		Path f = Cli.write(tmp.resolve("sweep.cell"), PlatingCell.longFile()
				+ "sweep Sw { experiment X vary stack-pressure in 5 MPa, 10 MPa, 20 MPa }\n");
		CellFiles files = CellFiles.load(List.of(f));
		assertFalse(files.hasErrors(), files.problems().toString());
		List<RunGroup> groups = Plans.of(files.runnables("Sw"));
		Cancel cancel = new Cancel();
		boolean[] monitorCancelled = { false };
		List<String> progressed = new java.util.concurrent.CopyOnWriteArrayList<>();
		List<Pipeline.Result> results;
		try (RunExecutor pool = RunExecutor.local(1)) { // one member at a time, as on a busy machine
			results = new Pipeline(new RunStore(tmp.resolve("out")), pool, cancel).run(groups, new Pipeline.Listener() {
				@Override
				public ProgressListener progress(RunUnit u) {
					return new ProgressListener() {
						@Override
						public void progress(double time, int stepIndex, int totalSteps, int cycle, int totalCycles) {
							if (!progressed.contains(u.name())) progressed.add(u.name());
							if (cycle >= 3) monitorCancelled[0] = true; // the user presses Cancel
						}

						@Override
						public boolean isCancelled() { // as ExperimentJob's: the monitor's cancel becomes the pipeline's
							if (monitorCancelled[0]) cancel.request("cancelled in the IDE");
							return cancel.requested();
						}
					};
				}
			});
		}
		assertEquals(3, results.size(), "every member has its folder");
		assertEquals(1, progressed.size(), "only the member running at Cancel progressed: " + progressed);
		for (Pipeline.Result r : results) assertEquals("CANCELLED", r.outcome().status(), r.outcome().unit().name());
		for (Pipeline.Result r : results.subList(1, 3)) {
			RunFolder run = RunFolder.read(r.folder());
			assertEquals("cancelled in the IDE before it started", run.summary().run().interruption());
			assertEquals(0, run.timeseries().rows(), "not started: no sample");
		}
	}

	@Test
	void theShutdownPathStopsTheRunsAndWaitsUntilTheyAreInPlace() throws Exception {
		Cancel cancel = new Cancel();
		Thread[] hook = new Thread[1];
		Pipeline.Result r = runAndStopAtCycle3(cancel, p -> () -> {
			// what the JVM's shutdown hook does on SIGINT/SIGTERM: request the stop and wait for the runs to be written
			hook[0] = new Thread(p.shutdownAction());
			hook[0].start();
		});
		assertPartialAndReadable(r, "interrupted");
		hook[0].join(5_000);
		assertFalse(hook[0].isAlive(), "the hook returns once the runs are in place");
	}
}

package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.cellwright.run.Cancel;
import org.cellwright.run.CellFiles;
import org.cellwright.run.Pipeline;
import org.cellwright.run.Plans;
import org.cellwright.run.RunExecutor;
import org.cellwright.run.RunGroup;
import org.cellwright.run.store.RunIndex;
import org.cellwright.run.store.RunStore;
import org.cellwright.testing.Cli;
import org.cellwright.testing.PlatingCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed (SIGKILL) while it wrote a run leaves the run in its hidden folder ({@code .<run id>.partial}): no
 * shutdown hook moves it into place. The next run of the same experiment or sweep, holding the group's lock, takes it
 * over: moved into place and listed from its folder, then written into runs.csv; a leftover holding nothing (killed
 * before it wrote a file, a fit's scratch runs alone) is deleted. pipe27b: two command lines on one results folder, one
 * killed while collecting a sweep: its run stayed hidden for good, in no listing, never cleaned up. Its rows then
 * said its solver's COMPLETED alone, as a whole run's (pipe27c): their change says it was recovered and what it lacks.
 */
class KilledWriterTest {

	@TempDir Path tmp;

	@Test
	void theNextRunOfTheSweepMovesWhatAKilledProcessLeftHiddenIntoPlaceAndListsIt() throws Exception {
		Path f = Cli.write(tmp.resolve("t.cell"), PlatingCell.cell("t", "2.5 mS/cm", "5 MPa") + PlatingCell.protocol("0.1 mA/cm2")
				+ "experiment X { cell C protocol P }\n" + CollectionIndexTest.SWEEP);
		Path out = tmp.resolve("out"), sweep = out.resolve("Sw");
		List<Pipeline.Result> first = run(f, out, new ArrayList<>());
		String killed = first.get(0).runId();
		// as a process killed after its variants ended, before the run was renamed into place and its rows written
		Files.move(sweep.resolve(killed), sweep.resolve("." + killed + ".partial"));
		Files.delete(sweep.resolve("." + killed + ".partial").resolve(org.cellwright.run.folder.RunFiles.SWEEP_TABLE)); // killed before it
		Files.delete(out.resolve("runs.csv"));
		Files.createDirectories(sweep.resolve(".20261205-120000-aaaaaa.partial")); // killed before it wrote anything
		Files.createDirectories(sweep.resolve(".20261205-120001-bbbbbb.partial/.scratch/1"));
		Files.writeString(sweep.resolve(".20261205-120001-bbbbbb.partial/.scratch/1/timeseries.csv"), "scratch\n");
		assertTrue(new RunStore(out).index().rows().isEmpty(), "hidden: not listed");

		List<String> said = new ArrayList<>();
		List<Pipeline.Result> second = run(f, out, said);

		try (Stream<Path> s = Files.list(sweep)) {
			assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".partial")).toList(), "nothing left hidden");
		}
		assertEquals(4, countVariants(sweep.resolve(killed)), "the killed run in place with its four variants");
		assertEquals(1, said.size(), said.toString());
		assertTrue(said.get(0).contains(sweep.resolve(killed).toString()) && said.get(0).contains("killed"), said.get(0));
		List<RunIndex.Row> rows = new RunStore(out).index().rows();
		assertEquals(8, rows.size(), rows.toString());
		for (int i = 0; i < 4; i++) {
			assertEquals(killed, rows.get(i).id());
			assertEquals(RunIndex.RECOVERED + " (files missing: the sweep's sweep.csv)", rows.get(i).change(),
					"its rows say it was recovered, not a whole run (its status is its solver's: " + rows.get(i).status() + ")");
			assertEquals(second.get(0).runId(), rows.get(i + 4).id());
			assertEquals("no change", rows.get(i + 4).change(), "compared with the killed run's variant " + rows.get(i).name());
		}
		assertTrue(Files.readString(out.resolve("runs.csv")).contains(killed), "written into runs.csv by the second run's rewrite");
		assertTrue(Files.readString(out.resolve("runs.csv")).contains(RunIndex.RECOVERED), "runs.csv says it was recovered");
		assertEquals(sweep.resolve(second.get(0).runId()), RunStore.latest(sweep));
	}

	static long countVariants(Path run) throws Exception {
		try (Stream<Path> s = Files.list(run)) {
			return s.filter(org.cellwright.run.folder.RunFolder::isRunFolder).count();
		}
	}

	/** Runs the sweep Sw of the file into out; what the pipeline says of runs it took over is added to said. */
	static List<Pipeline.Result> run(Path f, Path out, List<String> said) throws Exception {
		CellFiles files = CellFiles.load(List.of(f));
		assertFalse(files.hasErrors(), files.problems().toString());
		var groups = Plans.of(files.runnables(null)).stream().filter(g -> g.name().equals("Sw")).toList();
		try (RunExecutor pool = RunExecutor.local(2)) {
			return new Pipeline(new RunStore(out), pool, new Cancel()).run(groups, new Pipeline.Listener() {
				@Override
				public void tookOver(RunGroup group, String message) {
					said.add(message);
				}
			});
		}
	}
}

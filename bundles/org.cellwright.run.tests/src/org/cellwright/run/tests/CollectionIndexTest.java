package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.run.Cancel;
import org.cellwright.run.CellFiles;
import org.cellwright.run.Pipeline;
import org.cellwright.run.Plans;
import org.cellwright.run.RunExecutor;
import org.cellwright.run.store.RunIndex;
import org.cellwright.run.store.RunStore;
import org.cellwright.testing.Cli;
import org.cellwright.testing.PlatingCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group's runs are compared with their previous runs from the index read once per collection (pipe27: runs.csv and
 * the results folder were read once per unit, a sweep of N variants N times), under the index's lock with the rows
 * appended: each row says what changed against the row runs.csv lists before it of the same name, also when another
 * writer changes the index while the group is collected.
 */
class CollectionIndexTest {

	@TempDir Path tmp;

	static final String SWEEP = "sweep Sw { experiment X vary stack-pressure in 5 MPa, 10 MPa, 20 MPa, 40 MPa }\n";

	/** The file at this electrolyte conductivity, with experiment X and the sweep Sw of four stack pressures. */
	Path file(String conductivity) throws Exception {
		return Cli.write(tmp.resolve("t.cell"), PlatingCell.cell("t", conductivity, "5 MPa") + PlatingCell.protocol("0.1 mA/cm2")
				+ "experiment X { cell C protocol P expect status = completed }\n" + SWEEP);
	}

	/** Runs the file's {@code only} group into {@code out}, {@code hook} called as each unit is finished (on the collecting thread). */
	static List<Pipeline.Result> run(Path f, Path out, String only, java.util.function.Consumer<Path> hook) throws Exception {
		CellFiles files = CellFiles.load(List.of(f));
		assertFalse(files.hasErrors(), files.problems().toString());
		var groups = Plans.of(files.runnables(null)).stream().filter(g -> g.name().equals(only)).toList();
		assertEquals(1, groups.size(), only);
		try (RunExecutor pool = RunExecutor.local(2)) {
			return new Pipeline(new RunStore(out), pool, new Cancel()).run(groups, new Pipeline.Listener() {
				@Override
				public void finishing(Path writing) {
					hook.accept(writing);
				}
			});
		}
	}

	static List<RunIndex.Row> rowsOf(Path out, String group) {
		return new RunStore(out).index().rows().stream().filter(r -> r.group().equals(group)).toList();
	}

	@Test
	void aSweepOfFourVariantsReadsTheIndexOnceAndComparesEachVariantWithItsOwnPreviousRun() throws Exception {
		Path out = tmp.resolve("out");
		run(file("2.5 mS/cm"), out, "Sw", w -> {});
		int before = RunIndex.reads(out);
		List<Pipeline.Result> second = run(file("5 mS/cm"), out, "Sw", w -> {});
		assertEquals(1, RunIndex.reads(out) - before, "the index read once for the four variants' previous runs and their rows");

		List<RunIndex.Row> rows = rowsOf(out, "Sw");
		assertEquals(8, rows.size(), "two runs of four variants");
		for (int i = 0; i < 4; i++) {
			assertEquals("first run", rows.get(i).change());
			assertEquals(rows.get(i).name(), rows.get(i + 4).name(), "in the sweep's order");
			// compared with its own variant: the stack pressure is the same, only the conductivity changed
			assertEquals("E ionic-conductivity 0.25 S/m -> 0.5 S/m", rows.get(i + 4).change(), rows.get(i + 4).name());
			assertEquals(rows.get(i + 4).change(), second.get(i).change(), "the result says what its row says");
		}
	}

	/**
	 * Another writer changes the index while the sweep is collected: the Runs view deletes the sweep's previous run
	 * (RunIndex.delete) as its last variant is finished, and the experiment X of the same results folder is run to its end
	 * (the IDE and the command line into one folder). Every variant's row compares with the run runs.csv lists before it
	 * (the first run; it compared the variants collected before the delete with the deleted run), and X's row is kept.
	 */
	@Test
	void anIndexChangedWhileASweepIsCollectedLeavesEveryRowComparedWithTheRowBeforeIt() throws Exception {
		Path out = tmp.resolve("out");
		run(file("2.5 mS/cm"), out, "Sw", w -> {});
		List<Pipeline.Result> deleted = run(file("4 mS/cm"), out, "Sw", w -> {});
		run(file("2.5 mS/cm"), out, "X", w -> {});
		Path f = file("5 mS/cm");
		List<String> finished = new ArrayList<>();
		run(f, out, "Sw", w -> {
			finished.add(w.getFileName().toString());
			if (finished.size() < 4) return;
			RunIndex index = new RunStore(out).index();
			index.delete(index.rows().stream().filter(r -> r.id().equals(deleted.get(0).runId())).toList());
			try {
				run(f, out, "X", x -> {});
			} catch (Exception e) {
				throw new AssertionError(e);
			}
		});

		List<RunIndex.Row> sweep = rowsOf(out, "Sw");
		assertEquals(8, sweep.size(), "the first run and the last, four variants each: " + sweep);
		for (int i = 4; i < 8; i++)
			assertEquals("E ionic-conductivity 0.25 S/m -> 0.5 S/m", sweep.get(i).change(), "compared with the row before it: " + sweep.get(i).name());
		List<RunIndex.Row> xs = rowsOf(out, "X");
		assertEquals(List.of("first run", "E ionic-conductivity 0.25 S/m -> 0.5 S/m"), xs.stream().map(RunIndex.Row::change).toList(),
				"the run of X written in while the sweep was collected is kept");
	}
}

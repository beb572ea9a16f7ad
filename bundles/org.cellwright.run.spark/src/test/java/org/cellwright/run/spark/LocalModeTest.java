package org.cellwright.run.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.run.store.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --engine spark --master local[2]}: the same run store, the same folders as the local engine. */
class LocalModeTest {

	@TempDir
	Path tmp;

	@Test
	void sweepOnSparkLocalModeEqualsTheLocalEngine() throws Exception {
		Path f = Folders.write(tmp.resolve("s.cell"), Folders.sweep(Folders.pressures(6), 0.5));
		Path local = tmp.resolve("local"), spark = tmp.resolve("spark");
		Folders.Result l = Folders.cli("run", f.toString(), "--experiment", "Sw", "--out", local.toString());
		assertEquals(0, l.rc(), l.out() + l.err());
		Folders.Result s = Folders.cli("run", f.toString(), "--experiment", "Sw", "--out", spark.toString(), "--engine", "spark",
				"--master", "local[2]");
		assertEquals(0, s.rc(), s.out() + s.err());
		Path a = RunStore.latest(local.resolve("Sw")), b = RunStore.latest(spark.resolve("Sw"));
		assertNotNull(b, "the sweep's run is in the store: " + s.out());
		assertEquals(6, RunStore.runFolders(spark.resolve("Sw")).size(), "six runs");
		Folders.assertSameRuns(a, b);
		// the store's index lists each run once, as for a local run
		assertEquals(Files.readAllLines(local.resolve("runs.csv")).size(), Files.readAllLines(spark.resolve("runs.csv")).size());
		assertTrue(Files.size(b.resolve(SweepParquet.FILE_NAME)) > 0, "the sweep's table as Parquet too");
	}

	/** An inputs.json (resolved inputs, e.g. from another computer) re-run on Spark: the same run as the local engine's. */
	@Test
	void inputsJsonReRunsOnSpark() throws Exception {
		Path f = Folders.write(tmp.resolve("s.cell"), Folders.sweep("3 MPa", 0.2));
		Folders.Result l = Folders.cli("run", f.toString(), "--experiment", "X", "--out", tmp.resolve("first").toString());
		assertEquals(0, l.rc(), l.out() + l.err());
		Path inputs = RunStore.latest(tmp.resolve("first").resolve("X")).resolve("inputs.json");
		Folders.Result s = Folders.cli("run", inputs.toString(), "--out", tmp.resolve("again").toString(), "--engine", "spark", "--master",
				"local[1]");
		assertEquals(0, s.rc(), s.out() + s.err());
		List<Path> again = RunStore.runFolders(tmp.resolve("again"));
		assertEquals(1, again.size(), "one run: " + again);
		assertEquals(Files.readString(inputs.resolveSibling("timeseries.csv")), Files.readString(again.get(0).resolve("timeseries.csv")));
		// the source, named relative to the run folder in the inputs.json, found; the worker's records name it relative
		// to the driver's run folder (not to the worker's temporary one)
		String file = f.toAbsolutePath().normalize().toString();
		org.cellwright.run.folder.RunFolder y = org.cellwright.run.folder.RunFolder.read(again.get(0));
		assertEquals(file, y.summary().run().sourceFile());
		assertEquals(file, y.inputs().provenance().sourceFile());
	}

	@Test
	void anEngineThatIsNotThereIsAClearError() throws Exception {
		Path f = Folders.write(tmp.resolve("s.cell"), Folders.sweep("1 MPa", 0.1));
		Folders.Result r = Folders.cli("run", f.toString(), "--out", tmp.resolve("o").toString(), "--engine", "flink");
		assertEquals(1, r.rc(), r.out() + r.err());
		assertTrue(r.err().contains("the engine 'flink' is not on the class path"), r.err());
		assertEquals(List.of(), RunStore.runFolders(tmp.resolve("o").resolve("X")), "nothing ran");
	}
}

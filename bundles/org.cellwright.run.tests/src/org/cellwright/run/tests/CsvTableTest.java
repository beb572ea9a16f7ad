package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.folder.RunFolderException;
import org.cellwright.solver.output.CsvResultWriter;
import org.cellwright.testing.Cli;
import org.cellwright.testing.PlatingCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run folder's CSV reader: streamed into primitive columns; a renamed or ragged header is an error naming file and line. */
class CsvTableTest {

	@TempDir Path tmp;

	/**
	 * A column is as long as the file has rows (not the reader's grown buffer), an empty cell is NaN (not a value
	 * written as 0: the report leaves a gap, a figure says "-"), and a row with more cells than the header is an error
	 * naming its line, as one with fewer. Mutation audit, session 19: each of the three otherwise passed every test.
	 */
	@Test
	void columnsHaveTheFilesRowsEmptyCellsAreNaNAndALongerRowIsAnError() throws Exception {
		Path f = Files.writeString(tmp.resolve("cycles.csv"), "cycle,ce\n1,0.9\n2,\n3,0.99\n");
		CsvTable t = CsvTable.read(f, "cycle");
		assertEquals(3, t.rows());
		assertEquals(3, t.column("cycle").length, "as many values as rows");
		assertArrayEquals(new double[] { 1, 2, 3 }, t.column("cycle"));
		assertEquals(0.9, t.column("ce")[0]);
		assertTrue(Double.isNaN(t.column("ce")[1]), "an empty cell: " + t.column("ce")[1]);
		Path longer = Files.writeString(tmp.resolve("longer.csv"), "cycle,ce\n1,0.9\n2,0.95,7\n");
		RunFolderException e = assertThrows(RunFolderException.class, () -> CsvTable.read(longer));
		assertTrue(e.getMessage().contains("longer.csv:3: 3 cells, but the header (line 1) has 2"), e.getMessage());
	}

	@Test
	void twoMillionRowsOfTheSolversHeaderAreReadInOnePass() throws Exception {
		Path f = tmp.resolve("timeseries.csv");
		int n = 2_000_000;
		int columns = CsvResultWriter.TIMESERIES_HEADER.split(",").length;
		try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
			w.write(CsvResultWriter.TIMESERIES_HEADER);
			w.write('\n');
			StringBuilder rest = new StringBuilder();
			for (int c = 5; c < columns; c++) rest.append(",0.5");
			String tail = rest.append('\n').toString();
			for (int i = 0; i < n; i++) {
				w.write(Integer.toString(i));
				w.write(i % 2 == 0 ? ",1,1,3.5,0.1" : ",2,1,3.6,-0.1");
				w.write(tail);
			}
		}
		CsvTable t = CsvTable.read(f, RunFiles.TIMESERIES_REQUIRED);
		assertEquals(n, t.rows());
		assertEquals(columns, t.names().size());
		assertEquals(n - 1, t.column("time_h")[n - 1]);
		assertEquals(3.6, t.column("voltage_V")[n - 1]);
		assertFalse(t.truncated());
	}

	/**
	 * Times as the writer writes them now (the shortest decimal of the double, fuzzing session 18) and as it wrote them
	 * before (7 significant digits, "1000.000", "2.777778e-06"): both read, the new ones exactly.
	 */
	@Test
	void timesOfOldAndNewRunFoldersAreRead() throws Exception {
		Path dir = tmp.resolve("new");
		double t = 1000 * 3600.0 + 1.25;
		try (CsvResultWriter w = new CsvResultWriter(dir)) {
			w.sample(new org.cellwright.solver.Sample(t, 0, 1, 3.7, 1.0, 298.15, 5e6, 0.1, 3.7,
					new double[org.cellwright.solver.OverpotentialKind.values().length], org.cellwright.solver.LithiumInventory.ZERO));
		}
		assertEquals(t / 3600, CsvTable.read(dir.resolve("timeseries.csv"), RunFiles.TIMESERIES_REQUIRED).column("time_h")[0], 0);
		Path old = Files.writeString(tmp.resolve("timeseries.csv"),
				"time_h,step,cycle,voltage_V,current_mA_cm2\n2.777778e-06,0,1,3.700000,0.1000000\n1000.000,0,1,3.700000,0.1000000\n");
		double[] th = CsvTable.read(old, RunFiles.TIMESERIES_REQUIRED).column("time_h");
		assertEquals(2.777778e-06, th[0]);
		assertEquals(1000.0, th[1]);
	}

	@Test
	void howTheStepsEndedIsTextAndAnythingElseThatIsNoNumberIsAnError() throws Exception {
		Path f = Files.writeString(tmp.resolve("cycles.csv"),
				"cycle,charge_mAh_cm2,discharge_mAh_cm2,coulombic_efficiency," + CsvResultWriter.STEP_ENDS + "\n1,1,0.9,0.9,0:voltage-cutoff 1:duration\n");
		CsvTable t = CsvTable.read(f, RunFiles.CYCLES_REQUIRED);
		assertEquals("0:voltage-cutoff 1:duration", t.text(CsvResultWriter.STEP_ENDS)[0]);
		assertEquals(0.9, t.column("coulombic_efficiency")[0]);
		Path bad = Files.writeString(tmp.resolve("bad.csv"), "cycle,charge_mAh_cm2,discharge_mAh_cm2,coulombic_efficiency\n1,1,0.9,high\n");
		RunFolderException e = assertThrows(RunFolderException.class, () -> CsvTable.read(bad, RunFiles.CYCLES_REQUIRED));
		assertTrue(e.getMessage().contains("bad.csv:2: 'high' in column coulombic_efficiency is not a number"), e.getMessage());
	}

	@Test
	void aRenamedHeaderIsAnErrorNamingFileAndLine() throws Exception {
		Path f = Files.writeString(tmp.resolve("timeseries.csv"), "time,step,cycle,voltage_V,current_mA_cm2\n0,0,0,3,0\n");
		RunFolderException e = assertThrows(RunFolderException.class, () -> CsvTable.read(f, RunFiles.TIMESERIES_REQUIRED));
		assertTrue(e.getMessage().matches(".*timeseries\\.csv:1: the header has no column 'time_h' .*"), e.getMessage());
	}

	@Test
	void aRaggedRowIsAnErrorNamingFileAndLine() throws Exception {
		Path f = Files.writeString(tmp.resolve("cycles.csv"), "cycle,charge_mAh_cm2,discharge_mAh_cm2,coulombic_efficiency\n1,1,1,1\n2,1,1\n3,1,1,1\n");
		RunFolderException e = assertThrows(RunFolderException.class, () -> CsvTable.read(f, RunFiles.CYCLES_REQUIRED));
		assertTrue(e.getMessage().endsWith("cycles.csv:3: 3 cells, but the header (line 1) has 4"), e.getMessage());
		Path g = Files.writeString(tmp.resolve("twice.csv"), "a,b,a\n1,2,3\n");
		assertTrue(assertThrows(RunFolderException.class, () -> CsvTable.read(g)).getMessage().contains("twice.csv:1: the header names column 'a' twice"));
	}

	@Test
	void aRowCutByAKilledWriterIsLeftOutAndSaidSo() throws Exception {
		Path f = Files.writeString(tmp.resolve("timeseries.csv"), "time_h,step,cycle,voltage_V,current_mA_cm2\n0,0,0,3,0\n1,0,1,3.1,0\n2,0,1,3.");
		CsvTable t = CsvTable.read(f, RunFiles.TIMESERIES_REQUIRED);
		assertEquals(2, t.rows());
		assertTrue(t.truncated());
	}

	@Test
	void reportOnARaggedRunIsAClearErrorNotAnInternalOne() throws Exception {
		Path f = Cli.write(tmp.resolve("t.cell"), PlatingCell.file("5 MPa"));
		assertEquals(0, Cli.cli("run", f.toString(), "--out", tmp.resolve("out").toString()).rc());
		Path run = tmp.resolve("out/X/latest");
		Path cycles = run.resolve("cycles.csv");
		Files.writeString(cycles, Files.readString(cycles).replace("coulombic_efficiency", "ce"));
		Cli.Result r = Cli.cli("report", tmp.resolve("out/X").toString());
		assertEquals(1, r.rc(), r.out() + r.err());
		assertTrue(r.err().contains("cycles.csv:1: error: the header has no column 'coulombic_efficiency'"), r.err());
	}
}

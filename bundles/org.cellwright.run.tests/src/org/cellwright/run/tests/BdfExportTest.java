package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.measured.CyclerDataReader;
import org.cellwright.measured.MeasuredQuantity;
import org.cellwright.measured.MeasuredSeries;
import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.store.RunStore;
import org.cellwright.testing.Cli;
import org.cellwright.testing.PlatingCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export-bdf}: a run's time series written as BDF reads back (through the cycler-data reader) to the same values. */
class BdfExportTest {

	@TempDir Path tmp;

	@Test
	void aRunWrittenAsBdfReadsBackToTheSameValues() throws Exception {
		Path f = Cli.write(tmp.resolve("x.cell"), PlatingCell.file("5 MPa"));
		Cli.Result r = Cli.cli("run", f.toString(), "--out", tmp.resolve("runs").toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		Path run = RunStore.latest(tmp.resolve("runs").resolve("X"));
		Path bdf = tmp.resolve("out").resolve("x.bdf.csv");
		Cli.Result e = Cli.cli("export-bdf", tmp.resolve("runs").resolve("X").toString(), "--out", bdf.toString());
		assertEquals(0, e.rc(), e.out() + e.err());
		assertTrue(Files.readString(bdf).startsWith("Test Time / s,Voltage / V,Current / A,Cycle Count / 1,Step Count / 1\n"));

		MeasuredSeries m = new CyclerDataReader().read(bdf);
		assertEquals("BDF", m.format());
		CsvTable ts = RunFolder.read(run).timeseries();
		double[] th = ts.column("time_h"), v = ts.column("voltage_V"), i = ts.column("current_mA_cm2"), cyc = ts.column("cycle"),
				st = ts.column("step");
		assertEquals(th.length, m.size());
		double[] t = m.values(MeasuredQuantity.TIME), vm = m.values(MeasuredQuantity.VOLTAGE), im = m.values(MeasuredQuantity.CURRENT),
				cm = m.values(MeasuredQuantity.CYCLE), sm = m.values(MeasuredQuantity.STEP);
		double area = 0.785e-4;
		boolean plated = false;
		for (int k = 0; k < th.length; k++) {
			assertEquals(th[k] * 3600, t[k], 1e-6 * Math.max(1, t[k]), "time at row " + k);
			assertEquals(v[k], vm[k], 1e-8, "voltage at row " + k);
			// mA/cm2 -> A for the cell's 0.785 cm2, the sign kept (CellWright and BDF both count charge positive)
			assertEquals(i[k] * 10 * area, im[k], 1e-9 * Math.abs(i[k] * 10 * area) + 1e-15, "current at row " + k);
			assertEquals(cyc[k], cm[k], 0);
			assertEquals(st[k], sm[k], 0);
			plated |= im[k] < 0;
		}
		assertTrue(plated, "the plating step is a negative current in the BDF file too");

		// an existing --out file is the user's: kept unless --replace; the run folder's own export is written again
		String written = Files.readString(bdf);
		Files.writeString(bdf, "my own data");
		e = Cli.cli("export-bdf", tmp.resolve("runs").resolve("X").toString(), "--out", bdf.toString());
		assertEquals(1, e.rc(), e.out() + e.err());
		assertTrue(e.err().contains("x.bdf.csv: exists; kept (--replace overwrites it"), e.err());
		assertEquals("my own data", Files.readString(bdf));
		e = Cli.cli("export-bdf", tmp.resolve("runs").resolve("X").toString(), "--out", bdf.toString(), "--replace");
		assertEquals(0, e.rc(), e.out() + e.err());
		assertEquals(written, Files.readString(bdf));
		for (int k = 0; k < 2; k++)
			assertEquals(0, Cli.cli("export-bdf", tmp.resolve("runs").resolve("X").toString()).rc(), "RUN/timeseries.bdf.csv again");
	}

	@Test
	void aFolderThatIsNoRunIsRefused() throws Exception {
		Files.createDirectories(tmp.resolve("empty"));
		Cli.Result e = Cli.cli("export-bdf", tmp.resolve("empty").toString());
		assertEquals(1, e.rc());
		assertTrue(e.err().contains("not a run folder"), e.err());
	}

	/**
	 * A liquid-electrolyte (DFN) run keeps no inputs.json: export-bdf refused it ("inputs.json: missing or unreadable:
	 * the cell's area is needed"). The area comes from its summary.json (found by fuzzing, session 15).
	 */
	@Test
	void aLiquidElectrolyteRunIsWrittenWithItsArea() throws Exception {
		Path f = Cli.write(tmp.resolve("e.cell"), """
				package bdfdfn
				import cellwright.sets.ecker2015.*
				protocol P { discharge at 1 C for 5 min }
				experiment E { cell Ecker2015Kokam protocol P solver { output-interval = 30 s } }
				""");
		Cli.Result r = Cli.cli("run", f.toString(), "--out", tmp.resolve("runs").toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		Path bdf = tmp.resolve("e.bdf.csv");
		Cli.Result e = Cli.cli("export-bdf", tmp.resolve("runs").resolve("E").toString(), "--out", bdf.toString());
		assertEquals(0, e.rc(), e.out() + e.err());
		MeasuredSeries m = new CyclerDataReader().read(bdf);
		double[] im = m.values(MeasuredQuantity.CURRENT);
		// 1 C of the cell's 156.25 mAh, discharging: -0.15625 A
		assertEquals(-0.15625, im[im.length - 1], 1e-6);
	}
}

package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cellwright.run.folder.CsvTable;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.output.CsvResultWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * timeseries.csv's times as its one reader (CsvTable: the report, the Results view, HalfCycles, the measured
 * comparison) reads them back, on a liquid-electrolyte run past 10 h: two rows share a time only where the run sampled
 * twice at one time (a current's jump at a step's start: the state before and after), never two samples apart in time.
 * With every column at 7 significant digits, past 10 h time_h resolved 0.036 s, and the samples of a step's start and
 * of a landing milliseconds apart shared a printed time (1148 of 16376 rows of a 50-cycle CC-CV of BPX's NMC pouch cell,
 * docs/dfn.md; 142 of 2730 rows of 8 such cycles); the writer writes times to round-trip since session 22 (eeb6668f,
 * OutputAndValidationTest.samplesLateInALongTestKeepTheirExactTimes), and this is the run it was seen on, end to end.
 */
class TimeseriesTimeResolutionTest {

	@TempDir Path tmp;

	@Test
	void rowsOfALongRunShareATimeOnlyWhereTheRunSampledTwiceAtIt() throws Exception {
		DfnBpxProtocolRunTest bpx = new DfnBpxProtocolRunTest();
		bpx.tmp = tmp;
		RecordingSink sink = bpx.run("aboutenergy__nmc_pouch_cell_BPX", " rest for 10 h\n repeat 2 {\n discharge at 1 C until 2.7 V\n"
				+ " rest for 10 min\n charge at 1 C until 4.2 V\n hold at 4.2 V until 0.05 C\n }");
		assertEquals(RunStatus.COMPLETED, sink.status, sink.events.toString());
		Path dir = Files.createDirectories(tmp.resolve("run"));
		try (CsvResultWriter w = new CsvResultWriter(dir)) {
			for (Sample s : sink.samples) w.sample(s);
		}
		double[] timeH = CsvTable.read(dir.resolve("timeseries.csv")).column("time_h");
		assertEquals(sink.samples.size(), timeH.length);
		assertTrue(timeH[timeH.length - 1] > 14, "past 10 h: " + timeH[timeH.length - 1]);
		int twice = 0;
		for (int k = 1; k < timeH.length; k++) {
			double a = sink.samples.get(k - 1).time(), b = sink.samples.get(k).time();
			if (a == b) twice++;
			assertEquals(a == b, timeH[k] == timeH[k - 1], "rows " + k + " and " + (k + 1) + ": samples at " + a + " and " + b + " s read "
					+ timeH[k - 1] + " and " + timeH[k] + " h");
			assertEquals(b / 3600, timeH[k], 0, "row " + (k + 1));
		}
		assertTrue(twice > 0, "the steps' current jumps are sampled before and after: " + twice);
	}
}

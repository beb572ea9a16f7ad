package org.cellwright.cli.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.cellwright.cli.run.Progress;
import org.junit.jupiter.api.Test;

/** The progress line: runs done, the running ones with cycle n of N and simulated time; no escape codes off a terminal. */
class ProgressTest {

	@Test
	void theLineSaysWhatRunsAndHowFar() {
		StringWriter s = new StringWriter();
		try (Progress p = new Progress(new PrintWriter(s), false, 3600)) {
			Progress.Task a = p.task("BareHalfCell"), b = p.task("InterlayerHalfCell");
			p.task("Waiting");
			assertTrue(p.line().startsWith("[....................] 0/3 runs"), p.line());
			a.progress(43.2 * 3600, 5, 70, 12, 35);
			b.progress(3600, 1, 70, 1, 35);
			b.finished();
			String line = p.line();
			assertTrue(line.contains("1/3 runs"), line);
			assertTrue(line.contains("BareHalfCell: cycle 12/35, 43.2 h"), line);
			assertFalse(line.contains("InterlayerHalfCell:"), "a finished run is counted, not listed: " + line);
			// (1 + 11/35 + 0) / 3 of the work: 9 of 20 marks
			assertTrue(line.startsWith("[#########...........]"), line);
			p.println("InterlayerHalfCell: COMPLETED");
		}
		assertEquals("InterlayerHalfCell: COMPLETED" + System.lineSeparator(), s.toString(), "off a terminal: no \\r, no escape codes");
	}
}

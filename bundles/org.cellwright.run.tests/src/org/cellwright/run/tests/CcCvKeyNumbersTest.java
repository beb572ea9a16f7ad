package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.Summary;
import org.cellwright.run.store.RunStore;
import org.cellwright.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CCCV protocol that discharges first, then charges and holds (examples/drive-cycles.cell, CcCvMarquis): the solver
 * closes a cycle of the discharge alone (cycle 1) and one of the charge and hold (cycle 2). The report's key numbers
 * read "first charge capacity 0" (cycle 1's) and "last cycle discharge 0 (cycle 2)" (session 20). They describe what
 * the run did now: the first charge is the first cycle that charged, named; the last discharge is the last full one
 * (summary.json's last_discharge, the first discharge's rule), named, or a dash and why.
 */
class CcCvKeyNumbersTest {

	@TempDir Path tmp;

	private static final Path EXAMPLE = Path.of(System.getProperty("cellwright.examples", "../../examples")).resolve("drive-cycles.cell");

	/** The value of a key number in report.html, or null without its row. */
	private static String key(String html, String name) {
		Matcher m = Pattern.compile("<tr><td>" + Pattern.quote(name) + "</td><td class=\"num\">([^<]*)</td></tr>").matcher(html);
		return m.find() ? m.group(1) : null;
	}

	/** The CLI's output of the last {@link #run}. */
	private String printed;

	private RunFolder run(Path file, String experiment, Path out) throws Exception {
		Cli.Result r = Cli.cli("run", file.toString(), "-e", experiment, "--out", out.toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		printed = r.out();
		return RunFolder.read(RunStore.latest(out.resolve(experiment)));
	}

	@Test
	void theFirstChargeIsTheChargeThatHappenedAndACycleWithoutADischargeIsNoLastDischarge() throws Exception {
		RunFolder f = run(EXAMPLE, "CcCvMarquis", tmp.resolve("runs"));
		var cycles = f.summary().cycles();
		assertEquals(2, cycles.size(), cycles.toString());
		assertEquals(0, cycles.get(0).chargeMAhCm2(), 0, "the solver's cycle 1 is the discharge alone: " + cycles);
		assertEquals(0, cycles.get(1).dischargeMAhCm2(), 0, "cycle 2 the charge and hold: " + cycles);
		String html = Files.readString(f.folder().resolve("report.html"));
		String charge = key(html, "first charge capacity");
		assertNotNull(charge, html);
		assertTrue(charge.endsWith(" mAh/cm\u00b2 (cycle 2)"), charge);
		assertEquals(cycles.get(1).chargeMAhCm2(), Double.parseDouble(charge.substring(0, charge.indexOf(' '))), 1e-3 * cycles.get(1).chargeMAhCm2(), charge);
		// the discharge was stopped by a duration (30 min): not a full one, as the first discharge says
		assertEquals("\u2013 (no full discharge)", key(html, "last discharge capacity"), html);
		assertNull(key(html, "last cycle discharge"), "the old row, 0 of cycle 2");
		assertEquals(0, f.summary().lastDischarge().cycle());
		// the CLI's summary gives the last cycle's charge as well: it read "last (cycle 2): discharge 0.000 mAh/cm2"
		assertTrue(printed.contains(String.format(java.util.Locale.ROOT, "last (cycle 2): charge %.3f, discharge 0.000 mAh/cm2", cycles.get(1).chargeMAhCm2())), printed);
	}

	@Test
	void theLastDischargeIsTheLastFullOneNamed() throws Exception {
		Path file = tmp.resolve("c.cell");
		Cli.write(file, "package t\nimport cellwright.sets.marquis2019.*\n"
				+ "protocol P {\n discharge at 1 C until 3.105 V\n rest for 10 min\n charge at 1 C until 4.0 V\n hold at 4.0 V until 0.05 C\n}\n"
				+ "experiment E { cell Marquis2019Kokam protocol P }\n");
		RunFolder f = run(file, "E", tmp.resolve("runs"));
		var cycles = f.summary().cycles();
		assertEquals(2, cycles.size(), cycles.toString());
		Summary.FullDischarge last = f.summary().lastDischarge();
		assertEquals(1, last.cycle(), "the charge and hold closed cycle 2 without a discharge: " + cycles);
		assertEquals(cycles.get(0).dischargeMAhCm2(), last.mAhCm2(), 1e-12);
		String html = Files.readString(f.folder().resolve("report.html"));
		String v = key(html, "last discharge capacity");
		assertNotNull(v, html);
		assertTrue(v.endsWith(" mAh/cm\u00b2 (cycle 1)"), v);
		assertEquals(cycles.get(0).dischargeMAhCm2(), Double.parseDouble(v.substring(0, v.indexOf(' '))), 1e-3 * cycles.get(0).dischargeMAhCm2(), v);
		assertTrue(key(html, "first charge capacity").endsWith("(cycle 2)"), html);
	}
}

package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;

import org.cellwright.solver.CycleSummary;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DFN voltage hold whose current changes sign: the library's Marquis 2019 cell (charged at its start) discharged at
 * 2 C for 10 min, then held midway between its voltage the moment the discharge stops (the surfaces' OCP with the
 * electrolyte's gradient) and its voltage after an hour's rest. The hold charges at first (above the surfaces' OCP),
 * then discharges as the particles and the electrolyte relax (below the relaxed OCV). The hold took its direction once,
 * from its starting current: cycle 2, which it opened by charging, never saw it give back (no efficiency), and a charge
 * after it stayed in cycle 2. Its direction follows its current now (DfnRunner.followHold).
 */
class DfnHoldDirectionRunTest {

	@TempDir Path tmp;

	RecordingSink run(String steps) throws Exception {
		return DfnRunTest.completed(tmp.resolve("h.cell"), "marquis2019", "Marquis2019Kokam", " discharge at 2 C for 10 min\n" + steps);
	}

	@Test
	void aHoldWhoseCurrentTurnsFollowsItsDirection() throws Exception {
		RecordingSink rest = run(" rest for 1 h");
		List<Sample> resting = rest.samples.stream().filter(x -> x.stepIndex() == 1).toList();
		double stopped = resting.get(0).voltage(), relaxed = resting.get(resting.size() - 1).voltage();
		assertTrue(relaxed - stopped > 2e-3, "the cell relaxes upwards after the discharge: " + stopped + " -> " + relaxed + " V");
		double held = 0.5 * (stopped + relaxed);

		RecordingSink sink = run(String.format(java.util.Locale.ROOT, " hold at %.6f V for 1 h\n charge at 1 C for 1 min", held));
		List<Sample> hold = sink.samples.stream().filter(x -> x.stepIndex() == 1 && x.time() > 600).toList();
		double first = hold.get(0).current(), last = hold.get(hold.size() - 1).current();
		assertTrue(first > 0 && last < 0, "the hold charges first, then discharges: " + first + " -> " + last + " A/m2");
		List<CycleSummary> c = sink.cycles;
		assertEquals(3, c.size(), "the first discharge; the hold's charge with its discharge; the charge after it: " + c);
		assertTrue(Double.isNaN(c.get(0).coulombicEfficiency()), "the discharge of the charged cell: no efficiency");
		// the discharge before it and the hold stop at their durations: no efficiency (CycleBook.bringsTheCellBack)
		assertTrue(Double.isNaN(c.get(1).coulombicEfficiency()), "the hold's cycle does not bring the cell back: " + c.get(1));
		assertTrue(c.get(1).dischargeCapacity() > 0 && c.get(1).chargeCapacity() > 0, c.get(1).toString());
		assertEquals("1:duration", c.get(1).stepEnds());
		assertEquals("2:duration", c.get(2).stepEnds());
	}
}

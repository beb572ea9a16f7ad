package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.cellwright.solver.CycleBook;
import org.cellwright.solver.CycleSummary;
import org.cellwright.solver.LithiumInventory;
import org.cellwright.solver.StepEnd;
import org.junit.jupiter.api.Test;

/**
 * A discharge step that ends at once because the cell at rest is past its cut-off already (StepEnd.PAST_CUTOFF_AT_REST,
 * both runners since session 21) leaves the cell where a discharge ends: its cycle brought the cell back, as one whose
 * last discharge reached its cut-off. A full cell charged to 4.2 V, discharged to 2.5 V, then a second discharge to
 * 3.0 V, past which the cell rests: cycle 1 keeps its efficiency (180 / 200) and is a full discharge. Mutation audit,
 * session 22 (P2 in docs/solid-state-solver.md): the end left out of CycleBook.endsTheGiving passed every test, whose
 * steps past their cut-off at rest were a half cell's first stripping (a cycle with nothing stored).
 */
class PastCutoffAtRestCycleTest {

	@Test
	void aDischargePastItsCutoffAtRestLeavesTheCellWhereADischargeEnds() {
		List<CycleSummary> closed = new ArrayList<>();
		LithiumInventory li = new LithiumInventory(1, 0, 0, 0, 0, 0, 2, 3);
		CycleBook b = new CycleBook(true, 0.5, (c, last) -> closed.add(c));
		b.startDirection(1, 0, () -> li);
		b.addCurrent(2, 100); // 200 C/m2 charged
		b.recordStep(0, StepEnd.VOLTAGE_CUTOFF, 0, 100, 200, 4.2);
		b.startDirection(-1, 100, () -> li);
		b.addCurrent(-1.8, 100); // 180 C/m2 discharged
		b.recordStep(1, StepEnd.VOLTAGE_CUTOFF, 100, 200, -180, 2.5);
		b.startDirection(-1, 200, () -> li); // the cell rests at 2.9 V, past the next step's 3.0 V
		b.recordStep(2, StepEnd.PAST_CUTOFF_AT_REST, 200, 200, 0, 2.9);
		b.startDirection(1, 200, () -> li); // the next charge closes cycle 1
		assertEquals(1, closed.size());
		CycleSummary c = closed.get(0);
		assertTrue(c.broughtBack(), "the cell is where a discharge ends: " + c);
		assertEquals(0.9, c.coulombicEfficiency(), 1e-12);
	}
}

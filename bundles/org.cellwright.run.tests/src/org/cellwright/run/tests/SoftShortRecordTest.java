package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.run.folder.Summary;
import org.cellwright.solver.RunInfo;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.SimulationEvent;
import org.cellwright.solver.output.SummaryJsonWriter;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * summary.json's {@code soft_short} names its cycle and its step ({@code step}; null for a soft short of a cycle's
 * Coulombic efficiency, which names no step), and the run folder's reader gives them (Summary.ShortCircuit.step). The
 * Results view had taken the step out of the warning's text with a regular expression; a run folder written before
 * {@code step} existed is still read, its step read off the warning in the reader alone.
 */
class SoftShortRecordTest {

	static Summary written(SimulationEvent e) {
		SummaryJsonWriter w = new SummaryJsonWriter();
		w.start(new RunInfo("C", 1, 1, 1, true, 3, 3));
		w.event(e);
		w.finish(RunStatus.COMPLETED);
		return Summary.of(w.json());
	}

	@Test
	void aSoftShortOfAStepIsWrittenWithItsStep() {
		String warning = "warning: cycle 12, step 3: soft short: the charge ran into its time limit";
		Summary s = written(new SimulationEvent(SimulationEvent.Type.SOFT_SHORT, 3600, 3, 12, 0.5, warning, "the charge ran into its time limit"));
		JsonObject soft = s.json().getAsJsonObject("soft_short");
		assertEquals(3, soft.get("step").getAsInt(), soft.toString());
		assertEquals(12, soft.get("cycle").getAsInt());
		Summary.ShortCircuit sc = s.softShort();
		assertEquals(12, sc.cycle());
		assertEquals(3, sc.step());
		assertEquals(1.0, sc.timeH(), 1e-12);
		assertEquals("the charge ran into its time limit", sc.cause());
	}

	/**
	 * summary.json names the soft short's step as its warning does (StepNumbers: its number as the protocol is written,
	 * and its line), for the Results view's status line; walk30 found "step 3" there, timeseries.csv's index from 0.
	 */
	@Test
	void aSoftShortsStepIsNamedAsTheProtocolIsWritten() {
		org.cellwright.solver.input.ProtocolSpec p = new org.cellwright.solver.input.ProtocolSpec("P", java.util.List.of(
				org.cellwright.solver.input.StepSpec.rest(60), org.cellwright.solver.input.StepSpec.repeat(5,
						org.cellwright.solver.input.StepSpec.cRate(0.1, org.cellwright.solver.input.Cutoff.voltageAbove(4.3)),
						org.cellwright.solver.input.StepSpec.cRate(-0.1, org.cellwright.solver.input.Cutoff.voltageBelow(2.8)))),
				java.util.List.of("line 4", "line 5", "line 6", "line 7"));
		SummaryJsonWriter w = new SummaryJsonWriter();
		w.start(new RunInfo("C", 1, 1, 1, true, 11, 5, true, org.cellwright.solver.input.StepNumbers.of(p)));
		w.event(new SimulationEvent(SimulationEvent.Type.SOFT_SHORT, 3600, 3, 12, 0.5, "warning: cycle 12, step 2.1 (line 6): soft short: a leak", "a leak"));
		w.finish(RunStatus.COMPLETED);
		Summary.ShortCircuit sc = Summary.of(w.json()).softShort();
		assertEquals(3, sc.step(), "the flattened index, as timeseries.csv numbers it");
		assertEquals("step 2.1 (line 6)", sc.stepName(), "the fourth step run: the repeat's first step, its second pass");
	}

	@Test
	void aSoftShortOfACyclesEfficiencyHasNoStep() {
		String warning = "warning: cycle 3: soft short: Coulombic efficiency 40.0 % against 98.0 % in the cycles before";
		Summary s = written(new SimulationEvent(SimulationEvent.Type.SOFT_SHORT, 7200, -1, 3, 0.5, warning, "Coulombic efficiency ..."));
		JsonObject soft = s.json().getAsJsonObject("soft_short");
		assertTrue(soft.has("step") && soft.get("step").isJsonNull(), "the member, null: " + soft);
		assertEquals(-1, s.softShort().step());
		assertEquals(3, s.softShort().cycle());
	}

	@Test
	void theStepIsTheMembersNotTheWarnings() {
		// a warning worded otherwise: the step is read from its own member
		Summary s = Summary.of(JsonParser.parseString("{\"soft_short\":{\"cycle\":12,\"step\":4,\"time_h\":301.4,"
				+ "\"reason\":\"warning: soft short in the fourth step\",\"cause\":\"a leak\"}}").getAsJsonObject());
		assertEquals(4, s.softShort().step());
		assertEquals("a leak", s.softShort().cause());
	}

	@Test
	void aRunFolderWrittenBeforeTheStepMemberIsStillRead() {
		Summary old = Summary.of(JsonParser.parseString("{\"soft_short\":{\"cycle\":12,\"time_h\":301.4,"
				+ "\"reason\":\"warning: cycle 12, step 1: soft short: the charge ran into its time limit\"}}").getAsJsonObject());
		assertEquals(12, old.softShort().cycle());
		assertEquals(1, old.softShort().step(), "read off the warning");
		assertEquals("the charge ran into its time limit", old.softShort().cause());
		Summary oldCycle = Summary.of(JsonParser.parseString("{\"soft_short\":{\"cycle\":3,\"time_h\":30,"
				+ "\"reason\":\"warning: cycle 3: soft short: Coulombic efficiency 40.0 %\"}}").getAsJsonObject());
		assertEquals(-1, oldCycle.softShort().step(), "a cycle's soft short names no step");
		// a hard short has no step
		Summary hard = Summary.of(JsonParser.parseString("{\"short_circuit\":{\"cycle\":6,\"time_h\":46.5,\"reason\":\"filament\"}}")
				.getAsJsonObject());
		assertEquals(-1, hard.shortCircuit().step());
		assertNull(hard.softShort());
	}
}

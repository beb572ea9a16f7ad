package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;

import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.StepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 5 C pulses, rests and 3 C charges on two real BPX cells (../shared/data/bpx-real, imported as a user does), which
 * the BPX fuzz found ending NOT_CONVERGED, "no consistent state at the start of the step" (docs/dfn.md, "How a step
 * ends"). After the 30 s rest the reaction currents are some 1e-2 A/m2, and the finite-difference steps of their
 * Jacobian columns (2e-10 A/m2) move the negative's surface stoichiometry less than its OCP fit rounds: the consistent
 * initialisation's Newton correction was no descent direction, and no current, not even a second rest, could be set.
 * Its last try now takes steps 100 times longer ({@code DaeNewton.COARSE_STEP}).
 */
class DfnBpxPulseRunTest {

	@TempDir Path tmp;

	static final String PULSES = " discharge at 5 C for 1 min\n rest for 30 s\n charge at 3 C for 30 s\n rest for 10 s\n";

	RecordingSink run(String name, String steps, boolean windowless) throws Exception {
		DfnBpxProtocolRunTest p = new DfnBpxProtocolRunTest();
		p.tmp = tmp;
		return p.run(name, steps, windowless);
	}

	static List<StepResult> steps(RecordingSink sink) {
		return sink.steps();
	}

	/** Every step runs its duration, and each 3 C charge passes its 30 s of charge (1968.6 C/m2). */
	static void allRun(RecordingSink sink, int cycles) {
		assertEquals(RunStatus.COMPLETED, sink.status, sink.events.toString());
		List<StepResult> steps = steps(sink);
		assertEquals(4 * cycles, steps.size(), steps.toString());
		for (StepResult r : steps) assertEquals("duration", r.end().label(), r.toString());
		double charge = steps.get(2).charge();
		assertTrue(charge > 1900, "the first 3 C charge passed " + charge + " C/m2");
		for (int k = 2; k < steps.size(); k += 4) assertEquals(charge, steps.get(k).charge(), 1e-6 * charge, "charge " + k);
		DfnBpxProtocolRunTest.noRepeatedSamples(sink);
	}

	/** ExploreBPX's pouch cell without its window: the first 3 C charge (at 90 s, 65.6 A/m2) could not start. */
	@Test
	void theExploreBpxCellChargesAt3CAfterA5CPulseAndARest() throws Exception {
		allRun(run("explorebpx__nmc_pouch_cell", "repeat 2 {\n" + PULSES + "}", true), 2);
	}

	/**
	 * With its window the same 3 C charge is past the 4.2 V cut-off the moment its current is set (4.2499 V): it ends
	 * there at once as a voltage-cutoff, said so, and the rest after it runs (before: NOT_CONVERGED). It ends on the
	 * cut-off, at the current on its way up where the voltage reaches 4.2 V (before: at 4.2499 V), with one warning:
	 * the step has no cut-off of its own, and the window's warning came beside the at-once one for the same event.
	 */
	@Test
	void withItsWindowTheChargeEndsAtOnceAtItsCutoff() throws Exception {
		RecordingSink sink = run("explorebpx__nmc_pouch_cell", PULSES, false);
		assertEquals(RunStatus.COMPLETED, sink.status, sink.events.toString());
		List<StepResult> steps = steps(sink);
		assertEquals(List.of("duration", "duration", "voltage-cutoff", "duration"), steps.stream().map(r -> r.end().label()).toList());
		StepResult charge = steps.get(2);
		assertEquals(0, charge.charge(), 1e-9);
		assertEquals(charge.startTime(), charge.endTime(), 1e-9);
		assertEquals(4.2, charge.endVoltage(), 1e-3, "on the cut-off");
		assertEquals(4.2, sink.samples.stream().filter(x -> x.stepIndex() == 2).reduce((a, b) -> b).orElseThrow().voltage(), 1e-3,
				"the step's sample on the cut-off");
		List<String> warnings = sink.warnings(2);
		assertEquals(1, warnings.size(), warnings.toString());
		assertTrue(warnings.get(0).contains("past the cell's upper-voltage-cutoff 4.2000 V (its voltage window"), warnings.get(0));
		assertTrue(warnings.get(0).contains("the voltage reaches the cut-off at"), warnings.get(0));
	}

	/** The blended-electrode BPX cell without its window: the 3 C charge of the fourth cycle (480 s) could not start. */
	@Test
	void theBlendedElectrodeCellChargesAt3CInItsFourthCycle() throws Exception {
		allRun(run("bpxrepo__nmc_pouch_cell_BPX_blended_electrode", "repeat 4 {\n" + PULSES + "}", true), 4);
	}
}

package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.SimulationEvent;
import org.cellwright.solver.StepEnd;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;

/**
 * Plating a half cell at 0.1 MPa (HalfPress of the fuzz, batch 2): the Li foil counter electrode is stripped far
 * faster than creep at that pressure refills its voids, its contact with the SE goes (ContactArea), and the current
 * crowding through the contact left took the voltage to -1.2 V in 2 h (-3.9 to -6.5 V before) without a word. The step
 * ends by its duration and says why, naming cycle, step and cause.
 */
class ContactLossStepEndTest {

	@Test
	void platingAtLowStackPressureWarnsThatTheCounterElectrodeLostItsContact() {
		RecordingSink s = new RecordingSink();
		RunStatus st = new Simulation().run(Sung2023Parameters.cell2Interlayer(0.1e6), ProtocolSpec.of(
				StepSpec.currentDensity(-3, Cutoff.duration(2 * 3600))), SolverSettings.builder().build(), s, null);
		assertEquals(RunStatus.COMPLETED, st, () -> s.events.toString());
		assertEquals(StepEnd.DURATION, s.cycles.get(0).steps().get(0).end());
		double last = s.samples.get(s.samples.size() - 1).voltage();
		assertTrue(last < -0.5, "the voltage falls as the contact goes: " + last);
		List<String> warnings = s.events.stream().filter(e -> e.type() == SimulationEvent.Type.STEP_END).map(SimulationEvent::message).toList();
		assertEquals(1, warnings.size(), warnings.toString());
		String w = warnings.get(0);
		assertTrue(w.startsWith("warning: cycle 1, step 1 (duration at 2 h): "), w);
		assertTrue(w.contains("the counter electrode (") && w.contains(") lost its contact with the SE"), w);
		assertTrue(w.contains("outruns the creep") && w.contains("at 0.1 MPa"), w);
	}

	/**
	 * Plated for 6 h at 0.1 MPa, the foil's contact reached the model's floor (0.1 % of the area, a numerical floor)
	 * after about 2.6 h, and the step went on through it to -5.06 V at 6 h: below the floor the model has no contact to
	 * carry the current, it held the contact there. The step ends where the contact reaches the floor, as a transport
	 * limit, said so; the rest after it runs, a plating right after it ends at once (no contact, no charge), and the
	 * stripping after that runs (plating the foil refills its contact).
	 */
	@Test
	void platingAtLowStackPressureEndsWhereTheContactReachesTheFloor() {
		RecordingSink s = new RecordingSink();
		RunStatus st = new Simulation().run(Sung2023Parameters.cell2Interlayer(0.1e6), ProtocolSpec.of(
				StepSpec.currentDensity(-3, Cutoff.duration(6 * 3600)), StepSpec.rest(3600),
				StepSpec.currentDensity(-3, Cutoff.duration(3600)),
				StepSpec.currentDensity(3, Cutoff.voltageAbove(0.2), Cutoff.duration(6 * 3600))),
				SolverSettings.builder().build(), s, null);
		assertEquals(RunStatus.COMPLETED, st, () -> s.events.toString());
		List<org.cellwright.solver.StepResult> steps = s.steps();
		assertEquals(4, steps.size(), steps.toString());
		org.cellwright.solver.StepResult plating = steps.get(0);
		assertEquals(StepEnd.CONTACT_LOST, plating.end(), steps.toString()); // voltage-jump before session 27: no cut-off was crossed
		assertTrue(s.cycles.get(0).stepEnds().startsWith("0:contact-lost 1:duration 2:contact-lost"), "cycles.csv's step_ends: " + s.cycles.get(0).stepEnds());
		double hours = (plating.endTime() - plating.startTime()) / 3600;
		assertTrue(hours > 2 && hours < 4, "the contact reaches the floor after about 2.6 h: " + hours);
		assertTrue(plating.endVoltage() < -0.5 && plating.endVoltage() > -5, "through the contact left, not past the floor: " + plating.endVoltage());
		assertEquals(StepEnd.DURATION, steps.get(1).end(), "the rest runs");
		assertEquals(StepEnd.CONTACT_LOST, steps.get(2).end(), "no contact left to plate through");
		assertEquals(0, steps.get(2).charge(), 1e-4, "ended at once (the rest let creep restore a contact a DT_MIN step strips)");
		List<String> warnings = s.events.stream().filter(e -> e.type() == SimulationEvent.Type.STEP_END).map(SimulationEvent::message).toList();
		String w = warnings.get(0);
		assertTrue(w.startsWith("warning: cycle 1, step 1 (contact-lost at "), w);
		assertTrue(w.contains("the counter electrode (") && w.contains("lost its contact with the SE")
				&& w.contains("to the model's floor of 0.1 % of the area") && w.contains("the step ends here"), w);
	}

	/**
	 * Without stack pressure the foil's equilibrium contact is the model's floor from the start (Tabor: p / 3 sigma_y =
	 * 0): a plating at 0 MPa ran its hour to -2.16 V without a word. It ends at once, said so.
	 */
	@Test
	void platingWithoutStackPressureEndsAtOnce() {
		RecordingSink s = new RecordingSink();
		RunStatus st = new Simulation().run(Sung2023Parameters.cell2Interlayer(0), ProtocolSpec.of(
				StepSpec.currentDensity(-3, Cutoff.duration(3600))), SolverSettings.builder().build(), s, null);
		assertEquals(RunStatus.COMPLETED, st, () -> s.events.toString());
		org.cellwright.solver.StepResult plating = s.cycles.get(0).steps().get(0);
		assertEquals(StepEnd.CONTACT_LOST, plating.end());
		assertEquals(0, plating.charge(), 1e-9, "no contact to plate through");
		String w = s.events.stream().filter(e -> e.type() == SimulationEvent.Type.STEP_END).map(SimulationEvent::message).findFirst().orElse("");
		assertTrue(w.startsWith("warning: cycle 1, step 1 (contact-lost at 0 s): ")
				&& w.contains("its true contact at the model's floor of 0.1 % of the area from the step's start"), w);
	}

	@Test
	void atTheStudysPressureNoContactIsLost() {
		RecordingSink s = new RecordingSink();
		new Simulation().run(Sung2023Parameters.cell2Interlayer(65e6), ProtocolSpec.of(
				StepSpec.currentDensity(-3, Cutoff.duration(2 * 3600))), SolverSettings.builder().build(), s, null);
		assertTrue(s.events.stream().noneMatch(e -> e.type() == SimulationEvent.Type.STEP_END), s.events.toString());
		Sample lastSample = s.samples.get(s.samples.size() - 1);
		assertTrue(lastSample.voltage() > -0.1, "a few tens of mV below 0 V: " + lastSample.voltage());
	}
}

package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.run.dfn.DfnInputs;
import org.cellwright.run.dfn.DfnRunner;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.SimulationEvent;
import org.cellwright.solver.StepEnd;
import org.cellwright.solver.StepResult;
import org.cellwright.solver.physics.Constants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lithium-metal foil's own lithium in a run of a mixed cell (examples/chen2020-halfcell.cell with a thin foil): the
 * samples' lithium inventory carries it, a discharge that strips it all ends there (StepEnd.LITHIUM_EXHAUSTED, a warning
 * naming cell, cycle and step) and the run goes on with the next step; a charge plates it back.
 */
class DfnLithiumFoilRunTest {

	@TempDir Path tmp;

	@Test
	void aThinFoilRunsOutAtTheTimeItsLithiumLastsAndTheRunGoesOn() throws Exception {
		String text = Files.readString(DfnHalfCellRunTest.EXAMPLE).replace("layer foil: XuLithium 85.2 um", "layer foil: XuLithium 20 um") + """

				protocol ThinFoil {
					discharge at 1 C until 2.5 V
					rest for 1 min
					discharge at 1 C until 2.5 V
					charge at 1 C for 10 min
				}

				experiment Thin {
					cell Chen2020HalfCell
					protocol ThinFoil
					solver { electrode-nodes = 10  separator-nodes = 5  particle-nodes = 10  output-interval = 10 s }
				}
				""";
		assertTrue(text.contains("XuLithium 20 um"), "the example's foil layer");
		Path f = tmp.resolve("thin.cell");
		Files.writeString(f, text);
		DfnInputs in = DfnRunTest.inputs(f, "Thin");
		DfnInputs.Layer foil = DfnInputs.layers(in.cell()).get(0); // the report's stack: the foil first, no particles
		assertEquals(DfnInputs.LITHIUM_METAL, foil.role());
		assertEquals(20e-6, foil.thickness(), 1e-12);
		assertTrue(Double.isNaN(foil.particleRadius()));
		RecordingSink sink = new RecordingSink();
		assertEquals(RunStatus.COMPLETED, DfnRunner.run(in, sink, ProgressListener.NONE), sink.events.toString());
		double i = 5 / 0.1027, n0 = 20e-6 / 1.3e-5; // 1 C [A/m2]; the foil's lithium [mol/m2] (1 / V_Li = 7.69e4 mol/m3)
		double expected = Constants.F * n0 / i; // Q = F n: 3049 s
		List<StepResult> steps = sink.steps(); // the discharges, then the charge's cycle
		assertEquals(List.of(StepEnd.LITHIUM_EXHAUSTED, StepEnd.DURATION, StepEnd.LITHIUM_EXHAUSTED, StepEnd.DURATION),
				steps.stream().map(StepResult::end).toList());
		assertEquals(expected, steps.get(0).endTime(), 1e-5 * expected, "the foil is exhausted at F n / I");
		assertTrue(steps.get(0).endVoltage() > 3.0, "before the cathode's cut-off: " + steps.get(0).endVoltage() + " V");
		assertEquals(steps.get(2).startTime(), steps.get(2).endTime(), 1.0, "a discharge of the bare foil ends at once");
		List<SimulationEvent> warnings = sink.events.stream().filter(e -> e.message() != null && e.message().contains("exhausted")).toList();
		assertEquals(2, warnings.size(), sink.events.toString());
		String m = warnings.get(0).message();
		assertTrue(m.matches("warning: cycle 1, step 1 \\(line \\d+\\) \\(lithium-exhausted at .*") && m.contains("): cell Chen2020HalfCell: the lithium-metal foil XuLithium is exhausted at t = 304")
				&& m.contains("1.538 mol/m2 of 20.0 um"), m);
		// the inventory: n0 at the start, none at the first end, and the charge's I t / F plated back at the last
		Sample first = sink.samples.get(0), end = sink.last();
		assertEquals(n0, first.lithium().foil(), 1e-12 * n0);
		Sample exhausted = sink.samples.stream().filter(s -> s.stepIndex() == 0).reduce((a, b) -> b).orElseThrow();
		assertEquals(0, exhausted.lithium().foil(), 1e-6 * n0, "none left at the end of the first discharge");
		assertEquals(i * 600 / Constants.F, end.lithium().foil(), 1e-5 * n0, "the charge plates I t / F back");
		// lithium conserved: what the foil lost the cathode holds (the salt is conserved), at every sample
		for (Sample s : sink.samples)
			assertEquals(first.lithium().foil() + first.lithium().cathode(), s.lithium().foil() + s.lithium().cathode(), 1e-6 * n0, "at " + s.time() + " s");
	}
}
